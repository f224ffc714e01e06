// SPDX-License-Identifier: GPL-2.0
/*
 * Multi-precision arithmetic for RSA: Montgomery multiplication and
 * exponentiation over 64-bit limbs, with 128-bit products.
 *
 * Everything here is constant time except bn_mont_init() for a public
 * modulus and bn_mont_exp_vartime(), whose exponent is public: loops run
 * over lengths, never over values; conditional subtractions and table
 * look-ups are done with masks.
 */

#include "bignum.h"

/**
 * bn_from_bytes() - read a big-endian byte string
 * @r: the integer, @nlimbs limbs
 * @nlimbs: its length
 * @in: the bytes; those beyond 8 @nlimbs must be zero (they are ignored)
 * @len: their number
 */
void bn_from_bytes(u64 *r, unsigned int nlimbs, const u8 *in, size_t len)
{
	size_t i;

	memset(r, 0, nlimbs * sizeof(*r));
	for (i = 0; i < len && i < 8 * (size_t)nlimbs; i++)
		r[i / 8] |= (u64)in[len - 1 - i] << (8 * (i % 8));
}

/**
 * bn_to_bytes() - write a big-endian byte string
 * @out: the bytes
 * @len: their number; the integer must fit
 * @a: the integer
 * @nlimbs: its length
 */
void bn_to_bytes(u8 *out, size_t len, const u64 *a, unsigned int nlimbs)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[len - 1 - i] = i / 8 < nlimbs ?
				   (u8)(a[i / 8] >> (8 * (i % 8))) : 0;
}

/**
 * bn_add() - add
 * @r: @a + @b, may be @a or @b
 * @a: an integer
 * @b: an integer
 * @nlimbs: the length of all three
 *
 * Return: the carry out, 0 or 1.
 */
u64 bn_add(u64 *r, const u64 *a, const u64 *b, unsigned int nlimbs)
{
	unsigned __int128 t = 0;
	unsigned int i;

	for (i = 0; i < nlimbs; i++) {
		t += (unsigned __int128)a[i] + b[i];
		r[i] = (u64)t;
		t >>= 64;
	}
	return (u64)t;
}

/**
 * bn_sub() - subtract
 * @r: @a - @b mod 2^(64 nlimbs), may be @a or @b
 * @a: an integer
 * @b: an integer
 * @nlimbs: the length of all three
 *
 * Return: the borrow out, 0 or 1.
 */
u64 bn_sub(u64 *r, const u64 *a, const u64 *b, unsigned int nlimbs)
{
	u64 borrow = 0;
	unsigned __int128 t;
	unsigned int i;

	for (i = 0; i < nlimbs; i++) {
		t = (unsigned __int128)a[i] - b[i] - borrow;
		r[i] = (u64)t;
		borrow = (u64)(t >> 64) & 1;
	}
	return borrow;
}

/**
 * bn_less() - compare
 * @a: an integer
 * @b: an integer
 * @nlimbs: the length of both
 *
 * Return: all ones if @a < @b, else zero.
 */
u64 bn_less(const u64 *a, const u64 *b, unsigned int nlimbs)
{
	u64 borrow = 0;
	unsigned __int128 t;
	unsigned int i;

	for (i = 0; i < nlimbs; i++) {
		t = (unsigned __int128)a[i] - b[i] - borrow;
		borrow = (u64)(t >> 64) & 1;
	}
	return 0 - borrow;
}

/**
 * bn_equal() - compare
 * @a: an integer
 * @b: an integer
 * @nlimbs: the length of both
 *
 * Return: all ones if @a = @b, else zero.
 */
u64 bn_equal(const u64 *a, const u64 *b, unsigned int nlimbs)
{
	u64 diff = 0;
	unsigned int i;

	for (i = 0; i < nlimbs; i++)
		diff |= a[i] ^ b[i];
	return bn_zero_mask(diff);
}

/**
 * bn_mul() - multiply
 * @r: @a @b, @alimbs + @blimbs limbs; neither @a nor @b
 * @a: an integer
 * @alimbs: its length
 * @b: an integer
 * @blimbs: its length
 */
void bn_mul(u64 *r, const u64 *a, unsigned int alimbs, const u64 *b,
	    unsigned int blimbs)
{
	unsigned int i, j;
	unsigned __int128 t;
	u64 c;

	memset(r, 0, (alimbs + blimbs) * sizeof(*r));
	for (i = 0; i < blimbs; i++) {
		c = 0;
		for (j = 0; j < alimbs; j++) {
			t = (unsigned __int128)a[j] * b[i] + r[i + j] + c;
			r[i + j] = (u64)t;
			c = (u64)(t >> 64);
		}
		r[i + alimbs] = c;
	}
}

/* @r = @t - m if that does not borrow, else @t; @t has @n limbs and a top
 * bit @hi, and is below 2m.
 */
static void bn_mont_final(u64 *r, const u64 *t, u64 hi,
			  const struct bn_mont *ctx)
{
	unsigned int i, n = ctx->nlimbs;
	u64 borrow = 0, keep;
	u64 s[BN_MAX_LIMBS];
	unsigned __int128 d;

	for (i = 0; i < n; i++) {
		d = (unsigned __int128)t[i] - ctx->m[i] - borrow;
		s[i] = (u64)d;
		borrow = (u64)(d >> 64) & 1;
	}
	/* t - m < 0 exactly when it borrows beyond the top bit */
	keep = 0 - (borrow & (hi ^ 1));
	for (i = 0; i < n; i++)
		r[i] = (t[i] & keep) | (s[i] & ~keep);
}

/**
 * bn_mont_init() - prepare a modulus for Montgomery arithmetic
 * @ctx: the context to fill in
 * @m: the modulus, odd and above 1
 * @nlimbs: its length in limbs, at most %BN_MAX_LIMBS
 *
 * Constant time in @m's value: the moduli of RSA's CRT are secret.
 *
 * Return: 0, or -EINVAL for an even modulus or a bad length.
 */
int bn_mont_init(struct bn_mont *ctx, const u64 *m, unsigned int nlimbs)
{
	u64 inv, x[BN_MAX_LIMBS], carry;
	unsigned int i;

	if (!nlimbs || nlimbs > BN_MAX_LIMBS || !(m[0] & 1))
		return -EINVAL;
	ctx->nlimbs = nlimbs;
	memcpy(ctx->m, m, nlimbs * sizeof(*m));

	/* Newton: the correct low bits of 1/m double with each step. */
	inv = m[0];
	for (i = 0; i < 5; i++)
		inv *= 2 - m[0] * inv;
	ctx->n0 = 0 - inv;

	/* R^2 mod m: 1 doubled 128 nlimbs times, modulo m each time. */
	memset(x, 0, sizeof(x));
	x[0] = 1;
	for (i = 0; i < 128 * nlimbs; i++) {
		carry = bn_add(x, x, x, nlimbs);
		bn_mont_final(x, x, carry, ctx);
	}
	memcpy(ctx->rr, x, nlimbs * sizeof(*x));
	memzero_explicit(x, sizeof(x));
	return 0;
}

/**
 * bn_mont_mul() - Montgomery multiplication
 * @r: @a @b / R mod m; may be @a or @b
 * @a: an integer below R
 * @b: an integer below m
 * @ctx: the modulus
 *
 * The multiplication and the reduction run interleaved, in two carry
 * chains (CIOS).  With @a < R and @b < m the result before the final
 * subtraction is below 2m.
 */
void bn_mont_mul(u64 *r, const u64 *a, const u64 *b,
		 const struct bn_mont *ctx)
{
	unsigned int i, j, n = ctx->nlimbs;
	u64 t[BN_MAX_LIMBS + 1], bi, q, c1, c2;
	const u64 *m = ctx->m;
	unsigned __int128 x, y;

	memset(t, 0, (n + 1) * sizeof(*t));
	for (i = 0; i < n; i++) {
		bi = b[i];
		x = (unsigned __int128)a[0] * bi + t[0];
		q = (u64)x * ctx->n0;
		y = (unsigned __int128)q * m[0] + (u64)x;
		c1 = (u64)(x >> 64);
		c2 = (u64)(y >> 64);
		for (j = 1; j < n; j++) {
			x = (unsigned __int128)a[j] * bi + t[j] + c1;
			c1 = (u64)(x >> 64);
			y = (unsigned __int128)q * m[j] + (u64)x + c2;
			c2 = (u64)(y >> 64);
			t[j - 1] = (u64)y;
		}
		x = (unsigned __int128)t[n] + c1 + c2;
		t[n - 1] = (u64)x;
		t[n] = (u64)(x >> 64);
	}
	bn_mont_final(r, t, t[n], ctx);
}

/* @r = @t / R mod m for a @t of 2n limbs below m R: n steps of adding a
 * multiple of m that clears the lowest limb.  @t is clobbered.
 */
static void bn_mont_redc(u64 *r, u64 *t, const struct bn_mont *ctx)
{
	unsigned int i, j, n = ctx->nlimbs;
	const u64 *m = ctx->m;
	u64 q, c, hi = 0;
	unsigned __int128 x;

	for (i = 0; i < n; i++) {
		q = t[i] * ctx->n0;
		c = 0;
		for (j = 0; j < n; j++) {
			x = (unsigned __int128)q * m[j] + t[i + j] + c;
			t[i + j] = (u64)x;
			c = (u64)(x >> 64);
		}
		/* fold the carry into limb i + n, keeping its own carry */
		x = (unsigned __int128)t[i + n] + c + hi;
		t[i + n] = (u64)x;
		hi = (u64)(x >> 64);
	}
	bn_mont_final(r, t + n, hi, ctx);
}

/**
 * bn_mont_sqr() - Montgomery squaring
 * @r: @a^2 / R mod m; may be @a
 * @a: an integer below m
 * @ctx: the modulus
 *
 * The square's cross products are computed once and doubled: about three
 * quarters of the multiplications of bn_mont_mul().
 */
void bn_mont_sqr(u64 *r, const u64 *a, const struct bn_mont *ctx)
{
	unsigned int i, j, n = ctx->nlimbs;
	u64 t[2 * BN_MAX_LIMBS], c, top;
	unsigned __int128 x;

	/* cross products a_i a_j, i < j */
	memset(t, 0, 2 * n * sizeof(*t));
	for (i = 0; i < n; i++) {
		c = 0;
		for (j = i + 1; j < n; j++) {
			x = (unsigned __int128)a[i] * a[j] + t[i + j] + c;
			t[i + j] = (u64)x;
			c = (u64)(x >> 64);
		}
		t[i + n] = c;
	}
	/* doubled, plus the squares a_i^2 */
	top = 0;
	c = 0;
	for (i = 0; i < 2 * n; i++) {
		u64 v = t[i];

		t[i] = (v << 1) | top;
		top = v >> 63;
	}
	for (i = 0; i < n; i++) {
		x = (unsigned __int128)a[i] * a[i];
		x += (unsigned __int128)t[2 * i] + c;
		t[2 * i] = (u64)x;
		x = (x >> 64) + t[2 * i + 1];
		t[2 * i + 1] = (u64)x;
		c = (u64)(x >> 64);
	}
	bn_mont_redc(r, t, ctx);
	memzero_explicit(t, 2 * n * sizeof(*t));
}

/**
 * bn_mont_from() - leave Montgomery form
 * @r: @a / R mod m
 * @a: an integer below m
 * @ctx: the modulus
 */
void bn_mont_from(u64 *r, const u64 *a, const struct bn_mont *ctx)
{
	u64 t[2 * BN_MAX_LIMBS];
	unsigned int n = ctx->nlimbs;

	memcpy(t, a, n * sizeof(*t));
	memset(t + n, 0, n * sizeof(*t));
	bn_mont_redc(r, t, ctx);
	memzero_explicit(t, 2 * n * sizeof(*t));
}

/**
 * bn_mont_reduce() - reduce any integer into Montgomery form
 * @r: @a R mod m
 * @a: an integer of any length
 * @alimbs: its length
 * @ctx: the modulus
 *
 * Horner's rule over pieces of n limbs, from the top: acc R + piece, with
 * every step a Montgomery product by R^2, which takes any piece below R.
 * For RSA's CRT, where a value modulo n is reduced modulo the secret
 * factors, in constant time.
 */
void bn_mont_reduce(u64 *r, const u64 *a, unsigned int alimbs,
		    const struct bn_mont *ctx)
{
	unsigned int n = ctx->nlimbs, top, len;
	u64 acc[BN_MAX_LIMBS], piece[BN_MAX_LIMBS], carry;
	int i;

	memset(acc, 0, n * sizeof(*acc));
	for (i = (int)((alimbs - 1) / n); i >= 0; i--) {
		top = i * n;
		len = alimbs - top < n ? alimbs - top : n;
		memset(piece, 0, n * sizeof(*piece));
		memcpy(piece, a + top, len * sizeof(*piece));
		bn_mont_mul(acc, acc, ctx->rr, ctx);
		bn_mont_mul(piece, piece, ctx->rr, ctx);
		carry = bn_add(acc, acc, piece, n);
		bn_mont_final(acc, acc, carry, ctx);
	}
	memcpy(r, acc, n * sizeof(*r));
	memzero_explicit(acc, sizeof(acc));
	memzero_explicit(piece, sizeof(piece));
}

/**
 * bn_mod_add() - add modulo m
 * @r: @a + @b mod m
 * @a: an integer below m
 * @b: an integer below m
 * @ctx: the modulus
 */
void bn_mod_add(u64 *r, const u64 *a, const u64 *b,
		const struct bn_mont *ctx)
{
	u64 carry = bn_add(r, a, b, ctx->nlimbs);

	bn_mont_final(r, r, carry, ctx);
}

/**
 * bn_mod_sub() - subtract modulo m
 * @r: @a - @b mod m
 * @a: an integer below m
 * @b: an integer below m
 * @ctx: the modulus
 */
void bn_mod_sub(u64 *r, const u64 *a, const u64 *b,
		const struct bn_mont *ctx)
{
	unsigned int i, n = ctx->nlimbs;
	u64 mask, m[BN_MAX_LIMBS];

	mask = 0 - bn_sub(r, a, b, n);
	for (i = 0; i < n; i++)
		m[i] = ctx->m[i] & mask;
	bn_add(r, r, m, n);
}

/* @r = entry @idx of @table (%BN_EXP_TABLE entries of @n limbs), reading
 * every entry.
 */
static void bn_select(u64 *r, const u64 *table, unsigned int idx,
		      unsigned int n)
{
	unsigned int i, j;
	u64 mask;

	memset(r, 0, n * sizeof(*r));
	for (i = 0; i < BN_EXP_TABLE; i++) {
		mask = bn_zero_mask(i ^ idx);
		for (j = 0; j < n; j++)
			r[j] |= table[i * n + j] & mask;
	}
}

/**
 * bn_exp_window() - a window of an exponent
 * @exp: the exponent
 * @elimbs: its length
 * @pos: the window's lowest bit
 *
 * Return: bits @pos .. @pos + %BN_EXP_WINDOW - 1 of @exp, zero beyond its
 * end.
 */
unsigned int bn_exp_window(const u64 *exp, unsigned int elimbs,
			   unsigned int pos)
{
	unsigned int word = pos / 64, shift = pos % 64;
	u64 v;

	if (word >= elimbs)
		return 0;
	v = exp[word] >> shift;
	if (shift > 64 - BN_EXP_WINDOW && word + 1 < elimbs)
		v |= exp[word + 1] << (64 - shift);
	return v & (BN_EXP_TABLE - 1);
}

/**
 * bn_mont_exp_consttime() - exponentiation with a secret exponent
 * @r: base^exp, in Montgomery form
 * @base: the base in Montgomery form, below m
 * @exp: the exponent; all its 64 @elimbs bits are processed
 * @elimbs: its length
 * @ctx: the modulus
 * @table: scratch space of %BN_EXP_TABLE times n limbs
 *
 * Fixed windows of %BN_EXP_WINDOW bits: the same squarings and
 * multiplications whatever the exponent, and each window's power is found
 * by reading the whole table.
 */
void bn_mont_exp_consttime(u64 *r, const u64 *base, const u64 *exp,
			   unsigned int elimbs, const struct bn_mont *ctx,
			   u64 *table)
{
	unsigned int n = ctx->nlimbs, i, j, win;
	u64 acc[BN_MAX_LIMBS], t[BN_MAX_LIMBS];
	int pos;

	/* table[i] = base^i; base^0 = R mod m = R^2 / R */
	bn_mont_from(table, ctx->rr, ctx);
	memcpy(table + n, base, n * sizeof(*base));
	for (i = 2; i < BN_EXP_TABLE; i++)
		bn_mont_mul(table + i * n, table + (i - 1) * n, base, ctx);

	pos = (64 * elimbs - 1) / BN_EXP_WINDOW * BN_EXP_WINDOW;
	win = bn_exp_window(exp, elimbs, pos);
	bn_select(acc, table, win, n);
	for (pos -= BN_EXP_WINDOW; pos >= 0; pos -= BN_EXP_WINDOW) {
		for (j = 0; j < BN_EXP_WINDOW; j++)
			bn_mont_sqr(acc, acc, ctx);
		win = bn_exp_window(exp, elimbs, pos);
		bn_select(t, table, win, n);
		bn_mont_mul(acc, acc, t, ctx);
	}
	memcpy(r, acc, n * sizeof(*r));
	memzero_explicit(acc, sizeof(acc));
	memzero_explicit(t, sizeof(t));
	memzero_explicit(table, BN_EXP_TABLE * n * sizeof(*table));
}

/**
 * bn_mont_exp_vartime() - exponentiation with a public exponent
 * @r: base^exp, in Montgomery form; may be @base
 * @base: the base in Montgomery form, below m
 * @exp: the exponent, not zero
 * @elimbs: its length
 * @ctx: the modulus
 *
 * Left-to-right square and multiply: for e = 65537, 16 squarings and one
 * multiplication.  The time depends on the exponent only.
 */
void bn_mont_exp_vartime(u64 *r, const u64 *base, const u64 *exp,
			 unsigned int elimbs, const struct bn_mont *ctx)
{
	unsigned int n = ctx->nlimbs;
	u64 acc[BN_MAX_LIMBS];
	int bit = 64 * elimbs - 1;

	while (bit > 0 && !((exp[bit / 64] >> (bit % 64)) & 1))
		bit--;
	memcpy(acc, base, n * sizeof(*acc));
	while (bit-- > 0) {
		bn_mont_sqr(acc, acc, ctx);
		if ((exp[bit / 64] >> (bit % 64)) & 1)
			bn_mont_mul(acc, acc, base, ctx);
	}
	memcpy(r, acc, n * sizeof(*r));
}
