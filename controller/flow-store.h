/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_FLOW_STORE_H
#define OFC_FLOW_STORE_H 1

/* The flow store: desired state, reconciled.
 *
 * Apps never send FLOW_MODs or GROUP_MODs themselves.  They declare, per
 * switch, the flows and groups they want; the store keeps, for each switch,
 * the desired set and what it believes is installed, and sends only the
 * difference.
 *
 * Keys.  A flow is keyed by (table_id, priority, match), as OpenFlow
 * itself keys it; declaring a flow with an existing key replaces it.  A
 * group is keyed by its group_id.
 *
 * Ownership.  Our flows carry a cookie that names their owner:
 *
 *     bits 63..52  OFC_COOKIE_MAGIC (0x0fc)
 *     bits 51..44  owner app index + 1
 *     bits 43..0   free for the app (ofc_flow.cookie_low)
 *
 * A flow whose cookie lacks the magic is foreign and never touched.  Our
 * groups use ids (app index + 1) << 24 | local id (local id < 2^24); other
 * group ids are foreign.
 *
 * Reconciliation.  When a switch becomes READY, the store dumps its flows
 * (all tables) and groups.  Each dumped flow of ours is first offered to
 * its owner's 'adopt' slot, so an app that keeps state in the switch (the
 * L2 app's learned hosts) can take it back after a controller restart
 * instead of relearning.  Then the store deletes our flows and groups that
 * are no longer desired and adds the missing or different ones -- inside
 * one ONF bundle (atomic, ordered) where the switch supports it, else as
 * plain messages -- followed by a barrier.  It never flushes a table: a flow
 * that is both desired and installed is not touched, so traffic that
 * already flows never stops.
 *
 * After the initial sync, every change is sent at once (batched with the
 * connection's other output in the same event-loop iteration).  A
 * FLOW_REMOVED (idle or hard timeout) removes the flow from both sets and
 * is then dispatched to the apps.  A FLOW_REMOVED for a deletion (reason
 * OFPRR_DELETE or OFPRR_GROUP_DELETE) leaves a still-desired flow desired
 * but marks it not installed: declaring it again re-adds it, and so does
 * the next reconnect.
 *
 * Memory.  Entries are stored in wire form (OXM match and instruction
 * bytes), not as struct ofp_match, so a learned host costs two compact
 * entries. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "controller/app.h"
#include "ofp/ofp-msgs.h"

struct ofc_switch;

#define OFC_COOKIE_MAGIC 0x0fcull
#define OFC_COOKIE_MAGIC_MASK 0xfff0000000000000ull
#define OFC_COOKIE_OWNER_MASK 0x000ff00000000000ull
#define OFC_COOKIE_LOW_MASK   0x00000fffffffffffull

/* Builds the cookie of a flow owned by 'app' (NULL: the core). */
uint64_t ofc_cookie(const struct ofc_app *app, uint64_t cookie_low);
/* True if 'cookie' marks a flow of ours; then '*app' is its owner (NULL if
 * the owner index names no registered app). */
bool ofc_cookie_owner(uint64_t cookie, const struct ofc_app **app);

/* Builds an owned group id from an app's local id (< 2^24). */
uint32_t ofc_group_id(const struct ofc_app *app, uint32_t local_id);

/* A desired flow.  The store copies what it needs: the caller's match and
 * instructions may be freed after the call. */
struct ofc_flow {
    uint8_t table_id;
    uint16_t priority;
    const struct ofp_match *match;
    const struct ofp_instructions *instructions;
    uint64_t cookie_low;        /* Low 44 bits, for the app's own use. */
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint16_t flags;             /* OFPFF_SEND_FLOW_REM for timed flows. */
};

/* Declares 'flow' desired on 'sw', owned by 'app'.  Sends an ADD (or
 * nothing, if the identical flow is installed; or a MODIFY_STRICT, if only
 * the instructions differ from the installed flow) once the switch is
 * synced.  A NULL match is the empty match, NULL instructions are none
 * (drop).  Returns 0, EEXIST if another app owns a flow with the same key
 * (the flow is then not declared), EINVAL for table_id OFPTT_ALL, or
 * ENOTCONN if 'sw' has no store (not up). */
int ofc_flow_put(struct ofc_switch *sw, const struct ofc_app *app,
                 const struct ofc_flow *flow);
/* Withdraws the desired flow with this key, if 'app' owns it, and sends a
 * DELETE_STRICT for it.  Returns 0 or ENOENT. */
int ofc_flow_remove(struct ofc_switch *sw, const struct ofc_app *app,
                    uint8_t table_id, uint16_t priority,
                    const struct ofp_match *match);
/* Withdraws every flow of 'app' on 'sw' matching 'filter' (a loose match
 * in OpenFlow's sense: every field of 'filter' must be matched at least as
 * specifically), in 'table_id' (OFPTT_ALL: every table).  Returns how many.
 * E.g. the L2 app drops a port's hosts with in_port=N. */
size_t ofc_flow_remove_matching(struct ofc_switch *sw,
                                const struct ofc_app *app, uint8_t table_id,
                                const struct ofp_match *filter);
/* Mark and sweep, for an app that re-declares a whole set of flows (a
 * reloaded configuration): ofc_flow_mark() marks every desired flow of
 * 'app' on 'sw' in 'table_id' (OFPTT_ALL: all tables); declaring a flow
 * again unmarks it; ofc_flow_sweep() then withdraws the flows still
 * marked.  Flows declared again unchanged send nothing, so only what
 * really changed reaches the switch.  Both return how many flows. */
size_t ofc_flow_mark(struct ofc_switch *sw, const struct ofc_app *app,
                     uint8_t table_id);
size_t ofc_flow_sweep(struct ofc_switch *sw, const struct ofc_app *app,
                      uint8_t table_id);
/* The same for all groups of 'app'. */
void ofc_group_mark(struct ofc_switch *sw, const struct ofc_app *app);
size_t ofc_group_sweep(struct ofc_switch *sw, const struct ofc_app *app);
/* Number of desired flows on 'sw' of 'app' alone, or of all apps and the
 * core if 'app' is NULL. */
size_t ofc_flow_count(const struct ofc_switch *sw, const struct ofc_app *app);

/* Declares group 'group_id' (from ofc_group_id()) desired with 'type' and
 * 'buckets' (copied).  Sends an ADD, or a MODIFY if the installed group
 * differs.  Returns 0, or EINVAL if 'group_id' is not owned by 'app'. */
int ofc_group_put(struct ofc_switch *sw, const struct ofc_app *app,
                  uint32_t group_id, uint8_t type,
                  const struct ofp_bucket *buckets, size_t n_buckets);
int ofc_group_remove(struct ofc_switch *sw, const struct ofc_app *app,
                     uint32_t group_id);

/* True once the initial reconciliation of 'sw' is done (its barrier
 * replied).  Before that, declarations are recorded and go out with the
 * initial diff; from the moment the diff is applied on, they go out at
 * once. */
bool ofc_flow_store_synced(const struct ofc_switch *sw);

/* Sends a PACKET_OUT of 'data' (OFP_NO_BUFFER) with 'actions' and
 * 'in_port' (OFPP_CONTROLLER if none, i.e. 0), at once (also before the
 * switch is synced). */
void ofc_packet_out(struct ofc_switch *sw, const struct ofc_app *app,
                    uint32_t in_port, const struct ofp_action *actions,
                    size_t n_actions, const uint8_t *data, size_t len);

/* ---- For the controller core. ---------------------------------------- */

/* Called by the core when 'sw' is READY, before the apps' switch_up:
 * starts the dump (FLOW, all tables and cookies, and GROUP_DESC).  When
 * both replies are in, each dumped flow of ours goes to its owner's
 * 'adopt' slot, then the diff goes out in a bundle (OPEN_REQUEST atomic and
 * ordered, ADD_MESSAGEs, COMMIT_REQUEST, pipelined) followed by a barrier;
 * if the commit fails, the same messages are resent plainly and bundles
 * are not used again on that connection.  The summary is logged as
 * "reconcile: N installed, N stale deleted, N added, N modified, bundle"
 * (or "plain", or "nothing to send"), with the same counts for groups.
 * The apps' switch_up runs right after, so the flows they declare there
 * are part of the initial diff. */
void ofc_flow_store_switch_up(struct ofc_switch *sw);
/* Frees the switch's store (the switch is going away). */
void ofc_flow_store_switch_down(struct ofc_switch *sw);
/* Applies a FLOW_REMOVED to the sets before the apps see it. */
void ofc_flow_store_flow_removed(struct ofc_switch *sw,
                                 const struct ofp_flow_removed *fr);


/* Added by the static app: a conflict check without declaring anything,
 * so that an app can validate (and persist) a flow before the store sends
 * it. */
/* Looks up the desired flow with this key on 'sw'.  Returns 0 and sets
 * '*owner' to its owner (NULL: the core, or an owner index no app has),
 * ENOENT if no flow with this key is desired (ofc_flow_put() would then
 * not return EEXIST for it), or ENOTCONN if 'sw' has no store (not up).
 * Sends nothing. */
int ofc_flow_owner(const struct ofc_switch *sw, uint8_t table_id,
                   uint16_t priority, const struct ofp_match *match,
                   const struct ofc_app **owner);

#endif /* flow-store.h */
