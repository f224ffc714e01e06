// SPDX-License-Identifier: GPL-2.0
/*
 * A bounded, strict DER reader.
 *
 * Everything read here comes from the peer, so every length is checked
 * against what remains before it is used, and only the one encoding DER
 * allows is accepted: no indefinite lengths, no lengths longer than needed,
 * no INTEGER with redundant leading octets.  Accepting BER's alternatives
 * would let one signature or certificate have several encodings.
 *
 * Pure code (see pure.h): it also builds in userspace under a fuzzer.
 */

#include "der.h"

/* Tag number 31 announces the high-tag-number form, unused by TLS or X.509. */
#define DER_TAG_NUMBER_MASK	0x1f
/* Longest length field accepted: four octets, up to 4 GiB - 1. */
#define DER_MAX_LEN_OCTETS	4

#define DER_BOOLEAN		0x01
#define DER_BIT_STRING		0x03

/**
 * tlshake_der_peek() - the tag of the next element, without consuming it
 * @der: the cursor
 *
 * Lets a parser decide on OPTIONAL and DEFAULT fields.  Only the identifier
 * octet is looked at; tlshake_der_read() validates the element.
 *
 * Return: the identifier octet, or -ENODATA when the cursor is empty.
 */
int tlshake_der_peek(const struct tlshake_der *der)
{
	if (!der->len)
		return -ENODATA;
	return der->data[0];
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_peek);

/**
 * tlshake_der_read() - read the next element
 * @der: the cursor, advanced past the element on success
 * @tlv: where to describe the element
 *
 * Return: 0, or -EBADMSG when the cursor is empty or the element is
 * truncated or not DER.
 */
int tlshake_der_read(struct tlshake_der *der, struct tlshake_der_tlv *tlv)
{
	const u8 *p = der->data;
	size_t avail = der->len;
	size_t hdr, len, n, i;

	if (avail < 2)
		return -EBADMSG;

	/* Tag 0 is the end-of-contents marker of indefinite lengths. */
	if (!p[0] || (p[0] & DER_TAG_NUMBER_MASK) == DER_TAG_NUMBER_MASK)
		return -EBADMSG;

	if (p[1] < 0x80) {
		len = p[1];
		hdr = 2;
	} else {
		/* 0x80 is the indefinite length, forbidden in DER. */
		n = p[1] & 0x7f;
		if (!n || n > DER_MAX_LEN_OCTETS || n > avail - 2)
			return -EBADMSG;
		/* Minimal: no leading zero octet, no long form below 128. */
		if (!p[2])
			return -EBADMSG;
		len = 0;
		for (i = 0; i < n; i++)
			len = (len << 8) | p[2 + i];
		if (len < 0x80)
			return -EBADMSG;
		hdr = 2 + n;
	}
	if (len > avail - hdr)
		return -EBADMSG;

	tlv->tag = p[0];
	tlv->val = p + hdr;
	tlv->len = len;
	tlv->raw = p;
	tlv->raw_len = hdr + len;
	der->data += hdr + len;
	der->len -= hdr + len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_read);

/**
 * tlshake_der_read_tag() - read the next element, which must have a tag
 * @der: the cursor, advanced past the element on success
 * @tag: the expected identifier octet
 * @tlv: where to describe the element
 *
 * Return: 0, or -EBADMSG as tlshake_der_read() does or when the tag differs
 * (the cursor is then left unchanged).
 */
int tlshake_der_read_tag(struct tlshake_der *der, u8 tag,
			 struct tlshake_der_tlv *tlv)
{
	struct tlshake_der next = *der;
	int err;

	err = tlshake_der_read(&next, tlv);
	if (err)
		return err;
	if (tlv->tag != tag)
		return -EBADMSG;
	*der = next;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_read_tag);

/**
 * tlshake_der_enter() - read a constructed element and open its contents
 * @der: the cursor, advanced past the element on success
 * @tag: the expected identifier octet, e.g. %TLSHAKE_DER_SEQUENCE
 * @inner: a new cursor over the element's contents
 *
 * Return: 0, or -EBADMSG as tlshake_der_read_tag() does.
 */
int tlshake_der_enter(struct tlshake_der *der, u8 tag,
		      struct tlshake_der *inner)
{
	struct tlshake_der_tlv tlv;
	int err;

	err = tlshake_der_read_tag(der, tag, &tlv);
	if (err)
		return err;
	tlshake_der_init(inner, tlv.val, tlv.len);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_enter);

/**
 * tlshake_der_read_uint() - read a non-negative INTEGER
 * @der: the cursor, advanced past the element on success
 * @mag: set to the value's big-endian magnitude, inside the buffer
 * @mag_len: set to the length of @mag, without the sign octet; 0 for zero
 *
 * Return: 0, or -EBADMSG when the element is not an INTEGER, is negative or
 * is not minimally encoded.
 */
int tlshake_der_read_uint(struct tlshake_der *der, const u8 **mag,
			  size_t *mag_len)
{
	struct tlshake_der next = *der;
	struct tlshake_der_tlv tlv;
	const u8 *v;
	size_t len;
	int err;

	err = tlshake_der_read_tag(&next, TLSHAKE_DER_INTEGER, &tlv);
	if (err)
		return err;
	v = tlv.val;
	len = tlv.len;
	if (!len || (v[0] & 0x80))
		return -EBADMSG;
	if (!v[0]) {
		/* A zero octet is only there to keep the next one positive. */
		if (len > 1 && !(v[1] & 0x80))
			return -EBADMSG;
		v++;
		len--;
	}
	*mag = v;
	*mag_len = len;
	*der = next;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_read_uint);

/**
 * tlshake_der_read_bool() - read a BOOLEAN
 * @der: the cursor, advanced past the element on success
 * @val: set to the value
 *
 * Return: 0, or -EBADMSG when the element is not a BOOLEAN or its octet is
 * neither 0x00 nor 0xff, the only two DER allows.
 */
int tlshake_der_read_bool(struct tlshake_der *der, bool *val)
{
	struct tlshake_der next = *der;
	struct tlshake_der_tlv tlv;
	int err;

	err = tlshake_der_read_tag(&next, DER_BOOLEAN, &tlv);
	if (err)
		return err;
	if (tlv.len != 1 || (tlv.val[0] && tlv.val[0] != 0xff))
		return -EBADMSG;
	*val = tlv.val[0];
	*der = next;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_read_bool);

/**
 * tlshake_der_read_bits() - read a BIT STRING
 * @der: the cursor, advanced past the element on success
 * @bits: set to the octets holding the bits, inside the buffer
 * @len: set to the number of those octets
 * @unused: set to the number of unused bits at the end of the last octet
 *
 * Keys and signatures are whole octets: their callers insist on @unused
 * being 0.
 *
 * Return: 0, or -EBADMSG when the element is not a primitive BIT STRING,
 * the unused-bits count is above 7 (or not 0 for an empty string), or the
 * unused bits are not zero as DER requires.
 */
int tlshake_der_read_bits(struct tlshake_der *der, const u8 **bits,
			  size_t *len, unsigned int *unused)
{
	struct tlshake_der next = *der;
	struct tlshake_der_tlv tlv;
	unsigned int n;
	int err;

	err = tlshake_der_read_tag(&next, DER_BIT_STRING, &tlv);
	if (err)
		return err;
	if (!tlv.len)
		return -EBADMSG;
	n = tlv.val[0];
	if (n > 7 || (tlv.len == 1 && n) ||
	    (tlv.len > 1 && (tlv.val[tlv.len - 1] & ((1U << n) - 1))))
		return -EBADMSG;
	*bits = tlv.val + 1;
	*len = tlv.len - 1;
	*unused = n;
	*der = next;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_der_read_bits);
