/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofbench-responder: the most trivial OpenFlow 1.3 "controller", used to
 * measure ofbench's own ceiling and to check its counting.
 *
 * It accepts any number of switches, sends HELLO, FEATURES_REQUEST and a
 * BARRIER_REQUEST, answers ECHO_REQUESTs, and answers every PACKET_IN with
 * one PACKET_OUT (output:FLOOD) that carries the packet-in's frame.  It
 * does no learning, so its cost per message is a header read and two
 * memcpy()s, far below any real controller's.  On SIGINT or SIGTERM it
 * prints how many packet-ins it received and how many packet-outs it
 * wrote, so the totals can be compared with ofbench's. */

#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-msgs.h"

/* One accepted switch connection.  Owns its buffers. */
struct conn {
    int fd;
    uint8_t *rbuf;
    size_t rlen, rcap;
    struct ofpbuf out;
    size_t out_ofs;
    bool want_out;
};

static int epfd;
static volatile sig_atomic_t stop;
static uint64_t n_packet_ins, n_packet_outs, n_conns;
static uint8_t po_tmpl[64];     /* PACKET_OUT up to its data. */
static size_t po_len;

/* Builds the PACKET_OUT header template with libofp. */
static void
build_template(void)
{
    struct ofp_action out = { .kind = OFP_ACT_OUTPUT };
    struct ofp_packet_out po = { .buffer_id = OFP_NO_BUFFER,
                                 .in_port = OFPP_CONTROLLER };
    struct ofpbuf b = OFPBUF_INITIALIZER;

    out.output.port = OFPP_FLOOD;
    po.actions.actions = &out;
    po.actions.n = 1;
    ofp_encode_packet_out(&po, 0, &b);
    po_len = b.size;
    memcpy(po_tmpl, b.data, b.size);
    ofpbuf_uninit(&b);
}

/* Updates the epoll interest of 'c'. */
static void
conn_epoll(struct conn *c, int op)
{
    struct epoll_event ev = {
        .events = EPOLLIN | (c->want_out ? EPOLLOUT : 0), .data.ptr = c,
    };
    epoll_ctl(epfd, op, c->fd, &ev);
}

/* Frees 'c'. */
static void
conn_close(struct conn *c)
{
    close(c->fd);
    free(c->rbuf);
    ofpbuf_uninit(&c->out);
    free(c);
}

/* Writes queued output; returns false if 'c' died. */
static bool
conn_flush(struct conn *c)
{
    while (c->out_ofs < c->out.size) {
        ssize_t n = send(c->fd, c->out.data + c->out_ofs,
                         c->out.size - c->out_ofs, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                break;
            }
            conn_close(c);
            return false;
        }
        c->out_ofs += n;
    }
    bool pending = c->out_ofs < c->out.size;
    if (!pending) {
        ofpbuf_clear(&c->out);
        c->out_ofs = 0;
    }
    if (pending != c->want_out) {
        c->want_out = pending;
        conn_epoll(c, EPOLL_CTL_MOD);
    }
    return true;
}

/* Answers one message. */
static void
conn_handle(struct conn *c, const uint8_t *msg, size_t len)
{
    uint8_t type = msg[1];
    uint32_t xid = ofp_get_be32(msg + 4);

    if (type == OFPT_PACKET_IN && len >= 32) {
        /* buffer_id(4) total_len(2) reason table cookie(8) | match. */
        size_t match_len = ofp_get_be16(msg + 26);
        size_t data_ofs = 24 + ((match_len + 7) / 8) * 8 + 2;
        if (data_ofs > len) {
            return;
        }
        size_t data_len = len - data_ofs;
        uint8_t *p = ofpbuf_put_uninit(&c->out, po_len + data_len);
        memcpy(p, po_tmpl, po_len);
        memcpy(p + po_len, msg + data_ofs, data_len);
        ofp_put_be16(p + 2, po_len + data_len);
        ofp_put_be32(p + 4, xid);
        ofp_put_be32(p + 12, ofp_get_be32(msg + 32));   /* in_port. */
        n_packet_ins++;
        n_packet_outs++;
    } else if (type == OFPT_ECHO_REQUEST) {
        struct ofp_echo echo = { msg + 8, len - 8 };
        ofp_encode_echo(&echo, OFPT_ECHO_REPLY, xid, &c->out);
    }
}

/* Reads and answers everything available on 'c'. */
static void
conn_read(struct conn *c)
{
    for (;;) {
        if (c->rcap - c->rlen < 65536) {
            c->rcap *= 2;
            c->rbuf = realloc(c->rbuf, c->rcap);
        }
        ssize_t n = recv(c->fd, c->rbuf + c->rlen, c->rcap - c->rlen, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
            conn_close(c);
            return;
        }
        if (n < 0) {
            break;
        }
        c->rlen += n;
        size_t ofs = 0;
        while (c->rlen - ofs >= 8) {
            size_t len = ofp_get_be16(c->rbuf + ofs + 2);
            if (len < 8) {
                conn_close(c);
                return;
            }
            if (c->rlen - ofs < len) {
                break;
            }
            conn_handle(c, c->rbuf + ofs, len);
            ofs += len;
        }
        memmove(c->rbuf, c->rbuf + ofs, c->rlen - ofs);
        c->rlen -= ofs;
    }
    conn_flush(c);
}

/* Accepts every pending connection on 'lfd' and starts its handshake. */
static void
accept_all(int lfd)
{
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0) {
            return;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct conn *c = calloc(1, sizeof *c);
        c->fd = fd;
        c->rcap = 131072;
        c->rbuf = malloc(c->rcap);
        ofpbuf_init(&c->out, 65536);
        n_conns++;

        struct ofp_hello hello = { .version_bitmap = 1u << OFP13_VERSION };
        ofp_encode_hello(&hello, 1, &c->out);
        ofp_encode_empty(OFPT_FEATURES_REQUEST, 2, &c->out);
        ofp_encode_empty(OFPT_BARRIER_REQUEST, 3, &c->out);
        conn_epoll(c, EPOLL_CTL_ADD);
        conn_flush(c);
    }
}

/* Records the signal that ends the run. */
static void
on_signal(int sig)
{
    stop = sig;
}

int
main(int argc, char *argv[])
{
    if (argc != 2 || !strcmp(argv[1], "--help")) {
        printf("usage: ofbench-responder PORT\n"
               "Listens on 127.0.0.1:PORT; answers every PACKET_IN with "
               "a PACKET_OUT.\nPrints its counters on SIGINT/SIGTERM.\n");
        return argc == 2 ? 0 : 2;
    }
    struct rlimit rl = { 70000, 70000 };
    setrlimit(RLIMIT_NOFILE, &rl);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    build_template();

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sin = { .sin_family = AF_INET,
                               .sin_port = htons(atoi(argv[1])),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(lfd, (struct sockaddr *) &sin, sizeof sin) < 0
        || listen(lfd, 4096) < 0) {
        perror("ofbench-responder: bind/listen");
        return 1;
    }
    epfd = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &ev);

    struct epoll_event events[256];
    while (!stop) {
        int n = epoll_wait(epfd, events, 256, 100);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) {
                accept_all(lfd);
            } else if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
                conn_read(c);
            } else if (events[i].events & EPOLLOUT) {
                conn_flush(c);
            }
        }
    }
    printf("RESPONDER connections=%"PRIu64" packet_ins=%"PRIu64
           " packet_outs=%"PRIu64"\n", n_conns, n_packet_ins, n_packet_outs);
    return 0;
}
