/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_CONFIG_ROUTES_H
#define OFC_REST_CONFIG_ROUTES_H 1

/* The configuration routes: GET /v1/config (the running document), PUT
 * /v1/config (check, persist and warm-apply a whole new document) and POST
 * /v1/config/validate (check only).  A document that does not check gets
 * 400 "bad_config" with the checker's one-line message and changes
 * nothing; a file that cannot be written gets 500 "storage".
 *
 * The "api_token" of the running document is never shown: GET answers
 * OFC_CONFIG_REDACTED in its place, and a PUT that sends that placeholder
 * back keeps the running token, so get, edit, put round-trips. */

#include "rest/server.h"

/* Shown instead of the running "api_token" (never a valid token). */
#define OFC_CONFIG_REDACTED "(redacted)"

/* For ofc_rest_add_routes() (terminated by method NULL). */
extern const struct ofc_route ofc_rest_config_routes[];

#endif /* rest/config-routes.h */
