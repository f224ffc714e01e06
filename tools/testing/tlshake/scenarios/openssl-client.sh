#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# openssl s_client against the tlshake server: at TLS 1.3 every suite with
# every group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates; at TLS 1.2 each ECDHE suite with each kind of certificate
# it takes and each group.  The client verifies the chain.  The client's
# data leaves right behind its Finished, before the server's handshake has
# returned, and comes back through the server's kTLS socket; compared by
# hash.

. /tlshake/testing/lib/common.sh

certs
random_file cdata 65536

both_matrices | while read -r PROTO kind suite group; do
	what="$PROTO $kind $suite $group"
	new_case

	if [ "$PROTO" = TLSv1.3 ]; then
		name=$suite
		set -- -tls1_3 -ciphersuites "$suite"
	else
		name=$(openssl_cipher12 "$suite")
		set -- -tls1_2 -cipher "$name"
	fi
	ktls_mark
	echo_server "$kind" "$suite" "$group"

	feed cdata "$d/crecv" 65536 |
		openssl s_client -brief -nocommands -verify_return_error \
			-CAfile "$CERTS/$kind.pem" -servername localhost \
			-connect "127.0.0.1:$PORT" "$@" \
			-groups "$(openssl_groups "$kind" "$group")" \
			> "$d/crecv" 2> "$d/cerr"
	rc=$?
	wait_exit $server
	src=$?
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: s_client exit status $rc"; }
	[ $src = 0 ] || { cat "$d/serr"; fail "$what: server exit status $src"; }

	expect_session "$d/serr" "$what" "$suite" "$group"
	expect "$d/cerr" "^Ciphersuite: $name\$" "$what: s_client's suite"
	same_data cdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$what: ok"
done || exit 1
