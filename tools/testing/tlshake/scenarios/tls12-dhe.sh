#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# TLS 1.2 DHE_RSA over the finite-field groups of RFC 7919, tlshake
# client: both AES-GCM suites against openssl s_server given ffdhe2048 as
# its parameters, and gnutls-serv, which takes a group the client offered
# (RFC 7919 4); data both ways through kTLS.  A server whose prime is not
# an RFC 7919 one (RFC 3526's 2048-bit MODP group, which openssl picks
# when given none) is refused with insufficient_security, and a client
# given no finite-field group offers no DHE suite.

. /tlshake/testing/lib/common.sh

cert rsa2048
pem=$CERTS/rsa2048.pem
key=$CERTS/rsa2048.key
random_file sdata 65536
random_file cdata 65536
random_text tdata 65536
groups=ffdhe2048,ffdhe3072
for group in ffdhe2048 modp_2048; do
	openssl genpkey -genparam -algorithm DH -pkeyopt "group:$group" \
		-out "$group.pem" 2>/dev/null || fail "cannot write $group"
done

# dhe_client SUITE DATA: the tlshake client sends DATA and waits for as
# much back; its exit status in $rc.
dhe_client() {
	ktls_mark
	feed "$2" "$d/crecv" 65536 |
		tlshake client --CAfile "$pem" --sni localhost --tls1.2 \
			--ciphers "$1" --groups "$groups" \
			127.0.0.1 "$PORT" > "$d/crecv" 2> "$d/cerr"
	rc=$?
}

for suite in TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 \
	     TLS_DHE_RSA_WITH_AES_256_GCM_SHA384; do
	case $suite in
	*AES_128*)	ossl=DHE-RSA-AES128-GCM-SHA256 gnutls=AES-128-GCM ;;
	*)		ossl=DHE-RSA-AES256-GCM-SHA384 gnutls=AES-256-GCM ;;
	esac

	what="openssl $suite"
	new_case
	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$pem" -key "$key" -tls1_2 -cipher "$ossl" \
			-dhparam ffdhe2048.pem > "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"
	dhe_client "$suite" cdata
	wait_exit $server
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" '^Protocol +: TLSv1.2$' "$what: version"
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	expect "$d/cerr" '^Group +: ffdhe2048$' "$what: group"
	same_data sdata "$d/crecv" "$what: server to client"
	same_data cdata "$d/srecv" "$what: client to server"
	ktls_check "$what"

	what="gnutls $suite"
	new_case
	gnutls-serv --echo -p "$PORT" --x509certfile "$pem" \
		--x509keyfile "$key" \
		--priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+$gnutls:-KX-ALL:+DHE-RSA:-GROUP-ALL:+GROUP-FFDHE3072" \
		< /dev/null > "$d/sout" 2>&1 &
	server=$!
	wait_listen "$PORT"
	dhe_client "$suite" tdata
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc = 0 ] || { cat "$d/cerr" "$d/sout"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	expect "$d/cerr" '^Group +: ffdhe3072$' "$what: group"
	same_data tdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$suite: ok"
done

# A prime of RFC 3526, not of RFC 7919.
new_case
sleep 30 |
	openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" -key "$key" \
		-tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256 -dhparam modp_2048.pem \
		> "$d/sout" 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$pem" --sni localhost --tls1.2 \
	--ciphers TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 --groups "$groups" \
	127.0.0.1 "$PORT" < /dev/null > "$d/cout" 2> "$d/cerr"
rc=$?
wait_exit $server > /dev/null
[ $rc != 0 ] || fail "MODP prime: the client went on"
expect "$d/cerr" 'handshake failed: insufficient_security sent' "MODP prime"

# Without a finite-field group there is no DHE suite to offer: the
# configuration is refused before anything is sent.
new_case
{ sleep 10; } | nc -l -p "$PORT" > "$d/sent" &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$pem" --sni localhost --tls1.2 \
	--ciphers TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 --groups x25519 \
	127.0.0.1 "$PORT" < /dev/null > "$d/cout" 2> "$d/cerr"
rc=$?
kill $server 2>/dev/null
wait $server 2>/dev/null
[ $rc != 0 ] || fail "DHE without a finite-field group: the client went on"
expect "$d/cerr" 'Invalid argument' "DHE without a finite-field group"
[ ! -s "$d/sent" ] || fail "DHE without a finite-field group: a ClientHello was sent"
