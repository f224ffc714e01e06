#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake client against openssl s_server: at TLS 1.3 every suite with
# every group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates; at TLS 1.2 each ECDHE suite with each kind of certificate
# it takes and each group.  The chain is verified with the certificate as
# trust anchor.  Data goes both ways through kTLS and is compared by hash;
# the server's data leaves as soon as its handshake is done, right behind
# its tickets.

. /tlshake/testing/lib/common.sh

certs
random_file sdata 65536
random_file cdata 65536

both_matrices | while read -r PROTO kind suite group; do
	what="$PROTO $kind $suite $group"
	new_case

	if [ "$PROTO" = TLSv1.3 ]; then
		set -- -tls1_3 -ciphersuites "$suite"
	else
		set -- -tls1_2 -cipher "$(openssl_cipher12 "$suite")"
	fi
	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$CERTS/$kind.pem" -key "$CERTS/$kind.key" \
			"$@" -groups "$group" > "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"

	ktls_mark
	feed cdata "$d/crecv" 65536 |
		tlshake client --CAfile "$CERTS/$kind.pem" --sni localhost \
			"$(version_option)" --ciphers "$suite" \
			--groups "$(client_groups "$kind" "$group")" \
			127.0.0.1 "$PORT" > "$d/crecv" 2> "$d/cerr"
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
