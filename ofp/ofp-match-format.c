/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-match.h"
#include "ofp/ofp-actions.h"      /* ofp_port_no_format(). */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Text for matches and field values, in the syntax Open vSwitch 3.1 prints
 * (lib/match.c match_format() for matches, lib/meta-flow.c mf_format() for
 * set_field values).  Checked against `ovs-ofctl ofp-print`.
 *
 * OVS does not support in_phy_port, pbb_isid and ipv6_exthdr; for those we
 * print "in_phy_port=PORT", "pbb_isid=N" (decimal, "0xV/0xM" masked) and
 * "ipv6_exthdr=0xV[/0xM]". */

#define CT_STATE_BITS 8

/* Names of the ct_state bits, least significant first. */
static const char *const ct_state_names[CT_STATE_BITS] = {
    "new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};

/* Appends an integer the way OVS's ds_put_hex() prints big-endian bytes:
 * "0" for zero, else "0x" and the value without leading zeros. */
static void
put_hex_int(struct ofp_ds *s, uint64_t v)
{
    if (v) {
        ofp_ds_put_format(s, "0x%"PRIx64, v);
    } else {
        ofp_ds_put_char(s, '0');
    }
}

/* Same as put_hex_int() for a 'n'-byte big-endian byte string. */
static void
put_hex_bytes(struct ofp_ds *s, const uint8_t *p, size_t n)
{
    bool printed = false;
    for (size_t i = 0; i < n; i++) {
        if (p[i] || printed) {
            ofp_ds_put_format(s, printed ? "%02"PRIx8 : "0x%"PRIx8, p[i]);
            printed = true;
        }
    }
    if (!printed) {
        ofp_ds_put_char(s, '0');
    }
}

/* Number of leading one bits if 'mask' is a CIDR mask of 'n' bytes,
 * else -1. */
static int
cidr_bits(const uint8_t *mask, size_t n)
{
    size_t i = 0;
    int bits = 0;

    while (i < n && mask[i] == 0xff) {
        i++;
        bits += 8;
    }
    if (i < n) {
        uint8_t b = mask[i];
        while (b & 0x80) {
            b <<= 1;
            bits++;
        }
        if (b) {
            return -1;
        }
        for (i++; i < n; i++) {
            if (mask[i]) {
                return -1;
            }
        }
    }
    return bits;
}

/* IPv4 address with an optional mask: "a.b.c.d", "/N" or "/a.b.c.d". */
static void
put_ipv4_masked(struct ofp_ds *s, uint32_t ip, const uint32_t *mask)
{
    ofp_ds_put_ipv4(s, ip);
    if (mask && *mask != UINT32_MAX) {
        uint8_t mb[4];
        int bits;

        ofp_put_be32(mb, *mask);
        bits = cidr_bits(mb, 4);
        if (bits >= 0) {
            ofp_ds_put_format(s, "/%d", bits);
        } else {
            ofp_ds_put_char(s, '/');
            ofp_ds_put_ipv4(s, *mask);
        }
    }
}

/* IPv6 address with an optional mask. */
static void
put_ipv6_masked(struct ofp_ds *s, const uint8_t ip[16], const uint8_t *mask)
{
    ofp_ds_put_ipv6(s, ip);
    if (mask) {
        int bits = cidr_bits(mask, 16);
        if (bits == 128) {
            return;
        }
        if (bits >= 0) {
            ofp_ds_put_format(s, "/%d", bits);
        } else {
            ofp_ds_put_char(s, '/');
            ofp_ds_put_ipv6(s, mask);
        }
    }
}

/* MAC address with an optional mask. */
static void
put_mac_masked(struct ofp_ds *s, const uint8_t mac[6], const uint8_t *mask)
{
    static const uint8_t ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

    ofp_ds_put_mac(s, mac);
    if (mask && memcmp(mask, ones, 6)) {
        ofp_ds_put_char(s, '/');
        ofp_ds_put_mac(s, mask);
    }
}

/* ct_state flags: exact as "new|trk" ("0" for none), masked as
 * "+new-est+trk" (least significant bit first), as OVS prints them. */
static void
put_ct_state(struct ofp_ds *s, uint32_t value, uint32_t mask)
{
    mask &= (1u << CT_STATE_BITS) - 1;
    if (mask == (1u << CT_STATE_BITS) - 1) {
        bool first = true;
        if (!value) {
            ofp_ds_put_char(s, '0');
        }
        for (int i = 0; i < CT_STATE_BITS; i++) {
            if (value & (1u << i)) {
                ofp_ds_put_format(s, "%s%s", first ? "" : "|",
                                  ct_state_names[i]);
                first = false;
            }
        }
        value &= ~((1u << CT_STATE_BITS) - 1);
        if (value) {
            ofp_ds_put_format(s, "%s0x%"PRIx32, first ? "" : "|", value);
        }
    } else if (!mask) {
        ofp_ds_put_cstr(s, "0/0");
    } else {
        for (int i = 0; i < CT_STATE_BITS; i++) {
            if (mask & (1u << i)) {
                ofp_ds_put_format(s, "%c%s", value & (1u << i) ? '+' : '-',
                                  ct_state_names[i]);
            }
        }
    }
}

/* ---- Single values (OVS mf_format()). -------------------------------- */

/* Loads an integer-typed value of 'fi' from a union, cut to its wire
 * width (pbb_isid is 24 bits in a uint32_t). */
static uint64_t
union_int(const struct ofp_field_info *fi, const union ofp_field_value *v)
{
    switch (fi->type) {
    case OFP_FT_U8: return v->u8;
    case OFP_FT_U16: return v->u16;
    case OFP_FT_U32: case OFP_FT_IPV4:
        return v->u32 & (UINT32_MAX >> (32 - 8 * fi->len));
    case OFP_FT_U64: return v->u64;
    default: return 0;
    }
}

void
ofp_field_format_value(enum ofp_field f, const union ofp_field_value *v,
                       const union ofp_field_value *mask, bool set_field,
                       struct ofp_ds *s)
{
    const struct ofp_field_info *fi = ofp_field_info(f);
    enum ofp_field_fmt fmt;
    bool is_int;

    if (!fi) {
        ofp_ds_put_cstr(s, "<unknown>");
        return;
    }
    is_int = fi->type <= OFP_FT_IPV4;
    if (mask) {
        bool zeros, ones;
        if (is_int) {
            /* set_field looks at every mask bit, a match value only at the
             * field's significant ones. */
            unsigned n_bits = set_field ? fi->len * 8 : fi->n_bits;
            uint64_t all = n_bits >= 64 ? UINT64_MAX
                                        : (UINT64_C(1) << n_bits) - 1;
            uint64_t mk = union_int(fi, mask);
            zeros = !(mk & all);
            ones = (mk & all) == all;
        } else {
            size_t i;
            zeros = ones = true;
            for (i = 0; i < fi->len; i++) {
                zeros = zeros && !mask->bytes[i];
                ones = ones && mask->bytes[i] == 0xff;
            }
        }
        if (zeros) {
            ofp_ds_put_cstr(s, "ANY");
            return;
        } else if (ones) {
            mask = NULL;
        }
    }

    fmt = fi->fmt;
    if (!set_field) {
        if (f == OFP_F_CT_STATE) {
            put_ct_state(s, v->u32, mask ? mask->u32 : UINT32_MAX);
            return;
        }
        fmt = (f == OFP_F_IN_PHY_PORT ? OFP_FF_PORT
               : f == OFP_F_PBB_ISID ? OFP_FF_DEC : fmt);
    }
    switch (fmt) {
    case OFP_FF_PORT:
        if (!mask) {
            ofp_port_no_format(v->u32, s);
            break;
        }
        /* fall through */
    case OFP_FF_DEC:
        ofp_ds_put_format(s, "%"PRIu64, union_int(fi, v));
        if (mask) {
            ofp_ds_put_char(s, '/');
            put_hex_int(s, union_int(fi, mask));
        }
        break;
    case OFP_FF_HEX:
        if (is_int) {
            put_hex_int(s, union_int(fi, v));
            if (mask) {
                ofp_ds_put_char(s, '/');
                put_hex_int(s, union_int(fi, mask));
            }
        } else {
            put_hex_bytes(s, v->bytes, fi->len);
            if (mask) {
                ofp_ds_put_char(s, '/');
                put_hex_bytes(s, mask->bytes, fi->len);
            }
        }
        break;
    case OFP_FF_MAC:
        put_mac_masked(s, v->mac, mask ? mask->mac : NULL);
        break;
    case OFP_FF_IPV4:
        put_ipv4_masked(s, v->u32, mask ? &mask->u32 : NULL);
        break;
    case OFP_FF_IPV6:
        put_ipv6_masked(s, v->bytes, mask ? mask->bytes : NULL);
        break;
    }
}

/* ---- Whole matches (OVS match_format()). ----------------------------- */

static inline bool
is_masked(const struct ofp_match *m, enum ofp_field f)
{
    return (m->masked >> f) & 1;
}

/* "NAME=" followed by a decimal value, or "0xV/0xM" when masked (OVS's
 * format_be16_masked and friends). */
static void
put_dec_field(struct ofp_ds *s, const char *name, uint64_t v, uint64_t mk,
              bool masked)
{
    if (masked) {
        ofp_ds_put_format(s, "%s=0x%"PRIx64"/0x%"PRIx64",", name, v, mk);
    } else {
        ofp_ds_put_format(s, "%s=%"PRIu64",", name, v);
    }
}

/* "NAME=%#x" and "/%#x" when masked (OVS's format_uint32_masked and
 * format_be64_masked). */
static void
put_hex_field(struct ofp_ds *s, const char *name, uint64_t v, uint64_t mk,
              bool masked)
{
    ofp_ds_put_format(s, "%s=%#"PRIx64, name, v);
    if (masked) {
        ofp_ds_put_format(s, "/%#"PRIx64, mk);
    }
    ofp_ds_put_char(s, ',');
}

/* A MAC field: "NAME=mac[/mask],". */
static void
put_mac_field(struct ofp_ds *s, const struct ofp_match *m, enum ofp_field f,
              const char *name)
{
    if (ofp_match_has(m, f)) {
        const struct ofp_field_info *fi = ofp_field_info(f);
        ofp_ds_put_format(s, "%s=", name);
        put_mac_masked(s, (const uint8_t *) &m->v + fi->offset,
                       is_masked(m, f)
                       ? (const uint8_t *) &m->m + fi->offset : NULL);
        ofp_ds_put_char(s, ',');
    }
}

/* An IPv4 field: "NAME=ip[/N|/mask],". */
static void
put_ipv4_field(struct ofp_ds *s, const struct ofp_match *m, enum ofp_field f,
               const char *name)
{
    if (ofp_match_has(m, f)) {
        const struct ofp_field_info *fi = ofp_field_info(f);
        const uint32_t *v = (const void *) ((const uint8_t *) &m->v
                                            + fi->offset);
        const uint32_t *mk = (const void *) ((const uint8_t *) &m->m
                                             + fi->offset);
        ofp_ds_put_format(s, "%s=", name);
        put_ipv4_masked(s, *v, is_masked(m, f) ? mk : NULL);
        ofp_ds_put_char(s, ',');
    }
}

/* An IPv6 field: "NAME=ip6[/N|/mask],". */
static void
put_ipv6_field(struct ofp_ds *s, const struct ofp_match *m, enum ofp_field f,
               const char *name)
{
    if (ofp_match_has(m, f)) {
        const struct ofp_field_info *fi = ofp_field_info(f);
        ofp_ds_put_format(s, "%s=", name);
        put_ipv6_masked(s, (const uint8_t *) &m->v + fi->offset,
                        is_masked(m, f)
                        ? (const uint8_t *) &m->m + fi->offset : NULL);
        ofp_ds_put_char(s, ',');
    }
}

/* The VLAN fields, folded into a TCI as OVS does: "dl_vlan=V",
 * "dl_vlan_pcp=P", or "vlan_tci=0xTTTT[/0xMMMM]". */
static void
put_vlan(struct ofp_ds *s, const struct ofp_match *m)
{
    uint16_t tci = 0, mask = 0;
    uint16_t vid_mask, pcp_mask, cfi;

    if (ofp_match_has(m, OFP_F_VLAN_VID)) {
        uint16_t vm = is_masked(m, OFP_F_VLAN_VID) ? m->m.vlan_vid : 0x1fff;
        tci |= m->v.vlan_vid & vm & 0x1fff;
        mask |= vm & 0x1fff;
    }
    if (ofp_match_has(m, OFP_F_VLAN_PCP)) {
        tci = (tci & ~0xe000) | (m->v.vlan_pcp & 7) << 13 | 0x1000;
        mask |= 0xf000;
    }
    if (!mask) {
        return;
    }
    vid_mask = mask & 0x0fff;
    pcp_mask = mask & 0xe000;
    cfi = mask & 0x1000;
    if (cfi && (tci & 0x1000)
        && (!vid_mask || vid_mask == 0x0fff)
        && (!pcp_mask || pcp_mask == 0xe000)
        && (vid_mask || pcp_mask)) {
        if (vid_mask) {
            ofp_ds_put_format(s, "dl_vlan=%d,", tci & 0x0fff);
        }
        if (pcp_mask) {
            ofp_ds_put_format(s, "dl_vlan_pcp=%d,", tci >> 13);
        }
    } else if (mask == 0xffff) {
        ofp_ds_put_format(s, "vlan_tci=0x%04"PRIx16",", tci);
    } else {
        ofp_ds_put_format(s, "vlan_tci=0x%04"PRIx16"/0x%04"PRIx16",",
                          tci, mask);
    }
}

/* Formats the few unmodelled TLVs that OVS commonly puts in matches
 * (pkt_mark); others are not shown. */
static void
put_unknown(struct ofp_ds *s, const struct ofp_match *m)
{
    size_t ofs = 0;

    while (m->unknown && ofs + 4 <= m->unknown_len) {
        const uint8_t *p = m->unknown + ofs;
        uint32_t h = ofp_get_be32(p);
        size_t n = 4 + OFP_OXM_LENGTH(h);

        if (ofs + n > m->unknown_len) {
            break;
        }
        if (OFP_OXM_CLASS(h) == OFP_OXM_CLASS_NXM1
            && OFP_OXM_FIELD(h) == 33) {
            if (!OFP_OXM_HASMASK(h) && n == 8) {
                put_hex_field(s, "pkt_mark", ofp_get_be32(p + 4), 0, false);
            } else if (OFP_OXM_HASMASK(h) && n == 12) {
                put_hex_field(s, "pkt_mark", ofp_get_be32(p + 4),
                              ofp_get_be32(p + 8), true);
            }
        }
        ofs += n;
    }
}

void
ofp_match_format(const struct ofp_match *m, struct ofp_ds *s)
{
    size_t start = s->length;
    bool skip_type = false, skip_proto = false;
    uint16_t dl_type = 0;
    uint8_t proto = 0;
    bool has_type = ofp_match_has(m, OFP_F_ETH_TYPE);
    bool has_proto = ofp_match_has(m, OFP_F_IP_PROTO);

    if (has_type) {
        dl_type = m->v.eth_type;
    }
    if (has_proto) {
        proto = m->v.ip_proto;
    }

    put_unknown(s, m);
    if (ofp_match_has(m, OFP_F_CONJ_ID)) {
        ofp_ds_put_format(s, "conj_id=%"PRIu32",", m->v.conj_id);
    }
    if (ofp_match_has(m, OFP_F_CT_STATE)) {
        uint32_t mk = is_masked(m, OFP_F_CT_STATE) ? m->m.ct_state
                                                   : UINT32_MAX;
        if (mk & 0xff) {
            ofp_ds_put_cstr(s, "ct_state=");
            put_ct_state(s, m->v.ct_state, mk);
            ofp_ds_put_char(s, ',');
        }
    }
    if (ofp_match_has(m, OFP_F_CT_ZONE)) {
        put_dec_field(s, "ct_zone", m->v.ct_zone, m->m.ct_zone,
                      is_masked(m, OFP_F_CT_ZONE));
    }
    if (ofp_match_has(m, OFP_F_CT_MARK)) {
        put_hex_field(s, "ct_mark", m->v.ct_mark, m->m.ct_mark,
                      is_masked(m, OFP_F_CT_MARK));
    }
    if (ofp_match_has(m, OFP_F_CT_LABEL)) {
        ofp_ds_put_cstr(s, "ct_label=");
        put_hex_bytes(s, m->v.ct_label, 16);
        if (is_masked(m, OFP_F_CT_LABEL)) {
            ofp_ds_put_char(s, '/');
            put_hex_bytes(s, m->m.ct_label, 16);
        }
        ofp_ds_put_char(s, ',');
    }

    if (has_type && !is_masked(m, OFP_F_ETH_TYPE)) {
        skip_type = true;
        if (dl_type == 0x0800 || dl_type == 0x86dd) {
            bool v6 = dl_type == 0x86dd;
            const char *name = NULL;

            if (has_proto) {
                switch (proto) {
                case 1: name = v6 ? NULL : "icmp"; break;
                case 58: name = v6 ? "icmp6" : NULL; break;
                case 6: name = v6 ? "tcp6" : "tcp"; break;
                case 17: name = v6 ? "udp6" : "udp"; break;
                case 132: name = v6 ? "sctp6" : "sctp"; break;
                }
            }
            if (name) {
                skip_proto = true;
            } else {
                name = v6 ? "ipv6" : "ip";
            }
            ofp_ds_put_format(s, "%s,", name);
        } else if (dl_type == 0x0806) {
            ofp_ds_put_cstr(s, "arp,");
        } else if (dl_type == 0x8035) {
            ofp_ds_put_cstr(s, "rarp,");
        } else if (dl_type == 0x8847) {
            ofp_ds_put_cstr(s, "mpls,");
        } else if (dl_type == 0x8848) {
            ofp_ds_put_cstr(s, "mplsm,");
        } else {
            skip_type = false;
        }
    }

    for (int i = 0; i < 16; i++) {
        enum ofp_field f = OFP_F_REG0 + i;
        if (ofp_match_has(m, f)) {
            char name[8];
            snprintf(name, sizeof name, "reg%d", i);
            put_hex_field(s, name, m->v.reg[i], m->m.reg[i],
                          is_masked(m, f));
        }
    }
    if (ofp_match_has(m, OFP_F_TUNNEL_ID)) {
        put_hex_field(s, "tun_id", m->v.tunnel_id, m->m.tunnel_id,
                      is_masked(m, OFP_F_TUNNEL_ID));
    }
    put_ipv4_field(s, m, OFP_F_TUN_IPV4_SRC, "tun_src");
    put_ipv4_field(s, m, OFP_F_TUN_IPV4_DST, "tun_dst");
    if (ofp_match_has(m, OFP_F_METADATA)) {
        put_hex_field(s, "metadata", m->v.metadata, m->m.metadata,
                      is_masked(m, OFP_F_METADATA));
    }
    if (ofp_match_has(m, OFP_F_IN_PORT)) {
        ofp_ds_put_cstr(s, "in_port=");
        ofp_port_no_format(m->v.in_port, s);
        ofp_ds_put_char(s, ',');
    }
    if (ofp_match_has(m, OFP_F_IN_PHY_PORT)) {
        ofp_ds_put_cstr(s, "in_phy_port=");
        ofp_port_no_format(m->v.in_phy_port, s);
        ofp_ds_put_char(s, ',');
    }
    put_vlan(s, m);
    put_mac_field(s, m, OFP_F_ETH_SRC, "dl_src");
    put_mac_field(s, m, OFP_F_ETH_DST, "dl_dst");
    if (has_type && !skip_type) {
        if (is_masked(m, OFP_F_ETH_TYPE)) {
            ofp_ds_put_format(s, "dl_type=0x%04"PRIx16"/0x%04"PRIx16",",
                              dl_type, m->m.eth_type);
        } else {
            ofp_ds_put_format(s, "dl_type=0x%04"PRIx16",", dl_type);
        }
    }

    put_ipv6_field(s, m, OFP_F_IPV6_SRC, "ipv6_src");
    put_ipv6_field(s, m, OFP_F_IPV6_DST, "ipv6_dst");
    if (ofp_match_has(m, OFP_F_IPV6_FLABEL)) {
        if (is_masked(m, OFP_F_IPV6_FLABEL)) {
            ofp_ds_put_format(s, "ipv6_label=0x%05"PRIx32"/0x%05"PRIx32",",
                              m->v.ipv6_flabel, m->m.ipv6_flabel);
        } else {
            ofp_ds_put_format(s, "ipv6_label=0x%05"PRIx32",",
                              m->v.ipv6_flabel);
        }
    }
    put_ipv4_field(s, m, OFP_F_ARP_SPA, "arp_spa");
    put_ipv4_field(s, m, OFP_F_ARP_TPA, "arp_tpa");
    put_ipv4_field(s, m, OFP_F_IPV4_SRC, "nw_src");
    put_ipv4_field(s, m, OFP_F_IPV4_DST, "nw_dst");
    if (has_proto && !skip_proto) {
        ofp_ds_put_format(s, "nw_proto=%"PRIu8",", proto);
    }
    if (ofp_match_has(m, OFP_F_ARP_OP)) {
        ofp_ds_put_format(s, "arp_op=%"PRIu16",", m->v.arp_op);
    }
    put_mac_field(s, m, OFP_F_ARP_SHA, "arp_sha");
    put_mac_field(s, m, OFP_F_ARP_THA, "arp_tha");
    if (ofp_match_has(m, OFP_F_IP_DSCP)) {
        ofp_ds_put_format(s, "nw_tos=%d,", (m->v.ip_dscp & 0x3f) << 2);
    }
    if (ofp_match_has(m, OFP_F_IP_ECN)) {
        ofp_ds_put_format(s, "nw_ecn=%d,", m->v.ip_ecn & 3);
    }
    if (ofp_match_has(m, OFP_F_MPLS_LABEL)) {
        ofp_ds_put_format(s, "mpls_label=%"PRIu32",", m->v.mpls_label);
    }
    if (ofp_match_has(m, OFP_F_MPLS_TC)) {
        ofp_ds_put_format(s, "mpls_tc=%"PRIu8",", m->v.mpls_tc);
    }
    if (ofp_match_has(m, OFP_F_MPLS_BOS)) {
        ofp_ds_put_format(s, "mpls_bos=%"PRIu8",", m->v.mpls_bos);
    }
    if (ofp_match_has(m, OFP_F_ICMPV4_TYPE)) {
        ofp_ds_put_format(s, "icmp_type=%"PRIu8",", m->v.icmpv4_type);
    }
    if (ofp_match_has(m, OFP_F_ICMPV4_CODE)) {
        ofp_ds_put_format(s, "icmp_code=%"PRIu8",", m->v.icmpv4_code);
    }
    if (ofp_match_has(m, OFP_F_ICMPV6_TYPE)) {
        ofp_ds_put_format(s, "icmp_type=%"PRIu8",", m->v.icmpv6_type);
    }
    if (ofp_match_has(m, OFP_F_ICMPV6_CODE)) {
        ofp_ds_put_format(s, "icmp_code=%"PRIu8",", m->v.icmpv6_code);
    }
    put_ipv6_field(s, m, OFP_F_IPV6_ND_TARGET, "nd_target");
    put_mac_field(s, m, OFP_F_IPV6_ND_SLL, "nd_sll");
    put_mac_field(s, m, OFP_F_IPV6_ND_TLL, "nd_tll");

    static const struct {
        enum ofp_field f;
        const char *name;
    } ports[] = {
        { OFP_F_TCP_SRC, "tp_src" }, { OFP_F_TCP_DST, "tp_dst" },
        { OFP_F_UDP_SRC, "tp_src" }, { OFP_F_UDP_DST, "tp_dst" },
        { OFP_F_SCTP_SRC, "tp_src" }, { OFP_F_SCTP_DST, "tp_dst" },
    };
    for (size_t i = 0; i < sizeof ports / sizeof *ports; i++) {
        enum ofp_field f = ports[i].f;
        if (ofp_match_has(m, f)) {
            const struct ofp_field_info *fi = ofp_field_info(f);
            uint16_t v, mk;
            memcpy(&v, (const uint8_t *) &m->v + fi->offset, 2);
            memcpy(&mk, (const uint8_t *) &m->m + fi->offset, 2);
            put_dec_field(s, ports[i].name, v, mk, is_masked(m, f));
        }
    }
    if (ofp_match_has(m, OFP_F_PBB_ISID)) {
        put_dec_field(s, "pbb_isid", m->v.pbb_isid, m->m.pbb_isid,
                      is_masked(m, OFP_F_PBB_ISID));
    }
    if (ofp_match_has(m, OFP_F_IPV6_EXTHDR)) {
        put_hex_field(s, "ipv6_exthdr", m->v.ipv6_exthdr, m->m.ipv6_exthdr,
                      is_masked(m, OFP_F_IPV6_EXTHDR));
    }

    if (s->length > start) {
        ofp_ds_chomp(s, ",");
    }
}
