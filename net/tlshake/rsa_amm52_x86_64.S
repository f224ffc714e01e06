/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Almost Montgomery multiplication of 1024-bit integers with AVX-512 IFMA,
 * two independent products at once.
 *
 * The integers are 20 limbs of 52 bits (1040 bits), least significant
 * first, each limb in a 64-bit word; R = 2^1040.  Given a, b < 2m and an
 * odd m < 2^1024, the product a b / R mod m is returned below 2m, its limbs
 * not yet carried: each word holds less than 2^60 and the caller
 * propagates the carries.
 *
 * One pass of the loop takes limb b_i: acc += a b_i + m y, with y chosen
 * so that the lowest limb becomes a multiple of 2^52, then acc moves down
 * a limb.  vpmadd52luq adds the low 52 bits of the 104-bit products,
 * vpmadd52huq the high ones, which belong one limb up: they are added
 * after the shift, in place.  The lowest limb is followed in a general
 * register, where y is computed from it without waiting for the vector
 * unit to add a b_i.  The loop is a chain of dependent operations; two
 * products, whose chains interleave, keep the multipliers busy.
 *
 * Constant time: the loop runs 20 times whatever the values, and no
 * address depends on them.
 */

#include <linux/linkage.h>

.section .rodata.cst8, "aM", @progbits, 8
.align 8
.Lmask52:
	.quad	0xfffffffffffff

.text

/* Stack frame: the lowest limb of each a, then each k0. */
#define A0		0
#define K0		16
#define FRAME		32

/* The second product's operands follow the first's, 20 words later. */
#define HALF		160

/*
 * ACC: the accumulator, A: a, M: m, 5 ymm registers each; Y: y broadcast;
 * V: the lowest limb, then its carry; OFF: 0 or HALF.
 */
.macro amm_lo acc0, acc1, acc2, acc3, acc4, a0, a1, a2, a3, a4, \
	      m0, m1, m2, m3, m4, y, v, off
	/* the lowest limb of acc + a b_i, whose carry V still holds */
	movq		\off(%rsi), %rdx
	mulx		(A0 + 8 * (\off / HALF))(%rsp), %rbx, %rax
	andq		.Lmask52(%rip), %rbx
	vmovq		%xmm\acc0, %rax
	addq		%rax, \v
	addq		%rbx, \v
	/* y = lowest limb k0 mod 2^52; IFMA reads only its low 52 bits */
	movq		\v, %rdx
	imulq		(K0 + 8 * (\off / HALF))(%rsp), %rdx
	vpbroadcastq	%rdx, %ymm\y
	mulx		\off(%rcx), %rbx, %rax
	andq		.Lmask52(%rip), %rbx
	addq		%rbx, \v
	shrq		$52, \v

	vpmadd52luq	\off(%rsi){1to4}, %ymm\a0, %ymm\acc0
	vpmadd52luq	\off(%rsi){1to4}, %ymm\a1, %ymm\acc1
	vpmadd52luq	\off(%rsi){1to4}, %ymm\a2, %ymm\acc2
	vpmadd52luq	\off(%rsi){1to4}, %ymm\a3, %ymm\acc3
	vpmadd52luq	\off(%rsi){1to4}, %ymm\a4, %ymm\acc4
	vpmadd52luq	%ymm\y, %ymm\m0, %ymm\acc0
	vpmadd52luq	%ymm\y, %ymm\m1, %ymm\acc1
	vpmadd52luq	%ymm\y, %ymm\m2, %ymm\acc2
	vpmadd52luq	%ymm\y, %ymm\m3, %ymm\acc3
	vpmadd52luq	%ymm\y, %ymm\m4, %ymm\acc4
.endm

.macro amm_hi acc0, acc1, acc2, acc3, acc4, a0, a1, a2, a3, a4, \
	      m0, m1, m2, m3, m4, y, off
	/* down a limb; the lowest one's carry is in V, the top gets 0 */
	valignq		$1, %ymm\acc0, %ymm\acc1, %ymm\acc0
	valignq		$1, %ymm\acc1, %ymm\acc2, %ymm\acc1
	valignq		$1, %ymm\acc2, %ymm\acc3, %ymm\acc2
	valignq		$1, %ymm\acc3, %ymm\acc4, %ymm\acc3
	valignq		$1, %ymm\acc4, %ymm\acc4, %ymm\acc4{%k1}{z}

	vpmadd52huq	\off(%rsi){1to4}, %ymm\a0, %ymm\acc0
	vpmadd52huq	\off(%rsi){1to4}, %ymm\a1, %ymm\acc1
	vpmadd52huq	\off(%rsi){1to4}, %ymm\a2, %ymm\acc2
	vpmadd52huq	\off(%rsi){1to4}, %ymm\a3, %ymm\acc3
	vpmadd52huq	\off(%rsi){1to4}, %ymm\a4, %ymm\acc4
	vpmadd52huq	%ymm\y, %ymm\m0, %ymm\acc0
	vpmadd52huq	%ymm\y, %ymm\m1, %ymm\acc1
	vpmadd52huq	%ymm\y, %ymm\m2, %ymm\acc2
	vpmadd52huq	%ymm\y, %ymm\m3, %ymm\acc3
	vpmadd52huq	%ymm\y, %ymm\m4, %ymm\acc4
.endm

/*
 * void tlshake_amm52x20_x2(u64 *r, const u64 *a, const u64 *b,
 *			    const u64 *m, const u64 *k0);
 *
 * r, a, b and m hold two integers each (words 0-19 and 20-39), k0 the
 * two values -1 / m mod 2^52.  r may be a or b.
 */
SYM_FUNC_START(tlshake_amm52x20_x2)
	pushq		%rbx
	pushq		%r13
	subq		$FRAME, %rsp

	movq		(%rsi), %rax
	movq		%rax, A0(%rsp)
	movq		HALF(%rsi), %rax
	movq		%rax, (A0 + 8)(%rsp)
	movq		(%r8), %rax
	movq		%rax, K0(%rsp)
	movq		8(%r8), %rax
	movq		%rax, (K0 + 8)(%rsp)

	vmovdqu64	0(%rsi), %ymm10
	vmovdqu64	32(%rsi), %ymm11
	vmovdqu64	64(%rsi), %ymm12
	vmovdqu64	96(%rsi), %ymm13
	vmovdqu64	128(%rsi), %ymm14
	vmovdqu64	HALF + 0(%rsi), %ymm15
	vmovdqu64	HALF + 32(%rsi), %ymm16
	vmovdqu64	HALF + 64(%rsi), %ymm17
	vmovdqu64	HALF + 96(%rsi), %ymm18
	vmovdqu64	HALF + 128(%rsi), %ymm19
	vmovdqu64	0(%rcx), %ymm20
	vmovdqu64	32(%rcx), %ymm21
	vmovdqu64	64(%rcx), %ymm22
	vmovdqu64	96(%rcx), %ymm23
	vmovdqu64	128(%rcx), %ymm24
	vmovdqu64	HALF + 0(%rcx), %ymm25
	vmovdqu64	HALF + 32(%rcx), %ymm26
	vmovdqu64	HALF + 64(%rcx), %ymm27
	vmovdqu64	HALF + 96(%rcx), %ymm28
	vmovdqu64	HALF + 128(%rcx), %ymm29

	/* %k1 keeps the three low lanes: the top limb's shift brings in 0 */
	movl		$7, %eax
	kmovw		%eax, %k1

	vpxor		%xmm0, %xmm0, %xmm0
	vpxor		%xmm1, %xmm1, %xmm1
	vpxor		%xmm2, %xmm2, %xmm2
	vpxor		%xmm3, %xmm3, %xmm3
	vpxor		%xmm4, %xmm4, %xmm4
	vpxor		%xmm5, %xmm5, %xmm5
	vpxor		%xmm6, %xmm6, %xmm6
	vpxor		%xmm7, %xmm7, %xmm7
	vpxor		%xmm8, %xmm8, %xmm8
	vpxor		%xmm9, %xmm9, %xmm9
	xorl		%r9d, %r9d
	xorl		%r13d, %r13d

	movq		%rdx, %rsi
	movl		$20, %r8d
.Lloop:
	amm_lo		0, 1, 2, 3, 4, 10, 11, 12, 13, 14, \
			20, 21, 22, 23, 24, 30, %r9, 0
	amm_lo		5, 6, 7, 8, 9, 15, 16, 17, 18, 19, \
			25, 26, 27, 28, 29, 31, %r13, HALF
	amm_hi		0, 1, 2, 3, 4, 10, 11, 12, 13, 14, \
			20, 21, 22, 23, 24, 30, 0
	amm_hi		5, 6, 7, 8, 9, 15, 16, 17, 18, 19, \
			25, 26, 27, 28, 29, 31, HALF
	addq		$8, %rsi
	decl		%r8d
	jnz		.Lloop

	vmovdqu64	%ymm0, 0(%rdi)
	vmovdqu64	%ymm1, 32(%rdi)
	vmovdqu64	%ymm2, 64(%rdi)
	vmovdqu64	%ymm3, 96(%rdi)
	vmovdqu64	%ymm4, 128(%rdi)
	vmovdqu64	%ymm5, HALF + 0(%rdi)
	vmovdqu64	%ymm6, HALF + 32(%rdi)
	vmovdqu64	%ymm7, HALF + 64(%rdi)
	vmovdqu64	%ymm8, HALF + 96(%rdi)
	vmovdqu64	%ymm9, HALF + 128(%rdi)
	/* the last carries out of the lowest limbs */
	addq		%r9, 0(%rdi)
	addq		%r13, HALF(%rdi)

	/* no secret left behind: vzeroall clears only registers 0-15 */
	vzeroall
	vpxord		%ymm16, %ymm16, %ymm16
	vpxord		%ymm17, %ymm17, %ymm17
	vpxord		%ymm18, %ymm18, %ymm18
	vpxord		%ymm19, %ymm19, %ymm19
	vpxord		%ymm20, %ymm20, %ymm20
	vpxord		%ymm21, %ymm21, %ymm21
	vpxord		%ymm22, %ymm22, %ymm22
	vpxord		%ymm23, %ymm23, %ymm23
	vpxord		%ymm24, %ymm24, %ymm24
	vpxord		%ymm25, %ymm25, %ymm25
	vpxord		%ymm26, %ymm26, %ymm26
	vpxord		%ymm27, %ymm27, %ymm27
	vpxord		%ymm28, %ymm28, %ymm28
	vpxord		%ymm29, %ymm29, %ymm29
	vpxord		%ymm30, %ymm30, %ymm30
	vpxord		%ymm31, %ymm31, %ymm31
	xorl		%eax, %eax
	movq		%rax, A0(%rsp)
	movq		%rax, (A0 + 8)(%rsp)

	addq		$FRAME, %rsp
	popq		%r13
	popq		%rbx
	RET
SYM_FUNC_END(tlshake_amm52x20_x2)
