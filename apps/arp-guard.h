/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_ARP_GUARD_H
#define OFC_APPS_ARP_GUARD_H 1

/* The ARP spoof guard of the arp app (docs/arp-mirror.md).
 *
 * A guard is set on one port of a switch (by number or name) or on all
 * its ports ("all"); a guard on one port wins over the switch's "all".
 * A guarded port lets through only ARP whose (sender MAC, sender IP) is
 * one of its bindings, and with "ipv4" only IPv4 whose (source MAC,
 * source IP) is: static bindings from the operator, or else the first
 * (sender MAC, sender IP) the port sends in an ARP, learned through a
 * packet-in.  Its flows live in table 1 (priorities 2500 allow, 2400 drop
 * or learn); an allowed frame goes on through the rest of table 1 (a
 * register bit and a resubmit, so the router's ARP responder still
 * answers). */

#include <jansson.h>
#include "controller/app.h"
#include "controller/route.h"

struct ofc_jc;
struct ofc_switch;

/* Declares the guard flows of 'sw' (table 1).  The caller marks and
 * sweeps. */
void arp_guard_render(struct ofc_switch *sw);

/* Learns a binding from a packet-in of the guard's learn flows. */
enum ofc_verdict arp_guard_packet_in(struct ofc_switch *sw,
                                     const struct ofp_packet_in *pin);

/* The guards and learned bindings for the state file (new objects). */
json_t *arp_guard_state_guards(void);
json_t *arp_guard_state_learned(void);
/* Loads them from the state file ('guards' and 'learned' may be NULL).
 * Returns false with a failure in 'jc'. */
bool arp_guard_state_load(struct ofc_jc *jc, const json_t *guards,
                          const json_t *learned);

/* Checks the configuration's "arp_guard" value 'v' (may be NULL). */
bool arp_guard_config_check(struct ofc_jc *jc, const json_t *v);
/* Replaces the guards from the configuration with those of 'v' (checked
 * before; NULL: none). */
void arp_guard_config_apply(const json_t *v);

/* Frees everything. */
void arp_guard_clear(void);

/* Counts for the app's status. */
size_t arp_guard_count(void);
size_t arp_guard_learned_count(void);

/* GET /v1/arp-guard and PUT /v1/arp-guard/{dpid}/{port}. */
ofc_rest_handler arp_guard_handle_get;
ofc_rest_handler arp_guard_handle_put;

#endif /* apps/arp-guard.h */
