// SPDX-License-Identifier: GPL-2.0
/*
 * Key derivation for TLS: HMAC, HKDF (RFC 5869), HKDF-Expand-Label and
 * Derive-Secret (RFC 8446 section 7.1) and the TLS 1.2 PRF (RFC 5246
 * section 5).  Linux 6.1 has no HKDF of its own, so it is built here on the
 * kernel's HMAC.
 *
 * Every operation re-keys the one HMAC transform of the handshake and wipes
 * the request state and any intermediate block before returning.
 */

#include <asm/unaligned.h>
#include <crypto/hash.h>
#include <kunit/visibility.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "kdf.h"

static const struct {
	const char *name;
	const char *hmac_name;
	const u8 *empty_hash;		/* Hash(""), for Derive-Secret */
	unsigned int len;
} tlshake_hashes[TLSHAKE_NR_HASHES] = {
	[TLSHAKE_HASH_SHA256] = {
		.name		= "sha256",
		.hmac_name	= "hmac(sha256)",
		.empty_hash	= sha256_zero_message_hash,
		.len		= SHA256_DIGEST_SIZE,
	},
	[TLSHAKE_HASH_SHA384] = {
		.name		= "sha384",
		.hmac_name	= "hmac(sha384)",
		.empty_hash	= sha384_zero_message_hash,
		.len		= SHA384_DIGEST_SIZE,
	},
};

/**
 * tlshake_hash_len() - the digest length of a hash function
 * @hash: the hash function
 *
 * Return: the length in bytes, or 0 if @hash is not a known hash function.
 */
unsigned int tlshake_hash_len(enum tlshake_hash hash)
{
	if ((unsigned int)hash >= TLSHAKE_NR_HASHES)
		return 0;
	return tlshake_hashes[hash].len;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hash_len);

/**
 * tlshake_hash_name() - the crypto API name of a hash function
 * @hash: the hash function
 *
 * Return: the name of the unkeyed shash ("sha256", ...), or NULL if @hash is
 * not a known hash function.
 */
const char *tlshake_hash_name(enum tlshake_hash hash)
{
	if ((unsigned int)hash >= TLSHAKE_NR_HASHES)
		return NULL;
	return tlshake_hashes[hash].name;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hash_name);

/**
 * tlshake_kdf_init() - prepare key derivation with one hash function
 * @kdf: the instance to set up
 * @hash: the hash function of the negotiated cipher suite
 *
 * Allocates the HMAC transform and its request state once, so that the
 * derivations of a handshake do not allocate.  On failure @kdf is left in a
 * state tlshake_kdf_free() accepts.
 *
 * Return: 0, -EINVAL for an unknown @hash, or the allocation's error.
 */
int tlshake_kdf_init(struct tlshake_kdf *kdf, enum tlshake_hash hash)
{
	struct crypto_shash *tfm;

	memset(kdf, 0, sizeof(*kdf));
	if ((unsigned int)hash >= TLSHAKE_NR_HASHES)
		return -EINVAL;

	tfm = crypto_alloc_shash(tlshake_hashes[hash].hmac_name, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);

	kdf->desc = kzalloc(sizeof(*kdf->desc) + crypto_shash_descsize(tfm),
			    GFP_KERNEL);
	if (!kdf->desc) {
		crypto_free_shash(tfm);
		return -ENOMEM;
	}
	kdf->desc->tfm = tfm;
	kdf->hmac = tfm;
	kdf->hash = hash;
	kdf->hash_len = tlshake_hashes[hash].len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kdf_init);

/**
 * tlshake_kdf_free() - release what tlshake_kdf_init() allocated
 * @kdf: the instance; may be zeroed or partly initialised
 *
 * The transform holds the HMAC state of the last key it was given; freeing
 * it wipes that memory (crypto_destroy_tfm() uses kfree_sensitive()).
 */
void tlshake_kdf_free(struct tlshake_kdf *kdf)
{
	crypto_free_shash(kdf->hmac);
	kfree_sensitive(kdf->desc);
	memset(kdf, 0, sizeof(*kdf));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kdf_free);

/* The request state holds the inner hash of secrets: wipe it after use. */
static void kdf_wipe_desc(struct tlshake_kdf *kdf)
{
	shash_desc_zero(kdf->desc);
	kdf->desc->tfm = kdf->hmac;
}

struct kdf_part {
	const void *data;
	unsigned int len;
};

/* HMAC, under the key already set, of the concatenation of @parts. */
static int kdf_hmac_parts(struct tlshake_kdf *kdf,
			  const struct kdf_part *parts, unsigned int nr_parts,
			  u8 *out)
{
	unsigned int i;
	int err;

	err = crypto_shash_init(kdf->desc);
	for (i = 0; !err && i < nr_parts; i++) {
		if (parts[i].len)
			err = crypto_shash_update(kdf->desc, parts[i].data,
						  parts[i].len);
	}
	return err ?: crypto_shash_final(kdf->desc, out);
}

/**
 * tlshake_hmac() - HMAC with the hash function of @kdf
 * @kdf: the key derivation instance
 * @key: the HMAC key
 * @key_len: its length in bytes
 * @data: the message
 * @data_len: its length in bytes
 * @out: receives the tag, tlshake_hash_len() bytes
 *
 * Return: 0 or a negative errno from the crypto API.
 */
int tlshake_hmac(struct tlshake_kdf *kdf, const u8 *key, unsigned int key_len,
		 const u8 *data, unsigned int data_len, u8 *out)
{
	struct kdf_part part = { data, data_len };
	int err;

	err = crypto_shash_setkey(kdf->hmac, key, key_len) ?:
	      kdf_hmac_parts(kdf, &part, 1, out);
	kdf_wipe_desc(kdf);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hmac);

/**
 * tlshake_hkdf_extract() - HKDF-Extract (RFC 5869 section 2.2)
 * @kdf: the key derivation instance
 * @salt: the salt; NULL or empty stands for HashLen zero bytes
 * @salt_len: its length in bytes
 * @ikm: the input keying material
 * @ikm_len: its length in bytes
 * @prk: receives the pseudorandom key, tlshake_hash_len() bytes
 *
 * Return: 0 or a negative errno from the crypto API.
 */
int tlshake_hkdf_extract(struct tlshake_kdf *kdf,
			 const u8 *salt, unsigned int salt_len,
			 const u8 *ikm, unsigned int ikm_len, u8 *prk)
{
	static const u8 zeros[TLSHAKE_MAX_HASH_LEN];

	if (!salt_len) {
		salt = zeros;
		salt_len = kdf->hash_len;
	}
	return tlshake_hmac(kdf, salt, salt_len, ikm, ikm_len, prk);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hkdf_extract);

/* HKDF-Expand with the info given as the concatenation of @info. */
static int kdf_expand(struct tlshake_kdf *kdf,
		      const u8 *prk, unsigned int prk_len,
		      const struct kdf_part *info, unsigned int nr_info,
		      u8 *okm, unsigned int okm_len)
{
	unsigned int hash_len = kdf->hash_len;
	unsigned int done = 0, i, n;
	u8 t[TLSHAKE_MAX_HASH_LEN];
	u8 counter = 0;
	int err;

	/* RFC 5869 section 2.3: PRK >= HashLen bytes, L <= 255 * HashLen. */
	if (prk_len < hash_len || okm_len > 255 * hash_len)
		return -EINVAL;

	err = crypto_shash_setkey(kdf->hmac, prk, prk_len);
	while (!err && done < okm_len) {
		/* T(i) = HMAC(PRK, T(i - 1) | info | i), T(0) empty */
		counter++;
		err = crypto_shash_init(kdf->desc);
		if (!err && done)
			err = crypto_shash_update(kdf->desc, t, hash_len);
		for (i = 0; !err && i < nr_info; i++) {
			if (info[i].len)
				err = crypto_shash_update(kdf->desc,
							  info[i].data,
							  info[i].len);
		}
		if (!err)
			err = crypto_shash_finup(kdf->desc, &counter, 1, t);
		if (!err) {
			n = min(hash_len, okm_len - done);
			memcpy(okm + done, t, n);
			done += n;
		}
	}

	if (err)
		memzero_explicit(okm, okm_len);
	memzero_explicit(t, sizeof(t));
	kdf_wipe_desc(kdf);
	return err;
}

/**
 * tlshake_hkdf_expand() - HKDF-Expand (RFC 5869 section 2.3)
 * @kdf: the key derivation instance
 * @prk: the pseudorandom key, at least tlshake_hash_len() bytes
 * @prk_len: its length in bytes
 * @info: the context and application specific information
 * @info_len: its length in bytes
 * @okm: receives the output keying material
 * @okm_len: the number of bytes to produce, at most 255 * HashLen
 *
 * @okm must not overlap @info.  If the crypto API fails, @okm is zeroed.
 *
 * Return: 0, -EINVAL if @prk is too short or @okm_len too large, or a
 * negative errno from the crypto API.
 */
int tlshake_hkdf_expand(struct tlshake_kdf *kdf,
			const u8 *prk, unsigned int prk_len,
			const u8 *info, unsigned int info_len,
			u8 *okm, unsigned int okm_len)
{
	struct kdf_part part = { info, info_len };

	return kdf_expand(kdf, prk, prk_len, &part, 1, okm, okm_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hkdf_expand);

/**
 * tlshake_hkdf_expand_label() - HKDF-Expand-Label (RFC 8446 section 7.1)
 * @kdf: the key derivation instance
 * @secret: the secret, tlshake_hash_len() bytes
 * @label: the label without the "tls13 " prefix, a C string of 1 to
 *	TLSHAKE_MAX_LABEL_LEN characters
 * @context: the context, may be NULL if @context_len is 0
 * @context_len: its length, at most TLSHAKE_MAX_CONTEXT_LEN
 * @out: receives the output
 * @out_len: the number of bytes to produce, at most 255 * HashLen
 *
 * HKDF-Expand(Secret, HkdfLabel, Length) with HkdfLabel = uint16 Length,
 * opaque label<7..255> = "tls13 " + Label, opaque context<0..255>.
 * @out must not overlap @context.  If the crypto API fails, @out is zeroed.
 *
 * Return: 0, -EINVAL for a label, context or length out of bounds, or a
 * negative errno from the crypto API.
 */
int tlshake_hkdf_expand_label(struct tlshake_kdf *kdf, const u8 *secret,
			      const char *label,
			      const u8 *context, unsigned int context_len,
			      u8 *out, unsigned int out_len)
{
	static const char prefix[] = "tls13 ";
	size_t label_len = strnlen(label, TLSHAKE_MAX_LABEL_LEN + 1);
	u8 header[3], context_byte = context_len;
	const struct kdf_part info[] = {
		{ header, sizeof(header) },
		{ prefix, sizeof(prefix) - 1 },
		{ label, label_len },
		{ &context_byte, 1 },
		{ context, context_len },
	};

	if (!label_len || label_len > TLSHAKE_MAX_LABEL_LEN ||
	    context_len > TLSHAKE_MAX_CONTEXT_LEN || out_len > U16_MAX)
		return -EINVAL;

	put_unaligned_be16(out_len, header);
	header[2] = sizeof(prefix) - 1 + label_len;
	return kdf_expand(kdf, secret, kdf->hash_len, info, ARRAY_SIZE(info),
			  out, out_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_hkdf_expand_label);

/**
 * tlshake_derive_secret() - Derive-Secret (RFC 8446 section 7.1)
 * @kdf: the key derivation instance
 * @secret: the secret, tlshake_hash_len() bytes
 * @label: the label without the "tls13 " prefix
 * @transcript_hash: Transcript-Hash(Messages), tlshake_hash_len() bytes, or
 *	NULL when Messages is empty (the hash of the empty string is used)
 * @out: receives the derived secret, tlshake_hash_len() bytes
 *
 * Return: 0, -EINVAL for a bad label, or a negative errno from the crypto
 * API.
 */
int tlshake_derive_secret(struct tlshake_kdf *kdf, const u8 *secret,
			  const char *label, const u8 *transcript_hash,
			  u8 *out)
{
	if (!transcript_hash)
		transcript_hash = tlshake_hashes[kdf->hash].empty_hash;
	return tlshake_hkdf_expand_label(kdf, secret, label, transcript_hash,
					 kdf->hash_len, out, kdf->hash_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_derive_secret);

/**
 * tlshake_tls12_prf() - the TLS 1.2 PRF (RFC 5246 section 5)
 * @kdf: the key derivation instance; its hash is the PRF hash of the suite
 * @secret: the secret
 * @secret_len: its length in bytes
 * @label: the ASCII label, a C string ("master secret", ...)
 * @seed: the seed (randoms, session hash or handshake hash)
 * @seed_len: its length in bytes
 * @out: receives the output
 * @out_len: the number of bytes to produce
 *
 * PRF(secret, label, seed) = P_hash(secret, label + seed), where P_hash
 * concatenates HMAC(secret, A(i) + label + seed), A(0) = label + seed,
 * A(i) = HMAC(secret, A(i - 1)).  The extended master secret of RFC 7627 is
 * this PRF with its own label and the session hash as the seed.
 * If the crypto API fails, @out is zeroed.
 *
 * Return: 0 or a negative errno from the crypto API.
 */
int tlshake_tls12_prf(struct tlshake_kdf *kdf,
		      const u8 *secret, unsigned int secret_len,
		      const char *label, const u8 *seed, unsigned int seed_len,
		      u8 *out, unsigned int out_len)
{
	unsigned int hash_len = kdf->hash_len;
	unsigned int done = 0, n;
	u8 a[TLSHAKE_MAX_HASH_LEN], block[TLSHAKE_MAX_HASH_LEN];
	const struct kdf_part parts[] = {
		{ a, hash_len },
		{ label, strlen(label) },
		{ seed, seed_len },
	};
	int err;

	/* A(1) = HMAC(secret, label + seed) */
	err = crypto_shash_setkey(kdf->hmac, secret, secret_len) ?:
	      kdf_hmac_parts(kdf, parts + 1, 2, a);
	while (!err && done < out_len) {
		err = kdf_hmac_parts(kdf, parts, 3, block);
		if (err)
			break;
		n = min(hash_len, out_len - done);
		memcpy(out + done, block, n);
		done += n;
		/* A(i + 1) = HMAC(secret, A(i)) */
		if (done < out_len)
			err = kdf_hmac_parts(kdf, parts, 1, a);
	}

	if (err)
		memzero_explicit(out, out_len);
	memzero_explicit(a, sizeof(a));
	memzero_explicit(block, sizeof(block));
	kdf_wipe_desc(kdf);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_tls12_prf);
