/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* OpenFlow 1.3 MULTIPART_REQUEST and MULTIPART_REPLY: every body type's
 * codec, the splitting of long replies into 64 KiB parts, and the text
 * Open vSwitch's ofp-print shows for each body, on one line. */

#include "ofp/ofp-multipart.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-msgs.h"

/* Wire sizes. */
#define MP_HEADER_LEN 16        /* ofp_header + type, flags, pad[4]. */
#define MP_MAX_MSG_LEN 65535
#define FLOW_REQ_FIXED_LEN 32   /* ofp_flow_stats_request before match. */
#define DESC_LEN 1056
#define DESC_STR_LEN 256
#define SERIAL_NUM_LEN 32
#define AGGREGATE_LEN 24
#define TABLE_STATS_LEN 24
#define PORT_STATS_LEN 112
#define QUEUE_STATS_LEN 40
#define GROUP_STATS_LEN 40
#define BUCKET_COUNTER_LEN 16
#define GROUP_DESC_LEN 8
#define GROUP_FEATURES_LEN 40
#define METER_STATS_LEN 40
#define BAND_STATS_LEN 16
#define METER_CONFIG_LEN 8
#define METER_FEATURES_LEN 16
#define TABLE_FEATURES_LEN 64
#define FLOW_STATS_FIXED_LEN 48
#define FLOW_STATS_MIN_LEN (FLOW_STATS_FIXED_LEN + 8)   /* + empty match. */
#define TF_NAME_LEN 32

/* ---- Message framing. ---------------------------------------------- */

/* Checks the header of a multipart message of OFPT type 'ofpt' and points
 * 'body' at everything after the 16-byte multipart header. */
static enum ofperr
mp_open(const uint8_t *msg, size_t len, uint8_t ofpt, uint16_t *type,
        uint16_t *flags, struct ofp_reader *body)
{
    if (len < MP_HEADER_LEN || ofp_get_be16(msg + 2) != len) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    if (msg[0] != OFP13_VERSION) {
        return OFPERR_OFPBRC_BAD_VERSION;
    }
    if (msg[1] != ofpt) {
        return OFPERR_OFPBRC_BAD_TYPE;
    }
    *type = ofp_get_be16(msg + 8);
    *flags = ofp_get_be16(msg + 10);
    ofp_reader_init(body, msg + MP_HEADER_LEN, len - MP_HEADER_LEN);
    return 0;
}

/* Appends a multipart header with a zero length; returns its offset for
 * mp_close(). */
static size_t
mp_start(struct ofpbuf *b, uint8_t ofpt, uint16_t type, uint16_t flags,
         uint32_t xid)
{
    size_t start = b->size;

    ofpbuf_put_u8(b, OFP13_VERSION);
    ofpbuf_put_u8(b, ofpt);
    ofpbuf_put_be16(b, 0);
    ofpbuf_put_be32(b, xid);
    ofpbuf_put_be16(b, type);
    ofpbuf_put_be16(b, flags);
    ofpbuf_put_zeros(b, 4);
    return start;
}

/* Writes the length of the message that starts at 'start'. */
static void
mp_close(struct ofpbuf *b, size_t start)
{
    ofpbuf_set_be16(b, start + 2, (uint16_t) (b->size - start));
}

/* Copies a fixed-size, NUL-padded wire string of 'n' bytes into 'dst'
 * (n + 1 bytes), stopping at the first NUL. */
static void
get_string(const uint8_t *p, size_t n, char *dst)
{
    size_t i;

    for (i = 0; i < n && p[i]; i++) {
        dst[i] = (char) p[i];
    }
    dst[i] = '\0';
}

/* Appends 'src' as a NUL-padded wire string of exactly 'n' bytes. */
static void
put_string(struct ofpbuf *b, const char *src, size_t n)
{
    uint8_t *p = ofpbuf_put_zeros(b, n);
    memcpy(p, src, strnlen(src, n));
}

/* ---- Text helpers shared by the formatters. ------------------------ */

/* Appends a counter, or "?" for the "unknown" value UINT64_MAX. */
static void
put_counter(struct ofp_ds *s, const char *leader, uint64_t value,
            const char *trailer)
{
    ofp_ds_put_cstr(s, leader);
    if (value != UINT64_MAX) {
        ofp_ds_put_format(s, "%"PRIu64, value);
    } else {
        ofp_ds_put_char(s, '?');
    }
    ofp_ds_put_cstr(s, trailer);
}

/* Separates items: a space unless 's' is empty or already ends in one. */
static void
put_sep(struct ofp_ds *s)
{
    if (s->length && s->string[s->length - 1] != ' ') {
        ofp_ds_put_char(s, ' ');
    }
}

/* Open vSwitch maps 32-bit port numbers to 16 bits before sorting or
 * padding them; this is that mapping. */
static uint16_t
port_to_u16(uint32_t port)
{
    return (uint16_t) (port >= OFPP_MAX ? port - 0xffff0000u : port);
}

/* "all", "controller", "slowpath" or the number, after "meter" and
 * 'separator'. */
static void
put_meter_id(struct ofp_ds *s, uint32_t meter_id, char separator)
{
    ofp_ds_put_format(s, "meter%c", separator);
    if (meter_id <= OFPM_MAX) {
        ofp_ds_put_format(s, "%"PRIu32, meter_id);
    } else if (meter_id == OFPM_SLOWPATH) {
        ofp_ds_put_cstr(s, "slowpath");
    } else if (meter_id == OFPM_CONTROLLER) {
        ofp_ds_put_cstr(s, "controller");
    } else if (meter_id == OFPM_ALL) {
        ofp_ds_put_cstr(s, "all");
    } else {
        ofp_ds_put_cstr(s, "unknown");
    }
}

/* Group ids: "ALL", "ANY" or the number. */
static void
put_group_id(struct ofp_ds *s, uint32_t group_id)
{
    if (group_id == OFPG_ALL) {
        ofp_ds_put_cstr(s, "ALL");
    } else if (group_id == OFPG_ANY) {
        ofp_ds_put_cstr(s, "ANY");
    } else {
        ofp_ds_put_format(s, "%"PRIu32, group_id);
    }
}

/* The OpenFlow 1.3 OFPAT_* bits that Open vSwitch can name, in the order
 * it prints them (its internal action order), with its names. */
static const struct {
    uint8_t ofpat;
    const char *name;
} ofpat_names[] = {
    { 0, "output" }, { 22, "group" }, { 25, "set_field" },
    { 18, "strip_vlan" }, { 17, "push_vlan" }, { 23, "mod_nw_ttl" },
    { 24, "dec_ttl" }, { 15, "set_mpls_ttl" }, { 16, "dec_mpls_ttl" },
    { 19, "push_mpls" }, { 20, "pop_mpls" }, { 21, "set_queue" },
};
#define N_OFPAT_NAMES (sizeof ofpat_names / sizeof ofpat_names[0])

/* Converts a bitmap of 1 << OFPAT_* into a bitmap over ofpat_names[]
 * (dropping what Open vSwitch cannot represent). */
static uint32_t
ofpat_bitmap_to_ovs(uint32_t ofpat_bits)
{
    uint32_t ovs = 0;

    for (size_t i = 0; i < N_OFPAT_NAMES; i++) {
        if (ofpat_bits & (1u << ofpat_names[i].ofpat)) {
            ovs |= 1u << i;
        }
    }
    return ovs;
}

/* Appends action names for a bitmap over ofpat_names[], or "<none>". */
static void
put_ovs_action_bitmap(struct ofp_ds *s, uint32_t ovs)
{
    if (!ovs) {
        ofp_ds_put_cstr(s, "<none>");
        return;
    }
    for (size_t i = 0, n = 0; i < N_OFPAT_NAMES; i++) {
        if (ovs & (1u << i)) {
            if (n++) {
                ofp_ds_put_char(s, ' ');
            }
            ofp_ds_put_cstr(s, ofpat_names[i].name);
        }
    }
}

/* Appends the names of the bits in 'bits' ("0" if none), unnamed bits as
 * one hex number at the end, as Open vSwitch's ofp_print_bit_names(). */
static void
put_bit_names(struct ofp_ds *s, uint32_t bits, const char *const names[32])
{
    int n = 0;

    if (!bits) {
        ofp_ds_put_char(s, '0');
        return;
    }
    for (int i = 0; i < 32; i++) {
        if (bits & (1u << i) && names[i]) {
            if (n++) {
                ofp_ds_put_char(s, ' ');
            }
            ofp_ds_put_cstr(s, names[i]);
            bits &= ~(1u << i);
        }
    }
    if (bits) {
        if (n) {
            ofp_ds_put_char(s, ' ');
        }
        ofp_ds_put_format(s, "0x%"PRIx32, bits);
    }
}

/* ---- Reply entries: one decoder and encoder per body type. --------- */

/* Each decoder reads exactly one entry from 'r', a reader over just that
 * entry (its length already checked against the message), into 'out'. */

/* FLOW: one ofp_flow_stats. */
static enum ofperr
flow_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_flow_stats *fs = out;
    enum ofperr error;

    ofp_reader_skip(r, 2);      /* length */
    ofp_reader_u8(r, &fs->table_id);
    ofp_reader_skip(r, 1);
    ofp_reader_be32(r, &fs->duration_sec);
    ofp_reader_be32(r, &fs->duration_nsec);
    ofp_reader_be16(r, &fs->priority);
    ofp_reader_be16(r, &fs->idle_timeout);
    ofp_reader_be16(r, &fs->hard_timeout);
    ofp_reader_be16(r, &fs->flags);
    ofp_reader_skip(r, 4);
    ofp_reader_be64(r, &fs->cookie);
    ofp_reader_be64(r, &fs->packet_count);
    ofp_reader_be64(r, &fs->byte_count);
    error = ofp_match_decode(r, &fs->match);
    if (error) {
        return error;
    }
    return ofp_instructions_decode(r, ofp_reader_left(r), arena,
                                   &fs->instructions);
}

/* Appends one flow stats entry, its length filled in last. */
static void
flow_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_flow_stats *fs = entry;
    size_t start = b->size;

    ofpbuf_put_be16(b, 0);
    ofpbuf_put_u8(b, fs->table_id);
    ofpbuf_put_u8(b, 0);
    ofpbuf_put_be32(b, fs->duration_sec);
    ofpbuf_put_be32(b, fs->duration_nsec);
    ofpbuf_put_be16(b, fs->priority);
    ofpbuf_put_be16(b, fs->idle_timeout);
    ofpbuf_put_be16(b, fs->hard_timeout);
    ofpbuf_put_be16(b, fs->flags);
    ofpbuf_put_zeros(b, 4);
    ofpbuf_put_be64(b, fs->cookie);
    ofpbuf_put_be64(b, fs->packet_count);
    ofpbuf_put_be64(b, fs->byte_count);
    ofp_match_encode(&fs->match, b);
    ofp_instructions_encode(&fs->instructions, b);
    ofpbuf_set_be16(b, start, (uint16_t) (b->size - start));
}

/* TABLE: one ofp_table_stats. */
static enum ofperr
table_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_table_stats *ts = out;

    ofp_reader_u8(r, &ts->table_id);
    ofp_reader_skip(r, 3);
    ofp_reader_be32(r, &ts->active_count);
    ofp_reader_be64(r, &ts->lookup_count);
    ofp_reader_be64(r, &ts->matched_count);
    return 0;
}

/* Appends one 24-byte table stats entry. */
static void
table_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_table_stats *ts = entry;

    ofpbuf_put_u8(b, ts->table_id);
    ofpbuf_put_zeros(b, 3);
    ofpbuf_put_be32(b, ts->active_count);
    ofpbuf_put_be64(b, ts->lookup_count);
    ofpbuf_put_be64(b, ts->matched_count);
}

/* PORT_STATS: one ofp_port_stats. */
static enum ofperr
port_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_port_stats *ps = out;

    ofp_reader_be32(r, &ps->port_no);
    ofp_reader_skip(r, 4);
    ofp_reader_be64(r, &ps->rx_packets);
    ofp_reader_be64(r, &ps->tx_packets);
    ofp_reader_be64(r, &ps->rx_bytes);
    ofp_reader_be64(r, &ps->tx_bytes);
    ofp_reader_be64(r, &ps->rx_dropped);
    ofp_reader_be64(r, &ps->tx_dropped);
    ofp_reader_be64(r, &ps->rx_errors);
    ofp_reader_be64(r, &ps->tx_errors);
    ofp_reader_be64(r, &ps->rx_frame_err);
    ofp_reader_be64(r, &ps->rx_over_err);
    ofp_reader_be64(r, &ps->rx_crc_err);
    ofp_reader_be64(r, &ps->collisions);
    ofp_reader_be32(r, &ps->duration_sec);
    ofp_reader_be32(r, &ps->duration_nsec);
    return 0;
}

/* Appends one 112-byte port stats entry. */
static void
port_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_port_stats *ps = entry;

    ofpbuf_put_be32(b, ps->port_no);
    ofpbuf_put_zeros(b, 4);
    ofpbuf_put_be64(b, ps->rx_packets);
    ofpbuf_put_be64(b, ps->tx_packets);
    ofpbuf_put_be64(b, ps->rx_bytes);
    ofpbuf_put_be64(b, ps->tx_bytes);
    ofpbuf_put_be64(b, ps->rx_dropped);
    ofpbuf_put_be64(b, ps->tx_dropped);
    ofpbuf_put_be64(b, ps->rx_errors);
    ofpbuf_put_be64(b, ps->tx_errors);
    ofpbuf_put_be64(b, ps->rx_frame_err);
    ofpbuf_put_be64(b, ps->rx_over_err);
    ofpbuf_put_be64(b, ps->rx_crc_err);
    ofpbuf_put_be64(b, ps->collisions);
    ofpbuf_put_be32(b, ps->duration_sec);
    ofpbuf_put_be32(b, ps->duration_nsec);
}

/* QUEUE: one ofp_queue_stats. */
static enum ofperr
queue_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_queue_stats *qs = out;

    ofp_reader_be32(r, &qs->port_no);
    ofp_reader_be32(r, &qs->queue_id);
    ofp_reader_be64(r, &qs->tx_bytes);
    ofp_reader_be64(r, &qs->tx_packets);
    ofp_reader_be64(r, &qs->tx_errors);
    ofp_reader_be32(r, &qs->duration_sec);
    ofp_reader_be32(r, &qs->duration_nsec);
    return 0;
}

/* Appends one 40-byte queue stats entry. */
static void
queue_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_queue_stats *qs = entry;

    ofpbuf_put_be32(b, qs->port_no);
    ofpbuf_put_be32(b, qs->queue_id);
    ofpbuf_put_be64(b, qs->tx_bytes);
    ofpbuf_put_be64(b, qs->tx_packets);
    ofpbuf_put_be64(b, qs->tx_errors);
    ofpbuf_put_be32(b, qs->duration_sec);
    ofpbuf_put_be32(b, qs->duration_nsec);
}

/* GROUP: one ofp_group_stats with its bucket counters. */
static enum ofperr
group_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_group_stats *gs = out;
    struct ofp_bucket_counter *bc;
    size_t n;

    ofp_reader_skip(r, 4);      /* length, pad */
    ofp_reader_be32(r, &gs->group_id);
    ofp_reader_be32(r, &gs->ref_count);
    ofp_reader_skip(r, 4);
    ofp_reader_be64(r, &gs->packet_count);
    ofp_reader_be64(r, &gs->byte_count);
    ofp_reader_be32(r, &gs->duration_sec);
    ofp_reader_be32(r, &gs->duration_nsec);
    if (ofp_reader_left(r) % BUCKET_COUNTER_LEN) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    n = ofp_reader_left(r) / BUCKET_COUNTER_LEN;
    bc = ofp_arena_calloc(arena, n, sizeof *bc);
    for (size_t i = 0; i < n; i++) {
        ofp_reader_be64(r, &bc[i].packet_count);
        ofp_reader_be64(r, &bc[i].byte_count);
    }
    gs->buckets = bc;
    gs->n_buckets = n;
    return 0;
}

/* Appends one group stats entry with its bucket counters. */
static void
group_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_group_stats *gs = entry;

    ofpbuf_put_be16(b, (uint16_t) (GROUP_STATS_LEN
                                   + gs->n_buckets * BUCKET_COUNTER_LEN));
    ofpbuf_put_zeros(b, 2);
    ofpbuf_put_be32(b, gs->group_id);
    ofpbuf_put_be32(b, gs->ref_count);
    ofpbuf_put_zeros(b, 4);
    ofpbuf_put_be64(b, gs->packet_count);
    ofpbuf_put_be64(b, gs->byte_count);
    ofpbuf_put_be32(b, gs->duration_sec);
    ofpbuf_put_be32(b, gs->duration_nsec);
    for (size_t i = 0; i < gs->n_buckets; i++) {
        ofpbuf_put_be64(b, gs->buckets[i].packet_count);
        ofpbuf_put_be64(b, gs->buckets[i].byte_count);
    }
}

/* GROUP_DESC: one ofp_group_desc with its buckets. */
static enum ofperr
group_desc_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_group_desc *gd = out;
    struct ofp_bucket *buckets = NULL;
    size_t n = 0;
    enum ofperr error;

    ofp_reader_skip(r, 2);      /* length */
    ofp_reader_u8(r, &gd->type);
    ofp_reader_skip(r, 1);
    ofp_reader_be32(r, &gd->group_id);
    error = ofp_buckets_decode(r, ofp_reader_left(r), arena, &buckets, &n);
    gd->buckets = buckets;
    gd->n_buckets = n;
    return error;
}

/* Appends one group description with its buckets. */
static void
group_desc_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_group_desc *gd = entry;
    size_t start = b->size;

    ofpbuf_put_be16(b, 0);
    ofpbuf_put_u8(b, gd->type);
    ofpbuf_put_u8(b, 0);
    ofpbuf_put_be32(b, gd->group_id);
    ofp_buckets_encode(gd->buckets, gd->n_buckets, b);
    ofpbuf_set_be16(b, start, (uint16_t) (b->size - start));
}

/* METER: one ofp_meter_stats with its band counters. */
static enum ofperr
meter_stats_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_meter_stats *ms = out;
    struct ofp_meter_band_stats *bs;
    size_t n;

    ofp_reader_be32(r, &ms->meter_id);
    ofp_reader_skip(r, 8);      /* len, pad[6] */
    ofp_reader_be32(r, &ms->flow_count);
    ofp_reader_be64(r, &ms->packet_in_count);
    ofp_reader_be64(r, &ms->byte_in_count);
    ofp_reader_be32(r, &ms->duration_sec);
    ofp_reader_be32(r, &ms->duration_nsec);
    if (ofp_reader_left(r) % BAND_STATS_LEN) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    n = ofp_reader_left(r) / BAND_STATS_LEN;
    bs = ofp_arena_calloc(arena, n, sizeof *bs);
    for (size_t i = 0; i < n; i++) {
        ofp_reader_be64(r, &bs[i].packet_band_count);
        ofp_reader_be64(r, &bs[i].byte_band_count);
    }
    ms->bands = bs;
    ms->n_bands = n;
    return 0;
}

/* Appends one meter stats entry with its band counters. */
static void
meter_stats_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_meter_stats *ms = entry;

    ofpbuf_put_be32(b, ms->meter_id);
    ofpbuf_put_be16(b, (uint16_t) (METER_STATS_LEN
                                   + ms->n_bands * BAND_STATS_LEN));
    ofpbuf_put_zeros(b, 6);
    ofpbuf_put_be32(b, ms->flow_count);
    ofpbuf_put_be64(b, ms->packet_in_count);
    ofpbuf_put_be64(b, ms->byte_in_count);
    ofpbuf_put_be32(b, ms->duration_sec);
    ofpbuf_put_be32(b, ms->duration_nsec);
    for (size_t i = 0; i < ms->n_bands; i++) {
        ofpbuf_put_be64(b, ms->bands[i].packet_band_count);
        ofpbuf_put_be64(b, ms->bands[i].byte_band_count);
    }
}

/* METER_CONFIG: one ofp_meter_config with its bands. */
static enum ofperr
meter_config_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    struct ofp_meter_config *mc = out;
    struct ofp_meter_band *bands = NULL;
    size_t n = 0;
    enum ofperr error;

    ofp_reader_skip(r, 2);      /* length */
    ofp_reader_be16(r, &mc->flags);
    ofp_reader_be32(r, &mc->meter_id);
    error = ofp_meter_bands_decode(r, ofp_reader_left(r), arena, &bands, &n);
    mc->bands = bands;
    mc->n_bands = n;
    return error;
}

/* Appends one meter configuration with its bands. */
static void
meter_config_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_meter_config *mc = entry;
    size_t start = b->size;

    ofpbuf_put_be16(b, 0);
    ofpbuf_put_be16(b, mc->flags);
    ofpbuf_put_be32(b, mc->meter_id);
    ofp_meter_bands_encode(mc->bands, mc->n_bands, b);
    ofpbuf_set_be16(b, start, (uint16_t) (b->size - start));
}

/* Checks one ID list of a table feature property (instruction or action
 * IDs): each a type(2), len(2) TLV of at least 4 bytes, unpadded. */
static enum ofperr
tf_check_ids(const uint8_t *p, size_t len)
{
    while (len > 0) {
        uint16_t id_len;

        if (len < 4) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        id_len = ofp_get_be16(p + 2);
        if (id_len < 4 || id_len > len) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        p += id_len;
        len -= id_len;
    }
    return 0;
}

/* Checks a list of OXM headers: 4 bytes each, 8 for experimenter ones. */
static enum ofperr
tf_check_oxms(const uint8_t *p, size_t len)
{
    while (len > 0) {
        size_t hlen = 4;

        if (len < 4) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        if (ofp_get_be16(p) == OFP_OXM_CLASS_EXPERIMENTER) {
            hlen = 8;
            if (len < 8 || OFP_OXM_LENGTH(ofp_get_be32(p)) < 4) {
                return OFPERR_OFPBRC_BAD_LEN;
            }
        }
        p += hlen;
        len -= hlen;
    }
    return 0;
}

/* Walks the property TLVs of a table features entry, checking every
 * length (properties are padded to 8 bytes) and the inner lists of the
 * properties we understand. */
static enum ofperr
tf_check_properties(const uint8_t *p, size_t len)
{
    while (len > 0) {
        uint16_t type, prop_len;
        size_t padded;
        enum ofperr error = 0;

        if (len < 4) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        type = ofp_get_be16(p);
        prop_len = ofp_get_be16(p + 2);
        padded = (prop_len + 7u) & ~7u;
        if (prop_len < 4 || padded > len) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        switch (type) {
        case OFPTFPT_INSTRUCTIONS:
        case OFPTFPT_INSTRUCTIONS_MISS:
        case OFPTFPT_WRITE_ACTIONS:
        case OFPTFPT_WRITE_ACTIONS_MISS:
        case OFPTFPT_APPLY_ACTIONS:
        case OFPTFPT_APPLY_ACTIONS_MISS:
            error = tf_check_ids(p + 4, prop_len - 4u);
            break;
        case OFPTFPT_MATCH:
        case OFPTFPT_WILDCARDS:
        case OFPTFPT_WRITE_SETFIELD:
        case OFPTFPT_WRITE_SETFIELD_MISS:
        case OFPTFPT_APPLY_SETFIELD:
        case OFPTFPT_APPLY_SETFIELD_MISS:
            error = tf_check_oxms(p + 4, prop_len - 4u);
            break;
        case OFPTFPT_EXPERIMENTER:
        case OFPTFPT_EXPERIMENTER_MISS:
            if (prop_len < 12) {
                error = OFPERR_OFPBRC_BAD_LEN;
            }
            break;
        default:
            break;
        }
        if (error) {
            return error;
        }
        p += padded;
        len -= padded;
    }
    return 0;
}

/* TABLE_FEATURES: one ofp_table_features; the properties stay borrowed. */
static enum ofperr
table_features_decode(struct ofp_reader *r, struct ofp_arena *arena,
                      void *out)
{
    struct ofp_table_features *tf = out;
    const uint8_t *name;

    ofp_reader_skip(r, 2);      /* length */
    ofp_reader_u8(r, &tf->table_id);
    ofp_reader_skip(r, 5);
    if (!ofp_reader_pull(r, TF_NAME_LEN, &name)) {
        return OFPERR_OFPBRC_BAD_LEN;       /* mp_entry_len() checked. */
    }
    get_string(name, TF_NAME_LEN, tf->name);
    ofp_reader_be64(r, &tf->metadata_match);
    ofp_reader_be64(r, &tf->metadata_write);
    ofp_reader_be32(r, &tf->config);
    ofp_reader_be32(r, &tf->max_entries);
    tf->properties_len = ofp_reader_left(r);
    tf->properties = tf->properties_len ? ofp_reader_cur(r) : NULL;
    ofp_reader_skip(r, tf->properties_len);
    return tf_check_properties(tf->properties, tf->properties_len);
}

/* Appends one table features entry, properties verbatim. */
static void
table_features_encode(const void *entry, struct ofpbuf *b)
{
    const struct ofp_table_features *tf = entry;
    size_t start = b->size;

    ofpbuf_put_be16(b, 0);
    ofpbuf_put_u8(b, tf->table_id);
    ofpbuf_put_zeros(b, 5);
    put_string(b, tf->name, TF_NAME_LEN);
    ofpbuf_put_be64(b, tf->metadata_match);
    ofpbuf_put_be64(b, tf->metadata_write);
    ofpbuf_put_be32(b, tf->config);
    ofpbuf_put_be32(b, tf->max_entries);
    if (tf->properties_len) {
        ofpbuf_put(b, tf->properties, tf->properties_len);
    }
    ofpbuf_set_be16(b, start, (uint16_t) (b->size - start));
}

/* PORT_DESC: one ofp_port. */
static enum ofperr
port_desc_decode(struct ofp_reader *r, struct ofp_arena *arena, void *out)
{
    return ofp_port_decode(r, out);
}

/* Appends one 64-byte port description. */
static void
port_desc_encode(const void *entry, struct ofpbuf *b)
{
    ofp_port_encode(entry, b);
}

/* How to find, decode and encode the entries of one array body. */
struct mp_entry_class {
    uint16_t type;              /* OFPMP_*. */
    size_t elem_size;           /* Host struct size. */
    size_t min_len;             /* Smallest valid entry on the wire. */
    int len_ofs;                /* Offset of the be16 length, -1: fixed. */
    unsigned int align;         /* Entry lengths must be multiples. */
    enum ofperr (*decode)(struct ofp_reader *, struct ofp_arena *, void *);
    void (*encode)(const void *, struct ofpbuf *);
};

static const struct mp_entry_class mp_entry_classes[] = {
    { OFPMP_FLOW, sizeof(struct ofp_flow_stats), FLOW_STATS_MIN_LEN, 0, 1,
      flow_stats_decode, flow_stats_encode },
    { OFPMP_TABLE, sizeof(struct ofp_table_stats), TABLE_STATS_LEN, -1, 1,
      table_stats_decode, table_stats_encode },
    { OFPMP_PORT_STATS, sizeof(struct ofp_port_stats), PORT_STATS_LEN, -1, 1,
      port_stats_decode, port_stats_encode },
    { OFPMP_QUEUE, sizeof(struct ofp_queue_stats), QUEUE_STATS_LEN, -1, 1,
      queue_stats_decode, queue_stats_encode },
    { OFPMP_GROUP, sizeof(struct ofp_group_stats), GROUP_STATS_LEN, 0, 1,
      group_stats_decode, group_stats_encode },
    { OFPMP_GROUP_DESC, sizeof(struct ofp_group_desc), GROUP_DESC_LEN, 0, 1,
      group_desc_decode, group_desc_encode },
    { OFPMP_METER, sizeof(struct ofp_meter_stats), METER_STATS_LEN, 4, 1,
      meter_stats_decode, meter_stats_encode },
    { OFPMP_METER_CONFIG, sizeof(struct ofp_meter_config), METER_CONFIG_LEN,
      0, 1, meter_config_decode, meter_config_encode },
    { OFPMP_TABLE_FEATURES, sizeof(struct ofp_table_features),
      TABLE_FEATURES_LEN, 0, 8, table_features_decode,
      table_features_encode },
    { OFPMP_PORT_DESC, sizeof(struct ofp_port), OFP_PORT_WIRE_LEN, -1, 1,
      port_desc_decode, port_desc_encode },
};

/* Returns the entry class of an array body type, or NULL. */
static const struct mp_entry_class *
mp_entry_class(uint16_t type)
{
    for (size_t i = 0; i < sizeof mp_entry_classes / sizeof *mp_entry_classes;
         i++) {
        if (mp_entry_classes[i].type == type) {
            return &mp_entry_classes[i];
        }
    }
    return NULL;
}

/* Measures the entry at the front of 'r' without consuming it. */
static enum ofperr
mp_entry_len(const struct mp_entry_class *c, const struct ofp_reader *r,
             size_t *lenp)
{
    size_t left = ofp_reader_left(r);
    size_t len;

    if (left < c->min_len) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    len = (c->len_ofs < 0 ? c->min_len
           : ofp_get_be16(ofp_reader_cur(r) + c->len_ofs));
    if (len < c->min_len || len > left || len % c->align) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    *lenp = len;
    return 0;
}

/* Decodes every entry of an array body into an arena array. */
static enum ofperr
mp_decode_entries(const struct mp_entry_class *c, struct ofp_reader *body,
                  struct ofp_arena *arena, const void **entriesp, size_t *np)
{
    struct ofp_reader scan = *body;
    size_t n = 0;
    uint8_t *entries;

    /* First pass: check every length and count. */
    while (ofp_reader_left(&scan)) {
        size_t len;
        enum ofperr error = mp_entry_len(c, &scan, &len);
        if (error) {
            return error;
        }
        ofp_reader_skip(&scan, len);
        n++;
    }

    entries = ofp_arena_calloc(arena, n, c->elem_size);
    for (size_t i = 0; i < n; i++) {
        struct ofp_reader entry;
        size_t len = 0;
        enum ofperr error;

        mp_entry_len(c, body, &len);    /* Checked in the first pass. */
        ofp_reader_sub(body, len, &entry);
        error = c->decode(&entry, arena, entries + i * c->elem_size);
        if (error) {
            return error;
        }
        if (ofp_reader_left(&entry)) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
    }
    *entriesp = entries;
    *np = n;
    return 0;
}

/* Gets the entry array of an array-bodied reply; false for other types. */
static bool
mp_reply_array(const struct ofp_multipart_reply *r, const void **entries,
               size_t *n)
{
#define MP_ARRAY(TYPE, MEMBER)                  \
    case TYPE:                                  \
        *entries = r->MEMBER.entries;           \
        *n = r->MEMBER.n;                       \
        return true;
    switch (r->type) {
    MP_ARRAY(OFPMP_FLOW, flow)
    MP_ARRAY(OFPMP_TABLE, table)
    MP_ARRAY(OFPMP_PORT_STATS, port_stats)
    MP_ARRAY(OFPMP_QUEUE, queue)
    MP_ARRAY(OFPMP_GROUP, group)
    MP_ARRAY(OFPMP_GROUP_DESC, group_desc)
    MP_ARRAY(OFPMP_METER, meter)
    MP_ARRAY(OFPMP_METER_CONFIG, meter_config)
    MP_ARRAY(OFPMP_TABLE_FEATURES, table_features)
    MP_ARRAY(OFPMP_PORT_DESC, port_desc)
    default:
        *entries = NULL;
        *n = 0;
        return false;
    }
#undef MP_ARRAY
}

/* Sets the entry array of an array-bodied reply. */
static void
mp_reply_set_array(struct ofp_multipart_reply *r, const void *entries,
                   size_t n)
{
#define MP_SET(TYPE, MEMBER)                    \
    case TYPE:                                  \
        r->MEMBER.entries = entries;            \
        r->MEMBER.n = n;                        \
        break;
    switch (r->type) {
    MP_SET(OFPMP_FLOW, flow)
    MP_SET(OFPMP_TABLE, table)
    MP_SET(OFPMP_PORT_STATS, port_stats)
    MP_SET(OFPMP_QUEUE, queue)
    MP_SET(OFPMP_GROUP, group)
    MP_SET(OFPMP_GROUP_DESC, group_desc)
    MP_SET(OFPMP_METER, meter)
    MP_SET(OFPMP_METER_CONFIG, meter_config)
    MP_SET(OFPMP_TABLE_FEATURES, table_features)
    MP_SET(OFPMP_PORT_DESC, port_desc)
    default:
        break;
    }
#undef MP_SET
}

/* ---- Requests. ----------------------------------------------------- */

/* Reads a FLOW or AGGREGATE request body. */
static enum ofperr
flow_request_decode(struct ofp_reader *r, struct ofp_flow_stats_request *fr)
{
    enum ofperr error;

    if (ofp_reader_left(r) < FLOW_REQ_FIXED_LEN) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ofp_reader_u8(r, &fr->table_id);
    ofp_reader_skip(r, 3);
    ofp_reader_be32(r, &fr->out_port);
    ofp_reader_be32(r, &fr->out_group);
    ofp_reader_skip(r, 4);
    ofp_reader_be64(r, &fr->cookie);
    ofp_reader_be64(r, &fr->cookie_mask);
    error = ofp_match_decode(r, &fr->match);
    if (error) {
        return error;
    }
    return ofp_reader_left(r) ? OFPERR_OFPBRC_BAD_LEN : 0;
}

/* Reads an 8-byte body of a 32-bit id and 4 bytes of padding. */
static enum ofperr
id_request_decode(struct ofp_reader *r, uint32_t *id)
{
    if (ofp_reader_left(r) != 8) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    ofp_reader_be32(r, id);
    ofp_reader_skip(r, 4);
    return 0;
}

/* Reads an EXPERIMENTER body: experimenter, exp_type, borrowed data. */
static enum ofperr
experimenter_decode(struct ofp_reader *r, uint32_t *experimenter,
                    uint32_t *exp_type, const uint8_t **data,
                    size_t *data_len)
{
    if (!ofp_reader_be32(r, experimenter) || !ofp_reader_be32(r, exp_type)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    *data_len = ofp_reader_left(r);
    *data = *data_len ? ofp_reader_cur(r) : NULL;
    ofp_reader_skip(r, *data_len);
    return 0;
}

/* Decodes a MULTIPART_REQUEST; see ofp-multipart.h. */
enum ofperr
ofp_decode_multipart_request(const uint8_t *msg, size_t len,
                             struct ofp_arena *arena,
                             struct ofp_multipart_request *req)
{
    struct ofp_reader body;
    enum ofperr error;

    memset(req, 0, sizeof *req);
    error = mp_open(msg, len, OFPT_MULTIPART_REQUEST, &req->type,
                    &req->flags, &body);
    if (error) {
        return error;
    }

    switch (req->type) {
    case OFPMP_DESC:
    case OFPMP_TABLE:
    case OFPMP_GROUP_DESC:
    case OFPMP_GROUP_FEATURES:
    case OFPMP_METER_FEATURES:
    case OFPMP_PORT_DESC:
        if (req->type == OFPMP_PORT_DESC) {
            req->port_no = OFPP_ANY;
        }
        return ofp_reader_left(&body) ? OFPERR_OFPBRC_BAD_LEN : 0;

    case OFPMP_FLOW:
    case OFPMP_AGGREGATE:
        return flow_request_decode(&body, &req->flow);

    case OFPMP_PORT_STATS:
        return id_request_decode(&body, &req->port_no);

    case OFPMP_QUEUE:
        if (ofp_reader_left(&body) != 8) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofp_reader_be32(&body, &req->queue.port_no);
        ofp_reader_be32(&body, &req->queue.queue_id);
        return 0;

    case OFPMP_GROUP:
        return id_request_decode(&body, &req->group_id);

    case OFPMP_METER:
    case OFPMP_METER_CONFIG:
        return id_request_decode(&body, &req->meter_id);

    case OFPMP_TABLE_FEATURES: {
        const void *tables;
        size_t n;

        error = mp_decode_entries(mp_entry_class(OFPMP_TABLE_FEATURES),
                                  &body, arena, &tables, &n);
        if (!error) {
            req->table_features.tables = tables;
            req->table_features.n = n;
        }
        return error;
    }

    case OFPMP_EXPERIMENTER:
        return experimenter_decode(&body, &req->experimenter.experimenter,
                                   &req->experimenter.exp_type,
                                   &req->experimenter.data,
                                   &req->experimenter.data_len);

    default:
        return OFPERR_OFPBRC_BAD_MULTIPART;
    }
}

/* Appends a FLOW or AGGREGATE request body. */
static void
flow_request_encode(const struct ofp_flow_stats_request *fr,
                    struct ofpbuf *b)
{
    ofpbuf_put_u8(b, fr->table_id);
    ofpbuf_put_zeros(b, 3);
    ofpbuf_put_be32(b, fr->out_port);
    ofpbuf_put_be32(b, fr->out_group);
    ofpbuf_put_zeros(b, 4);
    ofpbuf_put_be64(b, fr->cookie);
    ofpbuf_put_be64(b, fr->cookie_mask);
    ofp_match_encode(&fr->match, b);
}

/* Appends a 32-bit id and 4 bytes of padding. */
static void
id_request_encode(uint32_t id, struct ofpbuf *b)
{
    ofpbuf_put_be32(b, id);
    ofpbuf_put_zeros(b, 4);
}

/* Appends one MULTIPART_REQUEST message. */
void
ofp_encode_multipart_request(const struct ofp_multipart_request *req,
                             uint32_t xid, struct ofpbuf *b)
{
    size_t start = mp_start(b, OFPT_MULTIPART_REQUEST, req->type, req->flags,
                            xid);

    switch (req->type) {
    case OFPMP_FLOW:
    case OFPMP_AGGREGATE:
        flow_request_encode(&req->flow, b);
        break;
    case OFPMP_PORT_STATS:
        id_request_encode(req->port_no, b);
        break;
    case OFPMP_QUEUE:
        ofpbuf_put_be32(b, req->queue.port_no);
        ofpbuf_put_be32(b, req->queue.queue_id);
        break;
    case OFPMP_GROUP:
        id_request_encode(req->group_id, b);
        break;
    case OFPMP_METER:
    case OFPMP_METER_CONFIG:
        id_request_encode(req->meter_id, b);
        break;
    case OFPMP_TABLE_FEATURES:
        for (size_t i = 0; i < req->table_features.n; i++) {
            table_features_encode(&req->table_features.tables[i], b);
        }
        break;
    case OFPMP_EXPERIMENTER:
        ofpbuf_put_be32(b, req->experimenter.experimenter);
        ofpbuf_put_be32(b, req->experimenter.exp_type);
        if (req->experimenter.data_len) {
            ofpbuf_put(b, req->experimenter.data, req->experimenter.data_len);
        }
        break;
    default:
        /* DESC, TABLE, GROUP_DESC, GROUP_FEATURES, METER_FEATURES and
         * PORT_DESC requests have no body in OpenFlow 1.3. */
        break;
    }
    mp_close(b, start);
}

/* ---- Replies: decoding. -------------------------------------------- */

/* DESC body: five fixed-size strings. */
static enum ofperr
desc_decode(struct ofp_reader *r, struct ofp_arena *arena,
            struct ofp_desc_stats **descp)
{
    struct ofp_desc_stats *d;
    const uint8_t *p;

    if (ofp_reader_left(r) != DESC_LEN || !ofp_reader_pull(r, DESC_LEN, &p)) {
        return OFPERR_OFPBRC_BAD_LEN;
    }
    d = ofp_arena_alloc(arena, sizeof *d);
    get_string(p, DESC_STR_LEN, d->mfr_desc);
    get_string(p + 256, DESC_STR_LEN, d->hw_desc);
    get_string(p + 512, DESC_STR_LEN, d->sw_desc);
    get_string(p + 768, SERIAL_NUM_LEN, d->serial_num);
    get_string(p + 800, DESC_STR_LEN, d->dp_desc);
    *descp = d;
    return 0;
}

/* Decodes one MULTIPART_REPLY part; arrays go in the arena. */
enum ofperr
ofp_decode_multipart_reply(const uint8_t *msg, size_t len,
                           struct ofp_arena *arena,
                           struct ofp_multipart_reply *rep)
{
    const struct mp_entry_class *c;
    struct ofp_reader body;
    enum ofperr error;

    memset(rep, 0, sizeof *rep);
    error = mp_open(msg, len, OFPT_MULTIPART_REPLY, &rep->type, &rep->flags,
                    &body);
    if (error) {
        return error;
    }

    c = mp_entry_class(rep->type);
    if (c) {
        const void *entries;
        size_t n;

        error = mp_decode_entries(c, &body, arena, &entries, &n);
        if (!error) {
            mp_reply_set_array(rep, entries, n);
        }
        return error;
    }

    switch (rep->type) {
    case OFPMP_DESC:
        return desc_decode(&body, arena, &rep->desc);

    case OFPMP_AGGREGATE:
        if (ofp_reader_left(&body) != AGGREGATE_LEN) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofp_reader_be64(&body, &rep->aggregate.packet_count);
        ofp_reader_be64(&body, &rep->aggregate.byte_count);
        ofp_reader_be32(&body, &rep->aggregate.flow_count);
        return 0;

    case OFPMP_GROUP_FEATURES: {
        struct ofp_group_features *gf = &rep->group_features;

        if (ofp_reader_left(&body) != GROUP_FEATURES_LEN) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofp_reader_be32(&body, &gf->types);
        ofp_reader_be32(&body, &gf->capabilities);
        for (int i = 0; i < 4; i++) {
            ofp_reader_be32(&body, &gf->max_groups[i]);
        }
        for (int i = 0; i < 4; i++) {
            ofp_reader_be32(&body, &gf->actions[i]);
        }
        return 0;
    }

    case OFPMP_METER_FEATURES: {
        struct ofp_meter_features *mf = &rep->meter_features;

        if (ofp_reader_left(&body) != METER_FEATURES_LEN) {
            return OFPERR_OFPBRC_BAD_LEN;
        }
        ofp_reader_be32(&body, &mf->max_meter);
        ofp_reader_be32(&body, &mf->band_types);
        ofp_reader_be32(&body, &mf->capabilities);
        ofp_reader_u8(&body, &mf->max_bands);
        ofp_reader_u8(&body, &mf->max_color);
        return 0;
    }

    case OFPMP_EXPERIMENTER:
        return experimenter_decode(&body, &rep->experimenter.experimenter,
                                   &rep->experimenter.exp_type,
                                   &rep->experimenter.data,
                                   &rep->experimenter.data_len);

    default:
        return OFPERR_OFPBRC_BAD_MULTIPART;
    }
}

/* ---- Replies: encoding and splitting. ------------------------------ */

/* Appends the body of a reply type that is not an array. */
static void
single_body_encode(const struct ofp_multipart_reply *rep, struct ofpbuf *b)
{
    switch (rep->type) {
    case OFPMP_DESC: {
        static const struct ofp_desc_stats empty;
        const struct ofp_desc_stats *d = rep->desc ? rep->desc : &empty;

        put_string(b, d->mfr_desc, DESC_STR_LEN);
        put_string(b, d->hw_desc, DESC_STR_LEN);
        put_string(b, d->sw_desc, DESC_STR_LEN);
        put_string(b, d->serial_num, SERIAL_NUM_LEN);
        put_string(b, d->dp_desc, DESC_STR_LEN);
        break;
    }
    case OFPMP_AGGREGATE:
        ofpbuf_put_be64(b, rep->aggregate.packet_count);
        ofpbuf_put_be64(b, rep->aggregate.byte_count);
        ofpbuf_put_be32(b, rep->aggregate.flow_count);
        ofpbuf_put_zeros(b, 4);
        break;
    case OFPMP_GROUP_FEATURES:
        ofpbuf_put_be32(b, rep->group_features.types);
        ofpbuf_put_be32(b, rep->group_features.capabilities);
        for (int i = 0; i < 4; i++) {
            ofpbuf_put_be32(b, rep->group_features.max_groups[i]);
        }
        for (int i = 0; i < 4; i++) {
            ofpbuf_put_be32(b, rep->group_features.actions[i]);
        }
        break;
    case OFPMP_METER_FEATURES:
        ofpbuf_put_be32(b, rep->meter_features.max_meter);
        ofpbuf_put_be32(b, rep->meter_features.band_types);
        ofpbuf_put_be32(b, rep->meter_features.capabilities);
        ofpbuf_put_u8(b, rep->meter_features.max_bands);
        ofpbuf_put_u8(b, rep->meter_features.max_color);
        ofpbuf_put_zeros(b, 2);
        break;
    case OFPMP_EXPERIMENTER:
        ofpbuf_put_be32(b, rep->experimenter.experimenter);
        ofpbuf_put_be32(b, rep->experimenter.exp_type);
        if (rep->experimenter.data_len) {
            ofpbuf_put(b, rep->experimenter.data, rep->experimenter.data_len);
        }
        break;
    default:
        break;
    }
}

/* Appends the reply as one or more messages of at most 64 KiB each,
 * never splitting an entry. */
void
ofp_encode_multipart_reply(const struct ofp_multipart_reply *rep,
                           uint32_t xid, struct ofpbuf *b)
{
    const struct mp_entry_class *c = mp_entry_class(rep->type);
    uint16_t more = rep->flags | OFPMPF_REPLY_MORE;
    const uint8_t *entries;
    const void *array;
    size_t start, n;

    start = mp_start(b, OFPT_MULTIPART_REPLY, rep->type, rep->flags, xid);
    if (!c || !mp_reply_array(rep, &array, &n)) {
        single_body_encode(rep, b);
        mp_close(b, start);
        return;
    }

    entries = array;
    for (size_t i = 0; i < n; i++) {
        size_t entry_ofs = b->size;

        c->encode(entries + i * c->elem_size, b);
        if (b->size - start > MP_MAX_MSG_LEN && entry_ofs > start
                                                + MP_HEADER_LEN) {
            /* This entry does not fit: end the message before it and move
             * the entry behind a new header. */
            size_t entry_len = b->size - entry_ofs;

            ofpbuf_set_be16(b, start + 10, more);
            ofpbuf_set_be16(b, start + 2, (uint16_t) (entry_ofs - start));
            ofpbuf_put_uninit(b, MP_HEADER_LEN);
            memmove(b->data + entry_ofs + MP_HEADER_LEN, b->data + entry_ofs,
                    entry_len);
            memcpy(b->data + entry_ofs, b->data + start, MP_HEADER_LEN);
            start = entry_ofs;
            ofpbuf_set_be16(b, start + 10, rep->flags);
        }
    }
    mp_close(b, start);
}

/* Joins the entries of 'part' after those of 'acc'. */
enum ofperr
ofp_multipart_reply_append(struct ofp_multipart_reply *acc,
                           const struct ofp_multipart_reply *part,
                           struct ofp_arena *arena)
{
    const struct mp_entry_class *c;
    const void *a, *p;
    size_t na, np;
    uint8_t *joined;

    if (acc->type != part->type) {
        return OFPERR_OFPBRC_BAD_MULTIPART;
    }
    c = mp_entry_class(acc->type);
    if (!c || !mp_reply_array(acc, &a, &na)) {
        /* A single-body reply has nothing to join: the later part wins. */
        *acc = *part;
        return 0;
    }
    mp_reply_array(part, &p, &np);
    joined = ofp_arena_calloc(arena, na + np, c->elem_size);
    if (na) {
        memcpy(joined, a, na * c->elem_size);
    }
    if (np) {
        memcpy(joined + na * c->elem_size, p, np * c->elem_size);
    }
    mp_reply_set_array(acc, joined, na + np);
    acc->flags = part->flags;
    return 0;
}

enum ofperr
ofp_multipart_reply_join(const struct ofp_multipart_reply *const parts[],
                         size_t n, struct ofp_arena *arena,
                         struct ofp_multipart_reply *acc)
{
    const struct mp_entry_class *c = mp_entry_class(parts[0]->type);
    const void *entries;
    size_t total = 0, count;

    for (size_t i = 0; i < n; i++) {
        if (parts[i]->type != parts[0]->type) {
            return OFPERR_OFPBRC_BAD_MULTIPART;
        }
    }
    *acc = *parts[n - 1];
    if (!c || !mp_reply_array(parts[0], &entries, &count)) {
        /* A single-body reply has nothing to join: the last part wins. */
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        mp_reply_array(parts[i], &entries, &count);
        total += count;
    }
    uint8_t *joined = ofp_arena_calloc(arena, total ? total : 1,
                                       c->elem_size);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        mp_reply_array(parts[i], &entries, &count);
        if (count) {
            memcpy(joined + at * c->elem_size, entries,
                   count * c->elem_size);
        }
        at += count;
    }
    mp_reply_set_array(acc, joined, total);
    return 0;
}

/* ---- Formatting. --------------------------------------------------- */

/* Appends the match as Open vSwitch's match_format() does with a
 * priority: "priority=N," first unless N is the default 0x8000, and no
 * trailing comma. */
static void
put_match_with_priority(const struct ofp_match *match, uint16_t priority,
                        struct ofp_ds *s)
{
    size_t start = s->length;

    if (priority != 0x8000) {
        ofp_ds_put_format(s, "priority=%"PRIu16",", priority);
    }
    ofp_match_format(match, s);
    if (s->length > start) {
        ofp_ds_chomp(s, ",");
    }
}

/* Formats one flow entry in ovs-ofctl dump-flows syntax. */
void
ofp_flow_stats_format(const struct ofp_flow_stats *fs, struct ofp_ds *s)
{
    size_t length;

    ofp_ds_put_format(s, "cookie=0x%"PRIx64", duration=", fs->cookie);
    ofp_ds_put_duration(s, fs->duration_sec, fs->duration_nsec);
    ofp_ds_put_format(s, ", table=%"PRIu8", ", fs->table_id);
    put_counter(s, "n_packets=", fs->packet_count, ", ");
    put_counter(s, "n_bytes=", fs->byte_count, ", ");
    if (fs->idle_timeout) {
        ofp_ds_put_format(s, "idle_timeout=%"PRIu16", ", fs->idle_timeout);
    }
    if (fs->hard_timeout) {
        ofp_ds_put_format(s, "hard_timeout=%"PRIu16", ", fs->hard_timeout);
    }
    if (fs->flags & OFPFF_SEND_FLOW_REM) {
        ofp_ds_put_cstr(s, "send_flow_rem ");
    }
    if (fs->flags & OFPFF_CHECK_OVERLAP) {
        ofp_ds_put_cstr(s, "check_overlap ");
    }
    if (fs->flags & OFPFF_RESET_COUNTS) {
        ofp_ds_put_cstr(s, "reset_counts ");
    }
    if (fs->flags & OFPFF_NO_PKT_COUNTS) {
        ofp_ds_put_cstr(s, "no_packet_counts ");
    }
    if (fs->flags & OFPFF_NO_BYT_COUNTS) {
        ofp_ds_put_cstr(s, "no_byte_counts ");
    }
    length = s->length;
    put_match_with_priority(&fs->match, fs->priority, s);
    if (s->length != length) {
        ofp_ds_put_char(s, ' ');
    }
    ofp_ds_put_cstr(s, "actions=");
    ofp_instructions_format(&fs->instructions, s);
}

/* FLOW and AGGREGATE request bodies. */
static void
format_flow_request(const struct ofp_flow_stats_request *fr,
                    struct ofp_ds *s)
{
    if (fr->table_id != OFPTT_ALL) {
        put_sep(s);
        ofp_ds_put_format(s, "table=%"PRIu8, fr->table_id);
    }
    if (fr->out_port != OFPP_ANY) {
        put_sep(s);
        ofp_ds_put_cstr(s, "out_port=");
        ofp_port_no_format(fr->out_port, s);
    }
    put_sep(s);
    ofp_match_format(&fr->match, s);
}

static void format_table_features(const struct ofp_table_features *,
                                  size_t n, struct ofp_ds *);

/* Formats a request body as Open vSwitch does, on one line. */
void
ofp_format_multipart_request(const struct ofp_multipart_request *req,
                             struct ofp_ds *s)
{
    size_t start = s->length;

    switch (req->type) {
    case OFPMP_FLOW:
    case OFPMP_AGGREGATE:
        format_flow_request(&req->flow, s);
        break;
    case OFPMP_PORT_STATS:
        put_sep(s);
        ofp_ds_put_cstr(s, "port_no=");
        ofp_port_no_format(req->port_no, s);
        break;
    case OFPMP_PORT_DESC:
        /* OpenFlow 1.3 has no port in the request: always all ports. */
        put_sep(s);
        ofp_ds_put_cstr(s, "port=ANY");
        break;
    case OFPMP_QUEUE:
        put_sep(s);
        ofp_ds_put_cstr(s, "port=");
        ofp_port_no_format(req->queue.port_no, s);
        ofp_ds_put_cstr(s, " queue=");
        if (req->queue.queue_id == OFPQ_ALL) {
            ofp_ds_put_cstr(s, "ALL");
        } else {
            ofp_ds_put_format(s, "%"PRIu32, req->queue.queue_id);
        }
        break;
    case OFPMP_GROUP:
        put_sep(s);
        ofp_ds_put_cstr(s, "group_id=");
        put_group_id(s, req->group_id);
        break;
    case OFPMP_GROUP_DESC:
        put_sep(s);
        ofp_ds_put_cstr(s, "group_id=ALL");
        break;
    case OFPMP_METER:
    case OFPMP_METER_CONFIG:
        put_sep(s);
        put_meter_id(s, req->meter_id, '=');
        break;
    case OFPMP_TABLE_FEATURES:
        put_sep(s);
        format_table_features(req->table_features.tables,
                              req->table_features.n, s);
        break;
    case OFPMP_EXPERIMENTER:
        put_sep(s);
        ofp_ds_put_format(s, "experimenter=0x%"PRIx32" exp_type=%"PRIu32
                          " %zu bytes of data",
                          req->experimenter.experimenter,
                          req->experimenter.exp_type,
                          req->experimenter.data_len);
        break;
    default:
        break;
    }
    if (s->length > start) {
        ofp_ds_chomp(s, " ");
    }
}

/* TABLE reply: Open vSwitch collapses runs of tables whose counters equal
 * the previous table's into "tables A...B: ditto". */
static void
put_ditto(struct ofp_ds *s, int first, int last)
{
    if (first < 0) {
        return;
    }
    put_sep(s);
    if (first == last) {
        ofp_ds_put_format(s, "table %d: ditto", first);
    } else {
        ofp_ds_put_format(s, "tables %d...%d: ditto", first, last);
    }
}

/* Formats table counters, collapsing repeats into "ditto". */
static void
format_table_stats(const struct ofp_table_stats *ts, size_t n,
                   struct ofp_ds *s)
{
    int first_ditto = -1, last_ditto = -1;

    for (size_t i = 0; i < n; i++) {
        const struct ofp_table_stats *t = &ts[i];

        if (i && t->active_count == ts[i - 1].active_count
            && t->lookup_count == ts[i - 1].lookup_count
            && t->matched_count == ts[i - 1].matched_count) {
            if (first_ditto < 0) {
                first_ditto = t->table_id;
            }
            last_ditto = t->table_id;
            continue;
        }
        put_ditto(s, first_ditto, last_ditto);
        first_ditto = -1;
        put_sep(s);
        ofp_ds_put_format(s, "table %"PRIu8": active=%"PRIu32", lookup=%"
                          PRIu64", matched=%"PRIu64, t->table_id,
                          t->active_count, t->lookup_count,
                          t->matched_count);
    }
    put_ditto(s, first_ditto, last_ditto);
}

/* Formats port counters as "N ports" and one group per port. */
static void
format_port_stats(const struct ofp_port_stats *ps, size_t n,
                  struct ofp_ds *s)
{
    put_sep(s);
    ofp_ds_put_format(s, "%zu ports", n);
    for (size_t i = 0; i < n; i++) {
        const struct ofp_port_stats *p = &ps[i];

        ofp_ds_put_cstr(s, " port ");
        if (port_to_u16(p->port_no) < 10) {
            ofp_ds_put_char(s, ' ');
        }
        ofp_port_no_format(p->port_no, s);
        put_counter(s, ": rx pkts=", p->rx_packets, ", ");
        put_counter(s, "bytes=", p->rx_bytes, ", ");
        put_counter(s, "drop=", p->rx_dropped, ", ");
        put_counter(s, "errs=", p->rx_errors, ", ");
        put_counter(s, "frame=", p->rx_frame_err, ", ");
        put_counter(s, "over=", p->rx_over_err, ", ");
        put_counter(s, "crc=", p->rx_crc_err, "");
        put_counter(s, " tx pkts=", p->tx_packets, ", ");
        put_counter(s, "bytes=", p->tx_bytes, ", ");
        put_counter(s, "drop=", p->tx_dropped, ", ");
        put_counter(s, "errs=", p->tx_errors, ", ");
        put_counter(s, "coll=", p->collisions, "");
        if (p->duration_sec != UINT32_MAX) {
            ofp_ds_put_cstr(s, " duration=");
            ofp_ds_put_duration(s, p->duration_sec, p->duration_nsec);
        }
    }
}

/* Formats queue counters as "N queues" and one group per queue. */
static void
format_queue_stats(const struct ofp_queue_stats *qs, size_t n,
                   struct ofp_ds *s)
{
    put_sep(s);
    ofp_ds_put_format(s, "%zu queues", n);
    for (size_t i = 0; i < n; i++) {
        const struct ofp_queue_stats *q = &qs[i];

        ofp_ds_put_cstr(s, " port ");
        ofp_port_no_format(q->port_no, s);
        if (q->queue_id == OFPQ_ALL) {
            ofp_ds_put_cstr(s, " queue ALL: ");
        } else {
            ofp_ds_put_format(s, " queue %"PRIu32": ", q->queue_id);
        }
        put_counter(s, "bytes=", q->tx_bytes, ", ");
        put_counter(s, "pkts=", q->tx_packets, ", ");
        put_counter(s, "errors=", q->tx_errors, ", ");
        ofp_ds_put_cstr(s, "duration=");
        if (q->duration_sec != UINT32_MAX) {
            ofp_ds_put_duration(s, q->duration_sec, q->duration_nsec);
        } else {
            ofp_ds_put_char(s, '?');
        }
    }
}

/* Formats group counters with per-bucket counters. */
static void
format_group_stats(const struct ofp_group_stats *gs, size_t n,
                   struct ofp_ds *s)
{
    for (size_t i = 0; i < n; i++) {
        const struct ofp_group_stats *g = &gs[i];

        put_sep(s);
        ofp_ds_put_format(s, "group_id=%"PRIu32",", g->group_id);
        if (g->duration_sec != UINT32_MAX) {
            ofp_ds_put_cstr(s, "duration=");
            ofp_ds_put_duration(s, g->duration_sec, g->duration_nsec);
            ofp_ds_put_char(s, ',');
        }
        ofp_ds_put_format(s, "ref_count=%"PRIu32",packet_count=%"PRIu64
                          ",byte_count=%"PRIu64, g->ref_count,
                          g->packet_count, g->byte_count);
        for (size_t j = 0; j < g->n_buckets; j++) {
            if (g->buckets[j].packet_count != UINT64_MAX) {
                ofp_ds_put_format(s, ",bucket%zu:packet_count=%"PRIu64
                                  ",byte_count=%"PRIu64, j,
                                  g->buckets[j].packet_count,
                                  g->buckets[j].byte_count);
            }
        }
    }
}

/* One group as Open vSwitch's group printer shows it in GROUP_DESC
 * replies: weights are shown only when they differ from the type's
 * default (1 for select groups, 0 otherwise). */
static void
format_group_desc(const struct ofp_group_desc *gd, struct ofp_ds *s)
{
    static const char *const type_names[] = {
        "all", "select", "indirect", "ff", "unknown",
    };

    ofp_ds_put_format(s, "group_id=%"PRIu32",type=%s", gd->group_id,
                      type_names[gd->type > 4 ? 4 : gd->type]);
    if (gd->n_buckets) {
        ofp_ds_put_char(s, ',');
        ofp_buckets_format(gd->buckets, gd->n_buckets, gd->type, s);
    }
}

/* Formats the group table capabilities, per supported type. */
static void
format_group_features(const struct ofp_group_features *gf, struct ofp_ds *s)
{
    static const char *const names[4] = {
        "all", "select", "indirect", "fast failover",
    };

    put_sep(s);
    ofp_ds_put_format(s, "Group table: Types:  0x%"PRIx32
                      " Capabilities:  0x%"PRIx32,
                      gf->types, gf->capabilities);
    for (int i = 0; i < 4; i++) {
        if (gf->types & (1u << i)) {
            ofp_ds_put_format(s, " %s group: max_groups=%#"PRIx32
                              " actions: ", names[i], gf->max_groups[i]);
            put_ovs_action_bitmap(s, ofpat_bitmap_to_ovs(gf->actions[i]));
        }
    }
}

/* Formats one meter's counters with its band counters. */
static void
format_meter_stats(const struct ofp_meter_stats *ms, struct ofp_ds *s)
{
    put_meter_id(s, ms->meter_id, ':');
    ofp_ds_put_format(s, " flow_count:%"PRIu32" packet_in_count:%"PRIu64
                      " byte_in_count:%"PRIu64" duration:", ms->flow_count,
                      ms->packet_in_count, ms->byte_in_count);
    ofp_ds_put_duration(s, ms->duration_sec, ms->duration_nsec);
    ofp_ds_put_cstr(s, " bands:");
    for (size_t i = 0; i < ms->n_bands; i++) {
        ofp_ds_put_format(s, " %zu: packet_count:%"PRIu64" byte_count:%"
                          PRIu64, i, ms->bands[i].packet_band_count,
                          ms->bands[i].byte_band_count);
    }
}

/* One meter as Open vSwitch prints METER_CONFIG entries: burst sizes only
 * with the burst flag, prec_level only for dscp_remark bands. */
static void
format_meter_config(const struct ofp_meter_config *mc, struct ofp_ds *s)
{
    uint16_t other = mc->flags & ~(OFPMF_KBPS | OFPMF_PKTPS | OFPMF_BURST
                                   | OFPMF_STATS);

    put_meter_id(s, mc->meter_id, '=');
    ofp_ds_put_char(s, ' ');
    if (mc->flags & OFPMF_KBPS) {
        ofp_ds_put_cstr(s, "kbps ");
    }
    if (mc->flags & OFPMF_PKTPS) {
        ofp_ds_put_cstr(s, "pktps ");
    }
    if (mc->flags & OFPMF_BURST) {
        ofp_ds_put_cstr(s, "burst ");
    }
    if (mc->flags & OFPMF_STATS) {
        ofp_ds_put_cstr(s, "stats ");
    }
    if (other) {
        ofp_ds_put_format(s, "flags:0x%x ", (unsigned int) other);
    }
    ofp_ds_put_cstr(s, "bands=");
    for (size_t i = 0; i < mc->n_bands; i++) {
        const struct ofp_meter_band *mb = &mc->bands[i];

        ofp_ds_put_cstr(s, " type=");
        if (mb->type == OFPMBT_DROP) {
            ofp_ds_put_cstr(s, "drop");
        } else if (mb->type == OFPMBT_DSCP_REMARK) {
            ofp_ds_put_cstr(s, "dscp_remark");
        } else {
            ofp_ds_put_format(s, "%u", (unsigned int) mb->type);
        }
        ofp_ds_put_format(s, " rate=%"PRIu32, mb->rate);
        if (mc->flags & OFPMF_BURST) {
            ofp_ds_put_format(s, " burst_size=%"PRIu32, mb->burst_size);
        }
        if (mb->type == OFPMBT_DSCP_REMARK) {
            ofp_ds_put_format(s, " prec_level=%"PRIu8, mb->prec_level);
        }
    }
}

/* Formats the meter table capabilities. */
static void
format_meter_features(const struct ofp_meter_features *mf, struct ofp_ds *s)
{
    static const char *const band_names[32] = {
        [OFPMBT_DROP] = "drop", [OFPMBT_DSCP_REMARK] = "dscp_remark",
    };
    static const char *const cap_names[32] = {
        "kbps", "pktps", "burst", "stats",
    };

    put_sep(s);
    ofp_ds_put_format(s, "max_meter:%"PRIu32" max_bands:%"PRIu8
                      " max_color:%"PRIu8" band_types: ", mf->max_meter,
                      mf->max_bands, mf->max_color);
    put_bit_names(s, mf->band_types, band_names);
    ofp_ds_put_cstr(s, " capabilities: ");
    put_bit_names(s, mf->capabilities, cap_names);
}

/* Orders ports as Open vSwitch does before printing a PORT_DESC reply. */
static int
compare_ports(const void *a_, const void *b_)
{
    const struct ofp_port *const *a = a_;
    const struct ofp_port *const *b = b_;
    uint16_t ap = port_to_u16((*a)->port_no);
    uint16_t bp = port_to_u16((*b)->port_no);

    return ap < bp ? -1 : ap > bp;
}

/* Formats the ports sorted by number, as Open vSwitch does. */
static void
format_port_desc(const struct ofp_port *ports, size_t n, struct ofp_ds *s)
{
    const struct ofp_port **sorted;

    if (!n) {
        return;
    }
    sorted = malloc(n * sizeof *sorted);
    if (!sorted) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        sorted[i] = &ports[i];
    }
    qsort(sorted, n, sizeof *sorted, compare_ports);
    for (size_t i = 0; i < n; i++) {
        put_sep(s);
        ofp_port_desc_format(sorted[i], s);
    }
    free(sorted);
}

/* Formats a reply body as Open vSwitch does, on one line. */
void
ofp_format_multipart_reply(const struct ofp_multipart_reply *rep,
                           struct ofp_ds *s)
{
    size_t start = s->length;

    switch (rep->type) {
    case OFPMP_DESC:
        if (rep->desc) {
            const struct ofp_desc_stats *d = rep->desc;

            put_sep(s);
            ofp_ds_put_format(s, "Manufacturer: %s Hardware: %s Software: %s"
                              " Serial Num: %s DP Description: %s",
                              d->mfr_desc, d->hw_desc, d->sw_desc,
                              d->serial_num, d->dp_desc);
        }
        break;
    case OFPMP_FLOW:
        for (size_t i = 0; i < rep->flow.n; i++) {
            put_sep(s);
            ofp_flow_stats_format(&rep->flow.entries[i], s);
        }
        break;
    case OFPMP_AGGREGATE:
        put_sep(s);
        ofp_ds_put_format(s, "packet_count=%"PRIu64" byte_count=%"PRIu64
                          " flow_count=%"PRIu32,
                          rep->aggregate.packet_count,
                          rep->aggregate.byte_count,
                          rep->aggregate.flow_count);
        break;
    case OFPMP_TABLE:
        format_table_stats(rep->table.entries, rep->table.n, s);
        break;
    case OFPMP_PORT_STATS:
        format_port_stats(rep->port_stats.entries, rep->port_stats.n, s);
        break;
    case OFPMP_QUEUE:
        format_queue_stats(rep->queue.entries, rep->queue.n, s);
        break;
    case OFPMP_GROUP:
        format_group_stats(rep->group.entries, rep->group.n, s);
        break;
    case OFPMP_GROUP_DESC:
        for (size_t i = 0; i < rep->group_desc.n; i++) {
            put_sep(s);
            format_group_desc(&rep->group_desc.entries[i], s);
        }
        break;
    case OFPMP_GROUP_FEATURES:
        format_group_features(&rep->group_features, s);
        break;
    case OFPMP_METER:
        for (size_t i = 0; i < rep->meter.n; i++) {
            put_sep(s);
            format_meter_stats(&rep->meter.entries[i], s);
        }
        break;
    case OFPMP_METER_CONFIG:
        for (size_t i = 0; i < rep->meter_config.n; i++) {
            put_sep(s);
            format_meter_config(&rep->meter_config.entries[i], s);
        }
        break;
    case OFPMP_METER_FEATURES:
        format_meter_features(&rep->meter_features, s);
        break;
    case OFPMP_TABLE_FEATURES:
        put_sep(s);
        format_table_features(rep->table_features.entries,
                              rep->table_features.n, s);
        break;
    case OFPMP_PORT_DESC:
        format_port_desc(rep->port_desc.entries, rep->port_desc.n, s);
        break;
    case OFPMP_EXPERIMENTER:
        put_sep(s);
        ofp_ds_put_format(s, "experimenter=0x%"PRIx32" exp_type=%"PRIu32
                          " %zu bytes of data",
                          rep->experimenter.experimenter,
                          rep->experimenter.exp_type,
                          rep->experimenter.data_len);
        break;
    default:
        break;
    }
    if (s->length > start) {
        ofp_ds_chomp(s, " ");
    }
}

/* ---- TABLE_FEATURES text. ------------------------------------------ */

/* Every OXM/NXM header Open vSwitch 3.1 knows, with the field's name and
 * its position in Open vSwitch's internal field order (which is the order
 * table features are printed in).  Several headers can name one field. */
static const struct {
    uint16_t oxm_class;
    uint32_t experimenter;      /* For class 0xffff, else 0. */
    uint8_t field;
    uint8_t rank;
    const char *name;
} ovs_fields[] = {
    { 0x0001, 0x00000000,  35,   0, "dp_hash" },
    { 0xffff, 0x00002320,   0,   0, "dp_hash" },
    { 0x0001, 0x00000000,  36,   1, "recirc_id" },
    { 0x8000, 0x00000000,  44,   2, "packet_type" },
    { 0x0001, 0x00000000,  37,   3, "conj_id" },
    { 0x0001, 0x00000000,  16,   4, "tun_id" },
    { 0x8000, 0x00000000,  38,   4, "tun_id" },
    { 0x0001, 0x00000000,  31,   5, "tun_src" },
    { 0x0001, 0x00000000,  32,   6, "tun_dst" },
    { 0x0001, 0x00000000, 109,   7, "tun_ipv6_src" },
    { 0x0001, 0x00000000, 110,   8, "tun_ipv6_dst" },
    { 0x0001, 0x00000000, 104,   9, "tun_flags" },
    { 0x0001, 0x00000000,  38,  12, "tun_gbp_id" },
    { 0x0001, 0x00000000,  39,  13, "tun_gbp_flags" },
    { 0xffff, 0x00002320,  11,  14, "tun_erspan_idx" },
    { 0xffff, 0x00002320,  12,  15, "tun_erspan_ver" },
    { 0xffff, 0x00002320,  13,  16, "tun_erspan_dir" },
    { 0xffff, 0x00002320,  14,  17, "tun_erspan_hwid" },
    { 0xffff, 0x00002320,  15,  18, "tun_gtpu_flags" },
    { 0xffff, 0x00002320,  16,  19, "tun_gtpu_msgtype" },
    { 0x0001, 0x00000000,  40,  20, "tun_metadata0" },
    { 0x0001, 0x00000000,  41,  21, "tun_metadata1" },
    { 0x0001, 0x00000000,  42,  22, "tun_metadata2" },
    { 0x0001, 0x00000000,  43,  23, "tun_metadata3" },
    { 0x0001, 0x00000000,  44,  24, "tun_metadata4" },
    { 0x0001, 0x00000000,  45,  25, "tun_metadata5" },
    { 0x0001, 0x00000000,  46,  26, "tun_metadata6" },
    { 0x0001, 0x00000000,  47,  27, "tun_metadata7" },
    { 0x0001, 0x00000000,  48,  28, "tun_metadata8" },
    { 0x0001, 0x00000000,  49,  29, "tun_metadata9" },
    { 0x0001, 0x00000000,  50,  30, "tun_metadata10" },
    { 0x0001, 0x00000000,  51,  31, "tun_metadata11" },
    { 0x0001, 0x00000000,  52,  32, "tun_metadata12" },
    { 0x0001, 0x00000000,  53,  33, "tun_metadata13" },
    { 0x0001, 0x00000000,  54,  34, "tun_metadata14" },
    { 0x0001, 0x00000000,  55,  35, "tun_metadata15" },
    { 0x0001, 0x00000000,  56,  36, "tun_metadata16" },
    { 0x0001, 0x00000000,  57,  37, "tun_metadata17" },
    { 0x0001, 0x00000000,  58,  38, "tun_metadata18" },
    { 0x0001, 0x00000000,  59,  39, "tun_metadata19" },
    { 0x0001, 0x00000000,  60,  40, "tun_metadata20" },
    { 0x0001, 0x00000000,  61,  41, "tun_metadata21" },
    { 0x0001, 0x00000000,  62,  42, "tun_metadata22" },
    { 0x0001, 0x00000000,  63,  43, "tun_metadata23" },
    { 0x0001, 0x00000000,  64,  44, "tun_metadata24" },
    { 0x0001, 0x00000000,  65,  45, "tun_metadata25" },
    { 0x0001, 0x00000000,  66,  46, "tun_metadata26" },
    { 0x0001, 0x00000000,  67,  47, "tun_metadata27" },
    { 0x0001, 0x00000000,  68,  48, "tun_metadata28" },
    { 0x0001, 0x00000000,  69,  49, "tun_metadata29" },
    { 0x0001, 0x00000000,  70,  50, "tun_metadata30" },
    { 0x0001, 0x00000000,  71,  51, "tun_metadata31" },
    { 0x0001, 0x00000000,  72,  52, "tun_metadata32" },
    { 0x0001, 0x00000000,  73,  53, "tun_metadata33" },
    { 0x0001, 0x00000000,  74,  54, "tun_metadata34" },
    { 0x0001, 0x00000000,  75,  55, "tun_metadata35" },
    { 0x0001, 0x00000000,  76,  56, "tun_metadata36" },
    { 0x0001, 0x00000000,  77,  57, "tun_metadata37" },
    { 0x0001, 0x00000000,  78,  58, "tun_metadata38" },
    { 0x0001, 0x00000000,  79,  59, "tun_metadata39" },
    { 0x0001, 0x00000000,  80,  60, "tun_metadata40" },
    { 0x0001, 0x00000000,  81,  61, "tun_metadata41" },
    { 0x0001, 0x00000000,  82,  62, "tun_metadata42" },
    { 0x0001, 0x00000000,  83,  63, "tun_metadata43" },
    { 0x0001, 0x00000000,  84,  64, "tun_metadata44" },
    { 0x0001, 0x00000000,  85,  65, "tun_metadata45" },
    { 0x0001, 0x00000000,  86,  66, "tun_metadata46" },
    { 0x0001, 0x00000000,  87,  67, "tun_metadata47" },
    { 0x0001, 0x00000000,  88,  68, "tun_metadata48" },
    { 0x0001, 0x00000000,  89,  69, "tun_metadata49" },
    { 0x0001, 0x00000000,  90,  70, "tun_metadata50" },
    { 0x0001, 0x00000000,  91,  71, "tun_metadata51" },
    { 0x0001, 0x00000000,  92,  72, "tun_metadata52" },
    { 0x0001, 0x00000000,  93,  73, "tun_metadata53" },
    { 0x0001, 0x00000000,  94,  74, "tun_metadata54" },
    { 0x0001, 0x00000000,  95,  75, "tun_metadata55" },
    { 0x0001, 0x00000000,  96,  76, "tun_metadata56" },
    { 0x0001, 0x00000000,  97,  77, "tun_metadata57" },
    { 0x0001, 0x00000000,  98,  78, "tun_metadata58" },
    { 0x0001, 0x00000000,  99,  79, "tun_metadata59" },
    { 0x0001, 0x00000000, 100,  80, "tun_metadata60" },
    { 0x0001, 0x00000000, 101,  81, "tun_metadata61" },
    { 0x0001, 0x00000000, 102,  82, "tun_metadata62" },
    { 0x0001, 0x00000000, 103,  83, "tun_metadata63" },
    { 0x8000, 0x00000000,   2,  84, "metadata" },
    { 0x0000, 0x00000000,   0,  85, "in_port" },
    { 0x8000, 0x00000000,   0,  86, "in_port_oxm" },
    { 0xffff, 0x4f4e4600,  43,  87, "actset_output" },
    { 0x0001, 0x00000000,  33,  89, "pkt_mark" },
    { 0x0001, 0x00000000, 105,  90, "ct_state" },
    { 0x0001, 0x00000000, 106,  91, "ct_zone" },
    { 0x0001, 0x00000000, 107,  92, "ct_mark" },
    { 0x0001, 0x00000000, 108,  93, "ct_label" },
    { 0x0001, 0x00000000, 119,  94, "ct_nw_proto" },
    { 0x0001, 0x00000000, 120,  95, "ct_nw_src" },
    { 0x0001, 0x00000000, 121,  96, "ct_nw_dst" },
    { 0x0001, 0x00000000, 122,  97, "ct_ipv6_src" },
    { 0x0001, 0x00000000, 123,  98, "ct_ipv6_dst" },
    { 0x0001, 0x00000000, 124,  99, "ct_tp_src" },
    { 0x0001, 0x00000000, 125, 100, "ct_tp_dst" },
    { 0x0001, 0x00000000,   0, 101, "reg0" },
    { 0x0001, 0x00000000,   1, 102, "reg1" },
    { 0x0001, 0x00000000,   2, 103, "reg2" },
    { 0x0001, 0x00000000,   3, 104, "reg3" },
    { 0x0001, 0x00000000,   4, 105, "reg4" },
    { 0x0001, 0x00000000,   5, 106, "reg5" },
    { 0x0001, 0x00000000,   6, 107, "reg6" },
    { 0x0001, 0x00000000,   7, 108, "reg7" },
    { 0x0001, 0x00000000,   8, 109, "reg8" },
    { 0x0001, 0x00000000,   9, 110, "reg9" },
    { 0x0001, 0x00000000,  10, 111, "reg10" },
    { 0x0001, 0x00000000,  11, 112, "reg11" },
    { 0x0001, 0x00000000,  12, 113, "reg12" },
    { 0x0001, 0x00000000,  13, 114, "reg13" },
    { 0x0001, 0x00000000,  14, 115, "reg14" },
    { 0x0001, 0x00000000,  15, 116, "reg15" },
    { 0x8001, 0x00000000,   0, 117, "xreg0" },
    { 0x8001, 0x00000000,   1, 118, "xreg1" },
    { 0x8001, 0x00000000,   2, 119, "xreg2" },
    { 0x8001, 0x00000000,   3, 120, "xreg3" },
    { 0x8001, 0x00000000,   4, 121, "xreg4" },
    { 0x8001, 0x00000000,   5, 122, "xreg5" },
    { 0x8001, 0x00000000,   6, 123, "xreg6" },
    { 0x8001, 0x00000000,   7, 124, "xreg7" },
    { 0x0001, 0x00000000, 111, 125, "xxreg0" },
    { 0x0001, 0x00000000, 112, 126, "xxreg1" },
    { 0x0001, 0x00000000, 113, 127, "xxreg2" },
    { 0x0001, 0x00000000, 114, 128, "xxreg3" },
    { 0x0000, 0x00000000,   2, 129, "eth_src" },
    { 0x8000, 0x00000000,   4, 129, "eth_src" },
    { 0x0000, 0x00000000,   1, 130, "eth_dst" },
    { 0x8000, 0x00000000,   3, 130, "eth_dst" },
    { 0x0000, 0x00000000,   3, 131, "eth_type" },
    { 0x8000, 0x00000000,   5, 131, "eth_type" },
    { 0x0000, 0x00000000,   4, 132, "vlan_tci" },
    { 0x8000, 0x00000000,   6, 134, "vlan_vid" },
    { 0x8000, 0x00000000,   7, 136, "vlan_pcp" },
    { 0x8000, 0x00000000,  34, 137, "mpls_label" },
    { 0x8000, 0x00000000,  35, 138, "mpls_tc" },
    { 0x8000, 0x00000000,  36, 139, "mpls_bos" },
    { 0x0001, 0x00000000,  30, 140, "mpls_ttl" },
    { 0x0000, 0x00000000,   7, 141, "ip_src" },
    { 0x8000, 0x00000000,  11, 141, "ip_src" },
    { 0x0000, 0x00000000,   8, 142, "ip_dst" },
    { 0x8000, 0x00000000,  12, 142, "ip_dst" },
    { 0x0001, 0x00000000,  19, 143, "ipv6_src" },
    { 0x8000, 0x00000000,  26, 143, "ipv6_src" },
    { 0x0001, 0x00000000,  20, 144, "ipv6_dst" },
    { 0x8000, 0x00000000,  27, 144, "ipv6_dst" },
    { 0x0001, 0x00000000,  27, 145, "ipv6_label" },
    { 0x8000, 0x00000000,  28, 145, "ipv6_label" },
    { 0x0000, 0x00000000,   6, 146, "nw_proto" },
    { 0x8000, 0x00000000,  10, 146, "nw_proto" },
    { 0x0000, 0x00000000,   5, 147, "nw_tos" },
    { 0x8000, 0x00000000,   8, 148, "ip_dscp" },
    { 0x0001, 0x00000000,  28, 149, "nw_ecn" },
    { 0x8000, 0x00000000,   9, 149, "nw_ecn" },
    { 0x0001, 0x00000000,  29, 150, "nw_ttl" },
    { 0x0001, 0x00000000,  26, 151, "ip_frag" },
    { 0x0000, 0x00000000,  15, 152, "arp_op" },
    { 0x8000, 0x00000000,  21, 152, "arp_op" },
    { 0x0000, 0x00000000,  16, 153, "arp_spa" },
    { 0x8000, 0x00000000,  22, 153, "arp_spa" },
    { 0x0000, 0x00000000,  17, 154, "arp_tpa" },
    { 0x8000, 0x00000000,  23, 154, "arp_tpa" },
    { 0x0001, 0x00000000,  17, 155, "arp_sha" },
    { 0x8000, 0x00000000,  24, 155, "arp_sha" },
    { 0x0001, 0x00000000,  18, 156, "arp_tha" },
    { 0x8000, 0x00000000,  25, 156, "arp_tha" },
    { 0x0000, 0x00000000,   9, 157, "tcp_src" },
    { 0x8000, 0x00000000,  13, 157, "tcp_src" },
    { 0x0000, 0x00000000,  10, 158, "tcp_dst" },
    { 0x8000, 0x00000000,  14, 158, "tcp_dst" },
    { 0x0001, 0x00000000,  34, 159, "tcp_flags" },
    { 0xffff, 0x4f4e4600,  42, 159, "tcp_flags" },
    { 0x0000, 0x00000000,  11, 160, "udp_src" },
    { 0x8000, 0x00000000,  15, 160, "udp_src" },
    { 0x0000, 0x00000000,  12, 161, "udp_dst" },
    { 0x8000, 0x00000000,  16, 161, "udp_dst" },
    { 0x8000, 0x00000000,  17, 162, "sctp_src" },
    { 0x8000, 0x00000000,  18, 163, "sctp_dst" },
    { 0x0000, 0x00000000,  13, 164, "icmp_type" },
    { 0x8000, 0x00000000,  19, 164, "icmp_type" },
    { 0x0000, 0x00000000,  14, 165, "icmp_code" },
    { 0x8000, 0x00000000,  20, 165, "icmp_code" },
    { 0x0001, 0x00000000,  21, 166, "icmpv6_type" },
    { 0x8000, 0x00000000,  29, 166, "icmpv6_type" },
    { 0x0001, 0x00000000,  22, 167, "icmpv6_code" },
    { 0x8000, 0x00000000,  30, 167, "icmpv6_code" },
    { 0x0001, 0x00000000,  23, 168, "nd_target" },
    { 0x8000, 0x00000000,  31, 168, "nd_target" },
    { 0x0001, 0x00000000,  24, 169, "nd_sll" },
    { 0x8000, 0x00000000,  32, 169, "nd_sll" },
    { 0x0001, 0x00000000,  25, 170, "nd_tll" },
    { 0x8000, 0x00000000,  33, 170, "nd_tll" },
    { 0x1000, 0x00000000,   1, 171, "nd_reserved" },
    { 0x1000, 0x00000000,   2, 172, "nd_options_type" },
    { 0xffff, 0x005ad650,   1, 173, "nsh_flags" },
    { 0xffff, 0x005ad650,   2, 174, "nsh_mdtype" },
    { 0xffff, 0x005ad650,   3, 175, "nsh_np" },
    { 0xffff, 0x005ad650,   4, 176, "nsh_spi" },
    { 0xffff, 0x005ad650,   5, 177, "nsh_si" },
    { 0xffff, 0x005ad650,   6, 178, "nsh_c1" },
    { 0xffff, 0x005ad650,   7, 179, "nsh_c2" },
    { 0xffff, 0x005ad650,   8, 180, "nsh_c3" },
    { 0xffff, 0x005ad650,   9, 181, "nsh_c4" },
    { 0xffff, 0x005ad650,  10, 182, "nsh_ttl" },
};
#define N_OVS_FIELDS (sizeof ovs_fields / sizeof ovs_fields[0])
#define MF_WORDS 3              /* Enough bits for every rank. */

/* A set of fields, by rank. */
struct mf_set {
    uint64_t w[MF_WORDS];
};

/* What a table can do with one action set (write or apply). */
struct tf_actions {
    uint32_t actions;           /* Bitmap over ofpat_names[]. */
    struct mf_set set_fields;
};

/* The instruction-related capabilities, for flows or for the table miss. */
struct tf_insts {
    uint8_t next[32];           /* Bitmap of next tables 0...254. */
    uint32_t insts;             /* Bitmap over ovs_inst_names[]. */
    struct tf_actions write, apply;
};

/* A table features entry with its properties parsed, the way Open vSwitch
 * interprets them before printing. */
struct tf_parsed {
    int table_id;
    const char *name;
    uint64_t metadata_match, metadata_write;
    uint32_t max_entries;
    struct tf_insts nonmiss, miss;
    struct mf_set match, mask, wildcard;
};

/* Open vSwitch's instruction order and names, with the OFPIT_* of each. */
static const struct {
    uint16_t ofpit;
    const char *name;
} ovs_inst_names[] = {
    { OFPIT_METER, "meter" }, { OFPIT_APPLY_ACTIONS, "apply_actions" },
    { OFPIT_CLEAR_ACTIONS, "clear_actions" },
    { OFPIT_WRITE_ACTIONS, "write_actions" },
    { OFPIT_WRITE_METADATA, "write_metadata" },
    { OFPIT_GOTO_TABLE, "goto_table" },
};
#define N_OVS_INSTS (sizeof ovs_inst_names / sizeof ovs_inst_names[0])

/* True if no field is in the set. */
static bool
mf_set_is_empty(const struct mf_set *m)
{
    for (int i = 0; i < MF_WORDS; i++) {
        if (m->w[i]) {
            return false;
        }
    }
    return true;
}

/* True if both sets hold the same fields. */
static bool
mf_set_equal(const struct mf_set *a, const struct mf_set *b)
{
    return !memcmp(a->w, b->w, sizeof a->w);
}

/* Adds the fields of the OXM header list 'p' (already length-checked) to
 * 'exact', or to 'masked' for headers with the mask bit when 'masked' is
 * nonnull.  Headers Open vSwitch does not know are skipped, as it does. */
static void
tf_parse_oxms(const uint8_t *p, size_t len, struct mf_set *exact,
              struct mf_set *masked)
{
    while (len >= 4) {
        uint32_t header = ofp_get_be32(p);
        uint16_t class = OFP_OXM_CLASS(header);
        uint32_t experimenter = 0;
        size_t hlen = 4;

        if (class == OFP_OXM_CLASS_EXPERIMENTER) {
            if (len < 8) {
                break;
            }
            experimenter = ofp_get_be32(p + 4);
            hlen = 8;
        }
        for (size_t i = 0; i < N_OVS_FIELDS; i++) {
            if (ovs_fields[i].oxm_class == class
                && ovs_fields[i].field == OFP_OXM_FIELD(header)
                && ovs_fields[i].experimenter == experimenter) {
                struct mf_set *set = (masked && OFP_OXM_HASMASK(header)
                                      ? masked : exact);
                unsigned int rank = ovs_fields[i].rank;
                set->w[rank / 64] |= UINT64_C(1) << (rank % 64);
                break;
            }
        }
        p += hlen;
        len -= hlen;
    }
}

/* Returns the OFPIT_* or OFPAT_* types listed in an ID list as a bitmap of
 * 1 << type (types >= 32 are dropped). */
static uint32_t
tf_parse_ids(const uint8_t *p, size_t len)
{
    uint32_t types = 0;

    while (len >= 4) {
        uint16_t type = ofp_get_be16(p);
        uint16_t id_len = ofp_get_be16(p + 2);

        if (id_len < 4 || id_len > len) {
            break;
        }
        if (type < 32) {
            types |= 1u << type;
        }
        p += id_len;
        len -= id_len;
    }
    return types;
}

/* Converts a bitmap of 1 << OFPIT_* to one over ovs_inst_names[]. */
static uint32_t
ofpit_bitmap_to_ovs(uint32_t ofpit_bits)
{
    uint32_t ovs = 0;

    for (size_t i = 0; i < N_OVS_INSTS; i++) {
        if (ofpit_bits & (1u << ovs_inst_names[i].ofpit)) {
            ovs |= 1u << i;
        }
    }
    return ovs;
}

/* Parses the raw properties of 'tf' into 'out', filling the table-miss
 * capabilities from the regular ones where no *_MISS property is given
 * and making the match, mask and wildcard sets consistent, as Open vSwitch
 * does. */
static void
tf_parse(const struct ofp_table_features *tf, struct tf_parsed *out)
{
    const uint8_t *p = tf->properties;
    size_t len = p ? tf->properties_len : 0;
    uint32_t seen = 0;

    memset(out, 0, sizeof *out);
    out->table_id = tf->table_id;
    out->name = tf->name;
    out->metadata_match = tf->metadata_match;
    out->metadata_write = tf->metadata_write;
    out->max_entries = tf->max_entries;

    while (len >= 4) {
        uint16_t type = ofp_get_be16(p);
        uint16_t prop_len = ofp_get_be16(p + 2);
        size_t padded = (prop_len + 7u) & ~7u;
        const uint8_t *body = p + 4;
        size_t body_len;

        if (prop_len < 4 || prop_len > len) {
            break;
        }
        body_len = prop_len - 4u;
        if (type < 32) {
            seen |= 1u << type;
        }
        switch (type) {
        case OFPTFPT_INSTRUCTIONS:
            out->nonmiss.insts = ofpit_bitmap_to_ovs(tf_parse_ids(body,
                                                                  body_len));
            break;
        case OFPTFPT_INSTRUCTIONS_MISS:
            out->miss.insts = ofpit_bitmap_to_ovs(tf_parse_ids(body,
                                                               body_len));
            break;
        case OFPTFPT_NEXT_TABLES:
        case OFPTFPT_NEXT_TABLES_MISS: {
            struct tf_insts *ti = (type == OFPTFPT_NEXT_TABLES
                                   ? &out->nonmiss : &out->miss);
            for (size_t i = 0; i < body_len; i++) {
                if (body[i] < 255) {
                    ti->next[body[i] / 8] |= 1u << (body[i] % 8);
                }
            }
            break;
        }
        case OFPTFPT_WRITE_ACTIONS:
            out->nonmiss.write.actions
                = ofpat_bitmap_to_ovs(tf_parse_ids(body, body_len));
            break;
        case OFPTFPT_WRITE_ACTIONS_MISS:
            out->miss.write.actions
                = ofpat_bitmap_to_ovs(tf_parse_ids(body, body_len));
            break;
        case OFPTFPT_APPLY_ACTIONS:
            out->nonmiss.apply.actions
                = ofpat_bitmap_to_ovs(tf_parse_ids(body, body_len));
            break;
        case OFPTFPT_APPLY_ACTIONS_MISS:
            out->miss.apply.actions
                = ofpat_bitmap_to_ovs(tf_parse_ids(body, body_len));
            break;
        case OFPTFPT_MATCH:
            tf_parse_oxms(body, body_len, &out->match, &out->mask);
            break;
        case OFPTFPT_WILDCARDS:
            tf_parse_oxms(body, body_len, &out->wildcard, NULL);
            break;
        case OFPTFPT_WRITE_SETFIELD:
            tf_parse_oxms(body, body_len, &out->nonmiss.write.set_fields,
                          NULL);
            break;
        case OFPTFPT_WRITE_SETFIELD_MISS:
            tf_parse_oxms(body, body_len, &out->miss.write.set_fields, NULL);
            break;
        case OFPTFPT_APPLY_SETFIELD:
            tf_parse_oxms(body, body_len, &out->nonmiss.apply.set_fields,
                          NULL);
            break;
        case OFPTFPT_APPLY_SETFIELD_MISS:
            tf_parse_oxms(body, body_len, &out->miss.apply.set_fields, NULL);
            break;
        default:
            break;
        }
        if (padded > len) {
            break;
        }
        p += padded;
        len -= padded;
    }

    if (tf->properties_len) {
        if (!(seen & (1u << OFPTFPT_INSTRUCTIONS_MISS))) {
            out->miss.insts = out->nonmiss.insts;
        }
        if (!(seen & (1u << OFPTFPT_NEXT_TABLES_MISS))) {
            memcpy(out->miss.next, out->nonmiss.next, sizeof out->miss.next);
        }
        if (!(seen & (1u << OFPTFPT_WRITE_ACTIONS_MISS))) {
            out->miss.write.actions = out->nonmiss.write.actions;
        }
        if (!(seen & (1u << OFPTFPT_APPLY_ACTIONS_MISS))) {
            out->miss.apply.actions = out->nonmiss.apply.actions;
        }
        if (!(seen & (1u << OFPTFPT_WRITE_SETFIELD_MISS))) {
            out->miss.write.set_fields = out->nonmiss.write.set_fields;
        }
        if (!(seen & (1u << OFPTFPT_APPLY_SETFIELD_MISS))) {
            out->miss.apply.set_fields = out->nonmiss.apply.set_fields;
        }
    }
    for (int i = 0; i < MF_WORDS; i++) {
        out->match.w[i] |= out->mask.w[i];
        out->wildcard.w[i] |= out->mask.w[i];
        out->wildcard.w[i] &= out->match.w[i];
    }
}

/* Returns the length of the longest common prefix of 'a' and 'b' that ends
 * in "_", or 0. */
static size_t
common_prefix_len(const char *a, const char *b)
{
    size_t len = 0;

    for (size_t i = 0; a[i] && a[i] == b[i]; i++) {
        if (a[i] == '_') {
            len = i + 1;
        }
    }
    return len;
}

/* How many names at the start of 'ids' share a further "_"-terminated
 * prefix with the first one (Open vSwitch's rule, quirks included). */
static size_t
common_prefix_run(const char *ids[], size_t n, size_t prefix_len,
                  size_t *extra_lenp)
{
    size_t extra, i;

    *extra_lenp = 0;
    if (n < 2) {
        return n;
    }
    extra = common_prefix_len(ids[0] + prefix_len, ids[1] + prefix_len);
    if (!extra) {
        return 1;
    }
    for (i = 2; i < n; i++) {
        if (!common_prefix_len(ids[0] + prefix_len, ids[i] + prefix_len)) {
            break;
        }
    }
    *extra_lenp = extra;
    return i;
}

/* True if 's' is a nonempty string of digits. */
static bool
all_digits(const char *s)
{
    return s[0] && s[strspn(s, "0123456789")] == '\0';
}

/* True if 'b' is 'a' with its numeric suffix plus one ("reg0", "reg1"). */
static bool
names_sequential(const char *a, const char *b)
{
    for (; *a == *b; a++, b++) {
        if (!*a) {
            return false;
        }
    }
    return (all_digits(a) && all_digits(b) && strlen(a) < 10
            && strlen(b) < 10 && atoi(a) + 1 == atoi(b));
}

/* How many names at the start of 'ids' are sequential; a run of two does
 * not count. */
static size_t
sequential_run(const char *ids[], size_t n)
{
    for (size_t i = 1; ; i++) {
        if (i >= n || !names_sequential(ids[i - 1], ids[i])) {
            return i == 2 ? 1 : i;
        }
    }
}

/* Appends names abbreviated as Open vSwitch does: "eth_{src,dst}",
 * "reg0...reg15". */
static void
put_names(struct ofp_ds *s, const char *ids[], size_t n, size_t prefix_len)
{
    int group = 0;

    while (n > 0) {
        size_t extra, prefix_run, suffix_run, run;

        if (group++) {
            ofp_ds_put_char(s, prefix_len ? ',' : ' ');
        }
        prefix_run = common_prefix_run(ids, n, prefix_len, &extra);
        suffix_run = sequential_run(ids, n);
        run = prefix_run > suffix_run ? prefix_run : suffix_run;
        if (suffix_run >= prefix_run) {
            ofp_ds_put_cstr(s, ids[0] + prefix_len);
            if (run > 1) {
                ofp_ds_put_format(s, "...%s", ids[run - 1] + prefix_len);
            }
        } else {
            ofp_ds_put_format(s, "%.*s{", (int) extra, ids[0] + prefix_len);
            put_names(s, ids, run, prefix_len + extra);
            ofp_ds_put_char(s, '}');
        }
        ids += run;
        n -= run;
    }
}

/* Appends " " and the names of the fields in 'm', if any. */
static void
put_mf_set(struct ofp_ds *s, const struct mf_set *m)
{
    const char *ids[MF_WORDS * 64];
    size_t n = 0;

    for (unsigned int rank = 0; rank < MF_WORDS * 64; rank++) {
        if (m->w[rank / 64] & (UINT64_C(1) << (rank % 64))) {
            for (size_t i = 0; i < N_OVS_FIELDS; i++) {
                if (ovs_fields[i].rank == rank) {
                    ids[n++] = ovs_fields[i].name;
                    break;
                }
            }
        }
    }
    if (n) {
        ofp_ds_put_char(s, ' ');
        put_names(s, ids, n, 0);
    }
}

/* True if two action capabilities are the same. */
static bool
tf_actions_equal(const struct tf_actions *a, const struct tf_actions *b)
{
    return a->actions == b->actions
           && mf_set_equal(&a->set_fields, &b->set_fields);
}

/* True if no action or set-field is supported. */
static bool
tf_actions_empty(const struct tf_actions *a)
{
    return !a->actions && mf_set_is_empty(&a->set_fields);
}

/* True if 'table' is among the next tables. */
static bool
next_has(const uint8_t next[32], int table)
{
    return table >= 0 && table < 255 && (next[table / 8] >> (table % 8)) & 1;
}

/* Compares next-table sets, treating a table's ability to go to the table
 * right after it as equal to that table's inability to go to itself. */
static bool
tf_next_equal(const uint8_t a[32], int a_table, const uint8_t b[32],
              int b_table)
{
    if (b_table == a_table + 1 && next_has(a, b_table)
        && !next_has(b, b_table)) {
        for (int t = 0; t < 255; t++) {
            if (t != b_table && next_has(a, t) != next_has(b, t)) {
                return false;
            }
        }
        return true;
    } else if (a_table == b_table + 1) {
        return tf_next_equal(b, b_table, a, a_table);
    }
    for (int t = 0; t < 255; t++) {
        if (next_has(a, t) != next_has(b, t)) {
            return false;
        }
    }
    return true;
}

/* Compares instruction capabilities of two tables. */
static bool
tf_insts_equal(const struct tf_insts *a, int a_table,
               const struct tf_insts *b, int b_table)
{
    return (tf_next_equal(a->next, a_table, b->next, b_table)
            && a->insts == b->insts
            && tf_actions_equal(&a->write, &b->write)
            && tf_actions_equal(&a->apply, &b->apply));
}

/* True if nothing at all is supported. */
static bool
tf_insts_empty(const struct tf_insts *ti)
{
    for (int i = 0; i < 32; i++) {
        if (ti->next[i]) {
            return false;
        }
    }
    return (!ti->insts && tf_actions_empty(&ti->write)
            && tf_actions_empty(&ti->apply));
}

/* True if two tables print the same (Open vSwitch's notion). */
static bool
tf_equal(const struct tf_parsed *a, const struct tf_parsed *b)
{
    return (a->metadata_match == b->metadata_match
            && a->metadata_write == b->metadata_write
            && a->max_entries == b->max_entries
            && tf_insts_equal(&a->nonmiss, a->table_id,
                              &b->nonmiss, b->table_id)
            && tf_insts_equal(&a->miss, a->table_id, &b->miss, b->table_id)
            && mf_set_equal(&a->match, &b->match));
}

/* Appends the supported actions and set-field fields. */
static void
put_tf_actions(struct ofp_ds *s, const struct tf_actions *ta)
{
    if (ta->actions) {
        ofp_ds_put_cstr(s, " actions: ");
        put_ovs_action_bitmap(s, ta->actions);
    }
    if (!mf_set_is_empty(&ta->set_fields)) {
        ofp_ds_put_cstr(s, " supported on Set-Field:");
        put_mf_set(s, &ta->set_fields);
    }
}

/* Appends next tables, instructions and action capabilities. */
static void
put_tf_insts(struct ofp_ds *s, const struct tf_insts *ti,
             const struct tf_insts *prev)
{
    bool any_next = false;

    for (int i = 0; i < 32; i++) {
        any_next |= ti->next[i] != 0;
    }
    if (any_next) {
        ofp_ds_put_cstr(s, " next tables: ");
        for (int t = 0; t < 255; ) {
            int end;

            if (!next_has(ti->next, t)) {
                t++;
                continue;
            }
            for (end = t + 1; end < 255 && next_has(ti->next, end); end++) {
                continue;
            }
            if (end == t + 1) {
                ofp_ds_put_format(s, "%d,", t);
            } else {
                ofp_ds_put_format(s, "%d-%d,", t, end - 1);
            }
            t = end;
        }
        ofp_ds_chomp(s, ",");
    }

    if (ti->insts) {
        if (prev && ti->insts == prev->insts) {
            ofp_ds_put_cstr(s, " (same instructions)");
        } else {
            ofp_ds_put_cstr(s, " instructions:");
            for (size_t i = 0; i < N_OVS_INSTS; i++) {
                if (ti->insts & (1u << i)) {
                    ofp_ds_put_format(s, " %s", ovs_inst_names[i].name);
                }
            }
        }
    }

    if (prev && tf_actions_equal(&ti->write, &prev->write)
        && tf_actions_equal(&ti->apply, &prev->apply)
        && !mf_set_is_empty(&ti->write.set_fields)) {
        ofp_ds_put_cstr(s, " (same actions)");
    } else if (!tf_actions_equal(&ti->write, &ti->apply)) {
        ofp_ds_put_cstr(s, " Write-Actions features:");
        put_tf_actions(s, &ti->write);
        ofp_ds_put_cstr(s, " Apply-Actions features:");
        put_tf_actions(s, &ti->apply);
    } else if (!tf_actions_empty(&ti->write)) {
        ofp_ds_put_cstr(s, " Write-Actions and Apply-Actions features:");
        put_tf_actions(s, &ti->write);
    }
}

/* Appends the fields of 'tp' that are in 'match', intersected with 'mask'
 * (or its complement) and 'wildcard' (or its complement). */
static void
put_tf_matches(struct ofp_ds *s, const struct tf_parsed *tp, bool mask,
               bool wc, const char *title)
{
    struct mf_set m;

    for (int i = 0; i < MF_WORDS; i++) {
        m.w[i] = (tp->match.w[i]
                  & (mask ? tp->mask.w[i] : ~tp->mask.w[i])
                  & (wc ? tp->wildcard.w[i] : ~tp->wildcard.w[i]));
    }
    if (!mf_set_is_empty(&m)) {
        ofp_ds_put_format(s, " %s:", title);
        put_mf_set(s, &m);
    }
}

/* One table, given the previous one (NULL for the first). */
static void
format_one_table_features(const struct tf_parsed *tp,
                          const struct tf_parsed *prev, struct ofp_ds *s)
{
    if (tp->metadata_match || tp->metadata_write) {
        ofp_ds_put_format(s, " metadata: match=%#"PRIx64" write=%#"PRIx64,
                          tp->metadata_match, tp->metadata_write);
    }
    if (tp->max_entries) {
        ofp_ds_put_format(s, " max_entries=%"PRIu32, tp->max_entries);
    }

    if (prev
        && tf_insts_equal(&tp->nonmiss, tp->table_id,
                          &prev->nonmiss, prev->table_id)
        && tf_insts_equal(&tp->miss, tp->table_id,
                          &prev->miss, prev->table_id)) {
        if (!tf_insts_empty(&tp->nonmiss)) {
            ofp_ds_put_cstr(s, " (same instructions)");
        }
    } else if (!tf_insts_equal(&tp->nonmiss, tp->table_id,
                               &tp->miss, tp->table_id)) {
        ofp_ds_put_cstr(s, " instructions (other than table miss):");
        put_tf_insts(s, &tp->nonmiss, prev ? &prev->nonmiss : NULL);
        ofp_ds_put_cstr(s, " instructions (table miss):");
        put_tf_insts(s, &tp->miss, prev ? &prev->miss : NULL);
    } else if (!tf_insts_empty(&tp->nonmiss)) {
        ofp_ds_put_cstr(s, " instructions (table miss and others):");
        put_tf_insts(s, &tp->nonmiss, prev ? &prev->nonmiss : NULL);
    }

    if (!mf_set_is_empty(&tp->match)) {
        if (prev && mf_set_equal(&tp->match, &prev->match)) {
            ofp_ds_put_cstr(s, " (same matching)");
        } else {
            ofp_ds_put_cstr(s, " matching:");
            put_tf_matches(s, tp, true, true, "arbitrary mask");
            put_tf_matches(s, tp, false, true, "exact match or wildcard");
            put_tf_matches(s, tp, false, false, "must exact match");
        }
    }
}

/* All tables of a TABLE_FEATURES request or reply; tables identical to
 * the previous one (and unnamed) collapse into "tables A...B: ditto". */
static void
format_table_features(const struct ofp_table_features *tfs, size_t n,
                      struct ofp_ds *s)
{
    struct tf_parsed tp[2];
    int first_ditto = -1, last_ditto = -1;

    for (size_t i = 0; i < n; i++) {
        struct tf_parsed *cur = &tp[i % 2];
        const struct tf_parsed *prev = i ? &tp[(i + 1) % 2] : NULL;
        bool same;

        tf_parse(&tfs[i], cur);
        same = prev && tf_equal(cur, prev);
        if (same && !cur->name[0]) {
            if (first_ditto < 0) {
                first_ditto = cur->table_id;
            }
            last_ditto = cur->table_id;
            continue;
        }
        put_ditto(s, first_ditto, last_ditto);
        first_ditto = -1;

        put_sep(s);
        ofp_ds_put_format(s, "table %d", cur->table_id);
        if (cur->name[0]) {
            ofp_ds_put_format(s, " (\"%s\")", cur->name);
        }
        ofp_ds_put_char(s, ':');
        if (same) {
            ofp_ds_put_cstr(s, " ditto");
            continue;
        }
        format_one_table_features(cur, prev, s);
    }
    put_ditto(s, first_ditto, last_ditto);
}
