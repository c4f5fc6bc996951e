/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* OpenFlow connections (see conn.h): listeners, framing, the handshake,
 * keepalive, request callbacks, batched output and the connection
 * lifecycle.  Also the send functions of switch.h. */

#include "controller/conn.h"

#include <errno.h>
#include <event2/event.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "controller/app.h"
#include "controller/flow-store.h"
#include "controller/log.h"
#include "controller/stats.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"

/* One read(2) takes up to this much: messages are parsed in place from a
 * shared buffer, and only a trailing partial message is copied into the
 * connection's own buffer. */
#define READ_CHUNK (256u << 10)
/* Reads per wake-up of one connection, so one busy switch cannot starve
 * the others. */
#define MAX_READS_PER_WAKE 4
/* Connections accepted per wake-up of a listener. */
#define MAX_ACCEPTS_PER_WAKE 256
/* Ports tracked per switch: a PORT_STATUS adding one more is ignored, so
 * that a hostile switch cannot grow the port table (and the apps' per-port
 * state and flows) without bound.  Open vSwitch numbers ports below
 * 0xff00. */
#define MAX_PORTS 65536
/* A handshake must finish within max(this, interval * misses) seconds. */
#define MIN_HANDSHAKE_SECONDS 10

/* Where a connection is in its life. */
enum conn_state {
    CS_HELLO,                   /* Waiting for the peer's HELLO. */
    CS_FEATURES,                /* Waiting for FEATURES_REPLY. */
    CS_PORT_DESC,               /* Waiting for the whole PORT_DESC reply. */
    CS_READY,                   /* Handshake done, apps told. */
};

/* A request waiting for its reply; owned by its connection's 'pending'
 * map. */
struct pending {
    struct ofc_hmap_node node;  /* In conn->pending, by xid. */
    uint32_t xid;
    ofc_reply_cb *cb;
    void *aux;
    struct ofpbuf parts;        /* Raw multipart reply parts so far. */
    size_t n_parts;
};

/* One OpenFlow connection.  Owns its socket, events, buffers, pending
 * requests and switch. */
struct ofc_conn {
    int fd;
    char peer[INET6_ADDRSTRLEN + 24];   /* "IP:PORT" or "[IPv6]:PORT". */
    enum conn_state state;
    bool dead;                  /* Marked for reaping: no more I/O. */
    bool reading;               /* rd_ev is added (not paused). */
    bool writing;               /* wr_ev is added (socket was full). */
    bool dirty;                 /* On 'dirty_conns': output to flush. */
    bool overflowed;            /* Output over its cap: further output is
                                 * dropped, closed at the next flush. */
    struct event *rd_ev, *wr_ev, *timer_ev;
    struct ofpbuf in;           /* Partial message carried over. */
    struct ofpbuf out;          /* Queued output from 'out_ofs' on. */
    size_t out_ofs;
    struct ofc_switch *sw;      /* From FEATURES_REPLY on; owned. */
    struct ofc_hmap pending;    /* struct pending by xid. */
    size_t reply_bytes;         /* Bytes held in pending->parts. */
    uint32_t next_seq;          /* Low 24 bits of the next xid. */
    uint32_t features_xid;
    int echo_outstanding;       /* Keepalives without a reply. */
    long long created_msec;
    struct ofc_list list_node;  /* In 'conns' or, once dead, 'dead_conns'. */
    struct ofc_list dirty_node; /* In 'dirty_conns' while 'dirty'. */
};

/* One listening socket. */
struct listener {
    struct ofc_list node;       /* In 'listeners'. */
    int fd;
    char name[INET6_ADDRSTRLEN + 24];
    struct event *ev;
    struct event *retry_ev;     /* Re-enables accepting after EMFILE. */
};

static struct event_base *base;
static struct ofc_conn_options options;
static const struct timeval *echo_tv;
static struct ofc_list conns;           /* Live connections. */
static struct ofc_list dead_conns;      /* Marked dead, not yet freed. */
static struct ofc_list dirty_conns;     /* With output to flush. */
static struct ofc_list listeners;
static struct event *flush_ev;
static struct event *reap_ev;
static size_t n_conns;
static struct ofp_arena scratch;        /* Decoding, reset per message. */
static uint8_t read_buf[READ_CHUNK];

/* Rate limits for lines a peer can trigger. */
static struct ofc_ratelimit rl_proto = OFC_RATELIMIT_INIT(5, 50);
static struct ofc_ratelimit rl_swerr = OFC_RATELIMIT_INIT(5, 50);
static struct ofc_ratelimit rl_accept = OFC_RATELIMIT_INIT(20, 2000);
static struct ofc_ratelimit rl_ready = OFC_RATELIMIT_INIT(20, 2000);
static struct ofc_ratelimit rl_close = OFC_RATELIMIT_INIT(20, 2000);
static struct ofc_ratelimit rl_port = OFC_RATELIMIT_INIT(20, 200);
static struct ofc_ratelimit rl_sys = OFC_RATELIMIT_INIT(1, 5);

static void conn_kill(struct ofc_conn *, const char *reason, bool flush);
static void conn_flush(struct ofc_conn *);
static void port_desc_done(struct ofc_switch *, const struct ofp_msg *,
                           void *);

/* Returns the dpid to log for 'c'. */
static uint64_t
conn_dpid(const struct ofc_conn *c)
{
    return c->sw ? c->sw->dpid : OFC_NO_DPID;
}

bool
ofc_conn_is_dead(const struct ofc_conn *c)
{
    return c->dead;
}

const char *
ofc_conn_peer(const struct ofc_conn *c)
{
    return c->peer;
}

size_t
ofc_conn_count(void)
{
    return n_conns;
}

/* ---- Output. --------------------------------------------------------- */

/* Returns a fresh xid for a message from 'owner' (NULL: the core). */
static uint32_t
conn_next_xid(struct ofc_conn *c, const struct ofc_app *owner)
{
    uint32_t owner_id = (uint32_t) (ofc_app_index(owner) + 1);
    c->next_seq = (c->next_seq + 1) & 0xffffff;
    if (!c->next_seq) {
        c->next_seq = 1;
    }
    return owner_id << 24 | c->next_seq;
}

/* Asks for 'c' to be flushed at the end of this loop iteration. */
static void
conn_mark_dirty(struct ofc_conn *c)
{
    if (!c->dirty) {
        c->dirty = true;
        ofc_list_push_back(&dirty_conns, &c->dirty_node);
        event_active(flush_ev, 0, 0);
    }
}

/* Accounts for the messages appended to c->out from 'start' on, enforces
 * the output bounds and schedules a flush. */
static void
conn_queued(struct ofc_conn *c, size_t start)
{
    size_t queued = c->out.size - c->out_ofs;
    if (c->overflowed || queued > OFC_CONN_MAX_OUT_BYTES) {
        /* Drop what was just queued, and close at the flush rather than
         * here: the caller is usually an app in the middle of a callback,
         * which must not see its switch go down (and its state freed by
         * its own switch_down) under it. */
        c->out.size = start;
        if (!c->overflowed) {
            c->overflowed = true;
            ofc_stats.overflows++;
        }
        if (c->reading) {
            event_del(c->rd_ev);
            c->reading = false;
        }
        conn_mark_dirty(c);
        return;
    }
    for (size_t ofs = start; ofs + OFP_HEADER_LEN <= c->out.size; ) {
        uint16_t len = ofp_get_be16(c->out.data + ofs + 2);
        ofc_stats_count_msg(ofc_stats.msgs_out, c->out.data[ofs + 1]);
        if (c->out.data[ofs + 1] == OFPT_ERROR && len >= 12) {
            ofc_stats_count_error(ofc_stats.errors_tx,
                                  &ofc_stats.errors_tx_other,
                                  ofp_get_be16(c->out.data + ofs + 8),
                                  ofp_get_be16(c->out.data + ofs + 10));
        }
        if (len < OFP_HEADER_LEN) {
            break;
        }
        ofs += len;
    }
    if (queued > OFC_CONN_PAUSE_BYTES && c->reading) {
        event_del(c->rd_ev);
        c->reading = false;
        ofc_stats.backpressure++;
        OFC_DBG(OFC_LOG_CONN, conn_dpid(c),
                "output queue at %zu bytes: pausing input", queued);
    }
    conn_mark_dirty(c);
}

/* Encodes 'msg' with 'xid' onto c->out. */
static void
conn_send_msg(struct ofc_conn *c, const struct ofp_msg *msg, uint32_t xid)
{
    size_t start = c->out.size;
    ofp_encode(msg, &c->out);
    for (size_t ofs = start; ofs + OFP_HEADER_LEN <= c->out.size; ) {
        uint16_t len = ofp_get_be16(c->out.data + ofs + 2);
        ofp_put_be32(c->out.data + ofs + 4, xid);
        if (len < OFP_HEADER_LEN) {
            break;
        }
        /* Added by the flow store: an ONF BUNDLE_ADD_MESSAGE's inner
         * message must carry the outer xid (Open vSwitch rejects it with
         * OFPBFC_MSG_BAD_XID otherwise).  The inner header starts after
         * the outer header, experimenter id and type, bundle id, pad and
         * flags: at offset 24. */
        if (c->out.data[ofs + 1] == OFPT_EXPERIMENTER && len >= 32
            && ofp_get_be32(c->out.data + ofs + 8) == OFP_ONF_VENDOR_ID
            && ofp_get_be32(c->out.data + ofs + 12)
               == ONFT_BUNDLE_ADD_MESSAGE) {
            ofp_put_be32(c->out.data + ofs + 28, xid);
        }
        ofs += len;
    }
    conn_queued(c, start);
}

/* Sends a body-less message of 'kind' from the core; returns its xid. */
static uint32_t
conn_send_simple(struct ofc_conn *c, enum ofp_msg_kind kind)
{
    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = kind;
    msg.version = OFP13_VERSION;
    uint32_t xid = conn_next_xid(c, NULL);
    conn_send_msg(c, &msg, xid);
    return xid;
}

/* Replies to the message at 'req' with an OFPT_ERROR for 'error'. */
static void
conn_send_error(struct ofc_conn *c, enum ofperr error, const uint8_t *req,
                size_t req_len)
{
    uint32_t xid = req_len >= OFP_HEADER_LEN ? ofp_get_be32(req + 4) : 0;
    size_t start = c->out.size;
    ofp_encode_error_reply(error, req, req_len, xid, &c->out);
    conn_queued(c, start);
}

/* Writes as much queued output as the socket takes.  Returns 0 or an
 * errno (never EAGAIN). */
static int
conn_write_some(struct ofc_conn *c)
{
    while (c->out_ofs < c->out.size) {
        ssize_t n = send(c->fd, c->out.data + c->out_ofs,
                         c->out.size - c->out_ofs,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            c->out_ofs += n;
            ofc_stats.bytes_out += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            return n < 0 ? errno : EPIPE;
        }
    }
    if (c->out_ofs == c->out.size) {
        c->out_ofs = 0;
        ofpbuf_clear(&c->out);
        if (c->out.allocated > OFC_CONN_PAUSE_BYTES) {
            /* Give back what a burst made us take. */
            ofpbuf_uninit(&c->out);
            ofpbuf_init(&c->out, 0);
        }
    } else if (c->out_ofs > c->out.size / 2) {
        ofpbuf_consume(&c->out, c->out_ofs);
        c->out_ofs = 0;
    }
    return 0;
}

/* Flushes c->out, registers write interest only if the socket is full,
 * and resumes reading once the queue has drained enough. */
static void
conn_flush(struct ofc_conn *c)
{
    if (c->dead) {
        return;
    }
    if (c->overflowed) {
        conn_kill(c, "output queue over its cap", false);
        return;
    }
    int error = conn_write_some(c);
    if (error) {
        char reason[128];
        snprintf(reason, sizeof reason, "write failed: %s", strerror(error));
        conn_kill(c, reason, false);
        return;
    }
    bool left = c->out_ofs < c->out.size;
    if (left && !c->writing) {
        event_add(c->wr_ev, NULL);
        c->writing = true;
    } else if (!left && c->writing) {
        event_del(c->wr_ev);
        c->writing = false;
    }
    if (!c->reading && c->out.size - c->out_ofs < OFC_CONN_RESUME_BYTES) {
        event_add(c->rd_ev, NULL);
        c->reading = true;
        OFC_DBG(OFC_LOG_CONN, conn_dpid(c), "output drained: resuming input");
    }
}

/* The flush event: runs after the I/O callbacks of a loop iteration and
 * writes every connection that has output. */
static void
flush_cb(evutil_socket_t fd, short what, void *arg)
{
    while (!ofc_list_is_empty(&dirty_conns)) {
        struct ofc_conn *c = OFC_CONTAINER_OF(dirty_conns.next,
                                              struct ofc_conn, dirty_node);
        ofc_list_remove(&c->dirty_node);
        c->dirty = false;
        conn_flush(c);
    }
}

/* The write event: the socket has room again. */
static void
conn_write_cb(evutil_socket_t fd, short what, void *c_)
{
    conn_flush(c_);
}

/* ---- Send API of switch.h. ------------------------------------------- */

uint32_t
ofc_switch_send(struct ofc_switch *sw, const struct ofc_app *owner,
                const struct ofp_msg *msg)
{
    struct ofc_conn *c = sw->conn;
    if (c->dead) {
        return 0;
    }
    uint32_t xid = conn_next_xid(c, owner);
    conn_send_msg(c, msg, xid);
    return xid;
}

/* Returns the pending request of 'c' with 'xid', or NULL. */
static struct pending *
pending_find(const struct ofc_conn *c, uint32_t xid)
{
    uint32_t hash = ofc_hash_u64(xid);
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(&c->pending,
                                                            hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct pending *p = OFC_CONTAINER_OF(n, struct pending, node);
        if (p->xid == xid) {
            return p;
        }
    }
    return NULL;
}

/* Unlinks 'p' from 'c' (the caller then calls and frees it). */
static void
pending_remove(struct ofc_conn *c, struct pending *p)
{
    ofc_hmap_remove(&c->pending, &p->node);
    c->reply_bytes -= p->parts.size;
}

static void
pending_free(struct pending *p)
{
    ofpbuf_uninit(&p->parts);
    free(p);
}

uint32_t
ofc_switch_request(struct ofc_switch *sw, const struct ofc_app *owner,
                   const struct ofp_msg *msg, ofc_reply_cb *cb, void *aux)
{
    struct ofc_conn *c = sw->conn;
    if (c->dead) {
        return 0;
    }
    uint32_t xid;
    do {
        xid = conn_next_xid(c, owner);
    } while (pending_find(c, xid));

    struct pending *p = ofc_xzalloc(sizeof *p);
    p->xid = xid;
    p->cb = cb;
    p->aux = aux;
    ofpbuf_init(&p->parts, 0);
    ofc_hmap_insert(&c->pending, &p->node, ofc_hash_u64(xid));
    conn_send_msg(c, msg, xid);
    return xid;
}

uint32_t
ofc_switch_barrier(struct ofc_switch *sw, const struct ofc_app *owner,
                   ofc_reply_cb *cb, void *aux)
{
    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_BARRIER_REQUEST;
    msg.version = OFP13_VERSION;
    return ofc_switch_request(sw, owner, &msg, cb, aux);
}

void
ofc_switch_disconnect(struct ofc_switch *sw, const char *reason)
{
    ofc_conn_kill(sw->conn, reason);
}

/* ---- Lifecycle. ------------------------------------------------------ */

void
ofc_conn_kill(struct ofc_conn *c, const char *reason)
{
    conn_kill(c, reason, true);
}

/* See ofc_conn_kill(); 'flush' false drops queued output (after a write
 * error or an overflow). */
static void
conn_kill(struct ofc_conn *c, const char *reason, bool flush)
{
    if (c->dead) {
        return;
    }
    c->dead = true;
    n_conns--;
    ofc_stats.disconnects++;
    if (flush) {
        /* Best effort: the peer should see the error that closes it. */
        conn_write_some(c);
    }
    shutdown(c->fd, SHUT_WR);
    event_del(c->rd_ev);
    event_del(c->wr_ev);
    event_del(c->timer_ev);
    c->reading = c->writing = false;
    if (c->dirty) {
        ofc_list_remove(&c->dirty_node);
        c->dirty = false;
    }
    ofc_list_remove(&c->list_node);
    ofc_list_push_back(&dead_conns, &c->list_node);
    event_active(reap_ev, 0, 0);

    ofc_log_rl(&rl_close, OFC_LOG_CONN,
               c->sw && c->sw->up ? OFC_LOG_INFO : OFC_LOG_DBG,
               conn_dpid(c), "disconnected %s: %s", c->peer, reason);

    /* Requests still waiting learn that no reply will come. */
    struct ofc_hmap_node *n;
    while ((n = ofc_hmap_any(&c->pending))) {
        struct pending *p = OFC_CONTAINER_OF(n, struct pending, node);
        pending_remove(c, p);
        if (c->sw) {
            p->cb(c->sw, NULL, p->aux);
        }
        pending_free(p);
    }
    if (c->sw) {
        ofc_switch_unregister(c->sw);
        if (c->sw->up) {
            c->sw->up = false;
            ofc_switch_changed();
            ofc_apps_switch_down(c->sw);
        }
    }
}

/* Frees a dead connection. */
static void
conn_free(struct ofc_conn *c)
{
    /* Read what the peer still sent, so that close() does not answer it
     * with a reset that could destroy the error we just sent. */
    char junk[4096];
    for (int i = 0; i < 16; i++) {
        if (recv(c->fd, junk, sizeof junk, MSG_DONTWAIT) <= 0) {
            break;
        }
    }
    close(c->fd);
    event_free(c->rd_ev);
    event_free(c->wr_ev);
    event_free(c->timer_ev);
    ofpbuf_uninit(&c->in);
    ofpbuf_uninit(&c->out);
    ofc_hmap_destroy(&c->pending);
    if (c->sw) {
        ofc_flow_store_switch_down(c->sw);      /* Added by the flow store. */
    }
    ofc_switch_destroy(c->sw);
    free(c);
}

/* The reap event: frees dead connections, outside their own callbacks. */
static void
reap_cb(evutil_socket_t fd, short what, void *arg)
{
    while (!ofc_list_is_empty(&dead_conns)) {
        struct ofc_conn *c = OFC_CONTAINER_OF(dead_conns.next,
                                              struct ofc_conn, list_node);
        ofc_list_remove(&c->list_node);
        conn_free(c);
    }
}

/* ---- Input. ---------------------------------------------------------- */

/* Answers a malformed message with the error its decoder named and closes
 * the connection. */
static void
conn_protocol_error(struct ofc_conn *c, enum ofperr error,
                    const uint8_t *msg, size_t len)
{
    ofc_stats.decode_errors++;
    ofc_log_rl(&rl_proto, OFC_LOG_CONN, OFC_LOG_WARN, conn_dpid(c),
               "%s: bad message (type %d, %zu bytes): %s; closing",
               c->peer, len >= 2 ? msg[1] : -1, len, ofperr_name(error));
    conn_send_error(c, error, msg, len);
    conn_kill(c, ofperr_name(error), true);
}

/* Sends HELLO_FAILED/INCOMPATIBLE with the text 'why' and closes. */
static void
conn_hello_failed(struct ofc_conn *c, const uint8_t *msg, const char *why)
{
    struct ofp_error_msg em = {
        .type = OFPET_HELLO_FAILED,
        .code = ofperr_code(OFPERR_OFPHFC_INCOMPATIBLE),
        .data = (const uint8_t *) why,
        .data_len = strlen(why),
    };
    size_t start = c->out.size;
    ofp_encode_error(&em, ofp_get_be32(msg + 4), &c->out);
    conn_queued(c, start);
    ofc_stats.hello_failures++;
    ofc_log_rl(&rl_proto, OFC_LOG_CONN, OFC_LOG_WARN, conn_dpid(c),
               "%s: hello failed: %s; closing", c->peer, why);
    conn_kill(c, "version negotiation failed", true);
}

/* Handles the first message of the peer, which must be a HELLO that
 * allows OpenFlow 1.3. */
static void
conn_handle_hello(struct ofc_conn *c, const uint8_t *msg, size_t len)
{
    char why[128];
    if (msg[1] != OFPT_HELLO) {
        snprintf(why, sizeof why, "expected HELLO, got message type %d",
                 msg[1]);
        conn_hello_failed(c, msg, why);
        return;
    }
    struct ofp_hello hello;
    enum ofperr error = ofp_decode_hello(msg, len, &hello);
    if (error) {
        conn_protocol_error(c, error, msg, len);
        return;
    }
    /* Without a bitmap element the peer supports every version up to the
     * header's (OpenFlow 1.3.5, 6.3.1). */
    bool ok = (hello.version_bitmap & (1u << OFP13_VERSION)
               || (len == OFP_HEADER_LEN && msg[0] >= OFP13_VERSION));
    if (!ok) {
        snprintf(why, sizeof why, "We support version 0x04 only, but you "
                 "support no version 0x04 (hello version 0x%02x, "
                 "bitmap 0x%08"PRIx32")", msg[0], hello.version_bitmap);
        conn_hello_failed(c, msg, why);
        return;
    }
    c->state = CS_FEATURES;
    c->features_xid = conn_send_simple(c, OFP_MSG_FEATURES_REQUEST);
}

/* Handles the FEATURES_REPLY: the switch gets its dpid and is registered,
 * and the handshake goes on with SET_CONFIG and PORT_DESC. */
static void
conn_handle_features(struct ofc_conn *c, const struct ofp_msg *m)
{
    const struct ofp_features_reply *fr = &m->features_reply;
    if (fr->auxiliary_id) {
        ofc_log_rl(&rl_proto, OFC_LOG_CONN, OFC_LOG_WARN, fr->datapath_id,
                   "%s: auxiliary connection %u not supported; closing",
                   c->peer, fr->auxiliary_id);
        conn_kill(c, "auxiliary connection", true);
        return;
    }
    c->sw = ofc_switch_create(c, fr);
    OFC_DBG(OFC_LOG_CONN, fr->datapath_id,
            "%s: features: n_tables=%u n_buffers=%"PRIu32
            " capabilities=0x%"PRIx32, c->peer, fr->n_tables,
            fr->n_buffers, fr->capabilities);
    ofc_switch_register(c->sw);

    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_SET_CONFIG;
    msg.version = OFP13_VERSION;
    msg.switch_config.flags = OFPC_FRAG_NORMAL;
    msg.switch_config.miss_send_len = OFPCML_NO_BUFFER;
    ofc_switch_send(c->sw, NULL, &msg);

    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_MULTIPART_REQUEST;
    msg.version = OFP13_VERSION;
    msg.mp_request.type = OFPMP_PORT_DESC;
    msg.mp_request.port_no = OFPP_ANY;
    c->state = CS_PORT_DESC;
    ofc_switch_request(c->sw, NULL, &msg, port_desc_done, NULL);
}

/* Completes the handshake with the switch's ports. */
static void
port_desc_done(struct ofc_switch *sw, const struct ofp_msg *reply, void *aux)
{
    struct ofc_conn *c = sw->conn;
    if (!reply) {
        return;
    }
    if (reply->kind != OFP_MSG_MULTIPART_REPLY
        || reply->mp_reply.type != OFPMP_PORT_DESC) {
        conn_kill(c, "PORT_DESC request failed", true);
        return;
    }
    ofc_switch_set_ports(sw, reply->mp_reply.port_desc.entries,
                         reply->mp_reply.port_desc.n);
    c->state = CS_READY;
    sw->up = true;
    ofc_switch_changed();
    ofc_stats.handshakes++;
    ofc_log_rl(&rl_ready, OFC_LOG_SWITCH, OFC_LOG_INFO, sw->dpid,
               "switch ready: peer=%s ports=%zu n_tables=%u",
               c->peer, sw->n_ports, sw->features.n_tables);
    ofc_flow_store_switch_up(sw);       /* Added by the flow store. */
    ofc_apps_switch_up(sw);
}

/* Logs an OFPT_ERROR from the switch with the app that caused it and the
 * failing request in text, and hands it to the request's callback. */
static void
conn_handle_error(struct ofc_conn *c, const struct ofp_msg *m)
{
    const struct ofp_error_msg *em = &m->error;
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    enum ofperr error = ofperr_from_type_code(em->type, em->code);

    ofc_stats_count_error(ofc_stats.errors_rx, &ofc_stats.errors_rx_other,
                          em->type, em->code);
    if (em->type == OFPET_HELLO_FAILED) {
        ofp_ds_put_format(&ds, "\"%.*s\"", (int) em->data_len,
                          (const char *) em->data);
    } else if (em->data_len) {
        ofp_format_raw(em->data, em->data_len, &ds);
    } else {
        ofp_ds_put_cstr(&ds, "(no data)");
    }
    char name[64];
    if (error) {
        snprintf(name, sizeof name, "%s", ofperr_name(error));
    } else {
        snprintf(name, sizeof name, "type %u code %u", em->type, em->code);
    }
    ofc_log_rl(&rl_swerr, OFC_LOG_SWITCH, OFC_LOG_WARN, conn_dpid(c),
               "error %s from switch for xid 0x%"PRIx32" sent by %s: %s",
               name, m->xid, ofc_xid_owner_name(m->xid),
               ofp_ds_cstr(&ds));
    ofp_ds_destroy(&ds);

    struct pending *p = pending_find(c, m->xid);
    if (p) {
        pending_remove(c, p);
        p->cb(c->sw, m, p->aux);
        pending_free(p);
    } else if (c->state == CS_FEATURES && m->xid == c->features_xid) {
        conn_kill(c, "FEATURES_REQUEST failed", true);
    }
}

/* Joins the parts of a multipart reply held by 'p' and calls back. */
static void
conn_join_reply(struct ofc_conn *c, struct pending *p)
{
    struct ofp_arena arena;
    struct ofp_msg *msgs = NULL;
    size_t n = 0, allocated = 0;
    enum ofperr error = 0;
    size_t ofs = 0;

    /* Decode every part, then join them with one allocation. */
    ofp_arena_init(&arena);
    while (!error && ofs + OFP_HEADER_LEN <= p->parts.size) {
        const uint8_t *msg = p->parts.data + ofs;
        uint16_t len = ofp_get_be16(msg + 2);
        if (n == allocated) {
            allocated = allocated ? 2 * allocated : 8;
            msgs = ofc_xrealloc(msgs, allocated * sizeof *msgs);
        }
        error = ofp_decode(msg, len, &arena, &msgs[n++]);
        if (error) {
            conn_protocol_error(c, error, msg, len);
        }
        ofs += len;
    }
    if (!error && n) {
        const struct ofp_multipart_reply **parts
            = ofc_xmalloc(n * sizeof *parts);
        for (size_t i = 0; i < n; i++) {
            parts[i] = &msgs[i].mp_reply;
        }
        struct ofp_msg acc = msgs[0];
        error = ofp_multipart_reply_join(parts, n, &arena, &acc.mp_reply);
        free(parts);
        if (error) {
            conn_protocol_error(c, error, p->parts.data, OFP_HEADER_LEN);
        } else {
            acc.mp_reply.flags &= ~OFPMPF_REPLY_MORE;
            p->cb(c->sw, &acc, p->aux);
        }
    }
    if (error) {
        p->cb(c->sw, NULL, p->aux);
    }
    free(msgs);
    ofp_arena_destroy(&arena);
}

/* Handles a reply: finds its request by xid, collects multipart parts,
 * and calls the request's callback when the reply is complete. */
static void
conn_handle_reply(struct ofc_conn *c, const struct ofp_msg *m,
                  const uint8_t *msg, size_t len)
{
    struct pending *p = pending_find(c, m->xid);
    if (!p) {
        OFC_DBG(OFC_LOG_CONN, conn_dpid(c),
                "%s (xid 0x%"PRIx32") answers no request: ignored",
                ofp_msg_kind_name(m->kind), m->xid);
        return;
    }
    if (m->kind == OFP_MSG_MULTIPART_REPLY) {
        bool more = m->mp_reply.flags & OFPMPF_REPLY_MORE;
        if (more || p->n_parts) {
            if (c->reply_bytes + len > OFC_CONN_MAX_REPLY_BYTES) {
                ofc_stats.overflows++;
                conn_kill(c, "multipart reply over its cap", true);
                return;
            }
            ofpbuf_put(&p->parts, msg, len);
            p->n_parts++;
            c->reply_bytes += len;
            if (more) {
                return;
            }
            pending_remove(c, p);
            conn_join_reply(c, p);
            pending_free(p);
            return;
        }
    }
    pending_remove(c, p);
    p->cb(c->sw, m, p->aux);
    pending_free(p);
}

/* Tracks a PORT_STATUS in the port table, logs it and tells the apps. */
static void
conn_handle_port_status(struct ofc_conn *c, const struct ofp_port_status *ps)
{
    static const char *const reasons[] = { "added", "deleted", "modified" };
    struct ofp_ds ds = OFP_DS_INITIALIZER;

    if (ps->reason != OFPPR_DELETE && c->sw->n_ports >= MAX_PORTS
        && !ofc_switch_port(c->sw, ps->desc.port_no)) {
        ofc_log_rl(&rl_port, OFC_LOG_SWITCH, OFC_LOG_WARN, c->sw->dpid,
                   "port %s: more than %d ports; ignored", ps->desc.name,
                   MAX_PORTS);
        return;
    }
    ofc_switch_port_status(c->sw, ps);
    ofp_port_desc_format(&ps->desc, &ds);
    ofc_log_rl(&rl_port, OFC_LOG_SWITCH, OFC_LOG_INFO, c->sw->dpid,
               "port %s %s: %s", ps->desc.name,
               ps->reason < 3 ? reasons[ps->reason] : "changed",
               ofp_ds_cstr(&ds));
    ofp_ds_destroy(&ds);
    ofc_apps_port_status(c->sw, ps);
}

/* Handles one whole message of 'len' bytes (its header length). */
static void
conn_handle_msg(struct ofc_conn *c, const uint8_t *msg, size_t len)
{
    ofc_stats_count_msg(ofc_stats.msgs_in, msg[1]);
    if (c->state == CS_HELLO) {
        conn_handle_hello(c, msg, len);
        return;
    }
    if (msg[0] != OFP13_VERSION) {
        conn_protocol_error(c, OFPERR_OFPBRC_BAD_VERSION, msg, len);
        return;
    }

    struct ofp_msg m;
    ofp_arena_reset(&scratch);
    enum ofperr error = ofp_decode(msg, len, &scratch, &m);
    if (error) {
        conn_protocol_error(c, error, msg, len);
        return;
    }
    bool ready = c->state == CS_READY;

    switch (m.kind) {
    case OFP_MSG_HELLO:
        OFC_DBG(OFC_LOG_CONN, conn_dpid(c), "%s: extra HELLO ignored",
                c->peer);
        break;
    case OFP_MSG_ECHO_REQUEST: {
        size_t start = c->out.size;
        ofp_encode_echo(&m.echo, OFPT_ECHO_REPLY, m.xid, &c->out);
        conn_queued(c, start);
        break;
    }
    case OFP_MSG_ECHO_REPLY:
        c->echo_outstanding = 0;
        ofc_stats.echo_replies_rx++;
        break;
    case OFP_MSG_ERROR:
        conn_handle_error(c, &m);
        break;
    case OFP_MSG_FEATURES_REPLY:
        if (c->state == CS_FEATURES && m.xid == c->features_xid) {
            conn_handle_features(c, &m);
        } else {
            OFC_DBG(OFC_LOG_CONN, conn_dpid(c),
                    "%s: unexpected FEATURES_REPLY ignored", c->peer);
        }
        break;
    case OFP_MSG_PACKET_IN:
        ofc_stats_count_packet_in(m.packet_in.reason);   /* For metrics. */
        if (ready) {
            ofc_apps_packet_in(c->sw, &m.packet_in);
        }
        break;
    case OFP_MSG_PORT_STATUS:
        /* Before READY the PORT_DESC reply still to come supersedes it. */
        if (ready) {
            conn_handle_port_status(c, &m.port_status);
        }
        break;
    case OFP_MSG_FLOW_REMOVED:
        if (ready) {
            /* Added by the flow store: its sets first. */
            ofc_flow_store_flow_removed(c->sw, &m.flow_removed);
            ofc_apps_flow_removed(c->sw, &m.flow_removed);
        }
        break;
    case OFP_MSG_MULTIPART_REPLY:
    case OFP_MSG_BARRIER_REPLY:
    case OFP_MSG_GET_CONFIG_REPLY:
    case OFP_MSG_ROLE_REPLY:
    case OFP_MSG_GET_ASYNC_REPLY:
    case OFP_MSG_EXPERIMENTER:
    case OFP_MSG_BUNDLE_CONTROL:
        conn_handle_reply(c, &m, msg, len);
        break;
    case OFP_MSG_FEATURES_REQUEST:
    case OFP_MSG_GET_CONFIG_REQUEST:
    case OFP_MSG_SET_CONFIG:
    case OFP_MSG_PACKET_OUT:
    case OFP_MSG_FLOW_MOD:
    case OFP_MSG_GROUP_MOD:
    case OFP_MSG_PORT_MOD:
    case OFP_MSG_TABLE_MOD:
    case OFP_MSG_MULTIPART_REQUEST:
    case OFP_MSG_BARRIER_REQUEST:
    case OFP_MSG_ROLE_REQUEST:
    case OFP_MSG_GET_ASYNC_REQUEST:
    case OFP_MSG_SET_ASYNC:
    case OFP_MSG_METER_MOD:
    case OFP_MSG_BUNDLE_ADD:
    default:
        /* Well-formed, but a controller does not serve these. */
        ofc_log_rl(&rl_proto, OFC_LOG_CONN, OFC_LOG_WARN, conn_dpid(c),
                   "%s: switch sent %s, which a controller does not "
                   "accept", c->peer, ofp_msg_kind_name(m.kind));
        conn_send_error(c, OFPERR_OFPBRC_BAD_TYPE, msg, len);
        break;
    }
}

/* Handles every whole message in [data, data + size); returns the bytes
 * used (a trailing partial message is left). */
static size_t
conn_parse(struct ofc_conn *c, const uint8_t *data, size_t size)
{
    size_t ofs = 0;
    while (!c->dead && size - ofs >= OFP_HEADER_LEN) {
        const uint8_t *msg = data + ofs;
        uint16_t len = ofp_get_be16(msg + 2);
        if (len < OFP_HEADER_LEN) {
            conn_protocol_error(c, OFPERR_OFPBRC_BAD_LEN, msg,
                                size - ofs);
            break;
        }
        if (size - ofs < len) {
            break;
        }
        conn_handle_msg(c, msg, len);
        ofs += len;
    }
    return ofs;
}

/* The read event: reads big chunks and handles every whole message. */
static void
conn_read_cb(evutil_socket_t fd, short what, void *c_)
{
    struct ofc_conn *c = c_;

    for (int i = 0; i < MAX_READS_PER_WAKE && !c->dead && c->reading; i++) {
        ssize_t n = recv(c->fd, read_buf, sizeof read_buf, MSG_DONTWAIT);
        if (n > 0) {
            ofc_stats.bytes_in += n;
            if (c->in.size) {
                /* Finish the partial message carried over. */
                ofpbuf_put(&c->in, read_buf, n);
                size_t used = conn_parse(c, c->in.data, c->in.size);
                if (!c->dead) {
                    ofpbuf_consume(&c->in, used);
                }
            } else {
                size_t used = conn_parse(c, read_buf, n);
                if (!c->dead && used < (size_t) n) {
                    ofpbuf_put(&c->in, read_buf + used, n - used);
                }
            }
            if ((size_t) n < sizeof read_buf) {
                break;
            }
        } else if (n == 0) {
            if (c->in.size) {
                /* The peer closed in the middle of a message. */
                conn_protocol_error(c, OFPERR_OFPBRC_BAD_LEN, c->in.data,
                                    c->in.size);
            } else {
                conn_kill(c, "connection closed by peer", true);
            }
            break;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            break;
        } else {
            char reason[128];
            snprintf(reason, sizeof reason, "read failed: %s",
                     strerror(errno));
            conn_kill(c, reason, false);
            break;
        }
    }
    /* One switch callback done: the REST server may be waiting for its
     * turn (ofc_loop_yield()). */
    ofc_loop_tick();
}

/* The periodic timer: handshake deadline and echo keepalive. */
static void
conn_timer_cb(evutil_socket_t fd, short what, void *c_)
{
    struct ofc_conn *c = c_;
    if (c->dead) {
        return;
    }
    if (c->state != CS_READY) {
        long long limit = (long long) options.echo_interval
                          * options.echo_misses;
        if (limit < MIN_HANDSHAKE_SECONDS) {
            limit = MIN_HANDSHAKE_SECONDS;
        }
        if (ofc_time_msec() - c->created_msec >= limit * 1000) {
            conn_kill(c, "handshake did not finish in time", true);
        }
        return;
    }
    if (c->echo_outstanding >= options.echo_misses) {
        char reason[64];
        snprintf(reason, sizeof reason, "%d echo requests unanswered",
                 c->echo_outstanding);
        ofc_stats.echo_timeouts++;
        conn_kill(c, reason, false);
        return;
    }
    c->echo_outstanding++;
    ofc_stats.echo_requests_tx++;
    conn_send_simple(c, OFP_MSG_ECHO_REQUEST);
}

/* Sets up a connection for the accepted socket 'fd'. */
static void
conn_new(int fd, const struct sockaddr *sa, socklen_t sa_len)
{
    struct ofc_conn *c = ofc_xzalloc(sizeof *c);
    char host[INET6_ADDRSTRLEN], serv[16];
    int one = 1;

    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (getnameinfo(sa, sa_len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV)) {
        snprintf(c->peer, sizeof c->peer, "unknown");
    } else if (sa->sa_family == AF_INET6) {
        snprintf(c->peer, sizeof c->peer, "[%s]:%s", host, serv);
    } else {
        snprintf(c->peer, sizeof c->peer, "%s:%s", host, serv);
    }
    c->fd = fd;
    c->state = CS_HELLO;
    c->created_msec = ofc_time_msec();
    ofpbuf_init(&c->in, 0);
    ofpbuf_init(&c->out, 0);
    ofc_hmap_init(&c->pending);
    ofc_list_init(&c->dirty_node);
    ofc_list_push_back(&conns, &c->list_node);
    n_conns++;
    ofc_stats.connects++;

    c->rd_ev = event_new(base, fd, EV_READ | EV_PERSIST, conn_read_cb, c);
    c->wr_ev = event_new(base, fd, EV_WRITE | EV_PERSIST, conn_write_cb, c);
    c->timer_ev = event_new(base, -1, EV_PERSIST, conn_timer_cb, c);
    if (!c->rd_ev || !c->wr_ev || !c->timer_ev) {
        fputs("ofcd: event_new failed\n", stderr);
        abort();
    }
    event_add(c->rd_ev, NULL);
    c->reading = true;
    event_add(c->timer_ev, echo_tv);

    ofc_log_rl(&rl_accept, OFC_LOG_CONN, OFC_LOG_INFO, OFC_NO_DPID,
               "connection from %s", c->peer);

    struct ofp_msg hello;
    memset(&hello, 0, sizeof hello);
    hello.kind = OFP_MSG_HELLO;
    hello.version = OFP13_VERSION;
    hello.hello.version_bitmap = 1u << OFP13_VERSION;
    conn_send_msg(c, &hello, conn_next_xid(c, NULL));
}

/* ---- Listeners. ------------------------------------------------------ */

/* Accepts again after a pause for lack of file descriptors. */
static void
listener_retry_cb(evutil_socket_t fd, short what, void *l_)
{
    struct listener *l = l_;
    event_add(l->ev, NULL);
}

/* The listener event: accepts every waiting connection (bounded). */
static void
listener_cb(evutil_socket_t fd, short what, void *l_)
{
    struct listener *l = l_;
    for (int i = 0; i < MAX_ACCEPTS_PER_WAKE; i++) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        int s = accept4(l->fd, (struct sockaddr *) &ss, &len,
                        SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (s >= 0) {
            conn_new(s, (struct sockaddr *) &ss, len);
        } else if (errno == EINTR || errno == ECONNABORTED) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            break;
        } else {
            /* Out of descriptors or memory: pause for a second instead of
             * spinning on a listener that stays readable. */
            static const struct timeval one_second = { 1, 0 };
            ofc_log_rl(&rl_sys, OFC_LOG_CONN, OFC_LOG_WARN, OFC_NO_DPID,
                       "%s: accept failed: %s; pausing for 1 s", l->name,
                       strerror(errno));
            event_del(l->ev);
            event_add(l->retry_ev, &one_second);
            break;
        }
    }
}

int
ofc_listen_parse(const char *spec, struct sockaddr_storage *ss,
                 socklen_t *ss_len, char **error)
{
    char host[INET6_ADDRSTRLEN + 1];
    const char *port, *hp;
    size_t host_len;

    *error = NULL;
    memset(ss, 0, sizeof *ss);
    if (strncmp(spec, "tcp:", 4)) {
        *error = ofc_xasprintf("listen address '%s' must look like "
                               "tcp:IP:PORT or tcp:[IPv6]:PORT", spec);
        return EINVAL;
    }
    hp = spec + 4;
    bool v6 = *hp == '[';
    if (v6) {
        const char *end = strchr(hp, ']');
        if (!end || (end[1] && end[1] != ':')) {
            *error = ofc_xasprintf("listen address '%s': bad bracketed "
                                   "IPv6 address", spec);
            return EINVAL;
        }
        hp++;
        host_len = end - hp;
        port = end[1] ? end + 2 : "6653";
    } else {
        const char *colon = strchr(hp, ':');
        if (colon && strchr(colon + 1, ':')) {
            *error = ofc_xasprintf("listen address '%s': put an IPv6 "
                                   "address in brackets, as in "
                                   "tcp:[::1]:6653", spec);
            return EINVAL;
        }
        host_len = colon ? (size_t) (colon - hp) : strlen(hp);
        port = colon ? colon + 1 : "6653";
    }
    if (!host_len || host_len >= sizeof host) {
        *error = ofc_xasprintf("listen address '%s': missing or bad IP "
                               "address", spec);
        return EINVAL;
    }
    memcpy(host, hp, host_len);
    host[host_len] = '\0';

    char *end;
    errno = 0;
    long port_no = strtol(port, &end, 10);
    if (!*port || *end || errno || port_no < 0 || port_no > 65535) {
        *error = ofc_xasprintf("listen address '%s': bad port '%s'",
                               spec, port);
        return EINVAL;
    }

    if (v6) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) ss;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port_no);
        if (inet_pton(AF_INET6, host, &sin6->sin6_addr) != 1) {
            goto bad_host;
        }
        *ss_len = sizeof *sin6;
    } else {
        struct sockaddr_in *sin = (struct sockaddr_in *) ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port_no);
        if (inet_pton(AF_INET, host, &sin->sin_addr) != 1) {
            goto bad_host;
        }
        *ss_len = sizeof *sin;
    }
    return 0;

bad_host:
    *error = ofc_xasprintf("listen address '%s': '%s' is not a numeric "
                           "IPv%d address", spec, host, v6 ? 6 : 4);
    return EINVAL;
}

int
ofc_listener_open(const char *spec, char **error)
{
    struct sockaddr_storage addr;
    socklen_t addr_len;
    char host[INET6_ADDRSTRLEN + 1];

    int err = ofc_listen_parse(spec, &addr, &addr_len, error);
    if (err) {
        return err;
    }

    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK
                    | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0) {
        err = errno;
    } else {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (addr.ss_family == AF_INET6) {
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        }
        if (bind(fd, (struct sockaddr *) &addr, addr_len)
            || listen(fd, 1024)) {
            err = errno;
            close(fd);
        }
    }
    if (err) {
        *error = ofc_xasprintf("cannot listen on '%s': %s", spec,
                               strerror(err));
        return err;
    }

    struct listener *l = ofc_xzalloc(sizeof *l);
    struct sockaddr_storage ss;
    socklen_t ss_len = sizeof ss;
    char serv[16];
    l->fd = fd;
    if (!getsockname(fd, (struct sockaddr *) &ss, &ss_len)
        && !getnameinfo((struct sockaddr *) &ss, ss_len, host, sizeof host,
                        serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV)) {
        snprintf(l->name, sizeof l->name,
                 ss.ss_family == AF_INET6 ? "tcp:[%s]:%s" : "tcp:%s:%s",
                 host, serv);
    } else {
        snprintf(l->name, sizeof l->name, "%s", spec);
    }
    l->ev = event_new(base, fd, EV_READ | EV_PERSIST, listener_cb, l);
    l->retry_ev = event_new(base, -1, 0, listener_retry_cb, l);
    event_add(l->ev, NULL);
    ofc_list_push_back(&listeners, &l->node);
    OFC_INFO(OFC_LOG_CONN, OFC_NO_DPID, "listening on %s", l->name);
    return 0;
}

/* ---- Module. --------------------------------------------------------- */

void
ofc_conn_init(struct event_base *b, const struct ofc_conn_options *o)
{
    struct timeval tv = { o->echo_interval, 0 };
    base = b;
    options = *o;
    echo_tv = event_base_init_common_timeout(base, &tv);
    if (!echo_tv) {
        static struct timeval fallback;
        fallback = tv;
        echo_tv = &fallback;
    }
    ofc_list_init(&conns);
    ofc_list_init(&dead_conns);
    ofc_list_init(&dirty_conns);
    ofc_list_init(&listeners);
    flush_ev = event_new(base, -1, 0, flush_cb, NULL);
    reap_ev = event_new(base, -1, 0, reap_cb, NULL);
    ofp_arena_init(&scratch);
    n_conns = 0;
}

void
ofc_conn_shutdown(void)
{
    while (!ofc_list_is_empty(&conns)) {
        struct ofc_conn *c = OFC_CONTAINER_OF(conns.next, struct ofc_conn,
                                              list_node);
        conn_kill(c, "ofcd is shutting down", true);
    }
    reap_cb(-1, 0, NULL);
    while (!ofc_list_is_empty(&listeners)) {
        struct listener *l = OFC_CONTAINER_OF(listeners.next,
                                              struct listener, node);
        ofc_list_remove(&l->node);
        event_free(l->ev);
        event_free(l->retry_ev);
        close(l->fd);
        free(l);
    }
    event_free(flush_ev);
    event_free(reap_ev);
    ofp_arena_destroy(&scratch);
}
