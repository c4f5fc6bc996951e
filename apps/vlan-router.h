/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_VLAN_ROUTER_H
#define OFC_APPS_VLAN_ROUTER_H 1

/* The VLAN app's inter-VLAN router: for each router of the configuration
 * ("routers") and each VLAN it joins (which has a gateway), the gateway's
 * ARP responder flow, the router-MAC flow, the routing table (table 5),
 * next-hop resolution by ARP from the controller, and ICMP echo replies
 * from the gateway address.  The flows are the VLAN app's (its cookie).
 * See /work/notes/vlan-design.md and docs/vlan.md. */

#include <jansson.h>
#include "controller/app.h"

struct ofc_switch;
struct vlan_config;

/* Declares the router's flows on 'sw' for 'cfg' (marking and sweeping
 * the VLAN app's router flows, so a reload changes only what differs).
 * Called at switch_up and after every reload. */
void vlan_router_render(struct ofc_switch *sw, const struct vlan_config *cfg);

/* Forgets the switch's resolved hosts and queued packets. */
void vlan_router_switch_down(struct ofc_switch *sw);

/* Handles a packet-in caused by a router flow (ARP replies to a gateway,
 * packets for unresolved hosts, packets to a gateway address); declines
 * everything else. */
enum ofc_verdict vlan_router_packet_in(struct ofc_switch *sw,
                                       const struct ofp_packet_in *pin);

/* A host route expired or was deleted. */
void vlan_router_flow_removed(struct ofc_switch *sw,
                              const struct ofp_flow_removed *fr);

/* Facts for GET /v1/apps: resolved hosts, ARP requests sent, packets
 * routed by the controller, echo replies... (a new object). */
json_t *vlan_router_status(void);

/* Drops all state (ofcd exits). */
void vlan_router_destroy(void);

#endif /* apps/vlan-router.h */
