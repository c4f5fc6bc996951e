/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_VLAN_H
#define OFC_APPS_VLAN_H 1

/* The VLAN app: owns the VLAN configuration (apps/vlan-config.h), says
 * how every port carries VLANs, serves /v1/vlans, and does the opt-in
 * inter-VLAN routing (apps/vlan-router.c).
 *
 * The L2 pipeline renders the VLAN policy: the L2 app builds table 0
 * (classification), the per-VLAN flood groups and table 6 (egress
 * tagging) from vlan_port_policy(), and re-renders a switch when
 * vlan_set_listener()'s callback says the policy changed (a reload). */

#include <stdbool.h>
#include <stdint.h>
#include "apps/vlan-config.h"
#include "controller/app.h"

struct ofc_switch;
struct ofp_port;

extern const struct ofc_app ofc_vlan_app;

/* How 'port' of 'sw' carries VLANs under the running configuration.
 * With the VLAN app disabled (or no VLAN keys in the configuration) every
 * port is untagged in VLAN 1.  Never NULL; valid until the next reload. */
const struct vlan_port *vlan_port_policy(const struct ofc_switch *sw,
                                         const struct ofp_port *port);

/* The running VLAN configuration (never NULL; the defaults without one).
 * Valid until the next reload. */
const struct vlan_config *vlan_running_config(void);

/* Called after a reload for every connected switch, once the new policy
 * is in place.  One listener (the L2 app). */
void vlan_set_listener(void (*changed)(struct ofc_switch *));

/* The name of 'sw''s bridge (its LOCAL port's name), or NULL. */
const char *vlan_bridge_name(const struct ofc_switch *sw);

#endif /* apps/vlan.h */
