/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_SERVER_H
#define OFC_REST_SERVER_H 1

/* The operator REST API: libmicrohttpd in external-event-loop mode, driven
 * by ofcd's libevent loop, so every handler runs on the controller thread
 * and reads controller state directly, without locks or copies.
 *
 * MHD runs with its epoll backend: its one epoll descriptor (listener and
 * every HTTP connection) is watched by a persistent libevent read event,
 * and a libevent timer follows MHD_get_timeout().  After every MHD_run()
 * the timer is re-armed.
 *
 * Routes are a method plus a path pattern whose segments are literals or
 * "{name}" placeholders (e.g. "/v1/switches/{dpid}").  A path that matches
 * no pattern gets 404; one that matches only with another method gets 405
 * with an Allow header.  Request bodies over OFC_REST_MAX_BODY bytes get
 * 413.  Every error is JSON: {"error": CODE, "message": ..., "path": ...}
 * where CODE is a short string such as "not_found". */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "controller/route.h"

struct event_base;
struct ofc_rest_server;

#define OFC_REST_MAX_BODY (1u << 20)    /* Larger request bodies: 413. */
#define OFC_REST_MAX_CONNECTIONS 512    /* Concurrent HTTP connections. */
#define OFC_REST_DEFAULT_ADDR "127.0.0.1:8080"

/* Parses 'spec' ("IP:PORT", "[IPv6]:PORT") for --rest.  Returns 0, or -1
 * with a malloc'ed message in '*error'. */
int ofc_rest_parse_addr(const char *spec, char **error);

/* Creates the server listening on 'spec' (port 0 picks a free one), with
 * no routes yet.  Logs "rest: listening on IP:PORT".
 * Returns the server, or NULL with a malloc'ed message in '*error'. */
struct ofc_rest_server *ofc_rest_server_create(struct event_base *,
                                               const char *spec,
                                               char **error);
/* Stops the server, closes every connection and frees it.  NULL is
 * allowed. */
void ofc_rest_server_destroy(struct ofc_rest_server *);
/* The port actually listened on. */
uint16_t ofc_rest_server_port(const struct ofc_rest_server *);

/* Adds a route ('method' and 'pattern' must outlive the server).  Returns
 * 0, or -1 if the pattern is malformed. */
int ofc_rest_add_route(struct ofc_rest_server *, const char *method,
                       const char *pattern, ofc_rest_handler *, void *aux);
/* Adds every route of the table 'routes' (see controller/route.h).
 * Returns 0 or -1. */
int ofc_rest_add_routes(struct ofc_rest_server *,
                        const struct ofc_route *routes);

/* ---- Security. ------------------------------------------------------- */

/* Sets the bearer token ("Authorization: Bearer TOKEN").  Mutating
 * requests (any method but GET and HEAD) always need it; when the server
 * listens on a non-loopback address, every request does.  A missing or
 * wrong token gets 401 "unauthorized" and the handler does not run. */
void ofc_rest_server_set_token(struct ofc_rest_server *, const char *token);

#endif /* rest/server.h */
