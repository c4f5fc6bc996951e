/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The REST API's bearer token (see token.h). */

#include "rest/token.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "controller/log.h"
#include "controller/state.h"
#include "controller/util.h"

/* Checks that 'token' is usable in an HTTP header: printable, no spaces,
 * at least OFC_TOKEN_MIN_LEN and at most OFC_TOKEN_MAX_LEN bytes. */
static bool
token_ok(const char *token)
{
    size_t n = strlen(token);
    if (n < OFC_TOKEN_MIN_LEN || n > OFC_TOKEN_MAX_LEN) {
        return false;
    }
    for (const char *p = token; *p; p++) {
        if (!isgraph((unsigned char) *p)) {
            return false;
        }
    }
    return true;
}

/* Reads the token from 'path'.  Returns 0, ENOENT, or another errno with
 * '*error' set. */
static int
read_token(const char *path, char **token, char **error)
{
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno != ENOENT) {
            *error = ofc_xasprintf("%s: %s", path, strerror(errno));
        }
        return errno;
    }
    char buf[OFC_TOKEN_MAX_LEN + 3];
    bool ok = fgets(buf, sizeof buf, f) != NULL;
    fclose(f);
    buf[ok ? strcspn(buf, "\r\n") : 0] = '\0';
    if (!token_ok(buf)) {
        *error = ofc_xasprintf("%s: holds no token of %d to %d printable "
                               "characters without spaces; delete it to get "
                               "a new one", path, OFC_TOKEN_MIN_LEN,
                               OFC_TOKEN_MAX_LEN);
        return EINVAL;
    }
    *token = ofc_xstrdup(buf);
    return 0;
}

/* Creates 'path' with a new random token (mode 0600, never replacing an
 * existing file).  The token is written and synced under a temporary name
 * first and then linked into place, so a crash never leaves an empty token
 * file behind.  Returns 0 or an errno with '*error' set. */
static int
create_token(const char *dir, const char *path, char **token, char **error)
{
    uint8_t raw[32];
    if (getrandom(raw, sizeof raw, 0) != sizeof raw) {
        *error = ofc_xasprintf("cannot get random bytes for the API token: "
                               "%s", strerror(errno));
        return errno ? errno : EIO;
    }
    char hex[2 * sizeof raw + 2];
    for (size_t i = 0; i < sizeof raw; i++) {
        snprintf(hex + 2 * i, 3, "%02x", raw[i]);
    }
    char *tmp = ofc_xasprintf("%s.tmp.%ld", path, (long) getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        int err = errno;
        *error = ofc_xasprintf("%s: %s", tmp, strerror(err));
        free(tmp);
        return err;
    }
    size_t len = strlen(hex);
    hex[len] = '\n';
    bool ok = write(fd, hex, len + 1) == (ssize_t) len + 1 && !fsync(fd);
    int err = errno;
    close(fd);
    if (ok && link(tmp, path)) {
        ok = false;
        err = errno;
    }
    unlink(tmp);
    free(tmp);
    if (!ok) {
        *error = ofc_xasprintf("%s: %s", path, strerror(err));
        return err;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    hex[len] = '\0';
    *token = ofc_xstrdup(hex);
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "rest: created a new API token in "
             "%s", path);
    return 0;
}

int
ofc_rest_token_get(const char *configured, char **token, char **error)
{
    *token = NULL;
    *error = NULL;
    if (configured) {
        *token = ofc_xstrdup(configured);
        return 0;
    }
    const char *dir = ofc_state_dir();
    if (!dir) {
        *error = ofc_xasprintf("no state directory for the API token");
        return ENOENT;
    }
    char *path = ofc_xasprintf("%s/%s", dir, OFC_TOKEN_FILE);
    int err = read_token(path, token, error);
    if (err == ENOENT) {
        err = create_token(dir, path, token, error);
    }
    struct stat st;
    if (!err && !stat(path, &st) && (st.st_mode & 077)) {
        OFC_WARN(OFC_LOG_MAIN, OFC_NO_DPID, "rest: %s is readable by "
                 "others (mode %03o); chmod 600 it", path,
                 (unsigned int) (st.st_mode & 0777));
    }
    free(path);
    return err;
}
