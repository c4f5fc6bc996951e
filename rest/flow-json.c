/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Flow stats, port stats and groups as the REST API's JSON objects. */

#include "rest/flow-json.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "controller/app.h"
#include "controller/flow-store.h"
#include "controller/route.h"

json_t *
ofc_counter_json(uint64_t value)
{
    return value == UINT64_MAX ? json_null() : json_integer(value);
}

json_t *
ofc_port_no_json(uint32_t port_no)
{
    if (port_no >= 0xfffffff7u) {
        struct ofp_ds s = OFP_DS_INITIALIZER;
        json_t *j;

        ofp_port_no_format(port_no, &s);
        j = json_string(ofp_ds_cstr(&s));
        ofp_ds_destroy(&s);
        return j;
    }
    return json_integer(port_no);
}

json_t *
ofc_cookie_json(uint64_t cookie)
{
    char buf[24];

    snprintf(buf, sizeof buf, "0x%016"PRIx64, cookie);
    return json_string(buf);
}

/* A key-less word of the match text and the fields it stands for. */
struct shorthand {
    const char *word;           /* "tcp6". */
    const char *dl_type;        /* "0x86dd". */
    const char *nw_proto;       /* "6", or NULL. */
};

/* Every shorthand ofp_match_format() prints (its eth_type and ip_proto
 * words), with the values it would have printed for the fields. */
static const struct shorthand shorthands[] = {
    { "ip", "0x0800", NULL },
    { "ipv6", "0x86dd", NULL },
    { "icmp", "0x0800", "1" },
    { "icmp6", "0x86dd", "58" },
    { "tcp", "0x0800", "6" },
    { "tcp6", "0x86dd", "6" },
    { "udp", "0x0800", "17" },
    { "udp6", "0x86dd", "17" },
    { "sctp", "0x0800", "132" },
    { "sctp6", "0x86dd", "132" },
    { "arp", "0x0806", NULL },
    { "rarp", "0x8035", NULL },
    { "mpls", "0x8847", NULL },
    { "mplsm", "0x8848", NULL },
};

/* Adds the fields the key-less word 'word' stands for to 'obj'; an
 * unknown word (none exists today) is kept as a key with value "". */
static void
add_shorthand(json_t *obj, const char *word)
{
    for (size_t i = 0; i < sizeof shorthands / sizeof *shorthands; i++) {
        const struct shorthand *sh = &shorthands[i];
        if (!strcmp(sh->word, word)) {
            json_object_set_new(obj, "dl_type", json_string(sh->dl_type));
            if (sh->nw_proto) {
                json_object_set_new(obj, "nw_proto",
                                    json_string(sh->nw_proto));
            }
            return;
        }
    }
    json_object_set_new(obj, word, json_string(""));
}

json_t *
ofc_match_json(const struct ofp_match *match)
{
    struct ofp_ds s = OFP_DS_INITIALIZER;
    json_t *obj = json_object();
    char *text, *save = NULL;

    /* The formatter's text is "word,name=value,...": no value contains a
     * comma, so splitting it gives exactly what the flow text shows. */
    ofp_match_format(match, &s);
    if (!s.length) {
        ofp_ds_destroy(&s);
        return obj;
    }
    text = s.string;
    for (char *tok = strtok_r(text, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        if (eq) {
            *eq = '\0';
            json_object_set_new(obj, tok, json_string(eq + 1));
        } else {
            add_shorthand(obj, tok);
        }
    }
    ofp_ds_destroy(&s);
    return obj;
}

/* The name of the app that owns 'cookie', or JSON null. */
static json_t *
cookie_app_json(uint64_t cookie)
{
    const struct ofc_app *app = NULL;

    if (ofc_cookie_owner(cookie, &app) && app) {
        return json_string(app->name);
    }
    return json_null();
}

json_t *
ofc_flow_json(const struct ofp_flow_stats *fs)
{
    struct ofp_ds s = OFP_DS_INITIALIZER;
    json_t *obj = json_object();

    json_object_set_new(obj, "table", json_integer(fs->table_id));
    json_object_set_new(obj, "priority", json_integer(fs->priority));
    json_object_set_new(obj, "cookie", ofc_cookie_json(fs->cookie));
    json_object_set_new(obj, "app", cookie_app_json(fs->cookie));
    json_object_set_new(obj, "duration_sec", json_integer(fs->duration_sec));
    json_object_set_new(obj, "idle_timeout", json_integer(fs->idle_timeout));
    json_object_set_new(obj, "hard_timeout", json_integer(fs->hard_timeout));
    json_object_set_new(obj, "packets", ofc_counter_json(fs->packet_count));
    json_object_set_new(obj, "bytes", ofc_counter_json(fs->byte_count));
    json_object_set_new(obj, "match", ofc_match_json(&fs->match));

    ofp_instructions_format(&fs->instructions, &s);
    json_object_set_new(obj, "actions", json_string(ofp_ds_cstr(&s)));
    ofp_ds_clear(&s);
    ofp_flow_stats_format(fs, &s);
    json_object_set_new(obj, "flow", json_string(ofp_ds_cstr(&s)));
    ofp_ds_destroy(&s);
    return obj;
}

json_t *
ofc_port_stats_json(const struct ofp_port_stats *ps,
                    const struct ofp_port *port)
{
    json_t *obj = json_object();

    json_object_set_new(obj, "port_no", ofc_port_no_json(ps->port_no));
    json_object_set_new(obj, "name",
                        port ? ofc_rest_string(port->name) : json_null());
#define COUNTER(NAME) \
    json_object_set_new(obj, #NAME, ofc_counter_json(ps->NAME))
    COUNTER(rx_packets);
    COUNTER(tx_packets);
    COUNTER(rx_bytes);
    COUNTER(tx_bytes);
    COUNTER(rx_dropped);
    COUNTER(tx_dropped);
    COUNTER(rx_errors);
    COUNTER(tx_errors);
    COUNTER(rx_frame_err);
    COUNTER(rx_over_err);
    COUNTER(rx_crc_err);
    COUNTER(collisions);
#undef COUNTER
    json_object_set_new(obj, "duration_sec", json_integer(ps->duration_sec));
    return obj;
}

/* The name of group type 'type' as ovs-ofctl prints it. */
static const char *
group_type_name(uint8_t type)
{
    static const char *const names[] = { "all", "select", "indirect", "ff" };
    return type < 4 ? names[type] : "unknown";
}

/* The name of the app whose group id space 'group_id' is in, or null. */
static json_t *
group_app_json(uint32_t group_id)
{
    unsigned owner = group_id >> 24;
    const struct ofc_app *app = owner ? ofc_app_at(owner - 1) : NULL;

    return app ? json_string(app->name) : json_null();
}

json_t *
ofc_group_json(const struct ofp_group_desc *gd)
{
    struct ofp_ds s = OFP_DS_INITIALIZER;
    json_t *obj = json_object();
    json_t *buckets = json_array();

    json_object_set_new(obj, "group_id", json_integer(gd->group_id));
    json_object_set_new(obj, "type",
                        json_string(group_type_name(gd->type)));
    json_object_set_new(obj, "app", group_app_json(gd->group_id));
    json_object_set_new(obj, "packets", json_integer(0));
    json_object_set_new(obj, "bytes", json_integer(0));
    json_object_set_new(obj, "ref_count", json_integer(0));

    /* Each bucket as the group text shows it, without "bucket=". */
    for (size_t i = 0; i < gd->n_buckets; i++) {
        static const char prefix[] = "bucket=";
        const char *text;

        ofp_ds_clear(&s);
        ofp_buckets_format(&gd->buckets[i], 1, gd->type, &s);
        text = ofp_ds_cstr(&s);
        if (!strncmp(text, prefix, sizeof prefix - 1)) {
            text += sizeof prefix - 1;
        }
        json_array_append_new(buckets, json_string(text));
    }
    json_object_set_new(obj, "buckets", buckets);

    /* As ovs-ofctl dump-groups prints it. */
    ofp_ds_clear(&s);
    ofp_ds_put_format(&s, "group_id=%"PRIu32",type=%s", gd->group_id,
                      group_type_name(gd->type));
    if (gd->n_buckets) {
        ofp_ds_put_char(&s, ',');
        ofp_buckets_format(gd->buckets, gd->n_buckets, gd->type, &s);
    }
    json_object_set_new(obj, "group", json_string(ofp_ds_cstr(&s)));
    ofp_ds_destroy(&s);
    return obj;
}

void
ofc_group_json_set_stats(json_t *group, const struct ofp_group_stats *gs)
{
    json_object_set_new(group, "packets", ofc_counter_json(gs->packet_count));
    json_object_set_new(group, "bytes", ofc_counter_json(gs->byte_count));
    json_object_set_new(group, "ref_count", json_integer(gs->ref_count));
}
