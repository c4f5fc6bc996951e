#!/bin/bash
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
#
# Captures real OpenFlow 1.3 messages from Open vSwitch into tests/fixtures/.
#
# Starts a private, sandboxed ovsdb-server + ovs-vswitchd (everything under
# a temporary directory, dummy netdevs only, never the system instance),
# creates bridge br0 (datapath_type=netdev, fixed datapath-id) with dummy
# ports p1 and p2, and points it at a small Python "controller" listening on
# 127.0.0.1 at a random port.  The controller drives the switch through the
# conversation below and writes every message Open vSwitch sends as
# tests/fixtures/NAME.hex: one message per line in hex, several lines when a
# multipart reply comes in several parts.
#
# tests/test-fixtures.c decodes the files and checks what they mean, so the
# values configured here (dpid, ports, flows, groups, meter) are mirrored in
# its assertions.  Run by hand when the fixtures need refreshing:
#     tests/capture-fixtures.sh [OUTDIR]
# Nothing at test time needs a live Open vSwitch.

set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
outdir=${1:-$srcdir/tests/fixtures}
mkdir -p "$outdir"

sandbox=$(mktemp -d /tmp/ofc-capture.XXXXXX)
export OVS_RUNDIR=$sandbox OVS_DBDIR=$sandbox OVS_LOGDIR=$sandbox
export OVS_SYSCONFDIR=$sandbox
export OVS_PKGDATADIR=/usr/share/openvswitch
DB=unix:$sandbox/db.sock

# Stops only the daemons this script started, by their pidfiles, and waits
# (up to 5 s each) for them to be gone before removing the sandbox.
cleanup() {
    local pidfile pid _
    for pidfile in "$sandbox/ovs-vswitchd.pid" "$sandbox/ovsdb-server.pid"; do
        [ -s "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    done
    rm -rf "$sandbox"
}
trap cleanup EXIT

ovsdb-tool create "$sandbox/conf.db" "$OVS_PKGDATADIR/vswitch.ovsschema"
ovsdb-server "$sandbox/conf.db" --remote="punix:$sandbox/db.sock" \
    --no-chdir --pidfile="$sandbox/ovsdb-server.pid" --detach \
    --log-file="$sandbox/ovsdb-server.log"
ovs-vsctl --db="$DB" --no-wait init
ovs-vswitchd "$DB" --enable-dummy=override --disable-system \
    --no-chdir --pidfile="$sandbox/ovs-vswitchd.pid" --detach \
    --log-file="$sandbox/ovs-vswitchd.log"

ovs-vsctl --db="$DB" -- add-br br0 \
    -- set bridge br0 datapath_type=netdev fail-mode=secure \
       protocols=OpenFlow13 other-config:datapath-id=0000a1b2c3d4e5f6 \
       other-config:hwaddr=02:00:00:00:00:fe \
       other-config:disable-in-band=true \
    -- add-port br0 p1 -- set interface p1 type=dummy ofport_request=1 \
    -- add-port br0 p2 -- set interface p2 type=dummy ofport_request=2

ovs_version=$(ovs-vswitchd --version | awk 'NR == 1 { print $NF }')
export OFC_CAPTURE_DB=$DB OFC_CAPTURE_OUT=$outdir OFC_CAPTURE_TMP=$sandbox
export OFC_CAPTURE_OVS_VERSION=$ovs_version
"${PYTHON:-/usr/bin/python3}" - <<'PY'
"""The capture controller: an OpenFlow 1.3 peer that asks Open vSwitch for
everything we want a fixture of and records the answers."""

import os
import select
import socket
import struct
import subprocess
import sys
import time

DB = os.environ["OFC_CAPTURE_DB"]
OUT = os.environ["OFC_CAPTURE_OUT"]
TMP = os.environ["OFC_CAPTURE_TMP"]
HEADER = ("# captured from Open vSwitch %s by tests/capture-fixtures.sh\n"
          % os.environ["OFC_CAPTURE_OVS_VERSION"])

OFPT = dict(HELLO=0, ERROR=1, ECHO_REQUEST=2, ECHO_REPLY=3,
            EXPERIMENTER=4, FEATURES_REQUEST=5, FEATURES_REPLY=6,
            GET_CONFIG_REQUEST=7, GET_CONFIG_REPLY=8, SET_CONFIG=9,
            PACKET_IN=10, FLOW_REMOVED=11, PORT_STATUS=12, FLOW_MOD=14,
            MULTIPART_REQUEST=18, MULTIPART_REPLY=19, BARRIER_REQUEST=20,
            BARRIER_REPLY=21, ROLE_REQUEST=24, GET_ASYNC_REQUEST=26)
OFPP_ANY = 0xffffffff
OFPG_ANY = 0xffffffff
ONF = 0x4f4e4600


def run(*args):
    """Runs an Open vSwitch tool against the sandbox; fails loudly."""
    subprocess.run(list(args), check=True)


def vsctl(*args):
    run("ovs-vsctl", "--db=" + DB, *args)


def ofctl(*args):
    run("ovs-ofctl", "-O", "OpenFlow13", *args)


class Conn:
    """One switch connection: framing, echo replies, and a backlog of
    messages not yet claimed by whoever waits for them."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.backlog = []
        self.xid = 0x100
        self.echo_requests = []

    def send(self, mtype, body=b"", xid=None):
        if xid is None:
            self.xid += 1
            xid = self.xid
        self.sock.sendall(struct.pack("!BBHI", 4, mtype, 8 + len(body), xid)
                          + body)
        return xid

    def _read(self, timeout):
        r, _, _ = select.select([self.sock], [], [], timeout)
        if not r:
            return
        data = self.sock.recv(1 << 20)
        if not data:
            sys.exit("capture: switch closed the connection")
        self.buf += data
        while len(self.buf) >= 8:
            length = struct.unpack("!H", self.buf[2:4])[0]
            if length < 8:
                sys.exit("capture: bad length from switch")
            if len(self.buf) < length:
                break
            msg, self.buf = self.buf[:length], self.buf[length:]
            if msg[1] == OFPT["ECHO_REQUEST"]:
                self.echo_requests.append(msg)
                self.send(OFPT["ECHO_REPLY"], msg[8:], xid=xid_of(msg))
            else:
                self.backlog.append(msg)

    def wait(self, pred, timeout=10.0, what="message"):
        """Returns (and removes) the first message satisfying 'pred'."""
        deadline = time.time() + timeout
        while True:
            for i, msg in enumerate(self.backlog):
                if pred(msg):
                    return self.backlog.pop(i)
            left = deadline - time.time()
            if left <= 0:
                sys.exit("capture: timed out waiting for " + what)
            self._read(left)

    def request(self, mtype, body=b"", what="reply"):
        """Sends a request and returns its reply: every part of a
        multipart reply, or the one reply (or error) otherwise."""
        xid = self.send(mtype, body)
        parts = []
        while True:
            msg = self.wait(lambda m: xid_of(m) == xid, what=what)
            parts.append(msg)
            if msg[1] != OFPT["MULTIPART_REPLY"]:
                return parts
            if not struct.unpack("!H", msg[10:12])[0] & 1:
                return parts

    def multipart(self, mp_type, body=b"", what="multipart reply"):
        return self.request(OFPT["MULTIPART_REQUEST"],
                            struct.pack("!HH4x", mp_type, 0) + body, what)

    def barrier(self):
        return self.request(OFPT["BARRIER_REQUEST"], what="barrier reply")


def xid_of(msg):
    return struct.unpack("!I", msg[4:8])[0]


written = []


def save(name, msgs, expect_type=None):
    """Writes 'msgs' (raw messages) to OUT/name.hex."""
    if expect_type is not None:
        for m in msgs:
            if m[1] != expect_type:
                sys.exit("capture: %s: got type %d, not %d"
                         % (name, m[1], expect_type))
    with open(os.path.join(OUT, name + ".hex"), "w") as f:
        f.write(HEADER)
        for m in msgs:
            f.write(m.hex() + "\n")
    written.append((name, len(msgs)))


def oxm(field, value, mask=None):
    """One OpenFlow-basic OXM TLV."""
    hasmask = mask is not None
    payload = value + (mask or b"")
    return struct.pack("!HBB", 0x8000, field << 1 | hasmask,
                       len(payload)) + payload


def match(*oxms):
    """An OFPMT_OXM ofp_match, padded to 8 bytes."""
    body = b"".join(oxms)
    m = struct.pack("!HH", 1, 4 + len(body)) + body
    return m + b"\0" * (-len(m) % 8)


def flow_mod(table, command, priority, m, instructions=b"", cookie=0,
             idle=0, hard=0, flags=0, out_port=OFPP_ANY):
    """An OFPT_FLOW_MOD body (without the header)."""
    return (struct.pack("!QQBBHHHIIIH2x", cookie, 0, table, command, idle,
                        hard, priority, 0xffffffff, out_port, OFPG_ANY,
                        flags) + m + instructions)


def flow_stats_request(table=0xff, cookie=0, cookie_mask=0):
    return (struct.pack("!B3xII4xQQ", table, OFPP_ANY, OFPG_ANY, cookie,
                        cookie_mask) + match())


def bundle_ctrl(bundle_id, ctype, flags):
    return struct.pack("!IIIHH", ONF, 2300, bundle_id, ctype, flags)


ETH_TYPE_IP = oxm(5, struct.pack("!H", 0x0800))

FLOWS = """\
cookie=0x1,table=0,priority=100,in_port=1,actions=push_vlan:0x8100,set_field:4106->vlan_vid,goto_table:1
cookie=0x2,table=1,priority=200,ip,nw_src=10.0.0.0/8,nw_dst=192.168.1.1,actions=ct(commit,zone=5,nat(src=10.0.0.1-10.0.0.5:100-200)),output:2
cookie=0x3,table=1,priority=150,ct_state=+trk+est,ip,actions=output:2
cookie=0x4,table=2,priority=10,conj_id=7,ip,actions=output:2
cookie=0x5,table=2,priority=10,ip,nw_src=10.0.0.1,actions=conjunction(7,1/2)
cookie=0x6,table=2,priority=10,tcp,tp_dst=80,actions=conjunction(7,2/2)
cookie=0x7,table=3,priority=5,reg0=0x5,reg1=0x10/0xf0,actions=load:0x3->NXM_NX_REG2[0..7],move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],resubmit(,4)
cookie=0x8,table=4,priority=1,arp,arp_tpa=10.0.0.1,arp_op=1,actions=set_field:00:11:22:33:44:55->eth_src,output:in_port
cookie=0x9,table=4,priority=2,ipv6,ipv6_src=2001:db8::/32,actions=dec_ttl,output:1
cookie=0xa,table=0,priority=300,udp,tp_dst=9999,actions=CONTROLLER:128
cookie=0xb,table=5,priority=7,tcp6,tp_src=22,actions=meter:1,output:2
cookie=0xc,table=4,priority=3,dl_dst=ff:ff:ff:ff:ff:ff,actions=group:1
cookie=0xd,table=1,priority=100,ip,actions=ct(table=2,zone=NXM_NX_REG0[0..15])
cookie=0xe,table=4,priority=50,metadata=0x1/0xff,actions=write_actions(output:2),write_metadata:0x2/0xff,goto_table:5
cookie=0xf,table=0,priority=0,actions=CONTROLLER:65535
cookie=0x10,table=5,priority=9,ct_state=-trk,tcp,actions=ct_clear,ct(table=6,zone=1)
cookie=0x11,table=6,priority=1,dl_vlan=10,dl_vlan_pcp=3,actions=pop_vlan,set_queue:1,output:1
cookie=0x12,table=6,priority=2,icmp,icmp_type=8,icmp_code=0,nw_tos=32,actions=mod_nw_ttl:9,output:1
"""

# Enough flows in table 10 that the flow stats reply needs several parts.
N_MANY = 1500


def main():
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(1)
    port = lsock.getsockname()[1]
    vsctl("set-controller", "br0", "tcp:127.0.0.1:%d" % port,
          "--", "set", "controller", "br0", "inactivity_probe=1000",
          "max_backoff=1000")
    lsock.settimeout(20)
    sock, _ = lsock.accept()
    lsock.close()
    c = Conn(sock)

    # Handshake.
    save("hello", [c.wait(lambda m: m[1] == OFPT["HELLO"], what="hello")],
         OFPT["HELLO"])
    c.send(OFPT["HELLO"])
    save("features_reply", c.request(OFPT["FEATURES_REQUEST"]), 6)
    c.send(OFPT["SET_CONFIG"], struct.pack("!HH", 0, 0xffff))
    save("get_config_reply", c.request(OFPT["GET_CONFIG_REQUEST"]), 8)
    save("barrier_reply", c.barrier(), 21)
    save("echo_reply", c.request(OFPT["ECHO_REQUEST"], b"ofc-echo-payload"),
         3)

    # Switch description.
    save("desc_reply", c.multipart(0), 19)
    save("port_desc_reply", c.multipart(13), 19)
    save("table_features_reply", c.multipart(12), 19)
    save("meter_features_reply", c.multipart(11), 19)
    save("group_features_reply", c.multipart(8), 19)
    save("role_reply", c.request(OFPT["ROLE_REQUEST"],
                                 struct.pack("!I4xQ", 2, 0x1122334455)), 25)
    save("get_async_reply", c.request(OFPT["GET_ASYNC_REQUEST"]), 27)

    # Meter, groups and flows, installed through the management socket.
    ofctl("add-meter", "br0",
          "meter=1,kbps,burst,stats,bands=type=drop,rate=1000,burst_size=100")
    ofctl("add-group", "br0",
          "group_id=1,type=all,bucket=output:1,bucket=output:2")
    ofctl("add-group", "br0", "group_id=2,type=select,"
          "bucket=weight:10,actions=output:1,"
          "bucket=weight:20,actions=output:2")
    ofctl("add-group", "br0", "group_id=3,type=ff,"
          "bucket=watch_port:1,actions=output:1,"
          "bucket=watch_port:2,actions=output:2")
    flows = os.path.join(TMP, "flows.txt")
    with open(flows, "w") as f:
        f.write(FLOWS)
    ofctl("add-flows", "br0", flows)
    many = os.path.join(TMP, "many.txt")
    with open(many, "w") as f:
        for i in range(N_MANY):
            f.write("cookie=0x%x,table=10,priority=%d,tcp,nw_src=10.%d.%d.1,"
                    "tp_dst=%d,actions=output:2\n"
                    % (0x1000 + i, 1000 + i, i // 256, i % 256, 1 + i))
    ofctl("add-flows", "br0", many)
    c.barrier()

    # Statistics.
    save("flow_stats_reply",
         c.multipart(1, flow_stats_request(cookie=0,
                                           cookie_mask=~0xff & (2**64 - 1))),
         19)
    save("flow_stats_many_reply", c.multipart(1, flow_stats_request(10)), 19)
    save("aggregate_stats_reply",
         c.multipart(2, flow_stats_request(10)), 19)
    save("table_stats_reply", c.multipart(3), 19)
    save("port_stats_reply", c.multipart(4, struct.pack("!I4x", OFPP_ANY)),
         19)
    save("group_desc_reply", c.multipart(7), 19)
    save("group_stats_reply",
         c.multipart(6, struct.pack("!I4x", 0xfffffffc)), 19)
    save("meter_config_reply",
         c.multipart(10, struct.pack("!I4x", 0xffffffff)), 19)
    save("meter_stats_reply",
         c.multipart(9, struct.pack("!I4x", 0xffffffff)), 19)

    # Errors.
    save("error_bad_table_id", c.request(
        OFPT["FLOW_MOD"], flow_mod(0xff, 0, 1, match())), 1)
    bad_action = struct.pack("!HH4x", 4, 24) + struct.pack("!HH4x", 0x77, 16)
    bad_action += b"\0" * 8
    save("error_bad_action", c.request(
        OFPT["FLOW_MOD"], flow_mod(0, 0, 1, match(), bad_action)), 1)
    save("error_bad_len", c.request(OFPT["FLOW_MOD"], b"\0" * 12), 1)
    save("error_bad_type", c.request(0x30), 1)
    save("error_bad_prereq", c.request(
        OFPT["FLOW_MOD"],
        flow_mod(0, 0, 1, match(oxm(14, struct.pack("!H", 80))))), 1)

    # Bundles: one committed, one closed and discarded.
    save("bundle_open_reply", c.request(OFPT["EXPERIMENTER"],
                                        bundle_ctrl(1, 0, 1)), 4)
    inner = flow_mod(7, 0, 123, match(ETH_TYPE_IP), cookie=0xb0b)
    inner = struct.pack("!BBHI", 4, OFPT["FLOW_MOD"], 8 + len(inner),
                        0x77) + inner
    c.send(OFPT["EXPERIMENTER"],
           struct.pack("!IIIHH", ONF, 2301, 1, 0, 1) + inner)
    save("bundle_commit_reply", c.request(OFPT["EXPERIMENTER"],
                                          bundle_ctrl(1, 4, 1)), 4)
    c.request(OFPT["EXPERIMENTER"], bundle_ctrl(2, 0, 0))
    save("bundle_close_reply", c.request(OFPT["EXPERIMENTER"],
                                         bundle_ctrl(2, 2, 0)), 4)
    save("bundle_discard_reply", c.request(OFPT["EXPERIMENTER"],
                                           bundle_ctrl(2, 6, 0)), 4)

    # FLOW_REMOVED: a hard timeout, then an explicit delete.
    c.send(OFPT["FLOW_MOD"],
           flow_mod(7, 0, 77, match(ETH_TYPE_IP), cookie=0xdead, hard=1,
                    flags=1))
    c.send(OFPT["FLOW_MOD"],
           flow_mod(7, 0, 78, match(ETH_TYPE_IP), cookie=0xbeef, idle=60,
                    flags=1))
    c.barrier()
    save("flow_removed_hard_timeout",
         [c.wait(lambda m: m[1] == OFPT["FLOW_REMOVED"], 10,
                 "flow removed (hard timeout)")], 11)
    c.send(OFPT["FLOW_MOD"], flow_mod(7, 4, 78, match(ETH_TYPE_IP)))
    save("flow_removed_delete",
         [c.wait(lambda m: m[1] == OFPT["FLOW_REMOVED"], 10,
                 "flow removed (delete)")], 11)

    # An idle connection makes Open vSwitch probe with ECHO_REQUEST.
    deadline = time.time() + 5
    while not c.echo_requests and time.time() < deadline:
        c._read(0.2)
    if not c.echo_requests:
        sys.exit("capture: no echo request from the switch")
    save("echo_request", c.echo_requests[:1], 2)

    # PORT_STATUS: add, bring down, delete p3.
    def port_status(reason, name, config_bits=0):
        def pred(m):
            config = struct.unpack("!I", m[48:52])[0]
            return (m[1] == OFPT["PORT_STATUS"] and m[8] == reason
                    and m[32:48].rstrip(b"\0") == name
                    and config & config_bits == config_bits)
        return pred
    vsctl("add-port", "br0", "p3", "--", "set", "interface", "p3",
          "type=dummy", "ofport_request=3")
    save("port_status_add",
         [c.wait(port_status(0, b"p3"), what="port status add")], 12)
    ofctl("mod-port", "br0", "p3", "down")
    save("port_status_modify",
         [c.wait(port_status(2, b"p3", 1), what="port status modify")], 12)
    vsctl("del-port", "br0", "p3")
    save("port_status_delete",
         [c.wait(port_status(1, b"p3"), what="port status delete")], 12)

    # PACKET_IN: one by an explicit controller action, one by table miss.
    run("ovs-appctl", "netdev-dummy/receive", "p1",
        "in_port(1),eth(src=02:00:00:00:00:aa,dst=02:00:00:00:00:bb),"
        "eth_type(0x0800),ipv4(src=192.168.0.1,dst=192.168.0.2,proto=17,"
        "tos=0,ttl=64,frag=no),udp(src=1234,dst=9999)")
    save("packet_in_action",
         [c.wait(lambda m: m[1] == OFPT["PACKET_IN"], what="packet in")], 10)
    run("ovs-appctl", "netdev-dummy/receive", "p2",
        "in_port(2),eth(src=02:00:00:00:00:cc,dst=02:00:00:00:00:dd),"
        "eth_type(0x0806),arp(sip=10.0.0.2,tip=10.0.0.1,op=1,"
        "sha=02:00:00:00:00:cc,tha=00:00:00:00:00:00)")
    save("packet_in_no_match",
         [c.wait(lambda m: m[1] == OFPT["PACKET_IN"], what="packet in")], 10)

    c.barrier()
    sock.close()
    for name, n in written:
        print("captured %-28s %d message(s)" % (name, n))


main()
PY
echo "fixtures written to $outdir"
