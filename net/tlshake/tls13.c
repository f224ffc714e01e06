// SPDX-License-Identifier: GPL-2.0
/*
 * What the TLS 1.3 client and server share (RFC 8446): the cipher
 * suites (those of TLS 1.2 too), sending and reading handshake messages through the transcript,
 * the key changes, Certificate, CertificateVerify and Finished.
 */

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <crypto/algapi.h>

#include "handshake.h"
#include "sig.h"
#include "verify.h"

#define TLSHAKE_SUITE13(id, aead, hash)					\
	{ id, TLSW_VERSION_TLS13, aead, hash, TLSW_KX_ECDHE, TLSHAKE_AUTH_ANY }
#define TLSHAKE_SUITE12(id, aead, hash, kx, auth)			\
	{ id, TLSW_VERSION_TLS12, aead, hash, kx, auth }

/* The TLS 1.3 suites, then those of TLS 1.2 with ECDHE, DHE or RSA key
 * transport and an AEAD kTLS carries (RFC 5288, RFC 5289, RFC 7905).
 */
static const struct tlshake_suite tlshake_suites[] = {
	TLSHAKE_SUITE13(TLSW_TLS_AES_128_GCM_SHA256, TLSHAKE_AEAD_AES_128_GCM,
			TLSHAKE_HASH_SHA256),
	TLSHAKE_SUITE13(TLSW_TLS_AES_256_GCM_SHA384, TLSHAKE_AEAD_AES_256_GCM,
			TLSHAKE_HASH_SHA384),
	TLSHAKE_SUITE13(TLSW_TLS_CHACHA20_POLY1305_SHA256,
			TLSHAKE_AEAD_CHACHA20_POLY1305, TLSHAKE_HASH_SHA256),
	TLSHAKE_SUITE13(TLSW_TLS_AES_128_CCM_SHA256, TLSHAKE_AEAD_AES_128_CCM,
			TLSHAKE_HASH_SHA256),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256,
			TLSHAKE_AEAD_AES_128_GCM, TLSHAKE_HASH_SHA256,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_ECDSA),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384,
			TLSHAKE_AEAD_AES_256_GCM, TLSHAKE_HASH_SHA384,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_ECDSA),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_ECDSA_CHACHA20_POLY1305,
			TLSHAKE_AEAD_CHACHA20_POLY1305, TLSHAKE_HASH_SHA256,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_ECDSA),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256,
			TLSHAKE_AEAD_AES_128_GCM, TLSHAKE_HASH_SHA256,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384,
			TLSHAKE_AEAD_AES_256_GCM, TLSHAKE_HASH_SHA384,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_ECDHE_RSA_CHACHA20_POLY1305,
			TLSHAKE_AEAD_CHACHA20_POLY1305, TLSHAKE_HASH_SHA256,
			TLSW_KX_ECDHE, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_RSA_AES_128_GCM_SHA256,
			TLSHAKE_AEAD_AES_128_GCM, TLSHAKE_HASH_SHA256,
			TLSW_KX_RSA, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_RSA_AES_256_GCM_SHA384,
			TLSHAKE_AEAD_AES_256_GCM, TLSHAKE_HASH_SHA384,
			TLSW_KX_RSA, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256,
			TLSHAKE_AEAD_AES_128_GCM, TLSHAKE_HASH_SHA256,
			TLSW_KX_DHE, TLSHAKE_AUTH_RSA),
	TLSHAKE_SUITE12(TLSW_TLS_DHE_RSA_AES_256_GCM_SHA384,
			TLSHAKE_AEAD_AES_256_GCM, TLSHAKE_HASH_SHA384,
			TLSW_KX_DHE, TLSHAKE_AUTH_RSA),
};

/**
 * tlshake_suite_find - look up a cipher suite
 * @id: its code point
 *
 * Return: the suite, or NULL if it is not one tlshake offers.  Its
 * version says which protocol it belongs to.
 */
const struct tlshake_suite *tlshake_suite_find(u16 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tlshake_suites); i++)
		if (tlshake_suites[i].id == id)
			return &tlshake_suites[i];
	return NULL;
}

/* RSA PKCS#1 v1.5: TLS 1.3 allows it in certificates only, TLS 1.2 in
 * ServerKeyExchange and CertificateVerify too (RFC 8446 4.2.3).  Taken
 * after the configured schemes, which are those TLS 1.3 allows.
 */
const u16 tlshake_pkcs1_schemes[TLSHAKE_NUM_PKCS1_SCHEMES] = {
	TLSW_SIG_RSA_PKCS1_SHA256,
	TLSW_SIG_RSA_PKCS1_SHA384,
	TLSW_SIG_RSA_PKCS1_SHA512,
};

/**
 * tlshake_hs_offers - whether a list of code points holds a value
 * @list: the list
 * @n: its entries
 * @val: the value
 *
 * Return: true if @val is in @list.
 */
bool tlshake_hs_offers(const u16 *list, unsigned int n, u16 val)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (list[i] == val)
			return true;
	return false;
}

/**
 * tlshake_server_suite_next - the next cipher suite a server may choose
 * @hs: the server's handshake
 * @offered: the ClientHello's cipher_suites
 * @pos: where to look from, 0 at first; moved past the suite returned
 *
 * The suites both sides list, in the order of the server's preference, or
 * of the client's with %TLSHAKE_OPT_CLIENT_PREFERENCE; the caller takes
 * the first that fits the rest of the handshake.
 *
 * Return: the suite, of either version, or NULL when there is none left.
 */
const struct tlshake_suite *
tlshake_server_suite_next(const struct tlshake_hs *hs,
			  const struct tlsw_slice *offered, unsigned int *pos)
{
	bool client = hs->params->options & TLSHAKE_OPT_CLIENT_PREFERENCE;
	unsigned int n = client ? tlsw_u16_list_count(offered) : hs->num_suites;
	u16 id;

	while (*pos < n) {
		id = client ? tlsw_u16_list_at(offered, *pos) :
		     hs->suites[*pos];
		(*pos)++;
		if (client ? tlshake_hs_offers(hs->suites, hs->num_suites, id) :
		    tlsw_u16_list_has(offered, id))
			return tlshake_suite_find(id);
	}
	return NULL;
}

/**
 * tlshake_fail - end the handshake with an alert of ours
 * @hs: the handshake
 * @desc: the alert RFC 8446 asks for
 *
 * Return: a negative errno (see tlshake_rl_fail()).
 */
int tlshake_fail(struct tlshake_hs *hs, enum tlsw_alert desc)
{
	return tlshake_rl_fail(&hs->rl, desc);
}

/**
 * tlshake_hs_send - queue the handshake message built at @w, and hash it
 * @hs: the handshake
 * @w: the cursor from tlshake_rl_msg_begin()
 *
 * Return: 0 or a negative errno.
 */
int tlshake_hs_send(struct tlshake_hs *hs, struct tlsw_wr *w)
{
	struct tlsw_slice msg;
	int err;

	err = tlshake_rl_msg_end(&hs->rl, w, &msg);
	if (err)
		return err;
	return tlshake_transcript_update(&hs->transcript, msg.data, msg.len);
}

/**
 * tlshake_hs_read - read the next handshake message
 * @hs: the handshake
 * @msg: the message, valid until the next read
 *
 * The message is not hashed yet: what it carries may be checked against
 * the transcript before it (CertificateVerify, Finished).
 *
 * Return: 0 or a negative errno.
 */
int tlshake_hs_read(struct tlshake_hs *hs, struct tlsw_hs_msg *msg)
{
	return tlshake_rl_read_msg(&hs->rl, msg);
}

/**
 * tlshake_hs_hash - add a received handshake message to the transcript
 * @hs: the handshake
 * @msg: the message
 *
 * Return: 0 or a negative errno.
 */
int tlshake_hs_hash(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg)
{
	return tlshake_transcript_update(&hs->transcript, msg->raw.data,
					 msg->raw.len);
}

/**
 * tlshake_hs_send_ccs - send our compatibility ChangeCipherSpec, once
 * @hs: the handshake
 *
 * RFC 8446 appendix D.4: right after the server's first handshake message
 * if the client sent a legacy_session_id; before the client's second
 * flight (or its second ClientHello).
 *
 * Return: 0 or a negative errno.
 */
int tlshake_hs_send_ccs(struct tlshake_hs *hs)
{
	if (hs->ccs_sent)
		return 0;
	hs->ccs_sent = true;
	return tlshake_rl_send_ccs(&hs->rl);
}

/**
 * tlshake_tls13_select_suite - fix the cipher suite
 * @hs: the handshake
 * @suite: the suite, from HelloRetryRequest or ServerHello
 *
 * Fixes the transcript's hash function and starts the key schedule.  A
 * second call (ServerHello after HelloRetryRequest) must name the same
 * suite, which the caller checks.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_select_suite(struct tlshake_hs *hs,
			       const struct tlshake_suite *suite)
{
	int err;

	if (hs->suite)
		return 0;
	err = tlshake_transcript_select(&hs->transcript, suite->hash);
	if (err)
		return err;
	err = tlshake_ks_init(&hs->ks, suite->hash, NULL, 0);
	if (err)
		return err;
	hs->suite = suite;
	return 0;
}

/* Derive a traffic key and IV from @secret. */
static int tlshake_tls13_traffic(struct tlshake_hs *hs, const u8 *secret,
				 u8 *key, u8 *iv)
{
	return tlshake_ks_traffic_keys(&hs->ks, secret, key,
				       tlshake_aead_key_len(hs->suite->aead),
				       iv);
}

static int tlshake_tls13_set_key(struct tlshake_hs *hs, const u8 *secret,
				 bool write)
{
	u8 key[TLSHAKE_MAX_KEY_LEN], iv[TLSHAKE_IV_LEN];
	int err;

	err = tlshake_tls13_traffic(hs, secret, key, iv);
	if (!err && write)
		err = tlshake_rl_set_write_key(&hs->rl, hs->suite->aead, key,
					       iv);
	else if (!err)
		err = tlshake_rl_set_read_key(&hs->rl, hs->suite->aead, key,
					      iv);
	memzero_explicit(key, sizeof(key));
	memzero_explicit(iv, sizeof(iv));
	return err;
}

/**
 * tlshake_tls13_handshake_keys - derive the handshake secrets
 * @hs: the handshake
 * @shared: the (EC)DHE shared secret
 * @shared_len: its length
 *
 * Called with ServerHello in the transcript.  The peer's records are
 * protected from now on; ours once tlshake_tls13_write_handshake_key()
 * ran.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_handshake_keys(struct tlshake_hs *hs, const u8 *shared,
				 size_t shared_len)
{
	u8 th[TLSHAKE_MAX_HASH_LEN];
	int err;

	err = tlshake_transcript_hash(&hs->transcript, th);
	if (err)
		return err;
	err = tlshake_ks_handshake(&hs->ks, shared, shared_len, th);
	if (err)
		return err;
	return tlshake_tls13_set_key(hs, hs->server ? hs->ks.client_hs :
				     hs->ks.server_hs, false);
}

/**
 * tlshake_tls13_write_handshake_key - protect what we send from now on
 * @hs: the handshake
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_write_handshake_key(struct tlshake_hs *hs)
{
	return tlshake_tls13_set_key(hs, hs->server ? hs->ks.server_hs :
				     hs->ks.client_hs, true);
}

/**
 * tlshake_tls13_app_keys - derive the application traffic keys for kTLS
 * @hs: the handshake
 *
 * Called with the server's Finished in the transcript.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_app_keys(struct tlshake_hs *hs)
{
	u8 th[TLSHAKE_MAX_HASH_LEN];
	const u8 *tx, *rx;
	int err;

	err = tlshake_transcript_hash(&hs->transcript, th);
	if (err)
		return err;
	err = tlshake_ks_master(&hs->ks, th);
	if (err)
		return err;

	tx = hs->server ? hs->ks.server_app : hs->ks.client_app;
	rx = hs->server ? hs->ks.client_app : hs->ks.server_app;
	err = tlshake_tls13_traffic(hs, tx, hs->tx.key, hs->tx.iv);
	if (err)
		return err;
	return tlshake_tls13_traffic(hs, rx, hs->rx.key, hs->rx.iv);
}

/**
 * tlshake_tls13_send_certificate - queue our Certificate
 * @hs: the handshake
 * @empty: send an empty one (a client without a certificate)
 *
 * The certificate_request_context is empty: a server's always is, and so
 * is the only CertificateRequest a client accepts during the handshake.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_send_certificate(struct tlshake_hs *hs, bool empty)
{
	const struct tlshake_params *p = hs->params;
	struct tlsw_slice chain, cert;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_certificate_begin(&w, &m, NULL, 0);
	tlsw_slice_init(&chain, empty ? NULL : p->cert_chain,
			empty ? 0 : p->cert_chain_len);
	/* The chain's framing was checked with the parameters. */
	while (chain.len && !tlsw_rd_vec(&chain, 3, 1, 0xffffff, &cert))
		tlsw_build_cert_entry(&w, cert.data, cert.len);
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

/* RFC 8446 4.4.3: the content a CertificateVerify signs: 64 spaces, a
 * context string naming the signer's role, a zero byte and the transcript
 * hash up to and including Certificate.
 */
#define TLSHAKE_CV_PAD		64
#define TLSHAKE_CV_SERVER	"TLS 1.3, server CertificateVerify"
#define TLSHAKE_CV_CLIENT	"TLS 1.3, client CertificateVerify"
#define TLSHAKE_CV_MAX		(TLSHAKE_CV_PAD + sizeof(TLSHAKE_CV_SERVER) + \
				 TLSHAKE_MAX_HASH_LEN)

static int tlshake_tls13_cv_content(struct tlshake_hs *hs, bool server,
				    u8 *out, size_t *len)
{
	const char *ctx = server ? TLSHAKE_CV_SERVER : TLSHAKE_CV_CLIENT;
	size_t n = TLSHAKE_CV_PAD + sizeof(TLSHAKE_CV_SERVER);
	int err;

	BUILD_BUG_ON(sizeof(TLSHAKE_CV_SERVER) != sizeof(TLSHAKE_CV_CLIENT));
	memset(out, 0x20, TLSHAKE_CV_PAD);
	/* The string's NUL is the separating zero byte. */
	memcpy(out + TLSHAKE_CV_PAD, ctx, sizeof(TLSHAKE_CV_SERVER));
	err = tlshake_transcript_hash(&hs->transcript, out + n);
	if (err)
		return err;
	*len = n + tlshake_hash_len(hs->suite->hash);
	return 0;
}

/**
 * tlshake_tls13_send_cert_verify - queue our CertificateVerify
 * @hs: the handshake, with our Certificate in the transcript
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_send_cert_verify(struct tlshake_hs *hs)
{
	u8 content[TLSHAKE_CV_MAX];
	struct tlsw_wr w;
	size_t len, sig_len;
	u8 *sig;
	int err;

	sig_len = tlshake_sig_max_len(hs->key);
	sig = kmalloc(sig_len, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	err = tlshake_tls13_cv_content(hs, hs->server, content, &len);
	if (err)
		goto out;
	err = tlshake_sig_sign(hs->key, hs->sig_scheme, content, len, sig,
			       &sig_len);
	if (err)
		goto out;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_certificate_verify(&w, hs->sig_scheme, sig, sig_len);
	err = tlshake_hs_send(hs, &w);
out:
	kfree(sig);
	return err;
}

/**
 * tlshake_tls13_send_finished - queue our Finished
 * @hs: the handshake
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_send_finished(struct tlshake_hs *hs)
{
	const u8 *base = hs->server ? hs->ks.server_hs : hs->ks.client_hs;
	u8 th[TLSHAKE_MAX_HASH_LEN], vd[TLSHAKE_MAX_HASH_LEN];
	struct tlsw_wr w;
	int err;

	err = tlshake_transcript_hash(&hs->transcript, th);
	if (!err)
		err = tlshake_ks_finished(&hs->ks, base, th, vd);
	if (!err) {
		tlshake_rl_msg_begin(&hs->rl, &w);
		tlsw_build_finished(&w, vd, tlshake_hash_len(hs->suite->hash));
		err = tlshake_hs_send(hs, &w);
	}
	memzero_explicit(vd, sizeof(vd));
	return err;
}

/**
 * tlshake_hs_verify_chain - verify the peer's chain
 * @hs: the handshake, @hs->peer_chain set
 *
 * Through the verification entry point, which gives the key of the
 * end-entity certificate; a refusal is sent as the alert it names.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_hs_verify_chain(struct tlshake_hs *hs)
{
	enum tlsw_alert alert;
	int err;

	err = tlshake_verify_peer(hs->params, hs->trust_anchors,
				  hs->trust_anchors_len, hs->peer_chain,
				  hs->peer_chain_len, &hs->peer_key,
				  &hs->peer_verified, &alert,
				  &hs->verify_error);
	if (err == -EKEYREJECTED)
		return tlshake_fail(hs, alert);
	return err;
}

/* The peer's chain, kept in the form of tlshake_params.cert_chain. */
static int tlshake_tls13_keep_chain(struct tlshake_hs *hs,
				    const struct tlsw_certificate *cert)
{
	struct tlsw_cert_entry entry;
	struct tlsw_slice it;
	size_t len = 0;
	u8 *p;

	it = cert->entries;
	while (tlsw_cert_entry_next(&it, &entry))
		len += 3 + entry.cert.len;

	hs->peer_chain = kvmalloc(len, GFP_KERNEL);
	if (!hs->peer_chain)
		return -ENOMEM;
	hs->peer_chain_len = len;

	p = hs->peer_chain;
	it = cert->entries;
	while (tlsw_cert_entry_next(&it, &entry)) {
		put_unaligned_be24(entry.cert.len, p);
		memcpy(p + 3, entry.cert.data, entry.cert.len);
		p += 3 + entry.cert.len;
	}
	return 0;
}

/**
 * tlshake_tls13_recv_certificate - take the peer's Certificate
 * @hs: the handshake
 * @msg: the message
 *
 * An empty certificate list is a decode_error from a server (RFC 8446
 * 4.4.2.4); from a client it leaves @hs->peer_key NULL for the server to
 * decide.  A non-empty chain goes through the verification entry point,
 * which gives the key of the end-entity certificate.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_recv_certificate(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate cert;
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_certificate(msg->body.data, msg->body.len, &cert,
				     &alert);
	if (err)
		return tlshake_fail(hs, alert);
	/* We never send a CertificateRequest with a context, and a server's
	 * Certificate has none.
	 */
	if (cert.context.len)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (!cert.count)
		return hs->server ? tlshake_hs_hash(hs, msg) :
		       tlshake_fail(hs, TLSW_ALERT_DECODE_ERROR);

	err = tlshake_tls13_keep_chain(hs, &cert);
	if (!err)
		err = tlshake_hs_verify_chain(hs);
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}

/**
 * tlshake_tls13_recv_cert_verify - check the peer's CertificateVerify
 * @hs: the handshake, with the peer's Certificate in the transcript
 * @msg: the message
 *
 * The scheme must be one we offered (signature_algorithms) and fit the
 * certificate's key: illegal_parameter otherwise.  A signature that does
 * not verify is a decrypt_error.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls13_recv_cert_verify(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate_verify cv;
	u8 content[TLSHAKE_CV_MAX];
	enum tlsw_alert alert;
	size_t len;
	int err;

	err = tlsw_parse_certificate_verify(msg->body.data, msg->body.len, &cv,
					    &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (!tlshake_hs_offers(hs->sig_schemes, hs->num_sig_schemes,
			       cv.scheme) ||
	    !tlshake_sig_key_fits(hs->peer_key, cv.scheme))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);

	err = tlshake_tls13_cv_content(hs, !hs->server, content, &len);
	if (err)
		return err;
	err = tlshake_sig_verify(hs->peer_key, cv.scheme, content, len,
				 cv.signature.data, cv.signature.len);
	if (err == -EBADMSG)
		return tlshake_fail(hs, TLSW_ALERT_DECRYPT_ERROR);
	if (err)
		return err;
	hs->peer_sig_scheme = cv.scheme;
	return tlshake_hs_hash(hs, msg);
}

/**
 * tlshake_tls13_recv_finished - check the peer's Finished
 * @hs: the handshake
 * @msg: the message
 *
 * Return: 0, or a negative errno (decrypt_error if it does not verify).
 */
int tlshake_tls13_recv_finished(struct tlshake_hs *hs,
				const struct tlsw_hs_msg *msg)
{
	const u8 *base = hs->server ? hs->ks.client_hs : hs->ks.server_hs;
	u8 th[TLSHAKE_MAX_HASH_LEN];
	struct tlsw_slice vd;
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_finished(msg->body.data, msg->body.len,
				  tlshake_hash_len(hs->suite->hash), &vd,
				  &alert);
	if (err)
		return tlshake_fail(hs, alert);
	err = tlshake_transcript_hash(&hs->transcript, th);
	if (err)
		return err;
	err = tlshake_ks_verify_finished(&hs->ks, base, th, vd.data, vd.len);
	if (err == -EBADMSG)
		return tlshake_fail(hs, TLSW_ALERT_DECRYPT_ERROR);
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}
