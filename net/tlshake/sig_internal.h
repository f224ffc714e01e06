/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the signature family's files share: the key layouts and the
 * interface between the scheme dispatch (sig.c) and the algorithms
 * (sig_ecdsa.c, sig_rsa.c).
 */
#ifndef _NET_TLSHAKE_SIG_INTERNAL_H
#define _NET_TLSHAKE_SIG_INTERNAL_H

#include <linux/refcount.h>
#include <linux/types.h>

#include "p256.h"
#include "rsa_core.h"
#include "sig.h"

/* P-384 is the largest curve: six 64-bit digits, 48 bytes a coordinate. */
#define TLSHAKE_EC_MAX_DIGITS	6

/**
 * struct tlshake_sig_alg - what a SignatureScheme stands for
 * @scheme: the TLS code point
 * @key_type: the only key type the scheme fits
 * @pss: for RSA, EMSA-PSS rather than EMSA-PKCS1-v1_5
 * @hash: the crypto API name of the hash
 * @digest_len: the length of its digest
 */
struct tlshake_sig_alg {
	u16 scheme;
	enum tlshake_key_type key_type;
	bool pss;
	const char *hash;
	unsigned int digest_len;
};

/**
 * struct tlshake_pubkey - a validated public key
 * @ref: the references to the key: a key the module's cache keeps (see
 *	key_cache.c) is shared by the handshakes that use it
 * @type: which of the unions is valid
 * @p256: a P-256 key, validated, with the multiples verification uses
 * @ec: a P-384 point, as little-endian arrays of 64-bit digits (ecc.h's
 *	vli)
 * @ec.x: its x coordinate
 * @ec.y: its y coordinate
 * @rsa: an RSA key, checked and prepared for rsa_core once, when made;
 *	the modulus's length @rsa.k is the length of a signature
 */
struct tlshake_pubkey {
	refcount_t ref;
	enum tlshake_key_type type;
	union {
		struct p256_pubkey p256;
		struct {
			u64 x[TLSHAKE_EC_MAX_DIGITS];
			u64 y[TLSHAKE_EC_MAX_DIGITS];
		} ec;
		struct rsa_core_pub rsa;
	};
};

/**
 * struct tlshake_privkey - a private key
 * @ref: the references to the key, which may be shared as a public key is
 * @type: which of the unions is valid
 * @ec_d: the EC scalar, in [1, n - 1], as an array of 64-bit digits, the
 *	least significant first (P-256 uses four)
 * @rsa: an RSA key in CRT form, checked and prepared for rsa_core once,
 *	when made; the modulus's length @rsa.pub.k is the length of a
 *	signature
 *
 * The structure is freed with kfree_sensitive() when its last reference
 * goes.
 */
struct tlshake_privkey {
	refcount_t ref;
	enum tlshake_key_type type;
	union {
		u64 ec_d[TLSHAKE_EC_MAX_DIGITS];
		struct rsa_core_priv rsa;
	};
};

int tlshake_ecdsa_verify(const struct tlshake_pubkey *key, const u8 *digest,
			 const u8 *sig, size_t sig_len);
size_t tlshake_ecdsa_max_len(enum tlshake_key_type type);
int tlshake_ecdsa_sign(const struct tlshake_privkey *key, const u8 *digest,
		       u8 *sig, size_t *sig_len);

int tlshake_rsa_verify(const struct tlshake_pubkey *key,
		       const struct tlshake_sig_alg *alg, const u8 *digest,
		       const u8 *sig, size_t sig_len);
int tlshake_rsa_sign(const struct tlshake_privkey *key,
		     const struct tlshake_sig_alg *alg, const u8 *digest,
		     u8 *sig, size_t *sig_len);

#endif /* _NET_TLSHAKE_SIG_INTERNAL_H */
