/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_CONFIG_H
#define OFC_APPS_L2_CONFIG_H 1

/* The L2 app's options, from the "apps": {"l2": {...}} section of the
 * daemon's --config file. */

#include <jansson.h>
#include <stdint.h>

/* The options.  L2_CONFIG_DEFAULTS applies when the section is missing. */
struct l2_config {
    uint32_t aging_seconds;       /* eth_src hard timeout (1..60000). */
    uint32_t max_hosts_per_port;  /* Hosts learned per port (1..1000000). */
    uint32_t packet_in_rate;      /* Packet-ins per second per switch the
                                   * app handles; 0: unlimited. */
    uint32_t packet_in_burst;     /* Bucket depth (default: the rate). */
};

#define L2_CONFIG_DEFAULTS { 300, 1024, 1000000, 1000000 }

/* Parses 'section' (NULL: all defaults) into '*cfg'.  Returns 0, or
 * EINVAL with '*error' set to a malloc'ed message naming the bad key. */
int l2_config_parse(const json_t *section, struct l2_config *cfg,
                    char **error);

#endif /* apps/l2-config.h */
