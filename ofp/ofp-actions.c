/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-actions.h"

#include <string.h>

/* Wire codec for OpenFlow 1.3 actions, instructions and buckets, plus the
 * Nicira actions Open vSwitch needs.  Text formatting lives in
 * ofp-actions-format.c.
 *
 * Decoding mirrors Open vSwitch 3.1's checks and error codes wherever
 * OpenFlow 1.3 can express them.  Where Open vSwitch answers with a Nicira
 * or ONF experimenter error that 'enum ofperr' cannot carry, we answer with
 * the closest OpenFlow 1.3 code:
 *   - duplicate instruction (OVS: ONF 2600 OFPBIC_DUP_INST):
 *     OFPBIC_UNSUP_INST;
 *   - set_field TLV with a mask (OVS: ONF 4250 OFPBAC_BAD_SET_MASK):
 *     OFPBAC_BAD_SET_ARGUMENT;
 *   - bad conjunction (OVS: NXBAC_BAD_CONJUNCTION) and nonzero must-be-zero
 *     bytes (OVS: NXBRC_MUST_BE_ZERO): OFPBAC_BAD_ARGUMENT;
 *   - set_field of an unknown field (OVS: OFPBMC_BAD_FIELD):
 *     OFPBAC_BAD_SET_TYPE; TLV length not the field's (OVS: OFPBMC_BAD_LEN):
 *     OFPBAC_BAD_SET_LEN, as OpenFlow 1.3 prescribes.
 * Unknown Nicira subtypes and other experimenters are kept verbatim
 * (OFP_ACT_EXPERIMENTER) instead of being rejected, so that flows dumped from
 * a switch re-encode losslessly. */

/* OFPAT_* action types. */
enum {
    OFPAT_OUTPUT = 0,
    OFPAT_COPY_TTL_OUT = 11,
    OFPAT_COPY_TTL_IN = 12,
    OFPAT_SET_MPLS_TTL = 15,
    OFPAT_DEC_MPLS_TTL = 16,
    OFPAT_PUSH_VLAN = 17,
    OFPAT_POP_VLAN = 18,
    OFPAT_PUSH_MPLS = 19,
    OFPAT_POP_MPLS = 20,
    OFPAT_SET_QUEUE = 21,
    OFPAT_GROUP = 22,
    OFPAT_SET_NW_TTL = 23,
    OFPAT_DEC_NW_TTL = 24,
    OFPAT_SET_FIELD = 25,
    OFPAT_PUSH_PBB = 26,
    OFPAT_POP_PBB = 27,
    OFPAT_EXPERIMENTER = 0xffff,
};

/* NXAST_* Nicira action subtypes (include/openflow/nicira-ext.h). */
enum {
    NXAST_RESUBMIT = 1,
    NXAST_REG_MOVE = 6,
    NXAST_REG_LOAD = 7,
    NXAST_NOTE = 8,
    NXAST_RESUBMIT_TABLE = 14,
    NXAST_REG_LOAD2 = 33,
    NXAST_CONJUNCTION = 34,
    NXAST_CT = 35,
    NXAST_NAT = 36,
    NXAST_CT_CLEAR = 43,
};

/* NX_NAT_RANGE_*: which optional NAT range members follow. */
#define NX_NAT_RANGE_IPV4_MIN  (1 << 0)
#define NX_NAT_RANGE_IPV4_MAX  (1 << 1)
#define NX_NAT_RANGE_IPV6_MIN  (1 << 2)
#define NX_NAT_RANGE_IPV6_MAX  (1 << 3)
#define NX_NAT_RANGE_PROTO_MIN (1 << 4)
#define NX_NAT_RANGE_PROTO_MAX (1 << 5)
#define NX_NAT_F_MASK 0x1f

#define OFP_ACTION_HDR_LEN 8    /* type, len, 4 bytes of body or vendor. */
#define NX_ACTION_HDR_LEN 10    /* type, len, vendor, subtype. */
#define NX_CT_LEN 24            /* struct nx_action_conntrack. */
#define NX_NAT_LEN 16           /* struct nx_action_nat. */
#define OFP_BUCKET_LEN 16       /* struct ofp_bucket. */
#define OFP_INST_HDR_LEN 8      /* struct ofp_instruction_actions. */

/* True for the fields only ct(exec(...)) may write (Open vSwitch's
 * field_requires_ct()). */
static bool
field_requires_ct(enum ofp_field f)
{
    return f == OFP_F_CT_MARK || f == OFP_F_CT_LABEL;
}

/* ---- Field values <-> wire bytes. ------------------------------------ */

/* Width in bytes of 'f' in an OXM TLV. */
static size_t
field_len(enum ofp_field f)
{
    return ofp_field_info(f)->len;
}

/* Returns an integer-typed value of 'f' as a uint64_t. */
static uint64_t
value_get_int(enum ofp_field f, const union ofp_field_value *v)
{
    switch (ofp_field_info(f)->type) {
    case OFP_FT_U8:
        return v->u8;
    case OFP_FT_U16:
        return v->u16;
    case OFP_FT_U32:
    case OFP_FT_IPV4:
        return v->u32;
    case OFP_FT_U64:
        return v->u64;
    case OFP_FT_MAC:
    case OFP_FT_IPV6:
    case OFP_FT_U128:
    default:
        return 0;
    }
}

/* True if values of 'f' are stored as bytes rather than an integer. */
static bool
field_is_bytes(enum ofp_field f)
{
    enum ofp_field_type t = ofp_field_info(f)->type;
    return t == OFP_FT_MAC || t == OFP_FT_IPV6 || t == OFP_FT_U128;
}

/* Reads field_len(f) wire bytes at 'p' into 'v'. */
static void
value_from_wire(enum ofp_field f, const uint8_t *p, union ofp_field_value *v)
{
    const struct ofp_field_info *info = ofp_field_info(f);

    memset(v, 0, sizeof *v);
    if (field_is_bytes(f)) {
        memcpy(v->bytes, p, info->len);
    } else {
        uint64_t x = 0;
        for (size_t i = 0; i < info->len; i++) {
            x = x << 8 | p[i];
        }
        switch (info->type) {
        case OFP_FT_U8:
            v->u8 = x;
            break;
        case OFP_FT_U16:
            v->u16 = x;
            break;
        case OFP_FT_U32:
        case OFP_FT_IPV4:
            v->u32 = x;
            break;
        case OFP_FT_U64:
        case OFP_FT_MAC:
        case OFP_FT_IPV6:
        case OFP_FT_U128:
        default:
            v->u64 = x;
            break;
        }
    }
}

/* Appends field_len(f) wire bytes of 'v'. */
static void
value_to_wire(enum ofp_field f, const union ofp_field_value *v,
              struct ofpbuf *b)
{
    size_t len = field_len(f);

    if (field_is_bytes(f)) {
        ofpbuf_put(b, v->bytes, len);
    } else {
        uint64_t x = value_get_int(f, v);
        for (size_t i = 0; i < len; i++) {
            ofpbuf_put_u8(b, x >> (8 * (len - 1 - i)));
        }
    }
}

/* True if 'v' is a value Open vSwitch accepts for 'f' in set_field: no bits
 * beyond the field's width, and a vlan_vid with OFPVID_PRESENT. */
static bool
value_is_valid(enum ofp_field f, const union ofp_field_value *v)
{
    if (field_is_bytes(f)) {
        return true;
    }
    uint64_t x = value_get_int(f, v);
    if (f == OFP_F_VLAN_VID) {
        return (x & OFPVID_PRESENT) && x <= 0x1fff;
    }
    unsigned n_bits = ofp_field_info(f)->n_bits;
    return n_bits >= 64 || !(x >> n_bits);
}

/* Appends an OXM/NXM TLV with 'header' (mask bit and length are filled in
 * here) for 'f'. */
static void
put_tlv(struct ofpbuf *b, uint32_t header, enum ofp_field f,
        const union ofp_field_value *value,
        const union ofp_field_value *mask)
{
    size_t len = field_len(f);

    header = OFP_OXM_HEADER(OFP_OXM_CLASS(header), OFP_OXM_FIELD(header),
                            mask ? 1 : 0, mask ? 2 * len : len);
    ofpbuf_put_be32(b, header);
    value_to_wire(f, value, b);
    if (mask) {
        value_to_wire(f, mask, b);
    }
}

/* The header NXAST_REG_LOAD2 uses for 'f': the NXM one, unless its length
 * differs from the OXM TLV's (in_port), then the OpenFlow 1.3 one. */
static uint32_t
reg_load2_header(enum ofp_field f)
{
    uint32_t h = ofp_field_info(f)->nxm_header;
    return OFP_OXM_LENGTH(h) == field_len(f) ? h : ofp_field_header(f);
}

/* Pulls one OXM TLV (as in set_field and NXAST_REG_LOAD2) from 'r'. */
static enum ofperr
pull_tlv(struct ofp_reader *r, bool may_mask, enum ofp_field *fp,
         union ofp_field_value *value, union ofp_field_value *mask,
         bool *masked)
{
    uint32_t header;
    const uint8_t *p;

    if (!ofp_reader_be32(r, &header)) {
        return OFPERR_OFPBAC_BAD_SET_LEN;
    }
    if (OFP_OXM_CLASS(header) == OFP_OXM_CLASS_EXPERIMENTER) {
        return OFPERR_OFPBAC_BAD_SET_TYPE;
    }
    enum ofp_field f = ofp_field_from_header(header);
    if (f >= OFP_N_FIELDS) {
        return OFPERR_OFPBAC_BAD_SET_TYPE;
    }

    bool hasmask = OFP_OXM_HASMASK(header);
    size_t len = field_len(f);
    if (OFP_OXM_LENGTH(header) != (hasmask ? 2 * len : len)) {
        return OFPERR_OFPBAC_BAD_SET_LEN;
    }
    if (hasmask && !may_mask) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (!ofp_reader_pull(r, OFP_OXM_LENGTH(header), &p)) {
        return OFPERR_OFPBAC_BAD_SET_LEN;
    }

    *fp = f;
    value_from_wire(f, p, value);
    if (hasmask) {
        value_from_wire(f, p + len, mask);
    } else {
        memset(mask, 0, sizeof *mask);
    }
    *masked = hasmask;
    return 0;
}

/* True if the rest of 'r' is all zeros. */
static bool
reader_rest_is_zero(const struct ofp_reader *r)
{
    const uint8_t *p = ofp_reader_cur(r);
    for (size_t i = 0; i < ofp_reader_left(r); i++) {
        if (p[i]) {
            return false;
        }
    }
    return true;
}

/* ---- Subfields (load, move, ct zone). -------------------------------- */

/* Decodes the field of subfield header 'header' at 'ofs' for 'n_bits' into
 * 'ref', checking it as Open vSwitch's mf_check_src()/mf_check_dst() do. */
static enum ofperr
decode_subfield(uint32_t header, unsigned ofs, unsigned n_bits, bool is_dst,
                struct ofp_field_ref *ref)
{
    enum ofp_field f = ofp_field_from_header(header);
    if (f >= OFP_N_FIELDS
        || OFP_OXM_CLASS(header) == OFP_OXM_CLASS_EXPERIMENTER) {
        return OFPERR_OFPBAC_BAD_SET_TYPE;
    }
    unsigned width = ofp_field_header_n_bits(header);
    if (!n_bits || ofs >= width || ofs + n_bits > width) {
        return OFPERR_OFPBAC_BAD_SET_LEN;
    }
    if (is_dst && !ofp_field_info(f)->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    ref->field = f;
    ref->ofs = ofs;
    ref->n_bits = n_bits;
    return 0;
}

/* NXM's packed (ofs << 6) | (n_bits - 1). */
static uint16_t
encode_ofs_nbits(unsigned ofs, unsigned n_bits)
{
    return (uint16_t) (ofs << 6 | ((n_bits - 1) & 0x3f));
}

/* The header to write for subfield 'ref'. */
static uint32_t
subfield_header(const struct ofp_field_ref *ref)
{
    const struct ofp_field_info *info = ofp_field_info(ref->field);
    return info ? info->nxm_header : 0;
}

/* ---- Encoding. ------------------------------------------------------- */

/* Starts a standard action of 'type' and returns its offset. */
static size_t
start_action(struct ofpbuf *b, uint16_t type)
{
    size_t start = b->size;
    ofpbuf_put_be16(b, type);
    ofpbuf_put_be16(b, 0);
    return start;
}

/* Starts a Nicira action of 'subtype' and returns its offset. */
static size_t
start_nx_action(struct ofpbuf *b, uint16_t subtype)
{
    size_t start = start_action(b, OFPAT_EXPERIMENTER);
    ofpbuf_put_be32(b, OFP_NX_VENDOR_ID);
    ofpbuf_put_be16(b, subtype);
    return start;
}

/* Pads the action that starts at 'start' to a multiple of 8 bytes, at least
 * 'min_len', and writes its length. */
static void
finish_action(struct ofpbuf *b, size_t start, size_t min_len)
{
    if (b->size - start < min_len) {
        ofpbuf_put_zeros(b, min_len - (b->size - start));
    }
    ofpbuf_pad_to(b, start, 8);
    ofpbuf_set_be16(b, start + 2, (uint16_t) (b->size - start));
}

/* Appends an 8-byte action with a 16-bit argument. */
static void
put_ethertype_action(struct ofpbuf *b, uint16_t type, uint16_t ethertype)
{
    size_t start = start_action(b, type);
    ofpbuf_put_be16(b, ethertype);
    finish_action(b, start, 8);
}

/* Appends an 8-byte action with an 8-bit argument. */
static void
put_u8_action(struct ofpbuf *b, uint16_t type, uint8_t arg)
{
    size_t start = start_action(b, type);
    ofpbuf_put_u8(b, arg);
    finish_action(b, start, 8);
}

/* Appends an 8-byte action with a 32-bit argument. */
static void
put_u32_action(struct ofpbuf *b, uint16_t type, uint32_t arg)
{
    size_t start = start_action(b, type);
    ofpbuf_put_be32(b, arg);
    finish_action(b, start, 8);
}

/* Appends an 8-byte action without argument. */
static void
put_void_action(struct ofpbuf *b, uint16_t type)
{
    size_t start = start_action(b, type);
    finish_action(b, start, 8);
}

/* Appends an NXAST_REG_LOAD2 for the set_field-like 'a'. */
static void
encode_reg_load2(const struct ofp_action *a, struct ofpbuf *b)
{
    size_t start = start_nx_action(b, NXAST_REG_LOAD2);
    enum ofp_field f = a->set_field.field;
    put_tlv(b, reg_load2_header(f), f, &a->set_field.value,
            a->set_field.masked ? &a->set_field.mask : NULL);
    finish_action(b, start, 16);
}

/* Appends an NXAST_NAT. */
static void
encode_nat(const struct ofp_nat *nat, struct ofpbuf *b)
{
    size_t start = start_nx_action(b, NXAST_NAT);
    uint16_t present = 0;

    ofpbuf_put_zeros(b, 2);
    ofpbuf_put_be16(b, nat->flags);
    size_t present_ofs = b->size;
    ofpbuf_put_be16(b, 0);

    static const uint8_t zero16[16];
    if (nat->family == 4) {
        if (nat->ipv4_min) {
            ofpbuf_put_be32(b, nat->ipv4_min);
            present |= NX_NAT_RANGE_IPV4_MIN;
        }
        if (nat->ipv4_max) {
            ofpbuf_put_be32(b, nat->ipv4_max);
            present |= NX_NAT_RANGE_IPV4_MAX;
        }
    } else if (nat->family == 6) {
        if (memcmp(nat->ipv6_min, zero16, 16)) {
            ofpbuf_put(b, nat->ipv6_min, 16);
            present |= NX_NAT_RANGE_IPV6_MIN;
        }
        if (memcmp(nat->ipv6_max, zero16, 16)) {
            ofpbuf_put(b, nat->ipv6_max, 16);
            present |= NX_NAT_RANGE_IPV6_MAX;
        }
    }
    if (nat->family == 4 || nat->family == 6) {
        if (nat->proto_min) {
            ofpbuf_put_be16(b, nat->proto_min);
            present |= NX_NAT_RANGE_PROTO_MIN;
        }
        if (nat->proto_max) {
            ofpbuf_put_be16(b, nat->proto_max);
            present |= NX_NAT_RANGE_PROTO_MAX;
        }
    }
    ofpbuf_set_be16(b, present_ofs, present);
    finish_action(b, start, NX_NAT_LEN);
}

/* True if 'ct' takes its zone from a field. */
static bool
ct_zone_is_field(const struct ofp_ct *ct)
{
    return ct->zone_src.field < OFP_N_FIELDS && ct->zone_src.n_bits;
}

static void encode_action(const struct ofp_action *, struct ofpbuf *);

/* Appends an NXAST_CT with its nested actions. */
static void
encode_ct(const struct ofp_ct *ct, struct ofpbuf *b)
{
    size_t start = start_nx_action(b, NXAST_CT);

    ofpbuf_put_be16(b, ct->flags);
    if (ct_zone_is_field(ct)) {
        ofpbuf_put_be32(b, subfield_header(&ct->zone_src));
        ofpbuf_put_be16(b, encode_ofs_nbits(ct->zone_src.ofs,
                                            ct->zone_src.n_bits));
    } else {
        ofpbuf_put_be32(b, 0);
        ofpbuf_put_be16(b, ct->zone_imm);
    }
    ofpbuf_put_u8(b, ct->recirc_table);
    ofpbuf_put_zeros(b, 3);
    ofpbuf_put_be16(b, ct->alg);
    for (size_t i = 0; i < ct->n_actions; i++) {
        encode_action(&ct->actions[i], b);
    }
    finish_action(b, start, NX_CT_LEN);
}

/* Appends one action. */
static void
encode_action(const struct ofp_action *a, struct ofpbuf *b)
{
    size_t start;

    switch (a->kind) {
    case OFP_ACT_OUTPUT:
        start = start_action(b, OFPAT_OUTPUT);
        ofpbuf_put_be32(b, a->output.port);
        ofpbuf_put_be16(b, a->output.max_len);
        finish_action(b, start, 16);
        break;
    case OFP_ACT_COPY_TTL_OUT:
        put_void_action(b, OFPAT_COPY_TTL_OUT);
        break;
    case OFP_ACT_COPY_TTL_IN:
        put_void_action(b, OFPAT_COPY_TTL_IN);
        break;
    case OFP_ACT_SET_MPLS_TTL:
        put_u8_action(b, OFPAT_SET_MPLS_TTL, a->ttl);
        break;
    case OFP_ACT_DEC_MPLS_TTL:
        put_void_action(b, OFPAT_DEC_MPLS_TTL);
        break;
    case OFP_ACT_PUSH_VLAN:
        put_ethertype_action(b, OFPAT_PUSH_VLAN, a->ethertype);
        break;
    case OFP_ACT_POP_VLAN:
        put_void_action(b, OFPAT_POP_VLAN);
        break;
    case OFP_ACT_PUSH_MPLS:
        put_ethertype_action(b, OFPAT_PUSH_MPLS, a->ethertype);
        break;
    case OFP_ACT_POP_MPLS:
        put_ethertype_action(b, OFPAT_POP_MPLS, a->ethertype);
        break;
    case OFP_ACT_SET_QUEUE:
        put_u32_action(b, OFPAT_SET_QUEUE, a->queue_id);
        break;
    case OFP_ACT_GROUP:
        put_u32_action(b, OFPAT_GROUP, a->group_id);
        break;
    case OFP_ACT_SET_NW_TTL:
        put_u8_action(b, OFPAT_SET_NW_TTL, a->ttl);
        break;
    case OFP_ACT_DEC_NW_TTL:
        put_void_action(b, OFPAT_DEC_NW_TTL);
        break;
    case OFP_ACT_SET_FIELD:
        if (a->set_field.masked) {
            /* OpenFlow 1.3 set_field has no mask: Open vSwitch sends a
             * partial write as a Nicira load. */
            encode_reg_load2(a, b);
            break;
        }
        start = start_action(b, OFPAT_SET_FIELD);
        put_tlv(b, ofp_field_header(a->set_field.field), a->set_field.field,
                &a->set_field.value, NULL);
        finish_action(b, start, 8);
        break;
    case OFP_ACT_PUSH_PBB:
        put_ethertype_action(b, OFPAT_PUSH_PBB, a->ethertype);
        break;
    case OFP_ACT_POP_PBB:
        put_void_action(b, OFPAT_POP_PBB);
        break;
    case OFP_ACT_RESUBMIT:
        if (a->resubmit.table == 0xff) {
            start = start_nx_action(b, NXAST_RESUBMIT);
            ofpbuf_put_be16(b, a->resubmit.in_port);
        } else {
            start = start_nx_action(b, NXAST_RESUBMIT_TABLE);
            ofpbuf_put_be16(b, a->resubmit.in_port);
            ofpbuf_put_u8(b, a->resubmit.table);
        }
        finish_action(b, start, 16);
        break;
    case OFP_ACT_CT:
        encode_ct(&a->ct, b);
        break;
    case OFP_ACT_CT_CLEAR:
        start = start_nx_action(b, NXAST_CT_CLEAR);
        finish_action(b, start, 16);
        break;
    case OFP_ACT_NAT:
        encode_nat(&a->nat, b);
        break;
    case OFP_ACT_CONJUNCTION:
        start = start_nx_action(b, NXAST_CONJUNCTION);
        ofpbuf_put_u8(b, a->conjunction.clause);
        ofpbuf_put_u8(b, a->conjunction.n_clauses);
        ofpbuf_put_be32(b, a->conjunction.id);
        finish_action(b, start, 16);
        break;
    case OFP_ACT_REG_LOAD:
        start = start_nx_action(b, NXAST_REG_LOAD);
        ofpbuf_put_be16(b, encode_ofs_nbits(a->reg_load.dst.ofs,
                                            a->reg_load.dst.n_bits));
        ofpbuf_put_be32(b, subfield_header(&a->reg_load.dst));
        ofpbuf_put_be64(b, a->reg_load.value);
        finish_action(b, start, 24);
        break;
    case OFP_ACT_REG_LOAD2:
        encode_reg_load2(a, b);
        break;
    case OFP_ACT_REG_MOVE:
        start = start_nx_action(b, NXAST_REG_MOVE);
        ofpbuf_put_be16(b, a->reg_move.dst.n_bits);
        ofpbuf_put_be16(b, a->reg_move.src.ofs);
        ofpbuf_put_be16(b, a->reg_move.dst.ofs);
        ofpbuf_put_be32(b, subfield_header(&a->reg_move.src));
        ofpbuf_put_be32(b, subfield_header(&a->reg_move.dst));
        finish_action(b, start, 24);
        break;
    case OFP_ACT_NOTE:
        start = start_nx_action(b, NXAST_NOTE);
        if (a->note.len) {
            ofpbuf_put(b, a->note.data, a->note.len);
        }
        finish_action(b, start, 16);
        break;
    case OFP_ACT_EXPERIMENTER:
        start = start_action(b, OFPAT_EXPERIMENTER);
        ofpbuf_put_be32(b, a->experimenter.vendor);
        if (a->experimenter.len) {
            ofpbuf_put(b, a->experimenter.body, a->experimenter.len);
        }
        finish_action(b, start, 8);
        break;
    }
}

void
ofp_actions_encode(const struct ofp_action *actions, size_t n,
                   struct ofpbuf *b)
{
    for (size_t i = 0; i < n; i++) {
        encode_action(&actions[i], b);
    }
}

/* ---- Decoding. ------------------------------------------------------- */

/* Where an action list sits: it decides which actions are allowed, as Open
 * vSwitch's ofpacts_verify_nested() and action-set checks do. */
enum act_ctx {
    CTX_LIST,                   /* apply_actions, bucket, packet-out. */
    CTX_SET,                    /* write_actions. */
    CTX_CT,                     /* Nested in ct(). */
};

/* True if 'type' is an OpenFlow 1.3 action type we decode. */
static bool
is_known_std_type(uint16_t type)
{
    switch (type) {
    case OFPAT_OUTPUT:
    case OFPAT_COPY_TTL_OUT:
    case OFPAT_COPY_TTL_IN:
    case OFPAT_SET_MPLS_TTL:
    case OFPAT_DEC_MPLS_TTL:
    case OFPAT_PUSH_VLAN:
    case OFPAT_POP_VLAN:
    case OFPAT_PUSH_MPLS:
    case OFPAT_POP_MPLS:
    case OFPAT_SET_QUEUE:
    case OFPAT_GROUP:
    case OFPAT_SET_NW_TTL:
    case OFPAT_DEC_NW_TTL:
    case OFPAT_SET_FIELD:
    case OFPAT_PUSH_PBB:
    case OFPAT_POP_PBB:
    case OFPAT_EXPERIMENTER:
        return true;
    default:
        return false;
    }
}

/* Checks the framing of the action at the front of 'r' without consuming
 * it and stores its length in '*lenp'. */
static enum ofperr
frame_action(const struct ofp_reader *r, uint16_t *lenp)
{
    struct ofp_reader h = *r;
    uint16_t type, len;
    uint32_t vendor;

    if (!ofp_reader_be16(&h, &type) || !ofp_reader_be16(&h, &len)
        || !ofp_reader_be32(&h, &vendor)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    if (!is_known_std_type(type)) {
        return OFPERR_OFPBAC_BAD_TYPE;
    }
    if (type == OFPAT_EXPERIMENTER && vendor == OFP_NX_VENDOR_ID
        && ofp_reader_left(r) < 16) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    if (len < OFP_ACTION_HDR_LEN || len % 8 || len > ofp_reader_left(r)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    *lenp = len;
    return 0;
}

/* True if 'port' is a valid output port for Open vSwitch: a physical port
 * or one of IN_PORT...LOCAL. */
static bool
is_valid_output_port(uint32_t port)
{
    return port < 0xff00 || (port >= OFPP_IN_PORT && port <= OFPP_LOCAL);
}

/* Returns the field an action writes, or OFP_F_NONE. */
static enum ofp_field
action_dst_field(const struct ofp_action *a)
{
    switch (a->kind) {
    case OFP_ACT_SET_FIELD:
    case OFP_ACT_REG_LOAD2:
        return a->set_field.field;
    case OFP_ACT_REG_LOAD:
        return a->reg_load.dst.field;
    case OFP_ACT_REG_MOVE:
        return a->reg_move.dst.field;
    default:
        return OFP_F_NONE;
    }
}

/* Applies the nesting rules of Open vSwitch to decoded action 'a' in
 * 'ctx'. */
static enum ofperr
verify_nesting(const struct ofp_action *a, enum act_ctx ctx)
{
    enum ofp_field dst = action_dst_field(a);

    if (ctx == CTX_SET
        && (a->kind == OFP_ACT_NAT || a->kind == OFP_ACT_NOTE
            || a->kind == OFP_ACT_CONJUNCTION)) {
        return OFPERR_OFPBAC_BAD_TYPE;     /* Not allowed in an action set. */
    }
    if (dst != OFP_F_NONE && field_requires_ct(dst) && ctx != CTX_CT) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (a->kind == OFP_ACT_NAT) {
        return ctx == CTX_CT ? 0 : OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (ctx == CTX_CT && (dst == OFP_F_NONE || !field_requires_ct(dst))) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return 0;
}

static enum ofperr decode_list(struct ofp_reader *, struct ofp_arena *,
                               enum act_ctx, struct ofp_action_list *);

/* Decodes a set_field or NXAST_REG_LOAD2 body (the OXM TLV and padding) in
 * 'r' into 'a'. */
static enum ofperr
decode_set_field_body(struct ofp_reader *r, bool may_mask,
                      struct ofp_action *a)
{
    enum ofp_field f;
    bool masked;
    enum ofperr error = pull_tlv(r, may_mask, &f, &a->set_field.value,
                                 &a->set_field.mask, &masked);
    if (error) {
        return error;
    }
    a->set_field.field = f;
    a->set_field.masked = masked;
    if (!reader_rest_is_zero(r)) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (!ofp_field_info(f)->writable) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    if (a->kind == OFP_ACT_SET_FIELD
        && (f == OFP_F_IN_PORT || !value_is_valid(f, &a->set_field.value))) {
        return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
    }
    return 0;
}

/* Decodes the NXAST_NAT body in 'r' (after the subtype). */
static enum ofperr
decode_nat(struct ofp_reader *r, struct ofp_nat *nat)
{
    uint16_t flags, present;

    if (!ofp_reader_skip(r, 2) || !ofp_reader_be16(r, &flags)
        || !ofp_reader_be16(r, &present)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    memset(nat, 0, sizeof *nat);
    nat->flags = flags;
    if (flags & ~NX_NAT_F_MASK
        || (flags & OFP_NAT_F_SRC && flags & OFP_NAT_F_DST)
        || (flags & OFP_NAT_F_PROTO_HASH && flags & OFP_NAT_F_PROTO_RANDOM)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }

    static const uint8_t zero16[16];
    const uint8_t *p;
    if (present & NX_NAT_RANGE_IPV4_MIN) {
        if (present & (NX_NAT_RANGE_IPV6_MIN | NX_NAT_RANGE_IPV6_MAX)
            || !ofp_reader_be32(r, &nat->ipv4_min) || !nat->ipv4_min) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        nat->family = 4;
        if (present & NX_NAT_RANGE_IPV4_MAX
            && (!ofp_reader_be32(r, &nat->ipv4_max)
                || nat->ipv4_max < nat->ipv4_min)) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
    } else if (present & NX_NAT_RANGE_IPV4_MAX) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    } else if (present & NX_NAT_RANGE_IPV6_MIN) {
        if (!ofp_reader_pull(r, 16, &p) || !memcmp(p, zero16, 16)) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        memcpy(nat->ipv6_min, p, 16);
        nat->family = 6;
        if (present & NX_NAT_RANGE_IPV6_MAX) {
            if (!ofp_reader_pull(r, 16, &p)
                || memcmp(p, nat->ipv6_min, 16) < 0) {
                return OFPERR_OFPBAC_BAD_ARGUMENT;
            }
            memcpy(nat->ipv6_max, p, 16);
        }
    } else if (present & NX_NAT_RANGE_IPV6_MAX) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }

    if (present & NX_NAT_RANGE_PROTO_MIN) {
        if (!nat->family || !ofp_reader_be16(r, &nat->proto_min)
            || !nat->proto_min) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        if (present & NX_NAT_RANGE_PROTO_MAX
            && (!ofp_reader_be16(r, &nat->proto_max)
                || nat->proto_max < nat->proto_min)) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
    } else if (present & NX_NAT_RANGE_PROTO_MAX) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    return 0;
}

/* Decodes the NXAST_CT in 'r' (after the subtype) with its nested actions. */
static enum ofperr
decode_ct(struct ofp_reader *r, struct ofp_arena *arena, struct ofp_ct *ct)
{
    uint32_t zone_src;
    uint16_t zone;
    struct ofp_action_list nested;

    memset(ct, 0, sizeof *ct);
    if (!ofp_reader_be16(r, &ct->flags) || !ofp_reader_be32(r, &zone_src)
        || !ofp_reader_be16(r, &zone) || !ofp_reader_u8(r, &ct->recirc_table)
        || !ofp_reader_skip(r, 3) || !ofp_reader_be16(r, &ct->alg)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }
    if (ct->flags & OFP_CT_F_FORCE && !(ct->flags & OFP_CT_F_COMMIT)) {
        return OFPERR_OFPBAC_BAD_ARGUMENT;
    }
    if (zone_src) {
        enum ofperr error = decode_subfield(zone_src, zone >> 6,
                                            (zone & 0x3f) + 1, false,
                                            &ct->zone_src);
        if (error) {
            return error;
        }
        if (ct->zone_src.n_bits != 16) {
            return OFPERR_OFPBAC_BAD_SET_LEN;
        }
    } else {
        ct->zone_src.field = OFP_F_NONE;
        ct->zone_imm = zone;
    }

    enum ofperr error = decode_list(r, arena, CTX_CT, &nested);
    if (error) {
        return error;
    }
    ct->actions = nested.actions;
    ct->n_actions = nested.n;

    /* Without commit, only an argument-less nat() may be nested. */
    if (!(ct->flags & OFP_CT_F_COMMIT)) {
        for (size_t i = 0; i < nested.n; i++) {
            const struct ofp_action *a = &nested.actions[i];
            if (a->kind != OFP_ACT_NAT || a->nat.flags || a->nat.family) {
                return OFPERR_OFPBAC_BAD_ARGUMENT;
            }
        }
    }
    return 0;
}

/* Decodes the Nicira action in 'r' (positioned after the vendor id, with
 * exactly the action's bytes left) into 'a', or keeps it verbatim.  'ctx'
 * is where the action sits. */
static enum ofperr
decode_nx_action(struct ofp_reader *r, size_t len, struct ofp_arena *arena,
                 enum act_ctx ctx, struct ofp_action *a)
{
    const uint8_t *body = ofp_reader_cur(r);
    uint16_t subtype;
    enum ofperr error;

    if (!ofp_reader_be16(r, &subtype)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }

    switch (subtype) {
    case NXAST_RESUBMIT:
    case NXAST_RESUBMIT_TABLE: {
        uint8_t table = 0xff;
        if (len != 16 || !ofp_reader_be16(r, &a->resubmit.in_port)) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        if (subtype == NXAST_RESUBMIT_TABLE) {
            if (!ofp_reader_u8(r, &table)) {
                return OFPERR_OFPBAC_BAD_LEN;
            }
            if (!reader_rest_is_zero(r)) {
                return OFPERR_OFPBAC_BAD_ARGUMENT;
            }
        }
        a->kind = OFP_ACT_RESUBMIT;
        a->resubmit.table = table;
        return 0;
    }

    case NXAST_REG_MOVE: {
        uint16_t n_bits, src_ofs, dst_ofs;
        uint32_t src, dst;
        if (!ofp_reader_be16(r, &n_bits) || !ofp_reader_be16(r, &src_ofs)
            || !ofp_reader_be16(r, &dst_ofs) || !ofp_reader_be32(r, &src)
            || !ofp_reader_be32(r, &dst)) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        a->kind = OFP_ACT_REG_MOVE;
        error = decode_subfield(src, src_ofs, n_bits, false,
                                &a->reg_move.src);
        if (!error) {
            error = decode_subfield(dst, dst_ofs, n_bits, true,
                                    &a->reg_move.dst);
        }
        if (!error && !reader_rest_is_zero(r)) {
            error = OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        return error;
    }

    case NXAST_REG_LOAD: {
        uint16_t ofs_nbits;
        uint32_t dst;
        uint64_t value;
        if (len != 24 || !ofp_reader_be16(r, &ofs_nbits)
            || !ofp_reader_be32(r, &dst) || !ofp_reader_be64(r, &value)) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        a->kind = OFP_ACT_REG_LOAD;
        unsigned n_bits = (ofs_nbits & 0x3f) + 1;
        error = decode_subfield(dst, ofs_nbits >> 6, n_bits, true,
                                &a->reg_load.dst);
        if (error) {
            return error;
        }
        if (n_bits < 64 && value >> n_bits) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        a->reg_load.value = value;
        return 0;
    }

    case NXAST_NOTE:
        a->kind = OFP_ACT_NOTE;
        a->note.len = ofp_reader_left(r);
        a->note.data = ofp_reader_cur(r);
        return 0;

    case NXAST_REG_LOAD2:
        a->kind = OFP_ACT_REG_LOAD2;
        return decode_set_field_body(r, true, a);

    case NXAST_CONJUNCTION: {
        uint8_t clause, n_clauses;
        uint32_t id;
        if (len != 16 || !ofp_reader_u8(r, &clause)
            || !ofp_reader_u8(r, &n_clauses) || !ofp_reader_be32(r, &id)) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        if (n_clauses < 2 || n_clauses > 64 || clause >= n_clauses) {
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        a->kind = OFP_ACT_CONJUNCTION;
        a->conjunction.clause = clause;
        a->conjunction.n_clauses = n_clauses;
        a->conjunction.id = id;
        return 0;
    }

    case NXAST_CT:
        if (len < NX_CT_LEN) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        if (ctx == CTX_CT) {
            /* ct() inside ct() is never allowed (verify_nesting() would
             * reject it too); refusing it before decoding its nested list
             * keeps hostile input from recursing once per 24 bytes. */
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
        a->kind = OFP_ACT_CT;
        return decode_ct(r, arena, &a->ct);

    case NXAST_NAT:
        a->kind = OFP_ACT_NAT;
        return decode_nat(r, &a->nat);

    case NXAST_CT_CLEAR:
        if (len != 16) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        a->kind = OFP_ACT_CT_CLEAR;
        return 0;

    default:
        a->kind = OFP_ACT_EXPERIMENTER;
        a->experimenter.vendor = OFP_NX_VENDOR_ID;
        a->experimenter.subtype = subtype;
        a->experimenter.body = body;
        a->experimenter.len = len - OFP_ACTION_HDR_LEN;
        return 0;
    }
}

/* Decodes the one action that makes up all of 'r', in 'ctx'. */
static enum ofperr
decode_action(struct ofp_reader *r, struct ofp_arena *arena,
              enum act_ctx ctx, struct ofp_action *a)
{
    size_t len = ofp_reader_left(r);
    uint16_t type, len16;
    /* The fixed-size actions' reads below cannot fail once 'len' is
     * checked; the zeros only keep the compiler from doubting it. */
    uint32_t arg = 0;
    uint8_t u8 = 0;
    uint16_t u16 = 0;

    memset(a, 0, sizeof *a);
    if (!ofp_reader_be16(r, &type) || !ofp_reader_be16(r, &len16)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }

    /* Fixed-size standard actions are 8 bytes, except output. */
    if (type != OFPAT_SET_FIELD && type != OFPAT_EXPERIMENTER
        && len != (type == OFPAT_OUTPUT ? 16 : 8)) {
        return OFPERR_OFPBAC_BAD_LEN;
    }

    switch (type) {
    case OFPAT_OUTPUT:
        ofp_reader_be32(r, &a->output.port);
        ofp_reader_be16(r, &a->output.max_len);
        a->kind = OFP_ACT_OUTPUT;
        return (is_valid_output_port(a->output.port)
                ? 0 : OFPERR_OFPBAC_BAD_OUT_PORT);
    case OFPAT_COPY_TTL_OUT:
        a->kind = OFP_ACT_COPY_TTL_OUT;
        return 0;
    case OFPAT_COPY_TTL_IN:
        a->kind = OFP_ACT_COPY_TTL_IN;
        return 0;
    case OFPAT_SET_MPLS_TTL:
        ofp_reader_u8(r, &u8);
        a->kind = OFP_ACT_SET_MPLS_TTL;
        a->ttl = u8;
        return 0;
    case OFPAT_DEC_MPLS_TTL:
        a->kind = OFP_ACT_DEC_MPLS_TTL;
        return 0;
    case OFPAT_PUSH_VLAN:
        ofp_reader_be16(r, &u16);
        a->kind = OFP_ACT_PUSH_VLAN;
        a->ethertype = u16;
        return (u16 == 0x8100 || u16 == 0x88a8
                ? 0 : OFPERR_OFPBAC_BAD_ARGUMENT);
    case OFPAT_POP_VLAN:
        a->kind = OFP_ACT_POP_VLAN;
        return 0;
    case OFPAT_PUSH_MPLS:
        ofp_reader_be16(r, &u16);
        a->kind = OFP_ACT_PUSH_MPLS;
        a->ethertype = u16;
        return (u16 == 0x8847 || u16 == 0x8848
                ? 0 : OFPERR_OFPBAC_BAD_ARGUMENT);
    case OFPAT_POP_MPLS:
        ofp_reader_be16(r, &u16);
        a->kind = OFP_ACT_POP_MPLS;
        a->ethertype = u16;
        return 0;
    case OFPAT_SET_QUEUE:
        ofp_reader_be32(r, &arg);
        a->kind = OFP_ACT_SET_QUEUE;
        a->queue_id = arg;
        return 0;
    case OFPAT_GROUP:
        ofp_reader_be32(r, &arg);
        a->kind = OFP_ACT_GROUP;
        a->group_id = arg;
        return 0;
    case OFPAT_SET_NW_TTL:
        ofp_reader_u8(r, &u8);
        a->kind = OFP_ACT_SET_NW_TTL;
        a->ttl = u8;
        return 0;
    case OFPAT_DEC_NW_TTL:
        a->kind = OFP_ACT_DEC_NW_TTL;
        return 0;
    case OFPAT_SET_FIELD:
        a->kind = OFP_ACT_SET_FIELD;
        return decode_set_field_body(r, false, a);
    case OFPAT_PUSH_PBB:
        ofp_reader_be16(r, &u16);
        a->kind = OFP_ACT_PUSH_PBB;
        a->ethertype = u16;
        return 0;
    case OFPAT_POP_PBB:
        a->kind = OFP_ACT_POP_PBB;
        return 0;
    case OFPAT_EXPERIMENTER:
        if (!ofp_reader_be32(r, &arg)) {
            return OFPERR_OFPBAC_BAD_LEN;
        }
        if (arg == OFP_NX_VENDOR_ID) {
            return decode_nx_action(r, len, arena, ctx, a);
        }
        a->kind = OFP_ACT_EXPERIMENTER;
        a->experimenter.vendor = arg;
        a->experimenter.body = ofp_reader_cur(r);
        a->experimenter.len = ofp_reader_left(r);
        return 0;
    default:
        return OFPERR_OFPBAC_BAD_TYPE;
    }
}

/* Decodes all of 'r' as an action list in 'ctx'. */
static enum ofperr
decode_list(struct ofp_reader *r, struct ofp_arena *arena, enum act_ctx ctx,
            struct ofp_action_list *out)
{
    struct ofp_reader scan = *r;
    size_t n = 0;
    uint16_t len;
    enum ofperr error;

    out->actions = NULL;
    out->n = 0;

    /* Pass 1: framing, so we know how many actions to allocate. */
    while (ofp_reader_left(&scan)) {
        error = frame_action(&scan, &len);
        if (error) {
            return error;
        }
        ofp_reader_skip(&scan, len);
        n++;
    }
    if (!n) {
        return 0;
    }

    /* Pass 2: contents. */
    struct ofp_action *actions = ofp_arena_calloc(arena, n, sizeof *actions);
    bool conjunction = false;
    for (size_t i = 0; i < n; i++) {
        struct ofp_reader sub;

        /* Pass 1 checked this framing already. */
        len = 0;
        frame_action(r, &len);
        ofp_reader_init(&sub, ofp_reader_cur(r), len);
        ofp_reader_skip(r, len);
        error = decode_action(&sub, arena, ctx, &actions[i]);
        if (!error) {
            error = verify_nesting(&actions[i], ctx);
        }
        if (error) {
            return error;
        }
        conjunction |= actions[i].kind == OFP_ACT_CONJUNCTION;
    }

    /* Conjunctions may only be accompanied by notes. */
    if (conjunction) {
        for (size_t i = 0; i < n; i++) {
            if (actions[i].kind != OFP_ACT_CONJUNCTION
                && actions[i].kind != OFP_ACT_NOTE) {
                return OFPERR_OFPBAC_BAD_ARGUMENT;
            }
        }
    }

    out->actions = actions;
    out->n = n;
    return 0;
}

enum ofperr
ofp_actions_decode(struct ofp_reader *r, size_t len, struct ofp_arena *arena,
                   struct ofp_action_list *out)
{
    struct ofp_reader sub;

    out->actions = NULL;
    out->n = 0;
    if (len % 8 || !ofp_reader_sub(r, len, &sub)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    return decode_list(&sub, arena, CTX_LIST, out);
}

/* ---- Instructions. --------------------------------------------------- */

/* Appends an instruction header of 'type' and returns its offset. */
static size_t
start_instruction(struct ofpbuf *b, uint16_t type)
{
    size_t start = b->size;
    ofpbuf_put_be16(b, type);
    ofpbuf_put_be16(b, 0);
    return start;
}

/* Writes the length of the instruction that starts at 'start'. */
static void
finish_instruction(struct ofpbuf *b, size_t start)
{
    ofpbuf_pad_to(b, start, 8);
    ofpbuf_set_be16(b, start + 2, (uint16_t) (b->size - start));
}

/* Appends an APPLY_ACTIONS or WRITE_ACTIONS instruction. */
static void
encode_actions_instruction(struct ofpbuf *b, uint16_t type,
                           const struct ofp_action_list *list)
{
    size_t start = start_instruction(b, type);
    ofpbuf_put_zeros(b, 4);
    ofp_actions_encode(list->actions, list->n, b);
    finish_instruction(b, start);
}

void
ofp_instructions_encode(const struct ofp_instructions *in, struct ofpbuf *b)
{
    size_t start;

    if (in->present & OFP_INST_BIT(OFPIT_METER)) {
        start = start_instruction(b, OFPIT_METER);
        ofpbuf_put_be32(b, in->meter_id);
        finish_instruction(b, start);
    }
    if (in->present & OFP_INST_BIT(OFPIT_APPLY_ACTIONS)) {
        encode_actions_instruction(b, OFPIT_APPLY_ACTIONS, &in->apply);
    }
    if (in->present & OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)) {
        start = start_instruction(b, OFPIT_CLEAR_ACTIONS);
        ofpbuf_put_zeros(b, 4);
        finish_instruction(b, start);
    }
    if (in->present & OFP_INST_BIT(OFPIT_WRITE_ACTIONS)) {
        encode_actions_instruction(b, OFPIT_WRITE_ACTIONS, &in->write);
    }
    if (in->present & OFP_INST_BIT(OFPIT_WRITE_METADATA)) {
        start = start_instruction(b, OFPIT_WRITE_METADATA);
        ofpbuf_put_zeros(b, 4);
        ofpbuf_put_be64(b, in->metadata);
        ofpbuf_put_be64(b, in->metadata_mask);
        finish_instruction(b, start);
    }
    if (in->present & OFP_INST_BIT(OFPIT_GOTO_TABLE)) {
        start = start_instruction(b, OFPIT_GOTO_TABLE);
        ofpbuf_put_u8(b, in->goto_table);
        ofpbuf_put_zeros(b, 3);
        finish_instruction(b, start);
    }
}

/* Checks one instruction's framing, type and fixed length. */
static enum ofperr
frame_instruction(const struct ofp_reader *r, uint16_t *typep,
                  uint16_t *lenp)
{
    struct ofp_reader h = *r;
    uint16_t type, len;

    if (!ofp_reader_be16(&h, &type) || !ofp_reader_be16(&h, &len)
        || len < OFP_INST_HDR_LEN || len % 8 || len > ofp_reader_left(r)) {
        return OFPERR_OFPBIC_BAD_LEN;
    }
    switch (type) {
    case OFPIT_GOTO_TABLE:
    case OFPIT_CLEAR_ACTIONS:
    case OFPIT_METER:
        if (len != 8) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        break;
    case OFPIT_WRITE_METADATA:
        if (len != 24) {
            return OFPERR_OFPBIC_BAD_LEN;
        }
        break;
    case OFPIT_WRITE_ACTIONS:
    case OFPIT_APPLY_ACTIONS:
        break;
    case 0xffff:
        return OFPERR_OFPBIC_BAD_EXPERIMENTER;
    default:
        return OFPERR_OFPBIC_UNKNOWN_INST;
    }
    *typep = type;
    *lenp = len;
    return 0;
}

enum ofperr
ofp_instructions_decode(struct ofp_reader *r, size_t len,
                        struct ofp_arena *arena, struct ofp_instructions *out)
{
    struct ofp_reader all, insts[OFPIT_METER + 1];
    enum ofperr error;

    memset(out, 0, sizeof *out);
    if (len % 8 || !ofp_reader_sub(r, len, &all)) {
        return OFPERR_OFPBIC_BAD_LEN;
    }

    /* Framing, types and duplicates first, as Open vSwitch does. */
    uint32_t present = 0;
    while (ofp_reader_left(&all)) {
        uint16_t type, ilen;
        error = frame_instruction(&all, &type, &ilen);
        if (error) {
            return error;
        }
        if (present & OFP_INST_BIT(type)) {
            return OFPERR_OFPBIC_UNSUP_INST;
        }
        present |= OFP_INST_BIT(type);
        ofp_reader_sub(&all, ilen, &insts[type]);
        ofp_reader_skip(&insts[type], 4);
    }

    /* Then each one, in execution order. */
    if (present & OFP_INST_BIT(OFPIT_METER)) {
        ofp_reader_be32(&insts[OFPIT_METER], &out->meter_id);
    }
    if (present & OFP_INST_BIT(OFPIT_APPLY_ACTIONS)) {
        ofp_reader_skip(&insts[OFPIT_APPLY_ACTIONS], 4);
        error = decode_list(&insts[OFPIT_APPLY_ACTIONS], arena, CTX_LIST,
                            &out->apply);
        if (error) {
            return error;
        }
    }
    if (present & OFP_INST_BIT(OFPIT_WRITE_ACTIONS)) {
        ofp_reader_skip(&insts[OFPIT_WRITE_ACTIONS], 4);
        error = decode_list(&insts[OFPIT_WRITE_ACTIONS], arena, CTX_SET,
                            &out->write);
        if (error) {
            return error;
        }
    }
    if (present & OFP_INST_BIT(OFPIT_WRITE_METADATA)) {
        struct ofp_reader *w = &insts[OFPIT_WRITE_METADATA];
        ofp_reader_skip(w, 4);
        ofp_reader_be64(w, &out->metadata);
        ofp_reader_be64(w, &out->metadata_mask);
    }
    if (present & OFP_INST_BIT(OFPIT_GOTO_TABLE)) {
        ofp_reader_u8(&insts[OFPIT_GOTO_TABLE], &out->goto_table);
    }
    out->present = present;

    /* A flow with conjunction() may have nothing but conjunctions and
     * notes. */
    for (size_t i = 0; i < out->apply.n; i++) {
        if (out->apply.actions[i].kind == OFP_ACT_CONJUNCTION
            && present != OFP_INST_BIT(OFPIT_APPLY_ACTIONS)) {
            memset(out, 0, sizeof *out);
            return OFPERR_OFPBAC_BAD_ARGUMENT;
        }
    }
    return 0;
}

/* ---- Buckets. -------------------------------------------------------- */

void
ofp_buckets_encode(const struct ofp_bucket *buckets, size_t n,
                   struct ofpbuf *b)
{
    for (size_t i = 0; i < n; i++) {
        const struct ofp_bucket *bk = &buckets[i];
        size_t start = b->size;

        ofpbuf_put_be16(b, 0);
        ofpbuf_put_be16(b, bk->weight);
        ofpbuf_put_be32(b, bk->watch_port);
        ofpbuf_put_be32(b, bk->watch_group);
        ofpbuf_put_zeros(b, 4);
        ofp_actions_encode(bk->actions.actions, bk->actions.n, b);
        ofpbuf_set_be16(b, start, (uint16_t) (b->size - start));
    }
}

enum ofperr
ofp_buckets_decode(struct ofp_reader *r, size_t len, struct ofp_arena *arena,
                   struct ofp_bucket **bucketsp, size_t *np)
{
    struct ofp_reader all, scan;
    size_t n = 0;
    uint16_t blen;

    *bucketsp = NULL;
    *np = 0;
    if (!ofp_reader_sub(r, len, &all)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }

    /* Framing. */
    scan = all;
    while (ofp_reader_left(&scan)) {
        struct ofp_reader h = scan;
        if (ofp_reader_left(&scan) < OFP_BUCKET_LEN
            || !ofp_reader_be16(&h, &blen) || blen < OFP_BUCKET_LEN
            || blen > ofp_reader_left(&scan)) {
            return OFPERR_OFPGMFC_BAD_BUCKET;
        }
        ofp_reader_skip(&scan, blen);
        n++;
    }
    if (!n) {
        return 0;
    }

    struct ofp_bucket *buckets = ofp_arena_calloc(arena, n, sizeof *buckets);
    for (size_t i = 0; i < n; i++) {
        struct ofp_bucket *bk = &buckets[i];
        struct ofp_reader sub;

        ofp_reader_be16(&all, &blen);
        ofp_reader_be16(&all, &bk->weight);
        ofp_reader_be32(&all, &bk->watch_port);
        ofp_reader_be32(&all, &bk->watch_group);
        ofp_reader_skip(&all, 4);
        if ((blen - OFP_BUCKET_LEN) % 8) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofp_reader_sub(&all, blen - OFP_BUCKET_LEN, &sub);
        enum ofperr error = decode_list(&sub, arena, CTX_LIST, &bk->actions);
        if (error) {
            return error;
        }
        if (bk->watch_port >= 0xff00 && bk->watch_port < OFPP_MAX) {
            return OFPERR_OFPGMFC_BAD_WATCH;
        }
    }
    *bucketsp = buckets;
    *np = n;
    return 0;
}

/* ---- Comparison. ----------------------------------------------------- */

bool
ofp_actions_equal(const struct ofp_action *a, size_t n,
                  const struct ofp_action *b, size_t m)
{
    struct ofpbuf x = OFPBUF_INITIALIZER, y = OFPBUF_INITIALIZER;

    ofp_actions_encode(a, n, &x);
    ofp_actions_encode(b, m, &y);
    bool equal = x.size == y.size && (!x.size
                                      || !memcmp(x.data, y.data, x.size));
    ofpbuf_uninit(&x);
    ofpbuf_uninit(&y);
    return equal;
}

bool
ofp_instructions_equal(const struct ofp_instructions *a,
                       const struct ofp_instructions *b)
{
    struct ofpbuf x = OFPBUF_INITIALIZER, y = OFPBUF_INITIALIZER;

    ofp_instructions_encode(a, &x);
    ofp_instructions_encode(b, &y);
    bool equal = x.size == y.size && (!x.size
                                      || !memcmp(x.data, y.data, x.size));
    ofpbuf_uninit(&x);
    ofpbuf_uninit(&y);
    return equal;
}
