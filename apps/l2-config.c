/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Parsing and validation of the L2 app's options (see l2-config.h). */

#include "apps/l2-config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "controller/util.h"

/* One integer option: its key, range and place in struct l2_config. */
struct l2_option {
    const char *key;
    uint32_t min, max;
    size_t offset;
};

static const struct l2_option options[] = {
    { "aging_seconds", 1, 60000,
      offsetof(struct l2_config, aging_seconds) },
    { "max_hosts_per_port", 1, 1000000,
      offsetof(struct l2_config, max_hosts_per_port) },
    { "packet_in_rate", 0, 100000000,
      offsetof(struct l2_config, packet_in_rate) },
    { "packet_in_burst", 1, 100000000,
      offsetof(struct l2_config, packet_in_burst) },
};

#define N_OPTIONS (sizeof options / sizeof options[0])

/* Returns the option named 'key', or NULL. */
static const struct l2_option *
find_option(const char *key)
{
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (!strcmp(options[i].key, key)) {
            return &options[i];
        }
    }
    return NULL;
}

int
l2_config_parse(const json_t *section, struct l2_config *cfg, char **error)
{
    static const struct l2_config defaults = L2_CONFIG_DEFAULTS;
    struct l2_config c = defaults;
    bool burst_given = false;
    const char *key;
    json_t *value;

    *error = NULL;
    if (section && !json_is_object(section)) {
        *error = ofc_xasprintf("apps.l2 must be an object");
        return EINVAL;
    }
    json_object_foreach ((json_t *) section, key, value) {
        const struct l2_option *o = find_option(key);
        if (!o) {
            *error = ofc_xasprintf("apps.l2: unknown option \"%s\" (known: "
                                   "aging_seconds, max_hosts_per_port, "
                                   "packet_in_rate, packet_in_burst)", key);
            return EINVAL;
        }
        json_int_t v = json_is_integer(value) ? json_integer_value(value)
                                              : -1;
        if (!json_is_integer(value) || v < o->min || v > o->max) {
            char *text = json_dumps(value, JSON_ENCODE_ANY);
            *error = ofc_xasprintf("apps.l2.%s: must be an integer from "
                                   "%u to %u, not %s", key, o->min, o->max,
                                   text ? text : "?");
            free(text);
            return EINVAL;
        }
        *(uint32_t *) ((char *) &c + o->offset) = v;
        if (!strcmp(key, "packet_in_burst")) {
            burst_given = true;
        }
    }
    if (!burst_given) {
        c.packet_in_burst = c.packet_in_rate ? c.packet_in_rate : 1;
    }
    *cfg = c;
    return 0;
}
