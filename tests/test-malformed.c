/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The malformed-input table for the whole decoder, ofp_decode().
 *
 * Each row is a hostile (or, as a control, well-formed) OpenFlow 1.3
 * message written out in hex from the wire layouts of the OpenFlow 1.3.5
 * spec and the ONF/Nicira extensions, with the enum ofperr the decoder must
 * return: the code an OFPT_ERROR reply would carry.  The well-formed base
 * of every kind of row was checked with `ovs-ofctl ofp-print`.  Where Open
 * vSwitch reports a different code for the same bytes, the row says so in
 * 'ovs'; the expected code is then the one the OpenFlow 1.3 spec and our
 * headers call for.
 *
 * Every row is also decoded at every truncation (each shorter prefix, with
 * the header's length field left as it is), in a heap block of exactly
 * that size, so that a sanitizer build proves no read past the end; every
 * such prefix must be rejected with a valid ofperr.  Well-formed rows must
 * also format, re-encode and decode again. */

#include <stdlib.h>
#include <string.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-errors.h"
#include "ofp/ofp-msgs.h"
#include "tests/tap.h"

/* One table row.  'hex' may contain spaces. */
struct malformed_row {
    const char *name;
    const char *hex;
    enum ofperr want;           /* 0: must decode. */
    const char *ovs;            /* What Open vSwitch says, if different. */
};

static const struct malformed_row rows[] = {
    { "empty input",
      "",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "4-byte input",
      "04000008",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "7-byte header",
      "04000008000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "header length 4 (< 8)",
      "0402000400000001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "header length 0",
      "0402000000000001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "header length beyond data (16 of 8)",
      "0402001000000001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "header length below data (8 of 12)",
      "0402000800000001 61626364",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed HELLO",
      "0400000800000001",
      0, NULL },
    { "HELLO version 1 still decodes",
      "0100000800000001",
      0, NULL },
    { "ECHO_REQUEST version 1",
      "0102000800000001",
      OFPERR_OFPBRC_BAD_VERSION, NULL },
    { "FEATURES_REQUEST version 5",
      "0505000800000001",
      OFPERR_OFPBRC_BAD_VERSION, NULL },
    { "FLOW_MOD version 3",
      "030e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000",
      OFPERR_OFPBRC_BAD_VERSION, NULL },
    { "unknown type 30",
      "041e000800000001",
      OFPERR_OFPBRC_BAD_TYPE, NULL },
    { "unknown type 255",
      "04ff000800000001",
      OFPERR_OFPBRC_BAD_TYPE, NULL },
    { "well-formed ECHO_REQUEST with payload",
      "0402000c00000001 70696e67",
      0, NULL },
    { "FEATURES_REQUEST with a body",
      "0405000c00000001 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "BARRIER_REQUEST with a body",
      "0414001000000001 0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed FEATURES_REPLY",
      "0406002000000001 0000000000000001 00000100fe000000 0000004f00000000",
      0, NULL },
    { "FEATURES_REPLY with 16 bytes",
      "0406001000000001 0000000000000001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "FEATURES_REPLY too long (40 bytes)",
      "0406002800000001 0000000000000001 00000100fe000000 0000004f00000000 "
      "0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "SET_CONFIG with 10 bytes",
      "0409000a00000001 0000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "ROLE_REQUEST with 16 bytes",
      "0418001000000001 0000000200000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PORT_MOD too short",
      "0410002000000001 0000000000000000 0000000000000000 0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "TABLE_MOD too long",
      "0411001800000001 0000000000000000 0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "SET_ASYNC too short",
      "041c001c00000001 0000000000000000 0000000000000000 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "ERROR with 10 bytes",
      "0401000a00000001 0001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PORT_STATUS one byte short",
      "040c004f00000001 0000000000000000 0000000100000000 0000000000000000 "
      "6574683000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 00000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "FLOW_REMOVED shorter than its fixed part",
      "040b002800000001 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "EXPERIMENTER shorter than 16 bytes",
      "0404000c00000001 00002320",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed FLOW_MOD",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0000001000000002 0000000000000000",
      0, NULL },
    { "FLOW_MOD shorter than its fixed part",
      "040e002800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "FLOW_MOD without a match",
      "040e003000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "match type 0 (STANDARD)",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0000000c80000004 0000000100000000",
      OFPERR_OFPBMC_BAD_TYPE,
      "OVS: OFPBMC_BAD_LEN (reads an 88-byte standard match)" },
    { "match type 2",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0002000c80000004 0000000100000000",
      OFPERR_OFPBMC_BAD_TYPE, NULL },
    { "match length 2 (< 4)",
      "040e003800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000200000000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "match not padded to 8",
      "040e003c00000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 00000001",
      OFPERR_OFPBMC_BAD_LEN,
      "OVS: OFPBRC_BAD_LEN (message not a multiple of 8)" },
    { "match length beyond the message",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001002480000004 0000000100000000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "OXM TLV overruns the match",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000008 0000000100000000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "OXM TLV header cut by the match length",
      "040e003800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000680000000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "OXM in_port with length 2",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000002 0001000000000000",
      OFPERR_OFPBMC_BAD_LEN,
      "OVS: OFPBMC_BAD_FIELD" },
    { "OXM eth_type with length 4",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000a04 0000080000000000",
      OFPERR_OFPBMC_BAD_LEN,
      "OVS: OFPBMC_BAD_FIELD" },
    { "OXM in_port with length 0",
      "040e003800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000880000000",
      OFPERR_OFPBMC_BAD_LEN,
      "OVS: OFPBMC_BAD_FIELD" },
    { "duplicate in_port",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001480000004 0000000180000004 "
      "0000000100000000",
      OFPERR_OFPBMC_DUP_FIELD, NULL },
    { "duplicate eth_type",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001080000a02 080080000a020800",
      OFPERR_OFPBMC_DUP_FIELD, NULL },
    { "mask on in_port",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001080000108 00000001000000ff",
      OFPERR_OFPBMC_BAD_MASK, NULL },
    { "mask on ip_proto",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001080000a02 080080001502060f",
      OFPERR_OFPBMC_BAD_MASK, NULL },
    { "tcp_dst without ip_proto",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001080000a02 080080001c020050",
      OFPERR_OFPBMC_BAD_PREREQ, NULL },
    { "tcp_dst with ip_proto=17",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001580000a02 0800800014011180 "
      "001c020050000000",
      OFPERR_OFPBMC_BAD_PREREQ, NULL },
    { "ipv4_src without eth_type",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80001604 0a00000100000000",
      OFPERR_OFPBMC_BAD_PREREQ, NULL },
    { "arp_op with eth_type IPv4",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001080000a02 080080002a020001",
      OFPERR_OFPBMC_BAD_PREREQ, NULL },
    { "vlan_pcp without vlan_vid",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000980000e01 0300000000000000",
      OFPERR_OFPBMC_BAD_PREREQ, NULL },
    { "well-formed tcp_dst match",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001001580000a02 0800800014010680 "
      "001c020050000000",
      0, NULL },
    { "unknown OXM basic field 60",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80007804 0000000100000000",
      OFPERR_OFPBMC_BAD_FIELD, NULL },
    { "vlan_vid 0x2000 out of range",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000c02 2000000000000000",
      OFPERR_OFPBMC_BAD_VALUE, NULL },
    { "ip_dscp 64 out of range",
      "040e004000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000f80000a02 0800800010014000",
      OFPERR_OFPBMC_BAD_VALUE, NULL },
    { "unknown instruction type 9",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0009000800000000",
      OFPERR_OFPBIC_UNKNOWN_INST, NULL },
    { "instruction length 4",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0001000400000000",
      OFPERR_OFPBIC_BAD_LEN, NULL },
    { "goto_table length 16",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0001001001000000 0000000000000000",
      OFPERR_OFPBIC_BAD_LEN, NULL },
    { "instruction overruns the message",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0001001001000000",
      OFPERR_OFPBIC_BAD_LEN, NULL },
    { "instruction header cut short",
      "040e004400000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "00010008",
      OFPERR_OFPBIC_BAD_LEN,
      "OVS: OFPBRC_BAD_LEN (message not a multiple of 8)" },
    { "write_metadata length 16",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0002001000000000 0000000000000000",
      OFPERR_OFPBIC_BAD_LEN, NULL },
    { "apply_actions length 12",
      "040e004c00000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004000c00000000 00000000",
      OFPERR_OFPBIC_BAD_LEN,
      "OVS: OFPBRC_BAD_LEN (message not a multiple of 8)" },
    { "output action length 12",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0000000c00000002 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "action length 0",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0000000000000002 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "action overruns apply_actions",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0000001800000002 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "output action length 8",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001000000000 0000000800000002",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "action type 1 (OF1.0 set_vlan_vid)",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001000000000 0001000800000000",
      OFPERR_OFPBAC_BAD_TYPE,
      "OVS: OFPBAC_MATCH_INCONSISTENT (takes it as OF1.1 set_vlan_vid)" },
    { "action type 100",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001000000000 0064000800000000",
      OFPERR_OFPBAC_BAD_TYPE, NULL },
    { "pop_vlan length 16",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0012001000000000 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "set_field with unknown field",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001800000000 0019001080007804 0000000100000000",
      OFPERR_OFPBAC_BAD_SET_TYPE,
      "OVS: OFPBAC_BAD_SET_LEN" },
    { "set_field eth_dst with length 4",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000400000000 0004001800000000 "
      "0019001080000604 0000000100000000",
      OFPERR_OFPBAC_BAD_SET_LEN, NULL },
    { "set_field TLV overruns the action",
      "040e004800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000400000000 0004001000000000 "
      "0019000880000606",
      OFPERR_OFPBAC_BAD_SET_LEN,
      "OVS: OFPBMC_BAD_LEN" },
    { "well-formed ct(commit)",
      "040e006000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000a02 0800000000000000 "
      "0004002000000000 ffff001800002320 0023000100000000 0000ff0000000000",
      0, NULL },
    { "ct nested action overruns ct",
      "040e006800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000a02 0800000000000000 "
      "0004002800000000 ffff002000002320 0023000100000000 0000ff0000000000 "
      "0000001000000002",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "ct length 16 (< 24)",
      "040e005800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000a02 0800000000000000 "
      "0004001800000000 ffff001000002320 0023000100000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "ct length 28 (not a multiple of 8)",
      "040e006800000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000a02 0800000000000000 "
      "0004002800000000 ffff001c00002320 0023000100000000 0000ff0000000000 "
      "0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "ct nested action length 0",
      "040e007000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000a80000a02 0800000000000000 "
      "0004003000000000 ffff002800002320 0023000100000000 0000ff0000000000 "
      "0000000000000002 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "Nicira action shorter than its header",
      "040e005000000001 0000000000000000 0000000000000000 0000000000008000 "
      "ffffffffffffffff ffffffff00000000 0001000c80000004 0000000100000000 "
      "0004001000000000 ffff000800002320",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "well-formed PACKET_OUT",
      "040d002800000001 fffffffffffffffd 0010000000000000 0000001000000002 "
      "0000000000000000",
      0, NULL },
    { "PACKET_OUT actions_len beyond the message",
      "040d002800000001 fffffffffffffffd 0020000000000000 0000001000000002 "
      "0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PACKET_OUT actions_len not a multiple of 8",
      "040d002c00000001 fffffffffffffffd 0014000000000000 0000001000000002 "
      "0000000000000000 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PACKET_OUT action length lying",
      "040d003000000001 fffffffffffffffd 0010000000000000 0000001800000002 "
      "0000000000000000 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "well-formed PACKET_IN",
      "040a003800000001 ffffffff003c0000 0000000000000000 0001000c80000004 "
      "0000000100000000 0000000000000000 0000000000000000",
      0, NULL },
    { "PACKET_IN without the 2 pad bytes",
      "040a002800000001 ffffffff003c0000 0000000000000000 0001000c80000004 "
      "0000000100000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PACKET_IN match with bad OXM length",
      "040a002a00000001 ffffffff003c0000 0000000000000000 0001000c8000000c "
      "0000000100000000 0000",
      OFPERR_OFPBMC_BAD_LEN, NULL },
    { "well-formed DESC request",
      "0412001000000001 0000000000000000",
      0, NULL },
    { "MULTIPART_REQUEST shorter than 16",
      "0412000c00000001 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "unknown multipart request type 99",
      "0412001000000001 0063000000000000",
      OFPERR_OFPBRC_BAD_MULTIPART, NULL },
    { "unknown multipart reply type 99",
      "0413001000000001 0063000000000000",
      OFPERR_OFPBRC_BAD_MULTIPART, NULL },
    { "well-formed FLOW stats reply",
      "0413006800000001 0001000000000000 0058000000000001 0000000200640000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0001000c80000004 0000000100000000 0004001800000000 0000001000000002 "
      "0000000000000000",
      0, NULL },
    { "flow stats entry length beyond the body",
      "0413005000000001 0001000000000000 00c8000000000001 0000000200640000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0001000c80000004 0000000100000000",
      OFPERR_OFPBRC_BAD_LEN,
      "OVS: OFPBIC_BAD_LEN" },
    { "flow stats entry length 0",
      "0413005000000001 0001000000000000 0000000000000001 0000000200640000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0001000c80000004 0000000100000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PORT_STATS reply with a partial entry",
      "0413007400000001 0004000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "PORT_DESC reply with 63 bytes",
      "0413004f00000001 000d000000000000 0000000100000000 0000000000000000 "
      "6574683000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 00000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "DESC reply with a short body",
      "0413007400000001 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 0000000000000000 0000000000000000 "
      "0000000000000000 0000000000000000 00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "FLOW stats request with a short body",
      "0412002400000001 0001000000000000 0000000000000000 0000000000000000 "
      "00000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed GROUP_MOD",
      "040f003000000001 0000000000000001 00200000ffffffff ffffffff00000000 "
      "0000001000000002 0000000000000000",
      0, NULL },
    { "bucket length beyond the message",
      "040f003000000001 0000000000000001 00400000ffffffff ffffffff00000000 "
      "0000001000000002 0000000000000000",
      OFPERR_OFPGMFC_BAD_BUCKET, NULL },
    { "bucket length 8 (< 16)",
      "040f002000000001 0000000000000001 00080000ffffffff ffffffff00000000",
      OFPERR_OFPGMFC_BAD_BUCKET, NULL },
    { "bucket action length lying",
      "040f003000000001 0000000000000001 00200000ffffffff ffffffff00000000 "
      "0000001800000002 0000000000000000",
      OFPERR_OFPBAC_BAD_LEN, NULL },
    { "GROUP_DESC reply entry length lying",
      "0413003800000001 0007000000000000 0050000000000001 00200000ffffffff "
      "ffffffff00000000 0000001000000002 0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "GROUP_DESC reply bucket length lying",
      "0413003800000001 0007000000000000 0028000000000001 00300000ffffffff "
      "ffffffff00000000 0000001000000002 0000000000000000",
      OFPERR_OFPGMFC_BAD_BUCKET, NULL },
    { "well-formed METER_MOD",
      "041d002000000001 0000000100000001 00010010000003e8 0000000000000000",
      0, NULL },
    { "meter band length lying",
      "041d002000000001 0000000100000001 00010020000003e8 0000000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "HELLO with a version bitmap",
      "0400001000000001 0001000800000010",
      0, NULL },
    { "HELLO element length lying",
      "0400001000000001 0001001000000010",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "HELLO element length 0",
      "0400001000000001 0001000000000000",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "HELLO element header cut short",
      "0400000a00000001 0001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed BUNDLE_CONTROL",
      "0404001800000001 4f4e4600000008fc 0000000100000001",
      0, NULL },
    { "BUNDLE_CONTROL too short",
      "0404001400000001 4f4e4600000008fc 00000001",
      OFPERR_OFPBRC_BAD_LEN, NULL },
    { "well-formed BUNDLE_ADD of a FLOW_MOD",
      "0404007000000001 4f4e4600000008fd 0000000100000001 040e005800000001 "
      "0000000000000000 0000000000000000 0000000000008000 ffffffffffffffff "
      "ffffffff00000000 0001000c80000004 0000000100000000 0004001800000000 "
      "0000001000000002 0000000000000000",
      0, NULL },
    { "BUNDLE_ADD inner length beyond the message",
      "0404002000000001 4f4e4600000008fd 0000000100000001 0414001000000001",
      OFPERR_OFPBRC_BAD_LEN,
      "OVS: OFPBFC_MSG_BAD_LEN (OF1.4 code)" },
    { "BUNDLE_ADD inner length below 8",
      "0404002000000001 4f4e4600000008fd 0000000100000001 0414000400000001",
      OFPERR_OFPBRC_BAD_LEN,
      "OVS: OFPBFC_MSG_BAD_LEN (OF1.4 code)" },
    { "BUNDLE_ADD inner message cut short",
      "0404001a00000001 4f4e4600000008fd 0000000100000001 0414",
      OFPERR_OFPBRC_BAD_LEN,
      "OVS: OFPBFC_MSG_BAD_LEN (OF1.4 code)" },
    { "BUNDLE_ADD inner version 1",
      "0404002000000001 4f4e4600000008fd 0000000100000001 0114000800000001",
      OFPERR_OFPBRC_BAD_VERSION,
      "OVS: OFPBFC_BAD_VERSION (OF1.4 code)" },
    { "BUNDLE_ADD inner FLOW_MOD with bad match",
      "0404006000000001 4f4e4600000008fd 0000000100000001 040e004800000001 "
      "0000000000000000 0000000000000000 0000000000008000 ffffffffffffffff "
      "ffffffff00000000 0001001480000004 0000000180000004 0000000100000000",
      OFPERR_OFPBMC_DUP_FIELD, NULL },
};

/* Converts 'hex' into at most 'max' bytes at 'out'; returns the count.
 * Aborts on a malformed table entry, which is a bug in this file. */
static size_t
parse_hex(const char *hex, uint8_t *out, size_t max)
{
    size_t n = 0;
    int nibble = -1;
    for (const char *s = hex; *s; s++) {
        int v;
        if (*s == ' ') {
            continue;
        } else if (*s >= '0' && *s <= '9') {
            v = *s - '0';
        } else if (*s >= 'a' && *s <= 'f') {
            v = *s - 'a' + 10;
        } else {
            abort();
        }
        if (nibble < 0) {
            nibble = v;
        } else {
            if (n >= max) {
                abort();
            }
            out[n++] = (uint8_t) (nibble << 4 | v);
            nibble = -1;
        }
    }
    if (nibble >= 0) {
        abort();
    }
    return n;
}

/* Decodes a private heap copy of exactly 'len' bytes of 'data', so that
 * AddressSanitizer sees any read past the end. */
static enum ofperr
decode_copy(const uint8_t *data, size_t len, struct ofp_arena *arena,
            struct ofp_msg *msg)
{
    uint8_t *copy = malloc(len ? len : 1);
    if (len) {
        memcpy(copy, data, len);
    }
    ofp_arena_reset(arena);
    memset(msg, 0, sizeof *msg);
    enum ofperr error = ofp_decode(copy, len, arena, msg);
    free(copy);
    return error;
}

/* Runs one row: the whole message, then every truncation. */
static void
run_row(const struct malformed_row *row, struct ofp_arena *arena)
{
    uint8_t data[1024];
    size_t n = parse_hex(row->hex, data, sizeof data);
    struct ofp_msg msg;

    /* The whole message.  Decode from a copy that stays alive for the
     * format/encode checks, since the result borrows from it. */
    uint8_t *copy = malloc(n ? n : 1);
    memcpy(copy, data, n);
    ofp_arena_reset(arena);
    memset(&msg, 0, sizeof msg);
    enum ofperr got = ofp_decode(copy, n, arena, &msg);
    if (!tap_ok(got == row->want, "%s: %s", row->name,
                row->want ? ofperr_name(row->want) : "decodes")) {
        tap_diag("   got: %s", got ? ofperr_name(got) : "0 (decodes)");
        tap_diag("  want: %s", row->want ? ofperr_name(row->want) : "0");
    }
    if (row->ovs) {
        tap_diag("%s: %s", row->name, row->ovs);
    }

    if (!row->want && !got) {
        struct ofp_ds ds = OFP_DS_INITIALIZER;
        struct ofpbuf b = OFPBUF_INITIALIZER;
        ofp_format(&msg, &ds);
        ofp_encode(&msg, &b);
        struct ofp_arena arena2 = OFP_ARENA_INITIALIZER;
        struct ofp_msg msg2;
        enum ofperr again = b.size ? decode_copy(b.data, b.size, &arena2,
                                                 &msg2)
                                   : OFPERR_OFPBRC_BAD_LEN;
        if (!tap_ok(ds.length > 0 && !again,
                    "%s: formats, re-encodes and decodes again",
                    row->name)) {
            tap_diag("text: %s", ofp_ds_cstr(&ds));
            tap_diag("re-decode: %s", again ? ofperr_name(again) : "ok");
        }
        ofp_arena_destroy(&arena2);
        ofpbuf_uninit(&b);
        ofp_ds_destroy(&ds);
    }
    free(copy);

    /* Every truncation must be rejected, and never crash.  A prefix as
     * long as the header's length field is a whole message, so it is
     * exempt. */
    size_t hlen = n >= 4 ? ofp_get_be16(data + 2) : SIZE_MAX;
    size_t accepted = 0, first_bad = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        enum ofperr e = decode_copy(data, k, arena, &msg);
        if (k != hlen && !ofperr_is_valid(e)) {
            accepted++;
            if (first_bad == SIZE_MAX) {
                first_bad = k;
            }
        }
    }
    if (!tap_ok(!accepted, "%s: all %zu truncations rejected cleanly",
                row->name, n)) {
        tap_diag("%zu accepted, first at length %zu", accepted, first_bad);
    }
}

/* Runs every row of the table and prints the TAP plan. */
int
main(void)
{
    struct ofp_arena arena = OFP_ARENA_INITIALIZER;
    size_t n_rows = sizeof rows / sizeof *rows;
    tap_ok(n_rows >= 50, "the table has %zu rows", n_rows);
    for (size_t i = 0; i < n_rows; i++) {
        run_row(&rows[i], &arena);
    }
    ofp_arena_destroy(&arena);
    return tap_done();
}
