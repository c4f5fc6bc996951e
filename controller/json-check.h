/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_JSON_CHECK_H
#define OFC_JSON_CHECK_H 1

/* Validation of JSON documents (REST bodies, state and config files) with
 * precise messages that name the offending value by its JSON path:
 *
 *     $.match.in_port: must be an integer 1-4294967295, got 0
 *     $.actions[1].port: must be an integer or a string, not an object
 *     $.match.foo: unknown field
 *     $.flow: required field is missing
 *
 * A 'struct ofc_jc' collects the FIRST failure; it is sticky: once it has
 * failed, every further check returns false at once without looking at
 * its arguments, so a caller may run a series of checks and test
 * ofc_jc_ok() once at the end.  The kind of the failure maps to the REST
 * error codes of the contract (ofc_jc_code()).
 *
 * Paths are plain strings: "$" is the document, ofc_jc_path_key() and
 * ofc_jc_path_index() build the paths of members and elements
 * ("$.match", "$.actions[2]", "$[\"odd key\"]").
 *
 * Member getters ("ofc_jc_get_*") read 'key' of the object 'obj' whose
 * path is 'path'.  They return true if the member is present and valid
 * (then '*out' is set), false if it is absent (an optional member: no
 * failure; a required one: "missing_field") or invalid (a failure is
 * recorded).  Value checkers ("ofc_jc_*") check a value already in hand,
 * e.g. an array element, and return true if it is valid.
 *
 * Integers must be JSON integers (1.0 and "1" are wrong types); an integer
 * outside [min, max] is a bad value.  Nothing here allocates except the
 * failure message and the path helpers' results. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What went wrong: the REST error codes of validation failures. */
enum ofc_jc_kind {
    OFC_JC_OK,                  /* No failure yet. */
    OFC_JC_BAD_TYPE,            /* "bad_type": wrong JSON type. */
    OFC_JC_BAD_VALUE,           /* "bad_value": right type, bad value. */
    OFC_JC_UNKNOWN_FIELD,       /* "unknown_field": key not allowed. */
    OFC_JC_MISSING_FIELD,       /* "missing_field": required key absent. */
};

/* A validation in progress: the first failure, if any.  Owns 'message'. */
struct ofc_jc {
    enum ofc_jc_kind kind;
    char *message;              /* "PATH: sentence" (malloc'ed) or NULL. */
};

#define OFC_JC_INITIALIZER { OFC_JC_OK, NULL }

void ofc_jc_init(struct ofc_jc *);
/* Frees the message; 'jc' may be initialized again. */
void ofc_jc_destroy(struct ofc_jc *);
/* True if no check has failed. */
bool ofc_jc_ok(const struct ofc_jc *);
/* The REST error code of the failure ("bad_type", ...), or NULL if ok. */
const char *ofc_jc_code(const struct ofc_jc *);
/* The failure message, or NULL if ok.  Owned by 'jc'. */
const char *ofc_jc_message(const struct ofc_jc *);
/* Takes the message out of 'jc' (caller frees); NULL if ok. */
char *ofc_jc_steal_message(struct ofc_jc *);

/* Records a failure of 'kind' at 'path' ("PATH: " followed by the
 * formatted sentence) unless one is recorded already.  Returns false, for
 * tail calls.  For checks this module does not offer. */
bool ofc_jc_fail(struct ofc_jc *, enum ofc_jc_kind, const char *path,
                 const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* Returns the malloc'ed path of member 'key' of the object at 'path':
 * "PATH.key" for nonempty keys made only of letters, digits, '_' and '-'
 * ("$.switches.0000000000000001.ports.tap100i0"), else "PATH[\"key\"]"
 * with '"', '\' and control characters escaped. */
char *ofc_jc_path_key(const char *path, const char *key);
/* Returns the malloc'ed path of element 'index' of the array at 'path':
 * "PATH[index]". */
char *ofc_jc_path_index(const char *path, size_t index);

/* Returns "an object", "an array", "a string", "an integer", "a number",
 * "a boolean" or "null" for 'v' (for messages). */
const char *ofc_jc_type_name(const json_t *v);

/* ---- Value checkers. ------------------------------------------------- */

/* Checks that 'v' is an object and, unless 'allowed' is NULL, that every
 * key is in the NULL-terminated 'allowed' list (else "unknown_field"
 * naming the first unknown key's path). */
bool ofc_jc_object(struct ofc_jc *, const json_t *v, const char *path,
                   const char *const allowed[]);
/* Checks that 'v' is an array of 'min_n' to 'max_n' elements. */
bool ofc_jc_array(struct ofc_jc *, const json_t *v, const char *path,
                  size_t min_n, size_t max_n);
/* Checks that 'v' is an integer in [min, max] and stores it in '*out'. */
bool ofc_jc_uint(struct ofc_jc *, const json_t *v, const char *path,
                 uint64_t min, uint64_t max, uint64_t *out);
/* Checks that 'v' is a string of at most 'max_len' bytes (and at least
 * one byte if 'nonempty'); '*out' then points into 'v'. */
bool ofc_jc_string(struct ofc_jc *, const json_t *v, const char *path,
                   bool nonempty, size_t max_len, const char **out);
/* Checks that 'v' is true or false. */
bool ofc_jc_bool(struct ofc_jc *, const json_t *v, const char *path,
                 bool *out);

/* ---- Member getters. ------------------------------------------------- */

/* Returns member 'key' of 'obj' (which must be an object), or NULL if it
 * is absent (a "missing_field" failure if 'required'). */
const json_t *ofc_jc_member(struct ofc_jc *, const json_t *obj,
                            const char *path, const char *key,
                            bool required);
bool ofc_jc_get_uint(struct ofc_jc *, const json_t *obj, const char *path,
                     const char *key, bool required, uint64_t min,
                     uint64_t max, uint64_t *out);
bool ofc_jc_get_string(struct ofc_jc *, const json_t *obj,
                       const char *path, const char *key, bool required,
                       bool nonempty, size_t max_len, const char **out);
bool ofc_jc_get_bool(struct ofc_jc *, const json_t *obj, const char *path,
                     const char *key, bool required, bool *out);

#endif /* controller/json-check.h */
