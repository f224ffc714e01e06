/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the userspace tests of tlshake's arithmetic share: a seeded
 * generator (the seed is printed, and SEED=... replays a run), failure
 * reporting, the iteration count, and conversions to OpenSSL's BIGNUM.
 */
#ifndef _TLSHAKE_CRYPTO_TESTUTIL_H
#define _TLSHAKE_CRYPTO_TESTUTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <openssl/bn.h>

#include "pure.h"

static unsigned long test_failures;
static unsigned long test_checks;

/* Report a failed check, and stop after a screenful. */
static void __attribute__((format(printf, 1, 2))) test_fail(const char *fmt,
							   ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "FAIL: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	if (++test_failures >= 20) {
		fprintf(stderr, "too many failures\n");
		exit(1);
	}
}

#define CHECK(cond, ...) do {						\
	test_checks++;							\
	if (!(cond))							\
		test_fail(__VA_ARGS__);					\
} while (0)

/* xoshiro256** seeded by splitmix64 */
static u64 rng_state[4];

static u64 rng_next(void)
{
	u64 *s = rng_state, r = s[1] * 5, t = s[1] << 17;

	r = ((r << 7) | (r >> 57)) * 9;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = (s[3] << 45) | (s[3] >> 19);
	return r;
}

static u64 rng_seed(void)
{
	const char *env = getenv("SEED");
	u64 seed = env ? strtoull(env, NULL, 0) : (u64)time(NULL);
	u64 z = seed;
	int i;

	for (i = 0; i < 4; i++) {
		z += 0x9e3779b97f4a7c15ULL;
		rng_state[i] = z;
		rng_state[i] = (rng_state[i] ^ (rng_state[i] >> 30)) *
			       0xbf58476d1ce4e5b9ULL;
		rng_state[i] = (rng_state[i] ^ (rng_state[i] >> 27)) *
			       0x94d049bb133111ebULL;
		rng_state[i] ^= rng_state[i] >> 31;
	}
	return seed;
}

static void rng_bytes(u8 *buf, size_t len)
{
	u64 v = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (!(i % 8))
			v = rng_next();
		buf[i] = (u8)v;
		v >>= 8;
	}
}

/*
 * Random bytes biased towards the edges: runs of zero and 0xff bytes and
 * single bits make carries and reductions go to their limits.
 */
static void __attribute__((unused)) rng_bytes_edgy(u8 *buf, size_t len)
{
	size_t i;

	rng_bytes(buf, len);
	switch (rng_next() % 4) {
	case 0:
		for (i = 0; i < len; i++)
			if (rng_next() % 3 == 0)
				buf[i] = rng_next() & 1 ? 0xff : 0x00;
		break;
	case 1:
		memset(buf, rng_next() & 1 ? 0xff : 0x00, len);
		buf[rng_next() % len] ^= (u8)(1 << (rng_next() % 8));
		break;
	default:
		break;
	}
}

/* The iteration count: ITERS in the environment, else @def. */
static unsigned long test_iters(unsigned long def)
{
	const char *env = getenv("ITERS");

	return env ? strtoul(env, NULL, 0) : def;
}

static int test_done(const char *name)
{
	printf("%s: %lu checks, %lu failed\n", name, test_checks,
	       test_failures);
	return test_failures ? 1 : 0;
}

/* Big-endian bytes to and from BIGNUM */
static __attribute__((unused)) BIGNUM *bn_from(const u8 *buf, size_t len)
{
	BIGNUM *bn = BN_bin2bn(buf, (int)len, NULL);

	if (!bn)
		abort();
	return bn;
}

static void __attribute__((unused)) bn_to(u8 *buf, size_t len,
					  const BIGNUM *bn)
{
	if (BN_bn2binpad(bn, buf, (int)len) < 0)
		abort();
}

static void __attribute__((unused)) hexdump(const char *label, const u8 *buf,
					     size_t len)
{
	size_t i;

	fprintf(stderr, "  %s: ", label);
	for (i = 0; i < len; i++)
		fprintf(stderr, "%02x", buf[i]);
	fprintf(stderr, "\n");
}

#endif /* _TLSHAKE_CRYPTO_TESTUTIL_H */
