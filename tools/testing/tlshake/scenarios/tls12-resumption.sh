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
#
# Then the tlshake server: openssl s_client saves the session of a full
# handshake and resumes it, from the server's cache by session ID
# (-no_ticket) and by ticket; the resumed handshake has no Certificate
# (s_client -msg), both ends say it resumed, and the echo comes back
# through kTLS.  gnutls-cli --resume does the same.

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

# The tlshake server, --echo at TLS 1.2 for two connections, in the
# background ($server), its report in serr.
tool_server() {
	next_port
	tlshake server --cert "$pem" --key "$key" --echo --connections 2 \
		--tls1.2 "127.0.0.1:$PORT" < /dev/null > sout 2> serr &
	server=$!
	wait_listen "$PORT"
}

# s_client OUT ARGS...: openssl s_client sending "hello", its -msg trace
# and the echo in OUT.
s_client() {
	local out=$1

	shift
	rm -f "$out"
	hello "$out" | openssl s_client -msg -CAfile "$pem" \
		-servername localhost -connect "127.0.0.1:$PORT" -tls1_2 "$@" \
		> "$out" 2> "$out.err" ||
		{ cat "$out" "$out.err" serr; fail "s_client $*: failed"; }
	expect "$out" '^hello$' "s_client $*: the echo"
}

# received FILE MESSAGE: how many handshake messages of this name s_client
# -msg shows it received.
received() {
	grep -c "^<<< .*Handshake \[length [0-9a-f]*\], $2\$" "$1"
}

# server_resumed WHAT ARGS...: s_client's full handshake saving its
# session, then one resuming it.
server_resumed() {
	local what=$1

	shift
	tool_server
	ktls_mark
	s_client full -sess_out ssess "$@"
	ktls_check "server, $what: full"
	ktls_mark
	s_client again -sess_in ssess "$@"
	wait_exit $server || { cat serr; fail "server, $what: server failed"; }
	ktls_check "server, $what: resumed"
	expect full '^New, TLSv1\.2' "server, $what: full"
	expect again '^Reused, TLSv1\.2' "server, $what: resumed"
	if [ "$(received full Certificate)" != 1 ] ||
		[ "$(received again Certificate)" != 0 ] ||
		[ "$(received again ServerHello)" != 1 ]; then
		fail "server, $what: $(received again Certificate) Certificates in the resumed handshake"
	fi
	[ "$(grep -c '^Resumed *: yes$' serr)" = 1 ] ||
		{ cat serr; fail "server, $what: the server did not report one resumption"; }
}

server_resumed "session ID" -no_ticket
[ "$(received again NewSessionTicket)" = 0 ] ||
	fail "server, session ID: a ticket unasked for"
server_resumed "ticket"
[ "$(received full NewSessionTicket)" = 1 ] ||
	fail "server, ticket: no NewSessionTicket"

# gnutls-cli --resume: a full handshake, then one resuming it, then data.
tool_server
ktls_mark
hello gcli | gnutls-cli --resume --logfile gerr --x509cafile "$pem" \
	--priority NORMAL:-VERS-ALL:+VERS-TLS1.2 -p "$PORT" localhost \
	> gcli || { cat gerr serr; fail "gnutls-cli --resume: failed"; }
wait_exit $server || { cat serr; fail "gnutls-cli --resume: server failed"; }
expect gcli '^hello$' "gnutls-cli --resume: the echo"
expect gerr 'This is a resumed session' "gnutls-cli --resume"
[ "$(grep -c '^Resumed *: yes$' serr)" = 1 ] ||
	{ cat serr; fail "gnutls-cli --resume: the server did not report one resumption"; }
ktls_check "gnutls-cli --resume"
