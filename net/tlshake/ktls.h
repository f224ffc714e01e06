/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hand-off of an established TLS session to kTLS.
 */
#ifndef _NET_TLSHAKE_KTLS_H
#define _NET_TLSHAKE_KTLS_H

#include <linux/types.h>

#include "aead.h"
#include "key_schedule.h"

struct socket;

/**
 * struct tlshake_ktls_keys - one direction's record protection for kTLS
 * @key: the traffic key, tlshake_aead_key_len() bytes
 * @iv: the 12-byte nonce base: for TLS 1.3 the write IV; for TLS 1.2
 *	AES-GCM and AES-CCM the 4-byte salt followed by the 8-byte explicit
 *	nonce to start from; for ChaCha20-Poly1305 the write IV
 * @seq: the sequence number of the next record
 */
struct tlshake_ktls_keys {
	u8 key[TLSHAKE_MAX_KEY_LEN];
	u8 iv[TLSHAKE_IV_LEN];
	u64 seq;
};

int tlshake_ktls_handoff(struct socket *sock, u16 version,
			 enum tlshake_aead_alg alg,
			 const struct tlshake_ktls_keys *tx,
			 const struct tlshake_ktls_keys *rx);

#endif /* _NET_TLSHAKE_KTLS_H */
