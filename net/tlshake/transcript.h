/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The running hash of the handshake messages (RFC 8446 section 4.4.1,
 * RFC 5246 section 7.4.9).
 */
#ifndef _NET_TLSHAKE_TRANSCRIPT_H
#define _NET_TLSHAKE_TRANSCRIPT_H

#include <linux/types.h>

#include "kdf.h"

struct shash_desc;

/**
 * struct tlshake_transcript - the running transcript hash of a handshake
 * @desc: the running hash for each hash function still a candidate; NULL
 *	once tlshake_transcript_select() dropped it
 * @state: room for an exported hash state, to read a digest without
 *	ending the running hash
 * @state_len: the size of @state
 * @hash: the selected hash function, valid once @selected
 * @selected: whether the cipher suite, hence the hash, is known
 *
 * The hash function is known only from ServerHello or HelloRetryRequest,
 * when ClientHello has already been hashed.  Until then every message is fed
 * to all candidate hash functions, so nothing has to be buffered;
 * tlshake_transcript_select() keeps the one the cipher suite names.
 */
struct tlshake_transcript {
	struct shash_desc *desc[TLSHAKE_NR_HASHES];
	u8 *state;
	unsigned int state_len;
	enum tlshake_hash hash;
	bool selected;
};

int tlshake_transcript_init(struct tlshake_transcript *t);
void tlshake_transcript_free(struct tlshake_transcript *t);
int tlshake_transcript_select(struct tlshake_transcript *t,
			      enum tlshake_hash hash);
int tlshake_transcript_update(struct tlshake_transcript *t,
			      const u8 *data, unsigned int len);
int tlshake_transcript_hash(struct tlshake_transcript *t, u8 *out);
int tlshake_transcript_hello_retry(struct tlshake_transcript *t);

#endif /* _NET_TLSHAKE_TRANSCRIPT_H */
