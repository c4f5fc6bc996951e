/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* JSON validation with JSON-path messages (see json-check.h). */

#include "controller/json-check.h"
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/util.h"

void
ofc_jc_init(struct ofc_jc *jc)
{
    jc->kind = OFC_JC_OK;
    jc->message = NULL;
}

void
ofc_jc_destroy(struct ofc_jc *jc)
{
    free(jc->message);
    ofc_jc_init(jc);
}

bool
ofc_jc_ok(const struct ofc_jc *jc)
{
    return jc->kind == OFC_JC_OK;
}

const char *
ofc_jc_code(const struct ofc_jc *jc)
{
    switch (jc->kind) {
    case OFC_JC_BAD_TYPE: return "bad_type";
    case OFC_JC_BAD_VALUE: return "bad_value";
    case OFC_JC_UNKNOWN_FIELD: return "unknown_field";
    case OFC_JC_MISSING_FIELD: return "missing_field";
    case OFC_JC_OK:
    default:
        return NULL;
    }
}

const char *
ofc_jc_message(const struct ofc_jc *jc)
{
    return jc->message;
}

char *
ofc_jc_steal_message(struct ofc_jc *jc)
{
    char *message = jc->message;
    jc->message = NULL;
    return message;
}

bool
ofc_jc_fail(struct ofc_jc *jc, enum ofc_jc_kind kind, const char *path,
            const char *format, ...)
{
    if (jc->kind != OFC_JC_OK) {
        return false;
    }
    va_list args;
    char *text;
    va_start(args, format);
    if (vasprintf(&text, format, args) < 0) {
        text = NULL;
    }
    va_end(args);
    jc->kind = kind == OFC_JC_OK ? OFC_JC_BAD_VALUE : kind;
    jc->message = ofc_xasprintf("%s: %s", path, text ? text : "invalid");
    free(text);
    return false;
}

/* True if 'key' can follow a '.' in a path: a nonempty run of letters,
 * digits, '_' and '-' (so dpids, port numbers and names such as
 * "tap100i0" or "eth-1" read naturally: "$.switches.1.ports.eth-1"). */
static bool
is_identifier(const char *key)
{
    if (!*key) {
        return false;
    }
    for (const char *p = key; *p; p++) {
        if (!isalnum((unsigned char) *p) && *p != '_' && *p != '-') {
            return false;
        }
    }
    return true;
}

char *
ofc_jc_path_key(const char *path, const char *key)
{
    if (is_identifier(key)) {
        return ofc_xasprintf("%s.%s", path, key);
    }

    /* Worst case: every byte becomes "\u00XX" (6 bytes). */
    size_t len = strlen(path), klen = strlen(key);
    char *s = ofc_xmalloc(len + klen * 6 + 5);
    char *p = s + len;
    memcpy(s, path, len);
    *p++ = '[';
    *p++ = '"';
    for (const char *k = key; *k; k++) {
        unsigned char c = *k;
        if (c == '"' || c == '\\') {
            *p++ = '\\';
            *p++ = c;
        } else if (c < 0x20 || c == 0x7f) {
            p += sprintf(p, "\\u%04x", c);
        } else {
            *p++ = c;
        }
    }
    *p++ = '"';
    *p++ = ']';
    *p = '\0';
    return s;
}

char *
ofc_jc_path_index(const char *path, size_t index)
{
    return ofc_xasprintf("%s[%zu]", path, index);
}

const char *
ofc_jc_type_name(const json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL:
    default:
        return "null";
    }
}

bool
ofc_jc_object(struct ofc_jc *jc, const json_t *v, const char *path,
              const char *const allowed[])
{
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (!json_is_object(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be an object, not %s",
                           ofc_jc_type_name(v));
    }
    if (allowed) {
        const char *key;
        json_t *value;
        json_object_foreach ((json_t *) v, key, value) {
            size_t i;
            for (i = 0; allowed[i]; i++) {
                if (!strcmp(key, allowed[i])) {
                    break;
                }
            }
            if (!allowed[i]) {
                char *p = ofc_jc_path_key(path, key);
                ofc_jc_fail(jc, OFC_JC_UNKNOWN_FIELD, p, "unknown field");
                free(p);
                return false;
            }
        }
    }
    return true;
}

bool
ofc_jc_array(struct ofc_jc *jc, const json_t *v, const char *path,
             size_t min_n, size_t max_n)
{
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (!json_is_array(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be an array, not %s", ofc_jc_type_name(v));
    }
    size_t n = json_array_size(v);
    if (n < min_n || n > max_n) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must have %zu to %zu elements, has %zu",
                           min_n, max_n, n);
    }
    return true;
}

bool
ofc_jc_uint(struct ofc_jc *jc, const json_t *v, const char *path,
            uint64_t min, uint64_t max, uint64_t *out)
{
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (!json_is_integer(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be an integer %"PRIu64"-%"PRIu64", not %s",
                           min, max, ofc_jc_type_name(v));
    }
    json_int_t x = json_integer_value(v);
    if (x < 0 || (uint64_t) x < min || (uint64_t) x > max) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be an integer %"PRIu64"-%"PRIu64", got %"
                           JSON_INTEGER_FORMAT, min, max, x);
    }
    *out = x;
    return true;
}

bool
ofc_jc_string(struct ofc_jc *jc, const json_t *v, const char *path,
              bool nonempty, size_t max_len, const char **out)
{
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (!json_is_string(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be a string, not %s", ofc_jc_type_name(v));
    }
    size_t len = json_string_length(v);
    if (nonempty && !len) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must not be empty");
    }
    if (len > max_len) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be at most %zu bytes long, is %zu",
                           max_len, len);
    }
    if (strlen(json_string_value(v)) != len) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must not contain NUL characters");
    }
    *out = json_string_value(v);
    return true;
}

bool
ofc_jc_bool(struct ofc_jc *jc, const json_t *v, const char *path,
            bool *out)
{
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (!json_is_boolean(v)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path,
                           "must be true or false, not %s",
                           ofc_jc_type_name(v));
    }
    *out = json_is_true(v);
    return true;
}

const json_t *
ofc_jc_member(struct ofc_jc *jc, const json_t *obj, const char *path,
              const char *key, bool required)
{
    if (!ofc_jc_ok(jc) || !ofc_jc_object(jc, obj, path, NULL)) {
        return NULL;
    }
    const json_t *v = json_object_get(obj, key);
    if (!v && required) {
        char *p = ofc_jc_path_key(path, key);
        ofc_jc_fail(jc, OFC_JC_MISSING_FIELD, p, "required field is missing");
        free(p);
    }
    return v;
}

bool
ofc_jc_get_uint(struct ofc_jc *jc, const json_t *obj, const char *path,
                const char *key, bool required, uint64_t min, uint64_t max,
                uint64_t *out)
{
    const json_t *v = ofc_jc_member(jc, obj, path, key, required);
    if (!v) {
        return false;
    }
    char *p = ofc_jc_path_key(path, key);
    bool ok = ofc_jc_uint(jc, v, p, min, max, out);
    free(p);
    return ok;
}

bool
ofc_jc_get_string(struct ofc_jc *jc, const json_t *obj, const char *path,
                  const char *key, bool required, bool nonempty,
                  size_t max_len, const char **out)
{
    const json_t *v = ofc_jc_member(jc, obj, path, key, required);
    if (!v) {
        return false;
    }
    char *p = ofc_jc_path_key(path, key);
    bool ok = ofc_jc_string(jc, v, p, nonempty, max_len, out);
    free(p);
    return ok;
}

bool
ofc_jc_get_bool(struct ofc_jc *jc, const json_t *obj, const char *path,
                const char *key, bool required, bool *out)
{
    const json_t *v = ofc_jc_member(jc, obj, path, key, required);
    if (!v) {
        return false;
    }
    char *p = ofc_jc_path_key(path, key);
    bool ok = ofc_jc_bool(jc, v, p, out);
    free(p);
    return ok;
}
