// SPDX-License-Identifier: GPL-2.0
/*
 * Signatures: SignatureScheme dispatch, message hashing, key references.
 */

#include <crypto/hash.h>
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "sig_internal.h"

static const struct tlshake_sig_alg tlshake_sig_algs[] = {
	{ TLSHAKE_SIG_ECDSA_SECP256R1_SHA256, TLSHAKE_KEY_EC_P256, false,
	  "sha256", 32 },
	{ TLSHAKE_SIG_ECDSA_SECP384R1_SHA384, TLSHAKE_KEY_EC_P384, false,
	  "sha384", 48 },
	{ TLSHAKE_SIG_RSA_PSS_RSAE_SHA256, TLSHAKE_KEY_RSA, true,
	  "sha256", 32 },
	{ TLSHAKE_SIG_RSA_PSS_RSAE_SHA384, TLSHAKE_KEY_RSA, true,
	  "sha384", 48 },
	{ TLSHAKE_SIG_RSA_PSS_RSAE_SHA512, TLSHAKE_KEY_RSA, true,
	  "sha512", 64 },
	{ TLSHAKE_SIG_RSA_PKCS1_SHA256, TLSHAKE_KEY_RSA, false,
	  "sha256", 32 },
	{ TLSHAKE_SIG_RSA_PKCS1_SHA384, TLSHAKE_KEY_RSA, false,
	  "sha384", 48 },
	{ TLSHAKE_SIG_RSA_PKCS1_SHA512, TLSHAKE_KEY_RSA, false,
	  "sha512", 64 },
};

/* The scheme's description if @type fits it, else NULL. */
static const struct tlshake_sig_alg *
tlshake_sig_alg(enum tlshake_key_type type, u16 scheme)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tlshake_sig_algs); i++)
		if (tlshake_sig_algs[i].scheme == scheme)
			return tlshake_sig_algs[i].key_type == type ?
			       &tlshake_sig_algs[i] : NULL;
	return NULL;
}

static int tlshake_sig_hash(const struct tlshake_sig_alg *alg,
			    const u8 *msg, size_t msg_len, u8 *digest)
{
	struct crypto_shash *tfm;
	int err;

	tfm = crypto_alloc_shash(alg->hash, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = crypto_shash_tfm_digest(tfm, msg, msg_len, digest);
	crypto_free_shash(tfm);
	return err;
}

/**
 * tlshake_sig_digest_len() - the length of a scheme's digest
 * @scheme: a TLS SignatureScheme
 *
 * Return: the digest length of @scheme's hash, or 0 if the scheme is
 * unknown.
 */
unsigned int tlshake_sig_digest_len(u16 scheme)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tlshake_sig_algs); i++)
		if (tlshake_sig_algs[i].scheme == scheme)
			return tlshake_sig_algs[i].digest_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_digest_len);

/**
 * tlshake_sig_key_fits() - whether a public key can verify a scheme
 * @key: the public key
 * @scheme: a TLS SignatureScheme
 *
 * Return: true if @scheme is known and made with keys of @key's type.
 */
bool tlshake_sig_key_fits(const struct tlshake_pubkey *key, u16 scheme)
{
	return tlshake_sig_alg(key->type, scheme);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_key_fits);

/* TLS 1.2: an ECDSA scheme names its hash alone (RFC 8446 4.2.3), the
 * curve being the key's.
 */
static const struct tlshake_sig_alg *
tlshake_sig_alg_tls12(enum tlshake_key_type type, u16 scheme)
{
	unsigned int i;

	if (type == TLSHAKE_KEY_RSA)
		return tlshake_sig_alg(type, scheme);
	for (i = 0; i < ARRAY_SIZE(tlshake_sig_algs); i++)
		if (tlshake_sig_algs[i].scheme == scheme)
			return tlshake_sig_algs[i].key_type != TLSHAKE_KEY_RSA ?
			       &tlshake_sig_algs[i] : NULL;
	return NULL;
}

/**
 * tlshake_sig_key_fits_tls12() - whether a public key can verify a scheme
 *	as TLS 1.2 reads it
 * @key: the public key
 * @scheme: a TLS SignatureScheme
 *
 * Return: true if @scheme is known and made with keys of @key's kind, an
 * ECDSA scheme fitting a key of any curve.
 */
bool tlshake_sig_key_fits_tls12(const struct tlshake_pubkey *key, u16 scheme)
{
	return tlshake_sig_alg_tls12(key->type, scheme);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_key_fits_tls12);

/**
 * tlshake_sig_key_fits_priv() - whether a private key can sign a scheme
 * @key: the private key
 * @scheme: a TLS SignatureScheme
 *
 * Return: true if @scheme is known and made with keys of @key's type.
 */
bool tlshake_sig_key_fits_priv(const struct tlshake_privkey *key, u16 scheme)
{
	return tlshake_sig_alg(key->type, scheme);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_key_fits_priv);

/**
 * tlshake_sig_verify_digest() - verify a signature over a digest
 * @key: the signer's public key
 * @scheme: the TLS SignatureScheme the signature claims
 * @digest: the message's digest under the scheme's hash
 * @digest_len: its length, which must be the hash's
 * @sig: the signature as TLS and X.509 carry it: a DER Ecdsa-Sig-Value for
 *	ECDSA, an octet string as long as the modulus for RSA
 * @sig_len: its length
 *
 * For callers that hash the message themselves, as certificate checks do.
 *
 * Return: 0 if the signature is valid, -EBADMSG if it is not, -EINVAL if
 * the scheme is unknown or does not fit the key or the digest has the wrong
 * length, or another negative errno when the computation failed.
 */
int tlshake_sig_verify_digest(const struct tlshake_pubkey *key, u16 scheme,
			      const u8 *digest, size_t digest_len,
			      const u8 *sig, size_t sig_len)
{
	const struct tlshake_sig_alg *alg = tlshake_sig_alg(key->type, scheme);

	if (!alg || digest_len != alg->digest_len)
		return -EINVAL;
	if (key->type == TLSHAKE_KEY_RSA)
		return tlshake_rsa_verify(key, alg, digest, sig, sig_len);
	return tlshake_ecdsa_verify(key, digest, sig, sig_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_verify_digest);

/* SEC 1 4.1.3 step 5 and 4.1.4 step 3: the integer a digest becomes for a
 * curve, its leftmost bits as long as the group order, or all of it if it
 * is shorter.  TLS 1.2 pairs an ECDSA scheme's hash with either curve.
 */
static void tlshake_sig_ec_digest(enum tlshake_key_type type,
				  const u8 *digest, size_t digest_len, u8 *e)
{
	size_t nbytes = type == TLSHAKE_KEY_EC_P256 ? 32 : 48;

	memset(e, 0, nbytes);
	if (digest_len >= nbytes)
		memcpy(e, digest, nbytes);
	else
		memcpy(e + nbytes - digest_len, digest, digest_len);
}

/**
 * tlshake_sig_verify_digest_tls12() - verify a TLS 1.2 signature over a
 *	digest
 * @key: the signer's public key
 * @scheme: the TLS SignatureScheme the signature claims
 * @digest: the message's digest under the scheme's hash
 * @digest_len: its length, which must be the hash's
 * @sig: the signature, as for tlshake_sig_verify_digest()
 * @sig_len: its length
 *
 * As tlshake_sig_verify_digest(), but an ECDSA scheme may pair its hash
 * with a key of either curve, as TLS 1.2 reads the scheme.
 *
 * Return: as tlshake_sig_verify_digest().
 */
int tlshake_sig_verify_digest_tls12(const struct tlshake_pubkey *key,
				    u16 scheme, const u8 *digest,
				    size_t digest_len, const u8 *sig,
				    size_t sig_len)
{
	const struct tlshake_sig_alg *alg;
	u8 e[TLSHAKE_EC_MAX_DIGITS * 8];

	if (key->type == TLSHAKE_KEY_RSA)
		return tlshake_sig_verify_digest(key, scheme, digest,
						 digest_len, sig, sig_len);
	alg = tlshake_sig_alg_tls12(key->type, scheme);
	if (!alg || digest_len != alg->digest_len)
		return -EINVAL;
	tlshake_sig_ec_digest(key->type, digest, digest_len, e);
	return tlshake_ecdsa_verify(key, e, sig, sig_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_verify_digest_tls12);

/**
 * tlshake_sig_verify_tls12() - verify a TLS 1.2 signature over a message
 * @key: the signer's public key
 * @scheme: the TLS SignatureScheme the signature claims
 * @msg: the signed message
 * @msg_len: its length
 * @sig: the signature, as for tlshake_sig_verify_digest()
 * @sig_len: its length
 *
 * Return: as tlshake_sig_verify_digest_tls12().
 */
int tlshake_sig_verify_tls12(const struct tlshake_pubkey *key, u16 scheme,
			     const u8 *msg, size_t msg_len,
			     const u8 *sig, size_t sig_len)
{
	const struct tlshake_sig_alg *alg;
	u8 digest[TLSHAKE_SIG_MAX_DIGEST];
	int err;

	alg = tlshake_sig_alg_tls12(key->type, scheme);
	if (!alg)
		return -EINVAL;
	err = tlshake_sig_hash(alg, msg, msg_len, digest);
	if (err)
		return err;
	return tlshake_sig_verify_digest_tls12(key, scheme, digest,
					       alg->digest_len, sig, sig_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_verify_tls12);

/**
 * tlshake_sig_verify() - verify a signature over a message
 * @key: the signer's public key
 * @scheme: the TLS SignatureScheme the signature claims
 * @msg: the signed message
 * @msg_len: its length
 * @sig: the signature, as for tlshake_sig_verify_digest()
 * @sig_len: its length
 *
 * Return: as tlshake_sig_verify_digest().
 */
int tlshake_sig_verify(const struct tlshake_pubkey *key, u16 scheme,
		       const u8 *msg, size_t msg_len,
		       const u8 *sig, size_t sig_len)
{
	const struct tlshake_sig_alg *alg = tlshake_sig_alg(key->type, scheme);
	u8 digest[TLSHAKE_SIG_MAX_DIGEST];
	int err;

	if (!alg)
		return -EINVAL;
	err = tlshake_sig_hash(alg, msg, msg_len, digest);
	if (err)
		return err;
	return tlshake_sig_verify_digest(key, scheme, digest, alg->digest_len,
					 sig, sig_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_verify);

/**
 * tlshake_sig_max_len() - the longest signature a key makes
 * @key: the private key
 *
 * Return: the size of a buffer that holds any signature tlshake_sig_sign()
 * makes with @key.
 */
size_t tlshake_sig_max_len(const struct tlshake_privkey *key)
{
	if (key->type == TLSHAKE_KEY_RSA)
		return key->rsa.pub.k;
	return tlshake_ecdsa_max_len(key->type);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_max_len);

/**
 * tlshake_sig_sign() - sign a message
 * @key: the private key
 * @scheme: the TLS SignatureScheme to sign with
 * @msg: the message
 * @msg_len: its length
 * @sig: where to write the signature, in the form tlshake_sig_verify()
 *	takes
 * @sig_len: on entry the size of @sig, at least tlshake_sig_max_len(); on
 *	return the signature's length
 *
 * Return: 0, -EINVAL if the scheme is unknown or does not fit the key or
 * @sig is too small, or another negative errno when signing failed.
 */
int tlshake_sig_sign(const struct tlshake_privkey *key, u16 scheme,
		     const u8 *msg, size_t msg_len, u8 *sig, size_t *sig_len)
{
	const struct tlshake_sig_alg *alg = tlshake_sig_alg(key->type, scheme);
	u8 digest[TLSHAKE_SIG_MAX_DIGEST];
	int err;

	if (!alg || *sig_len < tlshake_sig_max_len(key))
		return -EINVAL;
	err = tlshake_sig_hash(alg, msg, msg_len, digest);
	if (err)
		return err;
	if (key->type == TLSHAKE_KEY_RSA)
		return tlshake_rsa_sign(key, alg, digest, sig, sig_len);
	return tlshake_ecdsa_sign(key, digest, sig, sig_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_sign);

/**
 * tlshake_sig_key_fits_priv_tls12() - whether a private key can sign a
 *	scheme as TLS 1.2 reads it
 * @key: the private key
 * @scheme: a TLS SignatureScheme
 *
 * Return: true if @scheme is known and made with keys of @key's kind, an
 * ECDSA scheme fitting a key of any curve.
 */
bool tlshake_sig_key_fits_priv_tls12(const struct tlshake_privkey *key,
				     u16 scheme)
{
	return tlshake_sig_alg_tls12(key->type, scheme);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_key_fits_priv_tls12);

/**
 * tlshake_sig_sign_digest_tls12() - make a TLS 1.2 signature over a digest
 * @key: the private key
 * @scheme: the TLS SignatureScheme to sign with, read as TLS 1.2 does: an
 *	ECDSA scheme names only its hash
 * @digest: the message's digest under the scheme's hash
 * @digest_len: its length, which must be the hash's
 * @sig: where to write the signature, as for tlshake_sig_sign()
 * @sig_len: on entry the size of @sig, on return the signature's length
 *
 * For a CertificateVerify, whose message is the transcript, hashed as it
 * went.
 *
 * Return: as tlshake_sig_sign(), -EINVAL also for a digest of the wrong
 * length.
 */
int tlshake_sig_sign_digest_tls12(const struct tlshake_privkey *key,
				  u16 scheme, const u8 *digest,
				  size_t digest_len, u8 *sig, size_t *sig_len)
{
	const struct tlshake_sig_alg *alg;
	u8 e[TLSHAKE_EC_MAX_DIGITS * 8];
	int err;

	alg = tlshake_sig_alg_tls12(key->type, scheme);
	if (!alg || digest_len != alg->digest_len ||
	    *sig_len < tlshake_sig_max_len(key))
		return -EINVAL;
	if (key->type == TLSHAKE_KEY_RSA)
		return tlshake_rsa_sign(key, alg, digest, sig, sig_len);
	tlshake_sig_ec_digest(key->type, digest, digest_len, e);
	err = tlshake_ecdsa_sign(key, e, sig, sig_len);
	memzero_explicit(e, sizeof(e));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_sign_digest_tls12);

/**
 * tlshake_sig_sign_tls12() - make a TLS 1.2 signature over a message
 * @key: the private key
 * @scheme: the TLS SignatureScheme, as for tlshake_sig_sign_digest_tls12()
 * @msg: the message
 * @msg_len: its length
 * @sig: where to write the signature, as for tlshake_sig_sign()
 * @sig_len: on entry the size of @sig, on return the signature's length
 *
 * Return: as tlshake_sig_sign().
 */
int tlshake_sig_sign_tls12(const struct tlshake_privkey *key, u16 scheme,
			   const u8 *msg, size_t msg_len, u8 *sig,
			   size_t *sig_len)
{
	const struct tlshake_sig_alg *alg;
	u8 digest[TLSHAKE_SIG_MAX_DIGEST];
	int err;

	alg = tlshake_sig_alg_tls12(key->type, scheme);
	if (!alg)
		return -EINVAL;
	err = tlshake_sig_hash(alg, msg, msg_len, digest);
	if (!err)
		err = tlshake_sig_sign_digest_tls12(key, scheme, digest,
						    alg->digest_len, sig,
						    sig_len);
	memzero_explicit(digest, sizeof(digest));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_sig_sign_tls12);

/**
 * tlshake_privkey_type() - the kind of a private key
 * @key: the private key
 *
 * Return: its type.
 */
enum tlshake_key_type tlshake_privkey_type(const struct tlshake_privkey *key)
{
	return key->type;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_type);

/**
 * tlshake_pubkey_type() - the kind of a public key
 * @key: the public key
 *
 * Return: its type.
 */
enum tlshake_key_type tlshake_pubkey_type(const struct tlshake_pubkey *key)
{
	return key->type;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_type);

/**
 * tlshake_pubkey_get() - take another reference to a public key
 * @key: the key
 *
 * Return: @key, to be released with tlshake_pubkey_free() as well.
 */
struct tlshake_pubkey *tlshake_pubkey_get(struct tlshake_pubkey *key)
{
	refcount_inc(&key->ref);
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_get);

/**
 * tlshake_pubkey_free() - release a reference to a public key
 * @key: the key, or NULL
 *
 * The key is freed with its last reference.
 */
void tlshake_pubkey_free(struct tlshake_pubkey *key)
{
	if (key && refcount_dec_and_test(&key->ref))
		kfree(key);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_free);

/**
 * tlshake_privkey_get() - take another reference to a private key
 * @key: the key
 *
 * Return: @key, to be released with tlshake_privkey_free() as well.
 */
struct tlshake_privkey *tlshake_privkey_get(struct tlshake_privkey *key)
{
	refcount_inc(&key->ref);
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_get);

/**
 * tlshake_privkey_free() - release a reference to a private key
 * @key: the key, or NULL
 *
 * The key is wiped and freed with its last reference.
 */
void tlshake_privkey_free(struct tlshake_privkey *key)
{
	if (key && refcount_dec_and_test(&key->ref))
		kfree_sensitive(key);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_free);
