// SPDX-License-Identifier: GPL-2.0
/*
 * P-256 point arithmetic: validation of encoded points, scalar
 * multiplication in constant time for secret scalars, and the
 * variable-time sum of two multiples that ECDSA verification needs.
 *
 * Points are in Jacobian coordinates (X, Y, Z), standing for (X/Z^2,
 * Y/Z^3); Z = 0 is the point at infinity.  The formulas are those for
 * a = -3 (dbl-2001-b, add-2007-bl, madd-2007-bl of the Explicit-Formulas
 * Database).  They fail only when adding a point to itself: the
 * constant-time multiplications below are arranged so that this cannot
 * happen for a scalar in [1, n - 1] (see each), and the variable-time one
 * checks for it.  Adding a point to its negation gives Z = 0, the point at
 * infinity, as it should.
 */

#include "p256.h"
#include "p256_field.h"
#include "p256_table.h"

/**
 * struct p256_jac - a point in Jacobian coordinates, Montgomery form
 * @x: X
 * @y: Y
 * @z: Z, zero for the point at infinity
 */
struct p256_jac {
	u64 x[4];
	u64 y[4];
	u64 z[4];
};

/* b, in Montgomery form */
static const u64 p256_b[4] = {
	0xd89cdf6229c4bddfULL, 0xacf005cd78843090ULL,
	0xe5a220abf7212ed6ULL, 0xdc30061d04874834ULL,
};

/* n, for the comparison of x(R) with r in verification */
static const u64 p256_n[4] = {
	0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL,
	0xffffffffffffffffULL, 0xffffffff00000000ULL,
};

/**
 * p256_set_adx() - choose the field arithmetic for the CPU
 * @adx: whether the CPU has BMI2 and ADX (mulx, adcx, adox)
 *
 * Called once, before any other function of p256.h; the C arithmetic,
 * which is the default, serves where @adx is false and on other
 * architectures.  Both give the same results.
 */
void p256_set_adx(bool adx)
{
#ifdef __x86_64__
	p256_fe_adx = adx;
#else
	(void)adx;
#endif
}

/* Whether @a < @b, for public values. */
static bool p256_less(const u64 *a, const u64 *b)
{
	int i;

	for (i = 3; i >= 0; i--)
		if (a[i] != b[i])
			return a[i] < b[i];
	return false;
}

/* All ones if @a == @b: a constant-time comparison of small integers. */
static u64 p256_eq_mask(u64 a, u64 b)
{
	return p256_zero_mask(a ^ b);
}

/* @r = 2 @p (dbl-2001-b: 3M + 5S); @r may be @p. */
static void p256_dbl(struct p256_jac *r, const struct p256_jac *p)
{
	u64 delta[4], gamma[4], beta[4], alpha[4], t[4], t2[4];

	p256_fe_sqr(delta, p->z);
	p256_fe_sqr(gamma, p->y);
	p256_fe_mul(beta, p->x, gamma);
	/* alpha = 3 (X - delta) (X + delta) */
	p256_fe_sub(t, p->x, delta);
	p256_fe_add(t2, p->x, delta);
	p256_fe_mul(alpha, t, t2);
	p256_fe_add(t, alpha, alpha);
	p256_fe_add(alpha, t, alpha);
	/* Z3 = (Y + Z)^2 - gamma - delta */
	p256_fe_add(t, p->y, p->z);
	p256_fe_sqr(t, t);
	p256_fe_sub(t, t, gamma);
	p256_fe_sub(r->z, t, delta);
	/* X3 = alpha^2 - 8 beta */
	p256_fe_add(beta, beta, beta);
	p256_fe_add(beta, beta, beta);
	p256_fe_sqr(t, alpha);
	p256_fe_add(t2, beta, beta);
	p256_fe_sub(r->x, t, t2);
	/* Y3 = alpha (4 beta - X3) - 8 gamma^2 */
	p256_fe_sub(t, beta, r->x);
	p256_fe_mul(t, alpha, t);
	p256_fe_sqr(gamma, gamma);
	p256_fe_add(gamma, gamma, gamma);
	p256_fe_add(gamma, gamma, gamma);
	p256_fe_add(gamma, gamma, gamma);
	p256_fe_sub(r->y, t, gamma);
}

/* @r = @a + @b (add-2007-bl: 11M + 5S) for @a != @b.  Either may be the
 * point at infinity.  Returns all ones when @a = @b (both finite), the one
 * case the formulas get wrong, so that the variable-time caller can double
 * instead; the constant-time callers never add a point to itself.
 */
static u64 p256_add(struct p256_jac *r, const struct p256_jac *a,
		    const struct p256_jac *b)
{
	u64 z1z1[4], z2z2[4], u1[4], u2[4], s1[4], s2[4], h[4], i[4], j[4];
	u64 rr[4], v[4], t[4];
	struct p256_jac out;
	u64 a_inf, b_inf, same;

	a_inf = p256_fe_is_zero(a->z);
	b_inf = p256_fe_is_zero(b->z);

	p256_fe_sqr(z1z1, a->z);
	p256_fe_sqr(z2z2, b->z);
	p256_fe_mul(u1, a->x, z2z2);
	p256_fe_mul(u2, b->x, z1z1);
	p256_fe_mul(s1, a->y, b->z);
	p256_fe_mul(s1, s1, z2z2);
	p256_fe_mul(s2, b->y, a->z);
	p256_fe_mul(s2, s2, z1z1);
	p256_fe_sub(h, u2, u1);
	p256_fe_sub(rr, s2, s1);
	same = p256_fe_is_zero(h) & p256_fe_is_zero(rr) & ~a_inf & ~b_inf;
	p256_fe_add(rr, rr, rr);
	/* I = (2 H)^2, J = H I, V = U1 I */
	p256_fe_add(i, h, h);
	p256_fe_sqr(i, i);
	p256_fe_mul(j, h, i);
	p256_fe_mul(v, u1, i);
	/* X3 = r^2 - J - 2 V */
	p256_fe_sqr(out.x, rr);
	p256_fe_sub(out.x, out.x, j);
	p256_fe_sub(out.x, out.x, v);
	p256_fe_sub(out.x, out.x, v);
	/* Y3 = r (V - X3) - 2 S1 J */
	p256_fe_sub(t, v, out.x);
	p256_fe_mul(t, rr, t);
	p256_fe_mul(s1, s1, j);
	p256_fe_add(s1, s1, s1);
	p256_fe_sub(out.y, t, s1);
	/* Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H */
	p256_fe_add(t, a->z, b->z);
	p256_fe_sqr(t, t);
	p256_fe_sub(t, t, z1z1);
	p256_fe_sub(t, t, z2z2);
	p256_fe_mul(out.z, t, h);

	/* Adding to infinity gives the other point. */
	p256_fe_cmov(out.x, a_inf, b->x);
	p256_fe_cmov(out.y, a_inf, b->y);
	p256_fe_cmov(out.z, a_inf, b->z);
	p256_fe_cmov(out.x, b_inf, a->x);
	p256_fe_cmov(out.y, b_inf, a->y);
	p256_fe_cmov(out.z, b_inf, a->z);
	*r = out;
	return same;
}

/* @r = @a + @b for an affine @b (madd-2007-bl: 7M + 4S), @a possibly the
 * point at infinity.  Returns all ones when @a = @b, as p256_add().
 */
static u64 p256_add_affine(struct p256_jac *r, const struct p256_jac *a,
			   const struct p256_affine *b)
{
	u64 z1z1[4], u2[4], s2[4], h[4], hh[4], i[4], j[4], rr[4], v[4];
	u64 t[4];
	struct p256_jac out;
	u64 a_inf, same;

	a_inf = p256_fe_is_zero(a->z);

	p256_fe_sqr(z1z1, a->z);
	p256_fe_mul(u2, b->x, z1z1);
	p256_fe_mul(s2, b->y, a->z);
	p256_fe_mul(s2, s2, z1z1);
	p256_fe_sub(h, u2, a->x);
	p256_fe_sub(rr, s2, a->y);
	same = p256_fe_is_zero(h) & p256_fe_is_zero(rr) & ~a_inf;
	p256_fe_add(rr, rr, rr);
	/* I = 4 H^2, J = H I, V = X1 I */
	p256_fe_sqr(hh, h);
	p256_fe_add(i, hh, hh);
	p256_fe_add(i, i, i);
	p256_fe_mul(j, h, i);
	p256_fe_mul(v, a->x, i);
	/* X3 = r^2 - J - 2 V */
	p256_fe_sqr(out.x, rr);
	p256_fe_sub(out.x, out.x, j);
	p256_fe_sub(out.x, out.x, v);
	p256_fe_sub(out.x, out.x, v);
	/* Y3 = r (V - X3) - 2 Y1 J */
	p256_fe_sub(t, v, out.x);
	p256_fe_mul(t, rr, t);
	p256_fe_mul(j, a->y, j);
	p256_fe_add(j, j, j);
	p256_fe_sub(out.y, t, j);
	/* Z3 = (Z1 + H)^2 - Z1Z1 - HH */
	p256_fe_add(t, a->z, h);
	p256_fe_sqr(t, t);
	p256_fe_sub(t, t, z1z1);
	p256_fe_sub(out.z, t, hh);

	p256_fe_cmov(out.x, a_inf, b->x);
	p256_fe_cmov(out.y, a_inf, b->y);
	p256_fe_cmov(out.z, a_inf, p256_fe_one);
	*r = out;
	return same;
}

/* The affine coordinates of @p, out of Montgomery form; all ones if @p is
 * the point at infinity (the coordinates are then zero).  @y may be NULL.
 */
static u64 p256_to_affine(u64 *x, u64 *y, const struct p256_jac *p)
{
	u64 zi[4], zi2[4], t[4];

	p256_fe_inv(zi, p->z);
	p256_fe_sqr(zi2, zi);
	p256_fe_mul(t, p->x, zi2);
	p256_fe_from_mont(x, t);
	if (y) {
		p256_fe_mul(zi2, zi2, zi);
		p256_fe_mul(t, p->y, zi2);
		p256_fe_from_mont(y, t);
	}
	return p256_fe_is_zero(p->z);
}

/* Window @i of a scalar for signed digits of @w bits: its bits
 * w i - 1 .. w i + w - 1 (w + 1 bits, bit -1 being 0).  Which bits are
 * read depends on @i only.
 */
static unsigned int p256_window(const u64 *k, unsigned int i, unsigned int w)
{
	unsigned int start = w * i, limb, shift;
	u64 v;

	if (!start)
		return (k[0] << 1) & ((2U << w) - 1);
	start--;
	limb = start / 64;
	shift = start % 64;
	if (limb >= 4)
		return 0;
	v = k[limb] >> shift;
	if (shift > 63 - w && limb < 3)
		v |= k[limb + 1] << (64 - shift);
	return v & ((2U << w) - 1);
}

/* The signed digit of a window (Booth recoding), without branches: its
 * magnitude, in [0, 2^(w - 1)], and in *@neg all ones if it is negative.
 * A window whose top bit is set stands for (its value - 2^(w + 1)) / 2,
 * rounded up.
 */
static unsigned int p256_digit(unsigned int win, unsigned int w, u64 *neg)
{
	unsigned int s, d;

	s = 0 - (win >> w);
	d = (2U << w) - win - 1;
	d = (d & s) | (win & ~s);
	*neg = 0 - (u64)(s & 1);
	return (d >> 1) + (d & 1);
}

/* @y = -@y if @neg is all ones. */
static void p256_cneg(u64 *y, u64 neg)
{
	u64 t[4];

	p256_fe_neg(t, y);
	p256_fe_cmov(y, neg, t);
}

/* @r = entry @d (1-based) of a comb window, all zero when @d is 0.  The
 * sum is kept in locals, which the compiler holds in registers, and
 * stored once: this reads every entry of every window of keygen.
 */
static void p256_comb_select(struct p256_affine *r,
			     const struct p256_affine *tab, unsigned int d)
{
	u64 x0 = 0, x1 = 0, x2 = 0, x3 = 0, y0 = 0, y1 = 0, y2 = 0, y3 = 0;
	unsigned int i;
	u64 m;

	for (i = 0; i < P256_COMB_POINTS; i++) {
		m = p256_eq_mask(i + 1, d);
		x0 |= tab[i].x[0] & m;
		x1 |= tab[i].x[1] & m;
		x2 |= tab[i].x[2] & m;
		x3 |= tab[i].x[3] & m;
		y0 |= tab[i].y[0] & m;
		y1 |= tab[i].y[1] & m;
		y2 |= tab[i].y[2] & m;
		y3 |= tab[i].y[3] & m;
	}
	r->x[0] = x0;
	r->x[1] = x1;
	r->x[2] = x2;
	r->x[3] = x3;
	r->y[0] = y0;
	r->y[1] = y1;
	r->y[2] = y2;
	r->y[3] = y3;
}

/* @r = @k G for 0 <= k < n, in constant time: one entry of each comb
 * window, found by reading every entry of the window, added with mixed
 * coordinates.
 *
 * No addition adds a point to itself: before window i the sum is S G,
 * |S| < 2^(w i), and the entry is D G, D = d 2^(w i), |d| >= 1.  For
 * S = D mod n the integers would have to differ by a multiple of n, but
 * |S| + |D| < n below the top window; in the top one D = d 2^252 with
 * 0 <= d <= 16 and S = k - D, and k = 2 D - n would not lie in [0, n).
 */
static void p256_mul_base_jac(struct p256_jac *r, const u64 *k)
{
	struct p256_jac acc, sum;
	struct p256_affine pt;
	unsigned int i, d;
	u64 neg, zero;

	memset(&acc, 0, sizeof(acc));
	for (i = 0; i < P256_COMB_WINDOWS; i++) {
		d = p256_digit(p256_window(k, i, P256_COMB_WIDTH),
			       P256_COMB_WIDTH, &neg);
		p256_comb_select(&pt, p256_comb[i], d);
		p256_cneg(pt.y, neg);
		p256_add_affine(&sum, &acc, &pt);
		/* A zero digit adds nothing. */
		zero = p256_eq_mask(d, 0);
		p256_fe_select(acc.x, zero, sum.x, acc.x);
		p256_fe_select(acc.y, zero, sum.y, acc.y);
		p256_fe_select(acc.z, zero, sum.z, acc.z);
	}
	*r = acc;
	memzero_explicit(&acc, sizeof(acc));
	memzero_explicit(&sum, sizeof(sum));
	memzero_explicit(&pt, sizeof(pt));
}

/**
 * p256_mul_base() - multiply the base point, in constant time
 * @x: the affine x coordinate of k G, as limbs
 * @y: its y coordinate, or NULL
 * @k: the scalar, 1 <= k < n, as limbs
 */
void p256_mul_base(u64 *x, u64 *y, const u64 *k)
{
	struct p256_jac r;

	p256_mul_base_jac(&r, k);
	p256_to_affine(x, y, &r);
	memzero_explicit(&r, sizeof(r));
}

/* Signed 5-bit digits for the multiplication of any point. */
#define P256_MUL_WIDTH		5
#define P256_MUL_WINDOWS	52	/* 52 * 5 = 260 > 256 */
#define P256_MUL_POINTS		16

/* @r = entry @d (1-based) of @tab, the point at infinity when @d is 0. */
static void p256_mul_select(struct p256_jac *r, const struct p256_jac *tab,
			    unsigned int d)
{
	unsigned int i, j;
	u64 m;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < P256_MUL_POINTS; i++) {
		m = p256_eq_mask(i + 1, d);
		for (j = 0; j < 4; j++) {
			r->x[j] |= tab[i].x[j] & m;
			r->y[j] |= tab[i].y[j] & m;
			r->z[j] |= tab[i].z[j] & m;
		}
	}
}

/* @acc = @k @p for 1 <= k < n and a validated @p, in constant time: fixed
 * windows of signed 5-bit digits, from the top, over a table of P .. 16 P
 * read in full at every window.
 *
 * No addition adds a point to itself: before window i the sum is M P with
 * M a multiple of 32, 0 <= M < n, and the entry is d P with |d| <= 16.
 * M = d mod n needs M = d = 0 (both at infinity, handled) or, in the last
 * window, M = n + d with k = M + d < n: then d < 0 and n = -d mod 32, but
 * n = 17 mod 32 and |d| <= 16.
 */
static void p256_mul_jac(struct p256_jac *acc, const u64 *k,
			 const struct p256_affine *p)
{
	struct p256_jac tab[P256_MUL_POINTS], pt;
	unsigned int i, j, d;
	u64 neg;

	/* tab[i] = (i + 1) P */
	memcpy(tab[0].x, p->x, sizeof(tab[0].x));
	memcpy(tab[0].y, p->y, sizeof(tab[0].y));
	memcpy(tab[0].z, p256_fe_one, sizeof(tab[0].z));
	for (i = 1; i < P256_MUL_POINTS; i++) {
		if (i & 1)
			p256_dbl(&tab[i], &tab[i / 2]);
		else
			p256_add_affine(&tab[i], &tab[i - 1], p);
	}

	i = P256_MUL_WINDOWS - 1;
	d = p256_digit(p256_window(k, i, P256_MUL_WIDTH), P256_MUL_WIDTH,
		       &neg);
	p256_mul_select(acc, tab, d);
	while (i--) {
		for (j = 0; j < P256_MUL_WIDTH; j++)
			p256_dbl(acc, acc);
		d = p256_digit(p256_window(k, i, P256_MUL_WIDTH),
			       P256_MUL_WIDTH, &neg);
		p256_mul_select(&pt, tab, d);
		p256_cneg(pt.y, neg);
		p256_add(acc, acc, &pt);
	}
	memzero_explicit(tab, sizeof(tab));
	memzero_explicit(&pt, sizeof(pt));
}

/**
 * p256_mul() - multiply a point, in constant time
 * @x: the affine x coordinate of k P, as limbs
 * @k: the scalar, 1 <= k < n, as limbs
 * @p: the point, validated (p256_point_decode())
 *
 * Return: all ones if k P is the point at infinity (never, for a valid
 * point and scalar), else zero.
 */
u64 p256_mul(u64 *x, const u64 *k, const struct p256_affine *p)
{
	struct p256_jac acc;
	u64 inf;

	p256_mul_jac(&acc, k, p);
	inf = p256_to_affine(x, NULL, &acc);
	memzero_explicit(&acc, sizeof(acc));
	return inf;
}

/* Variable time from here on: verification handles public values only.
 */

/* @acc += @b, for public points, whatever they are. */
static void p256_add_affine_vartime(struct p256_jac *acc,
				    const struct p256_affine *b)
{
	struct p256_jac sum;

	if (p256_add_affine(&sum, acc, b)) {
		memcpy(sum.x, b->x, sizeof(sum.x));
		memcpy(sum.y, b->y, sizeof(sum.y));
		memcpy(sum.z, p256_fe_one, sizeof(sum.z));
		p256_dbl(&sum, &sum);
	}
	*acc = sum;
}

/* The width-6 NAF of a scalar below 2^256: @naf[i] is 0 or odd in
 * [-31, 31], and k = sum naf[i] 2^i over 257 digits.  @win holds bits
 * i .. i + 5 of what is left of k, at most 64.
 */
static void p256_wnaf(s8 *naf, const u64 *k)
{
	int win = k[0] & 0x3f, digit;
	unsigned int i, bit;

	for (i = 0; i < 257; i++) {
		digit = 0;
		if (win & 1) {
			digit = win & 0x20 ? win - 0x40 : win;
			win -= digit;
		}
		naf[i] = digit;
		win >>= 1;
		bit = i + 6;
		if (bit < 256)
			win += (int)((k[bit / 64] >> (bit % 64)) & 1) << 5;
	}
}

/**
 * p256_mul_add_check() - check the ECDSA equation, in variable time
 * @key: the public key Q
 * @u1: a scalar below n, as limbs
 * @u2: a scalar below n, as limbs
 * @r: the signature's r, 1 <= r < n, as limbs
 *
 * Computes R = u1 G + u2 Q: u2 Q by its width-6 NAF over the key's table,
 * u1 G by the comb table (entries indexed directly: nothing is secret),
 * every addition in mixed coordinates.  Then x(R) mod n = r is checked
 * without an inversion: x(R) is X / Z^2, and below p < 2n, so it is r or
 * r + n.
 *
 * Return: whether R is finite and x(R) mod n is r.
 */
bool p256_mul_add_check(const struct p256_pubkey *key, const u64 *u1,
			const u64 *u2, const u64 *r)
{
	static const u64 p[4] = { P256_P0, P256_P1, 0, P256_P3 };
	struct p256_affine pt;
	struct p256_jac acc;
	u64 z2[4], t[4], rn[4], carry = 0;
	unsigned int i, d;
	s8 naf[257];
	bool started = false;
	u64 neg;

	memset(&acc, 0, sizeof(acc));
	p256_wnaf(naf, u2);
	for (i = 257; i--;) {
		if (started)
			p256_dbl(&acc, &acc);
		if (!naf[i])
			continue;
		pt = key->tab[(naf[i] < 0 ? -naf[i] : naf[i]) / 2];
		if (naf[i] < 0)
			p256_fe_neg(pt.y, pt.y);
		p256_add_affine_vartime(&acc, &pt);
		started = true;
	}
	for (i = 0; i < P256_COMB_WINDOWS; i++) {
		d = p256_digit(p256_window(u1, i, P256_COMB_WIDTH),
			       P256_COMB_WIDTH, &neg);
		if (!d)
			continue;
		pt = p256_comb[i][d - 1];
		if (neg)
			p256_fe_neg(pt.y, pt.y);
		p256_add_affine_vartime(&acc, &pt);
	}
	if (p256_fe_is_zero(acc.z))
		return false;

	p256_fe_sqr(z2, acc.z);
	p256_fe_to_mont(t, r);
	p256_fe_mul(t, t, z2);
	if (p256_fe_equal(t, acc.x))
		return true;
	/* r + n, if it is below p */
	for (i = 0; i < 4; i++)
		rn[i] = p256_adc(r[i], p256_n[i], &carry);
	if (carry || !p256_less(rn, p))
		return false;
	p256_fe_to_mont(t, rn);
	p256_fe_mul(t, t, z2);
	return p256_fe_equal(t, acc.x);
}

/**
 * p256_point_decode() - decode and validate an uncompressed point
 * @p: the point, in Montgomery form
 * @buf: 0x04 || X || Y, big-endian coordinates of 32 bytes
 * @len: the length of @buf
 *
 * Full validation (SP 800-56A, 5.6.2.3.3): the coordinates lie below p and
 * satisfy y^2 = x^3 - 3 x + b.  The point at infinity has no such
 * encoding, and P-256's cofactor is 1, so the point has order n.  Other
 * encodings (compressed, hybrid) are refused.
 *
 * Return: 0, or -EINVAL.
 */
int p256_point_decode(struct p256_affine *p, const u8 *buf, size_t len)
{
	static const u64 pm[4] = { P256_P0, P256_P1, 0, P256_P3 };
	u64 x[4], y[4], lhs[4], rhs[4], t[4];

	if (len != P256_POINT_BYTES || buf[0] != 0x04)
		return -EINVAL;
	p256_sc_from_bytes(x, buf + 1);
	p256_sc_from_bytes(y, buf + 1 + P256_BYTES);
	if (!p256_less(x, pm) || !p256_less(y, pm))
		return -EINVAL;
	p256_fe_to_mont(p->x, x);
	p256_fe_to_mont(p->y, y);

	p256_fe_sqr(lhs, p->y);
	p256_fe_sqr(rhs, p->x);
	p256_fe_mul(rhs, rhs, p->x);
	p256_fe_sub(rhs, rhs, p->x);
	p256_fe_add(t, p->x, p->x);
	p256_fe_sub(rhs, rhs, t);
	p256_fe_add(rhs, rhs, p256_b);
	if (!p256_fe_equal(lhs, rhs))
		return -EINVAL;
	return 0;
}

/**
 * p256_pubkey_init() - validate a public key and prepare it for verification
 * @key: the key
 * @point: 0x04 || X || Y
 * @len: the length of @point
 *
 * Validates the point as p256_point_decode() and computes the affine odd
 * multiples Q, 3Q, ..., 31Q, with a single inversion for all of them.
 *
 * Return: 0, or -EINVAL for an invalid point.
 */
int p256_pubkey_init(struct p256_pubkey *key, const u8 *point, size_t len)
{
	u64 z[P256_PUBKEY_TABLE][4], prod[P256_PUBKEY_TABLE][4];
	u64 inv[4], zi[4], zi2[4];
	struct p256_jac acc, q2;
	unsigned int i;
	int err;

	err = p256_point_decode(&key->tab[0], point, len);
	if (err)
		return err;

	/* Jacobian X and Y in @key->tab, Z in @z, until the division */
	memcpy(acc.x, key->tab[0].x, sizeof(acc.x));
	memcpy(acc.y, key->tab[0].y, sizeof(acc.y));
	memcpy(acc.z, p256_fe_one, sizeof(acc.z));
	memcpy(z[0], p256_fe_one, sizeof(z[0]));
	p256_dbl(&q2, &acc);
	/* (2i + 1) Q = (2i - 1) Q + 2 Q: never a doubling, n being prime */
	for (i = 1; i < P256_PUBKEY_TABLE; i++) {
		p256_add(&acc, &acc, &q2);
		memcpy(key->tab[i].x, acc.x, sizeof(acc.x));
		memcpy(key->tab[i].y, acc.y, sizeof(acc.y));
		memcpy(z[i], acc.z, sizeof(acc.z));
	}

	/* Montgomery's trick: invert the product of all Z, then peel. */
	memcpy(prod[0], z[0], sizeof(prod[0]));
	for (i = 1; i < P256_PUBKEY_TABLE; i++)
		p256_fe_mul(prod[i], prod[i - 1], z[i]);
	p256_fe_inv(inv, prod[P256_PUBKEY_TABLE - 1]);
	for (i = P256_PUBKEY_TABLE - 1; i > 0; i--) {
		p256_fe_mul(zi, inv, prod[i - 1]);
		p256_fe_mul(inv, inv, z[i]);
		p256_fe_sqr(zi2, zi);
		p256_fe_mul(key->tab[i].x, key->tab[i].x, zi2);
		p256_fe_mul(zi2, zi2, zi);
		p256_fe_mul(key->tab[i].y, key->tab[i].y, zi2);
	}
	return 0;
}
