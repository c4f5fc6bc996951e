/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The L2 app's REST routes (see l2-rest.h).  Handlers run on the
 * controller thread and read the app's host tables directly. */

#include "apps/l2-rest.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "apps/l2.h"
#include "apps/l2-hosts.h"
#include "controller/log.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-port.h"

/* The filters of GET and DELETE /v1/hosts (all optional). */
struct host_filter {
    bool has_dpid, has_vlan, has_mac, has_port;
    uint64_t dpid;
    uint16_t vlan;
    uint8_t mac[6];
    uint32_t port_no;           /* If 'port_name' is NULL. */
    const char *port_name;      /* The request's string, or NULL. */
};

/* One matching host, with the switch it was learned on. */
struct host_row {
    struct ofc_switch *sw;
    uint64_t dpid;
    struct l2_host host;        /* A copy. */
};

/* The matching hosts of every switch.  Owns 'rows'. */
struct host_rows {
    const struct host_filter *filter;
    struct host_row *rows;
    size_t n, allocated;
};

static const char *const host_params[] = {
    "dpid", "vlan", "mac", "port", NULL
};

/* Parses "xx:xx:xx:xx:xx:xx" (hex digits of either case) into 'mac'. */
static bool
parse_mac(const char *s, uint8_t mac[6])
{
    for (int i = 0; i < 6; i++) {
        const char *p = s + i * 3;
        if (!isxdigit((unsigned char) p[0])
            || !isxdigit((unsigned char) p[1])
            || p[2] != (i < 5 ? ':' : '\0')) {
            return false;
        }
        char hex[3] = { p[0], p[1], '\0' };
        mac[i] = strtoul(hex, NULL, 16);
    }
    return true;
}

/* Parses the "port" filter: a port number (1 to OFPP_MAX, decimal) or a
 * port name (1 to 15 characters, not all digits). */
static bool
parse_port(const char *s, struct host_filter *f)
{
    size_t len = strlen(s);
    if (!len) {
        return false;
    }
    if (strspn(s, "0123456789") == len) {
        if (len > 10) {
            return false;
        }
        unsigned long long v = strtoull(s, NULL, 10);
        if (!v || v > OFPP_MAX) {
            return false;
        }
        f->port_no = v;
        f->port_name = NULL;
        return true;
    }
    if (len > OFP_MAX_PORT_NAME_LEN - 1) {
        return false;
    }
    f->port_name = s;
    return true;
}

/* Reads the query parameters of 'req' into 'f'.  Returns true, or false
 * after replying 400 "unknown_field" or "bad_value". */
static bool
parse_filter(const struct ofc_rest_request *req,
             struct ofc_rest_response *resp, struct host_filter *f)
{
    memset(f, 0, sizeof *f);
    if (!ofc_rest_check_query(req, resp, host_params)) {
        return false;
    }

    const char *s = ofc_rest_query(req, "dpid");
    if (s) {
        if (!ofc_rest_parse_dpid(s, &f->dpid)) {
            ofc_rest_reply_error(resp, req, 400, "bad_value",
                                 "dpid: \"%s\" is not a datapath id (1 to "
                                 "16 hex digits)", s);
            return false;
        }
        f->has_dpid = true;
    }

    uint64_t vlan;
    if (!ofc_rest_query_uint(req, resp, "vlan", 0, 4095, &f->has_vlan,
                             &vlan)) {
        return false;
    }
    f->vlan = vlan;

    s = ofc_rest_query(req, "mac");
    if (s) {
        if (!parse_mac(s, f->mac)) {
            ofc_rest_reply_error(resp, req, 400, "bad_value",
                                 "mac: \"%s\" is not a MAC address "
                                 "(xx:xx:xx:xx:xx:xx)", s);
            return false;
        }
        f->has_mac = true;
    }

    s = ofc_rest_query(req, "port");
    if (s) {
        if (!parse_port(s, f)) {
            ofc_rest_reply_error(resp, req, 400, "bad_value",
                                 "port: \"%s\" is neither a port number "
                                 "(1 to %"PRIu32") nor a port name (1 to "
                                 "%d characters)", s, OFPP_MAX,
                                 OFP_MAX_PORT_NAME_LEN - 1);
            return false;
        }
        f->has_port = true;
    }
    return true;
}

/* Resolves the port filter of 'f' on 'sw' into '*port_no'.  False if the
 * switch has no port of that name. */
static bool
filter_port_no(const struct host_filter *f, const struct ofc_switch *sw,
               uint32_t *port_no)
{
    if (!f->port_name) {
        *port_no = f->port_no;
        return true;
    }
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(ports[i].name, f->port_name)) {
            *port_no = ports[i].port_no;
            return true;
        }
    }
    return false;
}

/* Appends host 'h' of 'sw' to 'rows'. */
static void
append_row(struct host_rows *rows, struct ofc_switch *sw, uint64_t dpid,
           const struct l2_host *h)
{
    if (rows->n == rows->allocated) {
        rows->allocated = rows->allocated * 2 + 16;
        rows->rows = ofc_xrealloc(rows->rows,
                                  rows->allocated * sizeof *rows->rows);
    }
    rows->rows[rows->n++] = (struct host_row) {
        .sw = sw, .dpid = dpid, .host = *h,
    };
}

/* ofc_switch_for_each() callback: appends the hosts of 'sw' that match the
 * filter to the 'struct host_rows' in 'rows_'. */
static void
collect_switch(struct ofc_switch *sw, void *rows_)
{
    struct host_rows *rows = rows_;
    const struct host_filter *f = rows->filter;
    const struct l2_hosts *table = l2_switch_hosts(sw);
    uint64_t dpid = ofc_switch_dpid(sw);
    uint32_t port_no = 0;

    if (!table || (f->has_dpid && f->dpid != dpid)
        || (f->has_port && !filter_port_no(f, sw, &port_no))) {
        return;
    }
    if (f->has_mac && f->has_vlan) {
        /* The whole key: one lookup instead of a scan. */
        const struct l2_host *h = l2_hosts_find(table, f->vlan, f->mac);
        if (h && (!f->has_port || h->port == port_no)) {
            append_row(rows, sw, dpid, h);
        }
        return;
    }
    size_t pos = 0;
    const struct l2_host *h;
    while ((h = l2_hosts_next(table, &pos))) {
        if ((!f->has_vlan || h->vlan == f->vlan)
            && (!f->has_mac || !memcmp(h->mac, f->mac, 6))
            && (!f->has_port || h->port == port_no)) {
            append_row(rows, sw, dpid, h);
        }
    }
}

/* Fills 'rows' with the hosts of every switch that match 'f'. */
static void
collect(const struct host_filter *f, struct host_rows *rows)
{
    *rows = (struct host_rows) { .filter = f };
    ofc_switch_for_each(collect_switch, rows);
}

/* qsort() comparator: by dpid, then VLAN, then MAC. */
static int
cmp_rows(const void *a_, const void *b_)
{
    const struct host_row *a = a_, *b = b_;
    if (a->dpid != b->dpid) {
        return a->dpid < b->dpid ? -1 : 1;
    }
    if (a->host.vlan != b->host.vlan) {
        return a->host.vlan < b->host.vlan ? -1 : 1;
    }
    return memcmp(a->host.mac, b->host.mac, 6);
}

/* Returns one host as a new JSON object. */
static json_t *
row_json(const struct host_row *r, uint32_t now)
{
    const struct l2_host *h = &r->host;
    const struct ofp_port *p = ofc_switch_port(r->sw, h->port);
    char mac[18];
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x",
             h->mac[0], h->mac[1], h->mac[2], h->mac[3], h->mac[4],
             h->mac[5]);

    json_t *o = json_object();
    json_object_set_new(o, "dpid", ofc_rest_dpid_json(r->dpid));
    json_object_set_new(o, "vlan", json_integer(h->vlan));
    json_object_set_new(o, "mac", json_string(mac));
    json_object_set_new(o, "port", json_integer(h->port));
    json_object_set_new(o, "port_name", p ? ofc_rest_string(p->name)
                                          : json_null());
    json_object_set_new(o, "age", json_integer((uint32_t) (now
                                                           - h->learned)));
    return o;
}

/* GET /v1/hosts. */
static void
get_hosts(const struct ofc_rest_request *req, struct ofc_rest_response *resp,
          void *aux)
{
    struct host_filter f;
    if (!parse_filter(req, resp, &f)) {
        return;
    }
    struct host_rows rows;
    collect(&f, &rows);
    if (rows.n) {
        qsort(rows.rows, rows.n, sizeof *rows.rows, cmp_rows);
    }

    uint32_t now = l2_now();
    json_t *list = json_array();
    for (size_t i = 0; i < rows.n; i++) {
        json_array_append_new(list, row_json(&rows.rows[i], now));
    }
    free(rows.rows);
    ofc_rest_reply_json(resp, 200, json_pack("{s:o}", "hosts", list));
}

/* DELETE /v1/hosts: forgets the matching hosts (all without a filter). */
static void
delete_hosts(const struct ofc_rest_request *req,
             struct ofc_rest_response *resp, void *aux)
{
    struct host_filter f;
    if (!parse_filter(req, resp, &f)) {
        return;
    }
    struct host_rows rows;
    collect(&f, &rows);

    size_t deleted = 0;
    for (size_t i = 0; i < rows.n; i++) {
        const struct host_row *r = &rows.rows[i];
        deleted += l2_forget(r->sw, r->host.vlan, r->host.mac);
    }
    free(rows.rows);
    if (deleted) {
        OFC_INFO(ofc_log_module_register("l2"), OFC_NO_DPID,
                 "forgot %zu hosts on request (DELETE /v1/hosts)",
                 deleted);
    }
    ofc_rest_reply_json(resp, 200, json_pack("{s:I}", "deleted",
                                             (json_int_t) deleted));
}

/* Adds up the host tables for l2_rest_status(). */
struct status_sums {
    size_t switches;
    size_t hosts;
};

/* ofc_switch_for_each() callback: counts 'sw' into 'sums_'. */
static void
sum_switch(struct ofc_switch *sw, void *sums_)
{
    struct status_sums *sums = sums_;
    const struct l2_hosts *table = l2_switch_hosts(sw);
    if (table) {
        sums->switches++;
        sums->hosts += table->n;
    }
}

json_t *
l2_rest_status(void)
{
    struct status_sums sums = { 0, 0 };
    ofc_switch_for_each(sum_switch, &sums);
    const struct ofc_l2_stats *s = &ofc_l2_stats;
    return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
                     "hosts", (json_int_t) sums.hosts,
                     "switches", (json_int_t) sums.switches,
                     "packet_in_rate", (json_int_t) l2_packet_in_rate(),
                     "packet_ins", (json_int_t) s->packet_ins,
                     "learned", (json_int_t) s->learned,
                     "moves", (json_int_t) s->moves,
                     "forgotten", (json_int_t) s->forgotten);
}

const struct ofc_route l2_rest_routes[] = {
    { "GET", "/v1/hosts", get_hosts, NULL },
    { "DELETE", "/v1/hosts", delete_hosts, NULL },
    { NULL, NULL, NULL, NULL },
};
