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
 * after the shift, in place.  Each y depends on the previous one; two
 * products, whose chains interleave, keep the multipliers busy.
 *
 * Also here, the look-up of a power in the exponentiation's table.
 *
 * Constant time: the loops run a fixed number of times whatever the
 * values, and no address depends on them.
 */

#include <linux/linkage.h>

.section .rodata.cst8, "aM", @progbits, 8
.align 8
.Lmask52:
	.quad	0xfffffffffffff

.text

/* Stack frame: the two lowest limbs of each a, then each k0. */
#define A0		0
#define K0		32
#define FRAME		48

/* The second product's operands follow the first's, 20 words later. */
#define HALF		160

/*
 * ACC: the accumulator, A: a, 5 ymm registers each; BI, Y: b_i and y
 * broadcast; V: the lowest limb; OFF: 0 or HALF.
 *
 * The lowest limb is followed exactly in V, with the carries that the
 * vector lanes do not see: its next value is the second lane as it was
 * before this pass, plus the products that land there, computed here
 * again with mulx.  The chain from one y to the next thus stays in the
 * general registers, and the vector unit has two passes to deliver the
 * second lane.
 */
.macro amm_lo acc0, acc1, acc2, acc3, acc4, a0, a1, a2, a3, a4, \
	      bi, y, v, off
	movq		\off(%rsi), %rdx
	vpbroadcastq	\off(%rsi), %ymm\bi
	/* V += lo(a_0 b_i); %rax = hi(a_0 b_i) + lo(a_1 b_i) + lane 1 */
	mulx		(A0 + 16 * (\off / HALF))(%rsp), %rbx, %rax
	shldq		$12, %rbx, %rax
	andq		.Lmask52(%rip), %rbx
	addq		%rbx, \v
	mulx		(A0 + 16 * (\off / HALF) + 8)(%rsp), %rbx, %r10
	andq		.Lmask52(%rip), %rbx
	addq		%rbx, %rax
	vpextrq		$1, %xmm\acc0, %rbx
	addq		%rbx, %rax
	/* y = V k0 mod 2^52 */
	movq		\v, %rdx
	imulq		(K0 + 8 * (\off / HALF))(%rsp), %rdx
	andq		.Lmask52(%rip), %rdx
	vpbroadcastq	%rdx, %ymm\y
	/* V + lo(m_0 y) is a multiple of 2^52: keep its carry */
	mulx		\off(%rcx), %rbx, %r10
	shldq		$12, %rbx, %r10
	andq		.Lmask52(%rip), %rbx
	addq		%rbx, \v
	shrq		$52, \v
	/* the next lowest limb: that carry, %rax, hi(m_0 y), lo(m_1 y) */
	addq		%r10, \v
	addq		%rax, \v
	mulx		(\off + 8)(%rcx), %rbx, %r10
	andq		.Lmask52(%rip), %rbx
	addq		%rbx, \v

	vpmadd52luq	%ymm\bi, %ymm\a0, %ymm\acc0
	vpmadd52luq	%ymm\bi, %ymm\a1, %ymm\acc1
	vpmadd52luq	%ymm\bi, %ymm\a2, %ymm\acc2
	vpmadd52luq	%ymm\bi, %ymm\a3, %ymm\acc3
	vpmadd52luq	%ymm\bi, %ymm\a4, %ymm\acc4
	vpmadd52luq	(\off + 0)(%rcx), %ymm\y, %ymm\acc0
	vpmadd52luq	(\off + 32)(%rcx), %ymm\y, %ymm\acc1
	vpmadd52luq	(\off + 64)(%rcx), %ymm\y, %ymm\acc2
	vpmadd52luq	(\off + 96)(%rcx), %ymm\y, %ymm\acc3
	vpmadd52luq	(\off + 128)(%rcx), %ymm\y, %ymm\acc4
.endm

.macro amm_hi acc0, acc1, acc2, acc3, acc4, a0, a1, a2, a3, a4, \
	      bi, y, off
	/* down a limb; the lowest one's carry is in V, the top gets 0 */
	valignq		$1, %ymm\acc0, %ymm\acc1, %ymm\acc0
	valignq		$1, %ymm\acc1, %ymm\acc2, %ymm\acc1
	valignq		$1, %ymm\acc2, %ymm\acc3, %ymm\acc2
	valignq		$1, %ymm\acc3, %ymm\acc4, %ymm\acc3
	valignq		$1, %ymm\acc4, %ymm\acc4, %ymm\acc4{%k1}{z}

	vpmadd52huq	%ymm\bi, %ymm\a0, %ymm\acc0
	vpmadd52huq	%ymm\bi, %ymm\a1, %ymm\acc1
	vpmadd52huq	%ymm\bi, %ymm\a2, %ymm\acc2
	vpmadd52huq	%ymm\bi, %ymm\a3, %ymm\acc3
	vpmadd52huq	%ymm\bi, %ymm\a4, %ymm\acc4
	vpmadd52huq	(\off + 0)(%rcx), %ymm\y, %ymm\acc0
	vpmadd52huq	(\off + 32)(%rcx), %ymm\y, %ymm\acc1
	vpmadd52huq	(\off + 64)(%rcx), %ymm\y, %ymm\acc2
	vpmadd52huq	(\off + 96)(%rcx), %ymm\y, %ymm\acc3
	vpmadd52huq	(\off + 128)(%rcx), %ymm\y, %ymm\acc4
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
	movq		8(%rsi), %rax
	movq		%rax, (A0 + 8)(%rsp)
	movq		HALF(%rsi), %rax
	movq		%rax, (A0 + 16)(%rsp)
	movq		(HALF + 8)(%rsi), %rax
	movq		%rax, (A0 + 24)(%rsp)
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
	amm_lo		0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 30, %r9, 0
	amm_lo		5, 6, 7, 8, 9, 15, 16, 17, 18, 19, 21, 31, %r13, HALF
	amm_hi		0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 30, 0
	amm_hi		5, 6, 7, 8, 9, 15, 16, 17, 18, 19, 21, 31, HALF
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
	/* the lowest limbs, with the carries the vector lanes lack */
	movq		%r9, 0(%rdi)
	movq		%r13, HALF(%rdi)

	/* no secret left behind: vzeroall clears only registers 0-15 */
	vzeroall
	vpxord		%ymm16, %ymm16, %ymm16
	vpxord		%ymm17, %ymm17, %ymm17
	vpxord		%ymm18, %ymm18, %ymm18
	vpxord		%ymm19, %ymm19, %ymm19
	vpxord		%ymm20, %ymm20, %ymm20
	vpxord		%ymm21, %ymm21, %ymm21
	vpxord		%ymm30, %ymm30, %ymm30
	vpxord		%ymm31, %ymm31, %ymm31
	xorl		%eax, %eax
	movq		%rax, A0(%rsp)
	movq		%rax, (A0 + 8)(%rsp)
	movq		%rax, (A0 + 16)(%rsp)
	movq		%rax, (A0 + 24)(%rsp)

	addq		$FRAME, %rsp
	popq		%r13
	popq		%rbx
	RET
SYM_FUNC_END(tlshake_amm52x20_x2)

/*
 * void tlshake_amm52x20_select2(u64 *r, const u64 *table, u64 idx0,
 *				 u64 idx1);
 *
 * From a table of 32 entries of 40 words (two integers each), entry idx0's
 * first integer and entry idx1's second one, into r.  Every entry is read
 * in full and kept or dropped by a mask, so that neither index shows in
 * the addresses read.
 */
SYM_FUNC_START(tlshake_amm52x20_select2)
	vpbroadcastq	%rdx, %ymm10
	vpbroadcastq	%rcx, %ymm11
	vpxor		%xmm12, %xmm12, %xmm12
	movl		$1, %eax
	vpbroadcastq	%rax, %ymm13

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

	movl		$32, %eax
.Lselect:
	/* all ones where the entry is the one wanted, else zero */
	vpcmpeqq	%ymm10, %ymm12, %ymm14
	vpcmpeqq	%ymm11, %ymm12, %ymm15
	/* r |= mask & entry, imm 0xf8 being dst | (src1 & src2) */
	vpternlogq	$0xf8, 0(%rsi), %ymm14, %ymm0
	vpternlogq	$0xf8, 32(%rsi), %ymm14, %ymm1
	vpternlogq	$0xf8, 64(%rsi), %ymm14, %ymm2
	vpternlogq	$0xf8, 96(%rsi), %ymm14, %ymm3
	vpternlogq	$0xf8, 128(%rsi), %ymm14, %ymm4
	vpternlogq	$0xf8, HALF + 0(%rsi), %ymm15, %ymm5
	vpternlogq	$0xf8, HALF + 32(%rsi), %ymm15, %ymm6
	vpternlogq	$0xf8, HALF + 64(%rsi), %ymm15, %ymm7
	vpternlogq	$0xf8, HALF + 96(%rsi), %ymm15, %ymm8
	vpternlogq	$0xf8, HALF + 128(%rsi), %ymm15, %ymm9
	vpaddq		%ymm13, %ymm12, %ymm12
	addq		$2 * HALF, %rsi
	decl		%eax
	jnz		.Lselect

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
	vzeroall
	RET
SYM_FUNC_END(tlshake_amm52x20_select2)

