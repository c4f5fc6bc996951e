/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for the Prometheus rendering (controller/metrics.c): the
 * counters are set to known values, rendered, and the text is checked
 * line by line against the text exposition format 0.0.4 (a small
 * validator below), for one HELP and one TYPE before each family's
 * samples, for the expected sample lines, and for label escaping. */

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/metrics.h"
#include "controller/stats.h"
#include "controller/switch.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "tests/tap.h"

/* True if 'c' may start a metric name (label names: without ':'). */
static bool
name_start(char c, bool colon)
{
    return isalpha((unsigned char) c) || c == '_' || (colon && c == ':');
}

/* True if 'c' may continue a metric or label name. */
static bool
name_char(char c, bool colon)
{
    return name_start(c, colon) || isdigit((unsigned char) c);
}

/* Skips a name at '*p'; returns its length, 0 if there is none. */
static size_t
skip_name(const char **p, bool colon)
{
    const char *s = *p;
    if (!name_start(*s, colon)) {
        return 0;
    }
    while (name_char(*s, colon)) {
        s++;
    }
    size_t n = s - *p;
    *p = s;
    return n;
}

/* Validates one sample line (without its newline) against
 * ^[a-zA-Z_:][a-zA-Z0-9_:]*(\{L="V"(,L="V")*\})? -?[0-9.e+]+$ where a value
 * V is ([^"\\\n]|\\.)*.  Stores the metric name's length in '*name_len'. */
static bool
valid_sample(const char *line, size_t *name_len)
{
    const char *p = line;
    *name_len = skip_name(&p, true);
    if (!*name_len) {
        return false;
    }
    if (*p == '{') {
        p++;
        for (;;) {
            if (!skip_name(&p, false) || *p++ != '=' || *p++ != '"') {
                return false;
            }
            while (*p != '"') {
                if (!*p || *p == '\n') {
                    return false;
                } else if (*p == '\\') {
                    if (!p[1]) {
                        return false;
                    }
                    p += 2;
                } else {
                    p++;
                }
            }
            p++;
            if (*p == '}') {
                p++;
                break;
            } else if (*p++ != ',') {
                return false;
            }
        }
    }
    if (*p++ != ' ') {
        return false;
    }
    if (*p == '-') {
        p++;
    }
    if (!*p) {
        return false;
    }
    for (; *p; p++) {
        if (!isdigit((unsigned char) *p) && !strchr(".e+", *p)) {
            return false;
        }
    }
    return true;
}

/* What the checker knows of one family. */
struct family {
    char name[128];
    int n_help, n_type, n_samples;
};

/* Checks a whole exposition; on failure prints the reason as a TAP
 * diagnostic and returns false.  Also counts the families. */
static bool
valid_exposition(const char *text, int *n_families)
{
    static struct family fams[256];
    int n = 0;
    const struct family *cur = NULL;    /* Family of the last # TYPE. */
    bool ok = true;

    if (*text && text[strlen(text) - 1] != '\n') {
        tap_diag("exposition does not end in a newline");
        ok = false;
    }
    char *copy = strdup(text);
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#') {
            bool help = !strncmp(line, "# HELP ", 7);
            bool type = !strncmp(line, "# TYPE ", 7);
            if (!help && !type) {
                tap_diag("bad comment: %s", line);
                ok = false;
                continue;
            }
            const char *p = line + 7;
            size_t len = skip_name(&p, true);
            if (!len || len >= sizeof fams[0].name || *p != ' ') {
                tap_diag("bad name in: %s", line);
                ok = false;
                continue;
            }
            if (type && strcmp(p, " counter") && strcmp(p, " gauge")) {
                tap_diag("bad type in: %s", line);
                ok = false;
            }
            struct family *f = NULL;
            for (int i = 0; i < n; i++) {
                if (strlen(fams[i].name) == len
                    && !strncmp(fams[i].name, line + 7, len)) {
                    f = &fams[i];
                }
            }
            if (!f) {
                if (n == (int) (sizeof fams / sizeof fams[0])) {
                    tap_diag("too many families");
                    ok = false;
                    break;
                }
                f = &fams[n++];
                memset(f, 0, sizeof *f);
                memcpy(f->name, line + 7, len);
            }
            if (f->n_samples) {
                tap_diag("comment after samples: %s", line);
                ok = false;
            }
            if (help) {
                if (f->n_help++ || f->n_type) {
                    tap_diag("HELP repeated or after TYPE: %s", line);
                    ok = false;
                }
            } else {
                if (f->n_type++ || !f->n_help) {
                    tap_diag("TYPE repeated or without HELP: %s", line);
                    ok = false;
                }
                cur = f;
            }
        } else {
            size_t len;
            if (!valid_sample(line, &len)) {
                tap_diag("bad sample line: %s", line);
                ok = false;
            } else if (!cur || strlen(cur->name) != len
                       || strncmp(cur->name, line, len)) {
                tap_diag("sample outside its family: %s", line);
                ok = false;
            } else {
                fams[cur - fams].n_samples++;
            }
        }
    }
    for (int i = 0; i < n; i++) {
        /* A family without samples is allowed (no errors yet). */
        if (fams[i].n_help != 1 || fams[i].n_type != 1) {
            tap_diag("family %s: %d HELP, %d TYPE, %d samples",
                     fams[i].name, fams[i].n_help, fams[i].n_type,
                     fams[i].n_samples);
            ok = false;
        }
    }
    free(copy);
    *n_families = n;
    return ok;
}

/* True if 'text' holds 'line' as a whole line. */
static bool
has_line(const char *text, const char *line)
{
    size_t len = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++) {
        if ((p == text || p[-1] == '\n') && p[len] == '\n') {
            return true;
        }
    }
    return false;
}

/* Checks that 'line' is in 'text', showing the text on failure. */
static void
check_line(const char *text, const char *line)
{
    if (!tap_ok(has_line(text, line), "has line: %s", line)) {
        tap_diag("in:\n%s", text);
    }
}

/* The fake L2 app's getter. */
static void
fake_l2(struct ofc_metrics_l2 *m)
{
    m->hosts = 42;
    m->packet_ins = 1000;
    m->learned = 50;
    m->moves = 3;
    m->forgotten = 8;
    m->packet_outs = 900;
    m->floods = 400;
    m->rate_limited = 17;
    m->host_limit = 2;
    m->bad_packets = 5;
}

/* A fake extra source with an awkward label value; 'aux' is the value. */
static void
fake_source(struct ofp_ds *out, void *aux)
{
    const char *name = "ofc_rest_requests_total";
    struct ofc_metrics_label l[2] = {
        { "route", aux }, { "status", "200" },
    };
    ofc_metrics_put_family(out, name, "counter",
                           "REST requests, by route and status.\nTest \\.");
    ofc_metrics_put_sample(out, name, l, 2, 7);
}

/* The validator itself must reject malformed samples. */
static void
test_validator(void)
{
    static const char *const good[] = {
        "a 1", "ofc_x:y_total 0", "_a{b=\"\"} 1.5e+3",
        "a{b=\"x\\\"y\",c_1=\"\\\\\"} -2",
    };
    static const char *const bad[] = {
        "1a 1", "a  1", "a", "a 1 2", "a{b=\"x} 1", "a{b=\"x\\\"} 1",
        "a{1b=\"x\"} 1", "a{b=\"x\",} 1", "a{b:c=\"x\"} 1", "a{b=x} 1",
        "a nan", "a{} 1",
    };
    size_t len;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        tap_ok(valid_sample(good[i], &len), "validator accepts %s", good[i]);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tap_ok(!valid_sample(bad[i], &len), "validator rejects %s", bad[i]);
    }
    int n;
    tap_ok(!valid_exposition("# TYPE a counter\n# HELP a x\na 1\n", &n),
           "validator rejects TYPE before HELP");
    tap_ok(!valid_exposition("# HELP a x\n# TYPE a counter\n"
                             "# HELP a x\na 1\n", &n),
           "validator rejects a second HELP");
    tap_ok(!valid_exposition("# HELP a x\n# TYPE a counter\nb 1\n", &n),
           "validator rejects a sample of another family");
    tap_ok(!valid_exposition("# HELP a x\n# TYPE a counter\na 1", &n),
           "validator rejects a missing final newline");
    tap_ok(valid_exposition("# HELP a x\n# TYPE a gauge\na{l=\"v\"} 1\n"
                            "a{l=\"w\"} 2\n", &n) && n == 1,
           "validator accepts a small family");
}

/* The label escaping helpers. */
static void
test_escaping(void)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    ofc_metrics_put_label_value(&ds, "a\"b\\c\nd");
    TAP_STR_EQ(ofp_ds_cstr(&ds), "a\\\"b\\\\c\\nd",
               "label value escapes quote, backslash and newline");
    ofp_ds_clear(&ds);

    struct ofc_metrics_label l = { "route", "/v1/\"x\"\\y" };
    ofc_metrics_put_sample(&ds, "ofc_t_total", &l, 1, 9);
    TAP_STR_EQ(ofp_ds_cstr(&ds),
               "ofc_t_total{route=\"/v1/\\\"x\\\"\\\\y\"} 9\n",
               "sample with an escaped label value");
    size_t len;
    char *line = strdup(ofp_ds_cstr(&ds));
    line[strlen(line) - 1] = '\0';
    tap_ok(valid_sample(line, &len), "escaped sample is valid");
    free(line);
    ofp_ds_clear(&ds);

    ofc_metrics_put_family(&ds, "ofc_h", "gauge", "back\\slash\nnew \"q\"");
    TAP_STR_EQ(ofp_ds_cstr(&ds),
               "# HELP ofc_h back\\\\slash\\nnew \"q\"\n# TYPE ofc_h gauge\n",
               "HELP escapes backslash and newline, not quotes");
    ofp_ds_destroy(&ds);
}

/* Renders with all counters zero and no app: valid, no L2 families. */
static void
test_empty(void)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    int n;
    memset(&ofc_stats, 0, sizeof ofc_stats);
    ofc_metrics_set_l2(NULL);
    ofc_metrics_render(&ds);
    const char *text = ofp_ds_cstr(&ds);
    tap_ok(valid_exposition(text, &n), "empty exposition is valid");
    tap_ok(n >= 10, "empty exposition has %d families", n);
    check_line(text, "ofc_switches_connected 0");
    check_line(text, "ofc_switch_connects_total 0");
    check_line(text, "ofc_packet_ins_total{reason=\"no_match\"} 0");
    check_line(text, "# TYPE ofc_openflow_errors_total counter");
    tap_ok(!strstr(text, "ofc_openflow_errors_total{"),
           "no error samples when there were no errors");
    tap_ok(!strstr(text, "ofc_l2_"), "no L2 families without the app");
    ofp_ds_destroy(&ds);
}

/* Renders known counter values, the fake L2 app and a fake source. */
static void
test_values(void)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    int n;

    memset(&ofc_stats, 0, sizeof ofc_stats);
    ofc_stats.connects = 3;
    ofc_stats.disconnects = 2;
    ofc_stats.handshakes = 1;
    ofc_stats.flow_mods_tx = 1234;
    ofc_stats.group_mods_tx = 56;
    ofc_stats.bytes_in = 18446744073709551615ull;
    for (int i = 0; i < 5; i++) {
        ofc_stats_count_packet_in(OFPR_NO_MATCH);
    }
    ofc_stats_count_packet_in(OFPR_ACTION);
    ofc_stats_count_packet_in(OFPR_INVALID_TTL);
    ofc_stats_count_packet_in(OFPR_INVALID_TTL);
    ofc_stats_count_packet_in(200);
    ofc_stats_count_error(ofc_stats.errors_rx, &ofc_stats.errors_rx_other,
                          OFPET_BAD_REQUEST, 6);
    ofc_stats_count_error(ofc_stats.errors_rx, &ofc_stats.errors_rx_other,
                          OFPET_BAD_REQUEST, 6);
    ofc_stats_count_error(ofc_stats.errors_tx, &ofc_stats.errors_tx_other,
                          OFPET_BAD_MATCH, 15);
    ofc_stats_count_error(ofc_stats.errors_tx, &ofc_stats.errors_tx_other,
                          OFPET_EXPERIMENTER, 1);
    ofc_metrics_set_l2(fake_l2);
    tap_ok(!ofc_metrics_add_source(fake_source, "/v1/a\"b\\c"),
           "source added");
    tap_ok(!ofc_metrics_add_source(fake_source, "/v1/a\"b\\c"),
           "same source added again");

    ofc_metrics_render(&ds);
    const char *text = ofp_ds_cstr(&ds);
    if (!tap_ok(valid_exposition(text, &n), "exposition is valid")) {
        tap_diag("text:\n%s", text);
    }
    tap_diag("%d families", n);
    check_line(text, "ofc_switch_connects_total 3");
    check_line(text, "ofc_switch_disconnects_total 2");
    check_line(text, "ofc_switch_handshakes_total 1");
    check_line(text, "ofc_switches_connected 0");
    check_line(text, "# TYPE ofc_switches_connected gauge");
    check_line(text, "# TYPE ofc_switch_connects_total counter");
    check_line(text, "ofc_flow_mods_sent_total 1234");
    check_line(text, "ofc_group_mods_sent_total 56");
    check_line(text, "ofc_openflow_bytes_total{direction=\"rx\"} "
               "18446744073709551615");
    check_line(text, "ofc_packet_ins_total{reason=\"no_match\"} 5");
    check_line(text, "ofc_packet_ins_total{reason=\"action\"} 1");
    check_line(text, "ofc_packet_ins_total{reason=\"invalid_ttl\"} 2");
    check_line(text, "ofc_packet_ins_total{reason=\"other\"} 1");
    check_line(text, "ofc_openflow_errors_total{direction=\"rx\","
               "type=\"OFPET_BAD_REQUEST\",code=\"OFPBRC_BAD_LEN\"} 2");
    check_line(text, "ofc_openflow_errors_total{direction=\"tx\","
               "type=\"OFPET_BAD_MATCH\",code=\"15\"} 1");
    check_line(text, "ofc_openflow_errors_total{direction=\"tx\","
               "type=\"other\",code=\"other\"} 1");
    check_line(text, "# TYPE ofc_l2_hosts gauge");
    check_line(text, "ofc_l2_hosts 42");
    check_line(text, "ofc_l2_packet_ins_rate_limited_total 17");
    check_line(text, "ofc_l2_hosts_learned_total 50");
    check_line(text, "ofc_l2_bad_packets_total 5");
    check_line(text, "ofc_rest_requests_total{route=\"/v1/a\\\"b\\\\c\","
               "status=\"200\"} 7");
    check_line(text, "# HELP ofc_rest_requests_total REST requests, by "
               "route and status.\\nTest \\\\.");
    ofp_ds_destroy(&ds);

    /* Without the source, its family disappears. */
    ofc_metrics_remove_source(fake_source, "/v1/a\"b\\c");
    ds = (struct ofp_ds) OFP_DS_INITIALIZER;
    ofc_metrics_render(&ds);
    text = ofp_ds_cstr(&ds);
    tap_ok(valid_exposition(text, &n), "exposition without source valid");
    tap_ok(!strstr(text, "ofc_rest_requests_total"), "source removed");
    ofp_ds_destroy(&ds);
    ofc_metrics_set_l2(NULL);
}

/* The source table has a fixed size. */
static void
test_source_limit(void)
{
    static char auxes[OFC_METRICS_MAX_SOURCES + 1];
    int fails = 0;
    for (int i = 0; i <= OFC_METRICS_MAX_SOURCES; i++) {
        fails += ofc_metrics_add_source(fake_source, &auxes[i]) != 0;
    }
    tap_ok(fails == 1, "source %d of %d refused", OFC_METRICS_MAX_SOURCES + 1,
           OFC_METRICS_MAX_SOURCES);
    for (int i = 0; i <= OFC_METRICS_MAX_SOURCES; i++) {
        ofc_metrics_remove_source(fake_source, &auxes[i]);
    }
    tap_ok(!ofc_metrics_add_source(fake_source, &auxes[0]),
           "room again after removal");
    ofc_metrics_remove_source(fake_source, &auxes[0]);
}

int
main(void)
{
    ofc_switches_init();
    test_validator();
    test_escaping();
    test_empty();
    test_values();
    test_source_limit();
    ofc_switches_destroy();
    return tap_done();
}
