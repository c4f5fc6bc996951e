/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#include "ofp/ofp-parse.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A parse in progress.  'buf' is a private, writable copy of the caller's
 * text that the scanner cuts up with NULs, so every token is a pointer into
 * it and its position is its offset from 'buf'.  Owns 'buf' and 'error'. */
struct parser {
    char *buf;
    struct ofp_arena *arena;
    char *error;                /* First error, malloc'ed, or NULL. */
    int in_ct_exec;             /* Depth of ct(exec(...)): allows nat. */
};

/* Records an error about the token at 'at' (a pointer into ps->buf) unless
 * one is recorded already.  Returns EINVAL for tail calls. */
static int __attribute__((format(printf, 3, 4)))
perr(struct parser *ps, const char *at, const char *fmt, ...)
{
    if (!ps->error) {
        char msg[256], full[320];
        va_list args;
        va_start(args, fmt);
        vsnprintf(msg, sizeof msg, fmt, args);
        va_end(args);
        snprintf(full, sizeof full, "%s at position %zu", msg,
                 (size_t) (at - ps->buf) + 1);
        ps->error = strdup(full);
    }
    return EINVAL;
}

/* Sets up 'ps' for 'text'; returns ENOMEM if it cannot be copied. */
static int
parser_init(struct parser *ps, const char *text, struct ofp_arena *arena)
{
    ps->buf = strdup(text ? text : "");
    ps->arena = arena;
    ps->error = NULL;
    ps->in_ct_exec = 0;
    return ps->buf ? 0 : ENOMEM;
}

/* Frees 'ps', handing its error message (if any) to '*error'. */
static int
parser_finish(struct parser *ps, int retval, char **error)
{
    free(ps->buf);
    if (retval && !ps->error) {
        ps->error = strdup("out of memory");
    }
    if (error) {
        *error = retval ? ps->error : NULL;
    } else {
        free(ps->error);
    }
    if (!retval) {
        free(ps->error);
    }
    return retval;
}

/* ---- Scanning. ------------------------------------------------------- */

#define SEPARATORS ", \t\r\n"

/* Scans the next "key", "key=value", "key:value" or "key(value)" from
 * '*sp', cutting it out with NULs and advancing '*sp'.  Sets '*key' to
 * NULL at the end of the text.  A value ends at a comma or white space
 * outside parentheses; parentheses must balance. */
static int
next_kv(struct parser *ps, char **sp, char **key, char **value)
{
    char *s = *sp + strspn(*sp, SEPARATORS);
    size_t klen;
    char sep;

    *key = *value = NULL;
    if (!*s) {
        *sp = s;
        return 0;
    }
    klen = strcspn(s, ":=(), \t\r\n");
    sep = s[klen];
    if (sep == ')') {
        return perr(ps, s + klen, "unbalanced parenthesis \")\"");
    }
    if (!klen) {
        return perr(ps, s, "missing name before \"%c\"", sep);
    }
    *key = s;
    s[klen] = '\0';
    if (sep == '(') {
        char *v = s + klen + 1, *p;
        int depth = 1;
        for (p = v; *p; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')' && !--depth) {
                break;
            }
        }
        if (!*p) {
            return perr(ps, s, "unbalanced parenthesis after \"%s\"", s);
        }
        *p++ = '\0';
        if (*p && !strchr(SEPARATORS, *p)) {
            return perr(ps, p, "unexpected text after \"%s(...)\"", s);
        }
        *value = v;
        *sp = *p ? p + 1 : p;
    } else if (sep == '=' || sep == ':') {
        char *v = s + klen + 1, *p;
        int depth = 0;
        for (p = v; *p; p++) {
            if (*p == '(') {
                depth++;
            } else if (*p == ')') {
                if (!depth) {
                    return perr(ps, p, "unbalanced parenthesis \")\"");
                }
                depth--;
            } else if (!depth && strchr(SEPARATORS, *p)) {
                break;
            }
        }
        if (depth) {
            return perr(ps, v, "unbalanced parenthesis in \"%s\"", v);
        }
        *value = v;
        *sp = *p ? p + 1 : p;
        *p = '\0';
    } else {
        *value = s + klen;      /* Empty string. */
        *sp = sep ? s + klen + 1 : s + klen;
    }
    return 0;
}

/* Parses an unsigned integer, decimal or "0x" hex, that must fill 's' and
 * be at most 'max'.  'what' names it in errors. */
static int
parse_uint(struct parser *ps, const char *s, uint64_t max, const char *what,
           uint64_t *out)
{
    const char *digits = s;
    int base = 10;
    char *end;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        digits = s + 2;
    }
    if (!isxdigit((unsigned char) *digits)
        || (base == 10 && !isdigit((unsigned char) *digits))) {
        return perr(ps, s, "bad number \"%s\" for %s", s, what);
    }
    errno = 0;
    unsigned long long v = strtoull(digits, &end, base);
    if (*end) {
        return perr(ps, s, "bad number \"%s\" for %s", s, what);
    }
    if (errno == ERANGE || v > max) {
        return perr(ps, s, "value \"%s\" too large for %s (max %"PRIu64")",
                    s, what, max);
    }
    *out = v;
    return 0;
}

/* Port names Open vSwitch accepts, with their OpenFlow 1.3 numbers. */
static const struct {
    const char *name;
    uint32_t port;
} port_names[] = {
    { "IN_PORT", OFPP_IN_PORT }, { "TABLE", OFPP_TABLE },
    { "NORMAL", OFPP_NORMAL }, { "FLOOD", OFPP_FLOOD },
    { "ALL", OFPP_ALL }, { "CONTROLLER", OFPP_CONTROLLER },
    { "LOCAL", OFPP_LOCAL }, { "ANY", OFPP_ANY }, { "NONE", OFPP_ANY },
};

/* Looks up a reserved port name (case-insensitive); false if not one. */
static bool
port_from_name(const char *s, uint32_t *port)
{
    for (size_t i = 0; i < sizeof port_names / sizeof *port_names; i++) {
        if (!strcasecmp(s, port_names[i].name)) {
            *port = port_names[i].port;
            return true;
        }
    }
    return false;
}

/* Parses a port: a name or a number.  Numbers in Open vSwitch's 16-bit
 * reserved range 0xff00..0xffff map to 0xffffff00.., as
 * ofp_port_no_format() prints them. */
static int
parse_port(struct parser *ps, const char *s, uint32_t *port)
{
    uint64_t v;

    if (port_from_name(s, port)) {
        return 0;
    }
    if (!isdigit((unsigned char) *s)) {
        return perr(ps, s, "unknown port \"%s\"", s);
    }
    if (parse_uint(ps, s, UINT32_MAX, "port", &v)) {
        return EINVAL;
    }
    if (v >= 0xff00 && v <= 0xffff) {
        v += 0xffff0000u;
    } else if (v >= OFPP_MAX) {
        return perr(ps, s, "port \"%s\" out of range", s);
    }
    *port = v;
    return 0;
}

/* Parses dotted-quad 's' into a host-order address. */
static int
parse_ipv4(struct parser *ps, const char *s, uint32_t *ip)
{
    struct in_addr a;
    if (inet_pton(AF_INET, s, &a) != 1) {
        return perr(ps, s, "bad IPv4 address \"%s\"", s);
    }
    *ip = ntohl(a.s_addr);
    return 0;
}

/* Parses an IPv6 address 's'. */
static int
parse_ipv6(struct parser *ps, const char *s, uint8_t ip[16])
{
    if (inet_pton(AF_INET6, s, ip) != 1) {
        return perr(ps, s, "bad IPv6 address \"%s\"", s);
    }
    return 0;
}

/* Parses a MAC address "xx:xx:xx:xx:xx:xx". */
static int
parse_mac(struct parser *ps, const char *s, uint8_t mac[6])
{
    for (int i = 0; i < 6; i++) {
        const char *p = s + i * 3;
        if (!isxdigit((unsigned char) p[0]) || !isxdigit((unsigned char) p[1])
            || p[2] != (i < 5 ? ':' : '\0')) {
            return perr(ps, s, "bad MAC address \"%s\"", s);
        }
        mac[i] = strtoul((char[]) { p[0], p[1], '\0' }, NULL, 16);
    }
    return 0;
}

/* Parses a 128-bit big-endian value: "0x" and up to 32 hex digits, or a
 * decimal number that fits in 64 bits. */
static int
parse_u128(struct parser *ps, const char *s, const char *what,
           uint8_t out[16])
{
    memset(out, 0, 16);
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        const char *d = s + 2;
        size_t n = strlen(d);
        if (!n || n > 32 || strspn(d, "0123456789abcdefABCDEF") != n) {
            return perr(ps, s, "bad 128-bit value \"%s\" for %s", s, what);
        }
        for (size_t i = 0; i < n; i++) {
            char c = d[n - 1 - i];
            unsigned nib = (isdigit((unsigned char) c)
                            ? (unsigned) (c - '0')
                            : (unsigned) (tolower((unsigned char) c) - 'a'
                                          + 10));
            out[15 - i / 2] |= nib << (4 * (i % 2));
        }
        return 0;
    }
    uint64_t v;
    if (parse_uint(ps, s, UINT64_MAX, what, &v)) {
        return EINVAL;
    }
    for (int i = 0; i < 8; i++) {
        out[15 - i] = v >> (8 * i);
    }
    return 0;
}

/* Stores integer 'x' in 'v' as field 'fi' keeps it. */
static void
store_int(const struct ofp_field_info *fi, uint64_t x,
          union ofp_field_value *v)
{
    switch (fi->type) {
    case OFP_FT_U8: v->u8 = x; break;
    case OFP_FT_U16: v->u16 = x; break;
    case OFP_FT_U32: case OFP_FT_IPV4: v->u32 = x; break;
    case OFP_FT_U64: v->u64 = x; break;
    default: break;
    }
}

/* The largest value of an 'n_bits'-bit field. */
static uint64_t
max_of_bits(unsigned n_bits)
{
    return n_bits >= 64 ? UINT64_MAX : (UINT64_C(1) << n_bits) - 1;
}

/* Parses one value (not a mask) of field 'fi' from 's'. */
static int
parse_one_value(struct parser *ps, const struct ofp_field_info *fi,
                const char *s, bool is_mask, union ofp_field_value *v)
{
    uint64_t x = 0;

    switch (fi->type) {
    case OFP_FT_U8:
    case OFP_FT_U16:
    case OFP_FT_U32:
    case OFP_FT_U64:
        if (fi->fmt == OFP_FF_PORT && !is_mask) {
            uint32_t port;
            if (parse_port(ps, s, &port)) {
                return EINVAL;
            }
            if (fi->len == 2 && port > UINT16_MAX) {
                port &= 0xffff;
            }
            store_int(fi, port, v);
            return 0;
        }
        if (parse_uint(ps, s, max_of_bits(is_mask ? fi->len * 8
                                           : fi->n_bits),
                       fi->name, &x)) {
            return EINVAL;
        }
        store_int(fi, x, v);
        return 0;
    case OFP_FT_IPV4:
        return parse_ipv4(ps, s, &v->u32);
    case OFP_FT_MAC:
        return parse_mac(ps, s, v->mac);
    case OFP_FT_IPV6:
        return parse_ipv6(ps, s, v->bytes);
    case OFP_FT_U128:
        return parse_u128(ps, s, fi->name, v->bytes);
    }
    return perr(ps, s, "unsupported field type");
}

/* Parses "VALUE[/MASK]" for field 'f' into 'v' and 'm'; '*masked' says
 * whether a mask was given.  IPv4 and IPv6 masks may be prefix lengths. */
static int
parse_field_value(struct parser *ps, enum ofp_field f, char *s,
                  union ofp_field_value *v, union ofp_field_value *m,
                  bool *masked)
{
    const struct ofp_field_info *fi = ofp_field_info(f);
    char *slash = strchr(s, '/');

    memset(v, 0, sizeof *v);
    memset(m, 0, sizeof *m);
    *masked = false;
    if (!*s) {
        return perr(ps, s, "missing value for %s", fi->name);
    }
    if (slash) {
        *slash = '\0';
    }
    if (parse_one_value(ps, fi, s, false, v)) {
        return EINVAL;
    }
    if (!slash) {
        return 0;
    }
    char *ms = slash + 1;
    *masked = true;
    if (!fi->maskable) {
        return perr(ps, ms, "field %s does not support a mask", fi->name);
    }
    if ((fi->type == OFP_FT_IPV4 && !strchr(ms, '.'))
        || (fi->type == OFP_FT_IPV6 && !strchr(ms, ':'))) {
        unsigned width = fi->type == OFP_FT_IPV4 ? 32 : 128;
        uint64_t bits;
        if (parse_uint(ps, ms, width, "prefix length", &bits)) {
            return EINVAL;
        }
        if (fi->type == OFP_FT_IPV4) {
            m->u32 = bits ? UINT32_MAX << (32 - bits) : 0;
        } else {
            for (unsigned i = 0; i < 16; i++) {
                unsigned b = bits > i * 8 ? bits - i * 8 : 0;
                m->bytes[i] = b >= 8 ? 0xff : (uint8_t) (0xff00 >> b);
            }
        }
        return 0;
    }
    return parse_one_value(ps, fi, ms, true, m);
}

/* ---- Matches. -------------------------------------------------------- */

/* Protocol shorthands: eth_type and optionally ip_proto. */
static const struct {
    const char *name;
    uint16_t eth_type;
    int ip_proto;               /* -1: none. */
} protocols[] = {
    { "ip", 0x0800, -1 }, { "ipv6", 0x86dd, -1 },
    { "icmp", 0x0800, 1 }, { "icmp6", 0x86dd, 58 },
    { "tcp", 0x0800, 6 }, { "tcp6", 0x86dd, 6 },
    { "udp", 0x0800, 17 }, { "udp6", 0x86dd, 17 },
    { "sctp", 0x0800, 132 }, { "sctp6", 0x86dd, 132 },
    { "arp", 0x0806, -1 }, { "rarp", 0x8035, -1 },
    { "mpls", 0x8847, -1 }, { "mplsm", 0x8848, -1 },
};

/* Names of the ct_state bits, least significant first. */
static const char *const ct_state_names[] = {
    "new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};

/* Looks up a ct_state flag name; -1 if unknown. */
static int
ct_state_bit(const char *name, size_t len)
{
    for (int i = 0; i < 8; i++) {
        if (strlen(ct_state_names[i]) == len
            && !strncmp(name, ct_state_names[i], len)) {
            return i;
        }
    }
    return -1;
}

/* Parses ct_state: "+trk-new" flags, "new|trk" (exact), or "V[/M]". */
static int
parse_ct_state(struct parser *ps, char *s, uint32_t *v, uint32_t *m,
               bool *masked)
{
    *v = *m = 0;
    if (*s == '+' || *s == '-') {
        *masked = true;
        for (char *p = s; *p;) {
            char sign = *p++;
            size_t len = strcspn(p, "+-");
            int bit = sign == '+' || sign == '-' ? ct_state_bit(p, len) : -1;
            if (bit < 0) {
                return perr(ps, p, "unknown ct_state flag \"%.*s\"",
                            (int) len, p);
            }
            if (*m & (1u << bit)) {
                return perr(ps, p, "ct_state flag \"%.*s\" given twice",
                            (int) len, p);
            }
            *m |= 1u << bit;
            *v |= sign == '+' ? 1u << bit : 0;
            p += len;
        }
        return 0;
    }
    if (isalpha((unsigned char) *s)) {
        *masked = false;
        for (char *p = s; *p;) {
            size_t len = strcspn(p, "|");
            int bit = ct_state_bit(p, len);
            if (bit < 0) {
                return perr(ps, p, "unknown ct_state flag \"%.*s\"",
                            (int) len, p);
            }
            *v |= 1u << bit;
            p += len;
            p += *p == '|';
        }
        return 0;
    }
    union ofp_field_value fv, fm;
    if (parse_field_value(ps, OFP_F_CT_STATE, s, &fv, &fm, masked)) {
        return EINVAL;
    }
    *v = fv.u32;
    *m = fm.u32;
    return 0;
}

/* Sets 'f' in 'm', refusing a field set twice. */
static int
set_field(struct parser *ps, struct ofp_match *m, const char *at,
          enum ofp_field f, const union ofp_field_value *v,
          const union ofp_field_value *mask)
{
    if (ofp_match_has(m, f)) {
        return perr(ps, at, "field \"%s\" specified more than once", at);
    }
    ofp_match_set(m, f, v, mask);
    return 0;
}

/* Applies one protocol shorthand or eth_type/ip_proto setting; these are
 * done before other fields, which depend on them. */
static int
apply_proto(struct parser *ps, struct ofp_match *m, const char *at,
            uint16_t eth_type, int ip_proto)
{
    if (ofp_match_has(m, OFP_F_ETH_TYPE)) {
        if (m->v.eth_type != eth_type) {
            return perr(ps, at, "\"%s\" conflicts with an earlier "
                        "Ethernet type", at);
        }
    } else {
        ofp_match_set_u16(m, OFP_F_ETH_TYPE, eth_type);
    }
    if (ip_proto >= 0) {
        if (ofp_match_has(m, OFP_F_IP_PROTO)) {
            return perr(ps, at, "\"%s\" conflicts with an earlier IP "
                        "protocol", at);
        }
        ofp_match_set_u8(m, OFP_F_IP_PROTO, ip_proto);
    }
    return 0;
}

/* True if 'key' is a protocol shorthand, setting '*i' to its index. */
static bool
is_protocol(const char *key, size_t *i)
{
    for (*i = 0; *i < sizeof protocols / sizeof *protocols; (*i)++) {
        if (!strcmp(key, protocols[*i].name)) {
            return true;
        }
    }
    return false;
}

static int match_item(struct parser *, struct ofp_match *, char *key,
                      char *value);

/* Pass 1 of a match item: protocol shorthands, dl_type, nw_proto and the
 * VLAN id, which other fields depend on. */
static int
match_item_proto(struct parser *ps, struct ofp_match *m, char *key,
                 char *value, bool *done)
{
    size_t i;

    *done = true;
    if (is_protocol(key, &i)) {
        if (*value) {
            return perr(ps, key, "protocol \"%s\" takes no value", key);
        }
        return apply_proto(ps, m, key, protocols[i].eth_type,
                           protocols[i].ip_proto);
    }
    enum ofp_field f = ofp_field_from_name(key);
    if (f == OFP_F_ETH_TYPE || f == OFP_F_IP_PROTO
        || !strcmp(key, "nw_proto")) {
        f = f == OFP_F_ETH_TYPE ? f : OFP_F_IP_PROTO;
        union ofp_field_value v, mk;
        bool masked;
        if (parse_field_value(ps, f, value, &v, &mk, &masked)) {
            return EINVAL;
        }
        if (masked) {
            return set_field(ps, m, key, f, &v, &mk);
        }
        if (f == OFP_F_ETH_TYPE) {
            return apply_proto(ps, m, key, v.u16, -1);
        }
        return set_field(ps, m, key, f, &v, NULL);
    }
    if (!strcmp(key, "dl_vlan") || !strcmp(key, "vlan_tci")
        || f == OFP_F_VLAN_VID) {
        return match_item(ps, m, key, value);
    }
    *done = false;
    return 0;
}

/* Pass 2 of a match item: every other field. */
static int
match_item(struct parser *ps, struct ofp_match *m, char *key, char *value)
{
    union ofp_field_value v, mk;
    bool masked;
    enum ofp_field f;

    if (!*value) {
        return perr(ps, key, "unknown match keyword \"%s\"", key);
    }
    if (!strcmp(key, "dl_vlan")) {
        uint64_t vid;
        if (parse_uint(ps, value, 4095, key, &vid)) {
            return EINVAL;
        }
        v.u16 = vid | OFPVID_PRESENT;
        if (ofp_match_has(m, OFP_F_VLAN_VID)) {
            return perr(ps, key, "VLAN specified more than once");
        }
        ofp_match_set_u16(m, OFP_F_VLAN_VID, v.u16);
        return 0;
    }
    if (!strcmp(key, "dl_vlan_pcp") || !strcmp(key, "vlan_pcp")) {
        uint64_t pcp;
        if (parse_uint(ps, value, 7, key, &pcp)) {
            return EINVAL;
        }
        if (ofp_match_has(m, OFP_F_VLAN_PCP)) {
            return perr(ps, key, "VLAN PCP specified more than once");
        }
        if (!ofp_match_has(m, OFP_F_VLAN_VID)) {
            /* Open vSwitch's dl_vlan_pcp implies "any VLAN". */
            union ofp_field_value vv = { .u16 = OFPVID_PRESENT };
            ofp_match_set(m, OFP_F_VLAN_VID, &vv, &vv);
        }
        ofp_match_set_u8(m, OFP_F_VLAN_PCP, pcp);
        return 0;
    }
    if (!strcmp(key, "vlan_tci")) {
        uint64_t tci, tmask = 0xffff;
        char *slash = strchr(value, '/');
        if (slash) {
            *slash = '\0';
            if (parse_uint(ps, slash + 1, 0xffff, "vlan_tci mask", &tmask)) {
                return EINVAL;
            }
        }
        if (parse_uint(ps, value, 0xffff, key, &tci)) {
            return EINVAL;
        }
        tci &= tmask;
        if ((tmask & 0xe000) && (tmask & 0xe000) != 0xe000) {
            return perr(ps, value, "partial vlan_tci PCP mask unsupported");
        }
        if (tmask & 0x1fff) {
            union ofp_field_value vv = { .u16 = tci & 0x1fff };
            union ofp_field_value vm = { .u16 = tmask & 0x1fff };
            if (!(tmask & 0x1000) && (tmask & 0xe000)) {
                return perr(ps, value, "vlan_tci PCP needs the CFI bit");
            }
            ofp_match_set(m, OFP_F_VLAN_VID, &vv, &vm);
        }
        if ((tmask & 0xe000) && (tci & 0x1000)) {
            ofp_match_set_u8(m, OFP_F_VLAN_PCP, tci >> 13);
        } else if (tmask & 0xe000 && tci >> 13) {
            return perr(ps, value, "vlan_tci PCP without a VLAN");
        }
        return 0;
    }
    if (!strcmp(key, "nw_tos")) {
        uint64_t tos;
        if (parse_uint(ps, value, 255, key, &tos)) {
            return EINVAL;
        }
        if (tos & 3) {
            return perr(ps, value, "nw_tos \"%s\" has ECN bits set", value);
        }
        ofp_match_set_u8(m, OFP_F_IP_DSCP, tos >> 2);
        return 0;
    }
    if (!strcmp(key, "ct_state")) {
        if (parse_ct_state(ps, value, &v.u32, &mk.u32, &masked)) {
            return EINVAL;
        }
        if (v.u32 > 0xff || (masked && mk.u32 > 0xff)) {
            return perr(ps, value, "ct_state \"%s\" out of range", value);
        }
        return set_field(ps, m, key, OFP_F_CT_STATE, &v,
                         masked ? &mk : NULL);
    }

    f = ofp_field_from_name(key);
    if (!strcmp(key, "ipv6_label")) {
        f = OFP_F_IPV6_FLABEL;
    }
    if (f == OFP_F_TCP_SRC || f == OFP_F_TCP_DST) {
        bool dst = f == OFP_F_TCP_DST;
        uint8_t proto = m->v.ip_proto;
        if (!ofp_match_has(m, OFP_F_IP_PROTO)) {
            return perr(ps, key, "\"%s\" needs tcp, udp or sctp", key);
        }
        f = (proto == 6 ? (dst ? OFP_F_TCP_DST : OFP_F_TCP_SRC)
             : proto == 17 ? (dst ? OFP_F_UDP_DST : OFP_F_UDP_SRC)
             : proto == 132 ? (dst ? OFP_F_SCTP_DST : OFP_F_SCTP_SRC)
             : OFP_F_NONE);
        if (f == OFP_F_NONE) {
            return perr(ps, key, "\"%s\" needs tcp, udp or sctp", key);
        }
    } else if (!strcmp(key, "icmp_type") || !strcmp(key, "icmp_code")) {
        bool v6 = (ofp_match_has(m, OFP_F_ETH_TYPE)
                   && m->v.eth_type == 0x86dd);
        f = (key[5] == 't'
             ? (v6 ? OFP_F_ICMPV6_TYPE : OFP_F_ICMPV4_TYPE)
             : (v6 ? OFP_F_ICMPV6_CODE : OFP_F_ICMPV4_CODE));
    }
    if (f == OFP_F_NONE) {
        return perr(ps, key, "unknown field \"%s\"", key);
    }
    if (parse_field_value(ps, f, value, &v, &mk, &masked)) {
        return EINVAL;
    }
    return set_field(ps, m, key, f, &v, masked ? &mk : NULL);
}

/* One match item kept for the two passes. */
struct match_item {
    char *key;
    char *value;
};

/* Parses the collected match items into 'm' and checks prerequisites,
 * blaming the first item after which they fail. */
static int
parse_match_items(struct parser *ps, struct match_item *items, size_t n,
                  struct ofp_match *m)
{
    bool *done = calloc(n ? n : 1, sizeof *done);
    int error = 0;

    if (!done) {
        return ENOMEM;
    }
    ofp_match_init(m);
    for (size_t i = 0; i < n && !error; i++) {
        error = match_item_proto(ps, m, items[i].key, items[i].value,
                                 &done[i]);
    }
    if (!error && ofp_match_check_prereqs(m)) {
        error = perr(ps, n ? items[0].key : ps->buf,
                     "match prerequisites not met");
    }
    for (size_t i = 0; i < n && !error; i++) {
        if (!done[i]) {
            error = match_item(ps, m, items[i].key, items[i].value);
            if (!error && ofp_match_check_prereqs(m)) {
                error = perr(ps, items[i].key, "prerequisites of \"%s\" "
                             "not met (missing protocol, e.g. ip or tcp)",
                             items[i].key);
            }
        }
    }
    free(done);
    return error;
}

/* Appends an item to a growing array; false on allocation failure. */
static bool
push_item(struct match_item **items, size_t *n, size_t *cap, char *key,
          char *value)
{
    if (*n >= *cap) {
        size_t new_cap = *cap ? *cap * 2 : 16;
        struct match_item *p = realloc(*items, new_cap * sizeof *p);
        if (!p) {
            return false;
        }
        *items = p;
        *cap = new_cap;
    }
    (*items)[(*n)++] = (struct match_item) { key, value };
    return true;
}

int
ofp_parse_match(const char *text, struct ofp_match *m, char **error)
{
    struct match_item *items = NULL;
    size_t n = 0, cap = 0;
    struct parser ps;
    char *s, *key, *value;
    int retval;

    if (parser_init(&ps, text, NULL)) {
        return parser_finish(&ps, ENOMEM, error);
    }
    s = ps.buf;
    while (!(retval = next_kv(&ps, &s, &key, &value)) && key) {
        if (!push_item(&items, &n, &cap, key, value)) {
            retval = ENOMEM;
            break;
        }
    }
    if (!retval) {
        retval = parse_match_items(&ps, items, n, m);
    }
    free(items);
    return parser_finish(&ps, retval, error);
}

/* ---- Actions. -------------------------------------------------------- */

/* A growing action array, copied into the arena when complete. */
struct action_vec {
    struct ofp_action *a;
    size_t n, cap;
};

/* Appends a zeroed action of 'kind'; NULL on allocation failure. */
static struct ofp_action *
vec_add(struct action_vec *vec, enum ofp_action_kind kind)
{
    if (vec->n >= vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 8;
        struct ofp_action *p = realloc(vec->a, cap * sizeof *p);
        if (!p) {
            return NULL;
        }
        vec->a = p;
        vec->cap = cap;
    }
    struct ofp_action *a = &vec->a[vec->n++];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    return a;
}

/* Moves 'vec' into 'arena' as a list and frees the vector. */
static int
vec_finish(struct parser *ps, struct action_vec *vec,
           struct ofp_action_list *list)
{
    struct ofp_action *copy = NULL;

    if (vec->n) {
        copy = ofp_arena_alloc(ps->arena, vec->n * sizeof *copy);
        if (!copy) {
            free(vec->a);
            return ENOMEM;
        }
        memcpy(copy, vec->a, vec->n * sizeof *copy);
    }
    list->actions = copy;
    list->n = vec->n;
    free(vec->a);
    vec->a = NULL;
    vec->n = vec->cap = 0;
    return 0;
}

/* Parses a field reference "NAME[]", "NAME[N]" or "NAME[A..B]". */
static int
parse_field_ref(struct parser *ps, char *s, struct ofp_field_ref *ref)
{
    char *br = strchr(s, '[');
    size_t len = strlen(s);

    if (!br || !len || s[len - 1] != ']') {
        return perr(ps, s, "bad field reference \"%s\" (want NAME[A..B])",
                    s);
    }
    *br = '\0';
    s[len - 1] = '\0';
    enum ofp_field f = ofp_field_from_name(s);
    if (f == OFP_F_NONE) {
        return perr(ps, s, "unknown field \"%s\"", s);
    }
    const struct ofp_field_info *fi = ofp_field_info(f);
    unsigned width = ofp_field_header_n_bits(fi->nxm_header);
    char *r = br + 1;
    ref->field = f;
    if (!*r) {
        ref->ofs = 0;
        ref->n_bits = width;
        return 0;
    }
    char *dots = strstr(r, "..");
    uint64_t a, b;
    if (dots) {
        *dots = '\0';
        if (parse_uint(ps, r, 65535, "bit offset", &a)
            || parse_uint(ps, dots + 2, 65535, "bit offset", &b)) {
            return EINVAL;
        }
    } else {
        if (parse_uint(ps, r, 65535, "bit offset", &a)) {
            return EINVAL;
        }
        b = a;
    }
    if (a > b || b >= width) {
        return perr(ps, r, "bit range [%"PRIu64"..%"PRIu64"] invalid for "
                    "%s (%u bits)", a, b, s, width);
    }
    ref->ofs = a;
    ref->n_bits = b - a + 1;
    return 0;
}

/* Splits "A->B" at the arrow; error naming 'what' if there is none. */
static int
split_arrow(struct parser *ps, char *s, const char *what, char **dst)
{
    char *arrow = strstr(s, "->");
    if (!arrow) {
        return perr(ps, s, "%s \"%s\" is missing \"->\"", what, s);
    }
    *arrow = '\0';
    *dst = arrow + 2;
    return 0;
}

/* Parses "set_field:VALUE[/MASK]->FIELD". */
static int
parse_set_field(struct parser *ps, char *value, struct action_vec *vec)
{
    char *dst = NULL;
    if (split_arrow(ps, value, "set_field", &dst)) {
        return EINVAL;
    }
    enum ofp_field f = ofp_field_from_name(dst);
    if (f == OFP_F_NONE) {
        return perr(ps, dst, "unknown field \"%s\"", dst);
    }
    if (!ofp_field_info(f)->writable) {
        return perr(ps, dst, "field \"%s\" is not writable", dst);
    }
    union ofp_field_value v, m;
    bool masked;
    if (parse_field_value(ps, f, value, &v, &m, &masked)) {
        return EINVAL;
    }
    struct ofp_action *a = vec_add(vec, masked ? OFP_ACT_REG_LOAD2
                                                : OFP_ACT_SET_FIELD);
    if (!a) {
        return ENOMEM;
    }
    a->set_field.field = f;
    a->set_field.value = v;
    a->set_field.mask = m;
    a->set_field.masked = masked;
    return 0;
}

static int parse_action_list(struct parser *, char *text,
                             struct action_vec *, struct ofp_instructions *);

/* Parses the inside of "nat(...)" into 'nat'. */
static int
parse_nat(struct parser *ps, char *value, struct ofp_nat *nat)
{
    char *s = value, *key, *v;

    memset(nat, 0, sizeof *nat);
    while (!next_kv(ps, &s, &key, &v) && key) {
        if (!strcmp(key, "src") || !strcmp(key, "dst")) {
            if (nat->flags & (OFP_NAT_F_SRC | OFP_NAT_F_DST)) {
                return perr(ps, key, "nat: src and dst given twice");
            }
            nat->flags |= key[0] == 's' ? OFP_NAT_F_SRC : OFP_NAT_F_DST;
            if (!*v) {
                continue;
            }
            char *ports = NULL, *hi = NULL;
            if (*v == '[') {
                char *close = strchr(v, ']');
                if (!close) {
                    return perr(ps, v, "nat: missing \"]\" in \"%s\"", v);
                }
                *close = '\0';
                char *rest = close + 1;
                v++;
                if (rest[0] == '-' && rest[1] == '[') {
                    hi = rest + 2;
                    close = strchr(hi, ']');
                    if (!close) {
                        return perr(ps, hi, "nat: missing \"]\"");
                    }
                    *close = '\0';
                    rest = close + 1;
                }
                if (*rest == ':') {
                    ports = rest + 1;
                } else if (*rest) {
                    return perr(ps, rest, "nat: junk \"%s\"", rest);
                }
                nat->family = 6;
            } else if (strchr(v, '.')) {
                ports = strchr(v, ':');
                if (ports) {
                    *ports++ = '\0';
                }
                hi = strchr(v, '-');
                if (hi) {
                    *hi++ = '\0';
                }
                nat->family = 4;
            } else {
                hi = strchr(v, '-');
                if (hi) {
                    *hi++ = '\0';
                }
                nat->family = 6;
            }
            if (nat->family == 4) {
                if (parse_ipv4(ps, v, &nat->ipv4_min)
                    || (hi && parse_ipv4(ps, hi, &nat->ipv4_max))) {
                    return EINVAL;
                }
            } else if (parse_ipv6(ps, v, nat->ipv6_min)
                       || (hi && parse_ipv6(ps, hi, nat->ipv6_max))) {
                return EINVAL;
            }
            if (ports) {
                char *phi = strchr(ports, '-');
                uint64_t lo, up;
                if (phi) {
                    *phi++ = '\0';
                }
                if (parse_uint(ps, ports, 65535, "nat port", &lo)
                    || (phi && parse_uint(ps, phi, 65535, "nat port",
                                          &up))) {
                    return EINVAL;
                }
                nat->proto_min = lo;
                nat->proto_max = phi ? up : 0;
            }
        } else if (!strcmp(key, "persistent")) {
            nat->flags |= OFP_NAT_F_PERSISTENT;
        } else if (!strcmp(key, "hash")) {
            nat->flags |= OFP_NAT_F_PROTO_HASH;
        } else if (!strcmp(key, "random")) {
            nat->flags |= OFP_NAT_F_PROTO_RANDOM;
        } else {
            return perr(ps, key, "unknown nat argument \"%s\"", key);
        }
    }
    return ps->error ? EINVAL : 0;
}

/* Parses the inside of "ct(...)". */
static int
parse_ct(struct parser *ps, char *value, struct ofp_action *out)
{
    struct action_vec nested = { NULL, 0, 0 };
    struct ofp_ct ct;
    char *s = value, *key, *v;
    int error = 0;

    memset(&ct, 0, sizeof ct);
    ct.zone_src.field = OFP_F_NONE;
    ct.recirc_table = OFP_CT_RECIRC_NONE;
    while (!error && !(error = next_kv(ps, &s, &key, &v)) && key) {
        uint64_t x = 0;
        if (!strcmp(key, "commit")) {
            ct.flags |= OFP_CT_F_COMMIT;
        } else if (!strcmp(key, "force")) {
            ct.flags |= OFP_CT_F_FORCE;
        } else if (!strcmp(key, "table")) {
            error = parse_uint(ps, v, 254, "ct table", &x);
            ct.recirc_table = x;
        } else if (!strcmp(key, "zone")) {
            if (strchr(v, '[')) {
                error = parse_field_ref(ps, v, &ct.zone_src);
                if (!error && ct.zone_src.n_bits != 16) {
                    error = perr(ps, v, "ct zone field must be 16 bits");
                }
            } else {
                error = parse_uint(ps, v, 65535, "ct zone", &x);
                ct.zone_imm = x;
            }
        } else if (!strcmp(key, "alg")) {
            if (!strcmp(v, "ftp")) {
                ct.alg = 21;
            } else if (!strcmp(v, "tftp")) {
                ct.alg = 69;
            } else {
                error = parse_uint(ps, v, 65535, "ct alg", &x);
                ct.alg = x;
            }
        } else if (!strcmp(key, "nat")) {
            struct ofp_action *a = vec_add(&nested, OFP_ACT_NAT);
            if (!a) {
                error = ENOMEM;
            } else if (nested.n != 1) {
                error = perr(ps, key, "nat must come before exec()");
            } else {
                error = parse_nat(ps, v, &a->nat);
            }
        } else if (!strcmp(key, "exec")) {
            ps->in_ct_exec++;
            error = parse_action_list(ps, v, &nested, NULL);
            ps->in_ct_exec--;
        } else {
            error = perr(ps, key, "unknown ct argument \"%s\"", key);
        }
    }
    if (!error) {
        struct ofp_action_list list;
        error = vec_finish(ps, &nested, &list);
        ct.actions = list.actions;
        ct.n_actions = list.n;
        out->ct = ct;
    }
    free(nested.a);
    return error;
}

/* Parses "note:xx.xx.xx" into arena-owned bytes. */
static int
parse_note(struct parser *ps, char *value, struct ofp_action *a)
{
    size_t n = 0, cap = strlen(value) / 2 + 1;
    uint8_t *data = ofp_arena_alloc(ps->arena, cap);
    char *p = value;

    if (!data) {
        return ENOMEM;
    }
    while (*p) {
        if (*p == '.') {
            p++;
            continue;
        }
        if (!isxdigit((unsigned char) p[0])
            || !isxdigit((unsigned char) p[1]) || n >= cap) {
            return perr(ps, p, "bad note byte \"%.2s\"", p);
        }
        data[n++] = strtoul((char[]) { p[0], p[1], '\0' }, NULL, 16);
        p += 2;
    }
    a->note.data = data;
    a->note.len = n;
    return 0;
}

/* Parses one instruction keyword into 'in'; '*done' false if 'key' is
 * not an instruction. */
static int
parse_instruction(struct parser *ps, char *key, char *value,
                  struct ofp_instructions *in, bool *done)
{
    uint32_t bit;
    uint64_t x = 0;
    int error = 0;

    *done = true;
    if (!strcmp(key, "meter")) {
        bit = OFP_INST_BIT(OFPIT_METER);
    } else if (!strcmp(key, "clear_actions")) {
        bit = OFP_INST_BIT(OFPIT_CLEAR_ACTIONS);
    } else if (!strcmp(key, "write_actions")) {
        bit = OFP_INST_BIT(OFPIT_WRITE_ACTIONS);
    } else if (!strcmp(key, "write_metadata")) {
        bit = OFP_INST_BIT(OFPIT_WRITE_METADATA);
    } else if (!strcmp(key, "goto_table")) {
        bit = OFP_INST_BIT(OFPIT_GOTO_TABLE);
    } else {
        *done = false;
        return 0;
    }
    if (in->present & bit) {
        return perr(ps, key, "instruction \"%s\" given twice", key);
    }
    in->present |= bit;
    if (bit == OFP_INST_BIT(OFPIT_METER)) {
        error = parse_uint(ps, value, UINT32_MAX, "meter", &x);
        in->meter_id = x;
    } else if (bit == OFP_INST_BIT(OFPIT_CLEAR_ACTIONS)) {
        if (*value) {
            error = perr(ps, value, "clear_actions takes no argument");
        }
    } else if (bit == OFP_INST_BIT(OFPIT_WRITE_ACTIONS)) {
        struct action_vec vec = { NULL, 0, 0 };
        error = parse_action_list(ps, value, &vec, NULL);
        error = error ? error : vec_finish(ps, &vec, &in->write);
        free(vec.a);
    } else if (bit == OFP_INST_BIT(OFPIT_WRITE_METADATA)) {
        char *slash = strchr(value, '/');
        uint64_t mask = UINT64_MAX;
        if (slash) {
            *slash = '\0';
            error = parse_uint(ps, slash + 1, UINT64_MAX, "metadata mask",
                               &mask);
        }
        error = error ? error : parse_uint(ps, value, UINT64_MAX,
                                           "metadata", &x);
        in->metadata = x & mask;
        in->metadata_mask = mask;
    } else {
        error = parse_uint(ps, value, 254, "goto_table", &x);
        in->goto_table = x;
    }
    return error;
}

/* Parses one action 'key'/'value' into 'vec'. */
static int
parse_action(struct parser *ps, char *key, char *value,
             struct action_vec *vec)
{
    struct ofp_action *a;
    uint32_t port;
    uint64_t x = 0;

    /* Actions without arguments. */
    static const struct {
        const char *name;
        enum ofp_action_kind kind;
    } simple[] = {
        { "pop_vlan", OFP_ACT_POP_VLAN }, { "dec_ttl", OFP_ACT_DEC_NW_TTL },
        { "ct_clear", OFP_ACT_CT_CLEAR },
        { "copy_ttl_in", OFP_ACT_COPY_TTL_IN },
        { "copy_ttl_out", OFP_ACT_COPY_TTL_OUT },
        { "dec_mpls_ttl", OFP_ACT_DEC_MPLS_TTL },
        { "pop_pbb", OFP_ACT_POP_PBB },
    };
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++) {
        if (!strcmp(key, simple[i].name)) {
            if (*value) {
                return perr(ps, key, "\"%s\" takes no argument", key);
            }
            return vec_add(vec, simple[i].kind) ? 0 : ENOMEM;
        }
    }

    /* Output to a port: "output:P", "P", "CONTROLLER:len", "LOCAL"... */
    if (!strcmp(key, "output") || isdigit((unsigned char) *key)
        || port_from_name(key, &port)) {
        const char *p = !strcmp(key, "output") ? value : key;
        uint64_t max_len = OFPCML_NO_BUFFER;
        if (p == key && *value) {
            if (!port_from_name(key, &port) || port != OFPP_CONTROLLER) {
                return perr(ps, value, "unexpected argument \"%s\" after "
                            "\"%s\"", value, key);
            }
            if (parse_uint(ps, value, UINT16_MAX, "max_len", &max_len)) {
                return EINVAL;
            }
        }
        if (parse_port(ps, p, &port)) {
            return EINVAL;
        }
        if (port == OFPP_ANY
            || (port >= OFPP_MAX && port < OFPP_IN_PORT)) {
            return perr(ps, p, "cannot output to port \"%s\"", p);
        }
        if (!(a = vec_add(vec, OFP_ACT_OUTPUT))) {
            return ENOMEM;
        }
        a->output.port = port;
        a->output.max_len = port == OFPP_CONTROLLER ? max_len : 0;
        return 0;
    }
    if (!strcmp(key, "drop")) {
        return *value ? perr(ps, key, "drop takes no argument") : 0;
    }

    /* Actions taking one number. */
    static const struct {
        const char *name;
        enum ofp_action_kind kind;
        uint64_t max;
    } numeric[] = {
        { "group", OFP_ACT_GROUP, OFPG_MAX },
        { "set_queue", OFP_ACT_SET_QUEUE, UINT32_MAX },
        { "push_vlan", OFP_ACT_PUSH_VLAN, UINT16_MAX },
        { "push_mpls", OFP_ACT_PUSH_MPLS, UINT16_MAX },
        { "pop_mpls", OFP_ACT_POP_MPLS, UINT16_MAX },
        { "push_pbb", OFP_ACT_PUSH_PBB, UINT16_MAX },
        { "mod_nw_ttl", OFP_ACT_SET_NW_TTL, UINT8_MAX },
        { "set_mpls_ttl", OFP_ACT_SET_MPLS_TTL, UINT8_MAX },
    };
    for (size_t i = 0; i < sizeof numeric / sizeof *numeric; i++) {
        if (!strcmp(key, numeric[i].name)) {
            if (!*value) {
                return perr(ps, key, "\"%s\" needs an argument", key);
            }
            if (parse_uint(ps, value, numeric[i].max, key, &x)) {
                return EINVAL;
            }
            if (!(a = vec_add(vec, numeric[i].kind))) {
                return ENOMEM;
            }
            switch (numeric[i].kind) {
            case OFP_ACT_GROUP: a->group_id = x; break;
            case OFP_ACT_SET_QUEUE: a->queue_id = x; break;
            case OFP_ACT_SET_NW_TTL:
            case OFP_ACT_SET_MPLS_TTL: a->ttl = x; break;
            default: a->ethertype = x; break;
            }
            return 0;
        }
    }

    if (!strcmp(key, "set_field")) {
        return parse_set_field(ps, value, vec);
    }
    if (!strcmp(key, "resubmit")) {
        uint32_t in_port = OFPP_IN_PORT;
        uint64_t table = 0xff;
        char *comma = strchr(value, ',');
        if (comma) {
            *comma = '\0';
            if (comma[1] && parse_uint(ps, comma + 1, 254, "resubmit table",
                                       &table)) {
                return EINVAL;
            }
        } else if (!*value) {
            return perr(ps, key, "resubmit needs a port or table");
        }
        if (*value && parse_port(ps, value, &in_port)) {
            return EINVAL;
        }
        if (in_port < OFPP_MAX && in_port > 0xff00) {
            return perr(ps, value, "resubmit port \"%s\" too large", value);
        }
        if (!(a = vec_add(vec, OFP_ACT_RESUBMIT))) {
            return ENOMEM;
        }
        a->resubmit.in_port = in_port & 0xffff;
        a->resubmit.table = table;
        return 0;
    }
    if (!strcmp(key, "ct")) {
        if (!(a = vec_add(vec, OFP_ACT_CT))) {
            return ENOMEM;
        }
        /* 'vec' may move while parsing nested actions: use a copy. */
        struct ofp_action tmp = *a;
        size_t idx = vec->n - 1;
        int error = parse_ct(ps, value, &tmp);
        vec->a[idx] = tmp;
        return error;
    }
    if (!strcmp(key, "conjunction")) {
        uint64_t id, k, n;
        char *comma = strchr(value, ',');
        char *slash = comma ? strchr(comma, '/') : NULL;
        if (!slash) {
            return perr(ps, key, "conjunction needs (id,k/n)");
        }
        *comma = *slash = '\0';
        if (parse_uint(ps, value, UINT32_MAX, "conjunction id", &id)
            || parse_uint(ps, comma + 1, 64, "conjunction clause", &k)
            || parse_uint(ps, slash + 1, 64, "conjunction clauses", &n)) {
            return EINVAL;
        }
        if (n < 2 || k < 1 || k > n) {
            return perr(ps, key, "conjunction clause %"PRIu64"/%"PRIu64
                        " invalid (need 1 <= k <= n, 2 <= n <= 64)", k, n);
        }
        if (!(a = vec_add(vec, OFP_ACT_CONJUNCTION))) {
            return ENOMEM;
        }
        a->conjunction.id = id;
        a->conjunction.clause = k - 1;
        a->conjunction.n_clauses = n;
        return 0;
    }
    if (!strcmp(key, "load")) {
        struct ofp_field_ref dst;
        char *d = NULL;
        if (split_arrow(ps, value, "load", &d)
            || parse_field_ref(ps, d, &dst)
            || parse_uint(ps, value, max_of_bits(dst.n_bits), "load value",
                          &x)) {
            return EINVAL;
        }
        if (!ofp_field_info(dst.field)->writable) {
            return perr(ps, d, "field \"%s\" is not writable", d);
        }
        if (!(a = vec_add(vec, OFP_ACT_REG_LOAD))) {
            return ENOMEM;
        }
        a->reg_load.dst = dst;
        a->reg_load.value = x;
        return 0;
    }
    if (!strcmp(key, "move")) {
        struct ofp_field_ref src, dst;
        char *d = NULL;
        if (split_arrow(ps, value, "move", &d)
            || parse_field_ref(ps, value, &src)
            || parse_field_ref(ps, d, &dst)) {
            return EINVAL;
        }
        if (src.n_bits != dst.n_bits) {
            return perr(ps, value, "move: source and destination widths "
                        "differ (%u vs %u bits)", src.n_bits, dst.n_bits);
        }
        if (!ofp_field_info(dst.field)->writable) {
            return perr(ps, d, "field \"%s\" is not writable", d);
        }
        if (!(a = vec_add(vec, OFP_ACT_REG_MOVE))) {
            return ENOMEM;
        }
        a->reg_move.src = src;
        a->reg_move.dst = dst;
        return 0;
    }
    if (!strcmp(key, "nat") && ps->in_ct_exec) {
        if (!(a = vec_add(vec, OFP_ACT_NAT))) {
            return ENOMEM;
        }
        struct ofp_nat nat;
        size_t idx = vec->n - 1;
        int error = parse_nat(ps, value, &nat);
        vec->a[idx].nat = nat;
        return error;
    }
    if (!strcmp(key, "note")) {
        if (!(a = vec_add(vec, OFP_ACT_NOTE))) {
            return ENOMEM;
        }
        return parse_note(ps, value, a);
    }
    return perr(ps, key, "unknown or unsupported action \"%s\"", key);
}

/* Parses a comma-separated action list 'text' into 'vec'.  If 'in' is
 * nonnull, instruction keywords are accepted too and go there. */
static int
parse_action_list(struct parser *ps, char *text, struct action_vec *vec,
                  struct ofp_instructions *in)
{
    char *s = text, *key, *value;
    int error;

    while (!(error = next_kv(ps, &s, &key, &value)) && key) {
        bool done = false;
        if (in) {
            error = parse_instruction(ps, key, value, in, &done);
        }
        if (!error && !done) {
            error = parse_action(ps, key, value, vec);
        }
        if (error) {
            break;
        }
    }
    return error;
}

int
ofp_parse_actions(const char *text, struct ofp_arena *arena,
                  struct ofp_action_list *list, char **error)
{
    struct action_vec vec = { NULL, 0, 0 };
    struct parser ps;
    int retval;

    if (parser_init(&ps, text, arena)) {
        return parser_finish(&ps, ENOMEM, error);
    }
    retval = parse_action_list(&ps, ps.buf, &vec, NULL);
    if (!retval) {
        retval = vec_finish(&ps, &vec, list);
    }
    free(vec.a);
    return parser_finish(&ps, retval, error);
}

/* Parses instruction text in 'text' (part of ps->buf) into 'in'. */
static int
parse_instructions__(struct parser *ps, char *text,
                     struct ofp_instructions *in)
{
    struct action_vec vec = { NULL, 0, 0 };
    int error;

    memset(in, 0, sizeof *in);
    error = parse_action_list(ps, text, &vec, in);
    if (!error && vec.n) {
        in->present |= OFP_INST_BIT(OFPIT_APPLY_ACTIONS);
        error = vec_finish(ps, &vec, &in->apply);
    }
    free(vec.a);
    return error;
}

int
ofp_parse_instructions(const char *text, struct ofp_arena *arena,
                       struct ofp_instructions *in, char **error)
{
    struct parser ps;
    int retval;

    if (parser_init(&ps, text, arena)) {
        return parser_finish(&ps, ENOMEM, error);
    }
    retval = parse_instructions__(&ps, ps.buf, in);
    return parser_finish(&ps, retval, error);
}

/* ---- Whole flows. ---------------------------------------------------- */

int
ofp_parse_flow(const char *text, struct ofp_arena *arena,
               struct ofp_flow_mod *fm, char **error)
{
    struct match_item *items = NULL;
    size_t n = 0, cap = 0;
    char *actions = NULL;
    struct parser ps;
    int retval = 0;

    ofp_flow_mod_init(fm);
    if (parser_init(&ps, text, arena)) {
        return parser_finish(&ps, ENOMEM, error);
    }
    for (char *s = ps.buf;;) {
        char *key, *value;
        uint64_t x = 0;

        s += strspn(s, SEPARATORS);
        if (!strncmp(s, "actions=", 8)) {
            actions = s + 8;
            break;
        }
        retval = next_kv(&ps, &s, &key, &value);
        if (retval || !key) {
            break;
        }
        if (!strcmp(key, "table")) {
            retval = parse_uint(&ps, value, 254, key, &x);
            fm->table_id = x;
        } else if (!strcmp(key, "priority")) {
            retval = parse_uint(&ps, value, UINT16_MAX, key, &x);
            fm->priority = x;
        } else if (!strcmp(key, "cookie")) {
            if (strchr(value, '/')) {
                retval = perr(&ps, value, "a cookie mask is not "
                              "meaningful when adding a flow");
            } else {
                retval = parse_uint(&ps, value, UINT64_MAX, key, &x);
                fm->cookie = x;
            }
        } else if (!strcmp(key, "idle_timeout") || !strcmp(key, "idle")) {
            retval = parse_uint(&ps, value, UINT16_MAX, key, &x);
            fm->idle_timeout = x;
        } else if (!strcmp(key, "hard_timeout") || !strcmp(key, "hard")) {
            retval = parse_uint(&ps, value, UINT16_MAX, key, &x);
            fm->hard_timeout = x;
        } else if (!strcmp(key, "send_flow_rem")) {
            fm->flags |= OFPFF_SEND_FLOW_REM;
        } else if (!strcmp(key, "check_overlap")) {
            fm->flags |= OFPFF_CHECK_OVERLAP;
        } else if (!strcmp(key, "reset_counts")) {
            fm->flags |= OFPFF_RESET_COUNTS;
        } else if (!strcmp(key, "no_packet_counts")) {
            fm->flags |= OFPFF_NO_PKT_COUNTS;
        } else if (!strcmp(key, "no_byte_counts")) {
            fm->flags |= OFPFF_NO_BYT_COUNTS;
        } else if (!push_item(&items, &n, &cap, key, value)) {
            retval = ENOMEM;
        }
        if (retval) {
            break;
        }
    }
    if (!retval) {
        retval = parse_match_items(&ps, items, n, &fm->match);
    }
    if (!retval && actions) {
        retval = parse_instructions__(&ps, actions, &fm->instructions);
    }
    free(items);
    return parser_finish(&ps, retval, error);
}
