/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Helpers for REST handlers: replies, JSON errors, query parameters, the
 * request body, and the "{dpid}" parameter (see rest/server.h). */

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/switch.h"
#include "rest/server.h"

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

/* Sets '*resp' to the JSON error (code, message, path). */
static void
reply_error_va(struct ofc_rest_response *resp, const char *path,
               unsigned int status, const char *code, const char *format,
               va_list args)
{
    char message[512];
    vsnprintf(message, sizeof message, format, args);
    ofc_rest_reply_json(resp, status,
                        json_pack("{s:s, s:s, s:s}", "error", code,
                                  "message", message, "path",
                                  path ? path : ""));
}

void
ofc_rest_reply_error(struct ofc_rest_response *resp,
                     const struct ofc_rest_request *req,
                     unsigned int status, const char *code,
                     const char *format, ...)
{
    va_list args;
    va_start(args, format);
    reply_error_va(resp, req->path, status, code, format, args);
    va_end(args);
}

void
ofc_rest_reply_error_path(struct ofc_rest_response *resp, const char *path,
                          unsigned int status, const char *code,
                          const char *format, ...)
{
    va_list args;
    va_start(args, format);
    reply_error_va(resp, path, status, code, format, args);
    va_end(args);
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

json_t *
ofc_rest_dpid_json(uint64_t dpid)
{
    char buf[17];
    snprintf(buf, sizeof buf, "%016" PRIx64, dpid);
    return json_string(buf);
}

struct ofc_switch *
ofc_rest_switch_param(const struct ofc_rest_request *req,
                      struct ofc_rest_response *resp)
{
    uint64_t dpid;
    if (!req->n_params || !ofc_rest_parse_dpid(req->params[0], &dpid)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_dpid",
                             "'%s' is not a datapath id (up to 16 hex "
                             "digits, or 8 colon-separated bytes)",
                             req->n_params ? req->params[0] : "");
        return NULL;
    }
    struct ofc_switch *sw = ofc_switch_lookup(dpid);
    if (!sw || ofc_switch_is_dead(sw)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_NOT_FOUND, "unknown_dpid",
                             "no switch with datapath id %016" PRIx64
                             " is connected", dpid);
        return NULL;
    }
    return sw;
}

/* ---- Query parameters. ----------------------------------------------- */

const char *
ofc_rest_query(const struct ofc_rest_request *req, const char *name)
{
    if (!req->connection) {
        return NULL;
    }
    return MHD_lookup_connection_value(req->connection,
                                       MHD_GET_ARGUMENT_KIND, name);
}

/* What check_query_cb() looks for: the first unknown parameter. */
struct query_check {
    const char *const *allowed;
    const char *unknown;        /* First parameter not in 'allowed'. */
};

/* MHD iterator: records the first parameter not in the allowed list. */
static enum MHD_Result
check_query_cb(void *qc_, enum MHD_ValueKind kind, const char *key,
               const char *value)
{
    struct query_check *qc = qc_;
    for (const char *const *a = qc->allowed; *a; a++) {
        if (!strcmp(*a, key)) {
            return MHD_YES;
        }
    }
    qc->unknown = key;
    return MHD_NO;
}

bool
ofc_rest_check_query(const struct ofc_rest_request *req,
                     struct ofc_rest_response *resp,
                     const char *const allowed[])
{
    struct query_check qc = { .allowed = allowed };
    if (req->connection) {
        MHD_get_connection_values(req->connection, MHD_GET_ARGUMENT_KIND,
                                  check_query_cb, &qc);
    }
    if (qc.unknown) {
        char list[256] = "";
        for (const char *const *a = allowed; *a; a++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *a);
        }
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST,
                             "unknown_field",
                             "unknown query parameter '%s' (known: %s)",
                             qc.unknown, list[0] ? list : "none");
        return false;
    }
    return true;
}

bool
ofc_rest_query_uint(const struct ofc_rest_request *req,
                    struct ofc_rest_response *resp, const char *name,
                    uint64_t min, uint64_t max, bool *present,
                    uint64_t *value)
{
    const char *s = ofc_rest_query(req, name);
    *present = s != NULL;
    if (!s) {
        return true;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (!*s || *end || errno || s[0] == '-' || v < min || v > max) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_value",
                             "query parameter '%s': '%s' is not an integer "
                             "from %" PRIu64 " to %" PRIu64, name, s, min,
                             max);
        return false;
    }
    *value = v;
    return true;
}

/* ---- Body. ----------------------------------------------------------- */

json_t *
ofc_rest_body_object(const struct ofc_rest_request *req,
                     struct ofc_rest_response *resp)
{
    json_error_t jerr;
    json_t *doc = json_loadb(req->body, req->body_len,
                             JSON_REJECT_DUPLICATES, &jerr);
    if (!doc) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_json",
                             "the body is not valid JSON: line %d, column "
                             "%d: %s", jerr.line, jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(doc)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_type",
                             "$: the body must be a JSON object");
        json_decref(doc);
        return NULL;
    }
    return doc;
}
