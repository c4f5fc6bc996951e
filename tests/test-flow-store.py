#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The flow store against a real Open vSwitch (sandboxed ovs-vswitchd).

ofcd runs with its default L2 app, whose pipeline flows and flood group
are desired state.  Checked: the first connect installs them in a bundle;
learned hosts' flows are adopted across an ofcd restart with their
durations intact; stale flows and groups of ours are deleted, a changed
flow of ours is put back, foreign flows (other cookies) are left alone;
an ovs-vswitchd restart gets the flows back; the counters add up.
"""

import os
import re
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, free_port, wait_for  # noqa

DPID = "00000000000000d2"
OURS = re.compile(r"cookie=0xfc0[0-9a-f]{12}\b")
FOREIGN_1 = "cookie=0x1234,table=0,priority=5,in_port=1 actions=output:2"
FOREIGN_2 = "table=6,priority=1 actions=drop"
STALE = "cookie=0xfc0100000000000,table=3,priority=77,in_port=9 actions=drop"
STALE_GROUP = "group_id=16777299,type=all,bucket=actions=output:1"
RECONCILE = (r"dpid=%s reconcile: (\d+) installed, (\d+) stale deleted, "
             r"(\d+) added, (\d+) modified, ([a-z ]+) \(groups: (\d+) "
             r"installed, (\d+) stale deleted, (\d+) added, (\d+) "
             r"modified\)" % DPID)


def frame(dst, src, payload_ip):
    """An Ethernet+IPv4 frame as hex for netdev-dummy/receive."""
    return dst + src + "0800" + payload_ip


def parse_flows(text):
    """Returns {flow-without-counters: duration} for a dump-flows output."""
    flows = {}
    for line in text.splitlines():
        m = re.search(r"duration=([0-9.]+)s, ", line)
        if not m:
            continue
        key = re.sub(r"duration=[0-9.]+s, ", "", line.strip())
        key = re.sub(r"n_packets=\d+, n_bytes=\d+, ", "", key)
        key = re.sub(r"idle_age=\d+, ", "", key)
        flows[key] = float(m.group(1))
    return flows


def ours(flows):
    return {k: v for k, v in flows.items() if OURS.search(k)}


def main():
    tap = Tap(27)
    work = tempfile.mkdtemp(prefix="ofc-flowstore.")
    ofcd = Ofcd(work)
    box = Sandbox()
    port = free_port()
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        box.add_bridge(DPID, port)

        # First connect: everything is added, in a bundle.
        m = ofcd.wait_log(RECONCILE, 15)
        tap.ok(m and m.group(1) == "0" and int(m.group(3)) >= 5
               and m.group(5) == "bundle" and m.group(8) == "1",
               "first connect: 0 installed, the pipeline added in a bundle "
               "with its flood group", ofcd.text())
        n_base = int(m.group(3)) if m else 0
        flows = parse_flows(box.ofctl("dump-flows", "br0"))
        tap.ok(len(ours(flows)) == n_base == len(flows),
               "dump-flows shows exactly the %d flows added, all with our "
               "cookie" % n_base, "\n".join(flows))
        groups = box.ofctl("dump-groups", "br0")
        tap.ok("group_id=16777217,type=all" in groups,
               "dump-groups shows the L2 app's flood group", groups)

        # Two hosts talk: the L2 app learns them (2 flows each).
        box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
                "p1", frame("ffffffffffff", "0200000000aa",
                            "45000014000000004001f9e80a0000010a000002"))
        box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
                "p2", frame("0200000000aa", "0200000000bb",
                            "45000014000000004001f9e80a0000020a000001"))

        def host_flows():
            f = parse_flows(box.ofctl("dump-flows", "br0"))
            return [k for k in f if "priority=100,metadata" in k
                    and ("dl_src=02:00:00:00:00:" in k
                         or "dl_dst=02:00:00:00:00:" in k)]
        hosts = wait_for(lambda: len(host_flows()) >= 4 and host_flows(), 10)
        tap.ok(hosts and len(hosts) == 4,
               "two learned hosts: 4 host flows installed", hosts)
        tap.ok(hosts and all("send_flow_rem" in k and "_timeout=" in k
                             for k in hosts),
               "host flows carry their timeouts and send_flow_rem", hosts)

        # Things the next reconcile must repair or leave alone.
        box.ofctl("add-flow", "br0", FOREIGN_1)
        box.ofctl("add-flow", "br0", FOREIGN_2)
        box.ofctl("add-flow", "br0", STALE)
        box.ofctl("mod-flows", "--strict", "br0",
                  "table=1,priority=0 actions=drop")
        box.ofctl("add-group", "br0", STALE_GROUP)
        flows = box.ofctl("dump-flows", "br0")
        tap.ok("table=1, n_packets=0, n_bytes=0, priority=0 actions=drop"
               in re.sub(r"n_packets=\d+, n_bytes=\d+",
                         "n_packets=0, n_bytes=0", flows),
               "ovs-ofctl changed one of our flows behind ofcd's back",
               flows)

        # Restart of ofcd.
        rc = ofcd.stop()
        tap.ok(rc == 0, "SIGTERM: ofcd exits 0", ofcd.text())
        flows = box.ofctl("dump-flows", "br0")
        tap.ok(len(ours(parse_flows(flows))) == n_base + 4 + 1,
               "our %d flows stay on the bridge while ofcd is down"
               % (n_base + 5), flows)
        # Let the durations grow well past what a re-add would show.
        before = wait_for(
            lambda: (lambda f: min(f.values()) >= 1.0 and f)(
                parse_flows(box.ofctl("dump-flows", "br0"))), 10, 0.2)
        since = ofcd.size()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        m = ofcd.wait_log(RECONCILE, 15, since=since)
        tap.ok(m is not None, "restarted ofcd reconciles the switch",
               ofcd.text())
        g = m.groups() if m else ("",) * 9
        tap.ok(g[0] == str(n_base + 5),
               "restart: %d of our flows found installed (pipeline, hosts, "
               "stale one)" % (n_base + 5), m and m.group(0))
        tap.ok(g[1] == "1", "restart: 1 stale flow deleted",
               m and m.group(0))
        tap.ok(g[2] == "0", "restart: nothing added (hosts adopted)",
               m and m.group(0))
        tap.ok(g[3] == "1", "restart: the changed flow modified back",
               m and m.group(0))
        tap.ok(g[4] == "bundle", "restart: the repair went in a bundle",
               m and m.group(0))
        tap.ok(g[5:] == ("2", "1", "0", "0"),
               "restart: groups: 2 installed, 1 stale deleted",
               m and m.group(0))

        def repaired():
            f = box.ofctl("dump-flows", "br0")
            return ("priority=77" not in f
                    and re.search(r"table=1, .*priority=0 actions="
                                  r"goto_table:2", f)) and f
        flows = wait_for(repaired, 10) or box.ofctl("dump-flows", "br0")
        tap.ok("priority=77" not in flows,
               "the stale flow of ours is gone", flows)
        tap.ok(re.search(r"table=1, .*priority=0 actions=goto_table:2",
                         flows),
               "the changed flow has its actions back", flows)
        tap.ok("cookie=0x1234" in flows and "priority=5,in_port=1 "
               "actions=output:2" in flows,
               "the foreign flow with cookie 0x1234 is left alone", flows)
        tap.ok(re.search(r"table=6, .*priority=1 actions=drop", flows),
               "the foreign flow with cookie 0 is left alone", flows)
        after = parse_flows(flows)
        kept = [k for k in before if OURS.search(k) and "priority=77" not in k
                and "table=1," not in k]
        shrunk = [k for k in kept if k not in after or after[k] < before[k]]
        tap.ok(before and len(kept) == n_base + 4 - 1 and not shrunk,
               "restart: the %d untouched flows of ours keep their "
               "durations (not deleted and re-added)" % (n_base + 3),
               "\n".join("%s: %s -> %s" % (k, before.get(k), after.get(k))
                         for k in shrunk) or repr(before))
        table1 = [k for k in after if "table=1," in k and OURS.search(k)]
        tap.ok(table1 and after[table1[0]] >= before.get(
            [k for k in before if "table=1," in k][0], 0),
            "the modified flow kept its duration too (MODIFY_STRICT)",
            repr(table1))
        groups = box.ofctl("dump-groups", "br0")
        tap.ok("16777299" not in groups and "16777217" in groups,
               "the stale group of ours is gone, the flood group stays",
               groups)

        since = ofcd.size()
        ofcd.signal(signal.SIGUSR1)
        m = ofcd.wait_log(r"flow store: flow_mods_tx=(\d+) group_mods_tx="
                          r"(\d+) reconcile_runs=(\d+) bundle_fallbacks="
                          r"(\d+)", 5, since=since)
        tap.ok(m and m.groups() == ("2", "1", "1", "0"),
               "counters: 2 flow mods, 1 group mod, 1 reconcile, no "
               "fallback", m and m.group(0))

        # Restart of ovs-vswitchd: it comes back empty and gets the flows.
        since = ofcd.size()
        box.stop_vswitchd()
        box.start_vswitchd()
        m = ofcd.wait_log(RECONCILE, 20, since=since)
        tap.ok(m and m.group(1) == "0" and m.group(3) == str(n_base)
               and m.group(5) == "bundle" and m.group(8) == "1",
               "ovs-vswitchd restart: the pipeline and group re-added",
               ofcd.text())
        flows = wait_for(lambda: (lambda f: len(ours(f)) >= n_base and f)(
            parse_flows(box.ofctl("dump-flows", "br0"))), 10)
        tap.ok(flows and len(ours(flows)) == n_base,
               "ovs-vswitchd restart: dump-flows shows the %d flows again"
               % n_base, flows)
        groups = box.ofctl("dump-groups", "br0")
        tap.ok("group_id=16777217,type=all" in groups,
               "ovs-vswitchd restart: the flood group is back", groups)
        text = ofcd.text()
        tap.ok(not re.search(r"WARN switch .*error .* from switch", text),
               "no OpenFlow error from the switch in ofcd's log", text)
    except Exception as e:  # A crash of the suite itself is a failure.
        tap.ok(False, "suite ran to completion",
               ofcd.text()[-3000:] + "\n" + repr(e))
    finally:
        ofcd.kill()
        box.stop()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
