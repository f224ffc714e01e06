// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the transcript hash: digests read mid-way must not disturb
 * the running hash, the hash function may be chosen after the first
 * messages, and HelloRetryRequest replaces ClientHello1 by message_hash.
 * Expected digests were computed with Python's hashlib.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "transcript.h"

/* A byte string written as a string literal. */
struct test_bytes {
	const u8 *data;
	unsigned int len;
};

#define TB(s) { .data = (const u8 *)(s), .len = sizeof(s) - 1 }

static void expect_digest(struct kunit *test, const u8 *got, unsigned int len,
			  const struct test_bytes *want, const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, len, want->len, "%s: length", what);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want->data, min(len, want->len)),
			    0, "%s: got %*phN", what, len, got);
}

static const struct {
	enum tlshake_hash hash;
	struct test_bytes empty, a, abc, hello_retry;
} transcript_test_digests[] = {
	{
		.hash = TLSHAKE_HASH_SHA256,
		.empty = TB("\xe3\xb0\xc4\x42\x98\xfc\x1c\x14\x9a\xfb\xf4\xc8"
			    "\x99\x6f\xb9\x24\x27\xae\x41\xe4\x64\x9b\x93\x4c"
			    "\xa4\x95\x99\x1b\x78\x52\xb8\x55"),
		.a = TB("\xca\x97\x81\x12\xca\x1b\xbd\xca\xfa\xc2\x31\xb3\x9a"
			"\x23\xdc\x4d\xa7\x86\xef\xf8\x14\x7c\x4e\x72\xb9\x80"
			"\x77\x85\xaf\xee\x48\xbb"),
		.abc = TB("\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41\x41\x40\xde\x5d"
			  "\xae\x22\x23\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4\x10"
			  "\xff\x61\xf2\x00\x15\xad"),
		.hello_retry = TB("\x7a\xcd\x2d\x6f\xf9\x61\x78\xf2\x0c\x33\x28"
				  "\x4e\x04\x96\xb5\x5a\x0f\x10\xde\x4f\xbb\x08"
				  "\xf3\x38\x65\xb9\x0d\xdb\xf9\xfa\x61\x94"),
	},
	{
		.hash = TLSHAKE_HASH_SHA384,
		.empty = TB("\x38\xb0\x60\xa7\x51\xac\x96\x38\x4c\xd9\x32\x7e"
			    "\xb1\xb1\xe3\x6a\x21\xfd\xb7\x11\x14\xbe\x07\x43"
			    "\x4c\x0c\xc7\xbf\x63\xf6\xe1\xda\x27\x4e\xde\xbf"
			    "\xe7\x6f\x65\xfb\xd5\x1a\xd2\xf1\x48\x98\xb9\x5b"),
		.a = TB("\x54\xa5\x9b\x9f\x22\xb0\xb8\x08\x80\xd8\x42\x7e\x54"
			"\x8b\x7c\x23\xab\xd8\x73\x48\x6e\x1f\x03\x5d\xce\x9c"
			"\xd6\x97\xe8\x51\x75\x03\x3c\xaa\x88\xe6\xd5\x7b\xc3"
			"\x5e\xfa\xe0\xb5\xaf\xd3\x14\x5f\x31"),
		.abc = TB("\xcb\x00\x75\x3f\x45\xa3\x5e\x8b\xb5\xa0\x3d\x69\x9a"
			  "\xc6\x50\x07\x27\x2c\x32\xab\x0e\xde\xd1\x63\x1a\x8b"
			  "\x60\x5a\x43\xff\x5b\xed\x80\x86\x07\x2b\xa1\xe7\xcc"
			  "\x23\x58\xba\xec\xa1\x34\xc8\x25\xa7"),
		.hello_retry = TB("\xaf\x1f\x2e\x32\x68\xe7\xc9\xbb\x02\x1f\x09"
				  "\x82\x97\x6c\x7a\xb2\x7a\x6d\x1e\x3c\x64\xdc"
				  "\xb1\x37\x60\x42\xb4\x96\xf9\x0f\x8d\xaa\xb7"
				  "\x67\x95\x30\x56\x79\xd3\x3d\x9b\x8f\xa8\xea"
				  "\x81\xd1\x1e\x33"),
	},
};

/* "a" is hashed before the hash is chosen; reading digests goes on. */
static void transcript_test_running_digest(struct kunit *test)
{
	static const u8 abc[] = "abc";
	struct tlshake_transcript t;
	u8 digest[TLSHAKE_MAX_HASH_LEN];
	unsigned int i, len;

	for (i = 0; i < ARRAY_SIZE(transcript_test_digests); i++) {
		enum tlshake_hash hash = transcript_test_digests[i].hash;

		len = tlshake_hash_len(hash);
		KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_update(&t, abc, 1), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t, hash), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), 0);
		expect_digest(test, digest, len, &transcript_test_digests[i].a,
			      "digest of a");
		/* Reading twice must give the same digest. */
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), 0);
		expect_digest(test, digest, len, &transcript_test_digests[i].a,
			      "digest of a, again");
		KUNIT_EXPECT_EQ(test, tlshake_transcript_update(&t, abc + 1, 2),
				0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), 0);
		expect_digest(test, digest, len,
			      &transcript_test_digests[i].abc, "digest of abc");
		tlshake_transcript_free(&t);

		KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t, hash), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), 0);
		expect_digest(test, digest, len,
			      &transcript_test_digests[i].empty,
			      "digest of nothing");
		tlshake_transcript_free(&t);
	}
}

/* Hash(message_hash || "HelloRetryRequest") with message_hash = fe 00 00
 * Hash.length Hash("ClientHello1"), for each hash function, whether it was
 * selected before or after the substitution.
 */
static void transcript_test_hello_retry(struct kunit *test)
{
	static const u8 ch1[] = "ClientHello1", hrr[] = "HelloRetryRequest";
	struct tlshake_transcript t;
	u8 digest[TLSHAKE_MAX_HASH_LEN];
	unsigned int i, len;
	bool early;

	for (i = 0; i < 2 * ARRAY_SIZE(transcript_test_digests); i++) {
		enum tlshake_hash hash = transcript_test_digests[i / 2].hash;

		early = i % 2;
		len = tlshake_hash_len(hash);
		KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_update(&t, ch1,
								sizeof(ch1) - 1),
				0);
		if (early)
			KUNIT_EXPECT_EQ(test,
					tlshake_transcript_select(&t, hash), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hello_retry(&t), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_update(&t, hrr,
								sizeof(hrr) - 1),
				0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t, hash), 0);
		KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), 0);
		expect_digest(test, digest, len,
			      &transcript_test_digests[i / 2].hello_retry,
			      early ? "selected before" : "selected after");
		tlshake_transcript_free(&t);
	}
}

static void transcript_test_select(struct kunit *test)
{
	struct tlshake_transcript t;
	u8 digest[TLSHAKE_MAX_HASH_LEN];

	KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
	/* No digest before the hash function is known. */
	KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(&t, digest), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t, TLSHAKE_NR_HASHES),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA384),
			0);
	/* The same suite again (HelloRetryRequest, then ServerHello). */
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA384),
			0);
	/* Another hash function is gone for good. */
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA256),
			-EINVAL);
	tlshake_transcript_free(&t);
	/* Freeing twice, or a zeroed transcript, is harmless. */
	tlshake_transcript_free(&t);
}

static struct kunit_case transcript_test_cases[] = {
	KUNIT_CASE(transcript_test_running_digest),
	KUNIT_CASE(transcript_test_hello_retry),
	KUNIT_CASE(transcript_test_select),
	{}
};

static struct kunit_suite transcript_test_suite = {
	.name = "tlshake_transcript",
	.test_cases = transcript_test_cases,
};

kunit_test_suite(transcript_test_suite);
