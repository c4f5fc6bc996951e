#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The REST server's cross-cutting duties: the bearer token, the OpenAPI
document, deferred answers from switches (timeout, switch gone), /v1/apps,
/v1/switches details, the request and event-loop metrics, and 200
concurrent clients.

Fake switches (tests/ofc_sandbox.py) connect to ofcd; one of them never
answers a statistics request, so the server's own 504 and 503 paths run.
"""

import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (OFCD, TOP, FakeSwitch, Ofcd, Tap,  # noqa: E402
                         wait_for)

DPID = 0x00000000000000c1
SILENT_DPID = 0x00000000000000c2


def request(base, path, method="GET", data=None, token=None, timeout=30):
    """Returns (status, headers, parsed JSON or None, raw body)."""
    headers = {}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, hdrs, body = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, body = e.code, e.headers, e.read()
    try:
        doc = json.loads(body)
    except ValueError:
        doc = None
    return status, hdrs, doc, body


class SilentSwitch(FakeSwitch):
    """A fake switch that swallows PORT_STATS requests (and answers the
    rest), so a REST request for its ports has to wait."""

    def answer(self, m):
        if m[1] == 18 and m[8:10] == b"\x00\x04":
            return True
        return FakeSwitch.answer(self, m)


def pump_forever(sw, stop):
    """Answers ofcd for fake switch 'sw' until 'stop' is set."""
    while not stop.is_set():
        try:
            if not sw.pump(0.1):
                return
        except OSError:
            return


def check_token(tap, ofcd, base):
    """Token: generated file, required for changes, checked, persistent."""
    path = os.path.join(ofcd.state_dir, "api-token")
    token = ofcd.token
    mode = stat.S_IMODE(os.stat(path).st_mode) if token else None
    tap.ok(token and re.fullmatch(r"[0-9a-f]{64}", token) and mode == 0o600,
           "the first start writes a 64-hex-digit token with mode 0600",
           (token, oct(mode or 0)))
    status, hdrs, doc, _ = request(base, "/v1/hosts", "DELETE")
    tap.ok(status == 401 and doc and doc.get("error") == "unauthorized"
           and "Bearer" in (hdrs.get("WWW-Authenticate") or ""),
           "a change without a token: 401 unauthorized with "
           "WWW-Authenticate", (status, doc))
    status, _, doc, _ = request(base, "/v1/hosts", "DELETE", token="x" * 64)
    tap.ok(status == 401 and doc and doc.get("message") == "wrong API token",
           "a change with a wrong token: 401 'wrong API token'",
           (status, doc))
    status, _, doc, _ = request(base, "/v1/hosts", "DELETE",
                                token=token[:-1])
    tap.ok(status == 401, "a change with a token prefix: 401", status)
    status, _, doc, _ = request(base, "/v1/hosts", "DELETE", token=token)
    tap.ok(status == 200, "a change with the token: 200", (status, doc))
    status, _, _, _ = request(base, "/v1/switches")
    tap.ok(status == 200, "reads on a loopback listener need no token",
           status)


def check_openapi(tap, base):
    """The OpenAPI document: served as kept in docs/, covers every route."""
    with open(os.path.join(TOP, "docs", "openapi.json"), "rb") as f:
        kept = f.read()
    status, hdrs, doc, body = request(base, "/v1/openapi.json")
    tap.ok(status == 200 and body == kept
           and hdrs.get("Content-Type") == "application/json",
           "GET /v1/openapi.json serves docs/openapi.json byte for byte",
           status)
    tap.ok(doc and doc.get("openapi", "").startswith("3."),
           "the document is OpenAPI 3", (doc or {}).get("openapi"))
    out = subprocess.run([OFCD, "--list-routes"], capture_output=True,
                         text=True, timeout=10)
    routes = [tuple(line.split(" ", 1)) for line in out.stdout.splitlines()]
    tap.ok(out.returncode == 0 and len(routes) >= 10,
           "ofcd --list-routes lists the routes", out.stdout + out.stderr)
    paths = (doc or {}).get("paths", {})
    missing = ["%s %s" % r for r in routes
               if r[0].lower() not in paths.get(r[1], {})]
    tap.ok(not missing, "every route is in the OpenAPI document",
           missing)
    listed = set("%s %s" % r for r in routes)
    extra = ["%s %s" % (m.upper(), p) for p, ops in paths.items()
             for m in ops if "%s %s" % (m.upper(), p) not in listed]
    tap.ok(not extra, "the document lists no route ofcd lacks", extra)


def check_switches_and_apps(tap, base):
    """/v1/switches details and /v1/apps."""
    status, _, doc, _ = request(base, "/v1/switches/%016x" % DPID)
    tap.ok(status == 200 and re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(doc.get("connected_since")))
        and doc.get("state") == "ready",
        "a switch shows its state and connected_since", doc)
    tap.ok(doc.get("apps", {}).get("l2") in ("synced", "syncing")
           and isinstance(doc.get("flows", {}).get("l2"), int)
           and doc["flows"]["l2"] > 0,
           "a switch shows each app's sync state and flow count on it",
           (doc.get("apps"), doc.get("flows")))
    status, _, doc, _ = request(base, "/v1/apps")
    apps = {a.get("name"): a for a in (doc or {}).get("apps", [])}
    tap.ok(status == 200 and set(apps) >= {"l2", "static"}
           and all(a.get("enabled") is True for a in apps.values()),
           "GET /v1/apps lists the enabled apps", doc)
    tap.ok("GET /v1/hosts" in apps.get("l2", {}).get("routes", [])
           and isinstance(apps.get("l2", {}).get("status"), dict)
           and apps["l2"]["flows"] > 0,
           "an app shows its routes, status and flows", apps.get("l2"))


def check_deferred(tap, ofcd, base, silent):
    """A switch that never answers: 504; a switch that leaves: 503."""
    del ofcd
    path = "/v1/switches/%016x/ports" % SILENT_DPID
    t0 = time.monotonic()
    status, _, doc, _ = request(base, path)
    took = time.monotonic() - t0
    tap.ok(status == 504 and doc and doc.get("error") == "timeout"
           and doc.get("path") == path and 9 <= took < 20,
           "a switch that does not answer: 504 timeout after 10 s",
           (status, doc, took))
    status, _, _, _ = request(base, "/healthz")
    tap.ok(status == 200, "the server answers other requests meanwhile "
           "and after", status)

    result = {}

    def ask():
        result["r"] = request(base, path)
    t = threading.Thread(target=ask)
    t.start()
    time.sleep(0.5)
    silent.close()
    t.join(15)
    status, _, doc, _ = result.get("r", (None, None, None, None))
    tap.ok(status == 503 and doc and doc.get("error") == "switch_gone",
           "a switch that disconnects while asked: 503 switch_gone",
           (status, doc))


def check_hostile_requests(tap, base, token):
    """Odd bytes and parameters get the right 4xx, never a bare 500."""
    status, _, doc, _ = request(base, "/%FF")
    tap.ok(status == 404 and doc and doc.get("error") == "not_found"
           and "\ufffd" in doc.get("path", ""),
           "a path that is not UTF-8: 404 JSON error (bad bytes as U+FFFD)",
           (status, doc))
    status, _, doc, _ = request(base, "/v1/switches/%FF%FE")
    tap.ok(status == 400 and doc and doc.get("error") == "bad_dpid",
           "a dpid that is not UTF-8: 400 bad_dpid", (status, doc))
    status, _, doc, _ = request(base, "/v1/switches%00junk")
    tap.ok(status == 404, "%00 in a path does not cut it short: 404",
           (status, doc))
    status, _, doc, _ = request(base, "/v1/hosts?mac=02%3A00%3A00%3A00"
                                "%3A00%3A01")
    tap.ok(status == 200, "escaped query values are decoded", (status, doc))
    status, _, doc, _ = request(base, "/v1/hosts?mac", "DELETE",
                                token=token)
    tap.ok(status == 400 and doc and doc.get("error") == "bad_value"
           and "needs a value" in doc.get("message", ""),
           "a filter without a value is refused, not ignored", (status, doc))
    status, _, doc, _ = request(base, "/v1/hosts?vlan=1&vlan=2")
    tap.ok(status == 400 and doc and "more than once" in doc.get(
        "message", ""), "a filter given twice is refused", (status, doc))
    path = "/v1/switches/%016x/flows?table=08" % DPID
    status, _, doc, _ = request(base, path)
    tap.ok(status == 200 and doc and doc.get("flows") == [],
           "?table=08 is decimal 8, not bad octal", (status, doc))
    t0 = time.monotonic()
    status, _, doc, _ = request(base, "/v1/switches/%016x/flows" % DPID,
                                "POST", data=b"{" + b" " * 900000 + b"}")
    tap.ok(status == 401 and time.monotonic() - t0 < 5,
           "a 900 kB body without a token: 401", (status, doc))


def check_fairness(tap, base):
    """A flood of REST requests does not stall the event loop."""
    code = ("import http.client,sys,time\n"
            "c=http.client.HTTPConnection('127.0.0.1',%d)\n"
            "end=time.time()+3\n"
            "while time.time()<end:\n"
            "    c.request('GET','/v1/apps');c.getresponse().read()\n"
            % int(base.rsplit(":", 1)[1]))
    procs = [subprocess.Popen([sys.executable, "-c", code])
             for _ in range(6)]
    try:
        for p in procs:
            p.wait(20)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    _, _, _, body = request(base, "/metrics")
    m = re.search(r"^ofc_event_loop_lag_max_seconds ([0-9.]+)$",
                  body.decode(), re.M)
    tap.ok(m and float(m.group(1)) < 0.5,
           "6 clients flooding REST for 3 s: event-loop lag stays < 0.5 s",
           m and m.group(0))


def check_concurrency(tap, base):
    """200 clients at once, each with its own connection."""
    results = []
    lock = threading.Lock()

    def client():
        r = request(base, "/v1/switches", timeout=30)[0]
        with lock:
            results.append(r)
    threads = [threading.Thread(target=client) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(40)
    tap.ok(results == [200] * 200, "200 concurrent clients all get 200",
           sorted(set(results)))


def check_metrics(tap, base):
    """REST requests by route and status; event-loop lag."""
    _, _, _, body = request(base, "/metrics")
    text = body.decode()
    m = re.search(r'^ofc_rest_requests_total\{method="GET",'
                  r'route="/v1/switches",status="200"\} (\d+)$', text, re.M)
    tap.ok(m and int(m.group(1)) >= 200,
           "metrics count REST requests by route and status",
           m and m.group(0))
    tap.ok(re.search(r'^ofc_rest_requests_total\{method="DELETE",'
                     r'route="/v1/hosts",status="401"\} [1-9]', text, re.M),
           "refused requests are counted as 401")
    tap.ok(re.search(r'^ofc_rest_requests_total\{method="any",'
                     r'route="unmatched",status="404"\} [1-9]', text, re.M),
           "unknown routes are counted as unmatched 404")
    m = re.search(r"^ofc_event_loop_lag_seconds ([0-9.]+)$", text, re.M)
    tap.ok(m and float(m.group(1)) < 1.0
           and re.search(r'^ofc_event_loop_lag_histogram_seconds_count '
                         r'[1-9]', text, re.M),
           "metrics show the event-loop lag", m and m.group(0))


def check_non_loopback(tap, work):
    """On a non-loopback listener every request needs the token; a
    configured api_token replaces the generated one."""
    cfg = os.path.join(work, "token.json")
    with open(cfg, "w") as f:
        json.dump({"api_token": "configured-token-0123456789"}, f)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    ofcd = Ofcd(work, name="ofcd-any",
                args=["--config", cfg, "--rest", "0.0.0.0:%d" % port,
                      "--state-dir", os.path.join(work, "state-any")])
    try:
        ofcd.start()
        m = ofcd.wait_log(r"rest: listening on 0\.0\.0\.0:\d+ \(not "
                          r"loopback", 5)
        tap.ok(m is not None, "a non-loopback listener is logged as such",
               ofcd.text())
        # Only ever talk to it over 127.0.0.1.
        base = "http://127.0.0.1:%d" % port
        status, _, doc, _ = request(base, "/v1/switches")
        tap.ok(status == 401, "non-loopback: a read without the token is "
               "401", (status, doc))
        status, _, _, _ = request(base, "/v1/switches",
                                  token="configured-token-0123456789")
        tap.ok(status == 200, "the configured api_token is accepted",
               status)
        tap.ok(not os.path.exists(os.path.join(work, "state-any",
                                               "api-token")),
               "with api_token configured no token file is written")
    finally:
        ofcd.stop()

    bad = os.path.join(work, "badtoken.json")
    with open(bad, "w") as f:
        json.dump({"api_token": "short"}, f)
    out = subprocess.run([OFCD, "--config", bad, "--rest", "127.0.0.1:0",
                          "--state-dir", os.path.join(work, "state-bad")],
                         capture_output=True, text=True, timeout=10)
    tap.ok(out.returncode != 0 and "api_token" in out.stderr,
           "a too-short api_token is refused at start", out.stderr)


def main():
    tap = Tap(42)
    work = tempfile.mkdtemp(prefix="ofc-rest-core.")
    ofcd = Ofcd(work)
    stop = threading.Event()
    switches = []
    try:
        ofcd.start()
        base = ofcd.rest_url
        sw = FakeSwitch(ofcd.port, dpid=DPID)
        switches.append(sw)
        sw.handshake()
        threading.Thread(target=pump_forever, args=(sw, stop),
                         daemon=True).start()
        # The silent switch does the handshake, then answers only echoes.
        silent = SilentSwitch(ofcd.port, dpid=SILENT_DPID)
        switches.append(silent)
        silent.handshake()
        threading.Thread(target=pump_forever, args=(silent, stop),
                         daemon=True).start()

        def ready():
            status, _, doc, _ = request(base, "/v1/switches")
            return status == 200 and len(doc) == 2 and all(
                s.get("state") == "ready" for s in doc)
        tap.ok(wait_for(ready, 10), "two fake switches are ready")

        check_token(tap, ofcd, base)
        token = ofcd.token
        ofcd.stop()
        ofcd.start()
        base = ofcd.rest_url
        tap.ok(ofcd.token == token, "the token survives a restart")
        for s in switches:
            s.close()
        switches = []
        sw = FakeSwitch(ofcd.port, dpid=DPID)
        switches.append(sw)
        sw.handshake()
        threading.Thread(target=pump_forever, args=(sw, stop),
                         daemon=True).start()
        silent = SilentSwitch(ofcd.port, dpid=SILENT_DPID)
        switches.append(silent)
        silent.handshake()
        threading.Thread(target=pump_forever, args=(silent, stop),
                         daemon=True).start()
        tap.ok(wait_for(ready, 10), "they reconnect after the restart")

        check_openapi(tap, base)
        check_switches_and_apps(tap, base)
        request(base, "/v1/no/such/thing")
        check_deferred(tap, ofcd, base, silent)
        check_concurrency(tap, base)
        request(base, "/v1/hosts", "DELETE")
        check_metrics(tap, base)
        check_hostile_requests(tap, base, ofcd.token)
        check_fairness(tap, base)

        # Shutdown while a request waits for a switch: it is answered.
        silent = SilentSwitch(ofcd.port, dpid=SILENT_DPID)
        switches.append(silent)
        silent.handshake()
        threading.Thread(target=pump_forever, args=(silent, stop),
                         daemon=True).start()
        wait_for(ready, 10)
        result = {}

        def ask():
            result["r"] = request(base, "/v1/switches/%016x/ports"
                                  % SILENT_DPID)
        asker = threading.Thread(target=ask)
        asker.start()
        time.sleep(0.5)
        ofcd.signal(signal.SIGTERM)
        asker.join(15)
        status, _, doc, _ = result.get("r", (None, None, None, None))
        tap.ok(status == 503 and doc and doc.get("error") in (
            "switch_gone", "shutdown"),
            "SIGTERM while a request waits: it gets a 503 JSON answer",
            (status, doc))
        check_non_loopback(tap, work)

        for s in switches:
            s.close()
        status = ofcd.stop()
        tap.ok(status == 0 and "exited cleanly" in ofcd.text(),
               "ofcd exits cleanly", ofcd.text()[-2000:])
    except Exception as e:  # noqa: BLE001
        tap.diag("exception: %r" % e)
        tap.diag(ofcd.text()[-4000:])
        tap.failed += 1
    finally:
        stop.set()
        for s in switches:
            s.close()
        ofcd.stop()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
