/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Logging with per-module levels and rate limiting (see log.h). */

#include "controller/log.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "controller/util.h"

#define MAX_MODULES 32
#define LINE_MAX_LEN 4096

/* One registered module and its current level. */
struct log_module {
    const char *name;
    enum ofc_log_level level;
};

static struct log_module modules[MAX_MODULES] = {
    [OFC_LOG_MAIN] = { "ofcd", OFC_LOG_INFO },
    [OFC_LOG_CONN] = { "conn", OFC_LOG_INFO },
    [OFC_LOG_SWITCH] = { "switch", OFC_LOG_INFO },
    [OFC_LOG_APP] = { "app", OFC_LOG_INFO },
    [OFC_LOG_CONFIG] = { "config", OFC_LOG_INFO },
};
static int n_modules = OFC_LOG_N_BUILTIN;

static const char *const level_names[] = {
    [OFC_LOG_ERR] = "ERR",
    [OFC_LOG_WARN] = "WARN",
    [OFC_LOG_INFO] = "INFO",
    [OFC_LOG_DBG] = "DBG",
};

int
ofc_log_module_register(const char *name)
{
    for (int i = 0; i < n_modules; i++) {
        if (!strcmp(modules[i].name, name)) {
            return i;
        }
    }
    if (n_modules >= MAX_MODULES) {
        return -1;
    }
    modules[n_modules].name = name;
    modules[n_modules].level = OFC_LOG_INFO;
    return n_modules++;
}

bool
ofc_log_enabled(int module, enum ofc_log_level level)
{
    return module >= 0 && module < n_modules
           && level <= modules[module].level;
}

/* Formats and writes one line with a single write(2), so lines from one
 * process never interleave. */
static void
log_valist(int module, enum ofc_log_level level, uint64_t dpid,
           const char *suffix, const char *format, va_list args)
{
    char line[LINE_MAX_LEN];
    struct timeval tv;
    struct tm tm;
    size_t n;

    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%S", &tm);
    n += snprintf(line + n, sizeof line - n, ".%03dZ %s %s ",
                  (int) (tv.tv_usec / 1000), level_names[level],
                  modules[module].name);
    if (dpid == OFC_NO_DPID) {
        n += snprintf(line + n, sizeof line - n, "dpid=- ");
    } else {
        n += snprintf(line + n, sizeof line - n, "dpid=%016"PRIx64" ", dpid);
    }
    int r = vsnprintf(line + n, sizeof line - n, format, args);
    if (r < 0) {
        r = 0;
    }
    n = (size_t) r >= sizeof line - n ? sizeof line - 1 : n + r;
    if (suffix) {
        r = snprintf(line + n, sizeof line - n, "%s", suffix);
        n = r < 0 || (size_t) r >= sizeof line - n ? sizeof line - 1 : n + r;
    }
    if (n >= sizeof line - 1) {
        memcpy(line + sizeof line - 5, "...", 3);
        n = sizeof line - 2;
    }
    /* Control characters (from a peer, say) would break "one line per
     * event" or the terminal. */
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = line[i];
        if (ch == '\n' || ch == '\t') {
            line[i] = ' ';
        } else if (ch < 0x20 || ch == 0x7f) {
            line[i] = '?';
        }
    }
    line[n++] = '\n';
    ssize_t w = write(STDERR_FILENO, line, n);
    (void) w;
}

void
ofc_log(int module, enum ofc_log_level level, uint64_t dpid,
        const char *format, ...)
{
    if (!ofc_log_enabled(module, level)) {
        return;
    }
    va_list args;
    va_start(args, format);
    log_valist(module, level, dpid, NULL, format, args);
    va_end(args);
}

void
ofc_log_rl(struct ofc_ratelimit *rl, int module, enum ofc_log_level level,
           uint64_t dpid, const char *format, ...)
{
    if (!ofc_log_enabled(module, level)) {
        return;
    }
    long long now = ofc_time_msec();
    if (!rl->last_msec) {
        rl->tokens = rl->burst;
    } else {
        rl->tokens += (now - rl->last_msec) * rl->rate / 1000.0;
        if (rl->tokens > rl->burst) {
            rl->tokens = rl->burst;
        }
    }
    rl->last_msec = now;
    if (rl->tokens < 1.0) {
        rl->suppressed++;
        return;
    }
    rl->tokens -= 1.0;

    char suffix[64] = "";
    if (rl->suppressed) {
        snprintf(suffix, sizeof suffix, " (%lu similar lines suppressed)",
                 rl->suppressed);
        rl->suppressed = 0;
    }
    va_list args;
    va_start(args, format);
    log_valist(module, level, dpid, suffix[0] ? suffix : NULL, format, args);
    va_end(args);
}

/* Parses a level name; returns -1 if unknown. */
static int
parse_level(const char *s, size_t len)
{
    static const struct {
        const char *name;
        enum ofc_log_level level;
    } names[] = {
        { "err", OFC_LOG_ERR }, { "error", OFC_LOG_ERR },
        { "warn", OFC_LOG_WARN }, { "warning", OFC_LOG_WARN },
        { "info", OFC_LOG_INFO },
        { "dbg", OFC_LOG_DBG }, { "debug", OFC_LOG_DBG },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i].name) == len
            && !strncasecmp(names[i].name, s, len)) {
            return names[i].level;
        }
    }
    return -1;
}

/* Parses 'spec' into 'levels' (one per module, starting from the current
 * ones).  Returns 0, or -1 with '*error' set. */
static int
parse_levels(const char *spec, enum ofc_log_level levels[], char **error)
{
    const char *p = spec;

    *error = NULL;
    for (int i = 0; i < n_modules; i++) {
        levels[i] = modules[i].level;
    }
    if (!*spec) {
        *error = ofc_xasprintf("empty log level spec");
        return -1;
    }
    while (*p) {
        size_t len = strcspn(p, ",");
        const char *eq = memchr(p, '=', len);
        int level;

        if (!eq) {
            level = parse_level(p, len);
            if (level < 0) {
                *error = ofc_xasprintf("unknown log level '%.*s' (expected "
                                       "err, warn, info or dbg)",
                                       (int) len, p);
                return -1;
            }
            for (int i = 0; i < n_modules; i++) {
                levels[i] = level;
            }
        } else {
            size_t mlen = eq - p;
            int m;
            for (m = 0; m < n_modules; m++) {
                if (strlen(modules[m].name) == mlen
                    && !strncmp(modules[m].name, p, mlen)) {
                    break;
                }
            }
            if (m == n_modules) {
                char known[256] = "";
                for (int i = 0; i < n_modules; i++) {
                    size_t k = strlen(known);
                    snprintf(known + k, sizeof known - k, "%s%s",
                             i ? ", " : "", modules[i].name);
                }
                *error = ofc_xasprintf("unknown log module '%.*s' "
                                       "(known: %s)", (int) mlen, p, known);
                return -1;
            }
            level = parse_level(eq + 1, len - mlen - 1);
            if (level < 0) {
                *error = ofc_xasprintf("unknown log level '%.*s' for "
                                       "module %s (expected err, warn, "
                                       "info or dbg)",
                                       (int) (len - mlen - 1), eq + 1,
                                       modules[m].name);
                return -1;
            }
            levels[m] = level;
        }
        p += len;
        if (*p == ',') {
            p++;
            if (!*p) {
                *error = ofc_xasprintf("log level spec ends with ','");
                return -1;
            }
        }
    }
    return 0;
}

int
ofc_log_check_levels(const char *spec, char **error)
{
    enum ofc_log_level levels[MAX_MODULES];
    return parse_levels(spec, levels, error);
}

int
ofc_log_set_levels(const char *spec, char **error)
{
    enum ofc_log_level levels[MAX_MODULES];
    if (parse_levels(spec, levels, error)) {
        return -1;
    }
    for (int i = 0; i < n_modules; i++) {
        modules[i].level = levels[i];
    }
    return 0;
}
