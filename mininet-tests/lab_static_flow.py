#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: static flows pushed with ofcctl carry real traffic.

ofcd runs with only the static app ({"apps": {"static": {}}}: no L2
learning, so the fail-secure switch forwards nothing by itself).  Two
'ofcctl add-flow' calls wire port 1 to port 2 and back, and h1 pings h2;
'ofcctl del-flow' of both takes the flows off the switch and the ping
fails again.  ofcctl talks to ofcd's REST API on 127.0.0.1 with the token
from ofcd's state directory (a temporary directory)."""

import os
import re
import subprocess

import ofclab
from mininet.topo import SingleSwitchTopo
from ofc_sandbox import BUILD

PLAN = 10
OFCCTL = os.path.join(BUILD, "rest", "ofcctl")
DPID = "0000000000000001"
FLOWS = ("table=0,priority=1000,in_port=1,actions=output:2",
         "table=0,priority=1000,in_port=2,actions=output:1")


def ofcctl(lab, *args):
    """Runs ofcctl against the lab's ofcd; returns (status, stdout,
    stderr)."""
    r = subprocess.run([OFCCTL, "--url", lab.ofcd.rest_url, "--state-dir",
                        lab.ofcd.state_dir] + list(args),
                       capture_output=True, text=True, timeout=30,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr


def static_flows(switch):
    """The switch's priority-1000 in_port flows (ours)."""
    return [l for l in ofclab.flows(switch, 0)
            if "priority=1000,in_port=" in l]


def run(tap):
    lab = ofclab.Lab(SingleSwitchTopo(2), config='{"apps": {"static": {}}}')
    try:
        lab.start()
        h1, h2 = lab.net.get("h1", "h2")

        def ready():
            rc, out, _ = ofcctl(lab, "switches")
            return rc == 0 and re.search(r"^%s .* ready " % DPID, out,
                                         re.M) and out
        out = ofclab.wait_for(ready, 20, 0.3)
        tap.ok(bool(out), "static: ofcctl switches shows s1 ready",
               "%s\n%s" % (out, lab.log_tail()))
        tap.ok(not ofclab.ping(h1, h2, count=2),
               "static: without flows (no l2 app) h1 cannot ping h2",
               "\n".join(ofclab.flows("s1")))

        ids = []
        for flow in FLOWS:
            rc, out, err = ofcctl(lab, "add-flow", DPID, flow)
            ok = rc == 0 and out.strip().isdigit()
            if ok:
                ids.append(out.strip())
            tap.ok(ok, "static: ofcctl add-flow %s prints an id" % flow,
                   (rc, out, err))
        tap.ok(ofclab.wait_for(lambda: len(static_flows("s1")) == 2, 10),
               "static: s1 holds both flows",
               "\n".join(ofclab.flows("s1")))
        ok = ofclab.ping(h1, h2, count=2) or ofclab.ping(h1, h2, count=3)
        tap.ok(ok, "static: h1 pings h2 through the static flows",
               "\n".join(ofclab.flows("s1")))
        rc, out, err = ofcctl(lab, "flows", DPID, "--app", "static")
        rows = [l.split() for l in out.splitlines()[1:]]
        tap.ok(rc == 0 and len(rows) == 2
               and all(r[2] == "static" and int(r[3]) > 0 for r in rows),
               "static: ofcctl flows --app static: 2 flows that counted "
               "packets", (rc, out, err))

        results = [ofcctl(lab, "del-flow", DPID, i) for i in ids]
        tap.ok(len(results) == 2 and all(r[0] == 0 for r in results),
               "static: ofcctl del-flow of both exits 0", results)
        tap.ok(ofclab.wait_for(lambda: not static_flows("s1"), 10),
               "static: the flows are gone from s1",
               "\n".join(ofclab.flows("s1")))
        tap.ok(not ofclab.ping(h1, h2, count=2),
               "static: after del-flow h1 cannot ping h2",
               "\n".join(ofclab.flows("s1")))
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
