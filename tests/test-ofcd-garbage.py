#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""ofcd against switches that send garbage.

Each bad peer (a raw socket) must get an OFPT_ERROR with the expected type
and code, and then be closed, while a well-behaved fake switch stays
connected and keeps answering echo requests.  ofcd must survive it all
(the check build runs it under AddressSanitizer) and exit 0 on SIGTERM.
"""

import os
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (  # noqa: E402
    ECHO_REQUEST, ERROR, FLOW_REMOVED, PACKET_IN, FakeSwitch, Ofcd, Tap,
    decode_error, hello_msg, msg, ofcctl_decode, wait_for)

HELLO_FAILED, BAD_REQUEST = 0, 1
INCOMPATIBLE = 0
BAD_VERSION, BAD_TYPE, BAD_LEN = 0, 1, 6


def expect_error_and_close(sw, timeout=5.0):
    """Reads until an OFPT_ERROR and then EOF; returns ((type, code) or
    None, closed, raw error message)."""
    deadline = time.monotonic() + timeout
    err, raw = None, None
    while time.monotonic() < deadline:
        m = sw.recv_msg(deadline - time.monotonic())
        if m is None:
            break
        if m == b"":
            return err, True, raw
        if m[1] == ERROR and err is None:
            err, raw = decode_error(m), m
    return err, False, raw


def raw_peer(port, say_hello=True):
    """A raw peer that has said HELLO (1.3) unless told otherwise."""
    sw = FakeSwitch(port)
    if say_hello:
        sw.send(hello_msg())
    return sw


def main():
    tap = Tap(21)
    work = tempfile.mkdtemp(prefix="ofc-garbage.")
    ofcd = Ofcd(work, ["--echo-interval", "1", "--echo-misses", "3"])
    peers = []
    try:
        ofcd.start()
        good = FakeSwitch(ofcd.port, dpid=0xabc)
        peers.append(good)
        tap.ok(good.handshake() and ofcd.wait_log(
            r"dpid=0000000000000abc switch ready", 10),
            "well-behaved switch reaches READY", ofcd.text())

        def attack(name, data, expect, say_hello=True, half_close=False,
                   handshake=False, dpid=0x1):
            sw = FakeSwitch(ofcd.port, dpid=dpid)
            peers.append(sw)
            if handshake:
                sw.handshake()
                ofcd.wait_log(r"dpid=%016x switch ready" % dpid, 10)
            elif say_hello:
                sw.send(hello_msg())
            sw.send(data)
            if half_close:
                sw.sock.shutdown(socket.SHUT_WR)
            err, closed, raw = expect_error_and_close(sw)
            tap.ok(err == expect and closed,
                   "%s: error %s and close" % (name, expect),
                   "got error %s, closed=%s\n%s" % (err, closed,
                                                     ofcd.text()))
            good.pump(0.05)
            return raw

        # Version negotiation.
        attack("OpenFlow 1.0 hello", hello_msg(bitmap=None, version=1),
               (HELLO_FAILED, INCOMPATIBLE), say_hello=False)
        attack("hello whose bitmap lacks 1.3", hello_msg(bitmap=0x2),
               (HELLO_FAILED, INCOMPATIBLE), say_hello=False)
        # Framing.
        raw = attack("length below 8", struct.pack("!BBHI", 4, 2, 4, 7),
                     (BAD_REQUEST, BAD_LEN))
        text = ofcctl_decode(raw.hex()) if raw else None
        if text is not None:
            tap.ok("OFPBRC_BAD_LEN" in text,
                   "ofcctl decode names the error OFPBRC_BAD_LEN", text)
        else:
            tap.ok(raw is not None and raw[0] == 4 and raw[1] == ERROR,
                   "error reply is an OpenFlow 1.3 OFPT_ERROR")
        attack("length beyond the data, then close",
               struct.pack("!BBHI", 4, 2, 100, 9) + b"x" * 12,
               (BAD_REQUEST, BAD_LEN), half_close=True)
        # After the handshake.
        attack("unknown type after handshake", msg(0x30, 5),
               (BAD_REQUEST, BAD_TYPE), handshake=True, dpid=0x101)
        attack("wrong version after negotiation", msg(2, 6, version=5),
               (BAD_REQUEST, BAD_VERSION), handshake=True, dpid=0x102)
        attack("malformed PACKET_IN (short body)",
               msg(PACKET_IN, 7, b"\0" * 10),
               (BAD_REQUEST, BAD_LEN), handshake=True, dpid=0x103)
        attack("malformed FLOW_REMOVED (short body)",
               msg(FLOW_REMOVED, 8, b"\0" * 12),
               (BAD_REQUEST, BAD_LEN), handshake=True, dpid=0x104)
        attack("message before HELLO", msg(2, 9),
               (HELLO_FAILED, INCOMPATIBLE), say_hello=False)

        # A burst of bad peers: warnings are rate-limited.
        before = ofcd.size()
        for i in range(60):
            sw = raw_peer(ofcd.port)
            sw.send(struct.pack("!BBHI", 4, 2, 3, i))
            expect_error_and_close(sw, 2)
            sw.close()
            if i % 10 == 0:
                good.pump(0.01)
        n_warned = ofcd.count_log(r"bad message", since=before)
        tap.ok(n_warned < 60,
               "warnings about 60 bad peers are rate-limited (%d logged)"
               % n_warned, ofcd.text())
        tap.ok(ofcd.count_log(r"WARN conn .*bad message") > 0,
               "bad messages are logged as warnings")

        # The good switch is unharmed and still answers keepalives.
        echoes = good.echo_requests
        tap.ok(good.pump(2.5), "well-behaved switch is still connected")
        tap.ok(good.echo_requests > echoes,
               "well-behaved switch keeps getting echo requests",
               "echo requests before %d after %d" % (echoes,
                                                      good.echo_requests))
        tap.ok(ofcd.count_log(r"dpid=0000000000000abc disconnected") == 0,
               "well-behaved switch was never disconnected", ofcd.text())

        # An unanswered keepalive closes the connection.
        mute = FakeSwitch(ofcd.port, dpid=0x77)
        peers.append(mute)
        mute.handshake()
        # (The good switch keeps being served while we wait.)
        tap.ok(wait_for(lambda: good.pump(0.1) and ofcd.count_log(
            r"dpid=0000000000000077 disconnected .*"
            r"echo requests unanswered"), 8),
               "a switch that stops answering echoes is disconnected",
               ofcd.text())

        # A switch that floods echo requests and never reads the replies:
        # ofcd stops reading it once its output queue is full, instead of
        # buffering without bound.
        hog = FakeSwitch(ofcd.port, dpid=0x99)
        peers.append(hog)
        hog.handshake()
        ofcd.wait_log(r"dpid=0000000000000099 switch ready", 10)
        hog.sock.setblocking(False)
        flood = msg(ECHO_REQUEST, 1, b"x" * 65000)
        pending, blocked_since = b"", None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if not pending:
                pending = flood
            try:
                pending = pending[hog.sock.send(pending):]
                blocked_since = None
            except BlockingIOError:
                if blocked_since is None:
                    blocked_since = time.monotonic()
                elif time.monotonic() - blocked_since > 1.0:
                    break
                good.pump(0.02)
        since = ofcd.size()
        ofcd.signal(signal.SIGUSR1)
        m = ofcd.wait_log(r"backpressure=(\d+)", 5, since=since)
        tap.ok(blocked_since is not None and m and int(m.group(1)) >= 1,
               "a switch that does not read is paused (back-pressure)",
               "blocked=%s stats=%s" % (blocked_since, m and m.group(0)))
        hog.close()
        tap.ok(good.pump(1.0), "well-behaved switch unaffected by the hog")

        tap.ok(ofcd.alive(), "ofcd is still running")
        rc = ofcd.stop()
        tap.ok(rc == 0, "ofcd exits 0 on SIGTERM (no sanitizer report)",
               "exit status %s\n%s" % (rc, ofcd.text()))
    except Exception as e:  # A crash of the suite itself is a failure.
        tap.ok(False, "suite ran to completion",
               ofcd.text() + "\n" + repr(e))
    finally:
        for p in peers:
            p.close()
        ofcd.kill()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
