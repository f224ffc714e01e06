#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Renegotiation is refused (RFC 5746 4.2, RFC 5246 7.2.2): at TLS 1.2,
# when openssl s_server asks for it with a HelloRequest after the
# handshake, the tlshake client answers with a no_renegotiation warning
# through kTLS and keeps its keys.  Data sent before arrived; OpenSSL
# then gives the connection up with handshake_failure.

. /tlshake/testing/lib/common.sh

cert ec256
pem=$CERTS/ec256.pem
key=$CERTS/ec256.key

# s_server reads commands from its input: "r" renegotiates.
next_port
{
	echo hello
	wait_line sout '^tlshake$'
	echo r
	wait_line sout 'no renegotiation'
} | openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" -key "$key" \
	-tls1_2 > sout 2>&1 &
server=$!
wait_listen "$PORT"
{
	echo tlshake
	wait_line cerr 'refused'
	sleep 2
} | tlshake client --CAfile "$pem" --sni localhost 127.0.0.1 "$PORT" \
	> cout 2> cerr
wait_exit $server > /dev/null
expect cerr '^Protocol +: TLSv1.2$' "renegotiation: version"
expect cout '^hello$' "renegotiation: data before"
expect cerr 'refused the peer.s renegotiation' "renegotiation: refused"
expect sout 'no renegotiation' "renegotiation: the server's view"
expect cerr 'fatal alert: handshake_failure' "renegotiation: the server's end"
