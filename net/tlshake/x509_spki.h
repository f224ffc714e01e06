/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The public key of an X.509 certificate: a bounded walk from the
 * Certificate down to its SubjectPublicKeyInfo (RFC 5280 4.1), and the key
 * algorithm identifiers shared with private keys.  Pure code (see pure.h);
 * it takes only the key types from sig.h.
 */
#ifndef _NET_TLSHAKE_X509_SPKI_H
#define _NET_TLSHAKE_X509_SPKI_H

#include "pure.h"
#include "der.h"
#include "sig.h"

/**
 * struct tlshake_spki - a SubjectPublicKeyInfo
 * @der: the whole DER SubjectPublicKeyInfo, as a pin hashes it
 * @der_len: its length
 * @alg: the key's algorithm
 * @key: the subjectPublicKey bits: the uncompressed EC point
 *	(0x04 || X || Y) or the DER RSAPublicKey
 * @key_len: the length of @key
 */
struct tlshake_spki {
	const u8 *der;
	size_t der_len;
	enum tlshake_key_type alg;
	const u8 *key;
	size_t key_len;
};

int tlshake_key_alg_read(struct tlshake_der *der,
			 enum tlshake_key_type *alg);
int tlshake_key_curve_read(struct tlshake_der *der,
			   enum tlshake_key_type *alg);
int tlshake_spki_parse(const u8 *der, size_t len, struct tlshake_spki *spki);
int tlshake_x509_spki(const u8 *cert, size_t len, struct tlshake_spki *spki);

#endif /* _NET_TLSHAKE_X509_SPKI_H */
