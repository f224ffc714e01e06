#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# gnutls-cli against the tlshake server at TLS 1.3: every suite with every
# group, for ECDSA P-256, ECDSA P-384 and RSA-2048 (PSS) server
# certificates, which the client verifies.  The client's data comes back
# through the server's kTLS socket; compared by hash.

. /tlshake/testing/lib/common.sh

for kind in $KINDS; do
	cert "$kind"
done
random_file cdata 65536
n=0

matrix | while read -r kind suite group; do
	what="$kind $suite $group"
	n=$((n + 1))
	d=case$n
	mkdir "$d"
	next_port

	ktls_mark
	tlshake server --cert "$CERTS/$kind.pem" --key "$CERTS/$kind.key" \
		--echo --connections 1 --tls1.3 --ciphers "$suite" \
		--groups "$(tlshake_group "$group")" "127.0.0.1:$PORT" \
		< /dev/null > "$d/sout" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"

	feed cdata "$d/crecv" 65536 |
		gnutls-cli --logfile "$d/cerr" --x509cafile "$CERTS/$kind.pem" \
			--priority "$(gnutls_priority "$suite" "$group")" \
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
