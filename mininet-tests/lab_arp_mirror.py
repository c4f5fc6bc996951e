#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Lab: ARP rules, the ARP spoof guard and port mirroring (issue 6), the
tutorial's flow-table exercise done by ofcd's arp and mirror apps.

  s1 (dpid 1)   1 s1-eth1  h1 10.0.0.1  52:54:00:aa:bb:cc  VLAN 10
                2 s1-eth2  h2 10.0.0.2                     VLAN 10
                3 s1-eth3  h3 10.0.0.3 (h3-eth0)           VLAN 10
                4 s1-eth4  h4 10.0.0.4                     VLAN 20
                5 s1-eth5  h5 10.0.0.5                     VLAN 20
                6 s1-eth6  h3-eth1: h3's monitor interface, the mirror
                           destination (no address, ARP off)

ofcd runs every app (l2, static, vlan, arp, mirror) with a config that
puts ports 4 and 5 in VLAN 20 and every other port in VLAN 10.  h3
watches the mirror destination with tcpdump -Q in on h3-eth1, so it sees
only the copies the switch sends there.  ARP rules, guard settings and
mirror sessions are made over REST (ofcctl lists and deletes some); the
mirror checks run twice, the second time after ofcd restarted with the
same state directory (the sessions and an ARP rule come back from it).

The forged ARP reply is `arping -P -U -S 10.0.0.2` from h3: an
unsolicited reply claiming h2's address with h3's MAC.  Linux takes it
over an existing neighbour entry older than a second, so h1 first gets a
stale entry for 10.0.0.2 with h2's real MAC.  See docs/arp-mirror.md,
"The lab"."""

import collections
import re
import time

import ofclab
from mininet.topo import Topo

PLAN = 29

DPID = "0000000000000001"
H1_MAC = "52:54:00:aa:bb:cc"
MON_PORT = 6
CONFIG = """{
  "vlans": {"10": {"name": "lab"}, "20": {"name": "other"}},
  "default_port": {"native_vlan": 10},
  "switches": {"%s": {"ports": {"4": {"native_vlan": 20},
                                 "5": {"native_vlan": 20}}}}
}
""" % DPID


class ArpMirrorTopo(Topo):
    """One switch, h1..h5 on ports 1..5 and h3's second interface on
    port 6 (the mirror destination)."""

    def build(self):
        s1 = self.addSwitch("s1", dpid="%016x" % 1)
        for i in range(1, 6):
            opts = {"ip": "10.0.0.%d/24" % i}
            if i == 1:
                opts["mac"] = H1_MAC
            h = self.addHost("h%d" % i, **opts)
            self.addLink(h, s1, port2=i)
        self.addLink("h3", s1, port1=1, port2=MON_PORT)


def items(body, key):
    """The list in a GET answer: the body itself or its 'key' member."""
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        if isinstance(body.get(key), list):
            return body[key]
        lists = [v for v in body.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    return []


def arping(src, ip, count=3, deadline=1):
    """Sends 'count' ARP requests for 'ip' from 'src''s first interface
    (one every 0.2 s, at most 'deadline' seconds); returns the number of
    replies."""
    out = src.cmd("arping -c %d -W 0.2 -w %s -i %s %s"
                  % (count, deadline, src.defaultIntf().name, ip))
    m = re.search(r"(\d+) packets received", out)
    return int(m.group(1)) if m else 0


def arping_works(src, ip, timeout=3):
    """True if an ARP request from 'src' for 'ip' gets an answer within
    'timeout' seconds."""
    return bool(ofclab.wait_for(lambda: arping(src, ip, 1, 0.5) > 0,
                                timeout, 0))


def arping_fails(src, ip):
    """True if 3 ARP requests from 'src' for 'ip' get no answer (after a
    datapath purge, so a cached flow cannot answer for the tables)."""
    ofclab.purge()
    return arping(src, ip) == 0


def neigh_mac(host, ip):
    """The MAC of 'host''s neighbour entry for 'ip' (or None)."""
    out = host.cmd("ip neigh show %s dev %s" % (ip, host.defaultIntf().name))
    m = re.search(r"lladdr (\S+)", out)
    return m.group(1) if m else None


def forge_reply(h1, h2, h3):
    """Gives h1 a stale neighbour entry for h2 with h2's real MAC (older
    than the 1 s lock time), makes h3 send two unsolicited ARP replies
    claiming h2's IP, and returns (h1's MAC for h2's IP afterwards, the
    forged replies tcpdump saw arrive at h1)."""
    intf = h1.defaultIntf().name
    h1.cmd("ip neigh replace %s lladdr %s dev %s nud stale"
           % (h2.IP(), h2.MAC(), intf))
    time.sleep(1.1)
    ofclab.purge()
    cap = ofclab.Capture(h1, intf, "arp", direction="in").start()
    h3.cmd("arping -q -c 2 -W 0.1 -w 0.5 -P -U -S %s -i %s %s"
           % (h2.IP(), h3.defaultIntf().name, h2.IP()))
    lines = cap.stop(0.3)
    forged = [l for l in lines if "%s is-at %s" % (h2.IP(), h3.MAC()) in l]
    mac = neigh_mac(h1, h2.IP())
    h1.cmd("ip neigh replace %s lladdr %s dev %s nud stale"
           % (h2.IP(), h2.MAC(), intf))
    return mac, forged


def rule_counters(lab, rid):
    """The (packets, bytes) counters GET shows for ARP rule 'rid'."""
    status, body = lab.rest("GET", "/v1/arp-rules/%s" % rid)
    c = body.get("counters", {}) if status == 200 and \
        isinstance(body, dict) else {}
    return c.get("packets", -1), c.get("bytes", -1)


def table1_arp_drops(match):
    """The switch's table-1 ARP flows containing 'match'."""
    return [l for l in ofclab.flows("s1", 1) if "arp" in l and match in l]


# --- mirror helpers ---------------------------------------------------

ICMP_RX = re.compile(r"(\d+\.\d+\.\d+\.\d+) > (\d+\.\d+\.\d+\.\d+): ICMP "
                     r"echo (request|reply), id \d+, seq (\d+)")


def icmp_copies(lines):
    """Counter of (src, dst, request|reply, seq) over tcpdump lines."""
    c = collections.Counter()
    for line in lines:
        m = ICMP_RX.search(line)
        if m:
            c[(m.group(1), m.group(2), m.group(3), int(m.group(4)))] += 1
    return c


def watch(lab, h3, bpf, action, linger=0.5):
    """Runs 'action' while h3 captures the frames arriving on its monitor
    interface (the mirror destination); returns (the lines, action's
    result)."""
    cap = ofclab.Capture(h3, "h3-eth1", bpf, lab.workdir,
                         direction="in").start()
    try:
        result = action()
    finally:
        lines = cap.stop(linger)
    return lines, result


def pings(src, dst, count, interval=0.05):
    """Pings 'dst' from 'src'; returns the number of replies."""
    return ofclab.ping_ip(src, dst.IP(), count=count, interval=interval)[0]


def broadcast(host, port, count=3):
    """Sends 'count' UDP datagrams to 10.0.0.255:'port' from 'host'."""
    host.cmd("python3 -c 'import socket,time\n"
             "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
             "s.setsockopt(socket.SOL_SOCKET,socket.SO_BROADCAST,1)\n"
             "for i in range(%d):\n"
             "    s.sendto(b\"ofc-mirror-lab\",(\"10.0.0.255\",%d));"
             " time.sleep(0.05)'" % (count, port))


def add_session(lab, body):
    """POSTs a mirror session; returns its id (None if refused)."""
    status, reply = lab.rest("POST", "/v1/mirrors", body)
    if status in (200, 201) and isinstance(reply, dict) and "id" in reply:
        ofclab.purge()
        return reply["id"]
    raise RuntimeError("POST /v1/mirrors %s: %s %s" % (body, status, reply))


def del_session(lab, sid):
    """DELETEs mirror session 'sid'; True on a 2xx."""
    status, _ = lab.rest("DELETE", "/v1/mirrors/%s" % sid)
    ofclab.purge()
    return 200 <= status < 300


SESSION_A = {"dpid": DPID, "destination": "s1-eth6",
             "sources": [{"port": 1, "direction": "both"}],
             "description": "h1's port to h3's monitor"}
SESSION_B = {"dpid": DPID, "destination": MON_PORT,
             "sources": [{"port": "s1-eth2", "direction": "egress"}],
             "description": "frames leaving h2's port"}
SESSION_C = {"dpid": DPID, "destination": MON_PORT, "vlans": [20],
             "description": "VLAN 20"}


def mirror_round(tap, lab, h, sid_a, when):
    """The mirror checks (6), starting with session A (port 1, both
    directions, to port 6) in place; ends with A made again.  Returns
    the new id of A."""
    h1, h2, h3, h4, h5 = (h[n] for n in ("h1", "h2", "h3", "h4", "h5"))
    # Warm up: hosts learned, ARP resolved, so the copies are unicast.
    for a, b in ((h1, h2), (h4, h5)):
        ofclab.reaches(a, b.IP())

    def ping_both():
        return pings(h1, h2, 20), pings(h4, h5, 5)
    lines, (n12, n45) = watch(lab, h3, "icmp", ping_both)
    c = icmp_copies(lines)
    req = {k[3]: n for k, n in c.items()
           if k[:3] == ("10.0.0.1", "10.0.0.2", "request")}
    rep = {k[3]: n for k, n in c.items()
           if k[:3] == ("10.0.0.2", "10.0.0.1", "reply")}
    want = {s: 1 for s in range(1, 21)}
    tap.ok(n12 == 20 and req == want and rep == want,
           "mirror%s: a 20-packet ping h1 -> h2 shows exactly 20 requests "
           "and 20 replies on the destination, no duplicates (%d+%d "
           "copies, %d replies to ping)"
           % (when, sum(req.values()), sum(rep.values()), n12),
           "\n".join(lines[-30:] + ofclab.flows("s1", 0)))
    other = [l for l in lines if "10.0.0.4" in l or "10.0.0.5" in l]
    tap.ok(n45 == 5 and not other and len(c) == 40,
           "mirror%s: h4 <-> h5 traffic is not seen (%d pings answered, "
           "%d copies)" % (when, n45, len(other)), "\n".join(other[:10]))

    def bcasts():
        broadcast(h1, 9001)
        broadcast(h2, 9002)
    lines, _ = watch(lab, h3, "udp port 9001 or udp port 9002", bcasts)
    n1 = sum(1 for l in lines if ".9001:" in l)
    n2 = sum(1 for l in lines if ".9002:" in l)
    tap.ok(n1 == 3 and n2 == 3,
           "mirror%s: broadcasts copied once: 3 from h1 (ingress) -> %d, "
           "3 from h2 flooded out port 1 (egress) -> %d" % (when, n1, n2),
           "\n".join(lines + ofclab.groups("s1")))

    deleted = del_session(lab, sid_a)
    lines, n = watch(lab, h3, "icmp", lambda: pings(h1, h2, 5))
    tap.ok(deleted and n == 5 and not lines,
           "mirror%s: after DELETE of the session the ping (%d/5) is no "
           "longer copied (%d frames)" % (when, n, len(lines)),
           "\n".join(lines[:10] + ofclab.flows("s1", 0)))

    sid = add_session(lab, SESSION_B)
    lines, n = watch(lab, h3, "icmp", lambda: pings(h1, h2, 5))
    c = icmp_copies(lines)
    kinds = collections.Counter(k[2] for k in c.elements())
    tap.ok(n == 5 and kinds == {"request": 5},
           "mirror%s: an egress-only session on port 2 sees only the 5 "
           "requests leaving it, no replies (%s)" % (when, dict(kinds)),
           "\n".join(lines[-20:] + ofclab.flows("s1", 6)))
    del_session(lab, sid)

    sid = add_session(lab, SESSION_C)

    def both_vlans():
        return pings(h4, h5, 5), pings(h1, h2, 5)
    lines, (n45, n12) = watch(lab, h3, "icmp or vlan", both_vlans)
    c = icmp_copies(lines)
    vlan20 = collections.Counter(k[2] for k in c.elements()
                                 if k[:2] in (("10.0.0.4", "10.0.0.5"),
                                              ("10.0.0.5", "10.0.0.4")))
    tagged = [l for l in lines if "802.1Q" in l or " vlan " in l]
    tap.ok(n45 == 5 and n12 == 5 and vlan20 == {"request": 5, "reply": 5}
           and len(c) == 10 and not tagged,
           "mirror%s: a VLAN-20 session sees h4 <-> h5 (%s, untagged as on "
           "their access ports) and not VLAN 10's h1 -> h2 (%d copies in "
           "all)" % (when, dict(vlan20), len(c)), "\n".join(lines[-20:]))
    del_session(lab, sid)
    return add_session(lab, SESSION_A)


# --- the lab ----------------------------------------------------------

def arp_checks(tap, lab, h):
    """The ARP-rule and spoof-guard checks (12)."""
    h1, h2, h3 = h["h1"], h["h2"], h["h3"]
    ok = arping_works(h1, h2.IP()) and arping_works(h3, h2.IP())
    tap.ok(ok and h1.MAC() == H1_MAC,
           "arp: before any rule h1 (%s) and h3 get ARP answers from h2"
           % h1.MAC(), lab.log_tail())

    rule = {"sender_mac": H1_MAC, "dpids": [DPID],
            "description": "the tutorial's drop rule"}
    status, body = lab.rest("POST", "/v1/arp-rules", rule)
    rid = body.get("id") if isinstance(body, dict) else None
    rc, out, err = lab.ofcctl("arp-rules", "list")
    tap.ok(status == 201 and rid is not None and rc == 0
           and re.search(r"(?i)%s" % re.escape(H1_MAC), out),
           "arp: POST /v1/arp-rules {sender_mac: %s} -> 201 id %s, listed "
           "by ofcctl arp-rules list" % (H1_MAC, rid),
           "%s %s\n%s%s" % (status, body, out, err))

    blocked = arping_fails(h1, h2.IP())
    other = arping_works(h3, h2.IP())
    tap.ok(blocked and other,
           "arp: with the rule on, arping h1 -> h2 fails while h3 -> h2 "
           "works", "\n".join(ofclab.flows("s1", 1)))

    arping(h1, h2.IP(), 3)
    got = ofclab.wait_for(lambda: rule_counters(lab, rid)[0] >= 6 and
                          rule_counters(lab, rid), 4, 0.3)
    tap.ok(bool(got) and got[1] >= 6 * 42,
           "arp: the rule's counters grow with h1's dropped requests "
           "(packets, bytes = %s after 6 requests)"
           % (got or rule_counters(lab, rid),),
           "\n".join(table1_arp_drops("arp_sha")))

    status2, body2 = lab.rest("POST", "/v1/arp-rules", rule)
    status3, body3 = lab.rest("POST", "/v1/arp-rules",
                              {"sender_mac": "52:54:00:zz:bb:cc"})
    _, listed = lab.rest("GET", "/v1/arp-rules")
    n_flows = len(table1_arp_drops("arp_sha=%s" % H1_MAC))
    tap.ok(status2 == 409 and str(rid) in str(body2)
           and status3 == 400 and "sender_mac" in str(body3)
           and len(items(listed, "rules")) == 1 and n_flows == 1,
           "arp: a duplicate rule -> 409 naming id %s, a bad MAC -> 400 "
           "naming sender_mac; still one rule and one flow" % rid,
           "%s %s\n%s %s\n%s\n%d flows" % (status2, body2, status3, body3,
                                           listed, n_flows))

    rc, out, err = lab.ofcctl("arp-rules", "del", str(rid))
    start = time.monotonic()
    back = ofclab.wait_for(lambda: arping(h1, h2.IP(), 1, 0.3) > 0, 3, 0)
    took = time.monotonic() - start
    tap.ok(rc == 0 and back and took < 1.5,
           "arp: ofcctl arp-rules del %s restores h1 at once (answer after "
           "%.2f s)" % (rid, took), "%s%s" % (out, err))

    ttl_rule = {"sender_mac": H1_MAC, "op": "request", "in_port": "s1-eth1",
                "ttl_seconds": 2, "description": "expires"}
    status, body = lab.rest("POST", "/v1/arp-rules", ttl_rule)
    tid = body.get("id") if isinstance(body, dict) else None
    tap.ok(status == 201 and arping_fails(h1, h2.IP()),
           "arp: a rule with ttl_seconds 2 (op request, in_port s1-eth1) "
           "drops h1's requests while it lives", "%s %s" % (status, body))

    def gone():
        st, _ = lab.rest("GET", "/v1/arp-rules/%s" % tid)
        st_all, all_rules = lab.rest("GET", "/v1/arp-rules")
        return st == 404 and st_all == 200 and \
            not items(all_rules, "rules") and \
            not table1_arp_drops("arp_sha")
    t0 = time.monotonic()
    disappeared = ofclab.wait_for(gone, 6, 0.2)
    took = time.monotonic() - t0
    tap.ok(disappeared and arping_works(h1, h2.IP()),
           "arp: ... and disappears by itself (GET 404, not listed, flow "
           "gone, h1 answered again; %.1f s after the check above)" % took,
           "\n".join(ofclab.flows("s1", 1)))

    # Spoof guard, static binding for h3's port.
    guard = {"enabled": True,
             "bindings": [{"mac": h3.MAC(), "ip": h3.IP()}]}
    status, body = lab.rest("PUT", "/v1/arp-guard/%s/3" % DPID, guard)
    ofclab.purge()
    tap.ok(200 <= status < 300 and arping_works(h3, h2.IP()),
           "arp: spoof guard on port 3 with h3's static binding; h3's "
           "honest ARP still answered", "%s %s\n%s"
           % (status, body, "\n".join(ofclab.flows("s1", 1))))
    mac, forged = forge_reply(h1, h2, h3)
    tap.ok(mac == h2.MAC() and not forged,
           "arp: with the guard, h3's forged reply (%s is-at %s) is "
           "dropped: h1's cache keeps %s" % (h2.IP(), h3.MAC(), mac),
           "\n".join(forged + ofclab.flows("s1", 1)))

    status, body = lab.rest("PUT", "/v1/arp-guard/%s/3" % DPID,
                            {"enabled": False})
    ofclab.purge()
    mac, forged = forge_reply(h1, h2, h3)
    tap.ok(200 <= status < 300 and mac == h3.MAC() and forged,
           "arp: without the guard the same forged reply gets through: "
           "h1's cache poisoned (%s -> %s)" % (h2.IP(), mac),
           "%s %s\n%s" % (status, body, "\n".join(ofclab.flows("s1", 1))))

    # Spoof guard learning the first host of the port.
    status, body = lab.rest("PUT", "/v1/arp-guard/%s/3" % DPID,
                            {"enabled": True})
    ofclab.purge()
    arping_works(h3, h2.IP())

    def learned():
        _, g = lab.rest("GET", "/v1/arp-guard")
        text = str(g)
        return h3.MAC() in text and h3.IP() in text and "learned" in text \
            and g
    g = ofclab.wait_for(learned, 4, 0.2)
    mac, forged = forge_reply(h1, h2, h3)
    tap.ok(200 <= status < 300 and bool(g) and mac == h2.MAC()
           and not forged,
           "arp: guard without bindings learns h3 (%s %s) from its first "
           "ARP, then drops the forged reply (h1 keeps %s)"
           % (h3.MAC(), h3.IP(), mac), "%s %s\n%s" % (status, body, g))
    lab.rest("PUT", "/v1/arp-guard/%s/3" % DPID, {"enabled": False})


def mirror_bad_input(tap, lab):
    """Bad sessions are refused and nothing changes (1 check)."""
    st_before, before = lab.rest("GET", "/v1/mirrors")
    flows_before = ofclab.flows("s1", 0)
    bad = [
        {"dpid": DPID, "destination": 1,
         "sources": [{"port": 1, "direction": "both"}]},
        {"dpid": DPID, "destination": MON_PORT, "sources": []},
        {"dpid": DPID, "destination": MON_PORT,
         "sources": [{"port": "s1-eth99", "direction": "both"}]},
        {"dpid": DPID, "destination": MON_PORT,
         "sources": [{"port": 1, "direction": "sideways"}]},
        {"dpid": DPID, "destination": MON_PORT, "vlans": [300]},
    ]
    answers = [lab.rest("POST", "/v1/mirrors", b) for b in bad]
    _, after = lab.rest("GET", "/v1/mirrors")
    strip = re.compile(r"(duration|n_packets|n_bytes|idle_age)=[^,]*, ?")
    same = ([strip.sub("", l) for l in flows_before]
            == [strip.sub("", l) for l in ofclab.flows("s1", 0)])
    tap.ok(st_before == 200 and before == after and same
           and all(400 <= st < 500 and "no such route" not in str(b)
                   for st, b in answers),
           "mirror: destination = source, empty sources, unknown port, bad "
           "direction, unknown VLAN -> 4xx (%s); nothing changed"
           % [st for st, _ in answers], "\n".join(map(str, answers)))


def run(tap):
    ofclab.check_free_names(["s1-eth%d" % i for i in range(1, 7)])
    lab = ofclab.Lab(ArpMirrorTopo(), config=CONFIG, host_ipv6=False)
    try:
        lab.start()
        h = {n: lab.net.get(n) for n in ("h1", "h2", "h3", "h4", "h5")}
        h["h3"].cmd("ip link set h3-eth1 arp off up")
        h["h3"].cmd("ethtool -K h3-eth1 tx off >/dev/null 2>&1")
        ready = lab.ready() and ofclab.wait_for(
            lambda: any("metadata" in l for l in ofclab.flows("s1", 0)),
            20, 0.2)
        tap.ok(bool(ready), "arp/mirror: s1 got the pipeline (VLANs 10 "
               "and 20)", lab.log_tail())

        arp_checks(tap, lab, h)

        mirror_bad_input(tap, lab)
        sid = add_session(lab, SESSION_A)
        rc, out, err = lab.ofcctl("mirrors", "list")
        tap.ok(rc == 0 and re.search(r"\b%s\b" % sid, out),
               "mirror: session %s (port 1 both -> s1-eth6) made, listed "
               "by ofcctl mirrors list" % sid, out + err)
        sid = mirror_round(tap, lab, h, sid, "")

        # A rule to come back after the restart: h1 may not ask for h3.
        rc, out, err = lab.ofcctl("arp-rules", "add", "--sender-ip",
                                  "10.0.0.1/32", "--target-ip",
                                  "10.0.0.3/32", "--op", "request",
                                  "--description", "survives a restart")
        _, rules = lab.rest("GET", "/v1/arp-rules")
        kids = [r.get("id") for r in items(rules, "rules")]
        kid = kids[0] if len(kids) == 1 else None
        restarted = rc == 0 and kid is not None and lab.restart()
        _, mirrors = lab.rest("GET", "/v1/mirrors")
        _, rules = lab.rest("GET", "/v1/arp-rules")
        ids_m = [m.get("id") for m in items(mirrors, "mirrors")]
        ids_r = [r.get("id") for r in items(rules, "rules")]
        tap.ok(restarted and ids_m == [sid] and ids_r == [kid],
               "restart: ofcd restarted with the same state dir lists "
               "mirror session %s and ARP rule %s again" % (sid, kid),
               "%s\n%s\n%s" % (mirrors, rules, lab.log_tail()))
        tap.ok(arping_fails(h["h1"], h["h3"].IP())
               and arping_works(h["h1"], h["h2"].IP())
               and arping_works(h["h2"], h["h3"].IP()),
               "restart: the persisted rule still drops h1's requests for "
               "h3 (h1 -> h2 and h2 -> h3 answered)",
               "\n".join(ofclab.flows("s1", 1)))
        lab.rest("DELETE", "/v1/arp-rules/%s" % kid)
        mirror_round(tap, lab, h, sid, " after restart")
    finally:
        lab.stop()


if __name__ == "__main__":
    import sys
    ofclab.run_labs([sys.modules[__name__]])
