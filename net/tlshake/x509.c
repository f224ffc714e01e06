// SPDX-License-Identifier: GPL-2.0
/*
 * An X.509 v3 certificate parser (RFC 5280 4.1, 4.2).
 *
 * Everything a TLS peer's certificate carries is read, and checked as
 * strictly as real certificates allow: one DER encoding (the DER reader
 * refuses the others), only the signature algorithms and keys tlshake
 * verifies with, times in the one form RFC 5280 4.1.2.5 prescribes, each
 * extension at most once, and no extension marked critical that is not
 * understood.  The extensions path validation and host-name checks need
 * are kept; the others are skipped.
 *
 * Errors say what kind of refusal it is: -EBADMSG for a malformed
 * certificate, -ENOPKG for an algorithm, key or version not supported,
 * -EOPNOTSUPP for an unknown critical extension (see
 * tlshake_x509_parse_err()).
 *
 * Pure code (see pure.h): certificates come from the peer.
 */

#include "x509.h"

#define X509_BOOLEAN		0x01
#define X509_OCTET_STRING	0x04
#define X509_NULL		0x05
#define X509_OID		0x06
#define X509_UTF8_STRING	0x0c
#define X509_PRINTABLE_STRING	0x13
#define X509_T61_STRING		0x14
#define X509_IA5_STRING		0x16
#define X509_UTC_TIME		0x17
#define X509_GENERALIZED_TIME	0x18
#define X509_VISIBLE_STRING	0x1a
#define X509_SET		0x31
#define X509_CONTEXT		0x80
#define X509_CONSTRUCTED	0x20

/* Context-specific tags of the TBSCertificate (RFC 5280 4.1). */
#define X509_TBS_VERSION	(X509_CONTEXT | X509_CONSTRUCTED | 0)
#define X509_TBS_ISSUER_UID	(X509_CONTEXT | 1)
#define X509_TBS_SUBJECT_UID	(X509_CONTEXT | 2)
#define X509_TBS_EXTENSIONS	(X509_CONTEXT | X509_CONSTRUCTED | 3)

/* Longest serialNumber: 20 octets (4.1.2.2) and a sign octet. */
#define X509_SERIAL_MAX		21
/* Most extensions in one certificate.  RFC 5280 sets no limit; real
 * certificates carry around ten, and the bound keeps the duplicate check,
 * which compares every pair, cheap.
 */
#define X509_MAX_EXTENSIONS	32

#define OID(name, ...) static const u8 name[] = { __VA_ARGS__ }

/* Signature algorithms: RFC 4055, RFC 5758. */
OID(oid_sha256_rsa, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b);
OID(oid_sha384_rsa, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c);
OID(oid_sha512_rsa, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d);
OID(oid_rsassa_pss, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a);
OID(oid_mgf1, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08);
OID(oid_ecdsa_sha256, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);
OID(oid_ecdsa_sha384, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03);
OID(oid_sha256, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01);
OID(oid_sha384, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02);
OID(oid_sha512, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03);

/* Extensions: id-ce (RFC 5280 4.2.1). */
OID(oid_ski, 0x55, 0x1d, 0x0e);
OID(oid_key_usage, 0x55, 0x1d, 0x0f);
OID(oid_san, 0x55, 0x1d, 0x11);
OID(oid_basic_constraints, 0x55, 0x1d, 0x13);
OID(oid_aki, 0x55, 0x1d, 0x23);
OID(oid_eku, 0x55, 0x1d, 0x25);

/* Key purposes (4.2.1.12). */
OID(oid_eku_any, 0x55, 0x1d, 0x25, 0x00);
OID(oid_kp_server_auth, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01);
OID(oid_kp_client_auth, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02);

/* Attribute types printed by name (RFC 4514 3, RFC 4519). */
OID(oid_at_cn, 0x55, 0x04, 0x03);
OID(oid_at_serial, 0x55, 0x04, 0x05);
OID(oid_at_c, 0x55, 0x04, 0x06);
OID(oid_at_l, 0x55, 0x04, 0x07);
OID(oid_at_st, 0x55, 0x04, 0x08);
OID(oid_at_o, 0x55, 0x04, 0x0a);
OID(oid_at_ou, 0x55, 0x04, 0x0b);
OID(oid_at_dc, 0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19);
OID(oid_at_email, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01);

static bool x509_oid_is(const struct tlshake_der_tlv *tlv, const u8 *oid,
			size_t len)
{
	return tlv->len == len && !memcmp(tlv->val, oid, len);
}

#define OID_IS(tlv, oid) x509_oid_is(tlv, oid, sizeof(oid))

static void x509_span_set(struct tlshake_x509_span *span, const u8 *data,
			  size_t len)
{
	span->data = data;
	span->len = len;
}

/* A BIT STRING of whole octets, as keys and signatures are. */
static int x509_read_octet_bits(struct tlshake_der *der,
				struct tlshake_x509_span *bits)
{
	unsigned int unused;
	int err;

	err = tlshake_der_read_bits(der, &bits->data, &bits->len, &unused);
	if (err)
		return err;
	return unused || !bits->len ? -EBADMSG : 0;
}

/* An OPTIONAL or DEFAULT field: whether the next element has the tag,
 * entered if it has.
 */
static bool x509_enter_opt(struct tlshake_der *der, u8 tag,
			   struct tlshake_der *inner, int *err)
{
	if (tlshake_der_peek(der) != tag)
		return false;
	*err = tlshake_der_enter(der, tag, inner);
	return true;
}

/* The parameters of a hash algorithm inside RSASSA-PSS-params: NULL or
 * absent, which RFC 4055 2.1 requires readers to accept alike.
 */
static int x509_read_hash_alg(struct tlshake_der *der, unsigned int *hash_len)
{
	struct tlshake_der seq;
	struct tlshake_der_tlv oid, params;
	int err;

	err = tlshake_der_enter(der, TLSHAKE_DER_SEQUENCE, &seq);
	if (!err)
		err = tlshake_der_read_tag(&seq, X509_OID, &oid);
	if (err)
		return err;
	if (!tlshake_der_empty(&seq)) {
		err = tlshake_der_read_tag(&seq, X509_NULL, &params);
		if (err || params.len || !tlshake_der_empty(&seq))
			return -EBADMSG;
	}
	if (OID_IS(&oid, oid_sha256))
		*hash_len = 32;
	else if (OID_IS(&oid, oid_sha384))
		*hash_len = 48;
	else if (OID_IS(&oid, oid_sha512))
		*hash_len = 64;
	else
		return -ENOPKG;
	return 0;
}

/* RSASSA-PSS-params (RFC 4055 3.1).  Every field has a DEFAULT naming
 * SHA-1, which we do not accept, so the hash, the mask generation function
 * and the salt length must all be present.  What TLS 1.3 signs with
 * (RFC 8446 4.2.3) is accepted: MGF1 with the same hash, a salt as long as
 * the hash, and the only trailer field defined.
 */
static int x509_read_pss_params(struct tlshake_der *der,
				enum tlshake_x509_sig_alg *alg)
{
	unsigned int hash_len, mgf_hash_len;
	struct tlshake_der params, field, mgf;
	struct tlshake_der_tlv oid;
	const u8 *mag;
	size_t mag_len;
	int err = 0;

	err = tlshake_der_enter(der, TLSHAKE_DER_SEQUENCE, &params);
	if (err)
		return err;

	/* hashAlgorithm [0] */
	if (!x509_enter_opt(&params, X509_CONTEXT | X509_CONSTRUCTED | 0,
			    &field, &err))
		return -ENOPKG;
	if (!err)
		err = x509_read_hash_alg(&field, &hash_len);
	if (err)
		return err;
	if (!tlshake_der_empty(&field))
		return -EBADMSG;

	/* maskGenAlgorithm [1] */
	if (!x509_enter_opt(&params, X509_CONTEXT | X509_CONSTRUCTED | 1,
			    &field, &err))
		return -ENOPKG;
	if (!err)
		err = tlshake_der_enter(&field, TLSHAKE_DER_SEQUENCE, &mgf);
	if (!err)
		err = tlshake_der_read_tag(&mgf, X509_OID, &oid);
	if (err)
		return err;
	if (!OID_IS(&oid, oid_mgf1))
		return -ENOPKG;
	err = x509_read_hash_alg(&mgf, &mgf_hash_len);
	if (err)
		return err;
	if (!tlshake_der_empty(&mgf) || !tlshake_der_empty(&field))
		return -EBADMSG;

	/* saltLength [2] */
	if (!x509_enter_opt(&params, X509_CONTEXT | X509_CONSTRUCTED | 2,
			    &field, &err))
		return -ENOPKG;
	if (!err)
		err = tlshake_der_read_uint(&field, &mag, &mag_len);
	if (err || !tlshake_der_empty(&field))
		return -EBADMSG;
	if (mag_len != 1 || mag[0] != hash_len || mgf_hash_len != hash_len)
		return -ENOPKG;

	/* trailerField [3], whose one value DER would omit */
	if (x509_enter_opt(&params, X509_CONTEXT | X509_CONSTRUCTED | 3,
			   &field, &err)) {
		if (!err)
			err = tlshake_der_read_uint(&field, &mag, &mag_len);
		if (err || !tlshake_der_empty(&field))
			return -EBADMSG;
		if (mag_len != 1 || mag[0] != 1)
			return -ENOPKG;
	}
	if (!tlshake_der_empty(&params))
		return -EBADMSG;

	*alg = hash_len == 32 ? TLSHAKE_X509_SIG_RSA_PSS_SHA256 :
	       hash_len == 48 ? TLSHAKE_X509_SIG_RSA_PSS_SHA384 :
				TLSHAKE_X509_SIG_RSA_PSS_SHA512;
	return 0;
}

/* A signature AlgorithmIdentifier (RFC 4055 5, RFC 5758 3.2, RFC 4055 3). */
static int x509_parse_sig_alg(const struct tlshake_der_tlv *tlv,
			      enum tlshake_x509_sig_alg *alg)
{
	struct tlshake_der seq;
	struct tlshake_der_tlv oid, params;
	int err;

	tlshake_der_init(&seq, tlv->val, tlv->len);
	err = tlshake_der_read_tag(&seq, X509_OID, &oid);
	if (err)
		return err;

	if (OID_IS(&oid, oid_ecdsa_sha256) || OID_IS(&oid, oid_ecdsa_sha384)) {
		/* The parameters MUST be absent. */
		if (!tlshake_der_empty(&seq))
			return -EBADMSG;
		*alg = OID_IS(&oid, oid_ecdsa_sha256) ?
		       TLSHAKE_X509_SIG_ECDSA_SHA256 :
		       TLSHAKE_X509_SIG_ECDSA_SHA384;
		return 0;
	}
	if (OID_IS(&oid, oid_rsassa_pss)) {
		err = x509_read_pss_params(&seq, alg);
		if (err)
			return err;
		return tlshake_der_empty(&seq) ? 0 : -EBADMSG;
	}

	if (OID_IS(&oid, oid_sha256_rsa))
		*alg = TLSHAKE_X509_SIG_RSA_PKCS1_SHA256;
	else if (OID_IS(&oid, oid_sha384_rsa))
		*alg = TLSHAKE_X509_SIG_RSA_PKCS1_SHA384;
	else if (OID_IS(&oid, oid_sha512_rsa))
		*alg = TLSHAKE_X509_SIG_RSA_PKCS1_SHA512;
	else
		return -ENOPKG;
	/* NULL parameters, or absent ones, which RFC 4055 5 tolerates. */
	if (!tlshake_der_empty(&seq)) {
		err = tlshake_der_read_tag(&seq, X509_NULL, &params);
		if (err || params.len || !tlshake_der_empty(&seq))
			return -EBADMSG;
	}
	return 0;
}

/* A Name: a SEQUENCE OF RelativeDistinguishedName, each a non-empty SET OF
 * AttributeTypeAndValue, each a SEQUENCE of an OBJECT IDENTIFIER and one
 * value of any type.
 */
static int x509_check_name(const struct tlshake_der_tlv *name)
{
	struct tlshake_der rdns, rdn, atv;
	struct tlshake_der_tlv tlv;
	int err;

	tlshake_der_init(&rdns, name->val, name->len);
	while (!tlshake_der_empty(&rdns)) {
		err = tlshake_der_enter(&rdns, X509_SET, &rdn);
		if (err)
			return err;
		if (tlshake_der_empty(&rdn))
			return -EBADMSG;
		while (!tlshake_der_empty(&rdn)) {
			err = tlshake_der_enter(&rdn, TLSHAKE_DER_SEQUENCE,
						&atv);
			if (!err)
				err = tlshake_der_read_tag(&atv, X509_OID,
							   &tlv);
			if (!err)
				err = tlshake_der_read(&atv, &tlv);
			if (err)
				return err;
			if (!tlshake_der_empty(&atv))
				return -EBADMSG;
		}
	}
	return 0;
}

static bool x509_digits(const u8 *p, unsigned int n, unsigned int *val)
{
	unsigned int i;

	*val = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		*val = *val * 10 + (p[i] - '0');
	}
	return true;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
static int x509_days_from_civil(int year, unsigned int mon, unsigned int day)
{
	int era, yoe, doy, doe;

	year -= mon <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;
	doy = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/**
 * tlshake_x509_parse_time() - parse a Time of a certificate's validity
 * @tag: the element's tag: UTCTime or GeneralizedTime
 * @p: the contents octets
 * @len: their number
 * @t: the time, in seconds since the epoch
 *
 * RFC 5280 4.1.2.5 allows exactly YYMMDDHHMMSSZ (UTCTime, years 1950 to
 * 2049) and YYYYMMDDHHMMSSZ (GeneralizedTime): UTC, with seconds, without
 * fractions.  GeneralizedTime is accepted for any year, though RFC 5280
 * asks CAs to use it only from 2050 on.
 *
 * Return: 0, or -EBADMSG for any other form or an impossible date.
 */
int tlshake_x509_parse_time(u8 tag, const u8 *p, size_t len, time64_t *t)
{
	static const u8 mdays[] = { 31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	unsigned int year, mon, day, hour, min, sec;
	bool leap;

	if (tag == X509_UTC_TIME && len == 13) {
		if (!x509_digits(p, 2, &year))
			return -EBADMSG;
		year += year < 50 ? 2000 : 1900;
		p += 2;
	} else if (tag == X509_GENERALIZED_TIME && len == 15) {
		if (!x509_digits(p, 4, &year))
			return -EBADMSG;
		p += 4;
	} else {
		return -EBADMSG;
	}
	if (!x509_digits(p, 2, &mon) || !x509_digits(p + 2, 2, &day) ||
	    !x509_digits(p + 4, 2, &hour) || !x509_digits(p + 6, 2, &min) ||
	    !x509_digits(p + 8, 2, &sec) || p[10] != 'Z')
		return -EBADMSG;

	leap = !(year % 4) && ((year % 100) || !(year % 400));
	if (mon < 1 || mon > 12 || day < 1 || day > mdays[mon - 1] ||
	    (mon == 2 && day == 29 && !leap) || hour > 23 || min > 59 ||
	    sec > 59)
		return -EBADMSG;

	*t = (time64_t)x509_days_from_civil(year, mon, day) * 86400 +
	     hour * 3600 + min * 60 + sec;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_parse_time);

static int x509_read_time(struct tlshake_der *der, time64_t *t)
{
	struct tlshake_der_tlv tlv;
	int err;

	err = tlshake_der_read(der, &tlv);
	if (err)
		return err;
	return tlshake_x509_parse_time(tlv.tag, tlv.val, tlv.len, t);
}

/* The key of the SubjectPublicKeyInfo: an uncompressed point of the
 * curve's size, or an RSAPublicKey with an odd exponent above 1 and a
 * modulus of 2048, 3072 or 4096 bits, the sizes the kernel's RSA takes.
 * Whether the point is on the curve and the modulus usable is for the
 * signature code that takes them.
 */
static int x509_check_key(const struct tlshake_spki *spki)
{
	struct tlshake_der d, seq;
	const u8 *n, *e;
	size_t n_len, e_len, bits;
	int err;

	switch (spki->alg) {
	case TLSHAKE_KEY_EC_P256:
	case TLSHAKE_KEY_EC_P384:
		bits = spki->alg == TLSHAKE_KEY_EC_P256 ? 256 : 384;
		/* Compressed points (0x02, 0x03) are not supported. */
		if (spki->key_len && (spki->key[0] == 2 || spki->key[0] == 3))
			return -ENOPKG;
		if (spki->key_len != 1 + 2 * bits / 8 || spki->key[0] != 4)
			return -EBADMSG;
		return 0;
	case TLSHAKE_KEY_RSA:
		tlshake_der_init(&d, spki->key, spki->key_len);
		err = tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &seq);
		if (!err)
			err = tlshake_der_read_uint(&seq, &n, &n_len);
		if (!err)
			err = tlshake_der_read_uint(&seq, &e, &e_len);
		if (err || !tlshake_der_empty(&seq) || !tlshake_der_empty(&d))
			return -EBADMSG;
		if (!n_len || !e_len || !(e[e_len - 1] & 1) ||
		    (e_len == 1 && e[0] == 1) || e_len > 8)
			return -EBADMSG;
		bits = n_len * 8;
		while (!(n[0] & (0x80 >> (n_len * 8 - bits))))
			bits--;
		return bits == 2048 || bits == 3072 || bits == 4096 ?
		       0 : -ENOPKG;
	}
	return -ENOPKG;
}

static int x509_ext_basic_constraints(struct tlshake_x509_cert *cert,
				      struct tlshake_der *val)
{
	struct tlshake_der seq;
	const u8 *mag;
	size_t len;
	int err;

	err = tlshake_der_enter(val, TLSHAKE_DER_SEQUENCE, &seq);
	if (err)
		return err;
	/* An explicit FALSE, which DER omits, is tolerated: CAs wrote it. */
	if (tlshake_der_peek(&seq) == X509_BOOLEAN) {
		err = tlshake_der_read_bool(&seq, &cert->ca);
		if (err)
			return err;
	}
	if (!tlshake_der_empty(&seq)) {
		err = tlshake_der_read_uint(&seq, &mag, &len);
		if (err)
			return err;
		cert->has_path_len = true;
		cert->path_len = len > 1 ? 255 : len ? mag[0] : 0;
	}
	return tlshake_der_empty(&seq) ? 0 : -EBADMSG;
}

/* keyUsage: a named BIT STRING of up to nine bits. */
static int x509_ext_key_usage(struct tlshake_x509_cert *cert,
			      struct tlshake_der *val)
{
	unsigned int unused, i;
	const u8 *bits;
	size_t len;
	int err;

	err = tlshake_der_read_bits(val, &bits, &len, &unused);
	if (err)
		return err;
	if (!len || len > 2)
		return -EBADMSG;
	for (i = 0; i < len * 8; i++)
		if (bits[i / 8] & (0x80 >> (i % 8)))
			cert->key_usage |= BIT(i);
	return 0;
}

static int x509_ext_eku(struct tlshake_x509_cert *cert,
			struct tlshake_der *val)
{
	struct tlshake_der seq;
	struct tlshake_der_tlv oid;
	int err;

	err = tlshake_der_enter(val, TLSHAKE_DER_SEQUENCE, &seq);
	if (err)
		return err;
	if (tlshake_der_empty(&seq))
		return -EBADMSG;
	while (!tlshake_der_empty(&seq)) {
		err = tlshake_der_read_tag(&seq, X509_OID, &oid);
		if (err)
			return err;
		if (OID_IS(&oid, oid_kp_server_auth))
			cert->eku |= TLSHAKE_X509_EKU_SERVER_AUTH;
		else if (OID_IS(&oid, oid_kp_client_auth))
			cert->eku |= TLSHAKE_X509_EKU_CLIENT_AUTH;
		else if (OID_IS(&oid, oid_eku_any))
			cert->eku |= TLSHAKE_X509_EKU_ANY;
	}
	return 0;
}

/* One GeneralName (RFC 5280 4.2.1.6), its tag checked against its
 * choice.  A dNSName must be IA5 characters, an iPAddress 4 or 16 bytes;
 * the other choices are skipped whole.
 */
static int x509_check_general_name(const struct tlshake_der_tlv *gn)
{
	/* Which choices are constructed: [0], [3], [4] and [5]. */
	static const u8 constructed = BIT(0) | BIT(3) | BIT(4) | BIT(5);
	unsigned int num = gn->tag & 0x1f;
	size_t i;

	if ((gn->tag & 0xc0) != X509_CONTEXT || num > 8 ||
	    !(gn->tag & X509_CONSTRUCTED) != !(constructed & BIT(num)))
		return -EBADMSG;
	if (num == TLSHAKE_X509_GN_IP && gn->len != 4 && gn->len != 16)
		return -EBADMSG;
	if (num == TLSHAKE_X509_GN_DNS)
		for (i = 0; i < gn->len; i++)
			if (gn->val[i] & 0x80)
				return -EBADMSG;
	return 0;
}

static int x509_ext_san(struct tlshake_x509_cert *cert,
			struct tlshake_der *val)
{
	struct tlshake_der seq;
	struct tlshake_der_tlv tlv;
	int err;

	err = tlshake_der_enter(val, TLSHAKE_DER_SEQUENCE, &seq);
	if (err)
		return err;
	if (tlshake_der_empty(&seq))
		return -EBADMSG;
	x509_span_set(&cert->san, seq.data, seq.len);
	while (!tlshake_der_empty(&seq)) {
		err = tlshake_der_read(&seq, &tlv);
		if (!err)
			err = x509_check_general_name(&tlv);
		if (err)
			return err;
	}
	return 0;
}

/* authorityKeyIdentifier: SEQUENCE { [0] keyIdentifier, [1]
 * authorityCertIssuer, [2] authorityCertSerialNumber }, all optional and
 * in this order; only the key identifier is used.
 */
static int x509_ext_aki(struct tlshake_x509_cert *cert,
			struct tlshake_der *val)
{
	static const u8 tags[] = {
		X509_CONTEXT | 0,
		X509_CONTEXT | X509_CONSTRUCTED | 1,
		X509_CONTEXT | 2,
	};
	struct tlshake_der seq;
	struct tlshake_der_tlv tlv;
	unsigned int i;
	int err;

	err = tlshake_der_enter(val, TLSHAKE_DER_SEQUENCE, &seq);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(tags); i++) {
		if (tlshake_der_peek(&seq) != tags[i])
			continue;
		err = tlshake_der_read(&seq, &tlv);
		if (err)
			return err;
		if (!i)
			x509_span_set(&cert->aki, tlv.val, tlv.len);
	}
	return tlshake_der_empty(&seq) ? 0 : -EBADMSG;
}

static int x509_ext_ski(struct tlshake_x509_cert *cert,
			struct tlshake_der *val)
{
	struct tlshake_der_tlv tlv;
	int err;

	err = tlshake_der_read_tag(val, X509_OCTET_STRING, &tlv);
	if (err)
		return err;
	x509_span_set(&cert->ski, tlv.val, tlv.len);
	return 0;
}

static const struct x509_ext_type {
	const u8 *oid;
	size_t oid_len;
	u8 has;
	int (*parse)(struct tlshake_x509_cert *cert, struct tlshake_der *val);
} x509_ext_types[] = {
	{ oid_basic_constraints, sizeof(oid_basic_constraints),
	  TLSHAKE_X509_HAS_BASIC_CONSTRAINTS, x509_ext_basic_constraints },
	{ oid_key_usage, sizeof(oid_key_usage), TLSHAKE_X509_HAS_KEY_USAGE,
	  x509_ext_key_usage },
	{ oid_eku, sizeof(oid_eku), TLSHAKE_X509_HAS_EKU, x509_ext_eku },
	{ oid_san, sizeof(oid_san), TLSHAKE_X509_HAS_SAN, x509_ext_san },
	{ oid_aki, sizeof(oid_aki), TLSHAKE_X509_HAS_AKI, x509_ext_aki },
	{ oid_ski, sizeof(oid_ski), TLSHAKE_X509_HAS_SKI, x509_ext_ski },
};

/* Whether one of the first @n extensions of @exts has the OID @oid. */
static bool x509_ext_seen(struct tlshake_der exts, unsigned int n,
			  const struct tlshake_der_tlv *oid)
{
	struct tlshake_der ext;
	struct tlshake_der_tlv prev;

	while (n--) {
		/* These were read successfully before. */
		if (tlshake_der_enter(&exts, TLSHAKE_DER_SEQUENCE, &ext) ||
		    tlshake_der_read_tag(&ext, X509_OID, &prev))
			return false;
		if (prev.len == oid->len && !memcmp(prev.val, oid->val,
						    oid->len))
			return true;
	}
	return false;
}

static int x509_parse_extension(struct tlshake_x509_cert *cert,
				struct tlshake_der *ext)
{
	const struct x509_ext_type *type = NULL;
	struct tlshake_der_tlv oid, value;
	struct tlshake_der val;
	bool critical = false;
	unsigned int i;
	int err;

	err = tlshake_der_read_tag(ext, X509_OID, &oid);
	if (err)
		return err;
	if (tlshake_der_peek(ext) == X509_BOOLEAN) {
		err = tlshake_der_read_bool(ext, &critical);
		if (err)
			return err;
	}
	err = tlshake_der_read_tag(ext, X509_OCTET_STRING, &value);
	if (err || !tlshake_der_empty(ext))
		return -EBADMSG;

	for (i = 0; i < ARRAY_SIZE(x509_ext_types); i++)
		if (x509_ext_types[i].oid_len == oid.len &&
		    !memcmp(x509_ext_types[i].oid, oid.val, oid.len))
			type = &x509_ext_types[i];
	if (!type)
		return critical ? -EOPNOTSUPP : 0;

	/* The extnValue holds exactly one element. */
	tlshake_der_init(&val, value.val, value.len);
	err = type->parse(cert, &val);
	if (err)
		return err;
	if (!tlshake_der_empty(&val))
		return -EBADMSG;
	cert->has |= type->has;
	return 0;
}

/* Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, each unique. */
static int x509_parse_extensions(struct tlshake_x509_cert *cert,
				 struct tlshake_der *tbs)
{
	struct tlshake_der wrap, exts, all, ext, peek;
	struct tlshake_der_tlv oid;
	unsigned int n = 0;
	int err;

	err = tlshake_der_enter(tbs, X509_TBS_EXTENSIONS, &wrap);
	if (!err)
		err = tlshake_der_enter(&wrap, TLSHAKE_DER_SEQUENCE, &exts);
	if (err)
		return err;
	if (!tlshake_der_empty(&wrap) || tlshake_der_empty(&exts))
		return -EBADMSG;

	all = exts;
	while (!tlshake_der_empty(&exts)) {
		if (++n > X509_MAX_EXTENSIONS)
			return -ENOPKG;
		err = tlshake_der_enter(&exts, TLSHAKE_DER_SEQUENCE, &ext);
		if (err)
			return err;
		peek = ext;
		err = tlshake_der_read_tag(&peek, X509_OID, &oid);
		if (err)
			return err;
		if (x509_ext_seen(all, n - 1, &oid))
			return -EBADMSG;
		err = x509_parse_extension(cert, &ext);
		if (err)
			return err;
	}
	return 0;
}

static int x509_parse_tbs(struct tlshake_x509_cert *cert,
			  struct tlshake_der *tbs,
			  struct tlshake_der_tlv *sig_alg)
{
	struct tlshake_der wrap, validity;
	struct tlshake_der_tlv tlv;
	const u8 *mag;
	size_t len;
	int err;

	/* version [0] EXPLICIT Version DEFAULT v1: DER omits v1. */
	cert->version = 1;
	if (tlshake_der_peek(tbs) == X509_TBS_VERSION) {
		err = tlshake_der_enter(tbs, X509_TBS_VERSION, &wrap);
		if (!err)
			err = tlshake_der_read_uint(&wrap, &mag, &len);
		if (err || !tlshake_der_empty(&wrap) || len != 1)
			return -EBADMSG;
		if (mag[0] > 2)
			return -ENOPKG;
		cert->version = mag[0] + 1;
	}

	/* serialNumber: RFC 5280 4.1.2.2 asks for a positive number of up to
	 * 20 octets but also asks readers to cope with CAs that got the sign
	 * wrong, so any minimally encoded INTEGER of that size is taken.
	 */
	err = tlshake_der_read_tag(tbs, TLSHAKE_DER_INTEGER, &tlv);
	if (err)
		return err;
	if (!tlv.len || tlv.len > X509_SERIAL_MAX ||
	    (tlv.len > 1 && ((!tlv.val[0] && !(tlv.val[1] & 0x80)) ||
			     (tlv.val[0] == 0xff && (tlv.val[1] & 0x80)))))
		return -EBADMSG;
	x509_span_set(&cert->serial, tlv.val, tlv.len);

	err = tlshake_der_read_tag(tbs, TLSHAKE_DER_SEQUENCE, sig_alg);
	if (err)
		return err;
	err = x509_parse_sig_alg(sig_alg, &cert->sig_alg);
	if (err)
		return err;

	/* The issuer must not be empty (4.1.2.4); the subject may be. */
	err = tlshake_der_read_tag(tbs, TLSHAKE_DER_SEQUENCE, &tlv);
	if (!err)
		err = x509_check_name(&tlv);
	if (err)
		return err;
	if (!tlv.len)
		return -EBADMSG;
	x509_span_set(&cert->issuer, tlv.raw, tlv.raw_len);

	err = tlshake_der_enter(tbs, TLSHAKE_DER_SEQUENCE, &validity);
	if (!err)
		err = x509_read_time(&validity, &cert->not_before);
	if (!err)
		err = x509_read_time(&validity, &cert->not_after);
	if (err)
		return err;
	if (!tlshake_der_empty(&validity))
		return -EBADMSG;

	err = tlshake_der_read_tag(tbs, TLSHAKE_DER_SEQUENCE, &tlv);
	if (!err)
		err = x509_check_name(&tlv);
	if (err)
		return err;
	x509_span_set(&cert->subject, tlv.raw, tlv.raw_len);

	err = tlshake_der_read_tag(tbs, TLSHAKE_DER_SEQUENCE, &tlv);
	if (err)
		return err;
	err = tlshake_spki_parse(tlv.raw, tlv.raw_len, &cert->spki);
	if (err)
		return err == -EOPNOTSUPP ? -ENOPKG : err;
	err = x509_check_key(&cert->spki);
	if (err)
		return err;

	/* The unique identifiers of v2 and v3, then v3's extensions. */
	if (cert->version >= 2 &&
	    tlshake_der_peek(tbs) == X509_TBS_ISSUER_UID &&
	    tlshake_der_read(tbs, &tlv))
		return -EBADMSG;
	if (cert->version >= 2 &&
	    tlshake_der_peek(tbs) == X509_TBS_SUBJECT_UID &&
	    tlshake_der_read(tbs, &tlv))
		return -EBADMSG;
	if (cert->version == 3 && !tlshake_der_empty(tbs)) {
		err = x509_parse_extensions(cert, tbs);
		if (err)
			return err;
	}
	return tlshake_der_empty(tbs) ? 0 : -EBADMSG;
}

/**
 * tlshake_x509_parse() - parse a DER certificate
 * @der: the Certificate, and nothing after it
 * @len: its length
 * @cert: the parsed certificate, pointing into @der
 *
 * Nothing is verified beyond the certificate's form: not its signature,
 * its validity period or what it may be used for.
 *
 * Return: 0; -EBADMSG if the certificate is malformed; -ENOPKG if its
 * version, signature algorithm, key type or key size is not supported;
 * -EOPNOTSUPP if it has an unknown critical extension.  @cert is
 * undefined on failure.
 */
int tlshake_x509_parse(const u8 *der, size_t len,
		       struct tlshake_x509_cert *cert)
{
	struct tlshake_der d, c, tbs;
	struct tlshake_der_tlv whole, tbs_tlv, inner_alg, outer_alg;
	int err;

	memset(cert, 0, sizeof(*cert));
	tlshake_der_init(&d, der, len);
	err = tlshake_der_read_tag(&d, TLSHAKE_DER_SEQUENCE, &whole);
	if (err || !tlshake_der_empty(&d))
		return -EBADMSG;
	x509_span_set(&cert->der, whole.raw, whole.raw_len);

	tlshake_der_init(&c, whole.val, whole.len);
	err = tlshake_der_read_tag(&c, TLSHAKE_DER_SEQUENCE, &tbs_tlv);
	if (!err)
		err = tlshake_der_read_tag(&c, TLSHAKE_DER_SEQUENCE, &outer_alg);
	if (!err)
		err = x509_read_octet_bits(&c, &cert->sig);
	if (err || !tlshake_der_empty(&c))
		return -EBADMSG;
	x509_span_set(&cert->tbs, tbs_tlv.raw, tbs_tlv.raw_len);

	tlshake_der_init(&tbs, tbs_tlv.val, tbs_tlv.len);
	err = x509_parse_tbs(cert, &tbs, &inner_alg);
	if (err)
		return err;

	/* signatureAlgorithm must equal the signed signature field. */
	if (outer_alg.raw_len != inner_alg.raw_len ||
	    memcmp(outer_alg.raw, inner_alg.raw, inner_alg.raw_len))
		return -EBADMSG;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_parse);

/**
 * tlshake_x509_parse_err() - the reason for a tlshake_x509_parse() error
 * @err: what tlshake_x509_parse() returned, a negative errno
 *
 * Return: %TLSHAKE_X509_UNSUPPORTED for -ENOPKG,
 * %TLSHAKE_X509_CRITICAL_EXT for -EOPNOTSUPP, %TLSHAKE_X509_MALFORMED
 * otherwise.
 */
enum tlshake_x509_err tlshake_x509_parse_err(int err)
{
	switch (err) {
	case -ENOPKG:
		return TLSHAKE_X509_UNSUPPORTED;
	case -EOPNOTSUPP:
		return TLSHAKE_X509_CRITICAL_EXT;
	default:
		return TLSHAKE_X509_MALFORMED;
	}
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_parse_err);

/**
 * tlshake_x509_san_next() - read the next GeneralName of a subjectAltName
 * @it: the cursor, from tlshake_x509_san_init()
 * @gn: the name
 *
 * Return: true if a name was read, false at the end.
 */
bool tlshake_x509_san_next(struct tlshake_der *it, struct tlshake_x509_gn *gn)
{
	struct tlshake_der_tlv tlv;

	/* The parser checked every element: a read only fails at the end. */
	if (tlshake_der_read(it, &tlv))
		return false;
	gn->type = tlv.tag & 0x1f;
	gn->data = tlv.val;
	gn->len = tlv.len;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_san_next);

struct x509_out {
	char *buf;
	size_t size;
	size_t len;
};

static void x509_putc(struct x509_out *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len++] = c;
}

static void x509_puts(struct x509_out *out, const char *s)
{
	while (*s)
		x509_putc(out, *s++);
}

static void x509_put_uint(struct x509_out *out, u64 val)
{
	char digits[20];
	int n = 0;

	do {
		digits[n++] = '0' + val % 10;
		val /= 10;
	} while (val);
	while (n)
		x509_putc(out, digits[--n]);
}

/* An OBJECT IDENTIFIER in dotted decimal, from its contents octets. */
static void x509_put_oid(struct x509_out *out, const u8 *p, size_t len)
{
	bool first = true;
	u64 val = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (val >> 57) {
			x509_putc(out, '?');
			return;
		}
		val = val << 7 | (p[i] & 0x7f);
		if (p[i] & 0x80)
			continue;
		if (first) {
			x509_putc(out, val < 80 ? '0' + val / 40 : '2');
			x509_putc(out, '.');
			val -= val < 80 ? val / 40 * 40 : 80;
			first = false;
		} else {
			x509_putc(out, '.');
		}
		x509_put_uint(out, val);
		val = 0;
	}
}

static const struct {
	const u8 *oid;
	size_t len;
	const char *name;
} x509_attr_names[] = {
	{ oid_at_cn, sizeof(oid_at_cn), "CN" },
	{ oid_at_serial, sizeof(oid_at_serial), "serialNumber" },
	{ oid_at_c, sizeof(oid_at_c), "C" },
	{ oid_at_l, sizeof(oid_at_l), "L" },
	{ oid_at_st, sizeof(oid_at_st), "ST" },
	{ oid_at_o, sizeof(oid_at_o), "O" },
	{ oid_at_ou, sizeof(oid_at_ou), "OU" },
	{ oid_at_dc, sizeof(oid_at_dc), "DC" },
	{ oid_at_email, sizeof(oid_at_email), "emailAddress" },
};

static void x509_put_attr(struct x509_out *out,
			  const struct tlshake_der_tlv *type,
			  const struct tlshake_der_tlv *value)
{
	unsigned int i;
	size_t j;
	u8 c;

	for (i = 0; i < ARRAY_SIZE(x509_attr_names); i++)
		if (x509_attr_names[i].len == type->len &&
		    !memcmp(x509_attr_names[i].oid, type->val, type->len))
			break;
	if (i < ARRAY_SIZE(x509_attr_names))
		x509_puts(out, x509_attr_names[i].name);
	else
		x509_put_oid(out, type->val, type->len);
	x509_putc(out, '=');

	switch (value->tag) {
	case X509_UTF8_STRING:
	case X509_PRINTABLE_STRING:
	case X509_T61_STRING:
	case X509_IA5_STRING:
	case X509_VISIBLE_STRING:
		/* Printable ASCII as it is, anything else as '?'. */
		for (j = 0; j < value->len; j++) {
			c = value->val[j];
			x509_putc(out, c >= 0x20 && c < 0x7f ? c : '?');
		}
		break;
	default:
		x509_putc(out, '?');
	}
}

/**
 * tlshake_x509_name_print() - a Name as text, for diagnostics
 * @name: a Name element, as a parsed certificate's issuer or subject
 * @buf: where to write the text, NUL-terminated
 * @size: the size of @buf; the text is cut short to fit
 *
 * The attributes appear in the order of the encoding (the root of the
 * directory tree first, as OpenSSL prints them), "TYPE=value", separated
 * by ", " and within a multi-valued RDN by "+".  Common types are named
 * (CN, O, OU, C, ...), others are dotted OIDs; characters outside
 * printable ASCII, and values that are not strings, become '?'.  Not an
 * unambiguous rendering (RFC 4514): meant for log messages only.
 *
 * Return: the length of the text written, without the NUL.
 */
size_t tlshake_x509_name_print(const struct tlshake_x509_span *name,
			       char *buf, size_t size)
{
	struct x509_out out = { .buf = buf, .size = size };
	struct tlshake_der d, rdns, rdn, atv;
	struct tlshake_der_tlv type, value;
	bool first = true;

	if (!size)
		return 0;
	tlshake_der_init(&d, name->data, name->len);
	if (!tlshake_der_enter(&d, TLSHAKE_DER_SEQUENCE, &rdns)) {
		while (!tlshake_der_enter(&rdns, X509_SET, &rdn)) {
			bool multi = false;

			while (!tlshake_der_enter(&rdn, TLSHAKE_DER_SEQUENCE,
						  &atv)) {
				if (tlshake_der_read_tag(&atv, X509_OID,
							 &type) ||
				    tlshake_der_read(&atv, &value))
					break;
				if (!first)
					x509_puts(&out, multi ? "+" : ", ");
				x509_put_attr(&out, &type, &value);
				first = false;
				multi = true;
			}
		}
	}
	buf[out.len] = '\0';
	return out.len;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_x509_name_print);
