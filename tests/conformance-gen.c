/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Prints the shared conformance cases for tests/test-conformance.py, and
 * decodes hex messages for tests/test-ovs-ofctl-encode.py.
 *
 *   conformance-gen
 *       For every case of tests/conf-*.c, one line per message it holds:
 *       "NAME<TAB>HEX<TAB>TEXT", where TEXT is our ofp_format() of the
 *       decoded message, or "!decode error: OFPxxx" if it does not decode.
 *       A case that holds several messages (a multipart reply the encoder
 *       split) gives one line per message, named "NAME/partN".
 *
 *   conformance-gen --decode HEX...
 *   conformance-gen --decode -          (one HEX per line on stdin)
 *       Decodes each HEX (one or more whole messages) and prints one line
 *       per message: our ofp_format() text, or "!decode error: OFPxxx".
 *
 * Tabs and newlines in a formatted text are printed as "\t" and "\n" so
 * that every message stays on one line; the comparison then fails visibly
 * if a formatter produced them. */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-msgs.h"
#include "tests/conformance.h"

/* Prints 'text' with tabs and newlines escaped. */
static void
put_escaped(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            fputs("\\n", stdout);
        } else if (*p == '\t') {
            fputs("\\t", stdout);
        } else {
            putchar(*p);
        }
    }
}

/* Prints our text for the single message at 'msg' ('len' bytes). */
static void
put_decoded(const uint8_t *msg, size_t len)
{
    struct ofp_arena arena;
    struct ofp_msg decoded;
    enum ofperr error;

    ofp_arena_init(&arena);
    error = ofp_decode(msg, len, &arena, &decoded);
    if (error) {
        printf("!decode error: %s", ofperr_name(error));
    } else {
        struct ofp_ds ds = OFP_DS_INITIALIZER;

        ofp_format(&decoded, &ds);
        put_escaped(ds.string ? ds.string : "");
        ofp_ds_destroy(&ds);
    }
    ofp_arena_destroy(&arena);
}

/* Returns the length of the message starting at 'data' with 'avail' bytes
 * available, or 0 if its header is missing or inconsistent. */
static size_t
message_len(const uint8_t *data, size_t avail)
{
    size_t len;

    if (avail < OFP_HEADER_LEN) {
        return 0;
    }
    len = ofp_get_be16(data + 2);
    return len >= OFP_HEADER_LEN && len <= avail ? len : 0;
}

/* Prints 'n' bytes as lowercase hex. */
static void
put_hex(const uint8_t *data, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", data[i]);
    }
}

/* conf_emit_fn: prints one line per message of the case. */
static void
emit_case(const char *name, const struct ofpbuf *buf)
{
    size_t n_msgs = 0;

    for (size_t ofs = 0, len; ofs < buf->size; ofs += len) {
        len = message_len(buf->data + ofs, buf->size - ofs);
        if (!len) {
            break;
        }
        n_msgs++;
    }
    if (!n_msgs) {
        /* Not even one well-formed header: show it so the driver fails. */
        printf("%s\t", name);
        put_hex(buf->data, buf->size);
        printf("\t!malformed case: no whole message\n");
        return;
    }

    size_t ofs = 0;
    for (size_t i = 0; i < n_msgs; i++) {
        size_t len = message_len(buf->data + ofs, buf->size - ofs);

        if (n_msgs > 1) {
            printf("%s/part%zu\t", name, i + 1);
        } else {
            printf("%s\t", name);
        }
        put_hex(buf->data + ofs, len);
        putchar('\t');
        put_decoded(buf->data + ofs, len);
        putchar('\n');
        ofs += len;
    }
    if (ofs != buf->size) {
        printf("%s/trailing\t", name);
        put_hex(buf->data + ofs, buf->size - ofs);
        printf("\t!malformed case: %zu trailing bytes\n", buf->size - ofs);
    }
}

/* Parses hex digits (whitespace ignored) from 'hex' into 'out'.  Returns
 * false on a stray character or an odd number of digits. */
static bool
parse_hex(const char *hex, struct ofpbuf *out)
{
    int hi = -1;

    for (const char *p = hex; *p; p++) {
        int v;

        if (isspace((unsigned char) *p)) {
            continue;
        } else if (isdigit((unsigned char) *p)) {
            v = *p - '0';
        } else if (isxdigit((unsigned char) *p)) {
            v = tolower((unsigned char) *p) - 'a' + 10;
        } else {
            return false;
        }
        if (hi < 0) {
            hi = v;
        } else {
            ofpbuf_put_u8(out, (uint8_t) (hi << 4 | v));
            hi = -1;
        }
    }
    return hi < 0;
}

/* Decodes one hex string and prints one line per message in it. */
static void
decode_hex(const char *hex)
{
    struct ofpbuf buf = OFPBUF_INITIALIZER;

    if (!parse_hex(hex, &buf)) {
        puts("!bad hex");
    } else if (!buf.size) {
        puts("!empty");
    } else {
        size_t ofs = 0;

        while (ofs < buf.size) {
            size_t len = message_len(buf.data + ofs, buf.size - ofs);
            if (!len) {
                puts("!decode error: bad header or length");
                break;
            }
            put_decoded(buf.data + ofs, len);
            putchar('\n');
            ofs += len;
        }
    }
    ofpbuf_uninit(&buf);
}

/* Decodes every line of standard input as a hex string. */
static void
decode_stdin(void)
{
    char *line = NULL;
    size_t cap = 0;

    while (getline(&line, &cap, stdin) > 0) {
        decode_hex(line);
    }
    free(line);
}

int
main(int argc, char *argv[])
{
    if (argc > 1 && !strcmp(argv[1], "--decode")) {
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "-")) {
                decode_stdin();
            } else {
                decode_hex(argv[i]);
            }
        }
        return 0;
    } else if (argc > 1) {
        fprintf(stderr, "usage: %s [--decode HEX...|-]\n", argv[0]);
        return 2;
    }

    conf_match_cases(emit_case);
    conf_actions_cases(emit_case);
    conf_msgs_cases(emit_case);
    conf_multipart_cases(emit_case);
    return 0;
}
