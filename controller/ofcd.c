/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcd: the OpenFlow 1.3 controller daemon.  This is the composition root:
 * it parses the command line, loads the configuration, lists the apps,
 * opens the listeners and runs the one libevent loop. */

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "apps/arp.h"
#include "apps/l2.h"
#include "apps/mirror.h"
#include "apps/static.h"
#include "apps/vlan.h"
#include "controller/app.h"
#include "controller/config.h"
#include "controller/conn.h"
#include "controller/log.h"
#include "controller/loop-lag.h"
#include "controller/state.h"
#include "controller/stats.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "rest/config-routes.h"
#include "rest/core-routes.h"
#include "rest/server.h"
#include "rest/switch-live.h"
#include "rest/token.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

#define MAX_LISTENERS 16
#define DEFAULT_LISTEN "tcp:0.0.0.0:6653"
#define DEFAULT_STATE_DIR "/var/lib/ofc"
/* Callbacks of switch connections run before the loop polls again (see
 * main()). */
#define OFC_LOOP_FAIR_CALLBACKS 4

/* The apps, in dispatch order.  Without a configuration every app runs
 * with its defaults (every port untagged in VLAN 1, L2 learning). */
static const struct ofc_app *const ofcd_apps[] = {
    &ofc_l2_app,                /* Declines packet-ins of others' flows. */
    &ofc_static_app,
    &ofc_vlan_app,
    &ofc_arp_app,
    &ofc_mirror_app,
    NULL
};

/* What the command line asked for. */
struct options {
    const char *config_file;
    const char *listen[MAX_LISTENERS];
    int n_listen;
    const char *state_dir;
    const char *log_level;
    const char *pidfile;
    int echo_interval;
    int echo_misses;
    const char *rest;           /* --rest IP:PORT, or NULL for none. */
    bool list_routes;           /* --list-routes. */
    bool check_config;          /* --check-config FILE. */
};

static struct options opts;
static struct event_base *base;
static bool pidfile_written;
static struct ofc_rest_server *rest_server;

/* Prints the usage text. */
static void
usage(void)
{
    printf("usage: ofcd [OPTION]...\n"
           "OpenFlow 1.3 controller daemon for Open vSwitch bridges.\n"
           "\n"
           "  --config FILE          JSON configuration (re-read on SIGHUP);\n"
           "                         default %s if it exists\n"
           "  --check-config FILE    check FILE as a configuration and exit\n"
           "  --listen tcp:IP:PORT   where switches connect (repeatable;\n"
           "                         IPv6 as tcp:[::1]:6653; port 0 picks\n"
           "                         a free port); default %s\n"
           "  --state-dir DIR        directory for persistent state and the\n"
           "                         API token (created if missing);\n"
           "                         default %s\n"
           "  --log-level SPEC       e.g. info or info,conn=dbg; levels err,\n"
           "                         warn, info, dbg; modules ofcd, conn,\n"
           "                         switch, app, config, flowstore, l2,\n"
           "                         rest, static, vlan, router, arp,\n"
           "                         mirror\n"
           "  --pidfile FILE         write the process id to FILE\n"
           "  --echo-interval SEC    seconds between echo keepalives "
           "(default 5)\n"
           "  --echo-misses N        unanswered echoes before disconnecting\n"
           "                         (default 3)\n"
           "  --rest IP:PORT|none    REST API address (port 0 picks a free\n"
           "                         one); default %s\n"
           "  --list-routes          print the REST routes and exit\n"
           "  --help                 show this help and exit\n"
           "  --version              show the version and exit\n"
           "\n"
           "Signals: SIGTERM/SIGINT exit, leaving the flows on the "
           "switches;\n"
           "SIGHUP re-reads --config; SIGUSR1 logs the counters.\n",
           OFC_CONFIG_DEFAULT_FILE, DEFAULT_LISTEN, DEFAULT_STATE_DIR,
           OFC_REST_DEFAULT_ADDR);
}

/* Reports a bad argument and exits with status 2. */
static void __attribute__((noreturn, format(printf, 1, 2)))
usage_error(const char *format, ...)
{
    va_list args;
    fputs("ofcd: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputs(" (try --help)\n", stderr);
    exit(2);
}

/* Parses a decimal integer in [min, max] for option 'name'. */
static int
parse_int(const char *name, const char *s, int min, int max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max) {
        usage_error("--%s: '%s' is not an integer from %d to %d", name, s,
                    min, max);
    }
    return (int) v;
}

/* Parses the command line into 'opts'. */
static void
parse_options(int argc, char *argv[])
{
    enum {
        OPT_CONFIG = UCHAR_MAX + 1, OPT_LISTEN, OPT_STATE_DIR, OPT_LOG_LEVEL,
        OPT_PIDFILE, OPT_ECHO_INTERVAL, OPT_ECHO_MISSES, OPT_HELP,
        OPT_VERSION, OPT_REST, OPT_LIST_ROUTES, OPT_CHECK_CONFIG,
    };
    static const struct option long_options[] = {
        { "config", required_argument, NULL, OPT_CONFIG },
        { "listen", required_argument, NULL, OPT_LISTEN },
        { "state-dir", required_argument, NULL, OPT_STATE_DIR },
        { "log-level", required_argument, NULL, OPT_LOG_LEVEL },
        { "pidfile", required_argument, NULL, OPT_PIDFILE },
        { "echo-interval", required_argument, NULL, OPT_ECHO_INTERVAL },
        { "echo-misses", required_argument, NULL, OPT_ECHO_MISSES },
        { "rest", required_argument, NULL, OPT_REST },
        { "list-routes", no_argument, NULL, OPT_LIST_ROUTES },
        { "check-config", required_argument, NULL, OPT_CHECK_CONFIG },
        { "help", no_argument, NULL, OPT_HELP },
        { "version", no_argument, NULL, OPT_VERSION },
        { NULL, 0, NULL, 0 },
    };

    opts.echo_interval = 5;
    opts.echo_misses = 3;
    opts.rest = OFC_REST_DEFAULT_ADDR;
    opts.state_dir = DEFAULT_STATE_DIR;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, ":", long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case OPT_CONFIG:
            opts.config_file = optarg;
            break;
        case OPT_LISTEN:
            if (opts.n_listen >= MAX_LISTENERS) {
                usage_error("at most %d --listen options", MAX_LISTENERS);
            }
            opts.listen[opts.n_listen++] = optarg;
            break;
        case OPT_STATE_DIR:
            opts.state_dir = optarg;
            break;
        case OPT_LOG_LEVEL:
            opts.log_level = optarg;
            break;
        case OPT_PIDFILE:
            opts.pidfile = optarg;
            break;
        case OPT_ECHO_INTERVAL:
            opts.echo_interval = parse_int("echo-interval", optarg, 1, 3600);
            break;
        case OPT_ECHO_MISSES:
            opts.echo_misses = parse_int("echo-misses", optarg, 1, 1000);
            break;
        case OPT_REST:
            opts.rest = strcmp(optarg, "none") ? optarg : NULL;
            break;
        case OPT_CHECK_CONFIG:
            opts.config_file = optarg;
            opts.check_config = true;
            break;
        case OPT_LIST_ROUTES:
            opts.list_routes = true;
            break;
        case OPT_HELP:
            usage();
            exit(0);
        case OPT_VERSION:
            printf("ofcd (ofc) %s\n", PACKAGE_VERSION);
            exit(0);
        case ':':
            usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) {
        usage_error("unexpected argument '%s'", argv[optind]);
    }
    if (!opts.n_listen) {
        opts.listen[opts.n_listen++] = DEFAULT_LISTEN;
    }
    for (int i = 0; i < opts.n_listen; i++) {
        struct sockaddr_storage ss;
        socklen_t ss_len;
        char *error;
        if (ofc_listen_parse(opts.listen[i], &ss, &ss_len, &error)) {
            usage_error("--listen: %s", error);
        }
    }
    char *error;
    if (opts.rest && ofc_rest_parse_addr(opts.rest, &error)) {
        usage_error("--rest: %s", error);
    }
}

/* ---- REST. ----------------------------------------------------------- */

/* The route tables of the core; each app brings its own ('routes'). */
static const struct ofc_route *const core_routes[] = {
    ofc_rest_core_routes,
    ofc_rest_live_routes,
    ofc_rest_config_routes,
    NULL
};

/* --list-routes: prints "METHOD PATTERN" for every route of the core and
 * of every app (enabled or not), for operators and for the test that
 * checks the OpenAPI document. */
static void
list_routes(void)
{
    for (size_t i = 0; core_routes[i]; i++) {
        for (const struct ofc_route *r = core_routes[i]; r->method; r++) {
            printf("%s %s\n", r->method, r->pattern);
        }
    }
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_route *r = ofc_app_at(i)->routes;
        for (; r && r->method; r++) {
            printf("%s %s\n", r->method, r->pattern);
        }
    }
}

/* Mounts the core's routes and those of the enabled apps.  Returns 0 or
 * -1. */
static int
mount_routes(struct ofc_rest_server *server)
{
    for (size_t i = 0; core_routes[i]; i++) {
        if (ofc_rest_add_routes(server, core_routes[i])) {
            return -1;
        }
    }
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (ofc_app_enabled(app) && ofc_rest_add_routes(server, app->routes)) {
            return -1;
        }
    }
    return 0;
}

/* Gives the REST server its token: the configuration's "api_token", else
 * the state directory's token file.  Returns 0 or an errno with '*error'
 * set; on failure the server keeps its token. */
static int
apply_token(char **error)
{
    *error = NULL;
    if (!rest_server) {
        return 0;
    }
    const json_t *config = ofc_config_running();
    const json_t *t = config ? json_object_get(config, "api_token") : NULL;
    char *token;
    int err = ofc_rest_token_get(json_string_value(t), &token, error);
    if (!err) {
        ofc_rest_server_set_token(rest_server, token);
        free(token);
    }
    return err;
}

/* Runs the 'restore' slot of every enabled app (their durable state).
 * Returns 0, or -1 with '*error' set. */
static int
restore_apps(char **error)
{
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (ofc_app_enabled(app) && app->restore && app->restore(error)) {
            return -1;
        }
    }
    return 0;
}

/* ---- Configuration. -------------------------------------------------- */

/* SIGHUP: re-reads the configuration; a bad one is rejected and the
 * running one kept. */
static void
reload_config(void)
{
    char *error;
    if (ofc_config_reload(&error)) {
        OFC_ERR(OFC_LOG_CONFIG, OFC_NO_DPID,
                "SIGHUP: rejected new configuration: %s; keeping the "
                "running configuration", error);
        free(error);
        return;
    }
    OFC_INFO(OFC_LOG_CONFIG, OFC_NO_DPID, "SIGHUP: reloaded %s",
             ofc_config_file());
}

/* After every applied configuration: the API token may have changed. */
static void
config_applied(void)
{
    char *error;
    if (apply_token(&error)) {
        OFC_ERR(OFC_LOG_CONFIG, OFC_NO_DPID, "keeping the old API token: "
                "%s", error);
        free(error);
    }
}

/* ---- Process. -------------------------------------------------------- */

/* Writes the pidfile; exits on failure. */
static void
write_pidfile(const char *file)
{
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", (long) getpid());
    if (fd < 0 || write(fd, buf, n) != n || close(fd)) {
        fprintf(stderr, "ofcd: cannot write pidfile %s: %s\n", file,
                strerror(errno));
        exit(1);
    }
    pidfile_written = true;
}

/* Logs the switch count and the counters. */
static void
log_stats(void)
{
    ofc_stats_log(ofc_switch_count(), ofc_switch_count_ready(),
                  ofc_conn_count());
    ofc_l2_log_stats();
}

/* Handles SIGTERM, SIGINT, SIGHUP and SIGUSR1 from the event loop. */
static void
signal_cb(evutil_socket_t sig, short what, void *arg)
{
    switch (sig) {
    case SIGTERM:
    case SIGINT:
        OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID,
                 "%s: exiting; flows on the switches are left in place",
                 sig == SIGTERM ? "SIGTERM" : "SIGINT");
        event_base_loopbreak(base);
        break;
    case SIGHUP:
        reload_config();
        break;
    case SIGUSR1:
        log_stats();
        break;
    }
}

int
main(int argc, char *argv[])
{
    static const int signals[] = { SIGTERM, SIGINT, SIGHUP, SIGUSR1 };
    struct event *sig_evs[sizeof signals / sizeof signals[0]];
    char *error;

    parse_options(argc, argv);
    signal(SIGPIPE, SIG_IGN);

    if (ofc_apps_init(ofcd_apps)) {
        return 1;
    }
    if (opts.list_routes) {
        list_routes();
        return 0;
    }
    if (opts.log_level && ofc_log_set_levels(opts.log_level, &error)) {
        usage_error("--log-level: %s", error);
    }
    ofc_config_set_file(opts.config_file ? opts.config_file
                        : OFC_CONFIG_DEFAULT_FILE, opts.config_file != NULL);
    json_t *config;
    if (ofc_config_read(ofc_config_file(), &config, &error)) {
        fprintf(stderr, "ofcd: bad configuration: %s\n", error);
        free(error);
        return 1;
    }
    if (opts.check_config) {
        int err = ofc_config_check(config ? config : json_object(),
                                   ofc_config_file(), &error);
        if (err) {
            fprintf(stderr, "ofcd: %s\n", error);
        } else {
            printf("%s: ok\n", ofc_config_file());
        }
        free(error);
        json_decref(config);
        return err ? 1 : 0;
    }
    if (ofc_config_apply(config, ofc_config_file(), true, &error)) {
        fprintf(stderr, "ofcd: bad configuration: %s\n", error);
        free(error);
        json_decref(config);
        return 1;
    }
    json_decref(config);
    /* The command line wins over the file at startup. */
    if (opts.log_level) {
        ofc_log_set_levels(opts.log_level, &error);
    }
    if (ofc_state_open(opts.state_dir, &error) || restore_apps(&error)) {
        fprintf(stderr, "ofcd: %s\n", error);
        free(error);
        ofc_config_destroy();
        ofc_state_close();
        return 1;
    }

    /* Two priorities: the REST server's events run first (0), everything
     * else at 1; after OFC_LOOP_FAIR_CALLBACKS switch callbacks the loop
     * looks for REST work again, so an operator's request waits for a
     * handful of busy switches, not for all of them. */
    struct event_config *cfg = event_config_new();
    if (cfg) {
        event_config_set_max_dispatch_interval(cfg, NULL,
                                               OFC_LOOP_FAIR_CALLBACKS, 1);
        base = event_base_new_with_config(cfg);
        event_config_free(cfg);
    }
    if (base) {
        event_base_priority_init(base, 2);
    }
    if (!base) {
        fputs("ofcd: cannot create the event loop\n", stderr);
        return 1;
    }
    struct ofc_conn_options conn_opts = {
        .echo_interval = opts.echo_interval,
        .echo_misses = opts.echo_misses,
    };
    ofc_switches_init();
    ofc_conn_init(base, &conn_opts);
    for (int i = 0; i < opts.n_listen; i++) {
        if (ofc_listener_open(opts.listen[i], &error)) {
            fprintf(stderr, "ofcd: %s\n", error);
            free(error);
            ofc_conn_shutdown();
            ofc_switches_destroy();
            event_base_free(base);
            ofc_config_destroy();
            return 1;
        }
    }
    if (opts.rest) {
        error = NULL;
        rest_server = ofc_rest_server_create(base, opts.rest, &error);
        if (rest_server && mount_routes(rest_server)) {
            error = ofc_xasprintf("rest: cannot mount the routes");
        } else if (rest_server) {
            apply_token(&error);
        }
        if (error) {
            ofc_rest_server_destroy(rest_server);
            fprintf(stderr, "ofcd: %s\n", error);
            free(error);
            ofc_conn_shutdown();
            ofc_switches_destroy();
            event_base_free(base);
            ofc_config_destroy();
            return 1;
        }
    }
    ofc_config_set_applied_hook(config_applied);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sig_evs[i] = evsignal_new(base, signals[i], signal_cb, NULL);
        event_add(sig_evs[i], NULL);
    }
    if (opts.pidfile) {
        write_pidfile(opts.pidfile);
    }
    char app_names[256] = "";
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (ofc_app_enabled(app)) {
            size_t n = strlen(app_names);
            snprintf(app_names + n, sizeof app_names - n, "%s%s",
                     n ? "," : "", app->name);
        }
    }
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID,
             "ofcd %s started (pid %ld, apps: %s, echo every %d s, "
             "disconnect after %d misses)", PACKAGE_VERSION,
             (long) getpid(), app_names[0] ? app_names : "none",
             opts.echo_interval, opts.echo_misses);

    ofc_loop_lag_start(base);
    event_base_dispatch(base);

    /* Connections first: their pending replies answer deferred REST
     * requests, which the server then still sends. */
    ofc_loop_lag_stop();
    ofc_conn_shutdown();
    ofc_rest_server_destroy(rest_server);
    ofc_switches_destroy();
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        event_free(sig_evs[i]);
    }
    event_base_free(base);
    libevent_global_shutdown();
    ofc_config_destroy();
    ofc_state_close();
    if (pidfile_written) {
        unlink(opts.pidfile);
    }
    OFC_INFO(OFC_LOG_MAIN, OFC_NO_DPID, "exited cleanly");
    return 0;
}
