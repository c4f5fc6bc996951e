/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_MATCH_H
#define OFP_MATCH_H 1

/* OpenFlow 1.3 matches: the 40 OXM basic fields plus the Nicira (NXM) fields
 * that Open vSwitch accepts in OpenFlow 1.3 matches and set_field.
 *
 * A match is a host-order struct with one typed member per field, a bit per
 * field saying it is present, and a bit saying it carries a mask.  Apps fill
 * it with ofp_match_set_*(); the codec turns it into the OXM TLV list of an
 * OpenFlow 1.3 'struct ofp_match' and back. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"

/* Every field we model.  The first 40 are numbered exactly as their OXM
 * basic field codes (OFPXMT_OFB_*); the Nicira fields follow. */
enum ofp_field {
    OFP_F_IN_PORT = 0,
    OFP_F_IN_PHY_PORT,
    OFP_F_METADATA,
    OFP_F_ETH_DST,
    OFP_F_ETH_SRC,
    OFP_F_ETH_TYPE,
    OFP_F_VLAN_VID,             /* 13 bits: OFPVID_PRESENT | vid. */
    OFP_F_VLAN_PCP,
    OFP_F_IP_DSCP,
    OFP_F_IP_ECN,
    OFP_F_IP_PROTO,             /* 10 */
    OFP_F_IPV4_SRC,
    OFP_F_IPV4_DST,
    OFP_F_TCP_SRC,
    OFP_F_TCP_DST,
    OFP_F_UDP_SRC,
    OFP_F_UDP_DST,
    OFP_F_SCTP_SRC,
    OFP_F_SCTP_DST,
    OFP_F_ICMPV4_TYPE,
    OFP_F_ICMPV4_CODE,          /* 20 */
    OFP_F_ARP_OP,
    OFP_F_ARP_SPA,
    OFP_F_ARP_TPA,
    OFP_F_ARP_SHA,
    OFP_F_ARP_THA,
    OFP_F_IPV6_SRC,
    OFP_F_IPV6_DST,
    OFP_F_IPV6_FLABEL,
    OFP_F_ICMPV6_TYPE,
    OFP_F_ICMPV6_CODE,          /* 30 */
    OFP_F_IPV6_ND_TARGET,
    OFP_F_IPV6_ND_SLL,
    OFP_F_IPV6_ND_TLL,
    OFP_F_MPLS_LABEL,
    OFP_F_MPLS_TC,
    OFP_F_MPLS_BOS,
    OFP_F_PBB_ISID,
    OFP_F_TUNNEL_ID,
    OFP_F_IPV6_EXTHDR,          /* 39 */
    /* Nicira extension fields (NXM_NX_*, OXM class 0x0001). */
    OFP_F_REG0,                 /* REG0 + i for reg0..reg15. */
    OFP_F_REG15 = OFP_F_REG0 + 15,
    OFP_F_TUN_IPV4_SRC,
    OFP_F_TUN_IPV4_DST,
    OFP_F_CT_STATE,
    OFP_F_CT_ZONE,
    OFP_F_CT_MARK,
    OFP_F_CT_LABEL,
    OFP_F_CONJ_ID,
    OFP_N_FIELDS,
    OFP_F_NONE = OFP_N_FIELDS   /* "No field", e.g. an immediate ct zone. */
};

#define OFP_N_OXM_BASIC_FIELDS 40
_Static_assert(OFP_N_FIELDS <= 64, "match present bitmap is 64 bits");

/* How a field's value is stored in struct ofp_match_fields.  Integers and
 * IPv4 addresses are in host byte order; MACs, IPv6 addresses and the
 * 128-bit ct_label are byte arrays in network order. */
enum ofp_field_type {
    OFP_FT_U8,
    OFP_FT_U16,
    OFP_FT_U32,                 /* Also 20- and 24-bit fields. */
    OFP_FT_U64,
    OFP_FT_IPV4,                /* uint32_t, host order. */
    OFP_FT_MAC,                 /* uint8_t[6]. */
    OFP_FT_IPV6,                /* uint8_t[16]. */
    OFP_FT_U128,                /* uint8_t[16], big-endian (ct_label). */
};

/* OXM classes. */
#define OFP_OXM_CLASS_NXM0 0x0000          /* Legacy NXM_OF_* fields. */
#define OFP_OXM_CLASS_NXM1 0x0001          /* NXM_NX_* fields. */
#define OFP_OXM_CLASS_OPENFLOW_BASIC 0x8000
#define OFP_OXM_CLASS_EXPERIMENTER 0xffff

/* OXM header: class(16) | field(7) | hasmask(1) | length(8). */
#define OFP_OXM_HEADER(CLASS, FIELD, HASMASK, LEN) \
    (((uint32_t) (CLASS) << 16) | ((FIELD) << 9) | ((HASMASK) << 8) | (LEN))
#define OFP_OXM_CLASS(H) ((H) >> 16)
#define OFP_OXM_FIELD(H) (((H) >> 9) & 0x7f)
#define OFP_OXM_HASMASK(H) (((H) >> 8) & 1)
#define OFP_OXM_LENGTH(H) ((H) & 0xff)

#define OFPVID_PRESENT 0x1000
#define OFPVID_NONE 0x0000

/* How Open vSwitch prints a field's value after "set_field:" (its
 * mf_format() styles).  Match values differ for a few fields, see
 * ofp_field_format_value(). */
enum ofp_field_fmt {
    OFP_FF_DEC,                 /* "80". */
    OFP_FF_HEX,                 /* "0x5" (leading zero bytes dropped). */
    OFP_FF_MAC,                 /* "52:54:00:aa:bb:cc". */
    OFP_FF_IPV4,                /* "10.0.0.1". */
    OFP_FF_IPV6,                /* "fe80::1". */
    OFP_FF_PORT,                /* "2", "LOCAL". */
};

/* Static description of one field: its names, its OXM TLV, its storage in
 * struct ofp_match_fields, and how Open vSwitch's actions see it.
 * 'nxm_header' is the header Open vSwitch writes for the field in
 * NXAST_REG_LOAD/REG_MOVE/REG_LOAD2 and ct zones: the NXM one when the
 * field has one (for in_port the 16-bit NXM_OF_IN_PORT), else the OXM one;
 * 'nxm_name' is its name, which load/move print ("NXM_NX_REG0[0..15]").
 * The width load/move give the field is
 * ofp_field_header_n_bits(nxm_header), which differs from 'n_bits' for
 * in_port (16) and vlan_vid (12). */
struct ofp_field_info {
    enum ofp_field id;
    const char *name;           /* Open vSwitch's name: "tcp_dst", "reg3". */
    const char *nxm_name;       /* "NXM_OF_TCP_DST", "OXM_OF_VLAN_VID". */
    uint16_t oxm_class;         /* OFP_OXM_CLASS_*. */
    uint8_t oxm_field;          /* Field code within the class. */
    uint8_t len;                /* Value bytes on the wire. */
    uint8_t n_bits;             /* Significant bits (13 for vlan_vid...). */
    bool maskable;
    bool writable;              /* Allowed in set_field and load. */
    enum ofp_field_type type;
    uint16_t offset;            /* offsetof() in struct ofp_match_fields. */
    uint32_t nxm_header;        /* Without mask bit. */
    enum ofp_field_fmt fmt;
};

/* Returns the description of 'f', or NULL if 'f' >= OFP_N_FIELDS. */
const struct ofp_field_info *ofp_field_info(enum ofp_field f);
/* Looks a field up by Open vSwitch name ("tcp_dst", "nw_src" aliases
 * included) or NXM/OXM name ("NXM_NX_REG0"); OFP_F_NONE if unknown. */
enum ofp_field ofp_field_from_name(const char *name);
/* Looks a field up by OXM/NXM header (hasmask and length ignored), as used
 * by OXM TLVs, NXAST_REG_MOVE and NXAST_REG_LOAD; OFP_F_NONE if unknown.
 * Both the OXM basic (0x8000) and legacy NXM (class 0 or 1) headers of a
 * basic field resolve to the same field. */
enum ofp_field ofp_field_from_header(uint32_t header);
/* The OXM header to emit for 'f' in OpenFlow 1.3, without mask. */
uint32_t ofp_field_header(enum ofp_field f);
/* The name Open vSwitch prints for 'header' in move/load actions
 * ("NXM_OF_ETH_SRC" for both the OXM and the NXM header of eth_src,
 * "NXM_OF_IN_PORT" vs "OXM_OF_IN_PORT"), or NULL if unknown. */
const char *ofp_field_header_name(uint32_t header);
/* The width in bits Open vSwitch gives the field of 'header' in move/load
 * (16 for NXM_OF_IN_PORT, 32 for OXM_OF_IN_PORT, 12 for OXM_OF_VLAN_VID),
 * or 0 if unknown. */
unsigned ofp_field_header_n_bits(uint32_t header);

/* Typed values, one member per field. */
struct ofp_match_fields {
    uint32_t in_port;
    uint32_t in_phy_port;
    uint64_t metadata;
    uint8_t eth_dst[6];
    uint8_t eth_src[6];
    uint16_t eth_type;
    uint16_t vlan_vid;
    uint8_t vlan_pcp;
    uint8_t ip_dscp;
    uint8_t ip_ecn;
    uint8_t ip_proto;
    uint32_t ipv4_src;
    uint32_t ipv4_dst;
    uint16_t tcp_src;
    uint16_t tcp_dst;
    uint16_t udp_src;
    uint16_t udp_dst;
    uint16_t sctp_src;
    uint16_t sctp_dst;
    uint8_t icmpv4_type;
    uint8_t icmpv4_code;
    uint16_t arp_op;
    uint32_t arp_spa;
    uint32_t arp_tpa;
    uint8_t arp_sha[6];
    uint8_t arp_tha[6];
    uint8_t ipv6_src[16];
    uint8_t ipv6_dst[16];
    uint32_t ipv6_flabel;
    uint8_t icmpv6_type;
    uint8_t icmpv6_code;
    uint8_t ipv6_nd_target[16];
    uint8_t ipv6_nd_sll[6];
    uint8_t ipv6_nd_tll[6];
    uint32_t mpls_label;
    uint8_t mpls_tc;
    uint8_t mpls_bos;
    uint32_t pbb_isid;
    uint64_t tunnel_id;
    uint16_t ipv6_exthdr;
    uint32_t reg[16];
    uint32_t tun_ipv4_src;
    uint32_t tun_ipv4_dst;
    uint32_t ct_state;
    uint16_t ct_zone;
    uint32_t ct_mark;
    uint8_t ct_label[16];
    uint32_t conj_id;
};

/* A match.  A field whose 'present' bit is clear is wildcarded and its
 * value and mask are zero.  A present field without its 'masked' bit is
 * matched exactly (its mask member is ignored, and kept zero).  So two
 * matches with the same meaning are equal with memcmp on v and m.
 *
 * 'unknown' keeps well-formed OXM TLVs of non-basic classes that we do not
 * model (e.g. a foreign flow's pkt_mark), verbatim and borrowed from the
 * decoded message, so dumped flows can be re-encoded losslessly. */
struct ofp_match {
    uint64_t present;           /* 1 << enum ofp_field. */
    uint64_t masked;            /* Subset of 'present'. */
    struct ofp_match_fields v;  /* Values. */
    struct ofp_match_fields m;  /* Masks, for 'masked' fields. */
    const uint8_t *unknown;     /* Borrowed raw OXM TLVs, or NULL. */
    uint16_t unknown_len;
};

/* One field's value (or mask) in the layout ofp_field_type says. */
union ofp_field_value {
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;               /* OFP_FT_U32 and OFP_FT_IPV4. */
    uint64_t u64;
    uint8_t mac[6];
    uint8_t bytes[16];          /* OFP_FT_IPV6 and OFP_FT_U128. */
};

/* Makes 'm' the match-everything match. */
void ofp_match_init(struct ofp_match *m);

/* Sets 'f' to 'value', exactly, or under 'mask' if nonnull.  Bits of
 * 'value' outside 'mask' are cleared; mask bits beyond the field's width
 * are dropped; a mask covering the whole width becomes exact and an
 * all-zeros mask wildcards the field.  A partial mask on an unmaskable
 * field is stored as given (the prerequisite check then treats the field
 * as not matched exactly). */
void ofp_match_set(struct ofp_match *, enum ofp_field f,
                   const union ofp_field_value *value,
                   const union ofp_field_value *mask);
/* Convenience setters for the common types (exact match). */
void ofp_match_set_u8(struct ofp_match *, enum ofp_field, uint8_t);
void ofp_match_set_u16(struct ofp_match *, enum ofp_field, uint16_t);
void ofp_match_set_u32(struct ofp_match *, enum ofp_field, uint32_t);
void ofp_match_set_u64(struct ofp_match *, enum ofp_field, uint64_t);
void ofp_match_set_mac(struct ofp_match *, enum ofp_field, const uint8_t[6]);
/* IPv4 prefix, e.g. (10.0.0.0, 8); prefix 32 is exact. */
void ofp_match_set_ipv4_prefix(struct ofp_match *, enum ofp_field,
                               uint32_t addr, unsigned prefix_len);
void ofp_match_clear_field(struct ofp_match *, enum ofp_field);
static inline bool
ofp_match_has(const struct ofp_match *m, enum ofp_field f)
{
    return (m->present >> f) & 1;
}
/* Copies out the value (and the mask, all-ones if exact) of a present
 * field; returns false if 'f' is wildcarded. */
bool ofp_match_get(const struct ofp_match *, enum ofp_field,
                   union ofp_field_value *value,
                   union ofp_field_value *mask);

bool ofp_match_equal(const struct ofp_match *, const struct ofp_match *);
uint32_t ofp_match_hash(const struct ofp_match *, uint32_t basis);

/* Checks every present field's prerequisites (OpenFlow 1.3.5 table 12 and
 * the Nicira equivalents): tcp_dst needs eth_type=0x0800 or 0x86dd and
 * ip_proto=6, vlan_pcp needs a VLAN, and so on.  Returns 0 or
 * OFPBMC_BAD_PREREQ. */
enum ofperr ofp_match_check_prereqs(const struct ofp_match *);

/* Decodes an OpenFlow 1.3 'struct ofp_match' (type OFPMT_OXM, length, OXM
 * TLVs, padding to 8 bytes) at the reader's position and consumes it all.
 * Checks lengths, duplicate fields, masks on unmaskable fields, values out
 * of range and prerequisites.  'unknown' in the result borrows from the
 * reader's buffer.
 *
 * Errors, as Open vSwitch 3.1 reports them unless noted:
 *   OFPBMC_BAD_LEN: fewer than 4 bytes; length < 4; length rounded up to 8
 *     (the padding must be there) beyond the reader; a TLV header or
 *     payload overrunning the list; an experimenter TLV shorter than its
 *     4-byte experimenter id; a TLV whose length is not the field's length
 *     (twice it with hasmask) -- OVS says OFPBMC_BAD_FIELD for the last.
 *   OFPBMC_BAD_TYPE: type other than OFPMT_OXM.
 *   OFPBMC_BAD_FIELD: an OXM basic (class 0x8000) field code above 39.
 *   OFPBMC_BAD_WILDCARDS: value bits set where the mask is 0 (OVS rejects
 *     rather than normalises).
 *   OFPBMC_BAD_MASK: a mask on an unmaskable field, unless all-ones (then
 *     exact) or all-zeros (then wildcarded), as OVS.
 *   OFPBMC_BAD_VALUE: value bits beyond the field's width (vlan_vid >
 *     0x1fff, ip_dscp > 63, ...), and OVS's own limits: arp_op > 0xff,
 *     ct_state bits above 0x80, in_port in [0xff00, 0xffffff00).
 *   OFPBMC_DUP_FIELD: a field twice (even once under a zero mask).
 *   OFPBMC_BAD_PREREQ: checked once the whole list is read (OVS checks
 *     each TLV against the fields before it).
 * Well-formed TLVs of other classes (NXM_NX_PKT_MARK, experimenter OXMs,
 * NXM aliases of basic fields) are kept in 'unknown': it spans from the
 * first to the end of the last such TLV, and the encoder, equal and hash
 * skip the modelled TLVs that lie inside that span.  Masks come out
 * canonical: bits beyond the field's width dropped, a full mask exact. */
enum ofperr ofp_match_decode(struct ofp_reader *, struct ofp_match *);
/* Decodes a bare OXM TLV list of exactly 'len' bytes (no ofp_match
 * header), e.g. a PACKET_IN match's TLVs. */
enum ofperr ofp_oxm_decode(const uint8_t *oxms, size_t len,
                           struct ofp_match *);
/* Appends a 'struct ofp_match' with its padding.  Fields are written in
 * enum order, so equal matches encode to identical bytes. */
void ofp_match_encode(const struct ofp_match *, struct ofpbuf *);
/* Appends the OXM TLVs alone (no header, no padding). */
void ofp_oxm_encode(const struct ofp_match *, struct ofpbuf *);
/* Appends one OXM TLV for 'f' (mask may be NULL): used by set_field. */
void ofp_oxm_put_field(struct ofpbuf *, enum ofp_field f,
                       const union ofp_field_value *value,
                       const union ofp_field_value *mask);
/* Reads one OXM TLV at the reader's position into 'f', 'value', 'mask'
 * (mask all-ones when the TLV has none); used by set_field decoding.
 * Also accepts the legacy NXM headers that ofp_field_from_header() maps,
 * when their length equals the field's.  Errors are in the match space
 * for the caller to translate: OFPBMC_BAD_LEN (truncated, or the wrong
 * length for the field), OFPBMC_BAD_FIELD (unknown header),
 * OFPBMC_BAD_WILDCARDS / OFPBMC_BAD_MASK / OFPBMC_BAD_VALUE as for
 * matches.  A zero mask comes back with '*masked' true and 'mask' zero.
 * Consumes the TLV only on success. */
enum ofperr ofp_oxm_pull_field(struct ofp_reader *, enum ofp_field *f,
                               union ofp_field_value *value,
                               union ofp_field_value *mask, bool *masked);

/* Formats 'm' in Open vSwitch flow syntax, without priority, e.g.
 * "tcp,in_port=1,nw_src=10.0.0.0/8,tp_dst=80".  Appends nothing for the
 * empty match.  Fields OVS does not support print as "in_phy_port=PORT",
 * "pbb_isid=N" ("0xV/0xM" masked) and "ipv6_exthdr=0xV[/0xM]".  Of the
 * unknown TLVs only pkt_mark is shown. */
void ofp_match_format(const struct ofp_match *, struct ofp_ds *);
/* Formats a single field value (and mask if nonnull) as Open vSwitch does,
 * e.g. "10.0.0.1", "0x5/0xff", "52:54:00:aa:bb:cc", "ANY" for an all-zeros
 * mask: after "set_field:" if 'set_field', else as a match value.  The two
 * differ in that a match value ignores mask bits beyond the field's
 * significant bits, and prints in_phy_port as a port, ct_state as flags
 * ("-new+trk") and pbb_isid in decimal. */
void ofp_field_format_value(enum ofp_field, const union ofp_field_value *v,
                            const union ofp_field_value *mask,
                            bool set_field, struct ofp_ds *);

#endif /* ofp-match.h */
