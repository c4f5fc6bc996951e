/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The arp app (see arp.h): ARP drop rules and the spoof guard
 * (arp-guard.c).
 *
 * Rules come from the configuration ("arp_rules": ids "cfg-N", replaced on
 * a reload, never deleted over REST) or from REST (integer ids, never
 * reused).  REST rules and guards, and the guard's learned bindings, live
 * in the state file "arp-rules.json":
 *
 *     {"next_id": N, "rules": [RULE...], "guards": [...],
 *      "learned": [...]}
 *
 * Every change is saved before it reaches a switch, and undone if the save
 * fails.  Each rule is one drop flow per switch it applies to (table 1,
 * priority 3000, cookie low bits = its id, or ARP_COOKIE_CONFIG | index).
 * Any change re-declares the app's whole table-1 set on every connected
 * switch with mark and sweep: unchanged flows send nothing.
 *
 * Counters: GET asks every connected switch for the app's table-1 flows
 * (FLOW_STATS filtered by the app's cookie) and answers when all have
 * replied, with the packet and byte counts summed per rule, so they are
 * as fresh as the request.
 *
 * Expiry: a rule with ttl_seconds has that hard timeout on its flows (with
 * send_flow_rem) and an expiry time; the first FLOW_REMOVED of a hard
 * timeout, or any REST request or switch connection after the expiry time
 * (for a rule on switches that are all away), removes the rule. */

#include "apps/arp.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "apps/arp-guard.h"
#include "apps/arp-rule.h"
#include "controller/flow-store.h"
#include "controller/json-check.h"
#include "controller/log.h"
#include "controller/route.h"
#include "controller/state.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-multipart.h"

#define ARP_FILE "arp-rules.json"
#define ARP_MAX_ID ((1ull << 40) - 1)
#define ARP_MAX_RULES 4096

/* The rules: from the configuration, and from REST (by increasing id). */
static struct arp_rule **cfg_rules, **rest_rules;
static size_t n_cfg_rules, n_rest_rules;
static uint64_t next_id = 1;

/* The log module "arp" (arp_log() lends it to the app's other files). */
OFC_LOG_MODULE(arp_log_module, "arp")

int
arp_log(void)
{
    return arp_log_module;
}

/* ---- The set. --------------------------------------------------------- */

/* Frees the rules of 'list' and the list. */
static void
free_rules(struct arp_rule **list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        arp_rule_free(list[i]);
    }
    free(list);
}

/* Appends 'r' to the REST rules (ids increase, so the order holds). */
static void
rest_insert(struct arp_rule *r)
{
    rest_rules = ofc_xrealloc(rest_rules,
                              (n_rest_rules + 1) * sizeof *rest_rules);
    size_t i = n_rest_rules++;
    while (i > 0 && rest_rules[i - 1]->id > r->id) {
        rest_rules[i] = rest_rules[i - 1];
        i--;
    }
    rest_rules[i] = r;
}

/* Removes and returns the REST rule at 'i'. */
static struct arp_rule *
rest_remove_at(size_t i)
{
    struct arp_rule *r = rest_rules[i];
    memmove(&rest_rules[i], &rest_rules[i + 1],
            (n_rest_rules - i - 1) * sizeof *rest_rules);
    n_rest_rules--;
    return r;
}

/* Returns the index of the REST rule 'id', or SIZE_MAX. */
static size_t
rest_find(uint64_t id)
{
    for (size_t i = 0; i < n_rest_rules; i++) {
        if (rest_rules[i]->id == id) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Returns the rule with cookie low bits 'cookie_low', or NULL. */
static const struct arp_rule *
find_by_cookie(uint64_t cookie_low)
{
    for (size_t i = 0; i < n_cfg_rules; i++) {
        if (cfg_rules[i]->cookie_low == cookie_low) {
            return cfg_rules[i];
        }
    }
    for (size_t i = 0; i < n_rest_rules; i++) {
        if (rest_rules[i]->cookie_low == cookie_low) {
            return rest_rules[i];
        }
    }
    return NULL;
}

/* Returns a rule that matches what 'r' matches, or NULL. */
static const struct arp_rule *
find_same(const struct arp_rule *r)
{
    for (size_t i = 0; i < n_cfg_rules; i++) {
        if (arp_rule_same(cfg_rules[i], r)) {
            return cfg_rules[i];
        }
    }
    for (size_t i = 0; i < n_rest_rules; i++) {
        if (arp_rule_same(rest_rules[i], r)) {
            return rest_rules[i];
        }
    }
    return NULL;
}

/* Returns the stored form of REST rule 'r'. */
static json_t *
rule_state_json(const struct arp_rule *r)
{
    json_t *o = arp_rule_json(r);
    json_object_del(o, "source");
    json_object_del(o, "expires_in");
    if (r->expires_wall) {
        json_object_set_new(o, "expires_at", json_integer(r->expires_wall));
    }
    return o;
}

int
arp_save_state(char **error)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n_rest_rules; i++) {
        json_array_append_new(list, rule_state_json(rest_rules[i]));
    }
    json_t *doc = json_pack("{s:I, s:o, s:o, s:o}",
                            "next_id", (json_int_t) next_id, "rules", list,
                            "guards", arp_guard_state_guards(),
                            "learned", arp_guard_state_learned());
    int retval = ofc_state_save(ARP_FILE, doc, error);
    json_decref(doc);
    return retval;
}

/* ---- Flows. ----------------------------------------------------------- */

/* Declares the drop flow of 'r' on 'sw', if it applies there. */
static void
render_rule(struct ofc_switch *sw, const struct arp_rule *r)
{
    struct ofp_match m;
    if (!arp_rule_on_switch(r, ofc_switch_dpid(sw))
        || !arp_rule_match(r, sw, &m)) {
        return;
    }
    struct ofp_instructions drop = { .present = 0 };
    struct ofc_flow flow = {
        .table_id = ARP_TABLE,
        .priority = ARP_PRIO_RULE,
        .match = &m,
        .instructions = &drop,
        .cookie_low = r->cookie_low,
        .hard_timeout = r->hard_timeout,
        .flags = r->hard_timeout ? OFPFF_SEND_FLOW_REM : 0,
    };
    int error = ofc_flow_put(sw, &ofc_arp_app, &flow);
    if (error && error != ENOTCONN) {
        OFC_WARN(arp_log(), ofc_switch_dpid(sw), "arp rule flow not "
                 "declared (%s)", strerror(error));
    }
}

void
arp_render_switch(struct ofc_switch *sw)
{
    if (ofc_switch_is_dead(sw)) {
        return;
    }
    ofc_flow_mark(sw, &ofc_arp_app, ARP_TABLE);
    for (size_t i = 0; i < n_cfg_rules; i++) {
        render_rule(sw, cfg_rules[i]);
    }
    for (size_t i = 0; i < n_rest_rules; i++) {
        render_rule(sw, rest_rules[i]);
    }
    arp_guard_render(sw);
    ofc_flow_sweep(sw, &ofc_arp_app, ARP_TABLE);
}

/* ofc_switch_for_each() callback of arp_render_all(). */
static void
render_cb(struct ofc_switch *sw, void *aux)
{
    if (ofc_switch_get_data(sw, &ofc_arp_app)) {
        arp_render_switch(sw);
    }
}

void
arp_render_all(void)
{
    ofc_switch_for_each(render_cb, NULL);
}

/* Removes the REST rules whose time is up (saved, withdrawn). */
static void
prune_expired(void)
{
    long long now = ofc_time_msec();
    bool changed = false;
    for (size_t i = 0; i < n_rest_rules; ) {
        struct arp_rule *r = rest_rules[i];
        if (r->expires_msec && now >= r->expires_msec) {
            OFC_INFO(arp_log(), OFC_NO_DPID, "arp rule %"PRIu64" expired",
                     r->id);
            arp_rule_free(rest_remove_at(i));
            changed = true;
        } else {
            i++;
        }
    }
    if (changed) {
        char *error;
        if (arp_save_state(&error)) {
            OFC_ERR(arp_log(), OFC_NO_DPID, "expired arp rules forgotten, "
                    "but saving failed (they come back after a restart "
                    "until they expire): %s", error);
            free(error);
        }
        arp_render_all();
    }
}

/* ---- Counters. -------------------------------------------------------- */

/* Packet and byte counts of one cookie. */
struct counter {
    uint64_t cookie_low, packets, bytes;
};

/* A GET waiting for the switches' FLOW_STATS replies.  Owns its strings
 * and counters; freed when the last reply is in. */
struct counter_wait {
    struct ofc_rest_pending *pending;
    size_t outstanding;         /* Replies still to come. */
    bool one;                   /* GET of one rule (else the list). */
    bool one_config;            /* Its id: "cfg-N" or N. */
    uint64_t one_id;
    struct counter *counters;
    size_t n_counters;
};

/* Adds 'packets' and 'bytes' to the counter of 'cookie_low'. */
static void
counter_add(struct counter_wait *w, uint64_t cookie_low, uint64_t packets,
            uint64_t bytes)
{
    for (size_t i = 0; i < w->n_counters; i++) {
        if (w->counters[i].cookie_low == cookie_low) {
            w->counters[i].packets += packets;
            w->counters[i].bytes += bytes;
            return;
        }
    }
    w->counters = ofc_xrealloc(w->counters,
                               (w->n_counters + 1) * sizeof *w->counters);
    w->counters[w->n_counters++] = (struct counter) {
        cookie_low, packets, bytes,
    };
}

/* Returns rule 'r' with its counters from 'w' (a new object). */
static json_t *
rule_with_counters(const struct counter_wait *w, const struct arp_rule *r)
{
    uint64_t packets = 0, bytes = 0;
    for (size_t i = 0; w && i < w->n_counters; i++) {
        if (w->counters[i].cookie_low == r->cookie_low) {
            packets = w->counters[i].packets;
            bytes = w->counters[i].bytes;
        }
    }
    json_t *o = arp_rule_json(r);
    json_object_set_new(o, "counters",
                        json_pack("{s:I, s:I}", "packets",
                                  (json_int_t) packets, "bytes",
                                  (json_int_t) bytes));
    return o;
}

/* Returns the rule named by ('config', 'id'), or NULL. */
static const struct arp_rule *
find_rule(bool config, uint64_t id)
{
    if (config) {
        return id >= 1 && id <= n_cfg_rules ? cfg_rules[id - 1] : NULL;
    }
    size_t i = rest_find(id);
    return i == SIZE_MAX ? NULL : rest_rules[i];
}

/* Builds the answer of 'w' (or of a GET without switches, 'w' NULL with
 * 'one'/'config'/'id' describing it) into 'resp'. */
static void
build_answer(const struct counter_wait *w, bool one, bool config,
             uint64_t id, const char *path, struct ofc_rest_response *resp)
{
    if (one) {
        const struct arp_rule *r = find_rule(config, id);
        if (!r) {
            ofc_rest_reply_error_path(resp, path, 404, "not_found",
                                      "no arp rule %s%"PRIu64,
                                      config ? "cfg-" : "", id);
        } else {
            ofc_rest_reply_json(resp, 200, rule_with_counters(w, r));
        }
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n_cfg_rules; i++) {
        json_array_append_new(list, rule_with_counters(w, cfg_rules[i]));
    }
    for (size_t i = 0; i < n_rest_rules; i++) {
        json_array_append_new(list, rule_with_counters(w, rest_rules[i]));
    }
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "rules", list));
}

/* ofc_reply_cb: one switch's FLOW_STATS reply (or an error, or NULL). */
static void
counters_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
               void *w_)
{
    struct counter_wait *w = w_;
    const struct ofc_app *owner;

    if (reply && reply->kind == OFP_MSG_MULTIPART_REPLY
        && reply->mp_reply.type == OFPMP_FLOW) {
        for (size_t i = 0; i < reply->mp_reply.flow.n; i++) {
            const struct ofp_flow_stats *fs = &reply->mp_reply.flow.entries[i];
            if (ofc_cookie_owner(fs->cookie, &owner)
                && owner == &ofc_arp_app
                && fs->packet_count != UINT64_MAX) {
                counter_add(w, fs->cookie & OFC_COOKIE_LOW_MASK,
                            fs->packet_count,
                            fs->byte_count != UINT64_MAX
                            ? fs->byte_count : 0);
            }
        }
    }
    if (--w->outstanding) {
        return;
    }
    struct ofc_rest_response resp = { 0 };
    prune_expired();
    build_answer(w, w->one, w->one_config, w->one_id,
                 ofc_rest_pending_path(w->pending), &resp);
    ofc_rest_pending_reply(w->pending, &resp);
    free(w->counters);
    free(w);
}

/* What counters_start() collects: the connected switches. */
struct switch_list {
    struct ofc_switch **sws;
    size_t n;
};

/* ofc_switch_for_each() callback: collects the live switches. */
static void
collect_switch(struct ofc_switch *sw, void *l_)
{
    struct switch_list *l = l_;
    if (!ofc_switch_is_dead(sw) && ofc_switch_get_data(sw, &ofc_arp_app)) {
        l->sws = ofc_xrealloc(l->sws, (l->n + 1) * sizeof *l->sws);
        l->sws[l->n++] = sw;
    }
}

/* Answers a GET with counters: asks every connected switch for the app's
 * table-1 flows and answers when all have replied (at once if none is
 * connected). */
static void
counters_start(const struct ofc_rest_request *req,
               struct ofc_rest_response *resp, bool one, bool config,
               uint64_t id)
{
    struct switch_list l = { NULL, 0 };
    ofc_switch_for_each(collect_switch, &l);
    if (!l.n) {
        build_answer(NULL, one, config, id, req->path, resp);
        return;
    }
    struct counter_wait *w = ofc_xzalloc(sizeof *w);
    w->pending = ofc_rest_defer(req, resp);
    if (!w->pending) {
        free(w);
        free(l.sws);
        return;
    }
    w->one = one;
    w->one_config = config;
    w->one_id = id;
    w->outstanding = 1;         /* Held until every request is sent. */

    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_MULTIPART_REQUEST;
    msg.version = OFP13_VERSION;
    msg.mp_request.type = OFPMP_FLOW;
    msg.mp_request.flow.table_id = ARP_TABLE;
    msg.mp_request.flow.out_port = OFPP_ANY;
    msg.mp_request.flow.out_group = OFPG_ANY;
    msg.mp_request.flow.cookie = ofc_cookie(&ofc_arp_app, 0);
    msg.mp_request.flow.cookie_mask = (OFC_COOKIE_MAGIC_MASK
                                       | OFC_COOKIE_OWNER_MASK);
    ofp_match_init(&msg.mp_request.flow.match);
    for (size_t i = 0; i < l.n; i++) {
        w->outstanding++;
        if (!ofc_switch_request(l.sws[i], &ofc_arp_app, &msg,
                                counters_reply, w)) {
            w->outstanding--;
        }
    }
    free(l.sws);
    counters_reply(NULL, NULL, w);
}

/* ---- REST. ------------------------------------------------------------ */

/* Parses the {id} of a rule route: "cfg-N" or N.  Returns false after
 * replying 400. */
static bool
parse_id(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
         bool *config, uint64_t *id)
{
    const char *s = req->params[0];
    *config = !strncmp(s, "cfg-", 4);
    if (*config) {
        s += 4;
    }
    if (!*s || strlen(s) > 13 || strspn(s, "0123456789") != strlen(s)
        || (*id = strtoull(s, NULL, 10)) < 1 || *id > ARP_MAX_ID) {
        ofc_rest_reply_error(resp, req, 400, "bad_value", "rule id \"%s\" "
                             "is not an integer 1-%llu or cfg-N",
                             req->params[0], (unsigned long long) ARP_MAX_ID);
        return false;
    }
    return true;
}

/* GET /v1/arp-rules */
static void
handle_list(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    static const char *const no_params[] = { NULL };
    if (ofc_rest_check_query(req, resp, no_params)) {
        prune_expired();
        counters_start(req, resp, false, false, 0);
    }
}

/* GET /v1/arp-rules/{id} */
static void
handle_get(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    bool config;
    uint64_t id;
    if (!parse_id(req, resp, &config, &id)) {
        return;
    }
    prune_expired();
    if (!find_rule(config, id)) {
        ofc_rest_reply_error(resp, req, 404, "not_found", "no arp rule %s",
                             req->params[0]);
        return;
    }
    counters_start(req, resp, true, config, id);
}

/* POST /v1/arp-rules */
static void
handle_post(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    json_t *body = ofc_rest_body_object(req, resp);
    if (!body) {
        return;
    }
    struct arp_rule *r = arp_rule_parse(&jc, body, "$", false);
    json_decref(body);
    if (!r) {
        ofc_rest_reply_error(resp, req, 400, ofc_jc_code(&jc), "%s",
                             ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        return;
    }
    prune_expired();

    const struct arp_rule *dup = find_same(r);
    if (dup) {
        json_t *id = arp_rule_id_json(dup);
        char *ids = json_dumps(id, JSON_ENCODE_ANY);
        ofc_rest_reply_error(resp, req, 409, "conflict", "arp rule %s "
                             "matches the same frames", ids);
        free(ids);
        json_decref(id);
        arp_rule_free(r);
        return;
    }
    if (n_rest_rules >= ARP_MAX_RULES || next_id > ARP_MAX_ID) {
        ofc_rest_reply_error(resp, req, 409, "conflict", "too many arp "
                             "rules (at most %d)", ARP_MAX_RULES);
        arp_rule_free(r);
        return;
    }

    r->id = next_id;
    r->cookie_low = r->id;
    if (r->ttl_seconds) {
        r->hard_timeout = r->ttl_seconds;
        r->expires_msec = ofc_time_msec() + 1000LL * r->ttl_seconds;
        r->expires_wall = time(NULL) + r->ttl_seconds;
    }
    rest_insert(r);
    next_id++;
    char *error;
    if (arp_save_state(&error)) {
        rest_remove_at(rest_find(r->id));
        next_id--;
        OFC_ERR(arp_log(), OFC_NO_DPID, "arp rule not added: %s", error);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        arp_rule_free(r);
        return;
    }
    arp_render_all();
    OFC_INFO(arp_log(), OFC_NO_DPID, "arp rule %"PRIu64" added", r->id);
    ofc_rest_reply_json(resp, 201, rule_with_counters(NULL, r));
}

/* DELETE /v1/arp-rules/{id} */
static void
handle_delete(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, void *aux)
{
    bool config;
    uint64_t id;
    if (!parse_id(req, resp, &config, &id)) {
        return;
    }
    prune_expired();
    if (config && find_rule(true, id)) {
        ofc_rest_reply_error(resp, req, 409, "conflict", "arp rule %s is "
                             "defined in the configuration",
                             req->params[0]);
        return;
    }
    size_t i = config ? SIZE_MAX : rest_find(id);
    if (i == SIZE_MAX) {
        ofc_rest_reply_error(resp, req, 404, "not_found", "no arp rule %s",
                             req->params[0]);
        return;
    }
    struct arp_rule *r = rest_remove_at(i);
    char *error;
    if (arp_save_state(&error)) {
        rest_insert(r);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        return;
    }
    arp_render_all();
    OFC_INFO(arp_log(), OFC_NO_DPID, "arp rule %"PRIu64" deleted", r->id);
    ofc_rest_reply_json(resp, 200, rule_with_counters(NULL, r));
    arp_rule_free(r);
}

static const struct ofc_route arp_routes[] = {
    { "GET", "/v1/arp-rules", handle_list, NULL },
    { "POST", "/v1/arp-rules", handle_post, NULL },
    { "GET", "/v1/arp-rules/{id}", handle_get, NULL },
    { "DELETE", "/v1/arp-rules/{id}", handle_delete, NULL },
    { "GET", "/v1/arp-guard", arp_guard_handle_get, NULL },
    { "PUT", "/v1/arp-guard/{dpid}/{port}", arp_guard_handle_put, NULL },
    { NULL, NULL, NULL, NULL },
};

/* ---- Configuration. --------------------------------------------------- */

/* Parses the configuration's "arp_rules" of 'doc' into '*list' ('*n').
 * Returns false with a failure in 'jc'. */
static bool
parse_config_rules(struct ofc_jc *jc, const json_t *doc,
                   struct arp_rule ***list, size_t *n)
{
    const json_t *v = doc ? json_object_get(doc, "arp_rules") : NULL;
    *list = NULL;
    *n = 0;
    if (!v || !ofc_jc_array(jc, v, "$.arp_rules", 0, ARP_MAX_RULES)) {
        return ofc_jc_ok(jc);
    }
    for (size_t i = 0; ofc_jc_ok(jc) && i < json_array_size(v); i++) {
        char *p = ofc_jc_path_index("$.arp_rules", i);
        struct arp_rule *r = arp_rule_parse(jc, json_array_get(v, i), p,
                                            false);
        if (r && r->ttl_seconds) {
            char *pt = ofc_jc_path_key(p, "ttl_seconds");
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, pt, "not allowed in the "
                        "configuration");
            free(pt);
        }
        for (size_t j = 0; r && ofc_jc_ok(jc) && j < *n; j++) {
            if (arp_rule_same((*list)[j], r)) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "matches the same "
                            "frames as $.arp_rules[%zu]", j);
            }
        }
        if (r && ofc_jc_ok(jc)) {
            r->id = *n + 1;
            r->from_config = true;
            r->cookie_low = ARP_COOKIE_CONFIG | *n;
            *list = ofc_xrealloc(*list, (*n + 1) * sizeof **list);
            (*list)[(*n)++] = r;
        } else {
            arp_rule_free(r);
        }
        free(p);
    }
    if (!ofc_jc_ok(jc)) {
        free_rules(*list, *n);
        *list = NULL;
        *n = 0;
    }
    return ofc_jc_ok(jc);
}

/* check_config: checks "arp_rules" and "arp_guard" of 'doc'. */
static int
arp_check_config(const json_t *doc, const char *file, char **error)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    struct arp_rule **list;
    size_t n;

    *error = NULL;
    if (parse_config_rules(&jc, doc, &list, &n)) {
        free_rules(list, n);
        arp_guard_config_check(&jc, doc ? json_object_get(doc, "arp_guard")
                               : NULL);
    }
    if (!ofc_jc_ok(&jc)) {
        *error = ofc_xasprintf("%s: %s", file, ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        return EINVAL;
    }
    return 0;
}

/* Makes 'doc''s rules and guards the configured ones. */
static int
arp_apply(const json_t *doc, bool startup)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    struct arp_rule **list;
    size_t n;

    if (!parse_config_rules(&jc, doc, &list, &n)) {
        OFC_ERR(arp_log(), OFC_NO_DPID, "arp_rules refused: %s",
                ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        return EINVAL;
    }
    free_rules(cfg_rules, n_cfg_rules);
    cfg_rules = list;
    n_cfg_rules = n;
    arp_guard_config_apply(doc ? json_object_get(doc, "arp_guard") : NULL);
    OFC_INFO(arp_log(), OFC_NO_DPID, "arp: %zu configured rules",
             n_cfg_rules);
    if (!startup) {
        arp_render_all();
    }
    return 0;
}

/* init: the configuration at startup. */
static int
arp_init(struct ofc_ctx *ctx, const json_t *doc)
{
    return arp_apply(doc, true);
}

/* reconfigure: a reload. */
static int
arp_reconfigure(struct ofc_ctx *ctx, const json_t *doc)
{
    return arp_apply(doc, false);
}

/* ---- Restore. --------------------------------------------------------- */

/* Loads stored rule 'o' at 'path'.  Returns it, or NULL (expired, with
 * 'jc' ok; or bad, with a failure in 'jc'). */
static struct arp_rule *
load_rule(struct ofc_jc *jc, const json_t *o, const char *path)
{
    uint64_t id = 0, expires = 0;
    struct arp_rule *r = arp_rule_parse(jc, o, path, true);
    ofc_jc_get_uint(jc, o, path, "id", true, 1, ARP_MAX_ID, &id);
    ofc_jc_get_uint(jc, o, path, "expires_at", false, 0, INT64_MAX,
                    &expires);
    if (!r || !ofc_jc_ok(jc)) {
        arp_rule_free(r);
        return NULL;
    }
    r->id = id;
    r->cookie_low = id;
    if (r->ttl_seconds) {
        long long left = (long long) expires - (long long) time(NULL);
        if (left <= 0) {
            OFC_INFO(arp_log(), OFC_NO_DPID, "arp rule %"PRIu64" expired "
                     "while ofcd was down", id);
            arp_rule_free(r);
            return NULL;
        }
        r->expires_wall = expires;
        r->expires_msec = ofc_time_msec() + 1000 * left;
        r->hard_timeout = left > 65535 ? 65535 : left;
    }
    return r;
}

/* restore: loads the state file at startup. */
static int
arp_restore(char **error)
{
    static const char *const keys[] = {
        "next_id", "rules", "guards", "learned", NULL,
    };
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    uint64_t saved_next = 1;
    json_t *doc;

    *error = NULL;
    int retval = ofc_state_load(ARP_FILE, &doc, error);
    if (retval || !doc) {
        return retval;
    }
    ofc_jc_object(&jc, doc, "$.data", keys);
    ofc_jc_get_uint(&jc, doc, "$.data", "next_id", true, 1, ARP_MAX_ID + 1,
                    &saved_next);
    const json_t *list = ofc_jc_member(&jc, doc, "$.data", "rules", true);
    ofc_jc_array(&jc, list, "$.data.rules", 0, SIZE_MAX);
    for (size_t i = 0; ofc_jc_ok(&jc) && i < json_array_size(list); i++) {
        char *p = ofc_jc_path_index("$.data.rules", i);
        struct arp_rule *r = load_rule(&jc, json_array_get(list, i), p);
        if (r && rest_find(r->id) != SIZE_MAX) {
            ofc_jc_fail(&jc, OFC_JC_BAD_VALUE, p, "rule id %"PRIu64
                        " appears twice", r->id);
            arp_rule_free(r);
        } else if (r) {
            rest_insert(r);
            next_id = next_id > r->id ? next_id : r->id + 1;
        }
        free(p);
    }
    if (ofc_jc_ok(&jc)) {
        arp_guard_state_load(&jc, json_object_get(doc, "guards"),
                             json_object_get(doc, "learned"));
    }
    json_decref(doc);
    if (!ofc_jc_ok(&jc)) {
        const char *dir = ofc_state_dir();
        *error = ofc_xasprintf("%s%s%s: %s", dir ? dir : "", dir ? "/" : "",
                               ARP_FILE, ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        free_rules(rest_rules, n_rest_rules);
        rest_rules = NULL;
        n_rest_rules = 0;
        return EINVAL;
    }
    next_id = next_id > saved_next ? next_id : saved_next;
    OFC_INFO(arp_log(), OFC_NO_DPID, "restored %zu arp rules, %zu guards, "
             "%zu learned bindings", n_rest_rules, arp_guard_count(),
             arp_guard_learned_count());
    return 0;
}

/* ---- Events. ---------------------------------------------------------- */

/* switch_up: marks the switch as ours and declares its flows. */
static void
arp_switch_up(struct ofc_switch *sw)
{
    static int up_marker;
    ofc_switch_set_data(sw, &ofc_arp_app, &up_marker);
    prune_expired();
    arp_render_switch(sw);
}

/* switch_down: the switch is no longer ours. */
static void
arp_switch_down(struct ofc_switch *sw)
{
    ofc_switch_set_data(sw, &ofc_arp_app, NULL);
}

/* port_status: named ports and "all" guards may cover other ports now. */
static void
arp_port_status(struct ofc_switch *sw, const struct ofp_port_status *ps)
{
    if (ofc_switch_get_data(sw, &ofc_arp_app)) {
        arp_render_switch(sw);
    }
}

/* flow_removed: a rule whose ttl ran out. */
static void
arp_flow_removed(struct ofc_switch *sw, const struct ofp_flow_removed *fr)
{
    const struct ofc_app *owner;
    if (fr->reason != OFPRR_HARD_TIMEOUT
        || !ofc_cookie_owner(fr->cookie, &owner) || owner != &ofc_arp_app) {
        return;
    }
    const struct arp_rule *r = find_by_cookie(fr->cookie
                                              & OFC_COOKIE_LOW_MASK);
    if (r && !r->from_config && r->expires_msec) {
        size_t i = rest_find(r->id);
        rest_rules[i]->expires_msec = 1;        /* Due now. */
        prune_expired();
    }
}

/* packet_in: the guard's learning. */
static enum ofc_verdict
arp_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    return arp_guard_packet_in(sw, pin);
}

/* status: for GET /v1/apps. */
static json_t *
arp_status(void)
{
    return json_pack("{s:I, s:I, s:I, s:I}",
                     "rules", (json_int_t) n_rest_rules,
                     "config_rules", (json_int_t) n_cfg_rules,
                     "guards", (json_int_t) arp_guard_count(),
                     "learned_bindings",
                     (json_int_t) arp_guard_learned_count());
}

static const char *const arp_keys[] = { "arp_rules", "arp_guard", NULL };

const struct ofc_app ofc_arp_app = {
    .name = "arp",
    .init = arp_init,
    .reconfigure = arp_reconfigure,
    .switch_up = arp_switch_up,
    .switch_down = arp_switch_down,
    .packet_in = arp_packet_in,
    .port_status = arp_port_status,
    .flow_removed = arp_flow_removed,
    .routes = arp_routes,
    .restore = arp_restore,
    .status = arp_status,
    .config_keys = arp_keys,
    .check_config = arp_check_config,
};
