/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Conformance cases for actions, instructions and buckets: one FLOW_MOD per
 * action kind and argument variant ("actions/<kind>/<variant>"), each with
 * the match prerequisites Open vSwitch 3.1 checks (set_field tcp_dst needs a
 * tcp match, ct needs ip, pop_mpls needs mpls...), one per instruction
 * ("actions/inst/..."), and GROUP_MODs exercising buckets ("group/...").
 *
 * Left out on purpose, because Open vSwitch 3.1 rejects them:
 *   - copy_ttl_in, copy_ttl_out, push_pbb, pop_pbb (OFPBAC_BAD_TYPE: OVS
 *     does not implement them);
 *   - set_field pbb_isid (OVS has no such field) and set_field in_port
 *     (OpenFlow forbids setting OXM_OF_IN_PORT), and every read-only field;
 *   - set_field ct_mark/ct_label outside ct(), nat outside ct()
 *     (OFPBAC_BAD_SET_ARGUMENT);
 *   - unknown experimenter actions (OFPBAC_BAD_VENDOR/_VENDOR_TYPE);
 *   - output to ANY (OFPBAC_BAD_OUT_PORT). */

#include <string.h>
#include "ofp/ofp-msgs.h"
#include "tests/conformance.h"

static conf_emit_fn *emit;
static uint32_t next_xid = 0x100;

/* Encodes a FLOW_MOD with 'match' (NULL: match all) and instructions 'in',
 * and emits it as 'name'. */
static void
emit_flow_insts(const char *name, const struct ofp_match *match,
                const struct ofp_instructions *in)
{
    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_flow_mod fm;

    ofp_flow_mod_init(&fm);
    fm.table_id = 1;
    if (match) {
        fm.match = *match;
    }
    fm.instructions = *in;
    ofp_encode_flow_mod(&fm, next_xid++, &b);
    emit(name, &b);
    ofpbuf_uninit(&b);
}

/* Emits a FLOW_MOD applying the 'n' actions 'acts'. */
static void
emit_flow(const char *name, const struct ofp_match *match,
          const struct ofp_action *acts, size_t n)
{
    struct ofp_instructions in = {
        .present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS),
        .apply = { acts, n },
    };
    emit_flow_insts(name, match, &in);
}

#define FLOW(NAME, MATCH, ...)                                          \
    do {                                                                \
        const struct ofp_action acts_[] = { __VA_ARGS__ };              \
        emit_flow(NAME, MATCH, acts_, sizeof acts_ / sizeof *acts_);    \
    } while (0)

/* ---- Matches that satisfy prerequisites. ----------------------------- */

static struct ofp_match m_ip, m_tcp, m_udp, m_sctp, m_icmp, m_arp, m_ipv6;
static struct ofp_match m_icmp6, m_nd_ns, m_nd_na, m_vlan, m_mpls;

/* Fills in the prerequisite matches above. */
static void
init_matches(void)
{
    ofp_match_init(&m_ip);
    ofp_match_set_u16(&m_ip, OFP_F_ETH_TYPE, 0x0800);

    m_tcp = m_ip;
    ofp_match_set_u8(&m_tcp, OFP_F_IP_PROTO, 6);
    m_udp = m_ip;
    ofp_match_set_u8(&m_udp, OFP_F_IP_PROTO, 17);
    m_sctp = m_ip;
    ofp_match_set_u8(&m_sctp, OFP_F_IP_PROTO, 132);
    m_icmp = m_ip;
    ofp_match_set_u8(&m_icmp, OFP_F_IP_PROTO, 1);

    ofp_match_init(&m_arp);
    ofp_match_set_u16(&m_arp, OFP_F_ETH_TYPE, 0x0806);

    ofp_match_init(&m_ipv6);
    ofp_match_set_u16(&m_ipv6, OFP_F_ETH_TYPE, 0x86dd);
    m_icmp6 = m_ipv6;
    ofp_match_set_u8(&m_icmp6, OFP_F_IP_PROTO, 58);
    m_nd_ns = m_icmp6;
    ofp_match_set_u8(&m_nd_ns, OFP_F_ICMPV6_TYPE, 135);
    m_nd_na = m_icmp6;
    ofp_match_set_u8(&m_nd_na, OFP_F_ICMPV6_TYPE, 136);

    ofp_match_init(&m_vlan);
    ofp_match_set_u16(&m_vlan, OFP_F_VLAN_VID, OFPVID_PRESENT | 10);

    ofp_match_init(&m_mpls);
    ofp_match_set_u16(&m_mpls, OFP_F_ETH_TYPE, 0x8847);
}

/* ---- Cases. ---------------------------------------------------------- */

/* output to a port and to every reserved port a flow may use. */
static void
output_cases(void)
{
    static const struct {
        const char *name;
        uint32_t port;
        uint16_t max_len;
    } ports[] = {
        { "actions/output/port", 2, 0 },
        { "actions/output/port_max_len", 7, 128 },
        { "actions/output/controller", OFPP_CONTROLLER, 65535 },
        { "actions/output/controller_128", OFPP_CONTROLLER, 128 },
        { "actions/output/in_port", OFPP_IN_PORT, 0 },
        { "actions/output/table", OFPP_TABLE, 0 },
        { "actions/output/normal", OFPP_NORMAL, 0 },
        { "actions/output/flood", OFPP_FLOOD, 0 },
        { "actions/output/all", OFPP_ALL, 0 },
        { "actions/output/local", OFPP_LOCAL, 0 },
    };
    for (size_t i = 0; i < sizeof ports / sizeof *ports; i++) {
        FLOW(ports[i].name, NULL,
             { .kind = OFP_ACT_OUTPUT,
               .output = { ports[i].port, ports[i].max_len } });
    }
    FLOW("actions/output/several", NULL,
         { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } },
         { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } },
         { .kind = OFP_ACT_OUTPUT, .output = { OFPP_LOCAL, 0 } });
    emit_flow("actions/drop/empty_apply", NULL, NULL, 0);
}

/* The other OpenFlow 1.3 actions Open vSwitch implements. */
static void
standard_cases(void)
{
    FLOW("actions/group/5", NULL, { .kind = OFP_ACT_GROUP, .group_id = 5 });
    FLOW("actions/set_queue/3", NULL,
         { .kind = OFP_ACT_SET_QUEUE, .queue_id = 3 },
         { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } });
    FLOW("actions/push_vlan/8021q", NULL,
         { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100 });
    FLOW("actions/push_vlan/8021ad", NULL,
         { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x88a8 });
    FLOW("actions/push_vlan/then_set_vid", NULL,
         { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100 },
         { .kind = OFP_ACT_SET_FIELD,
           .set_field = { .field = OFP_F_VLAN_VID,
                          .value.u16 = OFPVID_PRESENT | 20 } },
         { .kind = OFP_ACT_OUTPUT, .output = { 3, 0 } });
    FLOW("actions/pop_vlan/tagged", &m_vlan, { .kind = OFP_ACT_POP_VLAN });
    FLOW("actions/push_mpls/unicast", &m_ip,
         { .kind = OFP_ACT_PUSH_MPLS, .ethertype = 0x8847 });
    FLOW("actions/push_mpls/multicast", &m_ip,
         { .kind = OFP_ACT_PUSH_MPLS, .ethertype = 0x8848 });
    FLOW("actions/pop_mpls/ipv4", &m_mpls,
         { .kind = OFP_ACT_POP_MPLS, .ethertype = 0x0800 });
    FLOW("actions/set_mpls_ttl/5", &m_mpls,
         { .kind = OFP_ACT_SET_MPLS_TTL, .ttl = 5 });
    FLOW("actions/dec_mpls_ttl/mpls", &m_mpls,
         { .kind = OFP_ACT_DEC_MPLS_TTL });
    FLOW("actions/set_nw_ttl/9", &m_ip,
         { .kind = OFP_ACT_SET_NW_TTL, .ttl = 9 });
    FLOW("actions/dec_nw_ttl/ip", &m_ip, { .kind = OFP_ACT_DEC_NW_TTL });
}

/* set_field for every writable field Open vSwitch accepts, each with a
 * sample value and its prerequisites. */
static void
set_field_cases(void)
{
    static const uint8_t v6a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };
    const struct {
        const char *name;
        enum ofp_field field;
        const struct ofp_match *match;
        uint64_t value;             /* For integer fields. */
        const uint8_t *bytes;       /* For MAC and IPv6 fields. */
    } cases[] = {
        { "actions/set_field/metadata", OFP_F_METADATA, NULL,
          0x1122334455667788ull, NULL },
        { "actions/set_field/eth_dst", OFP_F_ETH_DST, NULL, 0, mac },
        { "actions/set_field/eth_src", OFP_F_ETH_SRC, NULL, 0, mac },
        { "actions/set_field/vlan_vid", OFP_F_VLAN_VID, &m_vlan,
          OFPVID_PRESENT | 42, NULL },
        { "actions/set_field/vlan_pcp", OFP_F_VLAN_PCP, &m_vlan, 5, NULL },
        { "actions/set_field/ip_dscp", OFP_F_IP_DSCP, &m_ip, 46, NULL },
        { "actions/set_field/ip_ecn", OFP_F_IP_ECN, &m_ip, 2, NULL },
        { "actions/set_field/ipv4_src", OFP_F_IPV4_SRC, &m_ip, 0x0a000001,
          NULL },
        { "actions/set_field/ipv4_dst", OFP_F_IPV4_DST, &m_ip, 0xc0a80101,
          NULL },
        { "actions/set_field/tcp_src", OFP_F_TCP_SRC, &m_tcp, 1234, NULL },
        { "actions/set_field/tcp_dst", OFP_F_TCP_DST, &m_tcp, 80, NULL },
        { "actions/set_field/udp_src", OFP_F_UDP_SRC, &m_udp, 5353, NULL },
        { "actions/set_field/udp_dst", OFP_F_UDP_DST, &m_udp, 53, NULL },
        { "actions/set_field/sctp_src", OFP_F_SCTP_SRC, &m_sctp, 9, NULL },
        { "actions/set_field/sctp_dst", OFP_F_SCTP_DST, &m_sctp, 10, NULL },
        { "actions/set_field/icmpv4_type", OFP_F_ICMPV4_TYPE, &m_icmp, 8,
          NULL },
        { "actions/set_field/icmpv4_code", OFP_F_ICMPV4_CODE, &m_icmp, 0,
          NULL },
        { "actions/set_field/arp_op", OFP_F_ARP_OP, &m_arp, 2, NULL },
        { "actions/set_field/arp_spa", OFP_F_ARP_SPA, &m_arp, 0x0a000002,
          NULL },
        { "actions/set_field/arp_tpa", OFP_F_ARP_TPA, &m_arp, 0x0a000003,
          NULL },
        { "actions/set_field/arp_sha", OFP_F_ARP_SHA, &m_arp, 0, mac },
        { "actions/set_field/arp_tha", OFP_F_ARP_THA, &m_arp, 0, mac },
        { "actions/set_field/ipv6_src", OFP_F_IPV6_SRC, &m_ipv6, 0, v6a },
        { "actions/set_field/ipv6_dst", OFP_F_IPV6_DST, &m_ipv6, 0, v6a },
        { "actions/set_field/ipv6_flabel", OFP_F_IPV6_FLABEL, &m_ipv6,
          0x12345, NULL },
        { "actions/set_field/icmpv6_type", OFP_F_ICMPV6_TYPE, &m_icmp6, 128,
          NULL },
        { "actions/set_field/icmpv6_code", OFP_F_ICMPV6_CODE, &m_icmp6, 1,
          NULL },
        { "actions/set_field/ipv6_nd_target", OFP_F_IPV6_ND_TARGET, &m_nd_ns,
          0, v6a },
        { "actions/set_field/ipv6_nd_sll", OFP_F_IPV6_ND_SLL, &m_nd_ns, 0,
          mac },
        { "actions/set_field/ipv6_nd_tll", OFP_F_IPV6_ND_TLL, &m_nd_na, 0,
          mac },
        { "actions/set_field/mpls_label", OFP_F_MPLS_LABEL, &m_mpls, 1000,
          NULL },
        { "actions/set_field/mpls_tc", OFP_F_MPLS_TC, &m_mpls, 3, NULL },
        { "actions/set_field/tunnel_id", OFP_F_TUNNEL_ID, NULL, 0x1234,
          NULL },
        { "actions/set_field/reg0", OFP_F_REG0, NULL, 0xdeadbeef, NULL },
        { "actions/set_field/reg7", OFP_F_REG0 + 7, NULL, 7, NULL },
        { "actions/set_field/reg15", OFP_F_REG0 + 15, NULL, 15, NULL },
        { "actions/set_field/tun_ipv4_src", OFP_F_TUN_IPV4_SRC, NULL,
          0xac100001, NULL },
        { "actions/set_field/tun_ipv4_dst", OFP_F_TUN_IPV4_DST, NULL,
          0xac100002, NULL },
    };

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        enum ofp_field f = cases[i].field;
        const struct ofp_field_info *info = ofp_field_info(f);
        struct ofp_action a = {
            .kind = OFP_ACT_SET_FIELD,
            .set_field = { .field = f },
        };

        switch (info->type) {
        case OFP_FT_U8:
            a.set_field.value.u8 = cases[i].value;
            break;
        case OFP_FT_U16:
            a.set_field.value.u16 = cases[i].value;
            break;
        case OFP_FT_U32:
        case OFP_FT_IPV4:
            a.set_field.value.u32 = cases[i].value;
            break;
        case OFP_FT_U64:
            a.set_field.value.u64 = cases[i].value;
            break;
        case OFP_FT_MAC:
        case OFP_FT_IPV6:
        case OFP_FT_U128:
        default:
            memcpy(a.set_field.value.bytes, cases[i].bytes, info->len);
            break;
        }
        emit_flow(cases[i].name, cases[i].match, &a, 1);
    }
}

/* resubmit with and without port and table. */
static void
resubmit_cases(void)
{
    FLOW("actions/resubmit/port", NULL,
         { .kind = OFP_ACT_RESUBMIT, .resubmit = { 2, 0xff } });
    FLOW("actions/resubmit/table", NULL,
         { .kind = OFP_ACT_RESUBMIT, .resubmit = { 0xfff8, 3 } });
    FLOW("actions/resubmit/port_table", NULL,
         { .kind = OFP_ACT_RESUBMIT, .resubmit = { 1, 3 } });
    FLOW("actions/resubmit/local", NULL,
         { .kind = OFP_ACT_RESUBMIT, .resubmit = { 0xfffe, 0xff } });
}

/* ct() in its variants, nat() inside it, ct_clear. */
static void
ct_cases(void)
{
    FLOW("actions/ct/bare", &m_ip,
         { .kind = OFP_ACT_CT, .ct = { .recirc_table = OFP_CT_RECIRC_NONE } });
    FLOW("actions/ct/table", &m_ip,
         { .kind = OFP_ACT_CT, .ct = { .recirc_table = 2 } });
    FLOW("actions/ct/zone_imm", &m_ip,
         { .kind = OFP_ACT_CT, .ct = { .zone_imm = 5, .recirc_table = 2 } });
    FLOW("actions/ct/zone_reg", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .zone_src = { OFP_F_REG0 + 6, 0, 16 },
                   .recirc_table = 2 } });
    FLOW("actions/ct/zone_reg_high", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .zone_src = { OFP_F_REG0, 16, 16 },
                   .recirc_table = 3 } });
    FLOW("actions/ct/commit", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE } });
    FLOW("actions/ct/commit_table_zone", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT, .zone_imm = 7,
                   .recirc_table = 4 } });
    FLOW("actions/ct/force", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT | OFP_CT_F_FORCE,
                   .recirc_table = OFP_CT_RECIRC_NONE } });
    FLOW("actions/ct/alg_ftp", &m_tcp,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE, .alg = 21 } });
    FLOW("actions/ct/alg_tftp", &m_udp,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE, .alg = 69 } });

    static const struct ofp_action mark[] = {
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_MARK, .value.u32 = 1 } },
    };
    FLOW("actions/ct/exec_ct_mark", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = mark, .n_actions = 1 } });
    static const struct ofp_action label[] = {
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_LABEL,
                         .value.bytes = { [0] = 0x80, [15] = 1 } } },
    };
    FLOW("actions/ct/exec_ct_label", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = label, .n_actions = 1 } });
    static const struct ofp_action mark_masked[] = {
        { .kind = OFP_ACT_REG_LOAD2,
          .set_field = { .field = OFP_F_CT_MARK, .value.u32 = 0x10,
                         .mask.u32 = 0xf0, .masked = true } },
    };
    FLOW("actions/ct/exec_ct_mark_masked", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = mark_masked, .n_actions = 1 } });
    static const struct ofp_action load_mark[] = {
        { .kind = OFP_ACT_REG_LOAD,
          .reg_load = { { OFP_F_CT_MARK, 0, 8 }, 0x2a } },
    };
    FLOW("actions/ct/exec_load_ct_mark", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = load_mark, .n_actions = 1 } });

    static const struct ofp_action nat_bare[] = { { .kind = OFP_ACT_NAT } };
    FLOW("actions/ct/nat_bare", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .recirc_table = 5, .actions = nat_bare,
                   .n_actions = 1 } });
    static const struct ofp_action nat_src[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC | OFP_NAT_F_PROTO_RANDOM,
                   .family = 4, .ipv4_min = 0x0a000001,
                   .ipv4_max = 0x0a000005, .proto_min = 1000,
                   .proto_max = 2000 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_MARK, .value.u32 = 3 } },
    };
    FLOW("actions/ct/commit_table_nat_src_range_exec", &m_tcp,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT, .zone_imm = 5,
                   .recirc_table = 4, .actions = nat_src,
                   .n_actions = 2 } });
    static const struct ofp_action nat_dst[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_DST, .family = 4,
                   .ipv4_min = 0xc0a80a0a, .proto_min = 8080 } },
    };
    FLOW("actions/ct/nat_dst_port", &m_tcp,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = nat_dst, .n_actions = 1 } });
    static const struct ofp_action nat_pers[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = (OFP_NAT_F_SRC | OFP_NAT_F_PERSISTENT
                             | OFP_NAT_F_PROTO_HASH),
                   .family = 4, .ipv4_min = 0x0a000001,
                   .ipv4_max = 0x0a0000ff } },
    };
    FLOW("actions/ct/nat_src_persistent_hash", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = nat_pers, .n_actions = 1 } });
    static const struct ofp_action nat_flag_only[] = {
        { .kind = OFP_ACT_NAT, .nat = { .flags = OFP_NAT_F_SRC } },
    };
    FLOW("actions/ct/nat_src_no_range", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = nat_flag_only, .n_actions = 1 } });
    static const struct ofp_action nat6[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_DST, .family = 6,
                   .ipv6_min = { 0xfd, 0x00, [15] = 1 },
                   .ipv6_max = { 0xfd, 0x00, [15] = 9 },
                   .proto_min = 80, .proto_max = 88 } },
    };
    FLOW("actions/ct/nat6_dst_range", &m_ipv6,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = nat6, .n_actions = 1 } });
    static const struct ofp_action nat6_one[] = {
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC, .family = 6,
                   .ipv6_min = { 0xfd, 0x00, [15] = 1 } } },
    };
    FLOW("actions/ct/nat6_src", &m_ipv6,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = nat6_one, .n_actions = 1 } });
    static const struct ofp_action exec_then_nat[] = {
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_CT_MARK, .value.u32 = 9 } },
        { .kind = OFP_ACT_NAT,
          .nat = { .flags = OFP_NAT_F_SRC, .family = 4,
                   .ipv4_min = 0x0a000001 } },
    };
    FLOW("actions/ct/exec_then_nat", &m_ip,
         { .kind = OFP_ACT_CT,
           .ct = { .flags = OFP_CT_F_COMMIT,
                   .recirc_table = OFP_CT_RECIRC_NONE,
                   .actions = exec_then_nat, .n_actions = 2 } });

    FLOW("actions/ct_clear/plain", NULL, { .kind = OFP_ACT_CT_CLEAR });
    FLOW("actions/ct_clear/then_ct", &m_ip,
         { .kind = OFP_ACT_CT_CLEAR },
         { .kind = OFP_ACT_CT, .ct = { .recirc_table = 1 } });
}

/* conjunction, load, reg_load2, move and note. */
static void
nicira_cases(void)
{
    FLOW("actions/conjunction/one", &m_tcp,
         { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 7, 0, 2 } });
    FLOW("actions/conjunction/two", &m_tcp,
         { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 7, 1, 2 } },
         { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 8, 2, 3 } });

    FLOW("actions/load/reg0_low16", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_REG0, 0, 16 }, 0x5 } });
    FLOW("actions/load/reg1_whole", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_REG0 + 1, 0, 32 }, 0xffffffff } });
    FLOW("actions/load/reg2_bit", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_REG0 + 2, 31, 1 }, 1 } });
    FLOW("actions/load/metadata", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_METADATA, 0, 64 }, 0x1234 } });
    FLOW("actions/load/eth_dst", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_ETH_DST, 0, 48 }, 0x525400aabbccull } });
    FLOW("actions/load/tunnel_id", NULL,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_TUNNEL_ID, 0, 24 }, 100 } });
    FLOW("actions/load/ipv4_dst", &m_ip,
         { .kind = OFP_ACT_REG_LOAD,
           .reg_load = { { OFP_F_IPV4_DST, 0, 32 }, 0x0a000001 } });

    FLOW("actions/reg_load2/reg_masked", NULL,
         { .kind = OFP_ACT_REG_LOAD2,
           .set_field = { .field = OFP_F_REG0 + 3, .value.u32 = 0x500,
                          .mask.u32 = 0xff00, .masked = true } });
    FLOW("actions/reg_load2/reg_whole", NULL,
         { .kind = OFP_ACT_REG_LOAD2,
           .set_field = { .field = OFP_F_REG0 + 4, .value.u32 = 9 } });
    FLOW("actions/reg_load2/tcp_dst_masked", &m_tcp,
         { .kind = OFP_ACT_REG_LOAD2,
           .set_field = { .field = OFP_F_TCP_DST, .value.u16 = 0x50,
                          .mask.u16 = 0xfff0, .masked = true } });
    FLOW("actions/reg_load2/metadata_masked", NULL,
         { .kind = OFP_ACT_SET_FIELD,
           .set_field = { .field = OFP_F_METADATA, .value.u64 = 0x10,
                          .mask.u64 = 0xff, .masked = true } });

    FLOW("actions/move/eth_src_to_eth_dst", NULL,
         { .kind = OFP_ACT_REG_MOVE,
           .reg_move = { { OFP_F_ETH_SRC, 0, 48 },
                         { OFP_F_ETH_DST, 0, 48 } } });
    FLOW("actions/move/reg_halves", NULL,
         { .kind = OFP_ACT_REG_MOVE,
           .reg_move = { { OFP_F_REG0, 0, 16 },
                         { OFP_F_REG0 + 1, 16, 16 } } });
    FLOW("actions/move/ip_src_to_ip_dst", &m_ip,
         { .kind = OFP_ACT_REG_MOVE,
           .reg_move = { { OFP_F_IPV4_SRC, 0, 32 },
                         { OFP_F_IPV4_DST, 0, 32 } } });
    FLOW("actions/move/in_port_to_reg", NULL,
         { .kind = OFP_ACT_REG_MOVE,
           .reg_move = { { OFP_F_IN_PORT, 0, 16 },
                         { OFP_F_REG0 + 5, 0, 16 } } });
    FLOW("actions/move/metadata_to_reg", NULL,
         { .kind = OFP_ACT_REG_MOVE,
           .reg_move = { { OFP_F_METADATA, 32, 32 },
                         { OFP_F_REG0 + 6, 0, 32 } } });

    static const uint8_t note3[] = { 1, 2, 3, 0, 0, 0 };
    static const uint8_t note14[] = {
        0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0 };
    FLOW("actions/note/short", NULL,
         { .kind = OFP_ACT_NOTE, .note = { note3, sizeof note3 } });
    FLOW("actions/note/long", NULL,
         { .kind = OFP_ACT_NOTE, .note = { note14, sizeof note14 } },
         { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } });
    FLOW("actions/note/with_conjunction", &m_tcp,
         { .kind = OFP_ACT_CONJUNCTION, .conjunction = { 9, 0, 2 } },
         { .kind = OFP_ACT_NOTE, .note = { note3, sizeof note3 } });
}

/* Every instruction, alone and together. */
static void
instruction_cases(void)
{
    static const struct ofp_action out2[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } },
    };
    static const struct ofp_action set_out[] = {
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_REG0, .value.u32 = 1 } },
        { .kind = OFP_ACT_GROUP, .group_id = 3 },
    };
    struct ofp_instructions in;

    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_GOTO_TABLE), .goto_table = 4,
    };
    emit_flow_insts("actions/inst/goto_table", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_WRITE_METADATA),
        .metadata = 0x1, .metadata_mask = 0xff,
    };
    emit_flow_insts("actions/inst/write_metadata_masked", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_WRITE_METADATA),
        .metadata = 0xabcd, .metadata_mask = UINT64_MAX,
    };
    emit_flow_insts("actions/inst/write_metadata_exact", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_METER), .meter_id = 1,
    };
    emit_flow_insts("actions/inst/meter", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_CLEAR_ACTIONS),
    };
    emit_flow_insts("actions/inst/clear_actions", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_WRITE_ACTIONS), .write = { out2, 1 },
    };
    emit_flow_insts("actions/inst/write_actions", NULL, &in);
    in = (struct ofp_instructions) {
        .present = OFP_INST_BIT(OFPIT_WRITE_ACTIONS),
        .write = { set_out, 2 },
    };
    emit_flow_insts("actions/inst/write_actions_set_group", NULL, &in);
    in = (struct ofp_instructions) {
        .present = (OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .apply = { set_out, 1 }, .goto_table = 6,
    };
    emit_flow_insts("actions/inst/apply_goto", NULL, &in);
    in = (struct ofp_instructions) {
        .present = (OFP_INST_BIT(OFPIT_METER)
                    | OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                    | OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)
                    | OFP_INST_BIT(OFPIT_WRITE_ACTIONS)
                    | OFP_INST_BIT(OFPIT_WRITE_METADATA)
                    | OFP_INST_BIT(OFPIT_GOTO_TABLE)),
        .meter_id = 2,
        .apply = { out2, 1 },
        .write = { set_out, 2 },
        .metadata = 0x100, .metadata_mask = 0xf00,
        .goto_table = 9,
    };
    emit_flow_insts("actions/inst/all_six", NULL, &in);
}

/* Emits a GROUP_MOD. */
static void
emit_group(const char *name, uint16_t command, uint8_t type,
           uint32_t group_id, const struct ofp_bucket *buckets, size_t n)
{
    struct ofp_group_mod gm = {
        .command = command, .type = type, .group_id = group_id,
        .buckets = buckets, .n_buckets = n,
    };
    struct ofpbuf b = OFPBUF_INITIALIZER;
    ofp_encode_group_mod(&gm, next_xid++, &b);
    emit(name, &b);
    ofpbuf_uninit(&b);
}

/* GROUP_MODs with buckets of each group type. */
static void
group_cases(void)
{
    static const struct ofp_action out1[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 1, 0 } },
    };
    static const struct ofp_action out2[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { 2, 0 } },
    };
    static const struct ofp_action tag_out3[] = {
        { .kind = OFP_ACT_PUSH_VLAN, .ethertype = 0x8100 },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_VLAN_VID,
                         .value.u16 = OFPVID_PRESENT | 10 } },
        { .kind = OFP_ACT_OUTPUT, .output = { 3, 0 } },
    };
    static const struct ofp_action tun[] = {
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_TUNNEL_ID, .value.u64 = 5000 } },
        { .kind = OFP_ACT_SET_FIELD,
          .set_field = { .field = OFP_F_TUN_IPV4_DST,
                         .value.u32 = 0xc0a80002 } },
        { .kind = OFP_ACT_OUTPUT, .output = { 10, 0 } },
    };

    const struct ofp_bucket flood[] = {
        { 0, OFPP_ANY, OFPG_ANY, { out1, 1 } },
        { 0, OFPP_ANY, OFPG_ANY, { out2, 1 } },
        { 0, OFPP_ANY, OFPG_ANY, { tag_out3, 3 } },
        { 0, OFPP_ANY, OFPG_ANY, { tun, 3 } },
    };
    emit_group("group/all/flood", OFPGC_ADD, OFPGT_ALL, 1, flood, 4);
    emit_group("group/all/modify", OFPGC_MODIFY, OFPGT_ALL, 1, flood, 2);

    const struct ofp_bucket select[] = {
        { 1, OFPP_ANY, OFPG_ANY, { out1, 1 } },
        { 3, OFPP_ANY, OFPG_ANY, { out2, 1 } },
    };
    emit_group("group/select/weights", OFPGC_ADD, OFPGT_SELECT, 2, select,
               2);

    const struct ofp_bucket indirect[] = {
        { 0, OFPP_ANY, OFPG_ANY, { tun, 3 } },
    };
    emit_group("group/indirect/tunnel", OFPGC_ADD, OFPGT_INDIRECT, 3,
               indirect, 1);

    const struct ofp_bucket ff[] = {
        { 0, 1, OFPG_ANY, { out1, 1 } },
        { 0, 2, OFPG_ANY, { out2, 1 } },
        { 0, OFPP_ANY, 3, { NULL, 0 } },
    };
    emit_group("group/ff/watch", OFPGC_ADD, OFPGT_FF, 4, ff, 3);

    const struct ofp_bucket empty_actions[] = {
        { 0, OFPP_ANY, OFPG_ANY, { NULL, 0 } },
    };
    emit_group("group/all/empty_bucket", OFPGC_ADD, OFPGT_ALL, 5,
               empty_actions, 1);
    emit_group("group/delete", OFPGC_DELETE, OFPGT_ALL, 5, NULL, 0);
}

void
conf_actions_cases(conf_emit_fn *emit_fn)
{
    emit = emit_fn;
    init_matches();
    output_cases();
    standard_cases();
    set_field_cases();
    resubmit_cases();
    ct_cases();
    nicira_cases();
    instruction_cases();
    group_cases();
}
