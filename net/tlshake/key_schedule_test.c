// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the TLS 1.3 key schedule against the traces of RFC 8448:
 * every step of section 3 ("Simple 1-RTT Handshake") and section 5
 * ("HelloRetryRequest"), from the handshake messages through the transcript
 * hash, and the resumption PSK and binder of section 4.  Every expected
 * value below is copied from the RFC and was recomputed from the messages
 * with Python's hashlib and hmac before being written down.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "key_schedule.h"
#include "transcript.h"

/* RFC 8448 section 3's messages. */
#include "rfc8448.h"

/* RFC 8448 section 5: ClientHello1, HelloRetryRequest, ClientHello2,
 * ServerHello, EncryptedExtensions, CertificateVerify, server Finished,
 * client Finished.  The Certificate is the one of section 3.
 */
static const u8 rfc8448_s5_ch1[] = {
	0x01, 0x00, 0x00, 0xb0, 0x03, 0x03, 0xb0, 0xb1, 0xc5, 0xa5, 0xaa, 0x37,
	0xc5, 0x91, 0x9f, 0x2e, 0xd1, 0xd5, 0xc6, 0xff, 0xf7, 0xfc, 0xb7, 0x84,
	0x97, 0x16, 0x94, 0x5a, 0x2b, 0x8c, 0xee, 0x92, 0x58, 0xa3, 0x46, 0x67,
	0x7b, 0x6f, 0x00, 0x00, 0x06, 0x13, 0x01, 0x13, 0x03, 0x13, 0x02, 0x01,
	0x00, 0x00, 0x81, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x09, 0x00, 0x00, 0x06,
	0x73, 0x65, 0x72, 0x76, 0x65, 0x72, 0xff, 0x01, 0x00, 0x01, 0x00, 0x00,
	0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18, 0x00,
	0x33, 0x00, 0x26, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20, 0xe8, 0xe8, 0xe3,
	0xf3, 0xb9, 0x3a, 0x25, 0xed, 0x97, 0xa1, 0x4a, 0x7d, 0xca, 0xcb, 0x8a,
	0x27, 0x2c, 0x62, 0x88, 0xe5, 0x85, 0xc6, 0x48, 0x4d, 0x05, 0x26, 0x2f,
	0xca, 0xd0, 0x62, 0xad, 0x1f, 0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04,
	0x00, 0x0d, 0x00, 0x20, 0x00, 0x1e, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03,
	0x02, 0x03, 0x08, 0x04, 0x08, 0x05, 0x08, 0x06, 0x04, 0x01, 0x05, 0x01,
	0x06, 0x01, 0x02, 0x01, 0x04, 0x02, 0x05, 0x02, 0x06, 0x02, 0x02, 0x02,
	0x00, 0x2d, 0x00, 0x02, 0x01, 0x01, 0x00, 0x1c, 0x00, 0x02, 0x40, 0x01,
};

static const u8 rfc8448_s5_hrr[] = {
	0x02, 0x00, 0x00, 0xac, 0x03, 0x03, 0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a,
	0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91, 0xc2, 0xa2,
	0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8,
	0x33, 0x9c, 0x00, 0x13, 0x01, 0x00, 0x00, 0x84, 0x00, 0x33, 0x00, 0x02,
	0x00, 0x17, 0x00, 0x2c, 0x00, 0x74, 0x00, 0x72, 0x71, 0xdc, 0xd0, 0x4b,
	0xb8, 0x8b, 0xc3, 0x18, 0x91, 0x19, 0x39, 0x8a, 0x00, 0x00, 0x00, 0x00,
	0xee, 0xfa, 0xfc, 0x76, 0xc1, 0x46, 0xb8, 0x23, 0xb0, 0x96, 0xf8, 0xaa,
	0xca, 0xd3, 0x65, 0xdd, 0x00, 0x30, 0x95, 0x3f, 0x4e, 0xdf, 0x62, 0x56,
	0x36, 0xe5, 0xf2, 0x1b, 0xb2, 0xe2, 0x3f, 0xcc, 0x65, 0x4b, 0x1b, 0x5b,
	0x40, 0x31, 0x8d, 0x10, 0xd1, 0x37, 0xab, 0xcb, 0xb8, 0x75, 0x74, 0xe3,
	0x6e, 0x8a, 0x1f, 0x02, 0x5f, 0x7d, 0xfa, 0x5d, 0x6e, 0x50, 0x78, 0x1b,
	0x5e, 0xda, 0x4a, 0xa1, 0x5b, 0x0c, 0x8b, 0xe7, 0x78, 0x25, 0x7d, 0x16,
	0xaa, 0x30, 0x30, 0xe9, 0xe7, 0x84, 0x1d, 0xd9, 0xe4, 0xc0, 0x34, 0x22,
	0x67, 0xe8, 0xca, 0x0c, 0xaf, 0x57, 0x1f, 0xb2, 0xb7, 0xcf, 0xf0, 0xf9,
	0x34, 0xb0, 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04,
};

static const u8 rfc8448_s5_ch2[] = {
	0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0xb0, 0xb1, 0xc5, 0xa5, 0xaa, 0x37,
	0xc5, 0x91, 0x9f, 0x2e, 0xd1, 0xd5, 0xc6, 0xff, 0xf7, 0xfc, 0xb7, 0x84,
	0x97, 0x16, 0x94, 0x5a, 0x2b, 0x8c, 0xee, 0x92, 0x58, 0xa3, 0x46, 0x67,
	0x7b, 0x6f, 0x00, 0x00, 0x06, 0x13, 0x01, 0x13, 0x03, 0x13, 0x02, 0x01,
	0x00, 0x01, 0xcd, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x09, 0x00, 0x00, 0x06,
	0x73, 0x65, 0x72, 0x76, 0x65, 0x72, 0xff, 0x01, 0x00, 0x01, 0x00, 0x00,
	0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18, 0x00,
	0x33, 0x00, 0x47, 0x00, 0x45, 0x00, 0x17, 0x00, 0x41, 0x04, 0xa6, 0xda,
	0x73, 0x92, 0xec, 0x59, 0x1e, 0x17, 0xab, 0xfd, 0x53, 0x59, 0x64, 0xb9,
	0x98, 0x94, 0xd1, 0x3b, 0xef, 0xb2, 0x21, 0xb3, 0xde, 0xf2, 0xeb, 0xe3,
	0x83, 0x0e, 0xac, 0x8f, 0x01, 0x51, 0x81, 0x26, 0x77, 0xc4, 0xd6, 0xd2,
	0x23, 0x7e, 0x85, 0xcf, 0x01, 0xd6, 0x91, 0x0c, 0xfb, 0x83, 0x95, 0x4e,
	0x76, 0xba, 0x73, 0x52, 0x83, 0x05, 0x34, 0x15, 0x98, 0x97, 0xe8, 0x06,
	0x57, 0x80, 0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04, 0x00, 0x0d, 0x00,
	0x20, 0x00, 0x1e, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03, 0x02, 0x03, 0x08,
	0x04, 0x08, 0x05, 0x08, 0x06, 0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x02,
	0x01, 0x04, 0x02, 0x05, 0x02, 0x06, 0x02, 0x02, 0x02, 0x00, 0x2c, 0x00,
	0x74, 0x00, 0x72, 0x71, 0xdc, 0xd0, 0x4b, 0xb8, 0x8b, 0xc3, 0x18, 0x91,
	0x19, 0x39, 0x8a, 0x00, 0x00, 0x00, 0x00, 0xee, 0xfa, 0xfc, 0x76, 0xc1,
	0x46, 0xb8, 0x23, 0xb0, 0x96, 0xf8, 0xaa, 0xca, 0xd3, 0x65, 0xdd, 0x00,
	0x30, 0x95, 0x3f, 0x4e, 0xdf, 0x62, 0x56, 0x36, 0xe5, 0xf2, 0x1b, 0xb2,
	0xe2, 0x3f, 0xcc, 0x65, 0x4b, 0x1b, 0x5b, 0x40, 0x31, 0x8d, 0x10, 0xd1,
	0x37, 0xab, 0xcb, 0xb8, 0x75, 0x74, 0xe3, 0x6e, 0x8a, 0x1f, 0x02, 0x5f,
	0x7d, 0xfa, 0x5d, 0x6e, 0x50, 0x78, 0x1b, 0x5e, 0xda, 0x4a, 0xa1, 0x5b,
	0x0c, 0x8b, 0xe7, 0x78, 0x25, 0x7d, 0x16, 0xaa, 0x30, 0x30, 0xe9, 0xe7,
	0x84, 0x1d, 0xd9, 0xe4, 0xc0, 0x34, 0x22, 0x67, 0xe8, 0xca, 0x0c, 0xaf,
	0x57, 0x1f, 0xb2, 0xb7, 0xcf, 0xf0, 0xf9, 0x34, 0xb0, 0x00, 0x2d, 0x00,
	0x02, 0x01, 0x01, 0x00, 0x1c, 0x00, 0x02, 0x40, 0x01, 0x00, 0x15, 0x00,
	0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static const u8 rfc8448_s5_sh[] = {
	0x02, 0x00, 0x00, 0x77, 0x03, 0x03, 0xbb, 0x34, 0x1d, 0x84, 0x7f, 0xd7,
	0x89, 0xc4, 0x7c, 0x38, 0x71, 0x72, 0xdc, 0x0c, 0x9b, 0xf1, 0x47, 0xfc,
	0xca, 0xcb, 0x50, 0x43, 0xd8, 0x6c, 0xa4, 0xc5, 0x98, 0xd3, 0xff, 0x57,
	0x1b, 0x98, 0x00, 0x13, 0x01, 0x00, 0x00, 0x4f, 0x00, 0x33, 0x00, 0x45,
	0x00, 0x17, 0x00, 0x41, 0x04, 0x58, 0x3e, 0x05, 0x4b, 0x7a, 0x66, 0x67,
	0x2a, 0xe0, 0x20, 0xad, 0x9d, 0x26, 0x86, 0xfc, 0xc8, 0x5b, 0x5a, 0xd4,
	0x1a, 0x13, 0x4a, 0x0f, 0x03, 0xee, 0x72, 0xb8, 0x93, 0x05, 0x2b, 0xd8,
	0x5b, 0x4c, 0x8d, 0xe6, 0x77, 0x6f, 0x5b, 0x04, 0xac, 0x07, 0xd8, 0x35,
	0x40, 0xea, 0xb3, 0xe3, 0xd9, 0xc5, 0x47, 0xbc, 0x65, 0x28, 0xc4, 0x31,
	0x7d, 0x29, 0x46, 0x86, 0x09, 0x3a, 0x6c, 0xad, 0x7d, 0x00, 0x2b, 0x00,
	0x02, 0x03, 0x04,
};

static const u8 rfc8448_s5_ee[] = {
	0x08, 0x00, 0x00, 0x18, 0x00, 0x16, 0x00, 0x0a, 0x00, 0x08, 0x00, 0x06,
	0x00, 0x17, 0x00, 0x18, 0x00, 0x1d, 0x00, 0x1c, 0x00, 0x02, 0x40, 0x01,
	0x00, 0x00, 0x00, 0x00,
};

static const u8 rfc8448_s5_cv[] = {
	0x0f, 0x00, 0x00, 0x84, 0x08, 0x04, 0x00, 0x80, 0x33, 0xab, 0x13, 0xd4,
	0x46, 0x27, 0x07, 0x23, 0x1b, 0x5d, 0xca, 0xe6, 0xc8, 0x19, 0x0b, 0x63,
	0xd1, 0xda, 0xbc, 0x74, 0xf2, 0x8c, 0x39, 0x53, 0x70, 0xda, 0x0b, 0x07,
	0xe5, 0xb8, 0x30, 0x66, 0xd0, 0x24, 0x6a, 0x31, 0xac, 0xd9, 0x5d, 0xf4,
	0x75, 0xbf, 0xd7, 0x99, 0xa4, 0xa7, 0x0d, 0x33, 0xad, 0x93, 0xd3, 0xa3,
	0x17, 0xa9, 0xb2, 0xc0, 0xd2, 0x37, 0xa5, 0x68, 0x5b, 0x21, 0x9e, 0x77,
	0x41, 0x12, 0xe3, 0x91, 0xa2, 0x47, 0x60, 0x7d, 0x1a, 0xef, 0xf1, 0xbb,
	0xd0, 0xa3, 0x9f, 0x38, 0x2e, 0xe1, 0xa5, 0xfe, 0x88, 0xae, 0x99, 0xec,
	0x59, 0x22, 0x8e, 0x64, 0x97, 0xe4, 0x5d, 0x48, 0xce, 0x27, 0x5a, 0x6d,
	0x5e, 0xf4, 0x0d, 0x16, 0x9f, 0xb6, 0xf9, 0xd3, 0x3b, 0x05, 0x2e, 0xd3,
	0xdc, 0xdd, 0x6b, 0x5a, 0x48, 0xba, 0xaf, 0xff, 0xbc, 0xb2, 0x90, 0x12,
	0x84, 0x15, 0xbd, 0x38,
};

static const u8 rfc8448_s5_sf[] = {
	0x14, 0x00, 0x00, 0x20, 0x88, 0x63, 0xe6, 0xbf, 0xb0, 0x42, 0x0a, 0x92,
	0x7f, 0xa2, 0x7f, 0x34, 0x33, 0x6a, 0x70, 0xae, 0x42, 0x6e, 0x96, 0x8e,
	0x3e, 0xb8, 0x84, 0x94, 0x5b, 0x96, 0x85, 0x6d, 0xba, 0x39, 0x76, 0xd1,
};

static const u8 rfc8448_s5_cf[] = {
	0x14, 0x00, 0x00, 0x20, 0x23, 0xf5, 0x2f, 0xdb, 0x07, 0x09, 0xa5, 0x5b,
	0xd7, 0xf7, 0x9b, 0x99, 0x1f, 0x25, 0x48, 0x40, 0x87, 0xbc, 0xfd, 0x4d,
	0x43, 0x80, 0xb1, 0x23, 0x26, 0xa5, 0x2a, 0x28, 0xb2, 0xe3, 0x68, 0xe1,
};

/* X25519 shared secret of section 3 and P-256 shared secret of section 5. */
static const u8 rfc8448_s3_ecdhe[] =
	"\x8b\xd4\x05\x4f\xb5\x5b\x9d\x63\xfd\xfb\xac\xf9\xf0\x4b\x9f\x0d"
	"\x35\xe6\xd6\x3f\x53\x75\x63\xef\xd4\x62\x72\x90\x0f\x89\x49\x2d";
static const u8 rfc8448_s5_ecdhe[] =
	"\xc1\x42\xce\x13\xca\x11\xb5\xc2\x23\x36\x52\xe6\x3a\xd3\xd9\x78"
	"\x44\xf1\x62\x1f\xbf\xb9\xde\x69\xd5\x47\xdc\x8f\xed\xea\xbe\xb4";

static void expect_bytes(struct kunit *test, const u8 *got, unsigned int len,
			 const u8 *want, unsigned int want_len, const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, len, want_len, "%s: length", what);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want, min(len, want_len)), 0,
			    "%s: got %*phN", what, len, got);
}

/* Compare @len bytes at @got with the string literal @want. */
#define EXPECT_BYTES(test, got, len, want, what) \
	expect_bytes(test, got, len, (const u8 *)(want), sizeof(want) - 1, what)

static void add(struct kunit *test, struct tlshake_transcript *t,
		const u8 *msg, unsigned int len)
{
	KUNIT_EXPECT_EQ(test, tlshake_transcript_update(t, msg, len), 0);
}

static void digest(struct kunit *test, struct tlshake_transcript *t, u8 *out)
{
	KUNIT_EXPECT_EQ(test, tlshake_transcript_hash(t, out), 0);
}

static void expect_keys(struct kunit *test, struct tlshake_key_schedule *ks,
			const u8 *secret, const u8 *key, const u8 *iv,
			const char *what)
{
	u8 k[16], v[TLSHAKE_IV_LEN];

	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(ks, secret, k, sizeof(k),
						      v), 0);
	expect_bytes(test, k, sizeof(k), key, sizeof(k), what);
	expect_bytes(test, v, sizeof(v), iv, sizeof(v), what);
}

/* Both string literals must have the length of an AES-128-GCM key and IV. */
#define EXPECT_KEYS(test, ks, secret, key, iv, what)			\
	do {								\
		BUILD_BUG_ON(sizeof(key) - 1 != 16);			\
		BUILD_BUG_ON(sizeof(iv) - 1 != TLSHAKE_IV_LEN);		\
		expect_keys(test, ks, secret, (const u8 *)(key),	\
			    (const u8 *)(iv), what);			\
	} while (0)

/* The peer's Finished must verify, and must not once any single bit of it
 * is flipped or it is one byte short.  @finished_msg is the whole message:
 * 14 00 00 20, then verify_data.
 */
static void expect_finished(struct kunit *test,
			    struct tlshake_key_schedule *ks, const u8 *base_key,
			    const u8 *transcript_hash, const u8 *finished_msg,
			    const char *what)
{
	const u8 *received = finished_msg + 4;
	u8 verify_data[32], bad[32];
	unsigned int bit;

	KUNIT_EXPECT_EQ(test, tlshake_ks_finished(ks, base_key,
						  transcript_hash,
						  verify_data), 0);
	expect_bytes(test, verify_data, sizeof(verify_data), received, 32,
		     what);
	KUNIT_EXPECT_EQ(test, tlshake_ks_verify_finished(ks, base_key,
							 transcript_hash,
							 received, 32), 0);
	for (bit = 0; bit < 8 * sizeof(bad); bit++) {
		memcpy(bad, received, sizeof(bad));
		bad[bit / 8] ^= 1 << (bit % 8);
		KUNIT_EXPECT_EQ_MSG(test,
				    tlshake_ks_verify_finished(ks, base_key,
							       transcript_hash,
							       bad, 32),
				    -EBADMSG, "%s: bit %u flipped", what, bit);
	}
	KUNIT_EXPECT_EQ(test, tlshake_ks_verify_finished(ks, base_key,
							 transcript_hash,
							 received, 31),
			-EBADMSG);
}

/* RFC 8448 section 3, a full handshake with X25519 and AES-128-GCM. */
static void ks_test_rfc8448_simple(struct kunit *test)
{
	static const u8 nonce[2];
	struct tlshake_key_schedule ks;
	struct tlshake_transcript t;
	u8 th[32], derived[32], psk[32];

	KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      NULL, 0), 0);

	/* ServerHello names TLS_AES_128_GCM_SHA256. */
	add(test, &t, rfc8448_client_hello, sizeof(rfc8448_client_hello));
	add(test, &t, rfc8448_server_hello, sizeof(rfc8448_server_hello));
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA256),
			0);
	digest(test, &t, th);
	EXPECT_BYTES(test, th, 32,
		     "\x86\x0c\x06\xed\xc0\x78\x58\xee\x8e\x78\xf0\xe7\x42\x8c"
		     "\x58\xed\xd6\xb4\x3f\x2c\xa3\xe6\xe9\x5f\x02\xed\x06\x3c"
		     "\xf0\xe1\xca\xd8",
		     "hash of ClientHello..ServerHello");

	EXPECT_BYTES(test, ks.secret, 32,
		     "\x33\xad\x0a\x1c\x60\x7e\xc0\x3b\x09\xe6\xcd\x98\x93\x68"
		     "\x0c\xe2\x10\xad\xf3\x00\xaa\x1f\x26\x60\xe1\xb2\x2e\x10"
		     "\xf1\x70\xf9\x2a",
		     "early secret");
	KUNIT_EXPECT_EQ(test, tlshake_derive_secret(&ks.kdf, ks.secret,
						    "derived", NULL, derived),
			0);
	EXPECT_BYTES(test, derived, 32,
		     "\x6f\x26\x15\xa1\x08\xc7\x02\xc5\x67\x8f\x54\xfc\x9d\xba"
		     "\xb6\x97\x16\xc0\x76\x18\x9c\x48\x25\x0c\xeb\xea\xc3\x57"
		     "\x6c\x36\x11\xba",
		     "derived for handshake");

	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, rfc8448_s3_ecdhe,
						   32, th), 0);
	EXPECT_BYTES(test, ks.secret, 32,
		     "\x1d\xc8\x26\xe9\x36\x06\xaa\x6f\xdc\x0a\xad\xc1\x2f\x74"
		     "\x1b\x01\x04\x6a\xa6\xb9\x9f\x69\x1e\xd2\x21\xa9\xf0\xca"
		     "\x04\x3f\xbe\xac",
		     "handshake secret");
	EXPECT_BYTES(test, ks.client_hs, 32,
		     "\xb3\xed\xdb\x12\x6e\x06\x7f\x35\xa7\x80\xb3\xab\xf4\x5e"
		     "\x2d\x8f\x3b\x1a\x95\x07\x38\xf5\x2e\x96\x00\x74\x6a\x0e"
		     "\x27\xa5\x5a\x21",
		     "c hs traffic");
	EXPECT_BYTES(test, ks.server_hs, 32,
		     "\xb6\x7b\x7d\x69\x0c\xc1\x6c\x4e\x75\xe5\x42\x13\xcb\x2d"
		     "\x37\xb4\xe9\xc9\x12\xbc\xde\xd9\x10\x5d\x42\xbe\xfd\x59"
		     "\xd3\x91\xad\x38",
		     "s hs traffic");
	EXPECT_KEYS(test, &ks, ks.server_hs,
		    "\x3f\xce\x51\x60\x09\xc2\x17\x27\xd0\xf2\xe4\xe8\x6e\xe4"
		    "\x03\xbc",
		    "\x5d\x31\x3e\xb2\x67\x12\x76\xee\x13\x00\x0b\x30",
		    "server handshake key and iv");
	EXPECT_KEYS(test, &ks, ks.client_hs,
		    "\xdb\xfa\xa6\x93\xd1\x76\x2c\x5b\x66\x6a\xf5\xd9\x50\x25"
		    "\x8d\x01",
		    "\x5b\xd3\xc7\x1b\x83\x6e\x0b\x76\xbb\x73\x26\x5f",
		    "client handshake key and iv");

	add(test, &t, rfc8448_encrypted_extensions, sizeof(rfc8448_encrypted_extensions));
	add(test, &t, rfc8448_certificate, sizeof(rfc8448_certificate));
	add(test, &t, rfc8448_certificate_verify, sizeof(rfc8448_certificate_verify));
	digest(test, &t, th);
	expect_finished(test, &ks, ks.server_hs, th, rfc8448_server_finished,
			"server Finished");
	EXPECT_BYTES(test, rfc8448_server_finished + 4, 32,
		     "\x9b\x9b\x14\x1d\x90\x63\x37\xfb\xd2\xcb\xdc\xe7\x1d\xf4"
		     "\xde\xda\x4a\xb4\x2c\x30\x95\x72\xcb\x7f\xff\xee\x54\x54"
		     "\xb7\x8f\x07\x18",
		     "server verify_data");

	add(test, &t, rfc8448_server_finished, sizeof(rfc8448_server_finished));
	digest(test, &t, th);
	EXPECT_BYTES(test, th, 32,
		     "\x96\x08\x10\x2a\x0f\x1c\xcc\x6d\xb6\x25\x0b\x7b\x7e\x41"
		     "\x7b\x1a\x00\x0e\xaa\xda\x3d\xaa\xe4\x77\x7a\x76\x86\xc9"
		     "\xff\x83\xdf\x13",
		     "hash of ClientHello..server Finished");
	KUNIT_EXPECT_EQ(test, tlshake_derive_secret(&ks.kdf, ks.secret,
						    "derived", NULL, derived),
			0);
	EXPECT_BYTES(test, derived, 32,
		     "\x43\xde\x77\xe0\xc7\x77\x13\x85\x9a\x94\x4d\xb9\xdb\x25"
		     "\x90\xb5\x31\x90\xa6\x5b\x3e\xe2\xe4\xf1\x2d\xd7\xa0\xbb"
		     "\x7c\xe2\x54\xb4",
		     "derived for master");
	KUNIT_EXPECT_EQ(test, tlshake_ks_master(&ks, th), 0);
	EXPECT_BYTES(test, ks.secret, 32,
		     "\x18\xdf\x06\x84\x3d\x13\xa0\x8b\xf2\xa4\x49\x84\x4c\x5f"
		     "\x8a\x47\x80\x01\xbc\x4d\x4c\x62\x79\x84\xd5\xa4\x1d\xa8"
		     "\xd0\x40\x29\x19",
		     "master secret");
	EXPECT_BYTES(test, ks.client_app, 32,
		     "\x9e\x40\x64\x6c\xe7\x9a\x7f\x9d\xc0\x5a\xf8\x88\x9b\xce"
		     "\x65\x52\x87\x5a\xfa\x0b\x06\xdf\x00\x87\xf7\x92\xeb\xb7"
		     "\xc1\x75\x04\xa5",
		     "c ap traffic");
	EXPECT_BYTES(test, ks.server_app, 32,
		     "\xa1\x1a\xf9\xf0\x55\x31\xf8\x56\xad\x47\x11\x6b\x45\xa9"
		     "\x50\x32\x82\x04\xb4\xf4\x4b\xfb\x6b\x3a\x4b\x4f\x1f\x3f"
		     "\xcb\x63\x16\x43",
		     "s ap traffic");
	EXPECT_BYTES(test, ks.exporter, 32,
		     "\xfe\x22\xf8\x81\x17\x6e\xda\x18\xeb\x8f\x44\x52\x9e\x67"
		     "\x92\xc5\x0c\x9a\x3f\x89\x45\x2f\x68\xd8\xae\x31\x1b\x43"
		     "\x09\xd3\xcf\x50",
		     "exp master");
	EXPECT_KEYS(test, &ks, ks.server_app,
		    "\x9f\x02\x28\x3b\x6c\x9c\x07\xef\xc2\x6b\xb9\xf2\xac\x92"
		    "\xe3\x56",
		    "\xcf\x78\x2b\x88\xdd\x83\x54\x9a\xad\xf1\xe9\x84",
		    "server application key and iv");
	EXPECT_KEYS(test, &ks, ks.client_app,
		    "\x17\x42\x2d\xda\x59\x6e\xd5\xd9\xac\xd8\x90\xe3\xc6\x3f"
		    "\x50\x51",
		    "\x5b\x78\x92\x3d\xee\x08\x57\x90\x33\xe5\x23\xd9",
		    "client application key and iv");

	/* The client Finished covers ClientHello..server Finished. */
	expect_finished(test, &ks, ks.client_hs, th, rfc8448_client_finished,
			"client Finished");
	EXPECT_BYTES(test, rfc8448_client_finished + 4, 32,
		     "\xa8\xec\x43\x6d\x67\x76\x34\xae\x52\x5a\xc1\xfc\xeb\xe1"
		     "\x1a\x03\x9e\xc1\x76\x94\xfa\xc6\xe9\x85\x27\xb6\x42\xf2"
		     "\xed\xd5\xce\x61",
		     "client verify_data");

	add(test, &t, rfc8448_client_finished, sizeof(rfc8448_client_finished));
	digest(test, &t, th);
	EXPECT_BYTES(test, th, 32,
		     "\x20\x91\x45\xa9\x6e\xe8\xe2\xa1\x22\xff\x81\x00\x47\xcc"
		     "\x95\x26\x84\x65\x8d\x60\x49\xe8\x64\x29\x42\x6d\xb8\x7c"
		     "\x54\xad\x14\x3d",
		     "hash of ClientHello..client Finished");
	KUNIT_EXPECT_EQ(test, tlshake_ks_resumption(&ks, th), 0);
	EXPECT_BYTES(test, ks.resumption, 32,
		     "\x7d\xf2\x35\xf2\x03\x1d\x2a\x05\x12\x87\xd0\x2b\x02\x41"
		     "\xb0\xbf\xda\xf8\x6c\xc8\x56\x23\x1f\x2d\x5a\xba\x46\xc4"
		     "\x34\xec\x19\x6c",
		     "res master");
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(ks.secret, 0, sizeof(ks.secret)),
			    NULL);

	/* The NewSessionTicket of section 3 has ticket_nonce 00 00; section 4
	 * resumes with the PSK it stands for.
	 */
	KUNIT_EXPECT_EQ(test, tlshake_ks_ticket_psk(&ks, nonce, sizeof(nonce),
						    psk), 0);
	EXPECT_BYTES(test, psk, 32,
		     "\x4e\xcd\x0e\xb6\xec\x3b\x4d\x87\xf5\xd6\x02\x8f\x92\x2c"
		     "\xa4\xc5\x85\x1a\x27\x7f\xd4\x13\x11\xc9\xe6\x2d\x2c\x94"
		     "\x92\xe1\xc4\xf3",
		     "resumption PSK");

	tlshake_ks_free(&ks);
	tlshake_transcript_free(&t);
}

/* RFC 8448 section 4: the early secret and binder of the resumed handshake.
 * The binder covers the hash of the ClientHello truncated before the
 * binders, as the RFC gives it.
 */
static void ks_test_rfc8448_resumption_binder(struct kunit *test)
{
	static const u8 psk[] =
		"\x4e\xcd\x0e\xb6\xec\x3b\x4d\x87\xf5\xd6\x02\x8f\x92\x2c\xa4"
		"\xc5\x85\x1a\x27\x7f\xd4\x13\x11\xc9\xe6\x2d\x2c\x94\x92\xe1"
		"\xc4\xf3";
	static const u8 binder_hash[] =
		"\x63\x22\x4b\x2e\x45\x73\xf2\xd3\x45\x4c\xa8\x4b\x9d\x00\x9a"
		"\x04\xf6\xbe\x9e\x05\x71\x1a\x83\x96\x47\x3a\xef\xa0\x1e\x92"
		"\x4a\x14";
	struct tlshake_key_schedule ks;
	u8 binder[32];

	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      psk, 32), 0);
	EXPECT_BYTES(test, ks.secret, 32,
		     "\x9b\x21\x88\xe9\xb2\xfc\x6d\x64\xd7\x1d\xc3\x29\x90\x0e"
		     "\x20\xbb\x41\x91\x50\x00\xf6\x78\xaa\x83\x9c\xbb\x79\x7c"
		     "\xb7\xd8\x33\x2c",
		     "early secret");
	KUNIT_EXPECT_EQ(test, tlshake_ks_binder_key(&ks, false), 0);
	EXPECT_BYTES(test, ks.binder_key, 32,
		     "\x69\xfe\x13\x1a\x3b\xba\xd5\xd6\x3c\x64\xee\xbc\xc3\x0e"
		     "\x39\x5b\x9d\x81\x07\x72\x6a\x13\xd0\x74\xe3\x89\xdb\xc8"
		     "\xa4\xe4\x72\x56",
		     "res binder key");
	KUNIT_EXPECT_EQ(test, tlshake_ks_finished(&ks, ks.binder_key,
						  binder_hash, binder), 0);
	EXPECT_BYTES(test, binder, 32,
		     "\x3a\xdd\x4f\xb2\xd8\xfd\xf8\x22\xa0\xca\x3c\xf7\x67\x8e"
		     "\xf5\xe8\x8d\xae\x99\x01\x41\xc5\x92\x4d\x57\xbb\x6f\xa3"
		     "\x1b\x9e\x5f\x9d",
		     "binder");
	KUNIT_EXPECT_EQ(test, tlshake_ks_verify_finished(&ks, ks.binder_key,
							 binder_hash, binder,
							 sizeof(binder)), 0);
	tlshake_ks_free(&ks);
}

/* RFC 8448 section 5: the server asks for a P-256 key share with
 * HelloRetryRequest, so ClientHello1 enters the transcript as message_hash.
 */
static void ks_test_rfc8448_hello_retry(struct kunit *test)
{
	struct tlshake_key_schedule ks;
	struct tlshake_transcript t;
	u8 th[32], derived[32];

	KUNIT_ASSERT_EQ(test, tlshake_transcript_init(&t), 0);
	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      NULL, 0), 0);

	add(test, &t, rfc8448_s5_ch1, sizeof(rfc8448_s5_ch1));
	/* HelloRetryRequest names TLS_AES_128_GCM_SHA256. */
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA256),
			0);
	KUNIT_EXPECT_EQ(test, tlshake_transcript_hello_retry(&t), 0);
	add(test, &t, rfc8448_s5_hrr, sizeof(rfc8448_s5_hrr));
	add(test, &t, rfc8448_s5_ch2, sizeof(rfc8448_s5_ch2));
	add(test, &t, rfc8448_s5_sh, sizeof(rfc8448_s5_sh));
	KUNIT_EXPECT_EQ(test, tlshake_transcript_select(&t,
							TLSHAKE_HASH_SHA256),
			0);
	digest(test, &t, th);
	EXPECT_BYTES(test, th, 32,
		     "\x8a\xa8\xe8\x28\xec\x2f\x8a\x88\x4f\xec\x95\xa3\x13\x9d"
		     "\xe0\x1c\x15\xa3\xda\xa7\xff\x5b\xfc\x3f\x4b\xfc\xc2\x1b"
		     "\x43\x8d\x7b\xf8",
		     "hash of message_hash..ServerHello");

	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, rfc8448_s5_ecdhe,
						   32, th), 0);
	EXPECT_BYTES(test, ks.secret, 32,
		     "\xce\x02\x2e\x5e\x6e\x81\xe5\x07\x36\xd7\x73\xf2\xd3\xad"
		     "\xfc\xe8\x22\x0d\x04\x9b\xf5\x10\xf0\xdb\xfa\xc9\x27\xef"
		     "\x42\x43\xb1\x48",
		     "handshake secret");
	EXPECT_BYTES(test, ks.client_hs, 32,
		     "\x15\x8a\xa7\xab\x88\x55\x07\x35\x82\xb4\x1d\x67\x4b\x40"
		     "\x55\xca\xbc\xc5\x34\x72\x8f\x65\x93\x14\x86\x1b\x4e\x08"
		     "\xe2\x01\x15\x66",
		     "c hs traffic");
	EXPECT_BYTES(test, ks.server_hs, 32,
		     "\x34\x03\xe7\x81\xe2\xaf\x7b\x65\x08\xda\x28\x57\x4f\x6e"
		     "\x95\xa1\xab\xf1\x62\xde\x83\xa9\x79\x27\xc3\x76\x72\xa4"
		     "\xa0\xce\xf8\xa1",
		     "s hs traffic");
	EXPECT_KEYS(test, &ks, ks.server_hs,
		    "\x46\x46\xbf\xac\x17\x12\xc4\x26\xcd\x78\xd8\xa2\x4a\x8a"
		    "\x6f\x6b",
		    "\xc7\xd3\x95\xc0\x8d\x62\xf2\x97\xd1\x37\x68\xea",
		    "server handshake key and iv");
	EXPECT_KEYS(test, &ks, ks.client_hs,
		    "\x2f\x1f\x91\x86\x63\xd5\x90\xe7\x42\x11\x49\xa2\x9d\x94"
		    "\xb0\xb6",
		    "\x41\x4d\x54\x85\x23\x5e\x1a\x68\x87\x93\xbd\x74",
		    "client handshake key and iv");

	add(test, &t, rfc8448_s5_ee, sizeof(rfc8448_s5_ee));
	add(test, &t, rfc8448_certificate, sizeof(rfc8448_certificate));
	add(test, &t, rfc8448_s5_cv, sizeof(rfc8448_s5_cv));
	digest(test, &t, th);
	expect_finished(test, &ks, ks.server_hs, th, rfc8448_s5_sf,
			"server Finished");
	EXPECT_BYTES(test, rfc8448_s5_sf + 4, 32,
		     "\x88\x63\xe6\xbf\xb0\x42\x0a\x92\x7f\xa2\x7f\x34\x33\x6a"
		     "\x70\xae\x42\x6e\x96\x8e\x3e\xb8\x84\x94\x5b\x96\x85\x6d"
		     "\xba\x39\x76\xd1",
		     "server verify_data");

	add(test, &t, rfc8448_s5_sf, sizeof(rfc8448_s5_sf));
	digest(test, &t, th);
	KUNIT_EXPECT_EQ(test, tlshake_derive_secret(&ks.kdf, ks.secret,
						    "derived", NULL, derived),
			0);
	EXPECT_BYTES(test, derived, 32,
		     "\xad\x1c\xbc\xd3\xa0\xdc\x70\x53\xee\xb3\xed\x3a\x47\x90"
		     "\x1d\x16\xa9\xfc\x63\xa7\x3c\x64\xbe\xb5\x67\x48\x1a\x7d"
		     "\xfb\x3a\x2c\xb3",
		     "derived for master");
	KUNIT_EXPECT_EQ(test, tlshake_ks_master(&ks, th), 0);
	EXPECT_BYTES(test, ks.secret, 32,
		     "\x11\x31\x54\x5d\x0b\xaf\x79\xdd\xce\x9b\x87\xf0\x69\x45"
		     "\x78\x1a\x57\xdd\x18\xef\x37\x8d\xcd\x20\x60\xf8\xf9\xa5"
		     "\x69\x02\x7e\xd8",
		     "master secret");
	EXPECT_BYTES(test, ks.client_app, 32,
		     "\x75\xec\xf4\xb9\x72\x52\x5a\xa0\xdc\xd0\x57\xc9\x94\x4d"
		     "\x4c\xd5\xd8\x26\x71\xd8\x84\x31\x41\xd7\xdc\x2a\x4f\xf1"
		     "\x5a\x21\xdc\x51",
		     "c ap traffic");
	EXPECT_BYTES(test, ks.server_app, 32,
		     "\x5c\x74\xf8\x7d\xf0\x42\x25\xdb\x0f\x82\x09\xc9\xde\x64"
		     "\x29\xe4\x94\x35\xfd\xef\xa7\xca\xd6\x18\x64\x87\x4d\x12"
		     "\xf3\x1c\xfc\x8d",
		     "s ap traffic");
	EXPECT_BYTES(test, ks.exporter, 32,
		     "\x7c\x06\xd3\xae\x10\x6a\x3a\x37\x4a\xce\x48\x37\xb3\x98"
		     "\x5c\xac\x67\x78\x0a\x6e\x2c\x5c\x04\xb5\x83\x19\xd5\x84"
		     "\xdf\x09\xd2\x23",
		     "exp master");
	EXPECT_KEYS(test, &ks, ks.server_app,
		    "\xf2\x7a\x5d\x97\xbd\x25\x55\x0c\x48\x23\xb0\xf3\xe5\xd2"
		    "\x93\x88",
		    "\x0d\xd6\x31\xf7\xb7\x1c\xbb\xc7\x97\xc3\x5f\xe7",
		    "server application key and iv");
	EXPECT_KEYS(test, &ks, ks.client_app,
		    "\xa7\xeb\x2a\x05\x25\xeb\x43\x31\xd5\x8f\xcb\xf9\xf7\xca"
		    "\x2e\x9c",
		    "\x86\xe8\xbe\x22\x7c\x1b\xd2\xb3\xe3\x9c\xb4\x44",
		    "client application key and iv");

	expect_finished(test, &ks, ks.client_hs, th, rfc8448_s5_cf,
			"client Finished");
	EXPECT_BYTES(test, rfc8448_s5_cf + 4, 32,
		     "\x23\xf5\x2f\xdb\x07\x09\xa5\x5b\xd7\xf7\x9b\x99\x1f\x25"
		     "\x48\x40\x87\xbc\xfd\x4d\x43\x80\xb1\x23\x26\xa5\x2a\x28"
		     "\xb2\xe3\x68\xe1",
		     "client verify_data");

	add(test, &t, rfc8448_s5_cf, sizeof(rfc8448_s5_cf));
	digest(test, &t, th);
	KUNIT_EXPECT_EQ(test, tlshake_ks_resumption(&ks, th), 0);
	EXPECT_BYTES(test, ks.resumption, 32,
		     "\x09\x17\x0c\x6d\x47\x27\x21\x56\x6f\x9c\xf9\x9b\x08\x69"
		     "\x9d\xaf\xf5\x61\xec\x8f\xb2\x2d\x5a\x32\xc3\xf9\x4c\xe0"
		     "\x09\xb6\x99\x75",
		     "res master");

	tlshake_ks_free(&ks);
	tlshake_transcript_free(&t);
}

/* SHA-384 has no trace in RFC 8448: these values come from an independent
 * implementation of RFC 8446 section 7 in Python (hashlib, hmac) with
 * made-up inputs: a 48-byte shared secret of 0x11 and transcript hashes of
 * 0x21 (to ServerHello), 0x22 (to server Finished), 0x23 (to client
 * Finished) and 0x24 (to CertificateVerify).
 */
static void ks_test_sha384(struct kunit *test)
{
	static const u8 nonce[] = { 0x01 };
	struct tlshake_key_schedule ks;
	u8 shared[48], th[48], out[48], key[32], iv[TLSHAKE_IV_LEN];

	memset(shared, 0x11, sizeof(shared));
	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA384,
					      NULL, 0), 0);
	EXPECT_BYTES(test, ks.secret, 48,
		     "\x7e\xe8\x20\x6f\x55\x70\x02\x3e\x6d\xc7\x51\x9e\xb1\x07"
		     "\x3b\xc4\xe7\x91\xad\x37\xb5\xc3\x82\xaa\x10\xba\x18\xe2"
		     "\x35\x7e\x71\x69\x71\xf9\x36\x2f\x2c\x2f\xe2\xa7\x6b\xfd"
		     "\x78\xdf\xec\x4e\xa9\xb5",
		     "early secret");

	memset(th, 0x21, sizeof(th));
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, shared, sizeof(shared),
						   th), 0);
	EXPECT_BYTES(test, ks.secret, 48,
		     "\x0a\x4e\xc7\x6a\x38\x72\x6a\x6b\xe9\xe8\xc9\x7a\x46\x09"
		     "\x56\xd6\xdb\x11\x6b\xc2\x0f\x46\x38\xc2\xc0\x4c\x69\x3c"
		     "\xbe\xca\x47\xd8\xa3\xbe\xc0\x64\xd9\x43\x5d\x5b\x30\x45"
		     "\x62\xad\xce\xa4\x51\xe3",
		     "handshake secret");
	EXPECT_BYTES(test, ks.client_hs, 48,
		     "\xeb\x41\xd0\x41\x68\x61\xba\xa7\x92\x27\x09\x5d\x69\x56"
		     "\xda\x69\x30\xac\xef\xab\xf4\x37\xd7\x9b\x38\xff\x23\xae"
		     "\x4b\xf8\x96\xf2\xc8\xf3\x22\xd8\x22\x64\xdf\xa5\x1c\x41"
		     "\xd2\xbe\xf6\x30\x2a\x03",
		     "c hs traffic");
	EXPECT_BYTES(test, ks.server_hs, 48,
		     "\x29\x69\x73\xc5\x68\x65\xf3\xb4\xe6\xdf\xfa\x26\x0a\x1f"
		     "\x6f\x60\x2a\x70\x63\xa8\x60\xd9\xf3\x07\xc8\xc0\x98\xf3"
		     "\x90\x2c\x1b\xf8\x9a\x12\xa8\x5d\x4c\x94\x9d\xe3\x65\xe2"
		     "\x8e\x46\x56\x71\xab\xe4",
		     "s hs traffic");

	memset(th, 0x24, sizeof(th));
	KUNIT_EXPECT_EQ(test, tlshake_ks_finished(&ks, ks.server_hs, th, out),
			0);
	EXPECT_BYTES(test, out, 48,
		     "\x9e\x2a\xb2\xed\xe7\x64\x20\xbf\x82\xdb\x13\xb2\xed\xa3"
		     "\x6d\xfb\x82\x06\x75\x62\x1b\xd8\x29\xe5\xc4\x8d\x17\x2d"
		     "\xa0\xab\xef\x76\xb1\x53\x1c\xb5\x0a\x7b\x85\x6c\x5d\x97"
		     "\xe7\x5b\x1e\x6b\xef\xba",
		     "server Finished");
	KUNIT_EXPECT_EQ(test, tlshake_ks_verify_finished(&ks, ks.server_hs, th,
							 out, 48), 0);
	KUNIT_EXPECT_EQ(test, tlshake_ks_verify_finished(&ks, ks.server_hs, th,
							 out, 32), -EBADMSG);

	memset(th, 0x22, sizeof(th));
	KUNIT_EXPECT_EQ(test, tlshake_ks_master(&ks, th), 0);
	EXPECT_BYTES(test, ks.secret, 48,
		     "\x8d\x42\x1b\x8c\xcf\x97\xcc\xc9\x57\x4d\xff\x3b\x46\x96"
		     "\x2c\x51\xdf\x03\xe2\x4f\x01\xf9\xaa\x83\xc4\xa6\x0a\x9b"
		     "\xea\x14\x27\xea\xba\xa1\xbf\x30\xd9\xaa\x81\xd6\x9f\x28"
		     "\x13\x6c\x75\xd1\xdd\x5e",
		     "master secret");
	EXPECT_BYTES(test, ks.client_app, 48,
		     "\x1d\x52\x48\xc0\xd8\xfd\x92\x20\x32\x7a\x37\x83\x02\x1e"
		     "\x0a\x55\x2f\xbb\x6e\x63\xc3\x68\xcf\x9c\x52\xa5\xe9\x90"
		     "\xb4\x4b\x38\xa6\xf9\xb9\x31\x0d\x66\x10\xfa\x87\xd9\x9f"
		     "\x49\x4e\x8a\x8d\xc0\xa8",
		     "c ap traffic");
	EXPECT_BYTES(test, ks.server_app, 48,
		     "\x13\x13\xf8\xed\xc6\xf8\x6f\x35\xb1\x5d\xdf\x1a\x21\x32"
		     "\xe8\xfa\x34\x52\xf7\x07\xd5\xf5\xf0\x7b\xc8\x53\x47\x76"
		     "\xe5\xac\x96\x34\xc4\x0e\x8b\x70\xaf\x80\x51\x74\x36\xfa"
		     "\x7d\x42\x29\x87\xc8\xe7",
		     "s ap traffic");
	EXPECT_BYTES(test, ks.exporter, 48,
		     "\xf6\xa3\xb8\x4e\x08\xd1\x82\xef\x8d\x4a\x8f\xc6\xc7\x53"
		     "\xc6\x65\x34\x5f\x72\x69\xb9\x8a\x4f\x42\x8f\x85\x4b\x09"
		     "\x44\xc5\x69\x2f\xb9\x9d\x5a\x92\x53\xd3\xc9\x34\x29\x1a"
		     "\xdb\xf3\x5c\x69\x86\xbc",
		     "exp master");
	/* TLS_AES_256_GCM_SHA384 has a 32-byte key. */
	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(&ks, ks.server_app,
						      key, sizeof(key), iv), 0);
	EXPECT_BYTES(test, key, sizeof(key),
		     "\xcb\xe7\x04\xf4\x97\x90\x5c\xa9\x99\x50\x2c\xba\x08\x74"
		     "\xfe\x01\x4e\x85\xf4\x99\xb1\x87\xe0\x5c\x21\xee\xd5\x51"
		     "\x18\x2d\x73\x53",
		     "server application key");
	EXPECT_BYTES(test, iv, sizeof(iv),
		     "\xfc\x3a\x8b\x41\x57\xcc\x9e\x0f\x69\x18\x51\x14",
		     "server application iv");

	memset(th, 0x23, sizeof(th));
	KUNIT_EXPECT_EQ(test, tlshake_ks_resumption(&ks, th), 0);
	EXPECT_BYTES(test, ks.resumption, 48,
		     "\x6b\xfc\x78\x1c\x24\x87\x8f\xa0\x92\x60\xe4\xa8\x8d\x8c"
		     "\xfa\x1f\x3c\x77\x66\xfa\xf0\x17\xe8\xaa\x27\x99\x36\xa2"
		     "\x5a\x7a\x30\x31\x62\xce\x13\x39\x3e\xee\x32\xe0\x25\x12"
		     "\xfb\xa1\x8d\xf9\xf7\xd9",
		     "res master");
	KUNIT_EXPECT_EQ(test, tlshake_ks_ticket_psk(&ks, nonce, sizeof(nonce),
						    out), 0);
	EXPECT_BYTES(test, out, 48,
		     "\xa8\x16\x26\x42\x78\xd7\xb9\x82\xf7\x67\x3b\xf1\x31\x65"
		     "\x9d\xb0\x6e\xfc\xda\xfd\x71\x4a\xa8\xb9\x87\xde\xd4\xfe"
		     "\x81\x2c\x57\xcc\xee\x85\xa3\x40\x39\xeb\x28\x4b\x39\x92"
		     "\xa0\x54\x2d\x6a\xfc\x6f",
		     "ticket PSK");
	tlshake_ks_free(&ks);
}

/* Steps out of order, bad arguments and a schedule that was never started. */
static void ks_test_misuse(struct kunit *test)
{
	struct tlshake_key_schedule ks;
	u8 secret[32] = {}, th[32] = {}, out[32], key[33], iv[TLSHAKE_IV_LEN];

	KUNIT_EXPECT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_NR_HASHES, NULL, 0),
			-EINVAL);
	tlshake_ks_free(&ks);
	KUNIT_EXPECT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      NULL, sizeof(secret)), -EINVAL);
	tlshake_ks_free(&ks);
	KUNIT_EXPECT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      secret, 0), -EINVAL);

	/* Nothing works on a schedule without secrets, nor crashes. */
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, secret, sizeof(secret),
						   th), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(&ks, ks.client_hs, key,
						      16, iv), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_finished(&ks, ks.client_hs, th, out),
			-EINVAL);
	tlshake_ks_free(&ks);

	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      NULL, 0), 0);
	/* Binder keys need a PSK. */
	KUNIT_EXPECT_EQ(test, tlshake_ks_binder_key(&ks, true), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_master(&ks, th), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_resumption(&ks, th), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_ticket_psk(&ks, NULL, 0, out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, secret, 0, th),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, secret, sizeof(secret),
						   th), 0);
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, secret, sizeof(secret),
						   th), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_resumption(&ks, th), -EINVAL);

	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(&ks, ks.client_hs, key,
						      0, iv), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(&ks, ks.client_hs, key,
						      33, iv), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_traffic_keys(&ks, ks.client_hs, key,
						      32, iv), 0);

	/* Freeing wipes every secret. */
	tlshake_ks_free(&ks);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(&ks, 0, sizeof(ks)), NULL);

	/* An external PSK of 32 zero bytes: its "ext binder" key, computed
	 * with Python's hmac module, exists only until the handshake secret
	 * replaces the early secret.
	 */
	KUNIT_ASSERT_EQ(test, tlshake_ks_init(&ks, TLSHAKE_HASH_SHA256,
					      secret, sizeof(secret)), 0);
	KUNIT_EXPECT_EQ(test, tlshake_ks_binder_key(&ks, true), 0);
	EXPECT_BYTES(test, ks.binder_key, 32,
		     "\x8f\xa3\x1e\x7b\x38\x44\x74\x86\x75\xc3\xa4\x72\x8b\xa0"
		     "\x1c\x38\x2e\xbd\x0c\x5f\x64\xcc\x6b\xee\x56\xc8\x63\x98"
		     "\x26\x24\xc3\xe2",
		     "ext binder key");
	KUNIT_EXPECT_EQ(test, tlshake_ks_handshake(&ks, secret, sizeof(secret),
						   th), 0);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(ks.binder_key, 0,
					     sizeof(ks.binder_key)), NULL);
	KUNIT_EXPECT_EQ(test, tlshake_ks_binder_key(&ks, true), -EINVAL);
	tlshake_ks_free(&ks);
}

static struct kunit_case key_schedule_test_cases[] = {
	KUNIT_CASE(ks_test_rfc8448_simple),
	KUNIT_CASE(ks_test_rfc8448_resumption_binder),
	KUNIT_CASE(ks_test_rfc8448_hello_retry),
	KUNIT_CASE(ks_test_sha384),
	KUNIT_CASE(ks_test_misuse),
	{}
};

static struct kunit_suite key_schedule_test_suite = {
	.name = "tlshake_key_schedule",
	.test_cases = key_schedule_test_cases,
};

kunit_test_suite(key_schedule_test_suite);
