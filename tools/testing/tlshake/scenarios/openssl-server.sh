#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake client against openssl s_server at TLS 1.3: every suite with
# every group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates, the chain verified with the certificate as trust anchor.
# Data goes both ways through kTLS and is compared by hash; the server's
# data leaves as soon as its handshake is done, right behind its tickets.

. /tlshake/testing/lib/common.sh

certs
random_file sdata 65536
random_file cdata 65536

matrix | while read -r kind suite group; do
	what="$kind $suite $group"
	new_case

	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" \
			-tls1_3 -ciphersuites "$suite" -groups "$group" \
			> "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"

	ktls_mark
	feed cdata "$d/crecv" 65536 |
		tlshake client --CAfile "$CERTS/$kind.pem" --sni localhost \
			--tls1.3 --ciphers "$suite" \
			--groups "$(tlshake_group "$group")" 127.0.0.1 "$PORT" \
			> "$d/crecv" 2> "$d/cerr"
	rc=$?
	wait_exit $server
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: client exit status $rc"; }

	expect_session "$d/cerr" "$what" "$suite" "$group" "$kind"
	expect "$d/cerr" '^Peer +: verified$' "$what: verification"
	same_data sdata "$d/crecv" "$what: server to client"
	same_data cdata "$d/srecv" "$what: client to server"
	ktls_check "$what"
	note "$what: ok"
done || exit 1
