/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every tlshake fuzz harness checks besides the sanitizers: a
 * failure carries the alert of the convention in wire.h, and a success
 * yields slices that lie inside the input, every byte of which is read so
 * that AddressSanitizer sees any that does not.
 */
#ifndef _TLSHAKE_FUZZ_H
#define _TLSHAKE_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#include "wire.h"

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
		abort();						\
	}								\
} while (0)

/* AddressSanitizer checks the whole range memcpy() reads. */
static inline void fuzz_touch(const u8 *p, size_t len)
{
	u8 *copy;

	if (!len)
		return;
	copy = malloc(len);
	FUZZ_ASSERT(copy);
	memcpy(copy, p, len);
	free(copy);
}

/* @s lies inside [@data, @data + @size) and can be read. */
static inline void fuzz_check_slice(const struct tlsw_slice *s,
				    const u8 *data, size_t size)
{
	if (!s->len)
		return;
	FUZZ_ASSERT(s->data >= data && s->len <= size &&
		    (size_t)(s->data - data) <= size - s->len);
	fuzz_touch(s->data, s->len);
}

/* A negative return comes with the alert that goes with its errno. */
static inline void fuzz_check_error(int ret, enum tlsw_alert alert)
{
	switch (ret) {
	case -EBADMSG:
		FUZZ_ASSERT(alert == TLSW_ALERT_DECODE_ERROR);
		break;
	case -EMSGSIZE:
		FUZZ_ASSERT(alert == TLSW_ALERT_RECORD_OVERFLOW);
		break;
	case -EPROTO:
		FUZZ_ASSERT(alert == TLSW_ALERT_UNEXPECTED_MESSAGE);
		break;
	case -ENOSPC:
		FUZZ_ASSERT(alert == TLSW_ALERT_INTERNAL_ERROR);
		break;
	case -EINVAL:
		FUZZ_ASSERT(alert == TLSW_ALERT_ILLEGAL_PARAMETER ||
			    alert == TLSW_ALERT_UNSUPPORTED_EXTENSION ||
			    alert == TLSW_ALERT_MISSING_EXTENSION);
		break;
	default:
		FUZZ_ASSERT(ret >= 0);
	}
}

static inline void fuzz_check_u16_list(const struct tlsw_slice *l,
				       const u8 *data, size_t size)
{
	fuzz_check_slice(l, data, size);
	FUZZ_ASSERT(l->len % 2 == 0);
}

/* The recognised extensions of a block of @ctx parsed without error. */
static inline void fuzz_check_exts(const struct tlsw_exts *e,
				   enum tlsw_ext_ctx ctx,
				   const u8 *data, size_t size)
{
	struct tlsw_slice it, item;
	struct tlsw_key_share ks;
	unsigned int ids = 0, binders = 0;
	size_t used;
	u32 age;

	fuzz_check_slice(&e->server_name, data, size);
	fuzz_check_u16_list(&e->groups, data, size);
	fuzz_check_slice(&e->ec_point_formats, data, size);
	fuzz_check_u16_list(&e->sig_algs, data, size);
	fuzz_check_u16_list(&e->sig_algs_cert, data, size);
	fuzz_check_slice(&e->alpn, data, size);
	fuzz_check_slice(&e->session_ticket, data, size);
	fuzz_check_slice(&e->renegotiation_info, data, size);
	fuzz_check_u16_list(&e->versions, data, size);
	fuzz_check_slice(&e->cookie, data, size);
	fuzz_check_slice(&e->psk_modes, data, size);
	fuzz_check_slice(&e->key_shares, data, size);
	fuzz_check_slice(&e->key_share.key, data, size);
	fuzz_check_slice(&e->psk_identities, data, size);
	fuzz_check_slice(&e->psk_binders, data, size);

	if (tlsw_exts_has(e, TLSW_EXTB_SERVER_NAME) && e->server_name.len)
		FUZZ_ASSERT(!memchr(e->server_name.data, 0,
				    e->server_name.len));
	if (tlsw_exts_has(e, TLSW_EXTB_EC_POINT_FORMATS))
		FUZZ_ASSERT(tlsw_u8_list_has(&e->ec_point_formats, 0));
	if (tlsw_exts_has(e, TLSW_EXTB_RECORD_SIZE_LIMIT))
		FUZZ_ASSERT(e->record_size_limit >= 64);

	/* The lists were checked whole: reading them uses every byte. */
	used = 0;
	it = e->key_shares;
	while (tlsw_key_share_next(&it, &ks))
		used += 4 + ks.key.len;
	FUZZ_ASSERT(used == e->key_shares.len);
	if (ctx == TLSW_CTX_CH) {
		used = 0;
		it = e->alpn;
		while (tlsw_alpn_next(&it, &item))
			used += 1 + item.len;
		FUZZ_ASSERT(used == e->alpn.len);
	} else if (tlsw_exts_has(e, TLSW_EXTB_ALPN)) {
		FUZZ_ASSERT(e->alpn.len >= 1 && e->alpn.len <= 255);
	}
	it = e->psk_identities;
	while (tlsw_psk_identity_next(&it, &item, &age))
		ids++;
	it = e->psk_binders;
	while (tlsw_psk_binder_next(&it, &item))
		binders++;
	FUZZ_ASSERT(ids == binders);
}

#endif /* _TLSHAKE_FUZZ_H */
