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

/* Tables and priorities of the router's flows (the VLAN app's cookie,
 * low bits VLAN_ROUTER_COOKIE). */
#define VLAN_ROUTER_TABLE_ARP   1       /* ARP responder. */
#define VLAN_ROUTER_TABLE_MAC   4       /* Router MAC -> table 5. */
#define VLAN_ROUTER_TABLE_ROUTE 5       /* IPv4 routing. */
#define VLAN_ROUTER_TABLE_EGRESS 6      /* The L2 app's egress tagging. */
#define VLAN_ROUTER_PRIO_ARP    1000
#define VLAN_ROUTER_PRIO_MAC    200     /* Above the L2 hosts (100). */
#define VLAN_ROUTER_PRIO_ECHO   300     /* ICMP echo to a gateway. */
#define VLAN_ROUTER_PRIO_GW     250     /* Other IPv4 to a gateway: drop. */
#define VLAN_ROUTER_PRIO_HOST   200     /* Resolved host (/32). */
#define VLAN_ROUTER_PRIO_SUBNET 100     /* Unresolved host: controller. */
#define VLAN_ROUTER_COOKIE      0x1     /* cookie_low of router flows. */

/* Metadata: bits 0-11 the VLAN (as the L2 pipeline), bits 12-19 the
 * router (1-based index in the configuration's routers) once a frame is
 * addressed to a router MAC. */
#define VLAN_ROUTER_META_SHIFT  12
#define VLAN_ROUTER_META_MASK   0xff000ull
#define VLAN_ROUTER_MAX         255     /* Routers beyond it are ignored. */

/* Resolution. */
#define VLAN_ROUTER_HOST_IDLE   300     /* Host route idle timeout (s). */
#define VLAN_ROUTER_QUEUE_LEN   4       /* Packets queued per destination. */
#define VLAN_ROUTER_QUEUE_MSEC  3000    /* ...each dropped after this. */
#define VLAN_ROUTER_ARP_RETRY_MSEC 1000 /* ARP requests per destination. */

/* Declares the router's flows on 'sw' for 'cfg' (marking and sweeping
 * the VLAN app's router flows, so a reload changes only what differs).
 * Called at switch_up and after every reload. */
void vlan_router_render(struct ofc_switch *sw, const struct vlan_config *cfg);

/* Forgets the switch's queued packets and its host routes (a resolved
 * host no other switch has a route to is forgotten). */
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
