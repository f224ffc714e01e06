// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the record layer's framing (RFC 8446 section 5): record
 * headers, the TLS 1.3 inner plaintext, and alert messages (section 6).
 */

#include "wire.h"

/**
 * tlsw_parse_record_header() - parse the 5-byte header of a record
 * @buf: the header
 * @len: bytes at @buf, at least TLSW_RECORD_HEADER_LEN
 * @max_len: largest fragment the caller accepts in this state:
 *	TLSW_MAX_PLAINTEXT for a record not protected,
 *	TLSW_MAX_CIPHERTEXT13 for a protected TLS 1.3 record,
 *	TLSW_MAX_CIPHERTEXT12 for a protected TLS 1.2 record
 * @hdr: the parsed header
 * @alert: the alert to send on failure
 *
 * legacy_record_version is returned, not checked: RFC 8446 section 5.1
 * has it ignored, and a TLS 1.2 engine checks it against the version it
 * negotiated.
 *
 * Return: 0; -EBADMSG (decode_error) if @len is short; -EPROTO
 * (unexpected_message) for an unknown content type; -EMSGSIZE
 * (record_overflow) for a fragment longer than @max_len.
 */
int tlsw_parse_record_header(const u8 *buf, size_t len, size_t max_len,
			     struct tlsw_record_header *hdr,
			     enum tlsw_alert *alert)
{
	if (len < TLSW_RECORD_HEADER_LEN)
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);

	hdr->type = buf[0];
	hdr->version = get_unaligned_be16(buf + 1);
	hdr->len = get_unaligned_be16(buf + 3);

	switch (hdr->type) {
	case TLSW_CT_CHANGE_CIPHER_SPEC:
	case TLSW_CT_ALERT:
	case TLSW_CT_HANDSHAKE:
	case TLSW_CT_APPLICATION_DATA:
		break;
	default:
		return tlsw_fail(alert, TLSW_ALERT_UNEXPECTED_MESSAGE);
	}
	if (hdr->len > max_len)
		return tlsw_fail(alert, TLSW_ALERT_RECORD_OVERFLOW);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_record_header);

/**
 * tlsw_build_record_header() - write a record header
 * @w: the cursor
 * @type: ContentType
 * @version: legacy_record_version
 * @len: length of the fragment that will follow
 */
void tlsw_build_record_header(struct tlsw_wr *w, u8 type, u16 version,
			      u16 len)
{
	tlsw_wr_u8(w, type);
	tlsw_wr_u16(w, version);
	tlsw_wr_u16(w, len);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_record_header);

/**
 * tlsw_parse_inner_plaintext() - find the content of a decrypted record
 * @buf: the decrypted TLSInnerPlaintext
 * @len: its length
 * @type: the real content type
 * @content_len: length of the content, which starts at @buf
 * @alert: the alert to send on failure
 *
 * TLSInnerPlaintext is the content, its type byte, then zero padding
 * (RFC 8446 section 5.4).  The type is the last non-zero byte.  Only
 * alerts, handshake messages and application data may be protected.
 *
 * Return: 0; -EMSGSIZE (record_overflow) if @len is above 2^14 + 1;
 * -EPROTO (unexpected_message) if no byte is non-zero or the type is not
 * one that may be protected.
 */
int tlsw_parse_inner_plaintext(const u8 *buf, size_t len, u8 *type,
			       size_t *content_len, enum tlsw_alert *alert)
{
	size_t i = len;

	if (len > TLSW_MAX_PLAINTEXT + 1)
		return tlsw_fail(alert, TLSW_ALERT_RECORD_OVERFLOW);
	while (i && !buf[i - 1])
		i--;
	if (!i)
		return tlsw_fail(alert, TLSW_ALERT_UNEXPECTED_MESSAGE);

	switch (buf[i - 1]) {
	case TLSW_CT_ALERT:
	case TLSW_CT_HANDSHAKE:
	case TLSW_CT_APPLICATION_DATA:
		break;
	default:
		return tlsw_fail(alert, TLSW_ALERT_UNEXPECTED_MESSAGE);
	}
	*type = buf[i - 1];
	*content_len = i - 1;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_inner_plaintext);

/**
 * tlsw_parse_alert() - parse the fragment of an alert record
 * @buf: the fragment
 * @len: its length
 * @level: AlertLevel
 * @desc: AlertDescription
 * @alert: the alert to send on failure
 *
 * An alert record carries exactly one alert: RFC 8446 section 5.1 forbids
 * fragmenting and coalescing them.  What a received alert means (RFC 8446
 * treats all but close_notify and user_canceled as fatal whatever their
 * level) is for the engine.
 *
 * Return: 0; -EBADMSG (decode_error) if @len is not 2; -EINVAL
 * (illegal_parameter) for a level other than warning or fatal.
 */
int tlsw_parse_alert(const u8 *buf, size_t len, u8 *level, u8 *desc,
		     enum tlsw_alert *alert)
{
	if (len != 2)
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	if (buf[0] != TLSW_ALERT_LEVEL_WARNING &&
	    buf[0] != TLSW_ALERT_LEVEL_FATAL)
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	*level = buf[0];
	*desc = buf[1];
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_alert);

/**
 * tlsw_build_alert() - write an alert message
 * @w: the cursor
 * @level: AlertLevel
 * @desc: AlertDescription
 */
void tlsw_build_alert(struct tlsw_wr *w, u8 level, u8 desc)
{
	tlsw_wr_u8(w, level);
	tlsw_wr_u8(w, desc);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_alert);
