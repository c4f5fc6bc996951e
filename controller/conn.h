/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_CONN_H
#define OFC_CONN_H 1

/* OpenFlow connections: listeners, nonblocking accept, framing, the
 * handshake state machine, echo keepalive, the xid -> callback map, batched
 * output with back-pressure, and the mark-then-reap lifecycle.
 *
 * Handshake: on accept ofcd sends HELLO (version bitmap: 1.3 only).  On
 * the peer's HELLO it negotiates (bitmap element, or the header version
 * when there is none); a peer without 1.3 gets HELLO_FAILED/INCOMPATIBLE
 * and is closed.  Then FEATURES_REQUEST -> FEATURES_REPLY (dpid: the switch
 * is registered, replacing an older connection of the same dpid) ->
 * SET_CONFIG (miss_send_len = OFPCML_NO_BUFFER) -> PORT_DESC (all parts)
 * -> READY, when the apps get switch_up.
 *
 * A malformed message gets the OFPT_ERROR its decoder named and the
 * connection is closed.  Output is appended to the connection's buffer and
 * written once per event-loop iteration; write interest is registered only
 * when the socket would block.  A connection whose output queue passes
 * OFC_CONN_PAUSE_BYTES is not read until it drains below
 * OFC_CONN_RESUME_BYTES; one whose queue passes OFC_CONN_MAX_OUT_BYTES is
 * closed.  A connection is only marked dead inside its callbacks and
 * freed later from a separate event. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

struct event_base;
struct ofc_conn;

#define OFC_CONN_PAUSE_BYTES (1u << 20)         /* Stop reading above. */
#define OFC_CONN_RESUME_BYTES (256u << 10)      /* Read again below. */
#define OFC_CONN_MAX_OUT_BYTES (16u << 20)      /* Disconnect above. */
/* Cap on the parts of one multipart reply being joined (a flow dump of a
 * big switch is big, and it is one we asked for). */
#define OFC_CONN_MAX_REPLY_BYTES (256u << 20)

/* Settings of every connection. */
struct ofc_conn_options {
    int echo_interval;          /* Seconds between keepalives. */
    int echo_misses;            /* Unanswered keepalives before closing. */
};

/* Sets up the module on 'base'.  Call once before opening listeners. */
void ofc_conn_init(struct event_base *, const struct ofc_conn_options *);
/* Closes every connection and listener (best-effort flush of pending
 * output; flows on the switches are left alone) and frees everything. */
void ofc_conn_shutdown(void);

/* Parses 'spec' ("tcp:IP:PORT", "tcp:[IPv6]:PORT", port 6653 if left
 * out) into '*ss'.  Returns 0, or EINVAL with a malloc'ed message in
 * '*error'. */
int ofc_listen_parse(const char *spec, struct sockaddr_storage *ss,
                     socklen_t *ss_len, char **error);
/* Opens a listener on 'spec' ("tcp:IP:PORT", "tcp:[IPv6]:PORT"; port 0
 * picks a free one).  Returns 0, or an errno with a malloc'ed message in
 * '*error'. */
int ofc_listener_open(const char *spec, char **error);

/* Marks 'conn' dead: best-effort flush of its output, no more I/O, its
 * pending callbacks get NULL, its switch (if any) is unregistered and gets
 * switch_down; it is freed later, outside its callbacks.  Logs 'reason'. */
void ofc_conn_kill(struct ofc_conn *, const char *reason);
bool ofc_conn_is_dead(const struct ofc_conn *);
/* "IP:PORT" of the peer. */
const char *ofc_conn_peer(const struct ofc_conn *);
/* Live (not dead) connections. */
size_t ofc_conn_count(void);

#endif /* conn.h */
