// SPDX-License-Identifier: GPL-2.0
/*
 * The constant-time check, ctgrind style: under valgrind's memcheck the
 * secret inputs (private scalars, ECDSA nonces, RSA private keys and
 * blinding factors) are marked undefined, so that memcheck reports every
 * branch and every memory address that depends on them.  What the code
 * may reveal it marks with tlshake_declassify(), which ctgrind.h turns
 * into a client request for these objects.  Checked: P-256 key generation,
 * ECDH, ECDSA signing; RSA private key loading and the private operation;
 * the decoding of TLS 1.2's RSA premaster secret, valid block or not.
 *
 *   valgrind ct_test KEY.pem...  ITERS (default 24) rounds of each, the
 *                                RSA ones with each private key given
 *   valgrind ct_test --canary    a deliberate leak: must be reported
 *
 * The RSA keys come from files because generating them under valgrind
 * takes minutes.
 *
 * The results are checked too (against the public operations), so that a
 * run that takes a wrong path does not pass for want of work.
 */
#include <valgrind/memcheck.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "testutil.h"
#include "ifma_glue.h"
#include "p256.h"
#include "rsa_core.h"

#define ct_secret(p, len)	((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (len)))
#define ct_public(p, len)	((void)VALGRIND_MAKE_MEM_DEFINED((p), (len)))

static unsigned long ct_errors;

/* The errors memcheck found in what just ran, charged to @what. */
static void ct_account(const char *what)
{
	unsigned long errs = VALGRIND_COUNT_ERRORS;

	CHECK(errs == ct_errors, "%s: %lu secret-dependent branches or addresses",
	      what, errs - ct_errors);
	ct_errors = errs;
}

/*
 * Whether memcheck still holds @p, computed from secrets, as undefined: if
 * the secrets did not reach the result, or were declassified on the way,
 * the check would pass without having checked anything.
 */
static bool ct_tainted(const void *p, size_t len)
{
	u8 vbits[512];
	size_t i;

	if (len > sizeof(vbits) || VALGRIND_GET_VBITS(p, vbits, len) != 1)
		abort();
	for (i = 0; i < len; i++)
		if (vbits[i])
			return true;
	return false;
}

/* Scalars: random, and some with zero limbs or at the ends of the range. */
static void ct_scalar(u8 *k, unsigned long i)
{
	rng_bytes(k, 32);
	switch (i % 6) {
	case 0:
		memset(k, 0, 24);
		break;
	case 1:
		memset(k, 0xff, 32);	/* above n: refused */
		break;
	case 2:
		memset(k + 8, 0, 8);
		break;
	default:
		break;
	}
}

static void ct_p256(unsigned long iters)
{
	u8 k1[32], k2[32], pub1[P256_POINT_BYTES], pub2[P256_POINT_BYTES];
	u8 s1[32], s2[32], digest[32], nonce[32];
	struct p256_pubkey key;
	u64 d[4], r[4], s[4];
	unsigned long i, signed_ok = 0;
	int err1, err2;

	for (i = 0; i < iters; i++) {
		ct_scalar(k1, i);
		rng_bytes(k2, sizeof(k2));

		ct_secret(k1, sizeof(k1));
		ct_secret(k2, sizeof(k2));
		err1 = p256_ecdh_public(pub1, k1);
		err2 = p256_ecdh_public(pub2, k2);
		CHECK(err2 || ct_tainted(pub2 + 1, 2 * P256_BYTES),
		      "key generation: the secret does not reach the key");
		ct_public(pub1, sizeof(pub1));
		ct_public(pub2, sizeof(pub2));
		ct_account("P-256 key generation");
		if (err1 || err2) {
			ct_public(k1, sizeof(k1));
			CHECK(i % 6 == 1 || err2 == 0,
			      "key generation refused a valid scalar");
			continue;
		}

		err1 = p256_ecdh_shared(s1, k1, pub2, sizeof(pub2));
		err2 = p256_ecdh_shared(s2, k2, pub1, sizeof(pub1));
		CHECK(err1 || ct_tainted(s1, sizeof(s1)),
		      "ECDH: the secret does not reach the shared secret");
		ct_public(s1, sizeof(s1));
		ct_public(s2, sizeof(s2));
		ct_account("P-256 ECDH");
		CHECK(!err1 && !err2 && !memcmp(s1, s2, sizeof(s1)),
		      "ECDH: shared secrets differ");

		p256_sc_from_bytes(d, k1);
		rng_bytes(digest, sizeof(digest));
		ct_scalar(nonce, i + 1);
		ct_secret(nonce, sizeof(nonce));
		err1 = p256_ecdsa_sign(r, s, d, digest, nonce);
		ct_account("P-256 ECDSA sign");
		ct_public(k1, sizeof(k1));
		ct_public(d, sizeof(d));
		ct_public(nonce, sizeof(nonce));
		if (err1 == -EAGAIN)
			continue;
		CHECK(!err1 && !p256_pubkey_init(&key, pub1, sizeof(pub1)) &&
		      !p256_ecdsa_verify(&key, digest, r, s),
		      "ECDSA: our signature does not verify");
		signed_ok++;
	}
	CHECK(signed_ok >= iters / 3, "ECDSA: only %lu signatures made",
	      signed_ok);
}

static u8 *ct_param(EVP_PKEY *pkey, const char *name, size_t *len)
{
	BIGNUM *bn = NULL;
	u8 *buf;

	if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
		abort();
	*len = BN_num_bytes(bn);
	buf = malloc(*len);
	BN_bn2bin(bn, buf);
	BN_free(bn);
	return buf;
}

/*
 * The parts of an RSA private key, secret but for what their encoding
 * shows: the leading byte (its length, as DER has it) and, for p and q,
 * the lowest bit, which is 1.
 */
static void ct_secret_part(u8 *buf, size_t len, bool odd)
{
	u8 vbits = 0xfe;

	if (len > 1)
		ct_secret(buf + 1, len - 1);
	if (odd && len > 1 && VALGRIND_SET_VBITS(buf + len - 1, &vbits, 1) > 1)
		abort();
}

static void ct_rsa(const char *path, unsigned long iters)
{
	static const char *const names[] = {
		OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
	};
	struct rsa_core_priv *priv = malloc(sizeof(*priv));
	struct rsa_core_ws *ws = malloc(sizeof(*ws));
	u8 *part[7], *in, *out, *back, *random;
	EVP_PKEY *pkey = NULL;
	unsigned long i;
	size_t len[7], k;
	FILE *f;
	int err;

	f = fopen(path, "r");
	if (f) {
		pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
		fclose(f);
	}
	if (!pkey || !priv || !ws) {
		fprintf(stderr, "ct_test: cannot read a private key from %s\n",
			path);
		exit(1);
	}
	for (i = 0; i < 7; i++)
		part[i] = ct_param(pkey, names[i], &len[i]);
	ct_errors = VALGRIND_COUNT_ERRORS;
	for (i = 2; i < 7; i++)
		ct_secret_part(part[i], len[i], i < 4);
	err = rsa_core_priv_init(priv, part[0], len[0], part[1], len[1],
				 part[2], len[2], part[3], len[3], part[4],
				 len[4], part[5], len[5], part[6], len[6]);
	ct_account("RSA private key loading");
	CHECK(!err, "%s: key refused: %d", path, err);
	if (err)
		return;

	k = priv->pub.k;
	in = malloc(k);
	out = malloc(k);
	back = malloc(k);
	random = malloc(RSA_CORE_RANDOM(k));
	for (i = 0; i < iters; i++) {
		rng_bytes(in, k);
		in[0] = 0;
		if (i == 0)
			memset(in, 0, k);
		rng_bytes(random, RSA_CORE_RANDOM(k));
		ct_secret(random, RSA_CORE_RANDOM(k));
		err = rsa_core_private(priv, out, in, random, ws);
		CHECK(err || ct_tainted(out, k),
		      "RSA: the secrets do not reach the result");
		ct_public(out, k);
		ct_account("RSA private operation");
		CHECK(!err && !rsa_core_public(&priv->pub, back, out) &&
		      !memcmp(back, in, k),
		      "%s: private operation: %d", path, err);
	}
	memzero_explicit(priv, sizeof(*priv));
	free(random);
	free(back);
	free(out);
	free(in);
	for (i = 0; i < 7; i++)
		free(part[i]);
	free(ws);
	free(priv);
	EVP_PKEY_free(pkey);
}

/* RFC 5246 7.4.7.1: whether a decrypted block holds a premaster secret
 * must not show, so the block and the substitute are secret, and blocks
 * valid and not (each check failing in turn) go through the decoding.
 */
static void ct_rsa_pms(unsigned long iters)
{
	u8 em[256], pms[48], r[48], want[48];
	size_t k = sizeof(em), sep = k - 49, i;
	unsigned long it;
	int err;

	for (it = 0; it < iters; it++) {
		em[0] = 0x00;
		em[1] = 0x02;
		rng_bytes(em + 2, k - 2);
		for (i = 2; i < sep; i++)
			em[i] |= !em[i];
		em[sep] = 0x00;
		em[sep + 1] = 0x03;
		em[sep + 2] = 0x03;
		switch (it % 6) {
		case 1:
			em[1] = 0x01;
			break;
		case 2:
			em[2 + 7] = 0x00;
			break;
		case 3:
			em[sep] = 0x01;
			break;
		case 4:
			em[sep + 2] = 0x01;
			break;
		case 5:
			em[0] = 0x01;
			break;
		}
		rng_bytes(r, sizeof(r));
		memcpy(want, it % 6 ? r : em + sep + 1, sizeof(want));
		memcpy(pms, r, sizeof(pms));
		ct_secret(em, k);
		ct_secret(pms, sizeof(pms));
		err = rsa_core_tls_pms_decode(em, k, pms, sizeof(pms), 0x0303);
		CHECK(ct_tainted(pms, sizeof(pms)),
		      "RSA premaster secret: the block does not reach it");
		ct_public(pms, sizeof(pms));
		ct_public(em, k);
		ct_account("RSA premaster secret decoding");
		CHECK(!err && !memcmp(pms, want, sizeof(pms)),
		      "RSA premaster secret decoding, case %lu: %d", it % 6,
		      err);
	}
}

/* A table look-up and a branch on a secret, which memcheck must report. */
static int ct_canary(void)
{
	static volatile u8 table[256];
	u8 k[32];
	volatile u8 sink;

	rng_bytes(k, sizeof(k));
	ct_secret(k, sizeof(k));
	sink = table[k[0]];
	if (k[1] & 1)
		printf("ct_test: canary\n");
	(void)sink;
	if (VALGRIND_COUNT_ERRORS < 2) {
		printf("ct_test: FAIL: memcheck missed a deliberate leak\n");
		return 1;
	}
	printf("ct_test: canary reported, as it must be\n");
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long iters = test_iters(24);
	u64 seed = rng_seed();
	int i;

	if (!RUNNING_ON_VALGRIND) {
		fprintf(stderr, "ct_test: run it under valgrind\n");
		return 1;
	}
	if (argc > 1 && !strcmp(argv[1], "--canary"))
		return ct_canary();

	printf("ct_test: SEED=%llu ITERS=%lu\n", (unsigned long long)seed,
	       iters);
	/* valgrind cannot run AVX-512: the portable path is checked */
	ifma_glue_enable(false);
	ct_errors = VALGRIND_COUNT_ERRORS;
	/*
	 * Both field arithmetics, the C one and the mulx/adx one.  Valgrind
	 * (3.19) hides ADX from CPUID but runs adcx and adox all the same, on
	 * any host, so the latter is checked without asking the CPU.
	 */
	p256_set_adx(false);
	ct_p256(iters);
#ifdef __x86_64__
	p256_set_adx(true);
	ct_p256(iters);
#endif
	ct_rsa_pms(iters);
	for (i = 1; i < argc; i++)
		ct_rsa(argv[i], iters / 8 ? iters / 8 : 1);
	return test_done("ct_test");
}
