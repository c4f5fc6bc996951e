/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-buf.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Aborts on out-of-memory: a controller that cannot allocate a few bytes
 * cannot make progress, and pretending otherwise spreads NULL checks over
 * every encoder. */
static void *
xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("ofp: out of memory\n", stderr);
        abort();
    }
    return p;
}

void
ofpbuf_init(struct ofpbuf *b, size_t capacity)
{
    b->data = capacity ? xrealloc(NULL, capacity) : NULL;
    b->size = 0;
    b->allocated = capacity;
}

void
ofpbuf_uninit(struct ofpbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->size = b->allocated = 0;
}

/* Grows by doubling; a request that cannot be met aborts, as xrealloc()
 * does, instead of overflowing. */
void
ofpbuf_grow__(struct ofpbuf *b, size_t more)
{
    size_t want = b->size + more;
    size_t n = b->allocated ? b->allocated * 2 : 256;
    if (want < b->size || want > SIZE_MAX / 2) {
        fputs("ofp: buffer size overflow\n", stderr);
        abort();
    }
    while (n < want) {
        n *= 2;
    }
    b->data = xrealloc(b->data, n);
    b->allocated = n;
}

/* Drops the first 'n' bytes, e.g. after they were written to a socket. */
void
ofpbuf_consume(struct ofpbuf *b, size_t n)
{
    if (n >= b->size) {
        b->size = 0;
    } else {
        memmove(b->data, b->data + n, b->size - n);
        b->size -= n;
    }
}

/* ---- Arena. ---------------------------------------------------------- */

struct ofp_arena_chunk {
    struct ofp_arena_chunk *next;
    size_t size;                /* Usable bytes in 'mem'. */
    size_t used;
    max_align_t mem[];
};

#define ARENA_MIN_CHUNK 4096

void
ofp_arena_init(struct ofp_arena *a)
{
    a->chunks = NULL;
}

void
ofp_arena_destroy(struct ofp_arena *a)
{
    while (a->chunks) {
        struct ofp_arena_chunk *next = a->chunks->next;
        free(a->chunks);
        a->chunks = next;
    }
}

/* Frees every chunk but the largest one, which is kept for reuse. */
void
ofp_arena_reset(struct ofp_arena *a)
{
    struct ofp_arena_chunk *keep = NULL;
    while (a->chunks) {
        struct ofp_arena_chunk *c = a->chunks;
        a->chunks = c->next;
        if (!keep || c->size > keep->size) {
            free(keep);
            keep = c;
        } else {
            free(c);
        }
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->chunks = keep;
}

void *
ofp_arena_alloc(struct ofp_arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    struct ofp_arena_chunk *c = a->chunks;
    if (!c || c->size - c->used < size) {
        size_t n = size > ARENA_MIN_CHUNK ? size : ARENA_MIN_CHUNK;
        if (c && c->size * 2 > n) {
            n = c->size * 2;
        }
        c = xrealloc(NULL, sizeof *c + n);
        c->size = n;
        c->used = 0;
        c->next = a->chunks;
        a->chunks = c;
    }
    void *p = (char *) c->mem + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *
ofp_arena_calloc(struct ofp_arena *a, size_t n, size_t size)
{
    if (!n) {
        return NULL;
    }
    if (size && n > SIZE_MAX / size) {
        abort();
    }
    return ofp_arena_alloc(a, n * size);
}

/* ---- Dynamic string. ------------------------------------------------- */

void
ofp_ds_init(struct ofp_ds *ds)
{
    ds->string = NULL;
    ds->length = ds->allocated = 0;
}

void
ofp_ds_destroy(struct ofp_ds *ds)
{
    free(ds->string);
    ofp_ds_init(ds);
}

void
ofp_ds_clear(struct ofp_ds *ds)
{
    ds->length = 0;
    if (ds->string) {
        ds->string[0] = '\0';
    }
}

static void
ds_reserve(struct ofp_ds *ds, size_t more)
{
    if (ds->allocated < ds->length + more + 1) {
        size_t n = ds->allocated ? ds->allocated : 64;
        while (n < ds->length + more + 1) {
            n *= 2;
        }
        ds->string = xrealloc(ds->string, n);
        ds->allocated = n;
    }
}

const char *
ofp_ds_cstr(struct ofp_ds *ds)
{
    ds_reserve(ds, 0);
    ds->string[ds->length] = '\0';
    return ds->string;
}

void
ofp_ds_put_char(struct ofp_ds *ds, char c)
{
    ds_reserve(ds, 1);
    ds->string[ds->length++] = c;
    ds->string[ds->length] = '\0';
}

void
ofp_ds_put_cstr(struct ofp_ds *ds, const char *s)
{
    size_t n = strlen(s);
    ds_reserve(ds, n);
    memcpy(ds->string + ds->length, s, n + 1);
    ds->length += n;
}

void
ofp_ds_put_format_valist(struct ofp_ds *ds, const char *fmt, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n <= 0) {
        return;
    }
    ds_reserve(ds, n);
    vsnprintf(ds->string + ds->length, n + 1, fmt, args);
    ds->length += n;
}

void
ofp_ds_put_format(struct ofp_ds *ds, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    ofp_ds_put_format_valist(ds, fmt, args);
    va_end(args);
}

void
ofp_ds_put_hex(struct ofp_ds *ds, const void *p_, size_t n)
{
    const uint8_t *p = p_;
    for (size_t i = 0; i < n; i++) {
        ofp_ds_put_format(ds, "%02x", p[i]);
    }
}

void
ofp_ds_put_mac(struct ofp_ds *ds, const uint8_t m[6])
{
    ofp_ds_put_format(ds, "%02x:%02x:%02x:%02x:%02x:%02x",
                      m[0], m[1], m[2], m[3], m[4], m[5]);
}

void
ofp_ds_put_ipv4(struct ofp_ds *ds, uint32_t a)
{
    ofp_ds_put_format(ds, "%u.%u.%u.%u",
                      a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

void
ofp_ds_put_ipv6(struct ofp_ds *ds, const uint8_t addr[16])
{
    char s[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, addr, s, sizeof s);
    ofp_ds_put_cstr(ds, s);
}

/* Open vSwitch prints durations with no decimals for whole seconds, three
 * for whole milliseconds, and otherwise as many as needed. */
void
ofp_ds_put_duration(struct ofp_ds *ds, uint32_t sec, uint32_t nsec)
{
    ofp_ds_put_format(ds, "%"PRIu32, sec);
    if (nsec > 0) {
        uint32_t msec = nsec / 1000000;
        if (msec * 1000000 == nsec) {
            ofp_ds_put_format(ds, ".%03"PRIu32, msec);
        } else {
            ofp_ds_put_format(ds, ".%09"PRIu32, nsec);
            ofp_ds_chomp(ds, "0");
        }
    }
    ofp_ds_put_char(ds, 's');
}

void
ofp_ds_chomp(struct ofp_ds *ds, const char *chars)
{
    while (ds->length && strchr(chars, ds->string[ds->length - 1])) {
        ds->string[--ds->length] = '\0';
    }
}
