/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for ofp/ofp-buf (output buffer, bounds-checked reader, arena,
 * dynamic string) and ofp/ofp-errors (the (type, code) table). */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "tests/tap.h"

/* The output buffer: put helpers, growth, padding, consume. */
static void
test_ofpbuf(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    tap_ok(!b.data && !b.size && !b.allocated, "ofpbuf: initializer empty");

    ofpbuf_put_u8(&b, 0xab);
    ofpbuf_put_be16(&b, 0x0102);
    ofpbuf_put_be32(&b, 0x03040506);
    ofpbuf_put_be64(&b, 0x0708090a0b0c0d0eull);
    static const uint8_t want[] = { 0xab, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                                    12, 13, 14 };
    tap_ok(b.size == sizeof want && !memcmp(b.data, want, sizeof want),
           "ofpbuf: put_u8/be16/be32/be64 write big-endian bytes");

    ofpbuf_set_be16(&b, 1, 0xcafe);
    ofpbuf_set_be32(&b, 3, 0xdeadbeef);
    tap_ok(b.data[1] == 0xca && b.data[2] == 0xfe && b.data[3] == 0xde
           && b.data[6] == 0xef && b.size == sizeof want,
           "ofpbuf: set_be16/set_be32 patch in place, size unchanged");

    /* Growth: many puts keep every byte. */
    ofpbuf_clear(&b);
    tap_ok(b.size == 0 && b.allocated > 0, "ofpbuf: clear keeps storage");
    bool ok = true;
    for (unsigned i = 0; i < 100000; i++) {
        ofpbuf_put_u8(&b, (uint8_t) (i * 31));
    }
    for (unsigned i = 0; i < 100000; i++) {
        ok = ok && b.data[i] == (uint8_t) (i * 31);
    }
    tap_ok(ok && b.size == 100000 && b.allocated >= 100000,
           "ofpbuf: 100000 single-byte puts grow and keep content");

    size_t before = b.size;
    ofpbuf_reserve(&b, 1 << 20);
    tap_ok(b.size == before && b.allocated - b.size >= (1u << 20),
           "ofpbuf: reserve makes room without changing size");
    size_t alloc = b.allocated;
    uint8_t *p = ofpbuf_put_uninit(&b, 1 << 20);
    tap_ok(b.allocated == alloc && p == b.data + before,
           "ofpbuf: put within the reserve does not reallocate");

    ofpbuf_clear(&b);
    uint8_t *z = ofpbuf_put_zeros(&b, 3);
    tap_ok(b.size == 3 && !z[0] && !z[1] && !z[2], "ofpbuf: put_zeros");
    ofpbuf_put(&b, "abcde", 5);
    ofpbuf_put(&b, NULL, 0);
    tap_ok(b.size == 8 && !memcmp(b.data + 3, "abcde", 5),
           "ofpbuf: put copies, put of 0 bytes is a no-op");

    ofpbuf_pad_to(&b, 0, 8);
    TAP_INT_EQ(b.size, 8, "ofpbuf: pad_to on an aligned size adds nothing");
    ofpbuf_put_u8(&b, 1);
    ofpbuf_pad_to(&b, 0, 8);
    TAP_INT_EQ(b.size, 16, "ofpbuf: pad_to 8 after 9 bytes gives 16");
    tap_ok(!memcmp(b.data + 9, "\0\0\0\0\0\0\0", 7), "ofpbuf: pad is zeros");
    ofpbuf_put_u8(&b, 1);
    ofpbuf_pad_to(&b, 12, 8);
    TAP_INT_EQ(b.size, 20, "ofpbuf: pad_to is relative to 'start'");

    ofpbuf_clear(&b);
    ofpbuf_put(&b, "0123456789", 10);
    ofpbuf_consume(&b, 4);
    tap_ok(b.size == 6 && !memcmp(b.data, "456789", 6),
           "ofpbuf: consume drops the head");
    ofpbuf_consume(&b, 100);
    TAP_INT_EQ(b.size, 0, "ofpbuf: consume beyond size empties");

    ofpbuf_uninit(&b);
    tap_ok(!b.data && !b.size && !b.allocated, "ofpbuf: uninit resets");

    ofpbuf_init(&b, 10);
    tap_ok(b.allocated == 10 && b.size == 0, "ofpbuf: init with capacity");
    ofpbuf_put(&b, "0123456789ab", 12);
    tap_ok(b.size == 12 && !memcmp(b.data, "0123456789ab", 12),
           "ofpbuf: grows past initial capacity");
    ofpbuf_uninit(&b);
}

/* The reader: every pull fails cleanly at the end; sub-readers. */
static void
test_reader(void)
{
    static const uint8_t data[7] = { 1, 2, 3, 4, 5, 6, 7 };
    struct ofp_reader r;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    const uint8_t *p;

    ofp_reader_init(&r, data, sizeof data);
    TAP_INT_EQ(ofp_reader_left(&r), 7, "reader: left at start");
    tap_ok(!ofp_reader_be64(&r, &u64) && r.ofs == 0,
           "reader: be64 on 7 bytes fails and consumes nothing");
    tap_ok(ofp_reader_be32(&r, &u32) && u32 == 0x01020304 && r.ofs == 4,
           "reader: be32");
    tap_ok(!ofp_reader_be32(&r, &u32) && r.ofs == 4,
           "reader: be32 with 3 left fails cleanly");
    tap_ok(ofp_reader_be16(&r, &u16) && u16 == 0x0506, "reader: be16");
    tap_ok(!ofp_reader_be16(&r, &u16) && r.ofs == 6,
           "reader: be16 with 1 left fails cleanly");
    tap_ok(ofp_reader_cur(&r) == data + 6, "reader: cur");
    tap_ok(ofp_reader_u8(&r, &u8) && u8 == 7, "reader: u8");
    TAP_INT_EQ(ofp_reader_left(&r), 0, "reader: left at end");
    tap_ok(!ofp_reader_u8(&r, &u8), "reader: u8 at end fails");
    tap_ok(!ofp_reader_be16(&r, &u16), "reader: be16 at end fails");
    tap_ok(!ofp_reader_be32(&r, &u32), "reader: be32 at end fails");
    tap_ok(!ofp_reader_be64(&r, &u64), "reader: be64 at end fails");
    tap_ok(!ofp_reader_skip(&r, 1), "reader: skip at end fails");
    tap_ok(!ofp_reader_pull(&r, 1, &p), "reader: pull at end fails");
    struct ofp_reader sub;
    tap_ok(!ofp_reader_sub(&r, 1, &sub), "reader: sub at end fails");
    tap_ok(ofp_reader_skip(&r, 0) && ofp_reader_pull(&r, 0, &p)
           && ofp_reader_sub(&r, 0, &sub) && ofp_reader_left(&sub) == 0,
           "reader: zero-byte reads succeed at end");
    TAP_INT_EQ(r.ofs, 7, "reader: offset stays at end");

    /* Huge lengths must not wrap around. */
    ofp_reader_init(&r, data, sizeof data);
    ofp_reader_skip(&r, 2);
    tap_ok(!ofp_reader_skip(&r, SIZE_MAX) && !ofp_reader_pull(&r, SIZE_MAX - 1,
                                                              &p)
           && !ofp_reader_sub(&r, SIZE_MAX, &sub) && r.ofs == 2,
           "reader: SIZE_MAX lengths fail without wrapping");

    /* Sub-readers are bounded by their own length. */
    tap_ok(ofp_reader_sub(&r, 3, &sub) && r.ofs == 5,
           "reader: sub consumes its bytes from the parent");
    tap_ok(ofp_reader_left(&sub) == 3 && ofp_reader_cur(&sub) == data + 2,
           "reader: sub starts at the parent's position");
    tap_ok(!ofp_reader_be32(&sub, &u32),
           "reader: sub cannot read past its end into the parent");
    tap_ok(ofp_reader_be16(&sub, &u16) && u16 == 0x0304
           && ofp_reader_u8(&sub, &u8) && u8 == 5 && !ofp_reader_u8(&sub, &u8),
           "reader: sub reads exactly its bytes");
    tap_ok(!ofp_reader_sub(&r, 3, &sub) && r.ofs == 5,
           "reader: sub longer than what is left fails cleanly");

    /* Reading every prefix of a buffer never reads beyond it. */
    uint8_t *heap = malloc(sizeof data);
    memcpy(heap, data, sizeof data);
    size_t total = 0;
    for (size_t n = 0; n <= sizeof data; n++) {
        ofp_reader_init(&r, heap + sizeof data - n, n);
        while (ofp_reader_be16(&r, &u16) || ofp_reader_u8(&r, &u8)) {
            total++;
        }
    }
    TAP_INT_EQ(total, 0 + 1 + 1 + 2 + 2 + 3 + 3 + 4,
               "reader: mixed pulls over every suffix stay inside");
    free(heap);

    static const uint8_t be[8] = { 0x80, 1, 2, 3, 4, 5, 6, 0xff };
    tap_ok(ofp_get_be16(be) == 0x8001 && ofp_get_be32(be) == 0x80010203
           && ofp_get_be64(be) == 0x80010203040506ffull,
           "get_be16/32/64");
    uint8_t out[8];
    ofp_put_be64(out, 0x80010203040506ffull);
    tap_ok(!memcmp(out, be, 8), "put_be64");
}

/* The arena: alignment, zeroing, reset keeping a chunk, big blocks. */
static void
test_arena(void)
{
    struct ofp_arena a = OFP_ARENA_INITIALIZER;
    bool aligned = true, zeroed = true;
    for (size_t n = 1; n < 200; n++) {
        uint8_t *p = ofp_arena_alloc(&a, n);
        aligned = aligned && (uintptr_t) p % _Alignof(max_align_t) == 0;
        for (size_t i = 0; i < n; i++) {
            zeroed = zeroed && !p[i];
        }
        memset(p, 0xa5, n);
    }
    tap_ok(aligned, "arena: every allocation is max_align_t aligned");
    tap_ok(zeroed, "arena: allocations come zeroed");

    uint8_t *big = ofp_arena_alloc(&a, 1 << 20);
    memset(big, 1, 1 << 20);
    tap_ok(big != NULL && (uintptr_t) big % _Alignof(max_align_t) == 0,
           "arena: 1 MiB allocation, aligned and writable");
    uint8_t *after = ofp_arena_alloc(&a, 64);
    memset(after, 2, 64);
    tap_ok(after + 64 <= big || after >= big + (1 << 20),
           "arena: allocations do not overlap a big one");

    ofp_arena_reset(&a);
    tap_ok(a.chunks != NULL, "arena: reset keeps a chunk");
    uint8_t *p1 = ofp_arena_alloc(&a, 100);
    bool z = true;
    for (int i = 0; i < 100; i++) {
        z = z && !p1[i];
    }
    tap_ok(z, "arena: memory reused after reset is zeroed");
    memset(p1, 3, 100);
    ofp_arena_reset(&a);
    uint8_t *p2 = ofp_arena_alloc(&a, 100);
    tap_ok(p1 == p2, "arena: a reset arena reuses its kept chunk");

    /* The kept chunk is the largest: a 512 KiB allocation fits it. */
    uint8_t *p3 = ofp_arena_alloc(&a, 512 * 1024);
    tap_ok(p3 == p2 + 112 || p3 == p2 + 128 || (p3 > p2 && p3 < p2 + 256),
           "arena: the kept chunk is the big one (no new chunk needed)");

    tap_ok(ofp_arena_calloc(&a, 0, 16) == NULL, "arena: calloc of 0 is NULL");
    uint32_t *arr = ofp_arena_calloc(&a, 1000, sizeof *arr);
    bool ok = arr != NULL;
    for (int i = 0; ok && i < 1000; i++) {
        ok = !arr[i];
        arr[i] = i;
    }
    tap_ok(ok, "arena: calloc of 1000 zeroed elements");

    /* Many small allocations across chunk boundaries stay distinct. */
    ofp_arena_reset(&a);
    uint64_t *ptrs[5000];
    for (int i = 0; i < 5000; i++) {
        ptrs[i] = ofp_arena_alloc(&a, sizeof(uint64_t) * 3);
        ptrs[i][0] = ptrs[i][2] = i;
    }
    ok = true;
    for (int i = 0; i < 5000; i++) {
        ok = ok && ptrs[i][0] == (uint64_t) i && ptrs[i][2] == (uint64_t) i;
    }
    tap_ok(ok, "arena: 5000 allocations keep their contents");
    ofp_arena_destroy(&a);
    tap_ok(a.chunks == NULL, "arena: destroy frees everything");
    ofp_arena_reset(&a);
    tap_ok(a.chunks == NULL, "arena: reset of an empty arena is fine");

    struct ofp_arena a2;
    ofp_arena_init(&a2);
    tap_ok(a2.chunks == NULL, "arena: init");
    ofp_arena_destroy(&a2);
}

/* The dynamic string and its formatting helpers. */
static void
test_ds(void)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    TAP_STR_EQ(ofp_ds_cstr(&ds), "", "ds: empty string is \"\"");

    ofp_ds_put_cstr(&ds, "priority=");
    ofp_ds_put_format(&ds, "%d,", 100);
    ofp_ds_put_char(&ds, 'x');
    TAP_STR_EQ(ofp_ds_cstr(&ds), "priority=100,x", "ds: cstr/format/char");
    TAP_INT_EQ(ds.length, 14, "ds: length");

    ofp_ds_clear(&ds);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "", "ds: clear");

    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xab, 0xcd, 0x0f };
    ofp_ds_put_mac(&ds, mac);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "52:54:00:ab:cd:0f", "ds: mac");
    ofp_ds_clear(&ds);
    ofp_ds_put_ipv4(&ds, 0xc0a8010a);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "192.168.1.10", "ds: ipv4 (host order)");
    ofp_ds_clear(&ds);
    static const uint8_t v6[16] = { 0xfe, 0x80, [14] = 0x12, [15] = 0x34 };
    ofp_ds_put_ipv6(&ds, v6);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "fe80::1234", "ds: ipv6 compressed");
    ofp_ds_clear(&ds);
    static const uint8_t v4m[16] = { [10] = 0xff, [11] = 0xff, [12] = 10,
                                     [15] = 1 };
    ofp_ds_put_ipv6(&ds, v4m);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "::ffff:10.0.0.1", "ds: ipv4-mapped ipv6");
    ofp_ds_clear(&ds);
    ofp_ds_put_hex(&ds, "\x00\x01\xab\xff", 4);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "0001abff", "ds: hex");
    ofp_ds_clear(&ds);
    ofp_ds_put_hex(&ds, NULL, 0);
    TAP_STR_EQ(ofp_ds_cstr(&ds), "", "ds: hex of nothing");

    ofp_ds_put_cstr(&ds, "a, b, , ");
    ofp_ds_chomp(&ds, ", ");
    TAP_STR_EQ(ofp_ds_cstr(&ds), "a, b", "ds: chomp strips a tail set");
    ofp_ds_clear(&ds);
    ofp_ds_put_cstr(&ds, ",,");
    ofp_ds_chomp(&ds, ",");
    tap_ok(ds.length == 0 && !strcmp(ofp_ds_cstr(&ds), ""),
           "ds: chomp down to empty");

    /* Growth through long formats. */
    ofp_ds_clear(&ds);
    for (int i = 0; i < 1000; i++) {
        ofp_ds_put_format(&ds, "%04d|", i);
    }
    const char *s = ofp_ds_cstr(&ds);
    tap_ok(ds.length == 5000 && !strncmp(s, "0000|0001|", 10)
           && !strcmp(s + 4995, "0999|") && strlen(s) == 5000,
           "ds: 1000 formats grow the string intact");
    ofp_ds_clear(&ds);
    char longarg[300];
    memset(longarg, 'q', sizeof longarg - 1);
    longarg[sizeof longarg - 1] = '\0';
    ofp_ds_put_format(&ds, "<%s>", longarg);
    tap_ok(ds.length == 301 && s != NULL && ofp_ds_cstr(&ds)[300] == '>',
           "ds: one format longer than the initial allocation");
    ofp_ds_put_format(&ds, "%s", "");
    TAP_INT_EQ(ds.length, 301, "ds: empty format appends nothing");
    ofp_ds_destroy(&ds);
    tap_ok(ds.string == NULL && ds.length == 0, "ds: destroy");
}

/* One row per OpenFlow 1.3 error code. */
struct err_row {
    enum ofperr error;
    uint16_t type;
    uint16_t code;
    const char *name;
};

static const struct err_row err_rows[] = {
#define ERR_ROW(TYPE, NAME, CODE) \
    { OFPERR_##NAME, OFPET_##TYPE, CODE, #NAME },
    OFPERR_LIST(ERR_ROW)
#undef ERR_ROW
};

/* Every OpenFlow 1.3 error code round-trips; unknown pairs give 0. */
static void
test_errors(void)
{
    size_t n = sizeof err_rows / sizeof *err_rows;
    for (size_t i = 0; i < n; i++) {
        const struct err_row *e = &err_rows[i];
        bool ok = (ofperr_from_type_code(e->type, e->code) == e->error
                   && ofperr_type(e->error) == e->type
                   && ofperr_code(e->error) == e->code
                   && ofperr_is_valid(e->error)
                   && !strcmp(ofperr_name(e->error), e->name)
                   && ofperr_type_name(e->type) != NULL);
        if (!tap_ok(ok, "ofperr %s = (%u, %u) round-trips with its name",
                    e->name, e->type, e->code)) {
            tap_diag("from_type_code=%d name=%s",
                     (int) ofperr_from_type_code(e->type, e->code),
                     ofperr_name(e->error));
        }
    }
    TAP_INT_EQ(n, 2 + 14 + 16 + 9 + 12 + 8 + 15 + 5 + 3 + 3 + 3 + 3 + 12 + 6,
               "ofperr: the list has every OpenFlow 1.3 code");

    /* Distinct values. */
    bool distinct = true;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            distinct = distinct && err_rows[i].error != err_rows[j].error;
        }
    }
    tap_ok(distinct, "ofperr: every value is distinct");

    static const uint16_t unknown[][2] = {
        { 0, 2 }, { 1, 14 }, { 2, 16 }, { 3, 9 }, { 4, 12 }, { 5, 8 },
        { 6, 15 }, { 7, 5 }, { 8, 3 }, { 9, 3 }, { 10, 3 }, { 11, 3 },
        { 12, 12 }, { 13, 6 }, { 14, 0 }, { 100, 0 }, { 0xfffe, 0 },
        { 0xffff, 0 }, { 0xffff, 0xffff }, { 1, 0xffff },
    };
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        TAP_INT_EQ(ofperr_from_type_code(unknown[i][0], unknown[i][1]), 0,
                   "ofperr: unknown pair (%u, %u) gives 0",
                   unknown[i][0], unknown[i][1]);
    }
    TAP_STR_EQ(ofperr_name(0), "OFPERR_UNKNOWN", "ofperr: name of 0");
    tap_ok(!ofperr_is_valid(0) && !ofperr_is_valid(22)
           && ofperr_is_valid(OFPERR_OFPBRC_BAD_LEN),
           "ofperr: is_valid separates errno from ofperr");
    TAP_STR_EQ(ofperr_type_name(OFPET_BAD_MATCH), "OFPET_BAD_MATCH",
               "ofperr: type name");
    TAP_STR_EQ(ofperr_type_name(OFPET_TABLE_FEATURES_FAILED),
               "OFPET_TABLE_FEATURES_FAILED", "ofperr: last type name");
    TAP_STR_EQ(ofperr_type_name(OFPET_EXPERIMENTER), "OFPET_EXPERIMENTER",
               "ofperr: experimenter type name");
    tap_ok(ofperr_type_name(14) == NULL, "ofperr: unknown type name NULL");
    TAP_INT_EQ(OFPERR_OFPBMC_BAD_PREREQ,
               OFPERR_OFS + (OFPET_BAD_MATCH << 16) + 9,
               "ofperr: value packs (type, code)");
}

/* Runs every buffer and error test and prints the TAP plan. */
int
main(void)
{
    test_ofpbuf();
    test_reader();
    test_arena();
    test_ds();
    test_errors();
    return tap_done();
}
