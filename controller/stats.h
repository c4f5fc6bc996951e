/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_STATS_H
#define OFC_STATS_H 1

/* The daemon's counters, kept in one plain struct (one thread, no locks)
 * so the metrics endpoint of a later issue can read them directly.  Today
 * ofc_stats_log() prints them on SIGUSR1. */

#include <stdint.h>

#define OFC_STATS_N_TYPES 32    /* OFPT_* 0..31; anything above is lumped
                                 * into the last slot. */
#define OFC_STATS_N_ERR_TYPES 14        /* OFPET_* 0..13. */
#define OFC_STATS_N_ERR_CODES 16        /* Codes 0..15 (max in 1.3). */
#define OFC_STATS_N_PIN_REASONS 4       /* OFPR_* 0..2, then other. */

/* Counters since the daemon started. */
struct ofc_stats {
    uint64_t connects;          /* TCP connections accepted. */
    uint64_t disconnects;       /* Connections closed, for any reason. */
    uint64_t handshakes;        /* Connections that reached READY. */
    uint64_t replaced;          /* Old connections replaced by a new one
                                 * with the same dpid. */
    uint64_t hello_failures;    /* Peers without OpenFlow 1.3. */
    uint64_t decode_errors;     /* Malformed messages from peers. */
    uint64_t echo_timeouts;     /* Disconnects for unanswered echoes. */
    uint64_t overflows;         /* Disconnects for the memory cap. */
    uint64_t backpressure;      /* Times reading was paused. */
    uint64_t echo_requests_tx;  /* Keepalives sent. */
    uint64_t echo_replies_rx;   /* Keepalive answers received. */
    uint64_t msgs_in[OFC_STATS_N_TYPES];        /* By OFPT_*. */
    uint64_t msgs_out[OFC_STATS_N_TYPES];       /* By OFPT_*. */
    uint64_t bytes_in;
    uint64_t bytes_out;
    /* OFPT_ERRORs received from switches, and sent to them, by (type,
     * code); out-of-range pairs count in 'errors_*_other'. */
    uint64_t errors_rx[OFC_STATS_N_ERR_TYPES][OFC_STATS_N_ERR_CODES];
    uint64_t errors_tx[OFC_STATS_N_ERR_TYPES][OFC_STATS_N_ERR_CODES];
    uint64_t errors_rx_other;
    uint64_t errors_tx_other;
    /* Added by the flow store. */
    uint64_t flow_mods_tx;      /* FLOW_MODs sent (bundled or not). */
    uint64_t group_mods_tx;     /* GROUP_MODs sent (bundled or not). */
    uint64_t reconcile_runs;    /* Initial diffs run (one per connect). */
    uint64_t bundle_fallbacks;  /* Failed bundles resent plainly. */
    /* Added by metrics: PACKET_INs received, by OFPR_* reason (0..2);
     * any other reason counts in the last slot. */
    uint64_t packet_ins[OFC_STATS_N_PIN_REASONS];
};

extern struct ofc_stats ofc_stats;

/* Counts one message of wire type 'type'. */
static inline void
ofc_stats_count_msg(uint64_t *by_type, uint8_t type)
{
    by_type[type < OFC_STATS_N_TYPES ? type : OFC_STATS_N_TYPES - 1]++;
}

/* Counts one error (type, code) in 'table' or in '*other'. */
static inline void
ofc_stats_count_error(uint64_t table[][OFC_STATS_N_ERR_CODES],
                      uint64_t *other, uint16_t type, uint16_t code)
{
    if (type < OFC_STATS_N_ERR_TYPES && code < OFC_STATS_N_ERR_CODES) {
        table[type][code]++;
    } else {
        (*other)++;
    }
}

/* Counts one PACKET_IN with OFPR_* 'reason' (added by metrics). */
static inline void
ofc_stats_count_packet_in(uint8_t reason)
{
    ofc_stats.packet_ins[reason < OFC_STATS_N_PIN_REASONS - 1
                         ? reason : OFC_STATS_N_PIN_REASONS - 1]++;
}

/* Logs the counters (and the given switch and connection counts) as a few
 * INFO lines of module "ofcd". */
void ofc_stats_log(unsigned long n_switches, unsigned long n_ready,
                   unsigned long n_conns);

#endif /* stats.h */
