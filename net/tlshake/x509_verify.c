// SPDX-License-Identifier: GPL-2.0
/*
 * Certificate chain verification in the kernel: the signature check that
 * x509_path.c leaves to a callback, done with sig.h, and the entry point
 * that validates a peer's chain and its name.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "keys.h"
#include "sig.h"
#include "x509_verify.h"

/* The TLS SignatureScheme that checks a certificate signature, and the
 * hash it is made over.  ECDSA schemes name a curve; the issuer's key
 * decides which.
 */
static int x509_sig_scheme(const struct tlshake_x509_cert *issuer,
			   enum tlshake_x509_sig_alg alg, u16 *scheme,
			   const char **hash, unsigned int *hash_len)
{
	static const struct {
		u16 scheme;
		const char *hash;
		unsigned int len;
	} algs[] = {
		[TLSHAKE_X509_SIG_RSA_PKCS1_SHA256] = {
			TLSHAKE_SIG_RSA_PKCS1_SHA256, "sha256", 32 },
		[TLSHAKE_X509_SIG_RSA_PKCS1_SHA384] = {
			TLSHAKE_SIG_RSA_PKCS1_SHA384, "sha384", 48 },
		[TLSHAKE_X509_SIG_RSA_PKCS1_SHA512] = {
			TLSHAKE_SIG_RSA_PKCS1_SHA512, "sha512", 64 },
		[TLSHAKE_X509_SIG_RSA_PSS_SHA256] = {
			TLSHAKE_SIG_RSA_PSS_RSAE_SHA256, "sha256", 32 },
		[TLSHAKE_X509_SIG_RSA_PSS_SHA384] = {
			TLSHAKE_SIG_RSA_PSS_RSAE_SHA384, "sha384", 48 },
		[TLSHAKE_X509_SIG_RSA_PSS_SHA512] = {
			TLSHAKE_SIG_RSA_PSS_RSAE_SHA512, "sha512", 64 },
		[TLSHAKE_X509_SIG_ECDSA_SHA256] = { 0, "sha256", 32 },
		[TLSHAKE_X509_SIG_ECDSA_SHA384] = { 0, "sha384", 48 },
	};

	if (alg <= 0 || alg >= ARRAY_SIZE(algs) || !algs[alg].hash)
		return -EINVAL;
	*scheme = algs[alg].scheme;
	*hash = algs[alg].hash;
	*hash_len = algs[alg].len;
	if (alg == TLSHAKE_X509_SIG_ECDSA_SHA256 ||
	    alg == TLSHAKE_X509_SIG_ECDSA_SHA384)
		*scheme = issuer->spki.alg == TLSHAKE_KEY_EC_P256 ?
			  TLSHAKE_SIG_ECDSA_SECP256R1_SHA256 :
			  TLSHAKE_SIG_ECDSA_SECP384R1_SHA384;
	return 0;
}

/**
 * tlshake_x509_check_sig() - check a certificate's signature (the
 *	tlshake_x509_sig_check_t of the kernel)
 * @arg: unused
 * @issuer: the candidate issuer
 * @cert: the certificate
 *
 * The TBSCertificate is hashed with the signature algorithm's hash and the
 * signature checked with the issuer's key under the matching TLS scheme:
 * rsa_pkcs1_* for PKCS #1 v1.5, rsa_pss_rsae_* for RSASSA-PSS (whose
 * parameters the parser has restricted to those of the TLS schemes), and
 * the ECDSA scheme of the issuer's curve.  X.509, unlike TLS 1.3, lets a
 * curve sign with another hash: as ECDSA prescribes (SEC 1 4.1.4), the
 * digest is cut to the size of the curve's order, or widened with leading
 * zeros, which leaves its value unchanged, before the check.  The
 * issuer's key is made once and then found in the module's cache
 * (tlshake_pubkey_load()); the signature is checked every time.
 *
 * Return: 0 if the signature verifies, -EKEYREJECTED if it does not or
 * the issuer's key is unusable, -ENOMEM or another negative errno if it
 * could not be checked.
 */
int tlshake_x509_check_sig(void *arg, const struct tlshake_x509_cert *issuer,
			   const struct tlshake_x509_cert *cert)
{
	u8 digest[TLSHAKE_SIG_MAX_DIGEST] = {};
	unsigned int hash_len, key_len;
	struct tlshake_pubkey *key;
	struct crypto_shash *tfm;
	const char *hash;
	u16 scheme;
	int err;

	err = x509_sig_scheme(issuer, cert->sig_alg, &scheme, &hash,
			      &hash_len);
	if (err)
		return -EKEYREJECTED;
	key_len = hash_len;
	if (issuer->spki.alg == TLSHAKE_KEY_EC_P256)
		key_len = 32;
	else if (issuer->spki.alg == TLSHAKE_KEY_EC_P384)
		key_len = 48;

	tfm = crypto_alloc_shash(hash, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	/* Right-aligned: a shorter digest gains leading zeros. */
	err = crypto_shash_tfm_digest(tfm, cert->tbs.data, cert->tbs.len,
				      digest + (key_len > hash_len ?
						key_len - hash_len : 0));
	crypto_free_shash(tfm);
	if (err)
		return err;

	key = tlshake_pubkey_load(&issuer->spki);
	if (IS_ERR(key))
		return PTR_ERR(key) == -ENOMEM ? -ENOMEM : -EKEYREJECTED;
	/* A longer digest is cut to its leftmost key_len bytes. */
	err = tlshake_sig_verify_digest(key, scheme, digest, key_len,
					cert->sig.data, cert->sig.len);
	tlshake_pubkey_free(key);
	switch (err) {
	case 0:
	case -ENOMEM:
		return err;
	case -EBADMSG:
	case -EINVAL:
	case -EKEYREJECTED:
		return -EKEYREJECTED;
	default:
		return err;
	}
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_check_sig);

/**
 * tlshake_x509_verify_chain() - verify a peer's certificate chain
 * @chain: the peer's certificates in the form of tlshake_params.cert_chain
 *	(each DER certificate preceded by a 3-byte length), end-entity first
 * @chain_len: bytes at @chain
 * @anchors: the trust anchors, in the same form
 * @anchors_len: bytes at @anchors
 * @now: the time to check validity at (ktime_get_real_seconds(), or a
 *	fixed time in tests)
 * @purpose: whether the peer is a server or a client
 * @host: the name or IP address the end-entity certificate must be valid
 *	for (RFC 6125), NUL-terminated; NULL to check none (a server does
 *	not check its clients' names)
 * @reason: set to why the chain was refused, %TLSHAKE_X509_OK if it was
 *	not
 *
 * Return: 0 if a path from the end-entity certificate to a trust anchor
 * validates (tlshake_x509_path_validate()) and the certificate is valid
 * for @host; tlshake_x509_err_errno() of @reason if not; -EINVAL if the
 * anchors are malformed or @host is not a host name or IP address;
 * -ENOMEM.
 */
int tlshake_x509_verify_chain(const u8 *chain, size_t chain_len,
			      const u8 *anchors, size_t anchors_len,
			      time64_t now, enum tlshake_x509_purpose purpose,
			      const char *host, enum tlshake_x509_err *reason)
{
	struct tlshake_x509_path *path;
	char name[128];
	int err;

	*reason = TLSHAKE_X509_OK;
	path = kzalloc(sizeof(*path), GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	path->chain = chain;
	path->chain_len = chain_len;
	path->anchors = anchors;
	path->anchors_len = anchors_len;
	path->now = now;
	path->purpose = purpose;
	path->sig_check = tlshake_x509_check_sig;

	err = tlshake_x509_path_validate(path);
	if (!err && host) {
		err = tlshake_x509_check_host(&path->certs[0], host,
					      strlen(host));
		if (err == -EACCES) {
			path->err = TLSHAKE_X509_NAME_MISMATCH;
			path->err_depth = 0;
			path->err_name = path->certs[0].subject;
		}
	}
	*reason = path->err;
	if (path->err != TLSHAKE_X509_OK) {
		tlshake_x509_name_print(&path->err_name, name, sizeof(name));
		pr_debug("peer certificate chain refused: %s at depth %u (%s)\n",
			 tlshake_x509_err_name(path->err), path->err_depth,
			 name);
	}
	kfree(path);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_verify_chain);
