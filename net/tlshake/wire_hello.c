// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the key exchange messages (RFC 8446 section 4.1): ClientHello,
 * ServerHello and HelloRetryRequest, in their TLS 1.3 and TLS 1.2 forms.
 */

#include "wire.h"

/* SHA-256("HelloRetryRequest"): the random of a HelloRetryRequest. */
static const u8 tlsw_hrr_random[TLSW_RANDOM_LEN] = {
	0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11,
	0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
	0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e,
	0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
};

/**
 * tlsw_parse_client_hello() - parse a ClientHello body
 * @buf: the body, after the handshake header
 * @len: its length
 * @ch: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Takes TLS 1.2 ClientHellos too, which may end without an extension
 * block.  A ClientHello offering TLS 1.3 must offer no compression but
 * null (RFC 8446 section 4.1.2).  Left to the engine: the choice of
 * version, suite, group and signature scheme, and the extensions the
 * chosen mode requires (section 9.2, missing_extension).
 *
 * Return: 0, or a negative errno with @alert set (see wire.h).
 */
int tlsw_parse_client_hello(const u8 *buf, size_t len,
			    struct tlsw_client_hello *ch,
			    enum tlsw_alert *alert)
{
	struct tlsw_slice r, random;
	int err;

	memset(ch, 0, sizeof(*ch));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u16(&r, &ch->legacy_version) ||
	    tlsw_rd_bytes(&r, TLSW_RANDOM_LEN, &random) ||
	    tlsw_rd_vec(&r, 1, 0, TLSW_SESSION_ID_MAX, &ch->session_id) ||
	    tlsw_rd_vec(&r, 2, 2, 0xfffe, &ch->cipher_suites) ||
	    ch->cipher_suites.len % 2 ||
	    tlsw_rd_vec(&r, 1, 1, 255, &ch->compression_methods))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	ch->random = random.data;
	if (r.len &&
	    (tlsw_rd_vec(&r, 2, 0, 0xffff, &ch->extensions) || tlsw_rd_end(&r)))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);

	err = tlsw_parse_extensions(ch->extensions.data, ch->extensions.len,
				    TLSW_CTX_CH, &ch->ext, alert);
	if (err)
		return err;

	if (tlsw_exts_has(&ch->ext, TLSW_EXTB_SUPPORTED_VERSIONS) &&
	    tlsw_u16_list_has(&ch->ext.versions, TLSW_VERSION_TLS13) &&
	    (ch->compression_methods.len != 1 ||
	     ch->compression_methods.data[0]))
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_client_hello);

/**
 * tlsw_parse_server_hello() - parse a ServerHello or HelloRetryRequest body
 * @buf: the body, after the handshake header
 * @len: its length
 * @sh: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * The message is a HelloRetryRequest if its random is the special value
 * of RFC 8446 section 4.1.3; it is TLS 1.3 if it carries
 * supported_versions, TLS 1.2 (or older) otherwise, and its extensions
 * are checked for that form.  Checked here: compression null, and for
 * TLS 1.3 legacy_version 0x0303 and supported_versions naming TLS 1.3,
 * the only version we offer in supported_versions.  Left to the engine:
 * that the suite, the session ID echo, the key share group and each
 * extension answer what we sent, tlsw_random_has_downgrade_marker() when
 * TLS 1.2 is negotiated, and the versions it accepts for TLS 1.2.
 *
 * Return: 0, or a negative errno with @alert set (see wire.h);
 * missing_extension for a HelloRetryRequest without supported_versions.
 */
int tlsw_parse_server_hello(const u8 *buf, size_t len,
			    struct tlsw_server_hello *sh,
			    enum tlsw_alert *alert)
{
	struct tlsw_slice r, random, sv;
	enum tlsw_ext_ctx ctx;
	u8 compression;
	int found, err;

	memset(sh, 0, sizeof(*sh));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u16(&r, &sh->legacy_version) ||
	    tlsw_rd_bytes(&r, TLSW_RANDOM_LEN, &random) ||
	    tlsw_rd_vec(&r, 1, 0, TLSW_SESSION_ID_MAX, &sh->session_id) ||
	    tlsw_rd_u16(&r, &sh->cipher_suite) ||
	    tlsw_rd_u8(&r, &compression))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	sh->random = random.data;
	if (r.len &&
	    (tlsw_rd_vec(&r, 2, 0, 0xffff, &sh->extensions) || tlsw_rd_end(&r)))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	sh->hrr = !memcmp(sh->random, tlsw_hrr_random, TLSW_RANDOM_LEN);

	found = tlsw_ext_find(sh->extensions.data, sh->extensions.len,
			      TLSW_EXT_SUPPORTED_VERSIONS, &sv);
	if (found < 0)
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	if (sh->hrr && !found)
		return tlsw_fail(alert, TLSW_ALERT_MISSING_EXTENSION);
	if (sh->hrr)
		ctx = TLSW_CTX_HRR;
	else
		ctx = found ? TLSW_CTX_SH : TLSW_CTX_SH12;

	err = tlsw_parse_extensions(sh->extensions.data, sh->extensions.len,
				    ctx, &sh->ext, alert);
	if (err)
		return err;

	/* We offer no compression but null. */
	if (compression)
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (ctx == TLSW_CTX_SH12) {
		sh->version = sh->legacy_version;
		return 0;
	}
	if (sh->legacy_version != TLSW_VERSION_TLS12 ||
	    sh->ext.selected_version != TLSW_VERSION_TLS13)
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	sh->version = TLSW_VERSION_TLS13;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_server_hello);

/**
 * tlsw_random_has_downgrade_marker() - whether a server random says
 *	"downgraded"
 * @random: the ServerHello random
 *
 * RFC 8446 section 4.1.3: a client that offered TLS 1.3 and receives a
 * ServerHello for TLS 1.2 or below must send illegal_parameter if the
 * random ends in "DOWNGRD" followed by 1 or 0.
 *
 * Return: true if the last 8 bytes of @random are either marker.
 */
bool tlsw_random_has_downgrade_marker(const u8 *random)
{
	const u8 *tail = random + TLSW_RANDOM_LEN - 8;

	return !memcmp(tail, "DOWNGRD", 7) && (tail[7] == 0 || tail[7] == 1);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_random_has_downgrade_marker);

/**
 * tlsw_random_set_downgrade_marker() - say "downgraded to TLS 1.2"
 * @random: the ServerHello random
 *
 * RFC 8446 section 4.1.3: a server that supports TLS 1.3 and negotiates
 * TLS 1.2 ends its random in "DOWNGRD" and 1, which a TLS 1.3 client
 * refuses: an attacker who removed TLS 1.3 from the ClientHello cannot
 * make both ends settle for TLS 1.2 unnoticed.
 */
void tlsw_random_set_downgrade_marker(u8 *random)
{
	memcpy(random + TLSW_RANDOM_LEN - 8, "DOWNGRD\x01", 8);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_random_set_downgrade_marker);

/**
 * tlsw_build_client_hello_begin() - start a ClientHello
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @random: the 32-byte random
 * @session_id: legacy_session_id (may be NULL when @session_id_len is 0)
 * @session_id_len: 0 to 32
 * @suites: the cipher suites, in order of preference
 * @n_suites: how many, at least one
 *
 * Writes legacy_version 0x0303 and compression null; the extension block
 * is left open for tlsw_build_ext_*().
 */
void tlsw_build_client_hello_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				   const u8 *random, const u8 *session_id,
				   size_t session_id_len, const u16 *suites,
				   size_t n_suites)
{
	struct tlsw_wr_vec v;
	size_t i;

	if (session_id_len > TLSW_SESSION_ID_MAX || !n_suites)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_hs_begin(w, TLSW_HS_CLIENT_HELLO, &m->hs);
	tlsw_wr_u16(w, TLSW_VERSION_TLS12);
	tlsw_wr_bytes(w, random, TLSW_RANDOM_LEN);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, session_id, session_id_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 2, &v);
	for (i = 0; i < n_suites; i++)
		tlsw_wr_u16(w, suites[i]);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_u8(w, 1);
	tlsw_wr_u8(w, 0);
	tlsw_wr_vec_begin(w, 2, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_client_hello_begin);

/**
 * tlsw_build_server_hello_begin() - start a ServerHello
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @random: the 32-byte random
 * @session_id: the client's legacy_session_id, echoed
 * @session_id_len: 0 to 32
 * @suite: the selected cipher suite
 *
 * Writes legacy_version 0x0303 and compression null; the extension block
 * is left open for tlsw_build_ext_*().
 */
void tlsw_build_server_hello_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				   const u8 *random, const u8 *session_id,
				   size_t session_id_len, u16 suite)
{
	struct tlsw_wr_vec v;

	if (session_id_len > TLSW_SESSION_ID_MAX)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_hs_begin(w, TLSW_HS_SERVER_HELLO, &m->hs);
	tlsw_wr_u16(w, TLSW_VERSION_TLS12);
	tlsw_wr_bytes(w, random, TLSW_RANDOM_LEN);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, session_id, session_id_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_u16(w, suite);
	tlsw_wr_u8(w, 0);
	tlsw_wr_vec_begin(w, 2, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_server_hello_begin);

/**
 * tlsw_build_hello_retry_request_begin() - start a HelloRetryRequest
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @session_id: the client's legacy_session_id, echoed
 * @session_id_len: 0 to 32
 * @suite: the selected cipher suite
 *
 * A ServerHello with the special random; the extension block is left open
 * for supported_versions, key_share and cookie.
 */
void tlsw_build_hello_retry_request_begin(struct tlsw_wr *w,
					  struct tlsw_msg_wr *m,
					  const u8 *session_id,
					  size_t session_id_len, u16 suite)
{
	tlsw_build_server_hello_begin(w, m, tlsw_hrr_random, session_id,
				      session_id_len, suite);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_hello_retry_request_begin);
