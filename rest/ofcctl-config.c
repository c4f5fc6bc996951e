/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's configuration and VLAN commands:
 *
 *   ofcctl config get              prints the running configuration
 *   ofcctl config set FILE         replaces it (PUT /v1/config)
 *   ofcctl config validate FILE    checks FILE on the server
 *   ofcctl vlans                   the VLANs with their member ports
 *
 * FILE may be "-" for standard input.  Errors from the server are printed
 * as "ofcctl: MESSAGE (HTTP STATUS, CODE)" with exit status 1, like the
 * other REST commands (ofcctl-cmds.c). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-http.h"
#include "rest/ofcctl-table.h"

/* The most a configuration file may hold (the server's body limit). */
#define CONFIG_MAX_BYTES (1u << 20)

/* Exits after an allocation failure. */
static void
out_of_memory(void)
{
    ofcctl_error("out of memory");
    exit(OFCCTL_EXIT_FAILURE);
}

/* Returns a malloc'ed copy of 's' (exits if memory runs out). */
static char *
xstrdup(const char *s)
{
    char *copy = strdup(s);
    if (!copy) {
        out_of_memory();
    }
    return copy;
}

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

/* Finds the API token as the other commands do: --token or $OFC_TOKEN,
 * else the first line of STATE-DIR/api-token.  Returns 0 with '*token'
 * malloc'ed (NULL if there is none), or an exit status after an error. */
static int
find_token(char **token)
{
    const struct ofcctl_options *o = ofcctl_options();
    char line[1100];

    *token = NULL;
    if (o->token) {
        if (!token_is_valid(o->token)) {
            return ofcctl_usage_error("%s: the API token must be printable"
                                      " ASCII without spaces or control"
                                      " characters", o->token_source);
        }
        *token = xstrdup(o->token);
        return 0;
    }

    size_t len = strlen(o->state_dir) + sizeof "/api-token";
    char *path = malloc(len);
    if (!path) {
        out_of_memory();
    }
    snprintf(path, len, "%s/api-token", o->state_dir);
    FILE *f = fopen(path, "r");
    if (f) {
        if (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (*line && token_is_valid(line)) {
                *token = xstrdup(line);
            }
        }
        fclose(f);
    }
    free(path);
    return 0;
}

/* Prints the server's error 'reply' as "MESSAGE (HTTP N, CODE)". */
static void
report_http_error(const struct ofcctl_http_reply *reply, bool had_token)
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
    if (reply->status == 401) {
        ofcctl_error(had_token
                     ? "the server refused the API token: give the right"
                       " one with --token or $OFC_TOKEN, or point"
                       " --state-dir at ofcd's state directory"
                     : "no API token: give --token or $OFC_TOKEN, or make"
                       " STATE-DIR/api-token readable (--state-dir)");
    }
    json_decref(doc);
}

/* Sends 'method' for 'path' with 'body' (or NULL).  On a 2xx reply returns
 * 0 with the parsed reply in '*doc' (the caller owns it); otherwise prints
 * the error and returns an exit status. */
static int
call(const char *method, const char *path, const char *body, json_t **doc)
{
    const struct ofcctl_options *o = ofcctl_options();
    struct ofcctl_http_reply reply;
    char *token;
    int status = find_token(&token);

    *doc = NULL;
    if (status) {
        return status;
    }
    int failed = ofcctl_http_request(o->url, method, path, body, token,
                                     o->timeout, &reply);
    if (failed) {
        free(token);
        return failed == -2 ? OFCCTL_EXIT_USAGE : OFCCTL_EXIT_FAILURE;
    }

    status = OFCCTL_EXIT_FAILURE;
    if (reply.status < 200 || reply.status > 299) {
        report_http_error(&reply, token != NULL);
    } else {
        json_error_t error;
        *doc = json_loads(reply.body, JSON_DECODE_ANY, &error);
        if (!*doc) {
            ofcctl_error("%s %s: the reply is not JSON (line %d column %d:"
                         " %s)", method, path, error.line, error.column,
                         error.text);
        } else {
            status = OFCCTL_EXIT_OK;
        }
    }
    ofcctl_http_reply_destroy(&reply);
    free(token);
    return status;
}

/* Prints 'doc' as indented JSON with sorted keys. */
static void
print_json(const json_t *doc)
{
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS
                         | JSON_ENCODE_ANY);
    if (!s) {
        out_of_memory();
    }
    puts(s);
    free(s);
}

/* Reads all of 'name' ("-": standard input) into a malloc'ed string.
 * Returns it, or NULL after printing an error. */
static char *
read_file(const char *name)
{
    bool is_stdin = !strcmp(name, "-");
    FILE *f = is_stdin ? stdin : fopen(name, "r");
    if (!f) {
        ofcctl_error("%s: %s", name, strerror(errno));
        return NULL;
    }

    size_t len = 0, allocated = 4096;
    char *text = malloc(allocated);
    if (!text) {
        out_of_memory();
    }
    for (;;) {
        if (len + 1 >= allocated) {
            allocated *= 2;
            text = realloc(text, allocated);
            if (!text) {
                out_of_memory();
            }
        }
        size_t n = fread(text + len, 1, allocated - len - 1, f);
        len += n;
        if (!n || len > CONFIG_MAX_BYTES) {
            break;
        }
    }
    bool error = ferror(f);
    if (!is_stdin) {
        fclose(f);
    }
    text[len] = '\0';
    if (error) {
        ofcctl_error("%s: read error", name);
    } else if (len > CONFIG_MAX_BYTES) {
        ofcctl_error("%s: larger than %u bytes", name, CONFIG_MAX_BYTES);
    } else if (strlen(text) != len) {
        ofcctl_error("%s: contains a NUL byte", name);
    } else {
        return text;
    }
    free(text);
    return NULL;
}

/* ofcctl config get. */
static int
config_get(void)
{
    json_t *doc;
    int status = call("GET", "/v1/config", NULL, &doc);
    if (!status) {
        print_json(doc);
        json_decref(doc);
    }
    return status;
}

/* ofcctl config set FILE: replaces the configuration with FILE. */
static int
config_set(const char *file)
{
    char *text = read_file(file);
    if (!text) {
        return OFCCTL_EXIT_FAILURE;
    }

    json_t *doc;
    int status = call("PUT", "/v1/config", text, &doc);
    free(text);
    if (!status) {
        if (ofcctl_options()->json) {
            print_json(doc);
        } else {
            printf("%s: applied\n", file);
        }
        json_decref(doc);
    }
    return status;
}

/* ofcctl config validate FILE: asks the server whether FILE would be
 * accepted. */
static int
config_validate(const char *file)
{
    char *text = read_file(file);
    if (!text) {
        return OFCCTL_EXIT_FAILURE;
    }

    json_t *doc;
    int status = call("POST", "/v1/config/validate", text, &doc);
    free(text);
    if (!status) {
        if (ofcctl_options()->json) {
            print_json(doc);
        } else {
            printf("%s: ok\n", file);
        }
        json_decref(doc);
    }
    return status;
}

int
ofcctl_config(int argc, char *argv[])
{
    const char *sub = argc > 1 ? argv[1] : "";
    int n_args = argc - 2;

    if (!strcmp(sub, "get") && n_args == 0) {
        return config_get();
    } else if (!strcmp(sub, "set") && n_args == 1) {
        return config_set(argv[2]);
    } else if (!strcmp(sub, "validate") && n_args == 1) {
        return config_validate(argv[2]);
    }
    return ofcctl_usage_error("usage: config get | config set FILE |"
                              " config validate FILE");
}

/* ---- ofcctl vlans. ---------------------------------------------------- */

/* Returns the text of member 'key' of 'o' for a cell: strings as they
 * are, integers in decimal, anything else "-" (static or 'buf'). */
static const char *
cell_text(const json_t *o, const char *key, char *buf, size_t size)
{
    const json_t *v = json_object_get(o, key);
    if (json_is_string(v)) {
        return json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    return "-";
}

/* Appends the ports of 'sw' ("NAME:MODE,...") as one cell of 't'. */
static void
cell_ports(struct ofcctl_table *t, const json_t *sw)
{
    const json_t *ports = json_object_get(sw, "ports");
    size_t len = 0, allocated = 64;
    char *s = malloc(allocated);
    size_t i;
    const json_t *p;

    if (!s) {
        out_of_memory();
    }
    *s = '\0';
    json_array_foreach (ports, i, p) {
        char buf[32];
        const char *name = cell_text(p, "name", buf, sizeof buf);
        if (!*name) {
            name = cell_text(p, "port_no", buf, sizeof buf);
        }
        const char *mode = json_string_value(json_object_get(p, "mode"));
        size_t need = strlen(name) + (mode ? strlen(mode) : 1) + 3;
        if (len + need >= allocated) {
            allocated = 2 * (len + need);
            s = realloc(s, allocated);
            if (!s) {
                out_of_memory();
            }
        }
        len += snprintf(s + len, allocated - len, "%s%s:%s", i ? "," : "",
                        name, mode ? mode : "?");
    }
    ofcctl_table_cell(t, "%s", len ? s : "-");
    free(s);
}

int
ofcctl_vlans(int argc, char *argv[])
{
    static const struct ofcctl_column columns[] = {
        { "VID", true }, { "NAME", false }, { "GATEWAY", false },
        { "SWITCH", false }, { "PORTS", false }, { "HOSTS", true },
    };
    struct ofcctl_table t;
    json_t *doc;
    size_t i;
    json_t *vlan;

    if (argc > 1) {
        return ofcctl_usage_error("vlans: unexpected argument '%s'",
                                  argv[1]);
    }
    int status = call("GET", "/v1/vlans", NULL, &doc);
    if (status) {
        return status;
    }
    if (ofcctl_options()->json) {
        print_json(doc);
        json_decref(doc);
        return OFCCTL_EXIT_OK;
    }
    const json_t *vlans = json_object_get(doc, "vlans");
    if (!json_is_array(vlans)) {
        json_decref(doc);
        ofcctl_error("unexpected reply from the server (no \"vlans\")");
        return OFCCTL_EXIT_FAILURE;
    }

    ofcctl_table_init(&t, columns, sizeof columns / sizeof *columns);
    json_array_foreach (vlans, i, vlan) {
        const json_t *switches = json_object_get(vlan, "switches");
        size_t n = json_array_size(switches);
        char buf[32];

        for (size_t j = 0; j < (n ? n : 1); j++) {
            const json_t *sw = json_array_get(switches, j);
            ofcctl_table_cell(&t, "%s", cell_text(vlan, "vid", buf,
                                                  sizeof buf));
            ofcctl_table_cell(&t, "%s", cell_text(vlan, "name", buf,
                                                  sizeof buf));
            ofcctl_table_cell(&t, "%s", cell_text(vlan, "gateway", buf,
                                                  sizeof buf));
            if (sw) {
                ofcctl_table_cell(&t, "%s", cell_text(sw, "dpid", buf,
                                                      sizeof buf));
                cell_ports(&t, sw);
                ofcctl_table_cell(&t, "%s", cell_text(sw, "hosts", buf,
                                                      sizeof buf));
            } else {
                ofcctl_table_cell(&t, "-");
                ofcctl_table_cell(&t, "-");
                ofcctl_table_cell(&t, "0");
            }
        }
    }
    ofcctl_table_print(&t, stdout);
    ofcctl_table_destroy(&t);
    json_decref(doc);
    return OFCCTL_EXIT_OK;
}
