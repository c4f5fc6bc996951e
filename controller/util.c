/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Allocation helpers and the intrusive hash map (see util.h). */

#include "controller/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Reports memory exhaustion and aborts: the daemon has no sane way on. */
static void
out_of_memory(void)
{
    fputs("ofcd: out of memory\n", stderr);
    abort();
}

void *
ofc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        out_of_memory();
    }
    return p;
}

void *
ofc_xzalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        out_of_memory();
    }
    return p;
}

void *
ofc_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        out_of_memory();
    }
    return p;
}

char *
ofc_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(ofc_xmalloc(n), s, n);
}

char *
ofc_xasprintf(const char *format, ...)
{
    va_list args;
    char *s;

    va_start(args, format);
    if (vasprintf(&s, format, args) < 0) {
        out_of_memory();
    }
    va_end(args);
    return s;
}

void
ofc_hmap_init(struct ofc_hmap *m)
{
    m->mask = 7;
    m->n = 0;
    m->buckets = ofc_xzalloc((m->mask + 1) * sizeof *m->buckets);
}

void
ofc_hmap_destroy(struct ofc_hmap *m)
{
    free(m->buckets);
    m->buckets = NULL;
    m->n = 0;
}

/* Doubles the bucket array and rehashes every node into it. */
static void
hmap_expand(struct ofc_hmap *m)
{
    size_t new_mask = m->mask * 2 + 1;
    struct ofc_hmap_node **b = ofc_xzalloc((new_mask + 1) * sizeof *b);
    for (size_t i = 0; i <= m->mask; i++) {
        struct ofc_hmap_node *n = m->buckets[i];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            n->next = b[n->hash & new_mask];
            b[n->hash & new_mask] = n;
            n = next;
        }
    }
    free(m->buckets);
    m->buckets = b;
    m->mask = new_mask;
}

void
ofc_hmap_insert(struct ofc_hmap *m, struct ofc_hmap_node *node, uint32_t hash)
{
    node->hash = hash;
    node->next = m->buckets[hash & m->mask];
    m->buckets[hash & m->mask] = node;
    if (++m->n > m->mask + 1) {
        hmap_expand(m);
    }
}

void
ofc_hmap_remove(struct ofc_hmap *m, struct ofc_hmap_node *node)
{
    struct ofc_hmap_node **p = &m->buckets[node->hash & m->mask];
    while (*p != node) {
        p = &(*p)->next;
    }
    *p = node->next;
    m->n--;
}

struct ofc_hmap_node *
ofc_hmap_any(const struct ofc_hmap *m)
{
    if (!m->n) {
        return NULL;
    }
    for (size_t i = 0; i <= m->mask; i++) {
        if (m->buckets[i]) {
            return m->buckets[i];
        }
    }
    return NULL;
}

long long
ofc_time_msec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int yield_left;
static void (*yield_cb)(void *);
static void *yield_aux;

void
ofc_loop_yield(int callbacks, void (*cb)(void *), void *aux)
{
    yield_left = callbacks;
    yield_cb = cb;
    yield_aux = aux;
}

void
ofc_loop_tick(void)
{
    if (yield_cb && --yield_left <= 0) {
        void (*cb)(void *) = yield_cb;
        yield_cb = NULL;
        cb(yield_aux);
    }
}

long long
ofc_time_usec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
