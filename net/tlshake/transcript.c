// SPDX-License-Identifier: GPL-2.0
/*
 * The running hash of the handshake messages.  TLS needs its digest at
 * several points while hashing goes on (after ServerHello, after each
 * Finished, ...): the hash state is exported, finalised and imported back.
 */

#include <crypto/hash.h>
#include <kunit/visibility.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "transcript.h"

static void transcript_drop(struct tlshake_transcript *t,
			    enum tlshake_hash hash)
{
	struct shash_desc *desc = t->desc[hash];

	if (!desc)
		return;
	crypto_free_shash(desc->tfm);
	kfree_sensitive(desc);
	t->desc[hash] = NULL;
}

/**
 * tlshake_transcript_init() - start an empty transcript
 * @t: the transcript
 *
 * Starts one running hash per hash function TLS may select.  On failure @t
 * is left in a state tlshake_transcript_free() accepts.
 *
 * Return: 0 or the allocation's negative errno.
 */
int tlshake_transcript_init(struct tlshake_transcript *t)
{
	struct crypto_shash *tfm;
	struct shash_desc *desc;
	unsigned int hash;
	int err;

	memset(t, 0, sizeof(*t));
	for (hash = 0; hash < TLSHAKE_NR_HASHES; hash++) {
		tfm = crypto_alloc_shash(tlshake_hash_name(hash), 0, 0);
		if (IS_ERR(tfm))
			return PTR_ERR(tfm);
		desc = kzalloc(sizeof(*desc) + crypto_shash_descsize(tfm),
			       GFP_KERNEL);
		if (!desc) {
			crypto_free_shash(tfm);
			return -ENOMEM;
		}
		desc->tfm = tfm;
		t->desc[hash] = desc;
		t->state_len = max(t->state_len, crypto_shash_statesize(tfm));
		err = crypto_shash_init(desc);
		if (err)
			return err;
	}

	t->state = kmalloc(t->state_len, GFP_KERNEL);
	if (!t->state)
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_init);

/**
 * tlshake_transcript_free() - release a transcript
 * @t: the transcript; may be zeroed or partly initialised
 */
void tlshake_transcript_free(struct tlshake_transcript *t)
{
	unsigned int hash;

	for (hash = 0; hash < TLSHAKE_NR_HASHES; hash++)
		transcript_drop(t, hash);
	kfree_sensitive(t->state);
	memset(t, 0, sizeof(*t));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_free);

/**
 * tlshake_transcript_select() - fix the hash function of the transcript
 * @t: the transcript
 * @hash: the hash function of the negotiated cipher suite
 *
 * Drops the running hashes of the other hash functions.  Selecting the
 * hash already selected again is allowed (HelloRetryRequest, then
 * ServerHello, both name the suite).
 *
 * Return: 0, or -EINVAL if @hash is unknown or differs from the hash
 * selected before.
 */
int tlshake_transcript_select(struct tlshake_transcript *t,
			      enum tlshake_hash hash)
{
	unsigned int other;

	if ((unsigned int)hash >= TLSHAKE_NR_HASHES || !t->desc[hash])
		return -EINVAL;
	if (t->selected)
		return 0;

	for (other = 0; other < TLSHAKE_NR_HASHES; other++) {
		if (other != hash)
			transcript_drop(t, other);
	}
	t->hash = hash;
	t->selected = true;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_select);

/**
 * tlshake_transcript_update() - append handshake bytes to the transcript
 * @t: the transcript
 * @data: whole handshake messages, headers included, or a part of them
 * @len: their length in bytes
 *
 * Return: 0 or a negative errno from the crypto API, after which the
 * transcript must not be used further.
 */
int tlshake_transcript_update(struct tlshake_transcript *t,
			      const u8 *data, unsigned int len)
{
	unsigned int hash;
	int err;

	for (hash = 0; hash < TLSHAKE_NR_HASHES; hash++) {
		if (!t->desc[hash])
			continue;
		err = crypto_shash_update(t->desc[hash], data, len);
		if (err)
			return err;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_update);

/**
 * tlshake_transcript_hash() - the digest of the transcript so far
 * @t: the transcript, with its hash function selected
 * @out: receives the digest, tlshake_hash_len() bytes
 *
 * The transcript goes on unchanged: later updates continue the same hash.
 *
 * Return: 0, -EINVAL if no hash function is selected yet, or a negative
 * errno from the crypto API.
 */
int tlshake_transcript_hash(struct tlshake_transcript *t, u8 *out)
{
	struct shash_desc *desc;
	int err;

	if (!t->selected)
		return -EINVAL;

	desc = t->desc[t->hash];
	err = crypto_shash_export(desc, t->state) ?:
	      crypto_shash_final(desc, out) ?:
	      crypto_shash_import(desc, t->state);
	memzero_explicit(t->state, t->state_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_hash);

/**
 * tlshake_transcript_hello_retry() - replace ClientHello1 by message_hash
 * @t: the transcript, holding exactly the first ClientHello
 *
 * RFC 8446 section 4.4.1: when the server answers with HelloRetryRequest,
 * ClientHello1 is replaced in the transcript by the synthetic handshake
 * message message_hash: 0xfe 00 00 Hash.length Hash(ClientHello1).  Call this
 * after hashing ClientHello1 and before hashing HelloRetryRequest.  Works
 * for every candidate hash function, selected or not.
 *
 * Return: 0 or a negative errno from the crypto API.
 */
int tlshake_transcript_hello_retry(struct tlshake_transcript *t)
{
	u8 digest[TLSHAKE_MAX_HASH_LEN];
	u8 header[4] = { 0xfe, 0, 0, 0 };
	struct shash_desc *desc;
	unsigned int hash;
	int err = 0;

	for (hash = 0; hash < TLSHAKE_NR_HASHES && !err; hash++) {
		desc = t->desc[hash];
		if (!desc)
			continue;
		header[3] = tlshake_hash_len(hash);
		err = crypto_shash_final(desc, digest) ?:
		      crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, header, sizeof(header)) ?:
		      crypto_shash_update(desc, digest, header[3]);
	}
	memzero_explicit(digest, sizeof(digest));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_transcript_hello_retry);
