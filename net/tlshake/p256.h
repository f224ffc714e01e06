/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NIST P-256 (secp256r1): ECDH and ECDSA of tlshake's own, in C, with
 * inline assembly for the field on x86_64 CPUs that have BMI2 and ADX.
 *
 * The files behind this header (p256.c, p256_scalar.c, p256_ecdh.c,
 * p256_ecdsa.c) include nothing but pure.h, so the same code builds in
 * userspace, where it is tested against OpenSSL and checked for constant
 * time.  They take no randomness: callers pass random bytes in and draw
 * again when told to (-EAGAIN), which keeps the code deterministic under
 * test.
 *
 * Integers in limb form are arrays of four 64-bit limbs, least significant
 * first: the "vli" layout of crypto/ecc.c.  Byte strings are big-endian.
 */
#ifndef _NET_TLSHAKE_P256_H
#define _NET_TLSHAKE_P256_H

#include "pure.h"

#define P256_BYTES		32
/* 0x04 || X || Y (SEC 1, 2.3.3) */
#define P256_POINT_BYTES	(1 + 2 * P256_BYTES)
/* Odd multiples of a public key kept for verification: Q, 3Q, ..., 31Q */
#define P256_PUBKEY_TABLE	16

/**
 * struct p256_affine - a point in affine coordinates
 * @x: x, in the field's Montgomery form
 * @y: y, likewise
 */
struct p256_affine {
	u64 x[4];
	u64 y[4];
};

/**
 * struct p256_pubkey - a validated public key, ready for verification
 * @tab: the odd multiples (2i + 1) Q of the key Q, affine; @tab[0] is Q
 *
 * Made once per key by p256_pubkey_init(), so verifications with a cached
 * key neither validate the point again nor build its table.
 */
struct p256_pubkey {
	struct p256_affine tab[P256_PUBKEY_TABLE];
};

void p256_set_adx(bool adx);

int p256_pubkey_init(struct p256_pubkey *key, const u8 *point, size_t len);

int p256_ecdh_public(u8 *point, const u8 *scalar);
int p256_ecdh_shared(u8 *secret, const u8 *scalar, const u8 *peer,
		     size_t peer_len);

int p256_ecdsa_sign(u64 *r, u64 *s, const u64 *d, const u8 *digest,
		    const u8 *nonce);
int p256_ecdsa_verify(const struct p256_pubkey *key, const u8 *digest,
		      const u64 *r, const u64 *s);

/* Point arithmetic (p256.c), for the ECDH and ECDSA layers. */
int p256_point_decode(struct p256_affine *p, const u8 *buf, size_t len);
void p256_mul_base(u64 *x, u64 *y, const u64 *k);
u64 p256_mul(u64 *x, const u64 *k, const struct p256_affine *p);
bool p256_mul_add_check(const struct p256_pubkey *key, const u64 *u1,
			const u64 *u2, const u64 *r);

/* Arithmetic modulo the group order n (p256_scalar.c). */
void p256_sc_from_bytes(u64 *r, const u8 *in);
void p256_sc_to_bytes(u8 *out, const u64 *a);
u64 p256_sc_valid(const u64 *a);
void p256_sc_reduce(u64 *r, const u64 *a);
void p256_sc_add(u64 *r, const u64 *a, const u64 *b);
void p256_sc_mul(u64 *r, const u64 *a, const u64 *b);
void p256_sc_to_mont(u64 *r, const u64 *a);
void p256_sc_inv(u64 *r, const u64 *a);
void p256_sc_inv_vartime(u64 *r, const u64 *a);

#endif /* _NET_TLSHAKE_P256_H */
