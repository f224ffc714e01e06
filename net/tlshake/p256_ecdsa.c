// SPDX-License-Identifier: GPL-2.0
/*
 * ECDSA over P-256 (SEC 1, 4.1.3 and 4.1.4; FIPS 186-5, 6.4).
 *
 * Signing takes its nonce from the caller as 32 random bytes and rejects
 * those that are not in [1, n - 1]: a uniform k, with no bias at all,
 * which would be fatal.  Neither k nor the private key d decides a branch
 * or an address: k G is the constant-time comb, and 1/k the constant-time
 * safegcd.
 */

#include "p256.h"

/**
 * p256_ecdsa_sign() - sign a digest
 * @r: the signature's r, as limbs
 * @s: the signature's s, as limbs
 * @d: the private key, 1 <= d < n, as limbs
 * @digest: the SHA-256 digest of the message, 32 bytes
 * @nonce: 32 random bytes, the nonce k
 *
 * Return: 0; -EINVAL if d is not in [1, n - 1]; -EAGAIN when the nonce
 * cannot be used (k not in [1, n - 1], r = 0 or s = 0): call again with
 * fresh random bytes.
 */
int p256_ecdsa_sign(u64 *r, u64 *s, const u64 *d, const u8 *digest,
		    const u8 *nonce)
{
	u64 k[4], x[4], e[4], t[4], dm[4], km[4], ok;
	int err = -EAGAIN;

	ok = p256_sc_valid(d);
	tlshake_declassify(&ok, sizeof(ok));
	if (!ok)
		return -EINVAL;

	p256_sc_from_bytes(k, nonce);
	ok = p256_sc_valid(k);
	tlshake_declassify(&ok, sizeof(ok));
	if (!ok)
		goto out;

	/* r = x(k G) mod n, public once the signature is out */
	p256_mul_base(x, NULL, k);
	p256_sc_reduce(r, x);
	tlshake_declassify(r, 4 * sizeof(u64));
	if (!p256_sc_valid(r))
		goto out;

	/* s = (e + r d) / k mod n */
	p256_sc_from_bytes(e, digest);
	p256_sc_reduce(e, e);
	p256_sc_to_mont(dm, d);
	p256_sc_mul(t, r, dm);
	p256_sc_add(t, t, e);
	p256_sc_inv(km, k);
	p256_sc_to_mont(km, km);
	p256_sc_mul(s, km, t);
	tlshake_declassify(s, 4 * sizeof(u64));
	if (p256_sc_valid(s))
		err = 0;
out:
	memzero_explicit(k, sizeof(k));
	memzero_explicit(km, sizeof(km));
	memzero_explicit(dm, sizeof(dm));
	memzero_explicit(t, sizeof(t));
	return err;
}

/**
 * p256_ecdsa_verify() - verify a signature over a digest
 * @key: the signer's public key
 * @digest: the SHA-256 digest of the message, 32 bytes
 * @r: the signature's r, as limbs
 * @s: the signature's s, as limbs
 *
 * Return: 0 if the signature is valid, else -EBADMSG.
 */
int p256_ecdsa_verify(const struct p256_pubkey *key, const u8 *digest,
		      const u64 *r, const u64 *s)
{
	u64 e[4], w[4], u1[4], u2[4];

	if (!p256_sc_valid(r) || !p256_sc_valid(s))
		return -EBADMSG;
	p256_sc_from_bytes(e, digest);
	p256_sc_reduce(e, e);
	/* u1 = e / s, u2 = r / s */
	p256_sc_inv_vartime(w, s);
	p256_sc_to_mont(w, w);
	p256_sc_mul(u1, e, w);
	p256_sc_mul(u2, r, w);
	return p256_mul_add_check(key, u1, u2, r) ? 0 : -EBADMSG;
}
