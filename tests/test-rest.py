#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The REST server core of ofcd: routes, JSON errors, limits, --rest.

ofcd runs with --rest 127.0.0.1:0 (the port is read from its log line
"rest: listening on IP:PORT"); two fake switches connect so that
/v1/switches has content.  A second ofcd with --rest none must open no
HTTP listener.
"""

import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import FakeSwitch, Ofcd, Tap, wait_for  # noqa: E402

DPIDS = (0x00000000000000a1, 0xfeedface00000002)
PROM_LINE = re.compile(
    r'^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*'
    r'|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*"'
    r'(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")*\})? -?[0-9.eE+-]+)$')


def request(base, path, method="GET", data=None):
    """Returns (status, content type, body bytes) of one request."""
    req = urllib.request.Request(base + path, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get_json(base, path, method="GET", data=None):
    """Like request(), with the body parsed as JSON (None if it is not)."""
    status, ctype, body = request(base, path, method, data)
    try:
        doc = json.loads(body)
    except ValueError:
        doc = None
    return status, ctype, doc


def is_error(doc, path):
    """True if 'doc' is our JSON error for 'path'."""
    return (isinstance(doc, dict) and isinstance(doc.get("error"), str)
            and isinstance(doc.get("message"), str)
            and doc.get("path") == path)


def listening_sockets(pid):
    """Counts the TCP sockets in LISTEN state owned by process 'pid'."""
    inodes = set()
    fd_dir = "/proc/%d/fd" % pid
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        m = re.match(r"socket:\[(\d+)\]", target)
        if m:
            inodes.add(m.group(1))
    n = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    if cols[3] == "0A" and cols[9] in inodes:
                        n += 1
        except OSError:
            pass
    return n


def pump_forever(sw, stop):
    """Answers ofcd for fake switch 'sw' until 'stop' is set."""
    while not stop.is_set():
        try:
            if not sw.pump(0.1):
                return
        except OSError:
            return


def main():
    tap = Tap(24)
    work = tempfile.mkdtemp(prefix="ofc-rest.")
    ofcd = Ofcd(work, args=["--rest", "127.0.0.1:0",
                            "--state-dir", os.path.join(work, "state")])
    ofcd2 = Ofcd(work, args=["--rest", "none"], name="ofcd-norest")
    stop = threading.Event()
    switches = []
    try:
        ofcd.start()
        m = ofcd.wait_log(r"rest: listening on ([0-9.]+):(\d+)", 10)
        tap.ok(m is not None, "ofcd logs the REST address", ofcd.text())
        if not m:
            return tap.done()
        base = "http://%s:%s" % (m.group(1), m.group(2))
        tap.ok(int(m.group(2)) != 0, "port 0 gives a real port")

        for dpid in DPIDS:
            sw = FakeSwitch(ofcd.port, dpid=dpid)
            switches.append(sw)
            sw.handshake()
            threading.Thread(target=pump_forever, args=(sw, stop),
                             daemon=True).start()

        def both_ready():
            status, _, doc = get_json(base, "/v1/switches")
            if status == 200 and isinstance(doc, list) and len(doc) == 2 \
               and all(s.get("state") == "ready" for s in doc):
                return doc
            return None
        listing = wait_for(both_ready, 10)

        # /healthz
        status, ctype, doc = get_json(base, "/healthz")
        tap.ok(status == 200 and doc == {"status": "ok"},
               "GET /healthz is 200 {\"status\": \"ok\"}", (status, doc))
        tap.ok(ctype.startswith("application/json"),
               "/healthz is application/json", ctype)

        # /metrics
        status, ctype, body = request(base, "/metrics")
        text = body.decode("utf-8", "replace")
        tap.ok(status == 200 and ctype == "text/plain; version=0.0.4",
               "GET /metrics is 200 text/plain; version=0.0.4",
               (status, ctype))
        tap.ok(re.search(r"^ofc_switch_connects_total 2$", text, re.M),
               "metrics count 2 switch connects", text)
        bad = [ln for ln in text.splitlines() if not PROM_LINE.match(ln)]
        tap.ok(text.endswith("\n") and not bad,
               "metrics are valid exposition lines", "\n".join(bad[:10]))

        # /v1/switches
        tap.ok(listing is not None, "GET /v1/switches lists 2 ready "
               "switches", get_json(base, "/v1/switches"))
        listing = listing or []
        tap.ok(sorted(s.get("dpid") for s in listing)
               == ["%016x" % d for d in sorted(DPIDS)],
               "both dpids listed as 16 hex digits", listing)
        tap.ok(all(s.get("n_ports") == 2
                   and re.match(r"127\.0\.0\.1:\d+$", s.get("address", ""))
                   for s in listing),
               "each switch has n_ports 2 and its address", listing)

        # /v1/switches/{dpid}
        path = "/v1/switches/%016x" % DPIDS[1]
        status, _, doc = get_json(base, path)
        ok = (status == 200 and isinstance(doc, dict)
              and doc.get("dpid") == "%016x" % DPIDS[1])
        tap.ok(ok, "GET %s is 200 with the dpid" % path, (status, doc))
        ports = doc.get("ports") if ok else None
        tap.ok(isinstance(ports, list)
               and [p.get("port_no") for p in ports] == [1, 2]
               and [p.get("name") for p in ports] == ["p1", "p2"],
               "the switch shows its ports", doc)
        tap.ok(ok and doc.get("features", {}).get("n_tables") == 254,
               "the switch shows its features", doc)
        status, _, doc = get_json(base, "/v1/switches/a1")
        tap.ok(status == 200 and doc and doc.get("dpid") == "%016x"
               % DPIDS[0], "a short dpid is accepted", (status, doc))

        # Errors.
        path = "/v1/switches/00000000000000ff"
        status, ctype, doc = get_json(base, path)
        tap.ok(status == 404 and is_error(doc, path),
               "unknown dpid: 404 JSON error with the path", (status, doc))
        tap.ok(ctype.startswith("application/json"),
               "errors are application/json", ctype)
        path = "/v1/switches/xyz"
        status, _, doc = get_json(base, path)
        tap.ok(status == 400 and is_error(doc, path),
               "malformed dpid: 400 JSON error", (status, doc))
        path = "/v1/no/such/route"
        status, _, doc = get_json(base, path)
        tap.ok(status == 404 and is_error(doc, path),
               "unknown route: 404 JSON error", (status, doc))
        status, _, doc = get_json(base, "/healthz", method="POST", data=b"")
        tap.ok(status == 405 and is_error(doc, "/healthz"),
               "POST /healthz: 405 JSON error", (status, doc))
        status, _, doc = get_json(base, "/healthz", method="POST",
                                  data=b"x" * (2 << 20))
        tap.ok(status == 413 and is_error(doc, "/healthz"),
               "a 2 MiB body: 413 JSON error", (status, doc))
        status, _, doc = get_json(base, "/healthz")
        tap.ok(status == 200, "the server still answers after the 413",
               (status, doc))

        # Concurrent clients.
        results = []

        def client():
            results.append(request(base, "/v1/switches")[0])
        threads = [threading.Thread(target=client) for _ in range(100)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        tap.ok(results == [200] * 100, "100 concurrent clients get 200",
               results)

        # --rest none.
        ofcd2.start()
        tap.ok(listening_sockets(ofcd2.proc.pid) == 1
               and "rest: listening" not in ofcd2.text(),
               "--rest none: only the OpenFlow listener is open",
               ofcd2.text())

        for sw in switches:
            sw.close()
        status = ofcd.stop()
        tap.ok(status == 0 and "exited cleanly" in ofcd.text(),
               "ofcd with the REST server exits cleanly on SIGTERM",
               ofcd.text())
    except Exception as e:  # noqa: BLE001
        tap.diag("exception: %r" % e)
        tap.diag(ofcd.text())
        tap.failed += 1
    finally:
        stop.set()
        for sw in switches:
            sw.close()
        ofcd.stop()
        ofcd2.stop()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
