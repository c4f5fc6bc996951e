/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Actions, instructions and buckets (ofp/ofp-actions.h).
 *
 * For every action kind: the bytes we encode (checked against hand-written
 * hex for many), decode(encode) equal to the original, encode(decode(encode))
 * byte-identical, and the text equal to what Open vSwitch 3.1 prints for the
 * same bytes (expected strings copied from `ovs-ofctl parse-actions
 * OpenFlow13` output).  Then instruction sets, buckets, port names, and the
 * malformed inputs with the error each must produce. */

#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-actions.h"
#include "tests/tap.h"

/* Parses hex digits (spaces allowed) into 'buf'; returns the length. */
static size_t
parse_hex(const char *hex, uint8_t *buf, size_t size)
{
    size_t n = 0;

    while (*hex) {
        if (*hex == ' ') {
            hex++;
            continue;
        }
        unsigned int x;
        if (n >= size || sscanf(hex, "%2x", &x) != 1) {
            abort();
        }
        buf[n++] = x;
        hex += 2;
    }
    return n;
}

/* Returns 'len' bytes as a malloc()'d hex string without spaces. */
static char *
to_hex(const uint8_t *p, size_t len)
{
    char *s = malloc(2 * len + 1);
    for (size_t i = 0; i < len; i++) {
        sprintf(s + 2 * i, "%02x", p[i]);
    }
    s[2 * len] = '\0';
    return s;
}

/* True if two buffers hold the same bytes. */
static bool
same_bytes(const struct ofpbuf *a, const struct ofpbuf *b)
{
    return a->size == b->size
           && (!a->size || !memcmp(a->data, b->data, a->size));
}

/* Removes spaces from 'hex' into a malloc()'d string. */
static char *
squash(const char *hex)
{
    char *s = malloc(strlen(hex) + 1), *q = s;
    for (; *hex; hex++) {
        if (*hex != ' ') {
            *q++ = *hex;
        }
    }
    *q = '\0';
    return s;
}

/* Checks one action list: encoding (against 'want_hex' if nonnull), the
 * round trips, and the text after "actions=". */
static void
check_actions(const char *name, const struct ofp_action *actions, size_t n,
              const char *want_hex, const char *want_text)
{
    struct ofpbuf b = OFPBUF_INITIALIZER, b2 = OFPBUF_INITIALIZER;
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    struct ofp_action_list list;
    struct ofp_reader r;

    ofp_actions_encode(actions, n, &b);
    if (want_hex) {
        char *got = to_hex(b.data, b.size), *want = squash(want_hex);
        TAP_STR_EQ(got, want, "%s: encodes to the expected bytes", name);
        free(got);
        free(want);
    }

    ofp_reader_init(&r, b.data, b.size);
    enum ofperr error = ofp_actions_decode(&r, b.size, &arena, &list);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "ok", "%s: decodes", name);
    if (!error) {
        tap_ok(ofp_reader_left(&r) == 0, "%s: decoding consumes it all",
               name);
        tap_ok(ofp_actions_equal(list.actions, list.n, actions, n),
               "%s: decode(encode) equals the original", name);
        ofp_actions_encode(list.actions, list.n, &b2);
        tap_ok(same_bytes(&b, &b2),
               "%s: encode(decode(encode)) is byte-identical", name);
        ofp_actions_format(list.actions, list.n, &s);
        TAP_STR_EQ(ofp_ds_cstr(&s), want_text, "%s: formats as OVS does",
                   name);
    }

    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&b);
    ofpbuf_uninit(&b2);
}

#define CHECK(NAME, HEX, TEXT, ...)                                     \
    do {                                                                \
        const struct ofp_action acts_[] = { __VA_ARGS__ };              \
        check_actions(NAME, acts_, sizeof acts_ / sizeof *acts_, HEX,   \
                      TEXT);                                            \
    } while (0)

/* Decodes 'hex' as an action list and checks the error (or "ok"). */
static void
check_decode_error(const char *name, const char *hex, const char *want)
{
    uint8_t buf[512];
    size_t len = parse_hex(hex, buf, sizeof buf);
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_action_list list;
    struct ofp_reader r;

    ofp_reader_init(&r, buf, len);
    enum ofperr error = ofp_actions_decode(&r, len, &arena, &list);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", want, "malformed: %s",
               name);
    ofp_arena_destroy(&arena);
}

/* Decodes 'hex' as actions and checks the text (foreign encodings). */
static void
check_decode_text(const char *name, const char *hex, const char *want)
{
    uint8_t buf[512];
    size_t len = parse_hex(hex, buf, sizeof buf);
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    struct ofp_action_list list;
    struct ofp_reader r;

    ofp_reader_init(&r, buf, len);
    enum ofperr error = ofp_actions_decode(&r, len, &arena, &list);
    if (!error) {
        ofp_actions_format(list.actions, list.n, &s);
    }
    TAP_STR_EQ(error ? ofperr_name(error) : ofp_ds_cstr(&s), want,
               "decode %s", name);
    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
}

static void
test_openflow_actions(void)
{
    CHECK("output:2", "0000 0010 00000002 0000 000000000000",
          "output:2",
          { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } });
    CHECK("output CONTROLLER", "0000 0010 fffffffd ffff 000000000000",
          "CONTROLLER:65535",
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_CONTROLLER, 65535 } });
    CHECK("output CONTROLLER max_len 128", NULL, "CONTROLLER:128",
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_CONTROLLER, 128 } });
    CHECK("output reserved ports", NULL,
          "IN_PORT,TABLE,NORMAL,FLOOD,ALL,LOCAL",
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_IN_PORT, 0 } },
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_TABLE, 0 } },
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_NORMAL, 0 } },
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_FLOOD, 0 } },
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_ALL, 0 } },
          { .kind = OFP_ACT_OUTPUT, .output = { OFPP_LOCAL, 0 } });
    CHECK("mpls ttl and tags",
          "000f 0008 05000000 0010 0008 00000000"
          "0013 0008 8847 0000 0014 0008 0800 0000",
          "set_mpls_ttl(5),dec_mpls_ttl,push_mpls:0x8847,pop_mpls:0x0800",
          { .kind = OFP_ACT_SET_MPLS_TTL, .ttl = 5 },
          { .kind = OFP_ACT_DEC_MPLS_TTL },
          { .kind = OFP_ACT_PUSH_MPLS, .ethertype = 0x8847 },
          { .kind = OFP_ACT_POP_MPLS, .ethertype = 0x0800 });
    CHECK("vlan push/pop", "0011 0008 8100 0000 0012 0008 00000000",
          "push_vlan:0x8100,pop_vlan",
          { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100 },
          { .kind = OFP_ACT_POP_VLAN });
    CHECK("push_vlan 802.1ad", NULL, "push_vlan:0x88a8",
          { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x88a8 });
    CHECK("queue, group, ttl",
          "0015 0008 00000003 0016 0008 00000005"
          "0017 0008 09000000 0018 0008 00000000",
          "set_queue:3,group:5,mod_nw_ttl:9,dec_ttl",
          { .kind = OFP_ACT_SET_QUEUE, .queue_id = 3 },
          { .kind = OFP_ACT_GROUP, .group_id = 5 },
          { .kind = OFP_ACT_SET_NW_TTL, .ttl = 9 },
          { .kind = OFP_ACT_DEC_NW_TTL });
    /* Open vSwitch rejects these four (OFPBAC_BAD_TYPE); the syntax is
     * ours, in its style. */
    CHECK("pbb and copy_ttl",
          "001a 0008 88e7 0000 001b 0008 00000000"
          "000c 0008 00000000 000b 0008 00000000",
          "push_pbb:0x88e7,pop_pbb,copy_ttl_in,copy_ttl_out",
          { .kind = OFP_ACT_PUSH_PBB, .ethertype = 0x88e7 },
          { .kind = OFP_ACT_POP_PBB },
          { .kind = OFP_ACT_COPY_TTL_IN },
          { .kind = OFP_ACT_COPY_TTL_OUT });
    check_actions("empty list", NULL, 0, "", "drop");
}

static void
test_set_field(void)
{
    CHECK("set_field vlan_vid", "0019 0010 80000c02 100a 000000000000",
          "set_field:4106->vlan_vid",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_VLAN_VID, .value.u16 = 0x100a } });
    CHECK("set_field ip_src", "0019 0010 80001604 0a000001 00000000",
          "set_field:10.0.0.1->ip_src",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_IPV4_SRC,
                           .value.u32 = 0x0a000001 } });
    CHECK("set_field reg3", "0019 0010 00010604 00000005 00000000",
          "set_field:0x5->reg3",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_REG0 + 3, .value.u32 = 5 } });
    CHECK("set_field metadata", "0019 0010 80000408 0000000000001234",
          "set_field:0x1234->metadata",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_METADATA, .value.u64 = 0x1234 } });
    CHECK("set_field tun_id 0", NULL, "set_field:0->tun_id",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_TUNNEL_ID } });
    CHECK("set_field ip_ecn", NULL, "set_field:1->nw_ecn",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_IP_ECN, .value.u8 = 1 } });
    CHECK("set_field eth_src", "0019 0010 80000806 001122334455 0000",
          "set_field:00:11:22:33:44:55->eth_src",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_ETH_SRC,
                           .value.mac = { 0, 0x11, 0x22, 0x33, 0x44,
                                          0x55 } } });
    CHECK("set_field ipv6_src", NULL, "set_field:fe80::1->ipv6_src",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_IPV6_SRC,
                           .value.bytes = { 0xfe, 0x80, [15] = 1 } } });
    CHECK("set_field ipv6_label", NULL, "set_field:0x5->ipv6_label",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_IPV6_FLABEL, .value.u32 = 5 } });
    CHECK("set_field tcp_dst", NULL, "set_field:80->tcp_dst",
          { .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = OFP_F_TCP_DST, .value.u16 = 80 } });
    /* A masked set_field goes out as NXAST_REG_LOAD2, as OVS does. */
    CHECK("masked set_field becomes reg_load2",
          "ffff 0018 00002320 0021 00010108 00000005 000000ff 0000",
          "set_field:0x5/0xff->reg0",
          { .kind = OFP_ACT_REG_LOAD2,
            .set_field = { .field = OFP_F_REG0, .value.u32 = 5,
                           .mask.u32 = 0xff, .masked = true } });
    CHECK("reg_load2 unmasked",
          "ffff 0018 00002320 0021 00010004 00000005 000000000000",
          "set_field:0x5->reg0",
          { .kind = OFP_ACT_REG_LOAD2,
            .set_field = { .field = OFP_F_REG0, .value.u32 = 5 } });
    CHECK("reg_load2 tcp_dst masked (NXM header)",
          "ffff 0018 00002320 0021 00001504 0050 fff0 000000000000",
          "set_field:80/0xfff0->tcp_dst",
          { .kind = OFP_ACT_REG_LOAD2,
            .set_field = { .field = OFP_F_TCP_DST, .value.u16 = 80,
                           .mask.u16 = 0xfff0, .masked = true } });
}

static void
test_nicira(void)
{
    CHECK("resubmit forms",
          "ffff 0010 00002320 0001 0002 000000 00"
          "ffff 0010 00002320 000e fff8 03 000000"
          "ffff 0010 00002320 000e 0001 03 000000"
          "ffff 0010 00002320 0001 fffe 000000 00",
          "resubmit:2,resubmit(,3),resubmit(1,3),resubmit:LOCAL",
          { .kind = OFP_ACT_RESUBMIT, .resubmit = { 2, 0xff } },
          { .kind = OFP_ACT_RESUBMIT, .resubmit = { 0xfff8, 3 } },
          { .kind = OFP_ACT_RESUBMIT, .resubmit = { 1, 3 } },
          { .kind = OFP_ACT_RESUBMIT, .resubmit = { 0xfffe, 0xff } });
    CHECK("ct bare", "ffff 0018 00002320 0023 0000 00000000 0000 ff 000000 "
          "0000", "ct()",
          { .kind = OFP_ACT_CT, .ct = { .recirc_table = 0xff } });
    CHECK("ct commit table zone",
          "ffff 0018 00002320 0023 0001 00000000 0005 04 000000 0000",
          "ct(commit,table=4,zone=5)",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .zone_imm = 5,
                    .recirc_table = 4 } });
    CHECK("ct force alg ftp", NULL, "ct(commit,force,alg=ftp)",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT | OFP_CT_F_FORCE,
                    .recirc_table = 0xff, .alg = 21 } });
    CHECK("ct zone from reg0",
          "ffff 0018 00002320 0023 0000 00010004 000f 02 000000 0045",
          "ct(table=2,zone=NXM_NX_REG0[0..15],alg=tftp)",
          { .kind = OFP_ACT_CT,
            .ct = { .zone_src = { OFP_F_REG0, 0, 16 }, .recirc_table = 2,
                    .alg = 69 } });

    static const struct ofp_action nested[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC | OFP_NAT_F_PROTO_RANDOM,
                   .family = 4, .ipv4_min = 0x0a000001,
                   .ipv4_max = 0x0a000005, .proto_min = 1000,
                   .proto_max = 2000 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_MARK, .value.u32 = 1 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_LABEL,
                         .value.bytes = { [15] = 5 } } },
    };
    CHECK("ct with nat and exec",
          "ffff 0060 00002320 0023 0001 00000000 0005 04 000000 0000"
          "ffff 0020 00002320 0024 0000 0011 0033 0a000001 0a000005"
          "03e8 07d0 00000000"
          "0019 0010 0001d604 00000001 00000000"
          "0019 0018 0001d810 00000000000000000000000000000005",
          "ct(commit,table=4,zone=5,nat(src=10.0.0.1-10.0.0.5:1000-2000,"
          "random),exec(set_field:0x1->ct_mark,set_field:0x5->ct_label))",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .zone_imm = 5,
                    .recirc_table = 4, .actions = nested,
                    .n_actions = 3 } });
    CHECK("ct exec only", NULL,
          "ct(commit,exec(set_field:0x1->ct_mark,set_field:0x5->ct_label))",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .recirc_table = 0xff,
                    .actions = nested + 1, .n_actions = 2 } });

    static const struct ofp_action nat6[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = (OFP_NAT_F_DST | OFP_NAT_F_PERSISTENT
                             | OFP_NAT_F_PROTO_HASH),
                   .family = 6, .ipv6_min = { 0xfe, 0x80, [15] = 1 },
                   .ipv6_max = { 0xfe, 0x80, [15] = 2 },
                   .proto_min = 80 } },
    };
    CHECK("ct nat ipv6 range with port", NULL,
          "ct(commit,nat(dst=[fe80::1]-[fe80::2]:80,persistent,hash))",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .recirc_table = 0xff,
                    .actions = nat6, .n_actions = 1 } });
    static const struct ofp_action nat_bare[] = { { .kind = OFP_ACT_NAT } };
    CHECK("ct nat without arguments, no commit", NULL, "ct(table=1,nat)",
          { .kind = OFP_ACT_CT,
            .ct = { .recirc_table = 1, .actions = nat_bare,
                    .n_actions = 1 } });
    static const struct ofp_action nat_dst[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_DST, .family = 4,
                   .ipv4_min = 0x0a000001 } },
    };
    CHECK("ct nat dst single address", NULL, "ct(commit,nat(dst=10.0.0.1))",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .recirc_table = 0xff,
                    .actions = nat_dst, .n_actions = 1 } });
    /* Open vSwitch prints nat flags only after an address range. */
    static const struct ofp_action nat_pers[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC | OFP_NAT_F_PERSISTENT } },
    };
    CHECK("ct nat src without range hides persistent", NULL,
          "ct(commit,nat(src))",
          { .kind = OFP_ACT_CT,
            .ct = { .flags = OFP_CT_F_COMMIT, .recirc_table = 0xff,
                    .actions = nat_pers, .n_actions = 1 } });

    CHECK("ct_clear", "ffff 0010 00002320 002b 000000000000", "ct_clear",
          { .kind = OFP_ACT_CT_CLEAR });
    CHECK("conjunction", "ffff 0010 00002320 0022 00 02 00000007"
          "ffff 0010 00002320 0022 02 03 00000008",
          "conjunction(7,1/2),conjunction(8,3/3)",
          { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 7, 0, 2 } },
          { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 8, 2, 3 } });
    CHECK("load 16 bits", "ffff 0018 00002320 0007 000f 00010004 "
          "0000000000000005", "load:0x5->NXM_NX_REG0[0..15]",
          { .kind = OFP_ACT_REG_LOAD,
            .reg_load = { { OFP_F_REG0, 0, 16 }, 5 } });
    CHECK("load whole field", NULL, "load:0x5->NXM_NX_REG0[]",
          { .kind = OFP_ACT_REG_LOAD,
            .reg_load = { { OFP_F_REG0, 0, 32 }, 5 } });
    CHECK("load one bit", NULL, "load:0x1->NXM_NX_REG1[3]",
          { .kind = OFP_ACT_REG_LOAD,
            .reg_load = { { OFP_F_REG0 + 1, 3, 1 }, 1 } });
    CHECK("load zero into metadata", NULL, "load:0->OXM_OF_METADATA[]",
          { .kind = OFP_ACT_REG_LOAD,
            .reg_load = { { OFP_F_METADATA, 0, 64 }, 0 } });
    CHECK("move eth_src to eth_dst",
          "ffff 0018 00002320 0006 0030 0000 0000 00000406 00000206",
          "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[]",
          { .kind = OFP_ACT_REG_MOVE,
            .reg_move = { { OFP_F_ETH_SRC, 0, 48 },
                          { OFP_F_ETH_DST, 0, 48 } } });
    CHECK("move register halves", NULL,
          "move:NXM_NX_REG0[0..15]->NXM_NX_REG1[16..31]",
          { .kind = OFP_ACT_REG_MOVE,
            .reg_move = { { OFP_F_REG0, 0, 16 },
                          { OFP_F_REG0 + 1, 16, 16 } } });
    CHECK("move ip_dscp (OXM-only field)", NULL,
          "move:OXM_OF_IP_DSCP[]->NXM_NX_REG1[0..5]",
          { .kind = OFP_ACT_REG_MOVE,
            .reg_move = { { OFP_F_IP_DSCP, 0, 6 },
                          { OFP_F_REG0 + 1, 0, 6 } } });
    CHECK("move in_port (16-bit NXM)", NULL,
          "move:NXM_OF_IN_PORT[]->NXM_NX_REG2[0..15]",
          { .kind = OFP_ACT_REG_MOVE,
            .reg_move = { { OFP_F_IN_PORT, 0, 16 },
                          { OFP_F_REG0 + 2, 0, 16 } } });

    /* A note keeps its padding when decoded, as in Open vSwitch. */
    static const uint8_t note[] = { 1, 2, 3, 0, 0, 0 };
    CHECK("note", "ffff 0010 00002320 0008 010203 000000",
          "note:01.02.03.00.00.00",
          { .kind = OFP_ACT_NOTE, .note = { note, sizeof note } });

    static const uint8_t nx_body[] = { 0x00, 0x63, 1, 2, 3, 4, 5, 6 };
    CHECK("unknown Nicira subtype kept verbatim",
          "ffff 0010 00002320 0063 010203040506",
          "experimenter(vendor=0x2320,subtype=99,data=01.02.03.04.05.06)",
          { .kind = OFP_ACT_EXPERIMENTER,
            .experimenter = { OFP_NX_VENDOR_ID, 99, nx_body, 8 } });
    CHECK("other vendor kept verbatim",
          "ffff 0010 00001234 0063010203040506",
          "experimenter(vendor=0x1234,data=00.63.01.02.03.04.05.06)",
          { .kind = OFP_ACT_EXPERIMENTER,
            .experimenter = { 0x1234, 0, nx_body, 8 } });

    /* Encodings Open vSwitch may send that we do not produce. */
    check_decode_text("reg_load2 with OXM header",
                      "ffff 0018 00002320 0021 80001d04 0050fff0 000000000000",
                      "set_field:80/0xfff0->tcp_dst");
    check_decode_text("NXAST_RESUBMIT_TABLE without table",
                      "ffff 0010 00002320 000e 0001 ff 000000",
                      "resubmit:1");
    check_decode_text("load with OXM metadata header",
                      "ffff 0018 00002320 0007 003f 80000408 "
                      "0000000000000005",
                      "load:0x5->OXM_OF_METADATA[]");
}

/* Checks an instruction set: bytes, round trip and text. */
static void
check_instructions(const char *name, const struct ofp_instructions *in,
                   const char *want_hex, const char *want_text)
{
    struct ofpbuf b = OFPBUF_INITIALIZER, b2 = OFPBUF_INITIALIZER;
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    struct ofp_instructions out;
    struct ofp_reader r;

    ofp_instructions_encode(in, &b);
    if (want_hex) {
        char *got = to_hex(b.data, b.size), *want = squash(want_hex);
        TAP_STR_EQ(got, want, "instructions %s: bytes", name);
        free(got);
        free(want);
    }
    ofp_reader_init(&r, b.data, b.size);
    enum ofperr error = ofp_instructions_decode(&r, b.size, &arena, &out);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "ok",
               "instructions %s: decode", name);
    if (!error) {
        tap_ok(ofp_instructions_equal(&out, in),
               "instructions %s: decode(encode) equals", name);
        ofp_instructions_encode(&out, &b2);
        tap_ok(same_bytes(&b, &b2),
               "instructions %s: re-encode is byte-identical", name);
        ofp_instructions_format(&out, &s);
        TAP_STR_EQ(ofp_ds_cstr(&s), want_text, "instructions %s: text",
                   name);
    }
    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&b);
    ofpbuf_uninit(&b2);
}

/* Decodes 'hex' as instructions and checks the error or text. */
static void
check_instructions_decode(const char *name, const char *hex,
                          const char *want)
{
    uint8_t buf[512];
    size_t len = parse_hex(hex, buf, sizeof buf);
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    struct ofp_instructions in;
    struct ofp_reader r;

    ofp_reader_init(&r, buf, len);
    enum ofperr error = ofp_instructions_decode(&r, len, &arena, &in);
    if (!error) {
        ofp_instructions_format(&in, &s);
    }
    TAP_STR_EQ(error ? ofperr_name(error) : ofp_ds_cstr(&s), want,
               "instructions decode: %s", name);
    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
}

static void
test_instructions(void)
{
    static const struct ofp_action out2[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } },
    };
    static const struct ofp_action out3[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 3, 0 } },
    };
    struct ofp_instructions all = {
        .present = (OFP_INST_BIT(OFPIT_METER)
                    | OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)
                    | OFP_INST_BIT(OFPIT_WRITE_ACTIONS)
                    | OFP_INST_BIT(OFPIT_WRITE_METADATA)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .meter_id = 1,
        .apply = { out2, 1 },
        .write = { out3, 1 },
        .metadata = 1,
        .metadata_mask = 0xff,
        .goto_table = 4,
    };
    check_instructions("all six, in execution order", &all,
                       "0006 0008 00000001"
                       "0004 0018 00000000 0000 0010 00000002 0000 "
                       "000000000000"
                       "0005 0008 00000000"
                       "0003 0018 00000000 0000 0010 00000003 0000 "
                       "000000000000"
                       "0002 0018 00000000 0000000000000001 "
                       "00000000000000ff"
                       "0001 0008 04 000000",
                       "meter:1,output:2,clear_actions,write_actions("
                       "output:3),write_metadata:0x1/0xff,goto_table:4");

    struct ofp_instructions md = {
        .present = OFP_INST_BIT(OFPIT_WRITE_METADATA),
        .metadata = 1, .metadata_mask = UINT64_MAX,
    };
    check_instructions("write_metadata without mask", &md, NULL,
                       "write_metadata:0x1");
    struct ofp_instructions none = { .present = 0 };
    check_instructions("empty", &none, "", "drop");
    struct ofp_instructions empty_apply = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
    };
    check_instructions("empty apply_actions", &empty_apply,
                       "0004 0008 00000000", "drop");
    struct ofp_instructions empty_write = {
        .present = OFP_INST_BIT(OFPIT_WRITE_ACTIONS),
    };
    check_instructions("empty write_actions", &empty_write, NULL,
                       "write_actions(drop)");
    struct ofp_instructions go = {
        .present = OFP_INST_BIT(OFPIT_GOTO_TABLE), .goto_table = 4,
    };
    check_instructions("goto_table", &go, "0001 0008 04000000",
                       "goto_table:4");
    struct ofp_instructions clear = {
        .present = OFP_INST_BIT(OFPIT_CLEAR_ACTIONS),
    };
    check_instructions("clear_actions", &clear, NULL, "clear_actions");
    struct ofp_instructions meter = {
        .present = OFP_INST_BIT(OFPIT_METER), .meter_id = 7,
    };
    check_instructions("meter", &meter, NULL, "meter:7");

    /* Instructions in a foreign order decode into the same set. */
    check_instructions_decode("goto before apply",
                              "0001 0008 04000000"
                              "0004 0018 00000000 0000 0010 00000002 0000 "
                              "000000000000",
                              "output:2,goto_table:4");
    /* Errors, with the codes Open vSwitch gives (see ofp-actions.c for
     * the duplicate). */
    check_instructions_decode("duplicate instruction",
                              "0001 0008 04000000 0001 0008 05000000",
                              "OFPBIC_UNSUP_INST");
    check_instructions_decode("unknown instruction type",
                              "0007 0008 00000000", "OFPBIC_UNKNOWN_INST");
    check_instructions_decode("experimenter instruction",
                              "ffff 0008 00000000",
                              "OFPBIC_BAD_EXPERIMENTER");
    check_instructions_decode("goto_table with length 16",
                              "0001 0010 04000000 0000000000000000",
                              "OFPBIC_BAD_LEN");
    check_instructions_decode("instruction length not multiple of 8",
                              "0001 000c 04000000 00000000",
                              "OFPBIC_BAD_LEN");
    check_instructions_decode("instruction overruns the list",
                              "0001 0018 04000000", "OFPBIC_BAD_LEN");
    check_instructions_decode("instruction length 0",
                              "0001 0000 04000000", "OFPBIC_BAD_LEN");
    check_instructions_decode("note in write_actions",
                              "0003 0018 00000000 ffff 0010 00002320 0008 "
                              "010203000000", "OFPBAC_BAD_TYPE");
    check_instructions_decode("resubmit in write_actions",
                              "0003 0018 00000000 ffff 0010 00002320 0001 "
                              "000200000000", "write_actions(resubmit:2)");
    check_instructions_decode("conjunction with goto_table",
                              "0004 0018 00000000 ffff 0010 00002320 0022 "
                              "0002 00000007 0001 0008 04000000",
                              "OFPBAC_BAD_ARGUMENT");
    check_instructions_decode("conjunction alone",
                              "0004 0018 00000000 ffff 0010 00002320 0022 "
                              "0002 00000007", "conjunction(7,1/2)");
    check_instructions_decode("bad action inside apply_actions",
                              "0004 0010 00000000 0063 0008 00000000",
                              "OFPBAC_BAD_TYPE");
}

static void
test_buckets(void)
{
    static const struct ofp_action out1[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } },
    };
    static const struct ofp_action out2[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_VLAN_VID, .value.u16 = 0x1005 } },
    };
    const struct ofp_bucket buckets[] = {
        { 0, OFPP_ANY, OFPG_ANY, { out1, 1 } },
        { 0, OFPP_ANY, OFPG_ANY, { out2, 2 } },
        { 5, 3, 7, { NULL, 0 } },
    };
    struct ofpbuf b = OFPBUF_INITIALIZER, b2 = OFPBUF_INITIALIZER;
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    struct ofp_bucket *out;
    size_t n;
    struct ofp_reader r;

    ofp_buckets_encode(buckets, 3, &b);
    char *hex = to_hex(b.data, 32);
    TAP_STR_EQ(hex, "00200000ffffffffffffffff00000000"
               "00000010000000010000000000000000",
               "buckets: first bucket bytes");
    free(hex);
    TAP_INT_EQ(b.size, 32 + 48 + 16, "buckets: total length");

    ofp_reader_init(&r, b.data, b.size);
    enum ofperr error = ofp_buckets_decode(&r, b.size, &arena, &out, &n);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "ok", "buckets: decode");
    TAP_INT_EQ(n, 3, "buckets: three decoded");
    if (!error && n == 3) {
        tap_ok(out[2].weight == 5 && out[2].watch_port == 3
               && out[2].watch_group == 7 && out[2].actions.n == 0,
               "buckets: weight and watches decoded");
        tap_ok(ofp_actions_equal(out[1].actions.actions, out[1].actions.n,
                                 out2, 2), "buckets: actions decoded");
        ofp_buckets_encode(out, n, &b2);
        tap_ok(same_bytes(&b, &b2),
               "buckets: re-encode is byte-identical");
        ofp_buckets_format(out, n, OFPGT_ALL, &s);
        TAP_STR_EQ(ofp_ds_cstr(&s),
                   "bucket=actions=output:1,"
                   "bucket=actions=output:2,set_field:4101->vlan_vid,"
                   "bucket=weight:5,watch_port:3,watch_group:7,actions=drop",
                   "buckets: text (non-select group)");
        ofp_ds_clear(&s);
        ofp_buckets_format(out, 1, OFPGT_SELECT, &s);
        TAP_STR_EQ(ofp_ds_cstr(&s), "bucket=weight:0,actions=output:1",
                   "buckets: select group shows weight 0");
    }

    /* Malformed buckets. */
    static const struct {
        const char *name, *hex, *want;
    } bad[] = {
        { "bucket shorter than its header", "0008 0000 ffffffff",
          "OFPGMFC_BAD_BUCKET" },
        { "bucket length below 16",
          "0008 0000 ffffffff ffffffff 00000000", "OFPGMFC_BAD_BUCKET" },
        { "bucket overruns the list",
          "0020 0000 ffffffff ffffffff 00000000", "OFPGMFC_BAD_BUCKET" },
        { "bucket actions not a multiple of 8",
          "0014 0000 ffffffff ffffffff 00000000 00000000",
          "OFPBRC_BAD_LEN" },
        { "bad watch_port",
          "0010 0000 0000ff00 ffffffff 00000000", "OFPGMFC_BAD_WATCH" },
        { "bad action in bucket",
          "0018 0000 ffffffff ffffffff 00000000 0063 0008 00000000",
          "OFPBAC_BAD_TYPE" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint8_t buf[64];
        size_t len = parse_hex(bad[i].hex, buf, sizeof buf);
        ofp_reader_init(&r, buf, len);
        error = ofp_buckets_decode(&r, len, &arena, &out, &n);
        TAP_STR_EQ(error ? ofperr_name(error) : "ok", bad[i].want,
                   "buckets malformed: %s", bad[i].name);
    }

    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
    ofpbuf_uninit(&b);
    ofpbuf_uninit(&b2);
}

static void
test_port_names(void)
{
    static const struct {
        uint32_t port;
        const char *name;
    } ports[] = {
        { 2, "2" }, { OFPP_IN_PORT, "IN_PORT" }, { OFPP_TABLE, "TABLE" },
        { OFPP_NORMAL, "NORMAL" }, { OFPP_FLOOD, "FLOOD" },
        { OFPP_ALL, "ALL" }, { OFPP_CONTROLLER, "CONTROLLER" },
        { OFPP_LOCAL, "LOCAL" }, { OFPP_ANY, "ANY" },
        { 0xfffffff7, "UNSET" }, { OFPP_MAX, "65280" },
    };
    for (size_t i = 0; i < sizeof ports / sizeof *ports; i++) {
        struct ofp_ds s = OFP_DS_INITIALIZER;
        ofp_port_no_format(ports[i].port, &s);
        TAP_STR_EQ(ofp_ds_cstr(&s), ports[i].name, "port %#x prints as %s",
                   ports[i].port, ports[i].name);
        ofp_ds_destroy(&s);
    }
}

static void
test_malformed(void)
{
    static const struct {
        const char *name, *hex, *want;
    } cases[] = {
        { "action length 0", "0000 0000 00000002 ffe5 000000000000",
          "OFPBAC_BAD_LEN" },
        { "action length not a multiple of 8",
          "0000 000c 00000002 ffe5 000000000000", "OFPBAC_BAD_LEN" },
        { "action overruns the list",
          "0000 0018 00000002 ffe5 000000000000", "OFPBAC_BAD_LEN" },
        { "fewer than 8 bytes left", "0000 0010 0000", "OFPBRC_BAD_LEN" },
        { "output with length 8", "0000 0008 00000002", "OFPBAC_BAD_LEN" },
        { "unknown standard type", "0063 0008 00000000", "OFPBAC_BAD_TYPE" },
        { "deprecated OF1.1 set_vlan_vid", "0001 0008 00050000",
          "OFPBAC_BAD_TYPE" },
        { "output to ANY", "0000 0010 ffffffff 0000 000000000000",
          "OFPBAC_BAD_OUT_PORT" },
        { "output to port 0xff00", "0000 0010 0000ff00 0000 000000000000",
          "OFPBAC_BAD_OUT_PORT" },
        { "push_vlan bad ethertype", "0011 0008 1234 0000",
          "OFPBAC_BAD_ARGUMENT" },
        { "push_mpls bad ethertype", "0013 0008 0800 0000",
          "OFPBAC_BAD_ARGUMENT" },
        { "set_field TLV length wrong",
          "0019 0010 80000c03 100a00 0000000000", "OFPBAC_BAD_SET_LEN" },
        { "set_field TLV overruns the action",
          "0019 0010 80003410 fe800000 00000000", "OFPBAC_BAD_SET_LEN" },
        { "set_field of an unknown field",
          "0019 0010 80007e02 100a 000000000000", "OFPBAC_BAD_SET_TYPE" },
        { "set_field with a mask",
          "0019 0010 80000d04 100a ffff 00000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field vlan_vid without OFPVID_PRESENT",
          "0019 0010 80000c02 000a 000000000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field ip_dscp out of range",
          "0019 0010 80001001 40 00000000000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field in_port", "0019 0010 80000004 00000001 00000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field read-only ip_proto",
          "0019 0010 80001401 06 00000000000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field nonzero padding",
          "0019 0010 80000c02 100a 000000000001",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "set_field ct_mark outside ct",
          "0019 0010 0001d604 00000001 00000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "nat outside ct", "ffff 0010 00002320 0024 000000000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "truncated Nicira header", "ffff 0008 00002320",
          "OFPBAC_BAD_LEN" },
        { "resubmit with length 24",
          "ffff 0018 00002320 0001 0002 0000 00000000000000000000",
          "OFPBAC_BAD_LEN" },
        { "resubmit_table nonzero padding",
          "ffff 0010 00002320 000e 0001 03 000100", "OFPBAC_BAD_ARGUMENT" },
        { "ct shorter than 24 bytes",
          "ffff 0010 00002320 0023 0001 00000000", "OFPBAC_BAD_LEN" },
        { "ct nested action overruns the ct action",
          "ffff 0028 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "ffff 0018 00002320 0024 000000000000"
          "0012 0008 00000000",
          "OFPBAC_BAD_LEN" },
        { "ct action overruns the list",
          "ffff 0030 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "ffff 0010 00002320 0024 000000000000",
          "OFPBAC_BAD_LEN" },
        { "ct force without commit",
          "ffff 0018 00002320 0023 0002 00000000 0000 ff 000000 0000",
          "OFPBAC_BAD_ARGUMENT" },
        { "ct exec without commit",
          "ffff 0028 00002320 0023 0000 00000000 0000 ff 000000 0000"
          "0019 0010 0001d604 00000001 00000000", "OFPBAC_BAD_ARGUMENT" },
        { "ct exec sets a non-ct field",
          "ffff 0028 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "0019 0010 00010004 00000001 00000000", "OFPBAC_BAD_ARGUMENT" },
        { "ct nests output",
          "ffff 0028 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "0000 0010 00000001 0000 000000000000", "OFPBAC_BAD_ARGUMENT" },
        { "ct zone from a 15-bit subfield",
          "ffff 0018 00002320 0023 0000 00010004 000e ff 000000 0000",
          "OFPBAC_BAD_SET_LEN" },
        { "ct zone from an unknown field",
          "ffff 0018 00002320 0023 0000 0001fe04 000f ff 000000 0000",
          "OFPBAC_BAD_SET_TYPE" },
        { "nat src and dst",
          "ffff 0028 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "ffff 0010 00002320 0024 0000 0003 0000", "OFPBAC_BAD_ARGUMENT" },
        { "nat range max below min",
          "ffff 0038 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "ffff 0020 00002320 0024 0000 0001 0003 0a000005 0a000001"
          "0000000000000000", "OFPBAC_BAD_ARGUMENT" },
        { "nat range missing its address",
          "ffff 0028 00002320 0023 0001 00000000 0000 ff 000000 0000"
          "ffff 0010 00002320 0024 0000 0001 0001", "OFPBAC_BAD_ARGUMENT" },
        { "conjunction clause out of range",
          "ffff 0010 00002320 0022 0202 00000007", "OFPBAC_BAD_ARGUMENT" },
        { "conjunction with output",
          "ffff 0010 00002320 0022 0002 00000007"
          "0000 0010 00000001 0000 000000000000", "OFPBAC_BAD_ARGUMENT" },
        { "load wider than the field",
          "ffff 0018 00002320 0007 003f 00010004 0000000000000005",
          "OFPBAC_BAD_SET_LEN" },
        { "load value wider than n_bits",
          "ffff 0018 00002320 0007 0003 00010004 0000000000000015",
          "OFPBAC_BAD_ARGUMENT" },
        { "load into read-only ip_proto",
          "ffff 0018 00002320 0007 0007 00000c01 0000000000000005",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "move into read-only field",
          "ffff 0018 00002320 0006 0008 0000 0000 00010004 00000c01",
          "OFPBAC_BAD_SET_ARGUMENT" },
        { "move wider than the destination",
          "ffff 0018 00002320 0006 0010 0000 0000 00010004 00000c01",
          "OFPBAC_BAD_SET_LEN" },
        { "move without headers", "ffff 0010 00002320 0006 0010 00000000",
          "OFPBAC_BAD_LEN" },
        { "reg_load2 of read-only eth_type",
          "ffff 0018 00002320 0021 00000602 0800 00000000 00000000",
          "OFPBAC_BAD_SET_ARGUMENT" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        check_decode_error(cases[i].name, cases[i].hex, cases[i].want);
    }

    /* An action list whose length is not a multiple of 8 is a request
     * error, as in Open vSwitch. */
    uint8_t buf[16] = { 0 };
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_action_list list;
    struct ofp_reader r;
    ofp_reader_init(&r, buf, sizeof buf);
    enum ofperr error = ofp_actions_decode(&r, 12, &arena, &list);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "OFPBRC_BAD_LEN",
               "malformed: list length 12");
    ofp_reader_init(&r, buf, 8);
    error = ofp_actions_decode(&r, 16, &arena, &list);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "OFPBRC_BAD_LEN",
               "malformed: list longer than the message");
    ofp_arena_destroy(&arena);
}

/* Every truncation of a valid complex list must fail cleanly, never read
 * out of bounds (run under the sanitizers to prove it). */
static void
test_truncations(void)
{
    static const struct ofp_action nested[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC, .family = 6,
                   .ipv6_min = { 0xfe, 0x80, [15] = 1 },
                   .proto_min = 10, .proto_max = 20 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_LABEL,
                         .value.bytes = { [0] = 1 } } },
    };
    const struct ofp_action acts[] = {
        { .kind = OFP_ACT_CT,
          .ct = { .flags = OFP_CT_F_COMMIT, .recirc_table = 3,
                  .actions = nested, .n_actions = 2 } },
        { .kind = OFP_ACT_REG_MOVE,
          .reg_move = { { OFP_F_REG0, 0, 32 }, { OFP_F_REG0 + 1, 0, 32 } } },
        { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } },
    };
    struct ofpbuf b = OFPBUF_INITIALIZER, one = OFPBUF_INITIALIZER;
    struct ofpbuf two = OFPBUF_INITIALIZER;
    ofp_actions_encode(acts, 3, &b);
    ofp_actions_encode(acts, 1, &one);
    ofp_actions_encode(acts, 2, &two);

    int failures = 0;
    for (size_t len = 1; len < b.size; len++) {
        if (len == one.size || len == two.size) {
            continue;           /* Whole actions: a valid shorter list. */
        }
        struct ofp_arena arena = OFP_ARENA_INITIALIZER;
        struct ofp_action_list list;
        struct ofp_reader r;
        uint8_t *copy = malloc(len ? len : 1);
        memcpy(copy, b.data, len);
        ofp_reader_init(&r, copy, len);
        enum ofperr error = ofp_actions_decode(&r, len, &arena, &list);
        failures += !error;
        free(copy);
        ofp_arena_destroy(&arena);
    }
    TAP_INT_EQ(failures, 0, "every proper truncation of a ct list fails");
    ofpbuf_uninit(&b);
    ofpbuf_uninit(&one);
    ofpbuf_uninit(&two);
}

/* ct() nested in ct() is rejected before its own nested list is decoded,
 * so hostile input cannot make the decoder recurse once per 24 bytes. */
static void
test_nested_ct(void)
{
    enum { DEPTH = 2700, CT_LEN = 24 };
    size_t len = (size_t) DEPTH * CT_LEN;
    uint8_t *buf = calloc(1, len);
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_action_list list;
    struct ofp_reader r;

    for (size_t i = 0; i < DEPTH; i++) {
        uint8_t *p = buf + i * CT_LEN;
        uint16_t this_len = (DEPTH - i) * CT_LEN;

        p[0] = 0xff;                            /* OFPAT_EXPERIMENTER. */
        p[1] = 0xff;
        p[2] = this_len >> 8;
        p[3] = this_len;
        p[6] = 0x23;                            /* NX_VENDOR_ID. */
        p[7] = 0x20;
        p[9] = 35;                              /* NXAST_CT. */
        p[10] = 0;                              /* flags: commit. */
        p[11] = 1;
        p[18] = 0xff;                           /* recirc_table. */
    }
    ofp_reader_init(&r, buf, len);
    enum ofperr error = ofp_actions_decode(&r, len, &arena, &list);
    TAP_STR_EQ(error ? ofperr_name(error) : "ok", "OFPBAC_BAD_ARGUMENT",
               "malformed: ct nested %d deep", DEPTH);
    ofp_arena_destroy(&arena);
    free(buf);

    check_decode_error("ct inside ct",
                       "ffff 0030 00002320 0023 0001 00000000 0000 ff 000000 "
                       "0000 "
                       "ffff 0018 00002320 0023 0001 00000000 0000 ff 000000 "
                       "0000", "OFPBAC_BAD_ARGUMENT");
}

int
main(void)
{
    test_openflow_actions();
    test_set_field();
    test_nicira();
    test_instructions();
    test_buckets();
    test_port_names();
    test_malformed();
    test_truncations();
    test_nested_ct();
    return tap_done();
}
