// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake_bench: what each cryptographic operation of a handshake costs in
 * the kernel, through the interfaces the handshake itself calls (kex.h,
 * sig.h, key_schedule.h, kdf.h, transcript.h, aead.h).  Modelled on crypto/tcrypt.c:
 * loading the module runs every measurement and prints one line per
 * operation to the kernel log; it then holds nothing and is meant to be
 * removed at once.  (It does not fail its loading with -EAGAIN as tcrypt
 * does: busybox's insmod and modprobe, which the test guests run, retry a
 * failed finit_module() with init_module(), and everything would run
 * twice.)
 *
 * Each line reads "tlshake_bench: NAME OPS NS": NAME ran OPS times in NS
 * nanoseconds, at least msecs milliseconds, long enough for a clock that
 * may be jiffies.  make bench loads the module several times, each time
 * after OpenSSL's run of the same operations (tools/testing/tlshake/bench/
 * evpfloor.c, which prints the same names), and keeps the best of each,
 * which filters out much of the noise of a shared machine.
 *
 * The keys are those of the KUnit tests (test_creds.c).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "aead.h"
#include "kdf.h"
#include "kex.h"
#include "key_schedule.h"
#include "privkey_der.h"
#include "sig.h"
#include "test_creds.h"
#include "transcript.h"
#include "x509_spki.h"

static unsigned int msecs = 250;
module_param(msecs, uint, 0);
MODULE_PARM_DESC(msecs, "the least duration of each operation's timing, ms");

/* The records of a handshake: a server's flight, a Finished. */
#define BENCH_FLIGHT_LEN	4096
#define BENCH_SMALL_LEN		64
#define BENCH_AAD_LEN		5	/* a TLS 1.3 record header */
/* The content a TLS 1.3 CertificateVerify signs: 64 spaces, the context
 * string, a zero byte and a SHA-256 transcript hash.
 */
#define BENCH_CV_LEN		(64 + 33 + 1 + 32)

/**
 * struct bench_ctx - what the operations work on, made once
 * @ec_priv: a P-256 private key
 * @ec_pub: its public key
 * @ec_point: the public key's uncompressed point
 * @ec_point_len: its length
 * @rsa_priv: an RSA-2048 private key
 * @rsa_pub: its public key
 * @rsa_pub_der: the public key's DER RSAPublicKey
 * @rsa_pub_der_len: its length
 * @ec_sig: @msg signed with @ec_priv
 * @ec_sig_len: its length
 * @pss_sig: @msg signed with @rsa_priv, RSASSA-PSS with SHA-256
 * @pkcs1_sig: @msg signed with @rsa_priv, RSASSA-PKCS1-v1_5 with SHA-256,
 *	as a CA signs a certificate
 * @rsa_sig_len: the length of both RSA signatures
 * @msg: the message signed and verified, as long as a CertificateVerify's
 * @x25519_peer: a peer's X25519 public key
 * @p256_peer: a peer's P-256 public key
 * @ffdhe_peer: a peer's ffdhe2048 public key
 * @pub: where a key exchange writes its public key
 * @shared: where a key exchange writes its secret
 * @kdf: HKDF with SHA-256, for the steps timed alone
 * @secret: a secret and a transcript hash they derive from
 * @out: where they write
 * @key: an AEAD key
 * @aes: AES-128-GCM keyed with @key
 * @chacha: ChaCha20-Poly1305 keyed with @key
 * @rec: a record header and a record sealed and opened in place, on the
 *	heap as the AEAD's scatterlists require
 */
struct bench_ctx {
	struct tlshake_privkey *ec_priv;
	struct tlshake_pubkey *ec_pub;
	const u8 *ec_point;
	size_t ec_point_len;
	struct tlshake_privkey *rsa_priv;
	struct tlshake_pubkey *rsa_pub;
	const u8 *rsa_pub_der;
	size_t rsa_pub_der_len;
	u8 ec_sig[80];
	size_t ec_sig_len;
	u8 pss_sig[256];
	u8 pkcs1_sig[256];
	size_t rsa_sig_len;
	u8 msg[BENCH_CV_LEN];
	u8 x25519_peer[TLSHAKE_X25519_LEN];
	u8 p256_peer[65];
	u8 ffdhe_peer[256];
	u8 pub[TLSHAKE_KEX_MAX_PUBLIC];
	u8 shared[TLSHAKE_KEX_MAX_SECRET];
	struct tlshake_kdf kdf;
	u8 secret[SHA256_DIGEST_SIZE];
	u8 out[SHA256_DIGEST_SIZE];
	u8 key[32];
	struct tlshake_aead aes;
	struct tlshake_aead chacha;
	u8 *rec;
};

/* One side's key exchange: a key pair made and sent, the secret derived. */
static int bench_kex(struct bench_ctx *b, u16 group, const u8 *peer,
		     size_t peer_len)
{
	size_t pub_len = sizeof(b->pub), shared_len = sizeof(b->shared);
	struct tlshake_kex kex;
	int err;

	err = tlshake_kex_init(&kex, group) ?:
	      tlshake_kex_public(&kex, b->pub, &pub_len) ?:
	      tlshake_kex_derive(&kex, peer, peer_len, b->shared, &shared_len);
	tlshake_kex_free(&kex);
	return err;
}

static int bench_x25519(struct bench_ctx *b)
{
	return bench_kex(b, TLSHAKE_GROUP_X25519, b->x25519_peer,
			 sizeof(b->x25519_peer));
}

static int bench_p256(struct bench_ctx *b)
{
	return bench_kex(b, TLSHAKE_GROUP_SECP256R1, b->p256_peer,
			 sizeof(b->p256_peer));
}

static int bench_ffdhe2048(struct bench_ctx *b)
{
	return bench_kex(b, TLSHAKE_GROUP_FFDHE2048, b->ffdhe_peer,
			 sizeof(b->ffdhe_peer));
}

static int bench_ecdsa_sign(struct bench_ctx *b)
{
	u8 sig[sizeof(b->ec_sig)];
	size_t len = sizeof(sig);

	return tlshake_sig_sign(b->ec_priv, TLSHAKE_SIG_ECDSA_SECP256R1_SHA256,
				b->msg, sizeof(b->msg), sig, &len);
}

static int bench_ecdsa_verify(struct bench_ctx *b)
{
	return tlshake_sig_verify(b->ec_pub,
				  TLSHAKE_SIG_ECDSA_SECP256R1_SHA256, b->msg,
				  sizeof(b->msg), b->ec_sig, b->ec_sig_len);
}

/* A certificate's P-256 key made ready to verify with. */
static int bench_ecdsa_pubkey(struct bench_ctx *b)
{
	struct tlshake_pubkey *key;

	key = tlshake_pubkey_new_ec(TLSHAKE_KEY_EC_P256, b->ec_point,
				    b->ec_point_len);
	if (IS_ERR(key))
		return PTR_ERR(key);
	tlshake_pubkey_free(key);
	return 0;
}

static int bench_pss_sign(struct bench_ctx *b)
{
	u8 *sig = b->shared;	/* 256 bytes would be too many on the stack */
	size_t len = sizeof(b->shared);

	return tlshake_sig_sign(b->rsa_priv, TLSHAKE_SIG_RSA_PSS_RSAE_SHA256,
				b->msg, sizeof(b->msg), sig, &len);
}

static int bench_pss_verify(struct bench_ctx *b)
{
	return tlshake_sig_verify(b->rsa_pub, TLSHAKE_SIG_RSA_PSS_RSAE_SHA256,
				  b->msg, sizeof(b->msg), b->pss_sig,
				  b->rsa_sig_len);
}

static int bench_pkcs1_verify(struct bench_ctx *b)
{
	return tlshake_sig_verify(b->rsa_pub, TLSHAKE_SIG_RSA_PKCS1_SHA256,
				  b->msg, sizeof(b->msg), b->pkcs1_sig,
				  b->rsa_sig_len);
}

/* The private key made ready to sign with, from its DER form. */
static int bench_rsa_privkey(struct bench_ctx *b)
{
	struct tlshake_privkey *key;

	key = tlshake_privkey_new_rsa(tlshake_test_rsa2048_pkcs1.data,
				      tlshake_test_rsa2048_pkcs1.len);
	if (IS_ERR(key))
		return PTR_ERR(key);
	tlshake_privkey_free(key);
	return 0;
}

/* A certificate's RSA key made ready to verify with. */
static int bench_rsa_pubkey(struct bench_ctx *b)
{
	struct tlshake_pubkey *key;

	key = tlshake_pubkey_new_rsa(b->rsa_pub_der, b->rsa_pub_der_len);
	if (IS_ERR(key))
		return PTR_ERR(key);
	tlshake_pubkey_free(key);
	return 0;
}

static int bench_hkdf_extract(struct bench_ctx *b)
{
	return tlshake_hkdf_extract(&b->kdf, b->secret, sizeof(b->secret),
				    b->shared, 32, b->out);
}

static int bench_hkdf_expand_label(struct bench_ctx *b)
{
	return tlshake_hkdf_expand_label(&b->kdf, b->secret, "c hs traffic",
					 b->out, sizeof(b->out), b->out,
					 sizeof(b->out));
}

/* One end's TLS 1.3 key schedule without a PSK, as tls13.c runs it: the
 * early, handshake and master secrets, the traffic keys of the handshake
 * and of the application in both directions, one Finished computed and
 * one checked.  The transcript hashes are stand-ins: their values do not
 * change the cost.
 */
static int bench_key_schedule(struct bench_ctx *b)
{
	struct tlshake_key_schedule *ks;
	u8 key[16], iv[TLSHAKE_IV_LEN], vd[SHA256_DIGEST_SIZE];
	const u8 *th = b->secret;
	int err;

	ks = kmalloc(sizeof(*ks), GFP_KERNEL);
	if (!ks)
		return -ENOMEM;
	err = tlshake_ks_init(ks, TLSHAKE_HASH_SHA256, NULL, 0) ?:
	      tlshake_ks_handshake(ks, b->shared, 32, th) ?:
	      tlshake_ks_traffic_keys(ks, ks->client_hs, key, sizeof(key), iv) ?:
	      tlshake_ks_traffic_keys(ks, ks->server_hs, key, sizeof(key), iv) ?:
	      tlshake_ks_finished(ks, ks->server_hs, th, vd) ?:
	      tlshake_ks_verify_finished(ks, ks->server_hs, th, vd,
					 sizeof(vd)) ?:
	      tlshake_ks_master(ks, th) ?:
	      tlshake_ks_traffic_keys(ks, ks->client_app, key, sizeof(key),
				      iv) ?:
	      tlshake_ks_traffic_keys(ks, ks->server_app, key, sizeof(key),
				      iv);
	tlshake_ks_free(ks);
	kfree(ks);
	memzero_explicit(key, sizeof(key));
	return err;
}

/* One end's transcript hash over the messages of a handshake with an
 * ECDSA chain, fed as they come, and the digests the key schedule, the
 * CertificateVerify and the Finished messages read.  ClientHello goes
 * into both hashes, before ServerHello selects one.
 */
static int bench_transcript(struct bench_ctx *b)
{
	static const struct {
		unsigned int len;
		bool digest;
	} msgs[] = {
		{ 512, false },		/* ClientHello */
		{ 128, true },		/* ServerHello */
		{ 32, false },		/* EncryptedExtensions */
		{ 2048, true },		/* Certificate */
		{ 128, true },		/* CertificateVerify */
		{ 36, true },		/* the server's Finished */
		{ 36, true },		/* the client's Finished */
	};
	struct tlshake_transcript t;
	unsigned int i;
	int err;

	err = tlshake_transcript_init(&t) ?:
	      tlshake_transcript_update(&t, b->rec, msgs[0].len) ?:
	      tlshake_transcript_select(&t, TLSHAKE_HASH_SHA256);
	for (i = 1; !err && i < ARRAY_SIZE(msgs); i++) {
		err = tlshake_transcript_update(&t, b->rec, msgs[i].len);
		if (!err && msgs[i].digest)
			err = tlshake_transcript_hash(&t, b->out);
	}
	tlshake_transcript_free(&t);
	return err;
}

/* One record sealed by its sender and opened by its receiver. */
static int bench_record(struct tlshake_aead *aead, u8 *rec, unsigned int len)
{
	u8 nonce[TLSHAKE_AEAD_NONCE_LEN] = { 0 };
	u8 *body = rec + BENCH_AAD_LEN;

	/* A nonce used twice under one key is harmless here: the key is a
	 * benchmark's, and the cost does not depend on the nonce.
	 */
	return tlshake_aead_seal(aead, nonce, rec, BENCH_AAD_LEN, body, len) ?:
	       tlshake_aead_open(aead, nonce, rec, BENCH_AAD_LEN, body,
				 len + TLSHAKE_AEAD_TAG_LEN);
}

static int bench_aes_flight(struct bench_ctx *b)
{
	return bench_record(&b->aes, b->rec, BENCH_FLIGHT_LEN);
}

static int bench_aes_small(struct bench_ctx *b)
{
	return bench_record(&b->aes, b->rec, BENCH_SMALL_LEN);
}

static int bench_chacha_flight(struct bench_ctx *b)
{
	return bench_record(&b->chacha, b->rec, BENCH_FLIGHT_LEN);
}

static int bench_chacha_small(struct bench_ctx *b)
{
	return bench_record(&b->chacha, b->rec, BENCH_SMALL_LEN);
}

/* One direction's record protection set up, as for each traffic key. */
static int bench_aead_key(struct bench_ctx *b, enum tlshake_aead_alg alg)
{
	struct tlshake_aead aead;
	int err;

	err = tlshake_aead_init(&aead, alg, b->key, tlshake_aead_key_len(alg));
	tlshake_aead_free(&aead);
	return err;
}

static int bench_aes_key(struct bench_ctx *b)
{
	return bench_aead_key(b, TLSHAKE_AEAD_AES_128_GCM);
}

static int bench_chacha_key(struct bench_ctx *b)
{
	return bench_aead_key(b, TLSHAKE_AEAD_CHACHA20_POLY1305);
}

static const struct {
	const char *name;
	int (*run)(struct bench_ctx *b);
} bench_ops[] = {
	{ "x25519", bench_x25519 },
	{ "p256-ecdh", bench_p256 },
	{ "ffdhe2048", bench_ffdhe2048 },
	{ "ecdsa-p256-sign", bench_ecdsa_sign },
	{ "ecdsa-p256-verify", bench_ecdsa_verify },
	{ "ecdsa-p256-pubkey", bench_ecdsa_pubkey },
	{ "rsa2048-pss-sign", bench_pss_sign },
	{ "rsa2048-pss-verify", bench_pss_verify },
	{ "rsa2048-pkcs1-verify", bench_pkcs1_verify },
	{ "rsa2048-privkey", bench_rsa_privkey },
	{ "rsa2048-pubkey", bench_rsa_pubkey },
	{ "hkdf-extract", bench_hkdf_extract },
	{ "hkdf-expand-label", bench_hkdf_expand_label },
	{ "tls13-key-schedule", bench_key_schedule },
	{ "transcript", bench_transcript },
	{ "aes128gcm-4096", bench_aes_flight },
	{ "aes128gcm-64", bench_aes_small },
	{ "aes128gcm-key", bench_aes_key },
	{ "chacha20poly1305-4096", bench_chacha_flight },
	{ "chacha20poly1305-64", bench_chacha_small },
	{ "chacha20poly1305-key", bench_chacha_key },
};

/* Time one operation and print its line. */
static int bench_time(struct bench_ctx *b, unsigned int i)
{
	u64 start, ns, n = 0, batch = 1, j;
	int err;

	start = ktime_get_ns();
	do {
		for (j = 0; j < batch; j++) {
			err = bench_ops[i].run(b);
			if (err) {
				pr_err("%s failed: %d\n", bench_ops[i].name, err);
				return err;
			}
			cond_resched();
		}
		n += batch;
		if (batch < 1024)
			batch *= 2;
		ns = ktime_get_ns() - start;
	} while (ns < (u64)msecs * NSEC_PER_MSEC);
	pr_info("%s %llu %llu\n", bench_ops[i].name, n, ns);
	return 0;
}

/* A peer's public key of @group, in TLS wire form. */
static int bench_peer(u16 group, u8 *out, size_t len)
{
	struct tlshake_kex kex;
	int err;

	err = tlshake_kex_init(&kex, group) ?:
	      tlshake_kex_public(&kex, out, &len);
	tlshake_kex_free(&kex);
	return err;
}

static int bench_keys(struct bench_ctx *b)
{
	struct tlshake_privkey_der der;
	struct tlshake_spki spki;
	struct tlshake_pubkey *pub;
	struct tlshake_privkey *priv;

	if (tlshake_privkey_der_parse(tlshake_test_ec256_pkcs8.data,
				      tlshake_test_ec256_pkcs8.len, &der) ||
	    der.alg != TLSHAKE_KEY_EC_P256 ||
	    tlshake_spki_parse(tlshake_test_ec256_spki.data,
			       tlshake_test_ec256_spki.len, &spki) ||
	    spki.alg != TLSHAKE_KEY_EC_P256)
		return -EINVAL;
	b->ec_point = spki.key;
	b->ec_point_len = spki.key_len;
	priv = tlshake_privkey_new_ec(der.alg, der.key, der.key_len);
	if (IS_ERR(priv))
		return PTR_ERR(priv);
	b->ec_priv = priv;
	pub = tlshake_pubkey_new_ec(spki.alg, spki.key, spki.key_len);
	if (IS_ERR(pub))
		return PTR_ERR(pub);
	b->ec_pub = pub;

	if (tlshake_spki_parse(tlshake_test_rsa2048_spki.data,
			       tlshake_test_rsa2048_spki.len, &spki) ||
	    spki.alg != TLSHAKE_KEY_RSA)
		return -EINVAL;
	b->rsa_pub_der = spki.key;
	b->rsa_pub_der_len = spki.key_len;
	priv = tlshake_privkey_new_rsa(tlshake_test_rsa2048_pkcs1.data,
				       tlshake_test_rsa2048_pkcs1.len);
	if (IS_ERR(priv))
		return PTR_ERR(priv);
	b->rsa_priv = priv;
	pub = tlshake_pubkey_new_rsa(spki.key, spki.key_len);
	if (IS_ERR(pub))
		return PTR_ERR(pub);
	b->rsa_pub = pub;
	return 0;
}

static int bench_setup(struct bench_ctx *b)
{
	size_t pss_len = sizeof(b->pss_sig), pkcs1_len = sizeof(b->pkcs1_sig);
	int err;

	get_random_bytes(b->msg, sizeof(b->msg));
	get_random_bytes(b->secret, sizeof(b->secret));
	get_random_bytes(b->shared, sizeof(b->shared));
	get_random_bytes(b->key, sizeof(b->key));
	b->ec_sig_len = sizeof(b->ec_sig);

	b->rec = kmalloc(BENCH_AAD_LEN + BENCH_FLIGHT_LEN +
			 TLSHAKE_AEAD_TAG_LEN, GFP_KERNEL);
	if (!b->rec)
		return -ENOMEM;
	get_random_bytes(b->rec, BENCH_AAD_LEN + BENCH_FLIGHT_LEN);

	err = bench_keys(b) ?:
	      tlshake_sig_sign(b->ec_priv, TLSHAKE_SIG_ECDSA_SECP256R1_SHA256,
			       b->msg, sizeof(b->msg), b->ec_sig,
			       &b->ec_sig_len) ?:
	      tlshake_sig_sign(b->rsa_priv, TLSHAKE_SIG_RSA_PSS_RSAE_SHA256,
			       b->msg, sizeof(b->msg), b->pss_sig, &pss_len) ?:
	      tlshake_sig_sign(b->rsa_priv, TLSHAKE_SIG_RSA_PKCS1_SHA256,
			       b->msg, sizeof(b->msg), b->pkcs1_sig,
			       &pkcs1_len) ?:
	      bench_peer(TLSHAKE_GROUP_X25519, b->x25519_peer,
			 sizeof(b->x25519_peer)) ?:
	      bench_peer(TLSHAKE_GROUP_SECP256R1, b->p256_peer,
			 sizeof(b->p256_peer)) ?:
	      bench_peer(TLSHAKE_GROUP_FFDHE2048, b->ffdhe_peer,
			 sizeof(b->ffdhe_peer)) ?:
	      tlshake_kdf_init(&b->kdf, TLSHAKE_HASH_SHA256) ?:
	      tlshake_aead_init(&b->aes, TLSHAKE_AEAD_AES_128_GCM, b->key,
				tlshake_aead_key_len(TLSHAKE_AEAD_AES_128_GCM)) ?:
	      tlshake_aead_init(&b->chacha, TLSHAKE_AEAD_CHACHA20_POLY1305,
				b->key,
				tlshake_aead_key_len(TLSHAKE_AEAD_CHACHA20_POLY1305));
	b->rsa_sig_len = pss_len;
	return err;
}

static void bench_teardown(struct bench_ctx *b)
{
	tlshake_aead_free(&b->chacha);
	tlshake_aead_free(&b->aes);
	tlshake_kdf_free(&b->kdf);
	tlshake_pubkey_free(b->rsa_pub);
	tlshake_privkey_free(b->rsa_priv);
	tlshake_pubkey_free(b->ec_pub);
	tlshake_privkey_free(b->ec_priv);
	kfree(b->rec);
	kfree_sensitive(b);
}

static int __init tlshake_bench_init(void)
{
	struct bench_ctx *b;
	unsigned int i;
	int err;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	err = bench_setup(b);
	if (err)
		pr_err("setting up failed: %d\n", err);
	for (i = 0; !err && i < ARRAY_SIZE(bench_ops); i++)
		err = bench_time(b, i);
	bench_teardown(b);
	return err;
}
module_init(tlshake_bench_init);

/* Everything was released when loading finished. */
static void __exit tlshake_bench_exit(void)
{
}
module_exit(tlshake_bench_exit);

MODULE_DESCRIPTION("The cost of tlshake's cryptographic operations");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
