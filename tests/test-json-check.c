/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for controller/json-check: type and range checks, unknown and
 * missing fields, the exact messages with their JSON paths, path escaping
 * and the stickiness of the first failure. */

#include <stdlib.h>
#include <string.h>
#include "controller/json-check.h"
#include "tests/tap.h"

/* Parses 'text' (which must be valid JSON). */
static json_t *
parse(const char *text)
{
    json_error_t error;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &error);
    if (!v) {
        fprintf(stderr, "bad test JSON %s: %s\n", text, error.text);
        exit(2);
    }
    return v;
}

/* Checks that 'jc' failed with 'code' and 'message', then resets it. */
static void
expect(struct ofc_jc *jc, const char *code, const char *message,
       const char *what)
{
    const char *c = ofc_jc_code(jc), *m = ofc_jc_message(jc);
    tap_ok(c && !strcmp(c, code), "%s: code %s (got %s)", what, code,
           c ? c : "none");
    tap_ok(m && !strcmp(m, message), "%s: message \"%s\" (got \"%s\")",
           what, message, m ? m : "none");
    ofc_jc_destroy(jc);
}

int
main(void)
{
    struct ofc_jc jc = OFC_JC_INITIALIZER;
    static const char *const keys[] = { "table", "match", "name", NULL };
    uint64_t x = 0;
    const char *s = NULL;
    bool b = false;
    char *p;

    /* A valid document. */
    json_t *doc = parse("{\"table\": 3, \"match\": {\"in_port\": 1}, "
                        "\"name\": \"x\"}");
    tap_ok(ofc_jc_object(&jc, doc, "$", keys), "valid object accepted");
    tap_ok(ofc_jc_get_uint(&jc, doc, "$", "table", true, 0, 254, &x)
           && x == 3, "present integer read");
    tap_ok(!ofc_jc_get_uint(&jc, doc, "$", "priority", false, 0, 9, &x)
           && ofc_jc_ok(&jc), "absent optional member is no failure");
    tap_ok(ofc_jc_get_string(&jc, doc, "$", "name", true, true, 8, &s)
           && !strcmp(s, "x"), "string read");
    tap_ok(ofc_jc_ok(&jc) && !ofc_jc_code(&jc) && !ofc_jc_message(&jc),
           "no failure recorded");

    /* Unknown key. */
    json_t *bad = parse("{\"table\": 3, \"bogus\": 1}");
    ofc_jc_object(&jc, bad, "$", keys);
    expect(&jc, "unknown_field", "$.bogus: unknown field", "unknown key");
    json_decref(bad);

    /* Nested path, range and type. */
    const json_t *match = json_object_get(doc, "match");
    ofc_jc_get_uint(&jc, match, "$.match", "in_port", true, 2, 4294967295u,
                    &x);
    expect(&jc, "bad_value", "$.match.in_port: must be an integer "
           "2-4294967295, got 1", "out of range");
    ofc_jc_get_string(&jc, match, "$.match", "in_port", true, true, 8, &s);
    expect(&jc, "bad_type", "$.match.in_port: must be a string, not an "
           "integer", "wrong type");
    ofc_jc_get_uint(&jc, doc, "$", "name", true, 0, 9, &x);
    expect(&jc, "bad_type", "$.name: must be an integer 0-9, not a string",
           "string for integer");
    ofc_jc_get_bool(&jc, doc, "$", "table", true, &b);
    expect(&jc, "bad_type", "$.table: must be true or false, not an "
           "integer", "integer for boolean");
    ofc_jc_get_uint(&jc, doc, "$", "priority", true, 0, 9, &x);
    expect(&jc, "missing_field", "$.priority: required field is missing",
           "missing required");
    ofc_jc_get_string(&jc, doc, "$", "name", true, true, 0, &s);
    expect(&jc, "bad_value", "$.name: must be at most 0 bytes long, is 1",
           "too long");

    /* Reals, negatives and null are not unsigned integers. */
    json_t *real = parse("1.0"), *neg = parse("-1"), *null = parse("null");
    ofc_jc_uint(&jc, real, "$", 0, 9, &x);
    expect(&jc, "bad_type", "$: must be an integer 0-9, not a number",
           "real");
    ofc_jc_uint(&jc, neg, "$", 0, 9, &x);
    expect(&jc, "bad_value", "$: must be an integer 0-9, got -1",
           "negative");
    ofc_jc_object(&jc, null, "$.match", NULL);
    expect(&jc, "bad_type", "$.match: must be an object, not null", "null");

    /* Arrays and element paths. */
    json_t *arr = parse("[1, 2, 3]");
    tap_ok(ofc_jc_array(&jc, arr, "$.a", 0, 3), "array within bounds");
    ofc_jc_array(&jc, arr, "$.a", 0, 2);
    expect(&jc, "bad_value", "$.a: must have 0 to 2 elements, has 3",
           "array too long");
    p = ofc_jc_path_index("$.actions", 2);
    tap_ok(!strcmp(p, "$.actions[2]"), "index path");
    free(p);
    p = ofc_jc_path_key("$", "odd \"key\"");
    tap_ok(!strcmp(p, "$[\"odd \\\"key\\\"\"]"), "odd key path escaped (%s)",
           p);
    free(p);
    p = ofc_jc_path_key("$.switches", "0000000000000001");
    TAP_STR_EQ(p, "$.switches.0000000000000001", "digit key after a dot");
    free(p);
    p = ofc_jc_path_key("$.ports", "eth-1_x");
    TAP_STR_EQ(p, "$.ports.eth-1_x", "'-' and '_' key after a dot");
    free(p);
    p = ofc_jc_path_key("$.ports", "a.b");
    TAP_STR_EQ(p, "$.ports[\"a.b\"]", "dotted key in brackets");
    free(p);
    p = ofc_jc_path_key("$", "");
    TAP_STR_EQ(p, "$[\"\"]", "empty key in brackets");
    free(p);

    /* The first failure sticks. */
    ofc_jc_fail(&jc, OFC_JC_BAD_VALUE, "$.first", "first");
    tap_ok(!ofc_jc_get_uint(&jc, doc, "$", "table", true, 0, 254, &x),
           "checks after a failure fail");
    ofc_jc_fail(&jc, OFC_JC_BAD_TYPE, "$.second", "second");
    expect(&jc, "bad_value", "$.first: first", "first failure kept");

    json_decref(real);
    json_decref(neg);
    json_decref(null);
    json_decref(arr);
    json_decref(doc);
    return tap_done();
}
