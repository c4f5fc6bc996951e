/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The VLAN app's inter-VLAN router (see vlan-router.h and docs/vlan.md).
 *
 * Flows, per router R (index r) and each VLAN V it serves (V has a gateway
 * GW/len; a VLAN is served by the first router that joins it):
 *
 *   table 1, 1000: metadata=V, arp, arp_op=1, arp_tpa=GW -> the ARP reply
 *       built in place, sent back out of the ingress port through table 6
 *       (in_port moved to reg0, in_port zeroed so output to it is allowed).
 *   table 1, 1000: metadata=V, arp, arp_op=2, arp_tpa=GW -> controller,
 *       and on to table 2 so the L2 app still learns the sender.
 *   table 4, 200: metadata=V, dl_dst=RMAC -> metadata r<<12, table 5.
 *   table 5, 300: metadata=r, icmp, icmp_type=8, nw_dst=GW -> controller.
 *   table 5, 250: metadata=r, ip, nw_dst=GW -> drop.
 *   table 5, 100: metadata=r, ip, nw_dst=SUBNET(V) -> controller.
 *   table 5, 200: metadata=r, ip, nw_dst=H (resolved host H in V) ->
 *       eth_src=RMAC, eth_dst=HMAC, dec_ttl, metadata[0..19]=V, in_port=0,
 *       resubmit(,4) (goto_table cannot go back to table 4).
 *
 * The controller side keeps the resolved hosts (VLAN, IP -> MAC) once
 * for the whole controller: the gateways are distributed (every switch
 * answers for the same gateway address with the same router MAC), so a
 * host's ARP reply may come in on another switch than the one that asked
 * (a trunk joins them).  Each switch keeps the packets waiting for a
 * resolution.  An ARP reply on any switch records the binding and, on
 * every switch with packets waiting for that host, declares the host
 * route and releases them.  A binding lives as long as some switch has
 * its host route (idle timeout), and while its VLAN is routed.  Queues
 * are pruned lazily, whenever the router sees a packet-in or renders.
 * Its own frames are PACKET_OUTs that enter the pipeline as frames of a
 * VLAN ("set_field:VLAN->metadata"): ARP requests and packets released
 * on a switch other than the reply's by resubmit(,4) (the L2 app's host
 * flow, or the VLAN's flood); echo replies and the packets released on
 * the reply's switch by "set_field:PORT->reg0, resubmit(,6)" to the port
 * the request or the reply came from, so table 6 tags them. */

#include "apps/vlan-router.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/vlan-config.h"
#include "apps/vlan.h"
#include "controller/flow-store.h"
#include "controller/log.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-packet.h"

#define META_VLAN_MASK 0xfffull
#define META_ROUTE_MASK (VLAN_ROUTER_META_MASK | META_VLAN_MASK)

#define MAX_PENDING 256         /* Unresolved destinations per switch. */
#define MAX_HOSTS 4096          /* Resolved hosts (all switches). */

/* A resolved next hop: host 'ip' of VLAN 'vlan' has 'mac', for every
 * switch.  'sws' lists the switches on which its host route is declared;
 * the binding is forgotten when the last of them loses it.  Owned by
 * 'router_hosts'. */
struct router_host {
    struct ofc_hmap_node node;  /* In 'router_hosts'. */
    uint16_t vlan;
    uint32_t ip;
    uint8_t mac[6];
    struct ofc_switch **sws;    /* Array owned, switches not. */
    size_t n_sws;
};

/* The resolved hosts (struct router_host), initialized on first use. */
static struct ofc_hmap router_hosts;

/* A queued packet (an untagged frame as the switch sent it). */
struct router_packet {
    uint8_t *data;              /* Owned. */
    size_t len;
    long long msec;             /* When it was queued. */
};

/* A destination being resolved by ARP, with the packets waiting for it.
 * Owned by its switch's 'pending' map. */
struct router_pending {
    struct ofc_hmap_node node;  /* In router_switch 'pending'. */
    uint16_t vlan;
    uint32_t ip;
    long long arp_msec;         /* Last ARP request sent. */
    struct router_packet pkts[VLAN_ROUTER_QUEUE_LEN];
    size_t n_pkts;
};

/* The router's state for one switch (its queued packets), from the first
 * render (or packet-in) to switch_down.  Kept in a list of its own
 * because the VLAN app's data slot of the switch belongs to
 * apps/vlan.c. */
struct router_switch {
    struct ofc_list list_node;  /* In 'router_switches'. */
    struct ofc_switch *sw;
    struct ofc_hmap pending;    /* struct router_pending. */
};

static struct ofc_list router_switches = {
    &router_switches, &router_switches
};

/* Counters for the status. */
static struct {
    uint64_t arp_requests;      /* Sent by the controller. */
    uint64_t arp_replies;       /* Accepted from hosts. */
    uint64_t routed;            /* Packets forwarded by the controller. */
    uint64_t dropped;           /* Queue full, expired, unroutable. */
    uint64_t echo_replies;      /* ICMP echo replies from a gateway. */
    uint64_t expired;           /* Host routes that idled out. */
} router_stats;

/* The log module "router". */
OFC_LOG_MODULE(router_log, "router")

/* ---- Configuration helpers. ----------------------------------------- */

/* Returns router 'r' (1-based) of 'cfg', or NULL. */
static const struct vlan_router *
router_at(const struct vlan_config *cfg, size_t r)
{
    return (r >= 1 && r <= cfg->n_routers && r <= VLAN_ROUTER_MAX
            ? &cfg->routers[r - 1] : NULL);
}

/* True if 'router' lists 'vid'. */
static bool
router_joins(const struct vlan_router *router, uint16_t vid)
{
    for (size_t i = 0; i < router->n_vlans; i++) {
        if (router->vlans[i] == vid) {
            return true;
        }
    }
    return false;
}

/* Returns the index (1-based) of the router serving VLAN 'vid': the first
 * that joins it, if 'vid' has a gateway; else 0. */
static size_t
vlan_router_of(const struct vlan_config *cfg, uint16_t vid)
{
    const struct vlan_info *info = vlan_config_vlan(cfg, vid);
    if (!info || !info->has_gateway) {
        return 0;
    }
    for (size_t r = 1; router_at(cfg, r); r++) {
        if (router_joins(router_at(cfg, r), vid)) {
            return r;
        }
    }
    return 0;
}

/* Returns VLAN 'vid''s settings if router 'r' serves it, else NULL. */
static const struct vlan_info *
served_vlan(const struct vlan_config *cfg, size_t r, uint16_t vid)
{
    return (r && vlan_router_of(cfg, vid) == r
            ? vlan_config_vlan(cfg, vid) : NULL);
}

/* The netmask of 'info''s subnet (host order). */
static uint32_t
subnet_mask(const struct vlan_info *info)
{
    return (info->prefix_len ? UINT32_MAX << (32 - info->prefix_len)
            : 0);
}

/* True if 'ip' is a host address of 'info''s subnet other than the
 * gateway (not the network or broadcast address). */
static bool
subnet_host(const struct vlan_info *info, uint32_t ip)
{
    uint32_t mask = subnet_mask(info);
    return ((ip & mask) == (info->gateway & mask)
            && ip != info->gateway
            && (ip & ~mask) != 0 && (ip & ~mask) != ~mask);
}

/* Returns the VLAN served by router 'r' whose subnet holds host 'ip', or
 * NULL. */
static const struct vlan_info *
route_lookup(const struct vlan_config *cfg, size_t r, uint32_t ip)
{
    const struct vlan_router *router = router_at(cfg, r);
    for (size_t i = 0; router && i < router->n_vlans; i++) {
        const struct vlan_info *info = served_vlan(cfg, r, router->vlans[i]);
        if (info && subnet_host(info, ip)) {
            return info;
        }
    }
    return NULL;
}

/* Returns the VLAN served by router 'r' whose gateway is 'ip', or NULL. */
static const struct vlan_info *
gateway_lookup(const struct vlan_config *cfg, size_t r, uint32_t ip)
{
    const struct vlan_router *router = router_at(cfg, r);
    for (size_t i = 0; router && i < router->n_vlans; i++) {
        const struct vlan_info *info = served_vlan(cfg, r, router->vlans[i]);
        if (info && info->gateway == ip) {
            return info;
        }
    }
    return NULL;
}

/* ---- Per-switch state. ---------------------------------------------- */

/* Hash of a (VLAN, IP) key. */
static uint32_t
key_hash(uint16_t vlan, uint32_t ip)
{
    return ofc_hash_u64(((uint64_t) vlan << 32) | ip);
}

/* Returns the state of 'sw', creating it if 'create'. */
static struct router_switch *
rs_get(struct ofc_switch *sw, bool create)
{
    struct ofc_list *e;
    for (e = router_switches.next; e != &router_switches; e = e->next) {
        struct router_switch *rs = OFC_CONTAINER_OF(e, struct router_switch,
                                                    list_node);
        if (rs->sw == sw) {
            return rs;
        }
    }
    if (!create) {
        return NULL;
    }
    struct router_switch *rs = ofc_xzalloc(sizeof *rs);
    rs->sw = sw;
    ofc_hmap_init(&rs->pending);
    ofc_list_push_back(&router_switches, &rs->list_node);
    return rs;
}

/* Returns the map of resolved hosts, initializing it on first use. */
static struct ofc_hmap *
hosts_map(void)
{
    if (!router_hosts.buckets) {
        ofc_hmap_init(&router_hosts);
    }
    return &router_hosts;
}

/* Returns the resolved host 'ip' of VLAN 'vlan', or NULL. */
static struct router_host *
host_find(uint16_t vlan, uint32_t ip)
{
    uint32_t hash = key_hash(vlan, ip);
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(hosts_map(),
                                                            hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct router_host *h = OFC_CONTAINER_OF(n, struct router_host,
                                                 node);
        if (h->vlan == vlan && h->ip == ip) {
            return h;
        }
    }
    return NULL;
}

/* Returns a new resolved host 'ip' of VLAN 'vlan' (no MAC, no switch). */
static struct router_host *
host_create(uint16_t vlan, uint32_t ip)
{
    struct router_host *h = ofc_xzalloc(sizeof *h);
    h->vlan = vlan;
    h->ip = ip;
    ofc_hmap_insert(hosts_map(), &h->node, key_hash(vlan, ip));
    return h;
}

/* Forgets 'h'. */
static void
host_free(struct router_host *h)
{
    ofc_hmap_remove(&router_hosts, &h->node);
    free(h->sws);
    free(h);
}

/* True if 'h''s host route is declared on 'sw'. */
static bool
host_on_switch(const struct router_host *h, const struct ofc_switch *sw)
{
    for (size_t i = 0; i < h->n_sws; i++) {
        if (h->sws[i] == sw) {
            return true;
        }
    }
    return false;
}

/* Records that 'h''s host route is declared on 'sw'. */
static void
host_add_switch(struct router_host *h, struct ofc_switch *sw)
{
    if (!host_on_switch(h, sw)) {
        h->sws = ofc_xrealloc(h->sws, (h->n_sws + 1) * sizeof *h->sws);
        h->sws[h->n_sws++] = sw;
    }
}

/* Records that 'sw' no longer has 'h''s host route; forgets 'h' (and
 * returns true) if no switch has it any more. */
static bool
host_remove_switch(struct router_host *h, const struct ofc_switch *sw)
{
    for (size_t i = 0; i < h->n_sws; i++) {
        if (h->sws[i] == sw) {
            h->sws[i] = h->sws[--h->n_sws];
            break;
        }
    }
    if (!h->n_sws) {
        host_free(h);
        return true;
    }
    return false;
}

/* Returns the pending resolution of 'ip' in VLAN 'vlan', or NULL. */
static struct router_pending *
pending_find(const struct router_switch *rs, uint16_t vlan, uint32_t ip)
{
    uint32_t hash = key_hash(vlan, ip);
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(&rs->pending,
                                                            hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct router_pending *p = OFC_CONTAINER_OF(n, struct router_pending,
                                                    node);
        if (p->vlan == vlan && p->ip == ip) {
            return p;
        }
    }
    return NULL;
}

/* Drops the first 'n' queued packets of 'p'. */
static void
pending_drop_first(struct router_pending *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p->pkts[i].data);
    }
    memmove(p->pkts, p->pkts + n, (p->n_pkts - n) * sizeof *p->pkts);
    p->n_pkts -= n;
}

/* Removes and frees 'p' with its packets (counted as dropped if 'count'). */
static void
pending_free(struct router_switch *rs, struct router_pending *p, bool count)
{
    if (count) {
        router_stats.dropped += p->n_pkts;
    }
    pending_drop_first(p, p->n_pkts);
    ofc_hmap_remove(&rs->pending, &p->node);
    free(p);
}

/* Drops the packets queued longer than VLAN_ROUTER_QUEUE_MSEC and the
 * destinations left with no packet and no recent ARP request. */
static void
pending_prune(struct router_switch *rs, long long now)
{
    for (size_t b = 0; rs->pending.n && b <= rs->pending.mask; b++) {
        struct ofc_hmap_node *n = rs->pending.buckets[b];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            struct router_pending *p
                = OFC_CONTAINER_OF(n, struct router_pending, node);
            size_t old = 0;
            while (old < p->n_pkts
                   && now - p->pkts[old].msec >= VLAN_ROUTER_QUEUE_MSEC) {
                old++;
            }
            router_stats.dropped += old;
            pending_drop_first(p, old);
            if (!p->n_pkts
                && now - p->arp_msec >= VLAN_ROUTER_QUEUE_MSEC) {
                pending_free(rs, p, true);
            }
            n = next;
        }
    }
}

/* Frees 'rs' and everything in it. */
static void
rs_free(struct router_switch *rs)
{
    struct ofc_hmap_node *n;
    while ((n = ofc_hmap_any(&rs->pending))) {
        pending_free(rs, OFC_CONTAINER_OF(n, struct router_pending, node),
                     false);
    }
    ofc_hmap_destroy(&rs->pending);
    ofc_list_remove(&rs->list_node);
    free(rs);
}

/* ---- Flows. --------------------------------------------------------- */

/* Declares one router flow of the VLAN app. */
static void
put_flow(struct ofc_switch *sw, uint8_t table, uint16_t priority,
         const struct ofp_match *match, const struct ofp_instructions *inst,
         uint16_t idle)
{
    struct ofc_flow flow = {
        .table_id = table,
        .priority = priority,
        .match = match,
        .instructions = inst,
        .cookie_low = VLAN_ROUTER_COOKIE,
        .idle_timeout = idle,
        .flags = idle ? OFPFF_SEND_FLOW_REM : 0,
    };
    int error = ofc_flow_put(sw, &ofc_vlan_app, &flow);
    if (error && error != ENOTCONN) {
        OFC_WARN(router_log, ofc_switch_dpid(sw),
                 "table %u priority %u: flow not declared (%s)",
                 table, priority, strerror(error));
    }
}

/* Adds "metadata=VALUE/MASK" to 'm'. */
static void
match_metadata(struct ofp_match *m, uint64_t value, uint64_t mask)
{
    union ofp_field_value v = { .u64 = value };
    union ofp_field_value mk = { .u64 = mask };
    ofp_match_set(m, OFP_F_METADATA, &v, &mk);
}

/* An action "set_field:MAC->FIELD". */
static struct ofp_action
set_mac(enum ofp_field field, const uint8_t mac[6])
{
    struct ofp_action a = {
        .kind = OFP_ACT_SET_FIELD,
        .set_field = { .field = field },
    };
    memcpy(a.set_field.value.mac, mac, 6);
    return a;
}

/* An action "set_field:VALUE->FIELD" for an integer or IPv4 field. */
static struct ofp_action
set_u32(enum ofp_field field, uint32_t value)
{
    struct ofp_action a = {
        .kind = OFP_ACT_SET_FIELD,
        .set_field = { .field = field },
    };
    const struct ofp_field_info *fi = ofp_field_info(field);
    if (fi->type == OFP_FT_U8) {
        a.set_field.value.u8 = value;
    } else if (fi->type == OFP_FT_U16) {
        a.set_field.value.u16 = value;
    } else if (fi->type == OFP_FT_U64) {
        a.set_field.value.u64 = value;
    } else {
        a.set_field.value.u32 = value;
    }
    return a;
}

/* An action "move:SRC[]->DST[OFS..]" over 'n_bits'. */
static struct ofp_action
move(enum ofp_field src, enum ofp_field dst, uint16_t n_bits)
{
    return (struct ofp_action) {
        .kind = OFP_ACT_REG_MOVE,
        .reg_move = {
            .src = { .field = src, .ofs = 0, .n_bits = n_bits },
            .dst = { .field = dst, .ofs = 0, .n_bits = n_bits },
        },
    };
}

/* An action "load:VALUE->FIELD[0..N_BITS-1]". */
static struct ofp_action
load(enum ofp_field dst, uint16_t n_bits, uint64_t value)
{
    return (struct ofp_action) {
        .kind = OFP_ACT_REG_LOAD,
        .reg_load = {
            .dst = { .field = dst, .ofs = 0, .n_bits = n_bits },
            .value = value,
        },
    };
}

/* "resubmit(,TABLE)". */
static struct ofp_action
resubmit(uint8_t table)
{
    return (struct ofp_action) {
        .kind = OFP_ACT_RESUBMIT,
        .resubmit = { .in_port = OFPP_IN_PORT & 0xffff, .table = table },
    };
}

/* "CONTROLLER:65535" (whole frames). */
static const struct ofp_action to_controller = {
    .kind = OFP_ACT_OUTPUT,
    .output = { .port = OFPP_CONTROLLER, .max_len = OFPCML_NO_BUFFER },
};

/* Table 1: the ARP responder of 'info''s gateway, and its ARP replies to
 * the controller. */
static void
put_arp_flows(struct ofc_switch *sw, const struct vlan_info *info,
              const uint8_t rmac[6])
{
    struct ofp_match m;
    ofp_match_init(&m);
    match_metadata(&m, info->vid, META_VLAN_MASK);
    ofp_match_set_u16(&m, OFP_F_ETH_TYPE, OFP_ETH_TYPE_ARP);
    ofp_match_set_u16(&m, OFP_F_ARP_OP, OFP_ARP_OP_REQUEST);
    ofp_match_set_u32(&m, OFP_F_ARP_TPA, info->gateway);

    struct ofp_action reply[] = {
        move(OFP_F_ETH_SRC, OFP_F_ETH_DST, 48),
        set_mac(OFP_F_ETH_SRC, rmac),
        set_u32(OFP_F_ARP_OP, OFP_ARP_OP_REPLY),
        move(OFP_F_ARP_SHA, OFP_F_ARP_THA, 48),
        set_mac(OFP_F_ARP_SHA, rmac),
        move(OFP_F_ARP_SPA, OFP_F_ARP_TPA, 32),
        set_u32(OFP_F_ARP_SPA, info->gateway),
        move(OFP_F_IN_PORT, OFP_F_REG0, 16),
        load(OFP_F_IN_PORT, 16, 0),
    };
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .apply = { reply, sizeof reply / sizeof *reply },
        .goto_table = VLAN_ROUTER_TABLE_EGRESS,
    };
    put_flow(sw, VLAN_ROUTER_TABLE_ARP, VLAN_ROUTER_PRIO_ARP, &m, &inst, 0);

    ofp_match_set_u16(&m, OFP_F_ARP_OP, OFP_ARP_OP_REPLY);
    struct ofp_instructions to_ctl = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .apply = { &to_controller, 1 },
        .goto_table = VLAN_ROUTER_TABLE_ARP + 1,
    };
    put_flow(sw, VLAN_ROUTER_TABLE_ARP, VLAN_ROUTER_PRIO_ARP, &m, &to_ctl,
             0);
}

/* Table 4: frames of VLAN 'vid' to router 'r''s MAC go to table 5. */
static void
put_mac_flow(struct ofc_switch *sw, size_t r, uint16_t vid,
             const uint8_t rmac[6])
{
    struct ofp_match m;
    ofp_match_init(&m);
    match_metadata(&m, vid, META_VLAN_MASK);
    ofp_match_set_mac(&m, OFP_F_ETH_DST, rmac);
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_WRITE_METADATA)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .metadata = (uint64_t) r << VLAN_ROUTER_META_SHIFT,
        .metadata_mask = VLAN_ROUTER_META_MASK,
        .goto_table = VLAN_ROUTER_TABLE_ROUTE,
    };
    put_flow(sw, VLAN_ROUTER_TABLE_MAC, VLAN_ROUTER_PRIO_MAC, &m, &inst, 0);
}

/* Starts a table-5 match of router 'r' for IPv4 to 'ip'/'prefix_len'. */
static void
route_match(struct ofp_match *m, size_t r, uint32_t ip, unsigned prefix_len)
{
    ofp_match_init(m);
    match_metadata(m, (uint64_t) r << VLAN_ROUTER_META_SHIFT,
                   VLAN_ROUTER_META_MASK);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, OFP_ETH_TYPE_IPV4);
    ofp_match_set_ipv4_prefix(m, OFP_F_IPV4_DST, ip, prefix_len);
}

/* Table 5: router 'r''s flows for its gateway in 'info' and its subnet. */
static void
put_route_flows(struct ofc_switch *sw, size_t r, const struct vlan_info *info)
{
    struct ofp_match m;
    struct ofp_instructions to_ctl = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { &to_controller, 1 },
    };
    struct ofp_instructions drop = { .present = 0 };

    route_match(&m, r, info->gateway, 32);
    put_flow(sw, VLAN_ROUTER_TABLE_ROUTE, VLAN_ROUTER_PRIO_GW, &m, &drop, 0);
    ofp_match_set_u8(&m, OFP_F_IP_PROTO, OFP_IPPROTO_ICMP);
    ofp_match_set_u8(&m, OFP_F_ICMPV4_TYPE, OFP_ICMP_ECHO_REQUEST);
    put_flow(sw, VLAN_ROUTER_TABLE_ROUTE, VLAN_ROUTER_PRIO_ECHO, &m, &to_ctl,
             0);

    route_match(&m, r, info->gateway & subnet_mask(info), info->prefix_len);
    put_flow(sw, VLAN_ROUTER_TABLE_ROUTE, VLAN_ROUTER_PRIO_SUBNET, &m,
             &to_ctl, 0);
}

/* Table 5: the host route of router 'r' to host 'h'. */
static void
put_host_route(struct ofc_switch *sw, size_t r, const uint8_t rmac[6],
               const struct router_host *h)
{
    struct ofp_match m;
    route_match(&m, r, h->ip, 32);
    struct ofp_action actions[] = {
        set_mac(OFP_F_ETH_SRC, rmac),
        set_mac(OFP_F_ETH_DST, h->mac),
        { .kind = OFP_ACT_DEC_NW_TTL },
        load(OFP_F_METADATA, 20, h->vlan),
        load(OFP_F_IN_PORT, 16, 0),
        resubmit(VLAN_ROUTER_TABLE_MAC),
    };
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { actions, sizeof actions / sizeof *actions },
    };
    put_flow(sw, VLAN_ROUTER_TABLE_ROUTE, VLAN_ROUTER_PRIO_HOST, &m, &inst,
             VLAN_ROUTER_HOST_IDLE);
}

/* True if some router serves 'h''s VLAN and 'h' is a host of its
 * subnet. */
static bool
host_routable(const struct vlan_config *cfg, const struct router_host *h)
{
    const struct vlan_info *info = served_vlan(cfg,
                                               vlan_router_of(cfg, h->vlan),
                                               h->vlan);
    return info && subnet_host(info, h->ip);
}

/* Declares the route to 'h' on 'sw' (and records it in 'h') if 'h' is
 * routable; returns false (declaring nothing) otherwise. */
static bool
declare_host(struct ofc_switch *sw, const struct vlan_config *cfg,
             struct router_host *h)
{
    if (!host_routable(cfg, h)) {
        return false;
    }
    size_t r = vlan_router_of(cfg, h->vlan);
    put_host_route(sw, r, router_at(cfg, r)->mac, h);
    host_add_switch(h, sw);
    return true;
}

void
vlan_router_render(struct ofc_switch *sw, const struct vlan_config *cfg)
{
    static const uint8_t tables[] = {
        VLAN_ROUTER_TABLE_ARP, VLAN_ROUTER_TABLE_MAC, VLAN_ROUTER_TABLE_ROUTE,
    };
    struct router_switch *rs = rs_get(sw, true);

    for (size_t i = 0; i < sizeof tables; i++) {
        ofc_flow_mark(sw, &ofc_vlan_app, tables[i]);
    }

    if (cfg->n_routers > VLAN_ROUTER_MAX) {
        OFC_WARN(router_log, ofc_switch_dpid(sw),
                 "%zu routers configured, only the first %d are used",
                 cfg->n_routers, VLAN_ROUTER_MAX);
    }
    for (size_t r = 1; router_at(cfg, r); r++) {
        const struct vlan_router *router = router_at(cfg, r);
        for (size_t i = 0; i < router->n_vlans; i++) {
            uint16_t vid = router->vlans[i];
            const struct vlan_info *info = served_vlan(cfg, r, vid);
            if (!info) {
                size_t other = vlan_router_of(cfg, vid);
                if (other) {
                    OFC_WARN(router_log, ofc_switch_dpid(sw),
                             "router %s: VLAN %u is served by router %s",
                             router->name, vid,
                             router_at(cfg, other)->name);
                }
                continue;
            }
            put_arp_flows(sw, info, router->mac);
            put_mac_flow(sw, r, vid, router->mac);
            put_route_flows(sw, r, info);
        }
    }

    /* Hosts still routable keep their routes on 'sw'; the others are
     * forgotten by every switch (their routes are swept on each switch as
     * it is rendered after the reload). */
    struct ofc_hmap *hosts = hosts_map();
    for (size_t b = 0; hosts->n && b <= hosts->mask; b++) {
        struct ofc_hmap_node *n = hosts->buckets[b];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            struct router_host *h = OFC_CONTAINER_OF(n, struct router_host,
                                                     node);
            if (!host_routable(cfg, h)) {
                host_free(h);
            } else if (host_on_switch(h, sw)) {
                declare_host(sw, cfg, h);
            }
            n = next;
        }
    }
    for (size_t b = 0; rs->pending.n && b <= rs->pending.mask; b++) {
        struct ofc_hmap_node *n = rs->pending.buckets[b];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            struct router_pending *p
                = OFC_CONTAINER_OF(n, struct router_pending, node);
            size_t r = vlan_router_of(cfg, p->vlan);
            const struct vlan_info *info = served_vlan(cfg, r, p->vlan);
            if (!info || !subnet_host(info, p->ip)) {
                pending_free(rs, p, true);
            }
            n = next;
        }
    }
    pending_prune(rs, ofc_time_msec());

    size_t swept = 0;
    for (size_t i = 0; i < sizeof tables; i++) {
        swept += ofc_flow_sweep(sw, &ofc_vlan_app, tables[i]);
    }
    if (swept) {
        OFC_INFO(router_log, ofc_switch_dpid(sw),
                 "%zu router flows withdrawn", swept);
    }
}

/* ---- Packets from the controller. ----------------------------------- */

/* Sends 'data' into the pipeline as a frame of VLAN 'vlan' after 'pre':
 * if 'port' is nonzero straight to the egress table 6 for that port
 * (which tags it as the port carries 'vlan'), else to table 4 (the L2
 * app's host flows, then table 6; an unknown destination floods in the
 * VLAN). */
static void
send_in_vlan(struct ofc_switch *sw, uint16_t vlan, uint32_t port,
             const struct ofp_action *pre, size_t n_pre,
             const uint8_t *data, size_t len)
{
    struct ofp_action actions[8];
    size_t n = 0;
    for (size_t i = 0; i < n_pre && n < 5; i++) {
        actions[n++] = pre[i];
    }
    actions[n++] = set_u32(OFP_F_METADATA, vlan);
    if (port) {
        actions[n++] = set_u32(OFP_F_REG0, port);
        actions[n++] = resubmit(VLAN_ROUTER_TABLE_EGRESS);
    } else {
        actions[n++] = resubmit(VLAN_ROUTER_TABLE_MAC);
    }
    ofc_packet_out(sw, &ofc_vlan_app, OFPP_CONTROLLER, actions, n, data,
                   len);
}

/* Forwards the queued (or racing) packet 'data' to host 'h' from router
 * MAC 'rmac', out of 'port' (0: wherever the L2 app has the host). */
static void
forward_packet(struct ofc_switch *sw, const uint8_t rmac[6],
               const struct router_host *h, uint32_t port,
               const uint8_t *data, size_t len)
{
    struct ofp_action pre[] = {
        set_mac(OFP_F_ETH_SRC, rmac),
        set_mac(OFP_F_ETH_DST, h->mac),
        { .kind = OFP_ACT_DEC_NW_TTL },
    };
    send_in_vlan(sw, h->vlan, port, pre, sizeof pre / sizeof *pre, data,
                 len);
    router_stats.routed++;
}

/* Broadcasts an ARP request for 'ip' into VLAN 'info' from the gateway
 * (router MAC 'rmac'), through the VLAN's flood group. */
static void
send_arp_request(struct ofc_switch *sw, const uint8_t rmac[6],
                 const struct vlan_info *info, uint32_t ip)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_pkt_eth_spec eth = {
        .dst = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
    };
    memcpy(eth.src, rmac, 6);
    size_t len = ofp_packet_build_arp(&b, &eth, OFP_ARP_OP_REQUEST, rmac,
                                      info->gateway, NULL, ip);
    send_in_vlan(sw, info->vid, 0, NULL, 0, b.data + b.size - len, len);
    ofpbuf_uninit(&b);
    router_stats.arp_requests++;
}

/* Answers the ICMP echo request 'pkt' (from VLAN 'vlan', received on
 * 'in_port') to gateway 'gw' of the router with MAC 'rmac', back out of
 * 'in_port'. */
static void
send_echo_reply(struct ofc_switch *sw, uint16_t vlan, uint32_t in_port,
                const uint8_t rmac[6], uint32_t gw,
                const struct ofp_packet *pkt)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_pkt_eth_spec eth;
    memset(&eth, 0, sizeof eth);
    memcpy(eth.dst, pkt->eth_src, 6);
    memcpy(eth.src, rmac, 6);
    struct ofp_pkt_ipv4_spec ip = {
        .src = gw,
        .dst = pkt->ipv4_src,
        .ttl = 64,
    };
    size_t len = ofp_packet_build_icmp_echo(&b, &eth, &ip, true,
                                            pkt->icmp_id, pkt->icmp_seq,
                                            pkt->data + pkt->payload_ofs,
                                            pkt->payload_len);
    send_in_vlan(sw, vlan, in_port, NULL, 0, b.data + b.size - len, len);
    ofpbuf_uninit(&b);
    router_stats.echo_replies++;
}

/* Queues the packet 'data' for host 'ip' of VLAN 'info' and sends an ARP
 * request for it (at most one per VLAN_ROUTER_ARP_RETRY_MSEC). */
static void
queue_packet(struct ofc_switch *sw, struct router_switch *rs,
             const struct vlan_router *router, const struct vlan_info *info,
             uint32_t ip, const uint8_t *data, size_t len, long long now)
{
    struct router_pending *p = pending_find(rs, info->vid, ip);
    if (!p) {
        if (rs->pending.n >= MAX_PENDING) {
            router_stats.dropped++;
            return;
        }
        p = ofc_xzalloc(sizeof *p);
        p->vlan = info->vid;
        p->ip = ip;
        p->arp_msec = now - VLAN_ROUTER_ARP_RETRY_MSEC;
        ofc_hmap_insert(&rs->pending, &p->node, key_hash(info->vid, ip));
    }
    if (p->n_pkts < VLAN_ROUTER_QUEUE_LEN) {
        struct router_packet *q = &p->pkts[p->n_pkts++];
        q->data = ofc_xmalloc(len ? len : 1);
        memcpy(q->data, data, len);
        q->len = len;
        q->msec = now;
    } else {
        router_stats.dropped++;
    }
    if (now - p->arp_msec >= VLAN_ROUTER_ARP_RETRY_MSEC) {
        p->arp_msec = now;
        send_arp_request(sw, router->mac, info, ip);
    }
}

/* Handles a packet-in from table 5: to a gateway, or to a host of a
 * routed subnet without a host route yet. */
static void
handle_route(struct ofc_switch *sw, struct router_switch *rs,
             const struct vlan_config *cfg, uint64_t metadata,
             uint32_t in_port, const struct ofp_packet *pkt, long long now)
{
    size_t r = (metadata & VLAN_ROUTER_META_MASK) >> VLAN_ROUTER_META_SHIFT;
    uint16_t vlan = metadata & META_VLAN_MASK;
    const struct vlan_router *router = router_at(cfg, r);
    if (!router || pkt->l3 != OFP_PKT_L3_IPV4) {
        router_stats.dropped++;
        return;
    }

    const struct vlan_info *gw = gateway_lookup(cfg, r, pkt->ipv4_dst);
    if (gw) {
        if (pkt->l4 == OFP_PKT_L4_ICMP
            && pkt->icmp_type == OFP_ICMP_ECHO_REQUEST
            && !(pkt->flags & OFP_PKT_F_FRAGMENT)) {
            send_echo_reply(sw, vlan, in_port, router->mac, gw->gateway,
                            pkt);
        } else {
            router_stats.dropped++;
        }
        return;
    }

    const struct vlan_info *info = route_lookup(cfg, r, pkt->ipv4_dst);
    if (!info || pkt->ip_ttl <= 1) {
        router_stats.dropped++;
        return;
    }
    struct router_host *h = host_find(info->vid, pkt->ipv4_dst);
    if (h) {
        /* Resolved (maybe on another switch): the host route is on its way
         * or is declared on 'sw' now, without ARP. */
        declare_host(sw, cfg, h);
        forward_packet(sw, router->mac, h, 0, pkt->data, pkt->len);
        return;
    }
    queue_packet(sw, rs, router, info, pkt->ipv4_dst, pkt->data, pkt->len,
                 now);
}

/* Releases the packets of 'p' (queued on 'rs') to the now resolved host
 * 'h' from router MAC 'rmac': out of 'port' if nonzero (the port the
 * reply came in on, on the reply's switch), else through table 4 (the L2
 * app's host flow or the VLAN's flood).  Frees 'p'. */
static void
release_pending(struct router_switch *rs, struct router_pending *p,
                const uint8_t rmac[6], const struct router_host *h,
                uint32_t port, long long now)
{
    for (size_t i = 0; i < p->n_pkts; i++) {
        if (now - p->pkts[i].msec < VLAN_ROUTER_QUEUE_MSEC) {
            forward_packet(rs->sw, rmac, h, port, p->pkts[i].data,
                           p->pkts[i].len);
        } else {
            router_stats.dropped++;
        }
    }
    pending_free(rs, p, false);
}

/* Handles an ARP reply to a gateway (table 1) received by 'sw' on
 * 'in_port': records the binding for every switch and, on each switch
 * with packets waiting for the host, declares its route and releases
 * them (on 'sw' out of 'in_port', since the L2 app may not know the host
 * yet; elsewhere through table 4).  A known host's new MAC re-declares
 * its routes.  Unsolicited replies (no resolution pending on any switch,
 * host unknown) are ignored. */
static void
handle_arp_reply(struct ofc_switch *sw, const struct vlan_config *cfg,
                 uint64_t metadata, uint32_t in_port,
                 const struct ofp_packet *pkt, long long now)
{
    uint16_t vlan = metadata & META_VLAN_MASK;
    size_t r = vlan_router_of(cfg, vlan);
    const struct vlan_info *info = served_vlan(cfg, r, vlan);
    if (!info || pkt->l3 != OFP_PKT_L3_ARP || pkt->arp_op != OFP_ARP_OP_REPLY
        || pkt->arp_tpa != info->gateway || !subnet_host(info, pkt->arp_spa)
        || pkt->arp_sha[0] & 1
        || !memcmp(pkt->arp_sha, (uint8_t[6]) { 0 }, 6)
        || !memcmp(pkt->arp_sha, router_at(cfg, r)->mac, 6)) {
        return;
    }
    const uint8_t *rmac = router_at(cfg, r)->mac;
    uint32_t ip = pkt->arp_spa;
    bool pending = false;
    struct ofc_list *e;
    for (e = router_switches.next; e != &router_switches; e = e->next) {
        struct router_switch *rs = OFC_CONTAINER_OF(e, struct router_switch,
                                                    list_node);
        pending |= pending_find(rs, vlan, ip) != NULL;
    }
    struct router_host *h = host_find(vlan, ip);
    if (!pending && !h) {
        return;
    }
    bool moved = h && memcmp(h->mac, pkt->arp_sha, 6);
    if (!h) {
        if (router_hosts.n >= MAX_HOSTS) {
            OFC_WARN(router_log, ofc_switch_dpid(sw),
                     "%d resolved hosts: not adding more", MAX_HOSTS);
            return;
        }
        h = host_create(vlan, ip);
    }
    memcpy(h->mac, pkt->arp_sha, 6);
    router_stats.arp_replies++;
    OFC_DBG(router_log, ofc_switch_dpid(sw),
            "VLAN %u: %u.%u.%u.%u is at %02x:%02x:%02x:%02x:%02x:%02x",
            vlan, ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff,
            h->mac[0], h->mac[1], h->mac[2], h->mac[3], h->mac[4],
            h->mac[5]);
    if (moved) {
        for (size_t i = 0; i < h->n_sws; i++) {
            declare_host(h->sws[i], cfg, h);
        }
    }
    for (e = router_switches.next; e != &router_switches; e = e->next) {
        struct router_switch *rs = OFC_CONTAINER_OF(e, struct router_switch,
                                                    list_node);
        struct router_pending *p = pending_find(rs, vlan, ip);
        if (!p) {
            continue;
        }
        if (ofc_switch_is_dead(rs->sw)) {
            pending_free(rs, p, true);
            continue;
        }
        if (rs->sw != sw) {
            OFC_DBG(router_log, ofc_switch_dpid(rs->sw),
                    "VLAN %u: %u.%u.%u.%u resolved on %016"PRIx64, vlan,
                    ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff,
                    ip & 0xff, ofc_switch_dpid(sw));
        }
        declare_host(rs->sw, cfg, h);
        release_pending(rs, p, rmac, h, rs->sw == sw ? in_port : 0, now);
    }
}

enum ofc_verdict
vlan_router_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    const struct ofc_app *owner;
    if (!ofc_cookie_owner(pin->cookie, &owner) || owner != &ofc_vlan_app
        || (pin->cookie & OFC_COOKIE_LOW_MASK) != VLAN_ROUTER_COOKIE
        || (pin->table_id != VLAN_ROUTER_TABLE_ARP
            && pin->table_id != VLAN_ROUTER_TABLE_ROUTE)) {
        return OFC_DECLINED;
    }

    union ofp_field_value v, mask;
    uint64_t metadata = 0;
    if (ofp_match_get(&pin->match, OFP_F_METADATA, &v, &mask)) {
        metadata = v.u64 & mask.u64;
    }
    uint32_t in_port = 0;
    if (ofp_match_get(&pin->match, OFP_F_IN_PORT, &v, &mask)
        && v.u32 <= OFPP_MAX) {
        in_port = v.u32;
    }
    struct ofp_packet pkt;
    ofp_packet_parse(pin->data, pin->data_len, &pkt);

    struct router_switch *rs = rs_get(sw, true);
    long long now = ofc_time_msec();
    const struct vlan_config *cfg = vlan_running_config();
    struct ofc_list *e;
    for (e = router_switches.next; e != &router_switches; e = e->next) {
        pending_prune(OFC_CONTAINER_OF(e, struct router_switch, list_node),
                      now);
    }
    if (pin->table_id == VLAN_ROUTER_TABLE_ARP) {
        handle_arp_reply(sw, cfg, metadata, in_port, &pkt, now);
    } else {
        handle_route(sw, rs, cfg, metadata, in_port, &pkt, now);
    }
    return OFC_CONSUMED;
}

void
vlan_router_flow_removed(struct ofc_switch *sw,
                         const struct ofp_flow_removed *fr)
{
    const struct ofc_app *owner;
    union ofp_field_value v, mask;
    if (!ofc_cookie_owner(fr->cookie, &owner) || owner != &ofc_vlan_app
        || fr->table_id != VLAN_ROUTER_TABLE_ROUTE
        || fr->priority != VLAN_ROUTER_PRIO_HOST
        || (fr->reason != OFPRR_IDLE_TIMEOUT
            && fr->reason != OFPRR_HARD_TIMEOUT)
        || !ofp_match_get(&fr->match, OFP_F_METADATA, &v, &mask)) {
        return;
    }
    size_t r = ((v.u64 & mask.u64 & VLAN_ROUTER_META_MASK)
                >> VLAN_ROUTER_META_SHIFT);
    if (!ofp_match_get(&fr->match, OFP_F_IPV4_DST, &v, &mask)) {
        return;
    }
    uint32_t ip = v.u32;
    const struct vlan_info *info = route_lookup(vlan_running_config(), r,
                                                ip);
    struct router_host *h = info ? host_find(info->vid, ip) : NULL;
    if (h && host_on_switch(h, sw)) {
        router_stats.expired++;
        if (host_remove_switch(h, sw)) {
            OFC_DBG(router_log, ofc_switch_dpid(sw),
                    "VLAN %u: %u.%u.%u.%u forgotten (last host route "
                    "expired)", info->vid, ip >> 24, (ip >> 16) & 0xff,
                    (ip >> 8) & 0xff, ip & 0xff);
        }
    }
}

void
vlan_router_switch_down(struct ofc_switch *sw)
{
    struct router_switch *rs = rs_get(sw, false);
    if (rs) {
        rs_free(rs);
    }
    struct ofc_hmap *hosts = hosts_map();
    for (size_t b = 0; hosts->n && b <= hosts->mask; b++) {
        struct ofc_hmap_node *n = hosts->buckets[b];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            struct router_host *h = OFC_CONTAINER_OF(n, struct router_host,
                                                     node);
            if (host_on_switch(h, sw)) {
                host_remove_switch(h, sw);
            }
            n = next;
        }
    }
}

json_t *
vlan_router_status(void)
{
    size_t pending = 0, queued = 0, routes = 0;
    const struct ofc_hmap *hosts = hosts_map();
    for (size_t b = 0; hosts->n && b <= hosts->mask; b++) {
        for (struct ofc_hmap_node *n = hosts->buckets[b]; n; n = n->next) {
            routes += OFC_CONTAINER_OF(n, struct router_host, node)->n_sws;
        }
    }
    struct ofc_list *e;
    for (e = router_switches.next; e != &router_switches; e = e->next) {
        struct router_switch *rs = OFC_CONTAINER_OF(e, struct router_switch,
                                                    list_node);
        pending += rs->pending.n;
        for (size_t b = 0; rs->pending.n && b <= rs->pending.mask; b++) {
            for (struct ofc_hmap_node *n = rs->pending.buckets[b]; n;
                 n = n->next) {
                queued += OFC_CONTAINER_OF(n, struct router_pending,
                                           node)->n_pkts;
            }
        }
    }
    const struct vlan_config *cfg = vlan_running_config();
    return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I,"
                     " s:I}",
                     "routers", (json_int_t) cfg->n_routers,
                     "resolved_hosts", (json_int_t) hosts->n,
                     "host_routes", (json_int_t) routes,
                     "pending_destinations", (json_int_t) pending,
                     "queued_packets", (json_int_t) queued,
                     "arp_requests", (json_int_t) router_stats.arp_requests,
                     "arp_replies", (json_int_t) router_stats.arp_replies,
                     "routed_by_controller",
                     (json_int_t) router_stats.routed,
                     "echo_replies", (json_int_t) router_stats.echo_replies,
                     "dropped", (json_int_t) router_stats.dropped,
                     "expired_routes", (json_int_t) router_stats.expired);
}

void
vlan_router_destroy(void)
{
    while (!ofc_list_is_empty(&router_switches)) {
        rs_free(OFC_CONTAINER_OF(router_switches.next, struct router_switch,
                                 list_node));
    }
    struct ofc_hmap_node *n;
    while ((n = ofc_hmap_any(hosts_map()))) {
        host_free(OFC_CONTAINER_OF(n, struct router_host, node));
    }
    ofc_hmap_destroy(&router_hosts);
    memset(&router_stats, 0, sizeof router_stats);
}
