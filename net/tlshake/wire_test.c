// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the TLS wire format: the cursors, records, handshake
 * reassembly, the RFC 8448 simple 1-RTT handshake parsed and rebuilt byte
 * for byte, and the inputs the parsers must refuse, each with its alert.
 */

#include <crypto/sha2.h>
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "wire.h"

#include "rfc8448.h"

/* A handshake message of the trace: its body, after the 4-byte header. */
#define BODY(msg)	((msg) + TLSW_HS_HEADER_LEN)
#define BODY_LEN(msg)	(sizeof(msg) - TLSW_HS_HEADER_LEN)

/* The x25519 public keys of RFC 8448 section 3. */
static const u8 rfc8448_client_share[32] = {
	0x99, 0x38, 0x1d, 0xe5, 0x60, 0xe4, 0xbd, 0x43, 0xd2, 0x3d, 0x8e, 0x43,
	0x5a, 0x7d, 0xba, 0xfe, 0xb3, 0xc0, 0x6e, 0x51, 0xc1, 0x3c, 0xae, 0x4d,
	0x54, 0x13, 0x69, 0x1e, 0x52, 0x9a, 0xaf, 0x2c,
};

static const u8 rfc8448_server_share[32] = {
	0xc9, 0x82, 0x88, 0x76, 0x11, 0x20, 0x95, 0xfe, 0x66, 0x76, 0x2b, 0xdb,
	0xf7, 0xc6, 0x72, 0xe1, 0x56, 0xd6, 0xcc, 0x25, 0x3b, 0x83, 0x3d, 0xf1,
	0xdd, 0x69, 0xb1, 0xb0, 0x4e, 0x75, 0x1f, 0x0f,
};

/* The trace's groups, signature schemes and cipher suites, in its order. */
static const u16 rfc8448_groups[] = {
	0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104,
};

static const u16 rfc8448_sig_algs[] = {
	0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401,
	0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202,
};

static const u16 rfc8448_suites[] = { 0x1301, 0x1303, 0x1302 };

/* record_size_limit (RFC 8449) of 2^14 + 1, as the trace sends it. */
static const u8 rfc8448_record_size_limit[] = { 0x40, 0x01 };

static void *wire_test_alloc(struct kunit *test, size_t size)
{
	void *p = kunit_kzalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	return p;
}

static bool slice_eq(const struct tlsw_slice *s, const void *data, size_t len)
{
	return s->len == len && !memcmp(s->data, data, len);
}

/* Cursors */

static void wire_test_rd_ints(struct kunit *test)
{
	static const u8 buf[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	struct tlsw_slice r;
	u8 v8;
	u16 v16;
	u32 v32;

	tlsw_slice_init(&r, buf, sizeof(buf));
	KUNIT_ASSERT_EQ(test, tlsw_rd_u8(&r, &v8), 0);
	KUNIT_EXPECT_EQ(test, v8, 1);
	KUNIT_ASSERT_EQ(test, tlsw_rd_u16(&r, &v16), 0);
	KUNIT_EXPECT_EQ(test, v16, 0x0203);
	KUNIT_ASSERT_EQ(test, tlsw_rd_u24(&r, &v32), 0);
	KUNIT_EXPECT_EQ(test, v32, 0x040506);
	KUNIT_ASSERT_EQ(test, tlsw_rd_u32(&r, &v32), 0);
	KUNIT_EXPECT_EQ(test, v32, 0x0708090a);
	KUNIT_EXPECT_EQ(test, tlsw_rd_end(&r), 0);

	/* Short reads fail and consume nothing. */
	tlsw_slice_init(&r, buf, 3);
	KUNIT_EXPECT_EQ(test, tlsw_rd_u32(&r, &v32), -EBADMSG);
	KUNIT_EXPECT_EQ(test, r.len, 3);
	KUNIT_EXPECT_EQ(test, tlsw_rd_end(&r), -EBADMSG);
	tlsw_slice_init(&r, buf, 2);
	KUNIT_EXPECT_EQ(test, tlsw_rd_u24(&r, &v32), -EBADMSG);
	tlsw_slice_init(&r, buf, 1);
	KUNIT_EXPECT_EQ(test, tlsw_rd_u16(&r, &v16), -EBADMSG);
	tlsw_slice_init(&r, buf, 0);
	KUNIT_EXPECT_EQ(test, tlsw_rd_u8(&r, &v8), -EBADMSG);
	KUNIT_EXPECT_EQ(test, tlsw_rd_end(&r), 0);
}

static void wire_test_rd_vec(struct kunit *test)
{
	static const u8 v1[] = { 3, 'a', 'b', 'c', 0xee };
	static const u8 v2[] = { 0, 2, 'x', 'y' };
	static const u8 v3[] = { 0, 0, 1, 'z' };
	static const u8 overlong[] = { 0, 5, 'x', 'y' };
	struct tlsw_slice r, out;

	tlsw_slice_init(&r, v1, sizeof(v1));
	KUNIT_ASSERT_EQ(test, tlsw_rd_vec(&r, 1, 1, 255, &out), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&out, "abc", 3));
	KUNIT_EXPECT_EQ(test, r.len, 1);
	KUNIT_EXPECT_EQ(test, tlsw_rd_end(&r), -EBADMSG);

	tlsw_slice_init(&r, v2, sizeof(v2));
	KUNIT_ASSERT_EQ(test, tlsw_rd_vec(&r, 2, 0, 0xffff, &out), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&out, "xy", 2));
	KUNIT_EXPECT_EQ(test, tlsw_rd_end(&r), 0);

	tlsw_slice_init(&r, v3, sizeof(v3));
	KUNIT_ASSERT_EQ(test, tlsw_rd_vec(&r, 3, 1, 0xffffff, &out), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&out, "z", 1));

	/* A length past the data, or outside <min..max>, consumes nothing. */
	tlsw_slice_init(&r, overlong, sizeof(overlong));
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 2, 0, 0xffff, &out), -EBADMSG);
	KUNIT_EXPECT_EQ(test, r.len, sizeof(overlong));
	tlsw_slice_init(&r, v1, sizeof(v1));
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 1, 4, 255, &out), -EBADMSG);
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 1, 0, 2, &out), -EBADMSG);
	KUNIT_EXPECT_EQ(test, r.len, sizeof(v1));
	/* A prefix cut short, and prefix sizes TLS does not have. */
	tlsw_slice_init(&r, v3, 2);
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 3, 0, 0xffffff, &out), -EBADMSG);
	tlsw_slice_init(&r, v3, sizeof(v3));
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 0, 0, 0, &out), -EBADMSG);
	KUNIT_EXPECT_EQ(test, tlsw_rd_vec(&r, 4, 0, 0xffffff, &out), -EBADMSG);
}

static void wire_test_wr_bounds(struct kunit *test)
{
	u8 *buf = wire_test_alloc(test, 16);
	struct tlsw_wr w;
	size_t i;

	/* Eight bytes usable, eight of guard behind them. */
	memset(buf, 0xa5, 16);
	tlsw_wr_init(&w, buf, 8);
	tlsw_wr_u32(&w, 0x01020304);
	tlsw_wr_u24(&w, 0x050607);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	tlsw_wr_u16(&w, 0x0809);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -ENOSPC);
	/* Once failed, nothing more is written, not even what would fit. */
	tlsw_wr_u8(&w, 0x42);
	KUNIT_EXPECT_EQ(test, w.len, 7);
	KUNIT_EXPECT_EQ(test, buf[7], 0xa5);
	KUNIT_EXPECT_PTR_EQ(test, tlsw_wr_reserve(&w, 1), NULL);
	for (i = 8; i < 16; i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], 0xa5, "guard byte %zu", i);

	tlsw_wr_init(&w, buf, 8);
	tlsw_wr_bytes(&w, "0123456789", 10);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -ENOSPC);
	KUNIT_EXPECT_EQ(test, w.len, 0);

	tlsw_wr_init(&w, buf, 8);
	tlsw_wr_u24(&w, 0x1000000);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

static void wire_test_wr_vec(struct kunit *test)
{
	static const u8 want[] = {
		0x00, 0x00, 0x08,		/* 3-byte prefix: 8 */
		0x00, 0x05,			/* 2-byte prefix: 5 */
		0x02, 'h', 'i',			/* 1-byte prefix: 2 */
		0x00, 0x00,			/* empty 2-byte vector */
		0xff,				/* end of the 3-byte one */
	};
	u8 *buf = wire_test_alloc(test, 512);
	struct tlsw_wr_vec a, b, c, d;
	struct tlsw_wr w;

	tlsw_wr_init(&w, buf, 512);
	tlsw_wr_vec_begin(&w, 3, &a);
	tlsw_wr_vec_begin(&w, 2, &b);
	tlsw_wr_vec_begin(&w, 1, &c);
	tlsw_wr_bytes(&w, "hi", 2);
	tlsw_wr_vec_end(&w, &c);
	tlsw_wr_vec_begin(&w, 2, &d);
	tlsw_wr_vec_end(&w, &d);
	tlsw_wr_vec_end(&w, &b);
	tlsw_wr_u8(&w, 0xff);
	tlsw_wr_vec_end(&w, &a);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test, w.len, sizeof(want));
	KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, want, sizeof(want)), 0,
			    "nested vectors");

	/* 256 bytes do not fit behind a 1-byte length. */
	tlsw_wr_init(&w, buf, 512);
	tlsw_wr_vec_begin(&w, 1, &a);
	tlsw_wr_reserve(&w, 256);
	tlsw_wr_vec_end(&w, &a);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EMSGSIZE);

	tlsw_wr_init(&w, buf, 512);
	tlsw_wr_vec_begin(&w, 4, &a);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);

	/* A prefix that does not fit fails, and its end writes nothing. */
	tlsw_wr_init(&w, buf, 1);
	tlsw_wr_vec_begin(&w, 2, &a);
	tlsw_wr_vec_end(&w, &a);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -ENOSPC);
	KUNIT_EXPECT_EQ(test, w.len, 0);
}

static struct kunit_case wire_cursor_test_cases[] = {
	KUNIT_CASE(wire_test_rd_ints),
	KUNIT_CASE(wire_test_rd_vec),
	KUNIT_CASE(wire_test_wr_bounds),
	KUNIT_CASE(wire_test_wr_vec),
	{}
};

static struct kunit_suite wire_cursor_test_suite = {
	.name = "tlshake_wire_cursor",
	.test_cases = wire_cursor_test_cases,
};

/* Records and alerts */

static void wire_test_record_header(struct kunit *test)
{
	/* The record that carries the trace's ClientHello. */
	static const u8 ch_hdr[] = { 0x16, 0x03, 0x01, 0x00, 0xc4 };
	static const u8 max_plain[] = { 0x16, 0x03, 0x03, 0x40, 0x00 };
	static const u8 over_plain[] = { 0x16, 0x03, 0x03, 0x40, 0x01 };
	static const u8 max_prot[] = { 0x17, 0x03, 0x03, 0x41, 0x00 };
	static const u8 over_prot[] = { 0x17, 0x03, 0x03, 0x41, 0x01 };
	static const u8 bad_type[] = { 0x18, 0x03, 0x03, 0x00, 0x01 };
	struct tlsw_record_header h;
	enum tlsw_alert alert;
	struct tlsw_wr w;
	u8 out[5];

	KUNIT_ASSERT_EQ(test, tlsw_parse_record_header(ch_hdr, 5,
						       TLSW_MAX_PLAINTEXT, &h,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, h.type, TLSW_CT_HANDSHAKE);
	KUNIT_EXPECT_EQ(test, h.version, 0x0301);
	KUNIT_EXPECT_EQ(test, h.len, sizeof(rfc8448_client_hello));

	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(max_plain, 5,
						       TLSW_MAX_PLAINTEXT, &h,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(over_plain, 5,
						       TLSW_MAX_PLAINTEXT, &h,
						       &alert), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_RECORD_OVERFLOW);
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(max_prot, 5,
						       TLSW_MAX_CIPHERTEXT13,
						       &h, &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(over_prot, 5,
						       TLSW_MAX_CIPHERTEXT13,
						       &h, &alert), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_RECORD_OVERFLOW);
	/* The same length is fine for a TLS 1.2 protected record. */
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(over_prot, 5,
						       TLSW_MAX_CIPHERTEXT12,
						       &h, &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(bad_type, 5,
						       TLSW_MAX_PLAINTEXT, &h,
						       &alert), -EPROTO);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_UNEXPECTED_MESSAGE);
	KUNIT_EXPECT_EQ(test, tlsw_parse_record_header(ch_hdr, 4,
						       TLSW_MAX_PLAINTEXT, &h,
						       &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);

	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_record_header(&w, TLSW_CT_HANDSHAKE, 0x0301, 0xc4);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, memcmp(out, ch_hdr, 5), 0);
}

static void wire_test_inner_plaintext(struct kunit *test)
{
	static const u8 padded[] = { 'h', 'i', 0x17, 0, 0, 0 };
	static const u8 unpadded[] = { 0x01, 0x16 };
	static const u8 type_only[] = { 0x15 };
	static const u8 zeros[8];
	static const u8 inner_ccs[] = { 0x01, 0x14, 0 };
	enum tlsw_alert alert;
	size_t len;
	u8 *big;
	u8 type;

	KUNIT_ASSERT_EQ(test, tlsw_parse_inner_plaintext(padded, sizeof(padded),
							 &type, &len, &alert),
			0);
	KUNIT_EXPECT_EQ(test, type, TLSW_CT_APPLICATION_DATA);
	KUNIT_EXPECT_EQ(test, len, 2);
	KUNIT_ASSERT_EQ(test, tlsw_parse_inner_plaintext(unpadded, 2, &type,
							 &len, &alert), 0);
	KUNIT_EXPECT_EQ(test, type, TLSW_CT_HANDSHAKE);
	KUNIT_EXPECT_EQ(test, len, 1);
	KUNIT_ASSERT_EQ(test, tlsw_parse_inner_plaintext(type_only, 1, &type,
							 &len, &alert), 0);
	KUNIT_EXPECT_EQ(test, type, TLSW_CT_ALERT);
	KUNIT_EXPECT_EQ(test, len, 0);

	/* No non-zero byte: unexpected_message (RFC 8446 section 5.4). */
	KUNIT_EXPECT_EQ(test, tlsw_parse_inner_plaintext(zeros, sizeof(zeros),
							 &type, &len, &alert),
			-EPROTO);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_UNEXPECTED_MESSAGE);
	KUNIT_EXPECT_EQ(test, tlsw_parse_inner_plaintext(zeros, 0, &type, &len,
							 &alert), -EPROTO);
	/* change_cipher_spec is never protected. */
	KUNIT_EXPECT_EQ(test, tlsw_parse_inner_plaintext(inner_ccs, 3, &type,
							 &len, &alert), -EPROTO);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_UNEXPECTED_MESSAGE);

	/* 2^14 bytes of content and the type fit; one more byte does not. */
	big = wire_test_alloc(test, TLSW_MAX_PLAINTEXT + 2);
	big[TLSW_MAX_PLAINTEXT] = TLSW_CT_APPLICATION_DATA;
	KUNIT_EXPECT_EQ(test, tlsw_parse_inner_plaintext(big,
							 TLSW_MAX_PLAINTEXT + 1,
							 &type, &len, &alert),
			0);
	KUNIT_EXPECT_EQ(test, len, TLSW_MAX_PLAINTEXT);
	KUNIT_EXPECT_EQ(test, tlsw_parse_inner_plaintext(big,
							 TLSW_MAX_PLAINTEXT + 2,
							 &type, &len, &alert),
			-EMSGSIZE);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_RECORD_OVERFLOW);
}

static void wire_test_alert(struct kunit *test)
{
	static const u8 fatal[] = { 2, 40 };
	static const u8 bad_level[] = { 3, 40 };
	static const u8 two[] = { 1, 0, 1, 0 };
	enum tlsw_alert alert;
	u8 level, desc, out[2];
	struct tlsw_wr w;

	KUNIT_ASSERT_EQ(test, tlsw_parse_alert(fatal, 2, &level, &desc,
					       &alert), 0);
	KUNIT_EXPECT_EQ(test, level, TLSW_ALERT_LEVEL_FATAL);
	KUNIT_EXPECT_EQ(test, desc, TLSW_ALERT_HANDSHAKE_FAILURE);
	KUNIT_EXPECT_EQ(test, tlsw_parse_alert(bad_level, 2, &level, &desc,
					       &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	/* Neither coalesced nor fragmented alerts (RFC 8446 section 5.1). */
	KUNIT_EXPECT_EQ(test, tlsw_parse_alert(two, 4, &level, &desc, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	KUNIT_EXPECT_EQ(test, tlsw_parse_alert(two, 1, &level, &desc, &alert),
			-EBADMSG);

	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_alert(&w, TLSW_ALERT_LEVEL_FATAL,
			 TLSW_ALERT_HANDSHAKE_FAILURE);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, memcmp(out, fatal, 2), 0);
}

static struct kunit_case wire_record_test_cases[] = {
	KUNIT_CASE(wire_test_record_header),
	KUNIT_CASE(wire_test_inner_plaintext),
	KUNIT_CASE(wire_test_alert),
	{}
};

static struct kunit_suite wire_record_test_suite = {
	.name = "tlshake_wire_record",
	.test_cases = wire_record_test_cases,
};

/* Handshake message reassembly */

/* The server's encrypted flight: EncryptedExtensions to Finished. */
static const struct {
	const u8 *msg;
	size_t len;
} wire_test_flight[] = {
	{ rfc8448_encrypted_extensions, sizeof(rfc8448_encrypted_extensions) },
	{ rfc8448_certificate, sizeof(rfc8448_certificate) },
	{ rfc8448_certificate_verify, sizeof(rfc8448_certificate_verify) },
	{ rfc8448_server_finished, sizeof(rfc8448_server_finished) },
};

static u8 *wire_test_flight_bytes(struct kunit *test, size_t *len)
{
	size_t i, off = 0;
	u8 *buf;

	for (i = 0; i < ARRAY_SIZE(wire_test_flight); i++)
		off += wire_test_flight[i].len;
	buf = wire_test_alloc(test, off);
	*len = off;
	for (i = 0, off = 0; i < ARRAY_SIZE(wire_test_flight); i++) {
		memcpy(buf + off, wire_test_flight[i].msg,
		       wire_test_flight[i].len);
		off += wire_test_flight[i].len;
	}
	return buf;
}

static struct tlsw_reasm *wire_test_reasm(struct kunit *test, u32 max_msg)
{
	struct tlsw_reasm *ra = wire_test_alloc(test, sizeof(*ra));
	size_t size = TLSW_REASM_SIZE(max_msg);

	KUNIT_ASSERT_EQ(test, tlsw_reasm_init(ra, wire_test_alloc(test, size),
					      size, max_msg), 0);
	return ra;
}

/* Feed @buf in records of @step bytes; expect the flight's messages. */
static void wire_test_reasm_flight(struct kunit *test, size_t step)
{
	struct tlsw_reasm *ra = wire_test_reasm(test, 4096);
	size_t len, off, n, got = 0;
	struct tlsw_hs_msg msg;
	enum tlsw_alert alert;
	u8 *buf;
	int ret;

	buf = wire_test_flight_bytes(test, &len);
	for (off = 0; off < len; off += n) {
		n = min(step, len - off);
		KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, buf + off, n, &alert),
				0);
		while ((ret = tlsw_reasm_next(ra, &msg, &alert)) == 1) {
			KUNIT_ASSERT_LT(test, got, ARRAY_SIZE(wire_test_flight));
			KUNIT_EXPECT_EQ(test, msg.type,
					wire_test_flight[got].msg[0]);
			KUNIT_EXPECT_TRUE_MSG(test,
					      slice_eq(&msg.raw,
						       wire_test_flight[got].msg,
						       wire_test_flight[got].len),
					      "message %zu, step %zu", got, step);
			KUNIT_EXPECT_EQ(test, msg.body.len,
					wire_test_flight[got].len - 4);
			KUNIT_EXPECT_PTR_EQ(test, msg.body.data,
					    msg.raw.data + 4);
			got++;
		}
		KUNIT_ASSERT_EQ(test, ret, 0);
		/* Bytes of a message are pending except at its boundaries. */
		KUNIT_EXPECT_EQ(test, tlsw_reasm_pending(ra),
				got < ARRAY_SIZE(wire_test_flight) &&
				off + n != 40 && off + n != 485 &&
				off + n != 621);
	}
	KUNIT_EXPECT_EQ(test, got, ARRAY_SIZE(wire_test_flight));
	KUNIT_EXPECT_FALSE(test, tlsw_reasm_pending(ra));
}

static void wire_test_reasm_fragmented(struct kunit *test)
{
	/* One byte per record, then odd sizes that split every header. */
	wire_test_reasm_flight(test, 1);
	wire_test_reasm_flight(test, 3);
	wire_test_reasm_flight(test, 7);
	wire_test_reasm_flight(test, 100);
}

static void wire_test_reasm_coalesced(struct kunit *test)
{
	/* All four messages in one record. */
	wire_test_reasm_flight(test, TLSW_MAX_PLAINTEXT);
}

static void wire_test_reasm_key_change(struct kunit *test)
{
	struct tlsw_reasm *ra = wire_test_reasm(test, 4096);
	struct tlsw_hs_msg msg;
	enum tlsw_alert alert;

	/* ServerHello, then the first bytes of the next message in the same
	 * record: they would span the key change that follows ServerHello.
	 */
	KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, rfc8448_server_hello,
					     sizeof(rfc8448_server_hello),
					     &alert), 0);
	KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, rfc8448_encrypted_extensions,
					     10, &alert), 0);
	KUNIT_ASSERT_EQ(test, tlsw_reasm_next(ra, &msg, &alert), 1);
	KUNIT_EXPECT_EQ(test, msg.type, TLSW_HS_SERVER_HELLO);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_next(ra, &msg, &alert), 0);
	KUNIT_EXPECT_TRUE(test, tlsw_reasm_pending(ra));

	/* Even a header alone is pending. */
	ra = wire_test_reasm(test, 4096);
	KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, rfc8448_server_hello, 2,
					     &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_next(ra, &msg, &alert), 0);
	KUNIT_EXPECT_TRUE(test, tlsw_reasm_pending(ra));
}

static void wire_test_reasm_limits(struct kunit *test)
{
	struct tlsw_reasm *ra = wire_test_reasm(test, 64);
	size_t size = TLSW_REASM_SIZE(64);
	struct tlsw_hs_msg msg;
	enum tlsw_alert alert;
	u8 *big;

	/* A 86-byte ServerHello over a limit of 64, refused by its header. */
	KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, rfc8448_server_hello, 4,
					     &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_next(ra, &msg, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);

	/* No empty handshake records (RFC 8446 section 5.1). */
	ra = wire_test_reasm(test, 64);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_add(ra, rfc8448_server_hello, 0,
					     &alert), -EPROTO);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_UNEXPECTED_MESSAGE);

	/* No more than a record's worth at once. */
	big = wire_test_alloc(test, TLSW_MAX_PLAINTEXT + 1);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_add(ra, big, TLSW_MAX_PLAINTEXT + 1,
					     &alert), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_RECORD_OVERFLOW);

	/* Complete messages left in: the next record may not fit. */
	KUNIT_ASSERT_EQ(test, tlsw_reasm_add(ra, big, TLSW_MAX_PLAINTEXT,
					     &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_add(ra, big, TLSW_MAX_PLAINTEXT,
					     &alert), -ENOSPC);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_INTERNAL_ERROR);

	KUNIT_EXPECT_EQ(test, tlsw_reasm_init(ra, big, size - 1, 64), -EINVAL);
	KUNIT_EXPECT_EQ(test, tlsw_reasm_init(ra, big, SIZE_MAX, 1 << 24),
			-EINVAL);
}

static struct kunit_case wire_reasm_test_cases[] = {
	KUNIT_CASE(wire_test_reasm_fragmented),
	KUNIT_CASE(wire_test_reasm_coalesced),
	KUNIT_CASE(wire_test_reasm_key_change),
	KUNIT_CASE(wire_test_reasm_limits),
	{}
};

static struct kunit_suite wire_reasm_test_suite = {
	.name = "tlshake_wire_reasm",
	.test_cases = wire_reasm_test_cases,
};

/* RFC 8448 section 3: the simple 1-RTT handshake */

/* Check that the transcription is exact: hashes the RFC prints. */
static void wire_test_rfc8448_transcript(struct kunit *test)
{
	static const u8 hello_hash[SHA256_DIGEST_SIZE] = {
		0x86, 0x0c, 0x06, 0xed, 0xc0, 0x78, 0x58, 0xee,
		0x8e, 0x78, 0xf0, 0xe7, 0x42, 0x8c, 0x58, 0xed,
		0xd6, 0xb4, 0x3f, 0x2c, 0xa3, 0xe6, 0xe9, 0x5f,
		0x02, 0xed, 0x06, 0x3c, 0xf0, 0xe1, 0xca, 0xd8,
	};
	static const u8 server_fin_hash[SHA256_DIGEST_SIZE] = {
		0x96, 0x08, 0x10, 0x2a, 0x0f, 0x1c, 0xcc, 0x6d,
		0xb6, 0x25, 0x0b, 0x7b, 0x7e, 0x41, 0x7b, 0x1a,
		0x00, 0x0e, 0xaa, 0xda, 0x3d, 0xaa, 0xe4, 0x77,
		0x7a, 0x76, 0x86, 0xc9, 0xff, 0x83, 0xdf, 0x13,
	};
	struct sha256_state *sha = wire_test_alloc(test, sizeof(*sha));
	u8 digest[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(sha);
	sha256_update(sha, rfc8448_client_hello, sizeof(rfc8448_client_hello));
	sha256_update(sha, rfc8448_server_hello, sizeof(rfc8448_server_hello));
	sha256_final(sha, digest);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(digest, hello_hash, sizeof(digest)),
			    0, "ClientHello..ServerHello");

	sha256_init(sha);
	sha256_update(sha, rfc8448_client_hello, sizeof(rfc8448_client_hello));
	sha256_update(sha, rfc8448_server_hello, sizeof(rfc8448_server_hello));
	for (i = 0; i < ARRAY_SIZE(wire_test_flight); i++)
		sha256_update(sha, wire_test_flight[i].msg,
			      wire_test_flight[i].len);
	sha256_final(sha, digest);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(digest, server_fin_hash,
					 sizeof(digest)), 0,
			    "ClientHello..server Finished");
}

static void wire_test_rfc8448_client_hello(struct kunit *test)
{
	struct tlsw_client_hello *ch = wire_test_alloc(test, sizeof(*ch));
	const struct tlsw_exts *e = &ch->ext;
	struct tlsw_key_share ks;
	enum tlsw_alert alert;
	struct tlsw_slice it;
	size_t i;

	KUNIT_ASSERT_EQ(test, rfc8448_client_hello[0], TLSW_HS_CLIENT_HELLO);
	KUNIT_ASSERT_EQ(test, tlsw_parse_client_hello(BODY(rfc8448_client_hello),
						      BODY_LEN(rfc8448_client_hello),
						      ch, &alert), 0);
	KUNIT_EXPECT_EQ(test, ch->legacy_version, TLSW_VERSION_TLS12);
	KUNIT_EXPECT_PTR_EQ(test, ch->random, BODY(rfc8448_client_hello) + 2);
	KUNIT_EXPECT_EQ(test, ch->random[0], 0xcb);
	KUNIT_EXPECT_EQ(test, ch->random[31], 0xe7);
	KUNIT_EXPECT_EQ(test, ch->session_id.len, 0);
	KUNIT_ASSERT_EQ(test, tlsw_u16_list_count(&ch->cipher_suites),
			ARRAY_SIZE(rfc8448_suites));
	for (i = 0; i < ARRAY_SIZE(rfc8448_suites); i++)
		KUNIT_EXPECT_EQ(test, tlsw_u16_list_at(&ch->cipher_suites, i),
				rfc8448_suites[i]);
	KUNIT_EXPECT_TRUE(test, slice_eq(&ch->compression_methods, "", 1));
	KUNIT_EXPECT_EQ(test, ch->extensions.len, 0x91);

	KUNIT_EXPECT_EQ(test, e->present,
			BIT(TLSW_EXTB_SERVER_NAME) |
			BIT(TLSW_EXTB_RENEGOTIATION_INFO) |
			BIT(TLSW_EXTB_SUPPORTED_GROUPS) |
			BIT(TLSW_EXTB_SESSION_TICKET) |
			BIT(TLSW_EXTB_KEY_SHARE) |
			BIT(TLSW_EXTB_SUPPORTED_VERSIONS) |
			BIT(TLSW_EXTB_SIGNATURE_ALGORITHMS) |
			BIT(TLSW_EXTB_PSK_KEY_EXCHANGE_MODES) |
			BIT(TLSW_EXTB_RECORD_SIZE_LIMIT));
	KUNIT_EXPECT_EQ(test, e->n_unknown, 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&e->server_name, "server", 6));
	KUNIT_EXPECT_EQ(test, e->renegotiation_info.len, 0);
	KUNIT_EXPECT_EQ(test, e->session_ticket.len, 0);
	KUNIT_ASSERT_EQ(test, tlsw_u16_list_count(&e->groups),
			ARRAY_SIZE(rfc8448_groups));
	for (i = 0; i < ARRAY_SIZE(rfc8448_groups); i++)
		KUNIT_EXPECT_EQ(test, tlsw_u16_list_at(&e->groups, i),
				rfc8448_groups[i]);
	KUNIT_ASSERT_EQ(test, tlsw_u16_list_count(&e->sig_algs),
			ARRAY_SIZE(rfc8448_sig_algs));
	for (i = 0; i < ARRAY_SIZE(rfc8448_sig_algs); i++)
		KUNIT_EXPECT_EQ(test, tlsw_u16_list_at(&e->sig_algs, i),
				rfc8448_sig_algs[i]);
	KUNIT_EXPECT_EQ(test, tlsw_u16_list_count(&e->versions), 1);
	KUNIT_EXPECT_TRUE(test, tlsw_u16_list_has(&e->versions,
						  TLSW_VERSION_TLS13));
	KUNIT_EXPECT_FALSE(test, tlsw_u16_list_has(&e->versions,
						   TLSW_VERSION_TLS12));
	KUNIT_EXPECT_TRUE(test, slice_eq(&e->psk_modes, "\x01", 1));
	KUNIT_EXPECT_EQ(test, e->record_size_limit, 0x4001);

	it = e->key_shares;
	KUNIT_ASSERT_TRUE(test, tlsw_key_share_next(&it, &ks));
	KUNIT_EXPECT_EQ(test, ks.group, TLSW_GROUP_X25519);
	KUNIT_EXPECT_TRUE(test, slice_eq(&ks.key, rfc8448_client_share, 32));
	KUNIT_EXPECT_FALSE(test, tlsw_key_share_next(&it, &ks));
	KUNIT_EXPECT_EQ(test, tlsw_key_share_find(&e->key_shares,
						  TLSW_GROUP_X25519, &ks,
						  &alert), 1);
	KUNIT_EXPECT_TRUE(test, slice_eq(&ks.key, rfc8448_client_share, 32));
	KUNIT_EXPECT_EQ(test, tlsw_key_share_find(&e->key_shares,
						  TLSW_GROUP_SECP256R1, &ks,
						  &alert), 0);
}

static void wire_test_rfc8448_server_hello(struct kunit *test)
{
	struct tlsw_server_hello *sh = wire_test_alloc(test, sizeof(*sh));
	enum tlsw_alert alert;

	KUNIT_ASSERT_EQ(test, rfc8448_server_hello[0], TLSW_HS_SERVER_HELLO);
	KUNIT_ASSERT_EQ(test, tlsw_parse_server_hello(BODY(rfc8448_server_hello),
						      BODY_LEN(rfc8448_server_hello),
						      sh, &alert), 0);
	KUNIT_EXPECT_FALSE(test, sh->hrr);
	KUNIT_EXPECT_EQ(test, sh->legacy_version, TLSW_VERSION_TLS12);
	KUNIT_EXPECT_EQ(test, sh->version, TLSW_VERSION_TLS13);
	KUNIT_EXPECT_EQ(test, sh->random[0], 0xa6);
	KUNIT_EXPECT_EQ(test, sh->random[31], 0x28);
	KUNIT_EXPECT_FALSE(test, tlsw_random_has_downgrade_marker(sh->random));
	KUNIT_EXPECT_EQ(test, sh->session_id.len, 0);
	KUNIT_EXPECT_EQ(test, sh->cipher_suite, TLSW_TLS_AES_128_GCM_SHA256);
	KUNIT_EXPECT_EQ(test, sh->ext.present,
			BIT(TLSW_EXTB_KEY_SHARE) |
			BIT(TLSW_EXTB_SUPPORTED_VERSIONS));
	KUNIT_EXPECT_EQ(test, sh->ext.selected_version, TLSW_VERSION_TLS13);
	KUNIT_EXPECT_EQ(test, sh->ext.key_share.group, TLSW_GROUP_X25519);
	KUNIT_EXPECT_TRUE(test, slice_eq(&sh->ext.key_share.key,
					 rfc8448_server_share, 32));
}

static void wire_test_rfc8448_server_flight(struct kunit *test)
{
	struct tlsw_certificate_verify cv;
	struct tlsw_certificate cert;
	struct tlsw_cert_entry entry;
	struct tlsw_slice it, vd;
	enum tlsw_alert alert;
	struct tlsw_exts *ee;
	int ret;

	ee = wire_test_alloc(test, sizeof(*ee));
	ret = tlsw_parse_encrypted_extensions(BODY(rfc8448_encrypted_extensions),
					      BODY_LEN(rfc8448_encrypted_extensions),
					      ee, &alert);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, ee->present,
			BIT(TLSW_EXTB_SUPPORTED_GROUPS) |
			BIT(TLSW_EXTB_RECORD_SIZE_LIMIT) |
			BIT(TLSW_EXTB_SERVER_NAME));
	KUNIT_EXPECT_EQ(test, tlsw_u16_list_count(&ee->groups),
			ARRAY_SIZE(rfc8448_groups));
	KUNIT_EXPECT_EQ(test, ee->server_name.len, 0);
	KUNIT_EXPECT_EQ(test, ee->record_size_limit, 0x4001);

	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate(BODY(rfc8448_certificate),
						     BODY_LEN(rfc8448_certificate),
						     &cert, &alert), 0);
	KUNIT_EXPECT_EQ(test, cert.context.len, 0);
	KUNIT_EXPECT_EQ(test, cert.count, 1);
	it = cert.entries;
	KUNIT_ASSERT_TRUE(test, tlsw_cert_entry_next(&it, &entry));
	/* A 432-byte DER SEQUENCE: 30 82 01 ac. */
	KUNIT_EXPECT_EQ(test, entry.cert.len, 432);
	KUNIT_EXPECT_TRUE(test, !memcmp(entry.cert.data, "\x30\x82\x01\xac", 4));
	KUNIT_EXPECT_EQ(test, entry.extensions.len, 0);
	KUNIT_EXPECT_FALSE(test, tlsw_cert_entry_next(&it, &entry));

	ret = tlsw_parse_certificate_verify(BODY(rfc8448_certificate_verify),
					    BODY_LEN(rfc8448_certificate_verify),
					    &cv, &alert);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, cv.scheme, TLSW_SIG_RSA_PSS_RSAE_SHA256);
	KUNIT_EXPECT_EQ(test, cv.signature.len, 128);
	KUNIT_EXPECT_EQ(test, cv.signature.data[0], 0x5a);
	KUNIT_EXPECT_EQ(test, cv.signature.data[127], 0xf3);

	KUNIT_ASSERT_EQ(test, tlsw_parse_finished(BODY(rfc8448_server_finished),
						  BODY_LEN(rfc8448_server_finished),
						  SHA256_DIGEST_SIZE, &vd,
						  &alert), 0);
	KUNIT_EXPECT_PTR_EQ(test, vd.data, BODY(rfc8448_server_finished));
	KUNIT_EXPECT_EQ(test, vd.len, SHA256_DIGEST_SIZE);
	KUNIT_ASSERT_EQ(test, tlsw_parse_finished(BODY(rfc8448_client_finished),
						  BODY_LEN(rfc8448_client_finished),
						  SHA256_DIGEST_SIZE, &vd,
						  &alert), 0);
	KUNIT_EXPECT_EQ(test, vd.data[0], 0xa8);
	/* A SHA-384 suite's Finished is 48 bytes: this one is malformed. */
	KUNIT_EXPECT_EQ(test, tlsw_parse_finished(BODY(rfc8448_client_finished),
						  BODY_LEN(rfc8448_client_finished),
						  SHA384_DIGEST_SIZE, &vd,
						  &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
}

static void wire_test_rfc8448_new_session_ticket(struct kunit *test)
{
	struct tlsw_new_session_ticket *nst;
	enum tlsw_alert alert;
	int ret;

	nst = wire_test_alloc(test, sizeof(*nst));
	ret = tlsw_parse_new_session_ticket(BODY(rfc8448_new_session_ticket),
					    BODY_LEN(rfc8448_new_session_ticket),
					    nst, &alert);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, nst->lifetime, 30);
	KUNIT_EXPECT_EQ(test, nst->age_add, 0xfad6aac5);
	KUNIT_EXPECT_TRUE(test, slice_eq(&nst->nonce, "\0\0", 2));
	KUNIT_EXPECT_EQ(test, nst->ticket.len, 178);
	KUNIT_EXPECT_EQ(test, nst->ticket.data[0], 0x2c);
	KUNIT_EXPECT_EQ(test, nst->ext.present, BIT(TLSW_EXTB_EARLY_DATA));
	KUNIT_EXPECT_EQ(test, nst->ext.max_early_data, 1024);
}

/* Compare what @w holds with a message of the trace. */
static void wire_test_expect_msg(struct kunit *test, const struct tlsw_wr *w,
				 const u8 *msg, size_t len, const char *what)
{
	KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(w), 0, "%s", what);
	KUNIT_ASSERT_EQ_MSG(test, w->len, len, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(w->buf, msg, len), 0,
			    "%s differs from RFC 8448", what);
}

static void wire_test_rfc8448_build_hellos(struct kunit *test)
{
	static const u16 versions[] = { TLSW_VERSION_TLS13 };
	static const u8 psk_modes[] = { TLSW_PSK_DHE_KE };
	struct tlsw_key_share ks = { .group = TLSW_GROUP_X25519 };
	const u8 *ch_random = BODY(rfc8448_client_hello) + 2;
	const u8 *sh_random = BODY(rfc8448_server_hello) + 2;
	u8 *buf = wire_test_alloc(test, 512);
	struct tlsw_msg_wr m;
	struct tlsw_wr w;

	/* The client's extensions in the order the trace sends them. */
	tlsw_wr_init(&w, buf, 512);
	tlsw_build_client_hello_begin(&w, &m, ch_random, NULL, 0,
				      rfc8448_suites,
				      ARRAY_SIZE(rfc8448_suites));
	tlsw_build_ext_server_name(&w, "server", 6);
	tlsw_build_ext_u8_list(&w, TLSW_EXT_RENEGOTIATION_INFO, NULL, 0);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SUPPORTED_GROUPS, rfc8448_groups,
				ARRAY_SIZE(rfc8448_groups));
	tlsw_build_ext_empty(&w, TLSW_EXT_SESSION_TICKET);
	tlsw_slice_init(&ks.key, rfc8448_client_share, 32);
	tlsw_build_ext_key_share_ch(&w, &ks, 1);
	tlsw_build_ext_supported_versions(&w, versions, 1);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS,
				rfc8448_sig_algs,
				ARRAY_SIZE(rfc8448_sig_algs));
	tlsw_build_ext_u8_list(&w, TLSW_EXT_PSK_KEY_EXCHANGE_MODES, psk_modes,
			       1);
	tlsw_build_ext_raw(&w, TLSW_EXT_RECORD_SIZE_LIMIT,
			   rfc8448_record_size_limit, 2);
	tlsw_build_msg_end(&w, &m);
	wire_test_expect_msg(test, &w, rfc8448_client_hello,
			     sizeof(rfc8448_client_hello), "ClientHello");

	tlsw_wr_init(&w, buf, 512);
	tlsw_build_server_hello_begin(&w, &m, sh_random, NULL, 0,
				      TLSW_TLS_AES_128_GCM_SHA256);
	tlsw_slice_init(&ks.key, rfc8448_server_share, 32);
	tlsw_build_ext_key_share_sh(&w, &ks);
	tlsw_build_ext_selected_version(&w, TLSW_VERSION_TLS13);
	tlsw_build_msg_end(&w, &m);
	wire_test_expect_msg(test, &w, rfc8448_server_hello,
			     sizeof(rfc8448_server_hello), "ServerHello");
}

static void wire_test_rfc8448_build_server_flight(struct kunit *test)
{
	struct tlsw_certificate_verify cv;
	struct tlsw_certificate cert;
	struct tlsw_cert_entry entry;
	struct tlsw_slice it;
	enum tlsw_alert alert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *buf;
	int ret;

	buf = wire_test_alloc(test, 1024);
	tlsw_wr_init(&w, buf, 1024);
	tlsw_build_encrypted_extensions_begin(&w, &m);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SUPPORTED_GROUPS, rfc8448_groups,
				ARRAY_SIZE(rfc8448_groups));
	tlsw_build_ext_raw(&w, TLSW_EXT_RECORD_SIZE_LIMIT,
			   rfc8448_record_size_limit, 2);
	tlsw_build_ext_empty(&w, TLSW_EXT_SERVER_NAME);
	tlsw_build_msg_end(&w, &m);
	wire_test_expect_msg(test, &w, rfc8448_encrypted_extensions,
			     sizeof(rfc8448_encrypted_extensions),
			     "EncryptedExtensions");

	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate(BODY(rfc8448_certificate),
						     BODY_LEN(rfc8448_certificate),
						     &cert, &alert), 0);
	it = cert.entries;
	KUNIT_ASSERT_TRUE(test, tlsw_cert_entry_next(&it, &entry));
	tlsw_wr_init(&w, buf, 1024);
	tlsw_build_certificate_begin(&w, &m, NULL, 0);
	tlsw_build_cert_entry(&w, entry.cert.data, entry.cert.len);
	tlsw_build_msg_end(&w, &m);
	wire_test_expect_msg(test, &w, rfc8448_certificate,
			     sizeof(rfc8448_certificate), "Certificate");

	ret = tlsw_parse_certificate_verify(BODY(rfc8448_certificate_verify),
					    BODY_LEN(rfc8448_certificate_verify),
					    &cv, &alert);
	KUNIT_ASSERT_EQ(test, ret, 0);
	tlsw_wr_init(&w, buf, 1024);
	tlsw_build_certificate_verify(&w, cv.scheme, cv.signature.data,
				      cv.signature.len);
	wire_test_expect_msg(test, &w, rfc8448_certificate_verify,
			     sizeof(rfc8448_certificate_verify),
			     "CertificateVerify");

	tlsw_wr_init(&w, buf, 1024);
	tlsw_build_finished(&w, BODY(rfc8448_server_finished),
			    SHA256_DIGEST_SIZE);
	wire_test_expect_msg(test, &w, rfc8448_server_finished,
			     sizeof(rfc8448_server_finished), "Finished");
}

static void wire_test_rfc8448_build_new_session_ticket(struct kunit *test)
{
	static const u8 max_early_data[] = { 0, 0, 4, 0 };
	struct tlsw_new_session_ticket *nst;
	enum tlsw_alert alert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *buf;
	int ret;

	nst = wire_test_alloc(test, sizeof(*nst));
	ret = tlsw_parse_new_session_ticket(BODY(rfc8448_new_session_ticket),
					    BODY_LEN(rfc8448_new_session_ticket),
					    nst, &alert);
	KUNIT_ASSERT_EQ(test, ret, 0);
	buf = wire_test_alloc(test, 512);
	tlsw_wr_init(&w, buf, 512);
	tlsw_build_new_session_ticket_begin(&w, &m, nst->lifetime,
					    nst->age_add, nst->nonce.data,
					    nst->nonce.len, nst->ticket.data,
					    nst->ticket.len);
	tlsw_build_ext_raw(&w, TLSW_EXT_EARLY_DATA, max_early_data, 4);
	tlsw_build_msg_end(&w, &m);
	wire_test_expect_msg(test, &w, rfc8448_new_session_ticket,
			     sizeof(rfc8448_new_session_ticket),
			     "NewSessionTicket");
}

/* Every message of the trace cut short must be refused with decode_error.
 * The hellos are the exception where the cut falls right after the
 * compression methods: without extensions they are TLS 1.2 messages.
 */
static void wire_test_rfc8448_truncated(struct kunit *test)
{
	const u8 *ee_body = BODY(rfc8448_encrypted_extensions);
	const u8 *cert_body = BODY(rfc8448_certificate);
	const u8 *cv_body = BODY(rfc8448_certificate_verify);
	const u8 *fin_body = BODY(rfc8448_server_finished);
	const u8 *nst_body = BODY(rfc8448_new_session_ticket);
	struct tlsw_new_session_ticket *nst;
	struct tlsw_certificate_verify cv;
	struct tlsw_certificate cert;
	struct tlsw_client_hello *ch;
	struct tlsw_server_hello *sh;
	enum tlsw_alert alert;
	struct tlsw_exts *ee;
	struct tlsw_slice vd;
	size_t len;
	int ret;

	ch = wire_test_alloc(test, sizeof(*ch));
	sh = wire_test_alloc(test, sizeof(*sh));
	ee = wire_test_alloc(test, sizeof(*ee));
	nst = wire_test_alloc(test, sizeof(*nst));

	for (len = 0; len < BODY_LEN(rfc8448_client_hello); len++) {
		ret = tlsw_parse_client_hello(BODY(rfc8448_client_hello), len,
					      ch, &alert);
		if (len == 45) {
			KUNIT_EXPECT_EQ(test, ret, 0);
			KUNIT_EXPECT_EQ(test, ch->ext.present, 0);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "ClientHello %zu", len);
		KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	}
	for (len = 0; len < BODY_LEN(rfc8448_server_hello); len++) {
		ret = tlsw_parse_server_hello(BODY(rfc8448_server_hello), len,
					      sh, &alert);
		if (len == 38) {
			KUNIT_EXPECT_EQ(test, ret, 0);
			KUNIT_EXPECT_EQ(test, sh->version, TLSW_VERSION_TLS12);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "ServerHello %zu", len);
	}
	for (len = 0; len < BODY_LEN(rfc8448_encrypted_extensions); len++) {
		ret = tlsw_parse_encrypted_extensions(ee_body, len, ee, &alert);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG,
				    "EncryptedExtensions %zu", len);
	}
	for (len = 0; len < BODY_LEN(rfc8448_certificate); len++) {
		ret = tlsw_parse_certificate(cert_body, len, &cert, &alert);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "Certificate %zu",
				    len);
	}
	for (len = 0; len < BODY_LEN(rfc8448_certificate_verify); len++) {
		ret = tlsw_parse_certificate_verify(cv_body, len, &cv, &alert);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG,
				    "CertificateVerify %zu", len);
	}
	for (len = 0; len < BODY_LEN(rfc8448_server_finished); len++) {
		ret = tlsw_parse_finished(fin_body, len, SHA256_DIGEST_SIZE,
					  &vd, &alert);
		KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	}
	for (len = 0; len < BODY_LEN(rfc8448_new_session_ticket); len++) {
		ret = tlsw_parse_new_session_ticket(nst_body, len, nst, &alert);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG,
				    "NewSessionTicket %zu", len);
	}
}

/* Lengths that claim more than there is, or too much for their field. */
static void wire_test_rfc8448_overlong(struct kunit *test)
{
	size_t len = BODY_LEN(rfc8448_client_hello);
	struct tlsw_client_hello *ch;
	enum tlsw_alert alert;
	u8 *body;

	ch = wire_test_alloc(test, sizeof(*ch));
	body = wire_test_alloc(test, len + 1);

	/* The session ID may be 32 bytes at most. */
	memcpy(body, BODY(rfc8448_client_hello), len);
	body[34] = 33;
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len, ch, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	/* An odd cipher_suites length. */
	memcpy(body, BODY(rfc8448_client_hello), len);
	body[36] = 5;
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len, ch, &alert),
			-EBADMSG);
	/* The extension block one byte longer than the message. */
	memcpy(body, BODY(rfc8448_client_hello), len);
	body[46]++;
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len, ch, &alert),
			-EBADMSG);
	/* The first extension (server_name) longer than the block. */
	memcpy(body, BODY(rfc8448_client_hello), len);
	body[50] = 0x92;
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len, ch, &alert),
			-EBADMSG);
	/* A byte after the extension block. */
	memcpy(body, BODY(rfc8448_client_hello), len);
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len + 1, ch,
						      &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
}

static struct kunit_case wire_rfc8448_test_cases[] = {
	KUNIT_CASE(wire_test_rfc8448_transcript),
	KUNIT_CASE(wire_test_rfc8448_client_hello),
	KUNIT_CASE(wire_test_rfc8448_server_hello),
	KUNIT_CASE(wire_test_rfc8448_server_flight),
	KUNIT_CASE(wire_test_rfc8448_new_session_ticket),
	KUNIT_CASE(wire_test_rfc8448_build_hellos),
	KUNIT_CASE(wire_test_rfc8448_build_server_flight),
	KUNIT_CASE(wire_test_rfc8448_build_new_session_ticket),
	KUNIT_CASE(wire_test_rfc8448_truncated),
	KUNIT_CASE(wire_test_rfc8448_overlong),
	{}
};

static struct kunit_suite wire_rfc8448_test_suite = {
	.name = "tlshake_wire_rfc8448",
	.test_cases = wire_rfc8448_test_cases,
};

/* Extensions and the checks of each message */

static void wire_test_expect_exts(struct kunit *test, const u8 *blk,
				  size_t len, enum tlsw_ext_ctx ctx, int ret,
				  enum tlsw_alert want, const char *what)
{
	struct tlsw_exts *e = wire_test_alloc(test, sizeof(*e));
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;

	KUNIT_EXPECT_EQ_MSG(test, tlsw_parse_extensions(blk, len, ctx, e,
							&alert),
			    ret, "%s in context %d", what, ctx);
	if (ret)
		KUNIT_EXPECT_EQ_MSG(test, alert, want, "%s in context %d",
				    what, ctx);
}

#define EXPECT_EXTS(test, blk, ctx, ret, want) \
	wire_test_expect_exts(test, blk, sizeof(blk), ctx, ret, want, #blk)

static void wire_test_ext_duplicates(struct kunit *test)
{
	static const u8 dup_known[] = {
		0x00, 0x17, 0x00, 0x00,		/* extended_master_secret */
		0x00, 0x23, 0x00, 0x00,		/* session_ticket */
		0x00, 0x17, 0x00, 0x00,		/* extended_master_secret */
	};
	static const u8 dup_unknown[] = {
		0x12, 0x34, 0x00, 0x01, 0xaa,
		0x12, 0x34, 0x00, 0x00,
	};
	static const u8 distinct[] = {
		0x12, 0x34, 0x00, 0x00,
		0x12, 0x35, 0x00, 0x00,
	};
	u8 *many;
	int i;

	EXPECT_EXTS(test, dup_known, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, dup_unknown, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, distinct, TLSW_CTX_CH, 0, 0);

	/* As many distinct extensions as allowed, then one more. */
	many = wire_test_alloc(test, 4 * (TLSW_MAX_EXTENSIONS + 1));
	for (i = 0; i <= TLSW_MAX_EXTENSIONS; i++)
		put_unaligned_be16(0x8000 + i, many + 4 * i);
	wire_test_expect_exts(test, many, 4 * TLSW_MAX_EXTENSIONS, TLSW_CTX_CH,
			      0, 0, "most extensions");
	wire_test_expect_exts(test, many, 4 * (TLSW_MAX_EXTENSIONS + 1),
			      TLSW_CTX_CH, -EBADMSG, TLSW_ALERT_DECODE_ERROR,
			      "too many extensions");
}

static void wire_test_ext_contexts(struct kunit *test)
{
	static const u8 unknown[] = { 0x12, 0x34, 0x00, 0x00 };
	/* key_share and signature_algorithms have no place in EE. */
	static const u8 key_share_ee[] = {
		0x00, 0x33, 0x00, 0x06, 0x00, 0x1d, 0x00, 0x02, 0xaa, 0xbb,
	};
	static const u8 sig_algs_ee[] = {
		0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x08, 0x04,
	};
	/* pre_shared_key followed by another extension. */
	static const u8 psk_not_last[] = {
		0x00, 0x29, 0x00, 0x2f,
		0x00, 0x0a, 0x00, 0x04, 'i', 'd', 'i', 'd', 0, 0, 0, 0,
		0x00, 0x21, 0x20,
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
		0x00, 0x17, 0x00, 0x00,
	};
	enum tlsw_alert alert;
	struct tlsw_exts *e;

	/* Unknown: skipped where the RFC allows it, refused elsewhere. */
	EXPECT_EXTS(test, unknown, TLSW_CTX_CH, 0, 0);
	EXPECT_EXTS(test, unknown, TLSW_CTX_CR, 0, 0);
	EXPECT_EXTS(test, unknown, TLSW_CTX_NST, 0, 0);
	EXPECT_EXTS(test, unknown, TLSW_CTX_SH, -EINVAL,
		    TLSW_ALERT_UNSUPPORTED_EXTENSION);
	EXPECT_EXTS(test, unknown, TLSW_CTX_HRR, -EINVAL,
		    TLSW_ALERT_UNSUPPORTED_EXTENSION);
	EXPECT_EXTS(test, unknown, TLSW_CTX_EE, -EINVAL,
		    TLSW_ALERT_UNSUPPORTED_EXTENSION);
	EXPECT_EXTS(test, unknown, TLSW_CTX_CT, -EINVAL,
		    TLSW_ALERT_UNSUPPORTED_EXTENSION);
	EXPECT_EXTS(test, unknown, TLSW_CTX_SH12, -EINVAL,
		    TLSW_ALERT_UNSUPPORTED_EXTENSION);

	EXPECT_EXTS(test, key_share_ee, TLSW_CTX_EE, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, key_share_ee, TLSW_CTX_SH, 0, 0);
	EXPECT_EXTS(test, sig_algs_ee, TLSW_CTX_EE, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, sig_algs_ee, TLSW_CTX_CR, 0, 0);

	EXPECT_EXTS(test, psk_not_last, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	e = wire_test_alloc(test, sizeof(*e));
	KUNIT_ASSERT_EQ(test, tlsw_parse_extensions(psk_not_last,
						    sizeof(psk_not_last) - 4,
						    TLSW_CTX_CH, e, &alert), 0);
	{
		struct tlsw_slice it = e->psk_identities, id, binder;
		u32 age;

		KUNIT_ASSERT_TRUE(test, tlsw_psk_identity_next(&it, &id, &age));
		KUNIT_EXPECT_TRUE(test, slice_eq(&id, "idid", 4));
		KUNIT_EXPECT_EQ(test, age, 0);
		KUNIT_EXPECT_FALSE(test, tlsw_psk_identity_next(&it, &id, &age));
		it = e->psk_binders;
		KUNIT_ASSERT_TRUE(test, tlsw_psk_binder_next(&it, &binder));
		KUNIT_EXPECT_EQ(test, binder.len, 32);
		KUNIT_EXPECT_FALSE(test, tlsw_psk_binder_next(&it, &binder));
		/* The binders' 2-byte length ends the partial ClientHello. */
		KUNIT_EXPECT_PTR_EQ(test, e->psk_binders.data - 2,
				    psk_not_last + 16);
	}
}

static void wire_test_ext_alpn(struct kunit *test)
{
	static const u8 client[] = {
		0x00, 0x10, 0x00, 0x0e, 0x00, 0x0c,
		0x02, 'h', '2', 0x08, 'h', 't', 't', 'p', '/', '1', '.', '1',
	};
	static const u8 empty_name[] = {
		0x00, 0x10, 0x00, 0x06, 0x00, 0x04, 0x02, 'h', '2', 0x00,
	};
	static const u8 empty_list[] = { 0x00, 0x10, 0x00, 0x02, 0x00, 0x00 };
	static const u8 server[] = {
		0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 'h', '2',
	};
	static const struct tlsw_slice names[] = {
		{ .data = "h2", .len = 2 }, { .data = "", .len = 0 },
	};
	struct tlsw_slice it, name;
	enum tlsw_alert alert;
	struct tlsw_exts *e;
	struct tlsw_wr w;
	u8 buf[32];

	e = wire_test_alloc(test, sizeof(*e));
	KUNIT_ASSERT_EQ(test, tlsw_parse_extensions(client, sizeof(client),
						    TLSW_CTX_CH, e, &alert), 0);
	it = e->alpn;
	KUNIT_ASSERT_TRUE(test, tlsw_alpn_next(&it, &name));
	KUNIT_EXPECT_TRUE(test, slice_eq(&name, "h2", 2));
	KUNIT_ASSERT_TRUE(test, tlsw_alpn_next(&it, &name));
	KUNIT_EXPECT_TRUE(test, slice_eq(&name, "http/1.1", 8));
	KUNIT_EXPECT_FALSE(test, tlsw_alpn_next(&it, &name));

	/* Empty names and lists: decode_error (RFC 7301 section 3.1). */
	EXPECT_EXTS(test, empty_name, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, empty_list, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, empty_name, TLSW_CTX_EE, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	/* A server selects exactly one name. */
	EXPECT_EXTS(test, client, TLSW_CTX_EE, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	KUNIT_ASSERT_EQ(test, tlsw_parse_extensions(server, sizeof(server),
						    TLSW_CTX_EE, e, &alert), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&e->alpn, "h2", 2));

	/* The builder writes no empty name either. */
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_ext_alpn(&w, names, 1);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, server, sizeof(server)), 0);
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_ext_alpn(&w, names, 2);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

static void wire_test_ext_server_name(struct kunit *test)
{
	static const u8 trailing_dot[] = {
		0x00, 0x00, 0x00, 0x07, 0x00, 0x05, 0x00, 0x00, 0x02, 'a', '.',
	};
	static const u8 nul[] = {
		0x00, 0x00, 0x00, 0x07, 0x00, 0x05, 0x00, 0x00, 0x02, 'a', 0,
	};
	static const u8 two_hosts[] = {
		0x00, 0x00, 0x00, 0x0a, 0x00, 0x08,
		0x00, 0x00, 0x01, 'a', 0x00, 0x00, 0x01, 'b',
	};
	/* An unknown name type first, then the host name. */
	static const u8 other_type[] = {
		0x00, 0x00, 0x00, 0x0b, 0x00, 0x09,
		0x07, 0x00, 0x02, 'x', 'y', 0x00, 0x00, 0x01, 'a',
	};
	static const u8 empty_ee[] = { 0x00, 0x00, 0x00, 0x00 };
	static const u8 nonempty_ee[] = { 0x00, 0x00, 0x00, 0x01, 0x00 };
	enum tlsw_alert alert;
	struct tlsw_exts *e;
	struct tlsw_wr w;
	u8 buf[32];

	EXPECT_EXTS(test, trailing_dot, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, nul, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, two_hosts, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, empty_ee, TLSW_CTX_EE, 0, 0);
	EXPECT_EXTS(test, nonempty_ee, TLSW_CTX_EE, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	e = wire_test_alloc(test, sizeof(*e));
	KUNIT_ASSERT_EQ(test, tlsw_parse_extensions(other_type,
						    sizeof(other_type),
						    TLSW_CTX_CH, e, &alert), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&e->server_name, "a", 1));

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_ext_server_name(&w, "a.", 2);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_ext_server_name(&w, "", 0);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

static void wire_test_ext_values(struct kunit *test)
{
	static const u8 versions_odd[] = {
		0x00, 0x2b, 0x00, 0x04, 0x03, 0x03, 0x04, 0x03,
	};
	static const u8 groups_empty[] = { 0x00, 0x0a, 0x00, 0x02, 0x00, 0x00 };
	static const u8 sig_algs_odd[] = {
		0x00, 0x0d, 0x00, 0x05, 0x00, 0x03, 0x08, 0x04, 0x08,
	};
	static const u8 no_uncompressed[] = {
		0x00, 0x0b, 0x00, 0x02, 0x01, 0x01,
	};
	static const u8 small_record_limit[] = {
		0x00, 0x1c, 0x00, 0x02, 0x00, 0x3f,
	};
	static const u8 ems_not_empty[] = { 0x00, 0x17, 0x00, 0x01, 0x00 };
	static const u8 empty_key[] = {
		0x00, 0x33, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x00,
	};
	static const u8 share_overlong[] = {
		0x00, 0x33, 0x00, 0x07, 0x00, 0x05, 0x00, 0x1d, 0x00, 0x02, 0xaa,
	};
	static const u8 two_x25519[] = {
		0x00, 0x33, 0x00, 0x0c, 0x00, 0x0a,
		0x00, 0x1d, 0x00, 0x01, 0xaa,
		0x00, 0x1d, 0x00, 0x01, 0xbb,
	};
	static const u8 empty_cookie[] = { 0x00, 0x2c, 0x00, 0x02, 0x00, 0x00 };
	struct tlsw_key_share ks;
	enum tlsw_alert alert;
	struct tlsw_exts *e;

	EXPECT_EXTS(test, versions_odd, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, groups_empty, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, sig_algs_odd, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, no_uncompressed, TLSW_CTX_CH, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, small_record_limit, TLSW_CTX_EE, -EINVAL,
		    TLSW_ALERT_ILLEGAL_PARAMETER);
	EXPECT_EXTS(test, ems_not_empty, TLSW_CTX_SH12, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, empty_key, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, share_overlong, TLSW_CTX_CH, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);
	EXPECT_EXTS(test, empty_cookie, TLSW_CTX_HRR, -EBADMSG,
		    TLSW_ALERT_DECODE_ERROR);

	/* Two shares for one group: refused where the server looks. */
	e = wire_test_alloc(test, sizeof(*e));
	KUNIT_ASSERT_EQ(test, tlsw_parse_extensions(two_x25519,
						    sizeof(two_x25519),
						    TLSW_CTX_CH, e, &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_key_share_find(&e->key_shares,
						  TLSW_GROUP_X25519, &ks,
						  &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
}

/* A ServerHello body built with @random and the extensions in @ext. */
static int wire_test_sh(struct kunit *test, const u8 *random, u16 version,
			const u8 *ext, size_t ext_len,
			struct tlsw_server_hello *sh, enum tlsw_alert *alert)
{
	u8 *buf = wire_test_alloc(test, 256);
	struct tlsw_msg_wr m;
	struct tlsw_wr w;

	tlsw_wr_init(&w, buf, 256);
	tlsw_build_server_hello_begin(&w, &m, random, NULL, 0,
				      TLSW_TLS_AES_128_GCM_SHA256);
	tlsw_wr_bytes(&w, ext, ext_len);
	tlsw_build_msg_end(&w, &m);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	put_unaligned_be16(version, buf + 4);
	return tlsw_parse_server_hello(buf + 4, w.len - 4, sh, alert);
}

static void wire_test_hello_retry_request(struct kunit *test)
{
	static const u8 cookie[] = { 'c', 'o', 'o', 'k', 'i', 'e' };
	static const u8 sv12[] = { 0x00, 0x2b, 0x00, 0x02, 0x03, 0x03 };
	struct tlsw_server_hello *sh = wire_test_alloc(test, sizeof(*sh));
	u8 *buf = wire_test_alloc(test, 256);
	enum tlsw_alert alert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *hrr_random;

	tlsw_wr_init(&w, buf, 256);
	tlsw_build_hello_retry_request_begin(&w, &m, NULL, 0,
					     TLSW_TLS_AES_128_GCM_SHA256);
	tlsw_build_ext_selected_version(&w, TLSW_VERSION_TLS13);
	tlsw_build_ext_key_share_hrr(&w, TLSW_GROUP_SECP256R1);
	tlsw_build_ext_cookie(&w, cookie, sizeof(cookie));
	tlsw_build_msg_end(&w, &m);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, buf[0], TLSW_HS_SERVER_HELLO);

	KUNIT_ASSERT_EQ(test, tlsw_parse_server_hello(buf + 4, w.len - 4, sh,
						      &alert), 0);
	KUNIT_EXPECT_TRUE(test, sh->hrr);
	KUNIT_EXPECT_EQ(test, sh->version, TLSW_VERSION_TLS13);
	KUNIT_EXPECT_EQ(test, sh->ext.hrr_group, TLSW_GROUP_SECP256R1);
	KUNIT_EXPECT_TRUE(test, slice_eq(&sh->ext.cookie, cookie,
					 sizeof(cookie)));
	KUNIT_EXPECT_EQ(test, sh->ext.present,
			BIT(TLSW_EXTB_SUPPORTED_VERSIONS) |
			BIT(TLSW_EXTB_KEY_SHARE) | BIT(TLSW_EXTB_COOKIE));
	hrr_random = buf + 6;

	/* A HelloRetryRequest must name TLS 1.3 in supported_versions. */
	KUNIT_EXPECT_EQ(test, wire_test_sh(test, hrr_random, 0x0303, NULL, 0,
					   sh, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_MISSING_EXTENSION);
	KUNIT_EXPECT_EQ(test, wire_test_sh(test, hrr_random, 0x0303, sv12,
					   sizeof(sv12), sh, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	/* The ServerHello form of key_share is malformed in it. */
	{
		static const u8 sh_share[] = {
			0x00, 0x2b, 0x00, 0x02, 0x03, 0x04,
			0x00, 0x33, 0x00, 0x05, 0x00, 0x1d, 0x00, 0x01, 0xaa,
		};

		KUNIT_EXPECT_EQ(test, wire_test_sh(test, hrr_random, 0x0303,
						   sh_share, sizeof(sh_share),
						   sh, &alert), -EBADMSG);
		KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	}
}

static void wire_test_server_hello_versions(struct kunit *test)
{
	/* TLS 1.2: renegotiation_info and extended_master_secret. */
	static const u8 tls12[] = {
		0xff, 0x01, 0x00, 0x01, 0x00,
		0x00, 0x17, 0x00, 0x00,
	};
	static const u8 sv13[] = { 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04 };
	static const u8 sv12[] = { 0x00, 0x2b, 0x00, 0x02, 0x03, 0x03 };
	struct tlsw_server_hello *sh = wire_test_alloc(test, sizeof(*sh));
	u8 random[TLSW_RANDOM_LEN] = { 1 };
	enum tlsw_alert alert;

	KUNIT_ASSERT_EQ(test, wire_test_sh(test, random, 0x0303, tls12,
					   sizeof(tls12), sh, &alert), 0);
	KUNIT_EXPECT_FALSE(test, sh->hrr);
	KUNIT_EXPECT_EQ(test, sh->version, TLSW_VERSION_TLS12);
	KUNIT_EXPECT_EQ(test, sh->ext.present,
			BIT(TLSW_EXTB_RENEGOTIATION_INFO) |
			BIT(TLSW_EXTB_EXTENDED_MASTER_SECRET));
	/* The same extensions are out of place in TLS 1.3. */
	{
		static const u8 mixed[] = {
			0x00, 0x2b, 0x00, 0x02, 0x03, 0x04,
			0x00, 0x17, 0x00, 0x00,
		};

		KUNIT_EXPECT_EQ(test, wire_test_sh(test, random, 0x0303, mixed,
						   sizeof(mixed), sh, &alert),
				-EINVAL);
		KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	}
	/* TLS 1.3 needs legacy_version 0x0303 and names itself. */
	KUNIT_EXPECT_EQ(test, wire_test_sh(test, random, 0x0303, sv13,
					   sizeof(sv13), sh, &alert), 0);
	KUNIT_EXPECT_EQ(test, sh->version, TLSW_VERSION_TLS13);
	KUNIT_EXPECT_EQ(test, wire_test_sh(test, random, 0x0304, sv13,
					   sizeof(sv13), sh, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	KUNIT_EXPECT_EQ(test, wire_test_sh(test, random, 0x0303, sv12,
					   sizeof(sv12), sh, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);

	/* RFC 8446 section 4.1.3: the downgrade markers. */
	memcpy(random + 24, "DOWNGRD\x01", 8);
	KUNIT_EXPECT_TRUE(test, tlsw_random_has_downgrade_marker(random));
	random[31] = 0;
	KUNIT_EXPECT_TRUE(test, tlsw_random_has_downgrade_marker(random));
	random[31] = 2;
	KUNIT_EXPECT_FALSE(test, tlsw_random_has_downgrade_marker(random));
	/* What a server of TLS 1.3 writes when it negotiates TLS 1.2. */
	memset(random, 0x5a, TLSW_RANDOM_LEN);
	tlsw_random_set_downgrade_marker(random);
	KUNIT_EXPECT_EQ(test, memcmp(random + 24, "DOWNGRD\x01", 8), 0);
	KUNIT_EXPECT_EQ(test, random[23], 0x5a);
	KUNIT_EXPECT_TRUE(test, tlsw_random_has_downgrade_marker(random));
}

static void wire_test_client_hello_checks(struct kunit *test)
{
	struct tlsw_client_hello *ch = wire_test_alloc(test, sizeof(*ch));
	size_t len = BODY_LEN(rfc8448_client_hello);
	enum tlsw_alert alert;
	u8 *body;

	/* Offering TLS 1.3 with a compression method besides null. */
	body = wire_test_alloc(test, len + 1);
	memcpy(body, BODY(rfc8448_client_hello), 43);
	body[43] = 2;
	body[44] = 1;
	body[45] = 0;
	memcpy(body + 46, BODY(rfc8448_client_hello) + 45, len - 45);
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, len + 1, ch,
						      &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	/* A TLS 1.2 ClientHello may do so, and may have no extensions. */
	KUNIT_EXPECT_EQ(test, tlsw_parse_client_hello(body, 46, ch, &alert), 0);
	KUNIT_EXPECT_EQ(test, ch->compression_methods.len, 2);
}

static void wire_test_params_checks(struct kunit *test)
{
	/* A CertificateRequest without signature_algorithms. */
	static const u8 cr_no_sig_algs[] = {
		0x00, 0x00, 0x04, 0x12, 0x34, 0x00, 0x00,
	};
	static const u8 cr[] = {
		0x01, 0xcc, 0x00, 0x08, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02,
		0x08, 0x04,
	};
	/* A Certificate whose one entry has an extension. */
	static const u8 cert_ext[] = {
		0x00, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x01, 0x30, 0x00, 0x05,
		0x00, 0x05, 0x00, 0x01, 0x00,
	};
	static const u8 cert_empty_entry[] = {
		0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00,
	};
	static const u8 cert_none[] = { 0x00, 0x00, 0x00, 0x00 };
	static const u8 key_update[] = { 0x00, 0x01, 0x02 };
	struct tlsw_certificate_request *req;
	struct tlsw_certificate cert;
	enum tlsw_alert alert;
	u8 buf[8];
	struct tlsw_wr w;
	bool update;

	req = wire_test_alloc(test, sizeof(*req));
	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate_request(cr_no_sig_algs,
							     sizeof(cr_no_sig_algs),
							     req, &alert),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_MISSING_EXTENSION);
	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate_request(cr, sizeof(cr),
							     req, &alert), 0);
	KUNIT_EXPECT_TRUE(test, slice_eq(&req->context, "\xcc", 1));
	KUNIT_EXPECT_TRUE(test, tlsw_u16_list_has(&req->ext.sig_algs,
						  TLSW_SIG_RSA_PSS_RSAE_SHA256));

	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate(cert_ext, sizeof(cert_ext),
						     &cert, &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_UNSUPPORTED_EXTENSION);
	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate(cert_empty_entry,
						     sizeof(cert_empty_entry),
						     &cert, &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate(cert_none,
						     sizeof(cert_none),
						     &cert, &alert), 0);
	KUNIT_EXPECT_EQ(test, cert.count, 0);

	KUNIT_EXPECT_EQ(test, tlsw_parse_key_update(key_update, 1, &update,
						    &alert), 0);
	KUNIT_EXPECT_FALSE(test, update);
	KUNIT_EXPECT_EQ(test, tlsw_parse_key_update(key_update + 1, 1, &update,
						    &alert), 0);
	KUNIT_EXPECT_TRUE(test, update);
	KUNIT_EXPECT_EQ(test, tlsw_parse_key_update(key_update + 2, 1, &update,
						    &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	KUNIT_EXPECT_EQ(test, tlsw_parse_key_update(key_update, 2, &update,
						    &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_key_update(&w, true);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "\x18\x00\x00\x01\x01", 5), 0);
}

static void wire_test_certificate_authorities(struct kunit *test)
{
	static const u8 name_a[] = { 0x30, 0x03, 0x31, 0x01, 0x00 };
	static const u8 name_b[] = { 0x30, 0x00 };
	static const u16 sig_alg = TLSW_SIG_ECDSA_SECP256R1_SHA256;
	/* An authorities list that is empty, one whose name overruns it and
	 * one holding an empty name, each after signature_algorithms.
	 */
	static const u8 cr_empty[] = {
		0x00, 0x00, 0x0e, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04,
		0x03, 0x00, 0x2f, 0x00, 0x02, 0x00, 0x00,
	};
	static const u8 cr_overrun[] = {
		0x00, 0x00, 0x13, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04,
		0x03, 0x00, 0x2f, 0x00, 0x07, 0x00, 0x05, 0x00, 0x04, 0x30,
		0x00, 0x30,
	};
	static const u8 cr_empty_name[] = {
		0x00, 0x00, 0x12, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04,
		0x03, 0x00, 0x2f, 0x00, 0x06, 0x00, 0x04, 0x00, 0x00, 0x00,
		0x00,
	};
	struct tlsw_slice names[2], it, name;
	struct tlsw_certificate_request *req;
	enum tlsw_alert alert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *buf;

	req = wire_test_alloc(test, sizeof(*req));
	buf = wire_test_alloc(test, 0x10000 + 64);
	tlsw_slice_init(&names[0], name_a, sizeof(name_a));
	tlsw_slice_init(&names[1], name_b, sizeof(name_b));

	tlsw_wr_init(&w, buf, 128);
	tlsw_build_certificate_request_begin(&w, &m, NULL, 0);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS, &sig_alg, 1);
	KUNIT_EXPECT_TRUE(test, tlsw_build_ext_certificate_authorities(&w, &m,
								       names,
								       2, 0));
	tlsw_build_msg_end(&w, &m);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test, w.len, 4 + 3 + 8 + 6 + 4 + 5 + 2);

	KUNIT_EXPECT_EQ(test, buf[0], TLSW_HS_CERTIFICATE_REQUEST);
	KUNIT_EXPECT_EQ(test, get_unaligned_be24(buf + 1), w.len - 4);
	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate_request(buf + 4, w.len - 4,
							     req, &alert), 0);
	KUNIT_EXPECT_TRUE(test, tlsw_exts_has(&req->ext,
					      TLSW_EXTB_CERTIFICATE_AUTHORITIES));
	KUNIT_EXPECT_EQ(test, req->ext.n_unknown, 0);
	it = req->ext.ca_names;
	KUNIT_ASSERT_TRUE(test, tlsw_ca_name_next(&it, &name));
	KUNIT_EXPECT_TRUE(test, slice_eq(&name, name_a, sizeof(name_a)));
	KUNIT_ASSERT_TRUE(test, tlsw_ca_name_next(&it, &name));
	KUNIT_EXPECT_TRUE(test, slice_eq(&name, name_b, sizeof(name_b)));
	KUNIT_EXPECT_FALSE(test, tlsw_ca_name_next(&it, &name));

	/* Left out, not failed: no names, no room left for @reserve, or a
	 * list longer than 2^16-1 bytes.
	 */
	tlsw_wr_init(&w, buf, 128);
	tlsw_build_certificate_request_begin(&w, &m, NULL, 0);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS, &sig_alg, 1);
	KUNIT_EXPECT_FALSE(test, tlsw_build_ext_certificate_authorities(&w, &m,
									names,
									0, 0));
	KUNIT_EXPECT_FALSE(test, tlsw_build_ext_certificate_authorities(&w, &m,
									names,
									2,
									100));
	tlsw_slice_init(&names[1], buf, 0xffff);
	KUNIT_EXPECT_FALSE(test, tlsw_build_ext_certificate_authorities(&w, &m,
									names,
									2, 0));
	tlsw_build_msg_end(&w, &m);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, w.len, 4 + 3 + 8);

	/* A name the encoding cannot carry is the caller's error. */
	tlsw_slice_init(&names[1], name_b, 0);
	KUNIT_EXPECT_FALSE(test, tlsw_build_ext_certificate_authorities(&w, &m,
									names,
									2, 0));
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);

	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate_request(cr_empty,
							     sizeof(cr_empty),
							     req, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate_request(cr_overrun,
							     sizeof(cr_overrun),
							     req, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_certificate_request(cr_empty_name,
						       sizeof(cr_empty_name),
						       req, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
}

/* The TLS 1.2 messages: what each parser takes, and what it refuses. */
/* A TLS 1.2 NewSessionTicket: lifetime hint, ticket<0..2^16-1>. */
static void wire_test_new_session_ticket12(struct kunit *test)
{
	static const u8 nst[] = { 0, 0, 0x1c, 0x20, 0x00, 0x03, 1, 2, 3 };
	static const u8 none[] = { 0, 0, 0, 0, 0x00, 0x00 };
	static const u8 long_vec[] = { 0, 0, 0, 0, 0x00, 0x04, 1, 2, 3 };
	static const u8 trailing[] = { 0, 0, 0, 0, 0x00, 0x01, 1, 2 };
	struct tlsw_slice ticket;
	enum tlsw_alert alert;

	KUNIT_ASSERT_EQ(test, tlsw_parse_new_session_ticket12(nst, sizeof(nst),
							      &ticket, &alert),
			0);
	KUNIT_EXPECT_EQ(test, ticket.len, 3);
	KUNIT_EXPECT_PTR_EQ(test, ticket.data, nst + 6);
	KUNIT_ASSERT_EQ(test, tlsw_parse_new_session_ticket12(none,
							      sizeof(none),
							      &ticket, &alert),
			0);
	KUNIT_EXPECT_EQ(test, ticket.len, 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_new_session_ticket12(long_vec,
							      sizeof(long_vec),
							      &ticket, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);
	KUNIT_EXPECT_EQ(test, tlsw_parse_new_session_ticket12(trailing,
							      sizeof(trailing),
							      &ticket, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, tlsw_parse_new_session_ticket12(nst, 3, &ticket,
							      &alert),
			-EBADMSG);
}

/* A kept session survives its serialisation; anything else is refused. */
static void wire_test_session(struct kunit *test)
{
	static const u8 sid[32] = { [0] = 0x5a, [31] = 0xa5 };
	static const u8 ticket[] = { 't', 'i', 'c', 'k', 'e', 't' };
	u8 master[TLSW_MASTER_SECRET_LEN], buf[128], bad[128];
	struct tlsw_session in = {
		.cipher_suite = TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256,
		.master_secret = master,
	}, out;
	struct tlsw_wr w;
	size_t len, i;

	for (i = 0; i < sizeof(master); i++)
		master[i] = i;
	tlsw_slice_init(&in.session_id, sid, sizeof(sid));
	tlsw_slice_init(&in.ticket, ticket, sizeof(ticket));
	len = tlsw_session_len(&in);
	KUNIT_ASSERT_LE(test, len, sizeof(buf));
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_session(&w, &in);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test, w.len, len);
	KUNIT_EXPECT_EQ(test, buf[0], 1);

	KUNIT_ASSERT_EQ(test, tlsw_parse_session(buf, len, &out), 0);
	KUNIT_EXPECT_EQ(test, out.cipher_suite, in.cipher_suite);
	KUNIT_EXPECT_EQ(test, out.session_id.len, sizeof(sid));
	KUNIT_EXPECT_EQ(test, memcmp(out.session_id.data, sid, sizeof(sid)),
			0);
	KUNIT_EXPECT_EQ(test, memcmp(out.master_secret, master,
				     sizeof(master)), 0);
	KUNIT_EXPECT_EQ(test, out.ticket.len, sizeof(ticket));
	KUNIT_EXPECT_EQ(test, memcmp(out.ticket.data, ticket,
				     sizeof(ticket)), 0);

	for (i = 0; i < len; i++)
		KUNIT_EXPECT_EQ_MSG(test, tlsw_parse_session(buf, i, &out),
				    -EINVAL, "cut to %zu bytes", i);
	memcpy(bad, buf, len);
	bad[len] = 0;
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(bad, len + 1, &out), -EINVAL);
	bad[0] = 2;
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(bad, len, &out), -EINVAL);
	memcpy(bad, buf, len);
	bad[2] = 0x04;		/* TLS 1.3 */
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(bad, len, &out), -EINVAL);
	memcpy(bad, buf, len);
	bad[5] = 33;		/* a session ID longer than any */
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(bad, len, &out), -EINVAL);

	/* A ticket alone does; neither a ticket nor an ID does not. */
	in.session_id.len = 0;
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_session(&w, &in);
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(buf, w.len, &out), 0);
	in.ticket.len = 0;
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_session(&w, &in);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_session(buf, w.len, &out), -EINVAL);

	in.session_id.len = 33;
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_session(&w, &in);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

static void wire_test_tls12_messages(struct kunit *test)
{
	static const u8 cert[] = {
		0x00, 0x00, 0x0b, 0x00, 0x00, 0x02, 0x30, 0x00,
		0x00, 0x00, 0x03, 0x30, 0x01, 0x00,
	};
	static const u8 cert_empty_entry[] = { 0x00, 0x00, 0x03, 0, 0, 0 };
	static const u8 ske[] = {
		0x03, 0x00, 0x17, 0x03, 0x04, 0xaa, 0xbb,
		0x04, 0x03, 0x00, 0x02, 0x30, 0x00,
	};
	static const u8 ske_explicit[] = {
		0x01, 0x00, 0x17, 0x03, 0x04, 0xaa, 0xbb,
		0x04, 0x03, 0x00, 0x02, 0x30, 0x00,
	};
	static const u8 ske_dhe[] = {
		0x00, 0x01, 0x17, 0x00, 0x01, 0x02, 0x00, 0x02, 0x05, 0x06,
		0x08, 0x04, 0x00, 0x01, 0xaa,
	};
	static const u8 cr[] = {
		0x02, 0x01, 0x40, 0x00, 0x04, 0x04, 0x03, 0x08, 0x04,
		0x00, 0x04, 0x00, 0x02, 0x30, 0x00,
	};
	static const u8 cr_odd[] = {
		0x01, 0x40, 0x00, 0x03, 0x04, 0x03, 0x08, 0x00, 0x00,
	};
	static const u8 cr_no_types[] = {
		0x00, 0x00, 0x02, 0x04, 0x03, 0x00, 0x00,
	};
	static const u8 cke[] = { 0x02, 0x04, 0x01 };
	static const u8 cke_trailing[] = { 0x01, 0x04, 0x01 };
	struct tlsw_certificate_request12 req;
	struct tlsw_server_key_exchange sk;
	struct tlsw_certificate c;
	struct tlsw_slice it, der;
	enum tlsw_alert alert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 out[32];

	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate12(cert, sizeof(cert),
						       &c, &alert), 0);
	KUNIT_EXPECT_EQ(test, c.count, 2);
	it = c.entries;
	KUNIT_ASSERT_TRUE(test, tlsw_cert12_next(&it, &der));
	KUNIT_EXPECT_EQ(test, der.len, 2);
	KUNIT_ASSERT_TRUE(test, tlsw_cert12_next(&it, &der));
	KUNIT_EXPECT_EQ(test, der.len, 3);
	KUNIT_EXPECT_FALSE(test, tlsw_cert12_next(&it, &der));
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_certificate12_begin(&w, &m);
	tlsw_build_cert12(&w, cert + 6, 2);
	tlsw_build_cert12(&w, cert + 11, 3);
	tlsw_build_msg_end(&w, &m);
	KUNIT_ASSERT_EQ(test, w.len, TLSW_HS_HEADER_LEN + sizeof(cert));
	KUNIT_EXPECT_EQ(test, out[0], TLSW_HS_CERTIFICATE);
	KUNIT_EXPECT_EQ(test, memcmp(out + TLSW_HS_HEADER_LEN, cert, sizeof(cert)),
			0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_certificate12(cert, sizeof(cert) - 1,
						       &c, &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_certificate12(cert_empty_entry,
						 sizeof(cert_empty_entry),
						 &c, &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_DECODE_ERROR);

	KUNIT_ASSERT_EQ(test,
			tlsw_parse_server_key_exchange(ske, sizeof(ske),
						       TLSW_KX_ECDHE, &sk,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, sk.group, TLSW_GROUP_SECP256R1);
	KUNIT_EXPECT_EQ(test, sk.public.len, 3);
	KUNIT_EXPECT_TRUE(test, sk.params.data == ske);
	KUNIT_EXPECT_EQ(test, sk.params.len, 7);
	KUNIT_EXPECT_EQ(test, sk.scheme, TLSW_SIG_ECDSA_SECP256R1_SHA256);
	KUNIT_EXPECT_EQ(test, sk.signature.len, 2);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_server_key_exchange(ske_explicit,
						       sizeof(ske_explicit),
						       TLSW_KX_ECDHE, &sk,
						       &alert), -EINVAL);
	KUNIT_EXPECT_EQ(test, alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_server_key_exchange(ske, sizeof(ske) - 1,
						       TLSW_KX_ECDHE, &sk,
						       &alert), -EBADMSG);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_server_key_exchange(ske_dhe, sizeof(ske_dhe),
						       TLSW_KX_DHE, &sk,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, sk.dh_p.len, 1);
	KUNIT_EXPECT_EQ(test, sk.dh_g.data[0], 2);
	KUNIT_EXPECT_EQ(test, sk.public.len, 2);
	KUNIT_EXPECT_EQ(test, sk.params.len, 10);

	KUNIT_ASSERT_EQ(test, tlsw_parse_certificate_request12(cr, sizeof(cr),
							       &req, &alert),
			0);
	KUNIT_EXPECT_EQ(test, req.cert_types.len, 2);
	KUNIT_EXPECT_TRUE(test, tlsw_u16_list_has(&req.sig_algs,
						  TLSW_SIG_RSA_PSS_RSAE_SHA256));
	it = req.ca_names;
	KUNIT_EXPECT_TRUE(test, tlsw_ca_name_next(&it, &der));
	KUNIT_EXPECT_FALSE(test, tlsw_ca_name_next(&it, &der));
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_certificate_request12(cr_odd, sizeof(cr_odd),
							 &req, &alert),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_certificate_request12(cr_no_types,
							 sizeof(cr_no_types),
							 &req, &alert),
			-EBADMSG);

	KUNIT_EXPECT_EQ(test, tlsw_parse_server_hello_done(0, &alert), 0);
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_hello_done(1, &alert),
			-EBADMSG);

	KUNIT_ASSERT_EQ(test,
			tlsw_parse_client_key_exchange(cke, sizeof(cke),
						       TLSW_KX_ECDHE, &der,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, der.len, 2);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_client_key_exchange(cke_trailing,
						       sizeof(cke_trailing),
						       TLSW_KX_ECDHE, &der,
						       &alert), -EBADMSG);
	KUNIT_EXPECT_EQ(test,
			tlsw_parse_client_key_exchange(cke, sizeof(cke),
						       TLSW_KX_DHE, &der,
						       &alert), -EBADMSG);
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_client_key_exchange(&w, TLSW_KX_ECDHE, cke + 1, 2);
	KUNIT_ASSERT_EQ(test, w.len, TLSW_HS_HEADER_LEN + sizeof(cke));
	KUNIT_EXPECT_EQ(test, out[0], TLSW_HS_CLIENT_KEY_EXCHANGE);
	KUNIT_EXPECT_EQ(test, memcmp(out + TLSW_HS_HEADER_LEN, cke, sizeof(cke)),
			0);
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_client_key_exchange(&w, TLSW_KX_ECDHE, cke, 0);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);

	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_server_hello_done(&w);
	KUNIT_ASSERT_EQ(test, w.len, TLSW_HS_HEADER_LEN);
	KUNIT_EXPECT_EQ(test, out[0], TLSW_HS_SERVER_HELLO_DONE);
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_hello_done(w.len -
							   TLSW_HS_HEADER_LEN,
							   &alert), 0);
}

/* ServerKeyExchange as the server builds it: the parameters apart, for
 * the signature, then the message, which parses back to them.
 */
static void wire_test_tls12_server_key_exchange(struct kunit *test)
{
	static const u8 point[] = { 0x04, 0xaa, 0xbb };
	static const u8 sig[] = { 0x30, 0x00 };
	struct tlsw_server_key_exchange sk;
	enum tlsw_alert alert;
	u8 params[16], out[32];
	struct tlsw_wr w;

	tlsw_wr_init(&w, params, sizeof(params));
	tlsw_build_ecdhe_params(&w, TLSW_GROUP_SECP256R1, point,
				sizeof(point));
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test, w.len, 4 + sizeof(point));
	KUNIT_EXPECT_EQ(test, params[0], TLSW_EC_NAMED_CURVE);

	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_server_key_exchange(&w, params, 4 + sizeof(point),
				       TLSW_SIG_ECDSA_SECP256R1_SHA256, sig,
				       sizeof(sig));
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, out[0], TLSW_HS_SERVER_KEY_EXCHANGE);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_server_key_exchange(out + TLSW_HS_HEADER_LEN,
						       w.len -
						       TLSW_HS_HEADER_LEN,
						       TLSW_KX_ECDHE, &sk,
						       &alert), 0);
	KUNIT_EXPECT_EQ(test, sk.group, TLSW_GROUP_SECP256R1);
	KUNIT_EXPECT_EQ(test, sk.params.len, 4 + sizeof(point));
	KUNIT_EXPECT_EQ(test, memcmp(sk.params.data, params, sk.params.len), 0);
	KUNIT_EXPECT_EQ(test, sk.public.len, sizeof(point));
	KUNIT_EXPECT_EQ(test, sk.scheme, TLSW_SIG_ECDSA_SECP256R1_SHA256);
	KUNIT_EXPECT_EQ(test, sk.signature.len, sizeof(sig));

	/* A point the encoding cannot carry. */
	tlsw_wr_init(&w, params, sizeof(params));
	tlsw_build_ecdhe_params(&w, TLSW_GROUP_X25519, point, 0);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

/* CertificateRequest as the server builds it: with the CA names if they
 * fit, else with an empty list; either parses back.
 */
static void wire_test_tls12_certificate_request(struct kunit *test)
{
	static const u8 types[] = {
		TLSW_CERT_TYPE_RSA_SIGN, TLSW_CERT_TYPE_ECDSA_SIGN,
	};
	static const u16 algs[] = {
		TLSW_SIG_ECDSA_SECP256R1_SHA256, TLSW_SIG_RSA_PSS_RSAE_SHA256,
	};
	static const u8 dn[] = { 0x30, 0x00 };
	struct tlsw_certificate_request12 req;
	struct tlsw_slice names[2], it, name;
	enum tlsw_alert alert;
	struct tlsw_wr w;
	u8 out[64];

	tlsw_slice_init(&names[0], dn, sizeof(dn));
	tlsw_slice_init(&names[1], dn, 1);
	tlsw_wr_init(&w, out, sizeof(out));
	KUNIT_EXPECT_TRUE(test,
			  tlsw_build_certificate_request12(&w, types, 2, algs,
							   2, names, 2, 8));
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, out[0], TLSW_HS_CERTIFICATE_REQUEST);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_certificate_request12(out + TLSW_HS_HEADER_LEN,
							 w.len -
							 TLSW_HS_HEADER_LEN,
							 &req, &alert), 0);
	KUNIT_EXPECT_EQ(test, req.cert_types.len, 2);
	KUNIT_EXPECT_EQ(test, req.cert_types.data[1], TLSW_CERT_TYPE_ECDSA_SIGN);
	KUNIT_EXPECT_EQ(test, tlsw_u16_list_count(&req.sig_algs), 2);
	KUNIT_EXPECT_TRUE(test, tlsw_u16_list_has(&req.sig_algs,
						  TLSW_SIG_RSA_PSS_RSAE_SHA256));
	it = req.ca_names;
	KUNIT_ASSERT_TRUE(test, tlsw_ca_name_next(&it, &name));
	KUNIT_EXPECT_EQ(test, name.len, sizeof(dn));
	KUNIT_ASSERT_TRUE(test, tlsw_ca_name_next(&it, &name));
	KUNIT_EXPECT_EQ(test, name.len, 1);
	KUNIT_EXPECT_FALSE(test, tlsw_ca_name_next(&it, &name));

	/* No room for the names and what follows: an empty list. */
	tlsw_wr_init(&w, out, sizeof(out));
	KUNIT_EXPECT_FALSE(test,
			   tlsw_build_certificate_request12(&w, types, 2, algs,
							    2, names, 2, 48));
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_certificate_request12(out + TLSW_HS_HEADER_LEN,
							 w.len -
							 TLSW_HS_HEADER_LEN,
							 &req, &alert), 0);
	KUNIT_EXPECT_EQ(test, req.ca_names.len, 0);

	/* A name the encoding cannot carry, and no certificate type. */
	tlsw_slice_init(&names[1], dn, 0);
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_certificate_request12(&w, types, 2, algs, 2, names, 2, 0);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_certificate_request12(&w, types, 0, algs, 2, NULL, 0, 0);
	KUNIT_EXPECT_EQ(test, tlsw_wr_error(&w), -EINVAL);
}

static struct kunit_case wire_msg_test_cases[] = {
	KUNIT_CASE(wire_test_ext_duplicates),
	KUNIT_CASE(wire_test_ext_contexts),
	KUNIT_CASE(wire_test_ext_alpn),
	KUNIT_CASE(wire_test_ext_server_name),
	KUNIT_CASE(wire_test_ext_values),
	KUNIT_CASE(wire_test_hello_retry_request),
	KUNIT_CASE(wire_test_server_hello_versions),
	KUNIT_CASE(wire_test_client_hello_checks),
	KUNIT_CASE(wire_test_params_checks),
	KUNIT_CASE(wire_test_certificate_authorities),
	KUNIT_CASE(wire_test_tls12_messages),
	KUNIT_CASE(wire_test_tls12_server_key_exchange),
	KUNIT_CASE(wire_test_new_session_ticket12),
	KUNIT_CASE(wire_test_session),
	KUNIT_CASE(wire_test_tls12_certificate_request),
	{}
};

static struct kunit_suite wire_msg_test_suite = {
	.name = "tlshake_wire_messages",
	.test_cases = wire_msg_test_cases,
};

kunit_test_suites(&wire_cursor_test_suite, &wire_record_test_suite,
		  &wire_reasm_test_suite, &wire_rfc8448_test_suite,
		  &wire_msg_test_suite);
