#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The flow store's bundle, seen from a raw-socket switch that has no
bundle support.

The fake switch answers the dumps with no flows and no groups, so ofcd's
default L2 app has its whole pipeline to install.  It rejects every ONF
bundle message with OFPBRC_BAD_EXPERIMENTER.  Checked: the bundle is
well formed (OPEN atomic+ordered, ADD_MESSAGEs whose inner xid is the
outer one, groups first, COMMIT), and after the failed commit ofcd resends
exactly the same FLOW_MODs and GROUP_MODs plainly, then a barrier.
"""

import os
import re
import shutil
import signal
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (BARRIER_REQUEST, ERROR, FakeSwitch, Ofcd, Tap,  # noqa
                         msg)

EXPERIMENTER, FLOW_MOD, GROUP_MOD = 4, 14, 15
ONF = 0x4F4E4600
BUNDLE_CONTROL, BUNDLE_ADD = 2300, 2301
OPEN_REQUEST, COMMIT_REQUEST = 0, 4


def without_xid(m):
    return m[:4] + b"\0\0\0\0" + m[8:]


def main():
    tap = Tap(12)
    work = tempfile.mkdtemp(prefix="ofc-fallback.")
    ofcd = Ofcd(work)
    sw = None
    try:
        ofcd.start()
        sw = FakeSwitch(ofcd.port, dpid=0x77)
        tap.ok(sw.handshake(), "fake switch completes the handshake")

        opens, commits, adds, plain = [], [], [], []
        xid_ok = True
        done = False
        deadline = time.monotonic() + 15
        while not done and time.monotonic() < deadline:
            m = sw.recv_msg(deadline - time.monotonic())
            if not m:
                break
            mtype, xid = m[1], struct.unpack("!I", m[4:8])[0]
            if mtype == EXPERIMENTER and len(m) >= 24:
                exp, exp_type = struct.unpack("!II", m[8:16])
                if exp == ONF and exp_type == BUNDLE_CONTROL:
                    bid, btype, flags = struct.unpack("!IHH", m[16:24])
                    (opens if btype == OPEN_REQUEST else commits).append(
                        (bid, flags, len(adds)))
                elif exp == ONF and exp_type == BUNDLE_ADD:
                    inner = m[24:]
                    xid_ok = xid_ok and struct.unpack(
                        "!I", inner[4:8])[0] == xid
                    adds.append(without_xid(inner))
                # No bundles here.
                sw.send(msg(ERROR, xid, struct.pack("!HH", 1, 3) + m[:64]))
            elif mtype in (FLOW_MOD, GROUP_MOD):
                plain.append(without_xid(m))
            elif mtype == BARRIER_REQUEST:
                sw.answer(m)
                done = bool(plain)
            else:
                sw.answer(m)

        tap.ok(len(opens) == 1 and opens[0][1] == 3,
               "one bundle OPEN_REQUEST, flags atomic|ordered", opens)
        n_flows = sum(1 for a in adds if a[1] == FLOW_MOD)
        n_groups = sum(1 for a in adds if a[1] == GROUP_MOD)
        tap.ok(n_flows >= 5 and n_groups == 1,
               "the bundle carries the pipeline's FLOW_MODs and the flood "
               "GROUP_MOD (%d + %d)" % (n_flows, n_groups))
        tap.ok(adds and xid_ok,
               "every ADD_MESSAGE's inner xid is its outer xid")
        tap.ok(adds and adds[0][1] == GROUP_MOD,
               "the group comes before the flows that use it")
        tap.ok(len(commits) == 1 and commits[0][0] == opens[0][0]
               and commits[0][2] == len(adds),
               "one COMMIT_REQUEST for the same bundle, after the adds",
               commits)
        tap.ok(plain == adds,
               "after the failed commit, the same %d messages are resent "
               "plainly, in order" % len(adds),
               "plain %d vs bundled %d" % (len(plain), len(adds)))
        tap.ok(done, "a barrier follows the plain messages")
        m = ofcd.wait_log(r"dpid=0000000000000077 bundle commit failed "
                          r"\(OFPBRC_BAD_EXPERIMENTER\): resending its "
                          r"(\d+) messages without a bundle", 5)
        tap.ok(m and int(m.group(1)) == len(adds),
               "ofcd logs the failed commit and the fallback", ofcd.text())
        tap.ok(re.search(r"dpid=0000000000000077 reconcile: 0 installed, "
                         r"0 stale deleted, %d added, 0 modified, bundle"
                         % n_flows, ofcd.text()),
               "the reconcile summary names the bundle", ofcd.text())

        since = ofcd.size()
        ofcd.signal(signal.SIGUSR1)
        m = ofcd.wait_log(r"flow store: flow_mods_tx=(\d+) group_mods_tx="
                          r"(\d+) reconcile_runs=(\d+) bundle_fallbacks="
                          r"(\d+)", 5, since=since)
        tap.ok(m and m.groups() == (str(2 * n_flows), "2", "1", "1"),
               "counters: each mod sent twice (bundled, then plain), one "
               "reconcile, one fallback", m and m.group(0))
        tap.ok(sw.pump(0.5) and ofcd.alive(),
               "the switch stays connected and ofcd keeps running")
    except Exception as e:  # A crash of the suite itself is a failure.
        tap.ok(False, "suite ran to completion",
               ofcd.text()[-3000:] + "\n" + repr(e))
    finally:
        if sw:
            sw.close()
        ofcd.kill()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
