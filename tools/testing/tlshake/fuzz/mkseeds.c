// SPDX-License-Identifier: GPL-2.0
/*
 * Write the fuzzers' seed corpus: the messages of RFC 8448's simple 1-RTT
 * handshake, and what the builders make of the messages and forms the
 * trace lacks (HelloRetryRequest, a TLS 1.2 ServerHello, a
 * CertificateRequest, KeyUpdate), framed for each harness.
 *
 *   mkseeds DIR     creates DIR/HARNESS/NAME for every harness
 */

#include <sys/stat.h>

#include "fuzz.h"
#include "rfc8448.h"

#define BODY(msg)	((msg) + TLSW_HS_HEADER_LEN)
#define BODY_LEN(msg)	(sizeof(msg) - TLSW_HS_HEADER_LEN)

static const char *seed_dir;

static void seed(const char *harness, const char *name, const void *data,
		 size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", seed_dir, harness);
	if (mkdir(path, 0755) && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s/%s", seed_dir, harness, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* A seed for the extensions harness: context byte, then the block. */
static void seed_exts(const char *name, enum tlsw_ext_ctx ctx,
		      const u8 *block, size_t len)
{
	u8 buf[1024];

	FUZZ_ASSERT(len < sizeof(buf));
	buf[0] = ctx;
	if (len)
		memcpy(buf + 1, block, len);
	seed("extensions", name, buf, len + 1);
}

static void record(struct tlsw_wr *w, u8 type, const void *data, size_t len)
{
	tlsw_build_record_header(w, type, TLSW_VERSION_TLS12, len);
	tlsw_wr_bytes(w, data, len);
}

static void seed_records(void)
{
	/* Config byte: record limit in bits 0-1, message limit in 2-4. */
	const u8 plain = 5 << 2, protected13 = 5 << 2 | 1;
	static const u8 ccs[] = { 1 };
	static const u8 alert[] = { 2, 40 };
	static const u8 inner_alert[] = { 1, 0, TLSW_CT_ALERT, 0, 0 };
	u8 buf[4096], inner[2048];
	struct tlsw_wr w;
	size_t n;

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_wr_u8(&w, plain);
	record(&w, TLSW_CT_HANDSHAKE, rfc8448_client_hello,
	       sizeof(rfc8448_client_hello));
	record(&w, TLSW_CT_HANDSHAKE, rfc8448_server_hello,
	       sizeof(rfc8448_server_hello));
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed("record", "hellos", buf, w.len);

	/* The ClientHello in three records, then CCS and an alert. */
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_wr_u8(&w, plain);
	record(&w, TLSW_CT_HANDSHAKE, rfc8448_client_hello, 3);
	record(&w, TLSW_CT_HANDSHAKE, rfc8448_client_hello + 3, 100);
	record(&w, TLSW_CT_HANDSHAKE, rfc8448_client_hello + 103,
	       sizeof(rfc8448_client_hello) - 103);
	record(&w, TLSW_CT_CHANGE_CIPHER_SPEC, ccs, sizeof(ccs));
	record(&w, TLSW_CT_ALERT, alert, sizeof(alert));
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed("record", "fragmented", buf, w.len);

	/*
	 * The server's encrypted flight as decrypted records: EE alone, the
	 * rest coalesced and padded, then an encrypted close_notify.
	 */
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_wr_u8(&w, protected13);
	memcpy(inner, rfc8448_encrypted_extensions,
	       sizeof(rfc8448_encrypted_extensions));
	n = sizeof(rfc8448_encrypted_extensions);
	inner[n++] = TLSW_CT_HANDSHAKE;
	record(&w, TLSW_CT_APPLICATION_DATA, inner, n);
	n = 0;
	memcpy(inner + n, rfc8448_certificate, sizeof(rfc8448_certificate));
	n += sizeof(rfc8448_certificate);
	memcpy(inner + n, rfc8448_certificate_verify,
	       sizeof(rfc8448_certificate_verify));
	n += sizeof(rfc8448_certificate_verify);
	memcpy(inner + n, rfc8448_server_finished,
	       sizeof(rfc8448_server_finished));
	n += sizeof(rfc8448_server_finished);
	inner[n++] = TLSW_CT_HANDSHAKE;
	memset(inner + n, 0, 3);
	n += 3;
	record(&w, TLSW_CT_APPLICATION_DATA, inner, n);
	record(&w, TLSW_CT_APPLICATION_DATA, inner_alert, sizeof(inner_alert));
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed("record", "server-flight", buf, w.len);

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_wr_u8(&w, protected13);
	memcpy(inner, rfc8448_new_session_ticket,
	       sizeof(rfc8448_new_session_ticket));
	n = sizeof(rfc8448_new_session_ticket);
	inner[n++] = TLSW_CT_HANDSHAKE;
	record(&w, TLSW_CT_APPLICATION_DATA, inner, n);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed("record", "ticket", buf, w.len);
}

/* The body of the message built in @w, without its handshake header. */
static void seed_built(const char *harness, const char *name,
		       const struct tlsw_wr *w)
{
	FUZZ_ASSERT(!tlsw_wr_error(w));
	seed(harness, name, w->buf + TLSW_HS_HEADER_LEN,
	     w->len - TLSW_HS_HEADER_LEN);
}

static void seed_built_messages(void)
{
	static const u16 sig_algs[] = {
		TLSW_SIG_RSA_PSS_RSAE_SHA256, TLSW_SIG_ECDSA_SECP256R1_SHA256,
	};
	static const u8 cookie[] = { 'c', 'o', 'o', 'k', 'i', 'e' };
	static const u8 reneg[] = { 0 };
	static const u8 point_formats[] = { TLSW_EC_POINT_UNCOMPRESSED };
	static const u8 key_update[] = { 0, 1 };
	const u8 *random = BODY(rfc8448_server_hello) + 2;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 buf[512];

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_hello_retry_request_begin(&w, &m, NULL, 0,
					     TLSW_TLS_AES_128_GCM_SHA256);
	tlsw_build_ext_selected_version(&w, TLSW_VERSION_TLS13);
	tlsw_build_ext_key_share_hrr(&w, TLSW_GROUP_SECP256R1);
	tlsw_build_ext_cookie(&w, cookie, sizeof(cookie));
	tlsw_build_msg_end(&w, &m);
	seed_built("server_hello", "hrr", &w);
	seed_exts("hrr", TLSW_CTX_HRR, buf + 44, w.len - 44);

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_server_hello_begin(&w, &m, random, NULL, 0,
				      TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256);
	tlsw_build_ext_u8_list(&w, TLSW_EXT_RENEGOTIATION_INFO, NULL, 0);
	tlsw_build_ext_empty(&w, TLSW_EXT_EXTENDED_MASTER_SECRET);
	tlsw_build_ext_u8_list(&w, TLSW_EXT_EC_POINT_FORMATS, point_formats,
			       1);
	tlsw_build_ext_empty(&w, TLSW_EXT_SESSION_TICKET);
	tlsw_build_msg_end(&w, &m);
	seed_built("server_hello", "tls12", &w);
	seed_exts("sh12", TLSW_CTX_SH12, buf + 44, w.len - 44);

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_certificate_request_begin(&w, &m, NULL, 0);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS, sig_algs,
				ARRAY_SIZE(sig_algs));
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS_CERT,
				sig_algs, ARRAY_SIZE(sig_algs));
	tlsw_build_ext_u8_list(&w, 0x1234, reneg, 1);
	tlsw_build_msg_end(&w, &m);
	seed_built("certificate_request", "cr", &w);
	seed_exts("cr", TLSW_CTX_CR, buf + 7, w.len - 7);

	seed("key_update", "not-requested", key_update, 1);
	seed("key_update", "requested", key_update + 1, 1);
}

/* Seeds for the TLS 1.2 harness: the selector byte, then a body. */
static void seed_tls12_one(const char *name, u8 which, const u8 *body,
			   size_t len)
{
	u8 buf[256];

	buf[0] = which;
	if (len)
		memcpy(buf + 1, body, len);
	seed("tls12", name, buf, len + 1);
}

static void seed_tls12(void)
{
	static const u8 certificate[] = {
		0x00, 0x00, 0x08, 0x00, 0x00, 0x05, 0x30, 0x03, 0x02, 0x01,
		0x01,
	};
	static const u8 ske_ecdhe[] = {
		0x03, 0x00, 0x1d, 0x04, 0xde, 0xad, 0xbe, 0xef,
		0x04, 0x03, 0x00, 0x02, 0x30, 0x00,
	};
	static const u8 ske_dhe[] = {
		0x00, 0x01, 0x17, 0x00, 0x01, 0x02, 0x00, 0x01, 0x05,
		0x08, 0x04, 0x00, 0x01, 0xaa,
	};
	static const u8 certificate_request[] = {
		0x02, 0x01, 0x40, 0x00, 0x04, 0x04, 0x03, 0x08, 0x04,
		0x00, 0x06, 0x00, 0x04, 0x30, 0x02, 0x31, 0x00,
	};
	static const u8 cke_ecdhe[] = { 0x04, 0x01, 0x02, 0x03, 0x04 };
	static const u8 cke_dhe[] = { 0x00, 0x02, 0x01, 0x02 };
	static const u8 cke_rsa[] = { 0x00, 0x03, 0x01, 0x02, 0x03 };
	static const u8 nst[] = { 0x00, 0x00, 0x1c, 0x20, 0x00, 0x02, 0xab, 0xcd };
	u8 master[TLSW_MASTER_SECRET_LEN] = { 0 };
	struct tlsw_session session = {
		.cipher_suite = 0xc02b,
		.master_secret = master,
	};
	struct tlsw_server_session server_session = {
		.cipher_suite = 0xc02b,
		.flags = TLSW_SESSION_EMS,
		.created = 3600,
	};
	u8 ticket[TLSW_TICKET_LEN];
	u8 buf[128];
	struct tlsw_wr w;

	seed_tls12_one("certificate", 0, certificate, sizeof(certificate));
	seed_tls12_one("ske-ecdhe", 1, ske_ecdhe, sizeof(ske_ecdhe));
	seed_tls12_one("ske-dhe", 2, ske_dhe, sizeof(ske_dhe));
	seed_tls12_one("certificate-request", 3, certificate_request,
		       sizeof(certificate_request));
	seed_tls12_one("server-hello-done", 4, NULL, 0);
	seed_tls12_one("cke-ecdhe", 5, cke_ecdhe, sizeof(cke_ecdhe));
	seed_tls12_one("cke-dhe", 6, cke_dhe, sizeof(cke_dhe));
	seed_tls12_one("cke-rsa", 7, cke_rsa, sizeof(cke_rsa));
	seed_tls12_one("new-session-ticket", 8, nst, sizeof(nst));
	tlsw_slice_init(&session.session_id, cke_rsa, sizeof(cke_rsa));
	tlsw_slice_init(&session.ticket, nst, sizeof(nst));
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_session(&w, &session);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed_tls12_one("session", 9, buf, w.len);

	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_server_session(&w, &server_session);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	seed_tls12_one("server-session", 10, buf, w.len);
	memset(ticket, 0x5a, sizeof(ticket));
	seed_tls12_one("ticket", 11, ticket, sizeof(ticket));
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	seed_dir = argv[1];
	if (mkdir(seed_dir, 0755) && errno != EEXIST) {
		perror(seed_dir);
		return 1;
	}

	seed("client_hello", "rfc8448", BODY(rfc8448_client_hello),
	     BODY_LEN(rfc8448_client_hello));
	seed("server_hello", "rfc8448", BODY(rfc8448_server_hello),
	     BODY_LEN(rfc8448_server_hello));
	seed("encrypted_extensions", "rfc8448",
	     BODY(rfc8448_encrypted_extensions),
	     BODY_LEN(rfc8448_encrypted_extensions));
	seed("certificate", "rfc8448", BODY(rfc8448_certificate),
	     BODY_LEN(rfc8448_certificate));
	seed("certificate_verify", "rfc8448", BODY(rfc8448_certificate_verify),
	     BODY_LEN(rfc8448_certificate_verify));
	seed("finished", "server", BODY(rfc8448_server_finished),
	     BODY_LEN(rfc8448_server_finished));
	seed("finished", "client", BODY(rfc8448_client_finished),
	     BODY_LEN(rfc8448_client_finished));
	seed("new_session_ticket", "rfc8448", BODY(rfc8448_new_session_ticket),
	     BODY_LEN(rfc8448_new_session_ticket));

	/* Extension blocks, after their 2-byte length. */
	seed_exts("ch", TLSW_CTX_CH, BODY(rfc8448_client_hello) + 47,
		  BODY_LEN(rfc8448_client_hello) - 47);
	seed_exts("sh", TLSW_CTX_SH, BODY(rfc8448_server_hello) + 40,
		  BODY_LEN(rfc8448_server_hello) - 40);
	seed_exts("ee", TLSW_CTX_EE, BODY(rfc8448_encrypted_extensions) + 2,
		  BODY_LEN(rfc8448_encrypted_extensions) - 2);
	seed_exts("nst", TLSW_CTX_NST, rfc8448_new_session_ticket + 197,
		  sizeof(rfc8448_new_session_ticket) - 197);
	seed_exts("ct", TLSW_CTX_CT, NULL, 0);

	seed_built_messages();
	seed_tls12();
	seed_records();
	return 0;
}
