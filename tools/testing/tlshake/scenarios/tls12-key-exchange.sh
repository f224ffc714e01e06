#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The TLS 1.2 key exchanges beside ECDHE, tlshake client, each AES-GCM
# suite against openssl s_server and gnutls-serv with an RSA-2048
# certificate, data both ways through kTLS:
# - DHE_RSA over the finite-field groups of RFC 7919: openssl is given
#   ffdhe2048 as its parameters, gnutls takes a group the client offered
#   (RFC 7919 4).  A server whose prime is not an RFC 7919 one (RFC 3526's
#   2048-bit MODP group, which openssl picks when given none) is refused
#   with insufficient_security, and a client given no finite-field group
#   offers no DHE suite;
# - RSA key transport, when configured: with the defaults a server of RSA
#   key transport alone finds no common suite.
# Then the tlshake server, each of the same suites against openssl
# s_client and gnutls-cli, the client's data echoed through kTLS: DHE in
# ffdhe2048 for the AES-128 suite and ffdhe3072 for the AES-256 one (the
# group the server is given; openssl at TLS 1.2 names no finite-field
# group, so the server takes its own, RFC 7919 4), and RSA key transport.
# Last, the server's choice of suite: its own order by default, the
# client's with --client-preference.

. /tlshake/testing/lib/common.sh

cert rsa2048
pem=$CERTS/rsa2048.pem
key=$CERTS/rsa2048.key
random_file sdata 65536
random_file cdata 65536
random_text tdata 65536
ffdhe=ffdhe2048,ffdhe3072
for group in ffdhe2048 modp_2048; do
	openssl genpkey -genparam -algorithm DH -pkeyopt "group:$group" \
		-out "$group.pem" 2>/dev/null || fail "cannot write $group"
done

# kx_client SUITE DATA [ARGS...]: the tlshake client sends DATA and waits
# for as much back; its exit status in $rc.
kx_client() {
	local suite=$1 data=$2

	shift 2
	ktls_mark
	feed "$data" "$d/crecv" 65536 |
		tlshake client --CAfile "$pem" --sni localhost --tls1.2 \
			--ciphers "$suite" "$@" 127.0.0.1 "$PORT" \
			> "$d/crecv" 2> "$d/cerr"
	rc=$?
}

# SUITE, OpenSSL's name, GnuTLS's cipher and key exchange, and the group
# openssl's and gnutls's handshakes take ("none" without).  With
# TLSHAKE_MATRIX=small (for slow kernels) one suite of each exchange.
suites() {
	if [ "${TLSHAKE_MATRIX:-}" = small ]; then
		grep AES_128
	else
		cat
	fi
}

suites <<'SUITES' | while read -r suite ossl cipher kx ogroup ggroup; do
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 DHE-RSA-AES128-GCM-SHA256 AES-128-GCM DHE-RSA ffdhe2048 ffdhe3072
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 DHE-RSA-AES256-GCM-SHA384 AES-256-GCM DHE-RSA ffdhe2048 ffdhe3072
TLS_RSA_WITH_AES_128_GCM_SHA256 AES128-GCM-SHA256 AES-128-GCM RSA none none
TLS_RSA_WITH_AES_256_GCM_SHA384 AES256-GCM-SHA384 AES-256-GCM RSA none none
SUITES
	case $kx in
	DHE-RSA)
		set -- --groups "$ffdhe"
		oargs="-dhparam ffdhe2048.pem"
		gprio=":-GROUP-ALL:+GROUP-FFDHE3072" ;;
	*)
		set --
		oargs=
		gprio= ;;
	esac

	what="openssl $suite"
	new_case
	# shellcheck disable=SC2086 # $oargs is a list
	feed sdata "$d/srecv" 65536 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$pem" -key "$key" -tls1_2 -cipher "$ossl" \
			$oargs > "$d/srecv" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"
	kx_client "$suite" cdata "$@"
	wait_exit $server
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" '^Protocol +: TLSv1.2$' "$what: version"
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	expect "$d/cerr" "^Group +: $ogroup\$" "$what: group"
	same_data sdata "$d/crecv" "$what: server to client"
	same_data cdata "$d/srecv" "$what: client to server"
	ktls_check "$what"

	what="gnutls $suite"
	new_case
	gnutls-serv --echo -p "$PORT" --x509certfile "$pem" \
		--x509keyfile "$key" \
		--priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+$cipher:-KX-ALL:+$kx$gprio" \
		< /dev/null > "$d/sout" 2>&1 &
	server=$!
	wait_listen "$PORT"
	kx_client "$suite" tdata "$@"
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc = 0 ] || { cat "$d/cerr" "$d/sout"; fail "$what: client exit status $rc"; }
	expect "$d/cerr" "^Cipher +: $suite\$" "$what: suite"
	expect "$d/cerr" "^Group +: $ggroup\$" "$what: group"
	same_data tdata "$d/crecv" "$what: echoed"
	ktls_check "$what"
	note "$suite: ok"
done || exit 1

# refused WHAT WANT S_SERVER-ARGS -- CLIENT-ARGS: a handshake that fails,
# the client's report matching WANT.
refused() {
	local what=$1 want=$2

	shift 2
	new_case
	set -- "$@" --
	s_args=
	while [ "$1" != -- ]; do
		s_args="$s_args $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # $s_args is a list
	sleep 30 |
		openssl s_server -naccept 1 -accept "$PORT" -cert "$pem" \
			-key "$key" -tls1_2 $s_args > "$d/sout" 2>&1 &
	server=$!
	wait_listen "$PORT"
	tlshake client --CAfile "$pem" --sni localhost --tls1.2 "$@" \
		127.0.0.1 "$PORT" < /dev/null > "$d/cout" 2> "$d/cerr"
	rc=$?
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc != 0 ] || fail "$what: the client went on"
	expect "$d/cerr" "$want" "$what"
}

refused "MODP prime" 'handshake failed: insufficient_security sent' \
	-cipher DHE-RSA-AES128-GCM-SHA256 -dhparam modp_2048.pem -- \
	--ciphers TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 --groups "$ffdhe"
refused "RSA key transport by default" \
	'handshake failed: handshake_failure received' \
	-cipher AES128-GCM-SHA256 --

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

# kx_server SUITE GROUPS [ARGS...]: the tlshake server --echo for one
# connection at TLS 1.2, in the background ($server).
kx_server() {
	local suite=$1 groups=$2

	shift 2
	ktls_mark
	tlshake server --cert "$pem" --key "$key" --echo --connections 1 \
		--tls1.2 --ciphers "$suite" --groups "$groups" "$@" \
		"127.0.0.1:$PORT" < /dev/null > "$d/sout" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"
}

# kx_served WHAT SUITE GROUP: both ends finished, with SUITE in GROUP and
# the client's data echoed.
kx_served() {
	wait_exit $server
	src=$?
	[ $rc = 0 ] || { cat "$d/cerr" "$d/serr"; fail "$1: client exit status $rc"; }
	[ $src = 0 ] || { cat "$d/serr"; fail "$1: server exit status $src"; }
	expect "$d/serr" '^Protocol +: TLSv1.2$' "$1: version"
	expect "$d/serr" "^Cipher +: $2\$" "$1: suite"
	expect "$d/serr" "^Group +: $3\$" "$1: group"
	same_data cdata "$d/crecv" "$1: echoed"
	ktls_check "$1"
}

suites <<'SUITES' | while read -r suite ossl cipher kx group ggroup; do
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 DHE-RSA-AES128-GCM-SHA256 AES-128-GCM DHE-RSA ffdhe2048 :-GROUP-ALL:+GROUP-FFDHE2048
TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 DHE-RSA-AES256-GCM-SHA384 AES-256-GCM DHE-RSA ffdhe3072 :-GROUP-ALL:+GROUP-FFDHE3072
TLS_RSA_WITH_AES_128_GCM_SHA256 AES128-GCM-SHA256 AES-128-GCM RSA none -
TLS_RSA_WITH_AES_256_GCM_SHA384 AES256-GCM-SHA384 AES-256-GCM RSA none -
SUITES
	# RSA key transport has no group: the server keeps its defaults.
	sgroups=$group
	[ "$group" != none ] || sgroups=x25519
	[ "$ggroup" != - ] || ggroup=

	what="server, openssl $suite"
	new_case
	kx_server "$suite" "$sgroups"
	feed cdata "$d/crecv" 65536 |
		openssl s_client -brief -nocommands -verify_return_error \
			-CAfile "$pem" -servername localhost -tls1_2 \
			-cipher "$ossl" -connect "127.0.0.1:$PORT" \
			> "$d/crecv" 2> "$d/cerr"
	rc=$?
	kx_served "$what" "$suite" "$group"
	expect "$d/cerr" "^Ciphersuite: $ossl\$" "$what: s_client's suite"

	what="server, gnutls $suite"
	new_case
	kx_server "$suite" "$sgroups"
	feed cdata "$d/crecv" 65536 |
		gnutls-cli --logfile "$d/cerr" --x509cafile "$pem" \
			--priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+$cipher:-KX-ALL:+$kx$ggroup" \
			-p "$PORT" localhost > "$d/crecv"
	rc=$?
	kx_served "$what" "$suite" "$group"
	note "server $suite: ok"
done || exit 1

# The client lists first the suite the server ranks second.
ecdhe128=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
ecdhe256=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
for pref in server client; do
	what="$pref preference"
	new_case
	if [ $pref = client ]; then
		set -- --client-preference
		want=$ecdhe256
	else
		set --
		want=$ecdhe128
	fi
	kx_server "$ecdhe128,$ecdhe256" x25519 "$@"
	feed cdata "$d/crecv" 65536 |
		openssl s_client -brief -nocommands -verify_return_error \
			-CAfile "$pem" -servername localhost -tls1_2 \
			-cipher ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256 \
			-connect "127.0.0.1:$PORT" > "$d/crecv" 2> "$d/cerr"
	rc=$?
	kx_served "$what" "$want" x25519
done
