// SPDX-License-Identifier: GPL-2.0
/*
 * Host-name verification (RFC 6125) against a certificate's
 * subjectAltName: dNSName with a left-most-label wildcard, iPAddress for
 * IP literals, and no fallback to the subject's common name.  Pure code
 * (see pure.h).
 */

#include "x509.h"

static bool x509_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int x509_hex_digit(char c)
{
	if (x509_is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static char x509_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* A dotted-quad IPv4 address: four decimal numbers up to 255, without
 * leading zeros, which some resolvers read as octal.
 */
static bool x509_parse_ipv4(const char *s, size_t len, u8 addr[4])
{
	size_t i = 0;
	int part;

	for (part = 0; part < 4; part++) {
		unsigned int val = 0, digits = 0;

		if (part) {
			if (i >= len || s[i] != '.')
				return false;
			i++;
		}
		while (i < len && x509_is_digit(s[i]) && digits < 4) {
			val = val * 10 + (s[i] - '0');
			digits++;
			i++;
		}
		if (!digits || digits > 3 || val > 255 ||
		    (digits > 1 && s[i - digits] == '0'))
			return false;
		addr[part] = val;
	}
	return i == len;
}

/* An IPv6 address in the text forms of RFC 4291 2.2: eight groups of up
 * to four hex digits, one "::" standing for one or more zero groups, and
 * optionally a dotted-quad IPv4 address in the last 32 bits.  No zone.
 */
static bool x509_parse_ipv6(const char *s, size_t len, u8 addr[16])
{
	int gap = -1, n = 0;
	size_t i = 0;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		gap = 0;
		i = 2;
	} else if (len && s[0] == ':') {
		return false;
	}
	while (i < len) {
		unsigned int val = 0, digits = 0;
		size_t start = i;
		int d;

		if (n == 8)
			return false;
		while (i < len && digits < 5 && (d = x509_hex_digit(s[i])) >= 0) {
			val = val << 4 | d;
			digits++;
			i++;
		}
		if (i < len && s[i] == '.') {
			/* The embedded IPv4 address ends the string. */
			if (n > 6 || !x509_parse_ipv4(s + start, len - start,
						      addr + 2 * n))
				return false;
			n += 2;
			i = len;
			break;
		}
		if (!digits || digits > 4)
			return false;
		addr[2 * n] = val >> 8;
		addr[2 * n + 1] = val;
		n++;
		if (i == len)
			break;
		if (s[i] != ':' || ++i == len)
			return false;
		if (s[i] == ':') {
			if (gap >= 0)
				return false;
			gap = n;
			i++;
		}
	}
	if (gap < 0)
		return n == 8;
	if (n == 8)
		return false;
	/* Move the groups after the gap to the end, zero the gap. */
	memmove(addr + 16 - 2 * (n - gap), addr + 2 * gap, 2 * (n - gap));
	memset(addr + 2 * gap, 0, 16 - 2 * n);
	return true;
}

/**
 * tlshake_x509_parse_ip() - parse an IP address literal
 * @s: the text, not NUL-terminated
 * @len: its length
 * @addr: the address in network order
 *
 * Return: 4 for an IPv4 address, 16 for an IPv6 address, 0 if @s is
 * neither.
 */
unsigned int tlshake_x509_parse_ip(const char *s, size_t len, u8 addr[16])
{
	if (x509_parse_ipv4(s, len, addr))
		return 4;
	if (x509_parse_ipv6(s, len, addr))
		return 16;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_parse_ip);

/* A reference host name (RFC 6125 6.2.1): letter-digit-hyphen labels of
 * 1 to 63 characters (and '_', which some names carry), at most 253
 * characters, separated by single dots.  A final dot (an absolute name)
 * has been stripped.
 */
static bool x509_dns_name_valid(const char *s, size_t len)
{
	size_t i, label = 0;

	if (!len || len > 253)
		return false;
	for (i = 0; i < len; i++) {
		char c = x509_lower(s[i]);

		if (c == '.') {
			if (!label)
				return false;
			label = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || x509_is_digit(c) || c == '-' ||
		      c == '_') || ++label > 63)
			return false;
	}
	return label;
}

static bool x509_ascii_eq(const char *a, const char *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (x509_lower(a[i]) != x509_lower(b[i]))
			return false;
	return true;
}

/**
 * tlshake_x509_dns_match() - match a reference host name to a presented dNSName
 * @pattern: the dNSName from the certificate
 * @pattern_len: its length
 * @host: the reference name, valid (letters, digits, '-', '_', dots) and
 *	without a final dot
 * @host_len: its length
 *
 * The comparison is case-insensitive ASCII.  A wildcard is accepted only
 * as the whole left-most label ("*.example.com") of a pattern with at
 * least three labels, so "*.com" matches nothing, and it stands for
 * exactly one non-empty label: "*.example.com" matches "www.example.com"
 * but neither "example.com" nor "a.b.example.com".  Partial-label
 * wildcards ("w*.example.com") match nothing.
 *
 * Return: whether @host matches @pattern.
 */
bool tlshake_x509_dns_match(const u8 *pattern, size_t pattern_len,
			    const char *host, size_t host_len)
{
	const char *p = (const char *)pattern;
	const char *dot;

	if (!pattern_len || memchr(p, '\0', pattern_len))
		return false;
	if (p[0] != '*') {
		if (memchr(p, '*', pattern_len))
			return false;
		return pattern_len == host_len &&
		       x509_ascii_eq(p, host, host_len);
	}

	/* "*." followed by a name with at least two labels, no more '*'. */
	if (pattern_len < 2 || p[1] != '.' ||
	    memchr(p + 1, '*', pattern_len - 1))
		return false;
	p += 1;
	pattern_len -= 1;
	dot = memchr(p + 1, '.', pattern_len - 1);
	if (!dot || dot == p + 1 || dot == p + pattern_len - 1)
		return false;

	/* The host's first label is non-empty; the rest must equal ".rest". */
	dot = memchr(host, '.', host_len);
	if (!dot || dot == host)
		return false;
	return (size_t)(host + host_len - dot) == pattern_len &&
	       x509_ascii_eq(p, dot, pattern_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_dns_match);

/**
 * tlshake_x509_check_host() - verify a certificate for a host name or IP address
 * @cert: the parsed end-entity certificate
 * @name: the name the client was given (SNI or a verify name): a host
 *	name, an IPv4 dotted quad or an IPv6 address; not NUL-terminated
 * @name_len: its length
 *
 * An IP address matches only an iPAddress entry of the subjectAltName,
 * byte for byte; a host name matches only a dNSName entry, as
 * tlshake_x509_dns_match() says.  A single final dot of the host name is
 * ignored.  The subject's common name is never consulted (RFC 6125 6.4.4
 * permits it only without a subjectAltName; RFC 9525 drops it), so a
 * certificate without a subjectAltName matches nothing.
 *
 * Return: 0 if @cert is valid for @name, -EACCES if not, -EINVAL if @name
 * is neither a valid host name nor an IP address.
 */
int tlshake_x509_check_host(const struct tlshake_x509_cert *cert,
			    const char *name, size_t name_len)
{
	struct tlshake_x509_gn gn;
	struct tlshake_der it;
	unsigned int ip_len;
	u8 ip[16];

	ip_len = tlshake_x509_parse_ip(name, name_len, ip);
	if (!ip_len) {
		if (name_len && name[name_len - 1] == '.')
			name_len--;
		if (!x509_dns_name_valid(name, name_len))
			return -EINVAL;
	}

	tlshake_x509_san_init(&it, cert);
	while (tlshake_x509_san_next(&it, &gn)) {
		if (ip_len) {
			if (gn.type == TLSHAKE_X509_GN_IP && gn.len == ip_len &&
			    !memcmp(gn.data, ip, ip_len))
				return 0;
		} else if (gn.type == TLSHAKE_X509_GN_DNS &&
			   tlshake_x509_dns_match(gn.data, gn.len, name,
						  name_len)) {
			return 0;
		}
	}
	return -EACCES;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_check_host);
