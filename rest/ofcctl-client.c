/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The helpers shared by ofcctl's REST client commands: see
 * ofcctl-client.h. */

#include "rest/ofcctl-client.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rest/ofcctl.h"
#include "rest/ofcctl-http.h"

/* ---- Small utilities. ------------------------------------------------- */

/* See ofcctl-client.h. */
void
ofcctl_out_of_memory(void)
{
    ofcctl_error("out of memory");
    exit(OFCCTL_EXIT_FAILURE);
}

/* See ofcctl-client.h. */
char *
ofcctl_xstrdup(const char *s)
{
    char *copy = strdup(s);
    if (!copy) {
        ofcctl_out_of_memory();
    }
    return copy;
}

/* Appends 'len' bytes of 'p' to 'str'. */
void
ofcctl_str_append(struct ofcctl_str *str, const char *p, size_t len)
{
    if (str->len + len + 1 > str->allocated) {
        str->allocated = 2 * (str->len + len + 1) + 32;
        str->s = realloc(str->s, str->allocated);
        if (!str->s) {
            ofcctl_out_of_memory();
        }
    }
    memcpy(str->s + str->len, p, len);
    str->len += len;
    str->s[str->len] = '\0';
}

/* Appends the NUL-terminated 's'. */
void
ofcctl_str_add(struct ofcctl_str *str, const char *s)
{
    ofcctl_str_append(str, s, strlen(s));
}

/* Appends 's' percent-encoded (a path segment or a query value). */
void
ofcctl_str_add_escaped(struct ofcctl_str *str, const char *s)
{
    char *e = ofcctl_http_escape(s);
    ofcctl_str_add(str, e);
    free(e);
}

/* Returns the contents (never NULL; the caller frees it). */
char *
ofcctl_str_steal(struct ofcctl_str *str)
{
    if (!str->s) {
        ofcctl_str_add(str, "");
    }
    char *s = str->s;
    memset(str, 0, sizeof *str);
    return s;
}

/* ---- Arguments. ------------------------------------------------------- */

/* Splits the arguments of command 'argv[0]' into the options 'opts' (an
 * array of 'n_opts') and at most 'max' positional arguments stored in
 * 'pos', at least 'min' of them.  Returns 0, or OFCCTL_EXIT_USAGE after a
 * usage error. */
int
ofcctl_parse_args(int argc, char *argv[], struct ofcctl_cmd_option *opts,
                  size_t n_opts, const char **pos, size_t min, size_t max)
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
            struct ofcctl_cmd_option *o = NULL;
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

/* See ofcctl-client.h. */
json_t *
ofcctl_int_or_string(const char *value, size_t max_digits)
{
    size_t n = strlen(value);
    if (n && n <= max_digits && strspn(value, "0123456789") == n) {
        return json_integer(strtoll(value, NULL, 10));
    }
    return json_string(value);
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
    struct ofcctl_str path = { 0 };
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
            ofcctl_out_of_memory();
        }
        return 0;
    }

    ofcctl_str_add(&path, o->state_dir);
    ofcctl_str_add(&path, "/api-token");
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
                ofcctl_out_of_memory();
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
        t->source = ofcctl_str_steal(&path);
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
int
ofcctl_call(const char *method, const char *path_query, const char *body,
            json_t **doc, char **text)
{
    const struct ofcctl_options *o = ofcctl_options();
    struct ofcctl_http_reply reply;
    struct token token;
    int retval = find_token(&token);

    if (doc) {
        *doc = NULL;
    }
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

/* See ofcctl-client.h. */
void
ofcctl_print_json(const json_t *doc, bool sort_keys)
{
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_ENCODE_ANY
                         | (sort_keys ? JSON_SORT_KEYS : 0));
    if (!s) {
        ofcctl_out_of_memory();
    }
    puts(s);
    free(s);
}

/* See ofcctl-client.h. */
int
ofcctl_get_json(const char *path_query, bool sort_keys, json_t **doc)
{
    int status = ofcctl_call("GET", path_query, NULL, doc, NULL);
    if (!status && ofcctl_options()->json) {
        ofcctl_print_json(*doc, sort_keys);
        json_decref(*doc);
        *doc = NULL;
    }
    return status;
}

/* Appends "?name=value" or "&name=value" to 's' if 'value' is nonnull.
 * The value is percent-encoded but for its slashes, which a query may
 * hold as they are (and ofcd leaves "%2F" undecoded: "--cookie V/MASK"). */
void
ofcctl_add_query(struct ofcctl_str *s, bool *first, const char *name,
                 const char *value)
{
    if (value) {
        ofcctl_str_add(s, *first ? "?" : "&");
        ofcctl_str_add(s, name);
        ofcctl_str_add(s, "=");
        for (;;) {
            size_t len = strcspn(value, "/");
            char *part = strndup(value, len);
            if (!part) {
                ofcctl_out_of_memory();
            }
            ofcctl_str_add_escaped(s, part);
            free(part);
            if (!value[len]) {
                break;
            }
            ofcctl_str_add(s, "/");
            value += len + 1;
        }
        *first = false;
    }
}
