/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The ARP spoof guard (see arp-guard.h).
 *
 * Guards come from REST (persisted with the rules in the app's state
 * file) or from the configuration's "arp_guard" (replaced on a reload);
 * a REST PUT may not change a guard the configuration defines.  Learned
 * bindings are kept per (dpid, port number), apart from the guards, and
 * persisted too; a PUT on a guard forgets the learned bindings of the
 * ports it covers, so it also restarts learning. */

#include "apps/arp-guard.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/arp.h"
#include "apps/arp-rule.h"
#include "controller/flow-store.h"
#include "controller/json-check.h"
#include "controller/log.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-packet.h"

#define GUARD_MAX_BINDINGS 64

/* The number of elements of array 'A'. */
#define N_ELEMS(A) (sizeof (A) / sizeof *(A))

/* The register bit that marks a frame the guard has let through. */
#define GUARD_REG OFP_F_REG15

/* One (MAC, IPv4) binding. */
struct binding {
    uint8_t mac[6];
    uint32_t ip;
};

/* A guard on one port (or all ports) of one switch.  Owns its strings
 * and bindings. */
struct guard {
    uint64_t dpid;
    bool all;                   /* Every port of the switch. */
    uint32_t port_no;           /* Or this port number, */
    char *port_name;            /* or this port name. */
    bool ipv4;                  /* Also check IPv4 sources. */
    bool from_config;
    struct binding *bindings;   /* Static bindings (none: learn). */
    size_t n_bindings;
};

/* A binding learned on a port. */
struct learned {
    uint64_t dpid;
    uint32_t port_no;
    struct binding b;
};

static struct guard **guards;
static size_t n_guards;
static struct learned *learned;
static size_t n_learned;

/* ---- The sets. -------------------------------------------------------- */

/* Frees 'g'. */
static void
guard_free(struct guard *g)
{
    if (g) {
        free(g->port_name);
        free(g->bindings);
        free(g);
    }
}

/* True if 'g' covers port 'port_no' (named 'name') itself, not through
 * "all". */
static bool
guard_names_port(const struct guard *g, uint32_t port_no, const char *name)
{
    return (!g->all && (g->port_no ? g->port_no == port_no
                        : name && !strcmp(g->port_name, name)));
}

/* Returns the guard of port 'port' of 'sw', or NULL. */
static const struct guard *
guard_for(const struct ofc_switch *sw, const struct ofp_port *port)
{
    const struct guard *all = NULL;
    uint64_t dpid = ofc_switch_dpid(sw);
    for (size_t i = 0; i < n_guards; i++) {
        const struct guard *g = guards[i];
        if (g->dpid != dpid) {
            continue;
        }
        if (guard_names_port(g, port->port_no, port->name)) {
            return g;
        }
        if (g->all) {
            all = g;
        }
    }
    return all;
}

/* Returns the learned binding of ('dpid', 'port_no'), or NULL. */
static struct learned *
learned_find(uint64_t dpid, uint32_t port_no)
{
    for (size_t i = 0; i < n_learned; i++) {
        if (learned[i].dpid == dpid && learned[i].port_no == port_no) {
            return &learned[i];
        }
    }
    return NULL;
}

/* Adds a learned binding. */
static void
learned_add(uint64_t dpid, uint32_t port_no, const struct binding *b)
{
    learned = ofc_xrealloc(learned, (n_learned + 1) * sizeof *learned);
    learned[n_learned++] = (struct learned) { dpid, port_no, *b };
}

/* True if learned binding 'l' sits on a port guard 'g' covers (for "all":
 * any port of its switch; for a name: the port of that name on the
 * connected switch). */
static bool
guard_covers_learned(const struct guard *g, const struct learned *l)
{
    if (g->dpid != l->dpid) {
        return false;
    }
    if (g->all || g->port_no == l->port_no) {
        return true;
    }
    if (g->port_name) {
        struct ofc_switch *sw = ofc_switch_lookup(g->dpid);
        const struct ofp_port *p = sw ? ofc_switch_port(sw, l->port_no)
                                      : NULL;
        return !p || !strcmp(p->name, g->port_name);
    }
    return false;
}

/* Moves the learned bindings that 'g' covers out of the set into
 * '*out' (malloc'ed, '*n_out'), so that they can be put back. */
static void
learned_take(const struct guard *g, struct learned **out, size_t *n_out)
{
    size_t n = 0;
    *out = NULL;
    *n_out = 0;
    for (size_t i = 0; i < n_learned; i++) {
        if (guard_covers_learned(g, &learned[i])) {
            *out = ofc_xrealloc(*out, (*n_out + 1) * sizeof **out);
            (*out)[(*n_out)++] = learned[i];
        } else {
            learned[n++] = learned[i];
        }
    }
    n_learned = n;
}

/* Returns the index of the guard with the same switch and port spec as
 * 'g', or SIZE_MAX. */
static size_t
guard_find(const struct guard *g)
{
    for (size_t i = 0; i < n_guards; i++) {
        const struct guard *h = guards[i];
        if (h->dpid == g->dpid && h->all == g->all
            && h->port_no == g->port_no
            && (h->port_name == g->port_name
                || (h->port_name && g->port_name
                    && !strcmp(h->port_name, g->port_name)))) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Appends 'g' to the set. */
static void
guard_insert(struct guard *g)
{
    guards = ofc_xrealloc(guards, (n_guards + 1) * sizeof *guards);
    guards[n_guards++] = g;
}

/* Removes and returns the guard at 'i'. */
static struct guard *
guard_remove_at(size_t i)
{
    struct guard *g = guards[i];
    memmove(&guards[i], &guards[i + 1], (n_guards - i - 1) * sizeof *guards);
    n_guards--;
    return g;
}

size_t
arp_guard_count(void)
{
    return n_guards;
}

size_t
arp_guard_learned_count(void)
{
    return n_learned;
}

void
arp_guard_clear(void)
{
    for (size_t i = 0; i < n_guards; i++) {
        guard_free(guards[i]);
    }
    free(guards);
    guards = NULL;
    n_guards = 0;
    free(learned);
    learned = NULL;
    n_learned = 0;
}

/* ---- Flows. ----------------------------------------------------------- */

/* Declares one guard flow on 'sw'. */
static void
put_flow(struct ofc_switch *sw, uint16_t priority,
         const struct ofp_match *m, const struct ofp_instructions *inst)
{
    struct ofc_flow flow = {
        .table_id = ARP_TABLE,
        .priority = priority,
        .match = m,
        .instructions = inst,
        .cookie_low = ARP_COOKIE_GUARD,
    };
    int error = ofc_flow_put(sw, &ofc_arp_app, &flow);
    if (error && error != ENOTCONN) {
        OFC_WARN(arp_log(), ofc_switch_dpid(sw), "guard flow not declared "
                 "(%s)", strerror(error));
    }
}

/* Starts a guard match: "reg15=0/0x1,in_port=PORT,dl_type=TYPE". */
static void
guard_match(struct ofp_match *m, uint32_t port, uint16_t eth_type)
{
    union ofp_field_value v = { .u32 = 0 }, mk = { .u32 = 1 };
    ofp_match_init(m);
    ofp_match_set(m, GUARD_REG, &v, &mk);
    ofp_match_set_u32(m, OFP_F_IN_PORT, port);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, eth_type);
}

/* The actions that let a frame through: mark it and look up table 1
 * again, where the guard's flows no longer match it. */
static const struct ofp_action pass_actions[] = {
    {
        .kind = OFP_ACT_REG_LOAD,
        .reg_load = {
            .dst = { .field = GUARD_REG, .ofs = 0, .n_bits = 1 },
            .value = 1,
        },
    },
    {
        .kind = OFP_ACT_RESUBMIT,
        .resubmit = { .in_port = OFPP_IN_PORT & 0xffff,
                      .table = ARP_TABLE },
    },
};

/* The learn flow's actions: a copy to the controller, then pass. */
static const struct ofp_action learn_actions[] = {
    {
        .kind = OFP_ACT_OUTPUT,
        .output = { .port = OFPP_CONTROLLER, .max_len = OFPCML_NO_BUFFER },
    },
    {
        .kind = OFP_ACT_REG_LOAD,
        .reg_load = {
            .dst = { .field = GUARD_REG, .ofs = 0, .n_bits = 1 },
            .value = 1,
        },
    },
    {
        .kind = OFP_ACT_RESUBMIT,
        .resubmit = { .in_port = OFPP_IN_PORT & 0xffff,
                      .table = ARP_TABLE },
    },
};

/* Declares the flows of guard 'g' on port 'port_no' of 'sw'. */
static void
render_port(struct ofc_switch *sw, const struct guard *g, uint32_t port_no)
{
    const struct binding *b = g->bindings;
    size_t n = g->n_bindings;
    struct learned *l = NULL;
    struct ofp_match m;
    struct ofp_instructions pass = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { pass_actions, N_ELEMS(pass_actions) },
    };
    struct ofp_instructions drop = { .present = 0 };

    if (!n) {
        l = learned_find(ofc_switch_dpid(sw), port_no);
        if (!l) {
            struct ofp_instructions learn = {
                .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
                .apply = { learn_actions, N_ELEMS(learn_actions) },
            };
            guard_match(&m, port_no, OFP_ETH_TYPE_ARP);
            put_flow(sw, ARP_PRIO_GUARD_DROP, &m, &learn);
            return;
        }
        b = &l->b;
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        guard_match(&m, port_no, OFP_ETH_TYPE_ARP);
        ofp_match_set_mac(&m, OFP_F_ARP_SHA, b[i].mac);
        ofp_match_set_u32(&m, OFP_F_ARP_SPA, b[i].ip);
        put_flow(sw, ARP_PRIO_GUARD_ALLOW, &m, &pass);
        if (g->ipv4) {
            guard_match(&m, port_no, OFP_ETH_TYPE_IPV4);
            ofp_match_set_mac(&m, OFP_F_ETH_SRC, b[i].mac);
            ofp_match_set_u32(&m, OFP_F_IPV4_SRC, b[i].ip);
            put_flow(sw, ARP_PRIO_GUARD_ALLOW, &m, &pass);
        }
    }
    guard_match(&m, port_no, OFP_ETH_TYPE_ARP);
    put_flow(sw, ARP_PRIO_GUARD_DROP, &m, &drop);
    if (g->ipv4) {
        guard_match(&m, port_no, OFP_ETH_TYPE_IPV4);
        put_flow(sw, ARP_PRIO_GUARD_DROP, &m, &drop);
    }
}

void
arp_guard_render(struct ofc_switch *sw)
{
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        if (!ports[i].port_no || ports[i].port_no > OFPP_MAX) {
            continue;
        }
        const struct guard *g = guard_for(sw, &ports[i]);
        if (g) {
            render_port(sw, g, ports[i].port_no);
        }
    }
}

enum ofc_verdict
arp_guard_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    const struct ofc_app *owner;
    if (!ofc_cookie_owner(pin->cookie, &owner) || owner != &ofc_arp_app
        || (pin->cookie & OFC_COOKIE_LOW_MASK) != ARP_COOKIE_GUARD) {
        return OFC_DECLINED;
    }

    union ofp_field_value v, mask;
    struct ofp_packet pkt;
    uint64_t dpid = ofc_switch_dpid(sw);
    if (!ofp_match_get(&pin->match, OFP_F_IN_PORT, &v, &mask)
        || !v.u32 || v.u32 > OFPP_MAX) {
        return OFC_CONSUMED;
    }
    uint32_t port_no = v.u32;
    const struct ofp_port *port = ofc_switch_port(sw, port_no);
    const struct guard *g = port ? guard_for(sw, port) : NULL;
    ofp_packet_parse(pin->data, pin->data_len, &pkt);
    if (!g || g->n_bindings || learned_find(dpid, port_no)
        || pkt.l3 != OFP_PKT_L3_ARP || !pkt.arp_spa
        || pkt.arp_sha[0] & 1
        || !memcmp(pkt.arp_sha, (uint8_t[6]) { 0 }, 6)) {
        /* Not for learning: an ARP probe (sender IP 0), a multicast or
         * zero sender, or a port already bound (a race). */
        return OFC_CONSUMED;
    }

    struct binding b;
    char mac[18], ip[16], *error;
    memcpy(b.mac, pkt.arp_sha, 6);
    b.ip = pkt.arp_spa;
    learned_add(dpid, port_no, &b);
    if (arp_save_state(&error)) {
        OFC_ERR(arp_log(), dpid, "learned binding of port %"PRIu32" not "
                "saved (it is used until ofcd restarts): %s", port_no,
                error);
        free(error);
    }
    OFC_INFO(arp_log(), dpid, "arp guard: port %"PRIu32" (%s) bound to "
             "%s %s (learned)", port_no, port->name,
             arp_format_mac(b.mac, mac), arp_format_ipv4(b.ip, ip));
    arp_render_switch(sw);
    return OFC_CONSUMED;
}

/* ---- JSON. ------------------------------------------------------------ */

/* Returns the port spec of 'g' as JSON: "all", a number or a name. */
static json_t *
port_spec_json(const struct guard *g)
{
    return (g->all ? json_string("all")
            : g->port_no ? json_integer(g->port_no)
            : ofc_rest_string(g->port_name));
}

/* Returns binding 'b' as {"mac", "ip"} (a new object). */
static json_t *
binding_json(const struct binding *b)
{
    char mac[18], ip[16];
    return json_pack("{s:s, s:s}", "mac", arp_format_mac(b->mac, mac),
                     "ip", arp_format_ipv4(b->ip, ip));
}

/* Returns 'g' as stored: {"dpid", "port", "ipv4", "bindings"}. */
static json_t *
guard_state_json(const struct guard *g)
{
    json_t *list = json_array();
    for (size_t i = 0; i < g->n_bindings; i++) {
        json_array_append_new(list, binding_json(&g->bindings[i]));
    }
    return json_pack("{s:o, s:o, s:b, s:o}", "dpid",
                     ofc_rest_dpid_json(g->dpid), "port", port_spec_json(g),
                     "ipv4", g->ipv4, "bindings", list);
}

/* Returns 'g' as GET shows it: the stored form plus "enabled", "source"
 * and its learned bindings, each with "port" and "source". */
static json_t *
guard_json(const struct guard *g)
{
    json_t *o = guard_state_json(g);
    json_t *list = json_object_get(o, "bindings");
    size_t i;
    json_t *e;

    json_array_foreach (list, i, e) {
        json_object_set_new(e, "source", json_string("static"));
    }
    for (i = 0; i < n_learned; i++) {
        if (guard_covers_learned(g, &learned[i]) && !g->n_bindings) {
            e = binding_json(&learned[i].b);
            json_object_set_new(e, "port",
                                json_integer(learned[i].port_no));
            json_object_set_new(e, "source", json_string("learned"));
            json_array_append_new(list, e);
        }
    }
    json_object_set_new(o, "enabled", json_true());
    json_object_set_new(o, "source",
                        json_string(g->from_config ? "config" : "rest"));
    json_object_set_new(o, "mode", json_string(g->n_bindings ? "static"
                                               : "learn"));
    return o;
}

json_t *
arp_guard_state_guards(void)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n_guards; i++) {
        if (!guards[i]->from_config) {
            json_array_append_new(list, guard_state_json(guards[i]));
        }
    }
    return list;
}

json_t *
arp_guard_state_learned(void)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n_learned; i++) {
        json_t *e = binding_json(&learned[i].b);
        json_object_set_new(e, "dpid", ofc_rest_dpid_json(learned[i].dpid));
        json_object_set_new(e, "port", json_integer(learned[i].port_no));
        json_array_append_new(list, e);
    }
    return list;
}

/* Parses binding object 'v' at 'path' into '*b'. */
static bool
parse_binding(struct ofc_jc *jc, const json_t *v, const char *path,
              const char *const keys[], struct binding *b)
{
    const char *mac, *ip;
    ofc_jc_object(jc, v, path, keys);
    if (ofc_jc_get_string(jc, v, path, "mac", true, true, 64, &mac)
        && (!arp_parse_mac(mac, b->mac) || b->mac[0] & 1
            || !memcmp(b->mac, (uint8_t[6]) { 0 }, 6))) {
        char *p = ofc_jc_path_key(path, "mac");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "\"%s\" is not a unicast MAC "
                    "address xx:xx:xx:xx:xx:xx", mac);
        free(p);
    }
    if (ofc_jc_get_string(jc, v, path, "ip", true, true, 64, &ip)
        && (!arp_parse_ipv4(ip, &b->ip) || !b->ip)) {
        char *p = ofc_jc_path_key(path, "ip");
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "\"%s\" is not an IPv4 "
                    "address A.B.C.D", ip);
        free(p);
    }
    return ofc_jc_ok(jc);
}

/* Parses the guard settings object 'v' at 'path' (keys 'keys': "ipv4",
 * "bindings", and maybe "enabled", "dpid", "port") into 'g'.  Returns
 * false with a failure in 'jc'. */
static bool
parse_settings(struct ofc_jc *jc, const json_t *v, const char *path,
               const char *const keys[], struct guard *g)
{
    static const char *const binding_keys[] = { "mac", "ip", NULL };
    const json_t *list;

    ofc_jc_object(jc, v, path, keys);
    ofc_jc_get_bool(jc, v, path, "ipv4", false, &g->ipv4);
    list = ofc_jc_member(jc, v, path, "bindings", false);
    if (list) {
        char *p = ofc_jc_path_key(path, "bindings");
        if (ofc_jc_array(jc, list, p, 0, GUARD_MAX_BINDINGS)) {
            g->bindings = ofc_xzalloc((json_array_size(list) + 1)
                                      * sizeof *g->bindings);
            for (size_t i = 0; i < json_array_size(list); i++) {
                char *pi = ofc_jc_path_index(p, i);
                if (parse_binding(jc, json_array_get(list, i), pi,
                                  binding_keys,
                                  &g->bindings[g->n_bindings])) {
                    g->n_bindings++;
                }
                free(pi);
            }
        }
        free(p);
    }
    return ofc_jc_ok(jc);
}

/* Parses a port spec string: "all", a number, or a name.  Returns false
 * (with a failure at 'path') if it is none of them. */
static bool
parse_port_spec(struct ofc_jc *jc, const char *s, const char *path,
                struct guard *g)
{
    if (!strcmp(s, "all")) {
        g->all = true;
    } else if (*s && strspn(s, "0123456789") == strlen(s)) {
        unsigned long long n = strlen(s) <= 10 ? strtoull(s, NULL, 10) : 0;
        if (n < 1 || n > OFPP_MAX) {
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path, "port %s is not "
                               "a port number 1-%u", s, OFPP_MAX);
        }
        g->port_no = n;
    } else if (*s && strlen(s) <= 15) {
        g->port_name = ofc_xstrdup(s);
    } else {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path, "must be \"all\", a "
                           "port number or a port name of 1-15 bytes");
    }
    return true;
}

bool
arp_guard_state_load(struct ofc_jc *jc, const json_t *gl, const json_t *ll)
{
    static const char *const keys[] = {
        "dpid", "port", "ipv4", "bindings", NULL,
    };
    static const char *const lkeys[] = { "dpid", "port", "mac", "ip", NULL };

    if (gl && ofc_jc_array(jc, gl, "$.data.guards", 0, SIZE_MAX)) {
        for (size_t i = 0; ofc_jc_ok(jc) && i < json_array_size(gl); i++) {
            char *p = ofc_jc_path_index("$.data.guards", i);
            const json_t *v = json_array_get(gl, i);
            struct guard *g = ofc_xzalloc(sizeof *g);
            const char *dpid;
            const json_t *port;
            if (parse_settings(jc, v, p, keys, g)
                && ofc_jc_get_string(jc, v, p, "dpid", true, true, 32, &dpid)
                && !ofc_rest_parse_dpid(dpid, &g->dpid)) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "bad dpid");
            }
            port = ofc_jc_member(jc, v, p, "port", true);
            if (port && json_is_integer(port)) {
                char s[24];
                snprintf(s, sizeof s, "%"JSON_INTEGER_FORMAT,
                         json_integer_value(port));
                parse_port_spec(jc, s, p, g);
            } else if (port && json_is_string(port)) {
                parse_port_spec(jc, json_string_value(port), p, g);
            } else if (port) {
                ofc_jc_fail(jc, OFC_JC_BAD_TYPE, p, "bad port");
            }
            if (ofc_jc_ok(jc)) {
                guard_insert(g);
            } else {
                guard_free(g);
            }
            free(p);
        }
    }
    if (ll && ofc_jc_array(jc, ll, "$.data.learned", 0, SIZE_MAX)) {
        for (size_t i = 0; ofc_jc_ok(jc) && i < json_array_size(ll); i++) {
            char *p = ofc_jc_path_index("$.data.learned", i);
            const json_t *v = json_array_get(ll, i);
            struct binding b;
            const char *dpid_s;
            uint64_t dpid = 0, port = 0;
            parse_binding(jc, v, p, lkeys, &b);
            ofc_jc_get_uint(jc, v, p, "port", true, 1, OFPP_MAX, &port);
            if (ofc_jc_get_string(jc, v, p, "dpid", true, true, 32, &dpid_s)
                && !ofc_rest_parse_dpid(dpid_s, &dpid)) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "bad dpid");
            }
            if (ofc_jc_ok(jc)) {
                learned_add(dpid, port, &b);
            }
            free(p);
        }
    }
    return ofc_jc_ok(jc);
}

/* ---- Configuration. --------------------------------------------------- */

/* Parses the configuration's "arp_guard" 'v' into new guards, appended to
 * '*out' ('*n_out').  Returns false with a failure in 'jc'. */
static bool
config_parse(struct ofc_jc *jc, const json_t *v, struct guard ***out,
             size_t *n_out)
{
    static const char *const keys[] = { "ipv4", "bindings", NULL };
    const char *dpid_s, *port_s;
    const json_t *ports, *settings;

    *out = NULL;
    *n_out = 0;
    if (!v || !ofc_jc_object(jc, v, "$.arp_guard", NULL)) {
        return ofc_jc_ok(jc);
    }
    json_object_foreach ((json_t *) v, dpid_s, ports) {
        char *pd = ofc_jc_path_key("$.arp_guard", dpid_s);
        uint64_t dpid;
        if (!ofc_rest_parse_dpid(dpid_s, &dpid)) {
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, pd, "not a datapath id");
        } else if (ofc_jc_object(jc, ports, pd, NULL)) {
            json_object_foreach ((json_t *) ports, port_s, settings) {
                char *pp = ofc_jc_path_key(pd, port_s);
                struct guard *g = ofc_xzalloc(sizeof *g);
                g->dpid = dpid;
                g->from_config = true;
                if (parse_port_spec(jc, port_s, pp, g)
                    && parse_settings(jc, settings, pp, keys, g)
                    && guard_find(g) == SIZE_MAX) {
                    *out = ofc_xrealloc(*out, (*n_out + 1) * sizeof **out);
                    (*out)[(*n_out)++] = g;
                } else {
                    ofc_jc_fail(jc, OFC_JC_BAD_VALUE, pp, "duplicate port");
                    guard_free(g);
                }
                free(pp);
                if (!ofc_jc_ok(jc)) {
                    break;
                }
            }
        }
        free(pd);
        if (!ofc_jc_ok(jc)) {
            break;
        }
    }
    /* Two entries of the new set for the same port ("3" and "03"). */
    for (size_t i = 0; ofc_jc_ok(jc) && i < *n_out; i++) {
        for (size_t j = 0; j < i; j++) {
            struct guard *a = (*out)[i], *b = (*out)[j];
            if (a->dpid == b->dpid && a->all == b->all
                && a->port_no == b->port_no
                && (a->port_name == b->port_name
                    || (a->port_name && b->port_name
                        && !strcmp(a->port_name, b->port_name)))) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, "$.arp_guard",
                            "switch %016"PRIx64" has the same port twice",
                            a->dpid);
                break;
            }
        }
    }
    if (!ofc_jc_ok(jc)) {
        for (size_t i = 0; i < *n_out; i++) {
            guard_free((*out)[i]);
        }
        free(*out);
        *out = NULL;
        *n_out = 0;
        return false;
    }
    return true;
}

bool
arp_guard_config_check(struct ofc_jc *jc, const json_t *v)
{
    struct guard **list;
    size_t n;
    if (!config_parse(jc, v, &list, &n)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        guard_free(list[i]);
    }
    free(list);
    return true;
}

void
arp_guard_config_apply(const json_t *v)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    struct guard **list;
    size_t n = 0;

    /* Drop the configuration's guards, keep the REST ones. */
    size_t k = 0;
    for (size_t i = 0; i < n_guards; i++) {
        if (guards[i]->from_config) {
            guard_free(guards[i]);
        } else {
            guards[k++] = guards[i];
        }
    }
    n_guards = k;
    if (!config_parse(&jc, v, &list, &n)) {
        OFC_ERR(arp_log(), OFC_NO_DPID, "arp_guard refused: %s",
                ofc_jc_message(&jc));
    }
    ofc_jc_destroy(&jc);
    for (size_t i = 0; i < n; i++) {
        /* The configuration wins over a REST guard of the same port. */
        size_t j = guard_find(list[i]);
        if (j != SIZE_MAX) {
            guard_free(guard_remove_at(j));
        }
        guard_insert(list[i]);
    }
    free(list);
}

/* ---- REST. ------------------------------------------------------------ */

void
arp_guard_handle_get(const struct ofc_rest_request *req,
                     struct ofc_rest_response *resp, void *aux)
{
    static const char *const no_params[] = { NULL };
    if (!ofc_rest_check_query(req, resp, no_params)) {
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n_guards; i++) {
        json_array_append_new(list, guard_json(guards[i]));
    }
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "guards", list));
}

/* Checks the guard's port against a connected switch: a port number or
 * name the switch does not have is refused.  Returns false after
 * replying. */
static bool
check_port_exists(const struct ofc_rest_request *req,
                  struct ofc_rest_response *resp, const struct guard *g)
{
    struct ofc_switch *sw = ofc_switch_lookup(g->dpid);
    if (!sw || ofc_switch_is_dead(sw) || g->all) {
        return true;
    }
    if (g->port_no ? !ofc_switch_port(sw, g->port_no)
        : !arp_port_by_name(sw, g->port_name)) {
        ofc_rest_reply_error(resp, req, 404, "not_found", "switch %016"PRIx64
                             " has no port %s", g->dpid, req->params[1]);
        return false;
    }
    return true;
}

void
arp_guard_handle_put(const struct ofc_rest_request *req,
                     struct ofc_rest_response *resp, void *aux)
{
    static const char *const keys[] = {
        "enabled", "ipv4", "bindings", NULL,
    };
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    struct guard *g = ofc_xzalloc(sizeof *g);
    bool enabled = true;
    json_t *body = NULL;

    if (!ofc_rest_parse_dpid(req->params[0], &g->dpid)) {
        ofc_rest_reply_error(resp, req, 400, "bad_dpid",
                             "\"%s\" is not a datapath id", req->params[0]);
        goto out;
    }
    if (!parse_port_spec(&jc, req->params[1], "port", g)) {
        ofc_rest_reply_error(resp, req, 400, "bad_value", "%s",
                             ofc_jc_message(&jc));
        goto out;
    }
    body = ofc_rest_body_object(req, resp);
    if (!body) {
        goto out;
    }
    ofc_jc_get_bool(&jc, body, "$", "enabled", false, &enabled);
    if (!parse_settings(&jc, body, "$", keys, g)) {
        ofc_rest_reply_error(resp, req, 400, ofc_jc_code(&jc), "%s",
                             ofc_jc_message(&jc));
        goto out;
    }
    if (!check_port_exists(req, resp, g)) {
        goto out;
    }
    size_t i = guard_find(g);
    if (i != SIZE_MAX && guards[i]->from_config) {
        ofc_rest_reply_error(resp, req, 409, "conflict", "the guard of this "
                             "port is defined in the configuration");
        goto out;
    }

    /* Apply, save, and undo if the save fails. */
    struct guard *old = i != SIZE_MAX ? guard_remove_at(i) : NULL;
    struct learned *taken;
    size_t n_taken;
    char *error;
    learned_take(g, &taken, &n_taken);
    if (enabled) {
        guard_insert(g);
    }
    if (arp_save_state(&error)) {
        if (enabled) {
            n_guards--;
        }
        if (old) {
            guard_insert(old);
        }
        for (size_t j = 0; j < n_taken; j++) {
            learned_add(taken[j].dpid, taken[j].port_no, &taken[j].b);
        }
        free(taken);
        ofc_rest_reply_error(resp, req, 500, "storage", "%s", error);
        free(error);
        goto out;
    }
    free(taken);

    json_t *reply;
    if (enabled) {
        reply = guard_json(g);
        g = NULL;
    } else {
        reply = json_pack("{s:o, s:o, s:b}", "dpid",
                          ofc_rest_dpid_json(g->dpid), "port",
                          port_spec_json(g), "enabled", false);
    }
    OFC_INFO(arp_log(), OFC_NO_DPID, "arp guard %s on %s port %s",
             enabled ? "set" : "removed", req->params[0], req->params[1]);
    guard_free(old);
    arp_render_all();
    ofc_rest_reply_json(resp, 200, reply);
out:
    guard_free(g);
    json_decref(body);
    ofc_jc_destroy(&jc);
}
