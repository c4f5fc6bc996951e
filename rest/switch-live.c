/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* GET /v1/switches/{dpid}/ports, .../flows and .../groups: each handler
 * validates the request, sends a multipart request to the switch (owner
 * NULL, the core) and defers its HTTP answer; the reply callback turns the
 * joined multipart reply into JSON and answers.  The groups view asks
 * twice, GROUP_DESC then GROUP_STATS, and merges the two by group id.
 *
 * Failures while waiting: an OFPT_ERROR from the switch is 502
 * "switch_error" with the formatted error; a switch that disconnects
 * before answering (the callback gets no reply) is 503 "switch_gone".
 *
 * Filters of the flows view (all optional, anything else is 400
 * "unknown_field"):
 *   table=N      0..254, only that table (default all tables);
 *   cookie=V[/M] V and M decimal or 0x-hex, M all-ones if omitted: flows
 *                whose cookie equals V in the bits of M;
 *   app=NAME     flows whose cookie says app NAME owns them (magic and
 *                owner bits of ofc_cookie(app, 0)); unknown NAME is 400
 *                "bad_value".
 * cookie and app combine as "both": the two value/mask pairs are merged;
 * if they disagree on a bit both masks cover, no flow can match and the
 * answer is an empty list (the switch is not asked).  All filtering is
 * done by the switch (FLOW_STATS table_id, cookie, cookie_mask). */

#include "rest/switch-live.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/app.h"
#include "controller/flow-store.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "rest/flow-json.h"

/* One request waiting for its switch.  Owned by the reply callback chain:
 * freed right after the HTTP answer is given. */
struct live_wait {
    struct ofc_rest_pending *pending;   /* The deferred HTTP request. */
    uint64_t dpid;
    json_t *groups;             /* Groups view: the GROUP_DESC groups. */
    json_t *by_id;              /* Groups view: decimal id -> group. */
};

/* Frees 'w' and what it holds (not the pending request). */
static void
live_wait_free(struct live_wait *w)
{
    json_decref(w->groups);
    json_decref(w->by_id);
    free(w);
}

/* Gives 'resp' (owned) as the answer of 'w''s request and frees 'w'. */
static void
live_reply(struct live_wait *w, struct ofc_rest_response *resp)
{
    if (w->pending) {
        ofc_rest_pending_reply(w->pending, resp);
    } else {
        /* ofc_rest_defer() failed: nobody to answer. */
        json_decref(resp->json);
        free(resp->text);
    }
    live_wait_free(w);
}

/* The request path of 'w', for error replies. */
static const char *
live_path(const struct live_wait *w)
{
    return w->pending ? ofc_rest_pending_path(w->pending) : "";
}

/* Answers 'w''s request with 'status' and 'json' (owned) and frees 'w'. */
static void
live_answer(struct live_wait *w, unsigned int status, json_t *json)
{
    struct ofc_rest_response resp;

    memset(&resp, 0, sizeof resp);
    ofc_rest_reply_json(&resp, status, json);
    live_reply(w, &resp);
}

/* Answers 'w''s request with {"dpid": ..., key: array} and frees 'w'. */
static void
live_answer_list(struct live_wait *w, const char *key, json_t *array)
{
    json_t *obj = json_object();

    json_object_set_new(obj, "dpid", ofc_rest_dpid_json(w->dpid));
    json_object_set_new(obj, key, array);
    live_answer(w, 200, obj);
}

/* Answers 'w''s request with 503 "switch_gone" and frees 'w'. */
static void
live_answer_gone(struct live_wait *w)
{
    struct ofc_rest_response resp;

    memset(&resp, 0, sizeof resp);
    ofc_rest_reply_error_path(&resp, live_path(w), 503, "switch_gone",
                              "switch %016"PRIx64" disconnected before it "
                              "answered", w->dpid);
    live_reply(w, &resp);
}

/* Checks that 'reply' is a multipart reply of type 'type'.  If not,
 * answers 503 "switch_gone" (no reply) or 502 "switch_error" (an
 * OFPT_ERROR, or something unexpected), frees 'w' and returns false. */
static bool
live_check_reply(struct live_wait *w, const struct ofp_msg *reply,
                 uint16_t type)
{
    struct ofc_rest_response resp;
    struct ofp_ds s = OFP_DS_INITIALIZER;

    if (!reply) {
        live_answer_gone(w);
        return false;
    }
    if (reply->kind == OFP_MSG_MULTIPART_REPLY
        && reply->mp_reply.type == type) {
        return true;
    }
    if (reply->kind == OFP_MSG_ERROR) {
        ofp_format_error(&reply->error, &s);
    } else {
        ofp_ds_put_format(&s, "unexpected %s",
                          ofp_msg_kind_name(reply->kind));
    }
    memset(&resp, 0, sizeof resp);
    ofc_rest_reply_error_path(&resp, live_path(w), 502, "switch_error",
                              "switch %016"PRIx64" answered: %s", w->dpid,
                              ofp_ds_cstr(&s));
    ofp_ds_destroy(&s);
    live_reply(w, &resp);
    return false;
}

/* Initializes 'msg' as a multipart request of 'type'. */
static void
mp_request_init(struct ofp_msg *msg, uint16_t type)
{
    memset(msg, 0, sizeof *msg);
    msg->kind = OFP_MSG_MULTIPART_REQUEST;
    msg->version = OFP13_VERSION;
    msg->mp_request.type = type;
}

/* Sends 'msg' to 'sw' with 'cb' and defers the answer to 'req'.  If the
 * switch is already gone, answers 503 at once and frees 'w'. */
static void
live_start(struct ofc_switch *sw, const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, const struct ofp_msg *msg,
           ofc_reply_cb *cb, struct live_wait *w)
{
    /* Defer first: at the cap, ofc_rest_defer() answers 503 and the
     * switch is not asked.  The callback cannot run before this handler
     * returns (it comes from the event loop). */
    w->pending = ofc_rest_defer(req, resp);
    if (!w->pending) {
        live_wait_free(w);
        return;
    }
    if (!ofc_switch_request(sw, NULL, msg, cb, w)) {
        live_answer_gone(w);
    }
}

/* A new wait for the switch 'sw'. */
static struct live_wait *
live_wait_create(const struct ofc_switch *sw)
{
    struct live_wait *w = ofc_xzalloc(sizeof *w);
    w->dpid = ofc_switch_dpid(sw);
    return w;
}

/* ---- Ports. ---------------------------------------------------------- */

/* qsort() comparator of port stats pointers, by port number. */
static int
cmp_port_stats(const void *a_, const void *b_)
{
    const struct ofp_port_stats *const *a = a_;
    const struct ofp_port_stats *const *b = b_;
    uint32_t pa = (*a)->port_no, pb = (*b)->port_no;

    return pa < pb ? -1 : pa > pb;
}

/* The PORT_STATS reply: every port's counters, by port number. */
static void
ports_reply(struct ofc_switch *sw, const struct ofp_msg *reply, void *aux)
{
    struct live_wait *w = aux;
    const struct ofp_port_stats **sorted;
    json_t *ports;
    size_t n;

    if (!live_check_reply(w, reply, OFPMP_PORT_STATS)) {
        return;
    }
    n = reply->mp_reply.port_stats.n;
    sorted = ofc_xmalloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        sorted[i] = &reply->mp_reply.port_stats.entries[i];
    }
    qsort(sorted, n, sizeof *sorted, cmp_port_stats);

    ports = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(
            ports, ofc_port_stats_json(sorted[i],
                                       ofc_switch_port(sw,
                                                       sorted[i]->port_no)));
    }
    free(sorted);
    live_answer_list(w, "ports", ports);
}

/* GET /v1/switches/{dpid}/ports. */
static void
get_ports(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
          void *aux)
{
    static const char *const allowed[] = { NULL };
    struct ofc_switch *sw = ofc_rest_switch_param(req, resp);
    struct ofp_msg msg;

    if (!sw || !ofc_rest_check_query(req, resp, allowed)) {
        return;
    }
    mp_request_init(&msg, OFPMP_PORT_STATS);
    msg.mp_request.port_no = OFPP_ANY;
    live_start(sw, req, resp, &msg, ports_reply, live_wait_create(sw));
}

/* ---- Flows. ---------------------------------------------------------- */

/* Parses 's' as a whole unsigned 64-bit number, decimal or "0x" hex. */
static bool
parse_u64(const char *s, uint64_t *value)
{
    const char *digits = s;
    int base = 10;
    char *end;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        digits = s + 2;
        base = 16;
    }
    /* strtoull() would take a sign or blanks: insist on digits. */
    if (!*digits || !(base == 16 ? strspn(digits, "0123456789abcdefABCDEF")
                                 : strspn(digits, "0123456789"))) {
        return false;
    }
    errno = 0;
    *value = strtoull(digits, &end, base);
    return !errno && !*end;
}

/* Parses the "cookie" query parameter "V" or "V/MASK" into '*cookie' and
 * '*mask' (value bits outside the mask cleared).  Returns false if it is
 * malformed. */
static bool
parse_cookie(const char *text, uint64_t *cookie, uint64_t *mask)
{
    const char *slash = strchr(text, '/');
    bool ok;

    if (!slash) {
        *mask = UINT64_MAX;
        ok = parse_u64(text, cookie);
    } else {
        char *value = ofc_xstrdup(text);
        value[slash - text] = '\0';
        ok = parse_u64(value, cookie) && parse_u64(slash + 1, mask);
        free(value);
    }
    *cookie &= *mask;
    return ok;
}

/* The FLOW_STATS reply: every flow, in the switch's order. */
static void
flows_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
            void *aux)
{
    struct live_wait *w = aux;
    json_t *flows;

    if (!live_check_reply(w, reply, OFPMP_FLOW)) {
        return;
    }
    flows = json_array();
    for (size_t i = 0; i < reply->mp_reply.flow.n; i++) {
        json_array_append_new(flows,
                              ofc_flow_json(&reply->mp_reply.flow.entries[i]));
    }
    live_answer_list(w, "flows", flows);
}

/* GET /v1/switches/{dpid}/flows[?table=N][&cookie=V[/M]][&app=NAME]. */
static void
get_flows(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
          void *aux)
{
    static const char *const allowed[] = { "table", "cookie", "app", NULL };
    struct ofc_switch *sw = ofc_rest_switch_param(req, resp);
    uint64_t table = OFPTT_ALL, cookie = 0, mask = 0;
    const char *text;
    bool present;
    struct ofp_msg msg;

    if (!sw || !ofc_rest_check_query(req, resp, allowed)
        || !ofc_rest_query_uint(req, resp, "table", 0, 254, &present,
                                &table)) {
        return;
    }
    if (!present) {
        table = OFPTT_ALL;
    }

    text = ofc_rest_query(req, "cookie");
    if (text && !parse_cookie(text, &cookie, &mask)) {
        ofc_rest_reply_error(resp, req, 400, "bad_value",
                             "cookie: \"%s\" is not VALUE or VALUE/MASK "
                             "(decimal or 0x-hex, 64 bits)", text);
        return;
    }

    text = ofc_rest_query(req, "app");
    if (text) {
        const struct ofc_app *app = ofc_app_by_name(text);
        uint64_t app_mask = OFC_COOKIE_MAGIC_MASK | OFC_COOKIE_OWNER_MASK;
        uint64_t app_cookie = ofc_cookie(app, 0) & app_mask;
        uint64_t both = mask & app_mask;

        if (!app) {
            ofc_rest_reply_error(resp, req, 400, "bad_value",
                                 "app: no app is named \"%s\"", text);
            return;
        }
        if ((cookie & both) != (app_cookie & both)) {
            /* No cookie can satisfy both filters. */
            json_t *obj = json_object();
            json_object_set_new(obj, "dpid",
                                ofc_rest_dpid_json(ofc_switch_dpid(sw)));
            json_object_set_new(obj, "flows", json_array());
            ofc_rest_reply_json(resp, 200, obj);
            return;
        }
        cookie |= app_cookie;
        mask |= app_mask;
    }

    mp_request_init(&msg, OFPMP_FLOW);
    msg.mp_request.flow.table_id = table;
    msg.mp_request.flow.out_port = OFPP_ANY;
    msg.mp_request.flow.out_group = OFPG_ANY;
    msg.mp_request.flow.cookie = cookie;
    msg.mp_request.flow.cookie_mask = mask;
    ofp_match_init(&msg.mp_request.flow.match);
    live_start(sw, req, resp, &msg, flows_reply, live_wait_create(sw));
}

/* ---- Groups. --------------------------------------------------------- */

/* qsort() comparator of group descriptions pointers, by group id. */
static int
cmp_group_desc(const void *a_, const void *b_)
{
    const struct ofp_group_desc *const *a = a_;
    const struct ofp_group_desc *const *b = b_;
    uint32_t ga = (*a)->group_id, gb = (*b)->group_id;

    return ga < gb ? -1 : ga > gb;
}

/* The GROUP_STATS reply: adds the counters to the described groups and
 * answers. */
static void
group_stats_reply(struct ofc_switch *sw,
                  const struct ofp_msg *reply, void *aux)
{
    struct live_wait *w = aux;
    json_t *groups;

    if (!live_check_reply(w, reply, OFPMP_GROUP)) {
        return;
    }
    for (size_t i = 0; i < reply->mp_reply.group.n; i++) {
        const struct ofp_group_stats *gs = &reply->mp_reply.group.entries[i];
        char key[16];
        json_t *group;

        snprintf(key, sizeof key, "%"PRIu32, gs->group_id);
        group = json_object_get(w->by_id, key);
        if (group) {
            ofc_group_json_set_stats(group, gs);
        }
    }
    groups = w->groups;
    w->groups = NULL;
    live_answer_list(w, "groups", groups);
}

/* The GROUP_DESC reply: converts the groups, then asks for their
 * counters. */
static void
group_desc_reply(struct ofc_switch *sw, const struct ofp_msg *reply,
                 void *aux)
{
    struct live_wait *w = aux;
    const struct ofp_group_desc **sorted;
    struct ofp_msg msg;
    size_t n;

    if (!live_check_reply(w, reply, OFPMP_GROUP_DESC)) {
        return;
    }
    n = reply->mp_reply.group_desc.n;
    sorted = ofc_xmalloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        sorted[i] = &reply->mp_reply.group_desc.entries[i];
    }
    qsort(sorted, n, sizeof *sorted, cmp_group_desc);

    w->groups = json_array();
    w->by_id = json_object();
    for (size_t i = 0; i < n; i++) {
        json_t *group = ofc_group_json(sorted[i]);
        char key[16];

        snprintf(key, sizeof key, "%"PRIu32, sorted[i]->group_id);
        json_object_set(w->by_id, key, group);
        json_array_append_new(w->groups, group);
    }
    free(sorted);

    mp_request_init(&msg, OFPMP_GROUP);
    msg.mp_request.group_id = OFPG_ALL;
    if (!ofc_switch_request(sw, NULL, &msg, group_stats_reply, w)) {
        live_answer_gone(w);
    }
}

/* GET /v1/switches/{dpid}/groups. */
static void
get_groups(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    static const char *const allowed[] = { NULL };
    struct ofc_switch *sw = ofc_rest_switch_param(req, resp);
    struct ofp_msg msg;

    if (!sw || !ofc_rest_check_query(req, resp, allowed)) {
        return;
    }
    mp_request_init(&msg, OFPMP_GROUP_DESC);
    live_start(sw, req, resp, &msg, group_desc_reply, live_wait_create(sw));
}

const struct ofc_route ofc_rest_live_routes[] = {
    { "GET", "/v1/switches/{dpid}/ports", get_ports, NULL },
    { "GET", "/v1/switches/{dpid}/flows", get_flows, NULL },
    { "GET", "/v1/switches/{dpid}/groups", get_groups, NULL },
    { NULL, NULL, NULL, NULL },
};
