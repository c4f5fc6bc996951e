/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The REST server core: libmicrohttpd driven by libevent, the route table,
 * JSON replies and errors, and the built-in routes (/healthz, /metrics,
 * /v1/switches, /v1/switches/{dpid}). */

#include "rest/server.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <event2/event.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "controller/conn.h"
#include "controller/log.h"
#include "controller/metrics.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-buf.h"
#include "ofp/ofp-port.h"

#define MAX_ROUTES 64
#define MAX_SEGMENTS 16
/* A declared body larger than this is refused at once (and the connection
 * closed); smaller oversized bodies are read and discarded first, so that
 * ordinary clients see the 413 instead of a reset. */
#define MAX_DRAIN_BYTES (16u << 20)

/* One route. */
struct route {
    const char *method;
    const char *pattern;
    ofc_rest_handler *handler;
    void *aux;
};

/* The server.  Owns the MHD daemon and its two libevent events. */
struct ofc_rest_server {
    struct MHD_Daemon *daemon;
    struct event *io_ev;        /* MHD's epoll fd readable. */
    struct event *timer_ev;     /* MHD_get_timeout() expired. */
    uint16_t port;
    struct route routes[MAX_ROUTES];
    size_t n_routes;
};

/* Per-request state (MHD's con_cls): the body collected so far. */
struct request_state {
    char *body;                 /* NUL-terminated, owned. */
    size_t len;                 /* Bytes received (even if discarded). */
    bool too_big;
};

static int rest_log_module = -1;

/* Returns the log module of the REST server. */
static int
log_module(void)
{
    if (rest_log_module < 0) {
        rest_log_module = ofc_log_module_register("rest");
        if (rest_log_module < 0) {
            rest_log_module = OFC_LOG_MAIN;
        }
    }
    return rest_log_module;
}

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

/* ---- Helpers for handlers. ------------------------------------------- */

void
ofc_rest_reply_json(struct ofc_rest_response *resp, unsigned int status,
                    json_t *json)
{
    json_decref(resp->json);
    free(resp->text);
    resp->text = NULL;
    resp->status = status;
    resp->json = json;
}

void
ofc_rest_reply_error(struct ofc_rest_response *resp,
                     const struct ofc_rest_request *req,
                     unsigned int status, const char *code,
                     const char *format, ...)
{
    char message[512];
    va_list args;

    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    ofc_rest_reply_json(resp, status,
                        json_pack("{s:s, s:s, s:s}", "error", code,
                                  "message", message, "path", req->path));
}

bool
ofc_rest_parse_dpid(const char *s, uint64_t *dpid)
{
    uint64_t v = 0;

    if (strchr(s, ':')) {
        /* xx:xx:xx:xx:xx:xx:xx:xx */
        if (strlen(s) != 23) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            const char *p = s + i * 3;
            if (!isxdigit((unsigned char) p[0])
                || !isxdigit((unsigned char) p[1])
                || (i < 7 && p[2] != ':')) {
                return false;
            }
            char byte[3] = { p[0], p[1], '\0' };
            v = v << 8 | strtoul(byte, NULL, 16);
        }
        *dpid = v;
        return true;
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
    }
    size_t n = strlen(s);
    if (!n || n > 16) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char) s[i];
        if (!isxdigit(c)) {
            return false;
        }
        v = v << 4 | (isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
    }
    *dpid = v;
    return true;
}

/* ---- Routing. -------------------------------------------------------- */

/* Splits 'path' (starting with '/') into at most 'max' segments, pointers
 * into 'copy' (which it writes).  Returns the count, or -1 if too many. */
static int
split_path(char *copy, char *segs[], int max)
{
    int n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, "/", &save); tok;
         tok = strtok_r(NULL, "/", &save)) {
        if (n >= max) {
            return -1;
        }
        segs[n++] = tok;
    }
    return n;
}

/* True if 'path' matches 'pattern'; fills the "{name}" values into 'req'
 * (pointers into 'buf', which must hold a copy of the path). */
static bool
route_matches(const char *pattern, const char *path, char *buf,
              size_t bufsize, struct ofc_rest_request *req)
{
    char pcopy[256];
    char *psegs[MAX_SEGMENTS], *segs[MAX_SEGMENTS];

    if (strlen(pattern) >= sizeof pcopy || strlen(path) >= bufsize) {
        return false;
    }
    strcpy(pcopy, pattern);
    strcpy(buf, path);
    int np = split_path(pcopy, psegs, MAX_SEGMENTS);
    int n = split_path(buf, segs, MAX_SEGMENTS);
    if (np < 0 || n != np) {
        return false;
    }
    req->n_params = 0;
    for (int i = 0; i < n; i++) {
        if (psegs[i][0] == '{') {
            if (req->n_params >= OFC_REST_MAX_PARAMS) {
                return false;
            }
            req->params[req->n_params++] = segs[i];
        } else if (strcmp(psegs[i], segs[i])) {
            return false;
        }
    }
    return true;
}

int
ofc_rest_add_route(struct ofc_rest_server *s, const char *method,
                   const char *pattern, ofc_rest_handler *handler, void *aux)
{
    if (s->n_routes >= MAX_ROUTES || pattern[0] != '/'
        || strlen(pattern) >= 256) {
        return -1;
    }
    s->routes[s->n_routes++] = (struct route) {
        .method = method, .pattern = pattern, .handler = handler, .aux = aux,
    };
    return 0;
}

/* Finds the route for 'req' and runs it; 404 or 405 otherwise.  'allow'
 * receives the methods a 405 should list. */
static void
dispatch(struct ofc_rest_server *s, struct ofc_rest_request *req,
         struct ofc_rest_response *resp, struct ofp_ds *allow)
{
    char buf[1024];
    bool path_known = false;

    for (size_t i = 0; i < s->n_routes; i++) {
        const struct route *r = &s->routes[i];
        struct ofc_rest_request tmp = *req;
        if (!route_matches(r->pattern, req->path, buf, sizeof buf, &tmp)) {
            continue;
        }
        if (!strcmp(r->method, req->method)
            || (!strcmp(req->method, "HEAD") && !strcmp(r->method, "GET"))) {
            *req = tmp;
            r->handler(req, resp, r->aux);
            return;
        }
        path_known = true;
        ofp_ds_put_format(allow, "%s%s", allow->length ? ", " : "",
                          r->method);
    }
    if (path_known) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_METHOD_NOT_ALLOWED,
                             "method_not_allowed",
                             "method %s is not allowed here (allowed: %s)",
                             req->method, ofp_ds_cstr(allow));
    } else {
        ofc_rest_reply_error(resp, req, MHD_HTTP_NOT_FOUND, "not_found",
                             "no such route");
    }
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
    enum MHD_Result ret = MHD_queue_response(connection, resp->status, r);
    MHD_destroy_response(r);
    return ret;
}

/* Sends a JSON error straight from the MHD callback. */
static enum MHD_Result
send_error(struct MHD_Connection *connection, const char *path,
           unsigned int status, const char *code, const char *message)
{
    struct ofc_rest_request req = { .path = path };
    struct ofc_rest_response resp = { 0 };
    ofc_rest_reply_error(&resp, &req, status, code, "%s", message);
    return send_response(connection, &resp, NULL);
}

/* MHD's access handler: collects the body, then dispatches. */
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
                return send_error(connection, url,
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
        return MHD_YES;
    }

    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (st->len + n > MAX_DRAIN_BYTES) {
            return MHD_NO;      /* Endless chunked body: drop it. */
        }
        if (!st->too_big && st->len + n > OFC_REST_MAX_BODY) {
            st->too_big = true;
            free(st->body);
            st->body = NULL;
        }
        if (!st->too_big) {
            char *b = realloc(st->body, st->len + n + 1);
            if (!b) {
                return MHD_NO;
            }
            memcpy(b + st->len, upload_data, n);
            b[st->len + n] = '\0';
            st->body = b;
        }
        st->len += n;
        return MHD_YES;
    }

    if (st->too_big) {
        return send_error(connection, url, MHD_HTTP_CONTENT_TOO_LARGE,
                          "payload_too_large", "request body is over 1 MiB");
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
    dispatch(s, &req, &resp, &allow);
    if (!resp.json && !resp.text) {
        ofc_rest_reply_error(&resp, &req, MHD_HTTP_INTERNAL_SERVER_ERROR,
                             "internal", "the handler gave no reply");
    }
    enum MHD_Result ret = send_response(
        connection, &resp,
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
    OFC_WARN(log_module(), OFC_NO_DPID, "libmicrohttpd: %s", buf);
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

/* libevent callback: lets MHD do its work, then re-arms the timer. */
static void
run_cb(evutil_socket_t fd, short what, void *s_)
{
    struct ofc_rest_server *s = s_;
    MHD_run(s->daemon);
    rearm(s);
}

/* ---- Built-in routes. ------------------------------------------------ */

/* GET /healthz. */
static void
healthz(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
        void *aux)
{
    ofc_rest_reply_json(resp, MHD_HTTP_OK, json_pack("{s:s}", "status",
                                                     "ok"));
}

/* GET /metrics: the Prometheus text exposition. */
static void
metrics(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
        void *aux)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    ofc_metrics_render(&ds);
    resp->status = MHD_HTTP_OK;
    resp->text = ofc_xstrdup(ofp_ds_cstr(&ds));
    resp->content_type = "text/plain; version=0.0.4";
    ofp_ds_destroy(&ds);
}

/* Returns 'dpid' as 16 hex digits (a new JSON string). */
static json_t *
dpid_json(uint64_t dpid)
{
    char buf[17];
    snprintf(buf, sizeof buf, "%016" PRIx64, dpid);
    return json_string(buf);
}

/* The summary of one switch, as listed by GET /v1/switches. */
static json_t *
switch_summary(const struct ofc_switch *sw)
{
    size_t n_ports;
    json_t *o = json_object();

    ofc_switch_ports(sw, &n_ports);
    json_object_set_new(o, "dpid", dpid_json(sw->dpid));
    if (sw->conn) {
        json_object_set_new(o, "address",
                            json_string(ofc_conn_peer(sw->conn)));
    }
    json_object_set_new(o, "state",
                        json_string(ofc_switch_is_dead(sw) ? "disconnected"
                                    : sw->up ? "ready" : "handshake"));
    json_object_set_new(o, "n_ports", json_integer(n_ports));
    return o;
}

/* Appends one switch to the JSON array 'aux'. */
static void
list_one(struct ofc_switch *sw, void *array)
{
    json_array_append_new(array, switch_summary(sw));
}

/* Orders switch summaries by dpid (hex strings of equal length). */
static int
cmp_by_dpid(const void *a_, const void *b_)
{
    json_t *const *a = a_;
    json_t *const *b = b_;
    return strcmp(json_string_value(json_object_get(*a, "dpid")),
                  json_string_value(json_object_get(*b, "dpid")));
}

/* GET /v1/switches: every registered switch, ordered by dpid. */
static void
list_switches(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, void *aux)
{
    json_t *array = json_array();
    ofc_switch_for_each(list_one, array);

    size_t n = json_array_size(array);
    if (n > 1) {
        json_t **items = ofc_xmalloc(n * sizeof *items);
        for (size_t i = 0; i < n; i++) {
            items[i] = json_incref(json_array_get(array, i));
        }
        qsort(items, n, sizeof *items, cmp_by_dpid);
        json_array_clear(array);
        for (size_t i = 0; i < n; i++) {
            json_array_append_new(array, items[i]);
        }
        free(items);
    }
    ofc_rest_reply_json(resp, MHD_HTTP_OK, array);
}

/* Returns 'mac' as xx:xx:xx:xx:xx:xx (a new JSON string). */
static json_t *
mac_json(const uint8_t mac[6])
{
    char buf[18];
    snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x",
             mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    return json_string(buf);
}

/* One port as JSON. */
static json_t *
port_json(const struct ofp_port *p)
{
    return json_pack("{s:I, s:s, s:o, s:I, s:I, s:I, s:I, s:I, s:I, "
                     "s:I, s:I}",
                     "port_no", (json_int_t) p->port_no,
                     "name", p->name,
                     "hw_addr", mac_json(p->hw_addr),
                     "config", (json_int_t) p->config,
                     "state", (json_int_t) p->state,
                     "curr", (json_int_t) p->curr,
                     "advertised", (json_int_t) p->advertised,
                     "supported", (json_int_t) p->supported,
                     "peer", (json_int_t) p->peer,
                     "curr_speed", (json_int_t) p->curr_speed,
                     "max_speed", (json_int_t) p->max_speed);
}

/* GET /v1/switches/{dpid}: the summary plus features and ports. */
static void
show_switch(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    uint64_t dpid;
    if (!ofc_rest_parse_dpid(req->params[0], &dpid)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_dpid",
                             "'%s' is not a datapath id (up to 16 hex "
                             "digits)", req->params[0]);
        return;
    }
    struct ofc_switch *sw = ofc_switch_lookup(dpid);
    if (!sw) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_NOT_FOUND, "unknown_dpid",
                             "no switch with datapath id %016" PRIx64,
                             dpid);
        return;
    }

    json_t *o = switch_summary(sw);
    const struct ofp_features_reply *f = ofc_switch_features(sw);
    json_object_set_new(o, "features",
                        json_pack("{s:I, s:i, s:i, s:I}",
                                  "n_buffers", (json_int_t) f->n_buffers,
                                  "n_tables", (int) f->n_tables,
                                  "auxiliary_id", (int) f->auxiliary_id,
                                  "capabilities",
                                  (json_int_t) f->capabilities));
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    json_t *array = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(array, port_json(&ports[i]));
    }
    json_object_set_new(o, "ports", array);
    ofc_rest_reply_json(resp, MHD_HTTP_OK, o);
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

    struct ofc_rest_server *s = calloc(1, sizeof *s);
    if (!s) {
        *error = ofc_xasprintf("rest: out of memory");
        return NULL;
    }
    unsigned int flags = MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
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
    event_add(s->io_ev, NULL);
    rearm(s);

    ofc_rest_add_route(s, "GET", "/healthz", healthz, NULL);
    ofc_rest_add_route(s, "GET", "/metrics", metrics, NULL);
    ofc_rest_add_route(s, "GET", "/v1/switches", list_switches, NULL);
    ofc_rest_add_route(s, "GET", "/v1/switches/{dpid}", show_switch, NULL);

    char host[INET6_ADDRSTRLEN];
    const void *addr = ss.ss_family == AF_INET6
        ? (const void *) &((struct sockaddr_in6 *) &ss)->sin6_addr
        : (const void *) &((struct sockaddr_in *) &ss)->sin_addr;
    inet_ntop(ss.ss_family, addr, host, sizeof host);
    OFC_INFO(log_module(), OFC_NO_DPID, "rest: listening on %s%s%s:%u",
             ss.ss_family == AF_INET6 ? "[" : "", host,
             ss.ss_family == AF_INET6 ? "]" : "", (unsigned int) s->port);
    return s;
}

void
ofc_rest_server_destroy(struct ofc_rest_server *s)
{
    if (!s) {
        return;
    }
    event_free(s->io_ev);
    event_free(s->timer_ev);
    MHD_stop_daemon(s->daemon);
    free(s);
}

uint16_t
ofc_rest_server_port(const struct ofc_rest_server *s)
{
    return s->port;
}
