/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 app's flows and groups (see l2-flows.h and docs/l2.md). */

#include "apps/l2-flows.h"

#include <string.h>
#include "apps/l2.h"
#include "apps/vlan-config.h"
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

    /* Table 0 is per port (l2_flows_port_put()): a frame from a port
     * without a policy, or with a VLAN its port does not carry, misses
     * and is dropped. */

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

/* The eth_dst miss match of 'vlan'. */
static void
dst_miss_match(struct ofp_match *m, uint16_t vlan)
{
    ofp_match_init(m);
    match_vlan(m, vlan);
}

/* Declares the eth_dst miss of 'vlan': flood through its group. */
static void
put_dst_miss(struct ofc_switch *sw, uint16_t vlan)
{
    struct ofp_match m;
    dst_miss_match(&m, vlan);
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

/* The 12 VID bits as an NXM subfield of 'field' (vlan_vid or metadata),
 * for move. */
static struct ofp_field_ref
vid_bits(enum ofp_field field)
{
    return (struct ofp_field_ref) { .field = field, .ofs = 0, .n_bits = 12 };
}

/* Declares the table-0 flow of 'port' for frames whose VID matches
 * 'value'/'mask' (a tagged VLAN set's prefix): the VID goes into the
 * metadata, the tag is popped.  A single VID is written as a constant,
 * a range is moved from the tag. */
static void
put_classify_tagged(struct ofc_switch *sw, uint32_t port, uint16_t value,
                    uint16_t mask)
{
    struct ofp_match m;
    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    union ofp_field_value v = { .u16 = OFPVID_PRESENT | value };
    union ofp_field_value vm = { .u16 = OFPVID_PRESENT | mask };
    ofp_match_set(&m, OFP_F_VLAN_VID, &v, mask == 0xfff ? NULL : &vm);

    struct ofp_action acts[2];
    size_t n = 0;
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .goto_table = L2_TABLE_INGRESS,
    };
    if (mask == 0xfff) {
        inst.present |= OFP_INST_BIT(OFPIT_WRITE_METADATA);
        inst.metadata = value;
        inst.metadata_mask = L2_VLAN_MASK;
    } else {
        acts[n].kind = OFP_ACT_REG_MOVE;
        acts[n].reg_move.src = vid_bits(OFP_F_VLAN_VID);
        acts[n].reg_move.dst = vid_bits(OFP_F_METADATA);
        n++;
    }
    acts[n++] = (struct ofp_action) { .kind = OFP_ACT_POP_VLAN };
    inst.apply = (struct ofp_action_list) { acts, n };
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_PORT, &m, &inst, 0, 0);
}

/* Declares the two table-0 flows of 'port' for its native VLAN 'vlan':
 * untagged frames, and priority-tagged ones (VID 0) with the tag popped. */
static void
put_classify_native(struct ofc_switch *sw, uint32_t port, uint16_t vlan)
{
    struct ofp_match m;
    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    ofp_match_set_u16(&m, OFP_F_VLAN_VID, OFPVID_NONE);
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_WRITE_METADATA)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .metadata = vlan,
        .metadata_mask = L2_VLAN_MASK,
        .goto_table = L2_TABLE_INGRESS,
    };
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_PORT, &m, &inst, 0, 0);

    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    union ofp_field_value v = { .u16 = OFPVID_PRESENT };
    union ofp_field_value vm = { .u16 = OFPVID_PRESENT | 0xfff };
    ofp_match_set(&m, OFP_F_VLAN_VID, &v, &vm);
    static const struct ofp_action pop = { .kind = OFP_ACT_POP_VLAN };
    inst.present |= OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    inst.apply = (struct ofp_action_list) { &pop, 1 };
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_PORT, &m, &inst, 0, 0);
}

/* Builds the egress match "reg0=PORT" (and "metadata=VALUE/MASK" if
 * 'mask' is nonzero). */
static void
egress_match(struct ofp_match *m, uint32_t port, uint16_t value,
             uint16_t mask)
{
    ofp_match_init(m);
    ofp_match_set_u32(m, OFP_F_REG0, port);
    if (mask) {
        union ofp_field_value v = { .u64 = value };
        union ofp_field_value vm = { .u64 = mask };
        ofp_match_set(m, OFP_F_METADATA, &v, &vm);
    }
}

/* Declares the table-6 flow of 'port' for frames of the VLANs matching
 * 'value'/'mask' (a prefix of its tagged set): push the tag, with the VID
 * a constant for a single VLAN, else moved from the metadata. */
static void
put_egress_tagged(struct ofc_switch *sw, uint32_t port, uint16_t value,
                  uint16_t mask)
{
    struct ofp_match m;
    egress_match(&m, port, value, mask);
    struct ofp_action acts[3];
    size_t n;
    if (mask == 0xfff) {
        n = l2_flows_output_actions(port, value, true, acts);
    } else {
        acts[0] = (struct ofp_action) {
            .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100,
        };
        acts[1].kind = OFP_ACT_REG_MOVE;
        acts[1].reg_move.src = vid_bits(OFP_F_METADATA);
        acts[1].reg_move.dst = vid_bits(OFP_F_VLAN_VID);
        acts[2] = (struct ofp_action) {
            .kind = OFP_ACT_OUTPUT, .output = { .port = port },
        };
        n = 3;
    }
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { acts, n },
    };
    put(sw, L2_TABLE_EGRESS, L2_PRIO_PORT, &m, &inst, 0, 0);
}

/* Declares the table-6 flow of 'port' for its native VLAN: untagged. */
static void
put_egress_native(struct ofc_switch *sw, uint32_t port, uint16_t vlan)
{
    struct ofp_match m;
    egress_match(&m, port, vlan, L2_VLAN_MASK);
    struct ofp_action out = {
        .kind = OFP_ACT_OUTPUT,
        .output = { .port = port },
    };
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { &out, 1 },
    };
    put(sw, L2_TABLE_EGRESS, L2_PRIO_NATIVE, &m, &inst, 0, 0);
}

void
l2_flows_port_put(struct ofc_switch *sw, uint32_t port,
                  const struct vlan_port *vp)
{
    if (vp->native_vlan) {
        put_classify_native(sw, port, vp->native_vlan);
        put_egress_native(sw, port, vp->native_vlan);
    }

    /* At most 2048 prefixes (every other VID); 4096 is room to spare. */
    static uint16_t values[4096], masks[4096];
    size_t n = vlan_set_prefixes(&vp->tagged, values, masks, 4096);
    for (size_t i = 0; i < n && i < 4096; i++) {
        put_classify_tagged(sw, port, values[i], masks[i]);
        put_egress_tagged(sw, port, values[i], masks[i]);
    }
}

void
l2_flows_port_remove(struct ofc_switch *sw, uint32_t port)
{
    struct ofp_match filter;
    ofp_match_init(&filter);
    ofp_match_set_u32(&filter, OFP_F_IN_PORT, port);
    ofc_flow_remove_matching(sw, &ofc_l2_app, L2_TABLE_CLASSIFY, &filter);
    egress_match(&filter, port, 0, 0);
    ofc_flow_remove_matching(sw, &ofc_l2_app, L2_TABLE_EGRESS, &filter);
}

uint32_t
l2_flows_flood_group_id(uint16_t vlan)
{
    return ofc_group_id(&ofc_l2_app, vlan);
}

size_t
l2_flows_output_actions(uint32_t port, uint16_t vlan, bool tagged,
                        struct ofp_action acts[3])
{
    size_t n = 0;
    if (tagged) {
        acts[n++] = (struct ofp_action) {
            .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100,
        };
        acts[n++] = (struct ofp_action) {
            .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_VLAN_VID,
                           .value = { .u16 = OFPVID_PRESENT | vlan } },
        };
    }
    acts[n++] = (struct ofp_action) {
        .kind = OFP_ACT_OUTPUT,
        .output = { .port = port },
    };
    return n;
}

void
l2_flows_flood_put(struct ofc_switch *sw, uint16_t vlan,
                   const struct l2_flood_member *members, size_t n_members)
{
    static struct ofp_action actions[L2_MAX_FLOOD_PORTS][3];
    static struct ofp_bucket buckets[L2_MAX_FLOOD_PORTS];
    size_t n = 0;

    for (size_t i = 0; i < n_members && n < L2_MAX_FLOOD_PORTS; i++) {
        size_t n_acts = l2_flows_output_actions(members[i].port, vlan,
                                                members[i].tagged,
                                                actions[n]);
        buckets[n] = (struct ofp_bucket) {
            .watch_port = OFPP_ANY,
            .watch_group = OFPG_ANY,
            .actions = { actions[n], n_acts },
        };
        n++;
    }
    ofc_group_put(sw, &ofc_l2_app, l2_flows_flood_group_id(vlan),
                  OFPGT_ALL, buckets, n);
    put_dst_miss(sw, vlan);
}

void
l2_flows_flood_remove(struct ofc_switch *sw, uint16_t vlan)
{
    struct ofp_match m;
    dst_miss_match(&m, vlan);
    ofc_flow_remove(sw, &ofc_l2_app, L2_TABLE_ETH_DST, L2_PRIO_MISS, &m);
    ofc_group_remove(sw, &ofc_l2_app, l2_flows_flood_group_id(vlan));
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
