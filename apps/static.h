/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_STATIC_H
#define OFC_APPS_STATIC_H 1

/* The static app: the operator's own flows, pushed over REST (POST
 * /v1/switches/{dpid}/flows), persisted in the state directory before the
 * reply, and reconciled onto their switch like every other app's flows. */

#include "controller/app.h"

extern const struct ofc_app ofc_static_app;

#endif /* apps/static.h */
