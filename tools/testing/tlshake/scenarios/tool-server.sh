#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake server as a service: --www answers an HTTP request with a
# page naming the negotiated parameters, --echo serves clients at once
# (each on a kTLS socket of its own), and AES-128-CCM, which a server must
# be asked for, is negotiated with OpenSSL in both roles.

. /tlshake/testing/lib/common.sh

cert ec256
pem=$CERTS/ec256.pem
key=$CERTS/ec256.key

# --www: a request, then the page.
next_port
tlshake server --cert "$pem" --key "$key" --www --connections 1 \
	"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
{ printf 'GET / HTTP/1.0\r\n\r\n'; wait_line page '^Cipher'; } |
	openssl s_client -quiet -no_ign_eof -CAfile "$pem" -servername localhost \
		-connect "127.0.0.1:$PORT" > page 2> cerr
wait_exit $server || { cat serr cerr; fail "--www: server failed"; }
expect page '^HTTP/1\.0 200 ok' "--www: status line"
expect page '^Protocol +: TLSv1\.3' "--www: the page"
expect page '^Cipher +: TLS_AES_128_GCM_SHA256' "--www: the page's suite"

# --echo: four clients at once, each with its own data.
next_port
ktls_mark
tlshake server --cert "$pem" --key "$key" --echo --connections 4 \
	"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
pids=
for i in 1 2 3 4; do
	random_file "data$i" 32768
	feed "data$i" "recv$i" 32768 |
		tlshake client --pin "$(pin ec256)" --sni localhost \
			127.0.0.1 "$PORT" > "recv$i" 2> "cerr$i" &
	pids="$pids $!"
done
for p in $pids; do
	wait "$p" || { cat cerr* serr; fail "concurrent clients: a client failed"; }
done
wait_exit $server || { cat serr; fail "concurrent clients: server failed"; }
for i in 1 2 3 4; do
	same_data "data$i" "recv$i" "concurrent client $i"
done
[ "$(grep -c 'handshake done' serr)" = 4 ] ||
	{ cat serr; fail "concurrent clients: not four handshakes"; }
ktls_check "concurrent clients"

# AES-128-CCM, tlshake client and server against OpenSSL.
next_port
sleep 30 | openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" \
	-key "$key" -ciphersuites TLS_AES_128_CCM_SHA256 > sout 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --pin "$(pin ec256)" --sni localhost \
	--ciphers TLS_AES_128_CCM_SHA256 127.0.0.1 "$PORT" \
	< /dev/null > cout 2> cerr || { cat cerr sout; fail "CCM from openssl"; }
wait_exit $server > /dev/null
expect cerr '^Cipher +: TLS_AES_128_CCM_SHA256$' "CCM from openssl"

next_port
tlshake server --cert "$pem" --key "$key" --echo --connections 1 \
	--ciphers TLS_AES_128_CCM_SHA256 "127.0.0.1:$PORT" \
	< /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
rm -f cout
hello cout | openssl s_client -brief -nocommands \
	-ciphersuites TLS_AES_128_CCM_SHA256 -CAfile "$pem" \
	-servername localhost -connect "127.0.0.1:$PORT" > cout 2> cerr
wait_exit $server || { cat serr cerr; fail "CCM to openssl: server failed"; }
expect cerr '^Ciphersuite: TLS_AES_128_CCM_SHA256$' "CCM to openssl"
expect cout '^hello$' "CCM to openssl: echo"
