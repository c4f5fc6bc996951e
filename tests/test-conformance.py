#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Conformance of our formatter with Open vSwitch's decoder.

Runs tests/conformance-gen, which prints every shared case (tests/conf-*.c)
as "NAME<TAB>HEX<TAB>OUR TEXT", decodes each HEX with Open vSwitch's own
`ovs-ofctl ofp-parse`, and compares the two texts after normalisation
(tests/ofc_normalise.py).  Open vSwitch must decode every message without
any warning or error.  One TAP line per message; fails if fewer than 200
cases exist.

Environment:
  OFC_BUILD       build directory (default: build-check/ in the repo root)
  OFC_CONF_INPUT  read the case lines from this file instead of running
                  conformance-gen (to test this driver on hand-made cases)
  OFC_CONF_MIN_CASES  minimum case count (default 200; for such tests)
"""

import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ofc_normalise  # noqa: E402

MIN_CASES = int(os.environ.get("OFC_CONF_MIN_CASES", "200"))
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("OFC_BUILD", os.path.join(REPO, "build-check"))
GEN = os.path.join(BUILD, "tests", "conformance-gen")
DIAG_WIDTH = 600

n_tests = 0
n_failed = 0


def tap(ok, name, diags=()):
    """Prints one TAP result line and its diagnostics."""
    global n_tests, n_failed
    n_tests += 1
    if not ok:
        n_failed += 1
    print("%sok %d - %s" % ("" if ok else "not ", n_tests, name))
    for d in diags:
        for line in str(d).splitlines() or [""]:
            print("# " + line)
    sys.stdout.flush()


def load_cases():
    """Returns [(name, hex, text)] or raises RuntimeError."""
    path = os.environ.get("OFC_CONF_INPUT")
    if path:
        with open(path) as f:
            out = f.read()
    else:
        if not os.access(GEN, os.X_OK):
            raise RuntimeError("%s is not built" % GEN)
        p = subprocess.run([GEN], capture_output=True, text=True,
                           timeout=60)
        if p.returncode != 0:
            raise RuntimeError("%s exited with %d: %s"
                               % (GEN, p.returncode, p.stderr[-500:]))
        out = p.stdout
    cases = []
    for lineno, line in enumerate(out.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise RuntimeError("line %d: expected 3 tab-separated fields, "
                               "got %d: %r" % (lineno, len(fields),
                                               line[:200]))
        cases.append(tuple(fields))
    return cases


def ovs_decode(hexstr, tmpdir, index):
    """Decodes one message with ovs-ofctl; returns (stdout, stderr, rc)."""
    try:
        data = bytes.fromhex(hexstr)
    except ValueError:
        return "", "bad hex in case", 1
    path = os.path.join(tmpdir, "msg%d.bin" % index)
    with open(path, "wb") as f:
        f.write(data)
    p = subprocess.run(["ovs-ofctl", "ofp-parse", path], capture_output=True,
                       text=True, timeout=60)
    return p.stdout, p.stderr, p.returncode


def clip(s, around=None):
    """Shortens a long diagnostic, keeping the part around index
    'around'."""
    if len(s) <= DIAG_WIDTH:
        return s
    if around is None:
        return s[:DIAG_WIDTH] + "...(%d chars)" % len(s)
    start = max(0, around - DIAG_WIDTH // 3)
    return ("..." if start else "") + s[start:start + DIAG_WIDTH] + "..."


def first_difference(a, b):
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def check(case, result):
    """Returns (ok, diagnostics) for one case and Open vSwitch's decode."""
    name, hexstr, ours = case
    stdout, stderr, rc = result
    problem = ofc_normalise.ovs_output_problem(stdout, stderr, rc)
    if problem:
        return False, ["Open vSwitch does not accept the message: " + problem,
                       "hex: " + clip(hexstr),
                       "ovs: " + clip(" ".join(stdout.split())),
                       "ours: " + clip(ours)]
    if ours.startswith("!"):
        return False, ["we failed to decode it: " + ours,
                       "hex: " + clip(hexstr),
                       "ovs: " + clip(" ".join(stdout.split()))]
    equal, ours_n, theirs_n = ofc_normalise.compare(ours, stdout)
    if equal:
        return True, []
    at = first_difference(ours_n, theirs_n)
    return False, ["texts differ at character %d" % at,
                   "ours: " + clip(ours_n, at),
                   "ovs:  " + clip(theirs_n, at)]


# Self-checks of the normaliser: (ours, Open vSwitch's, must be equal).
NORMALISER_CHECKS = [
    ("match fields in another order",
     "OFPT_FLOW_MOD (xid=0x5): ADD tp_dst=80,priority=100,tcp "
     "actions=output:2",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD priority=100,tcp,tp_dst=80 "
     "actions=output:2", True),
    ("one line against several",
     "OFPST_FLOW reply (xid=0x2): cookie=0x1, table=0, priority=1 "
     "actions=drop",
     "OFPST_FLOW reply (OF1.3) (xid=0x2):\n cookie=0x1, table=0, "
     "priority=1 actions=drop\n", True),
    ("actions in another order",
     "OFPT_FLOW_MOD (xid=0x5): ADD ip actions=pop_vlan,output:1",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD ip actions=output:1,pop_vlan",
     False),
    ("an action missing",
     "OFPT_FLOW_MOD (xid=0x5): ADD ip actions=output:1",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD ip actions=ct_clear,output:1",
     False),
    ("buckets in another order",
     "OFPT_GROUP_MOD (xid=0x5): ADD group_id=1,type=all,"
     "bucket=actions=output:2,bucket=actions=output:1",
     "OFPT_GROUP_MOD (OF1.3) (xid=0x5): ADD group_id=1,type=all,"
     "bucket=actions=output:1,bucket=actions=output:2", False),
    ("another xid",
     "OFPT_BARRIER_REPLY (xid=0x6):",
     "OFPT_BARRIER_REPLY (OF1.3) (xid=0x5):", False),
    ("another message name",
     "OFPT_ECHO_REPLY (xid=0x5): 0 bytes of payload",
     "OFPT_ECHO_REQUEST (OF1.3) (xid=0x5): 0 bytes of payload", False),
    ("no prefix",
     "0 bytes of payload",
     "OFPT_ECHO_REQUEST (OF1.3) (xid=0x5): 0 bytes of payload", False),
    ("flow entries in another order",
     "OFPST_FLOW reply (xid=0x2): cookie=0x2, priority=2 actions=drop "
     "cookie=0x1, priority=1 actions=drop",
     "OFPST_FLOW reply (OF1.3) (xid=0x2): cookie=0x1, priority=1 "
     "actions=drop cookie=0x2, priority=2 actions=drop", False),
    ("a generic multipart name",
     "OFPT_MULTIPART_REQUEST (xid=0x5): flags=0",
     "OFPST_PORT request (OF1.3) (xid=0x5): port=ANY", False),
    ("a match field twice",
     "OFPT_FLOW_MOD (xid=0x5): ADD priority=1,tcp,tcp actions=drop",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD priority=1,tcp actions=drop",
     False),
    ("a space after a comma",
     "OFPT_FLOW_MOD (xid=0x5): ADD priority=1, tcp actions=drop",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD priority=1,tcp actions=drop",
     False),
    ("a match field with another value",
     "OFPT_FLOW_MOD (xid=0x5): ADD tcp,tp_dst=81 actions=drop",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD tcp,tp_dst=80 actions=drop",
     False),
    ("an empty text",
     "",
     "OFPT_HELLO (OF1.3) (xid=0x1):\n version bitmap: 0x04", False),
    ("set_field arguments in another order",
     "OFPT_FLOW_MOD (xid=0x5): ADD ip actions=set_field:10.0.0.1->ip_dst",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD ip actions=set_field:10.0.0.1"
     "->ip_src", False),
    ("ct_state flags in another order",
     "OFPT_FLOW_MOD (xid=0x5): ADD ct_state=+trk+est,ip actions=drop",
     "OFPT_FLOW_MOD (OF1.3) (xid=0x5): ADD ct_state=+est+trk,ip "
     "actions=drop", False),
]


def check_normaliser():
    for what, ours, theirs, want in NORMALISER_CHECKS:
        equal, ours_n, theirs_n = ofc_normalise.compare(ours, theirs)
        tap(equal == want, "normaliser: %s %s"
            % (what, "compares equal" if want else "is a difference"),
            [] if equal == want else ["ours: " + ours_n,
                                      "ovs:  " + theirs_n])


def main():
    check_normaliser()
    if not shutil.which("ovs-ofctl"):
        tap(False, "ovs-ofctl is installed (apt-get install "
                   "openvswitch-common)")
        print("1..%d" % n_tests)
        return 1
    try:
        cases = load_cases()
    except (OSError, RuntimeError, subprocess.SubprocessError) as e:
        tap(False, "conformance-gen produces cases", [str(e)])
        print("1..%d" % n_tests)
        return 1

    with tempfile.TemporaryDirectory(prefix="ofc-conformance.") as tmpdir:
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(
                lambda ic: ovs_decode(ic[1][1], tmpdir, ic[0]),
                enumerate(cases)))

    for case, result in zip(cases, results):
        ok, diags = check(case, result)
        tap(ok, "conformance " + case[0], diags)

    names = [c[0] for c in cases]
    dups = sorted({n for n in names if names.count(n) > 1})
    tap(not dups, "case names are unique",
        ["duplicate: " + d for d in dups])
    base_names = {n.split("/part")[0] for n in names}
    tap(len(base_names) >= MIN_CASES,
        "at least %d cases (have %d)" % (MIN_CASES, len(base_names)))

    print("# conformance: %d passed, %d failed"
          % (n_tests - n_failed, n_failed))
    print("1..%d" % n_tests)
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())
