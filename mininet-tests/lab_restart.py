#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: restarting ofcd keeps the learned hosts' flows: the L2 app adopts
them, so nothing is deleted and re-added (their durations keep growing),
and the hosts keep talking without a packet-in."""

import re
import time

import ofclab
from mininet.topo import SingleSwitchTopo

PLAN = 3


def durations(switch):
    """Returns {flow text without stats: duration} for learned flows."""
    result = {}
    for line in ofclab.flows(switch):
        if "dl_src=" in line or "dl_dst=" in line:
            m = re.search(r"duration=([\d.]+)s", line)
            key = re.sub(r"(duration|n_packets|n_bytes|idle_age|"
                         r"hard_age)=[^,]*, ?", "", line)
            result[key] = float(m.group(1)) if m else -1
    return result


def run(tap):
    lab = ofclab.Lab(SingleSwitchTopo(3))
    try:
        lab.start()
        ok = lab.ready() and lab.net.pingAll(timeout="1") == 0
        before = durations("s1")
        tap.ok(ok and len(before) == 6,
               "restart: pingall ok, 6 learned flows before the restart",
               "\n".join(before))
        port = lab.ofcd.port
        lab.ofcd.stop()
        time.sleep(1.0)
        lab.ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        lab.ofcd.wait_log(r"switch ready", 15)
        time.sleep(1.5)         # Let the reconciliation finish.
        after = durations("s1")
        kept = (set(after) == set(before)
                and all(after[k] >= before[k] + 1.0 for k in before))
        tap.ok(kept, "restart: the same 6 flows, durations not reset",
               "before:\n%s\nafter:\n%s" % (before, after))
        c1 = lab.counters()
        loss = lab.net.pingAll(timeout="1")
        c2 = lab.counters()
        new = c2.get("in.PACKET_IN", 0) - c1.get("in.PACKET_IN", 0)
        tap.ok(loss == 0 and new == 0 and c2.get("l2.hosts", 0) == 3,
               "restart: pingall after the restart (%s%% loss) sent %d "
               "packet-ins; %s hosts adopted"
               % (loss, new, c2.get("l2.hosts")), lab.log_tail())
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
