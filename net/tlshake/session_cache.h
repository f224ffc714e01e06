/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TLS 1.2 server's session cache (RFC 5246 7.3): sessions found by
 * the session ID the server gave them, shared by every socket.
 */
#ifndef _NET_TLSHAKE_SESSION_CACHE_H
#define _NET_TLSHAKE_SESSION_CACHE_H

#include <linux/spinlock.h>
#include <linux/types.h>

#include "wire.h"

/* The module's cache: how many sessions, how long each resumes (s). */
#define TLSHAKE_SESSION_CACHE_SIZE	256
#define TLSHAKE_SESSION_LIFETIME	(2 * 60 * 60)

/**
 * struct tlshake_session_entry - a session in the cache
 * @id: the session ID, TLSW_SESSION_ID_MAX bytes
 * @session: the session
 * @used: the entry holds a session
 */
struct tlshake_session_entry {
	u8 id[TLSW_SESSION_ID_MAX];
	struct tlsw_server_session session;
	bool used;
};

/**
 * struct tlshake_session_cache - a bounded cache of sessions
 * @lock: guards the entries and @next
 * @entries: the entries
 * @size: how many
 * @next: the entry the next session goes into: the oldest
 * @lifetime: seconds after its creation that a session stops resuming
 */
struct tlshake_session_cache {
	spinlock_t lock;	/* guards @entries and @next */
	struct tlshake_session_entry *entries;
	unsigned int size;
	unsigned int next;
	u64 lifetime;
};

extern struct tlshake_session_cache tlshake_sessions;

bool tlshake_session_fresh(const struct tlsw_server_session *s, u64 lifetime,
			   u64 now);
void tlshake_session_cache_init(struct tlshake_session_cache *c,
				struct tlshake_session_entry *entries,
				unsigned int size, u64 lifetime);
void tlshake_session_cache_store(struct tlshake_session_cache *c,
				 const u8 *id,
				 const struct tlsw_server_session *s);
bool tlshake_session_cache_lookup(struct tlshake_session_cache *c,
				  const u8 *id, size_t id_len,
				  const u8 *context, u64 now,
				  struct tlsw_server_session *s);
void tlshake_session_cache_flush(struct tlshake_session_cache *c);

#endif /* _NET_TLSHAKE_SESSION_CACHE_H */
