/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for the OpenFlow 1.3 message codecs (ofp/ofp-msgs.h): known
 * bytes (checked against Open vSwitch's own encoder), decode/encode round
 * trips, formatter text (as `ovs-ofctl ofp-print` prints it, on one line),
 * header and length errors, HELLO negotiation, ERROR reply truncation,
 * bundles, and that hot-path decoders borrow instead of allocating. */

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ofp/ofp-msgs.h"
#include "tests/tap.h"

/* Parses hex (spaces allowed) into 'b' (cleared first). */
static void
from_hex(struct ofpbuf *b, const char *hex)
{
    ofpbuf_clear(b);
    while (*hex) {
        if (*hex == ' ') {
            hex++;
            continue;
        }
        unsigned int byte;
        if (sscanf(hex, "%2x", &byte) != 1) {
            abort();
        }
        ofpbuf_put_u8(b, (uint8_t) byte);
        hex += 2;
    }
}

/* Returns true if 'b' holds exactly the bytes spelled by 'hex'. */
static bool
bytes_are(const struct ofpbuf *b, const char *hex)
{
    struct ofpbuf want = OFPBUF_INITIALIZER;
    from_hex(&want, hex);
    bool same = want.size == b->size && !memcmp(want.data, b->data, b->size);
    if (!same) {
        struct ofp_ds s = OFP_DS_INITIALIZER;
        ofp_ds_put_hex(&s, b->data, b->size);
        tap_diag("   got: %s", ofp_ds_cstr(&s));
        tap_diag("  want: %s", hex);
        ofp_ds_destroy(&s);
    }
    ofpbuf_uninit(&want);
    return same;
}

/* Decodes 'b' generically, checks that re-encoding gives the same bytes
 * and that the text is 'text' (if nonnull).  Returns the decode error. */
static enum ofperr
check_msg(const char *name, const struct ofpbuf *b, const char *text)
{
    struct ofp_arena arena;
    struct ofp_msg m;
    ofp_arena_init(&arena);
    enum ofperr error = ofp_decode(b->data, b->size, &arena, &m);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "ok", "%s: decodes", name);
    if (!error) {
        struct ofpbuf again = OFPBUF_INITIALIZER;
        ofp_encode(&m, &again);
        tap_ok(again.size == b->size
               && !memcmp(again.data, b->data, b->size),
               "%s: encode(decode(x)) == x", name);
        ofpbuf_uninit(&again);
        if (text) {
            struct ofp_ds s = OFP_DS_INITIALIZER;
            ofp_format(&m, &s);
            TAP_STR_EQ(ofp_ds_cstr(&s), text, "%s: text", name);
            ofp_ds_destroy(&s);
        }
    }
    ofp_arena_destroy(&arena);
    return error;
}

/* Checks the generic decoder's header errors on the valid message 'b':
 * one byte short, one byte long (with the header length adjusted either
 * way) when 'fixed', and a wrong version.  Every truncation of 'b' to
 * fewer than 'needed' bytes (the parts that cannot be cut short without
 * breaking a length field) must be rejected. */
static void
check_header_errors(const char *name, const struct ofpbuf *b, bool fixed,
                    size_t needed)
{
    struct ofp_arena arena;
    struct ofp_msg m;
    struct ofpbuf t = OFPBUF_INITIALIZER;
    ofp_arena_init(&arena);

    /* Buffer shorter than the header says. */
    ofpbuf_put(&t, b->data, b->size - 1);
    TAP_INT_EQ(ofp_decode(t.data, t.size, &arena, &m), OFPERR_OFPBRC_BAD_LEN,
               "%s: truncated buffer -> OFPBRC_BAD_LEN", name);

    if (fixed) {
        /* Body one byte short / long, header length consistent. */
        ofpbuf_set_be16(&t, 2, (uint16_t) t.size);
        TAP_INT_EQ(ofp_decode(t.data, t.size, &arena, &m),
                   OFPERR_OFPBRC_BAD_LEN, "%s: too short -> BAD_LEN", name);
        ofpbuf_clear(&t);
        ofpbuf_put(&t, b->data, b->size);
        ofpbuf_put_u8(&t, 0);
        ofpbuf_set_be16(&t, 2, (uint16_t) t.size);
        TAP_INT_EQ(ofp_decode(t.data, t.size, &arena, &m),
                   OFPERR_OFPBRC_BAD_LEN, "%s: too long -> BAD_LEN", name);
    }

    ofpbuf_clear(&t);
    ofpbuf_put(&t, b->data, b->size);
    t.data[0] = 0x05;
    TAP_INT_EQ(ofp_decode(t.data, t.size, &arena, &m),
               OFPERR_OFPBRC_BAD_VERSION, "%s: version 5 -> BAD_VERSION",
               name);

    /* Every truncation is an error, never a crash. */
    bool all_fail = true;
    for (size_t n = 0; n < b->size; n++) {
        ofpbuf_clear(&t);
        ofpbuf_put(&t, b->data, n);
        if (n >= 4) {
            ofpbuf_set_be16(&t, 2, (uint16_t) n);
        }
        if (n < needed && !ofp_decode(t.data, n, &arena, &m)) {
            tap_diag("%s: truncation to %zu bytes accepted", name, n);
            all_fail = false;
        }
        ofp_arena_reset(&arena);
    }
    tap_ok(all_fail, "%s: every truncation is rejected", name);

    ofpbuf_uninit(&t);
    ofp_arena_destroy(&arena);
}

static void
test_hello(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_hello h = { 1u << OFP13_VERSION };
    ofp_encode_hello(&h, 1, &b);
    tap_ok(bytes_are(&b, "04000010000000010001000800000010"),
           "hello: bytes with version bitmap element");
    check_msg("hello", &b, "OFPT_HELLO (xid=0x1): version bitmap: 0x04");

    struct ofp_hello d;
    from_hex(&b, "0100000800000007");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), 0,
               "hello: OF1.0 hello without elements decodes");
    TAP_INT_EQ(d.version_bitmap, 0x02, "hello: no element -> header version");

    from_hex(&b, "0600002000000007 00070006 aabb0000 00010008 00000072"
             " 00010008 00000004");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), 0,
               "hello: unknown element skipped");
    TAP_INT_EQ(d.version_bitmap, 0x72, "hello: first bitmap wins");

    from_hex(&b, "0400000c00000007 00010008");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), OFPERR_OFPBRC_BAD_LEN,
               "hello: element longer than message -> BAD_LEN");
    from_hex(&b, "0400001000000007 0001000400000000");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), OFPERR_OFPBRC_BAD_LEN,
               "hello: empty bitmap -> BAD_LEN");
    from_hex(&b, "0400001000000007 0001000200000000");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), OFPERR_OFPBRC_BAD_LEN,
               "hello: element length < 4 -> BAD_LEN");
    from_hex(&b, "0400000900000007 00");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), OFPERR_OFPBRC_BAD_LEN,
               "hello: stray byte -> BAD_LEN");

    /* Negotiation: the highest common version. */
    h.version_bitmap = 0x1e;
    ofpbuf_clear(&b);
    ofp_encode_hello(&h, 2, &b);
    TAP_INT_EQ(b.data[0], 0x04, "hello: header carries the highest version");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), 0, "hello: 0x1e");
    uint32_t common = d.version_bitmap & (1u << OFP13_VERSION);
    tap_ok(common != 0, "hello: negotiation finds OpenFlow 1.3");
    from_hex(&b, "0600001000000007 0001000800000040");
    TAP_INT_EQ(ofp_decode_hello(b.data, b.size, &d), 0, "hello: OF1.5 only");
    tap_ok(!(d.version_bitmap & (1u << OFP13_VERSION)),
           "hello: OF1.5-only peer shares no version with us");
    ofpbuf_uninit(&b);
}

static void
test_error(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    uint8_t req[100];
    for (size_t i = 0; i < sizeof req; i++) {
        req[i] = (uint8_t) i;
    }
    ofp_encode_error_reply(OFPERR_OFPBRC_BAD_LEN, req, sizeof req, 9, &b);
    TAP_INT_EQ(b.size, 8 + 4 + 64, "error reply: data truncated to 64");
    tap_ok(!memcmp(b.data + 12, req, 64), "error reply: echoes request");
    tap_ok(!memcmp(b.data, "\x04\x01\x00\x4c\x00\x00\x00\x09\x00\x01\x00\x06",
                   12), "error reply: header, type 1, code 6");

    struct ofp_error_msg em;
    TAP_INT_EQ(ofp_decode_error(b.data, b.size, &em), 0, "error: decodes");
    TAP_INT_EQ(em.type, OFPET_BAD_REQUEST, "error: type");
    TAP_INT_EQ(em.code, 6, "error: code");
    tap_ok(em.data == b.data + 12 && em.data_len == 64,
           "error: data borrowed from the message");

    ofpbuf_clear(&b);
    ofp_encode_error_reply(OFPERR_OFPFMFC_OVERLAP, req, 20, 9, &b);
    TAP_INT_EQ(b.size, 8 + 4 + 20, "error reply: short request kept whole");

    ofpbuf_clear(&b);
    struct ofpbuf inner = OFPBUF_INITIALIZER;
    ofp_encode_empty(OFPT_BARRIER_REQUEST, 9, &inner);
    ofp_encode_error_reply(OFPERR_OFPBRC_BAD_TYPE, inner.data, inner.size, 9,
                           &b);
    check_msg("error/bad-type", &b,
              "OFPT_ERROR (xid=0x9): OFPBRC_BAD_TYPE "
              "OFPT_BARRIER_REQUEST (xid=0x9):");
    ofpbuf_uninit(&inner);

    ofpbuf_clear(&b);
    struct ofp_error_msg exp = {
        .type = OFPET_EXPERIMENTER, .exp_type = 2300,
        .experimenter = OFP_ONF_VENDOR_ID,
    };
    ofp_encode_error(&exp, 3, &b);
    tap_ok(bytes_are(&b, "0401001000000003 ffff08fc 4f4e4600"),
           "error: experimenter layout");
    TAP_INT_EQ(ofp_decode_error(b.data, b.size, &em), 0,
               "error: experimenter decodes");
    tap_ok(em.exp_type == 2300 && em.experimenter == OFP_ONF_VENDOR_ID,
           "error: experimenter fields");
    check_msg("error/experimenter", &b, NULL);

    from_hex(&b, "0401000a00000003 0001");
    TAP_INT_EQ(ofp_decode_error(b.data, b.size, &em), OFPERR_OFPBRC_BAD_LEN,
               "error: body < 4 -> BAD_LEN");
    from_hex(&b, "0401000c00000003 ffff0001");
    TAP_INT_EQ(ofp_decode_error(b.data, b.size, &em), OFPERR_OFPBRC_BAD_LEN,
               "error: experimenter without id -> BAD_LEN");
    ofpbuf_uninit(&b);
}

static void
test_simple_messages(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;

    static const uint8_t payload[] = { 'a', 'b', 'c', 'd' };
    struct ofp_echo e = { payload, 4 };
    ofp_encode_echo(&e, OFPT_ECHO_REQUEST, 2, &b);
    tap_ok(bytes_are(&b, "0402000c0000000261626364"), "echo: bytes");
    check_msg("echo", &b, "OFPT_ECHO_REQUEST (xid=0x2): 4 bytes of payload "
              "00000000  61 62 63 64                                     "
              "|abcd            |");
    struct ofp_echo ed;
    ofp_decode_echo(b.data, b.size, &ed);
    tap_ok(ed.data == b.data + 8, "echo: payload borrowed");

    ofpbuf_clear(&b);
    struct ofp_features_reply fr = {
        .datapath_id = 0xabc, .n_buffers = 256, .n_tables = 254,
        .capabilities = 0x4f,
    };
    ofp_encode_features_reply(&fr, 3, &b);
    tap_ok(bytes_are(&b, "0406002000000003 0000000000000abc 00000100"
                     " fe000000 0000004f 00000000"),
           "features_reply: bytes");
    check_msg("features_reply", &b,
              "OFPT_FEATURES_REPLY (xid=0x3): dpid:0000000000000abc "
              "n_tables:254, n_buffers:256 capabilities: FLOW_STATS "
              "TABLE_STATS PORT_STATS GROUP_STATS QUEUE_STATS");
    check_header_errors("features_reply", &b, true, b.size);

    ofpbuf_clear(&b);
    struct ofp_switch_config sc = { OFPC_FRAG_DROP, 128 };
    ofp_encode_switch_config(&sc, OFPT_GET_CONFIG_REPLY, 3, &b);
    tap_ok(bytes_are(&b, "0408000c0000000300010080"), "get_config: bytes");
    check_msg("get_config_reply", &b,
              "OFPT_GET_CONFIG_REPLY (xid=0x3): frags=drop "
              "miss_send_len=128");
    check_header_errors("get_config_reply", &b, true, b.size);
    b.data[1] = OFPT_SET_CONFIG;
    check_msg("set_config", &b,
              "OFPT_SET_CONFIG (xid=0x3): frags=drop miss_send_len=128");
    check_header_errors("set_config", &b, true, b.size);

    static const enum ofp_type empties[] = {
        OFPT_FEATURES_REQUEST, OFPT_GET_CONFIG_REQUEST, OFPT_BARRIER_REQUEST,
        OFPT_BARRIER_REPLY, OFPT_GET_ASYNC_REQUEST,
    };
    for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
        ofpbuf_clear(&b);
        ofp_encode_empty(empties[i], 3, &b);
        TAP_INT_EQ(b.size, 8, "empty type %d: 8 bytes", empties[i]);
        check_msg("empty", &b, NULL);
        check_header_errors("empty", &b, true, b.size);
    }

    ofpbuf_clear(&b);
    struct ofp_role role = { OFPCR_ROLE_MASTER, 5 };
    ofp_encode_role(&role, OFPT_ROLE_REQUEST, 3, &b);
    tap_ok(bytes_are(&b, "041800180000000300000002000000000000000000000005"),
           "role_request: bytes");
    check_msg("role_request", &b,
              "OFPT_ROLE_REQUEST (xid=0x3): role=primary generation_id=5");
    check_header_errors("role_request", &b, true, b.size);
    b.data[11] = 4;
    struct ofp_role rd;
    TAP_INT_EQ(ofp_decode_role(b.data, b.size, &rd), OFPERR_OFPRRFC_BAD_ROLE,
               "role: role 4 -> OFPRRFC_BAD_ROLE");

    ofpbuf_clear(&b);
    struct ofp_async_config ac = {
        { 7, 1 }, { 3, 0 }, { 15, 0 },
    };
    ofp_encode_async_config(&ac, OFPT_SET_ASYNC, 3, &b);
    tap_ok(bytes_are(&b, "041c002000000003 00000007 00000001 00000003"
                     " 00000000 0000000f 00000000"), "set_async: bytes");
    check_msg("set_async", &b, NULL);
    check_header_errors("set_async", &b, true, b.size);

    ofpbuf_clear(&b);
    struct ofp_table_mod tm = { 0xff, 3 };
    ofp_encode_table_mod(&tm, 3, &b);
    tap_ok(bytes_are(&b, "0411001000000003ff00000000000003"),
           "table_mod: bytes");
    check_msg("table_mod", &b,
              "OFPT_TABLE_MOD (xid=0x3): table_id: ALL_TABLES");
    check_header_errors("table_mod", &b, true, b.size);

    ofpbuf_clear(&b);
    struct ofp_port_mod pm = {
        .port_no = 1, .hw_addr = { 0x52, 0x54, 0, 0xaa, 0xbb, 0xcc },
        .config = 1, .mask = 1, .advertise = 0x20,
    };
    ofp_encode_port_mod(&pm, 3, &b);
    tap_ok(bytes_are(&b, "0410002800000003 00000001 00000000 525400aabbcc"
                     " 0000 00000001 00000001 00000020 00000000"),
           "port_mod: bytes (as ovs-ofctl mod-port)");
    check_msg("port_mod", &b,
              "OFPT_PORT_MOD (xid=0x3): port: 1: addr:52:54:00:aa:bb:cc "
              "config: PORT_DOWN mask:   PORT_DOWN advertise: 1GB-FD");
    check_header_errors("port_mod", &b, true, b.size);

    ofpbuf_clear(&b);
    struct ofp_port_status ps;
    memset(&ps, 0, sizeof ps);
    ps.reason = OFPPR_MODIFY;
    ps.desc.port_no = 2;
    strcpy(ps.desc.name, "p2");
    ofp_encode_port_status(&ps, 0, &b);
    TAP_INT_EQ(b.size, 80, "port_status: 80 bytes");
    check_msg("port_status", &b, NULL);
    check_header_errors("port_status", &b, true, b.size);

    ofpbuf_uninit(&b);
}

/* The 42-byte ARP request used by the packet tests. */
static const char arp_hex[] =
    "ffffffffffff00000000000108060001080006040001000000000001c0a80001"
    "000000000000c0a80002";

static void
test_packet_in(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofpbuf frame = OFPBUF_INITIALIZER;
    from_hex(&frame, arp_hex);

    struct ofp_packet_in pin;
    memset(&pin, 0, sizeof pin);
    pin.buffer_id = OFP_NO_BUFFER;
    pin.total_len = frame.size;
    pin.reason = OFPR_ACTION;
    pin.table_id = 3;
    pin.cookie = 5;
    ofp_match_init(&pin.match);
    ofp_match_set_u32(&pin.match, OFP_F_IN_PORT, 1);
    pin.data = frame.data;
    pin.data_len = frame.size;
    ofp_encode_packet_in(&pin, 7, &b);
    struct ofp_ds want = OFP_DS_INITIALIZER;
    ofp_ds_put_format(&want, "040a005400000007 ffffffff 002a0103"
                      " 0000000000000005 0001000c800000040000000100000000"
                      " 0000 %s", arp_hex);
    tap_ok(bytes_are(&b, ofp_ds_cstr(&want)), "packet_in: bytes");
    ofp_ds_destroy(&want);
    check_msg("packet_in", &b,
              "OFPT_PACKET_IN (xid=0x7): table_id=3 cookie=0x5 total_len=42 "
              "in_port=1 (via action) data_len=42 (unbuffered) "
              "arp,vlan_tci=0x0000,dl_src=00:00:00:00:00:01,"
              "dl_dst=ff:ff:ff:ff:ff:ff,arp_spa=192.168.0.1,"
              "arp_tpa=192.168.0.2,arp_op=1,arp_sha=00:00:00:00:00:01,"
              "arp_tha=00:00:00:00:00:00");
    check_header_errors("packet_in", &b, false, 8 + 16 + 16 + 2);

    /* The decoder takes no arena: its type says so, and the data it
     * returns points into the message. */
    enum ofperr (*dec)(const uint8_t *, size_t, struct ofp_packet_in *)
        = ofp_decode_packet_in;
    struct ofp_packet_in d;
    TAP_INT_EQ(dec(b.data, b.size, &d), 0, "packet_in: decodes");
    tap_ok(d.data == b.data + 8 + 16 + 16 + 2 && d.data_len == 42,
           "packet_in: data borrowed, not copied");
    tap_ok(d.buffer_id == OFP_NO_BUFFER && d.total_len == 42
           && d.reason == OFPR_ACTION && d.table_id == 3 && d.cookie == 5
           && ofp_match_has(&d.match, OFP_F_IN_PORT)
           && d.match.v.in_port == 1, "packet_in: fields");

    /* Missing the 2 pad bytes after the match. */
    struct ofpbuf t = OFPBUF_INITIALIZER;
    ofpbuf_put(&t, b.data, 8 + 16 + 16 + 1);
    ofpbuf_set_be16(&t, 2, (uint16_t) t.size);
    TAP_INT_EQ(ofp_decode_packet_in(t.data, t.size, &d),
               OFPERR_OFPBRC_BAD_LEN, "packet_in: missing pad -> BAD_LEN");

    /* Speed: informational here; bench/ enforces the budget. */
    struct timespec t0, t1;
    const int n = 200000;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < n; i++) {
        ofp_decode_packet_in(b.data, b.size, &d);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    tap_diag("packet_in decode: %.1f ns",
             ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n);

    ofpbuf_uninit(&t);
    ofpbuf_uninit(&frame);
    ofpbuf_uninit(&b);
}

static void
test_flow_removed(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_flow_removed fr;
    memset(&fr, 0, sizeof fr);
    fr.cookie = 0x10;
    fr.priority = 100;
    fr.reason = OFPRR_HARD_TIMEOUT;
    fr.table_id = 2;
    fr.duration_sec = 3;
    fr.duration_nsec = 5000000;
    fr.idle_timeout = 10;
    fr.hard_timeout = 30;
    fr.packet_count = 7;
    fr.byte_count = 700;
    ofp_match_init(&fr.match);
    ofp_match_set_u32(&fr.match, OFP_F_IN_PORT, 4);
    ofp_encode_flow_removed(&fr, 0, &b);
    tap_ok(bytes_are(&b, "040b004000000000 0000000000000010 0064 01 02"
                     " 00000003 004c4b40 000a 001e 0000000000000007"
                     " 00000000000002bc 0001000c800000040000000400000000"),
           "flow_removed: bytes");
    check_msg("flow_removed", &b,
              "OFPT_FLOW_REMOVED (xid=0x0): priority=100,in_port=4 "
              "reason=hard table_id=2 cookie:0x10 duration3.005s idle10 "
              "hard30 pkts7 bytes700");
    check_header_errors("flow_removed", &b, false, b.size);

    struct ofp_flow_removed d;
    enum ofperr (*dec)(const uint8_t *, size_t, struct ofp_flow_removed *)
        = ofp_decode_flow_removed;
    TAP_INT_EQ(dec(b.data, b.size, &d), 0, "flow_removed: decodes, no arena");
    tap_ok(d.cookie == fr.cookie && d.priority == 100 && d.reason == 1
           && d.table_id == 2 && d.duration_nsec == 5000000
           && d.hard_timeout == 30 && d.byte_count == 700
           && ofp_match_equal(&d.match, &fr.match),
           "flow_removed: fields equal");

    ofpbuf_put_zeros(&b, 8);
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    TAP_INT_EQ(ofp_decode_flow_removed(b.data, b.size, &d),
               OFPERR_OFPBRC_BAD_LEN, "flow_removed: trailing bytes");
    ofpbuf_uninit(&b);
}

/* An output action to 'port'. */
static struct ofp_action
output(uint32_t port)
{
    struct ofp_action a;
    memset(&a, 0, sizeof a);
    a.kind = OFP_ACT_OUTPUT;
    a.output.port = port;
    return a;
}

static void
test_flow_mod(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_action out2 = output(2);
    struct ofp_flow_mod fm;
    ofp_flow_mod_init(&fm);
    tap_ok(fm.priority == 0x8000 && fm.buffer_id == OFP_NO_BUFFER
           && fm.out_port == OFPP_ANY && fm.out_group == OFPG_ANY
           && fm.command == OFPFC_ADD && !fm.match.present
           && !fm.instructions.present, "flow_mod_init: defaults");

    fm.table_id = 3;
    fm.priority = 100;
    fm.cookie = 5;
    fm.idle_timeout = 10;
    fm.hard_timeout = 20;
    fm.flags = 0x1f;
    ofp_match_set_u16(&fm.match, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_u8(&fm.match, OFP_F_IP_PROTO, 6);
    ofp_match_set_u16(&fm.match, OFP_F_TCP_DST, 80);
    fm.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    fm.instructions.apply.actions = &out2;
    fm.instructions.apply.n = 1;
    ofp_encode_flow_mod(&fm, 2, &b);
    /* What `ovs-ofctl -O OpenFlow13 add-flow` sends for the same flow. */
    tap_ok(bytes_are(&b, "040e006000000002000000000000000500000000000000000300"
                     "000a00140064ffffffffffffffffffffffff001f0000000100158000"
                     "0a020800800014010680001c02005000000000040018000000000000"
                     "0010000000020000000000000000"),
           "flow_mod: bytes identical to Open vSwitch's");
    check_msg("flow_mod", &b,
              "OFPT_FLOW_MOD (xid=0x2): ADD table:3 priority=100,tcp,"
              "tp_dst=80 cookie:0x5 idle:10 hard:20 send_flow_rem "
              "check_overlap reset_counts no_packet_counts no_byte_counts "
              "actions=output:2");
    check_header_errors("flow_mod", &b, false, b.size - 24);

    struct ofp_arena arena;
    ofp_arena_init(&arena);
    struct ofp_flow_mod d;
    TAP_INT_EQ(ofp_decode_flow_mod(b.data, b.size, &arena, &d), 0,
               "flow_mod: decodes");
    tap_ok(d.cookie == 5 && d.table_id == 3 && d.priority == 100
           && d.idle_timeout == 10 && d.hard_timeout == 20 && d.flags == 0x1f
           && d.buffer_id == OFP_NO_BUFFER && d.out_port == OFPP_ANY
           && ofp_match_equal(&d.match, &fm.match)
           && d.instructions.apply.n == 1
           && d.instructions.apply.actions[0].output.port == 2,
           "flow_mod: fields equal");

    /* Semantic errors, as Open vSwitch reports them. */
    struct ofpbuf t = OFPBUF_INITIALIZER;
    ofpbuf_put(&t, b.data, b.size);
    t.data[8 + 17] = 9;
    TAP_INT_EQ(ofp_decode_flow_mod(t.data, t.size, &arena, &d),
               OFPERR_OFPFMFC_BAD_COMMAND, "flow_mod: command 9");
    t.data[8 + 17] = OFPFC_ADD;
    t.data[8 + 16] = 0xff;
    TAP_INT_EQ(ofp_decode_flow_mod(t.data, t.size, &arena, &d),
               OFPERR_OFPFMFC_BAD_TABLE_ID, "flow_mod: ADD to table 255");
    t.data[8 + 16] = 3;
    t.data[8 + 36] = 0x80;
    TAP_INT_EQ(ofp_decode_flow_mod(t.data, t.size, &arena, &d),
               OFPERR_OFPFMFC_BAD_FLAGS, "flow_mod: unknown flag");

    /* Encoding into a buffer with room does not reallocate. */
    struct ofpbuf big = OFPBUF_INITIALIZER;
    ofpbuf_init(&big, 4096);
    uint8_t *before = big.data;
    for (int i = 0; i < 20; i++) {
        ofp_encode_flow_mod(&fm, i, &big);
    }
    tap_ok(big.data == before, "flow_mod: no realloc with capacity");

    struct timespec t0, t1;
    const int n = 200000;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < n; i++) {
        ofpbuf_clear(&big);
        ofp_encode_flow_mod(&fm, i, &big);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    tap_diag("flow_mod encode: %.1f ns",
             ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n);

    ofpbuf_uninit(&big);
    ofpbuf_uninit(&t);
    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&b);
}

static void
test_packet_out_group_meter(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofpbuf frame = OFPBUF_INITIALIZER;
    from_hex(&frame, arp_hex);
    struct ofp_action acts[2] = { output(2), output(3) };
    struct ofp_packet_out po = {
        .buffer_id = OFP_NO_BUFFER, .in_port = 1, .actions = { acts, 2 },
        .data = frame.data, .data_len = frame.size,
    };
    ofp_encode_packet_out(&po, 2, &b);
    struct ofp_ds want = OFP_DS_INITIALIZER;
    ofp_ds_put_format(&want, "040d006200000002ffffffff00000001002000000000"
                      "000000000010000000020000000000000000000000100000000300"
                      "00000000000000%s", arp_hex);
    tap_ok(bytes_are(&b, ofp_ds_cstr(&want)),
           "packet_out: bytes identical to Open vSwitch's");
    ofp_ds_destroy(&want);
    check_msg("packet_out", &b,
              "OFPT_PACKET_OUT (xid=0x2): in_port=1 actions=output:2,"
              "output:3 data_len=42 arp,vlan_tci=0x0000,"
              "dl_src=00:00:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff,"
              "arp_spa=192.168.0.1,arp_tpa=192.168.0.2,arp_op=1,"
              "arp_sha=00:00:00:00:00:01,arp_tha=00:00:00:00:00:00");
    check_header_errors("packet_out", &b, false, 8 + 16 + 32);
    ofpbuf_set_be16(&b, 16, 0x100);
    struct ofp_arena arena;
    ofp_arena_init(&arena);
    struct ofp_packet_out pd;
    TAP_INT_EQ(ofp_decode_packet_out(b.data, b.size, &arena, &pd),
               OFPERR_OFPBRC_BAD_LEN, "packet_out: actions_len too big");

    ofpbuf_clear(&b);
    struct ofp_bucket bk[2] = {
        { 5, OFPP_ANY, OFPG_ANY, { &acts[0], 1 } },
        { 6, OFPP_ANY, OFPG_ANY, { &acts[1], 1 } },
    };
    bk[0].actions.actions = &acts[0];
    acts[0].output.port = 1;
    acts[1].output.port = 2;
    struct ofp_group_mod gm = {
        OFPGC_ADD, OFPGT_SELECT, 1, bk, 2,
    };
    ofp_encode_group_mod(&gm, 2, &b);
    tap_ok(bytes_are(&b, "040f005000000002000001000000000100200005ffffffff"
                     "ffffffff000000000000001000000001000000000000000000200006"
                     "ffffffffffffffff000000000000001000000002000000000000"
                     "0000"),
           "group_mod: bytes identical to Open vSwitch's");
    check_msg("group_mod", &b,
              "OFPT_GROUP_MOD (xid=0x2): ADD group_id=1,type=select,"
              "bucket=weight:5,actions=output:1,bucket=weight:6,"
              "actions=output:2");
    check_header_errors("group_mod", &b, false, 16);
    b.data[10] = 7;
    struct ofp_group_mod gd;
    TAP_INT_EQ(ofp_decode_group_mod(b.data, b.size, &arena, &gd),
               OFPERR_OFPGMFC_BAD_TYPE, "group_mod: type 7");
    b.data[10] = 1;
    b.data[9] = 5;
    TAP_INT_EQ(ofp_decode_group_mod(b.data, b.size, &arena, &gd),
               OFPERR_OFPGMFC_BAD_COMMAND, "group_mod: command 5");

    ofpbuf_clear(&b);
    struct ofp_meter_band band = {
        .type = OFPMBT_DROP, .rate = 1000, .burst_size = 100,
    };
    struct ofp_meter_mod mm = { OFPMC_ADD, 0xd, 1, &band, 1 };
    ofp_encode_meter_mod(&mm, 2, &b);
    tap_ok(bytes_are(&b, "041d0020000000020000000d00000001"
                     "00010010000003e80000006400000000"),
           "meter_mod: bytes identical to Open vSwitch's");
    check_msg("meter_mod", &b,
              "OFPT_METER_MOD (xid=0x2): ADD meter=1 kbps burst stats bands= "
              "type=drop rate=1000 burst_size=100");
    check_header_errors("meter_mod", &b, false, 16);
    b.data[17] = 9;
    struct ofp_meter_mod md;
    TAP_INT_EQ(ofp_decode_meter_mod(b.data, b.size, &arena, &md),
               OFPERR_OFPMMFC_BAD_BAND, "meter_mod: unknown band type");
    b.data[17] = 2;
    b.data[19] = 8;
    TAP_INT_EQ(ofp_decode_meter_mod(b.data, b.size, &arena, &md),
               OFPERR_OFPBRC_BAD_LEN, "meter_mod: band length 8");

    struct ofp_ds s = OFP_DS_INITIALIZER;
    band.type = OFPMBT_DSCP_REMARK;
    band.prec_level = 2;
    ofp_meter_bands_format(&band, 1, &s);
    TAP_STR_EQ(ofp_ds_cstr(&s),
               "type=dscp_remark rate=1000 burst_size=100 prec_level=2",
               "meter bands: text");
    ofp_ds_destroy(&s);

    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&frame);
    ofpbuf_uninit(&b);
}

static void
test_bundles(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_bundle_ctrl bc = { 0, OFPBCT_OPEN_REQUEST, 3 };
    ofp_encode_bundle_ctrl(&bc, 3, &b);
    tap_ok(bytes_are(&b, "04040018000000034f4e4600000008fc0000000000000003"),
           "bundle_ctrl: bytes identical to Open vSwitch's");
    check_msg("bundle_ctrl", &b, "ONFT_BUNDLE_CONTROL (xid=0x3): bundle_id=0 "
              "type=OPEN_REQUEST flags=atomic ordered");

    /* With a property, which is skipped. */
    ofpbuf_put_be16(&b, 0xffff);
    ofpbuf_put_be16(&b, 12);
    ofpbuf_put_zeros(&b, 12);
    ofpbuf_set_be16(&b, 2, (uint16_t) b.size);
    struct ofp_bundle_ctrl bd;
    TAP_INT_EQ(ofp_decode_bundle_ctrl(b.data, b.size, &bd), 0,
               "bundle_ctrl: property skipped");
    ofpbuf_set_be16(&b, 26, 40);
    TAP_INT_EQ(ofp_decode_bundle_ctrl(b.data, b.size, &bd),
               OFPERR_OFPBRC_BAD_LEN, "bundle_ctrl: overlong property");

    struct ofp_action out2 = output(2);
    struct ofp_msg inner;
    memset(&inner, 0, sizeof inner);
    inner.kind = OFP_MSG_FLOW_MOD;
    inner.version = OFP13_VERSION;
    inner.xid = 99;         /* Replaced by the outer xid. */
    ofp_flow_mod_init(&inner.flow_mod);
    inner.flow_mod.table_id = 3;
    inner.flow_mod.priority = 100;
    ofp_match_set_u16(&inner.flow_mod.match, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_u8(&inner.flow_mod.match, OFP_F_IP_PROTO, 6);
    ofp_match_set_u16(&inner.flow_mod.match, OFP_F_TCP_DST, 80);
    inner.flow_mod.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    inner.flow_mod.instructions.apply.actions = &out2;
    inner.flow_mod.instructions.apply.n = 1;
    struct ofp_bundle_add ba = { 0, 3, &inner };
    ofpbuf_clear(&b);
    ofp_encode_bundle_add(&ba, 2, &b);
    tap_ok(bytes_are(&b, "04040078000000024f4e4600000008fd0000000000000003"
                     "040e00600000000200000000000000000000000000000000030000"
                     "0000000064ffffffffffffffffffffffff000000000001001580000a"
                     "020800"
                     "800014010680001c0200500000000004001800000000000000100000"
                     "00020000000000000000"),
           "bundle_add: bytes identical to `ovs-ofctl --bundle add-flow`");
    check_msg("bundle_add", &b,
              "ONFT_BUNDLE_ADD_MESSAGE (xid=0x2): bundle_id=0 flags=atomic "
              "ordered OFPT_FLOW_MOD (xid=0x2): ADD table:3 priority=100,tcp,"
              "tp_dst=80 actions=output:2");

    struct ofp_arena arena;
    struct ofp_bundle_add bad;
    ofp_arena_init(&arena);
    TAP_INT_EQ(ofp_decode_bundle_add(b.data, b.size, &arena, &bad), 0,
               "bundle_add: decodes");
    tap_ok(bad.inner && bad.inner->kind == OFP_MSG_FLOW_MOD
           && bad.inner->xid == 2 && bad.inner->flow_mod.table_id == 3,
           "bundle_add: inner flow_mod decoded");

    /* Inner length past the end; inner of another version; nesting. */
    struct ofpbuf t = OFPBUF_INITIALIZER;
    ofpbuf_put(&t, b.data, b.size);
    ofpbuf_set_be16(&t, 26, 0x70);
    TAP_INT_EQ(ofp_decode_bundle_add(t.data, t.size, &arena, &bad),
               OFPERR_OFPBRC_BAD_LEN, "bundle_add: inner overruns");
    ofpbuf_set_be16(&t, 26, 0x60);
    t.data[24] = 5;
    TAP_INT_EQ(ofp_decode_bundle_add(t.data, t.size, &arena, &bad),
               OFPERR_OFPBRC_BAD_VERSION, "bundle_add: inner version 5");
    ofpbuf_clear(&t);
    struct ofp_msg nest;
    memset(&nest, 0, sizeof nest);
    nest.kind = OFP_MSG_BUNDLE_CONTROL;
    nest.version = OFP13_VERSION;
    struct ofp_bundle_add ba2 = { 1, 0, &nest };
    ofp_encode_bundle_add(&ba2, 4, &t);
    TAP_INT_EQ(ofp_decode_bundle_add(t.data, t.size, &arena, &bad),
               OFPERR_OFPBRC_BAD_TYPE, "bundle_add: nested bundle rejected");

    check_header_errors("bundle_add", &b, false, b.size);
    ofpbuf_uninit(&t);
    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&b);
}

static void
test_generic(void)
{
    struct ofp_arena arena;
    struct ofp_msg m;
    struct ofpbuf b = OFPBUF_INITIALIZER;
    ofp_arena_init(&arena);

    from_hex(&b, "041e000800000001");
    TAP_INT_EQ(ofp_decode(b.data, b.size, &arena, &m), OFPERR_OFPBRC_BAD_TYPE,
               "decode: type 30 -> BAD_TYPE");
    from_hex(&b, "0416000c0000000100000001");
    TAP_INT_EQ(ofp_decode(b.data, b.size, &arena, &m), OFPERR_OFPBRC_BAD_TYPE,
               "decode: QUEUE_GET_CONFIG_REQUEST -> BAD_TYPE");
    from_hex(&b, "04000007000000");
    TAP_INT_EQ(ofp_decode(b.data, b.size, &arena, &m), OFPERR_OFPBRC_BAD_LEN,
               "decode: 7 bytes -> BAD_LEN");
    from_hex(&b, "0404001400000001 00002320 0000000a 0102 0304");
    TAP_INT_EQ(ofp_decode(b.data, b.size, &arena, &m), 0,
               "decode: Nicira experimenter");
    tap_ok(m.kind == OFP_MSG_EXPERIMENTER && m.experimenter.experimenter
           == OFP_NX_VENDOR_ID && m.experimenter.exp_type == 10
           && m.experimenter.data_len == 4, "decode: experimenter fields");
    check_msg("experimenter", &b, NULL);

    struct ofp_header_info h;
    TAP_INT_EQ(ofp_header_decode(b.data, b.size, &h), 0, "header: decodes");
    tap_ok(h.version == 4 && h.type == OFPT_EXPERIMENTER && h.length == 20
           && h.xid == 1, "header: fields");

    static const enum ofp_msg_kind kinds[] = {
        OFP_MSG_FLOW_MOD, OFP_MSG_BUNDLE_CONTROL, OFP_MSG_BUNDLE_ADD,
        OFP_MSG_SET_ASYNC,
    };
    static const char *const names[] = {
        "OFPT_FLOW_MOD", "ONFT_BUNDLE_CONTROL", "ONFT_BUNDLE_ADD_MESSAGE",
        "OFPT_SET_ASYNC",
    };
    for (size_t i = 0; i < 4; i++) {
        TAP_STR_EQ(ofp_msg_kind_name(kinds[i]), names[i], "kind name %s",
                   names[i]);
    }

    ofpbuf_uninit(&b);
    ofp_arena_destroy(&arena);
}

int
main(void)
{
    test_hello();
    test_error();
    test_simple_messages();
    test_packet_in();
    test_flow_removed();
    test_flow_mod();
    test_packet_out_group_meter();
    test_bundles();
    test_generic();
    return tap_done();
}
