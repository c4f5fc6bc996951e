#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: the VLAN segmentation exercise of the Proxmox networking tutorial,
with ofcd's VLAN app instead of a VLAN-aware Linux bridge.

  ovsbr0 (dpid 1)                                ovsbr1 (dpid 2)
   1 tap100i0  h10a 10.0.10.11  VLAN 10 (by name)  1 tap200i0 h10c 10.0.10.21
   2 tap101i0  h20a 10.0.20.11  VLAN 20 (profile)  2          h20c 10.0.20.21
   3 tap102i0  h30a 10.0.30.11  VLAN 30 (by name)
   4           h10b 10.0.10.12  VLAN 10 (by number)
   5           h20b 10.0.20.12  VLAN 20 (by number)
   6           h30b 10.0.30.12  VLAN 30 (by number)
   7 tap107i0  htr: trunk 10,20 (eth0.10 10.0.10.50, eth0.20 10.0.20.50)
  10 trunk0  ===== trunk 10,20,30 (veth) =====  10 trunk1

ovsbr0 is keyed by dpid, ovsbr1 by its bridge name; tap101i0 (h20a, VM
101) is configured only by the top-level port profile, so it keeps VLAN
20 when it moves to ovsbr1.  The hosts have an on-link route to
10.0.0.0/16, so a cross-VLAN ping really ARPs on the wire (isolation is
the switch's doing, not the hosts' routing tables) until routing is
switched on.  See docs/vlan.md, "The lab"."""

import copy
import json
import os
import re
import subprocess
import time

import ofclab
from mininet.topo import Topo
from ofc_sandbox import OFCD

PLAN = 28

# name: (switch, port number, switch port name or None, VLAN, address)
HOSTS = {
    "h10a": ("ovsbr0", 1, "tap100i0", 10, "10.0.10.11"),
    "h20a": ("ovsbr0", 2, "tap101i0", 20, "10.0.20.11"),
    "h30a": ("ovsbr0", 3, "tap102i0", 30, "10.0.30.11"),
    "h10b": ("ovsbr0", 4, None, 10, "10.0.10.12"),
    "h20b": ("ovsbr0", 5, None, 20, "10.0.20.12"),
    "h30b": ("ovsbr0", 6, None, 30, "10.0.30.12"),
    "h10c": ("ovsbr1", 1, "tap200i0", 10, "10.0.10.21"),
    "h20c": ("ovsbr1", 2, None, 20, "10.0.20.21"),
}
TRUNK_HOST = ("htr", "ovsbr0", 7, "tap107i0")
TRUNK_PORTS = ("trunk0", "trunk1")
TRUNK_NO = 10
GATEWAYS = {10: "10.0.10.1", 20: "10.0.20.1"}

BASE_CONFIG = {
    "vlans": {"10": {"name": "mgmt", "description": "k8s control plane"},
              "20": {"name": "workload"},
              "30": {"name": "storage"}},
    "ports": {"tap101i0": {"native_vlan": 20,
                           "description": "VM 101, wherever it runs"}},
    "switches": {
        "0000000000000001": {"name": "ovsbr0", "ports": {
            "tap100i0": {"native_vlan": 10, "description": "VM 100"},
            "tap102i0": {"native_vlan": 30},
            "4": {"native_vlan": 10},
            "5": {"native_vlan": 20},
            "6": {"native_vlan": 30},
            "tap107i0": {"tagged_vlans": [10, 20],
                         "description": "VM 107, VLAN-aware guest"},
            "10": {"tagged_vlans": [10, 20, 30],
                   "description": "trunk to ovsbr1"}}},
        "ovsbr1": {"ports": {
            "tap200i0": {"native_vlan": 10},
            "2": {"native_vlan": 20},
            "10": {"tagged_vlans": [10, "20-30"],
                   "description": "trunk to ovsbr0"}}}}}

# Files ofcd --check-config must refuse, with (a pattern of) the message.
BAD_CONFIGS = [
    ("VLAN out of range",
     {"switches": {"0000000000000001": {"ports": {
         "tap100i0": {"native_vlan": 5000}}}}},
     r"\$\.switches\.0000000000000001\.ports\.tap100i0\.native_vlan: "
     r"must be (an integer )?1-4094"),
    ("unknown port key",
     {"switches": {"0000000000000001": {"ports": {
         "4": {"native_vlan": 10, "vlan": 20}}}}},
     r"\$\.switches\.0000000000000001\.ports\.4\.vlan: unknown"),
    ("duplicate port",
     {"switches": {"0000000000000001": {"ports": {
         "4": {"native_vlan": 10}, "04": {"native_vlan": 20}}}}},
     r"\$\.switches\.0000000000000001\.ports\.04: duplicate port"),
    ("tagged range out of range",
     {"ports": {"tap101i0": {"tagged_vlans": [10, "30-5000"]}}},
     r"\$\.ports\.tap101i0\.tagged_vlans\[1\]: must be a VLAN id "
     r"1-4094"),
    ("router VLAN without gateway",
     {"vlans": {"10": {"routing": {"gateway": "10.0.10.1/24"}},
                "30": {"name": "storage"}},
      "routers": {"r1": {"vlans": [10, 30]}}},
     r"\$\.routers\.r1\.vlans\[1\]: VLAN 30 has no routing\.gateway"),
]


def routed_config():
    """BASE_CONFIG plus gateways for 10 and 20 and a router joining
    them (VLAN 30 has none)."""
    cfg = copy.deepcopy(BASE_CONFIG)
    for vid, gw in GATEWAYS.items():
        cfg["vlans"][str(vid)]["routing"] = {"gateway": gw + "/24"}
    cfg["routers"] = {"r1": {"vlans": [10, 20]}}
    return cfg


def dumps(cfg):
    return json.dumps(cfg, indent=2) + "\n"


class VlanTopo(Topo):
    """The tutorial's two switches, eight access hosts, one trunk host
    and the trunk between the switches, with the port numbers and
    switch port names above."""

    def build(self):
        sw = {"ovsbr0": self.addSwitch("ovsbr0", dpid="%016x" % 1),
              "ovsbr1": self.addSwitch("ovsbr1", dpid="%016x" % 2)}
        for name, (s, no, port_name, _, ip) in HOSTS.items():
            h = self.addHost(name, ip=ip + "/24")
            opts = {"intfName1": "eth0", "port2": no}
            if port_name:
                opts["intfName2"] = port_name
            self.addLink(h, sw[s], **opts)
        name, s, no, port_name = TRUNK_HOST
        h = self.addHost(name, ip=None)
        self.addLink(h, sw[s], intfName1="eth0", intfName2=port_name,
                     port2=no)
        self.addLink(sw["ovsbr0"], sw["ovsbr1"], intfName1=TRUNK_PORTS[0],
                     intfName2=TRUNK_PORTS[1], port1=TRUNK_NO,
                     port2=TRUNK_NO)


def switch_port_names():
    """The root-namespace interface names the topology creates."""
    names = list(TRUNK_PORTS) + [TRUNK_HOST[3]]
    for s, no, port_name, _, _ in HOSTS.values():
        names.append(port_name or "%s-eth%d" % (s, no))
    return names


def vlan_ready(lab):
    """True when both switches classify ports by VLAN: table 0 has
    in_port flows that write a VLAN to the metadata."""
    return all(any("in_port=" in l and "metadata" in l
                   for l in ofclab.flows(s, 0))
               for s in ("ovsbr0", "ovsbr1"))


def all_reach(pairs, timeout=5):
    """Returns the (src, ip) pairs that got no echo reply."""
    return [(src.name, ip) for src, ip in pairs
            if not ofclab.reaches(src, ip, timeout)]


def none_reach(pairs):
    """Returns the (src, ip) pairs that did get an echo reply."""
    return [(src.name, ip) for src, ip in pairs
            if not ofclab.never_reaches(src, ip)]


def arping(host, ip, count=2):
    """Sends 'count' ARP requests for 'ip' from 'host''s eth0; returns
    the number of replies."""
    out = host.cmd("arping -c %d -W 0.2 -w 2 -i eth0 %s" % (count, ip))
    m = re.search(r"(\d+) packets received", out)
    return int(m.group(1)) if m else 0


def udp_broadcast(host, addr, port=9999, count=3):
    """Sends 'count' UDP datagrams to broadcast address 'addr' from
    'host'."""
    host.cmd("python3 -c 'import socket,time\n"
             "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
             "s.setsockopt(socket.SOL_SOCKET,socket.SO_BROADCAST,1)\n"
             "for i in range(%d):\n"
             "    s.sendto(b\"ofc-vlan-lab\",(\"%s\",%d)); time.sleep(0.1)'"
             % (count, addr, port))


def check_config(path):
    """Runs ofcd --check-config 'path'; returns (status, output)."""
    r = subprocess.run([OFCD, "--check-config", path], capture_output=True,
                       text=True, timeout=20)
    return r.returncode, (r.stdout + r.stderr).strip()


def run(tap):
    ofclab.check_free_names(switch_port_names())
    lab = ofclab.Lab(VlanTopo(), config=dumps(BASE_CONFIG),
                     host_ipv6=False)
    try:
        lab.start()
        net = lab.net
        h = {n: net.get(n) for n in HOSTS}
        htr = net.get(TRUNK_HOST[0])
        s0, s1 = net.get("ovsbr0", "ovsbr1")
        for name in HOSTS:
            h[name].cmd("ip route add 10.0.0.0/16 dev eth0")
        htr.cmd("sysctl -qw net.ipv4.conf.all.arp_ignore=1")
        lab.add_vlan_if(htr, "eth0", 10, "10.0.10.50/24")
        lab.add_vlan_if(htr, "eth0", 20, "10.0.20.50/24")

        tap.ok(ofclab.wait_for(lambda: vlan_ready(lab), 20, 0.2),
               "vlan: both switches got the VLAN classification flows",
               lab.log_tail())

        # Same VLAN: within ovsbr0, then across the trunk.
        bad = all_reach([(h["h10a"], "10.0.10.12"),
                         (h["h20a"], "10.0.20.12"),
                         (h["h30a"], "10.0.30.12")])
        tap.ok(not bad, "vlan: same-VLAN ping on ovsbr0 (10, 20, 30)",
               "%s\n%s" % (bad, lab.log_tail()))
        bad = all_reach([(h["h10a"], "10.0.10.21"),
                         (h["h20b"], "10.0.20.21"),
                         (h["h10c"], "10.0.10.12")])
        tap.ok(not bad, "vlan: same-VLAN ping across the trunk "
               "(10 and 20, ovsbr0 <-> ovsbr1)",
               "%s\n%s" % (bad, "\n".join(ofclab.flows("ovsbr1"))))

        # Isolation: unicast and ARP.
        bad = none_reach([(h["h10a"], "10.0.20.12"),
                          (h["h10a"], "10.0.30.12"),
                          (h["h20b"], "10.0.10.21"),
                          (h["h30a"], "10.0.20.11")])
        tap.ok(not bad, "vlan: cross-VLAN ping fails (10->20, 10->30, "
               "20->10 across the trunk, 30->20)", bad)
        same = arping(h["h10a"], "10.0.10.12")
        cross = arping(h["h10a"], "10.0.20.12") + \
            arping(h["h10a"], "10.0.20.21")
        tap.ok(same > 0 and cross == 0,
               "vlan: arping from VLAN 10 for VLAN-20 addresses gets no "
               "answer (%d; same-VLAN control: %d)" % (cross, same))

        # Isolation: broadcasts.  tcpdump in a VLAN-20 host (and a
        # VLAN-30 one) must not see VLAN 10's broadcasts; VLAN-10 hosts
        # on both switches must (the positive control).
        bpf = ("(arp and host 10.0.10.99) or (udp port 9999) or "
               "(vlan and ((arp and host 10.0.10.99) or udp port 9999))")
        caps = {n: ofclab.Capture(h[n], "eth0", bpf, lab.workdir).start()
                for n in ("h10b", "h10c", "h20a", "h20b", "h30a")}
        arping(h["h10a"], "10.0.10.99")
        udp_broadcast(h["h10a"], "10.0.10.255")
        seen = {n: c.stop(0.5) for n, c in caps.items()}

        def kinds(lines):
            return ("arp" if any("10.0.10.99" in l for l in lines) else "",
                    "udp" if any(".9999:" in l for l in lines) else "")
        got = {n: kinds(lines) for n, lines in seen.items()}
        tap.ok(all(not any(got[n]) for n in ("h20a", "h20b", "h30a")),
               "vlan: VLAN 10's ARP and UDP broadcasts not seen by tcpdump "
               "in VLANs 20 and 30", "%s\n%s" % (got, seen.get("h20b")))
        tap.ok(got["h10b"] == ("arp", "udp") and got["h10c"] ==
               ("arp", "udp"),
               "vlan: ... but seen in VLAN 10 on both switches (control)",
               "%s\n%s" % (got, seen.get("h10c")))

        # The trunk carries 802.1Q tags 10, 20 and 30.
        cap = ofclab.Capture(None, TRUNK_PORTS[0], "vlan",
                             lab.workdir).start()
        ofclab.ping_ip(h["h10a"], "10.0.10.21", count=2, interval=0.2)
        ofclab.ping_ip(h["h20b"], "10.0.20.21", count=2, interval=0.2)
        arping(h["h30a"], "10.0.30.99")
        lines = cap.stop(0.5)
        tags = sorted({int(t) for l in lines
                       for t in re.findall(r"vlan (\d+),", l)})
        tap.ok(tags == [10, 20, 30],
               "vlan: tcpdump -e on the trunk shows 802.1Q tags "
               "10, 20, 30 (got %s)" % tags, "\n".join(lines[-20:]))

        # The VLAN-aware guest on a trunk port.
        bad = all_reach([(htr, "10.0.10.11"), (htr, "10.0.10.21")])
        tap.ok(not bad, "vlan: trunk host's eth0.10 reaches VLAN 10 on "
               "both switches", bad)
        bad = all_reach([(htr, "10.0.20.12"), (htr, "10.0.20.21")])
        tap.ok(not bad, "vlan: trunk host's eth0.20 reaches VLAN 20 on "
               "both switches", bad)

        rc, out, err = lab.ofcctl("vlans")
        tap.ok(rc == 0 and all(re.search(r"\b%d\b" % v, out)
                               for v in (10, 20, 30)),
               "vlan: ofcctl vlans lists VLANs 10, 20 and 30",
               (rc, out, err))

        # Warm reload (SIGHUP): port 6 (h30b) goes from access 30 to a
        # trunk of 30 while h10a pings h10c every 50 ms.
        changed = copy.deepcopy(BASE_CONFIG)
        changed["switches"]["0000000000000001"]["ports"]["6"] = {
            "tagged_vlans": [30]}
        ofclab.reaches(h["h10a"], "10.0.10.21")
        pinger = h["h10a"].popen(["ping", "-n", "-i", "0.05", "-c", "100",
                                  "-W", "1", "10.0.10.21"])
        time.sleep(1.5)
        reloaded, line = lab.reload(dumps(changed))
        out, _ = pinger.communicate(timeout=20)
        out = out.decode(errors="replace")
        m = re.search(r"(\d+) packets transmitted, (\d+) received", out)
        tap.ok(reloaded and m and m.group(1) == m.group(2) == "100",
               "vlan: SIGHUP reload changing port 6 to a trunk: 100/100 "
               "pings on VLAN 10 (%s)" % (m.group(0) if m else "no ping"),
               "%s\n%s\n%s" % (line, out[-300:], lab.log_tail()))
        h["h30b"].cmd("ip addr flush dev eth0")
        lab.add_vlan_if(h["h30b"], "eth0", 30, "10.0.30.12/24")
        h["h30b"].cmd("ip route add 10.0.0.0/16 dev eth0.30")
        tap.ok(ofclab.reaches(h["h30a"], "10.0.30.12"),
               "vlan: after the reload h30b reaches VLAN 30 through its "
               "eth0.30 on the new trunk", "\n".join(ofclab.flows("ovsbr0",
                                                                   0)))

        # Invalid configurations.
        for what, cfg, pattern in BAD_CONFIGS:
            path = os.path.join(lab.workdir, "bad.json")
            with open(path, "w") as f:
                f.write(dumps(cfg))
            rc, out = check_config(path)
            tap.ok(rc != 0 and re.search(r"bad\.json: " + pattern, out),
                   "vlan: --check-config refuses a file with a %s" % what,
                   out)
        rc, out = check_config(lab.config_path)
        tap.ok(rc == 0 and out.endswith(": ok"),
               "vlan: --check-config accepts the running file", out)
        rc1, before, _ = lab.ofcctl("config", "get")
        reloaded, line = lab.reload(dumps(BAD_CONFIGS[0][1]))
        rc2, after, _ = lab.ofcctl("config", "get")
        kept = (not reloaded and line and "1-4094" in line
                and rc1 == rc2 == 0 and before == after
                and ofclab.reaches(h["h10a"], "10.0.10.21"))
        tap.ok(kept, "vlan: SIGHUP with a bad file is rejected, the "
               "running config stays (and VLAN 10 still works)",
               "%s\n%s" % (line, lab.log_tail()))
        lab.write_config(dumps(changed))

        # Migration: h20a (tap101i0, only a profile) moves to ovsbr1.
        ofclab.move_link(net, h["h20a"], s0, s1, "tap101i0", "10.0.20.11/24")
        h["h20a"].cmd("ip route add 10.0.0.0/16 dev eth0")
        start = time.monotonic()
        ok = ofclab.reaches(h["h20a"], "10.0.20.21", 3) and \
            ofclab.reaches(h["h20a"], "10.0.20.12", 3)
        took = time.monotonic() - start
        tap.ok(ok and took <= 3.0,
               "vlan: tap101i0 re-created on ovsbr1: h20a reaches VLAN 20 "
               "on both switches after %.2f s" % took,
               "\n".join(ofclab.flows("ovsbr1", 0)))
        bad = none_reach([(h["h20a"], "10.0.10.21"),
                          (h["h20a"], "10.0.10.12")])
        tap.ok(not bad, "vlan: ... and only VLAN 20", bad)

        # Routing between 10 and 20, set with ofcctl config set (PUT).
        path = os.path.join(lab.workdir, "routed.json")
        routed = routed_config()
        routed["switches"]["0000000000000001"]["ports"]["6"] = {
            "tagged_vlans": [30]}
        with open(path, "w") as f:
            f.write(dumps(routed))
        rc, out, err = lab.ofcctl("config", "set", path)
        tap.ok(rc == 0, "vlan: ofcctl config set with gateways and a "
               "router for 10 and 20", (rc, out, err))
        for name, (_, _, _, vid, _) in HOSTS.items():
            h[name].cmd("ip route del 10.0.0.0/16")
            if vid in GATEWAYS:
                h[name].cmd("ip route add default via %s" % GATEWAYS[vid])
            else:
                h[name].cmd("ip route add default via 10.0.%d.1" % vid)
        h["h30b"].cmd("ip route del 10.0.0.0/16; "
                      "ip route add default via 10.0.30.1")
        bad = all_reach([(h["h10a"], "10.0.10.1"),
                         (h["h20c"], "10.0.20.1")])
        tap.ok(not bad, "vlan: the gateways 10.0.10.1 and 10.0.20.1 "
               "answer ping (on both switches)",
               "%s\n%s" % (bad, lab.log_tail()))
        ok = ofclab.reaches(h["h10a"], "10.0.20.12")
        n, out = ofclab.ping_ip(h["h10a"], "10.0.20.12")
        tap.ok(ok and "ttl=63" in out,
               "vlan: routed: h10a (VLAN 10) pings h20b (VLAN 20) on "
               "ovsbr0, TTL decremented", "%s\n%s" % (out, lab.log_tail()))
        tap.ok(ofclab.reaches(h["h10c"], "10.0.20.21"),
               "vlan: routed on ovsbr1: h10c (VLAN 10) pings h20c "
               "(VLAN 20)", lab.log_tail())
        bad = all_reach([(h["h20b"], "10.0.10.21"),
                         (h["h10a"], "10.0.20.21")])
        tap.ok(not bad, "vlan: routed to the other switch: h20b -> h10c "
               "and h10a -> h20c (next hop behind the trunk)",
               "%s\n%s" % (bad, lab.log_tail()))
        bad = none_reach([(h["h10a"], "10.0.30.11"),
                          (h["h20b"], "10.0.30.12"),
                          (h["h30a"], "10.0.10.11")])
        tap.ok(not bad, "vlan: VLAN 30 (no gateway, no router) stays "
               "unreachable", bad)
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
