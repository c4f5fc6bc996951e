/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_ROUTE_H
#define OFC_ROUTE_H 1

/* REST routes as apps declare them (struct ofc_app's 'routes'), and the
 * helpers their handlers use.  The types live with the app interface so
 * that apps never include rest/; rest/ implements the helpers and serves
 * the routes (see rest/server.h).
 *
 * A handler runs on the controller thread, reads controller state
 * directly and fills in a response: JSON with a status, or an error
 * {"error": CODE, "message": ..., "path": ...} (the codes are listed in
 * docs/rest.md).  A handler that must ask a switch defers its answer. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ofc_switch;

#define OFC_REST_MAX_PARAMS 4           /* "{name}" segments per pattern. */

/* One request, as a handler sees it.  Everything lives until the handler
 * returns. */
struct ofc_rest_request {
    const char *method;                 /* "GET", "POST", ... */
    const char *path;                   /* Without the query string. */
    const char *params[OFC_REST_MAX_PARAMS];    /* "{name}" values, in
                                                 * pattern order. */
    size_t n_params;
    const char *body;                   /* NUL-terminated; "" if none. */
    size_t body_len;
    void *connection;                   /* The MHD connection (opaque). */
};

/* What a handler answers.  Set exactly one of 'json' (owned: freed by the
 * server) or 'text' (malloc'ed, owned: freed by the server). */
struct ofc_rest_response {
    unsigned int status;
    json_t *json;
    char *text;
    const char *content_type;           /* For 'text'; static string. */
};

/* Handles one request: fills in '*resp'. */
typedef void ofc_rest_handler(const struct ofc_rest_request *,
                              struct ofc_rest_response *resp, void *aux);

/* One route of an app's NULL-terminated (method == NULL) static table.
 * ofcd mounts the routes of every enabled app at startup.  'pattern' has
 * literal and "{name}" segments: "/v1/switches/{dpid}/flows/{id}". */
struct ofc_route {
    const char *method;                 /* "GET", "POST", ... */
    const char *pattern;                /* "/v1/hosts" */
    ofc_rest_handler *handler;
    void *aux;
};

/* ---- Replies. -------------------------------------------------------- */

/* Sets '*resp' to 'status' with JSON 'json' (ownership passes). */
void ofc_rest_reply_json(struct ofc_rest_response *, unsigned int status,
                         json_t *json);
/* Sets '*resp' to a JSON error {"error": code, "message": ..., "path":
 * req->path}. */
void ofc_rest_reply_error(struct ofc_rest_response *,
                          const struct ofc_rest_request *,
                          unsigned int status, const char *code,
                          const char *format, ...)
    __attribute__((format(printf, 5, 6)));
/* Parses a datapath id given as 1 to 16 hex digits (optionally "0x"
 * first) or as 8 colon-separated hex bytes.  Returns true on success. */
bool ofc_rest_parse_dpid(const char *s, uint64_t *dpid);

/* ---- Request helpers. ------------------------------------------------ */

/* Returns the value of query parameter 'name' ("?table=3"), or NULL. */
const char *ofc_rest_query(const struct ofc_rest_request *,
                           const char *name);

/* Checks that every query parameter is in the NULL-terminated 'allowed'
 * list (else 400 "unknown_field"), has a value and is given once (else
 * 400 "bad_value").  Returns false after replying. */
bool ofc_rest_check_query(const struct ofc_rest_request *,
                          struct ofc_rest_response *,
                          const char *const allowed[]);

/* Reads the optional unsigned query parameter 'name' in [min, max]
 * (decimal, or hex with "0x"; a leading 0 is not octal).  Returns true with '*present' telling
 * whether it was given; on a bad value replies 400 "bad_value" naming the
 * parameter and returns false. */
bool ofc_rest_query_uint(const struct ofc_rest_request *,
                         struct ofc_rest_response *, const char *name,
                         uint64_t min, uint64_t max, bool *present,
                         uint64_t *value);

/* Reads the optional query parameter "dpid" (a filter of list routes).
 * Returns true with '*present' telling whether it was given; on a bad
 * value replies 400 "bad_dpid" and returns false. */
bool ofc_rest_query_dpid(const struct ofc_rest_request *,
                         struct ofc_rest_response *, bool *present,
                         uint64_t *dpid);

/* Parses the request body as one JSON object (duplicate keys rejected).
 * Returns it (caller owns), or NULL after replying 400 "bad_json" (with
 * line and column) or "bad_type" (not an object). */
json_t *ofc_rest_body_object(const struct ofc_rest_request *,
                             struct ofc_rest_response *);

/* Looks up the switch named by the request's first "{dpid}" parameter.
 * Returns it, or NULL after replying 400 "bad_dpid" (unparsable) or 404
 * "unknown_dpid" (not connected). */
struct ofc_switch *ofc_rest_switch_param(const struct ofc_rest_request *,
                                         struct ofc_rest_response *);

/* Returns 'dpid' as 16 lowercase hex digits (a new JSON string). */
json_t *ofc_rest_dpid_json(uint64_t dpid);

/* Returns a new JSON string of 's' in which every byte that is not valid
 * UTF-8 is replaced by U+FFFD (jansson refuses invalid UTF-8, and port
 * names and request paths are bytes from outside). */
json_t *ofc_rest_string(const char *s);

/* ---- Deferred replies (answers that wait for a switch). -------------- */

/* A request whose answer comes later, from an event-loop callback. */
struct ofc_rest_pending;

/* Called by a handler that cannot answer at once (it asked a switch):
 * suspends the HTTP connection and returns a handle.  The handler must
 * leave '*resp' empty and return; the reply is given later, exactly once,
 * with ofc_rest_pending_reply().  Returns NULL after replying 503 "busy"
 * when too many requests wait already (then do not ask the switch).  The
 * request's strings do not survive
 * the handler: copy what the callback needs.  A request still pending
 * after 10 seconds gets 504 "timeout"; a later ofc_rest_pending_reply()
 * on it then only frees its response (the handle stays valid until it is
 * replied to). */
struct ofc_rest_pending *ofc_rest_defer(const struct ofc_rest_request *,
                                        struct ofc_rest_response *);

/* Sends 'resp' (ownership of its json/text passes) as the answer of
 * 'pending' and frees the handle. */
void ofc_rest_pending_reply(struct ofc_rest_pending *,
                            struct ofc_rest_response *resp);

/* The request path of 'pending', for error replies. */
const char *ofc_rest_pending_path(const struct ofc_rest_pending *);

/* Sets '*resp' to a JSON error for 'path' (as ofc_rest_reply_error(),
 * usable from a callback that has no request). */
void ofc_rest_reply_error_path(struct ofc_rest_response *, const char *path,
                               unsigned int status, const char *code,
                               const char *format, ...)
    __attribute__((format(printf, 5, 6)));

#endif /* controller/route.h */
