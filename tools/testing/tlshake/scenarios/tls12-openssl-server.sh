#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake client against openssl s_server at TLS 1.2: each ECDHE suite
# with each kind of certificate it takes (ECDSA P-256 and P-384, RSA-2048)
# and each group, the chain verified with the certificate as trust anchor.
# Data goes both ways through kTLS and is compared by hash.

. /tlshake/testing/lib/common.sh

PROTO=TLSv1.2
certs
random_file sdata 65536
random_file cdata 65536

matrix12 | while read -r kind suite group; do
	what="$kind $suite $group"
	new_case

	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" \
			-tls1_2 -cipher "$(openssl_cipher12 "$suite")" \
			-groups "$group" > "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"

	ktls_mark
	feed cdata "$d/crecv" 65536 |
		tlshake client --CAfile "$CERTS/$kind.pem" --sni localhost \
			--tls1.2 --ciphers "$suite" \
			--groups "$(groups12 "$kind" "$group")" 127.0.0.1 "$PORT" \
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
