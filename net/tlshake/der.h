/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bounded, strict reader of DER (ITU-T X.690) for the structures TLS
 * carries: signatures, keys and certificates.
 */
#ifndef _NET_TLSHAKE_DER_H
#define _NET_TLSHAKE_DER_H

#include "pure.h"

#define TLSHAKE_DER_INTEGER	0x02
#define TLSHAKE_DER_SEQUENCE	0x30

/**
 * struct tlshake_der - a cursor over DER elements
 * @data: the next unread byte
 * @len: the number of unread bytes
 */
struct tlshake_der {
	const u8 *data;
	size_t len;
};

/**
 * struct tlshake_der_tlv - one element read from a cursor
 * @tag: its identifier octet (class, constructed bit and tag number)
 * @val: its contents
 * @len: the length of @val
 * @raw: the whole element, identifier and length octets included
 * @raw_len: the length of @raw
 */
struct tlshake_der_tlv {
	u8 tag;
	const u8 *val;
	size_t len;
	const u8 *raw;
	size_t raw_len;
};

/**
 * tlshake_der_init() - start a cursor over a buffer
 * @der: the cursor
 * @data: the DER bytes
 * @len: the number of bytes
 */
static inline void tlshake_der_init(struct tlshake_der *der, const u8 *data,
				    size_t len)
{
	der->data = data;
	der->len = len;
}

/**
 * tlshake_der_empty() - whether a cursor has nothing left to read
 * @der: the cursor
 *
 * Return: true when every byte has been consumed.
 */
static inline bool tlshake_der_empty(const struct tlshake_der *der)
{
	return !der->len;
}

int tlshake_der_peek(const struct tlshake_der *der);
int tlshake_der_read(struct tlshake_der *der, struct tlshake_der_tlv *tlv);
int tlshake_der_read_tag(struct tlshake_der *der, u8 tag,
			 struct tlshake_der_tlv *tlv);
int tlshake_der_enter(struct tlshake_der *der, u8 tag,
		      struct tlshake_der *inner);
int tlshake_der_read_uint(struct tlshake_der *der, const u8 **mag,
			  size_t *mag_len);
int tlshake_der_read_bool(struct tlshake_der *der, bool *val);
int tlshake_der_read_bits(struct tlshake_der *der, const u8 **bits,
			  size_t *len, unsigned int *unused);

#endif /* _NET_TLSHAKE_DER_H */
