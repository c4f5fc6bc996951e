/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcd's configuration document (see config.h). */

#include "controller/config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "controller/app.h"
#include "controller/log.h"
#include "controller/util.h"

static char *config_file;       /* Owned. */
static bool config_explicit;    /* Named by --config. */
static json_t *running;         /* The running document, or NULL. */
static void (*applied_hook)(void);

void
ofc_config_set_file(const char *path, bool explicit_file)
{
    free(config_file);
    config_file = path ? ofc_xstrdup(path) : NULL;
    config_explicit = explicit_file;
}

const char *
ofc_config_file(void)
{
    return config_file;
}

const json_t *
ofc_config_running(void)
{
    return running;
}

void
ofc_config_set_applied_hook(void (*hook)(void))
{
    applied_hook = hook;
}

void
ofc_config_destroy(void)
{
    json_decref(running);
    running = NULL;
    free(config_file);
    config_file = NULL;
}

int
ofc_config_read(const char *path, json_t **doc, char **error)
{
    json_error_t jerr;

    *doc = NULL;
    *error = NULL;
    if (!config_explicit && access(path, F_OK) && errno == ENOENT) {
        return 0;
    }
    *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!*doc) {
        *error = (jerr.line > 0
                  ? ofc_xasprintf("%s:%d:%d: %s", path, jerr.line,
                                  jerr.column, jerr.text)
                  : ofc_xasprintf("%s: %s", path, jerr.text));
        return EINVAL;
    }
    return 0;
}

/* True if 'token' can be the API token: 16 to 1024 printable characters
 * without spaces. */
static bool
token_valid(const char *token)
{
    size_t n = strlen(token);
    if (n < 16 || n > 1024) {
        return false;
    }
    for (const char *p = token; *p; p++) {
        if (!isgraph((unsigned char) *p)) {
            return false;
        }
    }
    return true;
}

/* True if an app (enabled or not) owns top-level key 'key'. */
static bool
app_owns_key(const char *key)
{
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const char *const *k = ofc_app_at(i)->config_keys;
        for (; k && *k; k++) {
            if (!strcmp(*k, key)) {
                return true;
            }
        }
    }
    return false;
}

/* Whether 'app' runs under 'doc': every app does without "apps". */
static bool
app_wanted(const json_t *doc, const struct ofc_app *app)
{
    const json_t *apps = doc ? json_object_get(doc, "apps") : NULL;
    return !apps || json_object_get(apps, app->name);
}

/* What 'app' is given of 'doc': the whole document if it owns top-level
 * keys, else its "apps" section (or NULL). */
static const json_t *
app_config(const json_t *doc, const struct ofc_app *app)
{
    if (app->config_keys) {
        return doc;
    }
    const json_t *apps = doc ? json_object_get(doc, "apps") : NULL;
    return apps ? json_object_get(apps, app->name) : NULL;
}

/* Checks the core's keys and that no key is unknown. */
static int
check_core(const json_t *doc, const char *file, char **error)
{
    if (!json_is_object(doc)) {
        *error = ofc_xasprintf("%s: $: the top level must be a JSON object",
                               file);
        return EINVAL;
    }
    const char *key;
    json_t *value;
    json_object_foreach ((json_t *) doc, key, value) {
        if (!strcmp(key, "log_level")) {
            char *why;
            if (!json_is_string(value)) {
                *error = ofc_xasprintf("%s: $.log_level: must be a string "
                                       "such as \"info,conn=dbg\"", file);
                return EINVAL;
            }
            if (ofc_log_check_levels(json_string_value(value), &why)) {
                *error = ofc_xasprintf("%s: $.log_level: %s", file, why);
                free(why);
                return EINVAL;
            }
        } else if (!strcmp(key, "apps")) {
            if (!json_is_object(value)) {
                *error = ofc_xasprintf("%s: $.apps: must be an object keyed "
                                       "by app name", file);
                return EINVAL;
            }
            const char *app;
            json_t *section;
            json_object_foreach (value, app, section) {
                if (!ofc_app_by_name(app)) {
                    *error = ofc_xasprintf("%s: $.apps.%s: unknown app",
                                           file, app);
                    return EINVAL;
                }
                if (!json_is_object(section)) {
                    *error = ofc_xasprintf("%s: $.apps.%s: must be an "
                                           "object", file, app);
                    return EINVAL;
                }
            }
        } else if (!strcmp(key, "api_token")) {
            if (!json_is_string(value)
                || !token_valid(json_string_value(value))) {
                *error = ofc_xasprintf("%s: $.api_token: must be a string "
                                       "of 16 to 1024 printable characters "
                                       "without spaces", file);
                return EINVAL;
            }
        } else if (!app_owns_key(key)) {
            *error = ofc_xasprintf("%s: $.%s: unknown key", file, key);
            return EINVAL;
        }
    }
    return 0;
}

int
ofc_config_check(const json_t *doc, const char *file, char **error)
{
    *error = NULL;
    int err = check_core(doc, file, error);
    for (size_t i = 0; !err && i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (app->check_config && app_wanted(doc, app)) {
            err = app->check_config(app_config(doc, app), file, error);
            if (err && !*error) {
                *error = ofc_xasprintf("%s: app %s rejected it: %s", file,
                                       app->name, strerror(err));
            }
        }
    }
    return err;
}

/* Refuses a running daemon a document that would switch an app on or
 * off: that needs a restart, so that no switch ever sees an app's flows
 * without the app. */
static int
check_same_apps(const json_t *doc, const char *file, char **error)
{
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (app_wanted(doc, app) != ofc_app_enabled(app)) {
            *error = ofc_xasprintf("%s: $.apps: enabling or disabling app %s "
                                   "needs a restart of ofcd", file,
                                   app->name);
            return EINVAL;
        }
    }
    return 0;
}

int
ofc_config_apply(json_t *doc, const char *file, bool startup, char **error)
{
    json_t *empty = doc ? NULL : json_object();
    const json_t *d = doc ? doc : empty;
    int err = ofc_config_check(d, file, error);

    if (!err && !startup) {
        err = check_same_apps(d, file, error);
    }
    for (size_t i = 0; !err && i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (startup) {
            ofc_app_set_enabled(app, app_wanted(d, app));
        }
        if (!ofc_app_enabled(app)) {
            continue;
        }
        int (*fn)(struct ofc_ctx *, const json_t *)
            = startup ? app->init : app->reconfigure;
        err = fn ? fn(NULL, app_config(d, app)) : 0;
        if (err) {
            *error = ofc_xasprintf("%s: app %s rejected its configuration: "
                                   "%s", file, app->name, strerror(err));
        }
    }
    if (!err) {
        const json_t *level = json_object_get(d, "log_level");
        if (level) {
            char *ignored = NULL;
            ofc_log_set_levels(json_string_value(level), &ignored);
            free(ignored);
        }
        json_decref(running);
        running = doc ? json_incref(doc) : NULL;
        if (applied_hook) {
            applied_hook();
        }
    }
    json_decref(empty);
    return err;
}

int
ofc_config_reload(char **error)
{
    json_t *doc;
    *error = NULL;
    if (!config_file) {
        *error = ofc_xstrdup("no configuration file");
        return ENOENT;
    }
    int err = ofc_config_read(config_file, &doc, error);
    if (!err) {
        err = ofc_config_apply(doc, config_file, false, error);
    }
    json_decref(doc);
    return err;
}

/* Writes 'text' to 'path' atomically: a temporary file in the same
 * directory, fsync, the old file kept as PATH.prev, rename, fsync of the
 * directory. */
static int
write_atomically(const char *path, const char *text, char **error)
{
    char *tmp = ofc_xasprintf("%s.tmp.%ld", path, (long) getpid());
    char *prev = ofc_xasprintf("%s.prev", path);
    char *dircopy = ofc_xstrdup(path);
    const char *dir = dirname(dircopy);
    size_t len = strlen(text);
    int err = 0;

    if (mkdir(dir, 0755) && errno != EEXIST) {
        err = errno;
        *error = ofc_xasprintf("cannot create %s: %s", dir, strerror(err));
        goto out;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = errno;
        *error = ofc_xasprintf("cannot write %s: %s", tmp, strerror(err));
        goto out;
    }
    bool ok = write(fd, text, len) == (ssize_t) len && !fsync(fd);
    err = ok ? 0 : errno ? errno : EIO;
    close(fd);
    if (!err) {
        unlink(prev);
        if (link(path, prev) && errno != ENOENT) {
            OFC_WARN(OFC_LOG_CONFIG, OFC_NO_DPID, "cannot keep %s: %s",
                     prev, strerror(errno));
        }
        if (rename(tmp, path)) {
            err = errno;
        }
    }
    if (err) {
        *error = ofc_xasprintf("cannot write %s: %s", path, strerror(err));
        unlink(tmp);
        goto out;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
out:
    free(tmp);
    free(prev);
    free(dircopy);
    return err;
}

int
ofc_config_replace(json_t *doc, char **error)
{
    const char *file = config_file ? config_file : OFC_CONFIG_DEFAULT_FILE;
    int err = ofc_config_check(doc, "PUT /v1/config", error);
    if (!err) {
        err = check_same_apps(doc, "PUT /v1/config", error);
    }
    if (err) {
        return err;
    }
    char *text = json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS);
    char *with_nl = ofc_xasprintf("%s\n", text ? text : "{}");
    free(text);
    err = write_atomically(file, with_nl, error);
    free(with_nl);
    if (err) {
        return err;
    }
    if (!config_file) {
        ofc_config_set_file(file, false);
    }
    err = ofc_config_apply(doc, "PUT /v1/config", false, error);
    if (!err) {
        OFC_INFO(OFC_LOG_CONFIG, OFC_NO_DPID, "configuration replaced over "
                 "REST and written to %s", file);
    }
    return err;
}
