/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Codec micro-benchmark: nanoseconds and heap allocations per message for
 * the two hot paths of a controller,
 *
 *   - decoding a typical PACKET_IN (table miss, in_port match, a 60-byte
 *     ARP request), 102 bytes on the wire;
 *   - encoding a FLOW_MOD with 5 match fields and 3 actions into a reused
 *     output buffer;
 *
 * plus, for information, decoding that FLOW_MOD back with a reused arena.
 *
 * Each case runs ITERATIONS times per round, five rounds, and the best round
 * counts.  Allocations are counted by wrapping malloc, calloc and realloc at
 * link time (-Wl,--wrap=..., see bench/automake.mk), so they cover the codec
 * library but not libc's internals.
 *
 * Output, one line per case (stable; scripts may parse it):
 *
 *   bench=NAME bytes=N iterations=N ns_per_msg=X allocs_per_msg=X
 *       target_ns=N target_allocs=N verdict=PASS|MISS|INFO
 *
 * usage: bench/codec [--check] [ITERATIONS]
 * With --check the exit status is 1 if a target is missed. */

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-msgs.h"

#define N_ROUNDS 5
#define DEFAULT_ITERATIONS 2000000
#define TARGET_NS 150

/* ---- Allocation counter (link-time wrappers). --------------------------- */

static uint64_t n_allocs;

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__wrap_malloc(size_t);
void *__wrap_calloc(size_t, size_t);
void *__wrap_realloc(void *, size_t);

/* Counts every malloc() made by the objects linked into this program. */
void *
__wrap_malloc(size_t n)
{
    n_allocs++;
    return __real_malloc(n);
}

/* Counts every calloc(). */
void *
__wrap_calloc(size_t n, size_t size)
{
    n_allocs++;
    return __real_calloc(n, size);
}

/* Counts every realloc(), which may move and so allocate. */
void *
__wrap_realloc(void *p, size_t n)
{
    n_allocs++;
    return __real_realloc(p, n);
}

/* ---- Sample messages. --------------------------------------------------- */

/* OFPT_PACKET_IN (xid=0): cookie=0x0 total_len=60 in_port=1 (via no_match)
 * data_len=60 (unbuffered), an ARP request 10.0.0.1 -> 10.0.0.2. */
static const uint8_t packet_in[] = {
    0x04, 0x0a, 0x00, 0x66, 0x00, 0x00, 0x00, 0x00,     /* Header. */
    0xff, 0xff, 0xff, 0xff, 0x00, 0x3c, 0x00, 0x00,     /* buffer, len... */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,     /* Cookie. */
    0x00, 0x01, 0x00, 0x0c, 0x80, 0x00, 0x00, 0x04,     /* Match: in_port */
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,     /* = 1, padding. */
    0x00, 0x00,                                         /* Pad. */
    /* Ethernet: broadcast <- 00:00:00:00:00:01, ARP. */
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06,
    /* ARP request: who has 10.0.0.2, tell 10.0.0.1. */
    0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x02,
    /* Ethernet padding to 60 bytes. */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
_Static_assert(sizeof packet_in == 102, "PACKET_IN sample is 102 bytes");

/* Fills 'fm' with "priority=100,in_port=1,dl_vlan=10,dl_src=...,dl_dst=...,
 * ip actions=pop_vlan,set_field:...->eth_dst,output:2".  'actions' must
 * hold 3 entries and outlive 'fm'. */
static void
make_flow_mod(struct ofp_flow_mod *fm, struct ofp_action actions[3])
{
    static const uint8_t src[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 };
    static const uint8_t dst[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x02 };
    static const uint8_t new_dst[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x03 };

    ofp_flow_mod_init(fm);
    fm->table_id = 4;
    fm->priority = 100;
    fm->cookie = 0x1234;
    ofp_match_set_u32(&fm->match, OFP_F_IN_PORT, 1);
    ofp_match_set_u16(&fm->match, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_mac(&fm->match, OFP_F_ETH_SRC, src);
    ofp_match_set_mac(&fm->match, OFP_F_ETH_DST, dst);
    ofp_match_set_u16(&fm->match, OFP_F_VLAN_VID, OFPVID_PRESENT | 10);

    memset(actions, 0, 3 * sizeof *actions);
    actions[0].kind = OFP_ACT_POP_VLAN;
    actions[1].kind = OFP_ACT_SET_FIELD;
    actions[1].set_field.field = OFP_F_ETH_DST;
    memcpy(actions[1].set_field.value.mac, new_dst, 6);
    actions[2].kind = OFP_ACT_OUTPUT;
    actions[2].output.port = 2;
    fm->instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    fm->instructions.apply.actions = actions;
    fm->instructions.apply.n = 3;
}

/* ---- Timing. ------------------------------------------------------------ */

/* Monotonic time in nanoseconds. */
static uint64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/* The result of one case. */
struct result {
    double ns;                  /* Best round, per message. */
    double allocs;              /* Same round, per message. */
};

/* Sink that keeps the compiler from discarding decoded results. */
static volatile uint64_t sink;

/* Shared state for the cases. */
struct bench {
    uint64_t iterations;
    struct ofpbuf buf;          /* Reused output buffer. */
    struct ofp_arena arena;     /* Reused decode arena. */
    struct ofp_flow_mod fm;
    struct ofp_action actions[3];
    struct ofpbuf fm_wire;      /* The encoded FLOW_MOD, for decoding. */
};

/* One round of decoding the PACKET_IN. */
static void
round_decode_packet_in(struct bench *b)
{
    for (uint64_t i = 0; i < b->iterations; i++) {
        struct ofp_packet_in pin;
        enum ofperr error = ofp_decode_packet_in(packet_in, sizeof packet_in,
                                                 &pin);
        sink += error + pin.match.v.in_port + pin.data_len;
    }
}

/* One round of encoding the FLOW_MOD into the reused buffer. */
static void
round_encode_flow_mod(struct bench *b)
{
    for (uint64_t i = 0; i < b->iterations; i++) {
        ofpbuf_clear(&b->buf);
        ofp_encode_flow_mod(&b->fm, (uint32_t) i, &b->buf);
        sink += b->buf.size;
    }
}

/* One round of decoding the FLOW_MOD with the reused arena. */
static void
round_decode_flow_mod(struct bench *b)
{
    for (uint64_t i = 0; i < b->iterations; i++) {
        struct ofp_flow_mod fm;
        ofp_arena_reset(&b->arena);
        enum ofperr error = ofp_decode_flow_mod(b->fm_wire.data,
                                                b->fm_wire.size,
                                                &b->arena, &fm);
        sink += error + fm.instructions.apply.n;
    }
}

/* Runs 'round' N_ROUNDS times after one warm-up round and returns the best
 * round's figures. */
static struct result
measure(struct bench *b, void (*round)(struct bench *))
{
    struct result best = { 1e300, 0 };

    round(b);                   /* Warm caches and grow buffers. */
    for (int r = 0; r < N_ROUNDS; r++) {
        uint64_t allocs0 = n_allocs;
        uint64_t t0 = now_ns();
        round(b);
        uint64_t t1 = now_ns();
        double ns = (double) (t1 - t0) / b->iterations;
        if (ns < best.ns) {
            best.ns = ns;
            best.allocs = (double) (n_allocs - allocs0) / b->iterations;
        }
    }
    return best;
}

/* Prints one result line; returns false if a target was given and missed. */
static bool
report(const char *name, size_t bytes, const struct bench *b,
       struct result r, bool has_target)
{
    bool pass = r.ns <= TARGET_NS && r.allocs == 0;
    printf("bench=%s bytes=%zu iterations=%" PRIu64 " ns_per_msg=%.1f "
           "allocs_per_msg=%.2f", name, bytes, b->iterations, r.ns,
           r.allocs);
    if (has_target) {
        printf(" target_ns=%d target_allocs=0 verdict=%s\n", TARGET_NS,
               pass ? "PASS" : "MISS");
    } else {
        printf(" verdict=INFO\n");
    }
    return pass || !has_target;
}

int
main(int argc, char *argv[])
{
    struct bench b;
    bool check = false;

    memset(&b, 0, sizeof b);
    b.iterations = DEFAULT_ITERATIONS;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--check")) {
            check = true;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: %s [--check] [ITERATIONS]\n", argv[0]);
            return 0;
        } else {
            char *end;
            unsigned long long n = strtoull(argv[i], &end, 10);
            if (!n || *end) {
                fprintf(stderr, "%s: bad iteration count '%s'\n", argv[0],
                        argv[i]);
                return 2;
            }
            b.iterations = n;
        }
    }

    ofpbuf_init(&b.buf, 4096);
    ofpbuf_init(&b.fm_wire, 4096);
    ofp_arena_init(&b.arena);
    make_flow_mod(&b.fm, b.actions);

    /* Check the samples once, so that a broken codec cannot post a fast
     * time. */
    struct ofp_packet_in pin;
    enum ofperr error = ofp_decode_packet_in(packet_in, sizeof packet_in,
                                             &pin);
    if (error || pin.data_len != 60 || pin.match.v.in_port != 1) {
        fprintf(stderr, "bench/codec: PACKET_IN sample does not decode: "
                "%s\n", ofperr_name(error));
        return 1;
    }
    ofp_encode_flow_mod(&b.fm, 1, &b.fm_wire);
    struct ofp_flow_mod fm;
    error = ofp_decode_flow_mod(b.fm_wire.data, b.fm_wire.size, &b.arena,
                                &fm);
    if (error || !ofp_match_equal(&fm.match, &b.fm.match)
        || fm.instructions.apply.n != 3) {
        fprintf(stderr, "bench/codec: FLOW_MOD sample does not round-trip: "
                "%s\n", ofperr_name(error));
        return 1;
    }

    printf("# ofc codec benchmark: best of %d rounds, %" PRIu64
           " iterations each; target <= %d ns and 0 allocations per"
           " message\n", N_ROUNDS, b.iterations, TARGET_NS);
    bool ok = true;
    ok &= report("decode_packet_in", sizeof packet_in, &b,
                 measure(&b, round_decode_packet_in), true);
    ok &= report("encode_flow_mod", b.fm_wire.size, &b,
                 measure(&b, round_encode_flow_mod), true);
    report("decode_flow_mod", b.fm_wire.size, &b,
           measure(&b, round_decode_flow_mod), false);

    ofpbuf_uninit(&b.buf);
    ofpbuf_uninit(&b.fm_wire);
    ofp_arena_destroy(&b.arena);
    return check && !ok ? 1 : 0;
}
