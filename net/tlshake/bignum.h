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
void bn_mod_add(u64 *r, const u64 *a, const u64 *b,
		const struct bn_mont *ctx);
void bn_mod_sub(u64 *r, const u64 *a, const u64 *b,
		const struct bn_mont *ctx);
void bn_mont_exp_consttime(u64 *r, const u64 *base, const u64 *exp,
			   unsigned int elimbs, const struct bn_mont *ctx,
			   u64 *table);
void bn_mont_exp_vartime(u64 *r, const u64 *base, const u64 *exp,
			 unsigned int elimbs, const struct bn_mont *ctx);
unsigned int bn_exp_window(const u64 *exp, unsigned int elimbs,
			   unsigned int pos);

/* Two exponentiations modulo 1024-bit moduli at once (the halves of an
 * RSA-2048 private operation) with AVX-512 IFMA, on x86-64 CPUs that have
 * it: integers of 20 limbs of 52 bits there.
 */
#define BN_IFMA_BITS	1024
#define BN52_LIMBS	20

/**
 * struct bn_ifma_ws - scratch space for bn_mont_exp2_ifma()
 * @table: the powers of the two bases, the second's after the first's
 * @acc: the two accumulators
 * @t: two powers from @table
 * @back: R mod m for each modulus, to leave the radix of 2^52
 * @m: the two moduli
 * @k0: -1 / m mod 2^52 for each
 */
struct bn_ifma_ws {
	u64 table[BN_EXP_TABLE][2 * BN52_LIMBS];
	u64 acc[2 * BN52_LIMBS];
	u64 t[2 * BN52_LIMBS];
	u64 back[2 * BN52_LIMBS];
	u64 m[2 * BN52_LIMBS];
	u64 k0[2];
};

#if defined(CONFIG_X86_64) || (!defined(__KERNEL__) && defined(__x86_64__))
void bn_ifma_init(void);
bool bn_ifma_usable(void);
void bn_ifma_begin(void);
void bn_ifma_end(void);
void bn_mont_exp2_ifma(u64 *const r[2], const u64 *const base[2],
		       const u64 *const exp[2],
		       const struct bn_mont *const ctx[2],
		       struct bn_ifma_ws *ws);
/* rsa_amm52_x86_64.S, which describes them */
void tlshake_amm52x20_x2(u64 *r, const u64 *a, const u64 *b, const u64 *m,
			 const u64 *k0);
void tlshake_amm52x20_select2(u64 *r, const u64 *table, u64 idx0,
			      u64 idx1);
#else
static inline void bn_ifma_init(void)
{
}

static inline bool bn_ifma_usable(void)
{
	return false;
}

static inline void bn_mont_exp2_ifma(u64 *const r[2],
				     const u64 *const base[2],
				     const u64 *const exp[2],
				     const struct bn_mont *const ctx[2],
				     struct bn_ifma_ws *ws)
{
}
#endif

#endif /* _NET_TLSHAKE_BIGNUM_H */
