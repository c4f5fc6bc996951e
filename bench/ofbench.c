/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofbench: a cbench equivalent for OpenFlow 1.3.
 *
 * N emulated switches connect to a controller, answer its handshake like an
 * Open vSwitch bridge would (HELLO, FEATURES, switch config, PORT_DESC,
 * empty flow and group dumps, BARRIER, ECHO, bundles, roles), and then send
 * table-miss PACKET_INs carrying 60-byte Ethernet/IPv4/UDP frames between
 * hosts of a per-switch pool of M MACs.  A response is any FLOW_MOD or
 * PACKET_OUT received; ofbench counts them per second and per switch.
 *
 * Every packet-in carries a sequence number in its UDP payload.  A
 * PACKET_OUT that carries the frame back "answers" that packet-in and all
 * earlier ones of its switch, which bounds the number of packet-ins in
 * flight per switch: throughput mode keeps up to --window of them
 * outstanding and sends while the socket accepts, latency mode keeps
 * exactly one.  A controller that never returns the frame (FLOW_MODs only)
 * is handled by letting each untagged response answer one packet-in.
 *
 * One thread, one epoll set, non-blocking sockets; messages are built by
 * copying a template encoded once with libofp and patching a few bytes,
 * and responses are recognised with a few header reads, so the tool costs
 * far less per message than any controller it measures.  Everything else
 * the controller sends is decoded and answered with libofp. */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"
#include "ofp/ofp-packet.h"
#include "ofp/ofp-port.h"

#define FRAME_LEN 60            /* Ethernet frame in every packet-in. */
#define SEQ_OFS 42              /* UDP payload: sequence number (be32). */
#define MAGIC_OFS 46            /* UDP payload: FRAME_MAGIC (be32). */
#define FRAME_MAGIC 0x6f666263u /* "ofbc". */
#define ONF_EXPERIMENTER 0x4f4e4600u
#define RTT_BUCKETS 2000000     /* 1 us buckets up to 2 s. */
#define BATCH 64                /* Packet-ins built per send() call. */
#define OUT_HIGH 65536          /* Stop building above this much queued. */
#define RBUF_SIZE 65536

enum mode { MODE_THROUGHPUT, MODE_LATENCY };

/* Command line settings. */
struct config {
    const char *host;
    const char *port;
    int n_switches;
    int n_macs;
    int n_ports;
    enum mode mode;
    int duration;               /* Seconds per loop. */
    int warmup;                 /* Seconds before the first loop. */
    int loops;
    int window;                 /* Outstanding packet-ins per switch;
                                 * 0 until parse_options() picks it. */
    int settle_ms;              /* Quiet time that makes a switch ready. */
    int timeout_ms;             /* Forgive outstanding packet-ins after. */
    int connect_timeout;        /* Seconds to wait for every switch. */
    int n_tables;
    bool verify;                /* Decode every response with libofp. */
    bool quiet;                 /* No per-second lines. */
    bool verbose;               /* Log every control message. */
};

static struct config cfg = {
    .host = "127.0.0.1", .port = "6653",
    .n_switches = 16, .n_macs = 1000, .n_ports = 4,
    .mode = MODE_THROUGHPUT, .duration = 10, .warmup = 2, .loops = 1,
    .window = 0, .settle_ms = 200, .timeout_ms = 2000,
    .connect_timeout = 10, .n_tables = 254,
};

/* Where an emulated switch is in its life. */
enum sw_state {
    SW_CONNECTING,              /* Non-blocking connect() in progress. */
    SW_HELLO,                   /* Connected, our HELLO sent. */
    SW_HANDSHAKE,               /* Peer HELLO received. */
    SW_READY,                   /* Sending packet-ins. */
    SW_DEAD,                    /* Closed; never reused. */
};

/* One emulated switch: its socket, buffers, flow control and counters.
 * Owns 'rbuf', 'out' and 'sent_at'. */
struct sw {
    int idx;                    /* 0-based; dpid is idx + 1. */
    int fd;
    enum sw_state state;
    bool want_out;              /* EPOLLOUT registered. */
    bool features_done;         /* FEATURES_REPLY sent. */
    bool tagged_seen;           /* Peer returns our frames in PACKET_OUTs. */
    bool got_response;

    uint8_t *rbuf;              /* Unparsed input, RBUF_SIZE or more. */
    size_t rlen, rcap;
    struct ofpbuf out;          /* Queued output, from 'out_ofs'. */
    size_t out_ofs;

    uint32_t next_seq;          /* Sequence number of the next packet-in. */
    uint32_t answered;          /* Every seq <= this is answered. */
    uint64_t *sent_at;          /* Send time of seq, by seq % window. */
    uint64_t last_progress_ns;  /* Last answer, or readiness. */
    uint64_t last_rx_ns;
    uint32_t rng;

    uint16_t miss_send_len;
    uint16_t config_flags;

    uint64_t resp_sec;          /* Responses in the current second. */
    uint64_t resp_measured;     /* Responses in the measured loops. */
    uint64_t resp_total;        /* Responses over the whole run. */
    uint64_t pins_total;        /* Packet-ins over the whole run. */
};

/* Whole-run counters, summed over switches. */
struct totals {
    uint64_t flow_mods, packet_outs, bundled_flow_mods, group_mods;
    uint64_t errors, timeouts, disconnects, decode_failures;
    uint64_t measured_pins, measured_fm, measured_po;
    uint64_t rtt_n, rtt_sum_ns, rtt_max_ns;
};

static struct sw *switches;
static struct totals tot;
static uint32_t *rtt_hist;
static int epfd = -1;
static bool measuring;          /* Inside a measured loop. */
static bool sending = true;     /* False once the run is over. */
static volatile sig_atomic_t interrupted;

static uint8_t pin_tmpl[256];   /* A whole PACKET_IN, ready to patch. */
static size_t pin_len, pin_port_ofs, pin_data_ofs;
static struct ofp_arena arena = OFP_ARENA_INITIALIZER;

/* Returns CLOCK_MONOTONIC in nanoseconds. */
static uint64_t
now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/* Prints a message to stderr and exits with status 2. */
static void __attribute__((format(printf, 1, 2), noreturn))
fatal(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    fputs("ofbench: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
    exit(2);
}

/* Logs one line about switch 'sw' to stderr. */
static void __attribute__((format(printf, 2, 3)))
sw_log(const struct sw *sw, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    fprintf(stderr, "ofbench: switch %d (dpid %#x): ", sw->idx,
            sw->idx + 1);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
}

/* The MAC of host 'host' of switch 'idx': locally administered unicast,
 * 02:SS:SS:HH:HH:HH. */
static void
host_mac(int idx, uint32_t host, uint8_t mac[6])
{
    mac[0] = 0x02;
    mac[1] = idx >> 8;
    mac[2] = idx;
    mac[3] = host >> 16;
    mac[4] = host >> 8;
    mac[5] = host;
}

/* The port host 'host' sits behind: fixed, so that a learning controller
 * never sees a host move. */
static uint32_t
host_port(uint32_t host)
{
    return 1 + host % cfg.n_ports;
}

/* Builds the PACKET_IN template with libofp and finds the offsets of the
 * fields patched per message; decodes a patched copy to prove them. */
static void
build_template(void)
{
    struct ofpbuf frame = OFPBUF_INITIALIZER;
    struct ofpbuf msg = OFPBUF_INITIALIZER;
    struct ofp_pkt_eth_spec eth = { .dst = { 2, 0, 0, 0, 0, 1 },
                                    .src = { 2, 0, 0, 0, 0, 2 } };
    struct ofp_pkt_ipv4_spec ip = { .src = 0x0a000001, .dst = 0x0a000002 };
    uint8_t payload[FRAME_LEN - 42];
    struct ofp_packet_in pin;

    memset(payload, 0, sizeof payload);
    ofp_put_be32(payload + MAGIC_OFS - 42, FRAME_MAGIC);
    size_t n = ofp_packet_build_udp(&frame, &eth, &ip, 5000, 6000,
                                    payload, sizeof payload);
    if (n != FRAME_LEN) {
        fatal("frame builder made %zu bytes, not %d", n, FRAME_LEN);
    }
    /* No UDP checksum, so that patching the payload keeps it valid. */
    frame.data[40] = frame.data[41] = 0;

    memset(&pin, 0, sizeof pin);
    pin.buffer_id = OFP_NO_BUFFER;
    pin.total_len = FRAME_LEN;
    pin.reason = OFPR_NO_MATCH;
    ofp_match_init(&pin.match);
    ofp_match_set_u32(&pin.match, OFP_F_IN_PORT, 0x11223344);
    pin.data = frame.data;
    pin.data_len = FRAME_LEN;
    ofp_encode_packet_in(&pin, 0, &msg);
    if (msg.size > sizeof pin_tmpl) {
        fatal("packet-in template too long");
    }
    memcpy(pin_tmpl, msg.data, msg.size);
    pin_len = msg.size;
    pin_data_ofs = pin_len - FRAME_LEN;
    for (size_t i = 0; i + 4 <= pin_data_ofs; i++) {
        if (ofp_get_be32(pin_tmpl + i) == 0x11223344) {
            pin_port_ofs = i;
        }
    }
    if (!pin_port_ofs) {
        fatal("in_port not found in the packet-in template");
    }

    /* Patch a copy and check that libofp reads back what we wrote. */
    uint8_t copy[256];
    memcpy(copy, pin_tmpl, pin_len);
    ofp_put_be32(copy + pin_port_ofs, 7);
    ofp_put_be32(copy + pin_data_ofs + SEQ_OFS, 12345);
    enum ofperr error = ofp_decode_packet_in(copy, pin_len, &pin);
    uint32_t port = 0;
    union ofp_field_value v;
    if (ofp_match_get(&pin.match, OFP_F_IN_PORT, &v, NULL)) {
        port = v.u32;
    }
    if (error || port != 7 || pin.data_len != FRAME_LEN
        || ofp_get_be32(pin.data + SEQ_OFS) != 12345) {
        fatal("patched packet-in template does not decode back");
    }
    ofpbuf_uninit(&frame);
    ofpbuf_uninit(&msg);
}

/* Registers or updates 'sw''s epoll interest: input always, output while
 * 'want_out'. */
static void
sw_epoll(struct sw *sw, int op)
{
    struct epoll_event ev = {
        .events = EPOLLIN | (sw->want_out ? EPOLLOUT : 0),
        .data.ptr = sw,
    };
    if (epoll_ctl(epfd, op, sw->fd, &ev) < 0) {
        fatal("epoll_ctl: %s", strerror(errno));
    }
}

/* Closes 'sw' for good. */
static void
sw_close(struct sw *sw, const char *why)
{
    if (sw->state == SW_DEAD) {
        return;
    }
    if (sending) {
        sw_log(sw, "closed: %s", why);
        tot.disconnects++;
    }
    close(sw->fd);
    sw->fd = -1;
    sw->state = SW_DEAD;
}

/* Writes as much queued output as the socket takes.  Returns false if the
 * switch had to be closed. */
static bool
sw_flush(struct sw *sw)
{
    while (sw->out_ofs < sw->out.size) {
        ssize_t n = send(sw->fd, sw->out.data + sw->out_ofs,
                         sw->out.size - sw->out_ofs,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                break;
            }
            sw_close(sw, strerror(errno));
            return false;
        }
        sw->out_ofs += n;
    }
    bool pending = sw->out_ofs < sw->out.size;
    if (!pending) {
        ofpbuf_clear(&sw->out);
        sw->out_ofs = 0;
    }
    if (pending != sw->want_out) {
        sw->want_out = pending;
        sw_epoll(sw, EPOLL_CTL_MOD);
    }
    return true;
}

/* Packet-ins 'sw' may still send before it must wait for answers. */
static int
sw_credit(const struct sw *sw)
{
    int window = cfg.mode == MODE_LATENCY ? 1 : cfg.window;
    return window - (int) (sw->next_seq - 1 - sw->answered);
}

/* Appends one packet-in for the next sequence number of 'sw'. */
static void
sw_put_packet_in(struct sw *sw, uint64_t now)
{
    uint32_t seq = sw->next_seq++;
    uint32_t src = seq % cfg.n_macs;
    uint32_t dst;

    /* xorshift32: the destination, on another port than the source (a
     * learning switch sends nothing back for a same-port destination). */
    sw->rng ^= sw->rng << 13;
    sw->rng ^= sw->rng >> 17;
    sw->rng ^= sw->rng << 5;
    dst = sw->rng % cfg.n_macs;
    while (dst == src
           || (cfg.n_ports > 1 && host_port(dst) == host_port(src))) {
        dst = (dst + 1) % cfg.n_macs;
    }

    uint8_t *p = ofpbuf_put_uninit(&sw->out, pin_len);
    memcpy(p, pin_tmpl, pin_len);
    ofp_put_be32(p + 4, seq);
    ofp_put_be32(p + pin_port_ofs, host_port(src));
    host_mac(sw->idx, dst, p + pin_data_ofs);
    host_mac(sw->idx, src, p + pin_data_ofs + 6);
    ofp_put_be32(p + pin_data_ofs + SEQ_OFS, seq);
    sw->sent_at[seq % cfg.window] = now;
    sw->pins_total++;
    if (measuring) {
        tot.measured_pins++;
    }
}

/* Sends packet-ins while the window and the socket allow. */
static void
sw_pump(struct sw *sw)
{
    if (sw->state != SW_READY || !sending) {
        return;
    }
    uint64_t now = now_ns();
    while (!sw->want_out) {
        int credit = sw_credit(sw);
        if (credit <= 0) {
            return;
        }
        for (int i = 0; i < credit && i < BATCH
                        && sw->out.size < OUT_HIGH; i++) {
            sw_put_packet_in(sw, now);
        }
        if (!sw_flush(sw)) {
            return;
        }
    }
}

/* Records that every packet-in of 'sw' up to 'seq' is answered. */
static void
sw_answer(struct sw *sw, uint32_t seq, uint64_t now)
{
    if (seq <= sw->answered || seq >= sw->next_seq) {
        return;                 /* Stale, duplicate or not ours. */
    }
    uint64_t rtt = now - sw->sent_at[seq % cfg.window];
    sw->answered = seq;
    sw->last_progress_ns = now;
    if (measuring) {
        tot.rtt_n++;
        tot.rtt_sum_ns += rtt;
        if (rtt > tot.rtt_max_ns) {
            tot.rtt_max_ns = rtt;
        }
        uint64_t us = rtt / 1000;
        rtt_hist[us < RTT_BUCKETS ? us : RTT_BUCKETS - 1]++;
    }
}

/* Counts one response (FLOW_MOD or PACKET_OUT) on 'sw'. */
static void
sw_count_response(struct sw *sw)
{
    sw->resp_sec++;
    sw->resp_total++;
    sw->got_response = true;
    if (measuring) {
        sw->resp_measured++;
    }
}

/* Fully decodes a response with libofp (--verify) and checks that a
 * PACKET_OUT carrying one of our frames carries it whole; counts
 * failures. */
static void
verify_response(struct sw *sw, const uint8_t *msg, size_t len)
{
    struct ofp_msg m;

    ofp_arena_reset(&arena);
    enum ofperr error = ofp_decode(msg, len, &arena, &m);
    bool bad = error != 0;
    if (!error && m.kind == OFP_MSG_PACKET_OUT
        && m.packet_out.data_len >= MAGIC_OFS + 4
        && ofp_get_be32(m.packet_out.data + MAGIC_OFS) == FRAME_MAGIC) {
        uint8_t mac[6];
        host_mac(sw->idx, 0, mac);
        bad = m.packet_out.data_len != FRAME_LEN
              || memcmp(m.packet_out.data + 6, mac, 3) != 0;
    }
    if (bad && tot.decode_failures++ < 5) {
        sw_log(sw, "bad %s response: %s",
               msg[1] == OFPT_FLOW_MOD ? "FLOW_MOD" : "PACKET_OUT",
               error ? ofperr_name(error) : "not the frame we sent");
    }
}

/* Handles a PACKET_OUT: counts it and, if it carries one of our frames,
 * answers that frame's packet-in. */
static void
handle_packet_out(struct sw *sw, const uint8_t *msg, size_t len,
                  uint64_t now)
{
    tot.packet_outs++;
    if (measuring) {
        tot.measured_po++;
    }
    sw_count_response(sw);
    if (len >= 24) {
        size_t data_ofs = 24 + (size_t) ofp_get_be16(msg + 16);
        if (data_ofs + FRAME_LEN <= len
            && ofp_get_be32(msg + data_ofs + MAGIC_OFS) == FRAME_MAGIC) {
            sw->tagged_seen = true;
            sw_answer(sw, ofp_get_be32(msg + data_ofs + SEQ_OFS), now);
            return;
        }
    }
    if (!sw->tagged_seen) {
        sw_answer(sw, sw->answered + 1, now);
    }
}

/* Handles a FLOW_MOD: counts it; it answers a packet-in only for a peer
 * that never returns our frames. */
static void
handle_flow_mod(struct sw *sw, uint64_t now)
{
    tot.flow_mods++;
    if (measuring) {
        tot.measured_fm++;
    }
    sw_count_response(sw);
    if (!sw->tagged_seen) {
        sw_answer(sw, sw->answered + 1, now);
    }
}

/* Appends a multipart reply answering 'req' to 'sw''s output. */
static void
reply_multipart(struct sw *sw, const struct ofp_multipart_request *req,
                uint32_t xid)
{
    static struct ofp_desc_stats desc = {
        .mfr_desc = "ofc project", .hw_desc = "ofbench emulated switch",
        .sw_desc = "ofbench", .serial_num = "None",
        .dp_desc = "ofbench",
    };
    struct ofp_multipart_reply rep;
    struct ofp_port ports[64];

    memset(&rep, 0, sizeof rep);
    rep.type = req->type;
    switch (req->type) {
    case OFPMP_DESC:
        rep.desc = &desc;
        break;
    case OFPMP_PORT_DESC: {
        int n = cfg.n_ports < 64 ? cfg.n_ports : 64;
        memset(ports, 0, sizeof ports);
        for (int i = 0; i < n; i++) {
            ports[i].port_no = i + 1;
            host_mac(sw->idx, 0xff0000 + i, ports[i].hw_addr);
            ports[i].hw_addr[0] = 0x0a;
            snprintf(ports[i].name, sizeof ports[i].name, "s%d-eth%d",
                     (sw->idx + 1) & 0xffff, i + 1);
            ports[i].state = OFPPS_LIVE;
            ports[i].curr = ports[i].advertised = ports[i].supported
                = 0x2040;       /* 10GB_FD, COPPER. */
            ports[i].curr_speed = ports[i].max_speed = 10000000;
        }
        rep.port_desc.entries = ports;
        rep.port_desc.n = n;
        break;
    }
    case OFPMP_FLOW: case OFPMP_AGGREGATE: case OFPMP_TABLE:
    case OFPMP_PORT_STATS: case OFPMP_QUEUE: case OFPMP_GROUP:
    case OFPMP_GROUP_DESC: case OFPMP_GROUP_FEATURES: case OFPMP_METER:
    case OFPMP_METER_CONFIG: case OFPMP_METER_FEATURES:
    case OFPMP_TABLE_FEATURES:
        break;                  /* Empty lists, zero counters. */
    default: {
        ofp_encode_error_reply(OFPERR_OFPBRC_BAD_MULTIPART, NULL, 0, xid,
                               &sw->out);
        return;
    }
    }
    ofp_encode_multipart_reply(&rep, xid, &sw->out);
}

/* Makes 'sw' ready to send packet-ins. */
static void
sw_make_ready(struct sw *sw, uint64_t now, const char *why)
{
    if (sw->state == SW_READY || !sw->features_done) {
        return;
    }
    sw->state = SW_READY;
    sw->last_progress_ns = now;
    if (cfg.verbose) {
        sw_log(sw, "ready (%s)", why);
    }
}

/* Handles any message other than FLOW_MOD and PACKET_OUT: decodes it with
 * libofp and answers what a switch answers. */
static void
handle_control(struct sw *sw, const uint8_t *msg, size_t len, uint64_t now)
{
    struct ofp_msg m;
    struct ofp_msg r;
    enum ofperr error;

    ofp_arena_reset(&arena);
    error = ofp_decode(msg, len, &arena, &m);
    if (msg[1] == OFPT_HELLO && (error || m.kind == OFP_MSG_HELLO)) {
        /* A HELLO of another version still tells us the peer's bitmap. */
        uint32_t bitmap = error ? 1u << msg[0] : m.hello.version_bitmap;
        if (!(bitmap & (1u << OFP13_VERSION))) {
            ofp_encode_error_reply(OFPERR_OFPHFC_INCOMPATIBLE, msg, len, 0,
                                   &sw->out);
            sw_flush(sw);
            sw_close(sw, "controller does not speak OpenFlow 1.3");
            return;
        }
        if (sw->state == SW_HELLO) {
            sw->state = SW_HANDSHAKE;
        }
        return;
    }
    if (error) {
        if (tot.decode_failures++ < 5) {
            sw_log(sw, "cannot decode message type %u: %s", msg[1],
                   ofperr_name(error));
        }
        ofp_encode_error_reply(error, msg, len, ofp_get_be32(msg + 4),
                               &sw->out);
        return;
    }
    if (cfg.verbose) {
        struct ofp_ds ds = OFP_DS_INITIALIZER;
        ofp_format(&m, &ds);
        sw_log(sw, "received %s", ofp_ds_cstr(&ds));
        ofp_ds_destroy(&ds);
    }

    memset(&r, 0, sizeof r);
    r.version = OFP13_VERSION;
    r.xid = m.xid;
    switch (m.kind) {
    case OFP_MSG_FEATURES_REQUEST:
        r.kind = OFP_MSG_FEATURES_REPLY;
        r.features_reply.datapath_id = sw->idx + 1;
        r.features_reply.n_buffers = 0;
        r.features_reply.n_tables = cfg.n_tables;
        r.features_reply.capabilities = OFPC_FLOW_STATS | OFPC_TABLE_STATS
            | OFPC_PORT_STATS | OFPC_GROUP_STATS | OFPC_QUEUE_STATS;
        ofp_encode(&r, &sw->out);
        sw->features_done = true;
        break;
    case OFP_MSG_GET_CONFIG_REQUEST:
        r.kind = OFP_MSG_GET_CONFIG_REPLY;
        r.switch_config.flags = sw->config_flags;
        r.switch_config.miss_send_len = sw->miss_send_len;
        ofp_encode(&r, &sw->out);
        break;
    case OFP_MSG_SET_CONFIG:
        sw->config_flags = m.switch_config.flags;
        sw->miss_send_len = m.switch_config.miss_send_len;
        break;
    case OFP_MSG_BARRIER_REQUEST:
        ofp_encode_empty(OFPT_BARRIER_REPLY, m.xid, &sw->out);
        sw_make_ready(sw, now, "barrier");
        break;
    case OFP_MSG_ECHO_REQUEST:
        ofp_encode_echo(&m.echo, OFPT_ECHO_REPLY, m.xid, &sw->out);
        break;
    case OFP_MSG_ECHO_REPLY:
        break;
    case OFP_MSG_MULTIPART_REQUEST:
        reply_multipart(sw, &m.mp_request, m.xid);
        break;
    case OFP_MSG_ROLE_REQUEST:
        r.kind = OFP_MSG_ROLE_REPLY;
        r.role = m.role;
        if (r.role.role == OFPCR_ROLE_NOCHANGE) {
            r.role.role = OFPCR_ROLE_EQUAL;
        }
        ofp_encode(&r, &sw->out);
        break;
    case OFP_MSG_GET_ASYNC_REQUEST:
        r.kind = OFP_MSG_GET_ASYNC_REPLY;
        r.async.packet_in_mask[0] = 0x3;
        r.async.port_status_mask[0] = r.async.port_status_mask[1] = 0x7;
        r.async.flow_removed_mask[0] = 0xf;
        ofp_encode(&r, &sw->out);
        break;
    case OFP_MSG_BUNDLE_CONTROL:
        if (m.bundle_ctrl.type % 2 == 0) {    /* Requests are even. */
            r.kind = OFP_MSG_BUNDLE_CONTROL;
            r.bundle_ctrl = m.bundle_ctrl;
            r.bundle_ctrl.type++;
            ofp_encode(&r, &sw->out);
        }
        break;
    case OFP_MSG_BUNDLE_ADD:
        if (m.bundle_add.inner
            && m.bundle_add.inner->kind == OFP_MSG_FLOW_MOD) {
            tot.bundled_flow_mods++;
        }
        break;
    case OFP_MSG_GROUP_MOD:
        tot.group_mods++;
        break;
    case OFP_MSG_ERROR: {
        struct ofp_ds ds = OFP_DS_INITIALIZER;
        if (tot.errors++ < 5) {
            ofp_format(&m, &ds);
            sw_log(sw, "controller sent %s", ofp_ds_cstr(&ds));
            ofp_ds_destroy(&ds);
        }
        break;
    }
    case OFP_MSG_SET_ASYNC: case OFP_MSG_TABLE_MOD: case OFP_MSG_PORT_MOD:
    case OFP_MSG_METER_MOD: case OFP_MSG_HELLO:
        break;
    default:
        ofp_encode_error_reply(m.kind == OFP_MSG_EXPERIMENTER
                               ? OFPERR_OFPBRC_BAD_EXPERIMENTER
                               : OFPERR_OFPBRC_BAD_TYPE,
                               msg, len, m.xid, &sw->out);
        break;
    }
}

/* Reads everything available on 'sw' and handles each whole message. */
static void
sw_read(struct sw *sw)
{
    uint64_t now = now_ns();

    for (;;) {
        if (sw->rcap - sw->rlen < 4096) {
            sw->rcap *= 2;
            sw->rbuf = realloc(sw->rbuf, sw->rcap);
            if (!sw->rbuf) {
                fatal("out of memory");
            }
        }
        ssize_t n = recv(sw->fd, sw->rbuf + sw->rlen, sw->rcap - sw->rlen,
                         MSG_DONTWAIT);
        if (n == 0) {
            sw_close(sw, "connection closed by controller");
            return;
        } else if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                sw_close(sw, strerror(errno));
                return;
            }
            break;
        }
        sw->rlen += n;
        sw->last_rx_ns = now;

        size_t ofs = 0;
        while (sw->rlen - ofs >= OFP_HEADER_LEN) {
            const uint8_t *msg = sw->rbuf + ofs;
            size_t len = ofp_get_be16(msg + 2);
            if (len < OFP_HEADER_LEN) {
                sw_close(sw, "message length below 8");
                return;
            }
            if (sw->rlen - ofs < len) {
                break;
            }
            if (msg[0] == OFP13_VERSION && msg[1] == OFPT_PACKET_OUT) {
                if (cfg.verify) {
                    verify_response(sw, msg, len);
                }
                handle_packet_out(sw, msg, len, now);
            } else if (msg[0] == OFP13_VERSION
                       && msg[1] == OFPT_FLOW_MOD) {
                if (cfg.verify) {
                    verify_response(sw, msg, len);
                }
                handle_flow_mod(sw, now);
            } else {
                handle_control(sw, msg, len, now);
                if (sw->state == SW_DEAD) {
                    return;
                }
            }
            ofs += len;
        }
        memmove(sw->rbuf, sw->rbuf + ofs, sw->rlen - ofs);
        sw->rlen -= ofs;
        if ((size_t) n < 4096) {
            break;              /* Drained, most likely: skip a recv(). */
        }
    }
    if (sw_flush(sw)) {
        sw_pump(sw);
    }
}

/* Completes the non-blocking connect of 'sw' and sends our HELLO. */
static void
sw_connected(struct sw *sw)
{
    int err = 0;
    socklen_t len = sizeof err;

    getsockopt(sw->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        sw_close(sw, strerror(err));
        return;
    }
    struct ofp_hello hello = { .version_bitmap = 1u << OFP13_VERSION };
    sw->state = SW_HELLO;
    ofp_encode_hello(&hello, 0, &sw->out);
    sw_flush(sw);
}

/* Dispatches one epoll event. */
static void
sw_event(struct sw *sw, uint32_t events)
{
    if (sw->state == SW_CONNECTING) {
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            sw_connected(sw);
        }
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        sw_read(sw);
    }
    if (sw->state != SW_DEAD && (events & EPOLLOUT)) {
        if (sw_flush(sw)) {
            sw_pump(sw);
        }
    }
}

/* Raises RLIMIT_NOFILE so that 'n' sockets fit. */
static void
raise_nofile(int n)
{
    struct rlimit rl;
    rlim_t need = (rlim_t) n + 64;

    if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= need) {
        return;
    }
    if (rl.rlim_max < need) {
        rl.rlim_max = need;     /* Works as root. */
    }
    rl.rlim_cur = need;
    if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
        fatal("cannot raise the open files limit to %lu: %s",
              (unsigned long) need, strerror(errno));
    }
}

/* Opens the connection of every switch. */
static void
connect_all(void)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM };
    struct addrinfo *ai;
    int rc = getaddrinfo(cfg.host, cfg.port, &hints, &ai);

    if (rc) {
        fatal("%s:%s: %s", cfg.host, cfg.port, gai_strerror(rc));
    }
    switches = calloc(cfg.n_switches, sizeof *switches);
    if (!switches) {
        fatal("out of memory");
    }
    for (int i = 0; i < cfg.n_switches; i++) {
        struct sw *sw = &switches[i];
        int one = 1;

        sw->idx = i;
        sw->next_seq = 1;
        sw->rng = 0x9e3779b9u * (i + 1);
        sw->miss_send_len = 128;
        sw->rcap = RBUF_SIZE;
        sw->rbuf = malloc(sw->rcap);
        sw->sent_at = calloc(cfg.window, sizeof *sw->sent_at);
        if (!sw->rbuf || !sw->sent_at) {
            fatal("out of memory");
        }
        ofpbuf_init(&sw->out, 16384);
        sw->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (sw->fd < 0) {
            fatal("socket: %s", strerror(errno));
        }
        setsockopt(sw->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(sw->fd, ai->ai_addr, ai->ai_addrlen) < 0
            && errno != EINPROGRESS) {
            fatal("connect to %s:%s: %s", cfg.host, cfg.port,
                  strerror(errno));
        }
        sw->state = SW_CONNECTING;
        sw->want_out = true;
        sw_epoll(sw, EPOLL_CTL_ADD);
    }
    freeaddrinfo(ai);
}

/* Counts of switches in each stage, for progress and the result. */
struct census {
    int connected, hello, features, ready, answered, dead;
};

/* Takes a census of the switches. */
static struct census
take_census(void)
{
    struct census c = { 0, 0, 0, 0, 0, 0 };

    for (int i = 0; i < cfg.n_switches; i++) {
        const struct sw *sw = &switches[i];
        if (sw->state == SW_DEAD) {
            c.dead++;
            continue;
        }
        c.connected += sw->state != SW_CONNECTING;
        c.hello += sw->state >= SW_HANDSHAKE;
        c.features += sw->features_done;
        c.ready += sw->state == SW_READY;
        c.answered += sw->got_response;
    }
    return c;
}

/* Periodic work: ready switches that went quiet after their handshake, and
 * forgive the packet-ins of a switch whose controller sent nothing at all
 * for --timeout ms (it dropped them; a merely slow controller keeps
 * sending, and forgiving its backlog would only grow the backlog). */
static void
tick(uint64_t now)
{
    uint64_t settle = (uint64_t) cfg.settle_ms * 1000000u;
    uint64_t timeout = (uint64_t) cfg.timeout_ms * 1000000u;

    for (int i = 0; i < cfg.n_switches; i++) {
        struct sw *sw = &switches[i];
        if (sw->state == SW_HANDSHAKE && sw->features_done
            && now - sw->last_rx_ns >= settle) {
            sw_make_ready(sw, now, "settled");
            sw_pump(sw);
        } else if (sw->state == SW_READY && sending
                   && sw->answered + 1 < sw->next_seq
                   && now - sw->last_progress_ns >= timeout
                   && now - sw->last_rx_ns >= timeout) {
            tot.timeouts += sw->next_seq - 1 - sw->answered;
            sw->answered = sw->next_seq - 1;
            sw->last_progress_ns = now;
            sw_pump(sw);
        }
    }
}

/* Sums and resets the per-second counters; reports the minimum and the
 * maximum over all switches. */
static uint64_t
collect_second(uint64_t *min, uint64_t *max)
{
    uint64_t sum = 0;

    *min = UINT64_MAX;
    *max = 0;
    for (int i = 0; i < cfg.n_switches; i++) {
        struct sw *sw = &switches[i];
        sum += sw->resp_sec;
        *min = sw->resp_sec < *min ? sw->resp_sec : *min;
        *max = sw->resp_sec > *max ? sw->resp_sec : *max;
        sw->resp_sec = 0;
    }
    return sum;
}

/* Returns the 'pct' percentile of the measured round trips, in us. */
static uint64_t
rtt_percentile(double pct)
{
    uint64_t want = (uint64_t) (tot.rtt_n * pct / 100.0);
    uint64_t seen = 0;

    for (uint64_t i = 0; i < RTT_BUCKETS; i++) {
        seen += rtt_hist[i];
        if (seen > want) {
            return i;
        }
    }
    return RTT_BUCKETS;
}

/* Prints the usage message. */
static void
usage(void)
{
    printf("\
ofbench: cbench-style OpenFlow 1.3 controller benchmark\n\
usage: ofbench [OPTIONS]\n\
\n\
  -c, --controller HOST:PORT  controller to measure (127.0.0.1:6653)\n\
  -s, --switches N            emulated switches (16)\n\
  -M, --macs M                hosts (MACs) per switch, >= 2 (1000)\n\
  -m, --mode MODE             throughput or latency (throughput)\n\
  -d, --duration SEC          seconds per measured loop (10)\n\
  -w, --warmup SEC            seconds sent but not measured (2)\n\
  -l, --loops L               measured loops (1)\n\
      --window W              throughput mode: packet-ins in flight per\n\
                              switch (16384 / N, at least 32, so ~16k in\n\
                              flight in all); latency mode uses 1\n\
      --ports P               ports per switch, hosts spread over them (4)\n\
      --tables T              n_tables in FEATURES_REPLY (254)\n\
      --settle MS             a switch whose controller stayed quiet this\n\
                              long after FEATURES is ready (200)\n\
      --timeout MS            forgive the packet-ins in flight on a switch\n\
                              that received nothing for this long (2000)\n\
      --connect-timeout SEC   wait at most this for all switches (10)\n\
      --verify                decode every response with libofp\n\
  -q, --quiet                 no per-second lines\n\
  -v, --verbose               log every control message\n\
  -h, --help                  this help\n\
\n\
A switch sends packet-ins once it answered a BARRIER_REQUEST after its\n\
FEATURES_REPLY, or once the controller stayed quiet for --settle ms after\n\
FEATURES.  Measurement starts when every switch is ready or after\n\
--connect-timeout.  Output: one line per second, one LOOP line per loop,\n\
and a final 'RESULT key=value ...' line.\n");
}

/* Parses a positive integer option or dies. */
static int
parse_int(const char *opt, const char *s, int min)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (*s == '\0' || *end != '\0' || v < min || v > INT_MAX) {
        fatal("%s: '%s' is not an integer >= %d", opt, s, min);
    }
    return v;
}

/* Parses the command line into 'cfg'. */
static void
parse_options(int argc, char *argv[])
{
    enum { OPT_WINDOW = 256, OPT_PORTS, OPT_TABLES, OPT_SETTLE,
           OPT_TIMEOUT, OPT_CONNECT_TIMEOUT, OPT_VERIFY };
    static const struct option long_options[] = {
        { "controller", required_argument, NULL, 'c' },
        { "switches", required_argument, NULL, 's' },
        { "macs", required_argument, NULL, 'M' },
        { "mode", required_argument, NULL, 'm' },
        { "duration", required_argument, NULL, 'd' },
        { "warmup", required_argument, NULL, 'w' },
        { "loops", required_argument, NULL, 'l' },
        { "window", required_argument, NULL, OPT_WINDOW },
        { "ports", required_argument, NULL, OPT_PORTS },
        { "tables", required_argument, NULL, OPT_TABLES },
        { "settle", required_argument, NULL, OPT_SETTLE },
        { "timeout", required_argument, NULL, OPT_TIMEOUT },
        { "connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT },
        { "verify", no_argument, NULL, OPT_VERIFY },
        { "quiet", no_argument, NULL, 'q' },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    static char hostbuf[256];
    int c;

    while ((c = getopt_long(argc, argv, "c:s:M:m:d:w:l:qvh", long_options,
                            NULL)) != -1) {
        switch (c) {
        case 'c': {
            const char *colon = strrchr(optarg, ':');
            if (!colon || colon == optarg || !colon[1]
                || (size_t) (colon - optarg) >= sizeof hostbuf) {
                fatal("--controller: expected HOST:PORT, got '%s'", optarg);
            }
            memcpy(hostbuf, optarg, colon - optarg);
            hostbuf[colon - optarg] = '\0';
            if (hostbuf[0] == '[' && hostbuf[strlen(hostbuf) - 1] == ']') {
                memmove(hostbuf, hostbuf + 1, strlen(hostbuf));
                hostbuf[strlen(hostbuf) - 1] = '\0';
            }
            cfg.host = hostbuf;
            cfg.port = colon + 1;
            break;
        }
        case 's': cfg.n_switches = parse_int("--switches", optarg, 1); break;
        case 'M': cfg.n_macs = parse_int("--macs", optarg, 2); break;
        case 'm':
            if (!strcmp(optarg, "throughput")) {
                cfg.mode = MODE_THROUGHPUT;
            } else if (!strcmp(optarg, "latency")) {
                cfg.mode = MODE_LATENCY;
            } else {
                fatal("--mode: expected throughput or latency");
            }
            break;
        case 'd': cfg.duration = parse_int("--duration", optarg, 1); break;
        case 'w': cfg.warmup = parse_int("--warmup", optarg, 0); break;
        case 'l': cfg.loops = parse_int("--loops", optarg, 1); break;
        case OPT_WINDOW: cfg.window = parse_int("--window", optarg, 1);
            break;
        case OPT_PORTS: cfg.n_ports = parse_int("--ports", optarg, 1); break;
        case OPT_TABLES: cfg.n_tables = parse_int("--tables", optarg, 1);
            break;
        case OPT_SETTLE: cfg.settle_ms = parse_int("--settle", optarg, 0);
            break;
        case OPT_TIMEOUT: cfg.timeout_ms = parse_int("--timeout", optarg, 1);
            break;
        case OPT_CONNECT_TIMEOUT:
            cfg.connect_timeout = parse_int("--connect-timeout", optarg, 1);
            break;
        case OPT_VERIFY: cfg.verify = true; break;
        case 'q': cfg.quiet = true; break;
        case 'v': cfg.verbose = true; break;
        case 'h': usage(); exit(0);
        default: fprintf(stderr, "try 'ofbench --help'\n"); exit(2);
        }
    }
    if (optind < argc) {
        fatal("unexpected argument '%s'", argv[optind]);
    }
    if (cfg.n_switches > 65535) {
        fatal("--switches: at most 65535");
    }
    if (cfg.n_macs > 0xfeffff) {
        fatal("--macs: at most %d", 0xfeffff);
    }
    if (cfg.n_tables > 255) {
        fatal("--tables: at most 255");
    }
    if (cfg.mode == MODE_LATENCY) {
        cfg.window = 1;
    } else if (!cfg.window) {
        cfg.window = 16384 / cfg.n_switches;
        cfg.window = cfg.window < 32 ? 32 : cfg.window;
    }
}

/* Records SIGINT/SIGTERM so that the run ends with a result. */
static void
on_signal(int sig)
{
    interrupted = sig;
}

/* Phases of a run, in order. */
enum phase { PH_CONNECT, PH_WARMUP, PH_MEASURE, PH_DRAIN };

int
main(int argc, char *argv[])
{
    parse_options(argc, argv);
    build_template();
    raise_nofile(cfg.n_switches);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    rtt_hist = calloc(RTT_BUCKETS, sizeof *rtt_hist);
    epfd = epoll_create1(0);
    if (!rtt_hist || epfd < 0) {
        fatal("setup failed");
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    const char *mode = cfg.mode == MODE_LATENCY ? "latency" : "throughput";
    printf("# ofbench: %s:%s mode=%s switches=%d macs=%d ports=%d "
           "window=%d warmup=%d duration=%d loops=%d\n", cfg.host, cfg.port,
           mode, cfg.n_switches, cfg.n_macs, cfg.n_ports, cfg.window,
           cfg.warmup, cfg.duration, cfg.loops);
    connect_all();

    int max_events = cfg.n_switches < 1024 ? cfg.n_switches : 1024;
    struct epoll_event *events = calloc(max_events, sizeof *events);
    enum phase phase = PH_CONNECT;
    uint64_t start = now_ns();
    uint64_t phase_start = start;
    uint64_t next_sec = start + 1000000000u;
    uint64_t next_tick = start;
    uint64_t measure_start = 0, measure_end = 0, loop_start = 0;
    uint64_t loop_resp = 0, measured_resp = 0;
    int sec = 0, loop = 0;
    double loop_sum = 0;

    for (;;) {
        int n = epoll_wait(epfd, events, max_events, 10);
        if (n < 0 && errno != EINTR) {
            fatal("epoll_wait: %s", strerror(errno));
        }
        for (int i = 0; i < n; i++) {
            sw_event(events[i].data.ptr, events[i].events);
        }

        uint64_t now = now_ns();
        if (now >= next_tick) {
            tick(now);
            next_tick = now + 10000000u;
        }
        if (interrupted && phase < PH_DRAIN) {
            fprintf(stderr, "ofbench: interrupted\n");
            measure_end = now;
            phase = PH_DRAIN;
            sending = false;
            phase_start = now;
            break;
        }
        if (phase == PH_DRAIN) {
            bool busy = false;
            for (int i = 0; i < cfg.n_switches && !busy; i++) {
                const struct sw *sw = &switches[i];
                busy = sw->state == SW_READY
                       && sw->answered + 1 < sw->next_seq;
            }
            if (!busy || now - phase_start >= 500000000u) {
                break;
            }
            continue;
        }
        if (phase == PH_CONNECT) {
            struct census c = take_census();
            if (c.dead == cfg.n_switches) {
                fprintf(stderr, "ofbench: every connection failed\n");
                measure_end = now;
                break;
            }
            if (c.ready + c.dead == cfg.n_switches
                || now - start >= (uint64_t) cfg.connect_timeout
                                  * 1000000000u) {
                if (!cfg.quiet) {
                    printf("# connect: %.2f s connected=%d hello=%d "
                           "features=%d ready=%d closed=%d\n",
                           (now - start) / 1e9, c.connected, c.hello,
                           c.features, c.ready, c.dead);
                }
                phase = cfg.warmup ? PH_WARMUP : PH_MEASURE;
                phase_start = now;
                next_sec = now + 1000000000u;
                uint64_t mn, mx;
                collect_second(&mn, &mx);
                if (phase == PH_MEASURE) {
                    measuring = true;
                    measure_start = loop_start = now;
                }
            }
            continue;
        }
        if (now < next_sec) {
            continue;
        }

        /* One second passed. */
        uint64_t mn, mx;
        uint64_t sum = collect_second(&mn, &mx);
        next_sec += 1000000000u;
        sec++;
        if (!cfg.quiet) {
            struct census c = take_census();
            printf("%s sec=%d responses=%"PRIu64" per_switch_min=%"PRIu64
                   " per_switch_max=%"PRIu64" ready=%d\n",
                   phase == PH_WARMUP ? "warmup " : "measure", sec, sum, mn,
                   mx, c.ready);
        }
        if (phase == PH_WARMUP) {
            if (now - phase_start >= (uint64_t) cfg.warmup * 1000000000u
                - 50000000u) {
                phase = PH_MEASURE;
                measuring = true;
                measure_start = loop_start = now;
                sec = 0;
            }
            continue;
        }
        loop_resp += sum;
        measured_resp += sum;
        if (sec % cfg.duration == 0) {
            double rate = loop_resp / ((now - loop_start) / 1e9);
            loop++;
            loop_sum += rate;
            printf("LOOP %d responses_per_sec=%.0f\n", loop, rate);
            loop_resp = 0;
            loop_start = now;
            if (loop == cfg.loops) {
                measuring = false;
                measure_end = now;
                sending = false;
                phase = PH_DRAIN;
                phase_start = now;
            }
        }
    }

    /* The result. */
    if (!measure_end) {
        measure_end = now_ns();
    }
    if (!measure_start) {
        measure_start = measure_end;
    }
    double secs = (measure_end - measure_start) / 1e9;
    if (secs <= 0) {
        secs = 1e-9;
    }
    uint64_t sw_min = UINT64_MAX, sw_max = 0, resp_total = 0, pins_total = 0;
    for (int i = 0; i < cfg.n_switches; i++) {
        const struct sw *sw = &switches[i];
        sw_min = sw->resp_measured < sw_min ? sw->resp_measured : sw_min;
        sw_max = sw->resp_measured > sw_max ? sw->resp_measured : sw_max;
        resp_total += sw->resp_total;
        pins_total += sw->pins_total;
    }
    struct census c = take_census();
    double avg = loop ? loop_sum / loop : measured_resp / secs;
    printf("RESULT mode=%s switches=%d macs=%d connected=%d hello=%d "
           "ready=%d answered=%d closed=%d loops=%d seconds=%.2f "
           "responses_per_sec=%.0f packet_ins_per_sec=%.0f "
           "flow_mods_per_sec=%.0f packet_outs_per_sec=%.0f "
           "per_switch_min_per_sec=%.0f per_switch_max_per_sec=%.0f "
           "rtt_us_avg=%.1f rtt_us_p50=%"PRIu64" rtt_us_p99=%"PRIu64
           " rtt_us_max=%.0f timeouts=%"PRIu64" errors=%"PRIu64
           " bundled_flow_mods=%"PRIu64" group_mods=%"PRIu64
           " decode_failures=%"PRIu64" total_packet_ins=%"PRIu64
           " total_responses=%"PRIu64"\n",
           mode, cfg.n_switches, cfg.n_macs, c.connected, c.hello, c.ready,
           c.answered, c.dead, loop, secs, avg, tot.measured_pins / secs,
           tot.measured_fm / secs, tot.measured_po / secs,
           sw_min / secs, sw_max / secs,
           tot.rtt_n ? tot.rtt_sum_ns / 1e3 / tot.rtt_n : 0.0,
           tot.rtt_n ? rtt_percentile(50) : 0,
           tot.rtt_n ? rtt_percentile(99) : 0, tot.rtt_max_ns / 1e3,
           tot.timeouts, tot.errors, tot.bundled_flow_mods, tot.group_mods,
           tot.decode_failures, pins_total, resp_total);
    for (int i = 0; i < cfg.n_switches; i++) {
        if (switches[i].state != SW_DEAD) {
            close(switches[i].fd);
        }
    }
    return interrupted ? 130 : c.connected ? 0 : 1;
}
