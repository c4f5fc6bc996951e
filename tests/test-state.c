/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for the durable state files (controller/state.c): round
 * trips, file and directory modes, the .prev copy, corrupt files (left in
 * place and named in the message with their previous copy), missing
 * files, leftover temporary files and failing saves.  Everything happens
 * in a fresh directory under /tmp that is removed at the end. */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "controller/state.h"
#include "controller/util.h"
#include "tests/tap.h"

/* The test's temporary directory and the state directory inside it. */
static char top[] = "/tmp/ofc-test-state-XXXXXX";
static char *dir;

/* nftw() callback: removes one entry of the temporary tree. */
static int
rm_entry(const char *path, const struct stat *st, int flag,
         struct FTW *ftw)
{
    return remove(path);
}

/* Returns the malloc'ed path of 'name' in the state directory. */
static char *
path_of(const char *name)
{
    return ofc_xasprintf("%s/%s", dir, name);
}

/* Returns the malloc'ed contents of file 'name' in the state directory,
 * or NULL if it cannot be read. */
static char *
slurp(const char *name)
{
    char *path = path_of(name);
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t size = 0;

    free(path);
    if (!f) {
        return NULL;
    }
    FILE *mem = open_memstream(&buf, &size);
    int c;
    while ((c = getc(f)) != EOF) {
        putc(c, mem);
    }
    fclose(mem);
    fclose(f);
    return buf;
}

/* Writes 'text' as file 'name' in the state directory. */
static void
spew(const char *name, const char *text)
{
    char *path = path_of(name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    free(path);
}

/* Returns the permission bits of 'path', or -1 if it cannot be stat'ed. */
static int
mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -1 : (int) (st.st_mode & 07777);
}

/* Returns the number of entries in the state directory whose name
 * contains ".tmp", and the total number of entries in '*total'. */
static int
count_tmp(int *total)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    *total = 0;
    if (!d) {
        return -1;
    }
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
            ++*total;
            n += strstr(de->d_name, ".tmp") != NULL;
        }
    }
    closedir(d);
    return n;
}

/* Returns true if 's' contains 'needle' (both may be NULL). */
static bool
contains(const char *s, const char *needle)
{
    return s && needle && strstr(s, needle);
}

/* Loads the .prev copy of 'name' through the module by loading a copy of
 * it under another name; returns the data or NULL. */
static json_t *
load_prev(const char *name)
{
    char *prev_name = ofc_xasprintf("%s.prev", name);
    char *text = slurp(prev_name);
    json_t *doc = NULL;
    char *error;

    if (text) {
        spew("prev-copy.json", text);
        if (ofc_state_load("prev-copy.json", &doc, &error)) {
            tap_diag("%s", error);
            free(error);
        }
        char *copy = path_of("prev-copy.json");
        unlink(copy);
        free(copy);
    }
    free(text);
    free(prev_name);
    return doc;
}

/* Round trips, modes, .prev and temporary files. */
static void
test_round_trip(void)
{
    json_t *v1 = json_pack("{s:[{s:i,s:s}]}", "flows", "priority", 100,
                           "actions", "output:1");
    json_t *v2 = json_pack("{s:[]}", "flows");
    json_t *doc;
    char *error, *path;
    int err, total;

    err = ofc_state_load("flows.json", &doc, &error);
    TAP_INT_EQ(err, 0, "missing file loads without error");
    tap_ok(doc == NULL && error == NULL, "missing file gives a NULL doc");

    err = ofc_state_save("flows.json", v1, &error);
    TAP_INT_EQ(err, 0, "first save succeeds");
    if (err) {
        tap_diag("%s", error);
        free(error);
    }
    path = path_of("flows.json");
    TAP_INT_EQ(mode_of(path), 0600, "state file has mode 0600");
    free(path);
    path = path_of("flows.json.prev");
    TAP_INT_EQ(mode_of(path), -1, "first save makes no .prev");
    free(path);

    err = ofc_state_load("flows.json", &doc, &error);
    TAP_INT_EQ(err, 0, "load after save succeeds");
    tap_ok(doc && json_equal(doc, v1), "loaded document equals the saved");
    json_decref(doc);

    char *text = slurp("flows.json");
    tap_ok(contains(text, "\"version\": 1"), "file carries version 1");
    free(text);

    err = ofc_state_save("flows.json", v2, &error);
    TAP_INT_EQ(err, 0, "second save succeeds");
    err = ofc_state_load("flows.json", &doc, &error);
    tap_ok(!err && doc && json_equal(doc, v2),
           "load after second save gives the second version");
    json_decref(doc);

    doc = load_prev("flows.json");
    tap_ok(doc && json_equal(doc, v1), ".prev holds the first version");
    json_decref(doc);
    path = path_of("flows.json.prev");
    TAP_INT_EQ(mode_of(path), 0600, ".prev has mode 0600");
    free(path);

    TAP_INT_EQ(count_tmp(&total), 0, "no temporary files after saves");
    TAP_INT_EQ(total, 2, "directory holds only the file and its .prev");

    json_decref(v1);
    json_decref(v2);
}

/* One corrupt-file case: 'content' replaces a file that has a good .prev;
 * 'why' must appear in the message. */
static void
test_corrupt_case(const char *label, const char *content, const char *why)
{
    json_t *good = json_pack("{s:i}", "n", 1);
    json_t *doc = (json_t *) 1;
    char *error = NULL;
    char *path = path_of("c.json");
    char *prev = path_of("c.json.prev");
    int err;

    ofc_state_save("c.json", good, &error);
    free(error);
    ofc_state_save("c.json", good, &error);
    free(error);
    spew("c.json", content);

    err = ofc_state_load("c.json", &doc, &error);
    TAP_INT_EQ(err, EINVAL, "%s: load gives EINVAL", label);
    tap_ok(doc == NULL, "%s: no document", label);
    tap_ok(contains(error, path) && contains(error, "corrupt"),
           "%s: message names the file", label);
    tap_ok(contains(error, prev), "%s: message names the .prev copy",
           label);
    tap_ok(contains(error, why), "%s: message says \"%s\"", label, why);
    tap_diag("%s", error ? error : "(no message)");
    free(error);

    char *text = slurp("c.json");
    TAP_STR_EQ(text, content, "%s: corrupt file is left in place", label);
    free(text);

    /* A save over the corrupt file must not replace the good .prev. */
    json_t *next = json_pack("{s:i}", "n", 2);
    err = ofc_state_save("c.json", next, &error);
    TAP_INT_EQ(err, 0, "%s: save over the corrupt file works", label);
    doc = load_prev("c.json");
    tap_ok(doc && json_equal(doc, good),
           "%s: .prev still holds the last good version", label);
    json_decref(doc);
    json_decref(next);

    json_decref(good);
    free(path);
    free(prev);
}

/* Corrupt files of several kinds, and one without a .prev copy. */
static void
test_corrupt(void)
{
    json_t *doc;
    char *error;
    int err;

    test_corrupt_case("truncated", "{\"version\": 1, \"data\": {\"n\"",
                      "line 1");
    test_corrupt_case("garbage", "\x01\x02garbage\n", "line 1");
    test_corrupt_case("wrong version", "{\"version\": 7, \"data\": {}}\n",
                      "version 7");
    test_corrupt_case("no header", "{\"n\": 1}\n", "header");
    test_corrupt_case("empty", "", "line");

    spew("lone.json", "[1, 2\n");
    err = ofc_state_load("lone.json", &doc, &error);
    TAP_INT_EQ(err, EINVAL, "corrupt file without .prev gives EINVAL");
    tap_ok(contains(error, "no previous copy"),
           "message says there is no previous copy");
    free(error);
}

/* Names, leftovers, directories and failing saves. */
static void
test_errors(void)
{
    json_t *doc = json_pack("{s:i}", "n", 1);
    json_t *got;
    char *error, *path;
    int err, total;

    err = ofc_state_save("../escape.json", doc, &error);
    TAP_INT_EQ(err, EINVAL, "name with a slash is refused");
    free(error);
    err = ofc_state_load(".hidden", &got, &error);
    TAP_INT_EQ(err, EINVAL, "name starting with a dot is refused");
    free(error);

    /* Leftovers of an interrupted save vanish on open. */
    spew("x.json", "{\"version\": 1, \"data\": 5}\n");
    spew("x.json.tmp.AbC123", "{\"vers");
    spew("x.json.prev.tmp", "{}");
    err = ofc_state_open(dir, &error);
    TAP_INT_EQ(err, 0, "reopening the state directory works");
    TAP_INT_EQ(count_tmp(&total), 0, "open removes leftover temp files");
    err = ofc_state_load("x.json", &got, &error);
    tap_ok(!err && json_is_integer(got) && json_integer_value(got) == 5,
           "open keeps the real state file");
    json_decref(got);

    /* A regular file is not a state directory. */
    path = path_of("x.json");
    err = ofc_state_open(path, &error);
    TAP_INT_EQ(err, ENOTDIR, "open on a regular file gives ENOTDIR");
    tap_ok(contains(error, path), "message names it");
    free(error);
    free(path);

    /* A missing parent directory is not created. */
    path = ofc_xasprintf("%s/no/such/dir", top);
    err = ofc_state_open(path, &error);
    TAP_INT_EQ(err, ENOENT, "open with a missing parent gives ENOENT");
    tap_ok(contains(error, path), "message names the directory");
    free(error);
    free(path);

    /* Saving into a read-only directory fails cleanly.  Root ignores the
     * permission, so then save into a directory that has vanished. */
    if (geteuid() != 0) {
        chmod(dir, 0500);
        err = ofc_state_save("ro.json", doc, &error);
        TAP_INT_EQ(err, EACCES, "save into a read-only dir gives EACCES");
        tap_ok(contains(error, strerror(EACCES)) && contains(error, dir),
               "message names the error and the directory");
        free(error);
        chmod(dir, 0700);
    } else {
        tap_diag("running as root: read-only directory check skipped");
        char *gone = ofc_xasprintf("%s/gone", top);
        err = ofc_state_open(gone, &error);
        TAP_INT_EQ(err, 0, "open of a second state dir works");
        rmdir(gone);
        err = ofc_state_save("ro.json", doc, &error);
        TAP_INT_EQ(err, ENOENT, "save into a removed dir gives ENOENT");
        tap_ok(contains(error, strerror(ENOENT)) && contains(error, gone),
               "message names the error and the directory");
        free(error);
        free(gone);
        err = ofc_state_open(dir, &error);
    }
    TAP_INT_EQ(count_tmp(&total), 0, "failed save leaves no temp file");

    ofc_state_close();
    err = ofc_state_save("late.json", doc, &error);
    TAP_INT_EQ(err, EINVAL, "save without an open directory is refused");
    free(error);
    json_decref(doc);
}

int
main(void)
{
    char *error;
    int err;

    if (!mkdtemp(top)) {
        perror("mkdtemp");
        return 1;
    }
    dir = ofc_xasprintf("%s/state", top);

    umask(022);
    err = ofc_state_open(dir, &error);
    TAP_INT_EQ(err, 0, "open creates the state directory");
    if (err) {
        tap_diag("%s", error);
        free(error);
        return tap_done();
    }
    TAP_INT_EQ(mode_of(dir), 0700, "state directory has mode 0700");
    TAP_STR_EQ(ofc_state_dir(), dir, "ofc_state_dir() returns it");

    test_round_trip();
    test_corrupt();
    test_errors();

    nftw(top, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    tap_ok(access(top, F_OK) != 0, "temporary directory removed");
    free(dir);
    return tap_done();
}
