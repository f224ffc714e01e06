/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private keys in DER: PKCS#8 PrivateKeyInfo (RFC 5958), SEC1
 * ECPrivateKey (RFC 5915) and PKCS#1 RSAPrivateKey (RFC 8017).  Pure code
 * (see pure.h): the key may come from an unprivileged caller.
 */
#ifndef _NET_TLSHAKE_PRIVKEY_DER_H
#define _NET_TLSHAKE_PRIVKEY_DER_H

#include "pure.h"
#include "x509_spki.h"

/**
 * struct tlshake_privkey_der - a private key found in DER
 * @alg: its algorithm
 * @key: for an EC key the private scalar, big-endian, as long as the
 *	curve's order; for an RSA key the whole DER RSAPrivateKey
 * @key_len: the length of @key
 */
struct tlshake_privkey_der {
	enum tlshake_key_type alg;
	const u8 *key;
	size_t key_len;
};

int tlshake_privkey_der_parse(const u8 *der, size_t len,
			      struct tlshake_privkey_der *key);

#endif /* _NET_TLSHAKE_PRIVKEY_DER_H */
