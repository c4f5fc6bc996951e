/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for the flow store's sets and diff (controller/flow-store-
 * table.c): cookies and group ids, entry size, declarations before and
 * after the table is live, dumps (foreign, stale, equal, different), the
 * order and content of the diff, loose removal and FLOW_REMOVED.  The
 * emitted messages are checked as ofp_format() text. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/app.h"
#include "controller/flow-store-table.h"
#include "controller/flow-store.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"
#include "tests/tap.h"

/* Two apps, registered so that owner indexes resolve. */
static const struct ofc_app app_a = { .name = "a" };
static const struct ofc_app app_b = { .name = "b" };
static const struct ofc_app *const apps[] = { &app_a, &app_b, NULL };

/* The messages a table emitted, as text, one per line. */
struct emitted {
    char *lines[256];
    const struct ofc_app *owners[256];
    size_t n;
};

/* Emit callback: formats 'msg' (without the xid prefix) and keeps it. */
static void
collect(const struct ofc_app *owner, const struct ofp_msg *msg, void *aux)
{
    struct emitted *e = aux;
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    ofp_format(msg, &ds);
    const char *s = ofp_ds_cstr(&ds);
    const char *body = strstr(s, "): ");
    if (e->n < 256) {
        e->owners[e->n] = owner;
        e->lines[e->n++] = strdup(body ? body + 3 : s);
    }
    ofp_ds_destroy(&ds);
}

/* Forgets the collected messages. */
static void
emitted_clear(struct emitted *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->lines[i]);
    }
    e->n = 0;
}

/* Prints the collected messages as diagnostics. */
static void
emitted_diag(const struct emitted *e)
{
    for (size_t i = 0; i < e->n; i++) {
        tap_diag("  emitted[%zu]: %s", i, e->lines[i]);
    }
}

/* Returns the index of the first collected line containing every string
 * of the NULL-terminated 'needles', or -1. */
static int
find_line(const struct emitted *e, const char *const *needles)
{
    for (size_t i = 0; i < e->n; i++) {
        bool all = true;
        for (const char *const *n = needles; *n; n++) {
            all = all && strstr(e->lines[i], *n);
        }
        if (all) {
            return (int) i;
        }
    }
    return -1;
}

#define FIND(E, ...) find_line(E, (const char *const[]) { __VA_ARGS__, NULL })

static const uint8_t mac1[6] = { 0x02, 0, 0, 0, 0, 1 };
static const uint8_t mac2[6] = { 0x02, 0, 0, 0, 0, 2 };

/* A match "in_port=PORT,dl_src=MAC" (MAC may be NULL). */
static struct ofp_match
match_port_mac(uint32_t port, const uint8_t *mac)
{
    struct ofp_match m;
    ofp_match_init(&m);
    if (port) {
        ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    }
    if (mac) {
        ofp_match_set_mac(&m, OFP_F_ETH_SRC, mac);
    }
    return m;
}

/* Instructions "output:PORT" (0: goto_table:NEXT instead). */
static struct ofp_instructions
inst_output(const struct ofp_action *a, uint8_t goto_table)
{
    struct ofp_instructions in;
    memset(&in, 0, sizeof in);
    if (a) {
        in.present |= OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
        in.apply.actions = a;
        in.apply.n = 1;
    }
    if (goto_table) {
        in.present |= OFP_INST_BIT(OFPIT_GOTO_TABLE);
        in.goto_table = goto_table;
    }
    return in;
}

static const struct ofp_action out2 = {
    .kind = OFP_ACT_OUTPUT, .output = { .port = 2 }
};
static const struct ofp_action out3 = {
    .kind = OFP_ACT_OUTPUT, .output = { .port = 3 }
};

/* A dumped flow with the given key and body. */
static struct ofp_flow_stats
dumped(uint8_t table, uint16_t prio, const struct ofp_match *m,
       const struct ofp_instructions *in, uint64_t cookie, uint16_t idle)
{
    struct ofp_flow_stats fs;
    memset(&fs, 0, sizeof fs);
    fs.table_id = table;
    fs.priority = prio;
    fs.match = *m;
    fs.instructions = *in;
    fs.cookie = cookie;
    fs.idle_timeout = idle;
    return fs;
}

/* Cookie and group id helpers. */
static void
test_cookies(void)
{
    const struct ofc_app *owner = &app_b;

    TAP_INT_EQ(ofc_cookie(&app_a, 5), 0x0fc0100000000005ull,
               "cookie: magic, owner a (index 1), low bits");
    TAP_INT_EQ(ofc_cookie(&app_b, ~0ull), 0x0fc02fffffffffffull,
               "cookie: low bits are masked to 44");
    tap_ok(ofc_cookie_owner(ofc_cookie(&app_a, 9), &owner)
           && owner == &app_a, "cookie_owner: our cookie names app a");
    tap_ok(ofc_cookie_owner(ofc_cookie(NULL, 0), &owner) && !owner,
           "cookie_owner: a core cookie is ours, owner NULL");
    tap_ok(!ofc_cookie_owner(0x1234, &owner), "cookie_owner: foreign");
    tap_ok(ofc_cookie_owner(0x0fc0f00000000000ull, &owner) && !owner,
           "cookie_owner: ours but unknown owner index gives NULL");
    TAP_INT_EQ(ofc_group_id(&app_b, 7), 0x02000007,
               "group_id: (index + 1) << 24 | local");
}

/* The size of an entry for typical L2 flows. */
static void
test_entry_size(void)
{
    size_t oxm, inst;
    struct ofp_match m = match_port_mac(1, mac1);
    struct ofp_instructions in = inst_output(NULL, 4);
    ofc_flow_table_wire_lengths(&m, &in, &oxm, &inst);
    size_t size = ofc_flow_table_entry_size(oxm, inst);
    tap_diag("in_port+eth_src / goto_table: %zu OXM + %zu instruction "
             "bytes, entry %zu bytes", oxm, inst, size);
    TAP_INT_EQ(oxm, 18, "OXM of in_port + eth_src is 18 bytes");
    TAP_INT_EQ(inst, 8, "goto_table instruction is 8 bytes");

    /* The L2 app's two flows per host (see docs/l2.md). */
    struct ofp_match src, dst;
    union ofp_field_value v = { .u64 = 1 }, mask = { .u64 = 0xfff };
    ofp_match_init(&src);
    ofp_match_set(&src, OFP_F_METADATA, &v, &mask);
    ofp_match_set_u32(&src, OFP_F_IN_PORT, 1);
    ofp_match_set_mac(&src, OFP_F_ETH_SRC, mac1);
    ofp_match_init(&dst);
    ofp_match_set(&dst, OFP_F_METADATA, &v, &mask);
    ofp_match_set_mac(&dst, OFP_F_ETH_DST, mac1);
    struct ofp_action load = { .kind = OFP_ACT_SET_FIELD };
    load.set_field.field = OFP_F_REG0;
    load.set_field.value.u32 = 1;
    struct ofp_instructions go6 = inst_output(&load, 6);
    size_t src_oxm, src_inst, dst_oxm, dst_inst;
    ofc_flow_table_wire_lengths(&src, &in, &src_oxm, &src_inst);
    ofc_flow_table_wire_lengths(&dst, &go6, &dst_oxm, &dst_inst);
    size_t src_size = ofc_flow_table_entry_size(src_oxm, src_inst);
    size_t dst_size = ofc_flow_table_entry_size(dst_oxm, dst_inst);
    size_t src_real = (src_size + 8 + 15) / 16 * 16 + 8;
    size_t dst_real = (dst_size + 8 + 15) / 16 * 16 + 8;
    tap_diag("L2 eth_src flow: %zu+%zu bytes, entry %zu, with malloc and "
             "bucket %zu", src_oxm, src_inst, src_size, src_real);
    tap_diag("L2 eth_dst flow: %zu+%zu bytes, entry %zu, with malloc and "
             "bucket %zu", dst_oxm, dst_inst, dst_size, dst_real);
    tap_ok(src_real < 150 && dst_real < 150,
           "both L2 host flows cost under 150 bytes each (%zu, %zu)",
           src_real, dst_real);

    size = ofc_flow_table_entry_size(24, 32);
    tap_diag("entry with 24 OXM + 32 instruction bytes: %zu bytes "
             "(+ 8 bytes of hash bucket)", size);
    /* malloc rounds up to 16 and adds 8 bytes of header. */
    size_t real = (size + 8 + 15) / 16 * 16 + 8;
    tap_ok(real < 150, "24+32 byte entry with malloc overhead and bucket "
           "is under 150 bytes (%zu)", real);
}

/* Declaring before the table is live, dumping, diffing. */
static void
test_reconcile(void)
{
    struct emitted e = { .n = 0 };
    struct ofc_flow_table *t = ofc_flow_table_create(collect, &e);
    struct ofp_match m1 = match_port_mac(1, mac1);
    struct ofp_match m2 = match_port_mac(2, mac2);
    struct ofp_match m3 = match_port_mac(3, NULL);
    struct ofp_match m4 = match_port_mac(4, NULL);
    struct ofp_match m5 = match_port_mac(5, NULL);
    struct ofp_match m6 = match_port_mac(6, NULL);
    struct ofp_instructions i2 = inst_output(&out2, 0);
    struct ofp_instructions i3 = inst_output(&out3, 0);
    struct ofp_instructions go4 = inst_output(NULL, 4);
    struct ofc_flow f = {
        .table_id = 3, .priority = 100, .instructions = &go4,
    };

    /* Desired: m1 (will be in sync), m2 (installed with other actions),
     * m4 (installed with another idle timeout), m5 (missing). */
    f.match = &m1;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_a, &f), 0, "put m1");
    f.match = &m2;
    f.instructions = &i2;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_a, &f), 0, "put m2");
    f.match = &m4;
    f.idle_timeout = 60;
    f.flags = OFPFF_SEND_FLOW_REM;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_a, &f), 0, "put m4");
    f.match = &m5;
    f.idle_timeout = 0;
    f.flags = 0;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_b, &f), 0, "put m5 (app b)");
    TAP_INT_EQ(e.n, 0, "nothing is sent before the table is live");
    TAP_INT_EQ(ofc_flow_table_count(t, NULL), 4, "count: 4 desired");
    TAP_INT_EQ(ofc_flow_table_count(t, &app_a), 3, "count: 3 of app a");
    TAP_INT_EQ(ofc_flow_table_count(t, &app_b), 1, "count: 1 of app b");
    f.match = &m5;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_a, &f), EEXIST,
               "put of app b's key by app a: EEXIST");
    f.table_id = OFPTT_ALL;
    TAP_INT_EQ(ofc_flow_table_put(t, &app_a, &f), EINVAL,
               "put into table OFPTT_ALL: EINVAL");
    f.table_id = 3;

    /* Groups: 1 desired and installed equal, 2 desired and missing, 3 of
     * ours installed but not desired, a foreign one. */
    struct ofp_bucket bk = {
        .weight = 0, .watch_port = OFPP_ANY, .watch_group = OFPG_ANY,
        .actions = { &out2, 1 },
    };
    uint32_t g1 = ofc_group_id(&app_a, 1), g2 = ofc_group_id(&app_a, 2);
    uint32_t g3 = ofc_group_id(&app_a, 3);
    TAP_INT_EQ(ofc_flow_table_group_put(t, &app_a, g1, OFPGT_ALL, &bk, 1),
               0, "group put g1");
    TAP_INT_EQ(ofc_flow_table_group_put(t, &app_a, g2, OFPGT_ALL, &bk, 1),
               0, "group put g2");
    TAP_INT_EQ(ofc_flow_table_group_put(t, &app_b, g2, OFPGT_ALL, &bk, 1),
               EINVAL, "group put of app a's id by app b: EINVAL");

    /* The dump. */
    struct ofp_flow_stats d;
    d = dumped(3, 100, &m1, &go4, ofc_cookie(&app_a, 0), 0);
    tap_ok(ofc_flow_table_dumped_flow(t, &d), "dump: m1 is ours");
    d = dumped(3, 100, &m2, &i3, ofc_cookie(&app_a, 0), 0);
    ofc_flow_table_dumped_flow(t, &d);
    d = dumped(3, 100, &m4, &go4, ofc_cookie(&app_a, 0), 30);
    d.flags = OFPFF_SEND_FLOW_REM;
    ofc_flow_table_dumped_flow(t, &d);
    d = dumped(3, 100, &m3, &go4, ofc_cookie(&app_a, 0), 0);
    tap_ok(ofc_flow_table_dumped_flow(t, &d), "dump: stale m3 is ours");
    d = dumped(0, 5, &m6, &i2, 0x1234, 0);
    tap_ok(!ofc_flow_table_dumped_flow(t, &d), "dump: cookie 0x1234 is "
           "foreign");
    d = dumped(3, 100, &m6, &i2, 0, 0);
    tap_ok(!ofc_flow_table_dumped_flow(t, &d), "dump: cookie 0 is foreign "
           "even with our key space");
    struct ofp_group_desc gd = {
        .type = OFPGT_ALL, .group_id = g1, .buckets = &bk, .n_buckets = 1,
    };
    ofc_flow_table_dumped_group(t, &gd);
    gd.group_id = g3;
    ofc_flow_table_dumped_group(t, &gd);
    gd.group_id = 5;
    ofc_flow_table_dumped_group(t, &gd);
    TAP_INT_EQ(ofc_flow_table_count(t, NULL), 4,
               "dump: stale flows do not count as desired");

    struct ofc_flow_diff diff;
    ofc_flow_table_diff(t, &diff);
    TAP_INT_EQ(diff.installed, 4, "diff: 4 of our flows installed");
    TAP_INT_EQ(diff.deleted, 1, "diff: 1 stale deleted");
    TAP_INT_EQ(diff.added, 1, "diff: 1 added");
    TAP_INT_EQ(diff.modified, 2, "diff: 2 modified");
    TAP_INT_EQ(diff.groups_installed, 2, "diff: 2 of our groups installed");
    TAP_INT_EQ(diff.groups_added, 1, "diff: 1 group added");
    TAP_INT_EQ(diff.groups_deleted, 1, "diff: 1 stale group deleted");
    TAP_INT_EQ(diff.groups_modified, 0, "diff: no group modified");
    TAP_INT_EQ(e.n, 6, "diff: 6 messages (1+1+1+2+1)");

    int add_g2 = FIND(&e, "ADD group_id=16777218", "bucket=actions=output:2");
    int del_m3 = FIND(&e, "DEL_STRICT", "priority=100", "in_port=3");
    int mod_m2 = FIND(&e, "MOD_STRICT", "in_port=2",
                      "dl_src=02:00:00:00:00:02", "actions=output:2");
    int add_m4 = FIND(&e, "ADD", "in_port=4", "idle:60",
                      "send_flow_rem", "cookie:0xfc0100000000000");
    int add_m5 = FIND(&e, "ADD", "in_port=5", "cookie:0xfc0200000000000");
    int del_g3 = FIND(&e, "DEL group_id=16777219");
    tap_ok(add_g2 >= 0, "diff: group ADD for g2");
    tap_ok(del_m3 >= 0, "diff: DELETE_STRICT for stale m3");
    tap_ok(mod_m2 >= 0, "diff: MODIFY_STRICT for m2 (only actions "
           "differ)");
    tap_ok(add_m4 >= 0, "diff: ADD for m4 (idle timeout differs)");
    tap_ok(add_m5 >= 0, "diff: ADD for missing m5 with app b's cookie");
    tap_ok(del_g3 >= 0, "diff: group DEL for stale g3");
    tap_ok(del_m3 >= 0 && strstr(e.lines[del_m3],
                                 "cookie:0xfc0000000000000/"
                                 "0xfff0000000000000"),
           "diff: DELETE_STRICT only hits cookies with our magic");
    tap_ok(add_g2 == 0 && del_g3 == 5, "diff: groups added first, "
           "deleted last");
    tap_ok(del_m3 >= 0 && del_m3 < mod_m2 && del_m3 < add_m4
           && del_m3 < add_m5, "diff: stale flows deleted before adds");
    tap_ok(add_m5 >= 0 && e.owners[add_m5] == &app_b
           && e.owners[del_m3] == &app_a,
           "diff: each message is sent on behalf of its owner");
    if (e.n != 6 || add_g2 < 0 || del_g3 < 0 || add_m4 < 0) {
        emitted_diag(&e);
    }
    emitted_clear(&e);

    ofc_flow_table_diff(t, &diff);
    tap_ok(e.n == 0 && !diff.added && !diff.deleted && !diff.modified,
           "a second diff sends nothing");

    /* Live: every change goes out at once. */
    ofc_flow_table_set_live(t, true);
    f.match = &m1;
    f.instructions = &go4;
    f.idle_timeout = 0;
    f.flags = 0;
    ofc_flow_table_put(t, &app_a, &f);
    TAP_INT_EQ(e.n, 0, "live: re-declaring an identical flow sends "
               "nothing");
    f.instructions = &i3;
    ofc_flow_table_put(t, &app_a, &f);
    tap_ok(e.n == 1 && FIND(&e, "MOD_STRICT", "in_port=1",
                            "actions=output:3") == 0,
           "live: new actions only: MODIFY_STRICT");
    emitted_clear(&e);
    f.cookie_low = 7;
    ofc_flow_table_put(t, &app_a, &f);
    tap_ok(e.n == 1 && FIND(&e, "ADD", "cookie:0xfc0100000000007",
                            "in_port=1") == 0,
           "live: another cookie: ADD");
    emitted_clear(&e);
    f.match = &m6;
    ofc_flow_table_put(t, &app_a, &f);
    tap_ok(e.n == 1 && FIND(&e, "ADD", "in_port=6") == 0,
           "live: a new flow: ADD");
    emitted_clear(&e);
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_b, 3, 100, &m6), ENOENT,
               "live: app b cannot remove app a's flow");
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_a, 3, 100, &m6), 0,
               "live: remove m6");
    tap_ok(e.n == 1 && FIND(&e, "DEL_STRICT", "in_port=6",
                            "priority=100") == 0,
           "live: remove sends DELETE_STRICT");
    emitted_clear(&e);
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_a, 3, 100, &m6), ENOENT,
               "live: removing it again: ENOENT");
    TAP_INT_EQ(ofc_flow_table_group_put(t, &app_a, g2, OFPGT_ALL, &bk, 1),
               0, "live: same group again");
    TAP_INT_EQ(e.n, 0, "live: an identical group sends nothing");
    struct ofp_bucket bk3 = bk;
    bk3.actions.actions = &out3;
    ofc_flow_table_group_put(t, &app_a, g2, OFPGT_ALL, &bk3, 1);
    tap_ok(e.n == 1 && FIND(&e, "MOD group_id=16777218",
                            "output:3") == 0,
           "live: changed buckets: group MODIFY");
    emitted_clear(&e);
    TAP_INT_EQ(ofc_flow_table_group_remove(t, &app_a, g2), 0,
               "live: group remove");
    tap_ok(e.n == 1 && FIND(&e, "DEL group_id=16777218") == 0,
           "live: group remove sends DELETE");
    emitted_clear(&e);

    /* FLOW_REMOVED forgets the flow: declaring it again re-adds it. */
    struct ofp_flow_removed fr;
    memset(&fr, 0, sizeof fr);
    fr.table_id = 3;
    fr.priority = 100;
    fr.match = m4;
    fr.cookie = ofc_cookie(&app_a, 0);
    fr.reason = OFPRR_IDLE_TIMEOUT;
    size_t before = ofc_flow_table_count(t, &app_a);
    ofc_flow_table_flow_removed(t, &fr);
    TAP_INT_EQ(ofc_flow_table_count(t, &app_a), before - 1,
               "flow_removed: the flow is no longer desired");
    fr.match = m5;
    fr.cookie = 0x99;
    ofc_flow_table_flow_removed(t, &fr);
    TAP_INT_EQ(ofc_flow_table_count(t, &app_b), 1,
               "flow_removed with a foreign cookie changes nothing");
    f.match = &m4;
    f.instructions = &go4;
    f.cookie_low = 0;
    f.idle_timeout = 60;
    f.flags = OFPFF_SEND_FLOW_REM;
    ofc_flow_table_put(t, &app_a, &f);
    tap_ok(e.n == 1 && FIND(&e, "ADD", "in_port=4") == 0,
           "flow_removed: declaring it again sends an ADD");
    emitted_clear(&e);

    /* A deletion does not withdraw a desired flow. */
    fr.match = m4;
    fr.cookie = ofc_cookie(&app_a, 0);
    fr.reason = OFPRR_DELETE;
    before = ofc_flow_table_count(t, &app_a);
    ofc_flow_table_flow_removed(t, &fr);
    TAP_INT_EQ(ofc_flow_table_count(t, &app_a), before,
               "flow_removed DELETE: the flow stays desired");
    ofc_flow_table_put(t, &app_a, &f);
    tap_ok(e.n == 1 && FIND(&e, "ADD", "in_port=4") == 0,
           "flow_removed DELETE: declaring it again re-adds it");
    emitted_clear(&e);
    ofc_flow_table_flow_removed(t, &fr);
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_a, 3, 100, &m4), 0,
               "remove after a DELETE flow_removed");
    tap_ok(e.n == 1 && FIND(&e, "DEL_STRICT", "in_port=4") == 0,
           "a live remove sends DELETE_STRICT even if believed gone");
    emitted_clear(&e);

    ofc_flow_table_destroy(t);
}

/* Removing before the table is live leaves installed flows to the diff. */
static void
test_remove_before_live(void)
{
    struct emitted e = { .n = 0 };
    struct ofc_flow_table *t = ofc_flow_table_create(collect, &e);
    struct ofp_match m1 = match_port_mac(1, mac1);
    struct ofp_match m2 = match_port_mac(2, NULL);
    struct ofp_instructions go4 = inst_output(NULL, 4);
    struct ofc_flow f = { .table_id = 3, .priority = 9, .match = &m1,
                          .instructions = &go4 };

    ofc_flow_table_put(t, &app_a, &f);
    struct ofp_flow_stats d = dumped(3, 9, &m1, &go4,
                                     ofc_cookie(&app_a, 0), 0);
    ofc_flow_table_dumped_flow(t, &d);
    f.match = &m2;
    ofc_flow_table_put(t, &app_a, &f);
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_a, 3, 9, &m1), 0,
               "not live: remove an installed flow");
    TAP_INT_EQ(ofc_flow_table_remove(t, &app_a, 3, 9, &m2), 0,
               "not live: remove a flow never installed");
    TAP_INT_EQ(e.n, 0, "not live: removes send nothing");
    struct ofc_flow_diff diff;
    ofc_flow_table_diff(t, &diff);
    tap_ok(diff.deleted == 1 && !diff.added && e.n == 1
           && FIND(&e, "DEL_STRICT", "in_port=1") == 0,
           "diff deletes only the installed one");
    emitted_clear(&e);

    /* Adopt-style: a dumped flow re-declared identically is in sync. */
    d = dumped(3, 9, &m2, &go4, ofc_cookie(&app_b, 3), 0);
    ofc_flow_table_dumped_flow(t, &d);
    f.match = &m2;
    f.cookie_low = 3;
    ofc_flow_table_put(t, &app_b, &f);
    ofc_flow_table_diff(t, &diff);
    tap_ok(diff.installed == 1 && !diff.added && !diff.modified
           && !diff.deleted && e.n == 0,
           "a dumped flow re-declared as is (adopt) is left alone");
    ofc_flow_table_destroy(t);
}

/* Loose removal. */
static void
test_remove_matching(void)
{
    struct emitted e = { .n = 0 };
    struct ofc_flow_table *t = ofc_flow_table_create(collect, &e);
    struct ofp_instructions go4 = inst_output(NULL, 4);
    struct ofc_flow f = { .table_id = 3, .priority = 9,
                          .instructions = &go4 };
    struct ofp_match m;

    ofc_flow_table_set_live(t, true);
    m = match_port_mac(1, mac1);
    f.match = &m;
    ofc_flow_table_put(t, &app_a, &f);          /* in_port=1,dl_src. */
    m = match_port_mac(1, NULL);
    ofc_flow_table_put(t, &app_a, &f);          /* in_port=1. */
    m = match_port_mac(2, mac1);
    ofc_flow_table_put(t, &app_a, &f);          /* in_port=2,dl_src. */
    m = match_port_mac(0, mac1);
    ofc_flow_table_put(t, &app_a, &f);          /* dl_src only. */
    m = match_port_mac(1, mac2);
    ofc_flow_table_put(t, &app_b, &f);          /* App b's. */
    m = match_port_mac(1, mac2);
    f.table_id = 4;
    ofc_flow_table_put(t, &app_a, &f);          /* Table 4. */

    /* IPv4 prefixes in table 5. */
    f.table_id = 5;
    ofp_match_init(&m);
    ofp_match_set_u16(&m, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_ipv4_prefix(&m, OFP_F_IPV4_SRC, 0x0a010000, 16);
    ofc_flow_table_put(t, &app_a, &f);          /* 10.1.0.0/16. */
    ofp_match_set_ipv4_prefix(&m, OFP_F_IPV4_SRC, 0x0a010203, 32);
    ofc_flow_table_put(t, &app_a, &f);          /* 10.1.2.3. */
    ofp_match_set_ipv4_prefix(&m, OFP_F_IPV4_SRC, 0x0a000000, 8);
    ofc_flow_table_put(t, &app_a, &f);          /* 10.0.0.0/8. */
    ofp_match_set_ipv4_prefix(&m, OFP_F_IPV4_SRC, 0x0b000000, 8);
    ofc_flow_table_put(t, &app_a, &f);          /* 11.0.0.0/8. */
    emitted_clear(&e);
    TAP_INT_EQ(ofc_flow_table_count(t, NULL), 10, "10 flows declared");

    struct ofp_match filter = match_port_mac(1, NULL);
    TAP_INT_EQ(ofc_flow_table_remove_matching(t, &app_a, 3, &filter), 2,
               "in_port=1 in table 3: 2 of app a's flows");
    tap_ok(e.n == 2 && FIND(&e, "DEL_STRICT", "in_port=1",
                            "dl_src=02:00:00:00:00:01") >= 0,
           "each is deleted with DELETE_STRICT");
    if (e.n != 2) {
        emitted_diag(&e);
    }
    emitted_clear(&e);
    TAP_INT_EQ(ofc_flow_table_count(t, &app_b), 1,
               "app b's in_port=1 flow is left");
    TAP_INT_EQ(ofc_flow_table_remove_matching(t, &app_a, OFPTT_ALL,
                                              &filter), 1,
               "in_port=1 in every table: table 4's flow too");
    emitted_clear(&e);

    ofp_match_init(&filter);
    ofp_match_set_u16(&filter, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_ipv4_prefix(&filter, OFP_F_IPV4_SRC, 0x0a010000, 16);
    TAP_INT_EQ(ofc_flow_table_remove_matching(t, &app_a, 5, &filter), 2,
               "nw_src=10.1.0.0/16 takes 10.1.0.0/16 and 10.1.2.3 only");
    tap_ok(FIND(&e, "nw_src=10.1.2.3") >= 0
           && FIND(&e, "nw_src=10.1.0.0/16") >= 0
           && FIND(&e, "nw_src=10.0.0.0/8") < 0,
           "the less specific 10.0.0.0/8 stays");
    emitted_clear(&e);
    ofp_match_init(&filter);
    TAP_INT_EQ(ofc_flow_table_remove_matching(t, &app_a, OFPTT_ALL,
                                              &filter), 4,
               "the empty filter takes all of app a's remaining flows");
    TAP_INT_EQ(ofc_flow_table_count(t, NULL), 1, "only app b's is left");
    emitted_clear(&e);
    ofc_flow_table_destroy(t);
}

int
main(void)
{
    if (ofc_apps_init(apps)) {
        return 1;
    }
    test_cookies();
    test_entry_size();
    test_reconcile();
    test_remove_before_live();
    test_remove_matching();
    return tap_done();
}
