#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# What TLS 1.3 negotiates beyond suite and group, against real peers in
# both roles: HelloRetryRequest (the client's first share is for a group
# the server does not take), ALPN, and SNI as the server sees it.

. /tlshake/testing/lib/common.sh

cert ec256
pem=$CERTS/ec256.pem
key=$CERTS/ec256.key

# s_server ARGS...: openssl s_server in the background on a new port,
# sending nothing and staying until its client has gone.
s_server() {
	next_port
	sleep 30 |
		openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" \
			-key "$key" "$@" > sout 2>&1 &
	server=$!
	wait_listen "$PORT"
}

# client WHAT ARGS...: the tlshake client, verifying, with no data.
client() {
	local what=$1

	shift
	tlshake client --CAfile "$pem" "$@" 127.0.0.1 "$PORT" \
		< /dev/null > cout 2> cerr
	rc=$?
	wait_exit $server > /dev/null
	[ $rc = 0 ] || { cat cerr sout; fail "$what: client exit status $rc"; }
}

# server ARGS...: the tlshake server for one connection, in the background.
server() {
	rm -f cout
	next_port
	tlshake server --cert "$pem" --key "$key" --echo --connections 1 \
		"$@" "127.0.0.1:$PORT" < /dev/null > sout 2> serr &
	server=$!
	wait_listen "$PORT"
}

server_done() {
	wait_exit $server
	src=$?
	[ $src = 0 ] || { cat serr; fail "$1: server exit status $src"; }
}

# HelloRetryRequest, tlshake client: its first ClientHello has a share for
# x25519 only, the server takes P-256 only.
s_server -groups P-256
client "HRR from openssl" --sni localhost --groups x25519,P-256
expect cerr '^Group +: secp256r1$' "HRR from openssl"

next_port
gnutls-serv -p "$PORT" --x509certfile "$pem" --x509keyfile "$key" \
	--priority "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP384R1" \
	< /dev/null > sout 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$pem" --sni localhost --groups P-256,P-384 \
	127.0.0.1 "$PORT" < /dev/null > cout 2> cerr
rc=$?
kill $server
wait $server 2>/dev/null
[ $rc = 0 ] || { cat cerr sout; fail "HRR from gnutls: client exit status $rc"; }
expect cerr '^Group +: secp384r1$' "HRR from gnutls"

# HelloRetryRequest, tlshake server: openssl's and GnuTLS's first shares
# are for x25519.
server --groups P-384
hello cout | openssl s_client -brief -nocommands -CAfile "$pem" \
	-verify_return_error -servername localhost -groups x25519:P-384 \
	-connect "127.0.0.1:$PORT" > cout 2> cerr ||
	{ cat cerr serr; fail "HRR to openssl: s_client failed"; }
server_done "HRR to openssl"
expect serr '^Group +: secp384r1$' "HRR to openssl"
expect cout '^hello$' "HRR to openssl: echo"

server --groups P-256
hello cout | gnutls-cli --logfile cerr --x509cafile "$pem" -p "$PORT" \
	--priority "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1" \
	localhost > cout ||
	{ cat cerr serr; fail "HRR to gnutls: gnutls-cli failed"; }
server_done "HRR to gnutls"
expect serr '^Group +: secp256r1$' "HRR to gnutls"
expect cout '^hello$' "HRR to gnutls: echo"

# ALPN, tlshake client: the server picks from what we offered.
s_server -alpn http/1.1
client "ALPN from openssl" --sni localhost --alpn h2,http/1.1
expect cerr '^ALPN +: http/1\.1$' "ALPN from openssl"

# ALPN, tlshake server: ours is preferred, the client's must include it.
server --alpn h2,http/1.1
hello cout | openssl s_client -nocommands -alpn http/1.1,h2 -CAfile "$pem" \
	-verify_return_error -servername localhost \
	-connect "127.0.0.1:$PORT" > cout 2> cerr ||
	{ cat cerr serr; fail "ALPN to openssl: s_client failed"; }
server_done "ALPN to openssl"
expect cout '^ALPN protocol: h2$' "ALPN to openssl"
expect serr '^ALPN +: h2$' "ALPN to openssl: server's report"

server --alpn h2
hello cout | gnutls-cli --logfile cerr --x509cafile "$pem" -p "$PORT" \
	--alpn http/1.1 --alpn h2 localhost > cout ||
	{ cat cerr serr; fail "ALPN to gnutls: gnutls-cli failed"; }
server_done "ALPN to gnutls"
expect cerr 'Application protocol: h2' "ALPN to gnutls"

# SNI: a server that knows only foo.example refuses any other name with
# a fatal alert, so the name we send is the name it sees.
s_server -servername foo.example -servername_fatal -cert2 "$pem" -key2 "$key"
client "SNI foo.example" --sni foo.example
s_server -servername foo.example -servername_fatal -cert2 "$pem" -key2 "$key"
tlshake client --pin "$(pin ec256)" --sni bar.example 127.0.0.1 "$PORT" \
	< /dev/null > cout 2> cerr
rc=$?
wait_exit $server > /dev/null
[ $rc = 1 ] || { cat cerr; fail "SNI bar.example: client exit status $rc, not 1"; }
expect cerr 'unrecognized_name' "SNI bar.example: the server's alert"

# SNI, tlshake server: with --sni it answers to that name (in any case)
# and to clients that name none; another name gets unrecognized_name.
server --sni foo.example
hello cout | openssl s_client -brief -nocommands -CAfile "$pem" \
	-verify_return_error -verify_hostname foo.example \
	-servername FOO.example -connect "127.0.0.1:$PORT" > cout 2> cerr ||
	{ cat cerr serr; fail "SNI to openssl: s_client failed"; }
server_done "SNI to openssl"
expect cout '^hello$' "SNI to openssl: echo"

server --sni foo.example
hello cout | gnutls-cli --logfile cerr --x509cafile "$pem" -p "$PORT" \
	--disable-sni --verify-hostname foo.example 127.0.0.1 > cout ||
	{ cat cerr serr; fail "no SNI to gnutls: gnutls-cli failed"; }
server_done "no SNI to gnutls"
expect cout '^hello$' "no SNI to gnutls: echo"

server --sni foo.example
gnutls-cli --logfile cerr --x509cafile "$pem" -p "$PORT" localhost \
	< /dev/null > cout 2>&1 &&
	fail "SNI localhost to a server for foo.example: gnutls-cli succeeded"
wait_exit $server
expect serr 'unrecognized_name sent' "SNI localhost to a server for foo.example"
