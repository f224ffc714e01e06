/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included (-include) into the objects of the constant-time check:
 * tlshake_declassify() then tells valgrind's memcheck that a value computed
 * from secrets may be revealed, so that it may decide a branch.
 */
#ifndef _TLSHAKE_CRYPTO_CTGRIND_H
#define _TLSHAKE_CRYPTO_CTGRIND_H

#include <valgrind/memcheck.h>

#define tlshake_declassify(ptr, len) \
	((void)VALGRIND_MAKE_MEM_DEFINED((ptr), (len)))

#endif /* _TLSHAKE_CRYPTO_CTGRIND_H */
