/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_L2_HOSTS_H
#define OFC_APPS_L2_HOSTS_H 1

/* The L2 app's host table: (VLAN, MAC) -> port, one per switch.
 *
 * An open-addressing hash table (linear probing, backward-shift deletion)
 * of 16-byte entries stored inline, at most 3/4 full and doubled when it
 * gets there, so a learned host costs 21 to 43 bytes here (while the table
 * grows) and a lookup touches one or two cache lines.  Lookups and
 * updates never allocate; only growing the slot array does.  Entry
 * pointers are valid until the next insert or remove. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Flags of a host: which of its flows we believe are installed. */
#define L2_HOST_SRC 0x1         /* Its eth_src flow (table 3). */
#define L2_HOST_DST 0x2         /* Its eth_dst flow (table 4). */

/* One learned host.  'port' 0 marks a free slot (OpenFlow port 0 does
 * not exist). */
struct l2_host {
    uint8_t mac[6];
    uint16_t vlan : 12;
    uint16_t flags : 4;         /* L2_HOST_*. */
    uint32_t port;
    uint32_t learned;           /* When it was learned, re-learned or moved:
                                 * l2_now() seconds (set by the app; 0 after
                                 * l2_hosts_insert()).  Ages are differences
                                 * modulo 2^32, so wrapping is harmless. */
};
_Static_assert(sizeof(struct l2_host) == 16, "l2_host is 16 bytes");

/* The table.  Owns 'slots'. */
struct l2_hosts {
    struct l2_host *slots;
    uint32_t mask;              /* Slot count - 1 (a power of 2 minus 1). */
    uint32_t n;                 /* Hosts stored. */
};

void l2_hosts_init(struct l2_hosts *);
void l2_hosts_destroy(struct l2_hosts *);

/* Returns the host (vlan, mac), or NULL. */
struct l2_host *l2_hosts_find(const struct l2_hosts *, uint16_t vlan,
                              const uint8_t mac[6]);
/* Adds host (vlan, mac) on 'port' (nonzero) with no flags, which must not
 * be in the table yet, and returns it. */
struct l2_host *l2_hosts_insert(struct l2_hosts *, uint16_t vlan,
                                const uint8_t mac[6], uint32_t port);
/* Removes 'host' (a pointer into the table). */
void l2_hosts_remove(struct l2_hosts *, struct l2_host *host);

/* Copies every host on 'port' into a malloc'ed array (caller frees) and
 * returns how many; '*out' is NULL when there are none. */
size_t l2_hosts_on_port(const struct l2_hosts *, uint32_t port,
                        struct l2_host **out);

/* Iteration: '*pos' starts at 0; returns the next host or NULL. */
struct l2_host *l2_hosts_next(const struct l2_hosts *, size_t *pos);

#endif /* apps/l2-hosts.h */
