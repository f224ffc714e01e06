#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Regenerate the certificates of tlshake's X.509 KUnit suite:
#
#	tools/testing/tlshake/vectors/x509/make-test-certs.sh
#
# writes NAME.der next to this script (net/tlshake/Makefile turns them into
# a C header at build time).  Keys are fresh on every run; the validity
# windows are fixed and the suite verifies at a fixed time, 2026-01-01, so
# the certificates never expire under it.  The names the suite expects:
#
#   p256-root  p256-int  p256-leaf	ECDSA P-256, ecdsa-with-SHA256;
#					p256-int has pathLenConstraint 0
#   p384-root  p384-int  p384-leaf	ECDSA P-384, ecdsa-with-SHA384
#   rsa-root (4096)  rsa-int  rsa-leaf	RSA, sha256/384/512WithRSAEncryption
#   pss-int  pss-leaf  pss-leaf512	RSASSA-PSS signatures (SHA-256 by
#					rsa-root, SHA-384 and SHA-512 by
#					pss-int), salt length = hash length
#   expired  notyet			outside their validity at that time
#   eku-client				EKU clientAuth only
#   ku-nosign				keyUsage without digitalSignature
#   noca-int  noca-leaf			an intermediate with CA:FALSE
#   nosign-int  nosign-leaf		a CA whose keyUsage lacks keyCertSign
#   sub-int  pathlen-leaf		a CA below p256-int (pathLen 0)
#   san					DNS and IP subjectAltNames
#   nosan				the host name in the CN only
#   critical				an unknown critical extension
#   other-root  other-leaf		a hierarchy nobody trusts
#   self				a self-signed end-entity certificate
#   rsa1024				an RSA key too small to accept
#
# Every chain the suite accepts is checked with openssl verify first.

set -eu

out=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# Validity windows: most certificates until 2049 (UTCTime), the roots until
# 2060 (GeneralizedTime).
START=200101000000Z
END=491231235959Z
ROOT_END=20601231235959Z
AT=1767225600	# 2026-01-01T00:00:00Z

cat > ca.cnf <<'EOF'
[ca]
default_ca = tca

[tca]
dir = .
database = ./index.txt
new_certs_dir = .
serial = ./serial
policy = policy
default_md = sha256
unique_subject = no
email_in_dn = no

[policy]
commonName = supplied

[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash

[int]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_plain]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_false]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_nosign]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.example.com,DNS:example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.32473.1 = ASN1:UTF8String:an unknown non-critical extension

[leaf_both]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:www.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[leaf_client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = DNS:www.example.com
authorityKeyIdentifier = keyid:always

[leaf_kunosign]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyAgreement
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.example.com
authorityKeyIdentifier = keyid:always

[leaf_san]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:*.example.com,DNS:example.com,IP:192.0.2.1,IP:2001:db8::1,email:admin@example.com
authorityKeyIdentifier = keyid:always

[leaf_nosan]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always

[leaf_critical]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectAltName = DNS:www.example.com
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.32473.2 = critical,ASN1:NULL

[leaf_self]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:self.example.com
EOF

serial=0

# key NAME ALGORITHM: a fresh key (EC curve name or RSA bit count).
key() {
	case $2 in
	P-*)	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:"$2" \
			-out "$1.key" 2>/dev/null ;;
	*)	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"$2" \
			-out "$1.key" 2>/dev/null ;;
	esac
}

# cert NAME ISSUER|- CN SECTION START END DIGEST [SIGOPT...]: issue NAME's
# certificate, signed by ISSUER's key, or self-signed for "-".
cert() {
	name=$1 issuer=$2 cn=$3 section=$4 start=$5 end=$6 md=$7
	shift 7
	sigopts=
	for o in "$@"; do
		sigopts="$sigopts -sigopt $o"
	done
	serial=$((serial + 1))
	printf '%02X\n' $serial > serial
	: > index.txt
	openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$name.csr"
	if [ "$issuer" = - ]; then
		signer="-selfsign -keyfile $name.key"
	else
		signer="-cert $issuer.pem -keyfile $issuer.key"
	fi
	# shellcheck disable=SC2086
	openssl ca -batch -config ca.cnf -notext $signer $sigopts \
		-in "$name.csr" -out "$name.pem" -extensions "$section" \
		-startdate "$start" -enddate "$end" -md "$md" 2>/dev/null
	openssl x509 -in "$name.pem" -outform DER -out "$name.der"
}

# verify LEAF CHAIN-ELEMENT... ROOT: openssl must accept the chain.
verify() {
	leaf=$1
	shift
	root=
	untrusted=
	for c in "$@"; do
		if [ -n "$root" ]; then
			cat "$root.pem" >> untrusted.pem
			untrusted="-untrusted untrusted.pem"
		fi
		root=$c
	done
	# shellcheck disable=SC2086
	openssl verify -attime $AT -x509_strict -purpose sslserver \
		-CAfile "$root.pem" $untrusted "$leaf.pem" >/dev/null
	rm -f untrusted.pem
}

key p256-root P-256
key p256-int P-256
key p256-leaf P-256
cert p256-root - "tlshake test P-256 root" root $START $ROOT_END sha256
cert p256-int p256-root "tlshake test P-256 intermediate" int \
	$START $END sha256
cert p256-leaf p256-int "www.example.com" leaf $START $END sha256
verify p256-leaf p256-int p256-root

key p384-root P-384
key p384-int P-384
key p384-leaf P-384
cert p384-root - "tlshake test P-384 root" root $START $ROOT_END sha384
cert p384-int p384-root "tlshake test P-384 intermediate" int \
	$START $END sha384
cert p384-leaf p384-int "www.example.com" leaf_both $START $END sha384
verify p384-leaf p384-int p384-root

key rsa-root 4096
key rsa-int 2048
key rsa-leaf 2048
cert rsa-root - "tlshake test RSA root" root $START $ROOT_END sha256
cert rsa-int rsa-root "tlshake test RSA intermediate" int $START $END sha384
cert rsa-leaf rsa-int "www.example.com" leaf_both $START $END sha512
verify rsa-leaf rsa-int rsa-root

key pss-int 2048
key pss-leaf 3072
key pss-leaf512 2048
cert pss-int rsa-root "tlshake test RSA-PSS intermediate" int \
	$START $END sha256 rsa_padding_mode:pss rsa_pss_saltlen:digest
cert pss-leaf pss-int "www.example.com" leaf $START $END sha384 \
	rsa_padding_mode:pss rsa_pss_saltlen:digest
cert pss-leaf512 pss-int "www.example.com" leaf $START $END sha512 \
	rsa_padding_mode:pss rsa_pss_saltlen:digest
verify pss-leaf pss-int rsa-root
verify pss-leaf512 pss-int rsa-root

for n in expired notyet eku-client ku-nosign san nosan critical; do
	key $n P-256
done
cert expired p256-int "www.example.com" leaf \
	100101000000Z 150101000000Z sha256
cert notyet p256-int "www.example.com" leaf \
	400101000000Z 450101000000Z sha256
cert eku-client p256-int "www.example.com" leaf_client $START $END sha256
cert ku-nosign p256-int "www.example.com" leaf_kunosign $START $END sha256
cert san p256-int "www.example.org" leaf_san $START $END sha256
cert nosan p256-int "www.example.com" leaf_nosan $START $END sha256
cert critical p256-int "www.example.com" leaf_critical $START $END sha256
verify san p256-int p256-root
verify nosan p256-int p256-root

key noca-int P-256
key noca-leaf P-256
cert noca-int p256-root "tlshake test CA:FALSE intermediate" ca_false \
	$START $END sha256
cert noca-leaf noca-int "www.example.com" leaf $START $END sha256

key nosign-int P-256
key nosign-leaf P-256
cert nosign-int p256-root "tlshake test intermediate without keyCertSign" \
	ca_nosign $START $END sha256
cert nosign-leaf nosign-int "www.example.com" leaf $START $END sha256

key sub-int P-256
key pathlen-leaf P-256
cert sub-int p256-int "tlshake test intermediate below pathLen 0" ca_plain \
	$START $END sha256
cert pathlen-leaf sub-int "www.example.com" leaf $START $END sha256

key other-root P-256
key other-leaf P-256
cert other-root - "tlshake test P-256 root" root $START $ROOT_END sha256
cert other-leaf other-root "www.example.com" leaf $START $END sha256
verify other-leaf other-root

key self P-256
cert self - "self.example.com" leaf_self $START $END sha256

key rsa1024 1024
cert rsa1024 p256-int "www.example.com" leaf $START $END sha256

rm -f "$out"/*.der
for f in *.der; do
	cp "$f" "$out/$f"
done
