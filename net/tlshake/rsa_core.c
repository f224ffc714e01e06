// SPDX-License-Identifier: GPL-2.0
/*
 * The RSA primitive for 2048 to 4096-bit keys.
 *
 * The private operation works modulo the primes (CRT, RFC 8017 5.1.2 2.b)
 * with fixed-window exponentiations in constant time.  Its input is blinded
 * first: with r random, it computes (c r^e)^d = c^d r and divides by r, so
 * the exponentiations never see a value an attacker chose or knows.  1 / r
 * comes from a variable-time inversion of r b, b random too, which reveals
 * nothing about r.  Last, the result is raised to e and compared with the
 * input: a fault in either half of the CRT would otherwise hand out a
 * value from which n factors (Boneh, DeMillo, Lipton 1997).
 */

#include "rsa_core.h"

/* Leading zero bytes of a big-endian magnitude are not part of its size. */
static void rsa_core_strip(const u8 **v, size_t *len)
{
	while (*len && !**v) {
		(*v)++;
		(*len)--;
	}
}

/* @r = the @len bytes at @v, in @nlimbs limbs; -EINVAL if they do not fit */
static int rsa_core_read(u64 *r, unsigned int nlimbs, const u8 *v,
			 size_t len)
{
	rsa_core_strip(&v, &len);
	if (len > 8 * (size_t)nlimbs)
		return -EINVAL;
	bn_from_bytes(r, nlimbs, v, len);
	return 0;
}

/**
 * rsa_core_pub_init() - prepare an RSA public key
 * @key: the key
 * @n: the modulus, big-endian
 * @n_len: its length, the length of the operations' inputs and outputs
 * @e: the public exponent, big-endian, odd and above 1
 * @e_len: its length
 *
 * Checks no more than the arithmetic needs (an odd modulus of at most 4096
 * bits, an exponent no longer than it); the caller checks the sizes and
 * values policy wants.
 *
 * Return: 0, or -EINVAL.
 */
int rsa_core_pub_init(struct rsa_core_pub *key, const u8 *n, size_t n_len,
		      const u8 *e, size_t e_len)
{
	u64 m[BN_MAX_LIMBS];
	unsigned int nlimbs;
	int err;

	if (!n_len || n_len > 8 * BN_MAX_LIMBS)
		return -EINVAL;
	nlimbs = (n_len + 7) / 8;
	bn_from_bytes(m, nlimbs, n, n_len);
	err = bn_mont_init(&key->n, m, nlimbs);
	if (err)
		return err;
	rsa_core_strip(&e, &e_len);
	if (!e_len || e_len > n_len)
		return -EINVAL;
	key->elimbs = (e_len + 7) / 8;
	bn_from_bytes(key->e, key->elimbs, e, e_len);
	if (key->elimbs == 1 && key->e[0] < 3)
		return -EINVAL;
	key->k = n_len;
	return 0;
}

/**
 * rsa_core_priv_init() - prepare an RSA private key
 * @key: the key; wipe it with memzero_explicit() when done
 * @n: the modulus, big-endian
 * @n_len: its length
 * @e: the public exponent
 * @e_len: its length
 * @p: the first prime
 * @p_len: its length
 * @q: the second prime
 * @q_len: its length
 * @dp: d mod (p - 1)
 * @dp_len: its length
 * @dq: d mod (q - 1)
 * @dq_len: its length
 * @qinv: 1 / q mod p
 * @qinv_len: its length
 *
 * The parts must be consistent: p q = n and q qinv = 1 mod p are checked
 * here, in constant time; a wrong dp or dq is caught by the check of
 * every result.
 *
 * Return: 0, or -EINVAL.
 */
int rsa_core_priv_init(struct rsa_core_priv *key, const u8 *n, size_t n_len,
		       const u8 *e, size_t e_len, const u8 *p, size_t p_len,
		       const u8 *q, size_t q_len, const u8 *dp, size_t dp_len,
		       const u8 *dq, size_t dq_len, const u8 *qinv,
		       size_t qinv_len)
{
	u64 a[RSA_CORE_MAX_PRIME], b[RSA_CORE_MAX_PRIME], pq[BN_MAX_LIMBS + 1];
	unsigned int nl, pl, ql, i;
	u64 ok;
	int err;

	err = rsa_core_pub_init(&key->pub, n, n_len, e, e_len);
	if (err)
		return err;
	nl = key->pub.n.nlimbs;
	rsa_core_strip(&p, &p_len);
	rsa_core_strip(&q, &q_len);
	pl = (p_len + 7) / 8;
	ql = (q_len + 7) / 8;
	if (!pl || !ql || pl > RSA_CORE_MAX_PRIME || ql > RSA_CORE_MAX_PRIME ||
	    pl + ql > nl + 1)
		return -EINVAL;

	bn_from_bytes(a, pl, p, p_len);
	bn_from_bytes(b, ql, q, q_len);
	err = bn_mont_init(&key->p, a, pl) ?: bn_mont_init(&key->q, b, ql);
	if (err)
		goto out;
	err = -EINVAL;
	if (rsa_core_read(key->dp, pl, dp, dp_len) ||
	    rsa_core_read(key->dq, ql, dq, dq_len) ||
	    rsa_core_read(key->qinv, pl, qinv, qinv_len))
		goto out;

	/* p q = n */
	memset(pq, 0, sizeof(pq));
	bn_mul(pq, a, pl, b, ql);
	ok = bn_equal(pq, key->pub.n.m, nl);
	for (i = nl; i < pl + ql; i++)
		ok &= 0 - (u64)(pq[i] == 0);
	/* q qinv = 1 mod p, and qinv < p */
	bn_mont_reduce(a, b, ql, &key->p);
	bn_mont_mul(a, a, key->qinv, &key->p);
	memset(b, 0, sizeof(b));
	b[0] = 1;
	ok &= bn_equal(a, b, pl) & bn_less(key->qinv, key->p.m, pl);
	tlshake_declassify(&ok, sizeof(ok));
	if (ok)
		err = 0;
out:
	memzero_explicit(a, sizeof(a));
	memzero_explicit(b, sizeof(b));
	memzero_explicit(pq, sizeof(pq));
	return err;
}

/* @r = @x^e mod n, for @x below n; all plain, not Montgomery form */
static void rsa_core_pow_e(const struct rsa_core_pub *key, u64 *r,
			   const u64 *x)
{
	u64 t[BN_MAX_LIMBS];

	bn_mont_mul(t, x, key->n.rr, &key->n);
	bn_mont_exp_vartime(t, t, key->e, key->elimbs, &key->n);
	bn_mont_from(r, t, &key->n);
}

/**
 * rsa_core_public() - the public operation, x^e mod n
 * @key: the public key
 * @out: the result, k bytes big-endian
 * @in: the input, k bytes big-endian, below n
 *
 * Return: 0, or -EINVAL if the input is not below n.
 */
int rsa_core_public(const struct rsa_core_pub *key, u8 *out, const u8 *in)
{
	unsigned int nl = key->n.nlimbs;
	u64 x[BN_MAX_LIMBS];

	bn_from_bytes(x, nl, in, key->k);
	if (!bn_less(x, key->n.m, nl))
		return -EINVAL;
	rsa_core_pow_e(key, x, x);
	bn_to_bytes(out, key->k, x, nl);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rsa_core_public);

/* @r = c^d mod n by the CRT, for @c below n; constant time */
static void rsa_core_crt(const struct rsa_core_priv *key, u64 *r,
			 const u64 *c, struct rsa_core_ws *ws)
{
	unsigned int nl = key->pub.n.nlimbs, pl = key->p.nlimbs;
	unsigned int ql = key->q.nlimbs;

	/* m1 = c^dp mod p, m2 = c^dq mod q (Montgomery forms) */
	bn_mont_reduce(ws->m1, c, nl, &key->p);
	bn_mont_reduce(ws->m2, c, nl, &key->q);
	if (pl == BN_IFMA_BITS / 64 && ql == BN_IFMA_BITS / 64 &&
	    bn_ifma_usable()) {
		u64 *const r[2] = { ws->m1, ws->m2 };
		const u64 *const base[2] = { ws->m1, ws->m2 };
		const u64 *const exp[2] = { key->dp, key->dq };
		const struct bn_mont *const mod[2] = { &key->p, &key->q };

		bn_mont_exp2_ifma(r, base, exp, mod, &ws->ifma);
	} else {
		bn_mont_exp_consttime(ws->m1, ws->m1, key->dp, pl, &key->p,
				      ws->table);
		bn_mont_exp_consttime(ws->m2, ws->m2, key->dq, ql, &key->q,
				      ws->table);
	}
	bn_mont_from(ws->m2, ws->m2, &key->q);

	/* h = (m1 - m2) qinv mod p; m2 may exceed p, so reduce it first */
	bn_mont_reduce(ws->t, ws->m2, ql, &key->p);
	bn_mod_sub(ws->t, ws->m1, ws->t, &key->p);
	bn_mont_mul(ws->t, ws->t, key->qinv, &key->p);

	/* c^d = m2 + q h, below n */
	bn_mul(r, key->q.m, ql, ws->t, pl);
	memset(ws->t, 0, (pl + ql) * sizeof(*r));
	memcpy(ws->t, ws->m2, ql * sizeof(*r));
	bn_add(r, r, ws->t, pl + ql);
	if (pl + ql < nl)
		memset(r + pl + ql, 0, (nl - pl - ql) * sizeof(*r));
}

/**
 * rsa_core_private() - the private operation, x^d mod n
 * @key: the private key
 * @out: the result, k bytes big-endian
 * @in: the input, k bytes big-endian, below n
 * @random: %RSA_CORE_RANDOM(k) random bytes, for the blinding
 * @ws: scratch space
 *
 * Return: 0; -EINVAL if the input is not below n; -EAGAIN if the random
 * bytes cannot be used (call again with others; it practically never
 * happens); -EIO if the result failed its check, a fault: nothing is
 * written to @out then.
 */
int rsa_core_private(const struct rsa_core_priv *key, u8 *out, const u8 *in,
		     const u8 *random, struct rsa_core_ws *ws)
{
	const struct bn_mont *n = &key->pub.n;
	unsigned int nl = n->nlimbs;
	size_t k = key->pub.k;
	u64 ok;
	int err;

	bn_from_bytes(ws->c, nl, in, k);
	if (!bn_less(ws->c, n->m, nl))
		return -EINVAL;

	/* r and b below 2^(8k - 8) < n */
	bn_from_bytes(ws->r, nl, random + 1, k - 1);
	bn_from_bytes(ws->b, nl, random + k + 1, k - 1);

	/* 1 / r = b / (r b); r b is uniform, whatever r, and may be seen */
	bn_mont_mul(ws->r, ws->r, n->rr, n);
	bn_mont_mul(ws->t, ws->r, ws->b, n);
	tlshake_declassify(ws->t, nl * sizeof(u64));
	err = modinv_vartime(ws->t, ws->t, n->m, nl, ws->inv);
	if (err) {
		err = -EAGAIN;
		goto out;
	}
	bn_mont_mul(ws->t, ws->t, n->rr, n);
	bn_mont_mul(ws->b, ws->t, ws->b, n);

	/* c r^e */
	bn_mont_exp_vartime(ws->blind, ws->r, key->pub.e, key->pub.elimbs, n);
	bn_mont_mul(ws->blind, ws->c, ws->blind, n);

	/* (c r^e)^d / r = c^d */
	rsa_core_crt(key, ws->s, ws->blind, ws);
	bn_mont_mul(ws->b, ws->b, n->rr, n);
	bn_mont_mul(ws->s, ws->s, ws->b, n);

	/* s^e = c, or a fault happened */
	rsa_core_pow_e(&key->pub, ws->t, ws->s);
	ok = bn_equal(ws->t, ws->c, nl);
	tlshake_declassify(&ok, sizeof(ok));
	if (!ok) {
		err = -EIO;
		goto out;
	}
	bn_to_bytes(out, k, ws->s, nl);
out:
	memzero_explicit(ws, sizeof(*ws));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(rsa_core_private);

/**
 * rsa_core_tls_pms_decode() - take the premaster secret out of an
 * RSAES-PKCS1-v1_5 block, in constant time
 * @em: the decrypted block, 0x00 0x02 PS 0x00 M in a valid one
 * @k: its length, the modulus's
 * @pms: in, a random substitute; out, M if the block is valid, else
 *	the substitute unchanged
 * @len: the length M must have, at least 2
 * @version: the two bytes M must start with, ClientHello.client_version
 *
 * RFC 5246 7.4.7.1: whether the padding was valid must show neither in
 * time nor in what follows, or the server is a padding oracle
 * (Bleichenbacher 1998, ROBOT 2017).  With M's length fixed, every check
 * reads the same bytes whatever their values: 0x00 0x02, PS of at least
 * eight bytes none zero, the separator where M of @len bytes leaves it,
 * and the version; the outcome is a mask that selects M or the substitute
 * byte by byte.  A bad block then makes a premaster secret the client
 * does not know, and the handshake fails at Finished as any other would.
 *
 * Return: 0 whatever the block holds; -EINVAL if @k and @len leave no
 * room for eight bytes of padding, which depends on no secret.
 */
int rsa_core_tls_pms_decode(const u8 *em, size_t k, u8 *pms, size_t len,
			    u16 version)
{
	size_t sep, i;
	u64 good, b;

	if (len < 2 || k < len + 11)
		return -EINVAL;
	sep = k - len - 1;
	good = bn_zero_mask(em[0]) & bn_zero_mask(em[1] ^ 0x02);
	for (i = 2; i < sep; i++)
		good &= ~bn_zero_mask(em[i]);
	good &= bn_zero_mask(em[sep]);
	good &= bn_zero_mask(get_unaligned_be16(em + sep + 1) ^ version);
	for (i = 0; i < len; i++) {
		b = em[sep + 1 + i];
		pms[i] = (u8)((b & good) | (pms[i] & ~good));
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rsa_core_tls_pms_decode);
