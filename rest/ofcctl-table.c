/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Aligned text tables for ofcctl (see ofcctl-table.h). */

#include "rest/ofcctl-table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rest/ofcctl.h"

/* Exits after an allocation failure (a CLI has nothing better to do). */
static void *
xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p) {
        ofcctl_error("out of memory");
        exit(OFCCTL_EXIT_FAILURE);
    }
    return p;
}

void
ofcctl_table_init(struct ofcctl_table *t,
                  const struct ofcctl_column *columns, size_t n)
{
    memset(t, 0, sizeof *t);
    t->columns = columns;
    t->n_columns = n;
}

void
ofcctl_table_cell(struct ofcctl_table *t, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    int len = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (len < 0) {
        len = 0;
    }

    char *cell = xrealloc(NULL, len + 1);
    va_start(args, format);
    vsnprintf(cell, len + 1, format, args);
    va_end(args);
    for (char *p = cell; *p; p++) {
        if (*p == '\n' || *p == '\t' || *p == '\r') {
            *p = ' ';
        }
    }
    ofcctl_sanitize(cell, NULL);

    if (t->n_cells >= t->allocated) {
        t->allocated = t->allocated ? 2 * t->allocated : 64;
        t->cells = xrealloc(t->cells, t->allocated * sizeof *t->cells);
    }
    t->cells[t->n_cells++] = cell;
}

/* Returns the cell at 'row', 'col', or "" past the last cell. */
static const char *
cell_at(const struct ofcctl_table *t, size_t row, size_t col)
{
    size_t i = row * t->n_columns + col;
    return i < t->n_cells ? t->cells[i] : "";
}

/* Prints one line: 'get' returns the text of column 'col'. */
static void
print_line(const struct ofcctl_table *t, const size_t *widths, FILE *stream,
           const char *(*get)(const struct ofcctl_table *, size_t row,
                              size_t col),
           size_t row)
{
    for (size_t col = 0; col < t->n_columns; col++) {
        const char *text = get(t, row, col);
        int pad = (int) (widths[col] - strlen(text));
        bool last = col + 1 == t->n_columns;

        if (col) {
            fputs("  ", stream);
        }
        if (t->columns[col].right) {
            fprintf(stream, "%*s%s", pad, "", text);
        } else {
            fprintf(stream, "%s%*s", text, last ? 0 : pad, "");
        }
    }
    fputc('\n', stream);
}

/* print_line() helper for the header line. */
static const char *
header_at(const struct ofcctl_table *t, size_t row, size_t col)
{
    (void) row;
    return t->columns[col].header;
}

void
ofcctl_table_print(const struct ofcctl_table *t, FILE *stream)
{
    size_t n_rows = (t->n_cells + t->n_columns - 1) / t->n_columns;
    size_t *widths = calloc(t->n_columns + 1, sizeof *widths);
    if (!widths) {
        ofcctl_error("out of memory");
        exit(OFCCTL_EXIT_FAILURE);
    }

    for (size_t col = 0; col < t->n_columns; col++) {
        widths[col] = strlen(t->columns[col].header);
        for (size_t row = 0; row < n_rows; row++) {
            size_t len = strlen(cell_at(t, row, col));
            if (len > widths[col]) {
                widths[col] = len;
            }
        }
    }

    print_line(t, widths, stream, header_at, 0);
    for (size_t row = 0; row < n_rows; row++) {
        print_line(t, widths, stream, cell_at, row);
    }
    free(widths);
}

void
ofcctl_table_destroy(struct ofcctl_table *t)
{
    for (size_t i = 0; i < t->n_cells; i++) {
        free(t->cells[i]);
    }
    free(t->cells);
    memset(t, 0, sizeof *t);
}
