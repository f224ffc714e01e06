/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's cache of prepared keys, found by the SHA-256 of the DER
 * they were made from.
 */
#ifndef _NET_TLSHAKE_KEY_CACHE_H
#define _NET_TLSHAKE_KEY_CACHE_H

#include <crypto/sha2.h>
#include <linux/types.h>

struct tlshake_privkey;
struct tlshake_pubkey;

/* How many keys, public and private, the cache keeps at most. */
#define TLSHAKE_KEY_CACHE_SIZE	64

struct tlshake_pubkey *
tlshake_key_cache_get_pub(const u8 digest[SHA256_DIGEST_SIZE]);
struct tlshake_pubkey *
tlshake_key_cache_add_pub(const u8 digest[SHA256_DIGEST_SIZE],
			  struct tlshake_pubkey *key);
struct tlshake_privkey *
tlshake_key_cache_get_priv(const u8 digest[SHA256_DIGEST_SIZE]);
struct tlshake_privkey *
tlshake_key_cache_add_priv(const u8 digest[SHA256_DIGEST_SIZE],
			   struct tlshake_privkey *key);
unsigned int tlshake_key_cache_count(void);
void tlshake_key_cache_flush(void);

#endif /* _NET_TLSHAKE_KEY_CACHE_H */
