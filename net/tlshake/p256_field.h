/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1,
 * in constant time.
 *
 * An element is four 64-bit limbs, least significant first, always fully
 * reduced (below p), and kept in Montgomery form: x is held as x * 2^256
 * mod p.  Products are 128 bits wide (unsigned __int128); on x86_64 CPUs
 * with BMI2 and ADX, multiplication is inline assembly with mulx, adcx and
 * adox instead (see p256_set_adx()).  Every function runs the same
 * instructions and touches the same memory whatever the values: selections
 * are made with masks or cmov, never with branches or indices.
 *
 * The functions are static inline: point arithmetic calls them thousands of
 * times per scalar multiplication, and a call per field operation would
 * cost a fifth of the time.  Only p256.c includes this header.  Inversion
 * is safegcd (modinv.c), three times as fast as Fermat's little theorem.
 */
#ifndef _NET_TLSHAKE_P256_FIELD_H
#define _NET_TLSHAKE_P256_FIELD_H

#include "modinv.h"
#include "pure.h"

#define P256_P0		0xffffffffffffffffULL
#define P256_P1		0x00000000ffffffffULL
#define P256_P3		0xffffffff00000001ULL

/* 1, 2^256 mod p in Montgomery form. */
static const u64 p256_fe_one[4] = {
	0x0000000000000001ULL, 0xffffffff00000000ULL,
	0xffffffffffffffffULL, 0x00000000fffffffeULL,
};

/* 2^512 mod p: a Montgomery product with it converts into the form. */
static const u64 p256_fe_rr[4] = {
	0x0000000000000003ULL, 0xfffffffbffffffffULL,
	0xfffffffffffffffeULL, 0x00000004fffffffdULL,
};

/* @a + @b + *@carry, with the carry out (0 or 1) in *@carry, and @a - @b -
 * *@borrow, with the borrow out (0 or 1) in *@borrow.  On x86_64 the
 * compiler's carry builtins give a plain adc or sbb chain, where the
 * 128-bit sum would cost a flag extraction and a spill per limb.
 * sparse knows no such builtins: it checks the portable form.
 */
#if defined(__x86_64__) && !defined(__CHECKER__)
static inline u64 p256_adc(u64 a, u64 b, u64 *carry)
{
	u64 r;

	*carry = __builtin_ia32_addcarryx_u64((u8)*carry, a, b, &r);
	return r;
}

static inline u64 p256_sbb(u64 a, u64 b, u64 *borrow)
{
	u64 r;

	*borrow = __builtin_ia32_sbb_u64((u8)*borrow, a, b, &r);
	return r;
}
#else
static inline u64 p256_adc(u64 a, u64 b, u64 *carry)
{
	unsigned __int128 t = (unsigned __int128)a + b + *carry;

	*carry = (u64)(t >> 64);
	return (u64)t;
}

static inline u64 p256_sbb(u64 a, u64 b, u64 *borrow)
{
	unsigned __int128 t = (unsigned __int128)a - b - *borrow;

	*borrow = (u64)(t >> 64) & 1;
	return (u64)t;
}
#endif

/* @t + @a * @b + *@carry, with the high half in *@carry; cannot overflow. */
static inline u64 p256_mac(u64 t, u64 a, u64 b, u64 *carry)
{
	unsigned __int128 v = (unsigned __int128)a * b + t + *carry;

	*carry = (u64)(v >> 64);
	return (u64)v;
}

/* All ones if @x is zero, else zero. */
static inline u64 p256_zero_mask(u64 x)
{
	return ((x | (0 - x)) >> 63) - 1;
}

/* @r = @mask ? @b : @a, for a mask of all ones or all zeros. */
static inline void p256_fe_select(u64 r[4], u64 mask, const u64 a[4],
				  const u64 b[4])
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		r[i] = (a[i] & ~mask) | (b[i] & mask);
}

/* @r = @mask ? @a : @r. */
static inline void p256_fe_cmov(u64 r[4], u64 mask, const u64 a[4])
{
	p256_fe_select(r, mask, r, a);
}

/* All ones if @a is zero (no other representation of 0 exists). */
static inline u64 p256_fe_is_zero(const u64 a[4])
{
	return p256_zero_mask(a[0] | a[1] | a[2] | a[3]);
}

/* All ones if @a equals @b. */
static inline u64 p256_fe_equal(const u64 a[4], const u64 b[4])
{
	return p256_zero_mask((a[0] ^ b[0]) | (a[1] ^ b[1]) |
			      (a[2] ^ b[2]) | (a[3] ^ b[3]));
}

/* @r = (t4:t3:t2:t1:t0) mod p for a value below 2p: subtract p, and keep
 * the difference unless that borrowed.
 */
static inline void p256_fe_reduce_once(u64 r[4], u64 t0, u64 t1, u64 t2,
				       u64 t3, u64 t4)
{
	u64 s0, s1, s2, s3, borrow = 0, keep;

	s0 = p256_sbb(t0, P256_P0, &borrow);
	s1 = p256_sbb(t1, P256_P1, &borrow);
	s2 = p256_sbb(t2, 0, &borrow);
	s3 = p256_sbb(t3, P256_P3, &borrow);
	p256_sbb(t4, 0, &borrow);
	keep = 0 - borrow;
	r[0] = (t0 & keep) | (s0 & ~keep);
	r[1] = (t1 & keep) | (s1 & ~keep);
	r[2] = (t2 & keep) | (s2 & ~keep);
	r[3] = (t3 & keep) | (s3 & ~keep);
}

static inline void p256_fe_add(u64 r[4], const u64 a[4], const u64 b[4])
{
	u64 t0, t1, t2, t3, carry = 0;

	t0 = p256_adc(a[0], b[0], &carry);
	t1 = p256_adc(a[1], b[1], &carry);
	t2 = p256_adc(a[2], b[2], &carry);
	t3 = p256_adc(a[3], b[3], &carry);
	p256_fe_reduce_once(r, t0, t1, t2, t3, carry);
}

static inline void p256_fe_sub(u64 r[4], const u64 a[4], const u64 b[4])
{
	u64 t0, t1, t2, t3, borrow = 0, carry = 0, mask;

	t0 = p256_sbb(a[0], b[0], &borrow);
	t1 = p256_sbb(a[1], b[1], &borrow);
	t2 = p256_sbb(a[2], b[2], &borrow);
	t3 = p256_sbb(a[3], b[3], &borrow);
	/* Add p back if the difference went below zero. */
	mask = 0 - borrow;
	r[0] = p256_adc(t0, mask, &carry);
	r[1] = p256_adc(t1, mask & P256_P1, &carry);
	r[2] = p256_adc(t2, 0, &carry);
	r[3] = p256_adc(t3, mask & P256_P3, &carry);
}

static inline void p256_fe_neg(u64 r[4], const u64 a[4])
{
	static const u64 zero[4];

	p256_fe_sub(r, zero, a);
}

/* One step of the Montgomery reduction: t += m p with m = t0, which clears
 * t0 as -p^-1 = 1 mod 2^64, and shift down one limb.  t0 + m (2^64 - 1)
 * is exactly m 2^64, and with m (2^32 - 1) 2^64 from p's limb 1 that
 * makes m 2^96: a shift, not a product.  Only p's top limb multiplies.
 */
static inline void p256_fe_reduce_step(u64 t[6])
{
	u64 m = t[0], hi = 0, c = 0, lo;

	lo = p256_mac(0, m, P256_P3, &hi);
	t[0] = p256_adc(t[1], m << 32, &c);
	t[1] = p256_adc(t[2], m >> 32, &c);
	t[2] = p256_adc(t[3], lo, &c);
	t[3] = p256_adc(t[4], hi, &c);
	t[4] = t[5] + c;
}

/* One round of p256_fe_mul_c(): t += a b_i, then a reduction step. */
static inline void p256_fe_mul_round(u64 t[6], const u64 a[4], u64 bi)
{
	u64 c = 0, c5 = 0;

	t[0] = p256_mac(t[0], a[0], bi, &c);
	t[1] = p256_mac(t[1], a[1], bi, &c);
	t[2] = p256_mac(t[2], a[2], bi, &c);
	t[3] = p256_mac(t[3], a[3], bi, &c);
	t[4] = p256_adc(t[4], c, &c5);
	t[5] = c5;
	p256_fe_reduce_step(t);
}

/* @r = @a @b / 2^256 mod p: interleaved (CIOS) Montgomery multiplication.
 * The rounds are spelled out rather than looped: compilers keep the
 * accumulator in registers only then.
 */
static inline void p256_fe_mul_c(u64 r[4], const u64 a[4], const u64 b[4])
{
	u64 t[6] = { 0 };

	p256_fe_mul_round(t, a, b[0]);
	p256_fe_mul_round(t, a, b[1]);
	p256_fe_mul_round(t, a, b[2]);
	p256_fe_mul_round(t, a, b[3]);
	p256_fe_reduce_once(r, t[0], t[1], t[2], t[3], t[4]);
}

/* @r = @w / 2^256 mod p for a 512-bit @w below p 2^256: reduce the low
 * half, then add the high half.
 */
static inline void p256_fe_redc(u64 r[4], const u64 w[8])
{
	u64 t[6], c = 0;

	t[0] = w[0];
	t[1] = w[1];
	t[2] = w[2];
	t[3] = w[3];
	t[4] = 0;
	t[5] = 0;
	p256_fe_reduce_step(t);
	p256_fe_reduce_step(t);
	p256_fe_reduce_step(t);
	p256_fe_reduce_step(t);
	t[0] = p256_adc(t[0], w[4], &c);
	t[1] = p256_adc(t[1], w[5], &c);
	t[2] = p256_adc(t[2], w[6], &c);
	t[3] = p256_adc(t[3], w[7], &c);
	p256_fe_reduce_once(r, t[0], t[1], t[2], t[3], t[4] + c);
}

/* @r = @a^2 / 2^256 mod p: the six cross products once and doubled, the
 * four squares, then the reduction.
 */
static inline void p256_fe_sqr_c(u64 r[4], const u64 a[4])
{
	u64 w[8], c, hi;

	/* cross products a_i a_j, i < j, into w[1..6] */
	c = 0;
	w[1] = p256_mac(0, a[0], a[1], &c);
	w[2] = p256_mac(0, a[0], a[2], &c);
	w[3] = p256_mac(0, a[0], a[3], &c);
	w[4] = c;
	c = 0;
	w[3] = p256_mac(w[3], a[1], a[2], &c);
	w[4] = p256_mac(w[4], a[1], a[3], &c);
	w[5] = c;
	c = 0;
	w[5] = p256_mac(w[5], a[2], a[3], &c);
	w[6] = c;

	/* doubled */
	w[7] = w[6] >> 63;
	w[6] = (w[6] << 1) | (w[5] >> 63);
	w[5] = (w[5] << 1) | (w[4] >> 63);
	w[4] = (w[4] << 1) | (w[3] >> 63);
	w[3] = (w[3] << 1) | (w[2] >> 63);
	w[2] = (w[2] << 1) | (w[1] >> 63);
	w[1] = w[1] << 1;

	/* plus the squares a_i^2 at limbs 2i, 2i + 1 */
	hi = 0;
	w[0] = p256_mac(0, a[0], a[0], &hi);
	c = 0;
	w[1] = p256_adc(w[1], hi, &c);
	hi = 0;
	w[2] = p256_adc(w[2], p256_mac(0, a[1], a[1], &hi), &c);
	w[3] = p256_adc(w[3], hi, &c);
	hi = 0;
	w[4] = p256_adc(w[4], p256_mac(0, a[2], a[2], &hi), &c);
	w[5] = p256_adc(w[5], hi, &c);
	hi = 0;
	w[6] = p256_adc(w[6], p256_mac(0, a[3], a[3], &hi), &c);
	w[7] = p256_adc(w[7], hi, &c);

	p256_fe_redc(r, w);
}

#ifdef __x86_64__
/* Whether the CPU has mulx (BMI2), adcx and adox (ADX): set once, by
 * p256_set_adx(), before any use.  Only p256.c includes this header.
 */
static bool p256_fe_adx;

/* @r = @a @b / 2^256 mod p, as p256_fe_mul_c() but with mulx and two
 * carry chains at once: adcx adds the low halves of the partial products
 * a_j b_i into the accumulator through the carry flag, adox the high
 * halves through the overflow flag.  The accumulator, six limbs A0-A5,
 * lives in r8-r12 and r15 in turn, A0 moving up one register each round
 * as the reduction step shifts it down a limb.  The reduction step is
 * p256_fe_reduce_step(): a shift and one product with p's top limb.
 * The result, below 2p, is reduced as in p256_fe_reduce_once(), with cmov.
 * @r may be @a or @b: it is written last.
 */
static inline void p256_fe_mul_adx(u64 r[4], const u64 a[4], const u64 b[4])
{
	static const u64 p1 = P256_P1, p3 = P256_P3;

	/* acc = 0, in A0-A4 (r8-r12, r15 in turn) */
	asm("	xorl	%%r8d, %%r8d\n"
		"	movq	%%r8, %%r9\n"
		"	movq	%%r8, %%r10\n"
		"	movq	%%r8, %%r11\n"
		"	movq	%%r8, %%r12\n"
		/* round 0: acc += a b_0 ... */
		"	movq	0(%[b]), %%rdx\n"
		"	movq	$0, %%r15\n"
		"	xorl	%%eax, %%eax\n"
		"	mulxq	0(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r8\n"
		"	adoxq	%%r14, %%r9\n"
		"	mulxq	8(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r9\n"
		"	adoxq	%%r14, %%r10\n"
		"	mulxq	16(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r10\n"
		"	adoxq	%%r14, %%r11\n"
		"	mulxq	24(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r11\n"
		"	adoxq	%%r14, %%r12\n"
		"	adcxq	%%rax, %%r12\n"
		"	adoxq	%%rax, %%r15\n"
		"	adcxq	%%rax, %%r15\n"
		/* ... + m p, m = A0, and shift down a limb */
		"	movq	%%r8, %%rdx\n"
		"	mulxq	%[p3], %%r13, %%r14\n"
		"	movq	%%r8, %%rax\n"
		"	shlq	$32, %%rax\n"
		"	shrq	$32, %%r8\n"
		"	addq	%%rax, %%r9\n"
		"	adcq	%%r8, %%r10\n"
		"	adcq	%%r13, %%r11\n"
		"	adcq	%%r14, %%r12\n"
		"	adcq	$0, %%r15\n"
		/* round 1: acc += a b_1 ... */
		"	movq	8(%[b]), %%rdx\n"
		"	movq	$0, %%r8\n"
		"	xorl	%%eax, %%eax\n"
		"	mulxq	0(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r9\n"
		"	adoxq	%%r14, %%r10\n"
		"	mulxq	8(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r10\n"
		"	adoxq	%%r14, %%r11\n"
		"	mulxq	16(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r11\n"
		"	adoxq	%%r14, %%r12\n"
		"	mulxq	24(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r12\n"
		"	adoxq	%%r14, %%r15\n"
		"	adcxq	%%rax, %%r15\n"
		"	adoxq	%%rax, %%r8\n"
		"	adcxq	%%rax, %%r8\n"
		/* ... + m p, m = A0, and shift down a limb */
		"	movq	%%r9, %%rdx\n"
		"	mulxq	%[p3], %%r13, %%r14\n"
		"	movq	%%r9, %%rax\n"
		"	shlq	$32, %%rax\n"
		"	shrq	$32, %%r9\n"
		"	addq	%%rax, %%r10\n"
		"	adcq	%%r9, %%r11\n"
		"	adcq	%%r13, %%r12\n"
		"	adcq	%%r14, %%r15\n"
		"	adcq	$0, %%r8\n"
		/* round 2: acc += a b_2 ... */
		"	movq	16(%[b]), %%rdx\n"
		"	movq	$0, %%r9\n"
		"	xorl	%%eax, %%eax\n"
		"	mulxq	0(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r10\n"
		"	adoxq	%%r14, %%r11\n"
		"	mulxq	8(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r11\n"
		"	adoxq	%%r14, %%r12\n"
		"	mulxq	16(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r12\n"
		"	adoxq	%%r14, %%r15\n"
		"	mulxq	24(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r15\n"
		"	adoxq	%%r14, %%r8\n"
		"	adcxq	%%rax, %%r8\n"
		"	adoxq	%%rax, %%r9\n"
		"	adcxq	%%rax, %%r9\n"
		/* ... + m p, m = A0, and shift down a limb */
		"	movq	%%r10, %%rdx\n"
		"	mulxq	%[p3], %%r13, %%r14\n"
		"	movq	%%r10, %%rax\n"
		"	shlq	$32, %%rax\n"
		"	shrq	$32, %%r10\n"
		"	addq	%%rax, %%r11\n"
		"	adcq	%%r10, %%r12\n"
		"	adcq	%%r13, %%r15\n"
		"	adcq	%%r14, %%r8\n"
		"	adcq	$0, %%r9\n"
		/* round 3: acc += a b_3 ... */
		"	movq	24(%[b]), %%rdx\n"
		"	movq	$0, %%r10\n"
		"	xorl	%%eax, %%eax\n"
		"	mulxq	0(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r11\n"
		"	adoxq	%%r14, %%r12\n"
		"	mulxq	8(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r12\n"
		"	adoxq	%%r14, %%r15\n"
		"	mulxq	16(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r15\n"
		"	adoxq	%%r14, %%r8\n"
		"	mulxq	24(%[a]), %%r13, %%r14\n"
		"	adcxq	%%r13, %%r8\n"
		"	adoxq	%%r14, %%r9\n"
		"	adcxq	%%rax, %%r9\n"
		"	adoxq	%%rax, %%r10\n"
		"	adcxq	%%rax, %%r10\n"
		/* ... + m p, m = A0, and shift down a limb */
		"	movq	%%r11, %%rdx\n"
		"	mulxq	%[p3], %%r13, %%r14\n"
		"	movq	%%r11, %%rax\n"
		"	shlq	$32, %%rax\n"
		"	shrq	$32, %%r11\n"
		"	addq	%%rax, %%r12\n"
		"	adcq	%%r11, %%r15\n"
		"	adcq	%%r13, %%r8\n"
		"	adcq	%%r14, %%r9\n"
		"	adcq	$0, %%r10\n"
		/* acc < 2 p: subtract p, keep acc if that borrows */
		"	movq	%%r12, %%rax\n"
		"	movq	%%r15, %%rdx\n"
		"	movq	%%r8, %%r13\n"
		"	movq	%%r9, %%r14\n"
		"	subq	$-1, %%rax\n"
		"	sbbq	%[p1], %%rdx\n"
		"	sbbq	$0, %%r13\n"
		"	sbbq	%[p3], %%r14\n"
		"	sbbq	$0, %%r10\n"
		"	cmovcq	%%r12, %%rax\n"
		"	cmovcq	%%r15, %%rdx\n"
		"	cmovcq	%%r8, %%r13\n"
		"	cmovcq	%%r9, %%r14\n"
		"	movq	%%rax, 0(%[r])\n"
		"	movq	%%rdx, 8(%[r])\n"
		"	movq	%%r13, 16(%[r])\n"
		"	movq	%%r14, 24(%[r])\n"
		: "=m" (*(u64 (*)[4])r)
		: [r] "r" (r), [a] "r" (a), [b] "r" (b),
		  [p1] "m" (p1), [p3] "m" (p3),
		  "m" (*(const u64 (*)[4])a), "m" (*(const u64 (*)[4])b)
		: "rax", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
		  "r15", "cc");
}

/* @r = @a^2 / 2^256 mod p, as p256_fe_sqr_c() but with mulx: the six
 * cross products, doubled, plus the four squares, all in W0-W7 (r8-r15),
 * then the low half reduced by four of p256_fe_reduce_step(), each
 * leaving a new top limb in the register it frees, then the high half
 * added and p subtracted as in p256_fe_mul_adx().  @r may be @a.
 */
static inline void p256_fe_sqr_adx(u64 r[4], const u64 a[4])
{
	static const u64 p1 = P256_P1, p3 = P256_P3;
	const u64 *ap = a;

	/* the cross products a_i a_j, i < j, into W1-W6 (r9-r14) */
	asm("	movq	0(%[a]), %%rdx\n"
		"	mulxq	8(%[a]), %%r9, %%r10\n"
		"	mulxq	16(%[a]), %%rax, %%r11\n"
		"	addq	%%rax, %%r10\n"
		"	mulxq	24(%[a]), %%rax, %%r12\n"
		"	adcq	%%rax, %%r11\n"
		"	movq	8(%[a]), %%rdx\n"
		"	mulxq	24(%[a]), %%rax, %%r13\n"
		"	adcq	%%rax, %%r12\n"
		"	adcq	$0, %%r13\n"
		"	mulxq	16(%[a]), %%rax, %%rcx\n"
		"	addq	%%rax, %%r11\n"
		"	adcq	%%rcx, %%r12\n"
		"	adcq	$0, %%r13\n"
		"	movq	16(%[a]), %%rdx\n"
		"	mulxq	24(%[a]), %%rax, %%r14\n"
		"	addq	%%rax, %%r13\n"
		"	adcq	$0, %%r14\n"
		/* doubled, into W1-W7 */
		"	xorl	%%r15d, %%r15d\n"
		"	addq	%%r9, %%r9\n"
		"	adcq	%%r10, %%r10\n"
		"	adcq	%%r11, %%r11\n"
		"	adcq	%%r12, %%r12\n"
		"	adcq	%%r13, %%r13\n"
		"	adcq	%%r14, %%r14\n"
		"	adcq	%%r15, %%r15\n"
		/* plus the squares a_i^2 at limbs 2i, 2i + 1 */
		"	movq	0(%[a]), %%rdx\n"
		"	mulxq	%%rdx, %%r8, %%rax\n"
		"	addq	%%rax, %%r9\n"
		"	movq	8(%[a]), %%rdx\n"
		"	mulxq	%%rdx, %%rax, %%rcx\n"
		"	adcq	%%rax, %%r10\n"
		"	adcq	%%rcx, %%r11\n"
		"	movq	16(%[a]), %%rdx\n"
		"	mulxq	%%rdx, %%rax, %%rcx\n"
		"	adcq	%%rax, %%r12\n"
		"	adcq	%%rcx, %%r13\n"
		"	movq	24(%[a]), %%rdx\n"
		"	mulxq	%%rdx, %%rax, %%rcx\n"
		"	adcq	%%rax, %%r14\n"
		"	adcq	%%rcx, %%r15\n"
		/* reduce the low half: + m p, m = A0, shift down a limb;
		 * the top limb is new
		 */
		"	movq	%%r8, %%rdx\n"
		"	mulxq	%[p3], %%rax, %%rcx\n"
		"	movq	%%r8, %[a]\n"
		"	shlq	$32, %[a]\n"
		"	shrq	$32, %%r8\n"
		"	addq	%[a], %%r9\n"
		"	adcq	%%r8, %%r10\n"
		"	adcq	%%rax, %%r11\n"
		"	adcq	$0, %%rcx\n"
		"	movq	%%rcx, %%r8\n"
		"	movq	%%r9, %%rdx\n"
		"	mulxq	%[p3], %%rax, %%rcx\n"
		"	movq	%%r9, %[a]\n"
		"	shlq	$32, %[a]\n"
		"	shrq	$32, %%r9\n"
		"	addq	%[a], %%r10\n"
		"	adcq	%%r9, %%r11\n"
		"	adcq	%%rax, %%r8\n"
		"	adcq	$0, %%rcx\n"
		"	movq	%%rcx, %%r9\n"
		"	movq	%%r10, %%rdx\n"
		"	mulxq	%[p3], %%rax, %%rcx\n"
		"	movq	%%r10, %[a]\n"
		"	shlq	$32, %[a]\n"
		"	shrq	$32, %%r10\n"
		"	addq	%[a], %%r11\n"
		"	adcq	%%r10, %%r8\n"
		"	adcq	%%rax, %%r9\n"
		"	adcq	$0, %%rcx\n"
		"	movq	%%rcx, %%r10\n"
		"	movq	%%r11, %%rdx\n"
		"	mulxq	%[p3], %%rax, %%rcx\n"
		"	movq	%%r11, %[a]\n"
		"	shlq	$32, %[a]\n"
		"	shrq	$32, %%r11\n"
		"	addq	%[a], %%r8\n"
		"	adcq	%%r11, %%r9\n"
		"	adcq	%%rax, %%r10\n"
		"	adcq	$0, %%rcx\n"
		"	movq	%%rcx, %%r11\n"
		/* plus the high half, W4-W7: below 2 p */
		"	movl	$0, %%eax\n"
		"	addq	%%r12, %%r8\n"
		"	adcq	%%r13, %%r9\n"
		"	adcq	%%r14, %%r10\n"
		"	adcq	%%r15, %%r11\n"
		"	adcq	$0, %%rax\n"
		/* subtract p, keep the sum if that borrows */
		"	movq	%%r8, %%r12\n"
		"	movq	%%r9, %%r13\n"
		"	movq	%%r10, %%r14\n"
		"	movq	%%r11, %%r15\n"
		"	subq	$-1, %%r12\n"
		"	sbbq	%[p1], %%r13\n"
		"	sbbq	$0, %%r14\n"
		"	sbbq	%[p3], %%r15\n"
		"	sbbq	$0, %%rax\n"
		"	cmovcq	%%r8, %%r12\n"
		"	cmovcq	%%r9, %%r13\n"
		"	cmovcq	%%r10, %%r14\n"
		"	cmovcq	%%r11, %%r15\n"
		"	movq	%%r12, 0(%[r])\n"
		"	movq	%%r13, 8(%[r])\n"
		"	movq	%%r14, 16(%[r])\n"
		"	movq	%%r15, 24(%[r])\n"
		: "=m" (*(u64 (*)[4])r), [a] "+&r" (ap)
		: [r] "r" (r), [p1] "m" (p1), [p3] "m" (p3),
		  "m" (*(const u64 (*)[4])a)
		: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13",
		  "r14", "r15", "cc");
}
#endif /* __x86_64__ */

/* @r = @a @b / 2^256 mod p. */
static inline void p256_fe_mul(u64 r[4], const u64 a[4], const u64 b[4])
{
#ifdef __x86_64__
	if (p256_fe_adx) {
		p256_fe_mul_adx(r, a, b);
		return;
	}
#endif
	p256_fe_mul_c(r, a, b);
}

/* @r = @a^2 / 2^256 mod p. */
static inline void p256_fe_sqr(u64 r[4], const u64 a[4])
{
#ifdef __x86_64__
	if (p256_fe_adx) {
		p256_fe_sqr_adx(r, a);
		return;
	}
#endif
	p256_fe_sqr_c(r, a);
}

/* @r = @a^(2^@n) */
static inline void p256_fe_sqr_n(u64 r[4], const u64 a[4], unsigned int n)
{
	unsigned int i;

	p256_fe_sqr(r, a);
	for (i = 1; i < n; i++)
		p256_fe_sqr(r, r);
}

/* p for modinv256_consttime() */
static const struct modinv256_modulus p256_fe_modulus = {
	.m = {
		0x3fffffffffffffffLL, 0x00000003ffffffffLL,
		0x0000000000000000LL, 0x3fffffc000000040LL,
		0x00000000000000ffLL,
	},
	.m_inv62 = 0x3fffffffffffffffULL,
};

/* 2^768 mod p: takes the inverse of a R back to Montgomery form. */
static const u64 p256_fe_rrr[4] = {
	0xfffffffd0000000aULL, 0xffffffedfffffff7ULL,
	0x00000005fffffffcULL, 0x0000001800000001ULL,
};

/* @r = 1 / @a, 0 for 0, in constant time: the inverse of a R is
 * 1 / (a R), and a Montgomery product with R^3 makes it R / a.
 */
static inline void p256_fe_inv(u64 r[4], const u64 a[4])
{
	u64 t[4];

	modinv256_consttime(t, a, &p256_fe_modulus);
	p256_fe_mul(r, t, p256_fe_rrr);
}

/* @r = @a in Montgomery form, for @a < p. */
static inline void p256_fe_to_mont(u64 r[4], const u64 a[4])
{
	p256_fe_mul(r, a, p256_fe_rr);
}

/* @r = @a out of Montgomery form. */
static inline void p256_fe_from_mont(u64 r[4], const u64 a[4])
{
	static const u64 one[4] = { 1 };

	p256_fe_mul(r, a, one);
}

#endif /* _NET_TLSHAKE_P256_FIELD_H */
