#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The version the tlshake client negotiates: a client of TLS 1.3 and 1.2
# (the default) agrees on 1.2 with openssl's server capped at 1.2 and on
# 1.3 with one of both.  A client that offered TLS 1.3 refuses a TLS 1.2
# ServerHello whose random carries the downgrade sentinel (RFC 8446
# 4.1.3) with illegal_parameter; a client of TLS 1.3 alone refuses TLS 1.2
# with protocol_version.

. /tlshake/testing/lib/common.sh

cert ec256
pem=$CERTS/ec256.pem
key=$CERTS/ec256.key

# version WHAT PROTOCOL S_SERVER-ARGS...: a handshake with no data.
version() {
	local what=$1 proto=$2

	shift 2
	next_port
	sleep 30 |
		openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" \
			-key "$key" "$@" > sout 2>&1 &
	server=$!
	wait_listen "$PORT"
	tlshake client --CAfile "$pem" --sni localhost 127.0.0.1 "$PORT" \
		< /dev/null > cout 2> cerr
	rc=$?
	wait_exit $server > /dev/null
	[ $rc = 0 ] || { cat cerr sout; fail "$what: client exit status $rc"; }
	expect cerr "^Protocol +: $proto\$" "$what"
}

version "server of TLS 1.2" TLSv1.2 -tls1_2
version "server of both" TLSv1.3

# A TLS 1.2 ServerHello, sent whatever the client says: server_version
# 1.2, a random ending in "DOWNGRD" 01, no session ID, suite
# ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, no compression, and
# extended_master_secret and renegotiation_info.
sentinel_hello() {
	printf '\x16\x03\x03\x00\x35\x02\x00\x00\x31\x03\x03'
	printf '\x11%.0s' $(seq 24)
	printf 'DOWNGRD\x01\x00\xc0\x2b\x00\x00\x09'
	printf '\x00\x17\x00\x00\xff\x01\x00\x01\x00'
}

# refused WHAT ALERT CLIENT-ARGS...
refused() {
	local what=$1 alert=$2

	shift 2
	next_port
	{ sentinel_hello; sleep 10; } | nc -l -p "$PORT" > /dev/null &
	server=$!
	wait_listen "$PORT"
	tlshake client --insecure --sni localhost "$@" 127.0.0.1 "$PORT" \
		< /dev/null > cout 2> cerr
	rc=$?
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc != 0 ] || fail "$what: the client went on"
	expect cerr "handshake failed: $alert sent" "$what"
}

refused "downgrade sentinel" illegal_parameter
refused "TLS 1.2 to a client of TLS 1.3" protocol_version --tls1.3
