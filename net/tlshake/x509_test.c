// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the X.509 parser, host-name verification and path
 * validation.
 *
 * The certificates come from tools/testing/tlshake/vectors/x509, made by
 * make-test-certs.sh with openssl; they are valid from 2020 to 2049 (the
 * roots to 2060), and every chain is checked at 2026-01-01, so the suite
 * does not age.  Chains are verified with real signatures, through
 * tlshake_x509_verify_chain(); the parser's edge cases and the limits of
 * the path search use certificates built here, whose signatures a stub
 * checks.
 */

#include <kunit/test.h>
#include <linux/slab.h>

#include "wire.h"
#include "x509.h"
#include "x509_test_certs.h"
#include "x509_verify.h"

/* 2026-01-01T00:00:00Z */
#define X509_TEST_NOW	1767225600

struct x509_tc {
	const char *name;
	const u8 *der;
	size_t len;
};

#define TCI(n) { #n, x509_tc_##n, sizeof(x509_tc_##n) }
#define TC(n) ((struct x509_tc)TCI(n))

/* A list of certificates, ended by an empty entry, in the form of
 * tlshake_params.cert_chain.
 */
static u8 *x509_test_list(struct kunit *test, const struct x509_tc *certs,
			  size_t *len)
{
	unsigned int i;
	size_t total = 0;
	u8 *list, *p;

	for (i = 0; certs[i].der; i++)
		total += 3 + certs[i].len;
	list = kunit_kzalloc(test, total + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, list);
	p = list;
	for (i = 0; certs[i].der; i++) {
		put_unaligned_be24(certs[i].len, p);
		memcpy(p + 3, certs[i].der, certs[i].len);
		p += 3 + certs[i].len;
	}
	*len = total;
	return list;
}

static void x509_parse_fields(struct kunit *test)
{
	const struct x509_tc leaf = TC(p256_leaf), inter = TC(p256_int);
	const struct x509_tc root = TC(p256_root);
	struct tlshake_x509_cert c, i, r;

	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(leaf.der, leaf.len, &c), 0);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(inter.der, inter.len, &i), 0);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(root.der, root.len, &r), 0);

	KUNIT_EXPECT_PTR_EQ(test, c.der.data, leaf.der);
	KUNIT_EXPECT_EQ(test, c.der.len, leaf.len);
	KUNIT_EXPECT_PTR_EQ(test, c.tbs.data, leaf.der + 4);
	KUNIT_EXPECT_EQ(test, c.version, 3);
	KUNIT_EXPECT_EQ(test, c.sig_alg, TLSHAKE_X509_SIG_ECDSA_SHA256);
	KUNIT_EXPECT_EQ(test, c.spki.alg, TLSHAKE_KEY_EC_P256);
	KUNIT_EXPECT_EQ(test, c.spki.key_len, 65);
	KUNIT_EXPECT_EQ(test, c.spki.key[0], 0x04);
	KUNIT_EXPECT_EQ(test, c.not_before, 1577836800);	/* 2020-01-01 */
	KUNIT_EXPECT_EQ(test, c.not_after, 2524607999);	/* 2049-12-31 */
	KUNIT_EXPECT_EQ(test, c.has, TLSHAKE_X509_HAS_BASIC_CONSTRAINTS |
			TLSHAKE_X509_HAS_KEY_USAGE | TLSHAKE_X509_HAS_EKU |
			TLSHAKE_X509_HAS_SAN | TLSHAKE_X509_HAS_AKI |
			TLSHAKE_X509_HAS_SKI);
	KUNIT_EXPECT_FALSE(test, c.ca);
	KUNIT_EXPECT_EQ(test, c.key_usage, TLSHAKE_X509_KU_DIGITAL_SIGNATURE);
	KUNIT_EXPECT_EQ(test, c.eku, TLSHAKE_X509_EKU_SERVER_AUTH);
	KUNIT_EXPECT_TRUE(test, tlshake_x509_name_eq(&c.issuer, &i.subject));
	KUNIT_EXPECT_FALSE(test, tlshake_x509_name_eq(&c.issuer, &c.subject));
	KUNIT_ASSERT_EQ(test, c.aki.len, i.ski.len);
	KUNIT_EXPECT_EQ(test, memcmp(c.aki.data, i.ski.data, c.aki.len), 0);
	/* The DER SubjectPublicKeyInfo, as a pin hashes it. */
	KUNIT_EXPECT_EQ(test, c.spki.der[0], 0x30);
	KUNIT_EXPECT_EQ(test, c.spki.der_len, 91);

	KUNIT_EXPECT_TRUE(test, i.ca);
	KUNIT_EXPECT_TRUE(test, i.has_path_len);
	KUNIT_EXPECT_EQ(test, i.path_len, 0);
	KUNIT_EXPECT_EQ(test, i.key_usage, TLSHAKE_X509_KU_KEY_CERT_SIGN |
			TLSHAKE_X509_KU_CRL_SIGN);
	KUNIT_EXPECT_EQ(test, i.eku, TLSHAKE_X509_EKU_SERVER_AUTH |
			TLSHAKE_X509_EKU_CLIENT_AUTH);

	/* The root's notAfter, 2060, is a GeneralizedTime. */
	KUNIT_EXPECT_TRUE(test, r.ca);
	KUNIT_EXPECT_FALSE(test, r.has_path_len);
	KUNIT_EXPECT_EQ(test, r.not_after, 2871763199);
	KUNIT_EXPECT_TRUE(test, tlshake_x509_name_eq(&r.issuer, &r.subject));
	KUNIT_EXPECT_EQ(test, r.aki.len, 0);
	KUNIT_EXPECT_EQ(test, r.serial.len, 1);
}

static void x509_parse_algorithms(struct kunit *test)
{
	static const struct {
		struct x509_tc tc;
		enum tlshake_x509_sig_alg sig;
		enum tlshake_key_type key;
		size_t key_len;
	} tests[] = {
		{ TCI(p256_root), TLSHAKE_X509_SIG_ECDSA_SHA256,
		  TLSHAKE_KEY_EC_P256, 65 },
		{ TCI(p384_root), TLSHAKE_X509_SIG_ECDSA_SHA384,
		  TLSHAKE_KEY_EC_P384, 97 },
		{ TCI(p384_leaf), TLSHAKE_X509_SIG_ECDSA_SHA384,
		  TLSHAKE_KEY_EC_P384, 97 },
		{ TCI(rsa_root), TLSHAKE_X509_SIG_RSA_PKCS1_SHA256,
		  TLSHAKE_KEY_RSA, 526 },
		{ TCI(rsa_int), TLSHAKE_X509_SIG_RSA_PKCS1_SHA384,
		  TLSHAKE_KEY_RSA, 270 },
		{ TCI(rsa_leaf), TLSHAKE_X509_SIG_RSA_PKCS1_SHA512,
		  TLSHAKE_KEY_RSA, 270 },
		{ TCI(pss_int), TLSHAKE_X509_SIG_RSA_PSS_SHA256,
		  TLSHAKE_KEY_RSA, 270 },
		{ TCI(pss_leaf), TLSHAKE_X509_SIG_RSA_PSS_SHA384,
		  TLSHAKE_KEY_RSA, 398 },
		{ TCI(pss_leaf512), TLSHAKE_X509_SIG_RSA_PSS_SHA512,
		  TLSHAKE_KEY_RSA, 270 },
	};
	struct tlshake_x509_cert c;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		KUNIT_ASSERT_EQ_MSG(test, tlshake_x509_parse(tests[i].tc.der,
							     tests[i].tc.len,
							     &c),
				    0, "%s", tests[i].tc.name);
		KUNIT_EXPECT_EQ_MSG(test, c.sig_alg, tests[i].sig, "%s",
				    tests[i].tc.name);
		KUNIT_EXPECT_EQ_MSG(test, c.spki.alg, tests[i].key, "%s",
				    tests[i].tc.name);
		KUNIT_EXPECT_EQ_MSG(test, c.spki.key_len, tests[i].key_len,
				    "%s", tests[i].tc.name);
	}

	/* RSA-1024 is too small; an unknown critical extension refuses. */
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(x509_tc_rsa1024,
						 sizeof(x509_tc_rsa1024), &c),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(x509_tc_critical,
						 sizeof(x509_tc_critical), &c),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse_err(-ENOPKG),
			TLSHAKE_X509_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse_err(-EOPNOTSUPP),
			TLSHAKE_X509_CRITICAL_EXT);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse_err(-EBADMSG),
			TLSHAKE_X509_MALFORMED);
}

/* Every span of a parsed certificate lies inside its buffer. */
static bool x509_test_inside(const struct tlshake_x509_cert *c, const u8 *buf,
			     size_t len)
{
	const struct {
		const u8 *p;
		size_t n;
	} spans[] = {
		{ c->der.data, c->der.len }, { c->tbs.data, c->tbs.len },
		{ c->serial.data, c->serial.len },
		{ c->issuer.data, c->issuer.len },
		{ c->subject.data, c->subject.len },
		{ c->spki.der, c->spki.der_len },
		{ c->spki.key, c->spki.key_len }, { c->sig.data, c->sig.len },
		{ c->san.data, c->san.len }, { c->aki.data, c->aki.len },
		{ c->ski.data, c->ski.len },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(spans); i++)
		if (spans[i].n && (spans[i].p < buf ||
				   spans[i].p + spans[i].n > buf + len))
			return false;
	return true;
}

/* Every proper prefix of a certificate, and the certificate with a byte
 * after it, is malformed; every single-byte corruption is either refused
 * or parsed into spans that stay inside the buffer.
 */
static void x509_parse_truncated_and_corrupted(struct kunit *test)
{
	const struct x509_tc certs[] = {
		TC(p256_leaf), TC(rsa_leaf), TC(pss_int), TC(san),
	};
	struct tlshake_x509_cert c;
	unsigned int i, refused;
	size_t len, pos;
	u8 *buf;

	for (i = 0; i < ARRAY_SIZE(certs); i++) {
		buf = kunit_kzalloc(test, certs[i].len + 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
		memcpy(buf, certs[i].der, certs[i].len);

		for (len = 0; len < certs[i].len; len++)
			if (tlshake_x509_parse(buf, len, &c) != -EBADMSG)
				KUNIT_FAIL(test, "%s cut to %zu accepted",
					   certs[i].name, len);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_x509_parse(buf,
							     certs[i].len + 1,
							     &c),
				    -EBADMSG, "%s", certs[i].name);

		refused = 0;
		for (pos = 0; pos < certs[i].len; pos++) {
			buf[pos] ^= 0x41;
			if (tlshake_x509_parse(buf, certs[i].len, &c))
				refused++;
			else if (!x509_test_inside(&c, buf, certs[i].len))
				KUNIT_FAIL(test, "%s: byte %zu: span outside",
					   certs[i].name, pos);
			buf[pos] ^= 0x41;
		}
		/* Most of a certificate is structure, and checked. */
		KUNIT_EXPECT_GT_MSG(test, refused, 0, "%s", certs[i].name);
	}
}

static void x509_parse_times(struct kunit *test)
{
	static const struct {
		u8 tag;
		const char *s;
		int err;
		time64_t t;
	} tests[] = {
		{ 0x17, "200101000000Z", 0, 1577836800 },
		{ 0x17, "491231235959Z", 0, 2524607999 },
		{ 0x17, "500101000000Z", 0, -631152000 },	/* 1950 */
		{ 0x17, "000229000000Z", 0, 951782400 },	/* 2000 */
		{ 0x18, "20500101000000Z", 0, 2524608000 },
		{ 0x18, "20240229120000Z", 0, 1709208000 },
		{ 0x18, "20261231235959Z", 0, 1798761599 },
		{ 0x18, "00010101000000Z", 0, -62135596800 },
		{ 0x18, "99991231235959Z", 0, 253402300799 },
		{ 0x18, "20230229120000Z", -EBADMSG },	/* not a leap year */
		{ 0x18, "21000229120000Z", -EBADMSG },	/* nor is 2100 */
		{ 0x17, "200431000000Z", -EBADMSG },	/* 31 April */
		{ 0x17, "201301000000Z", -EBADMSG },
		{ 0x17, "200001000000Z", -EBADMSG },
		{ 0x17, "200100000000Z", -EBADMSG },
		{ 0x17, "200132000000Z", -EBADMSG },
		{ 0x17, "200101240000Z", -EBADMSG },
		{ 0x17, "200101006000Z", -EBADMSG },
		{ 0x17, "200101000060Z", -EBADMSG },	/* no leap seconds */
		{ 0x17, "2001010000Z", -EBADMSG },	/* no seconds */
		{ 0x17, "200101000000", -EBADMSG },	/* no Z */
		{ 0x17, "200101000000+0100", -EBADMSG },
		{ 0x17, "20010100000aZ", -EBADMSG },
		{ 0x17, "2001010000 0Z", -EBADMSG },
		{ 0x17, "-20101000000Z", -EBADMSG },
		{ 0x17, "200101000000z", -EBADMSG },
		{ 0x18, "20200101000000.5Z", -EBADMSG },	/* fractions */
		{ 0x18, "202001010000Z", -EBADMSG },
		{ 0x18, "200101000000Z", -EBADMSG },	/* UTCTime form */
		{ 0x17, "20200101000000Z", -EBADMSG },	/* and vice versa */
		{ 0x04, "200101000000Z", -EBADMSG },	/* not a time */
	};
	unsigned int i;
	time64_t t;
	int err;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		t = 0;
		err = tlshake_x509_parse_time(tests[i].tag,
					      (const u8 *)tests[i].s,
					      strlen(tests[i].s), &t);
		KUNIT_EXPECT_EQ_MSG(test, err, tests[i].err, "%s",
				    tests[i].s);
		if (!err)
			KUNIT_EXPECT_EQ_MSG(test, t, tests[i].t, "%s",
					    tests[i].s);
	}
}

/* Certificates built here, for what openssl will not make: a small DER
 * writer, whose output is appended and then wrapped in place.
 */
struct x509_tb {
	u8 *buf;
	size_t len;
	size_t size;
};

static void x509_tb_put(struct x509_tb *b, const void *p, size_t n)
{
	if (b->len + n <= b->size)
		memcpy(b->buf + b->len, p, n);
	b->len += n;
}

/* Make everything appended since @start the contents of a @tag element. */
static void x509_tb_wrap(struct x509_tb *b, size_t start, u8 tag)
{
	size_t n = b->len - start, h = n < 128 ? 2 : n < 256 ? 3 : 4;

	if (b->len + h > b->size) {
		b->len += h;
		return;
	}
	memmove(b->buf + start + h, b->buf + start, n);
	b->buf[start] = tag;
	if (h == 2) {
		b->buf[start + 1] = n;
	} else if (h == 3) {
		b->buf[start + 1] = 0x81;
		b->buf[start + 2] = n;
	} else {
		b->buf[start + 1] = 0x82;
		put_unaligned_be16(n, b->buf + start + 2);
	}
	b->len += h;
}

static void x509_tb_tlv(struct x509_tb *b, u8 tag, const void *p, size_t n)
{
	size_t start = b->len;

	x509_tb_put(b, p, n);
	x509_tb_wrap(b, start, tag);
}

/* A Name of one CN, a UTF8String. */
static void x509_tb_name(struct x509_tb *b, const char *cn)
{
	static const u8 oid_cn[] = { 0x06, 0x03, 0x55, 0x04, 0x03 };
	size_t start = b->len;

	x509_tb_put(b, oid_cn, sizeof(oid_cn));
	x509_tb_tlv(b, 0x0c, cn, strlen(cn));
	x509_tb_wrap(b, start, 0x30);
	x509_tb_wrap(b, start, 0x31);
	x509_tb_wrap(b, start, 0x30);
}

/* An Extension: SEQUENCE { extnID, critical, extnValue }. */
static void x509_tb_ext(struct x509_tb *b, const u8 *oid, size_t oid_len,
			bool critical, const u8 *val, size_t val_len)
{
	static const u8 true_[] = { 0x01, 0x01, 0xff };
	size_t start = b->len;

	x509_tb_tlv(b, 0x06, oid, oid_len);
	if (critical)
		x509_tb_put(b, true_, sizeof(true_));
	x509_tb_tlv(b, 0x04, val, val_len);
	x509_tb_wrap(b, start, 0x30);
}

#define TB_PUT(b, ...)							\
	x509_tb_put(b, (const u8[]){ __VA_ARGS__ },			\
		    sizeof((const u8[]){ __VA_ARGS__ }))
#define TB_EXT(b, oid, critical, ...)					\
	x509_tb_ext(b, oid, sizeof(oid), critical,			\
		    (const u8[]){ __VA_ARGS__ },			\
		    sizeof((const u8[]){ __VA_ARGS__ }))

static const u8 x509_oid_bc[] = { 0x55, 0x1d, 0x13 };
static const u8 x509_oid_ku[] = { 0x55, 0x1d, 0x0f };
static const u8 x509_oid_san[] = { 0x55, 0x1d, 0x11 };
static const u8 x509_oid_eku[] = { 0x55, 0x1d, 0x25 };
static const u8 x509_oid_aki[] = { 0x55, 0x1d, 0x23 };
static const u8 x509_oid_unknown[] = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82,
				       0xfd, 0x59, 0x09 };
static const u8 x509_ecdsa_sha256[] = {
	0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
};

static const u8 x509_validity[] = {
	0x30, 0x1e,
	0x17, 0x0d, '2', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0',
	'Z',
	0x17, 0x0d, '4', '9', '1', '2', '3', '1', '2', '3', '5', '9', '5', '9',
	'Z',
};

/**
 * struct x509_parts - the pieces of a built certificate; NULL for defaults
 * @version: the [0] version element; default v3
 * @version_len: its length
 * @no_version: omit the version (v1)
 * @serial: the serial number, one octet below 128
 * @sig_alg: the signature AlgorithmIdentifier; default ecdsa-with-SHA256
 * @sig_alg_len: its length
 * @outer_alg: the signatureAlgorithm; default the same as @sig_alg
 * @outer_alg_len: its length
 * @issuer: the issuer's CN; default "Test CA"
 * @issuer_der: the whole issuer Name instead
 * @issuer_der_len: its length
 * @validity: the Validity element; default 2020 to 2049
 * @validity_len: its length
 * @subject: the subject's CN; default "Test leaf"
 * @exts: the extensions, concatenated; NULL for none
 * @exts_len: their length
 * @empty_exts: an empty extensions SEQUENCE
 * @ca: add basicConstraints cA (when @exts is NULL)
 */
struct x509_parts {
	const u8 *version;
	size_t version_len;
	bool no_version;
	u8 serial;
	const u8 *sig_alg;
	size_t sig_alg_len;
	const u8 *outer_alg;
	size_t outer_alg_len;
	const char *issuer;
	const u8 *issuer_der;
	size_t issuer_der_len;
	const u8 *validity;
	size_t validity_len;
	const char *subject;
	const u8 *exts;
	size_t exts_len;
	bool empty_exts;
	bool ca;
};

static void x509_tb_cert(struct kunit *test, struct x509_tb *b,
			 const struct x509_parts *p)
{
	static const u8 v3[] = { 0xa0, 0x03, 0x02, 0x01, 0x02 };
	static const u8 bc_ca[] = { 0x30, 0x03, 0x01, 0x01, 0xff };
	static const u8 sig[] = { 0x03, 0x09, 0x00, 0x30, 0x06, 0x02, 0x01,
				  0x01, 0x02, 0x01, 0x01 };
	struct tlshake_x509_cert leaf;
	size_t start, tbs, exts;
	u8 serial[] = { 0x02, 0x01, p->serial };

	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(x509_tc_p256_leaf,
						 sizeof(x509_tc_p256_leaf),
						 &leaf), 0);
	b->len = 0;
	start = b->len;
	tbs = b->len;
	if (!p->no_version)
		x509_tb_put(b, p->version ?: v3,
			    p->version ? p->version_len : sizeof(v3));
	x509_tb_put(b, serial, sizeof(serial));
	x509_tb_put(b, p->sig_alg ?: x509_ecdsa_sha256,
		    p->sig_alg ? p->sig_alg_len : sizeof(x509_ecdsa_sha256));
	if (p->issuer_der)
		x509_tb_put(b, p->issuer_der, p->issuer_der_len);
	else
		x509_tb_name(b, p->issuer ?: "Test CA");
	x509_tb_put(b, p->validity ?: x509_validity,
		    p->validity ? p->validity_len : sizeof(x509_validity));
	x509_tb_name(b, p->subject ?: "Test leaf");
	/* The key of p256-leaf. */
	x509_tb_put(b, leaf.spki.der, leaf.spki.der_len);
	if (p->exts || p->empty_exts || p->ca) {
		exts = b->len;
		if (p->exts)
			x509_tb_put(b, p->exts, p->exts_len);
		else if (p->ca)
			x509_tb_ext(b, x509_oid_bc, sizeof(x509_oid_bc), true,
				    bc_ca, sizeof(bc_ca));
		x509_tb_wrap(b, exts, 0x30);
		x509_tb_wrap(b, exts, 0xa3);
	}
	x509_tb_wrap(b, tbs, 0x30);
	if (p->outer_alg)
		x509_tb_put(b, p->outer_alg, p->outer_alg_len);
	else
		x509_tb_put(b, p->sig_alg ?: x509_ecdsa_sha256,
			    p->sig_alg ? p->sig_alg_len :
					 sizeof(x509_ecdsa_sha256));
	x509_tb_put(b, sig, sizeof(sig));
	x509_tb_wrap(b, start, 0x30);
	KUNIT_ASSERT_LE(test, b->len, b->size);
}

static struct x509_tb *x509_tb_new(struct kunit *test, size_t size)
{
	struct x509_tb *b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);
	b->buf = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b->buf);
	b->size = size;
	return b;
}

/* Build a certificate whose extensions are @ext (one or more). */
static int x509_test_exts(struct kunit *test, struct x509_tb *b,
			  struct x509_tb *e, struct tlshake_x509_cert *c)
{
	struct x509_parts p = { .exts = e->buf, .exts_len = e->len };

	x509_tb_cert(test, b, &p);
	return tlshake_x509_parse(b->buf, b->len, c);
}

static void x509_parse_built(struct kunit *test)
{
	static const u8 v1[] = { 0xa0, 0x03, 0x02, 0x01, 0x00 };
	static const u8 v4[] = { 0xa0, 0x03, 0x02, 0x01, 0x03 };
	static const u8 v2[] = { 0xa0, 0x03, 0x02, 0x01, 0x01 };
	static const u8 sha256_rsa_no_null[] = {
		0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
		0x01, 0x01, 0x0b,
	};
	static const u8 ecdsa_null[] = {
		0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04,
		0x03, 0x02, 0x05, 0x00,
	};
	static const u8 ecdsa_sha384[] = {
		0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04,
		0x03, 0x03,
	};
	static const u8 ecdsa_sha1[] = {
		0x30, 0x09, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04,
		0x01,
	};
	static const u8 empty_name[] = { 0x30, 0x00 };
	static const u8 generalized[] = {
		0x30, 0x22,
		0x18, 0x0f, '2', '0', '2', '0', '0', '1', '0', '1', '0', '0',
		'0', '0', '0', '0', 'Z',
		0x18, 0x0f, '2', '0', '6', '0', '0', '1', '0', '1', '0', '0',
		'0', '0', '0', '0', 'Z',
	};
	static const u8 bad_time[] = {
		0x30, 0x1e,
		0x17, 0x0d, '2', '0', '0', '1', '0', '1', '0', '0', '0', '0',
		'0', '0', 'Z',
		0x17, 0x0d, '4', '9', '1', '3', '3', '1', '2', '3', '5', '9',
		'5', '9', 'Z',
	};
	struct x509_tb *b = x509_tb_new(test, 1024);
	struct tlshake_x509_cert c;
	struct x509_parts p;

	p = (struct x509_parts){};
	x509_tb_cert(test, b, &p);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c), 0);
	KUNIT_EXPECT_EQ(test, c.version, 3);
	KUNIT_EXPECT_EQ(test, c.has, 0);

	p = (struct x509_parts){ .no_version = true };
	x509_tb_cert(test, b, &p);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c), 0);
	KUNIT_EXPECT_EQ(test, c.version, 1);
	/* A v1 certificate has no extensions; DER omits version v1. */
	p = (struct x509_parts){ .no_version = true, .ca = true };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .version = v2, .version_len = sizeof(v2),
				 .ca = true };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .version = v1, .version_len = sizeof(v1) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .version = v4, .version_len = sizeof(v4) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-ENOPKG);
	p = (struct x509_parts){ .empty_exts = true };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);

	/* signatureAlgorithm must be the signature field, byte for byte. */
	p = (struct x509_parts){ .outer_alg = ecdsa_sha384,
				 .outer_alg_len = sizeof(ecdsa_sha384) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .sig_alg = ecdsa_null,
				 .sig_alg_len = sizeof(ecdsa_null) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .sig_alg = ecdsa_sha1,
				 .sig_alg_len = sizeof(ecdsa_sha1) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-ENOPKG);
	/* RFC 4055 5: absent parameters are tolerated for NULL. */
	p = (struct x509_parts){ .sig_alg = sha256_rsa_no_null,
				 .sig_alg_len = sizeof(sha256_rsa_no_null) };
	x509_tb_cert(test, b, &p);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c), 0);
	KUNIT_EXPECT_EQ(test, c.sig_alg, TLSHAKE_X509_SIG_RSA_PKCS1_SHA256);

	p = (struct x509_parts){ .issuer_der = empty_name,
				 .issuer_der_len = sizeof(empty_name) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
	p = (struct x509_parts){ .validity = generalized,
				 .validity_len = sizeof(generalized) };
	x509_tb_cert(test, b, &p);
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c), 0);
	KUNIT_EXPECT_EQ(test, c.not_after, 2840140800);	/* 2060-01-01 */
	p = (struct x509_parts){ .validity = bad_time,
				 .validity_len = sizeof(bad_time) };
	x509_tb_cert(test, b, &p);
	KUNIT_EXPECT_EQ(test, tlshake_x509_parse(b->buf, b->len, &c),
			-EBADMSG);
}

static void x509_parse_pss_params(struct kunit *test)
{
	/* RSASSA-PSS with SHA-256 (NULL params), MGF1-SHA-256, salt 32 */
	static const u8 good[] = {
		0x30, 0x41, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
		0x01, 0x01, 0x0a, 0x30, 0x34,
		0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
		0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
		0xa1, 0x1c, 0x30, 0x1a, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
		0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60,
		0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
		0xa2, 0x03, 0x02, 0x01, 0x20,
	};
	static const struct {
		const char *what;
		size_t pos;
		u8 val;
		int err;
	} tests[] = {
		{ "as it is", 0, 0, 0 },
		{ "salt 33", 66, 0x21, -ENOPKG },
		{ "MGF1 with SHA-384", 59, 0x02, -ENOPKG },
		{ "hash SHA-512, MGF1 SHA-256, salt 32", 29, 0x03, -ENOPKG },
		{ "an unknown hash", 29, 0x1a, -ENOPKG },
		{ "not MGF1", 46, 0x09, -ENOPKG },
		{ "salt not an INTEGER", 64, 0x04, -EBADMSG },
		{ "hashAlgorithm tagged [1]", 15, 0xa1, -ENOPKG },
	};
	struct x509_tb *b = x509_tb_new(test, 1024);
	struct tlshake_x509_cert c;
	struct x509_parts p;
	unsigned int i;
	u8 alg[sizeof(good)];

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		memcpy(alg, good, sizeof(good));
		if (tests[i].pos)
			alg[tests[i].pos] = tests[i].val;
		p = (struct x509_parts){ .sig_alg = alg,
					 .sig_alg_len = sizeof(alg) };
		x509_tb_cert(test, b, &p);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_x509_parse(b->buf, b->len,
							     &c),
				    tests[i].err, "%s", tests[i].what);
		if (!tests[i].err)
			KUNIT_EXPECT_EQ(test, c.sig_alg,
					TLSHAKE_X509_SIG_RSA_PSS_SHA256);
	}
}

static void x509_parse_extensions(struct kunit *test)
{
	struct x509_tb *b = x509_tb_new(test, 2048);
	struct x509_tb *e = x509_tb_new(test, 1024);
	struct tlshake_x509_cert c;
	unsigned int i;

	/* An unknown extension: skipped, unless critical. */
	e->len = 0;
	TB_EXT(e, x509_oid_unknown, false, 0x05, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	e->len = 0;
	TB_EXT(e, x509_oid_unknown, true, 0x05, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EOPNOTSUPP);

	/* Duplicates, known or not. */
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x03, 0x82, 0x01, 'a');
	TB_EXT(e, x509_oid_bc, true, 0x30, 0x00);
	TB_EXT(e, x509_oid_san, false, 0x30, 0x03, 0x82, 0x01, 'b');
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	e->len = 0;
	TB_EXT(e, x509_oid_unknown, false, 0x05, 0x00);
	TB_EXT(e, x509_oid_unknown, false, 0x05, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);

	/* Too many to check pairwise. */
	e->len = 0;
	for (i = 0; i < 33; i++) {
		u8 oid[] = { 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0xfd, 0x59,
			     0x0a, i };

		TB_EXT(e, oid, false, 0x05, 0x00);
	}
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -ENOPKG);

	/* basicConstraints: an explicit FALSE, a huge pathLen. */
	e->len = 0;
	TB_EXT(e, x509_oid_bc, true, 0x30, 0x03, 0x01, 0x01, 0x00);
	KUNIT_ASSERT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	KUNIT_EXPECT_FALSE(test, c.ca);
	KUNIT_EXPECT_EQ(test, c.has, TLSHAKE_X509_HAS_BASIC_CONSTRAINTS);
	e->len = 0;
	TB_EXT(e, x509_oid_bc, true, 0x30, 0x07, 0x01, 0x01, 0xff, 0x02, 0x02,
	       0x01, 0x2c);
	KUNIT_ASSERT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	KUNIT_EXPECT_TRUE(test, c.ca);
	KUNIT_EXPECT_TRUE(test, c.has_path_len);
	KUNIT_EXPECT_EQ(test, c.path_len, 255);
	e->len = 0;
	TB_EXT(e, x509_oid_bc, true, 0x30, 0x03, 0x01, 0x01, 0x01);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	/* Something after the one element of extnValue. */
	e->len = 0;
	TB_EXT(e, x509_oid_bc, true, 0x30, 0x00, 0x05, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	/* The critical flag is a DER BOOLEAN. */
	e->len = 0;
	TB_PUT(e, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0x01,
	       0x04, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);

	/* keyUsage: keyCertSign and decipherOnly; unused bits must be 0. */
	e->len = 0;
	TB_EXT(e, x509_oid_ku, true, 0x03, 0x03, 0x07, 0x04, 0x80);
	KUNIT_ASSERT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	KUNIT_EXPECT_EQ(test, c.key_usage, TLSHAKE_X509_KU_KEY_CERT_SIGN |
			TLSHAKE_X509_KU_DECIPHER_ONLY);
	e->len = 0;
	TB_EXT(e, x509_oid_ku, true, 0x03, 0x02, 0x02, 0x86);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	e->len = 0;
	TB_EXT(e, x509_oid_ku, true, 0x03, 0x01, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);

	/* extendedKeyUsage: anyExtendedKeyUsage; never empty. */
	e->len = 0;
	TB_EXT(e, x509_oid_eku, false, 0x30, 0x0f, 0x06, 0x04, 0x55, 0x1d, 0x25,
	       0x00, 0x06, 0x07, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x09);
	KUNIT_ASSERT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	KUNIT_EXPECT_EQ(test, c.eku, TLSHAKE_X509_EKU_ANY);
	e->len = 0;
	TB_EXT(e, x509_oid_eku, false, 0x30, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);

	/* subjectAltName: never empty; iPAddress 4 or 16 bytes; IA5. */
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x07, 0x87, 0x05, 192, 0, 2, 1, 0);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x03, 0x82, 0x01, 0xe9);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	/* dNSName may not be constructed, [9] does not exist. */
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x02, 0xa2, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x02, 0x89, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
	/* A URI and a directoryName are skipped. */
	e->len = 0;
	TB_EXT(e, x509_oid_san, false, 0x30, 0x09, 0x86, 0x03, 'a', ':', 'b',
	       0xa4, 0x02, 0x30, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), 0);

	/* authorityKeyIdentifier: the fields in order, only [0] kept. */
	e->len = 0;
	TB_EXT(e, x509_oid_aki, false, 0x30, 0x0b, 0x80, 0x02, 0xab, 0xcd, 0xa1,
	       0x02, 0x30, 0x00, 0x82, 0x01, 0x07);
	KUNIT_ASSERT_EQ(test, x509_test_exts(test, b, e, &c), 0);
	KUNIT_ASSERT_EQ(test, c.aki.len, 2);
	KUNIT_EXPECT_EQ(test, c.aki.data[1], 0xcd);
	e->len = 0;
	TB_EXT(e, x509_oid_aki, false, 0x30, 0x07, 0x82, 0x01, 0x07, 0x80, 0x02,
	       0xab, 0xcd);
	KUNIT_EXPECT_EQ(test, x509_test_exts(test, b, e, &c), -EBADMSG);
}

static void x509_names(struct kunit *test)
{
	/* C=US, O=Example+OU=Web, 2.5.4.99=x, CN=a\001b (UTF8), and a CN
	 * that is an INTEGER.
	 */
	static const u8 name[] = {
		0x30, 0x51,
		0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13,
		0x02, 'U', 'S',
		0x31, 0x1c, 0x30, 0x0e, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x0c,
		0x07, 'E', 'x', 'a', 'm', 'p', 'l', 'e',
		0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x0c, 0x03, 'W', 'e',
		'b',
		0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x63, 0x0c,
		0x01, 'x',
		0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c,
		0x03, 'a', 0x01, 'b',
		0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x02,
		0x01, 0x05,
	};
	const struct tlshake_x509_span span = { name, sizeof(name) };
	struct tlshake_x509_cert c;
	char buf[80];

	KUNIT_EXPECT_EQ(test, tlshake_x509_name_print(&span, buf, sizeof(buf)),
			strlen(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "C=US, O=Example+OU=Web, 2.5.4.99=x, CN=a?b, CN=?");
	KUNIT_EXPECT_EQ(test, tlshake_x509_name_print(&span, buf, 8), 7);
	KUNIT_EXPECT_STREQ(test, buf, "C=US, O");

	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(x509_tc_p256_leaf,
						 sizeof(x509_tc_p256_leaf),
						 &c), 0);
	tlshake_x509_name_print(&c.subject, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "CN=www.example.com");
	tlshake_x509_name_print(&c.issuer, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "CN=tlshake test P-256 intermediate");
}

static void x509_ip_literals(struct kunit *test)
{
	static const struct {
		const char *s;
		unsigned int len;
		u8 addr[16];
	} tests[] = {
		{ "192.0.2.1", 4, { 192, 0, 2, 1 } },
		{ "0.0.0.0", 4, {} },
		{ "255.255.255.255", 4, { 255, 255, 255, 255 } },
		{ "::1", 16, { [15] = 1 } },
		{ "::", 16, {} },
		{ "2001:db8::1", 16, { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } },
		{ "2001:DB8:0:0:0:0:0:1", 16,
		  { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } },
		{ "fe80::", 16, { 0xfe, 0x80 } },
		{ "1:2:3:4:5:6:7::", 16,
		  { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0 } },
		{ "::ffff:192.0.2.1", 16,
		  { [10] = 0xff, 0xff, 192, 0, 2, 1 } },
		{ "1:2:3:4:5:6:1.2.3.4", 16,
		  { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4 } },
		{ "192.0.2.01", 0 },
		{ "256.0.0.1", 0 },
		{ "1.2.3", 0 },
		{ "1.2.3.4.", 0 },
		{ "1.2.3.4.5", 0 },
		{ "1..2.3", 0 },
		{ "01.2.3.4", 0 },
		{ "1234.1.1.1", 0 },
		{ "1:2:3:4:5:6:7:8:9", 0 },
		{ "1:2:3:4:5:6:7:8::", 0 },
		{ "1::2::3", 0 },
		{ ":1::", 0 },
		{ "1:", 0 },
		{ ":::", 0 },
		{ "12345::", 0 },
		{ "g::", 0 },
		{ "fe80::1%eth0", 0 },
		{ "[::1]", 0 },
		{ "1:2:3:4:5:6:7:1.2.3.4", 0 },
		{ "::1.2.3", 0 },
		{ "www.example.com", 0 },
		{ "", 0 },
	};
	unsigned int i, len;
	u8 addr[16];

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		memset(addr, 0xaa, sizeof(addr));
		len = tlshake_x509_parse_ip(tests[i].s, strlen(tests[i].s),
					    addr);
		KUNIT_EXPECT_EQ_MSG(test, len, tests[i].len, "%s",
				    tests[i].s);
		if (len && len == tests[i].len)
			KUNIT_EXPECT_EQ_MSG(test,
					    memcmp(addr, tests[i].addr, len),
					    0, "%s", tests[i].s);
	}
}

static void x509_dns_names(struct kunit *test)
{
	static const struct {
		const char *pattern;
		const char *host;
		bool match;
		size_t len;
	} tests[] = {
		{ "www.example.com", "www.example.com", true },
		{ "WWW.Example.COM", "www.example.com", true },
		{ "www.example.com", "www.example.co", false },
		{ "www.example.com", "ww.example.com", false },
		{ "*.example.com", "www.example.com", true },
		{ "*.example.com", "WWW.EXAMPLE.COM", true },
		{ "*.example.com", "example.com", false },
		{ "*.example.com", "a.b.example.com", false },
		{ "*.example.com", "wwwexample.com", false },
		{ "*.com", "example.com", false },
		{ "*.co.uk", "example.co.uk", true },
		{ "*", "localhost", false },
		{ "*.", "a.", false },
		{ "*.example.com.", "www.example.com", false },
		{ "*..com", "a..com", false },
		{ "w*.example.com", "www.example.com", false },
		{ "*w.example.com", "www.example.com", false },
		{ "*.*.example.com", "a.b.example.com", false },
		{ "www.*.com", "www.example.com", false },
		{ "", "www.example.com", false },
		/* An embedded NUL, counted in the length. */
		{ "www.example.com", "www.example.com", false, 16 },
	};
	const char *pattern;
	unsigned int i;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		pattern = tests[i].pattern;
		len = tests[i].len ? tests[i].len : strlen(pattern);
		KUNIT_EXPECT_EQ_MSG(test,
				    tlshake_x509_dns_match((const u8 *)pattern,
							   len, tests[i].host,
							   strlen(tests[i].host)),
				    tests[i].match, "%s %s", pattern,
				    tests[i].host);
	}
}

static void x509_hosts(struct kunit *test)
{
	static const struct {
		const char *name;
		int err;
	} tests[] = {
		{ "www.example.com", 0 },
		{ "foo.example.com", 0 },
		{ "example.com", 0 },
		{ "EXAMPLE.com.", 0 },
		{ "a.b.example.com", -EACCES },
		{ "www.example.org", -EACCES },	/* the CN: never used */
		{ "example.net", -EACCES },
		{ "192.0.2.1", 0 },
		{ "192.0.2.2", -EACCES },
		{ "2001:db8::1", 0 },
		{ "2001:db8:0:0:0:0:0:1", 0 },
		{ "2001:db8::2", -EACCES },
		{ "::ffff:192.0.2.1", -EACCES },
		{ "admin@example.com", -EINVAL },
		{ "www..example.com", -EINVAL },
		{ "*.example.com", -EINVAL },
		{ "", -EINVAL },
		{ ".", -EINVAL },
	};
	struct tlshake_x509_cert c;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(x509_tc_san,
						 sizeof(x509_tc_san), &c), 0);
	for (i = 0; i < ARRAY_SIZE(tests); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    tlshake_x509_check_host(&c, tests[i].name,
							    strlen(tests[i].name)),
				    tests[i].err, "%s", tests[i].name);

	/* Without a subjectAltName nothing matches, not even the CN. */
	KUNIT_ASSERT_EQ(test, tlshake_x509_parse(x509_tc_nosan,
						 sizeof(x509_tc_nosan), &c), 0);
	KUNIT_EXPECT_EQ(test, tlshake_x509_check_host(&c, "www.example.com",
						      15), -EACCES);
}

#define CHAIN(...) ((const struct x509_tc[]){ __VA_ARGS__, {} })

/* Verify a chain with real signatures at X509_TEST_NOW. */
static enum tlshake_x509_err
x509_test_verify(struct kunit *test, const struct x509_tc *chain,
		 const struct x509_tc *anchors, enum tlshake_x509_purpose purpose,
		 const char *host)
{
	enum tlshake_x509_err reason;
	size_t chain_len, anchors_len;
	u8 *c, *a;
	int err;

	c = x509_test_list(test, chain, &chain_len);
	a = x509_test_list(test, anchors, &anchors_len);
	err = tlshake_x509_verify_chain(c, chain_len, a, anchors_len,
					X509_TEST_NOW, purpose, host, &reason);
	KUNIT_EXPECT_EQ(test, err, tlshake_x509_err_errno(reason));
	return reason;
}

#define SERVER	TLSHAKE_X509_PURPOSE_SERVER
#define CLIENT	TLSHAKE_X509_PURPOSE_CLIENT

#define EXPECT_CHAIN(expected, chain, anchors, purpose, host) \
	KUNIT_EXPECT_EQ_MSG(test, x509_test_verify(test, chain, anchors, \
						   purpose, host), \
			    expected, "%s", #chain)

static void x509_verify_good(struct kunit *test)
{
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(p256_leaf), TC(p256_int)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(p384_leaf), TC(p384_int)),
		     CHAIN(TC(p384_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(p384_leaf), TC(p384_int)),
		     CHAIN(TC(p384_root)), CLIENT, NULL);
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(rsa_leaf), TC(rsa_int)),
		     CHAIN(TC(rsa_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(pss_leaf), TC(pss_int)),
		     CHAIN(TC(rsa_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(pss_leaf512), TC(pss_int)),
		     CHAIN(TC(rsa_root)), SERVER, "example.com");
	/* In any order, with the root and strangers sent along. */
	EXPECT_CHAIN(TLSHAKE_X509_OK,
		     CHAIN(TC(p256_leaf), TC(p256_root), TC(p256_int)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK,
		     CHAIN(TC(p256_leaf), TC(rsa_int), TC(other_root),
			   TC(p384_int), TC(p256_int)),
		     CHAIN(TC(rsa_root), TC(other_root), TC(p256_root)),
		     SERVER, "www.example.com");
	/* The anchor may be the intermediate, or the leaf itself. */
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(p256_leaf)),
		     CHAIN(TC(p256_int)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(self)), CHAIN(TC(self)),
		     SERVER, "self.example.com");
	/* Anchors we cannot use are passed over. */
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(p256_leaf), TC(p256_int)),
		     CHAIN(TC(rsa1024), TC(critical), TC(p256_root)), SERVER,
		     "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(eku_client), TC(p256_int)),
		     CHAIN(TC(p256_root)), CLIENT, NULL);
	EXPECT_CHAIN(TLSHAKE_X509_OK, CHAIN(TC(san), TC(p256_int)),
		     CHAIN(TC(p256_root)), SERVER, "2001:db8::1");
}

static void x509_verify_refused(struct kunit *test)
{
	EXPECT_CHAIN(TLSHAKE_X509_EXPIRED, CHAIN(TC(expired), TC(p256_int)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_NOT_YET_VALID,
		     CHAIN(TC(notyet), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_KEY_USAGE,
		     CHAIN(TC(eku_client), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_KEY_USAGE,
		     CHAIN(TC(p256_leaf), TC(p256_int)), CHAIN(TC(p256_root)),
		     CLIENT, NULL);
	EXPECT_CHAIN(TLSHAKE_X509_KEY_USAGE,
		     CHAIN(TC(ku_nosign), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_NOT_CA,
		     CHAIN(TC(noca_leaf), TC(noca_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_KEY_USAGE,
		     CHAIN(TC(nosign_leaf), TC(nosign_int)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_PATH_TOO_LONG,
		     CHAIN(TC(pathlen_leaf), TC(sub_int), TC(p256_int)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_PATH_TOO_LONG,
		     CHAIN(TC(pathlen_leaf), TC(sub_int)),
		     CHAIN(TC(p256_int)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_CRITICAL_EXT,
		     CHAIN(TC(critical), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_UNSUPPORTED,
		     CHAIN(TC(rsa1024), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");

	/* No path to an anchor. */
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER, CHAIN(TC(p256_leaf)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER,
		     CHAIN(TC(p256_leaf), TC(p256_int), TC(p256_root)),
		     CHAIN(TC(p384_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER,
		     CHAIN(TC(p256_leaf), TC(p256_int), TC(p256_root)),
		     CHAIN(TC(rsa1024)), SERVER, "www.example.com");
	/* A root with a trusted root's name, but another key. */
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER,
		     CHAIN(TC(other_leaf), TC(other_root)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER, CHAIN(TC(other_leaf)),
		     CHAIN(TC(p256_root)), SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_UNKNOWN_ISSUER, CHAIN(TC(self)),
		     CHAIN(TC(p256_root)), SERVER, "self.example.com");

	/* The chain is good, the name is not. */
	EXPECT_CHAIN(TLSHAKE_X509_NAME_MISMATCH,
		     CHAIN(TC(p256_leaf), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.org");
	EXPECT_CHAIN(TLSHAKE_X509_NAME_MISMATCH,
		     CHAIN(TC(nosan), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "www.example.com");
	EXPECT_CHAIN(TLSHAKE_X509_NAME_MISMATCH,
		     CHAIN(TC(san), TC(p256_int)), CHAIN(TC(p256_root)),
		     SERVER, "192.0.2.9");
}

/* Copies of certificates with one byte changed. */
static void x509_verify_bad_signatures(struct kunit *test)
{
	static const struct {
		const char *what;
		struct x509_tc leaf, inter, root;
		bool in_leaf;
		bool in_tbs;
	} tests[] = {
		{ "P-256 leaf", TCI(p256_leaf), TCI(p256_int), TCI(p256_root),
		  true, false },
		{ "P-256 intermediate", TCI(p256_leaf), TCI(p256_int),
		  TCI(p256_root), false, false },
		{ "P-256 leaf's serial", TCI(p256_leaf), TCI(p256_int),
		  TCI(p256_root), true, true },
		{ "P-384 leaf", TCI(p384_leaf), TCI(p384_int), TCI(p384_root),
		  true, false },
		{ "RSA leaf", TCI(rsa_leaf), TCI(rsa_int), TCI(rsa_root), true,
		  false },
		{ "RSA intermediate", TCI(rsa_leaf), TCI(rsa_int), TCI(rsa_root),
		  false, false },
		{ "RSA leaf's serial", TCI(rsa_leaf), TCI(rsa_int), TCI(rsa_root),
		  true, true },
		{ "PSS leaf", TCI(pss_leaf), TCI(pss_int), TCI(rsa_root), true,
		  false },
		{ "PSS intermediate", TCI(pss_leaf), TCI(pss_int), TCI(rsa_root),
		  false, false },
	};
	struct x509_tc chain[3] = {}, root[2] = {};
	struct tlshake_x509_cert c;
	unsigned int i;
	u8 *copy;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		struct x509_tc *bad = &chain[tests[i].in_leaf ? 0 : 1];

		chain[0] = tests[i].leaf;
		chain[1] = tests[i].inter;
		root[0] = tests[i].root;
		copy = kunit_kmalloc(test, bad->len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, copy);
		memcpy(copy, bad->der, bad->len);
		KUNIT_ASSERT_EQ(test, tlshake_x509_parse(copy, bad->len, &c),
				0);
		/* The last byte of the signature, or of the serial. */
		if (tests[i].in_tbs)
			copy[c.serial.data + c.serial.len - 1 - copy] ^= 0x01;
		else
			copy[bad->len - 1] ^= 0x01;
		bad->der = copy;

		KUNIT_EXPECT_EQ_MSG(test,
				    x509_test_verify(test, chain, root, SERVER,
						     "www.example.com"),
				    TLSHAKE_X509_BAD_SIGNATURE, "%s",
				    tests[i].what);
	}
}

/* The path search, with built certificates and a stub for the signature
 * check: a signature verifies when the issuer's serial number is in the
 * certificate's "signed by" set, the low bits of its own serial's
 * neighbour in x509_stub_signers[].
 */
struct x509_stub {
	u32 signers[32];	/* by serial: the serials allowed to sign */
	unsigned int calls;
};

static int x509_stub_sig(void *arg, const struct tlshake_x509_cert *issuer,
			 const struct tlshake_x509_cert *cert)
{
	struct x509_stub *stub = arg;

	stub->calls++;
	if (stub->signers[cert->serial.data[0]] & BIT(issuer->serial.data[0]))
		return 0;
	return -EKEYREJECTED;
}

/* Append a built certificate to a list. */
static void x509_test_add(struct kunit *test, struct x509_tb *list,
			  struct x509_tb *b, u8 serial, const char *subject,
			  const char *issuer, bool ca)
{
	struct x509_parts p = {
		.serial = serial, .subject = subject, .issuer = issuer,
		.ca = ca,
	};
	u8 len[3];

	x509_tb_cert(test, b, &p);
	put_unaligned_be24(b->len, len);
	x509_tb_put(list, len, 3);
	x509_tb_put(list, b->buf, b->len);
	KUNIT_ASSERT_LE(test, list->len, list->size);
}

static int x509_test_path(struct kunit *test, struct x509_tb *chain,
			  struct x509_tb *anchors, struct x509_stub *stub,
			  struct tlshake_x509_path *path)
{
	memset(path, 0, sizeof(*path));
	path->chain = chain->buf;
	path->chain_len = chain->len;
	path->anchors = anchors->buf;
	path->anchors_len = anchors->len;
	path->now = X509_TEST_NOW;
	path->sig_check = x509_stub_sig;
	path->sig_arg = stub;
	stub->calls = 0;
	return tlshake_x509_path_validate(path);
}

static void x509_path_search(struct kunit *test)
{
	struct tlshake_x509_path *path;
	struct x509_tb *b = x509_tb_new(test, 1024);
	struct x509_tb *chain = x509_tb_new(test, 16384);
	struct x509_tb *anchors = x509_tb_new(test, 4096);
	struct x509_stub *stub;
	char cn[8], issuer[8];
	unsigned int i;

	path = kunit_kzalloc(test, sizeof(*path), GFP_KERNEL);
	stub = kunit_kzalloc(test, sizeof(*stub), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, path);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, stub);

	/* Two CAs named "CA": the first (2) signed the leaf but has no
	 * issuer we know, the second (3) signed it too and is signed by the
	 * root (4).  The search must back out of the first.
	 */
	x509_test_add(test, chain, b, 1, "leaf", "CA", false);
	x509_test_add(test, chain, b, 2, "CA", "nobody", true);
	x509_test_add(test, chain, b, 3, "CA", "root", true);
	x509_test_add(test, anchors, b, 4, "root", "root", true);
	stub->signers[1] = BIT(2) | BIT(3);
	stub->signers[3] = BIT(4);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			0);
	KUNIT_EXPECT_EQ(test, path->depth, 3);
	KUNIT_EXPECT_EQ(test, path->certs[1].serial.data[0], 3);
	KUNIT_EXPECT_EQ(test, stub->calls, 3);

	/* The root did not sign 3: the furthest failure is reported. */
	stub->signers[3] = 0;
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_BAD_SIGNATURE);
	KUNIT_EXPECT_EQ(test, path->err_depth, 2);

	/* Two CAs certifying each other lead nowhere, and end. */
	chain->len = 0;
	anchors->len = 0;
	memset(stub->signers, 0, sizeof(stub->signers));
	x509_test_add(test, chain, b, 1, "leaf", "A", false);
	x509_test_add(test, chain, b, 2, "A", "B", true);
	x509_test_add(test, chain, b, 3, "B", "A", true);
	x509_test_add(test, anchors, b, 4, "root", "root", true);
	stub->signers[1] = BIT(2);
	stub->signers[2] = BIT(3);
	stub->signers[3] = BIT(2);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_UNKNOWN_ISSUER);
	KUNIT_EXPECT_EQ(test, stub->calls, 2);

	/* A chain of 9: the leaf and CAs 1 to 8, each signed by the next.
	 * With CA 8 as the anchor the path is one too long; with CA 7 it
	 * fits.
	 */
	chain->len = 0;
	anchors->len = 0;
	memset(stub->signers, 0, sizeof(stub->signers));
	x509_test_add(test, chain, b, 1, "leaf", "CA 2", false);
	for (i = 2; i <= 8; i++) {
		snprintf(cn, sizeof(cn), "CA %u", i);
		snprintf(issuer, sizeof(issuer), "CA %u", i + 1);
		x509_test_add(test, chain, b, i, cn, issuer, true);
		stub->signers[i - 1] = BIT(i);
	}
	stub->signers[8] = BIT(9);
	x509_test_add(test, anchors, b, 9, "CA 9", "CA 9", true);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-ELOOP);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_PATH_TOO_LONG);
	anchors->len = 0;
	x509_test_add(test, anchors, b, 8, "CA 8", "CA 9", true);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			0);
	KUNIT_EXPECT_EQ(test, path->depth, TLSHAKE_X509_MAX_DEPTH);

	/* Thirty CAs named "CA" whose signatures never verify: the search
	 * gives up after TLSHAKE_X509_MAX_SIG_CHECKS signatures.
	 */
	chain->len = 0;
	anchors->len = 0;
	memset(stub->signers, 0, sizeof(stub->signers));
	x509_test_add(test, chain, b, 1, "leaf", "CA", false);
	for (i = 2; i < 32; i++)
		x509_test_add(test, chain, b, i, "CA", "root", true);
	x509_test_add(test, anchors, b, 0, "root", "root", true);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_BAD_SIGNATURE);
	KUNIT_EXPECT_EQ(test, stub->calls, TLSHAKE_X509_MAX_SIG_CHECKS);

	/* Malformed lists. */
	chain->len = 0;
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_MALFORMED);
	TB_PUT(chain, 0x00, 0x00, 0x02, 0x30, 0x00, 0x00);
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, path->err, TLSHAKE_X509_MALFORMED);
	chain->len = 2;
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EBADMSG);
	chain->len = 0;
	x509_test_add(test, chain, b, 1, "leaf", "root", false);
	anchors->len--;
	KUNIT_EXPECT_EQ(test, x509_test_path(test, chain, anchors, stub, path),
			-EINVAL);
}

static void x509_reasons(struct kunit *test)
{
	static const struct {
		enum tlshake_x509_err err;
		int errno_val;
		u8 alert;
	} tests[] = {
		{ TLSHAKE_X509_OK, 0, 0 },
		{ TLSHAKE_X509_MALFORMED, -EBADMSG,
		  TLSW_ALERT_BAD_CERTIFICATE },
		{ TLSHAKE_X509_UNSUPPORTED, -ENOPKG,
		  TLSW_ALERT_UNSUPPORTED_CERTIFICATE },
		{ TLSHAKE_X509_CRITICAL_EXT, -EOPNOTSUPP,
		  TLSW_ALERT_UNSUPPORTED_CERTIFICATE },
		{ TLSHAKE_X509_EXPIRED, -EKEYEXPIRED,
		  TLSW_ALERT_CERTIFICATE_EXPIRED },
		{ TLSHAKE_X509_NOT_YET_VALID, -EKEYEXPIRED,
		  TLSW_ALERT_CERTIFICATE_EXPIRED },
		{ TLSHAKE_X509_UNKNOWN_ISSUER, -ENOKEY, TLSW_ALERT_UNKNOWN_CA },
		{ TLSHAKE_X509_BAD_SIGNATURE, -EKEYREJECTED,
		  TLSW_ALERT_BAD_CERTIFICATE },
		{ TLSHAKE_X509_NOT_CA, -EKEYREJECTED, TLSW_ALERT_UNKNOWN_CA },
		{ TLSHAKE_X509_PATH_TOO_LONG, -ELOOP, TLSW_ALERT_UNKNOWN_CA },
		{ TLSHAKE_X509_KEY_USAGE, -EKEYREJECTED,
		  TLSW_ALERT_UNSUPPORTED_CERTIFICATE },
		{ TLSHAKE_X509_NAME_MISMATCH, -EACCES,
		  TLSW_ALERT_BAD_CERTIFICATE },
	};
	unsigned int i;

	KUNIT_ASSERT_EQ(test, ARRAY_SIZE(tests), TLSHAKE_X509_NR_ERRS);
	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		KUNIT_EXPECT_EQ_MSG(test, tests[i].err, i, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_x509_err_errno(i),
				    tests[i].errno_val, "%s",
				    tlshake_x509_err_name(i));
		KUNIT_EXPECT_EQ_MSG(test, tlshake_x509_err_alert(i),
				    tests[i].alert, "%s",
				    tlshake_x509_err_name(i));
	}
}

static struct kunit_case x509_cases[] = {
	KUNIT_CASE(x509_parse_fields),
	KUNIT_CASE(x509_parse_algorithms),
	KUNIT_CASE(x509_parse_truncated_and_corrupted),
	KUNIT_CASE(x509_parse_times),
	KUNIT_CASE(x509_parse_built),
	KUNIT_CASE(x509_parse_pss_params),
	KUNIT_CASE(x509_parse_extensions),
	KUNIT_CASE(x509_names),
	KUNIT_CASE(x509_ip_literals),
	KUNIT_CASE(x509_dns_names),
	KUNIT_CASE(x509_hosts),
	KUNIT_CASE(x509_verify_good),
	KUNIT_CASE(x509_verify_refused),
	KUNIT_CASE(x509_verify_bad_signatures),
	KUNIT_CASE(x509_path_search),
	KUNIT_CASE(x509_reasons),
	{}
};

static struct kunit_suite x509_suite = {
	.name = "tlshake_x509",
	.test_cases = x509_cases,
};

kunit_test_suite(x509_suite);
