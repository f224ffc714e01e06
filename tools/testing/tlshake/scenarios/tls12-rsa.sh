#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# TLS 1.2 RSA key transport, tlshake client: when configured, both AES-GCM
# suites against openssl s_server and gnutls-serv, the premaster secret
# encrypted to the server's RSA-2048 key; data both ways through kTLS.
# Not configured, it is not offered: a server of RSA key transport alone
# finds no common suite.

. /tlshake/testing/lib/common.sh

cert rsa2048
pem=$CERTS/rsa2048.pem
key=$CERTS/rsa2048.key
random_file sdata 65536
random_file cdata 65536
random_text tdata 65536

# rsa_client SUITE DATA: the tlshake client sends DATA and waits for as
# much back; its exit status in $rc.
rsa_client() {
	ktls_mark
	feed "$2" "$d/crecv" 65536 |
		tlshake client --CAfile "$pem" --sni localhost --tls1.2 \
			--ciphers "$1" 127.0.0.1 "$PORT" \
			> "$d/crecv" 2> "$d/cerr"
	rc=$?
}

for suite in TLS_RSA_WITH_AES_128_GCM_SHA256 \
	     TLS_RSA_WITH_AES_256_GCM_SHA384; do
	case $suite in
	*AES_128*)	ossl=AES128-GCM-SHA256 gnutls=AES-128-GCM ;;
	*)		ossl=AES256-GCM-SHA384 gnutls=AES-256-GCM ;;
	esac

	what="openssl $suite"
	new_case
	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$pem" -key "$key" -tls1_2 -cipher "$ossl" \
			> "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"
	rsa_client "$suite" cdata
	wait_exit $server
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" '^Protocol +: TLSv1.2$' "$what: version"
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	expect "$d/cerr" '^Group +: none$' "$what: no key exchange group"
	same_data sdata "$d/crecv" "$what: server to client"
	same_data cdata "$d/srecv" "$what: client to server"
	ktls_check "$what"

	what="gnutls $suite"
	new_case
	gnutls-serv --echo -p "$PORT" --x509certfile "$pem" \
		--x509keyfile "$key" \
		--priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+$gnutls:-KX-ALL:+RSA" \
		< /dev/null > "$d/sout" 2>&1 &
	server=$!
	wait_listen "$PORT"
	rsa_client "$suite" tdata
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc = 0 ] || { cat "$d/cerr" "$d/sout"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	same_data tdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$suite: ok"
done

# The defaults leave RSA key transport out.
new_case
sleep 30 |
	openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" -key "$key" \
		-tls1_2 -cipher AES128-GCM-SHA256 > "$d/sout" 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$pem" --sni localhost 127.0.0.1 "$PORT" \
	< /dev/null > "$d/cout" 2> "$d/cerr"
rc=$?
wait_exit $server > /dev/null
[ $rc != 0 ] || fail "RSA key transport by default: the client went on"
expect "$d/cerr" 'handshake failed: handshake_failure received' "RSA key transport by default"
