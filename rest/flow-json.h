/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_FLOW_JSON_H
#define OFC_REST_FLOW_JSON_H 1

/* Turns what a switch reports (flow stats, port stats, group descriptions
 * and group stats) into the JSON objects of the REST API's live views
 * (see /work/notes/rest-contract.md for the shapes).  Pure conversions:
 * no I/O, no controller state beyond the app registry (for the "app"
 * field).  Every function returns a new JSON value the caller owns. */

#include <jansson.h>
#include <stdint.h>
#include "ofp/ofp-msgs.h"

/* A 64-bit counter: an integer, or null for "not available" (the all-ones
 * value OpenFlow uses for counters a switch does not keep). */
json_t *ofc_counter_json(uint64_t);

/* A port number: an integer, or the ovs-ofctl name of a reserved port
 * ("LOCAL", "CONTROLLER", ...) as a string. */
json_t *ofc_port_no_json(uint32_t port_no);

/* A cookie: "0x" and 16 lowercase hex digits. */
json_t *ofc_cookie_json(uint64_t cookie);

/* The match as an object: field name -> value text exactly as the flow
 * text prints it ("in_port": "1", "nw_src": "10.0.0.0/8").  Shorthands
 * the formatter uses for prerequisites are expanded into the fields they
 * stand for: "tcp" becomes "dl_type": "0x0800" and "nw_proto": "6", "ip"
 * becomes "dl_type": "0x0800", "arp" "dl_type": "0x0806" and so on, so a
 * field is never hidden in a key-less word. */
json_t *ofc_match_json(const struct ofp_match *);

/* One flow of a FLOW_STATS reply: table, priority, cookie, app, duration,
 * timeouts, counters, match, actions and the ovs-ofctl one-line text. */
json_t *ofc_flow_json(const struct ofp_flow_stats *);

/* One port's counters; 'port' (from the switch's port table, may be NULL)
 * gives its name. */
json_t *ofc_port_stats_json(const struct ofp_port_stats *,
                            const struct ofp_port *port);

/* One group from GROUP_DESC, its counters zero (and "ref_count" 0) until
 * ofc_group_json_set_stats() fills them in. */
json_t *ofc_group_json(const struct ofp_group_desc *);

/* Sets the counters of 'group' (from ofc_group_json()) from 'stats'. */
void ofc_group_json_set_stats(json_t *group,
                              const struct ofp_group_stats *stats);

#endif /* rest/flow-json.h */
