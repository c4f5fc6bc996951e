/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Event-loop lag (see loop-lag.h). */

#include "controller/loop-lag.h"
#include <event2/event.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "controller/metrics.h"
#include "ofp/ofp-buf.h"

/* Histogram bucket bounds, in microseconds. */
static const uint64_t bounds_us[] = {
    1000, 5000, 10000, 50000, 100000, 500000, 1000000,
};
#define N_BOUNDS (sizeof bounds_us / sizeof bounds_us[0])

/* The measurements.  One loop, one instance. */
static struct {
    struct event *timer;
    uint64_t expected_us;       /* When the timer should fire next. */
    uint64_t last_us, max_us, sum_us, count;
    uint64_t buckets[N_BOUNDS]; /* Cumulative counts are built at render. */
} lag;

/* Returns the monotonic time in microseconds. */
static uint64_t
now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The periodic timer: records how late it ran. */
static void
tick_cb(evutil_socket_t fd, short what, void *aux)
{
    uint64_t now = now_us();
    uint64_t late = now > lag.expected_us ? now - lag.expected_us : 0;
    lag.last_us = late;
    lag.max_us = late > lag.max_us ? late : lag.max_us;
    lag.sum_us += late;
    lag.count++;
    for (size_t i = 0; i < N_BOUNDS; i++) {
        if (late <= bounds_us[i]) {
            lag.buckets[i]++;
            break;
        }
    }
    /* libevent schedules a persistent timer from its previous deadline,
     * or from now when that is past: follow it, so that a steady lag is
     * seen on every tick and not only on the first. */
    lag.expected_us += OFC_LOOP_LAG_INTERVAL_MS * 1000;
    if (lag.expected_us < now) {
        lag.expected_us = now + OFC_LOOP_LAG_INTERVAL_MS * 1000;
    }
}

/* Writes 'us' microseconds as seconds. */
static void
put_seconds(struct ofp_ds *out, uint64_t us)
{
    ofp_ds_put_format(out, "%llu.%06llu", (unsigned long long) us / 1000000,
                      (unsigned long long) us % 1000000);
}

/* Metrics source: the lag gauges and histogram. */
static void
render(struct ofp_ds *out, void *aux)
{
    ofc_metrics_put_family(out, "ofc_event_loop_lag_seconds", "gauge",
                           "How late the last 100 ms event-loop tick ran.");
    ofp_ds_put_cstr(out, "ofc_event_loop_lag_seconds ");
    put_seconds(out, lag.last_us);
    ofp_ds_put_cstr(out, "\n");
    ofc_metrics_put_family(out, "ofc_event_loop_lag_max_seconds", "gauge",
                           "The largest event-loop lag since the start.");
    ofp_ds_put_cstr(out, "ofc_event_loop_lag_max_seconds ");
    put_seconds(out, lag.max_us);
    ofp_ds_put_cstr(out, "\n");
    ofc_metrics_put_family(out, "ofc_event_loop_lag_histogram_seconds",
                           "histogram", "Event-loop lag per tick.");
    uint64_t cumulative = 0;
    for (size_t i = 0; i < N_BOUNDS; i++) {
        cumulative += lag.buckets[i];
        ofp_ds_put_cstr(out, "ofc_event_loop_lag_histogram_seconds_bucket"
                        "{le=\"");
        put_seconds(out, bounds_us[i]);
        ofp_ds_put_format(out, "\"} %llu\n", (unsigned long long) cumulative);
    }
    ofp_ds_put_format(out, "ofc_event_loop_lag_histogram_seconds_bucket"
                      "{le=\"+Inf\"} %llu\n", (unsigned long long) lag.count);
    ofp_ds_put_cstr(out, "ofc_event_loop_lag_histogram_seconds_sum ");
    put_seconds(out, lag.sum_us);
    ofp_ds_put_format(out, "\nofc_event_loop_lag_histogram_seconds_count "
                      "%llu\n", (unsigned long long) lag.count);
}

void
ofc_loop_lag_start(struct event_base *base)
{
    struct timeval tv = { .tv_usec = OFC_LOOP_LAG_INTERVAL_MS * 1000 };
    lag.timer = event_new(base, -1, EV_PERSIST, tick_cb, NULL);
    lag.expected_us = now_us() + OFC_LOOP_LAG_INTERVAL_MS * 1000;
    event_add(lag.timer, &tv);
    ofc_metrics_add_source(render, NULL);
}

void
ofc_loop_lag_stop(void)
{
    ofc_metrics_remove_source(render, NULL);
    if (lag.timer) {
        event_free(lag.timer);
        lag.timer = NULL;
    }
}
