// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake's P-256 against OpenSSL's libcrypto: key generation, ECDH,
 * ECDSA signing and verification on random and edge-case inputs, the
 * Wycheproof ECDH and ECDSA P-256 vectors, and RFC 6979's known answer.
 *
 *   p256_test            ITERS (default 4000) rounds of each comparison
 *   SEED=... p256_test   replay a run
 */
#define _GNU_SOURCE
#include <string.h>

#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>

#include "testutil.h"
#include "p256.h"
#include "wp_ecdh_p256.h"
#include "wp_ecdh_p256_point.h"
#include "wp_ecdsa_p256.h"
#include "wp_ecdsa_p256_p1363.h"

static EC_GROUP *group;
static BN_CTX *ctx;
static BIGNUM *order, *prime;

static const u8 p256_n_bytes[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84,
	0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
};

/* OpenSSL's k G or k P as 0x04 || X || Y; false for infinity. */
static bool ossl_mul(u8 *out, const BIGNUM *k, const EC_POINT *p)
{
	EC_POINT *r = EC_POINT_new(group);
	bool ok;

	if (p)
		ok = EC_POINT_mul(group, r, NULL, p, k, ctx);
	else
		ok = EC_POINT_mul(group, r, k, NULL, NULL, ctx);
	ok = ok && !EC_POINT_is_at_infinity(group, r) &&
	     EC_POINT_point2oct(group, r, POINT_CONVERSION_UNCOMPRESSED, out,
				P256_POINT_BYTES, ctx) == P256_POINT_BYTES;
	EC_POINT_free(r);
	return ok;
}

/* Whether OpenSSL takes @buf as a point on the curve. */
static EC_POINT *ossl_point(const u8 *buf, size_t len)
{
	EC_POINT *p = EC_POINT_new(group);

	if (!EC_POINT_oct2point(group, p, buf, len, ctx) ||
	    EC_POINT_is_on_curve(group, p, ctx) != 1 ||
	    EC_POINT_is_at_infinity(group, p)) {
		EC_POINT_free(p);
		return NULL;
	}
	return p;
}

/* Scalars that stress the recoding and the ends of the range. */
static void edge_scalar(u8 *k, unsigned long i)
{
	BIGNUM *v = BN_new();
	unsigned long j = i / 4;

	switch (i % 4) {
	case 0:			/* small */
		BN_set_word(v, j);
		break;
	case 1:			/* n - j */
		BN_sub(v, order, BN_value_one());
		BN_sub_word(v, j > 0 ? j - 1 : 0);
		if (!j)
			BN_add_word(v, 1);	/* n itself: invalid */
		break;
	case 2:			/* 2^j and 2^j - 1 */
		BN_zero(v);
		BN_set_bit(v, (int)(j % 256));
		if (j >= 256)
			BN_sub_word(v, 1);
		break;
	default:		/* (n +- j) / 2, n / 2^j */
		BN_rshift(v, order, (int)(j % 64 + 1));
		if (j & 1)
			BN_add_word(v, j);
		break;
	}
	bn_to(k, 32, v);
	BN_free(v);
}

static bool scalar_ok(const u8 *k)
{
	BIGNUM *v = bn_from(k, 32);
	bool ok = !BN_is_zero(v) && BN_cmp(v, order) < 0;

	BN_free(v);
	return ok;
}

/* p256_ecdh_public() is k G: compare it with OpenSSL. */
static void check_public(const u8 *k, const char *what)
{
	u8 ours[P256_POINT_BYTES], theirs[P256_POINT_BYTES];
	BIGNUM *v = bn_from(k, 32);
	bool ok = scalar_ok(k);
	int err;

	err = p256_ecdh_public(ours, k);
	CHECK(ok ? !err : err == -EINVAL, "%s: public: got %d", what, err);
	if (ok && !err && (!ossl_mul(theirs, v, NULL) ||
			   memcmp(ours, theirs, sizeof(ours)))) {
		test_fail("%s: public key differs", what);
		hexdump("k", k, 32);
		hexdump("ours", ours, sizeof(ours));
		hexdump("theirs", theirs, sizeof(theirs));
	}
	test_checks++;
	BN_free(v);
}

/* p256_ecdh_shared() is x(k P): compare it with OpenSSL. */
static void check_shared(const u8 *k, const u8 *peer, const char *what)
{
	u8 ours[32], theirs[P256_POINT_BYTES];
	BIGNUM *v = bn_from(k, 32);
	EC_POINT *p = ossl_point(peer, P256_POINT_BYTES);
	bool ok = scalar_ok(k) && p;
	int err;

	err = p256_ecdh_shared(ours, k, peer, P256_POINT_BYTES);
	CHECK(ok ? !err : err == -EINVAL, "%s: shared: got %d", what, err);
	if (ok && !err)
		CHECK(ossl_mul(theirs, v, p) &&
		      !memcmp(ours, theirs + 1, sizeof(ours)),
		      "%s: shared secret differs", what);
	EC_POINT_free(p);
	BN_free(v);
}

static void random_point(u8 *point)
{
	u8 k[32];

	do {
		rng_bytes(k, sizeof(k));
	} while (!scalar_ok(k));
	if (p256_ecdh_public(point, k))
		abort();
}

static void test_ecdh(unsigned long iters)
{
	u8 k[32], peer[P256_POINT_BYTES], bad[P256_POINT_BYTES];
	BIGNUM *x = BN_new(), *y = BN_new();
	EC_POINT *p = EC_POINT_new(group);
	unsigned long i;

	for (i = 0; i < 4 * 300; i++) {
		edge_scalar(k, i);
		check_public(k, "edge scalar");
		random_point(peer);
		check_shared(k, peer, "edge scalar");
	}
	for (i = 0; i < iters; i++) {
		rng_bytes_edgy(k, sizeof(k));
		check_public(k, "random scalar");
		random_point(peer);
		check_shared(k, peer, "random scalar");
	}

	/* The generator, and the two points with x = 0. */
	EC_POINT_point2oct(group, EC_GROUP_get0_generator(group),
			   POINT_CONVERSION_UNCOMPRESSED, peer, sizeof(peer),
			   ctx);
	rng_bytes(k, sizeof(k));
	check_shared(k, peer, "generator");
	for (i = 0; i < 2; i++) {
		BN_zero(x);
		if (!EC_POINT_set_compressed_coordinates(group, p, x, (int)i,
							 ctx))
			abort();
		EC_POINT_point2oct(group, p, POINT_CONVERSION_UNCOMPRESSED,
				   peer, sizeof(peer), ctx);
		edge_scalar(k, 4 * (i + 2));
		check_shared(k, peer, "x = 0");
		rng_bytes(k, sizeof(k));
		check_shared(k, peer, "x = 0");
	}

	/* Invalid peers: off the curve, coordinates not below p, encoding. */
	for (i = 0; i < iters / 4; i++) {
		random_point(peer);
		rng_bytes(k, sizeof(k));
		memcpy(bad, peer, sizeof(bad));
		bad[1 + rng_next() % 64] ^= (u8)(1 << (rng_next() % 8));
		check_shared(k, bad, "flipped bit");
		memcpy(bad, peer, sizeof(bad));
		bad[0] = (u8)(rng_next() % 8);
		if (bad[0] != 4)
			CHECK(p256_ecdh_shared(k, k, bad, sizeof(bad)) ==
			      -EINVAL, "prefix %02x taken", bad[0]);
		CHECK(p256_ecdh_shared(k, k, peer, 1 + rng_next() % 64) ==
		      -EINVAL, "short point taken");
	}
	/* x + p or y + p where that fits in 32 bytes */
	for (i = 0; i < 64; i++) {
		random_point(peer);
		memcpy(bad, peer, sizeof(bad));
		BN_bin2bn(peer + 1 + 32 * (i & 1), 32, x);
		BN_add(x, x, prime);
		if (BN_num_bytes(x) > 32)
			continue;
		bn_to(bad + 1 + 32 * (i & 1), 32, x);
		rng_bytes(k, sizeof(k));
		CHECK(p256_ecdh_shared(k, k, bad, sizeof(bad)) == -EINVAL,
		      "coordinate + p taken");
	}
	memset(bad, 0, sizeof(bad));
	bad[0] = 4;
	CHECK(p256_ecdh_shared(k, k, bad, sizeof(bad)) == -EINVAL,
	      "(0, 0) taken");

	EC_POINT_free(p);
	BN_free(x);
	BN_free(y);
}

static EC_KEY *ossl_key(const u8 *d, u8 *pub)
{
	EC_KEY *key = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
	BIGNUM *v = bn_from(d, 32);
	EC_POINT *q = EC_POINT_new(group);

	EC_POINT_mul(group, q, v, NULL, NULL, ctx);
	EC_KEY_set_private_key(key, v);
	EC_KEY_set_public_key(key, q);
	EC_POINT_point2oct(group, q, POINT_CONVERSION_UNCOMPRESSED, pub,
			   P256_POINT_BYTES, ctx);
	EC_POINT_free(q);
	BN_free(v);
	return key;
}

static bool ossl_verify(EC_KEY *key, const u8 *digest, const u64 *r,
			const u64 *s)
{
	ECDSA_SIG *sig = ECDSA_SIG_new();
	u8 rb[32], sb[32];
	bool ok;

	p256_sc_to_bytes(rb, r);
	p256_sc_to_bytes(sb, s);
	ECDSA_SIG_set0(sig, bn_from(rb, 32), bn_from(sb, 32));
	ok = ECDSA_do_verify(digest, 32, sig, key) == 1;
	ECDSA_SIG_free(sig);
	return ok;
}

/* Sign with a chosen nonce: ours, checked by OpenSSL and by us. */
static void check_sign(EC_KEY *key, const struct p256_pubkey *pub,
		       const u64 *d, const u8 *digest, const u8 *nonce,
		       const char *what)
{
	u64 r[4], s[4];
	u8 bad[32];
	int err;

	err = p256_ecdsa_sign(r, s, d, digest, nonce);
	if (!scalar_ok(nonce)) {
		CHECK(err == -EAGAIN, "%s: bad nonce: got %d", what, err);
		return;
	}
	if (err == -EAGAIN)	/* r or s zero: never seen by chance */
		return;
	CHECK(!err, "%s: sign: %d", what, err);
	CHECK(ossl_verify(key, digest, r, s), "%s: OpenSSL rejects ours",
	      what);
	CHECK(!p256_ecdsa_verify(pub, digest, r, s),
	      "%s: we reject ours", what);
	memcpy(bad, digest, 32);
	bad[rng_next() % 32] ^= (u8)(1 << (rng_next() % 8));
	CHECK(p256_ecdsa_verify(pub, bad, r, s) == -EBADMSG,
	      "%s: changed digest verifies", what);
}

/* Verify OpenSSL's signatures, and garbled ones, as OpenSSL does. */
static void check_verify(EC_KEY *key, const struct p256_pubkey *pub,
			 const u8 *digest)
{
	ECDSA_SIG *sig = ECDSA_do_sign(digest, 32, key);
	u8 rb[32], sb[32];
	u64 r[4], s[4];
	bool theirs;
	int ours;

	bn_to(rb, 32, ECDSA_SIG_get0_r(sig));
	bn_to(sb, 32, ECDSA_SIG_get0_s(sig));
	p256_sc_from_bytes(r, rb);
	p256_sc_from_bytes(s, sb);
	CHECK(!p256_ecdsa_verify(pub, digest, r, s),
	      "we reject OpenSSL's signature");

	switch (rng_next() % 4) {
	case 0:
		r[rng_next() % 4] ^= 1ULL << (rng_next() % 64);
		break;
	case 1:
		s[rng_next() % 4] ^= 1ULL << (rng_next() % 64);
		break;
	case 2:
		rng_bytes((u8 *)r, 32);
		break;
	default:
		memcpy(r, s, sizeof(r));
		break;
	}
	theirs = ossl_verify(key, digest, r, s);
	ours = p256_ecdsa_verify(pub, digest, r, s);
	CHECK(ours == (theirs ? 0 : -EBADMSG),
	      "garbled signature: ours %d, OpenSSL %d", ours, theirs);
	ECDSA_SIG_free(sig);
}

static void test_ecdsa(unsigned long iters)
{
	u8 d_bytes[32], pub_bytes[P256_POINT_BYTES], digest[32], nonce[32];
	struct p256_pubkey pub;
	unsigned long i;
	EC_KEY *key = NULL;
	u64 d[4];

	for (i = 0; i < iters; i++) {
		if (i % 16 == 0) {
			EC_KEY_free(key);
			if (i < 4 * 16)
				edge_scalar(d_bytes, i / 16 + 4);
			else
				rng_bytes_edgy(d_bytes, 32);
			if (!scalar_ok(d_bytes))
				rng_bytes(d_bytes, 32);
			if (!scalar_ok(d_bytes))
				abort();
			key = ossl_key(d_bytes, pub_bytes);
			p256_sc_from_bytes(d, d_bytes);
			CHECK(!p256_pubkey_init(&pub, pub_bytes,
						sizeof(pub_bytes)),
			      "public key rejected");
		}
		rng_bytes_edgy(digest, sizeof(digest));
		if (i < 4 * 300)
			edge_scalar(nonce, i);
		else
			rng_bytes(nonce, sizeof(nonce));
		check_sign(key, &pub, d, digest, nonce, "sign");
		check_verify(key, &pub, digest);
	}
	/* Digests at the ends of the range: 0, n - 1, n, 2^256 - 1 */
	memset(digest, 0, sizeof(digest));
	rng_bytes(nonce, sizeof(nonce));
	check_sign(key, &pub, d, digest, nonce, "digest 0");
	check_verify(key, &pub, digest);
	memcpy(digest, p256_n_bytes, 32);
	check_sign(key, &pub, d, digest, nonce, "digest n");
	check_verify(key, &pub, digest);
	digest[31]--;
	check_sign(key, &pub, d, digest, nonce, "digest n - 1");
	check_verify(key, &pub, digest);
	memset(digest, 0xff, sizeof(digest));
	check_sign(key, &pub, d, digest, nonce, "digest 2^256 - 1");
	check_verify(key, &pub, digest);
	EC_KEY_free(key);
}

/*
 * Signatures that drive verification into the special cases of its
 * additions: with s = r d and e = +-s, u1 G + u2 Q is G + G (a doubling,
 * valid for r = x(2 G)), -G + G or G - G (the point at infinity, never
 * valid).  Then a private key out of range, which signing refuses.
 */
static void test_ecdsa_special(void)
{
	u8 d_bytes[32], pub_bytes[P256_POINT_BYTES], g2[P256_POINT_BYTES];
	u8 digest[32], nonce[32], two[32] = { [31] = 2 };
	BIGNUM *d, *r, *s, *e;
	struct p256_pubkey pub;
	u64 rl[4], sl[4], dl[4];
	unsigned int i;
	EC_KEY *key;
	u8 buf[32];

	do {
		rng_bytes(d_bytes, sizeof(d_bytes));
	} while (!scalar_ok(d_bytes));
	key = ossl_key(d_bytes, pub_bytes);
	CHECK(!p256_pubkey_init(&pub, pub_bytes, sizeof(pub_bytes)),
	      "public key rejected");
	if (p256_ecdh_public(g2, two))
		abort();
	d = bn_from(d_bytes, 32);
	r = bn_from(g2 + 1, 32);
	s = BN_new();
	e = BN_new();
	BN_nnmod(r, r, order, ctx);
	BN_mod_mul(s, r, d, order, ctx);

	for (i = 0; i < 3; i++) {
		if (i == 2)
			BN_sub(s, order, s);	/* s = -r d: u2 Q = -G */
		if (i == 1)
			BN_sub(e, order, s);	/* e = -s: u1 G = -G */
		else
			BN_copy(e, s);
		bn_to(digest, 32, e);
		bn_to(buf, 32, r);
		p256_sc_from_bytes(rl, buf);
		bn_to(buf, 32, s);
		p256_sc_from_bytes(sl, buf);
		CHECK(ossl_verify(key, digest, rl, sl) == !i,
		      "special case %u: OpenSSL disagrees", i);
		CHECK(p256_ecdsa_verify(&pub, digest, rl, sl) ==
		      (i ? -EBADMSG : 0),
		      "special case %u: %s", i, i ? "infinity verifies" :
		      "doubling rejected");
	}

	/* d = 0, n, 2^256 - 1 */
	rng_bytes(digest, sizeof(digest));
	rng_bytes(nonce, sizeof(nonce));
	memset(dl, 0, sizeof(dl));
	CHECK(p256_ecdsa_sign(rl, sl, dl, digest, nonce) == -EINVAL,
	      "sign: d = 0 taken");
	p256_sc_from_bytes(dl, p256_n_bytes);
	CHECK(p256_ecdsa_sign(rl, sl, dl, digest, nonce) == -EINVAL,
	      "sign: d = n taken");
	memset(dl, 0xff, sizeof(dl));
	CHECK(p256_ecdsa_sign(rl, sl, dl, digest, nonce) == -EINVAL,
	      "sign: d = 2^256 - 1 taken");

	BN_free(e);
	BN_free(s);
	BN_free(r);
	BN_free(d);
	EC_KEY_free(key);
}

/* RFC 6979, A.2.5: P-256, SHA-256, message "sample", its k. */
static void test_rfc6979(void)
{
	static const u8 x[32] = {
		0xc9, 0xaf, 0xa9, 0xd8, 0x45, 0xba, 0x75, 0x16,
		0x6b, 0x5c, 0x21, 0x57, 0x67, 0xb1, 0xd6, 0x93,
		0x4e, 0x50, 0xc3, 0xdb, 0x36, 0xe8, 0x9b, 0x12,
		0x7b, 0x8a, 0x62, 0x2b, 0x12, 0x0f, 0x67, 0x21,
	};
	static const u8 k[32] = {
		0xa6, 0xe3, 0xc5, 0x7d, 0xd0, 0x1a, 0xbe, 0x90,
		0x08, 0x65, 0x38, 0x39, 0x83, 0x55, 0xdd, 0x4c,
		0x3b, 0x17, 0xaa, 0x87, 0x33, 0x82, 0xb0, 0xf2,
		0x4d, 0x61, 0x29, 0x49, 0x3d, 0x8a, 0xad, 0x60,
	};
	static const u8 r_want[32] = {
		0xef, 0xd4, 0x8b, 0x2a, 0xac, 0xb6, 0xa8, 0xfd,
		0x11, 0x40, 0xdd, 0x9c, 0xd4, 0x5e, 0x81, 0xd6,
		0x9d, 0x2c, 0x87, 0x7b, 0x56, 0xaa, 0xf9, 0x91,
		0xc3, 0x4d, 0x0e, 0xa8, 0x4e, 0xaf, 0x37, 0x16,
	};
	static const u8 s_want[32] = {
		0xf7, 0xcb, 0x1c, 0x94, 0x2d, 0x65, 0x7c, 0x41,
		0xd4, 0x36, 0xc7, 0xa1, 0xb6, 0xe2, 0x9f, 0x65,
		0xf3, 0xe9, 0x00, 0xdb, 0xb9, 0xaf, 0xf4, 0x06,
		0x4d, 0xc4, 0xab, 0x2f, 0x84, 0x3a, 0xcd, 0xa8,
	};
	u8 digest[32], rb[32], sb[32];
	u64 d[4], r[4], s[4];

	EVP_Digest("sample", 6, digest, NULL, EVP_sha256(), NULL);
	p256_sc_from_bytes(d, x);
	CHECK(!p256_ecdsa_sign(r, s, d, digest, k), "RFC 6979: sign");
	p256_sc_to_bytes(rb, r);
	p256_sc_to_bytes(sb, s);
	CHECK(!memcmp(rb, r_want, 32) && !memcmp(sb, s_want, 32),
	      "RFC 6979: wrong signature");
}

/* Wycheproof ECDH: shared secrets and the rejection of invalid points. */
static void wp_ecdh_check(int tc_id, const u8 *pub, unsigned int pub_len,
			  const u8 *priv, unsigned int priv_len,
			  const u8 *shared, unsigned int shared_len,
			  enum wp_result result)
{
	u8 k[32] = { 0 }, out[32];
	int err;

	/* Private keys come as minimal two's complement integers. */
	while (priv_len > 32 && !*priv) {
		priv++;
		priv_len--;
	}
	if (priv_len > 32) {
		test_fail("tcId %d: private key of %u bytes", tc_id, priv_len);
		return;
	}
	memcpy(k + 32 - priv_len, priv, priv_len);
	err = p256_ecdh_shared(out, k, pub, pub_len);
	if (result == WP_VALID)
		CHECK(!err && shared_len == 32 && !memcmp(out, shared, 32),
		      "ECDH tcId %d: valid, got %d", tc_id, err);
	else if (result == WP_INVALID)
		CHECK(err == -EINVAL, "ECDH tcId %d: invalid, got %d", tc_id,
		      err);
	else
		CHECK(err == -EINVAL || !memcmp(out, shared, 32),
		      "ECDH tcId %d: acceptable, wrong secret", tc_id);
}

/*
 * The SPKI form: OpenSSL decodes the SubjectPublicKeyInfo, tlshake's own
 * X.509 code is not under test here.  Only keys that name the curve by
 * its OID are taken, as TLS requires (RFC 8422, 5.1.1); keys that spell
 * out the curve's parameters, and what OpenSSL cannot decode as a P-256
 * key, must not be valid cases.  The others are checked as above.
 */
static void test_wycheproof_ecdh(void)
{
	static const u8 prime256v1_oid[] = {
		0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
	};
	u8 point[P256_POINT_BYTES];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ecdh_p256_point_vectors); i++) {
		const struct ecdh_p256_point_vector *v =
			&ecdh_p256_point_vectors[i];

		wp_ecdh_check(v->tc_id, v->pub, v->pub_len, v->priv,
			      v->priv_len, v->shared, v->shared_len,
			      v->result);
	}
	for (i = 0; i < ARRAY_SIZE(ecdh_p256_vectors); i++) {
		const struct ecdh_p256_vector *v = &ecdh_p256_vectors[i];
		const u8 *der = v->pub;
		EVP_PKEY *pkey = d2i_PUBKEY(NULL, &der, v->pub_len);
		size_t len = 0;
		char name[64];

		if (!pkey || der != v->pub + v->pub_len ||
		    !memmem(v->pub, v->pub_len, prime256v1_oid,
			    sizeof(prime256v1_oid)) ||
		    !EVP_PKEY_get_group_name(pkey, name, sizeof(name), NULL) ||
		    strcmp(name, "prime256v1") ||
		    !EVP_PKEY_get_octet_string_param(pkey, "encoded-pub-key",
						     point, sizeof(point),
						     &len)) {
			CHECK(v->result != WP_VALID,
			      "ECDH tcId %d: valid, OpenSSL cannot decode",
			      v->tc_id);
		} else {
			wp_ecdh_check(v->tc_id, point, (unsigned int)len,
				      v->priv, v->priv_len, v->shared,
				      v->shared_len, v->result);
		}
		EVP_PKEY_free(pkey);
	}
}

static void wp_ecdsa_check(int tc_id, const u8 *key, unsigned int key_len,
			   const u8 *msg, unsigned int msg_len,
			   const u64 *r, const u64 *s, bool parsed,
			   enum wp_result result)
{
	struct p256_pubkey pub;
	u8 digest[32];
	int err = -EBADMSG;

	if (p256_pubkey_init(&pub, key, key_len)) {
		test_fail("ECDSA tcId %d: key rejected", tc_id);
		return;
	}
	EVP_Digest(msg, msg_len, digest, NULL, EVP_sha256(), NULL);
	if (parsed)
		err = p256_ecdsa_verify(&pub, digest, r, s);
	if (result == WP_VALID)
		CHECK(!err, "ECDSA tcId %d: valid, rejected", tc_id);
	else if (result == WP_INVALID)
		CHECK(err == -EBADMSG, "ECDSA tcId %d: invalid, got %d",
		      tc_id, err);
}

/*
 * The DER form is parsed with OpenSSL and taken only if it re-encodes to
 * the same bytes (DER, not BER), as tlshake's own parser requires.
 */
static void test_wycheproof_ecdsa(void)
{
	u64 r[4], s[4];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ecdsa_p256_p1363_vectors); i++) {
		const struct ecdsa_p256_p1363_vector *v =
			&ecdsa_p256_p1363_vectors[i];
		bool parsed = v->sig_len == 64;

		if (parsed) {
			p256_sc_from_bytes(r, v->sig);
			p256_sc_from_bytes(s, v->sig + 32);
		}
		wp_ecdsa_check(v->tc_id, v->key, v->key_len, v->msg,
			       v->msg_len, r, s, parsed, v->result);
	}
	for (i = 0; i < ARRAY_SIZE(ecdsa_p256_vectors); i++) {
		const struct ecdsa_p256_vector *v = &ecdsa_p256_vectors[i];
		const u8 *der = v->sig;
		ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &der, v->sig_len);
		unsigned char *again = NULL;
		bool parsed = false;
		u8 rb[32], sb[32];

		if (sig && der == v->sig + v->sig_len &&
		    i2d_ECDSA_SIG(sig, &again) == (int)v->sig_len &&
		    !memcmp(again, v->sig, v->sig_len) &&
		    BN_num_bytes(ECDSA_SIG_get0_r(sig)) <= 32 &&
		    BN_num_bytes(ECDSA_SIG_get0_s(sig)) <= 32) {
			bn_to(rb, 32, ECDSA_SIG_get0_r(sig));
			bn_to(sb, 32, ECDSA_SIG_get0_s(sig));
			p256_sc_from_bytes(r, rb);
			p256_sc_from_bytes(s, sb);
			parsed = true;
		}
		OPENSSL_free(again);
		ECDSA_SIG_free(sig);
		wp_ecdsa_check(v->tc_id, v->key, v->key_len, v->msg,
			       v->msg_len, r, s, parsed, v->result);
	}
}

int main(void)
{
	unsigned long iters = test_iters(4000);
	u64 seed = rng_seed();
	bool cpu_adx = false;
	int adx;

	printf("p256_test: SEED=%llu ITERS=%lu\n", (unsigned long long)seed,
	       iters);
	group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
	ctx = BN_CTX_new();
	order = BN_new();
	prime = BN_new();
	EC_GROUP_get_order(group, order, ctx);
	EC_GROUP_get_curve(group, prime, NULL, NULL, ctx);

	/* Both field arithmetics: the C one, then mulx/adx where there is. */
#ifdef __x86_64__
	cpu_adx = __builtin_cpu_supports("bmi2") &&
		  __builtin_cpu_supports("adx");
#endif
	for (adx = 0; adx < 2; adx++) {
		if (adx && !cpu_adx) {
			printf("p256_test: no BMI2 and ADX, C arithmetic only\n");
			break;
		}
		p256_set_adx(adx);
		test_rfc6979();
		test_wycheproof_ecdh();
		test_wycheproof_ecdsa();
		test_ecdh(iters);
		test_ecdsa(iters);
		test_ecdsa_special();
	}

	BN_free(prime);
	BN_free(order);
	BN_CTX_free(ctx);
	EC_GROUP_free(group);
	return test_done("p256_test");
}
