// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the record protection: Wycheproof's AES-GCM and
 * ChaCha20-Poly1305 vectors with 96-bit nonces and 128-bit tags, known
 * answers for AES-128-CCM, and round trips that tamper with every input.
 */

#include <crypto/aead.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "aead.h"

#include "wp_aes_gcm_128.h"
#include "wp_aes_gcm_256.h"
#include "wp_chacha20_poly1305.h"

static const enum tlshake_aead_alg aead_test_algs[] = {
	TLSHAKE_AEAD_AES_128_GCM,
	TLSHAKE_AEAD_AES_256_GCM,
	TLSHAKE_AEAD_CHACHA20_POLY1305,
	TLSHAKE_AEAD_AES_128_CCM,
};

struct aead_test_vector {
	int tc_id;
	const u8 *key;
	unsigned int key_len;
	const u8 *iv;
	unsigned int iv_len;
	const u8 *aad;
	unsigned int aad_len;
	const u8 *msg;
	unsigned int msg_len;
	const u8 *ct;
	unsigned int ct_len;
	const u8 *tag;
	unsigned int tag_len;
	enum wp_result result;
};

/* One vector: a valid one must seal to ct || tag and open back to msg, an
 * invalid one must fail to open with -EBADMSG and leave its buffer zeroed.
 * The buffers are on the heap: they go into scatterlists.  Returns whether
 * the record was rejected.
 */
static bool aead_test_one(struct kunit *test, enum tlshake_aead_alg alg,
			  const struct aead_test_vector *v)
{
	unsigned int rec_len = v->ct_len + v->tag_len;
	struct tlshake_aead aead;
	u8 *aad, *buf;
	bool rejected = false;
	int err;

	KUNIT_ASSERT_EQ(test, v->iv_len, TLSHAKE_AEAD_NONCE_LEN);
	KUNIT_ASSERT_EQ(test, v->tag_len, TLSHAKE_AEAD_TAG_LEN);
	KUNIT_ASSERT_EQ(test, v->msg_len, v->ct_len);

	aad = kmalloc(v->aad_len + 1, GFP_KERNEL);
	buf = kmalloc(rec_len + 1, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, aad && buf);
	memcpy(aad, v->aad, v->aad_len);

	err = tlshake_aead_init(&aead, alg, v->key, v->key_len);
	KUNIT_ASSERT_EQ_MSG(test, err, 0, "tcId %d: init", v->tc_id);

	if (v->result == WP_VALID) {
		memcpy(buf, v->msg, v->msg_len);
		err = tlshake_aead_seal(&aead, v->iv, aad, v->aad_len, buf,
					v->msg_len);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: seal", v->tc_id);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, v->ct, v->ct_len), 0,
				    "tcId %d: ciphertext", v->tc_id);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf + v->ct_len, v->tag,
						 v->tag_len), 0,
				    "tcId %d: tag", v->tc_id);
	}

	memcpy(buf, v->ct, v->ct_len);
	memcpy(buf + v->ct_len, v->tag, v->tag_len);
	err = tlshake_aead_open(&aead, v->iv, aad, v->aad_len, buf, rec_len);
	if (v->result == WP_VALID) {
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "tcId %d: open", v->tc_id);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, v->msg, v->msg_len), 0,
				    "tcId %d: plaintext", v->tc_id);
	} else {
		KUNIT_EXPECT_EQ_MSG(test, err, -EBADMSG,
				    "tcId %d: forgery opened", v->tc_id);
		KUNIT_EXPECT_FALSE_MSG(test, memchr_inv(buf, 0, rec_len),
				       "tcId %d: buffer not wiped", v->tc_id);
		rejected = true;
	}

	tlshake_aead_free(&aead);
	kfree(buf);
	kfree(aad);
	return rejected;
}

static void aead_test_report(struct kunit *test, const char *file,
			     size_t count, unsigned int rejected)
{
	kunit_info(test, "%s: %zu cases, %u rejected\n", file, count,
		   rejected);
}

static void aead_test_aes_128_gcm_wycheproof(struct kunit *test)
{
	unsigned int i, rejected = 0;

	for (i = 0; i < ARRAY_SIZE(aes_gcm_128_vectors); i++) {
		const struct aes_gcm_128_vector *w = &aes_gcm_128_vectors[i];
		struct aead_test_vector v = {
			.tc_id = w->tc_id,
			.key = w->key, .key_len = w->key_len,
			.iv = w->iv, .iv_len = w->iv_len,
			.aad = w->aad, .aad_len = w->aad_len,
			.msg = w->msg, .msg_len = w->msg_len,
			.ct = w->ct, .ct_len = w->ct_len,
			.tag = w->tag, .tag_len = w->tag_len,
			.result = w->result,
		};

		rejected += aead_test_one(test, TLSHAKE_AEAD_AES_128_GCM, &v);
		cond_resched();
	}
	aead_test_report(test, "aes_gcm_test.json (128-bit keys)",
			 ARRAY_SIZE(aes_gcm_128_vectors), rejected);
}

static void aead_test_aes_256_gcm_wycheproof(struct kunit *test)
{
	unsigned int i, rejected = 0;

	for (i = 0; i < ARRAY_SIZE(aes_gcm_256_vectors); i++) {
		const struct aes_gcm_256_vector *w = &aes_gcm_256_vectors[i];
		struct aead_test_vector v = {
			.tc_id = w->tc_id,
			.key = w->key, .key_len = w->key_len,
			.iv = w->iv, .iv_len = w->iv_len,
			.aad = w->aad, .aad_len = w->aad_len,
			.msg = w->msg, .msg_len = w->msg_len,
			.ct = w->ct, .ct_len = w->ct_len,
			.tag = w->tag, .tag_len = w->tag_len,
			.result = w->result,
		};

		rejected += aead_test_one(test, TLSHAKE_AEAD_AES_256_GCM, &v);
		cond_resched();
	}
	aead_test_report(test, "aes_gcm_test.json (256-bit keys)",
			 ARRAY_SIZE(aes_gcm_256_vectors), rejected);
}

static void aead_test_chacha20_poly1305_wycheproof(struct kunit *test)
{
	unsigned int i, rejected = 0;

	for (i = 0; i < ARRAY_SIZE(chacha20_poly1305_vectors); i++) {
		const struct chacha20_poly1305_vector *w = &chacha20_poly1305_vectors[i];
		struct aead_test_vector v = {
			.tc_id = w->tc_id,
			.key = w->key, .key_len = w->key_len,
			.iv = w->iv, .iv_len = w->iv_len,
			.aad = w->aad, .aad_len = w->aad_len,
			.msg = w->msg, .msg_len = w->msg_len,
			.ct = w->ct, .ct_len = w->ct_len,
			.tag = w->tag, .tag_len = w->tag_len,
			.result = w->result,
		};

		rejected += aead_test_one(test, TLSHAKE_AEAD_CHACHA20_POLY1305, &v);
		cond_resched();
	}
	aead_test_report(test, "chacha20_poly1305_test.json",
			 ARRAY_SIZE(chacha20_poly1305_vectors), rejected);
}

/* AES-128-CCM with a 12-byte nonce and a 16-byte tag, as TLS uses it
 * (RFC 6655, RFC 8446): cases of Wycheproof's aes_ccm_test.json, group
 * ivSize 96, keySize 128, tagSize 128, identified by their tcId; each was
 * checked against the AESCCM of Python's "cryptography" package.
 */
static const struct {
	int tc_id;
	const char *key, *iv, *aad, *msg, *ct, *tag;
} aead_test_ccm_kats[] = {
	{ 1, "bedcfb5a011ebc84600fcb296c15af0d", "438a547a94ea88dce46c6c85",
	  "", "", "", "25d1a38495a7dea45bda049705627d10" },
	{ 2, "384ea416ac3c2f51a76e7d8226346d4e", "b30c084727ad1c592ac21d12",
	  "", "35", "d7", "6be3fd13b7065afc19e3b8a3b96b39fb" },
	{ 11, "9415f925bcb41dc25e86c826dbc8bf68", "bdffaa763b916ff0ee3f3ce4",
	  "705d676cd8a94451", "feb36167eafc02c8e2bd6e13817686ba",
	  "08db327a88be7b48f430fd7bfccdf502",
	  "b7c249f810adacf99abded1f3b9130f2" },
	{ 22, "a5b5b6bae45b741fe4663890098f326a", "4bad10c6d84fd43fd13ad36f",
	  "30", "127b150080ec0bc7704e26f4ab11abb6",
	  "75e6ffcb6114833b67cd93bdf2c22b55",
	  "c90e18eaf810b7bcefe7a526b1783b20" },
	{ 36, "e3d3ec41f28eb35fb53f5fa91804e051", "89d270fc8b583bc631cefd39",
	  "3d2f458c67c5b6c794b1f12dad409e0f",
	  "847acf521995b33f8bc474c8befbca3bb2",
	  "28aaec53493cd6252cf6410ed141bdafb7",
	  "47bf3e16c227ca11fd68a16d407c2cc3" },
};

static u8 *aead_test_hex(struct kunit *test, const char *hex,
			 unsigned int *len)
{
	u8 *out;

	*len = strlen(hex) / 2;
	out = kunit_kzalloc(test, *len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_EQ(test, hex2bin(out, hex, *len), 0);
	return out;
}

static void aead_test_aes_128_ccm_kat(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aead_test_ccm_kats); i++) {
		struct aead_test_vector v = {
			.tc_id = aead_test_ccm_kats[i].tc_id,
			.result = WP_VALID,
		};
		u8 *tag;

		v.key = aead_test_hex(test, aead_test_ccm_kats[i].key,
				      &v.key_len);
		v.iv = aead_test_hex(test, aead_test_ccm_kats[i].iv, &v.iv_len);
		v.aad = aead_test_hex(test, aead_test_ccm_kats[i].aad,
				      &v.aad_len);
		v.msg = aead_test_hex(test, aead_test_ccm_kats[i].msg,
				      &v.msg_len);
		v.ct = aead_test_hex(test, aead_test_ccm_kats[i].ct, &v.ct_len);
		tag = aead_test_hex(test, aead_test_ccm_kats[i].tag,
				    &v.tag_len);
		v.tag = tag;
		KUNIT_EXPECT_FALSE(test, aead_test_one(test,
						       TLSHAKE_AEAD_AES_128_CCM,
						       &v));

		/* The same record with a flipped tag bit is a forgery. */
		tag[v.tag_len - 1] ^= 0x80;
		v.result = WP_INVALID;
		KUNIT_EXPECT_TRUE(test, aead_test_one(test,
						      TLSHAKE_AEAD_AES_128_CCM,
						      &v));
	}
}

/* Every algorithm: a record seals and opens back, and a change to any bit
 * of the tag, the ciphertext, the AAD or the nonce makes open fail with
 * -EBADMSG and a zeroed buffer.
 */
static void aead_test_tamper(struct kunit *test)
{
	enum { PLEN = 40, AAD_LEN = 5 };
	u8 key[TLSHAKE_AEAD_MAX_KEY_LEN], nonce[TLSHAKE_AEAD_NONCE_LEN];
	u8 *pt, *rec, *buf, *aad;
	struct tlshake_aead aead;
	unsigned int i, bit, key_len, rec_len = PLEN + TLSHAKE_AEAD_TAG_LEN;
	int err;

	pt = kunit_kzalloc(test, PLEN, GFP_KERNEL);
	rec = kunit_kzalloc(test, rec_len, GFP_KERNEL);
	buf = kunit_kzalloc(test, rec_len, GFP_KERNEL);
	aad = kunit_kzalloc(test, AAD_LEN, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, pt && rec && buf && aad);

	for (i = 0; i < PLEN; i++)
		pt[i] = i;
	for (i = 0; i < sizeof(key); i++)
		key[i] = 0xa0 + i;
	for (i = 0; i < sizeof(nonce); i++)
		nonce[i] = 0x10 + i;
	memcpy(aad, "\x16\x03\x03\x00\x38", AAD_LEN);

	for (i = 0; i < ARRAY_SIZE(aead_test_algs); i++) {
		enum tlshake_aead_alg alg = aead_test_algs[i];

		key_len = tlshake_aead_key_len(alg);
		KUNIT_ASSERT_EQ(test, tlshake_aead_init(&aead, alg, key,
							key_len), 0);
		kunit_info(test, "alg %d: %s\n", alg,
			   crypto_tfm_alg_driver_name(crypto_aead_tfm(aead.tfm)));
		memcpy(rec, pt, PLEN);
		KUNIT_ASSERT_EQ(test, tlshake_aead_seal(&aead, nonce, aad,
							AAD_LEN, rec, PLEN), 0);
		KUNIT_EXPECT_NE(test, memcmp(rec, pt, PLEN), 0);

		memcpy(buf, rec, rec_len);
		KUNIT_EXPECT_EQ(test, tlshake_aead_open(&aead, nonce, aad,
							AAD_LEN, buf, rec_len),
				0);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, pt, PLEN), 0,
				    "alg %d: round trip", alg);

		for (bit = 0; bit < 8 * (rec_len + AAD_LEN +
					 TLSHAKE_AEAD_NONCE_LEN); bit++) {
			unsigned int byte = bit / 8;
			u8 *where;

			memcpy(buf, rec, rec_len);
			if (byte < rec_len)
				where = buf + byte;
			else if (byte < rec_len + AAD_LEN)
				where = aad + byte - rec_len;
			else
				where = nonce + byte - rec_len - AAD_LEN;
			*where ^= 1 << (bit % 8);
			err = tlshake_aead_open(&aead, nonce, aad, AAD_LEN,
						buf, rec_len);
			if (byte >= rec_len)
				*where ^= 1 << (bit % 8);
			KUNIT_EXPECT_EQ_MSG(test, err, -EBADMSG,
					    "alg %d: bit %u flipped", alg, bit);
			KUNIT_EXPECT_FALSE_MSG(test,
					       memchr_inv(buf, 0, rec_len),
					       "alg %d: bit %u: not wiped",
					       alg, bit);
		}

		/* Too short to hold a tag; no AAD at all */
		memcpy(buf, rec, rec_len);
		KUNIT_EXPECT_EQ(test, tlshake_aead_open(&aead, nonce, aad,
							AAD_LEN, buf,
							TLSHAKE_AEAD_TAG_LEN -
							1), -EBADMSG);
		memcpy(buf, pt, PLEN);
		KUNIT_EXPECT_EQ(test, tlshake_aead_seal(&aead, nonce, NULL, 0,
							buf, PLEN), 0);
		KUNIT_EXPECT_EQ(test, tlshake_aead_open(&aead, nonce, NULL, 0,
							buf, rec_len), 0);
		KUNIT_EXPECT_EQ(test, memcmp(buf, pt, PLEN), 0);

		tlshake_aead_free(&aead);
		tlshake_aead_free(&aead);
	}
}

static void aead_test_init(struct kunit *test)
{
	u8 key[TLSHAKE_AEAD_MAX_KEY_LEN + 1] = {};
	struct tlshake_aead aead;
	unsigned int i, len;

	for (i = 0; i < ARRAY_SIZE(aead_test_algs); i++) {
		len = tlshake_aead_key_len(aead_test_algs[i]);
		KUNIT_EXPECT_TRUE(test, len == 16 || len == 32);
		KUNIT_EXPECT_EQ(test, tlshake_aead_init(&aead,
							aead_test_algs[i],
							key, len - 1),
				-EINVAL);
		KUNIT_EXPECT_EQ(test, tlshake_aead_init(&aead,
							aead_test_algs[i],
							key, len + 1),
				-EINVAL);
		tlshake_aead_free(&aead);
	}
	KUNIT_EXPECT_EQ(test, tlshake_aead_key_len(TLSHAKE_AEAD_AES_128_GCM),
			16U);
	KUNIT_EXPECT_EQ(test, tlshake_aead_key_len(TLSHAKE_AEAD_AES_256_GCM),
			32U);
	KUNIT_EXPECT_EQ(test, tlshake_aead_key_len(ARRAY_SIZE(aead_test_algs)),
			0U);
	KUNIT_EXPECT_EQ(test, tlshake_aead_init(&aead,
						ARRAY_SIZE(aead_test_algs),
						key, 16), -EINVAL);
	tlshake_aead_free(&aead);
}

/* RFC 8446 section 5.3: the sequence number, big-endian, xor the IV's tail */
static void aead_test_nonce(struct kunit *test)
{
	static const u8 iv[TLSHAKE_AEAD_NONCE_LEN] = {
		0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
		0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
	};
	static const u8 expect[TLSHAKE_AEAD_NONCE_LEN] = {
		0x00, 0x11, 0x22, 0x33, 0x45, 0x57,
		0x65, 0x73, 0x8d, 0x9f, 0xad, 0xb3,
	};
	u8 nonce[TLSHAKE_AEAD_NONCE_LEN];

	tlshake_aead_nonce(nonce, iv, 0);
	KUNIT_EXPECT_EQ(test, memcmp(nonce, iv, sizeof(nonce)), 0);
	tlshake_aead_nonce(nonce, iv, 0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, memcmp(nonce, expect, sizeof(nonce)), 0);
}

static struct kunit_case aead_test_cases[] = {
	KUNIT_CASE(aead_test_aes_128_gcm_wycheproof),
	KUNIT_CASE(aead_test_aes_256_gcm_wycheproof),
	KUNIT_CASE(aead_test_chacha20_poly1305_wycheproof),
	KUNIT_CASE(aead_test_aes_128_ccm_kat),
	KUNIT_CASE(aead_test_tamper),
	KUNIT_CASE(aead_test_init),
	KUNIT_CASE(aead_test_nonce),
	{}
};

static struct kunit_suite aead_test_suite = {
	.name = "tlshake_aead",
	.test_cases = aead_test_cases,
};

kunit_test_suite(aead_test_suite);
