/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Formatters for the OpenFlow 1.3 messages, in the text Open vSwitch 3.1's
 * `ovs-ofctl ofp-print` prints after its "OFPT_X (OF1.3) (xid=0x..):"
 * prefix, plus the generic ofp_decode()/ofp_encode()/ofp_format() dispatch.
 *
 * Each formatter first writes Open vSwitch's text as is, newlines
 * included, then squeezes it onto one line: every run of white space that
 * holds a newline becomes a single space, and leading and trailing white
 * space goes.  White space within a line (e.g. in a hex dump) is kept. */

#include "ofp/ofp-msgs.h"

#include <inttypes.h>
#include <string.h>
#include "ofp/ofp-packet.h"

#define OFP_DEFAULT_PRIORITY 0x8000

/* ---- Text helpers. --------------------------------------------------- */

/* Squeezes the text appended to 's' since offset 'start' onto one line, as
 * described at the top of this file. */
static void
squeeze(struct ofp_ds *s, size_t start)
{
    if (!s->string || s->length <= start) {
        return;
    }
    char *p = s->string + start;
    size_t n = s->length - start;
    size_t in = 0, out = 0;

    while (in < n && (p[in] == ' ' || p[in] == '\n')) {
        in++;
    }
    while (in < n) {
        if (p[in] == ' ' || p[in] == '\n') {
            size_t run = in;
            bool newline = false;
            while (run < n && (p[run] == ' ' || p[run] == '\n')) {
                newline |= p[run] == '\n';
                run++;
            }
            if (run == n) {
                break;
            }
            if (newline) {
                p[out++] = ' ';
            } else {
                memmove(p + out, p + in, run - in);
                out += run - in;
            }
            in = run;
        } else {
            p[out++] = p[in++];
        }
    }
    s->length = start + out;
    s->string[s->length] = '\0';
}

void
ofp_ds_put_hex_dump(struct ofp_ds *s, const void *data_, size_t len,
                    bool ascii)
{
    const uint8_t *data = data_;
    for (size_t ofs = 0; ofs < len; ofs += 16) {
        size_t n = len - ofs < 16 ? len - ofs : 16;
        size_t i;

        ofp_ds_put_format(s, "%08zx  ", ofs);
        for (i = 0; i < n; i++) {
            ofp_ds_put_format(s, "%02x%c", data[ofs + i], i == 7 ? '-' : ' ');
        }
        if (ascii) {
            for (; i < 16; i++) {
                ofp_ds_put_cstr(s, "   ");
            }
            ofp_ds_put_char(s, '|');
            for (i = 0; i < n; i++) {
                uint8_t c = data[ofs + i];
                ofp_ds_put_char(s, c >= 32 && c < 127 ? (char) c : '.');
            }
            for (; i < 16; i++) {
                ofp_ds_put_char(s, ' ');
            }
            ofp_ds_put_char(s, '|');
        } else {
            ofp_ds_chomp(s, " ");
        }
        ofp_ds_put_char(s, '\n');
    }
}

/* Appends a match preceded by "priority=N," when N is not the default, as
 * Open vSwitch's match_format() does. */
static void
format_match_priority(const struct ofp_match *m, uint16_t priority,
                      struct ofp_ds *s)
{
    if (priority != OFP_DEFAULT_PRIORITY) {
        ofp_ds_put_format(s, "priority=%"PRIu16",", priority);
    }
    ofp_match_format(m, s);
    ofp_ds_chomp(s, ",");
}

/* ---- Packet summaries. ----------------------------------------------- */

/* Appends an IPv4 or IPv6 frame's L3 and L4 fields. */
static void
format_packet_ip(const struct ofp_packet *pkt, struct ofp_ds *s)
{
    bool v6 = pkt->l3 == OFP_PKT_L3_IPV6;
    if (v6) {
        ofp_ds_put_cstr(s, ",ipv6_src=");
        ofp_ds_put_ipv6(s, pkt->ipv6_src);
        ofp_ds_put_cstr(s, ",ipv6_dst=");
        ofp_ds_put_ipv6(s, pkt->ipv6_dst);
        ofp_ds_put_format(s, ",ipv6_label=0x%05"PRIx32, pkt->ipv6_flabel);
    } else {
        ofp_ds_put_cstr(s, ",nw_src=");
        ofp_ds_put_ipv4(s, pkt->ipv4_src);
        ofp_ds_put_cstr(s, ",nw_dst=");
        ofp_ds_put_ipv4(s, pkt->ipv4_dst);
    }
    bool known_l4 = (pkt->ip_proto == OFP_IPPROTO_TCP
                     || pkt->ip_proto == OFP_IPPROTO_UDP
                     || pkt->ip_proto == OFP_IPPROTO_SCTP
                     || pkt->ip_proto == (v6 ? OFP_IPPROTO_ICMPV6
                                             : OFP_IPPROTO_ICMP));
    if (!known_l4) {
        ofp_ds_put_format(s, ",nw_proto=%u", pkt->ip_proto);
    }
    ofp_ds_put_format(s, ",nw_tos=%u,nw_ecn=%u,nw_ttl=%u",
                      pkt->ip_tos & 0xfc, pkt->ip_tos & 3, pkt->ip_ttl);
    bool later = pkt->flags & OFP_PKT_F_LATER_FRAG;
    ofp_ds_put_format(s, ",nw_frag=%s",
                      later ? "later"
                      : pkt->flags & OFP_PKT_F_FRAGMENT ? "first" : "no");
    switch (pkt->l4) {
    case OFP_PKT_L4_TCP:
    case OFP_PKT_L4_UDP:
    case OFP_PKT_L4_SCTP:
        ofp_ds_put_format(s, ",tp_src=%u,tp_dst=%u", pkt->tp_src,
                          pkt->tp_dst);
        break;
    case OFP_PKT_L4_ICMP:
    case OFP_PKT_L4_ICMPV6:
        ofp_ds_put_format(s, ",icmp_type=%u,icmp_code=%u", pkt->icmp_type,
                          pkt->icmp_code);
        break;
    case OFP_PKT_L4_NONE:
        break;
    }
    if (pkt->l4 == OFP_PKT_L4_TCP) {
        static const char *const names[] = {
            "fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns",
        };
        if (pkt->tcp_flags) {
            ofp_ds_put_cstr(s, ",tcp_flags=");
            for (int i = 0; i < 9; i++) {
                if (pkt->tcp_flags & (1u << i)) {
                    ofp_ds_put_format(s, "%s|", names[i]);
                }
            }
            ofp_ds_chomp(s, "|");
        } else {
            ofp_ds_put_cstr(s, ",tcp_flags=0");
        }
    }

    /* The L4 checksum, when its header is complete. */
    if (pkt->l4 != OFP_PKT_L4_NONE && pkt->l4_ofs != OFP_PKT_OFS_NONE) {
        const uint8_t *l4 = pkt->data + pkt->l4_ofs;
        size_t left = pkt->len - pkt->l4_ofs;
        if (pkt->l4 == OFP_PKT_L4_TCP && left >= 20) {
            ofp_ds_put_format(s, " tcp_csum:%x", ofp_get_be16(l4 + 16));
        } else if (pkt->l4 == OFP_PKT_L4_UDP && left >= 8) {
            ofp_ds_put_format(s, " udp_csum:%x", ofp_get_be16(l4 + 6));
        } else if (pkt->l4 == OFP_PKT_L4_SCTP && left >= 12) {
            ofp_ds_put_format(s, " sctp_csum:%"PRIx32, ofp_get_be32(l4 + 8));
        } else if (pkt->l4 == OFP_PKT_L4_ICMP && left >= 8) {
            ofp_ds_put_format(s, " icmp_csum:%x", ofp_get_be16(l4 + 2));
        } else if (pkt->l4 == OFP_PKT_L4_ICMPV6 && left >= 8) {
            ofp_ds_put_format(s, " icmp6_csum:%x", ofp_get_be16(l4 + 2));
        }
    }
}

/* Appends what Open vSwitch's ofp_packet_to_string() prints for the usual
 * frames: Ethernet (+ VLAN), ARP, IPv4 and IPv6 with TCP, UDP, SCTP,
 * ICMP.  Frames cut inside a header are summarised up to their last
 * complete layer, which may differ from Open vSwitch in corner cases. */
void
ofp_packet_summary_format(const uint8_t *data, size_t len, struct ofp_ds *s)
{
    struct ofp_packet pkt;
    ofp_packet_parse(data, len, &pkt);
    if (pkt.layer == OFP_PKT_LAYER_NONE) {
        return;
    }

    const char *proto = NULL;
    if (pkt.l3 == OFP_PKT_L3_ARP) {
        proto = "arp";
    } else if (pkt.l3 == OFP_PKT_L3_IPV4 || pkt.l3 == OFP_PKT_L3_IPV6) {
        bool v6 = pkt.l3 == OFP_PKT_L3_IPV6;
        switch (pkt.ip_proto) {
        case OFP_IPPROTO_TCP:
            proto = v6 ? "tcp6" : "tcp";
            break;
        case OFP_IPPROTO_UDP:
            proto = v6 ? "udp6" : "udp";
            break;
        case OFP_IPPROTO_SCTP:
            proto = v6 ? "sctp6" : "sctp";
            break;
        case OFP_IPPROTO_ICMP:
            proto = v6 ? NULL : "icmp";
            break;
        case OFP_IPPROTO_ICMPV6:
            proto = v6 ? "icmp6" : NULL;
            break;
        }
        if (!proto) {
            proto = v6 ? "ipv6" : "ip";
        }
    }
    if (proto) {
        ofp_ds_put_format(s, "%s,", proto);
    }
    if (pkt.n_vlans) {
        const struct ofp_pkt_vlan *v = &pkt.vlans[0];
        ofp_ds_put_format(s, "dl_vlan=%u,dl_vlan_pcp=%u,", v->vid, v->pcp);
        if (pkt.n_vlans > 1) {
            const struct ofp_pkt_vlan *v2 = &pkt.vlans[1];
            ofp_ds_put_format(s, "vlan_tci1=0x%04x,",
                              (v2->pcp << 13) | (v2->dei << 12) | v2->vid
                              | 0x1000);
        } else {
            ofp_ds_put_cstr(s, "vlan_tci1=0x0000,");
        }
    } else {
        ofp_ds_put_cstr(s, "vlan_tci=0x0000,");
    }
    ofp_ds_put_cstr(s, "dl_src=");
    ofp_ds_put_mac(s, pkt.eth_src);
    ofp_ds_put_cstr(s, ",dl_dst=");
    ofp_ds_put_mac(s, pkt.eth_dst);
    if (!proto) {
        ofp_ds_put_format(s, ",dl_type=0x%04"PRIx16, pkt.eth_type);
    }
    if (pkt.l3 == OFP_PKT_L3_ARP) {
        ofp_ds_put_cstr(s, ",arp_spa=");
        ofp_ds_put_ipv4(s, pkt.arp_spa);
        ofp_ds_put_cstr(s, ",arp_tpa=");
        ofp_ds_put_ipv4(s, pkt.arp_tpa);
        ofp_ds_put_format(s, ",arp_op=%u,arp_sha=", pkt.arp_op);
        ofp_ds_put_mac(s, pkt.arp_sha);
        ofp_ds_put_cstr(s, ",arp_tha=");
        ofp_ds_put_mac(s, pkt.arp_tha);
    } else if (pkt.l3 == OFP_PKT_L3_IPV4 || pkt.l3 == OFP_PKT_L3_IPV6) {
        format_packet_ip(&pkt, s);
    }
}

/* ---- Names. ---------------------------------------------------------- */

const char *
ofp_msg_kind_name(enum ofp_msg_kind kind)
{
    switch (kind) {
    case OFP_MSG_HELLO: return "OFPT_HELLO";
    case OFP_MSG_ERROR: return "OFPT_ERROR";
    case OFP_MSG_ECHO_REQUEST: return "OFPT_ECHO_REQUEST";
    case OFP_MSG_ECHO_REPLY: return "OFPT_ECHO_REPLY";
    case OFP_MSG_EXPERIMENTER: return "OFPT_EXPERIMENTER";
    case OFP_MSG_FEATURES_REQUEST: return "OFPT_FEATURES_REQUEST";
    case OFP_MSG_FEATURES_REPLY: return "OFPT_FEATURES_REPLY";
    case OFP_MSG_GET_CONFIG_REQUEST: return "OFPT_GET_CONFIG_REQUEST";
    case OFP_MSG_GET_CONFIG_REPLY: return "OFPT_GET_CONFIG_REPLY";
    case OFP_MSG_SET_CONFIG: return "OFPT_SET_CONFIG";
    case OFP_MSG_PACKET_IN: return "OFPT_PACKET_IN";
    case OFP_MSG_FLOW_REMOVED: return "OFPT_FLOW_REMOVED";
    case OFP_MSG_PORT_STATUS: return "OFPT_PORT_STATUS";
    case OFP_MSG_PACKET_OUT: return "OFPT_PACKET_OUT";
    case OFP_MSG_FLOW_MOD: return "OFPT_FLOW_MOD";
    case OFP_MSG_GROUP_MOD: return "OFPT_GROUP_MOD";
    case OFP_MSG_PORT_MOD: return "OFPT_PORT_MOD";
    case OFP_MSG_TABLE_MOD: return "OFPT_TABLE_MOD";
    case OFP_MSG_MULTIPART_REQUEST: return "OFPT_MULTIPART_REQUEST";
    case OFP_MSG_MULTIPART_REPLY: return "OFPT_MULTIPART_REPLY";
    case OFP_MSG_BARRIER_REQUEST: return "OFPT_BARRIER_REQUEST";
    case OFP_MSG_BARRIER_REPLY: return "OFPT_BARRIER_REPLY";
    case OFP_MSG_ROLE_REQUEST: return "OFPT_ROLE_REQUEST";
    case OFP_MSG_ROLE_REPLY: return "OFPT_ROLE_REPLY";
    case OFP_MSG_GET_ASYNC_REQUEST: return "OFPT_GET_ASYNC_REQUEST";
    case OFP_MSG_GET_ASYNC_REPLY: return "OFPT_GET_ASYNC_REPLY";
    case OFP_MSG_SET_ASYNC: return "OFPT_SET_ASYNC";
    case OFP_MSG_METER_MOD: return "OFPT_METER_MOD";
    case OFP_MSG_BUNDLE_CONTROL: return "ONFT_BUNDLE_CONTROL";
    case OFP_MSG_BUNDLE_ADD: return "ONFT_BUNDLE_ADD_MESSAGE";
    }
    return "OFPT_UNKNOWN";
}

/* Open vSwitch's name for a multipart type, "OFPST_FLOW" and so on. */
static const char *
multipart_name(uint16_t type)
{
    switch (type) {
    case OFPMP_DESC: return "OFPST_DESC";
    case OFPMP_FLOW: return "OFPST_FLOW";
    case OFPMP_AGGREGATE: return "OFPST_AGGREGATE";
    case OFPMP_TABLE: return "OFPST_TABLE";
    case OFPMP_PORT_STATS: return "OFPST_PORT";
    case OFPMP_QUEUE: return "OFPST_QUEUE";
    case OFPMP_GROUP: return "OFPST_GROUP";
    case OFPMP_GROUP_DESC: return "OFPST_GROUP_DESC";
    case OFPMP_GROUP_FEATURES: return "OFPST_GROUP_FEATURES";
    case OFPMP_METER: return "OFPST_METER";
    case OFPMP_METER_CONFIG: return "OFPST_METER_CONFIG";
    case OFPMP_METER_FEATURES: return "OFPST_METER_FEATURES";
    case OFPMP_TABLE_FEATURES: return "OFPST_TABLE_FEATURES";
    case OFPMP_PORT_DESC: return "OFPST_PORT_DESC";
    default: return "OFPST_EXPERIMENTER";
    }
}

/* Open vSwitch's name for a raw OFPT_* type. */
static const char *
type_name(uint8_t type)
{
    static const char *const names[] = {
        "OFPT_HELLO", "OFPT_ERROR", "OFPT_ECHO_REQUEST", "OFPT_ECHO_REPLY",
        "OFPT_EXPERIMENTER", "OFPT_FEATURES_REQUEST", "OFPT_FEATURES_REPLY",
        "OFPT_GET_CONFIG_REQUEST", "OFPT_GET_CONFIG_REPLY",
        "OFPT_SET_CONFIG", "OFPT_PACKET_IN", "OFPT_FLOW_REMOVED",
        "OFPT_PORT_STATUS", "OFPT_PACKET_OUT", "OFPT_FLOW_MOD",
        "OFPT_GROUP_MOD", "OFPT_PORT_MOD", "OFPT_TABLE_MOD",
        "OFPT_MULTIPART_REQUEST", "OFPT_MULTIPART_REPLY",
        "OFPT_BARRIER_REQUEST", "OFPT_BARRIER_REPLY",
        "OFPT_QUEUE_GET_CONFIG_REQUEST", "OFPT_QUEUE_GET_CONFIG_REPLY",
        "OFPT_ROLE_REQUEST", "OFPT_ROLE_REPLY", "OFPT_GET_ASYNC_REQUEST",
        "OFPT_GET_ASYNC_REPLY", "OFPT_SET_ASYNC", "OFPT_METER_MOD",
    };
    return type < sizeof names / sizeof *names ? names[type] : "OFPT_UNKNOWN";
}

/* Open vSwitch's name for an error: ours (the spec's), except for the
 * codes Open vSwitch names differently. */
static const char *
error_name(enum ofperr e)
{
    switch ((int) e) {
    case OFPERR_OFPBRC_IS_SLAVE: return "OFPBRC_IS_SECONDARY";
    case OFPERR_OFPBRC_BAD_MULTIPART: return "OFPBRC_BAD_STAT";
    case OFPERR_OFPBRC_BAD_EXPERIMENTER: return "OFPBRC_BAD_VENDOR";
    case OFPERR_OFPBRC_BAD_EXP_TYPE: return "OFPBRC_BAD_SUBTYPE";
    case OFPERR_OFPBAC_BAD_EXPERIMENTER: return "OFPBAC_BAD_VENDOR";
    case OFPERR_OFPBAC_BAD_EXP_TYPE: return "OFPBAC_BAD_VENDOR_TYPE";
    /* OpenFlow 1.3's table-features codes 2..4 are property errors in
     * Open vSwitch. */
    case OFPERR_OFPTFFC_BAD_TYPE: return "OFPBPC_BAD_TYPE";
    case OFPERR_OFPTFFC_BAD_LEN: return "OFPBPC_BAD_LEN";
    case OFPERR_OFPTFFC_BAD_ARGUMENT: return "OFPBPC_BAD_VALUE";
    }
    return ofperr_name(e);
}

/* ---- Per-message formatters. ----------------------------------------- */

void
ofp_format_hello(const struct ofp_hello *h, struct ofp_ds *s)
{
    size_t start = s->length;
    ofp_ds_put_cstr(s, "version bitmap: ");
    for (int i = 0; i < 32; i++) {
        if (h->version_bitmap & (1u << i)) {
            ofp_ds_put_format(s, "0x%02x, ", i);
        }
    }
    ofp_ds_chomp(s, ", ");
    squeeze(s, start);
}

void
ofp_format_error(const struct ofp_error_msg *em, struct ofp_ds *s)
{
    size_t start = s->length;
    enum ofperr e = 0;
    if (em->type != OFPET_EXPERIMENTER) {
        e = ofperr_from_type_code(em->type, em->code);
    }
    if (!e) {
        if (em->type == OFPET_EXPERIMENTER) {
            ofp_ds_put_format(s, "OFPET_EXPERIMENTER experimenter=0x%"PRIx32
                              " exp_type=%"PRIu16, em->experimenter,
                              em->exp_type);
        } else {
            ofp_ds_put_format(s, "type=%"PRIu16" code=%"PRIu16, em->type,
                              em->code);
        }
    } else {
        ofp_ds_put_cstr(s, error_name(e));
    }
    ofp_ds_put_char(s, '\n');
    if (em->type == OFPET_HELLO_FAILED) {
        for (size_t i = 0; i < em->data_len; i++) {
            uint8_t c = em->data[i];
            if (c < 0x20 || c > 0x7e || c == '\\' || c == '"') {
                ofp_ds_put_format(s, "\\%03o", c);
            } else {
                ofp_ds_put_char(s, (char) c);
            }
        }
    } else {
        ofp_format_raw(em->data, em->data_len, s);
    }
    squeeze(s, start);
}

void
ofp_format_echo(const struct ofp_echo *echo, struct ofp_ds *s)
{
    size_t start = s->length;
    ofp_ds_put_format(s, "%zu bytes of payload\n", echo->data_len);
    ofp_ds_put_hex_dump(s, echo->data, echo->data_len, true);
    squeeze(s, start);
}

void
ofp_format_experimenter(const struct ofp_experimenter_msg *em,
                        struct ofp_ds *s)
{
    size_t start = s->length;
    ofp_ds_put_format(s, "experimenter=0x%08"PRIx32" exp_type=%"PRIu32
                      " %zu bytes of data\n", em->experimenter, em->exp_type,
                      em->data_len);
    ofp_ds_put_hex_dump(s, em->data, em->data_len, true);
    squeeze(s, start);
}

/* Open vSwitch's names for the OFPC_* capability bits of OpenFlow 1.3. */
static const char *
capability_name(uint32_t bit)
{
    switch (bit) {
    case OFPC_FLOW_STATS: return "FLOW_STATS";
    case OFPC_TABLE_STATS: return "TABLE_STATS";
    case OFPC_PORT_STATS: return "PORT_STATS";
    case OFPC_GROUP_STATS: return "GROUP_STATS";
    case OFPC_IP_REASM: return "IP_REASM";
    case OFPC_QUEUE_STATS: return "QUEUE_STATS";
    case OFPC_PORT_BLOCKED: return "PORT_BLOCKED";
    }
    return NULL;
}

void
ofp_format_features_reply(const struct ofp_features_reply *fr,
                          struct ofp_ds *s)
{
    size_t start = s->length;
    ofp_ds_put_format(s, "dpid:%016"PRIx64"\n", fr->datapath_id);
    ofp_ds_put_format(s, "n_tables:%u, n_buffers:%"PRIu32, fr->n_tables,
                      fr->n_buffers);
    if (fr->auxiliary_id) {
        ofp_ds_put_format(s, ", auxiliary_id:%u", fr->auxiliary_id);
    }
    ofp_ds_put_cstr(s, "\ncapabilities: ");
    /* Open vSwitch drops unknown bits and prints GROUP_STATS where its own
     * bit 4 puts it, between PORT_STATS and IP_REASM. */
    static const uint32_t order[] = {
        OFPC_FLOW_STATS, OFPC_TABLE_STATS, OFPC_PORT_STATS,
        OFPC_GROUP_STATS, OFPC_IP_REASM, OFPC_QUEUE_STATS, OFPC_PORT_BLOCKED,
    };
    int n = 0;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        if (fr->capabilities & order[i]) {
            ofp_ds_put_format(s, "%s%s", n++ ? " " : "",
                              capability_name(order[i]));
        }
    }
    if (!n) {
        ofp_ds_put_char(s, '0');
    }
    squeeze(s, start);
}

void
ofp_format_switch_config(const struct ofp_switch_config *sc,
                         struct ofp_ds *s)
{
    static const char *const frags[] = {
        "normal", "drop", "reassemble", "nx-match",
    };
    ofp_ds_put_format(s, "frags=%s miss_send_len=%"PRIu16,
                      frags[sc->flags & 3], sc->miss_send_len);
}

/* Open vSwitch's name for a packet-in reason. */
static void
format_packet_in_reason(uint8_t reason, struct ofp_ds *s)
{
    static const char *const names[] = {
        "no_match", "action", "invalid_ttl", "action_set", "group",
        "packet_out",
    };
    if (reason < sizeof names / sizeof *names) {
        ofp_ds_put_cstr(s, names[reason]);
    } else {
        ofp_ds_put_format(s, "%u", reason);
    }
}

void
ofp_format_packet_in(const struct ofp_packet_in *pin, struct ofp_ds *s)
{
    size_t start = s->length;
    if (pin->table_id) {
        ofp_ds_put_format(s, " table_id=%u", pin->table_id);
    }
    if (pin->cookie != UINT64_MAX) {
        ofp_ds_put_format(s, " cookie=0x%"PRIx64, pin->cookie);
    }
    ofp_ds_put_format(s, " total_len=%u ", pin->total_len);
    ofp_match_format(&pin->match, s);
    ofp_ds_put_cstr(s, " (via ");
    format_packet_in_reason(pin->reason, s);
    ofp_ds_put_format(s, ") data_len=%zu", pin->data_len);
    if (pin->buffer_id == OFP_NO_BUFFER) {
        ofp_ds_put_cstr(s, " (unbuffered)");
        if (pin->total_len != pin->data_len) {
            ofp_ds_put_cstr(s, " (***total_len != data_len***)");
        }
    } else {
        ofp_ds_put_format(s, " buffer=0x%08"PRIx32, pin->buffer_id);
        if (pin->total_len < pin->data_len) {
            ofp_ds_put_cstr(s, " (***total_len < data_len***)");
        }
    }
    ofp_ds_put_char(s, '\n');
    ofp_packet_summary_format(pin->data, pin->data_len, s);
    squeeze(s, start);
}

void
ofp_format_flow_removed(const struct ofp_flow_removed *fr, struct ofp_ds *s)
{
    static const char *const reasons[] = {
        "idle", "hard", "delete", "group_delete", "eviction", "meter_delete",
    };
    size_t start = s->length;
    format_match_priority(&fr->match, fr->priority, s);
    ofp_ds_put_cstr(s, " reason=");
    if (fr->reason < sizeof reasons / sizeof *reasons) {
        ofp_ds_put_cstr(s, reasons[fr->reason]);
    } else {
        ofp_ds_put_format(s, "%u", fr->reason);
    }
    if (fr->table_id != 255) {
        ofp_ds_put_format(s, " table_id=%u", fr->table_id);
    }
    if (fr->cookie) {
        ofp_ds_put_format(s, " cookie:0x%"PRIx64, fr->cookie);
    }
    ofp_ds_put_cstr(s, " duration");
    ofp_ds_put_duration(s, fr->duration_sec, fr->duration_nsec);
    ofp_ds_put_format(s, " idle%"PRIu16, fr->idle_timeout);
    if (fr->hard_timeout) {
        ofp_ds_put_format(s, " hard%"PRIu16, fr->hard_timeout);
    }
    ofp_ds_put_format(s, " pkts%"PRIu64" bytes%"PRIu64, fr->packet_count,
                      fr->byte_count);
    squeeze(s, start);
}

void
ofp_format_port_status(const struct ofp_port_status *ps, struct ofp_ds *s)
{
    size_t start = s->length;
    if (ps->reason == OFPPR_ADD) {
        ofp_ds_put_cstr(s, "ADD:");
    } else if (ps->reason == OFPPR_DELETE) {
        ofp_ds_put_cstr(s, "DEL:");
    } else if (ps->reason == OFPPR_MODIFY) {
        ofp_ds_put_cstr(s, "MOD:");
    }
    /* Exactly one space before the port, whether or not the port
     * formatter starts with one. */
    ofp_ds_put_char(s, ' ');
    size_t port = s->length;
    ofp_port_desc_format(&ps->desc, s);
    while (s->length > port && s->string[port] == ' ') {
        memmove(s->string + port, s->string + port + 1, s->length - port);
        s->length--;
    }
    squeeze(s, start);
}

void
ofp_format_packet_out(const struct ofp_packet_out *po, struct ofp_ds *s)
{
    size_t start = s->length;
    struct ofp_match m;
    ofp_match_init(&m);
    ofp_match_set_u32(&m, OFP_F_IN_PORT, po->in_port);
    ofp_match_format(&m, s);
    ofp_ds_put_cstr(s, " actions=");
    ofp_actions_format(po->actions.actions, po->actions.n, s);
    if (po->buffer_id == OFP_NO_BUFFER) {
        ofp_ds_put_format(s, " data_len=%zu", po->data_len);
        if (po->data_len) {
            ofp_ds_put_char(s, '\n');
            ofp_packet_summary_format(po->data, po->data_len, s);
        }
    } else {
        ofp_ds_put_format(s, " buffer=0x%08"PRIx32, po->buffer_id);
    }
    squeeze(s, start);
}

void
ofp_format_flow_mod(const struct ofp_flow_mod *fm, struct ofp_ds *s)
{
    static const char *const commands[] = {
        "ADD", "MOD", "MOD_STRICT", "DEL", "DEL_STRICT",
    };
    size_t start = s->length;

    if (fm->command < sizeof commands / sizeof *commands) {
        ofp_ds_put_cstr(s, commands[fm->command]);
    } else {
        ofp_ds_put_format(s, "cmd:%u", fm->command);
    }
    if (fm->table_id) {
        ofp_ds_put_format(s, " table:%u", fm->table_id);
    }
    ofp_ds_put_char(s, ' ');
    format_match_priority(&fm->match, fm->priority, s);
    if (s->string[s->length - 1] != ' ') {
        ofp_ds_put_char(s, ' ');
    }

    /* Open vSwitch reads the cookie of an ADD as the new cookie, and of
     * anything else as a cookie to match under 'cookie_mask'. */
    if (fm->command == OFPFC_ADD) {
        if (fm->cookie && fm->cookie != UINT64_MAX) {
            ofp_ds_put_format(s, "cookie:0x%"PRIx64" ", fm->cookie);
        }
    } else if (fm->cookie_mask) {
        ofp_ds_put_format(s, "cookie:0x%"PRIx64"/0x%"PRIx64" ", fm->cookie,
                          fm->cookie_mask);
    }
    if (fm->idle_timeout) {
        ofp_ds_put_format(s, "idle:%"PRIu16" ", fm->idle_timeout);
    }
    if (fm->hard_timeout) {
        ofp_ds_put_format(s, "hard:%"PRIu16" ", fm->hard_timeout);
    }
    if (fm->buffer_id != OFP_NO_BUFFER) {
        ofp_ds_put_format(s, "buf:0x%"PRIx32" ", fm->buffer_id);
    }
    if (fm->out_port != OFPP_ANY) {
        ofp_ds_put_cstr(s, "out_port:");
        ofp_port_no_format(fm->out_port, s);
        ofp_ds_put_char(s, ' ');
    }
    if (fm->flags & OFPFF_SEND_FLOW_REM) {
        ofp_ds_put_cstr(s, "send_flow_rem ");
    }
    if (fm->flags & OFPFF_CHECK_OVERLAP) {
        ofp_ds_put_cstr(s, "check_overlap ");
    }
    if (fm->flags & OFPFF_RESET_COUNTS) {
        ofp_ds_put_cstr(s, "reset_counts ");
    }
    if (fm->flags & OFPFF_NO_PKT_COUNTS) {
        ofp_ds_put_cstr(s, "no_packet_counts ");
    }
    if (fm->flags & OFPFF_NO_BYT_COUNTS) {
        ofp_ds_put_cstr(s, "no_byte_counts ");
    }
    ofp_ds_put_cstr(s, "actions=");
    ofp_instructions_format(&fm->instructions, s);
    squeeze(s, start);
}

void
ofp_format_group_mod(const struct ofp_group_mod *gm, struct ofp_ds *s)
{
    static const char *const commands[] = { "ADD", "MOD", "DEL" };
    static const char *const types[] = {
        "all", "select", "indirect", "ff", "unknown",
    };
    size_t start = s->length;
    if (gm->command < 3) {
        ofp_ds_put_cstr(s, commands[gm->command]);
    } else {
        ofp_ds_put_format(s, "cmd:%"PRIu16, gm->command);
    }
    ofp_ds_put_format(s, " group_id=%"PRIu32",type=%s", gm->group_id,
                      types[gm->type > 4 ? 4 : gm->type]);
    if (gm->n_buckets) {
        ofp_ds_put_char(s, ',');
        ofp_buckets_format(gm->buckets, gm->n_buckets, gm->type, s);
    }
    squeeze(s, start);
}

void
ofp_format_port_mod(const struct ofp_port_mod *pm, struct ofp_ds *s)
{
    static const char *const features[] = {
        "10MB-HD", "10MB-FD", "100MB-HD", "100MB-FD", "1GB-HD", "1GB-FD",
        "10GB-FD", "40GB-FD", "100GB-FD", "1TB-FD", "OTHER", "COPPER",
        "FIBER", "AUTO_NEG", "AUTO_PAUSE", "AUTO_PAUSE_ASYM",
    };
    const uint32_t all = (OFPPC_PORT_DOWN | OFPPC_NO_RECV | OFPPC_NO_FWD
                          | OFPPC_NO_PACKET_IN);
    uint32_t mask = pm->mask & all;
    uint32_t config = pm->config & mask;
    size_t start = s->length;

    ofp_ds_put_cstr(s, "port: ");
    ofp_port_no_format(pm->port_no, s);
    ofp_ds_put_cstr(s, ": addr:");
    ofp_ds_put_mac(s, pm->hw_addr);
    for (int pass = 0; pass < 2; pass++) {
        uint32_t bits = pass ? mask : config;
        ofp_ds_put_cstr(s, pass ? "\n     mask:   " : "\n     config: ");
        if (!bits) {
            ofp_ds_put_char(s, '0');
        }
        const char *sep = "";
        if (bits & OFPPC_PORT_DOWN) {
            ofp_ds_put_format(s, "%sPORT_DOWN", sep);
            sep = " ";
        }
        if (bits & OFPPC_NO_RECV) {
            ofp_ds_put_format(s, "%sNO_RECV", sep);
            sep = " ";
        }
        if (bits & OFPPC_NO_FWD) {
            ofp_ds_put_format(s, "%sNO_FWD", sep);
            sep = " ";
        }
        if (bits & OFPPC_NO_PACKET_IN) {
            ofp_ds_put_format(s, "%sNO_PACKET_IN", sep);
        }
    }
    ofp_ds_put_cstr(s, "\n     advertise: ");
    if (pm->advertise) {
        uint32_t adv = pm->advertise;
        int n = 0;
        for (int i = 0; i < 16; i++) {
            if (adv & (1u << i)) {
                ofp_ds_put_format(s, "%s%s", n++ ? " " : "", features[i]);
                adv &= ~(1u << i);
            }
        }
        if (adv) {
            ofp_ds_put_format(s, "%s0x%"PRIx32, n ? " " : "", adv);
        }
    } else {
        ofp_ds_put_cstr(s, "UNCHANGED");
    }
    squeeze(s, start);
}

void
ofp_format_table_mod(const struct ofp_table_mod *tm, struct ofp_ds *s)
{
    if (tm->table_id == 0xff) {
        ofp_ds_put_cstr(s, "table_id: ALL_TABLES");
    } else {
        ofp_ds_put_format(s, "table_id=%u", tm->table_id);
    }
}

/* Appends "meter=N" or "meter=all" and so on. */
static void
format_meter_id(uint32_t id, struct ofp_ds *s)
{
    if (id <= 0xffff0000u) {
        ofp_ds_put_format(s, "meter=%"PRIu32, id);
    } else {
        ofp_ds_put_format(s, "meter=%s",
                          id == 0xfffffffdu ? "slowpath"
                          : id == 0xfffffffeu ? "controller"
                          : id == 0xffffffffu ? "all" : "unknown");
    }
}

/* Formats bands the way Open vSwitch's ofputil_format_meter_band() does,
 * for a meter with 'flags' (burst_size shows only with OFPMF_BURST). */
static void
format_bands(const struct ofp_meter_band *bands, size_t n, uint16_t flags,
             struct ofp_ds *s)
{
    for (size_t i = 0; i < n; i++) {
        const struct ofp_meter_band *mb = &bands[i];
        ofp_ds_put_cstr(s, "\ntype=");
        if (mb->type == OFPMBT_DROP) {
            ofp_ds_put_cstr(s, "drop");
        } else if (mb->type == OFPMBT_DSCP_REMARK) {
            ofp_ds_put_cstr(s, "dscp_remark");
        } else {
            ofp_ds_put_format(s, "%"PRIu16, mb->type);
        }
        ofp_ds_put_format(s, " rate=%"PRIu32, mb->rate);
        if (flags & OFPMF_BURST) {
            ofp_ds_put_format(s, " burst_size=%"PRIu32, mb->burst_size);
        }
        if (mb->type == OFPMBT_DSCP_REMARK) {
            ofp_ds_put_format(s, " prec_level=%u", mb->prec_level);
        }
    }
}

void
ofp_meter_bands_format(const struct ofp_meter_band *bands, size_t n,
                       struct ofp_ds *s)
{
    size_t start = s->length;
    format_bands(bands, n, OFPMF_BURST, s);
    squeeze(s, start);
}

/* Appends Open vSwitch's text for a meter's flags, each followed by a
 * space. */
static void
format_meter_flags(uint16_t flags, struct ofp_ds *s)
{
    if (flags & OFPMF_KBPS) {
        ofp_ds_put_cstr(s, "kbps ");
    }
    if (flags & OFPMF_PKTPS) {
        ofp_ds_put_cstr(s, "pktps ");
    }
    if (flags & OFPMF_BURST) {
        ofp_ds_put_cstr(s, "burst ");
    }
    if (flags & OFPMF_STATS) {
        ofp_ds_put_cstr(s, "stats ");
    }
    flags &= ~(OFPMF_KBPS | OFPMF_PKTPS | OFPMF_BURST | OFPMF_STATS);
    if (flags) {
        ofp_ds_put_format(s, "flags:0x%x ", flags);
    }
}

void
ofp_format_meter_mod(const struct ofp_meter_mod *mm, struct ofp_ds *s)
{
    static const char *const commands[] = { "ADD", "MOD", "DEL" };
    size_t start = s->length;
    if (mm->command < 3) {
        ofp_ds_put_format(s, "%s ", commands[mm->command]);
    } else {
        ofp_ds_put_format(s, "cmd:%"PRIu16" ", mm->command);
    }
    format_meter_id(mm->meter_id, s);
    ofp_ds_put_char(s, ' ');
    format_meter_flags(mm->flags, s);
    ofp_ds_put_cstr(s, "bands=");
    format_bands(mm->bands, mm->n_bands, mm->flags, s);
    squeeze(s, start);
}

/* Formats a ROLE_REQUEST ('reply' false) or ROLE_REPLY body.  Open vSwitch
 * omits the generation id of a "nochange" request and any all-ones one. */
static void
format_role(const struct ofp_role *role, bool reply, struct ofp_ds *s)
{
    static const char *const roles[] = {
        "nochange", "equal", "primary", "secondary",
    };
    ofp_ds_put_cstr(s, "role=");
    if (role->role < 4) {
        ofp_ds_put_cstr(s, roles[role->role]);
    } else {
        ofp_ds_put_format(s, "%"PRIu32, role->role);
    }
    if ((reply || role->role != OFPCR_ROLE_NOCHANGE)
        && role->generation_id != UINT64_MAX) {
        ofp_ds_put_format(s, " generation_id=%"PRIu64, role->generation_id);
    }
}

/* Formats 'role' as a ROLE_REQUEST's body. */
void
ofp_format_role(const struct ofp_role *role, struct ofp_ds *s)
{
    format_role(role, false, s);
}

/* Appends the reasons set in 'mask' from 'names' (of 'n'), as Open
 * vSwitch's async config formatter does, or " (off)". */
static void
format_async_mask(uint32_t mask, const char *const *names, size_t n,
                  struct ofp_ds *s)
{
    for (int j = 0; j < 32; j++) {
        if (mask & (1u << j)) {
            if ((size_t) j < n) {
                ofp_ds_put_format(s, " %s", names[j]);
            } else {
                ofp_ds_put_format(s, " %d", j);
            }
        }
    }
    if (!mask) {
        ofp_ds_put_cstr(s, " (off)");
    }
}

void
ofp_format_async_config(const struct ofp_async_config *ac, struct ofp_ds *s)
{
    static const char *const pin[] = {
        "no_match", "action", "invalid_ttl", "action_set", "group",
        "packet_out",
    };
    static const char *const ps[] = { "add", "delete", "modify" };
    static const char *const fr[] = {
        "idle", "hard", "delete", "group_delete", "eviction",
        "meter_delete",
    };
    size_t start = s->length;
    for (int i = 0; i < 2; i++) {
        ofp_ds_put_format(s, "\n %s:\n", i == 0 ? "primary" : "secondary");
        ofp_ds_put_format(s, "%16s:", "PACKET_IN");
        format_async_mask(ac->packet_in_mask[i], pin, 6, s);
        ofp_ds_put_format(s, "\n%16s:", "PORT_STATUS");
        format_async_mask(ac->port_status_mask[i], ps, 3, s);
        ofp_ds_put_format(s, "\n%16s:", "FLOW_REMOVED");
        format_async_mask(ac->flow_removed_mask[i], fr, 6, s);
        ofp_ds_put_format(s, "\n%16s: (off)\n%16s: (off)\n%16s: (off)\n",
                          "ROLE_STATUS", "TABLE_STATUS", "REQUESTFORWARD");
    }
    squeeze(s, start);
}

/* ---- Generic dispatch. ----------------------------------------------- */

/* Maps a decoded ONF experimenter message to its bundle kind, if any. */
static enum ofperr
decode_experimenter_kind(const uint8_t *msg, size_t len,
                         struct ofp_arena *arena, struct ofp_msg *m)
{
    struct ofp_experimenter_msg em;
    enum ofperr error = ofp_decode_experimenter(msg, len, &em);
    if (error) {
        return error;
    }
    if (em.experimenter == OFP_ONF_VENDOR_ID) {
        if (em.exp_type == ONFT_BUNDLE_CONTROL) {
            m->kind = OFP_MSG_BUNDLE_CONTROL;
            return ofp_decode_bundle_ctrl(msg, len, &m->bundle_ctrl);
        } else if (em.exp_type == ONFT_BUNDLE_ADD_MESSAGE) {
            m->kind = OFP_MSG_BUNDLE_ADD;
            return ofp_decode_bundle_add(msg, len, arena, &m->bundle_add);
        }
    }
    m->kind = OFP_MSG_EXPERIMENTER;
    m->experimenter = em;
    return 0;
}

enum ofperr
ofp_decode(const uint8_t *msg, size_t len, struct ofp_arena *arena,
           struct ofp_msg *m)
{
    struct ofp_header_info h;
    enum ofperr error = ofp_header_decode(msg, len, &h);
    if (error) {
        return error;
    }
    if (h.length != len) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    m->version = h.version;
    m->xid = h.xid;
    if (h.type == OFPT_HELLO) {
        m->kind = OFP_MSG_HELLO;
        return ofp_decode_hello(msg, len, &m->hello);
    }
    if (h.version != OFP13_VERSION) {
        return OFPERR_OFPBRC_BAD_VERSION;
    }

    switch ((enum ofp_type) h.type) {
    case OFPT_HELLO:
        break;
    case OFPT_ERROR:
        m->kind = OFP_MSG_ERROR;
        return ofp_decode_error(msg, len, &m->error);
    case OFPT_ECHO_REQUEST:
    case OFPT_ECHO_REPLY:
        m->kind = (h.type == OFPT_ECHO_REQUEST
                   ? OFP_MSG_ECHO_REQUEST : OFP_MSG_ECHO_REPLY);
        return ofp_decode_echo(msg, len, &m->echo);
    case OFPT_EXPERIMENTER:
        return decode_experimenter_kind(msg, len, arena, m);
    case OFPT_FEATURES_REQUEST:
        m->kind = OFP_MSG_FEATURES_REQUEST;
        return ofp_decode_empty(msg, len, h.type);
    case OFPT_FEATURES_REPLY:
        m->kind = OFP_MSG_FEATURES_REPLY;
        return ofp_decode_features_reply(msg, len, &m->features_reply);
    case OFPT_GET_CONFIG_REQUEST:
        m->kind = OFP_MSG_GET_CONFIG_REQUEST;
        return ofp_decode_empty(msg, len, h.type);
    case OFPT_GET_CONFIG_REPLY:
    case OFPT_SET_CONFIG:
        m->kind = (h.type == OFPT_SET_CONFIG
                   ? OFP_MSG_SET_CONFIG : OFP_MSG_GET_CONFIG_REPLY);
        return ofp_decode_switch_config(msg, len, &m->switch_config);
    case OFPT_PACKET_IN:
        m->kind = OFP_MSG_PACKET_IN;
        return ofp_decode_packet_in(msg, len, &m->packet_in);
    case OFPT_FLOW_REMOVED:
        m->kind = OFP_MSG_FLOW_REMOVED;
        return ofp_decode_flow_removed(msg, len, &m->flow_removed);
    case OFPT_PORT_STATUS:
        m->kind = OFP_MSG_PORT_STATUS;
        return ofp_decode_port_status(msg, len, &m->port_status);
    case OFPT_PACKET_OUT:
        m->kind = OFP_MSG_PACKET_OUT;
        return ofp_decode_packet_out(msg, len, arena, &m->packet_out);
    case OFPT_FLOW_MOD:
        m->kind = OFP_MSG_FLOW_MOD;
        return ofp_decode_flow_mod(msg, len, arena, &m->flow_mod);
    case OFPT_GROUP_MOD:
        m->kind = OFP_MSG_GROUP_MOD;
        return ofp_decode_group_mod(msg, len, arena, &m->group_mod);
    case OFPT_PORT_MOD:
        m->kind = OFP_MSG_PORT_MOD;
        return ofp_decode_port_mod(msg, len, &m->port_mod);
    case OFPT_TABLE_MOD:
        m->kind = OFP_MSG_TABLE_MOD;
        return ofp_decode_table_mod(msg, len, &m->table_mod);
    case OFPT_MULTIPART_REQUEST:
        m->kind = OFP_MSG_MULTIPART_REQUEST;
        return ofp_decode_multipart_request(msg, len, arena, &m->mp_request);
    case OFPT_MULTIPART_REPLY:
        m->kind = OFP_MSG_MULTIPART_REPLY;
        return ofp_decode_multipart_reply(msg, len, arena, &m->mp_reply);
    case OFPT_BARRIER_REQUEST:
    case OFPT_BARRIER_REPLY:
        m->kind = (h.type == OFPT_BARRIER_REQUEST
                   ? OFP_MSG_BARRIER_REQUEST : OFP_MSG_BARRIER_REPLY);
        return ofp_decode_empty(msg, len, h.type);
    case OFPT_QUEUE_GET_CONFIG_REQUEST:
    case OFPT_QUEUE_GET_CONFIG_REPLY:
        break;
    case OFPT_ROLE_REQUEST:
    case OFPT_ROLE_REPLY:
        m->kind = (h.type == OFPT_ROLE_REQUEST
                   ? OFP_MSG_ROLE_REQUEST : OFP_MSG_ROLE_REPLY);
        return ofp_decode_role(msg, len, &m->role);
    case OFPT_GET_ASYNC_REQUEST:
        m->kind = OFP_MSG_GET_ASYNC_REQUEST;
        return ofp_decode_empty(msg, len, h.type);
    case OFPT_GET_ASYNC_REPLY:
    case OFPT_SET_ASYNC:
        m->kind = (h.type == OFPT_SET_ASYNC
                   ? OFP_MSG_SET_ASYNC : OFP_MSG_GET_ASYNC_REPLY);
        return ofp_decode_async_config(msg, len, &m->async);
    case OFPT_METER_MOD:
        m->kind = OFP_MSG_METER_MOD;
        return ofp_decode_meter_mod(msg, len, arena, &m->meter_mod);
    }
    return OFPERR_OFPBRC_BAD_TYPE;
}

void
ofp_encode(const struct ofp_msg *m, struct ofpbuf *b)
{
    uint32_t xid = m->xid;
    switch (m->kind) {
    case OFP_MSG_HELLO:
        ofp_encode_hello(&m->hello, xid, b);
        break;
    case OFP_MSG_ERROR:
        ofp_encode_error(&m->error, xid, b);
        break;
    case OFP_MSG_ECHO_REQUEST:
        ofp_encode_echo(&m->echo, OFPT_ECHO_REQUEST, xid, b);
        break;
    case OFP_MSG_ECHO_REPLY:
        ofp_encode_echo(&m->echo, OFPT_ECHO_REPLY, xid, b);
        break;
    case OFP_MSG_EXPERIMENTER:
        ofp_encode_experimenter(&m->experimenter, xid, b);
        break;
    case OFP_MSG_FEATURES_REQUEST:
        ofp_encode_empty(OFPT_FEATURES_REQUEST, xid, b);
        break;
    case OFP_MSG_FEATURES_REPLY:
        ofp_encode_features_reply(&m->features_reply, xid, b);
        break;
    case OFP_MSG_GET_CONFIG_REQUEST:
        ofp_encode_empty(OFPT_GET_CONFIG_REQUEST, xid, b);
        break;
    case OFP_MSG_GET_CONFIG_REPLY:
        ofp_encode_switch_config(&m->switch_config, OFPT_GET_CONFIG_REPLY,
                                 xid, b);
        break;
    case OFP_MSG_SET_CONFIG:
        ofp_encode_switch_config(&m->switch_config, OFPT_SET_CONFIG, xid, b);
        break;
    case OFP_MSG_PACKET_IN:
        ofp_encode_packet_in(&m->packet_in, xid, b);
        break;
    case OFP_MSG_FLOW_REMOVED:
        ofp_encode_flow_removed(&m->flow_removed, xid, b);
        break;
    case OFP_MSG_PORT_STATUS:
        ofp_encode_port_status(&m->port_status, xid, b);
        break;
    case OFP_MSG_PACKET_OUT:
        ofp_encode_packet_out(&m->packet_out, xid, b);
        break;
    case OFP_MSG_FLOW_MOD:
        ofp_encode_flow_mod(&m->flow_mod, xid, b);
        break;
    case OFP_MSG_GROUP_MOD:
        ofp_encode_group_mod(&m->group_mod, xid, b);
        break;
    case OFP_MSG_PORT_MOD:
        ofp_encode_port_mod(&m->port_mod, xid, b);
        break;
    case OFP_MSG_TABLE_MOD:
        ofp_encode_table_mod(&m->table_mod, xid, b);
        break;
    case OFP_MSG_MULTIPART_REQUEST:
        ofp_encode_multipart_request(&m->mp_request, xid, b);
        break;
    case OFP_MSG_MULTIPART_REPLY:
        ofp_encode_multipart_reply(&m->mp_reply, xid, b);
        break;
    case OFP_MSG_BARRIER_REQUEST:
        ofp_encode_empty(OFPT_BARRIER_REQUEST, xid, b);
        break;
    case OFP_MSG_BARRIER_REPLY:
        ofp_encode_empty(OFPT_BARRIER_REPLY, xid, b);
        break;
    case OFP_MSG_ROLE_REQUEST:
        ofp_encode_role(&m->role, OFPT_ROLE_REQUEST, xid, b);
        break;
    case OFP_MSG_ROLE_REPLY:
        ofp_encode_role(&m->role, OFPT_ROLE_REPLY, xid, b);
        break;
    case OFP_MSG_GET_ASYNC_REQUEST:
        ofp_encode_empty(OFPT_GET_ASYNC_REQUEST, xid, b);
        break;
    case OFP_MSG_GET_ASYNC_REPLY:
        ofp_encode_async_config(&m->async, OFPT_GET_ASYNC_REPLY, xid, b);
        break;
    case OFP_MSG_SET_ASYNC:
        ofp_encode_async_config(&m->async, OFPT_SET_ASYNC, xid, b);
        break;
    case OFP_MSG_METER_MOD:
        ofp_encode_meter_mod(&m->meter_mod, xid, b);
        break;
    case OFP_MSG_BUNDLE_CONTROL:
        ofp_encode_bundle_ctrl(&m->bundle_ctrl, xid, b);
        break;
    case OFP_MSG_BUNDLE_ADD:
        ofp_encode_bundle_add(&m->bundle_add, xid, b);
        break;
    }
}

/* Appends the body text of 'm' (no prefix). */
static void
format_body(const struct ofp_msg *m, struct ofp_ds *s)
{
    switch (m->kind) {
    case OFP_MSG_HELLO:
        ofp_format_hello(&m->hello, s);
        break;
    case OFP_MSG_ERROR:
        ofp_format_error(&m->error, s);
        break;
    case OFP_MSG_ECHO_REQUEST:
    case OFP_MSG_ECHO_REPLY:
        ofp_format_echo(&m->echo, s);
        break;
    case OFP_MSG_EXPERIMENTER:
        ofp_format_experimenter(&m->experimenter, s);
        break;
    case OFP_MSG_FEATURES_REPLY:
        ofp_format_features_reply(&m->features_reply, s);
        break;
    case OFP_MSG_GET_CONFIG_REPLY:
    case OFP_MSG_SET_CONFIG:
        ofp_format_switch_config(&m->switch_config, s);
        break;
    case OFP_MSG_PACKET_IN:
        ofp_format_packet_in(&m->packet_in, s);
        break;
    case OFP_MSG_FLOW_REMOVED:
        ofp_format_flow_removed(&m->flow_removed, s);
        break;
    case OFP_MSG_PORT_STATUS:
        ofp_format_port_status(&m->port_status, s);
        break;
    case OFP_MSG_PACKET_OUT:
        ofp_format_packet_out(&m->packet_out, s);
        break;
    case OFP_MSG_FLOW_MOD:
        ofp_format_flow_mod(&m->flow_mod, s);
        break;
    case OFP_MSG_GROUP_MOD:
        ofp_format_group_mod(&m->group_mod, s);
        break;
    case OFP_MSG_PORT_MOD:
        ofp_format_port_mod(&m->port_mod, s);
        break;
    case OFP_MSG_TABLE_MOD:
        ofp_format_table_mod(&m->table_mod, s);
        break;
    case OFP_MSG_MULTIPART_REQUEST:
        ofp_format_multipart_request(&m->mp_request, s);
        break;
    case OFP_MSG_MULTIPART_REPLY:
        ofp_format_multipart_reply(&m->mp_reply, s);
        break;
    case OFP_MSG_ROLE_REQUEST:
        format_role(&m->role, false, s);
        break;
    case OFP_MSG_ROLE_REPLY:
        format_role(&m->role, true, s);
        break;
    case OFP_MSG_GET_ASYNC_REPLY:
    case OFP_MSG_SET_ASYNC:
        ofp_format_async_config(&m->async, s);
        break;
    case OFP_MSG_METER_MOD:
        ofp_format_meter_mod(&m->meter_mod, s);
        break;
    case OFP_MSG_BUNDLE_CONTROL:
        ofp_format_bundle_ctrl(&m->bundle_ctrl, s);
        break;
    case OFP_MSG_BUNDLE_ADD:
        ofp_format_bundle_add(&m->bundle_add, s);
        break;
    case OFP_MSG_FEATURES_REQUEST:
    case OFP_MSG_GET_CONFIG_REQUEST:
    case OFP_MSG_BARRIER_REQUEST:
    case OFP_MSG_BARRIER_REPLY:
    case OFP_MSG_GET_ASYNC_REQUEST:
        break;
    }
}

void
ofp_format(const struct ofp_msg *m, struct ofp_ds *s)
{
    uint16_t mp_flags = 0;

    if (m->kind == OFP_MSG_MULTIPART_REQUEST) {
        ofp_ds_put_format(s, "%s request", multipart_name(m->mp_request.type));
        mp_flags = m->mp_request.flags;
    } else if (m->kind == OFP_MSG_MULTIPART_REPLY) {
        ofp_ds_put_format(s, "%s reply", multipart_name(m->mp_reply.type));
        mp_flags = m->mp_reply.flags;
    } else {
        ofp_ds_put_cstr(s, ofp_msg_kind_name(m->kind));
    }
    if (m->version != OFP13_VERSION && m->version) {
        ofp_ds_put_format(s, " (OF 0x%02x)", m->version);
    }
    ofp_ds_put_format(s, " (xid=0x%"PRIx32"): ", m->xid);
    if (mp_flags) {
        ofp_ds_put_cstr(s, "flags=");
        if (mp_flags & OFPMPF_REPLY_MORE) {
            ofp_ds_put_cstr(s, "[more]");
        }
        if (mp_flags & ~OFPMPF_REPLY_MORE) {
            ofp_ds_put_format(s, "[***unknown flags 0x%04"PRIx16"***]",
                              (uint16_t) (mp_flags & ~OFPMPF_REPLY_MORE));
        }
        ofp_ds_put_char(s, ' ');
    }
    size_t body = s->length;
    format_body(m, s);
    squeeze(s, body);
    if (s->length == body) {
        ofp_ds_chomp(s, " ");
    }
}

void
ofp_format_raw(const uint8_t *msg, size_t len, struct ofp_ds *s)
{
    size_t start = s->length;
    if (!len) {
        ofp_ds_put_cstr(s, "OpenFlow message is empty");
        return;
    }
    if (len < OFP_HEADER_LEN) {
        ofp_ds_put_format(s, "OpenFlow packet too short (only %zu bytes):\n",
                          len);
        ofp_ds_put_hex_dump(s, msg, len, true);
        squeeze(s, start);
        return;
    }
    uint16_t length = ofp_get_be16(msg + 2);
    uint32_t xid = ofp_get_be32(msg + 4);
    if (length > len) {
        ofp_ds_put_format(s, "%s (xid=0x%"PRIx32"):\n"
                          "(***truncated to %zu bytes from %"PRIu16"***)\n",
                          type_name(msg[1]), xid, len, length);
        ofp_ds_put_hex_dump(s, msg, len, true);
    } else if (length < len) {
        ofp_ds_put_format(s, "(***only uses %"PRIu16" bytes out of %zu***)\n",
                          length, len);
        ofp_ds_put_hex_dump(s, msg, len, true);
    } else {
        struct ofp_arena arena;
        struct ofp_msg m;
        ofp_arena_init(&arena);
        enum ofperr error = ofp_decode(msg, len, &arena, &m);
        if (!error) {
            ofp_format(&m, s);
        } else {
            ofp_ds_put_format(s, "%s (xid=0x%"PRIx32"): "
                              "***decode error: %s***\n",
                              type_name(msg[1]), xid, error_name(error));
            ofp_ds_put_hex_dump(s, msg, len, true);
        }
        ofp_arena_destroy(&arena);
    }
    squeeze(s, start);
}
