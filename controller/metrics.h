/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_METRICS_H
#define OFC_METRICS_H 1

/* The daemon's counters (controller/stats.h, the switch table, the apps)
 * rendered in the Prometheus text exposition format 0.0.4, for GET
 * /metrics.  Rendering only reads state; the HTTP server serves the text
 * with "Content-Type: text/plain; version=0.0.4".
 *
 * Every metric family is written as "# HELP", "# TYPE", then its samples;
 * every name starts with "ofc_".  Code outside the controller library
 * (the apps, which are linked only into ofcd, and later the REST server)
 * contributes through a registered getter or source. */

#include <stddef.h>
#include <stdint.h>

struct ofp_ds;

/* Appends the whole exposition to 'out'. */
void ofc_metrics_render(struct ofp_ds *out);

/* ---- The L2 app's counters. ------------------------------------------ */

/* What the L2 app reports; filled in by its getter at each render. */
struct ofc_metrics_l2 {
    uint64_t hosts;             /* Hosts known now (gauge). */
    uint64_t packet_ins;        /* Packet-ins the app looked at. */
    uint64_t learned;           /* Hosts learned (new or re-learned). */
    uint64_t moves;             /* Known MACs seen on another port. */
    uint64_t forgotten;         /* Hosts dropped: aging, port down. */
    uint64_t packet_outs;       /* PACKET_OUTs sent. */
    uint64_t floods;            /* ...of which to a flood group. */
    uint64_t rate_limited;      /* Packet-ins dropped by the rate limit. */
    uint64_t host_limit;        /* Hosts not learned: port at its limit. */
    uint64_t bad_packets;       /* Unusable packet-ins. */
};

/* Fills '*l2' with the L2 app's current counters. */
typedef void ofc_metrics_l2_func(struct ofc_metrics_l2 *l2);

/* Sets the getter for the L2 families (NULL: leave them out). */
void ofc_metrics_set_l2(ofc_metrics_l2_func *);

/* ---- Extra sources (REST requests, event-loop lag, later apps). ------ */

/* Appends whole families to 'out' with the helpers below. */
typedef void ofc_metrics_source_func(struct ofp_ds *out, void *aux);

#define OFC_METRICS_MAX_SOURCES 16

/* Adds a source, rendered after the built-in families in the order added.
 * Adding the same (func, aux) again does nothing.  Returns 0, or -1 if
 * the table is full. */
int ofc_metrics_add_source(ofc_metrics_source_func *, void *aux);

/* Removes the source (func, aux), if present. */
void ofc_metrics_remove_source(ofc_metrics_source_func *, void *aux);

/* ---- Helpers for writing families. ----------------------------------- */

/* One label of a sample: 'name' must be a valid label name; 'value' is
 * any string and is escaped as the format requires. */
struct ofc_metrics_label {
    const char *name;
    const char *value;
};

/* Writes the "# HELP" and "# TYPE" lines of family 'name'; 'type' is
 * "counter" or "gauge"; 'help' is escaped. */
void ofc_metrics_put_family(struct ofp_ds *out, const char *name,
                            const char *type, const char *help);

/* Writes one sample line "name{labels} value". */
void ofc_metrics_put_sample(struct ofp_ds *out, const char *name,
                            const struct ofc_metrics_label *labels,
                            size_t n_labels, uint64_t value);

/* Writes a whole family with one unlabelled sample. */
void ofc_metrics_put_single(struct ofp_ds *out, const char *name,
                            const char *type, const char *help,
                            uint64_t value);

/* Appends 's' escaped as a label value: backslash, double quote and
 * newline become \\, \" and \n. */
void ofc_metrics_put_label_value(struct ofp_ds *out, const char *s);

#endif /* metrics.h */
