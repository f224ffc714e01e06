// SPDX-License-Identifier: GPL-2.0
/*
 * The module's cache of prepared keys.
 *
 * Making a key costs more than most uses of it: an RSA key's Montgomery
 * constants take thousands of modular doublings of the modulus (and of
 * each prime, for a private key), a P-256 public key is validated and
 * given its table of multiples.  The same few keys come back on every
 * handshake: our own private key, which a socket option or a kernel
 * caller hands over again with each connection, and the keys of the trust
 * anchors, the intermediates and often the peer.  So a key, once made and
 * so known valid, is kept here, found again by the SHA-256 of the DER it
 * was made from (a SubjectPublicKeyInfo; a private key in PKCS#8, SEC1 or
 * PKCS#1 form), and shared by reference.
 *
 * The cache holds at most %TLSHAKE_KEY_CACHE_SIZE keys and evicts the
 * least recently used.  It keeps one reference to each key, and a
 * handshake takes its own, so a key outlives its eviction for as long as
 * it is in use.  A key found here spares its parsing and validation only:
 * every signature made or checked with it is still made or checked.  A
 * peer chooses the certificates it sends and may push other keys out:
 * that costs a later handshake a key set-up, nothing more.
 *
 * A private key stays prepared here once the socket or the call that gave
 * it is gone, until it is evicted or the module is unloaded; it is wiped
 * then.  Keys are compared by digest in constant time, as the digest of a
 * private key derives from the key.
 */

#include <crypto/algapi.h>
#include <kunit/visibility.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "key_cache.h"
#include "sig.h"

/**
 * union tlshake_kc_key - a cached key, of the kind its entry says
 * @pub: a public key
 * @priv: a private key
 */
union tlshake_kc_key {
	struct tlshake_pubkey *pub;
	struct tlshake_privkey *priv;
};

/**
 * struct tlshake_kc_entry - one cached key
 * @node: its place in the cache, the most recently used first
 * @digest: the SHA-256 of the DER the key was made from
 * @priv: the key is a private one
 * @key: the key; the entry holds one reference to it
 */
struct tlshake_kc_entry {
	struct list_head node;
	u8 digest[SHA256_DIGEST_SIZE];
	bool priv;
	union tlshake_kc_key key;
};

static DEFINE_SPINLOCK(tlshake_kc_lock);
static LIST_HEAD(tlshake_kc_lru);
static unsigned int tlshake_kc_count;

static void tlshake_kc_hold(bool priv, union tlshake_kc_key key)
{
	if (priv)
		tlshake_privkey_get(key.priv);
	else
		tlshake_pubkey_get(key.pub);
}

static void tlshake_kc_entry_free(struct tlshake_kc_entry *e)
{
	if (e->priv)
		tlshake_privkey_free(e->key.priv);
	else
		tlshake_pubkey_free(e->key.pub);
	kfree_sensitive(e);
}

/* The entry of @digest, made the most recently used. */
static struct tlshake_kc_entry *tlshake_kc_find(const u8 *digest, bool priv)
{
	struct tlshake_kc_entry *e;

	lockdep_assert_held(&tlshake_kc_lock);
	list_for_each_entry(e, &tlshake_kc_lru, node) {
		if (e->priv == priv &&
		    !crypto_memneq(e->digest, digest, SHA256_DIGEST_SIZE)) {
			list_move(&e->node, &tlshake_kc_lru);
			return e;
		}
	}
	return NULL;
}

/* A reference to the key of @digest, or NULL members if none is cached. */
static union tlshake_kc_key tlshake_kc_get(const u8 *digest, bool priv)
{
	union tlshake_kc_key key = {};
	struct tlshake_kc_entry *e;

	spin_lock(&tlshake_kc_lock);
	e = tlshake_kc_find(digest, priv);
	if (e) {
		key = e->key;
		tlshake_kc_hold(priv, key);
	}
	spin_unlock(&tlshake_kc_lock);
	return key;
}

/* Cache @key, taking over the caller's reference, unless a key of the same
 * digest was cached meanwhile; return a reference to the key cached.  A
 * key that cannot be cached for want of memory is returned as it is.
 */
static union tlshake_kc_key tlshake_kc_add(const u8 *digest, bool priv,
					   union tlshake_kc_key key)
{
	struct tlshake_kc_entry *new, *e, *old = NULL;
	union tlshake_kc_key found;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return key;
	memcpy(new->digest, digest, SHA256_DIGEST_SIZE);
	new->priv = priv;
	new->key = key;

	spin_lock(&tlshake_kc_lock);
	e = tlshake_kc_find(digest, priv);
	if (!e) {
		e = new;
		new = NULL;
		list_add(&e->node, &tlshake_kc_lru);
		if (++tlshake_kc_count > TLSHAKE_KEY_CACHE_SIZE) {
			old = list_last_entry(&tlshake_kc_lru,
					      struct tlshake_kc_entry, node);
			list_del(&old->node);
			tlshake_kc_count--;
		}
	}
	found = e->key;
	tlshake_kc_hold(priv, found);
	spin_unlock(&tlshake_kc_lock);

	/* Keys are freed outside the lock: a private one is wiped first. */
	if (new)
		tlshake_kc_entry_free(new);
	if (old)
		tlshake_kc_entry_free(old);
	return found;
}

/**
 * tlshake_key_cache_get_pub() - find a cached public key
 * @digest: the SHA-256 of the SubjectPublicKeyInfo it was made from
 *
 * Return: a reference to the key, to be released with
 * tlshake_pubkey_free(), or NULL if it is not cached.
 */
struct tlshake_pubkey *
tlshake_key_cache_get_pub(const u8 digest[SHA256_DIGEST_SIZE])
{
	return tlshake_kc_get(digest, false).pub;
}

/**
 * tlshake_key_cache_add_pub() - cache a public key
 * @digest: the SHA-256 of the SubjectPublicKeyInfo it was made from
 * @key: the key, made and valid; the caller's reference goes to the cache
 *
 * Return: a reference to the key cached for @digest, to be released with
 * tlshake_pubkey_free(): @key, or the key another caller cached first.
 */
struct tlshake_pubkey *
tlshake_key_cache_add_pub(const u8 digest[SHA256_DIGEST_SIZE],
			  struct tlshake_pubkey *key)
{
	union tlshake_kc_key k = { .pub = key };

	return tlshake_kc_add(digest, false, k).pub;
}

/**
 * tlshake_key_cache_get_priv() - find a cached private key
 * @digest: the SHA-256 of the DER private key it was made from
 *
 * Return: a reference to the key, to be released with
 * tlshake_privkey_free(), or NULL if it is not cached.
 */
struct tlshake_privkey *
tlshake_key_cache_get_priv(const u8 digest[SHA256_DIGEST_SIZE])
{
	return tlshake_kc_get(digest, true).priv;
}

/**
 * tlshake_key_cache_add_priv() - cache a private key
 * @digest: the SHA-256 of the DER private key it was made from
 * @key: the key, made and valid; the caller's reference goes to the cache
 *
 * Return: as tlshake_key_cache_add_pub(), for a private key.
 */
struct tlshake_privkey *
tlshake_key_cache_add_priv(const u8 digest[SHA256_DIGEST_SIZE],
			   struct tlshake_privkey *key)
{
	union tlshake_kc_key k = { .priv = key };

	return tlshake_kc_add(digest, true, k).priv;
}

/**
 * tlshake_key_cache_count() - how many keys the cache holds
 *
 * Return: the number of keys, public and private.
 */
unsigned int tlshake_key_cache_count(void)
{
	unsigned int n;

	spin_lock(&tlshake_kc_lock);
	n = tlshake_kc_count;
	spin_unlock(&tlshake_kc_lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_key_cache_count);

/**
 * tlshake_key_cache_flush() - empty the cache
 *
 * The cache's references go; a key in use lives on until its user
 * releases it.  Called when the module is unloaded.
 */
void tlshake_key_cache_flush(void)
{
	struct tlshake_kc_entry *e, *tmp;
	LIST_HEAD(gone);

	spin_lock(&tlshake_kc_lock);
	list_splice_init(&tlshake_kc_lru, &gone);
	tlshake_kc_count = 0;
	spin_unlock(&tlshake_kc_lock);

	list_for_each_entry_safe(e, tmp, &gone, node)
		tlshake_kc_entry_free(e);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_key_cache_flush);
