/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's ARP rule commands:
 *
 *   ofcctl arp-rules list                 the rules with their counters
 *   ofcctl arp-rules add [--sender-mac MAC] [--sender-mac-mask MASK]
 *                        [--sender-ip CIDR] [--target-ip CIDR]
 *                        [--op request|reply] [--in-port PORT]
 *                        [--vlan VID] [--dpid DPID]... [--ttl SECONDS]
 *                        [--description TEXT]      prints the new id
 *   ofcctl arp-rules del ID
 *
 * The server validates the rule; its error (naming the field) is printed
 * as "ofcctl: MESSAGE (HTTP STATUS, CODE)" with exit status 1, like the
 * other REST commands. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-client.h"
#include "rest/ofcctl-http.h"
#include "rest/ofcctl-table.h"

/* One "--option VALUE" of "add" and the body key it sets. */
struct add_option {
    const char *name;           /* "--sender-mac". */
    const char *key;            /* "sender_mac". */
    bool number;                /* Digits become an integer. */
};

static const struct add_option add_options[] = {
    { "--sender-mac", "sender_mac", false },
    { "--sender-mac-mask", "sender_mac_mask", false },
    { "--sender-ip", "sender_ip", false },
    { "--target-ip", "target_ip", false },
    { "--op", "op", false },
    { "--in-port", "in_port", true },
    { "--vlan", "vlan", true },
    { "--ttl", "ttl_seconds", true },
    { "--description", "description", false },
    { "--dpid", "dpids", false },
};

/* ofcctl arp-rules add ... */
static int
arp_add(int argc, char *argv[])
{
    json_t *req = json_object();
    json_t *doc;
    size_t n_opts = sizeof add_options / sizeof *add_options;

    for (int i = 0; i < argc; i++) {
        const struct add_option *o = NULL;
        for (size_t j = 0; j < n_opts; j++) {
            if (!strcmp(argv[i], add_options[j].name)) {
                o = &add_options[j];
            }
        }
        if (!o) {
            json_decref(req);
            return ofcctl_usage_error("arp-rules add: unknown option %s",
                                      argv[i]);
        }
        if (i + 1 >= argc) {
            json_decref(req);
            return ofcctl_usage_error("arp-rules add: %s needs a value",
                                      argv[i]);
        }
        const char *value = argv[++i];
        json_t *v = (o->number ? ofcctl_int_or_string(value, 10)
                     : json_string(value));
        if (!v) {
            json_decref(req);
            ofcctl_error("%s: not valid UTF-8", o->name);
            return OFCCTL_EXIT_FAILURE;
        }
        if (!strcmp(o->key, "dpids")) {
            json_t *list = json_object_get(req, "dpids");
            if (!list) {
                list = json_array();
                json_object_set_new(req, "dpids", list);
            }
            json_array_append_new(list, v);
        } else {
            json_object_set_new(req, o->key, v);
        }
    }

    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    if (!body) {
        ofcctl_out_of_memory();
    }
    int status = ofcctl_call("POST", "/v1/arp-rules", body, &doc, NULL);
    free(body);
    if (status) {
        return status;
    }
    json_t *id = json_object_get(doc, "id");
    if (ofcctl_options()->json) {
        ofcctl_print_json(doc, true);
    } else if (json_is_integer(id)) {
        printf("%" JSON_INTEGER_FORMAT "\n", json_integer_value(id));
    } else {
        ofcctl_error("the server's reply has no integer \"id\"");
        status = OFCCTL_EXIT_FAILURE;
    }
    json_decref(doc);
    return status;
}

/* ofcctl arp-rules del ID */
static int
arp_del(const char *id)
{
    json_t *doc;
    char *escaped = ofcctl_http_escape(id);
    size_t len = strlen(escaped) + sizeof "/v1/arp-rules/";
    char *path = malloc(len);
    if (!path) {
        ofcctl_out_of_memory();
    }
    snprintf(path, len, "/v1/arp-rules/%s", escaped);
    free(escaped);
    int status = ofcctl_call("DELETE", path, NULL, &doc, NULL);
    free(path);
    if (status) {
        return status;
    }
    if (ofcctl_options()->json) {
        ofcctl_print_json(doc, true);
    } else {
        char *line = ofcctl_xstrdup(id);
        printf("deleted arp rule %s\n", ofcctl_sanitize(line, NULL));
        free(line);
    }
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* Appends "KEY=VALUE" of string or integer member 'key' of 'rule' to the
 * match summary 's' (size 'size'). */
static void
add_match(char *s, size_t size, const json_t *rule, const char *key)
{
    const json_t *v = json_object_get(rule, key);
    size_t len = strlen(s);
    if (json_is_string(v)) {
        snprintf(s + len, size - len, "%s%s=%s", len ? "," : "", key,
                 json_string_value(v));
    } else if (json_is_integer(v)) {
        snprintf(s + len, size - len, "%s%s=%" JSON_INTEGER_FORMAT,
                 len ? "," : "", key, json_integer_value(v));
    }
}

/* ofcctl arp-rules list */
static int
arp_list(void)
{
    static const struct ofcctl_column columns[] = {
        { "ID", false }, { "SOURCE", false }, { "MATCH", false },
        { "DPIDS", false }, { "PACKETS", true }, { "BYTES", true },
        { "EXPIRES", true }, { "DESCRIPTION", false },
    };
    static const char *const keys[] = {
        "sender_mac", "sender_mac_mask", "sender_ip", "target_ip", "op",
        "in_port", "vlan",
    };
    struct ofcctl_table t;
    json_t *doc, *rule;
    size_t i;

    int status = ofcctl_get_json("/v1/arp-rules", true, &doc);
    if (status || !doc) {
        return status;
    }
    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (json_object_get(doc, "rules"), i, rule) {
        const json_t *id = json_object_get(rule, "id");
        const json_t *counters = json_object_get(rule, "counters");
        const json_t *dpids = json_object_get(rule, "dpids");
        const json_t *expires = json_object_get(rule, "expires_in");
        const char *desc = json_string_value(json_object_get(rule,
                                                             "description"));
        char match[512] = "";
        char list[512] = "";

        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            add_match(match, sizeof match, rule, keys[k]);
        }
        for (size_t k = 0; k < json_array_size(dpids); k++) {
            size_t len = strlen(list);
            snprintf(list + len, sizeof list - len, "%s%s", len ? "," : "",
                     json_string_value(json_array_get(dpids, k)));
        }
        if (json_is_integer(id)) {
            ofcctl_table_cell(&t, "%" JSON_INTEGER_FORMAT,
                              json_integer_value(id));
        } else {
            ofcctl_table_cell(&t, "%s", json_string_value(id));
        }
        ofcctl_table_cell(&t, "%s", json_string_value(
                              json_object_get(rule, "source")));
        ofcctl_table_cell(&t, "%s", match);
        ofcctl_table_cell(&t, "%s", *list ? list : "all");
        ofcctl_table_cell(&t, "%" JSON_INTEGER_FORMAT, json_integer_value(
                              json_object_get(counters, "packets")));
        ofcctl_table_cell(&t, "%" JSON_INTEGER_FORMAT, json_integer_value(
                              json_object_get(counters, "bytes")));
        if (json_is_integer(expires)) {
            ofcctl_table_cell(&t, "%" JSON_INTEGER_FORMAT "s",
                              json_integer_value(expires));
        } else {
            ofcctl_table_cell(&t, "-");
        }
        ofcctl_table_cell(&t, "%s", desc ? desc : "");
    }
    ofcctl_table_print(&t, stdout);
    ofcctl_table_destroy(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl arp-rules list|add|del. */
int
ofcctl_arp_rules(int argc, char *argv[])
{
    const char *sub = argv[1];
    if (!strcmp(sub, "list") && argc == 2) {
        return arp_list();
    } else if (!strcmp(sub, "add")) {
        return arp_add(argc - 2, argv + 2);
    } else if (!strcmp(sub, "del") && argc == 3) {
        return arp_del(argv[2]);
    }
    return ofcctl_usage_error("usage: ofcctl arp-rules %s",
                              ofcctl_find_command("arp-rules")->usage);
}
