/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* ARP drop rules: JSON <-> struct arp_rule, and their matches (see
 * arp-rule.h).  Validation names every bad field by its JSON path; the
 * parsed rule is normalized (MAC and IP bits outside the mask cleared,
 * dpids sorted and unique) so that two rules that match the same frames
 * compare equal. */

#include "apps/arp-rule.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "controller/json-check.h"
#include "controller/route.h"
#include "controller/switch.h"
#include "controller/util.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-packet.h"

/* Keys of a rule object from a client or the configuration. */
#define RULE_KEYS "sender_mac", "sender_mac_mask", "sender_ip", \
    "target_ip", "op", "in_port", "vlan", "dpids", "description", \
    "ttl_seconds"

/* Metadata bits that hold the VLAN (docs/l2.md). */
#define ARP_META_VLAN_MASK 0xfffull

bool
arp_parse_mac(const char *s, uint8_t mac[6])
{
    for (int i = 0; i < 6; i++) {
        const char *p = s + 3 * i;
        char hex[3] = { 0 };
        if (!isxdigit((unsigned char) p[0])
            || !isxdigit((unsigned char) p[1])
            || p[2] != (i < 5 ? ':' : '\0')) {
            return false;
        }
        hex[0] = p[0];
        hex[1] = p[1];
        mac[i] = strtoul(hex, NULL, 16);
    }
    return true;
}

bool
arp_parse_ipv4(const char *s, uint32_t *ip)
{
    struct in_addr a;
    if (inet_pton(AF_INET, s, &a) != 1) {
        return false;
    }
    *ip = ntohl(a.s_addr);
    return true;
}

bool
arp_parse_cidr(const char *s, uint32_t *ip, unsigned *len)
{
    char buf[32];
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t) (slash - s) : strlen(s);

    if (n >= sizeof buf) {
        return false;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (!arp_parse_ipv4(buf, ip)) {
        return false;
    }
    *len = 32;
    if (slash) {
        const char *d = slash + 1;
        if (!*d || strlen(d) > 2 || strspn(d, "0123456789") != strlen(d)) {
            return false;
        }
        *len = atoi(d);
        if (*len < 1 || *len > 32) {
            return false;
        }
    }
    *ip &= *len == 32 ? UINT32_MAX : ~(UINT32_MAX >> *len);
    return true;
}

char *
arp_format_mac(const uint8_t m[6], char buf[18])
{
    snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
             m[0], m[1], m[2], m[3], m[4], m[5]);
    return buf;
}

char *
arp_format_ipv4(uint32_t ip, char buf[16])
{
    snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff,
             (ip >> 8) & 0xff, ip & 0xff);
    return buf;
}

/* Returns "A.B.C.D/N" of an address and prefix (a new JSON string). */
static json_t *
cidr_json(uint32_t ip, unsigned len)
{
    char buf[16], s[24];
    snprintf(s, sizeof s, "%s/%u", arp_format_ipv4(ip, buf), len);
    return json_string(s);
}

bool
arp_check_port(struct ofc_jc *jc, const json_t *v, const char *path,
               uint32_t *port_no, const char **name)
{
    uint64_t n;
    *port_no = 0;
    *name = NULL;
    if (!ofc_jc_ok(jc)) {
        return false;
    }
    if (json_is_integer(v)) {
        if (ofc_jc_uint(jc, v, path, 1, OFPP_MAX, &n)) {
            *port_no = n;
            return true;
        }
        return false;
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (!*s || strlen(s) > 15) {
            return ofc_jc_fail(jc, OFC_JC_BAD_VALUE, path,
                               "must be a port number 1-%u or a port name "
                               "of 1-15 bytes", OFPP_MAX);
        }
        *name = s;
        return true;
    }
    return ofc_jc_fail(jc, OFC_JC_BAD_TYPE, path, "must be an integer or a "
                       "string, not %s", ofc_jc_type_name(v));
}

uint32_t
arp_port_by_name(const struct ofc_switch *sw, const char *name)
{
    size_t n;
    const struct ofp_port *ports = ofc_switch_ports(sw, &n);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(ports[i].name, name)) {
            return ports[i].port_no;
        }
    }
    return 0;
}

/* Reads MAC member 'key' of 'obj'.  Returns true if present and valid. */
static bool
get_mac(struct ofc_jc *jc, const json_t *obj, const char *path,
        const char *key, uint8_t mac[6])
{
    const char *s;
    if (!ofc_jc_get_string(jc, obj, path, key, false, false, 64, &s)) {
        return false;
    }
    if (!arp_parse_mac(s, mac)) {
        char *p = ofc_jc_path_key(path, key);
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "\"%s\" is not a MAC address "
                    "xx:xx:xx:xx:xx:xx", s);
        free(p);
        return false;
    }
    return true;
}

/* Reads CIDR member 'key' of 'obj'.  Returns true if present and valid. */
static bool
get_cidr(struct ofc_jc *jc, const json_t *obj, const char *path,
         const char *key, uint32_t *ip, unsigned *len)
{
    const char *s;
    if (!ofc_jc_get_string(jc, obj, path, key, false, false, 64, &s)) {
        return false;
    }
    if (!arp_parse_cidr(s, ip, len)) {
        char *p = ofc_jc_path_key(path, key);
        ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "\"%s\" is not an IPv4 "
                    "address or CIDR A.B.C.D/N (N 1-32)", s);
        free(p);
        return false;
    }
    return true;
}

/* qsort() comparator of dpids. */
static int
cmp_u64(const void *a_, const void *b_)
{
    uint64_t a = *(const uint64_t *) a_, b = *(const uint64_t *) b_;
    return a < b ? -1 : a > b;
}

/* Parses the "dpids" array 'v' at 'path' into 'r'. */
static void
parse_dpids(struct ofc_jc *jc, const json_t *v, const char *path,
            struct arp_rule *r)
{
    if (!ofc_jc_array(jc, v, path, 0, ARP_RULE_MAX_DPIDS)) {
        return;
    }
    r->dpids = ofc_xzalloc((json_array_size(v) + 1) * sizeof *r->dpids);
    for (size_t i = 0; i < json_array_size(v); i++) {
        char *p = ofc_jc_path_index(path, i);
        const char *s;
        uint64_t dpid;
        if (ofc_jc_string(jc, json_array_get(v, i), p, true, 64, &s)) {
            if (ofc_rest_parse_dpid(s, &dpid)) {
                r->dpids[r->n_dpids++] = dpid;
            } else {
                ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p,
                            "\"%s\" is not a datapath id", s);
            }
        }
        free(p);
    }
    qsort(r->dpids, r->n_dpids, sizeof *r->dpids, cmp_u64);
    size_t n = 0;
    for (size_t i = 0; i < r->n_dpids; i++) {
        if (!n || r->dpids[n - 1] != r->dpids[i]) {
            r->dpids[n++] = r->dpids[i];
        }
    }
    r->n_dpids = n;
}

struct arp_rule *
arp_rule_parse(struct ofc_jc *jc, const json_t *obj, const char *path,
               bool stored)
{
    static const char *const keys[] = { RULE_KEYS, NULL };
    static const char *const stored_keys[] = {
        RULE_KEYS, "id", "expires_at", NULL,
    };
    struct arp_rule *r = ofc_xzalloc(sizeof *r);
    const json_t *v;
    const char *s;
    uint64_t n;

    if (!ofc_jc_object(jc, obj, path, stored ? stored_keys : keys)) {
        goto fail;
    }
    if (get_mac(jc, obj, path, "sender_mac", r->sha)) {
        r->has_sha = true;
        memset(r->sha_mask, 0xff, 6);
    }
    if (get_mac(jc, obj, path, "sender_mac_mask", r->sha_mask)) {
        char *p = ofc_jc_path_key(path, "sender_mac_mask");
        if (!r->has_sha) {
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "needs \"sender_mac\"");
        } else if (!memcmp(r->sha_mask, (uint8_t[6]) { 0 }, 6)) {
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "must not be all zeros");
        }
        free(p);
        for (int i = 0; i < 6; i++) {
            r->sha[i] &= r->sha_mask[i];
        }
    }
    r->has_spa = get_cidr(jc, obj, path, "sender_ip", &r->spa, &r->spa_len);
    r->has_tpa = get_cidr(jc, obj, path, "target_ip", &r->tpa, &r->tpa_len);

    v = ofc_jc_member(jc, obj, path, "op", false);
    if (v) {
        char *p = ofc_jc_path_key(path, "op");
        if (json_is_string(v) && !strcmp(json_string_value(v), "request")) {
            r->op = 1;
        } else if (json_is_string(v)
                   && !strcmp(json_string_value(v), "reply")) {
            r->op = 2;
        } else if (json_is_integer(v)) {
            if (ofc_jc_uint(jc, v, p, 1, 2, &n)) {
                r->op = n;
            }
        } else if (json_is_string(v)) {
            ofc_jc_fail(jc, OFC_JC_BAD_VALUE, p, "must be \"request\" or "
                        "\"reply\", got \"%.32s\"", json_string_value(v));
        } else {
            ofc_jc_fail(jc, OFC_JC_BAD_TYPE, p, "must be \"request\" or "
                        "\"reply\", not %s", ofc_jc_type_name(v));
        }
        free(p);
    }

    v = ofc_jc_member(jc, obj, path, "in_port", false);
    if (v) {
        char *p = ofc_jc_path_key(path, "in_port");
        const char *name;
        if (arp_check_port(jc, v, p, &r->in_port, &name) && name) {
            r->in_port_name = ofc_xstrdup(name);
        }
        free(p);
    }
    if (ofc_jc_get_uint(jc, obj, path, "vlan", false, 1, 4094, &n)) {
        r->vlan = n;
    }
    v = ofc_jc_member(jc, obj, path, "dpids", false);
    if (v) {
        char *p = ofc_jc_path_key(path, "dpids");
        parse_dpids(jc, v, p, r);
        free(p);
    }
    if (ofc_jc_get_string(jc, obj, path, "description", false, false,
                          ARP_RULE_MAX_DESCRIPTION, &s)) {
        r->description = ofc_xstrdup(s);
    }
    if (ofc_jc_get_uint(jc, obj, path, "ttl_seconds", false, 1, 65535, &n)) {
        r->ttl_seconds = n;
    }
    if (ofc_jc_ok(jc) && !r->has_sha && !r->has_spa && !r->has_tpa
        && !r->op && !r->in_port && !r->in_port_name && !r->vlan) {
        ofc_jc_fail(jc, OFC_JC_MISSING_FIELD, path, "at least one match "
                    "field is required (sender_mac, sender_ip, target_ip, "
                    "op, in_port, vlan)");
    }
    if (ofc_jc_ok(jc)) {
        return r;
    }
fail:
    arp_rule_free(r);
    return NULL;
}

void
arp_rule_free(struct arp_rule *r)
{
    if (r) {
        free(r->in_port_name);
        free(r->dpids);
        free(r->description);
        free(r);
    }
}

/* True if the optional strings 'a' and 'b' are equal. */
static bool
str_eq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

bool
arp_rule_same(const struct arp_rule *a, const struct arp_rule *b)
{
    return (a->has_sha == b->has_sha
            && (!a->has_sha || (!memcmp(a->sha, b->sha, 6)
                                && !memcmp(a->sha_mask, b->sha_mask, 6)))
            && a->has_spa == b->has_spa
            && (!a->has_spa || (a->spa == b->spa
                                && a->spa_len == b->spa_len))
            && a->has_tpa == b->has_tpa
            && (!a->has_tpa || (a->tpa == b->tpa
                                && a->tpa_len == b->tpa_len))
            && a->op == b->op && a->in_port == b->in_port
            && str_eq(a->in_port_name, b->in_port_name)
            && a->vlan == b->vlan && a->n_dpids == b->n_dpids
            && (!a->n_dpids
                || !memcmp(a->dpids, b->dpids,
                           a->n_dpids * sizeof *a->dpids)));
}

bool
arp_rule_on_switch(const struct arp_rule *r, uint64_t dpid)
{
    if (!r->n_dpids) {
        return true;
    }
    for (size_t i = 0; i < r->n_dpids; i++) {
        if (r->dpids[i] == dpid) {
            return true;
        }
    }
    return false;
}

bool
arp_rule_match(const struct arp_rule *r, const struct ofc_switch *sw,
               struct ofp_match *m)
{
    uint32_t port = r->in_port;
    if (r->in_port_name) {
        port = arp_port_by_name(sw, r->in_port_name);
        if (!port) {
            return false;
        }
    }
    ofp_match_init(m);
    ofp_match_set_u16(m, OFP_F_ETH_TYPE, OFP_ETH_TYPE_ARP);
    if (port) {
        ofp_match_set_u32(m, OFP_F_IN_PORT, port);
    }
    if (r->vlan) {
        union ofp_field_value v = { .u64 = r->vlan };
        union ofp_field_value mk = { .u64 = ARP_META_VLAN_MASK };
        ofp_match_set(m, OFP_F_METADATA, &v, &mk);
    }
    if (r->has_sha) {
        union ofp_field_value v, mk;
        memcpy(v.mac, r->sha, 6);
        memcpy(mk.mac, r->sha_mask, 6);
        ofp_match_set(m, OFP_F_ARP_SHA, &v, &mk);
    }
    if (r->has_spa) {
        ofp_match_set_ipv4_prefix(m, OFP_F_ARP_SPA, r->spa, r->spa_len);
    }
    if (r->has_tpa) {
        ofp_match_set_ipv4_prefix(m, OFP_F_ARP_TPA, r->tpa, r->tpa_len);
    }
    if (r->op) {
        ofp_match_set_u16(m, OFP_F_ARP_OP, r->op);
    }
    return true;
}

json_t *
arp_rule_id_json(const struct arp_rule *r)
{
    if (r->from_config) {
        char s[32];
        snprintf(s, sizeof s, "cfg-%"PRIu64, r->id);
        return json_string(s);
    }
    return json_integer(r->id);
}

json_t *
arp_rule_json(const struct arp_rule *r)
{
    json_t *o = json_object();
    char buf[18];

    json_object_set_new(o, "id", arp_rule_id_json(r));
    json_object_set_new(o, "source",
                        json_string(r->from_config ? "config" : "rest"));
    if (r->has_sha) {
        json_object_set_new(o, "sender_mac",
                            json_string(arp_format_mac(r->sha, buf)));
        json_object_set_new(o, "sender_mac_mask",
                            json_string(arp_format_mac(r->sha_mask, buf)));
    }
    if (r->has_spa) {
        json_object_set_new(o, "sender_ip", cidr_json(r->spa, r->spa_len));
    }
    if (r->has_tpa) {
        json_object_set_new(o, "target_ip", cidr_json(r->tpa, r->tpa_len));
    }
    if (r->op) {
        json_object_set_new(o, "op",
                            json_string(r->op == 1 ? "request" : "reply"));
    }
    if (r->in_port_name) {
        json_object_set_new(o, "in_port", ofc_rest_string(r->in_port_name));
    } else if (r->in_port) {
        json_object_set_new(o, "in_port", json_integer(r->in_port));
    }
    if (r->vlan) {
        json_object_set_new(o, "vlan", json_integer(r->vlan));
    }
    json_t *dpids = json_array();
    for (size_t i = 0; i < r->n_dpids; i++) {
        json_array_append_new(dpids, ofc_rest_dpid_json(r->dpids[i]));
    }
    json_object_set_new(o, "dpids", dpids);
    if (r->description) {
        json_object_set_new(o, "description",
                            ofc_rest_string(r->description));
    }
    if (r->ttl_seconds) {
        long long left = (r->expires_msec - ofc_time_msec() + 999) / 1000;
        json_object_set_new(o, "ttl_seconds", json_integer(r->ttl_seconds));
        json_object_set_new(o, "expires_in",
                            json_integer(left > 0 ? left : 0));
    }
    return o;
}
