/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef REST_OFCCTL_CLIENT_H
#define REST_OFCCTL_CLIENT_H 1

/* The helpers shared by ofcctl's REST client commands (ofcctl-cmds.c,
 * ofcctl-config.c, ofcctl-mirror.c, ofcctl-arp.c): a growable string for
 * building paths and queries, per-command option parsing, finding the API
 * token, and sending one request with the server's errors reported as
 * "ofcctl: MESSAGE (HTTP STATUS, CODE)" and turned into exit statuses. */

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* Prints "out of memory" and exits with OFCCTL_EXIT_FAILURE. */
void ofcctl_out_of_memory(void) __attribute__((noreturn));

/* Returns a malloc'ed copy of 's' (exits if memory runs out). */
char *ofcctl_xstrdup(const char *s);

/* A growable string.  Initialize with '{ 0 }'; 's' is NULL until something
 * is appended, then malloc'ed and NUL-terminated (the owner frees it). */
struct ofcctl_str {
    char *s;
    size_t len, allocated;
};

void ofcctl_str_append(struct ofcctl_str *, const char *p, size_t len);
void ofcctl_str_add(struct ofcctl_str *, const char *s);
/* Appends 's' percent-encoded (a path segment or a query value). */
void ofcctl_str_add_escaped(struct ofcctl_str *, const char *s);
/* Returns the contents (never NULL; the caller frees it) and empties the
 * string. */
char *ofcctl_str_steal(struct ofcctl_str *);

/* Appends "?name=value" or "&name=value" (by '*first', which it clears)
 * to 's' if 'value' is nonnull.  The value is percent-encoded but for its
 * slashes, which a query may hold as they are (and ofcd leaves "%2F"
 * undecoded: "--cookie V/MASK"). */
void ofcctl_add_query(struct ofcctl_str *s, bool *first, const char *name,
                      const char *value);

/* A per-command option that takes a value ("--table N"). */
struct ofcctl_cmd_option {
    const char *name;           /* "--table". */
    const char *value;          /* Set by ofcctl_parse_args(), else NULL. */
};

/* Splits the arguments of command 'argv[0]' into the options 'opts' (an
 * array of 'n_opts') and at most 'max' positional arguments stored in
 * 'pos', at least 'min' of them.  Returns 0, or OFCCTL_EXIT_USAGE after a
 * usage error. */
int ofcctl_parse_args(int argc, char *argv[], struct ofcctl_cmd_option *opts,
                      size_t n_opts, const char **pos, size_t min,
                      size_t max);

/* Returns command-line 'value' as a JSON integer if it is all digits and
 * at most 'max_digits' long, else as a JSON string (the server then names
 * a wrong type or value).  NULL if 'value' is not valid UTF-8. */
json_t *ofcctl_int_or_string(const char *value, size_t max_digits);

/* Sends 'method' for 'path_query' with 'body' (or NULL) to the server,
 * with the API token (--token, $OFC_TOKEN or STATE-DIR/api-token).  On a
 * 2xx reply returns 0 with the body either parsed into '*doc' (if 'doc' is
 * nonnull: the caller owns it) or kept raw in '*text' (if 'text' is
 * nonnull: malloc'ed).  Otherwise prints the error (with a hint about
 * tokens after a 401) and returns OFCCTL_EXIT_FAILURE (OFCCTL_EXIT_USAGE
 * for a bad URL or token), with '*doc' NULL. */
int ofcctl_call(const char *method, const char *path_query, const char *body,
                json_t **doc, char **text);

/* Prints 'doc' as indented JSON (for --json), with its keys sorted if
 * 'sort_keys'. */
void ofcctl_print_json(const json_t *doc, bool sort_keys);

/* GETs 'path_query' into '*doc' with ofcctl_call().  With --json prints
 * it instead (ofcctl_print_json()) and returns with '*doc' NULL.  Returns
 * an exit status. */
int ofcctl_get_json(const char *path_query, bool sort_keys, json_t **doc);

#endif /* rest/ofcctl-client.h */
