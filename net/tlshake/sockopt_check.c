// SPDX-License-Identifier: GPL-2.0
/*
 * Checks of the values userspace gives the SOL_TLSHAKE options.
 *
 * They refuse what can never be meant, early and with EINVAL, so that the
 * handshake does not fail later for a reason the caller cannot see: a
 * list with duplicates, a host name that is not one, an ALPN list or a
 * certificate list whose lengths do not add up, PEM where DER belongs.
 * What a value means (a certificate's content, a key's type) is left to
 * the handshake's own parsers.
 */

#include <linux/tlshake.h>

#include "pure.h"
#include "sockopt_check.h"
#include "wire.h"

/**
 * tlshake_check_code_points - check a list of TLS code points
 * @list: cipher suites, groups or signature schemes
 * @count: entries in @list
 *
 * Return: 0 if @list has 1 to %TLSHAKE_LIST_MAX entries, none of them
 * zero and none repeated; -EINVAL otherwise.
 */
int tlshake_check_code_points(const u16 *list, unsigned int count)
{
	unsigned int i, j;

	if (!count || count > TLSHAKE_LIST_MAX)
		return -EINVAL;
	for (i = 0; i < count; i++) {
		if (!list[i])
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (list[j] == list[i])
				return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_code_points);

static bool tlshake_is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/**
 * tlshake_check_server_name - check a host name for SNI
 * @name: the name, not NUL-terminated
 * @len: bytes in @name
 *
 * RFC 6066 3 wants a DNS host name without a trailing dot, and no IP
 * literal.  Accept dot-separated labels of 1 to 63 letters, digits,
 * hyphens and underscores (seen in the wild), no label starting or ending
 * with a hyphen, and a last label that is not all digits (RFC 3696 2),
 * which also refuses IPv4 literals; IPv6 literals fail on the colon.
 *
 * Return: 0 if @name is such a name of at most %TLSHAKE_SERVER_NAME_MAX
 * bytes, -EINVAL otherwise.
 */
int tlshake_check_server_name(const char *name, unsigned int len)
{
	unsigned int i, label = 0;
	bool digits = true;

	if (!len || len > TLSHAKE_SERVER_NAME_MAX)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		char c = name[i];

		if (c == '.') {
			if (!label || name[i - 1] == '-')
				return -EINVAL;
			label = 0;
			digits = true;
			continue;
		}
		if (c == '-') {
			if (!label)
				return -EINVAL;
		} else if (c != '_' && !tlshake_is_alnum(c)) {
			return -EINVAL;
		}
		if (++label > 63)
			return -EINVAL;
		if (c < '0' || c > '9')
			digits = false;
	}
	if (!label || name[len - 1] == '-' || digits)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_server_name);

/**
 * tlshake_check_alpn - check an ALPN protocol_name_list
 * @list: the list in wire form, without its two-byte length: each name
 *	preceded by its one-byte length
 * @len: bytes in @list
 *
 * Return: 0 if @list is a sequence of non-empty names that fills exactly
 * @len bytes, at most %TLSHAKE_ALPN_LIST_MAX; -EINVAL otherwise.
 */
int tlshake_check_alpn(const u8 *list, unsigned int len)
{
	unsigned int off = 0;

	if (len < 2 || len > TLSHAKE_ALPN_LIST_MAX)
		return -EINVAL;
	while (off < len) {
		unsigned int n = list[off];

		if (!n || n > len - off - 1)
			return -EINVAL;
		off += 1 + n;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_alpn);

/**
 * tlshake_check_der_sequence - check that bytes hold one DER SEQUENCE
 * @der: the bytes
 * @len: bytes in @der
 *
 * Certificates and private keys (PKCS#8, SEC1, PKCS#1) are each one DER
 * SEQUENCE.  Check the tag and that its minimally encoded definite length
 * covers exactly @len bytes; this catches PEM, truncation and junk.
 *
 * Return: 0 if so, -EINVAL otherwise.
 */
int tlshake_check_der_sequence(const u8 *der, unsigned int len)
{
	unsigned int hdr, n, body, i;

	if (len < 2 || der[0] != 0x30)
		return -EINVAL;
	if (der[1] < 0x80) {
		hdr = 2;
		body = der[1];
	} else {
		/* Long form: 1 to 3 length bytes, no leading zero, and
		 * used only for lengths the short form cannot express.
		 */
		n = der[1] & 0x7f;
		if (n < 1 || n > 3 || len < 2 + n || !der[2])
			return -EINVAL;
		hdr = 2 + n;
		body = 0;
		for (i = 0; i < n; i++)
			body = body << 8 | der[2 + i];
		if (body < 0x80)
			return -EINVAL;
	}
	return body == len - hdr ? 0 : -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_der_sequence);

/**
 * tlshake_check_cert_list - check a list of DER certificates
 * @list: certificates, each preceded by a three-byte big-endian length
 * @len: bytes in @list
 *
 * Return: 0 if @list is a non-empty sequence of such entries that fills
 * exactly @len bytes, each a DER SEQUENCE; -EINVAL otherwise.
 */
int tlshake_check_cert_list(const u8 *list, unsigned int len)
{
	unsigned int off = 0;

	if (!len)
		return -EINVAL;
	while (off < len) {
		unsigned int n;

		if (len - off < 3)
			return -EINVAL;
		n = get_unaligned_be24(list + off);
		off += 3;
		if (n > len - off ||
		    tlshake_check_der_sequence(list + off, n))
			return -EINVAL;
		off += n;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_cert_list);

/**
 * tlshake_check_session - check a TLS 1.2 session to resume
 * @session: what a handshake gave as its session
 * @len: bytes at @session
 *
 * Return: 0 if @session parses as one (tlsw_parse_session()); -EINVAL
 * otherwise.
 */
int tlshake_check_session(const u8 *session, unsigned int len)
{
	struct tlsw_session s;

	return tlsw_parse_session(session, len, &s);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_check_session);
