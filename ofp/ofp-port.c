/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The OpenFlow 1.3 'struct ofp_port' (64 bytes) and its Open vSwitch style
 * text form, shared by PORT_STATUS and the PORT_DESC multipart reply. */

#include "ofp/ofp-port.h"

#include <ctype.h>
#include <string.h>
#include "ofp/ofp-actions.h"

/* Wire layout of struct ofp_port (OpenFlow 1.3.5, 7.2.1):
 *   0 port_no(4) 4 pad(4) 8 hw_addr(6) 14 pad(2) 16 name(16)
 *  32 config(4) 36 state(4) 40 curr(4) 44 advertised(4) 48 supported(4)
 *  52 peer(4) 56 curr_speed(4) 60 max_speed(4). */
_Static_assert(OFP_PORT_WIRE_LEN == 64, "struct ofp_port is 64 bytes");

/* Reads one 64-byte port; the name is always NUL-terminated. */
enum ofperr
ofp_port_decode(struct ofp_reader *r, struct ofp_port *port)
{
    const uint8_t *p;

    if (!ofp_reader_pull(r, OFP_PORT_WIRE_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    memset(port, 0, sizeof *port);
    port->port_no = ofp_get_be32(p);
    memcpy(port->hw_addr, p + 8, 6);
    /* The wire name need not be NUL-terminated: copy up to 16 bytes and
     * stop at the first NUL. */
    for (size_t i = 0; i < OFP_MAX_PORT_NAME_LEN && p[16 + i]; i++) {
        port->name[i] = (char) p[16 + i];
    }
    port->config = ofp_get_be32(p + 32);
    port->state = ofp_get_be32(p + 36);
    port->curr = ofp_get_be32(p + 40);
    port->advertised = ofp_get_be32(p + 44);
    port->supported = ofp_get_be32(p + 48);
    port->peer = ofp_get_be32(p + 52);
    port->curr_speed = ofp_get_be32(p + 56);
    port->max_speed = ofp_get_be32(p + 60);
    return 0;
}

/* Appends one 64-byte port, the name NUL-padded. */
void
ofp_port_encode(const struct ofp_port *port, struct ofpbuf *b)
{
    uint8_t *p = ofpbuf_put_zeros(b, OFP_PORT_WIRE_LEN);
    size_t name_len = strnlen(port->name, OFP_MAX_PORT_NAME_LEN);

    ofp_put_be32(p, port->port_no);
    memcpy(p + 8, port->hw_addr, 6);
    memcpy(p + 16, port->name, name_len);
    ofp_put_be32(p + 32, port->config);
    ofp_put_be32(p + 36, port->state);
    ofp_put_be32(p + 40, port->curr);
    ofp_put_be32(p + 44, port->advertised);
    ofp_put_be32(p + 48, port->supported);
    ofp_put_be32(p + 52, port->peer);
    ofp_put_be32(p + 56, port->curr_speed);
    ofp_put_be32(p + 60, port->max_speed);
}

/* Appends the names of the bits of 'bits' that 'names' (indexed by bit
 * number, NULL for unnamed bits) knows, separated by spaces, or "0" if
 * none: Open vSwitch first masks the wire value to the known bits. */
static void
format_bit_names(uint32_t bits, const char *const names[32],
                 struct ofp_ds *s)
{
    bool any = false;

    for (int i = 0; i < 32; i++) {
        if (bits & (1u << i) && names[i]) {
            if (any) {
                ofp_ds_put_char(s, ' ');
            }
            ofp_ds_put_cstr(s, names[i]);
            any = true;
        }
    }
    if (!any) {
        ofp_ds_put_char(s, '0');
    }
}

/* OFPPC_* names (OpenFlow 1.1+ bits only). */
static const char *const port_config_names[32] = {
    [0] = "PORT_DOWN", [2] = "NO_RECV", [5] = "NO_FWD", [6] = "NO_PACKET_IN",
};

/* OFPPS_* names. */
static const char *const port_state_names[32] = {
    [0] = "LINK_DOWN", [1] = "BLOCKED", [2] = "LIVE",
};

/* OFPPF_* names as Open vSwitch prints them. */
static const char *const port_feature_names[32] = {
    "10MB-HD", "10MB-FD", "100MB-HD", "100MB-FD", "1GB-HD", "1GB-FD",
    "10GB-FD", "40GB-FD", "100GB-FD", "1TB-FD", "OTHER", "COPPER", "FIBER",
    "AUTO_NEG", "AUTO_PAUSE", "AUTO_PAUSE_ASYM",
};

/* True if 'bits' has at least one bit that 'names' knows. */
static bool
has_named_bits(uint32_t bits, const char *const names[32])
{
    for (int i = 0; i < 32; i++) {
        if (bits & (1u << i) && names[i]) {
            return true;
        }
    }
    return false;
}

/* Appends one "label features" group if any known feature bit is set. */
static void
format_features_line(const char *label, uint32_t features, struct ofp_ds *s)
{
    if (has_named_bits(features, port_feature_names)) {
        ofp_ds_put_cstr(s, label);
        format_bit_names(features, port_feature_names, s);
    }
}

/* Formats a port as ovs-ofctl shows it, on one line. */
void
ofp_port_desc_format(const struct ofp_port *port, struct ofp_ds *s)
{
    char name[OFP_MAX_PORT_NAME_LEN];
    size_t i;

    /* Open vSwitch keeps at most 15 characters and stops at the first
     * unprintable one. */
    for (i = 0; i < sizeof name - 1; i++) {
        unsigned char c = (unsigned char) port->name[i];
        if (!c || !isprint(c)) {
            break;
        }
        name[i] = (char) c;
    }
    name[i] = '\0';

    ofp_port_no_format(port->port_no, s);
    ofp_ds_put_format(s, "(%s): addr:", name);
    ofp_ds_put_mac(s, port->hw_addr);
    ofp_ds_put_cstr(s, " config:     ");
    format_bit_names(port->config, port_config_names, s);
    ofp_ds_put_cstr(s, " state:      ");
    format_bit_names(port->state, port_state_names, s);
    format_features_line(" current:    ", port->curr, s);
    format_features_line(" advertised: ", port->advertised, s);
    format_features_line(" supported:  ", port->supported, s);
    format_features_line(" peer:       ", port->peer, s);
    ofp_ds_put_format(s, " speed: %u Mbps now, %u Mbps max",
                      port->curr_speed / 1000u, port->max_speed / 1000u);
}
