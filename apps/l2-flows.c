/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 app's flows and groups (see l2-flows.h and docs/l2.md). */

#include "apps/l2-flows.h"

#include <string.h>
#include "apps/l2.h"
#include "controller/flow-store.h"
#include "controller/switch.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-port.h"

/* The most buckets a flood group gets (one per port). */
#define L2_MAX_FLOOD_PORTS 4096

/* Declares one flow of the L2 app. */
static void
put(struct ofc_switch *sw, uint8_t table, uint16_t priority,
    const struct ofp_match *match, const struct ofp_instructions *inst,
    uint16_t idle, uint16_t hard)
{
    struct ofc_flow flow = {
        .table_id = table,
        .priority = priority,
        .match = match,
        .instructions = inst,
        .idle_timeout = idle,
        .hard_timeout = hard,
        .flags = idle || hard ? OFPFF_SEND_FLOW_REM : 0,
    };
    ofc_flow_put(sw, &ofc_l2_app, &flow);
}

/* Adds a "metadata=VLAN/0xfff" match to 'm'. */
static void
match_vlan(struct ofp_match *m, uint16_t vlan)
{
    union ofp_field_value v = { .u64 = vlan };
    union ofp_field_value mask = { .u64 = L2_VLAN_MASK };
    ofp_match_set(m, OFP_F_METADATA, &v, &mask);
}

/* Declares a "goto_table:NEXT" flow matching everything in 'table'. */
static void
put_goto(struct ofc_switch *sw, uint8_t table, uint8_t next)
{
    struct ofp_match m;
    ofp_match_init(&m);
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_GOTO_TABLE),
        .goto_table = next,
    };
    put(sw, table, L2_PRIO_MISS, &m, &inst, 0, 0);
}

void
l2_flows_base(struct ofc_switch *sw)
{
    struct ofp_match m;

    /* Table 0: untagged frames are in the default VLAN.  Tagged frames
     * miss and are dropped until the VLAN app classifies them. */
    ofp_match_init(&m);
    ofp_match_set_u16(&m, OFP_F_VLAN_VID, OFPVID_NONE);
    struct ofp_instructions classify = {
        .present = (OFP_INST_BIT(OFPIT_WRITE_METADATA)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .metadata = L2_DEFAULT_VLAN,
        .metadata_mask = L2_VLAN_MASK,
        .goto_table = L2_TABLE_INGRESS,
    };
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_CLASSIFY, &m, &classify, 0, 0);

    /* Tables 1 and 2 pass everything on until the ARP rules and policy
     * apps own them. */
    put_goto(sw, L2_TABLE_INGRESS, L2_TABLE_POLICY);
    put_goto(sw, L2_TABLE_POLICY, L2_TABLE_ETH_SRC);

    /* Table 3 miss: an unknown source goes to the controller (whole
     * frame) and on to the destination lookup. */
    static const struct ofp_action to_controller[] = {
        { .kind = OFP_ACT_OUTPUT,
          .output = { .port = OFPP_CONTROLLER,
                      .max_len = OFPCML_NO_BUFFER } },
    };
    ofp_match_init(&m);
    struct ofp_instructions src_miss = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .apply = { to_controller, 1 },
        .goto_table = L2_TABLE_ETH_DST,
    };
    put(sw, L2_TABLE_ETH_SRC, L2_PRIO_MISS, &m, &src_miss, 0, 0);
}

/* Declares the eth_dst miss of 'vlan': flood through its group. */
static void
put_dst_miss(struct ofc_switch *sw, uint16_t vlan)
{
    struct ofp_match m;
    ofp_match_init(&m);
    match_vlan(&m, vlan);
    struct ofp_action flood = {
        .kind = OFP_ACT_GROUP,
        .group_id = l2_flows_flood_group_id(vlan),
    };
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { &flood, 1 },
    };
    put(sw, L2_TABLE_ETH_DST, L2_PRIO_MISS, &m, &inst, 0, 0);
}

/* Builds the match "reg0=PORT". */
static void
egress_match(struct ofp_match *m, uint32_t port)
{
    ofp_match_init(m);
    ofp_match_set_u32(m, OFP_F_REG0, port);
}

void
l2_flows_egress_put(struct ofc_switch *sw, uint32_t port)
{
    struct ofp_match m;
    egress_match(&m, port);
    struct ofp_action out = {
        .kind = OFP_ACT_OUTPUT,
        .output = { .port = port },
    };
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { &out, 1 },
    };
    put(sw, L2_TABLE_EGRESS, L2_PRIO_HOST, &m, &inst, 0, 0);
}

void
l2_flows_egress_remove(struct ofc_switch *sw, uint32_t port)
{
    struct ofp_match m;
    egress_match(&m, port);
    ofc_flow_remove(sw, &ofc_l2_app, L2_TABLE_EGRESS, L2_PRIO_HOST, &m);
}

uint32_t
l2_flows_flood_group_id(uint16_t vlan)
{
    return ofc_group_id(&ofc_l2_app, vlan);
}

/* True if frames may be flooded to 'p'. */
static bool
port_floods(const struct ofp_port *p)
{
    return (p->port_no && p->port_no <= OFPP_MAX
            && !(p->config & (OFPPC_PORT_DOWN | OFPPC_NO_FWD))
            && !(p->state & OFPPS_LINK_DOWN));
}

void
l2_flows_flood_group(struct ofc_switch *sw, uint16_t vlan)
{
    size_t n_ports;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n_ports);
    static struct ofp_action actions[L2_MAX_FLOOD_PORTS];
    static struct ofp_bucket buckets[L2_MAX_FLOOD_PORTS];
    size_t n = 0;

    for (size_t i = 0; i < n_ports && n < L2_MAX_FLOOD_PORTS; i++) {
        if (port_floods(&ports[i])) {
            actions[n] = (struct ofp_action) {
                .kind = OFP_ACT_OUTPUT,
                .output = { .port = ports[i].port_no },
            };
            buckets[n] = (struct ofp_bucket) {
                .watch_port = OFPP_ANY,
                .watch_group = OFPG_ANY,
                .actions = { &actions[n], 1 },
            };
            n++;
        }
    }
    ofc_group_put(sw, &ofc_l2_app, l2_flows_flood_group_id(vlan),
                  OFPGT_ALL, buckets, n);
    put_dst_miss(sw, vlan);
}

/* Builds the eth_src match of host (vlan, mac) on 'port'. */
static void
src_match(struct ofp_match *m, uint16_t vlan, const uint8_t mac[6],
          uint32_t port)
{
    ofp_match_init(m);
    ofp_match_set_u32(m, OFP_F_IN_PORT, port);
    match_vlan(m, vlan);
    ofp_match_set_mac(m, OFP_F_ETH_SRC, mac);
}

void
l2_flows_src_put(struct ofc_switch *sw, uint16_t vlan, const uint8_t mac[6],
                 uint32_t port, uint16_t hard)
{
    struct ofp_match m;
    src_match(&m, vlan, mac, port);
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_GOTO_TABLE),
        .goto_table = L2_TABLE_ETH_DST,
    };
    put(sw, L2_TABLE_ETH_SRC, L2_PRIO_HOST, &m, &inst, 0, hard);
}

void
l2_flows_src_remove(struct ofc_switch *sw, uint16_t vlan,
                    const uint8_t mac[6], uint32_t port)
{
    struct ofp_match m;
    src_match(&m, vlan, mac, port);
    ofc_flow_remove(sw, &ofc_l2_app, L2_TABLE_ETH_SRC, L2_PRIO_HOST, &m);
}

/* Builds the eth_dst match of host (vlan, mac). */
static void
dst_match(struct ofp_match *m, uint16_t vlan, const uint8_t mac[6])
{
    ofp_match_init(m);
    match_vlan(m, vlan);
    ofp_match_set_mac(m, OFP_F_ETH_DST, mac);
}

void
l2_flows_dst_put(struct ofc_switch *sw, uint16_t vlan, const uint8_t mac[6],
                 uint32_t port, uint16_t idle)
{
    struct ofp_match m;
    dst_match(&m, vlan, mac);
    struct ofp_action set_reg = {
        .kind = OFP_ACT_SET_FIELD,
        .set_field = { .field = OFP_F_REG0, .value = { .u32 = port } },
    };
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .apply = { &set_reg, 1 },
        .goto_table = L2_TABLE_EGRESS,
    };
    put(sw, L2_TABLE_ETH_DST, L2_PRIO_HOST, &m, &inst, idle, 0);
}

void
l2_flows_dst_remove(struct ofc_switch *sw, uint16_t vlan,
                    const uint8_t mac[6])
{
    struct ofp_match m;
    dst_match(&m, vlan, mac);
    ofc_flow_remove(sw, &ofc_l2_app, L2_TABLE_ETH_DST, L2_PRIO_HOST, &m);
}

uint16_t
l2_flows_match_vlan(const struct ofp_match *m)
{
    union ofp_field_value v, mask;
    if (ofp_match_get(m, OFP_F_METADATA, &v, &mask)) {
        uint16_t vlan = v.u64 & mask.u64 & L2_VLAN_MASK;
        if (vlan) {
            return vlan;
        }
    }
    return L2_DEFAULT_VLAN;
}
