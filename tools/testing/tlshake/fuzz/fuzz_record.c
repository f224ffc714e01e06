// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the record layer's framing and handshake reassembly, and the
 * message parsers behind them.  The first input byte picks the record
 * length limit and the largest handshake message; the rest is a stream of
 * records.  Records of type application_data stand for decrypted TLS 1.3
 * records: their fragment is taken as a TLSInnerPlaintext.  Every piece
 * handed to a parser is first copied to a buffer of its exact size, so
 * that AddressSanitizer catches a read even one byte beyond it.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static const size_t fuzz_record_limits[] = {
	TLSW_MAX_PLAINTEXT, TLSW_MAX_CIPHERTEXT13, TLSW_MAX_CIPHERTEXT12, 64,
};

static const u32 fuzz_max_msgs[] = { 0, 4, 64, 200, 1024, 4096, 16384, 65536 };

static u8 *fuzz_dup(const u8 *p, size_t len)
{
	u8 *q = malloc(len ? len : 1);

	FUZZ_ASSERT(q);
	if (len)
		memcpy(q, p, len);
	return q;
}

/* Hand a complete message to the parser of its type. */
static void fuzz_message(const struct tlsw_hs_msg *msg)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	u8 *body = fuzz_dup(msg->body.data, msg->body.len);
	size_t len = msg->body.len;
	union {
		struct tlsw_client_hello ch;
		struct tlsw_server_hello sh;
		struct tlsw_exts ee;
		struct tlsw_certificate_request cr;
		struct tlsw_certificate cert;
		struct tlsw_certificate_verify cv;
		struct tlsw_slice fin;
		struct tlsw_new_session_ticket nst;
		bool ku;
	} u;
	int ret;

	switch (msg->type) {
	case TLSW_HS_CLIENT_HELLO:
		ret = tlsw_parse_client_hello(body, len, &u.ch, &alert);
		break;
	case TLSW_HS_SERVER_HELLO:
		ret = tlsw_parse_server_hello(body, len, &u.sh, &alert);
		break;
	case TLSW_HS_ENCRYPTED_EXTENSIONS:
		ret = tlsw_parse_encrypted_extensions(body, len, &u.ee, &alert);
		break;
	case TLSW_HS_CERTIFICATE_REQUEST:
		ret = tlsw_parse_certificate_request(body, len, &u.cr, &alert);
		break;
	case TLSW_HS_CERTIFICATE:
		ret = tlsw_parse_certificate(body, len, &u.cert, &alert);
		break;
	case TLSW_HS_CERTIFICATE_VERIFY:
		ret = tlsw_parse_certificate_verify(body, len, &u.cv, &alert);
		break;
	case TLSW_HS_FINISHED:
		ret = tlsw_parse_finished(body, len, 32, &u.fin, &alert);
		break;
	case TLSW_HS_NEW_SESSION_TICKET:
		ret = tlsw_parse_new_session_ticket(body, len, &u.nst, &alert);
		break;
	case TLSW_HS_KEY_UPDATE:
		ret = tlsw_parse_key_update(body, len, &u.ku, &alert);
		break;
	default:
		ret = 0;
	}
	fuzz_check_error(ret, alert);
	free(body);
}

/* Add one record's handshake content; take out what is complete. */
static int fuzz_handshake(struct tlsw_reasm *ra, const u8 *content,
			  size_t len)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_hs_msg msg;
	int ret;

	ret = tlsw_reasm_add(ra, content, len, &alert);
	fuzz_check_error(ret, alert);
	/* Taking out every message first, the buffer never runs out. */
	FUZZ_ASSERT(ret != -ENOSPC);
	if (ret)
		return ret;
	while ((ret = tlsw_reasm_next(ra, &msg, &alert)) == 1) {
		FUZZ_ASSERT(msg.raw.data >= ra->buf &&
			    msg.raw.data + msg.raw.len <= ra->buf + ra->end);
		FUZZ_ASSERT(msg.raw.len == TLSW_HS_HEADER_LEN + msg.body.len);
		FUZZ_ASSERT(msg.body.data == msg.raw.data + TLSW_HS_HEADER_LEN);
		FUZZ_ASSERT(msg.body.len <= ra->max_msg);
		FUZZ_ASSERT(msg.type == msg.raw.data[0]);
		fuzz_message(&msg);
	}
	fuzz_check_error(ret, alert);
	return ret;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_record_header hdr;
	struct tlsw_reasm ra;
	size_t limit, content_len;
	u8 *hbuf, *frag, type, level, desc;
	u32 max_msg;
	int ret;

	if (!size)
		return 0;
	limit = fuzz_record_limits[data[0] & 3];
	max_msg = fuzz_max_msgs[(data[0] >> 2) & 7];
	data++;
	size--;

	hbuf = malloc(TLSW_REASM_SIZE(max_msg));
	FUZZ_ASSERT(hbuf);
	FUZZ_ASSERT(tlsw_reasm_init(&ra, hbuf, TLSW_REASM_SIZE(max_msg),
				    max_msg) == 0);

	while (size >= TLSW_RECORD_HEADER_LEN) {
		frag = fuzz_dup(data, TLSW_RECORD_HEADER_LEN);
		ret = tlsw_parse_record_header(frag, TLSW_RECORD_HEADER_LEN,
					       limit, &hdr, &alert);
		free(frag);
		fuzz_check_error(ret, alert);
		if (ret)
			break;
		FUZZ_ASSERT(hdr.len <= limit);
		data += TLSW_RECORD_HEADER_LEN;
		size -= TLSW_RECORD_HEADER_LEN;
		if (size < hdr.len)
			break;

		frag = fuzz_dup(data, hdr.len);
		data += hdr.len;
		size -= hdr.len;
		type = hdr.type;
		content_len = hdr.len;
		if (type == TLSW_CT_APPLICATION_DATA) {
			ret = tlsw_parse_inner_plaintext(frag, hdr.len, &type,
							 &content_len, &alert);
			fuzz_check_error(ret, alert);
			if (ret) {
				free(frag);
				break;
			}
			FUZZ_ASSERT(content_len < hdr.len);
			FUZZ_ASSERT(frag[content_len] == type);
			fuzz_touch(frag, content_len);
		}

		ret = 0;
		if (type == TLSW_CT_HANDSHAKE) {
			ret = fuzz_handshake(&ra, frag, content_len);
		} else if (type == TLSW_CT_ALERT) {
			ret = tlsw_parse_alert(frag, content_len, &level, &desc,
					       &alert);
			fuzz_check_error(ret, alert);
		}
		free(frag);
		if (ret < 0)
			break;
	}
	FUZZ_ASSERT(tlsw_reasm_pending(&ra) == (ra.start != ra.end));
	free(hbuf);
	return 0;
}
