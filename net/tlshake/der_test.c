// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the DER reader: what it must accept and, above all, the
 * encodings it must refuse.
 */

#include <kunit/test.h>

#include "der.h"

static void der_read_short_and_long(struct kunit *test)
{
	static const u8 short_form[] = { 0x04, 0x02, 0xaa, 0xbb, 0x05, 0x00 };
	static const u8 long1[3 + 128] = { 0x04, 0x81, 0x80 };
	static const u8 long2[4 + 256] = { 0x04, 0x82, 0x01, 0x00 };
	struct tlshake_der der;
	struct tlshake_der_tlv tlv;

	tlshake_der_init(&der, short_form, sizeof(short_form));
	KUNIT_ASSERT_EQ(test, tlshake_der_peek(&der), 0x04);
	KUNIT_ASSERT_EQ(test, tlshake_der_read(&der, &tlv), 0);
	KUNIT_EXPECT_EQ(test, tlv.tag, 0x04);
	KUNIT_EXPECT_PTR_EQ(test, tlv.val, &short_form[2]);
	KUNIT_EXPECT_EQ(test, tlv.len, 2);
	KUNIT_EXPECT_PTR_EQ(test, tlv.raw, &short_form[0]);
	KUNIT_EXPECT_EQ(test, tlv.raw_len, 4);
	KUNIT_ASSERT_EQ(test, tlshake_der_read(&der, &tlv), 0);
	KUNIT_EXPECT_EQ(test, tlv.tag, 0x05);
	KUNIT_EXPECT_EQ(test, tlv.len, 0);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));
	KUNIT_EXPECT_EQ(test, tlshake_der_peek(&der), -ENODATA);
	KUNIT_EXPECT_EQ(test, tlshake_der_read(&der, &tlv), -EBADMSG);

	tlshake_der_init(&der, long1, sizeof(long1));
	KUNIT_ASSERT_EQ(test, tlshake_der_read(&der, &tlv), 0);
	KUNIT_EXPECT_PTR_EQ(test, tlv.val, &long1[3]);
	KUNIT_EXPECT_EQ(test, tlv.len, 128);
	KUNIT_EXPECT_EQ(test, tlv.raw_len, sizeof(long1));
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));

	tlshake_der_init(&der, long2, sizeof(long2));
	KUNIT_ASSERT_EQ(test, tlshake_der_read(&der, &tlv), 0);
	KUNIT_EXPECT_EQ(test, tlv.len, 256);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));
}

struct der_bad {
	const char *what;
	const u8 *data;
	size_t len;
};

#define DER_BAD(w, ...) {						\
	.what = w,							\
	.data = (const u8[]){ __VA_ARGS__ },				\
	.len = sizeof((const u8[]){ __VA_ARGS__ }),			\
}

static const struct der_bad der_bad_elements[] = {
	DER_BAD("tag only", 0x04),
	DER_BAD("value truncated", 0x04, 0x03, 0x01, 0x02),
	DER_BAD("length octets truncated", 0x04, 0x82, 0x01),
	DER_BAD("long form below 128", 0x04, 0x81, 0x01, 0x00),
	DER_BAD("long form with a leading zero", 0x04, 0x82, 0x00, 0x80),
	DER_BAD("indefinite length", 0x30, 0x80, 0x05, 0x00, 0x00, 0x00),
	DER_BAD("reserved length octet", 0x04, 0xff, 0x00),
	DER_BAD("five length octets", 0x04, 0x85, 0x01, 0x00, 0x00, 0x00,
		0x00),
	DER_BAD("length 2^32 - 1", 0x04, 0x84, 0xff, 0xff, 0xff, 0xff, 0x00),
	DER_BAD("length 2^64 - 1", 0x04, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0x00),
	DER_BAD("high tag number form", 0x1f, 0x01, 0x00),
	DER_BAD("end-of-contents", 0x00, 0x00),
};

static void der_read_rejects(struct kunit *test)
{
	const struct der_bad *bad;
	struct tlshake_der der;
	struct tlshake_der_tlv tlv;
	unsigned int i;

	tlshake_der_init(&der, NULL, 0);
	KUNIT_EXPECT_EQ(test, tlshake_der_read(&der, &tlv), -EBADMSG);

	for (i = 0; i < ARRAY_SIZE(der_bad_elements); i++) {
		bad = &der_bad_elements[i];
		tlshake_der_init(&der, bad->data, bad->len);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_der_read(&der, &tlv),
				    -EBADMSG, "%s", bad->what);
		/* A failed read leaves the cursor where it was. */
		KUNIT_EXPECT_PTR_EQ_MSG(test, der.data, bad->data, "%s",
					bad->what);
		KUNIT_EXPECT_EQ_MSG(test, der.len, bad->len, "%s", bad->what);
	}
}

static void der_enter_sequence(struct kunit *test)
{
	/* SEQUENCE { INTEGER 5, SEQUENCE {} }, then NULL */
	static const u8 data[] = {
		0x30, 0x05, 0x02, 0x01, 0x05, 0x30, 0x00, 0x05, 0x00,
	};
	/* A SEQUENCE whose inner element overruns it. */
	static const u8 overrun[] = { 0x30, 0x03, 0x02, 0x02, 0x01, 0x00 };
	struct tlshake_der der, seq, inner, bad;
	struct tlshake_der_tlv tlv;
	const u8 *mag;
	size_t len;

	tlshake_der_init(&der, data, sizeof(data));
	KUNIT_EXPECT_EQ(test,
			tlshake_der_enter(&der, TLSHAKE_DER_INTEGER, &seq),
			-EBADMSG);
	KUNIT_EXPECT_PTR_EQ(test, der.data, &data[0]);
	KUNIT_ASSERT_EQ(test,
			tlshake_der_enter(&der, TLSHAKE_DER_SEQUENCE, &seq), 0);
	KUNIT_EXPECT_EQ(test, seq.len, 5);
	KUNIT_ASSERT_EQ(test, tlshake_der_read_uint(&seq, &mag, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 1);
	KUNIT_EXPECT_EQ(test, mag[0], 5);
	KUNIT_EXPECT_EQ(test, tlshake_der_peek(&seq), TLSHAKE_DER_SEQUENCE);
	KUNIT_ASSERT_EQ(test,
			tlshake_der_enter(&seq, TLSHAKE_DER_SEQUENCE, &inner),
			0);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&inner));
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&seq));
	KUNIT_EXPECT_EQ(test, tlshake_der_read_tag(&der, 0x04, &tlv), -EBADMSG);
	KUNIT_ASSERT_EQ(test, tlshake_der_read_tag(&der, 0x05, &tlv), 0);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));

	tlshake_der_init(&der, overrun, sizeof(overrun));
	KUNIT_ASSERT_EQ(test,
			tlshake_der_enter(&der, TLSHAKE_DER_SEQUENCE, &bad), 0);
	KUNIT_EXPECT_EQ(test, tlshake_der_read_uint(&bad, &mag, &len),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, tlshake_der_read(&der, &tlv), -EBADMSG);
}

struct der_uint_case {
	const char *what;
	const u8 *data;
	size_t len;
	int err;
	const char *mag;
	size_t mag_len;
};

#define DER_UINT(w, e, m, ml, ...) {					\
	.what = w,							\
	.data = (const u8[]){ __VA_ARGS__ },				\
	.len = sizeof((const u8[]){ __VA_ARGS__ }),			\
	.err = e,							\
	.mag = m,							\
	.mag_len = ml,							\
}

static const struct der_uint_case der_uint_cases[] = {
	DER_UINT("zero", 0, NULL, 0, 0x02, 0x01, 0x00),
	DER_UINT("127", 0, "\x7f", 1, 0x02, 0x01, 0x7f),
	DER_UINT("128 with its sign octet", 0, "\x80", 1,
		 0x02, 0x02, 0x00, 0x80),
	DER_UINT("256", 0, "\x01\x00", 2,
		 0x02, 0x02, 0x01, 0x00),
	DER_UINT("negative", -EBADMSG, NULL, 0, 0x02, 0x01, 0x80),
	DER_UINT("negative, two octets", -EBADMSG, NULL, 0,
		 0x02, 0x02, 0xff, 0x80),
	DER_UINT("leading zero before 0x7f", -EBADMSG, NULL, 0,
		 0x02, 0x02, 0x00, 0x7f),
	DER_UINT("zero with a leading zero", -EBADMSG, NULL, 0,
		 0x02, 0x02, 0x00, 0x00),
	DER_UINT("two leading zeros", -EBADMSG, NULL, 0,
		 0x02, 0x03, 0x00, 0x00, 0x80),
	DER_UINT("no content octets", -EBADMSG, NULL, 0, 0x02, 0x00),
	DER_UINT("OCTET STRING", -EBADMSG, NULL, 0, 0x04, 0x01, 0x01),
	DER_UINT("constructed INTEGER", -EBADMSG, NULL, 0,
		 0x22, 0x03, 0x02, 0x01, 0x01),
	DER_UINT("truncated", -EBADMSG, NULL, 0, 0x02, 0x02, 0x01),
};

static void der_read_uint(struct kunit *test)
{
	const struct der_uint_case *c;
	struct tlshake_der der;
	const u8 *mag;
	size_t len;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(der_uint_cases); i++) {
		c = &der_uint_cases[i];
		tlshake_der_init(&der, c->data, c->len);
		err = tlshake_der_read_uint(&der, &mag, &len);
		KUNIT_EXPECT_EQ_MSG(test, err, c->err, "%s", c->what);
		if (err) {
			KUNIT_EXPECT_PTR_EQ_MSG(test, der.data, c->data, "%s",
						c->what);
			continue;
		}
		KUNIT_EXPECT_TRUE_MSG(test, tlshake_der_empty(&der), "%s",
				      c->what);
		KUNIT_EXPECT_EQ_MSG(test, len, c->mag_len, "%s", c->what);
		if (len && len == c->mag_len)
			KUNIT_EXPECT_EQ_MSG(test, memcmp(mag, c->mag, len), 0,
					    "%s", c->what);
	}
}

static const struct der_bad der_bad_bools[] = {
	DER_BAD("neither 0 nor 0xff", 0x01, 0x01, 0x01),
	DER_BAD("two octets", 0x01, 0x02, 0x00, 0xff),
	DER_BAD("no octet", 0x01, 0x00),
	DER_BAD("an INTEGER", 0x02, 0x01, 0x00),
};

static void der_read_bool(struct kunit *test)
{
	static const u8 good[] = { 0x01, 0x01, 0xff, 0x01, 0x01, 0x00 };
	const struct der_bad *bad;
	struct tlshake_der der;
	unsigned int i;
	bool val;

	tlshake_der_init(&der, good, sizeof(good));
	KUNIT_ASSERT_EQ(test, tlshake_der_read_bool(&der, &val), 0);
	KUNIT_EXPECT_TRUE(test, val);
	KUNIT_ASSERT_EQ(test, tlshake_der_read_bool(&der, &val), 0);
	KUNIT_EXPECT_FALSE(test, val);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));

	for (i = 0; i < ARRAY_SIZE(der_bad_bools); i++) {
		bad = &der_bad_bools[i];
		tlshake_der_init(&der, bad->data, bad->len);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_der_read_bool(&der, &val),
				    -EBADMSG, "%s", bad->what);
		KUNIT_EXPECT_PTR_EQ_MSG(test, der.data, bad->data, "%s",
					bad->what);
	}
}

static const struct der_bad der_bad_bits[] = {
	DER_BAD("no unused-bits octet", 0x03, 0x00),
	DER_BAD("unused bits in an empty string", 0x03, 0x01, 0x01),
	DER_BAD("eight unused bits", 0x03, 0x02, 0x08, 0x00),
	DER_BAD("an unused bit set", 0x03, 0x02, 0x01, 0x81),
	DER_BAD("constructed", 0x23, 0x03, 0x03, 0x01, 0x00),
	DER_BAD("an OCTET STRING", 0x04, 0x02, 0x00, 0x80),
};

static void der_read_bits(struct kunit *test)
{
	/* keyUsage digitalSignature and keyCertSign: 100001, 2 bits unused */
	static const u8 ku[] = { 0x03, 0x02, 0x02, 0x84 };
	static const u8 key[] = { 0x03, 0x03, 0x00, 0x04, 0xff };
	static const u8 empty[] = { 0x03, 0x01, 0x00 };
	const struct der_bad *bad;
	struct tlshake_der der;
	unsigned int unused, i;
	const u8 *bits;
	size_t len;

	tlshake_der_init(&der, ku, sizeof(ku));
	KUNIT_ASSERT_EQ(test, tlshake_der_read_bits(&der, &bits, &len,
						    &unused), 0);
	KUNIT_EXPECT_PTR_EQ(test, bits, &ku[3]);
	KUNIT_EXPECT_EQ(test, len, 1);
	KUNIT_EXPECT_EQ(test, unused, 2);
	KUNIT_EXPECT_TRUE(test, tlshake_der_empty(&der));

	tlshake_der_init(&der, key, sizeof(key));
	KUNIT_ASSERT_EQ(test, tlshake_der_read_bits(&der, &bits, &len,
						    &unused), 0);
	KUNIT_EXPECT_PTR_EQ(test, bits, &key[3]);
	KUNIT_EXPECT_EQ(test, len, 2);
	KUNIT_EXPECT_EQ(test, unused, 0);

	tlshake_der_init(&der, empty, sizeof(empty));
	KUNIT_ASSERT_EQ(test, tlshake_der_read_bits(&der, &bits, &len,
						    &unused), 0);
	KUNIT_EXPECT_EQ(test, len, 0);
	KUNIT_EXPECT_EQ(test, unused, 0);

	for (i = 0; i < ARRAY_SIZE(der_bad_bits); i++) {
		bad = &der_bad_bits[i];
		tlshake_der_init(&der, bad->data, bad->len);
		KUNIT_EXPECT_EQ_MSG(test, tlshake_der_read_bits(&der, &bits,
								&len, &unused),
				    -EBADMSG, "%s", bad->what);
		KUNIT_EXPECT_PTR_EQ_MSG(test, der.data, bad->data, "%s",
					bad->what);
	}
}

static struct kunit_case der_cases[] = {
	KUNIT_CASE(der_read_short_and_long),
	KUNIT_CASE(der_read_rejects),
	KUNIT_CASE(der_enter_sequence),
	KUNIT_CASE(der_read_uint),
	KUNIT_CASE(der_read_bool),
	KUNIT_CASE(der_read_bits),
	{}
};

static struct kunit_suite der_suite = {
	.name = "tlshake_der",
	.test_cases = der_cases,
};

kunit_test_suite(der_suite);
