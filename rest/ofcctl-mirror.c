/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's port mirroring commands (/v1/mirrors):
 *
 *   ofcctl mirrors list [--dpid DPID]
 *   ofcctl mirrors add DPID DEST [--ingress P]... [--egress P]...
 *                      [--both P]... [--vlan VID]... [--description TEXT]
 *   ofcctl mirrors del ID
 *
 * Ports are numbers or names.  Errors from the server are printed as
 * "ofcctl: MESSAGE (HTTP STATUS, CODE)" with exit status 1, like the other
 * REST commands. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-client.h"
#include "rest/ofcctl-http.h"
#include "rest/ofcctl-table.h"

/* Returns a port given on the command line as JSON: an integer if it is
 * all digits (at most 9), else a name. */
static json_t *
port_arg(const char *s)
{
    return ofcctl_int_or_string(s, 9);
}

/* Appends member 'key' of 'o' (a port: number or name) to 'buf'. */
static void
port_text(const json_t *o, const char *key, char *buf, size_t size)
{
    const json_t *v = json_object_get(o, key);
    if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    } else {
        snprintf(buf, size, "%s", json_is_string(v)
                 ? json_string_value(v) : "?");
    }
}

/* ofcctl mirrors list [--dpid DPID] */
static int
mirrors_list(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "ID", false }, { "DPID", false }, { "DEST", false },
        { "SOURCES", false }, { "VLANS", false }, { "FROM", false },
        { "DESCRIPTION", false },
    };
    char path[128] = "/v1/mirrors";

    if (argc == 2 && !strcmp(argv[0], "--dpid")) {
        char *e = ofcctl_http_escape(argv[1]);
        snprintf(path, sizeof path, "/v1/mirrors?dpid=%.64s", e);
        free(e);
    } else if (argc) {
        return ofcctl_usage_error("usage: mirrors list [--dpid DPID]");
    }
    json_t *doc;
    int status = ofcctl_get_json(path, true, &doc);
    if (status || !doc) {
        return status;
    }

    struct ofcctl_table t;
    size_t i;
    const json_t *m;
    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (json_object_get(doc, "mirrors"), i, m) {
        char buf[64], dest[32], srcs[1024] = "", vlans[512] = "";
        size_t j;
        const json_t *e;

        port_text(m, "id", buf, sizeof buf);
        ofcctl_table_cell(&t, "%s", buf);
        ofcctl_table_cell(&t, "%s", json_string_value(
                              json_object_get(m, "dpid")));
        port_text(m, "destination", dest, sizeof dest);
        ofcctl_table_cell(&t, "%s", dest);
        json_array_foreach (json_object_get(m, "sources"), j, e) {
            port_text(e, "port", buf, sizeof buf);
            size_t len = strlen(srcs);
            snprintf(srcs + len, sizeof srcs - len, "%s%s:%s", j ? "," : "",
                     buf, json_string_value(json_object_get(e,
                                                            "direction")));
        }
        ofcctl_table_cell(&t, "%s", *srcs ? srcs : "-");
        json_array_foreach (json_object_get(m, "vlans"), j, e) {
            size_t len = strlen(vlans);
            snprintf(vlans + len, sizeof vlans - len, "%s%"
                     JSON_INTEGER_FORMAT, j ? "," : "",
                     json_integer_value(e));
        }
        ofcctl_table_cell(&t, "%s", *vlans ? vlans : "-");
        ofcctl_table_cell(&t, "%s", json_string_value(
                              json_object_get(m, "source")));
        const char *d = json_string_value(json_object_get(m,
                                                          "description"));
        ofcctl_table_cell(&t, "%s", d ? d : "");
    }
    ofcctl_table_print(&t, stdout);
    ofcctl_table_destroy(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl mirrors add DPID DEST [options] */
static int
mirrors_add(int argc, char *argv[])
{
    static const char usage[] = "usage: mirrors add DPID DEST [--ingress P]"
        "... [--egress P]... [--both P]... [--vlan VID]... "
        "[--description TEXT]";
    if (argc < 2) {
        return ofcctl_usage_error(usage);
    }
    json_t *sources = json_array();
    json_t *vlans = json_array();
    json_t *body = json_pack("{s:s, s:o}", "dpid", argv[0], "destination",
                             port_arg(argv[1]));
    for (int i = 2; i < argc; i += 2) {
        const char *opt = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val) {
            json_decref(body);
            json_decref(sources);
            json_decref(vlans);
            return ofcctl_usage_error("%s needs a value", opt);
        }
        if (!strcmp(opt, "--ingress") || !strcmp(opt, "--egress")
            || !strcmp(opt, "--both")) {
            json_array_append_new(sources, json_pack(
                "{s:o, s:s}", "port", port_arg(val), "direction", opt + 2));
        } else if (!strcmp(opt, "--vlan")) {
            json_array_append_new(vlans, port_arg(val));
        } else if (!strcmp(opt, "--description")) {
            json_object_set_new(body, "description", json_string(val));
        } else {
            json_decref(body);
            json_decref(sources);
            json_decref(vlans);
            return ofcctl_usage_error("unknown option %s; %s", opt, usage);
        }
    }
    json_object_set_new(body, "sources", sources);
    json_object_set_new(body, "vlans", vlans);
    char *text = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    if (!text) {
        ofcctl_out_of_memory();
    }
    json_t *doc;
    int status = ofcctl_call("POST", "/v1/mirrors", text, &doc, NULL);
    free(text);
    if (!status) {
        if (ofcctl_options()->json) {
            ofcctl_print_json(doc, true);
        } else {
            char id[32];
            port_text(doc, "id", id, sizeof id);
            printf("mirror session %s added\n", id);
        }
        json_decref(doc);
    }
    return status;
}

/* ofcctl mirrors del ID */
static int
mirrors_del(int argc, char *argv[])
{
    if (argc != 1) {
        return ofcctl_usage_error("usage: mirrors del ID");
    }
    char *id = ofcctl_http_escape(argv[0]);
    char path[128];
    snprintf(path, sizeof path, "/v1/mirrors/%.64s", id);
    free(id);
    json_t *doc;
    int status = ofcctl_call("DELETE", path, NULL, &doc, NULL);
    if (!status) {
        if (ofcctl_options()->json) {
            ofcctl_print_json(doc, true);
        } else {
            printf("mirror session %s deleted\n", argv[0]);
        }
        json_decref(doc);
    }
    return status;
}

int
ofcctl_mirrors(int argc, char *argv[])
{
    const char *sub = argc > 1 ? argv[1] : "";
    if (!strcmp(sub, "list")) {
        return mirrors_list(argc - 2, argv + 2);
    } else if (!strcmp(sub, "add")) {
        return mirrors_add(argc - 2, argv + 2);
    } else if (!strcmp(sub, "del")) {
        return mirrors_del(argc - 2, argv + 2);
    }
    return ofcctl_usage_error("usage: mirrors list [--dpid DPID] | mirrors "
                              "add DPID DEST [--ingress P]... [--egress P]"
                              "... [--both P]... [--vlan VID]... "
                              "[--description TEXT] | mirrors del ID");
}
