/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The REST server core: libmicrohttpd driven by libevent, the route table,
 * the bearer token, deferred replies, and the request counters that GET
 * /metrics shows.  The routes themselves live elsewhere (core-routes.c,
 * switch-live.c, the apps). */

#include "rest/server.h"
#include <arpa/inet.h>
#include <errno.h>
#include <event2/event.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "controller/log.h"
#include "controller/metrics.h"
#include "controller/util.h"
#include "ofp/ofp-buf.h"

#define MAX_ROUTES 128
#define MAX_SEGMENTS 16
#define MAX_PATH 1024
/* A declared body larger than this is refused at once (and the connection
 * closed); smaller oversized bodies are read and discarded first, so that
 * ordinary clients see the 413 instead of a reset. */
#define MAX_DRAIN_BYTES (16u << 20)
/* How long a deferred request may wait for its answer. */
#define PENDING_TIMEOUT_SEC 10
/* Deferred requests not yet answered by their switch (including those the
 * timeout already answered): more get 503 at once, so that suspended
 * connections never fill the connection limit and memory stays bounded
 * when a switch never answers. */
#define MAX_OUTSTANDING 256
/* MHD runs in a row, then switch callbacks before REST runs again (see
 * run_cb()). */
#define REST_TURNS 8
#define YIELD_CALLBACKS 8

/* The HTTP statuses counted separately for GET /metrics; any other status
 * counts under the last slot ("other"). */
static const unsigned int counted_statuses[] = {
    200, 201, 204, 400, 401, 404, 405, 409, 413, 500, 502, 503, 504,
};
#define N_COUNTED (sizeof counted_statuses / sizeof counted_statuses[0])

/* Requests answered, by status slot (see counted_statuses). */
struct status_counts {
    uint64_t n[N_COUNTED + 1];
};

/* One route, its pattern split into segments once. */
struct route {
    const char *method;
    const char *pattern;
    ofc_rest_handler *handler;
    void *aux;
    char *copy;                 /* Owned copy of 'pattern', split. */
    char *segs[MAX_SEGMENTS];   /* Into 'copy'; "{...}" is a parameter. */
    int n_segs;
    struct status_counts counts;
};

/* The server.  Owns the MHD daemon, its two libevent events, the routes
 * and the pending requests. */
struct ofc_rest_server {
    struct event_base *base;
    struct MHD_Daemon *daemon;
    struct event *io_ev;        /* MHD's epoll fd readable. */
    struct event *timer_ev;     /* MHD_get_timeout() expired. */
    struct event *turn_ev;      /* Gives 'io_ev' back after the switches
                                 * had a turn (see run_cb()). */
    int turns;                  /* MHD runs since 'turn_ev' last ran. */
    uint16_t port;
    bool loopback;              /* Listening on a loopback address. */
    char *token;                /* Bearer token, or NULL (owned). */
    struct route routes[MAX_ROUTES];
    size_t n_routes;
    struct status_counts unmatched;     /* 404s, 413s before routing. */
    struct ofc_list pending;    /* struct ofc_rest_pending, by node. */
    size_t n_pending;
};

/* Per-request state (MHD's con_cls). */
struct request_state {
    char *body;                 /* NUL-terminated, owned. */
    size_t len;                 /* Bytes received (even if discarded). */
    bool too_big;               /* Over OFC_REST_MAX_BODY: 413. */
    bool discard;               /* Do not keep the body (see access_cb()). */
    struct ofc_rest_response refusal;   /* A 401 decided from the headers. */
    struct route *route;        /* The route that answered, if any. */
    struct ofc_rest_pending *pending;   /* While deferred. */
    bool suspended;             /* MHD_suspend_connection() was called. */
    bool ready;                 /* 'deferred' holds the late answer. */
    struct ofc_rest_response deferred;
};

/* A deferred request (see ofc_rest_defer()). */
struct ofc_rest_pending {
    struct ofc_rest_server *server;     /* NULL once detached. */
    struct MHD_Connection *connection;
    struct request_state *st;   /* NULL once answered by the timeout. */
    char *path;                 /* Owned copy. */
    struct event *timeout_ev;
    struct ofc_list node;       /* In server->pending while attached. */
};

/* Deferred requests whose handle is not freed yet (all servers). */
static size_t n_outstanding;
/* The request being dispatched (for ofc_rest_defer()). */
static struct ofc_rest_server *cur_server;
static struct request_state *cur_state;

/* The log module "rest". */
OFC_LOG_MODULE(rest_log_module, "rest")

/* ---- Addresses. ------------------------------------------------------ */

/* Parses 'spec' into '*ss'.  Returns 0, or -1 with '*error' set. */
static int
parse_addr(const char *spec, struct sockaddr_storage *ss, char **error)
{
    char host[INET6_ADDRSTRLEN + 1];
    const char *colon;
    const char *h;
    size_t hlen;

    memset(ss, 0, sizeof *ss);
    if (spec[0] == '[') {
        const char *close = strchr(spec, ']');
        if (!close || close[1] != ':') {
            goto bad;
        }
        h = spec + 1;
        hlen = close - h;
        colon = close + 1;
    } else {
        colon = strrchr(spec, ':');
        if (!colon) {
            goto bad;
        }
        h = spec;
        hlen = colon - spec;
    }
    if (!hlen || hlen >= sizeof host) {
        goto bad;
    }
    memcpy(host, h, hlen);
    host[hlen] = '\0';

    char *end;
    errno = 0;
    long port = strtol(colon + 1, &end, 10);
    if (!colon[1] || *end || errno || port < 0 || port > 65535) {
        goto bad;
    }

    struct sockaddr_in *sin = (struct sockaddr_in *) ss;
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) ss;
    if (inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
    } else if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
    } else {
        goto bad;
    }
    return 0;

bad:
    *error = ofc_xasprintf("'%s' is not IP:PORT (e.g. 127.0.0.1:8080 or "
                           "[::1]:8080) or 'none'", spec);
    return -1;
}

int
ofc_rest_parse_addr(const char *spec, char **error)
{
    struct sockaddr_storage ss;
    return parse_addr(spec, &ss, error);
}

/* ---- Routing. -------------------------------------------------------- */

/* Splits 'path' (starting with '/') into at most 'max' segments, pointers
 * into 'path' (which it writes).  Returns the count, or -1 if too many. */
static int
split_path(char *path, char *segs[], int max)
{
    int n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(path, "/", &save); tok;
         tok = strtok_r(NULL, "/", &save)) {
        if (n >= max) {
            return -1;
        }
        segs[n++] = tok;
    }
    return n;
}

/* True if the split path 'segs' matches route 'r'; fills the "{name}"
 * values into 'req'. */
static bool
route_matches(const struct route *r, char *segs[], int n,
              struct ofc_rest_request *req)
{
    if (n != r->n_segs) {
        return false;
    }
    size_t n_params = 0;
    for (int i = 0; i < n; i++) {
        if (r->segs[i][0] == '{') {
            req->params[n_params++] = segs[i];
        } else if (strcmp(r->segs[i], segs[i])) {
            return false;
        }
    }
    req->n_params = n_params;
    return true;
}

int
ofc_rest_add_route(struct ofc_rest_server *s, const char *method,
                   const char *pattern, ofc_rest_handler *handler, void *aux)
{
    if (s->n_routes >= MAX_ROUTES || pattern[0] != '/'
        || strlen(pattern) >= MAX_PATH) {
        return -1;
    }
    struct route *r = &s->routes[s->n_routes];
    *r = (struct route) {
        .method = method, .pattern = pattern, .handler = handler, .aux = aux,
        .copy = ofc_xstrdup(pattern),
    };
    r->n_segs = split_path(r->copy, r->segs, MAX_SEGMENTS);
    int n_params = 0;
    for (int i = 0; i < r->n_segs; i++) {
        n_params += r->segs[i][0] == '{';
    }
    if (r->n_segs < 0 || n_params > OFC_REST_MAX_PARAMS) {
        free(r->copy);
        return -1;
    }
    s->n_routes++;
    return 0;
}

int
ofc_rest_add_routes(struct ofc_rest_server *s, const struct ofc_route *routes)
{
    for (; routes && routes->method; routes++) {
        if (ofc_rest_add_route(s, routes->method, routes->pattern,
                               routes->handler, routes->aux)) {
            OFC_ERR(rest_log_module, OFC_NO_DPID, "rest: bad route %s %s",
                    routes->method, routes->pattern);
            return -1;
        }
    }
    return 0;
}

/* ---- Bearer token. --------------------------------------------------- */

void
ofc_rest_server_set_token(struct ofc_rest_server *s, const char *token)
{
    free(s->token);
    s->token = token ? ofc_xstrdup(token) : NULL;
}

/* Compares in time independent of where the strings differ. */
static bool
secret_equal(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned char diff = la != lb;
    for (size_t i = 0; i < la; i++) {
        diff |= (unsigned char) a[i] ^ (unsigned char) b[i % (lb ? lb : 1)];
    }
    return !diff;
}

/* True if 'req' may run: reads need the token only on a non-loopback
 * listener, everything else always.  Otherwise fills a 401 into 'resp'.
 * Runs as soon as the headers are in, before any body is read. */
static bool
authorized(const struct ofc_rest_server *s, const struct ofc_rest_request *req,
           struct ofc_rest_response *resp)
{
    bool read_only = !strcmp(req->method, "GET")
                     || !strcmp(req->method, "HEAD");
    if (read_only && s->loopback) {
        return true;
    }
    const char *auth = MHD_lookup_connection_value(
        req->connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    static const char prefix[] = "Bearer ";
    if (!s->token) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_UNAUTHORIZED,
                             "unauthorized", "this ofcd has no API token, "
                             "so it accepts no %s", read_only ? "requests"
                             : "changes");
    } else if (!auth) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_UNAUTHORIZED,
                             "unauthorized", "missing 'Authorization: Bearer "
                             "TOKEN' header (the token is in the state "
                             "directory's api-token file)");
    } else if (strncasecmp(auth, prefix, sizeof prefix - 1)
               || !secret_equal(auth + sizeof prefix - 1, s->token)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_UNAUTHORIZED,
                             "unauthorized", "wrong API token");
    } else {
        return true;
    }
    return false;
}

/* Returns the route 'method' and 'path' would run, or NULL (for counting
 * requests refused before dispatch). */
static struct route *
find_route(struct ofc_rest_server *s, const char *method, const char *path)
{
    char buf[MAX_PATH];
    char *segs[MAX_SEGMENTS];
    if (strlen(path) >= sizeof buf) {
        return NULL;
    }
    strcpy(buf, path);
    int n = split_path(buf, segs, MAX_SEGMENTS);
    struct route *any = NULL;
    for (size_t i = 0; n >= 0 && i < s->n_routes; i++) {
        struct ofc_rest_request tmp;
        if (route_matches(&s->routes[i], segs, n, &tmp)) {
            if (!strcmp(s->routes[i].method, method)) {
                return &s->routes[i];
            }
            any = any ? any : &s->routes[i];
        }
    }
    return any;
}

/* Finds the route for 'req' and runs it; 404 or 405 otherwise.  'allow'
 * receives the methods a 405 should list. */
static void
dispatch(struct ofc_rest_server *s, struct request_state *st,
         struct ofc_rest_request *req, struct ofc_rest_response *resp,
         struct ofp_ds *allow)
{
    char buf[MAX_PATH];
    char *segs[MAX_SEGMENTS];
    int n = -1;

    if (strlen(req->path) < sizeof buf) {
        strcpy(buf, req->path);
        n = split_path(buf, segs, MAX_SEGMENTS);
    }
    struct route *path_route = NULL;
    for (size_t i = 0; n >= 0 && i < s->n_routes; i++) {
        struct route *r = &s->routes[i];
        struct ofc_rest_request tmp = *req;
        if (!route_matches(r, segs, n, &tmp)) {
            continue;
        }
        if (!strcmp(r->method, req->method)
            || (!strcmp(req->method, "HEAD") && !strcmp(r->method, "GET"))) {
            *req = tmp;
            st->route = r;
            cur_server = s;
            cur_state = st;
            r->handler(req, resp, r->aux);
            cur_server = NULL;
            cur_state = NULL;
            return;
        }
        path_route = path_route ? path_route : r;
        ofp_ds_put_format(allow, "%s%s", allow->length ? ", " : "",
                          r->method);
    }
    if (path_route) {
        st->route = path_route;
        ofc_rest_reply_error(resp, req, MHD_HTTP_METHOD_NOT_ALLOWED,
                             "method_not_allowed",
                             "method %s is not allowed here (allowed: %s)",
                             req->method, ofp_ds_cstr(allow));
    } else {
        ofc_rest_reply_error(resp, req, MHD_HTTP_NOT_FOUND, "not_found",
                             "no such route");
    }
}

/* ---- Counters. ------------------------------------------------------- */

/* Counts one answer with 'status' in 'c'. */
static void
count_status(struct status_counts *c, unsigned int status)
{
    size_t i = 0;
    while (i < N_COUNTED && counted_statuses[i] != status) {
        i++;
    }
    c->n[i]++;
}

/* Writes the samples of one route's counters. */
static void
put_route_samples(struct ofp_ds *out, const char *method, const char *route,
                  const struct status_counts *c)
{
    for (size_t i = 0; i <= N_COUNTED; i++) {
        if (!c->n[i]) {
            continue;
        }
        char status[16];
        if (i < N_COUNTED) {
            snprintf(status, sizeof status, "%u", counted_statuses[i]);
        } else {
            snprintf(status, sizeof status, "other");
        }
        struct ofc_metrics_label labels[] = {
            { "method", method }, { "route", route }, { "status", status },
        };
        ofc_metrics_put_sample(out, "ofc_rest_requests_total", labels, 3,
                               c->n[i]);
    }
}

/* Metrics source: REST requests by route and status. */
static void
render_metrics(struct ofp_ds *out, void *s_)
{
    const struct ofc_rest_server *s = s_;
    ofc_metrics_put_family(out, "ofc_rest_requests_total", "counter",
                           "REST requests answered, by method, route "
                           "pattern and HTTP status.");
    for (size_t i = 0; i < s->n_routes; i++) {
        put_route_samples(out, s->routes[i].method, s->routes[i].pattern,
                          &s->routes[i].counts);
    }
    put_route_samples(out, "any", "unmatched", &s->unmatched);
    ofc_metrics_put_single(out, "ofc_rest_pending_requests", "gauge",
                           "REST requests waiting for a switch's answer.",
                           s->n_pending);
}

/* ---- Deferred replies. ----------------------------------------------- */

/* Hands 'resp' to the suspended request 'st' and wakes its connection. */
static void
resume_with(struct ofc_rest_pending *p, struct ofc_rest_response *resp)
{
    struct request_state *st = p->st;
    st->deferred = *resp;
    st->ready = true;
    st->pending = NULL;
    p->st = NULL;
    if (st->suspended) {
        st->suspended = false;
        MHD_resume_connection(p->connection);
        /* MHD sees the resumption on its next run. */
        if (p->server) {
            event_active(p->server->io_ev, EV_READ, 0);
        }
    }
    /* Else the handler itself answered before returning: access_cb()
     * sends 'deferred' at once. */
}

/* Detaches 'p' from its server (no more timeout, not listed). */
static void
detach(struct ofc_rest_pending *p)
{
    if (p->server) {
        ofc_list_remove(&p->node);
        p->server->n_pending--;
        p->server = NULL;
    }
    if (p->timeout_ev) {
        event_free(p->timeout_ev);
        p->timeout_ev = NULL;
    }
}

/* The deferred answer did not come in time: 504. */
static void
pending_timeout_cb(evutil_socket_t fd, short what, void *p_)
{
    struct ofc_rest_pending *p = p_;
    struct ofc_rest_response resp = { 0 };
    ofc_rest_reply_error_path(&resp, p->path, MHD_HTTP_GATEWAY_TIMEOUT,
                              "timeout", "no answer from the switch within "
                              "%d seconds", PENDING_TIMEOUT_SEC);
    OFC_WARN(rest_log_module, OFC_NO_DPID, "rest: %s: timed out", p->path);
    resume_with(p, &resp);
    struct ofc_rest_server *server = p->server;
    detach(p);
    if (server) {
        event_active(server->io_ev, EV_READ, 0);
    }
}

struct ofc_rest_pending *
ofc_rest_defer(const struct ofc_rest_request *req,
               struct ofc_rest_response *resp)
{
    struct ofc_rest_server *s = cur_server;
    struct request_state *st = cur_state;
    if (!s || !st || st->pending) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_INTERNAL_SERVER_ERROR,
                             "internal", "cannot defer this answer");
        return NULL;            /* Not inside a handler: a bug. */
    }
    if (n_outstanding >= MAX_OUTSTANDING) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_SERVICE_UNAVAILABLE, "busy",
                             "%d requests are already waiting for switches; "
                             "try again later", MAX_OUTSTANDING);
        return NULL;
    }
    n_outstanding++;
    struct ofc_rest_pending *p = ofc_xzalloc(sizeof *p);
    p->server = s;
    p->connection = req->connection;
    p->st = st;
    p->path = ofc_xstrdup(req->path);
    p->timeout_ev = evtimer_new(s->base, pending_timeout_cb, p);
    struct timeval tv = { .tv_sec = PENDING_TIMEOUT_SEC };
    evtimer_add(p->timeout_ev, &tv);
    ofc_list_push_back(&s->pending, &p->node);
    s->n_pending++;
    st->pending = p;
    return p;
}

void
ofc_rest_pending_reply(struct ofc_rest_pending *p,
                       struct ofc_rest_response *resp)
{
    if (p->st) {
        resume_with(p, resp);
    } else {
        /* Timed out or the server went away: nobody to tell. */
        json_decref(resp->json);
        free(resp->text);
    }
    resp->json = NULL;
    resp->text = NULL;
    detach(p);
    free(p->path);
    free(p);
    n_outstanding--;
}

const char *
ofc_rest_pending_path(const struct ofc_rest_pending *p)
{
    return p->path;
}

/* ---- MHD glue. ------------------------------------------------------- */

/* Queues 'resp' on 'connection' and frees what 'resp' owns. */
static enum MHD_Result
send_response(struct MHD_Connection *connection,
              struct ofc_rest_response *resp, const char *allow)
{
    struct MHD_Response *r;
    const char *type;
    char *data;

    if (resp->json) {
        data = json_dumps(resp->json, JSON_COMPACT);
        json_decref(resp->json);
        resp->json = NULL;
        type = "application/json";
        if (!data) {
            return MHD_NO;
        }
        size_t len = strlen(data);
        /* One more byte for a trailing newline, which curl users like. */
        char *nl = realloc(data, len + 2);
        if (!nl) {
            free(data);
            return MHD_NO;
        }
        data = nl;
        data[len++] = '\n';
        data[len] = '\0';
        r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    } else {
        data = resp->text ? resp->text : ofc_xstrdup("");
        resp->text = NULL;
        type = resp->content_type ? resp->content_type : "text/plain";
        r = MHD_create_response_from_buffer(strlen(data), data,
                                            MHD_RESPMEM_MUST_FREE);
    }
    if (!r) {
        free(data);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (allow && allow[0]) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
    }
    if (resp->status == MHD_HTTP_UNAUTHORIZED) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                                "Bearer realm=\"ofc\"");
    }
    enum MHD_Result ret = MHD_queue_response(connection, resp->status, r);
    MHD_destroy_response(r);
    return ret;
}

/* Counts and sends 'resp' for the request whose state is 'st'. */
static enum MHD_Result
answer(struct ofc_rest_server *s, struct request_state *st,
       struct MHD_Connection *connection, struct ofc_rest_response *resp,
       const char *allow)
{
    count_status(st && st->route ? &st->route->counts : &s->unmatched,
                 resp->status);
    return send_response(connection, resp, allow);
}

/* Sends a JSON error straight from the MHD callback. */
static enum MHD_Result
send_error(struct ofc_rest_server *s, struct request_state *st,
           struct MHD_Connection *connection, const char *path,
           unsigned int status, const char *code, const char *message)
{
    struct ofc_rest_response resp = { 0 };
    ofc_rest_reply_error_path(&resp, path, status, code, "%s", message);
    return answer(s, st, connection, &resp, NULL);
}

/* Adds a chunk of request body to 'st'.  Returns false to drop the
 * connection (an endless body). */
static bool
collect_body(struct request_state *st, const char *data, size_t n)
{
    if (st->len + n > MAX_DRAIN_BYTES) {
        return false;
    }
    if (!st->too_big && st->len + n > OFC_REST_MAX_BODY) {
        st->too_big = true;
        free(st->body);
        st->body = NULL;
    }
    if (!st->too_big && !st->discard) {
        char *b = realloc(st->body, st->len + n + 1);
        if (!b) {
            return false;
        }
        memcpy(b + st->len, data, n);
        b[st->len + n] = '\0';
        st->body = b;
    }
    st->len += n;
    return true;
}

/* MHD's access handler: collects the body, then dispatches; called once
 * more for a request that was suspended, to send its late answer. */
static enum MHD_Result
access_cb(void *cls, struct MHD_Connection *connection, const char *url,
          const char *method, const char *version, const char *upload_data,
          size_t *upload_data_size, void **con_cls)
{
    struct ofc_rest_server *s = cls;
    struct request_state *st = *con_cls;

    if (!st) {
        const char *cl = MHD_lookup_connection_value(
            connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(cl, &end, 10);
            if (errno || *end || n > MAX_DRAIN_BYTES) {
                return send_error(s, NULL, connection, url,
                                  MHD_HTTP_CONTENT_TOO_LARGE,
                                  "payload_too_large",
                                  "request body is over 1 MiB");
            }
        }
        st = calloc(1, sizeof *st);
        if (!st) {
            return MHD_NO;
        }
        *con_cls = st;
        /* Decide from the headers whether the body is worth keeping: not
         * for a path and method no route serves (404/405 later), nor
         * without the right token (401).  Such a body is read and dropped,
         * so that the client sees the answer rather than a reset, but it
         * never costs memory. */
        struct route *r = find_route(s, method, url);
        struct ofc_rest_request req = {
            .method = method, .path = url, .connection = connection,
        };
        if (!r || strcmp(r->method, method)) {
            st->discard = true;
        } else if (!authorized(s, &req, &st->refusal)) {
            st->route = r;
            st->discard = true;
        }
        return MHD_YES;
    }
    if (st->ready) {
        st->ready = false;
        return answer(s, st, connection, &st->deferred, NULL);
    }
    if (st->pending) {
        return MHD_YES;         /* Still waiting (spurious call). */
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        return collect_body(st, upload_data, n) ? MHD_YES : MHD_NO;
    }
    if (st->too_big) {
        return send_error(s, st, connection, url, MHD_HTTP_CONTENT_TOO_LARGE,
                          "payload_too_large", "request body is over 1 MiB");
    }
    if (st->refusal.json) {
        return answer(s, st, connection, &st->refusal, NULL);
    }

    struct ofc_rest_request req = {
        .method = method,
        .path = url,
        .body = st->body ? st->body : "",
        .body_len = st->body ? st->len : 0,
        .connection = connection,
    };
    struct ofc_rest_response resp = { .status = MHD_HTTP_OK };
    struct ofp_ds allow = OFP_DS_INITIALIZER;
    dispatch(s, st, &req, &resp, &allow);
    if (st->pending || st->ready) {
        json_decref(resp.json);
        free(resp.text);
        ofp_ds_destroy(&allow);
        if (st->ready) {
            /* Deferred and answered within the handler. */
            st->ready = false;
            return answer(s, st, connection, &st->deferred, NULL);
        }
        /* The handler deferred: answer when the switch does. */
        st->suspended = true;
        MHD_suspend_connection(connection);
        return MHD_YES;
    }
    if (!resp.json && !resp.text) {
        ofc_rest_reply_error(&resp, &req, MHD_HTTP_INTERNAL_SERVER_ERROR,
                             "internal", "the handler gave no reply");
    }
    enum MHD_Result ret = answer(
        s, st, connection, &resp,
        resp.status == MHD_HTTP_METHOD_NOT_ALLOWED ? ofp_ds_cstr(&allow)
        : NULL);
    ofp_ds_destroy(&allow);
    return ret;
}

/* Frees the per-request state when MHD is done with a request. */
static void
completed_cb(void *cls, struct MHD_Connection *connection, void **con_cls,
             enum MHD_RequestTerminationCode toe)
{
    struct request_state *st = *con_cls;
    if (st) {
        if (st->pending) {
            /* The daemon is stopping under a deferred request. */
            st->pending->st = NULL;
            detach(st->pending);
        }
        if (st->ready) {
            json_decref(st->deferred.json);
            free(st->deferred.text);
        }
        json_decref(st->refusal.json);
        free(st->body);
        free(st);
        *con_cls = NULL;
    }
}

/* Sends MHD's own diagnostics to our log. */
static void
mhd_log_cb(void *cls, const char *format, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, format, ap);
    buf[strcspn(buf, "\n")] = '\0';
    OFC_WARN(rest_log_module, OFC_NO_DPID, "libmicrohttpd: %s", buf);
}

/* Returns the value of hex digit 'c', or -1. */
static int
hex_value(int c)
{
    return (c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
            : -1);
}

/* Sets the timer to MHD's next timeout (or none). */
static void
rearm(struct ofc_rest_server *s)
{
    MHD_UNSIGNED_LONG_LONG ms;
    if (MHD_get_timeout(s->daemon, &ms) == MHD_YES) {
        struct timeval tv = {
            .tv_sec = ms / 1000,
            .tv_usec = (ms % 1000) * 1000,
        };
        evtimer_add(s->timer_ev, &tv);
    } else {
        evtimer_del(s->timer_ev);
    }
}

/* The switches had their turn: REST events may run again.  Called back by
 * ofc_loop_yield() or by 'turn_ev', whichever comes first. */
static void
resume(void *s_)
{
    struct ofc_rest_server *s = s_;
    s->turns = 0;
    event_add(s->io_ev, NULL);
}

/* libevent callback: lets MHD do its work, then re-arms the timer.
 *
 * With priorities (ofcd sets two), the REST events run before the
 * switches' (so an operator's request does not wait for a pass over every
 * busy switch).  After REST_TURNS runs in a row, 'io_ev' is taken out
 * until YIELD_CALLBACKS switch callbacks have run (ofc_loop_yield()), or,
 * if the switches have less to do, until 'turn_ev', queued behind their
 * events, runs.  So REST and the switches alternate and a flood of HTTP
 * requests can never starve the switches. */
static void
run_cb(evutil_socket_t fd, short what, void *s_)
{
    struct ofc_rest_server *s = s_;
    MHD_run(s->daemon);
    rearm(s);
    if (s->turn_ev && ++s->turns >= REST_TURNS) {
        event_del(s->io_ev);
        event_active(s->turn_ev, 0, 0);
        ofc_loop_yield(YIELD_CALLBACKS, resume, s);
    }
}

/* 'turn_ev': the switches' queued events have run. */
static void
turn_cb(evutil_socket_t fd, short what, void *s_)
{
    resume(s_);
}

/* Unescapes '%XX' in the path and in each query key and value, in place,
 * except %00, which stays as it is: a NUL would cut the string short and
 * let "/v1/x%00junk" pass for "/v1/x". */
static size_t
unescape_cb(void *cls, struct MHD_Connection *c, char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && (hi = hex_value(r[1])) >= 0
            && (lo = hex_value(r[2])) >= 0 && (hi || lo)) {
            *w++ = (char) (hi << 4 | lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return w - s;
}

/* True if 'ss' is a loopback address (127/8 or ::1). */
static bool
is_loopback(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *) ss;
        return (ntohl(sin->sin_addr.s_addr) >> 24) == 127;
    }
    const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *) ss;
    return IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr);
}

/* ---- Life cycle. ----------------------------------------------------- */

struct ofc_rest_server *
ofc_rest_server_create(struct event_base *base, const char *spec,
                       char **error)
{
    struct sockaddr_storage ss;
    if (parse_addr(spec, &ss, error)) {
        return NULL;
    }

    struct ofc_rest_server *s = ofc_xzalloc(sizeof *s);
    s->base = base;
    s->loopback = is_loopback(&ss);
    ofc_list_init(&s->pending);
    unsigned int flags = MHD_USE_EPOLL | MHD_USE_ERROR_LOG
                         | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_TURBO;
    if (ss.ss_family == AF_INET6) {
        flags |= MHD_USE_IPv6;
    }
    /* MHD binds to 'ss'; the port argument only shows in its messages. */
    uint16_t port = ntohs(ss.ss_family == AF_INET6
                          ? ((struct sockaddr_in6 *) &ss)->sin6_port
                          : ((struct sockaddr_in *) &ss)->sin_port);
    s->daemon = MHD_start_daemon(
        flags, port, NULL, NULL, access_cb, s,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log_cb, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &ss,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int) OFC_REST_MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) 30,
        MHD_OPTION_NOTIFY_COMPLETED, completed_cb, s,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int) 1024,
        MHD_OPTION_UNESCAPE_CALLBACK, unescape_cb, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        *error = ofc_xasprintf("rest: cannot listen on %s", spec);
        free(s);
        return NULL;
    }

    const union MHD_DaemonInfo *info
        = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_EPOLL_FD);
    const union MHD_DaemonInfo *pinfo
        = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    if (!info || !pinfo) {
        *error = ofc_xasprintf("rest: libmicrohttpd gave no epoll fd");
        MHD_stop_daemon(s->daemon);
        free(s);
        return NULL;
    }
    s->port = pinfo->port;
    s->io_ev = event_new(base, info->epoll_fd, EV_READ | EV_PERSIST,
                         run_cb, s);
    s->timer_ev = evtimer_new(base, run_cb, s);
    /* The REST server's own events go first when the base has priorities
     * (ofcd gives it two): requests are short, and an operator waiting on
     * a busy controller is what the API must avoid. */
    if (event_base_get_npriorities(base) > 1) {
        event_priority_set(s->io_ev, 0);
        event_priority_set(s->timer_ev, 0);
        s->turn_ev = event_new(base, -1, 0, turn_cb, s);
        event_priority_set(s->turn_ev, event_base_get_npriorities(base) - 1);
    }
    event_add(s->io_ev, NULL);
    rearm(s);
    ofc_metrics_add_source(render_metrics, s);

    char host[INET6_ADDRSTRLEN];
    const void *addr = ss.ss_family == AF_INET6
        ? (const void *) &((struct sockaddr_in6 *) &ss)->sin6_addr
        : (const void *) &((struct sockaddr_in *) &ss)->sin_addr;
    inet_ntop(ss.ss_family, addr, host, sizeof host);
    OFC_INFO(rest_log_module, OFC_NO_DPID, "rest: listening on %s%s%s:%u%s",
             ss.ss_family == AF_INET6 ? "[" : "", host,
             ss.ss_family == AF_INET6 ? "]" : "", (unsigned int) s->port,
             s->loopback ? "" : " (not loopback: every request needs the "
             "token)");
    return s;
}

void
ofc_rest_server_destroy(struct ofc_rest_server *s)
{
    if (!s) {
        return;
    }
    /* Deferred requests still waiting get a 503 before the daemon goes. */
    while (!ofc_list_is_empty(&s->pending)) {
        struct ofc_rest_pending *p = OFC_CONTAINER_OF(s->pending.next,
                                                      struct ofc_rest_pending,
                                                      node);
        struct ofc_rest_response resp = { 0 };
        ofc_rest_reply_error_path(&resp, p->path,
                                  MHD_HTTP_SERVICE_UNAVAILABLE, "shutdown",
                                  "ofcd is shutting down");
        resume_with(p, &resp);
        detach(p);
    }
    /* Let MHD send those answers (and the ones given by the connection
     * layer's shutdown just before) for up to half a second. */
    MHD_quiesce_daemon(s->daemon);
    for (int i = 0; i < 50 && MHD_get_daemon_info(
             s->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS)->num_connections;
         i++) {
        MHD_run(s->daemon);
        usleep(10000);
    }
    ofc_metrics_remove_source(render_metrics, s);
    event_free(s->io_ev);
    event_free(s->timer_ev);
    if (s->turn_ev) {
        event_free(s->turn_ev);
    }
    MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_routes; i++) {
        free(s->routes[i].copy);
    }
    free(s->token);
    free(s);
}

uint16_t
ofc_rest_server_port(const struct ofc_rest_server *s)
{
    return s->port;
}
