#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The tlshake tool's command line: help, usage errors and unusable files
# exit with status 2 and say why, an unreachable peer with status 3.

. /tlshake/testing/lib/common.sh

cert ec256

# status WANT WHAT COMMAND...: run the tool, check its exit status.
status() {
	local want=$1 what=$2 rc

	shift 2
	tlshake "$@" < /dev/null > out 2> err
	rc=$?
	[ $rc = "$want" ] || { cat out err; fail "$what: exit status $rc, not $want"; }
}

status 0 "--help" --help
expect out '^usage: tlshake client' "--help"
status 2 "no command"
status 2 "an unknown command" frobnicate
expect err "unknown command 'frobnicate'" "an unknown command"
status 2 "a client without a port" client localhost
status 2 "a server without a certificate" server 4433
expect err 'a server needs --cert' "a server without a certificate"
status 2 "a server option for a client" client --echo localhost 4433
expect err '.-echo is a server option' "a server option for a client"
status 2 "an unknown cipher suite" client --ciphers TLS_RC4 localhost 4433
expect err "unknown cipher suites 'TLS_RC4'" "an unknown cipher suite"
status 2 "an unknown group" client --groups P-999 localhost 4433
status 2 "a short pin" client --pin abcd localhost 4433
expect err 'the 64 hex digits' "a short pin"
status 2 "an empty ALPN name" client --alpn h2,,x localhost 4433
status 2 "a missing file" client --CAfile /nonexistent localhost 4433
expect err '/nonexistent: No such file or directory' "a missing file"
status 2 "a missing directory" client --CApath /nonexistent localhost 4433
expect err '/nonexistent: No such file or directory' "a missing directory"
status 2 "a key serial that is none" client --CAkeyring ring localhost 4433
expect err ".-CAkeyring takes a key serial, not 'ring'" "a key serial that is none"
status 2 "a key id without a certificate" client --key-id 7 localhost 4433
expect err '.-key-id needs --cert' "a key id without a certificate"
status 2 "a key file and a key id" server --cert "$CERTS/ec256.pem" \
	--key "$CERTS/ec256.key" --key-id 7 4433
expect err '.-key and --key-id exclude each other' "a key file and a key id"

openssl pkey -in "$CERTS/ec256.key" -aes128 -passout pass:secret -out enc.key
status 2 "an encrypted key" server --cert "$CERTS/ec256.pem" --key enc.key 4433
expect err 'the private key is encrypted' "an encrypted key"
status 2 "a certificate file without a key" server --cert "$CERTS/ec256.pem" 4433
expect err 'no private key in it' "a certificate file without a key"
echo garbage > bad.pem
status 2 "a file without certificates" client --CAfile bad.pem localhost 4433
expect err 'no CERTIFICATE in it' "a file without certificates"
printf -- '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n' > bad.pem
status 2 "broken base64" client --CAfile bad.pem localhost 4433
expect err 'bad base64' "broken base64"

# Nothing listens on port 1.
status 3 "a refused connection" client --insecure 127.0.0.1 1
expect err 'Connection refused' "a refused connection"
