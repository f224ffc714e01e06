// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the module's cache of prepared keys: a key is made once
 * and shared, the cache keeps its bound by evicting the least recently
 * used, a key in use outlives its eviction, an invalid key is never
 * cached, and a cached key still checks every signature.
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "key_cache.h"
#include "keys.h"
#include "sig.h"
#include "test_creds.h"
#include "x509.h"
#include "x509_spki.h"
#include "x509_verify.h"

/* An RSAPublicKey with a 2048-bit modulus and e = 65537. */
#define KC_TEST_RSA_LEN		270

/**
 * struct kc_test_rsa - a made-up RSA public key and its SubjectPublicKeyInfo
 * @der: the RSAPublicKey, which stands for the SubjectPublicKeyInfo too:
 *	the cache tells keys apart by the digest of those bytes alone
 * @spki: the SubjectPublicKeyInfo that names it
 */
struct kc_test_rsa {
	u8 der[KC_TEST_RSA_LEN];
	struct tlshake_spki spki;
};

/* Key @i of a family of distinct keys.  The moduli are not products of two
 * primes, which a public key cannot be checked for; an even one is
 * refused.
 */
static void kc_test_rsa_key(struct kc_test_rsa *k, u8 i, bool even)
{
	static const u8 head[] = { 0x30, 0x82, 0x01, 0x0a,
				   0x02, 0x82, 0x01, 0x01, 0x00 };
	static const u8 tail[] = { 0x02, 0x03, 0x01, 0x00, 0x01 };
	u8 *n = k->der + sizeof(head);

	memcpy(k->der, head, sizeof(head));
	memset(n, 0xa5, 256);
	n[0] = 0xc5;
	n[1] = i;
	n[255] = even ? 0xa4 : 0xa5;
	memcpy(n + 256, tail, sizeof(tail));
	k->spki.der = k->der;
	k->spki.der_len = sizeof(k->der);
	k->spki.alg = TLSHAKE_KEY_RSA;
	k->spki.key = k->der;
	k->spki.key_len = sizeof(k->der);
}

static struct tlshake_pubkey *kc_test_load(struct kunit *test, u8 i)
{
	struct tlshake_pubkey *key;
	struct kc_test_rsa k;

	kc_test_rsa_key(&k, i, false);
	key = tlshake_pubkey_load(&k.spki);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, key);
	return key;
}

static int kc_test_init(struct kunit *test)
{
	tlshake_key_cache_flush();
	return 0;
}

static void kc_test_exit(struct kunit *test)
{
	tlshake_key_cache_flush();
}

/* The same SubjectPublicKeyInfo finds the key made the first time. */
static void kc_test_pubkey_shared(struct kunit *test)
{
	static const struct tlshake_test_blob *const spkis[] = {
		&tlshake_test_ec256_spki, &tlshake_test_ec384_spki,
		&tlshake_test_rsa2048_spki,
	};
	struct tlshake_pubkey *a, *b;
	struct tlshake_spki spki;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(spkis); i++) {
		KUNIT_ASSERT_EQ(test, tlshake_spki_parse(spkis[i]->data,
							 spkis[i]->len, &spki),
				0);
		a = tlshake_pubkey_load(&spki);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, a);
		b = tlshake_pubkey_load(&spki);
		KUNIT_EXPECT_PTR_EQ(test, a, b);
		KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(), i + 1);
		tlshake_pubkey_free(a);
		tlshake_pubkey_free(b);
	}
}

/* The same private key DER finds the key made the first time; the same
 * key in another form is made again.
 */
static void kc_test_privkey_shared(struct kunit *test)
{
	struct tlshake_privkey *a = NULL, *b = NULL, *c = NULL;

	KUNIT_ASSERT_EQ(test,
			tlshake_privkey_load(tlshake_test_rsa2048_pkcs8.data,
					     tlshake_test_rsa2048_pkcs8.len,
					     &a), 0);
	KUNIT_ASSERT_EQ(test,
			tlshake_privkey_load(tlshake_test_rsa2048_pkcs8.data,
					     tlshake_test_rsa2048_pkcs8.len,
					     &b), 0);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_ASSERT_EQ(test,
			tlshake_privkey_load(tlshake_test_rsa2048_pkcs1.data,
					     tlshake_test_rsa2048_pkcs1.len,
					     &c), 0);
	KUNIT_EXPECT_PTR_NE(test, a, c);
	KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(), 2);
	tlshake_privkey_free(a);
	tlshake_privkey_free(b);
	tlshake_privkey_free(c);
}

/* The cache keeps its bound, evicts the least recently used key, and a
 * key still referenced outlives its eviction.
 */
static void kc_test_eviction(struct kunit *test)
{
	struct tlshake_pubkey *k0, *k1, *k;
	unsigned int i;

	k0 = kc_test_load(test, 0);
	k1 = kc_test_load(test, 1);
	for (i = 2; i < TLSHAKE_KEY_CACHE_SIZE; i++)
		tlshake_pubkey_free(kc_test_load(test, i));
	KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(),
			TLSHAKE_KEY_CACHE_SIZE);

	/* Key 0 used again, key 1 becomes the least recently used. */
	k = kc_test_load(test, 0);
	KUNIT_EXPECT_PTR_EQ(test, k, k0);
	tlshake_pubkey_free(k);

	tlshake_pubkey_free(kc_test_load(test, TLSHAKE_KEY_CACHE_SIZE));
	KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(),
			TLSHAKE_KEY_CACHE_SIZE);

	k = kc_test_load(test, 0);
	KUNIT_EXPECT_PTR_EQ(test, k, k0);
	tlshake_pubkey_free(k);

	/* Key 1 was evicted and is made anew; the old one is still whole. */
	k = kc_test_load(test, 1);
	KUNIT_EXPECT_PTR_NE(test, k, k1);
	KUNIT_EXPECT_TRUE(test,
			  tlshake_sig_key_fits(k1,
					       TLSHAKE_SIG_RSA_PSS_RSAE_SHA256));
	tlshake_pubkey_free(k);
	tlshake_pubkey_free(k1);
	tlshake_pubkey_free(k0);
}

/* A key that fails its parsing or validation is not cached. */
static void kc_test_invalid(struct kunit *test)
{
	static const u8 not_a_key[] = { 0x30, 0x03, 0x02, 0x01, 0x00 };
	struct tlshake_privkey *priv = NULL;
	struct tlshake_spki spki;
	struct kc_test_rsa k;
	unsigned int i;

	kc_test_rsa_key(&k, 0, true);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, PTR_ERR(tlshake_pubkey_load(&k.spki)),
				-EINVAL);

	/* A P-256 point moved off the curve. */
	KUNIT_ASSERT_EQ(test,
			tlshake_spki_parse(tlshake_test_ec256_spki.data,
					   tlshake_test_ec256_spki.len, &spki),
			0);
	memcpy(k.der, spki.key, spki.key_len);
	k.der[spki.key_len - 1] ^= 1;
	spki.key = k.der;
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, PTR_ERR(tlshake_pubkey_load(&spki)),
				-EINVAL);

	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, tlshake_privkey_load(not_a_key,
							   sizeof(not_a_key),
							   &priv), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(), 0);
}

/* A certificate signed with a cached key is still checked: a bad
 * signature is refused when the issuer's key comes from the cache.
 */
static void kc_test_signature_checked(struct kunit *test)
{
	static const struct tlshake_test_blob *const chains[] = {
		&tlshake_test_ec256_chain, &tlshake_test_ec384_chain,
		&tlshake_test_rsa2048_chain,
	};
	struct tlshake_x509_cert *good, *bad;
	unsigned int i, len;
	u8 *der;

	good = kunit_kzalloc(test, sizeof(*good), GFP_KERNEL);
	bad = kunit_kzalloc(test, sizeof(*bad), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, good);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bad);
	for (i = 0; i < ARRAY_SIZE(chains); i++) {
		/* Self-signed: the certificate is its own issuer. */
		len = chains[i]->len - 3;
		KUNIT_ASSERT_EQ(test, tlshake_x509_parse(chains[i]->data + 3,
							 len, good), 0);
		KUNIT_EXPECT_EQ(test, tlshake_x509_check_sig(NULL, good, good),
				0);
		KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(), i + 1);

		/* The signature's last byte is the low byte of s or of the
		 * RSA signature.
		 */
		der = kunit_kmalloc(test, len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, der);
		memcpy(der, chains[i]->data + 3, len);
		der[len - 1] ^= 1;
		KUNIT_ASSERT_EQ(test, tlshake_x509_parse(der, len, bad), 0);
		KUNIT_EXPECT_EQ(test, tlshake_x509_check_sig(NULL, good, bad),
				-EKEYREJECTED);
		KUNIT_EXPECT_EQ(test, tlshake_x509_check_sig(NULL, good, good),
				0);
		KUNIT_EXPECT_EQ(test, tlshake_key_cache_count(), i + 1);
	}
}

static struct kunit_case kc_test_cases[] = {
	KUNIT_CASE(kc_test_pubkey_shared),
	KUNIT_CASE(kc_test_privkey_shared),
	KUNIT_CASE(kc_test_eviction),
	KUNIT_CASE(kc_test_invalid),
	KUNIT_CASE(kc_test_signature_checked),
	{}
};

static struct kunit_suite kc_test_suite = {
	.name = "tlshake_key_cache",
	.init = kc_test_init,
	.exit = kc_test_exit,
	.test_cases = kc_test_cases,
};

kunit_test_suite(kc_test_suite);
