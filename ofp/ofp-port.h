/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_PORT_H
#define OFP_PORT_H 1

/* The OpenFlow 1.3 port description (struct ofp_port, 64 bytes), shared by
 * PORT_STATUS and the PORT_DESC multipart reply. */

#include <stdint.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"

#define OFP_MAX_PORT_NAME_LEN 16
#define OFP_PORT_WIRE_LEN 64

/* OFPPC_* config bits. */
#define OFPPC_PORT_DOWN    (1u << 0)
#define OFPPC_NO_RECV      (1u << 2)
#define OFPPC_NO_FWD       (1u << 5)
#define OFPPC_NO_PACKET_IN (1u << 6)
/* OFPPS_* state bits. */
#define OFPPS_LINK_DOWN (1u << 0)
#define OFPPS_BLOCKED   (1u << 1)
#define OFPPS_LIVE      (1u << 2)

struct ofp_port {
    uint32_t port_no;
    uint8_t hw_addr[6];
    char name[OFP_MAX_PORT_NAME_LEN + 1];   /* Always NUL-terminated. */
    uint32_t config;            /* OFPPC_*. */
    uint32_t state;             /* OFPPS_*. */
    uint32_t curr, advertised, supported, peer;     /* OFPPF_*. */
    uint32_t curr_speed, max_speed;                 /* kbps. */
};

/* Consumes exactly 64 bytes. */
enum ofperr ofp_port_decode(struct ofp_reader *, struct ofp_port *);
void ofp_port_encode(const struct ofp_port *, struct ofpbuf *);
/* Formats like ovs-ofctl, with its lines joined by single spaces:
 * "1(tap100i0): addr:52:54:00:aa:bb:cc config:     0 state:      0
 * speed: 0 Mbps now, 0 Mbps max" (current/advertised/supported/peer only
 * when they have known bits; the name cut at 15 characters). */
void ofp_port_desc_format(const struct ofp_port *, struct ofp_ds *);

#endif /* ofp-port.h */
