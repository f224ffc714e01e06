/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TLS 1.2 server's session tickets (RFC 5077): its sessions sealed
 * under keys of its own, for the client to keep.
 */
#ifndef _NET_TLSHAKE_SESSION_TICKET_H
#define _NET_TLSHAKE_SESSION_TICKET_H

#include <linux/spinlock.h>
#include <linux/types.h>

#include "wire.h"

/* How often the module's ticket key changes, in seconds. */
#define TLSHAKE_TICKET_KEY_PERIOD	(60 * 60)
#define TLSHAKE_TICKET_KEY_LEN		32

/**
 * struct tlshake_ticket_key - a key that seals tickets
 * @name: its name, which the tickets it seals begin with
 * @key: the AES-256-GCM key
 * @born: when it was made
 */
struct tlshake_ticket_key {
	u8 name[TLSW_TICKET_KEY_NAME_LEN];
	u8 key[TLSHAKE_TICKET_KEY_LEN];
	u64 born;
};

/**
 * struct tlshake_ticket_keys - the current ticket key and the one before
 * @lock: guards the keys
 * @keys: the current key, then the previous one
 * @count: how many of @keys are made
 * @period: seconds a key is current for
 * @lifetime: seconds after its creation that a session stops resuming
 */
struct tlshake_ticket_keys {
	spinlock_t lock;	/* guards @keys and @count */
	struct tlshake_ticket_key keys[2];
	unsigned int count;
	u64 period;
	u64 lifetime;
};

extern struct tlshake_ticket_keys tlshake_ticket_keys;

void tlshake_ticket_keys_init(struct tlshake_ticket_keys *k, u64 period,
			      u64 lifetime);
int tlshake_ticket_seal(struct tlshake_ticket_keys *k,
			const struct tlsw_server_session *s, u64 now,
			u8 *ticket);
bool tlshake_ticket_open(struct tlshake_ticket_keys *k, const u8 *ticket,
			 size_t len, const u8 *context, u64 now,
			 struct tlsw_server_session *s);
void tlshake_ticket_keys_flush(struct tlshake_ticket_keys *k);

#endif /* _NET_TLSHAKE_SESSION_TICKET_H */
