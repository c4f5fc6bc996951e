/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_SWITCH_H
#define OFC_SWITCH_H 1

/* Switches: the registry by datapath id, the port table, per-app data, and
 * the send API apps use.
 *
 * A 'struct ofc_switch' exists from the FEATURES_REPLY of a connection
 * (when its dpid becomes known) until that connection is reaped.  It is
 * owned by its connection (conn.c).  Apps see it between switch_up and
 * switch_down; after switch_down it is "dead": sends are dropped and it is
 * freed once the event loop is out of the connection's callbacks, so an app
 * must drop its pointers to it in switch_down.
 *
 * Transaction ids: the top 8 bits of every xid the controller sends name
 * the owner (0 the core, N app N-1 of the table), the low 24 bits count per
 * connection.  An OFPT_ERROR from the switch is so traced to the app whose
 * message caused it, without keeping state per fire-and-forget message. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "controller/app.h"
#include "controller/util.h"
#include "ofp/ofp-msgs.h"

struct ofc_conn;
struct ofc_flow_store;

/* One connected switch.  Members are for the controller core; apps use the
 * functions below. */
struct ofc_switch {
    uint64_t dpid;
    struct ofp_features_reply features;
    struct ofc_conn *conn;      /* The connection that owns this switch. */
    bool registered;            /* In the registry under 'dpid'. */
    bool up;                    /* switch_up delivered, switch_down not. */
    struct ofp_port *ports;     /* Sorted by port_no; owned. */
    size_t n_ports, allocated_ports;
    void *app_data[OFC_MAX_APPS];       /* Owned by each app. */
    struct ofc_hmap_node node;  /* In the registry, by dpid. */
    /* Added by the flow store: its per-switch sets (flow-store.c), from
     * ofc_flow_store_switch_up() to ofc_flow_store_switch_down(). */
    struct ofc_flow_store *flow_store;
    /* Added by the REST issue: when the FEATURES_REPLY arrived (wall clock,
     * for "connected_since"). */
    time_t connected_at;
};

/* Called with the reply to a request sent by ofc_switch_request():
 *   - the reply itself (a multipart reply with all its parts joined);
 *   - an OFPT_ERROR if the switch rejected the request;
 *   - NULL if the connection went away first (free 'aux' then).
 * 'reply' and everything it points to live only during the call. */
typedef void ofc_reply_cb(struct ofc_switch *, const struct ofp_msg *reply,
                          void *aux);

/* ---- For apps. ------------------------------------------------------- */

uint64_t ofc_switch_dpid(const struct ofc_switch *);
/* True once the switch has gone (its sends are dropped). */
bool ofc_switch_is_dead(const struct ofc_switch *);
const struct ofp_features_reply *ofc_switch_features(
    const struct ofc_switch *);

/* The port table, from PORT_DESC and kept current from PORT_STATUS. */
const struct ofp_port *ofc_switch_port(const struct ofc_switch *,
                                       uint32_t port_no);
const struct ofp_port *ofc_switch_ports(const struct ofc_switch *,
                                        size_t *n);

/* Per-app data: a pointer each app may hang on each switch (NULL until
 * set; the app frees what it set, at the latest in switch_down). */
void *ofc_switch_get_data(const struct ofc_switch *, const struct ofc_app *);
void ofc_switch_set_data(struct ofc_switch *, const struct ofc_app *,
                         void *);

/* Queues 'msg' (its xid is ignored) on behalf of 'owner' (NULL: the core)
 * and returns the xid it was sent with, or 0 if the switch is dead.  The
 * output is flushed once per event-loop iteration, so many sends cost one
 * write. */
uint32_t ofc_switch_send(struct ofc_switch *, const struct ofc_app *owner,
                         const struct ofp_msg *msg);
/* Like ofc_switch_send(), and calls 'cb' with the reply (see
 * ofc_reply_cb).  Returns the xid, or 0 (without calling 'cb') if the
 * switch is dead. */
uint32_t ofc_switch_request(struct ofc_switch *, const struct ofc_app *owner,
                            const struct ofp_msg *msg, ofc_reply_cb *cb,
                            void *aux);
/* Sends a BARRIER_REQUEST; 'cb' runs when the switch has processed
 * everything sent before it. */
uint32_t ofc_switch_barrier(struct ofc_switch *, const struct ofc_app *owner,
                            ofc_reply_cb *cb, void *aux);
/* Closes the switch's connection (logged with 'reason'). */
void ofc_switch_disconnect(struct ofc_switch *, const char *reason);

/* Returns the name of the owner encoded in 'xid' ("ofcd", an app's name,
 * or "unknown"). */
const char *ofc_xid_owner_name(uint32_t xid);

/* ---- For the controller core. ---------------------------------------- */

void ofc_switches_init(void);
void ofc_switches_destroy(void);
/* Returns the registered switch with 'dpid', or NULL. */
struct ofc_switch *ofc_switch_lookup(uint64_t dpid);
size_t ofc_switch_count(void);
size_t ofc_switch_count_ready(void);
/* Creates the switch of 'conn' from its FEATURES_REPLY.  Not registered
 * yet. */
struct ofc_switch *ofc_switch_create(struct ofc_conn *,
                                     const struct ofp_features_reply *);
/* Registers 'sw' under its dpid; a switch already registered there is
 * replaced: its connection is closed (which unregisters it and calls
 * switch_down) first. */
void ofc_switch_register(struct ofc_switch *);
void ofc_switch_unregister(struct ofc_switch *);
/* Frees 'sw' (unregistered, switch_down delivered). */
void ofc_switch_destroy(struct ofc_switch *);
/* Replaces the port table with 'n' ports. */
void ofc_switch_set_ports(struct ofc_switch *, const struct ofp_port *,
                          size_t n);
/* Applies a PORT_STATUS to the port table. */
void ofc_switch_port_status(struct ofc_switch *,
                            const struct ofp_port_status *);
/* Calls 'cb' for every registered switch. */
void ofc_switch_for_each(void (*cb)(struct ofc_switch *, void *), void *aux);

/* Added by the REST issue: a counter bumped by every change a switch
 * listing shows (a switch registered or gone, its ports, its state, its
 * initial sync), so that the listing can be cached between changes. */
uint64_t ofc_switch_generation(void);
void ofc_switch_changed(void);

#endif /* switch.h */
