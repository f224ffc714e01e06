/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Key derivation for TLS: HMAC, HKDF (RFC 5869), the TLS 1.3 HKDF-Expand-Label
 * and Derive-Secret (RFC 8446 section 7.1) and the TLS 1.2 PRF (RFC 5246
 * section 5), over the kernel's "hmac(sha256)" and "hmac(sha384)".
 */
#ifndef _NET_TLSHAKE_KDF_H
#define _NET_TLSHAKE_KDF_H

#include <crypto/sha2.h>
#include <linux/types.h>

struct crypto_shash;
struct shash_desc;

/**
 * enum tlshake_hash - the hash functions TLS cipher suites are built on
 * @TLSHAKE_HASH_SHA256: SHA-256
 * @TLSHAKE_HASH_SHA384: SHA-384
 * @TLSHAKE_NR_HASHES: the number of hash functions above
 */
enum tlshake_hash {
	TLSHAKE_HASH_SHA256,
	TLSHAKE_HASH_SHA384,
	TLSHAKE_NR_HASHES
};

/* Every TLS 1.3 cipher suite and every TLS 1.2 PRF uses SHA-256 or SHA-384,
 * so buffers for a digest or a secret are sized for SHA-384.
 */
#define TLSHAKE_MAX_HASH_LEN	SHA384_DIGEST_SIZE

/* RFC 8446 section 7.1: HkdfLabel.label is "tls13 " + Label, <7..255>. */
#define TLSHAKE_MAX_LABEL_LEN	(255 - 6)
/* RFC 8446 section 7.1: HkdfLabel.context is <0..255>. */
#define TLSHAKE_MAX_CONTEXT_LEN	255

unsigned int tlshake_hash_len(enum tlshake_hash hash);
const char *tlshake_hash_name(enum tlshake_hash hash);

/**
 * struct tlshake_kdf - HMAC-based key derivation with one hash function
 * @hmac: the keyed hash, allocated once and re-keyed for every operation
 * @desc: the request state for @hmac, wiped after every operation
 * @hash: the hash function
 * @hash_len: its digest length in bytes
 *
 * One handshake owns one instance; it must not be used concurrently.
 */
struct tlshake_kdf {
	struct crypto_shash *hmac;
	struct shash_desc *desc;
	enum tlshake_hash hash;
	unsigned int hash_len;
};

int tlshake_kdf_init(struct tlshake_kdf *kdf, enum tlshake_hash hash);
void tlshake_kdf_free(struct tlshake_kdf *kdf);

int tlshake_hmac(struct tlshake_kdf *kdf, const u8 *key, unsigned int key_len,
		 const u8 *data, unsigned int data_len, u8 *out);
int tlshake_hkdf_extract(struct tlshake_kdf *kdf,
			 const u8 *salt, unsigned int salt_len,
			 const u8 *ikm, unsigned int ikm_len, u8 *prk);
int tlshake_hkdf_expand(struct tlshake_kdf *kdf,
			const u8 *prk, unsigned int prk_len,
			const u8 *info, unsigned int info_len,
			u8 *okm, unsigned int okm_len);
int tlshake_hkdf_expand_label(struct tlshake_kdf *kdf, const u8 *secret,
			      const char *label,
			      const u8 *context, unsigned int context_len,
			      u8 *out, unsigned int out_len);
int tlshake_derive_secret(struct tlshake_kdf *kdf, const u8 *secret,
			  const char *label, const u8 *transcript_hash,
			  u8 *out);
int tlshake_tls12_prf(struct tlshake_kdf *kdf,
		      const u8 *secret, unsigned int secret_len,
		      const char *label, const u8 *seed, unsigned int seed_len,
		      u8 *out, unsigned int out_len);

#endif /* _NET_TLSHAKE_KDF_H */
