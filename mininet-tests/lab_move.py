#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: a host moves to another port of its switch (its MAC and IP go to
a second interface on another port, the old port stays up) and is
reachable again within 2 s; its old eth_src flow is gone."""

import time

import ofclab
from mininet.topo import Topo

PLAN = 4


class MoveTopo(Topo):
    """s1 with h1, h2, h3, and a second, spare link h1 -- s1 (port 4)."""

    def build(self):
        s1 = self.addSwitch("s1")
        h1 = self.addHost("h1")
        for h in (h1, self.addHost("h2"), self.addHost("h3")):
            self.addLink(h, s1)
        self.addLink(h1, s1)


def run(tap):
    lab = ofclab.Lab(MoveTopo())
    try:
        lab.start()
        h1, h2, h3 = lab.net.get("h1", "h2", "h3")
        # No IPv6 chatter from h1's two interfaces that share a MAC.
        h1.cmd("sysctl -qw net.ipv6.conf.all.disable_ipv6=1")
        h1.cmd("ip addr flush dev h1-eth1; ip link set h1-eth1 down")
        tap.ok(lab.ready(), "move: s1 got the L2 pipeline")
        ok = ofclab.ping(h1, h2) and ofclab.ping(h1, h3)
        tap.ok(ok, "move: h1 reaches h2 and h3 on port 1", lab.log_tail())

        mac, ip = h1.MAC(), h1.IP()
        h1.cmd("ip addr del %s/8 dev h1-eth0" % ip)
        h1.cmd("ip link set h1-eth1 address %s" % mac)
        h1.cmd("ip link set h1-eth1 up; ip addr add %s/8 dev h1-eth1" % ip)
        h1.cmd("ip neigh flush all")
        start = time.monotonic()
        reached = ofclab.wait_for(
            lambda: ofclab.ping(h1, h2, wait=0.2), 3, 0)
        took = time.monotonic() - start
        tap.ok(reached and took <= 2.0,
               "move: h1 on port 4 reaches h2 again after %.2f s (<= 2 s)"
               % took, lab.log_tail())

        def old_flow_gone():
            return not any("in_port=1" in l and "dl_src=" + mac in l
                           for l in ofclab.flows("s1", 3))
        tap.ok(ofclab.wait_for(old_flow_gone, 3)
               and any("in_port=4" in l and "dl_src=" + mac in l
                       for l in ofclab.flows("s1", 3)),
               "move: h1's eth_src flow moved from port 1 to port 4",
               "\n".join(ofclab.flows("s1", 3)))
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
