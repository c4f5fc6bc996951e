#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""ofcd against a real Open vSwitch (a private sandboxed ovs-vswitchd).

A netdev bridge with a fixed datapath id, fail_mode=secure and a
controller on ofcd: the handshake reaches READY, keepalives flow, ofcd and
ovs-vswitchd restarts reconnect, port changes are logged by name, SIGHUP
with a bad config keeps the old one, and SIGTERM exits 0 leaving the
flows on the bridge.
"""

import os
import re
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import Ofcd, Sandbox, Tap, wait_for  # noqa: E402

DPID = "00000000000000d1"
FLOW = "table=0,priority=5,in_port=1 actions=output:2"


def main():
    tap = Tap(20)
    work = tempfile.mkdtemp(prefix="ofc-handshake.")
    config = os.path.join(work, "ofcd.json")
    with open(config, "w") as f:
        f.write('{"log_level": "info"}\n')
    ofcd = Ofcd(work, ["--echo-interval", "1", "--config", config])
    box = Sandbox()
    try:
        box.start()
        ofcd.start()
        port = ofcd.port
        box.add_bridge(DPID, port)

        tap.ok(ofcd.wait_log(r"INFO switch dpid=%s switch ready: .*ports=3"
                             % DPID, 15),
               "ofcd reaches READY for dpid %s with 3 ports" % DPID,
               ofcd.text())
        # Open vSwitch flushes the flow table when a bridge gains or loses
        # its controller, so the flow goes in once the controller is set.
        box.ofctl("add-flow", "br0", FLOW)

        def connected():
            out = box.vsctl("get", "controller", "br0", "is_connected",
                            check=False)
            return out.strip() == "true"
        tap.ok(wait_for(connected, 10),
               "ovs-vsctl shows the controller connected")

        # Keepalive: ofcd's echo requests (every 1 s) get answered.
        def echo_replies():
            since = ofcd.size()
            ofcd.signal(signal.SIGUSR1)
            m = ofcd.wait_log(r"echo_replies_rx=(\d+)", 5, since=since)
            return int(m.group(1)) if m else 0
        tap.ok(wait_for(lambda: echo_replies() >= 2, 10, 0.5),
               "echo keepalive answered by ovs-vswitchd")
        tap.ok(connected(), "still connected after several keepalives")

        # Port add and delete are logged with the port name.
        since = ofcd.size()
        box.vsctl("add-port", "br0", "p3", "--", "set", "interface", "p3",
                  "type=dummy", "ofport_request=3")
        tap.ok(ofcd.wait_log(r"dpid=%s port p3 added" % DPID, 10,
                             since=since),
               "PORT_STATUS add of p3 logged", ofcd.text())
        box.vsctl("del-port", "br0", "p3")
        tap.ok(ofcd.wait_log(r"dpid=%s port p3 deleted" % DPID, 10,
                             since=since),
               "PORT_STATUS delete of p3 logged", ofcd.text())

        # SIGHUP: a bad config is rejected and the running one kept.
        with open(config, "w") as f:
            f.write('{"log_level": "info", "apps": [\n')
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        m = ofcd.wait_log(r"ERR config .*rejected new configuration: (.*)",
                          5, since=since)
        tap.ok(m and "ofcd.json:" in m.group(1),
               "SIGHUP with bad JSON: rejected with file and position",
               ofcd.text())
        with open(config, "w") as f:
            f.write('{"log_level": "loud"}\n')
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        m = ofcd.wait_log(r"rejected new configuration: (.*)", 5,
                          since=since)
        tap.ok(m and "loud" in m.group(1),
               "SIGHUP with a bad log level: rejected with the reason",
               ofcd.text())
        with open(config, "w") as f:
            f.write('{"apps": {}}\n')
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        m = ofcd.wait_log(r"rejected new configuration: (.*)", 5,
                          since=since)
        tap.ok(m and "disabling app l2 needs a restart" in m.group(1),
               "SIGHUP that would switch the l2 app off: rejected, "
               "restart needed", ofcd.text())
        tap.ok(ofcd.alive() and connected(),
               "ofcd keeps running and the switch stays connected")
        with open(config, "w") as f:
            f.write('{"log_level": "info,conn=dbg"}\n')
        since = ofcd.size()
        ofcd.signal(signal.SIGHUP)
        tap.ok(ofcd.wait_log(r"INFO config .*SIGHUP: reloaded", 5,
                             since=since),
               "SIGHUP with a good config reloads it", ofcd.text())

        # Restart of ofcd: clean exit, flows left, reconnect.
        pidfile = ofcd.pidfile
        tap.ok(os.path.exists(pidfile), "pidfile written")
        rc = ofcd.stop()
        tap.ok(rc == 0, "SIGTERM: ofcd exits 0",
               "exit status %s\n%s" % (rc, ofcd.text()))
        tap.ok(not os.path.exists(pidfile), "pidfile removed on exit")
        flows = box.ofctl("dump-flows", "br0")
        tap.ok("priority=5,in_port=1 actions=output:2" in flows,
               "existing flow still on the bridge after ofcd exits", flows)
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        tap.ok(ofcd.wait_log(r"dpid=%s switch ready" % DPID, 15),
               "ovs-vswitchd reconnects to the restarted ofcd", ofcd.text())
        flows = box.ofctl("dump-flows", "br0")
        tap.ok("priority=5,in_port=1 actions=output:2" in flows,
               "flow untouched across the ofcd restart", flows)

        # Restart of ovs-vswitchd: the switch comes back.
        since = ofcd.size()
        box.stop_vswitchd()
        tap.ok(ofcd.wait_log(r"dpid=%s disconnected" % DPID, 15,
                             since=since),
               "ofcd notices ovs-vswitchd going away", ofcd.text())
        box.start_vswitchd()
        tap.ok(ofcd.wait_log(r"dpid=%s switch ready" % DPID, 20,
                             since=since),
               "ovs-vswitchd restart: the switch reconnects", ofcd.text())

        since = ofcd.size()
        rc = ofcd.stop()
        tap.ok(rc == 0 and re.search(r"exited cleanly", ofcd.text()),
               "second ofcd exits 0 and cleanly",
               "exit status %s\n%s" % (rc, ofcd.text()))
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
