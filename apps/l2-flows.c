/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 app's flows and groups (see l2-flows.h and docs/l2.md). */

#include "apps/l2-flows.h"

#include <string.h>
#include "apps/l2.h"
#include "apps/mirror.h"
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

/* Appends an output action to each port of 'copies' to 'acts' at '*n'. */
static void
add_copies(struct ofp_action *acts, size_t *n,
           const struct mirror_dests *copies)
{
    for (size_t i = 0; copies && i < copies->n; i++) {
        acts[(*n)++] = (struct ofp_action) {
            .kind = OFP_ACT_OUTPUT,
            .output = { .port = copies->ports[i] },
        };
    }
}

/* Sets 'd' to the union of 'a' and 'b'. */
static void
dests_union(struct mirror_dests *d, const struct mirror_dests *a,
            const struct mirror_dests *b)
{
    *d = *a;
    for (size_t i = 0; i < b->n; i++) {
        bool dup = false;
        for (size_t j = 0; j < d->n; j++) {
            dup |= d->ports[j] == b->ports[i];
        }
        if (!dup && d->n < MIRROR_MAX_DESTS) {
            d->ports[d->n++] = b->ports[i];
        }
    }
}

/* Declares the table-0 flow of 'port' for frames whose VID matches
 * 'value'/'mask' (a tagged VLAN set's prefix) at 'priority': mirror
 * copies of the frame as received to 'copies', then the VID goes into the
 * metadata and the tag is popped.  A single VID is written as a constant,
 * a range is moved from the tag. */
static void
put_classify_tagged(struct ofc_switch *sw, uint32_t port, uint16_t value,
                    uint16_t mask, uint16_t priority,
                    const struct mirror_dests *copies)
{
    struct ofp_match m;
    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    union ofp_field_value v = { .u16 = OFPVID_PRESENT | value };
    union ofp_field_value vm = { .u16 = OFPVID_PRESENT | mask };
    ofp_match_set(&m, OFP_F_VLAN_VID, &v, mask == 0xfff ? NULL : &vm);

    struct ofp_action acts[2 + MIRROR_MAX_DESTS];
    size_t n = 0;
    struct ofp_instructions inst = {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .goto_table = L2_TABLE_INGRESS,
    };
    add_copies(acts, &n, copies);
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
    put(sw, L2_TABLE_CLASSIFY, priority, &m, &inst, 0, 0);
}

/* Declares the two table-0 flows of 'port' for its native VLAN 'vlan':
 * untagged frames, and priority-tagged ones (VID 0) with the tag popped;
 * both first copy the frame as received to 'copies'. */
static void
put_classify_native(struct ofc_switch *sw, uint32_t port, uint16_t vlan,
                    const struct mirror_dests *copies)
{
    struct ofp_action acts[1 + MIRROR_MAX_DESTS];
    size_t n = 0;
    add_copies(acts, &n, copies);

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
    if (n) {
        inst.present |= OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
        inst.apply = (struct ofp_action_list) { acts, n };
    }
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_PORT, &m, &inst, 0, 0);

    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    union ofp_field_value v = { .u16 = OFPVID_PRESENT };
    union ofp_field_value vm = { .u16 = OFPVID_PRESENT | 0xfff };
    ofp_match_set(&m, OFP_F_VLAN_VID, &v, &vm);
    acts[n++] = (struct ofp_action) { .kind = OFP_ACT_POP_VLAN };
    inst.present |= OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    inst.apply = (struct ofp_action_list) { acts, n };
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
 * a constant for a single VLAN, else moved from the metadata; then the
 * egress mirror copies (tagged as sent). */
static void
put_egress_tagged(struct ofc_switch *sw, uint32_t port, uint16_t value,
                  uint16_t mask, const struct mirror_dests *copies)
{
    struct ofp_match m;
    egress_match(&m, port, value, mask);
    struct ofp_action acts[3 + MIRROR_MAX_DESTS];
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
    add_copies(acts, &n, copies);
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { acts, n },
    };
    put(sw, L2_TABLE_EGRESS, L2_PRIO_PORT, &m, &inst, 0, 0);
}

/* Declares the table-6 flow of 'port' for its native VLAN: untagged, then
 * the egress mirror copies. */
static void
put_egress_native(struct ofc_switch *sw, uint32_t port, uint16_t vlan,
                  const struct mirror_dests *copies)
{
    struct ofp_match m;
    egress_match(&m, port, vlan, L2_VLAN_MASK);
    struct ofp_action acts[1 + MIRROR_MAX_DESTS];
    size_t n = 0;
    acts[n++] = (struct ofp_action) {
        .kind = OFP_ACT_OUTPUT,
        .output = { .port = port },
    };
    add_copies(acts, &n, copies);
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { acts, n },
    };
    put(sw, L2_TABLE_EGRESS, L2_PRIO_NATIVE, &m, &inst, 0, 0);
}

/* Declares the mirror flows of 'port' outside its classification: with
 * ingress copies, a table-0 flow just above the miss that copies frames
 * the classification drops (a VLAN the port does not carry); with egress
 * copies, a table-6 flow that drops frames about to leave through their
 * own ingress port before the copy (the switch would skip the output but
 * still make the copy). */
static void
put_mirror_port(struct ofc_switch *sw, uint32_t port,
                const struct l2_port_mirror *mir)
{
    struct ofp_match m;
    if (mir->ingress.n) {
        struct ofp_action acts[MIRROR_MAX_DESTS];
        size_t n = 0;
        add_copies(acts, &n, &mir->ingress);
        ofp_match_init(&m);
        ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
        struct ofp_instructions inst = {
            .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
            .apply = { acts, n },
        };
        put(sw, L2_TABLE_CLASSIFY, L2_PRIO_MIRROR_MISS, &m, &inst, 0, 0);
    }
    if (mir->egress.n) {
        egress_match(&m, port, 0, 0);
        ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
        put(sw, L2_TABLE_EGRESS, L2_PRIO_HAIRPIN, &m, NULL, 0, 0);
    }
}

void
l2_flows_port_put(struct ofc_switch *sw, uint32_t port,
                  const struct vlan_port *vp,
                  const struct l2_port_mirror *mir)
{
    struct mirror_dests vcopies, copies;

    if (vp->native_vlan) {
        mirror_vlan_outputs(sw, vp->native_vlan, &vcopies);
        dests_union(&copies, &mir->ingress, &vcopies);
        put_classify_native(sw, port, vp->native_vlan, &copies);
        put_egress_native(sw, port, vp->native_vlan, &mir->egress);
    }

    /* VLAN sources carried tagged inside a range get a flow of their own
     * above the range's. */
    struct vlan_set mirrored;
    memset(&mirrored, 0, sizeof mirrored);
    mirror_source_vlans(sw, &mirrored);
    bool any_mirrored = false;
    for (size_t w = 0; w < 64; w++) {
        any_mirrored |= mirrored.bits[w] != 0;
    }

    /* At most 2048 prefixes (every other VID); 4096 is room to spare. */
    static uint16_t values[4096], masks[4096];
    size_t n = vlan_set_prefixes(&vp->tagged, values, masks, 4096);
    for (size_t i = 0; i < n && i < 4096; i++) {
        if (masks[i] == 0xfff) {
            mirror_vlan_outputs(sw, values[i], &vcopies);
            dests_union(&copies, &mir->ingress, &vcopies);
        } else {
            copies = mir->ingress;
        }
        put_classify_tagged(sw, port, values[i], masks[i], L2_PRIO_PORT,
                            &copies);
        put_egress_tagged(sw, port, values[i], masks[i], &mir->egress);
        if (masks[i] == 0xfff || !any_mirrored) {
            continue;
        }
        for (uint32_t vid = values[i]; vid <= 0xfff; vid++) {
            if ((vid & masks[i]) == values[i]
                && vlan_set_has(&mirrored, vid)) {
                mirror_vlan_outputs(sw, vid, &vcopies);
                dests_union(&copies, &mir->ingress, &vcopies);
                put_classify_tagged(sw, port, vid, 0xfff,
                                    L2_PRIO_PORT + 1, &copies);
            }
        }
    }
    put_mirror_port(sw, port, mir);
}

void
l2_flows_mirror_dest_put(struct ofc_switch *sw, uint32_t port)
{
    struct ofp_match m;
    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, port);
    put(sw, L2_TABLE_CLASSIFY, L2_PRIO_MIRROR_DEST, &m, NULL, 0, 0);
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

/* Declares group 'group_id' flooding in 'vlan' to 'members' but 'skip'
 * (0: none).  A member's egress copies are buckets of their own, tagged
 * as the member's: Open vSwitch keeps only the last output of a bucket
 * (an OpenFlow 1.1+ bucket holds an action set), and every bucket of an
 * "all" group gets the frame anyway. */
static void
put_flood_group(struct ofc_switch *sw, uint32_t group_id, uint16_t vlan,
                const struct l2_flood_member *members, size_t n_members,
                uint32_t skip)
{
    static struct ofp_action actions[L2_MAX_FLOOD_PORTS][3];
    static struct ofp_bucket buckets[L2_MAX_FLOOD_PORTS];
    size_t n = 0;

    for (size_t i = 0; i < n_members; i++) {
        const struct l2_flood_member *m = &members[i];
        const struct mirror_dests *copies = m->copies;
        size_t n_copies = copies ? copies->n : 0;
        if (m->port == skip) {
            continue;
        }
        for (size_t j = 0; j <= n_copies && n < L2_MAX_FLOOD_PORTS; j++) {
            uint32_t out = j ? copies->ports[j - 1] : m->port;
            size_t n_acts = l2_flows_output_actions(out, vlan, m->tagged,
                                                    actions[n]);
            buckets[n] = (struct ofp_bucket) {
                .watch_port = OFPP_ANY,
                .watch_group = OFPG_ANY,
                .actions = { actions[n], n_acts },
            };
            n++;
        }
    }
    ofc_group_put(sw, &ofc_l2_app, group_id, OFPGT_ALL, buckets, n);
}

void
l2_flows_flood_put(struct ofc_switch *sw, uint16_t vlan,
                   const struct l2_flood_member *members, size_t n_members)
{
    put_flood_group(sw, l2_flows_flood_group_id(vlan), vlan, members,
                    n_members, 0);
    put_dst_miss(sw, vlan);
}

uint32_t
l2_flows_flood_from_group_id(uint16_t vlan, uint32_t port)
{
    return ofc_group_id(&ofc_l2_app, port << 12 | vlan);
}

/* Builds the match of the table-4 miss of 'vlan' for frames from 'port'. */
static void
flood_from_match(struct ofp_match *m, uint16_t vlan, uint32_t port)
{
    dst_miss_match(m, vlan);
    ofp_match_set_u32(m, OFP_F_IN_PORT, port);
}

void
l2_flows_flood_from_put(struct ofc_switch *sw, uint16_t vlan, uint32_t port,
                        const struct l2_flood_member *members,
                        size_t n_members)
{
    uint32_t group_id = l2_flows_flood_from_group_id(vlan, port);
    put_flood_group(sw, group_id, vlan, members, n_members, port);

    struct ofp_match m;
    flood_from_match(&m, vlan, port);
    struct ofp_action flood = { .kind = OFP_ACT_GROUP, .group_id = group_id };
    struct ofp_instructions inst = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { &flood, 1 },
    };
    put(sw, L2_TABLE_ETH_DST, L2_PRIO_FLOOD_FROM, &m, &inst, 0, 0);
}

void
l2_flows_flood_from_remove(struct ofc_switch *sw, uint16_t vlan,
                           uint32_t port)
{
    struct ofp_match m;
    flood_from_match(&m, vlan, port);
    ofc_flow_remove(sw, &ofc_l2_app, L2_TABLE_ETH_DST, L2_PRIO_FLOOD_FROM,
                    &m);
    ofc_group_remove(sw, &ofc_l2_app,
                     l2_flows_flood_from_group_id(vlan, port));
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
