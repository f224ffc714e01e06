// SPDX-License-Identifier: GPL-2.0
/*
 * The identity a peer's certificate names, for the report: its subject
 * (RFC 5280 4.1.2.6) and its subjectAltName entries (4.2.1.6).  Only what
 * is worth printing is decoded; anything malformed just ends the walk.
 */

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "tlshake.h"

static const struct {
	uint8_t oid;		/* the last arc of 2.5.4.x */
	const char *name;
} attr_names[] = {
	{ 3, "CN" }, { 5, "serialNumber" }, { 6, "C" }, { 7, "L" },
	{ 8, "ST" }, { 10, "O" }, { 11, "OU" },
};

/* 2.5.4 (id-at) and 2.5.29.17 (subjectAltName), DER-encoded. */
static const uint8_t oid_at[] = { 0x55, 0x04 };
static const uint8_t oid_san[] = { 0x55, 0x1d, 0x11 };

/* Append to @out (of @size, always NUL-terminated) printf-style. */
static void add(char *out, size_t size, const char *fmt, const char *a,
		const uint8_t *val, size_t val_len)
{
	size_t used = strlen(out), i;
	char text[256];

	if (val_len >= sizeof(text))
		val_len = sizeof(text) - 1;
	for (i = 0; i < val_len; i++)
		text[i] = val[i] >= 0x20 && val[i] < 0x7f ? val[i] : '?';
	text[val_len] = '\0';
	if (used < size)
		snprintf(out + used, size - used, fmt, used ? ", " : "", a,
			 text);
}

static void subject(const uint8_t *p, const uint8_t *end, char *out,
		    size_t size)
{
	const uint8_t *set, *atv, *oid, *val;
	size_t set_len, atv_len, oid_len, val_len, n, i;
	uint8_t tag;

	/* RDNSequence: SET OF SEQUENCE { type OID, value ANY } */
	while ((n = der_tlv(p, end, &tag, &set, &set_len)) && tag == 0x31) {
		p += n;
		if (!der_tlv(set, set + set_len, &tag, &atv, &atv_len) ||
		    tag != 0x30)
			return;
		n = der_tlv(atv, atv + atv_len, &tag, &oid, &oid_len);
		if (!n || tag != 0x06 ||
		    !der_tlv(atv + n, atv + atv_len, &tag, &val, &val_len))
			return;
		if (oid_len != 3 || memcmp(oid, oid_at, sizeof(oid_at)))
			continue;
		for (i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
			if (attr_names[i].oid == oid[2])
				add(out, size, "%s%s=%s", attr_names[i].name,
				    val, val_len);
	}
}

static void alt_names(const uint8_t *p, const uint8_t *end, char *out,
		      size_t size)
{
	const uint8_t *val;
	char ip[INET6_ADDRSTRLEN];
	size_t val_len, n;
	uint8_t tag;

	/* GeneralNames: dNSName [2], iPAddress [7]; the rest is skipped. */
	while ((n = der_tlv(p, end, &tag, &val, &val_len))) {
		p += n;
		if (tag == 0x82) {
			add(out, size, "%s%s%s", "DNS:", val, val_len);
		} else if (tag == 0x87 && (val_len == 4 || val_len == 16)) {
			inet_ntop(val_len == 4 ? AF_INET : AF_INET6, val, ip,
				  sizeof(ip));
			add(out, size, "%s%s%s", "IP:", (const uint8_t *)ip,
			    strlen(ip));
		}
	}
}

/* Find subjectAltName among the [3] extensions and read its names. */
static void extensions(const uint8_t *p, const uint8_t *end, char *out,
		       size_t size)
{
	const uint8_t *ext, *oid, *val, *names;
	size_t ext_len, oid_len, val_len, names_len, n, m;
	uint8_t tag;

	while ((n = der_tlv(p, end, &tag, &ext, &ext_len)) && tag == 0x30) {
		p += n;
		m = der_tlv(ext, ext + ext_len, &tag, &oid, &oid_len);
		if (!m || tag != 0x06 || oid_len != sizeof(oid_san) ||
		    memcmp(oid, oid_san, sizeof(oid_san)))
			continue;
		ext += m;
		ext_len -= m;
		/* critical BOOLEAN DEFAULT FALSE, then the OCTET STRING */
		m = der_tlv(ext, ext + ext_len, &tag, &val, &val_len);
		if (m && tag == 0x01) {
			ext += m;
			ext_len -= m;
			m = der_tlv(ext, ext + ext_len, &tag, &val, &val_len);
		}
		if (!m || tag != 0x04 ||
		    !der_tlv(val, val + val_len, &tag, &names, &names_len) ||
		    tag != 0x30)
			return;
		alt_names(names, names + names_len, out, size);
		return;
	}
}

/**
 * cert_identity - the subject and alternative names of a certificate
 * @cert: the DER certificate
 * @len: its length
 * @subj: receives the subject ("CN=..., O=..."), "" if none is found
 * @subj_size: room at @subj
 * @names: receives the subjectAltNames ("DNS:..., IP:..."), "" if none
 * @names_size: room at @names
 */
void cert_identity(const uint8_t *cert, size_t len, char *subj,
		   size_t subj_size, char *names, size_t names_size)
{
	const uint8_t *end = cert + len, *body, *p, *field;
	size_t body_len, field_len, n;
	uint8_t tag;
	int i;

	*subj = '\0';
	*names = '\0';
	if (!der_tlv(cert, end, &tag, &body, &body_len) || tag != 0x30 ||
	    !der_tlv(body, body + body_len, &tag, &body, &body_len) ||
	    tag != 0x30)
		return;
	p = body;
	end = body + body_len;
	if (p < end && *p == 0xa0)
		p += der_tlv(p, end, &tag, &field, &field_len);
	/* serialNumber, signature, issuer, validity, subject */
	for (i = 0; i < 5; i++) {
		n = der_tlv(p, end, &tag, &field, &field_len);
		if (!n)
			return;
		p += n;
	}
	if (tag == 0x30)
		subject(field, field + field_len, subj, subj_size);
	/* subjectPublicKeyInfo, [1], [2], then [3] extensions */
	while ((n = der_tlv(p, end, &tag, &field, &field_len))) {
		p += n;
		if (tag == 0xa3 &&
		    der_tlv(field, field + field_len, &tag, &body, &body_len) &&
		    tag == 0x30)
			extensions(body, body + body_len, names, names_size);
	}
}
