// SPDX-License-Identifier: GPL-2.0
/*
 * OpenSSL's side of the crypto floor: the operations tlshake_bench.ko
 * (net/tlshake/crypto_bench.c) times in the kernel, through EVP as libssl
 * uses it, printed under the same names in the same form:
 *
 *   NAME OPS NS        NAME ran OPS times in NS nanoseconds
 *
 * Each operation runs for at least BENCH_MSECS (default 250) milliseconds
 * on the monotonic clock, as in the kernel; make bench runs both several
 * times, in turn, and keeps the best of each.  (openssl speed cannot run in the test guest: it times with
 * alarm(), and the kernel has no POSIX timers.)
 *
 * What each operation covers matches the kernel's: a key exchange makes a
 * key pair, exports its public key, takes the peer's from its wire form
 * and derives; a signature hashes a CertificateVerify-sized message; a key
 * set-up turns DER into a key ready for use; the key schedule runs the
 * HKDF steps of one end's TLS 1.3 handshake; the transcript hash takes the
 * same messages and reads the same digests; a record is sealed and opened
 * in place with a 5-byte header as additional data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#define FLIGHT_LEN	4096
#define SMALL_LEN	64
#define AAD_LEN		5
#define TAG_LEN		16
#define CV_LEN		(64 + 33 + 1 + 32)

static double bench_msecs = 250;

struct state {
	EVP_PKEY_CTX *keygen[3];	/* X25519, P-256, ffdhe2048 */
	EVP_PKEY *template[3];
	unsigned char *peer[3];
	size_t peer_len[3];
	EVP_PKEY *ec, *rsa;
	unsigned char *ec_spki, *rsa_spki, *rsa_der;
	int ec_spki_len, rsa_spki_len, rsa_der_len;
	unsigned char msg[CV_LEN];
	unsigned char ec_sig[80], pss_sig[256], pkcs1_sig[256];
	size_t ec_sig_len, pss_sig_len, pkcs1_sig_len;
	EVP_MD *sha256;
	EVP_KDF *hkdf;
	EVP_KDF_CTX *kdf;
	unsigned char secret[32], shared[32], out[32];
	EVP_CIPHER *aes, *chacha;
	EVP_CIPHER_CTX *aes_ctx, *chacha_ctx;
	unsigned char key[32];
	unsigned char rec[AAD_LEN + FLIGHT_LEN + TAG_LEN];
};

static void die(const char *what)
{
	fprintf(stderr, "evpfloor: %s failed\n", what);
	exit(1);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Key exchange */

static void kex(struct state *st, int g)
{
	EVP_PKEY *pkey = NULL, *peer;
	EVP_PKEY_CTX *ctx;
	unsigned char *pub = NULL, secret[256];
	size_t len = sizeof(secret);

	if (EVP_PKEY_keygen(st->keygen[g], &pkey) != 1 ||
	    !EVP_PKEY_get1_encoded_public_key(pkey, &pub))
		die("keygen");
	OPENSSL_free(pub);
	/* The peer's key from its wire form, as libssl takes a key share */
	peer = EVP_PKEY_new();
	if (!peer || EVP_PKEY_copy_parameters(peer, st->template[g]) != 1 ||
	    EVP_PKEY_set1_encoded_public_key(peer, st->peer[g],
					     st->peer_len[g]) != 1)
		die("peer key");
	ctx = EVP_PKEY_CTX_new(pkey, NULL);
	if (!ctx || EVP_PKEY_derive_init(ctx) != 1 ||
	    EVP_PKEY_derive_set_peer(ctx, peer) != 1 ||
	    EVP_PKEY_derive(ctx, secret, &len) != 1)
		die("derive");
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(peer);
	EVP_PKEY_free(pkey);
	OPENSSL_cleanse(secret, sizeof(secret));
}

static void x25519(struct state *st)
{
	kex(st, 0);
}

static void p256_ecdh(struct state *st)
{
	kex(st, 1);
}

static void ffdhe2048(struct state *st)
{
	kex(st, 2);
}

/* Signatures */

static void sign(EVP_PKEY *key, int pss, const unsigned char *msg,
		 unsigned char *sig, size_t *sig_len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx;

	if (!md || EVP_DigestSignInit(md, &pctx, EVP_sha256(), NULL, key) != 1 ||
	    (pss == 1 &&
	     (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
	      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx,
					       RSA_PSS_SALTLEN_DIGEST) != 1)) ||
	    EVP_DigestSign(md, sig, sig_len, msg, CV_LEN) != 1)
		die("sign");
	EVP_MD_CTX_free(md);
}

static void verify(EVP_PKEY *key, int pss, const unsigned char *msg,
		   const unsigned char *sig, size_t sig_len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx;

	if (!md ||
	    EVP_DigestVerifyInit(md, &pctx, EVP_sha256(), NULL, key) != 1 ||
	    (pss == 1 &&
	     (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
	      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx,
					       RSA_PSS_SALTLEN_DIGEST) != 1)) ||
	    EVP_DigestVerify(md, sig, sig_len, msg, CV_LEN) != 1)
		die("verify");
	EVP_MD_CTX_free(md);
}

static void ecdsa_sign(struct state *st)
{
	unsigned char sig[80];
	size_t len = sizeof(sig);

	sign(st->ec, 0, st->msg, sig, &len);
}

static void ecdsa_verify(struct state *st)
{
	verify(st->ec, 0, st->msg, st->ec_sig, st->ec_sig_len);
}

static void pss_sign(struct state *st)
{
	unsigned char sig[256];
	size_t len = sizeof(sig);

	sign(st->rsa, 1, st->msg, sig, &len);
}

static void pss_verify(struct state *st)
{
	verify(st->rsa, 1, st->msg, st->pss_sig, st->pss_sig_len);
}

static void pkcs1_verify(struct state *st)
{
	verify(st->rsa, 0, st->msg, st->pkcs1_sig, st->pkcs1_sig_len);
}

/* Key set-up: a certificate's SubjectPublicKeyInfo, an RSAPrivateKey */

static void pubkey(const unsigned char *der, int len)
{
	EVP_PKEY *key = d2i_PUBKEY(NULL, &der, len);

	if (!key)
		die("d2i_PUBKEY");
	EVP_PKEY_free(key);
}

static void ecdsa_pubkey(struct state *st)
{
	pubkey(st->ec_spki, st->ec_spki_len);
}

static void rsa_pubkey(struct state *st)
{
	pubkey(st->rsa_spki, st->rsa_spki_len);
}

static void rsa_privkey(struct state *st)
{
	const unsigned char *der = st->rsa_der;
	EVP_PKEY *key = d2i_PrivateKey(EVP_PKEY_RSA, NULL, &der,
				       st->rsa_der_len);

	if (!key)
		die("d2i_PrivateKey");
	EVP_PKEY_free(key);
}

/* HKDF */

static void hkdf(EVP_KDF_CTX *ctx, int mode, const unsigned char *key,
		 const unsigned char *salt, size_t salt_len,
		 const unsigned char *info, size_t info_len,
		 unsigned char *out, size_t out_len)
{
	OSSL_PARAM params[6], *p = params;

	*p++ = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
	*p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST,
						"SHA256", 0);
	*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
						 (void *)key, 32);
	if (mode == EVP_KDF_HKDF_MODE_EXTRACT_ONLY)
		*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
							 (void *)salt,
							 salt_len);
	else
		*p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
							 (void *)info,
							 info_len);
	*p = OSSL_PARAM_construct_end();
	if (EVP_KDF_derive(ctx, out, out_len, params) != 1)
		die("EVP_KDF_derive");
}

static void extract(EVP_KDF_CTX *ctx, const unsigned char *salt,
		    size_t salt_len, const unsigned char *ikm,
		    unsigned char *prk)
{
	hkdf(ctx, EVP_KDF_HKDF_MODE_EXTRACT_ONLY, ikm, salt, salt_len, NULL, 0,
	     prk, 32);
}

/* HKDF-Expand-Label (RFC 8446 section 7.1) */
static void expand_label(EVP_KDF_CTX *ctx, const unsigned char *secret,
			 const char *label, const unsigned char *context,
			 size_t context_len, unsigned char *out,
			 size_t out_len)
{
	unsigned char info[2 + 1 + 255 + 1 + 255];
	size_t label_len = strlen(label), n = 0;

	info[n++] = out_len >> 8;
	info[n++] = out_len;
	info[n++] = 6 + label_len;
	memcpy(info + n, "tls13 ", 6);
	memcpy(info + n + 6, label, label_len);
	n += 6 + label_len;
	info[n++] = context_len;
	memcpy(info + n, context, context_len);
	n += context_len;
	hkdf(ctx, EVP_KDF_HKDF_MODE_EXPAND_ONLY, secret, NULL, 0, info, n, out,
	     out_len);
}

static void hkdf_extract(struct state *st)
{
	extract(st->kdf, st->secret, sizeof(st->secret), st->shared, st->out);
}

static void hkdf_expand_label(struct state *st)
{
	expand_label(st->kdf, st->secret, "c hs traffic", st->out, 32, st->out,
		     32);
}

/* SHA-256 of the empty string, Derive-Secret's context for "derived" */
static const unsigned char empty_hash[32] = {
	0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8,
	0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c,
	0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
};

static void traffic_keys(EVP_KDF_CTX *ctx, const unsigned char *secret)
{
	unsigned char key[16], iv[12];

	expand_label(ctx, secret, "key", NULL, 0, key, sizeof(key));
	expand_label(ctx, secret, "iv", NULL, 0, iv, sizeof(iv));
	OPENSSL_cleanse(key, sizeof(key));
}

static void finished(EVP_KDF_CTX *ctx, const unsigned char *base,
		     const unsigned char *th, unsigned char *vd)
{
	unsigned char fk[32];
	unsigned int len = 32;

	expand_label(ctx, base, "finished", NULL, 0, fk, sizeof(fk));
	if (!HMAC(EVP_sha256(), fk, sizeof(fk), th, 32, vd, &len))
		die("HMAC");
	OPENSSL_cleanse(fk, sizeof(fk));
}

/* The steps of net/tlshake/key_schedule.c, as crypto_bench.c runs them */
static void key_schedule(struct state *st)
{
	static const unsigned char zeros[32];
	unsigned char secret[32], derived[32], chs[32], shs[32], cap[32];
	unsigned char sap[32], exp[32], vd[32], vd2[32];
	const unsigned char *th = st->secret;
	EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(st->hkdf);

	if (!ctx)
		die("EVP_KDF_CTX_new");
	/* No salt is a salt of zeros (RFC 5869 section 2.2) */
	extract(ctx, zeros, 32, zeros, secret);
	expand_label(ctx, secret, "derived", empty_hash, 32, derived, 32);
	extract(ctx, derived, 32, st->shared, secret);
	expand_label(ctx, secret, "c hs traffic", th, 32, chs, 32);
	expand_label(ctx, secret, "s hs traffic", th, 32, shs, 32);
	traffic_keys(ctx, chs);
	traffic_keys(ctx, shs);
	finished(ctx, shs, th, vd);
	finished(ctx, shs, th, vd2);
	if (CRYPTO_memcmp(vd, vd2, sizeof(vd)))
		die("Finished");
	expand_label(ctx, secret, "derived", empty_hash, 32, derived, 32);
	extract(ctx, derived, 32, zeros, secret);
	expand_label(ctx, secret, "c ap traffic", th, 32, cap, 32);
	expand_label(ctx, secret, "s ap traffic", th, 32, sap, 32);
	expand_label(ctx, secret, "exp master", th, 32, exp, 32);
	traffic_keys(ctx, cap);
	traffic_keys(ctx, sap);
	EVP_KDF_CTX_free(ctx);
	OPENSSL_cleanse(secret, sizeof(secret));
}

/* The messages of crypto_bench.c's transcript, and the digests read */
static void transcript(struct state *st)
{
	static const struct {
		int len, digest;
	} msgs[] = {
		{ 512, 0 }, { 128, 1 }, { 32, 0 }, { 2048, 1 }, { 128, 1 },
		{ 36, 1 }, { 36, 1 },
	};
	EVP_MD_CTX *ctx = EVP_MD_CTX_new(), *tmp = EVP_MD_CTX_new();
	unsigned char md[32];
	size_t i;

	if (!ctx || !tmp || EVP_DigestInit_ex(ctx, st->sha256, NULL) != 1)
		die("EVP_DigestInit_ex");
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		if (EVP_DigestUpdate(ctx, st->rec, msgs[i].len) != 1 ||
		    (msgs[i].digest &&
		     (EVP_MD_CTX_copy_ex(tmp, ctx) != 1 ||
		      EVP_DigestFinal_ex(tmp, md, NULL) != 1)))
			die("digest");
	}
	EVP_MD_CTX_free(tmp);
	EVP_MD_CTX_free(ctx);
}

/* AEAD */

static void record(EVP_CIPHER_CTX *ctx, unsigned char *rec, int len)
{
	unsigned char nonce[12] = { 0 };
	unsigned char *body = rec + AAD_LEN;
	int n;

	if (EVP_EncryptInit_ex(ctx, NULL, NULL, NULL, nonce) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, rec, AAD_LEN) != 1 ||
	    EVP_EncryptUpdate(ctx, body, &n, body, len) != 1 ||
	    EVP_EncryptFinal_ex(ctx, body + n, &n) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LEN,
				body + len) != 1)
		die("seal");
	if (EVP_DecryptInit_ex(ctx, NULL, NULL, NULL, nonce) != 1 ||
	    EVP_DecryptUpdate(ctx, NULL, &n, rec, AAD_LEN) != 1 ||
	    EVP_DecryptUpdate(ctx, body, &n, body, len) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, TAG_LEN,
				body + len) != 1 ||
	    EVP_DecryptFinal_ex(ctx, body + n, &n) != 1)
		die("open");
}

static void aes_flight(struct state *st)
{
	record(st->aes_ctx, st->rec, FLIGHT_LEN);
}

static void aes_small(struct state *st)
{
	record(st->aes_ctx, st->rec, SMALL_LEN);
}

static void chacha_flight(struct state *st)
{
	record(st->chacha_ctx, st->rec, FLIGHT_LEN);
}

static void chacha_small(struct state *st)
{
	record(st->chacha_ctx, st->rec, SMALL_LEN);
}

static EVP_CIPHER_CTX *aead_key(const EVP_CIPHER *cipher,
				const unsigned char *key)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();

	if (!ctx || EVP_CipherInit_ex(ctx, cipher, NULL, key, NULL, 1) != 1)
		die("EVP_CipherInit_ex");
	return ctx;
}

static void aes_key(struct state *st)
{
	EVP_CIPHER_CTX_free(aead_key(st->aes, st->key));
}

static void chacha_key(struct state *st)
{
	EVP_CIPHER_CTX_free(aead_key(st->chacha, st->key));
}

static const struct {
	const char *name;
	void (*run)(struct state *st);
} ops[] = {
	{ "x25519", x25519 },
	{ "p256-ecdh", p256_ecdh },
	{ "ffdhe2048", ffdhe2048 },
	{ "ecdsa-p256-sign", ecdsa_sign },
	{ "ecdsa-p256-verify", ecdsa_verify },
	{ "ecdsa-p256-pubkey", ecdsa_pubkey },
	{ "rsa2048-pss-sign", pss_sign },
	{ "rsa2048-pss-verify", pss_verify },
	{ "rsa2048-pkcs1-verify", pkcs1_verify },
	{ "rsa2048-privkey", rsa_privkey },
	{ "rsa2048-pubkey", rsa_pubkey },
	{ "hkdf-extract", hkdf_extract },
	{ "hkdf-expand-label", hkdf_expand_label },
	{ "tls13-key-schedule", key_schedule },
	{ "transcript", transcript },
	{ "aes128gcm-4096", aes_flight },
	{ "aes128gcm-64", aes_small },
	{ "aes128gcm-key", aes_key },
	{ "chacha20poly1305-4096", chacha_flight },
	{ "chacha20poly1305-64", chacha_small },
	{ "chacha20poly1305-key", chacha_key },
};

static void time_op(struct state *st, size_t i)
{
	unsigned long n = 0, batch = 1, j;
	double start = now_ns(), ns;

	do {
		for (j = 0; j < batch; j++)
			ops[i].run(st);
		n += batch;
		if (batch < 1024)
			batch *= 2;
		ns = now_ns() - start;
	} while (ns < bench_msecs * 1e6);
	printf("%s %lu %.0f\n", ops[i].name, n, ns);
	fflush(stdout);
}

static void setup_group(struct state *st, int g, const char *type,
			const char *group)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	EVP_PKEY *peer = NULL;

	if (!ctx || EVP_PKEY_keygen_init(ctx) != 1 ||
	    (group && EVP_PKEY_CTX_set_group_name(ctx, group) != 1))
		die(type);
	st->keygen[g] = ctx;
	if (EVP_PKEY_keygen(ctx, &st->template[g]) != 1 ||
	    EVP_PKEY_keygen(ctx, &peer) != 1)
		die("keygen");
	st->peer_len[g] = EVP_PKEY_get1_encoded_public_key(peer,
							    &st->peer[g]);
	if (!st->peer_len[g])
		die("peer");
	EVP_PKEY_free(peer);
}

static void setup(struct state *st)
{
	unsigned char *p;

	setup_group(st, 0, "X25519", NULL);
	setup_group(st, 1, "EC", "P-256");
	setup_group(st, 2, "DH", "ffdhe2048");

	st->ec = EVP_EC_gen("P-256");
	st->rsa = EVP_RSA_gen(2048);
	if (!st->ec || !st->rsa)
		die("key generation");
	st->ec_spki_len = i2d_PUBKEY(st->ec, NULL);
	st->rsa_spki_len = i2d_PUBKEY(st->rsa, NULL);
	st->rsa_der_len = i2d_PrivateKey(st->rsa, NULL);
	st->ec_spki = p = malloc(st->ec_spki_len);
	if (!p || i2d_PUBKEY(st->ec, &p) != st->ec_spki_len)
		die("i2d_PUBKEY");
	st->rsa_spki = p = malloc(st->rsa_spki_len);
	if (!p || i2d_PUBKEY(st->rsa, &p) != st->rsa_spki_len)
		die("i2d_PUBKEY");
	st->rsa_der = p = malloc(st->rsa_der_len);
	if (!p || i2d_PrivateKey(st->rsa, &p) != st->rsa_der_len)
		die("i2d_PrivateKey");

	if (RAND_bytes(st->msg, sizeof(st->msg)) != 1 ||
	    RAND_bytes(st->secret, sizeof(st->secret)) != 1 ||
	    RAND_bytes(st->shared, sizeof(st->shared)) != 1 ||
	    RAND_bytes(st->key, sizeof(st->key)) != 1 ||
	    RAND_bytes(st->rec, sizeof(st->rec)) != 1)
		die("RAND_bytes");
	st->ec_sig_len = sizeof(st->ec_sig);
	sign(st->ec, 0, st->msg, st->ec_sig, &st->ec_sig_len);
	st->pss_sig_len = sizeof(st->pss_sig);
	sign(st->rsa, 1, st->msg, st->pss_sig, &st->pss_sig_len);
	st->pkcs1_sig_len = sizeof(st->pkcs1_sig);
	sign(st->rsa, 0, st->msg, st->pkcs1_sig, &st->pkcs1_sig_len);

	st->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	st->hkdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
	st->kdf = st->hkdf ? EVP_KDF_CTX_new(st->hkdf) : NULL;
	st->aes = EVP_CIPHER_fetch(NULL, "AES-128-GCM", NULL);
	st->chacha = EVP_CIPHER_fetch(NULL, "ChaCha20-Poly1305", NULL);
	if (!st->sha256 || !st->kdf || !st->aes || !st->chacha)
		die("fetch");
	st->aes_ctx = aead_key(st->aes, st->key);
	st->chacha_ctx = aead_key(st->chacha, st->key);
}

int main(void)
{
	const char *env = getenv("BENCH_MSECS");
	static struct state st;
	size_t i;

	if (env)
		bench_msecs = atof(env);
	setup(&st);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		time_op(&st, i);
	return 0;
}
