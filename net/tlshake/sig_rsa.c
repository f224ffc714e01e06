// SPDX-License-Identifier: GPL-2.0
/*
 * RSA signatures: EMSA-PSS with MGF1 (RFC 8017, 9.1) and EMSA-PKCS1-v1_5
 * (RFC 8017, 9.2), encoded here over rsa_core's primitive.  No kernel
 * offers PSS, and the pkcs1pad template's signing goes away in 6.13.
 *
 * The kernel's own "rsa" akcipher is not used: its private operation is
 * neither constant time nor blinded, and it parses the key again on every
 * operation.  rsa_core's keys are prepared once, when a key is made; its
 * private operation is constant time, blinds its input and checks the
 * result against the public key, since a faulty CRT signature would
 * reveal the factors of n.
 */

#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <kunit/visibility.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "der.h"
#include "sig_internal.h"

/* The DigestInfo that precedes the digest in EMSA-PKCS1-v1_5 (9.2 note 1). */
static const u8 rsa_digest_info_sha256[] = {
	0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
};

static const u8 rsa_digest_info_sha384[] = {
	0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30,
};

static const u8 rsa_digest_info_sha512[] = {
	0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40,
};

/* A modulus of 2048, 3072 or 4096 bits exactly (smaller ones are too
 * weak, and rsa_core stops at 4096), odd, with an odd public exponent in
 * [3, n - 1].
 */
static int rsa_check_public(const u8 *n, size_t n_len, const u8 *e,
			    size_t e_len)
{
	if (n_len != 256 && n_len != 384 && n_len != 512)
		return -EOPNOTSUPP;
	if (!(n[0] & 0x80))
		return -EOPNOTSUPP;
	if (!(n[n_len - 1] & 1))
		return -EINVAL;
	if (!e_len || !(e[e_len - 1] & 1) || (e_len == 1 && e[0] < 3))
		return -EINVAL;
	if (e_len > n_len || (e_len == n_len && memcmp(e, n, n_len) >= 0))
		return -EINVAL;
	return 0;
}

/**
 * tlshake_pubkey_new_rsa() - an RSA public key from its DER form
 * @der: a DER RSAPublicKey (RFC 8017, A.1.1), as a SubjectPublicKeyInfo
 *	carries it
 * @len: its length
 *
 * Return: the key, to be released with tlshake_pubkey_free(),
 * ERR_PTR(-EINVAL) when @der is not a valid RSAPublicKey,
 * ERR_PTR(-EOPNOTSUPP) when the modulus is not of 2048, 3072 or 4096 bits,
 * or ERR_PTR(-ENOMEM).
 */
struct tlshake_pubkey *tlshake_pubkey_new_rsa(const u8 *der, size_t len)
{
	struct tlshake_der cur, seq;
	struct tlshake_pubkey *key;
	size_t n_len, e_len;
	const u8 *n, *e;
	int err;

	tlshake_der_init(&cur, der, len);
	if (tlshake_der_enter(&cur, TLSHAKE_DER_SEQUENCE, &seq) ||
	    !tlshake_der_empty(&cur) ||
	    tlshake_der_read_uint(&seq, &n, &n_len) ||
	    tlshake_der_read_uint(&seq, &e, &e_len) ||
	    !tlshake_der_empty(&seq))
		return ERR_PTR(-EINVAL);
	err = rsa_check_public(n, n_len, e, e_len);
	if (err)
		return ERR_PTR(err);

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	refcount_set(&key->ref, 1);
	key->type = TLSHAKE_KEY_RSA;
	err = rsa_core_pub_init(&key->rsa, n, n_len, e, e_len);
	if (err) {
		kfree(key);
		return ERR_PTR(err);
	}
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_new_rsa);

/**
 * tlshake_privkey_new_rsa() - an RSA private key from its DER form
 * @der: a DER RSAPrivateKey (RFC 8017, A.1.2) of two primes
 * @len: its length
 *
 * Signing uses the CRT parameters alone; d is required but not used.  The
 * primes must be as long as each other, half the modulus, as key
 * generators make them: the exponentiations then take a time that depends
 * on the modulus's size alone.  rsa_core checks that p q = n and that qinv
 * is the inverse of q; a wrong dp or dq makes every signature fail its
 * check instead.
 *
 * Return: the key, to be released with tlshake_privkey_free(),
 * ERR_PTR(-EINVAL) when @der is not a valid two-prime RSAPrivateKey,
 * ERR_PTR(-EOPNOTSUPP) when the modulus is not of 2048, 3072 or 4096 bits,
 * or ERR_PTR(-ENOMEM).
 */
struct tlshake_privkey *tlshake_privkey_new_rsa(const u8 *der, size_t len)
{
	size_t n_len, e_len, v_len, p_len, q_len, dp_len, dq_len, qi_len, half;
	const u8 *n, *e, *v, *p, *q, *dp, *dq, *qi;
	struct tlshake_der cur, seq;
	struct tlshake_privkey *key;
	int err;

	tlshake_der_init(&cur, der, len);
	if (tlshake_der_enter(&cur, TLSHAKE_DER_SEQUENCE, &seq) ||
	    !tlshake_der_empty(&cur))
		return ERR_PTR(-EINVAL);
	/* version 0: two primes, no otherPrimeInfos */
	if (tlshake_der_read_uint(&seq, &v, &v_len) || v_len ||
	    tlshake_der_read_uint(&seq, &n, &n_len) ||
	    tlshake_der_read_uint(&seq, &e, &e_len) ||
	    tlshake_der_read_uint(&seq, &v, &v_len) || !v_len ||
	    tlshake_der_read_uint(&seq, &p, &p_len) ||
	    tlshake_der_read_uint(&seq, &q, &q_len) ||
	    tlshake_der_read_uint(&seq, &dp, &dp_len) ||
	    tlshake_der_read_uint(&seq, &dq, &dq_len) ||
	    tlshake_der_read_uint(&seq, &qi, &qi_len) ||
	    !tlshake_der_empty(&seq))
		return ERR_PTR(-EINVAL);
	err = rsa_check_public(n, n_len, e, e_len);
	if (err)
		return ERR_PTR(err);
	half = n_len / 2;
	if (p_len != half || q_len != half || !dp_len || dp_len > half ||
	    !dq_len || dq_len > half || !qi_len || qi_len > half)
		return ERR_PTR(-EINVAL);

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	refcount_set(&key->ref, 1);
	key->type = TLSHAKE_KEY_RSA;
	err = rsa_core_priv_init(&key->rsa, n, n_len, e, e_len, p, p_len, q,
				 q_len, dp, dp_len, dq, dq_len, qi, qi_len);
	if (err) {
		kfree_sensitive(key);
		return ERR_PTR(err);
	}
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_new_rsa);

/* @out ^= MGF1(@seed) over @len bytes (RFC 8017, B.2.1). */
static int rsa_mgf1_xor(struct crypto_shash *tfm, const u8 *seed,
			unsigned int seed_len, u8 *out, unsigned int len)
{
	SHASH_DESC_ON_STACK(desc, tfm);
	unsigned int hlen = crypto_shash_digestsize(tfm);
	u8 mask[TLSHAKE_SIG_MAX_DIGEST];
	unsigned int i, j, n;
	__be32 counter;
	int err = 0;

	desc->tfm = tfm;
	for (i = 0; i < len; i += n) {
		counter = cpu_to_be32(i / hlen);
		err = crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, seed, seed_len) ?:
		      crypto_shash_finup(desc, (u8 *)&counter, sizeof(counter),
					 mask);
		if (err)
			break;
		n = min(hlen, len - i);
		for (j = 0; j < n; j++)
			out[i + j] ^= mask[j];
	}
	memzero_explicit(mask, sizeof(mask));
	shash_desc_zero(desc);
	return err;
}

/* H = Hash(0x00 x 8 || mHash || salt), EMSA-PSS's M' (9.1.1 steps 5-6). */
static int rsa_pss_hash(struct crypto_shash *tfm, const u8 *mhash,
			const u8 *salt, unsigned int hlen, u8 *h)
{
	static const u8 zeros[8];
	SHASH_DESC_ON_STACK(desc, tfm);
	int err;

	desc->tfm = tfm;
	err = crypto_shash_init(desc) ?:
	      crypto_shash_update(desc, zeros, sizeof(zeros)) ?:
	      crypto_shash_update(desc, mhash, hlen) ?:
	      crypto_shash_finup(desc, salt, hlen, h);
	shash_desc_zero(desc);
	return err;
}

/* The moduli taken are whole octets long, so emBits = 8k - 1 and
 * emLen = k: EM fills the signature and its top bit is zero.  TLS fixes
 * the salt length to the hash length (RFC 8446, 4.2.3).
 */
static int rsa_pss_encode(const struct tlshake_sig_alg *alg, const u8 *mhash,
			  u8 *em, unsigned int k)
{
	unsigned int hlen = alg->digest_len, db_len = k - hlen - 1;
	struct crypto_shash *tfm;
	u8 *h = em + db_len;
	u8 *salt = h - hlen;
	int err;

	tfm = crypto_alloc_shash(alg->hash, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	/* DB = PS || 0x01 || salt, PS all zero */
	memset(em, 0, db_len - hlen - 1);
	em[db_len - hlen - 1] = 0x01;
	get_random_bytes(salt, hlen);
	err = rsa_pss_hash(tfm, mhash, salt, hlen, h) ?:
	      rsa_mgf1_xor(tfm, h, hlen, em, db_len);
	em[0] &= 0x7f;
	em[k - 1] = 0xbc;
	crypto_free_shash(tfm);
	return err;
}

/* EMSA-PSS-VERIFY (9.1.2) of the EM recovered from a signature. */
static int rsa_pss_verify(const struct tlshake_sig_alg *alg, const u8 *mhash,
			  u8 *em, unsigned int k)
{
	unsigned int hlen = alg->digest_len, db_len = k - hlen - 1;
	const u8 *h = em + db_len;
	const u8 *salt = h - hlen;
	struct crypto_shash *tfm;
	u8 h2[TLSHAKE_SIG_MAX_DIGEST];
	unsigned int i;
	int err;

	if (em[k - 1] != 0xbc || (em[0] & 0x80))
		return -EBADMSG;

	tfm = crypto_alloc_shash(alg->hash, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = rsa_mgf1_xor(tfm, h, hlen, em, db_len);
	if (err)
		goto out;
	em[0] &= 0x7f;
	err = -EBADMSG;
	for (i = 0; i < db_len - hlen - 1; i++)
		if (em[i])
			goto out;
	if (em[db_len - hlen - 1] != 0x01)
		goto out;
	err = rsa_pss_hash(tfm, mhash, salt, hlen, h2);
	if (!err && crypto_memneq(h, h2, hlen))
		err = -EBADMSG;
out:
	crypto_free_shash(tfm);
	return err;
}

/* EMSA-PKCS1-v1_5-ENCODE (9.2): 0x00 0x01 0xff... 0x00 DigestInfo. */
static int rsa_pkcs1_encode(const struct tlshake_sig_alg *alg,
			    const u8 *digest, u8 *em, unsigned int k)
{
	unsigned int hlen = alg->digest_len;
	const u8 *info;
	size_t info_len;

	switch (hlen) {
	case 32:
		info = rsa_digest_info_sha256;
		info_len = sizeof(rsa_digest_info_sha256);
		break;
	case 48:
		info = rsa_digest_info_sha384;
		info_len = sizeof(rsa_digest_info_sha384);
		break;
	case 64:
		info = rsa_digest_info_sha512;
		info_len = sizeof(rsa_digest_info_sha512);
		break;
	default:
		return -EINVAL;
	}
	em[0] = 0x00;
	em[1] = 0x01;
	memset(em + 2, 0xff, k - 3 - info_len - hlen);
	em[k - 1 - info_len - hlen] = 0x00;
	memcpy(em + k - info_len - hlen, info, info_len);
	memcpy(em + k - hlen, digest, hlen);
	return 0;
}

/**
 * tlshake_rsa_verify() - verify an RSA signature (RFC 8017, 8.1.2, 8.2.2)
 * @key: the RSA public key
 * @alg: the scheme: PSS with a salt as long as the digest, or PKCS #1 v1.5
 * @digest: the message digest under the scheme's hash
 * @sig: the signature, as long as the modulus
 * @sig_len: its length
 *
 * PKCS #1 v1.5 is checked by encoding the expected EM and comparing, the
 * way RFC 8017 describes, so no parser sees the recovered DigestInfo.
 *
 * Return: 0 if the signature is valid, -EBADMSG if not, or a negative
 * errno when the computation failed.
 */
int tlshake_rsa_verify(const struct tlshake_pubkey *key,
		       const struct tlshake_sig_alg *alg, const u8 *digest,
		       const u8 *sig, size_t sig_len)
{
	size_t k = key->rsa.k;
	u8 *em;
	int err;

	if (sig_len != k)
		return -EBADMSG;
	em = kmalloc(2 * k, GFP_KERNEL);
	if (!em)
		return -ENOMEM;

	/* RSAVP1 refuses a signature that is not below n (5.2.2 step 1). */
	if (rsa_core_public(&key->rsa, em, sig)) {
		err = -EBADMSG;
	} else if (alg->pss) {
		err = rsa_pss_verify(alg, digest, em, k);
	} else {
		err = rsa_pkcs1_encode(alg, digest, em + k, k);
		if (!err && crypto_memneq(em, em + k, k))
			err = -EBADMSG;
	}
	kfree(em);
	return err;
}

/**
 * tlshake_rsa_encrypt_pkcs1() - encrypt a short message with RSAES-PKCS1-v1_5
 * @key: the recipient's public key, RSA
 * @msg: the message, at most the modulus's length less 11 bytes
 * @len: its length
 * @out: where to write the ciphertext
 * @out_len: on entry the room at @out, at least the modulus's length; on
 *	return the ciphertext's length
 *
 * RFC 8017 7.2.1, for TLS 1.2's RSA key transport (RFC 5246 7.4.7.1):
 * 0x00 0x02, at least eight random non-zero bytes, 0x00, the message.
 *
 * Return: 0, -EINVAL for a key that is not RSA, a message too long or too
 * little room, or another negative errno.
 */
int tlshake_rsa_encrypt_pkcs1(const struct tlshake_pubkey *key,
			      const u8 *msg, size_t len, u8 *out,
			      size_t *out_len)
{
	size_t k, ps, i;
	u8 *em;
	int err;

	if (key->type != TLSHAKE_KEY_RSA)
		return -EINVAL;
	k = key->rsa.k;
	if (len + 11 > k || *out_len < k)
		return -EINVAL;
	em = kmalloc(k, GFP_KERNEL);
	if (!em)
		return -ENOMEM;

	ps = k - len - 3;
	em[0] = 0x00;
	em[1] = 0x02;
	get_random_bytes(em + 2, ps);
	for (i = 2; i < 2 + ps; i++)
		while (!em[i])
			get_random_bytes(&em[i], 1);
	em[2 + ps] = 0x00;
	memcpy(em + 3 + ps, msg, len);
	/* Below n: the top byte is zero and n has k bytes. */
	err = rsa_core_public(&key->rsa, out, em);
	kfree_sensitive(em);
	if (!err)
		*out_len = k;
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_rsa_encrypt_pkcs1);

/* Blinding factors that cannot be inverted come once in about 2^1000
 * draws; more than a few in a row mean the random bytes are broken.
 */
#define RSA_PRIVATE_TRIES	4

/* The private operation on @in, blinded with fresh random bytes at @rnd. */
static int rsa_private(const struct tlshake_privkey *key, u8 *out,
		       const u8 *in, u8 *rnd, struct rsa_core_ws *ws)
{
	unsigned int i = 0;
	int err;

	do {
		get_random_bytes(rnd, RSA_CORE_RANDOM(key->rsa.pub.k));
		err = rsa_core_private(&key->rsa, out, in, rnd, ws);
	} while (err == -EAGAIN && ++i < RSA_PRIVATE_TRIES);
	return err;
}

/**
 * tlshake_rsa_sign() - make an RSA signature (RFC 8017, 8.1.1, 8.2.1)
 * @key: the RSA private key
 * @alg: the scheme: PSS with a random salt as long as the digest, or
 *	PKCS #1 v1.5
 * @digest: the message digest under the scheme's hash
 * @sig: where to write the signature, as long as the modulus
 * @sig_len: set to the signature's length
 *
 * Return: 0, -EIO if the signature did not verify (a fault in the private
 * operation, or a key whose dp or dq is wrong), or another negative errno.
 */
int tlshake_rsa_sign(const struct tlshake_privkey *key,
		     const struct tlshake_sig_alg *alg, const u8 *digest,
		     u8 *sig, size_t *sig_len)
{
	size_t k = key->rsa.pub.k;
	struct rsa_core_ws *ws;
	u8 *em, *rnd;
	int err;

	/* The random bytes blind the private operation: secret too. */
	em = kmalloc(k + RSA_CORE_RANDOM(k), GFP_KERNEL);
	ws = kmalloc(sizeof(*ws), GFP_KERNEL);
	if (!em || !ws) {
		err = -ENOMEM;
		goto out;
	}
	rnd = em + k;

	err = alg->pss ? rsa_pss_encode(alg, digest, em, k) :
			 rsa_pkcs1_encode(alg, digest, em, k);
	if (err)
		goto out;
	err = rsa_private(key, sig, em, rnd, ws);
	if (!err)
		*sig_len = k;
out:
	kfree_sensitive(ws);
	kfree_sensitive(em);
	return err;
}

/**
 * tlshake_rsa_decrypt_pms() - recover TLS 1.2's RSA premaster secret
 * @key: the server's private key
 * @ct: EncryptedPreMasterSecret
 * @ct_len: its length
 * @pms: where to write the premaster secret, %TLSHAKE_RSA_PMS_LEN bytes
 * @version: ClientHello.client_version, which the secret must start with
 *
 * RFC 5246 7.4.7.1: a random premaster secret is made first and kept
 * whenever the block is not PKCS #1 v1.5 padding of a 48-byte secret of
 * @version (rsa_core_tls_pms_decode()), nor a ciphertext below the
 * modulus: the caller carries on either way, and a client that did not
 * know the secret fails at Finished, without learning which it was.
 *
 * Return: 0 with @pms set; -EBADMSG if @ct is not as long as the modulus
 * (public, a decode_error); -EINVAL for a key that is not RSA; -EIO for a
 * fault in the private operation; or another negative errno.
 */
int tlshake_rsa_decrypt_pms(const struct tlshake_privkey *key, const u8 *ct,
			    size_t ct_len, u8 *pms, u16 version)
{
	struct rsa_core_ws *ws;
	size_t k;
	u8 *em;
	int err;

	if (key->type != TLSHAKE_KEY_RSA)
		return -EINVAL;
	k = key->rsa.pub.k;
	if (ct_len != k)
		return -EBADMSG;
	get_random_bytes(pms, TLSHAKE_RSA_PMS_LEN);

	em = kmalloc(k + RSA_CORE_RANDOM(k), GFP_KERNEL);
	ws = kmalloc(sizeof(*ws), GFP_KERNEL);
	if (!em || !ws) {
		err = -ENOMEM;
		goto out;
	}
	/* A ciphertext not below n is public: it leaves the random secret. */
	err = rsa_private(key, em, ct, em + k, ws);
	if (err == -EINVAL) {
		err = 0;
		goto out;
	}
	if (!err)
		err = rsa_core_tls_pms_decode(em, k, pms, TLSHAKE_RSA_PMS_LEN,
					      version);
out:
	kfree_sensitive(ws);
	kfree_sensitive(em);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_rsa_decrypt_pms);
