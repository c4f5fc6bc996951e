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
#include "ofp/ofp-buf.h"
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

/* Returns the length of the valid UTF-8 sequence at 's' (1 to 4), or 0 if
 * the bytes there are not one. */
static size_t
utf8_sequence(const unsigned char *s)
{
    size_t n = (s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
                : (s[0] & 0xf0) == 0xe0 ? 3
                : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : 0);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            return 0;
        }
    }
    /* Overlong 3-byte forms, surrogates, overlong or too large 4-byte. */
    if ((n == 3 && ((s[0] == 0xe0 && s[1] < 0xa0)
                    || (s[0] == 0xed && s[1] >= 0xa0)))
        || (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90)
                       || (s[0] == 0xf4 && s[1] >= 0x90)))) {
        return 0;
    }
    return n;
}

json_t *
ofc_rest_string(const char *s)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    const unsigned char *p = (const unsigned char *) s;
    while (*p) {
        size_t n = utf8_sequence(p);
        if (n) {
            for (size_t i = 0; i < n; i++) {
                ofp_ds_put_char(&ds, (char) *p++);
            }
        } else {
            ofp_ds_put_cstr(&ds, "\xef\xbf\xbd");       /* U+FFFD */
            p++;
        }
    }
    json_t *j = json_stringn(ofp_ds_cstr(&ds), ds.length);
    ofp_ds_destroy(&ds);
    return j ? j : json_string("");
}

/* Sets '*resp' to the JSON error (code, message, path).  Both strings may
 * carry bytes from the request, so they are made valid UTF-8 first. */
static void
reply_error_va(struct ofc_rest_response *resp, const char *path,
               unsigned int status, const char *code, const char *format,
               va_list args)
{
    char message[512];
    vsnprintf(message, sizeof message, format, args);
    json_t *j = json_object();
    json_object_set_new(j, "error", json_string(code));
    json_object_set_new(j, "message", ofc_rest_string(message));
    json_object_set_new(j, "path", ofc_rest_string(path ? path : ""));
    ofc_rest_reply_json(resp, status, j);
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

/* What check_query_cb() looks for: the first unknown parameter, or one
 * without a value, or one given twice. */
struct query_check {
    const char *const *allowed;
    const char *unknown;        /* First parameter not in 'allowed'. */
    const char *bad;            /* First parameter without value or twice. */
    const char *why;            /* Why 'bad' is bad. */
    unsigned long seen;         /* Bit i: allowed[i] seen. */
};

/* MHD iterator: records the first parameter that is unknown, has no
 * value ("?mac" would otherwise look like no filter at all) or repeats
 * ("?vlan=1&vlan=2" would use one of them silently). */
static enum MHD_Result
check_query_cb(void *qc_, enum MHD_ValueKind kind, const char *key,
               const char *value)
{
    struct query_check *qc = qc_;
    size_t i = 0;
    for (const char *const *a = qc->allowed; *a; a++, i++) {
        if (!strcmp(*a, key)) {
            if (!value || !*value) {
                qc->bad = key;
                qc->why = "needs a value";
                return MHD_NO;
            }
            if (i < 64 && qc->seen & (1ul << i)) {
                qc->bad = key;
                qc->why = "is given more than once";
                return MHD_NO;
            }
            qc->seen |= i < 64 ? 1ul << i : 0;
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
    if (qc.bad) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_value",
                             "query parameter '%s' %s", qc.bad, qc.why);
        return false;
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
    /* Decimal, or hex after "0x": a leading zero is not octal. */
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const char *digits = hex ? s + 2 : s;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(digits, &end, hex ? 16 : 10);
    if (!isxdigit((unsigned char) digits[0]) || *end || errno || v < min
        || v > max) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_value",
                             "query parameter '%s': '%s' is not an integer "
                             "from %" PRIu64 " to %" PRIu64, name, s, min,
                             max);
        return false;
    }
    *value = v;
    return true;
}

bool
ofc_rest_query_dpid(const struct ofc_rest_request *req,
                    struct ofc_rest_response *resp, bool *present,
                    uint64_t *dpid)
{
    const char *s = ofc_rest_query(req, "dpid");
    *present = s != NULL;
    if (s && !ofc_rest_parse_dpid(s, dpid)) {
        ofc_rest_reply_error(resp, req, MHD_HTTP_BAD_REQUEST, "bad_dpid",
                             "\"%s\" is not a datapath id", s);
        return false;
    }
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
