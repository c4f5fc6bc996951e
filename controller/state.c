/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Durable state files: see state.h for the on-disk format and the
 * guarantees.  A save goes through these steps, each of which leaves a
 * complete target file and a good NAME.prev behind if we crash right
 * after it:
 *
 *   1. write NAME.tmp.XXXXXX (mode 0600) and fsync it;
 *   2. if NAME is a valid state document, hard-link it as NAME.prev.tmp
 *      and rename that over NAME.prev (so NAME.prev is always complete);
 *   3. rename NAME.tmp.XXXXXX over NAME;
 *   4. fsync the directory, which makes both renames durable. */

#include "controller/state.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "controller/util.h"

/* The state directory (owned), or NULL before ofc_state_open(). */
static char *state_dir;

/* Suffix of the temporary file a save writes first (plus 6 random
 * characters), and of the temporary link that becomes NAME.prev. */
#define TMP_SUFFIX ".tmp."
#define PREV_SUFFIX ".prev"
#define PREV_TMP_SUFFIX ".prev.tmp"

/* Sets '*error' to a message built from 'format' and returns 'err'. */
static int __attribute__((format(printf, 3, 4)))
fail(char **error, int err, const char *format, ...)
{
    va_list args;
    char *msg;

    va_start(args, format);
    if (vasprintf(&msg, format, args) < 0) {
        msg = NULL;
    }
    va_end(args);
    *error = msg ? msg : ofc_xstrdup("out of memory");
    return err;
}

/* Returns true if 'name' is a plain file name we accept for a state file:
 * nonempty, no '/', not starting with '.', and not too long. */
static bool
valid_name(const char *name)
{
    return name && name[0] && name[0] != '.' && !strchr(name, '/')
           && strlen(name) < 200;
}

/* Returns the malloc'ed path of 'name' plus 'suffix' in the state dir. */
static char *
state_path(const char *name, const char *suffix)
{
    return ofc_xasprintf("%s/%s%s", state_dir, name, suffix);
}

/* Returns true if 'name' looks like a leftover temporary file of an
 * interrupted save: "X.tmp.XXXXXX" or "X.prev.tmp". */
static bool
is_leftover_tmp(const char *name)
{
    size_t len = strlen(name);
    size_t plen = strlen(PREV_TMP_SUFFIX);
    const char *tmp = strstr(name, TMP_SUFFIX);

    if (len > plen && !strcmp(name + len - plen, PREV_TMP_SUFFIX)) {
        return true;
    }
    return tmp && tmp != name && strlen(tmp) == strlen(TMP_SUFFIX) + 6
           && !strchr(tmp + strlen(TMP_SUFFIX), '.');
}

/* Removes leftover temporary files from the state directory.  Failures
 * are harmless (a leftover only wastes space), so they are ignored. */
static void
remove_leftovers(void)
{
    DIR *d = opendir(state_dir);
    struct dirent *de;

    if (!d) {
        return;
    }
    while ((de = readdir(d)) != NULL) {
        if (is_leftover_tmp(de->d_name)) {
            unlinkat(dirfd(d), de->d_name, 0);
        }
    }
    closedir(d);
}

int
ofc_state_open(const char *dir, char **error)
{
    struct stat st;

    *error = NULL;
    if (!dir || !dir[0]) {
        return fail(error, EINVAL, "state directory name is empty");
    }
    if (!mkdir(dir, 0700)) {
        /* mkdir() is subject to the umask: set the mode explicitly. */
        if (chmod(dir, 0700)) {
            return fail(error, errno, "cannot set mode of state directory "
                        "%s: %s", dir, strerror(errno));
        }
    } else if (errno != EEXIST) {
        return fail(error, errno, "cannot create state directory %s: %s",
                    dir, strerror(errno));
    }
    if (stat(dir, &st)) {
        return fail(error, errno, "cannot access state directory %s: %s",
                    dir, strerror(errno));
    }
    if (!S_ISDIR(st.st_mode)) {
        return fail(error, ENOTDIR, "state directory %s is not a directory",
                    dir);
    }
    if (access(dir, W_OK | X_OK)) {
        return fail(error, errno, "cannot write state directory %s: %s",
                    dir, strerror(errno));
    }
    free(state_dir);
    state_dir = ofc_xstrdup(dir);
    remove_leftovers();
    return 0;
}

void
ofc_state_close(void)
{
    free(state_dir);
    state_dir = NULL;
}

const char *
ofc_state_dir(void)
{
    return state_dir;
}

/* Checks that the module is open and 'name' is acceptable. */
static int
check_ready(const char *name, char **error)
{
    if (!state_dir) {
        return fail(error, EINVAL, "state directory is not open");
    }
    if (!valid_name(name)) {
        return fail(error, EINVAL, "invalid state file name \"%s\"",
                    name ? name : "(null)");
    }
    return 0;
}

/* Writes all 'n' bytes of 'data' to 'fd'.  Returns 0 or an errno. */
static int
write_all(int fd, const char *data, size_t n)
{
    while (n > 0) {
        ssize_t r = write(fd, data, n);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        data += r;
        n -= r;
    }
    return 0;
}

/* Makes the directory entries of the state dir durable. */
static int
fsync_dir(char **error)
{
    int fd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int err = 0;

    if (fd < 0) {
        return fail(error, errno, "cannot open state directory %s: %s",
                    state_dir, strerror(errno));
    }
    if (fsync(fd)) {
        err = errno;
        fail(error, err, "cannot sync state directory %s: %s",
             state_dir, strerror(err));
    }
    close(fd);
    return err;
}

/* Parses the state file at 'path' into '*data' (a new reference, or NULL
 * for a missing file).  On failure sets '*why' to a malloc'ed description
 * of what is wrong with the file, without naming it, and returns EINVAL
 * for bad contents or the open() errno if the file cannot be opened. */
static int
parse_file(const char *path, json_t **data, char **why)
{
    json_error_t jerr;
    json_t *root, *version, *payload;
    FILE *f;

    *data = NULL;
    *why = NULL;
    f = fopen(path, "re");
    if (!f) {
        int err = errno;
        if (err == ENOENT) {
            return 0;
        }
        *why = ofc_xstrdup(strerror(err));
        return err;
    }
    root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    if (!root) {
        /* The text may quote raw bytes of the file: keep it printable. */
        for (char *p = jerr.text; *p; p++) {
            if ((unsigned char) *p < 0x20 || *p == 0x7f) {
                *p = '?';
            }
        }
        *why = ofc_xasprintf("line %d, column %d: %s",
                             jerr.line, jerr.column, jerr.text);
        return EINVAL;
    }
    version = json_object_get(root, "version");
    payload = json_object_get(root, "data");
    if (!json_is_object(root) || !version || !payload) {
        *why = ofc_xstrdup("no {\"version\", \"data\"} header");
        json_decref(root);
        return EINVAL;
    }
    if (!json_is_integer(version)
        || json_integer_value(version) != OFC_STATE_VERSION) {
        char *v = json_dumps(version, JSON_ENCODE_ANY | JSON_COMPACT);
        *why = ofc_xasprintf("unsupported version %s, this ofcd reads "
                             "version %d", v ? v : "?", OFC_STATE_VERSION);
        free(v);
        json_decref(root);
        return EINVAL;
    }
    *data = json_incref(payload);
    json_decref(root);
    return 0;
}

/* Keeps the current state file 'path' as 'prev' if it is a valid state
 * document: links it to 'prev_tmp' and renames that over 'prev', so that
 * 'prev' is complete at every moment.  A missing or invalid current file
 * leaves 'prev' alone. */
static int
keep_prev(const char *path, const char *prev, const char *prev_tmp,
          char **error)
{
    json_t *data;
    char *why;
    int err = parse_file(path, &data, &why);

    free(why);
    if (err || !data) {
        return 0;
    }
    json_decref(data);

    if (unlink(prev_tmp) && errno != ENOENT) {
        return fail(error, errno, "cannot remove %s: %s", prev_tmp,
                    strerror(errno));
    }
    if (link(path, prev_tmp)) {
        return fail(error, errno, "cannot link %s to %s: %s", path,
                    prev_tmp, strerror(errno));
    }
    if (rename(prev_tmp, prev)) {
        err = errno;
        unlink(prev_tmp);
        return fail(error, err, "cannot rename %s to %s: %s", prev_tmp,
                    prev, strerror(err));
    }
    return 0;
}

int
ofc_state_save(const char *name, const json_t *doc, char **error)
{
    char *path = NULL, *tmp = NULL, *prev = NULL, *prev_tmp = NULL;
    char *text = NULL;
    json_t *root;
    int fd = -1;
    int err;

    *error = NULL;
    err = check_ready(name, error);
    if (err) {
        return err;
    }
    if (!doc) {
        return fail(error, EINVAL, "no document to save in %s", name);
    }

    root = json_object();
    json_object_set_new(root, "version", json_integer(OFC_STATE_VERSION));
    json_object_set(root, "data", (json_t *) doc);
    text = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
    json_decref(root);
    if (!text) {
        return fail(error, EINVAL, "cannot encode state for %s", name);
    }

    path = state_path(name, "");
    prev = state_path(name, PREV_SUFFIX);
    prev_tmp = state_path(name, PREV_TMP_SUFFIX);
    tmp = state_path(name, TMP_SUFFIX "XXXXXX");

    fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        err = fail(error, errno, "cannot create temporary file %s: %s",
                   tmp, strerror(errno));
        goto out;
    }
    if (fchmod(fd, 0600)) {
        err = fail(error, errno, "cannot set mode of %s: %s", tmp,
                   strerror(errno));
        goto out_unlink;
    }
    err = write_all(fd, text, strlen(text));
    if (!err) {
        err = write_all(fd, "\n", 1);
    }
    if (err) {
        fail(error, err, "cannot write %s: %s", tmp, strerror(err));
        goto out_unlink;
    }
    if (fsync(fd)) {
        err = fail(error, errno, "cannot sync %s: %s", tmp,
                   strerror(errno));
        goto out_unlink;
    }
    if (close(fd)) {
        fd = -1;
        err = fail(error, errno, "cannot close %s: %s", tmp,
                   strerror(errno));
        goto out_unlink;
    }
    fd = -1;

    err = keep_prev(path, prev, prev_tmp, error);
    if (err) {
        goto out_unlink;
    }
    if (rename(tmp, path)) {
        err = fail(error, errno, "cannot rename %s to %s: %s", tmp, path,
                   strerror(errno));
        goto out_unlink;
    }
    err = fsync_dir(error);
    goto out;

out_unlink:
    if (fd >= 0) {
        close(fd);
        fd = -1;
    }
    unlink(tmp);
out:
    if (fd >= 0) {
        close(fd);
    }
    free(text);
    free(path);
    free(tmp);
    free(prev);
    free(prev_tmp);
    return err;
}

int
ofc_state_load(const char *name, json_t **doc, char **error)
{
    char *path, *prev, *why;
    struct stat st;
    int err;

    *doc = NULL;
    *error = NULL;
    err = check_ready(name, error);
    if (err) {
        return err;
    }

    path = state_path(name, "");
    err = parse_file(path, doc, &why);
    if (err == EINVAL) {
        prev = state_path(name, PREV_SUFFIX);
        if (!stat(prev, &st)) {
            fail(error, err, "state file %s is corrupt (%s); the previous "
                 "good copy is %s", path, why, prev);
        } else {
            fail(error, err, "state file %s is corrupt (%s); there is no "
                 "previous copy %s", path, why, prev);
        }
        free(prev);
    } else if (err) {
        fail(error, err, "cannot read state file %s: %s", path, why);
    }
    free(why);
    free(path);
    return err;
}
