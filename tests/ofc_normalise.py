# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Normalises OpenFlow message text so that ours and Open vSwitch's compare.

Shared by tests/test-conformance.py and tests/test-ovs-ofctl-encode.py.

Both sides print a message as "PREFIX: BODY".  Open vSwitch's prefix is
"OFPT_X (OF1.3) (xid=0x5):" or "OFPST_X reply (OF1.3) (xid=0x5):", ours
"OFPT_X (xid=0x5):".  normalise() splits the prefix off into a name and an
xid, collapses all whitespace in the body (Open vSwitch prints some messages
on several lines, we print one line), and sorts the comma-separated items of
each whitespace-separated word that is a flow match, because the order of
match fields may legitimately differ.

The rules are deliberately narrow so that unequal texts never become equal:
only a word made entirely of known match-field assignments and protocol
keywords is reordered (never actions, buckets or anything with brackets),
and nothing is ever dropped from the body except the version tag
" (OF1.3)" that Open vSwitch adds to every message name it prints (also for
messages nested in ERROR data and BUNDLE_ADD).
"""

import re

__all__ = ["normalise", "compare", "ovs_output_problem", "MATCH_FIELDS",
           "PROTOCOL_KEYWORDS"]

# Field names (and aliases) Open vSwitch prints in a match, from
# ovs-fields(7) plus the OpenFlow 1.0 style names it prefers.
MATCH_FIELDS = frozenset("""
priority
actset_output arp_op arp_sha arp_spa arp_tha arp_tpa conj_id
ct_ipv6_dst ct_ipv6_src ct_label ct_mark ct_nw_dst ct_nw_proto ct_nw_src
ct_state ct_tp_dst ct_tp_src ct_zone
dl_dst dl_src dl_type dl_vlan dl_vlan_pcp eth_dst eth_src eth_type
icmp_code icmp_type icmpv6_code icmpv6_type icmpv4_code icmpv4_type
in_port in_port_oxm in_phy_port
ip_dscp ip_dst ip_ecn ip_frag ip_proto ip_src ipv6_dst ipv6_label ipv6_src
ipv6_flabel ipv6_exthdr ipv4_src ipv4_dst
metadata mpls_bos mpls_label mpls_tc mpls_ttl
nd_options_type nd_reserved nd_sll nd_target nd_tll
ipv6_nd_target ipv6_nd_sll ipv6_nd_tll
nsh_c1 nsh_c2 nsh_c3 nsh_c4 nsh_flags nsh_mdtype nsh_np nsh_si nsh_spi
nsh_ttl nshc1 nshc2 nshc3 nshc4 nsi nsp
nw_dst nw_ecn nw_frag nw_proto nw_src nw_tos nw_ttl
packet_type pbb_isid pkt_mark recirc_id dp_hash skb_priority
sctp_dst sctp_src tcp_dst tcp_flags tcp_src tp_dst tp_src
tun_dst tun_erspan_dir tun_erspan_hwid tun_erspan_idx tun_erspan_ver
tun_flags tun_gbp_flags tun_gbp_id tun_gtpu_flags tun_gtpu_msgtype tun_id
tun_ipv6_dst tun_ipv6_src tun_src tunnel_id
udp_dst udp_src vlan_pcp vlan_tci vlan_vid
""".split()) | frozenset(
    ["reg%d" % i for i in range(16)]
    + ["xreg%d" % i for i in range(8)]
    + ["xxreg%d" % i for i in range(4)]
    + ["tun_metadata%d" % i for i in range(64)])

# Bare words that stand for a dl_type/nw_proto pair in a match.
PROTOCOL_KEYWORDS = frozenset("""
ip ipv4 ipv6 icmp icmp6 tcp tcp6 udp udp6 sctp sctp6 arp rarp mpls mplsm
""".split())

_PREFIX_RE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z0-9_]*(?: (?:request|reply))?)"
    r"(?: \(OF1\.3\))? \(xid=(?P<xid>0x[0-9a-f]+)\):")
_ITEM_RE = re.compile(r"^(?P<key>[a-z][a-z0-9_]*)=(?P<value>[^=,()\[\]{}]+)$")
_VERSION_TAG_RE = re.compile(r" \(OF1\.3\)")



def _is_match_item(item):
    if item in PROTOCOL_KEYWORDS:
        return True
    m = _ITEM_RE.match(item)
    return bool(m) and m.group("key") in MATCH_FIELDS


def _normalise_word(word):
    """Sorts 'word' if it is a comma-separated flow match, else returns it
    unchanged."""
    items = word.split(",")
    if len(items) < 2 or not all(_is_match_item(i) for i in items):
        return word
    return ",".join(sorted(items))


def normalise(text):
    """Returns (name, xid, body) for one message's text.

    'name' and 'xid' are None when the text has no recognisable prefix (then
    'body' is the whole text).  'body' has whitespace collapsed to single
    spaces, the " (OF1.3)" tags removed, and match words sorted."""
    text = _VERSION_TAG_RE.sub("", text)
    m = _PREFIX_RE.match(text)
    if m:
        name, xid = m.group("name"), m.group("xid")
        text = text[m.end():]
    else:
        name = xid = None
    words = text.split()
    return name, xid, " ".join(_normalise_word(w) for w in words)


def compare(ours, theirs):
    """Compares our text with Open vSwitch's for the same message.

    Returns (equal, our_normalised, their_normalised); the normalised
    strings are "NAME xid=XID: BODY" for showing in diagnostics."""
    on, ox, ob = normalise(ours)
    tn, tx, tb = normalise(theirs)
    # Message names must agree exactly: a generic OFPT_MULTIPART_REPLY for
    # Open vSwitch's "OFPST_FLOW reply" would be a formatter bug.
    equal = (on is not None and tn is not None and on == tn
             and ox == tx and ob == tb)
    return (equal, "%s xid=%s: %s" % (on, ox, ob),
            "%s xid=%s: %s" % (tn, tx, tb))


# Notes Open vSwitch prints about valid messages: a PACKET_IN that carries
# only the first miss_send_len bytes of a longer packet is normal.  They are
# still part of the text that must compare equal.
_BENIGN_NOTES = ("(***total_len != data_len***)",)

_PROBLEM_MARKERS = ("***", "warning", "WARN|", "ERR|", "EMER|",
                    "decode error", "parse error", "truncated")


def ovs_output_problem(stdout, stderr, returncode):
    """Returns a description of what is wrong with Open vSwitch's decode of
    a message ("" if it decoded cleanly).

    For an OFPT_ERROR only the first line counts: its data may quote a
    request that was itself invalid, which Open vSwitch then reports as a
    nested decode error without the ERROR being at fault."""
    if returncode != 0:
        return "ovs-ofctl exited with status %d" % returncode
    is_error = stdout.startswith("OFPT_ERROR ")
    checked = stdout.split("\n", 1)[0] if is_error else stdout
    for note in _BENIGN_NOTES:
        checked = checked.replace(note, "")
    for marker in _PROBLEM_MARKERS:
        if marker.lower() in checked.lower():
            return "ovs-ofctl output contains %r" % marker
    # Informational log lines (e.g. "OFPAT_SET_MPLS_TTL is deprecated in
    # OpenFlow13") do not mean the decode went wrong; anything else does.
    complaints = [line for line in stderr.splitlines()
                  if line.strip() and "|INFO|" not in line
                  and "|DBG|" not in line]
    if complaints and not is_error:
        return "ovs-ofctl printed on stderr: " + complaints[0][:300]
    if not stdout.strip():
        return "ovs-ofctl printed nothing"
    return ""
