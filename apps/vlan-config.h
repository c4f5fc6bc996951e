/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_VLAN_CONFIG_H
#define OFC_APPS_VLAN_CONFIG_H 1

/* The VLAN part of ofcd's configuration: the top-level keys "vlans",
 * "ports", "default_port", "switches" and "routers", parsed and checked
 * into an immutable 'struct vlan_config'.  docs/vlan.md documents the
 * format; in short:
 *
 *   "vlans": {"10": {"name": "mgmt", "description": "...",
 *                    "routing": {"gateway": "10.0.10.1/24"}}}
 *   "ports": {"tap101i0": PORT}              profiles by port name
 *   "default_port": PORT                     ports configured nowhere
 *                                            (default {"native_vlan": 1})
 *   "switches": {"0000000000000001" | "1" | "ovsbr0": {
 *                  "name": "ovsbr0",         bridge name (optional)
 *                  "ports": {"3" | "tap100i0": PORT}}}
 *   "routers": {"r1": {"vlans": [10, 20], "mac": "02:0f:c0:00:00:01"}}
 *   PORT = {"native_vlan": 1-4094, "tagged_vlans": [10, "30-32"],
 *           "description": "..."}        (at least one of the VLAN keys)
 *
 * Errors name the file and the JSON path, as in
 *   "ofc.json: $.switches.0000000000000001.ports.tap100i0.native_vlan:
 *    must be an integer 1-4094, got 0"
 * (keys made of letters, digits, '_' and '-' are written after a dot).
 * Everything here is pure: no I/O, no controller state. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VLAN_MIN 1
#define VLAN_MAX 4094
#define VLAN_NAME_MAX 64
#define VLAN_DESCRIPTION_MAX 256
#define VLAN_PORT_NAME_MAX 15           /* OFP_MAX_PORT_NAME_LEN - 1. */

/* A set of VIDs (0..4095) as a bitmap. */
struct vlan_set {
    uint64_t bits[64];
};

static inline bool
vlan_set_has(const struct vlan_set *s, uint16_t vid)
{
    return vid < 4096 && (s->bits[vid / 64] >> (vid % 64)) & 1;
}

static inline void
vlan_set_add(struct vlan_set *s, uint16_t vid)
{
    if (vid < 4096) {
        s->bits[vid / 64] |= 1ull << (vid % 64);
    }
}

/* How one port carries VLANs. */
struct vlan_port {
    uint16_t native_vlan;       /* Untagged (and VID 0) frames belong to
                                 * it; 0: such frames are dropped. */
    struct vlan_set tagged;     /* VIDs carried with their tag. */
    char *description;          /* Or NULL.  Owned. */
};

/* A port entry of a switch, keyed by number or by name. */
struct vlan_switch_port {
    uint32_t port_no;           /* Nonzero if keyed by number. */
    char *name;                 /* Non-NULL if keyed by name.  Owned. */
    struct vlan_port port;
};

/* A switch entry.  It matches a switch by dpid (if 'has_dpid') or by
 * bridge name (the name of the switch's LOCAL port) if 'name' is set. */
struct vlan_switch {
    bool has_dpid;
    uint64_t dpid;
    char *name;                 /* Or NULL.  Owned. */
    struct vlan_switch_port *ports;
    size_t n_ports;
};

/* A port profile: applies to a port of this name on any switch. */
struct vlan_profile {
    char *name;                 /* Owned. */
    struct vlan_port port;
};

/* One VLAN's settings. */
struct vlan_info {
    uint16_t vid;
    char *name;                 /* Or NULL.  Owned. */
    char *description;          /* Or NULL.  Owned. */
    bool has_gateway;
    uint32_t gateway;           /* Host byte order. */
    uint8_t prefix_len;         /* 1..30 (or 31/32 refused). */
};

/* A router: routes IPv4 between the VLANs it joins (each must have a
 * gateway). */
struct vlan_router {
    char *name;                 /* Owned. */
    uint8_t mac[6];             /* The virtual MAC of its gateways. */
    uint16_t *vlans;            /* Owned, sorted. */
    size_t n_vlans;
};

/* A whole, checked configuration.  Immutable once parsed.  Arrays are
 * sorted: vlans by vid, profiles by name. */
struct vlan_config {
    struct vlan_info *vlans;
    size_t n_vlans;
    struct vlan_profile *profiles;
    size_t n_profiles;
    struct vlan_port default_port;
    struct vlan_switch *switches;
    size_t n_switches;
    struct vlan_router *routers;
    size_t n_routers;
};

/* The default virtual MAC of a router without "mac". */
#define VLAN_ROUTER_DEFAULT_MAC { 0x02, 0x0f, 0xc0, 0x00, 0x00, 0x01 }

/* The top-level keys this module owns (NULL-terminated). */
extern const char *const vlan_config_keys[];

/* Parses the VLAN keys of 'root' (the whole configuration document; other
 * top-level keys are ignored here).  'file' names the document in
 * messages ("ofc.json", or "PUT /v1/config").  Returns 0 and a new config
 * in '*cfg', or EINVAL with a malloc'ed one-line message in '*error' of
 * the form "FILE: $.PATH: problem".  A document without any VLAN key
 * gives the default configuration (every port untagged in VLAN 1). */
int vlan_config_parse(const json_t *root, const char *file,
                      struct vlan_config **cfg, char **error);

/* Frees 'cfg' (NULL is allowed). */
void vlan_config_free(struct vlan_config *cfg);

/* Resolves the port 'port_no' named 'port_name' of the switch with
 * 'dpid' and bridge name 'bridge' (NULL if unknown): the switch entry
 * (by dpid first, else by bridge name) and in it the port by number,
 * else by name; else the profile of that port name; else the default.
 * Never NULL.  The result points into 'cfg'. */
const struct vlan_port *vlan_config_port(const struct vlan_config *cfg,
                                         uint64_t dpid, const char *bridge,
                                         uint32_t port_no,
                                         const char *port_name);

/* Returns VLAN 'vid''s settings, or NULL if the config does not name it. */
const struct vlan_info *vlan_config_vlan(const struct vlan_config *cfg,
                                         uint16_t vid);

/* True if 'a' and 'b' carry the same VLANs the same way. */
bool vlan_port_equal(const struct vlan_port *a, const struct vlan_port *b);

/* Decomposes the VIDs of 's' into at most 'max' (value, mask) pairs over
 * the 12 VID bits such that a VID v is in 's' iff (v & mask) == value for
 * one pair; returns how many ('max' + 1 if they do not fit).  Used to
 * match ranges such as 2-4094 with a few masked flows. */
size_t vlan_set_prefixes(const struct vlan_set *s, uint16_t values[],
                         uint16_t masks[], size_t max);

#endif /* apps/vlan-config.h */
