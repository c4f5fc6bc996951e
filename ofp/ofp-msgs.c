/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Wire codecs for the OpenFlow 1.3 messages other than the ONF bundles
 * (ofp-bundle.c) and the multipart bodies (ofp-multipart.c).  Formatting
 * and the generic ofp_decode()/ofp_encode() dispatch live in ofp-print.c.
 *
 * Every decoder checks the header first (version 0x04, header length equal
 * to the buffer length, the expected type), then reads the body through a
 * struct ofp_reader so that no read can leave [msg, msg + len). */

#include "ofp/ofp-msgs.h"

#include <string.h>

/* Wire sizes of the fixed parts of the bodies (after the 8-byte header). */
#define HELLO_ELEM_HEADER_LEN 4
#define OFPHET_VERSIONBITMAP 1
#define ERROR_BODY_LEN 4
#define ERROR_EXP_BODY_LEN 8
#define EXPERIMENTER_BODY_LEN 8
#define FEATURES_REPLY_BODY_LEN 24
#define SWITCH_CONFIG_BODY_LEN 4
#define PACKET_IN_FIXED_LEN 16
#define FLOW_REMOVED_FIXED_LEN 40
#define PORT_STATUS_BODY_LEN (8 + OFP_PORT_WIRE_LEN)
#define PACKET_OUT_FIXED_LEN 16
#define FLOW_MOD_FIXED_LEN 40
#define GROUP_MOD_FIXED_LEN 8
#define PORT_MOD_BODY_LEN 32
#define TABLE_MOD_BODY_LEN 8
#define METER_MOD_FIXED_LEN 8
#define METER_BAND_LEN 16
#define ROLE_BODY_LEN 16
#define ASYNC_BODY_LEN 24
#define ERROR_REPLY_MAX_DATA 64

/* ---- Header helpers. ------------------------------------------------- */

enum ofperr
ofp_header_decode(const uint8_t *data, size_t avail,
                  struct ofp_header_info *h)
{
    if (avail < OFP_HEADER_LEN) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    h->version = data[0];
    h->type = data[1];
    h->length = ofp_get_be16(data + 2);
    h->xid = ofp_get_be32(data + 4);
    return h->length < OFP_HEADER_LEN ? OFPERR_OFPBRC_BAD_LEN : 0;
}

/* Checks the header of the OpenFlow 1.3 message of exactly 'len' bytes at
 * 'msg' and points 'body' at everything after the header.  'type_a' and
 * 'type_b' are the acceptable OFPT_* types (pass the same one twice when
 * only one fits). */
enum ofperr
ofp_msg_body(const uint8_t *msg, size_t len, uint8_t type_a, uint8_t type_b,
             struct ofp_reader *body)
{
    if (len < OFP_HEADER_LEN) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (msg[0] != OFP13_VERSION) {
        return OFPERR_OFPBRC_BAD_VERSION;
    }
    if (ofp_get_be16(msg + 2) != len) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (msg[1] != type_a && msg[1] != type_b) {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    ofp_reader_init(body, msg + OFP_HEADER_LEN, len - OFP_HEADER_LEN);
    return 0;
}

/* Like ofp_msg_body() for a message whose body is exactly 'body_len' bytes;
 * returns a pointer to the body in '*bodyp'. */
static enum ofperr
fixed_body(const uint8_t *msg, size_t len, uint8_t type_a, uint8_t type_b,
           size_t body_len, const uint8_t **bodyp)
{
    struct ofp_reader r;
    enum ofperr error = ofp_msg_body(msg, len, type_a, type_b, &r);
    if (error) {
        return error;
    }
    if (ofp_reader_left(&r) != body_len
        || !ofp_reader_pull(&r, body_len, bodyp)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    return 0;
}

/* Appends an 8-byte OpenFlow 1.3 header with a zero length and returns its
 * offset in 'b', for ofp_msg_finish(). */
size_t
ofp_msg_start(struct ofpbuf *b, uint8_t type, uint32_t xid)
{
    size_t start = b->size;
    uint8_t *h = ofpbuf_put_uninit(b, OFP_HEADER_LEN);
    h[0] = OFP13_VERSION;
    h[1] = type;
    h[2] = h[3] = 0;
    ofp_put_be32(h + 4, xid);
    return start;
}

/* Sets the length of the message that started at 'start' in 'b' to
 * everything appended since. */
void
ofp_msg_finish(struct ofpbuf *b, size_t start)
{
    ofpbuf_set_be16(b, start + 2, (uint16_t) (b->size - start));
}

void
ofp_encode_empty(enum ofp_type type, uint32_t xid, struct ofpbuf *b)
{
    uint8_t *h = ofpbuf_put_uninit(b, OFP_HEADER_LEN);
    h[0] = OFP13_VERSION;
    h[1] = type;
    ofp_put_be16(h + 2, OFP_HEADER_LEN);
    ofp_put_be32(h + 4, xid);
}

/* Decodes a message that has no body. */
enum ofperr
ofp_decode_empty(const uint8_t *msg, size_t len, enum ofp_type type)
{
    const uint8_t *body;
    return fixed_body(msg, len, type, type, 0, &body);
}

/* ---- HELLO. ---------------------------------------------------------- */

/* Unlike every other message, a HELLO of any version decodes: version
 * negotiation has to read the peer's bitmap whatever it speaks. */
enum ofperr
ofp_decode_hello(const uint8_t *msg, size_t len, struct ofp_hello *hello)
{
    struct ofp_reader r;
    bool have_bitmap = false;

    if (len < OFP_HEADER_LEN || ofp_get_be16(msg + 2) != len) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (msg[1] != OFPT_HELLO) {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    hello->version_bitmap = 0;
    ofp_reader_init(&r, msg + OFP_HEADER_LEN, len - OFP_HEADER_LEN);
    while (ofp_reader_left(&r)) {
        const uint8_t *eh;
        struct ofp_reader body;

        if (!ofp_reader_pull(&r, HELLO_ELEM_HEADER_LEN, &eh)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        uint16_t type = ofp_get_be16(eh);
        uint16_t elen = ofp_get_be16(eh + 2);
        if (elen < HELLO_ELEM_HEADER_LEN
            || !ofp_reader_sub(&r, elen - HELLO_ELEM_HEADER_LEN, &body)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        /* Elements are padded to 8 bytes; tolerate a missing final pad. */
        size_t pad = (8 - elen % 8) % 8;
        if (pad > ofp_reader_left(&r)) {
            pad = ofp_reader_left(&r);
        }
        ofp_reader_skip(&r, pad);

        if (type == OFPHET_VERSIONBITMAP && !have_bitmap) {
            uint32_t word;
            if (!ofp_reader_left(&body) || ofp_reader_left(&body) % 4
                || !ofp_reader_be32(&body, &word)) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
            /* Only versions 0..31 matter to us; later words are ignored. */
            hello->version_bitmap = word;
            have_bitmap = true;
        }
    }
    if (!have_bitmap) {
        hello->version_bitmap = msg[0] < 32 ? 1u << msg[0] : 0;
    }
    return 0;
}

void
ofp_encode_hello(const struct ofp_hello *hello, uint32_t xid,
                 struct ofpbuf *b)
{
    uint8_t version = OFP13_VERSION;
    if (hello->version_bitmap) {
        version = 31 - __builtin_clz(hello->version_bitmap);
    }
    size_t start = ofp_msg_start(b, OFPT_HELLO, xid);
    b->data[start] = version;
    ofpbuf_put_be16(b, OFPHET_VERSIONBITMAP);
    ofpbuf_put_be16(b, 8);
    ofpbuf_put_be32(b, hello->version_bitmap);
    ofp_msg_finish(b, start);
}

/* ---- ERROR. ---------------------------------------------------------- */

enum ofperr
ofp_decode_error(const uint8_t *msg, size_t len, struct ofp_error_msg *em)
{
    struct ofp_reader r;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_ERROR, OFPT_ERROR, &r);
    if (error) {
        return error;
    }
    memset(em, 0, sizeof *em);
    if (!ofp_reader_be16(&r, &em->type) || !ofp_reader_be16(&r, &em->code)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (em->type == OFPET_EXPERIMENTER) {
        em->exp_type = em->code;
        em->code = 0;
        if (!ofp_reader_be32(&r, &em->experimenter)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
    }
    em->data_len = ofp_reader_left(&r);
    em->data = em->data_len ? ofp_reader_cur(&r) : NULL;
    return 0;
}

void
ofp_encode_error(const struct ofp_error_msg *em, uint32_t xid,
                 struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_ERROR, xid);
    ofpbuf_put_be16(b, em->type);
    if (em->type == OFPET_EXPERIMENTER) {
        ofpbuf_put_be16(b, em->exp_type);
        ofpbuf_put_be32(b, em->experimenter);
    } else {
        ofpbuf_put_be16(b, em->code);
    }
    ofpbuf_put(b, em->data, em->data_len);
    ofp_msg_finish(b, start);
}

void
ofp_encode_error_reply(enum ofperr error, const uint8_t *request,
                       size_t request_len, uint32_t xid, struct ofpbuf *b)
{
    struct ofp_error_msg em = {
        .type = ofperr_type(error),
        .code = ofperr_code(error),
        .data = request,
        .data_len = (request_len < ERROR_REPLY_MAX_DATA
                     ? request_len : ERROR_REPLY_MAX_DATA),
    };
    if (!request) {
        em.data_len = 0;
    }
    ofp_encode_error(&em, xid, b);
}

/* ---- ECHO and EXPERIMENTER. ------------------------------------------ */

enum ofperr
ofp_decode_echo(const uint8_t *msg, size_t len, struct ofp_echo *echo)
{
    struct ofp_reader r;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_ECHO_REQUEST,
                                     OFPT_ECHO_REPLY, &r);
    if (error) {
        return error;
    }
    echo->data_len = ofp_reader_left(&r);
    echo->data = echo->data_len ? ofp_reader_cur(&r) : NULL;
    return 0;
}

void
ofp_encode_echo(const struct ofp_echo *echo, enum ofp_type type,
                uint32_t xid, struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, type, xid);
    ofpbuf_put(b, echo->data, echo->data_len);
    ofp_msg_finish(b, start);
}

enum ofperr
ofp_decode_experimenter(const uint8_t *msg, size_t len,
                        struct ofp_experimenter_msg *em)
{
    struct ofp_reader r;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_EXPERIMENTER,
                                     OFPT_EXPERIMENTER, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_be32(&r, &em->experimenter)
        || !ofp_reader_be32(&r, &em->exp_type)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    em->data_len = ofp_reader_left(&r);
    em->data = em->data_len ? ofp_reader_cur(&r) : NULL;
    return 0;
}

void
ofp_encode_experimenter(const struct ofp_experimenter_msg *em, uint32_t xid,
                        struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_EXPERIMENTER, xid);
    ofpbuf_put_be32(b, em->experimenter);
    ofpbuf_put_be32(b, em->exp_type);
    ofpbuf_put(b, em->data, em->data_len);
    ofp_msg_finish(b, start);
}

/* ---- FEATURES_REPLY, GET_CONFIG_REPLY, SET_CONFIG. ------------------- */

enum ofperr
ofp_decode_features_reply(const uint8_t *msg, size_t len,
                          struct ofp_features_reply *fr)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_FEATURES_REPLY,
                                   OFPT_FEATURES_REPLY,
                                   FEATURES_REPLY_BODY_LEN, &p);
    if (error) {
        return error;
    }
    fr->datapath_id = ofp_get_be64(p);
    fr->n_buffers = ofp_get_be32(p + 8);
    fr->n_tables = p[12];
    fr->auxiliary_id = p[13];
    fr->capabilities = ofp_get_be32(p + 16);
    fr->reserved = ofp_get_be32(p + 20);
    return 0;
}

void
ofp_encode_features_reply(const struct ofp_features_reply *fr, uint32_t xid,
                          struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_FEATURES_REPLY, xid);
    uint8_t *p = ofpbuf_put_zeros(b, FEATURES_REPLY_BODY_LEN);
    ofp_put_be64(p, fr->datapath_id);
    ofp_put_be32(p + 8, fr->n_buffers);
    p[12] = fr->n_tables;
    p[13] = fr->auxiliary_id;
    ofp_put_be32(p + 16, fr->capabilities);
    ofp_put_be32(p + 20, fr->reserved);
    ofp_msg_finish(b, start);
}

enum ofperr
ofp_decode_switch_config(const uint8_t *msg, size_t len,
                         struct ofp_switch_config *sc)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_GET_CONFIG_REPLY,
                                   OFPT_SET_CONFIG, SWITCH_CONFIG_BODY_LEN,
                                   &p);
    if (error) {
        return error;
    }
    sc->flags = ofp_get_be16(p);
    sc->miss_send_len = ofp_get_be16(p + 2);
    return 0;
}

void
ofp_encode_switch_config(const struct ofp_switch_config *sc,
                         enum ofp_type type, uint32_t xid, struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, type, xid);
    ofpbuf_put_be16(b, sc->flags);
    ofpbuf_put_be16(b, sc->miss_send_len);
    ofp_msg_finish(b, start);
}

/* ---- PACKET_IN. ------------------------------------------------------ */

/* Hot path: a single header check, one pull for the fixed part, the match,
 * and the data borrowed in place.  Nothing is allocated or zeroed beyond
 * what the match decoder does. */
enum ofperr
ofp_decode_packet_in(const uint8_t *msg, size_t len,
                     struct ofp_packet_in *pin)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_PACKET_IN,
                                     OFPT_PACKET_IN, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, PACKET_IN_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    pin->buffer_id = ofp_get_be32(p);
    pin->total_len = ofp_get_be16(p + 4);
    pin->reason = p[6];
    pin->table_id = p[7];
    pin->cookie = ofp_get_be64(p + 8);
    error = ofp_match_decode(&r, &pin->match);
    if (error) {
        return error;
    }
    if (!ofp_reader_skip(&r, 2)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    pin->data_len = ofp_reader_left(&r);
    pin->data = ofp_reader_cur(&r);
    return 0;
}

void
ofp_encode_packet_in(const struct ofp_packet_in *pin, uint32_t xid,
                     struct ofpbuf *b)
{
    ofpbuf_reserve(b, OFP_HEADER_LEN + PACKET_IN_FIXED_LEN + 128
                   + pin->data_len);
    size_t start = ofp_msg_start(b, OFPT_PACKET_IN, xid);
    uint8_t *p = ofpbuf_put_uninit(b, PACKET_IN_FIXED_LEN);
    ofp_put_be32(p, pin->buffer_id);
    ofp_put_be16(p + 4, pin->total_len);
    p[6] = pin->reason;
    p[7] = pin->table_id;
    ofp_put_be64(p + 8, pin->cookie);
    ofp_match_encode(&pin->match, b);
    ofpbuf_put_zeros(b, 2);
    ofpbuf_put(b, pin->data, pin->data_len);
    ofp_msg_finish(b, start);
}

/* ---- FLOW_REMOVED. --------------------------------------------------- */

enum ofperr
ofp_decode_flow_removed(const uint8_t *msg, size_t len,
                        struct ofp_flow_removed *fr)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_FLOW_REMOVED,
                                     OFPT_FLOW_REMOVED, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, FLOW_REMOVED_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    fr->cookie = ofp_get_be64(p);
    fr->priority = ofp_get_be16(p + 8);
    fr->reason = p[10];
    fr->table_id = p[11];
    fr->duration_sec = ofp_get_be32(p + 12);
    fr->duration_nsec = ofp_get_be32(p + 16);
    fr->idle_timeout = ofp_get_be16(p + 20);
    fr->hard_timeout = ofp_get_be16(p + 22);
    fr->packet_count = ofp_get_be64(p + 24);
    fr->byte_count = ofp_get_be64(p + 32);
    error = ofp_match_decode(&r, &fr->match);
    if (error) {
        return error;
    }
    return ofp_reader_left(&r) ? OFPERR_OFPBRC_BAD_LEN : 0;
}

void
ofp_encode_flow_removed(const struct ofp_flow_removed *fr, uint32_t xid,
                        struct ofpbuf *b)
{
    ofpbuf_reserve(b, OFP_HEADER_LEN + FLOW_REMOVED_FIXED_LEN + 256);
    size_t start = ofp_msg_start(b, OFPT_FLOW_REMOVED, xid);
    uint8_t *p = ofpbuf_put_uninit(b, FLOW_REMOVED_FIXED_LEN);
    ofp_put_be64(p, fr->cookie);
    ofp_put_be16(p + 8, fr->priority);
    p[10] = fr->reason;
    p[11] = fr->table_id;
    ofp_put_be32(p + 12, fr->duration_sec);
    ofp_put_be32(p + 16, fr->duration_nsec);
    ofp_put_be16(p + 20, fr->idle_timeout);
    ofp_put_be16(p + 22, fr->hard_timeout);
    ofp_put_be64(p + 24, fr->packet_count);
    ofp_put_be64(p + 32, fr->byte_count);
    ofp_match_encode(&fr->match, b);
    ofp_msg_finish(b, start);
}

/* ---- PORT_STATUS. ---------------------------------------------------- */

enum ofperr
ofp_decode_port_status(const uint8_t *msg, size_t len,
                       struct ofp_port_status *ps)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_PORT_STATUS,
                                   OFPT_PORT_STATUS, PORT_STATUS_BODY_LEN,
                                   &p);
    if (error) {
        return error;
    }
    struct ofp_reader r;
    ofp_reader_init(&r, p + 8, OFP_PORT_WIRE_LEN);
    ps->reason = p[0];
    return ofp_port_decode(&r, &ps->desc);
}

void
ofp_encode_port_status(const struct ofp_port_status *ps, uint32_t xid,
                       struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_PORT_STATUS, xid);
    uint8_t *p = ofpbuf_put_zeros(b, 8);
    p[0] = ps->reason;
    ofp_port_encode(&ps->desc, b);
    ofp_msg_finish(b, start);
}

/* ---- PACKET_OUT. ----------------------------------------------------- */

enum ofperr
ofp_decode_packet_out(const uint8_t *msg, size_t len, struct ofp_arena *arena,
                      struct ofp_packet_out *po)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_PACKET_OUT,
                                     OFPT_PACKET_OUT, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, PACKET_OUT_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    po->buffer_id = ofp_get_be32(p);
    po->in_port = ofp_get_be32(p + 4);
    uint16_t actions_len = ofp_get_be16(p + 8);
    if (actions_len > ofp_reader_left(&r) || actions_len % 8) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    error = ofp_actions_decode(&r, actions_len, arena, &po->actions);
    if (error) {
        return error;
    }
    po->data_len = ofp_reader_left(&r);
    po->data = po->data_len ? ofp_reader_cur(&r) : NULL;
    return 0;
}

void
ofp_encode_packet_out(const struct ofp_packet_out *po, uint32_t xid,
                      struct ofpbuf *b)
{
    ofpbuf_reserve(b, OFP_HEADER_LEN + PACKET_OUT_FIXED_LEN
                   + 32 * po->actions.n + po->data_len + 64);
    size_t start = ofp_msg_start(b, OFPT_PACKET_OUT, xid);
    size_t fixed = b->size;
    uint8_t *p = ofpbuf_put_zeros(b, PACKET_OUT_FIXED_LEN);
    ofp_put_be32(p, po->buffer_id);
    ofp_put_be32(p + 4, po->in_port);
    size_t actions_start = b->size;
    ofp_actions_encode(po->actions.actions, po->actions.n, b);
    ofpbuf_set_be16(b, fixed + 8, (uint16_t) (b->size - actions_start));
    ofpbuf_put(b, po->data, po->data_len);
    ofp_msg_finish(b, start);
}

/* ---- FLOW_MOD. ------------------------------------------------------- */

void
ofp_flow_mod_init(struct ofp_flow_mod *fm)
{
    memset(fm, 0, sizeof *fm);
    fm->command = OFPFC_ADD;
    fm->priority = 0x8000;
    fm->buffer_id = OFP_NO_BUFFER;
    fm->out_port = OFPP_ANY;
    fm->out_group = OFPG_ANY;
    ofp_match_init(&fm->match);
}

#define OFPFF_ALL (OFPFF_SEND_FLOW_REM | OFPFF_CHECK_OVERLAP \
                   | OFPFF_RESET_COUNTS | OFPFF_NO_PKT_COUNTS \
                   | OFPFF_NO_BYT_COUNTS)

enum ofperr
ofp_decode_flow_mod(const uint8_t *msg, size_t len, struct ofp_arena *arena,
                    struct ofp_flow_mod *fm)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_FLOW_MOD, OFPT_FLOW_MOD,
                                     &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, FLOW_MOD_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    fm->cookie = ofp_get_be64(p);
    fm->cookie_mask = ofp_get_be64(p + 8);
    fm->table_id = p[16];
    fm->command = p[17];
    fm->idle_timeout = ofp_get_be16(p + 18);
    fm->hard_timeout = ofp_get_be16(p + 20);
    fm->priority = ofp_get_be16(p + 22);
    fm->buffer_id = ofp_get_be32(p + 24);
    fm->out_port = ofp_get_be32(p + 28);
    fm->out_group = ofp_get_be32(p + 32);
    fm->flags = ofp_get_be16(p + 36);

    /* The checks come in the order Open vSwitch makes them, so both report
     * the same error for the same bad message. */
    error = ofp_match_decode(&r, &fm->match);
    if (error) {
        return error;
    }
    if (fm->table_id == OFPTT_ALL && fm->command != OFPFC_DELETE
        && fm->command != OFPFC_DELETE_STRICT) {
        return OFPERR_OFPFMFC_BAD_TABLE_ID;
    }
    if (fm->command > OFPFC_DELETE_STRICT) {
        return OFPERR_OFPFMFC_BAD_COMMAND;
    }
    error = ofp_instructions_decode(&r, ofp_reader_left(&r), arena,
                                    &fm->instructions);
    if (error) {
        return error;
    }
    if (fm->flags & ~OFPFF_ALL) {
        return OFPERR_OFPFMFC_BAD_FLAGS;
    }
    return 0;
}

/* Hot path: one reserve for the whole message, so the appends below never
 * reallocate once 'b' has the capacity. */
void
ofp_encode_flow_mod(const struct ofp_flow_mod *fm, uint32_t xid,
                    struct ofpbuf *b)
{
    const struct ofp_instructions *in = &fm->instructions;
    size_t n_acts = in->apply.n + in->write.n;
    ofpbuf_reserve(b, (OFP_HEADER_LEN + FLOW_MOD_FIXED_LEN + 64
                       + 24 * (size_t) __builtin_popcountll(fm->match.present)
                       + fm->match.unknown_len + 64 + 48 * n_acts));

    size_t start = b->size;
    uint8_t *p = b->data + start;
    b->size += OFP_HEADER_LEN + FLOW_MOD_FIXED_LEN;
    p[0] = OFP13_VERSION;
    p[1] = OFPT_FLOW_MOD;
    ofp_put_be32(p + 4, xid);
    p += OFP_HEADER_LEN;
    ofp_put_be64(p, fm->cookie);
    ofp_put_be64(p + 8, fm->cookie_mask);
    p[16] = fm->table_id;
    p[17] = fm->command;
    ofp_put_be16(p + 18, fm->idle_timeout);
    ofp_put_be16(p + 20, fm->hard_timeout);
    ofp_put_be16(p + 22, fm->priority);
    ofp_put_be32(p + 24, fm->buffer_id);
    ofp_put_be32(p + 28, fm->out_port);
    ofp_put_be32(p + 32, fm->out_group);
    ofp_put_be16(p + 36, fm->flags);
    p[38] = p[39] = 0;

    ofp_match_encode(&fm->match, b);
    ofp_instructions_encode(in, b);
    ofp_msg_finish(b, start);
}

/* ---- GROUP_MOD. ------------------------------------------------------ */

enum ofperr
ofp_decode_group_mod(const uint8_t *msg, size_t len, struct ofp_arena *arena,
                     struct ofp_group_mod *gm)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_GROUP_MOD,
                                     OFPT_GROUP_MOD, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, GROUP_MOD_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    gm->command = ofp_get_be16(p);
    gm->type = p[2];
    gm->group_id = ofp_get_be32(p + 4);
    if (gm->command > OFPGC_DELETE) {
        return OFPERR_OFPGMFC_BAD_COMMAND;
    }
    if (gm->type > OFPGT_FF) {
        return OFPERR_OFPGMFC_BAD_TYPE;
    }
    struct ofp_bucket *buckets = NULL;
    size_t n = 0;
    error = ofp_buckets_decode(&r, ofp_reader_left(&r), arena, &buckets, &n);
    if (error) {
        return error;
    }
    gm->buckets = buckets;
    gm->n_buckets = n;
    return 0;
}

void
ofp_encode_group_mod(const struct ofp_group_mod *gm, uint32_t xid,
                     struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_GROUP_MOD, xid);
    uint8_t *p = ofpbuf_put_zeros(b, GROUP_MOD_FIXED_LEN);
    ofp_put_be16(p, gm->command);
    p[2] = gm->type;
    ofp_put_be32(p + 4, gm->group_id);
    ofp_buckets_encode(gm->buckets, gm->n_buckets, b);
    ofp_msg_finish(b, start);
}

/* ---- PORT_MOD and TABLE_MOD. ----------------------------------------- */

enum ofperr
ofp_decode_port_mod(const uint8_t *msg, size_t len, struct ofp_port_mod *pm)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_PORT_MOD, OFPT_PORT_MOD,
                                   PORT_MOD_BODY_LEN, &p);
    if (error) {
        return error;
    }
    pm->port_no = ofp_get_be32(p);
    memcpy(pm->hw_addr, p + 8, 6);
    pm->config = ofp_get_be32(p + 16);
    pm->mask = ofp_get_be32(p + 20);
    pm->advertise = ofp_get_be32(p + 24);
    return 0;
}

void
ofp_encode_port_mod(const struct ofp_port_mod *pm, uint32_t xid,
                    struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_PORT_MOD, xid);
    uint8_t *p = ofpbuf_put_zeros(b, PORT_MOD_BODY_LEN);
    ofp_put_be32(p, pm->port_no);
    memcpy(p + 8, pm->hw_addr, 6);
    ofp_put_be32(p + 16, pm->config);
    ofp_put_be32(p + 20, pm->mask);
    ofp_put_be32(p + 24, pm->advertise);
    ofp_msg_finish(b, start);
}

enum ofperr
ofp_decode_table_mod(const uint8_t *msg, size_t len,
                     struct ofp_table_mod *tm)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_TABLE_MOD, OFPT_TABLE_MOD,
                                   TABLE_MOD_BODY_LEN, &p);
    if (error) {
        return error;
    }
    tm->table_id = p[0];
    tm->config = ofp_get_be32(p + 4);
    return 0;
}

void
ofp_encode_table_mod(const struct ofp_table_mod *tm, uint32_t xid,
                     struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_TABLE_MOD, xid);
    uint8_t *p = ofpbuf_put_zeros(b, TABLE_MOD_BODY_LEN);
    p[0] = tm->table_id;
    ofp_put_be32(p + 4, tm->config);
    ofp_msg_finish(b, start);
}

/* ---- METER_MOD and meter bands. -------------------------------------- */

enum ofperr
ofp_meter_bands_decode(struct ofp_reader *r, size_t len,
                       struct ofp_arena *arena,
                       struct ofp_meter_band **bandsp, size_t *np)
{
    struct ofp_reader sub;
    *bandsp = NULL;
    *np = 0;
    if (!ofp_reader_sub(r, len, &sub)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (len % METER_BAND_LEN) {
        /* Every band type is 16 bytes long: a length that disagrees is a
         * framing error, as Open vSwitch reports it. */
        return OFPERR_OFPBRC_BAD_LEN;
    }
    size_t n = len / METER_BAND_LEN;
    struct ofp_meter_band *bands = ofp_arena_calloc(arena, n, sizeof *bands);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p;
        if (!ofp_reader_pull(&sub, METER_BAND_LEN, &p)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        struct ofp_meter_band *mb = &bands[i];
        mb->type = ofp_get_be16(p);
        if (ofp_get_be16(p + 2) != METER_BAND_LEN) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        mb->rate = ofp_get_be32(p + 4);
        mb->burst_size = ofp_get_be32(p + 8);
        switch (mb->type) {
        case OFPMBT_DROP:
            break;
        case OFPMBT_DSCP_REMARK:
            mb->prec_level = p[12];
            break;
        case OFPMBT_EXPERIMENTER:
            mb->experimenter = ofp_get_be32(p + 12);
            break;
        default:
            return OFPERR_OFPMMFC_BAD_BAND;
        }
    }
    *bandsp = bands;
    *np = n;
    return 0;
}

void
ofp_meter_bands_encode(const struct ofp_meter_band *bands, size_t n,
                       struct ofpbuf *b)
{
    for (size_t i = 0; i < n; i++) {
        const struct ofp_meter_band *mb = &bands[i];
        uint8_t *p = ofpbuf_put_zeros(b, METER_BAND_LEN);
        ofp_put_be16(p, mb->type);
        ofp_put_be16(p + 2, METER_BAND_LEN);
        ofp_put_be32(p + 4, mb->rate);
        ofp_put_be32(p + 8, mb->burst_size);
        if (mb->type == OFPMBT_DSCP_REMARK) {
            p[12] = mb->prec_level;
        } else if (mb->type == OFPMBT_EXPERIMENTER) {
            ofp_put_be32(p + 12, mb->experimenter);
        }
    }
}

enum ofperr
ofp_decode_meter_mod(const uint8_t *msg, size_t len, struct ofp_arena *arena,
                     struct ofp_meter_mod *mm)
{
    struct ofp_reader r;
    const uint8_t *p;
    enum ofperr error = ofp_msg_body(msg, len, OFPT_METER_MOD,
                                     OFPT_METER_MOD, &r);
    if (error) {
        return error;
    }
    if (!ofp_reader_pull(&r, METER_MOD_FIXED_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    mm->command = ofp_get_be16(p);
    mm->flags = ofp_get_be16(p + 2);
    mm->meter_id = ofp_get_be32(p + 4);
    if (mm->command > OFPMC_DELETE) {
        return OFPERR_OFPMMFC_BAD_COMMAND;
    }
    struct ofp_meter_band *bands;
    size_t n;
    error = ofp_meter_bands_decode(&r, ofp_reader_left(&r), arena, &bands,
                                   &n);
    if (error) {
        return error;
    }
    mm->bands = bands;
    mm->n_bands = n;
    return 0;
}

void
ofp_encode_meter_mod(const struct ofp_meter_mod *mm, uint32_t xid,
                     struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, OFPT_METER_MOD, xid);
    uint8_t *p = ofpbuf_put_uninit(b, METER_MOD_FIXED_LEN);
    ofp_put_be16(p, mm->command);
    ofp_put_be16(p + 2, mm->flags);
    ofp_put_be32(p + 4, mm->meter_id);
    ofp_meter_bands_encode(mm->bands, mm->n_bands, b);
    ofp_msg_finish(b, start);
}

/* ---- ROLE and ASYNC. ------------------------------------------------- */

enum ofperr
ofp_decode_role(const uint8_t *msg, size_t len, struct ofp_role *role)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_ROLE_REQUEST,
                                   OFPT_ROLE_REPLY, ROLE_BODY_LEN, &p);
    if (error) {
        return error;
    }
    role->role = ofp_get_be32(p);
    role->generation_id = ofp_get_be64(p + 8);
    return role->role > OFPCR_ROLE_SLAVE ? OFPERR_OFPRRFC_BAD_ROLE : 0;
}

void
ofp_encode_role(const struct ofp_role *role, enum ofp_type type,
                uint32_t xid, struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, type, xid);
    uint8_t *p = ofpbuf_put_zeros(b, ROLE_BODY_LEN);
    ofp_put_be32(p, role->role);
    ofp_put_be64(p + 8, role->generation_id);
    ofp_msg_finish(b, start);
}

enum ofperr
ofp_decode_async_config(const uint8_t *msg, size_t len,
                        struct ofp_async_config *ac)
{
    const uint8_t *p;
    enum ofperr error = fixed_body(msg, len, OFPT_GET_ASYNC_REPLY,
                                   OFPT_SET_ASYNC, ASYNC_BODY_LEN, &p);
    if (error) {
        return error;
    }
    for (int i = 0; i < 2; i++) {
        ac->packet_in_mask[i] = ofp_get_be32(p + 4 * i);
        ac->port_status_mask[i] = ofp_get_be32(p + 8 + 4 * i);
        ac->flow_removed_mask[i] = ofp_get_be32(p + 16 + 4 * i);
    }
    return 0;
}

void
ofp_encode_async_config(const struct ofp_async_config *ac, enum ofp_type type,
                        uint32_t xid, struct ofpbuf *b)
{
    size_t start = ofp_msg_start(b, type, xid);
    uint8_t *p = ofpbuf_put_uninit(b, ASYNC_BODY_LEN);
    for (int i = 0; i < 2; i++) {
        ofp_put_be32(p + 4 * i, ac->packet_in_mask[i]);
        ofp_put_be32(p + 8 + 4 * i, ac->port_status_mask[i]);
        ofp_put_be32(p + 16 + 4 * i, ac->flow_removed_mask[i]);
    }
    ofp_msg_finish(b, start);
}
