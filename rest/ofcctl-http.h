/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef REST_OFCCTL_HTTP_H
#define REST_OFCCTL_HTTP_H 1

/* ofcctl's HTTP client: one request to ofcd's REST API over libevent's
 * evhttp, on an event base of its own that runs until the reply arrives,
 * the connection fails or the timeout passes. */

#include <stdbool.h>
#include <stddef.h>

/* A reply.  'body' is malloc'ed and NUL-terminated (owned by the caller:
 * free it with ofcctl_http_reply_destroy()). */
struct ofcctl_http_reply {
    int status;                 /* HTTP status, e.g. 200. */
    char *body;
    size_t body_len;
    char *content_type;         /* Malloc'ed; "" if the server sent none. */
};

/* Sends 'method' ("GET", "POST", "DELETE") for 'path_query' (such as
 * "/v1/switches?x=1", already escaped) to the server at base URL 'url'
 * ("http://HOST[:PORT][/PREFIX]"), with 'body' (JSON, or NULL for none) and
 * "Authorization: Bearer 'token'" when 'token' is nonnull.  Waits at most
 * 'timeout' seconds.
 *
 * Returns 0 with '*reply' filled in whatever the HTTP status; or -1 after
 * printing an "ofcctl: ..." error naming the URL (unsupported scheme, a
 * host that does not resolve, no server, timeout, broken reply); or -2
 * after printing a usage error (a malformed URL, port 0 or an empty
 * port). */
int ofcctl_http_request(const char *url, const char *method,
                        const char *path_query, const char *body,
                        const char *token, double timeout,
                        struct ofcctl_http_reply *reply);

/* Frees the contents of 'reply'. */
void ofcctl_http_reply_destroy(struct ofcctl_http_reply *reply);

/* Returns 's' percent-encoded for a path segment or a query value
 * (malloc'ed). */
char *ofcctl_http_escape(const char *s);

#endif /* rest/ofcctl-http.h */
