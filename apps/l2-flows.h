/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_FLOWS_H
#define OFC_APPS_L2_FLOWS_H 1

/* The L2 app's flows and groups: everything it declares to the flow store.
 * These functions only build matches, instructions and buckets and hand
 * them to ofc_flow_put() / ofc_group_put() (never raw FLOW_MODs).  The
 * table layout is in docs/l2.md. */

#include <stdbool.h>
#include <stdint.h>
#include "ofp/ofp-match.h"

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
#define L2_PRIO_CLASSIFY  1     /* Default-VLAN flow: the VLAN app goes
                                 * above it. */
#define L2_PRIO_HOST      100   /* Learned hosts and egress ports. */

/* The default VLAN every port is untagged in until the VLAN app exists. */
#define L2_DEFAULT_VLAN 1
#define L2_VLAN_MASK 0xfffull   /* Bits of the metadata holding the VID. */

/* Declares the fixed flows: classify, the two pass-through tables and
 * the eth_src / eth_dst misses. */
void l2_flows_base(struct ofc_switch *);

/* Declares (or withdraws) the egress flow reg0=PORT -> output:PORT. */
void l2_flows_egress_put(struct ofc_switch *, uint32_t port);
void l2_flows_egress_remove(struct ofc_switch *, uint32_t port);

/* Declares the flood group of 'vlan' from the switch's ports that are up. */
void l2_flows_flood_group(struct ofc_switch *, uint16_t vlan);
/* The group id of the flood group of 'vlan'. */
uint32_t l2_flows_flood_group_id(uint16_t vlan);

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
