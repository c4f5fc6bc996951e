/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The configuration routes (see config-routes.h).  They run on the
 * controller thread; the server core makes PUT and POST present the API
 * token before they run. */

#include "rest/config-routes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "controller/config.h"
#include "controller/log.h"

/* The name a document sent over REST has in check messages. */
#define CONFIG_PUT_NAME "PUT /v1/config"
#define CONFIG_VALIDATE_NAME "POST /v1/config/validate"

static const char *const no_params[] = { NULL };

/* Returns a copy of the running document for display (a new object; {}
 * without one), its API token redacted. */
static json_t *
running_json(void)
{
    const json_t *doc = ofc_config_running();
    json_t *copy = doc ? json_deep_copy(doc) : json_object();
    if (json_object_get(copy, "api_token")) {
        json_object_set_new(copy, "api_token",
                            json_string(OFC_CONFIG_REDACTED));
    }
    return copy;
}

/* If 'doc' carries the placeholder token, puts the running token (or
 * none) back in its place, so that a document read with GET can be put
 * back. */
static void
unredact(json_t *doc)
{
    const char *t = json_string_value(json_object_get(doc, "api_token"));
    if (t && !strcmp(t, OFC_CONFIG_REDACTED)) {
        const json_t *run = ofc_config_running();
        json_t *token = run ? json_object_get(run, "api_token") : NULL;
        if (token) {
            json_object_set(doc, "api_token", token);
        } else {
            json_object_del(doc, "api_token");
        }
    }
}

/* Replies 400 "bad_config" with the checker's 'message' (freed). */
static void
reply_bad_config(const struct ofc_rest_request *req,
                 struct ofc_rest_response *resp, char *message)
{
    ofc_rest_reply_error(resp, req, 400, "bad_config", "%s",
                         message ? message : "invalid configuration");
    free(message);
}

/* GET /v1/config: the running document, or {} if there is none. */
static void
get_config(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    if (ofc_rest_check_query(req, resp, no_params)) {
        ofc_rest_reply_json(resp, 200, running_json());
    }
}

/* PUT /v1/config: the body is the whole new document.  It is checked,
 * written to the configuration file and applied; nothing changes if the
 * check or the write fails. */
static void
put_config(const struct ofc_rest_request *req,
           struct ofc_rest_response *resp, void *aux)
{
    char *error = NULL;
    int err;

    if (!ofc_rest_check_query(req, resp, no_params)) {
        return;
    }
    json_t *doc = ofc_rest_body_object(req, resp);
    if (!doc) {
        return;
    }
    unredact(doc);
    if (ofc_config_check(doc, CONFIG_PUT_NAME, &error)) {
        reply_bad_config(req, resp, error);
    } else if ((err = ofc_config_replace(doc, &error)) != 0) {
        /* The check passed, so EINVAL is an apply that config.c refuses
         * (enabling or disabling an app needs a restart); anything else
         * is the file that could not be written. */
        OFC_WARN(OFC_LOG_CONFIG, OFC_NO_DPID, "PUT /v1/config failed: %s",
                 error ? error : strerror(err));
        if (err == EINVAL) {
            reply_bad_config(req, resp, error);
        } else {
            ofc_rest_reply_error(resp, req, 500, "storage", "%s",
                                 error ? error : strerror(err));
            free(error);
        }
    } else {
        ofc_rest_reply_json(resp, 200, running_json());
    }
    json_decref(doc);
}

/* POST /v1/config/validate: checks the body as a whole document without
 * applying or storing anything. */
static void
validate_config(const struct ofc_rest_request *req,
                struct ofc_rest_response *resp, void *aux)
{
    char *error = NULL;

    if (!ofc_rest_check_query(req, resp, no_params)) {
        return;
    }
    json_t *doc = ofc_rest_body_object(req, resp);
    if (!doc) {
        return;
    }
    unredact(doc);
    if (ofc_config_check(doc, CONFIG_VALIDATE_NAME, &error)) {
        reply_bad_config(req, resp, error);
    } else {
        ofc_rest_reply_json(resp, 200, json_pack("{s:b}", "valid", true));
    }
    json_decref(doc);
}

const struct ofc_route ofc_rest_config_routes[] = {
    { "GET", "/v1/config", get_config, NULL },
    { "PUT", "/v1/config", put_config, NULL },
    { "POST", "/v1/config/validate", validate_config, NULL },
    { NULL, NULL, NULL, NULL },
};
