#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The configuration over REST and the command line, and GET /v1/vlans,
against a real Open vSwitch (sandboxed ovs-vswitchd).

One userspace bridge br0 (dpid d3, dummy ports p1..p4) and ofcd with
--config in a temporary directory: p1 and p2 are configured on the switch
(access VLAN 10; trunk 10, 20, 30-32 with native 99), p3 by the name
profile (access 20), p4 by nothing (default: access 1).  Checked:
ofcd --check-config good and bad; ofcd refuses to start on a bad file;
GET /v1/config; POST /v1/config/validate good, bad and without the
token; PUT /v1/config (file replaced, FILE.prev kept, running config and
/v1/vlans follow, the reload logged), bad PUTs (invalid, no token, not
JSON) change nothing; SIGHUP with a bad file is rejected and with a good
one applied; the redacted api_token; GET /v1/vlans and /v1/vlans/{vid};
ofcctl config get/set/validate and ofcctl vlans.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, free_port, wait_for  # noqa

BUILD = os.environ.get("OFC_BUILD", ".")
OFCD = os.path.join(BUILD, "controller", "ofcd")
OFCCTL = os.path.join(BUILD, "rest", "ofcctl")
DPID = "00000000000000d3"
RECONCILE = r"dpid=%s reconcile: " % DPID

CONFIG = {
    "vlans": {"10": {"name": "mgmt",
                     "routing": {"gateway": "10.0.10.1/24"}},
              "20": {"name": "workload"}},
    "ports": {"p3": {"native_vlan": 20}},
    "switches": {DPID: {"name": "br0", "ports": {
        "p1": {"native_vlan": 10},
        "2": {"tagged_vlans": [10, 20, "30-32"], "native_vlan": 99}}}},
}

# p1 moves to VLAN 20; VLAN 30 gets a name; VLAN 10 loses its gateway.
CONFIG2 = {
    "vlans": {"10": {"name": "mgmt"}, "20": {"name": "workload"},
              "30": {"name": "storage"}},
    "ports": {"p3": {"native_vlan": 20}},
    "switches": {DPID: {"name": "br0", "ports": {
        "p1": {"native_vlan": 20},
        "2": {"tagged_vlans": [10, 20, "30-32"], "native_vlan": 99}}}},
}

# Bad: VLAN 5000 on p1.
BAD = json.loads(json.dumps(CONFIG))
BAD["switches"][DPID]["ports"]["p1"]["native_vlan"] = 5000
BAD_PATH = ("$.switches.%s.ports.p1.native_vlan: must be an integer "
            "1-4094, got 5000" % DPID)


def request(url, method="GET", token=None, body=None):
    """Returns (status, parsed JSON body or None) of one request."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, method=method, data=data)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def is_error(doc, code, path, message=None):
    """True if 'doc' is our JSON error 'code' for 'path' (with exactly
    'message' if given)."""
    return (isinstance(doc, dict) and doc.get("error") == code
            and isinstance(doc.get("message"), str)
            and doc.get("path") == path
            and (message is None or doc.get("message") == message))


def write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def run(*args, env=None):
    """Runs a command; returns (exit status, stdout, stderr)."""
    r = subprocess.run(list(args), capture_output=True, text=True,
                       timeout=30, env=env)
    return r.returncode, r.stdout, r.stderr


def ports_of(vlan):
    """{port name: mode} of the (only) switch of a /v1/vlans entry."""
    sws = (vlan or {}).get("switches", [])
    if len(sws) != 1:
        return None
    return {p["name"]: p["mode"] for p in sws[0]["ports"]}


def table0(box):
    """br0's table-0 flows as sorted "priority=...,MATCH actions=..."
    strings (without cookie, duration and counters)."""
    flows = []
    for line in box.ofctl("dump-flows", "br0", "table=0").splitlines():
        m = re.search(r"(priority=\S+ actions=\S+)", line)
        if m:
            flows.append(m.group(1))
    return sorted(flows)


def check_cli(tap, work):
    """ofcd --check-config and a refused start."""
    good = os.path.join(work, "good.json")
    bad = os.path.join(work, "bad.json")
    write_json(good, CONFIG)
    write_json(bad, BAD)

    status, out, err = run(OFCD, "--check-config", good)
    tap.ok(status == 0 and out == good + ": ok\n",
           "ofcd --check-config GOOD: exit 0, 'FILE: ok'", (status, out, err))
    status, out, err = run(OFCD, "--check-config", bad)
    tap.ok(status == 1 and err.strip() == "ofcd: %s: %s" % (bad, BAD_PATH),
           "ofcd --check-config BAD: exit 1 with the file, the JSON path "
           "and the problem", (status, out, err))

    state = os.path.join(work, "refused-state")
    status, out, err = run(OFCD, "--config", bad, "--listen",
                           "tcp:127.0.0.1:%d" % free_port(), "--rest",
                           "127.0.0.1:0", "--state-dir", state)
    tap.ok(status == 1 and ("%s: %s" % (bad, BAD_PATH)) in err,
           "ofcd refuses to start with an invalid configuration (exit 1, "
           "the message)", (status, out, err))


def main():
    tap = Tap(66)
    work = tempfile.mkdtemp(prefix="ofc-rest-config.")
    cfg_path = os.path.join(work, "ofc.json")
    write_json(cfg_path, CONFIG)
    ofcd = Ofcd(work, args=["--config", cfg_path])
    box = Sandbox()
    port = free_port()
    try:
        check_cli(tap, work)

        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        base = ofcd.rest_url
        token = ofcd.token
        box.add_bridge(DPID, port, n_ports=4)
        tap.ok(ofcd.wait_log(RECONCILE, 15) is not None,
               "br0 connects and gets its pipeline", ofcd.text())

        # ---- GET /v1/config. ----
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG,
               "GET /v1/config returns the file's document", doc)
        status, doc = request(base + "/v1/config?x=1")
        tap.ok(status == 400 and is_error(doc, "unknown_field", "/v1/config"),
               "GET /v1/config?x=1: 400 unknown_field", doc)

        # ---- /v1/vlans under CONFIG. ----
        status, doc = request(base + "/v1/vlans")
        vlans = {v["vid"]: v for v in (doc or {}).get("vlans", [])}
        tap.ok(status == 200 and list(vlans) == [1, 10, 20, 99],
               "GET /v1/vlans: VLANs 1 (default), 10 and 20 (configured) "
               "and 99 (a native VLAN), in order", doc)
        v10 = vlans.get(10, {})
        tap.ok(v10.get("name") == "mgmt"
               and v10.get("gateway") == "10.0.10.1/24"
               and v10.get("configured") is True,
               "VLAN 10 has its name and gateway", v10)
        tap.ok(ports_of(v10) == {"p1": "access", "p2": "trunk"},
               "VLAN 10: p1 (by name) access, p2 (by number) trunk", v10)
        sw10 = (v10.get("switches") or [{}])[0]
        tap.ok(sw10.get("dpid") == DPID
               and type(sw10.get("flood_group")) is int
               and type(sw10.get("hosts")) is int,
               "VLAN 10's switch entry has the dpid, a flood group id and a "
               "host count", sw10)
        tap.ok(ports_of(vlans.get(20)) == {"p2": "trunk", "p3": "access"},
               "VLAN 20: p2 trunk, p3 access by the name profile",
               vlans.get(20))
        tap.ok(ports_of(vlans.get(99)) == {"p2": "native"}
               and vlans[99].get("name") is None
               and vlans[99].get("configured") is False,
               "VLAN 99: p2 untagged on its trunk, no name, not configured",
               vlans.get(99))
        tap.ok(ports_of(vlans.get(1)) == {"p4": "access", "br0": "access"}
               and vlans[1].get("gateway") is None,
               "VLAN 1: p4, configured nowhere, gets the default port",
               vlans.get(1))
        local = [(v["vid"], p) for v in vlans.values()
                 for s in v["switches"] for p in s["ports"]
                 if type(p["port_no"]) is not int]
        tap.ok(local == [(1, {"port_no": "LOCAL", "name": "br0",
                              "mode": "access", "tagged": False})],
               "the bridge's LOCAL port is listed as \"LOCAL\" in VLAN 1 "
               "(the default), no other reserved port", local)

        status, doc = request(base + "/v1/vlans/20")
        tap.ok(status == 200 and doc == vlans.get(20),
               "GET /v1/vlans/20 is VLAN 20's entry of the listing", doc)
        status, doc = request(base + "/v1/vlans/4000")
        tap.ok(status == 404 and is_error(doc, "not_found", "/v1/vlans/4000"),
               "GET /v1/vlans/4000 (neither configured nor in use): 404 "
               "not_found", doc)
        bad_vids = ("0", "4095", "abc", "-1", "00010")
        results = [request(base + "/v1/vlans/" + v) for v in bad_vids]
        tap.ok(all(s == 400 and is_error(d, "bad_value", "/v1/vlans/" + v)
                   for v, (s, d) in zip(bad_vids, results)),
               "GET /v1/vlans/{0,4095,abc,-1,00010}: 400 bad_value", results)

        # A host learned on p4 (VLAN 1) is counted.
        box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
                "p4", "ffffffffffff0200000000a40800"
                + "45000014000000004001f9e80a0000010a000002")

        def hosts_in_1():
            s, d = request(base + "/v1/vlans/1")
            sws = (d or {}).get("switches", [])
            return sws and sws[0].get("hosts") == 1 and d
        tap.ok(wait_for(hosts_in_1, 10),
               "a frame from p4 makes VLAN 1 count one host on br0",
               request(base + "/v1/vlans/1"))

        # ---- POST /v1/config/validate. ----
        vpath = "/v1/config/validate"
        status, doc = request(base + vpath, "POST", token, CONFIG2)
        tap.ok(status == 200 and doc == {"valid": True},
               "validate a good document: 200 {\"valid\": true}", doc)
        status, doc = request(base + vpath, "POST", token, BAD)
        tap.ok(status == 400 and is_error(
            doc, "bad_config", vpath,
            "POST /v1/config/validate: " + BAD_PATH),
            "validate a bad document: 400 bad_config with the checker's "
            "exact message", doc)
        status, doc = request(base + vpath, "POST", token,
                              {"vlans": {}, "colour": "blue"})
        tap.ok(status == 400 and is_error(
            doc, "bad_config", vpath,
            "POST /v1/config/validate: $.colour: unknown key"),
            "validate a document with an unknown top-level key: 400", doc)
        status, doc = request(base + vpath, "POST", None, CONFIG2)
        tap.ok(status == 401 and doc and doc.get("error") == "unauthorized",
               "validate without the token: 401", doc)
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG
               and read_json(cfg_path) == CONFIG,
               "validation changed neither the running config nor the file",
               doc)

        # ---- Bad PUTs change nothing. ----
        status, doc = request(base + "/v1/config", "PUT", token, BAD)
        tap.ok(status == 400 and is_error(
            doc, "bad_config", "/v1/config", "PUT /v1/config: " + BAD_PATH),
            "PUT an invalid document: 400 bad_config with the exact "
            "message", doc)
        status, doc = request(base + "/v1/config", "PUT", None, CONFIG2)
        tap.ok(status == 401 and doc and doc.get("error") == "unauthorized",
               "PUT without the token: 401", doc)
        status, doc = request(base + "/v1/config", "PUT", token, b"{\"vl")
        tap.ok(status == 400 and is_error(doc, "bad_json", "/v1/config"),
               "PUT a body that is not JSON: 400 bad_json", doc)
        status, doc = request(base + "/v1/config", "PUT", token, b"[1]")
        tap.ok(status == 400 and doc and doc.get("error") in ("bad_type",
                                                              "bad_config"),
               "PUT a JSON array: 400", doc)
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG
               and read_json(cfg_path) == CONFIG
               and not os.path.exists(cfg_path + ".prev"),
               "after the bad PUTs the running config and the file are "
               "unchanged (no FILE.prev)", doc)

        # ---- A good PUT. ----
        before = table0(box)
        since = ofcd.size()
        status, doc = request(base + "/v1/config", "PUT", token, CONFIG2)
        tap.ok(status == 200 and doc == CONFIG2,
               "PUT a new document: 200 with the new document", doc)
        tap.ok(read_json(cfg_path) == CONFIG2,
               "the configuration file now holds the new document",
               read_json(cfg_path))
        tap.ok(read_json(cfg_path + ".prev") == CONFIG,
               "FILE.prev holds the previous document",
               read_json(cfg_path + ".prev"))
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG2,
               "GET /v1/config returns the new document", doc)
        m = ofcd.wait_log(r"vlan: (\d+) VLANs, (\d+) port entries, (\d+) "
                          r"profiles.*ports changed: (.*)", 5, since=since)
        tap.ok(m and m.group(1) == "3" and m.group(2) == "2"
               and m.group(3) == "1" and m.group(4) == DPID + ":p1",
               "the reload is logged: 3 VLANs, 2 port entries, 1 profile; "
               "ports changed: only p1", m and m.group(0))
        def p1_flows():
            f = table0(box)
            return (f != before and all("in_port=1," not in x or
                                        "write_metadata:0x14/" in x
                                        for x in f) and f)
        after = wait_for(p1_flows, 10) or table0(box)
        tap.ok([x for x in after if "in_port=1," in x]
               == ["priority=100,in_port=1,dl_vlan=0 actions=pop_vlan,"
                   "write_metadata:0x14/0xfff,goto_table:1",
                   "priority=100,in_port=1,vlan_tci=0x0000/0x1fff "
                   "actions=write_metadata:0x14/0xfff,goto_table:1"],
               "br0's table 0 now classifies p1 into VLAN 20", after)
        tap.ok([x for x in after if "in_port=1," not in x]
               == [x for x in before if "in_port=1," not in x],
               "the other ports' table-0 flows are unchanged", after)
        status, doc = request(base + "/v1/vlans")
        vlans = {v["vid"]: v for v in (doc or {}).get("vlans", [])}
        tap.ok(list(vlans) == [1, 10, 20, 30, 99],
               "GET /v1/vlans after the PUT: VLAN 30 is listed (configured)",
               doc)
        tap.ok(ports_of(vlans.get(20))
               == {"p1": "access", "p2": "trunk", "p3": "access"}
               and ports_of(vlans.get(10)) == {"p2": "trunk"},
               "p1 moved from VLAN 10 to VLAN 20", doc)
        tap.ok(vlans.get(10, {}).get("gateway", "x") is None
               and ports_of(vlans.get(30)) == {"p2": "trunk"},
               "VLAN 10 lost its gateway; VLAN 30 shows the trunk p2", doc)

        # ---- SIGHUP. ----
        write_json(cfg_path, BAD)
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        m = ofcd.wait_log(r"SIGHUP: rejected new configuration: (.*); "
                          r"keeping", 10, since=since)
        tap.ok(m and m.group(1) == "%s: %s" % (cfg_path, BAD_PATH),
               "SIGHUP with an invalid file is rejected with the message",
               ofcd.text())
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG2 and ofcd.alive(),
               "after the rejected SIGHUP the running config stays", doc)
        write_json(cfg_path, CONFIG)
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        m = ofcd.wait_log(r"ports changed: (.*)", 10, since=since)
        tap.ok(m and m.group(1) == DPID + ":p1",
               "SIGHUP with a good file applies it (p1 changes back)",
               ofcd.text())
        status, doc = request(base + "/v1/config")
        tap.ok(status == 200 and doc == CONFIG,
               "GET /v1/config returns the re-read file", doc)
        status, doc = request(base + "/v1/vlans/10")
        tap.ok(ports_of(doc) == {"p1": "access", "p2": "trunk"},
               "p1 is back in VLAN 10", doc)

        # ---- The redacted api_token. ----
        new_token = "0123456789abcdef-test-token"
        with_token = dict(CONFIG, api_token=new_token)
        status, doc = request(base + "/v1/config", "PUT", token, with_token)
        tap.ok(status == 200 and doc == dict(CONFIG, api_token="(redacted)"),
               "PUT with an api_token: the reply shows it redacted", doc)
        status, doc = request(base + "/v1/config")
        tap.ok(doc == dict(CONFIG, api_token="(redacted)")
               and read_json(cfg_path) == with_token,
               "GET /v1/config redacts the token; the file has it", doc)
        status, doc = request(base + "/v1/config", "PUT", token,
                              dict(CONFIG2, api_token="(redacted)"))
        tap.ok(status == 401,
               "the old token is refused once the config sets another",
               (status, doc))
        status, doc = request(base + "/v1/config", "PUT", new_token,
                              dict(CONFIG2, api_token="(redacted)"))
        tap.ok(status == 200 and read_json(cfg_path)
               == dict(CONFIG2, api_token=new_token),
               "PUT with the placeholder keeps the running token", doc)
        status, doc = request(base + "/v1/config", "PUT", new_token, CONFIG)
        tap.ok(status == 200 and read_json(cfg_path) == CONFIG
               and request(base + "/v1/config", "PUT", token, CONFIG)[0]
               == 200,
               "PUT without api_token goes back to the state dir's token",
               doc)

        # ---- ofcctl. ----
        env = dict(os.environ, OFC_URL=base)
        env.pop("OFC_TOKEN", None)
        ctl = [OFCCTL, "--state-dir", ofcd.state_dir]
        status, out, err = run(*ctl, "config", "get", env=env)
        try:
            got = json.loads(out)
        except ValueError:
            got = None
        tap.ok(status == 0 and got == CONFIG,
               "ofcctl config get prints the running document",
               (status, out, err))
        good2 = os.path.join(work, "config2.json")
        write_json(good2, CONFIG2)
        bad = os.path.join(work, "bad.json")
        status, out, err = run(*ctl, "config", "validate", good2, env=env)
        tap.ok(status == 0 and out == good2 + ": ok\n",
               "ofcctl config validate GOOD: exit 0, 'FILE: ok'",
               (status, out, err))
        status, out, err = run(*ctl, "config", "validate", bad, env=env)
        tap.ok(status == 1 and ("POST /v1/config/validate: " + BAD_PATH)
               in err and "bad_config" in err,
               "ofcctl config validate BAD: exit 1 with the server's "
               "message", (status, out, err))
        status, out, err = run(*ctl, "config", "set", bad, env=env)
        tap.ok(status == 1 and ("PUT /v1/config: " + BAD_PATH) in err
               and read_json(cfg_path) == CONFIG,
               "ofcctl config set BAD: exit 1, nothing changes",
               (status, out, err))
        status, out, err = run(*ctl, "config", "set", good2, env=env)
        tap.ok(status == 0 and read_json(cfg_path) == CONFIG2
               and request(base + "/v1/config")[1] == CONFIG2,
               "ofcctl config set GOOD: exit 0, file and running config "
               "replaced", (status, out, err))
        status, out, err = run(*ctl, "--token", "x" * 20, "config", "set",
                               good2, env=env)
        tap.ok(status == 1 and "HTTP 401" in err,
               "ofcctl config set with a wrong token: exit 1, HTTP 401",
               (status, out, err))
        status, out, err = run(*ctl, "config", "frobnicate", env=env)
        tap.ok(status == 2, "ofcctl config frobnicate: usage error (exit 2)",
               (status, out, err))
        status, out, err = run(*ctl, "config", "set", env=env)
        tap.ok(status == 2, "ofcctl config set without FILE: usage error",
               (status, out, err))
        status, out, err = run(*ctl, "config", "set",
                               os.path.join(work, "missing.json"), env=env)
        tap.ok(status == 1 and "missing.json" in err,
               "ofcctl config set MISSING-FILE: exit 1 naming it",
               (status, out, err))

        status, out, err = run(*ctl, "vlans", env=env)
        lines = out.splitlines()
        tap.ok(status == 0 and lines and lines[0].split()
               == ["VID", "NAME", "GATEWAY", "SWITCH", "PORTS", "HOSTS"],
               "ofcctl vlans prints the table header", (status, out, err))
        rows = {ln.split()[0]: ln.split() for ln in lines[1:]}
        tap.ok(sorted(rows, key=int) == ["1", "10", "20", "30", "99"],
               "ofcctl vlans has one row per VLAN (one switch each)", out)
        r20 = rows.get("20", [])
        tap.ok(r20[1:5] == ["workload", "-", DPID,
                            "p1:access,p2:trunk,p3:access"],
               "VLAN 20's row: name, no gateway, the switch, its ports",
               out)
        tap.ok(rows.get("1", [None])[-1] == "1",
               "VLAN 1's row counts the learned host", out)
        status, out, err = run(*ctl, "--json", "vlans", env=env)
        try:
            got = json.loads(out)
        except ValueError:
            got = None
        tap.ok(status == 0 and got == request(base + "/v1/vlans")[1],
               "ofcctl --json vlans prints the server's document",
               (status, out, err))
        status, out, err = run(*ctl, "vlans", "extra", env=env)
        tap.ok(status == 2, "ofcctl vlans with an argument: usage error",
               (status, out, err))

        # ---- The status in GET /v1/apps. ----
        status, doc = request(base + "/v1/apps")
        app = [a for a in (doc or {}).get("apps", [])
               if a.get("name") == "vlan"]
        st = app[0].get("status", {}) if app else {}
        tap.ok(st.get("vlans") == 3 and st.get("profiles") == 1
               and st.get("port_entries") == 2 and st.get("routers") == 0
               and isinstance(st.get("router"), dict),
               "GET /v1/apps: the vlan app's status counts the config",
               app)
        tap.ok(app and sorted(app[0].get("routes", []))
               == ["GET /v1/vlans", "GET /v1/vlans/{vid}"],
               "the vlan app lists its two routes", app)

        tap.ok(ofcd.alive() and ofcd.stop() == 0,
               "ofcd exits cleanly (no leaks under the sanitizers)",
               ofcd.text())
    finally:
        ofcd.kill()
        box.stop()
        if tap.failed == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            tap.diag("work dir kept: " + work)
    tap.done()


if __name__ == "__main__":
    main()
