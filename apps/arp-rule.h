/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_ARP_RULE_H
#define OFC_APPS_ARP_RULE_H 1

/* ARP drop rules of the arp app: their JSON form (REST body, config entry,
 * state file), validation, normalization, comparison and the match each
 * becomes on a switch (docs/arp-mirror.md). */

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "ofp/ofp-match.h"

struct ofc_jc;
struct ofc_switch;

/* The most switches one rule may name, and description bytes. */
#define ARP_RULE_MAX_DPIDS 256
#define ARP_RULE_MAX_DESCRIPTION 256

/* One drop rule.  Owns its strings and 'dpids'. */
struct arp_rule {
    /* Identity (set by the app, not by the parser). */
    uint64_t id;                /* REST id, or config index + 1. */
    bool from_config;           /* Shown as "cfg-N", cannot be deleted. */
    uint64_t cookie_low;        /* Of its flows: id, or a config cookie. */

    /* Match fields ('has_*' false or 0: not matched). */
    bool has_sha;
    uint8_t sha[6], sha_mask[6];        /* sha & sha_mask == sha. */
    bool has_spa, has_tpa;
    uint32_t spa, tpa;                  /* Network addresses (host order). */
    unsigned spa_len, tpa_len;          /* Prefix lengths 1-32. */
    uint16_t op;                        /* 1 request, 2 reply, 0 any. */
    uint32_t in_port;                   /* 0: none (or by name). */
    char *in_port_name;                 /* NULL: none (or by number). */
    uint16_t vlan;                      /* 0: any. */
    uint64_t *dpids;                    /* Sorted, unique; none: all. */
    size_t n_dpids;

    char *description;                  /* NULL: none. */
    uint32_t ttl_seconds;               /* 0: none. */
    long long expires_msec;             /* Monotonic; 0: never. */
    long long expires_wall;             /* Unix seconds; 0: never. */
    uint16_t hard_timeout;              /* Of its flows (0: none). */
};

/* Parses the rule object 'obj' at 'path' into a new rule (identity
 * fields zero).  'stored' also accepts the keys the app itself writes
 * ("id", "expires_at"; ignored here).  Returns NULL with a failure in
 * 'jc'. */
struct arp_rule *arp_rule_parse(struct ofc_jc *jc, const json_t *obj,
                                const char *path, bool stored);
void arp_rule_free(struct arp_rule *);

/* True if 'a' and 'b' match the same frames on the same switches (the
 * description and expiry do not count). */
bool arp_rule_same(const struct arp_rule *a, const struct arp_rule *b);

/* True if 'r' applies to switch 'dpid'. */
bool arp_rule_on_switch(const struct arp_rule *r, uint64_t dpid);

/* Builds the table-1 match of 'r' on 'sw' into 'm'.  Returns false if the
 * rule names a port 'sw' does not have (then it gets no flow there). */
bool arp_rule_match(const struct arp_rule *r, const struct ofc_switch *sw,
                    struct ofp_match *m);

/* The rule as GET shows it, without counters (a new object). */
json_t *arp_rule_json(const struct arp_rule *r);
/* The rule's id as JSON: an integer, or "cfg-N". */
json_t *arp_rule_id_json(const struct arp_rule *r);

/* Shared parsers (also for the spoof guard).  Return true on success. */
bool arp_parse_mac(const char *s, uint8_t mac[6]);
bool arp_parse_ipv4(const char *s, uint32_t *ip);
/* "A.B.C.D" (prefix 32) or "A.B.C.D/N" with N 1-32. */
bool arp_parse_cidr(const char *s, uint32_t *ip, unsigned *len);
/* Formats 'mac' into 'buf' (18 bytes) and returns it. */
char *arp_format_mac(const uint8_t mac[6], char buf[18]);
/* Formats 'ip' into 'buf' (16 bytes) and returns it. */
char *arp_format_ipv4(uint32_t ip, char buf[16]);

/* Checks the "in_port" style value 'v' at 'path' (an integer 1-0xffffff00
 * or a port name of 1-15 bytes).  Sets exactly one of '*port_no' and
 * '*name' (pointing into 'v').  False with a failure in 'jc'. */
bool arp_check_port(struct ofc_jc *jc, const json_t *v, const char *path,
                    uint32_t *port_no, const char **name);

/* Looks up the port named 'name' on 'sw'.  Returns its number or 0. */
uint32_t arp_port_by_name(const struct ofc_switch *sw, const char *name);

#endif /* apps/arp-rule.h */
