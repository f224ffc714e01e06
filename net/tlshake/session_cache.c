// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.2 server's session cache.  A fixed number of entries, filled
 * in turn: a new session takes the place of the oldest.  A session
 * resumes for a fixed time after the full handshake that made it, and
 * only under the configuration that made it (its context digest).  Master
 * secrets leave the cache wiped.
 */

#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/string.h>
#include <crypto/algapi.h>

#include "session_cache.h"

static struct tlshake_session_entry
tlshake_session_entries[TLSHAKE_SESSION_CACHE_SIZE];

/* The module's cache, shared by every socket. */
struct tlshake_session_cache tlshake_sessions = {
	.lock = __SPIN_LOCK_UNLOCKED(tlshake_sessions.lock),
	.entries = tlshake_session_entries,
	.size = TLSHAKE_SESSION_CACHE_SIZE,
	.lifetime = TLSHAKE_SESSION_LIFETIME,
};

/**
 * tlshake_session_fresh - whether a session may still resume
 * @s: the session
 * @lifetime: how long sessions resume, in seconds
 * @now: the time, on the clock of @s->created
 *
 * Return: true if @s was made no more than @lifetime seconds before @now
 * (and not after it).
 */
bool tlshake_session_fresh(const struct tlsw_server_session *s, u64 lifetime,
			   u64 now)
{
	return s->created <= now && now - s->created < lifetime;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_session_fresh);

static void tlshake_session_entry_wipe(struct tlshake_session_entry *e)
{
	memzero_explicit(e, sizeof(*e));
}

/**
 * tlshake_session_cache_init - set up an empty cache
 * @c: the cache
 * @entries: its entries
 * @size: how many
 * @lifetime: how long its sessions resume, in seconds
 */
void tlshake_session_cache_init(struct tlshake_session_cache *c,
				struct tlshake_session_entry *entries,
				unsigned int size, u64 lifetime)
{
	spin_lock_init(&c->lock);
	memset(entries, 0, size * sizeof(*entries));
	c->entries = entries;
	c->size = size;
	c->next = 0;
	c->lifetime = lifetime;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_session_cache_init);

/**
 * tlshake_session_cache_store - keep a session
 * @c: the cache
 * @id: its session ID, TLSW_SESSION_ID_MAX random bytes
 * @s: the session, copied
 *
 * The oldest session makes room if the cache is full.
 */
void tlshake_session_cache_store(struct tlshake_session_cache *c,
				 const u8 *id,
				 const struct tlsw_server_session *s)
{
	struct tlshake_session_entry *e;

	spin_lock(&c->lock);
	e = &c->entries[c->next];
	c->next = (c->next + 1) % c->size;
	tlshake_session_entry_wipe(e);
	memcpy(e->id, id, TLSW_SESSION_ID_MAX);
	e->session = *s;
	e->used = true;
	spin_unlock(&c->lock);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_session_cache_store);

/**
 * tlshake_session_cache_lookup - find a session to resume
 * @c: the cache
 * @id: the session ID a ClientHello offers
 * @id_len: its length
 * @context: the digest of the configuration to resume under
 * @now: the time, on the clock of the sessions' creation
 * @s: the session, copied out, if found
 *
 * A session past its lifetime is wiped rather than found; one made
 * under another configuration is not found.
 *
 * Return: true if @s holds the session.
 */
bool tlshake_session_cache_lookup(struct tlshake_session_cache *c,
				  const u8 *id, size_t id_len,
				  const u8 *context, u64 now,
				  struct tlsw_server_session *s)
{
	struct tlshake_session_entry *e;
	bool found = false;
	unsigned int i;

	if (id_len != TLSW_SESSION_ID_MAX)
		return false;
	spin_lock(&c->lock);
	for (i = 0; i < c->size; i++) {
		e = &c->entries[i];
		if (!e->used || memcmp(e->id, id, TLSW_SESSION_ID_MAX))
			continue;
		if (!tlshake_session_fresh(&e->session, c->lifetime, now)) {
			tlshake_session_entry_wipe(e);
			break;
		}
		if (crypto_memneq(e->session.context, context,
				  TLSW_SESSION_DIGEST_LEN))
			break;
		*s = e->session;
		found = true;
		break;
	}
	spin_unlock(&c->lock);
	return found;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_session_cache_lookup);

/**
 * tlshake_session_cache_flush - wipe every session
 * @c: the cache
 */
void tlshake_session_cache_flush(struct tlshake_session_cache *c)
{
	unsigned int i;

	spin_lock(&c->lock);
	for (i = 0; i < c->size; i++)
		tlshake_session_entry_wipe(&c->entries[i]);
	c->next = 0;
	spin_unlock(&c->lock);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_session_cache_flush);
