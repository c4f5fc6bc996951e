#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""A tiny fake OpenFlow 1.3 switch that records what a client sends it.

Used by tests/test-ovs-ofctl-encode.py to capture the exact bytes that
`ovs-ofctl -O OpenFlow13 ... tcp:127.0.0.1:PORT` sends, so that our decoder
can be checked against requests encoded by Open vSwitch itself.

It listens on 127.0.0.1 at a free port (printed as "PORT <n>" on the first
line of standard output), accepts any number of connections (one thread
each), says HELLO, and answers just enough for ovs-ofctl to be satisfied:
ECHO, FEATURES, GET_CONFIG, BARRIER, ROLE, GET_ASYNC, ONF bundle control,
and every multipart request (empty replies, or minimal valid bodies where an
empty one is not allowed; PORT_DESC lists ports 1 "p1" and 2 "p2").

Every message received is appended to the record file as one line:
    "<conn> msg <hex>"
and each connection's end as "<conn> close", flushed at once, so a reader
knows when everything a client sent has been recorded.

It exits when its standard input reaches end of file (the test that
started it holds the other end of a pipe), so it cannot outlive its parent.

Usage: fake_switch.py RECORD_FILE
"""

import os
import socket
import struct
import sys
import threading

OFP13 = 4
ONF = 0x4f4e4600

HELLO, ERROR, ECHO_REQUEST, ECHO_REPLY, EXPERIMENTER = 0, 1, 2, 3, 4
FEATURES_REQUEST, FEATURES_REPLY = 5, 6
GET_CONFIG_REQUEST, GET_CONFIG_REPLY, SET_CONFIG = 7, 8, 9
MULTIPART_REQUEST, MULTIPART_REPLY = 18, 19
BARRIER_REQUEST, BARRIER_REPLY = 20, 21
ROLE_REQUEST, ROLE_REPLY = 24, 25
GET_ASYNC_REQUEST, GET_ASYNC_REPLY = 26, 27

DPID = 0x0000a1b2c3d4e5f6

_record_lock = threading.Lock()
_record = None

# The switch configuration (flags, miss_send_len) last set by SET_CONFIG,
# shared by all connections so that `ovs-ofctl set-frags` sees its change.
_config = [0, 0xffff]


def record(line):
    """Appends one line to the record file, flushed."""
    with _record_lock:
        _record.write(line + "\n")
        _record.flush()


def message(mtype, xid, body=b""):
    return struct.pack("!BBHI", OFP13, mtype, 8 + len(body), xid) + body


def port(port_no, name):
    """An OpenFlow 1.3 ofp_port (64 bytes)."""
    mac = bytes([2, 0, 0, 0, 0, port_no & 0xff])
    return struct.pack("!I4x6s2x16sIIIIIIII", port_no, mac,
                       name.encode(), 0, 4, 0, 0, 0, 0, 0, 0)


def multipart_body(mp_type):
    """A minimal valid reply body for each multipart type."""
    if mp_type == 0:        # DESC
        return (b"ofc fake switch".ljust(256, b"\0")
                + b"fake".ljust(256, b"\0") + b"0".ljust(256, b"\0")
                + b"None".ljust(32, b"\0") + b"None".ljust(256, b"\0"))
    if mp_type == 2:        # AGGREGATE
        return struct.pack("!QQI4x", 0, 0, 0)
    if mp_type == 8:        # GROUP_FEATURES
        return struct.pack("!II4I4I", 0xf, 0x7, *([0xffffff00] * 4),
                           *([1] * 4))
    if mp_type == 11:       # METER_FEATURES
        return struct.pack("!IIIBB2x", 1024, 2, 0xf, 8, 0)
    if mp_type == 12:       # TABLE_FEATURES: one table, required
        # properties present but empty.
        props = b"".join(struct.pack("!HH4x", t, 4)
                         for t in (0, 2, 4, 6, 8, 10, 12, 14))
        return struct.pack("!HB5x32sQQII", 64 + len(props), 0, b"t0", 0, 0,
                           0, 1000) + props
    if mp_type == 13:       # PORT_DESC
        return port(1, "p1") + port(2, "p2")
    return b""


def reply_to(msg):
    """Returns the reply (bytes) to one received message, or b""."""
    mtype = msg[1]
    xid = struct.unpack("!I", msg[4:8])[0]
    body = msg[8:]
    if mtype == ECHO_REQUEST:
        return message(ECHO_REPLY, xid, body)
    if mtype == FEATURES_REQUEST:
        return message(FEATURES_REPLY, xid,
                       struct.pack("!QIBB2xII", DPID, 0, 254, 0, 0x4f, 0))
    if mtype == GET_CONFIG_REQUEST:
        return message(GET_CONFIG_REPLY, xid, struct.pack("!HH", *_config))
    if mtype == SET_CONFIG and len(body) >= 4:
        _config[:] = struct.unpack("!HH", body[:4])
        return b""
    if mtype == BARRIER_REQUEST:
        return message(BARRIER_REPLY, xid)
    if mtype == ROLE_REQUEST and len(body) >= 16:
        role = struct.unpack("!I", body[:4])[0] or 1
        return message(ROLE_REPLY, xid, struct.pack("!I", role) + body[4:16])
    if mtype == GET_ASYNC_REQUEST:
        return message(GET_ASYNC_REPLY, xid,
                       struct.pack("!6I", 3, 0, 7, 7, 0xf, 0))
    if mtype == MULTIPART_REQUEST and len(body) >= 2:
        mp_type = struct.unpack("!H", body[:2])[0]
        return message(MULTIPART_REPLY, xid,
                       struct.pack("!HH4x", mp_type, 0)
                       + multipart_body(mp_type))
    if mtype == EXPERIMENTER and len(body) >= 16:
        exp, exp_type, bundle_id, ctype, flags = struct.unpack(
            "!IIIHH", body[:16])
        if exp == ONF and exp_type == 2300 and ctype % 2 == 0:
            return message(EXPERIMENTER, xid,
                           struct.pack("!IIIHH", ONF, 2300, bundle_id,
                                       ctype + 1, flags))
    return b""


def serve(conn, conn_id):
    """Speaks OpenFlow 1.3 on one connection until the peer closes it."""
    buf = b""
    try:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.sendall(message(HELLO, 1))
        while True:
            data = conn.recv(65536)
            if not data:
                break
            buf += data
            while len(buf) >= 8:
                length = struct.unpack("!H", buf[2:4])[0]
                if length < 8:
                    record("%d bad-length %s" % (conn_id, buf.hex()))
                    return
                if len(buf) < length:
                    break
                msg, buf = buf[:length], buf[length:]
                record("%d msg %s" % (conn_id, msg.hex()))
                reply = reply_to(msg)
                if reply:
                    conn.sendall(reply)
    except OSError as e:
        record("%d error %s" % (conn_id, e))
    finally:
        if buf:
            record("%d leftover %s" % (conn_id, buf.hex()))
        conn.close()
        record("%d close" % conn_id)


def exit_on_stdin_eof():
    """Ends the process when standard input closes: the test that started
    us passes a pipe, so we never outlive it, even if it is killed."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def main():
    global _record
    if len(sys.argv) != 2:
        sys.exit("usage: fake_switch.py RECORD_FILE")
    threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    _record = open(sys.argv[1], "a")
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(16)
    print("PORT %d" % lsock.getsockname()[1], flush=True)
    conn_id = 0
    while True:
        conn, _ = lsock.accept()
        conn_id += 1
        record("%d open" % conn_id)
        threading.Thread(target=serve, args=(conn, conn_id),
                         daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
