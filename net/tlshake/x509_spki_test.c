// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the SubjectPublicKeyInfo walk of X.509 certificates and
 * of the private key formats, on the certificates and keys of the
 * handshake tests, with their truncations and a few corruptions.
 */

#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "test_creds.h"
#include "privkey_der.h"
#include "x509_spki.h"

/* The certificate in a one-certificate chain. */
static const u8 *spki_test_cert(const struct tlshake_test_blob *chain,
				size_t *len)
{
	*len = chain->len - 3;
	return chain->data + 3;
}

/* Each certificate's key is the one OpenSSL extracted. */
static void spki_test_certificates(struct kunit *test)
{
	static const struct {
		const struct tlshake_test_blob *chain, *spki;
		enum tlshake_key_type alg;
		size_t key_len;
	} certs[] = {
		{ &tlshake_test_ec256_chain, &tlshake_test_ec256_spki,
		  TLSHAKE_KEY_EC_P256, 65 },
		{ &tlshake_test_ec384_chain, &tlshake_test_ec384_spki,
		  TLSHAKE_KEY_EC_P384, 97 },
		{ &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_spki,
		  TLSHAKE_KEY_RSA, 270 },
	};
	struct tlshake_spki spki;
	unsigned int i;
	const u8 *cert;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(certs); i++) {
		cert = spki_test_cert(certs[i].chain, &len);
		KUNIT_ASSERT_EQ_MSG(test, tlshake_x509_spki(cert, len, &spki),
				    0, "certificate %u", i);
		KUNIT_EXPECT_EQ_MSG(test, spki.alg, certs[i].alg,
				    "certificate %u", i);
		KUNIT_EXPECT_EQ_MSG(test, spki.key_len, certs[i].key_len,
				    "certificate %u", i);
		KUNIT_ASSERT_EQ_MSG(test, spki.der_len,
				    (size_t)certs[i].spki->len,
				    "certificate %u", i);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(spki.der, certs[i].spki->data,
						 spki.der_len), 0,
				    "certificate %u: SPKI differs", i);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_spki_parse(certs[i].spki->data,
							     certs[i].spki->len,
							     &spki), 0,
				    "certificate %u: bare SPKI", i);
	}
}

/* Every truncation, and a byte more, is refused. */
static void spki_test_truncated(struct kunit *test)
{
	struct tlshake_spki spki;
	const u8 *cert;
	size_t len, i;
	u8 *buf;

	cert = spki_test_cert(&tlshake_test_rsa2048_chain, &len);
	for (i = 0; i < len; i++)
		KUNIT_EXPECT_EQ_MSG(test, tlshake_x509_spki(cert, i, &spki),
				    -EBADMSG, "%zu of %zu bytes", i, len);

	buf = kunit_kmalloc(test, len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	memcpy(buf, cert, len);
	buf[len] = 0;
	KUNIT_EXPECT_EQ(test, tlshake_x509_spki(buf, len + 1, &spki), -EBADMSG);
}

/* Another curve is refused as unsupported, a bit string with unused bits
 * or an EC key with parameters that are not a named curve as malformed.
 */
static void spki_test_algorithms(struct kunit *test)
{
	const struct tlshake_test_blob *ec = &tlshake_test_ec256_spki;
	struct tlshake_spki spki;
	u8 *buf;

	buf = kunit_kmalloc(test, ec->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	/* SEQUENCE { SEQUENCE { OID ecPublicKey (2+7), OID curve (2+8) },
	 * BIT STRING }: the curve OID's last byte is at offset 4 + 9 + 9.
	 */
	memcpy(buf, ec->data, ec->len);
	KUNIT_ASSERT_EQ(test, buf[4 + 9 + 9], 0x07);
	buf[4 + 9 + 9] = 0x08;
	KUNIT_EXPECT_EQ(test, tlshake_spki_parse(buf, ec->len, &spki),
			-EOPNOTSUPP);

	memcpy(buf, ec->data, ec->len);
	buf[4 + 9 + 10 + 2] = 1;
	KUNIT_EXPECT_EQ(test, tlshake_spki_parse(buf, ec->len, &spki),
			-EBADMSG);

	memcpy(buf, ec->data, ec->len);
	buf[4 + 9] = 0x05;
	KUNIT_EXPECT_EQ(test, tlshake_spki_parse(buf, ec->len, &spki),
			-EBADMSG);
}

/* The three private key forms, and what they hold. */
static void spki_test_private_keys(struct kunit *test)
{
	static const struct {
		const struct tlshake_test_blob *der;
		enum tlshake_key_type alg;
		size_t key_len;
	} keys[] = {
		{ &tlshake_test_ec256_pkcs8, TLSHAKE_KEY_EC_P256, 32 },
		{ &tlshake_test_ec256_sec1, TLSHAKE_KEY_EC_P256, 32 },
		{ &tlshake_test_ec384_sec1, TLSHAKE_KEY_EC_P384, 48 },
		{ &tlshake_test_rsa2048_pkcs8, TLSHAKE_KEY_RSA, 1191 },
		{ &tlshake_test_rsa2048_pkcs1, TLSHAKE_KEY_RSA, 1191 },
	};
	struct tlshake_privkey_der a, b;
	const u8 *cert;
	unsigned int i;
	size_t n;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const struct tlshake_test_blob *der = keys[i].der;

		KUNIT_ASSERT_EQ_MSG(test, tlshake_privkey_der_parse(der->data,
								    der->len,
								    &a),
				    0, "key %u", i);
		KUNIT_EXPECT_EQ_MSG(test, a.alg, keys[i].alg, "key %u", i);
		KUNIT_EXPECT_EQ_MSG(test, a.key_len, keys[i].key_len,
				    "key %u", i);
		for (n = 0; n < der->len; n++)
			KUNIT_EXPECT_NE_MSG(test,
					    tlshake_privkey_der_parse(der->data,
								      n, &b),
					    0, "key %u: %zu bytes", i, n);
	}

	/* PKCS#8 wraps the same SEC1 scalar and the same PKCS#1 key. */
	tlshake_privkey_der_parse(tlshake_test_ec256_pkcs8.data,
				  tlshake_test_ec256_pkcs8.len, &a);
	tlshake_privkey_der_parse(tlshake_test_ec256_sec1.data,
				  tlshake_test_ec256_sec1.len, &b);
	KUNIT_EXPECT_EQ(test, memcmp(a.key, b.key, 32), 0);
	tlshake_privkey_der_parse(tlshake_test_rsa2048_pkcs8.data,
				  tlshake_test_rsa2048_pkcs8.len, &a);
	KUNIT_EXPECT_EQ(test, memcmp(a.key, tlshake_test_rsa2048_pkcs1.data,
				     tlshake_test_rsa2048_pkcs1.len), 0);

	/* A certificate is not a key. */
	cert = spki_test_cert(&tlshake_test_ec256_chain, &n);
	KUNIT_EXPECT_NE(test, tlshake_privkey_der_parse(cert, n, &a), 0);
}

static struct kunit_case spki_test_cases[] = {
	KUNIT_CASE(spki_test_certificates),
	KUNIT_CASE(spki_test_truncated),
	KUNIT_CASE(spki_test_algorithms),
	KUNIT_CASE(spki_test_private_keys),
	{}
};

static struct kunit_suite spki_test_suite = {
	.name = "tlshake_x509_spki",
	.test_cases = spki_test_cases,
};

kunit_test_suite(spki_test_suite);
