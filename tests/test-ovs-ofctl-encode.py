#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Our decoder against requests encoded by Open vSwitch itself.

Starts tests/fake_switch.py on a free local port, points
`ovs-ofctl -O OpenFlow13 --no-names COMMAND tcp:127.0.0.1:PORT ...` at it
for many flows, groups, meters, port mods, bundles and dump requests, and
captures every message ovs-ofctl sends.  Each captured message is decoded
by us (`conformance-gen --decode`) and by Open vSwitch (`ovs-ofctl
ofp-parse`), and the two texts must agree after tests/ofc_normalise.py.
For add-flow, Open vSwitch's text must also agree with its own
`ovs-ofctl parse-flow` of the flow string we gave it, so the chain
"flow string -> bytes -> our text" keeps its meaning end to end.

One TAP line per command.  Environment: OFC_BUILD (default build-check/ in
the repo root) locates tests/conformance-gen.
"""

import concurrent.futures
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ofc_normalise  # noqa: E402

REPO = os.path.dirname(HERE)
BUILD = os.environ.get("OFC_BUILD", os.path.join(REPO, "build-check"))
GEN = os.path.join(BUILD, "tests", "conformance-gen")
PYTHON = "/usr/bin/python3"
OFCTL = ["ovs-ofctl", "-O", "OpenFlow13", "--no-names"]
DIAG_WIDTH = 400
N_SWITCHES = 4

# Flows for add-flow: many match fields and actions, including ct with
# nat, conjunction, resubmit, load/move and set_field.  No learn().
FLOWS = [
    "priority=100,in_port=1,actions=output:2",
    "table=1,priority=200,ip,nw_src=10.0.0.0/8,nw_dst=192.168.1.1,"
    "actions=ct(commit,zone=5,nat(src=10.0.0.1-10.0.0.5:100-200)),output:2",
    "table=1,ct_state=+trk+est,ip,actions=output:2",
    "table=2,conj_id=7,ip,actions=output:3",
    "table=2,ip,nw_src=10.0.0.1,actions=conjunction(7,1/2)",
    "table=2,tcp,tp_dst=80,actions=conjunction(7,2/2),conjunction(8,1/3)",
    "table=3,reg0=0x5,reg1=0x10/0xf0,actions=load:0x3->NXM_NX_REG2[0..7],"
    "move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],resubmit(,4)",
    "arp,arp_tpa=10.0.0.1,arp_op=1,"
    "actions=set_field:00:11:22:33:44:55->eth_src,output:in_port",
    "ipv6,ipv6_src=2001:db8::/32,actions=dec_ttl,output:1",
    "udp,tp_dst=9999,actions=CONTROLLER:128",
    "tcp6,tp_src=22,actions=meter:1,output:2",
    "dl_dst=ff:ff:ff:ff:ff:ff,actions=group:1",
    "ip,actions=ct(table=2,zone=NXM_NX_REG0[0..15])",
    "metadata=0x1/0xff,actions=write_actions(output:2),"
    "write_metadata:0x2/0xff,goto_table:5",
    "ct_state=-trk,tcp,actions=ct_clear,ct(table=6,zone=1)",
    "dl_vlan=10,dl_vlan_pcp=3,actions=pop_vlan,set_queue:1,output:1",
    "icmp,icmp_type=8,icmp_code=0,nw_tos=32,actions=mod_nw_ttl:9,output:1",
    "cookie=0x1234,table=4,idle_timeout=30,hard_timeout=60,send_flow_rem,"
    "tcp,tp_dst=443,actions=drop",
    "dl_src=00:11:22:33:44:55/ff:ff:ff:00:00:00,actions=NORMAL",
    "vlan_tci=0x1000/0x1000,actions=strip_vlan,output:3",
    "ip,nw_dst=10.1.0.0/16,actions=mod_dl_src:00:00:00:00:00:01,"
    "mod_dl_dst:00:00:00:00:00:02,output:2",
    "ip,ip_dscp=10,nw_ecn=1,actions=output:1",
    "udp6,ipv6_dst=fe80::1,udp_src=53,actions=output:1",
    "ipv6,ipv6_label=0x12345,actions=output:1",
    "icmp6,icmpv6_type=135,nd_target=fe80::2,nd_sll=00:11:22:33:44:55,"
    "actions=output:1",
    "icmp6,icmpv6_type=136,icmpv6_code=0,nd_tll=00:11:22:33:44:66,"
    "actions=output:1",
    "mpls,mpls_label=100,mpls_tc=3,mpls_bos=1,"
    "actions=pop_mpls:0x0800,output:1",
    "mpls,actions=dec_mpls_ttl,set_mpls_ttl:10,output:1",
    "ip,actions=push_mpls:0x8847,set_field:100->mpls_label,output:2",
    "tun_id=0x64,tun_src=192.168.0.1,tun_dst=192.168.0.2,actions=output:1",
    "ct_zone=5,ct_mark=0x1/0x1,ct_label=0x2,ip,actions=output:1",
    "sctp,sctp_src=1,sctp_dst=2,actions=output:1",
    "arp,arp_spa=10.0.0.1,arp_sha=00:11:22:33:44:55,"
    "arp_tha=00:00:00:00:00:00,actions=output:1",
    "ip,actions=ct(commit,zone=1,exec(set_field:0x1->ct_mark)),output:2",
    "ip,actions=ct(commit,nat(dst=10.0.0.5:8080)),output:2",
    "ipv6,actions=ct(commit,nat(src=fd00::1-fd00::5,random))",
    "tcp,actions=ct(commit,nat(src=10.0.0.1,persistent,hash)),output:1",
    "tcp,actions=ct(commit,alg=ftp)",
    "ip,actions=ct(nat),ct(commit,table=3)",
    "ip,actions=ct(commit,zone=NXM_NX_REG3[0..15],"
    "exec(move:NXM_NX_REG0[]->NXM_NX_CT_MARK[]))",
    "ct_state=+new-est+trk,ct_label=0x1/0x1,ip,"
    "actions=ct(commit,exec(set_field:0x2/0x2->ct_label)),output:1",
    "actions=resubmit(1,2),resubmit:3,resubmit(,5)",
    "actions=note:01.02.03,output:1",
    "actions=set_field:0x5->reg3,set_field:0x10/0xf0->reg4,output:1",
    "actions=push_vlan:0x88a8,set_field:4196->vlan_vid,output:1",
    "vlan_tci=0x0000/0x1fff,actions=push_vlan:0x8100,"
    "set_field:4097->vlan_vid,output:1",
    "actions=output:LOCAL,FLOOD,ALL,IN_PORT,controller",
    "tcp,actions=mod_tp_dst:8080,mod_tp_src:1000,output:1",
    "actions=clear_actions,goto_table:3",
    "in_port=LOCAL,actions=output:1",
    "dl_type=0x88cc,actions=drop",
    "ip,actions=set_field:10.0.0.9->ip_dst,set_field:10->ip_dscp,output:1",
    "actions=move:NXM_NX_REG0[]->NXM_NX_REG1[],load:0x1->NXM_NX_REG0[],"
    "output:1",
    "ipv6,actions=set_field:2001:db8::1->ipv6_src,"
    "set_field:0x123->ipv6_label,output:1",
    "udp,actions=set_field:53->udp_dst,set_field:1234->udp_src,output:1",
    "ip,nw_proto=47,actions=output:1",
    "tcp,nw_src=10.0.0.1/255.255.0.255,actions=output:1",
    "ip,in_port=1,actions=output:2,write_actions(group:3),goto_table:7",
    "ip,actions=move:NXM_OF_IP_SRC[0..15]->NXM_NX_REG5[16..31],output:1",
    "tcp,tp_dst=0x1000/0xf000,actions=output:1",
    "ip,actions=push_vlan:0x8100,mod_vlan_vid:5,mod_vlan_pcp:3,output:1",
    "ip,actions=set_field:0x8->tun_id,output:1",
    "reg15=0xffffffff,reg7=0x1/0x1,actions=resubmit(,9)",
    "ip,actions=dec_ttl,mod_nw_src:10.0.0.1,mod_nw_dst:10.0.0.2,output:1",
    "priority=0,actions=drop",
]

BUNDLE_FLOWS = """\
table=0,priority=10,in_port=1,actions=output:2
table=0,priority=10,in_port=2,actions=output:1
table=1,priority=5,ip,nw_dst=10.0.0.0/24,actions=ct(commit),output:1
"""

# Other commands: (label, arguments after the switch).
COMMANDS = [
    ("mod-flows", ["mod-flows", "{sw}", "table=1,ip,actions=output:3"]),
    ("mod-flows --strict", ["--strict", "mod-flows", "{sw}",
                            "priority=100,in_port=1,actions=drop"]),
    ("del-flows all", ["del-flows", "{sw}"]),
    ("del-flows match", ["del-flows", "{sw}", "table=1,tcp,tp_dst=80"]),
    ("del-flows --strict", ["--strict", "del-flows", "{sw}",
                            "priority=100,in_port=1"]),
    ("del-flows cookie", ["del-flows", "{sw}", "cookie=0x10/0xff"]),
    ("del-flows out_port", ["del-flows", "{sw}", "out_port=2"]),
    ("--bundle add-flow", ["--bundle", "add-flow", "{sw}",
                           "priority=7,ip,actions=ct(commit),output:2"]),
    ("--bundle add-flows", ["--bundle", "add-flows", "{sw}",
                            "{bundle_file}"]),
    ("add-group all", ["add-group", "{sw}",
                       "group_id=1,type=all,bucket=output:1,bucket=output:2"]),
    ("add-group select", ["add-group", "{sw}",
                          "group_id=2,type=select,"
                          "bucket=weight:10,actions=output:1,"
                          "bucket=weight:20,actions=output:2"]),
    ("add-group ff", ["add-group", "{sw}",
                      "group_id=3,type=ff,"
                      "bucket=watch_port:1,actions=output:1,"
                      "bucket=watch_port:2,actions=output:2"]),
    ("add-group indirect", ["add-group", "{sw}",
                            "group_id=4,type=indirect,bucket=actions="
                            "set_field:00:00:00:00:00:01->eth_dst,output:3"]),
    ("mod-group", ["mod-group", "{sw}",
                   "group_id=1,type=all,bucket=output:3"]),
    ("del-groups one", ["del-groups", "{sw}", "group_id=1"]),
    ("del-groups all", ["del-groups", "{sw}"]),
    ("add-meter drop", ["add-meter", "{sw}",
                        "meter=1,kbps,burst,stats,"
                        "bands=type=drop,rate=1000,burst_size=100"]),
    ("add-meter dscp_remark", ["add-meter", "{sw}",
                               "meter=2,pktps,bands=type=dscp_remark,"
                               "rate=100,prec_level=1"]),
    ("mod-meter", ["mod-meter", "{sw}",
                   "meter=1,kbps,bands=type=drop,rate=2000"]),
    ("del-meter", ["del-meter", "{sw}", "meter=1"]),
    ("mod-port down", ["mod-port", "{sw}", "1", "down"]),
    ("mod-port up", ["mod-port", "{sw}", "2", "up"]),
    ("mod-port no-receive", ["mod-port", "{sw}", "1", "no-receive"]),
    ("mod-port no-forward", ["mod-port", "{sw}", "2", "no-forward"]),
    ("mod-port no-packet-in", ["mod-port", "{sw}", "1", "no-packet-in"]),
    ("packet-out", ["packet-out", "{sw}",
                    "in_port=controller packet=ffffffffffff020000000001"
                    "080600010800060400010200000000010a000001"
                    "0000000000000a000002 actions=output:1"]),
    ("packet-out in_port", ["packet-out", "{sw}",
                            "in_port=1 packet=02000000000202000000000108004500"
                            "001c000100004011f9cc0a0000010a00000204d200350008"
                            "0000 actions=ct(commit),output:2"]),
    ("dump-flows", ["dump-flows", "{sw}"]),
    ("dump-flows match", ["dump-flows", "{sw}", "table=1,tcp,tp_dst=80"]),
    ("dump-flows cookie", ["dump-flows", "{sw}", "cookie=0x5/-1"]),
    ("dump-aggregate", ["dump-aggregate", "{sw}", "table=2"]),
    ("dump-tables", ["dump-tables", "{sw}"]),
    ("dump-table-features", ["dump-table-features", "{sw}"]),
    ("dump-ports", ["dump-ports", "{sw}"]),
    ("dump-ports one", ["dump-ports", "{sw}", "1"]),
    ("dump-ports-desc", ["dump-ports-desc", "{sw}"]),
    ("dump-groups", ["dump-groups", "{sw}"]),
    ("dump-group-stats", ["dump-group-stats", "{sw}"]),
    ("dump-group-features", ["dump-group-features", "{sw}"]),
    ("dump-meters", ["dump-meters", "{sw}"]),
    ("meter-stats", ["meter-stats", "{sw}"]),
    ("meter-features", ["meter-features", "{sw}"]),
    ("queue-stats", ["queue-stats", "{sw}"]),
    ("dump-desc", ["dump-desc", "{sw}"]),
    ("show", ["show", "{sw}"]),
    ("get-frags", ["get-frags", "{sw}"]),
    ("set-frags", ["set-frags", "{sw}", "drop"]),
]

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


def clip(s):
    return s if len(s) <= DIAG_WIDTH else s[:DIAG_WIDTH] + "..."


class FakeSwitch:
    """tests/fake_switch.py as a child process, and its record file."""

    def __init__(self, tmpdir, index):
        self.record = os.path.join(tmpdir, "record%d.txt" % index)
        open(self.record, "w").close()
        self.proc = subprocess.Popen(
            [PYTHON, os.path.join(HERE, "fake_switch.py"), self.record],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.proc.stdout], [], [], 15)
        line = self.proc.stdout.readline() if ready else ""
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError("fake switch did not start")
        self.target = "tcp:127.0.0.1:%d" % int(line.split()[1])

    def offset(self):
        return os.path.getsize(self.record)

    def messages_since(self, offset, deadline):
        """Returns the messages of every connection opened after 'offset',
        waiting until each of those connections has closed."""
        while True:
            with open(self.record) as f:
                f.seek(offset)
                lines = f.read().splitlines()
            opened, closed, msgs, errors = [], set(), {}, []
            for line in lines:
                conn, what, *rest = line.split(" ", 2)
                if what == "open":
                    opened.append(conn)
                    msgs[conn] = []
                elif what == "close":
                    closed.add(conn)
                elif what == "msg" and conn in msgs:
                    msgs[conn].append(rest[0])
                elif conn in msgs:
                    errors.append(line)
            if set(opened) <= closed or time.time() > deadline:
                done = set(opened) <= closed
                return ([m for c in opened for m in msgs[c]], errors,
                        done)
            time.sleep(0.02)

    def stop(self):
        """Ends the fake switch (our own child, by its PID)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.proc.stdin.close()
        self.proc.stdout.close()


def run_ofctl(args, sw, files):
    argv = []
    for a in args:
        a = a.replace("{sw}", sw.target)
        for key, path in files.items():
            a = a.replace("{%s}" % key, path)
        argv.append(a)
    return subprocess.run(OFCTL + argv, capture_output=True, text=True,
                          timeout=30)


def capture(case, sw, files):
    """Runs one command against 'sw'; returns (process, messages, errors,
    all connections closed)."""
    _, args, _ = case
    start = sw.offset()
    p = run_ofctl(args, sw, files)
    msgs, errors, done = sw.messages_since(start, time.time() + 10)
    return p, msgs, errors, done


def ovs_parse(hexstr, tmpdir, index):
    path = os.path.join(tmpdir, "m%d.bin" % index)
    with open(path, "wb") as f:
        f.write(bytes.fromhex(hexstr))
    p = subprocess.run(["ovs-ofctl", "ofp-parse", path], capture_output=True,
                       text=True, timeout=30)
    return p.stdout, p.stderr, p.returncode


def ours_decode(hexes):
    """Our text for each message, in order."""
    p = subprocess.run([GEN, "--decode", "-"], input="\n".join(hexes) + "\n",
                       capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError("conformance-gen --decode failed: " + p.stderr)
    out = p.stdout.splitlines()
    if len(out) != len(hexes):
        raise RuntimeError("conformance-gen --decode gave %d lines for %d "
                           "messages" % (len(out), len(hexes)))
    return out


def parse_flow_text(flow):
    """Open vSwitch's own FLOW_MOD text for 'flow' (the last line of
    `ovs-ofctl parse-flow`)."""
    p = subprocess.run(["ovs-ofctl", "-O", "OpenFlow13", "parse-flow", flow],
                       capture_output=True, text=True, timeout=30)
    lines = [line for line in p.stdout.splitlines()
             if line.startswith("OFPT_FLOW_MOD")]
    return lines[-1] if p.returncode == 0 and lines else None


def main():
    if not os.access(GEN, os.X_OK):
        tap(False, "conformance-gen is built", [GEN + " is missing"])
        print("1..%d" % n_tests)
        return 1
    if not shutil.which("ovs-ofctl"):
        tap(False, "ovs-ofctl is installed (apt-get install "
                   "openvswitch-common)")
        print("1..%d" % n_tests)
        return 1

    cases = [("add-flow " + f, ["add-flow", "{sw}", f], f) for f in FLOWS]
    cases += [(label, args, None) for label, args in COMMANDS]

    with tempfile.TemporaryDirectory(prefix="ofc-encode.") as tmpdir:
        files = {"bundle_file": os.path.join(tmpdir, "bundle.txt")}
        with open(files["bundle_file"], "w") as f:
            f.write(BUNDLE_FLOWS)

        # 1. Let ovs-ofctl talk to the fake switches: each switch serves
        # one command at a time, so that its record tells which messages
        # belong to which command.
        switches = []
        try:
            for i in range(N_SWITCHES):
                switches.append(FakeSwitch(tmpdir, i))
            with concurrent.futures.ThreadPoolExecutor(N_SWITCHES) as pool:
                shares = pool.map(
                    lambda i: [capture(sw_case[1], switches[i], files)
                               for sw_case in enumerate(cases)
                               if sw_case[0] % N_SWITCHES == i],
                    range(N_SWITCHES))
                shares = list(shares)
            captured = [shares[i % N_SWITCHES][i // N_SWITCHES]
                        for i in range(len(cases))]
        finally:
            for sw in switches:
                sw.stop()

        # 2. Decode every distinct message both ways.
        unique = sorted({m for _, msgs, _, _ in captured for m in msgs})
        ours = dict(zip(unique, ours_decode(unique)))
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            theirs = dict(zip(unique, pool.map(
                lambda im: ovs_parse(im[1], tmpdir, im[0]),
                enumerate(unique))))
            flow_texts = dict(zip(FLOWS, pool.map(parse_flow_text, FLOWS)))

    # 3. Compare.
    for (label, args, flow), (p, msgs, errors, done) in zip(cases, captured):
        diags = []
        if p.returncode != 0:
            diags.append("ovs-ofctl exited with %d: %s"
                         % (p.returncode, clip(p.stderr.strip())))
        if not done:
            diags.append("a connection did not close in time")
        diags += ["fake switch: " + clip(e) for e in errors]
        if len(msgs) < 2:
            diags.append("captured only %d message(s)" % len(msgs))
        for m in msgs:
            stdout, stderr, rc = theirs[m]
            problem = ofc_normalise.ovs_output_problem(stdout, stderr, rc)
            if problem:
                diags.append("Open vSwitch cannot decode %s: %s"
                             % (clip(m), problem))
                continue
            equal, ours_n, theirs_n = ofc_normalise.compare(ours[m], stdout)
            if not equal:
                diags += ["message " + clip(m),
                          "  ours: " + clip(ours_n),
                          "  ovs:  " + clip(theirs_n)]
        if flow is not None:
            diags += check_flow_chain(flow, msgs, theirs, flow_texts[flow])
        tap(not diags, label, diags)

    print("# ovs-ofctl encode: %d passed, %d failed"
          % (n_tests - n_failed, n_failed))
    print("1..%d" % n_tests)
    return 1 if n_failed else 0


def check_flow_chain(flow, msgs, theirs, parsed):
    """For add-flow: the captured FLOW_MOD must mean what parse-flow says
    the flow string means."""
    if parsed is None:
        return ["ovs-ofctl parse-flow rejects the flow string"]
    mods = [theirs[m][0] for m in msgs if m[2:4] == "0e"]
    if len(mods) != 1:
        return ["expected one FLOW_MOD, captured %d" % len(mods)]
    _, _, want = ofc_normalise.normalise(parsed)
    _, _, got = ofc_normalise.normalise(mods[0])
    if want != got:
        return ["captured FLOW_MOD differs from the flow string:",
                "  parse-flow: " + clip(want),
                "  captured:   " + clip(got)]
    return []


if __name__ == "__main__":
    # On SIGTERM (from timeout(1), say) unwind through the finally blocks so
    # that the fake switches are stopped.
    signal.signal(signal.SIGTERM,
                  lambda signum, frame: sys.exit(128 + signum))
    sys.exit(main())
