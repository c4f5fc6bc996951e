/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_FLOW_STORE_TABLE_H
#define OFC_FLOW_STORE_TABLE_H 1

/* The flow store's per-switch sets, without any I/O (for flow-store.c and
 * the unit tests; apps use flow-store.h).
 *
 * A table holds one entry per flow key (table_id, priority, OXM bytes) and
 * one per group id.  An entry is "desired" (an app declared it; its body is
 * the declared one), "installed" (a flow of ours with that key is on the
 * switch), and "in sync" (installed with exactly the entry's body).  An
 * entry that is installed but not desired keeps the installed body, so the
 * diff can delete it precisely, or a later declaration can find it equal.
 *
 * Messages go out through the table's emit callback: from the diff, and,
 * once the table is "live" (the initial sync is under way or done), at once
 * from every put or remove.  The table assumes every message it emitted
 * takes effect, and updates its installed state accordingly. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "controller/flow-store.h"

struct ofc_app;
struct ofc_flow_table;
struct ofp_msg;
struct ofp_flow_stats;
struct ofp_group_desc;
struct ofp_flow_removed;

/* Receives each FLOW_MOD or GROUP_MOD the table wants sent, with the app
 * that owns it (NULL: the core, or an owner index no app has).  'msg' and
 * what it points to live only during the call. */
typedef void ofc_flow_emit_cb(const struct ofc_app *owner,
                              const struct ofp_msg *msg, void *aux);

/* What one diff sent (and what it found). */
struct ofc_flow_diff {
    size_t installed;           /* Our flows found on the switch. */
    size_t deleted;             /* Stale flows of ours deleted. */
    size_t added;               /* Desired flows that were missing. */
    size_t modified;            /* Desired flows installed differently. */
    size_t groups_installed;
    size_t groups_deleted;
    size_t groups_added;
    size_t groups_modified;
};

/* Creates an empty table that emits through 'emit' (with 'aux'); it is not
 * live.  The caller owns it. */
struct ofc_flow_table *ofc_flow_table_create(ofc_flow_emit_cb *emit,
                                             void *aux);
void ofc_flow_table_destroy(struct ofc_flow_table *);

/* Makes put and remove emit at once (true) or only record (false). */
void ofc_flow_table_set_live(struct ofc_flow_table *, bool live);
bool ofc_flow_table_is_live(const struct ofc_flow_table *);

/* The flow and group operations of flow-store.h, on one table. */
int ofc_flow_table_put(struct ofc_flow_table *, const struct ofc_app *,
                       const struct ofc_flow *);
int ofc_flow_table_remove(struct ofc_flow_table *, const struct ofc_app *,
                          uint8_t table_id, uint16_t priority,
                          const struct ofp_match *);
size_t ofc_flow_table_remove_matching(struct ofc_flow_table *,
                                      const struct ofc_app *,
                                      uint8_t table_id,
                                      const struct ofp_match *filter);
/* Mark and sweep (see ofc_flow_mark() in flow-store.h). */
size_t ofc_flow_table_mark(struct ofc_flow_table *, const struct ofc_app *,
                           uint8_t table_id);
size_t ofc_flow_table_sweep(struct ofc_flow_table *, const struct ofc_app *,
                            uint8_t table_id);
void ofc_flow_table_group_mark(struct ofc_flow_table *,
                               const struct ofc_app *);
size_t ofc_flow_table_group_sweep(struct ofc_flow_table *,
                                  const struct ofc_app *);
size_t ofc_flow_table_count(const struct ofc_flow_table *,
                            const struct ofc_app *);
int ofc_flow_table_group_put(struct ofc_flow_table *, const struct ofc_app *,
                             uint32_t group_id, uint8_t type,
                             const struct ofp_bucket *, size_t n_buckets);
int ofc_flow_table_group_remove(struct ofc_flow_table *,
                                const struct ofc_app *, uint32_t group_id);

/* Records one flow of a switch's dump.  Returns true if it is ours (its
 * cookie has the magic), false for a foreign flow, which is ignored. */
bool ofc_flow_table_dumped_flow(struct ofc_flow_table *,
                                const struct ofp_flow_stats *);
/* Records one group of a switch's GROUP_DESC dump (foreign ones are
 * ignored). */
void ofc_flow_table_dumped_group(struct ofc_flow_table *,
                                 const struct ofp_group_desc *);
/* Applies a FLOW_REMOVED: an expired flow (idle or hard timeout) is
 * forgotten, desired and installed; a deleted one (OFPRR_DELETE,
 * OFPRR_GROUP_DELETE) that is still desired stays desired but counts as
 * not installed. */
void ofc_flow_table_flow_removed(struct ofc_flow_table *,
                                 const struct ofp_flow_removed *);

/* Emits the difference between desired and installed, in this order:
 * group ADD/MODIFY, stale flow DELETE_STRICT, flow ADD/MODIFY_STRICT,
 * stale group DELETE; then everything counts as installed and in sync.
 * Fills '*diff' (whose 'installed' counts come from the dumps since the
 * table was created or the last diff). */
void ofc_flow_table_diff(struct ofc_flow_table *, struct ofc_flow_diff *);

/* The bytes one flow entry takes (its allocation, not counting the hash
 * map's bucket pointer) for a match of 'oxm_len' OXM bytes and
 * 'inst_len' instruction bytes. */
size_t ofc_flow_table_entry_size(size_t oxm_len, size_t inst_len);

/* Encodes 'match' and 'inst' (either may be NULL: empty) as the table
 * stores them; returns the lengths in '*oxm_len' and '*inst_len'. */
void ofc_flow_table_wire_lengths(const struct ofp_match *match,
                                 const struct ofp_instructions *inst,
                                 size_t *oxm_len, size_t *inst_len);


/* Added by the static app: see ofc_flow_owner() in flow-store.h. */
/* Returns 0 and the owner of the desired flow with this key in '*owner'
 * (NULL: the core), or ENOENT if none is desired.  Emits nothing. */
int ofc_flow_table_owner(const struct ofc_flow_table *, uint8_t table_id,
                         uint16_t priority, const struct ofp_match *,
                         const struct ofc_app **owner);

#endif /* flow-store-table.h */
