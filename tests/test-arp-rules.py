#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The arp app: ARP drop rules and the ARP spoof guard.

A private Open vSwitch (Sandbox) runs a userspace bridge with dummy ports
p1..p3 connected to ofcd.  ARP and IPv4 frames are injected with
`ovs-appctl netdev-dummy/receive` and followed with `ofproto/trace`, port
counters and flow counters.  Checked:
- a rule on sender MAC 52:54:00:aa:bb:cc drops ARP from that MAC only;
  its counters (GET) grow; a duplicate is a 409; DELETE restores at once;
- a rule with ttl_seconds disappears by itself (GET 404, flow gone);
- a table of bad requests: each a 400 naming the field, nothing changed;
  401 without the token;
- every match field at once (in_port by name, vlan, op, CIDRs, mask);
- the spoof guard: a static binding drops a forged ARP reply and passes
  the right one; a learned binding (the first ARP seen) drops a later
  forged one; the ipv4 option drops a spoofed IPv4 source;
- ofcctl arp-rules list|add|del;
- kill -9 after a 201, restart with a configuration: the REST rule, the
  guards and the learned binding are back and re-installed; the
  configuration's rule is listed as cfg-1 with source config, and DELETE
  refuses it.
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
from ofc_sandbox import Ofcd, Sandbox, Tap, wait_for  # noqa: E402

DPID = "00000000000000a1"
BAD_MAC = "52:54:00:aa:bb:cc"
OFCCTL = os.path.join(os.environ.get("OFC_BUILD", "."), "rest", "ofcctl")


def request(ofcd, method, path, body=None, token=True):
    """Returns (status, parsed JSON or None)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(ofcd.rest_url + path, data=data,
                                 method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + ofcd.token)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def table1(sb):
    """The app's table-1 flows (priority >= 2400) without counters."""
    out = sb.ofctl("dump-flows", "br0", "table=1")
    lines = []
    for line in out.splitlines()[1:]:
        line = re.sub(r" (duration|n_packets|n_bytes|idle_age|hard_age)"
                      r"=[^ ,]*,?", "", line.strip())
        m = re.search(r"priority=(\d+)", line)
        if m and int(m.group(1)) >= 2400:
            lines.append(line)
    return sorted(lines)


def arp(port, sha, spa, tpa, op=1, dl_src=None):
    """An ARP frame as a flow for trace and netdev-dummy/receive."""
    return ("in_port=%d,arp,dl_src=%s,dl_dst=ff:ff:ff:ff:ff:ff,"
            "arp_sha=%s,arp_spa=%s,arp_tpa=%s,arp_op=%d"
            % (port, dl_src or sha, sha, spa, tpa, op))


def ipv4(port, src_mac, nw_src):
    return ("in_port=%d,ip,dl_src=%s,dl_dst=ff:ff:ff:ff:ff:ff,"
            "nw_src=%s,nw_dst=10.0.0.250,nw_proto=17" % (port, src_mac,
                                                         nw_src))


def dropped(sb, flow):
    """True if ofproto/trace says the frame is dropped."""
    out = sb.run("ovs-appctl", "ofproto/trace", "br0", flow)
    return out.strip().splitlines()[-1].strip() == "Datapath actions: drop"


def frame(flow):
    """The Ethernet frame (hex) of an arp() or ipv4() flow string."""
    f = dict(kv.split("=", 1) for kv in flow.split(",") if "=" in kv)

    def mac(s):
        return bytes(int(x, 16) for x in s.split(":"))

    def ip(s):
        return bytes(int(x) for x in s.split("."))
    eth = mac(f["dl_dst"]) + mac(f["dl_src"])
    if ",arp," in flow:
        body = (bytes.fromhex("0806" "0001" "0800" "06" "04")
                + int(f["arp_op"]).to_bytes(2, "big")
                + mac(f["arp_sha"]) + ip(f["arp_spa"]) + bytes(6)
                + ip(f["arp_tpa"]))
    else:
        hdr = (bytes.fromhex("4500001c000040004011") + bytes(2)
               + ip(f["nw_src"]) + ip(f["nw_dst"]))
        body = bytes.fromhex("0800") + hdr + bytes.fromhex("0035003500080000")
    return (eth + body).ljust(60, b"\0").hex()


def inject(sb, port, flow, n=1):
    for _ in range(n):
        sb.run("ovs-appctl", "netdev-dummy/receive", "p%d" % port,
               frame(flow))


def tx(sb, port):
    """tx packets of port 'port'."""
    out = sb.ofctl("dump-ports", "br0", str(port))
    m = re.search(r"tx pkts=(\d+)", out)
    return int(m.group(1)) if m else -1


def ofcctl(ofcd, *args):
    r = subprocess.run([OFCCTL, "--url", ofcd.rest_url, "--token",
                        ofcd.token] + list(args), capture_output=True,
                       text=True, timeout=30)
    return r.returncode, r.stdout, r.stderr


def main():
    tap = Tap(63)
    workdir = tempfile.mkdtemp(prefix="ofc-test-arp-rules.")
    sb = Sandbox()
    ofcd = Ofcd(workdir)
    try:
        sb.start()
        ofcd.start()
        sb.add_bridge(DPID, ofcd.port, n_ports=3)
        tap.ok(ofcd.wait_log(r"reconcile: .*", 15) is not None,
               "bridge connected and reconciled")
        run(tap, sb, ofcd, workdir)
    finally:
        ofcd.stop()
        sb.stop()
        if os.environ.get("KEEP"):
            print("# workdir", workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return tap.done()


def run(tap, sb, ofcd, workdir):
    # ---- A drop rule on a sender MAC. ---------------------------------
    st, r1 = request(ofcd, "POST", "/v1/arp-rules",
                     {"sender_mac": BAD_MAC, "description": "bad host"})
    tap.ok(st == 201 and isinstance(r1.get("id"), int)
           and r1.get("source") == "rest"
           and r1.get("sender_mac_mask") == "ff:ff:ff:ff:ff:ff"
           and r1.get("counters") == {"packets": 0, "bytes": 0},
           "POST: 201 with id, source, mask and zero counters", (st, r1))
    rid = r1["id"]
    tap.ok(wait_for(lambda: any("priority=3000,arp,arp_sha=%s actions=drop"
                                % BAD_MAC in f for f in table1(sb)), 5),
           "drop flow on the switch", table1(sb))
    bad = arp(1, BAD_MAC, "10.0.0.1", "10.0.0.2")
    good = arp(1, "52:54:00:aa:bb:dd", "10.0.0.1", "10.0.0.2")
    tap.ok(dropped(sb, bad), "trace: ARP from the MAC is dropped")
    tap.ok(not dropped(sb, good), "trace: ARP from another MAC passes")
    before = tx(sb, 2)
    inject(sb, 1, bad, 3)
    time.sleep(0.3)
    tap.ok(tx(sb, 2) == before, "injected ARP from the MAC never leaves",
           (before, tx(sb, 2)))
    inject(sb, 1, good)
    tap.ok(wait_for(lambda: tx(sb, 2) > before, 3),
           "injected ARP from another MAC is flooded")

    def counters():
        st, got = request(ofcd, "GET", "/v1/arp-rules/%d" % rid)
        return got.get("counters", {}) if st == 200 else {}
    tap.ok(wait_for(lambda: counters().get("packets", 0) >= 3, 5)
           and counters().get("bytes", 0) >= 3 * 42,
           "GET /v1/arp-rules/{id}: counters grew", counters())
    st, lst = request(ofcd, "GET", "/v1/arp-rules")
    tap.ok(st == 200 and [r["id"] for r in lst["rules"]] == [rid]
           and lst["rules"][0]["counters"]["packets"] >= 3,
           "GET /v1/arp-rules lists it with counters", lst)

    st, dup = request(ofcd, "POST", "/v1/arp-rules",
                      {"sender_mac": BAD_MAC.upper(),
                       "sender_mac_mask": "ff:ff:ff:ff:ff:ff"})
    tap.ok(st == 409 and dup["error"] == "conflict"
           and str(rid) in dup["message"],
           "duplicate: 409 naming the existing rule", (st, dup))

    # ---- Bad input changes nothing. -----------------------------------
    flows0 = table1(sb)
    rules0 = request(ofcd, "GET", "/v1/arp-rules")[1]["rules"]
    for c in rules0:
        c.pop("counters")
    cases = [
        ({"sender_mac": "52:54:00:aa:bb"}, "bad_value", "$.sender_mac"),
        ({"sender_mac": BAD_MAC, "sender_mac_mask": "ff:ff:zz:ff:ff:ff"},
         "bad_value", "$.sender_mac_mask"),
        ({"sender_mac": BAD_MAC, "sender_mac_mask": "00:00:00:00:00:00"},
         "bad_value", "$.sender_mac_mask"),
        ({"sender_ip": "10.0.0.0/33"}, "bad_value", "$.sender_ip"),
        ({"target_ip": "10.0.300.1"}, "bad_value", "$.target_ip"),
        ({"op": "announce"}, "bad_value", "$.op"),
        ({"op": 3}, "bad_value", "$.op"),
        ({"in_port": 0}, "bad_value", "$.in_port"),
        ({"in_port": "a-very-long-port-name"}, "bad_value", "$.in_port"),
        ({"in_port": True}, "bad_type", "$.in_port"),
        ({"vlan": 4095}, "bad_value", "$.vlan"),
        ({"op": "request", "dpids": ["zz"]}, "bad_value", "$.dpids[0]"),
        ({"op": "request", "colour": "red"}, "unknown_field", "$.colour"),
        ({"description": "no match"}, "missing_field", "$"),
        ({"op": "request", "ttl_seconds": 0}, "bad_value",
         "$.ttl_seconds"),
    ]
    for body, code, field in cases:
        st, err = request(ofcd, "POST", "/v1/arp-rules", body)
        tap.ok(st == 400 and err and err.get("error") == code
               and err.get("message", "").startswith(field + ":"),
               "bad input %s: 400 %s naming %s" % (json.dumps(body), code,
                                                   field), (st, err))
    st, _ = request(ofcd, "POST", "/v1/arp-rules", {"op": "reply"},
                    token=False)
    st2, _ = request(ofcd, "DELETE", "/v1/arp-rules/%d" % rid, token=False)
    tap.ok(st == 401 and st2 == 401, "401 without the token", (st, st2))
    rules1 = request(ofcd, "GET", "/v1/arp-rules")[1]["rules"]
    for c in rules1:
        c.pop("counters")
    tap.ok(rules1 == rules0 and table1(sb) == flows0,
           "after the bad requests: rules and flows unchanged")

    # ---- Every match field at once. -----------------------------------
    st, r2 = request(ofcd, "POST", "/v1/arp-rules", {
        "sender_mac": "52:54:00:00:00:00", "sender_mac_mask":
        "ff:ff:ff:00:00:00", "sender_ip": "10.0.1.7/24", "target_ip":
        "10.0.2.1", "op": "reply", "in_port": "p1", "vlan": 1,
        "dpids": [DPID]})
    tap.ok(st == 201 and r2.get("sender_ip") == "10.0.1.0/24"
           and r2.get("target_ip") == "10.0.2.1/32"
           and r2.get("in_port") == "p1" and r2.get("dpids") == [DPID],
           "all fields: 201, normalized", (st, r2))
    want = ("priority=3000,arp,metadata=0x1/0xfff,in_port=1,"
            "arp_spa=10.0.1.0/24,arp_tpa=10.0.2.1,arp_op=2,"
            "arp_sha=52:54:00:00:00:00/ff:ff:ff:00:00:00 actions=drop")
    tap.ok(wait_for(lambda: any(want in f for f in table1(sb)), 5),
           "all fields: the flow has every match", table1(sb))
    hit = arp(1, "52:54:00:12:34:56", "10.0.1.9", "10.0.2.1", op=2)
    tap.ok(dropped(sb, hit) and not dropped(sb, hit.replace("arp_op=2",
                                                             "arp_op=1"))
           and not dropped(sb, hit.replace("in_port=1", "in_port=2")),
           "all fields: drops the matching reply only")
    st, _ = request(ofcd, "DELETE", "/v1/arp-rules/%d" % r2["id"])
    tap.ok(st == 200 and not any(want in f for f in table1(sb)),
           "all fields: deleted")

    # ---- ofcctl. ------------------------------------------------------
    rc, out, err = ofcctl(ofcd, "arp-rules", "add", "--sender-ip",
                          "10.9.9.9", "--op", "request",
                          "--description", "from ofcctl")
    new_id = out.strip()
    tap.ok(rc == 0 and new_id.isdigit(), "ofcctl arp-rules add prints the "
           "id", (rc, out, err))
    rc, out, err = ofcctl(ofcd, "arp-rules", "list")
    tap.ok(rc == 0 and "10.9.9.9/32" in out and BAD_MAC in out
           and "from ofcctl" in out, "ofcctl arp-rules list", out + err)
    rc, out, err = ofcctl(ofcd, "arp-rules", "del", new_id)
    rc2, out2, err2 = ofcctl(ofcd, "arp-rules", "add", "--op", "sideways")
    tap.ok(rc == 0 and rc2 == 1 and "$.op" in err2
           and request(ofcd, "GET", "/v1/arp-rules/" + new_id)[0] == 404,
           "ofcctl arp-rules del; a bad add fails naming the field",
           (rc, err, rc2, err2))

    # ---- DELETE restores at once. -------------------------------------
    st, d = request(ofcd, "DELETE", "/v1/arp-rules/%d" % rid)
    tap.ok(st == 200 and d.get("id") == rid, "DELETE: 200 with the rule")
    tap.ok(not any(BAD_MAC in f for f in table1(sb)) and not dropped(sb, bad),
           "DELETE: flow gone at once, ARP from the MAC passes")
    st, _ = request(ofcd, "GET", "/v1/arp-rules/%d" % rid)
    tap.ok(st == 404, "GET of the deleted rule: 404")

    # ---- ttl_seconds. -------------------------------------------------
    st, r3 = request(ofcd, "POST", "/v1/arp-rules",
                     {"target_ip": "10.7.7.7", "ttl_seconds": 2})
    tap.ok(st == 201 and r3.get("ttl_seconds") == 2
           and r3.get("expires_in") in (1, 2), "ttl rule: 201", r3)
    tap.ok(wait_for(lambda: any("hard_timeout=2" in f and "10.7.7.7" in f
                                for f in table1(sb)), 3),
           "ttl rule: flow has hard_timeout=2", table1(sb))
    tap.ok(wait_for(lambda: request(ofcd, "GET", "/v1/arp-rules/%d"
                                    % r3["id"])[0] == 404, 8)
           and not any("10.7.7.7" in f for f in table1(sb)),
           "ttl rule: disappears by itself (GET 404, flow gone)")

    # ---- Spoof guard, static binding. ---------------------------------
    st, g = request(ofcd, "PUT", "/v1/arp-guard/%s/2" % DPID,
                    {"enabled": True, "bindings": [
                        {"mac": "02:00:00:00:00:02", "ip": "10.0.0.2"}]})
    tap.ok(st == 200 and g.get("port") == 2 and g.get("mode") == "static"
           and g["bindings"][0].get("source") == "static",
           "PUT guard with a static binding: 200", (st, g))
    forged = arp(2, "02:00:00:00:00:02", "10.0.0.1", "10.0.0.3", op=2)
    right = arp(2, "02:00:00:00:00:02", "10.0.0.2", "10.0.0.3", op=2)
    tap.ok(wait_for(lambda: dropped(sb, forged), 3)
           and not dropped(sb, right),
           "static guard: forged reply dropped, right one passes")
    before = tx(sb, 1)
    inject(sb, 2, forged, 2)
    time.sleep(0.3)
    mid = tx(sb, 1)
    inject(sb, 2, right)
    tap.ok(mid == before and wait_for(lambda: tx(sb, 1) > mid, 3),
           "static guard: injected forged reply never leaves, right one "
           "does", (before, mid, tx(sb, 1)))

    # ---- Spoof guard, learned binding. --------------------------------
    st, g = request(ofcd, "PUT", "/v1/arp-guard/%s/p3" % DPID, {})
    tap.ok(st == 200 and g.get("mode") == "learn" and g.get("port") == "p3",
           "PUT guard without bindings (by port name): learn mode", g)
    first = arp(3, "02:00:00:00:00:03", "10.0.0.3", "10.0.0.2")
    inject(sb, 3, first)

    def learned():
        st, gs = request(ofcd, "GET", "/v1/arp-guard")
        return [b for g in gs.get("guards", []) for b in g["bindings"]
                if b.get("source") == "learned"]
    tap.ok(wait_for(lambda: learned() == [{"mac": "02:00:00:00:00:03",
                                           "ip": "10.0.0.3", "port": 3,
                                           "source": "learned"}], 5),
           "learned guard: the first ARP seen binds", learned())
    forged3 = arp(3, "02:00:00:00:00:03", "10.0.0.2", "10.0.0.1", op=2)
    tap.ok(wait_for(lambda: dropped(sb, forged3), 3)
           and not dropped(sb, first),
           "learned guard: a later forged ARP is dropped, the host's own "
           "passes")

    # ---- The ipv4 option. ---------------------------------------------
    spoof = ipv4(2, "02:00:00:00:00:02", "10.0.0.66")
    honest = ipv4(2, "02:00:00:00:00:02", "10.0.0.2")
    tap.ok(not dropped(sb, spoof), "without ipv4: spoofed IPv4 passes")
    st, g = request(ofcd, "PUT", "/v1/arp-guard/%s/2" % DPID,
                    {"ipv4": True, "bindings": [
                        {"mac": "02:00:00:00:00:02", "ip": "10.0.0.2"}]})
    tap.ok(st == 200 and g.get("ipv4") is True
           and wait_for(lambda: dropped(sb, spoof), 3)
           and not dropped(sb, honest),
           "ipv4 guard: spoofed IPv4 source dropped, honest one passes")

    # ---- Bad guard requests. ------------------------------------------
    flows0 = table1(sb)
    gcases = [
        ("/v1/arp-guard/%s/2" % DPID, {"bindings": [{"mac": "zz",
                                                     "ip": "10.0.0.2"}]},
         400, "$.bindings[0].mac"),
        ("/v1/arp-guard/%s/2" % DPID, {"bindings": [
            {"mac": "02:00:00:00:00:02", "ip": "10.0.0"}]},
         400, "$.bindings[0].ip"),
        ("/v1/arp-guard/%s/2" % DPID, {"ipv4": "yes"}, 400, "$.ipv4"),
        ("/v1/arp-guard/%s/0" % DPID, {}, 400, "port"),
        ("/v1/arp-guard/%s/p9" % DPID, {}, 404, "switch"),
        ("/v1/arp-guard/xyz/2", {}, 400, "\"xyz\""),
    ]
    for path, body, status, field in gcases:
        st, err = request(ofcd, "PUT", path, body)
        tap.ok(st == status and err.get("message", "").startswith(field),
               "guard: PUT %s %s -> %d naming %s" % (path, json.dumps(body),
                                                      status, field),
               (st, err))
    tap.ok(table1(sb) == flows0, "guard: bad requests changed no flow")

    # ---- Persistence: kill -9 after a 201, restart with a config. ----
    st, r4 = request(ofcd, "POST", "/v1/arp-rules",
                     {"sender_mac": BAD_MAC, "in_port": 1})
    tap.ok(st == 201, "POST before kill -9: 201")
    ofcd.kill()
    sb.ofctl("del-flows", "br0", "table=1,cookie=0/0")
    conf = os.path.join(workdir, "ofc.json")
    with open(conf, "w") as f:
        json.dump({"arp_rules": [{"target_ip": "10.5.5.5",
                                  "op": "request"}]}, f)
    ofcd.args = ["--config", conf]
    ofcd.start()
    sb.vsctl("set-controller", "br0", "tcp:127.0.0.1:%d" % ofcd.port)
    tap.ok(ofcd.wait_log(r"reconcile: .*", 15) is not None
           and ofcd.wait_log(r"restored 1 arp rules, 2 guards, 1 learned",
                             1) is not None,
           "restart: reconciled, state restored", ofcd.text()[-2000:])
    st, lst = request(ofcd, "GET", "/v1/arp-rules")
    ids = [(r["id"], r["source"]) for r in lst.get("rules", [])]
    tap.ok(ids == [("cfg-1", "config"), (r4["id"], "rest")],
           "restart: config rule cfg-1 and the REST rule listed", ids)
    tap.ok(wait_for(lambda: any("in_port=1,arp_sha=%s" % BAD_MAC in f
                                for f in table1(sb))
                    and any("arp_tpa=10.5.5.5" in f for f in table1(sb)),
                    5),
           "restart: both rules' flows on the switch", table1(sb))
    tap.ok(wait_for(lambda: dropped(sb, forged) and dropped(sb, forged3)
                    and dropped(sb, spoof), 3)
           and not dropped(sb, first),
           "restart: static, learned and ipv4 guards enforced again")
    st, err = request(ofcd, "DELETE", "/v1/arp-rules/cfg-1")
    tap.ok(st == 409 and "configuration" in err.get("message", ""),
           "DELETE of the config rule: 409", (st, err))
    st, err = request(ofcd, "POST", "/v1/arp-rules",
                      {"op": "request", "target_ip": "10.5.5.5/32"})
    tap.ok(st == 409 and "cfg-1" in err.get("message", ""),
           "POST duplicating the config rule: 409 naming cfg-1", err)
    st, app = request(ofcd, "GET", "/v1/apps")
    arp_app = [a for a in app.get("apps", []) if a["name"] == "arp"]
    tap.ok(arp_app and arp_app[0]["status"] == {
        "rules": 1, "config_rules": 1, "guards": 2, "learned_bindings": 1},
        "GET /v1/apps: the arp app's status", arp_app)


if __name__ == "__main__":
    sys.exit(main())
