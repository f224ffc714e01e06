#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake client against gnutls-serv --echo: at TLS 1.3 every suite
# with every group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates; at TLS 1.2 each ECDHE suite with each kind of certificate
# it takes and each group.  The chain is verified with the certificate as
# trust anchor.
# What the client sends comes back through its kTLS socket; compared by
# hash.

. /tlshake/testing/lib/common.sh

certs
# gnutls-serv --echo treats what arrives as text.
random_text cdata 65536
size=$(size_of cdata)

both_matrices | while read -r PROTO kind suite group; do
	what="$PROTO $kind $suite $group"
	new_case

	gnutls-serv --echo -p "$PORT" --x509certfile "$CERTS/$kind.pem" \
		--x509keyfile "$CERTS/$kind.key" \
		--priority "$(gnutls_priority "$suite" "$group")" \
		< /dev/null > "$d/sout" 2>&1 &
	server=$!
	wait_listen "$PORT"

	ktls_mark
	feed cdata "$d/crecv" "$size" |
		tlshake client --CAfile "$CERTS/$kind.pem" --sni localhost \
			"$(version_option)" --ciphers "$suite" \
			--groups "$(client_groups "$kind" "$group")" \
			127.0.0.1 "$PORT" > "$d/crecv" 2> "$d/cerr"
	rc=$?
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc = 0 ] || { cat "$d/cerr" "$d/sout"; fail "$what: client exit status $rc"; }

	expect_session "$d/cerr" "$what" "$suite" "$group" "$kind"
	expect "$d/cerr" '^Peer +: verified$' "$what: verification"
	same_data cdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$what: ok"
done || exit 1
