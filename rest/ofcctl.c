/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's entry point: global options and the command table.  Adding a
 * command means writing its handler (declared in ofcctl.h) and adding one
 * row to 'commands' below. */

#include "rest/ofcctl.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

/* Every command ofcctl knows, in the order 'ofcctl --help' lists them.
 * The REST commands check their own arguments (they have options), so
 * their rows allow any count. */
static const struct ofcctl_command commands[] = {
    { "switches", "",
      "list the connected switches", 0, -1, ofcctl_switches },
    { "ports", "DPID",
      "list a switch's ports with their counters", 0, -1, ofcctl_ports },
    { "flows", "DPID [--table N] [--cookie V[/MASK]] [--app NAME]",
      "list a switch's flows (optionally one table's, one app's, or those\n"
      "      whose cookie equals V in the bits of MASK; V and MASK decimal"
      " or 0x-hex)",
      0, -1, ofcctl_flows },
    { "hosts", "[--dpid DPID] [--vlan VLAN] [--mac MAC] [--port PORT]",
      "list the hosts the L2 app learned (optionally filtered; PORT is"
      " a port\n      number or name)", 0, -1, ofcctl_hosts },
    { "add-flow", "DPID FLOW [--description TEXT]",
      "add a static flow (ovs-ofctl syntax); prints its id",
      0, -1, ofcctl_add_flow },
    { "del-flow", "DPID ID",
      "delete the static flow 'ID' of a switch", 0, -1, ofcctl_del_flow },
    { "apps", "",
      "list the controller's apps with their status", 0, -1, ofcctl_apps },
    { "metrics", "",
      "print the Prometheus metrics text", 0, -1, ofcctl_metrics },
    { "config", "get | set FILE | validate FILE",
      "print, replace (FILE '-': stdin) or check the configuration",
      1, 2, ofcctl_config },
    { "vlans", "",
      "list the VLANs with their member ports and hosts per switch",
      0, 0, ofcctl_vlans },
    { "mirrors", "list [--dpid DPID] | add DPID DEST [--ingress P]..."
      " [--egress P]... [--both P]... [--vlan VID]... [--description TEXT]"
      " | del ID",
      "list, add or delete port mirroring sessions (ports by number or"
      " name)", 1, -1, ofcctl_mirrors },
    { "arp-rules", "list | add [--sender-mac MAC] [--sender-mac-mask MASK]"
      " [--sender-ip CIDR] [--target-ip CIDR] [--op request|reply]"
      " [--in-port PORT] [--vlan VID] [--dpid DPID]... [--ttl SECONDS]"
      " [--description TEXT] | del ID",
      "list (with counters), add or delete ARP drop rules", 1, -1,
      ofcctl_arp_rules },
    { "decode", "HEX...|-",
      "print OpenFlow 1.3 messages given in hex ('-': hex lines on stdin)",
      1, -1, ofcctl_decode },
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

/* The global options; see ofcctl_options(). */
static struct ofcctl_options options = {
    .url = OFCCTL_DEFAULT_URL,
    .state_dir = OFCCTL_DEFAULT_STATE_DIR,
    .timeout = OFCCTL_DEFAULT_TIMEOUT,
};

const struct ofcctl_options *
ofcctl_options(void)
{
    return &options;
}

char *
ofcctl_sanitize(char *s, const char *keep)
{
    for (unsigned char *p = (unsigned char *) s; *p; p++) {
        if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            p[0] = p[1] = '?';
            p++;
        } else if (iscntrl(*p) && !(keep && strchr(keep, *p))) {
            *p = '?';
        }
    }
    return s;
}

/* Prints "ofcctl: ", the message 'format' + 'args' (sanitized) and
 * 'suffix' to stderr. */
static void
print_error(const char *suffix, const char *format, va_list args)
{
    char *msg = NULL;

    fflush(stdout);
    if (vasprintf(&msg, format, args) < 0) {
        msg = NULL;
    }
    fprintf(stderr, "ofcctl: %s%s\n",
            msg ? ofcctl_sanitize(msg, NULL) : "(out of memory)", suffix);
    free(msg);
}

void
ofcctl_error(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    print_error("", format, args);
    va_end(args);
}

int
ofcctl_usage_error(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    print_error(" (use --help for help)", format, args);
    va_end(args);
    return OFCCTL_EXIT_USAGE;
}

/* Prints the help text to stdout. */
static void
usage(void)
{
    printf("ofcctl: the ofc OpenFlow controller's command-line tool\n"
           "usage: ofcctl [OPTIONS] COMMAND [ARG...]\n"
           "\nCommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++) {
        const struct ofcctl_command *c = &commands[i];
        printf("  %s%s%s\n      %s\n", c->name, *c->usage ? " " : "",
               c->usage, c->help);
    }
    printf("\nDPID is 16 hex digits (leading zeros may be left out) or 8"
           " colon-separated\nhex bytes.  Hex input for decode may contain"
           " spaces, newlines and 0x\nprefixes; a buffer holding several"
           " concatenated messages prints each one.\n"
           "\nOptions (before or after the command):\n"
           "  --url URL          the REST API of ofcd,"
           " http://HOST[:PORT][/PATH] with HOST\n"
           "                     a name, an IPv4 address or [IPv6]"
           " (default $OFC_URL,\n"
           "                     else %s)\n"
           "  --token TOKEN      API token for changes (default $OFC_TOKEN,"
           " else the\n"
           "                     file api-token in the state directory;"
           " an empty\n"
           "                     TOKEN means none)\n"
           "  --state-dir DIR    ofcd's state directory (default %s)\n"
           "  --json             print the server's JSON instead of a"
           " table\n"
           "  --timeout SEC      give up on the server after SEC seconds"
           " (default %g;\n"
           "                     ofcd itself answers 504 after 10)\n"
           "  -h, --help         print this help and exit\n"
           "  -V, --version      print the version and exit\n"
           "\nExit status: 0 success, 1 failure (an error from the server,"
           " no server,\na malformed message), 2 usage error (including a"
           " malformed --url or token).\n",
           OFCCTL_DEFAULT_URL, OFCCTL_DEFAULT_STATE_DIR,
           OFCCTL_DEFAULT_TIMEOUT);
}

const struct ofcctl_command *
ofcctl_find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (!strcmp(commands[i].name, name)) {
            return &commands[i];
        }
    }
    return NULL;
}

/* The global options that take a value. */
static const char *const value_options[] = {
    "--url", "--token", "--state-dir", "--timeout", NULL,
};

/* If 'argv[*i]' is a global option, applies it (consuming its value from
 * "--opt=value" or the next argument, advancing '*i') and returns 1;
 * returns 0 if it is not one; returns -1 when ofcctl must exit with
 * '*status' (after a usage error, or after --help/--version). */
static int
global_option(int argc, char *argv[], int *i, int *status)
{
    const char *arg = argv[*i];

    if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
        usage();
        *status = OFCCTL_EXIT_OK;
        return -1;
    } else if (!strcmp(arg, "-V") || !strcmp(arg, "--version")) {
        printf("ofcctl (ofc) %s\n", PACKAGE_VERSION);
        *status = OFCCTL_EXIT_OK;
        return -1;
    } else if (!strcmp(arg, "--json")) {
        options.json = true;
        return 1;
    }

    for (const char *const *o = value_options; *o; o++) {
        size_t len = strlen(*o);
        const char *value;

        if (strncmp(arg, *o, len) || (arg[len] && arg[len] != '=')) {
            continue;
        }
        if (arg[len] == '=') {
            value = arg + len + 1;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            *status = ofcctl_usage_error("option '%s' needs a value", *o);
            return -1;
        }

        if (!strcmp(*o, "--url")) {
            options.url = value;
        } else if (!strcmp(*o, "--token")) {
            /* An empty token means none, like an empty $OFC_TOKEN. */
            options.token = *value ? value : NULL;
            options.token_source = "--token";
        } else if (!strcmp(*o, "--state-dir")) {
            options.state_dir = value;
        } else {
            char *end;
            errno = 0;
            double t = strtod(value, &end);
            if (errno || end == value || *end || !isfinite(t) || t <= 0
                || t > 86400) {
                *status = ofcctl_usage_error(
                    "--timeout: '%s' is not a number of seconds in"
                    " (0, 86400]", value);
                return -1;
            }
            options.timeout = t;
        }
        return 1;
    }
    return 0;
}

int
main(int argc, char *argv[])
{
    const char *env;
    int status;
    int i;

    env = getenv("OFC_URL");
    if (env && *env) {
        options.url = env;
    }
    env = getenv("OFC_TOKEN");
    if (env && *env) {
        options.token = env;
        options.token_source = "$OFC_TOKEN";
    }

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        int r = global_option(argc, argv, &i, &status);
        if (r < 0) {
            return status;
        } else if (!r) {
            return ofcctl_usage_error("unknown option '%s'", argv[i]);
        }
    }
    if (i >= argc) {
        return ofcctl_usage_error("missing command");
    }

    const struct ofcctl_command *c = ofcctl_find_command(argv[i]);
    if (!c) {
        return ofcctl_usage_error("unknown command '%s'", argv[i]);
    }

    /* Global options may follow the command too (up to a "--"); the
     * handler sees the rest, in order. */
    char **cmd_argv = calloc(argc - i + 1, sizeof *cmd_argv);
    int cmd_argc = 0;
    bool dashdash = false;
    if (!cmd_argv) {
        ofcctl_error("out of memory");
        return OFCCTL_EXIT_FAILURE;
    }
    cmd_argv[cmd_argc++] = argv[i];
    for (int j = i + 1; j < argc; j++) {
        if (!dashdash && !strcmp(argv[j], "--")) {
            dashdash = true;
        }
        if (!dashdash && argv[j][0] == '-' && argv[j][1]) {
            int r = global_option(argc, argv, &j, &status);
            if (r < 0) {
                free(cmd_argv);
                return status;
            } else if (r) {
                continue;
            }
        }
        cmd_argv[cmd_argc++] = argv[j];
    }

    int n_args = cmd_argc - 1;
    if (n_args < c->min_args) {
        free(cmd_argv);
        return ofcctl_usage_error("'%s' needs at least %d argument%s: %s %s",
                                  c->name, c->min_args,
                                  c->min_args == 1 ? "" : "s",
                                  c->name, c->usage);
    }
    if (c->max_args >= 0 && n_args > c->max_args) {
        free(cmd_argv);
        return ofcctl_usage_error("'%s' takes at most %d argument%s",
                                  c->name, c->max_args,
                                  c->max_args == 1 ? "" : "s");
    }

    status = c->handler(cmd_argc, cmd_argv);
    free(cmd_argv);
    if (fflush(stdout) || ferror(stdout)) {
        ofcctl_error("error writing output");
        return OFCCTL_EXIT_FAILURE;
    }
    return status;
}
