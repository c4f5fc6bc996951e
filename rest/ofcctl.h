/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef REST_OFCCTL_H
#define REST_OFCCTL_H 1

/* ofcctl: the operator's command-line tool.
 *
 * ofcctl.c parses the global options and dispatches to one handler per
 * command through a static command table.  Each command lives in a file of
 * its own (ofcctl-decode.c today; the REST client commands later) and only
 * needs a handler with the signature below plus a row in the table.
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

/* Prints "ofcctl: " and the formatted message to stderr, on one line. */
void ofcctl_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Prints a usage error for the command line to stderr and returns
 * OFCCTL_EXIT_USAGE, so handlers can 'return ofcctl_usage_error(...)'. */
int ofcctl_usage_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Command handlers, one per file. */
int ofcctl_decode(int argc, char *argv[]);          /* ofcctl-decode.c */

#endif /* rest/ofcctl.h */
