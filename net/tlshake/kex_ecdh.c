// SPDX-License-Identifier: GPL-2.0
/*
 * ECDH over P-256 and P-384 with the TLS encodings.
 *
 * P-256 is tlshake's own constant-time arithmetic (p256_ecdh.c).  P-384
 * uses the primitives crypto/ecc.c exports: the same arithmetic as the
 * "ecdh-nist-p384" kpp, without the scatterlists.  crypto/ecc.c takes
 * scalars and points as big-endian byte strings (X || Y for a point,
 * without the 0x04 of the wire form) stored in u64 arrays, and converts
 * them to its native digits itself.
 */

#include <crypto/ecdh.h>
#include <crypto/internal/ecc.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/string.h>

#include "kex.h"
#include "p256.h"

/* SEC 1 section 2.3.3: the tag of an uncompressed point */
#define TLSHAKE_EC_UNCOMPRESSED	0x04

#define TLSHAKE_P384_DIGITS	ECC_CURVE_NIST_P384_DIGITS
#define TLSHAKE_P384_BYTES	(TLSHAKE_P384_DIGITS * sizeof(u64))

static bool tlshake_ecdh_is_p256(const struct tlshake_kex *kex)
{
	return kex->grp->group == TLSHAKE_GROUP_SECP256R1;
}

/* A uniform P-256 scalar in [1, n - 1] by rejection: p256_ecdh_public()
 * refuses the others, which a draw hits with a probability near 2^-32.
 */
static int tlshake_p256_generate(struct tlshake_kex *kex)
{
	u8 *priv = (u8 *)kex->ecdh.priv;
	unsigned int tries;

	for (tries = 0; tries < 8; tries++) {
		get_random_bytes(priv, P256_BYTES);
		if (!p256_ecdh_public(kex->ecdh.pub, priv))
			return 0;
	}
	return -EAGAIN;
}

static int tlshake_p384_make_public(struct tlshake_kex *kex)
{
	u64 point[2 * TLSHAKE_P384_DIGITS];
	int err;

	err = ecc_make_pub_key(ECC_CURVE_NIST_P384, TLSHAKE_P384_DIGITS,
			       kex->ecdh.priv, point);
	if (err)
		return err;
	kex->ecdh.pub[0] = TLSHAKE_EC_UNCOMPRESSED;
	memcpy(kex->ecdh.pub + 1, point, sizeof(point));
	return 0;
}

/* A uniform P-384 scalar by rejection: random bytes until
 * ecc_is_key_valid(), which takes native digits, accepts them as lying in
 * [2, n - 3], the range the kernel's own ECDH generates in.  A draw is
 * rejected with a probability near 2^-190.
 */
static int tlshake_p384_generate(struct tlshake_kex *kex)
{
	u64 native[TLSHAKE_P384_DIGITS];
	unsigned int tries;
	int err = -EAGAIN;

	for (tries = 0; tries < 8; tries++) {
		get_random_bytes(kex->ecdh.priv, TLSHAKE_P384_BYTES);
		ecc_swap_digits(kex->ecdh.priv, native, TLSHAKE_P384_DIGITS);
		if (!ecc_is_key_valid(ECC_CURVE_NIST_P384, TLSHAKE_P384_DIGITS,
				      native, TLSHAKE_P384_BYTES)) {
			err = tlshake_p384_make_public(kex);
			break;
		}
	}
	memzero_explicit(native, sizeof(native));
	return err;
}

static int tlshake_ecdh_generate(struct tlshake_kex *kex)
{
	if (tlshake_ecdh_is_p256(kex))
		return tlshake_p256_generate(kex);
	return tlshake_p384_generate(kex);
}

static void tlshake_ecdh_public(const struct tlshake_kex *kex, u8 *out)
{
	memcpy(out, kex->ecdh.pub, kex->grp->public_len);
}

/* crypto/ecc.c's ladder recovers the result's Z by dividing by the input
 * point's x coordinate, so it fails on the two points with x = 0, valid
 * points of P-384 (b is a square modulo p).  For them d * P is computed as
 * (d / 2 mod n) * 2P: 2P from the peer's point alone, d / 2 by the modular
 * multiplication of crypto/ecc.c.  Only a peer that picks one of these two
 * points takes this path.  @scalar and @point are in crypto/ecc.c's
 * big-endian form and rewritten in place.
 */
static int tlshake_p384_avoid_x_zero(u64 *scalar, u64 *point)
{
	const unsigned int ndigits = TLSHAKE_P384_DIGITS;
	const struct ecc_curve *ec = ecc_get_curve(ECC_CURVE_NIST_P384);
	u64 two[ECC_MAX_DIGITS] = { 2 }, zero[ECC_MAX_DIGITS] = { };
	u64 half[ECC_MAX_DIGITS], d[ECC_MAX_DIGITS];
	struct ecc_point *p, *p2;
	int err = -ENOMEM;

	p = ecc_alloc_point(ndigits);
	p2 = ecc_alloc_point(ndigits);
	if (!p || !p2)
		goto out;

	ecc_swap_digits(point, p->x, ndigits);
	ecc_swap_digits(point + ndigits, p->y, ndigits);
	err = ecc_is_pubkey_valid_partial(ec, p);
	if (err)
		goto out;
	ecc_point_mult_shamir(p2, two, p, zero, &ec->g, ec);
	/* The conversion is its own inverse: native digits back to bytes */
	ecc_swap_digits(p2->x, point, ndigits);
	ecc_swap_digits(p2->y, point + ndigits, ndigits);

	vli_mod_inv(half, two, ec->n, ndigits);
	ecc_swap_digits(scalar, d, ndigits);
	vli_mod_mult_slow(d, d, half, ec->n, ndigits);
	ecc_swap_digits(d, scalar, ndigits);
	memzero_explicit(d, sizeof(d));
out:
	ecc_free_point(p2);
	ecc_free_point(p);
	return err;
}

/* crypto_ecdh_shared_secret() validates the peer's point as SP 800-56A
 * section 5.6.2.3.4 does: not the point at infinity, both coordinates in
 * [0, p - 1], on the curve.  P-384 has cofactor 1, so such a point has
 * order n and the full validation of section 5.6.2.3.3 would add nothing.
 * The scalar multiplication is the co-Z ladder of crypto/ecc.c with a
 * randomised projective Z.
 */
static int tlshake_p384_derive(struct tlshake_kex *kex, const u8 *peer,
			       u8 *secret)
{
	u64 point[2 * TLSHAKE_P384_DIGITS];
	u64 scalar[TLSHAKE_P384_DIGITS];
	u64 shared[TLSHAKE_P384_DIGITS];
	int err = 0;

	if (peer[0] != TLSHAKE_EC_UNCOMPRESSED)
		return -EINVAL;

	memcpy(point, peer + 1, sizeof(point));
	memcpy(scalar, kex->ecdh.priv, sizeof(scalar));
	if (!memchr_inv(point, 0, TLSHAKE_P384_BYTES))
		err = tlshake_p384_avoid_x_zero(scalar, point);
	if (!err)
		err = crypto_ecdh_shared_secret(ECC_CURVE_NIST_P384,
						TLSHAKE_P384_DIGITS, scalar,
						point, shared);
	if (!err)
		memcpy(secret, shared, sizeof(shared));
	memzero_explicit(scalar, sizeof(scalar));
	memzero_explicit(shared, sizeof(shared));
	if (err)
		return err == -ENOMEM ? err : -EINVAL;
	return 0;
}

/* Compressed points are refused: TLS 1.3 has only the uncompressed form
 * (RFC 8446 section 4.2.8.2), as does TLS 1.2 since RFC 8422.  For P-256,
 * p256_ecdh_shared() validates the peer's point in full (coordinates below
 * p, on the curve; the point at infinity has no encoding) and multiplies
 * it in constant time.
 */
static int tlshake_ecdh_derive(struct tlshake_kex *kex, const u8 *peer,
			       u8 *secret)
{
	if (tlshake_ecdh_is_p256(kex))
		return p256_ecdh_shared(secret, (const u8 *)kex->ecdh.priv,
					peer, P256_POINT_BYTES);
	return tlshake_p384_derive(kex, peer, secret);
}

static void tlshake_ecdh_free(struct tlshake_kex *kex)
{
	memzero_explicit(kex->ecdh.priv, sizeof(kex->ecdh.priv));
}

#if IS_ENABLED(CONFIG_KUNIT)
/* The P-384 ladder fails near n, which is why ecc_is_key_valid() stops at
 * n - 3; but d and n - d give shared points that differ in the sign of y
 * only, so the smaller of the two is held, and the public key's y negated
 * to match d.
 */
static int tlshake_p384_set_private(struct tlshake_kex *kex)
{
	const unsigned int ndigits = TLSHAKE_P384_DIGITS;
	const struct ecc_curve *ec = ecc_get_curve(ECC_CURVE_NIST_P384);
	u64 native[TLSHAKE_P384_DIGITS], neg[TLSHAKE_P384_DIGITS];
	bool negate;
	u8 *y;
	int err;

	ecc_swap_digits(kex->ecdh.priv, native, ndigits);
	if (vli_is_zero(native, ndigits) ||
	    vli_cmp(ec->n, native, ndigits) <= 0) {
		err = -EINVAL;
		goto out;
	}

	vli_sub(neg, ec->n, native, ndigits);
	negate = vli_cmp(neg, native, ndigits) < 0;
	if (negate)
		ecc_swap_digits(neg, kex->ecdh.priv, ndigits);
	err = tlshake_p384_make_public(kex);
	if (!err && negate) {
		y = kex->ecdh.pub + 1 + TLSHAKE_P384_BYTES;
		ecc_swap_digits(y, native, ndigits);
		vli_sub(native, ec->p, native, ndigits);
		ecc_swap_digits(native, neg, ndigits);
		memcpy(y, neg, TLSHAKE_P384_BYTES);
	}
out:
	memzero_explicit(native, sizeof(native));
	memzero_explicit(neg, sizeof(neg));
	return err;
}

/* Any scalar d in [1, n - 1], with or without leading zero bytes: test
 * vectors use the whole range, beyond what is generated above.
 */
static int tlshake_ecdh_set_private(struct tlshake_kex *kex, const u8 *priv,
				    size_t len)
{
	size_t nbytes = kex->grp->secret_len;

	while (len > nbytes && !*priv) {
		priv++;
		len--;
	}
	if (len > nbytes)
		return -EINVAL;

	memset(kex->ecdh.priv, 0, sizeof(kex->ecdh.priv));
	memcpy((u8 *)kex->ecdh.priv + nbytes - len, priv, len);
	if (tlshake_ecdh_is_p256(kex))
		return p256_ecdh_public(kex->ecdh.pub,
					(const u8 *)kex->ecdh.priv);
	return tlshake_p384_set_private(kex);
}
#endif

const struct tlshake_kex_ops tlshake_kex_ecdh_ops = {
	.generate	= tlshake_ecdh_generate,
	.public		= tlshake_ecdh_public,
	.derive		= tlshake_ecdh_derive,
	.free		= tlshake_ecdh_free,
#if IS_ENABLED(CONFIG_KUNIT)
	.set_private	= tlshake_ecdh_set_private,
#endif
};
