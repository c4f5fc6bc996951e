# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
# shellcheck shell=bash
#
# Shared helpers for scripts/check, scripts/demo and bench/run-codec:
# installing Debian packages, bootstrapping autotools and configuring an
# out-of-tree build.  Source it; it defines functions and OFC_TOP only.

# The repository root, whatever the caller's working directory.
OFC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the build and the test suites need, and what for:
# compiler, make, autoreconf, pkg-config and the libraries configure checks;
# ovs-ofctl (openvswitch-common, the conformance oracle) and ovs-vsctl /
# ovs-vswitchd (openvswitch-switch); clang and its libFuzzer/sanitizer
# runtimes (scripts/fuzz); /usr/bin/python3 (the Python suites); ip
# (iproute2), ps (procps), setsid (util-linux), timeout, seq, nproc
# (coreutils), awk (mawk) and perl (perl-base, scripts/fuzz's seeds).
# The Mininet labs: mn (mininet), iperf3, ethtool (checksum offload off in
# the hosts), ping (iputils-ping), arping and tcpdump (the VLAN lab's
# ARP and broadcast checks).
OFC_PACKAGES=(
    build-essential autoconf automake pkg-config
    libevent-dev libjansson-dev libmicrohttpd-dev
    openvswitch-switch openvswitch-common
    clang libclang-rt-14-dev python3
    iproute2 procps util-linux coreutils mawk perl-base
    mininet iperf3 ethtool iputils-ping arping tcpdump
)

# ofc_say MESSAGE...: one progress line, prefixed with the script's name.
ofc_say() {
    printf '%s: %s\n' "${0##*/}" "$*"
}

# ofc_missing_packages PKG...: prints the packages that are not installed.
ofc_missing_packages() {
    local p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null \
                | grep -q 'install ok installed'; then
            echo "$p"
        fi
    done
}

# ofc_ensure_packages PKG...: installs the missing ones with apt-get.  Runs
# 'apt-get update' only when something is missing.  Returns nonzero on
# failure.
ofc_ensure_packages() {
    local missing
    missing=$(ofc_missing_packages "$@")
    if [ -z "$missing" ]; then
        return 0
    fi
    # shellcheck disable=SC2086
    ofc_say "installing missing packages:" $missing
    if [ "$(id -u)" -ne 0 ]; then
        ofc_say "not root: install them with apt-get and rerun"
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
    # shellcheck disable=SC2086
    "${apt[@]}" update && "${apt[@]}" install $missing
}

# ofc_bootstrap: runs 'autoreconf -fi' in the repository when configure is
# missing or older than any autotools input.
ofc_bootstrap() {
    (
        cd "$OFC_TOP" || exit 1
        local need=false f
        if [ ! -x configure ] || [ ! -f Makefile.in ]; then
            need=true
        else
            for f in configure.ac Makefile.am ./*/automake.mk; do
                if [ -f "$f" ] && [ "$f" -nt configure ]; then
                    need=true
                fi
            done
        fi
        if $need; then
            ofc_say "bootstrapping: autoreconf -fi"
            mkdir -p m4
            autoreconf -fi && rm -f configure~
        fi
    )
}

# ofc_configure DIR ARG...: configures an out-of-tree build in
# $OFC_TOP/DIR with the given configure arguments, unless it is already
# configured with exactly those.  (Later changes to configure.ac or the
# Makefiles are picked up by the generated Makefile itself.)
ofc_configure() {
    local dir=$1
    shift
    local stamp="$OFC_TOP/$dir/.ofc-configure-args"
    local want="$*"
    if [ -f "$OFC_TOP/config.status" ]; then
        ofc_say "the source tree is configured in place; out-of-tree" \
                "builds need 'make distclean' in $OFC_TOP first"
        return 1
    fi
    if [ -f "$OFC_TOP/$dir/Makefile" ] && [ -f "$stamp" ] \
       && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    ofc_say "configuring $dir: ../configure $want"
    mkdir -p "$OFC_TOP/$dir"
    (cd "$OFC_TOP/$dir" && ../configure -q "$@") || return 1
    printf '%s\n' "$want" >"$stamp"
}

# ofc_make DIR TARGET...: runs make in $OFC_TOP/DIR on every core.
ofc_make() {
    local dir=$1
    shift
    make -C "$OFC_TOP/$dir" -j"$(nproc)" --no-print-directory "$@"
}
