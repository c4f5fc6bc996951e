/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Conformance cases for the OXM match codec: one FLOW_MOD per field, exact
 * and (for maskable fields) masked, each with the field's prerequisites and
 * an empty instruction list.
 *
 * The sample values and the prerequisite builder are also used by
 * tests/test-match.c, which includes this file with
 * CONF_MATCH_SAMPLES_ONLY defined so that it does not need the message
 * encoders. */

#include <stdio.h>
#include <string.h>
#include "ofp/ofp-match.h"

/* Fills 'v' and 'mask' with a sample value and a sample partial mask for
 * field 'f' (the mask is meaningful only for maskable fields).  Values lie
 * inside their masks and inside the field's width. */
static void
match_sample(enum ofp_field f, union ofp_field_value *v,
             union ofp_field_value *mask)
{
    static const uint8_t ipv6_a[16] = {
        0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01 };
    static const uint8_t ipv6_b[16] = {
        0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34 };
    static const uint8_t ipv6_p64[16] = {
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    static const uint8_t ipv6_odd[16] = {
        0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

    memset(v, 0, sizeof *v);
    memset(mask, 0, sizeof *mask);
    switch (f) {
    case OFP_F_IN_PORT: v->u32 = 7; break;
    case OFP_F_IN_PHY_PORT: v->u32 = 3; break;
    case OFP_F_METADATA:
        v->u64 = 0x1234000056780000ull;
        mask->u64 = 0xffff0000ffff0000ull;
        break;
    case OFP_F_ETH_DST:
        memcpy(v->mac, "\x52\x54\x00\xaa\xbb\xcc", 6);
        memcpy(mask->mac, "\xff\xff\xff\xff\xff\x00", 6);
        break;
    case OFP_F_ETH_SRC:
        memcpy(v->mac, "\x01\x00\x00\x00\x00\x00", 6);
        memcpy(mask->mac, "\x01\x00\x00\x00\x00\x00", 6);
        break;
    case OFP_F_ETH_TYPE: v->u16 = 0x88cc; break;
    case OFP_F_VLAN_VID:
        v->u16 = OFPVID_PRESENT | 100;
        mask->u16 = 0x1f00;
        break;
    case OFP_F_VLAN_PCP: v->u8 = 5; break;
    case OFP_F_IP_DSCP: v->u8 = 46; break;
    case OFP_F_IP_ECN: v->u8 = 2; break;
    case OFP_F_IP_PROTO: v->u8 = 47; break;
    case OFP_F_IPV4_SRC:
        v->u32 = 0x0a010000;            /* 10.1.0.0/16 */
        mask->u32 = 0xffff0000;
        break;
    case OFP_F_IPV4_DST:
        v->u32 = 0xc0000001;            /* 192.0.0.1/255.0.255.255 */
        mask->u32 = 0xff00ffff;
        break;
    case OFP_F_TCP_SRC: v->u16 = 0x0100; mask->u16 = 0xff00; break;
    case OFP_F_TCP_DST: v->u16 = 80; mask->u16 = 0xfff0; break;
    case OFP_F_UDP_SRC: v->u16 = 53; mask->u16 = 0x00ff; break;
    case OFP_F_UDP_DST: v->u16 = 67; mask->u16 = 0xffff ^ 0x8; break;
    case OFP_F_SCTP_SRC: v->u16 = 5000; mask->u16 = 0xfff0; break;
    case OFP_F_SCTP_DST: v->u16 = 5001; mask->u16 = 0xff00; break;
    case OFP_F_ICMPV4_TYPE: v->u8 = 3; break;
    case OFP_F_ICMPV4_CODE: v->u8 = 1; break;
    case OFP_F_ARP_OP: v->u16 = 2; break;
    case OFP_F_ARP_SPA:
        v->u32 = 0x0a000001;
        mask->u32 = 0xffffff00;
        v->u32 &= mask->u32;
        break;
    case OFP_F_ARP_TPA:
        v->u32 = 0x0a000002;
        mask->u32 = 0xff0000ff;
        v->u32 &= mask->u32;
        break;
    case OFP_F_ARP_SHA:
        memcpy(v->mac, "\x00\x11\x22\x33\x44\x55", 6);
        memcpy(mask->mac, "\xff\xff\xff\x00\x00\x00", 6);
        break;
    case OFP_F_ARP_THA:
        memcpy(v->mac, "\x00\x66\x77\x88\x99\xaa", 6);
        memcpy(mask->mac, "\x00\xff\xff\xff\xff\xff", 6);
        break;
    case OFP_F_IPV6_SRC:
        memcpy(v->bytes, ipv6_a, 16);
        memcpy(mask->bytes, ipv6_p64, 16);
        break;
    case OFP_F_IPV6_DST:
        memcpy(v->bytes, ipv6_b, 16);
        memcpy(mask->bytes, ipv6_odd, 16);
        break;
    case OFP_F_IPV6_FLABEL: v->u32 = 0x12345; mask->u32 = 0xff; break;
    case OFP_F_ICMPV6_TYPE: v->u8 = 128; break;
    case OFP_F_ICMPV6_CODE: v->u8 = 0; break;
    case OFP_F_IPV6_ND_TARGET:
        memcpy(v->bytes, ipv6_b, 16);
        memcpy(mask->bytes, ipv6_p64, 16);
        break;
    case OFP_F_IPV6_ND_SLL:
        memcpy(v->mac, "\x52\x54\x00\x00\x00\x01", 6);
        memcpy(mask->mac, "\xff\xff\xff\x00\x00\x00", 6);
        break;
    case OFP_F_IPV6_ND_TLL:
        memcpy(v->mac, "\x52\x54\x00\x00\x00\x02", 6);
        memcpy(mask->mac, "\x00\x00\x00\xff\xff\xff", 6);
        break;
    case OFP_F_MPLS_LABEL: v->u32 = 1000; break;
    case OFP_F_MPLS_TC: v->u8 = 5; break;
    case OFP_F_MPLS_BOS: v->u8 = 1; break;
    case OFP_F_PBB_ISID: v->u32 = 0x123456; mask->u32 = 0xffff00; break;
    case OFP_F_TUNNEL_ID: v->u64 = 0x1234; mask->u64 = 0xffff; break;
    case OFP_F_IPV6_EXTHDR: v->u16 = 0x0100; mask->u16 = 0x0180; break;
    case OFP_F_TUN_IPV4_SRC:
        v->u32 = 0xc0000200;            /* 192.0.2.0/24 */
        mask->u32 = 0xffffff00;
        break;
    case OFP_F_TUN_IPV4_DST:
        v->u32 = 0xc6336407;            /* 198.51.100.7 */
        mask->u32 = 0xffff00ff;
        v->u32 &= mask->u32;
        break;
    case OFP_F_CT_STATE: v->u32 = 0x21; mask->u32 = 0x23; break;
    case OFP_F_CT_ZONE: v->u16 = 10; break;
    case OFP_F_CT_MARK: v->u32 = 0x5; mask->u32 = 0xff; break;
    case OFP_F_CT_LABEL:
        v->bytes[14] = 0x12;
        v->bytes[15] = 0x34;
        memset(mask->bytes + 8, 0xff, 8);
        break;
    case OFP_F_CONJ_ID: v->u32 = 42; break;
    default:
        if (f >= OFP_F_REG0 && f <= OFP_F_REG15) {
            v->u32 = 0xdead0000u + (f - OFP_F_REG0);
            mask->u32 = 0xffff00ffu;
            v->u32 &= mask->u32;
        }
        break;
    }
}

/* Adds to 'm' the prerequisites of field 'f' (eth_type, ip_proto, ...). */
static void
match_add_prereqs(struct ofp_match *m, enum ofp_field f)
{
    uint16_t eth = 0;
    uint8_t proto = 0;
    int icmpv6_type = -1;

    switch (f) {
    case OFP_F_IN_PHY_PORT:
        ofp_match_set_u32(m, OFP_F_IN_PORT, 7);
        break;
    case OFP_F_VLAN_PCP:
        ofp_match_set_u16(m, OFP_F_VLAN_VID, OFPVID_PRESENT | 100);
        break;
    case OFP_F_IP_DSCP: case OFP_F_IP_PROTO:
    case OFP_F_IPV4_SRC: case OFP_F_IPV4_DST:
        eth = 0x0800;
        break;
    case OFP_F_IP_ECN:
        eth = 0x86dd;
        break;
    case OFP_F_TCP_SRC: case OFP_F_TCP_DST:
        eth = f == OFP_F_TCP_SRC ? 0x86dd : 0x0800;
        proto = 6;
        break;
    case OFP_F_UDP_SRC: case OFP_F_UDP_DST:
        eth = f == OFP_F_UDP_SRC ? 0x0800 : 0x86dd;
        proto = 17;
        break;
    case OFP_F_SCTP_SRC: case OFP_F_SCTP_DST:
        eth = f == OFP_F_SCTP_SRC ? 0x0800 : 0x86dd;
        proto = 132;
        break;
    case OFP_F_ICMPV4_TYPE: case OFP_F_ICMPV4_CODE:
        eth = 0x0800;
        proto = 1;
        break;
    case OFP_F_ARP_OP: case OFP_F_ARP_SPA: case OFP_F_ARP_TPA:
    case OFP_F_ARP_SHA: case OFP_F_ARP_THA:
        eth = 0x0806;
        break;
    case OFP_F_IPV6_SRC: case OFP_F_IPV6_DST: case OFP_F_IPV6_FLABEL:
    case OFP_F_IPV6_EXTHDR:
        eth = 0x86dd;
        break;
    case OFP_F_ICMPV6_TYPE: case OFP_F_ICMPV6_CODE:
        eth = 0x86dd;
        proto = 58;
        break;
    case OFP_F_IPV6_ND_TARGET: case OFP_F_IPV6_ND_SLL:
        eth = 0x86dd;
        proto = 58;
        icmpv6_type = 135;
        break;
    case OFP_F_IPV6_ND_TLL:
        eth = 0x86dd;
        proto = 58;
        icmpv6_type = 136;
        break;
    case OFP_F_MPLS_LABEL: case OFP_F_MPLS_TC:
        eth = 0x8847;
        break;
    case OFP_F_MPLS_BOS:
        eth = 0x8848;
        break;
    case OFP_F_PBB_ISID:
        eth = 0x88e7;
        break;
    default:
        break;
    }
    if (eth) {
        ofp_match_set_u16(m, OFP_F_ETH_TYPE, eth);
    }
    if (proto) {
        ofp_match_set_u8(m, OFP_F_IP_PROTO, proto);
    }
    if (icmpv6_type >= 0) {
        ofp_match_set_u8(m, OFP_F_ICMPV6_TYPE, icmpv6_type);
    }
}

/* Builds in 'm' a match on field 'f' (masked if 'masked') plus its
 * prerequisites. */
static void
match_sample_match(struct ofp_match *m, enum ofp_field f, bool masked)
{
    union ofp_field_value v, mask;

    ofp_match_init(m);
    match_add_prereqs(m, f);
    match_sample(f, &v, &mask);
    ofp_match_set(m, f, &v, masked ? &mask : NULL);
}

#ifndef CONF_MATCH_SAMPLES_ONLY
#include "ofp/ofp-msgs.h"
#include "tests/conformance.h"

/* Fields that Open vSwitch 3.1 does not know, so a FLOW_MOD matching on
 * them fails to decode there (OFPBMC_BAD_FIELD): in_phy_port, pbb_isid,
 * ipv6_exthdr.  They are covered by tests/test-match.c instead. */
static bool
ovs_rejects(enum ofp_field f)
{
    return f == OFP_F_IN_PHY_PORT || f == OFP_F_PBB_ISID
           || f == OFP_F_IPV6_EXTHDR;
}

/* Emits one FLOW_MOD ADD carrying 'm'. */
static void
emit_flow_mod(conf_emit_fn *emit, const char *name, const struct ofp_match *m,
              unsigned n)
{
    struct ofp_flow_mod fm;
    struct ofpbuf b = OFPBUF_INITIALIZER;

    ofp_flow_mod_init(&fm);
    fm.match = *m;
    fm.table_id = n % 7;
    fm.priority = 100 + 37 * n;
    fm.cookie = 0x1000 + n;
    ofp_encode_flow_mod(&fm, 0x100 + n, &b);
    emit(name, &b);
    ofpbuf_uninit(&b);
}

void
conf_match_cases(conf_emit_fn *emit)
{
    unsigned n = 0;
    char name[64];

    for (enum ofp_field f = 0; f < OFP_N_FIELDS; f++) {
        const struct ofp_field_info *fi = ofp_field_info(f);
        struct ofp_match m;

        if (ovs_rejects(f)) {
            continue;
        }
        match_sample_match(&m, f, false);
        snprintf(name, sizeof name, "match/%s", fi->name);
        emit_flow_mod(emit, name, &m, n++);
        if (fi->maskable) {
            match_sample_match(&m, f, true);
            snprintf(name, sizeof name, "match/%s/masked", fi->name);
            emit_flow_mod(emit, name, &m, n++);
        }
    }

    /* A few combinations that exercise the shorthand and VLAN folding. */
    {
        struct ofp_match m;
        uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

        ofp_match_init(&m);
        emit_flow_mod(emit, "match/empty", &m, n++);

        ofp_match_set_u32(&m, OFP_F_IN_PORT, 0xfffffffe);
        ofp_match_set_u16(&m, OFP_F_VLAN_VID, OFPVID_PRESENT | 10);
        ofp_match_set_u8(&m, OFP_F_VLAN_PCP, 3);
        ofp_match_set_mac(&m, OFP_F_ETH_DST, mac);
        emit_flow_mod(emit, "match/combo/vlan_pcp_local", &m, n++);

        ofp_match_init(&m);
        ofp_match_set_u16(&m, OFP_F_VLAN_VID, OFPVID_NONE);
        emit_flow_mod(emit, "match/combo/vlan_none", &m, n++);

        ofp_match_init(&m);
        {
            union ofp_field_value v = { .u64 = 0 }, mk = { .u64 = 0 };
            v.u16 = OFPVID_PRESENT;
            mk.u16 = OFPVID_PRESENT;
            ofp_match_set(&m, OFP_F_VLAN_VID, &v, &mk);
            ofp_match_set_u8(&m, OFP_F_VLAN_PCP, 7);
        }
        emit_flow_mod(emit, "match/combo/any_vlan_pcp", &m, n++);

        ofp_match_init(&m);
        ofp_match_set_u16(&m, OFP_F_ETH_TYPE, 0x0800);
        ofp_match_set_u8(&m, OFP_F_IP_PROTO, 6);
        ofp_match_set_ipv4_prefix(&m, OFP_F_IPV4_SRC, 0x0a000000, 8);
        ofp_match_set_u32(&m, OFP_F_IPV4_DST, 0x0a000001);
        ofp_match_set_u16(&m, OFP_F_TCP_DST, 22);
        ofp_match_set_u8(&m, OFP_F_IP_DSCP, 10);
        ofp_match_set_u32(&m, OFP_F_REG0 + 5, 0);
        emit_flow_mod(emit, "match/combo/tcp_5tuple", &m, n++);

        ofp_match_init(&m);
        ofp_match_set_u16(&m, OFP_F_ETH_TYPE, 0x8035);
        ofp_match_set_u16(&m, OFP_F_ARP_OP, 3);
        emit_flow_mod(emit, "match/combo/rarp", &m, n++);

        ofp_match_init(&m);
        ofp_match_set_u16(&m, OFP_F_ETH_TYPE, 0x0800);
        ofp_match_set_u8(&m, OFP_F_IP_PROTO, 6);
        ofp_match_set_u32(&m, OFP_F_CT_STATE, 0x22);
        ofp_match_set_u16(&m, OFP_F_CT_ZONE, 0);
        emit_flow_mod(emit, "match/combo/ct_exact", &m, n++);

        ofp_match_init(&m);
        ofp_match_set_u32(&m, OFP_F_IN_PORT, 0xfffffffd);
        ofp_match_set_u64(&m, OFP_F_METADATA, 0);
        ofp_match_set_u64(&m, OFP_F_TUNNEL_ID, 0);
        emit_flow_mod(emit, "match/combo/controller_zero", &m, n++);
    }
}
#endif /* !CONF_MATCH_SAMPLES_ONLY */
