// SPDX-License-Identifier: GPL-2.0
/*
 * The public key of an X.509 certificate.
 *
 * Only the path from the Certificate to its SubjectPublicKeyInfo is
 * walked: each field before it is read as one DER element and skipped, so
 * a malformed field is refused without being interpreted.  The key
 * algorithms are those tlshake signs and verifies with: ECDSA keys on
 * P-256 and P-384 (RFC 5480) and RSA keys (RFC 3279).
 *
 * Pure code (see pure.h): certificates come from the peer.
 */

#include "x509_spki.h"

#define TLSHAKE_DER_BIT_STRING	0x03
#define TLSHAKE_DER_NULL	0x05
#define TLSHAKE_DER_OID		0x06
#define TLSHAKE_DER_EXPLICIT_0	0xa0

/* 1.2.840.10045.2.1 id-ecPublicKey */
static const u8 tlshake_oid_ec_public_key[] = {
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
};

/* 1.2.840.10045.3.1.7 secp256r1 */
static const u8 tlshake_oid_secp256r1[] = {
	0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
};

/* 1.3.132.0.34 secp384r1 */
static const u8 tlshake_oid_secp384r1[] = {
	0x2b, 0x81, 0x04, 0x00, 0x22,
};

/* 1.2.840.113549.1.1.1 rsaEncryption */
static const u8 tlshake_oid_rsa_encryption[] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
};

static bool tlshake_oid_is(const struct tlshake_der_tlv *tlv, const u8 *oid,
			   size_t len)
{
	return tlv->len == len && !memcmp(tlv->val, oid, len);
}

/**
 * tlshake_key_curve_read() - read a namedCurve OBJECT IDENTIFIER
 * @der: the cursor, advanced past the element on success
 * @alg: the key algorithm on that curve
 *
 * Return: 0; -EBADMSG if the element is not an OBJECT IDENTIFIER;
 * -EOPNOTSUPP for a curve other than P-256 and P-384.
 */
int tlshake_key_curve_read(struct tlshake_der *der, enum tlshake_key_type *alg)
{
	struct tlshake_der_tlv oid;
	int err;

	err = tlshake_der_read_tag(der, TLSHAKE_DER_OID, &oid);
	if (err)
		return err;
	if (tlshake_oid_is(&oid, tlshake_oid_secp256r1,
			   sizeof(tlshake_oid_secp256r1)))
		*alg = TLSHAKE_KEY_EC_P256;
	else if (tlshake_oid_is(&oid, tlshake_oid_secp384r1,
				sizeof(tlshake_oid_secp384r1)))
		*alg = TLSHAKE_KEY_EC_P384;
	else
		return -EOPNOTSUPP;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_key_curve_read);

/**
 * tlshake_key_alg_read() - read the AlgorithmIdentifier of a key
 * @der: the cursor, advanced past the element on success
 * @alg: the key algorithm
 *
 * rsaEncryption takes NULL parameters (RFC 3279 2.3.1); id-ecPublicKey a
 * namedCurve (RFC 5480 2.1.1: implicit and specified curves are not
 * allowed).
 *
 * Return: 0; -EBADMSG if the element is malformed; -EOPNOTSUPP for
 * another algorithm or curve.
 */
int tlshake_key_alg_read(struct tlshake_der *der, enum tlshake_key_type *alg)
{
	struct tlshake_der seq;
	struct tlshake_der_tlv oid, params;
	int err;

	err = tlshake_der_enter(der, TLSHAKE_DER_SEQUENCE, &seq);
	if (!err)
		err = tlshake_der_read_tag(&seq, TLSHAKE_DER_OID, &oid);
	if (err)
		return err;

	if (tlshake_oid_is(&oid, tlshake_oid_rsa_encryption,
			   sizeof(tlshake_oid_rsa_encryption))) {
		err = tlshake_der_read_tag(&seq, TLSHAKE_DER_NULL, &params);
		if (err || params.len)
			return -EBADMSG;
		*alg = TLSHAKE_KEY_RSA;
	} else if (tlshake_oid_is(&oid, tlshake_oid_ec_public_key,
				  sizeof(tlshake_oid_ec_public_key))) {
		err = tlshake_key_curve_read(&seq, alg);
		if (err)
			return err;
	} else {
		return -EOPNOTSUPP;
	}
	return tlshake_der_empty(&seq) ? 0 : -EBADMSG;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_key_alg_read);

/**
 * tlshake_spki_parse() - parse a DER SubjectPublicKeyInfo
 * @der: the SubjectPublicKeyInfo, and nothing after it
 * @len: its length
 * @spki: the parsed key, pointing into @der
 *
 * The key bits are not checked here: the signature code that takes them
 * validates the point or the RSA key.
 *
 * Return: 0; -EBADMSG if malformed; -EOPNOTSUPP for a key algorithm
 * tlshake does not use.
 */
int tlshake_spki_parse(const u8 *der, size_t len, struct tlshake_spki *spki)
{
	struct tlshake_der d, seq;
	struct tlshake_der_tlv whole, bits;
	int err;

	tlshake_der_init(&d, der, len);
	err = tlshake_der_read_tag(&d, TLSHAKE_DER_SEQUENCE, &whole);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;
	tlshake_der_init(&seq, whole.val, whole.len);
	err = tlshake_key_alg_read(&seq, &spki->alg);
	if (err)
		return err;
	err = tlshake_der_read_tag(&seq, TLSHAKE_DER_BIT_STRING, &bits);
	if (err || !tlshake_der_empty(&seq))
		return -EBADMSG;
	/* A key is whole octets: the unused-bits count is 0. */
	if (bits.len < 2 || bits.val[0])
		return -EBADMSG;

	spki->der = whole.raw;
	spki->der_len = whole.raw_len;
	spki->key = bits.val + 1;
	spki->key_len = bits.len - 1;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_spki_parse);

/**
 * tlshake_x509_spki() - the SubjectPublicKeyInfo of a DER certificate
 * @cert: the Certificate, and nothing after it
 * @len: its length
 * @spki: the certificate's key, pointing into @cert
 *
 * Certificate is SEQUENCE { tbsCertificate, signatureAlgorithm,
 * signatureValue }; tbsCertificate starts with an optional [0] version,
 * then serialNumber, signature, issuer, validity, subject and
 * subjectPublicKeyInfo (RFC 5280 4.1).  The fields after the key are not
 * read.
 *
 * Return: 0; -EBADMSG if malformed; -EOPNOTSUPP for a key algorithm
 * tlshake does not use.
 */
int tlshake_x509_spki(const u8 *cert, size_t len, struct tlshake_spki *spki)
{
	static const u8 skipped[] = {
		TLSHAKE_DER_INTEGER,	/* serialNumber */
		TLSHAKE_DER_SEQUENCE,	/* signature */
		TLSHAKE_DER_SEQUENCE,	/* issuer */
		TLSHAKE_DER_SEQUENCE,	/* validity */
		TLSHAKE_DER_SEQUENCE,	/* subject */
	};
	struct tlshake_der d, c, tbs;
	struct tlshake_der_tlv tlv;
	unsigned int i;
	int err;

	tlshake_der_init(&d, cert, len);
	err = tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &c);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;
	err = tlshake_der_enter(&c, TLSHAKE_DER_SEQUENCE, &tbs);
	if (!err)
		err = tlshake_der_read_tag(&c, TLSHAKE_DER_SEQUENCE, &tlv);
	if (!err)
		err = tlshake_der_read_tag(&c, TLSHAKE_DER_BIT_STRING, &tlv);
	if (err || !tlshake_der_empty(&c))
		return -EBADMSG;

	if (tlshake_der_peek(&tbs) == TLSHAKE_DER_EXPLICIT_0) {
		err = tlshake_der_read(&tbs, &tlv);
		if (err)
			return err;
	}
	for (i = 0; i < ARRAY_SIZE(skipped); i++) {
		err = tlshake_der_read_tag(&tbs, skipped[i], &tlv);
		if (err)
			return err;
	}
	err = tlshake_der_read_tag(&tbs, TLSHAKE_DER_SEQUENCE, &tlv);
	if (err)
		return err;
	return tlshake_spki_parse(tlv.raw, tlv.raw_len, spki);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_spki);
