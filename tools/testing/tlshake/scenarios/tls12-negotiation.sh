#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The version the tlshake client negotiates: a client of TLS 1.3 and 1.2
# (the default) agrees on 1.2 with openssl's server capped at 1.2 and on
# 1.3 with one of both, and takes a TLS 1.2 ServerKeyExchange signed with
# RSA PKCS#1 v1.5.  A client that offered TLS 1.3 refuses a TLS 1.2
# ServerHello whose random carries the downgrade sentinel (RFC 8446
# 4.1.3) with illegal_parameter; a client of TLS 1.3 alone refuses TLS 1.2
# with protocol_version.
#
# The version the tlshake server negotiates: the default server agrees on
# 1.2 with openssl's client capped at 1.2, and its ServerHello random then
# ends in the sentinel; a server capped at 1.2 writes none.  A server of
# TLS 1.3 alone refuses that client with protocol_version.

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

# An RSA server signing its ServerKeyExchange with PKCS#1 v1.5, which TLS
# 1.2 allows and TLS 1.3 does not (RFC 8446 4.2.3).
cert rsa2048
next_port
sleep 30 |
	openssl s_server -naccept 1 -accept "$PORT" \
		-cert "$CERTS/rsa2048.pem" -key "$CERTS/rsa2048.key" -tls1_2 \
		-sigalgs RSA+SHA256 > sout 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$CERTS/rsa2048.pem" --sni localhost \
	127.0.0.1 "$PORT" < /dev/null > cout 2> cerr
rc=$?
wait_exit $server > /dev/null
[ $rc = 0 ] || { cat cerr sout; fail "PKCS#1 ServerKeyExchange: client exit status $rc"; }
expect cerr '^Peer sig +: rsa_pkcs1_sha256$' "PKCS#1 ServerKeyExchange"

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

# The last 8 bytes of the ServerHello random in s_client -msg's dump: the
# message's header and version take 6 bytes, the random 32.
random_tail() {
	awk '/^<<< .*, ServerHello$/ { on = 1; next }
	     on && /^    / { for (i = 1; i <= NF; i++) b[++n] = $i; next }
	     on { exit }
	     END { for (i = 31; i <= 38; i++) printf "%s", b[i]; print "" }' "$1"
}

# served WHAT PROTOCOL TAIL TLSHAKE-SERVER-ARGS...: openssl s_client of
# TLS 1.2 against the tlshake server; TAIL is what its random ends in, or
# "other" for anything but the sentinel.
served() {
	local what="$1" proto="$2" want="$3" tail

	shift 3
	next_port
	tlshake server --cert "$pem" --key "$key" --echo --connections 1 \
		"$@" "127.0.0.1:$PORT" < /dev/null > sout 2> serr &
	server=$!
	wait_listen "$PORT"
	openssl s_client -tls1_2 -msg -nocommands -verify_return_error \
		-CAfile "$pem" -servername localhost \
		-connect "127.0.0.1:$PORT" < /dev/null > cout 2>&1
	rc=$?
	wait_exit $server > /dev/null
	src=$?
	if [ -z "$proto" ]; then
		[ $rc != 0 ] || fail "$what: the client went on"
		expect serr "handshake failed: $want sent" "$what"
		return
	fi
	[ $rc = 0 ] || { cat cout serr; fail "$what: s_client exit status $rc"; }
	[ $src = 0 ] || { cat serr; fail "$what: server exit status $src"; }
	expect serr "^Protocol +: $proto\$" "$what"
	tail=$(random_tail cout)
	[ ${#tail} = 16 ] || { cat cout; fail "$what: no ServerHello random"; }
	if [ "$want" = other ]; then
		[ "$tail" != 444f574e47524401 ] ||
			fail "$what: the random ends in the sentinel"
	else
		[ "$tail" = "$want" ] ||
			fail "$what: the random ends in $tail, not $want"
	fi
}

served "server of both, client of TLS 1.2" TLSv1.2 444f574e47524401
served "server of TLS 1.2, client of TLS 1.2" TLSv1.2 other --tls1.2
served "server of TLS 1.3, client of TLS 1.2" "" protocol_version --tls1.3
