/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* 'ofcctl decode HEX...|-': prints OpenFlow 1.3 messages given in hex with
 * ofp_format(), one message per line, as 'ovs-ofctl ofp-print' does.
 *
 * A malformed message gives one line on stderr that names the problem and
 * its byte offset in the decoded input, e.g.
 *
 *   ofcctl: decode: byte 56: OFPBMC_BAD_LEN (OXM TLV overruns match)
 *
 * The codec reports only which OFPT_ERROR it would send, not where, so the
 * offset comes from a small structural walk done here after a failure: it
 * follows the length fields of the message, its match, instructions,
 * actions and buckets, and points at the first element whose length does not
 * fit.  When the walk finds nothing that explains the codec's error (a bad
 * prerequisite, say), the offset is that of the match, instruction list or
 * message the error belongs to. */

#include "rest/ofcctl.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-msgs.h"

/* ---- Hex input. -------------------------------------------------------- */

/* Incremental hex-to-bytes converter.  Whitespace is ignored, so digits may
 * be grouped freely, and each whitespace-separated token may start with
 * "0x" or "0X". */
struct hex_parser {
    struct ofpbuf *out;         /* Decoded bytes are appended here. */
    int high;                   /* Pending high nibble, or -1. */
    bool token_start;           /* Next character starts a token. */
    char error[128];            /* Set when a call returns false. */
};

/* Starts converting into 'out' (which the caller owns and clears). */
static void
hex_parser_init(struct hex_parser *p, struct ofpbuf *out)
{
    p->out = out;
    p->high = -1;
    p->token_start = true;
    p->error[0] = '\0';
}

/* Returns the value of hex digit 'c', or -1. */
static int
hex_value(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    } else if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Converts the 'n' characters at 's', continuing where the previous call
 * stopped.  A call boundary separates tokens like whitespace does.  Returns
 * false, with p->error set, on a character that is not hex (a NUL byte
 * included: binary input must not be cut short silently). */
static bool
hex_parser_feed(struct hex_parser *p, const char *s, size_t n)
{
    const char *end = s + n;

    p->token_start = true;
    for (; s < end; s++) {
        unsigned char c = *s;
        if (isspace(c)) {
            p->token_start = true;
            continue;
        }
        if (p->token_start && c == '0' && end - s > 1
            && (s[1] == 'x' || s[1] == 'X')) {
            s++;
            p->token_start = false;
            continue;
        }
        p->token_start = false;

        int v = hex_value(c);
        if (v < 0) {
            snprintf(p->error, sizeof p->error,
                     isprint(c) ? "byte %zu: invalid hex character '%c'"
                                : "byte %zu: invalid hex character 0x%02x",
                     p->out->size, c);
            return false;
        }
        if (p->high < 0) {
            p->high = v;
        } else {
            ofpbuf_put_u8(p->out, (uint8_t) (p->high << 4 | v));
            p->high = -1;
        }
    }
    return true;
}

/* Checks that the input ended on a whole byte.  Returns false, with
 * p->error set, if not. */
static bool
hex_parser_finish(struct hex_parser *p)
{
    if (p->high >= 0) {
        snprintf(p->error, sizeof p->error,
                 "byte %zu: odd number of hex digits", p->out->size);
        return false;
    }
    return true;
}

/* ---- Locating a decoding error. ----------------------------------------- */

/* Which part of a message a structural finding is in.  Used to accept a
 * finding only when it agrees with the codec's error type. */
enum region {
    R_MESSAGE,                  /* Header, fixed part, buckets, entries. */
    R_MATCH,
    R_INSTRUCTION,
    R_ACTION,
};

/* What the structural walk learned about one message.  Offsets are from
 * the start of the message. */
struct locus {
    bool found;                 /* A length that does not fit was found. */
    size_t ofs;                 /* Where the offending element starts. */
    enum region region;
    char what[96];              /* "OXM TLV overruns match". */
    bool bad_match_type;        /* The finding is a match type, not a
                                 * length: it explains OFPBMC_BAD_TYPE only. */

    /* Where the parts start, for errors the walk cannot pin down; SIZE_MAX
     * when the message has no such part or the walk did not get there. */
    size_t match_ofs;
    size_t inst_ofs;
    size_t actions_ofs;
};

/* Records the first structural finding; later ones are ignored because the
 * walk cannot be trusted past the first bad length.  Returns false so that
 * walkers can 'return note(...)'. */
static bool __attribute__((format(printf, 4, 5)))
note(struct locus *l, size_t ofs, enum region region, const char *fmt, ...)
{
    if (!l->found) {
        va_list args;
        l->found = true;
        l->ofs = ofs;
        l->region = region;
        va_start(args, fmt);
        vsnprintf(l->what, sizeof l->what, fmt, args);
        va_end(args);
    }
    return false;
}

/* Walks the OpenFlow 1.3 'struct ofp_match' at 'msg[ofs]', which must lie
 * within 'msg[..limit)'.  On success stores the offset just past its padding
 * in '*end' and returns true. */
static bool
walk_match(const uint8_t *msg, size_t ofs, size_t limit, struct locus *l,
           size_t *end)
{
    if (l->match_ofs == SIZE_MAX) {
        l->match_ofs = ofs;
    }
    if (ofs > limit || limit - ofs < 4) {
        return note(l, ofs, R_MATCH, "match header truncated");
    }
    uint16_t type = ofp_get_be16(msg + ofs);
    uint16_t len = ofp_get_be16(msg + ofs + 2);
    if (type != 1) {
        note(l, ofs, R_MATCH, "match type %u is not OFPMT_OXM", type);
        l->bad_match_type = true;
        return false;
    }
    if (len < 4) {
        return note(l, ofs, R_MATCH, "match length %u is less than 4", len);
    }
    if (len > limit - ofs) {
        return note(l, ofs, R_MATCH, "match length %u overruns message", len);
    }

    size_t mend = ofs + len;
    for (size_t p = ofs + 4; p < mend; ) {
        if (mend - p < 4) {
            return note(l, p, R_MATCH, "OXM TLV header truncated");
        }
        uint32_t h = ofp_get_be32(msg + p);
        unsigned int tlv_len = OFP_OXM_LENGTH(h);
        if (tlv_len > mend - p - 4) {
            return note(l, p, R_MATCH, "OXM TLV overruns match");
        }
        if (!tlv_len) {
            return note(l, p, R_MATCH, "OXM TLV has length 0");
        }
        if (OFP_OXM_HASMASK(h) && tlv_len % 2) {
            return note(l, p, R_MATCH,
                        "masked OXM TLV has odd length %u", tlv_len);
        }
        p += 4 + tlv_len;
    }

    size_t padded = (len + 7) / 8 * 8;
    if (padded > limit - ofs) {
        return note(l, mend, R_MATCH, "match padding overruns message");
    }
    *end = ofs + padded;
    return true;
}

/* Walks the action list at msg[start..end). */
static bool
walk_actions(const uint8_t *msg, size_t start, size_t end, struct locus *l)
{
    if (l->actions_ofs == SIZE_MAX) {
        l->actions_ofs = start;
    }
    for (size_t p = start; p < end; ) {
        if (end - p < 4) {
            return note(l, p, R_ACTION, "action header truncated");
        }
        uint16_t len = ofp_get_be16(msg + p + 2);
        if (len < 8 || len % 8) {
            return note(l, p, R_ACTION,
                        "action length %u is not a positive multiple of 8",
                        len);
        }
        if (len > end - p) {
            return note(l, p, R_ACTION, "action overruns action list");
        }
        p += len;
    }
    return true;
}

/* Walks the instruction list at msg[start..end), and the actions inside
 * APPLY_ACTIONS and WRITE_ACTIONS. */
static bool
walk_instructions(const uint8_t *msg, size_t start, size_t end,
                  struct locus *l)
{
    if (l->inst_ofs == SIZE_MAX) {
        l->inst_ofs = start;
    }
    for (size_t p = start; p < end; ) {
        if (end - p < 4) {
            return note(l, p, R_INSTRUCTION, "instruction header truncated");
        }
        uint16_t type = ofp_get_be16(msg + p);
        uint16_t len = ofp_get_be16(msg + p + 2);
        if (len < 8 || len % 8) {
            return note(l, p, R_INSTRUCTION,
                        "instruction length %u is not a positive multiple"
                        " of 8", len);
        }
        if (len > end - p) {
            return note(l, p, R_INSTRUCTION,
                        "instruction overruns message");
        }
        if ((type == OFPIT_APPLY_ACTIONS || type == OFPIT_WRITE_ACTIONS)
            && !walk_actions(msg, p + 8, p + len, l)) {
            return false;
        }
        p += len;
    }
    return true;
}

/* Walks a match at 'ofs' followed by instructions up to 'limit'. */
static bool
walk_match_and_instructions(const uint8_t *msg, size_t ofs, size_t limit,
                            struct locus *l)
{
    size_t end;
    return (walk_match(msg, ofs, limit, l, &end)
            && walk_instructions(msg, end, limit, l));
}

/* Walks the FLOW multipart reply entries at msg[start..len). */
static bool
walk_flow_stats(const uint8_t *msg, size_t start, size_t len,
                struct locus *l)
{
    for (size_t p = start; p < len; ) {
        if (len - p < 2) {
            return note(l, p, R_MESSAGE, "flow stats entry truncated");
        }
        uint16_t elen = ofp_get_be16(msg + p);
        if (elen < 56 || elen % 8) {
            return note(l, p, R_MESSAGE,
                        "flow stats entry length %u is invalid", elen);
        }
        if (elen > len - p) {
            return note(l, p, R_MESSAGE,
                        "flow stats entry overruns message");
        }
        if (!walk_match_and_instructions(msg, p + 48, p + elen, l)) {
            return false;
        }
        p += elen;
    }
    return true;
}

/* Walks the group buckets at msg[start..len). */
static bool
walk_buckets(const uint8_t *msg, size_t start, size_t len, struct locus *l)
{
    for (size_t p = start; p < len; ) {
        if (len - p < 16) {
            return note(l, p, R_MESSAGE, "bucket truncated");
        }
        uint16_t blen = ofp_get_be16(msg + p);
        if (blen < 16 || blen % 8) {
            return note(l, p, R_MESSAGE, "bucket length %u is invalid",
                        blen);
        }
        if (blen > len - p) {
            return note(l, p, R_MESSAGE, "bucket overruns message");
        }
        if (!walk_actions(msg, p + 16, p + blen, l)) {
            return false;
        }
        p += blen;
    }
    return true;
}

/* Walks the elements of a HELLO: each has a 16-bit type and length (at
 * least 4) and is padded to 8 bytes. */
static bool
walk_hello(const uint8_t *msg, size_t len, struct locus *l)
{
    for (size_t p = 8; p < len; ) {
        if (len - p < 4) {
            return note(l, p, R_MESSAGE, "hello element header truncated");
        }
        uint16_t elen = ofp_get_be16(msg + p + 2);
        if (elen < 4) {
            return note(l, p, R_MESSAGE,
                        "hello element length %u is less than 4", elen);
        }
        size_t padded = (elen + 7u) / 8 * 8;
        if (elen > len - p || (padded > len - p && p + elen != len)) {
            return note(l, p, R_MESSAGE, "hello element overruns message");
        }
        p += padded < len - p ? padded : len - p;
    }
    return true;
}

/* Wire sizes of the messages whose length is fixed, and the minimum sizes of
 * the others (OpenFlow 1.3.5), by OFPT_* type; 0 where the walk below says
 * more than a size could. */
static const struct {
    const char *name;
    uint16_t exact;
    uint16_t min;
} msg_sizes[] = {
    [OFPT_ERROR] = { "OFPT_ERROR", 0, 12 },
    [OFPT_EXPERIMENTER] = { "OFPT_EXPERIMENTER", 0, 16 },
    [OFPT_FEATURES_REQUEST] = { "OFPT_FEATURES_REQUEST", 8, 0 },
    [OFPT_FEATURES_REPLY] = { "OFPT_FEATURES_REPLY", 32, 0 },
    [OFPT_GET_CONFIG_REQUEST] = { "OFPT_GET_CONFIG_REQUEST", 8, 0 },
    [OFPT_GET_CONFIG_REPLY] = { "OFPT_GET_CONFIG_REPLY", 12, 0 },
    [OFPT_SET_CONFIG] = { "OFPT_SET_CONFIG", 12, 0 },
    [OFPT_PORT_STATUS] = { "OFPT_PORT_STATUS", 80, 0 },
    [OFPT_PACKET_OUT] = { "OFPT_PACKET_OUT", 0, 24 },
    [OFPT_GROUP_MOD] = { "OFPT_GROUP_MOD", 0, 16 },
    [OFPT_PORT_MOD] = { "OFPT_PORT_MOD", 40, 0 },
    [OFPT_TABLE_MOD] = { "OFPT_TABLE_MOD", 16, 0 },
    [OFPT_MULTIPART_REQUEST] = { "OFPT_MULTIPART_REQUEST", 0, 16 },
    [OFPT_MULTIPART_REPLY] = { "OFPT_MULTIPART_REPLY", 0, 16 },
    [OFPT_BARRIER_REQUEST] = { "OFPT_BARRIER_REQUEST", 8, 0 },
    [OFPT_BARRIER_REPLY] = { "OFPT_BARRIER_REPLY", 8, 0 },
    [OFPT_ROLE_REQUEST] = { "OFPT_ROLE_REQUEST", 24, 0 },
    [OFPT_ROLE_REPLY] = { "OFPT_ROLE_REPLY", 24, 0 },
    [OFPT_GET_ASYNC_REQUEST] = { "OFPT_GET_ASYNC_REQUEST", 8, 0 },
    [OFPT_GET_ASYNC_REPLY] = { "OFPT_GET_ASYNC_REPLY", 32, 0 },
    [OFPT_SET_ASYNC] = { "OFPT_SET_ASYNC", 32, 0 },
    [OFPT_METER_MOD] = { "OFPT_METER_MOD", 0, 16 },
};

/* Checks the message's length against its type's fixed or minimum size.
 * Returns false if it does not fit. */
static bool
walk_size(const uint8_t *msg, size_t len, struct locus *l)
{
    uint8_t type = msg[1];
    if (type >= sizeof msg_sizes / sizeof *msg_sizes
        || !msg_sizes[type].name) {
        return true;
    }
    if (msg_sizes[type].exact && len != msg_sizes[type].exact) {
        return note(l, 0, R_MESSAGE, "%s is %u bytes, not %zu",
                    msg_sizes[type].name, msg_sizes[type].exact, len);
    }
    if (len < msg_sizes[type].min) {
        return note(l, 0, R_MESSAGE, "%s needs at least %u bytes, not %zu",
                    msg_sizes[type].name, msg_sizes[type].min, len);
    }
    return true;
}

/* Walks multipart reply entries at msg[start..len) that carry their own
 * 16-bit length at 'len_ofs' within the entry and are at least 'min'
 * bytes, as in GROUP, GROUP_DESC, METER, METER_CONFIG and TABLE_FEATURES
 * replies. */
static bool
walk_entries(const uint8_t *msg, size_t start, size_t len, size_t len_ofs,
             size_t min, const char *what, struct locus *l)
{
    for (size_t p = start; p < len; ) {
        if (len - p < min) {
            return note(l, p, R_MESSAGE, "%s entry truncated: %zu of %zu"
                        " bytes", what, len - p, min);
        }
        uint16_t elen = ofp_get_be16(msg + p + len_ofs);
        if (elen < min || elen % 8) {
            return note(l, p, R_MESSAGE, "%s entry length %u is invalid",
                        what, elen);
        }
        if (elen > len - p) {
            return note(l, p, R_MESSAGE, "%s entry overruns message", what);
        }
        p += elen;
    }
    return true;
}

/* Walks the body of a MULTIPART_REPLY of 'len' bytes. */
static void
walk_multipart_reply(const uint8_t *msg, size_t len, struct locus *l)
{
    /* Fixed-size entries (or bodies) by OFPMP_* type. */
    static const struct {
        uint16_t type;
        const char *name;
        size_t size;
        bool array;             /* Any number of entries, else exactly 1. */
    } fixed[] = {
        { OFPMP_DESC, "OFPMP_DESC", 1056, false },
        { OFPMP_AGGREGATE, "OFPMP_AGGREGATE", 24, false },
        { OFPMP_TABLE, "OFPMP_TABLE", 24, true },
        { OFPMP_PORT_STATS, "OFPMP_PORT_STATS", 112, true },
        { OFPMP_QUEUE, "OFPMP_QUEUE", 40, true },
        { OFPMP_GROUP_FEATURES, "OFPMP_GROUP_FEATURES", 40, false },
        { OFPMP_METER_FEATURES, "OFPMP_METER_FEATURES", 16, false },
        { OFPMP_PORT_DESC, "OFPMP_PORT_DESC", 64, true },
    };
    uint16_t type = ofp_get_be16(msg + 8);
    size_t body = len - 16;

    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        if (fixed[i].type != type) {
            continue;
        }
        if (!fixed[i].array && body != fixed[i].size) {
            note(l, 16, R_MESSAGE, "%s reply body is %zu bytes, not %zu",
                 fixed[i].name, fixed[i].size, body);
        } else if (fixed[i].array && body % fixed[i].size) {
            size_t whole = body / fixed[i].size * fixed[i].size;
            note(l, 16 + whole, R_MESSAGE,
                 "partial %s entry: %zu of %zu bytes",
                 fixed[i].name, body - whole, fixed[i].size);
        }
        return;
    }

    switch (type) {
    case OFPMP_FLOW:
        walk_flow_stats(msg, 16, len, l);
        break;
    case OFPMP_GROUP:
        walk_entries(msg, 16, len, 0, 40, "OFPMP_GROUP", l);
        break;
    case OFPMP_GROUP_DESC:
        walk_entries(msg, 16, len, 0, 8, "OFPMP_GROUP_DESC", l);
        break;
    case OFPMP_METER:
        walk_entries(msg, 16, len, 4, 40, "OFPMP_METER", l);
        break;
    case OFPMP_METER_CONFIG:
        walk_entries(msg, 16, len, 0, 8, "OFPMP_METER_CONFIG", l);
        break;
    case OFPMP_TABLE_FEATURES:
        walk_entries(msg, 16, len, 0, 64, "OFPMP_TABLE_FEATURES", l);
        break;
    default:
        break;
    }
}

/* Walks the structure of the 'len'-byte message 'msg' (whose header length
 * is already known to equal 'len') and fills in 'l'. */
static void
locate(const uint8_t *msg, size_t len, struct locus *l)
{
    memset(l, 0, sizeof *l);
    l->match_ofs = l->inst_ofs = l->actions_ofs = SIZE_MAX;
    if (!walk_size(msg, len, l)) {
        return;
    }

    switch (msg[1]) {
    case OFPT_PACKET_IN: {
        size_t end;
        if (walk_match(msg, 24, len, l, &end) && len - end < 2) {
            note(l, end, R_MESSAGE, "pad after match truncated");
        }
        break;
    }
    case OFPT_HELLO:
        walk_hello(msg, len, l);
        break;
    case OFPT_FLOW_REMOVED: {
        size_t end;
        if (walk_match(msg, 48, len, l, &end) && end != len) {
            note(l, end, R_MESSAGE, "%zu bytes after the match", len - end);
        }
        break;
    }
    case OFPT_FLOW_MOD:
        walk_match_and_instructions(msg, 48, len, l);
        break;
    case OFPT_PACKET_OUT:
        if (len < 24) {
            note(l, 0, R_MESSAGE, "message shorter than 24 bytes");
        } else {
            uint16_t actions_len = ofp_get_be16(msg + 16);
            if (actions_len > len - 24) {
                note(l, 16, R_MESSAGE,
                     "actions_len %u overruns message", actions_len);
            } else {
                walk_actions(msg, 24, 24 + actions_len, l);
            }
        }
        break;
    case OFPT_GROUP_MOD:
        if (len >= 16) {
            walk_buckets(msg, 16, len, l);
        }
        break;
    case OFPT_MULTIPART_REQUEST:
        if (len >= 16) {
            uint16_t type = ofp_get_be16(msg + 8);
            size_t end;
            if ((type == OFPMP_FLOW || type == OFPMP_AGGREGATE)
                && walk_match(msg, 48, len, l, &end) && end != len) {
                note(l, end, R_MESSAGE, "%zu bytes after the match",
                     len - end);
            }
        }
        break;
    case OFPT_MULTIPART_REPLY:
        walk_multipart_reply(msg, len, l);
        break;
    default:
        break;
    }
}

/* Fills 'ofs' and 'what' with where and why the codec returned 'error' for
 * the 'len'-byte message 'msg'.  'what' is left empty when there is nothing
 * to say beyond the error's name. */
static void
explain(const uint8_t *msg, size_t len, enum ofperr error,
        size_t *ofs, char *what, size_t what_size)
{
    struct locus l;
    locate(msg, len, &l);

    uint16_t type = ofperr_is_valid(error) ? ofperr_type(error) : UINT16_MAX;
    bool usable;
    switch (type) {
    case OFPET_BAD_MATCH:
        usable = l.region == R_MATCH;
        break;
    case OFPET_BAD_INSTRUCTION:
        usable = l.region == R_INSTRUCTION;
        break;
    case OFPET_BAD_ACTION:
        usable = l.region == R_ACTION;
        break;
    case OFPET_BAD_REQUEST:
    case OFPET_GROUP_MOD_FAILED:
        usable = true;
        break;
    default:
        usable = false;
        break;
    }
    if (l.bad_match_type) {
        usable = error == OFPERR_OFPBMC_BAD_TYPE;
    }

    *ofs = 0;
    what[0] = '\0';
    if (error == OFPERR_OFPBRC_BAD_VERSION) {
        snprintf(what, what_size, "version 0x%02x is not OpenFlow 1.3",
                 msg[0]);
    } else if (error == OFPERR_OFPBRC_BAD_TYPE) {
        *ofs = 1;
        snprintf(what, what_size, "message type %u", msg[1]);
    } else if (l.found && usable) {
        *ofs = l.ofs;
        snprintf(what, what_size, "%s", l.what);
    } else if (type == OFPET_BAD_MATCH && l.match_ofs != SIZE_MAX) {
        *ofs = l.match_ofs;
        snprintf(what, what_size, "in match");
    } else if (type == OFPET_BAD_ACTION && l.actions_ofs != SIZE_MAX) {
        *ofs = l.actions_ofs;
        snprintf(what, what_size, "in actions");
    } else if ((type == OFPET_BAD_INSTRUCTION || type == OFPET_BAD_ACTION)
               && l.inst_ofs != SIZE_MAX) {
        *ofs = l.inst_ofs;
        snprintf(what, what_size, "in instructions");
    }
}

/* ---- Decoding. ---------------------------------------------------------- */

/* Shared state for one run of the command. */
struct decoder {
    struct ofp_arena arena;     /* Decoded arrays; reset per message. */
    struct ofp_ds ds;           /* Formatted text; cleared per message. */
    const char *where;          /* "" or "line 3: ", prefixes errors. */
};

/* Reports a decoding failure at byte 'ofs' of the input. */
static void __attribute__((format(printf, 4, 5)))
decode_error(const struct decoder *d, size_t ofs, const char *name,
             const char *fmt, ...)
{
    char what[128];
    va_list args;

    va_start(args, fmt);
    vsnprintf(what, sizeof what, fmt, args);
    va_end(args);
    if (what[0]) {
        ofcctl_error("decode: %sbyte %zu: %s (%s)", d->where, ofs, name,
                     what);
    } else {
        ofcctl_error("decode: %sbyte %zu: %s", d->where, ofs, name);
    }
}

/* Decodes and prints every message in data[0..size).  Stops at the first
 * malformed message, after printing the ones before it.  Returns true if
 * all were good. */
static bool
decode_buffer(struct decoder *d, const uint8_t *data, size_t size)
{
    if (!size) {
        ofcctl_error("decode: %sno hex digits in input", d->where);
        return false;
    }

    for (size_t ofs = 0; ofs < size; ) {
        size_t left = size - ofs;
        if (left < OFP_HEADER_LEN) {
            decode_error(d, ofs, "OFPBRC_BAD_LEN",
                         "truncated header: %zu of 8 bytes", left);
            return false;
        }

        uint16_t len = ofp_get_be16(data + ofs + 2);
        if (len < OFP_HEADER_LEN) {
            decode_error(d, ofs, "OFPBRC_BAD_LEN",
                         "header length %u is less than 8", len);
            return false;
        }
        if (len > left) {
            decode_error(d, ofs, "OFPBRC_BAD_LEN",
                         "header length %u but only %zu bytes left",
                         len, left);
            return false;
        }

        struct ofp_msg msg;
        ofp_arena_reset(&d->arena);
        enum ofperr error = ofp_decode(data + ofs, len, &d->arena, &msg);
        if (error) {
            char what[96];
            size_t where;
            explain(data + ofs, len, error, &where, what, sizeof what);
            if (ofperr_is_valid(error)) {
                decode_error(d, ofs + where, ofperr_name(error), "%s", what);
            } else {
                decode_error(d, ofs + where, "decoding failed",
                             "error %d", (int) error);
            }
            return false;
        }

        ofp_ds_clear(&d->ds);
        ofp_format(&msg, &d->ds);
        puts(ofp_ds_cstr(&d->ds));
        ofs += len;
    }
    return true;
}

/* Parses the hex in the 'n_texts' strings 'texts' (of the lengths in
 * 'lens', or NUL-terminated if 'lens' is NULL) and decodes it.  Returns true
 * on success. */
static bool
decode_hex_text(struct decoder *d, struct ofpbuf *bytes, char **texts,
                const size_t *lens, int n_texts)
{
    struct hex_parser p;

    ofpbuf_clear(bytes);
    hex_parser_init(&p, bytes);
    for (int i = 0; i < n_texts; i++) {
        size_t n = lens ? lens[i] : strlen(texts[i]);
        if (!hex_parser_feed(&p, texts[i], n)) {
            ofcctl_error("decode: %s%s", d->where, p.error);
            return false;
        }
    }
    if (!hex_parser_finish(&p)) {
        ofcctl_error("decode: %s%s", d->where, p.error);
        return false;
    }
    return decode_buffer(d, bytes->data, bytes->size);
}

/* Decodes each line of stdin on its own.  Blank lines and lines starting
 * with '#' are skipped.  Returns true if every line was good. */
static bool
decode_stdin(struct decoder *d, struct ofpbuf *bytes)
{
    char *line = NULL;
    size_t allocated = 0;
    unsigned long line_no = 0;
    bool ok = true;
    bool any = false;
    char where[48];

    ssize_t n;
    while ((n = getline(&line, &allocated, stdin)) != -1) {
        line_no++;
        size_t len = n;
        const char *s = line;
        while (s < line + len && isspace((unsigned char) *s)) {
            s++;
        }
        if (s == line + len || *s == '#') {
            continue;
        }
        any = true;
        snprintf(where, sizeof where, "line %lu: ", line_no);
        d->where = where;
        if (!decode_hex_text(d, bytes, &line, &len, 1)) {
            ok = false;
        }
    }
    d->where = "";
    if (ferror(stdin)) {
        ofcctl_error("decode: error reading stdin: %s", strerror(errno));
        ok = false;
    } else if (!any) {
        ofcctl_error("decode: no hex input on stdin");
        ok = false;
    }
    free(line);
    return ok;
}

int
ofcctl_decode(int argc, char *argv[])
{
    bool use_stdin = argc == 2 && !strcmp(argv[1], "-");
    for (int i = 1; i < argc; i++) {
        if (!use_stdin && !strcmp(argv[i], "-")) {
            return ofcctl_usage_error("decode: '-' must be the only "
                                      "argument");
        }
    }

    struct decoder d;
    ofp_arena_init(&d.arena);
    ofp_ds_init(&d.ds);
    d.where = "";

    struct ofpbuf bytes;
    ofpbuf_init(&bytes, 4096);

    bool ok = (use_stdin
               ? decode_stdin(&d, &bytes)
               : decode_hex_text(&d, &bytes, &argv[1], NULL, argc - 1));

    ofpbuf_uninit(&bytes);
    ofp_ds_destroy(&d.ds);
    ofp_arena_destroy(&d.arena);
    return ok ? OFCCTL_EXIT_OK : OFCCTL_EXIT_FAILURE;
}
