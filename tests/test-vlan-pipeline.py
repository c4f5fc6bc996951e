#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The L2 app renders the VLAN policy, against a real Open vSwitch
(sandboxed userspace bridge br0, dpid d2, dummy ports p1..p4).

ofcd's --config makes p1 (by number) access 10, p2 (by name) access 20,
p3 a trunk of 10, 20, 30-32 with native VLAN 99, and p4 (a profile by
port name) access 10; LOCAL gets the default (untagged VLAN 1).  Checked
with `ovs-appctl ofproto/trace` and injected frames: classification into
the metadata (untagged, priority-tagged, tagged, ranges), drops, flooding
per VLAN with tags pushed for tagged members, unicast to learned hosts,
the same MAC in two VLANs, the per-VLAN groups; a port added and deleted;
then a SIGHUP reload that moves p2 to VLAN 10 changes only p2's flows
(others keep their counters and durations) and forgets p2's hosts.
"""

import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, free_port, wait_for  # noqa

DPID = "00000000000000d2"
PAYLOAD = "0800" + "45000014000000004001f9e80a0000010a000002"
BCAST = "ff:ff:ff:ff:ff:ff"
H1 = "02:00:00:00:00:21"        # In VLAN 20 on p3 and in VLAN 10 on p1.
H2 = "02:00:00:00:00:22"        # In VLAN 20 on p2.


def config(p2_vlan):
    return {"ports": {"p4": {"native_vlan": 10}},
            "switches": {DPID: {"ports": {
                "1": {"native_vlan": 10},
                "p2": {"native_vlan": p2_vlan},
                "3": {"tagged_vlans": [10, 20, "30-32"],
                      "native_vlan": 99}}}}}


def odp_names(box):
    """Maps datapath port numbers to port names (ovs-appctl dpif/show)."""
    out = box.run("ovs-appctl", "dpif/show")
    return {m.group(2): m.group(1)
            for m in re.finditer(r"^\s+(\S+) \S+/(\d+):", out, re.M)}


def split_actions(text):
    """Splits datapath actions at the commas outside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    if cur:
        parts.append(cur)
    return parts


class Trace:
    """One ofproto/trace: the raw text, the final metadata, and the set of
    (port name, VLAN or None) the frame leaves by."""

    def __init__(self, box, names, flow, vlan=None):
        self.text = box.run("ovs-appctl", "ofproto/trace", "br0", flow)
        m = re.search(r"^Final flow: .*?metadata=0x([0-9a-f]+)", self.text,
                      re.M)
        self.metadata = int(m.group(1), 16) & 0xfff if m else None
        m = re.search(r"^Datapath actions: (.*)$", self.text, re.M)
        self.actions = m.group(1).strip() if m else None
        self.outputs = set()
        for a in split_actions(self.actions or ""):
            if a.startswith("push_vlan("):
                vlan = int(re.search(r"vid=(\d+)", a).group(1))
            elif a == "pop_vlan":
                vlan = None
            elif a.isdigit():
                self.outputs.add((names.get(a, a), vlan))

    def __str__(self):
        return self.text


def frame(dst, src, vid=None):
    """Hex of an Ethernet frame, 802.1Q-tagged with 'vid' if given."""
    tag = "8100%04x" % vid if vid is not None else ""
    return dst.replace(":", "") + src.replace(":", "") + tag + PAYLOAD


def parse_flows(text):
    """dump-flows -> {(table, priority, match): (cookie, actions,
    n_packets, duration)}."""
    flows = {}
    for line in text.splitlines():
        m = re.match(r"\s*cookie=(\S+), duration=([\d.]+)s, table=(\d+), "
                     r"n_packets=(\d+), n_bytes=\d+, (?:\S+_timeout=\d+, )*"
                     r"(?:send_flow_rem )?priority=(\d+)(?:,(\S+))? "
                     r"actions=(\S+)", line)
        if m:
            key = (int(m.group(3)), int(m.group(5)), m.group(6) or "")
            flows[key] = (m.group(1), m.group(7), int(m.group(4)),
                          float(m.group(2)))
    return flows


def parse_groups(text):
    """dump-groups -> {vid: sorted bucket action strings}."""
    groups = {}
    for line in text.splitlines():
        m = re.search(r"group_id=(\d+),type=all(.*)$", line)
        if m:
            buckets = re.findall(r"bucket=(?:bucket_id:\d+,)?actions=(\S+?)"
                                 r"(?=,bucket=|$)", m.group(2))
            groups[int(m.group(1)) & 0xffffff] = sorted(buckets)
    return groups


def hosts(ofcd):
    with urllib.request.urlopen(ofcd.rest_url + "/v1/hosts", timeout=5) as r:
        return sorted((h["vlan"], h["mac"], h["port"])
                      for h in json.load(r)["hosts"])


def main():
    tap = Tap(36)
    work = tempfile.mkdtemp(prefix="ofc-vlan-pipeline.")
    conf = os.path.join(work, "ofc.json")
    with open(conf, "w") as f:
        json.dump(config(20), f)
    ofcd = Ofcd(work, ["--config", conf])
    box = Sandbox()
    port = free_port()
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        box.add_bridge(DPID, port, n_ports=4)
        ok = ofcd.wait_log(r"dpid=%s reconcile: " % DPID, 15)
        tap.ok(ok, "br0 connects and gets its pipeline", ofcd.text())
        flows = wait_for(lambda: (lambda t: "in_port=4" in t and t)(
            box.ofctl("dump-flows", "br0", "table=0")), 10) or ""
        names = odp_names(box)

        def trace(flow, vlan=None):
            return Trace(box, names, flow, vlan)

        def inject(port, dst, src, vid=None):
            box.run("ovs-appctl", "netdev-dummy/receive", port,
                    frame(dst, src, vid))

        # Table 0 as dumped.
        tap.ok(re.search(r"priority=100,in_port=1,vlan_tci=0x0000/0x1fff "
                         r"actions=write_metadata:0xa/0xfff,goto_table:1",
                         flows)
               and re.search(r"priority=100,in_port=LOCAL,vlan_tci=0x0000/"
                             r"0x1fff actions=write_metadata:0x1/0xfff",
                             flows),
               "table 0: p1 untagged -> VLAN 10, LOCAL -> VLAN 1 (default)",
               flows)
        tap.ok(re.search(r"in_port=3,vlan_tci=0x101e/0x1ffe actions=move:"
                         r"OXM_OF_VLAN_VID\[\]->OXM_OF_METADATA\[0\.\.11\],"
                         r"pop_vlan,goto_table:1", flows),
               "table 0: p3's range 30-31 is one masked flow moving the "
               "VID into the metadata", flows)

        # Classification.
        src = "dl_src=02:00:00:00:00:99,dl_dst=" + BCAST
        t = trace("in_port=1," + src)
        tap.ok(t.metadata == 10, "untagged on p1 (access 10): metadata 10", t)
        t = trace("in_port=3,dl_vlan=20," + src, 20)
        tap.ok(t.metadata == 20 and "pop_vlan" in t.text,
               "tagged 20 on p3: metadata 20, tag popped", t)
        tap.ok(t.outputs == {("p2", None)},
               "...flooded in VLAN 20: to p2 untagged only", t)
        t = trace("in_port=3,dl_vlan=31," + src, 31)
        tap.ok(t.metadata == 31 and "OXM_OF_METADATA[0..11] is now 0x1f"
               in t.text, "tagged 31 on p3 (range 30-32): VID moved into "
               "the metadata", t)
        tap.ok(t.outputs == set(), "...VLAN 31 has no other member: "
               "nothing leaves", t)
        t = trace("in_port=3,dl_vlan=40," + src, 40)
        tap.ok(t.actions == "drop" and "No match" in t.text,
               "tagged 40 on p3 (not allowed): dropped in table 0", t)
        t = trace("in_port=3," + src)
        tap.ok(t.metadata == 99, "untagged on p3: native VLAN 99", t)
        t = trace("in_port=1,dl_vlan=0," + src, 0)
        tap.ok(t.metadata == 10 and "pop_vlan" in t.text,
               "priority-tagged (VID 0) on p1: as untagged, VLAN 10", t)
        t = trace("in_port=1,dl_vlan=10," + src, 10)
        tap.ok(t.actions == "drop", "tagged 10 on access port p1: dropped",
               t)
        t = trace("in_port=4,dl_vlan=20," + src, 20)
        tap.ok(t.actions == "drop", "tagged 20 on access port p4: dropped",
               t)

        # Flooding.
        t = trace("in_port=1," + src)
        tap.ok(t.outputs == {("p4", None), ("p3", 10)},
               "flood in VLAN 10 from p1: p4 untagged, p3 tagged 10, "
               "not p2 nor LOCAL", "%s\n%s" % (t.outputs, t))
        t = trace("in_port=3," + src)
        tap.ok(t.outputs == set(), "flood in VLAN 99 from p3 (its only "
               "member): nothing leaves", t)
        t = trace("in_port=4,dl_vlan=0," + src, 0)
        tap.ok(t.outputs == {("p1", None), ("p3", 10)},
               "priority-tagged flood from p4: p1 untagged, p3 tagged 10",
               "%s\n%s" % (t.outputs, t))

        groups = parse_groups(box.ofctl("dump-groups", "br0"))
        want = {1: ["LOCAL"],
                10: sorted(["output:1", "output:4", "push_vlan:0x8100,"
                            "set_field:4106->vlan_vid,output:3"]),
                20: sorted(["output:2", "push_vlan:0x8100,"
                            "set_field:4116->vlan_vid,output:3"]),
                30: ["push_vlan:0x8100,set_field:4126->vlan_vid,output:3"],
                31: ["push_vlan:0x8100,set_field:4127->vlan_vid,output:3"],
                32: ["push_vlan:0x8100,set_field:4128->vlan_vid,output:3"],
                99: ["output:3"]}
        tap.ok(groups == want, "dump-groups: one group per VLAN in use "
               "with only its members, tags pushed for trunk members",
               json.dumps(groups))
        t4 = box.ofctl("dump-flows", "br0", "table=4")
        misses = sorted(int(m, 16) for m in
                        re.findall(r"priority=0,metadata=0x([0-9a-f]+)/0xfff",
                                   t4))
        tap.ok(misses == sorted(want), "table 4: one miss per VLAN in use",
               t4)

        # Learning per VLAN.
        inject("p3", BCAST, H1, 20)
        inject("p1", BCAST, H1)
        inject("p2", BCAST, H2)
        got = wait_for(lambda: (lambda h: len(h) == 3 and h)(hosts(ofcd)),
                       10)
        tap.ok(got == [(10, H1, 1), (20, H1, 3), (20, H2, 2)],
               "the same MAC learned in VLANs 10 (p1) and 20 (p3) is two "
               "hosts; H2 in VLAN 20 on p2", got)
        t4 = box.ofctl("dump-flows", "br0", "table=4")
        tap.ok(len(re.findall(r"metadata=0x(?:a|14)/0xfff,dl_dst=" + H1,
                              t4)) == 2,
               "two eth_dst flows for the MAC (metadata 10 and 20)", t4)
        t = trace("in_port=2,dl_src=%s,dl_dst=%s" % (H2, H1))
        tap.ok(t.outputs == {("p3", 20)},
               "unicast from p2 to the host in VLAN 20: leaves p3 tagged 20",
               "%s\n%s" % (t.outputs, t))
        t = trace("in_port=4,dl_src=02:00:00:00:00:44,dl_dst=%s" % H1)
        tap.ok(t.outputs == {("p1", None)},
               "unicast from p4 to the same MAC in VLAN 10: leaves p1 "
               "untagged", "%s\n%s" % (t.outputs, t))
        t = trace("in_port=3,dl_vlan=20,dl_src=02:00:00:00:00:33,"
                  "dl_dst=%s" % H2, 20)
        tap.ok(t.outputs == {("p2", None)},
               "unicast from p3 (tagged 20) to H2: leaves p2 untagged",
               "%s\n%s" % (t.outputs, t))

        # A port comes and goes.
        box.vsctl("add-port", "br0", "p5", "--", "set", "interface", "p5",
                  "type=dummy", "ofport_request=5")
        ok = wait_for(lambda: "in_port=5" in box.ofctl(
            "dump-flows", "br0", "table=0"), 10)
        groups = parse_groups(box.ofctl("dump-groups", "br0"))
        tap.ok(ok and groups.get(1) == ["LOCAL", "output:5"],
               "a new port p5 gets the default policy and joins VLAN 1's "
               "flood group", json.dumps(groups))
        box.vsctl("del-port", "br0", "p5")
        ok = wait_for(lambda: not re.search(
            r"in_port=5|reg0=0x5", box.ofctl("dump-flows", "br0")), 10)
        groups = parse_groups(box.ofctl("dump-groups", "br0"))
        tap.ok(ok and groups.get(1) == ["LOCAL"],
               "p5 deleted: its flows are withdrawn and it leaves the group",
               json.dumps(groups))

        # Reload: p2 moves to VLAN 10.
        before = parse_flows(box.ofctl("dump-flows", "br0"))
        groups_before = parse_groups(box.ofctl("dump-groups", "br0"))
        time.sleep(1.5)
        with open(conf, "w") as f:
            json.dump(config(10), f)
        ofcd.signal(signal.SIGHUP)
        ok = wait_for(lambda: re.search(
            r"in_port=2,vlan_tci=0x0000/0x1fff actions=write_metadata:0xa",
            box.ofctl("dump-flows", "br0", "table=0")), 10)
        tap.ok(ok, "after SIGHUP p2 classifies into VLAN 10", ofcd.text())
        time.sleep(0.5)
        after = parse_flows(box.ofctl("dump-flows", "br0"))

        def p2_flow(key):
            return (re.search(r"in_port=2(,|$)|reg0=0x2(,|$)", key[2])
                    or H2 in key[2])
        kept = {k: v for k, v in before.items() if not p2_flow(k)}
        same = [k for k in kept if k in after
                and after[k][:2] == kept[k][:2]]
        tap.ok(len(same) == len(kept), "every flow not about p2 is still "
               "there with the same cookie and actions (%d flows)"
               % len(kept), "\n".join(str(k) for k in kept
                                      if k not in same))
        not_reset = [k for k in same if after[k][3] >= kept[k][3] + 1.4
                     and after[k][2] >= kept[k][2]]
        tap.ok(len(not_reset) == len(same), "...none was re-added: "
               "durations kept growing, packet counters not reset",
               "\n".join("%s %s %s" % (k, kept[k], after.get(k))
                         for k in same if k not in not_reset))
        tap.ok(any(kept[k][2] > 0 for k in not_reset),
               "...including flows that had counted packets",
               json.dumps([list(k) + list(v) for k, v in kept.items()]))
        new_p2 = sorted(k for k in after if p2_flow(k))
        tap.ok(new_p2 == sorted([(0, 100, "in_port=2,vlan_tci=0x0000/0x1fff"),
                                 (0, 100, "in_port=2,dl_vlan=0"),
                                 (6, 110, "reg0=0x2,metadata=0xa/0xfff")]),
               "p2 has exactly its new table-0 and table-6 flows", new_p2)
        got = wait_for(lambda: (lambda h: len(h) == 2 and h)(hosts(ofcd)), 5)
        tap.ok(got == [(10, H1, 1), (20, H1, 3)],
               "p2's host is forgotten, the others are kept", got)
        groups = parse_groups(box.ofctl("dump-groups", "br0"))
        changed = sorted(v for v in set(groups) | set(groups_before)
                         if groups.get(v) != groups_before.get(v))
        tap.ok(changed == [10, 20]
               and "output:2" in groups[10] and "output:2" not in groups[20],
               "only the groups of VLANs 10 (gains p2) and 20 (loses it) "
               "changed", json.dumps(groups))
        t = trace("in_port=2," + src)
        tap.ok(t.metadata == 10 and t.outputs == {("p1", None),
                                                  ("p4", None), ("p3", 10)},
               "flood from p2 now in VLAN 10: p1, p4 untagged, p3 tagged",
               "%s\n%s" % (t.outputs, t))
        t = trace("in_port=3,dl_vlan=20," + src, 20)
        tap.ok(t.outputs == set(), "flood in VLAN 20 from p3 no longer "
               "reaches p2", t)
        tap.ok(ofcd.alive(), "ofcd is still running", ofcd.text())
    finally:
        status = ofcd.stop()
        box.stop()
    tap.ok(status == 0, "ofcd exits cleanly (no sanitizer reports)",
           ofcd.text()[-3000:])
    if tap.failed:
        tap.diag(ofcd.text()[-4000:])
    shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
