/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-errors.h"

#include <stddef.h>

struct ofperr_info {
    enum ofperr error;
    const char *name;
};

static const struct ofperr_info errors[] = {
#define OFPERR_INFO(TYPE, NAME, CODE) { OFPERR_##NAME, #NAME },
    OFPERR_LIST(OFPERR_INFO)
#undef OFPERR_INFO
};

enum ofperr
ofperr_from_type_code(uint16_t type, uint16_t code)
{
    if (type > OFPET_TABLE_FEATURES_FAILED) {
        return 0;
    }
    enum ofperr e = OFPERR_VALUE(type, code);
    for (size_t i = 0; i < sizeof errors / sizeof *errors; i++) {
        if (errors[i].error == e) {
            return e;
        }
    }
    return 0;
}

const char *
ofperr_name(enum ofperr e)
{
    for (size_t i = 0; i < sizeof errors / sizeof *errors; i++) {
        if (errors[i].error == e) {
            return errors[i].name;
        }
    }
    return "OFPERR_UNKNOWN";
}

const char *
ofperr_type_name(uint16_t type)
{
    static const char *const names[] = {
        "OFPET_HELLO_FAILED", "OFPET_BAD_REQUEST", "OFPET_BAD_ACTION",
        "OFPET_BAD_INSTRUCTION", "OFPET_BAD_MATCH", "OFPET_FLOW_MOD_FAILED",
        "OFPET_GROUP_MOD_FAILED", "OFPET_PORT_MOD_FAILED",
        "OFPET_TABLE_MOD_FAILED", "OFPET_QUEUE_OP_FAILED",
        "OFPET_SWITCH_CONFIG_FAILED", "OFPET_ROLE_REQUEST_FAILED",
        "OFPET_METER_MOD_FAILED", "OFPET_TABLE_FEATURES_FAILED",
    };
    if (type < sizeof names / sizeof *names) {
        return names[type];
    }
    return type == OFPET_EXPERIMENTER ? "OFPET_EXPERIMENTER" : NULL;
}
