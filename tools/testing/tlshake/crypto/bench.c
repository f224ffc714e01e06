// SPDX-License-Identifier: GPL-2.0
/*
 * Operations per second of tlshake's P-256 and RSA beside OpenSSL's, in the
 * same process: each operation runs for BENCH_SECONDS (default 1) of CPU
 * time several times, ours and OpenSSL's taking turns, and the best rate
 * of each is kept, which filters out much of the noise of a shared
 * machine.
 *
 * OpenSSL runs through EVP, as applications use it, on the same inputs:
 * ECDSA and RSA sign and verify a SHA-256 digest; ECDH includes setting
 * (and so checking) the peer's key; key generation includes the public
 * key.  Ours takes its random bytes from OpenSSL's RAND_bytes().
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include "pure.h"
#include "p256.h"
#include "rsa_core.h"

#define ROUNDS	3

static double bench_seconds = 1.0;

/*
 * The thread's CPU time, or the monotonic clock on a kernel without the
 * CPU-time clocks (one without POSIX timers, such as the test guest's).
 */
static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef void (*bench_fn)(void *arg);

/* Operations per second of @fn over bench_seconds. */
static double rate(bench_fn fn, void *arg)
{
	double start = now(), end;
	unsigned long n = 0, batch = 1;

	do {
		unsigned long i;

		for (i = 0; i < batch; i++)
			fn(arg);
		n += batch;
		end = now();
		if (batch < 1024)
			batch *= 2;
	} while (end - start < bench_seconds);
	return n / (end - start);
}

static void row(const char *name, bench_fn ours, void *ours_arg,
		bench_fn theirs, void *theirs_arg)
{
	double a = 0, b = 0, r;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		r = rate(ours, ours_arg);
		if (r > a)
			a = r;
		r = rate(theirs, theirs_arg);
		if (r > b)
			b = r;
	}
	printf("%-22s %12.0f %12.0f %8.2f\n", name, a, b, a / b);
	fflush(stdout);
}

static void die(const char *what)
{
	fprintf(stderr, "bench: %s failed\n", what);
	exit(1);
}

static void random_bytes(u8 *buf, int len)
{
	if (RAND_bytes(buf, len) != 1)
		die("RAND_bytes");
}

/* P-256 */

struct p256_state {
	u8 d[32];
	u64 d_limbs[4];
	u8 pub[P256_POINT_BYTES];
	u8 peer[P256_POINT_BYTES];
	u8 digest[32];
	u64 r[4], s[4];
	struct p256_pubkey key;
	u8 sink;
};

static void ours_keygen(void *arg)
{
	struct p256_state *st = arg;
	u8 d[32], pub[P256_POINT_BYTES];

	do {
		random_bytes(d, sizeof(d));
	} while (p256_ecdh_public(pub, d));
	st->sink ^= pub[1];
}

static void ours_ecdh(void *arg)
{
	struct p256_state *st = arg;
	u8 secret[32];

	if (p256_ecdh_shared(secret, st->d, st->peer, sizeof(st->peer)))
		die("p256_ecdh_shared");
}

static void ours_sign(void *arg)
{
	struct p256_state *st = arg;
	u8 nonce[32];

	do {
		random_bytes(nonce, sizeof(nonce));
	} while (p256_ecdsa_sign(st->r, st->s, st->d_limbs, st->digest,
				 nonce));
}

static void ours_verify(void *arg)
{
	struct p256_state *st = arg;

	if (p256_ecdsa_verify(&st->key, st->digest, st->r, st->s))
		die("p256_ecdsa_verify");
}

static void ours_verify_new_key(void *arg)
{
	struct p256_state *st = arg;
	struct p256_pubkey key;

	if (p256_pubkey_init(&key, st->pub, sizeof(st->pub)) ||
	    p256_ecdsa_verify(&key, st->digest, st->r, st->s))
		die("p256_ecdsa_verify");
}

struct ossl_state {
	EVP_PKEY_CTX *keygen;
	EVP_PKEY_CTX *derive;
	EVP_PKEY *peer;
	EVP_PKEY_CTX *sign;
	EVP_PKEY_CTX *verify;
	u8 digest[32];
	u8 sig[512];
	size_t sig_len;
	size_t max_len;
};

static void ossl_keygen(void *arg)
{
	struct ossl_state *st = arg;
	EVP_PKEY *pkey = NULL;

	if (EVP_PKEY_keygen(st->keygen, &pkey) != 1)
		die("EVP_PKEY_keygen");
	EVP_PKEY_free(pkey);
}

static void ossl_derive(void *arg)
{
	struct ossl_state *st = arg;
	u8 secret[64];
	size_t len = sizeof(secret);

	if (EVP_PKEY_derive_init(st->derive) != 1 ||
	    EVP_PKEY_derive_set_peer(st->derive, st->peer) != 1 ||
	    EVP_PKEY_derive(st->derive, secret, &len) != 1)
		die("EVP_PKEY_derive");
}

static void ossl_sign(void *arg)
{
	struct ossl_state *st = arg;

	st->sig_len = st->max_len;
	if (EVP_PKEY_sign(st->sign, st->sig, &st->sig_len, st->digest,
			  sizeof(st->digest)) != 1)
		die("EVP_PKEY_sign");
}

static void ossl_verify(void *arg)
{
	struct ossl_state *st = arg;

	if (EVP_PKEY_verify(st->verify, st->sig, st->sig_len, st->digest,
			    sizeof(st->digest)) != 1)
		die("EVP_PKEY_verify");
}

static EVP_PKEY *ossl_ec_key(void)
{
	EVP_PKEY *pkey = EVP_EC_gen("P-256");

	if (!pkey)
		die("EVP_EC_gen");
	return pkey;
}

static void bench_p256(void)
{
	struct p256_state ours;
	struct ossl_state theirs = { 0 };
	EVP_PKEY *key = ossl_ec_key();
	size_t len;

	do {
		random_bytes(ours.d, sizeof(ours.d));
	} while (p256_ecdh_public(ours.pub, ours.d));
	p256_sc_from_bytes(ours.d_limbs, ours.d);
	theirs.peer = ossl_ec_key();
	if (!EVP_PKEY_get_octet_string_param(theirs.peer,
					     OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
					     ours.peer, sizeof(ours.peer),
					     &len) || len != sizeof(ours.peer))
		die("peer key");
	random_bytes(ours.digest, sizeof(ours.digest));
	memcpy(theirs.digest, ours.digest, sizeof(theirs.digest));
	ours_sign(&ours);
	if (p256_pubkey_init(&ours.key, ours.pub, sizeof(ours.pub)))
		die("p256_pubkey_init");

	theirs.keygen = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	if (!theirs.keygen || EVP_PKEY_keygen_init(theirs.keygen) != 1 ||
	    EVP_PKEY_CTX_set_group_name(theirs.keygen, "P-256") != 1)
		die("keygen context");
	theirs.derive = EVP_PKEY_CTX_new(key, NULL);
	theirs.sign = EVP_PKEY_CTX_new(key, NULL);
	theirs.verify = EVP_PKEY_CTX_new(key, NULL);
	if (EVP_PKEY_sign_init(theirs.sign) != 1 ||
	    EVP_PKEY_verify_init(theirs.verify) != 1)
		die("sign context");
	theirs.max_len = sizeof(theirs.sig);
	ossl_sign(&theirs);

	row("P-256 keygen", ours_keygen, &ours, ossl_keygen, &theirs);
	row("P-256 ECDH", ours_ecdh, &ours, ossl_derive, &theirs);
	row("P-256 ECDSA sign", ours_sign, &ours, ossl_sign, &theirs);
	row("P-256 ECDSA verify", ours_verify, &ours, ossl_verify, &theirs);
	row("  (key not cached)", ours_verify_new_key, &ours, ossl_verify,
	    &theirs);

	EVP_PKEY_CTX_free(theirs.verify);
	EVP_PKEY_CTX_free(theirs.sign);
	EVP_PKEY_CTX_free(theirs.derive);
	EVP_PKEY_CTX_free(theirs.keygen);
	EVP_PKEY_free(theirs.peer);
	EVP_PKEY_free(key);
}

/* RSA-2048 */

struct rsa_state {
	struct rsa_core_priv key;
	struct rsa_core_ws ws;
	u8 em[256];
	u8 sig[256];
	u8 out[256];
	u8 random[RSA_CORE_RANDOM(256)];
};

static void ours_rsa_sign(void *arg)
{
	struct rsa_state *st = arg;

	random_bytes(st->random, sizeof(st->random));
	if (rsa_core_private(&st->key, st->sig, st->em, st->random, &st->ws))
		die("rsa_core_private");
}

static void ours_rsa_verify(void *arg)
{
	struct rsa_state *st = arg;

	if (rsa_core_public(&st->key.pub, st->out, st->sig) ||
	    memcmp(st->out, st->em, sizeof(st->em)))
		die("rsa_core_public");
}

static u8 *param(EVP_PKEY *pkey, const char *name, size_t *len)
{
	BIGNUM *bn = NULL;
	u8 *buf;

	if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
		die("EVP_PKEY_get_bn_param");
	*len = BN_num_bytes(bn);
	buf = malloc(*len);
	BN_bn2bin(bn, buf);
	BN_free(bn);
	return buf;
}

static void bench_rsa(void)
{
	static const char *const names[] = {
		OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
	};
	struct rsa_state *ours = malloc(sizeof(*ours));
	struct ossl_state theirs = { 0 };
	EVP_PKEY *key = EVP_RSA_gen(2048);
	size_t len[7];
	u8 *part[7];
	int i;

	if (!key)
		die("EVP_RSA_gen");
	for (i = 0; i < 7; i++)
		part[i] = param(key, names[i], &len[i]);
	if (rsa_core_priv_init(&ours->key, part[0], len[0], part[1], len[1],
			       part[2], len[2], part[3], len[3], part[4],
			       len[4], part[5], len[5], part[6], len[6]))
		die("rsa_core_priv_init");
	/* an EMSA-PKCS1-v1_5 block: its value does not change the cost */
	memset(ours->em, 0xff, sizeof(ours->em));
	ours->em[0] = 0x00;
	ours->em[1] = 0x01;
	random_bytes(ours->em + 224, 32);
	ours_rsa_sign(ours);

	random_bytes(theirs.digest, sizeof(theirs.digest));
	theirs.sign = EVP_PKEY_CTX_new(key, NULL);
	theirs.verify = EVP_PKEY_CTX_new(key, NULL);
	if (EVP_PKEY_sign_init(theirs.sign) != 1 ||
	    EVP_PKEY_CTX_set_rsa_padding(theirs.sign,
					 RSA_PKCS1_PADDING) != 1 ||
	    EVP_PKEY_CTX_set_signature_md(theirs.sign, EVP_sha256()) != 1 ||
	    EVP_PKEY_verify_init(theirs.verify) != 1 ||
	    EVP_PKEY_CTX_set_rsa_padding(theirs.verify,
					 RSA_PKCS1_PADDING) != 1 ||
	    EVP_PKEY_CTX_set_signature_md(theirs.verify, EVP_sha256()) != 1)
		die("RSA context");
	theirs.max_len = sizeof(theirs.sig);
	ossl_sign(&theirs);

	row("RSA-2048 sign", ours_rsa_sign, ours, ossl_sign, &theirs);
	row("RSA-2048 verify", ours_rsa_verify, ours, ossl_verify, &theirs);

	EVP_PKEY_CTX_free(theirs.verify);
	EVP_PKEY_CTX_free(theirs.sign);
	EVP_PKEY_free(key);
	for (i = 0; i < 7; i++)
		free(part[i]);
	memzero_explicit(ours, sizeof(*ours));
	free(ours);
}

int main(void)
{
	const char *env = getenv("BENCH_SECONDS");
	bool adx = false;

	if (env)
		bench_seconds = atof(env);
	/* As the module chooses; P256_NO_ADX=1 measures the C arithmetic. */
#ifdef __x86_64__
	adx = __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("adx");
#endif
	p256_set_adx(adx && !getenv("P256_NO_ADX"));
	printf("%-22s %12s %12s %8s\n", "operation/s", "tlshake", "OpenSSL",
	       "ratio");
	bench_p256();
	bench_rsa();
	return 0;
}
