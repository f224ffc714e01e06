// SPDX-License-Identifier: GPL-2.0
/*
 * Certification path validation: the subset of RFC 5280 6 that TLS
 * needs.
 *
 * A path is built from the peer's end-entity certificate up to a trust
 * anchor, through the other certificates the peer sent, which RFC 8446
 * 4.4.2 lets arrive in any order and with extras.  At each step the
 * candidates are the anchors first, then the peer's certificates, and a
 * candidate issues a certificate when its subject is the certificate's
 * issuer, byte for byte, its subjectKeyIdentifier (when both are present)
 * is the certificate's authorityKeyIdentifier, its key can make the
 * certificate's kind of signature, and the signature verifies.  When a
 * candidate leads nowhere the search goes back and tries the next, so a
 * wrong certificate with a right name (a cross-signed or renewed CA) does
 * not hide the right one; the search is bounded by the path length
 * (TLSHAKE_X509_MAX_DEPTH) and the number of signatures checked
 * (TLSHAKE_X509_MAX_SIG_CHECKS), not exponential.
 *
 * Every certificate on the path must be within its validity period and
 * allow TLS for the purpose (extendedKeyUsage, where present); the
 * end-entity certificate's keyUsage must allow digitalSignature; every
 * issuer must be a CA (basicConstraints cA) whose keyUsage allows
 * keyCertSign and whose pathLenConstraint holds.  A trust anchor is
 * checked like any other certificate but its own signature is not, and it
 * ends the path: it may be the end-entity certificate itself, its issuer
 * or any CA above; a copy the peer sent is taken for the anchor.
 *
 * Not implemented, and refused where it matters: name constraints and
 * policies (a CA that marks them critical is refused as an unknown
 * critical extension), revocation.
 *
 * Pure code (see pure.h): the signature check is the caller's callback.
 */

#include "wire.h"
#include "x509.h"

static const struct {
	int err;
	u8 alert;
	const char *name;
} x509_errs[TLSHAKE_X509_NR_ERRS] = {
	[TLSHAKE_X509_OK] = { 0, 0, "ok" },
	[TLSHAKE_X509_MALFORMED] = {
		-EBADMSG, TLSW_ALERT_BAD_CERTIFICATE, "malformed certificate" },
	[TLSHAKE_X509_UNSUPPORTED] = {
		-ENOPKG, TLSW_ALERT_UNSUPPORTED_CERTIFICATE,
		"unsupported algorithm or key" },
	[TLSHAKE_X509_CRITICAL_EXT] = {
		-EOPNOTSUPP, TLSW_ALERT_UNSUPPORTED_CERTIFICATE,
		"unknown critical extension" },
	[TLSHAKE_X509_EXPIRED] = {
		-EKEYEXPIRED, TLSW_ALERT_CERTIFICATE_EXPIRED,
		"certificate expired" },
	[TLSHAKE_X509_NOT_YET_VALID] = {
		-EKEYEXPIRED, TLSW_ALERT_CERTIFICATE_EXPIRED,
		"certificate not yet valid" },
	[TLSHAKE_X509_UNKNOWN_ISSUER] = {
		-ENOKEY, TLSW_ALERT_UNKNOWN_CA, "unknown issuer" },
	[TLSHAKE_X509_BAD_SIGNATURE] = {
		-EKEYREJECTED, TLSW_ALERT_BAD_CERTIFICATE,
		"bad certificate signature" },
	[TLSHAKE_X509_NOT_CA] = {
		-EKEYREJECTED, TLSW_ALERT_UNKNOWN_CA, "issuer is not a CA" },
	[TLSHAKE_X509_PATH_TOO_LONG] = {
		-ELOOP, TLSW_ALERT_UNKNOWN_CA, "path too long" },
	[TLSHAKE_X509_KEY_USAGE] = {
		-EKEYREJECTED, TLSW_ALERT_UNSUPPORTED_CERTIFICATE,
		"key usage does not allow it" },
	[TLSHAKE_X509_NAME_MISMATCH] = {
		-EACCES, TLSW_ALERT_BAD_CERTIFICATE, "name mismatch" },
};

/**
 * tlshake_x509_err_errno() - the errno of a certificate refusal
 * @err: the reason
 *
 * -EBADMSG (malformed), -ENOPKG (unsupported), -EOPNOTSUPP (unknown
 * critical extension), -EKEYEXPIRED (outside the validity period), -ENOKEY
 * (unknown issuer), -EKEYREJECTED (bad signature, not a CA, key usage),
 * -ELOOP (path too long), -EACCES (name mismatch).
 *
 * Return: the negative errno, 0 for %TLSHAKE_X509_OK.
 */
int tlshake_x509_err_errno(enum tlshake_x509_err err)
{
	return err < TLSHAKE_X509_NR_ERRS ? x509_errs[err].err : -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_err_errno);

/**
 * tlshake_x509_err_alert() - the alert a certificate refusal calls for
 * @err: the reason
 *
 * As RFC 8446 6.2 describes the alerts: certificate_expired for a
 * certificate outside its validity period, unknown_ca when no path to a
 * trust anchor exists (no issuer found, or the issuer found may not issue:
 * not a CA, or its path length exceeded), unsupported_certificate for
 * algorithms, keys, critical extensions and key usages we cannot accept,
 * bad_certificate for a malformed certificate, a signature that does not
 * verify (a certificate's signature, unlike CertificateVerify's, is not a
 * decrypt_error) and a certificate issued for another name.
 *
 * Return: the AlertDescription, 0 for %TLSHAKE_X509_OK.
 */
u8 tlshake_x509_err_alert(enum tlshake_x509_err err)
{
	return err < TLSHAKE_X509_NR_ERRS ? x509_errs[err].alert :
	       TLSW_ALERT_INTERNAL_ERROR;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_err_alert);

/**
 * tlshake_x509_err_name() - a certificate refusal, in words
 * @err: the reason
 *
 * Return: a short English phrase, for log messages.
 */
const char *tlshake_x509_err_name(enum tlshake_x509_err err)
{
	return err < TLSHAKE_X509_NR_ERRS ? x509_errs[err].name : "?";
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_err_name);

/**
 * tlshake_x509_list_next() - read a certificate from a list
 * @list: the list: DER certificates each preceded by a 3-byte big-endian
 *	length (a TLS 1.2 certificate_list); advanced past the certificate
 * @list_len: the bytes left at @list
 * @der: set to the certificate
 * @len: set to its length
 *
 * Return: 1 if a certificate was read, 0 at the end of the list, -EBADMSG
 * if the list is malformed (an empty entry or one longer than the rest).
 */
int tlshake_x509_list_next(const u8 **list, size_t *list_len,
			   const u8 **der, size_t *len)
{
	size_t n;

	if (!*list_len)
		return 0;
	if (*list_len < 3)
		return -EBADMSG;
	n = get_unaligned_be24(*list);
	if (!n || n > *list_len - 3)
		return -EBADMSG;
	*der = *list + 3;
	*len = n;
	*list += 3 + n;
	*list_len -= 3 + n;
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_list_next);

static int x509_list_check(const u8 *list, size_t list_len)
{
	const u8 *der;
	size_t len;
	int err;

	while ((err = tlshake_x509_list_next(&list, &list_len, &der, &len)) > 0)
		;
	return err;
}

/* Whether @list holds a certificate identical to @der. */
static bool x509_list_has(const u8 *list, size_t list_len, const u8 *der,
			  size_t len)
{
	const u8 *p;
	size_t n;

	while (tlshake_x509_list_next(&list, &list_len, &p, &n) > 0)
		if (n == len && !memcmp(p, der, len))
			return true;
	return false;
}

/* Record a failure, unless one was recorded further up the path: the
 * search that got furthest tells best why no path was found.
 */
static void x509_path_fail(struct tlshake_x509_path *path,
			   enum tlshake_x509_err err, unsigned int depth,
			   const struct tlshake_x509_span *name)
{
	if (path->err != TLSHAKE_X509_OK && path->err_depth >= depth)
		return;
	path->err = err;
	path->err_depth = depth;
	path->err_name = *name;
}

static bool x509_self_issued(const struct tlshake_x509_cert *cert)
{
	return tlshake_x509_name_eq(&cert->issuer, &cert->subject);
}

/* The checks of certs[depth] that do not involve its issuer. */
static enum tlshake_x509_err x509_path_check(struct tlshake_x509_path *path,
					     unsigned int depth, bool anchor)
{
	const struct tlshake_x509_cert *cert = &path->certs[depth];
	u8 purpose = path->purpose == TLSHAKE_X509_PURPOSE_SERVER ?
		     TLSHAKE_X509_EKU_SERVER_AUTH :
		     TLSHAKE_X509_EKU_CLIENT_AUTH;
	unsigned int i, below = 0;

	if (path->now < cert->not_before)
		return TLSHAKE_X509_NOT_YET_VALID;
	if (path->now > cert->not_after)
		return TLSHAKE_X509_EXPIRED;
	/* RFC 5280 defines extendedKeyUsage for the end entity only, but CAs
	 * use it to restrict what they issue for, and browsers honour it.
	 */
	if ((cert->has & TLSHAKE_X509_HAS_EKU) &&
	    !(cert->eku & (purpose | TLSHAKE_X509_EKU_ANY)))
		return TLSHAKE_X509_KEY_USAGE;

	if (!depth) {
		if ((cert->has & TLSHAKE_X509_HAS_KEY_USAGE) &&
		    !(cert->key_usage & TLSHAKE_X509_KU_DIGITAL_SIGNATURE))
			return TLSHAKE_X509_KEY_USAGE;
		return TLSHAKE_X509_OK;
	}

	/* An issuer.  A version 1 certificate has no basicConstraints; one
	 * that is self-signed and configured as a trust anchor is an old
	 * root, and a CA.
	 */
	if (!(anchor && cert->version == 1 && x509_self_issued(cert)) &&
	    !((cert->has & TLSHAKE_X509_HAS_BASIC_CONSTRAINTS) && cert->ca))
		return TLSHAKE_X509_NOT_CA;
	if ((cert->has & TLSHAKE_X509_HAS_KEY_USAGE) &&
	    !(cert->key_usage & TLSHAKE_X509_KU_KEY_CERT_SIGN))
		return TLSHAKE_X509_KEY_USAGE;
	/* pathLenConstraint counts the non-self-issued CAs below. */
	if (cert->has_path_len) {
		for (i = 1; i < depth; i++)
			below += !x509_self_issued(&path->certs[i]);
		if (below > cert->path_len)
			return TLSHAKE_X509_PATH_TOO_LONG;
	}
	return TLSHAKE_X509_OK;
}

/* Whether @issuer may have issued @cert, short of the signature.  A
 * self-issued certificate is taken for a self-signed root: only another
 * copy of it, with the same key, vouches for it (a root the peer sent that
 * merely has a trusted root's name is an unknown issuer, not a bad
 * signature).  Key-rollover certificates, self-issued but signed by an
 * older key, have no place in TLS chains.
 */
static bool x509_may_issue(const struct tlshake_x509_cert *issuer,
			   const struct tlshake_x509_cert *cert)
{
	bool rsa = issuer->spki.alg == TLSHAKE_KEY_RSA;

	if (!tlshake_x509_name_eq(&issuer->subject, &cert->issuer))
		return false;
	if (x509_self_issued(cert) &&
	    (issuer->spki.der_len != cert->spki.der_len ||
	     memcmp(issuer->spki.der, cert->spki.der, cert->spki.der_len)))
		return false;
	if (cert->aki.len && issuer->ski.len &&
	    (cert->aki.len != issuer->ski.len ||
	     memcmp(cert->aki.data, issuer->ski.data, cert->aki.len)))
		return false;
	switch (cert->sig_alg) {
	case TLSHAKE_X509_SIG_ECDSA_SHA256:
	case TLSHAKE_X509_SIG_ECDSA_SHA384:
		return !rsa;
	default:
		return rsa;
	}
}

/* Whether a certificate identical to @der is on the path below @depth. */
static bool x509_on_path(const struct tlshake_x509_path *path,
			 unsigned int depth, const u8 *der, size_t len)
{
	unsigned int i;

	for (i = 0; i < depth; i++)
		if (path->certs[i].der.len == len &&
		    !memcmp(path->certs[i].der.data, der, len))
			return true;
	return false;
}

/* Complete the path above certs[depth], which has passed its own checks.
 * Return: 0 when a trust anchor was reached, -ENOKEY when no path exists,
 * another negative errno when the search had to stop.
 */
static int x509_path_up(struct tlshake_x509_path *path, unsigned int depth)
{
	const struct tlshake_x509_cert *cert = &path->certs[depth];
	struct tlshake_x509_cert *cand = &path->certs[depth + 1];
	enum tlshake_x509_err err;
	const u8 *list, *der;
	size_t list_len, len;
	unsigned int pass;
	int ret;

	for (pass = 0; pass < 2; pass++) {
		bool anchor = pass == 0;

		list = anchor ? path->anchors : path->chain;
		list_len = anchor ? path->anchors_len : path->chain_len;
		while (tlshake_x509_list_next(&list, &list_len, &der, &len) > 0) {
			if (x509_on_path(path, depth + 1, der, len) ||
			    (!anchor && x509_list_has(path->anchors,
						      path->anchors_len,
						      der, len)))
				continue;
			if (tlshake_x509_parse(der, len, cand) ||
			    !x509_may_issue(cand, cert))
				continue;
			/* Only an anchor may take the last place. */
			if (!anchor && depth + 2 >= TLSHAKE_X509_MAX_DEPTH) {
				x509_path_fail(path, TLSHAKE_X509_PATH_TOO_LONG,
					       depth + 1, &cand->subject);
				continue;
			}
			err = x509_path_check(path, depth + 1, anchor);
			if (err) {
				x509_path_fail(path, err, depth + 1,
					       &cand->subject);
				continue;
			}

			if (path->sig_checks++ >= TLSHAKE_X509_MAX_SIG_CHECKS)
				return -ELOOP;
			ret = path->sig_check(path->sig_arg, cand, cert);
			if (ret == -EKEYREJECTED) {
				x509_path_fail(path, TLSHAKE_X509_BAD_SIGNATURE,
					       depth + 1, &cert->subject);
				continue;
			}
			if (ret)
				return ret;

			if (anchor) {
				path->depth = depth + 2;
				return 0;
			}
			ret = x509_path_up(path, depth + 1);
			if (ret != -ENOKEY)
				return ret;
		}
	}
	x509_path_fail(path, TLSHAKE_X509_UNKNOWN_ISSUER, depth, &cert->issuer);
	return -ENOKEY;
}

/**
 * tlshake_x509_path_validate() - validate a peer's certificate chain
 * @path: the inputs (@chain, @anchors, @now, @purpose, @sig_check,
 *	@sig_arg) and the state; see struct tlshake_x509_path
 *
 * Builds and checks a path from the first certificate of @path->chain to
 * one of @path->anchors, as this file's header describes.  Certificates of
 * the chain that are not needed are ignored, and so are anchors that fail
 * to parse (a CA bundle may hold some with algorithms we do not support).
 * The end-entity certificate's names are not looked at: see
 * tlshake_x509_check_host().
 *
 * Return: 0 with the path in @path->certs[0 .. @path->depth - 1];
 * tlshake_x509_err_errno() of the reason, left in @path->err (with
 * @path->err_depth and @path->err_name), when the chain is refused;
 * -EINVAL if the anchors are not a list of certificates; or the error of
 * @path->sig_check that stopped the search.
 */
int tlshake_x509_path_validate(struct tlshake_x509_path *path)
{
	const u8 *list = path->chain, *der;
	size_t list_len = path->chain_len, len;
	enum tlshake_x509_err err;
	int ret;

	path->depth = 0;
	path->sig_checks = 0;
	path->err = TLSHAKE_X509_OK;
	path->err_depth = 0;
	path->err_name.data = NULL;
	path->err_name.len = 0;

	if (x509_list_check(path->anchors, path->anchors_len))
		return -EINVAL;
	if (x509_list_check(path->chain, path->chain_len) ||
	    tlshake_x509_list_next(&list, &list_len, &der, &len) != 1) {
		path->err = TLSHAKE_X509_MALFORMED;
		return tlshake_x509_err_errno(path->err);
	}

	ret = tlshake_x509_parse(der, len, &path->certs[0]);
	if (ret) {
		path->err = tlshake_x509_parse_err(ret);
		return tlshake_x509_err_errno(path->err);
	}
	err = x509_path_check(path, 0, false);
	if (err) {
		x509_path_fail(path, err, 0, &path->certs[0].subject);
		return tlshake_x509_err_errno(err);
	}
	/* The end-entity certificate may be trusted as it is. */
	if (x509_list_has(path->anchors, path->anchors_len, der, len)) {
		path->depth = 1;
		return 0;
	}

	ret = x509_path_up(path, 0);
	if (!ret) {
		path->err = TLSHAKE_X509_OK;
		return 0;
	}
	if (ret != -ENOKEY && ret != -ELOOP)
		return ret;
	/* Out of budget: say why the paths tried so far failed. */
	if (path->err == TLSHAKE_X509_OK)
		x509_path_fail(path, TLSHAKE_X509_UNKNOWN_ISSUER, 0,
			       &path->certs[0].issuer);
	return tlshake_x509_err_errno(path->err);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_path_validate);
