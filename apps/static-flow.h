/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_STATIC_FLOW_H
#define OFC_APPS_STATIC_FLOW_H 1

/* The static app's flow bodies: validation of a POST body and its
 * translation into a flow, plus the canonical text of a flow.
 *
 * A body has one of two forms:
 *
 *   - text:       {"flow": "ovs-ofctl flow syntax", "description": "..."}
 *   - structured: {"table": 0, "priority": 100,
 *                  "match": {"in_port": 1, "dl_type": "0x0800", ...},
 *                  "actions": [{"type": "output", "port": 2}, ...],
 *                  "idle_timeout": 0, "hard_timeout": 0,
 *                  "description": "..."}
 *
 * The structured form is rendered into ovs-ofctl text, so both forms go
 * through the one flow parser (ofp_parse_flow()); a parser error on the
 * rendered text is traced back to the JSON path of the member that
 * produced the offending token.  Match keys are ovs-ofctl field names
 * (in_port, dl_src, dl_type, nw_proto, nw_dst, tp_dst, vlan_tci, ...;
 * protocol shorthands such as "tcp" are not keys: use dl_type and
 * nw_proto); values are integers or strings in ovs-ofctl syntax.  Action
 * objects have a "type" and per-type members:
 *
 *   output(port, max_len?)  drop  pop_vlan  push_vlan(ethertype?)
 *   push_mpls(ethertype)  pop_mpls(ethertype)  dec_ttl  mod_nw_ttl(ttl)
 *   set_field(field, value)  set_queue(queue_id)  group(group_id)
 *   resubmit(port?, table?)  goto_table(table)  meter(meter_id)
 *   clear_actions  write_metadata(value, mask?)
 *
 * where a port is an integer 1-4294967040 or one of "IN_PORT", "TABLE",
 * "NORMAL", "FLOOD", "ALL", "CONTROLLER", "LOCAL".  Cookies belong to the
 * store (the app's cookie with the flow's id in the low bits): a body that
 * sets one is rejected, and so are the flow-mod flags (send_flow_rem is
 * set by the app itself for flows with a timeout). */

#include <jansson.h>
#include <stdbool.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-msgs.h"

/* The longest description accepted. */
#define STATIC_MAX_DESCRIPTION 256

/* A validated body.  Owns 'arena' (the flow's action arrays), 'text' and
 * the references in 'match_json' and 'actions_json'. */
struct static_body {
    struct ofp_flow_mod fm;     /* The flow, as parsed. */
    struct ofp_arena arena;
    char *text;                 /* Canonical text of 'fm'. */
    json_t *description;        /* JSON string or NULL. */
    json_t *match_json;         /* Structured form's "match", or NULL. */
    json_t *actions_json;       /* Structured form's "actions", or NULL. */
};

/* Validates 'body' and fills 'b'.  Returns true, or false with '*code' (a
 * static REST error code) and '*message' (malloc'ed) and 'b' freed. */
bool static_body_parse(const json_t *body, struct static_body *b,
                       const char **code, char **message);
/* Frees what 'b' owns. */
void static_body_destroy(struct static_body *b);

/* Parses canonical (or any accepted) flow text into 'fm' with its arrays
 * from 'arena', rejecting cookies and flags.  0 or EINVAL with a malloc'ed
 * '*error'. */
int static_flow_parse(const char *text, struct ofp_arena *arena,
                      struct ofp_flow_mod *fm, char **error);

/* Returns the canonical text of 'fm' (malloc'ed):
 * "table=T,priority=P[,MATCH][,idle_timeout=I][,hard_timeout=H]
 * actions=INSTRUCTIONS" in the formatters' syntax. */
char *static_flow_format(const struct ofp_flow_mod *fm);

#endif /* apps/static-flow.h */
