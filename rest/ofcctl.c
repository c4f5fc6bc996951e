/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ofcctl's entry point: global options and the command table.  Adding a
 * command means writing its handler (declared in ofcctl.h) and adding one
 * row to 'commands' below. */

#include "rest/ofcctl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

/* Every command ofcctl knows, in the order 'ofcctl --help' lists them. */
static const struct ofcctl_command commands[] = {
    { "decode", "HEX...|-",
      "print OpenFlow 1.3 messages given in hex ('-': hex lines on stdin)",
      1, -1, ofcctl_decode },
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

void
ofcctl_error(const char *format, ...)
{
    va_list args;

    fflush(stdout);
    fputs("ofcctl: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

int
ofcctl_usage_error(const char *format, ...)
{
    va_list args;

    fflush(stdout);
    fputs("ofcctl: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputs(" (use --help for help)\n", stderr);
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
        printf("  %s %s\n      %s\n", c->name, c->usage, c->help);
    }
    printf("\nHex input for decode may contain spaces, newlines and 0x"
           " prefixes; a buffer\nholding several concatenated messages"
           " prints each one.\n"
           "\nOptions:\n"
           "  -h, --help     print this help and exit\n"
           "  -V, --version  print the version and exit\n"
           "\nExit status: 0 success, 1 failure (e.g. a malformed message),"
           " 2 usage error.\n");
}

/* Returns the table row named 'name', or NULL. */
static const struct ofcctl_command *
find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (!strcmp(commands[i].name, name)) {
            return &commands[i];
        }
    }
    return NULL;
}

int
main(int argc, char *argv[])
{
    int i;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *opt = argv[i];
        if (!strcmp(opt, "--")) {
            i++;
            break;
        } else if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
            usage();
            return OFCCTL_EXIT_OK;
        } else if (!strcmp(opt, "-V") || !strcmp(opt, "--version")) {
            printf("ofcctl (ofc) %s\n", PACKAGE_VERSION);
            return OFCCTL_EXIT_OK;
        } else {
            return ofcctl_usage_error("unknown option '%s'", opt);
        }
    }
    if (i >= argc) {
        return ofcctl_usage_error("missing command");
    }

    const struct ofcctl_command *c = find_command(argv[i]);
    if (!c) {
        return ofcctl_usage_error("unknown command '%s'", argv[i]);
    }
    int n_args = argc - i - 1;
    if (n_args < c->min_args) {
        return ofcctl_usage_error("'%s' needs at least %d argument%s: %s %s",
                                  c->name, c->min_args,
                                  c->min_args == 1 ? "" : "s",
                                  c->name, c->usage);
    }
    if (c->max_args >= 0 && n_args > c->max_args) {
        return ofcctl_usage_error("'%s' takes at most %d argument%s",
                                  c->name, c->max_args,
                                  c->max_args == 1 ? "" : "s");
    }

    int status = c->handler(n_args + 1, &argv[i]);
    if (fflush(stdout) || ferror(stdout)) {
        ofcctl_error("error writing output");
        return OFCCTL_EXIT_FAILURE;
    }
    return status;
}
