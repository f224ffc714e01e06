/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local end's private key, from the DER the caller gives.
 */
#ifndef _NET_TLSHAKE_KEYS_H
#define _NET_TLSHAKE_KEYS_H

#include <linux/types.h>

struct tlshake_privkey;

int tlshake_privkey_load(const u8 *der, size_t len,
			 struct tlshake_privkey **key);

#endif /* _NET_TLSHAKE_KEYS_H */
