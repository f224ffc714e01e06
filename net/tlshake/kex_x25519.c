// SPDX-License-Identifier: GPL-2.0
/*
 * X25519 (RFC 7748) through the kernel's curve25519 library, which picks
 * the x86 implementation when the CPU has it.  The library, unlike the
 * "curve25519" kpp, reports an all-zero shared secret, which TLS 1.3 must
 * reject (RFC 8446 section 7.4.2).
 */

#include <crypto/curve25519.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "kex.h"

static int tlshake_x25519_generate(struct tlshake_kex *kex)
{
	curve25519_generate_secret(kex->x25519.priv);
	/* Fails only for a zero scalar, which clamping rules out. */
	if (!curve25519_generate_public(kex->x25519.pub, kex->x25519.priv))
		return -EINVAL;
	return 0;
}

static void tlshake_x25519_public(const struct tlshake_kex *kex, u8 *out)
{
	memcpy(out, kex->x25519.pub, TLSHAKE_X25519_LEN);
}

/* The peer's u-coordinate is taken as RFC 7748 section 5 decodes it: the
 * top bit is ignored and values of p or more are reduced modulo p.  Points
 * of small order and points on the twist are not rejected one by one: they
 * either yield the all-zero secret, rejected here, or a secret the peer's
 * choice does not weaken, as RFC 7748 section 6.1 and RFC 8446 section
 * 7.4.2 intend.
 */
static int tlshake_x25519_derive(struct tlshake_kex *kex, const u8 *peer,
				 u8 *secret)
{
	if (!curve25519(secret, kex->x25519.priv, peer)) {
		memzero_explicit(secret, TLSHAKE_X25519_LEN);
		return -EINVAL;
	}
	return 0;
}

static void tlshake_x25519_free(struct tlshake_kex *kex)
{
	memzero_explicit(kex->x25519.priv, sizeof(kex->x25519.priv));
}

#if IS_ENABLED(CONFIG_KUNIT)
/* The scalar is taken as given: the library clamps it as it uses it. */
static int tlshake_x25519_set_private(struct tlshake_kex *kex,
				      const u8 *priv, size_t len)
{
	if (len != TLSHAKE_X25519_LEN)
		return -EINVAL;
	memcpy(kex->x25519.priv, priv, len);
	if (!curve25519_generate_public(kex->x25519.pub, kex->x25519.priv))
		return -EINVAL;
	return 0;
}
#endif

const struct tlshake_kex_ops tlshake_kex_x25519_ops = {
	.generate	= tlshake_x25519_generate,
	.public		= tlshake_x25519_public,
	.derive		= tlshake_x25519_derive,
	.free		= tlshake_x25519_free,
#if IS_ENABLED(CONFIG_KUNIT)
	.set_private	= tlshake_x25519_set_private,
#endif
};
