# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the scenarios (busybox sh, in the guest): certificates made
# at test time, ports, waiting for peers, the names the peers give suites
# and groups, and checks that fail the scenario with a reason.

CERTS=/tmp/tlshake-certs
PROTO=TLSv1.3
# Each scenario gets its own range of ports, below the ephemeral ports
# (32768 and up): a listener on a port that a client of an earlier case
# still holds as its own would fail to bind.
PORT=$((20000 + ($$ % 120) * 100))

fail() {
	echo "FAIL: $*"
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

note() {
	echo "# $*"
}

next_port() {
	PORT=$((PORT + 1))
}

# cert KIND: make (once per guest boot) a self-signed server certificate
# for "localhost" and its key, $CERTS/KIND.pem and $CERTS/KIND.key, and
# the SHA-256 pin of its public key, $CERTS/KIND.pin.  KIND is ec256
# (ECDSA P-256), ec384 (ECDSA P-384) or rsa2048.
cert() {
	local kind=$1 alg

	[ -f "$CERTS/$kind.pin" ] && return 0
	mkdir -p "$CERTS"
	case $kind in
	ec256)		alg="-newkey ec -pkeyopt ec_paramgen_curve:P-256" ;;
	ec384)		alg="-newkey ec -pkeyopt ec_paramgen_curve:P-384" ;;
	rsa2048)	alg="-newkey rsa:2048" ;;
	*)		fail "unknown certificate kind $kind" ;;
	esac
	# shellcheck disable=SC2086
	openssl req -x509 $alg -nodes -days 30 -subj /CN=localhost \
		-addext subjectAltName=DNS:localhost,DNS:foo.example \
		-keyout "$CERTS/$kind.key" -out "$CERTS/$kind.pem" 2>/dev/null ||
		fail "openssl cannot make a $kind certificate"
	openssl x509 -in "$CERTS/$kind.pem" -pubkey -noout |
		openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1 \
		> "$CERTS/$kind.pin"
}

pin() {
	cat "$CERTS/$1.pin"
}

# The signature scheme a server signs with, as tlshake prints it.  In
# TLS 1.2 an ECDSA scheme names only its hash: either fits either curve.
sig_pattern() {
	case $PROTO-$1 in
	TLSv1.2-ec*)	echo 'ecdsa_secp(256r1_sha256|384r1_sha384)' ;;
	*-ec256)	echo ecdsa_secp256r1_sha256 ;;
	*-ec384)	echo ecdsa_secp384r1_sha384 ;;
	*-rsa2048)	echo 'rsa_pss_rsae_sha(256|384|512)' ;;
	esac
}

# Suite and group names: tlshake's own, OpenSSL's, GnuTLS's.
gnutls_cipher() {
	case $1 in
	*AES_128_GCM_SHA256)		echo AES-128-GCM ;;
	*AES_256_GCM_SHA384)		echo AES-256-GCM ;;
	*CHACHA20_POLY1305_SHA256)	echo CHACHA20-POLY1305 ;;
	esac
}

# A TLS 1.2 suite's key exchange and signature, as GnuTLS names them.
gnutls_kx12() {
	case $1 in
	TLS_ECDHE_ECDSA_*)	echo ECDHE-ECDSA ;;
	TLS_ECDHE_RSA_*)	echo ECDHE-RSA ;;
	esac
}

openssl_cipher12() {
	case $1 in
	TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256) echo ECDHE-ECDSA-AES128-GCM-SHA256 ;;
	TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384) echo ECDHE-ECDSA-AES256-GCM-SHA384 ;;
	TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256) echo ECDHE-ECDSA-CHACHA20-POLY1305 ;;
	TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) echo ECDHE-RSA-AES128-GCM-SHA256 ;;
	TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) echo ECDHE-RSA-AES256-GCM-SHA384 ;;
	TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256) echo ECDHE-RSA-CHACHA20-POLY1305 ;;
	esac
}

gnutls_group() {
	case $1 in
	x25519)		echo GROUP-X25519 ;;
	P-256)		echo GROUP-SECP256R1 ;;
	P-384)		echo GROUP-SECP384R1 ;;
	esac
}

tlshake_group() {
	case $1 in
	x25519)		echo x25519 ;;
	P-256)		echo secp256r1 ;;
	P-384)		echo secp384r1 ;;
	esac
}

# A GnuTLS priority string allowing TLS 1.3 with one suite and one group.
# gnutls_priority SUITE GROUP [KIND]: at the version $PROTO names; a
# client's at TLS 1.2 also names the curve of a KIND certificate, which
# must be among its groups (RFC 8422 5.1).
gnutls_priority() {
	local kx= groups

	groups=$(gnutls_group "$2")
	[ "$PROTO" = TLSv1.3 ] || kx=":-KX-ALL:+$(gnutls_kx12 "$1")"
	case $PROTO-${3:-}-$2 in
	TLSv1.2-ec256-P-256|TLSv1.2-ec384-P-384) ;;
	TLSv1.2-ec256-*)	groups="$groups:+GROUP-SECP256R1" ;;
	TLSv1.2-ec384-*)	groups="$groups:+GROUP-SECP384R1" ;;
	esac
	echo "NORMAL:-VERS-ALL:+VERS-TLS$(proto_number):-CIPHER-ALL:+$(gnutls_cipher "$1")$kx:-GROUP-ALL:+$groups"
}

# What every interop scenario runs through: each certificate kind, each
# TLS 1.3 suite and each group, as "KIND SUITE GROUP" lines.  With
# TLSHAKE_MATRIX=small (for slow kernels) only three lines, which still
# name each kind, suite and group once.
SUITES="TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256"
KX_GROUPS="x25519 P-256 P-384"
KINDS="ec256 ec384 rsa2048"

matrix() {
	local kind suite group

	if [ "${TLSHAKE_MATRIX:-}" = small ]; then
		echo "ec256 TLS_AES_128_GCM_SHA256 x25519"
		echo "ec384 TLS_AES_256_GCM_SHA384 P-256"
		echo "rsa2048 TLS_CHACHA20_POLY1305_SHA256 P-384"
		return
	fi
	for kind in $KINDS; do
		for suite in $SUITES; do
			for group in $KX_GROUPS; do
				echo "$kind $suite $group"
			done
		done
	done
}

# The same for TLS 1.2: each ECDHE suite with each kind of certificate it
# takes, the groups in turn, so that each group meets each kind.
SUITES12_ECDSA="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
SUITES12_RSA="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"

matrix12() {
	local kind suites suite i=0

	if [ "${TLSHAKE_MATRIX:-}" = small ]; then
		echo "ec256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 x25519"
		echo "ec384 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 P-256"
		echo "rsa2048 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 P-384"
		return
	fi
	for kind in $KINDS; do
		case $kind in
		rsa*)	suites=$SUITES12_RSA ;;
		*)	suites=$SUITES12_ECDSA ;;
		esac
		for suite in $suites; do
			i=$((i + 1))
			echo "$kind $suite $(echo $KX_GROUPS | cut -d' ' -f$((i % 3 + 1)))"
		done
	done
}

# both_matrices: the TLS 1.3 matrix, then the TLS 1.2 one, as
# "PROTO KIND SUITE GROUP" lines.
both_matrices() {
	matrix | sed 's/^/TLSv1.3 /'
	matrix12 | sed 's/^/TLSv1.2 /'
}

# The version $PROTO names: as a number, and as the tool's option.
proto_number() {
	echo "${PROTO#TLSv}"
}

version_option() {
	echo "--tls$(proto_number)"
}

# client_groups KIND GROUP: the tlshake client's groups, GROUP first; at
# TLS 1.2 the curve of an ECDSA server certificate must be among them as
# well (RFC 8422 5.1.1).
client_groups() {
	local group curve

	group=$(tlshake_group "$2")
	case $PROTO-$1 in
	TLSv1.2-ec256)	curve=secp256r1 ;;
	TLSv1.2-ec384)	curve=secp384r1 ;;
	*)		curve=$group ;;
	esac
	[ "$curve" = "$group" ] && echo "$group" || echo "$group,$curve"
}

# openssl_groups KIND GROUP: GROUP as openssl's -groups takes it, and at
# TLS 1.2 the curve of an ECDSA certificate, which the client checks is
# among its groups (RFC 8422 5.1).
openssl_groups() {
	local curve="$2"

	case $PROTO-$1 in
	TLSv1.2-ec256)	curve=P-256 ;;
	TLSv1.2-ec384)	curve=P-384 ;;
	esac
	[ "$curve" = "$2" ] && echo "$2" || echo "$2:$curve"
}

# certs: the certificates of every kind the matrix names.
certs() {
	local kind

	for kind in $KINDS; do
		cert "$kind"
	done
}

# new_case: a directory of its own ($d) and a port ($PORT) for the next
# case of a scenario.
new_case() {
	n=$((${n:-0} + 1))
	# Cases run in a pipeline's subshell leave $n behind them.
	while [ -e "case$n" ]; do
		n=$((n + 1))
	done
	d=case$n
	mkdir "$d"
	next_port
}

# echo_server KIND SUITE GROUP: the tlshake server --echo at TLS 1.3 for
# one connection, in the background ($server), its output in $d.
echo_server() {
	tlshake server --cert "$CERTS/$1.pem" --key "$CERTS/$1.key" \
		--echo --connections 1 "$(version_option)" --ciphers "$2" \
		--groups "$(tlshake_group "$3")" "127.0.0.1:$PORT" \
		< /dev/null > "$d/sout" 2> "$d/serr" &
	server=$!
	wait_listen "$PORT"
}

# wait_line FILE EXTENDED-REGEX: until FILE has a matching line (30 s).
wait_line() {
	local i=0

	while ! grep -Eq "$2" "$1" 2>/dev/null && [ $i -lt 300 ]; do
		i=$((i + 1))
		sleep 0.1
	done
}

# hello FILE: "hello" for a peer client to send the echo server, its
# input then held open until the echo is back in FILE, however slow the
# kernel.  FILE must not hold a "hello" line before.
hello() {
	echo hello
	wait_line "$1" '^hello$'
}

# feed DATA FILE BYTES: DATA, then an open pipe until FILE holds BYTES
# (30 s), so that a peer which ends its session at the end of its input
# does not end it before the other direction's data has arrived.
feed() {
	cat "$1"
	wait_size "$2" "$3" 30
}

# expect_session FILE WHAT SUITE GROUP [KIND]: tlshake's report in FILE
# names the version ($PROTO), the suite and group
# asked for and, given the kind of the peer's certificate, the signature
# scheme it signed with.
expect_session() {
	expect "$1" "^Protocol +: $PROTO\$" "$2: version"
	expect "$1" "^Cipher +: $3\$" "$2: suite"
	expect "$1" "^Group +: $(tlshake_group "$4")\$" "$2: group"
	[ -z "${5:-}" ] ||
		expect "$1" "^Peer sig +: ($(sig_pattern "$5"))\$" "$2: signature"
}

# wait_listen PORT: until something listens on the TCP port (10 s).
wait_listen() {
	local hex i=0

	hex=$(printf '%04X' "$1")
	while ! grep -Eq "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A" \
		/proc/net/tcp /proc/net/tcp6 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 100 ] && fail "nothing listens on port $1"
		sleep 0.1
	done
}

# wait_size FILE BYTES [SECONDS]: until FILE has at least BYTES (60 s).
wait_size() {
	local i=0 limit=$((${3:-60} * 10))

	while [ "$(stat -c %s "$1" 2>/dev/null || echo 0)" -lt "$2" ]; do
		i=$((i + 1))
		[ $i -gt $limit ] && return 1
		sleep 0.1
	done
	return 0
}

# wait_exit PID [SECONDS]: the process's exit status, or 124 after
# killing it when it takes longer (30 s).
wait_exit() {
	local i=0 limit=$((${2:-30} * 10))

	while kill -0 "$1" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt $limit ]; then
			kill "$1" 2>/dev/null
			wait "$1"
			return 124
		fi
		sleep 0.1
	done
	wait "$1"
}

random_file() {
	head -c "$2" /dev/urandom > "$1"
}

# random_text FILE BYTES: random data as base64 lines, for peers that
# treat what they receive as text (gnutls-serv --echo stops at a NUL).
random_text() {
	head -c "$2" /dev/urandom | openssl base64 > "$1"
}

size_of() {
	stat -c %s "$1"
}

# same_data EXPECTED GOT WHAT
same_data() {
	local a b

	a=$(sha256sum < "$1" | cut -d' ' -f1)
	b=$(sha256sum < "$2" 2>/dev/null | cut -d' ' -f1)
	[ "$a" = "$b" ] ||
		fail "$3: $(size_of "$1") bytes sent, $(size_of "$2" 2>/dev/null || echo 0) received, hashes differ"
}

# expect FILE EXTENDED-REGEX WHAT: the file has a matching line.
expect() {
	grep -Eq "$2" "$1" && return 0
	echo "--- $1:"
	cat "$1"
	fail "$3: no line matches '$2'"
}

tls_stat() {
	awk -v name="$1" '$1 == name { print $2 }' /proc/net/tls_stat
}

# ktls_mark / ktls_check WHAT: kTLS took on at least one more socket in
# each direction since the mark, and no record failed to decrypt.
ktls_mark() {
	[ -r /proc/net/tls_stat ] || fail "no /proc/net/tls_stat: kTLS is missing"
	TX0=$(tls_stat TlsTxSw)
	RX0=$(tls_stat TlsRxSw)
	DE0=$(tls_stat TlsDecryptError)
}

ktls_check() {
	[ "$(tls_stat TlsTxSw)" -gt "$TX0" ] ||
		fail "$1: kTLS carried no transmit side (TlsTxSw $TX0)"
	[ "$(tls_stat TlsRxSw)" -gt "$RX0" ] ||
		fail "$1: kTLS carried no receive side (TlsRxSw $RX0)"
	[ "$(tls_stat TlsDecryptError)" = "$DE0" ] ||
		fail "$1: kTLS failed to decrypt records"
}
