/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-match.h"

#include <string.h>

/* The OXM match codec.
 *
 * Field facts (codes, lengths, maskability, writability) follow Open
 * vSwitch 3.1 (include/openvswitch/meta-flow.h): where OVS is more
 * permissive than the OpenFlow 1.3 spec (transport ports, nd_* are
 * maskable) we follow OVS, because OVS is the switch we drive.
 *
 * Decoding decisions, in the order the checks run for each TLV:
 *   - fewer than 4 bytes left, an experimenter TLV without room for its
 *     experimenter id, or a payload overrunning the list: OFPBMC_BAD_LEN;
 *   - an OXM basic (0x8000) field we do not know: OFPBMC_BAD_FIELD;
 *   - payload length other than the field's (twice it with hasmask):
 *     OFPBMC_BAD_LEN (OVS says BAD_FIELD here; the length is the more
 *     precise diagnosis);
 *   - 1-bits in the value where the mask has 0-bits: OFPBMC_BAD_WILDCARDS,
 *     exactly as OVS rejects them (it does not silently normalise);
 *   - a mask on an unmaskable field: OFPBMC_BAD_MASK, except that an
 *     all-ones mask means exact and an all-zeros mask means wildcard, as
 *     in OVS;
 *   - value bits beyond the field's width (vlan_vid > 0x1fff, ip_dscp > 63,
 *     ...), and the OVS-specific limits arp_op <= 0xff, ct_state <= 0xff,
 *     in_port outside [0xff00, 0xffffff00): OFPBMC_BAD_VALUE;
 *   - a field seen twice: OFPBMC_DUP_FIELD;
 *   - well-formed TLVs of other classes that we do not model are kept in
 *     'unknown' (see below);
 *   - after the whole list, prerequisites: OFPBMC_BAD_PREREQ.
 * For 'struct ofp_match' itself: fewer than 4 bytes, length < 4, or
 * length rounded up to 8 beyond the bytes available: OFPBMC_BAD_LEN (as
 * OVS's oxm_pull_match does; padding content is not checked); type other
 * than OFPMT_OXM: OFPBMC_BAD_TYPE.
 *
 * Masks are canonicalised: mask bits beyond the field's width are dropped,
 * a mask covering the whole width makes the field exact, and a zero mask
 * makes it wildcarded.
 *
 * 'unknown' is the byte span from the first to the end of the last TLV
 * we do not model.  Modelled TLVs may sit inside that span; the encoder,
 * ofp_match_equal() and ofp_match_hash() walk the span and use only the
 * TLVs that the decoder would not model, so nothing is duplicated. */

#define OFPMT_OXM 1

/* Field table.  Names are Open vSwitch's field names; 'nxm_name' and
 * 'nxm_header' are the name and header OVS uses in NXAST_* actions (the
 * NXM ones when the field has them, else the OXM ones); 'fmt' is how
 * set_field prints the value (Open vSwitch's lib/meta-flow.h, ours for
 * fields OVS lacks).  NXMH is the NXM header of a basic field, or 0 if it
 * has none; the Nicira fields' own headers are NXM headers. */
#define FLD(ID, NAME, NXM, CLASS, CODE, LEN, BITS, MASKABLE, WRITABLE,    \
            TYPE, MEMBER, NXMH, FMT)                                      \
    [ID] = { ID, NAME, NXM, CLASS, CODE, LEN, BITS, MASKABLE, WRITABLE,   \
             TYPE, offsetof(struct ofp_match_fields, MEMBER),             \
             (NXMH) ? (NXMH) : OFP_OXM_HEADER(CLASS, CODE, 0, LEN),       \
             OFP_FF_##FMT }
#define BASIC(ID, NAME, NXM, CODE, LEN, BITS, M, W, TYPE, MEMBER, NXMH, FMT) \
    FLD(ID, NAME, NXM, OFP_OXM_CLASS_OPENFLOW_BASIC, CODE, LEN, BITS, M, W, \
        TYPE, MEMBER, NXMH, FMT)
#define NX(ID, NAME, NXM, CODE, LEN, BITS, M, W, TYPE, MEMBER, FMT) \
    FLD(ID, NAME, NXM, OFP_OXM_CLASS_NXM1, CODE, LEN, BITS, M, W, TYPE, \
        MEMBER, 0, FMT)
#define NXM0(CODE, LEN) OFP_OXM_HEADER(OFP_OXM_CLASS_NXM0, CODE, 0, LEN)
#define NXM1(CODE, LEN) OFP_OXM_HEADER(OFP_OXM_CLASS_NXM1, CODE, 0, LEN)
#define REG(I) \
    NX(OFP_F_REG0 + I, "reg" #I, "NXM_NX_REG" #I, I, 4, 32, true, true, \
       OFP_FT_U32, reg[I], HEX)

static const struct ofp_field_info fields[OFP_N_FIELDS] = {
    BASIC(OFP_F_IN_PORT, "in_port", "NXM_OF_IN_PORT", 0, 4, 32, false, true,
          OFP_FT_U32, in_port, NXM0(0, 2), PORT),
    BASIC(OFP_F_IN_PHY_PORT, "in_phy_port", "OXM_OF_IN_PHY_PORT", 1, 4, 32,
          false, false, OFP_FT_U32, in_phy_port, 0, DEC),
    BASIC(OFP_F_METADATA, "metadata", "OXM_OF_METADATA", 2, 8, 64, true, true,
          OFP_FT_U64, metadata, 0, HEX),
    BASIC(OFP_F_ETH_DST, "eth_dst", "NXM_OF_ETH_DST", 3, 6, 48, true, true,
          OFP_FT_MAC, eth_dst, NXM0(1, 6), MAC),
    BASIC(OFP_F_ETH_SRC, "eth_src", "NXM_OF_ETH_SRC", 4, 6, 48, true, true,
          OFP_FT_MAC, eth_src, NXM0(2, 6), MAC),
    BASIC(OFP_F_ETH_TYPE, "eth_type", "NXM_OF_ETH_TYPE", 5, 2, 16, false,
          false, OFP_FT_U16, eth_type, NXM0(3, 2), HEX),
    BASIC(OFP_F_VLAN_VID, "vlan_vid", "OXM_OF_VLAN_VID", 6, 2, 13, true, true,
          OFP_FT_U16, vlan_vid, 0, DEC),
    BASIC(OFP_F_VLAN_PCP, "vlan_pcp", "OXM_OF_VLAN_PCP", 7, 1, 3, false, true,
          OFP_FT_U8, vlan_pcp, 0, DEC),
    BASIC(OFP_F_IP_DSCP, "ip_dscp", "OXM_OF_IP_DSCP", 8, 1, 6, false, true,
          OFP_FT_U8, ip_dscp, 0, DEC),
    BASIC(OFP_F_IP_ECN, "nw_ecn", "NXM_NX_IP_ECN", 9, 1, 2, false, true,
          OFP_FT_U8, ip_ecn, NXM1(28, 1), DEC),
    BASIC(OFP_F_IP_PROTO, "nw_proto", "NXM_OF_IP_PROTO", 10, 1, 8, false,
          false, OFP_FT_U8, ip_proto, NXM0(6, 1), DEC),
    BASIC(OFP_F_IPV4_SRC, "ip_src", "NXM_OF_IP_SRC", 11, 4, 32, true, true,
          OFP_FT_IPV4, ipv4_src, NXM0(7, 4), IPV4),
    BASIC(OFP_F_IPV4_DST, "ip_dst", "NXM_OF_IP_DST", 12, 4, 32, true, true,
          OFP_FT_IPV4, ipv4_dst, NXM0(8, 4), IPV4),
    BASIC(OFP_F_TCP_SRC, "tcp_src", "NXM_OF_TCP_SRC", 13, 2, 16, true, true,
          OFP_FT_U16, tcp_src, NXM0(9, 2), DEC),
    BASIC(OFP_F_TCP_DST, "tcp_dst", "NXM_OF_TCP_DST", 14, 2, 16, true, true,
          OFP_FT_U16, tcp_dst, NXM0(10, 2), DEC),
    BASIC(OFP_F_UDP_SRC, "udp_src", "NXM_OF_UDP_SRC", 15, 2, 16, true, true,
          OFP_FT_U16, udp_src, NXM0(11, 2), DEC),
    BASIC(OFP_F_UDP_DST, "udp_dst", "NXM_OF_UDP_DST", 16, 2, 16, true, true,
          OFP_FT_U16, udp_dst, NXM0(12, 2), DEC),
    BASIC(OFP_F_SCTP_SRC, "sctp_src", "OXM_OF_SCTP_SRC", 17, 2, 16, true, true,
          OFP_FT_U16, sctp_src, 0, DEC),
    BASIC(OFP_F_SCTP_DST, "sctp_dst", "OXM_OF_SCTP_DST", 18, 2, 16, true, true,
          OFP_FT_U16, sctp_dst, 0, DEC),
    BASIC(OFP_F_ICMPV4_TYPE, "icmp_type", "NXM_OF_ICMP_TYPE", 19, 1, 8, false,
          true, OFP_FT_U8, icmpv4_type, NXM0(13, 1), DEC),
    BASIC(OFP_F_ICMPV4_CODE, "icmp_code", "NXM_OF_ICMP_CODE", 20, 1, 8, false,
          true, OFP_FT_U8, icmpv4_code, NXM0(14, 1), DEC),
    BASIC(OFP_F_ARP_OP, "arp_op", "NXM_OF_ARP_OP", 21, 2, 16, false, true,
          OFP_FT_U16, arp_op, NXM0(15, 2), DEC),
    BASIC(OFP_F_ARP_SPA, "arp_spa", "NXM_OF_ARP_SPA", 22, 4, 32, true, true,
          OFP_FT_IPV4, arp_spa, NXM0(16, 4), IPV4),
    BASIC(OFP_F_ARP_TPA, "arp_tpa", "NXM_OF_ARP_TPA", 23, 4, 32, true, true,
          OFP_FT_IPV4, arp_tpa, NXM0(17, 4), IPV4),
    BASIC(OFP_F_ARP_SHA, "arp_sha", "NXM_NX_ARP_SHA", 24, 6, 48, true, true,
          OFP_FT_MAC, arp_sha, NXM1(17, 6), MAC),
    BASIC(OFP_F_ARP_THA, "arp_tha", "NXM_NX_ARP_THA", 25, 6, 48, true, true,
          OFP_FT_MAC, arp_tha, NXM1(18, 6), MAC),
    BASIC(OFP_F_IPV6_SRC, "ipv6_src", "NXM_NX_IPV6_SRC", 26, 16, 128, true,
          true, OFP_FT_IPV6, ipv6_src, NXM1(19, 16), IPV6),
    BASIC(OFP_F_IPV6_DST, "ipv6_dst", "NXM_NX_IPV6_DST", 27, 16, 128, true,
          true, OFP_FT_IPV6, ipv6_dst, NXM1(20, 16), IPV6),
    BASIC(OFP_F_IPV6_FLABEL, "ipv6_label", "NXM_NX_IPV6_LABEL", 28, 4, 20,
          true, true, OFP_FT_U32, ipv6_flabel, NXM1(27, 4), HEX),
    BASIC(OFP_F_ICMPV6_TYPE, "icmpv6_type", "NXM_NX_ICMPV6_TYPE", 29, 1, 8,
          false, true, OFP_FT_U8, icmpv6_type, NXM1(21, 1), DEC),
    BASIC(OFP_F_ICMPV6_CODE, "icmpv6_code", "NXM_NX_ICMPV6_CODE", 30, 1, 8,
          false, true, OFP_FT_U8, icmpv6_code, NXM1(22, 1), DEC),
    BASIC(OFP_F_IPV6_ND_TARGET, "nd_target", "NXM_NX_ND_TARGET", 31, 16, 128,
          true, true, OFP_FT_IPV6, ipv6_nd_target, NXM1(23, 16), IPV6),
    BASIC(OFP_F_IPV6_ND_SLL, "nd_sll", "NXM_NX_ND_SLL", 32, 6, 48, true, true,
          OFP_FT_MAC, ipv6_nd_sll, NXM1(24, 6), MAC),
    BASIC(OFP_F_IPV6_ND_TLL, "nd_tll", "NXM_NX_ND_TLL", 33, 6, 48, true, true,
          OFP_FT_MAC, ipv6_nd_tll, NXM1(25, 6), MAC),
    BASIC(OFP_F_MPLS_LABEL, "mpls_label", "OXM_OF_MPLS_LABEL", 34, 4, 20,
          false, true, OFP_FT_U32, mpls_label, 0, DEC),
    BASIC(OFP_F_MPLS_TC, "mpls_tc", "OXM_OF_MPLS_TC", 35, 1, 3, false, true,
          OFP_FT_U8, mpls_tc, 0, DEC),
    BASIC(OFP_F_MPLS_BOS, "mpls_bos", "OXM_OF_MPLS_BOS", 36, 1, 1, false,
          false, OFP_FT_U8, mpls_bos, 0, DEC),
    /* Open vSwitch does not know PBB; OpenFlow 1.3 makes it settable. */
    BASIC(OFP_F_PBB_ISID, "pbb_isid", "OXM_OF_PBB_ISID", 37, 3, 24, true, true,
          OFP_FT_U32, pbb_isid, 0, HEX),
    BASIC(OFP_F_TUNNEL_ID, "tun_id", "NXM_NX_TUN_ID", 38, 8, 64, true, true,
          OFP_FT_U64, tunnel_id, NXM1(16, 8), HEX),
    BASIC(OFP_F_IPV6_EXTHDR, "ipv6_exthdr", "OXM_OF_IPV6_EXTHDR", 39, 2, 9,
          true, false, OFP_FT_U16, ipv6_exthdr, 0, HEX),
    REG(0), REG(1), REG(2), REG(3), REG(4), REG(5), REG(6), REG(7),
    REG(8), REG(9), REG(10), REG(11), REG(12), REG(13), REG(14), REG(15),
    NX(OFP_F_TUN_IPV4_SRC, "tun_src", "NXM_NX_TUN_IPV4_SRC", 31, 4, 32, true,
       true, OFP_FT_IPV4, tun_ipv4_src, IPV4),
    NX(OFP_F_TUN_IPV4_DST, "tun_dst", "NXM_NX_TUN_IPV4_DST", 32, 4, 32, true,
       true, OFP_FT_IPV4, tun_ipv4_dst, IPV4),
    NX(OFP_F_CT_STATE, "ct_state", "NXM_NX_CT_STATE", 105, 4, 32, true, false,
       OFP_FT_U32, ct_state, HEX),
    NX(OFP_F_CT_ZONE, "ct_zone", "NXM_NX_CT_ZONE", 106, 2, 16, false, false,
       OFP_FT_U16, ct_zone, HEX),
    /* ct_mark and ct_label are writable only inside ct(exec(...)). */
    NX(OFP_F_CT_MARK, "ct_mark", "NXM_NX_CT_MARK", 107, 4, 32, true, true,
       OFP_FT_U32, ct_mark, HEX),
    NX(OFP_F_CT_LABEL, "ct_label", "NXM_NX_CT_LABEL", 108, 16, 128, true, true,
       OFP_FT_U128, ct_label, HEX),
    NX(OFP_F_CONJ_ID, "conj_id", "NXM_NX_CONJ_ID", 37, 4, 32, false, false,
       OFP_FT_U32, conj_id, DEC),
};

/* Bytes each storage type takes in struct ofp_match_fields. */
static const uint8_t type_size[] = {
    [OFP_FT_U8] = 1, [OFP_FT_U16] = 2, [OFP_FT_U32] = 4, [OFP_FT_U64] = 8,
    [OFP_FT_IPV4] = 4, [OFP_FT_MAC] = 6, [OFP_FT_IPV6] = 16,
    [OFP_FT_U128] = 16,
};

/* Other names accepted by ofp_field_from_name(). */
struct name_alias {
    const char *name;
    enum ofp_field field;
};

static const struct name_alias name_aliases[] = {
    { "in_port_oxm", OFP_F_IN_PORT },
    { "dl_dst", OFP_F_ETH_DST },
    { "dl_src", OFP_F_ETH_SRC },
    { "dl_type", OFP_F_ETH_TYPE },
    { "dl_vlan", OFP_F_VLAN_VID },          /* Caller adds OFPVID_PRESENT. */
    { "dl_vlan_pcp", OFP_F_VLAN_PCP },
    { "ip_ecn", OFP_F_IP_ECN },
    { "ip_proto", OFP_F_IP_PROTO },
    { "nw_src", OFP_F_IPV4_SRC },
    { "ipv4_src", OFP_F_IPV4_SRC },
    { "nw_dst", OFP_F_IPV4_DST },
    { "ipv4_dst", OFP_F_IPV4_DST },
    { "tp_src", OFP_F_TCP_SRC },
    { "tp_dst", OFP_F_TCP_DST },
    { "icmpv4_type", OFP_F_ICMPV4_TYPE },
    { "icmpv4_code", OFP_F_ICMPV4_CODE },
    { "ipv6_flabel", OFP_F_IPV6_FLABEL },
    { "ipv6_nd_target", OFP_F_IPV6_ND_TARGET },
    { "ipv6_nd_sll", OFP_F_IPV6_ND_SLL },
    { "ipv6_nd_tll", OFP_F_IPV6_ND_TLL },
    { "tunnel_id", OFP_F_TUNNEL_ID },
    { "tun_ipv4_src", OFP_F_TUN_IPV4_SRC },
    { "tun_ipv4_dst", OFP_F_TUN_IPV4_DST },
    /* OXM names of fields whose 'nxm_name' is an NXM name. */
    { "OXM_OF_IN_PORT", OFP_F_IN_PORT },
    { "OXM_OF_ETH_DST", OFP_F_ETH_DST },
    { "OXM_OF_ETH_SRC", OFP_F_ETH_SRC },
    { "OXM_OF_ETH_TYPE", OFP_F_ETH_TYPE },
    { "OXM_OF_IP_ECN", OFP_F_IP_ECN },
    { "OXM_OF_IP_PROTO", OFP_F_IP_PROTO },
    { "OXM_OF_IPV4_SRC", OFP_F_IPV4_SRC },
    { "OXM_OF_IPV4_DST", OFP_F_IPV4_DST },
    { "OXM_OF_TCP_SRC", OFP_F_TCP_SRC },
    { "OXM_OF_TCP_DST", OFP_F_TCP_DST },
    { "OXM_OF_UDP_SRC", OFP_F_UDP_SRC },
    { "OXM_OF_UDP_DST", OFP_F_UDP_DST },
    { "OXM_OF_ICMPV4_TYPE", OFP_F_ICMPV4_TYPE },
    { "OXM_OF_ICMPV4_CODE", OFP_F_ICMPV4_CODE },
    { "OXM_OF_ARP_OP", OFP_F_ARP_OP },
    { "OXM_OF_ARP_SPA", OFP_F_ARP_SPA },
    { "OXM_OF_ARP_TPA", OFP_F_ARP_TPA },
    { "OXM_OF_ARP_SHA", OFP_F_ARP_SHA },
    { "OXM_OF_ARP_THA", OFP_F_ARP_THA },
    { "OXM_OF_IPV6_SRC", OFP_F_IPV6_SRC },
    { "OXM_OF_IPV6_DST", OFP_F_IPV6_DST },
    { "OXM_OF_IPV6_FLABEL", OFP_F_IPV6_FLABEL },
    { "OXM_OF_ICMPV6_TYPE", OFP_F_ICMPV6_TYPE },
    { "OXM_OF_ICMPV6_CODE", OFP_F_ICMPV6_CODE },
    { "OXM_OF_IPV6_ND_TARGET", OFP_F_IPV6_ND_TARGET },
    { "OXM_OF_IPV6_ND_SLL", OFP_F_IPV6_ND_SLL },
    { "OXM_OF_IPV6_ND_TLL", OFP_F_IPV6_ND_TLL },
    { "OXM_OF_TUNNEL_ID", OFP_F_TUNNEL_ID },
};

const struct ofp_field_info *
ofp_field_info(enum ofp_field f)
{
    return f < OFP_N_FIELDS ? &fields[f] : NULL;
}

enum ofp_field
ofp_field_from_name(const char *name)
{
    if (!name) {
        return OFP_F_NONE;
    }
    for (int f = 0; f < OFP_N_FIELDS; f++) {
        if (!strcmp(name, fields[f].name)
            || !strcmp(name, fields[f].nxm_name)) {
            return f;
        }
    }
    for (size_t i = 0; i < sizeof name_aliases / sizeof *name_aliases; i++) {
        if (!strcmp(name, name_aliases[i].name)) {
            return name_aliases[i].field;
        }
    }
    return OFP_F_NONE;
}

/* True if 'header' is of the OpenFlow basic class. */
static bool
header_is_oxm(uint32_t header)
{
    return OFP_OXM_CLASS(header) == OFP_OXM_CLASS_OPENFLOW_BASIC;
}

/* Maps an NXM class 1 field code to the modelled Nicira field (registers,
 * tunnel addresses, conntrack, conj_id), or OFP_F_NONE, from the field
 * table.  Registers, the common case, are the table's first Nicira
 * entries. */
static enum ofp_field
nx_field_from_code(unsigned code)
{
    for (int f = OFP_F_REG0; f < OFP_N_FIELDS; f++) {
        if (fields[f].oxm_class == OFP_OXM_CLASS_NXM1
            && fields[f].oxm_field == code) {
            return f;
        }
    }
    return OFP_F_NONE;
}

/* The field whose OpenFlow 1.3 TLV header (class and field code) is
 * 'header', or OFP_F_NONE: what a match decoder models. */
static enum ofp_field
match_field_from_header(uint32_t header)
{
    unsigned cls = OFP_OXM_CLASS(header);
    unsigned code = OFP_OXM_FIELD(header);

    if (cls == OFP_OXM_CLASS_OPENFLOW_BASIC) {
        return code < OFP_N_OXM_BASIC_FIELDS ? (enum ofp_field) code
                                             : OFP_F_NONE;
    } else if (cls == OFP_OXM_CLASS_NXM1) {
        return nx_field_from_code(code);
    }
    return OFP_F_NONE;
}

/* The basic field whose legacy NXM header (class 0 or 1) has the class
 * and field code of 'header', or OFP_F_NONE. */
static enum ofp_field
nxm_alias_from_header(uint32_t header)
{
    for (int f = 0; f < OFP_N_OXM_BASIC_FIELDS; f++) {
        uint32_t h = fields[f].nxm_header;
        if (!header_is_oxm(h) && OFP_OXM_CLASS(h) == OFP_OXM_CLASS(header)
            && OFP_OXM_FIELD(h) == OFP_OXM_FIELD(header)) {
            return f;
        }
    }
    return OFP_F_NONE;
}

enum ofp_field
ofp_field_from_header(uint32_t header)
{
    enum ofp_field f = match_field_from_header(header);
    return f != OFP_F_NONE ? f : nxm_alias_from_header(header);
}

uint32_t
ofp_field_header(enum ofp_field f)
{
    const struct ofp_field_info *fi = &fields[f];
    return OFP_OXM_HEADER(fi->oxm_class, fi->oxm_field, 0, fi->len);
}

const char *
ofp_field_header_name(uint32_t header)
{
    enum ofp_field f = ofp_field_from_header(header);

    if (f == OFP_F_NONE) {
        return NULL;
    }
    /* The 32-bit OXM in_port is a field of its own in OVS. */
    return (f == OFP_F_IN_PORT && header_is_oxm(header) ? "OXM_OF_IN_PORT"
            : fields[f].nxm_name);
}

unsigned
ofp_field_header_n_bits(uint32_t header)
{
    enum ofp_field f = ofp_field_from_header(header);

    if (f == OFP_F_NONE) {
        return 0;
    }
    /* OVS's NXM_OF_IN_PORT is 16 bits, and OVS treats OXM vlan_vid as its
     * 12-bit vid in move/load. */
    return (f == OFP_F_IN_PORT && !header_is_oxm(header)
            ? OFP_OXM_LENGTH(fields[f].nxm_header) * 8u
            : f == OFP_F_VLAN_VID ? 12 : fields[f].n_bits);
}

/* ---- Values in host order. ------------------------------------------ */

/* All-ones over the field's significant bits, for the integer types. */
static inline uint64_t
field_bits(const struct ofp_field_info *fi)
{
    return fi->n_bits >= 64 ? UINT64_MAX : (UINT64_C(1) << fi->n_bits) - 1;
}

static inline bool
type_is_int(enum ofp_field_type t)
{
    return t <= OFP_FT_IPV4;
}

/* Reads an integer-typed value stored at 'p'. */
static inline uint64_t
load_int(enum ofp_field_type t, const void *p)
{
    switch (t) {
    case OFP_FT_U8: return *(const uint8_t *) p;
    case OFP_FT_U16: return *(const uint16_t *) p;
    case OFP_FT_U32: case OFP_FT_IPV4: return *(const uint32_t *) p;
    case OFP_FT_U64: return *(const uint64_t *) p;
    default: return 0;
    }
}

/* Stores an integer-typed value at 'p'. */
static inline void
store_int(enum ofp_field_type t, void *p, uint64_t v)
{
    switch (t) {
    case OFP_FT_U8: *(uint8_t *) p = v; break;
    case OFP_FT_U16: *(uint16_t *) p = v; break;
    case OFP_FT_U32: case OFP_FT_IPV4: *(uint32_t *) p = v; break;
    case OFP_FT_U64: *(uint64_t *) p = v; break;
    default: break;
    }
}

static inline void *
vptr(struct ofp_match_fields *mf, const struct ofp_field_info *fi)
{
    return (uint8_t *) mf + fi->offset;
}

static inline const void *
cvptr(const struct ofp_match_fields *mf, const struct ofp_field_info *fi)
{
    return (const uint8_t *) mf + fi->offset;
}

static bool
bytes_all(const uint8_t *p, size_t n, uint8_t b)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != b) {
            return false;
        }
    }
    return true;
}

/* Reads a 'len'-byte big-endian wire value at 'p'. */
static inline uint64_t
wire_to_int(const uint8_t *p, unsigned len)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < len; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

/* Writes 'v' as 'len' big-endian bytes at 'p'. */
static inline void
int_to_wire(uint8_t *p, unsigned len, uint64_t v)
{
    switch (len) {
    case 1: p[0] = v; break;
    case 2: ofp_put_be16(p, v); break;
    case 4: ofp_put_be32(p, v); break;
    case 8: ofp_put_be64(p, v); break;
    default:
        for (unsigned i = len; i-- > 0; v >>= 8) {
            p[i] = v;
        }
        break;
    }
}

/* Converts a wire value of field 'fi' at 'p' into a union. */
static void
wire_to_value(const struct ofp_field_info *fi, const uint8_t *p,
              union ofp_field_value *v)
{
    memset(v, 0, sizeof *v);
    if (type_is_int(fi->type)) {
        store_int(fi->type, v, wire_to_int(p, fi->len));
    } else {
        memcpy(v->bytes, p, fi->len);
    }
}

/* ---- Match building. ------------------------------------------------- */

void
ofp_match_init(struct ofp_match *m)
{
    memset(m, 0, sizeof *m);
}

void
ofp_match_clear_field(struct ofp_match *m, enum ofp_field f)
{
    const struct ofp_field_info *fi;

    if (f >= OFP_N_FIELDS) {
        return;
    }
    fi = &fields[f];
    memset(vptr(&m->v, fi), 0, type_size[fi->type]);
    memset(vptr(&m->m, fi), 0, type_size[fi->type]);
    m->present &= ~(UINT64_C(1) << f);
    m->masked &= ~(UINT64_C(1) << f);
}

void
ofp_match_set(struct ofp_match *m, enum ofp_field f,
              const union ofp_field_value *value,
              const union ofp_field_value *mask)
{
    const struct ofp_field_info *fi;
    uint64_t bit = UINT64_C(1) << f;
    size_t size;

    if (f >= OFP_N_FIELDS) {
        return;
    }
    fi = &fields[f];
    size = type_size[fi->type];
    if (type_is_int(fi->type)) {
        uint64_t all = field_bits(fi);
        uint64_t v = load_int(fi->type, value);
        uint64_t mk = mask ? load_int(fi->type, mask) & all : all;

        if (!mk) {
            ofp_match_clear_field(m, f);
            return;
        }
        store_int(fi->type, vptr(&m->v, fi), v & mk);
        if (mk == all) {
            store_int(fi->type, vptr(&m->m, fi), 0);
            m->masked &= ~bit;
        } else {
            store_int(fi->type, vptr(&m->m, fi), mk);
            m->masked |= bit;
        }
    } else {
        uint8_t *dv = vptr(&m->v, fi);
        uint8_t *dm = vptr(&m->m, fi);

        if (mask && bytes_all(mask->bytes, size, 0)) {
            ofp_match_clear_field(m, f);
            return;
        }
        if (!mask || bytes_all(mask->bytes, size, 0xff)) {
            memcpy(dv, value->bytes, size);
            memset(dm, 0, size);
            m->masked &= ~bit;
        } else {
            for (size_t i = 0; i < size; i++) {
                dv[i] = value->bytes[i] & mask->bytes[i];
                dm[i] = mask->bytes[i];
            }
            m->masked |= bit;
        }
    }
    m->present |= bit;
}

void
ofp_match_set_u8(struct ofp_match *m, enum ofp_field f, uint8_t x)
{
    union ofp_field_value v;
    memset(&v, 0, sizeof v);
    v.u8 = x;
    ofp_match_set(m, f, &v, NULL);
}

void
ofp_match_set_u16(struct ofp_match *m, enum ofp_field f, uint16_t x)
{
    union ofp_field_value v;
    memset(&v, 0, sizeof v);
    v.u16 = x;
    ofp_match_set(m, f, &v, NULL);
}

void
ofp_match_set_u32(struct ofp_match *m, enum ofp_field f, uint32_t x)
{
    union ofp_field_value v;
    memset(&v, 0, sizeof v);
    v.u32 = x;
    ofp_match_set(m, f, &v, NULL);
}

void
ofp_match_set_u64(struct ofp_match *m, enum ofp_field f, uint64_t x)
{
    union ofp_field_value v;
    memset(&v, 0, sizeof v);
    v.u64 = x;
    ofp_match_set(m, f, &v, NULL);
}

void
ofp_match_set_mac(struct ofp_match *m, enum ofp_field f,
                  const uint8_t mac[6])
{
    union ofp_field_value v;
    memset(&v, 0, sizeof v);
    memcpy(v.mac, mac, 6);
    ofp_match_set(m, f, &v, NULL);
}

void
ofp_match_set_ipv4_prefix(struct ofp_match *m, enum ofp_field f,
                          uint32_t addr, unsigned prefix_len)
{
    union ofp_field_value v, mk;

    memset(&v, 0, sizeof v);
    memset(&mk, 0, sizeof mk);
    if (prefix_len > 32) {
        prefix_len = 32;
    }
    v.u32 = addr;
    mk.u32 = prefix_len ? UINT32_MAX << (32 - prefix_len) : 0;
    ofp_match_set(m, f, &v, &mk);
}

bool
ofp_match_get(const struct ofp_match *m, enum ofp_field f,
              union ofp_field_value *value, union ofp_field_value *mask)
{
    const struct ofp_field_info *fi;
    size_t size;

    if (f >= OFP_N_FIELDS || !ofp_match_has(m, f)) {
        return false;
    }
    fi = &fields[f];
    size = type_size[fi->type];
    if (value) {
        memset(value, 0, sizeof *value);
        memcpy(value, cvptr(&m->v, fi), size);
    }
    if (mask) {
        memset(mask, 0, sizeof *mask);
        if ((m->masked >> f) & 1) {
            memcpy(mask, cvptr(&m->m, fi), size);
        } else if (type_is_int(fi->type)) {
            store_int(fi->type, mask, field_bits(fi));
        } else {
            memset(mask->bytes, 0xff, size);
        }
    }
    return true;
}

/* ---- Unknown TLVs. ---------------------------------------------------- */

/* Returns the total size of the well-formed TLV at 'p' with 'left' bytes
 * available, or 0 if it is truncated. */
static size_t
tlv_size(const uint8_t *p, size_t left)
{
    size_t n;
    if (left < 4) {
        return 0;
    }
    n = 4 + OFP_OXM_LENGTH(ofp_get_be32(p));
    return n <= left ? n : 0;
}

/* Advances '*ofs' within the unknown span to the next TLV that the decoder
 * does not model; returns its size, or 0 at the end. */
static size_t
next_unknown(const uint8_t *span, size_t len, size_t *ofs)
{
    while (*ofs < len) {
        size_t n = tlv_size(span + *ofs, len - *ofs);
        if (!n) {
            *ofs = len;
            return 0;
        }
        if (match_field_from_header(ofp_get_be32(span + *ofs))
            == OFP_F_NONE) {
            return n;
        }
        *ofs += n;
    }
    return 0;
}

/* Appends the unmodelled TLVs of 'm->unknown' to 'b'. */
static void
put_unknown(const struct ofp_match *m, struct ofpbuf *b)
{
    size_t ofs = 0, n;
    while ((n = next_unknown(m->unknown, m->unknown_len, &ofs)) != 0) {
        ofpbuf_put(b, m->unknown + ofs, n);
        ofs += n;
    }
}

/* Compares the unmodelled TLVs of two matches. */
static bool
unknown_equal(const struct ofp_match *a, const struct ofp_match *b)
{
    size_t oa = 0, ob = 0;

    if (a->unknown_len == b->unknown_len
        && (a->unknown == b->unknown || !a->unknown_len
            || !memcmp(a->unknown, b->unknown, a->unknown_len))) {
        return true;
    }
    for (;;) {
        size_t na = a->unknown ? next_unknown(a->unknown, a->unknown_len,
                                              &oa) : 0;
        size_t nb = b->unknown ? next_unknown(b->unknown, b->unknown_len,
                                              &ob) : 0;
        if (na != nb) {
            return false;
        }
        if (!na) {
            return true;
        }
        if (memcmp(a->unknown + oa, b->unknown + ob, na)) {
            return false;
        }
        oa += na;
        ob += nb;
    }
}

/* ---- Equality and hashing. ----------------------------------------- */

bool
ofp_match_equal(const struct ofp_match *a, const struct ofp_match *b)
{
    uint64_t bits;

    if (a->present != b->present || a->masked != b->masked) {
        return false;
    }
    for (bits = a->present; bits; bits &= bits - 1) {
        const struct ofp_field_info *fi = &fields[__builtin_ctzll(bits)];
        size_t size = type_size[fi->type];

        if (memcmp(cvptr(&a->v, fi), cvptr(&b->v, fi), size)) {
            return false;
        }
    }
    for (bits = a->masked; bits; bits &= bits - 1) {
        const struct ofp_field_info *fi = &fields[__builtin_ctzll(bits)];
        size_t size = type_size[fi->type];

        if (memcmp(cvptr(&a->m, fi), cvptr(&b->m, fi), size)) {
            return false;
        }
    }
    if (a->unknown_len || b->unknown_len) {
        return unknown_equal(a, b);
    }
    return true;
}

/* Murmur3-style mixing of one 32-bit word into 'hash'. */
static inline uint32_t
hash_add(uint32_t hash, uint32_t data)
{
    data *= 0xcc9e2d51;
    data = (data << 15) | (data >> 17);
    data *= 0x1b873593;
    hash ^= data;
    hash = (hash << 13) | (hash >> 19);
    return hash * 5 + 0xe6546b64;
}

/* Final avalanche of a murmur3-style hash. */
static inline uint32_t
hash_finish(uint32_t hash, uint32_t n)
{
    hash ^= n;
    hash ^= hash >> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >> 13;
    hash *= 0xc2b2ae35;
    hash ^= hash >> 16;
    return hash;
}

/* Hashes 'n' bytes at 'p' into 'hash'. */
static inline uint32_t
hash_bytes_into(uint32_t hash, const uint8_t *p, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        hash = hash_add(hash, w);
    }
    if (i < n) {
        uint32_t w = 0;
        memcpy(&w, p + i, n - i);
        hash = hash_add(hash, w);
    }
    return hash;
}

uint32_t
ofp_match_hash(const struct ofp_match *m, uint32_t basis)
{
    uint32_t hash = basis;
    uint64_t bits;

    hash = hash_add(hash, m->present);
    hash = hash_add(hash, m->present >> 32);
    hash = hash_add(hash, m->masked);
    hash = hash_add(hash, m->masked >> 32);
    for (bits = m->present; bits; bits &= bits - 1) {
        const struct ofp_field_info *fi = &fields[__builtin_ctzll(bits)];
        hash = hash_bytes_into(hash, cvptr(&m->v, fi), type_size[fi->type]);
    }
    for (bits = m->masked; bits; bits &= bits - 1) {
        const struct ofp_field_info *fi = &fields[__builtin_ctzll(bits)];
        hash = hash_bytes_into(hash, cvptr(&m->m, fi), type_size[fi->type]);
    }
    if (m->unknown_len) {
        size_t ofs = 0, n;
        while ((n = next_unknown(m->unknown, m->unknown_len, &ofs)) != 0) {
            hash = hash_bytes_into(hash, m->unknown + ofs, n);
            ofs += n;
        }
    }
    return hash_finish(hash, 0);
}

/* ---- Prerequisites. -------------------------------------------------- */

/* True if 'f' is present and matched exactly. */
static inline bool
exact(const struct ofp_match *m, enum ofp_field f)
{
    return ((m->present & ~m->masked) >> f) & 1;
}

static inline bool
eth_type_is(const struct ofp_match *m, uint16_t type)
{
    return exact(m, OFP_F_ETH_TYPE) && m->v.eth_type == type;
}

static inline bool
is_ip_any(const struct ofp_match *m)
{
    return eth_type_is(m, 0x0800) || eth_type_is(m, 0x86dd);
}

static inline bool
ip_proto_is(const struct ofp_match *m, uint8_t proto)
{
    return is_ip_any(m) && exact(m, OFP_F_IP_PROTO)
           && m->v.ip_proto == proto;
}

static inline bool
is_icmpv6(const struct ofp_match *m)
{
    return eth_type_is(m, 0x86dd) && ip_proto_is(m, 58);
}

/* Neighbour discovery of 'type' (135 or 136; 0 for either).  Like OVS, an
 * icmpv6_code, if matched, must be 0. */
static bool
is_nd(const struct ofp_match *m, uint8_t type)
{
    if (!is_icmpv6(m) || !exact(m, OFP_F_ICMPV6_TYPE)) {
        return false;
    }
    if (ofp_match_has(m, OFP_F_ICMPV6_CODE) && m->v.icmpv6_code != 0) {
        return false;
    }
    return type ? m->v.icmpv6_type == type
                : (m->v.icmpv6_type == 135 || m->v.icmpv6_type == 136);
}

/* True if the prerequisites of field 'f' hold in 'm'. */
static bool
prereq_ok(const struct ofp_match *m, enum ofp_field f)
{
    switch (f) {
    case OFP_F_IN_PHY_PORT:
        return ofp_match_has(m, OFP_F_IN_PORT);
    case OFP_F_VLAN_PCP:
        return ofp_match_has(m, OFP_F_VLAN_VID)
               && (m->v.vlan_vid & OFPVID_PRESENT);
    case OFP_F_IP_DSCP:
    case OFP_F_IP_ECN:
    case OFP_F_IP_PROTO:
        return is_ip_any(m);
    case OFP_F_IPV4_SRC:
    case OFP_F_IPV4_DST:
        return eth_type_is(m, 0x0800);
    case OFP_F_TCP_SRC:
    case OFP_F_TCP_DST:
        return ip_proto_is(m, 6);
    case OFP_F_UDP_SRC:
    case OFP_F_UDP_DST:
        return ip_proto_is(m, 17);
    case OFP_F_SCTP_SRC:
    case OFP_F_SCTP_DST:
        return ip_proto_is(m, 132);
    case OFP_F_ICMPV4_TYPE:
    case OFP_F_ICMPV4_CODE:
        return eth_type_is(m, 0x0800) && ip_proto_is(m, 1);
    case OFP_F_ARP_OP:
    case OFP_F_ARP_SPA:
    case OFP_F_ARP_TPA:
    case OFP_F_ARP_SHA:
    case OFP_F_ARP_THA:
        /* OVS also accepts RARP. */
        return eth_type_is(m, 0x0806) || eth_type_is(m, 0x8035);
    case OFP_F_IPV6_SRC:
    case OFP_F_IPV6_DST:
    case OFP_F_IPV6_FLABEL:
    case OFP_F_IPV6_EXTHDR:
        return eth_type_is(m, 0x86dd);
    case OFP_F_ICMPV6_TYPE:
    case OFP_F_ICMPV6_CODE:
        return is_icmpv6(m);
    case OFP_F_IPV6_ND_TARGET:
        return is_nd(m, 0);
    case OFP_F_IPV6_ND_SLL:
        return is_nd(m, 135);
    case OFP_F_IPV6_ND_TLL:
        return is_nd(m, 136);
    case OFP_F_MPLS_LABEL:
    case OFP_F_MPLS_TC:
    case OFP_F_MPLS_BOS:
        return eth_type_is(m, 0x8847) || eth_type_is(m, 0x8848);
    case OFP_F_PBB_ISID:
        return eth_type_is(m, 0x88e7);
    default:
        return true;
    }
}

/* Fields that have prerequisites at all. */
#define PREREQ_FIELDS                                                   \
    (~((UINT64_C(1) << OFP_F_IN_PORT) | (UINT64_C(1) << OFP_F_METADATA) \
       | (UINT64_C(1) << OFP_F_ETH_DST) | (UINT64_C(1) << OFP_F_ETH_SRC) \
       | (UINT64_C(1) << OFP_F_ETH_TYPE) | (UINT64_C(1) << OFP_F_VLAN_VID) \
       | (UINT64_C(1) << OFP_F_TUNNEL_ID)                               \
       | (~UINT64_C(0) << OFP_F_REG0)))

enum ofperr
ofp_match_check_prereqs(const struct ofp_match *m)
{
    for (uint64_t bits = m->present & PREREQ_FIELDS; bits;
         bits &= bits - 1) {
        if (!prereq_ok(m, __builtin_ctzll(bits))) {
            return OFPERR_OFPBMC_BAD_PREREQ;
        }
    }
    return 0;
}

/* ---- Decoding. ------------------------------------------------------- */

/* True if the value 'v' (host order) of integer field 'f' is acceptable:
 * no bits beyond the field's width, plus Open vSwitch's own limits. */
static bool
int_value_ok(enum ofp_field f, uint64_t v, uint64_t all)
{
    if (v & ~all) {
        return false;
    }
    switch (f) {
    case OFP_F_IN_PORT:
        /* OVS maps OpenFlow 1.1+ ports into 16 bits; the gap between its
         * largest port and the reserved ports is not representable. */
        return v < 0xff00 || v >= 0xffffff00;
    case OFP_F_ARP_OP:
        return v <= 0xff;
    case OFP_F_CT_STATE:
        return v <= 0xff;
    default:
        return true;
    }
}

/* Decodes one TLV's payload 'p' ('hasmask' says a mask follows the value)
 * for modelled field 'f' into 'value' and 'mask' (mask all-ones when
 * absent).  Returns 0 or an OFPBMC_* error.  '*wild' is set when the
 * mask is all zeros. */
static enum ofperr
decode_payload(enum ofp_field f, const uint8_t *p, unsigned payload_len,
               bool hasmask, union ofp_field_value *value,
               union ofp_field_value *mask, bool *is_masked, bool *wild)
{
    const struct ofp_field_info *fi = &fields[f];
    unsigned len = fi->len;

    *wild = false;
    *is_masked = false;
    if (payload_len != (hasmask ? 2u * len : len)) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    if (hasmask) {
        for (unsigned i = 0; i < len; i++) {
            if (p[i] & ~p[len + i]) {
                return OFPERR_OFPBMC_BAD_WILDCARDS;
            }
        }
    }
    wire_to_value(fi, p, value);
    if (hasmask) {
        wire_to_value(fi, p + len, mask);
    }
    if (type_is_int(fi->type)) {
        uint64_t all = field_bits(fi);
        uint64_t v = load_int(fi->type, value);
        uint64_t mk = hasmask ? load_int(fi->type, mask) : all;

        if (hasmask && !fi->maskable) {
            uint64_t wire_all = len >= 8 ? UINT64_MAX
                                         : (UINT64_C(1) << 8 * len) - 1;
            if (mk != 0 && mk != wire_all) {
                return OFPERR_OFPBMC_BAD_MASK;
            }
        }
        if (!int_value_ok(f, v, all)) {
            return OFPERR_OFPBMC_BAD_VALUE;
        }
        mk &= all;
        if (!mk) {
            *wild = true;
        } else if (mk != all) {
            *is_masked = true;
        }
        store_int(fi->type, mask, mk == all ? all : mk);
    } else if (hasmask) {
        bool ones = bytes_all(mask->bytes, len, 0xff);
        bool zeros = bytes_all(mask->bytes, len, 0);

        if (!fi->maskable && !ones && !zeros) {
            return OFPERR_OFPBMC_BAD_MASK;
        }
        *wild = zeros;
        *is_masked = !ones && !zeros;
    } else {
        memset(mask->bytes, 0xff, len);
    }
    return 0;
}

/* Stores a decoded field into 'm'. */
static void
store_field(struct ofp_match *m, enum ofp_field f,
            const union ofp_field_value *value,
            const union ofp_field_value *mask, bool is_masked)
{
    const struct ofp_field_info *fi = &fields[f];
    size_t size = type_size[fi->type];
    uint64_t bit = UINT64_C(1) << f;

    memcpy(vptr(&m->v, fi), value, size);
    m->present |= bit;
    if (is_masked) {
        memcpy(vptr(&m->m, fi), mask, size);
        m->masked |= bit;
    }
}

enum ofperr
ofp_oxm_decode(const uint8_t *oxms, size_t len, struct ofp_match *m)
{
    uint64_t seen = 0;
    size_t ofs = 0;
    size_t unk_start = 0, unk_end = 0;
    bool have_unknown = false;

    ofp_match_init(m);
    while (ofs < len) {
        const uint8_t *p = oxms + ofs;
        size_t left = len - ofs;
        uint32_t header;
        unsigned payload_len;
        enum ofp_field f;

        if (left < 4) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        header = ofp_get_be32(p);
        payload_len = OFP_OXM_LENGTH(header);
        if (OFP_OXM_CLASS(header) == OFP_OXM_CLASS_EXPERIMENTER
            && payload_len < 4) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        if (payload_len > left - 4) {
            return OFPERR_OFPBMC_BAD_LEN;
        }

        f = match_field_from_header(header);
        if (f == OFP_F_NONE) {
            if (OFP_OXM_CLASS(header) == OFP_OXM_CLASS_OPENFLOW_BASIC) {
                return OFPERR_OFPBMC_BAD_FIELD;
            }
            if (!have_unknown) {
                unk_start = ofs;
                have_unknown = true;
            }
            unk_end = ofs + 4 + payload_len;
        } else {
            union ofp_field_value value, mask;
            bool is_masked, wild;
            enum ofperr error;

            error = decode_payload(f, p + 4, payload_len,
                                   OFP_OXM_HASMASK(header),
                                   &value, &mask, &is_masked, &wild);
            if (error) {
                return error;
            }
            if ((seen >> f) & 1) {
                return OFPERR_OFPBMC_DUP_FIELD;
            }
            seen |= UINT64_C(1) << f;
            if (!wild) {
                store_field(m, f, &value, &mask, is_masked);
            }
        }
        ofs += 4 + payload_len;
    }
    if (have_unknown) {
        if (unk_end - unk_start > UINT16_MAX) {
            return OFPERR_OFPBMC_BAD_LEN;
        }
        m->unknown = oxms + unk_start;
        m->unknown_len = unk_end - unk_start;
    }
    return ofp_match_check_prereqs(m);
}

enum ofperr
ofp_match_decode(struct ofp_reader *r, struct ofp_match *m)
{
    const uint8_t *p;
    uint16_t type, length;
    size_t padded;

    ofp_match_init(m);
    if (ofp_reader_left(r) < 4) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    p = ofp_reader_cur(r);
    type = ofp_get_be16(p);
    length = ofp_get_be16(p + 2);
    if (length < 4) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    if (type != OFPMT_OXM) {
        return OFPERR_OFPBMC_BAD_TYPE;
    }
    padded = (length + 7u) & ~7u;
    if (!ofp_reader_pull(r, padded, &p)) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    return ofp_oxm_decode(p + 4, length - 4u, m);
}

enum ofperr
ofp_oxm_pull_field(struct ofp_reader *r, enum ofp_field *fp,
                   union ofp_field_value *value,
                   union ofp_field_value *mask, bool *masked)
{
    const uint8_t *p = ofp_reader_cur(r);
    size_t left = ofp_reader_left(r);
    uint32_t header;
    unsigned payload_len;
    enum ofp_field f;
    bool is_masked, wild;
    enum ofperr error;

    *fp = OFP_F_NONE;
    if (left < 4) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    header = ofp_get_be32(p);
    payload_len = OFP_OXM_LENGTH(header);
    if (payload_len > left - 4) {
        return OFPERR_OFPBMC_BAD_LEN;
    }
    f = ofp_field_from_header(header);
    if (f == OFP_F_NONE) {
        return OFPERR_OFPBMC_BAD_FIELD;
    }
    error = decode_payload(f, p + 4, payload_len, OFP_OXM_HASMASK(header),
                           value, mask, &is_masked, &wild);
    if (error) {
        return error;
    }
    if (wild) {
        /* Report a zero mask as such: the caller decides. */
        is_masked = true;
    } else if (!is_masked) {
        const struct ofp_field_info *fi = &fields[f];
        memset(mask, 0, sizeof *mask);
        if (type_is_int(fi->type)) {
            store_int(fi->type, mask, field_bits(fi));
        } else {
            memset(mask->bytes, 0xff, fi->len);
        }
    }
    if (masked) {
        *masked = is_masked;
    }
    *fp = f;
    ofp_reader_skip(r, 4 + payload_len);
    return 0;
}

/* ---- Encoding. ------------------------------------------------------- */

/* Writes the wire form of the value stored at 'src' for field 'fi' at 'p':
 * one switch per value, for the encoder's inner loop. */
static inline void
put_wire(const struct ofp_field_info *fi, const void *src, uint8_t *p)
{
    switch (fi->type) {
    case OFP_FT_U8:
        *p = *(const uint8_t *) src;
        break;
    case OFP_FT_U16:
        ofp_put_be16(p, *(const uint16_t *) src);
        break;
    case OFP_FT_U32:
    case OFP_FT_IPV4:
        if (fi->len == 4) {
            ofp_put_be32(p, *(const uint32_t *) src);
        } else {
            int_to_wire(p, fi->len, *(const uint32_t *) src);
        }
        break;
    case OFP_FT_U64:
        ofp_put_be64(p, *(const uint64_t *) src);
        break;
    case OFP_FT_MAC:
        memcpy(p, src, 6);
        break;
    case OFP_FT_IPV6:
    case OFP_FT_U128:
        memcpy(p, src, 16);
        break;
    }
}

/* Writes one TLV for field 'fi' at 'p', whose value (and mask, if 'mask')
 * are stored in the layouts of 'fi'.  Returns the bytes written. */
static inline size_t
write_tlv(uint8_t *p, const struct ofp_field_info *fi, const void *value,
          const void *mask)
{
    unsigned len = fi->len;

    ofp_put_be32(p, OFP_OXM_HEADER(fi->oxm_class, fi->oxm_field,
                                   mask != NULL,
                                   mask ? 2 * len : len));
    put_wire(fi, value, p + 4);
    if (mask) {
        put_wire(fi, mask, p + 4 + len);
        return 4 + 2 * len;
    }
    return 4 + len;
}

/* Bytes the modelled fields of 'm' take as TLVs. */
static inline size_t
tlvs_size(const struct ofp_match *m)
{
    size_t total = 0;
    for (uint64_t bits = m->present; bits; bits &= bits - 1) {
        int f = __builtin_ctzll(bits);
        total += 4 + fields[f].len * (1 + ((m->masked >> f) & 1));
    }
    return total;
}

/* Writes the modelled fields of 'm' as TLVs at 'p', in enum order. */
static inline void
write_tlvs(const struct ofp_match *m, uint8_t *p)
{
    for (uint64_t bits = m->present; bits; bits &= bits - 1) {
        int f = __builtin_ctzll(bits);
        const struct ofp_field_info *fi = &fields[f];

        p += write_tlv(p, fi, cvptr(&m->v, fi),
                       (m->masked >> f) & 1 ? cvptr(&m->m, fi) : NULL);
    }
}

void
ofp_oxm_encode(const struct ofp_match *m, struct ofpbuf *b)
{
    size_t total = tlvs_size(m);

    /* One reservation for all the fields keeps the per-packet path free
     * of per-field buffer checks. */
    write_tlvs(m, ofpbuf_put_uninit(b, total));
    if (m->unknown_len && m->unknown) {
        put_unknown(m, b);
    }
}

void
ofp_match_encode(const struct ofp_match *m, struct ofpbuf *b)
{
    size_t start = b->size;

    if (!m->unknown_len) {
        size_t len = 4 + tlvs_size(m);
        size_t padded = (len + 7) & ~(size_t) 7;
        uint8_t *p = ofpbuf_put_uninit(b, padded);

        ofp_put_be16(p, OFPMT_OXM);
        ofp_put_be16(p + 2, len);
        write_tlvs(m, p + 4);
        memset(p + len, 0, padded - len);
    } else {
        ofpbuf_put_be16(b, OFPMT_OXM);
        ofpbuf_put_be16(b, 0);
        ofp_oxm_encode(m, b);
        ofpbuf_set_be16(b, start + 2, b->size - start);
        ofpbuf_pad_to(b, start, 8);
    }
}

void
ofp_oxm_put_field(struct ofpbuf *b, enum ofp_field f,
                  const union ofp_field_value *value,
                  const union ofp_field_value *mask)
{
    if (f < OFP_N_FIELDS) {
        const struct ofp_field_info *fi = &fields[f];
        uint8_t *p = ofpbuf_put_uninit(b, 4 + (mask ? 2 : 1) * fi->len);
        write_tlv(p, fi, value, mask);
    }
}
