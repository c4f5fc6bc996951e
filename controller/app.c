/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The app registry and event dispatch (see app.h). */

#include "controller/app.h"

#include <errno.h>
#include <string.h>
#include "controller/log.h"
#include "controller/switch.h"

static const struct ofc_app *const *apps;
static size_t n_apps;
/* Which apps run.  A disabled app keeps its index (the owner id in its
 * flows' cookies), so enabling it again later finds its flows; while it is
 * disabled, reconciliation deletes them as no longer desired. */
static bool enabled[OFC_MAX_APPS];

int
ofc_apps_init(const struct ofc_app *const *table)
{
    size_t n = 0;
    while (table[n]) {
        if (n >= OFC_MAX_APPS) {
            OFC_ERR(OFC_LOG_APP, OFC_NO_DPID, "more than %d apps",
                    OFC_MAX_APPS);
            return EINVAL;
        }
        for (size_t i = 0; i < n; i++) {
            if (!strcmp(table[i]->name, table[n]->name)) {
                OFC_ERR(OFC_LOG_APP, OFC_NO_DPID,
                        "two apps are named '%s'", table[n]->name);
                return EINVAL;
            }
        }
        n++;
    }
    apps = table;
    n_apps = n;
    for (size_t i = 0; i < n; i++) {
        enabled[i] = true;
    }
    return 0;
}

bool
ofc_app_enabled(const struct ofc_app *app)
{
    int i = ofc_app_index(app);
    return i >= 0 && enabled[i];
}

void
ofc_app_set_enabled(const struct ofc_app *app, bool on)
{
    int i = ofc_app_index(app);
    if (i >= 0) {
        enabled[i] = on;
    }
}

size_t
ofc_apps_count(void)
{
    return n_apps;
}

const struct ofc_app *
ofc_app_at(size_t index)
{
    return index < n_apps ? apps[index] : NULL;
}

const struct ofc_app *
ofc_app_by_name(const char *name)
{
    for (size_t i = 0; i < n_apps; i++) {
        if (!strcmp(apps[i]->name, name)) {
            return apps[i];
        }
    }
    return NULL;
}

int
ofc_app_index(const struct ofc_app *app)
{
    for (size_t i = 0; i < n_apps; i++) {
        if (apps[i] == app) {
            return (int) i;
        }
    }
    return -1;
}

void
ofc_apps_switch_up(struct ofc_switch *sw)
{
    for (size_t i = 0; i < n_apps && !ofc_switch_is_dead(sw); i++) {
        if (enabled[i] && apps[i]->switch_up) {
            apps[i]->switch_up(sw);
        }
    }
}

void
ofc_apps_switch_down(struct ofc_switch *sw)
{
    /* Every app hears about the end, in table order. */
    for (size_t i = 0; i < n_apps; i++) {
        if (enabled[i] && apps[i]->switch_down) {
            apps[i]->switch_down(sw);
        }
    }
}

void
ofc_apps_packet_in(struct ofc_switch *sw, const struct ofp_packet_in *pin)
{
    for (size_t i = 0; i < n_apps && !ofc_switch_is_dead(sw); i++) {
        if (enabled[i] && apps[i]->packet_in
            && apps[i]->packet_in(sw, pin) == OFC_CONSUMED) {
            return;
        }
    }
}

void
ofc_apps_port_status(struct ofc_switch *sw, const struct ofp_port_status *ps)
{
    for (size_t i = 0; i < n_apps && !ofc_switch_is_dead(sw); i++) {
        if (enabled[i] && apps[i]->port_status) {
            apps[i]->port_status(sw, ps);
        }
    }
}

void
ofc_apps_flow_removed(struct ofc_switch *sw,
                      const struct ofp_flow_removed *fr)
{
    for (size_t i = 0; i < n_apps && !ofc_switch_is_dead(sw); i++) {
        if (enabled[i] && apps[i]->flow_removed) {
            apps[i]->flow_removed(sw, fr);
        }
    }
}

/* Added by the flow store (see app.h). */
void
ofc_apps_adopt(struct ofc_switch *sw, const struct ofc_app *owner,
               const struct ofp_flow_stats *fs)
{
    if (owner && owner->adopt && ofc_app_enabled(owner)
        && !ofc_switch_is_dead(sw)) {
        owner->adopt(sw, fs);
    }
}
