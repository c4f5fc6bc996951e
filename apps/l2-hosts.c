/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 app's host table (see l2-hosts.h). */

#include "apps/l2-hosts.h"

#include <stdlib.h>
#include <string.h>
#include "controller/util.h"

#define L2_HOSTS_MIN_SLOTS 64

/* Returns the hash of (vlan, mac). */
static inline uint32_t
host_hash(uint16_t vlan, const uint8_t mac[6])
{
    uint64_t key = ((uint64_t) vlan << 48
                    | (uint64_t) mac[0] << 40 | (uint64_t) mac[1] << 32
                    | (uint64_t) mac[2] << 24 | (uint64_t) mac[3] << 16
                    | (uint64_t) mac[4] << 8 | mac[5]);
    return ofc_hash_u64(key);
}

void
l2_hosts_init(struct l2_hosts *t)
{
    t->slots = ofc_xzalloc(L2_HOSTS_MIN_SLOTS * sizeof *t->slots);
    t->mask = L2_HOSTS_MIN_SLOTS - 1;
    t->n = 0;
}

void
l2_hosts_destroy(struct l2_hosts *t)
{
    free(t->slots);
    t->slots = NULL;
    t->mask = 0;
    t->n = 0;
}

struct l2_host *
l2_hosts_find(const struct l2_hosts *t, uint16_t vlan, const uint8_t mac[6])
{
    for (uint32_t i = host_hash(vlan, mac) & t->mask; ;
         i = (i + 1) & t->mask) {
        struct l2_host *h = &t->slots[i];
        if (!h->port) {
            return NULL;
        }
        if (h->vlan == vlan && !memcmp(h->mac, mac, 6)) {
            return h;
        }
    }
}

/* Places 'h' (not in the table) into the first free slot of its probe
 * sequence; there must be one. */
static struct l2_host *
place(struct l2_hosts *t, const struct l2_host *h)
{
    uint32_t i = host_hash(h->vlan, h->mac) & t->mask;
    while (t->slots[i].port) {
        i = (i + 1) & t->mask;
    }
    t->slots[i] = *h;
    return &t->slots[i];
}

/* Doubles the slot array and rehashes every host. */
static void
grow(struct l2_hosts *t)
{
    struct l2_host *old = t->slots;
    uint32_t old_n = t->mask + 1;
    t->slots = ofc_xzalloc((size_t) old_n * 2 * sizeof *t->slots);
    t->mask = old_n * 2 - 1;
    for (uint32_t i = 0; i < old_n; i++) {
        if (old[i].port) {
            place(t, &old[i]);
        }
    }
    free(old);
}

struct l2_host *
l2_hosts_insert(struct l2_hosts *t, uint16_t vlan, const uint8_t mac[6],
                uint32_t port)
{
    /* Keep the load at most 3/4 so probe sequences stay short. */
    if ((t->n + 1) * 4 > (t->mask + 1) * 3) {
        grow(t);
    }
    struct l2_host h;
    memcpy(h.mac, mac, 6);
    h.vlan = vlan;
    h.flags = 0;
    h.port = port;
    h.learned = 0;
    t->n++;
    return place(t, &h);
}

void
l2_hosts_remove(struct l2_hosts *t, struct l2_host *host)
{
    uint32_t hole = host - t->slots;
    /* Backward-shift deletion: move later members of the cluster into the
     * hole when their home slot does not lie between the hole and them. */
    for (uint32_t i = (hole + 1) & t->mask; t->slots[i].port;
         i = (i + 1) & t->mask) {
        uint32_t home = host_hash(t->slots[i].vlan, t->slots[i].mac)
                        & t->mask;
        if (((i - home) & t->mask) >= ((i - hole) & t->mask)) {
            t->slots[hole] = t->slots[i];
            hole = i;
        }
    }
    memset(&t->slots[hole], 0, sizeof t->slots[hole]);
    t->n--;
}

size_t
l2_hosts_on_port(const struct l2_hosts *t, uint32_t port,
                 struct l2_host **out)
{
    size_t n = 0, allocated = 0;
    *out = NULL;
    for (uint32_t i = 0; i <= t->mask; i++) {
        if (t->slots[i].port == port) {
            if (n == allocated) {
                allocated = allocated ? allocated * 2 : 16;
                *out = ofc_xrealloc(*out, allocated * sizeof **out);
            }
            (*out)[n++] = t->slots[i];
        }
    }
    return n;
}

struct l2_host *
l2_hosts_next(const struct l2_hosts *t, size_t *pos)
{
    while (*pos <= t->mask) {
        struct l2_host *h = &t->slots[(*pos)++];
        if (h->port) {
            return h;
        }
    }
    return NULL;
}
