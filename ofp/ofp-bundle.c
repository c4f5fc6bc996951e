/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ONF bundles in their OpenFlow 1.3 form (ONF extension 230, as Open
 * vSwitch implements it): OFPT_EXPERIMENTER messages with experimenter
 * 0x4F4E4600 and exp_type 2300 (control) or 2301 (add message).
 *
 *   control: exp header (16) | bundle_id (4) | type (2) | flags (2) | props
 *   add:     exp header (16) | bundle_id (4) | pad (2)  | flags (2)
 *            | one whole inner message | props
 *
 * Properties are checked for well-formedness and otherwise ignored, as
 * Open vSwitch does. */

#include "ofp/ofp-msgs.h"

#include <inttypes.h>
#include <string.h>

#define BUNDLE_EXP_LEN 8        /* experimenter + exp_type. */
#define BUNDLE_FIXED_LEN 8      /* bundle_id + type/pad + flags. */

/* Checks that 'r' holds nothing but well-formed bundle properties
 * (type, length >= 4, padded to 8 bytes) and consumes them. */
static enum ofperr
skip_properties(struct ofp_reader *r)
{
    while (ofp_reader_left(r)) {
        uint16_t type, len;
        if (!ofp_reader_be16(r, &type) || !ofp_reader_be16(r, &len)
            || len < 4 || !ofp_reader_skip(r, len - 4)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        size_t pad = (8 - len % 8) % 8;
        if (!ofp_reader_skip(r, pad)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
    }
    return 0;
}

/* Checks the header and experimenter header of an ONF bundle message with
 * 'exp_type' and leaves 'r' after them. */
static enum ofperr
bundle_body(const uint8_t *msg, size_t len, uint32_t exp_type,
            struct ofp_reader *r)
{
    uint32_t experimenter, type;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_EXPERIMENTER,
                                     OFPT_EXPERIMENTER, r);
    if (error) {
        return error;
    }
    if (!ofp_reader_be32(r, &experimenter) || !ofp_reader_be32(r, &type)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (experimenter != OFP_ONF_VENDOR_ID) {
        return OFPERR_OFPBRC_BAD_EXPERIMENTER;
    }
    if (type != exp_type) {
        return OFPERR_OFPBRC_BAD_EXP_TYPE;
    }
    return 0;
}

enum ofperr
ofp_decode_bundle_ctrl(const uint8_t *msg, size_t len,
                       struct ofp_bundle_ctrl *bc)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = bundle_body(msg, len, ONFT_BUNDLE_CONTROL, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, BUNDLE_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    bc->bundle_id = ofp_get_be32(p);
    bc->type = ofp_get_be16(p + 4);
    bc->flags = ofp_get_be16(p + 6);
    return skip_properties(&r);
}

void
ofp_encode_bundle_ctrl(const struct ofp_bundle_ctrl *bc, uint32_t xid,
                       struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_EXPERIMENTER, xid);
    uint8_t *p = ofpbuf_put_uninit(b, BUNDLE_EXP_LEN + BUNDLE_FIXED_LEN);
    ofp_put_be32(p, OFP_ONF_VENDOR_ID);
    ofp_put_be32(p + 4, ONFT_BUNDLE_CONTROL);
    ofp_put_be32(p + 8, bc->bundle_id);
    ofp_put_be16(p + 12, bc->type);
    ofp_put_be16(p + 14, bc->flags);
    ofp_msg_finish(b, start);
}

/* The inner message must be a whole OpenFlow 1.3 message that decodes by
 * itself, and not a bundle message again (which could nest without end). */
enum ofperr
ofp_decode_bundle_add(const uint8_t *msg, size_t len, struct ofp_arena *arena,
                      struct ofp_bundle_add *ba)
{
    struct ofp_reader r;
    const uint8_t *p;
    struct ofp_header_info inner_h;
    enum ofperr error = bundle_body(msg, len, ONFT_BUNDLE_ADD_MESSAGE, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, BUNDLE_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ba->bundle_id = ofp_get_be32(p);
    ba->flags = ofp_get_be16(p + 6);
    ba->inner = NULL;

    error = ofp_header_decode(ofp_reader_cur(&r), ofp_reader_left(&r),
                              &inner_h);
    if (error) {
        return error;
    }
    if (inner_h.version != OFP13_VERSION) {
        return OFPERR_OFPBRC_BAD_VERSION;
    }
    const uint8_t *inner_msg;
    if (!ofp_reader_pull(&r, inner_h.length, &inner_msg)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (inner_h.type == OFPT_EXPERIMENTER && inner_h.length >= 16
        && ofp_get_be32(inner_msg + 8) == OFP_ONF_VENDOR_ID) {
        uint32_t exp_type = ofp_get_be32(inner_msg + 12);
        if (exp_type == ONFT_BUNDLE_CONTROL
            || exp_type == ONFT_BUNDLE_ADD_MESSAGE) {
            return OFPERR_OFPBRC_BAD_TYPE;
        }
    }
    struct ofp_msg *inner = ofp_arena_alloc(arena, sizeof *inner);
    error = ofp_decode(inner_msg, inner_h.length, arena, inner);
    if (error) {
        return error;
    }
    error = skip_properties(&r);
    if (error) {
        return error;
    }
    ba->inner = inner;
    return 0;
}

/* The inner message always carries the outer 'xid', as Open vSwitch
 * requires. */
void
ofp_encode_bundle_add(const struct ofp_bundle_add *ba, uint32_t xid,
                      struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_EXPERIMENTER, xid);
    uint8_t *p = ofpbuf_put_zeros(b, BUNDLE_EXP_LEN + BUNDLE_FIXED_LEN);
    ofp_put_be32(p, OFP_ONF_VENDOR_ID);
    ofp_put_be32(p + 4, ONFT_BUNDLE_ADD_MESSAGE);
    ofp_put_be32(p + 8, ba->bundle_id);
    ofp_put_be16(p + 14, ba->flags);
    if (ba->inner) {
        size_t inner_start = b->size;
        ofp_encode(ba->inner, b);
        ofpbuf_set_be32(b, inner_start + 4, xid);
    }
    ofp_msg_finish(b, start);
}

/* Appends Open vSwitch's names for the OFPBF_* bits in 'flags'. */
static void
format_bundle_flags(uint16_t flags, struct ofp_ds *s)
{
    if (!flags) {
        ofp_ds_put_cstr(s, "0");
        return;
    }
    bool first = true;
    if (flags & OFPBF_ATOMIC) {
        ofp_ds_put_cstr(s, "atomic");
        first = false;
    }
    if (flags & OFPBF_ORDERED) {
        ofp_ds_put_format(s, "%sordered", first ? "" : " ");
        first = false;
    }
    flags &= ~(OFPBF_ATOMIC | OFPBF_ORDERED);
    if (flags) {
        ofp_ds_put_format(s, "%s0x%"PRIx16, first ? "" : " ", flags);
    }
}

/* Appends the bundle id as Open vSwitch's "%#x" does: "0" or "0x5". */
static void
format_bundle_id(uint32_t id, struct ofp_ds *s)
{
    ofp_ds_put_format(s, id ? "bundle_id=0x%"PRIx32 : "bundle_id=%"PRIu32,
                      id);
}

void
ofp_format_bundle_ctrl(const struct ofp_bundle_ctrl *bc, struct ofp_ds *s)
{
    static const char *const types[] = {
        "OPEN_REQUEST", "OPEN_REPLY", "CLOSE_REQUEST", "CLOSE_REPLY",
        "COMMIT_REQUEST", "COMMIT_REPLY", "DISCARD_REQUEST", "DISCARD_REPLY",
    };
    format_bundle_id(bc->bundle_id, s);
    ofp_ds_put_cstr(s, " type=");
    if (bc->type < sizeof types / sizeof *types) {
        ofp_ds_put_cstr(s, types[bc->type]);
    }
    ofp_ds_put_cstr(s, " flags=");
    format_bundle_flags(bc->flags, s);
}

void
ofp_format_bundle_add(const struct ofp_bundle_add *ba, struct ofp_ds *s)
{
    format_bundle_id(ba->bundle_id, s);
    ofp_ds_put_cstr(s, " flags=");
    format_bundle_flags(ba->flags, s);
    if (ba->inner) {
        ofp_ds_put_char(s, ' ');
        ofp_format(ba->inner, s);
    }
}
