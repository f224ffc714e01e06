// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the authentication messages (RFC 8446 section 4.4): the TLS 1.3
 * Certificate, CertificateVerify and Finished.
 */

#include "wire.h"

/**
 * tlsw_parse_certificate() - parse a TLS 1.3 Certificate body
 * @buf: the body, after the handshake header
 * @len: its length
 * @cert: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Every CertificateEntry is checked, its extension block included: as we
 * request none of the extensions a CertificateEntry may answer (OCSP
 * status, SCTs), any extension there is refused.  Left to the engine:
 * what an empty list means (RFC 8446 section 4.4.2.4: decode_error from
 * a server, the server's policy from a client), and the context.
 *
 * Return: 0, or a negative errno with @alert set (see wire.h).
 */
int tlsw_parse_certificate(const u8 *buf, size_t len,
			   struct tlsw_certificate *cert,
			   enum tlsw_alert *alert)
{
	struct tlsw_slice r, it, data, exts;
	struct tlsw_exts parsed;
	int err;

	memset(cert, 0, sizeof(*cert));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_vec(&r, 1, 0, 255, &cert->context) ||
	    tlsw_rd_vec(&r, 3, 0, 0xffffff, &cert->entries) ||
	    tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);

	it = cert->entries;
	while (it.len) {
		if (tlsw_rd_vec(&it, 3, 1, 0xffffff, &data) ||
		    tlsw_rd_vec(&it, 2, 0, 0xffff, &exts))
			return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
		err = tlsw_parse_extensions(exts.data, exts.len, TLSW_CTX_CT,
					    &parsed, alert);
		if (err)
			return err;
		cert->count++;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_certificate);

/**
 * tlsw_cert_entry_next() - read the next CertificateEntry
 * @it: the rest of the list; start with a copy of tlsw_certificate.entries
 * @entry: the entry
 *
 * The first entry is the end-entity certificate.
 *
 * Return: true with @entry set, false at the end of the list.
 */
bool tlsw_cert_entry_next(struct tlsw_slice *it, struct tlsw_cert_entry *entry)
{
	if (tlsw_rd_vec(it, 3, 1, 0xffffff, &entry->cert) ||
	    tlsw_rd_vec(it, 2, 0, 0xffff, &entry->extensions)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_cert_entry_next);

/**
 * tlsw_parse_certificate_verify() - parse a CertificateVerify body
 * @buf: the body, after the handshake header
 * @len: its length
 * @cv: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Left to the engine: that the scheme is one it offered and fits the
 * certificate (illegal_parameter), and the signature (decrypt_error).
 *
 * Return: 0, or -EBADMSG (decode_error).
 */
int tlsw_parse_certificate_verify(const u8 *buf, size_t len,
				  struct tlsw_certificate_verify *cv,
				  enum tlsw_alert *alert)
{
	struct tlsw_slice r;

	memset(cv, 0, sizeof(*cv));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u16(&r, &cv->scheme) ||
	    tlsw_rd_vec(&r, 2, 0, 0xffff, &cv->signature) ||
	    tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_certificate_verify);

/**
 * tlsw_parse_finished() - parse a Finished body
 * @buf: the body, after the handshake header
 * @len: its length
 * @verify_len: the length of the negotiated hash (12 in TLS 1.2)
 * @verify_data: the verify_data, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Left to the engine: comparing @verify_data in constant time
 * (decrypt_error).
 *
 * Return: 0, or -EBADMSG (decode_error) if @len is not @verify_len.
 */
int tlsw_parse_finished(const u8 *buf, size_t len, size_t verify_len,
			struct tlsw_slice *verify_data,
			enum tlsw_alert *alert)
{
	if (len != verify_len)
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	tlsw_slice_init(verify_data, buf, len);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_finished);

/**
 * tlsw_build_certificate_begin() - start a TLS 1.3 Certificate
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @context: certificate_request_context (may be NULL when @context_len
 *	is 0): empty from a server, the CertificateRequest's from a client
 * @context_len: 0 to 255
 *
 * The certificate list is left open for tlsw_build_cert_entry(), the
 * end-entity certificate first.
 */
void tlsw_build_certificate_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				  const u8 *context, size_t context_len)
{
	struct tlsw_wr_vec v;

	tlsw_build_hs_begin(w, TLSW_HS_CERTIFICATE, &m->hs);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, context, context_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 3, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_certificate_begin);

/**
 * tlsw_build_cert_entry() - append a CertificateEntry without extensions
 * @w: the cursor
 * @cert: the DER certificate
 * @len: its length, 1 to 2^24 - 1
 */
void tlsw_build_cert_entry(struct tlsw_wr *w, const u8 *cert, size_t len)
{
	struct tlsw_wr_vec v;

	if (!len)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_vec_begin(w, 3, &v);
	tlsw_wr_bytes(w, cert, len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_u16(w, 0);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_cert_entry);

/**
 * tlsw_build_certificate_verify() - write a CertificateVerify
 * @w: the cursor
 * @scheme: SignatureScheme
 * @sig: the signature
 * @len: its length, at most 65535
 */
void tlsw_build_certificate_verify(struct tlsw_wr *w, u16 scheme,
				   const u8 *sig, size_t len)
{
	struct tlsw_wr_vec hs, v;

	tlsw_build_hs_begin(w, TLSW_HS_CERTIFICATE_VERIFY, &hs);
	tlsw_wr_u16(w, scheme);
	tlsw_wr_vec_begin(w, 2, &v);
	tlsw_wr_bytes(w, sig, len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_certificate_verify);

/**
 * tlsw_build_finished() - write a Finished
 * @w: the cursor
 * @verify_data: the verify_data
 * @len: its length
 */
void tlsw_build_finished(struct tlsw_wr *w, const u8 *verify_data,
			 size_t len)
{
	struct tlsw_wr_vec hs;

	tlsw_build_hs_begin(w, TLSW_HS_FINISHED, &hs);
	tlsw_wr_bytes(w, verify_data, len);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_finished);
