// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the key derivation functions: HKDF against RFC 5869 and
 * Wycheproof, HMAC against Wycheproof, the bounds of HKDF-Expand-Label and
 * the TLS 1.2 PRF against published known answers.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "kdf.h"
#include "wp_hkdf_sha256.h"
#include "wp_hkdf_sha384.h"
#include "wp_hmac_sha256.h"
#include "wp_hmac_sha384.h"

/* A byte string written as a string literal, for tables of vectors. */
struct test_bytes {
	const u8 *data;
	unsigned int len;
};

#define TB(s) { .data = (const u8 *)(s), .len = sizeof(s) - 1 }

static void expect_bytes(struct kunit *test, const u8 *got, unsigned int len,
			 const u8 *want, unsigned int want_len, const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, len, want_len, "%s: length", what);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want, min(len, want_len)), 0,
			    "%s: got %*phN", what, min(len, 64U), got);
}

/* Compare @len bytes at @got with the string literal @want. */
#define EXPECT_BYTES(test, got, len, want, what) \
	expect_bytes(test, got, len, (const u8 *)(want), sizeof(want) - 1, what)

static void kdf_test_hash_len(struct kunit *test)
{
	struct tlshake_kdf kdf;

	KUNIT_EXPECT_EQ(test, tlshake_hash_len(TLSHAKE_HASH_SHA256), 32U);
	KUNIT_EXPECT_EQ(test, tlshake_hash_len(TLSHAKE_HASH_SHA384), 48U);
	KUNIT_EXPECT_EQ(test, tlshake_hash_len(TLSHAKE_NR_HASHES), 0U);
	KUNIT_EXPECT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_NR_HASHES),
			-EINVAL);
	tlshake_kdf_free(&kdf);
}

/* RFC 5869 appendix A.1 to A.3, the SHA-256 test cases. */
static void kdf_test_rfc5869(struct kunit *test)
{
	static const struct {
		struct test_bytes ikm, salt, info, prk, okm;
	} cases[] = {
		{	/* A.1 */
			.ikm = TB("\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
				  "\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"),
			.salt = TB("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"
				   "\x0a\x0b\x0c"),
			.info = TB("\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9"),
			.prk = TB("\x07\x77\x09\x36\x2c\x2e\x32\xdf\x0d\xdc\x3f"
				  "\x0d\xc4\x7b\xba\x63\x90\xb6\xc7\x3b\xb5\x0f"
				  "\x9c\x31\x22\xec\x84\x4a\xd7\xc2\xb3\xe5"),
			.okm = TB("\x3c\xb2\x5f\x25\xfa\xac\xd5\x7a\x90\x43\x4f"
				  "\x64\xd0\x36\x2f\x2a\x2d\x2d\x0a\x90\xcf\x1a"
				  "\x5a\x4c\x5d\xb0\x2d\x56\xec\xc4\xc5\xbf\x34"
				  "\x00\x72\x08\xd5\xb8\x87\x18\x58\x65"),
		},
		{	/* A.2 */
			.ikm = TB("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"
				  "\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
				  "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20"
				  "\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\x2b"
				  "\x2c\x2d\x2e\x2f\x30\x31\x32\x33\x34\x35\x36"
				  "\x37\x38\x39\x3a\x3b\x3c\x3d\x3e\x3f\x40\x41"
				  "\x42\x43\x44\x45\x46\x47\x48\x49\x4a\x4b\x4c"
				  "\x4d\x4e\x4f"),
			.salt = TB("\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69"
				   "\x6a\x6b\x6c\x6d\x6e\x6f\x70\x71\x72\x73"
				   "\x74\x75\x76\x77\x78\x79\x7a\x7b\x7c\x7d"
				   "\x7e\x7f\x80\x81\x82\x83\x84\x85\x86\x87"
				   "\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91"
				   "\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b"
				   "\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5"
				   "\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"),
			.info = TB("\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9"
				   "\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3"
				   "\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd"
				   "\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7"
				   "\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1"
				   "\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb"
				   "\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5"
				   "\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff"),
			.prk = TB("\x06\xa6\xb8\x8c\x58\x53\x36\x1a\x06\x10\x4c"
				  "\x9c\xeb\x35\xb4\x5c\xef\x76\x00\x14\x90\x46"
				  "\x71\x01\x4a\x19\x3f\x40\xc1\x5f\xc2\x44"),
			.okm = TB("\xb1\x1e\x39\x8d\xc8\x03\x27\xa1\xc8\xe7\xf7"
				  "\x8c\x59\x6a\x49\x34\x4f\x01\x2e\xda\x2d\x4e"
				  "\xfa\xd8\xa0\x50\xcc\x4c\x19\xaf\xa9\x7c\x59"
				  "\x04\x5a\x99\xca\xc7\x82\x72\x71\xcb\x41\xc6"
				  "\x5e\x59\x0e\x09\xda\x32\x75\x60\x0c\x2f\x09"
				  "\xb8\x36\x77\x93\xa9\xac\xa3\xdb\x71\xcc\x30"
				  "\xc5\x81\x79\xec\x3e\x87\xc1\x4c\x01\xd5\xc1"
				  "\xf3\x43\x4f\x1d\x87"),
		},
		{	/* A.3: no salt, no info */
			.ikm = TB("\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
				  "\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"),
			.salt = TB(""),
			.info = TB(""),
			.prk = TB("\x19\xef\x24\xa3\x2c\x71\x7b\x16\x7f\x33\xa9"
				  "\x1d\x6f\x64\x8b\xdf\x96\x59\x67\x76\xaf\xdb"
				  "\x63\x77\xac\x43\x4c\x1c\x29\x3c\xcb\x04"),
			.okm = TB("\x8d\xa4\xe7\x75\xa5\x63\xc1\x8f\x71\x5f\x80"
				  "\x2a\x06\x3c\x5a\x31\xb8\xa1\x1f\x5c\x5e\xe1"
				  "\x87\x9e\xc3\x45\x4e\x5f\x3c\x73\x8d\x2d\x9d"
				  "\x20\x13\x95\xfa\xa4\xb6\x1a\x96\xc8"),
		},
	};
	u8 prk[32], okm[82];
	struct tlshake_kdf kdf;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA256), 0);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_EXPECT_EQ(test, tlshake_hkdf_extract(&kdf,
							   cases[i].salt.data,
							   cases[i].salt.len,
							   cases[i].ikm.data,
							   cases[i].ikm.len,
							   prk), 0);
		expect_bytes(test, prk, sizeof(prk), cases[i].prk.data,
			     cases[i].prk.len, "PRK");
		KUNIT_ASSERT_LE(test, cases[i].okm.len, sizeof(okm));
		KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand(&kdf, prk, sizeof(prk),
							  cases[i].info.data,
							  cases[i].info.len,
							  okm, cases[i].okm.len),
				0);
		expect_bytes(test, okm, cases[i].okm.len, cases[i].okm.data,
			     cases[i].okm.len, "OKM");
	}
	tlshake_kdf_free(&kdf);
}

/* One Wycheproof HKDF case: "valid" must give the expected output, and the
 * "invalid" ones ask for more than 255 * HashLen bytes, which must be
 * refused.
 */
static void hkdf_check(struct kunit *test, struct tlshake_kdf *kdf,
		       int tc_id, const u8 *ikm, unsigned int ikm_len,
		       const u8 *salt, unsigned int salt_len,
		       const u8 *info, unsigned int info_len,
		       int size, const u8 *okm, unsigned int okm_len,
		       enum wp_result result, u8 *out)
{
	u8 prk[TLSHAKE_MAX_HASH_LEN];
	int err;

	err = tlshake_hkdf_extract(kdf, salt, salt_len, ikm, ikm_len, prk);
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: extract", tc_id);
	err = tlshake_hkdf_expand(kdf, prk, kdf->hash_len, info, info_len,
				  out, size);
	if (result == WP_INVALID) {
		KUNIT_EXPECT_EQ_MSG(test, err, -EINVAL,
				    "tcId %d: size %d accepted", tc_id, size);
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: expand", tc_id);
	KUNIT_EXPECT_EQ_MSG(test, okm_len, (unsigned int)size,
			    "tcId %d: vector size", tc_id);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(out, okm, okm_len), 0,
			    "tcId %d: wrong output", tc_id);
}

static void kdf_test_hkdf_wycheproof_sha256(struct kunit *test)
{
	const struct hkdf_sha256_vector *v;
	struct tlshake_kdf kdf;
	u8 *out;
	int max = 0;

	for (v = hkdf_sha256_vectors;
	     v < hkdf_sha256_vectors + ARRAY_SIZE(hkdf_sha256_vectors); v++)
		max = max(max, v->size);
	out = kunit_kmalloc(test, max, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA256), 0);
	for (v = hkdf_sha256_vectors;
	     v < hkdf_sha256_vectors + ARRAY_SIZE(hkdf_sha256_vectors); v++)
		hkdf_check(test, &kdf, v->tc_id, v->ikm, v->ikm_len,
			   v->salt, v->salt_len, v->info, v->info_len,
			   v->size, v->okm, v->okm_len, v->result, out);
	tlshake_kdf_free(&kdf);
}

static void kdf_test_hkdf_wycheproof_sha384(struct kunit *test)
{
	const struct hkdf_sha384_vector *v;
	struct tlshake_kdf kdf;
	u8 *out;
	int max = 0;

	for (v = hkdf_sha384_vectors;
	     v < hkdf_sha384_vectors + ARRAY_SIZE(hkdf_sha384_vectors); v++)
		max = max(max, v->size);
	out = kunit_kmalloc(test, max, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA384), 0);
	for (v = hkdf_sha384_vectors;
	     v < hkdf_sha384_vectors + ARRAY_SIZE(hkdf_sha384_vectors); v++)
		hkdf_check(test, &kdf, v->tc_id, v->ikm, v->ikm_len,
			   v->salt, v->salt_len, v->info, v->info_len,
			   v->size, v->okm, v->okm_len, v->result, out);
	tlshake_kdf_free(&kdf);
}

/* One Wycheproof HMAC case.  Groups with a tagSize below the digest size
 * truncate the tag: compare the prefix.  "invalid" cases carry a modified
 * tag, which must not match.
 */
static void hmac_check(struct kunit *test, struct tlshake_kdf *kdf,
		       int tc_id, int tag_bits, const u8 *key,
		       unsigned int key_len, const u8 *msg, unsigned int msg_len,
		       const u8 *tag, unsigned int tag_len,
		       enum wp_result result)
{
	u8 out[TLSHAKE_MAX_HASH_LEN];
	bool match;
	int err;

	err = tlshake_hmac(kdf, key, key_len, msg, msg_len, out);
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: hmac", tc_id);
	match = tag_len == tag_bits / 8 && tag_len <= kdf->hash_len &&
		!memcmp(out, tag, tag_len);
	KUNIT_EXPECT_EQ_MSG(test, match, result == WP_VALID,
			    "tcId %d: tag %s", tc_id,
			    match ? "accepted" : "rejected");
}

static void kdf_test_hmac_wycheproof_sha256(struct kunit *test)
{
	const struct hmac_sha256_vector *v;
	struct tlshake_kdf kdf;

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA256), 0);
	for (v = hmac_sha256_vectors;
	     v < hmac_sha256_vectors + ARRAY_SIZE(hmac_sha256_vectors); v++)
		hmac_check(test, &kdf, v->tc_id, v->tag_size, v->key, v->key_len,
			   v->msg, v->msg_len, v->tag, v->tag_len, v->result);
	tlshake_kdf_free(&kdf);
}

static void kdf_test_hmac_wycheproof_sha384(struct kunit *test)
{
	const struct hmac_sha384_vector *v;
	struct tlshake_kdf kdf;

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA384), 0);
	for (v = hmac_sha384_vectors;
	     v < hmac_sha384_vectors + ARRAY_SIZE(hmac_sha384_vectors); v++)
		hmac_check(test, &kdf, v->tc_id, v->tag_size, v->key, v->key_len,
			   v->msg, v->msg_len, v->tag, v->tag_len, v->result);
	tlshake_kdf_free(&kdf);
}

/* HKDF-Expand-Label at the limits of RFC 8446: a Label of 249 bytes (so
 * "tls13 " + Label is 255) and a context of 255 bytes work, one more byte
 * of either is refused, and so is an empty label or an output above
 * 255 * HashLen.  The known answer was computed with Python's hmac module.
 */
static void kdf_test_expand_label_bounds(struct kunit *test)
{
	char label[TLSHAKE_MAX_LABEL_LEN + 2];
	u8 secret[32], context[TLSHAKE_MAX_CONTEXT_LEN + 1], out[42];
	unsigned int i, max_out = 255 * 32;
	struct tlshake_kdf kdf;
	u8 *big;

	for (i = 0; i < sizeof(secret); i++)
		secret[i] = i;
	memset(label, 'a', sizeof(label));
	label[TLSHAKE_MAX_LABEL_LEN] = '\0';
	memset(context, 0x5a, sizeof(context));
	big = kunit_kmalloc(test, max_out + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);

	KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, TLSHAKE_HASH_SHA256), 0);
	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, label,
							context, 255,
							out, sizeof(out)), 0);
	EXPECT_BYTES(test, out, sizeof(out),
		     "\xaa\x0b\x6b\xf9\xd5\xfc\x14\xb5\xdd\xbc\xd7\x08\x83\xeb"
		     "\x0d\x20\x01\x1a\x60\xb7\xa6\x8d\xbf\x14\x17\x56\x67\x64"
		     "\x45\x26\x00\x9a\x57\x25\xd9\xf6\xab\x38\x06\x0f\xe7\x15",
		     "longest label and context");

	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, label,
							context, 256,
							out, sizeof(out)),
			-EINVAL);
	label[TLSHAKE_MAX_LABEL_LEN] = 'a';
	label[TLSHAKE_MAX_LABEL_LEN + 1] = '\0';
	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, label,
							NULL, 0,
							out, sizeof(out)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, "",
							NULL, 0,
							out, sizeof(out)),
			-EINVAL);

	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, "key",
							NULL, 0, big, max_out),
			0);
	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand_label(&kdf, secret, "key",
							NULL, 0,
							big, max_out + 1),
			-EINVAL);
	/* HKDF-Expand wants a PRK of at least HashLen bytes. */
	KUNIT_EXPECT_EQ(test, tlshake_hkdf_expand(&kdf, secret, 31, NULL, 0,
						  out, sizeof(out)),
			-EINVAL);
	tlshake_kdf_free(&kdf);
}

/* The TLS 1.2 PRF known answers posted to the IETF TLS working group list
 * (https://www.ietf.org/mail-archive/web/tls/current/msg03416.html) for
 * P_SHA256 and P_SHA384, checked again with Python's hmac module.
 */
static void kdf_test_tls12_prf(struct kunit *test)
{
	static const struct {
		enum tlshake_hash hash;
		struct test_bytes secret, seed, out;
	} cases[] = {
		{
			.hash = TLSHAKE_HASH_SHA256,
			.secret = TB("\x9b\xbe\x43\x6b\xa9\x40\xf0\x17\xb1\x76"
				     "\x52\x84\x9a\x71\xdb\x35"),
			.seed = TB("\xa0\xba\x9f\x93\x6c\xda\x31\x18\x27\xa6"
				   "\xf7\x96\xff\xd5\x19\x8c"),
			.out = TB("\xe3\xf2\x29\xba\x72\x7b\xe1\x7b\x8d\x12\x26"
				  "\x20\x55\x7c\xd4\x53\xc2\xaa\xb2\x1d\x07\xc3"
				  "\xd4\x95\x32\x9b\x52\xd4\xe6\x1e\xdb\x5a\x6b"
				  "\x30\x17\x91\xe9\x0d\x35\xc9\xc9\xa4\x6b\x4e"
				  "\x14\xba\xf9\xaf\x0f\xa0\x22\xf7\x07\x7d\xef"
				  "\x17\xab\xfd\x37\x97\xc0\x56\x4b\xab\x4f\xbc"
				  "\x91\x66\x6e\x9d\xef\x9b\x97\xfc\xe3\x4f\x79"
				  "\x67\x89\xba\xa4\x80\x82\xd1\x22\xee\x42\xc5"
				  "\xa7\x2e\x5a\x51\x10\xff\xf7\x01\x87\x34\x7b"
				  "\x66"),
		},
		{
			.hash = TLSHAKE_HASH_SHA384,
			.secret = TB("\xb8\x0b\x73\x3d\x6c\xee\xfc\xdc\x71\x56"
				     "\x6e\xa4\x8e\x55\x67\xdf"),
			.seed = TB("\xcd\x66\x5c\xf6\xa8\x44\x7d\xd6\xff\x8b"
				   "\x27\x55\x5e\xdb\x74\x65"),
			.out = TB("\x7b\x0c\x18\xe9\xce\xd4\x10\xed\x18\x04\xf2"
				  "\xcf\xa3\x4a\x33\x6a\x1c\x14\xdf\xfb\x49\x00"
				  "\xbb\x5f\xd7\x94\x21\x07\xe8\x1c\x83\xcd\xe9"
				  "\xca\x0f\xaa\x60\xbe\x9f\xe3\x4f\x82\xb1\x23"
				  "\x3c\x91\x46\xa0\xe5\x34\xcb\x40\x0f\xed\x27"
				  "\x00\x88\x4f\x9d\xc2\x36\xf8\x0e\xdd\x8b\xfa"
				  "\x96\x11\x44\xc9\xe8\xd7\x92\xec\xa7\x22\xa7"
				  "\xb3\x2f\xc3\xd4\x16\xd4\x73\xeb\xc2\xc5\xfd"
				  "\x4a\xbf\xda\xd0\x5d\x91\x84\x25\x9b\x5b\xf8"
				  "\xcd\x4d\x90\xfa\x0d\x31\xe2\xde\xc4\x79\xe4"
				  "\xf1\xa2\x60\x66\xf2\xee\xa9\xa6\x92\x36\xa3"
				  "\xe5\x26\x55\xc9\xe9\xae\xe6\x91\xc8\xf3\xa2"
				  "\x68\x54\x30\x8d\x5e\xaa\x3b\xe8\x5e\x09\x90"
				  "\x70\x3d\x73\xe5\x6f"),
		},
	};
	struct tlshake_kdf kdf;
	unsigned int i;
	u8 out[148];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_ASSERT_LE(test, cases[i].out.len, sizeof(out));
		KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&kdf, cases[i].hash), 0);
		KUNIT_EXPECT_EQ(test, tlshake_tls12_prf(&kdf, cases[i].secret.data,
							cases[i].secret.len,
							"test label",
							cases[i].seed.data,
							cases[i].seed.len,
							out, cases[i].out.len),
				0);
		expect_bytes(test, out, cases[i].out.len, cases[i].out.data,
			     cases[i].out.len, "PRF output");
		tlshake_kdf_free(&kdf);
	}
}

static struct kunit_case kdf_test_cases[] = {
	KUNIT_CASE(kdf_test_hash_len),
	KUNIT_CASE(kdf_test_rfc5869),
	KUNIT_CASE(kdf_test_hkdf_wycheproof_sha256),
	KUNIT_CASE(kdf_test_hkdf_wycheproof_sha384),
	KUNIT_CASE(kdf_test_hmac_wycheproof_sha256),
	KUNIT_CASE(kdf_test_hmac_wycheproof_sha384),
	KUNIT_CASE(kdf_test_expand_label_bounds),
	KUNIT_CASE(kdf_test_tls12_prf),
	{}
};

static struct kunit_suite kdf_test_suite = {
	.name = "tlshake_kdf",
	.test_cases = kdf_test_cases,
};

kunit_test_suite(kdf_test_suite);
