/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Placeholder: being written. */

#include "apps/vlan.h"

static const char *const vlan_keys[] = {
    "vlans", "ports", "default_port", "switches", "routers", NULL
};

const struct ofc_app ofc_vlan_app = {
    .name = "vlan",
    .config_keys = vlan_keys,
};

const struct vlan_port *
vlan_port_policy(const struct ofc_switch *sw, const struct ofp_port *port)
{
    static const struct vlan_port access1 = { .native_vlan = 1 };
    return &access1;
}

void
vlan_set_listener(void (*changed)(struct ofc_switch *))
{
}
