/* SPDX-License-Identifier: GPL-2.0 */
/*
 * X.509 v3 certificates (RFC 5280) as TLS needs them: a parser, Name
 * comparison and printing, host-name verification (RFC 6125) and the
 * path validation of a peer's chain against trust anchors.
 *
 * Pure code (see pure.h): the certificates come from the peer.  A parsed
 * certificate points into the caller's buffer, which must outlive it;
 * nothing is allocated.  The one cryptographic step of path validation,
 * checking a certificate's signature with its issuer's key, is a callback
 * (x509_verify.c supplies the kernel's), so the rest also runs under a
 * fuzzer.
 */
#ifndef _NET_TLSHAKE_X509_H
#define _NET_TLSHAKE_X509_H

#include "der.h"
#include "pure.h"
#include "x509_spki.h"

/**
 * enum tlshake_x509_err - why a certificate or a chain was refused
 * @TLSHAKE_X509_OK: it was not
 * @TLSHAKE_X509_MALFORMED: not a DER certificate as RFC 5280 defines it
 * @TLSHAKE_X509_UNSUPPORTED: a version, signature algorithm, key type or
 *	key size we do not accept
 * @TLSHAKE_X509_CRITICAL_EXT: an unknown extension marked critical
 * @TLSHAKE_X509_EXPIRED: the current time is past notAfter
 * @TLSHAKE_X509_NOT_YET_VALID: the current time is before notBefore
 * @TLSHAKE_X509_UNKNOWN_ISSUER: no path leads to a trust anchor
 * @TLSHAKE_X509_BAD_SIGNATURE: a signature does not verify with the key of
 *	the only certificate that could have issued it
 * @TLSHAKE_X509_NOT_CA: an issuer is not a CA (basicConstraints)
 * @TLSHAKE_X509_PATH_TOO_LONG: a pathLenConstraint is exceeded, or the
 *	chain is longer than TLSHAKE_X509_MAX_DEPTH
 * @TLSHAKE_X509_KEY_USAGE: keyUsage or extendedKeyUsage forbids the use
 * @TLSHAKE_X509_NAME_MISMATCH: the end-entity certificate is not valid for
 *	the host name or address
 * @TLSHAKE_X509_NR_ERRS: the number of values
 */
enum tlshake_x509_err {
	TLSHAKE_X509_OK,
	TLSHAKE_X509_MALFORMED,
	TLSHAKE_X509_UNSUPPORTED,
	TLSHAKE_X509_CRITICAL_EXT,
	TLSHAKE_X509_EXPIRED,
	TLSHAKE_X509_NOT_YET_VALID,
	TLSHAKE_X509_UNKNOWN_ISSUER,
	TLSHAKE_X509_BAD_SIGNATURE,
	TLSHAKE_X509_NOT_CA,
	TLSHAKE_X509_PATH_TOO_LONG,
	TLSHAKE_X509_KEY_USAGE,
	TLSHAKE_X509_NAME_MISMATCH,
	TLSHAKE_X509_NR_ERRS
};

int tlshake_x509_err_errno(enum tlshake_x509_err err);
u8 tlshake_x509_err_alert(enum tlshake_x509_err err);
const char *tlshake_x509_err_name(enum tlshake_x509_err err);

/**
 * enum tlshake_x509_sig_alg - the certificate signature algorithms accepted
 * @TLSHAKE_X509_SIG_RSA_PKCS1_SHA256: sha256WithRSAEncryption
 * @TLSHAKE_X509_SIG_RSA_PKCS1_SHA384: sha384WithRSAEncryption
 * @TLSHAKE_X509_SIG_RSA_PKCS1_SHA512: sha512WithRSAEncryption
 * @TLSHAKE_X509_SIG_RSA_PSS_SHA256: RSASSA-PSS, SHA-256, MGF1 with SHA-256,
 *	32 bytes of salt
 * @TLSHAKE_X509_SIG_RSA_PSS_SHA384: the same with SHA-384 and 48 bytes
 * @TLSHAKE_X509_SIG_RSA_PSS_SHA512: the same with SHA-512 and 64 bytes
 * @TLSHAKE_X509_SIG_ECDSA_SHA256: ecdsa-with-SHA256
 * @TLSHAKE_X509_SIG_ECDSA_SHA384: ecdsa-with-SHA384
 */
enum tlshake_x509_sig_alg {
	TLSHAKE_X509_SIG_RSA_PKCS1_SHA256 = 1,
	TLSHAKE_X509_SIG_RSA_PKCS1_SHA384,
	TLSHAKE_X509_SIG_RSA_PKCS1_SHA512,
	TLSHAKE_X509_SIG_RSA_PSS_SHA256,
	TLSHAKE_X509_SIG_RSA_PSS_SHA384,
	TLSHAKE_X509_SIG_RSA_PSS_SHA512,
	TLSHAKE_X509_SIG_ECDSA_SHA256,
	TLSHAKE_X509_SIG_ECDSA_SHA384,
};

/* keyUsage bits (RFC 5280 4.2.1.3): bit n of the BIT STRING is BIT(n). */
#define TLSHAKE_X509_KU_DIGITAL_SIGNATURE	BIT(0)
#define TLSHAKE_X509_KU_NON_REPUDIATION		BIT(1)
#define TLSHAKE_X509_KU_KEY_ENCIPHERMENT	BIT(2)
#define TLSHAKE_X509_KU_DATA_ENCIPHERMENT	BIT(3)
#define TLSHAKE_X509_KU_KEY_AGREEMENT		BIT(4)
#define TLSHAKE_X509_KU_KEY_CERT_SIGN		BIT(5)
#define TLSHAKE_X509_KU_CRL_SIGN		BIT(6)
#define TLSHAKE_X509_KU_ENCIPHER_ONLY		BIT(7)
#define TLSHAKE_X509_KU_DECIPHER_ONLY		BIT(8)

/* extendedKeyUsage purposes we act on (RFC 5280 4.2.1.12). */
#define TLSHAKE_X509_EKU_SERVER_AUTH		BIT(0)
#define TLSHAKE_X509_EKU_CLIENT_AUTH		BIT(1)
#define TLSHAKE_X509_EKU_ANY			BIT(2)

/* Presence of the extensions whose contents struct tlshake_x509_cert keeps. */
#define TLSHAKE_X509_HAS_BASIC_CONSTRAINTS	BIT(0)
#define TLSHAKE_X509_HAS_KEY_USAGE		BIT(1)
#define TLSHAKE_X509_HAS_EKU			BIT(2)
#define TLSHAKE_X509_HAS_SAN			BIT(3)
#define TLSHAKE_X509_HAS_AKI			BIT(4)
#define TLSHAKE_X509_HAS_SKI			BIT(5)

/**
 * struct tlshake_x509_span - bytes inside the certificate's buffer
 * @data: the first byte
 * @len: the number of bytes
 */
struct tlshake_x509_span {
	const u8 *data;
	size_t len;
};

/**
 * struct tlshake_x509_cert - a parsed certificate
 * @der: the whole Certificate
 * @tbs: the TBSCertificate element, the bytes the signature covers
 * @serial: the serialNumber's contents octets
 * @issuer: the issuer Name element, for byte-wise comparison
 * @subject: the subject Name element
 * @not_before: the start of the validity period, in seconds since the epoch
 * @not_after: its end, inclusive
 * @spki: the SubjectPublicKeyInfo: its whole DER (for pins), key algorithm
 *	and key
 * @sig_alg: the signature algorithm (signature and signatureAlgorithm,
 *	which must be identical)
 * @sig: the signatureValue's bits: a DER Ecdsa-Sig-Value or an RSA
 *	signature
 * @san: the subjectAltName's GeneralName elements, read with
 *	tlshake_x509_san_next()
 * @aki: the authorityKeyIdentifier's keyIdentifier, empty if absent
 * @ski: the subjectKeyIdentifier, empty if absent
 * @version: 1, 2 or 3
 * @has: the TLSHAKE_X509_HAS_* bits of the extensions present
 * @ca: basicConstraints cA
 * @path_len: basicConstraints pathLenConstraint (capped at 255), if
 *	@has_path_len
 * @has_path_len: a pathLenConstraint is present
 * @key_usage: the keyUsage bits, TLSHAKE_X509_KU_*
 * @eku: the extendedKeyUsage purposes, TLSHAKE_X509_EKU_*
 */
struct tlshake_x509_cert {
	struct tlshake_x509_span der;
	struct tlshake_x509_span tbs;
	struct tlshake_x509_span serial;
	struct tlshake_x509_span issuer;
	struct tlshake_x509_span subject;
	time64_t not_before;
	time64_t not_after;
	struct tlshake_spki spki;
	enum tlshake_x509_sig_alg sig_alg;
	struct tlshake_x509_span sig;
	struct tlshake_x509_span san;
	struct tlshake_x509_span aki;
	struct tlshake_x509_span ski;
	u8 version;
	u8 has;
	bool ca;
	u8 path_len;
	bool has_path_len;
	u16 key_usage;
	u8 eku;
};

int tlshake_x509_parse(const u8 *der, size_t len,
		       struct tlshake_x509_cert *cert);
enum tlshake_x509_err tlshake_x509_parse_err(int err);
int tlshake_x509_parse_time(u8 tag, const u8 *p, size_t len, time64_t *t);

/**
 * tlshake_x509_name_eq() - whether two Names are the same
 * @a: a Name element
 * @b: another
 *
 * Names are compared byte for byte: RFC 5280 7.1's normalisation is not
 * attempted, which a CA that encodes its name consistently never needs.
 *
 * Return: true if they are identical.
 */
static inline bool tlshake_x509_name_eq(const struct tlshake_x509_span *a,
					const struct tlshake_x509_span *b)
{
	return a->len == b->len && !memcmp(a->data, b->data, a->len);
}

size_t tlshake_x509_name_print(const struct tlshake_x509_span *name,
			       char *buf, size_t size);

/* GeneralName choices (RFC 5280 4.2.1.6) that host verification reads. */
#define TLSHAKE_X509_GN_DNS	2
#define TLSHAKE_X509_GN_IP	7

/**
 * struct tlshake_x509_gn - one GeneralName of a subjectAltName
 * @type: its choice, the context tag number (TLSHAKE_X509_GN_*)
 * @data: its contents: the dNSName's characters, the iPAddress's 4 or 16
 *	bytes, or another choice's contents octets
 * @len: their length
 */
struct tlshake_x509_gn {
	u8 type;
	const u8 *data;
	size_t len;
};

/**
 * tlshake_x509_san_init() - start reading a certificate's subjectAltName
 * @it: the cursor
 * @cert: the certificate
 */
static inline void tlshake_x509_san_init(struct tlshake_der *it,
					 const struct tlshake_x509_cert *cert)
{
	tlshake_der_init(it, cert->san.data, cert->san.len);
}

bool tlshake_x509_san_next(struct tlshake_der *it, struct tlshake_x509_gn *gn);

unsigned int tlshake_x509_parse_ip(const char *s, size_t len, u8 addr[16]);
bool tlshake_x509_dns_match(const u8 *pattern, size_t pattern_len,
			    const char *host, size_t host_len);
int tlshake_x509_check_host(const struct tlshake_x509_cert *cert,
			    const char *name, size_t name_len);

/* Longest chain, end-entity and trust anchor included. */
#define TLSHAKE_X509_MAX_DEPTH		8
/* Most signatures one path validation checks, failed attempts included. */
#define TLSHAKE_X509_MAX_SIG_CHECKS	16

/**
 * enum tlshake_x509_purpose - what the end-entity certificate is for
 * @TLSHAKE_X509_PURPOSE_SERVER: a TLS server (id-kp-serverAuth)
 * @TLSHAKE_X509_PURPOSE_CLIENT: a TLS client (id-kp-clientAuth)
 */
enum tlshake_x509_purpose {
	TLSHAKE_X509_PURPOSE_SERVER,
	TLSHAKE_X509_PURPOSE_CLIENT,
};

/**
 * typedef tlshake_x509_sig_check_t - check a certificate's signature
 * @arg: the caller's argument
 * @issuer: the candidate issuer, whose key the signature must verify with
 * @cert: the certificate: @cert->sig over @cert->tbs under @cert->sig_alg
 *
 * Return: 0 if the signature verifies, -EKEYREJECTED if it does not, or
 * another negative errno when it could not be checked.
 */
typedef int (*tlshake_x509_sig_check_t)(void *arg,
					const struct tlshake_x509_cert *issuer,
					const struct tlshake_x509_cert *cert);

/**
 * struct tlshake_x509_path - the state of one path validation
 * @chain: the peer's certificates, end-entity first
 * @chain_len: bytes at @chain
 * @anchors: the trust anchors
 * @anchors_len: bytes at @anchors
 * @now: the time to check validity at, in seconds since the epoch
 * @purpose: what the end-entity certificate must be good for
 * @sig_check: checks one signature
 * @sig_arg: its argument
 * @depth: on success, the certificates in @certs, the end-entity
 *	certificate first and the trust anchor last
 * @certs: the path being built; on success, the validated path
 * @sig_checks: signatures checked so far
 * @err: on failure, why
 * @err_depth: on failure, where in the path @err arose (0 is the
 *	end-entity certificate)
 * @err_name: on failure, for diagnostics, the Name @err is about (inside
 *	@chain or @anchors): the issuer no trust anchor was found for, or the
 *	subject of the certificate refused; empty if none
 *
 * Large (some kilobytes): callers in the kernel allocate it.
 */
struct tlshake_x509_path {
	const u8 *chain;
	size_t chain_len;
	const u8 *anchors;
	size_t anchors_len;
	time64_t now;
	enum tlshake_x509_purpose purpose;
	tlshake_x509_sig_check_t sig_check;
	void *sig_arg;

	unsigned int depth;
	struct tlshake_x509_cert certs[TLSHAKE_X509_MAX_DEPTH];
	unsigned int sig_checks;
	enum tlshake_x509_err err;
	unsigned int err_depth;
	struct tlshake_x509_span err_name;
};

int tlshake_x509_list_next(const u8 **list, size_t *list_len,
			   const u8 **der, size_t *len);
int tlshake_x509_path_validate(struct tlshake_x509_path *path);

#endif /* _NET_TLSHAKE_X509_H */
