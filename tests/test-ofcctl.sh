#!/bin/bash
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
#
# TAP tests of 'ofcctl decode' and of ofcctl's command line: good messages
# of several types, the accepted hex spellings, stdin mode, several messages
# in one buffer, and malformed input with its exact exit status and error
# line.  Uses $OFCCTL, else $OFC_BUILD/rest/ofcctl, else
# build-check/rest/ofcctl under the repository.

set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
OFCCTL=${OFCCTL:-${OFC_BUILD:-$top/build-check}/rest/ofcctl}

n=0
failed=0

# ok COND_STATUS NAME: prints one TAP line for a check whose shell status
# (0 = passed) is given.
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}

diag() {
    printf '# %s\n' "$@"
}

# run ARGS...: runs ofcctl, leaving its stdout, stderr and status in
# $out, $err and $rc.  Input comes from $stdin_data when set.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {
    if [ -n "${stdin_data+x}" ]; then
        printf '%s' "$stdin_data" | "$OFCCTL" "$@" >"$tmp/out" 2>"$tmp/err"
    else
        "$OFCCTL" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    fi
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

# expect_rc WANT NAME
expect_rc() {
    [ "$rc" -eq "$1" ]
    ok $? "$2: exit status $1"
    [ "$rc" -eq "$1" ] || diag "got exit status $rc" "stderr: $err"
}

# expect_err WANT NAME: stderr is exactly one line equal to WANT.
expect_err() {
    [ "$err" = "$1" ]
    ok $? "$2: error text"
    [ "$err" = "$1" ] || diag "   got: $err" "  want: $1"
}

# expect_out_re LINE REGEX NAME: line number LINE of stdout matches REGEX.
expect_out_re() {
    local line
    line=$(printf '%s\n' "$out" | sed -n "$1p")
    [[ $line =~ $2 ]]
    ok $? "$3"
    [[ $line =~ $2 ]] || diag "line $1: $line" "want /$2/"
}

# expect_lines N NAME: stdout has exactly N lines.
expect_lines() {
    local got
    got=$(printf '%s' "$out" | grep -c '')
    [ "$got" -eq "$1" ]
    ok $? "$2: $1 output line(s)"
    [ "$got" -eq "$1" ] || diag "got $got lines:" "$out"
}

if [ ! -x "$OFCCTL" ]; then
    echo "not ok 1 - ofcctl binary exists at $OFCCTL"
    echo "1..1"
    exit 1
fi

# Sample messages (checked with 'ovs-ofctl ofp-print').
HELLO=04000010000000010001000800000010
FEATURES=0406002000000002000000000000000100000100fe0000000000004700000000
# ADD priority=100,ip actions=ct(commit,zone=1),output:2
FM_HEAD=040e007000000003000000000000000000000000000000000000000000000064
FM_HEAD=${FM_HEAD}ffffffffffffffffffffffff00000000
FM_MATCH=0001000a80000a020800000000000000
FM_APPLY=0004003000000000
FM_CT=ffff00180000232000230001000000000001ff0000000000
FM_OUTPUT=0000001000000002ffe5000000000000
FLOW_MOD=$FM_HEAD$FM_MATCH$FM_APPLY$FM_CT$FM_OUTPUT
# PACKET_IN, no_match, in_port=1, a 60-byte ARP request.
ARP=ffffffffffff00000000000108060001080006040001000000000001\
0a0000010000000000000a000002000000000000000000000000000000000000
PACKET_IN=040a006600000000ffffffff003c00000000000000000000
PACKET_IN=${PACKET_IN}0001000c800000040000000100000000""0000$ARP
# The same PACKET_IN whose in_port TLV claims 8 bytes in a 12-byte match.
BAD_OXM=${PACKET_IN/0001000c80000004/0001000c80000008}

# --- Command line. ---
run --help
expect_rc 0 "--help"
[[ $out == *"decode HEX"* ]]; ok $? "--help lists decode"
run --version
expect_rc 0 "--version"
[[ $out =~ ^ofcctl\ \(ofc\)\ [0-9] ]]; ok $? "--version prints the version"
run frobnicate
expect_rc 2 "unknown command"
expect_err "ofcctl: unknown command 'frobnicate' (use --help for help)" \
           "unknown command"
run
expect_rc 2 "no command"
run --bogus decode 00
expect_rc 2 "unknown option"
run decode
expect_rc 2 "decode without arguments"
run decode - 0400
expect_rc 2 "decode with '-' and hex"

# --- Good messages. ---
run decode $HELLO
expect_rc 0 "hello"
expect_lines 1 "hello"
expect_out_re 1 '^OFPT_HELLO \(xid=0x1\): ' "hello: type and xid"
[ -z "$err" ]; ok $? "hello: nothing on stderr"

run decode $FEATURES
expect_rc 0 "features reply"
expect_out_re 1 '^OFPT_FEATURES_REPLY \(xid=0x2\): .*dpid:0000000000000001' \
              "features reply: dpid"

run decode $FLOW_MOD
expect_rc 0 "flow mod with ct"
expect_out_re 1 '^OFPT_FLOW_MOD \(xid=0x3\): ADD .*priority=100' \
              "flow mod: command and priority"
expect_out_re 1 'actions=ct\(commit,zone=1\),output:2$' \
              "flow mod: ct and output actions as OVS prints them"

run decode $PACKET_IN
expect_rc 0 "packet in"
expect_out_re 1 '^OFPT_PACKET_IN \(xid=0x0\): .*in_port=1' \
              "packet in: in_port"
expect_out_re 1 'no_match' "packet in: reason"

# Spellings: 0x prefixes, spaces, newlines, upper case, split arguments.
spaced=$(echo "$HELLO" | sed 's/../& /g')
run decode "0x$HELLO"
expect_rc 0 "0x prefix"
run decode $spaced
expect_rc 0 "one byte per argument"
expect_out_re 1 '^OFPT_HELLO \(xid=0x1\)' "one byte per argument: decoded"
run decode "0x0400 0x0010
00000001 0X00010008 0000$(echo 0010 | tr a-f A-F)"
expect_rc 0 "0x, spaces and newline in one argument"
expect_out_re 1 '^OFPT_HELLO \(xid=0x1\)' "mixed spelling: decoded"

# Several messages in one buffer.
run decode "$HELLO$FEATURES$PACKET_IN"
expect_rc 0 "three messages in one buffer"
expect_lines 3 "three messages in one buffer"
expect_out_re 1 '^OFPT_HELLO ' "buffer: first is the hello"
expect_out_re 2 '^OFPT_FEATURES_REPLY ' "buffer: second is the features reply"
expect_out_re 3 '^OFPT_PACKET_IN ' "buffer: third is the packet in"

# Stdin: one or more messages per line, blank and comment lines skipped.
stdin_data="$HELLO

# a comment
0x$FEATURES $HELLO
$FLOW_MOD
"
run decode -
unset stdin_data
expect_rc 0 "stdin"
expect_lines 4 "stdin"
expect_out_re 2 '^OFPT_FEATURES_REPLY ' "stdin: second line's first message"
expect_out_re 4 '^OFPT_FLOW_MOD ' "stdin: last line"

stdin_data="$HELLO
04zz
$FEATURES
"
run decode -
unset stdin_data
expect_rc 1 "stdin with a bad line"
expect_lines 2 "stdin with a bad line keeps going"
expect_err "ofcctl: decode: line 2: byte 1: invalid hex character 'z'" \
           "stdin with a bad line"

# --- Malformed input. ---
run decode 0400000
expect_rc 1 "odd number of hex digits"
expect_err "ofcctl: decode: byte 3: odd number of hex digits" \
           "odd number of hex digits"

run decode 0400zz10
expect_rc 1 "non-hex characters"
expect_err "ofcctl: decode: byte 2: invalid hex character 'z'" \
           "non-hex characters"

run decode "   "
expect_rc 1 "no hex digits"
expect_err "ofcctl: decode: no hex digits in input" "no hex digits"

run decode 040000100000
expect_rc 1 "truncated header"
expect_err "ofcctl: decode: byte 0: OFPBRC_BAD_LEN (truncated header: 6 of 8 bytes)" \
           "truncated header"

run decode "$HELLO${FEATURES:0:40}"
expect_rc 1 "truncated second message"
expect_lines 1 "truncated second message: first still printed"
expect_err "ofcctl: decode: byte 16: OFPBRC_BAD_LEN (header length 32 but only 20 bytes left)" \
           "truncated second message"

run decode 0400006400000001
expect_rc 1 "length that lies"
expect_err "ofcctl: decode: byte 0: OFPBRC_BAD_LEN (header length 100 but only 8 bytes left)" \
           "length that lies"

run decode 0400000400000001
expect_rc 1 "length below the header"
expect_err "ofcctl: decode: byte 0: OFPBRC_BAD_LEN (header length 4 is less than 8)" \
           "length below the header"

run decode "$BAD_OXM"
expect_rc 1 "OXM overrun"
expect_err "ofcctl: decode: byte 28: OFPBMC_BAD_LEN (OXM TLV overruns match)" \
           "OXM overrun"

run decode "$HELLO$BAD_OXM"
expect_rc 1 "OXM overrun in the second message"
expect_err "ofcctl: decode: byte 44: OFPBMC_BAD_LEN (OXM TLV overruns match)" \
           "OXM overrun offset counts from the start of the input"

# An apply-actions instruction whose output action says 24 bytes.
bad_action=$FM_HEAD$FM_MATCH$FM_APPLY$FM_CT${FM_OUTPUT/00000010/00000018}
run decode "$bad_action"
expect_rc 1 "action overrun"
[[ $err =~ ^ofcctl:\ decode:\ byte\ 96:\ OFPBAC_BAD_LEN ]]
ok $? "action overrun: offset of the output action and OFPBAC_BAD_LEN"
[[ $err =~ ^ofcctl:\ decode:\ byte\ 96:\ OFPBAC_BAD_LEN ]] || diag "$err"

# --- Hostile input: one error line with an offset, exit 1, no crash (the
# suite runs under the sanitizers, which turn a crash into another status).
run decode 0400ffff00000001
expect_rc 1 "length 0xffff with 8 bytes"
expect_err "ofcctl: decode: byte 0: OFPBRC_BAD_LEN (header length 65535 but only 8 bytes left)" \
           "length 0xffff with 8 bytes"

run decode "040effff00000001$(printf '%0200d' 0)"
expect_rc 1 "FLOW_MOD claiming 0xffff bytes"
expect_lines 0 "FLOW_MOD claiming 0xffff bytes"

# A NUL byte on a stdin line must not hide what follows it.
printf '%s\0zz\n' "$HELLO" >"$tmp/nul.in"
"$OFCCTL" decode - <"$tmp/nul.in" >"$tmp/out" 2>"$tmp/err"
rc=$?; out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
expect_rc 1 "NUL byte in a stdin line"
expect_err "ofcctl: decode: line 1: byte 16: invalid hex character 0x00" \
           "NUL byte in a stdin line"

# Binary garbage: every line fails with exactly one error line.
# ("zz" first: a line that happened to start with '#' would be a comment.)
{ printf zz; head -c 4096 /dev/urandom | tr '\n' 'x'; } >"$tmp/garbage.in"
printf '\n%s\x01\n' "$HELLO" >>"$tmp/garbage.in"
"$OFCCTL" decode - <"$tmp/garbage.in" >"$tmp/out" 2>"$tmp/err"
rc=$?; out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
expect_rc 1 "binary garbage"
expect_lines 0 "binary garbage"
n_err=$(grep -c '' "$tmp/err")
n_bad=$(grep -c '^ofcctl: decode: line [12]: byte [0-9]*: ' "$tmp/err")
[ "$n_err" -eq 2 ] && [ "$n_bad" -eq 2 ]
ok $? "binary garbage: one error line with a byte offset per input line"
[ "$n_err" -eq 2 ] && [ "$n_bad" -eq 2 ] || diag "$err"

# Many messages, a very long line, a megabyte of hex.
printf "$HELLO%.0s" $(seq 5000) >"$tmp/many.in"
echo >>"$tmp/many.in"
"$OFCCTL" decode - <"$tmp/many.in" >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "5000 messages on one line"
[ "$(grep -c '^OFPT_HELLO ' "$tmp/out")" -eq 5000 ] && [ ! -s "$tmp/err" ]
ok $? "5000 messages on one line: 5000 lines out, nothing on stderr"

{ printf '%*s' 1000000 ''; echo "$HELLO"; } >"$tmp/long.in"
"$OFCCTL" decode - <"$tmp/long.in" >"$tmp/out" 2>"$tmp/err"
rc=$?; err=$(cat "$tmp/err")
expect_rc 0 "a line of a million spaces and a HELLO"

{ printf '0400ffff00000001'; head -c 500000 /dev/zero | tr '\0' 'a'; echo; } \
    >"$tmp/big.in"
"$OFCCTL" decode - <"$tmp/big.in" >"$tmp/out" 2>"$tmp/err"
rc=$?; err=$(cat "$tmp/err")
expect_rc 1 "a 0xffff-byte HELLO in 250008 bytes"
expect_err "ofcctl: decode: line 1: byte 43704: OFPBRC_BAD_LEN (hello element overruns message)" \
           "a 0xffff-byte HELLO in 250008 bytes"

echo "1..$n"
[ "$failed" -eq 0 ]
