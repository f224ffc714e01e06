// SPDX-License-Identifier: GPL-2.0
/*
 * ECDSA over NIST P-256 and P-384 (FIPS 186-4, SEC 1).
 *
 * P-256 is tlshake's own constant-time arithmetic (p256_ecdsa.c), given
 * its nonces by the kernel's RNG here.  P-384 is built on the primitives
 * ecc.ko exports: a kernel may be built without the "ecdsa" akcipher
 * (Debian's is), and none can sign.
 *
 * P-384 signing keeps the nonce k and the private scalar d out of reach of
 * timing: kG is computed by ecc.ko's fixed-length ladder from randomised
 * projective coordinates, and the arithmetic modulo n that involves k or
 * d, whose helpers are not constant time, only sees values blinded by a
 * random factor.
 */

#include <crypto/ecdh.h>
#include <crypto/internal/ecc.h>
#include <kunit/visibility.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "der.h"
#include "p256.h"
#include "sig_internal.h"

#define ECDSA_P384_DIGITS	ECC_CURVE_NIST_P384_DIGITS
#define ECDSA_P384_BYTES	(ECDSA_P384_DIGITS * sizeof(u64))

/* The length of a curve's order and coordinates, 0 for a key not EC. */
static size_t ecdsa_nbytes(enum tlshake_key_type type)
{
	switch (type) {
	case TLSHAKE_KEY_EC_P256:
		return P256_BYTES;
	case TLSHAKE_KEY_EC_P384:
		return ECDSA_P384_BYTES;
	default:
		return 0;
	}
}

/* Whether 0 < @x < @n.  Branch-free, as @x may be a secret: the borrow of
 * x - n says x < n.
 */
static bool ecdsa_in_range(const u64 *x, const u64 *n, unsigned int ndigits)
{
	u64 borrow = 0, any = 0, t;
	unsigned int i;

	for (i = 0; i < ndigits; i++) {
		t = x[i] - n[i];
		borrow = (x[i] < n[i]) | (t < borrow);
		any |= x[i];
	}
	return borrow & (any != 0);
}

/* @r = @a + @b, returning the carry; branch-free. */
static u64 ecdsa_add(u64 *r, const u64 *a, const u64 *b, unsigned int ndigits)
{
	u64 carry = 0, t;
	unsigned int i;

	for (i = 0; i < ndigits; i++) {
		t = a[i] + carry;
		carry = t < carry;
		r[i] = t + b[i];
		carry |= r[i] < t;
	}
	return carry;
}

/* @r = @a + @b mod @n for @a, @b < @n, without branches on the values. */
static void ecdsa_mod_add(u64 *r, const u64 *a, const u64 *b, const u64 *n,
			  unsigned int ndigits)
{
	u64 sum[TLSHAKE_EC_MAX_DIGITS], diff[TLSHAKE_EC_MAX_DIGITS];
	u64 carry, borrow = 0, mask, t;
	unsigned int i;

	carry = ecdsa_add(sum, a, b, ndigits);
	for (i = 0; i < ndigits; i++) {
		t = sum[i] - n[i];
		diff[i] = t - borrow;
		borrow = (sum[i] < n[i]) | (t < borrow);
	}
	/* Take the difference when the sum overflowed or is at least n. */
	mask = 0 - (carry | (borrow ^ 1));
	for (i = 0; i < ndigits; i++)
		r[i] = (diff[i] & mask) | (sum[i] & ~mask);
	memzero_explicit(sum, sizeof(sum));
	memzero_explicit(diff, sizeof(diff));
}

/* @r = @a - @b mod @m for @a, @b < @m; on public values only. */
static void ecdsa_mod_sub(u64 *r, const u64 *a, const u64 *b, const u64 *m,
			  unsigned int ndigits)
{
	if (vli_sub(r, a, b, ndigits))
		ecdsa_add(r, r, m, ndigits);
}

/* A uniform scalar in [1, n - 1], by rejection: the order of P-384 is so
 * close to a power of two that a draw is rejected with a probability near
 * 2^-190, and what is kept is never biased.
 */
static void ecdsa_random_scalar(u64 *k, const u64 *n, unsigned int ndigits)
{
	do {
		get_random_bytes(k, ndigits * sizeof(u64));
	} while (!ecdsa_in_range(k, n, ndigits));
}

/**
 * tlshake_pubkey_new_ec() - an EC public key from its uncompressed point
 * @type: %TLSHAKE_KEY_EC_P256 or %TLSHAKE_KEY_EC_P384
 * @point: 0x04 || X || Y, the coordinates big-endian and as long as the
 *	field (SEC 1, 2.3.3)
 * @len: the length of @point
 *
 * The point is fully validated (SP 800-56A 5.6.2.3.3): coordinates below p,
 * on the curve, not the point at infinity, of order n.
 *
 * Return: the key, to be released with tlshake_pubkey_free(), or
 * ERR_PTR(-EINVAL) when @type is not an EC type or the point is not a
 * valid one, or ERR_PTR(-ENOMEM).
 */
struct tlshake_pubkey *tlshake_pubkey_new_ec(enum tlshake_key_type type,
					     const u8 *point, size_t len)
{
	size_t nbytes = ecdsa_nbytes(type);
	struct tlshake_pubkey *key;
	struct ecc_point q;
	int err;

	if (!nbytes || len != 1 + 2 * nbytes || point[0] != 0x04)
		return ERR_PTR(-EINVAL);

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	refcount_set(&key->ref, 1);
	key->type = type;
	if (type == TLSHAKE_KEY_EC_P256) {
		/* Validated once here, with the table verification uses */
		err = p256_pubkey_init(&key->p256, point, len);
	} else {
		vli_from_be64(key->ec.x, point + 1, ECDSA_P384_DIGITS);
		vli_from_be64(key->ec.y, point + 1 + nbytes, ECDSA_P384_DIGITS);
		q = ECC_POINT_INIT(key->ec.x, key->ec.y, ECDSA_P384_DIGITS);
		err = ecc_is_pubkey_valid_full(ecc_get_curve(ECC_CURVE_NIST_P384),
					       &q);
	}
	if (err) {
		kfree(key);
		return ERR_PTR(err);
	}
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_pubkey_new_ec);

/**
 * tlshake_privkey_new_ec() - an EC private key from its scalar
 * @type: %TLSHAKE_KEY_EC_P256 or %TLSHAKE_KEY_EC_P384
 * @scalar: the private scalar d, big-endian, as long as the group order
 *	(the privateKey octets of a SEC 1 ECPrivateKey, RFC 5915)
 * @len: the length of @scalar
 *
 * Return: the key, to be released with tlshake_privkey_free(), or
 * ERR_PTR(-EINVAL) when @type is not an EC type or d is not in [1, n - 1],
 * or ERR_PTR(-ENOMEM).
 */
struct tlshake_privkey *tlshake_privkey_new_ec(enum tlshake_key_type type,
					       const u8 *scalar, size_t len)
{
	size_t nbytes = ecdsa_nbytes(type);
	struct tlshake_privkey *key;
	bool valid;

	if (!nbytes || len != nbytes)
		return ERR_PTR(-EINVAL);

	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	refcount_set(&key->ref, 1);
	key->type = type;
	if (type == TLSHAKE_KEY_EC_P256) {
		p256_sc_from_bytes(key->ec_d, scalar);
		valid = p256_sc_valid(key->ec_d);
	} else {
		vli_from_be64(key->ec_d, scalar, ECDSA_P384_DIGITS);
		valid = ecdsa_in_range(key->ec_d,
				       ecc_get_curve(ECC_CURVE_NIST_P384)->n,
				       ECDSA_P384_DIGITS);
	}
	if (!valid) {
		kfree_sensitive(key);
		return ERR_PTR(-EINVAL);
	}
	return key;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_privkey_new_ec);

/* Read one INTEGER of an Ecdsa-Sig-Value as @nbytes big-endian bytes; it
 * must fit the curve's size.
 */
static int ecdsa_read_int(struct tlshake_der *der, u8 *be, size_t nbytes)
{
	const u8 *mag;
	size_t len;

	if (tlshake_der_read_uint(der, &mag, &len) || len > nbytes)
		return -EBADMSG;
	memset(be, 0, nbytes - len);
	memcpy(be + nbytes - len, mag, len);
	return 0;
}

/* Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279), DER. */
static int ecdsa_parse_sig(const u8 *sig, size_t sig_len, u8 *r, u8 *s,
			   size_t nbytes)
{
	struct tlshake_der der, seq;

	tlshake_der_init(&der, sig, sig_len);
	if (tlshake_der_enter(&der, TLSHAKE_DER_SEQUENCE, &seq) ||
	    !tlshake_der_empty(&der) ||
	    ecdsa_read_int(&seq, r, nbytes) ||
	    ecdsa_read_int(&seq, s, nbytes) ||
	    !tlshake_der_empty(&seq))
		return -EBADMSG;
	return 0;
}

/* @x = x(@u1 G + @u2 Q) for @u2 != 0; false if the sum is the point at
 * infinity.
 *
 * ecc_point_mult_shamir() computes both products in one pass, but its
 * additions assume distinct operands that are not each other's negation,
 * and signatures can be crafted to break that (Wycheproof's
 * EdgeCaseShamirMultiplication and ArithmeticError cases): it then returns
 * a wrong point.  Given one non-zero scalar u < n it only ever adds P to
 * mP with 2 <= m < n - 1, which is safe.  So each product is computed on
 * its own and the two are added here with complete affine formulas.
 */
static bool ecdsa_sum_x(const struct ecc_curve *curve, const u64 *u1,
			const u64 *u2, const struct ecc_point *q, u64 *x)
{
	unsigned int nd = curve->g.ndigits;
	const u64 *p = curve->p;
	u64 zero[TLSHAKE_EC_MAX_DIGITS] = { 0 };
	u64 ax[TLSHAKE_EC_MAX_DIGITS], ay[TLSHAKE_EC_MAX_DIGITS];
	u64 bx[TLSHAKE_EC_MAX_DIGITS], by[TLSHAKE_EC_MAX_DIGITS];
	u64 l[TLSHAKE_EC_MAX_DIGITS], t[TLSHAKE_EC_MAX_DIGITS];
	struct ecc_point a = ECC_POINT_INIT(ax, ay, nd);
	struct ecc_point b = ECC_POINT_INIT(bx, by, nd);

	ecc_point_mult_shamir(&b, zero, &curve->g, u2, q, curve);
	if (vli_is_zero(u1, nd)) {
		memcpy(x, bx, nd * sizeof(u64));
		return true;
	}
	ecc_point_mult_shamir(&a, u1, &curve->g, zero, q, curve);

	if (!vli_cmp(ax, bx, nd) && vli_cmp(ay, by, nd))
		return false;	/* B = -A */
	if (vli_cmp(ax, bx, nd)) {
		/* l = (by - ay) / (bx - ax) */
		ecdsa_mod_sub(t, bx, ax, p, nd);
		vli_mod_inv(t, t, p, nd);
		ecdsa_mod_sub(l, by, ay, p, nd);
		vli_mod_mult_slow(l, l, t, p, nd);
	} else {
		/* B = A: l = (3 ax^2 + a) / 2 ay; ay != 0, n being odd */
		vli_mod_mult_slow(t, ax, ax, p, nd);
		ecdsa_mod_add(l, t, t, p, nd);
		ecdsa_mod_add(l, l, t, p, nd);
		ecdsa_mod_add(l, l, curve->a, p, nd);
		ecdsa_mod_add(t, ay, ay, p, nd);
		vli_mod_inv(t, t, p, nd);
		vli_mod_mult_slow(l, l, t, p, nd);
	}
	/* x = l^2 - ax - bx */
	vli_mod_mult_slow(t, l, l, p, nd);
	ecdsa_mod_sub(t, t, ax, p, nd);
	ecdsa_mod_sub(x, t, bx, p, nd);
	return true;
}

/* P-384 verification of r and s, given as big-endian bytes. */
static int ecdsa_p384_verify(const struct tlshake_pubkey *key,
			     const u8 *digest, const u8 *r_be, const u8 *s_be)
{
	const struct ecc_curve *curve = ecc_get_curve(ECC_CURVE_NIST_P384);
	const unsigned int nd = ECDSA_P384_DIGITS;
	u64 r[TLSHAKE_EC_MAX_DIGITS], s[TLSHAKE_EC_MAX_DIGITS];
	u64 e[TLSHAKE_EC_MAX_DIGITS], w[TLSHAKE_EC_MAX_DIGITS];
	u64 u1[TLSHAKE_EC_MAX_DIGITS], u2[TLSHAKE_EC_MAX_DIGITS];
	u64 qx[TLSHAKE_EC_MAX_DIGITS], qy[TLSHAKE_EC_MAX_DIGITS];
	u64 x[TLSHAKE_EC_MAX_DIGITS];
	struct ecc_point q = ECC_POINT_INIT(qx, qy, nd);

	vli_from_be64(r, r_be, nd);
	vli_from_be64(s, s_be, nd);
	if (!ecdsa_in_range(r, curve->n, nd) ||
	    !ecdsa_in_range(s, curve->n, nd))
		return -EBADMSG;

	memcpy(qx, key->ec.x, sizeof(qx));
	memcpy(qy, key->ec.y, sizeof(qy));
	vli_from_be64(e, digest, nd);
	/* u1 = e / s, u2 = r / s (mod n); everything here is public. */
	vli_mod_inv(w, s, curve->n, nd);
	vli_mod_mult_slow(u1, e, w, curve->n, nd);
	vli_mod_mult_slow(u2, r, w, curve->n, nd);
	if (!ecdsa_sum_x(curve, u1, u2, &q, x))
		return -EBADMSG;
	/* x < p < 2n: one subtraction reduces it modulo n. */
	if (vli_cmp(x, curve->n, nd) >= 0)
		vli_sub(x, x, curve->n, nd);
	return vli_cmp(x, r, nd) ? -EBADMSG : 0;
}

/**
 * tlshake_ecdsa_verify() - verify an ECDSA signature (SEC 1, 4.1.4)
 * @key: the EC public key
 * @digest: the message digest, as long as the group order (the schemes
 *	pair P-256 with SHA-256 and P-384 with SHA-384)
 * @sig: a DER Ecdsa-Sig-Value
 * @sig_len: its length
 *
 * Return: 0 if the signature is valid, else -EBADMSG.
 */
int tlshake_ecdsa_verify(const struct tlshake_pubkey *key, const u8 *digest,
			 const u8 *sig, size_t sig_len)
{
	size_t nbytes = ecdsa_nbytes(key->type);
	u8 r_be[ECDSA_P384_BYTES], s_be[ECDSA_P384_BYTES];
	u64 r[4], s[4];

	if (ecdsa_parse_sig(sig, sig_len, r_be, s_be, nbytes))
		return -EBADMSG;
	if (key->type != TLSHAKE_KEY_EC_P256)
		return ecdsa_p384_verify(key, digest, r_be, s_be);
	p256_sc_from_bytes(r, r_be);
	p256_sc_from_bytes(s, s_be);
	return p256_ecdsa_verify(&key->p256, digest, r, s);
}

/**
 * tlshake_ecdsa_max_len() - the longest DER Ecdsa-Sig-Value of a curve
 * @type: %TLSHAKE_KEY_EC_P256 or %TLSHAKE_KEY_EC_P384
 *
 * Return: the length in bytes.
 */
size_t tlshake_ecdsa_max_len(enum tlshake_key_type type)
{
	size_t nbytes = ecdsa_nbytes(type);

	/* Two INTEGERs with a sign octet; short lengths up to P-384. */
	return 2 + 2 * (2 + 1 + nbytes);
}

/* Write a positive integer, @nbytes big-endian bytes, as a DER INTEGER;
 * returns the bytes written.
 */
static size_t ecdsa_put_int(u8 *out, const u8 *p, size_t nbytes)
{
	size_t skip = 0, pad, len;

	while (skip < nbytes - 1 && !p[skip])
		skip++;
	pad = p[skip] >> 7;
	len = nbytes - skip + pad;
	out[0] = TLSHAKE_DER_INTEGER;
	out[1] = len;
	out[2] = 0;
	memcpy(out + 2 + pad, p + skip, nbytes - skip);
	return 2 + len;
}

/* P-384 signing; r and s come out as big-endian bytes. */
static int ecdsa_p384_sign(const struct tlshake_privkey *key,
			   const u8 *digest, u64 *r_be, u64 *s_be)
{
	const unsigned int id = ECC_CURVE_NIST_P384;
	const struct ecc_curve *curve = ecc_get_curve(id);
	const unsigned int nd = ECDSA_P384_DIGITS;
	const u64 *n = curve->n;
	u64 g[2 * TLSHAKE_EC_MAX_DIGITS];
	u64 e[TLSHAKE_EC_MAX_DIGITS], r[TLSHAKE_EC_MAX_DIGITS];
	u64 s[TLSHAKE_EC_MAX_DIGITS], k[TLSHAKE_EC_MAX_DIGITS];
	u64 k_be[TLSHAKE_EC_MAX_DIGITS], x_be[TLSHAKE_EC_MAX_DIGITS];
	u64 b[TLSHAKE_EC_MAX_DIGITS], kb[TLSHAKE_EC_MAX_DIGITS];
	u64 t[TLSHAKE_EC_MAX_DIGITS], u[TLSHAKE_EC_MAX_DIGITS];
	int err;

	/* ecc.ko's ECDH entry point takes big-endian keys: G is one. */
	ecc_swap_digits(curve->g.x, g, nd);
	ecc_swap_digits(curve->g.y, g + nd, nd);
	vli_from_be64(e, digest, nd);

	for (;;) {
		ecdsa_random_scalar(k, n, nd);
		/* x(kG) from the ECDH code: a Montgomery ladder over the
		 * scalar padded to a fixed length (the same operations
		 * whatever k), started from a random projective Z so that
		 * its final variable-time inversion sees a random value.
		 */
		ecc_swap_digits(k, k_be, nd);
		err = crypto_ecdh_shared_secret(id, nd, k_be, g, x_be);
		if (err)
			goto out;
		ecc_swap_digits(x_be, r, nd);
		if (vli_cmp(r, n, nd) >= 0)
			vli_sub(r, r, n, nd);
		if (vli_is_zero(r, nd))
			continue;

		/* s = (e + r d) / k = (b e + (b r) d) / (k b) mod n for a
		 * random b.  vli_mod_inv() and vli_mod_mult_slow() take time
		 * that depends on their operands, so they only ever see k and
		 * d multiplied by b: k b is uniform and independent of k,
		 * and so is (b r) d of d.
		 */
		ecdsa_random_scalar(b, n, nd);
		vli_mod_mult_slow(kb, k, b, n, nd);
		vli_mod_inv(kb, kb, n, nd);
		vli_mod_mult_slow(t, b, e, n, nd);
		vli_mod_mult_slow(u, b, r, n, nd);
		vli_mod_mult_slow(u, u, key->ec_d, n, nd);
		ecdsa_mod_add(t, t, u, n, nd);
		vli_mod_mult_slow(s, kb, t, n, nd);
		if (!vli_is_zero(s, nd))
			break;
	}

	ecc_swap_digits(r, r_be, nd);
	ecc_swap_digits(s, s_be, nd);
out:
	memzero_explicit(k, sizeof(k));
	memzero_explicit(k_be, sizeof(k_be));
	memzero_explicit(b, sizeof(b));
	memzero_explicit(kb, sizeof(kb));
	memzero_explicit(t, sizeof(t));
	memzero_explicit(u, sizeof(u));
	return err;
}

/* P-256 signing.  The nonce is 32 bytes from the kernel's RNG, drawn
 * again whenever p256_ecdsa_sign() rejects it (k not in [1, n - 1], or
 * r or s zero): k is uniform in [1, n - 1].
 */
static int ecdsa_p256_sign(const struct tlshake_privkey *key,
			   const u8 *digest, u64 *r_be, u64 *s_be)
{
	u8 nonce[P256_BYTES];
	u64 r[4], s[4];
	int err;

	do {
		get_random_bytes(nonce, sizeof(nonce));
		err = p256_ecdsa_sign(r, s, key->ec_d, digest, nonce);
	} while (err == -EAGAIN);
	memzero_explicit(nonce, sizeof(nonce));
	if (err)
		return err;
	p256_sc_to_bytes((u8 *)r_be, r);
	p256_sc_to_bytes((u8 *)s_be, s);
	return 0;
}

/**
 * tlshake_ecdsa_sign() - make an ECDSA signature (SEC 1, 4.1.3)
 * @key: the EC private key
 * @digest: the message digest, as long as the group order
 * @sig: where to write the DER Ecdsa-Sig-Value, tlshake_ecdsa_max_len()
 *	bytes
 * @sig_len: set to the signature's length
 *
 * The nonce k is drawn uniformly from [1, n - 1] by the kernel's RNG.
 *
 * Return: 0, or a negative errno.
 */
int tlshake_ecdsa_sign(const struct tlshake_privkey *key, const u8 *digest,
		       u8 *sig, size_t *sig_len)
{
	size_t nbytes = ecdsa_nbytes(key->type);
	/* r and s as big-endian bytes, in digits for ecc_swap_digits() */
	u64 r[TLSHAKE_EC_MAX_DIGITS], s[TLSHAKE_EC_MAX_DIGITS];
	size_t len;
	int err;

	if (key->type == TLSHAKE_KEY_EC_P256)
		err = ecdsa_p256_sign(key, digest, r, s);
	else
		err = ecdsa_p384_sign(key, digest, r, s);
	if (err)
		return err;

	len = ecdsa_put_int(sig + 2, (u8 *)r, nbytes);
	len += ecdsa_put_int(sig + 2 + len, (u8 *)s, nbytes);
	sig[0] = TLSHAKE_DER_SEQUENCE;
	sig[1] = len;
	*sig_len = 2 + len;
	return 0;
}
