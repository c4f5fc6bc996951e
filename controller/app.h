/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APP_H
#define OFC_APP_H 1

/* The app interface and registry.
 *
 * An app is a static 'struct ofc_app'.  The daemon's main (the composition
 * root) lists the apps in one static table and hands it to
 * ofc_apps_init(); events are dispatched to the apps in table order.
 * packet_in dispatch stops at the first app that returns OFC_CONSUMED;
 * the notifications (switch_up, switch_down, port_status, flow_removed) go
 * to every app that has the slot.  Unused slots are NULL. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "ofp/ofp-msgs.h"

struct ofc_switch;
struct ofc_route;               /* Declared in controller/route.h. */

/* The daemon context an app's init and reconfigure receive.  Opaque for
 * now: the flow store and REST hooks hang off it in later issues. */
struct ofc_ctx;

/* What an app did with a dispatched event. */
enum ofc_verdict {
    OFC_DECLINED,               /* Not mine: offer it to the next app. */
    OFC_CONSUMED,               /* Handled: stop the dispatch. */
};

/* One app.  Every member but 'name' may be NULL. */
struct ofc_app {
    const char *name;           /* "l2", "vlan", ...: config key. */
    int (*init)(struct ofc_ctx *, const json_t *config);  /* 0 or errno. */
    int (*reconfigure)(struct ofc_ctx *, const json_t *config);
    void (*switch_up)(struct ofc_switch *);
    void (*switch_down)(struct ofc_switch *);
    enum ofc_verdict (*packet_in)(struct ofc_switch *,
                                  const struct ofp_packet_in *);
    void (*port_status)(struct ofc_switch *, const struct ofp_port_status *);
    void (*flow_removed)(struct ofc_switch *,
                         const struct ofp_flow_removed *);
    const struct ofc_route *routes;     /* NULL-terminated, may be NULL. */
    /* Added by the flow store: offered each dumped flow of this app (by
     * its cookie) when a switch connects, before the initial diff, so an
     * app can take back state it keeps in the switch by re-declaring the
     * flow with ofc_flow_put(). */
    void (*adopt)(struct ofc_switch *, const struct ofp_flow_stats *);
    /* Added by the REST issue: loads the app's durable state
     * (controller/state.h) once at startup, after init and after the state
     * directory is open, before any switch connects.  Returns 0, or an
     * errno with a malloc'ed message naming the file in '*error', which
     * stops ofcd's start. */
    int (*restore)(char **error);
    /* Added by the REST issue: the app's status for GET /v1/apps, a new
     * JSON object of app-specific facts (e.g. {"hosts": 12}). */
    json_t *(*status)(void);
    /* Added by the VLAN issue: the top-level configuration keys the app
     * owns (NULL-terminated, e.g. "vlans"), or NULL.  An app with such
     * keys gets the whole document in init, reconfigure and check_config
     * instead of its "apps" section (controller/config.h). */
    const char *const *config_keys;
    /* Added by the VLAN issue: checks a configuration without applying
     * anything.  Returns 0, or EINVAL with a malloc'ed one-line message
     * "FILE: $.PATH: problem" in '*error'.  ofcd checks every app before
     * it applies anything, so a reload an app refuses changes nothing. */
    int (*check_config)(const json_t *config, const char *file,
                        char **error);
};

/* The most apps a daemon can run (owner ids fit in 8 bits of an xid). */
#define OFC_MAX_APPS 32

/* Registers the NULL-terminated 'apps' (a static table that must outlive
 * the registry).  Returns 0, or EINVAL if there are too many apps or two
 * share a name. */
int ofc_apps_init(const struct ofc_app *const *apps);
size_t ofc_apps_count(void);
const struct ofc_app *ofc_app_at(size_t index);
/* Returns the app named 'name', or NULL. */
const struct ofc_app *ofc_app_by_name(const char *name);
/* Whether 'app' runs: every app does until ofcd's configuration names the
 * apps to run.  Events reach enabled apps only. */
bool ofc_app_enabled(const struct ofc_app *app);
void ofc_app_set_enabled(const struct ofc_app *app, bool on);
/* Returns the index of 'app' in the table, or -1 (also for NULL, which
 * stands for the core itself). */
int ofc_app_index(const struct ofc_app *app);

/* Dispatchers (called by the connection layer). */
void ofc_apps_switch_up(struct ofc_switch *);
void ofc_apps_switch_down(struct ofc_switch *);
void ofc_apps_packet_in(struct ofc_switch *, const struct ofp_packet_in *);
void ofc_apps_port_status(struct ofc_switch *,
                          const struct ofp_port_status *);
void ofc_apps_flow_removed(struct ofc_switch *,
                           const struct ofp_flow_removed *);
/* Added by the flow store: offers a dumped flow to its 'owner' app's
 * 'adopt' slot (if it has one and the switch is alive). */
void ofc_apps_adopt(struct ofc_switch *, const struct ofc_app *owner,
                    const struct ofp_flow_stats *);

#endif /* app.h */
