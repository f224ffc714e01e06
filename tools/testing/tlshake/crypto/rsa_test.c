// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake's RSA primitive against OpenSSL's libcrypto: the public and the
 * private operation on random and edge-case inputs for 2048, 3072 and
 * 4096-bit keys (e = 65537 and e = 3), the consistency checks of key
 * loading, the fault check of the private operation, the public
 * operation on the signatures of the Wycheproof RSA vectors, and the
 * decoding of TLS 1.2's RSA premaster secret against OpenSSL's
 * RSA_padding_check_PKCS1_type_2().
 *
 * Where the CPU has AVX-512 IFMA, the private operation of the 2048-bit
 * keys runs both ways, with the IFMA exponentiation and without, and the
 * IFMA exponentiation is checked against the portable one on its own.
 *
 *   rsa_test            ITERS / 20 (default 200) inputs per key
 *   SEED=... rsa_test   replay a run (the keys are new each time)
 */
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "testutil.h"
#include "ifma_glue.h"
#include "rsa_core.h"
#include "wp_rsa_pkcs1_2048.h"
#include "wp_rsa_pss_2048.h"
#include "wp_rsa_pss_3072.h"
#include "wp_rsa_pss_4096.h"

/* A key's parts, big-endian, as OpenSSL has them */
struct test_key {
	BIGNUM *n, *e, *d, *p, *q, *dp, *dq, *qinv;
	u8 *bytes[8];
	size_t len[8];
	size_t k;
};

static BN_CTX *ctx;

static BIGNUM *get_bn(EVP_PKEY *pkey, const char *name)
{
	BIGNUM *bn = NULL;

	if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
		abort();
	return bn;
}

static void key_bytes(struct test_key *key)
{
	BIGNUM *parts[8] = { key->n, key->e, key->d, key->p, key->q,
			     key->dp, key->dq, key->qinv };
	int i;

	for (i = 0; i < 8; i++) {
		free(key->bytes[i]);
		key->len[i] = BN_num_bytes(parts[i]);
		key->bytes[i] = malloc(key->len[i] + 1);
		BN_bn2bin(parts[i], key->bytes[i]);
	}
	key->k = key->len[0];
}

static void new_key(struct test_key *key, int bits, unsigned int e)
{
	EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	BIGNUM *pub_e = BN_new();
	EVP_PKEY *pkey = NULL;

	BN_set_word(pub_e, e);
	if (!pctx || EVP_PKEY_keygen_init(pctx) != 1 ||
	    EVP_PKEY_CTX_set_rsa_keygen_bits(pctx, bits) != 1 ||
	    EVP_PKEY_CTX_set1_rsa_keygen_pubexp(pctx, pub_e) != 1 ||
	    EVP_PKEY_keygen(pctx, &pkey) != 1)
		abort();
	memset(key, 0, sizeof(*key));
	key->n = get_bn(pkey, OSSL_PKEY_PARAM_RSA_N);
	key->e = get_bn(pkey, OSSL_PKEY_PARAM_RSA_E);
	key->d = get_bn(pkey, OSSL_PKEY_PARAM_RSA_D);
	key->p = get_bn(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1);
	key->q = get_bn(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2);
	key->dp = get_bn(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1);
	key->dq = get_bn(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2);
	key->qinv = get_bn(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
	key_bytes(key);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(pctx);
	BN_free(pub_e);
}

static void free_key(struct test_key *key)
{
	int i;

	BN_free(key->n);
	BN_free(key->e);
	BN_free(key->d);
	BN_free(key->p);
	BN_free(key->q);
	BN_free(key->dp);
	BN_free(key->dq);
	BN_free(key->qinv);
	for (i = 0; i < 8; i++)
		free(key->bytes[i]);
}

static int priv_init(struct rsa_core_priv *priv, const struct test_key *key)
{
	return rsa_core_priv_init(priv, key->bytes[0], key->len[0],
				  key->bytes[1], key->len[1],
				  key->bytes[3], key->len[3],
				  key->bytes[4], key->len[4],
				  key->bytes[5], key->len[5],
				  key->bytes[6], key->len[6],
				  key->bytes[7], key->len[7]);
}

/* Inputs: 0, 1, 2, n - 1, n - 2, then random ones, some near the top. */
static void test_input(u8 *x, const struct test_key *key, unsigned long i)
{
	BIGNUM *v = BN_new();

	switch (i) {
	case 0:
	case 1:
	case 2:
		BN_set_word(v, i);
		break;
	case 3:
	case 4:
		BN_sub(v, key->n, BN_value_one());
		BN_sub_word(v, i - 3);
		break;
	default:
		do {
			rng_bytes_edgy(x, key->k);
			BN_bin2bn(x, (int)key->k, v);
		} while (BN_cmp(v, key->n) >= 0);
		break;
	}
	bn_to(x, key->k, v);
	BN_free(v);
}

static void check_key(const struct test_key *key, unsigned long inputs,
		      struct rsa_core_ws *ws)
{
	size_t k = key->k;
	u8 *x = malloc(k), *ours = malloc(k), *theirs = malloc(k);
	u8 *random = malloc(RSA_CORE_RANDOM(k));
	struct rsa_core_priv *priv = malloc(sizeof(*priv));
	BIGNUM *v = BN_new(), *r = BN_new();
	unsigned long i;
	int err;

	CHECK(!priv_init(priv, key), "%zu-bit key rejected", 8 * k);
	for (i = 0; i < inputs; i++) {
		test_input(x, key, i);
		BN_bin2bn(x, (int)k, v);

		/* x^d */
		rng_bytes(random, RSA_CORE_RANDOM(k));
		err = rsa_core_private(priv, ours, x, random, ws);
		BN_mod_exp(r, v, key->d, key->n, ctx);
		bn_to(theirs, k, r);
		CHECK(!err && !memcmp(ours, theirs, k),
		      "%zu bits: private operation: %d, input %lu", 8 * k,
		      err, i);

		/* x^e */
		err = rsa_core_public(&priv->pub, ours, x);
		BN_mod_exp(r, v, key->e, key->n, ctx);
		bn_to(theirs, k, r);
		CHECK(!err && !memcmp(ours, theirs, k),
		      "%zu bits: public operation: %d, input %lu", 8 * k, err,
		      i);
	}

	/* n and beyond are no input */
	memcpy(x, key->bytes[0], k);
	CHECK(rsa_core_public(&priv->pub, ours, x) == -EINVAL,
	      "public operation takes n");
	CHECK(rsa_core_private(priv, ours, x, random, ws) == -EINVAL,
	      "private operation takes n");
	memset(x, 0xff, k);
	CHECK(rsa_core_private(priv, ours, x, random, ws) == -EINVAL,
	      "private operation takes 2^8k - 1");

	/* A zero blinding factor is refused. */
	test_input(x, key, 5);
	memset(random, 0, k);
	CHECK(rsa_core_private(priv, ours, x, random, ws) == -EAGAIN,
	      "zero blinding factor taken");

	/* A fault in d mod (p - 1): the check must catch it. */
	priv->dp[rng_next() % priv->p.nlimbs] ^= 1ULL << (rng_next() % 64);
	rng_bytes(random, RSA_CORE_RANDOM(k));
	memset(ours, 0xa5, k);
	memcpy(theirs, ours, k);
	CHECK(rsa_core_private(priv, ours, x, random, ws) == -EIO,
	      "faulty result released");
	CHECK(!memcmp(ours, theirs, k), "faulty result written");

	memzero_explicit(priv, sizeof(*priv));
	free(priv);
	BN_free(r);
	BN_free(v);
	free(random);
	free(theirs);
	free(ours);
	free(x);
}

/* A base below m, in Montgomery form: 0, 1, m - 1, else random. */
static void ifma_base(u64 *b, const struct bn_mont *m, unsigned long i)
{
	unsigned int j;

	memset(b, 0, m->nlimbs * sizeof(*b));
	switch (i % 8) {
	case 0:
		break;
	case 1:
		b[0] = 1;
		break;
	case 2:
		memcpy(b, m->m, m->nlimbs * sizeof(*b));
		b[0]--;
		break;
	default:
		for (j = 0; j < m->nlimbs; j++)
			b[j] = rng_next();
		b[m->nlimbs - 1] %= m->m[m->nlimbs - 1];
		break;
	}
}

/* An exponent: 0, all ones, else random (edgy bytes). */
static void ifma_exp(u64 *e, unsigned int nlimbs, unsigned long i)
{
	u8 buf[8 * RSA_CORE_MAX_PRIME];

	switch (i % 16) {
	case 5:
		memset(buf, 0, sizeof(buf));
		break;
	case 6:
		memset(buf, 0xff, sizeof(buf));
		break;
	default:
		rng_bytes_edgy(buf, 8 * nlimbs);
		break;
	}
	bn_from_bytes(e, nlimbs, buf, 8 * nlimbs);
}

/*
 * The IFMA exponentiation modulo the primes of a 2048-bit key, against the
 * portable one: edge-case and random bases, random exponents, each of the
 * two halves with a base and exponent of its own.
 */
static void check_ifma(const struct test_key *key, unsigned long iters,
		       struct rsa_core_ws *ws)
{
	struct rsa_core_priv *priv = malloc(sizeof(*priv));
	u64 base[2][RSA_CORE_MAX_PRIME], exp[2][RSA_CORE_MAX_PRIME];
	u64 ours[2][RSA_CORE_MAX_PRIME], theirs[2][RSA_CORE_MAX_PRIME];
	const struct bn_mont *mod[2];
	unsigned long i;
	unsigned int h, n;

	CHECK(!priv_init(priv, key), "2048-bit key rejected");
	mod[0] = &priv->p;
	mod[1] = &priv->q;
	n = priv->p.nlimbs;
	CHECK(n == 16 && priv->q.nlimbs == 16, "primes of %u limbs", n);
	for (i = 0; i < iters; i++) {
		for (h = 0; h < 2; h++) {
			ifma_base(base[h], mod[h], i + 3 * h);
			ifma_exp(exp[h], n, i + 7 * h);
			bn_mont_exp_consttime(theirs[h], base[h], exp[h], n,
					      mod[h], ws->table);
		}
		bn_mont_exp2_ifma((u64 *const[]){ ours[0], ours[1] },
				  (const u64 *const[]){ base[0], base[1] },
				  (const u64 *const[]){ exp[0], exp[1] },
				  mod, &ws->ifma);
		for (h = 0; h < 2; h++)
			CHECK(!memcmp(ours[h], theirs[h], n * sizeof(u64)),
			      "IFMA exponentiation differs, round %lu", i);
	}
	memzero_explicit(priv, sizeof(*priv));
	free(priv);
}

/* Inconsistent keys are refused at loading. */
static void check_key_init(struct test_key *key)
{
	struct rsa_core_priv *priv = malloc(sizeof(*priv));
	BIGNUM *saved;

	CHECK(!priv_init(priv, key), "good key refused");

	/* p + 2: p q != n */
	saved = BN_dup(key->p);
	BN_add_word(key->p, 2);
	key_bytes(key);
	CHECK(priv_init(priv, key) == -EINVAL, "p q != n taken");
	BN_copy(key->p, saved);
	BN_free(saved);

	/* qinv + 1 */
	saved = BN_dup(key->qinv);
	BN_add_word(key->qinv, 1);
	key_bytes(key);
	CHECK(priv_init(priv, key) == -EINVAL, "bad qinv taken");
	/* qinv + p: right modulo p, but not below it */
	BN_sub_word(key->qinv, 1);
	BN_add(key->qinv, key->qinv, key->p);
	key_bytes(key);
	CHECK(priv_init(priv, key) == -EINVAL, "qinv >= p taken");
	BN_copy(key->qinv, saved);
	BN_free(saved);

	/* p and q swapped, with the matching qinv and exponents */
	BN_swap(key->p, key->q);
	BN_swap(key->dp, key->dq);
	BN_mod_inverse(key->qinv, key->q, key->p, ctx);
	key_bytes(key);
	CHECK(!priv_init(priv, key), "key with p < q refused");
	free(priv);
}

/* The public operation on Wycheproof's signatures, as OpenSSL does it. */
static void wp_public(int tc_id, const u8 *der, unsigned int der_len,
		      const u8 *sig, unsigned int sig_len)
{
	const u8 *p = der;
	RSA *rsa = d2i_RSAPublicKey(NULL, &p, der_len);
	const BIGNUM *n, *e;
	struct rsa_core_pub *pub = malloc(sizeof(*pub));
	u8 nb[512], eb[512], ours[512], theirs[512];
	BIGNUM *v, *r;
	size_t k;
	int err;

	if (!rsa)
		abort();
	RSA_get0_key(rsa, &n, &e, NULL);
	k = BN_num_bytes(n);
	bn_to(nb, k, n);
	bn_to(eb, BN_num_bytes(e), e);
	CHECK(!rsa_core_pub_init(pub, nb, k, eb, BN_num_bytes(e)),
	      "tcId %d: key refused", tc_id);
	if (sig_len == k) {
		v = bn_from(sig, sig_len);
		r = BN_new();
		err = rsa_core_public(pub, ours, sig);
		if (BN_cmp(v, n) >= 0) {
			CHECK(err == -EINVAL, "tcId %d: s >= n taken", tc_id);
		} else {
			BN_mod_exp(r, v, e, n, ctx);
			bn_to(theirs, k, r);
			CHECK(!err && !memcmp(ours, theirs, k),
			      "tcId %d: public operation differs", tc_id);
		}
		BN_free(r);
		BN_free(v);
	}
	free(pub);
	RSA_free(rsa);
}

#define wp_run(vectors)							\
	do {								\
		unsigned int i_;					\
									\
		for (i_ = 0; i_ < ARRAY_SIZE(vectors); i_++)		\
			wp_public(vectors[i_].tc_id, vectors[i_].key,	\
				  vectors[i_].key_len, vectors[i_].sig,	\
				  vectors[i_].sig_len);			\
	} while (0)

/* A block near enough to a valid premaster secret's to test each check:
 * valid, then spoiled in one place or many.
 */
static void pms_block(u8 *em, size_t k)
{
	size_t sep = k - 49, i;

	em[0] = 0x00;
	em[1] = 0x02;
	rng_bytes(em + 2, sep - 2);
	for (i = 2; i < sep; i++)
		em[i] |= !em[i];
	em[sep] = 0x00;
	em[sep + 1] = 0x03;
	em[sep + 2] = 0x03;
	rng_bytes(em + sep + 3, k - sep - 3);

	switch (rng_next() % 8) {
	case 0:
		break;
	case 1:
		em[rng_next() % 2] ^= (u8)(1 << (rng_next() % 8));
		break;
	case 2:
		/* A zero somewhere in PS or the separator moved: M's length */
		em[2 + rng_next() % (sep - 2)] = 0x00;
		break;
	case 3:
		em[sep] = (u8)(rng_next() | 1);
		if (rng_next() & 1)
			em[sep + 1 + rng_next() % 48] = 0x00;
		break;
	case 4:
		em[sep + 1 + rng_next() % 2] ^= (u8)(1 << (rng_next() % 8));
		break;
	default:
		rng_bytes_edgy(em, k);
		if (rng_next() & 1) {
			em[0] = 0x00;
			em[1] = 0x02;
		}
		break;
	}
}

/* Ours takes M where OpenSSL finds a 48-byte message of version 0x0303,
 * and leaves the substitute everywhere else.
 */
static void check_pms_decode(unsigned long iters)
{
	static const size_t sizes[] = { 256, 384, 512 };
	u8 em[512], msg[512], pms[48], r[48];
	unsigned long i, valid = 0;
	size_t k;
	int len;

	for (i = 0; i < iters; i++) {
		k = sizes[i % ARRAY_SIZE(sizes)];
		pms_block(em, k);
		rng_bytes(r, sizeof(r));
		memcpy(pms, r, sizeof(pms));
		CHECK(!rsa_core_tls_pms_decode(em, k, pms, sizeof(pms), 0x0303),
		      "premaster secret decoding: an error");
		len = RSA_padding_check_PKCS1_type_2(msg, sizeof(msg), em, k, k);
		ERR_clear_error();
		if (len == 48 && msg[0] == 0x03 && msg[1] == 0x03) {
			valid++;
			CHECK(!memcmp(pms, msg, 48),
			      "premaster secret decoding: valid block %lu refused",
			      i);
		} else {
			CHECK(!memcmp(pms, r, 48),
			      "premaster secret decoding: bad block %lu taken (%d)",
			      i, len);
		}
	}
	CHECK(valid && valid < iters,
	      "premaster secret decoding: %lu valid of %lu", valid, iters);
	CHECK(rsa_core_tls_pms_decode(em, 58, pms, 48, 0x0303) == -EINVAL,
	      "premaster secret decoding: no room for padding taken");
}

int main(void)
{
	static const struct {
		int bits;
		unsigned int e;
		unsigned int keys;
	} sizes[] = {
		{ 2048, 65537, 3 }, { 2048, 3, 1 }, { 3072, 65537, 2 },
		{ 4096, 65537, 1 },
	};
	unsigned long iters = test_iters(4000);
	struct rsa_core_ws *ws = malloc(sizeof(*ws));
	u64 seed = rng_seed();
	struct test_key key;
	unsigned int i, j;

	printf("rsa_test: SEED=%llu ITERS=%lu\n", (unsigned long long)seed,
	       iters);
	if (!ifma_glue_cpu())
		printf("rsa_test: no AVX-512 IFMA here, its path is skipped\n");
	ctx = BN_CTX_new();

	wp_run(rsa_pkcs1_2048_vectors);
	wp_run(rsa_pss_2048_vectors);
	wp_run(rsa_pss_3072_vectors);
	wp_run(rsa_pss_4096_vectors);
	check_pms_decode(iters);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (j = 0; j < sizes[i].keys; j++) {
			new_key(&key, sizes[i].bits, sizes[i].e);
			check_key(&key, iters / 20, ws);
			if (sizes[i].bits == 2048 && ifma_glue_cpu()) {
				/* the same without IFMA, then IFMA alone */
				ifma_glue_enable(false);
				check_key(&key, iters / 20, ws);
				ifma_glue_enable(true);
				check_ifma(&key, iters, ws);
			}
			if (!j)
				check_key_init(&key);
			free_key(&key);
		}
	}

	BN_CTX_free(ctx);
	free(ws);
	return test_done("rsa_test");
}
