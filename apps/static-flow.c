/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The static app's flow bodies (see static-flow.h): JSON validation with
 * controller/json-check, rendering of the structured form into ovs-ofctl text
 * with a map from text offsets back to JSON paths, and the canonical
 * text. */

#include "apps/static-flow.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-parse.h"
#include "controller/json-check.h"

/* The priority of a flow that gives none (as in ovs-ofctl). */
#define STATIC_DEFAULT_PRIORITY 0x8000

/* Separators of the flow syntax (as in ofp-parse.c). */
#define SEPARATORS ", \t\r\n"

/* ---- Rendering with a segment map. ----------------------------------- */

/* The JSON path that produced the text in [start, end). */
struct segment {
    size_t start, end;
    char *path;                 /* Owned. */
};

/* Text under construction plus its segments. */
struct render {
    struct ofp_ds ds;
    struct segment *segs;
    size_t n_segs, allocated_segs;
};

/* Starts a segment for 'path' (copied) at the current end of the text. */
static void
render_begin(struct render *r, const char *path)
{
    if (r->n_segs >= r->allocated_segs) {
        r->allocated_segs = r->allocated_segs ? 2 * r->allocated_segs : 8;
        r->segs = ofc_xrealloc(r->segs, r->allocated_segs * sizeof *r->segs);
    }
    struct segment *s = &r->segs[r->n_segs++];
    s->start = r->ds.length;
    s->end = r->ds.length;
    s->path = ofc_xstrdup(path);
}

/* Ends the last segment at the current end of the text. */
static void
render_end(struct render *r)
{
    r->segs[r->n_segs - 1].end = r->ds.length;
}

/* Frees 'r'. */
static void
render_destroy(struct render *r)
{
    for (size_t i = 0; i < r->n_segs; i++) {
        free(r->segs[i].path);
    }
    free(r->segs);
    ofp_ds_destroy(&r->ds);
}

/* Turns a parser 'error' ("... at position N") about the rendered text into
 * a message naming the JSON path of the member that produced position N
 * (malloc'ed).  Frees 'error'. */
static char *
render_blame(const struct render *r, char *error)
{
    const char *at = strstr(error, " at position ");
    const char *path = "$";
    if (at) {
        size_t pos = strtoul(at + 13, NULL, 10);
        for (size_t i = 0; i < r->n_segs; i++) {
            if (pos >= r->segs[i].start + 1 && pos <= r->segs[i].end + 1) {
                path = r->segs[i].path;
                break;
            }
        }
    }
    size_t len = at ? (size_t) (at - error) : strlen(error);
    char *message = ofc_xasprintf("%s: %.*s", path, (int) len, error);
    free(error);
    return message;
}

/* ---- Values. --------------------------------------------------------- */

/* True if 's' can stand as one value token of the flow syntax. */
static bool
is_token(const char *s)
{
    for (; *s; s++) {
        unsigned char c = *s;
        if (c <= ' ' || c >= 0x7f || strchr(",=()\"'", c)) {
            return false;
        }
    }
    return true;
}

/* Appends the match or set_field value 'v' at 'path': a non-negative
 * integer or a token string (the parser checks its syntax). */
static bool
put_value(struct ofc_jc *jc, const json_t *v, const char *path,
          struct ofp_ds *ds)
{
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0) {
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                               "must not be negative");
        }
        ofp_ds_put_format(ds, "%"JSON_INTEGER_FORMAT, json_integer_value(v));
        return true;
    }
    if (!json_is_string(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be an integer or a string, not %s",
                           ofc_jc_type_name(v));
    }
    const char *s;
    if (!ofc_jc_string(jc, v, path, true, 128, &s)) {
        return false;
    }
    if (!is_token(s)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must not contain spaces, quotes, '=', ',' or "
                           "parentheses");
    }
    ofp_ds_put_cstr(ds, s);
    return true;
}

/* Reserved port names accepted for a port. */
static const char *const port_names[] = {
    "IN_PORT", "TABLE", "NORMAL", "FLOOD", "ALL", "CONTROLLER", "LOCAL",
    NULL,
};

/* Appends the port 'v' at 'path'; '*controller' tells whether it is
 * CONTROLLER. */
static bool
put_port(struct ofc_jc *jc, const json_t *v, const char *path,
         struct ofp_ds *ds, bool *controller)
{
    *controller = false;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        for (size_t i = 0; port_names[i]; i++) {
            if (!strcmp(s, port_names[i])) {
                *controller = !strcmp(s, "CONTROLLER");
                ofp_ds_put_cstr(ds, s);
                return true;
            }
        }
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be a port number or one of IN_PORT, TABLE, "
                           "NORMAL, FLOOD, ALL, CONTROLLER, LOCAL");
    }
    if (!json_is_integer(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be an integer or a string, not %s",
                           ofc_jc_type_name(v));
    }
    uint64_t port;
    if (!ofc_jc_uint(jc, v, path, 1, OFPP_MAX, &port)) {
        return false;
    }
    ofp_ds_put_format(ds, "%"PRIu64, port);
    return true;
}

/* ---- Match. ---------------------------------------------------------- */

/* Match keys the parser knows that ofp_field_from_name() does not. */
static const char *const extra_match_keys[] = {
    "nw_proto", "nw_tos", "vlan_tci", "vlan_pcp", "dl_vlan", "dl_vlan_pcp",
    "ipv6_label", "icmp_type", "icmp_code", "ct_state", NULL,
};

/* True if 'key' names a match field of the flow syntax. */
static bool
is_match_key(const char *key)
{
    for (size_t i = 0; extra_match_keys[i]; i++) {
        if (!strcmp(key, extra_match_keys[i])) {
            return true;
        }
    }
    for (const char *p = key; *p; p++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyz"
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", *p)) {
            return false;
        }
    }
    return *key && ofp_field_from_name(key) != OFP_F_NONE;
}

/* Renders the "match" object. */
static bool
render_match(struct ofc_jc *jc, const json_t *match, struct render *r)
{
    const char *key;
    json_t *value;

    if (!ofc_jc_object(jc, match, "$.match", NULL)) {
        return false;
    }
    json_object_foreach ((json_t *) match, key, value) {
        char *path = ofc_jc_path_key("$.match", key);
        if (!is_match_key(key)) {
            ofc_jc_fail(jc, OFC_JC_UNKNOWN_FIELD, path,
                        "unknown match field (use ovs-ofctl names such as "
                        "in_port, dl_dst, dl_type, nw_proto, nw_dst, "
                        "tp_dst)");
        } else {
            render_begin(r, path);
            ofp_ds_put_format(&r->ds, "%s=", key);
            put_value(jc, value, path, &r->ds);
            render_end(r);
            ofp_ds_put_char(&r->ds, ',');
        }
        free(path);
        if (!ofc_jc_ok(jc)) {
            return false;
        }
    }
    return true;
}

/* ---- Actions. -------------------------------------------------------- */

/* Kinds of action members. */
enum param_kind {
    P_UINT,                     /* Integer in [min, max]. */
    P_PORT,                     /* Port number or reserved name. */
    P_FIELD,                    /* Match field name. */
    P_VALUE,                    /* Integer or token string. */
};

/* One member of an action object. */
struct param {
    const char *key;
    enum param_kind kind;
    bool required;
    uint64_t min, max;
};

/* One action type: its members and how it is written in the flow
 * syntax. */
struct action_type {
    const char *type;
    const char *syntax;         /* The flow syntax keyword. */
    struct param params[2];     /* Unused ones have a NULL key. */
};

/* The action types of the structured form. */
static const struct action_type action_types[] = {
    { "output", "output", { { "port", P_PORT, true, 0, 0 },
                            { "max_len", P_UINT, false, 0, 65535 } } },
    { "drop", "drop", { { NULL, 0, 0, 0, 0 } } },
    { "pop_vlan", "pop_vlan", { { NULL, 0, 0, 0, 0 } } },
    { "push_vlan", "push_vlan",
      { { "ethertype", P_UINT, false, 0, 65535 } } },
    { "push_mpls", "push_mpls",
      { { "ethertype", P_UINT, true, 0, 65535 } } },
    { "pop_mpls", "pop_mpls", { { "ethertype", P_UINT, true, 0, 65535 } } },
    { "dec_ttl", "dec_ttl", { { NULL, 0, 0, 0, 0 } } },
    { "mod_nw_ttl", "mod_nw_ttl", { { "ttl", P_UINT, true, 0, 255 } } },
    { "set_field", "set_field", { { "field", P_FIELD, true, 0, 0 },
                                  { "value", P_VALUE, true, 0, 0 } } },
    { "set_queue", "set_queue",
      { { "queue_id", P_UINT, true, 0, UINT32_MAX } } },
    { "group", "group", { { "group_id", P_UINT, true, 0, OFPG_MAX } } },
    { "resubmit", "resubmit", { { "port", P_PORT, false, 0, 0 },
                                { "table", P_UINT, false, 0, 254 } } },
    { "goto_table", "goto_table", { { "table", P_UINT, true, 0, 254 } } },
    { "meter", "meter", { { "meter_id", P_UINT, true, 1, OFPM_MAX } } },
    { "clear_actions", "clear_actions", { { NULL, 0, 0, 0, 0 } } },
    { "write_metadata", "write_metadata",
      { { "value", P_UINT, true, 0, INT64_MAX },
        { "mask", P_UINT, false, 0, INT64_MAX } } },
};

/* Returns the action type named 's', or NULL. */
static const struct action_type *
action_type_find(const char *s)
{
    for (size_t i = 0; i < sizeof action_types / sizeof *action_types; i++) {
        if (!strcmp(s, action_types[i].type)) {
            return &action_types[i];
        }
    }
    return NULL;
}

/* Renders one member 'p' of an action (its value 'v' at 'path') into
 * 'out'. */
static bool
render_param(struct ofc_jc *jc, const struct param *p, const json_t *v,
             const char *path, struct ofp_ds *out, bool *controller)
{
    uint64_t x;
    const char *s;

    switch (p->kind) {
    case P_UINT:
        if (ofc_jc_uint(jc, v, path, p->min, p->max, &x)) {
            ofp_ds_put_format(out, "%"PRIu64, x);
        }
        break;
    case P_PORT:
        put_port(jc, v, path, out, controller);
        break;
    case P_FIELD:
        if (ofc_jc_string(jc, v, path, true, 64, &s)) {
            if (!is_match_key(s)) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                            "unknown field \"%s\"", s);
            } else {
                ofp_ds_put_cstr(out, s);
            }
        }
        break;
    case P_VALUE:
        put_value(jc, v, path, out);
        break;
    }
    return ofc_jc_ok(jc);
}

/* Renders action object 'a' (at 'path') into 'r'. */
static bool
render_action(struct ofc_jc *jc, const json_t *a, const char *path,
              struct render *r)
{
    const char *type;
    if (!ofc_jc_get_string(jc, a, path, "type", true, true, 64, &type)) {
        return false;
    }
    const struct action_type *t = action_type_find(type);
    if (!t) {
        char *tpath = ofc_jc_path_key(path, "type");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, tpath,
                    "unknown action type \"%s\"", type);
        free(tpath);
        return false;
    }

    const char *allowed[4] = { "type", NULL, NULL, NULL };
    for (size_t i = 0; i < 2 && t->params[i].key; i++) {
        allowed[i + 1] = t->params[i].key;
    }
    if (!ofc_jc_object(jc, a, path, allowed)) {
        return false;
    }

    /* Member values, rendered separately. */
    struct ofp_ds vals[2];
    bool present[2] = { false, false };
    bool controller = false;
    for (size_t i = 0; i < 2; i++) {
        ofp_ds_init(&vals[i]);
        const struct param *p = &t->params[i];
        if (!p->key) {
            continue;
        }
        const json_t *v = ofc_jc_member(jc, a, path, p->key, p->required);
        if (v) {
            char *ppath = ofc_jc_path_key(path, p->key);
            bool c = false;
            present[i] = render_param(jc, p, v, ppath, &vals[i], &c);
            controller |= c;
            free(ppath);
        }
    }

    if (ofc_jc_ok(jc)) {
        const char *v0 = ofp_ds_cstr(&vals[0]), *v1 = ofp_ds_cstr(&vals[1]);
        struct ofp_ds *ds = &r->ds;
        render_begin(r, path);
        if (!strcmp(t->type, "output")) {
            if (present[1] && !controller) {
                char *mpath = ofc_jc_path_key(path, "max_len");
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, mpath,
                            "only meaningful for port CONTROLLER");
                free(mpath);
            } else if (present[1]) {
                ofp_ds_put_format(ds, "CONTROLLER:%s", v1);
            } else {
                ofp_ds_put_format(ds, "output:%s", v0);
            }
        } else if (!strcmp(t->type, "push_vlan") && !present[0]) {
            ofp_ds_put_cstr(ds, "push_vlan:0x8100");
        } else if (!strcmp(t->type, "set_field")) {
            ofp_ds_put_format(ds, "set_field:%s->%s", v1, v0);
        } else if (!strcmp(t->type, "resubmit")) {
            if (!present[0] && !present[1]) {
                ofc_jc_fail(jc, OFC_JC_MISSING_FIELD, path,
                            "resubmit needs \"port\" or \"table\"");
            }
            ofp_ds_put_format(ds, "resubmit(%s,%s)", v0, v1);
        } else if (!strcmp(t->type, "write_metadata") && present[1]) {
            ofp_ds_put_format(ds, "write_metadata:%s/%s", v0, v1);
        } else if (present[0]) {
            ofp_ds_put_format(ds, "%s:%s", t->syntax, v0);
        } else {
            ofp_ds_put_cstr(ds, t->syntax);
        }
        render_end(r);
    }
    ofp_ds_destroy(&vals[0]);
    ofp_ds_destroy(&vals[1]);
    return ofc_jc_ok(jc);
}

/* Renders the "actions" array after "actions=". */
static bool
render_actions(struct ofc_jc *jc, const json_t *actions, struct render *r)
{
    if (!ofc_jc_array(jc, actions, "$.actions", 0, 64)) {
        return false;
    }
    ofp_ds_put_cstr(&r->ds, "actions=");
    if (!json_array_size(actions)) {
        ofp_ds_put_cstr(&r->ds, "drop");
    }
    for (size_t i = 0; i < json_array_size(actions); i++) {
        char *path = ofc_jc_path_index("$.actions", i);
        if (i) {
            ofp_ds_put_char(&r->ds, ',');
        }
        bool ok = (ofc_jc_object(jc, json_array_get(actions, i), path, NULL)
                   && render_action(jc, json_array_get(actions, i), path,
                                    r));
        free(path);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* ---- Flow text. ------------------------------------------------------ */

/* True if the flow text 'text' sets key 'name' before "actions=". */
static bool
text_has_key(const char *text, const char *name)
{
    const char *end = strstr(text, "actions=");
    size_t name_len = strlen(name);
    const char *s = text;

    if (!end) {
        end = text + strlen(text);
    }
    while (s < end) {
        s += strspn(s, SEPARATORS);
        size_t klen = strcspn(s, ":=(), \t\r\n");
        if (klen == name_len && !strncmp(s, name, klen)) {
            return true;
        }
        s += strcspn(s, SEPARATORS);
    }
    return false;
}

int
static_flow_parse(const char *text, struct ofp_arena *arena,
                  struct ofp_flow_mod *fm, char **error)
{
    int retval = ofp_parse_flow(text, arena, fm, error);
    if (retval) {
        return retval;
    }
    if (text_has_key(text, "cookie")) {
        *error = ofc_xstrdup("a cookie may not be given: the static app "
                             "sets each flow's cookie from its id");
        return EINVAL;
    }
    if (fm->flags) {
        *error = ofc_xstrdup("flow flags (send_flow_rem, check_overlap, "
                             "reset_counts, no_packet_counts, "
                             "no_byte_counts) may not be given");
        return EINVAL;
    }
    return 0;
}

char *
static_flow_format(const struct ofp_flow_mod *fm)
{
    struct ofp_ds ds, match;

    ofp_ds_init(&ds);
    ofp_ds_init(&match);
    ofp_ds_put_format(&ds, "table=%u,priority=%u", fm->table_id,
                      fm->priority);
    ofp_match_format(&fm->match, &match);
    ofp_ds_chomp(&match, ", ");
    if (match.length) {
        ofp_ds_put_format(&ds, ",%s", ofp_ds_cstr(&match));
    }
    if (fm->idle_timeout) {
        ofp_ds_put_format(&ds, ",idle_timeout=%u", fm->idle_timeout);
    }
    if (fm->hard_timeout) {
        ofp_ds_put_format(&ds, ",hard_timeout=%u", fm->hard_timeout);
    }
    ofp_ds_put_cstr(&ds, " actions=");
    ofp_instructions_format(&fm->instructions, &ds);
    ofp_ds_destroy(&match);
    char *text = ofc_xstrdup(ofp_ds_cstr(&ds));
    ofp_ds_destroy(&ds);
    return text;
}

/* ---- Bodies. --------------------------------------------------------- */

/* Keys of the two forms. */
static const char *const text_keys[] = { "flow", "description", NULL };
static const char *const structured_keys[] = {
    "table", "priority", "match", "actions", "idle_timeout", "hard_timeout",
    "description", "cookie", NULL,
};

/* Parses the structured form of 'body' into 'b'. */
static bool
parse_structured(struct ofc_jc *jc, const json_t *body,
                 struct static_body *b, const char **code, char **message)
{
    uint64_t table = 0, priority = STATIC_DEFAULT_PRIORITY, idle = 0, hard = 0;
    struct render r = { .segs = NULL };

    ofp_ds_init(&r.ds);
    if (json_object_get(body, "cookie")) {
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, "$.cookie",
                    "may not be given: the static app sets each flow's "
                    "cookie from its id");
    }
    ofc_jc_get_uint(jc, body, "$", "table", false, 0, 254, &table);
    ofc_jc_get_uint(jc, body, "$", "priority", false, 0, 65535, &priority);
    ofc_jc_get_uint(jc, body, "$", "idle_timeout", false, 0, 65535, &idle);
    ofc_jc_get_uint(jc, body, "$", "hard_timeout", false, 0, 65535, &hard);
    const json_t *match = ofc_jc_member(jc, body, "$", "match", false);
    const json_t *actions = ofc_jc_member(jc, body, "$", "actions", true);

    ofp_ds_put_format(&r.ds, "table=%"PRIu64",priority=%"PRIu64",",
                      table, priority);
    if (idle) {
        ofp_ds_put_format(&r.ds, "idle_timeout=%"PRIu64",", idle);
    }
    if (hard) {
        ofp_ds_put_format(&r.ds, "hard_timeout=%"PRIu64",", hard);
    }
    if (match) {
        render_match(jc, match, &r);
    }
    if (actions) {
        render_actions(jc, actions, &r);
    }
    if (!ofc_jc_ok(jc)) {
        render_destroy(&r);
        return false;
    }

    char *error;
    if (ofp_parse_flow(ofp_ds_cstr(&r.ds), &b->arena, &b->fm, &error)) {
        *code = "bad_value";
        *message = render_blame(&r, error);
        render_destroy(&r);
        return false;
    }
    render_destroy(&r);
    b->match_json = json_incref((json_t *) match);
    b->actions_json = json_incref((json_t *) actions);
    return true;
}

bool
static_body_parse(const json_t *body, struct static_body *b,
                  const char **code, char **message)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    const char *s;
    bool ok = false;

    memset(b, 0, sizeof *b);
    ofp_arena_init(&b->arena);
    bool text_form = json_object_get(body, "flow") != NULL;
    if (!ofc_jc_object(&jc, body, "$",
                       text_form ? text_keys : structured_keys)) {
        goto out;
    }
    if (ofc_jc_get_string(&jc, body, "$", "description", false, false,
                          STATIC_MAX_DESCRIPTION, &s)) {
        b->description = json_string(s);
    }
    if (!ofc_jc_ok(&jc)) {
        goto out;
    }
    if (text_form) {
        char *error;
        if (!ofc_jc_get_string(&jc, body, "$", "flow", true, true, 4096,
                               &s)) {
            goto out;
        }
        if (static_flow_parse(s, &b->arena, &b->fm, &error)) {
            *code = "bad_flow";
            *message = ofc_xasprintf("$.flow: %s", error);
            free(error);
            goto fail;
        }
    } else if (!parse_structured(&jc, body, b, code, message)) {
        if (!ofc_jc_ok(&jc)) {
            goto out;
        }
        goto fail;
    }

    /* The canonical text must give back the same flow, or the flow could
     * not be restored from the state file. */
    b->text = static_flow_format(&b->fm);
    struct ofp_flow_mod check;
    char *error;
    if (static_flow_parse(b->text, &b->arena, &check, &error)
        || check.table_id != b->fm.table_id
        || check.priority != b->fm.priority
        || check.idle_timeout != b->fm.idle_timeout
        || check.hard_timeout != b->fm.hard_timeout
        || !ofp_match_equal(&check.match, &b->fm.match)
        || !ofp_instructions_equal(&check.instructions,
                                   &b->fm.instructions)) {
        *code = "bad_flow";
        *message = ofc_xasprintf("the flow has no exact text form (%s): %s",
                                 b->text, error ? error : "differs");
        free(error);
        goto fail;
    }
    ok = true;
    goto done;

out:
    *code = ofc_jc_code(&jc);
    *message = ofc_jc_steal_message(&jc);
fail:
    static_body_destroy(b);
done:
    ofc_jc_destroy(&jc);
    return ok;
}

void
static_body_destroy(struct static_body *b)
{
    ofp_arena_destroy(&b->arena);
    free(b->text);
    json_decref(b->description);
    json_decref(b->match_json);
    json_decref(b->actions_json);
    b->text = NULL;
    b->description = b->match_json = b->actions_json = NULL;
}
