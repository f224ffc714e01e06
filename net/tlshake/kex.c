// SPDX-License-Identifier: GPL-2.0
/*
 * Key exchange: the group table and the checks every mechanism shares.
 */

#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "kex.h"

static const struct tlshake_kex_group tlshake_kex_groups[] = {
	{ TLSHAKE_GROUP_X25519, 32, 32, false, &tlshake_kex_x25519_ops },
	{ TLSHAKE_GROUP_SECP256R1, 65, 32, false, &tlshake_kex_ecdh_ops },
	{ TLSHAKE_GROUP_SECP384R1, 97, 48, false, &tlshake_kex_ecdh_ops },
	{ TLSHAKE_GROUP_FFDHE2048, 256, 256, true, &tlshake_kex_ffdhe_ops },
	{ TLSHAKE_GROUP_FFDHE3072, 384, 384, true, &tlshake_kex_ffdhe_ops },
	{ TLSHAKE_GROUP_FFDHE4096, 512, 512, true, &tlshake_kex_ffdhe_ops },
};

static const struct tlshake_kex_group *tlshake_kex_group(u16 group)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tlshake_kex_groups); i++)
		if (tlshake_kex_groups[i].group == group)
			return &tlshake_kex_groups[i];
	return NULL;
}

/**
 * tlshake_kex_supported - whether a group can be used
 * @group: a TLS NamedGroup code point
 *
 * Return: true for the groups tlshake_kex_init() accepts.
 */
bool tlshake_kex_supported(u16 group)
{
	return tlshake_kex_group(group);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_supported);

/**
 * tlshake_kex_is_ffdhe - whether a group is a finite-field one
 * @group: a TLS NamedGroup code point
 *
 * Return: true for the supported groups of RFC 7919, which TLS 1.2 uses
 * for DHE.
 */
bool tlshake_kex_is_ffdhe(u16 group)
{
	const struct tlshake_kex_group *grp = tlshake_kex_group(group);

	return grp && grp->ffdhe;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_is_ffdhe);

/**
 * tlshake_kex_public_len - length of a group's public key on the wire
 * @group: a TLS NamedGroup code point
 *
 * Return: the length of a KeyShareEntry's key_exchange for @group in TLS
 * 1.3 (32 for X25519, 1 + 2 * len(p) for the NIST curves, len(p) for the
 * finite-field groups), or 0 for an unsupported group.
 */
size_t tlshake_kex_public_len(u16 group)
{
	const struct tlshake_kex_group *grp = tlshake_kex_group(group);

	return grp ? grp->public_len : 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_public_len);

/**
 * tlshake_kex_init - generate an ephemeral key pair
 * @kex: the state to set up; its previous contents are ignored
 * @group: a TLS NamedGroup code point
 *
 * May sleep: it waits for the random pool and allocates.  On failure @kex
 * is left empty, and tlshake_kex_free() on it is allowed and does nothing.
 *
 * Return: 0, -EOPNOTSUPP for an unsupported group, or another negative
 * errno.
 */
int tlshake_kex_init(struct tlshake_kex *kex, u16 group)
{
	const struct tlshake_kex_group *grp = tlshake_kex_group(group);
	int err;

	memset(kex, 0, sizeof(*kex));
	if (!grp)
		return -EOPNOTSUPP;

	err = wait_for_random_bytes();
	if (err)
		return err;

	kex->grp = grp;
	err = grp->ops->generate(kex);
	if (err)
		tlshake_kex_free(kex);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_init);

/**
 * tlshake_kex_public - the public key in TLS wire form
 * @kex: an initialised key pair
 * @out: where to write it
 * @len: in, the room at @out; out, the length written
 *
 * X25519 gives the 32-byte u-coordinate, P-256 and P-384 the uncompressed
 * point 0x04 || X || Y, the finite-field groups Y left-padded with zeros
 * to len(p): the form of a TLS 1.3 KeyShareEntry and also valid in TLS 1.2.
 *
 * Return: 0, -ENOSPC if @out is too small, -EINVAL if @kex is empty.
 */
int tlshake_kex_public(const struct tlshake_kex *kex, u8 *out, size_t *len)
{
	const struct tlshake_kex_group *grp = kex->grp;

	if (!grp)
		return -EINVAL;
	if (*len < grp->public_len)
		return -ENOSPC;

	grp->ops->public(kex, out);
	*len = grp->public_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_public);

/**
 * tlshake_kex_public_alloc - the public key in TLS wire form, allocated
 * @kex: an initialised key pair
 * @pub: set to a buffer holding it, for the caller to kfree()
 * @len: set to its length
 *
 * A finite-field public key is as long as its prime, too long for the
 * stack of a handshake.
 *
 * Return: 0, -ENOMEM, or -EINVAL if @kex is empty.
 */
int tlshake_kex_public_alloc(const struct tlshake_kex *kex, u8 **pub,
			     size_t *len)
{
	int err;

	if (!kex->grp)
		return -EINVAL;
	*pub = kmalloc(kex->grp->public_len, GFP_KERNEL);
	if (!*pub)
		return -ENOMEM;
	*len = kex->grp->public_len;
	err = tlshake_kex_public(kex, *pub, len);
	if (err) {
		kfree(*pub);
		*pub = NULL;
	}
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_public_alloc);

/**
 * tlshake_kex_derive - compute the shared secret as TLS 1.3 defines it
 * @kex: an initialised key pair
 * @peer: the peer's public key in TLS wire form
 * @peer_len: its length, which must be the group's public length
 * @secret: where to write the shared secret
 * @secret_len: in, the room at @secret; out, the length written
 *
 * The peer's key is validated: X25519 rejects an all-zero shared secret
 * (RFC 8446 section 7.4.2); the NIST curves take only an uncompressed point
 * that lies on the curve with coordinates below p (RFC 8446 section
 * 4.2.8.2); the finite-field groups require 1 < Y < p - 1 (RFC 7919
 * section 5.1).  The secret is 32 bytes for X25519, the X coordinate of the
 * shared point for the NIST curves and Z left-padded to len(p) for the
 * finite-field groups (RFC 8446 section 7.4.1).  The caller wipes it.
 *
 * Deriving leaves the key pair as it was; the handshake nevertheless uses
 * each key pair for one exchange only: they are ephemeral.  May sleep.
 *
 * Return: 0, -EINVAL if the peer's key is malformed or invalid (the
 * handshake's illegal_parameter), -ENOSPC if @secret is too small, or
 * another negative errno.
 */
int tlshake_kex_derive(struct tlshake_kex *kex, const u8 *peer,
		       size_t peer_len, u8 *secret, size_t *secret_len)
{
	const struct tlshake_kex_group *grp = kex->grp;
	int err;

	if (!grp || peer_len != grp->public_len)
		return -EINVAL;
	if (*secret_len < grp->secret_len)
		return -ENOSPC;

	err = grp->ops->derive(kex, peer, secret);
	if (err)
		return err;
	*secret_len = grp->secret_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_derive);

/**
 * tlshake_kex_derive_tls12 - compute the pre-master secret of TLS 1.2
 * @kex: an initialised key pair
 * @peer: the peer's public value (ServerDHParams.dh_Ys,
 *	ClientDiffieHellmanPublic.dh_Yc or an ECPoint)
 * @peer_len: its length
 * @secret: where to write the pre-master secret
 * @secret_len: in, the room at @secret; out, the length written
 *
 * TLS 1.2 encodes finite-field values as plain big-endian integers: Y may
 * come without its leading zeros, and leading zero bytes of Z are stripped
 * to form the pre-master secret (RFC 5246 section 8.1.2).  Elliptic-curve
 * secrets keep their fixed length (RFC 8422 section 5.10), so for those
 * groups this is tlshake_kex_derive().  The length of a stripped Z reveals
 * its leading zero bytes by nature; the key pair being ephemeral and used
 * once keeps that from adding up to an attack on it.
 *
 * Return: as tlshake_kex_derive().
 */
int tlshake_kex_derive_tls12(struct tlshake_kex *kex, const u8 *peer,
			     size_t peer_len, u8 *secret, size_t *secret_len)
{
	const struct tlshake_kex_group *grp = kex->grp;
	u8 *padded = NULL;
	size_t len, skip;
	int err;

	if (!grp || !grp->ffdhe)
		return tlshake_kex_derive(kex, peer, peer_len, secret,
					  secret_len);

	if (!peer_len || peer_len > grp->public_len)
		return -EINVAL;
	if (*secret_len < grp->secret_len)
		return -ENOSPC;

	if (peer_len < grp->public_len) {
		padded = kzalloc(grp->public_len, GFP_KERNEL);
		if (!padded)
			return -ENOMEM;
		memcpy(padded + grp->public_len - peer_len, peer, peer_len);
		peer = padded;
	}
	err = grp->ops->derive(kex, peer, secret);
	kfree(padded);
	if (err)
		return err;

	/* Z > 1, so at least its last byte stays. */
	len = grp->secret_len;
	for (skip = 0; skip < len - 1 && !secret[skip]; skip++)
		;
	memmove(secret, secret + skip, len - skip);
	memzero_explicit(secret + len - skip, skip);
	*secret_len = len - skip;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_derive_tls12);

/**
 * tlshake_kex_free - wipe a key pair and release what it holds
 * @kex: the key pair; may be empty (never initialised successfully, or
 *	already freed) but must have been through tlshake_kex_init()
 */
void tlshake_kex_free(struct tlshake_kex *kex)
{
	if (kex->grp)
		kex->grp->ops->free(kex);
	memzero_explicit(kex, sizeof(*kex));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_free);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * tlshake_kex_set_private - replace the private key, for known-answer tests
 * @kex: an initialised key pair
 * @priv: the private key: the X25519 scalar (32 bytes, used as given), the
 *	NIST scalar as big-endian bytes (leading zero bytes allowed, value in
 *	[1, n - 1]), the finite-field exponent as big-endian bytes (at most
 *	len(p), nonzero)
 * @len: its length
 *
 * The public key is recomputed from it.  Not part of the module's API: it
 * exists only in kernels with KUnit, for the tests.
 *
 * Return: 0, -EINVAL for a key of the wrong size or value, or another
 * negative errno.
 */
int tlshake_kex_set_private(struct tlshake_kex *kex, const u8 *priv,
			    size_t len)
{
	if (!kex->grp)
		return -EINVAL;
	return kex->grp->ops->set_private(kex, priv, len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_kex_set_private);
#endif
