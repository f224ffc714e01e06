// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the key exchange: Wycheproof's X25519 and ECDH vectors,
 * known answers for the RFC 7919 groups, round trips and the rejection of
 * bad peer keys for every group.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "kex.h"

#include "wp_x25519.h"
#include "wp_ecdh_p256.h"
#include "wp_ecdh_p384.h"
#include "ffdhe_kat.h"

static const u16 kex_test_groups[] = {
	TLSHAKE_GROUP_X25519,
	TLSHAKE_GROUP_SECP256R1,
	TLSHAKE_GROUP_SECP384R1,
	TLSHAKE_GROUP_FFDHE2048,
	TLSHAKE_GROUP_FFDHE3072,
	TLSHAKE_GROUP_FFDHE4096,
};

static bool kex_test_is_ffdhe(u16 group)
{
	return group >= TLSHAKE_GROUP_FFDHE2048 &&
	       group <= TLSHAKE_GROUP_FFDHE4096;
}

/* Every case of x25519_test.json.  The "acceptable" ones are peer keys of
 * small order, on the twist, with the top bit set or not reduced modulo p.
 * We decode as RFC 7748 section 5 says (top bit ignored, values reduced)
 * and reject exactly the all-zero shared secret (RFC 8446 section 7.4.2):
 * such cases must fail, all others must give Wycheproof's secret.
 */
static void kex_test_x25519_wycheproof(struct kunit *test)
{
	struct tlshake_kex kex;
	u8 secret[TLSHAKE_KEX_MAX_SECRET];
	unsigned int i, rejected = 0;
	size_t len;
	int err;

	KUNIT_ASSERT_EQ(test, tlshake_kex_init(&kex, TLSHAKE_GROUP_X25519), 0);
	for (i = 0; i < ARRAY_SIZE(x25519_vectors); i++) {
		const struct x25519_vector *v = &x25519_vectors[i];
		bool zero = !memchr_inv(v->shared, 0, v->shared_len);

		cond_resched();
		err = tlshake_kex_set_private(&kex, v->private, v->private_len);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: private key", v->tc_id);
		if (err)
			continue;

		len = sizeof(secret);
		err = tlshake_kex_derive(&kex, v->public, v->public_len, secret,
					 &len);
		if (v->result == WP_INVALID || zero) {
			KUNIT_EXPECT_EQ_MSG(test, err, -EINVAL,
					    "tcId %d: accepted", v->tc_id);
			rejected++;
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: rejected", v->tc_id);
		if (err)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, len, (size_t)v->shared_len,
				    "tcId %d: length", v->tc_id);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, v->shared, len), 0,
				    "tcId %d: wrong secret", v->tc_id);
	}
	tlshake_kex_free(&kex);
	kunit_info(test, "x25519_test.json: %zu cases, %u rejected\n",
		   ARRAY_SIZE(x25519_vectors), rejected);
}

struct kex_test_ecdh_vector {
	int tc_id;
	const u8 *public;
	unsigned int public_len;
	const u8 *private;
	unsigned int private_len;
	const u8 *shared;
	unsigned int shared_len;
	enum wp_result result;
};

/* One case of ecdh_secp*_ecpoint_test.json, whose public keys are raw
 * SEC 1 points like a KeyShareEntry's.  The only "acceptable" case is a
 * compressed point: TLS 1.3 has no compressed points, we reject it.
 * Returns whether the peer key was rejected.
 */
static bool kex_test_ecdh_one(struct kunit *test, struct tlshake_kex *kex,
			      const struct kex_test_ecdh_vector *v)
{
	u8 secret[TLSHAKE_KEX_MAX_SECRET];
	size_t len = sizeof(secret);
	int err;

	err = tlshake_kex_set_private(kex, v->private, v->private_len);
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: private key", v->tc_id);
	if (err)
		return false;

	err = tlshake_kex_derive(kex, v->public, v->public_len, secret, &len);
	if (v->result != WP_VALID) {
		KUNIT_EXPECT_EQ_MSG(test, err, -EINVAL, "tcId %d: accepted",
				    v->tc_id);
		return true;
	}
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: rejected", v->tc_id);
	if (err)
		return true;
	KUNIT_EXPECT_EQ_MSG(test, len, (size_t)v->shared_len,
			    "tcId %d: length", v->tc_id);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, v->shared, len), 0,
			    "tcId %d: wrong secret", v->tc_id);
	return false;
}

static void kex_test_p256_wycheproof(struct kunit *test)
{
	struct tlshake_kex kex;
	unsigned int i, rejected = 0;

	KUNIT_ASSERT_EQ(test,
			tlshake_kex_init(&kex, TLSHAKE_GROUP_SECP256R1), 0);
	for (i = 0; i < ARRAY_SIZE(ecdh_p256_vectors); i++) {
		const struct ecdh_p256_vector *w = &ecdh_p256_vectors[i];
		struct kex_test_ecdh_vector v = {
			.tc_id = w->tc_id,
			.public = w->public, .public_len = w->public_len,
			.private = w->private, .private_len = w->private_len,
			.shared = w->shared, .shared_len = w->shared_len,
			.result = w->result,
		};

		rejected += kex_test_ecdh_one(test, &kex, &v);
		cond_resched();
	}
	tlshake_kex_free(&kex);
	kunit_info(test,
		   "ecdh_secp256r1_ecpoint_test.json: %zu cases, %u rejected\n",
		   ARRAY_SIZE(ecdh_p256_vectors), rejected);
}

static void kex_test_p384_wycheproof(struct kunit *test)
{
	struct tlshake_kex kex;
	unsigned int i, rejected = 0;

	KUNIT_ASSERT_EQ(test,
			tlshake_kex_init(&kex, TLSHAKE_GROUP_SECP384R1), 0);
	for (i = 0; i < ARRAY_SIZE(ecdh_p384_vectors); i++) {
		const struct ecdh_p384_vector *w = &ecdh_p384_vectors[i];
		struct kex_test_ecdh_vector v = {
			.tc_id = w->tc_id,
			.public = w->public, .public_len = w->public_len,
			.private = w->private, .private_len = w->private_len,
			.shared = w->shared, .shared_len = w->shared_len,
			.result = w->result,
		};

		rejected += kex_test_ecdh_one(test, &kex, &v);
		cond_resched();
	}
	tlshake_kex_free(&kex);
	kunit_info(test,
		   "ecdh_secp384r1_ecpoint_test.json: %zu cases, %u rejected\n",
		   ARRAY_SIZE(ecdh_p384_vectors), rejected);
}

/* Two fresh key pairs of every group agree on the secret. */
static void kex_test_round_trip(struct kunit *test)
{
	u8 *pub_a, *pub_b, *sec_a, *sec_b, *dup;
	struct tlshake_kex a, b;
	size_t la, lb, ld, sa, sb;
	unsigned int i;
	u16 group;

	pub_a = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC, GFP_KERNEL);
	pub_b = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC, GFP_KERNEL);
	sec_a = kunit_kzalloc(test, TLSHAKE_KEX_MAX_SECRET, GFP_KERNEL);
	sec_b = kunit_kzalloc(test, TLSHAKE_KEX_MAX_SECRET, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, pub_a && pub_b && sec_a && sec_b);

	for (i = 0; i < ARRAY_SIZE(kex_test_groups); i++) {
		group = kex_test_groups[i];
		KUNIT_EXPECT_TRUE(test, tlshake_kex_supported(group));
		KUNIT_EXPECT_EQ(test, tlshake_kex_is_ffdhe(group),
				kex_test_is_ffdhe(group));
		KUNIT_ASSERT_EQ_MSG(test, tlshake_kex_init(&a, group), 0,
				    "group %#06x", group);
		KUNIT_ASSERT_EQ_MSG(test, tlshake_kex_init(&b, group), 0,
				    "group %#06x", group);

		la = TLSHAKE_KEX_MAX_PUBLIC;
		lb = TLSHAKE_KEX_MAX_PUBLIC;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&a, pub_a, &la), 0);
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&b, pub_b, &lb), 0);
		KUNIT_EXPECT_EQ(test, la, tlshake_kex_public_len(group));
		KUNIT_EXPECT_EQ(test, lb, tlshake_kex_public_len(group));
		KUNIT_EXPECT_NE_MSG(test, memcmp(pub_a, pub_b, la), 0,
				    "group %#06x: equal public keys", group);
		if (group == TLSHAKE_GROUP_SECP256R1 ||
		    group == TLSHAKE_GROUP_SECP384R1)
			KUNIT_EXPECT_EQ(test, pub_a[0], 0x04);
		KUNIT_ASSERT_EQ(test, tlshake_kex_public_alloc(&a, &dup, &ld),
				0);
		KUNIT_EXPECT_EQ(test, ld, la);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(dup, pub_a, la), 0,
				    "group %#06x: allocated copy differs",
				    group);
		kfree(dup);

		sa = TLSHAKE_KEX_MAX_SECRET;
		sb = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ_MSG(test,
				    tlshake_kex_derive(&a, pub_b, lb, sec_a,
						       &sa), 0,
				    "group %#06x", group);
		KUNIT_EXPECT_EQ_MSG(test,
				    tlshake_kex_derive(&b, pub_a, la, sec_b,
						       &sb), 0,
				    "group %#06x", group);
		KUNIT_EXPECT_EQ(test, sa, sb);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(sec_a, sec_b, sa), 0,
				    "group %#06x: secrets differ", group);
		if (kex_test_is_ffdhe(group))
			KUNIT_EXPECT_EQ(test, sa, la);
		else if (group != TLSHAKE_GROUP_X25519)
			KUNIT_EXPECT_EQ(test, sa, (la - 1) / 2);
		else
			KUNIT_EXPECT_EQ(test, sa, (size_t)32);

		tlshake_kex_free(&a);
		tlshake_kex_free(&b);
	}
}

/* Lengths, buffer sizes, unknown groups and the life cycle. */
static void kex_test_api(struct kunit *test)
{
	static const u16 unsupported[] = { 0, 0x0019, 0x001e, 0x0103, 0xffff };
	u8 *pub, *secret, *dup;
	struct tlshake_kex kex;
	size_t len, plen;
	unsigned int i;
	u16 group;

	pub = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC + 1, GFP_KERNEL);
	secret = kunit_kzalloc(test, TLSHAKE_KEX_MAX_SECRET, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, pub && secret);

	for (i = 0; i < ARRAY_SIZE(unsupported); i++) {
		KUNIT_EXPECT_FALSE(test, tlshake_kex_supported(unsupported[i]));
		KUNIT_EXPECT_FALSE(test, tlshake_kex_is_ffdhe(unsupported[i]));
		KUNIT_EXPECT_EQ(test, tlshake_kex_public_len(unsupported[i]),
				(size_t)0);
		KUNIT_EXPECT_EQ(test, tlshake_kex_init(&kex, unsupported[i]),
				-EOPNOTSUPP);
		tlshake_kex_free(&kex);
	}

	for (i = 0; i < ARRAY_SIZE(kex_test_groups); i++) {
		group = kex_test_groups[i];
		plen = tlshake_kex_public_len(group);
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&kex, group), 0);

		len = plen - 1;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&kex, pub, &len),
				-ENOSPC);
		len = plen + 1;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&kex, pub, &len), 0);
		KUNIT_EXPECT_EQ(test, len, plen);

		/* Our own public key is a valid peer key. */
		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ_MSG(test, tlshake_kex_derive(&kex, pub, plen,
							     secret, &len), 0,
				    "group %#06x", group);
		len = 1;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub, plen,
							 secret, &len),
				-ENOSPC);

		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ_MSG(test, tlshake_kex_derive(&kex, pub,
							     plen - 1, secret,
							     &len), -EINVAL,
				    "group %#06x: short key", group);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_kex_derive(&kex, pub,
							     plen + 1, secret,
							     &len), -EINVAL,
				    "group %#06x: long key", group);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_kex_derive(&kex, pub, 0,
							     secret, &len),
				    -EINVAL, "group %#06x: empty key", group);

		tlshake_kex_free(&kex);
		tlshake_kex_free(&kex);
		len = TLSHAKE_KEX_MAX_PUBLIC;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&kex, pub, &len),
				-EINVAL);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub, plen,
							 secret, &len),
				-EINVAL);
		KUNIT_EXPECT_EQ(test, tlshake_kex_public_alloc(&kex, &dup,
							       &len),
				-EINVAL);
	}
}

/* A NIST peer key in any other form than 0x04 || X || Y is refused. */
static void kex_test_ecdh_encoding(struct kunit *test)
{
	static const u16 groups[] = {
		TLSHAKE_GROUP_SECP256R1, TLSHAKE_GROUP_SECP384R1
	};
	static const u8 tags[] = { 0x00, 0x02, 0x03, 0x05, 0x06, 0x07 };
	u8 pub[TLSHAKE_KEX_MAX_PUBLIC], secret[TLSHAKE_KEX_MAX_SECRET];
	struct tlshake_kex kex;
	unsigned int i, j;
	size_t len, plen;

	for (i = 0; i < ARRAY_SIZE(groups); i++) {
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&kex, groups[i]), 0);
		plen = sizeof(pub);
		KUNIT_ASSERT_EQ(test, tlshake_kex_public(&kex, pub, &plen), 0);

		for (j = 0; j < ARRAY_SIZE(tags); j++) {
			pub[0] = tags[j];
			len = sizeof(secret);
			KUNIT_EXPECT_EQ_MSG(test,
					    tlshake_kex_derive(&kex, pub, plen,
							       secret, &len),
					    -EINVAL, "tag %#04x", tags[j]);
		}

		/* The compressed form of a valid point */
		pub[0] = 0x02 | (pub[plen - 1] & 1);
		len = sizeof(secret);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub,
							 1 + (plen - 1) / 2,
							 secret, &len),
				-EINVAL);

		/* Only Y and p - Y are on the curve, not Y with a bit flipped */
		pub[0] = 0x04;
		pub[plen - 1] ^= 1;
		len = sizeof(secret);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub, plen,
							 secret, &len),
				-EINVAL);

		/* The point at infinity has no uncompressed form: all zero. */
		memset(pub + 1, 0, plen - 1);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub, plen,
							 secret, &len),
				-EINVAL);
		tlshake_kex_free(&kex);
	}
}

/* The test-only private keys span [1, n - 1]: d = n - 2 has the public key
 * of d = 2 with y negated; 0 and n are refused.  n is from SEC 2.
 */
static void kex_test_ecdh_scalar_range(struct kunit *test)
{
	static const u8 p256_n[] = {
		0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84,
		0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
	};
	static const u8 p384_n[] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xc7, 0x63, 0x4d, 0x81, 0xf4, 0x37, 0x2d, 0xdf,
		0x58, 0x1a, 0x0d, 0xb2, 0x48, 0xb0, 0xa7, 0x7a,
		0xec, 0xec, 0x19, 0x6a, 0xcc, 0xc5, 0x29, 0x73,
	};
	static const struct {
		u16 group;
		const u8 *n;
		size_t nbytes;
	} curves[] = {
		{ TLSHAKE_GROUP_SECP256R1, p256_n, sizeof(p256_n) },
		{ TLSHAKE_GROUP_SECP384R1, p384_n, sizeof(p384_n) },
	};
	u8 d[TLSHAKE_ECDH_MAX_BYTES];
	u8 pub2[TLSHAKE_KEX_MAX_PUBLIC], pub[TLSHAKE_KEX_MAX_PUBLIC];
	u8 secret[TLSHAKE_KEX_MAX_SECRET];
	struct tlshake_kex kex;
	size_t len, plen, nbytes;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(curves); i++) {
		nbytes = curves[i].nbytes;
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&kex, curves[i].group),
				0);

		KUNIT_EXPECT_EQ(test, tlshake_kex_set_private(&kex, "\x02", 1),
				0);
		plen = sizeof(pub2);
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&kex, pub2, &plen), 0);

		memcpy(d, curves[i].n, nbytes);
		d[nbytes - 1] -= 2;
		KUNIT_EXPECT_EQ(test, tlshake_kex_set_private(&kex, d, nbytes),
				0);
		len = sizeof(pub);
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&kex, pub, &len), 0);
		KUNIT_EXPECT_EQ(test, memcmp(pub, pub2, 1 + nbytes), 0);
		KUNIT_EXPECT_NE(test, memcmp(pub + 1 + nbytes, pub2 + 1 + nbytes,
					     nbytes), 0);
		/* On the curve, and y differs: it is p - y */
		len = sizeof(secret);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&kex, pub, plen, secret,
							 &len), 0);

		KUNIT_EXPECT_EQ(test, tlshake_kex_set_private(&kex, curves[i].n,
							      nbytes), -EINVAL);
		memset(d, 0, nbytes);
		KUNIT_EXPECT_EQ(test, tlshake_kex_set_private(&kex, d, nbytes),
				-EINVAL);
		tlshake_kex_free(&kex);
	}
}

static const struct ffdhe_kat *kex_test_find_kat(u16 group)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ffdhe_kats); i++)
		if (ffdhe_kats[i].group == group)
			return &ffdhe_kats[i];
	return NULL;
}

/* Known answers computed with Python's pow() for fixed exponents, over
 * primes computed from RFC 7919's definition (ffdhe_kat.py).  The secret
 * has a zero leading byte: TLS 1.3 keeps it, TLS 1.2 strips it.
 */
static void kex_test_ffdhe_kat(struct kunit *test)
{
	u8 *pub, *secret;
	struct tlshake_kex a, b;
	unsigned int i;
	size_t len;

	pub = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC, GFP_KERNEL);
	secret = kunit_kzalloc(test, TLSHAKE_KEX_MAX_SECRET, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, pub && secret);

	for (i = 0; i < ARRAY_SIZE(ffdhe_kats); i++) {
		const struct ffdhe_kat *k = &ffdhe_kats[i];

		KUNIT_ASSERT_EQ(test, k->z[0], 0);
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&a, k->group), 0);
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&b, k->group), 0);
		KUNIT_ASSERT_EQ(test, tlshake_kex_set_private(&a, k->x_a,
							      k->x_a_len), 0);
		KUNIT_ASSERT_EQ(test, tlshake_kex_set_private(&b, k->x_b,
							      k->x_b_len), 0);

		len = TLSHAKE_KEX_MAX_PUBLIC;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&a, pub, &len), 0);
		KUNIT_EXPECT_EQ(test, len, (size_t)k->len);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(pub, k->y_a, k->len), 0,
				    "group %#06x: public key A", k->group);
		len = TLSHAKE_KEX_MAX_PUBLIC;
		KUNIT_EXPECT_EQ(test, tlshake_kex_public(&b, pub, &len), 0);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(pub, k->y_b, k->len), 0,
				    "group %#06x: public key B", k->group);

		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&a, k->y_b, k->len,
							 secret, &len), 0);
		KUNIT_EXPECT_EQ(test, len, (size_t)k->len);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, k->z, k->len), 0,
				    "group %#06x: secret A", k->group);
		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&b, k->y_a, k->len,
							 secret, &len), 0);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, k->z, k->len), 0,
				    "group %#06x: secret B", k->group);

		/* TLS 1.2: the zero leading byte is stripped. */
		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive_tls12(&a, k->y_b,
							       k->len, secret,
							       &len), 0);
		KUNIT_EXPECT_EQ(test, len, (size_t)k->len - 1);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, k->z + 1, len), 0,
				    "group %#06x: TLS 1.2 secret", k->group);

		/* TLS 1.2 takes Y without leading zeros: Y = g = 2 in one
		 * byte gives g^x_a, A's public key.  TLS 1.3 does not.
		 */
		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive_tls12(&a, "\x02", 1,
							       secret, &len),
				0);
		KUNIT_EXPECT_EQ(test, len, (size_t)k->len);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(secret, k->y_a, len), 0,
				    "group %#06x: TLS 1.2, short Y", k->group);
		len = TLSHAKE_KEX_MAX_SECRET;
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive(&a, "\x02", 1, secret,
							 &len), -EINVAL);
		KUNIT_EXPECT_EQ(test, tlshake_kex_derive_tls12(&a, "", 0,
							       secret, &len),
				-EINVAL);

		tlshake_kex_free(&a);
		tlshake_kex_free(&b);
	}
}

/* 1 < Y < p - 1 (RFC 7919 section 5.1): 0, 1, p - 1, p and beyond fail. */
/* TLS 1.2 parameters (p, g) name an RFC 7919 group only if they are its
 * prime, as computed from the RFC's definition, and 2, leading zeros
 * allowed.
 */
static void kex_test_ffdhe_named(struct kunit *test)
{
	static const u8 g2[] = { 0, 2 }, g5[] = { 5 };
	const struct ffdhe_kat *k;
	unsigned int i;
	u8 *p;

	p = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < ARRAY_SIZE(ffdhe_kats); i++) {
		k = &ffdhe_kats[i];
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(k->p, k->len,
							      g2 + 1, 1),
				k->group);
		p[0] = 0;
		memcpy(p + 1, k->p, k->len);
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(p, k->len + 1,
							      g2, 2),
				k->group);
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(k->p, k->len,
							      g5, 1), 0);
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(k->p, k->len,
							      g2, 1), 0);
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(k->p, k->len - 1,
							      g2 + 1, 1), 0);
		p[k->len] ^= 0x02;
		KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(p + 1, k->len,
							      g2 + 1, 1), 0);
	}
	KUNIT_EXPECT_EQ(test, tlshake_kex_ffdhe_named(p, 0, g2, 2), 0);
}

static void kex_test_ffdhe_peer_range(struct kunit *test)
{
	enum { ZERO, ONE, P_MINUS_1, P, ALL_ONES, TWO, P_MINUS_2, NVALUES };
	static const char * const names[] = {
		"0", "1", "p - 1", "p", "2^n - 1", "2", "p - 2"
	};
	u8 *y, *secret;
	struct tlshake_kex kex;
	const struct ffdhe_kat *k;
	unsigned int i, v;
	size_t len;
	int err;

	y = kunit_kzalloc(test, TLSHAKE_KEX_MAX_PUBLIC, GFP_KERNEL);
	secret = kunit_kzalloc(test, TLSHAKE_KEX_MAX_SECRET, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, y && secret);

	for (i = 0; i < ARRAY_SIZE(kex_test_groups); i++) {
		if (!kex_test_is_ffdhe(kex_test_groups[i]))
			continue;
		k = kex_test_find_kat(kex_test_groups[i]);
		KUNIT_ASSERT_NOT_NULL(test, k);
		/* Every RFC 7919 prime ends in 0xff: no borrows below. */
		KUNIT_ASSERT_EQ(test, k->p[k->len - 1], 0xff);
		KUNIT_ASSERT_EQ(test, tlshake_kex_init(&kex, k->group), 0);

		for (v = 0; v < NVALUES; v++) {
			memset(y, 0, k->len);
			switch (v) {
			case ONE:
			case TWO:
				y[k->len - 1] = v == ONE ? 1 : 2;
				break;
			case P_MINUS_1:
			case P:
			case P_MINUS_2:
				memcpy(y, k->p, k->len);
				y[k->len - 1] -= v == P ? 0 :
						 v == P_MINUS_1 ? 1 : 2;
				break;
			case ALL_ONES:
				memset(y, 0xff, k->len);
				break;
			}
			len = TLSHAKE_KEX_MAX_SECRET;
			err = tlshake_kex_derive(&kex, y, k->len, secret, &len);
			KUNIT_EXPECT_EQ_MSG(test, err, v < TWO ? -EINVAL : 0,
					    "group %#06x, Y = %s", k->group,
					    names[v]);
			len = TLSHAKE_KEX_MAX_SECRET;
			err = tlshake_kex_derive_tls12(&kex, y, k->len, secret,
						       &len);
			KUNIT_EXPECT_EQ_MSG(test, err, v < TWO ? -EINVAL : 0,
					    "group %#06x, TLS 1.2, Y = %s",
					    k->group, names[v]);
		}
		tlshake_kex_free(&kex);
	}
}

static struct kunit_case kex_test_cases[] = {
	KUNIT_CASE(kex_test_x25519_wycheproof),
	KUNIT_CASE(kex_test_p256_wycheproof),
	KUNIT_CASE(kex_test_p384_wycheproof),
	KUNIT_CASE(kex_test_round_trip),
	KUNIT_CASE(kex_test_api),
	KUNIT_CASE(kex_test_ecdh_encoding),
	KUNIT_CASE(kex_test_ecdh_scalar_range),
	KUNIT_CASE(kex_test_ffdhe_kat),
	KUNIT_CASE(kex_test_ffdhe_named),
	KUNIT_CASE(kex_test_ffdhe_peer_range),
	{}
};

static struct kunit_suite kex_test_suite = {
	.name = "tlshake_kex",
	.test_cases = kex_test_cases,
};

kunit_test_suite(kex_test_suite);
