/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ephemeral key exchange for the handshake: X25519, ECDH over P-256 and
 * P-384, and the RFC 7919 finite-field groups, each named by its TLS
 * NamedGroup code point.  kex.c dispatches; one file per mechanism.
 */
#ifndef _NET_TLSHAKE_KEX_H
#define _NET_TLSHAKE_KEX_H

#include <linux/types.h>

/* TLS NamedGroup code points (RFC 8446 section 4.2.7, RFC 7919) */
#define TLSHAKE_GROUP_SECP256R1	0x0017
#define TLSHAKE_GROUP_SECP384R1	0x0018
#define TLSHAKE_GROUP_X25519	0x001d
#define TLSHAKE_GROUP_FFDHE2048	0x0100
#define TLSHAKE_GROUP_FFDHE3072	0x0101
#define TLSHAKE_GROUP_FFDHE4096	0x0102

/* The largest public key and shared secret of any group (ffdhe4096) */
#define TLSHAKE_KEX_MAX_PUBLIC	512
#define TLSHAKE_KEX_MAX_SECRET	512

#define TLSHAKE_X25519_LEN	32
#define TLSHAKE_ECDH_MAX_BYTES	48		/* P-384 */
#define TLSHAKE_ECDH_MAX_DIGITS	(TLSHAKE_ECDH_MAX_BYTES / 8)

struct crypto_kpp;
struct tlshake_kex_group;

/**
 * struct tlshake_kex - one ephemeral key pair of one group
 * @grp: the group; NULL before tlshake_kex_init() and after tlshake_kex_free()
 * @x25519: X25519 state
 * @x25519.priv: the scalar
 * @x25519.pub: the public key
 * @ecdh: ECDH state
 * @ecdh.priv: the private scalar as big-endian bytes, the form p256_ecdh.c
 *	and crypto/ecc.c take
 * @ecdh.pub: the public key, 0x04 || X || Y
 * @ffdhe: FFDHE state
 * @ffdhe.tfm: a "dh" transform holding the private exponent
 * @ffdhe.pub: the public value Y padded to len(p), on the heap because the
 *	transform reads and writes scatterlists
 *
 * The union is private to the mechanisms; callers use the functions below.
 */
struct tlshake_kex {
	const struct tlshake_kex_group *grp;
	union {
		struct {
			u8 priv[TLSHAKE_X25519_LEN];
			u8 pub[TLSHAKE_X25519_LEN];
		} x25519;
		struct {
			u64 priv[TLSHAKE_ECDH_MAX_DIGITS];
			u8 pub[1 + 2 * TLSHAKE_ECDH_MAX_BYTES];
		} ecdh;
		struct {
			struct crypto_kpp *tfm;
			u8 *pub;
		} ffdhe;
	};
};

bool tlshake_kex_supported(u16 group);
bool tlshake_kex_is_ffdhe(u16 group);
size_t tlshake_kex_public_len(u16 group);
int tlshake_kex_init(struct tlshake_kex *kex, u16 group);
int tlshake_kex_public(const struct tlshake_kex *kex, u8 *out, size_t *len);
int tlshake_kex_public_alloc(const struct tlshake_kex *kex, u8 **pub,
			     size_t *len);
int tlshake_kex_derive(struct tlshake_kex *kex, const u8 *peer,
		       size_t peer_len, u8 *secret, size_t *secret_len);
int tlshake_kex_derive_tls12(struct tlshake_kex *kex, const u8 *peer,
			     size_t peer_len, u8 *secret, size_t *secret_len);
void tlshake_kex_free(struct tlshake_kex *kex);
u16 tlshake_kex_ffdhe_named(const u8 *p, size_t p_len, const u8 *g,
			    size_t g_len);
const u8 *tlshake_kex_ffdhe_prime(u16 group, u8 *g);

#if IS_ENABLED(CONFIG_KUNIT)
int tlshake_kex_set_private(struct tlshake_kex *kex, const u8 *priv,
			    size_t len);
#endif

/* The mechanisms.  kex.c has checked the lengths before it calls them:
 * @peer holds exactly the group's public length, @secret has room for the
 * group's secret length.  On failure, @secret holds no part of a secret.
 */
struct tlshake_kex_ops {
	int (*generate)(struct tlshake_kex *kex);
	void (*public)(const struct tlshake_kex *kex, u8 *out);
	int (*derive)(struct tlshake_kex *kex, const u8 *peer, u8 *secret);
	void (*free)(struct tlshake_kex *kex);
#if IS_ENABLED(CONFIG_KUNIT)
	int (*set_private)(struct tlshake_kex *kex, const u8 *priv,
			   size_t len);
#endif
};

/**
 * struct tlshake_kex_group - a supported group
 * @group: its NamedGroup code point
 * @public_len: length of the public key in TLS wire form
 * @secret_len: length of the shared secret as TLS 1.3 uses it
 * @ffdhe: a finite-field group: TLS 1.2 sends its values as minimal
 *	big-endian integers, not padded to len(p)
 * @ops: the mechanism
 */
struct tlshake_kex_group {
	u16 group;
	u16 public_len;
	u16 secret_len;
	bool ffdhe;
	const struct tlshake_kex_ops *ops;
};

extern const struct tlshake_kex_ops tlshake_kex_x25519_ops;
extern const struct tlshake_kex_ops tlshake_kex_ecdh_ops;
extern const struct tlshake_kex_ops tlshake_kex_ffdhe_ops;

#endif /* _NET_TLSHAKE_KEX_H */
