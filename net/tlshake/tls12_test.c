// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of what TLS 1.2 derives from the handshake: the extended
 * master secret of RFC 7627 4, PRF(pre_master_secret, "extended master
 * secret", session_hash), with the session hash taken over the handshake
 * messages up to ClientKeyExchange.  The expected values were computed
 * from the messages below with Python's hashlib and hmac and again with
 * OpenSSL's TLS1-PRF KDF (`openssl kdf ... TLS1-PRF`).
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "handshake.h"

/* Stand-ins for ClientHello, ServerHello and ClientKeyExchange: the
 * session hash covers whatever the transcript holds.
 */
static const u8 tls12_test_ch[] = "\x01\x00\x00\x08\x00\x01\x02\x03\x04\x05"
				  "\x06\x07";
static const u8 tls12_test_sh[] = "\x02\x00\x00\x06server";
static const u8 tls12_test_cke[] = "\x10\x00\x00\x04\x03\xaa\xbb\xcc";

/* client_version 3.3 and 46 bytes, as RFC 5246 7.4.7.1 lays it out. */
static void tls12_test_pms(u8 *pms)
{
	unsigned int i;

	pms[0] = 3;
	pms[1] = 3;
	for (i = 2; i < 48; i++)
		pms[i] = 0x40 + i - 2;
}

static void tls12_test_ems(struct kunit *test)
{
	static const struct {
		enum tlshake_hash hash;
		const char *master;
	} cases[] = {
		{
			TLSHAKE_HASH_SHA256,
			"\xa7\x7a\x75\x4d\x33\x61\xb3\xc9"
			"\x69\x36\x5d\xbf\x96\x30\xf0\xde"
			"\x34\x57\x7e\x50\x14\x34\x12\xc4"
			"\xbe\xf6\x5d\x42\x19\x29\x4c\xb1"
			"\x43\x62\x73\x9f\xb8\xd0\xec\xb1"
			"\x7a\xdd\x4c\x41\x41\x31\x03\xb1"
		},
		{
			TLSHAKE_HASH_SHA384,
			"\x91\x37\xb4\x76\x61\x0a\x0d\x70"
			"\x3c\x00\x56\xaa\xca\xd2\x47\xd6"
			"\x3e\xeb\xd2\x2e\xe2\x44\x72\x3b"
			"\xc4\x62\x92\x79\x90\xfe\x4b\xa8"
			"\x85\x7e\x4d\x24\x1a\x76\x0d\xc5"
			"\x8f\xde\xee\x24\x99\x3f\x27\xf0"
		},
	};
	struct tlshake_hs *hs = kunit_kzalloc(test, sizeof(*hs), GFP_KERNEL);
	unsigned int i;
	u8 pms[48];

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, hs);
	tls12_test_pms(pms);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&hs->transcript),
				0);
		KUNIT_EXPECT_EQ(test,
				tlshake_transcript_update(&hs->transcript,
							  tls12_test_ch,
							  sizeof(tls12_test_ch) - 1),
				0);
		KUNIT_EXPECT_EQ(test,
				tlshake_transcript_update(&hs->transcript,
							  tls12_test_sh,
							  sizeof(tls12_test_sh) - 1),
				0);
		KUNIT_EXPECT_EQ(test,
				tlshake_transcript_select(&hs->transcript,
							  cases[i].hash), 0);
		KUNIT_EXPECT_EQ(test,
				tlshake_transcript_update(&hs->transcript,
							  tls12_test_cke,
							  sizeof(tls12_test_cke) - 1),
				0);
		KUNIT_ASSERT_EQ(test, tlshake_kdf_init(&hs->ks.kdf,
						       cases[i].hash), 0);

		KUNIT_EXPECT_EQ(test, tlshake_tls12_master_secret(hs, pms,
								  sizeof(pms)),
				0);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(hs->ks.secret,
						 cases[i].master, 48), 0,
				    "%s: got %*phN",
				    tlshake_hash_name(cases[i].hash), 48,
				    hs->ks.secret);

		tlshake_kdf_free(&hs->ks.kdf);
		tlshake_transcript_free(&hs->transcript);
	}
}

static struct kunit_case tls12_test_cases[] = {
	KUNIT_CASE(tls12_test_ems),
	{}
};

static struct kunit_suite tls12_test_suite = {
	.name = "tlshake_tls12",
	.test_cases = tls12_test_cases,
};

kunit_test_suite(tls12_test_suite);
