#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""The static app: the operator's flows over REST, persisted, reconciled.

A private Open vSwitch (Sandbox) runs a userspace bridge connected to ofcd
(with its default --rest and --state-dir).  Checked:
- POST in text and structured form (201, GET returns the same object, the
  flow is on the switch with the right match and actions), DELETE (200,
  flow gone from the store and the switch);
- a table of bad requests: each gets its status and error code and
  changes nothing (GET /v1/static-flows and dump-flows are unchanged);
- missing and wrong tokens get 401 and change nothing;
- a flow whose hard timeout expires is forgotten by the store;
- a POST or DELETE whose save fails gets 500 storage and changes nothing;
- kill -9 right after a 201: after a restart with the same state
  directory the flow is served and re-installed (after it was removed
  from the switch behind ofcd's back), a flow deleted before the kill
  stays gone, and ids are not reused;
- a corrupt static-flows.json, or one with a flow that no longer parses,
  stops ofcd at start with a message naming the file (and the .prev copy
  is there).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ofc_sandbox import OFCD, Ofcd, Sandbox, Tap, wait_for  # noqa: E402

DPID = "00000000000000a1"
OTHER_DPID = "00000000000000b2"          # Never connected.
FLOWS = "/v1/switches/%s/flows" % DPID
TOKENS = {}                              # API token by state dir.


def request(ofcd, method, path, body=None, token="good"):
    """Returns (status, parsed JSON body or None).  'body' is an object
    (sent as JSON) or bytes (sent as is); 'token' is "good", None (no
    header) or a literal wrong token."""
    data = body if isinstance(body, (bytes, type(None))) else \
        json.dumps(body).encode()
    req = urllib.request.Request(ofcd.rest_url + path, data=data,
                                 method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token == "good":
        # The token file is read once: a test below hides the state dir.
        if ofcd.state_dir not in TOKENS:
            TOKENS[ofcd.state_dir] = ofcd.token
        req.add_header("Authorization", "Bearer " + TOKENS[ofcd.state_dir])
    elif token is not None:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def dump(sb):
    """The bridge's flows as a sorted list of lines without the counters
    and durations that change by themselves."""
    out = sb.ofctl("dump-flows", "br0")
    lines = []
    for line in out.splitlines()[1:]:
        line = re.sub(r" (duration|n_packets|n_bytes|idle_age|hard_age)"
                      r"=[^ ,]*,?", "", line.strip())
        lines.append(line)
    return sorted(lines)


def has_flow(sb, cookie, text):
    """True if the bridge has a flow with 'cookie' (int) whose dump line
    ends with 'text' (the match and actions)."""
    want = "cookie=%#x," % cookie
    return any(want in line and line.endswith(text) for line in dump(sb))


def static_flows(ofcd):
    return request(ofcd, "GET", "/v1/static-flows")


def main():
    tap = Tap(77)
    workdir = tempfile.mkdtemp(prefix="ofc-test-rest-static.")
    sb = Sandbox()
    ofcd = Ofcd(workdir)
    try:
        sb.start()
        ofcd.start()
        sb.add_bridge(DPID, ofcd.port)
        tap.ok(ofcd.wait_log(r"reconcile: .*", 15) is not None,
               "bridge connected and reconciled")
        run(tap, sb, ofcd, workdir)
    finally:
        ofcd.stop()
        sb.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return tap.done()


def run(tap, sb, ofcd, workdir):
    # ---- Happy path, text form. ----------------------------------------
    st, f1 = request(ofcd, "POST", FLOWS, {
        "flow": "priority=100,in_port=1,actions=output:2",
        "description": "p1 to p2"})
    tap.ok(st == 201 and isinstance(f1, dict)
           and isinstance(f1.get("id"), int) and f1.get("dpid") == DPID
           and f1.get("flow") == "table=0,priority=100,in_port=1 "
           "actions=output:2" and f1.get("description") == "p1 to p2",
           "text form: 201 with id, dpid, canonical flow and description",
           (st, f1))
    cookie1 = int(f1["cookie"], 16)
    tap.ok(cookie1 >> 52 == 0x0fc and cookie1 & 0xfffffffffff == f1["id"],
           "cookie is ours with the id in its low bits", f1)
    st, got = request(ofcd, "GET", "%s/%d" % (FLOWS, f1["id"]))
    tap.ok(st == 200 and got == f1, "GET returns the same object", got)
    tap.ok(wait_for(lambda: has_flow(sb, cookie1, "priority=100,in_port=1 "
                                     "actions=output:2"), 5),
           "text-form flow is on the switch", dump(sb))

    # ---- Happy path, structured form. ----------------------------------
    body2 = {"table": 0, "priority": 200,
             "match": {"in_port": 2, "dl_type": "0x0800",
                       "nw_dst": "10.0.0.0/8"},
             "actions": [{"type": "set_field", "field": "eth_dst",
                          "value": "00:11:22:33:44:55"},
                         {"type": "output", "port": 1}],
             "idle_timeout": 0, "hard_timeout": 0}
    st, f2 = request(ofcd, "POST", FLOWS, body2)
    tap.ok(st == 201 and isinstance(f2, dict) and f2.get("flow") ==
           "table=0,priority=200,ip,in_port=2,nw_dst=10.0.0.0/8 "
           "actions=set_field:00:11:22:33:44:55->eth_dst,output:1"
           and f2.get("match") == body2["match"]
           and f2.get("actions") == body2["actions"]
           and f2.get("id", 0) > f1["id"],
           "structured form: 201 with canonical flow and the body echoed",
           (st, f2))
    st, got = request(ofcd, "GET", "%s/%d" % (FLOWS, f2["id"]))
    tap.ok(st == 200 and got == f2, "GET returns the same object", got)
    cookie2 = int(f2["cookie"], 16)
    tap.ok(wait_for(lambda: has_flow(
        sb, cookie2, "priority=200,ip,in_port=2,nw_dst=10.0.0.0/8 "
        "actions=set_field:00:11:22:33:44:55->eth_dst,output:1"), 5),
        "structured flow is on the switch", dump(sb))

    # A structured flow with an instruction, in another table.
    st, f3 = request(ofcd, "POST", FLOWS, {
        "table": 7, "priority": 5, "match": {"dl_dst": "02:00:00:00:00:07"},
        "actions": [{"type": "push_vlan"},
                    {"type": "set_field", "field": "vlan_vid",
                     "value": 4096 + 10},
                    {"type": "goto_table", "table": 8}]})
    tap.ok(st == 201 and isinstance(f3, dict) and f3.get("flow") ==
           "table=7,priority=5,dl_dst=02:00:00:00:00:07 actions=push_vlan:"
           "0x8100,set_field:4106->vlan_vid,goto_table:8",
           "structured form with push_vlan and goto_table", (st, f3))
    tap.ok(wait_for(lambda: any(
        "table=7" in line and "cookie=%#x," % int(f3["cookie"], 16) in line
        and "goto_table:8" in line for line in dump(sb)), 5),
        "flow in table 7 is on the switch", dump(sb))

    st, lst = static_flows(ofcd)
    tap.ok(st == 200 and lst == {"flows": [f1, f2, f3]},
           "GET /v1/static-flows lists the three objects", lst)
    st, lst = request(ofcd, "GET", "/v1/static-flows?dpid=" + OTHER_DPID)
    tap.ok(st == 200 and lst == {"flows": []}, "?dpid= filters", lst)
    st, apps = request(ofcd, "GET", "/v1/apps")
    status = [a.get("status") for a in (apps or {}).get("apps", [])
              if a.get("name") == "static"]
    tap.ok(status == [{"flows": 3, "switches": 1}],
           "/v1/apps shows the static app's status", apps)

    # ---- Bad requests change nothing. ----------------------------------
    # The l2 app's cookies carry its index in the app table + 1.
    names = [a.get("name") for a in (apps or {}).get("apps", [])]
    l2_prefix = "cookie=0xfc%02x" % (names.index("l2") + 1 if "l2" in names
                                     else 0xff)
    l2_line = next((line for line in dump(sb)
                    if line.startswith(l2_prefix)
                    and "table=0" in line), None)
    l2_flow = None
    if l2_line:
        m = re.match(r"cookie=\S+ table=0, (priority=\d+\S*) actions=",
                     l2_line)
        l2_flow = m.group(1) + ",actions=drop" if m else None
    long_desc = "x" * 300
    cases = [
        ("malformed JSON", "POST", FLOWS, b'{"flow": ', 400, "bad_json",
         None),
        ("body is an array", "POST", FLOWS, [1], 400, "bad_type", None),
        ("unknown top-level field (text form)", "POST", FLOWS,
         {"flow": "priority=1,actions=drop", "bogus": 1}, 400,
         "unknown_field", "$.bogus"),
        ("unknown top-level field (structured)", "POST", FLOWS,
         {"actions": [], "colour": "red"}, 400, "unknown_field",
         "$.colour"),
        ("unknown match field", "POST", FLOWS,
         {"match": {"in_prt": 1}, "actions": []}, 400, "unknown_field",
         "$.match.in_prt"),
        ("unknown field in an action", "POST", FLOWS,
         {"actions": [{"type": "output", "port": 2, "speed": 1}]}, 400,
         "unknown_field", "$.actions[0].speed"),
        ("priority as a string", "POST", FLOWS,
         {"priority": "100", "actions": []}, 400, "bad_type", "$.priority"),
        ("match as an array", "POST", FLOWS,
         {"match": [1], "actions": []}, 400, "bad_type", "$.match"),
        ("actions as an object", "POST", FLOWS,
         {"actions": {"type": "drop"}}, 400, "bad_type", "$.actions"),
        ("in_port as a boolean", "POST", FLOWS,
         {"match": {"in_port": True}, "actions": []}, 400, "bad_type",
         "$.match.in_port"),
        ("flow as a number", "POST", FLOWS, {"flow": 5}, 400, "bad_type",
         "$.flow"),
        ("priority 70000", "POST", FLOWS,
         {"priority": 70000, "actions": []}, 400, "bad_value",
         "$.priority"),
        ("table 255", "POST", FLOWS, {"table": 255, "actions": []}, 400,
         "bad_value", "$.table"),
        ("idle_timeout -1", "POST", FLOWS,
         {"idle_timeout": -1, "actions": []}, 400, "bad_value",
         "$.idle_timeout"),
        ("output to port 0", "POST", FLOWS,
         {"actions": [{"type": "output", "port": 0}]}, 400, "bad_value",
         "$.actions[0].port"),
        ("tp_dst without a protocol", "POST", FLOWS,
         {"match": {"tp_dst": 80}, "actions": []}, 400, "bad_value",
         "$.match.tp_dst"),
        ("bad match value", "POST", FLOWS,
         {"match": {"nw_dst": "10.0.0.300"}, "actions": []}, 400,
         "bad_value", "$.match.nw_dst"),
        ("missing actions", "POST", FLOWS, {"priority": 3}, 400,
         "missing_field", "$.actions"),
        ("unknown action type", "POST", FLOWS,
         {"actions": [{"type": "teleport"}]}, 400, "bad_value",
         "$.actions[0].type"),
        ("cookie in the structured form", "POST", FLOWS,
         {"cookie": "0x1", "actions": []}, 400, "bad_value", "$.cookie"),
        ("cookie in the text form", "POST", FLOWS,
         {"flow": "cookie=0x5,priority=9,actions=drop"}, 400, "bad_flow",
         "cookie"),
        ("description too long", "POST", FLOWS,
         {"flow": "priority=9,actions=drop", "description": long_desc},
         400, "bad_value", "$.description"),
        ("bad flow string", "POST", FLOWS,
         {"flow": "priority=10,in_port=1,actions=frobnicate"}, 400,
         "bad_flow", "frobnicate"),
        ("table=255 in the text form", "POST", FLOWS,
         {"flow": "table=255,actions=drop"}, 400, "bad_flow", "$.flow"),
        ("unknown dpid", "POST", "/v1/switches/%s/flows" % OTHER_DPID,
         {"flow": "priority=9,actions=drop"}, 404, "unknown_dpid", None),
        ("bad dpid", "POST", "/v1/switches/xyz/flows",
         {"flow": "priority=9,actions=drop"}, 400, "bad_dpid", None),
        ("GET unknown id", "GET", FLOWS + "/999999", None, 404,
         "not_found", None),
        ("DELETE unknown id", "DELETE", FLOWS + "/999999", None, 404,
         "not_found", None),
        ("DELETE an id of another dpid", "DELETE",
         "/v1/switches/%s/flows/%d" % (OTHER_DPID, f1["id"]), None, 404,
         "not_found", None),
        ("DELETE a non-numeric id", "DELETE", FLOWS + "/abc", None, 400,
         "bad_value", None),
        ("duplicate of a static flow", "POST", FLOWS,
         {"flow": "priority=100,in_port=1,actions=output:3"}, 409,
         "conflict", "flow %d" % f1["id"]),
        ("duplicate in structured form", "POST", FLOWS,
         {"priority": 200, "match": {"dl_type": 2048, "in_port": 2,
                                     "nw_dst": "10.0.0.0/8"},
          "actions": []}, 409, "conflict", "flow %d" % f2["id"]),
        ("same key as another app's flow", "POST", FLOWS,
         {"flow": l2_flow or "no l2 flow found"}, 409, "conflict",
         "another app"),
        ("unknown query parameter", "GET", "/v1/static-flows?bogus=1",
         None, 400, "unknown_field", None),
    ]
    for name, method, path, body, want_st, want_code, needle in cases:
        before = (static_flows(ofcd), dump(sb))
        st, doc = request(ofcd, method, path, body)
        after = (static_flows(ofcd), dump(sb))
        code = doc.get("error") if isinstance(doc, dict) else None
        msg = doc.get("message", "") if isinstance(doc, dict) else ""
        tap.ok(st == want_st and code == want_code
               and (needle is None or needle in msg) and before == after,
               "%s: %d %s, nothing changed" % (name, want_st, want_code),
               (st, doc, before == after))

    # ---- Tokens. -------------------------------------------------------
    for name, token, method, path in (
            ("POST without a token", None, "POST", FLOWS),
            ("POST with a wrong token", "0" * 64, "POST", FLOWS),
            ("DELETE with a wrong token", "0" * 64, "DELETE",
             "%s/%d" % (FLOWS, f1["id"]))):
        before = (static_flows(ofcd), dump(sb))
        st, doc = request(ofcd, method, path,
                          {"flow": "priority=42,actions=drop"}
                          if method == "POST" else None, token=token)
        after = (static_flows(ofcd), dump(sb))
        tap.ok(st == 401 and (doc or {}).get("error") == "unauthorized"
               and before == after, "%s: 401, nothing changed" % name,
               (st, doc))

    # ---- DELETE. -------------------------------------------------------
    st, doc = request(ofcd, "DELETE", "%s/%d" % (FLOWS, f1["id"]))
    tap.ok(st == 200 and doc == f1, "DELETE returns the deleted object",
           (st, doc))
    st, doc = request(ofcd, "GET", "%s/%d" % (FLOWS, f1["id"]))
    tap.ok(st == 404 and (doc or {}).get("error") == "not_found",
           "GET after DELETE: 404", (st, doc))
    tap.ok(wait_for(lambda: not any("cookie=%#x," % cookie1 in line
                                    for line in dump(sb)), 5),
           "deleted flow is gone from the switch", dump(sb))
    st, lst = static_flows(ofcd)
    tap.ok(st == 200 and lst == {"flows": [f2, f3]},
           "deleted flow is gone from /v1/static-flows", lst)
    st, doc = request(ofcd, "DELETE", "%s/%d" % (FLOWS, f1["id"]))
    tap.ok(st == 404, "second DELETE: 404", (st, doc))

    # ---- A flow whose timeout expires on the switch is forgotten. -------
    st, ft = request(ofcd, "POST", FLOWS, {
        "priority": 60, "match": {"in_port": 2}, "hard_timeout": 1,
        "actions": [{"type": "drop"}]})
    tap.ok(st == 201 and (ft or {}).get("hard_timeout") == 1
           and ft.get("flow") == "table=0,priority=60,in_port=2,"
           "hard_timeout=1 actions=drop", "flow with hard_timeout=1: 201",
           (st, ft))
    tap.ok(wait_for(lambda: static_flows(ofcd) == (200, {"flows": [f2, f3]})
                    and not any("priority=60," in line
                                for line in dump(sb)), 6),
           "expired flow is gone from the switch and the store",
           (static_flows(ofcd), dump(sb)))

    # ---- A save that fails changes nothing. ----------------------------
    # The state directory is swapped for a plain file, so that saving
    # fails (ENOTDIR) even for root.  Not even briefly on the switch: Open
    # vSwitch logs every OpenFlow message it receives (vconn at debug
    # level, e.g. "received: OFPT_FLOW_MOD (OF1.3) (xid=0x9): ADD ..."),
    # and must log no FLOW_MOD for the failed POST or DELETE.  The same
    # requests made afterwards, with saving working, are logged; as one
    # connection delivers in order, anything the failed ones sent would be
    # logged before those.
    sb.run("ovs-appctl", "-t", "ovs-vswitchd", "vlog/set", "vconn:file:dbg")
    vlog = os.path.join(sb.dir, "ovs-vswitchd.log")
    post77 = {"flow": "priority=77,in_port=2,actions=output:1"}

    def flow_mods(since, command, needle):
        """The FLOW_MOD lines whose command starts with 'command' (ADD,
        DEL for DEL and DEL_STRICT, ...) and that contain 'needle', which
        vswitchd logged after offset 'since'."""
        with open(vlog, errors="replace") as f:
            f.seek(since)
            return [line.strip() for line in f if "OFPT_FLOW_MOD" in line
                    and "): " + command in line and needle in line]

    ofs = os.path.getsize(vlog)
    moved = ofcd.state_dir + ".moved"
    os.rename(ofcd.state_dir, moved)
    open(ofcd.state_dir, "w").close()
    try:
        for name, method, path, body in (
                ("POST", "POST", FLOWS, post77),
                ("DELETE", "DELETE", "%s/%d" % (FLOWS, f2["id"]), None)):
            before = (static_flows(ofcd), dump(sb))
            st, doc = request(ofcd, method, path, body)
            same = wait_for(lambda: (static_flows(ofcd), dump(sb))
                            == before, 3)
            tap.ok(st == 500 and (doc or {}).get("error") == "storage"
                   and same, "%s while the state file cannot be written: "
                   "500 storage, nothing changed" % name, (st, doc))
    finally:
        os.remove(ofcd.state_dir)
        os.rename(moved, ofcd.state_dir)

    st, f77 = request(ofcd, "POST", FLOWS, post77)
    st2, _ = request(ofcd, "DELETE", "%s/%d" % (FLOWS, (f77 or {}).get(
        "id", 0)))
    tap.ok(st == 201 and st2 == 200
           and wait_for(lambda: flow_mods(ofs, "ADD", "priority=77,")
                        and flow_mods(ofs, "DEL", "priority=77,"), 5),
           "the same POST once saving works: 201, and the switch logs its "
           "ADD (and its DELETE's DEL_STRICT)", (st, st2))
    mods77 = flow_mods(ofs, "", "priority=77,")
    tap.ok(len(mods77) == 2 and "): ADD " in mods77[0],
           "POST whose save failed: the switch never got a FLOW_MOD for "
           "it (only the later successful POST's ADD and DELETE)", mods77)
    tap.ok(not flow_mods(ofs, "DEL", "priority=200,"),
           "DELETE whose save failed: the switch never got a delete for "
           "it", flow_mods(ofs, "DEL", "priority=200,"))
    sb.run("ovs-appctl", "-t", "ovs-vswitchd", "vlog/set", "vconn:file:info")

    # ---- kill -9 right after a 201. ------------------------------------
    st, fx = request(ofcd, "POST", FLOWS,
                     {"flow": "priority=50,in_port=2,actions=drop"})
    st2, _ = request(ofcd, "DELETE", "%s/%d" % (FLOWS, fx.get("id", 0)))
    tap.ok(st == 201 and st2 == 200, "a flow posted and deleted before "
           "the kill", (st, st2))
    st, fy = request(ofcd, "POST", FLOWS, {
        "priority": 300, "match": {"in_port": 1, "dl_type": "0x0806"},
        "actions": [{"type": "output", "port": "LOCAL"}],
        "description": "survives kill -9"})
    ofcd.kill()
    tap.ok(st == 201 and not ofcd.alive(), "201, then ofcd killed with "
           "SIGKILL", (st, fy))
    cookie_y = int(fy["cookie"], 16)
    # The FLOW_MOD may or may not have left before the kill; either way
    # the flow is taken off the switch, so the restart must put it back.
    sb.ofctl("del-flows", "br0", "cookie=%#x/-1" % cookie_y)
    tap.ok(not has_flow(sb, cookie_y, "actions=LOCAL"),
           "flow not on the switch after the kill (removed behind ofcd's "
           "back)", dump(sb))

    ofcd.start()
    sb.vsctl("set-controller", "br0", "tcp:127.0.0.1:%d" % ofcd.port)
    tap.ok(ofcd.wait_log(r"reconcile: .*", 15) is not None
           and ofcd.wait_log(r"restored 3 static flows", 1) is not None,
           "restarted with the same state dir: 3 flows restored",
           ofcd.text())
    st, got = request(ofcd, "GET", "%s/%d" % (FLOWS, fy["id"]))
    tap.ok(st == 200 and got == fy, "GET returns the object after the "
           "restart", (st, got))
    tap.ok(wait_for(lambda: has_flow(sb, cookie_y, "priority=300,arp,"
                                     "in_port=1 actions=LOCAL"), 5),
           "the flow is back on the switch", dump(sb))
    st, doc = request(ofcd, "GET", "%s/%d" % (FLOWS, fx["id"]))
    cookie_x = int(fx["cookie"], 16)
    tap.ok(st == 404 and not any("cookie=%#x," % cookie_x in line
                                 for line in dump(sb)),
           "the flow deleted before the kill stays gone", (st, dump(sb)))
    st, lst = static_flows(ofcd)
    tap.ok(st == 200 and lst == {"flows": [f2, f3, fy]},
           "/v1/static-flows is as before the kill", lst)
    tap.ok(has_flow(sb, cookie2, "actions=set_field:00:11:22:33:44:55->"
                    "eth_dst,output:1"), "older flows still on the switch",
           dump(sb))
    st, fz = request(ofcd, "POST", FLOWS,
                     {"flow": "priority=51,in_port=2,actions=drop"})
    tap.ok(st == 201 and fz.get("id", 0) > fy["id"],
           "ids are not reused after the restart", (st, fz))

    # ---- Corrupt state files stop ofcd. --------------------------------
    tap.ok(ofcd.stop() == 0, "ofcd stopped cleanly")
    state = os.path.join(ofcd.state_dir, "static-flows.json")
    with open(state, "w") as f:
        f.write("{garbage")
    r = run_ofcd(ofcd)
    tap.ok(r.returncode != 0 and "static-flows.json" in r.stdout + r.stderr,
           "corrupt file: ofcd exits %d naming the file" % r.returncode,
           r.stdout + r.stderr)
    tap.ok(os.path.exists(state + ".prev"), "the .prev copy is present")
    with open(state + ".prev") as f:
        prev = json.load(f)
    tap.ok(isinstance(prev.get("data", {}).get("flows"), list),
           "the .prev copy is a valid state document", prev)

    with open(state, "w") as f:
        json.dump({"version": 1, "data": {"next_id": 10, "flows": [{
            "id": 9, "dpid": DPID, "table": 0, "priority": 1,
            "idle_timeout": 0, "hard_timeout": 0,
            "flow": "priority=1 actions=frobnicate"}]}}, f)
    r = run_ofcd(ofcd)
    out = r.stdout + r.stderr
    tap.ok(r.returncode != 0 and "static-flows.json" in out
           and "flow 9" in out, "a stored flow that no longer parses: "
           "ofcd exits naming the file and the id", out)


def run_ofcd(ofcd):
    """Runs ofcd with the test's state directory to the end (it must
    fail at start); returns the CompletedProcess."""
    try:
        return subprocess.run(
            [OFCD, "--listen", "tcp:127.0.0.1:0", "--rest", "127.0.0.1:0",
             "--state-dir", ofcd.state_dir], capture_output=True, text=True,
            timeout=10)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, 0, "", "did not exit")


if __name__ == "__main__":
    sys.exit(main())
