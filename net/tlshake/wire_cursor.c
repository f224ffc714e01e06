// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: bounds-checked read and write cursors for the TLS presentation
 * language (RFC 8446 section 3): big-endian integers and vectors with a
 * 1-, 2- or 3-byte length prefix.
 */

#include "wire.h"

/**
 * tlsw_rd_bytes() - take exactly @len bytes from the front of a slice
 * @r: the cursor
 * @len: how many bytes
 * @out: the bytes taken
 *
 * Return: 0, or -EBADMSG if fewer than @len bytes remain.
 */
int tlsw_rd_bytes(struct tlsw_slice *r, size_t len, struct tlsw_slice *out)
{
	if (r->len < len)
		return -EBADMSG;
	out->data = r->data;
	out->len = len;
	r->data += len;
	r->len -= len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_bytes);

/**
 * tlsw_rd_u8() - read a uint8
 * @r: the cursor
 * @val: the value read
 *
 * Return: 0, or -EBADMSG if the slice is empty.
 */
int tlsw_rd_u8(struct tlsw_slice *r, u8 *val)
{
	if (r->len < 1)
		return -EBADMSG;
	*val = r->data[0];
	r->data++;
	r->len--;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_u8);

/**
 * tlsw_rd_u16() - read a big-endian uint16
 * @r: the cursor
 * @val: the value read
 *
 * Return: 0, or -EBADMSG if fewer than 2 bytes remain.
 */
int tlsw_rd_u16(struct tlsw_slice *r, u16 *val)
{
	if (r->len < 2)
		return -EBADMSG;
	*val = get_unaligned_be16(r->data);
	r->data += 2;
	r->len -= 2;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_u16);

/**
 * tlsw_rd_u24() - read a big-endian uint24
 * @r: the cursor
 * @val: the value read
 *
 * Return: 0, or -EBADMSG if fewer than 3 bytes remain.
 */
int tlsw_rd_u24(struct tlsw_slice *r, u32 *val)
{
	if (r->len < 3)
		return -EBADMSG;
	*val = get_unaligned_be24(r->data);
	r->data += 3;
	r->len -= 3;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_u24);

/**
 * tlsw_rd_u32() - read a big-endian uint32
 * @r: the cursor
 * @val: the value read
 *
 * Return: 0, or -EBADMSG if fewer than 4 bytes remain.
 */
int tlsw_rd_u32(struct tlsw_slice *r, u32 *val)
{
	if (r->len < 4)
		return -EBADMSG;
	*val = get_unaligned_be32(r->data);
	r->data += 4;
	r->len -= 4;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_u32);

/**
 * tlsw_rd_vec() - read a vector: a length prefix, then that many bytes
 * @r: the cursor
 * @prefix: size of the length prefix: 1, 2 or 3 bytes
 * @min: smallest length the vector's definition allows
 * @max: largest length the vector's definition allows
 * @out: the vector's contents, without the prefix
 *
 * RFC 8446 section 3.4 gives every vector a range, <min..max>; a length
 * outside it is as much a decode_error as one running past the data.
 *
 * Return: 0, or -EBADMSG if the prefix or the contents are cut short or
 * the length is outside [@min, @max].  @r is unchanged on failure.
 */
int tlsw_rd_vec(struct tlsw_slice *r, unsigned int prefix, size_t min,
		size_t max, struct tlsw_slice *out)
{
	size_t len;

	if (prefix < 1 || prefix > 3 || r->len < prefix)
		return -EBADMSG;
	switch (prefix) {
	case 1:
		len = r->data[0];
		break;
	case 2:
		len = get_unaligned_be16(r->data);
		break;
	default:
		len = get_unaligned_be24(r->data);
		break;
	}
	if (len < min || len > max || r->len - prefix < len)
		return -EBADMSG;
	out->data = r->data + prefix;
	out->len = len;
	r->data += prefix + len;
	r->len -= prefix + len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_vec);

/**
 * tlsw_rd_end() - check that a structure used up all of its bytes
 * @r: the cursor
 *
 * Return: 0 if @r is empty, -EBADMSG if bytes are left over.
 */
int tlsw_rd_end(const struct tlsw_slice *r)
{
	return r->len ? -EBADMSG : 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_rd_end);

/**
 * tlsw_wr_init() - start writing into a buffer
 * @w: the cursor
 * @buf: the buffer
 * @size: its size; nothing is ever written at or past @buf + @size
 */
void tlsw_wr_init(struct tlsw_wr *w, void *buf, size_t size)
{
	w->buf = buf;
	w->size = size;
	w->len = 0;
	w->err = 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_init);

/**
 * tlsw_wr_fail() - record a failure, unless one is recorded already
 * @w: the cursor
 * @err: a negative errno
 *
 * Builders call this for an argument the encoding cannot carry, so that
 * the message is refused as a whole.
 */
void tlsw_wr_fail(struct tlsw_wr *w, int err)
{
	if (!w->err)
		w->err = err;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_fail);

/**
 * tlsw_wr_reserve() - claim bytes to be filled in by the caller
 * @w: the cursor
 * @len: how many bytes
 *
 * Return: where the @len bytes go, or NULL (and -ENOSPC recorded) if they
 * do not fit or the cursor has already failed.
 */
u8 *tlsw_wr_reserve(struct tlsw_wr *w, size_t len)
{
	u8 *p;

	if (w->err)
		return NULL;
	if (w->size - w->len < len) {
		w->err = -ENOSPC;
		return NULL;
	}
	p = w->buf + w->len;
	w->len += len;
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_reserve);

/**
 * tlsw_wr_bytes() - append bytes
 * @w: the cursor
 * @data: the bytes (may be NULL when @len is 0)
 * @len: how many
 */
void tlsw_wr_bytes(struct tlsw_wr *w, const void *data, size_t len)
{
	u8 *p = tlsw_wr_reserve(w, len);

	if (p && len)
		memcpy(p, data, len);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_bytes);

/**
 * tlsw_wr_u8() - append a uint8
 * @w: the cursor
 * @val: the value
 */
void tlsw_wr_u8(struct tlsw_wr *w, u8 val)
{
	u8 *p = tlsw_wr_reserve(w, 1);

	if (p)
		*p = val;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_u8);

/**
 * tlsw_wr_u16() - append a big-endian uint16
 * @w: the cursor
 * @val: the value
 */
void tlsw_wr_u16(struct tlsw_wr *w, u16 val)
{
	u8 *p = tlsw_wr_reserve(w, 2);

	if (p)
		put_unaligned_be16(val, p);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_u16);

/**
 * tlsw_wr_u24() - append a big-endian uint24
 * @w: the cursor
 * @val: the value; one above 2^24 - 1 fails the cursor with -EINVAL
 */
void tlsw_wr_u24(struct tlsw_wr *w, u32 val)
{
	u8 *p;

	if (val > 0xffffff) {
		tlsw_wr_fail(w, -EINVAL);
		return;
	}
	p = tlsw_wr_reserve(w, 3);
	if (p)
		put_unaligned_be24(val, p);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_u24);

/**
 * tlsw_wr_u32() - append a big-endian uint32
 * @w: the cursor
 * @val: the value
 */
void tlsw_wr_u32(struct tlsw_wr *w, u32 val)
{
	u8 *p = tlsw_wr_reserve(w, 4);

	if (p)
		put_unaligned_be32(val, p);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_u32);

/**
 * tlsw_wr_vec_begin() - open a vector whose length is written at its end
 * @w: the cursor
 * @prefix: size of its length prefix: 1, 2 or 3 bytes
 * @v: remembers where the vector starts, for tlsw_wr_vec_end()
 *
 * Room for the prefix is reserved now; vectors nest freely.
 */
void tlsw_wr_vec_begin(struct tlsw_wr *w, unsigned int prefix,
		       struct tlsw_wr_vec *v)
{
	v->prefix = prefix;
	if (prefix < 1 || prefix > 3)
		tlsw_wr_fail(w, -EINVAL);
	else
		tlsw_wr_reserve(w, prefix);
	v->start = w->len;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_vec_begin);

/**
 * tlsw_wr_vec_end() - close a vector: write its length into its prefix
 * @w: the cursor
 * @v: what tlsw_wr_vec_begin() recorded
 *
 * A vector longer than its prefix can count fails the cursor with
 * -EMSGSIZE.  Nothing is written once the cursor has failed.
 */
void tlsw_wr_vec_end(struct tlsw_wr *w, const struct tlsw_wr_vec *v)
{
	size_t len;
	u8 *p;

	if (w->err)
		return;
	len = w->len - v->start;
	if (len >> (8 * v->prefix)) {
		w->err = -EMSGSIZE;
		return;
	}
	p = w->buf + v->start - v->prefix;
	switch (v->prefix) {
	case 1:
		*p = len;
		break;
	case 2:
		put_unaligned_be16(len, p);
		break;
	default:
		put_unaligned_be24(len, p);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_wr_vec_end);
