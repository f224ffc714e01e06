/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the module's assembly takes from the kernel's <linux/linkage.h>,
 * for the userspace build of the same files.
 */
#ifndef _TLSHAKE_TEST_LINKAGE_H
#define _TLSHAKE_TEST_LINKAGE_H

.macro tlshake_sym_start name
	.globl \name
	.type \name, @function
	.p2align 4
	.set \name, .
.endm

.macro tlshake_sym_end name
	.set .Ltlshake_sym_end, .
	.size \name, .Ltlshake_sym_end - \name
.endm

#define SYM_FUNC_START(name)	tlshake_sym_start name
#define SYM_FUNC_END(name)	tlshake_sym_end name
#define RET			ret

#endif /* _TLSHAKE_TEST_LINKAGE_H */
