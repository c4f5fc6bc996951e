#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""GET and DELETE /v1/hosts and the L2 app's status, against a real Open
vSwitch (sandboxed ovs-vswitchd).

Two userspace bridges: br0 (dpid d2, dummy ports p1..p3) and br1 (dpid
e2, dummy ports q1, q2).  Frames injected with netdev-dummy/receive make
the L2 app learn aa@p1, bb@p2, cc@p3 on br0 and dd@q1 on br1.  Checked:
the listing (fields, order, ages that grow), every filter, bad filters,
unknown parameters, DELETE by MAC (the host and its flows go, the switch
relearns it), DELETE without the token, the ages of hosts adopted after
an ofcd restart, DELETE of everything.
"""

import json
import os
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, free_port, wait_for  # noqa

DPID0 = "00000000000000d2"
DPID1 = "00000000000000e2"
RECONCILE = r"dpid=%s reconcile: "
MAC = {k: "02:00:00:00:00:" + k for k in ("aa", "bb", "cc", "dd")}
# Where each host is: (dpid, bridge, port name, port number).
WHERE = {"aa": (DPID0, "br0", "p1", 1), "bb": (DPID0, "br0", "p2", 2),
         "cc": (DPID0, "br0", "p3", 3), "dd": (DPID1, "br1", "q1", 1)}
IP_PAYLOAD = "45000014000000004001f9e80a0000010a000002"


def request(url, method="GET", token=None):
    """Returns (status, parsed JSON body or None) of one request."""
    req = urllib.request.Request(url, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def is_error(doc, code):
    """True if 'doc' is our JSON error 'code' for /v1/hosts."""
    return (isinstance(doc, dict) and doc.get("error") == code
            and isinstance(doc.get("message"), str)
            and doc.get("path") == "/v1/hosts")


def add_bridge1(box, controller_port):
    """br1: like Sandbox.add_bridge() but with ports q1, q2 (port names
    are global to the vswitchd)."""
    args = ["add-br", "br1", "--", "set", "bridge", "br1",
            "datapath_type=netdev", "fail_mode=secure",
            "protocols=OpenFlow13", "other-config:datapath-id=" + DPID1,
            "other-config:disable-in-band=true"]
    for i in (1, 2):
        args += ["--", "add-port", "br1", "q%d" % i, "--",
                 "set", "interface", "q%d" % i, "type=dummy",
                 "ofport_request=%d" % i]
    box.vsctl(*args)
    box.vsctl("set-controller", "br1", "tcp:127.0.0.1:%d" % controller_port,
              "--", "set", "controller", "br1", "max_backoff=1000")


def send_from(box, host):
    """Injects a broadcast frame from 'host' on its port."""
    port = WHERE[host][2]
    src = MAC[host].replace(":", "")
    box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
            port, "ffffffffffff" + src + "0800" + IP_PAYLOAD)


def host_flows(box, bridge, host):
    """The bridge's flows that name 'host''s MAC."""
    return [line for line in box.ofctl("dump-flows", bridge).splitlines()
            if MAC[host] in line]


def main():
    tap = Tap(51)
    work = tempfile.mkdtemp(prefix="ofc-rest-hosts.")
    ofcd = Ofcd(work)
    box = Sandbox()
    port = free_port()
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        base = ofcd.rest_url + "/v1/hosts"
        token = ofcd.token
        box.add_bridge(DPID0, port, n_ports=3)
        add_bridge1(box, port)
        ok = (ofcd.wait_log(RECONCILE % DPID0, 15)
              and ofcd.wait_log(RECONCILE % DPID1, 15))
        tap.ok(ok, "both bridges connect and get their pipeline",
               ofcd.text())

        def get(query=""):
            return request(base + query)

        status, doc = get()
        tap.ok(status == 200 and doc == {"hosts": []},
               "GET /v1/hosts before any traffic: no hosts", doc)

        for h in ("aa", "bb", "cc", "dd"):
            send_from(box, h)
        doc = wait_for(lambda: (lambda d: len(d[1].get("hosts", [])) == 4
                                and d[1])(get()), 10)
        hosts = doc["hosts"] if doc else []
        tap.ok(len(hosts) == 4, "the four injected hosts are learned", doc)
        tap.ok([(x["dpid"], x["mac"]) for x in hosts]
               == [(WHERE[h][0], MAC[h]) for h in ("aa", "bb", "cc", "dd")],
               "sorted by dpid, then VLAN, then MAC", doc)
        want = [{"dpid": WHERE[h][0], "vlan": 1, "mac": MAC[h],
                 "port": WHERE[h][3], "port_name": WHERE[h][2]}
                for h in ("aa", "bb", "cc", "dd")]
        got = [{k: v for k, v in x.items() if k != "age"} for x in hosts]
        tap.ok(got == want, "dpid, vlan 1, mac, port and port_name are "
               "right for every host", json.dumps(hosts))
        tap.ok(all(sorted(x) == ["age", "dpid", "mac", "port", "port_name",
                                 "vlan"] for x in hosts),
               "every host has exactly the contract's keys", hosts)
        ages = [x.get("age") for x in hosts]
        tap.ok(all(type(a) is int and 0 <= a <= 10 for a in ages),
               "age is a small integer", ages)

        time.sleep(2.2)
        status, doc = get()
        later = [x.get("age") for x in doc["hosts"]] if doc else []
        tap.ok(len(later) == 4 and all(
            type(b) is int and a + 2 <= b <= a + 4
            for a, b in zip(ages, later)),
            "after 2.2 s every age grew by 2 or 3 seconds",
            "%s -> %s" % (ages, later))

        # Filters.
        def macs(query):
            status, doc = get(query)
            if status != 200 or not isinstance(doc, dict):
                return (status, doc)
            return sorted(x["mac"][-2:] for x in doc["hosts"])

        tap.ok(macs("?dpid=" + DPID0) == ["aa", "bb", "cc"],
               "?dpid=<br0> lists br0's three hosts", macs("?dpid=" + DPID0))
        tap.ok(macs("?dpid=0xe2") == ["dd"],
               "?dpid=0xe2 (short form) lists br1's host",
               macs("?dpid=0xe2"))
        tap.ok(macs("?dpid=99") == [],
               "?dpid of a switch that is not connected: empty list",
               macs("?dpid=99"))
        tap.ok(macs("?vlan=1") == ["aa", "bb", "cc", "dd"],
               "?vlan=1 lists every host", macs("?vlan=1"))
        tap.ok(macs("?vlan=2") == [], "?vlan=2 lists none", macs("?vlan=2"))
        tap.ok(macs("?mac=" + MAC["bb"]) == ["bb"],
               "?mac= lists exactly that host", macs("?mac=" + MAC["bb"]))
        tap.ok(macs("?mac=02:00:00:00:00:CC&vlan=1") == ["cc"],
               "?mac= in upper case with ?vlan=1", macs("?mac=02:00:00:00:"
                                                         "00:CC&vlan=1"))
        tap.ok(macs("?mac=02:00:00:00:00:ee") == [],
               "?mac= of an unknown host: empty", None)
        tap.ok(macs("?port=1") == ["aa", "dd"],
               "?port=1 lists port 1 of both switches", macs("?port=1"))
        tap.ok(macs("?port=2&dpid=" + DPID0) == ["bb"],
               "?port=2&dpid=<br0>", macs("?port=2&dpid=" + DPID0))
        tap.ok(macs("?port=p3") == ["cc"], "?port=p3 (a port name)",
               macs("?port=p3"))
        tap.ok(macs("?port=q1") == ["dd"],
               "?port=q1 (a name that exists on br1 only)", macs("?port=q1"))
        tap.ok(macs("?port=nosuch") == [], "?port=<unknown name>: empty",
               macs("?port=nosuch"))

        # Bad filters.
        for query, code, name in (
                ("?vlan=4096", "bad_value", "vlan out of range"),
                ("?vlan=abc", "bad_value", "vlan not a number"),
                ("?mac=zz:00:00:00:00:01", "bad_value", "mac not hex"),
                ("?mac=02:00:00:00:00", "bad_value", "mac too short"),
                ("?dpid=xyz", "bad_value", "dpid not hex"),
                ("?port=0", "bad_value", "port 0"),
                ("?port=99999999999", "bad_value", "port number too big"),
                ("?port=abcdefghijklmnopq", "bad_value",
                 "port name over 15 characters"),
                ("?host=1", "unknown_field", "unknown parameter")):
            status, doc = get(query)
            param = query[1:].split("=")[0]
            tap.ok(status == 400 and is_error(doc, code)
                   and param in doc["message"],
                   "GET %s (%s): 400 %s naming %s" % (query, name, code,
                                                      param),
                   "%s %s" % (status, doc))
        status, doc = get("?dpid=d2&foo=1")
        tap.ok(status == 400 and is_error(doc, "unknown_field")
               and "foo" in doc["message"],
               "an unknown parameter next to a good one: 400 unknown_field",
               doc)

        # DELETE without the token: refused, nothing forgotten.
        status, doc = request(base + "?mac=" + MAC["bb"], "DELETE")
        tap.ok(status == 401 and isinstance(doc, dict)
               and doc.get("error") == "unauthorized",
               "DELETE without the token: 401 unauthorized", doc)
        status, doc = request(base + "?mac=" + MAC["bb"], "DELETE",
                              token="0" * 64)
        tap.ok(status == 401, "DELETE with a wrong token: 401", doc)
        tap.ok(macs("") == ["aa", "bb", "cc", "dd"],
               "...and every host is still known", macs(""))
        tap.ok(len(host_flows(box, "br0", "bb")) == 2,
               "...and bb's two flows are still on br0",
               box.ofctl("dump-flows", "br0"))

        # DELETE with a bad filter changes nothing.
        status, doc = request(base + "?vlan=5000", "DELETE", token)
        tap.ok(status == 400 and is_error(doc, "bad_value")
               and macs("") == ["aa", "bb", "cc", "dd"],
               "DELETE ?vlan=5000: 400 bad_value, nothing forgotten", doc)
        status, doc = request(base + "?bogus=1", "DELETE", token)
        tap.ok(status == 400 and is_error(doc, "unknown_field")
               and macs("") == ["aa", "bb", "cc", "dd"],
               "DELETE ?bogus=1: 400 unknown_field, nothing forgotten", doc)

        # DELETE one host by MAC.
        status, doc = request(base + "?mac=" + MAC["bb"], "DELETE", token)
        tap.ok(status == 200 and doc == {"deleted": 1},
               "DELETE ?mac=bb: 200 {\"deleted\": 1}", "%s %s"
               % (status, doc))
        tap.ok(macs("") == ["aa", "cc", "dd"],
               "GET no longer lists bb, the others stay", macs(""))
        gone = wait_for(lambda: not host_flows(box, "br0", "bb"), 5)
        tap.ok(gone, "bb's eth_src and eth_dst flows are gone from br0",
               box.ofctl("dump-flows", "br0"))
        tap.ok(all(len(host_flows(box, WHERE[h][1], h)) == 2
                   for h in ("aa", "cc", "dd")),
               "the other hosts keep their two flows each",
               box.ofctl("dump-flows", "br0"))
        status, doc = request(base + "?mac=" + MAC["bb"], "DELETE", token)
        tap.ok(status == 200 and doc == {"deleted": 0},
               "DELETE ?mac=bb again: {\"deleted\": 0}", doc)

        # The switch relearns it at its next frame.
        send_from(box, "bb")
        relearned = wait_for(lambda: macs("?mac=" + MAC["bb"]) == ["bb"],
                             5)
        tap.ok(relearned, "bb's next frame relearns it", macs(""))
        flows = wait_for(lambda: len(host_flows(box, "br0", "bb")) == 2, 5)
        tap.ok(flows, "...with its two flows back on br0",
               box.ofctl("dump-flows", "br0"))
        status, doc = get("?mac=" + MAC["bb"])
        age_bb = doc["hosts"][0]["age"] if status == 200 and doc else None
        status, doc = get("?mac=" + MAC["aa"])
        age_aa = doc["hosts"][0]["age"] if status == 200 and doc else None
        tap.ok(age_bb is not None and age_aa is not None
               and age_bb < age_aa and age_bb <= 1,
               "the relearned host's age restarted (%s s vs aa's %s s)"
               % (age_bb, age_aa))

        # The app's status in /v1/apps.
        status, doc = request(ofcd.rest_url + "/v1/apps")
        apps = {a.get("name"): a for a in doc.get("apps", [])} \
            if status == 200 and isinstance(doc, dict) else {}
        st = apps.get("l2", {}).get("status", {})
        tap.ok(st.get("hosts") == 4 and st.get("switches") == 2
               and type(st.get("packet_in_rate")) is int
               and st.get("forgotten") == 1,
               "/v1/apps: l2 status has 4 hosts, 2 switches, a packet-in "
               "rate and 1 forgotten", doc)

        # An ofcd restart: the hosts are adopted with their ages.
        status, doc = get()
        before = {x["mac"]: x["age"] for x in doc["hosts"]} if doc else {}
        rc = ofcd.stop()
        time.sleep(1.1)
        since = ofcd.size()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        base = ofcd.rest_url + "/v1/hosts"
        ok = (ofcd.wait_log(RECONCILE % DPID0, 15, since=since)
              and ofcd.wait_log(RECONCILE % DPID1, 15, since=since))
        status, doc = get()
        after = {x["mac"]: x["age"] for x in doc["hosts"]} \
            if status == 200 and doc else {}
        tap.ok(rc == 0 and ok and sorted(after) == sorted(before)
               and all(before[m] + 1 <= after[m] <= before[m] + 4
                       for m in before),
               "after an ofcd restart the adopted hosts keep their ages "
               "(from their flows' durations)", "%s -> %s" % (before, after))

        # DELETE everything.
        status, doc = request(base, "DELETE", token)
        tap.ok(status == 200 and doc == {"deleted": 4},
               "DELETE /v1/hosts without a filter: {\"deleted\": 4}", doc)
        status, doc = get()
        tap.ok(status == 200 and doc == {"hosts": []},
               "GET /v1/hosts is empty after the flush", doc)
        clean = wait_for(lambda: not any(host_flows(box, WHERE[h][1], h)
                                         for h in WHERE), 5)
        tap.ok(clean, "no host flow left on either bridge",
               box.ofctl("dump-flows", "br0")
               + box.ofctl("dump-flows", "br1"))
        rc = ofcd.stop()
        tap.ok(rc == 0, "ofcd exits 0 on SIGTERM (no leak reports)",
               ofcd.text()[-3000:])
    except Exception as e:                      # noqa: BLE001
        tap.ok(False, "no exception", repr(e))
        tap.diag(ofcd.text())
    finally:
        ofcd.stop()
        box.stop()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(tap.done())


if __name__ == "__main__":
    main()
