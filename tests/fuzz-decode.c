/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* libFuzzer target for the whole codec (built and run by scripts/fuzz).
 *
 * Each input is decoded as one OpenFlow message with ofp_decode().  When it
 * decodes, it must also format, re-encode, and the re-encoded bytes (one or
 * more messages) must decode again.  With FUZZ_STRICT_ROUNDTRIP defined,
 * encoding the re-decoded message must also give the same bytes again.
 *
 * The same bytes, and the frame of a decoded PACKET_IN or PACKET_OUT, also
 * go through the packet parser, and the match built from the parsed packet
 * must satisfy its own prerequisites.
 *
 * Any violated property calls abort(), which libFuzzer reports as a crash
 * with the input saved. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Working storage reused across inputs, as a connection would reuse it. */
static struct ofp_arena arena = OFP_ARENA_INITIALIZER;
static struct ofp_arena arena2 = OFP_ARENA_INITIALIZER;
static struct ofpbuf encoded = OFPBUF_INITIALIZER;
#ifdef FUZZ_STRICT_ROUNDTRIP
static struct ofpbuf reencoded = OFPBUF_INITIALIZER;
#endif
static struct ofp_ds text = OFP_DS_INITIALIZER;

/* Reports a violated property and crashes so libFuzzer keeps the input. */
static void __attribute__((noreturn))
fail(const char *what, enum ofperr error)
{
    fprintf(stderr, "fuzz-decode: %s (%s)\n", what,
            error ? ofperr_name(error) : "no error");
    if (text.length) {
        fprintf(stderr, "fuzz-decode: decoded as: %s\n", ofp_ds_cstr(&text));
    }
    abort();
}

/* Parses 'frame' and checks the match derived from it. */
static void
fuzz_packet(const uint8_t *frame, size_t len)
{
    struct ofp_packet pkt;
    struct ofp_match match;

    ofp_packet_parse(frame, len, &pkt);
    if (pkt.layer > OFP_PKT_LAYER_L4
        || (pkt.l4_ofs != OFP_PKT_OFS_NONE && pkt.l4_ofs > len)
        || (pkt.payload_ofs != OFP_PKT_OFS_NONE
            && pkt.payload_ofs + pkt.payload_len > len)) {
        fail("packet parser result out of bounds", 0);
    }
    ofp_packet_to_match(&pkt, 1, &match);
    enum ofperr error = ofp_match_check_prereqs(&match);
    if (error) {
        fail("match from a parsed packet breaks prerequisites", error);
    }
}

/* Decodes every message in 'b' (an encoder may split a big reply) into
 * 'arena2'; the last one is left in '*msg'. */
static void
decode_all(const struct ofpbuf *b, struct ofp_msg *msg)
{
    size_t ofs = 0;
    if (!b->size) {
        fail("encoder produced nothing", 0);
    }
    while (ofs < b->size) {
        struct ofp_header_info h;
        enum ofperr error = ofp_header_decode(b->data + ofs, b->size - ofs,
                                              &h);
        if (error || h.length > b->size - ofs) {
            fail("re-encoded header is broken", error);
        }
        ofp_arena_reset(&arena2);
        memset(msg, 0, sizeof *msg);
        error = ofp_decode(b->data + ofs, h.length, &arena2, msg);
        if (error) {
            fail("re-encoded message does not decode", error);
        }
        ofs += h.length;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ofp_msg msg, msg2;

    ofp_arena_reset(&arena);
    ofp_ds_clear(&text);
    memset(&msg, 0, sizeof msg);
    enum ofperr error = ofp_decode(data, size, &arena, &msg);
    if (!error) {
        ofp_format(&msg, &text);
        if (!text.length) {
            fail("decoded message formats to nothing", 0);
        }
        ofpbuf_clear(&encoded);
        ofp_encode(&msg, &encoded);
        decode_all(&encoded, &msg2);
#ifdef FUZZ_STRICT_ROUNDTRIP
        ofpbuf_clear(&reencoded);
        ofp_encode(&msg2, &reencoded);
        if (encoded.size <= 0xffff
            && (reencoded.size != encoded.size
                || memcmp(reencoded.data, encoded.data, encoded.size))) {
            fail("encode(decode(encode(x))) differs from encode(x)", 0);
        }
#endif
        if (msg.kind == OFP_MSG_PACKET_IN) {
            fuzz_packet(msg.packet_in.data, msg.packet_in.data_len);
        } else if (msg.kind == OFP_MSG_PACKET_OUT) {
            fuzz_packet(msg.packet_out.data, msg.packet_out.data_len);
        }
    } else if (!ofperr_is_valid(error)) {
        fail("decoder returned something that is not an ofperr", error);
    }
    fuzz_packet(data, size);
    return 0;
}
