/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_LOOP_LAG_H
#define OFC_LOOP_LAG_H 1

/* Event-loop lag: a timer that should fire every OFC_LOOP_LAG_INTERVAL_MS
 * measures how late it runs.  A late timer means a callback (a big flow
 * dump, a slow REST handler) held the one controller thread.  GET /metrics
 * shows the last and the largest lag and a histogram. */

struct event_base;

#define OFC_LOOP_LAG_INTERVAL_MS 100

/* Starts measuring on 'base' and registers the metrics source. */
void ofc_loop_lag_start(struct event_base *);
/* Stops measuring (frees the timer). */
void ofc_loop_lag_stop(void);

#endif /* loop-lag.h */
