/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_CORE_ROUTES_H
#define OFC_REST_CORE_ROUTES_H 1

/* The routes of the controller core: GET /healthz, /metrics,
 * /v1/openapi.json, /v1/switches, /v1/switches/{dpid} and /v1/apps. */

#include "rest/server.h"

/* For ofc_rest_add_routes() (terminated by method NULL). */
extern const struct ofc_route ofc_rest_core_routes[];

/* The OpenAPI document (docs/openapi.json, embedded at build time). */
extern const char ofc_openapi_json[];

#endif /* rest/core-routes.h */
