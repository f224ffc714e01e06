/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The environment of tlshake's pure code: the files that turn untrusted
 * bytes into structures (record and handshake parsing, DER, X.509).
 *
 * Pure code takes (buffer, length), returns a result or a negative errno,
 * and calls nothing but the helpers below: no socket, no crypto, no
 * allocation.  It includes this header instead of kernel headers, so the
 * very same files also build as ordinary userspace C, where fuzzers run
 * them under AddressSanitizer and UndefinedBehaviorSanitizer.
 *
 * In the kernel this header only pulls in the kernel's own definitions.
 * In userspace it supplies the same names: the fixed-size integer types,
 * time64_t, bool, size_t, the errno values, memcpy() and friends, BIT(),
 * ARRAY_SIZE(), the big-endian get_unaligned_*()/put_unaligned_*()
 * accessors, and EXPORT_SYMBOL_IF_KUNIT()/VISIBLE_IF_KUNIT as no-ops.
 */
#ifndef _NET_TLSHAKE_PURE_H
#define _NET_TLSHAKE_PURE_H

#ifdef __KERNEL__

#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/types.h>
#include <asm/unaligned.h>
#include <kunit/visibility.h>

#else /* !__KERNEL__ */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* As asm-generic/int-ll64.h defines them. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef s64 time64_t;

#define BIT(nr)			(1UL << (nr))
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define __must_check		__attribute__((__warn_unused_result__))
#define fallthrough		__attribute__((__fallthrough__))

/* Nothing is exported from a userspace build. */
#define EXPORT_SYMBOL_IF_KUNIT(sym)
#define VISIBLE_IF_KUNIT

static inline u16 get_unaligned_be16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] << 8 | b[1]);
}

static inline u32 get_unaligned_be24(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 16 | (u32)b[1] << 8 | b[2];
}

static inline u32 get_unaligned_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static inline u64 get_unaligned_be64(const void *p)
{
	const u8 *b = p;

	return (u64)get_unaligned_be32(b) << 32 | get_unaligned_be32(b + 4);
}

static inline void put_unaligned_be16(u16 val, void *p)
{
	u8 *b = p;

	b[0] = (u8)(val >> 8);
	b[1] = (u8)val;
}

static inline void put_unaligned_be24(u32 val, void *p)
{
	u8 *b = p;

	b[0] = (u8)(val >> 16);
	b[1] = (u8)(val >> 8);
	b[2] = (u8)val;
}

static inline void put_unaligned_be32(u32 val, void *p)
{
	u8 *b = p;

	b[0] = (u8)(val >> 24);
	b[1] = (u8)(val >> 16);
	b[2] = (u8)(val >> 8);
	b[3] = (u8)val;
}

static inline void put_unaligned_be64(u64 val, void *p)
{
	u8 *b = p;

	put_unaligned_be32((u32)(val >> 32), b);
	put_unaligned_be32((u32)val, b + 4);
}

/* memset() that the compiler cannot drop, for wiping secrets. */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

#endif /* __KERNEL__ */

/* Constant-time code marks with tlshake_declassify() a value computed from
 * secrets that it may reveal, such as whether a random draw was rejected.
 * It does nothing, except in the userspace constant-time test, which
 * defines it to tell valgrind that the value may decide a branch.
 */
#ifndef tlshake_declassify
#define tlshake_declassify(ptr, len)	do { } while (0)
#endif

#endif /* _NET_TLSHAKE_PURE_H */
