/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_PARSE_H
#define OFP_PARSE_H 1

/* Parsing of Open vSwitch's ovs-ofctl flow syntax, the reverse of the
 * formatters in ofp-match.h, ofp-actions.h and ofp_format_flow_mod():
 *
 *   "table=3,priority=100,tcp,nw_src=10.0.0.0/8,tp_dst=80
 *    actions=ct(commit,zone=5,table=4)"
 *
 * Keys may be separated by commas or white space, and "key:value" is
 * accepted wherever "key=value" is (so the text ofp_format_flow_mod()
 * prints after "ADD " parses too: "table:3 priority=100 idle:10 ...").
 * "actions=" must come last; it takes the rest of the text.
 *
 * Every function returns 0 on success or EINVAL on a syntax or semantic
 * error; then '*error' (if 'error' is nonnull) receives a malloc'ed
 * one-line message naming the offending token and its 1-based position
 * in the text, which the caller frees.  On success '*error' is NULL.
 * Anything the parser does not support is an error, never a guess. */

#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-msgs.h"

/* Parses a whole flow into an ADD flow mod (ofp_flow_mod_init() defaults
 * first): table, priority, cookie, idle_timeout/idle, hard_timeout/hard,
 * the flags send_flow_rem, check_overlap, reset_counts, no_packet_counts,
 * no_byte_counts, the match fields, and "actions=" instructions.  Action
 * arrays are allocated from 'arena'. */
int ofp_parse_flow(const char *text, struct ofp_arena *arena,
                   struct ofp_flow_mod *fm, char **error);

/* Parses a match alone ("tcp,nw_src=10.0.0.0/8,tp_dst=80") into 'm',
 * including prerequisite checking. */
int ofp_parse_match(const char *text, struct ofp_match *m, char **error);

/* Parses an action list ("output:2,ct(commit)"; "drop" is empty) into
 * 'list', allocated from 'arena'. */
int ofp_parse_actions(const char *text, struct ofp_arena *arena,
                      struct ofp_action_list *list, char **error);

/* Parses what follows "actions=" in a flow: apply actions mixed with the
 * instructions meter:N, clear_actions, write_actions(...),
 * write_metadata:V[/M] and goto_table:N. */
int ofp_parse_instructions(const char *text, struct ofp_arena *arena,
                           struct ofp_instructions *in, char **error);

#endif /* ofp-parse.h */
