/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_CONFIG_H
#define OFC_CONFIG_H 1

/* ofcd's configuration document (--config FILE, JSON): checking, applying
 * at startup and on reload, and replacing it (PUT /v1/config).
 *
 * The core owns the top-level keys "log_level", "apps" and "api_token";
 * an app may own more (struct ofc_app's 'config_keys', e.g. the VLAN
 * app's "vlans").  Any other key is an error.  A document is checked as
 * a whole (every app's 'check_config') before anything is applied, so a
 * bad document changes nothing: at startup ofcd refuses to start, on a
 * reload the running configuration stays.
 *
 * Every function returns 0 or a positive errno; on failure '*error' gets
 * a malloc'ed one-line message (the caller frees it). */

#include <jansson.h>
#include <stdbool.h>

/* The file used when --config is not given; a missing default file means
 * "no configuration", a missing explicit one is an error. */
#define OFC_CONFIG_DEFAULT_FILE "/etc/ofc/ofc.json"

/* Sets the configuration file's path (copied) and whether the operator
 * named it explicitly. */
void ofc_config_set_file(const char *path, bool explicit_file);
const char *ofc_config_file(void);

/* Reads and parses the file (duplicate keys rejected).  '*doc' is NULL
 * if the default file does not exist. */
int ofc_config_read(const char *path, json_t **doc, char **error);

/* Checks 'doc' without applying anything: the core's keys, unknown keys,
 * and every app's check_config.  'file' names the document in messages. */
int ofc_config_check(const json_t *doc, const char *file, char **error);

/* Checks and applies 'doc' (NULL: the empty configuration): log levels,
 * which apps run (startup only), then each app's init (startup) or
 * reconfigure.  On success 'doc' becomes the running configuration (a
 * reference is taken). */
int ofc_config_apply(json_t *doc, const char *file, bool startup,
                     char **error);

/* The running configuration, or NULL if there is none. */
const json_t *ofc_config_running(void);

/* Re-reads the file and applies it (SIGHUP).  On failure the running
 * configuration stays. */
int ofc_config_reload(char **error);

/* Replaces the configuration with 'doc' (PUT /v1/config): checks it,
 * writes it to the configuration file atomically (temporary file, fsync,
 * rename, fsync of the directory; the previous file is kept as
 * FILE.prev), then applies it.  Nothing changes if the check or the write
 * fails. */
int ofc_config_replace(json_t *doc, char **error);

/* Called after every successful apply (ofcd re-reads the API token). */
void ofc_config_set_applied_hook(void (*hook)(void));

/* Frees the running configuration. */
void ofc_config_destroy(void);

#endif /* controller/config.h */
