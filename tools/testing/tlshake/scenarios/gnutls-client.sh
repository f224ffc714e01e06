#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# gnutls-cli against the tlshake server: at TLS 1.3 every suite with every
# group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates; at TLS 1.2 each ECDHE suite with each kind of certificate
# it takes and each group.  The client verifies the chain.  The client's
# data comes back through the server's kTLS socket; compared by hash.

. /tlshake/testing/lib/common.sh

certs
random_file cdata 65536

both_matrices | while read -r PROTO kind suite group; do
	what="$PROTO $kind $suite $group"
	new_case

	ktls_mark
	echo_server "$kind" "$suite" "$group"

	feed cdata "$d/crecv" 65536 |
		gnutls-cli --logfile "$d/cerr" --x509cafile "$CERTS/$kind.pem" \
			--priority "$(gnutls_priority "$suite" "$group" "$kind")" \
			-p "$PORT" localhost > "$d/crecv"
	rc=$?
	wait_exit $server
	src=$?
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: gnutls-cli exit status $rc"; }
	[ $src = 0 ] || { cat "$d/serr"; fail "$what: server exit status $src"; }

	expect_session "$d/serr" "$what" "$suite" "$group"
	same_data cdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$what: ok"
done || exit 1
