# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Shared helpers for the ofcd integration suites (not a suite itself).

- Tap: TAP output with a plan, one line per checked fact.
- Ofcd: runs build/controller/ofcd on a free port (it is started with
  --listen tcp:127.0.0.1:0 and the port is read from its log), waits for
  log lines with a deadline, and stops it by its own PID.  Unless the
  arguments say otherwise, it gets --rest 127.0.0.1:0 (rest_url, read from
  the log) and --state-dir WORKDIR/state (token: its API token).
- Sandbox: a private ovsdb-server + ovs-vswitchd under a temporary
  directory (own OVS_RUNDIR/OVS_DBDIR/OVS_LOGDIR, userspace datapath,
  stopped by their pidfiles).  It never touches the system instance.
- FakeSwitch: a raw-socket OpenFlow 1.3 switch for protocol tests.

Everything here uses the Python standard library only.
"""

import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("OFC_BUILD", os.path.join(TOP, "build-check"))
OFCD = os.path.join(BUILD, "controller", "ofcd")

OFP13 = 4
HELLO, ERROR, ECHO_REQUEST, ECHO_REPLY = 0, 1, 2, 3
FEATURES_REQUEST, FEATURES_REPLY = 5, 6
SET_CONFIG = 9
PACKET_IN, FLOW_REMOVED, PORT_STATUS = 10, 11, 12
MULTIPART_REQUEST, MULTIPART_REPLY = 18, 19
BARRIER_REQUEST, BARRIER_REPLY = 20, 21
OFPMP_PORT_DESC = 13


class Tap:
    """Prints TAP lines; 'plan' is the number of checks to come."""

    def __init__(self, plan):
        self.n = 0
        self.failed = 0
        print("1..%d" % plan, flush=True)

    def ok(self, cond, name, diag=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print("%s %d - %s" % ("ok" if cond else "not ok", self.n, name),
              flush=True)
        if not cond and diag:
            for line in str(diag).splitlines()[-30:]:
                print("#   " + line, flush=True)
        return cond

    def diag(self, text):
        for line in str(text).splitlines():
            print("# " + line, flush=True)

    def done(self):
        return 1 if self.failed else 0


def wait_for(pred, timeout, interval=0.05):
    """Polls 'pred' until it returns something true or 'timeout' seconds
    pass; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def kill_pid(pid, timeout=10.0):
    """Stops the process 'pid' (SIGTERM, then SIGKILL); returns when it is
    gone."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return

    def gone():
        try:
            os.kill(pid, 0)
            return False
        except ProcessLookupError:
            return True
    if not wait_for(gone, timeout):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Ofcd:
    """One ofcd process with its log in 'workdir'."""

    def __init__(self, workdir, args=(), name="ofcd"):
        self.workdir = workdir
        self.log_path = os.path.join(workdir, name + ".log")
        self.pidfile = os.path.join(workdir, name + ".pid")
        self.args = list(args)
        self.proc = None
        self.port = None
        self.log_ofs = 0

    def start(self, listen="tcp:127.0.0.1:0", extra=()):
        if not os.access(OFCD, os.X_OK):
            raise RuntimeError("no ofcd at %s (set OFC_BUILD)" % OFCD)
        self.log_ofs = self.size()
        args = self.args + list(extra)
        defaults = []
        if not any(a.startswith("--rest") for a in args):
            defaults += ["--rest", "127.0.0.1:0"]
        if not any(a.startswith("--state-dir") for a in args):
            defaults += ["--state-dir", self.state_dir]
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [OFCD, "--listen", listen, "--pidfile", self.pidfile]
            + defaults + args,
            stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
        m = self.wait_log(r"listening on tcp:[^ ]*:(\d+)", 10)
        if not m:
            raise RuntimeError("ofcd did not start:\n" + self.text())
        self.port = int(m.group(1))
        # "started" comes after the REST listener and its token file.
        self.wait_log(r"ofcd \S+ started", 10)
        m = self.wait_log(r"rest: listening on (\S+):(\d+)", 0.5)
        self.rest_url = ("http://%s:%s" % (m.group(1), m.group(2))
                         if m else None)
        return self

    @property
    def state_dir(self):
        """The --state-dir this Ofcd passes by default."""
        return os.path.join(self.workdir, "state")

    @property
    def token(self):
        """The API token from the default state directory (or None)."""
        try:
            with open(os.path.join(self.state_dir, "api-token")) as f:
                return f.read().strip()
        except OSError:
            return None

    def size(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def text(self, since_start=True):
        try:
            with open(self.log_path, errors="replace") as f:
                if since_start:
                    f.seek(self.log_ofs)
                return f.read()
        except OSError:
            return ""

    def wait_log(self, pattern, timeout, since=None, count=1):
        """Waits until 'pattern' matches 'count' lines of the log (after
        byte offset 'since', default this run's start); returns the last
        match or None."""
        rx = re.compile(pattern)
        start = self.log_ofs if since is None else since

        def check():
            try:
                with open(self.log_path, errors="replace") as f:
                    f.seek(start)
                    matches = [m for m in map(rx.search, f) if m]
            except OSError:
                return None
            return matches[count - 1] if len(matches) >= count else None
        return wait_for(check, timeout)

    def count_log(self, pattern, since=None):
        rx = re.compile(pattern)
        with open(self.log_path, errors="replace") as f:
            f.seek(self.log_ofs if since is None else since)
            return sum(1 for line in f if rx.search(line))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self, timeout=10):
        """SIGTERM and wait; returns the exit status (None if it had to be
        killed)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class Sandbox:
    """A private ovsdb-server + ovs-vswitchd under a temporary directory."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="ofc-sandbox.")
        self.env = dict(os.environ, OVS_RUNDIR=self.dir, OVS_DBDIR=self.dir,
                        OVS_LOGDIR=self.dir, OVS_SYSCONFDIR=self.dir,
                        OVS_PKGDATADIR="/usr/share/openvswitch")
        self.db = "unix:" + os.path.join(self.dir, "db.sock")
        self.vswitchd_pidfile = os.path.join(self.dir, "ovs-vswitchd.pid")
        self.ovsdb_pidfile = os.path.join(self.dir, "ovsdb-server.pid")

    def run(self, *args, check=True, timeout=30):
        r = subprocess.run(list(args), env=self.env, capture_output=True,
                           text=True, timeout=timeout)
        if check and r.returncode:
            raise RuntimeError("%s failed (%d): %s"
                               % (" ".join(args), r.returncode, r.stderr))
        return r.stdout

    def vsctl(self, *args, check=True):
        return self.run("ovs-vsctl", "--timeout=20", "--db=" + self.db,
                        *args, check=check)

    def ofctl(self, *args, check=True):
        return self.run("ovs-ofctl", "-O", "OpenFlow13", *args, check=check)

    def add_bridge(self, dpid, controller_port, n_ports=2, name="br0"):
        """Creates netdev bridge 'name' (fail_mode=secure, OpenFlow 1.3,
        datapath id 'dpid') with dummy ports p1..pN at OpenFlow ports 1..N,
        and points it at tcp:127.0.0.1:'controller_port'."""
        args = ["add-br", name, "--",
                "set", "bridge", name, "datapath_type=netdev",
                "fail_mode=secure", "protocols=OpenFlow13",
                "other-config:datapath-id=" + dpid,
                "other-config:disable-in-band=true"]
        for i in range(1, n_ports + 1):
            args += ["--", "add-port", name, "p%d" % i, "--",
                     "set", "interface", "p%d" % i, "type=dummy",
                     "ofport_request=%d" % i]
        self.vsctl(*args)
        self.vsctl("set-controller", name,
                   "tcp:127.0.0.1:%d" % controller_port, "--",
                   "set", "controller", name, "max_backoff=1000")

    def start(self):
        conf = os.path.join(self.dir, "conf.db")
        self.run("ovsdb-tool", "create", conf,
                 "/usr/share/openvswitch/vswitch.ovsschema")
        self.run("ovsdb-server", conf,
                 "--remote=punix:" + os.path.join(self.dir, "db.sock"),
                 "--no-chdir", "--pidfile=" + self.ovsdb_pidfile, "--detach",
                 "--log-file=" + os.path.join(self.dir, "ovsdb-server.log"))
        self.vsctl("--no-wait", "init")
        self.start_vswitchd()
        return self

    def start_vswitchd(self):
        self.run("ovs-vswitchd", self.db, "--enable-dummy=override",
                 "--disable-system", "--no-chdir",
                 "--pidfile=" + self.vswitchd_pidfile, "--detach",
                 "--log-file=" + os.path.join(self.dir, "ovs-vswitchd.log"))

    @staticmethod
    def _pid(pidfile):
        try:
            with open(pidfile) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def stop_vswitchd(self):
        pid = self._pid(self.vswitchd_pidfile)
        if pid:
            kill_pid(pid)

    def stop(self):
        for pidfile in (self.vswitchd_pidfile, self.ovsdb_pidfile):
            pid = self._pid(pidfile)
            if pid:
                kill_pid(pid)
        shutil.rmtree(self.dir, ignore_errors=True)


def free_port():
    """Returns a TCP port on 127.0.0.1 that was free a moment ago."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def msg(mtype, xid=0, body=b"", version=OFP13):
    return struct.pack("!BBHI", version, mtype, 8 + len(body), xid) + body


def hello_msg(xid=1, bitmap=1 << 4, version=OFP13):
    body = struct.pack("!HHI", 1, 8, bitmap) if bitmap is not None else b""
    return msg(HELLO, xid, body, version)


def port_wire(port_no, name, hw=b"\x02\x00\x00\x00\x00\x01"):
    """A 64-byte ofp_port."""
    return (struct.pack("!I4x6s2x16s", port_no, hw, name.encode())
            + struct.pack("!IIIIIIII", 0, 4, 0x802, 0, 0, 0, 10000000,
                          10000000))


class FakeSwitch:
    """A blocking raw-socket OpenFlow 1.3 switch."""

    def __init__(self, port, dpid=1, ports=((1, "p1"), (2, "p2"))):
        self.sock = socket.create_connection(("127.0.0.1", port), 5)
        self.sock.settimeout(5)
        self.buf = b""
        self.dpid = dpid
        self.ports = ports
        self.backlog = []
        self.echo_requests = 0

    def send(self, data):
        self.sock.sendall(data)

    def recv_msg(self, timeout=5.0):
        """Returns the next message, or b"" on EOF, or None on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            if len(self.buf) >= 8:
                length = struct.unpack("!H", self.buf[2:4])[0]
                if length >= 8 and len(self.buf) >= length:
                    m, self.buf = self.buf[:length], self.buf[length:]
                    return m
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                return None
            except ConnectionResetError:
                return b""
            if not data:
                return b""
            self.buf += data

    def answer(self, m):
        """Answers what a switch answers; returns True if it did."""
        mtype, xid = m[1], struct.unpack("!I", m[4:8])[0]
        if mtype == ECHO_REQUEST:
            self.echo_requests += 1
            self.send(msg(ECHO_REPLY, xid, m[8:]))
        elif mtype == FEATURES_REQUEST:
            self.send(msg(FEATURES_REPLY, xid,
                          struct.pack("!QIBB2xII", self.dpid, 0, 254, 0,
                                      0x4f, 0)))
        elif mtype == MULTIPART_REQUEST:
            mp_type = struct.unpack("!H", m[8:10])[0]
            body = b""
            if mp_type == OFPMP_PORT_DESC:
                body = b"".join(port_wire(n, name) for n, name in self.ports)
            self.send(msg(MULTIPART_REPLY, xid,
                          struct.pack("!HH4x", mp_type, 0) + body))
        elif mtype == BARRIER_REQUEST:
            self.send(msg(BARRIER_REPLY, xid))
        else:
            return False
        return True

    def handshake(self, timeout=10.0):
        """Says HELLO and answers until ofcd asked for the ports; returns
        True when the PORT_DESC reply went out."""
        self.send(hello_msg())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = self.recv_msg(deadline - time.monotonic())
            if not m:
                return False
            if m[1] == HELLO:
                continue
            self.answer(m)
            if m[1] == MULTIPART_REQUEST:
                return True
        return False

    def pump(self, seconds):
        """Answers everything for 'seconds'; returns False on EOF."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            m = self.recv_msg(max(0.01, deadline - time.monotonic()))
            if m == b"":
                return False
            if m and not self.answer(m):
                self.backlog.append(m)
        return True

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def decode_error(m):
    """Returns (type, code) of an OFPT_ERROR message, or None."""
    if m and len(m) >= 12 and m[1] == ERROR:
        return struct.unpack("!HH", m[8:12])
    return None


def ofcctl_decode(hexstr):
    """Decodes a message with rest/ofcctl decode if it was built; returns
    its text or None."""
    ofcctl = os.environ.get("OFCCTL", os.path.join(BUILD, "rest", "ofcctl"))
    if not os.access(ofcctl, os.X_OK):
        return None
    r = subprocess.run([ofcctl, "decode", hexstr], capture_output=True,
                       text=True, timeout=10)
    return r.stdout.strip() if r.returncode == 0 else None
