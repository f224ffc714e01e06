/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The single entry point of every check of the peer's certificates.
 */
#ifndef _NET_TLSHAKE_VERIFY_H
#define _NET_TLSHAKE_VERIFY_H

#include <linux/types.h>

#include "wire.h"

struct tlshake_params;
struct tlshake_pubkey;

int tlshake_verify_peer(const struct tlshake_params *params,
			const u8 *anchors, size_t anchors_len, const u8 *chain,
			size_t chain_len, struct tlshake_pubkey **key,
			bool *verified, enum tlsw_alert *alert, u8 *why);

#endif /* _NET_TLSHAKE_VERIFY_H */
