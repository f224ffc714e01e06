#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Credentials in the kernel's keyrings, and trust anchors in a directory.
# The tlshake client verifies openssl s_server against the CA certificates
# of a keyring (--CAkeyring) and of a directory (--CApath), and refuses it
# with unknown_ca when its CA is not there; the tlshake server signs with a
# private key held in a "logon" key (--key-id) for openssl s_client.  Key
# serials the kernel cannot take are refused with the errno they call for.

. /tlshake/testing/lib/common.sh

command -v keyctl > /dev/null || skip "no keyctl in the guest"
# A session keyring of our own: what is linked to it is possessed by the
# processes below, which share it.
[ -n "${TLSHAKE_KEYRING_SESSION:-}" ] ||
	TLSHAKE_KEYRING_SESSION=1 exec keyctl session - sh "$0"

cert ec256
cert rsa2048
for kind in ec256 rsa2048; do
	openssl x509 -in "$CERTS/$kind.pem" -outform DER -out "$kind.der" ||
		fail "$kind: no DER certificate"
done
openssl pkey -in "$CERTS/ec256.key" -outform DER -out ec256.key.der ||
	fail "ec256: no DER key"
random_file sdata 16384
random_file cdata 16384

trusted=$(keyctl newring tlshake-trusted @s) || fail "keyctl newring"
keyctl padd user ec256-ca "$trusted" < ec256.der > /dev/null ||
	fail "keyctl padd of a certificate"
echo "not a certificate" | keyctl padd user junk "$trusted" > /dev/null ||
	fail "keyctl padd of junk"
other=$(keyctl newring tlshake-other @s) || fail "keyctl newring"
keyctl padd user rsa2048-ca "$other" < rsa2048.der > /dev/null ||
	fail "keyctl padd of a certificate"

# s_server: openssl s_server with the ec256 certificate on a new port, for
# one connection, sending nothing and staying until its client has gone.
s_server() {
	next_port
	sleep 30 |
		openssl s_server -naccept 1 -accept "$PORT" \
			-cert "$CERTS/ec256.pem" -key "$CERTS/ec256.key" \
			> sout 2>&1 &
	server=$!
	wait_listen "$PORT"
}

# verified WHAT ARGS...: the tlshake client with ARGS as its trust anchors
# verifies s_server; data goes both ways through kTLS.
verified() {
	local what=$1 rc

	shift
	rm -f srecv crecv
	next_port
	feed sdata srecv 16384 |
		openssl s_server -quiet -naccept 1 -accept "$PORT" \
			-cert "$CERTS/ec256.pem" -key "$CERTS/ec256.key" \
			> srecv 2> serr &
	server=$!
	wait_listen "$PORT"

	ktls_mark
	feed cdata crecv 16384 |
		tlshake client "$@" --sni localhost 127.0.0.1 "$PORT" \
			> crecv 2> cerr
	rc=$?
	wait_exit $server
	[ $rc = 0 ] || { cat cerr serr; fail "$what: client exit status $rc"; }
	expect cerr '^Peer +: verified$' "$what: verification"
	same_data sdata crecv "$what: server to client"
	same_data cdata srecv "$what: client to server"
	ktls_check "$what"
	note "$what: ok"
}

# refused WHAT STATUS PATTERN ARGS...: the tlshake client with ARGS exits
# with STATUS against s_server, saying PATTERN.
refused() {
	local what=$1 want=$2 pattern=$3 rc

	shift 3
	s_server
	tlshake client "$@" --sni localhost 127.0.0.1 "$PORT" \
		< /dev/null > cout 2> cerr
	rc=$?
	wait_exit $server > /dev/null
	[ $rc = "$want" ] ||
		{ cat cerr sout; fail "$what: client exit status $rc, not $want"; }
	expect cerr "$pattern" "$what"
	note "$what: ok"
}

verified "keyring" --CAkeyring "$trusted"
refused "keyring of another CA" 1 'unknown_ca sent' --CAkeyring "$other"
empty=$(keyctl newring tlshake-empty @s) || fail "keyctl newring"
refused "empty keyring" 1 'unknown_ca sent' --CAkeyring "$empty"
verified "keyring and CA file" --CAkeyring "$other" \
	--CAfile "$CERTS/ec256.pem"

# Serials the kernel refuses, when the option is set.
cert_key=$(keyctl search "$trusted" user ec256-ca) || fail "keyctl search"
refused "a key that is no keyring" 2 'trust keyring: Invalid argument' \
	--CAkeyring "$cert_key"
refused "a keyring that does not exist" 2 \
	'trust keyring: Required key not available' --CAkeyring 2147483647
keyctl setperm "$other" 0x3d010000 || fail "keyctl setperm"
refused "a keyring we may not read" 2 'trust keyring: Permission denied' \
	--CAkeyring "$other"
keyctl revoke "$other" || fail "keyctl revoke"
refused "a revoked keyring" 2 'trust keyring: Key has been revoked' \
	--CAkeyring "$other"
refused "a keyring as private key" 2 "private key's key: Invalid argument" \
	--insecure --cert "$CERTS/ec256.pem" --key-id "$trusted"

# A directory: the CA under its own name and a hashed link to it, another
# CA, and files that hold no certificate.
mkdir ca other-ca empty-ca
cp "$CERTS/ec256.pem" ca/localhost.pem
ln -s localhost.pem "ca/$(openssl x509 -hash -noout -in ca/localhost.pem).0"
cp "$CERTS/rsa2048.pem" ca/other.crt
echo garbage > ca/junk.pem
openssl pkey -in "$CERTS/ec256.key" -pubout -out ca/pubkey.pem
cp "$CERTS/rsa2048.pem" other-ca/other.pem
echo garbage > empty-ca/junk.crt
verified "directory" --CApath ca
refused "directory of another CA" 1 'unknown_ca sent' --CApath other-ca
tlshake client --CApath empty-ca 127.0.0.1 1 < /dev/null > cout 2> cerr
rc=$?
[ $rc = 2 ] || { cat cerr; fail "directory without certificates: exit status $rc"; }
expect cerr 'empty-ca: no certificate in' "directory without certificates"

# The tlshake server's private key in a logon key, which userspace cannot
# read back; openssl s_client verifies the server and its data comes back.
key=$(keyctl padd logon tlshake:ec256 @s < ec256.key.der) ||
	fail "keyctl padd logon"
keyctl pipe "$key" > /dev/null 2>&1 && fail "a logon key could be read back"
next_port
tlshake server --cert "$CERTS/ec256.pem" --key-id "$key" --echo \
	--connections 1 "127.0.0.1:$PORT" < /dev/null > sout 2> serr &
server=$!
wait_listen "$PORT"
ktls_mark
rm -f crecv
feed cdata crecv 16384 |
	openssl s_client -brief -nocommands -verify_return_error \
		-CAfile "$CERTS/ec256.pem" -servername localhost \
		-connect "127.0.0.1:$PORT" -tls1_3 > crecv 2> cerr
rc=$?
wait_exit $server
src=$?
[ $rc = 0 ] || { cat cerr serr; fail "logon key: s_client exit status $rc"; }
[ $src = 0 ] || { cat serr; fail "logon key: server exit status $src"; }
expect serr '^Protocol +: TLSv1\.3$' "logon key: server's report"
same_data cdata crecv "logon key: echoed"
ktls_check "logon key"
note "logon key: ok"

for k in "$key" "$trusted" "$other" "$empty"; do
	keyctl unlink "$k" @s > /dev/null
done
exit 0
