/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The counters and their log dump (see stats.h). */

#include "controller/stats.h"

#include <inttypes.h>
#include <stdio.h>
#include "controller/log.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-msgs.h"

struct ofc_stats ofc_stats;

/* OFPT_* names without the prefix, for the by-type counters. */
static const char *
type_name(int type)
{
    static const char *const names[] = {
        "HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "EXPERIMENTER",
        "FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST",
        "GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN", "FLOW_REMOVED",
        "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "GROUP_MOD", "PORT_MOD",
        "TABLE_MOD", "MULTIPART_REQUEST", "MULTIPART_REPLY",
        "BARRIER_REQUEST", "BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST",
        "QUEUE_GET_CONFIG_REPLY", "ROLE_REQUEST", "ROLE_REPLY",
        "GET_ASYNC_REQUEST", "GET_ASYNC_REPLY", "SET_ASYNC", "METER_MOD",
    };
    if (type < (int) (sizeof names / sizeof names[0])) {
        return names[type];
    }
    return "OTHER";
}

/* Appends "NAME=N" for every nonzero by-type counter to 'buf'. */
static void
put_by_type(char *buf, size_t size, const uint64_t *by_type)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < OFC_STATS_N_TYPES && n < size; i++) {
        if (by_type[i]) {
            int r = snprintf(buf + n, size - n, " %s=%"PRIu64,
                             type_name(i), by_type[i]);
            n += r > 0 ? (size_t) r : 0;
        }
    }
}

/* Appends "NAME=N" for every nonzero error counter to 'buf'. */
static void
put_errors(char *buf, size_t size,
           uint64_t table[][OFC_STATS_N_ERR_CODES], uint64_t other)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int t = 0; t < OFC_STATS_N_ERR_TYPES; t++) {
        for (int c = 0; c < OFC_STATS_N_ERR_CODES && n < size; c++) {
            if (table[t][c]) {
                enum ofperr e = ofperr_from_type_code(t, c);
                int r = (e
                         ? snprintf(buf + n, size - n, " %s=%"PRIu64,
                                    ofperr_name(e), table[t][c])
                         : snprintf(buf + n, size - n, " %d/%d=%"PRIu64,
                                    t, c, table[t][c]));
                n += r > 0 ? (size_t) r : 0;
            }
        }
    }
    if (other && n < size) {
        snprintf(buf + n, size - n, " other=%"PRIu64, other);
    }
}

void
ofc_stats_log(unsigned long n_switches, unsigned long n_ready,
              unsigned long n_conns)
{
    const struct ofc_stats *s = &ofc_stats;
    char buf[1024];

    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID,
             "stats: switches=%lu ready=%lu connections=%lu connects=%"PRIu64
             " disconnects=%"PRIu64" handshakes=%"PRIu64" replaced=%"PRIu64
             " hello_failures=%"PRIu64" decode_errors=%"PRIu64
             " echo_timeouts=%"PRIu64" overflows=%"PRIu64
             " backpressure=%"PRIu64" echo_requests_tx=%"PRIu64
             " echo_replies_rx=%"PRIu64" bytes_in=%"PRIu64
             " bytes_out=%"PRIu64,
             n_switches, n_ready, n_conns, s->connects, s->disconnects,
             s->handshakes, s->replaced, s->hello_failures,
             s->decode_errors, s->echo_timeouts, s->overflows,
             s->backpressure, s->echo_requests_tx, s->echo_replies_rx,
             s->bytes_in, s->bytes_out);
    put_by_type(buf, sizeof buf, s->msgs_in);
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "stats: msgs_in:%s", buf);
    put_by_type(buf, sizeof buf, s->msgs_out);
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "stats: msgs_out:%s", buf);
    put_errors(buf, sizeof buf, ofc_stats.errors_rx, s->errors_rx_other);
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "stats: errors_rx:%s", buf);
    put_errors(buf, sizeof buf, ofc_stats.errors_tx, s->errors_tx_other);
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "stats: errors_tx:%s", buf);
    /* Added by the flow store. */
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID,
             "stats: flow store: flow_mods_tx=%"PRIu64" group_mods_tx=%"PRIu64
             " reconcile_runs=%"PRIu64" bundle_fallbacks=%"PRIu64,
             s->flow_mods_tx, s->group_mods_tx, s->reconcile_runs,
             s->bundle_fallbacks);
}
