/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The flow store's switch side (see flow-store.h): the initial dump, the
 * adopt offers, the reconciling diff in an ONF bundle (or, where the switch
 * rejects bundles, as plain messages), and the sends of the public API.
 * The sets and the diff itself live in flow-store-table.c.
 *
 * Phases of one switch:
 *   DUMPING     FLOW and GROUP_DESC dumps requested; puts are recorded.
 *   COMMITTING  the diff went out in a bundle (OPEN, ADD..., COMMIT,
 *               BARRIER, pipelined); puts are still recorded, because a
 *               failed commit must be replayed before anything newer.
 *   SYNCING     the diff is applied (or replayed plainly); the table is
 *               live, so every change goes out at once; waiting for the
 *               barrier.
 *   SYNCED      the barrier replied. */

#include "controller/flow-store.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/app.h"
#include "controller/flow-store-table.h"
#include "controller/log.h"
#include "controller/stats.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"

#define BUNDLE_FLAGS (OFPBF_ATOMIC | OFPBF_ORDERED)

/* Where a switch's initial sync is. */
enum fs_phase {
    FS_DUMPING,
    FS_COMMITTING,
    FS_SYNCING,
    FS_SYNCED,
};

/* The store of one switch.  Owned by the switch (sw->flow_store) from
 * ofc_flow_store_switch_up() to ofc_flow_store_switch_down(). */
struct ofc_flow_store {
    struct ofc_switch *sw;
    struct ofc_flow_table *table;
    enum fs_phase phase;
    bool flows_dumped;
    bool groups_dumped;
    bool bundling;              /* The table emits into a bundle. */
    bool bundle_open;           /* OPEN_REQUEST sent for 'bundle_id'. */
    bool no_bundles;            /* The switch failed a bundle: go plain. */
    uint32_t bundle_id;
    size_t n_bundled;           /* Messages in the bundle. */
    struct ofpbuf replay;       /* The bundle's messages, encoded, for a
                                 * plain replay if the commit fails. */
    unsigned barrier_gen;       /* Only the newest barrier counts. */
};

static int log_module = -1;
static struct ofc_ratelimit rl_warn = OFC_RATELIMIT_INIT(5, 50);
static struct ofp_arena replay_arena;
static bool replay_arena_ready;

static void send_sync_barrier(struct ofc_flow_store *);

/* Registers the log module "flowstore" before main() runs, so that
 * --log-level and the config file can name it. */
static void __attribute__((constructor))
fs_log_register(void)
{
    log_module = ofc_log_module_register("flowstore");
}

/* Returns the log module "flowstore". */
static int
fs_log(void)
{
    return log_module >= 0 ? log_module : OFC_LOG_SWITCH;
}

/* Counts one FLOW_MOD or GROUP_MOD going out. */
static void
count_mod(const struct ofp_msg *msg)
{
    if (msg->kind == OFP_MSG_FLOW_MOD) {
        ofc_stats.flow_mods_tx++;
    } else if (msg->kind == OFP_MSG_GROUP_MOD) {
        ofc_stats.group_mods_tx++;
    }
}

/* Logs the reply to the OPEN_REQUEST if it is an error (the COMMIT's
 * error, which follows, triggers the fallback). */
static void
bundle_open_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
                  void *aux)
{
    if (reply && reply->kind == OFP_MSG_ERROR) {
        OFC_DBG(fs_log(), ofc_switch_dpid(sw), "bundle open failed");
    }
}

/* The table's emit callback: sends 'msg' plainly, or as an ADD_MESSAGE of
 * the bundle being built (opening it first). */
static void
store_emit(const struct ofc_app *owner, const struct ofp_msg *msg, void *aux)
{
    struct ofc_flow_store *fs = aux;
    struct ofc_switch *sw = fs->sw;

    count_mod(msg);
    if (!fs->bundling) {
        ofc_switch_send(sw, owner, msg);
        return;
    }
    if (!fs->bundle_open) {
        struct ofp_msg open;
        memset(&open, 0, sizeof open);
        open.kind = OFP_MSG_BUNDLE_CONTROL;
        open.version = OFP13_VERSION;
        open.bundle_ctrl.bundle_id = fs->bundle_id;
        open.bundle_ctrl.type = OFPBCT_OPEN_REQUEST;
        open.bundle_ctrl.flags = BUNDLE_FLAGS;
        ofc_switch_request(sw, NULL, &open, bundle_open_reply, NULL);
        fs->bundle_open = true;
    }
    struct ofp_msg add;
    memset(&add, 0, sizeof add);
    add.kind = OFP_MSG_BUNDLE_ADD;
    add.version = OFP13_VERSION;
    add.bundle_add.bundle_id = fs->bundle_id;
    add.bundle_add.flags = BUNDLE_FLAGS;
    add.bundle_add.inner = msg;
    ofc_switch_send(sw, owner, &add);
    ofp_encode(msg, &fs->replay);
    fs->n_bundled++;
}

/* Returns the app a FLOW_MOD or GROUP_MOD we built belongs to. */
static const struct ofc_app *
msg_owner(const struct ofp_msg *m)
{
    const struct ofc_app *app = NULL;
    if (m->kind == OFP_MSG_FLOW_MOD) {
        ofc_cookie_owner(m->flow_mod.cookie, &app);
    } else if (m->kind == OFP_MSG_GROUP_MOD && m->group_mod.group_id >> 24) {
        app = ofc_app_at((m->group_mod.group_id >> 24) - 1);
    }
    return app;
}

/* Resends the messages of a failed bundle, in order, without a bundle. */
static void
replay_plain(struct ofc_flow_store *fs)
{
    if (!replay_arena_ready) {
        ofp_arena_init(&replay_arena);
        replay_arena_ready = true;
    }
    size_t ofs = 0;
    while (ofs + OFP_HEADER_LEN <= fs->replay.size) {
        const uint8_t *p = fs->replay.data + ofs;
        uint16_t len = ofp_get_be16(p + 2);
        struct ofp_msg m;
        ofp_arena_reset(&replay_arena);
        if (len < OFP_HEADER_LEN || ofs + len > fs->replay.size
            || ofp_decode(p, len, &replay_arena, &m)) {
            break;              /* Cannot happen: we encoded them. */
        }
        count_mod(&m);
        ofc_switch_send(fs->sw, msg_owner(&m), &m);
        ofs += len;
    }
}

/* Ends the bundle phase: replays a failed bundle if needed, sends what
 * changed meanwhile, and makes the table live. */
static void
finish_commit(struct ofc_flow_store *fs, bool failed)
{
    struct ofc_flow_diff d;

    if (failed) {
        replay_plain(fs);
    }
    ofpbuf_uninit(&fs->replay);
    ofpbuf_init(&fs->replay, 0);
    fs->bundling = false;
    ofc_flow_table_diff(fs->table, &d);
    ofc_flow_table_set_live(fs->table, true);
    fs->phase = FS_SYNCING;
    if (d.deleted || d.added || d.modified || d.groups_deleted
        || d.groups_added || d.groups_modified) {
        OFC_DBG(fs_log(), ofc_switch_dpid(fs->sw),
                "changes during the commit: %zu deleted, %zu added, "
                "%zu modified", d.deleted, d.added, d.modified);
    }
    if (failed) {
        /* The barrier already sent may reply before the replay is done. */
        send_sync_barrier(fs);
    }
}

/* Describes an OFPT_ERROR reply in 'buf'. */
static void
error_name(const struct ofp_msg *reply, char *buf, size_t size)
{
    if (reply->kind == OFP_MSG_ERROR) {
        enum ofperr e = ofperr_from_type_code(reply->error.type,
                                              reply->error.code);
        snprintf(buf, size, "%s", e ? ofperr_name(e) : "unknown error");
    } else {
        snprintf(buf, size, "unexpected %s",
                 ofp_msg_kind_name(reply->kind));
    }
}

/* Handles the reply to the COMMIT_REQUEST. */
static void
bundle_commit_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
                    void *aux)
{
    struct ofc_flow_store *fs = sw->flow_store;
    if (!reply || !fs || fs->phase != FS_COMMITTING) {
        return;
    }
    if (reply->kind == OFP_MSG_BUNDLE_CONTROL
        && reply->bundle_ctrl.type == OFPBCT_COMMIT_REPLY) {
        finish_commit(fs, false);
        return;
    }
    char what[64];
    error_name(reply, what, sizeof what);
    ofc_stats.bundle_fallbacks++;
    fs->no_bundles = true;
    ofc_log_rl(&rl_warn, fs_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
               "bundle commit failed (%s): resending its %zu messages "
               "without a bundle", what, fs->n_bundled);
    finish_commit(fs, true);
}

/* Handles the barrier that ends the initial sync. */
static void
sync_barrier_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
                   void *aux)
{
    struct ofc_flow_store *fs = sw->flow_store;
    unsigned gen = (unsigned) (uintptr_t) aux;
    if (!reply || !fs || gen != fs->barrier_gen
        || fs->phase != FS_SYNCING) {
        return;
    }
    fs->phase = FS_SYNCED;
    ofc_switch_changed();
    OFC_DBG(fs_log(), ofc_switch_dpid(sw), "initial sync done");
}

/* Sends the barrier whose reply completes the sync (only the newest one
 * counts). */
static void
send_sync_barrier(struct ofc_flow_store *fs)
{
    fs->barrier_gen++;
    ofc_switch_barrier(fs->sw, NULL, sync_barrier_reply,
                       (void *) (uintptr_t) fs->barrier_gen);
}

/* Runs the initial diff once both dumps are in. */
static void
maybe_reconcile(struct ofc_flow_store *fs)
{
    struct ofc_switch *sw = fs->sw;
    struct ofc_flow_diff d;

    if (!fs->flows_dumped || !fs->groups_dumped || fs->phase != FS_DUMPING
        || ofc_switch_is_dead(sw)) {
        return;
    }
    ofc_stats.reconcile_runs++;
    fs->bundling = !fs->no_bundles;
    fs->bundle_open = false;
    fs->bundle_id++;
    fs->n_bundled = 0;
    ofc_flow_table_diff(fs->table, &d);

    const char *how;
    if (fs->bundle_open) {
        struct ofp_msg commit;
        memset(&commit, 0, sizeof commit);
        commit.kind = OFP_MSG_BUNDLE_CONTROL;
        commit.version = OFP13_VERSION;
        commit.bundle_ctrl.bundle_id = fs->bundle_id;
        commit.bundle_ctrl.type = OFPBCT_COMMIT_REQUEST;
        commit.bundle_ctrl.flags = BUNDLE_FLAGS;
        ofc_switch_request(sw, NULL, &commit, bundle_commit_reply, NULL);
        fs->phase = FS_COMMITTING;
        how = "bundle";
    } else {
        fs->bundling = false;
        ofc_flow_table_set_live(fs->table, true);
        fs->phase = FS_SYNCING;
        how = fs->n_bundled || d.deleted || d.added || d.modified
              || d.groups_deleted || d.groups_added || d.groups_modified
              ? "plain" : "nothing to send";
    }
    send_sync_barrier(fs);
    OFC_INFO(fs_log(), ofc_switch_dpid(sw),
             "reconcile: %zu installed, %zu stale deleted, %zu added, "
             "%zu modified, %s (groups: %zu installed, %zu stale deleted, "
             "%zu added, %zu modified)",
             d.installed, d.deleted, d.added, d.modified, how,
             d.groups_installed, d.groups_deleted, d.groups_added,
             d.groups_modified);
}

/* Takes the FLOW dump: records our flows and offers each to its owner. */
static void
flows_dumped(struct ofc_switch *sw, const struct ofp_msg *reply, void *aux)
{
    struct ofc_flow_store *fs = sw->flow_store;
    if (!reply || !fs) {
        return;
    }
    if (reply->kind == OFP_MSG_MULTIPART_REPLY
        && reply->mp_reply.type == OFPMP_FLOW) {
        size_t n = reply->mp_reply.flow.n;
        const struct ofp_flow_stats *e = reply->mp_reply.flow.entries;
        for (size_t i = 0; i < n && !ofc_switch_is_dead(sw); i++) {
            const struct ofc_app *owner;
            if (ofc_flow_table_dumped_flow(fs->table, &e[i])
                && ofc_cookie_owner(e[i].cookie, &owner) && owner) {
                ofc_apps_adopt(sw, owner, &e[i]);
            }
        }
    } else {
        char what[64];
        error_name(reply, what, sizeof what);
        ofc_log_rl(&rl_warn, fs_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
                   "flow dump failed (%s): assuming none of our flows is "
                   "installed", what);
    }
    fs->flows_dumped = true;
    maybe_reconcile(fs);
}

/* Takes the GROUP_DESC dump. */
static void
groups_dumped(struct ofc_switch *sw, const struct ofp_msg *reply, void *aux)
{
    struct ofc_flow_store *fs = sw->flow_store;
    if (!reply || !fs) {
        return;
    }
    if (reply->kind == OFP_MSG_MULTIPART_REPLY
        && reply->mp_reply.type == OFPMP_GROUP_DESC) {
        size_t n = reply->mp_reply.group_desc.n;
        const struct ofp_group_desc *e = reply->mp_reply.group_desc.entries;
        for (size_t i = 0; i < n; i++) {
            ofc_flow_table_dumped_group(fs->table, &e[i]);
        }
    } else {
        char what[64];
        error_name(reply, what, sizeof what);
        ofc_log_rl(&rl_warn, fs_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
                   "group dump failed (%s): assuming none of our groups "
                   "is installed", what);
    }
    fs->groups_dumped = true;
    maybe_reconcile(fs);
}

/* ---- For the controller core. ---------------------------------------- */

void
ofc_flow_store_switch_up(struct ofc_switch *sw)
{
    struct ofc_flow_store *fs = ofc_xzalloc(sizeof *fs);
    fs->sw = sw;
    fs->table = ofc_flow_table_create(store_emit, fs);
    fs->phase = FS_DUMPING;
    ofpbuf_init(&fs->replay, 0);
    sw->flow_store = fs;

    /* Everything: every table, any port, group and cookie.  Foreign flows
     * come along and are left alone. */
    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_MULTIPART_REQUEST;
    msg.version = OFP13_VERSION;
    msg.mp_request.type = OFPMP_FLOW;
    msg.mp_request.flow.table_id = OFPTT_ALL;
    msg.mp_request.flow.out_port = OFPP_ANY;
    msg.mp_request.flow.out_group = OFPG_ANY;
    msg.mp_request.flow.cookie = 0;
    msg.mp_request.flow.cookie_mask = 0;
    ofp_match_init(&msg.mp_request.flow.match);
    ofc_switch_request(sw, NULL, &msg, flows_dumped, NULL);

    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_MULTIPART_REQUEST;
    msg.version = OFP13_VERSION;
    msg.mp_request.type = OFPMP_GROUP_DESC;
    ofc_switch_request(sw, NULL, &msg, groups_dumped, NULL);
}

void
ofc_flow_store_switch_down(struct ofc_switch *sw)
{
    struct ofc_flow_store *fs = sw->flow_store;
    if (fs) {
        ofc_flow_table_destroy(fs->table);
        ofpbuf_uninit(&fs->replay);
        free(fs);
        sw->flow_store = NULL;
    }
}

void
ofc_flow_store_flow_removed(struct ofc_switch *sw,
                            const struct ofp_flow_removed *fr)
{
    if (sw->flow_store) {
        ofc_flow_table_flow_removed(sw->flow_store->table, fr);
    }
}

/* ---- For apps. ------------------------------------------------------- */

int
ofc_flow_put(struct ofc_switch *sw, const struct ofc_app *app,
             const struct ofc_flow *flow)
{
    return (sw->flow_store
            ? ofc_flow_table_put(sw->flow_store->table, app, flow)
            : ENOTCONN);
}

int
ofc_flow_remove(struct ofc_switch *sw, const struct ofc_app *app,
                uint8_t table_id, uint16_t priority,
                const struct ofp_match *match)
{
    return (sw->flow_store
            ? ofc_flow_table_remove(sw->flow_store->table, app, table_id,
                                    priority, match)
            : ENOENT);
}

size_t
ofc_flow_remove_matching(struct ofc_switch *sw, const struct ofc_app *app,
                         uint8_t table_id, const struct ofp_match *filter)
{
    return (sw->flow_store
            ? ofc_flow_table_remove_matching(sw->flow_store->table, app,
                                             table_id, filter)
            : 0);
}

size_t
ofc_flow_mark(struct ofc_switch *sw, const struct ofc_app *app,
              uint8_t table_id)
{
    return (sw->flow_store
            ? ofc_flow_table_mark(sw->flow_store->table, app, table_id)
            : 0);
}

size_t
ofc_flow_sweep(struct ofc_switch *sw, const struct ofc_app *app,
               uint8_t table_id)
{
    return (sw->flow_store
            ? ofc_flow_table_sweep(sw->flow_store->table, app, table_id)
            : 0);
}

void
ofc_group_mark(struct ofc_switch *sw, const struct ofc_app *app)
{
    if (sw->flow_store) {
        ofc_flow_table_group_mark(sw->flow_store->table, app);
    }
}

size_t
ofc_group_sweep(struct ofc_switch *sw, const struct ofc_app *app)
{
    return (sw->flow_store
            ? ofc_flow_table_group_sweep(sw->flow_store->table, app)
            : 0);
}

size_t
ofc_flow_count(const struct ofc_switch *sw, const struct ofc_app *app)
{
    return (sw->flow_store
            ? ofc_flow_table_count(sw->flow_store->table, app)
            : 0);
}

int
ofc_group_put(struct ofc_switch *sw, const struct ofc_app *app,
              uint32_t group_id, uint8_t type,
              const struct ofp_bucket *buckets, size_t n_buckets)
{
    return (sw->flow_store
            ? ofc_flow_table_group_put(sw->flow_store->table, app, group_id,
                                       type, buckets, n_buckets)
            : ENOTCONN);
}

int
ofc_group_remove(struct ofc_switch *sw, const struct ofc_app *app,
                 uint32_t group_id)
{
    return (sw->flow_store
            ? ofc_flow_table_group_remove(sw->flow_store->table, app,
                                          group_id)
            : ENOENT);
}

bool
ofc_flow_store_synced(const struct ofc_switch *sw)
{
    return sw->flow_store && sw->flow_store->phase == FS_SYNCED;
}

void
ofc_packet_out(struct ofc_switch *sw, const struct ofc_app *app,
               uint32_t in_port, const struct ofp_action *actions,
               size_t n_actions, const uint8_t *data, size_t len)
{
    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_PACKET_OUT;
    msg.version = OFP13_VERSION;
    msg.packet_out.buffer_id = OFP_NO_BUFFER;
    msg.packet_out.in_port = in_port ? in_port : OFPP_CONTROLLER;
    msg.packet_out.actions.actions = actions;
    msg.packet_out.actions.n = n_actions;
    msg.packet_out.data = data;
    msg.packet_out.data_len = len;
    ofc_switch_send(sw, app, &msg);
}

/* Added by the static app: a conflict check without declaring. */
int
ofc_flow_owner(const struct ofc_switch *sw, uint8_t table_id,
               uint16_t priority, const struct ofp_match *match,
               const struct ofc_app **owner)
{
    *owner = NULL;
    return (sw->flow_store
            ? ofc_flow_table_owner(sw->flow_store->table, table_id,
                                   priority, match, owner)
            : ENOTCONN);
}
