/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Decodes real messages captured from Open vSwitch 3.1.0 and checks what
 * they mean.
 *
 * tests/capture-fixtures.sh recorded every message in tests/fixtures/ from
 * a sandboxed ovs-vswitchd whose configuration is mirrored below: datapath
 * id 0x0000a1b2c3d4e5f6, dummy ports p1 (1) and p2 (2), the flows, groups
 * and meter it installs, the errors it provoked.  For every fixture this
 * checks that each message decodes, re-encodes to the very same bytes, and
 * formats; then explicit assertions check the decoded meaning.
 *
 * The fixture directory is $OFC_SRCDIR/tests/fixtures, else tests/fixtures
 * under the current directory (scripts/check runs from the repo root), else
 * found relative to this executable or through its build directory's
 * Makefile. */

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ofp/ofp-msgs.h"
#include "tests/tap.h"

#define DPID 0x0000a1b2c3d4e5f6ULL
#define MAX_PARTS 64

static char fixture_dir[PATH_MAX];

/* The raw messages of one fixture file. */
struct fixture {
    struct ofpbuf bytes;            /* All messages, back to back. */
    size_t n;                       /* Number of messages. */
    size_t ofs[MAX_PARTS];
    size_t len[MAX_PARTS];
};

/* Returns true if 'dir' holds hello.hex. */
static bool
try_dir(const char *dir)
{
    char path[PATH_MAX + 16];

    if (strlen(dir) >= PATH_MAX
        || snprintf(path, sizeof path, "%s/hello.hex", dir)
           >= (int) sizeof path
        || access(path, R_OK)) {
        return false;
    }
    snprintf(fixture_dir, sizeof fixture_dir, "%s", dir);
    return true;
}

/* Tries the source tree named by "abs_top_srcdir = DIR" in the build
 * directory's Makefile 'makefile'. */
static bool
try_makefile(const char *makefile)
{
    static const char key[] = "abs_top_srcdir = ";
    char line[PATH_MAX + 64], dir[2 * PATH_MAX];
    bool found = false;
    FILE *f = fopen(makefile, "r");

    if (!f) {
        return false;
    }
    while (!found && fgets(line, sizeof line, f)) {
        if (!strncmp(line, key, sizeof key - 1)) {
            line[strcspn(line, "\n")] = '\0';
            snprintf(dir, sizeof dir, "%s/tests/fixtures",
                     line + sizeof key - 1);
            found = try_dir(dir);
        }
    }
    fclose(f);
    return found;
}

/* Finds the fixture directory (see the comment at the top). */
static bool
find_fixture_dir(const char *argv0)
{
    const char *srcdir = getenv("OFC_SRCDIR");
    char buf[2 * PATH_MAX], exe[PATH_MAX];
    ssize_t n;

    if (srcdir && *srcdir) {
        snprintf(buf, sizeof buf, "%s/tests/fixtures", srcdir);
        return try_dir(buf);
    }
    if (try_dir("tests/fixtures")) {
        return true;
    }

    /* Next to the executable: in-tree build (tests/), or an out-of-tree
     * build directory inside the repo (build-check/tests/). */
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
    } else {
        snprintf(exe, sizeof exe, "%s", argv0);
    }
    char *slash = strrchr(exe, '/');
    if (slash) {
        *slash = '\0';
        snprintf(buf, sizeof buf, "%s/fixtures", exe);
        if (try_dir(buf)) {
            return true;
        }
        snprintf(buf, sizeof buf, "%s/../../tests/fixtures", exe);
        if (try_dir(buf)) {
            return true;
        }
        /* An out-of-tree build anywhere: its Makefile names the source. */
        snprintf(buf, sizeof buf, "%s/../Makefile", exe);
        return try_makefile(buf);
    }
    return false;
}

/* Converts one hex digit; -1 if it is not one. */
static int
hexval(int c)
{
    return (c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
            : -1);
}

/* Reads tests/fixtures/NAME.hex into 'fx'.  Returns false (after a TAP
 * failure) if it cannot. */
static bool
load_fixture(const char *name, struct fixture *fx)
{
    char path[2 * PATH_MAX], *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool ok = true;
    FILE *f;

    memset(fx, 0, sizeof *fx);
    ofpbuf_init(&fx->bytes, 4096);
    snprintf(path, sizeof path, "%s/%s.hex", fixture_dir, name);
    f = fopen(path, "r");
    if (!f) {
        tap_ok(false, "%s: read %s", name, path);
        tap_diag("%s", strerror(errno));
        return false;
    }
    while (ok && (n = getline(&line, &cap, f)) > 0) {
        size_t start = fx->bytes.size;

        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        for (ssize_t i = 0; ok && i + 1 < n; i += 2) {
            int hi = hexval(line[i]), lo = hexval(line[i + 1]);
            if (hi < 0 || lo < 0) {
                ok = false;
            } else {
                ofpbuf_put_u8(&fx->bytes, (uint8_t) (hi << 4 | lo));
            }
        }
        if (n % 2 || fx->n >= MAX_PARTS) {
            ok = false;
        } else if (ok) {
            fx->ofs[fx->n] = start;
            fx->len[fx->n] = fx->bytes.size - start;
            fx->n++;
        }
    }
    free(line);
    fclose(f);
    if (!tap_ok(ok && fx->n > 0, "%s: fixture file is well-formed", name)) {
        return false;
    }
    return true;
}

/* Open vSwitch writes OXM fields in its own order while our encoder uses
 * a canonical one, so a re-encoded match may differ in field order only.
 * Returns true if 'reencoded' (same length as the original) decodes to a
 * message that formats exactly like 'orig'. */
static bool
same_meaning(const struct ofp_msg *orig, const struct ofpbuf *reencoded,
             struct ofp_arena *arena)
{
    struct ofp_ds a = OFP_DS_INITIALIZER, b = OFP_DS_INITIALIZER;
    struct ofp_msg again;
    bool same = false;

    if (!ofp_decode(reencoded->data, reencoded->size, arena, &again)) {
        ofp_format(orig, &a);
        ofp_format(&again, &b);
        same = a.string && b.string && !strcmp(a.string, b.string);
    }
    ofp_ds_destroy(&a);
    ofp_ds_destroy(&b);
    return same;
}

/* Decodes every message of fixture 'name' into 'msg', joining multipart
 * parts.  Also checks each message re-encodes to the same bytes (or, when
 * only the order of match fields differs, see same_meaning(), to the same
 * meaning) and formats to non-empty text.  Decoded data lives in 'arena'
 * and in 'fx'. */
static bool
decode_fixture(const char *name, struct fixture *fx, struct ofp_arena *arena,
               struct ofp_msg *msg)
{
    bool decoded_all = true, reencoded_all = true, formatted_all = true;
    char reencode_why[200] = "";
    enum ofperr error = 0;
    size_t bad_part = 0;

    if (!load_fixture(name, fx)) {
        return false;
    }
    for (size_t i = 0; i < fx->n; i++) {
        const uint8_t *data = fx->bytes.data + fx->ofs[i];
        struct ofp_msg part;
        struct ofpbuf again = OFPBUF_INITIALIZER;
        struct ofp_ds ds = OFP_DS_INITIALIZER;

        error = ofp_decode(data, fx->len[i], arena, &part);
        if (error) {
            decoded_all = false;
            bad_part = i;
            break;
        }
        ofp_encode(&part, &again);
        if (reencoded_all
            && (again.size != fx->len[i]
                || memcmp(again.data, data, again.size))
            && !(again.size == fx->len[i]
                 && same_meaning(&part, &again, arena))) {
            size_t at = 0;

            while (at < again.size && at < fx->len[i]
                   && again.data[at] == data[at]) {
                at++;
            }
            snprintf(reencode_why, sizeof reencode_why,
                     "part %zu re-encodes to %zu bytes, not %zu; first "
                     "difference at offset %zu: 0x%02x, not 0x%02x",
                     i + 1, again.size, fx->len[i], at,
                     at < again.size ? again.data[at] : 0,
                     at < fx->len[i] ? data[at] : 0);
            reencoded_all = false;
        }
        ofpbuf_uninit(&again);
        ofp_format(&part, &ds);
        if (!ds.length) {
            formatted_all = false;
        }
        ofp_ds_destroy(&ds);

        if (i == 0) {
            *msg = part;
        } else if (part.kind != OFP_MSG_MULTIPART_REPLY
                   || msg->kind != OFP_MSG_MULTIPART_REPLY) {
            decoded_all = false;
            error = OFPERR_OFPBRC_BAD_MULTIPART;
            bad_part = i;
            break;
        } else {
            error = ofp_multipart_reply_append(&msg->mp_reply,
                                               &part.mp_reply, arena);
            if (error) {
                decoded_all = false;
                bad_part = i;
                break;
            }
        }
    }
    if (!tap_ok(decoded_all, "%s: all %zu message(s) decode", name, fx->n)) {
        tap_diag("part %zu: %s", bad_part + 1, ofperr_name(error));
        return false;
    }
    if (!tap_ok(reencoded_all, "%s: re-encodes to the same message",
                name)) {
        tap_diag("%s", reencode_why);
    }
    tap_ok(formatted_all, "%s: formats", name);
    return true;
}

/* ---- Helpers for the assertions. ------------------------------------- */

/* Formats one flow entry with ofp_flow_stats_format() into 'out' without
 * its "duration=...s, " part and with the comma-separated items of its
 * match sorted, so that field order does not matter. */
static void
canon_flow(const char *text, struct ofp_ds *out)
{
    char *s = strdup(text), *d, *acts, *word;
    char *items[64];
    size_t n_items = 0;

    if (!s) {
        abort();
    }
    d = strstr(s, "duration=");
    if (d) {
        char *end = strstr(d, ", ");
        if (end) {
            memmove(d, end + 2, strlen(end + 2) + 1);
        }
    }
    acts = strstr(s, " actions=");
    if (!acts) {
        ofp_ds_put_cstr(out, s);
        free(s);
        return;
    }
    *acts = '\0';
    word = strrchr(s, ' ');
    word = word ? word + 1 : s;
    for (char *save, *tok = strtok_r(word, ",", &save);
         tok && n_items < 64; tok = strtok_r(NULL, ",", &save)) {
        items[n_items++] = tok;
    }
    for (size_t i = 1; i < n_items; i++) {
        for (size_t j = i; j > 0 && strcmp(items[j - 1], items[j]) > 0;
             j--) {
            char *t = items[j];
            items[j] = items[j - 1];
            items[j - 1] = t;
        }
    }
    *word = '\0';
    ofp_ds_put_cstr(out, s);
    for (size_t i = 0; i < n_items; i++) {
        ofp_ds_put_format(out, "%s%s", i ? "," : "", items[i]);
    }
    *acts = ' ';
    ofp_ds_put_cstr(out, acts);
    free(s);
}

/* Checks that 'fs' formats as 'want' (Open vSwitch's dump-flows text
 * without duration), modulo match field order. */
static void
check_flow_text(const struct ofp_flow_stats *fs, const char *want)
{
    struct ofp_ds raw = OFP_DS_INITIALIZER;
    struct ofp_ds got = OFP_DS_INITIALIZER, exp = OFP_DS_INITIALIZER;

    ofp_flow_stats_format(fs, &raw);
    canon_flow(raw.string ? raw.string : "", &got);
    canon_flow(want, &exp);
    TAP_STR_EQ(got.string, exp.string, "flow_stats_reply: cookie=0x%llx "
               "formats as dumped by ovs-ofctl",
               (unsigned long long) fs->cookie);
    ofp_ds_destroy(&raw);
    ofp_ds_destroy(&got);
    ofp_ds_destroy(&exp);
}

/* Returns true if 'kind' and, for multipart replies, 'mp_type' match. */
static bool
check_kind(const char *name, const struct ofp_msg *m,
           enum ofp_msg_kind kind, int mp_type)
{
    bool ok = m->kind == kind
              && (mp_type < 0 || m->mp_reply.type == mp_type);
    if (!tap_ok(ok, "%s: is %s%s", name, ofp_msg_kind_name(kind),
                mp_type >= 0 ? " of the expected multipart type" : "")) {
        tap_diag("kind %s (%d)", ofp_msg_kind_name(m->kind), (int) m->kind);
        return false;
    }
    return true;
}

/* Checks an OFPT_ERROR's type and code, and that it quotes a request of
 * type 'req_type'. */
static void
check_error(const char *name, const struct ofp_msg *m, enum ofperr want,
            uint8_t req_type)
{
    if (!check_kind(name, m, OFP_MSG_ERROR, -1)) {
        return;
    }
    const struct ofp_error_msg *e = &m->error;
    TAP_INT_EQ(e->type, ofperr_type(want), "%s: error type %s", name,
               ofperr_type_name(ofperr_type(want)));
    TAP_INT_EQ(e->code, ofperr_code(want), "%s: error code %s", name,
               ofperr_name(want));
    TAP_STR_EQ(ofperr_name(ofperr_from_type_code(e->type, e->code)),
               ofperr_name(want), "%s: maps back to %s", name,
               ofperr_name(want));
    tap_ok(e->data_len >= OFP_HEADER_LEN && e->data[0] == OFP13_VERSION
           && e->data[1] == req_type,
           "%s: data quotes the offending request (type %d)", name,
           req_type);
}

/* Checks a bundle control reply. */
static void
check_bundle(const char *name, const struct ofp_msg *m, uint32_t id,
             uint16_t type)
{
    if (!check_kind(name, m, OFP_MSG_BUNDLE_CONTROL, -1)) {
        return;
    }
    TAP_INT_EQ(m->bundle_ctrl.bundle_id, id, "%s: bundle_id", name);
    TAP_INT_EQ(m->bundle_ctrl.type, type, "%s: type", name);
    TAP_INT_EQ(m->bundle_ctrl.flags, 0, "%s: flags", name);
}

/* Returns the port called 'name' in 'ports', or NULL. */
static const struct ofp_port *
find_port(const struct ofp_port *ports, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(ports[i].name, name)) {
            return &ports[i];
        }
    }
    return NULL;
}

/* True if 'list' is exactly one OUTPUT action to 'port'. */
static bool
is_output(const struct ofp_action_list *list, uint32_t port)
{
    return list->n == 1 && list->actions[0].kind == OFP_ACT_OUTPUT
           && list->actions[0].output.port == port;
}

/* ---- Per-fixture assertions. ----------------------------------------- */

static void
check_hello(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_HELLO, -1)) {
        TAP_INT_EQ(m->version, OFP13_VERSION, "%s: version 0x04", name);
        tap_ok(m->hello.version_bitmap & (1u << OFP13_VERSION),
               "%s: bitmap offers OpenFlow 1.3", name);
    }
}

static void
check_features_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_FEATURES_REPLY, -1)) {
        const struct ofp_features_reply *f = &m->features_reply;
        TAP_INT_EQ(f->datapath_id, DPID, "%s: datapath_id as configured",
                   name);
        TAP_INT_EQ(f->n_tables, 254, "%s: n_tables", name);
        TAP_INT_EQ(f->n_buffers, 0, "%s: n_buffers", name);
        TAP_INT_EQ(f->auxiliary_id, 0, "%s: auxiliary_id", name);
        TAP_INT_EQ(f->capabilities,
                   OFPC_FLOW_STATS | OFPC_TABLE_STATS | OFPC_PORT_STATS
                   | OFPC_GROUP_STATS | OFPC_QUEUE_STATS,
                   "%s: capabilities", name);
    }
}

static void
check_get_config_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_GET_CONFIG_REPLY, -1)) {
        TAP_INT_EQ(m->switch_config.flags, OFPC_FRAG_NORMAL,
                   "%s: frags=normal", name);
        TAP_INT_EQ(m->switch_config.miss_send_len, 0xffff,
                   "%s: miss_send_len as set by SET_CONFIG", name);
    }
}

static void
check_barrier_reply(const char *name, const struct ofp_msg *m)
{
    check_kind(name, m, OFP_MSG_BARRIER_REPLY, -1);
}

static void
check_echo_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_ECHO_REPLY, -1)) {
        tap_ok(m->echo.data_len == 16
               && !memcmp(m->echo.data, "ofc-echo-payload", 16),
               "%s: echoes our payload", name);
    }
}

static void
check_echo_request(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_ECHO_REQUEST, -1)) {
        TAP_INT_EQ(m->echo.data_len, 0, "%s: empty payload", name);
    }
}

static void
check_desc_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_DESC)
        && tap_ok(m->mp_reply.desc != NULL, "%s: has a body", name)) {
        const struct ofp_desc_stats *d = m->mp_reply.desc;
        TAP_STR_EQ(d->mfr_desc, "Nicira, Inc.", "%s: mfr_desc", name);
        TAP_STR_EQ(d->hw_desc, "Open vSwitch", "%s: hw_desc", name);
        TAP_STR_EQ(d->sw_desc, "3.1.0", "%s: sw_desc", name);
        TAP_STR_EQ(d->serial_num, "None", "%s: serial_num", name);
        TAP_STR_EQ(d->dp_desc, "None", "%s: dp_desc", name);
    }
}

static void
check_port_desc_reply(const char *name, const struct ofp_msg *m)
{
    static const uint8_t local_mac[6] = { 2, 0, 0, 0, 0, 0xfe };

    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_PORT_DESC)) {
        return;
    }
    const struct ofp_port *ports = m->mp_reply.port_desc.entries;
    size_t n = m->mp_reply.port_desc.n;
    const struct ofp_port *p1 = find_port(ports, n, "p1");
    const struct ofp_port *p2 = find_port(ports, n, "p2");
    const struct ofp_port *br0 = find_port(ports, n, "br0");

    TAP_INT_EQ(n, 3, "%s: three ports", name);
    if (tap_ok(p1 != NULL, "%s: has port p1", name)) {
        TAP_INT_EQ(p1->port_no, 1, "%s: p1 is port 1 (ofport_request)",
                   name);
        TAP_INT_EQ(p1->state, OFPPS_LIVE, "%s: p1 is live", name);
        TAP_INT_EQ(p1->config, 0, "%s: p1 config", name);
    }
    if (tap_ok(p2 != NULL, "%s: has port p2", name)) {
        TAP_INT_EQ(p2->port_no, 2, "%s: p2 is port 2", name);
    }
    if (tap_ok(br0 != NULL, "%s: has the bridge's own port br0", name)) {
        TAP_INT_EQ(br0->port_no, OFPP_LOCAL, "%s: br0 is LOCAL", name);
        tap_ok(!memcmp(br0->hw_addr, local_mac, 6),
               "%s: br0 has the configured hwaddr", name);
    }
}

static void
check_table_features_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY,
                    OFPMP_TABLE_FEATURES)) {
        return;
    }
    const struct ofp_table_features *t = m->mp_reply.table_features.entries;
    size_t n = m->mp_reply.table_features.n;
    bool ids = true, entries = true, meta = true, props = true;

    TAP_INT_EQ(n, 254, "%s: 254 tables over all parts", name);
    for (size_t i = 0; i < n; i++) {
        ids &= t[i].table_id == i;
        entries &= t[i].max_entries == 1000000;
        meta &= t[i].metadata_match == UINT64_MAX
                && t[i].metadata_write == UINT64_MAX;
        props &= t[i].properties_len > 0 && t[i].config == 0;
    }
    tap_ok(ids, "%s: table ids run 0..253 in order", name);
    tap_ok(entries, "%s: max_entries 1000000 everywhere", name);
    tap_ok(meta, "%s: full metadata match and write", name);
    tap_ok(props, "%s: every table has properties", name);
}

static void
check_meter_features_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_METER_FEATURES)) {
        const struct ofp_meter_features *f = &m->mp_reply.meter_features;
        TAP_INT_EQ(f->max_meter, 262144, "%s: max_meter", name);
        TAP_INT_EQ(f->band_types, 1u << OFPMBT_DROP, "%s: band types drop",
                   name);
        TAP_INT_EQ(f->capabilities,
                   OFPMF_KBPS | OFPMF_PKTPS | OFPMF_BURST | OFPMF_STATS,
                   "%s: capabilities", name);
        TAP_INT_EQ(f->max_bands, 8, "%s: max_bands", name);
        TAP_INT_EQ(f->max_color, 0, "%s: max_color", name);
    }
}

static void
check_group_features_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_GROUP_FEATURES)) {
        const struct ofp_group_features *g = &m->mp_reply.group_features;
        TAP_INT_EQ(g->types, 0xf, "%s: all four group types", name);
        TAP_INT_EQ(g->capabilities, 0x7, "%s: capabilities", name);
        for (int i = 0; i < 4; i++) {
            TAP_INT_EQ(g->max_groups[i], 0xffffff00, "%s: max_groups[%d]",
                       name, i);
        }
        tap_ok(g->actions[0] & (1u << 0), "%s: all groups can output",
               name);
    }
}

static void
check_role_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_ROLE_REPLY, -1)) {
        TAP_INT_EQ(m->role.role, OFPCR_ROLE_MASTER, "%s: role master",
                   name);
        TAP_INT_EQ(m->role.generation_id, 0x1122334455ULL,
                   "%s: generation_id as requested", name);
    }
}

static void
check_get_async_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_GET_ASYNC_REPLY, -1)) {
        const struct ofp_async_config *a = &m->async;
        TAP_INT_EQ(a->packet_in_mask[0], 0x3,
                   "%s: master gets no_match and action packet-ins", name);
        TAP_INT_EQ(a->packet_in_mask[1], 0, "%s: slave gets no packet-ins",
                   name);
        TAP_INT_EQ(a->port_status_mask[0], 0x7, "%s: master port status",
                   name);
        TAP_INT_EQ(a->port_status_mask[1], 0x7, "%s: slave port status",
                   name);
        TAP_INT_EQ(a->flow_removed_mask[0], 0xf,
                   "%s: master flow removed", name);
        TAP_INT_EQ(a->flow_removed_mask[1], 0, "%s: slave flow removed",
                   name);
    }
}

/* What tests/capture-fixtures.sh installed (cookies below 0x100), as
 * ovs-ofctl dump-flows prints them without durations. */
static const char *const expected_flows[] = {
    "cookie=0xa, table=0, n_packets=0, n_bytes=0, priority=300,udp,"
    "tp_dst=9999 actions=CONTROLLER:128",
    "cookie=0x1, table=0, n_packets=0, n_bytes=0, priority=100,in_port=1 "
    "actions=push_vlan:0x8100,set_field:4106->vlan_vid,goto_table:1",
    "cookie=0xf, table=0, n_packets=0, n_bytes=0, priority=0 "
    "actions=CONTROLLER:65535",
    "cookie=0x2, table=1, n_packets=0, n_bytes=0, priority=200,ip,"
    "nw_src=10.0.0.0/8,nw_dst=192.168.1.1 actions=ct(commit,zone=5,"
    "nat(src=10.0.0.1-10.0.0.5:100-200)),output:2",
    "cookie=0x3, table=1, n_packets=0, n_bytes=0, priority=150,"
    "ct_state=+est+trk,ip actions=output:2",
    "cookie=0xd, table=1, n_packets=0, n_bytes=0, priority=100,ip "
    "actions=ct(table=2,zone=NXM_NX_REG0[0..15])",
    "cookie=0x4, table=2, n_packets=0, n_bytes=0, priority=10,conj_id=7,ip "
    "actions=output:2",
    "cookie=0x5, table=2, n_packets=0, n_bytes=0, priority=10,ip,"
    "nw_src=10.0.0.1 actions=conjunction(7,1/2)",
    "cookie=0x6, table=2, n_packets=0, n_bytes=0, priority=10,tcp,"
    "tp_dst=80 actions=conjunction(7,2/2)",
    "cookie=0x7, table=3, n_packets=0, n_bytes=0, priority=5,reg0=0x5,"
    "reg1=0x10/0xf0 actions=load:0x3->NXM_NX_REG2[0..7],"
    "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],resubmit(,4)",
    "cookie=0xe, table=4, n_packets=0, n_bytes=0, priority=50,"
    "metadata=0x1/0xff actions=write_actions(output:2),"
    "write_metadata:0x2/0xff,goto_table:5",
    "cookie=0xc, table=4, n_packets=0, n_bytes=0, priority=3,"
    "dl_dst=ff:ff:ff:ff:ff:ff actions=group:1",
    "cookie=0x9, table=4, n_packets=0, n_bytes=0, priority=2,ipv6,"
    "ipv6_src=2001:db8::/32 actions=dec_ttl,output:1",
    "cookie=0x8, table=4, n_packets=0, n_bytes=0, priority=1,arp,"
    "arp_tpa=10.0.0.1,arp_op=1 actions=set_field:00:11:22:33:44:55->eth_src,"
    "IN_PORT",
    "cookie=0x10, table=5, n_packets=0, n_bytes=0, priority=9,"
    "ct_state=-trk,tcp actions=ct_clear,ct(table=6,zone=1)",
    "cookie=0xb, table=5, n_packets=0, n_bytes=0, priority=7,tcp6,"
    "tp_src=22 actions=meter:1,output:2",
    "cookie=0x12, table=6, n_packets=0, n_bytes=0, priority=2,icmp,"
    "nw_tos=32,icmp_type=8,icmp_code=0 actions=mod_nw_ttl:9,output:1",
    "cookie=0x11, table=6, n_packets=0, n_bytes=0, priority=1,dl_vlan=10,"
    "dl_vlan_pcp=3 actions=pop_vlan,set_queue:1,output:1",
};

static void
check_flow_stats_reply(const char *name, const struct ofp_msg *m)
{
    size_t n_expected = sizeof expected_flows / sizeof *expected_flows;

    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_FLOW)) {
        return;
    }
    const struct ofp_flow_stats *fs = m->mp_reply.flow.entries;
    size_t n = m->mp_reply.flow.n;

    TAP_INT_EQ(n, n_expected, "%s: every installed flow", name);
    for (size_t i = 0; i < n_expected; i++) {
        unsigned long long cookie = strtoull(expected_flows[i] + 7, NULL,
                                             16);
        const struct ofp_flow_stats *found = NULL;

        for (size_t j = 0; j < n; j++) {
            if (fs[j].cookie == cookie) {
                found = &fs[j];
            }
        }
        if (tap_ok(found != NULL, "%s: has cookie=0x%llx", name, cookie)) {
            check_flow_text(found, expected_flows[i]);
        }
    }

    /* A few facts checked on the structs directly. */
    for (size_t j = 0; j < n; j++) {
        const struct ofp_flow_stats *f = &fs[j];
        if (f->cookie == 0xa) {
            TAP_INT_EQ(f->priority, 300, "%s: 0xa priority", name);
            tap_ok(ofp_match_has(&f->match, OFP_F_UDP_DST)
                   && f->match.v.udp_dst == 9999,
                   "%s: 0xa matches udp_dst 9999", name);
            const struct ofp_action_list *a = &f->instructions.apply;
            tap_ok(a->n == 1 && a->actions[0].kind == OFP_ACT_OUTPUT
                   && a->actions[0].output.port == OFPP_CONTROLLER
                   && a->actions[0].output.max_len == 128,
                   "%s: 0xa outputs 128 bytes to the controller", name);
        } else if (f->cookie == 0x5) {
            const struct ofp_action_list *a = &f->instructions.apply;
            tap_ok(a->n == 1 && a->actions[0].kind == OFP_ACT_CONJUNCTION
                   && a->actions[0].conjunction.id == 7
                   && a->actions[0].conjunction.clause == 0
                   && a->actions[0].conjunction.n_clauses == 2,
                   "%s: 0x5 is conjunction(7,1/2), clause 0-based", name);
        } else if (f->cookie == 0xe) {
            const struct ofp_instructions *in = &f->instructions;
            tap_ok((in->present & OFP_INST_BIT(OFPIT_GOTO_TABLE))
                   && in->goto_table == 5
                   && (in->present & OFP_INST_BIT(OFPIT_WRITE_METADATA))
                   && in->metadata == 2 && in->metadata_mask == 0xff
                   && is_output(&in->write, 2),
                   "%s: 0xe write_actions, write_metadata, goto_table",
                   name);
        } else if (f->cookie == 0xb) {
            tap_ok((f->instructions.present & OFP_INST_BIT(OFPIT_METER))
                   && f->instructions.meter_id == 1,
                   "%s: 0xb goes through meter 1", name);
        }
    }
}

static void
check_flow_stats_many_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_FLOW)) {
        return;
    }
    const struct ofp_flow_stats *fs = m->mp_reply.flow.entries;
    size_t n = m->mp_reply.flow.n;
    size_t bad = SIZE_MAX;

    TAP_INT_EQ(n, 1500, "%s: all 1500 flows joined from the parts", name);
    TAP_INT_EQ(m->mp_reply.flags & OFPMPF_REPLY_MORE, 0,
               "%s: joined reply has no 'more' flag", name);
    for (size_t i = 0; i < n && bad == SIZE_MAX; i++) {
        const struct ofp_flow_stats *f = &fs[i];
        uint32_t src = 10u << 24 | (uint32_t) (i / 256) << 16
                       | (uint32_t) (i % 256) << 8 | 1;
        if (f->cookie != 0x1000 + i || f->priority != 1000 + i
            || f->table_id != 10
            || !ofp_match_has(&f->match, OFP_F_TCP_DST)
            || f->match.v.tcp_dst != i + 1
            || !ofp_match_has(&f->match, OFP_F_IPV4_SRC)
            || f->match.v.ipv4_src != src
            || !is_output(&f->instructions.apply, 2)) {
            bad = i;
        }
    }
    if (!tap_ok(bad == SIZE_MAX, "%s: every flow in order as installed",
                name)) {
        tap_diag("first wrong entry: %zu", bad);
    }
}

static void
check_aggregate_stats_reply(const char *name, const struct ofp_msg *m)
{
    if (check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_AGGREGATE)) {
        const struct ofp_aggregate_stats *a = &m->mp_reply.aggregate;
        TAP_INT_EQ(a->flow_count, 1500, "%s: flow_count of table 10", name);
        TAP_INT_EQ(a->packet_count, 0, "%s: packet_count", name);
        TAP_INT_EQ(a->byte_count, 0, "%s: byte_count", name);
    }
}

static void
check_table_stats_reply(const char *name, const struct ofp_msg *m)
{
    /* Active flows per table when the stats were taken. */
    static const uint32_t active[11] = { 3, 3, 3, 1, 4, 2, 2, 0, 0, 0, 1500 };

    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_TABLE)) {
        return;
    }
    const struct ofp_table_stats *t = m->mp_reply.table.entries;
    size_t n = m->mp_reply.table.n;
    bool ok = true;

    TAP_INT_EQ(n, 254, "%s: 254 tables", name);
    for (size_t i = 0; i < n; i++) {
        uint32_t want = i < 11 ? active[i] : 0;
        if (t[i].table_id != i || t[i].active_count != want) {
            if (ok) {
                tap_diag("table %zu: id %d active %u, want %u", i,
                         t[i].table_id, t[i].active_count, want);
            }
            ok = false;
        }
    }
    tap_ok(ok, "%s: active flow counts per table", name);
}

static void
check_port_stats_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_PORT_STATS)) {
        return;
    }
    const struct ofp_port_stats *p = m->mp_reply.port_stats.entries;
    size_t n = m->mp_reply.port_stats.n;
    bool seen[3] = { false, false, false };

    TAP_INT_EQ(n, 3, "%s: three ports", name);
    for (size_t i = 0; i < n; i++) {
        if (p[i].port_no == 1 || p[i].port_no == 2) {
            seen[p[i].port_no] = true;
        } else if (p[i].port_no == OFPP_LOCAL) {
            seen[0] = true;
        }
        if (p[i].port_no == 1) {
            TAP_INT_EQ(p[i].rx_packets, 0, "%s: port 1 rx_packets", name);
            TAP_INT_EQ(p[i].rx_dropped, UINT64_MAX,
                       "%s: port 1 rx_dropped unavailable (all ones)", name);
            TAP_INT_EQ(p[i].collisions, UINT64_MAX,
                       "%s: port 1 collisions unavailable", name);
        }
    }
    tap_ok(seen[0] && seen[1] && seen[2], "%s: ports 1, 2 and LOCAL",
           name);
}

static void
check_group_desc_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_GROUP_DESC)) {
        return;
    }
    const struct ofp_group_desc *g = m->mp_reply.group_desc.entries;
    size_t n = m->mp_reply.group_desc.n;
    int found = 0;

    TAP_INT_EQ(n, 3, "%s: three groups", name);
    for (size_t i = 0; i < n; i++) {
        const struct ofp_bucket *b = g[i].buckets;
        if (g[i].n_buckets != 2) {
            continue;
        }
        if (g[i].group_id == 1) {
            found++;
            TAP_INT_EQ(g[i].type, OFPGT_ALL, "%s: group 1 is all", name);
            tap_ok(is_output(&b[0].actions, 1) && is_output(&b[1].actions, 2),
                   "%s: group 1 outputs to 1 and 2", name);
        } else if (g[i].group_id == 2) {
            found++;
            TAP_INT_EQ(g[i].type, OFPGT_SELECT, "%s: group 2 is select",
                       name);
            tap_ok(b[0].weight == 10 && b[1].weight == 20,
                   "%s: group 2 weights 10 and 20", name);
        } else if (g[i].group_id == 3) {
            found++;
            TAP_INT_EQ(g[i].type, OFPGT_FF, "%s: group 3 is ff", name);
            tap_ok(b[0].watch_port == 1 && b[1].watch_port == 2
                   && b[0].watch_group == OFPG_ANY,
                   "%s: group 3 watches ports 1 and 2", name);
        }
    }
    TAP_INT_EQ(found, 3, "%s: groups 1, 2, 3 with two buckets each", name);
}

static void
check_group_stats_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_GROUP)) {
        return;
    }
    const struct ofp_group_stats *g = m->mp_reply.group.entries;
    size_t n = m->mp_reply.group.n;
    bool buckets = true;

    TAP_INT_EQ(n, 3, "%s: three groups", name);
    for (size_t i = 0; i < n; i++) {
        buckets &= g[i].n_buckets == 2;
        if (g[i].group_id == 1) {
            TAP_INT_EQ(g[i].ref_count, 1,
                       "%s: group 1 is used by one flow", name);
        }
    }
    tap_ok(buckets, "%s: two bucket counters per group", name);
}

static void
check_meter_config_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_METER_CONFIG)
        || !tap_ok(m->mp_reply.meter_config.n == 1, "%s: one meter", name)) {
        return;
    }
    const struct ofp_meter_config *c = m->mp_reply.meter_config.entries;
    TAP_INT_EQ(c->meter_id, 1, "%s: meter 1", name);
    TAP_INT_EQ(c->flags, OFPMF_KBPS | OFPMF_BURST | OFPMF_STATS,
               "%s: kbps burst stats", name);
    if (tap_ok(c->n_bands == 1, "%s: one band", name)) {
        TAP_INT_EQ(c->bands[0].type, OFPMBT_DROP, "%s: drop band", name);
        TAP_INT_EQ(c->bands[0].rate, 1000, "%s: rate", name);
        TAP_INT_EQ(c->bands[0].burst_size, 100, "%s: burst_size", name);
    }
}

static void
check_meter_stats_reply(const char *name, const struct ofp_msg *m)
{
    if (!check_kind(name, m, OFP_MSG_MULTIPART_REPLY, OFPMP_METER)
        || !tap_ok(m->mp_reply.meter.n == 1, "%s: one meter", name)) {
        return;
    }
    const struct ofp_meter_stats *s = m->mp_reply.meter.entries;
    TAP_INT_EQ(s->meter_id, 1, "%s: meter 1", name);
    TAP_INT_EQ(s->flow_count, 1, "%s: used by one flow", name);
    TAP_INT_EQ(s->n_bands, 1, "%s: one band counter", name);
}

static void
check_error_bad_table_id(const char *name, const struct ofp_msg *m)
{
    check_error(name, m, OFPERR_OFPFMFC_BAD_TABLE_ID, OFPT_FLOW_MOD);
}

static void
check_error_bad_action(const char *name, const struct ofp_msg *m)
{
    check_error(name, m, OFPERR_OFPBAC_BAD_TYPE, OFPT_FLOW_MOD);
}

static void
check_error_bad_len(const char *name, const struct ofp_msg *m)
{
    check_error(name, m, OFPERR_OFPBRC_BAD_LEN, OFPT_FLOW_MOD);
}

static void
check_error_bad_type(const char *name, const struct ofp_msg *m)
{
    check_error(name, m, OFPERR_OFPBRC_BAD_TYPE, 0x30);
}

static void
check_error_bad_prereq(const char *name, const struct ofp_msg *m)
{
    check_error(name, m, OFPERR_OFPBMC_BAD_PREREQ, OFPT_FLOW_MOD);
}

static void
check_bundle_open_reply(const char *name, const struct ofp_msg *m)
{
    check_bundle(name, m, 1, OFPBCT_OPEN_REPLY);
}

static void
check_bundle_commit_reply(const char *name, const struct ofp_msg *m)
{
    check_bundle(name, m, 1, OFPBCT_COMMIT_REPLY);
}

static void
check_bundle_close_reply(const char *name, const struct ofp_msg *m)
{
    check_bundle(name, m, 2, OFPBCT_CLOSE_REPLY);
}

static void
check_bundle_discard_reply(const char *name, const struct ofp_msg *m)
{
    check_bundle(name, m, 2, OFPBCT_DISCARD_REPLY);
}

/* Shared by both FLOW_REMOVED fixtures. */
static void
check_flow_removed(const char *name, const struct ofp_msg *m, uint8_t reason,
                   uint64_t cookie, uint16_t priority, uint16_t idle,
                   uint16_t hard)
{
    if (!check_kind(name, m, OFP_MSG_FLOW_REMOVED, -1)) {
        return;
    }
    const struct ofp_flow_removed *fr = &m->flow_removed;
    TAP_INT_EQ(fr->reason, reason, "%s: reason", name);
    TAP_INT_EQ(fr->cookie, cookie, "%s: cookie", name);
    TAP_INT_EQ(fr->priority, priority, "%s: priority", name);
    TAP_INT_EQ(fr->table_id, 7, "%s: table 7", name);
    TAP_INT_EQ(fr->idle_timeout, idle, "%s: idle_timeout", name);
    TAP_INT_EQ(fr->hard_timeout, hard, "%s: hard_timeout", name);
    TAP_INT_EQ(fr->packet_count, 0, "%s: packet_count", name);
    tap_ok(fr->match.present == 1ULL << OFP_F_ETH_TYPE
           && fr->match.v.eth_type == 0x0800,
           "%s: match is exactly ip", name);
}

static void
check_flow_removed_hard_timeout(const char *name, const struct ofp_msg *m)
{
    check_flow_removed(name, m, OFPRR_HARD_TIMEOUT, 0xdead, 77, 0, 1);
}

static void
check_flow_removed_delete(const char *name, const struct ofp_msg *m)
{
    check_flow_removed(name, m, OFPRR_DELETE, 0xbeef, 78, 60, 0);
}

/* Shared by the PORT_STATUS fixtures. */
static void
check_port_status(const char *name, const struct ofp_msg *m, uint8_t reason,
                  uint32_t config)
{
    if (!check_kind(name, m, OFP_MSG_PORT_STATUS, -1)) {
        return;
    }
    const struct ofp_port_status *ps = &m->port_status;
    TAP_INT_EQ(ps->reason, reason, "%s: reason", name);
    TAP_STR_EQ(ps->desc.name, "p3", "%s: port name", name);
    TAP_INT_EQ(ps->desc.port_no, 3, "%s: port 3 (ofport_request)", name);
    TAP_INT_EQ(ps->desc.config & OFPPC_PORT_DOWN, config,
               "%s: PORT_DOWN config bit", name);
}

static void
check_port_status_add(const char *name, const struct ofp_msg *m)
{
    check_port_status(name, m, OFPPR_ADD, 0);
}

static void
check_port_status_modify(const char *name, const struct ofp_msg *m)
{
    check_port_status(name, m, OFPPR_MODIFY, OFPPC_PORT_DOWN);
}

static void
check_port_status_delete(const char *name, const struct ofp_msg *m)
{
    check_port_status(name, m, OFPPR_DELETE, OFPPC_PORT_DOWN);
}

/* Shared by the PACKET_IN fixtures. */
static void
check_packet_in(const char *name, const struct ofp_msg *m, uint8_t reason,
                uint32_t in_port, uint64_t cookie, size_t len,
                uint16_t ethertype)
{
    if (!check_kind(name, m, OFP_MSG_PACKET_IN, -1)) {
        return;
    }
    const struct ofp_packet_in *pi = &m->packet_in;
    TAP_INT_EQ(pi->reason, reason, "%s: reason", name);
    TAP_INT_EQ(pi->table_id, 0, "%s: table 0", name);
    TAP_INT_EQ(pi->cookie, cookie, "%s: cookie of the flow", name);
    TAP_INT_EQ(pi->buffer_id, OFP_NO_BUFFER, "%s: unbuffered", name);
    TAP_INT_EQ(pi->total_len, len, "%s: total_len", name);
    TAP_INT_EQ(pi->data_len, len, "%s: whole packet included", name);
    tap_ok(ofp_match_has(&pi->match, OFP_F_IN_PORT)
           && pi->match.v.in_port == in_port, "%s: in_port %u", name,
           in_port);
    tap_ok(pi->data_len >= 14 && ofp_get_be16(pi->data + 12) == ethertype,
           "%s: packet ethertype 0x%04x", name, ethertype);
}

static void
check_packet_in_action(const char *name, const struct ofp_msg *m)
{
    check_packet_in(name, m, OFPR_ACTION, 1, 0xa, 106, 0x0800);
    if (m->kind == OFP_MSG_PACKET_IN && m->packet_in.data_len >= 38) {
        TAP_INT_EQ(ofp_get_be16(m->packet_in.data + 36), 9999,
                   "%s: UDP destination port", name);
    }
}

static void
check_packet_in_no_match(const char *name, const struct ofp_msg *m)
{
    check_packet_in(name, m, OFPR_NO_MATCH, 2, 0xf, 42, 0x0806);
}

/* Every fixture and its assertions. */
static const struct {
    const char *name;
    void (*check)(const char *name, const struct ofp_msg *);
} fixtures[] = {
#define F(NAME) { #NAME, check_##NAME }
    F(hello),
    F(features_reply),
    F(get_config_reply),
    F(barrier_reply),
    F(echo_reply),
    F(echo_request),
    F(desc_reply),
    F(port_desc_reply),
    F(table_features_reply),
    F(meter_features_reply),
    F(group_features_reply),
    F(role_reply),
    F(get_async_reply),
    F(flow_stats_reply),
    F(flow_stats_many_reply),
    F(aggregate_stats_reply),
    F(table_stats_reply),
    F(port_stats_reply),
    F(group_desc_reply),
    F(group_stats_reply),
    F(meter_config_reply),
    F(meter_stats_reply),
    F(error_bad_table_id),
    F(error_bad_action),
    F(error_bad_len),
    F(error_bad_type),
    F(error_bad_prereq),
    F(bundle_open_reply),
    F(bundle_commit_reply),
    F(bundle_close_reply),
    F(bundle_discard_reply),
    F(flow_removed_hard_timeout),
    F(flow_removed_delete),
    F(port_status_add),
    F(port_status_modify),
    F(port_status_delete),
    F(packet_in_action),
    F(packet_in_no_match),
#undef F
};

/* Checks that every .hex file in the fixture directory has an entry in
 * 'fixtures', so that a newly captured fixture cannot go unchecked. */
static void
check_all_listed(void)
{
    DIR *dir = opendir(fixture_dir);
    struct dirent *de;
    size_t n_unlisted = 0;

    if (!tap_ok(dir != NULL, "fixture directory can be listed")) {
        return;
    }
    while ((de = readdir(dir)) != NULL) {
        size_t len = strlen(de->d_name);
        bool listed = false;

        if (len <= 4 || strcmp(de->d_name + len - 4, ".hex")) {
            continue;
        }
        for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
            if (strlen(fixtures[i].name) == len - 4
                && !strncmp(fixtures[i].name, de->d_name, len - 4)) {
                listed = true;
            }
        }
        if (!listed) {
            tap_diag("%s/%s has no checks in tests/test-fixtures.c",
                     fixture_dir, de->d_name);
            n_unlisted++;
        }
    }
    closedir(dir);
    tap_ok(!n_unlisted, "every fixture file is checked (%zu unlisted)",
           n_unlisted);
}

int
main(int argc, char *argv[])
{
    (void) argc;
    if (!tap_ok(find_fixture_dir(argv[0]), "fixture directory found")) {
        tap_diag("set OFC_SRCDIR to the source tree");
        return tap_done();
    }
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
        struct ofp_arena arena;
        struct fixture fx;
        struct ofp_msg msg;

        ofp_arena_init(&arena);
        if (decode_fixture(fixtures[i].name, &fx, &arena, &msg)) {
            fixtures[i].check(fixtures[i].name, &msg);
        }
        ofp_arena_destroy(&arena);
        ofpbuf_uninit(&fx.bytes);
    }
    check_all_listed();
    return tap_done();
}
