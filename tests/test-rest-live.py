#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The live per-switch REST views: GET /v1/switches/{dpid}/ports, /flows
and /groups, asked of the switch at request time.

A sandboxed ovs-vswitchd bridge (netdev datapath, dummy ports p1 and p2)
connects to ofcd, whose L2 app installs its pipeline and flood group.  A
foreign flow is added with ovs-ofctl and frames are injected with
netdev-dummy/receive.  Every view is compared with what ovs-ofctl shows:
dump-ports, dump-flows, dump-groups and dump-group-stats.  The filters of
the flows view and the error answers are checked.  A fake switch then
answers a request with OFPT_ERROR (502 switch_error) and another one
disconnects while a request waits (503 switch_gone).
"""

import json
import os
import re
import shutil
import struct
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (ERROR, MULTIPART_REQUEST, FakeSwitch, Ofcd,  # noqa
                         Sandbox, Tap, free_port, msg, wait_for)

DPID = "00000000000000d5"
FAKE_DPID = 0x00000000000000f5
FOREIGN = ("cookie=0x1234,table=0,priority=5,in_port=1,tcp,"
           "nw_dst=10.0.0.0/8,tp_dst=80 actions=output:2")
FOREIGN_T6 = "cookie=0x5678,table=6,priority=1,arp actions=drop"
L2_GROUP = 16777217
OFPMP_PORT_STATS = 4
COUNTERS = ("rx_packets", "tx_packets", "rx_bytes", "tx_bytes",
            "rx_dropped", "tx_dropped", "rx_errors", "tx_errors",
            "rx_frame_err", "rx_over_err", "rx_crc_err", "collisions")


def get(base, path, timeout=15):
    """Returns (status, parsed JSON body or None) of GET 'path'."""
    req = urllib.request.Request(base + path)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def error_is(answer, status, code):
    """True if 'answer' is the JSON error 'code' with HTTP 'status'."""
    st, doc = answer
    return (st == status and isinstance(doc, dict)
            and doc.get("error") == code
            and isinstance(doc.get("message"), str))


def normalise(flow):
    """A dump-flows line without the fields that change by themselves."""
    flow = re.sub(r"duration=[0-9.]+s, ", "", flow.strip())
    flow = re.sub(r"n_packets=\d+, n_bytes=\d+, ", "", flow)
    return re.sub(r"idle_age=\d+, ", "", flow)


def ofctl_flows(box, *filters):
    """The dump-flows lines of br0."""
    out = box.ofctl("dump-flows", "br0", *filters)
    return [ln.strip() for ln in out.splitlines() if "cookie=" in ln]


def ofctl_ports(box):
    """{port name as dump-ports prints it: {counter: int or None}}."""
    out = box.ofctl("dump-ports", "br0")
    ports, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"\s*port\s+(\S+): rx (.*)", line)
        if m:
            cur = ports.setdefault(m.group(1), {})
            rest = m.group(2)
            names = {"pkts": "rx_packets", "bytes": "rx_bytes",
                     "drop": "rx_dropped", "errs": "rx_errors",
                     "frame": "rx_frame_err", "over": "rx_over_err",
                     "crc": "rx_crc_err"}
        elif cur is not None and line.strip().startswith("tx "):
            rest = line.strip()[3:]
            names = {"pkts": "tx_packets", "bytes": "tx_bytes",
                     "drop": "tx_dropped", "errs": "tx_errors",
                     "coll": "collisions"}
        else:
            continue
        for key, val in re.findall(r"(\w+)=([0-9?]+)", rest):
            if key in names:
                cur[names[key]] = None if val == "?" else int(val)
    return ports


def inject(box, port, src, n=1):
    """Injects 'n' broadcast IPv4 frames from MAC 'src' into 'port'."""
    frame = ("ffffffffffff" + src + "0800"
             + "45000014000000004001f9e80a0000010a000002")
    for _ in range(n):
        box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
                port, frame)


def rest_base(ofcd):
    """The REST API's base URL of a started ofcd."""
    url = getattr(ofcd, "rest_url", None)
    if url:
        return url
    m = ofcd.wait_log(r"rest: listening on ([0-9.]+):(\d+)", 10)
    return "http://%s:%s" % (m.group(1), m.group(2)) if m else None


def fake_request(base, fake, path, reaction):
    """GETs 'path' in a thread while fake switch 'fake' answers ofcd; the
    PORT_STATS request is given to 'reaction' (which answers it or not).
    Returns the HTTP answer."""
    result = {}
    closed = []
    t = threading.Thread(target=lambda: result.update(a=get(base, path)),
                         daemon=True)
    t.start()
    deadline = time.monotonic() + 10
    while t.is_alive() and not closed and time.monotonic() < deadline:
        m = fake.recv_msg(0.1)
        if m == b"":
            break
        if not m:
            continue
        if m[1] == MULTIPART_REQUEST and \
           struct.unpack("!H", m[8:10])[0] == OFPMP_PORT_STATS:
            if reaction(m) == "closed":
                closed.append(True)
        else:
            fake.answer(m)
    t.join(10)
    return result.get("a", (None, None))


def check_ports(tap, base, box):
    """The ports view against dump-ports, before and after traffic."""
    st, before = get(base, "/v1/switches/%s/ports" % DPID)
    tap.ok(st == 200 and isinstance(before, dict)
           and before.get("dpid") == DPID
           and isinstance(before.get("ports"), list),
           "ports: 200 with dpid and a ports list", (st, before))
    ports = (before or {}).get("ports") or []
    tap.ok([(p.get("port_no"), p.get("name")) for p in ports]
           == [(1, "p1"), (2, "p2"), ("LOCAL", "br0")],
           "ports: p1, p2 and LOCAL (br0), ordered by port_no", ports)
    tap.ok(ports and all(set(COUNTERS) | {"duration_sec"} <= set(p)
                         and all(p[c] is None or type(p[c]) is int
                                 for c in COUNTERS)
                         and type(p["duration_sec"]) is int
                         for p in ports),
           "ports: every counter is an integer (null if the switch has "
           "none)", ports)

    inject(box, "p1", "0200000000c1", 3)
    inject(box, "p2", "0200000000c2", 2)

    def settled():
        d = ofctl_ports(box)
        if d.get("1", {}).get("rx_packets", 0) >= 3 \
           and d.get("2", {}).get("rx_packets", 0) >= 2:
            return d
        return None
    dump = wait_for(settled, 10) or {}
    time.sleep(0.3)
    dump = ofctl_ports(box)
    st, after = get(base, "/v1/switches/%s/ports" % DPID)
    by_no = {p.get("port_no"): p for p in (after or {}).get("ports", [])}
    old = {p.get("port_no"): p for p in ports}
    grew = (1 in by_no and 1 in old
            and by_no[1]["rx_packets"] >= old[1]["rx_packets"] + 3
            and by_no[1]["rx_bytes"] > old[1]["rx_bytes"]
            and by_no[2]["rx_packets"] >= old[2]["rx_packets"] + 2)
    tap.ok(st == 200 and grew,
           "ports: rx counters grew by the injected frames",
           (old, by_no))
    same = True
    for no, name in ((1, "1"), (2, "2"), ("LOCAL", "LOCAL")):
        for c, v in dump.get(name, {}).items():
            if by_no.get(no, {}).get(c, "missing") != v:
                same = False
    tap.ok(st == 200 and dump and same,
           "ports: counters equal dump-ports (null where it shows ?)",
           (dump, by_no))


def check_flows(tap, base, box):
    """The flows view against dump-flows, and its filters."""
    path = "/v1/switches/%s/flows" % DPID
    lines = ofctl_flows(box)
    st, doc = get(base, path)
    flows = (doc or {}).get("flows") or []
    tap.ok(st == 200 and doc.get("dpid") == DPID and len(flows) == len(lines)
           and len(lines) > 2,
           "flows: as many as dump-flows shows (%d)" % len(lines),
           (st, len(flows), lines))
    tap.ok(sorted(normalise(f.get("flow", "")) for f in flows)
           == sorted(normalise(ln) for ln in lines),
           "flows: each flow's text equals its dump-flows line",
           "\n".join(sorted(normalise(f.get("flow", "")) for f in flows))
           + "\n--\n" + "\n".join(sorted(normalise(ln) for ln in lines)))
    keys = {"table", "priority", "cookie", "app", "duration_sec",
            "idle_timeout", "hard_timeout", "packets", "bytes", "match",
            "actions", "flow"}
    tap.ok(all(set(f) == keys and re.fullmatch(r"0x[0-9a-f]{16}",
                                                f["cookie"])
               and isinstance(f["match"], dict) for f in flows),
           "flows: every flow has the contract's fields, cookie as "
           "0x + 16 hex digits", flows[:3])

    foreign = [f for f in flows if f.get("cookie") == "0x0000000000001234"]
    f = foreign[0] if foreign else {}
    tap.ok(len(foreign) == 1 and f.get("app") is None
           and f.get("table") == 0 and f.get("priority") == 5
           and f.get("actions") == "output:2",
           "flows: the foreign flow with app null, table, priority and "
           "actions", foreign)
    tap.ok(f.get("match") == {"dl_type": "0x0800", "nw_proto": "6",
                              "in_port": "1", "nw_dst": "10.0.0.0/8",
                              "tp_dst": "80"},
           "flows: its match is structured, the tcp shorthand expanded "
           "to dl_type and nw_proto", f.get("match"))
    arp = [x for x in flows if x.get("cookie") == "0x0000000000005678"]
    tap.ok(len(arp) == 1 and arp[0].get("match") == {"dl_type": "0x0806"}
           and arp[0].get("actions") == "drop" and arp[0]["table"] == 6,
           "flows: the arp shorthand becomes dl_type 0x0806", arp)
    l2 = [x for x in flows if x.get("app") == "l2"]
    tap.ok(l2 and all(x["cookie"].startswith("0x0fc01") for x in l2)
           and len(l2) + 2 == len(flows),
           "flows: every other flow is the l2 app's (cookie 0x0fc01...)",
           [(x["cookie"], x["app"]) for x in flows])

    # A flow with counters: the same numbers as dump-flows.
    counted = [x for x in flows if x.get("packets")]
    by_text = {normalise(ln): ln for ln in ofctl_flows(box)}
    ok = bool(counted)
    for x in counted:
        line = by_text.get(normalise(x["flow"]), "")
        m = re.search(r"n_packets=(\d+), n_bytes=(\d+)", line)
        ok = ok and m and int(m.group(1)) == x["packets"] \
            and int(m.group(2)) == x["bytes"] and x["bytes"] > 0
    tap.ok(ok, "flows: flows that saw traffic show packets and bytes as "
           "dump-flows does", counted)

    # ?table=
    st, doc = get(base, path + "?table=0")
    t0 = (doc or {}).get("flows") or []
    tap.ok(st == 200 and t0 and all(x["table"] == 0 for x in t0)
           and len(t0) == len(ofctl_flows(box, "table=0")),
           "?table=0: only and all table 0 flows", (st, doc))
    st, doc = get(base, path + "?table=6")
    t6 = (doc or {}).get("flows") or []
    tap.ok(st == 200 and len(t6) == len(ofctl_flows(box, "table=6"))
           and all(x["table"] == 6 for x in t6)
           and "0x0000000000005678" in [x["cookie"] for x in t6],
           "?table=6: the flows of table 6, the foreign one among them",
           (st, doc))

    # ?app=
    st, doc = get(base, path + "?app=l2")
    got = (doc or {}).get("flows") or []
    tap.ok(st == 200 and len(got) == len(l2)
           and all(x["app"] == "l2" for x in got),
           "?app=l2: exactly the %d flows of the l2 app" % len(l2),
           (st, doc))
    tap.ok(error_is(get(base, path + "?app=nosuch"), 400, "bad_value"),
           "?app=nosuch: 400 bad_value", get(base, path + "?app=nosuch"))

    # ?cookie=
    st, doc = get(base, path + "?cookie=0x1234")
    tap.ok(st == 200 and [x["cookie"] for x in doc["flows"]]
           == ["0x0000000000001234"],
           "?cookie=0x1234: the foreign flow alone", (st, doc))
    st, doc = get(base, path + "?cookie=0x1000/0xf000")
    tap.ok(st == 200 and sorted(x["cookie"] for x in doc["flows"])
           == ["0x0000000000001234"],
           "?cookie=0x1000/0xf000: masked match", (st, doc))
    st, doc = get(base, path + "?cookie=4660")
    tap.ok(st == 200 and len(doc["flows"]) == 1,
           "?cookie=4660: decimal cookie", (st, doc))
    st, doc = get(base, path + "?cookie=0x1234&app=l2")
    tap.ok(st == 200 and doc["flows"] == [],
           "?cookie=0x1234&app=l2: contradicting filters give no flows",
           (st, doc))
    st, doc = get(base, path + "?app=l2&table=0&cookie=0x0fc0100000000000"
                  "/0xfff0000000000000")
    tap.ok(st == 200 and doc["flows"]
           and all(x["app"] == "l2" and x["table"] == 0
                   for x in doc["flows"]),
           "?app=l2&table=0&cookie=V/M: filters combine", (st, doc))
    tap.ok(error_is(get(base, path + "?cookie=0xzz"), 400, "bad_value")
           and error_is(get(base, path + "?cookie=1/"), 400, "bad_value")
           and error_is(get(base, path + "?cookie=-1"), 400, "bad_value"),
           "?cookie= malformed: 400 bad_value",
           get(base, path + "?cookie=0xzz"))

    # Bad requests.
    tap.ok(error_is(get(base, path + "?foo=1"), 400, "unknown_field"),
           "unknown query parameter: 400 unknown_field",
           get(base, path + "?foo=1"))
    tap.ok(error_is(get(base, path + "?table=255"), 400, "bad_value")
           and error_is(get(base, path + "?table=x"), 400, "bad_value"),
           "?table=255 and ?table=x: 400 bad_value",
           get(base, path + "?table=255"))
    for view in ("flows", "ports", "groups"):
        tap.ok(error_is(get(base, "/v1/switches/00000000000000ee/" + view),
                        404, "unknown_dpid")
               and error_is(get(base, "/v1/switches/zz/" + view), 400,
                            "bad_dpid"),
               "%s: unknown dpid 404 unknown_dpid, bad dpid 400 bad_dpid"
               % view,
               get(base, "/v1/switches/00000000000000ee/" + view))
    tap.ok(error_is(get(base, "/v1/switches/%s/ports?x=1" % DPID), 400,
                    "unknown_field"),
           "ports: a query parameter is 400 unknown_field")


def check_groups(tap, base, box):
    """The groups view against dump-groups and dump-group-stats."""
    st, doc = get(base, "/v1/switches/%s/groups" % DPID)
    groups = (doc or {}).get("groups") or []
    tap.ok(st == 200 and doc.get("dpid") == DPID,
           "groups: 200 with dpid", (st, doc))
    lines = [ln.strip() for ln in box.ofctl("dump-groups", "br0")
             .splitlines() if "group_id=" in ln]
    tap.ok(sorted(g.get("group") for g in groups) == sorted(lines),
           "groups: each group's text equals its dump-groups line",
           (groups, lines))
    flood = [g for g in groups if g.get("group_id") == L2_GROUP]
    g = flood[0] if flood else {}
    # Ports 1 and 2 and the bridge's own LOCAL port (the host's interface
    # on the bridge, in VLAN 1 like every unconfigured port).
    tap.ok(g.get("type") == "all" and g.get("app") == "l2"
           and len(g.get("buckets", [])) == 3
           and all(b.startswith("actions=") for b in g["buckets"]),
           "groups: the L2 flood group, type all, app l2, one bucket a "
           "port", g)
    other = [x for x in groups if x.get("group_id") == 5]
    tap.ok(len(other) == 1 and other[0]["app"] is None
           and other[0]["type"] == "select"
           and other[0]["buckets"] == ["actions=output:1",
                                       "weight:5,actions=output:2"],
           "groups: a foreign select group with its buckets", other)
    stats = box.ofctl("dump-group-stats", "br0")
    ok = bool(groups)
    for x in groups:
        m = re.search(r"group_id=%d,.*?ref_count=(\d+),packet_count=(\d+),"
                      r"byte_count=(\d+)" % x["group_id"], stats)
        ok = ok and m and (int(m.group(1)), int(m.group(2)),
                           int(m.group(3))) == (x["ref_count"],
                                                x["packets"], x["bytes"])
    tap.ok(ok, "groups: ref_count, packets and bytes equal "
           "dump-group-stats", (groups, stats))


def check_fake(tap, base, ofcd):
    """Switch errors and a switch that goes away while asked."""
    fake = FakeSwitch(ofcd.port, dpid=FAKE_DPID)
    dpid = "%016x" % FAKE_DPID
    try:
        fake.handshake()
        fake.pump(0.5)

        def error_reply(m):
            xid = struct.unpack("!I", m[4:8])[0]
            # OFPET_BAD_REQUEST, OFPBRC_BAD_STAT.
            fake.send(msg(ERROR, xid, struct.pack("!HH", 1, 2) + m[:64]))
        answer = fake_request(base, fake, "/v1/switches/%s/ports" % dpid,
                              error_reply)
        tap.ok(error_is(answer, 502, "switch_error")
               and "OFPBRC_BAD_STAT" in answer[1]["message"],
               "an OFPT_ERROR answer: 502 switch_error naming the error",
               answer)
        answer = fake_request(base, fake, "/v1/switches/%s/ports" % dpid,
                              lambda m: fake.close() or "closed")
        tap.ok(error_is(answer, 503, "switch_gone"),
               "the switch disconnects while asked: 503 switch_gone",
               answer)
    finally:
        fake.close()


def main():
    tap = Tap(39)
    work = tempfile.mkdtemp(prefix="ofc-rest-live.")
    ofcd = Ofcd(work)           # With --rest 127.0.0.1:0 by default.
    box = Sandbox()
    port = free_port()
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        base = rest_base(ofcd)
        box.add_bridge(DPID, port)
        m = ofcd.wait_log(r"dpid=%s reconcile: " % DPID, 15)
        tap.ok(base and m, "ofcd serves REST and the bridge is synced",
               ofcd.text())
        if not (base and m):
            return tap.done()
        box.ofctl("add-flow", "br0", FOREIGN)
        box.ofctl("add-flow", "br0", FOREIGN_T6)
        box.ofctl("add-group", "br0", "group_id=5,type=select,"
                  "bucket=actions=output:1,bucket=weight:5,actions=output:2")

        check_ports(tap, base, box)
        # Let the learned hosts' flows land and the counters settle.
        time.sleep(0.5)
        check_flows(tap, base, box)
        check_groups(tap, base, box)
        check_fake(tap, base, ofcd)
        tap.ok(ofcd.alive(), "ofcd is still running", ofcd.text())
        rc = ofcd.stop()
        tap.ok(rc == 0 and "Sanitizer" not in ofcd.text(),
               "SIGTERM: ofcd exits 0 without sanitizer reports",
               ofcd.text())
    finally:
        ofcd.stop()
        box.stop()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
