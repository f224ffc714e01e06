// SPDX-License-Identifier: GPL-2.0
/*
 * Modular inversion by safegcd divsteps (Bernstein and Yang, 2019), after
 * the formulation of libsecp256k1's modinv64 (Wuille, 2021): 62 divsteps
 * (59 in constant time) are worked out on the low 64 bits of f and g,
 * giving a 2x2 transition matrix scaled by 2^62; the matrix is then applied
 * to f and g, and to the Bezout coefficients d and e modulo the modulus,
 * where a multiple of the modulus makes the division by 2^62 exact.
 *
 * The constant-time variant, for secrets, always runs 590 divsteps, enough
 * for any 256-bit input, with masks instead of branches.  The variable-time
 * one, for values that are public or blinded, stops when g reaches zero,
 * skips runs of zeros at once, and shortens f and g as they shrink.
 *
 * Invariants (of libsecp256k1's proofs): d and e stay in (-2m, m), the
 * limbs below the top one in [0, 2^62), and every product fits a signed
 * 128-bit accumulator.
 */

#include "modinv.h"

#define M62	(~0ULL >> 2)

/**
 * struct modinv_matrix - the transition matrix of a batch of divsteps
 * @u: top left
 * @v: top right
 * @q: bottom left
 * @r: bottom right
 *
 * [f', g'] = [u v; q r] [f, g] / 2^62; |u| + |v| and |q| + |r| are at
 * most 2^62.
 */
struct modinv_matrix {
	s64 u, v, q, r;
};

/* 64-bit limbs to signed62 limbs, for a non-negative @a. */
static void modinv_to62(s64 *v, unsigned int len, const u64 *a,
			unsigned int nlimbs)
{
	unsigned int i, bit, word, off;
	u64 x;

	for (i = 0; i < len; i++) {
		bit = 62 * i;
		word = bit / 64;
		off = bit % 64;
		x = word < nlimbs ? a[word] >> off : 0;
		if (off > 2 && word + 1 < nlimbs)
			x |= a[word + 1] << (64 - off);
		v[i] = (s64)(x & M62);
	}
}

/* Signed62 limbs of a value in [0, 2^(64 nlimbs)) to 64-bit limbs. */
static void modinv_from62(u64 *a, unsigned int nlimbs, const s64 *v,
			  unsigned int len)
{
	unsigned __int128 acc = 0;
	unsigned int i, j = 0, bits = 0;

	for (i = 0; i < len; i++) {
		acc |= (unsigned __int128)(u64)v[i] << bits;
		bits += 62;
		if (bits >= 64) {
			if (j < nlimbs)
				a[j++] = (u64)acc;
			acc >>= 64;
			bits -= 64;
		}
	}
	while (j < nlimbs) {
		a[j++] = (u64)acc;
		acc >>= 64;
	}
}

/* 59 divsteps on the low bits of f and g, in constant time; @zeta is
 * -(delta + 1/2).  The matrix starts as 8 times the identity, so that it
 * ends scaled by 2^62 like the variable-time one.
 */
static s64 modinv_divsteps_59(s64 zeta, u64 f, u64 g, struct modinv_matrix *t)
{
	u64 u = 8, v = 0, q = 0, r = 8, c1, c2, x, y, z;
	int i;

	for (i = 3; i < 62; i++) {
		/* c1: zeta < 0; c2: g is odd */
		c1 = (u64)(zeta >> 63);
		c2 = 0 - (g & 1);
		/* if g is odd, add f (negated if zeta < 0) to g */
		x = (f ^ c1) - c1;
		y = (u ^ c1) - c1;
		z = (v ^ c1) - c1;
		g += x & c2;
		q += y & c2;
		r += z & c2;
		/* if both, the swap: zeta = -zeta - 2, f += (new) g */
		c1 &= c2;
		zeta = (zeta ^ (s64)c1) - 1;
		f += g & c1;
		u += q & c1;
		v += r & c1;
		g >>= 1;
		u <<= 1;
		v <<= 1;
	}
	t->u = (s64)u;
	t->v = (s64)v;
	t->q = (s64)q;
	t->r = (s64)r;
	return zeta;
}

/* 62 divsteps in variable time; @eta is -delta.  Runs of zeros in g are
 * skipped at once, and up to six bits of g cleared per step with a
 * multiple of f found from an inverse of f modulo 2^6.
 */
static s64 modinv_divsteps_62_vartime(s64 eta, u64 f, u64 g,
				      struct modinv_matrix *t)
{
	u64 u = 1, v = 0, q = 0, r = 1, m, w, tmp;
	int i = 62, limit, zeros;

	for (;;) {
		/* The sentinel bit stops the count at i. */
		zeros = __builtin_ctzll(g | (~0ULL << i));
		g >>= zeros;
		u <<= zeros;
		v <<= zeros;
		eta -= zeros;
		i -= zeros;
		if (!i)
			break;
		if (eta < 0) {
			eta = -eta;
			tmp = f;
			f = g;
			g = 0 - tmp;
			tmp = u;
			u = q;
			q = 0 - tmp;
			tmp = v;
			v = r;
			r = 0 - tmp;
			limit = (int)eta + 1 > i ? i : (int)eta + 1;
			m = (~0ULL >> (64 - limit)) & 63;
			/* f (f^2 - 2) is -1/f mod 2^6 for odd f */
			w = (f * g * (f * f - 2)) & m;
		} else {
			limit = (int)eta + 1 > i ? i : (int)eta + 1;
			m = (~0ULL >> (64 - limit)) & 15;
			/* f + (((f + 1) & 4) << 1) is 1/f mod 2^4 */
			w = f + (((f + 1) & 4) << 1);
			w = (0 - w * g) & m;
		}
		g += f * w;
		q += u * w;
		r += v * w;
	}
	t->u = (s64)u;
	t->v = (s64)v;
	t->q = (s64)q;
	t->r = (s64)r;
	return eta;
}

/* [d, e] = t [d, e] / 2^62 mod m, over @len limbs: a multiple of m chosen
 * to clear the low 62 bits makes the division exact, and m is added for a
 * negative input so that the result stays in (-2m, m).
 */
static void modinv_update_de(s64 *d, s64 *e, const struct modinv_matrix *t,
			     const s64 *m, u64 m_inv62, unsigned int len)
{
	const s64 u = t->u, v = t->v, q = t->q, r = t->r;
	s64 sd, se, md, me;
	__int128 cd, ce;
	unsigned int i;

	sd = d[len - 1] >> 63;
	se = e[len - 1] >> 63;
	md = (u & sd) + (v & se);
	me = (q & sd) + (r & se);
	cd = (__int128)u * d[0] + (__int128)v * e[0];
	ce = (__int128)q * d[0] + (__int128)r * e[0];
	md -= (s64)((m_inv62 * (u64)cd + (u64)md) & M62);
	me -= (s64)((m_inv62 * (u64)ce + (u64)me) & M62);
	cd += (__int128)m[0] * md;
	ce += (__int128)m[0] * me;
	cd >>= 62;
	ce >>= 62;
	for (i = 1; i < len; i++) {
		cd += (__int128)u * d[i] + (__int128)v * e[i] +
		      (__int128)m[i] * md;
		ce += (__int128)q * d[i] + (__int128)r * e[i] +
		      (__int128)m[i] * me;
		d[i - 1] = (s64)((u64)cd & M62);
		e[i - 1] = (s64)((u64)ce & M62);
		cd >>= 62;
		ce >>= 62;
	}
	d[len - 1] = (s64)cd;
	e[len - 1] = (s64)ce;
}

/* [f, g] = t [f, g] / 2^62, exactly, over @len limbs. */
static void modinv_update_fg(s64 *f, s64 *g, const struct modinv_matrix *t,
			     unsigned int len)
{
	const s64 u = t->u, v = t->v, q = t->q, r = t->r;
	__int128 cf, cg;
	unsigned int i;

	cf = (__int128)u * f[0] + (__int128)v * g[0];
	cg = (__int128)q * f[0] + (__int128)r * g[0];
	cf >>= 62;
	cg >>= 62;
	for (i = 1; i < len; i++) {
		cf += (__int128)u * f[i] + (__int128)v * g[i];
		cg += (__int128)q * f[i] + (__int128)r * g[i];
		f[i - 1] = (s64)((u64)cf & M62);
		g[i - 1] = (s64)((u64)cg & M62);
		cf >>= 62;
		cg >>= 62;
	}
	f[len - 1] = (s64)cf;
	g[len - 1] = (s64)cg;
}

/* Carry each limb's excess into the next: limbs below the top in [0, 2^62). */
static void modinv_carry(s64 *d, unsigned int len)
{
	unsigned int i;

	for (i = 0; i + 1 < len; i++) {
		d[i + 1] += d[i] >> 62;
		d[i] &= M62;
	}
}

/* d in (-2m, m) to d mod m in [0, m), negated first if @sign (the sign of
 * f, which ends as +1 or -1) is negative; without branches.
 */
static void modinv_normalize(s64 *d, s64 sign, const s64 *m, unsigned int len)
{
	s64 add, neg;
	unsigned int i;

	add = d[len - 1] >> 63;
	neg = sign >> 63;
	for (i = 0; i < len; i++) {
		d[i] += m[i] & add;
		d[i] = (d[i] ^ neg) - neg;
	}
	modinv_carry(d, len);
	add = d[len - 1] >> 63;
	for (i = 0; i < len; i++)
		d[i] += m[i] & add;
	modinv_carry(d, len);
}

/**
 * modinv256_consttime() - invert modulo a 256-bit modulus in constant time
 * @r: 1 / a mod m, as four 64-bit limbs; 0 if a is 0
 * @a: a value below m, as four 64-bit limbs
 * @mod: the modulus, odd
 *
 * The modulus is public; nothing about @a decides a branch or an address.
 * 590 divsteps make g zero for any 256-bit input (libsecp256k1's bound).
 */
void modinv256_consttime(u64 *r, const u64 *a,
			 const struct modinv256_modulus *mod)
{
	s64 d[5] = { 0 }, e[5] = { 1 }, f[5], g[5], zeta = -1;
	struct modinv_matrix t;
	unsigned int i;

	memcpy(f, mod->m, sizeof(f));
	modinv_to62(g, 5, a, 4);
	for (i = 0; i < 10; i++) {
		zeta = modinv_divsteps_59(zeta, (u64)f[0], (u64)g[0], &t);
		modinv_update_de(d, e, &t, mod->m, mod->m_inv62, 5);
		modinv_update_fg(f, g, &t, 5);
	}
	modinv_normalize(d, f[4], mod->m, 5);
	modinv_from62(r, 4, d, 5);
	memzero_explicit(d, sizeof(d));
	memzero_explicit(e, sizeof(e));
	memzero_explicit(g, sizeof(g));
	memzero_explicit(&t, sizeof(t));
}

/* Whether the signed62 @f, of @len limbs, is 1 or -1. */
static bool modinv_is_unit(const s64 *f, unsigned int len)
{
	s64 rest = f[len - 1] < 0 ? (s64)M62 : 0;
	unsigned int i;

	if (f[len - 1] < 0) {
		for (i = 0; i + 1 < len; i++)
			if (f[i] != rest)
				return false;
		return f[len - 1] == -1;
	}
	for (i = 1; i < len; i++)
		if (f[i])
			return false;
	return f[0] == 1;
}

/**
 * modinv_vartime() - invert modulo an odd modulus, in variable time
 * @r: 1 / a mod m, as @nlimbs 64-bit limbs
 * @a: a value below m
 * @m: the modulus, odd
 * @nlimbs: the size of @r, @a and @m in 64-bit limbs
 * @ws: scratch space of MODINV_WORKSPACE(@nlimbs) words
 *
 * Only for public values, or values blinded by a random factor: the time
 * taken depends on @a.
 *
 * Return: 0, or -EINVAL if @a has no inverse modulo @m.
 */
int modinv_vartime(u64 *r, const u64 *a, const u64 *m, unsigned int nlimbs,
		   s64 *ws)
{
	const unsigned int limbs = MODINV_LIMBS(nlimbs);
	s64 *mod = ws, *d = ws + limbs, *e = d + limbs, *f = e + limbs;
	s64 *g = f + limbs, eta = -1, fn, gn, cond;
	struct modinv_matrix t;
	unsigned int i, len = limbs;
	u64 m_inv62 = (u64)m[0];
	int err = 0;

	/* Newton's iteration: each step doubles the correct low bits. */
	for (i = 0; i < 6; i++)
		m_inv62 *= 2 - m[0] * m_inv62;
	m_inv62 &= M62;

	modinv_to62(mod, limbs, m, nlimbs);
	memcpy(f, mod, limbs * sizeof(*f));
	modinv_to62(g, limbs, a, nlimbs);
	memset(d, 0, limbs * sizeof(*d));
	memset(e, 0, limbs * sizeof(*e));
	e[0] = 1;

	for (;;) {
		eta = modinv_divsteps_62_vartime(eta, (u64)f[0], (u64)g[0], &t);
		modinv_update_de(d, e, &t, mod, m_inv62, limbs);
		modinv_update_fg(f, g, &t, len);
		if (!g[0]) {
			cond = 0;
			for (i = 1; i < len; i++)
				cond |= g[i];
			if (!cond)
				break;
		}
		/* Drop the top limbs once they only hold signs. */
		fn = f[len - 1];
		gn = g[len - 1];
		cond = ((s64)len - 2) >> 63;
		cond |= fn ^ (fn >> 63);
		cond |= gn ^ (gn >> 63);
		if (!cond) {
			f[len - 2] |= (s64)((u64)fn << 62);
			g[len - 2] |= (s64)((u64)gn << 62);
			len--;
		}
	}
	if (!modinv_is_unit(f, len))
		err = -EINVAL;
	modinv_normalize(d, f[len - 1], mod, limbs);
	modinv_from62(r, nlimbs, d, limbs);
	memzero_explicit(ws, MODINV_WORKSPACE(nlimbs) * sizeof(*ws));
	return err;
}
