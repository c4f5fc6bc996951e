/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-actions.h"

#include <inttypes.h>
#include <string.h>

/* Text for actions, instructions and buckets, exactly as Open vSwitch 3.1
 * prints them after "actions=" (lib/ofp-actions.c format_*()).  Actions Open
 * vSwitch does not implement (copy_ttl_in/out, push_pbb/pop_pbb) and foreign
 * experimenter actions get a syntax of our own in the same style. */

void
ofp_field_ref_format(const struct ofp_field_ref *ref, struct ofp_ds *s)
{
    const struct ofp_field_info *info = ofp_field_info(ref->field);

    if (!info) {
        ofp_ds_put_cstr(s, "<unknown>");
        ofp_ds_put_format(s, "[%u..%u]", ref->ofs,
                          ref->ofs + ref->n_bits - 1);
        return;
    }
    ofp_ds_put_cstr(s, info->nxm_name);
    if (ref->ofs == 0
        && ref->n_bits == ofp_field_header_n_bits(info->nxm_header)) {
        ofp_ds_put_cstr(s, "[]");
    } else if (ref->n_bits == 1) {
        ofp_ds_put_format(s, "[%u]", ref->ofs);
    } else {
        ofp_ds_put_format(s, "[%u..%u]", ref->ofs,
                          ref->ofs + ref->n_bits - 1);
    }
}

void
ofp_port_no_format(uint32_t port, struct ofp_ds *s)
{
    static const char *const names[] = {
        [OFPP_IN_PORT - 0xfffffff7u] = "IN_PORT",
        [OFPP_TABLE - 0xfffffff7u] = "TABLE",
        [OFPP_NORMAL - 0xfffffff7u] = "NORMAL",
        [OFPP_FLOOD - 0xfffffff7u] = "FLOOD",
        [OFPP_ALL - 0xfffffff7u] = "ALL",
        [OFPP_CONTROLLER - 0xfffffff7u] = "CONTROLLER",
        [OFPP_LOCAL - 0xfffffff7u] = "LOCAL",
        [OFPP_ANY - 0xfffffff7u] = "ANY",
        [0] = "UNSET",          /* Open vSwitch's internal 0xfff7. */
    };

    if (port >= 0xfffffff7u) {
        ofp_ds_put_cstr(s, names[port - 0xfffffff7u]);
    } else if (port >= OFPP_MAX) {
        /* Open vSwitch maps these onto its 16-bit reserved range. */
        ofp_ds_put_format(s, "%"PRIu32, port - 0xffff0000u);
    } else {
        ofp_ds_put_format(s, "%"PRIu32, port);
    }
}

/* Formats a 16-bit (Nicira) port number, e.g. resubmit's. */
static void
format_port16(uint16_t port, struct ofp_ds *s)
{
    ofp_port_no_format(port >= 0xff00 ? port + 0xffff0000u : port, s);
}

/* Formats Open vSwitch's nat(...). */
static void
format_nat(const struct ofp_nat *nat, struct ofp_ds *s)
{
    ofp_ds_put_cstr(s, "nat");
    if (!(nat->flags & (OFP_NAT_F_SRC | OFP_NAT_F_DST))) {
        return;
    }
    ofp_ds_put_cstr(s, nat->flags & OFP_NAT_F_SRC ? "(src" : "(dst");
    if (nat->family == 4 || nat->family == 6) {
        ofp_ds_put_char(s, '=');
        if (nat->family == 4) {
            ofp_ds_put_ipv4(s, nat->ipv4_min);
            if (nat->ipv4_max && nat->ipv4_max != nat->ipv4_min) {
                ofp_ds_put_char(s, '-');
                ofp_ds_put_ipv4(s, nat->ipv4_max);
            }
        } else {
            static const uint8_t zero16[16];
            bool bracket = nat->proto_min != 0;

            ofp_ds_put_cstr(s, bracket ? "[" : "");
            ofp_ds_put_ipv6(s, nat->ipv6_min);
            ofp_ds_put_cstr(s, bracket ? "]" : "");
            if (memcmp(nat->ipv6_max, zero16, 16)
                && memcmp(nat->ipv6_max, nat->ipv6_min, 16)) {
                ofp_ds_put_cstr(s, bracket ? "-[" : "-");
                ofp_ds_put_ipv6(s, nat->ipv6_max);
                ofp_ds_put_cstr(s, bracket ? "]" : "");
            }
        }
        if (nat->proto_min) {
            ofp_ds_put_format(s, ":%"PRIu16, nat->proto_min);
            if (nat->proto_max && nat->proto_max != nat->proto_min) {
                ofp_ds_put_format(s, "-%"PRIu16, nat->proto_max);
            }
        }
        /* Open vSwitch prints the flags only after an address range. */
        if (nat->flags & OFP_NAT_F_PERSISTENT) {
            ofp_ds_put_cstr(s, ",persistent");
        }
        if (nat->flags & OFP_NAT_F_PROTO_HASH) {
            ofp_ds_put_cstr(s, ",hash");
        }
        if (nat->flags & OFP_NAT_F_PROTO_RANDOM) {
            ofp_ds_put_cstr(s, ",random");
        }
    }
    ofp_ds_put_char(s, ')');
}

static void format_list(const struct ofp_action *, size_t n,
                        struct ofp_ds *);

/* Formats Open vSwitch's ct(...): flags, table, zone, a leading nat outside
 * exec(), the other nested actions in exec(), then alg. */
static void
format_ct(const struct ofp_ct *ct, struct ofp_ds *s)
{
    const struct ofp_action *nested = ct->actions;
    size_t n = ct->n_actions;

    ofp_ds_put_cstr(s, "ct(");
    if (ct->flags & OFP_CT_F_COMMIT) {
        ofp_ds_put_cstr(s, "commit,");
    }
    if (ct->flags & OFP_CT_F_FORCE) {
        ofp_ds_put_cstr(s, "force,");
    }
    if (ct->recirc_table != OFP_CT_RECIRC_NONE) {
        ofp_ds_put_format(s, "table=%"PRIu8",", ct->recirc_table);
    }
    if (ct->zone_src.field < OFP_N_FIELDS && ct->zone_src.n_bits) {
        ofp_ds_put_cstr(s, "zone=");
        ofp_field_ref_format(&ct->zone_src, s);
        ofp_ds_put_char(s, ',');
    } else if (ct->zone_imm) {
        ofp_ds_put_format(s, "zone=%"PRIu16",", ct->zone_imm);
    }
    if (n && nested->kind == OFP_ACT_NAT) {
        format_nat(&nested->nat, s);
        ofp_ds_put_char(s, ',');
        nested++;
        n--;
    }
    if (n) {
        ofp_ds_put_cstr(s, "exec(");
        format_list(nested, n, s);
        ofp_ds_put_cstr(s, "),");
    }
    switch (ct->alg) {
    case 0:
        break;
    case 21:
        ofp_ds_put_cstr(s, "alg=ftp,");
        break;
    case 69:
        ofp_ds_put_cstr(s, "alg=tftp,");
        break;
    default:
        ofp_ds_put_format(s, "alg=%"PRIu16",", ct->alg);
        break;
    }
    ofp_ds_chomp(s, ",");
    ofp_ds_put_char(s, ')');
}

/* Formats bytes as Open vSwitch's note: "01.02.03". */
static void
format_dotted_hex(const uint8_t *p, size_t len, struct ofp_ds *s)
{
    for (size_t i = 0; i < len; i++) {
        ofp_ds_put_format(s, i ? ".%02"PRIx8 : "%02"PRIx8, p[i]);
    }
}

/* Formats one action. */
static void
format_action(const struct ofp_action *a, struct ofp_ds *s)
{
    switch (a->kind) {
    case OFP_ACT_OUTPUT:
        if (a->output.port < 0xff00) {
            ofp_ds_put_cstr(s, "output:");
        }
        ofp_port_no_format(a->output.port, s);
        if (a->output.port == OFPP_CONTROLLER) {
            ofp_ds_put_format(s, ":%"PRIu16, a->output.max_len);
        }
        break;
    case OFP_ACT_COPY_TTL_OUT:
        ofp_ds_put_cstr(s, "copy_ttl_out");
        break;
    case OFP_ACT_COPY_TTL_IN:
        ofp_ds_put_cstr(s, "copy_ttl_in");
        break;
    case OFP_ACT_SET_MPLS_TTL:
        ofp_ds_put_format(s, "set_mpls_ttl(%"PRIu8")", a->ttl);
        break;
    case OFP_ACT_DEC_MPLS_TTL:
        ofp_ds_put_cstr(s, "dec_mpls_ttl");
        break;
    case OFP_ACT_PUSH_VLAN:
        ofp_ds_put_format(s, "push_vlan:%#"PRIx16, a->ethertype);
        break;
    case OFP_ACT_POP_VLAN:
        ofp_ds_put_cstr(s, "pop_vlan");
        break;
    case OFP_ACT_PUSH_MPLS:
        ofp_ds_put_format(s, "push_mpls:0x%04"PRIx16, a->ethertype);
        break;
    case OFP_ACT_POP_MPLS:
        ofp_ds_put_format(s, "pop_mpls:0x%04"PRIx16, a->ethertype);
        break;
    case OFP_ACT_SET_QUEUE:
        ofp_ds_put_format(s, "set_queue:%"PRIu32, a->queue_id);
        break;
    case OFP_ACT_GROUP:
        ofp_ds_put_format(s, "group:%"PRIu32, a->group_id);
        break;
    case OFP_ACT_SET_NW_TTL:
        ofp_ds_put_format(s, "mod_nw_ttl:%"PRIu8, a->ttl);
        break;
    case OFP_ACT_DEC_NW_TTL:
        ofp_ds_put_cstr(s, "dec_ttl");
        break;
    case OFP_ACT_SET_FIELD:
    case OFP_ACT_REG_LOAD2: {
        const struct ofp_field_info *info
            = ofp_field_info(a->set_field.field);
        ofp_ds_put_cstr(s, "set_field:");
        if (!info) {
            ofp_ds_put_cstr(s, "?-><unknown>");
            break;
        }
        ofp_field_format_value(a->set_field.field, &a->set_field.value,
                               (a->set_field.masked
                                ? &a->set_field.mask : NULL), true, s);
        ofp_ds_put_format(s, "->%s", info->name);
        break;
    }
    case OFP_ACT_PUSH_PBB:
        ofp_ds_put_format(s, "push_pbb:0x%04"PRIx16, a->ethertype);
        break;
    case OFP_ACT_POP_PBB:
        ofp_ds_put_cstr(s, "pop_pbb");
        break;
    case OFP_ACT_RESUBMIT:
        if (a->resubmit.in_port != (OFPP_IN_PORT & 0xffff)
            && a->resubmit.table == 0xff) {
            ofp_ds_put_cstr(s, "resubmit:");
            format_port16(a->resubmit.in_port, s);
        } else {
            ofp_ds_put_cstr(s, "resubmit(");
            if (a->resubmit.in_port != (OFPP_IN_PORT & 0xffff)) {
                format_port16(a->resubmit.in_port, s);
            }
            ofp_ds_put_char(s, ',');
            if (a->resubmit.table != 0xff) {
                ofp_ds_put_format(s, "%"PRIu8, a->resubmit.table);
            }
            ofp_ds_put_char(s, ')');
        }
        break;
    case OFP_ACT_CT:
        format_ct(&a->ct, s);
        break;
    case OFP_ACT_CT_CLEAR:
        ofp_ds_put_cstr(s, "ct_clear");
        break;
    case OFP_ACT_NAT:
        format_nat(&a->nat, s);
        break;
    case OFP_ACT_CONJUNCTION:
        ofp_ds_put_format(s, "conjunction(%"PRIu32",%d/%"PRIu8")",
                          a->conjunction.id, a->conjunction.clause + 1,
                          a->conjunction.n_clauses);
        break;
    case OFP_ACT_REG_LOAD:
        ofp_ds_put_format(s, "load:%#"PRIx64"->", a->reg_load.value);
        ofp_field_ref_format(&a->reg_load.dst, s);
        break;
    case OFP_ACT_REG_MOVE:
        ofp_ds_put_cstr(s, "move:");
        ofp_field_ref_format(&a->reg_move.src, s);
        ofp_ds_put_cstr(s, "->");
        ofp_field_ref_format(&a->reg_move.dst, s);
        break;
    case OFP_ACT_NOTE:
        ofp_ds_put_cstr(s, "note:");
        format_dotted_hex(a->note.data, a->note.len, s);
        break;
    case OFP_ACT_EXPERIMENTER: {
        ofp_ds_put_format(s, "experimenter(vendor=%#"PRIx32,
                          a->experimenter.vendor);
        const uint8_t *body = a->experimenter.body;
        size_t len = a->experimenter.len;
        if (a->experimenter.vendor == OFP_NX_VENDOR_ID && len >= 2) {
            /* The body starts with the subtype. */
            ofp_ds_put_format(s, ",subtype=%"PRIu16,
                              a->experimenter.subtype);
            body += 2;
            len -= 2;
        }
        if (len) {
            ofp_ds_put_cstr(s, ",data=");
            format_dotted_hex(body, len, s);
        }
        ofp_ds_put_char(s, ')');
        break;
    }
    default:
        ofp_ds_put_format(s, "<unknown action %d>", (int) a->kind);
        break;
    }
}

/* Formats a non-empty or empty list; empty is "drop". */
static void
format_list(const struct ofp_action *actions, size_t n, struct ofp_ds *s)
{
    if (!n) {
        ofp_ds_put_cstr(s, "drop");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i) {
            ofp_ds_put_char(s, ',');
        }
        format_action(&actions[i], s);
    }
}

void
ofp_actions_format(const struct ofp_action *actions, size_t n,
                   struct ofp_ds *s)
{
    format_list(actions, n, s);
}

void
ofp_instructions_format(const struct ofp_instructions *in, struct ofp_ds *s)
{
    size_t start = s->length;

    if (in->present & OFP_INST_BIT(OFPIT_METER)) {
        ofp_ds_put_format(s, "meter:%"PRIu32",", in->meter_id);
    }
    if (in->present & OFP_INST_BIT(OFPIT_APPLY_ACTIONS) && in->apply.n) {
        format_list(in->apply.actions, in->apply.n, s);
        ofp_ds_put_char(s, ',');
    }
    if (in->present & OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)) {
        ofp_ds_put_cstr(s, "clear_actions,");
    }
    if (in->present & OFP_INST_BIT(OFPIT_WRITE_ACTIONS)) {
        ofp_ds_put_cstr(s, "write_actions(");
        format_list(in->write.actions, in->write.n, s);
        ofp_ds_put_cstr(s, "),");
    }
    if (in->present & OFP_INST_BIT(OFPIT_WRITE_METADATA)) {
        ofp_ds_put_format(s, "write_metadata:%#"PRIx64, in->metadata);
        if (in->metadata_mask != UINT64_MAX) {
            ofp_ds_put_format(s, "/%#"PRIx64, in->metadata_mask);
        }
        ofp_ds_put_char(s, ',');
    }
    if (in->present & OFP_INST_BIT(OFPIT_GOTO_TABLE)) {
        ofp_ds_put_format(s, "goto_table:%"PRIu8",", in->goto_table);
    }
    if (s->length == start) {
        ofp_ds_put_cstr(s, "drop");
    } else {
        ofp_ds_chomp(s, ",");
    }
}

void
ofp_buckets_format(const struct ofp_bucket *buckets, size_t n,
                   uint8_t group_type, struct ofp_ds *s)
{
    uint16_t default_weight = group_type == OFPGT_SELECT ? 1 : 0;

    for (size_t i = 0; i < n; i++) {
        const struct ofp_bucket *bk = &buckets[i];

        if (i) {
            ofp_ds_put_char(s, ',');
        }
        ofp_ds_put_cstr(s, "bucket=");
        if (bk->weight != default_weight) {
            ofp_ds_put_format(s, "weight:%"PRIu16",", bk->weight);
        }
        if (bk->watch_port != OFPP_ANY) {
            ofp_ds_put_cstr(s, "watch_port:");
            ofp_port_no_format(bk->watch_port, s);
            ofp_ds_put_char(s, ',');
        }
        if (bk->watch_group != OFPG_ANY) {
            ofp_ds_put_format(s, "watch_group:%"PRIu32",", bk->watch_group);
        }
        ofp_ds_put_cstr(s, "actions=");
        format_list(bk->actions.actions, bk->actions.n, s);
    }
}
