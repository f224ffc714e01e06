#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Certificates against real peers: a chain root -> intermediate -> leaf
# verified against the root, refused for another name or another root
# with the right alert, and mutual TLS in both roles and at both versions
# with OpenSSL and GnuTLS, including a server that requires a certificate
# the client does not have.

. /tlshake/testing/lib/common.sh

# A CA hierarchy made here: root, intermediate, a server leaf for
# localhost and a client leaf; another root that signed none of them.
pki=$PWD/pki
mkdir -p "$pki"
cat > "$pki/ext.cnf" <<'CNF'
[ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
[server]
basicConstraints = CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
[client]
basicConstraints = CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
CNF

# issue NAME CN SECTION [ISSUER [rsa]]: a P-256 (or RSA-2048) key and
# certificate.
issue() {
	local name=$1 cn=$2 section=$3 issuer=${4:-} kind=${5:-ec}

	if [ "$kind" = rsa ]; then
		set -- -newkey rsa:2048
	else
		set -- -newkey ec -pkeyopt ec_paramgen_curve:P-256
	fi
	openssl req -new "$@" -nodes \
		-subj "/CN=$cn" -keyout "$pki/$name.key" -out "$pki/$name.csr" \
		2>/dev/null || fail "cannot make a key for $name"
	if [ -n "$issuer" ]; then
		openssl x509 -req -in "$pki/$name.csr" -days 30 \
			-CA "$pki/$issuer.pem" -CAkey "$pki/$issuer.key" \
			-extfile "$pki/ext.cnf" -extensions "$section" \
			-out "$pki/$name.pem" 2>/dev/null
	else
		openssl x509 -req -in "$pki/$name.csr" -days 30 \
			-signkey "$pki/$name.key" -extfile "$pki/ext.cnf" \
			-extensions "$section" -out "$pki/$name.pem" 2>/dev/null
	fi || fail "cannot issue $name"
}

issue root "tlshake test root" ca
issue other "another root" ca
issue int "tlshake test intermediate" ca root
issue server localhost server int
issue client "tlshake test client" client int
issue stranger "a stranger" client other
issue client-rsa "tlshake test RSA client" client int rsa
cat "$pki/server.pem" "$pki/int.pem" > "$pki/server-chain.pem"
cat "$pki/client.pem" "$pki/int.pem" > "$pki/client-chain.pem"
cat "$pki/client-rsa.pem" "$pki/int.pem" > "$pki/client-rsa-chain.pem"

# s_server ARGS...: openssl s_server with the server's leaf and the
# intermediate, for one connection, its input open until it is done.
s_server() {
	next_port
	sleep 30 |
		openssl s_server -naccept 1 -accept "$PORT" \
			-cert "$pki/server.pem" -cert_chain "$pki/int.pem" \
			-key "$pki/server.key" "$@" > sout 2>&1 &
	server=$!
	wait_listen "$PORT"
}

# client WANT WHAT ARGS...: the tlshake client, its exit status WANT.
client() {
	local want=$1 what=$2 rc

	shift 2
	tlshake client "$@" 127.0.0.1 "$PORT" < /dev/null > cout 2> cerr
	rc=$?
	wait_exit $server > /dev/null
	[ $rc = "$want" ] ||
		{ cat cerr sout; fail "$what: client exit status $rc, not $want"; }
}

# The chain, sent as leaf and intermediate, verified up to the root.
s_server
client 0 "chain" --CAfile "$pki/root.pem" --sni localhost
expect cerr '^Peer +: verified$' "chain"
expect cerr '^Peer chain +: 2 certificates' "chain"
expect cerr '^Peer subject: CN=localhost$' "chain: the subject"
expect cerr '^Peer names +: DNS:localhost$' "chain: the names"

# The same chain for a name it does not carry.
s_server
client 1 "wrong name" --CAfile "$pki/root.pem" --sni other.example
expect cerr 'bad_certificate sent' "wrong name"
expect cerr 'refused: name mismatch' "wrong name: the reason"
expect sout 'alert bad certificate' "wrong name: the server's view"

# A root that signed none of it.
s_server
client 1 "untrusted chain" --CAfile "$pki/other.pem" --sni localhost
expect cerr 'unknown_ca sent' "untrusted chain"
expect cerr 'refused: unknown issuer' "untrusted chain: the reason"

# mutual TLS, tlshake client: openssl s_server insists on a certificate.
s_server -Verify 2 -verify_return_error -CAfile "$pki/root.pem"
client 0 "client certificate to openssl" --CAfile "$pki/root.pem" \
	--sni localhost --cert "$pki/client-chain.pem" --key "$pki/client.key"
expect sout 'subject=CN = tlshake test client' "client certificate to openssl"

# A TLS 1.3 client's handshake is over before the server has seen its
# (empty) Certificate: the server's alert arrives through kTLS.
s_server -Verify 2 -verify_return_error -CAfile "$pki/root.pem"
client 3 "no client certificate to openssl" --CAfile "$pki/root.pem" \
	--sni localhost
expect cerr 'fatal alert: certificate_required' "no client certificate to openssl"

next_port
gnutls-serv -p "$PORT" --x509certfile "$pki/server-chain.pem" \
	--x509keyfile "$pki/server.key" --x509cafile "$pki/root.pem" \
	--require-client-cert --verify-client-cert < /dev/null > sout 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --CAfile "$pki/root.pem" --sni localhost \
	--cert "$pki/client-chain.pem" --key "$pki/client.key" \
	127.0.0.1 "$PORT" < /dev/null > cout 2> cerr
rc=$?
kill $server
wait $server 2>/dev/null
[ $rc = 0 ] || { cat cerr sout; fail "client certificate to gnutls: exit status $rc"; }

# mutual TLS at TLS 1.2, tlshake client: Certificate and CertificateVerify
# (signed over the handshake messages) before our Finished.
s_server -tls1_2 -Verify 2 -verify_return_error -CAfile "$pki/root.pem"
client 0 "TLS 1.2 client certificate to openssl" --tls1.2 \
	--CAfile "$pki/root.pem" --sni localhost \
	--cert "$pki/client-chain.pem" --key "$pki/client.key"
expect cerr '^Protocol +: TLSv1.2$' "TLS 1.2 client certificate to openssl"
expect sout 'subject=CN = tlshake test client' "TLS 1.2 client certificate to openssl"

# At TLS 1.2 the server judges our empty Certificate before its Finished.
s_server -tls1_2 -Verify 2 -verify_return_error -CAfile "$pki/root.pem"
client 1 "TLS 1.2, no client certificate to openssl" --tls1.2 \
	--CAfile "$pki/root.pem" --sni localhost
expect cerr 'handshake_failure received' "TLS 1.2, no client certificate to openssl"

# A server that only asks goes on without one.
s_server -tls1_2 -verify 2 -CAfile "$pki/root.pem"
client 0 "TLS 1.2, no client certificate, only asked" --tls1.2 \
	--CAfile "$pki/root.pem" --sni localhost
expect cerr '^Protocol +: TLSv1.2$' "TLS 1.2, no client certificate, only asked"

next_port
gnutls-serv -p "$PORT" --x509certfile "$pki/server-chain.pem" \
	--x509keyfile "$pki/server.key" --x509cafile "$pki/root.pem" \
	--priority NORMAL:-VERS-ALL:+VERS-TLS1.2 \
	--require-client-cert --verify-client-cert < /dev/null > sout 2>&1 &
server=$!
wait_listen "$PORT"
tlshake client --tls1.2 --CAfile "$pki/root.pem" --sni localhost \
	--cert "$pki/client-rsa-chain.pem" --key "$pki/client-rsa.key" \
	127.0.0.1 "$PORT" < /dev/null > cout 2> cerr
rc=$?
kill $server
wait $server 2>/dev/null
[ $rc = 0 ] || { cat cerr sout; fail "TLS 1.2 RSA client certificate to gnutls: exit status $rc"; }
expect cerr '^Protocol +: TLSv1.2$' "TLS 1.2 RSA client certificate to gnutls"

# mutual TLS, tlshake server: it requires a certificate and verifies it.
# tserver ARGS...: the tlshake server, echoing, for one connection.
tserver() {
	next_port
	tlshake server --cert "$pki/server-chain.pem" --key "$pki/server.key" \
		--CAfile "$pki/root.pem" --echo --connections 1 "$@" \
		"127.0.0.1:$PORT" < /dev/null > sout 2> serr &
	server=$!
	wait_listen "$PORT"
}

tserver --require-cert
rm -f cout
hello cout | openssl s_client -brief -nocommands \
	-CAfile "$pki/root.pem" -servername localhost \
	-cert "$pki/client.pem" -cert_chain "$pki/int.pem" \
	-key "$pki/client.key" -connect "127.0.0.1:$PORT" > cout 2> cerr
wait_exit $server || { cat serr cerr; fail "openssl's client certificate: server failed"; }
expect serr '^Peer +: verified$' "openssl's client certificate"
expect serr '^Peer subject: CN=tlshake test client$' "openssl's client certificate: the subject"
expect cout '^hello$' "openssl's client certificate: echo"

tserver --require-cert
openssl s_client -brief -nocommands -CAfile "$pki/root.pem" \
	-servername localhost -connect "127.0.0.1:$PORT" \
	< /dev/null > cout 2> cerr
wait_exit $server && fail "no client certificate: the server accepted"
expect serr 'certificate_required sent' "no client certificate"

tserver --require-cert
openssl s_client -brief -nocommands -CAfile "$pki/root.pem" \
	-servername localhost -cert "$pki/stranger.pem" -key "$pki/stranger.key" \
	-connect "127.0.0.1:$PORT" < /dev/null > cout 2> cerr
wait_exit $server && fail "an untrusted client certificate: the server accepted"
expect serr 'unknown_ca sent' "an untrusted client certificate"
expect serr 'refused: unknown issuer' "an untrusted client certificate: the reason"

tserver --request-cert
rm -f cout
hello cout | gnutls-cli --logfile cerr --x509cafile "$pki/root.pem" \
	--x509certfile "$pki/client-chain.pem" --x509keyfile "$pki/client.key" \
	-p "$PORT" localhost > cout
wait_exit $server || { cat serr cerr; fail "gnutls's client certificate: server failed"; }
expect serr '^Peer +: verified$' "gnutls's client certificate"
expect cout '^hello$' "gnutls's client certificate: echo"

# A server that only asks goes on without one.
tserver --request-cert
rm -f cout
hello cout | gnutls-cli --logfile cerr --x509cafile "$pki/root.pem" \
	-p "$PORT" localhost > cout
wait_exit $server || { cat serr cerr; fail "no certificate, only asked: server failed"; }
expect serr '^Peer +: no certificate$' "no certificate, only asked"

# mutual TLS at TLS 1.2, tlshake server: CertificateRequest, then the
# client's Certificate and CertificateVerify before its ChangeCipherSpec.
tserver --require-cert
rm -f cout
hello cout | openssl s_client -brief -nocommands -tls1_2 \
	-CAfile "$pki/root.pem" -servername localhost \
	-cert "$pki/client.pem" -cert_chain "$pki/int.pem" \
	-key "$pki/client.key" -connect "127.0.0.1:$PORT" > cout 2> cerr
wait_exit $server || { cat serr cerr; fail "TLS 1.2, openssl's client certificate: server failed"; }
expect serr '^Protocol +: TLSv1.2$' "TLS 1.2, openssl's client certificate"
expect serr '^Peer +: verified$' "TLS 1.2, openssl's client certificate"
expect serr '^Peer subject: CN=tlshake test client$' "TLS 1.2, openssl's client certificate: the subject"
expect cout '^hello$' "TLS 1.2, openssl's client certificate: echo"

# An empty Certificate where one is required: handshake_failure (RFC 5246
# 7.4.6), before either Finished.
tserver --require-cert
openssl s_client -brief -nocommands -tls1_2 -CAfile "$pki/root.pem" \
	-servername localhost -connect "127.0.0.1:$PORT" \
	< /dev/null > cout 2> cerr
wait_exit $server && fail "TLS 1.2, no client certificate: the server accepted"
expect serr 'handshake_failure sent' "TLS 1.2, no client certificate"

tserver --request-cert
rm -f cout
hello cout | gnutls-cli --logfile cerr --x509cafile "$pki/root.pem" \
	--priority NORMAL:-VERS-ALL:+VERS-TLS1.2 \
	--x509certfile "$pki/client-rsa-chain.pem" \
	--x509keyfile "$pki/client-rsa.key" -p "$PORT" localhost > cout
wait_exit $server || { cat serr cerr; fail "TLS 1.2, gnutls's RSA client certificate: server failed"; }
expect serr '^Protocol +: TLSv1.2$' "TLS 1.2, gnutls's RSA client certificate"
expect serr '^Peer +: verified$' "TLS 1.2, gnutls's RSA client certificate"
expect cout '^hello$' "TLS 1.2, gnutls's RSA client certificate: echo"

tserver --request-cert
rm -f cout
hello cout | gnutls-cli --logfile cerr --x509cafile "$pki/root.pem" \
	--priority NORMAL:-VERS-ALL:+VERS-TLS1.2 -p "$PORT" localhost > cout
wait_exit $server || { cat serr cerr; fail "TLS 1.2, no certificate, only asked: server failed"; }
expect serr '^Protocol +: TLSv1.2$' "TLS 1.2, no certificate, only asked"
expect serr '^Peer +: no certificate$' "TLS 1.2, no certificate, only asked"
expect cout '^hello$' "TLS 1.2, no certificate, only asked: echo"
