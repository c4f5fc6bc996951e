/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef TESTS_CONFORMANCE_H
#define TESTS_CONFORMANCE_H 1

/* Shared case lists for the round-trip and Open vSwitch conformance suites.
 *
 * Each conf_*_cases() function builds messages with our encoders and hands
 * every one to 'emit' with a unique, descriptive name.  Two drivers consume
 * the same cases:
 *   - tests/test-roundtrip checks encode -> decode -> encode is
 *     byte-identical for each;
 *   - tests/conformance-gen prints them for tests/conformance.py, which
 *     decodes each with `ovs-ofctl ofp-print` and compares its text with
 *     our ofp_format() output. */

#include "ofp/ofp-buf.h"

typedef void conf_emit_fn(const char *name, const struct ofpbuf *msg);

void conf_match_cases(conf_emit_fn *);      /* tests/conf-match.c */
void conf_actions_cases(conf_emit_fn *);    /* tests/conf-actions.c */
void conf_msgs_cases(conf_emit_fn *);       /* tests/conf-msgs.c */
void conf_multipart_cases(conf_emit_fn *);  /* tests/conf-multipart.c */

#endif /* tests/conformance.h */
