/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Round trip of every shared conformance case (tests/conf-*.c):
 *
 *   bytes --ofp_decode--> struct --ofp_encode--> bytes'   (bytes' == bytes)
 *   bytes' --ofp_decode--> struct' --ofp_format--> text'  (text' == text)
 *
 * A case may hold several messages (a multipart reply that the encoder
 * split); then every part must round-trip, the concatenation of the
 * re-encoded parts must equal the original, and the parts joined with
 * ofp_multipart_reply_append() must re-encode to the same bytes as well.
 *
 * One TAP line per case, plus checks that there are at least 200 cases and
 * that their names are unique. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-msgs.h"
#include "tests/conformance.h"
#include "tests/tap.h"

#define MIN_CASES 200
#define MAX_PARTS 64

/* Names seen so far, for the uniqueness check. */
static char **names;
static size_t n_names, allocated_names;
static size_t n_duplicates;

/* Why the current case failed (first reason only). */
static char why[512];

/* Records 'name'; counts it as a duplicate if already seen. */
static void
remember_name(const char *name)
{
    for (size_t i = 0; i < n_names; i++) {
        if (!strcmp(names[i], name)) {
            tap_diag("duplicate case name: %s", name);
            n_duplicates++;
            return;
        }
    }
    if (n_names == allocated_names) {
        allocated_names = allocated_names ? 2 * allocated_names : 256;
        names = realloc(names, allocated_names * sizeof *names);
        if (!names) {
            abort();
        }
    }
    names[n_names] = strdup(name);
    if (!names[n_names]) {
        abort();
    }
    n_names++;
}

/* Sets 'why' unless a reason is already recorded; returns false. */
static bool __attribute__((format(printf, 1, 2)))
fail(const char *fmt, ...)
{
    if (!why[0]) {
        va_list args;

        va_start(args, fmt);
        vsnprintf(why, sizeof why, fmt, args);
        va_end(args);
    }
    return false;
}

/* Shows where 'got' and 'want' first differ. */
static bool
compare_bytes(const char *what, const uint8_t *got, size_t got_len,
              const uint8_t *want, size_t want_len)
{
    size_t n = got_len < want_len ? got_len : want_len;
    size_t i;

    for (i = 0; i < n && got[i] == want[i]; i++) {
        continue;
    }
    if (i == n && got_len == want_len) {
        return true;
    }

    struct ofp_ds g = OFP_DS_INITIALIZER, w = OFP_DS_INITIALIZER;
    size_t start = i > 8 ? i - 8 : 0;
    ofp_ds_put_hex(&g, got + start, (got_len - start) < 24
                   ? got_len - start : 24);
    ofp_ds_put_hex(&w, want + start, (want_len - start) < 24
                   ? want_len - start : 24);
    fail("%s: %zu bytes vs %zu expected, first difference at offset %zu; "
         "from offset %zu got %s want %s", what, got_len, want_len, i,
         start, g.string ? g.string : "", w.string ? w.string : "");
    ofp_ds_destroy(&g);
    ofp_ds_destroy(&w);
    return false;
}

/* Formats 'msg' into a new string owned by the caller. */
static char *
format_msg(const struct ofp_msg *msg)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    char *s;

    ofp_format(msg, &ds);
    s = strdup(ds.string ? ds.string : "");
    ofp_ds_destroy(&ds);
    return s;
}

/* Round-trips the single message at 'data'; appends its re-encoding to
 * 'reencoded' and its decoding to 'decoded'. */
static bool
roundtrip_one(const uint8_t *data, size_t len, struct ofp_arena *arena,
              struct ofp_msg *decoded, struct ofpbuf *reencoded)
{
    struct ofp_arena arena2;
    struct ofp_msg again;
    struct ofpbuf buf = OFPBUF_INITIALIZER;
    enum ofperr error;
    bool ok = true;

    error = ofp_decode(data, len, arena, decoded);
    if (error) {
        return fail("ofp_decode failed: %s", ofperr_name(error));
    }
    ofp_encode(decoded, &buf);
    ofpbuf_put(reencoded, buf.data, buf.size);

    /* The re-encoding must decode and print the same. */
    ofp_arena_init(&arena2);
    error = ofp_decode(buf.data, buf.size, &arena2, &again);
    if (error) {
        ok = fail("re-encoded message does not decode: %s",
                  ofperr_name(error));
    } else {
        char *t1 = format_msg(decoded);
        char *t2 = format_msg(&again);
        if (strcmp(t1, t2)) {
            ok = fail("text differs after re-encoding: '%.200s' vs "
                      "'%.200s'", t1, t2);
        }
        free(t1);
        free(t2);
    }
    ofp_arena_destroy(&arena2);
    ofpbuf_uninit(&buf);
    return ok;
}

/* Checks one case; on failure 'why' says what went wrong. */
static bool
check_case(const struct ofpbuf *msg)
{
    struct ofp_arena arena;
    struct ofp_msg parts[MAX_PARTS];
    struct ofpbuf reencoded = OFPBUF_INITIALIZER;
    size_t n_parts = 0, ofs = 0;
    bool ok = true;

    why[0] = '\0';
    if (!msg->size) {
        return fail("case is empty");
    }
    ofp_arena_init(&arena);
    while (ok && ofs < msg->size) {
        struct ofp_header_info h;
        const uint8_t *p = msg->data + ofs;
        size_t avail = msg->size - ofs;

        if (avail < OFP_HEADER_LEN
            || ofp_header_decode(p, avail, &h)
            || h.length > avail) {
            ok = fail("bad message header at offset %zu", ofs);
        } else if (n_parts >= MAX_PARTS) {
            ok = fail("more than %d messages in one case", MAX_PARTS);
        } else {
            ok = roundtrip_one(p, h.length, &arena, &parts[n_parts],
                               &reencoded);
            n_parts++;
            ofs += h.length;
        }
    }
    if (ok) {
        ok = compare_bytes("re-encoding", reencoded.data, reencoded.size,
                           msg->data, msg->size);
    }

    /* A multipart reply in several parts: join, then encode the whole. */
    if (ok && n_parts > 1) {
        struct ofp_msg joined = parts[0];
        struct ofpbuf whole = OFPBUF_INITIALIZER;

        for (size_t i = 1; ok && i < n_parts; i++) {
            enum ofperr error;

            if (parts[i].kind != OFP_MSG_MULTIPART_REPLY
                || joined.kind != OFP_MSG_MULTIPART_REPLY) {
                ok = fail("several messages in a case that is not a "
                          "multipart reply");
                break;
            }
            error = ofp_multipart_reply_append(&joined.mp_reply,
                                               &parts[i].mp_reply, &arena);
            if (error) {
                ok = fail("ofp_multipart_reply_append: %s",
                          ofperr_name(error));
            }
        }
        if (ok) {
            ofp_encode(&joined, &whole);
            ok = compare_bytes("encoding of the joined parts", whole.data,
                               whole.size, msg->data, msg->size);
        }
        ofpbuf_uninit(&whole);
    }
    ofpbuf_uninit(&reencoded);
    ofp_arena_destroy(&arena);
    return ok;
}

/* conf_emit_fn: one TAP line per case. */
static void
emit(const char *name, const struct ofpbuf *msg)
{
    remember_name(name);
    if (!tap_ok(check_case(msg), "roundtrip %s", name)) {
        tap_diag("%s", why);
    }
}

int
main(void)
{
    conf_match_cases(emit);
    conf_actions_cases(emit);
    conf_msgs_cases(emit);
    conf_multipart_cases(emit);

    if (!tap_ok(n_names >= MIN_CASES, "at least %d cases", MIN_CASES)) {
        tap_diag("only %zu cases", n_names);
    }
    tap_ok(n_duplicates == 0, "case names are unique (%zu duplicates)",
           n_duplicates);

    for (size_t i = 0; i < n_names; i++) {
        free(names[i]);
    }
    free(names);
    return tap_done();
}
