/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The switch registry and port table (see switch.h).  The send functions
 * live in conn.c, next to the output buffers they append to. */

#include "controller/switch.h"

#include <stdlib.h>
#include <string.h>
#include "controller/conn.h"
#include "controller/log.h"
#include "controller/stats.h"

/* Registered switches by dpid. */
static struct ofc_hmap switches;
static uint64_t generation;

uint64_t
ofc_switch_generation(void)
{
    return generation;
}

void
ofc_switch_changed(void)
{
    generation++;
}

void
ofc_switches_init(void)
{
    ofc_hmap_init(&switches);
}

void
ofc_switches_destroy(void)
{
    ofc_hmap_destroy(&switches);
}

uint64_t
ofc_switch_dpid(const struct ofc_switch *sw)
{
    return sw->dpid;
}

bool
ofc_switch_is_dead(const struct ofc_switch *sw)
{
    return ofc_conn_is_dead(sw->conn);
}

const struct ofp_features_reply *
ofc_switch_features(const struct ofc_switch *sw)
{
    return &sw->features;
}

/* Returns the index of the first port with port_no >= 'port_no'. */
static size_t
port_lower_bound(const struct ofc_switch *sw, uint32_t port_no)
{
    size_t lo = 0, hi = sw->n_ports;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sw->ports[mid].port_no < port_no) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

const struct ofp_port *
ofc_switch_port(const struct ofc_switch *sw, uint32_t port_no)
{
    size_t i = port_lower_bound(sw, port_no);
    return i < sw->n_ports && sw->ports[i].port_no == port_no
           ? &sw->ports[i] : NULL;
}

const struct ofp_port *
ofc_switch_ports(const struct ofc_switch *sw, size_t *n)
{
    *n = sw->n_ports;
    return sw->ports;
}

void *
ofc_switch_get_data(const struct ofc_switch *sw, const struct ofc_app *app)
{
    int i = ofc_app_index(app);
    return i >= 0 ? sw->app_data[i] : NULL;
}

void
ofc_switch_set_data(struct ofc_switch *sw, const struct ofc_app *app,
                    void *data)
{
    int i = ofc_app_index(app);
    if (i >= 0) {
        sw->app_data[i] = data;
    }
}

const char *
ofc_xid_owner_name(uint32_t xid)
{
    unsigned owner = xid >> 24;
    if (!owner) {
        return "ofcd";
    }
    const struct ofc_app *app = ofc_app_at(owner - 1);
    return app ? app->name : "unknown";
}

struct ofc_switch *
ofc_switch_lookup(uint64_t dpid)
{
    uint32_t hash = ofc_hash_u64(dpid);
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(&switches, hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct ofc_switch *sw = OFC_CONTAINER_OF(n, struct ofc_switch, node);
        if (sw->dpid == dpid) {
            return sw;
        }
    }
    return NULL;
}

size_t
ofc_switch_count(void)
{
    return switches.n;
}

size_t
ofc_switch_count_ready(void)
{
    size_t n = 0;
    for (size_t i = 0; i <= switches.mask; i++) {
        for (struct ofc_hmap_node *node = switches.buckets[i]; node;
             node = node->next) {
            n += OFC_CONTAINER_OF(node, struct ofc_switch, node)->up;
        }
    }
    return n;
}

struct ofc_switch *
ofc_switch_create(struct ofc_conn *conn, const struct ofp_features_reply *fr)
{
    struct ofc_switch *sw = ofc_xzalloc(sizeof *sw);
    sw->dpid = fr->datapath_id;
    sw->features = *fr;
    sw->conn = conn;
    sw->connected_at = time(NULL);
    return sw;
}

void
ofc_switch_register(struct ofc_switch *sw)
{
    struct ofc_switch *old = ofc_switch_lookup(sw->dpid);
    if (old) {
        OFC_INFO(OFC_LOG_SWITCH, sw->dpid,
                 "reconnected from %s: replacing the connection from %s",
                 ofc_conn_peer(sw->conn), ofc_conn_peer(old->conn));
        ofc_stats.replaced++;
        ofc_conn_kill(old->conn, "replaced by a new connection");
        /* Killing unregisters 'old' and delivers its switch_down. */
    }
    ofc_hmap_insert(&switches, &sw->node, ofc_hash_u64(sw->dpid));
    sw->registered = true;
    generation++;
}

void
ofc_switch_unregister(struct ofc_switch *sw)
{
    if (sw->registered) {
        ofc_hmap_remove(&switches, &sw->node);
        sw->registered = false;
        generation++;
    }
}

void
ofc_switch_destroy(struct ofc_switch *sw)
{
    if (sw) {
        ofc_switch_unregister(sw);
        free(sw->ports);
        free(sw);
    }
}

/* Orders ports by number for qsort(). */
static int
compare_ports(const void *a_, const void *b_)
{
    const struct ofp_port *a = a_, *b = b_;
    return a->port_no < b->port_no ? -1 : a->port_no > b->port_no;
}

void
ofc_switch_set_ports(struct ofc_switch *sw, const struct ofp_port *ports,
                     size_t n)
{
    if (n > sw->allocated_ports) {
        sw->ports = ofc_xrealloc(sw->ports, n * sizeof *sw->ports);
        sw->allocated_ports = n;
    }
    if (n) {
        memcpy(sw->ports, ports, n * sizeof *ports);
    }
    sw->n_ports = n;
    qsort(sw->ports, n, sizeof *sw->ports, compare_ports);
    /* A hostile reply may repeat a port number: keep the last one. */
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (j && sw->ports[j - 1].port_no == sw->ports[i].port_no) {
            sw->ports[j - 1] = sw->ports[i];
        } else {
            sw->ports[j++] = sw->ports[i];
        }
    }
    sw->n_ports = j;
    generation++;
}

void
ofc_switch_port_status(struct ofc_switch *sw,
                       const struct ofp_port_status *ps)
{
    uint32_t port_no = ps->desc.port_no;
    size_t i = port_lower_bound(sw, port_no);

    generation++;
    bool present = i < sw->n_ports && sw->ports[i].port_no == port_no;

    if (ps->reason == OFPPR_DELETE) {
        if (present) {
            memmove(&sw->ports[i], &sw->ports[i + 1],
                    (sw->n_ports - i - 1) * sizeof *sw->ports);
            sw->n_ports--;
        }
    } else if (present) {
        sw->ports[i] = ps->desc;
    } else {
        if (sw->n_ports == sw->allocated_ports) {
            sw->allocated_ports = sw->allocated_ports * 2 + 4;
            sw->ports = ofc_xrealloc(sw->ports,
                                     sw->allocated_ports * sizeof *sw->ports);
        }
        memmove(&sw->ports[i + 1], &sw->ports[i],
                (sw->n_ports - i) * sizeof *sw->ports);
        sw->ports[i] = ps->desc;
        sw->n_ports++;
    }
}

void
ofc_switch_for_each(void (*cb)(struct ofc_switch *, void *), void *aux)
{
    for (size_t i = 0; i <= switches.mask; i++) {
        struct ofc_hmap_node *node = switches.buckets[i];
        while (node) {
            struct ofc_hmap_node *next = node->next;
            cb(OFC_CONTAINER_OF(node, struct ofc_switch, node), aux);
            node = next;
        }
    }
}
