/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlshake internals shared by the module's files.
 */
#ifndef _NET_TLSHAKE_TLSHAKE_H
#define _NET_TLSHAKE_TLSHAKE_H

#include <linux/types.h>

struct proto;
struct sock;

/**
 * struct tlshake_sock - per-socket state while the "tlshake" ULP is attached
 * @base_prot: the socket's protocol before the ULP replaced it; restored
 *	when the ULP steps aside for kTLS or is released
 */
struct tlshake_sock {
	struct proto *base_prot;
};

int tlshake_ulp_register(void);
void tlshake_ulp_unregister(void);

#endif /* _NET_TLSHAKE_TLSHAKE_H */
