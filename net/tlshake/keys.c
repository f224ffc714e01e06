// SPDX-License-Identifier: GPL-2.0
/*
 * Keys made of their DER: the local end's private key in PKCS#8, SEC1 or
 * PKCS#1 form, found by the pure parser of privkey_der.c, and the public
 * key of a certificate's SubjectPublicKeyInfo, each handed to the
 * signature code.  A key is made once and then found in the module's
 * cache (key_cache.c), shared with every handshake that uses it.
 */

#include <crypto/sha2.h>
#include <kunit/visibility.h>
#include <linux/err.h>
#include <linux/string.h>

#include "key_cache.h"
#include "keys.h"
#include "privkey_der.h"
#include "sig.h"
#include "x509_spki.h"

static struct tlshake_privkey *tlshake_privkey_make(const u8 *der, size_t len)
{
	struct tlshake_privkey_der pk;

	if (tlshake_privkey_der_parse(der, len, &pk))
		return ERR_PTR(-EINVAL);
	if (pk.alg == TLSHAKE_KEY_RSA)
		return tlshake_privkey_new_rsa(pk.key, pk.key_len);
	return tlshake_privkey_new_ec(pk.alg, pk.key, pk.key_len);
}

/**
 * tlshake_privkey_load - make a signing key of a DER private key
 * @der: a PKCS#8 PrivateKeyInfo (unencrypted), a SEC1 ECPrivateKey or a
 *	PKCS#1 RSAPrivateKey
 * @len: its length
 * @key: the key, to be released with tlshake_privkey_free()
 *
 * The key is made from @der the first time and cached: the same bytes
 * given again, by any socket or caller, find the same key.
 *
 * Return: 0; -EINVAL if @der is not such a key of a kind tlshake signs
 * with (ECDSA P-256 or P-384, RSA of 2048, 3072 or 4096 bits); -ENOMEM.
 */
int tlshake_privkey_load(const u8 *der, size_t len,
			 struct tlshake_privkey **key)
{
	u8 digest[SHA256_DIGEST_SIZE];
	struct tlshake_privkey *k;

	sha256(der, len, digest);
	k = tlshake_key_cache_get_priv(digest);
	if (!k) {
		k = tlshake_privkey_make(der, len);
		if (!IS_ERR(k))
			k = tlshake_key_cache_add_priv(digest, k);
	}
	memzero_explicit(digest, sizeof(digest));
	if (IS_ERR(k))
		return PTR_ERR(k) == -ENOMEM ? -ENOMEM : -EINVAL;
	*key = k;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_load);

/**
 * tlshake_pubkey_load - the public key of a SubjectPublicKeyInfo
 * @spki: the SubjectPublicKeyInfo, as tlshake_spki_parse() found it
 *
 * The key is parsed and validated the first time and cached: the same
 * SubjectPublicKeyInfo, in any certificate, finds the same key.  Only a
 * valid key is cached.
 *
 * Return: the key, to be released with tlshake_pubkey_free();
 * ERR_PTR(-EINVAL) if it is not a valid key, ERR_PTR(-EOPNOTSUPP) if it
 * is of a size or curve tlshake does not take, ERR_PTR(-ENOMEM).
 */
struct tlshake_pubkey *tlshake_pubkey_load(const struct tlshake_spki *spki)
{
	u8 digest[SHA256_DIGEST_SIZE];
	struct tlshake_pubkey *k;

	sha256(spki->der, spki->der_len, digest);
	k = tlshake_key_cache_get_pub(digest);
	if (k)
		return k;
	if (spki->alg == TLSHAKE_KEY_RSA)
		k = tlshake_pubkey_new_rsa(spki->key, spki->key_len);
	else
		k = tlshake_pubkey_new_ec(spki->alg, spki->key, spki->key_len);
	if (IS_ERR(k))
		return k;
	return tlshake_key_cache_add_pub(digest, k);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_load);
