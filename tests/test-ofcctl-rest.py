#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""ofcctl as a client of ofcd's REST API, against a real Open vSwitch.

A sandboxed ovs-vswitchd runs bridge br0 (dummy ports p1, p2) under ofcd
(default apps: l2 and static; --rest on a free port of 127.0.0.1; state
dir in the work dir).  The real ofcctl binary is run for every command:
the tables name what the API returns, --json is the API's own JSON,
add-flow/del-flow change the switch's flow table (checked with ovs-ofctl),
and every failure (server error, no token, no server, no answer, bad
command line) has its exit status and a clear message.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import (BUILD, Ofcd, Sandbox, Tap, free_port,  # noqa
                         wait_for)

OFCCTL = os.path.join(BUILD, "rest", "ofcctl")
DPID = "00000000000000e1"
MAC_A = "02:00:00:00:0e:0a"
# A minimal IPv4 header (10.0.0.1 -> 10.0.0.2): enough for the L2 app.
IP_PAYLOAD = "45000014000000004001f9e80a0000010a000002"
STATIC = "table=0,priority=1000,in_port=1,actions=output:2"
COMMANDS = ("switches", "ports DPID", "flows DPID", "hosts", "add-flow DPID",
            "del-flow DPID ID", "apps", "metrics", "decode HEX")
PROM_LINE = re.compile(
    r'^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*'
    r'|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*"'
    r'(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")*\})? -?[0-9.eE+-]+)$')


class Ctl:
    """Runs ofcctl against one ofcd."""

    def __init__(self, ofcd):
        self.ofcd = ofcd
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("OFC_URL", "OFC_TOKEN")}

    def run(self, *args, url=True, state_dir=True, env=None, timeout=30):
        """Returns (status, stdout, stderr) of 'ofcctl [--url] [--state-dir]
        ARGS'."""
        cmd = [OFCCTL]
        if url:
            cmd += ["--url", self.ofcd.rest_url]
        if state_dir:
            cmd += ["--state-dir", self.ofcd.state_dir]
        r = subprocess.run(cmd + list(args), capture_output=True, text=True,
                           timeout=timeout, env=dict(self.env, **(env or {})),
                           stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout, r.stderr


def api(ofcd, path, method="GET", body=None, token=None):
    """Returns (status, parsed JSON or text) of one request."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(ofcd.rest_url + path, data=data,
                                 method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def table(out):
    """Splits an ofcctl table into (header fields, [row fields])."""
    lines = out.splitlines()
    if not lines:
        return [], []
    return lines[0].split(), [line.split() for line in lines[1:]]


def aligned(out):
    """True if every row's cells line up under the header: a left-aligned
    cell starts where its header does, a right-aligned one ends two blanks
    before the next column (for tables whose cells have no spaces)."""
    lines = out.splitlines()
    starts = [m.start() for m in re.finditer(r"\S+", lines[0])]
    for line in lines[1:]:
        cells = list(re.finditer(r"\S+", line))
        if len(cells) != len(starts):
            return False
        for col, m in enumerate(cells):
            limit = starts[col + 1] - 2 if col + 1 < len(starts) else None
            if limit is not None and m.end() > limit:
                return False
            if m.start() != starts[col] and m.end() != limit:
                return False
    return True


def dump_flows(box):
    return box.ofctl("dump-flows", "br0")


# What the fake server answers: path -> (status, content type, body).  Its
# strings carry terminal escapes (ESC, BEL, DEL, the C1 CSI U+009B) that
# ofcctl must not print.
FAKE = {
    "/v1/switches": (200, "application/json", json.dumps([{
        "dpid": "00000000000000e1", "address": "1.2.3.4:5\x1b[31m",
        "state": "re\x7fady", "n_ports": 1,
        "connected_since": "x\u009by", "apps": {"l2": "ok\x07"}}])),
    "/v1/apps": (500, "application/json", json.dumps({
        "error": "internal", "message": "boom \x1b]0;pwned\x07"})),
    "/metrics": (502, "text/plain", "oops \x1b[2J\n"),
}


class V6Server(ThreadingHTTPServer):
    """An HTTP server on [::1]."""
    address_family = socket.AF_INET6


class FakeHandler(BaseHTTPRequestHandler):
    """Answers GETs from FAKE and records each request's Host header."""
    hosts = []

    def do_GET(self):
        FakeHandler.hosts.append(self.headers.get("Host"))
        status, ctype, body = FAKE.get(
            self.path, (404, "application/json",
                        '{"error": "not_found", "message": "no"}'))
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def clean(text):
    """True if 'text' has no control character but newlines (and no C1
    control either)."""
    return not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


def main():
    tap = Tap(74)
    work = tempfile.mkdtemp(prefix="ofc-ofcctl-rest.")
    ofcd = Ofcd(work)
    box = Sandbox()
    port = free_port()
    hang = None
    try:
        box.start()
        ofcd.start(listen="tcp:127.0.0.1:%d" % port)
        tap.ok(ofcd.rest_url is not None and ofcd.token,
               "ofcd serves REST and wrote its token", ofcd.text())
        box.add_bridge(DPID, port)
        ctl = Ctl(ofcd)

        def ready():
            status, doc = api(ofcd, "/v1/switches")
            return (status == 200 and len(doc) == 1
                    and doc[0].get("state") == "ready"
                    and "l2" in doc[0].get("apps", {}) and doc)
        tap.ok(wait_for(ready, 15)
               and wait_for(lambda: "actions=CONTROLLER" in dump_flows(box),
                            10),
               "br0 connects and gets the l2 pipeline", ofcd.text())

        # --- switches ---
        rc, out, err = ctl.run("switches")
        head, rows = table(out)
        tap.ok(rc == 0 and head[:5] == ["DPID", "ADDRESS", "STATE", "PORTS",
                                        "CONNECTED-SINCE"],
               "switches: exit 0 and the column headers", (rc, out, err))
        tap.ok(len(rows) == 1 and rows[0][0] == DPID
               and rows[0][2] == "ready" and rows[0][3] == "3"
               and rows[0][5].startswith("l2="),
               "switches: one row with the dpid, ready, 3 ports, apps",
               out)
        tap.ok(aligned(out), "switches: the columns are aligned", out)
        rc, out, err = ctl.run("--json", "switches")
        _, doc = api(ofcd, "/v1/switches")
        try:
            got = json.loads(out)
        except ValueError:
            got = None
        tap.ok(rc == 0 and got == doc,
               "switches --json parses and equals GET /v1/switches",
               (rc, out, doc, err))
        rc, out2, _ = ctl.run("switches", "--json")
        tap.ok(rc == 0 and out2 == out and out.count("\n") > 3,
               "--json after the command works too, pretty-printed", out2)
        rc, out, err = ctl.run("switches", url=False,
                               env={"OFC_URL": ofcd.rest_url})
        tap.ok(rc == 0 and DPID in out, "$OFC_URL names the server",
               (rc, out, err))

        # --- ports ---
        rc, out, err = ctl.run("ports", DPID)
        head, rows = table(out)
        tap.ok(rc == 0 and head[:2] == ["PORT", "NAME"]
               and "RX-PACKETS" in head and "TX-BYTES" in head,
               "ports: exit 0 and the column headers", (rc, out, err))
        tap.ok(sorted((r[0], r[1]) for r in rows)
               == [("1", "p1"), ("2", "p2"), ("LOCAL", "br0")],
               "ports: p1, p2 and LOCAL br0 with their numbers", out)
        rc, out, err = ctl.run("--json", "ports", DPID)
        try:
            got = json.loads(out)
        except ValueError:
            got = {}
        tap.ok(rc == 0 and got.get("dpid") == DPID
               and len(got.get("ports", [])) == 3,
               "ports --json is the API's object", (rc, out, err))

        # --- flows ---
        _, api_flows = api(ofcd, "/v1/switches/%s/flows" % DPID)
        rc, out, err = ctl.run("flows", DPID)
        head, rows = table(out)
        tap.ok(rc == 0 and head == ["TABLE", "PRIORITY", "APP", "PACKETS",
                                    "BYTES", "MATCH", "ACTIONS"],
               "flows: exit 0 and the column headers", (rc, out, err))
        tap.ok(len(rows) == len(api_flows.get("flows", [])) >= 5
               and any(r[2] == "l2" for r in rows),
               "flows: one row per flow of the API, the l2 pipeline among "
               "them", (out, api_flows))
        rc, out, err = ctl.run("flows", DPID, "--table", "0")
        _, t0 = api(ofcd, "/v1/switches/%s/flows?table=0" % DPID)
        head, rows = table(out)
        tap.ok(rc == 0 and rows and all(r[0] == "0" for r in rows)
               and len(rows) == len(t0["flows"]),
               "flows --table 0: only table 0's flows", (out, t0))
        rc, out, err = ctl.run("flows", DPID, "--app=l2")
        head, rows = table(out)
        tap.ok(rc == 0 and rows and all(r[2] == "l2" for r in rows),
               "flows --app=l2: only the l2 app's flows", (rc, out, err))
        rc, out, err = ctl.run("flows", DPID, "--table", "999")
        tap.ok(rc == 1 and err.startswith("ofcctl: ")
               and "bad_value" in err and "table" in err and not out,
               "flows --table 999: exit 1 with the server's bad_value "
               "message", (rc, out, err))
        l2_cookies = sorted({f["cookie"] for f in api_flows["flows"]
                             if f.get("app") == "l2"})
        cookie = l2_cookies[0] if l2_cookies else "0x1"
        rc, out, err = ctl.run("flows", DPID, "--cookie", cookie)
        _, want = api(ofcd, "/v1/switches/%s/flows?cookie=%s"
                      % (DPID, cookie))
        head, rows = table(out)
        rc2, out2, err2 = ctl.run("flows", DPID, "--cookie", "0x1")
        tap.ok(rc == 0 and rows and len(rows) == len(want["flows"])
               and all(r[2] == "l2" for r in rows)
               and rc2 == 0 and table(out2)[1] == [],
               "flows --cookie V: the flows with that cookie (none for "
               "0x1)", (rc, out, err, want, rc2, out2, err2))
        mask = "0x%x" % (int(cookie, 16) | 0xff)
        rc, out, err = ctl.run("flows", DPID, "--cookie=%s/%s"
                               % (cookie, mask), "--table", "0")
        _, want = api(ofcd, "/v1/switches/%s/flows?table=0&cookie=%s/%s"
                      % (DPID, cookie, mask))
        head, rows = table(out)
        tap.ok(rc == 0 and rows and len(rows) == len(want["flows"])
               and all(r[0] == "0" for r in rows),
               "flows --cookie V/MASK --table 0: the API's answer to the "
               "same query", (rc, out, err, want))
        rc, out, err = ctl.run("flows", DPID, "--cookie", "bogus")
        tap.ok(rc == 1 and "bad_value" in err and "cookie" in err,
               "flows --cookie bogus: exit 1, the server's bad_value",
               (rc, out, err))

        # --- hosts ---
        box.run("ovs-appctl", "-t", "ovs-vswitchd", "netdev-dummy/receive",
                "p1", "ffffffffffff" + MAC_A.replace(":", "") + "0800"
                + IP_PAYLOAD)

        def learned():
            rc, out, _ = ctl.run("hosts")
            return rc == 0 and MAC_A in out and out
        out = wait_for(learned, 10, 0.2) or ""
        head, rows = table(out)
        tap.ok(head == ["DPID", "VLAN", "MAC", "PORT", "AGE"]
               and [DPID, MAC_A, "1(p1)"] in [[r[0], r[2], r[3]]
                                               for r in rows],
               "hosts: the injected host on port 1(p1)",
               (out, api(ofcd, "/v1/hosts")))
        rc, out, err = ctl.run("hosts", "--mac", "02:00:00:00:0e:0b")
        head, rows = table(out)
        tap.ok(rc == 0 and head and rows == [],
               "hosts --mac of an unknown host: headers only",
               (rc, out, err))
        rc, out, err = ctl.run("hosts", "--dpid", DPID, "--mac", MAC_A)
        head, rows = table(out)
        tap.ok(rc == 0 and len(rows) == 1 and rows[0][2] == MAC_A,
               "hosts --dpid --mac: exactly that host", (rc, out, err))
        got = {}
        for port_arg in ("1", "p1", "2", "p2"):
            rc, out, err = ctl.run("hosts", "--port", port_arg)
            got[port_arg] = (rc, [r[2] for r in table(out)[1]], err)
        tap.ok(got["1"][0] == 0 and got["1"][1] == [MAC_A]
               and got["p1"][0] == 0 and got["p1"][1] == [MAC_A],
               "hosts --port 1 and --port p1 (number or name): the host",
               got)
        tap.ok(got["2"][:2] == (0, []) and got["p2"][:2] == (0, []),
               "hosts --port 2 and --port p2: headers only", got)
        rc, out, err = ctl.run("hosts", "--port", "0")
        tap.ok(rc == 1 and "bad_value" in err and "port" in err,
               "hosts --port 0: exit 1 with the server's bad_value",
               (rc, out, err))

        # --- apps and metrics ---
        rc, out, err = ctl.run("apps")
        head, rows = table(out)
        names = [r[0] for r in rows]
        tap.ok(rc == 0 and head[:3] == ["NAME", "ENABLED", "FLOWS"]
               and "l2" in names and "static" in names,
               "apps: l2 and static listed", (rc, out, err))
        rc, out, err = ctl.run("metrics")
        bad = [ln for ln in out.splitlines() if not PROM_LINE.match(ln)]
        tap.ok(rc == 0 and "# TYPE " in out and out.endswith("\n")
               and not bad,
               "metrics: the Prometheus text, valid exposition lines",
               (rc, bad[:5], err))
        tap.ok(re.search(r"^ofc_switch_connects_total 1$", out, re.M),
               "metrics: one switch connect counted", out)

        # --- add-flow / del-flow ---
        rc, out, err = ctl.run("add-flow", DPID, STATIC)
        flow_id = out.strip()
        tap.ok(rc == 0 and re.fullmatch(r"\d+", flow_id),
               "add-flow: exit 0 and prints the new id", (rc, out, err))
        want = "priority=1000,in_port=1 actions=output:2"
        tap.ok(wait_for(lambda: want in dump_flows(box), 10),
               "add-flow: ovs-ofctl dump-flows shows the flow",
               dump_flows(box))
        rc, out, err = ctl.run("flows", DPID, "--app", "static")
        head, rows = table(out)
        tap.ok(rc == 0 and len(rows) == 1
               and rows[0][:3] == ["0", "1000", "static"]
               and rows[0][-1] == "output:2" and "in_port=1" in rows[0][5],
               "flows --app static: the new flow's row", (rc, out, err))
        status, doc = api(ofcd, "/v1/switches/%s/flows/%s"
                          % (DPID, flow_id or "0"))
        tap.ok(status == 200 and doc.get("id") == int(flow_id or "0")
               and doc.get("flow", "").endswith(
                   "in_port=1 actions=output:2"),
            "GET of the printed id is the flow", (status, doc))
        rc, out, err = ctl.run("add-flow", DPID, STATIC)
        tap.ok(rc == 1 and err.startswith("ofcctl: ")
               and "conflict" in err and "409" in err,
               "add-flow of the same flow again: exit 1 with the server's "
               "conflict", (rc, out, err))
        rc, out, err = ctl.run("del-flow", DPID, flow_id or "0")
        tap.ok(rc == 0 and flow_id in out,
               "del-flow: exit 0 and names the deleted flow",
               (rc, out, err))
        tap.ok(wait_for(lambda: want not in dump_flows(box), 10),
               "del-flow: the flow is gone from the switch",
               dump_flows(box))
        rc, out, err = ctl.run("del-flow", DPID, flow_id or "0")
        tap.ok(rc == 1 and "not_found" in err and "404" in err,
               "del-flow of a deleted id: exit 1, not_found", (rc, err))

        rc, out, err = ctl.run("--json", "add-flow", DPID,
                               "priority=7,dl_type=0x0800,actions=drop",
                               "--description", "ofcctl test")
        try:
            doc = json.loads(out)
        except ValueError:
            doc = {}
        tap.ok(rc == 0 and isinstance(doc.get("id"), int)
               and doc.get("dpid") == DPID
               and doc.get("description") == "ofcctl test",
               "add-flow --json --description: the stored object",
               (rc, out, err))
        rc, out, err = ctl.run("--json", "del-flow", DPID,
                               str(doc.get("id")))
        try:
            deleted = json.loads(out)
        except ValueError:
            deleted = None
        tap.ok(rc == 0 and deleted == doc,
               "del-flow --json prints the deleted object", (rc, out, err))

        # --- Errors from the server. ---
        bad_flow = "table=0,priority=5,frobnicate=1,actions=drop"
        rc, out, err = ctl.run("add-flow", DPID, bad_flow)
        status, doc = api(ofcd, "/v1/switches/%s/flows" % DPID, "POST",
                          {"flow": bad_flow}, ofcd.token)
        tap.ok(rc == 1 and status == 400 and doc.get("error") == "bad_flow"
               and err.startswith("ofcctl: " + doc.get("message", "?"))
               and "bad_flow" in err and not out,
               "bad flow: exit 1 with the server's message and code",
               (rc, out, err, doc))
        rc, out, err = ctl.run("ports", "00000000000000ff")
        tap.ok(rc == 1 and "unknown_dpid" in err and "404" in err,
               "unknown dpid: exit 1, unknown_dpid", (rc, out, err))
        rc, out, err = ctl.run("flows", "xyz")
        tap.ok(rc == 1 and "bad_dpid" in err, "malformed dpid: exit 1, "
               "bad_dpid", (rc, out, err))

        # --- Tokens. ---
        rc, out, err = ctl.run("--state-dir", os.path.join(work, "nowhere"),
                               "add-flow", DPID, STATIC, state_dir=False)
        tap.ok(rc == 1 and "401" in err and "unauthorized" in err
               and "--token" in err,
               "no token: exit 1 with the 401 message and a hint",
               (rc, out, err))
        rc, out, err = ctl.run("--state-dir", os.path.join(work, "nowhere"),
                               "switches", state_dir=False)
        tap.ok(rc == 0 and DPID in out,
               "no token: GETs on loopback still work", (rc, out, err))
        rc, out, err = ctl.run("--token", "0" * 64, "add-flow", DPID, STATIC)
        tap.ok(rc == 1 and "401" in err, "wrong --token: exit 1, 401",
               (rc, out, err))
        rc, out, err = ctl.run("--token", ofcd.token, "add-flow", DPID,
                               STATIC, state_dir=False)
        tap.ok(rc == 0 and out.strip().isdigit(),
               "--token: add-flow works without the state dir",
               (rc, out, err))
        rc, out2, err = ctl.run("del-flow", DPID, out.strip(),
                                state_dir=False,
                                env={"OFC_TOKEN": ofcd.token})
        tap.ok(rc == 0, "$OFC_TOKEN: del-flow works", (rc, out2, err))
        rc, out, err = ctl.run("--token", "0" * 64, "add-flow", DPID,
                               STATIC)
        tap.ok(rc == 1 and "refused the API token from --token" in err
               and "--state-dir" in err,
               "wrong --token: the hint says the token was refused",
               (rc, out, err))
        nowhere = os.path.join(work, "nowhere")
        rc, out, err = ctl.run("--token", "", "--state-dir", nowhere,
                               "add-flow", DPID, STATIC, state_dir=False)
        rc2, out2, err2 = ctl.run("--state-dir", nowhere, "add-flow", DPID,
                                  STATIC, state_dir=False,
                                  env={"OFC_TOKEN": ""})
        tap.ok(rc == rc2 == 1 and "no API token" in err
               and "no API token" in err2,
               "an empty --token or $OFC_TOKEN is no token: 401 with the "
               "hint", (rc, err, rc2, err2))
        rc, out, err = ctl.run("--token", "", "add-flow", DPID, STATIC)
        ok_add = rc == 0 and out.strip().isdigit()
        if ok_add:
            ctl.run("del-flow", DPID, out.strip())
        tap.ok(ok_add, "an empty --token falls back to the state dir's "
               "token", (rc, out, err))
        bad_tokens = [("--token", "abc def"), ("--token", "abc\x1b[2Jx"),
                      ("--token", "ab\tc")]
        results = [ctl.run(*t, "add-flow", DPID, STATIC)
                   for t in bad_tokens]
        results.append(ctl.run("switches", env={"OFC_TOKEN": "a\nb"}))
        tap.ok(all(r[0] == 2 and "API token must be printable" in r[2]
                   and clean(r[2]) and not r[1] for r in results),
               "a token with spaces or control characters: exit 2, a "
               "clear (sanitized) message", results)

        # --- No server, no answer. ---
        closed = "http://127.0.0.1:%d" % free_port()
        rc, out, err = ctl.run("--url", closed, "switches", url=False)
        tap.ok(rc == 1 and err.startswith("ofcctl: cannot connect to "
                                          + closed) and not out,
               "closed port: exit 1 naming the URL", (rc, out, err))
        hang = socket.socket()
        hang.bind(("127.0.0.1", 0))
        hang.listen(1)
        silent = "http://127.0.0.1:%d" % hang.getsockname()[1]
        start = time.monotonic()
        rc, out, err = ctl.run("--url", silent, "--timeout", "0.5",
                               "switches", url=False)
        took = time.monotonic() - start
        tap.ok(rc == 1 and "did not answer within 0.5 seconds" in err
               and silent in err and took < 5,
               "a silent server: exit 1 after --timeout (%.1f s)" % took,
               (rc, out, err))
        rc, out, err = ctl.run("--url", "https://127.0.0.1:1", "switches",
                               url=False)
        tap.ok(rc == 1 and "http://" in err, "https URL: exit 1, only "
               "http:// is supported", (rc, err))

        # --- URLs: IPv6, bad ports, names. ---
        v6_dir = os.path.join(work, "v6")
        os.mkdir(v6_dir)
        ofcd6 = Ofcd(v6_dir, args=["--rest", "[::1]:0"], name="ofcd6")
        try:
            ofcd6.start()
            tap.ok(ofcd6.rest_url and ofcd6.rest_url.startswith(
                "http://[::1]:"), "ofcd --rest [::1]:0 listens on IPv6",
                ofcd6.text())
            ctl6 = Ctl(ofcd6)
            rc, out, err = ctl6.run("switches")
            head, rows = table(out)
            tap.ok(rc == 0 and head[:2] == ["DPID", "ADDRESS"]
                   and rows == [],
                   "switches via --url http://[::1]:PORT: exit 0, no "
                   "switches", (ofcd6.rest_url, rc, out, err))
            rc, out, err = ctl6.run(
                "--url", ofcd6.rest_url[len("http://"):] + "/", "apps",
                url=False)
            tap.ok(rc == 0 and "l2" in out,
                   "apps via --url [::1]:PORT/ (no scheme, a slash): "
                   "exit 0", (rc, out, err))
            rc, out, err = ctl6.run("add-flow", "ff", STATIC)
            tap.ok(rc == 1 and "unknown_dpid" in err,
                   "add-flow over IPv6 with the token: passes auth, "
                   "unknown_dpid", (rc, out, err))
        finally:
            ofcd6.stop()

        bad_urls = ["http://127.0.0.1:0", "http://127.0.0.1:",
                    "http://[::1]:", "http://[::1]:0/v1", "127.0.0.1:0",
                    "http://127.0.0.1:99999", "http://[::1"]
        results = [(u,) + ctl.run("--url", u, "switches", url=False)
                   for u in bad_urls]
        tap.ok(all(r[1] == 2 and not r[2] for r in results),
               "%d URLs with port 0, an empty or a bad port: exit 2"
               % len(bad_urls), results)
        tap.ok(all(r[3].startswith("ofcctl: bad URL '%s'" % r[0])
                   and r[3].count("\n") == 1 and "[warn]" not in r[3]
                   for r in results),
               "bad ports: one line in ofcctl's words, no libevent "
               "warning", [r[3] for r in results])
        rc, out, err = ctl.run("--url", "http://no-such-host.invalid:8080",
                               "switches", url=False)
        tap.ok(rc == 1 and "cannot resolve host 'no-such-host.invalid'"
               in err and err.count("\n") == 1,
               "an unknown host name: exit 1, cannot resolve", (rc, err))

        # --- Terminal escapes from a (fake) server on [::1]. ---
        fake = V6Server(("::1", 0), FakeHandler)
        threading.Thread(target=fake.serve_forever, daemon=True).start()
        try:
            fake_url = "http://[::1]:%d" % fake.server_address[1]
            rc, out, err = ctl.run("--url", fake_url, "switches", url=False)
            tap.ok(rc == 0 and "00000000000000e1" in out and clean(out)
                   and "1.2.3.4:5?[31m" in out and "re?ady" in out,
                   "table cells: every control character becomes '?'",
                   (rc, out, err))
            tap.ok(FakeHandler.hosts[-1:] == ["[::1]:%d"
                                              % fake.server_address[1]],
                   "IPv6: the Host header keeps the brackets",
                   FakeHandler.hosts)
            rc, out, err = ctl.run("--url", fake_url, "apps", url=False)
            tap.ok(rc == 1 and "boom ?]0;pwned?" in err and clean(err),
                   "a server's error message: control characters become "
                   "'?'", (rc, err))
            rc, out, err = ctl.run("--url", fake_url, "metrics", url=False)
            tap.ok(rc == 1 and "HTTP 502" in err and clean(err),
                   "a server's non-JSON error: control characters become "
                   "'?'", (rc, err))
        finally:
            fake.shutdown()
            fake.server_close()
        rc, out, err = ctl.run("flows", DPID, "--app", "a\x1bb")
        tap.ok(rc == 1 and 'app: no app is named "a?b"' in err
               and clean(err),
               "an error echoing the command line's ESC shows '?'",
               (rc, err))

        # --- Command line. ---
        rc, out, err = ctl.run("--help", url=False, state_dir=False)
        tap.ok(rc == 0 and all("\n  " + c in out for c in COMMANDS)
               and all(o in out for o in ("--url", "--token", "--state-dir",
                                          "--json", "--timeout")),
               "--help: exit 0, every command and option", out)
        tap.ok("(default 15;" in out and "--cookie V[/MASK]" in out
               and "--port PORT" in out,
               "--help: the 15 s default timeout, --cookie and --port",
               out)
        usage_cases = [
            ("ports",), ("flows",), ("switches", "extra"),
            ("flows", DPID, "--bogus", "1"), ("flows", DPID, "--table"),
            ("add-flow", DPID), ("del-flow", DPID),
            ("--timeout", "abc", "switches"), ("--url",), ("frobnicate",),
        ]
        results = [(args,) + ctl.run(*args) for args in usage_cases]
        tap.ok(all(r[1] == 2 for r in results),
               "%d bad command lines: exit 2" % len(usage_cases),
               [(r[0], r[1], r[3]) for r in results if r[1] != 2])
        tap.ok(all(r[3].startswith("ofcctl: ") and "--help" in r[3]
                   and r[2] == "" for r in results),
               "bad command lines: one usage message, nothing on stdout",
               [(r[0], r[3]) for r in results])
        rc, out, err = ctl.run("del-flow", DPID, "x")
        tap.ok(rc == 1 and err.startswith("ofcctl: "),
               "del-flow with a non-numeric id: the server's error, exit 1",
               (rc, err))
        rc, out, err = ctl.run("ports", "00:00:00:00:00:00:00:e1")
        head, rows = table(out)
        tap.ok(rc == 0 and len(rows) == 3,
               "a colon-separated dpid is escaped and accepted",
               (rc, out, err))

        # Nothing was left behind on the switch by the test's flows.
        tap.ok(wait_for(lambda: "priority=1000" not in dump_flows(box)
                        and "priority=7," not in dump_flows(box), 10),
               "every flow added by ofcctl is gone again", dump_flows(box))
        status, doc = api(ofcd, "/v1/static-flows")
        tap.ok(status == 200 and not doc.get("flows"),
               "no static flows remain stored", (status, doc))
        rc = ofcd.stop()
        tap.ok(rc == 0, "ofcd exits cleanly", ofcd.text()[-3000:])
    except Exception:  # noqa: BLE001
        import traceback
        tap.diag(traceback.format_exc())
        tap.diag(ofcd.text()[-3000:])
        tap.failed += 1
    finally:
        if hang is not None:
            hang.close()
        ofcd.stop()
        box.stop()
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
