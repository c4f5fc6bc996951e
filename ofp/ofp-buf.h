/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_BUF_H
#define OFP_BUF_H 1

/* Byte buffers for the codec.
 *
 * struct ofpbuf is a caller-owned growable output buffer: encoders append to
 * it, so a connection can reuse one buffer for every message it sends and
 * the hot path never allocates once the buffer has grown to its working size.
 *
 * struct ofp_reader is a bounds-checked cursor over borrowed input: every
 * read is checked against the end of the buffer, which is what makes the
 * decoders safe on hostile input.
 *
 * struct ofp_arena is a bump allocator for decoded variable-length parts
 * (action arrays, bucket lists, multipart bodies).  Everything taken from it
 * is freed at once by ofp_arena_reset() or ofp_arena_destroy().
 *
 * struct ofp_ds is a growable NUL-terminated string used by the formatters. */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Big-endian loads and stores on raw bytes. */
static inline uint16_t
ofp_get_be16(const uint8_t *p)
{
    return (uint16_t) (p[0] << 8 | p[1]);
}

static inline uint32_t
ofp_get_be32(const uint8_t *p)
{
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
           | (uint32_t) p[2] << 8 | p[3];
}

static inline uint64_t
ofp_get_be64(const uint8_t *p)
{
    return (uint64_t) ofp_get_be32(p) << 32 | ofp_get_be32(p + 4);
}

static inline void
ofp_put_be16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static inline void
ofp_put_be32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

static inline void
ofp_put_be64(uint8_t *p, uint64_t v)
{
    ofp_put_be32(p, v >> 32);
    ofp_put_be32(p + 4, v);
}

/* ---- Output buffer. -------------------------------------------------- */

/* A growable byte buffer.  'data' is owned by the buffer. */
struct ofpbuf {
    uint8_t *data;
    size_t size;                /* Bytes in use. */
    size_t allocated;           /* Bytes allocated at 'data'. */
};

#define OFPBUF_INITIALIZER { NULL, 0, 0 }

void ofpbuf_init(struct ofpbuf *, size_t capacity);
void ofpbuf_uninit(struct ofpbuf *);
void ofpbuf_consume(struct ofpbuf *, size_t n);
/* Grows 'b' so that 'more' bytes fit after 'size': the out-of-line slow
 * path of ofpbuf_reserve(). */
void ofpbuf_grow__(struct ofpbuf *, size_t more);

/* The appenders below run for every field of every encoded message, so
 * they are inline: only growing the buffer is a call. */

/* Empties 'b' but keeps its memory for reuse. */
static inline void
ofpbuf_clear(struct ofpbuf *b)
{
    b->size = 0;
}

/* Ensures that 'more' bytes can be appended without reallocating. */
static inline void
ofpbuf_reserve(struct ofpbuf *b, size_t more)
{
    if (b->allocated - b->size < more) {
        ofpbuf_grow__(b, more);
    }
}

/* Appends 'n' bytes whose content the caller writes; returns them. */
static inline void *
ofpbuf_put_uninit(struct ofpbuf *b, size_t n)
{
    ofpbuf_reserve(b, n);
    void *p = b->data + b->size;
    b->size += n;
    return p;
}

/* Appends 'n' zero bytes and returns them. */
static inline void *
ofpbuf_put_zeros(struct ofpbuf *b, size_t n)
{
    void *p = ofpbuf_put_uninit(b, n);
    memset(p, 0, n);
    return p;
}

/* Appends a copy of the 'n' bytes at 'p' ('p' may be NULL if 'n' is 0). */
static inline void
ofpbuf_put(struct ofpbuf *b, const void *p, size_t n)
{
    if (n) {
        memcpy(ofpbuf_put_uninit(b, n), p, n);
    }
}

/* Appends one byte. */
static inline void
ofpbuf_put_u8(struct ofpbuf *b, uint8_t v)
{
    *(uint8_t *) ofpbuf_put_uninit(b, 1) = v;
}

/* Appends 'v' in network byte order (also the _be32 and _be64 forms). */
static inline void
ofpbuf_put_be16(struct ofpbuf *b, uint16_t v)
{
    ofp_put_be16(ofpbuf_put_uninit(b, 2), v);
}

static inline void
ofpbuf_put_be32(struct ofpbuf *b, uint32_t v)
{
    ofp_put_be32(ofpbuf_put_uninit(b, 4), v);
}

static inline void
ofpbuf_put_be64(struct ofpbuf *b, uint64_t v)
{
    ofp_put_be64(ofpbuf_put_uninit(b, 8), v);
}

/* Appends zeros until (size - start) is a multiple of 'alignment'. */
static inline void
ofpbuf_pad_to(struct ofpbuf *b, size_t start, size_t alignment)
{
    size_t len = b->size - start;
    size_t pad = (alignment - len % alignment) % alignment;
    if (pad) {
        ofpbuf_put_zeros(b, pad);
    }
}

/* Overwrites the 2 bytes at 'offset' (within 'size') with 'v' in network
 * byte order, e.g. to fill in a length once it is known. */
static inline void
ofpbuf_set_be16(struct ofpbuf *b, size_t offset, uint16_t v)
{
    ofp_put_be16(b->data + offset, v);
}

/* Likewise for 4 bytes. */
static inline void
ofpbuf_set_be32(struct ofpbuf *b, size_t offset, uint32_t v)
{
    ofp_put_be32(b->data + offset, v);
}

/* ---- Bounds-checked reader over borrowed bytes. ---------------------- */

struct ofp_reader {
    const uint8_t *data;
    size_t size;                /* Total bytes readable from 'data'. */
    size_t ofs;                 /* Bytes already consumed. */
};

static inline void
ofp_reader_init(struct ofp_reader *r, const void *data, size_t size)
{
    r->data = data;
    r->size = size;
    r->ofs = 0;
}

static inline size_t
ofp_reader_left(const struct ofp_reader *r)
{
    return r->size - r->ofs;
}

static inline const uint8_t *
ofp_reader_cur(const struct ofp_reader *r)
{
    return r->data + r->ofs;
}

/* Each pull returns false, and consumes nothing, when fewer bytes remain
 * than it needs.  Values come back in host byte order.  They are inline
 * because every decoder calls them for every field. */

/* Consumes 'n' bytes and points '*out' at them. */
static inline bool
ofp_reader_pull(struct ofp_reader *r, size_t n, const uint8_t **out)
{
    if (ofp_reader_left(r) < n) {
        return false;
    }
    *out = r->data + r->ofs;
    r->ofs += n;
    return true;
}

/* Consumes 'n' bytes. */
static inline bool
ofp_reader_skip(struct ofp_reader *r, size_t n)
{
    if (ofp_reader_left(r) < n) {
        return false;
    }
    r->ofs += n;
    return true;
}

/* Consumes one byte into '*v'. */
static inline bool
ofp_reader_u8(struct ofp_reader *r, uint8_t *v)
{
    if (ofp_reader_left(r) < 1) {
        return false;
    }
    *v = r->data[r->ofs++];
    return true;
}

/* Consumes a big-endian 16-bit value into '*v'. */
static inline bool
ofp_reader_be16(struct ofp_reader *r, uint16_t *v)
{
    const uint8_t *p;
    if (!ofp_reader_pull(r, 2, &p)) {
        return false;
    }
    *v = ofp_get_be16(p);
    return true;
}

/* Consumes a big-endian 32-bit value into '*v'. */
static inline bool
ofp_reader_be32(struct ofp_reader *r, uint32_t *v)
{
    const uint8_t *p;
    if (!ofp_reader_pull(r, 4, &p)) {
        return false;
    }
    *v = ofp_get_be32(p);
    return true;
}

/* Consumes a big-endian 64-bit value into '*v'. */
static inline bool
ofp_reader_be64(struct ofp_reader *r, uint64_t *v)
{
    const uint8_t *p;
    if (!ofp_reader_pull(r, 8, &p)) {
        return false;
    }
    *v = ofp_get_be64(p);
    return true;
}

/* Splits the next 'n' bytes off into 'sub', a reader of its own. */
static inline bool
ofp_reader_sub(struct ofp_reader *r, size_t n, struct ofp_reader *sub)
{
    const uint8_t *p;
    if (!ofp_reader_pull(r, n, &p)) {
        return false;
    }
    ofp_reader_init(sub, p, n);
    return true;
}

/* ---- Arena for decoded variable-length parts. ------------------------ */

struct ofp_arena_chunk;

/* A bump allocator.  The first chunk is kept across resets, so a reused
 * arena stops allocating once it has grown to its working size. */
struct ofp_arena {
    struct ofp_arena_chunk *chunks;     /* Newest first. */
};

#define OFP_ARENA_INITIALIZER { NULL }

void ofp_arena_init(struct ofp_arena *);
void ofp_arena_destroy(struct ofp_arena *);
void ofp_arena_reset(struct ofp_arena *);
/* Returns 'size' bytes aligned for any type, zeroed.  Never NULL. */
void *ofp_arena_alloc(struct ofp_arena *, size_t size);
/* Returns 'n' elements of 'size' bytes each, zeroed, or NULL when 'n' is 0. */
void *ofp_arena_calloc(struct ofp_arena *, size_t n, size_t size);

/* ---- Dynamic string for formatters. ---------------------------------- */

struct ofp_ds {
    char *string;               /* NUL-terminated, owned; NULL when empty. */
    size_t length;
    size_t allocated;
};

#define OFP_DS_INITIALIZER { NULL, 0, 0 }

void ofp_ds_init(struct ofp_ds *);
void ofp_ds_destroy(struct ofp_ds *);
void ofp_ds_clear(struct ofp_ds *);
const char *ofp_ds_cstr(struct ofp_ds *);
void ofp_ds_put_char(struct ofp_ds *, char);
void ofp_ds_put_cstr(struct ofp_ds *, const char *);
void ofp_ds_put_format(struct ofp_ds *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void ofp_ds_put_format_valist(struct ofp_ds *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));
void ofp_ds_put_hex(struct ofp_ds *, const void *, size_t);
void ofp_ds_put_mac(struct ofp_ds *, const uint8_t mac[6]);
void ofp_ds_put_ipv4(struct ofp_ds *, uint32_t host_order_addr);
void ofp_ds_put_ipv6(struct ofp_ds *, const uint8_t addr[16]);
/* "1.500s", as Open vSwitch prints a duration of 1 s + 500000000 ns. */
void ofp_ds_put_duration(struct ofp_ds *, uint32_t sec, uint32_t nsec);
/* Removes trailing characters found in 'chars' (e.g. ", "). */
void ofp_ds_chomp(struct ofp_ds *, const char *chars);

#endif /* ofp-buf.h */
