// SPDX-License-Identifier: GPL-2.0
/*
 * ECDH over P-256 (SEC 1, 3.3.1): key pairs and shared secrets, the
 * private scalar handled in constant time.
 */

#include "p256.h"

/**
 * p256_ecdh_public() - the public key of a private scalar
 * @point: the public key d G, 0x04 || X || Y (%P256_POINT_BYTES)
 * @scalar: the private scalar d, 32 big-endian bytes
 *
 * For key generation, pass random bytes and draw again on -EINVAL: taking
 * only scalars in [1, n - 1] keeps them uniform in that range.
 *
 * Return: 0, or -EINVAL if d is not in [1, n - 1].
 */
int p256_ecdh_public(u8 *point, const u8 *scalar)
{
	u64 d[4], x[4], y[4], ok;

	p256_sc_from_bytes(d, scalar);
	ok = p256_sc_valid(d);
	tlshake_declassify(&ok, sizeof(ok));
	if (!ok) {
		memzero_explicit(d, sizeof(d));
		return -EINVAL;
	}
	p256_mul_base(x, y, d);
	point[0] = 0x04;
	p256_sc_to_bytes(point + 1, x);
	p256_sc_to_bytes(point + 1 + P256_BYTES, y);
	memzero_explicit(d, sizeof(d));
	return 0;
}

/**
 * p256_ecdh_shared() - the shared secret with a peer's public key
 * @secret: x(d Q), 32 big-endian bytes; untouched on failure
 * @scalar: the private scalar d, 32 big-endian bytes
 * @peer: the peer's public key Q, 0x04 || X || Y
 * @peer_len: its length
 *
 * Q is fully validated (p256_point_decode()), so d Q is never the point at
 * infinity.
 *
 * Return: 0, or -EINVAL if Q is not a valid point or d is not in
 * [1, n - 1].
 */
int p256_ecdh_shared(u8 *secret, const u8 *scalar, const u8 *peer,
		     size_t peer_len)
{
	struct p256_affine q;
	u64 d[4], x[4], ok;
	int err;

	err = p256_point_decode(&q, peer, peer_len);
	if (err)
		return err;
	p256_sc_from_bytes(d, scalar);
	ok = p256_sc_valid(d);
	tlshake_declassify(&ok, sizeof(ok));
	if (ok) {
		ok = ~p256_mul(x, d, &q);
		tlshake_declassify(&ok, sizeof(ok));
		if (ok)
			p256_sc_to_bytes(secret, x);
	}
	memzero_explicit(d, sizeof(d));
	memzero_explicit(x, sizeof(x));
	return ok ? 0 : -EINVAL;
}
