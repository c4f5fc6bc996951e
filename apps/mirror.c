/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The mirror app (see mirror.h).
 *
 * Sessions come from two places: the configuration's "mirrors" array
 * (ids "cfg-1", "cfg-2", ... by position; replaced at every reload; not
 * deletable over REST) and REST (integer ids, never reused, kept in the
 * state file "mirrors.json" as {"next_id": N, "sessions": [...]}).  A
 * REST change is checked against the connected switch, saved, and only
 * then rendered: the listener (the L2 app) re-renders that switch with
 * mark and sweep, so only the flows and groups whose copies changed are
 * sent.  Ports are kept as the operator named them and resolved on each
 * switch whenever the L2 app asks. */

#include "apps/mirror.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "apps/mirror-session.h"
#include "apps/vlan.h"
#include "controller/json-check.h"
#include "controller/log.h"
#include "controller/route.h"
#include "controller/state.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"

/* The state file. */
#define MIRROR_FILE "mirrors.json"

/* The most sessions (REST and configuration each). */
#define MIRROR_MAX_SESSIONS 1024

/* A list of sessions, in increasing id order.  Owns them. */
struct mirror_list {
    struct mirror_session **s;
    size_t n, allocated;
};

static struct mirror_list rest_sessions;
static struct mirror_list cfg_sessions;
static uint64_t next_id = 1;
static void (*listener)(struct ofc_switch *);

/* The log module "mirror". */
OFC_LOG_MODULE(mirror_log_module, "mirror")

/* ---- Lists. ----------------------------------------------------------- */

/* Appends 's' to 'l' (the caller keeps the id order). */
static void
list_push(struct mirror_list *l, struct mirror_session *s)
{
    if (l->n >= l->allocated) {
        l->allocated = l->allocated ? 2 * l->allocated : 8;
        l->s = ofc_xrealloc(l->s, l->allocated * sizeof *l->s);
    }
    l->s[l->n++] = s;
}

/* Returns the index of the session with 'id' in 'l', or SIZE_MAX. */
static size_t
list_find(const struct mirror_list *l, uint64_t id)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->s[i]->id == id) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Removes and returns the session at index 'i' of 'l'. */
static struct mirror_session *
list_remove(struct mirror_list *l, size_t i)
{
    struct mirror_session *s = l->s[i];
    memmove(&l->s[i], &l->s[i + 1], (l->n - i - 1) * sizeof *l->s);
    l->n--;
    return s;
}

/* Frees every session of 'l'. */
static void
list_clear(struct mirror_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        mirror_session_free(l->s[i]);
    }
    free(l->s);
    memset(l, 0, sizeof *l);
}

/* Calls 'cb' for every session of 'dpid' (both lists) until it returns
 * false. */
static void
for_each_session(uint64_t dpid,
                 bool (*cb)(const struct mirror_session *, void *),
                 void *aux)
{
    const struct mirror_list *lists[] = { &cfg_sessions, &rest_sessions };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < lists[k]->n; i++) {
            const struct mirror_session *s = lists[k]->s[i];
            if (s->dpid == dpid && !cb(s, aux)) {
                return;
            }
        }
    }
}

/* ---- Queries for the L2 app. ------------------------------------------ */

/* Adds 'port' to 'd' unless it is there or 'd' is full. */
static void
dests_add(struct mirror_dests *d, uint32_t port)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->ports[i] == port) {
            return;
        }
    }
    if (d->n < MIRROR_MAX_DESTS) {
        d->ports[d->n++] = port;
    }
}

/* What a query collects while it walks the sessions of a switch. */
struct query {
    const struct ofc_switch *sw;
    uint32_t port;              /* Port or VLAN asked about. */
    uint16_t vid;
    struct mirror_dests *ingress, *egress;
    struct vlan_set *vlans;
    bool found;
};

/* True if the mirror app runs and 'sw' is usable. */
static bool
active(const struct ofc_switch *sw)
{
    return ofc_app_enabled(&ofc_mirror_app) && sw
           && !ofc_switch_is_dead(sw);
}

/* for_each_session() callback of mirror_port_outputs(). */
static bool
port_cb(const struct mirror_session *s, void *aux)
{
    struct query *q = aux;
    uint32_t dest = mirror_port_resolve(q->sw, &s->dest);
    if (!dest || dest == q->port) {
        return true;
    }
    for (size_t i = 0; i < s->n_sources; i++) {
        const struct mirror_source *src = &s->sources[i];
        if (mirror_port_resolve(q->sw, &src->port) != q->port) {
            continue;
        }
        if (src->dir & MIRROR_INGRESS) {
            dests_add(q->ingress, dest);
        }
        if ((src->dir & MIRROR_EGRESS)
            && q->port <= MIRROR_MAX_EGRESS_PORT) {
            dests_add(q->egress, dest);
        }
    }
    return true;
}

void
mirror_port_outputs(const struct ofc_switch *sw, uint32_t port,
                    struct mirror_dests *ingress,
                    struct mirror_dests *egress)
{
    ingress->n = egress->n = 0;
    if (active(sw)) {
        struct query q = { .sw = sw, .port = port, .ingress = ingress,
                           .egress = egress };
        for_each_session(ofc_switch_dpid(sw), port_cb, &q);
    }
}

/* for_each_session() callback of mirror_vlan_outputs(). */
static bool
vlan_cb(const struct mirror_session *s, void *aux)
{
    struct query *q = aux;
    for (size_t i = 0; i < s->n_vlans; i++) {
        if (s->vlans[i] == q->vid) {
            uint32_t dest = mirror_port_resolve(q->sw, &s->dest);
            if (dest) {
                dests_add(q->ingress, dest);
            }
            break;
        }
    }
    return true;
}

void
mirror_vlan_outputs(const struct ofc_switch *sw, uint16_t vid,
                    struct mirror_dests *dests)
{
    dests->n = 0;
    if (active(sw)) {
        struct query q = { .sw = sw, .vid = vid, .ingress = dests };
        for_each_session(ofc_switch_dpid(sw), vlan_cb, &q);
    }
}

/* for_each_session() callback of mirror_source_vlans(). */
static bool
vlans_cb(const struct mirror_session *s, void *aux)
{
    struct query *q = aux;
    if (mirror_port_resolve(q->sw, &s->dest)) {
        for (size_t i = 0; i < s->n_vlans; i++) {
            vlan_set_add(q->vlans, s->vlans[i]);
        }
    }
    return true;
}

void
mirror_source_vlans(const struct ofc_switch *sw, struct vlan_set *set)
{
    if (active(sw)) {
        struct query q = { .sw = sw, .vlans = set };
        for_each_session(ofc_switch_dpid(sw), vlans_cb, &q);
    }
}

/* for_each_session() callback of mirror_is_destination(). */
static bool
dest_cb(const struct mirror_session *s, void *aux)
{
    struct query *q = aux;
    q->found = mirror_port_resolve(q->sw, &s->dest) == q->port;
    return !q->found;
}

bool
mirror_is_destination(const struct ofc_switch *sw, uint32_t port)
{
    struct query q = { .sw = sw, .port = port };
    if (active(sw)) {
        for_each_session(ofc_switch_dpid(sw), dest_cb, &q);
    }
    return q.found;
}

/* for_each_session() callback of mirror_switch_has_sessions(). */
static bool
any_cb(const struct mirror_session *s, void *aux)
{
    *(bool *) aux = true;
    return false;
}

bool
mirror_switch_has_sessions(const struct ofc_switch *sw)
{
    bool found = false;
    if (active(sw)) {
        for_each_session(ofc_switch_dpid(sw), any_cb, &found);
    }
    return found;
}

void
mirror_set_listener(void (*changed)(struct ofc_switch *))
{
    listener = changed;
}

/* Tells the listener that the sessions of switch 'dpid' changed. */
static void
notify(uint64_t dpid)
{
    struct ofc_switch *sw = ofc_switch_lookup(dpid);
    if (listener && sw && !ofc_switch_is_dead(sw)
        && ofc_app_enabled(&ofc_mirror_app)) {
        listener(sw);
    }
}

/* ofc_switch_for_each() callback: every switch may have changed. */
static void
notify_switch(struct ofc_switch *sw, void *aux)
{
    notify(ofc_switch_dpid(sw));
}

/* ---- State. ----------------------------------------------------------- */

/* Saves the REST sessions.  0 or an errno with '*error'. */
static int
save_all(char **error)
{
    json_t *list = json_array();
    for (size_t i = 0; i < rest_sessions.n; i++) {
        json_array_append_new(list,
                              mirror_session_stored_json(rest_sessions.s[i]));
    }
    json_t *doc = json_pack("{s:I, s:o}", "next_id", (json_int_t) next_id,
                            "sessions", list);
    int retval = ofc_state_save(MIRROR_FILE, doc, error);
    json_decref(doc);
    return retval;
}

/* restore: loads the state file at startup. */
static int
mirror_restore(char **error)
{
    static const char *const keys[] = { "next_id", "sessions", NULL };
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    uint64_t saved_next = 1;
    json_t *doc;

    *error = NULL;
    list_clear(&rest_sessions);
    next_id = 1;
    int retval = ofc_state_load(MIRROR_FILE, &doc, error);
    if (retval || !doc) {
        return retval;
    }
    ofc_jc_object(&jc, doc, "$.data", keys);
    ofc_jc_get_uint(&jc, doc, "$.data", "next_id", true, 1,
                    MIRROR_MAX_ID + 1ull, &saved_next);
    const json_t *list = ofc_jc_member(&jc, doc, "$.data", "sessions", true);
    ofc_jc_array(&jc, list, "$.data.sessions", 0, MIRROR_MAX_SESSIONS);
    for (size_t i = 0; ofc_jc_ok(&jc) && i < json_array_size(list); i++) {
        char *path = ofc_jc_path_index("$.data.sessions", i);
        struct mirror_session *s = mirror_session_parse(
            &jc, json_array_get(list, i), path, true);
        if (s && list_find(&rest_sessions, s->id) != SIZE_MAX) {
            ofc_jc_fail(&jc, OFC_JC_BAD_VALUE, path, "session id %"PRIu64
                        " appears twice", s->id);
            mirror_session_free(s);
        } else if (s) {
            size_t j = rest_sessions.n;
            list_push(&rest_sessions, s);
            while (j > 0 && rest_sessions.s[j - 1]->id > s->id) {
                rest_sessions.s[j] = rest_sessions.s[j - 1];
                rest_sessions.s[--j] = s;
            }
            next_id = next_id > s->id ? next_id : s->id + 1;
        }
        free(path);
    }
    json_decref(doc);
    if (!ofc_jc_ok(&jc)) {
        const char *dir = ofc_state_dir();
        *error = ofc_xasprintf("%s%s%s: %s", dir ? dir : "", dir ? "/" : "",
                               MIRROR_FILE, ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        list_clear(&rest_sessions);
        return EINVAL;
    }
    next_id = next_id > saved_next ? next_id : saved_next;
    OFC_INFO(mirror_log_module, OFC_NO_DPID, "restored %zu mirror sessions "
             "(next id %"PRIu64")", rest_sessions.n, next_id);
    return 0;
}

/* ---- Configuration. --------------------------------------------------- */

/* Parses the "mirrors" key of 'doc' into 'l'.  Returns 0, or EINVAL with
 * "FILE: $.mirrors[i]...: problem" in '*error'. */
static int
parse_config(const json_t *doc, const char *file, struct mirror_list *l,
             char **error)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    const json_t *list = doc ? json_object_get(doc, "mirrors") : NULL;

    *error = NULL;
    memset(l, 0, sizeof *l);
    if (!list) {
        return 0;
    }
    ofc_jc_array(&jc, list, "$.mirrors", 0, MIRROR_MAX_SESSIONS);
    for (size_t i = 0; ofc_jc_ok(&jc) && i < json_array_size(list); i++) {
        char *path = ofc_jc_path_index("$.mirrors", i);
        struct mirror_session *s = mirror_session_parse(
            &jc, json_array_get(list, i), path, false);
        if (s) {
            s->id = i + 1;
            s->from_config = true;
            list_push(l, s);
        }
        free(path);
    }
    if (!ofc_jc_ok(&jc)) {
        *error = ofc_xasprintf("%s: %s", file, ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        list_clear(l);
        return EINVAL;
    }
    return 0;
}

/* check_config: parses "mirrors" and throws the result away. */
static int
mirror_check_config(const json_t *doc, const char *file, char **error)
{
    struct mirror_list l;
    int err = parse_config(doc, file, &l, error);
    list_clear(&l);
    return err;
}

/* Applies the configuration 'doc'; after a reload ('notify_all')
 * re-renders every switch (unchanged ones send nothing). */
static int
apply_config(const json_t *doc, bool notify_all)
{
    struct mirror_list l;
    char *error;
    int err = parse_config(doc, "configuration", &l, &error);
    if (err) {
        OFC_ERR(mirror_log_module, OFC_NO_DPID, "%s", error);
        free(error);
        return err;
    }
    list_clear(&cfg_sessions);
    cfg_sessions = l;
    OFC_INFO(mirror_log_module, OFC_NO_DPID, "%zu mirror sessions configured",
             cfg_sessions.n);
    if (notify_all) {
        ofc_switch_for_each(notify_switch, NULL);
    }
    return 0;
}

/* init: the configuration at startup (no switch yet). */
static int
mirror_init(struct ofc_ctx *ctx, const json_t *doc)
{
    return apply_config(doc, false);
}

/* reconfigure: a reload. */
static int
mirror_reconfigure(struct ofc_ctx *ctx, const json_t *doc)
{
    return apply_config(doc, true);
}

/* ---- Checks against a switch. ----------------------------------------- */

/* True if VLAN 'vid' is configured, or some port of 'sw' carries it. */
static bool
vlan_known(const struct ofc_switch *sw, uint16_t vid)
{
    if (vlan_config_vlan(vlan_running_config(), vid)) {
        return true;
    }
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        uint32_t p = ports[i].port_no;
        if (p && (p <= OFPP_MAX || p == OFPP_LOCAL)) {
            const struct vlan_port *vp = vlan_port_policy(sw, &ports[i]);
            if (vp->native_vlan == vid || vlan_set_has(&vp->tagged, vid)) {
                return true;
            }
        }
    }
    return false;
}

/* A check failure: HTTP status, code, message. */
struct failure {
    unsigned int status;
    const char *code;
    char *message;
};

/* Records a failure unless one is recorded.  Returns false. */
static bool __attribute__((format(printf, 4, 5)))
fail(struct failure *f, unsigned int status, const char *code,
     const char *format, ...)
{
    if (!f->message) {
        char buf[512];
        va_list args;
        va_start(args, format);
        vsnprintf(buf, sizeof buf, format, args);
        va_end(args);
        f->status = status;
        f->code = code;
        f->message = ofc_xstrdup(buf);
    }
    return false;
}

/* Context of conflict_cb(). */
struct conflict {
    const struct ofc_switch *sw;
    uint32_t dest;
    const uint32_t *sources;
    size_t n_sources;
    struct mirror_dests dests;  /* Destinations in use on the switch. */
    struct failure *f;
};

/* for_each_session() callback: the new session's destination must not be
 * another's source, nor its sources another's destination. */
static bool
conflict_cb(const struct mirror_session *s, void *aux)
{
    struct conflict *c = aux;
    uint32_t dest = mirror_port_resolve(c->sw, &s->dest);
    char id[32];

    snprintf(id, sizeof id, s->from_config ? "cfg-%"PRIu64 : "%"PRIu64,
             s->id);
    if (dest) {
        dests_add(&c->dests, dest);
    }
    for (size_t i = 0; i < c->n_sources; i++) {
        if (dest && c->sources[i] == dest) {
            return fail(c->f, 409, "conflict", "$.sources[%zu].port: port "
                        "%"PRIu32" is the destination of mirror session %s",
                        i, dest, id);
        }
    }
    for (size_t i = 0; i < s->n_sources; i++) {
        if (mirror_port_resolve(c->sw, &s->sources[i].port) == c->dest) {
            return fail(c->f, 409, "conflict", "$.destination: port "
                        "%"PRIu32" is a source of mirror session %s",
                        c->dest, id);
        }
    }
    return true;
}

/* Checks new session 's' against its switch: the switch is connected,
 * every port exists, the destination is not a source, egress sources are
 * low enough, every VLAN is configured or in use, and no other session
 * conflicts.  Returns true, or false with '*f'. */
static bool
check_on_switch(const struct mirror_session *s, struct failure *f)
{
    struct ofc_switch *sw = ofc_switch_lookup(s->dpid);
    char name[40];

    if (!sw || ofc_switch_is_dead(sw)) {
        return fail(f, 404, "unknown_dpid", "$.dpid: switch %016"PRIx64
                    " is not connected", s->dpid);
    }
    uint32_t dest = mirror_port_resolve(sw, &s->dest);
    if (!dest) {
        mirror_port_format(&s->dest, name, sizeof name);
        return fail(f, 400, "bad_value", "$.destination: switch %016"PRIx64
                    " has no port %s", s->dpid, name);
    }
    uint32_t sources[MIRROR_MAX_SOURCES];
    for (size_t i = 0; i < s->n_sources; i++) {
        const struct mirror_source *src = &s->sources[i];
        uint32_t p = mirror_port_resolve(sw, &src->port);
        mirror_port_format(&src->port, name, sizeof name);
        if (!p) {
            return fail(f, 400, "bad_value", "$.sources[%zu].port: switch "
                        "%016"PRIx64" has no port %s", i, s->dpid, name);
        } else if (p == dest) {
            return fail(f, 400, "bad_value", "$.sources[%zu].port: port %s "
                        "is the destination; it cannot also be a source",
                        i, name);
        } else if ((src->dir & MIRROR_EGRESS)
                   && p > MIRROR_MAX_EGRESS_PORT) {
            return fail(f, 400, "bad_value", "$.sources[%zu].port: port %s "
                        "(%"PRIu32") cannot be mirrored on egress (only "
                        "ports 1-%d)", i, name, p, MIRROR_MAX_EGRESS_PORT);
        }
        for (size_t j = 0; j < i; j++) {
            if (sources[j] == p) {
                return fail(f, 400, "bad_value", "$.sources[%zu].port: port "
                            "%s is also sources[%zu]", i, name, j);
            }
        }
        sources[i] = p;
    }
    for (size_t i = 0; i < s->n_vlans; i++) {
        if (!vlan_known(sw, s->vlans[i])) {
            return fail(f, 400, "bad_value", "$.vlans[%zu]: VLAN %u is "
                        "neither configured nor carried by a port of "
                        "switch %016"PRIx64, i, s->vlans[i], s->dpid);
        }
    }
    struct conflict c = { .sw = sw, .dest = dest, .sources = sources,
                          .n_sources = s->n_sources, .f = f };
    for_each_session(s->dpid, conflict_cb, &c);
    bool known = false;
    for (size_t i = 0; i < c.dests.n; i++) {
        known |= c.dests.ports[i] == dest;
    }
    if (!f->message && !known && c.dests.n >= MIRROR_MAX_DESTS) {
        return fail(f, 409, "conflict", "$.destination: switch %016"PRIx64
                    " already has %d mirror destinations", s->dpid,
                    MIRROR_MAX_DESTS);
    }
    return !f->message;
}

/* ---- REST. ------------------------------------------------------------ */

/* Finds the session named by the request's {id}: an integer (REST) or
 * "cfg-N".  Sets '*l' and returns its index, or SIZE_MAX after replying. */
static size_t
session_param(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, struct mirror_list **l)
{
    const char *s = req->params[0];
    bool cfg = !strncmp(s, "cfg-", 4);
    const char *digits = cfg ? s + 4 : s;
    size_t len = strlen(digits);
    uint64_t id;

    if (!len || len > 10 || strspn(digits, "0123456789") != len
        || (id = strtoull(digits, NULL, 10)) < 1 || id > MIRROR_MAX_ID) {
        ofc_rest_reply_error(resp, req, 400, "bad_value", "mirror session "
                             "id \"%.40s\" is not an integer 1-%d or "
                             "\"cfg-N\"", s, MIRROR_MAX_ID);
        return SIZE_MAX;
    }
    *l = cfg ? &cfg_sessions : &rest_sessions;
    size_t i = list_find(*l, id);
    if (i == SIZE_MAX) {
        ofc_rest_reply_error(resp, req, 404, "not_found", "no mirror "
                             "session %s", s);
    }
    return i;
}

/* GET /v1/mirrors[?dpid=D] */
static void
handle_list(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    static const char *const allowed[] = { "dpid", NULL };
    uint64_t dpid = 0;
    bool d;

    if (!ofc_rest_check_query(req, resp, allowed)
        || !ofc_rest_query_dpid(req, resp, &d, &dpid)) {
        return;
    }
    json_t *list = json_array();
    const struct mirror_list *lists[] = { &cfg_sessions, &rest_sessions };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < lists[k]->n; i++) {
            if (!d || lists[k]->s[i]->dpid == dpid) {
                json_array_append_new(list,
                                      mirror_session_json(lists[k]->s[i]));
            }
        }
    }
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "mirrors", list));
}

/* GET /v1/mirrors/{id} */
static void
handle_get(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    struct mirror_list *l;
    size_t i = session_param(req, resp, &l);
    if (i != SIZE_MAX) {
        ofc_rest_reply_json(resp, 200, mirror_session_json(l->s[i]));
    }
}

/* POST /v1/mirrors: checks, saves, then renders. */
static void
handle_post(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    json_t *body = ofc_rest_body_object(req, resp);
    if (!body) {
        return;
    }
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    struct mirror_session *s = mirror_session_parse(&jc, body, "$", false);
    json_decref(body);
    if (!s) {
        ofc_rest_reply_error(resp, req, 400, ofc_jc_code(&jc), "%s",
                             ofc_jc_message(&jc));
        ofc_jc_destroy(&jc);
        return;
    }
    struct failure f = { 0, NULL, NULL };
    if (!check_on_switch(s, &f)) {
        ofc_rest_reply_error(resp, req, f.status, f.code, "%s", f.message);
        free(f.message);
        mirror_session_free(s);
        return;
    }
    if (next_id > MIRROR_MAX_ID || rest_sessions.n >= MIRROR_MAX_SESSIONS) {
        ofc_rest_reply_error(resp, req, 409, "conflict", "no more mirror "
                             "sessions can be added");
        mirror_session_free(s);
        return;
    }

    char *error;
    s->id = next_id++;
    list_push(&rest_sessions, s);
    if (save_all(&error)) {
        list_remove(&rest_sessions, rest_sessions.n - 1);
        next_id--;
        OFC_ERR(mirror_log_module, s->dpid, "mirror session not added: %s",
                error);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        mirror_session_free(s);
        return;
    }
    OFC_INFO(mirror_log_module, s->dpid, "mirror session %"PRIu64" added",
             s->id);
    notify(s->dpid);
    ofc_rest_reply_json(resp, 201, mirror_session_json(s));
}

/* DELETE /v1/mirrors/{id}: saves, then stops the copies.  Configured
 * sessions cannot be deleted here. */
static void
handle_delete(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, void *aux)
{
    struct mirror_list *l;
    size_t i = session_param(req, resp, &l);
    if (i == SIZE_MAX) {
        return;
    }
    if (l == &cfg_sessions) {
        ofc_rest_reply_error(resp, req, 409, "conflict", "mirror session "
                             "%s is defined in the configuration; remove it "
                             "there", req->params[0]);
        return;
    }
    struct mirror_session *s = list_remove(l, i);
    char *error;
    if (save_all(&error)) {
        list_push(l, s);
        for (size_t j = l->n - 1; j > 0 && l->s[j - 1]->id > s->id; j--) {
            l->s[j] = l->s[j - 1];
            l->s[j - 1] = s;
        }
        OFC_ERR(mirror_log_module, s->dpid, "mirror session %"PRIu64" not "
                "deleted: %s", s->id, error);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        return;
    }
    OFC_INFO(mirror_log_module, s->dpid, "mirror session %"PRIu64" deleted",
             s->id);
    notify(s->dpid);
    ofc_rest_reply_json(resp, 200, mirror_session_json(s));
    mirror_session_free(s);
}

static const struct ofc_route mirror_routes[] = {
    { "GET", "/v1/mirrors", handle_list, NULL },
    { "POST", "/v1/mirrors", handle_post, NULL },
    { "GET", "/v1/mirrors/{id}", handle_get, NULL },
    { "DELETE", "/v1/mirrors/{id}", handle_delete, NULL },
    { NULL, NULL, NULL, NULL },
};

/* ---- The app. --------------------------------------------------------- */

/* status: for GET /v1/apps. */
static json_t *
mirror_status(void)
{
    return json_pack("{s:I, s:I}",
                     "sessions", (json_int_t) rest_sessions.n,
                     "config_sessions", (json_int_t) cfg_sessions.n);
}

static const char *const mirror_keys[] = { "mirrors", NULL };

const struct ofc_app ofc_mirror_app = {
    .name = "mirror",
    .init = mirror_init,
    .reconfigure = mirror_reconfigure,
    .routes = mirror_routes,
    .restore = mirror_restore,
    .status = mirror_status,
    .config_keys = mirror_keys,
    .check_config = mirror_check_config,
};
