#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: an iperf3 TCP test between two hosts of linear,2 succeeds, and
its traffic stays out of the controller."""

import json

import ofclab
from mininet.topo import LinearTopo

PLAN = 3


def run(tap):
    lab = ofclab.Lab(LinearTopo(2))
    try:
        lab.start()
        tap.ok(lab.ready(), "iperf: switches got the L2 pipeline")
        h1, h2 = lab.net.hosts[0], lab.net.hosts[1]
        ofclab.ping(h1, h2)
        ofclab.ping(h2, h1)
        before = lab.counters().get("in.PACKET_IN", 0)
        server = h2.popen(["iperf3", "-s", "-1", "-p", "5201"])
        try:
            out = ""
            ok = False
            for _ in range(20):          # Until the server listens.
                out = h1.cmd("iperf3 -c %s -p 5201 -t 2 -J" % h2.IP())
                if '"sum_received"' in out:
                    ok = True
                    break
                ofclab.wait_for(lambda: False, 0.2)
            bps = 0
            if ok:
                try:
                    bps = json.loads(out)["end"]["sum_received"][
                        "bits_per_second"]
                except (ValueError, KeyError):
                    bps = 0
            tap.ok(bps > 0, "iperf: TCP h1 -> h2 succeeded (%.0f Mbit/s)"
                   % (bps / 1e6), out[-2000:])
        finally:
            server.kill()
            server.wait()
        after = lab.counters().get("in.PACKET_IN", 0)
        tap.ok(after - before <= 2,
               "iperf: the TCP stream sent %d packet-ins (at most 2)"
               % (after - before))
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
