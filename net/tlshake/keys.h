/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Keys made of their DER, once: the local end's private key, from the DER
 * the caller gives, and the public keys of certificates.
 */
#ifndef _NET_TLSHAKE_KEYS_H
#define _NET_TLSHAKE_KEYS_H

#include <linux/types.h>

struct tlshake_privkey;
struct tlshake_pubkey;
struct tlshake_spki;

int tlshake_privkey_load(const u8 *der, size_t len,
			 struct tlshake_privkey **key);
struct tlshake_pubkey *tlshake_pubkey_load(const struct tlshake_spki *spki);

#endif /* _NET_TLSHAKE_KEYS_H */
