/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Multipart requests and replies: per body type encode, spot-checked
 * bytes, decode(encode) field equality and encode(decode(encode)) byte
 * identity; splitting of long replies and joining of the parts; malformed
 * bodies and the errors they give. */

#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"
#include "tests/tap.h"

/* The conformance cases and their sample builders. */
#include "tests/conf-multipart.c"

static struct ofp_arena arena;

/* ---- Helpers. ------------------------------------------------------ */

/* Decodes the single reply in 'b' into 'rep'; returns the error. */
static enum ofperr
decode_reply(const struct ofpbuf *b, struct ofp_multipart_reply *rep)
{
    return ofp_decode_multipart_reply(b->data, b->size, &arena, rep);
}

/* Decodes the single request in 'b' into 'req'. */
static enum ofperr
decode_request(const struct ofpbuf *b, struct ofp_multipart_request *req)
{
    return ofp_decode_multipart_request(b->data, b->size, &arena, req);
}

/* Checks that 'b' holds one well-formed multipart message of 'ofpt',
 * 'type' and 'flags' whose length field matches. */
static void
check_header(const struct ofpbuf *b, uint8_t ofpt, uint16_t type,
             uint16_t flags, uint32_t xid, const char *what)
{
    bool ok = (b->size >= 16 && b->data[0] == OFP13_VERSION
               && b->data[1] == ofpt && ofp_get_be16(b->data + 2) == b->size
               && ofp_get_be32(b->data + 4) == xid
               && ofp_get_be16(b->data + 8) == type
               && ofp_get_be16(b->data + 10) == flags
               && !memcmp(b->data + 12, "\0\0\0\0", 4));
    tap_ok(ok, "%s: header (version, type, length, xid, mp type, flags)",
           what);
}

/* Re-encodes a decoded reply and compares with the original bytes. */
static void
check_reply_reencode(const struct ofpbuf *orig,
                     const struct ofp_multipart_reply *rep, uint32_t xid,
                     const char *what)
{
    struct ofpbuf again = OFPBUF_INITIALIZER;

    ofp_encode_multipart_reply(rep, xid, &again);
    tap_ok(again.size == orig->size
           && !memcmp(again.data, orig->data, orig->size),
           "%s: encode(decode(encode)) is byte-identical", what);
    ofpbuf_uninit(&again);
}

/* Re-encodes a decoded request and compares bytes. */
static void
check_request_reencode(const struct ofpbuf *orig,
                       const struct ofp_multipart_request *req, uint32_t xid,
                       const char *what)
{
    struct ofpbuf again = OFPBUF_INITIALIZER;

    ofp_encode_multipart_request(req, xid, &again);
    tap_ok(again.size == orig->size
           && !memcmp(again.data, orig->data, orig->size),
           "%s: encode(decode(encode)) is byte-identical", what);
    ofpbuf_uninit(&again);
}

/* Formats 'rep' and checks the text against 'want'. */
static void
check_reply_text(const struct ofp_multipart_reply *rep, const char *want,
                 const char *what)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;

    ofp_format_multipart_reply(rep, &ds);
    TAP_STR_EQ(ofp_ds_cstr(&ds), want, "%s: text", what);
    ofp_ds_destroy(&ds);
}

/* Formats 'req' and checks the text against 'want'. */
static void
check_request_text(const struct ofp_multipart_request *req, const char *want,
                   const char *what)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;

    ofp_format_multipart_request(req, &ds);
    TAP_STR_EQ(ofp_ds_cstr(&ds), want, "%s: text", what);
    ofp_ds_destroy(&ds);
}

/* ---- Requests. ----------------------------------------------------- */

/* Requests without a body. */
static void
test_empty_requests(void)
{
    static const uint16_t types[] = {
        OFPMP_DESC, OFPMP_TABLE, OFPMP_GROUP_DESC, OFPMP_GROUP_FEATURES,
        OFPMP_METER_FEATURES, OFPMP_PORT_DESC, OFPMP_TABLE_FEATURES,
    };

    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        struct ofp_multipart_request req = { .type = types[i] }, dec;
        struct ofpbuf b = OFPBUF_INITIALIZER;
        char what[64];

        snprintf(what, sizeof what, "request type %u (no body)", types[i]);
        req.flags = i == 0 ? OFPMPF_REQ_MORE : 0;
        ofp_encode_multipart_request(&req, 7, &b);
        TAP_INT_EQ(b.size, 16, "%s: 16 bytes", what);
        check_header(&b, OFPT_MULTIPART_REQUEST, types[i], req.flags, 7,
                     what);
        TAP_INT_EQ(decode_request(&b, &dec), 0, "%s: decodes", what);
        tap_ok(dec.type == types[i] && dec.flags == req.flags,
               "%s: type and flags survive", what);
        check_request_reencode(&b, &dec, 7, what);
        ofpbuf_uninit(&b);
    }
}

/* FLOW and AGGREGATE requests. */
static void
test_flow_request(void)
{
    struct ofp_multipart_request req, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    memset(&req, 0, sizeof req);
    req.type = OFPMP_FLOW;
    req.flow.table_id = 3;
    req.flow.out_port = 2;
    req.flow.out_group = 9;
    req.flow.cookie = 0x1122334455667788ull;
    req.flow.cookie_mask = 0xffff000000000000ull;
    sample_match_tcp80(&req.flow.match);
    ofp_encode_multipart_request(&req, 0x42, &b);
    check_header(&b, OFPT_MULTIPART_REQUEST, OFPMP_FLOW, 0, 0x42,
                 "flow request");
    tap_ok(b.size >= 56 && b.data[16] == 3
           && ofp_get_be32(b.data + 20) == 2
           && ofp_get_be32(b.data + 24) == 9
           && ofp_get_be64(b.data + 32) == 0x1122334455667788ull
           && ofp_get_be64(b.data + 40) == 0xffff000000000000ull
           && ofp_get_be16(b.data + 48) == 1,
           "flow request: table, out_port, out_group, cookie, mask, "
           "OFPMT_OXM at known offsets");
    TAP_INT_EQ(b.size % 8, 0, "flow request: length is a multiple of 8");
    TAP_INT_EQ(decode_request(&b, &dec), 0, "flow request: decodes");
    tap_ok(dec.flow.table_id == 3 && dec.flow.out_port == 2
           && dec.flow.out_group == 9
           && dec.flow.cookie == req.flow.cookie
           && dec.flow.cookie_mask == req.flow.cookie_mask
           && ofp_match_equal(&dec.flow.match, &req.flow.match),
           "flow request: decoded fields equal");
    check_request_reencode(&b, &dec, 0x42, "flow request");
    check_request_text(&dec, "table=3 out_port=2 tcp,tp_dst=80",
                       "flow request");

    /* AGGREGATE shares the body. */
    ofpbuf_clear(&b);
    req.type = OFPMP_AGGREGATE;
    req.flags = OFPMPF_REQ_MORE;
    req.flow.table_id = OFPTT_ALL;
    req.flow.out_port = OFPP_ANY;
    ofp_match_init(&req.flow.match);
    ofp_encode_multipart_request(&req, 0x43, &b);
    TAP_INT_EQ(b.size, 56, "aggregate request: 56 bytes with empty match");
    TAP_INT_EQ(decode_request(&b, &dec), 0, "aggregate request: decodes");
    tap_ok(dec.type == OFPMP_AGGREGATE && dec.flags == OFPMPF_REQ_MORE
           && dec.flow.table_id == OFPTT_ALL,
           "aggregate request: decoded fields equal");
    check_request_reencode(&b, &dec, 0x43, "aggregate request");
    check_request_text(&dec, "", "aggregate request (flags are ofp_format's)");
    ofpbuf_uninit(&b);
}

/* Requests whose body is a port, queue, group or meter id. */
static void
test_id_requests(void)
{
    struct {
        uint16_t type;
        uint32_t id;
        uint32_t id2;
        const char *text;
    } cases[] = {
        { OFPMP_PORT_STATS, OFPP_ANY, 0, "port_no=ANY" },
        { OFPMP_PORT_STATS, 5, 0, "port_no=5" },
        { OFPMP_QUEUE, 2, 7, "port=2 queue=7" },
        { OFPMP_QUEUE, OFPP_ANY, OFPQ_ALL, "port=ANY queue=ALL" },
        { OFPMP_GROUP, OFPG_ALL, 0, "group_id=ALL" },
        { OFPMP_GROUP, 17, 0, "group_id=17" },
        { OFPMP_METER, OFPM_ALL, 0, "meter=all" },
        { OFPMP_METER_CONFIG, 3, 0, "meter=3" },
        { OFPMP_METER_CONFIG, OFPM_CONTROLLER, 0, "meter=controller" },
    };

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct ofp_multipart_request req, dec;
        struct ofpbuf b = OFPBUF_INITIALIZER;
        char what[64];
        uint32_t got;

        snprintf(what, sizeof what, "request type %u id 0x%x",
                 cases[i].type, cases[i].id);
        memset(&req, 0, sizeof req);
        req.type = cases[i].type;
        switch (req.type) {
        case OFPMP_PORT_STATS: req.port_no = cases[i].id; break;
        case OFPMP_QUEUE:
            req.queue.port_no = cases[i].id;
            req.queue.queue_id = cases[i].id2;
            break;
        case OFPMP_GROUP: req.group_id = cases[i].id; break;
        default: req.meter_id = cases[i].id; break;
        }
        ofp_encode_multipart_request(&req, 9, &b);
        TAP_INT_EQ(b.size, 24, "%s: 24 bytes", what);
        tap_ok(b.size == 24 && ofp_get_be32(b.data + 16) == cases[i].id
               && ofp_get_be32(b.data + 20) == cases[i].id2,
               "%s: id bytes", what);
        TAP_INT_EQ(decode_request(&b, &dec), 0, "%s: decodes", what);
        switch (dec.type) {
        case OFPMP_PORT_STATS: got = dec.port_no; break;
        case OFPMP_QUEUE: got = dec.queue.port_no; break;
        case OFPMP_GROUP: got = dec.group_id; break;
        default: got = dec.meter_id; break;
        }
        TAP_INT_EQ(got, cases[i].id, "%s: decoded id equal", what);
        check_request_reencode(&b, &dec, 9, what);
        check_request_text(&dec, cases[i].text, what);
        ofpbuf_uninit(&b);
    }
}

/* EXPERIMENTER requests and replies. */
static void
test_experimenter(void)
{
    static const uint8_t data[5] = { 1, 2, 3, 4, 5 };
    struct ofp_multipart_request req, dec;
    struct ofp_multipart_reply rep, drep;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    memset(&req, 0, sizeof req);
    req.type = OFPMP_EXPERIMENTER;
    req.experimenter.experimenter = OFP_NX_VENDOR_ID;
    req.experimenter.exp_type = 3;
    req.experimenter.data = data;
    req.experimenter.data_len = sizeof data;
    ofp_encode_multipart_request(&req, 1, &b);
    TAP_INT_EQ(b.size, 29, "experimenter request: 16 + 8 + 5 bytes");
    TAP_INT_EQ(decode_request(&b, &dec), 0, "experimenter request: decodes");
    tap_ok(dec.experimenter.experimenter == OFP_NX_VENDOR_ID
           && dec.experimenter.exp_type == 3
           && dec.experimenter.data_len == 5
           && !memcmp(dec.experimenter.data, data, 5),
           "experimenter request: fields equal");
    check_request_reencode(&b, &dec, 1, "experimenter request");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_EXPERIMENTER;
    rep.experimenter.experimenter = OFP_ONF_VENDOR_ID;
    rep.experimenter.exp_type = 7;
    ofp_encode_multipart_reply(&rep, 2, &b);
    TAP_INT_EQ(b.size, 24, "experimenter reply: 24 bytes");
    TAP_INT_EQ(decode_reply(&b, &drep), 0, "experimenter reply: decodes");
    tap_ok(drep.experimenter.experimenter == OFP_ONF_VENDOR_ID
           && drep.experimenter.exp_type == 7
           && drep.experimenter.data_len == 0,
           "experimenter reply: fields equal");
    check_reply_reencode(&b, &drep, 2, "experimenter reply");

    ofpbuf_clear(&b);
    b.size = 0;
    ofpbuf_put(&b, "\x04\x12\x00\x14\x00\x00\x00\x01\xff\xff\x00\x00"
               "\x00\x00\x00\x00\x00\x00\x23\x20", 20);
    TAP_INT_EQ(decode_request(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "experimenter request: truncated header is BAD_LEN");
    ofpbuf_uninit(&b);
}

/* ---- Replies. ------------------------------------------------------ */

/* DESC reply, including a 256-character string. */
static void
test_desc_reply(void)
{
    struct ofp_desc_stats desc;
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    memset(&desc, 0, sizeof desc);
    strcpy(desc.mfr_desc, "Nicira, Inc.");
    strcpy(desc.hw_desc, "Open vSwitch");
    strcpy(desc.sw_desc, "3.1.0");
    strcpy(desc.serial_num, "None");
    memset(desc.dp_desc, 'x', 256);     /* Full length, no NUL on wire. */
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_DESC;
    rep.desc = &desc;
    ofp_encode_multipart_reply(&rep, 5, &b);
    TAP_INT_EQ(b.size, 16 + 1056, "desc reply: 1072 bytes");
    check_header(&b, OFPT_MULTIPART_REPLY, OFPMP_DESC, 0, 5, "desc reply");
    tap_ok(b.size == 1072 && !memcmp(b.data + 16, "Nicira, Inc.", 12)
           && !memcmp(b.data + 16 + 768, "None", 5)
           && b.data[16 + 800] == 'x' && b.data[1071] == 'x',
           "desc reply: strings at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "desc reply: decodes");
    tap_ok(!strcmp(dec.desc->mfr_desc, desc.mfr_desc)
           && !strcmp(dec.desc->hw_desc, desc.hw_desc)
           && !strcmp(dec.desc->sw_desc, desc.sw_desc)
           && !strcmp(dec.desc->serial_num, desc.serial_num)
           && strlen(dec.desc->dp_desc) == 256,
           "desc reply: strings equal, 256-char one NUL-terminated");
    check_reply_reencode(&b, &dec, 5, "desc reply");

    b.size--;
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "desc reply: one byte short is BAD_LEN");
    ofpbuf_uninit(&b);
}

/* FLOW reply entries and their dump-flows text. */
static void
test_flow_reply(void)
{
    struct ofp_flow_stats fs[4];
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;
    bool equal = true;

    sample_flows(fs);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_FLOW;
    rep.flow.entries = fs;
    rep.flow.n = 4;
    ofp_encode_multipart_reply(&rep, 0x99, &b);
    check_header(&b, OFPT_MULTIPART_REPLY, OFPMP_FLOW, 0, 0x99,
                 "flow reply");
    /* First entry: length, table, duration, priority at fixed offsets. */
    tap_ok(b.size > 16 + 56 && ofp_get_be16(b.data + 16) % 8 == 0
           && b.data[18] == 0 && ofp_get_be32(b.data + 20) == 1
           && ofp_get_be32(b.data + 24) == 500000000
           && ofp_get_be16(b.data + 28) == 100
           && ofp_get_be64(b.data + 48) == 12
           && ofp_get_be64(b.data + 56) == 1234
           && ofp_get_be16(b.data + 64) == 1,
           "flow reply: first entry's fields at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "flow reply: decodes");
    TAP_INT_EQ(dec.flow.n, 4, "flow reply: 4 entries");
    for (size_t i = 0; i < 4 && dec.flow.n == 4; i++) {
        const struct ofp_flow_stats *a = &fs[i], *d = &dec.flow.entries[i];
        equal &= (a->table_id == d->table_id
                  && a->duration_sec == d->duration_sec
                  && a->duration_nsec == d->duration_nsec
                  && a->priority == d->priority
                  && a->idle_timeout == d->idle_timeout
                  && a->hard_timeout == d->hard_timeout
                  && a->flags == d->flags && a->cookie == d->cookie
                  && a->packet_count == d->packet_count
                  && a->byte_count == d->byte_count
                  && ofp_match_equal(&a->match, &d->match)
                  && a->instructions.present == d->instructions.present
                  && a->instructions.apply.n == d->instructions.apply.n
                  && a->instructions.goto_table
                     == d->instructions.goto_table
                  && a->instructions.metadata == d->instructions.metadata);
    }
    tap_ok(equal, "flow reply: decoded entries equal the originals");
    check_reply_reencode(&b, &dec, 0x99, "flow reply");

    {
        struct ofp_ds ds = OFP_DS_INITIALIZER;
        ofp_flow_stats_format(&dec.flow.entries[0], &ds);
        TAP_STR_EQ(ofp_ds_cstr(&ds),
                   "cookie=0x0, duration=1.500s, table=0, n_packets=12, "
                   "n_bytes=1234, priority=100,tcp,tp_dst=80 "
                   "actions=output:2", "flow entry text (dump-flows)");
        ofp_ds_clear(&ds);
        ofp_flow_stats_format(&dec.flow.entries[1], &ds);
        tap_ok(strstr(ofp_ds_cstr(&ds), "duration=3600.000001s") != NULL
               && strstr(ofp_ds_cstr(&ds), "idle_timeout=60, "
                         "send_flow_rem priority=200,") != NULL,
               "flow entry text: microsecond duration, timeout, flag");
        ofp_ds_destroy(&ds);
    }
    ofpbuf_uninit(&b);
}

/* AGGREGATE, GROUP_FEATURES and METER_FEATURES replies. */
static void
test_fixed_replies(void)
{
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    /* AGGREGATE. */
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_AGGREGATE;
    rep.aggregate.packet_count = 10;
    rep.aggregate.byte_count = 1000;
    rep.aggregate.flow_count = 3;
    ofp_encode_multipart_reply(&rep, 1, &b);
    tap_ok(b.size == 40 && ofp_get_be64(b.data + 16) == 10
           && ofp_get_be64(b.data + 24) == 1000
           && ofp_get_be32(b.data + 32) == 3,
           "aggregate reply: 40 bytes, counters at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "aggregate reply: decodes");
    tap_ok(!memcmp(&dec.aggregate, &rep.aggregate, sizeof rep.aggregate),
           "aggregate reply: fields equal");
    check_reply_reencode(&b, &dec, 1, "aggregate reply");
    check_reply_text(&dec, "packet_count=10 byte_count=1000 flow_count=3",
                     "aggregate reply");

    /* GROUP_FEATURES. */
    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP_FEATURES;
    rep.group_features.types = 0x5;
    rep.group_features.capabilities = 0x3;
    rep.group_features.max_groups[0] = 100;
    rep.group_features.max_groups[2] = 7;
    rep.group_features.actions[0] = 1;
    rep.group_features.actions[2] = (1u << 22) | (1u << 0);
    ofp_encode_multipart_reply(&rep, 2, &b);
    tap_ok(b.size == 56 && ofp_get_be32(b.data + 16) == 5
           && ofp_get_be32(b.data + 24) == 100
           && ofp_get_be32(b.data + 48) == 0x400001,
           "group features reply: 56 bytes, fields at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "group features reply: decodes");
    tap_ok(!memcmp(&dec.group_features, &rep.group_features,
                   sizeof rep.group_features),
           "group features reply: fields equal");
    check_reply_reencode(&b, &dec, 2, "group features reply");
    check_reply_text(&dec, "Group table: Types:  0x5 Capabilities:  0x3 "
                     "all group: max_groups=0x64 actions: output "
                     "indirect group: max_groups=0x7 actions: output group",
                     "group features reply");

    /* METER_FEATURES. */
    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER_FEATURES;
    rep.meter_features.max_meter = 100;
    rep.meter_features.band_types = 6;
    rep.meter_features.capabilities = 0x1f;
    rep.meter_features.max_bands = 2;
    rep.meter_features.max_color = 3;
    ofp_encode_multipart_reply(&rep, 3, &b);
    tap_ok(b.size == 32 && ofp_get_be32(b.data + 16) == 100
           && b.data[28] == 2 && b.data[29] == 3,
           "meter features reply: 32 bytes, fields at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "meter features reply: decodes");
    tap_ok(!memcmp(&dec.meter_features, &rep.meter_features,
                   sizeof rep.meter_features),
           "meter features reply: fields equal");
    check_reply_reencode(&b, &dec, 3, "meter features reply");
    check_reply_text(&dec, "max_meter:100 max_bands:2 max_color:3 "
                     "band_types: drop dscp_remark "
                     "capabilities: kbps pktps burst stats 0x10",
                     "meter features reply");
    ofpbuf_uninit(&b);
}

/* TABLE, PORT_STATS and QUEUE replies. */
static void
test_array_replies(void)
{
    static const struct ofp_table_stats ts[2] = {
        { .table_id = 0, .active_count = 5, .lookup_count = 100,
          .matched_count = 50 },
        { .table_id = 1 },
    };
    /* Static, so that the padding is zero for memcmp(). */
    static const struct ofp_port_stats ps = {
        .port_no = 1, .rx_packets = 1, .tx_packets = 2, .rx_bytes = 3,
        .tx_bytes = 4, .rx_dropped = 5, .tx_dropped = 6, .rx_errors = 7,
        .tx_errors = 8, .rx_frame_err = 9, .rx_over_err = 10,
        .rx_crc_err = 11, .collisions = 12, .duration_sec = 13,
        .duration_nsec = 14,
    };
    static const struct ofp_queue_stats qs = {
        .port_no = 1, .queue_id = 2, .tx_bytes = 3, .tx_packets = 4,
        .tx_errors = 5, .duration_sec = 6, .duration_nsec = 7,
    };
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_TABLE;
    rep.table.entries = ts;
    rep.table.n = 2;
    ofp_encode_multipart_reply(&rep, 1, &b);
    tap_ok(b.size == 16 + 48 && b.data[40] == 1
           && ofp_get_be32(b.data + 20) == 5,
           "table reply: 2 x 24 bytes at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "table reply: decodes");
    tap_ok(dec.table.n == 2
           && !memcmp(dec.table.entries, ts, sizeof ts),
           "table reply: entries equal");
    check_reply_reencode(&b, &dec, 1, "table reply");
    check_reply_text(&dec, "table 0: active=5, lookup=100, matched=50 "
                     "table 1: active=0, lookup=0, matched=0",
                     "table reply");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_PORT_STATS;
    rep.port_stats.entries = &ps;
    rep.port_stats.n = 1;
    ofp_encode_multipart_reply(&rep, 2, &b);
    tap_ok(b.size == 16 + 112 && ofp_get_be32(b.data + 16) == 1
           && ofp_get_be64(b.data + 24) == 1
           && ofp_get_be64(b.data + 112) == 12
           && ofp_get_be32(b.data + 120) == 13,
           "port stats reply: 112-byte entry at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "port stats reply: decodes");
    tap_ok(dec.port_stats.n == 1
           && !memcmp(dec.port_stats.entries, &ps, sizeof ps),
           "port stats reply: entry equal");
    check_reply_reencode(&b, &dec, 2, "port stats reply");
    check_reply_text(&dec, "1 ports port  1: rx pkts=1, bytes=3, drop=5, "
                     "errs=7, frame=9, over=10, crc=11 tx pkts=2, bytes=4, "
                     "drop=6, errs=8, coll=12 duration=13.000000014s",
                     "port stats reply");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_QUEUE;
    rep.queue.entries = &qs;
    rep.queue.n = 1;
    ofp_encode_multipart_reply(&rep, 3, &b);
    tap_ok(b.size == 16 + 40 && ofp_get_be32(b.data + 20) == 2
           && ofp_get_be32(b.data + 52) == 7,
           "queue reply: 40-byte entry at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "queue reply: decodes");
    tap_ok(dec.queue.n == 1 && !memcmp(dec.queue.entries, &qs, sizeof qs),
           "queue reply: entry equal");
    check_reply_reencode(&b, &dec, 3, "queue reply");
    check_reply_text(&dec, "1 queues port 1 queue 2: bytes=3, pkts=4, "
                     "errors=5, duration=6.000000007s", "queue reply");
    ofpbuf_uninit(&b);
}

/* GROUP, GROUP_DESC, METER and METER_CONFIG replies. */
static void
test_group_meter_replies(void)
{
    static const struct ofp_bucket_counter bc[2] = { { 7, 8 }, { 9, 10 } };
    static const struct ofp_meter_band_stats mbs[1] = { { 11, 12 } };
    static const struct ofp_meter_band bands[2] = {
        { .type = OFPMBT_DROP, .rate = 1000, .burst_size = 10 },
        { .type = OFPMBT_DSCP_REMARK, .rate = 500, .burst_size = 5,
          .prec_level = 2 },
    };
    struct ofp_group_stats gs = {
        .group_id = 1, .ref_count = 2, .packet_count = 3, .byte_count = 4,
        .duration_sec = 5, .duration_nsec = 6, .buckets = bc, .n_buckets = 2,
    };
    struct ofp_meter_stats ms = {
        .meter_id = 1, .flow_count = 2, .packet_in_count = 3,
        .byte_in_count = 4, .duration_sec = 5, .duration_nsec = 6,
        .bands = mbs, .n_bands = 1,
    };
    struct ofp_meter_config mc = {
        .flags = OFPMF_KBPS | OFPMF_BURST, .meter_id = 9, .bands = bands,
        .n_bands = 2,
    };
    struct ofp_bucket bucket = {
        .weight = 0, .watch_port = OFPP_ANY, .watch_group = OFPG_ANY,
        .actions = { &act_out1, 1 },
    };
    struct ofp_group_desc gd = {
        .type = OFPGT_ALL, .group_id = 3, .buckets = &bucket, .n_buckets = 1,
    };
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP;
    rep.group.entries = &gs;
    rep.group.n = 1;
    ofp_encode_multipart_reply(&rep, 1, &b);
    tap_ok(b.size == 16 + 72 && ofp_get_be16(b.data + 16) == 72
           && ofp_get_be32(b.data + 20) == 1
           && ofp_get_be64(b.data + 56) == 7,
           "group stats reply: length 40 + 2 x 16, fields at offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "group stats reply: decodes");
    tap_ok(dec.group.n == 1 && dec.group.entries[0].group_id == 1
           && dec.group.entries[0].ref_count == 2
           && dec.group.entries[0].n_buckets == 2
           && dec.group.entries[0].buckets[1].byte_count == 10,
           "group stats reply: fields equal");
    check_reply_reencode(&b, &dec, 1, "group stats reply");
    check_reply_text(&dec, "group_id=1,duration=5.000000006s,ref_count=2,"
                     "packet_count=3,byte_count=4,bucket0:packet_count=7,"
                     "byte_count=8,bucket1:packet_count=9,byte_count=10",
                     "group stats reply");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP_DESC;
    rep.group_desc.entries = &gd;
    rep.group_desc.n = 1;
    ofp_encode_multipart_reply(&rep, 2, &b);
    tap_ok(b.size == 16 + 8 + 32 && ofp_get_be16(b.data + 16) == 40
           && b.data[18] == OFPGT_ALL && ofp_get_be32(b.data + 20) == 3,
           "group desc reply: entry header and length");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "group desc reply: decodes");
    tap_ok(dec.group_desc.n == 1 && dec.group_desc.entries[0].group_id == 3
           && dec.group_desc.entries[0].n_buckets == 1
           && dec.group_desc.entries[0].buckets[0].actions.n == 1,
           "group desc reply: fields equal");
    check_reply_reencode(&b, &dec, 2, "group desc reply");
    check_reply_text(&dec, "group_id=3,type=all,bucket=actions=output:1",
                     "group desc reply");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER;
    rep.meter.entries = &ms;
    rep.meter.n = 1;
    ofp_encode_multipart_reply(&rep, 3, &b);
    tap_ok(b.size == 16 + 56 && ofp_get_be16(b.data + 20) == 56
           && ofp_get_be64(b.data + 56) == 11,
           "meter stats reply: len at offset 4, band stats");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "meter stats reply: decodes");
    tap_ok(dec.meter.n == 1 && dec.meter.entries[0].meter_id == 1
           && dec.meter.entries[0].n_bands == 1
           && dec.meter.entries[0].bands[0].byte_band_count == 12,
           "meter stats reply: fields equal");
    check_reply_reencode(&b, &dec, 3, "meter stats reply");
    check_reply_text(&dec, "meter:1 flow_count:2 packet_in_count:3 "
                     "byte_in_count:4 duration:5.000000006s bands: 0: "
                     "packet_count:11 byte_count:12", "meter stats reply");

    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER_CONFIG;
    rep.meter_config.entries = &mc;
    rep.meter_config.n = 1;
    ofp_encode_multipart_reply(&rep, 4, &b);
    tap_ok(b.size == 16 + 8 + 32 && ofp_get_be16(b.data + 16) == 40
           && ofp_get_be32(b.data + 20) == 9,
           "meter config reply: entry length and id");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "meter config reply: decodes");
    tap_ok(dec.meter_config.n == 1
           && dec.meter_config.entries[0].n_bands == 2
           && dec.meter_config.entries[0].bands[1].prec_level == 2,
           "meter config reply: fields equal");
    check_reply_reencode(&b, &dec, 4, "meter config reply");
    check_reply_text(&dec, "meter=9 kbps burst bands= type=drop rate=1000 "
                     "burst_size=10 type=dscp_remark rate=500 burst_size=5 "
                     "prec_level=2", "meter config reply");
    ofpbuf_uninit(&b);
}

/* PORT_DESC replies and port names. */
static void
test_port_desc_reply(void)
{
    struct ofp_port ports[3];
    struct ofp_multipart_reply rep, dec;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    sample_ports(ports);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_PORT_DESC;
    rep.port_desc.entries = ports;
    rep.port_desc.n = 3;
    ofp_encode_multipart_reply(&rep, 1, &b);
    tap_ok(b.size == 16 + 3 * 64 && ofp_get_be32(b.data + 16) == 2
           && !memcmp(b.data + 32, "tap100i0", 9)
           && ofp_get_be32(b.data + 72) == 10000000,
           "port desc reply: 3 x 64 bytes, fields at known offsets");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "port desc reply: decodes");
    tap_ok(dec.port_desc.n == 3
           && !memcmp(dec.port_desc.entries, ports, sizeof ports),
           "port desc reply: ports equal");
    check_reply_reencode(&b, &dec, 1, "port desc reply");
    check_reply_text(&dec,
        "1(enp3s0): addr:52:54:00:00:00:01 config:     0 state:      LIVE "
        "current:    1GB-FD COPPER AUTO_NEG advertised: 10MB-HD 10MB-FD "
        "100MB-HD 100MB-FD 1GB-FD COPPER AUTO_NEG supported:  10MB-HD "
        "10MB-FD 100MB-HD 100MB-FD 1GB-HD 1GB-FD 10GB-FD 40GB-FD 100GB-FD "
        "1TB-FD COPPER AUTO_NEG peer:       100MB-FD 1GB-FD speed: 1000 Mbps "
        "now, 1000 Mbps max "
        "2(tap100i0): addr:52:54:00:00:00:02 config:     0 state:      0 "
        "current:    10GB-FD COPPER speed: 10000 Mbps now, 0 Mbps max "
        "LOCAL(vmbr0): addr:52:54:00:00:00:fe config:     PORT_DOWN "
        "state:      LINK_DOWN speed: 0 Mbps now, 0 Mbps max",
        "port desc reply (sorted by port number)");

    /* A 16-byte name without NUL is kept, and NUL-terminated. */
    memset(b.data + 16 + 16, 'A', 16);
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "port desc: 16-char name decodes");
    TAP_INT_EQ(strlen(dec.port_desc.entries[0].name), 16,
               "port desc: 16-char name NUL-terminated");
    check_reply_reencode(&b, &dec, 1, "port desc (16-char name)");

    b.size -= 1;
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "port desc: partial port is BAD_LEN");
    ofpbuf_uninit(&b);
}

/* TABLE_FEATURES entries and property checks. */
static void
test_table_features(void)
{
    struct ofpbuf props = OFPBUF_INITIALIZER;
    struct ofp_table_features tf[2];
    struct ofp_multipart_reply rep, dec;
    struct ofp_multipart_request req, dreq;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    tf_build_props(&props, 1, 253, true);
    sample_table_features(&tf[0], 0, "classifier", &props);
    sample_table_features(&tf[1], 1, "", &props);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_TABLE_FEATURES;
    rep.table_features.entries = tf;
    rep.table_features.n = 2;
    ofp_encode_multipart_reply(&rep, 1, &b);
    tap_ok(b.size == 16 + 2 * (64 + props.size)
           && ofp_get_be16(b.data + 16) == 64 + props.size
           && !memcmp(b.data + 24, "classifier", 11)
           && ofp_get_be32(b.data + 76) == 1000000
           && !memcmp(b.data + 80, props.data, props.size),
           "table features reply: fixed part at offsets, raw properties");
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "table features reply: decodes");
    tap_ok(dec.table_features.n == 2
           && dec.table_features.entries[0].table_id == 0
           && !strcmp(dec.table_features.entries[0].name, "classifier")
           && dec.table_features.entries[1].metadata_write == UINT64_MAX
           && dec.table_features.entries[1].properties_len == props.size
           && dec.table_features.entries[1].properties == b.data + 16 + 64
                                                          + props.size + 64,
           "table features reply: fields equal, properties borrowed");
    check_reply_reencode(&b, &dec, 1, "table features reply");

    memset(&req, 0, sizeof req);
    req.type = OFPMP_TABLE_FEATURES;
    req.table_features.tables = tf;
    req.table_features.n = 1;
    ofpbuf_clear(&b);
    ofp_encode_multipart_request(&req, 2, &b);
    TAP_INT_EQ(decode_request(&b, &dreq), 0,
               "table features request with a table: decodes");
    TAP_INT_EQ(dreq.table_features.n, 1, "table features request: 1 table");
    check_request_reencode(&b, &dreq, 2, "table features request");

    /* A property that overruns its entry. */
    ofpbuf_set_be16(&b, 16 + 64 + 2, (uint16_t) (props.size + 8));
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
               "table features: property overrunning the entry is BAD_LEN");
    /* A property length below 4. */
    ofpbuf_set_be16(&b, 16 + 64 + 2, 3);
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
               "table features: property length 3 is BAD_LEN");
    /* An instruction ID that overruns its property. */
    ofpbuf_set_be16(&b, 16 + 64 + 2, ofp_get_be16(props.data + 2));
    ofpbuf_set_be16(&b, 16 + 64 + 4 + 2, 200);
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
               "table features: instruction ID overrunning is BAD_LEN");
    /* Entry length not a multiple of 8. */
    ofpbuf_set_be16(&b, 16 + 64 + 4 + 2, 4);
    ofpbuf_set_be16(&b, 16, (uint16_t) (ofp_get_be16(b.data + 16) - 4));
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
               "table features: entry length not a multiple of 8 is BAD_LEN");
    ofpbuf_uninit(&b);
    ofpbuf_uninit(&props);
}

/* ---- Splitting and joining. ---------------------------------------- */

/* A 2000-flow reply split into parts and joined again. */
static void
test_split(void)
{
    enum { N = 2000 };
    static struct ofp_flow_stats fs[N];
    static const struct ofp_action out = {
        .kind = OFP_ACT_OUTPUT, .output = { .port = 2 } };
    struct ofp_multipart_reply rep, acc, part;
    struct ofpbuf b = OFPBUF_INITIALIZER;
    size_t ofs = 0, n_msgs = 0, bad_len = 0, bad_more = 0;
    bool in_order = true, decoded = true;

    for (int i = 0; i < N; i++) {
        memset(&fs[i], 0, sizeof fs[i]);
        fs[i].table_id = 1;
        fs[i].priority = (uint16_t) i;
        fs[i].cookie = (uint64_t) i;
        sample_match_tcp80(&fs[i].match);
        fs[i].instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
        fs[i].instructions.apply.actions = &out;
        fs[i].instructions.apply.n = 1;
    }
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_FLOW;
    rep.flow.entries = fs;
    rep.flow.n = N;
    ofp_encode_multipart_reply(&rep, 0x77, &b);
    tap_ok(b.size > 65535, "split: 2000 flows need more than 64 KiB (%zu)",
           b.size);

    enum { MAX_PARTS = 64 };
    static struct ofp_multipart_reply parts[MAX_PARTS];
    const struct ofp_multipart_reply *part_ptrs[MAX_PARTS];
    memset(&acc, 0, sizeof acc);
    while (ofs + 16 <= b.size) {
        size_t len = ofp_get_be16(b.data + ofs + 2);
        bool last;

        if (len < 16 || ofs + len > b.size) {
            bad_len++;
            break;
        }
        last = ofs + len == b.size;
        if (len > 65535 || ofp_get_be32(b.data + ofs + 4) != 0x77) {
            bad_len++;
        }
        if (((ofp_get_be16(b.data + ofs + 10) & OFPMPF_REPLY_MORE) != 0)
            == last) {
            bad_more++;
        }
        if (ofp_decode_multipart_reply(b.data + ofs, len, &arena, &part)) {
            decoded = false;
            break;
        }
        if (n_msgs < MAX_PARTS) {
            parts[n_msgs] = part;
            part_ptrs[n_msgs] = &parts[n_msgs];
        }
        if (!n_msgs) {
            acc = part;
        } else if (ofp_multipart_reply_append(&acc, &part, &arena)) {
            decoded = false;
        }
        n_msgs++;
        ofs += len;
    }
    tap_ok(n_msgs >= 2, "split: several messages (%zu)", n_msgs);
    TAP_INT_EQ(ofs, b.size, "split: messages tile the buffer exactly");
    TAP_INT_EQ(bad_len, 0, "split: every message <= 65535 bytes, same xid");
    TAP_INT_EQ(bad_more, 0, "split: REPLY_MORE on all but the last");
    tap_ok(decoded, "split: every part decodes and appends");
    TAP_INT_EQ(acc.flow.n, N, "split: joined reply has all 2000 entries");
    for (size_t i = 0; i < acc.flow.n && i < N; i++) {
        if (acc.flow.entries[i].cookie != i
            || acc.flow.entries[i].priority != i) {
            in_order = false;
        }
    }
    tap_ok(in_order, "split: entries come back in order");
    TAP_INT_EQ(acc.flags & OFPMPF_REPLY_MORE, 0,
               "split: joined reply has REPLY_MORE clear");

    /* Joining all parts at once gives the same entries. */
    struct ofp_multipart_reply joined;
    size_t n_parts = n_msgs < MAX_PARTS ? n_msgs : MAX_PARTS;
    TAP_INT_EQ(ofp_multipart_reply_join(part_ptrs, n_parts, &arena, &joined),
               0, "join: the parts join");
    TAP_INT_EQ(joined.flow.n, N, "join: all 2000 entries");
    bool same = joined.flow.n == acc.flow.n;
    for (size_t i = 0; same && i < joined.flow.n; i++) {
        same = joined.flow.entries[i].cookie == i
               && joined.flow.entries[i].priority == i;
    }
    tap_ok(same, "join: entries in order, as append gives them");
    TAP_INT_EQ(joined.flags & OFPMPF_REPLY_MORE, 0,
               "join: the last part's flags (REPLY_MORE clear)");

    /* Appending a different type is refused. */
    part.type = OFPMP_PORT_DESC;
    TAP_INT_EQ(ofp_multipart_reply_append(&acc, &part, &arena),
               OFPERR_OFPBRC_BAD_MULTIPART,
               "append: different type is BAD_MULTIPART");
    ofpbuf_uninit(&b);
}

/* ---- Malformed input. ---------------------------------------------- */

/* Malformed lengths, types and bodies. */
static void
test_malformed(void)
{
    struct ofp_flow_stats fs[4];
    struct ofp_multipart_reply rep, dec;
    struct ofp_multipart_request dreq;
    struct ofpbuf b = OFPBUF_INITIALIZER;
    uint16_t first_len;

    sample_flows(fs);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_FLOW;
    rep.flow.entries = fs;
    rep.flow.n = 2;
    ofp_encode_multipart_reply(&rep, 1, &b);
    first_len = ofp_get_be16(b.data + 16);

    ofpbuf_set_be16(&b, 16, 40);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "flow entry length below its fixed part is BAD_LEN");
    ofpbuf_set_be16(&b, 16, 0);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "flow entry length 0 is BAD_LEN");
    ofpbuf_set_be16(&b, 16, (uint16_t) (b.size - 16 + 8));
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "flow entry overrunning the message is BAD_LEN");
    ofpbuf_set_be16(&b, 16, (uint16_t) (first_len + 8));
    tap_ok(decode_reply(&b, &dec) != 0,
           "flow entry too long (eats the next entry) is an error");
    ofpbuf_set_be16(&b, 16, first_len);
    TAP_INT_EQ(decode_reply(&b, &dec), 0, "restored flow reply decodes");

    /* Truncated body: cut the last entry short. */
    b.size -= 4;
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "truncated last flow entry is BAD_LEN");
    /* Length field disagreeing with the buffer. */
    ofpbuf_set_be16(&b, 2, (uint16_t) (b.size + 8));
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "header length beyond the buffer is BAD_LEN");
    TAP_INT_EQ(ofp_decode_multipart_reply(b.data, 12, &arena, &dec),
               OFPERR_OFPBRC_BAD_LEN, "12-byte multipart is BAD_LEN");

    /* Unknown multipart type. */
    ofpbuf_clear(&b);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_AGGREGATE;
    ofp_encode_multipart_reply(&rep, 1, &b);
    ofpbuf_set_be16(&b, 8, 14);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_MULTIPART,
               "unknown reply type 14 is BAD_MULTIPART");
    b.data[1] = OFPT_MULTIPART_REQUEST;
    ofpbuf_set_be16(&b, 8, 0x4000);
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_MULTIPART,
               "unknown request type is BAD_MULTIPART");
    b.data[1] = OFPT_ECHO_REQUEST;
    TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_TYPE,
               "non-multipart message is BAD_TYPE");

    /* Fixed-size bodies of the wrong size. */
    ofpbuf_clear(&b);
    rep.type = OFPMP_AGGREGATE;
    ofp_encode_multipart_reply(&rep, 1, &b);
    ofpbuf_put_zeros(&b, 8);
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
               "aggregate reply with trailing bytes is BAD_LEN");

    ofpbuf_clear(&b);
    {
        struct ofp_multipart_request req = { .type = OFPMP_PORT_STATS };
        ofp_encode_multipart_request(&req, 1, &b);
        b.size -= 4;
        ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
        TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
                   "truncated port stats request is BAD_LEN");
        ofpbuf_clear(&b);
        req.type = OFPMP_DESC;
        ofp_encode_multipart_request(&req, 1, &b);
        ofpbuf_put_zeros(&b, 8);
        ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
        TAP_INT_EQ(decode_request(&b, &dreq), OFPERR_OFPBRC_BAD_LEN,
                   "desc request with a body is BAD_LEN");
    }

    /* Group stats: bucket counters not a multiple of 16. */
    ofpbuf_clear(&b);
    {
        struct ofp_group_stats gs = { .group_id = 1 };
        memset(&rep, 0, sizeof rep);
        rep.type = OFPMP_GROUP;
        rep.group.entries = &gs;
        rep.group.n = 1;
        ofp_encode_multipart_reply(&rep, 1, &b);
        ofpbuf_put_zeros(&b, 8);
        ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
        ofpbuf_set_be16(&b, 16, 48);
        TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
                   "group stats with a partial bucket counter is BAD_LEN");
        ofpbuf_set_be16(&b, 16, 32);
        TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
                   "group stats entry below 40 bytes is BAD_LEN");
    }

    /* Meter stats: length lives at offset 4. */
    ofpbuf_clear(&b);
    {
        struct ofp_meter_stats ms = { .meter_id = 1 };
        memset(&rep, 0, sizeof rep);
        rep.type = OFPMP_METER;
        rep.meter.entries = &ms;
        rep.meter.n = 1;
        ofp_encode_multipart_reply(&rep, 1, &b);
        ofpbuf_set_be16(&b, 20, 56);
        TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
                   "meter stats entry overrunning the message is BAD_LEN");
        ofpbuf_set_be16(&b, 20, 8);
        TAP_INT_EQ(decode_reply(&b, &dec), OFPERR_OFPBRC_BAD_LEN,
                   "meter stats entry below 40 bytes is BAD_LEN");
    }

    /* Every truncation of every conformance message fails cleanly
     * (run under the sanitizers, this also proves no out-of-bounds
     * reads). */
    ofpbuf_uninit(&b);
}

/* ---- All conformance cases round-trip. ----------------------------- */

static size_t n_cases, n_case_msgs, n_case_failures, n_trunc_failures;

/* Decodes, re-encodes and formats every message of a conformance case,
 * and checks every truncation is refused. */
static void
roundtrip_case(const char *name, const struct ofpbuf *msgs)
{
    size_t ofs = 0;

    n_cases++;
    while (ofs + 16 <= msgs->size) {
        const uint8_t *m = msgs->data + ofs;
        size_t len = ofp_get_be16(m + 2);
        struct ofpbuf again = OFPBUF_INITIALIZER;
        struct ofp_ds ds = OFP_DS_INITIALIZER;
        enum ofperr error;

        if (m[1] == OFPT_MULTIPART_REQUEST) {
            struct ofp_multipart_request req;
            error = ofp_decode_multipart_request(m, len, &arena, &req);
            if (!error) {
                ofp_encode_multipart_request(&req, ofp_get_be32(m + 4),
                                             &again);
                ofp_format_multipart_request(&req, &ds);
            }
        } else {
            struct ofp_multipart_reply rep;
            error = ofp_decode_multipart_reply(m, len, &arena, &rep);
            if (!error) {
                ofp_encode_multipart_reply(&rep, ofp_get_be32(m + 4),
                                           &again);
                ofp_format_multipart_reply(&rep, &ds);
            }
        }
        if (error || again.size != len || memcmp(again.data, m, len)
            || (ds.string && strchr(ds.string, '\n'))) {
            n_case_failures++;
            tap_diag("case %s fails to round-trip (%s)", name,
                     error ? ofperr_name(error) : "bytes differ");
        }

        /* Every shorter body (with a consistent header length) must be
         * refused or decode without touching bytes beyond it. */
        for (size_t cut = 16; cut < len && len < 4096; cut++) {
            uint8_t *copy = malloc(cut);
            struct ofp_multipart_reply rep;
            struct ofp_multipart_request req;

            memcpy(copy, m, cut);
            ofp_put_be16(copy + 2, (uint16_t) cut);
            if (m[1] == OFPT_MULTIPART_REQUEST) {
                (void) ofp_decode_multipart_request(copy, cut, &arena, &req);
            } else if (!ofp_decode_multipart_reply(copy, cut, &arena, &rep)
                       && ofp_get_be16(m + 8) != OFPMP_EXPERIMENTER) {
                /* A cut at an entry boundary is a valid shorter reply;
                 * anything else must fail. */
                struct ofpbuf re = OFPBUF_INITIALIZER;
                ofp_encode_multipart_reply(&rep, ofp_get_be32(m + 4), &re);
                if (re.size != cut) {
                    n_trunc_failures++;
                }
                ofpbuf_uninit(&re);
            }
            free(copy);
        }
        ofpbuf_uninit(&again);
        ofp_ds_destroy(&ds);
        ofp_arena_reset(&arena);
        n_case_msgs++;
        ofs += len;
    }
}

/* Round-trips every conformance case. */
static void
test_conformance_cases(void)
{
    conf_multipart_cases(roundtrip_case);
    tap_ok(n_cases >= 40, "conformance cases: at least 40 (%zu)", n_cases);
    TAP_INT_EQ(n_case_failures, 0,
               "conformance cases: all %zu messages decode, re-encode "
               "byte-identically and format on one line", n_case_msgs);
    TAP_INT_EQ(n_trunc_failures, 0,
               "conformance cases: every truncation is refused or is a "
               "whole shorter reply");
}

/* Runs every test. */
int
main(void)
{
    ofp_arena_init(&arena);

    test_empty_requests();
    test_flow_request();
    test_id_requests();
    test_experimenter();
    test_desc_reply();
    test_flow_reply();
    test_fixed_replies();
    test_array_replies();
    test_group_meter_replies();
    test_port_desc_reply();
    test_table_features();
    test_split();
    test_malformed();
    test_conformance_cases();

    ofp_arena_destroy(&arena);
    return tap_done();
}
