/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Mirroring sessions: parsing, JSON, port resolution (mirror-session.h). */

#include "apps/mirror-session.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/json-check.h"
#include "controller/route.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"

/* The longest port name (OFP_MAX_PORT_NAME_LEN - 1). */
#define MIRROR_MAX_PORT_NAME 15

void
mirror_session_free(struct mirror_session *s)
{
    if (s) {
        free(s->dest.name);
        for (size_t i = 0; i < s->n_sources; i++) {
            free(s->sources[i].port.name);
        }
        free(s->sources);
        free(s->vlans);
        free(s->description);
        free(s);
    }
}

/* Parses port reference 'v' at 'path' into '*ref': an integer 1 to
 * OFPP_MAX, or a port name of 1 to 15 bytes. */
static bool
parse_port(struct ofc_jc *jc, const json_t *v, const char *path,
           struct mirror_port_ref *ref)
{
    uint64_t n;
    const char *name;

    if (json_is_string(v)) {
        if (ofc_jc_string(jc, v, path, true, MIRROR_MAX_PORT_NAME, &name)) {
            ref->name = ofc_xstrdup(name);
            return true;
        }
        return false;
    } else if (json_is_integer(v)) {
        if (ofc_jc_uint(jc, v, path, 1, OFPP_MAX, &n)) {
            ref->number = n;
            return true;
        }
        return false;
    }
    return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path, "must be a port number "
                       "or a port name, not %s", ofc_jc_type_name(v));
}

/* True if 'a' and 'b' name the same port in the same way. */
static bool
port_ref_equal(const struct mirror_port_ref *a,
               const struct mirror_port_ref *b)
{
    return (a->name && b->name ? !strcmp(a->name, b->name)
            : !a->name && !b->name && a->number == b->number);
}

/* Parses "direction" 's' at 'path'. */
static bool
parse_direction(struct ofc_jc *jc, const char *s, const char *path,
                unsigned int *dir)
{
    if (!strcmp(s, "ingress")) {
        *dir = MIRROR_INGRESS;
    } else if (!strcmp(s, "egress")) {
        *dir = MIRROR_EGRESS;
    } else if (!strcmp(s, "both")) {
        *dir = MIRROR_INGRESS | MIRROR_EGRESS;
    } else {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path, "must be \"ingress\","
                           " \"egress\" or \"both\", got \"%.32s\"", s);
    }
    return true;
}

/* Parses the "sources" array 'list' (at 'path') into 's'. */
static void
parse_sources(struct ofc_jc *jc, const json_t *list, const char *path,
              struct mirror_session *s)
{
    static const char *const keys[] = { "port", "direction", NULL };

    if (!ofc_jc_array(jc, list, path, 0, MIRROR_MAX_SOURCES)) {
        return;
    }
    s->sources = ofc_xzalloc((json_array_size(list) + 1)
                             * sizeof *s->sources);
    for (size_t i = 0; ofc_jc_ok(jc) && i < json_array_size(list); i++) {
        const json_t *e = json_array_get(list, i);
        char *p = ofc_jc_path_index(path, i);
        char *pp = ofc_jc_path_key(p, "port");
        char *pd = ofc_jc_path_key(p, "direction");
        struct mirror_source *src = &s->sources[s->n_sources];
        const char *dir = "both";
        const json_t *port;

        if (ofc_jc_object(jc, e, p, keys)
            && (port = ofc_jc_member(jc, e, p, "port", true))
            && parse_port(jc, port, pp, &src->port)) {
            s->n_sources++;
            ofc_jc_get_string(jc, e, p, "direction", false, true, 16, &dir);
            if (ofc_jc_ok(jc)) {
                parse_direction(jc, dir, pd, &src->dir);
            }
            for (size_t j = 0; ofc_jc_ok(jc) && j < i; j++) {
                if (port_ref_equal(&s->sources[j].port, &src->port)) {
                    ofc_jc_fail(jc, OFC_JC_BAD_VALUE, pp, "port is listed "
                                "twice (also in sources[%zu])", j);
                }
            }
            if (ofc_jc_ok(jc) && port_ref_equal(&src->port, &s->dest)) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, pp, "the destination "
                            "port cannot also be a source");
            }
        }
        free(p);
        free(pp);
        free(pd);
    }
}

/* Parses the "vlans" array 'list' (at 'path') into 's'. */
static void
parse_vlans(struct ofc_jc *jc, const json_t *list, const char *path,
            struct mirror_session *s)
{
    if (!ofc_jc_array(jc, list, path, 0, MIRROR_MAX_VLANS)) {
        return;
    }
    s->vlans = ofc_xzalloc((json_array_size(list) + 1) * sizeof *s->vlans);
    for (size_t i = 0; ofc_jc_ok(jc) && i < json_array_size(list); i++) {
        char *p = ofc_jc_path_index(path, i);
        uint64_t vid;
        if (ofc_jc_uint(jc, json_array_get(list, i), p, 1, 4094, &vid)) {
            for (size_t j = 0; j < s->n_vlans; j++) {
                if (s->vlans[j] == vid) {
                    ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "VLAN %"PRIu64
                                " is listed twice", vid);
                }
            }
            s->vlans[s->n_vlans++] = vid;
        }
        free(p);
    }
}

struct mirror_session *
mirror_session_parse(struct ofc_jc *jc, const json_t *o, const char *path,
                     bool with_id)
{
    static const char *const keys[] = {
        "dpid", "destination", "sources", "vlans", "description", NULL,
    };
    static const char *const keys_id[] = {
        "id", "dpid", "destination", "sources", "vlans", "description",
        NULL,
    };
    struct mirror_session *s = ofc_xzalloc(sizeof *s);
    const char *dpid, *desc;
    const json_t *v;

    ofc_jc_object(jc, o, path, with_id ? keys_id : keys);
    if (with_id) {
        ofc_jc_get_uint(jc, o, path, "id", true, 1, MIRROR_MAX_ID, &s->id);
    }
    if (ofc_jc_get_string(jc, o, path, "dpid", true, true, 32, &dpid)
        && !ofc_rest_parse_dpid(dpid, &s->dpid)) {
        char *p = ofc_jc_path_key(path, "dpid");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "\"%s\" is not a datapath id "
                    "(16 hex digits)", dpid);
        free(p);
    }
    if (ofc_jc_ok(jc)
        && (v = ofc_jc_member(jc, o, path, "destination", true))) {
        char *p = ofc_jc_path_key(path, "destination");
        parse_port(jc, v, p, &s->dest);
        free(p);
    }
    if (ofc_jc_ok(jc) && (v = ofc_jc_member(jc, o, path, "sources",
                                            false))) {
        char *p = ofc_jc_path_key(path, "sources");
        parse_sources(jc, v, p, s);
        free(p);
    }
    if (ofc_jc_ok(jc) && (v = ofc_jc_member(jc, o, path, "vlans", false))) {
        char *p = ofc_jc_path_key(path, "vlans");
        parse_vlans(jc, v, p, s);
        free(p);
    }
    if (ofc_jc_get_string(jc, o, path, "description", false, false,
                          MIRROR_MAX_DESCRIPTION, &desc)) {
        s->description = ofc_xstrdup(desc);
    }
    if (ofc_jc_ok(jc) && !s->n_sources && !s->n_vlans) {
        char *p = ofc_jc_path_key(path, "sources");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "a session needs at least one "
                    "source port or source VLAN (\"vlans\")");
        free(p);
    }
    if (!ofc_jc_ok(jc)) {
        mirror_session_free(s);
        return NULL;
    }
    return s;
}

/* Returns 'ref' as JSON: its number or its name. */
static json_t *
port_json(const struct mirror_port_ref *ref)
{
    return ref->name ? json_string(ref->name) : json_integer(ref->number);
}

/* Returns a direction as its name. */
static const char *
direction_name(unsigned int dir)
{
    return (dir == MIRROR_INGRESS ? "ingress"
            : dir == MIRROR_EGRESS ? "egress" : "both");
}

json_t *
mirror_session_stored_json(const struct mirror_session *s)
{
    json_t *sources = json_array();
    for (size_t i = 0; i < s->n_sources; i++) {
        json_array_append_new(sources, json_pack(
            "{s:o, s:s}", "port", port_json(&s->sources[i].port),
            "direction", direction_name(s->sources[i].dir)));
    }
    json_t *vlans = json_array();
    for (size_t i = 0; i < s->n_vlans; i++) {
        json_array_append_new(vlans, json_integer(s->vlans[i]));
    }
    json_t *o = json_pack("{s:I, s:o, s:o, s:o, s:o}",
                          "id", (json_int_t) s->id,
                          "dpid", ofc_rest_dpid_json(s->dpid),
                          "destination", port_json(&s->dest),
                          "sources", sources, "vlans", vlans);
    if (s->description) {
        json_object_set_new(o, "description",
                            ofc_rest_string(s->description));
    }
    return o;
}

json_t *
mirror_session_json(const struct mirror_session *s)
{
    json_t *o = mirror_session_stored_json(s);
    if (s->from_config) {
        char id[32];
        snprintf(id, sizeof id, "cfg-%"PRIu64, s->id);
        json_object_set_new(o, "id", json_string(id));
    }
    json_object_set_new(o, "source",
                        json_string(s->from_config ? "config" : "rest"));
    return o;
}

uint32_t
mirror_port_resolve(const struct ofc_switch *sw,
                    const struct mirror_port_ref *ref)
{
    if (!ref->name) {
        return ofc_switch_port(sw, ref->number) ? ref->number : 0;
    }
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(ports[i].name, ref->name)) {
            return ports[i].port_no;
        }
    }
    return 0;
}

void
mirror_port_format(const struct mirror_port_ref *ref, char *buf,
                   size_t size)
{
    if (ref->name) {
        snprintf(buf, size, "\"%s\"", ref->name);
    } else {
        snprintf(buf, size, "%"PRIu32, ref->number);
    }
}
