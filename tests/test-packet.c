/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Tests for ofp/ofp-packet: every builder's frame parsed back field by
 * field, checksums recomputed here independently, every truncation of every
 * frame, IPv6 extension header chains, and hostile length fields. */

#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-match.h"
#include "ofp/ofp-packet.h"
#include "tests/tap.h"

static const uint8_t mac_a[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x0a };
static const uint8_t mac_b[6] = { 0x52, 0x54, 0x00, 0x00, 0x00, 0x0b };
static const uint8_t mac_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t mac_zero[6];

#define IP_A 0x0a000001u        /* 10.0.0.1 */
#define IP_B 0x0a000002u        /* 10.0.0.2 */

/* The RFC 1071 sum over 'n' bytes, written independently of the library:
 * a plain byte-pair loop folded at the end. */
static uint16_t
ref_csum(const uint8_t *p, size_t n)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += i % 2 ? p[i] : (uint64_t) p[i] << 8;
    }
    while (sum >> 16) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return (uint16_t) ~sum;
}

/* Verifies an IPv4 transport checksum over the pseudo-header: the sum of
 * pseudo-header plus segment (checksum included) must be all ones. */
static bool
l4_csum_ok(const uint8_t *ip, const uint8_t *l4, size_t l4_len)
{
    uint8_t *buf = malloc(12 + l4_len);
    memcpy(buf, ip + 12, 8);
    buf[8] = 0;
    buf[9] = ip[9];
    buf[10] = l4_len >> 8;
    buf[11] = l4_len;
    memcpy(buf + 12, l4, l4_len);
    bool ok = ref_csum(buf, 12 + l4_len) == 0;
    free(buf);
    return ok;
}

/* Parses a private heap copy of exactly 'len' bytes, so that AddressSanitizer
 * catches any read past the end. */
static void
parse_copy(const uint8_t *frame, size_t len, struct ofp_packet *pkt,
           uint8_t **copy)
{
    *copy = malloc(len ? len : 1);
    if (len) {
        memcpy(*copy, frame, len);
    }
    ofp_packet_parse(*copy, len, pkt);
}

/* Header boundaries of a test frame: bytes needed for each complete layer
 * (0 if the frame has no such layer) and the prefix length below which the
 * parser must say "truncated". */
struct layout {
    size_t l2, l3, l4;
    size_t trunc_end;
    size_t clean_at;            /* A shorter length that is not truncated
                                 * (e.g. ND without its options), or 0. */
};

/* Expected layer for a 'len'-byte prefix of a frame with layout 'lo'. */
static enum ofp_pkt_layer
expected_layer(const struct layout *lo, size_t len)
{
    if (lo->l4 && len >= lo->l4) {
        return OFP_PKT_LAYER_L4;
    } else if (lo->l3 && len >= lo->l3) {
        return OFP_PKT_LAYER_L3;
    } else if (lo->l2 && len >= lo->l2) {
        return OFP_PKT_LAYER_L2;
    }
    return OFP_PKT_LAYER_NONE;
}

/* Parses every prefix 0..len of 'frame' and checks the layer reached and
 * the truncation flag, and that no prefix is called malformed. */
static void
check_truncations(const char *name, const uint8_t *frame, size_t len,
                  const struct layout *lo)
{
    size_t bad_layer = SIZE_MAX, bad_flag = SIZE_MAX, bad_mal = SIZE_MAX;
    enum ofp_pkt_layer got_layer = OFP_PKT_LAYER_NONE;

    for (size_t i = 0; i <= len; i++) {
        struct ofp_packet pkt;
        uint8_t *copy;
        parse_copy(frame, i, &pkt, &copy);
        if (pkt.layer != expected_layer(lo, i) && bad_layer == SIZE_MAX) {
            bad_layer = i;
            got_layer = pkt.layer;
        }
        bool trunc = (pkt.flags & OFP_PKT_F_TRUNCATED) != 0;
        bool want = (i < lo->trunc_end
                     && !(lo->clean_at && i == lo->clean_at));
        if (trunc != want && bad_flag == SIZE_MAX) {
            bad_flag = i;
        }
        if (pkt.flags & OFP_PKT_F_MALFORMED && bad_mal == SIZE_MAX) {
            bad_mal = i;
        }
        free(copy);
    }
    if (!tap_ok(bad_layer == SIZE_MAX,
                "%s: every prefix 0..%zu reports the right last layer",
                name, len)) {
        tap_diag("at length %zu: got %s, want %s", bad_layer,
                 ofp_pkt_layer_name(got_layer),
                 ofp_pkt_layer_name(expected_layer(lo, bad_layer)));
    }
    if (!tap_ok(bad_flag == SIZE_MAX,
                "%s: truncated flag set exactly below %zu bytes%s",
                name, lo->trunc_end,
                lo->clean_at ? " (except where options start)" : "")) {
        tap_diag("first wrong at length %zu", bad_flag);
    }
    if (!tap_ok(bad_mal == SIZE_MAX, "%s: no prefix is called malformed",
                name)) {
        tap_diag("first at length %zu", bad_mal);
    }
}

/* Checks the Ethernet and VLAN part of a parsed builder frame. */
static void
check_eth(const char *name, const struct ofp_packet *p,
          const struct ofp_pkt_eth_spec *eth, uint16_t eth_type)
{
    tap_ok(!memcmp(p->eth_dst, eth->dst, 6), "%s: eth_dst", name);
    tap_ok(!memcmp(p->eth_src, eth->src, 6), "%s: eth_src", name);
    TAP_INT_EQ(p->eth_type, eth_type, "%s: eth_type", name);
    TAP_INT_EQ(p->n_vlans, eth->vlan ? 1 : 0, "%s: n_vlans", name);
    if (eth->vlan) {
        TAP_INT_EQ(p->vlans[0].tpid, 0x8100, "%s: vlan tpid", name);
        TAP_INT_EQ(p->vlans[0].vid, eth->vlan_vid, "%s: vlan vid", name);
        TAP_INT_EQ(p->vlans[0].pcp, eth->vlan_pcp, "%s: vlan pcp", name);
    }
    TAP_INT_EQ(p->l2_ofs, 0, "%s: l2_ofs", name);
    TAP_INT_EQ(p->l3_ofs, eth->vlan ? 18 : 14, "%s: l3_ofs", name);
}

/* Checks the IPv4 header of a parsed builder frame, including an
 * independent check of its checksum. */
static void
check_ipv4(const char *name, const struct ofp_packet *p,
           const struct ofp_pkt_ipv4_spec *ip, uint8_t proto, size_t l4_len)
{
    const uint8_t *h = p->data + p->l3_ofs;
    TAP_INT_EQ(p->l3, OFP_PKT_L3_IPV4, "%s: l3 is IPv4", name);
    TAP_INT_EQ(p->ipv4_src, ip->src, "%s: ipv4_src", name);
    TAP_INT_EQ(p->ipv4_dst, ip->dst, "%s: ipv4_dst", name);
    TAP_INT_EQ(p->ip_proto, proto, "%s: ip_proto", name);
    TAP_INT_EQ(p->ip_ttl, ip->ttl ? ip->ttl : 64, "%s: ttl", name);
    TAP_INT_EQ(p->ip_tos, ip->tos, "%s: tos", name);
    TAP_INT_EQ(p->ip_id, ip->id, "%s: ip id", name);
    TAP_INT_EQ(p->ip_len, 20 + l4_len, "%s: ip total length", name);
    TAP_INT_EQ(p->ip_frag_flags, ip->dont_fragment ? OFP_IP_DF : 0,
               "%s: fragment flags", name);
    TAP_INT_EQ(p->ip_frag_off, 0, "%s: fragment offset", name);
    tap_ok(!(p->flags & (OFP_PKT_F_FRAGMENT | OFP_PKT_F_TRUNCATED
                         | OFP_PKT_F_MALFORMED)),
           "%s: no fragment/truncated/malformed flag", name);
    TAP_INT_EQ(p->l4_ofs, p->l3_ofs + 20, "%s: l4_ofs", name);
    tap_ok(ref_csum(h, 20) == 0 && ofp_get_be16(h + 10) != 0,
           "%s: IPv4 header checksum verifies", name);
}

/* ARP request or reply, tagged or not: build, parse back, truncate. */
static void
test_arp(bool vlan, uint16_t op)
{
    char name[64];
    snprintf(name, sizeof name, "arp %s%s",
             op == OFP_ARP_OP_REQUEST ? "request" : "reply",
             vlan ? " vlan" : "");
    struct ofp_pkt_eth_spec eth = { .vlan = vlan, .vlan_vid = 100,
                                    .vlan_pcp = 5 };
    memcpy(eth.src, mac_a, 6);
    memcpy(eth.dst, op == OFP_ARP_OP_REQUEST ? mac_bcast : mac_b, 6);

    struct ofpbuf b = OFPBUF_INITIALIZER;
    ofpbuf_put(&b, "junk", 4);      /* Builders append. */
    size_t n = ofp_packet_build_arp(&b, &eth, op, mac_a, IP_A,
                                    op == OFP_ARP_OP_REQUEST ? NULL : mac_b,
                                    IP_B);
    TAP_INT_EQ(n, (vlan ? 46 : 42), "%s: frame length", name);
    TAP_INT_EQ(b.size, n + 4, "%s: appended after existing data", name);
    const uint8_t *frame = b.data + 4;

    struct ofp_packet p;
    ofp_packet_parse(frame, n, &p);
    check_eth(name, &p, &eth, OFP_ETH_TYPE_ARP);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L3, "%s: layer l3", name);
    TAP_INT_EQ(p.l3, OFP_PKT_L3_ARP, "%s: l3 is ARP", name);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_NONE, "%s: no l4", name);
    TAP_INT_EQ(p.flags, 0, "%s: no flags", name);
    TAP_INT_EQ(p.arp_op, op, "%s: arp_op", name);
    tap_ok(!memcmp(p.arp_sha, mac_a, 6), "%s: arp_sha", name);
    TAP_INT_EQ(p.arp_spa, IP_A, "%s: arp_spa", name);
    tap_ok(!memcmp(p.arp_tha, op == OFP_ARP_OP_REQUEST ? mac_zero : mac_b,
                   6), "%s: arp_tha", name);
    TAP_INT_EQ(p.arp_tpa, IP_B, "%s: arp_tpa", name);
    TAP_INT_EQ(p.l4_ofs, OFP_PKT_OFS_NONE, "%s: no l4 offset", name);

    size_t l2 = vlan ? 18 : 14;
    struct layout lo = { l2, l2 + 28, 0, l2 + 28, 0 };
    check_truncations(name, frame, n, &lo);
    ofpbuf_uninit(&b);
}

static const uint8_t payload7[7] = { 'a', 'b', 'c', 'd', 'e', 'f', 'g' };

/* ICMP echo request or reply: fields, both checksums, truncations. */
static void
test_icmp(bool vlan, bool reply)
{
    char name[64];
    snprintf(name, sizeof name, "icmp echo %s%s",
             reply ? "reply" : "request", vlan ? " vlan" : "");
    struct ofp_pkt_eth_spec eth = { .vlan = vlan, .vlan_vid = 4094,
                                    .vlan_pcp = 7 };
    memcpy(eth.src, mac_a, 6);
    memcpy(eth.dst, mac_b, 6);
    struct ofp_pkt_ipv4_spec ip = { .src = IP_A, .dst = IP_B, .ttl = 0,
                                    .tos = 0x10, .id = 0x1234,
                                    .dont_fragment = true };
    struct ofpbuf b = OFPBUF_INITIALIZER;
    size_t n = ofp_packet_build_icmp_echo(&b, &eth, &ip, reply, 0xbeef, 7,
                                          payload7, sizeof payload7);
    size_t l2 = vlan ? 18 : 14;
    TAP_INT_EQ(n, l2 + 20 + 8 + 7, "%s: frame length", name);

    struct ofp_packet p;
    ofp_packet_parse(b.data, n, &p);
    check_eth(name, &p, &eth, OFP_ETH_TYPE_IPV4);
    check_ipv4(name, &p, &ip, OFP_IPPROTO_ICMP, 15);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L4, "%s: layer l4", name);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_ICMP, "%s: l4 is ICMP", name);
    TAP_INT_EQ(p.icmp_type, reply ? 0 : 8, "%s: icmp type", name);
    TAP_INT_EQ(p.icmp_code, 0, "%s: icmp code", name);
    TAP_INT_EQ(p.icmp_id, 0xbeef, "%s: echo id", name);
    TAP_INT_EQ(p.icmp_seq, 7, "%s: echo seq", name);
    TAP_INT_EQ(p.payload_ofs, l2 + 28, "%s: payload offset", name);
    TAP_INT_EQ(p.payload_len, 7, "%s: payload length", name);
    tap_ok(!memcmp(p.data + p.payload_ofs, payload7, 7), "%s: payload",
           name);
    tap_ok(ref_csum(b.data + l2 + 20, 15) == 0,
           "%s: ICMP checksum verifies", name);

    struct layout lo = { l2, l2 + 20, l2 + 28, l2 + 28, 0 };
    check_truncations(name, b.data, n, &lo);
    ofpbuf_uninit(&b);
}

/* UDP over IPv4: fields, pseudo-header checksum, truncations. */
static void
test_udp(bool vlan, size_t payload_len)
{
    char name[64];
    snprintf(name, sizeof name, "udp %zu-byte payload%s", payload_len,
             vlan ? " vlan" : "");
    struct ofp_pkt_eth_spec eth = { .vlan = vlan, .vlan_vid = 1 };
    memcpy(eth.src, mac_b, 6);
    memcpy(eth.dst, mac_a, 6);
    struct ofp_pkt_ipv4_spec ip = { .src = 0xc0a80001, .dst = 0xffffffff,
                                    .ttl = 1 };
    struct ofpbuf b = OFPBUF_INITIALIZER;
    size_t n = ofp_packet_build_udp(&b, &eth, &ip, 68, 67, payload7,
                                    payload_len);
    size_t l2 = vlan ? 18 : 14;
    TAP_INT_EQ(n, l2 + 28 + payload_len, "%s: frame length", name);

    struct ofp_packet p;
    ofp_packet_parse(b.data, n, &p);
    check_eth(name, &p, &eth, OFP_ETH_TYPE_IPV4);
    check_ipv4(name, &p, &ip, OFP_IPPROTO_UDP, 8 + payload_len);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_UDP, "%s: l4 is UDP", name);
    TAP_INT_EQ(p.tp_src, 68, "%s: udp src", name);
    TAP_INT_EQ(p.tp_dst, 67, "%s: udp dst", name);
    TAP_INT_EQ(p.udp_len, 8 + payload_len, "%s: udp length", name);
    TAP_INT_EQ(p.payload_len, payload_len, "%s: payload length", name);
    const uint8_t *l4 = b.data + l2 + 20;
    tap_ok(ofp_get_be16(l4 + 6) != 0
           && l4_csum_ok(b.data + l2, l4, 8 + payload_len),
           "%s: UDP checksum (with pseudo-header) verifies", name);

    struct layout lo = { l2, l2 + 20, l2 + 28, l2 + 28, 0 };
    check_truncations(name, b.data, n, &lo);
    ofpbuf_uninit(&b);
}

/* TCP over IPv4: fields, checksum, truncations and the derived match. */
static void
test_tcp(bool vlan)
{
    char name[64];
    snprintf(name, sizeof name, "tcp%s", vlan ? " vlan" : "");
    struct ofp_pkt_eth_spec eth = { .vlan = vlan, .vlan_vid = 42,
                                    .vlan_pcp = 3 };
    memcpy(eth.src, mac_a, 6);
    memcpy(eth.dst, mac_b, 6);
    struct ofp_pkt_ipv4_spec ip = { .src = IP_A, .dst = 0xac100001,
                                    .ttl = 200, .id = 9 };
    struct ofpbuf b = OFPBUF_INITIALIZER;
    size_t n = ofp_packet_build_tcp(&b, &eth, &ip, 40000, 443, 0x01020304,
                                    0xa0b0c0d0, OFP_TCP_SYN | OFP_TCP_ACK,
                                    29200, payload7, 5);
    size_t l2 = vlan ? 18 : 14;
    TAP_INT_EQ(n, l2 + 40 + 5, "%s: frame length", name);

    struct ofp_packet p;
    ofp_packet_parse(b.data, n, &p);
    check_eth(name, &p, &eth, OFP_ETH_TYPE_IPV4);
    check_ipv4(name, &p, &ip, OFP_IPPROTO_TCP, 25);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L4, "%s: layer l4", name);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_TCP, "%s: l4 is TCP", name);
    TAP_INT_EQ(p.tp_src, 40000, "%s: tcp src", name);
    TAP_INT_EQ(p.tp_dst, 443, "%s: tcp dst", name);
    TAP_INT_EQ(p.tcp_seq, 0x01020304, "%s: seq", name);
    TAP_INT_EQ(p.tcp_ack, 0xa0b0c0d0, "%s: ack", name);
    TAP_INT_EQ(p.tcp_flags, OFP_TCP_SYN | OFP_TCP_ACK, "%s: flags", name);
    TAP_INT_EQ(p.tcp_doff, 20, "%s: data offset", name);
    TAP_INT_EQ(p.tcp_window, 29200, "%s: window", name);
    TAP_INT_EQ(p.payload_ofs, l2 + 40, "%s: payload offset", name);
    TAP_INT_EQ(p.payload_len, 5, "%s: payload length", name);
    const uint8_t *l4 = b.data + l2 + 20;
    tap_ok(l4_csum_ok(b.data + l2, l4, 25),
           "%s: TCP checksum (with pseudo-header, odd length) verifies",
           name);

    struct layout lo = { l2, l2 + 20, l2 + 40, l2 + 40, 0 };
    check_truncations(name, b.data, n, &lo);

    /* The match an app would install for this packet. */
    struct ofp_match m;
    ofp_packet_to_match(&p, 7, &m);
    TAP_INT_EQ(m.v.in_port, 7, "%s match: in_port", name);
    tap_ok(ofp_match_has(&m, OFP_F_ETH_SRC)
           && !memcmp(m.v.eth_src, mac_a, 6), "%s match: eth_src", name);
    tap_ok(ofp_match_has(&m, OFP_F_ETH_DST)
           && !memcmp(m.v.eth_dst, mac_b, 6), "%s match: eth_dst", name);
    TAP_INT_EQ(m.v.eth_type, 0x0800, "%s match: eth_type", name);
    tap_ok(ofp_match_has(&m, OFP_F_VLAN_VID), "%s match: vlan_vid set",
           name);
    TAP_INT_EQ(m.v.vlan_vid, vlan ? (OFPVID_PRESENT | 42) : OFPVID_NONE,
               "%s match: vlan_vid value", name);
    TAP_INT_EQ(ofp_match_has(&m, OFP_F_VLAN_PCP), vlan,
               "%s match: vlan_pcp only when tagged", name);
    TAP_INT_EQ(m.v.ip_proto, 6, "%s match: ip_proto", name);
    TAP_INT_EQ(m.v.ipv4_src, IP_A, "%s match: ipv4_src", name);
    TAP_INT_EQ(m.v.ipv4_dst, 0xac100001, "%s match: ipv4_dst", name);
    TAP_INT_EQ(m.v.tcp_src, 40000, "%s match: tcp_src", name);
    TAP_INT_EQ(m.v.tcp_dst, 443, "%s match: tcp_dst", name);
    TAP_INT_EQ(m.masked, 0, "%s match: nothing masked", name);
    TAP_INT_EQ(ofp_match_check_prereqs(&m), 0,
               "%s match: prerequisites hold", name);
    ofpbuf_uninit(&b);
}

/* ---- Hand-built frames. ---------------------------------------------- */

/* Appends an Ethernet header. */
static void
put_eth(struct ofpbuf *b, uint16_t type)
{
    ofpbuf_put(b, mac_b, 6);
    ofpbuf_put(b, mac_a, 6);
    ofpbuf_put_be16(b, type);
}

static const uint8_t ip6_a[16] = { 0xfe, 0x80, [15] = 1 };
static const uint8_t ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

/* Appends an IPv6 header. */
static void
put_ipv6(struct ofpbuf *b, uint8_t nh, uint16_t plen)
{
    ofpbuf_put_be32(b, 6u << 28 | 0xa5u << 20 | 0x12345);
    ofpbuf_put_be16(b, plen);
    ofpbuf_put_u8(b, nh);
    ofpbuf_put_u8(b, 255);
    ofpbuf_put(b, ip6_a, 16);
    ofpbuf_put(b, ip6_b, 16);
}

/* Appends a generic 8*(len8+1)-byte extension header. */
static void
put_ext(struct ofpbuf *b, uint8_t nh, uint8_t len8)
{
    ofpbuf_put_u8(b, nh);
    ofpbuf_put_u8(b, len8);
    ofpbuf_put_zeros(b, 6 + 8 * (size_t) len8);
}

/* IPv6 with five extension headers, then the same as a later fragment. */
static void
test_ipv6_ext_chain(void)
{
    const char *name = "ipv6 hop+routing+dstopts+frag+AH chain then udp";
    struct ofpbuf b = OFPBUF_INITIALIZER;
    put_eth(&b, OFP_ETH_TYPE_IPV6);
    /* 8 + 24 + 16 + 8 (frag) + 16 (AH, len 2 -> 16) + 8 UDP + 3 data. */
    put_ipv6(&b, OFP_IPPROTO_HOPOPTS, 8 + 24 + 16 + 8 + 16 + 8 + 3);
    put_ext(&b, OFP_IPPROTO_ROUTING, 0);
    put_ext(&b, OFP_IPPROTO_DSTOPTS, 2);
    put_ext(&b, OFP_IPPROTO_FRAGMENT, 1);
    /* Fragment header: offset 0, M=1, id 0x11223344. */
    ofpbuf_put_u8(&b, OFP_IPPROTO_AH);
    ofpbuf_put_u8(&b, 0);
    ofpbuf_put_be16(&b, 0x0001);
    ofpbuf_put_be32(&b, 0x11223344);
    /* AH: payload len 2 -> (2 + 2) * 4 = 16 bytes. */
    ofpbuf_put_u8(&b, OFP_IPPROTO_UDP);
    ofpbuf_put_u8(&b, 2);
    ofpbuf_put_zeros(&b, 14);
    size_t l4 = b.size;
    ofpbuf_put_be16(&b, 546);
    ofpbuf_put_be16(&b, 547);
    ofpbuf_put_be16(&b, 11);
    ofpbuf_put_be16(&b, 0);
    ofpbuf_put(&b, "xyz", 3);

    struct ofp_packet p;
    ofp_packet_parse(b.data, b.size, &p);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L4, "%s: layer l4", name);
    TAP_INT_EQ(p.l3, OFP_PKT_L3_IPV6, "%s: l3 is IPv6", name);
    tap_ok(!memcmp(p.ipv6_src, ip6_a, 16), "%s: ipv6_src", name);
    tap_ok(!memcmp(p.ipv6_dst, ip6_b, 16), "%s: ipv6_dst", name);
    TAP_INT_EQ(p.ipv6_flabel, 0x12345, "%s: flow label", name);
    TAP_INT_EQ(p.ip_tos, 0xa5, "%s: traffic class", name);
    TAP_INT_EQ(p.ip_ttl, 255, "%s: hop limit", name);
    TAP_INT_EQ(p.n_ipv6_ext, 5, "%s: five extension headers", name);
    TAP_INT_EQ(p.ip_proto, OFP_IPPROTO_UDP, "%s: upper protocol", name);
    TAP_INT_EQ(p.flags, OFP_PKT_F_FRAGMENT,
               "%s: first fragment flagged, nothing else", name);
    TAP_INT_EQ(p.ip_frag_flags, OFP_IP_MF, "%s: more-fragments", name);
    TAP_INT_EQ(p.ip_id, 0x3344, "%s: fragment id low bits", name);
    TAP_INT_EQ(p.l4_ofs, l4, "%s: l4 offset after the chain", name);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_UDP, "%s: l4 is UDP", name);
    TAP_INT_EQ(p.tp_src, 546, "%s: udp src", name);
    TAP_INT_EQ(p.tp_dst, 547, "%s: udp dst", name);
    TAP_INT_EQ(p.payload_len, 3, "%s: payload length", name);

    struct layout lo = { 14, l4, l4 + 8, l4 + 8, 0 };
    check_truncations(name, b.data, b.size, &lo);

    struct ofp_match m;
    ofp_packet_to_match(&p, 1, &m);
    tap_ok(ofp_match_has(&m, OFP_F_IPV6_SRC)
           && !memcmp(m.v.ipv6_src, ip6_a, 16), "%s match: ipv6_src", name);
    TAP_INT_EQ(m.v.udp_dst, 547, "%s match: udp_dst", name);
    TAP_INT_EQ(ofp_match_check_prereqs(&m), 0,
               "%s match: prerequisites hold", name);

    /* A later fragment stops after the fragment header. */
    b.data[14 + 40 + 8 + 24 + 16 + 2] = 0x01;     /* Offset 32 * 8. */
    ofp_packet_parse(b.data, b.size, &p);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L3, "%s, later fragment: layer l3",
               name);
    TAP_INT_EQ(p.flags, OFP_PKT_F_FRAGMENT | OFP_PKT_F_LATER_FRAG,
               "%s, later fragment: flags", name);
    TAP_INT_EQ(p.ip_frag_off, 32,
               "%s, later fragment: offset", name);
    TAP_INT_EQ(p.ip_proto, OFP_IPPROTO_AH,
               "%s, later fragment: next header is the fragment's", name);
    TAP_INT_EQ(p.l4_ofs, OFP_PKT_OFS_NONE, "%s, later fragment: no l4",
               name);
    ofpbuf_uninit(&b);
}

/* IPv6 extension headers whose lengths lie, and too many of them. */
static void
test_ipv6_ext_overrun(void)
{
    const char *name = "ipv6 dstopts length overruns the frame";
    struct ofpbuf b = OFPBUF_INITIALIZER;
    put_eth(&b, OFP_ETH_TYPE_IPV6);
    put_ipv6(&b, OFP_IPPROTO_DSTOPTS, 16);
    put_ext(&b, OFP_IPPROTO_TCP, 0);
    b.data[b.size - 7] = 200;           /* Claims 1608 bytes. */
    ofpbuf_put_zeros(&b, 8);

    struct ofp_packet p;
    uint8_t *copy;
    parse_copy(b.data, b.size, &p, &copy);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L2, "%s: stops at l2", name);
    TAP_INT_EQ(p.l3, OFP_PKT_L3_NONE, "%s: l3 not complete", name);
    tap_ok(p.flags & OFP_PKT_F_TRUNCATED, "%s: truncated", name);
    free(copy);

    /* Within the frame but beyond the payload length: malformed. */
    b.data[b.size - 15] = 1;            /* 16 bytes: fits the frame... */
    ofp_put_be16(b.data + 18, 8);       /* ...but not payload length 8. */
    parse_copy(b.data, b.size, &p, &copy);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L2,
               "ipv6 ext beyond payload length: stops at l2");
    tap_ok(p.flags & OFP_PKT_F_MALFORMED
           && !(p.flags & OFP_PKT_F_TRUNCATED),
           "ipv6 ext beyond payload length: malformed, not truncated");
    free(copy);
    ofpbuf_uninit(&b);

    /* Too many extension headers. */
    b = (struct ofpbuf) OFPBUF_INITIALIZER;
    put_eth(&b, OFP_ETH_TYPE_IPV6);
    put_ipv6(&b, OFP_IPPROTO_DSTOPTS, 8 * 12);
    for (int i = 0; i < 12; i++) {
        put_ext(&b, OFP_IPPROTO_DSTOPTS, 0);
    }
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && p.flags & OFP_PKT_F_MALFORMED,
           "ipv6 with 12 extension headers: bounded, malformed, l2");
    ofpbuf_uninit(&b);
}

/* Builds an ND NS (with SLL) or NA (with TLL) message. */
static void
build_nd(struct ofpbuf *b, bool na)
{
    put_eth(b, OFP_ETH_TYPE_IPV6);
    put_ipv6(b, OFP_IPPROTO_ICMPV6, 32);
    ofpbuf_put_u8(b, na ? OFP_ICMPV6_ND_NA : OFP_ICMPV6_ND_NS);
    ofpbuf_put_u8(b, 0);
    ofpbuf_put_be16(b, 0x1234);
    ofpbuf_put_be32(b, na ? 0x60000000 : 0);
    ofpbuf_put(b, ip6_b, 16);
    ofpbuf_put_u8(b, na ? 2 : 1);
    ofpbuf_put_u8(b, 1);
    ofpbuf_put(b, mac_a, 6);
}

/* ICMPv6 Neighbor Solicitation or Advertisement with its link-layer option. */
static void
test_nd(bool na)
{
    const char *name = na ? "icmpv6 neighbor advertisement"
                          : "icmpv6 neighbor solicitation";
    struct ofpbuf b = OFPBUF_INITIALIZER;
    build_nd(&b, na);

    struct ofp_packet p;
    ofp_packet_parse(b.data, b.size, &p);
    TAP_INT_EQ(p.layer, OFP_PKT_LAYER_L4, "%s: layer l4", name);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_ICMPV6, "%s: l4 is ICMPv6", name);
    TAP_INT_EQ(p.icmp_type, na ? 136 : 135, "%s: type", name);
    TAP_INT_EQ(p.icmp_code, 0, "%s: code", name);
    tap_ok(!memcmp(p.nd_target, ip6_b, 16), "%s: target", name);
    if (na) {
        tap_ok(!memcmp(p.nd_tll, mac_a, 6) && p.flags & OFP_PKT_F_ND_TLL,
               "%s: tll option", name);
        tap_ok(!memcmp(p.nd_sll, mac_zero, 6), "%s: no sll", name);
    } else {
        tap_ok(!memcmp(p.nd_sll, mac_a, 6) && p.flags & OFP_PKT_F_ND_SLL,
               "%s: sll option", name);
        tap_ok(!memcmp(p.nd_tll, mac_zero, 6), "%s: no tll", name);
    }
    struct layout lo = { 14, 54, 78, 86, 78 };
    check_truncations(name, b.data, b.size, &lo);

    struct ofp_match m;
    ofp_packet_to_match(&p, 3, &m);
    tap_ok(ofp_match_has(&m, OFP_F_IPV6_ND_TARGET)
           && !memcmp(m.v.ipv6_nd_target, ip6_b, 16),
           "%s match: nd_target", name);
    tap_ok(na ? !memcmp(m.v.ipv6_nd_tll, mac_a, 6)
              : !memcmp(m.v.ipv6_nd_sll, mac_a, 6),
           "%s match: nd link-layer address", name);
    TAP_INT_EQ(ofp_match_check_prereqs(&m), 0,
               "%s match: prerequisites hold", name);

    /* Found by the fuzzer: with a nonzero code the message is not ND, so
     * the match must carry no nd_* field (its prerequisites need code 0). */
    b.data[55] = 1;
    ofp_packet_parse(b.data, b.size, &p);
    ofp_packet_to_match(&p, 3, &m);
    tap_ok(!ofp_match_has(&m, OFP_F_IPV6_ND_TARGET)
           && !ofp_match_check_prereqs(&m),
           "%s with code 1: no nd_target, prerequisites hold", name);
    b.data[55] = 0;

    /* An option of length 0 is malformed, and must not loop. */
    b.data[b.size - 7] = 0;
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L4 && p.flags & OFP_PKT_F_MALFORMED,
           "%s: zero-length option is malformed", name);
    ofpbuf_uninit(&b);
}

/* ICMPv6 echo: id and sequence. */
static void
test_icmpv6_echo(void)
{
    const char *name = "icmpv6 echo request";
    struct ofpbuf b = OFPBUF_INITIALIZER;
    put_eth(&b, OFP_ETH_TYPE_IPV6);
    put_ipv6(&b, OFP_IPPROTO_ICMPV6, 8);
    ofpbuf_put_u8(&b, OFP_ICMPV6_ECHO_REQUEST);
    ofpbuf_put_u8(&b, 0);
    ofpbuf_put_be16(&b, 0);
    ofpbuf_put_be16(&b, 0x55);
    ofpbuf_put_be16(&b, 0x66);
    struct ofp_packet p;
    ofp_packet_parse(b.data, b.size, &p);
    TAP_INT_EQ(p.l4, OFP_PKT_L4_ICMPV6, "%s: l4 is ICMPv6", name);
    TAP_INT_EQ(p.icmp_id, 0x55, "%s: id", name);
    TAP_INT_EQ(p.icmp_seq, 0x66, "%s: seq", name);
    struct layout lo = { 14, 54, 62, 62, 0 };
    check_truncations(name, b.data, b.size, &lo);
    ofpbuf_uninit(&b);
}

/* Appends an IPv4 header by hand with the given version/ihl byte. */
static void
put_raw_ipv4(struct ofpbuf *b, uint8_t vihl, uint16_t tot_len,
             uint16_t frag, uint8_t proto)
{
    ofpbuf_put_u8(b, vihl);
    ofpbuf_put_u8(b, 0);
    ofpbuf_put_be16(b, tot_len);
    ofpbuf_put_be16(b, 1);
    ofpbuf_put_be16(b, frag);
    ofpbuf_put_u8(b, 64);
    ofpbuf_put_u8(b, proto);
    ofpbuf_put_be16(b, 0);
    ofpbuf_put_be32(b, IP_A);
    ofpbuf_put_be32(b, IP_B);
}

/* Hostile IPv4 and TCP length fields, fragments, SCTP. */
static void
test_ipv4_bad(void)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_packet p;
    uint8_t *copy;

    for (int ihl = 0; ihl < 5; ihl++) {
        ofpbuf_clear(&b);
        put_eth(&b, OFP_ETH_TYPE_IPV4);
        put_raw_ipv4(&b, 0x40 | ihl, 40, 0, OFP_IPPROTO_TCP);
        ofpbuf_put_zeros(&b, 20);
        parse_copy(b.data, b.size, &p, &copy);
        tap_ok(p.layer == OFP_PKT_LAYER_L2 && p.l3 == OFP_PKT_L3_NONE
               && p.flags == OFP_PKT_F_MALFORMED,
               "ipv4 ihl=%d (< 5): malformed, stops at l2", ihl);
        free(copy);
    }

    /* ihl 15 = 60 bytes, but only 30 bytes of IP in the frame. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x4f, 80, 0, OFP_IPPROTO_TCP);
    ofpbuf_put_zeros(&b, 10);
    parse_copy(b.data, b.size, &p, &copy);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && p.l3 == OFP_PKT_L3_NONE
           && p.flags == OFP_PKT_F_TRUNCATED,
           "ipv4 ihl=15 beyond the frame: truncated, stops at l2");
    free(copy);

    /* ihl 6 with options and a total length below ihl. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x46, 20, 0, OFP_IPPROTO_UDP);
    ofpbuf_put_zeros(&b, 4 + 8);
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && p.flags == OFP_PKT_F_MALFORMED,
           "ipv4 total length below ihl: malformed");

    /* ihl 6 with options, UDP after them. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x46, 24 + 8, 0, OFP_IPPROTO_UDP);
    ofpbuf_put_be32(&b, 0x01010101);        /* NOP options. */
    ofpbuf_put_be16(&b, 53);
    ofpbuf_put_be16(&b, 5353);
    ofpbuf_put_be16(&b, 8);
    ofpbuf_put_be16(&b, 0);
    ofpbuf_put_zeros(&b, 14);               /* Ethernet padding. */
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.l4 == OFP_PKT_L4_UDP && p.l4_ofs == 14 + 24 && p.tp_dst == 5353,
           "ipv4 with options: UDP found after them");
    TAP_INT_EQ(p.payload_len, 0,
               "ipv4 payload length ignores Ethernet padding");

    /* TCP header beyond the IP total length but within the frame. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x45, 20 + 10, 0, OFP_IPPROTO_TCP);
    ofpbuf_put_zeros(&b, 20);
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L3 && p.flags == OFP_PKT_F_MALFORMED,
           "tcp beyond ip total length: malformed, stops at l3");

    /* TCP data offset < 5 and beyond the frame. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x45, 40, 0, OFP_IPPROTO_TCP);
    ofpbuf_put_zeros(&b, 20);
    b.data[14 + 20 + 12] = 0x40;
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L3 && p.flags == OFP_PKT_F_MALFORMED,
           "tcp data offset 4: malformed, stops at l3");
    b.data[14 + 20 + 12] = 0xf0;
    parse_copy(b.data, b.size, &p, &copy);
    tap_ok(p.layer == OFP_PKT_LAYER_L3 && p.flags == OFP_PKT_F_TRUNCATED,
           "tcp data offset 15 beyond the frame: truncated, stops at l3");
    free(copy);

    /* Later IPv4 fragment: no L4 even though the bytes would parse. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x45, 40, 0x2000 | 185, OFP_IPPROTO_TCP);
    ofpbuf_put_zeros(&b, 20);
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L3 && p.l4 == OFP_PKT_L4_NONE
           && p.flags == (OFP_PKT_F_FRAGMENT | OFP_PKT_F_LATER_FRAG),
           "ipv4 later fragment: l3 only, flagged");
    TAP_INT_EQ(p.ip_frag_off, 185, "ipv4 later fragment: offset");
    TAP_INT_EQ(p.ip_frag_flags, OFP_IP_MF, "ipv4 later fragment: MF");
    TAP_INT_EQ(p.payload_ofs, 34, "ipv4 later fragment: payload at IP data");
    struct layout lo = { 14, 34, 0, 34, 0 };
    check_truncations("ipv4 later fragment", b.data, b.size, &lo);
    struct ofp_match m;
    ofp_packet_to_match(&p, 1, &m);
    tap_ok(ofp_match_has(&m, OFP_F_IP_PROTO)
           && !ofp_match_has(&m, OFP_F_TCP_DST),
           "ipv4 later fragment match: ip_proto but no ports");

    /* First fragment: L4 parsed, fragment flagged. */
    b.data[14 + 6] = 0x20;
    b.data[14 + 7] = 0;
    b.data[14 + 20 + 12] = 0x50;
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.l4 == OFP_PKT_L4_TCP && p.flags == OFP_PKT_F_FRAGMENT,
           "ipv4 first fragment: tcp parsed, fragment flagged");

    /* SCTP. */
    ofpbuf_clear(&b);
    put_eth(&b, OFP_ETH_TYPE_IPV4);
    put_raw_ipv4(&b, 0x45, 32, 0, OFP_IPPROTO_SCTP);
    ofpbuf_put_be16(&b, 3868);
    ofpbuf_put_be16(&b, 2905);
    ofpbuf_put_zeros(&b, 8);
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.l4 == OFP_PKT_L4_SCTP && p.tp_src == 3868 && p.tp_dst == 2905,
           "sctp ports");
    lo = (struct layout) { 14, 34, 46, 46, 0 };
    check_truncations("sctp", b.data, b.size, &lo);
    ofp_packet_to_match(&p, 1, &m);
    tap_ok(m.v.sctp_src == 3868 && m.v.sctp_dst == 2905
           && !ofp_match_check_prereqs(&m), "sctp match");

    /* Wrong IP version under ethertype 0x0800. */
    b.data[14] = 0x65;
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && p.flags == OFP_PKT_F_MALFORMED,
           "version 6 under ethertype IPv4: malformed");
    ofpbuf_uninit(&b);
}

/* An 802.1ad outer tag plus an 802.1Q inner tag, and a third tag. */
static void
test_vlan_double(void)
{
    const char *name = "802.1ad + 802.1Q double tag, ARP inside";
    struct ofpbuf b = OFPBUF_INITIALIZER;
    ofpbuf_put(&b, mac_bcast, 6);
    ofpbuf_put(&b, mac_a, 6);
    ofpbuf_put_be16(&b, OFP_ETH_TYPE_QINQ);
    ofpbuf_put_be16(&b, 6 << 13 | 1 << 12 | 300);
    ofpbuf_put_be16(&b, OFP_ETH_TYPE_VLAN);
    ofpbuf_put_be16(&b, 2 << 13 | 10);
    struct ofp_pkt_eth_spec eth = { .vlan = false };
    struct ofpbuf arp = OFPBUF_INITIALIZER;
    ofp_packet_build_arp(&arp, &eth, OFP_ARP_OP_REQUEST, mac_a, IP_A, NULL,
                         IP_B);
    ofpbuf_put(&b, arp.data + 12, arp.size - 12);     /* Type + ARP. */
    size_t l3 = 22;
    ofpbuf_uninit(&arp);

    struct ofp_packet p;
    ofp_packet_parse(b.data, b.size, &p);
    TAP_INT_EQ(p.n_vlans, 2, "%s: two tags", name);
    TAP_INT_EQ(p.vlans[0].tpid, 0x88a8, "%s: outer tpid", name);
    TAP_INT_EQ(p.vlans[0].vid, 300, "%s: outer vid", name);
    TAP_INT_EQ(p.vlans[0].pcp, 6, "%s: outer pcp", name);
    TAP_INT_EQ(p.vlans[0].dei, 1, "%s: outer dei", name);
    TAP_INT_EQ(p.vlans[1].tpid, 0x8100, "%s: inner tpid", name);
    TAP_INT_EQ(p.vlans[1].vid, 10, "%s: inner vid", name);
    TAP_INT_EQ(p.vlans[1].pcp, 2, "%s: inner pcp", name);
    TAP_INT_EQ(p.eth_type, OFP_ETH_TYPE_ARP, "%s: inner ethertype", name);
    TAP_INT_EQ(p.l3_ofs, l3, "%s: l3 offset", name);
    TAP_INT_EQ(p.l3, OFP_PKT_L3_ARP, "%s: ARP parsed", name);
    TAP_INT_EQ(p.arp_tpa, IP_B, "%s: arp_tpa", name);
    struct layout lo = { l3, l3 + 28, 0, l3 + 28, 0 };
    check_truncations(name, b.data, b.size, &lo);

    struct ofp_match m;
    ofp_packet_to_match(&p, 2, &m);
    TAP_INT_EQ(m.v.vlan_vid, OFPVID_PRESENT | 300,
               "%s match: outer vid", name);
    TAP_INT_EQ(m.v.arp_op, 1, "%s match: arp_op", name);
    TAP_INT_EQ(m.v.arp_spa, IP_A, "%s match: arp_spa", name);
    TAP_INT_EQ(m.v.arp_tpa, IP_B, "%s match: arp_tpa", name);
    tap_ok(!memcmp(m.v.arp_sha, mac_a, 6), "%s match: arp_sha", name);
    TAP_INT_EQ(ofp_match_check_prereqs(&m), 0,
               "%s match: prerequisites hold", name);

    /* A third tag is not walked: the frame ends at L2. */
    ofpbuf_clear(&b);
    ofpbuf_put(&b, mac_bcast, 6);
    ofpbuf_put(&b, mac_a, 6);
    for (int i = 0; i < 3; i++) {
        ofpbuf_put_be16(&b, OFP_ETH_TYPE_VLAN);
        ofpbuf_put_be16(&b, i + 1);
    }
    ofpbuf_put_be16(&b, OFP_ETH_TYPE_IPV4);
    ofpbuf_put_zeros(&b, 20);
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.n_vlans == 2 && p.eth_type == OFP_ETH_TYPE_VLAN
           && p.layer == OFP_PKT_LAYER_L2 && !p.flags,
           "triple tag: two tags walked, stops at l2");
    ofpbuf_uninit(&b);
}

/* Empty and non-IP frames, and the checksum helper. */
static void
test_misc(void)
{
    struct ofp_packet p;
    ofp_packet_parse(NULL, 0, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_NONE && p.flags == OFP_PKT_F_TRUNCATED
           && p.l2_ofs == OFP_PKT_OFS_NONE,
           "empty frame: nothing, truncated");

    /* Unknown ethertype: complete at L2, no payload. */
    uint8_t frame[20] = { [12] = 0x88, [13] = 0xcc };
    ofp_packet_parse(frame, sizeof frame, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && !p.flags
           && p.eth_type == 0x88cc && p.l3_ofs == OFP_PKT_OFS_NONE,
           "LLDP ethertype: l2 only");

    /* Non-Ethernet ARP is left alone. */
    struct ofp_pkt_eth_spec eth = { .vlan = false };
    struct ofpbuf b = OFPBUF_INITIALIZER;
    ofp_packet_build_arp(&b, &eth, 1, mac_a, IP_A, NULL, IP_B);
    b.data[15] = 6;                      /* htype 6 (IEEE 802). */
    ofp_packet_parse(b.data, b.size, &p);
    tap_ok(p.layer == OFP_PKT_LAYER_L2 && !p.flags,
           "ARP with htype 6: l2 only, not an error");
    ofpbuf_uninit(&b);

    TAP_STR_EQ(ofp_pkt_layer_name(OFP_PKT_LAYER_L3), "l3", "layer name");

    /* Checksum helper against a known value (RFC 1071 example). */
    static const uint8_t ex[8] = { 0x00, 0x01, 0xf2, 0x03,
                                   0xf4, 0xf5, 0xf6, 0xf7 };
    TAP_INT_EQ(ofp_csum_finish(ofp_csum_add(0, ex, 8)), (uint16_t) ~0xddf2,
               "ofp_csum matches the RFC 1071 example");
    TAP_INT_EQ(ofp_csum_finish(ofp_csum_add(ofp_csum_add(0, ex, 4),
                                            ex + 4, 4)),
               (uint16_t) ~0xddf2, "ofp_csum accumulates in pieces");

    /* A large buffer does not overflow the running sum. */
    size_t big = 300001;
    uint8_t *bytes = malloc(big);
    for (size_t i = 0; i < big; i++) {
        bytes[i] = i % 3 ? 0xff : (uint8_t) (i * 7);
    }
    TAP_INT_EQ(ofp_csum_finish(ofp_csum_add(0, bytes, big)),
               ref_csum(bytes, big), "ofp_csum on 300 kB, odd length");
    free(bytes);
}

/* Runs every packet test and prints the TAP plan. */
int
main(void)
{
    test_arp(false, OFP_ARP_OP_REQUEST);
    test_arp(true, OFP_ARP_OP_REQUEST);
    test_arp(false, OFP_ARP_OP_REPLY);
    test_arp(true, OFP_ARP_OP_REPLY);
    test_icmp(false, false);
    test_icmp(true, true);
    test_udp(false, 7);
    test_udp(true, 0);
    test_tcp(false);
    test_tcp(true);
    test_ipv6_ext_chain();
    test_ipv6_ext_overrun();
    test_nd(false);
    test_nd(true);
    test_icmpv6_echo();
    test_ipv4_bad();
    test_vlan_double();
    test_misc();
    return tap_done();
}
