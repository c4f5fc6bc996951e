#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Port mirroring (the mirror app, rendered by the L2 app) against a real
Open vSwitch (sandboxed userspace bridge br0, dpid d6, dummy ports p1..p7).

p1, p2, p3 and p6 are in VLAN 10, p4 and p5 in VLAN 20; p7 is VLAN 10 too
and the destination of a configured session whose source is VLAN 20.
REST sessions mirror p1 to p6.  Frames are injected with
netdev-dummy/receive and the copies counted with the destination's
tx_packets (ovs-ofctl dump-ports): ingress, egress, both, a flood copied
once, a VLAN source, the destination never learning nor flooding, delete,
persistence across a restart, bad input, the token, ofcctl.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, free_port, wait_for  # noqa

DPID = "00000000000000d6"
PAYLOAD = "0800" + "45000014000000004001f9e80a0000010a000002"
BCAST = "ff:ff:ff:ff:ff:ff"
H1 = "02:00:00:00:00:01"        # On p1.
H2 = "02:00:00:00:00:02"        # On p2.
H4 = "02:00:00:00:00:04"        # On p4 (VLAN 20).
H6 = "02:00:00:00:00:06"        # Sends on the destination p6.
BUILD = os.environ.get("OFC_BUILD", "build")
OFCCTL = os.path.join(BUILD, "rest", "ofcctl")

CONFIG = {
    "switches": {DPID: {"ports": {
        "1": {"native_vlan": 10}, "2": {"native_vlan": 10},
        "3": {"native_vlan": 10}, "6": {"native_vlan": 10},
        "7": {"native_vlan": 10},
        "4": {"native_vlan": 20}, "5": {"native_vlan": 20}}}},
    "mirrors": [{"dpid": DPID, "destination": 7, "vlans": [20],
                 "description": "VLAN 20 to p7"}],
}


def frame(dst, src):
    return dst.replace(":", "") + src.replace(":", "") + PAYLOAD


def request(ofcd, method, path, body=None, token=True):
    """Returns (status, parsed JSON body)."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(ofcd.rest_url + path, data=data,
                                 method=method)
    if token:
        req.add_header("Authorization", "Bearer " + ofcd.token)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def main():
    tap = Tap(47)
    work = tempfile.mkdtemp(prefix="ofc-mirror.")
    conf = os.path.join(work, "ofc.json")
    with open(conf, "w") as f:
        json.dump(CONFIG, f)
    ofcd = Ofcd(work, ["--config", conf])
    box = Sandbox()
    port = free_port()
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        box.add_bridge(DPID, port, n_ports=7)
        tap.ok(ofcd.wait_log(r"dpid=%s reconcile: " % DPID, 15),
               "br0 connects", ofcd.text())
        wait_for(lambda: "in_port=7" in box.ofctl("dump-flows", "br0",
                                                  "table=0"), 10)

        def tx(p):
            out = box.ofctl("dump-ports", "br0", str(p))
            m = re.search(r"tx pkts=(\d+)", out)
            return int(m.group(1))

        def inject(p, dst, src):
            box.run("ovs-appctl", "netdev-dummy/receive", "p%d" % p,
                    frame(dst, src))

        def copies(p_dest, p_in, dst, src, watch=None):
            """Injects one frame on p_in; returns (copies on p_dest,
            {port: frames sent} for 'watch')."""
            before = tx(p_dest)
            wb = {w: tx(w) for w in watch or ()}
            inject(p_in, dst, src)
            time.sleep(0.3)
            return tx(p_dest) - before, {w: tx(w) - wb[w] for w in wb}

        def hosts():
            return request(ofcd, "GET", "/v1/hosts")[1]["hosts"]

        def learn():
            inject(1, BCAST, H1)
            inject(2, BCAST, H2)
            return wait_for(lambda: len([h for h in hosts()
                                         if h["mac"] in (H1, H2)]) == 2, 10)

        tap.ok(learn(), "H1 (p1) and H2 (p2) learned")

        # The configured session.
        st, body = request(ofcd, "GET", "/v1/mirrors")
        cfg = [m for m in body["mirrors"] if m["id"] == "cfg-1"]
        tap.ok(st == 200 and len(cfg) == 1
               and cfg[0]["source"] == "config"
               and cfg[0]["vlans"] == [20] and cfg[0]["destination"] == 7,
               "GET /v1/mirrors lists the configured session cfg-1 "
               "(source config)", body)
        n, _ = copies(7, 4, BCAST, H4)
        tap.ok(n == 1, "VLAN source 20: a frame entering in VLAN 20 is "
               "copied to p7 once", n)
        n, _ = copies(7, 1, H2, H1)
        tap.ok(n == 0, "VLAN source 20: a VLAN-10 frame is not copied", n)

        # Ingress only.
        st, s1 = request(ofcd, "POST", "/v1/mirrors", {
            "dpid": DPID, "destination": "p6",
            "sources": [{"port": 1, "direction": "ingress"}],
            "description": "p1 in"})
        tap.ok(st == 201 and s1["id"] == 1 and s1["source"] == "rest",
               "POST an ingress-only session: 201 with id 1", s1)
        t0 = box.ofctl("dump-flows", "br0", "table=0")
        tap.ok(re.search(r"priority=200,in_port=6 actions=drop", t0)
               and re.search(r"in_port=1,vlan_tci=0x0000/0x1fff actions="
                             r"output:6,write_metadata:0xa/0xfff", t0),
               "table 0: p6 drops at priority 200; p1's classification "
               "copies to p6 first", t0)
        n, seen = copies(6, 1, H2, H1, watch=[2])
        tap.ok(n == 1 and seen[2] == 1, "ingress: H1->H2 entering p1 is "
               "copied once and still delivered", (n, seen))
        n, _ = copies(6, 2, H1, H2)
        tap.ok(n == 0, "ingress: H2->H1 leaving p1 is not copied", n)
        st, _ = request(ofcd, "DELETE", "/v1/mirrors/1")
        tap.ok(st == 200, "DELETE session 1")

        # Egress only.
        st, s2 = request(ofcd, "POST", "/v1/mirrors", {
            "dpid": DPID, "destination": 6,
            "sources": [{"port": "p1", "direction": "egress"}]})
        tap.ok(st == 201 and s2["id"] == 2, "POST an egress-only session "
               "(source by name): id 2", s2)
        n, _ = copies(6, 1, H2, H1)
        tap.ok(n == 0, "egress: a frame entering p1 is not copied", n)
        n, seen = copies(6, 2, H1, H2, watch=[1])
        tap.ok(n == 1 and seen[1] == 1, "egress: a frame leaving p1 is "
               "copied once and still delivered", (n, seen))
        n, _ = copies(6, 1, BCAST, H1)
        tap.ok(n == 0, "egress: a broadcast entering p1 (flooded, not "
               "leaving p1) is not copied", n)
        st, _ = request(ofcd, "DELETE", "/v1/mirrors/2")
        tap.ok(st == 200, "DELETE session 2")

        # Both.
        dur_before = box.ofctl("dump-flows", "br0", "table=0,in_port=2")
        st, s3 = request(ofcd, "POST", "/v1/mirrors", {
            "dpid": DPID, "destination": 6,
            "sources": [{"port": 1, "direction": "both"}]})
        tap.ok(st == 201 and s3["id"] == 3, "POST a both-ways session: "
               "id 3", s3)
        n, _ = copies(6, 1, H2, H1)
        tap.ok(n == 1, "both: entering p1 copied once", n)
        n, _ = copies(6, 2, H1, H2)
        tap.ok(n == 1, "both: leaving p1 copied once", n)
        n, seen = copies(6, 2, BCAST, H2, watch=[1, 3])
        tap.ok(n == 1 and seen == {1: 1, 3: 1}, "a flood from p2 (not "
               "mirrored) reaching p1 is copied exactly once", (n, seen))
        n, seen = copies(6, 1, BCAST, H1, watch=[2, 3])
        tap.ok(n == 1 and seen == {2: 1, 3: 1}, "a broadcast entering p1 "
               "is copied once (ingress only, no egress copy)", (n, seen))
        groups = box.ofctl("dump-groups", "br0")
        g10 = [ln for ln in groups.splitlines()
               if re.search(r"group_id=%d," % ((1 << 24) | 10), ln)]
        tap.ok(g10 and sorted(re.findall(r"actions=([^,]+)", g10[0]))
               == ["output:1", "output:2", "output:3", "output:6"],
               "VLAN 10's flood group: p1's bucket plus one copy bucket to "
               "p6; no bucket of p6 or p7 (destinations)", groups)
        dur_after = box.ofctl("dump-flows", "br0", "table=0,in_port=2")
        d0 = [float(x) for x in re.findall(r"duration=([\d.]+)s",
                                           dur_before)]
        d1 = [float(x) for x in re.findall(r"duration=([\d.]+)s",
                                           dur_after)]
        tap.ok(d0 and len(d0) == len(d1)
               and all(b >= a for a, b in zip(d0, d1)),
               "session changes left p2's table-0 flows alone (durations "
               "kept)", (dur_before, dur_after))

        # The destination never learns nor floods.
        n, seen = copies(6, 6, BCAST, H6, watch=[1, 2, 3])
        time.sleep(0.3)
        tap.ok(not [h for h in hosts() if h["mac"] == H6]
               and seen == {1: 0, 2: 0, 3: 0},
               "a frame injected on the destination p6: no host learned, "
               "not flooded", seen)

        # Bad input: each a 4xx naming the field, nothing changed.
        state_file = os.path.join(ofcd.state_dir, "mirrors.json")
        with open(state_file) as f:
            saved = f.read()
        listing = request(ofcd, "GET", "/v1/mirrors")[1]
        good = {"dpid": DPID, "destination": 6,
                "sources": [{"port": 2, "direction": "ingress"}]}
        cases = [
            (b"{not json", 400, "bad_json", ""),
            (dict(good, destination=None) and
             {k: v for k, v in good.items() if k != "destination"},
             400, "missing_field", "$.destination"),
            (dict(good, colour="red"), 400, "unknown_field", "$.colour"),
            (dict(good, destination=99), 400, "bad_value",
             "$.destination"),
            (dict(good, sources=[{"port": "nope"}]), 400, "bad_value",
             "$.sources[0].port"),
            (dict(good, vlans=[99]), 400, "bad_value", "$.vlans[0]"),
            (dict(good, sources=[{"port": "p6"}]), 400, "bad_value",
             "$.sources[0].port"),
            (dict(good, sources=[]), 400, "bad_value", "$.sources"),
            (dict(good, sources=[{"port": 2, "direction": "sideways"}]),
             400, "bad_value", "$.sources[0].direction"),
            (dict(good, sources=[{"port": 2.5}]), 400, "bad_type",
             "$.sources[0].port"),
            (dict(good, dpid="00000000000000ee"), 404, "unknown_dpid",
             "$.dpid"),
            (dict(good, sources=[{"port": 7}]), 409, "conflict",
             "$.sources[0].port"),
        ]
        for body, status, code, field in cases:
            st, err = request(ofcd, "POST", "/v1/mirrors", body)
            tap.ok(st == status and err.get("error") == code
                   and field in err.get("message", ""),
                   "bad input -> %d %s naming %s" % (status, code,
                                                     field or "the body"),
                   (body, st, err))
        st, err = request(ofcd, "DELETE", "/v1/mirrors/cfg-1")
        tap.ok(st == 409 and err["error"] == "conflict",
               "DELETE of a configured session: 409", err)
        with open(state_file) as f:
            tap.ok(f.read() == saved
                   and request(ofcd, "GET", "/v1/mirrors")[1] == listing,
                   "after the bad requests the state file and the list "
                   "are unchanged")
        st, err = request(ofcd, "POST", "/v1/mirrors", good, token=False)
        tap.ok(st == 401 and err["error"] == "unauthorized",
               "POST without a token: 401", err)

        # Persistence.
        ofcd.stop()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        tap.ok(ofcd.wait_log(r"dpid=%s reconcile: " % DPID, 20),
               "ofcd restarted; br0 reconnects", ofcd.text())
        st, body = request(ofcd, "GET", "/v1/mirrors")
        ids = sorted(str(m["id"]) for m in body["mirrors"])
        tap.ok(ids == ["3", "cfg-1"], "after the restart: session 3 and "
               "cfg-1", body)
        learn()
        n, _ = copies(6, 1, H2, H1)
        tap.ok(n == 1, "after the restart the copies still flow", n)

        # ofcctl.
        env = dict(os.environ, OFC_TOKEN=ofcd.token)
        base = [OFCCTL, "--url", ofcd.rest_url]
        r = subprocess.run(base + ["mirrors", "list"], env=env,
                           capture_output=True, text=True, timeout=10)
        tap.ok(r.returncode == 0 and "cfg-1" in r.stdout
               and "1:both" in r.stdout, "ofcctl mirrors list", r.stdout
               + r.stderr)
        r = subprocess.run(base + ["mirrors", "add", DPID, "6", "--ingress",
                                   "p3", "--description", "cli"], env=env,
                           capture_output=True, text=True, timeout=10)
        tap.ok(r.returncode == 0 and "mirror session 4 added" in r.stdout,
               "ofcctl mirrors add", r.stdout + r.stderr)
        r = subprocess.run(base + ["mirrors", "del", "4"], env=env,
                           capture_output=True, text=True, timeout=10)
        tap.ok(r.returncode == 0, "ofcctl mirrors del", r.stdout + r.stderr)
        r = subprocess.run(base + ["mirrors", "add", DPID, "6", "--ingress",
                                   "nope"], env=env,
                           capture_output=True, text=True, timeout=10)
        tap.ok(r.returncode == 1 and "$.sources[0].port" in r.stderr,
               "ofcctl mirrors add with an unknown port: exit 1 with the "
               "server's message", r.stderr)

        # Delete stops the copies.
        st, _ = request(ofcd, "DELETE", "/v1/mirrors/3")
        n, _ = copies(6, 1, H2, H1)
        n2, _ = copies(6, 2, H1, H2)
        t0 = box.ofctl("dump-flows", "br0", "table=0")
        tap.ok(st == 200 and n == 0 and n2 == 0
               and "output:6" not in t0
               and "priority=200,in_port=6 " not in t0,
               "DELETE session 3: no more copies, no mirror flow left",
               (st, n, n2, t0))
        tap.ok(ofcd.stop() == 0, "ofcd exits 0 on SIGTERM (no leak "
               "reports)", ofcd.text()[-3000:])
    finally:
        ofcd.kill()
        box.stop()
        if tap.failed == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("# kept " + work)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
