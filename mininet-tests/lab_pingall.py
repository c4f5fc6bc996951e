#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: pingall with 0% loss on single,3 / linear,4 / tree,2,3; every
host learned once (its eth_src and eth_dst flows in tables 3 and 4); a
second pingall sends no packet-in to ofcd."""

import ofclab
from mininet.topo import LinearTopo, SingleSwitchTopo
from mininet.topolib import TreeTopo

TOPOS = [("single,3", lambda: SingleSwitchTopo(3)),
         ("linear,4", lambda: LinearTopo(4)),
         ("tree,2,3", lambda: TreeTopo(depth=2, fanout=3))]
PLAN = 6 * len(TOPOS)


def run(tap):
    for name, make in TOPOS:
        lab = ofclab.Lab(make())
        try:
            lab.start()
            tap.ok(lab.ready(), "%s: every switch got the L2 pipeline"
                   % name, lab.log_tail())
            loss = lab.net.pingAll(timeout="1")
            if loss:
                loss = lab.net.pingAll(timeout="1")
            tap.ok(loss == 0, "%s: pingall 0%% loss (got %s%%)"
                   % (name, loss), lab.log_tail())
            n_hosts = len(lab.net.hosts)
            c1 = lab.counters()
            tap.ok(c1.get("l2.hosts", 0) >= n_hosts,
                   "%s: ofcd learned every host (%d hosts, l2.hosts=%s)"
                   % (name, n_hosts, c1.get("l2.hosts")), c1)
            s1 = lab.net.switches[0].name
            macs = [h.MAC() for h in lab.net.hosts]
            src = ofclab.flows(s1, 3)
            dst = ofclab.flows(s1, 4)
            tap.ok(all(any("dl_src=" + m in l for l in src) for m in macs),
                   "%s: %s has an eth_src flow per host in table 3"
                   % (name, s1), "\n".join(src))
            tap.ok(all(any("dl_dst=" + m in l for l in dst) for m in macs),
                   "%s: %s has an eth_dst flow per host in table 4"
                   % (name, s1), "\n".join(dst))
            loss2 = lab.net.pingAll(timeout="1")
            c2 = lab.counters()
            new = c2.get("in.PACKET_IN", 0) - c1.get("in.PACKET_IN", 0)
            tap.ok(loss2 == 0 and new == 0,
                   "%s: second pingall (%s%% loss) sent %d packet-ins"
                   % (name, loss2, new), lab.log_tail())
        finally:
            lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
