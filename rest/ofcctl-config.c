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
#include "rest/ofcctl-client.h"
#include "rest/ofcctl-table.h"

/* The most a configuration file may hold (the server's body limit). */
#define CONFIG_MAX_BYTES (1u << 20)

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
        ofcctl_out_of_memory();
    }
    for (;;) {
        if (len + 1 >= allocated) {
            allocated *= 2;
            text = realloc(text, allocated);
            if (!text) {
                ofcctl_out_of_memory();
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
    int status = ofcctl_call("GET", "/v1/config", NULL, &doc, NULL);
    if (!status) {
        ofcctl_print_json(doc, true);
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
    int status = ofcctl_call("PUT", "/v1/config", text, &doc, NULL);
    free(text);
    if (!status) {
        if (ofcctl_options()->json) {
            ofcctl_print_json(doc, true);
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
    int status = ofcctl_call("POST", "/v1/config/validate", text, &doc, NULL);
    free(text);
    if (!status) {
        if (ofcctl_options()->json) {
            ofcctl_print_json(doc, true);
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
        ofcctl_out_of_memory();
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
                ofcctl_out_of_memory();
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
    int status = ofcctl_get_json("/v1/vlans", true, &doc);
    if (status || !doc) {
        return status;
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
