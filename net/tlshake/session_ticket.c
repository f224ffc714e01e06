// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.2 server's session tickets, laid out as RFC 5077 4
 * recommends but sealed with an AEAD: the 16-byte name of the key, a
 * random 12-byte nonce, then the session state (wire_session.c)
 * encrypted with AES-256-GCM and its tag, the key name as additional
 * data.  The keys are the module's, random, made at first use; a new one
 * is made every period, and a ticket opens under the current key or the
 * previous one.  A ticket that does not open, or opens to a session
 * expired or of another configuration, is no error: its client gets a
 * full handshake.
 */

#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <crypto/algapi.h>

#include "aead.h"
#include "session_cache.h"
#include "session_ticket.h"

/* The module's keys, shared by every socket. */
struct tlshake_ticket_keys tlshake_ticket_keys = {
	.lock = __SPIN_LOCK_UNLOCKED(tlshake_ticket_keys.lock),
	.period = TLSHAKE_TICKET_KEY_PERIOD,
	.lifetime = TLSHAKE_SESSION_LIFETIME,
};

/**
 * tlshake_ticket_keys_init - set up a set of ticket keys, none made yet
 * @k: the keys
 * @period: seconds each is current for
 * @lifetime: seconds after its creation that a session stops resuming
 */
void tlshake_ticket_keys_init(struct tlshake_ticket_keys *k, u64 period,
			      u64 lifetime)
{
	memset(k, 0, sizeof(*k));
	spin_lock_init(&k->lock);
	k->period = period;
	k->lifetime = lifetime;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ticket_keys_init);

/* Bring the keys up to @now, under the lock: a key a period old gives way
 * to a new one and becomes the previous; a current key two periods old
 * is dropped with the previous, both too old to open anything.
 */
static void tlshake_ticket_rotate(struct tlshake_ticket_keys *k, u64 now)
{
	struct tlshake_ticket_key *cur = &k->keys[0];

	if (k->count && (now < cur->born || now - cur->born >= 2 * k->period)) {
		memzero_explicit(k->keys, sizeof(k->keys));
		k->count = 0;
	}
	if (k->count && now - cur->born < k->period)
		return;
	if (k->count)
		k->keys[1] = *cur;
	get_random_bytes(cur->name, sizeof(cur->name));
	get_random_bytes(cur->key, sizeof(cur->key));
	cur->born = now;
	k->count = k->count ? 2 : 1;
}

/* The key to seal with at @now, copied out. */
static void tlshake_ticket_current(struct tlshake_ticket_keys *k, u64 now,
				   struct tlshake_ticket_key *key)
{
	spin_lock(&k->lock);
	tlshake_ticket_rotate(k, now);
	*key = k->keys[0];
	spin_unlock(&k->lock);
}

/* The key named @name, current or previous at @now, copied out. */
static bool tlshake_ticket_find(struct tlshake_ticket_keys *k,
				const u8 *name, u64 now,
				struct tlshake_ticket_key *key)
{
	bool found = false;
	unsigned int i;

	spin_lock(&k->lock);
	tlshake_ticket_rotate(k, now);
	for (i = 0; i < k->count; i++) {
		if (memcmp(k->keys[i].name, name, TLSW_TICKET_KEY_NAME_LEN))
			continue;
		*key = k->keys[i];
		found = true;
		break;
	}
	spin_unlock(&k->lock);
	return found;
}

/* Seal or open @buf, a ticket in the linear mapping, in place. */
static int tlshake_ticket_crypt(const struct tlshake_ticket_key *key,
				u8 *buf, bool seal)
{
	u8 *iv = buf + TLSW_TICKET_KEY_NAME_LEN;
	u8 *state = iv + TLSW_TICKET_IV_LEN;
	struct tlshake_aead aead = {};
	int err;

	err = tlshake_aead_init(&aead, TLSHAKE_AEAD_AES_256_GCM, key->key,
				sizeof(key->key));
	if (err)
		return err;
	if (seal)
		err = tlshake_aead_seal(&aead, iv, buf,
					TLSW_TICKET_KEY_NAME_LEN, state,
					TLSW_SERVER_SESSION_LEN);
	else
		err = tlshake_aead_open(&aead, iv, buf,
					TLSW_TICKET_KEY_NAME_LEN, state,
					TLSW_SERVER_SESSION_LEN +
					TLSW_TICKET_TAG_LEN);
	tlshake_aead_free(&aead);
	return err;
}

/**
 * tlshake_ticket_seal - seal a session into a ticket
 * @k: the keys
 * @s: the session
 * @now: the time, on the clock of @s->created
 * @ticket: TLSW_TICKET_LEN bytes for the ticket, in the kernel's linear
 *	mapping (kmalloc)
 *
 * Return: 0 or a negative errno.  May sleep.
 */
int tlshake_ticket_seal(struct tlshake_ticket_keys *k,
			const struct tlsw_server_session *s, u64 now,
			u8 *ticket)
{
	struct tlshake_ticket_key key;
	struct tlsw_wr w;
	int err;

	tlshake_ticket_current(k, now, &key);
	memcpy(ticket, key.name, TLSW_TICKET_KEY_NAME_LEN);
	get_random_bytes(ticket + TLSW_TICKET_KEY_NAME_LEN, TLSW_TICKET_IV_LEN);
	tlsw_wr_init(&w, ticket + TLSW_TICKET_KEY_NAME_LEN + TLSW_TICKET_IV_LEN,
		     TLSW_SERVER_SESSION_LEN);
	tlsw_build_server_session(&w, s);
	err = tlsw_wr_error(&w);
	if (!err)
		err = tlshake_ticket_crypt(&key, ticket, true);
	if (err)
		memzero_explicit(ticket, TLSW_TICKET_LEN);
	memzero_explicit(&key, sizeof(key));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ticket_seal);

/**
 * tlshake_ticket_open - the session a client's ticket holds
 * @k: the keys
 * @ticket: the ticket, as the ClientHello carries it
 * @len: its length
 * @context: the digest of the configuration to resume under
 * @now: the time, on the clock of the sessions' creation
 * @s: the session, if the ticket opens to one that may resume
 *
 * Return: true if @s holds a session to resume: the ticket is ours,
 * sealed under the current or the previous key, unaltered, and holds a
 * session within its lifetime made under @context.  May sleep.
 */
bool tlshake_ticket_open(struct tlshake_ticket_keys *k, const u8 *ticket,
			 size_t len, const u8 *context, u64 now,
			 struct tlsw_server_session *s)
{
	struct tlshake_ticket_key key;
	struct tlsw_ticket t;
	bool ok = false;
	u8 *buf;

	if (tlsw_parse_ticket(ticket, len, &t) ||
	    !tlshake_ticket_find(k, t.key_name.data, now, &key))
		return false;
	buf = kmemdup(ticket, len, GFP_KERNEL);
	if (buf && !tlshake_ticket_crypt(&key, buf, false) &&
	    !tlsw_parse_server_session(buf + TLSW_TICKET_KEY_NAME_LEN +
				       TLSW_TICKET_IV_LEN,
				       TLSW_SERVER_SESSION_LEN, s))
		ok = tlshake_session_fresh(s, k->lifetime, now) &&
		     !crypto_memneq(s->context, context,
				    TLSW_SESSION_DIGEST_LEN);
	if (!ok)
		memzero_explicit(s, sizeof(*s));
	kfree_sensitive(buf);
	memzero_explicit(&key, sizeof(key));
	return ok;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ticket_open);

/**
 * tlshake_ticket_keys_flush - wipe the keys
 * @k: the keys
 *
 * Tickets sealed before open no more.
 */
void tlshake_ticket_keys_flush(struct tlshake_ticket_keys *k)
{
	spin_lock(&k->lock);
	memzero_explicit(k->keys, sizeof(k->keys));
	k->count = 0;
	spin_unlock(&k->lock);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ticket_keys_flush);
