/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trust anchors and private keys kept in the kernel's keyrings.
 */
#ifndef _NET_TLSHAKE_KEYRING_H
#define _NET_TLSHAKE_KEYRING_H

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/types.h>

struct key;
struct tlshake_privkey;

#if IS_ENABLED(CONFIG_KEYS)
struct key *tlshake_keyring_lookup(s32 serial, bool keyring);
int tlshake_keyring_privkey(struct key *key, struct tlshake_privkey **pk);
int tlshake_keyring_anchors(struct key *keyring, const u8 *anchors,
			    unsigned int anchors_len, u8 **out,
			    unsigned int *out_len);
#else
/* Without keys, the options that name them do not exist, and a kernel
 * consumer has no key to pass.
 */
static inline struct key *tlshake_keyring_lookup(s32 serial, bool keyring)
{
	return ERR_PTR(-ENOPROTOOPT);
}

static inline int tlshake_keyring_privkey(struct key *key,
					  struct tlshake_privkey **pk)
{
	return -EOPNOTSUPP;
}

static inline int tlshake_keyring_anchors(struct key *keyring,
					  const u8 *anchors,
					  unsigned int anchors_len, u8 **out,
					  unsigned int *out_len)
{
	return -EOPNOTSUPP;
}
#endif

#endif /* _NET_TLSHAKE_KEYRING_H */
