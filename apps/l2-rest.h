/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_REST_H
#define OFC_APPS_L2_REST_H 1

/* The L2 app's REST routes: GET /v1/hosts (the learned hosts of every
 * switch, filtered by ?dpid= ?vlan= ?mac= ?port=) and DELETE /v1/hosts
 * (forgets the matching hosts as aging does), and the app's status for
 * GET /v1/apps.  The shapes are in docs/l2.md. */

#include <jansson.h>
#include "controller/route.h"

extern const struct ofc_route l2_rest_routes[];

/* The app's 'status' slot: a new object {"hosts", "switches",
 * "packet_in_rate", "packet_ins", "learned", "moves", "forgotten"}. */
json_t *l2_rest_status(void);

#endif /* apps/l2-rest.h */
