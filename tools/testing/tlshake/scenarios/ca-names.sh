#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# certificate_authorities (RFC 8446 4.2.4): a tlshake server that asks for
# a client certificate names its trust anchors in the CertificateRequest,
# and openssl lists them, each once; without anchors it names none.

. /tlshake/testing/lib/common.sh

cert ec256
cert ec384

# s_client WHAT: openssl's client against the server on $PORT, without a
# certificate of its own, its input held open long enough for the echo.
s_client() {
	rm -f out
	hello out |
		openssl s_client -nocommands -CAfile "$CERTS/ec256.pem" \
			-verify_return_error -servername localhost \
			-connect "127.0.0.1:$PORT" > out 2> err ||
		{ cat err serr; fail "$1: s_client failed"; }
	wait_exit $server
	src=$?
	[ $src = 0 ] || { cat serr; fail "$1: server exit status $src"; }
}

next_port
tlshake server --cert "$CERTS/ec256.pem" --key "$CERTS/ec256.key" \
	--CAfile "$CERTS/ec384.pem" --request-cert --echo --connections 1 \
	"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
s_client "CA names"
expect out '^Acceptable client certificate CA names$' "CA names"
awk '/^Acceptable client certificate CA names$/ { on = 1; next }
     on && /^CN = localhost$/ { found = 1 }
     on && !/^(C|CN|O|OU|L|ST|DC|emailAddress) = / { on = 0 }
     END { exit !found }' out ||
	{ cat out; fail "CA names: CN = localhost not listed"; }
expect out '^hello$' "CA names: echo"

# The same anchor twice is named once.
cat "$CERTS/ec384.pem" "$CERTS/ec384.pem" > twice.pem
next_port
tlshake server --cert "$CERTS/ec256.pem" --key "$CERTS/ec256.key" \
	--CAfile twice.pem --request-cert --echo --connections 1 \
	"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
s_client "one name"
names=$(awk '/^Acceptable client certificate CA names$/ { on = 1; next }
	     on && /^CN = localhost$/ { n++ }
	     on && !/^(C|CN|O|OU|L|ST|DC|emailAddress) = / { on = 0 }
	     END { print n + 0 }' out)
[ "$names" = 1 ] || { cat out; fail "one name: listed $names times"; }
expect out '^hello$' "one name: echo"

# No anchors: nothing to name.
next_port
tlshake server --cert "$CERTS/ec256.pem" --key "$CERTS/ec256.key" \
	--request-cert --insecure --echo --connections 1 \
	"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
s_client "no CA names"
expect out '^No client certificate CA names sent$' "no CA names"
expect out '^hello$' "no CA names: echo"
