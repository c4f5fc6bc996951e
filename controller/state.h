/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_STATE_H
#define OFC_STATE_H 1

/* Durable state: one JSON document per kind of object (for example
 * "static-flows.json") in the state directory (--state-dir).
 *
 * On disk every file holds {"version": 1, "data": DOC}.  Saving is atomic
 * and durable: the new text goes to a temporary file that is fsync'ed and
 * then renamed over the target, and the directory is fsync'ed.  Before the
 * target is replaced, the current file (if it is a valid state document)
 * is kept as NAME.prev, so that a crash at any point leaves the old or the
 * new file complete, plus a good previous copy.
 *
 * Loading a corrupt file fails with EINVAL and a message that names the
 * file and its previous good copy; the corrupt file is left untouched so
 * that an operator can inspect it.
 *
 * Every function returns 0 or a positive errno value; on failure it sets
 * '*error' to a malloc'ed message the caller must free (and to NULL on
 * success).  The module keeps the directory in a global: one state
 * directory per process, used from a single thread. */

#include <jansson.h>

/* The version written into, and accepted from, every state file. */
#define OFC_STATE_VERSION 1

/* Uses 'dir' as the state directory: creates it with mode 0700 if it does
 * not exist (its parent must exist), checks that it is a directory we can
 * write, and removes temporary files left by an interrupted save. */
int ofc_state_open(const char *dir, char **error);

/* Forgets the state directory (frees its name). */
void ofc_state_close(void);

/* Returns the state directory set by ofc_state_open(), or NULL. */
const char *ofc_state_dir(void);

/* Atomically replaces the state file 'name' (a plain file name such as
 * "static-flows.json", without '/') with 'doc' wrapped in the versioned
 * header.  The file has mode 0600.  Does not take ownership of 'doc'. */
int ofc_state_save(const char *name, const json_t *doc, char **error);

/* Loads the state file 'name'.  On success stores the document (a new
 * reference the caller must json_decref()) in '*doc', or NULL if the file
 * does not exist.  A file that is not valid JSON, lacks the header or has
 * an unknown version gives EINVAL.  A file that cannot be opened for
 * another reason (permissions, ...) gives that errno. */
int ofc_state_load(const char *name, json_t **doc, char **error);

#endif /* state.h */
