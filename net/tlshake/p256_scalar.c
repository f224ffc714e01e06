// SPDX-License-Identifier: GPL-2.0
/*
 * Arithmetic modulo the order n of the P-256 group, in constant time: the
 * ECDSA nonce and private key pass through it.
 *
 * Products use Montgomery's method with R = 2^256: p256_sc_mul() returns
 * a b / R mod n, so a product of a value in Montgomery form (a R) with a
 * plain one is plain.  All values are fully reduced, below n.  Inverses
 * come from safegcd (modinv.c), in constant time for secrets.
 */

#include "modinv.h"
#include "p256.h"

static const u64 p256_n[4] = {
	0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL,
	0xffffffffffffffffULL, 0xffffffff00000000ULL,
};

/* -1 / n mod 2^64 */
#define P256_N0		0xccd1c8aaee00bc4fULL

/* n for modinv256_consttime() */
static const struct modinv256_modulus p256_n_modulus = {
	.m = {
		0x33b9cac2fc632551LL, 0x339beab69c5e7a13LL,
		0x3ffffffffffffffbLL, 0x3fffffc00000003fLL,
		0x00000000000000ffLL,
	},
	.m_inv62 = 0x332e375511ff43b1ULL,
};

/* R^2 mod n */
static const u64 p256_n_rr[4] = {
	0x83244c95be79eea2ULL, 0x4699799c49bd6fa6ULL,
	0x2845b2392b6bec59ULL, 0x66e12d94f3d95620ULL,
};

static inline u64 sc_adc(u64 a, u64 b, u64 *carry)
{
	unsigned __int128 t = (unsigned __int128)a + b + *carry;

	*carry = (u64)(t >> 64);
	return (u64)t;
}

static inline u64 sc_sbb(u64 a, u64 b, u64 *borrow)
{
	unsigned __int128 t = (unsigned __int128)a - b - *borrow;

	*borrow = (u64)(t >> 64) & 1;
	return (u64)t;
}

static inline u64 sc_mac(u64 t, u64 a, u64 b, u64 *carry)
{
	unsigned __int128 v = (unsigned __int128)a * b + t + *carry;

	*carry = (u64)(v >> 64);
	return (u64)v;
}

/* @r = @t mod n for a five-limb @t below 2n. */
static void sc_reduce_once(u64 *r, const u64 *t)
{
	u64 s[4], borrow = 0, keep;
	unsigned int i;

	for (i = 0; i < 4; i++)
		s[i] = sc_sbb(t[i], p256_n[i], &borrow);
	sc_sbb(t[4], 0, &borrow);
	keep = 0 - borrow;
	for (i = 0; i < 4; i++)
		r[i] = (t[i] & keep) | (s[i] & ~keep);
}

/**
 * p256_sc_from_bytes() - read a 32-byte big-endian integer
 * @r: the integer, as limbs (not reduced)
 * @in: the bytes
 */
void p256_sc_from_bytes(u64 *r, const u8 *in)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		r[i] = get_unaligned_be64(in + 24 - 8 * i);
}

/**
 * p256_sc_to_bytes() - write an integer as 32 big-endian bytes
 * @out: the bytes
 * @a: the integer, as limbs
 */
void p256_sc_to_bytes(u8 *out, const u64 *a)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		put_unaligned_be64(a[i], out + 24 - 8 * i);
}

/**
 * p256_sc_valid() - whether an integer is a valid scalar, 1 <= a < n
 * @a: the integer
 *
 * Return: all ones if it is, zero if not; computed in constant time.
 */
u64 p256_sc_valid(const u64 *a)
{
	u64 borrow = 0, any = a[0] | a[1] | a[2] | a[3];
	unsigned int i;

	for (i = 0; i < 4; i++)
		sc_sbb(a[i], p256_n[i], &borrow);
	/* a - n borrowed, and a is not zero */
	return (0 - borrow) & (0 - ((any | (0 - any)) >> 63));
}

/**
 * p256_sc_reduce() - reduce a 256-bit integer modulo n
 * @r: @a mod n
 * @a: any 256-bit integer; below 2n, so one subtraction suffices
 */
void p256_sc_reduce(u64 *r, const u64 *a)
{
	u64 t[5] = { a[0], a[1], a[2], a[3], 0 };

	sc_reduce_once(r, t);
}

/**
 * p256_sc_add() - add modulo n
 * @r: @a + @b mod n
 * @a: a value below n
 * @b: a value below n
 */
void p256_sc_add(u64 *r, const u64 *a, const u64 *b)
{
	u64 t[5], carry = 0;
	unsigned int i;

	for (i = 0; i < 4; i++)
		t[i] = sc_adc(a[i], b[i], &carry);
	t[4] = carry;
	sc_reduce_once(r, t);
}

/* One round of p256_sc_mul(): t += a b_i, then a reduction step. */
static inline void sc_mul_round(u64 *t, const u64 *a, u64 bi)
{
	u64 c = 0, m;

	t[0] = sc_mac(t[0], a[0], bi, &c);
	t[1] = sc_mac(t[1], a[1], bi, &c);
	t[2] = sc_mac(t[2], a[2], bi, &c);
	t[3] = sc_mac(t[3], a[3], bi, &c);
	t[4] = sc_adc(t[4], 0, &c);
	t[5] = c;

	/* t += m n clears the low limb; shift it out. */
	m = t[0] * P256_N0;
	c = 0;
	sc_mac(t[0], m, p256_n[0], &c);
	t[0] = sc_mac(t[1], m, p256_n[1], &c);
	t[1] = sc_mac(t[2], m, p256_n[2], &c);
	t[2] = sc_mac(t[3], m, p256_n[3], &c);
	t[3] = sc_adc(t[4], 0, &c);
	t[4] = t[5] + c;
}

/**
 * p256_sc_mul() - Montgomery multiplication modulo n
 * @r: @a @b / 2^256 mod n; may be @a or @b
 * @a: a value below n
 * @b: a value below n
 */
void p256_sc_mul(u64 *r, const u64 *a, const u64 *b)
{
	u64 t[6] = { 0 };

	sc_mul_round(t, a, b[0]);
	sc_mul_round(t, a, b[1]);
	sc_mul_round(t, a, b[2]);
	sc_mul_round(t, a, b[3]);
	sc_reduce_once(r, t);
}

/**
 * p256_sc_to_mont() - convert into Montgomery form
 * @r: @a 2^256 mod n
 * @a: a value below n
 */
void p256_sc_to_mont(u64 *r, const u64 *a)
{
	p256_sc_mul(r, a, p256_n_rr);
}

/**
 * p256_sc_inv() - invert modulo n in constant time
 * @r: 1 / a mod n; 0 if a is 0
 * @a: a value below n
 */
void p256_sc_inv(u64 *r, const u64 *a)
{
	modinv256_consttime(r, a, &p256_n_modulus);
}

/**
 * p256_sc_inv_vartime() - invert modulo n, for public values
 * @r: 1 / a mod n
 * @a: a value in [1, n - 1]
 */
void p256_sc_inv_vartime(u64 *r, const u64 *a)
{
	s64 ws[MODINV_WORKSPACE(4)];

	modinv_vartime(r, a, p256_n, 4, ws);
}
