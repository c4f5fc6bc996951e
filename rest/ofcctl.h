/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef REST_OFCCTL_H
#define REST_OFCCTL_H 1

#include <stdbool.h>

/* ofcctl: the operator's command-line tool.
 *
 * ofcctl.c parses the global options and dispatches to one handler per
 * command through a static command table.  Each command lives in a file of
 * its own (ofcctl-decode.c; the REST client commands in ofcctl-cmds.c,
 * ofcctl-config.c, ofcctl-mirror.c and ofcctl-arp.c, over the shared
 * helpers of ofcctl-client.c, ofcctl-http.c and ofcctl-table.c) and only
 * needs a handler with the signature below plus a row in the table.
 * Global options (--url, --json, ...) may appear before or after the
 * command; handlers read them through ofcctl_options() and parse their own
 * options (--table N).
 *
 * Exit statuses are shared by every command. */

/* Exit statuses. */
#define OFCCTL_EXIT_OK 0
#define OFCCTL_EXIT_FAILURE 1       /* The command ran and failed. */
#define OFCCTL_EXIT_USAGE 2         /* Bad command line. */

/* A command handler.  'argv[0]' is the command name and 'argv[1..argc-1]'
 * its arguments; the table has already checked their count.  Returns one of
 * the OFCCTL_EXIT_* statuses. */
typedef int ofcctl_handler(int argc, char *argv[]);

/* One row of the command table. */
struct ofcctl_command {
    const char *name;           /* "decode". */
    const char *usage;          /* Argument synopsis: "HEX...|-". */
    const char *help;           /* One-line description. */
    int min_args;               /* Not counting the command name. */
    int max_args;               /* -1 for no limit. */
    ofcctl_handler *handler;
};

/* Prints "ofcctl: " and the formatted message to stderr, on one line, with
 * every control character replaced (see ofcctl_sanitize()): messages may
 * quote the server or the command line. */
void ofcctl_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Prints a usage error for the command line to stderr (sanitized like
 * ofcctl_error()) and returns OFCCTL_EXIT_USAGE, so handlers can
 * 'return ofcctl_usage_error(...)'. */
int ofcctl_usage_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Replaces, in place, every control byte of 's' (iscntrl(): C0 and DEL)
 * and every UTF-8 encoded C1 control (U+0080 to U+009F) with '?', except
 * the characters in 'keep' (such as "\n"; NULL for none), so that text
 * from the server or the command line cannot drive the terminal.  Returns
 * 's'. */
char *ofcctl_sanitize(char *s, const char *keep);

/* Global options, parsed by ofcctl.c before any handler runs. */
struct ofcctl_options {
    const char *url;            /* Base URL: --url, $OFC_URL or default. */
    const char *token;          /* --token or $OFC_TOKEN, else NULL (an
                                 * empty one counts as none). */
    const char *token_source;   /* "--token" or "$OFC_TOKEN", if 'token'. */
    const char *state_dir;      /* --state-dir (holds "api-token"). */
    bool json;                  /* --json: print the server's JSON. */
    double timeout;             /* --timeout, in seconds (> 0). */
};

#define OFCCTL_DEFAULT_URL "http://127.0.0.1:8080"
#define OFCCTL_DEFAULT_STATE_DIR "/var/lib/ofc"
/* Longer than the server's own 10 s deadline for a switch's answer, so
 * that the client sees the server's 504 rather than its own timeout. */
#define OFCCTL_DEFAULT_TIMEOUT 15.0

/* Returns the table row of command 'name', or NULL (handlers use it for
 * their synopsis in usage errors). */
const struct ofcctl_command *ofcctl_find_command(const char *name);

/* The global options in effect (valid once main() parsed them). */
const struct ofcctl_options *ofcctl_options(void);

/* Command handlers. */
int ofcctl_decode(int argc, char *argv[]);          /* ofcctl-decode.c */

/* The REST client commands (ofcctl-cmds.c). */
int ofcctl_switches(int argc, char *argv[]);
int ofcctl_ports(int argc, char *argv[]);
int ofcctl_flows(int argc, char *argv[]);
int ofcctl_hosts(int argc, char *argv[]);
int ofcctl_add_flow(int argc, char *argv[]);
int ofcctl_del_flow(int argc, char *argv[]);
int ofcctl_apps(int argc, char *argv[]);
int ofcctl_metrics(int argc, char *argv[]);

/* The configuration and VLAN commands (ofcctl-config.c). */
int ofcctl_config(int argc, char *argv[]);
int ofcctl_vlans(int argc, char *argv[]);

/* The port mirroring commands (ofcctl-mirror.c). */
int ofcctl_mirrors(int argc, char *argv[]);

/* The ARP rule commands (ofcctl-arp.c). */
int ofcctl_arp_rules(int argc, char *argv[]);

#endif /* rest/ofcctl.h */
