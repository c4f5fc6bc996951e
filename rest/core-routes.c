/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The routes of the controller core (see core-routes.h).  They only read
 * controller state, on the controller thread. */

#include "rest/core-routes.h"
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "controller/app.h"
#include "controller/conn.h"
#include "controller/flow-store.h"
#include "controller/metrics.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-buf.h"

/* GET /healthz. */
static void
healthz(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
        void *aux)
{
    ofc_rest_reply_json(resp, MHD_HTTP_OK, json_pack("{s:s}", "status",
                                                     "ok"));
}

/* GET /metrics: the Prometheus text exposition. */
static void
metrics(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
        void *aux)
{
    struct ofp_ds ds = OFP_DS_INITIALIZER;
    ofc_metrics_render(&ds);
    resp->status = MHD_HTTP_OK;
    resp->text = ofc_xstrdup(ofp_ds_cstr(&ds));
    resp->content_type = "text/plain; version=0.0.4";
    ofp_ds_destroy(&ds);
}

/* GET /v1/openapi.json: the API's own description. */
static void
openapi(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
        void *aux)
{
    resp->status = MHD_HTTP_OK;
    resp->text = ofc_xstrdup(ofc_openapi_json);
    resp->content_type = "application/json";
}

/* Returns 't' as an RFC 3339 UTC timestamp (a new JSON string). */
static json_t *
time_json(time_t t)
{
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(buf);
}

/* The summary of one switch, as listed by GET /v1/switches: where it
 * connected from and since when, its state, and for each enabled app
 * whether its flows are synced yet.  Everything here changes only with
 * ofc_switch_generation(). */
static json_t *
switch_summary(const struct ofc_switch *sw)
{
    bool synced = sw->flow_store && ofc_flow_store_synced(sw);
    size_t n_ports;
    json_t *o = json_object();

    ofc_switch_ports(sw, &n_ports);
    json_object_set_new(o, "dpid", ofc_rest_dpid_json(sw->dpid));
    if (sw->conn) {
        json_object_set_new(o, "address",
                            json_string(ofc_conn_peer(sw->conn)));
    }
    json_object_set_new(o, "connected_since", time_json(sw->connected_at));
    json_object_set_new(o, "state",
                        json_string(ofc_switch_is_dead(sw) ? "disconnected"
                                    : sw->up ? "ready" : "handshake"));
    json_object_set_new(o, "synced", json_boolean(synced));
    json_object_set_new(o, "n_ports", json_integer(n_ports));
    json_t *apps = json_object();
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (ofc_app_enabled(app)) {
            json_object_set_new(apps, app->name,
                                json_string(synced ? "synced" : "syncing"));
        }
    }
    json_object_set_new(o, "apps", apps);
    return o;
}

/* Switches by dpid, for sorting. */
struct switch_list {
    const struct ofc_switch **items;
    size_t n, allocated;
};

/* Appends one switch to the list 'aux'. */
static void
collect_switch(struct ofc_switch *sw, void *list_)
{
    struct switch_list *list = list_;
    if (list->n >= list->allocated) {
        list->allocated = list->allocated ? 2 * list->allocated : 16;
        list->items = ofc_xrealloc(list->items,
                                   list->allocated * sizeof *list->items);
    }
    list->items[list->n++] = sw;
}

/* Orders switches by dpid. */
static int
cmp_by_dpid(const void *a_, const void *b_)
{
    const struct ofc_switch *const *a = a_;
    const struct ofc_switch *const *b = b_;
    return (*a)->dpid < (*b)->dpid ? -1 : (*a)->dpid > (*b)->dpid;
}

/* GET /v1/switches: every registered switch, ordered by dpid.  The text
 * is rendered again only after a change (ofc_switch_generation()), so that
 * monitoring that polls it costs ofcd little. */
static void
list_switches(const struct ofc_rest_request *req,
              struct ofc_rest_response *resp, void *aux)
{
    static char *cache;
    static uint64_t cache_generation;

    if (!cache || cache_generation != ofc_switch_generation()) {
        struct switch_list list = { 0 };
        ofc_switch_for_each(collect_switch, &list);
        if (list.n > 1) {
            qsort(list.items, list.n, sizeof *list.items, cmp_by_dpid);
        }
        json_t *array = json_array();
        for (size_t i = 0; i < list.n; i++) {
            json_array_append_new(array, switch_summary(list.items[i]));
        }
        free(list.items);
        free(cache);
        cache = json_dumps(array, JSON_COMPACT);
        json_decref(array);
        cache_generation = ofc_switch_generation();
    }
    resp->status = MHD_HTTP_OK;
    resp->text = ofc_xasprintf("%s\n", cache);
    resp->content_type = "application/json";
}

/* Returns 'mac' as xx:xx:xx:xx:xx:xx (a new JSON string). */
static json_t *
mac_json(const uint8_t mac[6])
{
    char buf[18];
    snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x",
             mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    return json_string(buf);
}

/* One port as JSON. */
static json_t *
port_json(const struct ofp_port *p)
{
    return json_pack("{s:I, s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:I, "
                     "s:I, s:I}",
                     "port_no", (json_int_t) p->port_no,
                     "name", ofc_rest_string(p->name),
                     "hw_addr", mac_json(p->hw_addr),
                     "config", (json_int_t) p->config,
                     "state", (json_int_t) p->state,
                     "curr", (json_int_t) p->curr,
                     "advertised", (json_int_t) p->advertised,
                     "supported", (json_int_t) p->supported,
                     "peer", (json_int_t) p->peer,
                     "curr_speed", (json_int_t) p->curr_speed,
                     "max_speed", (json_int_t) p->max_speed);
}

/* GET /v1/switches/{dpid}: the summary plus features and ports. */
static void
show_switch(const struct ofc_rest_request *req,
            struct ofc_rest_response *resp, void *aux)
{
    struct ofc_switch *sw = ofc_rest_switch_param(req, resp);
    if (!sw) {
        return;
    }
    json_t *o = switch_summary(sw);
    const struct ofp_features_reply *f = ofc_switch_features(sw);
    json_object_set_new(o, "features",
                        json_pack("{s:I, s:i, s:i, s:I}",
                                  "n_buffers", (json_int_t) f->n_buffers,
                                  "n_tables", (int) f->n_tables,
                                  "auxiliary_id", (int) f->auxiliary_id,
                                  "capabilities",
                                  (json_int_t) f->capabilities));
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    json_t *array = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(array, port_json(&ports[i]));
    }
    json_object_set_new(o, "ports", array);
    json_t *flows = json_object();
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        if (ofc_app_enabled(app)) {
            json_object_set_new(flows, app->name,
                                json_integer(ofc_flow_count(sw, app)));
        }
    }
    json_object_set_new(o, "flows", flows);
    ofc_rest_reply_json(resp, MHD_HTTP_OK, o);
}

/* Adds 'sw''s desired flow count of app 'aux' to the total. */
struct flow_total {
    const struct ofc_app *app;
    size_t n;
};

/* Adds the flows of one switch to the total. */
static void
add_flow_count(struct ofc_switch *sw, void *total_)
{
    struct flow_total *total = total_;
    if (sw->flow_store) {
        total->n += ofc_flow_count(sw, total->app);
    }
}

/* GET /v1/apps: every app, whether it runs, its flows and its status. */
static void
list_apps(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
          void *aux)
{
    json_t *array = json_array();
    for (size_t i = 0; i < ofc_apps_count(); i++) {
        const struct ofc_app *app = ofc_app_at(i);
        bool on = ofc_app_enabled(app);
        json_t *o = json_pack("{s:s, s:b}", "name", app->name, "enabled",
                              on);
        struct flow_total total = { .app = app };
        if (on) {
            ofc_switch_for_each(add_flow_count, &total);
        }
        json_object_set_new(o, "flows", json_integer(total.n));
        json_object_set_new(o, "status", on && app->status ? app->status()
                                         : json_object());
        json_t *routes = json_array();
        for (const struct ofc_route *r = app->routes; r && r->method; r++) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s %s", r->method, r->pattern);
            json_array_append_new(routes, json_string(buf));
        }
        json_object_set_new(o, "routes", routes);
        json_array_append_new(array, o);
    }
    ofc_rest_reply_json(resp, MHD_HTTP_OK, json_pack("{s:o}", "apps",
                                                     array));
}

const struct ofc_route ofc_rest_core_routes[] = {
    { "GET", "/healthz", healthz, NULL },
    { "GET", "/metrics", metrics, NULL },
    { "GET", "/v1/openapi.json", openapi, NULL },
    { "GET", "/v1/switches", list_switches, NULL },
    { "GET", "/v1/switches/{dpid}", show_switch, NULL },
    { "GET", "/v1/apps", list_apps, NULL },
    { NULL, NULL, NULL, NULL },
};
