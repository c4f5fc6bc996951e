#!/usr/bin/python3
# Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0.
"""Suite: the Mininet labs of mininet-tests/ (ofcd's L2 app, static flows
pushed with ofcctl, the VLAN app's tutorial lab, and the ARP rules and
mirror lab, on Open vSwitch with the userspace datapath), as one TAP
stream."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "mininet-tests"))

import lab_iperf      # noqa: E402
import lab_linkdown   # noqa: E402
import lab_move       # noqa: E402
import lab_pingall    # noqa: E402
import lab_restart    # noqa: E402
import lab_static_flow  # noqa: E402
import lab_vlan       # noqa: E402
import lab_arp_mirror  # noqa: E402
import ofclab         # noqa: E402

ofclab.run_labs([lab_pingall, lab_iperf, lab_move, lab_linkdown,
                 lab_restart, lab_static_flow, lab_vlan,
                 lab_arp_mirror])
