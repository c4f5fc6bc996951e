/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef REST_OFCCTL_TABLE_H
#define REST_OFCCTL_TABLE_H 1

/* Aligned text tables for ofcctl's human-readable output: a header line and
 * one line per row, every column as wide as its widest cell, two spaces
 * between columns, no trailing blanks.
 *
 * Usage: ofcctl_table_init() with the columns, then ofcctl_table_cell()
 * once per cell, row after row (a row ends after its last column's cell),
 * then ofcctl_table_print() and ofcctl_table_destroy(). */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One column. */
struct ofcctl_column {
    const char *header;         /* "DPID". */
    bool right;                 /* Right-align (numbers). */
};

/* A table being filled.  Owns its cells. */
struct ofcctl_table {
    const struct ofcctl_column *columns;    /* Not owned. */
    size_t n_columns;
    char **cells;               /* Row-major, n_cells of them. */
    size_t n_cells, allocated;
};

/* Initializes 't' with the 'n' columns 'columns' (which must outlive it). */
void ofcctl_table_init(struct ofcctl_table *t,
                       const struct ofcctl_column *columns, size_t n);
/* Appends one cell, printf-style.  Newlines, tabs and carriage returns
 * become spaces so that a row stays on one line, and every other control
 * character becomes '?' (ofcctl_sanitize()) so that a cell cannot drive
 * the terminal. */
void ofcctl_table_cell(struct ofcctl_table *t, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints the table to 'stream' (an unfinished last row is padded with
 * empty cells). */
void ofcctl_table_print(const struct ofcctl_table *t, FILE *stream);
/* Frees the cells. */
void ofcctl_table_destroy(struct ofcctl_table *t);

#endif /* rest/ofcctl-table.h */
