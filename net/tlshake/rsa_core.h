/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RSA primitive (RFC 8017, 5.1 and 5.2: RSAEP/RSAVP1 and
 * RSADP/RSASP1) for 2048 to 4096-bit keys, in pure C: the public
 * operation, and the private one with CRT, base blinding and a check of
 * the result against the public key.  Padding is the caller's, but
 * for the one decoding that must run in constant time: TLS 1.2's
 * premaster secret, RFC 5246 7.4.7.1.
 */
#ifndef _NET_TLSHAKE_RSA_CORE_H
#define _NET_TLSHAKE_RSA_CORE_H

#include "bignum.h"
#include "modinv.h"
#include "pure.h"

/**
 * struct rsa_core_pub - an RSA public key, ready for use
 * @n: the modulus, with its Montgomery constants
 * @e: the public exponent
 * @elimbs: the length of @e in limbs
 * @k: the length of the modulus in bytes
 */
struct rsa_core_pub {
	struct bn_mont n;
	u64 e[BN_MAX_LIMBS];
	unsigned int elimbs;
	size_t k;
};

/**
 * struct rsa_core_priv - an RSA private key in CRT form, ready for use
 * @pub: the public half
 * @p: the first prime, with its Montgomery constants
 * @q: the second prime, likewise
 * @dp: d mod (p - 1), as long as p
 * @dq: d mod (q - 1), as long as q
 * @qinv: 1 / q mod p, as long as p
 */
struct rsa_core_priv {
	struct rsa_core_pub pub;
	struct bn_mont p;
	struct bn_mont q;
	u64 dp[BN_MAX_LIMBS];
	u64 dq[BN_MAX_LIMBS];
	u64 qinv[BN_MAX_LIMBS];
};

/* The primes may have up to half the limbs of the largest modulus. */
#define RSA_CORE_MAX_PRIME	(BN_MAX_LIMBS / 2)

/**
 * struct rsa_core_ws - scratch space for rsa_core_private()
 * @table: the powers of a fixed-window exponentiation
 * @ifma: the same for the two halves of a 2048-bit key, with IFMA
 * @c: the input
 * @blind: r^e, r being the blinding factor
 * @r: r, then 1 / r
 * @b: a second factor, blinding the inversion of r
 * @m1: the result modulo p
 * @m2: the result modulo q
 * @t: a temporary
 * @s: the result
 * @inv: scratch space of the inversion
 *
 * On the heap for a caller in the kernel: it holds 17 KiB.
 */
struct rsa_core_ws {
	union {
		u64 table[BN_EXP_TABLE * RSA_CORE_MAX_PRIME];
		struct bn_ifma_ws ifma;
	};
	u64 c[BN_MAX_LIMBS];
	u64 blind[BN_MAX_LIMBS];
	u64 r[BN_MAX_LIMBS];
	u64 b[BN_MAX_LIMBS];
	u64 m1[RSA_CORE_MAX_PRIME];
	u64 m2[RSA_CORE_MAX_PRIME];
	u64 t[BN_MAX_LIMBS];
	u64 s[BN_MAX_LIMBS];
	s64 inv[MODINV_WORKSPACE(BN_MAX_LIMBS)];
};

/* The random bytes rsa_core_private() takes: two blinding factors. */
#define RSA_CORE_RANDOM(k)	(2 * (k))

int rsa_core_pub_init(struct rsa_core_pub *key, const u8 *n, size_t n_len,
		      const u8 *e, size_t e_len);
int rsa_core_priv_init(struct rsa_core_priv *key, const u8 *n, size_t n_len,
		       const u8 *e, size_t e_len, const u8 *p, size_t p_len,
		       const u8 *q, size_t q_len, const u8 *dp, size_t dp_len,
		       const u8 *dq, size_t dq_len, const u8 *qinv,
		       size_t qinv_len);
int rsa_core_public(const struct rsa_core_pub *key, u8 *out, const u8 *in);
int rsa_core_private(const struct rsa_core_priv *key, u8 *out, const u8 *in,
		     const u8 *random, struct rsa_core_ws *ws);
int rsa_core_tls_pms_decode(const u8 *em, size_t k, u8 *pms, size_t len,
			    u16 version);

#endif /* _NET_TLSHAKE_RSA_CORE_H */
