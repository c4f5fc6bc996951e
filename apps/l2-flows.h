/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_FLOWS_H
#define OFC_APPS_L2_FLOWS_H 1

/* The L2 app's flows and groups: everything it declares to the flow store.
 * These functions only build matches, instructions and buckets and hand
 * them to ofc_flow_put() / ofc_group_put() (never raw FLOW_MODs).  The
 * table layout is in docs/l2.md. */

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include "ofp/ofp-actions.h"
#include "ofp/ofp-match.h"
#include "apps/mirror.h"

struct ofc_switch;

/* Tables (the design brief's numbering). */
#define L2_TABLE_CLASSIFY 0
#define L2_TABLE_INGRESS  1
#define L2_TABLE_POLICY   2
#define L2_TABLE_ETH_SRC  3
#define L2_TABLE_ETH_DST  4
#define L2_TABLE_EGRESS   6

/* Priorities. */
#define L2_PRIO_MISS      0     /* Table-miss flows. */
#define L2_PRIO_HOST      100   /* Learned hosts. */
#define L2_PRIO_PORT      100   /* Table 0 classification; table 6 tagged
                                 * egress. */
#define L2_PRIO_NATIVE    110   /* Table 6 untagged (native VLAN) egress,
                                 * above the port's tagged flows. */
#define L2_PRIO_MIRROR_MISS 1   /* Table 0: ingress copies of frames the
                                 * classification drops. */
#define L2_PRIO_MIRROR_DEST 200 /* Table 0: a mirror destination drops
                                 * everything it receives. */
#define L2_PRIO_HAIRPIN   120   /* Table 6: an egress-mirrored port drops
                                 * frames for their own ingress port. */
#define L2_PRIO_FLOOD_FROM 1    /* Table 4: the miss of frames from an
                                 * egress-mirrored port. */

/* The VLAN of a frame that carries none (a packet-in without metadata). */
#define L2_DEFAULT_VLAN 1
#define L2_VLAN_MASK 0xfffull   /* Bits of the metadata holding the VID. */

struct vlan_port;

/* Declares the fixed flows: the two pass-through tables and the eth_src
 * miss. */
void l2_flows_base(struct ofc_switch *);

/* The mirror copies of one port (mirror_port_outputs()). */
struct l2_port_mirror {
    struct mirror_dests ingress;        /* Of frames entering the port. */
    struct mirror_dests egress;         /* Of frames leaving it. */
};

/* Declares the VLAN policy 'vp' of 'port': its table-0 classification
 * flows (untagged and priority-tagged frames into the native VLAN, tagged
 * frames of its tagged VLANs with the VID moved into the metadata and the
 * tag popped) and its table-6 egress flows (native VLAN untagged, tagged
 * VLANs with the tag pushed).  Mirror copies: 'mir''s ingress copies and
 * those of the VLAN sources (mirror_vlan_outputs()) first in table 0,
 * 'mir''s egress copies after the output in table 6.  Flows the port had
 * under another policy are not withdrawn: see l2_flows_port_remove() or
 * mark and sweep. */
void l2_flows_port_put(struct ofc_switch *, uint32_t port,
                       const struct vlan_port *vp,
                       const struct l2_port_mirror *mir);
/* Declares the table-0 drop of every frame from mirror destination
 * 'port' (above classification: it never learns). */
void l2_flows_mirror_dest_put(struct ofc_switch *, uint32_t port);
/* Withdraws every table-0 and table-6 flow of 'port'. */
void l2_flows_port_remove(struct ofc_switch *, uint32_t port);

/* One member port of a VLAN's flood group. */
struct l2_flood_member {
    uint32_t port;
    bool tagged;                /* Carries the VLAN tagged (not native). */
    const struct mirror_dests *copies;  /* Egress copies, or NULL. */
};

/* Declares the flood group of 'vlan' with one bucket per member (the tag
 * pushed for tagged members) and the VLAN's table-4 miss to it. */
void l2_flows_flood_put(struct ofc_switch *, uint16_t vlan,
                        const struct l2_flood_member *, size_t n);
/* Declares the flood group of 'vlan' for frames entering through
 * egress-mirrored 'port' (the members but 'port': the switch skips an
 * output to the ingress port but would still make its copies) and the
 * table-4 miss "in_port=PORT" of 'vlan' to it.  'port' <=
 * MIRROR_MAX_EGRESS_PORT. */
void l2_flows_flood_from_put(struct ofc_switch *, uint16_t vlan,
                             uint32_t port,
                             const struct l2_flood_member *, size_t n);
/* Withdraws what l2_flows_flood_from_put() declared. */
void l2_flows_flood_from_remove(struct ofc_switch *, uint16_t vlan,
                                uint32_t port);
/* The group id of the flood group of 'vlan' for frames from 'port'. */
uint32_t l2_flows_flood_from_group_id(uint16_t vlan, uint32_t port);
/* Withdraws the flood group of 'vlan' and its table-4 miss. */
void l2_flows_flood_remove(struct ofc_switch *, uint16_t vlan);
/* The group id of the flood group of 'vlan'. */
uint32_t l2_flows_flood_group_id(uint16_t vlan);

/* Fills 'acts' (room for 3) with the actions that send a frame of 'vlan'
 * (untagged inside the pipeline) out of 'port': output, or push_vlan,
 * set_field vlan_vid and output if 'tagged'.  Returns how many. */
size_t l2_flows_output_actions(uint32_t port, uint16_t vlan, bool tagged,
                               struct ofp_action acts[3]);

/* Learned-host flows.  'hard' / 'idle' are the timeouts in seconds. */
void l2_flows_src_put(struct ofc_switch *, uint16_t vlan,
                      const uint8_t mac[6], uint32_t port, uint16_t hard);
void l2_flows_src_remove(struct ofc_switch *, uint16_t vlan,
                         const uint8_t mac[6], uint32_t port);
void l2_flows_dst_put(struct ofc_switch *, uint16_t vlan,
                      const uint8_t mac[6], uint32_t port, uint16_t idle);
void l2_flows_dst_remove(struct ofc_switch *, uint16_t vlan,
                         const uint8_t mac[6]);

/* Returns the VLAN a match's metadata names (default VLAN if none). */
uint16_t l2_flows_match_vlan(const struct ofp_match *);

#endif /* apps/l2-flows.h */
