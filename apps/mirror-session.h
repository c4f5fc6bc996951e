/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_MIRROR_SESSION_H
#define OFC_APPS_MIRROR_SESSION_H 1

/* One mirroring session: parsing and checking its JSON (REST body,
 * configuration element or state file element), its JSON form, and
 * resolving its ports on a switch.  No global state. */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ofc_jc;
struct ofc_switch;

/* Directions of a source port (bits). */
#define MIRROR_INGRESS 1u
#define MIRROR_EGRESS  2u

/* Limits. */
#define MIRROR_MAX_SOURCES 64
#define MIRROR_MAX_VLANS 64
#define MIRROR_MAX_DESCRIPTION 256
#define MIRROR_MAX_ID 2147483647   /* REST ids: 1 to this. */

/* A port as the operator named it: by number, or by name ('name'
 * nonnull, malloc'ed). */
struct mirror_port_ref {
    uint32_t number;
    char *name;
};

/* One source port. */
struct mirror_source {
    struct mirror_port_ref port;
    unsigned int dir;           /* MIRROR_INGRESS | MIRROR_EGRESS. */
};

/* A session.  Owns everything it points to. */
struct mirror_session {
    uint64_t id;                /* REST id (>= 1), or the 1-based index in
                                 * the configuration's "mirrors". */
    bool from_config;
    uint64_t dpid;
    struct mirror_port_ref dest;
    struct mirror_source *sources;
    size_t n_sources;
    uint16_t *vlans;
    size_t n_vlans;
    char *description;          /* NULL if none. */
};

/* Parses session object 'o' at 'path' into a new session (its 'id' and
 * 'from_config' are the caller's).  'with_id' accepts an "id" member (the
 * state file).  Checks the shape: types, ranges, directions, duplicates,
 * a destination named like a source, and that there is some source.
 * Returns NULL with the failure in 'jc'. */
struct mirror_session *mirror_session_parse(struct ofc_jc *jc,
                                            const json_t *o,
                                            const char *path,
                                            bool with_id);
void mirror_session_free(struct mirror_session *);

/* The session as the REST API shows it (a new object): "id" (an integer,
 * or "cfg-N" for a configured one), "dpid", "destination", "sources",
 * "vlans", "description" if any, "source" ("rest" or "config"). */
json_t *mirror_session_json(const struct mirror_session *);

/* The session as the state file stores it (a new object). */
json_t *mirror_session_stored_json(const struct mirror_session *);

/* The number of the port 'ref' names on 'sw', or 0 if it has none. */
uint32_t mirror_port_resolve(const struct ofc_switch *sw,
                             const struct mirror_port_ref *ref);

/* Writes 'ref' for a message: "3" or "\"tap100i0\"". */
void mirror_port_format(const struct mirror_port_ref *ref, char *buf,
                        size_t size);

#endif /* apps/mirror-session.h */
