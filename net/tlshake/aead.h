/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Record protection while the handshake runs (TLS 1.3 handshake traffic,
 * TLS 1.2 Finished): the AEADs kTLS offers, under the same algorithm
 * names, so that what the handshake accepts kTLS can carry on with.
 */
#ifndef _NET_TLSHAKE_AEAD_H
#define _NET_TLSHAKE_AEAD_H

#include <linux/types.h>

enum tlshake_aead_alg {
	TLSHAKE_AEAD_AES_128_GCM,
	TLSHAKE_AEAD_AES_256_GCM,
	TLSHAKE_AEAD_CHACHA20_POLY1305,
	TLSHAKE_AEAD_AES_128_CCM,
};

#define TLSHAKE_AEAD_NONCE_LEN	12
#define TLSHAKE_AEAD_TAG_LEN	16
#define TLSHAKE_AEAD_MAX_KEY_LEN	32
/* ccm(aes) takes a 16-byte counter block; the others the nonce itself */
#define TLSHAKE_AEAD_MAX_IV_LEN	16

struct crypto_aead;
struct aead_request;

/**
 * struct tlshake_aead - one direction's record protection
 * @tfm: the transform, keyed
 * @req: the request, reused by every operation
 * @alg: the algorithm
 * @iv: the IV as the transform takes it, formed from each nonce
 */
struct tlshake_aead {
	struct crypto_aead *tfm;
	struct aead_request *req;
	enum tlshake_aead_alg alg;
	u8 iv[TLSHAKE_AEAD_MAX_IV_LEN];
};

unsigned int tlshake_aead_key_len(enum tlshake_aead_alg alg);
int tlshake_aead_init(struct tlshake_aead *aead, enum tlshake_aead_alg alg,
		      const u8 *key, unsigned int key_len);
void tlshake_aead_free(struct tlshake_aead *aead);
int tlshake_aead_seal(struct tlshake_aead *aead, const u8 *nonce,
		      const u8 *aad, unsigned int aad_len,
		      u8 *buf, unsigned int len);
int tlshake_aead_open(struct tlshake_aead *aead, const u8 *nonce,
		      const u8 *aad, unsigned int aad_len,
		      u8 *buf, unsigned int len);
void tlshake_aead_nonce(u8 *nonce, const u8 *iv, u64 seq);

#endif /* _NET_TLSHAKE_AEAD_H */
