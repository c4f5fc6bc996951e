/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_REST_TOKEN_H
#define OFC_REST_TOKEN_H 1

/* The REST API's bearer token: from the configuration ("api_token"), or
 * else from the file "api-token" in the state directory, which is created
 * with a random token (64 hex digits, mode 0600) at the first start. */

/* The file name of the token in the state directory. */
#define OFC_TOKEN_FILE "api-token"

/* The shortest and longest tokens accepted. */
#define OFC_TOKEN_MIN_LEN 16
#define OFC_TOKEN_MAX_LEN 1024


/* Returns in '*token' (malloc'ed) the token to use: 'configured' if it is
 * nonnull, else the state directory's token file, created if missing.
 * Returns 0, or an errno with a malloc'ed message in '*error'. */
int ofc_rest_token_get(const char *configured, char **token, char **error);

#endif /* rest/token.h */
