#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: taking a host's link down removes its flows (eth_src on that
port, its eth_dst) and the port's flood bucket; the other hosts keep
talking; bringing it back up relearns it."""

import ofclab
from mininet.topo import SingleSwitchTopo

PLAN = 5


def run(tap):
    lab = ofclab.Lab(SingleSwitchTopo(3))
    try:
        lab.start()
        tap.ok(lab.ready(), "linkdown: s1 got the L2 pipeline")
        h1, h2, h3 = lab.net.get("h1", "h2", "h3")
        loss = lab.net.pingAll(timeout="1")
        mac = h1.MAC()

        def h1_flows():
            return [l for l in ofclab.flows("s1")
                    if mac in l and ("dl_src" in l or "dl_dst" in l)]
        tap.ok(loss == 0 and len(h1_flows()) == 2,
               "linkdown: pingall ok and h1 has its 2 flows",
               "\n".join(ofclab.flows("s1")))

        lab.net.configLinkStatus("s1", "h1", "down")
        gone = ofclab.wait_for(lambda: not h1_flows(), 5)
        tap.ok(gone, "linkdown: h1's flows are gone after its link went "
               "down", "\n".join(ofclab.flows("s1")))
        buckets = ofclab.wait_for(
            lambda: all("output:1" not in g for g in ofclab.groups("s1")),
            5)
        tap.ok(buckets and ofclab.ping(h2, h3),
               "linkdown: port 1 left the flood group; h2 still reaches h3",
               "\n".join(ofclab.groups("s1")))

        lab.net.configLinkStatus("s1", "h1", "up")
        back = ofclab.wait_for(lambda: ofclab.ping(h1, h2, wait=0.5), 5, 0)
        tap.ok(back and ofclab.wait_for(lambda: len(h1_flows()) == 2, 3),
               "linkdown: link up again, h1 relearned",
               "\n".join(ofclab.flows("s1")))
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
