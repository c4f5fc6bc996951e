/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's HTTP client over libevent's evhttp: one connection, one request,
 * a private event base run until the reply (or an error) arrives, and a
 * timer that bounds the whole exchange. */

#include "rest/ofcctl-http.h"

#include <math.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

#include "rest/ofcctl.h"

/* The state of the one request in flight.  Lives on the stack of
 * ofcctl_http_request(). */
struct exchange {
    struct event_base *base;
    struct ofcctl_http_reply *reply;
    bool done;                  /* The response callback ran. */
    bool answered;              /* ...with an HTTP response. */
    bool timed_out;             /* Our own timer fired first. */
    bool have_error;            /* 'error' is valid. */
    enum evhttp_request_error error;
    bool out_of_memory;
};

/* Returns a malloc'ed copy of 's' (NULL on allocation failure). */
static char *
copy_string(const char *s)
{
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (copy) {
        memcpy(copy, s, len);
    }
    return copy;
}

/* evhttp: the request finished, one way or the other.  Copies the reply
 * out of 'req' (which evhttp frees when this returns). */
static void
response_cb(struct evhttp_request *req, void *ex_)
{
    struct exchange *ex = ex_;
    int status = req ? evhttp_request_get_response_code(req) : 0;

    ex->done = true;
    if (status > 0) {
        struct evbuffer *in = evhttp_request_get_input_buffer(req);
        const char *ctype = evhttp_find_header(
            evhttp_request_get_input_headers(req), "Content-Type");
        size_t len = evbuffer_get_length(in);
        char *body = malloc(len + 1);
        char *ctype_copy = copy_string(ctype ? ctype : "");

        if (!body || !ctype_copy
            || evbuffer_copyout(in, body, len) != (ssize_t) len) {
            free(body);
            free(ctype_copy);
            ex->out_of_memory = true;
        } else {
            body[len] = '\0';
            ex->reply->status = status;
            ex->reply->body = body;
            ex->reply->body_len = len;
            ex->reply->content_type = ctype_copy;
            ex->answered = true;
        }
    }
    event_base_loopbreak(ex->base);
}

/* evhttp: why a request failed (called before response_cb). */
static void
error_cb(enum evhttp_request_error error, void *ex_)
{
    struct exchange *ex = ex_;

    ex->error = error;
    ex->have_error = true;
}

/* Our own deadline for the whole exchange. */
static void
timeout_cb(evutil_socket_t fd, short what, void *ex_)
{
    struct exchange *ex = ex_;

    (void) fd;
    (void) what;
    ex->timed_out = true;
    event_base_loopbreak(ex->base);
}

/* The parts of the base URL a request needs. */
struct base_url {
    struct evhttp_uri *uri;     /* Parsed; owned. */
    char *host;                 /* Bare host ("::1", not "[::1]"). */
    int port;
    char *host_header;          /* "HOST:PORT" ("[::1]:80"), malloc'ed. */
    char *prefix;               /* Path prefix without a trailing '/'. */
};

/* Frees the contents of 'bu'. */
static void
base_url_destroy(struct base_url *bu)
{
    if (bu->uri) {
        evhttp_uri_free(bu->uri);
    }
    free(bu->host);
    free(bu->host_header);
    free(bu->prefix);
}

/* Returns true if the authority ("HOST[:PORT]") of 'url' ends in a ':'
 * with no port after it, which evhttp_uri_parse() lets pass as "no
 * port". */
static bool
has_empty_port(const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t len = strcspn(p, "/?#");
    return len > 0 && p[len - 1] == ':';
}

/* Parses 'url' ("http://HOST[:PORT][/PREFIX]"; "http://" may be left
 * out) into 'bu'.  Returns 0; or -1 after printing an error; or -2 after
 * printing a usage error (a malformed URL, a bad port). */
static int
base_url_parse(const char *url, struct base_url *bu)
{
    static const char want[] = "want http://HOST[:PORT][/PATH], with"
                               " PORT from 1 to 65535";
    char *full = NULL;

    memset(bu, 0, sizeof *bu);
    if (!strstr(url, "://")) {
        size_t len = strlen(url) + sizeof "http://";
        full = malloc(len);
        if (!full) {
            ofcctl_error("out of memory");
            return -1;
        }
        snprintf(full, len, "http://%s", url);
    }

    bu->uri = evhttp_uri_parse(full ? full : url);
    free(full);
    const char *scheme = bu->uri ? evhttp_uri_get_scheme(bu->uri) : NULL;
    const char *path = bu->uri ? evhttp_uri_get_path(bu->uri) : NULL;
    const char *host = bu->uri ? evhttp_uri_get_host(bu->uri) : NULL;
    if (!bu->uri || !scheme || !host || !*host
        || evhttp_uri_get_query(bu->uri)
        || evhttp_uri_get_fragment(bu->uri)
        || evhttp_uri_get_userinfo(bu->uri)) {
        ofcctl_usage_error("bad URL '%s' (%s)", url, want);
        return -2;
    }
    if (strcasecmp(scheme, "http")) {
        ofcctl_error("bad URL '%s': only http:// is supported", url);
        return -1;
    }

    bu->port = evhttp_uri_get_port(bu->uri);
    if (bu->port == 0 || has_empty_port(url)) {
        ofcctl_usage_error("bad URL '%s': %s (%s)", url,
                           bu->port ? "empty port" : "port 0", want);
        return -2;
    } else if (bu->port < 0) {
        bu->port = 80;
    }

    /* evhttp_uri_get_host() keeps an IPv6 literal's brackets: the Host
     * header wants them, a socket address does not. */
    size_t host_len = strlen(host);
    bool bracketed = host[0] == '[' && host[host_len - 1] == ']';
    size_t len = host_len + 16;
    bu->host = bracketed ? strndup(host + 1, host_len - 2) : strdup(host);
    bu->host_header = malloc(len);
    bu->prefix = strdup(path ? path : "");
    if (!bu->host || !bu->host_header || !bu->prefix) {
        ofcctl_error("out of memory");
        return -1;
    }
    snprintf(bu->host_header, len, "%s:%d", host, bu->port);
    size_t plen = strlen(bu->prefix);
    while (plen > 0 && bu->prefix[plen - 1] == '/') {
        bu->prefix[--plen] = '\0';
    }
    return 0;
}

/* Checks that 'bu''s host resolves, so that a bad name gets a message of
 * its own (evhttp just never answers).  Returns 0, or -1 after printing an
 * error naming 'url'. */
static int
check_host(const char *url, const struct base_url *bu)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC,
        .ai_socktype = SOCK_STREAM,
    };
    struct addrinfo *ai = NULL;
    char port[16];

    snprintf(port, sizeof port, "%d", bu->port);
    int error = getaddrinfo(bu->host, port, &hints, &ai);
    if (error) {
        ofcctl_error("cannot connect to %s: cannot resolve host '%s' (%s)",
                     url, bu->host, gai_strerror(error));
        return -1;
    }
    freeaddrinfo(ai);
    return 0;
}

/* libevent's log: its warnings ("[warn] evhttp_connection_connect_: ...")
 * are about failures that ofcctl reports in its own words, so only its
 * errors are shown, as ofcctl errors. */
static void
log_cb(int severity, const char *msg)
{
    if (severity >= EVENT_LOG_ERR) {
        ofcctl_error("libevent: %s", msg);
    }
}

/* Returns the evhttp request type for 'method', or -1. */
static int
method_type(const char *method)
{
    static const struct {
        const char *name;
        enum evhttp_cmd_type type;
    } methods[] = {
        { "GET", EVHTTP_REQ_GET },
        { "POST", EVHTTP_REQ_POST },
        { "PUT", EVHTTP_REQ_PUT },
        { "DELETE", EVHTTP_REQ_DELETE },
    };

    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        if (!strcmp(methods[i].name, method)) {
            return methods[i].type;
        }
    }
    return -1;
}

/* Prints why the request to 'url' got no reply. */
static void
report_failure(const char *url, const struct exchange *ex, double timeout)
{
    if (ex->out_of_memory) {
        ofcctl_error("out of memory reading the reply from %s", url);
    } else if (ex->timed_out
               || (ex->have_error && ex->error == EVREQ_HTTP_TIMEOUT)) {
        ofcctl_error("%s did not answer within %g seconds", url, timeout);
    } else if (!ex->have_error) {
        /* evhttp fails a request whose connection could not be made
         * without calling the error callback (and without errno). */
        ofcctl_error("cannot connect to %s (connection refused or host"
                     " unreachable: is ofcd serving its REST API there?)",
                     url);
    } else {
        ofcctl_error("no reply from %s (the server closed the connection)",
                     url);
    }
}

int
ofcctl_http_request(const char *url, const char *method,
                    const char *path_query, const char *body,
                    const char *token, double timeout,
                    struct ofcctl_http_reply *reply)
{
    struct exchange ex = { .reply = reply };
    struct evhttp_connection *conn = NULL;
    struct event *timer = NULL;
    struct base_url bu;
    char *target = NULL;
    char *auth = NULL;
    int retval = -1;

    memset(reply, 0, sizeof *reply);
    int type = method_type(method);
    if (type < 0) {
        ofcctl_error("unsupported HTTP method %s", method);
        return -1;
    }
    int error = base_url_parse(url, &bu);
    if (!error) {
        error = check_host(url, &bu);
    }
    if (error) {
        base_url_destroy(&bu);
        return error;
    }
    event_set_log_callback(log_cb);

    struct timeval tv = {
        .tv_sec = (time_t) timeout,
        .tv_usec = (suseconds_t) ((timeout - floor(timeout)) * 1e6),
    };
    size_t target_len = strlen(bu.prefix) + strlen(path_query) + 1;
    target = malloc(target_len);
    ex.base = event_base_new();
    if (!target || !ex.base) {
        ofcctl_error("out of memory");
        goto out;
    }
    snprintf(target, target_len, "%s%s", bu.prefix, path_query);

    conn = evhttp_connection_base_new(ex.base, NULL, bu.host, bu.port);
    timer = evtimer_new(ex.base, timeout_cb, &ex);
    if (!conn || !timer) {
        ofcctl_error("cannot set up a connection to %s", url);
        goto out;
    }
    evhttp_connection_set_timeout_tv(conn, &tv);
    evhttp_connection_set_retries(conn, 0);

    struct evhttp_request *req = evhttp_request_new(response_cb, &ex);
    if (!req) {
        ofcctl_error("out of memory");
        goto out;
    }
    evhttp_request_set_error_cb(req, error_cb);
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "Host", bu.host_header);
    evhttp_add_header(headers, "Accept", "application/json");
    evhttp_add_header(headers, "Connection", "close");
    evhttp_add_header(headers, "User-Agent", "ofcctl");
    if (token) {
        size_t len = strlen(token) + sizeof "Bearer ";
        auth = malloc(len);
        if (!auth) {
            evhttp_request_free(req);
            ofcctl_error("out of memory");
            goto out;
        }
        snprintf(auth, len, "Bearer %s", token);
        evhttp_add_header(headers, "Authorization", auth);
    }
    if (body) {
        char len[32];
        snprintf(len, sizeof len, "%zu", strlen(body));
        evhttp_add_header(headers, "Content-Type", "application/json");
        evhttp_add_header(headers, "Content-Length", len);
        evbuffer_add(evhttp_request_get_output_buffer(req), body,
                     strlen(body));
    }

    /* On failure evhttp_make_request() frees 'req' itself. */
    if (evhttp_make_request(conn, req, type, target)) {
        ofcctl_error("cannot send a request to %s", url);
        goto out;
    }
    evtimer_add(timer, &tv);
    event_base_dispatch(ex.base);

    if (ex.answered) {
        retval = 0;
    } else {
        report_failure(url, &ex, timeout);
    }

out:
    if (conn) {
        evhttp_connection_free(conn);
    }
    if (timer) {
        event_free(timer);
    }
    if (ex.base) {
        event_base_free(ex.base);
    }
    base_url_destroy(&bu);
    free(target);
    free(auth);
    if (retval) {
        ofcctl_http_reply_destroy(reply);
    }
    return retval;
}

void
ofcctl_http_reply_destroy(struct ofcctl_http_reply *reply)
{
    free(reply->body);
    free(reply->content_type);
    memset(reply, 0, sizeof *reply);
}

char *
ofcctl_http_escape(const char *s)
{
    char *escaped = evhttp_uriencode(s, -1, 0);
    if (!escaped) {
        ofcctl_error("out of memory");
        exit(OFCCTL_EXIT_FAILURE);
    }
    return escaped;
}
