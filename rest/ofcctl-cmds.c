/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's REST client commands: each sends one request to ofcd's REST API
 * (ofcctl-http.c) and prints the reply as an aligned table
 * (ofcctl-table.c), or as the server's own JSON with --json.  Errors from
 * the server are printed as "ofcctl: MESSAGE (HTTP STATUS, CODE)" with exit
 * status 1. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-client.h"
#include "rest/ofcctl-table.h"

/* ---- Requests. -------------------------------------------------------- */

/* Returns "/v1/switches/DPID" + 'suffix' with DPID escaped (malloc'ed). */
static char *
switch_path(const char *dpid, const char *suffix)
{
    struct ofcctl_str s = { 0 };
    ofcctl_str_add(&s, "/v1/switches/");
    ofcctl_str_add_escaped(&s, dpid);
    ofcctl_str_add(&s, suffix);
    return ofcctl_str_steal(&s);
}

/* Complains that the reply lacks an expected member; returns 1. */
static int
bad_reply(const char *what)
{
    ofcctl_error("unexpected reply from the server (%s)", what);
    return OFCCTL_EXIT_FAILURE;
}

/* ---- Cells. ----------------------------------------------------------- */

/* Appends the text of JSON value 'v' to 's': strings as they are,
 * integers in decimal, null or missing as "-", anything else as compact
 * JSON. */
static void
str_add_value(struct ofcctl_str *s, const json_t *v)
{
    char buf[32];

    if (!v || json_is_null(v)) {
        ofcctl_str_add(s, "-");
    } else if (json_is_string(v)) {
        ofcctl_str_add(s, json_string_value(v));
    } else if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(v));
        ofcctl_str_add(s, buf);
    } else {
        char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!text) {
            ofcctl_out_of_memory();
        }
        ofcctl_str_add(s, text);
        free(text);
    }
}

/* Adds a cell with the text of member 'key' of object 'o'. */
static void
cell_member(struct ofcctl_table *t, const json_t *o, const char *key)
{
    struct ofcctl_str s = { 0 };
    str_add_value(&s, json_object_get(o, key));
    ofcctl_table_cell(t, "%s", s.s);
    free(s.s);
}

/* Appends "k1=v1<sep>k2=v2..." for the members of object 'o' to 's'; a
 * member whose value is an object becomes "k(k=v,...)". */
static void
str_add_pairs(struct ofcctl_str *s, const json_t *o, const char *sep)
{
    const char *key;
    json_t *value;
    bool first = true;

    json_object_foreach ((json_t *) o, key, value) {
        if (!first) {
            ofcctl_str_add(s, sep);
        }
        first = false;
        ofcctl_str_add(s, key);
        if (json_is_object(value)) {
            ofcctl_str_add(s, "(");
            str_add_pairs(s, value, ",");
            ofcctl_str_add(s, ")");
        } else {
            ofcctl_str_add(s, "=");
            str_add_value(s, value);
        }
    }
}

/* Adds a cell with str_add_pairs() of object 'o', or 'empty' if it has no
 * members. */
static void
cell_pairs(struct ofcctl_table *t, const json_t *o, const char *sep,
           const char *empty)
{
    struct ofcctl_str s = { 0 };

    str_add_pairs(&s, o, sep);
    ofcctl_table_cell(t, "%s", s.len ? s.s : empty);
    free(s.s);
}

/* Prints and frees 't'. */
static void
print_table(struct ofcctl_table *t)
{
    ofcctl_table_print(t, stdout);
    ofcctl_table_destroy(t);
}

/* ---- Commands. -------------------------------------------------------- */

/* ofcctl switches. */
int
ofcctl_switches(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "DPID", false }, { "ADDRESS", false }, { "STATE", false },
        { "PORTS", true }, { "CONNECTED-SINCE", false }, { "APPS", false },
    };
    struct ofcctl_table t;
    json_t *doc;
    size_t i;
    json_t *sw;

    int status = ofcctl_parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status || (status = ofcctl_get_json("/v1/switches", false, &doc))
        || !doc) {
        return status;
    }
    if (!json_is_array(doc)) {
        json_decref(doc);
        return bad_reply("not a list of switches");
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (doc, i, sw) {
        cell_member(&t, sw, "dpid");
        cell_member(&t, sw, "address");
        cell_member(&t, sw, "state");
        cell_member(&t, sw, "n_ports");
        cell_member(&t, sw, "connected_since");
        cell_pairs(&t, json_object_get(sw, "apps"), ",", "-");
    }
    print_table(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl ports DPID. */
int
ofcctl_ports(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "PORT", true }, { "NAME", false },
        { "RX-PACKETS", true }, { "RX-BYTES", true },
        { "TX-PACKETS", true }, { "TX-BYTES", true },
        { "RX-DROPPED", true }, { "TX-DROPPED", true },
        { "RX-ERRORS", true }, { "TX-ERRORS", true },
        { "DURATION", true },
    };
    static const char *const keys[] = {
        "port_no", "name", "rx_packets", "rx_bytes", "tx_packets",
        "tx_bytes", "rx_dropped", "tx_dropped", "rx_errors", "tx_errors",
        "duration_sec",
    };
    struct ofcctl_table t;
    const char *dpid;
    json_t *doc, *ports, *port;
    size_t i;

    int status = ofcctl_parse_args(argc, argv, NULL, 0, &dpid, 1, 1);
    if (status) {
        return status;
    }
    char *path = switch_path(dpid, "/ports");
    status = ofcctl_get_json(path, false, &doc);
    free(path);
    if (status || !doc) {
        return status;
    }
    ports = json_object_get(doc, "ports");
    if (!json_is_array(ports)) {
        json_decref(doc);
        return bad_reply("no \"ports\" list");
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (ports, i, port) {
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            cell_member(&t, port, keys[k]);
        }
    }
    print_table(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl flows DPID [--table N] [--cookie V[/MASK]] [--app NAME]. */
int
ofcctl_flows(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "TABLE", true }, { "PRIORITY", true }, { "APP", false },
        { "PACKETS", true }, { "BYTES", true }, { "MATCH", false },
        { "ACTIONS", false },
    };
    struct ofcctl_cmd_option opts[] = {
        { "--table", NULL }, { "--app", NULL }, { "--cookie", NULL },
    };
    struct ofcctl_table t;
    const char *dpid;
    json_t *doc, *flows, *flow;
    size_t i;

    int status = ofcctl_parse_args(argc, argv, opts, 3, &dpid, 1, 1);
    if (status) {
        return status;
    }
    struct ofcctl_str path = { 0 };
    bool first = true;
    char *base = switch_path(dpid, "/flows");
    ofcctl_str_add(&path, base);
    free(base);
    ofcctl_add_query(&path, &first, "table", opts[0].value);
    ofcctl_add_query(&path, &first, "cookie", opts[2].value);
    ofcctl_add_query(&path, &first, "app", opts[1].value);
    status = ofcctl_get_json(path.s, false, &doc);
    free(path.s);
    if (status || !doc) {
        return status;
    }
    flows = json_object_get(doc, "flows");
    if (!json_is_array(flows)) {
        json_decref(doc);
        return bad_reply("no \"flows\" list");
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (flows, i, flow) {
        cell_member(&t, flow, "table");
        cell_member(&t, flow, "priority");
        cell_member(&t, flow, "app");
        cell_member(&t, flow, "packets");
        cell_member(&t, flow, "bytes");
        cell_pairs(&t, json_object_get(flow, "match"), ",", "*");
        cell_member(&t, flow, "actions");
    }
    print_table(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl hosts [--dpid D] [--vlan V] [--mac M] [--port P]. */
int
ofcctl_hosts(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "DPID", false }, { "VLAN", true }, { "MAC", false },
        { "PORT", false }, { "AGE", true },
    };
    struct ofcctl_cmd_option opts[] = {
        { "--dpid", NULL }, { "--vlan", NULL }, { "--mac", NULL },
        { "--port", NULL },
    };
    struct ofcctl_table t;
    json_t *doc, *hosts, *host;
    size_t i;

    int status = ofcctl_parse_args(argc, argv, opts, 4, NULL, 0, 0);
    if (status) {
        return status;
    }
    struct ofcctl_str path = { 0 };
    bool first = true;
    ofcctl_str_add(&path, "/v1/hosts");
    ofcctl_add_query(&path, &first, "dpid", opts[0].value);
    ofcctl_add_query(&path, &first, "vlan", opts[1].value);
    ofcctl_add_query(&path, &first, "mac", opts[2].value);
    ofcctl_add_query(&path, &first, "port", opts[3].value);
    status = ofcctl_get_json(path.s, false, &doc);
    free(path.s);
    if (status || !doc) {
        return status;
    }
    hosts = json_object_get(doc, "hosts");
    if (!json_is_array(hosts)) {
        json_decref(doc);
        return bad_reply("no \"hosts\" list");
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (hosts, i, host) {
        struct ofcctl_str port = { 0 };
        const char *name = json_string_value(json_object_get(host,
                                                             "port_name"));

        cell_member(&t, host, "dpid");
        cell_member(&t, host, "vlan");
        cell_member(&t, host, "mac");
        str_add_value(&port, json_object_get(host, "port"));
        if (name && *name) {
            ofcctl_str_add(&port, "(");
            ofcctl_str_add(&port, name);
            ofcctl_str_add(&port, ")");
        }
        ofcctl_table_cell(&t, "%s", port.s);
        free(port.s);
        cell_member(&t, host, "age");
    }
    print_table(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl add-flow DPID FLOW [--description TEXT]: prints the new id. */
int
ofcctl_add_flow(int argc, char *argv[])
{
    struct ofcctl_cmd_option opts[] = { { "--description", NULL } };
    const char *pos[2];
    json_t *doc;

    int status = ofcctl_parse_args(argc, argv, opts, 1, pos, 2, 2);
    if (status) {
        return status;
    }
    json_t *req = json_pack("{s:s}", "flow", pos[1]);
    if (!req) {
        ofcctl_error("the flow text is not valid UTF-8");
        return OFCCTL_EXIT_FAILURE;
    }
    if (opts[0].value
        && json_object_set_new(req, "description",
                               json_string(opts[0].value))) {
        json_decref(req);
        ofcctl_error("the description is not valid UTF-8");
        return OFCCTL_EXIT_FAILURE;
    }
    char *body = json_dumps(req, JSON_COMPACT);
    char *path = switch_path(pos[0], "/flows");
    json_decref(req);
    if (!body) {
        ofcctl_out_of_memory();
    }
    status = ofcctl_call("POST", path, body, &doc, NULL);
    free(path);
    free(body);
    if (status) {
        return status;
    }

    json_t *id = json_object_get(doc, "id");
    if (ofcctl_options()->json) {
        ofcctl_print_json(doc, false);
    } else if (json_is_integer(id)) {
        printf("%" JSON_INTEGER_FORMAT "\n", json_integer_value(id));
    } else {
        status = bad_reply("no integer \"id\" in the new flow");
    }
    json_decref(doc);
    return status;
}

/* ofcctl del-flow DPID ID. */
int
ofcctl_del_flow(int argc, char *argv[])
{
    const char *pos[2];
    json_t *doc;

    int status = ofcctl_parse_args(argc, argv, NULL, 0, pos, 2, 2);
    if (status) {
        return status;
    }
    struct ofcctl_str path = { 0 };
    char *base = switch_path(pos[0], "/flows/");
    ofcctl_str_add(&path, base);
    free(base);
    ofcctl_str_add_escaped(&path, pos[1]);
    status = ofcctl_call("DELETE", path.s, NULL, &doc, NULL);
    free(path.s);
    if (status) {
        return status;
    }

    if (ofcctl_options()->json) {
        ofcctl_print_json(doc, false);
    } else {
        const char *flow = json_string_value(json_object_get(doc, "flow"));
        char *line;
        if (asprintf(&line, "deleted flow %s%s%s%s", pos[1],
                     flow ? " (" : "", flow ? flow : "",
                     flow ? ")" : "") < 0) {
            ofcctl_out_of_memory();
        }
        puts(ofcctl_sanitize(line, NULL));
        free(line);
    }
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl apps. */
int
ofcctl_apps(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "NAME", false }, { "ENABLED", false }, { "FLOWS", true },
        { "ROUTES", true }, { "STATUS", false },
    };
    struct ofcctl_table t;
    json_t *doc, *apps, *app;
    size_t i;

    int status = ofcctl_parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status || (status = ofcctl_get_json("/v1/apps", false, &doc))
        || !doc) {
        return status;
    }
    apps = json_object_get(doc, "apps");
    if (!json_is_array(apps)) {
        json_decref(doc);
        return bad_reply("no \"apps\" list");
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (apps, i, app) {
        json_t *status_obj = json_object_get(app, "status");
        json_t *routes = json_object_get(app, "routes");

        cell_member(&t, app, "name");
        cell_member(&t, app, "enabled");
        cell_member(&t, app, "flows");
        ofcctl_table_cell(&t, "%zu", json_array_size(routes));
        if (json_is_object(status_obj)) {
            cell_pairs(&t, status_obj, " ", "-");
        } else {
            cell_member(&t, app, "status");
        }
    }
    print_table(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}

/* ofcctl metrics: the Prometheus text, as the server sent it (but for
 * control characters other than newlines). */
int
ofcctl_metrics(int argc, char *argv[])
{
    char *text;

    int status = ofcctl_parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status
        || (status = ofcctl_call("GET", "/metrics", NULL, NULL, &text))) {
        return status;
    }
    fputs(ofcctl_sanitize(text, "\n"), stdout);
    free(text);
    return OFCCTL_EXIT_OK;
}
