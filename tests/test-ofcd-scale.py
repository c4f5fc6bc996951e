#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""500 fake switches connect to ofcd at once.

One Python process drives 500 nonblocking sockets with selectors: each
says HELLO and answers FEATURES_REQUEST (a distinct dpid), PORT_DESC and
echo requests.  All must reach READY: ofcd's counters, logged on SIGUSR1
("stats: switches=N ready=N ..."), and its "switch ready" lines prove it.
Then one dpid reconnects on a new socket: ofcd must close the old one and
keep exactly 500 switches.
"""

import os
import re
import resource
import selectors
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (  # noqa: E402
    ECHO_REPLY, ECHO_REQUEST, FEATURES_REPLY, FEATURES_REQUEST,
    MULTIPART_REPLY, MULTIPART_REQUEST, OFPMP_PORT_DESC, Ofcd, Tap,
    hello_msg, msg, port_wire)

N = 500
DPID_BASE = 0x5ca1e00000000000


class Peer:
    """One emulated switch on a nonblocking socket."""

    def __init__(self, port, dpid):
        self.dpid = dpid
        self.sock = socket.socket()
        self.sock.setblocking(False)
        self.sock.connect_ex(("127.0.0.1", port))
        self.buf = b""
        self.out = hello_msg()
        self.answered_ports = False
        self.closed = False

    def on_readable(self):
        try:
            data = self.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return
        self.buf += data
        while len(self.buf) >= 8:
            length = struct.unpack("!H", self.buf[2:4])[0]
            if len(self.buf) < length:
                break
            m, self.buf = self.buf[:length], self.buf[length:]
            self.handle(m)

    def handle(self, m):
        mtype, xid = m[1], struct.unpack("!I", m[4:8])[0]
        if mtype == ECHO_REQUEST:
            self.out += msg(ECHO_REPLY, xid, m[8:])
        elif mtype == FEATURES_REQUEST:
            self.out += msg(FEATURES_REPLY, xid,
                            struct.pack("!QIBB2xII", self.dpid, 0, 254, 0,
                                        0x4f, 0))
        elif mtype == MULTIPART_REQUEST:
            mp_type = struct.unpack("!H", m[8:10])[0]
            body = b""
            if mp_type == OFPMP_PORT_DESC:
                body = port_wire(1, "p1") + port_wire(2, "p2")
                self.answered_ports = True
            self.out += msg(MULTIPART_REPLY, xid,
                            struct.pack("!HH4x", mp_type, 0) + body)

    def on_writable(self):
        try:
            n = self.sock.send(self.out)
            self.out = self.out[n:]
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.closed = True


def run(sel, peers, seconds, until=None):
    """Drives every peer for up to 'seconds' or until 'until()' holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for p in peers:
            if p.closed:
                continue
            events = selectors.EVENT_READ
            if p.out:
                events |= selectors.EVENT_WRITE
            try:
                sel.modify(p.sock, events, p)
            except (KeyError, ValueError):
                pass
        for key, mask in sel.select(0.05):
            p = key.data
            if mask & selectors.EVENT_WRITE:
                p.on_writable()
            if mask & selectors.EVENT_READ:
                p.on_readable()
            if p.closed:
                try:
                    sel.unregister(p.sock)
                except (KeyError, ValueError):
                    pass
        if until and until():
            return True
    return bool(until and until())


def stats(ofcd, sel, peers):
    """Asks ofcd for its counters (SIGUSR1) and returns them as a dict."""
    since = ofcd.size()
    ofcd.signal(signal.SIGUSR1)
    found = {}

    def have():
        m = ofcd.wait_log(r"stats: (switches=.*)", 0.01, since=since)
        if m:
            found.update((k, int(v)) for k, v in
                         re.findall(r"(\w+)=(\d+)", m.group(1)))
        return bool(m)
    run(sel, peers, 10, have)
    return found


def main():
    tap = Tap(10)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 4096)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    work = tempfile.mkdtemp(prefix="ofc-scale.")
    ofcd = Ofcd(work)
    sel = selectors.DefaultSelector()
    peers = []
    try:
        ofcd.start()
        t0 = time.monotonic()
        for i in range(N):
            p = Peer(ofcd.port, DPID_BASE + i)
            peers.append(p)
            sel.register(p.sock, selectors.EVENT_READ
                         | selectors.EVENT_WRITE, p)
        all_answered = run(sel, peers, 40,
                           lambda: all(p.answered_ports for p in peers))
        tap.ok(all_answered, "all %d switches got through the handshake "
               "(%.1f s)" % (N, time.monotonic() - t0),
               "%d answered PORT_DESC" % sum(p.answered_ports
                                            for p in peers))
        tap.ok(not any(p.closed for p in peers),
               "no switch was disconnected",
               "%d closed\n%s" % (sum(p.closed for p in peers),
                                  ofcd.text()[-3000:]))

        def all_ready():
            return ofcd.count_log(r"INFO switch .* switch ready") >= N
        run(sel, peers, 10, all_ready)
        lines = re.findall(r"dpid=([0-9a-f]{16}) switch ready", ofcd.text())
        tap.ok(len(lines) == N and len(set(lines)) == N,
               "%d 'switch ready' lines with distinct dpids" % N,
               "%d lines, %d distinct" % (len(lines), len(set(lines))))
        s = stats(ofcd, sel, peers)
        tap.ok(s.get("switches") == N and s.get("ready") == N,
               "ofcd counts %d switches, all ready" % N, repr(s))
        tap.ok(s.get("connects") == N and s.get("handshakes") == N,
               "ofcd counted %d connects and %d handshakes" % (N, N),
               repr(s))

        # One dpid reconnects while its old connection lingers.
        old = peers[7]
        new = Peer(ofcd.port, old.dpid)
        peers.append(new)
        sel.register(new.sock, selectors.EVENT_READ | selectors.EVENT_WRITE,
                     new)
        since = ofcd.size()
        run(sel, peers, 15, lambda: (
            old.closed and new.answered_ports and not new.out
            and ofcd.count_log(r"dpid=%016x switch ready" % old.dpid,
                               since=since) >= 1))
        tap.ok(old.closed, "the old connection of the reconnecting dpid "
               "is closed")
        tap.ok(ofcd.wait_log(r"dpid=%016x reconnected from .*replacing"
                             % old.dpid, 5),
               "ofcd logs the replacement", ofcd.text()[-2000:])
        s = stats(ofcd, sel, peers)
        tap.ok(s.get("switches") == N and s.get("ready") == N
               and s.get("replaced") == 1,
               "still %d switches, all ready, one replaced" % N, repr(s))
        tap.ok(sum(p.closed for p in peers) == 1,
               "no other switch lost its connection",
               "%d closed" % sum(p.closed for p in peers))
        rc = ofcd.stop(30)
        tap.ok(rc == 0, "ofcd exits 0 on SIGTERM with %d switches" % N,
               "exit status %s\n%s" % (rc, ofcd.text()[-3000:]))
    except Exception as e:  # A crash of the suite itself is a failure.
        tap.ok(False, "suite ran to completion",
               ofcd.text()[-3000:] + "\n" + repr(e))
    finally:
        for p in peers:
            try:
                p.sock.close()
            except OSError:
                pass
        sel.close()
        ofcd.kill()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
