/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The Prometheus text exposition of the daemon's counters (see
 * metrics.h). */

#include "controller/metrics.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include "controller/stats.h"
#include "controller/switch.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"

/* The L2 app's getter, or NULL. */
static ofc_metrics_l2_func *l2_getter;

/* A registered extra source. */
struct metrics_source {
    ofc_metrics_source_func *func;
    void *aux;
};

/* The extra sources, in the order added. */
static struct metrics_source sources[OFC_METRICS_MAX_SOURCES];
static size_t n_sources;

void
ofc_metrics_set_l2(ofc_metrics_l2_func *func)
{
    l2_getter = func;
}

int
ofc_metrics_add_source(ofc_metrics_source_func *func, void *aux)
{
    for (size_t i = 0; i < n_sources; i++) {
        if (sources[i].func == func && sources[i].aux == aux) {
            return 0;
        }
    }
    if (n_sources >= OFC_METRICS_MAX_SOURCES) {
        return -1;
    }
    sources[n_sources].func = func;
    sources[n_sources].aux = aux;
    n_sources++;
    return 0;
}

void
ofc_metrics_remove_source(ofc_metrics_source_func *func, void *aux)
{
    for (size_t i = 0; i < n_sources; i++) {
        if (sources[i].func == func && sources[i].aux == aux) {
            for (size_t j = i + 1; j < n_sources; j++) {
                sources[j - 1] = sources[j];
            }
            n_sources--;
            return;
        }
    }
}

/* Appends 's' with backslash and newline escaped (and double quote too if
 * 'quote'), as HELP text and label values require. */
static void
put_escaped(struct ofp_ds *out, const char *s, bool quote)
{
    for (; *s; s++) {
        if (*s == '\\') {
            ofp_ds_put_cstr(out, "\\\\");
        } else if (*s == '\n') {
            ofp_ds_put_cstr(out, "\\n");
        } else if (*s == '"' && quote) {
            ofp_ds_put_cstr(out, "\\\"");
        } else {
            ofp_ds_put_char(out, *s);
        }
    }
}

void
ofc_metrics_put_label_value(struct ofp_ds *out, const char *s)
{
    put_escaped(out, s, true);
}

void
ofc_metrics_put_family(struct ofp_ds *out, const char *name,
                       const char *type, const char *help)
{
    ofp_ds_put_format(out, "# HELP %s ", name);
    put_escaped(out, help, false);
    ofp_ds_put_format(out, "\n# TYPE %s %s\n", name, type);
}

void
ofc_metrics_put_sample(struct ofp_ds *out, const char *name,
                       const struct ofc_metrics_label *labels,
                       size_t n_labels, uint64_t value)
{
    ofp_ds_put_cstr(out, name);
    if (n_labels) {
        ofp_ds_put_char(out, '{');
        for (size_t i = 0; i < n_labels; i++) {
            ofp_ds_put_format(out, "%s%s=\"", i ? "," : "", labels[i].name);
            put_escaped(out, labels[i].value, true);
            ofp_ds_put_char(out, '"');
        }
        ofp_ds_put_char(out, '}');
    }
    ofp_ds_put_format(out, " %"PRIu64"\n", value);
}

void
ofc_metrics_put_single(struct ofp_ds *out, const char *name,
                       const char *type, const char *help, uint64_t value)
{
    ofc_metrics_put_family(out, name, type, help);
    ofc_metrics_put_sample(out, name, NULL, 0, value);
}

/* Writes the packet-in family: one sample per reason, zeros included so
 * that rate() works from the first scrape. */
static void
put_packet_ins(struct ofp_ds *out, const struct ofc_stats *s)
{
    static const char *const reasons[OFC_STATS_N_PIN_REASONS] = {
        "no_match", "action", "invalid_ttl", "other",
    };
    const char *name = "ofc_packet_ins_total";

    ofc_metrics_put_family(out, name, "counter",
                           "PACKET_IN messages received, by reason.");
    for (int i = 0; i < OFC_STATS_N_PIN_REASONS; i++) {
        struct ofc_metrics_label l = { "reason", reasons[i] };
        ofc_metrics_put_sample(out, name, &l, 1, s->packet_ins[i]);
    }
}

/* Writes the nonzero samples of one error table (and its 'other' slot)
 * with direction label 'dir'. */
static void
put_error_table(struct ofp_ds *out, const char *name, const char *dir,
                const uint64_t table[][OFC_STATS_N_ERR_CODES],
                uint64_t other)
{
    for (int t = 0; t < OFC_STATS_N_ERR_TYPES; t++) {
        for (int c = 0; c < OFC_STATS_N_ERR_CODES; c++) {
            if (!table[t][c]) {
                continue;
            }
            enum ofperr e = ofperr_from_type_code(t, c);
            const char *tname = ofperr_type_name(t);
            char tbuf[16], cbuf[16];
            if (!tname) {
                snprintf(tbuf, sizeof tbuf, "%d", t);
                tname = tbuf;
            }
            snprintf(cbuf, sizeof cbuf, "%d", c);
            struct ofc_metrics_label l[3] = {
                { "direction", dir },
                { "type", tname },
                { "code", e ? ofperr_name(e) : cbuf },
            };
            ofc_metrics_put_sample(out, name, l, 3, table[t][c]);
        }
    }
    if (other) {
        struct ofc_metrics_label l[3] = {
            { "direction", dir }, { "type", "other" }, { "code", "other" },
        };
        ofc_metrics_put_sample(out, name, l, 3, other);
    }
}

/* Writes the OpenFlow error family: received ("rx") and sent ("tx"),
 * nonzero (type, code) pairs only. */
static void
put_errors(struct ofp_ds *out, const struct ofc_stats *s)
{
    const char *name = "ofc_openflow_errors_total";

    ofc_metrics_put_family(out, name, "counter",
                           "OFPT_ERROR messages received from (rx) and sent "
                           "to (tx) switches, by type and code.");
    put_error_table(out, name, "rx", s->errors_rx, s->errors_rx_other);
    put_error_table(out, name, "tx", s->errors_tx, s->errors_tx_other);
}

/* Writes the L2 app's families, if it registered a getter. */
static void
put_l2(struct ofp_ds *out)
{
    if (!l2_getter) {
        return;
    }
    struct ofc_metrics_l2 l2 = { 0 };
    l2_getter(&l2);
    ofc_metrics_put_single(out, "ofc_l2_hosts", "gauge",
                           "Hosts the L2 app knows now, all switches.",
                           l2.hosts);
    ofc_metrics_put_single(out, "ofc_l2_packet_ins_total", "counter",
                           "Packet-ins the L2 app looked at.",
                           l2.packet_ins);
    ofc_metrics_put_single(out, "ofc_l2_hosts_learned_total", "counter",
                           "Hosts learned (new or re-learned).",
                           l2.learned);
    ofc_metrics_put_single(out, "ofc_l2_host_moves_total", "counter",
                           "Known MACs seen on another port.", l2.moves);
    ofc_metrics_put_single(out, "ofc_l2_hosts_forgotten_total", "counter",
                           "Hosts dropped by aging or a port going down.",
                           l2.forgotten);
    ofc_metrics_put_single(out, "ofc_l2_packet_outs_total", "counter",
                           "PACKET_OUTs the L2 app sent.", l2.packet_outs);
    ofc_metrics_put_single(out, "ofc_l2_floods_total", "counter",
                           "PACKET_OUTs the L2 app sent to a flood group.",
                           l2.floods);
    ofc_metrics_put_single(out, "ofc_l2_packet_ins_rate_limited_total",
                           "counter",
                           "Packet-ins dropped by the per-switch rate "
                           "limit.", l2.rate_limited);
    ofc_metrics_put_single(out, "ofc_l2_host_limit_total", "counter",
                           "Hosts not learned because their port was at "
                           "its limit.", l2.host_limit);
    ofc_metrics_put_single(out, "ofc_l2_bad_packets_total", "counter",
                           "Packet-ins the L2 app could not use.",
                           l2.bad_packets);
}

void
ofc_metrics_render(struct ofp_ds *out)
{
    const struct ofc_stats *s = &ofc_stats;

    ofc_metrics_put_single(out, "ofc_switches_connected", "gauge",
                           "Switches connected and past the handshake.",
                           ofc_switch_count_ready());
    ofc_metrics_put_single(out, "ofc_switches_registered", "gauge",
                           "Switches registered by dpid, ready or not.",
                           ofc_switch_count());
    ofc_metrics_put_single(out, "ofc_switch_connects_total", "counter",
                           "TCP connections accepted from switches.",
                           s->connects);
    ofc_metrics_put_single(out, "ofc_switch_disconnects_total", "counter",
                           "Switch connections closed, for any reason.",
                           s->disconnects);
    ofc_metrics_put_single(out, "ofc_switch_handshakes_total", "counter",
                           "Switch connections that completed the "
                           "handshake.", s->handshakes);
    ofc_metrics_put_single(out, "ofc_openflow_decode_errors_total",
                           "counter", "Malformed messages from switches.",
                           s->decode_errors);
    ofc_metrics_put_single(out, "ofc_echo_timeouts_total", "counter",
                           "Disconnects for unanswered echo requests.",
                           s->echo_timeouts);
    ofc_metrics_put_family(out, "ofc_openflow_bytes_total", "counter",
                           "OpenFlow bytes received (rx) and sent (tx).");
    struct ofc_metrics_label rx = { "direction", "rx" };
    struct ofc_metrics_label tx = { "direction", "tx" };
    ofc_metrics_put_sample(out, "ofc_openflow_bytes_total", &rx, 1,
                           s->bytes_in);
    ofc_metrics_put_sample(out, "ofc_openflow_bytes_total", &tx, 1,
                           s->bytes_out);
    put_packet_ins(out, s);
    ofc_metrics_put_single(out, "ofc_flow_mods_sent_total", "counter",
                           "FLOW_MODs sent, bundled or not.",
                           s->flow_mods_tx);
    ofc_metrics_put_single(out, "ofc_group_mods_sent_total", "counter",
                           "GROUP_MODs sent, bundled or not.",
                           s->group_mods_tx);
    put_errors(out, s);
    put_l2(out);
    for (size_t i = 0; i < n_sources; i++) {
        sources[i].func(out, sources[i].aux);
    }
}
