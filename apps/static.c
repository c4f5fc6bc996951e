/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The static app: the operator's own flows (see static.h).
 *
 * Every stored flow has an id (never reused: the next id is persisted), a
 * dpid and its canonical flow text; the object the REST API shows is kept
 * as JSON.  The whole set lives in the state file "static-flows.json":
 *
 *     {"next_id": N, "flows": [OBJECT, ...]}
 *
 * where OBJECT is what GET returns minus "cookie" (which is derived from
 * the app and the id).  Every change is saved before it takes effect on
 * a switch, so a request whose save fails changes nothing, not even
 * briefly on the switch: a POST is checked for conflicts (with stored
 * flows, and through ofc_flow_owner() with other apps' flows), saved, and
 * only then declared to the flow store (cookie low bits = its id); a
 * DELETE is saved, and only then withdrawn.  A stored flow is also
 * declared whenever its switch comes up; the store reconciles with what
 * the switch has.  A flow with a timeout that expires on the switch is
 * forgotten (and the file saved), as it would be on a switch without a
 * controller; if that save fails, it is logged, and the flow, gone from
 * memory and the switch, comes back at the next start. */

#include "apps/static.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/static-flow.h"
#include "controller/flow-store.h"
#include "controller/json-check.h"
#include "controller/log.h"
#include "controller/route.h"
#include "controller/state.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-match.h"

/* The state file. */
#define STATIC_FILE "static-flows.json"

/* Ids must fit in a cookie's low bits. */
#define STATIC_MAX_ID OFC_COOKIE_LOW_MASK

/* One stored flow.  Owns 'obj'. */
struct static_flow {
    uint64_t id;
    uint64_t dpid;
    uint8_t table_id;           /* The flow's key, for conflicts and */
    uint16_t priority;          /* ofc_flow_remove(). */
    struct ofp_match match;
    json_t *obj;                /* Stored object (without "cookie"). */
    const char *text;           /* Canonical text, inside 'obj'. */
};

/* All stored flows, in increasing id order. */
static struct static_flow **flows;
static size_t n_flows, allocated_flows;
static uint64_t next_id = 1;

/* The log module "static". */
OFC_LOG_MODULE(static_log_module, "static")

/* ---- The set. -------------------------------------------------------- */

/* Frees 'f'. */
static void
static_flow_free(struct static_flow *f)
{
    if (f) {
        json_decref(f->obj);
        free(f);
    }
}

/* Returns the index of the flow with 'id', or SIZE_MAX. */
static size_t
find_index(uint64_t id)
{
    size_t lo = 0, hi = n_flows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (flows[mid]->id == id) {
            return mid;
        } else if (flows[mid]->id < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return SIZE_MAX;
}

/* Inserts 'f' at its place by id. */
static void
insert_flow(struct static_flow *f)
{
    size_t i = n_flows;
    if (n_flows >= allocated_flows) {
        allocated_flows = allocated_flows ? 2 * allocated_flows : 16;
        flows = ofc_xrealloc(flows, allocated_flows * sizeof *flows);
    }
    while (i > 0 && flows[i - 1]->id > f->id) {
        flows[i] = flows[i - 1];
        i--;
    }
    flows[i] = f;
    n_flows++;
}

/* Removes and returns the flow at index 'i'. */
static struct static_flow *
remove_at(size_t i)
{
    struct static_flow *f = flows[i];
    memmove(&flows[i], &flows[i + 1], (n_flows - i - 1) * sizeof *flows);
    n_flows--;
    return f;
}

/* Returns a stored flow of 'dpid' with the key of 'fm', or NULL. */
static struct static_flow *
find_key(uint64_t dpid, const struct ofp_flow_mod *fm)
{
    for (size_t i = 0; i < n_flows; i++) {
        struct static_flow *f = flows[i];
        if (f->dpid == dpid && f->table_id == fm->table_id
            && f->priority == fm->priority
            && ofp_match_equal(&f->match, &fm->match)) {
            return f;
        }
    }
    return NULL;
}

/* Builds a stored flow from a parsed flow and its parts (references are
 * taken: the caller keeps its own). */
static struct static_flow *
make_flow(uint64_t id, uint64_t dpid, const struct ofp_flow_mod *fm,
          const char *text, json_t *description, json_t *match,
          json_t *actions)
{
    struct static_flow *f = ofc_xzalloc(sizeof *f);
    f->id = id;
    f->dpid = dpid;
    f->table_id = fm->table_id;
    f->priority = fm->priority;
    f->match = fm->match;
    f->match.unknown = NULL;
    f->match.unknown_len = 0;

    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(id));
    json_object_set_new(o, "dpid", ofc_rest_dpid_json(dpid));
    json_object_set_new(o, "table", json_integer(fm->table_id));
    json_object_set_new(o, "priority", json_integer(fm->priority));
    json_object_set_new(o, "idle_timeout", json_integer(fm->idle_timeout));
    json_object_set_new(o, "hard_timeout", json_integer(fm->hard_timeout));
    if (description) {
        json_object_set(o, "description", description);
    }
    if (match) {
        json_object_set(o, "match", match);
    }
    if (actions) {
        json_object_set(o, "actions", actions);
    }
    json_object_set_new(o, "flow", json_string(text));
    f->obj = o;
    f->text = json_string_value(json_object_get(o, "flow"));
    return f;
}

/* Returns the object the REST API shows for 'f' (a new reference). */
static json_t *
flow_json(const struct static_flow *f)
{
    json_t *o = json_deep_copy(f->obj);
    char cookie[32];
    snprintf(cookie, sizeof cookie, "0x%016"PRIx64,
             ofc_cookie(&ofc_static_app, f->id));
    json_object_set_new(o, "cookie", json_string(cookie));
    return o;
}

/* Saves the whole set.  0 or an errno with '*error'. */
static int
save_all(char **error)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n_flows; i++) {
        json_array_append(list, flows[i]->obj);
    }
    json_t *doc = json_pack("{s:I, s:o}", "next_id", (json_int_t) next_id,
                            "flows", list);
    int retval = ofc_state_save(STATIC_FILE, doc, error);
    json_decref(doc);
    return retval;
}

/* Declares 'f' on 'sw'.  Returns ofc_flow_put()'s result, or EINVAL if
 * the text does not parse (with '*error'). */
static int
put_flow(struct ofc_switch *sw, const struct static_flow *f, char **error)
{
    struct ofp_arena arena;
    struct ofp_flow_mod fm;

    *error = NULL;
    ofp_arena_init(&arena);
    int retval = static_flow_parse(f->text, &arena, &fm, error);
    if (!retval) {
        struct ofc_flow flow = {
            .table_id = fm.table_id,
            .priority = fm.priority,
            .match = &fm.match,
            .instructions = &fm.instructions,
            .cookie_low = f->id,
            .idle_timeout = fm.idle_timeout,
            .hard_timeout = fm.hard_timeout,
            .flags = (fm.idle_timeout || fm.hard_timeout
                      ? OFPFF_SEND_FLOW_REM : 0),
        };
        retval = ofc_flow_put(sw, &ofc_static_app, &flow);
    }
    ofp_arena_destroy(&arena);
    return retval;
}

/* ---- REST handlers. -------------------------------------------------- */

/* Looks up the flow named by the request's {dpid} and {id}.  Returns its
 * index, or SIZE_MAX after replying 400 or 404. */
static size_t
flow_param(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp)
{
    uint64_t dpid, id = 0;
    const char *s = req->n_params > 1 ? req->params[1] : "";

    if (!ofc_rest_parse_dpid(req->params[0], &dpid)) {
        ofc_rest_reply_error(resp, req, 400, "bad_dpid",
                             "\"%s\" is not a datapath id", req->params[0]);
        return SIZE_MAX;
    }
    if (!*s || strlen(s) > 15 || strspn(s, "0123456789") != strlen(s)
        || (id = strtoull(s, NULL, 10)) < 1 || id > STATIC_MAX_ID) {
        ofc_rest_reply_error(resp, req, 400, "bad_value",
                             "flow id \"%s\" is not an integer 1-%llu", s,
                             (unsigned long long) STATIC_MAX_ID);
        return SIZE_MAX;
    }
    size_t i = find_index(id);
    if (i == SIZE_MAX || flows[i]->dpid != dpid) {
        ofc_rest_reply_error(resp, req, 404, "not_found",
                             "no static flow %"PRIu64" on switch %016"
                             PRIx64, id, dpid);
        return SIZE_MAX;
    }
    return i;
}

/* POST /v1/switches/{dpid}/flows */
static void
handle_post(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    struct ofc_switch *sw = ofc_rest_switch_param(req, resp);
    if (!sw) {
        return;
    }
    json_t *body = ofc_rest_body_object(req, resp);
    if (!body) {
        return;
    }

    struct static_body b;
    const char *code;
    char *message;
    if (!static_body_parse(body, &b, &code, &message)) {
        ofc_rest_reply_error(resp, req, 400, code, "%s", message);
        free(message);
        json_decref(body);
        return;
    }
    json_decref(body);

    uint64_t dpid = ofc_switch_dpid(sw);
    struct static_flow *dup = find_key(dpid, &b.fm);
    if (dup) {
        ofc_rest_reply_error(resp, req, 409, "conflict",
                             "static flow %"PRIu64" has the same table, "
                             "priority and match", dup->id);
        static_body_destroy(&b);
        return;
    }
    if (next_id > STATIC_MAX_ID) {
        ofc_rest_reply_error(resp, req, 409, "conflict",
                             "no flow ids left");
        static_body_destroy(&b);
        return;
    }

    /* Every check comes before the save, and the save before the
     * declaration: a declaration on a synced switch sends its FLOW_MOD at
     * once, so a request that fails must fail before it. */
    const struct ofc_app *owner;
    int retval = ofc_flow_owner(sw, b.fm.table_id, b.fm.priority,
                                &b.fm.match, &owner);
    if (retval == ENOTCONN) {
        ofc_rest_reply_error(resp, req, 503, "switch_gone",
                             "switch %016"PRIx64" is not up", dpid);
        static_body_destroy(&b);
        return;
    } else if (!retval && owner != &ofc_static_app) {
        ofc_rest_reply_error(resp, req, 409, "conflict",
                             "another app owns a flow with the same "
                             "table, priority and match");
        static_body_destroy(&b);
        return;
    }

    struct static_flow *f = make_flow(next_id, dpid, &b.fm, b.text,
                                      b.description, b.match_json,
                                      b.actions_json);
    static_body_destroy(&b);

    char *error;
    insert_flow(f);
    next_id++;
    if (save_all(&error)) {
        remove_at(find_index(f->id));
        next_id--;
        OFC_ERR(static_log_module, dpid, "static flow not added: %s", error);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        static_flow_free(f);
        return;
    }

    retval = put_flow(sw, f, &error);
    if (retval) {
        /* Not expected after the checks above.  The saved flow is taken
         * back out of the file (its id stays used). */
        char *msg = error ? error : ofc_xstrdup(strerror(retval));
        char *error2;
        remove_at(find_index(f->id));
        if (save_all(&error2)) {
            OFC_ERR(static_log_module, dpid, "static flow %"PRIu64" was saved "
                    "but could not be declared (%s), and saving its "
                    "removal failed: %s", f->id, msg, error2);
            free(error2);
        }
        if (retval == EEXIST) {
            ofc_rest_reply_error(resp, req, 409, "conflict",
                                 "another app owns a flow with the same "
                                 "table, priority and match");
        } else if (retval == ENOTCONN) {
            ofc_rest_reply_error(resp, req, 503, "switch_gone",
                                 "switch %016"PRIx64" is not up", dpid);
        } else {
            ofc_rest_reply_error(resp, req, 400, "bad_flow", "%s", msg);
        }
        free(msg);
        static_flow_free(f);
        return;
    }
    OFC_INFO(static_log_module, dpid, "static flow %"PRIu64" added: %s", f->id,
             f->text);
    ofc_rest_reply_json(resp, 201, flow_json(f));
}

/* GET /v1/switches/{dpid}/flows/{id} */
static void
handle_get(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    size_t i = flow_param(req, resp);
    if (i != SIZE_MAX) {
        ofc_rest_reply_json(resp, 200, flow_json(flows[i]));
    }
}

/* DELETE /v1/switches/{dpid}/flows/{id} (also for a switch that is not
 * connected: the flow is then simply not restored on it).  The removal is
 * saved first; only then is the flow withdrawn from the switch, so a
 * failed save leaves the switch untouched. */
static void
handle_delete(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, void *aux)
{
    size_t i = flow_param(req, resp);
    if (i == SIZE_MAX) {
        return;
    }

    struct static_flow *f = remove_at(i);
    char *error;
    if (save_all(&error)) {
        insert_flow(f);
        OFC_ERR(static_log_module, f->dpid, "static flow %"PRIu64" not deleted: "
                "%s", f->id, error);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        return;
    }
    struct ofc_switch *sw = ofc_switch_lookup(f->dpid);
    if (sw && !ofc_switch_is_dead(sw)) {
        ofc_flow_remove(sw, &ofc_static_app, f->table_id, f->priority,
                        &f->match);
    }
    OFC_INFO(static_log_module, f->dpid, "static flow %"PRIu64" deleted",
             f->id);
    ofc_rest_reply_json(resp, 200, flow_json(f));
    static_flow_free(f);
}

/* GET /v1/static-flows[?dpid=D] */
static void
handle_list(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    static const char *const allowed[] = { "dpid", NULL };
    uint64_t dpid = 0;
    bool s;

    if (!ofc_rest_check_query(req, resp, allowed)
        || !ofc_rest_query_dpid(req, resp, &s, &dpid)) {
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n_flows; i++) {
        if (!s || flows[i]->dpid == dpid) {
            json_array_append_new(list, flow_json(flows[i]));
        }
    }
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "flows", list));
}

static const struct ofc_route static_routes[] = {
    { "POST", "/v1/switches/{dpid}/flows", handle_post, NULL },
    { "GET", "/v1/switches/{dpid}/flows/{id}", handle_get, NULL },
    { "DELETE", "/v1/switches/{dpid}/flows/{id}", handle_delete, NULL },
    { "GET", "/v1/static-flows", handle_list, NULL },
    { NULL, NULL, NULL, NULL },
};

/* ---- Restore. -------------------------------------------------------- */

/* Keys of a stored object. */
static const char *const stored_keys[] = {
    "id", "dpid", "table", "priority", "idle_timeout", "hard_timeout",
    "description", "match", "actions", "flow", NULL,
};

/* Loads stored object 'o' (at 'path') into a new flow.  Returns it, or
 * NULL with a failure in 'jc'. */
static struct static_flow *
load_flow(struct ofc_jc *jc, const json_t *o, const char *path)
{
    uint64_t id = 0, dpid = 0;
    const char *dpid_s, *text = NULL, *desc;
    const json_t *match, *actions;

    ofc_jc_object(jc, o, path, stored_keys);
    ofc_jc_get_uint(jc, o, path, "id", true, 1, STATIC_MAX_ID, &id);
    if (ofc_jc_get_string(jc, o, path, "dpid", true, true, 32, &dpid_s)
        && !ofc_rest_parse_dpid(dpid_s, &dpid)) {
        char *p = ofc_jc_path_key(path, "dpid");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "not a datapath id");
        free(p);
    }
    ofc_jc_get_string(jc, o, path, "flow", true, true, 4096, &text);
    ofc_jc_get_string(jc, o, path, "description", false, false,
                      STATIC_MAX_DESCRIPTION, &desc);
    match = ofc_jc_member(jc, o, path, "match", false);
    actions = ofc_jc_member(jc, o, path, "actions", false);
    if (match) {
        char *p = ofc_jc_path_key(path, "match");
        ofc_jc_object(jc, match, p, NULL);
        free(p);
    }
    if (actions) {
        char *p = ofc_jc_path_key(path, "actions");
        ofc_jc_array(jc, actions, p, 0, 64);
        free(p);
    }
    if (!ofc_jc_ok(jc)) {
        return NULL;
    }

    struct ofp_arena arena;
    struct ofp_flow_mod fm;
    char *error;
    ofp_arena_init(&arena);
    if (static_flow_parse(text, &arena, &fm, &error)) {
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                    "static flow %"PRIu64" no longer parses: %s", id, error);
        free(error);
        ofp_arena_destroy(&arena);
        return NULL;
    }
    char *canonical = static_flow_format(&fm);
    struct static_flow *f = make_flow(
        id, dpid, &fm, canonical,
        json_object_get(o, "description"), (json_t *) match,
        (json_t *) actions);
    free(canonical);
    ofp_arena_destroy(&arena);
    return f;
}

/* Frees every stored flow. */
static void
clear_all(void)
{
    for (size_t i = 0; i < n_flows; i++) {
        static_flow_free(flows[i]);
    }
    free(flows);
    flows = NULL;
    n_flows = allocated_flows = 0;
    next_id = 1;
}

/* Loads the state file at startup.  Paths in messages are those of the
 * file, whose document sits under "data". */
static int
static_restore(char **error)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    json_t *doc;
    uint64_t saved_next = 1;

    *error = NULL;
    clear_all();
    int retval = ofc_state_load(STATIC_FILE, &doc, error);
    if (retval || !doc) {
        return retval;
    }

    static const char *const keys[] = { "next_id", "flows", NULL };
    const json_t *list;
    ofc_jc_object(&jc, doc, "$.data", keys);
    ofc_jc_get_uint(&jc, doc, "$.data", "next_id", true, 1, STATIC_MAX_ID + 1,
                    &saved_next);
    list = ofc_jc_member(&jc, doc, "$.data", "flows", true);
    ofc_jc_array(&jc, list, "$.data.flows", 0, SIZE_MAX);
    for (size_t i = 0; ofc_jc_ok(&jc) && i < json_array_size(list); i++) {
        char *path = ofc_jc_path_index("$.data.flows", i);
        struct static_flow *f = load_flow(&jc, json_array_get(list, i),
                                          path);
        if (f && find_index(f->id) != SIZE_MAX) {
            ofc_jc_fail(&jc, OFC_JC_BAD_VALUE, path,
                        "static flow id %"PRIu64" appears twice", f->id);
            static_flow_free(f);
        } else if (f) {
            insert_flow(f);
            next_id = next_id > f->id ? next_id : f->id + 1;
        }
        free(path);
    }
    json_decref(doc);

    if (!ofc_jc_ok(&jc)) {
        const char *dir = ofc_state_dir();
        *error = ofc_xasprintf("%s%s%s: %s", dir ? dir : "", dir ? "/" : "",
                               STATIC_FILE, ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        clear_all();
        return EINVAL;
    }
    next_id = next_id > saved_next ? next_id : saved_next;
    OFC_INFO(static_log_module, OFC_NO_DPID, "restored %zu static flows "
             "(next id %"PRIu64")", n_flows, next_id);
    return 0;
}

/* ---- Events. --------------------------------------------------------- */

/* Declares every stored flow of the switch that came up. */
static void
static_switch_up(struct ofc_switch *sw)
{
    uint64_t dpid = ofc_switch_dpid(sw);
    size_t n = 0;

    for (size_t i = 0; i < n_flows; i++) {
        struct static_flow *f = flows[i];
        char *error;
        if (f->dpid != dpid) {
            continue;
        }
        int retval = put_flow(sw, f, &error);
        if (retval) {
            OFC_WARN(static_log_module, dpid, "static flow %"PRIu64" not "
                     "declared: %s", f->id,
                     error ? error : retval == EEXIST
                     ? "another app owns its key" : strerror(retval));
            free(error);
        } else {
            n++;
        }
    }
    if (n) {
        OFC_INFO(static_log_module, dpid, "declared %zu static flows", n);
    }
}

/* Forgets a stored flow whose timeout expired on the switch.  The flow
 * store has already forgotten it, so it leaves memory even if saving
 * fails; that is logged as an error, and the file then still holds the
 * flow, which is restored (and reinstalled) at the next start. */
static void
static_flow_removed(struct ofc_switch *sw, const struct ofp_flow_removed *fr)
{
    const struct ofc_app *owner;
    if ((fr->reason != OFPRR_IDLE_TIMEOUT
         && fr->reason != OFPRR_HARD_TIMEOUT)
        || !ofc_cookie_owner(fr->cookie, &owner)
        || owner != &ofc_static_app) {
        return;
    }
    size_t i = find_index(fr->cookie & OFC_COOKIE_LOW_MASK);
    if (i == SIZE_MAX || flows[i]->dpid != ofc_switch_dpid(sw)) {
        return;
    }
    struct static_flow *f = remove_at(i);
    char *error;
    if (save_all(&error)) {
        OFC_ERR(static_log_module, f->dpid, "expired static flow %"PRIu64
                " forgotten, but saving failed (it comes back after a "
                "restart): %s", f->id, error);
        free(error);
    }
    OFC_INFO(static_log_module, f->dpid, "static flow %"PRIu64" expired",
             f->id);
    static_flow_free(f);
}

/* GET /v1/apps status: stored flows and the switches they are for. */
static json_t *
static_status(void)
{
    size_t n_switches = 0;
    for (size_t i = 0; i < n_flows; i++) {
        size_t j;
        for (j = 0; j < i && flows[j]->dpid != flows[i]->dpid; j++) {
            continue;
        }
        n_switches += j == i;
    }
    return json_pack("{s:I, s:I}", "flows", (json_int_t) n_flows,
                     "switches", (json_int_t) n_switches);
}

const struct ofc_app ofc_static_app = {
    .name = "static",
    .switch_up = static_switch_up,
    .flow_removed = static_flow_removed,
    .routes = static_routes,
    .restore = static_restore,
    .status = static_status,
};
