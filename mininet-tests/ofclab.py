# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Shared helpers for the Mininet labs (not a lab itself).

- ensure_ovs() / release_ovs(): start the system Open vSwitch with
  ovs-ctl if it is not running, and stop it again only if we started it.
- Lab: one ofcd (from $OFC_BUILD, default build-check/) on a free port of
  127.0.0.1, plus one Mininet network on OVS with the userspace datapath
  and OpenFlow 1.3, torn down in stop() (net.stop(), ofcd killed by PID).
- counters(): ofcd's counters, read from the lines SIGUSR1 logs.
- flows(): a switch's flow table as text, from ovs-ofctl dump-flows.
- For the VLAN labs: Lab(config=...) writes ofcd's --config file (and
  reload()/write_config() change it), Lab.ofcctl() runs rest/ofcctl
  against the lab's ofcd, Capture runs tcpdump in a host (or on a
  root-namespace link end the lab created) until stopped,
  Lab.add_vlan_if() gives a host an 802.1Q sub-interface (in user space
  with vlanshim.py when the kernel has no 8021q), move_link() re-creates
  a host's link under the same switch port name on another switch,
  reaches()/never_reaches() probe with deadlines, purge() makes the
  userspace datapath forget its cached flows, and check_free_names()
  refuses to start when a switch-side interface name the lab wants
  exists already in the root namespace (Mininet would delete it).
- For the ARP/mirror lab: Lab.rest() sends one REST request (with the
  token from ofcd's state directory) and returns (status, JSON),
  Lab.restart() restarts ofcd on the same OpenFlow port and state
  directory and waits for the switches to come back, and Capture takes a
  direction ("in": only frames the interface receives, tcpdump -Q).

Network safety: the labs only send traffic between the hosts they create
(10.0.0.0/8 inside Mininet's namespaces) and to ofcd on 127.0.0.1; no NAT
node is ever added.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from functools import partial

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TOP, "tests"))
sys.path.insert(0, "/usr/lib/python3/dist-packages")

from ofc_sandbox import BUILD, Ofcd, Tap, wait_for   # noqa: E402

from mininet.log import setLogLevel             # noqa: E402
from mininet.net import Mininet                 # noqa: E402
from mininet.node import OVSSwitch, RemoteController   # noqa: E402

OVS_CTL = "/usr/share/openvswitch/scripts/ovs-ctl"
_started_ovs = False

OFCCTL = os.path.join(BUILD, "rest", "ofcctl")

__all__ = ["Tap", "Lab", "Capture", "wait_for", "ensure_ovs", "release_ovs",
           "flows", "groups", "ping", "ping_ip", "purge",
           "move_link", "check_free_names"]


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

    def __init__(self, topo, config=None, host_ipv6=True):
        """'config' (text) becomes ofcd's --config file (config_path).
        'host_ipv6' False turns IPv6 off in the hosts: no router
        solicitations or MLD reports in captures."""
        self.workdir = tempfile.mkdtemp(prefix="ofc-lab.")
        args = ["--log-level", "info"]
        self.config_path = None
        if config is not None:
            self.config_path = os.path.join(self.workdir, "ofcd.json")
            self.write_config(config)
            args += ["--config", self.config_path]
        self.ofcd = Ofcd(self.workdir, args)
        self.topo = topo
        self.host_ipv6 = host_ipv6
        self.shims = []
        self.net = None

    def write_config(self, text):
        """Replaces the --config file's contents (atomically)."""
        tmp = self.config_path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, self.config_path)

    def reload(self, text=None, timeout=10):
        """Optionally writes 'text' as the config file, sends SIGHUP and
        waits for ofcd's verdict; returns (True, line) if it reloaded,
        (False, line) if it rejected the file (line None: no answer)."""
        if text is not None:
            self.write_config(text)
        since = self.ofcd.size()
        self.ofcd.signal(signal.SIGHUP)
        m = self.ofcd.wait_log(r"SIGHUP: (reloaded|rejected).*", timeout,
                               since=since)
        if not m:
            return False, None
        return m.group(1) == "reloaded", m.group(0)

    def add_vlan_if(self, host, parent, vid, cidr):
        """Gives 'host' the 802.1Q sub-interface PARENT.VID (tag 'vid',
        the parent's MAC) with address 'cidr'; returns its name.  Uses
        the kernel's VLAN devices if it has them, else a TAP device fed
        by mininet-tests/vlanshim.py (stopped by stop())."""
        name = "%s.%d" % (parent, vid)
        out = host.cmd("ip link add link %s name %s type vlan id %d"
                       % (parent, name, vid))
        if out.strip():
            proc = host.popen([sys.executable,
                               os.path.join(HERE, "vlanshim.py"), parent,
                               "%d:%s" % (vid, name)],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
            self.shims.append(proc)
            line = proc.stdout.readline().decode(errors="replace")
            if line.strip() != "ready":
                raise RuntimeError("vlanshim %s: %s" % (name, line))
            mac = host.cmd("cat /sys/class/net/%s/address" % parent)
            host.cmd("ip link set %s address %s" % (name, mac.strip()))
        host.cmd("ip addr add %s dev %s" % (cidr, name))
        host.cmd("ip link set %s up" % name)
        host.cmd("ethtool -K %s tx off >/dev/null 2>&1" % name)
        return name

    def ofcctl(self, *args, stdin=None):
        """Runs rest/ofcctl against this lab's ofcd; returns (status,
        stdout, stderr)."""
        r = subprocess.run([OFCCTL, "--url", self.ofcd.rest_url,
                            "--state-dir", self.ofcd.state_dir]
                           + list(args), capture_output=True, text=True,
                           timeout=30, input=stdin,
                           stdin=None if stdin is not None
                           else subprocess.DEVNULL)
        return r.returncode, r.stdout, r.stderr

    def rest(self, method, path, body=None, timeout=10):
        """Sends one REST request to this lab's ofcd (with its token);
        returns (HTTP status, decoded JSON body or the raw text, None if
        empty).  Status 0: no answer."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.ofcd.rest_url + path, data=data,
                                     method=method)
        token = self.ofcd.token
        if token:
            req.add_header("Authorization", "Bearer " + token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                status, text = r.status, r.read().decode(errors="replace")
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode(errors="replace")
        except (urllib.error.URLError, OSError) as e:
            return 0, str(e)
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, text

    def restart(self, timeout=20, settle=1.5):
        """Stops ofcd (by PID) and starts it again with the same
        arguments, OpenFlow port and state directory; waits until every
        switch is ready again and 'settle' seconds for the
        reconciliation.  Returns True if they all came back."""
        port = self.ofcd.port
        self.ofcd.stop()
        self.ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        n = len(self.net.switches) if self.net is not None else 0
        ok = bool(self.ofcd.wait_log(r"switch ready", timeout, count=n)) \
            if n else True
        time.sleep(settle)
        return ok

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
            if not self.host_ipv6:
                h.cmd("sysctl -qw net.ipv6.conf.all.disable_ipv6=1 "
                      "net.ipv6.conf.default.disable_ipv6=1")
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
        for proc in self.shims:
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.shims = []
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


def ping_ip(src, ip, count=1, wait=1, interval=None, intf=None):
    """Pings address 'ip' from host 'src'; returns (replies, output)."""
    cmd = "ping -n -c %d -W %s" % (count, wait)
    if interval is not None:
        cmd += " -i %s" % interval
    if intf is not None:
        cmd += " -I %s" % intf
    out = src.cmd("%s %s" % (cmd, ip))
    m = re.search(r" (\d+) received", out)
    return (int(m.group(1)) if m else 0), out


def reaches(src, ip, timeout=5, intf=None):
    """True if 'src' gets an echo reply from 'ip' within 'timeout'
    seconds (one-packet probes, so a first lost packet does not count)."""
    return bool(wait_for(lambda: ping_ip(src, ip, wait=0.5,
                                         intf=intf)[0] > 0, timeout, 0))


def never_reaches(src, ip, count=3, intf=None):
    """True if 'src' gets no echo reply from 'ip' to 'count' pings."""
    purge()
    return ping_ip(src, ip, count=count, wait=1, interval=0.2,
                   intf=intf)[0] == 0


def purge():
    """Makes every userspace datapath forget its cached datapath flows,
    so that the next packets see the current OpenFlow tables."""
    subprocess.run(["ovs-appctl", "revalidator/purge"],
                   capture_output=True, text=True, timeout=10)


def check_free_names(names):
    """Raises if one of 'names' is an interface of the root namespace:
    Mininet deletes a switch-side interface name before creating it."""
    have = set(os.listdir("/sys/class/net"))
    taken = sorted(set(names) & have)
    if taken:
        raise RuntimeError("interfaces %s exist already in the root "
                           "namespace; not touching them" % taken)


def move_link(net, host, old_switch, new_switch, port_name, cidr,
              host_intf="eth0"):
    """Moves 'host' (a VM migrating) from 'old_switch' to 'new_switch':
    deletes its link on switch port 'port_name', creates a new link with
    the same switch port name, host interface name and MAC on
    'new_switch', and gives the host interface address 'cidr' again.
    Returns the new link."""
    mac = host.intf(host_intf).MAC()
    old = [l for l in net.links
           if port_name in (l.intf1.name, l.intf2.name)]
    old_switch.detach(port_name)
    for link in old:
        net.delLink(link)
    link = net.addLink(host, new_switch, intfName1=host_intf,
                       intfName2=port_name, addr1=mac)
    new_switch.attach(port_name)
    subprocess.run(["sysctl", "-qw", "net.ipv6.conf.%s.disable_ipv6=1"
                    % port_name], capture_output=True)
    host.cmd("ip addr add %s dev %s" % (cidr, host_intf))
    host.cmd("ip link set %s up" % host_intf)
    host.cmd("ethtool -K %s tx off >/dev/null 2>&1" % host_intf)
    return link


class Capture:
    """tcpdump -e on one interface: of a Mininet host ('node'), or of the
    root namespace ('node' None; only for link ends the lab created),
    from start() until stop(), which returns the decoded lines."""

    def __init__(self, node, intf, bpf="", workdir=None, direction=None):
        """'direction' "in" or "out" (tcpdump -Q): only the frames
        'intf' receives or sends; None: both."""
        self.node = node
        self.intf = intf
        self.bpf = bpf
        self.direction = direction
        fd, self.path = tempfile.mkstemp(prefix="ofc-cap.", suffix=".txt",
                                         dir=workdir)
        os.close(fd)
        self.proc = None

    def start(self, timeout=5):
        """Starts tcpdump and waits until it listens; returns self."""
        cmd = ["tcpdump", "-n", "-e", "-l", "-U", "-i", self.intf]
        if self.direction:
            cmd += ["-Q", self.direction]
        if self.bpf:
            cmd.append(self.bpf)
        out = open(self.path, "w")
        if self.node is None:
            self.proc = subprocess.Popen(cmd, stdout=out,
                                         stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
        else:
            self.proc = self.node.popen(cmd, stdout=out,
                                        stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        out.close()
        if not wait_for(lambda: "listening on" in self._text(), timeout):
            self.stop()
            raise RuntimeError("tcpdump on %s did not start" % self.intf)
        return self

    def _text(self):
        try:
            with open(self.path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def stop(self, linger=0.3):
        """Waits 'linger' seconds for late packets, stops tcpdump (by its
        PID) and returns the packet lines."""
        if self.proc is not None:
            time.sleep(linger)
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGINT)
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            self.proc = None
        text = self._text()
        try:
            os.unlink(self.path)
        except OSError:
            pass
        return [l for l in text.splitlines()
                if re.match(r"\d\d:\d\d:\d\d", l)]
