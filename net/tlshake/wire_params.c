// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the server parameters (RFC 8446 section 4.3):
 * EncryptedExtensions and the TLS 1.3 CertificateRequest.
 */

#include "wire.h"

/**
 * tlsw_parse_encrypted_extensions() - parse an EncryptedExtensions body
 * @buf: the body, after the handshake header
 * @len: its length
 * @ext: its recognised extensions, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Left to the engine: that each extension answers one we sent.
 *
 * Return: 0, or a negative errno with @alert set (see wire.h).
 */
int tlsw_parse_encrypted_extensions(const u8 *buf, size_t len,
				    struct tlsw_exts *ext,
				    enum tlsw_alert *alert)
{
	struct tlsw_slice r, block;

	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_vec(&r, 2, 0, 0xffff, &block) || tlsw_rd_end(&r)) {
		memset(ext, 0, sizeof(*ext));
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	}
	return tlsw_parse_extensions(block.data, block.len, TLSW_CTX_EE, ext,
				     alert);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_encrypted_extensions);

/**
 * tlsw_parse_certificate_request() - parse a TLS 1.3 CertificateRequest body
 * @buf: the body, after the handshake header
 * @len: its length
 * @cr: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * signature_algorithms is mandatory (RFC 8446 section 4.3.2); unknown
 * extensions are skipped.  Left to the engine: that the context is empty
 * during the handshake, unique after it.
 *
 * Return: 0, or a negative errno with @alert set (see wire.h);
 * missing_extension without signature_algorithms.
 */
int tlsw_parse_certificate_request(const u8 *buf, size_t len,
				   struct tlsw_certificate_request *cr,
				   enum tlsw_alert *alert)
{
	struct tlsw_slice r, block;
	int err;

	memset(cr, 0, sizeof(*cr));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_vec(&r, 1, 0, 255, &cr->context) ||
	    tlsw_rd_vec(&r, 2, 2, 0xffff, &block) || tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	err = tlsw_parse_extensions(block.data, block.len, TLSW_CTX_CR,
				    &cr->ext, alert);
	if (err)
		return err;
	if (!tlsw_exts_has(&cr->ext, TLSW_EXTB_SIGNATURE_ALGORITHMS))
		return tlsw_fail(alert, TLSW_ALERT_MISSING_EXTENSION);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_certificate_request);

/**
 * tlsw_build_encrypted_extensions_begin() - start an EncryptedExtensions
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 */
void tlsw_build_encrypted_extensions_begin(struct tlsw_wr *w,
					   struct tlsw_msg_wr *m)
{
	tlsw_build_hs_begin(w, TLSW_HS_ENCRYPTED_EXTENSIONS, &m->hs);
	tlsw_wr_vec_begin(w, 2, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_encrypted_extensions_begin);

/**
 * tlsw_build_certificate_request_begin() - start a CertificateRequest
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @context: certificate_request_context (may be NULL when @context_len
 *	is 0)
 * @context_len: 0 to 255
 *
 * The extension block is left open; it must get signature_algorithms.
 */
void tlsw_build_certificate_request_begin(struct tlsw_wr *w,
					  struct tlsw_msg_wr *m,
					  const u8 *context, size_t context_len)
{
	struct tlsw_wr_vec v;

	tlsw_build_hs_begin(w, TLSW_HS_CERTIFICATE_REQUEST, &m->hs);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, context, context_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 2, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_certificate_request_begin);
