/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_MULTIPART_H
#define OFP_MULTIPART_H 1

/* OpenFlow 1.3 MULTIPART_REQUEST and MULTIPART_REPLY bodies.
 *
 * A reply too big for one message (64 KiB) is split by the encoder into
 * several messages with OFPMPF_REPLY_MORE set on all but the last; the
 * decoder decodes one part at a time and ofp_multipart_reply_append()
 * joins the parts of one xid into one reply. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp/ofp-actions.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-match.h"
#include "ofp/ofp-port.h"

enum ofp_multipart_type {
    OFPMP_DESC = 0,
    OFPMP_FLOW = 1,
    OFPMP_AGGREGATE = 2,
    OFPMP_TABLE = 3,
    OFPMP_PORT_STATS = 4,
    OFPMP_QUEUE = 5,
    OFPMP_GROUP = 6,
    OFPMP_GROUP_DESC = 7,
    OFPMP_GROUP_FEATURES = 8,
    OFPMP_METER = 9,
    OFPMP_METER_CONFIG = 10,
    OFPMP_METER_FEATURES = 11,
    OFPMP_TABLE_FEATURES = 12,
    OFPMP_PORT_DESC = 13,
    OFPMP_EXPERIMENTER = 0xffff,
};

#define OFPMPF_REQ_MORE   (1u << 0)
#define OFPMPF_REPLY_MORE (1u << 0)

/* Meter ids (OFPM_*). */
#define OFPM_MAX        0xffff0000u
#define OFPM_SLOWPATH   0xfffffffdu
#define OFPM_CONTROLLER 0xfffffffeu
#define OFPM_ALL        0xffffffffu

/* All queues of a port. */
#define OFPQ_ALL 0xffffffffu

/* Table feature property types (OFPTFPT_*). */
enum ofp_table_feature_prop_type {
    OFPTFPT_INSTRUCTIONS = 0,
    OFPTFPT_INSTRUCTIONS_MISS = 1,
    OFPTFPT_NEXT_TABLES = 2,
    OFPTFPT_NEXT_TABLES_MISS = 3,
    OFPTFPT_WRITE_ACTIONS = 4,
    OFPTFPT_WRITE_ACTIONS_MISS = 5,
    OFPTFPT_APPLY_ACTIONS = 6,
    OFPTFPT_APPLY_ACTIONS_MISS = 7,
    OFPTFPT_MATCH = 8,
    OFPTFPT_WILDCARDS = 10,
    OFPTFPT_WRITE_SETFIELD = 12,
    OFPTFPT_WRITE_SETFIELD_MISS = 13,
    OFPTFPT_APPLY_SETFIELD = 14,
    OFPTFPT_APPLY_SETFIELD_MISS = 15,
    OFPTFPT_EXPERIMENTER = 0xfffe,
    OFPTFPT_EXPERIMENTER_MISS = 0xffff,
};

struct ofp_meter_band;

/* FLOW and AGGREGATE requests. */
struct ofp_flow_stats_request {
    uint8_t table_id;           /* OFPTT_ALL for all tables. */
    uint32_t out_port;          /* OFPP_ANY. */
    uint32_t out_group;         /* OFPG_ANY. */
    uint64_t cookie;
    uint64_t cookie_mask;
    struct ofp_match match;
};

/* One TABLE_FEATURES entry.  The properties are kept as decoded lists of
 * what matters to a controller, plus the raw property bytes (borrowed) so
 * an entry re-encodes exactly. */
struct ofp_table_features {
    uint8_t table_id;
    char name[33];
    uint64_t metadata_match;
    uint64_t metadata_write;
    uint32_t config;
    uint32_t max_entries;
    const uint8_t *properties;  /* Raw TLVs, borrowed. */
    size_t properties_len;
};

struct ofp_multipart_request {
    uint16_t type;              /* enum ofp_multipart_type. */
    uint16_t flags;             /* OFPMPF_REQ_MORE. */
    union {
        struct ofp_flow_stats_request flow;     /* FLOW, AGGREGATE. */
        uint32_t port_no;       /* PORT_STATS, PORT_DESC(ignored): OFPP_ANY. */
        struct {
            uint32_t port_no;
            uint32_t queue_id;  /* OFPQ_ALL = 0xffffffff. */
        } queue;
        uint32_t group_id;      /* GROUP: OFPG_ALL. */
        uint32_t meter_id;      /* METER, METER_CONFIG: OFPM_ALL. */
        struct {
            const struct ofp_table_features *tables;
            size_t n;           /* 0: just read the features. */
        } table_features;
        struct {
            uint32_t experimenter;
            uint32_t exp_type;
            const uint8_t *data;
            size_t data_len;
        } experimenter;
    };
};

struct ofp_desc_stats {
    char mfr_desc[257];
    char hw_desc[257];
    char sw_desc[257];
    char serial_num[33];
    char dp_desc[257];
};

struct ofp_flow_stats {
    uint8_t table_id;
    uint32_t duration_sec;
    uint32_t duration_nsec;
    uint16_t priority;
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint16_t flags;
    uint64_t cookie;
    uint64_t packet_count;
    uint64_t byte_count;
    struct ofp_match match;
    struct ofp_instructions instructions;
};

struct ofp_aggregate_stats {
    uint64_t packet_count;
    uint64_t byte_count;
    uint32_t flow_count;
};

struct ofp_table_stats {
    uint8_t table_id;
    uint32_t active_count;
    uint64_t lookup_count;
    uint64_t matched_count;
};

struct ofp_port_stats {
    uint32_t port_no;
    uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
    uint64_t rx_dropped, tx_dropped, rx_errors, tx_errors;
    uint64_t rx_frame_err, rx_over_err, rx_crc_err, collisions;
    uint32_t duration_sec, duration_nsec;
};

struct ofp_queue_stats {
    uint32_t port_no;
    uint32_t queue_id;
    uint64_t tx_bytes, tx_packets, tx_errors;
    uint32_t duration_sec, duration_nsec;
};

struct ofp_bucket_counter {
    uint64_t packet_count;
    uint64_t byte_count;
};

struct ofp_group_stats {
    uint32_t group_id;
    uint32_t ref_count;
    uint64_t packet_count, byte_count;
    uint32_t duration_sec, duration_nsec;
    const struct ofp_bucket_counter *buckets;
    size_t n_buckets;
};

struct ofp_group_desc {
    uint8_t type;               /* OFPGT_*. */
    uint32_t group_id;
    const struct ofp_bucket *buckets;
    size_t n_buckets;
};

struct ofp_group_features {
    uint32_t types;             /* Bitmap of 1 << OFPGT_*. */
    uint32_t capabilities;      /* OFPGFC_*. */
    uint32_t max_groups[4];
    uint32_t actions[4];        /* Bitmaps of 1 << OFPAT_*. */
};

struct ofp_meter_band_stats {
    uint64_t packet_band_count;
    uint64_t byte_band_count;
};

struct ofp_meter_stats {
    uint32_t meter_id;
    uint32_t flow_count;
    uint64_t packet_in_count, byte_in_count;
    uint32_t duration_sec, duration_nsec;
    const struct ofp_meter_band_stats *bands;
    size_t n_bands;
};

struct ofp_meter_config {
    uint16_t flags;             /* OFPMF_*. */
    uint32_t meter_id;
    const struct ofp_meter_band *bands;
    size_t n_bands;
};

struct ofp_meter_features {
    uint32_t max_meter;
    uint32_t band_types;
    uint32_t capabilities;
    uint8_t max_bands;
    uint8_t max_color;
};

/* A multipart reply part (or, after ofp_multipart_reply_append(), the
 * joined parts).  Array members are allocated from the decode arena. */
struct ofp_multipart_reply {
    uint16_t type;              /* enum ofp_multipart_type. */
    uint16_t flags;             /* OFPMPF_REPLY_MORE. */
    union {
        struct ofp_desc_stats *desc;
        struct ofp_aggregate_stats aggregate;
        struct ofp_group_features group_features;
        struct ofp_meter_features meter_features;
        struct {
            const struct ofp_flow_stats *entries;
            size_t n;
        } flow;
        struct {
            const struct ofp_table_stats *entries;
            size_t n;
        } table;
        struct {
            const struct ofp_port_stats *entries;
            size_t n;
        } port_stats;
        struct {
            const struct ofp_queue_stats *entries;
            size_t n;
        } queue;
        struct {
            const struct ofp_group_stats *entries;
            size_t n;
        } group;
        struct {
            const struct ofp_group_desc *entries;
            size_t n;
        } group_desc;
        struct {
            const struct ofp_meter_stats *entries;
            size_t n;
        } meter;
        struct {
            const struct ofp_meter_config *entries;
            size_t n;
        } meter_config;
        struct {
            const struct ofp_table_features *entries;
            size_t n;
        } table_features;
        struct {
            const struct ofp_port *entries;
            size_t n;
        } port_desc;
        struct {
            uint32_t experimenter;
            uint32_t exp_type;
            const uint8_t *data;
            size_t data_len;
        } experimenter;
    };
};

enum ofperr ofp_decode_multipart_request(const uint8_t *msg, size_t len,
                                         struct ofp_arena *,
                                         struct ofp_multipart_request *);
void ofp_encode_multipart_request(const struct ofp_multipart_request *,
                                  uint32_t xid, struct ofpbuf *);
/* The formatters append the body text Open vSwitch's ofp-print shows after
 * "OFPST_X request/reply (OF1.3) (xid=0x..):", its lines joined by single
 * spaces; the multipart flags ("flags=[more]") belong to ofp_format()'s
 * prefix and are not repeated here. */
void ofp_format_multipart_request(const struct ofp_multipart_request *,
                                  struct ofp_ds *);

enum ofperr ofp_decode_multipart_reply(const uint8_t *msg, size_t len,
                                       struct ofp_arena *,
                                       struct ofp_multipart_reply *);
/* Appends one or more MULTIPART_REPLY messages: as many as needed to keep
 * each under 64 KiB, with OFPMPF_REPLY_MORE on all but the last. */
void ofp_encode_multipart_reply(const struct ofp_multipart_reply *,
                                uint32_t xid, struct ofpbuf *);
void ofp_format_multipart_reply(const struct ofp_multipart_reply *,
                                struct ofp_ds *);
/* Joins 'part' onto 'acc' (same type); arrays are re-allocated from
 * 'arena'.  Returns OFPBRC_BAD_MULTIPART if the types differ. */
enum ofperr ofp_multipart_reply_append(struct ofp_multipart_reply *acc,
                                       const struct ofp_multipart_reply *part,
                                       struct ofp_arena *);
/* Joins the 'n' (>= 1) parts of one reply into '*acc' with a single array
 * allocation from 'arena', so that a reply of many parts costs linear
 * time (ofp_multipart_reply_append() in a loop copies quadratically).
 * '*acc' takes the last part's flags.  Returns OFPBRC_BAD_MULTIPART if the
 * types differ. */
enum ofperr ofp_multipart_reply_join(
    const struct ofp_multipart_reply *const parts[], size_t n,
    struct ofp_arena *, struct ofp_multipart_reply *acc);

/* Formats one flow entry as ovs-ofctl dump-flows does:
 * "cookie=0x1, duration=1.5s, table=0, n_packets=0, n_bytes=0,
 * priority=100,tcp actions=drop". */
void ofp_flow_stats_format(const struct ofp_flow_stats *, struct ofp_ds *);

#endif /* ofp-multipart.h */
