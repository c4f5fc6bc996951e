/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Conformance cases for the OpenFlow 1.3 messages: one or more per message
 * type, each built with our encoders and named "msg/<type>/<variant>".
 * Every case is one that Open vSwitch 3.1's ofp-print decodes. */

#include <string.h>
#include "ofp/ofp-msgs.h"
#include "tests/conformance.h"

/* The output buffer shared by the cases; emitted and cleared by each. */
static struct ofpbuf buf;
static conf_emit_fn *emit_fn;

/* Emits what the case wrote to 'buf' as 'name', then clears 'buf'. */
static void
emit(const char *name)
{
    emit_fn(name, &buf);
    ofpbuf_clear(&buf);
}

static const uint8_t mac1[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };

/* An ARP request from 10.0.0.1 for 10.0.0.2, 42 bytes. */
static const uint8_t arp_frame[] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc,
    0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
    0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc, 10, 0, 0, 1,
    0, 0, 0, 0, 0, 0, 10, 0, 0, 2,
};

/* A TCP SYN 10.0.0.1:1234 -> 10.0.0.2:80, 54 bytes. */
static const uint8_t tcp_frame[] = {
    0x0a, 0x00, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x00, 0x45, 0x00, 0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x40, 0x06,
    0x66, 0xcd, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02, 0x04, 0xd2,
    0x00, 0x50, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x50, 0x02,
    0x20, 0x00, 0x12, 0x34, 0x00, 0x00,
};

/* A match "tcp,tp_dst=80" (with the prerequisites). */
static void
tcp80_match(struct ofp_match *m)
{
    ofp_match_init(m);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, 0x0800);
    ofp_match_set_u8(m, OFP_F_IP_PROTO, 6);
    ofp_match_set_u16(m, OFP_F_TCP_DST, 80);
}

static void
hello_cases(void)
{
    struct ofp_hello h = { .version_bitmap = 1u << OFP13_VERSION };
    ofp_encode_hello(&h, 1, &buf);
    emit("msg/hello/of13-only");

    h.version_bitmap = 0x1e;
    ofp_encode_hello(&h, 2, &buf);
    emit("msg/hello/of10-to-of13");
}

static void
error_cases(void)
{
    struct ofpbuf req = OFPBUF_INITIALIZER;
    struct ofp_flow_mod fm;

    ofp_flow_mod_init(&fm);
    fm.table_id = 3;
    tcp80_match(&fm.match);
    ofp_encode_flow_mod(&fm, 0x42, &req);

    ofp_encode_error_reply(OFPERR_OFPBRC_BAD_LEN, req.data, req.size, 0x42,
                           &buf);
    emit("msg/error/bad-len-flow-mod");

    ofp_encode_error_reply(OFPERR_OFPFMFC_TABLE_FULL, req.data, req.size,
                           0x42, &buf);
    emit("msg/error/table-full");

    ofp_encode_error_reply(OFPERR_OFPBMC_BAD_PREREQ, req.data, 32, 0x42,
                           &buf);
    emit("msg/error/bad-prereq-truncated");

    ofpbuf_clear(&req);
    ofp_encode_empty(OFPT_BARRIER_REQUEST, 9, &req);
    ofp_encode_error_reply(OFPERR_OFPBRC_BAD_TYPE, req.data, req.size, 9,
                           &buf);
    emit("msg/error/bad-type-barrier");

    struct ofp_role role = { OFPCR_ROLE_MASTER, 5 };
    ofpbuf_clear(&req);
    ofp_encode_role(&role, OFPT_ROLE_REQUEST, 10, &req);
    ofp_encode_error_reply(OFPERR_OFPRRFC_STALE, req.data, req.size, 10,
                           &buf);
    emit("msg/error/role-stale");

    ofp_encode_error_reply(OFPERR_OFPGMFC_GROUP_EXISTS, NULL, 0, 11, &buf);
    emit("msg/error/group-exists-empty");

    ofp_encode_error_reply(OFPERR_OFPMMFC_UNKNOWN_METER, NULL, 0, 12, &buf);
    emit("msg/error/unknown-meter");

    ofp_encode_error_reply(OFPERR_OFPBAC_BAD_OUT_PORT, NULL, 0, 13, &buf);
    emit("msg/error/bad-out-port");

    ofp_encode_error_reply(OFPERR_OFPPMFC_BAD_PORT, NULL, 0, 14, &buf);
    emit("msg/error/port-mod-bad-port");

    static const char text[] = "We support versions 0x04 to 0x04.";
    struct ofp_error_msg em = {
        .type = OFPET_HELLO_FAILED,
        .code = 0,
        .data = (const uint8_t *) text,
        .data_len = sizeof text - 1,
    };
    ofp_encode_error(&em, 15, &buf);
    emit("msg/error/hello-incompatible");

    /* Every OpenFlow 1.3 error code once, so that each name is checked. */
    static const struct {
        enum ofperr error;
        const char *name;
    } all[] = {
#define ERROR_CASE(TYPE, NAME, CODE) \
        { OFPERR_##NAME, "msg/error/code/" #NAME },
        OFPERR_LIST(ERROR_CASE)
#undef ERROR_CASE
    };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        ofp_encode_error_reply(all[i].error, NULL, 0, 16, &buf);
        emit(all[i].name);
    }

    ofpbuf_uninit(&req);
}

static void
echo_cases(void)
{
    static const uint8_t payload[] = "ofc keepalive payload, 40 bytes long!!";
    struct ofp_echo e = { payload, sizeof payload - 1 };
    ofp_encode_echo(&e, OFPT_ECHO_REQUEST, 3, &buf);
    emit("msg/echo_request/payload");

    e.data_len = 0;
    e.data = NULL;
    ofp_encode_echo(&e, OFPT_ECHO_REQUEST, 4, &buf);
    emit("msg/echo_request/empty");

    e.data = payload;
    e.data_len = 4;
    ofp_encode_echo(&e, OFPT_ECHO_REPLY, 3, &buf);
    emit("msg/echo_reply/payload");
}

static void
features_config_cases(void)
{
    ofp_encode_empty(OFPT_FEATURES_REQUEST, 5, &buf);
    emit("msg/features_request/plain");

    struct ofp_features_reply fr = {
        .datapath_id = 0x0000525400aabbccull,
        .n_buffers = 0,
        .n_tables = 254,
        .capabilities = (OFPC_FLOW_STATS | OFPC_TABLE_STATS
                         | OFPC_PORT_STATS | OFPC_GROUP_STATS
                         | OFPC_QUEUE_STATS),
    };
    ofp_encode_features_reply(&fr, 5, &buf);
    emit("msg/features_reply/ovs-like");

    fr.datapath_id = 1;
    fr.n_buffers = 256;
    fr.n_tables = 8;
    fr.auxiliary_id = 2;
    fr.capabilities = OFPC_IP_REASM | OFPC_PORT_BLOCKED;
    ofp_encode_features_reply(&fr, 6, &buf);
    emit("msg/features_reply/aux-reasm-blocked");

    fr.auxiliary_id = 0;
    fr.capabilities = 0;
    ofp_encode_features_reply(&fr, 7, &buf);
    emit("msg/features_reply/no-capabilities");

    ofp_encode_empty(OFPT_GET_CONFIG_REQUEST, 8, &buf);
    emit("msg/get_config_request/plain");

    struct ofp_switch_config sc = { OFPC_FRAG_NORMAL, 128 };
    ofp_encode_switch_config(&sc, OFPT_GET_CONFIG_REPLY, 8, &buf);
    emit("msg/get_config_reply/normal");

    sc.flags = OFPC_FRAG_DROP;
    sc.miss_send_len = OFPCML_NO_BUFFER;
    ofp_encode_switch_config(&sc, OFPT_SET_CONFIG, 9, &buf);
    emit("msg/set_config/drop-no-buffer");

    sc.flags = OFPC_FRAG_REASM;
    sc.miss_send_len = 1500;
    ofp_encode_switch_config(&sc, OFPT_SET_CONFIG, 10, &buf);
    emit("msg/set_config/reasm");
}

static void
packet_in_cases(void)
{
    struct ofp_packet_in pin;
    memset(&pin, 0, sizeof pin);
    pin.buffer_id = OFP_NO_BUFFER;
    pin.total_len = sizeof arp_frame;
    pin.reason = OFPR_NO_MATCH;
    pin.table_id = 0;
    pin.cookie = 0;
    ofp_match_init(&pin.match);
    ofp_match_set_u32(&pin.match, OFP_F_IN_PORT, 1);
    pin.data = arp_frame;
    pin.data_len = sizeof arp_frame;
    ofp_encode_packet_in(&pin, 0, &buf);
    emit("msg/packet_in/arp-no-match");

    pin.reason = OFPR_ACTION;
    pin.table_id = 3;
    pin.cookie = 0x5;
    pin.total_len = sizeof tcp_frame;
    pin.data = tcp_frame;
    pin.data_len = sizeof tcp_frame;
    ofp_match_set_u32(&pin.match, OFP_F_IN_PORT, 7);
    ofp_encode_packet_in(&pin, 0x10, &buf);
    emit("msg/packet_in/tcp-action-table3");

    pin.buffer_id = 0x100;
    pin.cookie = UINT64_MAX;
    pin.reason = OFPR_INVALID_TTL;
    pin.table_id = 0;
    ofp_encode_packet_in(&pin, 0x11, &buf);
    emit("msg/packet_in/buffered-invalid-ttl");

    pin.buffer_id = OFP_NO_BUFFER;
    pin.total_len = 1500;
    pin.data_len = sizeof tcp_frame;
    ofp_match_set_u64(&pin.match, OFP_F_METADATA, 0xabcd);
    ofp_match_set_u32(&pin.match, OFP_F_REG0 + 1, 0x7);
    ofp_encode_packet_in(&pin, 0x12, &buf);
    emit("msg/packet_in/truncated-metadata-reg");
}

static void
flow_removed_cases(void)
{
    static const char *const names[] = {
        "msg/flow_removed/idle", "msg/flow_removed/hard",
        "msg/flow_removed/delete", "msg/flow_removed/group-delete",
    };
    for (int reason = 0; reason < 4; reason++) {
        struct ofp_flow_removed fr;
        memset(&fr, 0, sizeof fr);
        fr.cookie = reason ? 0x1000 + reason : 0;
        fr.priority = reason == 1 ? 0x8000 : 100 + reason;
        fr.reason = reason;
        fr.table_id = reason;
        fr.duration_sec = 10 + reason;
        fr.duration_nsec = reason == 2 ? 500000000 : reason * 123;
        fr.idle_timeout = 60;
        fr.hard_timeout = reason == 1 ? 300 : 0;
        fr.packet_count = 42 * reason;
        fr.byte_count = 4200 * reason;
        if (reason == 3) {
            ofp_match_init(&fr.match);
        } else {
            tcp80_match(&fr.match);
        }
        ofp_encode_flow_removed(&fr, 0, &buf);
        emit(names[reason]);
    }
}

/* Fills 'p' with a typical Open vSwitch port. */
static void
sample_port(struct ofp_port *p, uint32_t port_no, const char *name)
{
    memset(p, 0, sizeof *p);
    p->port_no = port_no;
    memcpy(p->hw_addr, mac1, 6);
    strncpy(p->name, name, OFP_MAX_PORT_NAME_LEN);
    p->curr = (1u << 5) | (1u << 11);       /* 1GB-FD COPPER. */
    p->supported = p->curr;
    p->curr_speed = 1000000;
    p->max_speed = 1000000;
}

static void
port_status_cases(void)
{
    struct ofp_port_status ps;
    ps.reason = OFPPR_ADD;
    sample_port(&ps.desc, 1, "tap100i0");
    ofp_encode_port_status(&ps, 0, &buf);
    emit("msg/port_status/add");

    ps.reason = OFPPR_DELETE;
    sample_port(&ps.desc, 2, "veth2");
    ps.desc.config = OFPPC_PORT_DOWN;
    ps.desc.state = OFPPS_LINK_DOWN;
    ofp_encode_port_status(&ps, 0, &buf);
    emit("msg/port_status/delete");

    ps.reason = OFPPR_MODIFY;
    sample_port(&ps.desc, 3, "eth0");
    ps.desc.state = OFPPS_LIVE;
    ofp_encode_port_status(&ps, 0, &buf);
    emit("msg/port_status/modify");
}

static void
packet_out_cases(void)
{
    struct ofp_action acts[2];
    memset(acts, 0, sizeof acts);
    acts[0].kind = OFP_ACT_OUTPUT;
    acts[0].output.port = 2;
    acts[1].kind = OFP_ACT_OUTPUT;
    acts[1].output.port = 3;

    struct ofp_packet_out po = {
        .buffer_id = OFP_NO_BUFFER,
        .in_port = 1,
        .actions = { acts, 2 },
        .data = arp_frame,
        .data_len = sizeof arp_frame,
    };
    ofp_encode_packet_out(&po, 20, &buf);
    emit("msg/packet_out/arp-two-outputs");

    po.in_port = OFPP_CONTROLLER;
    acts[0].output.port = OFPP_FLOOD;
    po.actions.n = 1;
    po.data = tcp_frame;
    po.data_len = sizeof tcp_frame;
    ofp_encode_packet_out(&po, 21, &buf);
    emit("msg/packet_out/tcp-flood-from-controller");

    po.buffer_id = 0x200;
    po.data = NULL;
    po.data_len = 0;
    acts[0].output.port = 4;
    ofp_encode_packet_out(&po, 22, &buf);
    emit("msg/packet_out/buffered");
}

static void
flow_mod_cases(void)
{
    struct ofp_action out2;
    memset(&out2, 0, sizeof out2);
    out2.kind = OFP_ACT_OUTPUT;
    out2.output.port = 2;

    struct ofp_flow_mod fm;
    ofp_flow_mod_init(&fm);
    fm.table_id = 3;
    fm.priority = 100;
    fm.cookie = 0x5;
    fm.idle_timeout = 10;
    fm.hard_timeout = 20;
    fm.flags = OFPFF_SEND_FLOW_REM | OFPFF_CHECK_OVERLAP;
    tcp80_match(&fm.match);
    fm.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    fm.instructions.apply.actions = &out2;
    fm.instructions.apply.n = 1;
    ofp_encode_flow_mod(&fm, 2, &buf);
    emit("msg/flow_mod/add-flags-timeouts-cookie");

    fm.flags = (OFPFF_RESET_COUNTS | OFPFF_NO_PKT_COUNTS
                | OFPFF_NO_BYT_COUNTS);
    fm.priority = 0x8000;
    fm.cookie = 0;
    fm.idle_timeout = fm.hard_timeout = 0;
    fm.table_id = 0;
    fm.buffer_id = 0x33;
    ofp_encode_flow_mod(&fm, 3, &buf);
    emit("msg/flow_mod/add-default-priority-buffer");

    fm.buffer_id = OFP_NO_BUFFER;
    fm.flags = 0;
    fm.command = OFPFC_MODIFY;
    fm.table_id = 3;
    fm.cookie = 0x5;
    fm.cookie_mask = 0xff;
    fm.instructions.present = 0;
    ofp_encode_flow_mod(&fm, 4, &buf);
    emit("msg/flow_mod/modify-cookie-mask");

    fm.command = OFPFC_MODIFY_STRICT;
    fm.priority = 7;
    fm.cookie = fm.cookie_mask = 0;
    fm.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    ofp_encode_flow_mod(&fm, 5, &buf);
    emit("msg/flow_mod/modify-strict");

    fm.command = OFPFC_DELETE;
    fm.priority = 0x8000;
    fm.out_port = 5;
    fm.instructions.present = 0;
    ofp_encode_flow_mod(&fm, 6, &buf);
    emit("msg/flow_mod/delete-out-port");

    fm.command = OFPFC_DELETE_STRICT;
    fm.priority = 9;
    fm.cookie = 1;
    fm.cookie_mask = UINT64_MAX;
    fm.out_group = 7;
    ofp_encode_flow_mod(&fm, 7, &buf);
    emit("msg/flow_mod/delete-strict-cookie-out-group");

    ofp_flow_mod_init(&fm);
    fm.command = OFPFC_DELETE;
    fm.table_id = OFPTT_ALL;
    ofp_encode_flow_mod(&fm, 8, &buf);
    emit("msg/flow_mod/delete-all");

    ofp_flow_mod_init(&fm);
    fm.priority = 0;
    fm.instructions.present = OFP_INST_BIT(OFPIT_GOTO_TABLE);
    fm.instructions.goto_table = 1;
    ofp_encode_flow_mod(&fm, 9, &buf);
    emit("msg/flow_mod/add-table-miss-goto");

    ofp_flow_mod_init(&fm);
    fm.table_id = 4;
    fm.priority = 50;
    ofp_match_set_u32(&fm.match, OFP_F_IN_PORT, OFPP_LOCAL);
    ofp_match_set_mac(&fm.match, OFP_F_ETH_DST, mac1);
    fm.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    out2.output.port = OFPP_CONTROLLER;
    out2.output.max_len = OFPCML_NO_BUFFER;
    fm.instructions.apply.actions = &out2;
    fm.instructions.apply.n = 1;
    ofp_encode_flow_mod(&fm, 10, &buf);
    emit("msg/flow_mod/add-to-controller");
}

static void
group_mod_cases(void)
{
    struct ofp_action acts[3];
    memset(acts, 0, sizeof acts);
    for (int i = 0; i < 3; i++) {
        acts[i].kind = OFP_ACT_OUTPUT;
        acts[i].output.port = i + 1;
    }
    struct ofp_bucket buckets[3];
    for (int i = 0; i < 3; i++) {
        buckets[i].weight = 0;
        buckets[i].watch_port = OFPP_ANY;
        buckets[i].watch_group = OFPG_ANY;
        buckets[i].actions.actions = &acts[i];
        buckets[i].actions.n = 1;
    }
    struct ofp_group_mod gm = {
        .command = OFPGC_ADD, .type = OFPGT_ALL, .group_id = 1,
        .buckets = buckets, .n_buckets = 3,
    };
    ofp_encode_group_mod(&gm, 2, &buf);
    emit("msg/group_mod/add-all-3-buckets");

    gm.type = OFPGT_SELECT;
    gm.group_id = 2;
    buckets[0].weight = 5;
    buckets[1].weight = 1;
    buckets[2].weight = 10;
    ofp_encode_group_mod(&gm, 3, &buf);
    emit("msg/group_mod/add-select-weights");

    gm.type = OFPGT_INDIRECT;
    gm.group_id = 3;
    gm.n_buckets = 1;
    buckets[0].weight = 0;
    ofp_encode_group_mod(&gm, 4, &buf);
    emit("msg/group_mod/add-indirect");

    gm.type = OFPGT_FF;
    gm.group_id = 4;
    gm.n_buckets = 2;
    buckets[0].watch_port = 1;
    buckets[1].weight = 0;
    buckets[1].watch_port = 2;
    buckets[1].watch_group = 7;
    ofp_encode_group_mod(&gm, 5, &buf);
    emit("msg/group_mod/add-ff-watch");

    gm.command = OFPGC_MODIFY;
    gm.type = OFPGT_ALL;
    gm.group_id = 1;
    buckets[0].watch_port = OFPP_ANY;
    buckets[1].watch_port = OFPP_ANY;
    buckets[1].watch_group = OFPG_ANY;
    ofp_encode_group_mod(&gm, 6, &buf);
    emit("msg/group_mod/modify-all");

    gm.command = OFPGC_DELETE;
    gm.group_id = 4;
    gm.n_buckets = 0;
    ofp_encode_group_mod(&gm, 7, &buf);
    emit("msg/group_mod/delete");
}

static void
port_table_mod_cases(void)
{
    struct ofp_port_mod pm = {
        .port_no = 1, .config = OFPPC_PORT_DOWN, .mask = OFPPC_PORT_DOWN,
        .advertise = 1u << 5,
    };
    memcpy(pm.hw_addr, mac1, 6);
    ofp_encode_port_mod(&pm, 3, &buf);
    emit("msg/port_mod/down");

    pm.port_no = OFPP_LOCAL;
    pm.config = OFPPC_NO_PACKET_IN | OFPPC_NO_FWD;
    pm.mask = OFPPC_NO_PACKET_IN | OFPPC_NO_FWD | OFPPC_NO_RECV;
    pm.advertise = 0;
    ofp_encode_port_mod(&pm, 4, &buf);
    emit("msg/port_mod/local-no-packet-in");

    struct ofp_table_mod tm = { 3, 0 };
    ofp_encode_table_mod(&tm, 5, &buf);
    emit("msg/table_mod/table3");

    tm.table_id = 0xff;
    ofp_encode_table_mod(&tm, 6, &buf);
    emit("msg/table_mod/all-tables");
}

static void
meter_mod_cases(void)
{
    struct ofp_meter_band bands[2];
    memset(bands, 0, sizeof bands);
    bands[0].type = OFPMBT_DROP;
    bands[0].rate = 1000;
    bands[0].burst_size = 100;
    struct ofp_meter_mod mm = {
        .command = OFPMC_ADD,
        .flags = OFPMF_KBPS | OFPMF_BURST | OFPMF_STATS,
        .meter_id = 1, .bands = bands, .n_bands = 1,
    };
    ofp_encode_meter_mod(&mm, 2, &buf);
    emit("msg/meter_mod/add-drop-kbps-burst");

    bands[0].type = OFPMBT_DSCP_REMARK;
    bands[0].rate = 100;
    bands[0].burst_size = 0;
    bands[0].prec_level = 2;
    bands[1].type = OFPMBT_DROP;
    bands[1].rate = 200;
    mm.flags = OFPMF_PKTPS;
    mm.meter_id = 2;
    mm.n_bands = 2;
    ofp_encode_meter_mod(&mm, 3, &buf);
    emit("msg/meter_mod/add-dscp-remark-and-drop");

    mm.command = OFPMC_MODIFY;
    mm.flags = OFPMF_KBPS;
    bands[0].type = OFPMBT_DROP;
    bands[0].rate = 300;
    bands[0].prec_level = 0;
    mm.n_bands = 1;
    ofp_encode_meter_mod(&mm, 4, &buf);
    emit("msg/meter_mod/modify");

    mm.command = OFPMC_DELETE;
    mm.flags = 0;
    mm.n_bands = 0;
    ofp_encode_meter_mod(&mm, 5, &buf);
    emit("msg/meter_mod/delete");

    mm.meter_id = 0xffffffff;
    ofp_encode_meter_mod(&mm, 6, &buf);
    emit("msg/meter_mod/delete-all");
}

static void
role_async_barrier_cases(void)
{
    static const char *const req_names[] = {
        "msg/role_request/nochange", "msg/role_request/equal",
        "msg/role_request/master", "msg/role_request/slave",
    };
    static const char *const rep_names[] = {
        "msg/role_reply/nochange", "msg/role_reply/equal",
        "msg/role_reply/master", "msg/role_reply/slave",
    };
    for (uint32_t r = 0; r < 4; r++) {
        struct ofp_role role = { r, 0x100 + r };
        ofp_encode_role(&role, OFPT_ROLE_REQUEST, 30 + r, &buf);
        emit(req_names[r]);
        ofp_encode_role(&role, OFPT_ROLE_REPLY, 30 + r, &buf);
        emit(rep_names[r]);
    }

    ofp_encode_empty(OFPT_BARRIER_REQUEST, 40, &buf);
    emit("msg/barrier_request/plain");
    ofp_encode_empty(OFPT_BARRIER_REPLY, 40, &buf);
    emit("msg/barrier_reply/plain");

    ofp_encode_empty(OFPT_GET_ASYNC_REQUEST, 41, &buf);
    emit("msg/get_async_request/plain");

    struct ofp_async_config ac = {
        .packet_in_mask = { 0x7, 0x1 },
        .port_status_mask = { 0x7, 0x7 },
        .flow_removed_mask = { 0xf, 0 },
    };
    ofp_encode_async_config(&ac, OFPT_GET_ASYNC_REPLY, 41, &buf);
    emit("msg/get_async_reply/defaults");

    ac.packet_in_mask[0] = 0x2;
    ac.packet_in_mask[1] = 0;
    ac.port_status_mask[1] = 0x3;
    ac.flow_removed_mask[0] = 0x5;
    ofp_encode_async_config(&ac, OFPT_SET_ASYNC, 42, &buf);
    emit("msg/set_async/custom");
}

static void
bundle_cases(void)
{
    static const char *const names[] = {
        "msg/bundle_control/open-request", "msg/bundle_control/open-reply",
        "msg/bundle_control/close-request", "msg/bundle_control/close-reply",
        "msg/bundle_control/commit-request",
        "msg/bundle_control/commit-reply",
        "msg/bundle_control/discard-request",
        "msg/bundle_control/discard-reply",
    };
    for (uint16_t t = 0; t < 8; t++) {
        struct ofp_bundle_ctrl bc = {
            .bundle_id = t % 3 ? t : 0,
            .type = t,
            .flags = (t % 4 == 0 ? OFPBF_ATOMIC | OFPBF_ORDERED
                      : t % 4 == 1 ? OFPBF_ATOMIC
                      : t % 4 == 2 ? OFPBF_ORDERED : 0),
        };
        ofp_encode_bundle_ctrl(&bc, 50 + t, &buf);
        emit(names[t]);
    }

    struct ofp_action out2;
    memset(&out2, 0, sizeof out2);
    out2.kind = OFP_ACT_OUTPUT;
    out2.output.port = 2;

    struct ofp_msg inner;
    memset(&inner, 0, sizeof inner);
    inner.kind = OFP_MSG_FLOW_MOD;
    inner.version = OFP13_VERSION;
    inner.xid = 60;
    ofp_flow_mod_init(&inner.flow_mod);
    inner.flow_mod.table_id = 3;
    inner.flow_mod.priority = 100;
    tcp80_match(&inner.flow_mod.match);
    inner.flow_mod.instructions.present = OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
    inner.flow_mod.instructions.apply.actions = &out2;
    inner.flow_mod.instructions.apply.n = 1;

    struct ofp_bundle_add ba = {
        .bundle_id = 0, .flags = OFPBF_ATOMIC | OFPBF_ORDERED,
        .inner = &inner,
    };
    ofp_encode_bundle_add(&ba, 60, &buf);
    emit("msg/bundle_add/flow-mod");

    inner.flow_mod.command = OFPFC_DELETE_STRICT;
    inner.flow_mod.instructions.present = 0;
    ba.bundle_id = 7;
    ba.flags = OFPBF_ATOMIC;
    ofp_encode_bundle_add(&ba, 61, &buf);
    emit("msg/bundle_add/flow-mod-delete-strict");

    struct ofp_bucket bucket = {
        .weight = 0, .watch_port = OFPP_ANY, .watch_group = OFPG_ANY,
        .actions = { &out2, 1 },
    };
    memset(&inner, 0, sizeof inner);
    inner.kind = OFP_MSG_GROUP_MOD;
    inner.version = OFP13_VERSION;
    inner.group_mod.command = OFPGC_ADD;
    inner.group_mod.type = OFPGT_ALL;
    inner.group_mod.group_id = 10;
    inner.group_mod.buckets = &bucket;
    inner.group_mod.n_buckets = 1;
    ba.bundle_id = 8;
    ba.flags = OFPBF_ORDERED;
    ofp_encode_bundle_add(&ba, 62, &buf);
    emit("msg/bundle_add/group-mod");
}

void
conf_msgs_cases(conf_emit_fn *emit_)
{
    emit_fn = emit_;
    ofpbuf_init(&buf, 1024);
    hello_cases();
    error_cases();
    echo_cases();
    features_config_cases();
    packet_in_cases();
    flow_removed_cases();
    port_status_cases();
    packet_out_cases();
    flow_mod_cases();
    group_mod_cases();
    port_table_mod_cases();
    meter_mod_cases();
    role_async_barrier_cases();
    bundle_cases();
    ofpbuf_uninit(&buf);
}
