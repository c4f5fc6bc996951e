/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_ERRORS_H
#define OFP_ERRORS_H 1

/* OpenFlow 1.3 error types and codes as one enum.
 *
 * Every decoder returns 0 on success or an 'enum ofperr' that names exactly
 * the OFPT_ERROR (type, code) a switch or controller would send back for
 * that input.  The values sit above OFPERR_OFS so they can never be
 * confused with a positive errno. */

#include <stdint.h>

#define OFPERR_OFS (1 << 30)

/* OFPET_* error types (OpenFlow 1.3.5, section 7.4.4). */
enum ofp_error_type {
    OFPET_HELLO_FAILED = 0,
    OFPET_BAD_REQUEST = 1,
    OFPET_BAD_ACTION = 2,
    OFPET_BAD_INSTRUCTION = 3,
    OFPET_BAD_MATCH = 4,
    OFPET_FLOW_MOD_FAILED = 5,
    OFPET_GROUP_MOD_FAILED = 6,
    OFPET_PORT_MOD_FAILED = 7,
    OFPET_TABLE_MOD_FAILED = 8,
    OFPET_QUEUE_OP_FAILED = 9,
    OFPET_SWITCH_CONFIG_FAILED = 10,
    OFPET_ROLE_REQUEST_FAILED = 11,
    OFPET_METER_MOD_FAILED = 12,
    OFPET_TABLE_FEATURES_FAILED = 13,
    OFPET_EXPERIMENTER = 0xffff,
};

/* X(TYPE, NAME, CODE): every OpenFlow 1.3 error code. */
#define OFPERR_LIST(X)                                    \
    X(HELLO_FAILED, OFPHFC_INCOMPATIBLE, 0)               \
    X(HELLO_FAILED, OFPHFC_EPERM, 1)                      \
    X(BAD_REQUEST, OFPBRC_BAD_VERSION, 0)                 \
    X(BAD_REQUEST, OFPBRC_BAD_TYPE, 1)                    \
    X(BAD_REQUEST, OFPBRC_BAD_MULTIPART, 2)               \
    X(BAD_REQUEST, OFPBRC_BAD_EXPERIMENTER, 3)            \
    X(BAD_REQUEST, OFPBRC_BAD_EXP_TYPE, 4)                \
    X(BAD_REQUEST, OFPBRC_EPERM, 5)                       \
    X(BAD_REQUEST, OFPBRC_BAD_LEN, 6)                     \
    X(BAD_REQUEST, OFPBRC_BUFFER_EMPTY, 7)                \
    X(BAD_REQUEST, OFPBRC_BUFFER_UNKNOWN, 8)              \
    X(BAD_REQUEST, OFPBRC_BAD_TABLE_ID, 9)                \
    X(BAD_REQUEST, OFPBRC_IS_SLAVE, 10)                   \
    X(BAD_REQUEST, OFPBRC_BAD_PORT, 11)                   \
    X(BAD_REQUEST, OFPBRC_BAD_PACKET, 12)                 \
    X(BAD_REQUEST, OFPBRC_MULTIPART_BUFFER_OVERFLOW, 13)  \
    X(BAD_ACTION, OFPBAC_BAD_TYPE, 0)                     \
    X(BAD_ACTION, OFPBAC_BAD_LEN, 1)                      \
    X(BAD_ACTION, OFPBAC_BAD_EXPERIMENTER, 2)             \
    X(BAD_ACTION, OFPBAC_BAD_EXP_TYPE, 3)                 \
    X(BAD_ACTION, OFPBAC_BAD_OUT_PORT, 4)                 \
    X(BAD_ACTION, OFPBAC_BAD_ARGUMENT, 5)                 \
    X(BAD_ACTION, OFPBAC_EPERM, 6)                        \
    X(BAD_ACTION, OFPBAC_TOO_MANY, 7)                     \
    X(BAD_ACTION, OFPBAC_BAD_QUEUE, 8)                    \
    X(BAD_ACTION, OFPBAC_BAD_OUT_GROUP, 9)                \
    X(BAD_ACTION, OFPBAC_MATCH_INCONSISTENT, 10)          \
    X(BAD_ACTION, OFPBAC_UNSUPPORTED_ORDER, 11)           \
    X(BAD_ACTION, OFPBAC_BAD_TAG, 12)                     \
    X(BAD_ACTION, OFPBAC_BAD_SET_TYPE, 13)                \
    X(BAD_ACTION, OFPBAC_BAD_SET_LEN, 14)                 \
    X(BAD_ACTION, OFPBAC_BAD_SET_ARGUMENT, 15)            \
    X(BAD_INSTRUCTION, OFPBIC_UNKNOWN_INST, 0)            \
    X(BAD_INSTRUCTION, OFPBIC_UNSUP_INST, 1)              \
    X(BAD_INSTRUCTION, OFPBIC_BAD_TABLE_ID, 2)            \
    X(BAD_INSTRUCTION, OFPBIC_UNSUP_METADATA, 3)          \
    X(BAD_INSTRUCTION, OFPBIC_UNSUP_METADATA_MASK, 4)     \
    X(BAD_INSTRUCTION, OFPBIC_BAD_EXPERIMENTER, 5)        \
    X(BAD_INSTRUCTION, OFPBIC_BAD_EXP_TYPE, 6)            \
    X(BAD_INSTRUCTION, OFPBIC_BAD_LEN, 7)                 \
    X(BAD_INSTRUCTION, OFPBIC_EPERM, 8)                   \
    X(BAD_MATCH, OFPBMC_BAD_TYPE, 0)                      \
    X(BAD_MATCH, OFPBMC_BAD_LEN, 1)                       \
    X(BAD_MATCH, OFPBMC_BAD_TAG, 2)                       \
    X(BAD_MATCH, OFPBMC_BAD_DL_ADDR_MASK, 3)              \
    X(BAD_MATCH, OFPBMC_BAD_NW_ADDR_MASK, 4)              \
    X(BAD_MATCH, OFPBMC_BAD_WILDCARDS, 5)                 \
    X(BAD_MATCH, OFPBMC_BAD_FIELD, 6)                     \
    X(BAD_MATCH, OFPBMC_BAD_VALUE, 7)                     \
    X(BAD_MATCH, OFPBMC_BAD_MASK, 8)                      \
    X(BAD_MATCH, OFPBMC_BAD_PREREQ, 9)                    \
    X(BAD_MATCH, OFPBMC_DUP_FIELD, 10)                    \
    X(BAD_MATCH, OFPBMC_EPERM, 11)                        \
    X(FLOW_MOD_FAILED, OFPFMFC_UNKNOWN, 0)                \
    X(FLOW_MOD_FAILED, OFPFMFC_TABLE_FULL, 1)             \
    X(FLOW_MOD_FAILED, OFPFMFC_BAD_TABLE_ID, 2)           \
    X(FLOW_MOD_FAILED, OFPFMFC_OVERLAP, 3)                \
    X(FLOW_MOD_FAILED, OFPFMFC_EPERM, 4)                  \
    X(FLOW_MOD_FAILED, OFPFMFC_BAD_TIMEOUT, 5)            \
    X(FLOW_MOD_FAILED, OFPFMFC_BAD_COMMAND, 6)            \
    X(FLOW_MOD_FAILED, OFPFMFC_BAD_FLAGS, 7)              \
    X(GROUP_MOD_FAILED, OFPGMFC_GROUP_EXISTS, 0)          \
    X(GROUP_MOD_FAILED, OFPGMFC_INVALID_GROUP, 1)         \
    X(GROUP_MOD_FAILED, OFPGMFC_WEIGHT_UNSUPPORTED, 2)    \
    X(GROUP_MOD_FAILED, OFPGMFC_OUT_OF_GROUPS, 3)         \
    X(GROUP_MOD_FAILED, OFPGMFC_OUT_OF_BUCKETS, 4)        \
    X(GROUP_MOD_FAILED, OFPGMFC_CHAINING_UNSUPPORTED, 5)  \
    X(GROUP_MOD_FAILED, OFPGMFC_WATCH_UNSUPPORTED, 6)     \
    X(GROUP_MOD_FAILED, OFPGMFC_LOOP, 7)                  \
    X(GROUP_MOD_FAILED, OFPGMFC_UNKNOWN_GROUP, 8)         \
    X(GROUP_MOD_FAILED, OFPGMFC_CHAINED_GROUP, 9)         \
    X(GROUP_MOD_FAILED, OFPGMFC_BAD_TYPE, 10)             \
    X(GROUP_MOD_FAILED, OFPGMFC_BAD_COMMAND, 11)          \
    X(GROUP_MOD_FAILED, OFPGMFC_BAD_BUCKET, 12)           \
    X(GROUP_MOD_FAILED, OFPGMFC_BAD_WATCH, 13)            \
    X(GROUP_MOD_FAILED, OFPGMFC_EPERM, 14)                \
    X(PORT_MOD_FAILED, OFPPMFC_BAD_PORT, 0)               \
    X(PORT_MOD_FAILED, OFPPMFC_BAD_HW_ADDR, 1)            \
    X(PORT_MOD_FAILED, OFPPMFC_BAD_CONFIG, 2)             \
    X(PORT_MOD_FAILED, OFPPMFC_BAD_ADVERTISE, 3)          \
    X(PORT_MOD_FAILED, OFPPMFC_EPERM, 4)                  \
    X(TABLE_MOD_FAILED, OFPTMFC_BAD_TABLE, 0)             \
    X(TABLE_MOD_FAILED, OFPTMFC_BAD_CONFIG, 1)            \
    X(TABLE_MOD_FAILED, OFPTMFC_EPERM, 2)                 \
    X(QUEUE_OP_FAILED, OFPQOFC_BAD_PORT, 0)               \
    X(QUEUE_OP_FAILED, OFPQOFC_BAD_QUEUE, 1)              \
    X(QUEUE_OP_FAILED, OFPQOFC_EPERM, 2)                  \
    X(SWITCH_CONFIG_FAILED, OFPSCFC_BAD_FLAGS, 0)         \
    X(SWITCH_CONFIG_FAILED, OFPSCFC_BAD_LEN, 1)           \
    X(SWITCH_CONFIG_FAILED, OFPSCFC_EPERM, 2)             \
    X(ROLE_REQUEST_FAILED, OFPRRFC_STALE, 0)              \
    X(ROLE_REQUEST_FAILED, OFPRRFC_UNSUP, 1)              \
    X(ROLE_REQUEST_FAILED, OFPRRFC_BAD_ROLE, 2)           \
    X(METER_MOD_FAILED, OFPMMFC_UNKNOWN, 0)               \
    X(METER_MOD_FAILED, OFPMMFC_METER_EXISTS, 1)          \
    X(METER_MOD_FAILED, OFPMMFC_INVALID_METER, 2)         \
    X(METER_MOD_FAILED, OFPMMFC_UNKNOWN_METER, 3)         \
    X(METER_MOD_FAILED, OFPMMFC_BAD_COMMAND, 4)           \
    X(METER_MOD_FAILED, OFPMMFC_BAD_FLAGS, 5)             \
    X(METER_MOD_FAILED, OFPMMFC_BAD_RATE, 6)              \
    X(METER_MOD_FAILED, OFPMMFC_BAD_BURST, 7)             \
    X(METER_MOD_FAILED, OFPMMFC_BAD_BAND, 8)              \
    X(METER_MOD_FAILED, OFPMMFC_BAD_BAND_VALUE, 9)        \
    X(METER_MOD_FAILED, OFPMMFC_OUT_OF_METERS, 10)        \
    X(METER_MOD_FAILED, OFPMMFC_OUT_OF_BANDS, 11)         \
    X(TABLE_FEATURES_FAILED, OFPTFFC_BAD_TABLE, 0)        \
    X(TABLE_FEATURES_FAILED, OFPTFFC_BAD_METADATA, 1)     \
    X(TABLE_FEATURES_FAILED, OFPTFFC_BAD_TYPE, 2)         \
    X(TABLE_FEATURES_FAILED, OFPTFFC_BAD_LEN, 3)          \
    X(TABLE_FEATURES_FAILED, OFPTFFC_BAD_ARGUMENT, 4)     \
    X(TABLE_FEATURES_FAILED, OFPTFFC_EPERM, 5)

/* The value of each error packs its wire (type, code) above OFPERR_OFS. */
#define OFPERR_VALUE(TYPE, CODE) (OFPERR_OFS + ((TYPE) << 16) + (CODE))

enum ofperr {
#define OFPERR_ENUM(TYPE, NAME, CODE) \
    OFPERR_##NAME = OFPERR_VALUE(OFPET_##TYPE, CODE),
    OFPERR_LIST(OFPERR_ENUM)
#undef OFPERR_ENUM
};

/* True if 'error' is an ofperr value rather than 0 or an errno. */
static inline int
ofperr_is_valid(int error)
{
    return error >= OFPERR_OFS
           && error <= OFPERR_VALUE(OFPET_TABLE_FEATURES_FAILED, 0xffff);
}

static inline uint16_t
ofperr_type(enum ofperr e)
{
    return (uint16_t) ((e - OFPERR_OFS) >> 16);
}

static inline uint16_t
ofperr_code(enum ofperr e)
{
    return (uint16_t) ((e - OFPERR_OFS) & 0xffff);
}

/* Returns the error for a wire (type, code) pair, or 0 if OpenFlow 1.3
 * defines no such pair. */
enum ofperr ofperr_from_type_code(uint16_t type, uint16_t code);

/* Returns "OFPBRC_BAD_LEN" and so on; "OFPERR_UNKNOWN" for a non-error. */
const char *ofperr_name(enum ofperr);

/* Returns "OFPET_BAD_REQUEST" and so on, or NULL for an unknown type. */
const char *ofperr_type_name(uint16_t type);

#endif /* ofp-errors.h */
