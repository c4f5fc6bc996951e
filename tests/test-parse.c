/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ofp/ofp-actions.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-parse.h"
#include "tests/conformance.h"
#include "tests/tap.h"

/* Tests for ofp-parse: parsing what the formatters print gives back the
 * same text and the same bytes, ovs-ofctl style input is understood, and
 * bad input is refused with a message naming the bad token. */

/* Flows in the syntax ofp_format_flow_mod() prints after "ADD ", each of
 * which must parse and format back to itself. */
static const char *const canonical[] = {
    "priority=100,in_port=1 actions=output:2",
    "table:3 priority=100,tcp,nw_src=10.0.0.0/8,tp_dst=80 "
    "actions=ct(commit,table=4,zone=5)",
    "priority=0 actions=goto_table:1",
    "priority=100,in_port=7 cookie:0x1000 actions=drop",
    "table:1 priority=137,metadata=0x1234000056780000 actions=drop",
    "table:2 metadata=0x1234000056780000/0xffff0000ffff0000 actions=drop",
    "priority=1136,sctp6,tp_dst=5001 cookie:0x101c actions=drop",
    "priority=1395,arp,arp_tpa=10.0.0.2 actions=drop",
    "arp,arp_spa=10.0.0.0/24,arp_op=1,arp_sha=52:54:00:00:00:01 "
    "actions=NORMAL",
    "priority=1654,ipv6,ipv6_src=2001:db8::/64 actions=drop",
    "ipv6,ipv6_dst=2001:db8::1,ipv6_label=0x12345 actions=drop",
    "ipv6,ipv6_src=2001:0:db8::/ffff:0:ffff:: actions=drop",
    "priority=1913,icmp6,icmp_type=135,nd_target=fe80::1234 actions=drop",
    "icmp6,icmp_type=136,nd_tll=52:54:00:aa:bb:cc actions=drop",
    "icmp,icmp_type=8,icmp_code=0 actions=drop",
    "priority=2172,mpls,mpls_tc=5 actions=drop",
    "mpls,mpls_label=1000,mpls_bos=1 actions=pop_mpls:0x0800",
    "priority=2431,reg1=0xdead0001/0xffff00ff actions=drop",
    "reg15=0xdead000f actions=drop",
    "priority=359,dl_type=0x88cc actions=drop",
    "priority=3726,ct_zone=10 actions=drop",
    "ct_state=+est+trk,ip actions=output:1",
    "ct_state=-new+trk,ct_mark=0x5/0xff,tcp actions=drop",
    "ct_state=new|trk,ip actions=drop",
    "ct_label=0x1/0xff,ip actions=drop",
    "ct_mark=0x10,ip actions=drop",
    "conj_id=7,tcp actions=drop",
    "priority=3985,in_port=LOCAL,dl_vlan=10,dl_vlan_pcp=3,"
    "dl_dst=52:54:00:12:34:56 actions=drop",
    "dl_vlan=4095 actions=drop",
    "dl_vlan_pcp=5 actions=drop",
    "vlan_tci=0x0000/0x1fff actions=drop",
    "vlan_tci=0x1000/0x1000 actions=drop",
    "dl_src=01:00:00:00:00:00/01:00:00:00:00:00 actions=drop",
    "priority=618,ip,nw_src=10.1.0.0 actions=drop",
    "ip,nw_dst=10.0.0.0/255.0.255.0 actions=drop",
    "ip,nw_tos=184,nw_ecn=2 actions=drop",
    "ip,nw_proto=47 actions=drop",
    "ipv6,nw_proto=47 actions=drop",
    "priority=877,tcp,tp_dst=0x50/0xfff0 actions=drop",
    "udp,tp_src=53,tp_dst=5353 actions=drop",
    "sctp,tp_src=9 actions=drop",
    "tcp6,ipv6_src=fe80::1,tp_dst=22 actions=drop",
    "udp6,tp_dst=547 actions=drop",
    "tun_id=0x64,tun_src=192.168.0.1,tun_dst=192.168.0.2 actions=drop",
    "tun_id=0x64/0xff actions=drop",
    "in_port=CONTROLLER actions=LOCAL",
    "in_port=65280 actions=drop",
    "table:1 actions=ALL",
    "table:1 actions=CONTROLLER:128",
    "table:1 actions=CONTROLLER:65535",
    "table:1 actions=FLOOD",
    "table:1 actions=IN_PORT",
    "table:1 actions=NORMAL",
    "table:1 actions=TABLE",
    "table:1 actions=clear_actions",
    "table:1 actions=ct_clear",
    "table:1 actions=group:5",
    "table:1 actions=load:0x1->NXM_NX_REG2[31]",
    "table:1 actions=load:0x1234->OXM_OF_METADATA[]",
    "table:1 actions=load:0x5->NXM_NX_REG0[0..15]",
    "table:1 actions=load:0x525400aabbcc->NXM_OF_ETH_DST[]",
    "table:1 actions=load:0x64->NXM_NX_TUN_ID[0..23]",
    "table:1 actions=meter:1",
    "table:1 actions=meter:2,output:2,clear_actions,write_actions("
    "set_field:0x1->reg0,group:3),write_metadata:0x100/0xf00,goto_table:9",
    "table:1 actions=write_metadata:0x100",
    "table:1 actions=write_actions(drop)",
    "table:1 actions=move:NXM_NX_REG0[0..7]->NXM_NX_REG1[8..15]",
    "table:1 actions=resubmit(,3)",
    "table:1 actions=resubmit:5",
    "table:1 actions=resubmit(5,3)",
    "table:1 actions=resubmit:LOCAL",
    "table:1 actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:1",
    "table:1 dl_vlan=10 actions=pop_vlan",
    "table:1 dl_vlan=10 actions=set_field:5->vlan_pcp",
    "table:1 arp actions=set_field:52:54:00:aa:bb:cc->arp_sha",
    "table:1 icmp6 actions=set_field:128->icmpv6_type",
    "table:1 icmp6,icmp_type=135 actions=set_field:2001:db8::1->nd_target",
    "table:1 ip actions=ct()",
    "table:1 ip actions=ct(commit,exec(load:0x2a->NXM_NX_CT_MARK[0..7]))",
    "table:1 ip actions=ct(commit,exec(set_field:0x10/0xf0->ct_mark))",
    "table:1 ip actions=ct(commit,exec("
    "set_field:0x80000000000000000000000000000001->ct_label))",
    "table:1 ip actions=ct(commit,exec(set_field:0x9->ct_mark,"
    "nat(src=10.0.0.1)))",
    "table:1 ip actions=ct(commit,force)",
    "table:1 ip actions=ct(commit,nat(src))",
    "table:1 ip actions=ct(commit,nat(src=10.0.0.1-10.0.0.255,persistent,"
    "hash))",
    "table:1 ip actions=ct(table=2,zone=NXM_NX_REG6[0..15])",
    "table:1 ip actions=ct(table=5,nat)",
    "table:1 ip actions=ct_clear,ct(table=1)",
    "table:1 ip actions=dec_ttl,mod_nw_ttl:9",
    "table:1 ip actions=move:NXM_OF_IP_SRC[]->NXM_OF_IP_DST[]",
    "table:1 ip actions=push_mpls:0x8847",
    "table:1 ip actions=set_field:10.0.0.1->ip_src",
    "table:1 ip actions=set_field:46->ip_dscp",
    "table:1 ipv6 actions=ct(commit,nat(dst=[fd00::1]-[fd00::9]:80-88))",
    "table:1 ipv6 actions=ct(commit,nat(src=fd00::1))",
    "table:1 ipv6 actions=set_field:0x12345->ipv6_label",
    "table:1 mpls actions=dec_mpls_ttl,set_mpls_ttl(5)",
    "table:1 tcp actions=conjunction(7,2/2),conjunction(8,3/3)",
    "table:1 tcp actions=conjunction(9,1/2),note:01.02.03.00.00.00",
    "table:1 tcp actions=ct(commit,alg=ftp)",
    "table:1 udp actions=ct(commit,alg=tftp)",
    "table:1 tcp actions=ct(commit,nat(dst=192.168.10.10:8080))",
    "table:1 tcp actions=ct(commit,table=4,zone=5,nat(src=10.0.0.1-10.0.0.5"
    ":1000-2000,random),exec(set_field:0x3->ct_mark))",
    "table:1 tcp actions=set_field:80/0xfff0->tcp_dst",
    "table:1 udp actions=set_field:53->udp_dst",
    "table:1 actions=set_queue:3,output:1",
    "table:3 priority=100,tcp,tp_dst=80 cookie:0x5 idle:10 hard:20 "
    "send_flow_rem check_overlap actions=output:2",
    "tcp,tp_dst=80 reset_counts no_packet_counts no_byte_counts "
    "actions=output:2",
};

/* ovs-ofctl style input and the canonical text it must format to. */
static const struct {
    const char *in, *out;
} equivalents[] = {
    { "table=0,priority=100,in_port=1,actions=output:2",
      "priority=100,in_port=1 actions=output:2" },
    { "table=3,priority=100,tcp,nw_src=10.0.0.0/8,tp_dst=80 "
      "actions=ct(commit,zone=5,table=4)",
      "table:3 priority=100,tcp,nw_src=10.0.0.0/8,tp_dst=80 "
      "actions=ct(commit,table=4,zone=5)" },
    { "cookie=0x5,idle_timeout=10,hard_timeout=20,send_flow_rem,tcp,"
      "tp_dst=80,actions=2",
      "tcp,tp_dst=80 cookie:0x5 idle:10 hard:20 send_flow_rem "
      "actions=output:2" },
    { "tp_dst=80,tcp actions=drop", "tcp,tp_dst=80 actions=drop" },
    { "ip,ip_dst=10.0.0.1,ip_src=10.0.0.0/255.255.255.0 actions=controller",
      "ip,nw_src=10.0.0.0/24,nw_dst=10.0.0.1 actions=CONTROLLER:65535" },
    { "ipv6,ipv6_src=2001:db8::/ffff:ffff:: actions=local",
      "ipv6,ipv6_src=2001:db8::/32 actions=LOCAL" },
    { "dl_type=0x0800,nw_proto=6,tcp_dst=443 actions=drop",
      "tcp,tp_dst=443 actions=drop" },
    { "icmp6,icmpv6_type=128 actions=drop",
      "icmp6,icmp_type=128 actions=drop" },
    { "ct_state=+trk+est,ip actions=resubmit(,2)",
      "ct_state=+est+trk,ip actions=resubmit(,2)" },
    { "tunnel_id=5,actions=ct(zone=NXM_NX_REG0[0..15])",
      "tun_id=0x5 actions=ct(zone=NXM_NX_REG0[0..15])" },
    { "reg0=5,actions=load:5->NXM_NX_REG1[],move:NXM_NX_REG0[]->"
      "NXM_NX_REG2[]",
      "reg0=0x5 actions=load:0x5->NXM_NX_REG1[],"
      "move:NXM_NX_REG0[]->NXM_NX_REG2[]" },
    { "actions=output:LOCAL,output:IN_PORT,output:CONTROLLER",
      "actions=LOCAL,IN_PORT,CONTROLLER:65535" },
    { "dl_dst=52:54:00:AA:BB:CC actions=drop",
      "dl_dst=52:54:00:aa:bb:cc actions=drop" },
    { "priority=32768,actions=drop", "actions=drop" },
    { "eth_type=0x86dd,ip_proto=17,udp_src=546 actions=drop",
      "udp6,tp_src=546 actions=drop" },
    { "vlan_tci=0 actions=drop", "vlan_tci=0x0000/0x1fff actions=drop" },
    { "actions=resubmit(LOCAL,)", "actions=resubmit:LOCAL" },
    { "dl_vlan_pcp=3,dl_vlan=7 actions=drop",
      "dl_vlan=7,dl_vlan_pcp=3 actions=drop" },
};

/* Conformance cases whose text cannot carry every byte, so only the text
 * round trip is checked. */
static const char *const lossy[] = {
    "actions/output/port_max_len",  /* max_len of a non-CONTROLLER port. */
    "actions/drop/empty_apply",     /* An empty apply_actions instruction. */
    "actions/reg_load2/reg_whole",  /* Unmasked reg_load2 = set_field. */
};

/* True if conformance case 'name' is in lossy[]. */
static bool
is_lossy(const char *name)
{
    for (size_t i = 0; i < sizeof lossy / sizeof *lossy; i++) {
        if (!strcmp(name, lossy[i])) {
            return true;
        }
    }
    return false;
}

/* Bad inputs and a word the error message must mention. */
static const struct {
    const char *in, *token;
} bad[] = {
    { "foo=1 actions=drop", "foo" },
    { "ip,nw_src=10.0.0.300 actions=drop", "10.0.0.300" },
    { "ip,nw_src=10.0.0.0/33 actions=drop", "33" },
    { "tcp,tp_dst=65536 actions=drop", "65536" },
    { "dl_vlan=4096 actions=drop", "4096" },
    { "priority=70000 actions=drop", "70000" },
    { "table=255 actions=drop", "255" },
    { "actions=frobnicate", "frobnicate" },
    { "actions=set_field:5", "->" },
    { "actions=load:5", "->" },
    { "actions=ct(commit", "parenthesis" },
    { "actions=output:1)", "parenthesis" },
    { "tp_dst=80 actions=drop", "tp_dst" },
    { "ip,icmp_type=300 actions=drop", "300" },
    { "nw_src=10.0.0.1 actions=drop", "nw_src" },
    { "dl_src=52:54:00:aa:bb actions=drop", "52:54:00:aa:bb" },
    { "ipv6,ipv6_src=2001:db8::g actions=drop", "2001:db8::g" },
    { "in_port=BOGUS actions=drop", "BOGUS" },
    { "ct_state=+trk+bogus,ip actions=drop", "bogus" },
    { "actions=set_field:1->nosuchfield", "nosuchfield" },
    { "actions=load:0x10000->NXM_NX_REG0[0..15]", "0x10000" },
    { "actions=move:NXM_NX_REG0[0..7]->NXM_NX_REG1[0..15]", "widths" },
    { "actions=ct(zone=NXM_NX_REG0[0..7])", "16 bits" },
    { "actions=ct(bogus)", "bogus" },
    { "actions=conjunction(1,3/2)", "conjunction" },
    { "actions=goto_table:1,goto_table:2", "goto_table" },
    { "tcp,udp actions=drop", "udp" },
    { "in_port=1/0xff actions=drop", "mask" },
    { "cookie=0x1/0xff actions=drop", "cookie" },
    { "actions=output:ANY", "ANY" },
    { "actions=65280", "65280" },
    { "reg0=0x100000000 actions=drop", "0x100000000" },
};

/* Parses 'text' as a flow and formats it back, without the "ADD ". */
static char *
reformat(const char *text, struct ofp_arena *arena, struct ofp_flow_mod *fm,
         char **error)
{
    struct ofp_ds s = OFP_DS_INITIALIZER;
    char *result;

    if (ofp_parse_flow(text, arena, fm, error)) {
        return NULL;
    }
    ofp_format_flow_mod(fm, &s);
    const char *str = ofp_ds_cstr(&s);
    result = strdup(!strncmp(str, "ADD ", 4) ? str + 4 : str);
    ofp_ds_destroy(&s);
    return result;
}

/* Checks that 'in' parses, formats to 'want' and survives an
 * encode/decode round trip with the same text. */
static void
check_text(const char *in, const char *want)
{
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_flow_mod fm, fm2;
    char *error = NULL;
    char *got = reformat(in, &arena, &fm, &error);

    if (!got) {
        tap_ok(false, "parse \"%s\"", in);
        tap_diag("error: %s", error ? error : "(none)");
        free(error);
        ofp_arena_destroy(&arena);
        return;
    }
    TAP_STR_EQ(got, want, "parse+format \"%s\"", in);

    struct ofpbuf b = OFPBUF_INITIALIZER;
    struct ofp_ds s = OFP_DS_INITIALIZER;
    ofp_encode_flow_mod(&fm, 1, &b);
    enum ofperr err = ofp_decode_flow_mod(b.data, b.size, &arena, &fm2);
    if (!err) {
        ofp_format_flow_mod(&fm2, &s);
    }
    tap_ok(!err && !strcmp(ofp_ds_cstr(&s) + 4, want),
           "encode/decode keeps \"%s\"", want);
    ofp_ds_destroy(&s);
    ofpbuf_uninit(&b);
    free(got);
    ofp_arena_destroy(&arena);
}

static int n_fm_cases, n_fm_checked;

/* conf_emit_fn: for each ADD flow mod of the conformance cases, checks
 * that the formatted text parses back to the same text and bytes. */
static void
conf_case(const char *name, const struct ofpbuf *msg)
{
    const uint8_t *p = msg->data;
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    struct ofp_flow_mod fm, fm2;
    struct ofp_ds s = OFP_DS_INITIALIZER;

    if (msg->size < 8 || p[0] != 4 || p[1] != 14) {
        return;
    }
    n_fm_cases++;
    if (ofp_decode_flow_mod(p, msg->size, &arena, &fm)
        || fm.command != OFPFC_ADD || fm.match.unknown
        || fm.buffer_id != OFP_NO_BUFFER || fm.out_port != OFPP_ANY
        || fm.out_group != OFPG_ANY || fm.cookie == UINT64_MAX) {
        /* Not an ADD the flow syntax can express (buffer, out_port,
         * foreign TLVs...). */
        ofp_arena_destroy(&arena);
        return;
    }
    n_fm_checked++;
    ofp_format_flow_mod(&fm, &s);
    const char *text = ofp_ds_cstr(&s) + 4;
    char *error = NULL;
    char *again = reformat(text, &arena, &fm2, &error);
    if (!again) {
        tap_ok(false, "%s: parse \"%s\"", name, text);
        tap_diag("error: %s", error ? error : "(none)");
        free(error);
    } else {
        TAP_STR_EQ(again, text, "%s: text round trip", name);
        struct ofpbuf b = OFPBUF_INITIALIZER;
        ofp_encode_flow_mod(&fm2, ofp_get_be32(p + 4), &b);
        if (!is_lossy(name)) {
            tap_ok(b.size == msg->size && !memcmp(b.data, p, b.size),
                   "%s: same bytes after parse", name);
        }
        ofpbuf_uninit(&b);
        free(again);
    }
    ofp_ds_destroy(&s);
    ofp_arena_destroy(&arena);
}

int
main(void)
{
    for (size_t i = 0; i < sizeof canonical / sizeof *canonical; i++) {
        check_text(canonical[i], canonical[i]);
    }
    for (size_t i = 0; i < sizeof equivalents / sizeof *equivalents; i++) {
        check_text(equivalents[i].in, equivalents[i].out);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct ofp_arena arena = OFP_ARENA_INITIALIZER;
        struct ofp_flow_mod fm;
        char *error = NULL;
        int r = ofp_parse_flow(bad[i].in, &arena, &fm, &error);
        bool ok = r == EINVAL && error && strstr(error, bad[i].token)
                  && strstr(error, "position");
        tap_ok(ok, "rejects \"%s\"", bad[i].in);
        tap_diag("  -> %s", error ? error : "(no error)");
        free(error);
        ofp_arena_destroy(&arena);
    }

    /* The helpers on their own. */
    {
        struct ofp_arena arena = OFP_ARENA_INITIALIZER;
        struct ofp_match m;
        struct ofp_action_list list;
        char *error = NULL;
        tap_ok(!ofp_parse_match("tcp,tp_dst=80", &m, &error)
               && m.v.tcp_dst == 80 && !error, "ofp_parse_match");
        tap_ok(ofp_parse_match("tp_dst=80", &m, &error) == EINVAL
               && error && strstr(error, "tp_dst"),
               "ofp_parse_match prerequisite");
        free(error);
        error = NULL;
        tap_ok(!ofp_parse_actions("output:2,ct(commit)", &arena, &list,
                                  &error)
               && list.n == 2 && list.actions[1].kind == OFP_ACT_CT,
               "ofp_parse_actions");
        tap_ok(!ofp_parse_actions("drop", &arena, &list, NULL)
               && list.n == 0, "ofp_parse_actions drop");
        tap_ok(ofp_parse_actions("goto_table:1", &arena, &list, &error)
               == EINVAL, "instructions are not actions");
        free(error);
        ofp_arena_destroy(&arena);
    }

    conf_match_cases(conf_case);
    conf_actions_cases(conf_case);
    conf_msgs_cases(conf_case);
    conf_multipart_cases(conf_case);
    tap_diag("%zu canonical, %zu equivalent, %zu bad flows; "
             "%d of %d conformance FLOW_MODs checked",
             sizeof canonical / sizeof *canonical,
             sizeof equivalents / sizeof *equivalents,
             sizeof bad / sizeof *bad, n_fm_checked, n_fm_cases);
    return tap_done();
}
