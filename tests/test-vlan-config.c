/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* Unit tests for apps/vlan-config: the example parses, port
 * resolution (switch by dpid or bridge name, port by number or name,
 * profiles, the default), a table of invalid documents with their exact
 * messages, vlan_port_equal() and the (value, mask) decomposition of VID
 * sets. */

#include <stdlib.h>
#include <string.h>
#include "apps/vlan-config.h"
#include "tests/tap.h"

/* Parses 'text', JSON written with ' for " to keep the tables readable. */
static json_t *
parse(const char *text)
{
    char *copy = strdup(text);
    for (char *p = copy; *p; p++) {
        if (*p == '\'') {
            *p = '"';
        }
    }
    json_error_t error;
    json_t *v = json_loads(copy, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES,
                           &error);
    if (!v) {
        fprintf(stderr, "bad test JSON %s: %s\n", copy, error.text);
        exit(2);
    }
    free(copy);
    return v;
}

/* Parses the configuration 'text'; returns the config or NULL (then
 * '*error' has the message). */
static struct vlan_config *
parse_config(const char *text, char **error)
{
    json_t *doc = parse(text);
    struct vlan_config *cfg;
    int err = vlan_config_parse(doc, "ofc.json", &cfg, error);
    json_decref(doc);
    return err ? NULL : cfg;
}

/* The example plus a switch matched by bridge name, a decimal
 * dpid, a second profile and a router. */
static const char example[] =
    "{'vlans': {'10': {'name': 'mgmt',"
    "                  'routing': {'gateway': '10.0.10.1/24'}},"
    "           '20': {'name': 'workload', 'description': 'VMs',"
    "                  'routing': {'gateway': '10.0.20.1/24'}},"
    "           '30': {}},"
    " 'ports': {'tap101i0': {'native_vlan': 20},"
    "           'tap102i0': {'native_vlan': 30, 'description': 'vm 102'}},"
    " 'switches': {"
    "   '0000000000000001': {'name': 'ovsbr0', 'ports': {"
    "       'tap100i0': {'native_vlan': 10},"
    "       '3': {'tagged_vlans': [10, 20, '30-32'], 'native_vlan': 99},"
    "       'tap102i0': {'native_vlan': 10}}},"
    "   'ovsbr1': {'ports': {'5': {'native_vlan': 20},"
    "                        'tap105i0': {'native_vlan': 10}}},"
    "   '42': {'ports': {'1': {'tagged_vlans': ['2-4094']}}},"
    "   '00000000000000aB': {}},"
    " 'routers': {'r1': {'vlans': [20, 10]},"
    "             'r2': {'vlans': [], 'mac': '02:00:00:00:00:99'}}}";

/* Checks that 'p' is untagged in 'native' and carries 'tagged' VIDs
 * [lo, hi] (none if lo > hi). */
static bool
port_is(const struct vlan_port *p, uint16_t native, unsigned lo,
        unsigned hi)
{
    if (p->native_vlan != native) {
        return false;
    }
    for (unsigned vid = 0; vid < 4096; vid++) {
        if (vlan_set_has(&p->tagged, vid) != (vid >= lo && vid <= hi)) {
            return false;
        }
    }
    return true;
}

/* The example: structure and lookups. */
static void
test_example(void)
{
    char *error = NULL;
    /* r2 with no VLANs is invalid; drop it for the valid document. */
    char *text = strdup(example);
    char *r2 = strstr(text, ",             'r2'");
    strcpy(r2, "}}");
    struct vlan_config *cfg = parse_config(text, &error);
    free(text);
    if (!tap_ok(cfg != NULL, "the example parses")) {
        tap_diag("%s", error);
        free(error);
        exit(1);
    }

    TAP_INT_EQ(cfg->n_vlans, 3, "three VLANs");
    tap_ok(cfg->vlans[0].vid == 10 && cfg->vlans[1].vid == 20
           && cfg->vlans[2].vid == 30, "VLANs sorted by id");
    const struct vlan_info *v10 = vlan_config_vlan(cfg, 10);
    tap_ok(v10 && !strcmp(v10->name, "mgmt") && v10->has_gateway
           && v10->gateway == 0x0a000a01 && v10->prefix_len == 24,
           "VLAN 10: name and gateway 10.0.10.1/24");
    const struct vlan_info *v20 = vlan_config_vlan(cfg, 20);
    tap_ok(v20 && v20->description && !strcmp(v20->description, "VMs"),
           "VLAN 20: description");
    const struct vlan_info *v30 = vlan_config_vlan(cfg, 30);
    tap_ok(v30 && !v30->name && !v30->has_gateway,
           "VLAN 30: no name, no gateway");
    tap_ok(!vlan_config_vlan(cfg, 40), "VLAN 40 is not configured");
    TAP_INT_EQ(cfg->n_switches, 4, "four switch entries");
    tap_ok(cfg->switches[0].has_dpid && cfg->switches[0].dpid == 1
           && !strcmp(cfg->switches[0].name, "ovsbr0"),
           "switch 1: 16 hex digits dpid and \"name\"");
    tap_ok(!cfg->switches[1].has_dpid
           && !strcmp(cfg->switches[1].name, "ovsbr1"),
           "switch keyed by bridge name");
    tap_ok(cfg->switches[2].has_dpid && cfg->switches[2].dpid == 42,
           "switch keyed by decimal dpid");
    tap_ok(cfg->switches[3].has_dpid && cfg->switches[3].dpid == 0xab,
           "hex dpid with mixed case");
    TAP_INT_EQ(cfg->n_routers, 1, "one router");
    static const uint8_t def_mac[6] = VLAN_ROUTER_DEFAULT_MAC;
    tap_ok(cfg->routers[0].n_vlans == 2 && cfg->routers[0].vlans[0] == 10
           && cfg->routers[0].vlans[1] == 20
           && !memcmp(cfg->routers[0].mac, def_mac, 6),
           "router r1: VLANs sorted, default MAC");

    /* Port resolution. */
    const struct vlan_port *p;
    p = vlan_config_port(cfg, 1, "ovsbr0", 7, "tap100i0");
    tap_ok(port_is(p, 10, 1, 0), "dpid 1: port by name tap100i0 -> 10");
    p = vlan_config_port(cfg, 1, NULL, 3, "eth3");
    tap_ok(p->native_vlan == 99 && vlan_set_has(&p->tagged, 10)
           && vlan_set_has(&p->tagged, 20) && vlan_set_has(&p->tagged, 31)
           && !vlan_set_has(&p->tagged, 33) && !vlan_set_has(&p->tagged, 99),
           "dpid 1: port by number 3 -> trunk 10,20,30-32 native 99");
    p = vlan_config_port(cfg, 1, NULL, 3, "tap100i0");
    tap_ok(p->native_vlan == 99, "port number wins over port name");
    p = vlan_config_port(cfg, 1, NULL, 9, "tap102i0");
    tap_ok(port_is(p, 10, 1, 0), "per-switch entry overrides the profile");
    tap_ok(!p->description, "... and its (absent) description");
    p = vlan_config_port(cfg, 2, "ovsbr0", 3, "x");
    tap_ok(p->native_vlan == 99, "switch matched by its \"name\"");
    p = vlan_config_port(cfg, 2, "ovsbr1", 5, "x");
    tap_ok(port_is(p, 20, 1, 0), "switch keyed by bridge name, port 5");
    p = vlan_config_port(cfg, 2, "ovsbr1", 6, "tap105i0");
    tap_ok(port_is(p, 10, 1, 0), "bridge-name switch, port by name");
    p = vlan_config_port(cfg, 1, "ovsbr1", 5, "x");
    tap_ok(port_is(p, 1, 1, 0), "dpid match wins over bridge name");
    p = vlan_config_port(cfg, 1, "ovsbr0", 8, "tap101i0");
    tap_ok(port_is(p, 20, 1, 0), "profile on a configured switch");
    p = vlan_config_port(cfg, 9, NULL, 8, "tap101i0");
    tap_ok(port_is(p, 20, 1, 0), "profile on an unknown switch");
    p = vlan_config_port(cfg, 9, "ovsbr9", 2, "tap102i0");
    tap_ok(port_is(p, 30, 1, 0) && p->description
           && !strcmp(p->description, "vm 102"),
           "profile with description");
    p = vlan_config_port(cfg, 9, NULL, 2, "eth0");
    tap_ok(port_is(p, 1, 1, 0), "unconfigured port -> default VLAN 1");
    p = vlan_config_port(cfg, 1, "ovsbr0", 4, NULL);
    tap_ok(port_is(p, 1, 1, 0), "unnamed unconfigured port -> default");
    p = vlan_config_port(cfg, 42, NULL, 1, "eth1");
    tap_ok(port_is(p, 0, 2, 4094), "decimal dpid 42, trunk 2-4094");
    vlan_config_free(cfg);

    /* The router with no VLANs. */
    cfg = parse_config(example, &error);
    TAP_STR_EQ(error, "ofc.json: $.routers.r2.vlans: must have 1 to 4094 "
               "elements, has 0", "router without VLANs refused");
    free(error);
    vlan_config_free(cfg);

    /* Defaults. */
    cfg = parse_config("{'log_level': 'info'}", &error);
    tap_ok(cfg && port_is(&cfg->default_port, 1, 1, 0) && !cfg->n_vlans
           && !cfg->n_switches && !cfg->n_profiles && !cfg->n_routers,
           "no VLAN keys: every port untagged in VLAN 1");
    vlan_config_free(cfg);
    struct vlan_config *c2;
    tap_ok(!vlan_config_parse(NULL, "x", &c2, &error)
           && port_is(vlan_config_port(c2, 1, NULL, 1, "a"), 1, 1, 0),
           "NULL document: defaults");
    vlan_config_free(c2);
    cfg = parse_config("{'default_port': {'tagged_vlans': ['5-6']},"
                       " 'ports': {'a': {'native_vlan': 7}}}", &error);
    tap_ok(cfg && port_is(vlan_config_port(cfg, 1, NULL, 1, "b"), 0, 5, 6),
           "default_port replaces VLAN 1");
    tap_ok(cfg && port_is(vlan_config_port(cfg, 1, NULL, 1, "a"), 7, 1, 0),
           "profile without any switch entry");
    vlan_config_free(cfg);
    cfg = parse_config("{'ports': {'a': {'tagged_vlans': []}},"
                       " 'routers': {'r': {'vlans': [8],"
                       "                   'mac': '0A:bc:00:00:00:01'}},"
                       " 'vlans': {'8': {'routing':"
                       "                 {'gateway': '192.168.0.1/30'}}}}",
                       &error);
    tap_ok(cfg && port_is(vlan_config_port(cfg, 1, NULL, 1, "a"), 0, 1, 0),
           "empty tagged_vlans: a port that carries nothing");
    tap_ok(cfg && cfg->routers[0].mac[0] == 0x0a
           && cfg->routers[0].mac[1] == 0xbc && cfg->routers[0].mac[5] == 1,
           "router MAC parsed");
    if (!cfg) {
        tap_diag("%s", error);
        free(error);
    }
    vlan_config_free(cfg);
}

/* An invalid document and its exact message. */
struct bad_case {
    const char *doc;
    const char *message;
};

static const struct bad_case bad_cases[] = {
    { "[]", "$: must be an object, not an array" },
    { "{'vlans': []}", "$.vlans: must be an object, not an array" },
    { "{'vlans': {'5000': {}}}", "$.vlans.5000: must be a VLAN id 1-4094" },
    { "{'vlans': {'0': {}}}", "$.vlans.0: must be a VLAN id 1-4094" },
    { "{'vlans': {'ten': {}}}", "$.vlans.ten: must be a VLAN id 1-4094" },
    { "{'vlans': {'10': {}, '010': {}}}",
      "$.vlans.010: duplicate VLAN: same id as $.vlans.10" },
    { "{'vlans': {'10': {'nmae': 'x'}}}", "$.vlans.10.nmae: unknown field" },
    { "{'vlans': {'10': {'name': ''}}}",
      "$.vlans.10.name: must not be empty" },
    { "{'vlans': {'10': {'name': 7}}}",
      "$.vlans.10.name: must be a string, not an integer" },
    { "{'vlans': {'10': {'name': "
      "'0123456789012345678901234567890123456789012345678901234567890123"
      "4'}}}", "$.vlans.10.name: must be at most 64 bytes long, is 65" },
    { "{'vlans': {'10': {'routing': {}}}}",
      "$.vlans.10.routing.gateway: required field is missing" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24', 'x': 1}}}}",
      "$.vlans.10.routing.x: unknown field" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1'}}}}",
      "$.vlans.10.routing.gateway: must be an IPv4 address and prefix "
      "length \"A.B.C.D/LEN\", got \"10.0.10.1\"" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.256.1/24'}}}}",
      "$.vlans.10.routing.gateway: must be an IPv4 address and prefix "
      "length \"A.B.C.D/LEN\", got \"10.0.256.1/24\"" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/31'}}}}",
      "$.vlans.10.routing.gateway: prefix length must be 1-30, got 31" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/0'}}}}",
      "$.vlans.10.routing.gateway: prefix length must be 1-30, got 0" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.0/24'}}}}",
      "$.vlans.10.routing.gateway: must be a host address, not the "
      "network address of 10.0.10.0/24" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.255/24'}}}}",
      "$.vlans.10.routing.gateway: must be a host address, not the "
      "broadcast address of 10.0.10.0/24" },
    { "{'vlans': {'10': {'routing': {'gateway': '224.0.0.1/24'}}}}",
      "$.vlans.10.routing.gateway: must be a unicast IPv4 address, got "
      "\"224.0.0.1/24\"" },
    { "{'switches': {'0000000000000001': {'ports': "
      "{'tap100i0': {'native_vlan': 0}}}}}",
      "$.switches.0000000000000001.ports.tap100i0.native_vlan: must be an "
      "integer 1-4094, got 0" },
    { "{'switches': {'0000000000000001': {'ports': "
      "{'tap100i0': {'native_vlan': '10'}}}}}",
      "$.switches.0000000000000001.ports.tap100i0.native_vlan: must be an "
      "integer 1-4094, not a string" },
    { "{'ports': {'tap101i0': {'native_vlan': 4095}}}",
      "$.ports.tap101i0.native_vlan: must be an integer 1-4094, got 4095" },
    { "{'ports': {'tap101i0': {}}}",
      "$.ports.tap101i0: must have native_vlan or tagged_vlans" },
    { "{'ports': {'tap101i0': {'description': 'x'}}}",
      "$.ports.tap101i0: must have native_vlan or tagged_vlans" },
    { "{'ports': {'p': {'native_vlan': 1, 'vlan': 2}}}",
      "$.ports.p.vlan: unknown field" },
    { "{'ports': {'p': {'native_vlan': 10, 'tagged_vlans': [10]}}}",
      "$.ports.p: native_vlan 10 must not also be in tagged_vlans" },
    { "{'ports': {'p': {'native_vlan': 10, 'tagged_vlans': ['9-12']}}}",
      "$.ports.p: native_vlan 10 must not also be in tagged_vlans" },
    { "{'ports': {'p': {'tagged_vlans': [10, '32-30']}}}",
      "$.ports.p.tagged_vlans[1]: range \"32-30\" must have A <= B" },
    { "{'ports': {'p': {'tagged_vlans': ['30-']}}}",
      "$.ports.p.tagged_vlans[0]: must be a VLAN id 1-4094 or a range "
      "\"A-B\" of them, got \"30-\"" },
    { "{'ports': {'p': {'tagged_vlans': ['0-5']}}}",
      "$.ports.p.tagged_vlans[0]: must be a VLAN id 1-4094 or a range "
      "\"A-B\" of them, got \"0-5\"" },
    { "{'ports': {'p': {'tagged_vlans': ['2-4095']}}}",
      "$.ports.p.tagged_vlans[0]: must be a VLAN id 1-4094 or a range "
      "\"A-B\" of them, got \"2-4095\"" },
    { "{'ports': {'p': {'tagged_vlans': [1, 4095]}}}",
      "$.ports.p.tagged_vlans[1]: must be an integer 1-4094, got 4095" },
    { "{'ports': {'p': {'tagged_vlans': [true]}}}",
      "$.ports.p.tagged_vlans[0]: must be a VLAN id 1-4094 or a range "
      "\"A-B\", not a boolean" },
    { "{'ports': {'p': {'tagged_vlans': 10}}}",
      "$.ports.p.tagged_vlans: must be an array, not an integer" },
    { "{'ports': {'p': {'native_vlan': 1, 'description': '"
      "0123456789012345678901234567890123456789012345678901234567890123"
      "0123456789012345678901234567890123456789012345678901234567890123"
      "0123456789012345678901234567890123456789012345678901234567890123"
      "0123456789012345678901234567890123456789012345678901234567890123"
      "0'}}}",
      "$.ports.p.description: must be at most 256 bytes long, is 257" },
    { "{'ports': {'averyveryverylongname': {'native_vlan': 1}}}",
      "$.ports.averyveryverylongname: port name must be 1-15 bytes long, "
      "is 21" },
    { "{'ports': {'': {'native_vlan': 1}}}",
      "$.ports[\"\"]: port name must be 1-15 bytes long, is 0" },
    { "{'default_port': {'native_vlan': 1, 'x': 1}}",
      "$.default_port.x: unknown field" },
    { "{'default_port': 1}",
      "$.default_port: must be an object, not an integer" },
    { "{'switches': []}", "$.switches: must be an object, not an array" },
    { "{'switches': {'1': {}, '0000000000000001': {}}}",
      "$.switches.0000000000000001: duplicate switch: same datapath id as "
      "$.switches.1" },
    { "{'switches': {'0000000000000010': {}, '16': {}}}",
      "$.switches.16: duplicate switch: same datapath id as "
      "$.switches.0000000000000010" },
    { "{'switches': {'0000000000000001': {'name': 'ovsbr0'},"
      " 'ovsbr0': {}}}",
      "$.switches.ovsbr0: duplicate switch: same bridge name as "
      "$.switches.0000000000000001" },
    { "{'switches': {'ovsbr0': {'name': 'ovsbr1'}}}",
      "$.switches.ovsbr0.name: must be the switch's key \"ovsbr0\" or "
      "absent" },
    { "{'switches': {'1': {'port': {}}}}",
      "$.switches.1.port: unknown field" },
    { "{'switches': {'averyveryverylongbridge': {}}}",
      "$.switches.averyveryverylongbridge: must be a datapath id (16 hex "
      "digits or a decimal number) or a bridge name of 1-15 bytes" },
    { "{'switches': {'99999999999999999999': {}}}",
      "$.switches.99999999999999999999: decimal datapath id must be less "
      "than 2^64" },
    { "{'switches': {'1': {'ports': {'3': {'native_vlan': 1},"
      " '03': {'native_vlan': 2}}}}}",
      "$.switches.1.ports.03: duplicate port: same number as "
      "$.switches.1.ports.3" },
    { "{'switches': {'1': {'ports': {'0': {'native_vlan': 1}}}}}",
      "$.switches.1.ports.0: port number must be 1-4294967040" },
    { "{'switches': {'1': {'ports': {'4294967041': {'native_vlan': 1}}}}}",
      "$.switches.1.ports.4294967041: port number must be 1-4294967040" },
    { "{'switches': {'1': {'ports': {'eth0.10': {'native_vlan': 0}}}}}",
      "$.switches.1.ports[\"eth0.10\"].native_vlan: must be an integer "
      "1-4094, got 0" },
    { "{'switches': {'1': {'ports': []}}}",
      "$.switches.1.ports: must be an object, not an array" },
    { "{'routers': {'r1': {}}}",
      "$.routers.r1.vlans: required field is missing" },
    { "{'routers': {'r1': {'vlans': [10], 'x': 1}}}",
      "$.routers.r1.x: unknown field" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10, 30]}}}",
      "$.routers.r1.vlans[1]: VLAN 30 is not defined in $.vlans" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}},"
      "           '20': {}},"
      " 'routers': {'r1': {'vlans': [10, 20]}}}",
      "$.routers.r1.vlans[1]: VLAN 20 has no routing.gateway" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.0.1/16'}},"
      "           '20': {'routing': {'gateway': '10.0.20.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10, 20]}}}",
      "$.routers.r1.vlans[1]: gateway subnet 10.0.20.0/24 of VLAN 20 "
      "overlaps 10.0.0.0/16 of VLAN 10" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10, 10]}}}",
      "$.routers.r1.vlans[1]: VLAN 10 is listed twice" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10]}, 'r2': {'vlans': [10]}}}",
      "$.routers.r2.vlans[0]: VLAN 10 is already routed by $.routers.r1" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10], 'mac': '01:00:5e:00:00:01'}}}",
      "$.routers.r1.mac: must be a unicast MAC address, got "
      "\"01:00:5e:00:00:01\"" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': [10], 'mac': '02:00:00:00:00'}}}",
      "$.routers.r1.mac: must be a MAC address \"xx:xx:xx:xx:xx:xx\", got "
      "\"02:00:00:00:00\"" },
    { "{'vlans': {'10': {'routing': {'gateway': '10.0.10.1/24'}}},"
      " 'routers': {'r1': {'vlans': ['10']}}}",
      "$.routers.r1.vlans[0]: must be an integer 1-4094, not a string" },
};

/* Every invalid document is refused with its exact message. */
static void
test_bad(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const struct bad_case *c = &bad_cases[i];
        char *error = NULL;
        char *want = NULL;
        struct vlan_config *cfg = parse_config(c->doc, &error);
        if (asprintf(&want, "ofc.json: %s", c->message) < 0) {
            abort();
        }
        tap_ok(!cfg, "invalid #%zu refused", i + 1);
        TAP_STR_EQ(error, want, "invalid #%zu message", i + 1);
        vlan_config_free(cfg);
        free(error);
        free(want);
    }
}

/* vlan_port_equal compares VLAN carriage, not descriptions. */
static void
test_port_equal(void)
{
    struct vlan_port a = { .native_vlan = 10 }, b;
    vlan_set_add(&a.tagged, 20);
    b = a;
    b.description = "different";
    tap_ok(vlan_port_equal(&a, &b), "equal ports (description ignored)");
    b.native_vlan = 11;
    tap_ok(!vlan_port_equal(&a, &b), "different native VLAN");
    b.native_vlan = 10;
    vlan_set_add(&b.tagged, 4094);
    tap_ok(!vlan_port_equal(&a, &b), "different tagged set");
}

/* Checks that the decomposition of 's' covers exactly its VIDs with
 * disjoint blocks; returns the number of blocks. */
static size_t
check_prefixes(const struct vlan_set *s, const char *what)
{
    uint16_t values[4096], masks[4096];
    size_t n = vlan_set_prefixes(s, values, masks, 4096);
    bool ok = n <= 4096;
    for (unsigned vid = 0; ok && vid < 4096; vid++) {
        unsigned hits = 0;
        for (size_t i = 0; i < n; i++) {
            hits += (vid & masks[i]) == values[i];
        }
        ok = hits == vlan_set_has(s, vid);
        if (!ok) {
            tap_diag("VID %u: %u blocks match", vid, hits);
        }
    }
    for (size_t i = 0; ok && i < n; i++) {
        ok = !(values[i] & ~masks[i]) && masks[i] <= 0xfff;
    }
    tap_ok(ok, "prefixes of %s: exact disjoint cover (%zu blocks)", what,
           n);
    return n;
}

/* Adds [lo, hi] to 's'. */
static void
add_range(struct vlan_set *s, unsigned lo, unsigned hi)
{
    for (unsigned v = lo; v <= hi; v++) {
        vlan_set_add(s, v);
    }
}

static void
test_prefixes(void)
{
    struct vlan_set s;
    uint16_t values[64], masks[64];

    memset(&s, 0, sizeof s);
    TAP_INT_EQ(check_prefixes(&s, "the empty set"), 0, "empty: 0 blocks");

    add_range(&s, 0, 4095);
    TAP_INT_EQ(check_prefixes(&s, "all VIDs"), 1, "all: 1 block");

    memset(&s, 0, sizeof s);
    vlan_set_add(&s, 100);
    TAP_INT_EQ(check_prefixes(&s, "{100}"), 1, "single VID: 1 block");
    tap_ok(vlan_set_prefixes(&s, values, masks, 64) == 1
           && values[0] == 100 && masks[0] == 0xfff,
           "single VID: exact match");

    memset(&s, 0, sizeof s);
    add_range(&s, 2, 4094);
    size_t n = check_prefixes(&s, "2-4094");
    tap_ok(n < 30, "2-4094 needs few blocks (%zu < 30)", n);
    TAP_INT_EQ(vlan_set_prefixes(&s, values, masks, 5), 6,
               "too many for 'max': max + 1");

    memset(&s, 0, sizeof s);
    add_range(&s, 1, 4094);
    check_prefixes(&s, "1-4094");

    memset(&s, 0, sizeof s);
    for (unsigned v = 0; v < 4096; v += 2) {
        vlan_set_add(&s, v);
    }
    TAP_INT_EQ(check_prefixes(&s, "even VIDs"), 1,
               "even VIDs merge into 1 block");

    memset(&s, 0, sizeof s);
    add_range(&s, 10, 10);
    add_range(&s, 20, 20);
    add_range(&s, 30, 32);
    check_prefixes(&s, "{10, 20, 30-32}");

    srand(12345);
    for (int t = 0; t < 20; t++) {
        char what[64];
        memset(&s, 0, sizeof s);
        if (t < 10) {
            /* Random members with densities from 5% to 95%. */
            int pct = 5 + t * 10;
            for (unsigned v = 0; v < 4096; v++) {
                if (rand() % 100 < pct) {
                    vlan_set_add(&s, v);
                }
            }
            snprintf(what, sizeof what, "random set (%d%%)", pct);
        } else {
            /* A few random ranges. */
            for (int r = 0; r < t - 8; r++) {
                unsigned lo = 1 + rand() % 4094;
                unsigned hi = lo + rand() % (4095 - lo);
                add_range(&s, lo, hi);
            }
            snprintf(what, sizeof what, "%d random ranges", t - 8);
        }
        check_prefixes(&s, what);
    }
}

int
main(void)
{
    test_example();
    test_bad();
    test_port_equal();
    test_prefixes();
    return tap_done();
}
