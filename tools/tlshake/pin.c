// SPDX-License-Identifier: GPL-2.0
/*
 * Public-key pins: the SHA-256 of a certificate's DER SubjectPublicKeyInfo,
 * as `openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256sum`
 * computes it.  SHA-256 is FIPS 180-4; the certificate is walked just far
 * enough to find the SubjectPublicKeyInfo (RFC 5280 4.1).
 */

#include <ctype.h>
#include <string.h>

#include "tlshake.h"

static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
	return x >> n | x << (32 - n);
}

static void sha256_block(uint32_t h[8], const uint8_t *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 |
		       p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = w[i - 16] + w[i - 7] +
		       (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ w[i - 15] >> 3) +
		       (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ w[i - 2] >> 10);
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
		     ((e & f) ^ (~e & g)) + k256[i] + w[i];
		t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
		     ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void sha256(const uint8_t *data, size_t len, uint8_t out[32])
{
	uint32_t h[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};
	uint8_t tail[128] = { 0 };
	size_t full = len & ~(size_t)63, rest = len - full, tail_len;
	uint64_t bits = (uint64_t)len * 8;
	size_t i;

	for (i = 0; i < full; i += 64)
		sha256_block(h, data + i);
	memcpy(tail, data + full, rest);
	tail[rest] = 0x80;
	tail_len = rest < 56 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[tail_len - 1 - i] = bits >> (8 * i);
	for (i = 0; i < tail_len; i += 64)
		sha256_block(h, tail + i);
	for (i = 0; i < 8; i++) {
		out[4 * i] = h[i] >> 24;
		out[4 * i + 1] = h[i] >> 16;
		out[4 * i + 2] = h[i] >> 8;
		out[4 * i + 3] = h[i];
	}
}

/**
 * der_tlv - one DER TLV
 * @p: where it starts
 * @end: the end of the bytes it must fit in
 * @tag: receives its tag
 * @body: receives where its contents start
 * @body_len: receives their length
 *
 * Return: the TLV's total length, or 0 if it is malformed.
 */
size_t der_tlv(const uint8_t *p, const uint8_t *end, uint8_t *tag,
		      const uint8_t **body, size_t *body_len)
{
	size_t avail = end - p, n, len, hdr, i;

	if (avail < 2)
		return 0;
	*tag = p[0];
	if (p[1] < 0x80) {
		hdr = 2;
		len = p[1];
	} else {
		n = p[1] & 0x7f;
		if (n < 1 || n > 3 || avail < 2 + n)
			return 0;
		hdr = 2 + n;
		len = 0;
		for (i = 0; i < n; i++)
			len = len << 8 | p[2 + i];
	}
	if (len > avail - hdr)
		return 0;
	*body = p + hdr;
	*body_len = len;
	return hdr + len;
}

/**
 * cert_spki - find a certificate's SubjectPublicKeyInfo
 * @cert: the DER certificate
 * @len: its length
 * @spki: receives where the SubjectPublicKeyInfo TLV starts
 * @spki_len: receives its length
 *
 * Return: 0, or -1 if @cert is not shaped like a certificate.
 */
int cert_spki(const uint8_t *cert, size_t len, const uint8_t **spki,
	      size_t *spki_len)
{
	const uint8_t *end = cert + len, *body, *p;
	size_t body_len, n;
	uint8_t tag;
	int field;

	/* Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { ... } ... } */
	if (!der_tlv(cert, end, &tag, &body, &body_len) || tag != 0x30)
		return -1;
	if (!der_tlv(body, body + body_len, &tag, &body, &body_len) ||
	    tag != 0x30)
		return -1;

	/* [0] version (optional), serialNumber, signature, issuer,
	 * validity, subject, subjectPublicKeyInfo.
	 */
	p = body;
	end = body + body_len;
	if (p < end && *p == 0xa0) {
		n = der_tlv(p, end, &tag, &body, &body_len);
		if (!n)
			return -1;
		p += n;
	}
	for (field = 0; field < 5; field++) {
		n = der_tlv(p, end, &tag, &body, &body_len);
		if (!n)
			return -1;
		p += n;
	}
	n = der_tlv(p, end, &tag, &body, &body_len);
	if (!n || tag != 0x30)
		return -1;
	*spki = p;
	*spki_len = n;
	return 0;
}

/**
 * parse_pin - read a pin given as 64 hex digits
 * @hex: the digits, optionally with colons between bytes
 * @pin: receives the 32 bytes
 *
 * Return: 0, or -1 after a message.
 */
int parse_pin(const char *hex, uint8_t pin[32])
{
	unsigned int n = 0;
	const char *p;
	int hi = -1;

	for (p = hex; *p; p++) {
		int v;

		if (*p == ':' && hi < 0)
			continue;
		if (!isxdigit((unsigned char)*p) || n == 32)
			goto bad;
		v = isdigit((unsigned char)*p) ? *p - '0' :
		    tolower((unsigned char)*p) - 'a' + 10;
		if (hi < 0) {
			hi = v;
		} else {
			pin[n++] = hi << 4 | v;
			hi = -1;
		}
	}
	if (n == 32 && hi < 0)
		return 0;
bad:
	warnx("--pin takes the 64 hex digits of a SHA-256 hash, not '%s'",
	      hex);
	return -1;
}

/**
 * pin_from_cert_file - the pin of the first certificate in a PEM file
 * @path: the file
 * @pin: receives the SHA-256 of its SubjectPublicKeyInfo
 *
 * Return: 0, or -1 after a message.
 */
int pin_from_cert_file(const char *path, uint8_t pin[32])
{
	struct buf list = { 0 };
	const uint8_t *spki;
	unsigned int count;
	size_t spki_len;
	int ret = -1;

	if (pem_read_certs(path, &list, &count))
		return -1;
	if (cert_spki(list.data + 3, list.len - 3, &spki, &spki_len))
		warnx("%s: the certificate is malformed", path);
	else
		ret = 0;
	if (!ret)
		sha256(spki, spki_len, pin);
	buf_free(&list);
	return ret;
}
