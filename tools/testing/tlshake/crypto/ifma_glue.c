// SPDX-License-Identifier: GPL-2.0
/*
 * What bignum_x86.c does in the kernel, for the userspace build: the CPU
 * check, and no vector unit to take, since userspace owns its registers.
 */
#include "bignum.h"
#include "ifma_glue.h"

static bool ifma_glue_on = true;

bool ifma_glue_cpu(void)
{
	/* GCC's check includes the OS's support of the AVX-512 state. */
	return __builtin_cpu_supports("avx512ifma") &&
	       __builtin_cpu_supports("avx512vl");
}

void ifma_glue_enable(bool on)
{
	ifma_glue_on = on;
}

bool bn_ifma_usable(void)
{
	return ifma_glue_on && ifma_glue_cpu();
}

void bn_ifma_begin(void)
{
}

void bn_ifma_end(void)
{
}
