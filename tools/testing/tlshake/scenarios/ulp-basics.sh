#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The ULP attaches to established TCP sockets only, and stays out of the way
# of TCP options and plain data until a handshake runs.
grep -qw tlshake /proc/sys/net/ipv4/tcp_available_ulp || exit 1
exec ulp_basics
