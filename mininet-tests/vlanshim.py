#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""802.1Q sub-interfaces in user space, for kernels without the 8021q
module (such as the lab VMs): `vlanshim.py PARENT VID:NAME...` creates a
TAP device NAME per VID (e.g. eth0.10) and, until it gets SIGTERM,
forwards between them and PARENT: a frame sent on NAME leaves PARENT
with tag VID; a frame arriving on PARENT tagged VID (inline, or in the
packet's auxdata when the kernel took the tag off) comes out of NAME
untagged.  Untagged and other frames on PARENT are left to the kernel.
Prints "ready" once the devices exist.  Run it in the host's network
namespace; the caller gives the devices their MAC, addresses and link
state with ip(8).  Standard library only."""

import fcntl
import os
import select
import socket
import struct
import sys

TUNSETIFF = 0x400454ca
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000
ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_AUXDATA = 8
PACKET_OUTGOING = 4
TP_STATUS_VLAN_VALID = 0x10
TPID = 0x8100


def open_tap(name):
    """Creates TAP device 'name' (frames without packet info); returns
    its file descriptor."""
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(),
                                           IFF_TAP | IFF_NO_PI))
    return fd


def vid_of(frame, ancdata):
    """Returns (VID, untagged frame) of a frame received on the parent,
    or (None, frame) if it carries no tag."""
    for level, kind, data in ancdata:
        if level == SOL_PACKET and kind == PACKET_AUXDATA \
                and len(data) >= 20:
            status, _, _, _, _, tci, _ = struct.unpack("IIIHHHH", data[:20])
            if status & TP_STATUS_VLAN_VALID:
                return tci & 0xfff, frame
    if len(frame) >= 18 and struct.unpack("!H", frame[12:14])[0] == TPID:
        tci = struct.unpack("!H", frame[14:16])[0]
        return tci & 0xfff, frame[:12] + frame[16:]
    return None, frame


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: vlanshim.py PARENT VID:NAME...\n")
        return 2
    parent = argv[1]
    taps = {}
    for spec in argv[2:]:
        vid, name = spec.split(":", 1)
        taps[int(vid)] = (name, open_tap(name))
    by_fd = {fd: vid for vid, (_, fd) in taps.items()}
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                         socket.htons(ETH_P_ALL))
    sock.bind((parent, ETH_P_ALL))
    sock.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
    print("ready", flush=True)
    fds = [sock.fileno()] + list(by_fd)
    cmsg = socket.CMSG_SPACE(32)
    while True:
        readable, _, _ = select.select(fds, [], [])
        for fd in readable:
            if fd == sock.fileno():
                frame, anc, _, addr = sock.recvmsg(65600, cmsg)
                if addr[2] == PACKET_OUTGOING:
                    continue
                vid, frame = vid_of(frame, anc)
                if vid in taps:
                    os.write(taps[vid][1], frame)
            else:
                frame = os.read(fd, 65600)
                if len(frame) >= 14:
                    tag = struct.pack("!HH", TPID, by_fd[fd])
                    sock.send(frame[:12] + tag + frame[12:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
