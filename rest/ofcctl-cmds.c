/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's REST client commands: each sends one request to ofcd's REST API
 * (ofcctl-http.c) and prints the reply as an aligned table
 * (ofcctl-table.c), or as the server's own JSON with --json.  Errors from
 * the server are printed as "ofcctl: MESSAGE (HTTP STATUS, CODE)" with exit
 * status 1. */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-http.h"
#include "rest/ofcctl-table.h"

/* ---- Small utilities. ------------------------------------------------- */

/* Exits after an allocation failure. */
static void
out_of_memory(void)
{
    ofcctl_error("out of memory");
    exit(OFCCTL_EXIT_FAILURE);
}

/* A growable string (just enough for building paths and cells). */
struct str {
    char *s;
    size_t len, allocated;
};

/* Appends 'len' bytes of 'p' to 'str'. */
static void
str_append(struct str *str, const char *p, size_t len)
{
    if (str->len + len + 1 > str->allocated) {
        str->allocated = 2 * (str->len + len + 1) + 32;
        str->s = realloc(str->s, str->allocated);
        if (!str->s) {
            out_of_memory();
        }
    }
    memcpy(str->s + str->len, p, len);
    str->len += len;
    str->s[str->len] = '\0';
}

/* Appends the NUL-terminated 's'. */
static void
str_add(struct str *str, const char *s)
{
    str_append(str, s, strlen(s));
}

/* Appends 's' percent-encoded (a path segment or a query value). */
static void
str_add_escaped(struct str *str, const char *s)
{
    char *e = ofcctl_http_escape(s);
    str_add(str, e);
    free(e);
}

/* Returns the contents (never NULL; the caller frees it). */
static char *
str_steal(struct str *str)
{
    if (!str->s) {
        str_add(str, "");
    }
    char *s = str->s;
    memset(str, 0, sizeof *str);
    return s;
}

/* ---- Arguments. ------------------------------------------------------- */

/* A per-command option that takes a value ("--table N"). */
struct cmd_option {
    const char *name;           /* "--table". */
    const char *value;          /* Set by parse_args(), else NULL. */
};

/* Splits the arguments of command 'argv[0]' into the options 'opts' (an
 * array of 'n_opts') and at most 'max' positional arguments stored in
 * 'pos', at least 'min' of them.  Returns 0, or OFCCTL_EXIT_USAGE after a
 * usage error. */
static int
parse_args(int argc, char *argv[], struct cmd_option *opts, size_t n_opts,
           const char **pos, size_t min, size_t max)
{
    const struct ofcctl_command *c = ofcctl_find_command(argv[0]);
    const char *usage = c ? c->usage : "";
    bool dashdash = false;
    size_t n_pos = 0;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (!dashdash && !strcmp(arg, "--")) {
            dashdash = true;
            continue;
        }
        if (!dashdash && arg[0] == '-' && arg[1]) {
            struct cmd_option *o = NULL;
            const char *value = NULL;
            for (size_t j = 0; j < n_opts; j++) {
                size_t len = strlen(opts[j].name);
                if (!strncmp(arg, opts[j].name, len)
                    && (!arg[len] || arg[len] == '=')) {
                    o = &opts[j];
                    value = arg[len] ? arg + len + 1 : NULL;
                    break;
                }
            }
            if (!o) {
                return ofcctl_usage_error("%s: unknown option '%s'"
                                          " (usage: %s %s)", argv[0], arg,
                                          argv[0], usage);
            }
            if (!value) {
                if (i + 1 >= argc) {
                    return ofcctl_usage_error("%s: option '%s' needs a"
                                              " value", argv[0], o->name);
                }
                value = argv[++i];
            }
            o->value = value;
            continue;
        }
        if (n_pos >= max) {
            return ofcctl_usage_error("%s: unexpected argument '%s'"
                                      " (usage: %s%s%s)", argv[0], arg,
                                      argv[0], *usage ? " " : "", usage);
        }
        pos[n_pos++] = arg;
    }
    if (n_pos < min) {
        return ofcctl_usage_error("%s: missing argument (usage: %s %s)",
                                  argv[0], argv[0], usage);
    }
    return 0;
}

/* ---- Requests. -------------------------------------------------------- */

/* The API token to send, if any, and where it came from. */
struct token {
    char *value;                /* Malloc'ed, or NULL for none. */
    char *source;               /* "--token", "$OFC_TOKEN" or the file's
                                 * name (malloc'ed), if 'value'. */
    int why;                    /* If no 'value': an errno value saying why
                                 * the file gave none. */
};

/* Returns true if 'token' can go into an Authorization header: printable
 * ASCII without spaces. */
static bool
token_is_valid(const char *token)
{
    for (const unsigned char *p = (const unsigned char *) token; *p; p++) {
        if (*p <= ' ' || *p >= 0x7f) {
            return false;
        }
    }
    return true;
}

/* Finds the API token: --token or $OFC_TOKEN, else the first line of
 * STATE-DIR/api-token.  Returns 0 with '*t' filled in (free it with
 * token_destroy()), or an exit status after an error about a token with
 * spaces or control characters (a usage error if the user gave it). */
static int
find_token(struct token *t)
{
    const struct ofcctl_options *o = ofcctl_options();
    struct str path = { 0 };
    char line[512];

    memset(t, 0, sizeof *t);
    if (o->token) {
        if (!token_is_valid(o->token)) {
            return ofcctl_usage_error("%s: the API token must be printable"
                                      " ASCII without spaces or control"
                                      " characters", o->token_source);
        }
        t->value = strdup(o->token);
        t->source = strdup(o->token_source);
        if (!t->value || !t->source) {
            out_of_memory();
        }
        return 0;
    }

    str_add(&path, o->state_dir);
    str_add(&path, "/api-token");
    FILE *f = fopen(path.s, "r");
    if (!f) {
        t->why = errno;
        free(path.s);
        return 0;
    }
    if (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (*line) {
            t->value = strdup(line);
            if (!t->value) {
                out_of_memory();
            }
        }
    }
    fclose(f);
    if (!t->value) {
        t->why = ENODATA;
        free(path.s);
    } else if (!token_is_valid(t->value)) {
        ofcctl_error("%s: the API token in it has spaces or control"
                     " characters", path.s);
        free(path.s);
        free(t->value);
        t->value = NULL;
        return OFCCTL_EXIT_FAILURE;
    } else {
        t->source = str_steal(&path);
    }
    return 0;
}

/* Frees the contents of 't'. */
static void
token_destroy(struct token *t)
{
    free(t->value);
    free(t->source);
}

/* Prints the server's error reply 'reply', sent in answer to a request
 * with token 't', plus a hint about tokens after a 401. */
static void
report_http_error(const struct ofcctl_http_reply *reply,
                  const struct token *t)
{
    json_t *doc = json_loads(reply->body, 0, NULL);
    const char *message = json_string_value(json_object_get(doc, "message"));
    const char *code = json_string_value(json_object_get(doc, "error"));

    if (message) {
        ofcctl_error("%s (HTTP %d%s%s)", message, reply->status,
                     code ? ", " : "", code ? code : "");
    } else {
        size_t len = strcspn(reply->body, "\r\n");
        ofcctl_error("HTTP %d from the server%s%.*s", reply->status,
                     len ? ": " : "", (int) (len > 200 ? 200 : len),
                     reply->body);
    }
    if (reply->status == 401 && !t->value) {
        ofcctl_error("no API token: give --token or $OFC_TOKEN, or make"
                     " %s/api-token readable (%s)",
                     ofcctl_options()->state_dir, strerror(t->why));
    } else if (reply->status == 401) {
        ofcctl_error("the server refused the API token from %s: give the"
                     " right one with --token or $OFC_TOKEN, or point"
                     " --state-dir at ofcd's state directory (which holds"
                     " api-token)", t->source);
    }
    json_decref(doc);
}

/* Sends 'method' for 'path_query' with 'body' (or NULL) to the server.
 * On a 2xx reply returns 0 with the body either parsed into '*doc' (if
 * 'doc' is nonnull: the caller owns it) or kept raw in '*text' (if 'text'
 * is nonnull: malloc'ed).  Otherwise prints the error and returns
 * OFCCTL_EXIT_FAILURE (OFCCTL_EXIT_USAGE for a bad URL or token). */
static int
call(const char *method, const char *path_query, const char *body,
     json_t **doc, char **text)
{
    const struct ofcctl_options *o = ofcctl_options();
    struct ofcctl_http_reply reply;
    struct token token;
    int retval = find_token(&token);

    if (retval) {
        return retval;
    }
    retval = OFCCTL_EXIT_FAILURE;
    int failed = ofcctl_http_request(o->url, method, path_query, body,
                                     token.value, o->timeout, &reply);
    if (failed) {
        token_destroy(&token);
        return failed == -2 ? OFCCTL_EXIT_USAGE : OFCCTL_EXIT_FAILURE;
    }

    if (reply.status < 200 || reply.status > 299) {
        report_http_error(&reply, &token);
    } else if (doc) {
        json_error_t error;
        *doc = json_loads(reply.body, JSON_DECODE_ANY, &error);
        if (!*doc) {
            ofcctl_error("%s %s: the reply is not JSON (line %d column %d:"
                         " %s)", method, path_query, error.line,
                         error.column, error.text);
        } else {
            retval = OFCCTL_EXIT_OK;
        }
    } else {
        *text = reply.body;
        reply.body = NULL;
        retval = OFCCTL_EXIT_OK;
    }
    ofcctl_http_reply_destroy(&reply);
    token_destroy(&token);
    return retval;
}

/* Prints 'doc' as indented JSON (for --json). */
static void
print_json(const json_t *doc)
{
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_ENCODE_ANY);
    if (!s) {
        out_of_memory();
    }
    puts(s);
    free(s);
}

/* GETs 'path_query' into '*doc'.  With --json prints it and returns with
 * '*doc' NULL.  Returns an exit status. */
static int
get_json(const char *path_query, json_t **doc)
{
    int status = call("GET", path_query, NULL, doc, NULL);
    if (!status && ofcctl_options()->json) {
        print_json(*doc);
        json_decref(*doc);
        *doc = NULL;
    }
    return status;
}

/* Returns "/v1/switches/DPID" + 'suffix' with DPID escaped (malloc'ed). */
static char *
switch_path(const char *dpid, const char *suffix)
{
    struct str s = { 0 };
    str_add(&s, "/v1/switches/");
    str_add_escaped(&s, dpid);
    str_add(&s, suffix);
    return str_steal(&s);
}

/* Appends "?name=value" or "&name=value" to 's' if 'value' is nonnull.
 * The value is percent-encoded but for its slashes, which a query may
 * hold as they are (and ofcd leaves "%2F" undecoded: "--cookie V/MASK"). */
static void
add_query(struct str *s, bool *first, const char *name, const char *value)
{
    if (value) {
        str_add(s, *first ? "?" : "&");
        str_add(s, name);
        str_add(s, "=");
        for (;;) {
            size_t len = strcspn(value, "/");
            char *part = strndup(value, len);
            if (!part) {
                out_of_memory();
            }
            str_add_escaped(s, part);
            free(part);
            if (!value[len]) {
                break;
            }
            str_add(s, "/");
            value += len + 1;
        }
        *first = false;
    }
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
str_add_value(struct str *s, const json_t *v)
{
    char buf[32];

    if (!v || json_is_null(v)) {
        str_add(s, "-");
    } else if (json_is_string(v)) {
        str_add(s, json_string_value(v));
    } else if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(v));
        str_add(s, buf);
    } else {
        char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!text) {
            out_of_memory();
        }
        str_add(s, text);
        free(text);
    }
}

/* Adds a cell with the text of member 'key' of object 'o'. */
static void
cell_member(struct ofcctl_table *t, const json_t *o, const char *key)
{
    struct str s = { 0 };
    str_add_value(&s, json_object_get(o, key));
    ofcctl_table_cell(t, "%s", s.s);
    free(s.s);
}

/* Appends "k1=v1<sep>k2=v2..." for the members of object 'o' to 's'; a
 * member whose value is an object becomes "k(k=v,...)". */
static void
str_add_pairs(struct str *s, const json_t *o, const char *sep)
{
    const char *key;
    json_t *value;
    bool first = true;

    json_object_foreach ((json_t *) o, key, value) {
        if (!first) {
            str_add(s, sep);
        }
        first = false;
        str_add(s, key);
        if (json_is_object(value)) {
            str_add(s, "(");
            str_add_pairs(s, value, ",");
            str_add(s, ")");
        } else {
            str_add(s, "=");
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
    struct str s = { 0 };

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

    int status = parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status || (status = get_json("/v1/switches", &doc)) || !doc) {
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

    int status = parse_args(argc, argv, NULL, 0, &dpid, 1, 1);
    if (status) {
        return status;
    }
    char *path = switch_path(dpid, "/ports");
    status = get_json(path, &doc);
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
    struct cmd_option opts[] = {
        { "--table", NULL }, { "--app", NULL }, { "--cookie", NULL },
    };
    struct ofcctl_table t;
    const char *dpid;
    json_t *doc, *flows, *flow;
    size_t i;

    int status = parse_args(argc, argv, opts, 3, &dpid, 1, 1);
    if (status) {
        return status;
    }
    struct str path = { 0 };
    bool first = true;
    char *base = switch_path(dpid, "/flows");
    str_add(&path, base);
    free(base);
    add_query(&path, &first, "table", opts[0].value);
    add_query(&path, &first, "cookie", opts[2].value);
    add_query(&path, &first, "app", opts[1].value);
    status = get_json(path.s, &doc);
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
    struct cmd_option opts[] = {
        { "--dpid", NULL }, { "--vlan", NULL }, { "--mac", NULL },
        { "--port", NULL },
    };
    struct ofcctl_table t;
    json_t *doc, *hosts, *host;
    size_t i;

    int status = parse_args(argc, argv, opts, 4, NULL, 0, 0);
    if (status) {
        return status;
    }
    struct str path = { 0 };
    bool first = true;
    str_add(&path, "/v1/hosts");
    add_query(&path, &first, "dpid", opts[0].value);
    add_query(&path, &first, "vlan", opts[1].value);
    add_query(&path, &first, "mac", opts[2].value);
    add_query(&path, &first, "port", opts[3].value);
    status = get_json(path.s, &doc);
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
        struct str port = { 0 };
        const char *name = json_string_value(json_object_get(host,
                                                             "port_name"));

        cell_member(&t, host, "dpid");
        cell_member(&t, host, "vlan");
        cell_member(&t, host, "mac");
        str_add_value(&port, json_object_get(host, "port"));
        if (name && *name) {
            str_add(&port, "(");
            str_add(&port, name);
            str_add(&port, ")");
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
    struct cmd_option opts[] = { { "--description", NULL } };
    const char *pos[2];
    json_t *doc;

    int status = parse_args(argc, argv, opts, 1, pos, 2, 2);
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
        out_of_memory();
    }
    status = call("POST", path, body, &doc, NULL);
    free(path);
    free(body);
    if (status) {
        return status;
    }

    json_t *id = json_object_get(doc, "id");
    if (ofcctl_options()->json) {
        print_json(doc);
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

    int status = parse_args(argc, argv, NULL, 0, pos, 2, 2);
    if (status) {
        return status;
    }
    struct str path = { 0 };
    char *base = switch_path(pos[0], "/flows/");
    str_add(&path, base);
    free(base);
    str_add_escaped(&path, pos[1]);
    status = call("DELETE", path.s, NULL, &doc, NULL);
    free(path.s);
    if (status) {
        return status;
    }

    if (ofcctl_options()->json) {
        print_json(doc);
    } else {
        const char *flow = json_string_value(json_object_get(doc, "flow"));
        char *line;
        if (asprintf(&line, "deleted flow %s%s%s%s", pos[1],
                     flow ? " (" : "", flow ? flow : "",
                     flow ? ")" : "") < 0) {
            out_of_memory();
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

    int status = parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status || (status = get_json("/v1/apps", &doc)) || !doc) {
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

    int status = parse_args(argc, argv, NULL, 0, NULL, 0, 0);
    if (status || (status = call("GET", "/metrics", NULL, NULL, &text))) {
        return status;
    }
    fputs(ofcctl_sanitize(text, "\n"), stdout);
    free(text);
    return OFCCTL_EXIT_OK;
}
