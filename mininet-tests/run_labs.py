#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Runs every Mininet lab under one TAP plan (see ofclab.run_labs)."""

import lab_iperf
import lab_linkdown
import lab_move
import lab_pingall
import lab_restart
import lab_static_flow
import lab_vlan
import lab_arp_mirror
import ofclab

if __name__ == "__main__":
    ofclab.run_labs([lab_pingall, lab_iperf, lab_move, lab_linkdown,
                     lab_restart, lab_static_flow, lab_vlan,
                     lab_arp_mirror])
