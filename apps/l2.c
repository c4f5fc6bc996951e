/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 learning app: learns (VLAN, MAC) -> port from packet-ins and
 * programs the eth_src / eth_dst tables so that, once a host is known,
 * neither its outgoing nor its incoming traffic reaches the controller.
 * The pipeline and the aging scheme are described in docs/l2.md; the flows
 * themselves are built in l2-flows.c, the host table is l2-hosts.c. */

#include "apps/l2.h"
#include "apps/l2-rest.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/l2-config.h"
#include "apps/l2-flows.h"
#include "apps/l2-hosts.h"
#include "apps/mirror.h"
#include "apps/vlan.h"
#include "controller/flow-store.h"
#include "controller/log.h"
#include "controller/metrics.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-multipart.h"
#include "ofp/ofp-packet.h"
#include "ofp/ofp-port.h"

#define L2_N_ELEMS(A) (sizeof (A) / sizeof (A)[0])

/* printf() format and arguments for a MAC address. */
#define ETH_FMT "%02x:%02x:%02x:%02x:%02x:%02x"
#define ETH_ARGS(M) (M)[0], (M)[1], (M)[2], (M)[3], (M)[4], (M)[5]

struct ofc_l2_stats ofc_l2_stats;

static struct l2_config config = L2_CONFIG_DEFAULTS;
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static struct ofc_ratelimit limit_rl = OFC_RATELIMIT_INIT(1, 5);
static struct ofc_ratelimit bad_rl = OFC_RATELIMIT_INIT(1, 5);

/* The packet-in meter: packet-ins counted per second of the monotonic
 * clock, for l2_packet_in_rate(). */
static long long meter_sec;             /* The second being counted. */
static uint64_t meter_count;            /* Packet-ins in 'meter_sec'. */
static uint64_t meter_last;             /* ...in 'meter_sec' - 1. */

/* Hosts learned on one port. */
struct l2_port_count {
    uint32_t port;
    uint32_t n;
};

/* The VLAN policy last rendered for one port of a switch: what its
 * table-0 and table-6 flows and its flood buckets say.  A copy, so a
 * reload can compare it with the new policy after the old configuration
 * is gone ('vp.description' is always NULL here). */
struct l2_port_policy {
    uint32_t port;
    bool floods;                        /* Up: has flood buckets. */
    bool mirror_dest;                   /* A mirror destination: drops
                                         * what it receives, no buckets. */
    struct l2_port_mirror mir;          /* Mirror copies rendered. */
    struct vlan_port vp;
};

/* A flood group (and table-4 miss) of one VLAN for the frames entering
 * through one egress-mirrored port (l2_flows_flood_from_put()). */
struct l2_flood_from {
    uint32_t port;
    uint16_t vlan;
};

/* The app's state for one switch.  Owned by the switch's app data slot,
 * created in switch_up (or by adopt), freed in switch_down. */
struct l2_switch {
    struct l2_hosts hosts;
    struct l2_port_count *counts;       /* Unsorted; ports are few. */
    size_t n_counts, allocated_counts;
    double tokens;                      /* Packet-in token bucket. */
    long long refill_msec;              /* Last refill. */
    struct l2_port_policy *policies;    /* Sorted by port. */
    size_t n_policies, allocated_policies;
    struct vlan_set vlans;              /* VLANs whose flood group and
                                         * table-4 miss are declared. */
    struct l2_flood_from *froms;        /* Declared; unsorted. */
    size_t n_froms, allocated_froms;
};

static int l2_log_module = OFC_LOG_APP;

/* Registers the log module "l2" before main() runs, so that --log-level
 * can name it even though init() only runs with a --config file. */
static void __attribute__((constructor))
l2_log_register(void)
{
    int module = ofc_log_module_register("l2");
    if (module >= 0) {
        l2_log_module = module;
    }
}

/* Returns the module id of "l2" in the log. */
static inline int
l2_log(void)
{
    return l2_log_module;
}

/* A fast pseudo-random number (xorshift64*) for aging jitter. */
static uint32_t
l2_random(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (rng_state * 0x2545f4914f6cdd1dull) >> 32;
}

/* The eth_src hard timeout: the aging time. */
static uint16_t
src_timeout(void)
{
    return config.aging_seconds;
}

/* The eth_dst idle timeout: the aging time plus a random jitter of 1 s to
 * a tenth of it, so the eth_src flow always expires first and the hosts
 * learned in one burst do not all expire in the same second. */
static uint16_t
dst_timeout(void)
{
    uint32_t spread = config.aging_seconds / 10;
    uint32_t t = config.aging_seconds + 1 + (spread ? l2_random() % spread
                                                    : 0);
    return t > UINT16_MAX ? UINT16_MAX : t;
}

/* Returns the switch's state, creating it if needed. */
static struct l2_switch *
l2_switch_get(struct ofc_switch *sw)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    if (!ls) {
        ls = ofc_xzalloc(sizeof *ls);
        l2_hosts_init(&ls->hosts);
        ls->tokens = config.packet_in_burst;
        ls->refill_msec = ofc_time_msec();
        ofc_switch_set_data(sw, &ofc_l2_app, ls);
    }
    return ls;
}

/* Returns the host counter of 'port', creating it if 'create'. */
static struct l2_port_count *
port_count(struct l2_switch *ls, uint32_t port, bool create)
{
    for (size_t i = 0; i < ls->n_counts; i++) {
        if (ls->counts[i].port == port) {
            return &ls->counts[i];
        }
    }
    if (!create) {
        return NULL;
    }
    if (ls->n_counts == ls->allocated_counts) {
        ls->allocated_counts = ls->allocated_counts * 2 + 8;
        ls->counts = ofc_xrealloc(ls->counts, ls->allocated_counts
                                              * sizeof *ls->counts);
    }
    struct l2_port_count *pc = &ls->counts[ls->n_counts++];
    pc->port = port;
    pc->n = 0;
    return pc;
}

/* Drops the host counter of 'port' (a deleted port), if any. */
static void
port_count_remove(struct l2_switch *ls, uint32_t port)
{
    struct l2_port_count *pc = port_count(ls, port, false);
    if (pc) {
        *pc = ls->counts[--ls->n_counts];
    }
}

/* Counts one host less on 'port'. */
static void
port_count_dec(struct l2_switch *ls, uint32_t port)
{
    struct l2_port_count *pc = port_count(ls, port, false);
    if (pc && pc->n) {
        pc->n--;
    }
}

uint32_t
l2_now(void)
{
    return ofc_time_msec() / 1000;
}

/* Counts one packet-in at 'now_msec' in the meter. */
static void
meter_count_one(long long now_msec)
{
    long long sec = now_msec / 1000;
    if (sec != meter_sec) {
        meter_last = sec == meter_sec + 1 ? meter_count : 0;
        meter_sec = sec;
        meter_count = 0;
    }
    meter_count++;
}

uint64_t
l2_packet_in_rate(void)
{
    long long sec = ofc_time_msec() / 1000;
    return (sec == meter_sec ? meter_last
            : sec == meter_sec + 1 ? meter_count
            : 0);
}

/* Takes a packet-in token at 'now' (msec); false if the switch is over its
 * rate. */
static bool
take_token(struct l2_switch *ls, long long now)
{
    if (!config.packet_in_rate) {
        return true;
    }
    /* Refill on every call: refilling only when the bucket ran dry would
     * credit the time spent full (whose tokens overflowed the cap) and let
     * a burst of up to twice the depth through. */
    if (now > ls->refill_msec) {
        ls->tokens += ((double) (now - ls->refill_msec)
                       * config.packet_in_rate / 1e3);
        ls->refill_msec = now;
    }
    if (ls->tokens > config.packet_in_burst) {
        ls->tokens = config.packet_in_burst;
    }
    if (ls->tokens < 1) {
        return false;
    }
    ls->tokens--;
    return true;
}

/* True if 'port' is a port the app renders a policy for: a numbered
 * port or LOCAL. */
static bool
port_valid(uint32_t port)
{
    return port && (port <= OFPP_MAX || port == OFPP_LOCAL);
}

/* True if frames may be flooded to 'p'. */
static bool
port_floods(const struct ofp_port *p)
{
    return (port_valid(p->port_no)
            && !(p->config & (OFPPC_PORT_DOWN | OFPPC_NO_FWD))
            && !(p->state & OFPPS_LINK_DOWN));
}

/* Returns the rendered policy of 'port', or NULL. */
static struct l2_port_policy *
policy_find(const struct l2_switch *ls, uint32_t port)
{
    size_t lo = 0, hi = ls->n_policies;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t p = ls->policies[mid].port;
        if (p == port) {
            return &ls->policies[mid];
        } else if (p < port) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* Installs whichever of host 'h''s flows are not believed installed. */
static void
install_host(struct ofc_switch *sw, struct l2_host *h)
{
    if (!(h->flags & L2_HOST_SRC)) {
        l2_flows_src_put(sw, h->vlan, h->mac, h->port, src_timeout());
        h->flags |= L2_HOST_SRC;
    }
    if (!(h->flags & L2_HOST_DST)) {
        l2_flows_dst_put(sw, h->vlan, h->mac, h->port, dst_timeout());
        h->flags |= L2_HOST_DST;
    }
}

/* Forgets host 'h' and withdraws its flows. */
static void
forget_host(struct ofc_switch *sw, struct l2_switch *ls, struct l2_host *h)
{
    l2_flows_src_remove(sw, h->vlan, h->mac, h->port);
    l2_flows_dst_remove(sw, h->vlan, h->mac);
    port_count_dec(ls, h->port);
    l2_hosts_remove(&ls->hosts, h);
    ofc_l2_stats.forgotten++;
    ofc_l2_stats.hosts--;
}

/* Learns that (vlan, mac) is behind 'port' and makes sure its flows are
 * declared. */
static void
learn(struct ofc_switch *sw, struct l2_switch *ls, uint16_t vlan,
      const uint8_t mac[6], uint32_t port)
{
    struct l2_host *h = l2_hosts_find(&ls->hosts, vlan, mac);
    if (h && h->port == port) {
        if ((h->flags & (L2_HOST_SRC | L2_HOST_DST))
            != (L2_HOST_SRC | L2_HOST_DST)) {
            install_host(sw, h);
            h->learned = l2_now();
            ofc_l2_stats.learned++;
        }
        return;
    }

    struct l2_port_count *pc = port_count(ls, port, true);
    if (pc->n >= config.max_hosts_per_port) {
        ofc_l2_stats.host_limit++;
        ofc_log_rl(&limit_rl, l2_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
                   "port %"PRIu32" has reached its limit of %"PRIu32
                   " hosts; not learning "ETH_FMT" in VLAN %u", port,
                   config.max_hosts_per_port, ETH_ARGS(mac), vlan);
        if (h) {
            /* It moved to a full port: its old flows are wrong now. */
            forget_host(sw, ls, h);
        }
        return;
    }
    if (h) {
        OFC_INFO(l2_log(), ofc_switch_dpid(sw),
                 ETH_FMT" in VLAN %u moved from port %"PRIu32" to %"PRIu32,
                 ETH_ARGS(mac), vlan, h->port, port);
        l2_flows_src_remove(sw, vlan, mac, h->port);
        port_count_dec(ls, h->port);
        h->port = port;
        h->flags = 0;
        ofc_l2_stats.moves++;
    } else {
        h = l2_hosts_insert(&ls->hosts, vlan, mac, port);
        ofc_l2_stats.hosts++;
        OFC_DBG(l2_log(), ofc_switch_dpid(sw),
                "learned "ETH_FMT" in VLAN %u on port %"PRIu32,
                ETH_ARGS(mac), vlan, port);
    }
    pc->n++;
    ofc_l2_stats.learned++;
    h->learned = l2_now();
    install_host(sw, h);
}

/* Sends the frame of 'pin' (untagged, as the pipeline sees it) out of
 * 'port', tagged if the port carries 'vlan' tagged, or floods it in
 * 'vlan' when 'port' is 0. */
static void
forward(struct ofc_switch *sw, const struct l2_switch *ls,
        const struct ofp_packet_in *pin, uint32_t in_port, uint16_t vlan,
        uint32_t port)
{
    struct ofp_action actions[3];
    size_t n;
    if (port) {
        const struct l2_port_policy *pp = policy_find(ls, port);
        bool tagged = (pp && pp->vp.native_vlan != vlan
                       && vlan_set_has(&pp->vp.tagged, vlan));
        n = l2_flows_output_actions(port, vlan, tagged, actions);
    } else {
        uint32_t group_id = l2_flows_flood_group_id(vlan);
        for (size_t i = 0; i < ls->n_froms; i++) {
            if (ls->froms[i].port == in_port && ls->froms[i].vlan == vlan) {
                group_id = l2_flows_flood_from_group_id(vlan, in_port);
            }
        }
        actions[0] = (struct ofp_action) {
            .kind = OFP_ACT_GROUP,
            .group_id = group_id,
        };
        n = 1;
        ofc_l2_stats.floods++;
    }
    ofc_packet_out(sw, &ofc_l2_app, in_port, actions, n, pin->data,
                   pin->data_len);
    ofc_l2_stats.packet_outs++;
}

/* True if 'pin' came from a flow of another app (the VLAN router's, say):
 * not ours to handle. */
static bool
foreign_packet_in(const struct ofp_packet_in *pin)
{
    const struct ofc_app *owner;
    return ofc_cookie_owner(pin->cookie, &owner) && owner != &ofc_l2_app;
}

/* True if the switch already forwarded the packet of 'pin' itself: it
 * came from our eth_src miss flow, which also goes on to the eth_dst
 * table.  Anything else (a real table miss) waits for our PACKET_OUT. */
static bool
switch_forwarded(const struct ofp_packet_in *pin)
{
    const struct ofc_app *owner;
    return (pin->table_id == L2_TABLE_ETH_SRC
            && ofc_cookie_owner(pin->cookie, &owner)
            && owner == &ofc_l2_app);
}

/* packet_in: learns the source and forwards the packet. */
static enum ofc_verdict
l2_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    if (!ls || foreign_packet_in(pin)) {
        return OFC_DECLINED;
    }
    ofc_l2_stats.packet_ins++;
    long long now = ofc_time_msec();
    meter_count_one(now);
    if (!take_token(ls, now)) {
        ofc_l2_stats.rate_limited++;
        ofc_log_rl(&limit_rl, l2_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
                   "packet-in rate over %"PRIu32"/s: dropping",
                   config.packet_in_rate);
        return OFC_CONSUMED;
    }

    struct ofp_packet pkt;
    ofp_packet_parse(pin->data, pin->data_len, &pkt);
    uint32_t in_port = pin->match.v.in_port;
    if (pkt.layer == OFP_PKT_LAYER_NONE
        || !ofp_match_has(&pin->match, OFP_F_IN_PORT)
        || !port_valid(in_port) || (pkt.eth_src[0] & 1)
        || !ofc_switch_port(sw, in_port)) {
        /* A port the switch never reported would get its own host quota
         * and counter: a hostile switch could grow both without bound. */
        ofc_l2_stats.bad_packets++;
        ofc_log_rl(&bad_rl, l2_log(), OFC_LOG_WARN, ofc_switch_dpid(sw),
                   "ignoring a packet-in without an Ethernet header or a "
                   "known in_port, or with a multicast source");
        return OFC_CONSUMED;
    }
    if (mirror_is_destination(sw, in_port)) {
        return OFC_CONSUMED;    /* Output-only: never learns. */
    }
    uint16_t vlan = l2_flows_match_vlan(&pin->match);

    learn(sw, ls, vlan, pkt.eth_src, in_port);
    if (switch_forwarded(pin)) {
        return OFC_CONSUMED;
    }
    uint32_t out = 0;
    if (!(pkt.eth_dst[0] & 1)) {
        const struct l2_host *d = l2_hosts_find(&ls->hosts, vlan,
                                                pkt.eth_dst);
        if (d) {
            if (d->port == in_port) {
                return OFC_CONSUMED;    /* Already where it must go. */
            }
            out = d->port;
        }
    }
    forward(sw, ls, pin, in_port, vlan, out);
    return OFC_CONSUMED;
}

/* True if 'p' cannot carry traffic. */
static bool
port_is_down(const struct ofp_port *p)
{
    return (p->state & OFPPS_LINK_DOWN) || (p->config & OFPPC_PORT_DOWN);
}

/* Forgets every host learned on 'port' and withdraws their flows; 'why'
 * completes the log line ("went away"). */
static void
drop_port_hosts(struct ofc_switch *sw, struct l2_switch *ls, uint32_t port,
                const char *why)
{
    struct l2_host *list;
    size_t n = l2_hosts_on_port(&ls->hosts, port, &list);
    for (size_t i = 0; i < n; i++) {
        struct l2_host *h = l2_hosts_find(&ls->hosts, list[i].vlan,
                                          list[i].mac);
        if (h) {
            l2_flows_dst_remove(sw, h->vlan, h->mac);
            l2_hosts_remove(&ls->hosts, h);
        }
    }
    free(list);

    struct ofp_match filter;
    ofp_match_init(&filter);
    ofp_match_set_u32(&filter, OFP_F_IN_PORT, port);
    ofc_flow_remove_matching(sw, &ofc_l2_app, L2_TABLE_ETH_SRC, &filter);

    struct l2_port_count *pc = port_count(ls, port, false);
    if (pc) {
        pc->n = 0;
    }
    ofc_l2_stats.forgotten += n;
    ofc_l2_stats.hosts -= n;
    if (n) {
        OFC_INFO(l2_log(), ofc_switch_dpid(sw),
                 "port %"PRIu32" %s: forgot %zu hosts", port, why, n);
    }
}

/* Adds an entry for 'port' (not there yet), zeroed but for the port, in
 * port order, and returns it. */
static struct l2_port_policy *
policy_insert(struct l2_switch *ls, uint32_t port)
{
    if (ls->n_policies == ls->allocated_policies) {
        ls->allocated_policies = ls->allocated_policies * 2 + 8;
        ls->policies = ofc_xrealloc(ls->policies, ls->allocated_policies
                                                  * sizeof *ls->policies);
    }
    size_t i = ls->n_policies;
    while (i > 0 && ls->policies[i - 1].port > port) {
        i--;
    }
    memmove(&ls->policies[i + 1], &ls->policies[i],
            (ls->n_policies - i) * sizeof *ls->policies);
    ls->n_policies++;
    struct l2_port_policy *pp = &ls->policies[i];
    memset(pp, 0, sizeof *pp);
    pp->port = port;
    return pp;
}

/* Removes 'pp' (a pointer into ls->policies). */
static void
policy_remove(struct l2_switch *ls, struct l2_port_policy *pp)
{
    size_t i = pp - ls->policies;
    memmove(pp, pp + 1, (ls->n_policies - i - 1) * sizeof *pp);
    ls->n_policies--;
}

/* Adds the VLANs 'vp' carries to 's'. */
static void
vlan_set_add_port(struct vlan_set *s, const struct vlan_port *vp)
{
    for (size_t i = 0; i < L2_N_ELEMS(s->bits); i++) {
        s->bits[i] |= vp->tagged.bits[i];
    }
    if (vp->native_vlan) {
        vlan_set_add(s, vp->native_vlan);
    }
}

/* Withdraws the flood-from group and miss at index 'i' of ls->froms. */
static void
flood_from_remove(struct ofc_switch *sw, struct l2_switch *ls, size_t i)
{
    l2_flows_flood_from_remove(sw, ls->froms[i].vlan, ls->froms[i].port);
    ls->froms[i] = ls->froms[--ls->n_froms];
}

/* Declares the flood group (and table-4 miss) of 'vlan' from the ports
 * that carry it and are up, each bucket with its port's egress copies,
 * and for each egress-mirrored member a group without it for the frames
 * it floods itself; withdraws such groups of 'vlan' no longer wanted. */
static void
flood_vlan(struct ofc_switch *sw, struct l2_switch *ls, uint16_t vlan)
{
    struct l2_flood_member *members = ofc_xmalloc((ls->n_policies + 1)
                                                  * sizeof *members);
    size_t n = 0;
    for (size_t i = 0; i < ls->n_policies; i++) {
        const struct l2_port_policy *pp = &ls->policies[i];
        if (!pp->floods) {
            continue;
        }
        const struct mirror_dests *copies = (pp->mir.egress.n
                                             ? &pp->mir.egress : NULL);
        if (pp->vp.native_vlan == vlan) {
            members[n++] = (struct l2_flood_member) { pp->port, false,
                                                      copies };
        } else if (vlan_set_has(&pp->vp.tagged, vlan)) {
            members[n++] = (struct l2_flood_member) { pp->port, true,
                                                      copies };
        }
    }
    l2_flows_flood_put(sw, vlan, members, n);

    for (size_t i = 0; i < ls->n_froms; ) {
        bool wanted = false;
        for (size_t j = 0; j < n && ls->froms[i].vlan == vlan; j++) {
            wanted |= (members[j].copies
                       && members[j].port == ls->froms[i].port);
        }
        if (ls->froms[i].vlan == vlan && !wanted) {
            flood_from_remove(sw, ls, i);
        } else {
            i++;
        }
    }
    for (size_t j = 0; j < n; j++) {
        if (!members[j].copies) {
            continue;
        }
        l2_flows_flood_from_put(sw, vlan, members[j].port, members, n);
        bool known = false;
        for (size_t i = 0; i < ls->n_froms; i++) {
            known |= (ls->froms[i].vlan == vlan
                      && ls->froms[i].port == members[j].port);
        }
        if (!known) {
            if (ls->n_froms == ls->allocated_froms) {
                ls->allocated_froms = 2 * ls->allocated_froms + 8;
                ls->froms = ofc_xrealloc(ls->froms, ls->allocated_froms
                                                    * sizeof *ls->froms);
            }
            ls->froms[ls->n_froms++] = (struct l2_flood_from) {
                members[j].port, vlan,
            };
        }
    }
    free(members);
}

/* Re-declares the flood groups and table-4 misses of the VLANs in
 * 'affected' that some port carries, withdraws those of the VLANs no port
 * carries any more, and updates ls->vlans. */
static void
render_vlans(struct ofc_switch *sw, struct l2_switch *ls,
             const struct vlan_set *affected)
{
    struct vlan_set in_use;
    memset(&in_use, 0, sizeof in_use);
    for (size_t i = 0; i < ls->n_policies; i++) {
        vlan_set_add_port(&in_use, &ls->policies[i].vp);
    }
    for (size_t w = 0; w < L2_N_ELEMS(affected->bits); w++) {
        for (uint64_t bits = affected->bits[w]; bits; bits &= bits - 1) {
            uint16_t vlan = w * 64 + __builtin_ctzll(bits);
            if (vlan_set_has(&in_use, vlan)) {
                flood_vlan(sw, ls, vlan);
            } else if (vlan_set_has(&ls->vlans, vlan)) {
                l2_flows_flood_remove(sw, vlan);
                for (size_t i = 0; i < ls->n_froms; ) {
                    if (ls->froms[i].vlan == vlan) {
                        flood_from_remove(sw, ls, i);
                    } else {
                        i++;
                    }
                }
            }
        }
    }
    ls->vlans = in_use;
}

/* True if 'a' and 'b' hold the same ports in the same order. */
static bool
dests_equal(const struct mirror_dests *a, const struct mirror_dests *b)
{
    return (a->n == b->n
            && !memcmp(a->ports, b->ports, a->n * sizeof *a->ports));
}

/* Renders the policy of port 'p': its table-0 and table-6 flows with its
 * mirror copies (or, for a mirror destination, only the table-0 drop),
 * adding the VLANs whose flood groups must follow to 'affected'.  A port
 * whose policy changed, or that became or stopped being a mirror
 * destination, forgets its hosts (they were learned in other VLANs, or
 * must not be there); with 'withdraw', its old flows are withdrawn first
 * (else the caller sweeps them).  Returns true if the policy changed. */
static bool
render_port(struct ofc_switch *sw, struct l2_switch *ls,
            const struct ofp_port *p, bool withdraw,
            struct vlan_set *affected)
{
    const struct vlan_port *vp = vlan_port_policy(sw, p);
    struct l2_port_policy *pp = policy_find(ls, p->port_no);
    bool dest = mirror_is_destination(sw, p->port_no);
    bool floods = port_floods(p) && !dest;
    bool changed = false;
    struct l2_port_mirror mir;

    mirror_port_outputs(sw, p->port_no, &mir.ingress, &mir.egress);
    if (!pp) {
        pp = policy_insert(ls, p->port_no);
        pp->floods = !floods;   /* Makes the VLANs affected below. */
        pp->mirror_dest = dest;
    } else if (!vlan_port_equal(&pp->vp, vp) || pp->mirror_dest != dest) {
        changed = true;
        vlan_set_add_port(affected, &pp->vp);
        drop_port_hosts(sw, ls, p->port_no,
                        pp->mirror_dest != dest
                        ? "changed its mirror role" : "changed VLANs");
        if (withdraw) {
            l2_flows_port_remove(sw, p->port_no);
        }
        OFC_INFO(l2_log(), ofc_switch_dpid(sw),
                 "port %"PRIu32" (%s): %s changed", p->port_no, p->name,
                 pp->mirror_dest != dest ? "mirror role" : "VLAN policy");
    }
    if (!dests_equal(&pp->mir.egress, &mir.egress)) {
        vlan_set_add_port(affected, &pp->vp);
        vlan_set_add_port(affected, vp);
    }
    pp->vp = *vp;
    pp->vp.description = NULL;
    pp->mir = mir;
    pp->mirror_dest = dest;
    if (changed || pp->floods != floods) {
        vlan_set_add_port(affected, &pp->vp);
    }
    pp->floods = floods;
    if (dest) {
        l2_flows_mirror_dest_put(sw, p->port_no);
    } else {
        l2_flows_port_put(sw, p->port_no, &pp->vp, &pp->mir);
    }
    return changed;
}

/* Renders the whole VLAN policy of 'sw' (at switch_up and after a
 * reload): marks the app's table-0 and table-6 flows and its groups,
 * declares every port's flows and every carried VLAN's flood group and
 * miss again, withdraws the misses of VLANs no longer carried, and sweeps
 * what was not declared again.  Unchanged flows and groups send nothing;
 * learned hosts (tables 3 and 4) are never swept. */
static void
render_switch(struct ofc_switch *sw, struct l2_switch *ls)
{
    ofc_flow_mark(sw, &ofc_l2_app, L2_TABLE_CLASSIFY);
    ofc_flow_mark(sw, &ofc_l2_app, L2_TABLE_EGRESS);
    ofc_group_mark(sw, &ofc_l2_app);

    /* Every group is marked: all carried VLANs must be declared again. */
    struct vlan_set affected = ls->vlans;
    size_t n_changed = 0;
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        if (port_valid(ports[i].port_no)) {
            n_changed += render_port(sw, ls, &ports[i], false, &affected);
        }
    }
    for (size_t i = 0; i < ls->n_policies; ) {
        struct l2_port_policy *pp = &ls->policies[i];
        if (!ofc_switch_port(sw, pp->port)) {
            vlan_set_add_port(&affected, &pp->vp);
            drop_port_hosts(sw, ls, pp->port, "went away");
            port_count_remove(ls, pp->port);
            policy_remove(ls, pp);
        } else {
            vlan_set_add_port(&affected, &pp->vp);
            i++;
        }
    }
    render_vlans(sw, ls, &affected);

    size_t swept = (ofc_flow_sweep(sw, &ofc_l2_app, L2_TABLE_CLASSIFY)
                    + ofc_flow_sweep(sw, &ofc_l2_app, L2_TABLE_EGRESS));
    size_t groups = ofc_group_sweep(sw, &ofc_l2_app);
    OFC_DBG(l2_log(), ofc_switch_dpid(sw), "rendered the VLAN policy: %zu "
            "ports changed, %zu flows and %zu groups withdrawn", n_changed,
            swept, groups);
}

/* port_status: a port that goes down or away loses its hosts; a new port
 * gets its policy; the flood groups of its VLANs follow the ports that
 * are up. */
static void
l2_port_status(struct ofc_switch *sw, const struct ofp_port_status *ps)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    uint32_t port = ps->desc.port_no;
    if (!ls || !port_valid(port)) {
        return;
    }
    if (ps->reason == OFPPR_DELETE || port_is_down(&ps->desc)) {
        drop_port_hosts(sw, ls, port, "went down or away");
    }

    if (mirror_switch_has_sessions(sw)) {
        /* A port may appear or go under a name a session uses: the copies
         * of other ports may change too.  Unchanged flows send nothing. */
        render_switch(sw, ls);
        return;
    }

    struct vlan_set affected;
    memset(&affected, 0, sizeof affected);
    if (ps->reason == OFPPR_DELETE) {
        struct l2_port_policy *pp = policy_find(ls, port);
        port_count_remove(ls, port);
        l2_flows_port_remove(sw, port);
        if (pp) {
            vlan_set_add_port(&affected, &pp->vp);
            policy_remove(ls, pp);
        }
    } else {
        render_port(sw, ls, &ps->desc, true, &affected);
    }
    render_vlans(sw, ls, &affected);
}

/* The VLAN app's listener: the VLAN configuration was reloaded. */
static void
l2_vlan_changed(struct ofc_switch *sw)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    if (ls && ofc_app_enabled(&ofc_l2_app)) {
        render_switch(sw, ls);
    }
}

/* The mirror app's listener: the sessions of 'sw' changed. */
static void
l2_mirror_changed(struct ofc_switch *sw)
{
    l2_vlan_changed(sw);
}

/* switch_up: declares the pipeline's fixed flows and renders the VLAN
 * policy of every port. */
static void
l2_switch_up(struct ofc_switch *sw)
{
    struct l2_switch *ls = l2_switch_get(sw);
    mirror_set_listener(l2_mirror_changed);
    l2_flows_base(sw);
    render_switch(sw, ls);
}

/* switch_down: frees the switch's state (its flows stay on the switch and
 * are adopted when it comes back). */
static void
l2_switch_down(struct ofc_switch *sw)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    if (ls) {
        ofc_l2_stats.hosts -= ls->hosts.n;
        l2_hosts_destroy(&ls->hosts);
        free(ls->counts);
        free(ls->policies);
        free(ls->froms);
        free(ls);
        ofc_switch_set_data(sw, &ofc_l2_app, NULL);
    }
}

/* flow_removed: a host whose eth_dst flow aged out is forgotten (and its
 * eth_src flow withdrawn, so its next frame relearns it); an expired
 * eth_src flow is re-declared at the host's next packet-in.  Deletions are
 * our own doing and need nothing. */
static void
l2_flow_removed(struct ofc_switch *sw, const struct ofp_flow_removed *fr)
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    const struct ofc_app *owner;
    if (!ls || fr->reason == OFPRR_DELETE
        || !ofc_cookie_owner(fr->cookie, &owner) || owner != &ofc_l2_app
        || fr->priority != L2_PRIO_HOST) {
        return;
    }
    const struct ofp_match *m = &fr->match;
    uint16_t vlan = l2_flows_match_vlan(m);
    if (fr->table_id == L2_TABLE_ETH_SRC
        && ofp_match_has(m, OFP_F_ETH_SRC)) {
        struct l2_host *h = l2_hosts_find(&ls->hosts, vlan, m->v.eth_src);
        if (h && h->port == m->v.in_port) {
            h->flags &= ~L2_HOST_SRC;
        }
    } else if (fr->table_id == L2_TABLE_ETH_DST
               && ofp_match_has(m, OFP_F_ETH_DST)) {
        struct l2_host *h = l2_hosts_find(&ls->hosts, vlan, m->v.eth_dst);
        if (h) {
            OFC_DBG(l2_log(), ofc_switch_dpid(sw),
                    "aged out "ETH_FMT" in VLAN %u on port %"PRIu32,
                    ETH_ARGS(h->mac), vlan, h->port);
            h->flags &= ~L2_HOST_DST;
            forget_host(sw, ls, h);
        }
    }
}

/* Returns the port an eth_dst flow's instructions send to (its reg0 load
 * or output), or 0. */
static uint32_t
dst_flow_port(const struct ofp_instructions *inst)
{
    for (size_t i = 0; i < inst->apply.n; i++) {
        const struct ofp_action *a = &inst->apply.actions[i];
        if (a->kind == OFP_ACT_SET_FIELD && a->set_field.field == OFP_F_REG0) {
            return a->set_field.value.u32;
        }
        if (a->kind == OFP_ACT_OUTPUT && port_valid(a->output.port)) {
            return a->output.port;
        }
    }
    return 0;
}

/* adopt: after a controller restart, takes a learned host's dumped flow
 * back into the host table and re-declares it exactly as installed, so the
 * initial diff leaves it alone (no delete and re-add). */
static void
l2_adopt(struct ofc_switch *sw, const struct ofp_flow_stats *fs)
{
    const struct ofp_match *m = &fs->match;
    uint16_t vlan = l2_flows_match_vlan(m);
    const uint8_t *mac;
    uint32_t port;
    unsigned flag;

    if (fs->priority != L2_PRIO_HOST) {
        return;                 /* Fixed flows are re-declared anyway. */
    }
    if (fs->table_id == L2_TABLE_ETH_SRC
        && ofp_match_has(m, OFP_F_ETH_SRC)
        && ofp_match_has(m, OFP_F_IN_PORT)) {
        mac = m->v.eth_src;
        port = m->v.in_port;
        flag = L2_HOST_SRC;
    } else if (fs->table_id == L2_TABLE_ETH_DST
               && ofp_match_has(m, OFP_F_ETH_DST)) {
        mac = m->v.eth_dst;
        port = dst_flow_port(&fs->instructions);
        flag = L2_HOST_DST;
    } else {
        return;
    }
    if (!port_valid(port)) {
        return;
    }

    struct l2_switch *ls = l2_switch_get(sw);
    struct l2_host *h = l2_hosts_find(&ls->hosts, vlan, mac);
    if (!h) {
        h = l2_hosts_insert(&ls->hosts, vlan, mac, port);
        port_count(ls, port, true)->n++;
        ofc_l2_stats.hosts++;
        h->learned = l2_now() - fs->duration_sec;
    } else if (h->port != port) {
        return;                 /* Inconsistent: let the diff delete it. */
    }
    if (flag == L2_HOST_SRC) {
        /* The eth_src flow is re-declared at every re-learning, so its
         * age is the host's. */
        h->learned = l2_now() - fs->duration_sec;
    }
    h->flags |= flag;

    struct ofc_flow flow = {
        .table_id = fs->table_id,
        .priority = fs->priority,
        .match = m,
        .instructions = &fs->instructions,
        .cookie_low = fs->cookie & OFC_COOKIE_LOW_MASK,
        .idle_timeout = fs->idle_timeout,
        .hard_timeout = fs->hard_timeout,
        .flags = fs->flags,
    };
    ofc_flow_put(sw, &ofc_l2_app, &flow);
    ofc_l2_stats.adopted_flows++;
}

const struct l2_hosts *
l2_switch_hosts(const struct ofc_switch *sw)
{
    const struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    return ls ? &ls->hosts : NULL;
}

bool
l2_forget(struct ofc_switch *sw, uint16_t vlan, const uint8_t mac[6])
{
    struct l2_switch *ls = ofc_switch_get_data(sw, &ofc_l2_app);
    struct l2_host *h = ls ? l2_hosts_find(&ls->hosts, vlan, mac) : NULL;
    if (!h) {
        return false;
    }
    OFC_DBG(l2_log(), ofc_switch_dpid(sw),
            "forgetting "ETH_FMT" in VLAN %u on port %"PRIu32" on request",
            ETH_ARGS(mac), vlan, h->port);
    forget_host(sw, ls, h);
    return true;
}

/* init and reconfigure: validates and applies the "l2" config section. */
static int
l2_configure(struct ofc_ctx *ctx, const json_t *section)
{
    char *error;
    struct l2_config c;
    int err = l2_config_parse(section, &c, &error);
    if (err) {
        OFC_ERR(l2_log(), OFC_NO_DPID, "%s", error);
        free(error);
        return err;
    }
    config = c;
    vlan_set_listener(l2_vlan_changed);
    mirror_set_listener(l2_mirror_changed);
    rng_state ^= (uint64_t) ofc_time_msec() << 17;
    OFC_INFO(l2_log(), OFC_NO_DPID, "aging %"PRIu32" s, at most %"PRIu32
             " hosts per port, packet-in limit %"PRIu32"/s per switch%s",
             c.aging_seconds, c.max_hosts_per_port, c.packet_in_rate,
             c.packet_in_rate ? "" : " (unlimited)");
    return 0;
}

void
ofc_l2_log_stats(void)
{
    const struct ofc_l2_stats *s = &ofc_l2_stats;
    OFC_INFO(l2_log(), OFC_NO_DPID,
             "l2 stats: hosts=%"PRIu64" packet_ins=%"PRIu64" learned=%"PRIu64
             " moves=%"PRIu64" forgotten=%"PRIu64" adopted_flows=%"PRIu64
             " packet_outs=%"PRIu64" floods=%"PRIu64" rate_limited=%"PRIu64
             " host_limit=%"PRIu64" bad_packets=%"PRIu64,
             s->hosts, s->packet_ins, s->learned, s->moves, s->forgotten,
             s->adopted_flows, s->packet_outs, s->floods, s->rate_limited,
             s->host_limit, s->bad_packets);
}

/* Added by metrics: copies the counters for the /metrics families. */
static void
l2_metrics_get(struct ofc_metrics_l2 *m)
{
    const struct ofc_l2_stats *s = &ofc_l2_stats;
    m->hosts = s->hosts;
    m->packet_ins = s->packet_ins;
    m->learned = s->learned;
    m->moves = s->moves;
    m->forgotten = s->forgotten;
    m->packet_outs = s->packet_outs;
    m->floods = s->floods;
    m->rate_limited = s->rate_limited;
    m->host_limit = s->host_limit;
    m->bad_packets = s->bad_packets;
}

/* Added by metrics: hands the getter to the renderer at startup, like
 * l2_log_register(), since the app is linked only into ofcd. */
static void __attribute__((constructor))
l2_metrics_register(void)
{
    ofc_metrics_set_l2(l2_metrics_get);
}

const struct ofc_app ofc_l2_app = {
    .name = "l2",
    .init = l2_configure,
    .reconfigure = l2_configure,
    .switch_up = l2_switch_up,
    .switch_down = l2_switch_down,
    .packet_in = l2_packet_in,
    .port_status = l2_port_status,
    .flow_removed = l2_flow_removed,
    .adopt = l2_adopt,
    .routes = l2_rest_routes,
    .status = l2_rest_status,
};
