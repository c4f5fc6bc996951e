/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_MIRROR_H
#define OFC_APPS_MIRROR_H 1

/* The mirror app: port mirroring sessions (REST /v1/mirrors, the "mirrors"
 * configuration key, the state file "mirrors.json").  A session copies
 * the frames of its source ports (ingress, egress or both) and of its
 * source VLANs to one destination port of the same switch.
 *
 * The app declares no flows itself: the copies are extra output actions
 * in the L2 app's tables 0 and 6 and flood groups, which render them from
 * the queries below and re-render a switch when the listener says its
 * sessions changed (docs/l2.md, "Port mirroring"). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "controller/app.h"

struct ofc_switch;
struct vlan_set;

extern const struct ofc_app ofc_mirror_app;

/* The most distinct destination ports copies of one frame go to. */
#define MIRROR_MAX_DESTS 8

/* Egress mirroring is rendered with per-port flood groups whose ids hold
 * the port number in 12 bits: only ports up to this number can be egress
 * sources. */
#define MIRROR_MAX_EGRESS_PORT 4095

/* A set of destination ports (no duplicates, in session order). */
struct mirror_dests {
    uint32_t ports[MIRROR_MAX_DESTS];
    size_t n;
};

/* Where copies of frames entering ('ingress') and leaving ('egress') port
 * 'port' of 'sw' go.  Both empty if the app is disabled. */
void mirror_port_outputs(const struct ofc_switch *sw, uint32_t port,
                         struct mirror_dests *ingress,
                         struct mirror_dests *egress);

/* Where copies of frames entering 'sw' in VLAN 'vid' go. */
void mirror_vlan_outputs(const struct ofc_switch *sw, uint16_t vid,
                         struct mirror_dests *dests);

/* Adds to 's' every VLAN that is a source of a session of 'sw'. */
void mirror_source_vlans(const struct ofc_switch *sw, struct vlan_set *s);

/* True if 'port' of 'sw' is the destination of a session: output-only
 * (it never learns and never floods). */
bool mirror_is_destination(const struct ofc_switch *sw, uint32_t port);

/* True if some session names 'sw' (its port events may change copies). */
bool mirror_switch_has_sessions(const struct ofc_switch *sw);

/* Called for a connected switch whose sessions changed (REST, reload).
 * One listener (the L2 app). */
void mirror_set_listener(void (*changed)(struct ofc_switch *));

#endif /* apps/mirror.h */
