#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# TLS 1.2 resumption, tlshake client against openssl s_server: a session
# saved after a full handshake is resumed by its session ID (the server
# keeping no tickets) and by its ticket (RFC 5077).  The abbreviated
# handshake carries no Certificate (s_server -msg shows one for two
# ServerHellos) and data goes both ways through kTLS (s_server -rev
# sends each line back reversed).  A session changed by a byte is refused by the kernel, and
# one whose suite is not offered is not offered: a full handshake
# follows.

. /tlshake/testing/lib/common.sh

cert ec256
pem=$CERTS/ec256.pem
key=$CERTS/ec256.key

# s_server ARGS...: openssl s_server at TLS 1.2 for two connections.
s_server() {
	next_port
	openssl s_server -rev -msg -naccept 2 -accept "$PORT" -cert "$pem" \
		-key "$key" -tls1_2 "$@" < /dev/null > sout 2>&1 &
	server=$!
	wait_listen "$PORT"
}

# client WHAT OUT ARGS...: a tlshake client sending "hello", its report
# in OUT.err, what came back in OUT.
client() {
	local what=$1 out=$2 rc

	shift 2
	rm -f "$out"
	hello_back "$out" | tlshake client --CAfile "$pem" --sni localhost \
		--tls1.2 "$@" 127.0.0.1 "$PORT" > "$out" 2> "$out.err"
	rc=$?
	[ $rc = 0 ] || { cat "$out.err" sout; fail "$what: client exit status $rc"; }
	expect "$out" '^olleh$' "$what: data back"
	ktls_check "$what"
}

# hello_back FILE: "hello", the input held open until "olleh" is back.
hello_back() {
	echo hello
	wait_line "$1" '^olleh$'
}

# sent FILE MESSAGE: how many handshake messages of this name s_server
# -msg shows it sent.
sent() {
	grep -c "^>>> .*Handshake \[length [0-9a-f]*\], $2\$" "$1"
}

# resumed WHAT ARGS...: a full handshake saving its session, then one
# resuming it.
resumed() {
	local what=$1

	shift
	s_server "$@"
	ktls_mark
	client "$what: full" full --sess-out sess
	expect full.err '^Peer +: verified$' "$what: full"
	[ -s sess ] || fail "$what: no session saved"
	ktls_mark
	client "$what: resumed" again --sess-in sess
	wait_exit $server > /dev/null
	expect again.err '^Resumed +: yes$' "$what: resumed"
	expect again.err '^Peer +: no certificate$' "$what: no Certificate"
	expect again.err '^Group +: none$' "$what: no key exchange"
	[ "$(sent sout ServerHello)" = 2 ] && [ "$(sent sout Certificate)" = 1 ] ||
		fail "$what: the server sent $(sent sout ServerHello) ServerHellos, $(sent sout Certificate) Certificates"
}

resumed "session ID" -no_ticket
resumed "ticket"

# A session with one byte changed in its framing is not a session.
s_server
printf '\002' | dd of=sess bs=1 seek=0 conv=notrunc 2>/dev/null
tlshake client --CAfile "$pem" --sni localhost --tls1.2 --sess-in sess \
	127.0.0.1 "$PORT" < /dev/null > cout 2> cerr &&
	fail "a changed session: the client went on"
expect cerr 'the kernel refused the session: Invalid argument' "a changed session"
kill $server 2>/dev/null
wait $server 2>/dev/null

# A session of a suite not offered now is left out: a full handshake.
s_server
ktls_mark
client "another suite: full" full --sess-out sess \
	--ciphers TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
ktls_mark
client "another suite" again --sess-in sess \
	--ciphers TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
wait_exit $server > /dev/null
expect again.err '^Peer +: verified$' "another suite: a full handshake"
