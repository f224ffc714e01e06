// SPDX-License-Identifier: GPL-2.0
/*
 * The two exponentiations of an RSA-2048 private operation, modulo its
 * 1024-bit primes, with AVX-512 IFMA (rsa_amm52_x86_64.S): the same fixed
 * windows as bn_mont_exp_consttime(), over 20 limbs of 52 bits and
 * R' = 2^1040, both halves in step so that the multiplier works on one
 * while the other waits for its results.
 *
 * Products stay below 2m (almost Montgomery multiplication) until the end,
 * where one subtraction in constant time brings the result below m.  The
 * window look-ups (in the assembly too) read the whole table with masks.
 * The vector unit is taken for one window at a time, so that preemption
 * is never held off for long.
 */

#include "bignum.h"

#define BN52_MASK	((1ULL << 52) - 1)
#define BN_IFMA_LIMBS	(BN_IFMA_BITS / 64)

/* 1024 bits in 64-bit limbs to 20 limbs of 52 bits */
static void bn52_from64(u64 *r, const u64 *a)
{
	unsigned int i, bit, word, shift;
	u64 v;

	for (i = 0; i < BN52_LIMBS; i++) {
		bit = 52 * i;
		word = bit / 64;
		shift = bit % 64;
		v = a[word] >> shift;
		if (shift > 64 - 52 && word + 1 < BN_IFMA_LIMBS)
			v |= a[word + 1] << (64 - shift);
		r[i] = v & BN52_MASK;
	}
}

/* 20 limbs of 52 bits to 1088 bits in 64-bit limbs (17 limbs) */
static void bn52_to64(u64 *r, const u64 *a)
{
	unsigned int i, bit, word, shift;

	memset(r, 0, (BN_IFMA_LIMBS + 1) * sizeof(*r));
	for (i = 0; i < BN52_LIMBS; i++) {
		bit = 52 * i;
		word = bit / 64;
		shift = bit % 64;
		r[word] |= a[i] << shift;
		if (shift > 64 - 52)
			r[word + 1] |= a[i] >> (64 - shift);
	}
}

/* r = a b / R' mod m for both halves, below 2m, given a, b < 2m.  The
 * assembly leaves the carries between limbs to be propagated here.
 */
static void bn52_amm2(u64 *r, const u64 *a, const u64 *b,
		      const struct bn_ifma_ws *ws)
{
	u64 *r1 = r + BN52_LIMBS, carry = 0, carry1 = 0, t;
	unsigned int i;

	tlshake_amm52x20_x2(r, a, b, ws->m, ws->k0);
	/* two chains of carries, side by side */
	for (i = 0; i < BN52_LIMBS; i++) {
		t = r[i] + carry;
		r[i] = t & BN52_MASK;
		carry = t >> 52;
		t = r1[i] + carry1;
		r1[i] = t & BN52_MASK;
		carry1 = t >> 52;
	}
}

/* The powers of the two bases for the windows of @exp at @pos. */
static void bn52_select2(u64 *r, const struct bn_ifma_ws *ws,
			 const u64 *const exp[2], unsigned int pos)
{
	tlshake_amm52x20_select2(r, ws->table[0],
				 bn_exp_window(exp[0], BN_IFMA_LIMBS, pos),
				 bn_exp_window(exp[1], BN_IFMA_LIMBS, pos));
}

/* The constants of one half, in 52-bit limbs: its modulus, k0, the base
 * moved from R = 2^1024 to R' = 2^1040 as @acc times 2^1056 mod m, 1 as
 * R' mod m in the table, and R mod m to come back.
 */
static void bn52_setup(struct bn_ifma_ws *ws, unsigned int h,
		       const u64 *base, const struct bn_mont *ctx)
{
	unsigned int off = h * BN52_LIMBS, i;
	u64 x[BN_IFMA_LIMBS];

	bn52_from64(ws->m + off, ctx->m);
	ws->k0[h] = ctx->n0 & BN52_MASK;
	bn52_from64(ws->acc + off, base);

	bn_mont_from(x, ctx->rr, ctx);
	bn52_from64(ws->back + off, x);
	for (i = 0; i < 1040 - 1024; i++)
		bn_mod_add(x, x, x, ctx);
	bn52_from64(ws->table[0] + off, x);
	for (i = 0; i < 1056 - 1040; i++)
		bn_mod_add(x, x, x, ctx);
	bn52_from64(ws->t + off, x);
	memzero_explicit(x, sizeof(x));
}

/* r = a mod m, given a < 2m, in 17 and 16 limbs */
static void bn52_finish(u64 *r, const u64 *a, const struct bn_mont *ctx)
{
	u64 x[BN_IFMA_LIMBS + 1], s[BN_IFMA_LIMBS + 1], m[BN_IFMA_LIMBS + 1];
	u64 keep;
	unsigned int i;

	bn52_to64(x, a);
	memcpy(m, ctx->m, BN_IFMA_LIMBS * sizeof(*m));
	m[BN_IFMA_LIMBS] = 0;
	keep = 0 - bn_sub(s, x, m, BN_IFMA_LIMBS + 1);
	for (i = 0; i < BN_IFMA_LIMBS; i++)
		r[i] = (x[i] & keep) | (s[i] & ~keep);
	memzero_explicit(x, sizeof(x));
	memzero_explicit(s, sizeof(s));
}

/**
 * bn_mont_exp2_ifma() - two exponentiations with secret exponents, IFMA
 * @r: base[h]^exp[h] in Montgomery form modulo ctx[h], for h = 0, 1
 * @base: the two bases in Montgomery form, each below its modulus
 * @exp: the two exponents, of 1024 bits
 * @ctx: the two moduli, of 1024 bits (16 limbs)
 * @ws: scratch space
 *
 * What bn_mont_exp_consttime() computes, twice, for a caller that has
 * checked bn_ifma_usable(), and in constant time as it.
 */
void bn_mont_exp2_ifma(u64 *const r[2], const u64 *const base[2],
		       const u64 *const exp[2],
		       const struct bn_mont *const ctx[2],
		       struct bn_ifma_ws *ws)
{
	unsigned int i, j;
	int pos;

	bn52_setup(ws, 0, base[0], ctx[0]);
	bn52_setup(ws, 1, base[1], ctx[1]);

	/* table[i] = base^i in the radix of R', and the first window */
	bn_ifma_begin();
	bn52_amm2(ws->table[1], ws->acc, ws->t, ws);
	for (i = 2; i < BN_EXP_TABLE; i++)
		bn52_amm2(ws->table[i], ws->table[i - 1], ws->table[1], ws);

	pos = (BN_IFMA_BITS - 1) / BN_EXP_WINDOW * BN_EXP_WINDOW;
	bn52_select2(ws->acc, ws, exp, pos);
	bn_ifma_end();
	for (pos -= BN_EXP_WINDOW; pos >= 0; pos -= BN_EXP_WINDOW) {
		bn_ifma_begin();
		for (j = 0; j < BN_EXP_WINDOW; j++)
			bn52_amm2(ws->acc, ws->acc, ws->acc, ws);
		bn52_select2(ws->t, ws, exp, pos);
		bn52_amm2(ws->acc, ws->acc, ws->t, ws);
		bn_ifma_end();
	}

	/* times R / R': Montgomery form for R = 2^1024, below 2m */
	bn_ifma_begin();
	bn52_amm2(ws->acc, ws->acc, ws->back, ws);
	bn_ifma_end();
	bn52_finish(r[0], ws->acc, ctx[0]);
	bn52_finish(r[1], ws->acc + BN52_LIMBS, ctx[1]);
	memzero_explicit(ws, sizeof(*ws));
}
