/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_LOG_H
#define OFC_LOG_H 1

/* Logging: one line per event on standard error,
 *
 *     2026-01-02T03:04:05.678Z INFO conn dpid=0000a1b2c3d4e5f6 message
 *
 * (time in UTC, level, module, dpid or "dpid=-" when there is none).  Each
 * module has its own level, settable at run time with a spec such as
 * "info,conn=dbg".  Anything a remote peer can trigger is logged through a
 * token-bucket rate limiter, which notes how many lines it suppressed. */

#include <stdbool.h>
#include <stdint.h>

/* Levels, most severe first: a module logs every level up to its own. */
enum ofc_log_level {
    OFC_LOG_ERR,
    OFC_LOG_WARN,
    OFC_LOG_INFO,
    OFC_LOG_DBG,
};

/* The built-in modules; apps may register more with
 * ofc_log_module_register(). */
enum {
    OFC_LOG_MAIN,               /* "ofcd": startup, signals, shutdown. */
    OFC_LOG_CONN,               /* "conn": sockets and the handshake. */
    OFC_LOG_SWITCH,             /* "switch": switches, ports, errors. */
    OFC_LOG_APP,                /* "app": the app registry. */
    OFC_LOG_CONFIG,             /* "config": the configuration file. */
    OFC_LOG_N_BUILTIN
};

/* No datapath id yet (or none applies). */
#define OFC_NO_DPID UINT64_MAX

/* Returns a new module id for 'name' (which must outlive the process), or
 * the existing one if 'name' is registered already, or -1 if the table is
 * full. */
int ofc_log_module_register(const char *name);

/* Defines 'static int VAR', the log module NAME, registered before main()
 * runs so that --log-level and the configuration know it from the start
 * (OFC_LOG_APP if the module table is full). */
#define OFC_LOG_MODULE(VAR, NAME)                               \
    static int VAR = OFC_LOG_APP;                               \
    static void __attribute__((constructor))                    \
    VAR##_register(void)                                        \
    {                                                           \
        int module_ = ofc_log_module_register(NAME);            \
        if (module_ >= 0) {                                     \
            VAR = module_;                                      \
        }                                                       \
    }

/* True if 'module' logs at 'level'. */
bool ofc_log_enabled(int module, enum ofc_log_level level);

/* Logs one line. */
void ofc_log(int module, enum ofc_log_level, uint64_t dpid,
             const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* Applies a level spec: comma-separated items, each "LEVEL" (every module)
 * or "MODULE=LEVEL", where LEVEL is err, warn, info or dbg.  Either the
 * whole spec applies or, on error, nothing changes and '*error' gets a
 * malloc'ed message (caller frees). */
int ofc_log_set_levels(const char *spec, char **error);
/* Like ofc_log_set_levels() but only checks 'spec', changing nothing. */
int ofc_log_check_levels(const char *spec, char **error);

/* A token bucket: 'rate' lines per second on average, bursts of 'burst'. */
struct ofc_ratelimit {
    double rate;
    double burst;
    double tokens;
    long long last_msec;
    unsigned long suppressed;
};

#define OFC_RATELIMIT_INIT(RATE, BURST) { RATE, BURST, BURST, 0, 0 }

/* Logs one line if 'rl' has a token, otherwise counts it as suppressed;
 * the next line that passes ends with "(N similar lines suppressed)". */
void ofc_log_rl(struct ofc_ratelimit *, int module, enum ofc_log_level,
                uint64_t dpid, const char *format, ...)
    __attribute__((format(printf, 5, 6)));

#define OFC_ERR(MOD, DPID, ...)  ofc_log(MOD, OFC_LOG_ERR, DPID, __VA_ARGS__)
#define OFC_WARN(MOD, DPID, ...) ofc_log(MOD, OFC_LOG_WARN, DPID, __VA_ARGS__)
#define OFC_INFO(MOD, DPID, ...) ofc_log(MOD, OFC_LOG_INFO, DPID, __VA_ARGS__)
#define OFC_DBG(MOD, DPID, ...)                          \
    do {                                                 \
        if (ofc_log_enabled(MOD, OFC_LOG_DBG)) {         \
            ofc_log(MOD, OFC_LOG_DBG, DPID, __VA_ARGS__); \
        }                                                \
    } while (0)

#endif /* log.h */
