# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Shared helpers for the Mininet labs (not a lab itself).

- ensure_ovs() / release_ovs(): start the system Open vSwitch with
  ovs-ctl if it is not running, and stop it again only if we started it.
- Lab: one ofcd (from $OFC_BUILD, default build-check/) on a free port of
  127.0.0.1, plus one Mininet network on OVS with the userspace datapath
  and OpenFlow 1.3, torn down in stop() (net.stop(), ofcd killed by PID).
- counters(): ofcd's counters, read from the lines SIGUSR1 logs.
- flows(): a switch's flow table as text, from ovs-ofctl dump-flows.

Network safety: the labs only send traffic between the hosts they create
(10.0.0.0/8 inside Mininet's namespaces) and to ofcd on 127.0.0.1; no NAT
node is ever added.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from functools import partial

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TOP, "tests"))
sys.path.insert(0, "/usr/lib/python3/dist-packages")

from ofc_sandbox import Ofcd, Tap, wait_for   # noqa: E402

from mininet.log import setLogLevel             # noqa: E402
from mininet.net import Mininet                 # noqa: E402
from mininet.node import OVSSwitch, RemoteController   # noqa: E402

OVS_CTL = "/usr/share/openvswitch/scripts/ovs-ctl"
_started_ovs = False

__all__ = ["Tap", "Lab", "wait_for", "ensure_ovs", "release_ovs", "flows"]


def ensure_ovs():
    """Starts the system Open vSwitch unless it is running."""
    global _started_ovs
    st = subprocess.run([OVS_CTL, "status"], capture_output=True, text=True)
    if st.returncode == 0 and "is running" in st.stdout \
            and "not running" not in st.stdout:
        return
    subprocess.run([OVS_CTL, "start", "--system-id=random"],
                   capture_output=True, text=True, check=True)
    _started_ovs = True


def release_ovs():
    """Stops the system Open vSwitch if ensure_ovs() started it."""
    global _started_ovs
    if _started_ovs:
        subprocess.run([OVS_CTL, "stop"], capture_output=True, text=True)
        _started_ovs = False


def flows(switch, table=None):
    """Returns the dump-flows lines of 'switch' (optionally one table)."""
    cmd = ["ovs-ofctl", "-O", "OpenFlow13", "dump-flows", switch]
    if table is not None:
        cmd.append("table=%d" % table)
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if "cookie=" in l]


def groups(switch):
    """Returns the dump-groups lines of 'switch'."""
    out = subprocess.run(["ovs-ofctl", "-O", "OpenFlow13", "dump-groups",
                          switch], capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if "group_id=" in l]


class Lab:
    """ofcd plus one Mininet network built from 'topo'."""

    def __init__(self, topo, config=None):
        self.workdir = tempfile.mkdtemp(prefix="ofc-lab.")
        args = ["--log-level", "info"]
        if config is not None:
            path = os.path.join(self.workdir, "ofcd.json")
            with open(path, "w") as f:
                f.write(config)
            args += ["--config", path]
        self.ofcd = Ofcd(self.workdir, args)
        self.topo = topo
        self.net = None

    def start(self):
        setLogLevel("warning")
        ensure_ovs()
        self.ofcd.start()
        self.net = Mininet(
            topo=self.topo,
            switch=partial(OVSSwitch, datapath="user",
                           protocols="OpenFlow13"),
            controller=partial(RemoteController, ip="127.0.0.1",
                               port=self.ofcd.port),
            autoSetMacs=True, waitConnected=False)
        self.net.start()
        # The switch ports' root-namespace veth ends would otherwise send
        # IPv6 router solicitations and MLD reports of their own at random
        # times: new sources that make packet-in counts unpredictable.
        for s in self.net.switches:
            for intf in s.intfNames():
                if intf != "lo":
                    subprocess.run(["sysctl", "-qw", "net.ipv6.conf.%s."
                                    "disable_ipv6=1" % intf],
                                   capture_output=True)
        for h in self.net.hosts:
            for intf in h.intfList():
                h.cmd("ethtool -K %s tx off >/dev/null 2>&1" % intf)
        return self

    def ready(self, timeout=20):
        """Waits until every switch holds the L2 pipeline (its eth_src
        miss flow); returns True if they all do."""
        def all_ready():
            return all(any("actions=CONTROLLER" in l
                           for l in flows(s.name, 3))
                       for s in self.net.switches)
        return bool(wait_for(all_ready, timeout, 0.2))

    def counters(self):
        """Sends SIGUSR1 and returns ofcd's counters as a dict: the
        msgs_in/msgs_out counts by type ('in.PACKET_IN', 'out.FLOW_MOD')
        and the l2 app's ('l2.hosts', 'l2.packet_ins', ...)."""
        since = self.ofcd.size()
        self.ofcd.signal(signal.SIGUSR1)
        self.ofcd.wait_log(r"l2 stats:", 5, since=since)
        text = self.ofcd.text(False)[since:]
        result = {}
        for prefix, rx in (("in.", r"stats: msgs_in:(.*)"),
                           ("out.", r"stats: msgs_out:(.*)"),
                           ("l2.", r"l2 stats:(.*)")):
            m = None
            for m in re.finditer(rx, text):
                pass
            if m:
                for k, v in re.findall(r"(\w+)=(\d+)", m.group(1)):
                    result[prefix + k] = int(v)
        return result

    def stop(self):
        try:
            if self.net is not None:
                self.net.stop()
        finally:
            self.net = None
            self.ofcd.stop()
            if not os.environ.get("OFC_KEEP_LOGS"):
                shutil.rmtree(self.workdir, ignore_errors=True)

    def log_tail(self, n=30):
        return "\n".join(self.ofcd.text().splitlines()[-n:])


def run_labs(labs):
    """Runs the lab modules 'labs' (each with PLAN and run(tap)) under
    one TAP plan and exits with TAP's status.  A lab that raises has its
    remaining checks reported as failures, so the plan always holds."""
    if os.geteuid() != 0:
        print("1..0 # SKIP Mininet labs need root")
        sys.exit(1)
    tap = Tap(sum(lab.PLAN for lab in labs))
    try:
        for lab in labs:
            first = tap.n
            try:
                lab.run(tap)
            except Exception as e:   # Keep the plan; report the rest.
                import traceback
                tap.diag(traceback.format_exc())
                while tap.n < first + lab.PLAN:
                    tap.ok(False, "%s: not reached (%s)"
                           % (lab.__name__, e))
            if tap.n != first + lab.PLAN:
                tap.diag("%s ran %d checks, planned %d"
                         % (lab.__name__, tap.n - first, lab.PLAN))
    finally:
        release_ovs()
    sys.exit(tap.done())


def ping(src, dst, count=1, wait=1):
    """True if 'src' gets an echo reply from host 'dst'."""
    out = src.cmd("ping -n -c %d -W %s %s" % (count, wait, dst.IP()))
    return bool(re.search(r" ([1-9]\d*) received", out))
