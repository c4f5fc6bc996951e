/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_H
#define OFC_APPS_L2_H 1

/* The L2 learning app: proactive, multi-table MAC learning per VLAN, in
 * the style of Faucet.  The pipeline is described in docs/l2.md. */

#include <stdbool.h>
#include <stdint.h>
#include "controller/app.h"

struct l2_hosts;
struct ofc_switch;

extern const struct ofc_app ofc_l2_app;

/* The app's counters since the daemon started (all switches). */
struct ofc_l2_stats {
    uint64_t packet_ins;        /* Packet-ins the app looked at. */
    uint64_t learned;           /* Hosts learned (new or re-learned). */
    uint64_t moves;             /* Known MACs seen on another port. */
    uint64_t forgotten;         /* Hosts dropped: aging, port down. */
    uint64_t adopted_flows;     /* Flows taken back after a restart. */
    uint64_t packet_outs;       /* PACKET_OUTs sent. */
    uint64_t floods;            /* ...of which to a flood group. */
    uint64_t rate_limited;      /* Packet-ins dropped by the rate limit. */
    uint64_t host_limit;        /* Hosts not learned: port at its limit. */
    uint64_t bad_packets;       /* No Ethernet header, multicast source,
                                 * or no in_port. */
    uint64_t hosts;             /* Hosts known now. */
};

extern struct ofc_l2_stats ofc_l2_stats;

/* Logs the counters as one INFO line of module "l2" (SIGUSR1). */
void ofc_l2_log_stats(void);

/* ---- For the app's own modules (apps/l2-rest.c). ------------------ */

/* Seconds on the monotonic clock, truncated to 32 bits: the unit of
 * struct l2_host's 'learned'. */
uint32_t l2_now(void);

/* Returns the host table the app keeps for 'sw', or NULL if it keeps none
 * (not up, or the app is not running).  Valid until the app next runs. */
const struct l2_hosts *l2_switch_hosts(const struct ofc_switch *);

/* Forgets host (vlan, mac) of 'sw' exactly as aging does: withdraws its
 * eth_src and eth_dst flows through the flow store (so its next frame
 * relearns it) and drops it from the table.  Returns false if it was not
 * known. */
bool l2_forget(struct ofc_switch *, uint16_t vlan, const uint8_t mac[6]);

/* Packet-ins the app looked at during the last complete second (all
 * switches). */
uint64_t l2_packet_in_rate(void);

#endif /* apps/l2.h */
