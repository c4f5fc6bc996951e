/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The VLAN configuration: parsing and checking (see vlan-config.h and
 * docs/vlan.md), lookups, and the (value, mask) decomposition of VID
 * sets for masked flows. */

#include "apps/vlan-config.h"
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/json-check.h"
#include "controller/util.h"

const char *const vlan_config_keys[] = {
    "vlans", "ports", "default_port", "switches", "routers", NULL,
};

#define PORT_NO_MAX 0xffffff00u  /* OFPP_MAX. */

/* The state of one parse: the first failure and the config being built
 * (owned until it is handed to the caller). */
struct parser {
    struct ofc_jc jc;
    struct vlan_config *cfg;
};

/* ---- Small helpers. ---------------------------------------------------- */

/* True if 's' is a nonempty string of decimal digits. */
static bool
all_digits(const char *s)
{
    if (!*s) {
        return false;
    }
    for (; *s; s++) {
        if (!isdigit((unsigned char) *s)) {
            return false;
        }
    }
    return true;
}

/* Parses the nonempty decimal digit string 's' into '*out'; false if it
 * does not fit in 64 bits.  Leading zeros are allowed. */
static bool
parse_decimal(const char *s, uint64_t *out)
{
    uint64_t x = 0;
    if (!all_digits(s)) {
        return false;
    }
    for (; *s; s++) {
        unsigned d = *s - '0';
        if (x > (UINT64_MAX - d) / 10) {
            return false;
        }
        x = x * 10 + d;
    }
    *out = x;
    return true;
}

/* Returns a malloc'ed JSON rendering of the string 's' (quoted and
 * escaped) for messages, shortened if it is long. */
static char *
quote(const char *s)
{
    json_t *j = json_string(s);
    char *q = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
    json_decref(j);
    if (!q) {
        return ofc_xstrdup("(invalid string)");
    }
    if (strlen(q) > 64) {
        strcpy(q + 59, "...\"");
    }
    return q;
}

/* Records "must be ... got \"VALUE\"" style failures: 'format' has one
 * %s that receives the quoted 'value'. */
static bool
fail_quoted(struct ofc_jc *jc, enum ofc_jc_kind kind, const char *path,
            const char *format, const char *value)
{
    char *q = quote(value);
    char *text = ofc_xasprintf(format, q);
    ofc_jc_fail(jc, kind, path, "%s", text);
    free(text);
    free(q);
    return false;
}

/* Formats 'addr' (host order) into 'buf' (at least 16 bytes). */
static const char *
ip_string(uint32_t addr, char buf[16])
{
    snprintf(buf, 16, "%u.%u.%u.%u", (unsigned) (addr >> 24),
             (unsigned) (addr >> 16) & 0xff, (unsigned) (addr >> 8) & 0xff,
             (unsigned) addr & 0xff);
    return buf;
}

/* The netmask of a prefix of 'len' (1..32) bits, host order. */
static uint32_t
prefix_mask(unsigned len)
{
    return len ? UINT32_MAX << (32 - len) : 0;
}

/* ---- Ports. ------------------------------------------------------------ */

/* Frees what 'port' owns. */
static void
port_destroy(struct vlan_port *port)
{
    free(port->description);
    port->description = NULL;
}

/* Parses "A" or "A-B" (decimal VLAN ids) into '*a' and '*b'; false if
 * malformed or an id is outside 1-4094 (the order is checked later). */
static bool
parse_range(const char *s, uint16_t *a, uint16_t *b)
{
    char buf[16];
    size_t len = strlen(s);
    if (len >= sizeof buf) {
        return false;
    }
    memcpy(buf, s, len + 1);
    char *dash = strchr(buf, '-');
    if (dash) {
        *dash = '\0';
    }
    uint64_t x, y;
    if (!parse_decimal(buf, &x) || x < VLAN_MIN || x > VLAN_MAX) {
        return false;
    }
    y = x;
    if (dash && (!parse_decimal(dash + 1, &y)
                 || y < VLAN_MIN || y > VLAN_MAX)) {
        return false;
    }
    *a = x;
    *b = y;
    return true;
}

/* Parses the "tagged_vlans" array 'v' at 'path' into 'set'. */
static bool
parse_tagged(struct ofc_jc *jc, const json_t *v, const char *path,
             struct vlan_set *set)
{
    if (!ofc_jc_array(jc, v, path, 0, VLAN_MAX)) {
        return false;
    }
    size_t i;
    const json_t *e;
    json_array_foreach (v, i, e) {
        char *epath = ofc_jc_path_index(path, i);
        uint64_t x;
        uint16_t a, b;
        if (json_is_integer(e)) {
            if (ofc_jc_uint(jc, e, epath, VLAN_MIN, VLAN_MAX, &x)) {
                vlan_set_add(set, x);
            }
        } else if (json_is_string(e)) {
            const char *s = json_string_value(e);
            if (!parse_range(s, &a, &b)) {
                fail_quoted(jc, OFC_JC_BAD_VALUE, epath,
                            "must be a VLAN id 1-4094 or a range \"A-B\" "
                            "of them, got %s", s);
            } else if (a > b) {
                fail_quoted(jc, OFC_JC_BAD_VALUE, epath,
                            "range %s must have A <= B", s);
            } else {
                for (unsigned vid = a; vid <= b; vid++) {
                    vlan_set_add(set, vid);
                }
            }
        } else {
            ofc_jc_fail(jc, OFC_JC_BAD_TYPE, epath,
                        "must be a VLAN id 1-4094 or a range \"A-B\", "
                        "not %s", ofc_jc_type_name(e));
        }
        free(epath);
        if (!ofc_jc_ok(jc)) {
            return false;
        }
    }
    return true;
}

/* Parses the port entry 'v' at 'path' into 'port' (which must be zeroed;
 * it owns its description even on failure). */
static bool
parse_port(struct ofc_jc *jc, const json_t *v, const char *path,
           struct vlan_port *port)
{
    static const char *const keys[] = {
        "native_vlan", "tagged_vlans", "description", NULL,
    };
    if (!ofc_jc_object(jc, v, path, keys)) {
        return false;
    }

    uint64_t native;
    if (ofc_jc_get_uint(jc, v, path, "native_vlan", false,
                        VLAN_MIN, VLAN_MAX, &native)) {
        port->native_vlan = native;
    }
    const json_t *tagged = ofc_jc_member(jc, v, path, "tagged_vlans",
                                         false);
    if (tagged) {
        char *tpath = ofc_jc_path_key(path, "tagged_vlans");
        parse_tagged(jc, tagged, tpath, &port->tagged);
        free(tpath);
    }
    const char *description;
    if (ofc_jc_get_string(jc, v, path, "description", false, false,
                          VLAN_DESCRIPTION_MAX, &description)) {
        port->description = ofc_xstrdup(description);
    }
    if (!ofc_jc_ok(jc)) {
        return false;
    }

    if (!port->native_vlan && !tagged) {
        return ofc_jc_fail(jc, OFC_JC_MISSING_FIELD, path,
                           "must have native_vlan or tagged_vlans");
    }
    if (port->native_vlan && vlan_set_has(&port->tagged, port->native_vlan)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "native_vlan %u must not also be in "
                           "tagged_vlans", port->native_vlan);
    }
    return true;
}

/* Checks that the port name 'name' (a key at 'path') is 1-15 bytes. */
static bool
check_port_name(struct ofc_jc *jc, const char *name, const char *path)
{
    size_t len = strlen(name);
    if (!len || len > VLAN_PORT_NAME_MAX) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "port name must be 1-%d bytes long, is %zu",
                           VLAN_PORT_NAME_MAX, len);
    }
    return true;
}

/* ---- VLANs. ------------------------------------------------------------ */

/* Parses a gateway "A.B.C.D/LEN" (the string at 'path') into 'info'. */
static bool
parse_gateway(struct ofc_jc *jc, const char *s, const char *path,
              struct vlan_info *info)
{
    unsigned o[4], len;
    int n = -1;
    char end;
    if (sscanf(s, "%3u.%3u.%3u.%3u/%2u%n%c", &o[0], &o[1], &o[2], &o[3],
               &len, &n, &end) != 5
        || n < 0 || (size_t) n != strlen(s)
        || !isdigit((unsigned char) s[0])
        || o[0] > 255 || o[1] > 255 || o[2] > 255 || o[3] > 255) {
        return fail_quoted(jc, OFC_JC_BAD_VALUE, path,
                           "must be an IPv4 address and prefix length "
                           "\"A.B.C.D/LEN\", got %s", s);
    }
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char) *p) && *p != '.' && *p != '/') {
            return fail_quoted(jc, OFC_JC_BAD_VALUE, path,
                               "must be an IPv4 address and prefix length "
                               "\"A.B.C.D/LEN\", got %s", s);
        }
    }
    if (len < 1 || len > 30) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "prefix length must be 1-30, got %u", len);
    }
    uint32_t addr = (o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3];
    if (!o[0] || o[0] == 127 || o[0] >= 224) {
        return fail_quoted(jc, OFC_JC_BAD_VALUE, path,
                           "must be a unicast IPv4 address, got %s", s);
    }
    uint32_t mask = prefix_mask(len);
    char net[16];
    ip_string(addr & mask, net);
    if (!(addr & ~mask)) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be a host address, not the network "
                           "address of %s/%u", net, len);
    }
    if ((addr & ~mask) == ~mask) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be a host address, not the broadcast "
                           "address of %s/%u", net, len);
    }
    info->has_gateway = true;
    info->gateway = addr;
    info->prefix_len = len;
    return true;
}

/* Parses the VLAN entry 'v' at 'path' into 'info'. */
static bool
parse_vlan(struct ofc_jc *jc, const json_t *v, const char *path,
           struct vlan_info *info)
{
    static const char *const keys[] = {
        "name", "description", "routing", NULL,
    };
    static const char *const routing_keys[] = { "gateway", NULL };
    if (!ofc_jc_object(jc, v, path, keys)) {
        return false;
    }
    const char *s;
    if (ofc_jc_get_string(jc, v, path, "name", false, true, VLAN_NAME_MAX,
                          &s)) {
        info->name = ofc_xstrdup(s);
    }
    if (ofc_jc_get_string(jc, v, path, "description", false, false,
                          VLAN_DESCRIPTION_MAX, &s)) {
        info->description = ofc_xstrdup(s);
    }
    const json_t *routing = ofc_jc_member(jc, v, path, "routing", false);
    if (routing) {
        char *rpath = ofc_jc_path_key(path, "routing");
        if (ofc_jc_object(jc, routing, rpath, routing_keys)
            && ofc_jc_get_string(jc, routing, rpath, "gateway", true, true,
                                 32, &s)) {
            char *gpath = ofc_jc_path_key(rpath, "gateway");
            parse_gateway(jc, s, gpath, info);
            free(gpath);
        }
        free(rpath);
    }
    return ofc_jc_ok(jc);
}

/* qsort comparator: VLANs by id. */
static int
compare_vlans(const void *a_, const void *b_)
{
    const struct vlan_info *a = a_, *b = b_;
    return a->vid < b->vid ? -1 : a->vid > b->vid;
}

/* Parses "vlans". */
static bool
parse_vlans(struct parser *p, const json_t *vlans)
{
    struct ofc_jc *jc = &p->jc;
    struct vlan_config *cfg = p->cfg;
    if (!ofc_jc_object(jc, vlans, "$.vlans", NULL)) {
        return false;
    }
    const char **keys = ofc_xzalloc((VLAN_MAX + 1) * sizeof *keys);
    cfg->vlans = ofc_xzalloc((json_object_size(vlans) + 1)
                             * sizeof *cfg->vlans);
    const char *key;
    const json_t *v;
    json_object_foreach ((json_t *) vlans, key, v) {
        char *path = ofc_jc_path_key("$.vlans", key);
        uint64_t vid;
        if (!parse_decimal(key, &vid) || vid < VLAN_MIN || vid > VLAN_MAX) {
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                        "must be a VLAN id 1-4094");
        } else if (keys[vid]) {
            char *first = ofc_jc_path_key("$.vlans", keys[vid]);
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                        "duplicate VLAN: same id as %s", first);
            free(first);
        } else {
            struct vlan_info *info = &cfg->vlans[cfg->n_vlans++];
            keys[vid] = key;
            info->vid = vid;
            parse_vlan(jc, v, path, info);
        }
        free(path);
        if (!ofc_jc_ok(jc)) {
            break;
        }
    }
    free(keys);
    qsort(cfg->vlans, cfg->n_vlans, sizeof *cfg->vlans, compare_vlans);
    return ofc_jc_ok(jc);
}

/* ---- Profiles and the default port. ----------------------------------- */

/* qsort comparator: profiles by name. */
static int
compare_profiles(const void *a_, const void *b_)
{
    const struct vlan_profile *a = a_, *b = b_;
    return strcmp(a->name, b->name);
}

/* Parses the top-level "ports" (profiles by port name). */
static bool
parse_profiles(struct parser *p, const json_t *ports)
{
    struct ofc_jc *jc = &p->jc;
    struct vlan_config *cfg = p->cfg;
    if (!ofc_jc_object(jc, ports, "$.ports", NULL)) {
        return false;
    }
    cfg->profiles = ofc_xzalloc((json_object_size(ports) + 1)
                                * sizeof *cfg->profiles);
    const char *key;
    const json_t *v;
    json_object_foreach ((json_t *) ports, key, v) {
        char *path = ofc_jc_path_key("$.ports", key);
        if (check_port_name(jc, key, path)) {
            struct vlan_profile *prof = &cfg->profiles[cfg->n_profiles++];
            prof->name = ofc_xstrdup(key);
            parse_port(jc, v, path, &prof->port);
        }
        free(path);
        if (!ofc_jc_ok(jc)) {
            return false;
        }
    }
    qsort(cfg->profiles, cfg->n_profiles, sizeof *cfg->profiles,
          compare_profiles);
    return true;
}

/* ---- Switches. --------------------------------------------------------- */

/* Parses the "ports" of a switch entry at 'path' into 'sw'. */
static bool
parse_switch_ports(struct ofc_jc *jc, const json_t *ports, const char *path,
                   struct vlan_switch *sw)
{
    if (!ofc_jc_object(jc, ports, path, NULL)) {
        return false;
    }
    sw->ports = ofc_xzalloc((json_object_size(ports) + 1)
                            * sizeof *sw->ports);
    const char **keys = ofc_xzalloc((json_object_size(ports) + 1)
                                    * sizeof *keys);
    const char *key;
    const json_t *v;
    json_object_foreach ((json_t *) ports, key, v) {
        char *ppath = ofc_jc_path_key(path, key);
        uint64_t port_no = 0;
        if (all_digits(key)) {
            if (!parse_decimal(key, &port_no) || !port_no
                || port_no > PORT_NO_MAX) {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, ppath,
                            "port number must be 1-%u", PORT_NO_MAX);
            } else {
                for (size_t i = 0; i < sw->n_ports; i++) {
                    if (sw->ports[i].port_no == port_no) {
                        char *first = ofc_jc_path_key(path, keys[i]);
                        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, ppath,
                                    "duplicate port: same number as %s",
                                    first);
                        free(first);
                        break;
                    }
                }
            }
        } else {
            check_port_name(jc, key, ppath);
        }
        if (ofc_jc_ok(jc)) {
            struct vlan_switch_port *sp = &sw->ports[sw->n_ports];
            keys[sw->n_ports++] = key;
            sp->port_no = port_no;
            sp->name = port_no ? NULL : ofc_xstrdup(key);
            parse_port(jc, v, ppath, &sp->port);
        }
        free(ppath);
        if (!ofc_jc_ok(jc)) {
            break;
        }
    }
    free(keys);
    return ofc_jc_ok(jc);
}

/* Interprets the switch key 'key' (at 'path'): 16 hex digits or decimal
 * digits are a datapath id, anything else a bridge name. */
static bool
parse_switch_key(struct ofc_jc *jc, const char *key, const char *path,
                 struct vlan_switch *sw)
{
    size_t len = strlen(key);
    size_t n_hex = strspn(key, "0123456789abcdefABCDEF");
    if (len == 16 && n_hex == 16) {
        sw->has_dpid = true;
        sw->dpid = strtoull(key, NULL, 16);
    } else if (all_digits(key)) {
        if (!parse_decimal(key, &sw->dpid)) {
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                               "decimal datapath id must be less than "
                               "2^64");
        }
        sw->has_dpid = true;
    } else if (!len || len > VLAN_PORT_NAME_MAX) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must be a datapath id (16 hex digits or a "
                           "decimal number) or a bridge name of 1-%d bytes",
                           VLAN_PORT_NAME_MAX);
    } else {
        sw->name = ofc_xstrdup(key);
    }
    return true;
}

/* Parses the switch entry 'v' (key 'key', at 'path') into 'sw'. */
static bool
parse_switch(struct ofc_jc *jc, const char *key, const json_t *v,
             const char *path, struct vlan_switch *sw)
{
    static const char *const keys[] = { "name", "ports", NULL };
    if (!parse_switch_key(jc, key, path, sw)
        || !ofc_jc_object(jc, v, path, keys)) {
        return false;
    }
    const char *name;
    if (ofc_jc_get_string(jc, v, path, "name", false, true,
                          VLAN_PORT_NAME_MAX, &name)) {
        if (!sw->name) {
            sw->name = ofc_xstrdup(name);
        } else if (strcmp(sw->name, name)) {
            char *npath = ofc_jc_path_key(path, "name");
            fail_quoted(jc, OFC_JC_BAD_VALUE, npath,
                        "must be the switch's key %s or absent", key);
            free(npath);
        }
    }
    const json_t *ports = ofc_jc_member(jc, v, path, "ports", false);
    if (ports) {
        char *ppath = ofc_jc_path_key(path, "ports");
        parse_switch_ports(jc, ports, ppath, sw);
        free(ppath);
    }
    return ofc_jc_ok(jc);
}

/* Parses "switches". */
static bool
parse_switches(struct parser *p, const json_t *switches)
{
    struct ofc_jc *jc = &p->jc;
    struct vlan_config *cfg = p->cfg;
    if (!ofc_jc_object(jc, switches, "$.switches", NULL)) {
        return false;
    }
    size_t n = json_object_size(switches);
    cfg->switches = ofc_xzalloc((n + 1) * sizeof *cfg->switches);
    const char **keys = ofc_xzalloc((n + 1) * sizeof *keys);
    const char *key;
    const json_t *v;
    json_object_foreach ((json_t *) switches, key, v) {
        char *path = ofc_jc_path_key("$.switches", key);
        struct vlan_switch *sw = &cfg->switches[cfg->n_switches];
        keys[cfg->n_switches++] = key;
        if (parse_switch(jc, key, v, path, sw)) {
            for (size_t i = 0; i + 1 < cfg->n_switches; i++) {
                const struct vlan_switch *o = &cfg->switches[i];
                const char *what = NULL;
                if (sw->has_dpid && o->has_dpid && sw->dpid == o->dpid) {
                    what = "datapath id";
                } else if (sw->name && o->name
                           && !strcmp(sw->name, o->name)) {
                    what = "bridge name";
                }
                if (what) {
                    char *first = ofc_jc_path_key("$.switches", keys[i]);
                    ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                                "duplicate switch: same %s as %s",
                                what, first);
                    free(first);
                    break;
                }
            }
        }
        free(path);
        if (!ofc_jc_ok(jc)) {
            break;
        }
    }
    free(keys);
    return ofc_jc_ok(jc);
}

/* ---- Routers. ---------------------------------------------------------- */

/* Parses the MAC "xx:xx:xx:xx:xx:xx" 's' (at 'path') into 'mac'. */
static bool
parse_router_mac(struct ofc_jc *jc, const char *s, const char *path,
                 uint8_t mac[6])
{
    bool ok = strlen(s) == 17;
    for (size_t i = 0; ok && i < 17; i++) {
        ok = i % 3 == 2 ? s[i] == ':' : isxdigit((unsigned char) s[i]);
    }
    if (!ok) {
        return fail_quoted(jc, OFC_JC_BAD_VALUE, path,
                           "must be a MAC address \"xx:xx:xx:xx:xx:xx\", "
                           "got %s", s);
    }
    for (size_t i = 0; i < 6; i++) {
        mac[i] = strtoul((char []) { s[i * 3], s[i * 3 + 1], '\0' }, NULL,
                         16);
    }
    if (mac[0] & 1) {
        return fail_quoted(jc, OFC_JC_BAD_VALUE, path,
                           "must be a unicast MAC address, got %s", s);
    }
    if (!(mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5])) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "must not be 00:00:00:00:00:00");
    }
    return true;
}

/* qsort comparator: VIDs. */
static int
compare_vids(const void *a_, const void *b_)
{
    const uint16_t *a = a_, *b = b_;
    return *a < *b ? -1 : *a > *b;
}

/* Checks VLAN 'vid' (element at 'path') of router 'r', whose earlier
 * VLANs are in place: it exists, has a gateway, is in no other router
 * (owners[vid] names the router key that has it, for messages) and its
 * subnet overlaps no other of the router's. */
static bool
check_router_vlan(struct ofc_jc *jc, const struct vlan_config *cfg,
                  const struct vlan_router *r, uint16_t vid,
                  const char *path, const char **owners)
{
    const struct vlan_info *info = vlan_config_vlan(cfg, vid);
    if (!info) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "VLAN %u is not defined in $.vlans", vid);
    }
    if (!info->has_gateway) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "VLAN %u has no routing.gateway", vid);
    }
    if (owners[vid]) {
        if (!strcmp(owners[vid], r->name)) {
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                               "VLAN %u is listed twice", vid);
        }
        char *other = ofc_jc_path_key("$.routers", owners[vid]);
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                    "VLAN %u is already routed by %s", vid, other);
        free(other);
        return false;
    }
    for (size_t i = 0; i < r->n_vlans; i++) {
        const struct vlan_info *o = vlan_config_vlan(cfg, r->vlans[i]);
        unsigned len = (o->prefix_len < info->prefix_len
                        ? o->prefix_len : info->prefix_len);
        uint32_t mask = prefix_mask(len);
        if ((o->gateway & mask) == (info->gateway & mask)) {
            char a[16], b[16];
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                               "gateway subnet %s/%u of VLAN %u overlaps "
                               "%s/%u of VLAN %u",
                               ip_string(info->gateway
                                         & prefix_mask(info->prefix_len),
                                         a),
                               info->prefix_len, vid,
                               ip_string(o->gateway
                                         & prefix_mask(o->prefix_len), b),
                               o->prefix_len, o->vid);
        }
    }
    return true;
}

/* Parses router 'key' = 'v' into 'r'. */
static bool
parse_router(struct ofc_jc *jc, const struct vlan_config *cfg,
             const char *key, const json_t *v, const char *path,
             struct vlan_router *r, const char **owners)
{
    static const char *const keys[] = { "vlans", "mac", NULL };
    static const uint8_t default_mac[6] = VLAN_ROUTER_DEFAULT_MAC;
    size_t len = strlen(key);
    if (!len || len > VLAN_NAME_MAX) {
        return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                           "router name must be 1-%d bytes long",
                           VLAN_NAME_MAX);
    }
    r->name = ofc_xstrdup(key);
    memcpy(r->mac, default_mac, 6);
    if (!ofc_jc_object(jc, v, path, keys)) {
        return false;
    }
    const json_t *vlans = ofc_jc_member(jc, v, path, "vlans", true);
    if (vlans) {
        char *vpath = ofc_jc_path_key(path, "vlans");
        if (ofc_jc_array(jc, vlans, vpath, 1, VLAN_MAX)) {
            r->vlans = ofc_xzalloc(json_array_size(vlans)
                                   * sizeof *r->vlans);
            size_t i;
            const json_t *e;
            json_array_foreach (vlans, i, e) {
                char *epath = ofc_jc_path_index(vpath, i);
                uint64_t vid;
                if (ofc_jc_uint(jc, e, epath, VLAN_MIN, VLAN_MAX, &vid)
                    && check_router_vlan(jc, cfg, r, vid, epath, owners)) {
                    r->vlans[r->n_vlans++] = vid;
                    owners[vid] = r->name;
                }
                free(epath);
                if (!ofc_jc_ok(jc)) {
                    break;
                }
            }
            qsort(r->vlans, r->n_vlans, sizeof *r->vlans, compare_vids);
        }
        free(vpath);
    }
    const char *mac;
    if (ofc_jc_get_string(jc, v, path, "mac", false, false, 64, &mac)) {
        char *mpath = ofc_jc_path_key(path, "mac");
        parse_router_mac(jc, mac, mpath, r->mac);
        free(mpath);
    }
    return ofc_jc_ok(jc);
}

/* Parses "routers" (after "vlans"). */
static bool
parse_routers(struct parser *p, const json_t *routers)
{
    struct ofc_jc *jc = &p->jc;
    struct vlan_config *cfg = p->cfg;
    if (!ofc_jc_object(jc, routers, "$.routers", NULL)) {
        return false;
    }
    const char **owners = ofc_xzalloc((VLAN_MAX + 1) * sizeof *owners);
    cfg->routers = ofc_xzalloc((json_object_size(routers) + 1)
                               * sizeof *cfg->routers);
    const char *key;
    const json_t *v;
    json_object_foreach ((json_t *) routers, key, v) {
        char *path = ofc_jc_path_key("$.routers", key);
        parse_router(jc, cfg, key, v, path,
                     &cfg->routers[cfg->n_routers++], owners);
        free(path);
        if (!ofc_jc_ok(jc)) {
            break;
        }
    }
    free(owners);
    return ofc_jc_ok(jc);
}

/* ---- The whole configuration. ------------------------------------------ */

int
vlan_config_parse(const json_t *root, const char *file,
                  struct vlan_config **cfgp, char **error)
{
    struct parser p = { OFC_JC_INITIALIZER, ofc_xzalloc(sizeof *p.cfg) };
    struct vlan_config *cfg = p.cfg;
    struct ofc_jc *jc = &p.jc;

    *cfgp = NULL;
    *error = NULL;
    cfg->default_port.native_vlan = 1;
    if (root && ofc_jc_object(jc, root, "$", NULL)) {
        const json_t *v;
        if ((v = json_object_get(root, "vlans"))) {
            parse_vlans(&p, v);
        }
        if ((v = json_object_get(root, "default_port"))) {
            cfg->default_port.native_vlan = 0;
            parse_port(jc, v, "$.default_port", &cfg->default_port);
        }
        if ((v = json_object_get(root, "ports"))) {
            parse_profiles(&p, v);
        }
        if ((v = json_object_get(root, "switches"))) {
            parse_switches(&p, v);
        }
        if ((v = json_object_get(root, "routers"))) {
            parse_routers(&p, v);
        }
    }
    if (!ofc_jc_ok(jc)) {
        *error = ofc_xasprintf("%s: %s", file ? file : "configuration",
                               ofc_jc_message(jc));
        ofc_jc_destroy(jc);
        vlan_config_free(cfg);
        return EINVAL;
    }
    ofc_jc_destroy(jc);
    *cfgp = cfg;
    return 0;
}

void
vlan_config_free(struct vlan_config *cfg)
{
    if (!cfg) {
        return;
    }
    for (size_t i = 0; i < cfg->n_vlans; i++) {
        free(cfg->vlans[i].name);
        free(cfg->vlans[i].description);
    }
    free(cfg->vlans);
    for (size_t i = 0; i < cfg->n_profiles; i++) {
        free(cfg->profiles[i].name);
        port_destroy(&cfg->profiles[i].port);
    }
    free(cfg->profiles);
    port_destroy(&cfg->default_port);
    for (size_t i = 0; i < cfg->n_switches; i++) {
        struct vlan_switch *sw = &cfg->switches[i];
        for (size_t j = 0; j < sw->n_ports; j++) {
            free(sw->ports[j].name);
            port_destroy(&sw->ports[j].port);
        }
        free(sw->ports);
        free(sw->name);
    }
    free(cfg->switches);
    for (size_t i = 0; i < cfg->n_routers; i++) {
        free(cfg->routers[i].name);
        free(cfg->routers[i].vlans);
    }
    free(cfg->routers);
    free(cfg);
}

/* ---- Lookups. ---------------------------------------------------------- */

/* The switch entry for 'dpid' (first) or bridge name 'bridge', or NULL. */
static const struct vlan_switch *
find_switch(const struct vlan_config *cfg, uint64_t dpid,
            const char *bridge)
{
    for (size_t i = 0; i < cfg->n_switches; i++) {
        if (cfg->switches[i].has_dpid && cfg->switches[i].dpid == dpid) {
            return &cfg->switches[i];
        }
    }
    for (size_t i = 0; bridge && i < cfg->n_switches; i++) {
        if (cfg->switches[i].name && !strcmp(cfg->switches[i].name, bridge)) {
            return &cfg->switches[i];
        }
    }
    return NULL;
}

const struct vlan_port *
vlan_config_port(const struct vlan_config *cfg, uint64_t dpid,
                 const char *bridge, uint32_t port_no,
                 const char *port_name)
{
    const struct vlan_switch *sw = find_switch(cfg, dpid, bridge);
    if (sw) {
        for (size_t i = 0; port_no && i < sw->n_ports; i++) {
            if (sw->ports[i].port_no == port_no) {
                return &sw->ports[i].port;
            }
        }
        for (size_t i = 0; port_name && i < sw->n_ports; i++) {
            if (sw->ports[i].name && !strcmp(sw->ports[i].name, port_name)) {
                return &sw->ports[i].port;
            }
        }
    }
    if (port_name && cfg->n_profiles) {
        struct vlan_profile key = { .name = (char *) port_name };
        const struct vlan_profile *prof
            = bsearch(&key, cfg->profiles, cfg->n_profiles,
                      sizeof *cfg->profiles, compare_profiles);
        if (prof) {
            return &prof->port;
        }
    }
    return &cfg->default_port;
}

const struct vlan_info *
vlan_config_vlan(const struct vlan_config *cfg, uint16_t vid)
{
    struct vlan_info key = { .vid = vid };
    return cfg->n_vlans ? bsearch(&key, cfg->vlans, cfg->n_vlans,
                                  sizeof *cfg->vlans, compare_vlans)
                        : NULL;
}

bool
vlan_port_equal(const struct vlan_port *a, const struct vlan_port *b)
{
    return (a->native_vlan == b->native_vlan
            && !memcmp(&a->tagged, &b->tagged, sizeof a->tagged));
}

/* ---- VID sets as masked matches. --------------------------------------- */

/* A block of VIDs: v is in it iff (v & mask) == value.  'value' has no
 * bits outside 'mask'. */
struct vid_block {
    uint16_t value;
    uint16_t mask;
};

/* How many VIDs of [base, base + size) are in 's' ('size' a power of 2,
 * 'base' a multiple of it). */
static unsigned
count_range(const struct vlan_set *s, unsigned base, unsigned size)
{
    if (size >= 64) {
        unsigned n = 0;
        for (unsigned i = base / 64; i < (base + size) / 64; i++) {
            n += __builtin_popcountll(s->bits[i]);
        }
        return n;
    }
    uint64_t word = s->bits[base / 64] >> (base % 64);
    return __builtin_popcountll(word & ((1ull << size) - 1));
}

/* Appends the aligned blocks that exactly cover the members of 's' in
 * [base, base + 2^bits) to 'out' (the largest such blocks: a trie walk). */
static void
prefix_cover(const struct vlan_set *s, unsigned base, unsigned bits,
             struct vid_block *out, size_t *n)
{
    unsigned size = 1u << bits;
    unsigned count = count_range(s, base, size);
    if (count == size) {
        out[(*n)++] = (struct vid_block) { base, 0xfff & ~(size - 1) };
    } else if (count) {
        prefix_cover(s, base, bits - 1, out, n);
        prefix_cover(s, base + size / 2, bits - 1, out, n);
    }
}

/* qsort/bsearch comparator: blocks by mask, then value. */
static int
compare_blocks(const void *a_, const void *b_)
{
    const struct vid_block *a = a_, *b = b_;
    if (a->mask != b->mask) {
        return a->mask < b->mask ? -1 : 1;
    }
    return a->value < b->value ? -1 : a->value > b->value;
}

/* One pass of merging pairs of blocks with the same mask whose values
 * differ in exactly one masked bit into one block with that bit
 * wildcarded.  The blocks stay disjoint and cover the same VIDs.
 * Returns true if anything merged. */
static bool
merge_blocks(struct vid_block *blocks, size_t *n)
{
    struct vid_block out[2048];
    bool used[2048] = { false };
    size_t n_out = 0;
    bool changed = false;

    qsort(blocks, *n, sizeof *blocks, compare_blocks);
    for (size_t i = 0; i < *n; i++) {
        if (used[i]) {
            continue;
        }
        struct vid_block b = blocks[i];
        for (unsigned bit = 1; bit < 0x1000; bit <<= 1) {
            if (!(b.mask & bit) || b.value & bit) {
                continue;
            }
            struct vid_block partner = { b.value | bit, b.mask };
            const struct vid_block *j = bsearch(&partner, blocks, *n,
                                                sizeof *blocks,
                                                compare_blocks);
            if (j && !used[j - blocks]) {
                used[j - blocks] = true;
                b.mask &= ~bit;
                changed = true;
                break;
            }
        }
        used[i] = true;
        out[n_out++] = b;
    }
    memcpy(blocks, out, n_out * sizeof *out);
    *n = n_out;
    return changed;
}

size_t
vlan_set_prefixes(const struct vlan_set *s, uint16_t values[],
                  uint16_t masks[], size_t max)
{
    struct vid_block blocks[2048];
    size_t n = 0;

    prefix_cover(s, 0, 12, blocks, &n);
    while (n > 1 && merge_blocks(blocks, &n)) {
        continue;
    }
    if (n > max) {
        return max + 1;
    }
    qsort(blocks, n, sizeof *blocks, compare_blocks);
    for (size_t i = 0; i < n; i++) {
        values[i] = blocks[i].value;
        masks[i] = blocks[i].mask;
    }
    return n;
}
