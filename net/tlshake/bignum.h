/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Multi-precision arithmetic for RSA: Montgomery multiplication with 64-bit
 * limbs, modular exponentiation in constant time for secret exponents and
 * in variable time for public ones, in pure C.
 *
 * Integers are arrays of 64-bit limbs, least significant first, of a length
 * that is public.  Functions marked constant time execute the same
 * instructions and touch the same addresses whatever the values.
 */
#ifndef _NET_TLSHAKE_BIGNUM_H
#define _NET_TLSHAKE_BIGNUM_H

#include "pure.h"

/* 4096 bits */
#define BN_MAX_LIMBS	64

/* Fixed windows of 5 exponent bits: a table of 32 powers. */
#define BN_EXP_WINDOW	5
#define BN_EXP_TABLE	BIT(BN_EXP_WINDOW)

/**
 * struct bn_mont - an odd modulus m, ready for Montgomery arithmetic
 * @nlimbs: the length of m in limbs; R = 2^(64 nlimbs)
 * @n0: -1 / m mod 2^64
 * @m: the modulus
 * @rr: R^2 mod m
 */
struct bn_mont {
	unsigned int nlimbs;
	u64 n0;
	u64 m[BN_MAX_LIMBS];
	u64 rr[BN_MAX_LIMBS];
};

/* All ones if @x is zero, else zero, without a branch. */
static inline u64 bn_zero_mask(u64 x)
{
	return ((x | (0 - x)) >> 63) - 1;
}

void bn_from_bytes(u64 *r, unsigned int nlimbs, const u8 *in, size_t len);
void bn_to_bytes(u8 *out, size_t len, const u64 *a, unsigned int nlimbs);
unsigned int bn_limbs(const u8 *in, size_t len);
u64 bn_add(u64 *r, const u64 *a, const u64 *b, unsigned int nlimbs);
u64 bn_sub(u64 *r, const u64 *a, const u64 *b, unsigned int nlimbs);
u64 bn_less(const u64 *a, const u64 *b, unsigned int nlimbs);
u64 bn_equal(const u64 *a, const u64 *b, unsigned int nlimbs);
void bn_mul(u64 *r, const u64 *a, unsigned int alimbs, const u64 *b,
	    unsigned int blimbs);

int bn_mont_init(struct bn_mont *ctx, const u64 *m, unsigned int nlimbs);
void bn_mont_mul(u64 *r, const u64 *a, const u64 *b,
		 const struct bn_mont *ctx);
void bn_mont_sqr(u64 *r, const u64 *a, const struct bn_mont *ctx);
void bn_mont_from(u64 *r, const u64 *a, const struct bn_mont *ctx);
void bn_mont_reduce(u64 *r, const u64 *a, unsigned int alimbs,
		    const struct bn_mont *ctx);
void bn_mod_sub(u64 *r, const u64 *a, const u64 *b,
		const struct bn_mont *ctx);
void bn_mont_exp_consttime(u64 *r, const u64 *base, const u64 *exp,
			   unsigned int elimbs, const struct bn_mont *ctx,
			   u64 *table);
void bn_mont_exp_vartime(u64 *r, const u64 *base, const u64 *exp,
			 unsigned int elimbs, const struct bn_mont *ctx);

#endif /* _NET_TLSHAKE_BIGNUM_H */
