/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_SWITCH_LIVE_H
#define OFC_REST_SWITCH_LIVE_H 1

/* Live views of a switch, asked of the switch itself at request time:
 * GET /v1/switches/{dpid}/ports (PORT_STATS), .../flows (FLOW_STATS, with
 * ?table= ?cookie= ?app= filters) and .../groups (GROUP_DESC and
 * GROUP_STATS).  The answers wait for the switch (ofc_rest_defer()). */

#include "rest/server.h"

/* The routes, for ofc_rest_add_routes() (terminated by method NULL). */
extern const struct ofc_route ofc_rest_live_routes[];

#endif /* rest/switch-live.h */
