/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_MSGS_H
#define OFP_MSGS_H 1

/* OpenFlow 1.3 messages: bytes <-> host-order structs <-> one line of text.
 *
 * Every message type has three symmetric functions over one struct:
 *
 *   enum ofperr ofp_decode_X(const uint8_t *msg, size_t len,
 *                            struct ofp_arena *, struct ofp_X *);
 *   void ofp_encode_X(const struct ofp_X *, uint32_t xid, struct ofpbuf *);
 *   void ofp_format_X(const struct ofp_X *, struct ofp_ds *);
 *
 * 'msg' is one whole message, header included, and 'len' is exactly its
 * header length.  Decoders never read outside [msg, msg + len) and return the
 * ofperr an OFPT_ERROR reply would carry.  Decoded structs may borrow from
 * 'msg' (packet data, error data, echo payloads) and from the arena (action
 * arrays), so they live as long as both.  PACKET_IN and FLOW_REMOVED take no
 * arena: they never allocate.  Encoders append one whole message, header
 * included, to the caller's buffer.  Formatters append the body text only;
 * ofp_format() adds the "OFPT_X (xid=0x..): " prefix.
 *
 * ofp_decode(), ofp_encode() and ofp_format() do the same over the tagged
 * union struct ofp_msg for any message. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-multipart.h"
#include "ofp/ofp-port.h"

#define OFP13_VERSION 0x04
#define OFP_HEADER_LEN 8
#define OFP_NO_BUFFER 0xffffffffu

/* OFPT_* wire message types for OpenFlow 1.3. */
enum ofp_type {
    OFPT_HELLO = 0,
    OFPT_ERROR = 1,
    OFPT_ECHO_REQUEST = 2,
    OFPT_ECHO_REPLY = 3,
    OFPT_EXPERIMENTER = 4,
    OFPT_FEATURES_REQUEST = 5,
    OFPT_FEATURES_REPLY = 6,
    OFPT_GET_CONFIG_REQUEST = 7,
    OFPT_GET_CONFIG_REPLY = 8,
    OFPT_SET_CONFIG = 9,
    OFPT_PACKET_IN = 10,
    OFPT_FLOW_REMOVED = 11,
    OFPT_PORT_STATUS = 12,
    OFPT_PACKET_OUT = 13,
    OFPT_FLOW_MOD = 14,
    OFPT_GROUP_MOD = 15,
    OFPT_PORT_MOD = 16,
    OFPT_TABLE_MOD = 17,
    OFPT_MULTIPART_REQUEST = 18,
    OFPT_MULTIPART_REPLY = 19,
    OFPT_BARRIER_REQUEST = 20,
    OFPT_BARRIER_REPLY = 21,
    OFPT_QUEUE_GET_CONFIG_REQUEST = 22,
    OFPT_QUEUE_GET_CONFIG_REPLY = 23,
    OFPT_ROLE_REQUEST = 24,
    OFPT_ROLE_REPLY = 25,
    OFPT_GET_ASYNC_REQUEST = 26,
    OFPT_GET_ASYNC_REPLY = 27,
    OFPT_SET_ASYNC = 28,
    OFPT_METER_MOD = 29,
};

/* What a decoded message is.  Mostly one per OFPT_*, but ONF bundle
 * messages, which travel as OFPT_EXPERIMENTER, get kinds of their own. */
enum ofp_msg_kind {
    OFP_MSG_HELLO,
    OFP_MSG_ERROR,
    OFP_MSG_ECHO_REQUEST,
    OFP_MSG_ECHO_REPLY,
    OFP_MSG_EXPERIMENTER,
    OFP_MSG_FEATURES_REQUEST,
    OFP_MSG_FEATURES_REPLY,
    OFP_MSG_GET_CONFIG_REQUEST,
    OFP_MSG_GET_CONFIG_REPLY,
    OFP_MSG_SET_CONFIG,
    OFP_MSG_PACKET_IN,
    OFP_MSG_FLOW_REMOVED,
    OFP_MSG_PORT_STATUS,
    OFP_MSG_PACKET_OUT,
    OFP_MSG_FLOW_MOD,
    OFP_MSG_GROUP_MOD,
    OFP_MSG_PORT_MOD,
    OFP_MSG_TABLE_MOD,
    OFP_MSG_MULTIPART_REQUEST,
    OFP_MSG_MULTIPART_REPLY,
    OFP_MSG_BARRIER_REQUEST,
    OFP_MSG_BARRIER_REPLY,
    OFP_MSG_ROLE_REQUEST,
    OFP_MSG_ROLE_REPLY,
    OFP_MSG_GET_ASYNC_REQUEST,
    OFP_MSG_GET_ASYNC_REPLY,
    OFP_MSG_SET_ASYNC,
    OFP_MSG_METER_MOD,
    OFP_MSG_BUNDLE_CONTROL,     /* ONF experimenter, exp_type 2300. */
    OFP_MSG_BUNDLE_ADD,         /* ONF experimenter, exp_type 2301. */
};

/* The fixed header, in host order. */
struct ofp_header_info {
    uint8_t version;
    uint8_t type;               /* enum ofp_type. */
    uint16_t length;
    uint32_t xid;
};

/* Reads the header of a message that starts at 'data' (>= 8 bytes
 * available).  Returns OFPBRC_BAD_LEN if its length is below 8. */
enum ofperr ofp_header_decode(const uint8_t *data, size_t avail,
                              struct ofp_header_info *);

/* HELLO.  'version_bitmap' bit N means OpenFlow wire version N is
 * supported; when the peer sent no bitmap element it holds only the
 * header's version. */
struct ofp_hello {
    uint32_t version_bitmap;
};

/* ERROR.  'data' is the start of the offending request (or, for
 * OFPET_HELLO_FAILED, ASCII text), borrowed from the message. */
struct ofp_error_msg {
    uint16_t type;              /* OFPET_*. */
    uint16_t code;
    uint16_t exp_type;          /* For OFPET_EXPERIMENTER. */
    uint32_t experimenter;      /* For OFPET_EXPERIMENTER. */
    const uint8_t *data;
    size_t data_len;
};

/* ECHO_REQUEST and ECHO_REPLY: arbitrary payload, borrowed. */
struct ofp_echo {
    const uint8_t *data;
    size_t data_len;
};

/* EXPERIMENTER (other than the bundle messages). */
struct ofp_experimenter_msg {
    uint32_t experimenter;
    uint32_t exp_type;
    const uint8_t *data;
    size_t data_len;
};

/* OFPC_* capabilities. */
#define OFPC_FLOW_STATS   (1u << 0)
#define OFPC_TABLE_STATS  (1u << 1)
#define OFPC_PORT_STATS   (1u << 2)
#define OFPC_GROUP_STATS  (1u << 3)
#define OFPC_IP_REASM     (1u << 5)
#define OFPC_QUEUE_STATS  (1u << 6)
#define OFPC_PORT_BLOCKED (1u << 8)

struct ofp_features_reply {
    uint64_t datapath_id;
    uint32_t n_buffers;
    uint8_t n_tables;
    uint8_t auxiliary_id;
    uint32_t capabilities;      /* OFPC_*. */
    uint32_t reserved;
};

/* GET_CONFIG_REPLY and SET_CONFIG. */
#define OFPC_FRAG_NORMAL 0
#define OFPC_FRAG_DROP   1
#define OFPC_FRAG_REASM  2
struct ofp_switch_config {
    uint16_t flags;             /* OFPC_FRAG_*. */
    uint16_t miss_send_len;
};

/* OFPR_* packet-in reasons. */
#define OFPR_NO_MATCH    0
#define OFPR_ACTION      1
#define OFPR_INVALID_TTL 2

/* PACKET_IN.  Decoding borrows 'data' and the match's unknown TLVs from
 * the message and allocates nothing. */
struct ofp_packet_in {
    uint32_t buffer_id;
    uint16_t total_len;
    uint8_t reason;             /* OFPR_*. */
    uint8_t table_id;
    uint64_t cookie;
    struct ofp_match match;
    const uint8_t *data;
    size_t data_len;
};

/* OFPRR_* flow-removed reasons. */
#define OFPRR_IDLE_TIMEOUT 0
#define OFPRR_HARD_TIMEOUT 1
#define OFPRR_DELETE       2
#define OFPRR_GROUP_DELETE 3

struct ofp_flow_removed {
    uint64_t cookie;
    uint16_t priority;
    uint8_t reason;             /* OFPRR_*. */
    uint8_t table_id;
    uint32_t duration_sec;
    uint32_t duration_nsec;
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint64_t packet_count;
    uint64_t byte_count;
    struct ofp_match match;
};

/* OFPPR_* port-status reasons. */
#define OFPPR_ADD    0
#define OFPPR_DELETE 1
#define OFPPR_MODIFY 2

struct ofp_port_status {
    uint8_t reason;             /* OFPPR_*. */
    struct ofp_port desc;
};

struct ofp_packet_out {
    uint32_t buffer_id;         /* OFP_NO_BUFFER to send 'data'. */
    uint32_t in_port;           /* OFPP_CONTROLLER if none. */
    struct ofp_action_list actions;
    const uint8_t *data;
    size_t data_len;
};

/* OFPFC_* flow-mod commands. */
#define OFPFC_ADD           0
#define OFPFC_MODIFY        1
#define OFPFC_MODIFY_STRICT 2
#define OFPFC_DELETE        3
#define OFPFC_DELETE_STRICT 4

/* OFPFF_* flow-mod flags. */
#define OFPFF_SEND_FLOW_REM (1u << 0)
#define OFPFF_CHECK_OVERLAP (1u << 1)
#define OFPFF_RESET_COUNTS  (1u << 2)
#define OFPFF_NO_PKT_COUNTS (1u << 3)
#define OFPFF_NO_BYT_COUNTS (1u << 4)

#define OFPTT_ALL 0xff

struct ofp_flow_mod {
    uint64_t cookie;
    uint64_t cookie_mask;
    uint8_t table_id;
    uint8_t command;            /* OFPFC_*. */
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint16_t priority;
    uint32_t buffer_id;
    uint32_t out_port;          /* OFPP_ANY unless deleting. */
    uint32_t out_group;         /* OFPG_ANY unless deleting. */
    uint16_t flags;             /* OFPFF_*. */
    struct ofp_match match;
    struct ofp_instructions instructions;
};

/* Fills 'fm' with the defaults of an ADD: buffer OFP_NO_BUFFER, out_port
 * OFPP_ANY, out_group OFPG_ANY, priority 0x8000, empty match and
 * instructions. */
void ofp_flow_mod_init(struct ofp_flow_mod *fm);

/* OFPGC_* (OFPGT_* group types are in ofp-actions.h). */
#define OFPGC_ADD    0
#define OFPGC_MODIFY 1
#define OFPGC_DELETE 2

struct ofp_group_mod {
    uint16_t command;           /* OFPGC_*. */
    uint8_t type;               /* OFPGT_*. */
    uint32_t group_id;
    const struct ofp_bucket *buckets;
    size_t n_buckets;
};

struct ofp_port_mod {
    uint32_t port_no;
    uint8_t hw_addr[6];
    uint32_t config;
    uint32_t mask;
    uint32_t advertise;
};

struct ofp_table_mod {
    uint8_t table_id;
    uint32_t config;
};

/* Meters. */
#define OFPMC_ADD    0
#define OFPMC_MODIFY 1
#define OFPMC_DELETE 2
#define OFPMF_KBPS  (1u << 0)
#define OFPMF_PKTPS (1u << 1)
#define OFPMF_BURST (1u << 2)
#define OFPMF_STATS (1u << 3)
#define OFPMBT_DROP         1
#define OFPMBT_DSCP_REMARK  2
#define OFPMBT_EXPERIMENTER 0xffff

struct ofp_meter_band {
    uint16_t type;              /* OFPMBT_*. */
    uint32_t rate;
    uint32_t burst_size;
    uint8_t prec_level;         /* DSCP_REMARK. */
    uint32_t experimenter;      /* EXPERIMENTER. */
};

struct ofp_meter_mod {
    uint16_t command;           /* OFPMC_*. */
    uint16_t flags;             /* OFPMF_*. */
    uint32_t meter_id;
    const struct ofp_meter_band *bands;
    size_t n_bands;
};

/* Decodes exactly 'len' bytes of meter bands; shared with METER_CONFIG. */
enum ofperr ofp_meter_bands_decode(struct ofp_reader *, size_t len,
                                   struct ofp_arena *,
                                   struct ofp_meter_band **, size_t *n);
void ofp_meter_bands_encode(const struct ofp_meter_band *, size_t n,
                            struct ofpbuf *);
void ofp_meter_bands_format(const struct ofp_meter_band *, size_t n,
                            struct ofp_ds *);

/* ROLE_REQUEST and ROLE_REPLY. */
#define OFPCR_ROLE_NOCHANGE 0
#define OFPCR_ROLE_EQUAL    1
#define OFPCR_ROLE_MASTER   2
#define OFPCR_ROLE_SLAVE    3
struct ofp_role {
    uint32_t role;              /* OFPCR_ROLE_*. */
    uint64_t generation_id;
};

/* GET_ASYNC_REPLY and SET_ASYNC.  Index 0 is the master/equal mask, 1 the
 * slave mask. */
struct ofp_async_config {
    uint32_t packet_in_mask[2];
    uint32_t port_status_mask[2];
    uint32_t flow_removed_mask[2];
};

/* ONF bundles in their OpenFlow 1.3 form. */
#define ONFT_BUNDLE_CONTROL 2300
#define ONFT_BUNDLE_ADD_MESSAGE 2301
#define OFPBCT_OPEN_REQUEST    0
#define OFPBCT_OPEN_REPLY      1
#define OFPBCT_CLOSE_REQUEST   2
#define OFPBCT_CLOSE_REPLY     3
#define OFPBCT_COMMIT_REQUEST  4
#define OFPBCT_COMMIT_REPLY    5
#define OFPBCT_DISCARD_REQUEST 6
#define OFPBCT_DISCARD_REPLY   7
#define OFPBF_ATOMIC  (1u << 0)
#define OFPBF_ORDERED (1u << 1)

struct ofp_bundle_ctrl {
    uint32_t bundle_id;
    uint16_t type;              /* OFPBCT_*. */
    uint16_t flags;             /* OFPBF_*. */
};

struct ofp_msg;

/* BUNDLE_ADD carries one whole inner message.  Decoding borrows its bytes
 * and decodes it into 'inner' (from the arena); encoding writes the inner
 * message from 'inner'. */
struct ofp_bundle_add {
    uint32_t bundle_id;
    uint16_t flags;             /* OFPBF_*. */
    const struct ofp_msg *inner;
};

/* Any message. */
struct ofp_msg {
    enum ofp_msg_kind kind;
    uint8_t version;            /* Wire version (HELLO may differ). */
    uint32_t xid;
    union {
        struct ofp_hello hello;
        struct ofp_error_msg error;
        struct ofp_echo echo;
        struct ofp_experimenter_msg experimenter;
        struct ofp_features_reply features_reply;
        struct ofp_switch_config switch_config;
        struct ofp_packet_in packet_in;
        struct ofp_flow_removed flow_removed;
        struct ofp_port_status port_status;
        struct ofp_packet_out packet_out;
        struct ofp_flow_mod flow_mod;
        struct ofp_group_mod group_mod;
        struct ofp_port_mod port_mod;
        struct ofp_table_mod table_mod;
        struct ofp_meter_mod meter_mod;
        struct ofp_role role;
        struct ofp_async_config async;
        struct ofp_bundle_ctrl bundle_ctrl;
        struct ofp_bundle_add bundle_add;
        struct ofp_multipart_request mp_request;
        struct ofp_multipart_reply mp_reply;
    };
};

/* Generic entry points. */
enum ofperr ofp_decode(const uint8_t *msg, size_t len, struct ofp_arena *,
                       struct ofp_msg *);
void ofp_encode(const struct ofp_msg *, struct ofpbuf *);
/* "OFPT_FLOW_MOD (xid=0x5): ADD table=3,priority=100,... actions=..." */
void ofp_format(const struct ofp_msg *, struct ofp_ds *);
/* "OFPT_FLOW_MOD", "ONFT_BUNDLE_CONTROL", ... */
const char *ofp_msg_kind_name(enum ofp_msg_kind);

/* Messages without a body.  (FEATURES_REQUEST, GET_CONFIG_REQUEST,
 * BARRIER_REQUEST/REPLY, GET_ASYNC_REQUEST.) */
void ofp_encode_empty(enum ofp_type, uint32_t xid, struct ofpbuf *);

/* Per-type codecs; see the comment at the top for the contract. */
enum ofperr ofp_decode_hello(const uint8_t *, size_t, struct ofp_hello *);
void ofp_encode_hello(const struct ofp_hello *, uint32_t xid,
                      struct ofpbuf *);
void ofp_format_hello(const struct ofp_hello *, struct ofp_ds *);

enum ofperr ofp_decode_error(const uint8_t *, size_t, struct ofp_error_msg *);
void ofp_encode_error(const struct ofp_error_msg *, uint32_t xid,
                      struct ofpbuf *);
void ofp_format_error(const struct ofp_error_msg *, struct ofp_ds *);
/* Builds the OFPT_ERROR reply for 'error' caused by 'request' (the first
 * 64 bytes of it are echoed back, as the spec asks). */
void ofp_encode_error_reply(enum ofperr error, const uint8_t *request,
                            size_t request_len, uint32_t xid,
                            struct ofpbuf *);

enum ofperr ofp_decode_echo(const uint8_t *, size_t, struct ofp_echo *);
void ofp_encode_echo(const struct ofp_echo *, enum ofp_type, uint32_t xid,
                     struct ofpbuf *);
void ofp_format_echo(const struct ofp_echo *, struct ofp_ds *);

enum ofperr ofp_decode_experimenter(const uint8_t *, size_t,
                                    struct ofp_experimenter_msg *);
void ofp_encode_experimenter(const struct ofp_experimenter_msg *,
                             uint32_t xid, struct ofpbuf *);
void ofp_format_experimenter(const struct ofp_experimenter_msg *,
                             struct ofp_ds *);

enum ofperr ofp_decode_features_reply(const uint8_t *, size_t,
                                      struct ofp_features_reply *);
void ofp_encode_features_reply(const struct ofp_features_reply *,
                               uint32_t xid, struct ofpbuf *);
void ofp_format_features_reply(const struct ofp_features_reply *,
                               struct ofp_ds *);

/* GET_CONFIG_REPLY and SET_CONFIG share the body; 'type' picks which. */
enum ofperr ofp_decode_switch_config(const uint8_t *, size_t,
                                     struct ofp_switch_config *);
void ofp_encode_switch_config(const struct ofp_switch_config *,
                              enum ofp_type, uint32_t xid, struct ofpbuf *);
void ofp_format_switch_config(const struct ofp_switch_config *,
                              struct ofp_ds *);

enum ofperr ofp_decode_packet_in(const uint8_t *, size_t,
                                 struct ofp_packet_in *);
void ofp_encode_packet_in(const struct ofp_packet_in *, uint32_t xid,
                          struct ofpbuf *);
void ofp_format_packet_in(const struct ofp_packet_in *, struct ofp_ds *);

enum ofperr ofp_decode_flow_removed(const uint8_t *, size_t,
                                    struct ofp_flow_removed *);
void ofp_encode_flow_removed(const struct ofp_flow_removed *, uint32_t xid,
                             struct ofpbuf *);
void ofp_format_flow_removed(const struct ofp_flow_removed *,
                             struct ofp_ds *);

enum ofperr ofp_decode_port_status(const uint8_t *, size_t,
                                   struct ofp_port_status *);
void ofp_encode_port_status(const struct ofp_port_status *, uint32_t xid,
                            struct ofpbuf *);
void ofp_format_port_status(const struct ofp_port_status *,
                            struct ofp_ds *);

enum ofperr ofp_decode_packet_out(const uint8_t *, size_t,
                                  struct ofp_arena *,
                                  struct ofp_packet_out *);
void ofp_encode_packet_out(const struct ofp_packet_out *, uint32_t xid,
                           struct ofpbuf *);
void ofp_format_packet_out(const struct ofp_packet_out *, struct ofp_ds *);

enum ofperr ofp_decode_flow_mod(const uint8_t *, size_t, struct ofp_arena *,
                                struct ofp_flow_mod *);
void ofp_encode_flow_mod(const struct ofp_flow_mod *, uint32_t xid,
                         struct ofpbuf *);
/* "ADD table=3,priority=100,cookie=0x5,tcp,tp_dst=80 actions=drop". */
void ofp_format_flow_mod(const struct ofp_flow_mod *, struct ofp_ds *);

enum ofperr ofp_decode_group_mod(const uint8_t *, size_t, struct ofp_arena *,
                                 struct ofp_group_mod *);
void ofp_encode_group_mod(const struct ofp_group_mod *, uint32_t xid,
                          struct ofpbuf *);
void ofp_format_group_mod(const struct ofp_group_mod *, struct ofp_ds *);

enum ofperr ofp_decode_port_mod(const uint8_t *, size_t,
                                struct ofp_port_mod *);
void ofp_encode_port_mod(const struct ofp_port_mod *, uint32_t xid,
                         struct ofpbuf *);
void ofp_format_port_mod(const struct ofp_port_mod *, struct ofp_ds *);

enum ofperr ofp_decode_table_mod(const uint8_t *, size_t,
                                 struct ofp_table_mod *);
void ofp_encode_table_mod(const struct ofp_table_mod *, uint32_t xid,
                          struct ofpbuf *);
void ofp_format_table_mod(const struct ofp_table_mod *, struct ofp_ds *);

enum ofperr ofp_decode_meter_mod(const uint8_t *, size_t, struct ofp_arena *,
                                 struct ofp_meter_mod *);
void ofp_encode_meter_mod(const struct ofp_meter_mod *, uint32_t xid,
                          struct ofpbuf *);
void ofp_format_meter_mod(const struct ofp_meter_mod *, struct ofp_ds *);

/* ROLE_REQUEST and ROLE_REPLY; 'type' picks which. */
enum ofperr ofp_decode_role(const uint8_t *, size_t, struct ofp_role *);
void ofp_encode_role(const struct ofp_role *, enum ofp_type, uint32_t xid,
                     struct ofpbuf *);
void ofp_format_role(const struct ofp_role *, struct ofp_ds *);

/* GET_ASYNC_REPLY and SET_ASYNC; 'type' picks which. */
enum ofperr ofp_decode_async_config(const uint8_t *, size_t,
                                    struct ofp_async_config *);
void ofp_encode_async_config(const struct ofp_async_config *, enum ofp_type,
                             uint32_t xid, struct ofpbuf *);
void ofp_format_async_config(const struct ofp_async_config *,
                             struct ofp_ds *);

enum ofperr ofp_decode_bundle_ctrl(const uint8_t *, size_t,
                                   struct ofp_bundle_ctrl *);
void ofp_encode_bundle_ctrl(const struct ofp_bundle_ctrl *, uint32_t xid,
                            struct ofpbuf *);
void ofp_format_bundle_ctrl(const struct ofp_bundle_ctrl *, struct ofp_ds *);

enum ofperr ofp_decode_bundle_add(const uint8_t *, size_t, struct ofp_arena *,
                                  struct ofp_bundle_add *);
void ofp_encode_bundle_add(const struct ofp_bundle_add *, uint32_t xid,
                           struct ofpbuf *);
void ofp_format_bundle_add(const struct ofp_bundle_add *, struct ofp_ds *);

/* ---- Helpers shared by the message codecs (ofp-msgs.c, ofp-bundle.c,
 * ofp-print.c) and usable by other modules. ---- */

/* Checks the header of the OpenFlow 1.3 message of exactly 'len' bytes at
 * 'msg' (version 0x04 else OFPBRC_BAD_VERSION, header length == 'len' else
 * OFPBRC_BAD_LEN, type 'type_a' or 'type_b' else OFPBRC_BAD_TYPE) and
 * points 'body' at everything after the header. */
enum ofperr ofp_msg_body(const uint8_t *msg, size_t len, uint8_t type_a,
                         uint8_t type_b, struct ofp_reader *body);
/* Appends an OpenFlow 1.3 header with length 0 and returns its offset;
 * ofp_msg_finish() then sets the length to everything appended since. */
size_t ofp_msg_start(struct ofpbuf *, uint8_t type, uint32_t xid);
void ofp_msg_finish(struct ofpbuf *, size_t start);
/* Decodes a message of type 'type' that must have no body. */
enum ofperr ofp_decode_empty(const uint8_t *msg, size_t len,
                             enum ofp_type type);

/* Appends Open vSwitch's hex dump of 'data' (16 bytes a line, offset,
 * ASCII column if 'ascii'), lines separated by '\n'. */
void ofp_ds_put_hex_dump(struct ofp_ds *, const void *data, size_t len,
                         bool ascii);
/* Appends the one-line summary Open vSwitch prints for an Ethernet frame
 * in a PACKET_IN or PACKET_OUT ("arp,vlan_tci=0x0000,dl_src=..."). */
void ofp_packet_summary_format(const uint8_t *data, size_t len,
                               struct ofp_ds *);
/* Appends ofp_format() of the message at 'msg' if it decodes, and Open
 * vSwitch's text for a truncated or undecodable one otherwise (as used
 * for the data of ERROR messages). */
void ofp_format_raw(const uint8_t *msg, size_t len, struct ofp_ds *);

#endif /* ofp-msgs.h */
