#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The SOL_TLSHAKE options refuse malformed values, oversize blobs and
# unknown options, and accept well-formed values up to their limits.
exec sockopt_checks
