/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H 1

/* A tiny TAP producer for the C test suites.  Each check prints
 * "ok N - what" or "not ok N - what"; scripts/check counts those lines.
 * tap_done() returns the exit status: nonzero if anything failed. */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline bool __attribute__((format(printf, 2, 3)))
tap_ok(bool ok, const char *fmt, ...)
{
    va_list args;
    printf("%sok %d - ", ok ? "" : "not ", ++tap_n);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
    fflush(stdout);
    if (!ok) {
        tap_failed++;
    }
    return ok;
}

/* Prints a diagnostic line that TAP consumers ignore. */
static inline void __attribute__((format(printf, 1, 2)))
tap_diag(const char *fmt, ...)
{
    va_list args;
    fputs("# ", stdout);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
}

static inline int
tap_done(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

/* Compares two strings and shows both on failure. */
#define TAP_STR_EQ(GOT, WANT, ...)                                      \
    do {                                                                \
        const char *got_ = (GOT), *want_ = (WANT);                      \
        if (!tap_ok(got_ && want_ && !strcmp(got_, want_), __VA_ARGS__)) { \
            tap_diag("   got: %s", got_ ? got_ : "(null)");             \
            tap_diag("  want: %s", want_ ? want_ : "(null)");           \
        }                                                               \
    } while (0)

/* Compares two integers and shows both on failure. */
#define TAP_INT_EQ(GOT, WANT, ...)                                      \
    do {                                                                \
        long long got_ = (long long) (GOT), want_ = (long long) (WANT); \
        if (!tap_ok(got_ == want_, __VA_ARGS__)) {                      \
            tap_diag("   got: %lld (0x%llx)", got_, (unsigned long long) got_); \
            tap_diag("  want: %lld (0x%llx)", want_, (unsigned long long) want_); \
        }                                                               \
    } while (0)

#endif /* tests/tap.h */
