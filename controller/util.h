/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_UTIL_H
#define OFC_UTIL_H 1

/* Small building blocks for the controller: allocation that never returns
 * NULL, an intrusive doubly linked list and an intrusive hash map.  Both
 * containers store caller-owned nodes embedded in the caller's structs, so
 * inserting never allocates (except the hash map's bucket array when it
 * grows). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation: abort with a message on exhaustion. */
void *ofc_xmalloc(size_t);
void *ofc_xzalloc(size_t);
void *ofc_xrealloc(void *, size_t);
char *ofc_xstrdup(const char *);
/* Returns a malloc'ed printf-formatted string. */
char *ofc_xasprintf(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Returns the struct of type TYPE that contains MEMBER at POINTER. */
#define OFC_CONTAINER_OF(POINTER, TYPE, MEMBER) \
    ((TYPE *) (void *) ((char *) (POINTER) - offsetof(TYPE, MEMBER)))

/* ---- Intrusive circular doubly linked list. -------------------------- */

/* A list head or an element's link.  An unlinked element points to
 * itself after ofc_list_init(). */
struct ofc_list {
    struct ofc_list *prev, *next;
};

static inline void
ofc_list_init(struct ofc_list *l)
{
    l->prev = l->next = l;
}

static inline bool
ofc_list_is_empty(const struct ofc_list *l)
{
    return l->next == l;
}

/* Inserts 'e' before 'where' (at the back when 'where' is the head). */
static inline void
ofc_list_insert(struct ofc_list *where, struct ofc_list *e)
{
    e->prev = where->prev;
    e->next = where;
    where->prev->next = e;
    where->prev = e;
}

static inline void
ofc_list_push_back(struct ofc_list *head, struct ofc_list *e)
{
    ofc_list_insert(head, e);
}

/* Unlinks 'e' and leaves it pointing to itself. */
static inline void
ofc_list_remove(struct ofc_list *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
    ofc_list_init(e);
}

/* ---- Intrusive chained hash map. ------------------------------------- */

/* A node embedded in a hashed element. */
struct ofc_hmap_node {
    struct ofc_hmap_node *next;
    uint32_t hash;
};

/* The map: a power-of-two bucket array that doubles when the map holds
 * more nodes than buckets.  Owns the bucket array, not the nodes. */
struct ofc_hmap {
    struct ofc_hmap_node **buckets;
    size_t mask;
    size_t n;
};

void ofc_hmap_init(struct ofc_hmap *);
void ofc_hmap_destroy(struct ofc_hmap *);
void ofc_hmap_insert(struct ofc_hmap *, struct ofc_hmap_node *,
                     uint32_t hash);
void ofc_hmap_remove(struct ofc_hmap *, struct ofc_hmap_node *);

/* Returns the first node of the bucket for 'hash' (callers walk 'next' and
 * compare both the hash and their key). */
static inline struct ofc_hmap_node *
ofc_hmap_first_with_hash(const struct ofc_hmap *m, uint32_t hash)
{
    struct ofc_hmap_node *n = m->buckets[hash & m->mask];
    while (n && n->hash != hash) {
        n = n->next;
    }
    return n;
}

static inline struct ofc_hmap_node *
ofc_hmap_next_with_hash(const struct ofc_hmap_node *node)
{
    struct ofc_hmap_node *n = node->next;
    while (n && n->hash != node->hash) {
        n = n->next;
    }
    return n;
}

/* Returns any node of the map, or NULL if it is empty (used to drain a
 * map: remove what this returns until it returns NULL). */
struct ofc_hmap_node *ofc_hmap_any(const struct ofc_hmap *);

/* Mixes 64 bits into a 32-bit hash. */
static inline uint32_t
ofc_hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x *= UINT64_C(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    return (uint32_t) x;
}

/* Fair turns between the REST server and the switches: after
 * ofc_loop_yield(N, cb, aux), the N-th switch callback from now calls
 * cb(aux) (once).  The connection layer calls ofc_loop_tick() after each
 * read callback of a switch. */
void ofc_loop_yield(int callbacks, void (*cb)(void *), void *aux);
void ofc_loop_tick(void);

/* Monotonic time in milliseconds and in microseconds. */
long long ofc_time_msec(void);
long long ofc_time_usec(void);

#endif /* util.h */
