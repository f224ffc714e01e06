// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the handshake messages of TLS 1.2 that TLS 1.3 has not kept or
 * has changed (RFC 5246 section 7.4): Certificate, ServerKeyExchange
 * (ECDHE of RFC 8422 section 5.4, DHE of RFC 5246 section 7.4.3),
 * CertificateRequest, ServerHelloDone and ClientKeyExchange.
 */

#include "wire.h"

/**
 * tlsw_parse_certificate12() - parse a TLS 1.2 Certificate body
 * @buf: the body, after the handshake header
 * @len: its length
 * @cert: the parsed message, pointing into @buf; its context is empty and
 *	its entries are read with tlsw_cert12_next()
 * @alert: the alert to send on failure
 *
 * Left to the engine, as in TLS 1.3: what an empty list means.
 *
 * Return: 0, or -EBADMSG (decode_error).
 */
int tlsw_parse_certificate12(const u8 *buf, size_t len,
			     struct tlsw_certificate *cert,
			     enum tlsw_alert *alert)
{
	struct tlsw_slice r, it, data;

	memset(cert, 0, sizeof(*cert));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_vec(&r, 3, 0, 0xffffff, &cert->entries) ||
	    tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);

	it = cert->entries;
	while (it.len) {
		if (tlsw_rd_vec(&it, 3, 1, 0xffffff, &data))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
		cert->count++;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_certificate12);

/**
 * tlsw_cert12_next() - read the next certificate of a TLS 1.2 Certificate
 * @it: the rest of the list; start with a copy of tlsw_certificate.entries
 * @cert: the DER certificate
 *
 * Return: true with @cert set, false at the end of the list.
 */
bool tlsw_cert12_next(struct tlsw_slice *it, struct tlsw_slice *cert)
{
	if (tlsw_rd_vec(it, 3, 1, 0xffffff, cert)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_cert12_next);

/**
 * tlsw_parse_server_key_exchange() - parse a ServerKeyExchange body
 * @buf: the body, after the handshake header
 * @len: its length
 * @kx: TLSW_KX_ECDHE or TLSW_KX_DHE: what the cipher suite exchanges
 * @ske: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * ECDHE parameters must name their curve (RFC 8422 section 5.4: the
 * explicit curve types are deprecated); the point is checked by the key
 * exchange, the signature over @ske->params by the engine.
 *
 * Return: 0; -EBADMSG (decode_error); -EINVAL (illegal_parameter) for a
 * curve that is not named.
 */
int tlsw_parse_server_key_exchange(const u8 *buf, size_t len,
				   enum tlsw_kx kx,
				   struct tlsw_server_key_exchange *ske,
				   enum tlsw_alert *alert)
{
	struct tlsw_slice r;
	u8 curve_type;

	memset(ske, 0, sizeof(*ske));
	tlsw_slice_init(&r, buf, len);
	if (kx == TLSW_KX_ECDHE) {
		if (tlsw_rd_u8(&r, &curve_type))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
		if (curve_type != TLSW_EC_NAMED_CURVE)
			return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
		if (tlsw_rd_u16(&r, &ske->group) ||
		    tlsw_rd_vec(&r, 1, 1, 255, &ske->public))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	} else {
		if (tlsw_rd_vec(&r, 2, 1, 0xffff, &ske->dh_p) ||
		    tlsw_rd_vec(&r, 2, 1, 0xffff, &ske->dh_g) ||
		    tlsw_rd_vec(&r, 2, 1, 0xffff, &ske->public))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	}
	tlsw_slice_init(&ske->params, buf, len - r.len);

	if (tlsw_rd_u16(&r, &ske->scheme) ||
	    tlsw_rd_vec(&r, 2, 0, 0xffff, &ske->signature) ||
	    tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_server_key_exchange);

/**
 * tlsw_parse_certificate_request12() - parse a TLS 1.2 CertificateRequest
 * @buf: the body, after the handshake header
 * @len: its length
 * @cr: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Every list is checked: certificate types <1..2^8-1>, signature
 * algorithms <2..2^16-2> of whole code points, and distinguished names
 * <1..2^16-1> each, read with tlsw_ca_name_next().
 *
 * Return: 0, or -EBADMSG (decode_error).
 */
int tlsw_parse_certificate_request12(const u8 *buf, size_t len,
				     struct tlsw_certificate_request12 *cr,
				     enum tlsw_alert *alert)
{
	struct tlsw_slice r, it, name;

	memset(cr, 0, sizeof(*cr));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_vec(&r, 1, 1, 255, &cr->cert_types) ||
	    tlsw_rd_vec(&r, 2, 2, 0xfffe, &cr->sig_algs) ||
	    (cr->sig_algs.len & 1) ||
	    tlsw_rd_vec(&r, 2, 0, 0xffff, &cr->ca_names) ||
	    tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);

	it = cr->ca_names;
	while (it.len)
		if (tlsw_rd_vec(&it, 2, 1, 0xffff, &name))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_certificate_request12);

/**
 * tlsw_parse_server_hello_done() - check a ServerHelloDone body
 * @len: the length of the body, after the handshake header
 * @alert: the alert to send on failure
 *
 * Return: 0, or -EBADMSG (decode_error) unless @len is 0.
 */
int tlsw_parse_server_hello_done(size_t len, enum tlsw_alert *alert)
{
	return len ? tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR) : 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_server_hello_done);

/**
 * tlsw_parse_client_key_exchange() - parse a ClientKeyExchange body
 * @buf: the body, after the handshake header
 * @len: its length
 * @kx: what the cipher suite exchanges
 * @exchange: the client's public value (ECDHE point <1..2^8-1>, DHE Yc
 *	<1..2^16-1>) or, for RSA key transport, EncryptedPreMasterSecret
 *	<0..2^16-1>, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Return: 0, or -EBADMSG (decode_error).
 */
int tlsw_parse_client_key_exchange(const u8 *buf, size_t len,
				   enum tlsw_kx kx, struct tlsw_slice *exchange,
				   enum tlsw_alert *alert)
{
	struct tlsw_slice r;
	int err;

	tlsw_slice_init(&r, buf, len);
	switch (kx) {
	case TLSW_KX_ECDHE:
		err = tlsw_rd_vec(&r, 1, 1, 255, exchange);
		break;
	case TLSW_KX_DHE:
		err = tlsw_rd_vec(&r, 2, 1, 0xffff, exchange);
		break;
	default:
		err = tlsw_rd_vec(&r, 2, 0, 0xffff, exchange);
		break;
	}
	if (err || tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_client_key_exchange);

/**
 * tlsw_build_certificate12_begin() - start a TLS 1.2 Certificate
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 *
 * Add the chain with tlsw_build_cert12(), end-entity first.
 */
void tlsw_build_certificate12_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m)
{
	tlsw_build_hs_begin(w, TLSW_HS_CERTIFICATE, &m->hs);
	tlsw_wr_vec_begin(w, 3, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_certificate12_begin);

/**
 * tlsw_build_cert12() - add a certificate to a TLS 1.2 Certificate
 * @w: the cursor
 * @cert: the DER certificate
 * @len: its length, 1 to 2^24-1
 */
void tlsw_build_cert12(struct tlsw_wr *w, const u8 *cert, size_t len)
{
	struct tlsw_wr_vec v;

	if (!len)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_vec_begin(w, 3, &v);
	tlsw_wr_bytes(w, cert, len);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_cert12);

/**
 * tlsw_build_client_key_exchange() - write a ClientKeyExchange
 * @w: the cursor
 * @kx: what the cipher suite exchanges
 * @exchange: our public value, or the EncryptedPreMasterSecret
 * @len: its length, within the bounds of tlsw_parse_client_key_exchange()
 */
void tlsw_build_client_key_exchange(struct tlsw_wr *w, enum tlsw_kx kx,
				    const u8 *exchange, size_t len)
{
	struct tlsw_wr_vec hs, v;

	if (!len && kx != TLSW_KX_RSA)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_hs_begin(w, TLSW_HS_CLIENT_KEY_EXCHANGE, &hs);
	tlsw_wr_vec_begin(w, kx == TLSW_KX_ECDHE ? 1 : 2, &v);
	tlsw_wr_bytes(w, exchange, len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_client_key_exchange);

/**
 * tlsw_build_ecdhe_params() - write ServerECDHParams
 * @w: the cursor
 * @group: the NamedCurve
 * @point: our public point, in the form ECPoint carries
 * @len: its length, 1 to 255
 *
 * RFC 8422 section 5.4, a named curve: the bytes ServerKeyExchange
 * carries and its signature covers, built apart so that they can be
 * signed before the message is.
 */
void tlsw_build_ecdhe_params(struct tlsw_wr *w, u16 group, const u8 *point,
			     size_t len)
{
	struct tlsw_wr_vec v;

	if (!len || len > 255)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_u8(w, TLSW_EC_NAMED_CURVE);
	tlsw_wr_u16(w, group);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, point, len);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ecdhe_params);

/* One of ServerDHParams' integers, opaque <1..2^16-1>. */
static void tlsw_build_dh_value(struct tlsw_wr *w, const u8 *v, size_t len)
{
	struct tlsw_wr_vec vec;

	if (!len || len > 0xffff)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_vec_begin(w, 2, &vec);
	tlsw_wr_bytes(w, v, len);
	tlsw_wr_vec_end(w, &vec);
}

/**
 * tlsw_build_dhe_params() - write ServerDHParams
 * @w: the cursor
 * @p: the prime, big-endian
 * @p_len: its length
 * @g: the generator, big-endian
 * @g_len: its length
 * @ys: our public value, big-endian
 * @ys_len: its length
 *
 * RFC 5246 section 7.4.3, each value 1 to 65535 bytes: the bytes
 * ServerKeyExchange carries and its signature covers, as
 * tlsw_build_ecdhe_params() writes them for ECDHE.
 */
void tlsw_build_dhe_params(struct tlsw_wr *w, const u8 *p, size_t p_len,
			   const u8 *g, size_t g_len, const u8 *ys,
			   size_t ys_len)
{
	tlsw_build_dh_value(w, p, p_len);
	tlsw_build_dh_value(w, g, g_len);
	tlsw_build_dh_value(w, ys, ys_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_dhe_params);

/**
 * tlsw_build_server_key_exchange() - write a ServerKeyExchange
 * @w: the cursor
 * @params: the key exchange parameters, as tlsw_build_ecdhe_params()
 *	or tlsw_build_dhe_params() wrote them
 * @params_len: their length
 * @scheme: the SignatureScheme of @sig
 * @sig: the signature over client_random || server_random || @params
 * @sig_len: its length, 0 to 65535
 */
void tlsw_build_server_key_exchange(struct tlsw_wr *w, const u8 *params,
				    size_t params_len, u16 scheme,
				    const u8 *sig, size_t sig_len)
{
	struct tlsw_wr_vec hs, v;

	tlsw_build_hs_begin(w, TLSW_HS_SERVER_KEY_EXCHANGE, &hs);
	tlsw_wr_bytes(w, params, params_len);
	tlsw_wr_u16(w, scheme);
	tlsw_wr_vec_begin(w, 2, &v);
	tlsw_wr_bytes(w, sig, sig_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_server_key_exchange);

/**
 * tlsw_build_server_hello_done() - write a ServerHelloDone
 * @w: the cursor
 */
void tlsw_build_server_hello_done(struct tlsw_wr *w)
{
	struct tlsw_wr_vec hs;

	tlsw_build_hs_begin(w, TLSW_HS_SERVER_HELLO_DONE, &hs);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_server_hello_done);

/**
 * tlsw_parse_new_session_ticket12() - parse a TLS 1.2 NewSessionTicket
 * @buf: the body, after the handshake header
 * @len: its length
 * @ticket: the ticket, pointing into @buf; empty if the server sends
 *	none after all (RFC 5077 3.3)
 * @alert: the alert to send on failure
 *
 * The ticket_lifetime_hint is read and left: a tlshake client keeps no
 * session, its caller does.
 *
 * Return: 0, or -EBADMSG (decode_error).
 */
int tlsw_parse_new_session_ticket12(const u8 *buf, size_t len,
				    struct tlsw_slice *ticket,
				    enum tlsw_alert *alert)
{
	struct tlsw_slice r;
	u32 lifetime_hint;

	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u32(&r, &lifetime_hint) ||
	    tlsw_rd_vec(&r, 2, 0, 0xffff, ticket) || tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_new_session_ticket12);

/**
 * tlsw_build_new_session_ticket12() - write a TLS 1.2 NewSessionTicket
 * @w: the cursor
 * @lifetime_hint: ticket_lifetime_hint, seconds (0: unspecified)
 * @ticket: the ticket
 * @len: its length, at most 65535
 *
 * RFC 5077 3.3.
 */
void tlsw_build_new_session_ticket12(struct tlsw_wr *w, u32 lifetime_hint,
				     const u8 *ticket, size_t len)
{
	struct tlsw_wr_vec hs, v;

	if (len > 0xffff)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_hs_begin(w, TLSW_HS_NEW_SESSION_TICKET, &hs);
	tlsw_wr_u32(w, lifetime_hint);
	tlsw_wr_vec_begin(w, 2, &v);
	tlsw_wr_bytes(w, ticket, len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_new_session_ticket12);

/**
 * tlsw_build_certificate_request12() - write a TLS 1.2 CertificateRequest
 * @w: the cursor
 * @cert_types: the ClientCertificateTypes, 1 to 255 of them
 * @n_types: how many
 * @sig_algs: supported_signature_algorithms, 1 to 32767 of them
 * @n_algs: how many
 * @names: the DistinguishedNames (DER Names) of the CAs we accept, each 1
 *	to 65535 bytes
 * @n_names: how many, 0 for none
 * @reserve: bytes of @w to leave free for what follows the message
 *
 * RFC 5246 section 7.4.4.  The names only help the client choose, and an
 * empty list lets it send any certificate: rather than fail the message,
 * the list is left empty when it would outgrow its 2-byte length or leave
 * less than @reserve bytes of room.  A name the encoding cannot carry
 * fails the cursor with -EINVAL.
 *
 * Return: true if the names were written.
 */
bool tlsw_build_certificate_request12(struct tlsw_wr *w, const u8 *cert_types,
				      size_t n_types, const u16 *sig_algs,
				      size_t n_algs,
				      const struct tlsw_slice *names,
				      size_t n_names, size_t reserve)
{
	struct tlsw_wr_vec hs, v, name;
	size_t total = 0, i;
	bool fits;

	if (!n_types || n_types > 255 || !n_algs || n_algs > 0x7fff)
		tlsw_wr_fail(w, -EINVAL);
	for (i = 0; i < n_names; i++) {
		if (!names[i].len || names[i].len > 0xffff)
			tlsw_wr_fail(w, -EINVAL);
		total += 2 + names[i].len;
	}
	tlsw_build_hs_begin(w, TLSW_HS_CERTIFICATE_REQUEST, &hs);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, cert_types, n_types);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 2, &v);
	for (i = 0; i < n_algs; i++)
		tlsw_wr_u16(w, sig_algs[i]);
	tlsw_wr_vec_end(w, &v);

	/* The list's length, its names, and the room kept after them. */
	fits = total <= 0xffff && w->size - w->len >= 2 + total &&
	       w->size - w->len - 2 - total >= reserve;
	tlsw_wr_vec_begin(w, 2, &v);
	for (i = 0; fits && i < n_names; i++) {
		tlsw_wr_vec_begin(w, 2, &name);
		tlsw_wr_bytes(w, names[i].data, names[i].len);
		tlsw_wr_vec_end(w, &name);
	}
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_end(w, &hs);
	return fits && n_names && !tlsw_wr_error(w);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_certificate_request12);
