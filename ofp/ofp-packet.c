/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-packet.h"

#include <string.h>

/* ---- Checksums. ------------------------------------------------------ */

/* Folds a running sum back into 17 bits so that it can never overflow. */
static uint32_t
csum_fold17(uint32_t sum)
{
    while (sum > 0x1ffff) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum;
}

/* Adds big-endian 16-bit words to the running sum, folding as it goes. */
uint32_t
ofp_csum_add(uint32_t partial, const void *data_, size_t len)
{
    const uint8_t *p = data_;
    uint32_t sum = csum_fold17(partial);
    size_t i;

    for (i = 0; i + 1 < len; i += 2) {
        sum += ofp_get_be16(p + i);
        if (sum >= 0x80000000u) {
            sum = csum_fold17(sum);
        }
    }
    if (i < len) {
        sum += (uint32_t) p[i] << 8;
    }
    return csum_fold17(sum);
}

/* Folds the running sum to 16 bits and complements it. */
uint16_t
ofp_csum_finish(uint32_t partial)
{
    while (partial >> 16) {
        partial = (partial & 0xffff) + (partial >> 16);
    }
    return (uint16_t) ~partial;
}

/* ---- Parsing. -------------------------------------------------------- */

/* Records that a header did not fit before 'end': when 'end' is the end of
 * the frame the frame was cut short, otherwise the IP length field lied. */
static void
short_header(struct ofp_packet *pkt, size_t end)
{
    pkt->flags |= end >= pkt->len ? OFP_PKT_F_TRUNCATED : OFP_PKT_F_MALFORMED;
}

/* Parses Ethernet and up to OFP_PKT_MAX_VLANS tags.  Returns false if the
 * L2 header is incomplete. */
static bool
parse_l2(struct ofp_reader *r, struct ofp_packet *pkt)
{
    const uint8_t *eth;
    if (!ofp_reader_pull(r, OFP_ETH_HEADER_LEN, &eth)) {
        pkt->flags |= OFP_PKT_F_TRUNCATED;
        return false;
    }
    memcpy(pkt->eth_dst, eth, 6);
    memcpy(pkt->eth_src, eth + 6, 6);
    pkt->eth_type = ofp_get_be16(eth + 12);

    while ((pkt->eth_type == OFP_ETH_TYPE_VLAN
            || pkt->eth_type == OFP_ETH_TYPE_QINQ)
           && pkt->n_vlans < OFP_PKT_MAX_VLANS) {
        const uint8_t *tag;
        if (!ofp_reader_pull(r, OFP_VLAN_HEADER_LEN, &tag)) {
            pkt->flags |= OFP_PKT_F_TRUNCATED;
            return false;
        }
        struct ofp_pkt_vlan *v = &pkt->vlans[pkt->n_vlans++];
        uint16_t tci = ofp_get_be16(tag);
        v->tpid = pkt->eth_type;
        v->vid = tci & 0x0fff;
        v->pcp = tci >> 13;
        v->dei = (tci >> 12) & 1;
        pkt->eth_type = ofp_get_be16(tag + 2);
    }
    pkt->l2_ofs = 0;
    pkt->layer = OFP_PKT_LAYER_L2;
    return true;
}

/* Parses an Ethernet/IPv4 ARP packet.  Other hardware or protocol types
 * are left unparsed. */
static void
parse_arp(struct ofp_reader *r, struct ofp_packet *pkt)
{
    const uint8_t *a;
    if (!ofp_reader_pull(r, OFP_ARP_ETH_IPV4_LEN, &a)) {
        pkt->flags |= OFP_PKT_F_TRUNCATED;
        return;
    }
    if (ofp_get_be16(a) != 1 || ofp_get_be16(a + 2) != OFP_ETH_TYPE_IPV4
        || a[4] != 6 || a[5] != 4) {
        return;
    }
    pkt->arp_op = ofp_get_be16(a + 6);
    memcpy(pkt->arp_sha, a + 8, 6);
    pkt->arp_spa = ofp_get_be32(a + 14);
    memcpy(pkt->arp_tha, a + 18, 6);
    pkt->arp_tpa = ofp_get_be32(a + 24);
    pkt->l3 = OFP_PKT_L3_ARP;
    pkt->layer = OFP_PKT_LAYER_L3;
}

/* Sets the payload to everything from 'ofs' to 'end'. */
static void
set_payload(struct ofp_packet *pkt, size_t ofs, size_t end)
{
    pkt->payload_ofs = ofs;
    pkt->payload_len = end > ofs ? end - ofs : 0;
}

/* Parses ICMPv6 Neighbor Discovery options after an NS or NA. */
static void
parse_nd_options(struct ofp_reader *r, struct ofp_packet *pkt, size_t end)
{
    while (ofp_reader_left(r)) {
        const uint8_t *opt = ofp_reader_cur(r);
        if (ofp_reader_left(r) < 2) {
            short_header(pkt, end);
            return;
        }
        size_t opt_len = (size_t) opt[1] * 8;
        if (!opt_len) {
            pkt->flags |= OFP_PKT_F_MALFORMED;
            return;
        }
        if (!ofp_reader_pull(r, opt_len, &opt)) {
            short_header(pkt, end);
            return;
        }
        if (opt_len == 8) {
            if (opt[0] == 1 && pkt->icmp_type == OFP_ICMPV6_ND_NS
                && !(pkt->flags & OFP_PKT_F_ND_SLL)) {
                memcpy(pkt->nd_sll, opt + 2, 6);
                pkt->flags |= OFP_PKT_F_ND_SLL;
            } else if (opt[0] == 2 && pkt->icmp_type == OFP_ICMPV6_ND_NA
                       && !(pkt->flags & OFP_PKT_F_ND_TLL)) {
                memcpy(pkt->nd_tll, opt + 2, 6);
                pkt->flags |= OFP_PKT_F_ND_TLL;
            }
        }
    }
}

/* Parses ICMP (IPv4) or ICMPv6 at the reader's position. */
static void
parse_icmp(struct ofp_reader *r, struct ofp_packet *pkt, size_t end,
           bool v6)
{
    const uint8_t *h;
    if (!ofp_reader_pull(r, OFP_ICMP_HEADER_LEN, &h)) {
        short_header(pkt, end);
        return;
    }
    pkt->icmp_type = h[0];
    pkt->icmp_code = h[1];
    bool echo = v6 ? (h[0] == OFP_ICMPV6_ECHO_REQUEST
                      || h[0] == OFP_ICMPV6_ECHO_REPLY)
                   : (h[0] == OFP_ICMP_ECHO_REQUEST
                      || h[0] == OFP_ICMP_ECHO_REPLY);
    if (echo) {
        pkt->icmp_id = ofp_get_be16(h + 4);
        pkt->icmp_seq = ofp_get_be16(h + 6);
    }
    /* Like Open vSwitch, only code 0 makes an ND message: the match
     * prerequisites of nd_target/nd_sll/nd_tll demand it. */
    if (v6 && h[1] == 0
        && (h[0] == OFP_ICMPV6_ND_NS || h[0] == OFP_ICMPV6_ND_NA)) {
        const uint8_t *target;
        if (!ofp_reader_pull(r, 16, &target)) {
            short_header(pkt, end);
            return;
        }
        memcpy(pkt->nd_target, target, 16);
        pkt->l4 = OFP_PKT_L4_ICMPV6;
        pkt->layer = OFP_PKT_LAYER_L4;
        set_payload(pkt, pkt->l4_ofs + OFP_ND_HEADER_LEN, end);
        parse_nd_options(r, pkt, end);
        return;
    }
    pkt->l4 = v6 ? OFP_PKT_L4_ICMPV6 : OFP_PKT_L4_ICMP;
    pkt->layer = OFP_PKT_LAYER_L4;
    set_payload(pkt, pkt->l4_ofs + OFP_ICMP_HEADER_LEN, end);
}

/* Parses the transport header for 'pkt->ip_proto' over [l4_ofs, end). */
static void
parse_l4(struct ofp_packet *pkt, size_t end, bool v6)
{
    struct ofp_reader r;
    const uint8_t *h;

    ofp_reader_init(&r, pkt->data + pkt->l4_ofs, end - pkt->l4_ofs);
    switch (pkt->ip_proto) {
    case OFP_IPPROTO_TCP:
        if (!ofp_reader_pull(&r, OFP_TCP_HEADER_LEN, &h)) {
            short_header(pkt, end);
            return;
        }
        size_t doff = (size_t) (h[12] >> 4) * 4;
        if (doff < OFP_TCP_HEADER_LEN) {
            pkt->flags |= OFP_PKT_F_MALFORMED;
            return;
        }
        if (!ofp_reader_skip(&r, doff - OFP_TCP_HEADER_LEN)) {
            short_header(pkt, end);
            return;
        }
        pkt->tp_src = ofp_get_be16(h);
        pkt->tp_dst = ofp_get_be16(h + 2);
        pkt->tcp_seq = ofp_get_be32(h + 4);
        pkt->tcp_ack = ofp_get_be32(h + 8);
        pkt->tcp_doff = doff;
        pkt->tcp_flags = (uint16_t) ((h[12] & 1) << 8 | h[13]);
        pkt->tcp_window = ofp_get_be16(h + 14);
        pkt->l4 = OFP_PKT_L4_TCP;
        pkt->layer = OFP_PKT_LAYER_L4;
        set_payload(pkt, pkt->l4_ofs + doff, end);
        break;

    case OFP_IPPROTO_UDP:
        if (!ofp_reader_pull(&r, OFP_UDP_HEADER_LEN, &h)) {
            short_header(pkt, end);
            return;
        }
        pkt->tp_src = ofp_get_be16(h);
        pkt->tp_dst = ofp_get_be16(h + 2);
        pkt->udp_len = ofp_get_be16(h + 4);
        pkt->l4 = OFP_PKT_L4_UDP;
        pkt->layer = OFP_PKT_LAYER_L4;
        set_payload(pkt, pkt->l4_ofs + OFP_UDP_HEADER_LEN, end);
        break;

    case OFP_IPPROTO_SCTP:
        if (!ofp_reader_pull(&r, OFP_SCTP_HEADER_LEN, &h)) {
            short_header(pkt, end);
            return;
        }
        pkt->tp_src = ofp_get_be16(h);
        pkt->tp_dst = ofp_get_be16(h + 2);
        pkt->l4 = OFP_PKT_L4_SCTP;
        pkt->layer = OFP_PKT_LAYER_L4;
        set_payload(pkt, pkt->l4_ofs + OFP_SCTP_HEADER_LEN, end);
        break;

    case OFP_IPPROTO_ICMP:
        if (!v6) {
            parse_icmp(&r, pkt, end, false);
        }
        break;

    case OFP_IPPROTO_ICMPV6:
        if (v6) {
            parse_icmp(&r, pkt, end, true);
        }
        break;

    default:
        break;
    }
}

/* Parses an IPv4 header, its options and then L4 unless the packet is a
 * non-first fragment. */
static void
parse_ipv4(struct ofp_reader *r, struct ofp_packet *pkt)
{
    const uint8_t *h;
    if (ofp_reader_left(r) < OFP_IPV4_HEADER_LEN) {
        pkt->flags |= OFP_PKT_F_TRUNCATED;
        return;
    }
    h = ofp_reader_cur(r);
    size_t ihl = (size_t) (h[0] & 0x0f) * 4;
    uint16_t tot_len = ofp_get_be16(h + 2);
    if (h[0] >> 4 != 4 || ihl < OFP_IPV4_HEADER_LEN || tot_len < ihl) {
        pkt->flags |= OFP_PKT_F_MALFORMED;
        return;
    }
    if (!ofp_reader_pull(r, ihl, &h)) {
        pkt->flags |= OFP_PKT_F_TRUNCATED;
        return;
    }

    uint16_t frag = ofp_get_be16(h + 6);
    pkt->ip_tos = h[1];
    pkt->ip_len = tot_len;
    pkt->ip_id = ofp_get_be16(h + 4);
    pkt->ip_frag_flags = (frag >> 13) & (OFP_IP_DF | OFP_IP_MF);
    pkt->ip_frag_off = frag & 0x1fff;
    pkt->ip_ttl = h[8];
    pkt->ip_proto = h[9];
    pkt->ipv4_src = ofp_get_be32(h + 12);
    pkt->ipv4_dst = ofp_get_be32(h + 16);
    pkt->l3 = OFP_PKT_L3_IPV4;
    pkt->layer = OFP_PKT_LAYER_L3;

    size_t end = pkt->l3_ofs + tot_len;
    if (end > pkt->len) {
        end = pkt->len;
    }
    pkt->l4_ofs = pkt->l3_ofs + ihl;
    set_payload(pkt, pkt->l4_ofs, end);
    if (pkt->ip_frag_off || pkt->ip_frag_flags & OFP_IP_MF) {
        pkt->flags |= OFP_PKT_F_FRAGMENT;
        if (pkt->ip_frag_off) {
            pkt->flags |= OFP_PKT_F_LATER_FRAG;
            pkt->l4_ofs = OFP_PKT_OFS_NONE;
            return;
        }
    }
    parse_l4(pkt, end, false);
}

/* Returns true if 'nh' is an IPv6 extension header the parser skips. */
static bool
is_ipv6_ext(uint8_t nh)
{
    return (nh == OFP_IPPROTO_HOPOPTS || nh == OFP_IPPROTO_ROUTING
            || nh == OFP_IPPROTO_FRAGMENT || nh == OFP_IPPROTO_DSTOPTS
            || nh == OFP_IPPROTO_AH);
}

/* Parses an IPv6 header, skips its extension headers (at most
 * OFP_PKT_MAX_IPV6_EXT, each checked against the data left), then L4. */
static void
parse_ipv6(struct ofp_reader *r, struct ofp_packet *pkt)
{
    const uint8_t *h;
    if (!ofp_reader_pull(r, OFP_IPV6_HEADER_LEN, &h)) {
        pkt->flags |= OFP_PKT_F_TRUNCATED;
        return;
    }
    uint32_t vtf = ofp_get_be32(h);
    if (vtf >> 28 != 6) {
        pkt->flags |= OFP_PKT_F_MALFORMED;
        return;
    }
    pkt->ip_tos = (vtf >> 20) & 0xff;
    pkt->ipv6_flabel = vtf & 0xfffff;
    pkt->ip_len = ofp_get_be16(h + 4);
    pkt->ip_ttl = h[7];
    memcpy(pkt->ipv6_src, h + 8, 16);
    memcpy(pkt->ipv6_dst, h + 24, 16);

    /* A zero payload length (jumbogram) means "up to the frame's end". */
    size_t end = pkt->len;
    if (pkt->ip_len && pkt->l3_ofs + OFP_IPV6_HEADER_LEN + pkt->ip_len < end) {
        end = pkt->l3_ofs + OFP_IPV6_HEADER_LEN + pkt->ip_len;
    }
    struct ofp_reader ext;
    size_t ext_start = pkt->l3_ofs + OFP_IPV6_HEADER_LEN;
    ofp_reader_init(&ext, pkt->data + ext_start, end - ext_start);

    uint8_t nh = h[6];
    bool later_frag = false;
    while (is_ipv6_ext(nh)) {
        const uint8_t *e;
        if (pkt->n_ipv6_ext >= OFP_PKT_MAX_IPV6_EXT) {
            pkt->flags |= OFP_PKT_F_MALFORMED;
            return;
        }
        if (ofp_reader_left(&ext) < 8) {
            short_header(pkt, end);
            return;
        }
        e = ofp_reader_cur(&ext);
        size_t ext_len = (nh == OFP_IPPROTO_FRAGMENT ? 8
                          : nh == OFP_IPPROTO_AH ? ((size_t) e[1] + 2) * 4
                          : ((size_t) e[1] + 1) * 8);
        if (!ofp_reader_pull(&ext, ext_len, &e)) {
            short_header(pkt, end);
            return;
        }
        if (nh == OFP_IPPROTO_FRAGMENT) {
            uint16_t off = ofp_get_be16(e + 2);
            pkt->ip_frag_off = off >> 3;
            pkt->ip_frag_flags = off & 1 ? OFP_IP_MF : 0;
            pkt->ip_id = (uint16_t) ofp_get_be32(e + 4);
            pkt->flags |= OFP_PKT_F_FRAGMENT;
            if (pkt->ip_frag_off) {
                pkt->flags |= OFP_PKT_F_LATER_FRAG;
                later_frag = true;
            }
        }
        pkt->n_ipv6_ext++;
        nh = e[0];
        if (later_frag) {
            break;
        }
    }
    pkt->ip_proto = nh;
    pkt->l3 = OFP_PKT_L3_IPV6;
    pkt->layer = OFP_PKT_LAYER_L3;
    set_payload(pkt, ext_start + ext.ofs, end);
    if (later_frag) {
        return;
    }
    pkt->l4_ofs = ext_start + ext.ofs;
    parse_l4(pkt, end, true);
}

/* Parses layer by layer; each layer records itself only once complete. */
void
ofp_packet_parse(const uint8_t *data, size_t len, struct ofp_packet *pkt)
{
    struct ofp_reader r;

    memset(pkt, 0, sizeof *pkt);
    pkt->data = data;
    pkt->len = len;
    pkt->l2_ofs = pkt->l3_ofs = OFP_PKT_OFS_NONE;
    pkt->l4_ofs = pkt->payload_ofs = OFP_PKT_OFS_NONE;

    ofp_reader_init(&r, data, len);
    if (!parse_l2(&r, pkt)) {
        return;
    }
    pkt->l3_ofs = r.ofs;
    switch (pkt->eth_type) {
    case OFP_ETH_TYPE_ARP:
        parse_arp(&r, pkt);
        break;
    case OFP_ETH_TYPE_IPV4:
        parse_ipv4(&r, pkt);
        break;
    case OFP_ETH_TYPE_IPV6:
        parse_ipv6(&r, pkt);
        break;
    default:
        break;
    }
    if (pkt->l3 == OFP_PKT_L3_NONE) {
        pkt->l3_ofs = OFP_PKT_OFS_NONE;
    }
    if (pkt->l4 == OFP_PKT_L4_NONE) {
        pkt->l4_ofs = OFP_PKT_OFS_NONE;
        if (pkt->l3 != OFP_PKT_L3_IPV4 && pkt->l3 != OFP_PKT_L3_IPV6) {
            pkt->payload_ofs = OFP_PKT_OFS_NONE;
            pkt->payload_len = 0;
        }
    }
}

/* Names a layer for diagnostics. */
const char *
ofp_pkt_layer_name(enum ofp_pkt_layer layer)
{
    switch (layer) {
    case OFP_PKT_LAYER_NONE: return "none";
    case OFP_PKT_LAYER_L2: return "l2";
    case OFP_PKT_LAYER_L3: return "l3";
    case OFP_PKT_LAYER_L4: return "l4";
    }
    return "?";
}

/* ---- Packet to match. ------------------------------------------------ */

/* Sets a 16-byte field (IPv6 address) exactly. */
static void
match_set_bytes16(struct ofp_match *m, enum ofp_field f, const uint8_t *v)
{
    union ofp_field_value value;
    memset(&value, 0, sizeof value);
    memcpy(value.bytes, v, 16);
    ofp_match_set(m, f, &value, NULL);
}

/* Builds the exact match described in ofp-packet.h. */
void
ofp_packet_to_match(const struct ofp_packet *pkt, uint32_t in_port,
                    struct ofp_match *m)
{
    ofp_match_init(m);
    ofp_match_set_u32(m, OFP_F_IN_PORT, in_port);
    if (pkt->layer < OFP_PKT_LAYER_L2) {
        return;
    }
    ofp_match_set_mac(m, OFP_F_ETH_SRC, pkt->eth_src);
    ofp_match_set_mac(m, OFP_F_ETH_DST, pkt->eth_dst);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, pkt->eth_type);
    if (pkt->n_vlans) {
        ofp_match_set_u16(m, OFP_F_VLAN_VID,
                          OFPVID_PRESENT | pkt->vlans[0].vid);
        ofp_match_set_u8(m, OFP_F_VLAN_PCP, pkt->vlans[0].pcp);
    } else {
        ofp_match_set_u16(m, OFP_F_VLAN_VID, OFPVID_NONE);
    }

    switch (pkt->l3) {
    case OFP_PKT_L3_ARP:
        ofp_match_set_u16(m, OFP_F_ARP_OP, pkt->arp_op);
        ofp_match_set_u32(m, OFP_F_ARP_SPA, pkt->arp_spa);
        ofp_match_set_u32(m, OFP_F_ARP_TPA, pkt->arp_tpa);
        ofp_match_set_mac(m, OFP_F_ARP_SHA, pkt->arp_sha);
        ofp_match_set_mac(m, OFP_F_ARP_THA, pkt->arp_tha);
        return;
    case OFP_PKT_L3_IPV4:
        ofp_match_set_u8(m, OFP_F_IP_PROTO, pkt->ip_proto);
        ofp_match_set_u32(m, OFP_F_IPV4_SRC, pkt->ipv4_src);
        ofp_match_set_u32(m, OFP_F_IPV4_DST, pkt->ipv4_dst);
        break;
    case OFP_PKT_L3_IPV6:
        ofp_match_set_u8(m, OFP_F_IP_PROTO, pkt->ip_proto);
        match_set_bytes16(m, OFP_F_IPV6_SRC, pkt->ipv6_src);
        match_set_bytes16(m, OFP_F_IPV6_DST, pkt->ipv6_dst);
        ofp_match_set_u32(m, OFP_F_IPV6_FLABEL, pkt->ipv6_flabel);
        break;
    case OFP_PKT_L3_NONE:
    default:
        return;
    }

    switch (pkt->l4) {
    case OFP_PKT_L4_TCP:
        ofp_match_set_u16(m, OFP_F_TCP_SRC, pkt->tp_src);
        ofp_match_set_u16(m, OFP_F_TCP_DST, pkt->tp_dst);
        break;
    case OFP_PKT_L4_UDP:
        ofp_match_set_u16(m, OFP_F_UDP_SRC, pkt->tp_src);
        ofp_match_set_u16(m, OFP_F_UDP_DST, pkt->tp_dst);
        break;
    case OFP_PKT_L4_SCTP:
        ofp_match_set_u16(m, OFP_F_SCTP_SRC, pkt->tp_src);
        ofp_match_set_u16(m, OFP_F_SCTP_DST, pkt->tp_dst);
        break;
    case OFP_PKT_L4_ICMP:
        ofp_match_set_u8(m, OFP_F_ICMPV4_TYPE, pkt->icmp_type);
        ofp_match_set_u8(m, OFP_F_ICMPV4_CODE, pkt->icmp_code);
        break;
    case OFP_PKT_L4_ICMPV6:
        ofp_match_set_u8(m, OFP_F_ICMPV6_TYPE, pkt->icmp_type);
        ofp_match_set_u8(m, OFP_F_ICMPV6_CODE, pkt->icmp_code);
        if (pkt->icmp_code == 0
            && (pkt->icmp_type == OFP_ICMPV6_ND_NS
                || pkt->icmp_type == OFP_ICMPV6_ND_NA)) {
            match_set_bytes16(m, OFP_F_IPV6_ND_TARGET, pkt->nd_target);
            if (pkt->icmp_type == OFP_ICMPV6_ND_NS) {
                ofp_match_set_mac(m, OFP_F_IPV6_ND_SLL, pkt->nd_sll);
            } else {
                ofp_match_set_mac(m, OFP_F_IPV6_ND_TLL, pkt->nd_tll);
            }
        }
        break;
    case OFP_PKT_L4_NONE:
    default:
        break;
    }
}

/* ---- Builders. ------------------------------------------------------- */

/* Appends the Ethernet header (and tag) and returns the frame's start. */
static size_t
put_eth(struct ofpbuf *b, const struct ofp_pkt_eth_spec *eth,
        uint16_t eth_type)
{
    size_t start = b->size;
    ofpbuf_put(b, eth->dst, 6);
    ofpbuf_put(b, eth->src, 6);
    if (eth->vlan) {
        ofpbuf_put_be16(b, OFP_ETH_TYPE_VLAN);
        ofpbuf_put_be16(b, (uint16_t) ((eth->vlan_pcp & 7) << 13
                                       | (eth->vlan_vid & 0x0fff)));
    }
    ofpbuf_put_be16(b, eth_type);
    return start;
}

/* Builds an Ethernet/IPv4 ARP frame. */
size_t
ofp_packet_build_arp(struct ofpbuf *b, const struct ofp_pkt_eth_spec *eth,
                     uint16_t op, const uint8_t sha[6], uint32_t spa,
                     const uint8_t tha[6], uint32_t tpa)
{
    static const uint8_t zero_mac[6];
    size_t start = put_eth(b, eth, OFP_ETH_TYPE_ARP);

    ofpbuf_put_be16(b, 1);                  /* Ethernet. */
    ofpbuf_put_be16(b, OFP_ETH_TYPE_IPV4);
    ofpbuf_put_u8(b, 6);
    ofpbuf_put_u8(b, 4);
    ofpbuf_put_be16(b, op);
    ofpbuf_put(b, sha, 6);
    ofpbuf_put_be32(b, spa);
    ofpbuf_put(b, tha ? tha : zero_mac, 6);
    ofpbuf_put_be32(b, tpa);
    return b->size - start;
}

/* Appends an IPv4 header for 'l4_len' bytes of 'proto' and returns its
 * offset in 'b'; the checksum is filled in. */
static size_t
put_ipv4(struct ofpbuf *b, const struct ofp_pkt_ipv4_spec *ip,
         uint8_t proto, size_t l4_len)
{
    size_t ofs = b->size;
    uint8_t *h = ofpbuf_put_zeros(b, OFP_IPV4_HEADER_LEN);
    h[0] = 0x45;
    h[1] = ip->tos;
    ofp_put_be16(h + 2, (uint16_t) (OFP_IPV4_HEADER_LEN + l4_len));
    ofp_put_be16(h + 4, ip->id);
    ofp_put_be16(h + 6, ip->dont_fragment ? 0x4000 : 0);
    h[8] = ip->ttl ? ip->ttl : 64;
    h[9] = proto;
    ofp_put_be32(h + 12, ip->src);
    ofp_put_be32(h + 16, ip->dst);
    ofp_put_be16(h + 10, ofp_csum_finish(ofp_csum_add(0, h,
                                                      OFP_IPV4_HEADER_LEN)));
    return ofs;
}

/* Returns the partial sum of the IPv4 pseudo-header. */
static uint32_t
pseudo_header_sum(const struct ofp_pkt_ipv4_spec *ip, uint8_t proto,
                  size_t l4_len)
{
    uint8_t ph[12];
    ofp_put_be32(ph, ip->src);
    ofp_put_be32(ph + 4, ip->dst);
    ph[8] = 0;
    ph[9] = proto;
    ofp_put_be16(ph + 10, (uint16_t) l4_len);
    return ofp_csum_add(0, ph, sizeof ph);
}

/* Builds an ICMP echo frame; the ICMP checksum covers header and data. */
size_t
ofp_packet_build_icmp_echo(struct ofpbuf *b,
                           const struct ofp_pkt_eth_spec *eth,
                           const struct ofp_pkt_ipv4_spec *ip, bool reply,
                           uint16_t id, uint16_t seq,
                           const void *payload, size_t payload_len)
{
    size_t start = put_eth(b, eth, OFP_ETH_TYPE_IPV4);
    size_t l4_len = OFP_ICMP_HEADER_LEN + payload_len;
    put_ipv4(b, ip, OFP_IPPROTO_ICMP, l4_len);

    size_t l4 = b->size;
    uint8_t *h = ofpbuf_put_zeros(b, OFP_ICMP_HEADER_LEN);
    h[0] = reply ? OFP_ICMP_ECHO_REPLY : OFP_ICMP_ECHO_REQUEST;
    ofp_put_be16(h + 4, id);
    ofp_put_be16(h + 6, seq);
    ofpbuf_put(b, payload, payload_len);
    ofpbuf_set_be16(b, l4 + 2,
                    ofp_csum_finish(ofp_csum_add(0, b->data + l4, l4_len)));
    return b->size - start;
}

/* Builds a UDP frame; a zero checksum is sent as 0xffff (RFC 768). */
size_t
ofp_packet_build_udp(struct ofpbuf *b, const struct ofp_pkt_eth_spec *eth,
                     const struct ofp_pkt_ipv4_spec *ip,
                     uint16_t src_port, uint16_t dst_port,
                     const void *payload, size_t payload_len)
{
    size_t start = put_eth(b, eth, OFP_ETH_TYPE_IPV4);
    size_t l4_len = OFP_UDP_HEADER_LEN + payload_len;
    put_ipv4(b, ip, OFP_IPPROTO_UDP, l4_len);

    size_t l4 = b->size;
    ofpbuf_put_be16(b, src_port);
    ofpbuf_put_be16(b, dst_port);
    ofpbuf_put_be16(b, (uint16_t) l4_len);
    ofpbuf_put_be16(b, 0);
    ofpbuf_put(b, payload, payload_len);
    uint32_t sum = pseudo_header_sum(ip, OFP_IPPROTO_UDP, l4_len);
    uint16_t csum = ofp_csum_finish(ofp_csum_add(sum, b->data + l4, l4_len));
    ofpbuf_set_be16(b, l4 + 6, csum ? csum : 0xffff);
    return b->size - start;
}

/* Builds a TCP frame without options. */
size_t
ofp_packet_build_tcp(struct ofpbuf *b, const struct ofp_pkt_eth_spec *eth,
                     const struct ofp_pkt_ipv4_spec *ip,
                     uint16_t src_port, uint16_t dst_port,
                     uint32_t seq, uint32_t ack, uint16_t tcp_flags,
                     uint16_t window, const void *payload,
                     size_t payload_len)
{
    size_t start = put_eth(b, eth, OFP_ETH_TYPE_IPV4);
    size_t l4_len = OFP_TCP_HEADER_LEN + payload_len;
    put_ipv4(b, ip, OFP_IPPROTO_TCP, l4_len);

    size_t l4 = b->size;
    ofpbuf_put_be16(b, src_port);
    ofpbuf_put_be16(b, dst_port);
    ofpbuf_put_be32(b, seq);
    ofpbuf_put_be32(b, ack);
    ofpbuf_put_be16(b, (uint16_t) (5 << 12 | (tcp_flags & 0x1ff)));
    ofpbuf_put_be16(b, window);
    ofpbuf_put_be16(b, 0);                  /* Checksum. */
    ofpbuf_put_be16(b, 0);                  /* Urgent pointer. */
    ofpbuf_put(b, payload, payload_len);
    uint32_t sum = pseudo_header_sum(ip, OFP_IPPROTO_TCP, l4_len);
    ofpbuf_set_be16(b, l4 + 16,
                    ofp_csum_finish(ofp_csum_add(sum, b->data + l4, l4_len)));
    return b->size - start;
}
