#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The guest's half of make bench: every measurement, one result a line,
# each line a tag and a JSON object or the raw output it is read from.
#
#   guest.sh CERTDIR HANDSHAKES HANDSHAKES16 MIB SPEED_SECONDS FLOOR_MSECS
#
# CERTDIR holds ca-KIND.pem, KIND.pem and KIND.key for KIND ec256 and
# rsa2048.  hsbench, crypto-bench and evpfloor are on the PATH, and
# tlshake_bench.ko is where modprobe finds it.

# busybox ash, the guest's shell, has pipefail and local.
# shellcheck disable=SC3040,SC3043
set -euo pipefail

certs=$1
n1=$2
n16=$3
mib=$4
speed_seconds=$5
floor_msecs=$6

hs() {
	local impl="$1" group="$2" kind="$3" n="$4" conc="$5"

	printf 'hs {"group": "%s", "cert": "%s", "result": %s}\n' "$group" \
		"$kind" "$(hsbench handshakes "$impl" "$group" \
		"$certs/$kind.pem" "$certs/$kind.key" "$certs/ca-$kind.pem" \
		"$n" "$conc")"
}

for suite in x25519:ec256 x25519:rsa2048 p256:ec256; do
	group=${suite%:*}
	kind=${suite#*:}
	# A warm-up handshake each, so that neither pays for first use.
	hsbench handshakes tlshake "$group" "$certs/$kind.pem" \
		"$certs/$kind.key" "$certs/ca-$kind.pem" 2 1 > /dev/null
	hsbench handshakes openssl "$group" "$certs/$kind.pem" \
		"$certs/$kind.key" "$certs/ca-$kind.pem" 2 1 > /dev/null
	for impl in tlshake openssl; do
		hs "$impl" "$group" "$kind" "$n1" 1
		hs "$impl" "$group" "$kind" "$n16" 16
	done
done

# The primitives: tlshake's P-256 and RSA beside OpenSSL's in one process.
# (openssl speed cannot run here: it times with alarm(), which the test
# kernel, without POSIX timers, does not have.)
BENCH_SECONDS=$speed_seconds crypto-bench | sed 's/^/floor /'

# The crypto floor in the kernel: tlshake_bench.ko times each operation
# through the module's own interfaces while it loads and prints a line
# each to the kernel log; then it is removed.  OpenSSL's figures for the
# same operations follow, in the same form.  Three runs of each, in turn,
# so that a busy spell of the host does not fall on one side alone.
for _ in 1 2 3; do
	start=$(dmesg | wc -l)
	modprobe tlshake_bench msecs="$floor_msecs" && rmmod tlshake_bench
	dmesg | tail -n +$((start + 1)) |
		sed -n 's/^\[[ 0-9.]*\] tlshake_bench: /kprim tlshake /p'
	BENCH_MSECS=$floor_msecs evpfloor | sed 's/^/kprim openssl /'
done

echo "memory $(hsbench memory x25519 "$certs/ec256.pem" "$certs/ec256.key" \
	"$certs/ca-ec256.pem" 100)"

for impl in tlshake openssl; do
	echo "throughput $(hsbench throughput "$impl" x25519 "$certs/ec256.pem" \
		"$certs/ec256.key" "$certs/ca-ec256.pem" "$mib")"
done
echo "throughput $(hsbench sendfile x25519 "$certs/ec256.pem" \
	"$certs/ec256.key" "$certs/ca-ec256.pem" "$mib")"
