/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The VLAN app (see vlan.h): holds the running VLAN configuration, tells
 * the L2 pipeline how each port carries VLANs, re-renders switches after a
 * reload, serves GET /v1/vlans and hands routing events to the router
 * (vlan-router.c). */

#include "apps/vlan.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/l2.h"
#include "apps/l2-flows.h"
#include "apps/l2-hosts.h"
#include "apps/vlan-router.h"
#include "controller/log.h"
#include "controller/route.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-port.h"

/* The most changed ports a reload summary names. */
#define VLAN_LOG_MAX_CHANGED 16

/* The configuration without any VLAN keys: every port untagged in VLAN 1.
 * In effect until init, and when the app is disabled. */
static const struct vlan_config default_config = {
    .default_port = { .native_vlan = 1 },
};

static struct vlan_config *running;     /* Owned; NULL: default_config. */
static void (*listener)(struct ofc_switch *);

/* The log module "vlan". */
OFC_LOG_MODULE(vlan_log_module, "vlan")

/* ---- Policy. ---------------------------------------------------------- */

const struct vlan_config *
vlan_running_config(void)
{
    return running ? running : &default_config;
}

void
vlan_set_listener(void (*changed)(struct ofc_switch *))
{
    listener = changed;
}

const char *
vlan_bridge_name(const struct ofc_switch *sw)
{
    const struct ofp_port *local = ofc_switch_port(sw, OFPP_LOCAL);
    return local && local->name[0] ? local->name : NULL;
}

/* How 'port' of 'sw' carries VLANs under 'cfg'. */
static const struct vlan_port *
port_policy(const struct vlan_config *cfg, const struct ofc_switch *sw,
            const struct ofp_port *port)
{
    return vlan_config_port(cfg, ofc_switch_dpid(sw), vlan_bridge_name(sw),
                            port->port_no, port->name);
}

const struct vlan_port *
vlan_port_policy(const struct ofc_switch *sw, const struct ofp_port *port)
{
    return port_policy(vlan_running_config(), sw, port);
}

/* True if 'port' of a switch gets a VLAN policy: a real port, or the
 * bridge's LOCAL port (the L2 pipeline renders both). */
static bool
is_real_port(const struct ofp_port *port)
{
    return ((port->port_no && port->port_no <= OFPP_MAX)
            || port->port_no == OFPP_LOCAL);
}

/* Returns 'port_no' as the REST API shows it: an integer, or "LOCAL". */
static json_t *
port_no_json(uint32_t port_no)
{
    return (port_no == OFPP_LOCAL ? json_string("LOCAL")
            : json_integer(port_no));
}

/* ---- Configuration. --------------------------------------------------- */

/* check_config: parses 'doc' and throws the result away. */
static int
vlan_check_config(const json_t *doc, const char *file, char **error)
{
    struct vlan_config *cfg;
    int err = vlan_config_parse(doc, file, &cfg, error);
    if (!err) {
        vlan_config_free(cfg);
    }
    return err;
}

/* Counts the per-switch port entries of 'cfg'. */
static size_t
count_port_entries(const struct vlan_config *cfg)
{
    size_t n = 0;
    for (size_t i = 0; i < cfg->n_switches; i++) {
        n += cfg->switches[i].n_ports;
    }
    return n;
}

/* What a reload changed: the ports (of connected switches) whose policy
 * differs between 'old' and 'new', for the log. */
struct reload_diff {
    const struct vlan_config *old, *new;
    struct ofp_ds names;        /* "DPID:NAME, ..." (the first few). */
    size_t n_changed;
};

/* ofc_switch_for_each() callback: adds 'sw''s changed ports to the
 * reload_diff 'aux'. */
static void
diff_switch(struct ofc_switch *sw, void *aux)
{
    struct reload_diff *d = aux;
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);

    for (size_t i = 0; i < n; i++) {
        const struct ofp_port *p = &ports[i];
        if (!is_real_port(p)
            || vlan_port_equal(port_policy(d->old, sw, p),
                               port_policy(d->new, sw, p))) {
            continue;
        }
        if (d->n_changed++ < VLAN_LOG_MAX_CHANGED) {
            ofp_ds_put_format(&d->names, "%s%016"PRIx64":%s",
                              d->names.length ? ", " : "",
                              ofc_switch_dpid(sw), p->name);
        }
    }
}

/* Logs what the reload from 'old' to 'new' does ('startup': the first
 * configuration, no switch yet). */
static void
log_reload(const struct vlan_config *old, const struct vlan_config *new,
           bool startup)
{
    struct reload_diff d = { .old = old, .new = new };

    ofp_ds_init(&d.names);
    if (!startup) {
        /* At startup the switch registry does not exist yet. */
        ofc_switch_for_each(diff_switch, &d);
    }
    if (d.n_changed > VLAN_LOG_MAX_CHANGED) {
        ofp_ds_put_format(&d.names, " and %zu more",
                          d.n_changed - VLAN_LOG_MAX_CHANGED);
    }
    ofc_log(vlan_log_module, OFC_LOG_INFO, OFC_NO_DPID,
            "vlan: %zu VLANs, %zu port entries, %zu profiles, %zu routers; "
            "ports changed: %s", new->n_vlans, count_port_entries(new),
            new->n_profiles, new->n_routers,
            d.n_changed ? ofp_ds_cstr(&d.names) : "none");
    ofp_ds_destroy(&d.names);
}

/* ofc_switch_for_each() callback: re-renders 'sw' under the new policy. */
static void
rerender_switch(struct ofc_switch *sw, void *aux)
{
    if (ofc_switch_is_dead(sw)) {
        return;
    }
    if (listener) {
        listener(sw);
    }
    vlan_router_render(sw, vlan_running_config());
}

/* Parses 'doc' and makes it the running configuration; on a reload
 * ('startup' false) re-renders every connected switch before the old
 * configuration is freed (the listener may still compare with it). */
static int
vlan_apply(const json_t *doc, bool startup)
{
    struct vlan_config *cfg;
    char *error;
    json_t *empty = doc ? NULL : json_object();
    int err = vlan_config_parse(doc ? doc : empty, "configuration", &cfg,
                                &error);
    json_decref(empty);
    if (err) {
        /* ofcd checked the document first, so this is not expected. */
        ofc_log(vlan_log_module, OFC_LOG_ERR, OFC_NO_DPID,
                "vlan: configuration refused: %s", error);
        free(error);
        return err;
    }

    struct vlan_config *old = running;
    log_reload(old ? old : &default_config, cfg, startup);
    running = cfg;
    if (!startup) {
        ofc_switch_for_each(rerender_switch, NULL);
    }
    vlan_config_free(old);
    return 0;
}

/* init: the configuration at startup. */
static int
vlan_init(struct ofc_ctx *ctx, const json_t *doc)
{
    return vlan_apply(doc, true);
}

/* reconfigure: a reload (SIGHUP or PUT /v1/config). */
static int
vlan_reconfigure(struct ofc_ctx *ctx, const json_t *doc)
{
    return vlan_apply(doc, false);
}

/* ---- Events. ---------------------------------------------------------- */

/* switch_up: the router's flows. */
static void
vlan_switch_up(struct ofc_switch *sw)
{
    vlan_router_render(sw, vlan_running_config());
}

/* switch_down: the router forgets the switch. */
static void
vlan_switch_down(struct ofc_switch *sw)
{
    vlan_router_switch_down(sw);
}

/* packet_in: only the router's packet-ins are ours. */
static enum ofc_verdict
vlan_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    return vlan_router_packet_in(sw, pin);
}

/* flow_removed: expired host routes. */
static void
vlan_flow_removed(struct ofc_switch *sw, const struct ofp_flow_removed *fr)
{
    vlan_router_flow_removed(sw, fr);
}

/* status: for GET /v1/apps. */
static json_t *
vlan_status(void)
{
    const struct vlan_config *cfg = vlan_running_config();
    json_t *router = vlan_router_status();
    return json_pack("{s:I, s:I, s:I, s:I, s:o}",
                     "vlans", (json_int_t) cfg->n_vlans,
                     "profiles", (json_int_t) cfg->n_profiles,
                     "port_entries", (json_int_t) count_port_entries(cfg),
                     "routers", (json_int_t) cfg->n_routers,
                     "router", router ? router : json_object());
}

/* ---- GET /v1/vlans. --------------------------------------------------- */

/* One connected switch as the listing sees it. */
struct vlan_view_switch {
    struct ofc_switch *sw;
    const struct vlan_port **policies;  /* Per port of 'ports' (NULL for
                                         * reserved ports).  Owned. */
    const struct ofp_port *ports;
    size_t n_ports;
    uint32_t *hosts;            /* Learned hosts per VID [4096].  Owned. */
};

/* Everything the listing needs, gathered once per request. */
struct vlan_view {
    const struct vlan_config *cfg;
    struct vlan_view_switch *switches;  /* Sorted by dpid.  Owned. */
    size_t n_switches, allocated;
    struct vlan_set listed;     /* VIDs configured or in use. */
};

/* ofc_switch_for_each() callback: adds 'sw' to the view 'aux'. */
static void
view_add_switch(struct ofc_switch *sw, void *aux)
{
    struct vlan_view *v = aux;

    if (ofc_switch_is_dead(sw)) {
        return;
    }
    if (v->n_switches >= v->allocated) {
        v->allocated = 2 * v->allocated + 4;
        v->switches = ofc_xrealloc(v->switches,
                                   v->allocated * sizeof *v->switches);
    }
    struct vlan_view_switch *vs = &v->switches[v->n_switches++];
    vs->sw = sw;
    vs->ports = ofc_switch_ports(sw, &vs->n_ports);
    vs->policies = ofc_xzalloc((vs->n_ports ? vs->n_ports : 1)
                               * sizeof *vs->policies);
    vs->hosts = ofc_xzalloc(4096 * sizeof *vs->hosts);
    for (size_t i = 0; i < vs->n_ports; i++) {
        if (is_real_port(&vs->ports[i])) {
            vs->policies[i] = port_policy(v->cfg, sw, &vs->ports[i]);
            uint16_t native = vs->policies[i]->native_vlan;
            if (native) {
                vlan_set_add(&v->listed, native);
            }
        }
    }
    const struct l2_hosts *hosts = l2_switch_hosts(sw);
    if (hosts) {
        size_t pos = 0;
        const struct l2_host *h;
        while ((h = l2_hosts_next(hosts, &pos)) != NULL) {
            vs->hosts[h->vlan]++;
            if (h->vlan >= VLAN_MIN && h->vlan <= VLAN_MAX) {
                vlan_set_add(&v->listed, h->vlan);
            }
        }
    }
}

/* qsort() comparison of view switches by dpid. */
static int
compare_view_switches(const void *a_, const void *b_)
{
    uint64_t a = ofc_switch_dpid(((const struct vlan_view_switch *) a_)->sw);
    uint64_t b = ofc_switch_dpid(((const struct vlan_view_switch *) b_)->sw);
    return a < b ? -1 : a > b;
}

/* Gathers the view of the running configuration and connected switches. */
static void
view_init(struct vlan_view *v)
{
    memset(v, 0, sizeof *v);
    v->cfg = vlan_running_config();
    for (size_t i = 0; i < v->cfg->n_vlans; i++) {
        vlan_set_add(&v->listed, v->cfg->vlans[i].vid);
    }
    ofc_switch_for_each(view_add_switch, v);
    if (v->n_switches) {
        qsort(v->switches, v->n_switches, sizeof *v->switches,
              compare_view_switches);
    }
}

/* Frees what view_init() allocated. */
static void
view_destroy(struct vlan_view *v)
{
    for (size_t i = 0; i < v->n_switches; i++) {
        free(v->switches[i].policies);
        free(v->switches[i].hosts);
    }
    free(v->switches);
}

/* Returns 'gateway'/'len' as "A.B.C.D/LEN" (a new JSON string). */
static json_t *
gateway_json(uint32_t gateway, uint8_t len)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%"PRIu32".%"PRIu32".%"PRIu32".%"PRIu32"/%u",
             gateway >> 24, (gateway >> 16) & 0xff, (gateway >> 8) & 0xff,
             gateway & 0xff, (unsigned int) len);
    return json_string(buf);
}

/* Returns the member ports of VLAN 'vid' on 'vs' (a new JSON array). */
static json_t *
member_ports_json(const struct vlan_view_switch *vs, uint16_t vid)
{
    json_t *ports = json_array();
    for (size_t i = 0; i < vs->n_ports; i++) {
        const struct vlan_port *pol = vs->policies[i];
        if (!pol) {
            continue;
        }
        bool tagged = vlan_set_has(&pol->tagged, vid);
        bool untagged = pol->native_vlan == vid;
        if (!tagged && !untagged) {
            continue;
        }
        bool trunk = false;
        for (size_t j = 0; j < 64 && !trunk; j++) {
            trunk = pol->tagged.bits[j] != 0;
        }
        const char *mode = tagged ? "trunk" : trunk ? "native" : "access";
        json_array_append_new(ports, json_pack(
            "{s:o, s:o, s:s, s:b}",
            "port_no", port_no_json(vs->ports[i].port_no),
            "name", ofc_rest_string(vs->ports[i].name),
            "mode", mode, "tagged", tagged));
    }
    return ports;
}

/* Returns VLAN 'vid' as GET /v1/vlans shows it (a new JSON object). */
static json_t *
vlan_json(const struct vlan_view *v, uint16_t vid)
{
    const struct vlan_info *info = vlan_config_vlan(v->cfg, vid);
    json_t *switches = json_array();

    for (size_t i = 0; i < v->n_switches; i++) {
        const struct vlan_view_switch *vs = &v->switches[i];
        json_t *ports = member_ports_json(vs, vid);
        if (!json_array_size(ports) && !vs->hosts[vid]) {
            json_decref(ports);
            continue;
        }
        json_array_append_new(switches, json_pack(
            "{s:o, s:o, s:I, s:I}",
            "dpid", ofc_rest_dpid_json(ofc_switch_dpid(vs->sw)),
            "ports", ports,
            "hosts", (json_int_t) vs->hosts[vid],
            "flood_group", (json_int_t) l2_flows_flood_group_id(vid)));
    }
    return json_pack(
        "{s:i, s:o, s:o, s:o, s:b, s:o}",
        "vid", vid,
        "name", info && info->name ? ofc_rest_string(info->name)
                                   : json_null(),
        "description", (info && info->description
                        ? ofc_rest_string(info->description) : json_null()),
        "gateway", (info && info->has_gateway
                    ? gateway_json(info->gateway, info->prefix_len)
                    : json_null()),
        "configured", info != NULL,
        "switches", switches);
}

/* GET /v1/vlans: every VLAN configured or in use (some port's native
 * VLAN, or hosts learned in it). */
static void
handle_list(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    static const char *const no_params[] = { NULL };
    struct vlan_view v;

    if (!ofc_rest_check_query(req, resp, no_params)) {
        return;
    }
    view_init(&v);
    json_t *vlans = json_array();
    for (uint16_t vid = VLAN_MIN; vid <= VLAN_MAX; vid++) {
        if (vlan_set_has(&v.listed, vid)) {
            json_array_append_new(vlans, vlan_json(&v, vid));
        }
    }
    view_destroy(&v);
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "vlans", vlans));
}

/* Parses a VID: 1 to 4 decimal digits, 1 to 4094. */
static bool
parse_vid(const char *s, uint16_t *vid)
{
    size_t len = strlen(s);
    if (!len || len > 4 || strspn(s, "0123456789") != len) {
        return false;
    }
    unsigned long v = strtoul(s, NULL, 10);
    if (v < VLAN_MIN || v > VLAN_MAX) {
        return false;
    }
    *vid = v;
    return true;
}

/* GET /v1/vlans/{vid}: one VLAN. */
static void
handle_get(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    static const char *const no_params[] = { NULL };
    struct vlan_view v;
    uint16_t vid;

    if (!ofc_rest_check_query(req, resp, no_params)) {
        return;
    }
    if (!parse_vid(req->params[0], &vid)) {
        ofc_rest_reply_error(resp, req, 400, "bad_value",
                             "vid: \"%s\" is not a VLAN id (1 to %d)",
                             req->params[0], VLAN_MAX);
        return;
    }
    view_init(&v);
    if (vlan_set_has(&v.listed, vid)) {
        ofc_rest_reply_json(resp, 200, vlan_json(&v, vid));
    } else {
        ofc_rest_reply_error(resp, req, 404, "not_found",
                             "VLAN %u is neither configured nor in use",
                             (unsigned int) vid);
    }
    view_destroy(&v);
}

static const struct ofc_route vlan_routes[] = {
    { "GET", "/v1/vlans", handle_list, NULL },
    { "GET", "/v1/vlans/{vid}", handle_get, NULL },
    { NULL, NULL, NULL, NULL },
};

/* ---- The app. --------------------------------------------------------- */

static const char *const vlan_keys[] = {
    "vlans", "ports", "default_port", "switches", "routers", NULL
};

const struct ofc_app ofc_vlan_app = {
    .name = "vlan",
    .init = vlan_init,
    .reconfigure = vlan_reconfigure,
    .switch_up = vlan_switch_up,
    .switch_down = vlan_switch_down,
    .packet_in = vlan_packet_in,
    .flow_removed = vlan_flow_removed,
    .routes = vlan_routes,
    .status = vlan_status,
    .config_keys = vlan_keys,
    .check_config = vlan_check_config,
};
