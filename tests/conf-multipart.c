/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Conformance cases for the multipart codec: every request and reply body
 * type with realistic contents, each built with our encoders and named
 * "mp/<type>/<request|reply>/<variant>".  Every case is one that Open
 * vSwitch 3.1's ofp-print decodes.
 *
 * tests/test-multipart.c includes this file to reuse the cases and the
 * sample builders. */

#include <string.h>
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"
#include "tests/conformance.h"

/* The output buffer shared by the cases; emitted and cleared by each. */
static struct ofpbuf mp_buf;
static conf_emit_fn *mp_emit_fn;

/* Emits what the case wrote to 'mp_buf' as 'name', then clears it. */
static void
mp_emit(const char *name)
{
    mp_emit_fn(name, &mp_buf);
    ofpbuf_clear(&mp_buf);
}

/* Encodes 'req' and emits it as 'name'. */
static void
emit_request(const struct ofp_multipart_request *req, uint32_t xid,
             const char *name)
{
    ofp_encode_multipart_request(req, xid, &mp_buf);
    mp_emit(name);
}

/* Encodes 'rep' and emits it as 'name'. */
static void
emit_reply(const struct ofp_multipart_reply *rep, uint32_t xid,
           const char *name)
{
    ofp_encode_multipart_reply(rep, xid, &mp_buf);
    mp_emit(name);
}

/* ---- Sample contents. ---------------------------------------------- */

/* Outputs to ports 1 and 3. */
static const struct ofp_action act_out1 = {
    .kind = OFP_ACT_OUTPUT, .output = { .port = 1, .max_len = 0 } };
static const struct ofp_action act_out3 = {
    .kind = OFP_ACT_OUTPUT, .output = { .port = 3, .max_len = 0 } };

/* "ip,nw_src=10.0.0.0/8". */
static void
sample_match_ip(struct ofp_match *m)
{
    ofp_match_init(m);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_ipv4_prefix(m, OFP_F_IPV4_SRC, 0x0a000000, 8);
}

/* "tcp,tp_dst=80". */
static void
sample_match_tcp80(struct ofp_match *m)
{
    ofp_match_init(m);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_u8(m, OFP_F_IP_PROTO, 6);
    ofp_match_set_u16(m, OFP_F_TCP_DST, 80);
}

/* "in_port=1,dl_vlan=100,dl_src=52:54:00:aa:bb:cc". */
static void
sample_match_l2(struct ofp_match *m)
{
    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };

    ofp_match_init(m);
    ofp_match_set_u32(m, OFP_F_IN_PORT, 1);
    ofp_match_set_u16(m, OFP_F_VLAN_VID, OFPVID_PRESENT | 100);
    ofp_match_set_mac(m, OFP_F_ETH_SRC, mac);
}

/* Fills 'fs' (4 entries) with a realistic flow table dump. */
static void
sample_flows(struct ofp_flow_stats fs[4])
{
    static const struct ofp_action apply0[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { .port = 2 } },
    };
    static const struct ofp_action apply1[] = {
        { .kind = OFP_ACT_POP_VLAN },
        { .kind = OFP_ACT_OUTPUT, .output = { .port = 3 } },
    };
    static const struct ofp_action apply3[] = {
        { .kind = OFP_ACT_OUTPUT,
          .output = { .port = OFPP_CONTROLLER, .max_len = 0xffff } },
    };

    memset(fs, 0, 4 * sizeof *fs);

    fs[0].table_id = 0;
    fs[0].duration_sec = 1;
    fs[0].duration_nsec = 500000000;
    fs[0].priority = 100;
    fs[0].packet_count = 12;
    fs[0].byte_count = 1234;
    sample_match_tcp80(&fs[0].match);
    fs[0].instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    fs[0].instructions.apply.actions = apply0;
    fs[0].instructions.apply.n = 1;

    fs[1].table_id = 0;
    fs[1].duration_sec = 3600;
    fs[1].duration_nsec = 1000;
    fs[1].priority = 200;
    fs[1].cookie = 0x1000000000000001ull;
    fs[1].idle_timeout = 60;
    fs[1].flags = OFPFF_SEND_FLOW_REM;
    fs[1].packet_count = 7;
    fs[1].byte_count = 700;
    sample_match_l2(&fs[1].match);
    fs[1].instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS)
                                 | OFP_INST_BIT(OFPIT_GOTO_TABLE);
    fs[1].instructions.apply.actions = apply1;
    fs[1].instructions.apply.n = 2;
    fs[1].instructions.goto_table = 3;

    fs[2].table_id = 3;
    fs[2].duration_sec = 42;
    fs[2].priority = 0x8000;
    sample_match_ip(&fs[2].match);
    fs[2].instructions.present = OFP_INST_BIT(OFPIT_WRITE_METADATA)
                                 | OFP_INST_BIT(OFPIT_GOTO_TABLE);
    fs[2].instructions.metadata = 0x10;
    fs[2].instructions.metadata_mask = 0xff;
    fs[2].instructions.goto_table = 4;

    fs[3].table_id = 4;
    fs[3].duration_sec = 0;
    fs[3].duration_nsec = 2000000;
    fs[3].priority = 0;
    fs[3].hard_timeout = 300;
    ofp_match_init(&fs[3].match);
    fs[3].instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    fs[3].instructions.apply.actions = apply3;
    fs[3].instructions.apply.n = 1;
}

/* Fills a port description. */
static void
sample_port(struct ofp_port *p, uint32_t port_no, const char *name,
            uint8_t mac_last)
{
    memset(p, 0, sizeof *p);
    p->port_no = port_no;
    p->hw_addr[0] = 0x52;
    p->hw_addr[1] = 0x54;
    p->hw_addr[5] = mac_last;
    strncpy(p->name, name, OFP_MAX_PORT_NAME_LEN);
}

/* Three ports as a Proxmox bridge has them: two tap ports and LOCAL. */
static void
sample_ports(struct ofp_port ports[3])
{
    sample_port(&ports[0], 2, "tap100i0", 2);
    ports[0].curr = (1u << 6) | (1u << 11);        /* 10GB-FD COPPER */
    ports[0].curr_speed = 10000000;
    ports[0].max_speed = 0;

    sample_port(&ports[1], OFPP_LOCAL, "vmbr0", 0xfe);
    ports[1].config = OFPPC_PORT_DOWN;
    ports[1].state = OFPPS_LINK_DOWN;

    sample_port(&ports[2], 1, "enp3s0", 1);
    ports[2].state = OFPPS_LIVE;
    ports[2].curr = (1u << 5) | (1u << 11) | (1u << 13);
    ports[2].advertised = 0x282f;
    ports[2].supported = 0x2bff;
    ports[2].peer = 0x28;
    ports[2].curr_speed = 1000000;
    ports[2].max_speed = 1000000;
}

/* ---- Table features properties, built the way Open vSwitch sends them:
 * instructions, next tables, write actions, write set-field, apply
 * actions, apply set-field, (the *_MISS variants), match, wildcards. -- */

/* Storage for the raw properties that sample table features borrow. */
static struct ofpbuf tf_props_buf[8];

/* Starts a property; returns its offset for tf_prop_end(). */
static size_t
tf_prop_start(struct ofpbuf *b, uint16_t type)
{
    size_t start = b->size;

    ofpbuf_put_be16(b, type);
    ofpbuf_put_be16(b, 0);
    return start;
}

/* Sets the property's length and pads it to 8 bytes. */
static void
tf_prop_end(struct ofpbuf *b, size_t start)
{
    ofpbuf_set_be16(b, start + 2, (uint16_t) (b->size - start));
    ofpbuf_pad_to(b, start, 8);
}

/* A property listing 4-byte IDs (instructions or actions) for every bit
 * of 'types'. */
static void
tf_put_ids(struct ofpbuf *b, uint16_t type, uint32_t types)
{
    size_t start = tf_prop_start(b, type);

    for (int i = 0; i < 32; i++) {
        if (types & (1u << i)) {
            ofpbuf_put_be16(b, (uint16_t) i);
            ofpbuf_put_be16(b, 4);
        }
    }
    tf_prop_end(b, start);
}

/* A next-tables property for tables first...last. */
static void
tf_put_next(struct ofpbuf *b, uint16_t type, int first, int last)
{
    size_t start = tf_prop_start(b, type);

    for (int t = first; t <= last; t++) {
        ofpbuf_put_u8(b, (uint8_t) t);
    }
    tf_prop_end(b, start);
}

/* A property listing the OXM headers of 'fields' (OFP_F_NONE ends the
 * list); 'masked' fields get the mask bit. */
static void
tf_put_oxms(struct ofpbuf *b, uint16_t type, const enum ofp_field *fields,
            uint64_t masked)
{
    size_t start = tf_prop_start(b, type);

    for (; *fields != OFP_F_NONE; fields++) {
        const struct ofp_field_info *fi = ofp_field_info(*fields);
        bool m = (masked >> *fields) & 1;
        uint32_t len = fi->len * (m ? 2 : 1);

        ofpbuf_put_be32(b, OFP_OXM_HEADER(fi->oxm_class, fi->oxm_field,
                                          m ? 1 : 0, len));
    }
    tf_prop_end(b, start);
}

#define INSTS_ALL (OFP_INST_BIT(OFPIT_GOTO_TABLE)       \
                   | OFP_INST_BIT(OFPIT_WRITE_METADATA) \
                   | OFP_INST_BIT(OFPIT_WRITE_ACTIONS)  \
                   | OFP_INST_BIT(OFPIT_APPLY_ACTIONS)  \
                   | OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)  \
                   | OFP_INST_BIT(OFPIT_METER))
/* OFPAT_*: output, push/pop vlan, set_queue, group, set_field. */
#define ACTS_COMMON ((1u << 0) | (1u << 17) | (1u << 18) | (1u << 21) \
                     | (1u << 22) | (1u << 25))

static const enum ofp_field tf_match_fields[] = {
    OFP_F_IN_PORT, OFP_F_METADATA, OFP_F_ETH_DST, OFP_F_ETH_SRC,
    OFP_F_ETH_TYPE, OFP_F_VLAN_VID, OFP_F_VLAN_PCP, OFP_F_IP_PROTO,
    OFP_F_IPV4_SRC, OFP_F_IPV4_DST, OFP_F_TCP_SRC, OFP_F_TCP_DST,
    OFP_F_UDP_SRC, OFP_F_UDP_DST, OFP_F_ARP_OP, OFP_F_ARP_SPA, OFP_F_ARP_TPA,
    OFP_F_REG0, OFP_F_REG0 + 1, OFP_F_REG0 + 2, OFP_F_REG0 + 3,
    OFP_F_CT_STATE, OFP_F_CT_ZONE, OFP_F_TUNNEL_ID, OFP_F_NONE,
};
static const enum ofp_field tf_wildcard_fields[] = {
    OFP_F_METADATA, OFP_F_ETH_DST, OFP_F_ETH_SRC, OFP_F_ETH_TYPE,
    OFP_F_VLAN_VID, OFP_F_IPV4_SRC, OFP_F_IPV4_DST, OFP_F_TCP_DST,
    OFP_F_REG0, OFP_F_REG0 + 1, OFP_F_REG0 + 2, OFP_F_REG0 + 3,
    OFP_F_NONE,
};
static const enum ofp_field tf_setfield_fields[] = {
    OFP_F_ETH_DST, OFP_F_ETH_SRC, OFP_F_VLAN_VID, OFP_F_IPV4_SRC,
    OFP_F_IPV4_DST, OFP_F_TCP_SRC, OFP_F_TCP_DST, OFP_F_REG0,
    OFP_F_REG0 + 1, OFP_F_REG0 + 2, OFP_F_REG0 + 3, OFP_F_TUNNEL_ID,
    OFP_F_NONE,
};
#define TF_MASKED ((1ull << OFP_F_METADATA) | (1ull << OFP_F_ETH_DST)    \
                   | (1ull << OFP_F_ETH_SRC) | (1ull << OFP_F_VLAN_VID)  \
                   | (1ull << OFP_F_IPV4_SRC) | (1ull << OFP_F_IPV4_DST) \
                   | (1ull << (OFP_F_REG0)) | (1ull << (OFP_F_REG0 + 1)) \
                   | (1ull << (OFP_F_REG0 + 2)) | (1ull << (OFP_F_REG0 + 3)))

/* Builds the 8 required properties into 'b' for a table that can go to
 * tables next_first...next_last (none if next_first < 0); with 'miss',
 * adds *_MISS variants that allow only apply_actions with output. */
static void
tf_build_props(struct ofpbuf *b, int next_first, int next_last,
               bool with_miss)
{
    ofpbuf_clear(b);
    tf_put_ids(b, OFPTFPT_INSTRUCTIONS,
               next_first < 0 ? INSTS_ALL & ~OFP_INST_BIT(OFPIT_GOTO_TABLE)
               : INSTS_ALL);
    tf_put_next(b, OFPTFPT_NEXT_TABLES, next_first, next_last);
    tf_put_ids(b, OFPTFPT_WRITE_ACTIONS, ACTS_COMMON);
    tf_put_oxms(b, OFPTFPT_WRITE_SETFIELD, tf_setfield_fields, 0);
    tf_put_ids(b, OFPTFPT_APPLY_ACTIONS, ACTS_COMMON);
    tf_put_oxms(b, OFPTFPT_APPLY_SETFIELD, tf_setfield_fields, 0);
    if (with_miss) {
        static const enum ofp_field none[] = { OFP_F_NONE };

        tf_put_ids(b, OFPTFPT_INSTRUCTIONS_MISS,
                   OFP_INST_BIT(OFPIT_APPLY_ACTIONS));
        tf_put_next(b, OFPTFPT_NEXT_TABLES_MISS, 0, -1);
        tf_put_ids(b, OFPTFPT_WRITE_ACTIONS_MISS, 0);
        tf_put_oxms(b, OFPTFPT_WRITE_SETFIELD_MISS, none, 0);
        tf_put_ids(b, OFPTFPT_APPLY_ACTIONS_MISS, 1u << 0);
        tf_put_oxms(b, OFPTFPT_APPLY_SETFIELD_MISS, none, 0);
    }
    tf_put_oxms(b, OFPTFPT_MATCH, tf_match_fields, TF_MASKED);
    tf_put_oxms(b, OFPTFPT_WILDCARDS, tf_wildcard_fields, 0);
}

/* Fills 'tf' for table 'id' with properties from 'props'. */
static void
sample_table_features(struct ofp_table_features *tf, uint8_t id,
                      const char *name, const struct ofpbuf *props)
{
    memset(tf, 0, sizeof *tf);
    tf->table_id = id;
    strncpy(tf->name, name, sizeof tf->name - 1);
    tf->metadata_match = UINT64_MAX;
    tf->metadata_write = UINT64_MAX;
    tf->config = 0;
    tf->max_entries = 1000000;
    tf->properties = props->data;
    tf->properties_len = props->size;
}

/* ---- Requests. ----------------------------------------------------- */

/* Every request type, with typical arguments. */
static void
request_cases(void)
{
    static const uint16_t empty_types[] = {
        OFPMP_DESC, OFPMP_TABLE, OFPMP_PORT_DESC, OFPMP_GROUP_DESC,
        OFPMP_GROUP_FEATURES, OFPMP_METER_FEATURES, OFPMP_TABLE_FEATURES,
    };
    static const char *const empty_names[] = {
        "mp/desc/request/basic", "mp/table/request/basic",
        "mp/port_desc/request/basic", "mp/group_desc/request/basic",
        "mp/group_features/request/basic", "mp/meter_features/request/basic",
        "mp/table_features/request/get",
    };
    struct ofp_multipart_request req;

    for (size_t i = 0; i < sizeof empty_types / sizeof *empty_types; i++) {
        memset(&req, 0, sizeof req);
        req.type = empty_types[i];
        emit_request(&req, 0x10 + (uint32_t) i, empty_names[i]);
    }

    /* FLOW and AGGREGATE. */
    memset(&req, 0, sizeof req);
    req.type = OFPMP_FLOW;
    req.flow.table_id = OFPTT_ALL;
    req.flow.out_port = OFPP_ANY;
    req.flow.out_group = OFPG_ANY;
    ofp_match_init(&req.flow.match);
    emit_request(&req, 0x20, "mp/flow/request/all");

    req.flow.table_id = 3;
    req.flow.out_port = 2;
    sample_match_tcp80(&req.flow.match);
    emit_request(&req, 0x21, "mp/flow/request/table-port-match");

    req.flow.table_id = OFPTT_ALL;
    req.flow.out_port = OFPP_ANY;
    req.flow.out_group = 7;
    req.flow.cookie = 0x1000000000000000ull;
    req.flow.cookie_mask = 0xff00000000000000ull;
    sample_match_l2(&req.flow.match);
    emit_request(&req, 0x22, "mp/flow/request/cookie-group");

    req.type = OFPMP_AGGREGATE;
    req.flow.table_id = OFPTT_ALL;
    req.flow.out_group = OFPG_ANY;
    req.flow.cookie = 0;
    req.flow.cookie_mask = 0;
    ofp_match_init(&req.flow.match);
    emit_request(&req, 0x23, "mp/aggregate/request/all");

    req.flow.table_id = 0;
    req.flow.out_port = OFPP_CONTROLLER;
    sample_match_ip(&req.flow.match);
    emit_request(&req, 0x24, "mp/aggregate/request/table-port-match");

    /* PORT_STATS. */
    memset(&req, 0, sizeof req);
    req.type = OFPMP_PORT_STATS;
    req.port_no = OFPP_ANY;
    emit_request(&req, 0x30, "mp/port_stats/request/any");
    req.port_no = 1;
    emit_request(&req, 0x31, "mp/port_stats/request/port1");
    req.port_no = OFPP_LOCAL;
    emit_request(&req, 0x32, "mp/port_stats/request/local");

    /* QUEUE. */
    memset(&req, 0, sizeof req);
    req.type = OFPMP_QUEUE;
    req.queue.port_no = OFPP_ANY;
    req.queue.queue_id = OFPQ_ALL;
    emit_request(&req, 0x40, "mp/queue/request/all");
    req.queue.port_no = 2;
    req.queue.queue_id = 1;
    emit_request(&req, 0x41, "mp/queue/request/port-queue");

    /* GROUP. */
    memset(&req, 0, sizeof req);
    req.type = OFPMP_GROUP;
    req.group_id = OFPG_ALL;
    emit_request(&req, 0x50, "mp/group/request/all");
    req.group_id = 100;
    emit_request(&req, 0x51, "mp/group/request/one");

    /* METER and METER_CONFIG. */
    memset(&req, 0, sizeof req);
    req.type = OFPMP_METER;
    req.meter_id = OFPM_ALL;
    emit_request(&req, 0x60, "mp/meter/request/all");
    req.meter_id = 1;
    emit_request(&req, 0x61, "mp/meter/request/one");
    req.type = OFPMP_METER_CONFIG;
    req.meter_id = OFPM_ALL;
    emit_request(&req, 0x62, "mp/meter_config/request/all");
    req.meter_id = 7;
    emit_request(&req, 0x63, "mp/meter_config/request/one");
}

/* ---- Replies. ------------------------------------------------------ */

/* DESC replies. */
static void
desc_cases(void)
{
    struct ofp_desc_stats desc;
    struct ofp_multipart_reply rep;

    memset(&desc, 0, sizeof desc);
    strcpy(desc.mfr_desc, "Nicira, Inc.");
    strcpy(desc.hw_desc, "Open vSwitch");
    strcpy(desc.sw_desc, "3.1.0");
    strcpy(desc.serial_num, "None");
    strcpy(desc.dp_desc, "vmbr0");
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_DESC;
    rep.desc = &desc;
    emit_reply(&rep, 0x100, "mp/desc/reply/ovs");

    memset(&desc, 0, sizeof desc);
    strcpy(desc.dp_desc, "pve-node1 bridge vmbr0");
    emit_reply(&rep, 0x101, "mp/desc/reply/mostly-empty");
}

/* FLOW replies: empty, several entries, more flag, odd counters. */
static void
flow_cases(void)
{
    struct ofp_flow_stats fs[4];
    struct ofp_multipart_reply rep;

    sample_flows(fs);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_FLOW;
    emit_reply(&rep, 0x110, "mp/flow/reply/empty");

    rep.flow.entries = fs;
    rep.flow.n = 4;
    emit_reply(&rep, 0x111, "mp/flow/reply/several");

    rep.flow.n = 1;
    rep.flags = OFPMPF_REPLY_MORE;
    emit_reply(&rep, 0x112, "mp/flow/reply/more");

    fs[0].packet_count = UINT64_MAX;
    fs[0].byte_count = UINT64_MAX;
    fs[0].flags = OFPFF_SEND_FLOW_REM | OFPFF_CHECK_OVERLAP
                  | OFPFF_RESET_COUNTS | OFPFF_NO_PKT_COUNTS
                  | OFPFF_NO_BYT_COUNTS;
    fs[0].idle_timeout = 10;
    fs[0].hard_timeout = 20;
    rep.flags = 0;
    emit_reply(&rep, 0x113, "mp/flow/reply/flags-timeouts-unknown-counts");
}

/* A FLOW reply too long for one message. */
static void
flow_split_case(void)
{
    enum { N = 800 };
    static struct ofp_flow_stats fs[N];
    static const struct ofp_action out[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { .port = 2 } },
    };
    struct ofp_multipart_reply rep;

    for (int i = 0; i < N; i++) {
        memset(&fs[i], 0, sizeof fs[i]);
        fs[i].table_id = 4;
        fs[i].priority = 100;
        fs[i].duration_sec = (uint32_t) i;
        fs[i].cookie = (uint64_t) i;
        sample_match_l2(&fs[i].match);
        ofp_match_set_u32(&fs[i].match, OFP_F_IN_PORT, (uint32_t) i + 1);
        fs[i].instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
        fs[i].instructions.apply.actions = out;
        fs[i].instructions.apply.n = 1;
    }
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_FLOW;
    rep.flow.entries = fs;
    rep.flow.n = N;
    emit_reply(&rep, 0x114, "mp/flow/reply/split");
}

/* AGGREGATE and TABLE replies. */
static void
aggregate_table_cases(void)
{
    struct ofp_multipart_reply rep;
    static struct ofp_table_stats ts[254];

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_AGGREGATE;
    rep.aggregate.packet_count = 123456;
    rep.aggregate.byte_count = 98765432;
    rep.aggregate.flow_count = 42;
    emit_reply(&rep, 0x120, "mp/aggregate/reply/basic");

    rep.aggregate.packet_count = 0;
    rep.aggregate.byte_count = 0;
    rep.aggregate.flow_count = 0;
    emit_reply(&rep, 0x121, "mp/aggregate/reply/zero");

    /* OVS has 254 tables; most are empty and print as "ditto". */
    for (int i = 0; i < 254; i++) {
        memset(&ts[i], 0, sizeof ts[i]);
        ts[i].table_id = (uint8_t) i;
    }
    ts[0].active_count = 5;
    ts[0].lookup_count = 1000;
    ts[0].matched_count = 900;
    ts[1].active_count = 2;
    ts[1].lookup_count = 100;
    ts[1].matched_count = 100;
    ts[2].active_count = 2;
    ts[2].lookup_count = 100;
    ts[2].matched_count = 100;
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_TABLE;
    rep.table.entries = ts;
    rep.table.n = 254;
    emit_reply(&rep, 0x122, "mp/table/reply/ovs-254-tables");

    rep.table.n = 1;
    emit_reply(&rep, 0x123, "mp/table/reply/one");

    rep.table.entries = ts + 3;
    rep.table.n = 3;
    emit_reply(&rep, 0x124, "mp/table/reply/three-idle");
}

/* PORT_STATS and PORT_DESC replies. */
static void
port_cases(void)
{
    struct ofp_port_stats ps[3];
    struct ofp_port ports[3];
    struct ofp_multipart_reply rep;

    memset(ps, 0, sizeof ps);
    ps[0].port_no = 1;
    ps[0].rx_packets = 1000;
    ps[0].tx_packets = 2000;
    ps[0].rx_bytes = 150000;
    ps[0].tx_bytes = 300000;
    ps[0].rx_dropped = 1;
    ps[0].duration_sec = 3600;
    ps[0].duration_nsec = 500000000;
    ps[1].port_no = 12;
    ps[1].rx_packets = 5;
    ps[1].tx_packets = 6;
    ps[1].rx_bytes = 500;
    ps[1].tx_bytes = 600;
    ps[1].duration_sec = 10;
    ps[2].port_no = OFPP_LOCAL;
    ps[2].rx_frame_err = UINT64_MAX;
    ps[2].rx_over_err = UINT64_MAX;
    ps[2].rx_crc_err = UINT64_MAX;
    ps[2].collisions = UINT64_MAX;
    ps[2].duration_sec = 7;
    ps[2].duration_nsec = 1;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_PORT_STATS;
    rep.port_stats.entries = ps;
    rep.port_stats.n = 3;
    emit_reply(&rep, 0x130, "mp/port_stats/reply/three");
    rep.port_stats.n = 1;
    emit_reply(&rep, 0x131, "mp/port_stats/reply/one");
    rep.port_stats.n = 0;
    emit_reply(&rep, 0x132, "mp/port_stats/reply/none");

    sample_ports(ports);
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_PORT_DESC;
    rep.port_desc.entries = ports;
    rep.port_desc.n = 3;
    emit_reply(&rep, 0x133, "mp/port_desc/reply/bridge");
    rep.port_desc.n = 1;
    emit_reply(&rep, 0x134, "mp/port_desc/reply/one");
    rep.port_desc.entries = ports + 2;
    emit_reply(&rep, 0x135, "mp/port_desc/reply/features");
    rep.port_desc.n = 0;
    emit_reply(&rep, 0x136, "mp/port_desc/reply/none");
}

/* QUEUE replies. */
static void
queue_cases(void)
{
    struct ofp_queue_stats qs[2];
    struct ofp_multipart_reply rep;

    memset(qs, 0, sizeof qs);
    qs[0].port_no = 1;
    qs[0].queue_id = 0;
    qs[0].tx_bytes = 1500;
    qs[0].tx_packets = 10;
    qs[0].duration_sec = 100;
    qs[1].port_no = 2;
    qs[1].queue_id = 1;
    qs[1].tx_bytes = 3000;
    qs[1].tx_packets = 20;
    qs[1].tx_errors = 1;
    qs[1].duration_sec = UINT32_MAX;
    qs[1].duration_nsec = UINT32_MAX;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_QUEUE;
    rep.queue.entries = qs;
    rep.queue.n = 2;
    emit_reply(&rep, 0x140, "mp/queue/reply/two");
    rep.queue.n = 0;
    emit_reply(&rep, 0x141, "mp/queue/reply/none");
}

/* GROUP, GROUP_DESC and GROUP_FEATURES replies. */
static void
group_cases(void)
{
    static const struct ofp_bucket_counter bc[3] = {
        { 10, 1000 }, { 20, 2000 }, { 30, 3000 },
    };
    static const struct ofp_action flood_acts[] = {
        { .kind = OFP_ACT_OUTPUT, .output = { .port = 1 } },
    };
    static const struct ofp_action b2_acts[] = {
        { .kind = OFP_ACT_POP_VLAN },
        { .kind = OFP_ACT_OUTPUT, .output = { .port = 2 } },
    };
    struct ofp_group_stats gs[2];
    struct ofp_group_desc gd[4];
    struct ofp_bucket all_buckets[3], sel_buckets[2], ff_buckets[2];
    struct ofp_bucket ind_bucket;
    struct ofp_multipart_reply rep;

    memset(gs, 0, sizeof gs);
    gs[0].group_id = 1;
    gs[0].ref_count = 2;
    gs[0].packet_count = 60;
    gs[0].byte_count = 6000;
    gs[0].duration_sec = 50;
    gs[0].duration_nsec = 250000000;
    gs[0].buckets = bc;
    gs[0].n_buckets = 3;
    gs[1].group_id = 100;
    gs[1].duration_sec = 1;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP;
    rep.group.entries = gs;
    rep.group.n = 2;
    emit_reply(&rep, 0x150, "mp/group/reply/two");
    rep.group.n = 1;
    emit_reply(&rep, 0x151, "mp/group/reply/buckets");

    /* GROUP_DESC: a flood group, a select group, fast failover and
     * indirect. */
    for (int i = 0; i < 3; i++) {
        all_buckets[i].weight = 0;
        all_buckets[i].watch_port = OFPP_ANY;
        all_buckets[i].watch_group = OFPG_ANY;
    }
    all_buckets[0].actions.actions = &act_out1;
    all_buckets[0].actions.n = 1;
    all_buckets[1].actions.actions = b2_acts;
    all_buckets[1].actions.n = 2;
    all_buckets[2].actions.actions = &act_out3;
    all_buckets[2].actions.n = 1;

    sel_buckets[0] = all_buckets[0];
    sel_buckets[0].weight = 1;
    sel_buckets[1] = all_buckets[2];
    sel_buckets[1].weight = 3;

    ff_buckets[0] = all_buckets[0];
    ff_buckets[0].watch_port = 1;
    ff_buckets[1] = all_buckets[2];
    ff_buckets[1].watch_port = 3;
    ff_buckets[1].watch_group = 9;

    ind_bucket = all_buckets[0];
    ind_bucket.actions.actions = flood_acts;

    memset(gd, 0, sizeof gd);
    gd[0].type = OFPGT_ALL;
    gd[0].group_id = 1;
    gd[0].buckets = all_buckets;
    gd[0].n_buckets = 3;
    gd[1].type = OFPGT_SELECT;
    gd[1].group_id = 2;
    gd[1].buckets = sel_buckets;
    gd[1].n_buckets = 2;
    gd[2].type = OFPGT_FF;
    gd[2].group_id = 3;
    gd[2].buckets = ff_buckets;
    gd[2].n_buckets = 2;
    gd[3].type = OFPGT_INDIRECT;
    gd[3].group_id = 4;
    gd[3].buckets = &ind_bucket;
    gd[3].n_buckets = 1;

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP_DESC;
    rep.group_desc.entries = gd;
    rep.group_desc.n = 4;
    emit_reply(&rep, 0x152, "mp/group_desc/reply/four-types");
    rep.group_desc.n = 1;
    emit_reply(&rep, 0x153, "mp/group_desc/reply/flood");
    rep.group_desc.n = 0;
    emit_reply(&rep, 0x154, "mp/group_desc/reply/none");

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_GROUP_FEATURES;
    /* What Open vSwitch 3.1 reports. */
    rep.group_features.types = 0xf;
    rep.group_features.capabilities = 0x7;
    for (int i = 0; i < 4; i++) {
        rep.group_features.max_groups[i] = 0xffffff00;
        rep.group_features.actions[i] = 0x03ff8001;
    }
    emit_reply(&rep, 0x155, "mp/group_features/reply/ovs");

    rep.group_features.types = (1u << OFPGT_ALL) | (1u << OFPGT_SELECT);
    rep.group_features.capabilities = 0x1;
    rep.group_features.max_groups[0] = 16;
    rep.group_features.max_groups[1] = 0;
    rep.group_features.actions[0] = (1u << 0) | (1u << 22);
    rep.group_features.actions[1] = 0;
    emit_reply(&rep, 0x156, "mp/group_features/reply/small");
}

/* METER, METER_CONFIG and METER_FEATURES replies. */
static void
meter_cases(void)
{
    static const struct ofp_meter_band_stats bs[2] = {
        { 100, 150000 }, { 3, 4500 },
    };
    static const struct ofp_meter_band drop = {
        .type = OFPMBT_DROP, .rate = 1000, .burst_size = 100 };
    static const struct ofp_meter_band bands[2] = {
        { .type = OFPMBT_DROP, .rate = 10000, .burst_size = 1000 },
        { .type = OFPMBT_DSCP_REMARK, .rate = 5000, .burst_size = 500,
          .prec_level = 1 },
    };
    struct ofp_meter_stats ms[2];
    struct ofp_meter_config mc[3];
    struct ofp_multipart_reply rep;

    memset(ms, 0, sizeof ms);
    ms[0].meter_id = 1;
    ms[0].flow_count = 2;
    ms[0].packet_in_count = 103;
    ms[0].byte_in_count = 154500;
    ms[0].duration_sec = 60;
    ms[0].duration_nsec = 5000000;
    ms[0].bands = bs;
    ms[0].n_bands = 2;
    ms[1].meter_id = 2;
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER;
    rep.meter.entries = ms;
    rep.meter.n = 2;
    emit_reply(&rep, 0x160, "mp/meter/reply/two");
    rep.meter.n = 1;
    emit_reply(&rep, 0x161, "mp/meter/reply/bands");

    memset(mc, 0, sizeof mc);
    mc[0].meter_id = 1;
    mc[0].flags = OFPMF_KBPS | OFPMF_BURST | OFPMF_STATS;
    mc[0].bands = bands;
    mc[0].n_bands = 2;
    mc[1].meter_id = 2;
    mc[1].flags = OFPMF_PKTPS;
    mc[1].bands = &drop;
    mc[1].n_bands = 1;
    mc[2].meter_id = 3;
    mc[2].flags = OFPMF_KBPS;
    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER_CONFIG;
    rep.meter_config.entries = mc;
    rep.meter_config.n = 3;
    emit_reply(&rep, 0x162, "mp/meter_config/reply/three");
    rep.meter_config.n = 1;
    emit_reply(&rep, 0x163, "mp/meter_config/reply/bands");

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_METER_FEATURES;
    rep.meter_features.max_meter = 65536;
    rep.meter_features.band_types = 1u << OFPMBT_DROP;
    rep.meter_features.capabilities = OFPMF_KBPS | OFPMF_PKTPS | OFPMF_BURST
                                      | OFPMF_STATS;
    rep.meter_features.max_bands = 1;
    rep.meter_features.max_color = 0;
    emit_reply(&rep, 0x164, "mp/meter_features/reply/ovs");

    rep.meter_features.band_types = (1u << OFPMBT_DROP)
                                    | (1u << OFPMBT_DSCP_REMARK);
    rep.meter_features.max_bands = 8;
    rep.meter_features.max_color = 2;
    emit_reply(&rep, 0x165, "mp/meter_features/reply/dscp");
}

/* TABLE_FEATURES replies and a request that sets features. */
static void
table_features_cases(void)
{
    struct ofp_table_features tf[6];
    struct ofp_multipart_reply rep;
    struct ofp_multipart_request req;

    /* Table 0 "classifier" can go to 1-253; tables 1-4 likewise to the
     * tables after them; the last one cannot go anywhere. */
    tf_build_props(&tf_props_buf[0], 1, 253, false);
    tf_build_props(&tf_props_buf[1], 2, 253, false);
    tf_build_props(&tf_props_buf[2], 3, 253, false);
    tf_build_props(&tf_props_buf[3], 4, 253, false);
    tf_build_props(&tf_props_buf[4], -1, -2, false);
    tf_build_props(&tf_props_buf[5], 1, 253, true);

    sample_table_features(&tf[0], 0, "classifier", &tf_props_buf[0]);
    sample_table_features(&tf[1], 1, "", &tf_props_buf[1]);
    sample_table_features(&tf[2], 2, "", &tf_props_buf[2]);
    sample_table_features(&tf[3], 3, "", &tf_props_buf[3]);
    sample_table_features(&tf[4], 4, "egress", &tf_props_buf[4]);

    memset(&rep, 0, sizeof rep);
    rep.type = OFPMP_TABLE_FEATURES;
    rep.table_features.entries = tf;
    rep.table_features.n = 1;
    emit_reply(&rep, 0x170, "mp/table_features/reply/one");

    rep.table_features.n = 5;
    emit_reply(&rep, 0x171, "mp/table_features/reply/five-ditto");

    sample_table_features(&tf[5], 0, "", &tf_props_buf[5]);
    tf[5].metadata_match = 0;
    tf[5].metadata_write = 0;
    tf[5].max_entries = 100;
    rep.table_features.entries = &tf[5];
    rep.table_features.n = 1;
    emit_reply(&rep, 0x172, "mp/table_features/reply/miss-props");

    rep.table_features.entries = tf;
    rep.table_features.n = 2;
    rep.flags = OFPMPF_REPLY_MORE;
    emit_reply(&rep, 0x173, "mp/table_features/reply/more");

    memset(&req, 0, sizeof req);
    req.type = OFPMP_TABLE_FEATURES;
    req.table_features.tables = tf;
    req.table_features.n = 1;
    emit_request(&req, 0x174, "mp/table_features/request/set");
}

/* Emits every multipart case. */
void
conf_multipart_cases(conf_emit_fn *emit)
{
    mp_emit_fn = emit;
    ofpbuf_init(&mp_buf, 4096);

    request_cases();
    desc_cases();
    flow_cases();
    flow_split_case();
    aggregate_table_cases();
    port_cases();
    queue_cases();
    group_cases();
    meter_cases();
    table_features_cases();

    ofpbuf_uninit(&mp_buf);
}
