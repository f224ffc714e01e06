// SPDX-License-Identifier: GPL-2.0
/*
 * Private keys in DER.
 *
 * The three forms are told apart by the element after the leading
 * version INTEGER: an AlgorithmIdentifier SEQUENCE in PKCS#8, the private
 * key OCTET STRING in SEC1, the modulus INTEGER in PKCS#1.  Encrypted
 * PKCS#8 is not taken: the caller decrypts.
 *
 * Pure code (see pure.h).
 */

#include "privkey_der.h"

#define TLSHAKE_DER_OCTET_STRING	0x04
#define TLSHAKE_DER_EXPLICIT_0		0xa0

/* The length of the private scalar on the curve of @alg. */
static size_t tlshake_ec_scalar_len(enum tlshake_key_type alg)
{
	return alg == TLSHAKE_KEY_EC_P256 ? 32 : 48;
}

/* Read a version INTEGER, which must be one of 0 to @max. */
static int tlshake_privkey_version(struct tlshake_der *der, u8 max)
{
	const u8 *mag;
	size_t len;
	int err;

	err = tlshake_der_read_uint(der, &mag, &len);
	if (err)
		return err;
	return len > 1 || (len && mag[0] > max) ? -EBADMSG : 0;
}

/* RFC 5915 3: ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET
 * STRING, parameters [0] OPTIONAL, publicKey [1] OPTIONAL }.  Inside
 * PKCS#8 the curve is already known as @*alg (@known); standing alone the
 * parameters must name it.
 */
static int tlshake_sec1_parse(const u8 *der, size_t len, bool known,
			      enum tlshake_key_type *alg,
			      struct tlshake_privkey_der *key)
{
	struct tlshake_der d, seq, params;
	struct tlshake_der_tlv priv;
	enum tlshake_key_type curve;
	const u8 *mag;
	size_t mag_len;
	int err;

	tlshake_der_init(&d, der, len);
	err = tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &seq);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;
	err = tlshake_der_read_uint(&seq, &mag, &mag_len);
	if (err || mag_len != 1 || mag[0] != 1)
		return -EBADMSG;
	err = tlshake_der_read_tag(&seq, TLSHAKE_DER_OCTET_STRING, &priv);
	if (err)
		return err;

	if (tlshake_der_peek(&seq) == TLSHAKE_DER_EXPLICIT_0) {
		err = tlshake_der_enter(&seq, TLSHAKE_DER_EXPLICIT_0, &params);
		if (!err)
			err = tlshake_key_curve_read(&params, &curve);
		if (err)
			return err;
		if (!tlshake_der_empty(&params) || (known && curve != *alg))
			return -EBADMSG;
		*alg = curve;
	} else if (!known) {
		return -EBADMSG;
	}

	if (priv.len != tlshake_ec_scalar_len(*alg))
		return -EBADMSG;
	key->alg = *alg;
	key->key = priv.val;
	key->key_len = priv.len;
	return 0;
}

/* RFC 8017 A.1.2: a two-prime RSAPrivateKey (version 0) of nine
 * INTEGERs.  Their values are the RSA code's to check.
 */
static int tlshake_pkcs1_parse(const u8 *der, size_t len,
			       struct tlshake_privkey_der *key)
{
	struct tlshake_der d, seq;
	struct tlshake_der_tlv tlv;
	unsigned int i;
	int err;

	tlshake_der_init(&d, der, len);
	err = tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &seq);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;
	err = tlshake_privkey_version(&seq, 0);
	for (i = 0; !err && i < 8; i++)
		err = tlshake_der_read_tag(&seq, TLSHAKE_DER_INTEGER, &tlv);
	if (err || !tlshake_der_empty(&seq))
		return -EBADMSG;
	key->alg = TLSHAKE_KEY_RSA;
	key->key = der;
	key->key_len = len;
	return 0;
}

/* RFC 5958 2: OneAsymmetricKey ::= SEQUENCE { version 0 or 1,
 * privateKeyAlgorithm, privateKey OCTET STRING, attributes [0] OPTIONAL,
 * publicKey [1] OPTIONAL }; what follows the key is not needed.
 */
static int tlshake_pkcs8_parse(struct tlshake_der *seq,
			       struct tlshake_privkey_der *key)
{
	struct tlshake_der_tlv priv;
	enum tlshake_key_type alg;
	int err;

	err = tlshake_privkey_version(seq, 1);
	if (!err)
		err = tlshake_key_alg_read(seq, &alg);
	if (!err)
		err = tlshake_der_read_tag(seq, TLSHAKE_DER_OCTET_STRING, &priv);
	if (err)
		return err;
	if (alg == TLSHAKE_KEY_RSA)
		return tlshake_pkcs1_parse(priv.val, priv.len, key);
	return tlshake_sec1_parse(priv.val, priv.len, true, &alg, key);
}

/**
 * tlshake_privkey_der_parse() - find the private key in DER
 * @der: a PKCS#8 PrivateKeyInfo, a SEC1 ECPrivateKey or a PKCS#1
 *	RSAPrivateKey, and nothing after it
 * @len: its length
 * @key: the key, pointing into @der
 *
 * Return: 0; -EBADMSG if malformed; -EOPNOTSUPP for a key algorithm or
 * curve tlshake does not use.
 */
int tlshake_privkey_der_parse(const u8 *der, size_t len,
			      struct tlshake_privkey_der *key)
{
	enum tlshake_key_type alg;
	struct tlshake_der d, seq;
	struct tlshake_der_tlv tlv;
	int err;

	tlshake_der_init(&d, der, len);
	err = tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &seq);
	if (!err)
		err = tlshake_der_read_tag(&seq, TLSHAKE_DER_INTEGER, &tlv);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;

	switch (tlshake_der_peek(&seq)) {
	case TLSHAKE_DER_SEQUENCE:
		tlshake_der_init(&seq, der, len);
		err = tlshake_der_enter(&seq, TLSHAKE_DER_SEQUENCE, &d);
		return err ?: tlshake_pkcs8_parse(&d, key);
	case TLSHAKE_DER_OCTET_STRING:
		return tlshake_sec1_parse(der, len, false, &alg, key);
	case TLSHAKE_DER_INTEGER:
		return tlshake_pkcs1_parse(der, len, key);
	default:
		return -EBADMSG;
	}
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_der_parse);
