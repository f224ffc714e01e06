// SPDX-License-Identifier: GPL-2.0
/*
 * What bignum_ifma.c needs from the kernel on x86-64: whether the CPU and
 * the kernel let it use AVX-512 IFMA on ymm registers, and the vector unit
 * itself.
 */

#include <linux/cache.h>
#include <linux/init.h>
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>
#include <asm/simd.h>

#include "bignum.h"

/* The CPU has the instructions and the kernel saves their registers. */
static bool bn_ifma_cpu __ro_after_init;

/**
 * bn_ifma_init() - find out once whether the IFMA code can run here
 */
void __init bn_ifma_init(void)
{
	bn_ifma_cpu = boot_cpu_has(X86_FEATURE_AVX512IFMA) &&
		      boot_cpu_has(X86_FEATURE_AVX512VL) &&
		      cpu_has_xfeatures(XFEATURE_MASK_SSE | XFEATURE_MASK_YMM |
					XFEATURE_MASK_AVX512, NULL);
}

/**
 * bn_ifma_usable() - whether bn_mont_exp2_ifma() may run now
 *
 * Return: true where the CPU has AVX-512 IFMA and VL and the context
 * allows the vector unit (process context, as RSA signing is).
 */
bool bn_ifma_usable(void)
{
	return bn_ifma_cpu && may_use_simd();
}

/**
 * bn_ifma_begin() - take the vector unit, for a short while
 *
 * Preemption stays off until bn_ifma_end().
 */
void bn_ifma_begin(void)
{
	kernel_fpu_begin();
}

/**
 * bn_ifma_end() - give the vector unit back
 *
 * The assembly has cleared the registers it used.
 */
void bn_ifma_end(void)
{
	kernel_fpu_end();
}
