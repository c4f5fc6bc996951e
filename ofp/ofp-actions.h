/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_ACTIONS_H
#define OFP_ACTIONS_H 1

/* OpenFlow 1.3 actions, instructions and group buckets, plus the Nicira
 * actions Open vSwitch needs (resubmit, ct, ct_clear, nat, conjunction,
 * reg_load, reg_load2, reg_move, note).
 *
 * An action list is an array of fixed-size host-order structs, so an app can
 * write one as a static initializer.  Decoding allocates arrays from a
 * caller's ofp_arena; encoding only appends to a caller's ofpbuf. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"

/* Reserved port numbers (OFPP_*). */
#define OFPP_MAX        0xffffff00u
#define OFPP_IN_PORT    0xfffffff8u
#define OFPP_TABLE      0xfffffff9u
#define OFPP_NORMAL     0xfffffffau
#define OFPP_FLOOD      0xfffffffbu
#define OFPP_ALL        0xfffffffcu
#define OFPP_CONTROLLER 0xfffffffdu
#define OFPP_LOCAL      0xfffffffeu
#define OFPP_ANY        0xffffffffu

#define OFPG_MAX 0xffffff00u
#define OFPG_ALL 0xfffffffcu
#define OFPG_ANY 0xffffffffu

#define OFPCML_MAX       0xffe5
#define OFPCML_NO_BUFFER 0xffff

/* Experimenter ids. */
#define OFP_NX_VENDOR_ID  0x00002320u   /* Nicira. */
#define OFP_ONF_VENDOR_ID 0x4f4e4600u   /* ONF. */

enum ofp_action_kind {
    /* OpenFlow 1.3 (OFPAT_*). */
    OFP_ACT_OUTPUT,
    OFP_ACT_COPY_TTL_OUT,
    OFP_ACT_COPY_TTL_IN,
    OFP_ACT_SET_MPLS_TTL,
    OFP_ACT_DEC_MPLS_TTL,
    OFP_ACT_PUSH_VLAN,
    OFP_ACT_POP_VLAN,
    OFP_ACT_PUSH_MPLS,
    OFP_ACT_POP_MPLS,
    OFP_ACT_SET_QUEUE,
    OFP_ACT_GROUP,
    OFP_ACT_SET_NW_TTL,
    OFP_ACT_DEC_NW_TTL,
    OFP_ACT_SET_FIELD,
    OFP_ACT_PUSH_PBB,
    OFP_ACT_POP_PBB,
    /* Nicira extensions (NXAST_*). */
    OFP_ACT_RESUBMIT,           /* NXAST_RESUBMIT / NXAST_RESUBMIT_TABLE. */
    OFP_ACT_CT,                 /* NXAST_CT. */
    OFP_ACT_CT_CLEAR,           /* NXAST_CT_CLEAR. */
    OFP_ACT_NAT,                /* NXAST_NAT, only nested inside ct(). */
    OFP_ACT_CONJUNCTION,        /* NXAST_CONJUNCTION. */
    OFP_ACT_REG_LOAD,           /* NXAST_REG_LOAD. */
    OFP_ACT_REG_LOAD2,          /* NXAST_REG_LOAD2. */
    OFP_ACT_REG_MOVE,           /* NXAST_REG_MOVE. */
    OFP_ACT_NOTE,               /* NXAST_NOTE. */
    /* Any other well-formed experimenter action, kept verbatim so dumped
     * foreign flows re-encode losslessly. */
    OFP_ACT_EXPERIMENTER,
};

/* A bit range of a field: NXM's "field[ofs..ofs+n_bits-1]".  Load and
 * move see the field as ofp_field_info(field)->nxm_header, whose width
 * ofp_field_header_n_bits() gives (16 bits for in_port, 12 for vlan_vid). */
struct ofp_field_ref {
    enum ofp_field field;
    uint16_t ofs;
    uint16_t n_bits;
};

/* ct() flags (NX_CT_F_*). */
#define OFP_CT_F_COMMIT 0x0001
#define OFP_CT_F_FORCE  0x0002
#define OFP_CT_RECIRC_NONE 0xff

struct ofp_action;

/* ct(commit, zone=..., table=..., alg=..., exec(...)).  The zone comes from
 * 'zone_src' when its field is not OFP_F_NONE and its n_bits is nonzero
 * (Open vSwitch requires 16 bits), otherwise from 'zone_imm'; so a
 * zero-initialized zone_src also means "immediate".  The decoder sets
 * zone_src.field to OFP_F_NONE for an immediate zone. */
struct ofp_ct {
    uint16_t flags;                 /* OFP_CT_F_*. */
    struct ofp_field_ref zone_src;  /* field OFP_F_NONE: use zone_imm. */
    uint16_t zone_imm;
    uint8_t recirc_table;           /* OFP_CT_RECIRC_NONE for none. */
    uint16_t alg;                   /* 0, or an L4 port (21 ftp, 69 tftp). */
    const struct ofp_action *actions;   /* Nested: nat, set_field. */
    size_t n_actions;
};

/* nat(src|dst=MIN-MAX:PMIN-PMAX,persistent,hash|random) (NX_NAT_F_*). */
#define OFP_NAT_F_SRC          0x0001
#define OFP_NAT_F_DST          0x0002
#define OFP_NAT_F_PERSISTENT   0x0004
#define OFP_NAT_F_PROTO_HASH   0x0008
#define OFP_NAT_F_PROTO_RANDOM 0x0010

struct ofp_nat {
    uint16_t flags;             /* OFP_NAT_F_*. */
    uint8_t family;             /* 0 (no address range), 4 or 6. */
    uint32_t ipv4_min, ipv4_max;            /* Host order; max 0 = none. */
    uint8_t ipv6_min[16], ipv6_max[16];     /* max all-zero = none. */
    uint16_t proto_min, proto_max;          /* 0 = none. */
};

/* One action.  'kind' selects the union member. */
struct ofp_action {
    enum ofp_action_kind kind;
    union {
        struct {
            uint32_t port;      /* OFPP_* or a port number. */
            uint16_t max_len;   /* For OFPP_CONTROLLER. */
        } output;
        uint8_t ttl;            /* SET_MPLS_TTL, SET_NW_TTL. */
        uint16_t ethertype;     /* PUSH_VLAN/MPLS/PBB, POP_MPLS. */
        uint32_t queue_id;      /* SET_QUEUE. */
        uint32_t group_id;      /* GROUP. */
        struct {
            enum ofp_field field;
            union ofp_field_value value;
            union ofp_field_value mask;   /* REG_LOAD2 only. */
            bool masked;                  /* REG_LOAD2 only. */
        } set_field;            /* SET_FIELD, REG_LOAD2. */
        struct {
            uint16_t in_port;   /* OFPP_IN_PORT (0xfff8) for "current". */
            uint8_t table;      /* 0xff: NXAST_RESUBMIT (no table). */
        } resubmit;
        struct ofp_ct ct;
        struct ofp_nat nat;
        struct {
            uint32_t id;
            uint8_t clause;     /* 0-based on the wire, 1-based in text. */
            uint8_t n_clauses;
        } conjunction;
        struct {
            struct ofp_field_ref dst;
            uint64_t value;
        } reg_load;
        struct {
            struct ofp_field_ref src;
            struct ofp_field_ref dst;
        } reg_move;             /* src.n_bits == dst.n_bits. */
        struct {
            const uint8_t *data;    /* Borrowed or arena-owned. */
            size_t len;
        } note;
        struct {
            uint32_t vendor;
            uint16_t subtype;       /* NX subtype, when vendor is Nicira. */
            const uint8_t *body;    /* Everything after the 8-byte header. */
            size_t len;
        } experimenter;
    };
};

/* An action list. */
struct ofp_action_list {
    const struct ofp_action *actions;
    size_t n;
};

/* Instruction types (OFPIT_*). */
enum ofp_instruction_type {
    OFPIT_GOTO_TABLE = 1,
    OFPIT_WRITE_METADATA = 2,
    OFPIT_WRITE_ACTIONS = 3,
    OFPIT_APPLY_ACTIONS = 4,
    OFPIT_CLEAR_ACTIONS = 5,
    OFPIT_METER = 6,
};

/* A flow's instruction set.  Each instruction appears at most once; bit
 * (1 << OFPIT_x) of 'present' says it is there.  Encoding writes them in
 * the order the pipeline executes them (meter, apply, clear, write,
 * write_metadata, goto), as Open vSwitch does. */
struct ofp_instructions {
    uint32_t present;
    uint32_t meter_id;
    struct ofp_action_list apply;
    struct ofp_action_list write;
    uint64_t metadata;
    uint64_t metadata_mask;
    uint8_t goto_table;
};

#define OFP_INST_BIT(TYPE) (1u << (TYPE))

/* Group types (OFPGT_*). */
#define OFPGT_ALL      0
#define OFPGT_SELECT   1
#define OFPGT_INDIRECT 2
#define OFPGT_FF       3

/* A group bucket (OpenFlow 1.3 'struct ofp_bucket'). */
struct ofp_bucket {
    uint16_t weight;
    uint32_t watch_port;        /* OFPP_ANY if none. */
    uint32_t watch_group;       /* OFPG_ANY if none. */
    struct ofp_action_list actions;
};

/* Decodes exactly 'len' bytes of actions at the reader's position.  Checks
 * every action's length and alignment (OFPBAC_BAD_LEN), type
 * (OFPBAC_BAD_TYPE, OFPBAC_BAD_EXPERIMENTER...), arguments, nested ct()
 * actions that overrun their parent, set_field TLVs (OFPBAC_BAD_SET_*).
 * The result lives in 'arena' and may borrow from the reader's buffer. */
enum ofperr ofp_actions_decode(struct ofp_reader *, size_t len,
                               struct ofp_arena *, struct ofp_action_list *);
void ofp_actions_encode(const struct ofp_action *, size_t n, struct ofpbuf *);
/* Formats as Open vSwitch does after "actions=": "output:2,ct(commit)".
 * An empty list is "drop". */
void ofp_actions_format(const struct ofp_action *, size_t n, struct ofp_ds *);

/* Decodes exactly 'len' bytes of instructions (OFPBIC_* errors, and the
 * action errors above for the action-carrying instructions). */
enum ofperr ofp_instructions_decode(struct ofp_reader *, size_t len,
                                    struct ofp_arena *,
                                    struct ofp_instructions *);
void ofp_instructions_encode(const struct ofp_instructions *,
                             struct ofpbuf *);
/* Formats as Open vSwitch does after "actions=", e.g.
 * "meter:1,output:2,write_actions(output:3),goto_table:4"; "drop" if
 * empty. */
void ofp_instructions_format(const struct ofp_instructions *,
                             struct ofp_ds *);

/* Decodes exactly 'len' bytes of OpenFlow 1.3 buckets. */
enum ofperr ofp_buckets_decode(struct ofp_reader *, size_t len,
                               struct ofp_arena *,
                               struct ofp_bucket **buckets, size_t *n);
void ofp_buckets_encode(const struct ofp_bucket *, size_t n,
                        struct ofpbuf *);
/* Formats as Open vSwitch does in a group: "bucket=actions=output:1,..."
 * with buckets separated by commas.  'group_type' (OFPGT_*) matters
 * because Open vSwitch omits a bucket's weight when it is the type's
 * default: 1 for select groups, 0 otherwise. */
void ofp_buckets_format(const struct ofp_bucket *, size_t n,
                        uint8_t group_type, struct ofp_ds *);

/* Formats a port number as Open vSwitch does: "2", "CONTROLLER", "LOCAL",
 * "IN_PORT", "ANY"... */
void ofp_port_no_format(uint32_t port, struct ofp_ds *);

/* ---- Extensions (module "actions"). -------------------------------- */

/* Formats a subfield as Open vSwitch does: "NXM_NX_REG0[0..15]",
 * "NXM_OF_ETH_SRC[]", "NXM_NX_REG1[3]". */
void ofp_field_ref_format(const struct ofp_field_ref *, struct ofp_ds *);

/* True if the two action lists encode to the same bytes, e.g. for
 * comparing a desired flow with one dumped from a switch. */
bool ofp_actions_equal(const struct ofp_action *, size_t n,
                       const struct ofp_action *, size_t m);
/* Same for instruction sets. */
bool ofp_instructions_equal(const struct ofp_instructions *,
                            const struct ofp_instructions *);

#endif /* ofp-actions.h */
