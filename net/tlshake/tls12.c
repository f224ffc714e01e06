// SPDX-License-Identifier: GPL-2.0
/*
 * What the TLS 1.2 client and server share (RFC 5246): the master secret,
 * extended as RFC 7627 says; the key block and the keys it gives the
 * record layer and kTLS; Finished; Certificate and CertificateVerify.
 */

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>
#include <crypto/algapi.h>
#include <kunit/visibility.h>

#include "handshake.h"
#include "sig.h"

/* RFC 5246 8.1 and 7.4.9. */
#define TLSHAKE_TLS12_MASTER_LEN	48
#define TLSHAKE_TLS12_VERIFY_LEN	12

/* RFC 5288 3 and RFC 7905 2: the implicit part of each record's nonce. */
static unsigned int tlshake_tls12_iv_len(enum tlshake_aead_alg alg)
{
	return alg == TLSHAKE_AEAD_CHACHA20_POLY1305 ? TLSHAKE_IV_LEN : 4;
}

/**
 * tlshake_tls12_master_secret - derive the master secret
 * @hs: the handshake, the ClientKeyExchange in the transcript
 * @pms: the premaster secret
 * @pms_len: its length
 *
 * Always the extended master secret (RFC 7627 4): it binds the session to
 * the whole handshake up to ClientKeyExchange.  Kept in @hs->ks.secret.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_master_secret(struct tlshake_hs *hs, const u8 *pms,
				size_t pms_len)
{
	u8 session_hash[TLSHAKE_MAX_HASH_LEN];
	int err;

	BUILD_BUG_ON(sizeof(hs->ks.secret) < TLSHAKE_TLS12_MASTER_LEN);
	err = tlshake_transcript_hash(&hs->transcript, session_hash);
	if (!err)
		err = tlshake_tls12_prf(&hs->ks.kdf, pms, pms_len,
					"extended master secret", session_hash,
					hs->ks.kdf.hash_len, hs->ks.secret,
					TLSHAKE_TLS12_MASTER_LEN);
	memzero_explicit(session_hash, sizeof(session_hash));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_tls12_master_secret);

/**
 * tlshake_tls12_keys - derive the traffic keys from the master secret
 * @hs: the handshake, both randoms known
 *
 * RFC 5246 6.3: the key block gives the client's and the server's write
 * keys, then their IVs (AEAD suites have no MAC keys).  They go into
 * @hs->tx and @hs->rx, and the peer's into the record layer, to wait for
 * its ChangeCipherSpec.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_keys(struct tlshake_hs *hs)
{
	enum tlshake_aead_alg alg = hs->suite->aead;
	unsigned int key_len = tlshake_aead_key_len(alg);
	unsigned int iv_len = tlshake_tls12_iv_len(alg);
	u8 block[2 * (TLSHAKE_MAX_KEY_LEN + TLSHAKE_IV_LEN)];
	struct tlshake_ktls_keys *client, *server;
	u8 seed[2 * TLSW_RANDOM_LEN];
	int err;

	/* server_random + client_random */
	memcpy(seed, hs->server ? hs->random : hs->peer_random,
	       TLSW_RANDOM_LEN);
	memcpy(seed + TLSW_RANDOM_LEN, hs->server ? hs->peer_random :
	       hs->random, TLSW_RANDOM_LEN);
	err = tlshake_tls12_prf(&hs->ks.kdf, hs->ks.secret,
				TLSHAKE_TLS12_MASTER_LEN, "key expansion",
				seed, sizeof(seed), block,
				2 * (key_len + iv_len));
	if (err)
		return err;

	client = hs->server ? &hs->rx : &hs->tx;
	server = hs->server ? &hs->tx : &hs->rx;
	memset(client, 0, sizeof(*client));
	memset(server, 0, sizeof(*server));
	memcpy(client->key, block, key_len);
	memcpy(server->key, block + key_len, key_len);
	memcpy(client->iv, block + 2 * key_len, iv_len);
	memcpy(server->iv, block + 2 * key_len + iv_len, iv_len);
	memzero_explicit(block, sizeof(block));
	return tlshake_rl_expect_ccs(&hs->rl, alg, hs->rx.key, hs->rx.iv);
}

/* RFC 5246 7.4.9: PRF(master_secret, label, Hash(handshake_messages)). */
static int tlshake_tls12_verify_data(struct tlshake_hs *hs, bool server,
				     u8 *out)
{
	u8 th[TLSHAKE_MAX_HASH_LEN];
	int err;

	err = tlshake_transcript_hash(&hs->transcript, th);
	if (!err)
		err = tlshake_tls12_prf(&hs->ks.kdf, hs->ks.secret,
					TLSHAKE_TLS12_MASTER_LEN,
					server ? "server finished" :
					"client finished", th,
					hs->ks.kdf.hash_len, out,
					TLSHAKE_TLS12_VERIFY_LEN);
	return err;
}

/**
 * tlshake_tls12_send_finished - send ChangeCipherSpec and our Finished
 * @hs: the handshake, tlshake_tls12_keys() done
 *
 * What was queued goes out in plaintext, then ChangeCipherSpec, then
 * Finished under the new keys, which is queued.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_send_finished(struct tlshake_hs *hs)
{
	u8 vd[TLSHAKE_TLS12_VERIFY_LEN];
	struct tlsw_wr w;
	int err;

	err = tlshake_rl_send_ccs(&hs->rl);
	if (!err)
		err = tlshake_rl_set_write_key(&hs->rl, hs->suite->aead,
					       hs->tx.key, hs->tx.iv);
	if (!err)
		err = tlshake_tls12_verify_data(hs, hs->server, vd);
	if (!err) {
		tlshake_rl_msg_begin(&hs->rl, &w);
		tlsw_build_finished(&w, vd, sizeof(vd));
		err = tlshake_hs_send(hs, &w);
	}
	memzero_explicit(vd, sizeof(vd));
	return err;
}

/**
 * tlshake_tls12_recv_finished - check the peer's Finished
 * @hs: the handshake
 * @msg: the message
 *
 * It must come under the keys its ChangeCipherSpec turned on: one that
 * came without is an unexpected_message.  verify_data is compared in
 * constant time; a mismatch is a decrypt_error.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_recv_finished(struct tlshake_hs *hs,
				const struct tlsw_hs_msg *msg)
{
	u8 vd[TLSHAKE_TLS12_VERIFY_LEN];
	struct tlsw_slice got;
	enum tlsw_alert alert;
	int err;

	if (!hs->rl.rd.on)
		return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
	err = tlsw_parse_finished(msg->body.data, msg->body.len, sizeof(vd),
				  &got, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	err = tlshake_tls12_verify_data(hs, !hs->server, vd);
	if (!err && crypto_memneq(vd, got.data, sizeof(vd)))
		err = tlshake_fail(hs, TLSW_ALERT_DECRYPT_ERROR);
	memzero_explicit(vd, sizeof(vd));
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}

/**
 * tlshake_tls12_recv_certificate - take the peer's Certificate
 * @hs: the handshake
 * @msg: the message
 *
 * The certificate_list is already in the form of
 * tlshake_params.cert_chain: it is kept as it came and verified.  An
 * empty one is the server's error (RFC 5246 7.4.2 requires a chain with
 * every suite tlshake offers), a client's to be judged by the server.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_recv_certificate(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate cert;
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_certificate12(msg->body.data, msg->body.len, &cert,
				       &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (!cert.count)
		return hs->server ? tlshake_hs_hash(hs, msg) :
		       tlshake_fail(hs, TLSW_ALERT_DECODE_ERROR);

	hs->peer_chain = kvmalloc(cert.entries.len, GFP_KERNEL);
	if (!hs->peer_chain)
		return -ENOMEM;
	memcpy(hs->peer_chain, cert.entries.data, cert.entries.len);
	hs->peer_chain_len = cert.entries.len;
	err = tlshake_hs_verify_chain(hs);
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}

/**
 * tlshake_tls12_send_certificate - queue our Certificate
 * @hs: the handshake
 * @empty: send an empty one (a client without a fitting certificate)
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_send_certificate(struct tlshake_hs *hs, bool empty)
{
	const struct tlshake_params *p = hs->params;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_certificate12_begin(&w, &m);
	/* tlshake_params.cert_chain is a certificate_list already. */
	if (!empty)
		tlsw_wr_bytes(&w, p->cert_chain, p->cert_chain_len);
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

/**
 * tlshake_tls12_cv_scheme_ok - whether a scheme can sign a CertificateVerify
 * @hs: the handshake, its suite chosen
 * @scheme: a TLS SignatureScheme
 *
 * RFC 5246 7.4.8 signs the handshake messages with the scheme's hash.
 * tlshake hashes them once, with the suite's PRF hash, so it signs and
 * accepts only schemes of that hash, and a server asks for no others in
 * its CertificateRequest.
 *
 * Return: true if @scheme's hash is the suite's.
 */
bool tlshake_tls12_cv_scheme_ok(const struct tlshake_hs *hs, u16 scheme)
{
	return tlshake_sig_digest_len(scheme) ==
	       tlshake_hash_len(hs->suite->hash);
}

/**
 * tlshake_tls12_send_cert_verify - queue our CertificateVerify
 * @hs: the handshake, our Certificate and ClientKeyExchange in the
 *	transcript and @hs->sig_scheme chosen by tlshake_tls12_cv_scheme_ok()
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_send_cert_verify(struct tlshake_hs *hs)
{
	u8 th[TLSHAKE_MAX_HASH_LEN];
	struct tlsw_wr w;
	size_t sig_len;
	u8 *sig;
	int err;

	sig_len = tlshake_sig_max_len(hs->key);
	sig = kmalloc(sig_len, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	err = tlshake_transcript_hash(&hs->transcript, th);
	if (!err)
		err = tlshake_sig_sign_digest_tls12(hs->key, hs->sig_scheme, th,
						    hs->ks.kdf.hash_len, sig,
						    &sig_len);
	if (!err) {
		tlshake_rl_msg_begin(&hs->rl, &w);
		tlsw_build_certificate_verify(&w, hs->sig_scheme, sig,
					      sig_len);
		err = tlshake_hs_send(hs, &w);
	}
	kfree(sig);
	return err;
}

/**
 * tlshake_tls12_recv_cert_verify - check the client's CertificateVerify
 * @hs: the handshake, the client's certificate in @hs->peer_key
 * @msg: the message
 *
 * The scheme must be one we asked for (RFC 5246 7.4.8), of the suite's
 * hash, and fit the client's key: else illegal_parameter.  A signature
 * that does not verify is a decrypt_error.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_tls12_recv_cert_verify(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate_verify cv;
	u8 th[TLSHAKE_MAX_HASH_LEN];
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_certificate_verify(msg->body.data, msg->body.len, &cv,
					    &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (!tlshake_hs_offers(hs->sig_schemes, hs->num_sig_schemes,
			       cv.scheme) ||
	    !tlshake_tls12_cv_scheme_ok(hs, cv.scheme) ||
	    !tlshake_sig_key_fits_tls12(hs->peer_key, cv.scheme))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);

	err = tlshake_transcript_hash(&hs->transcript, th);
	if (err)
		return err;
	err = tlshake_sig_verify_digest_tls12(hs->peer_key, cv.scheme, th,
					      hs->ks.kdf.hash_len,
					      cv.signature.data,
					      cv.signature.len);
	if (err == -EBADMSG)
		return tlshake_fail(hs, TLSW_ALERT_DECRYPT_ERROR);
	if (err)
		return err;
	hs->peer_sig_scheme = cv.scheme;
	return tlshake_hs_hash(hs, msg);
}

/**
 * tlshake_tls12_ktls_keys - where kTLS takes the records up
 * @hs: the handshake, both Finished messages exchanged
 *
 * kTLS numbers records on from the record layer's counts, and sends the
 * explicit nonces of AES-GCM and AES-CCM on from the next sequence
 * number, as the record layer did.
 */
void tlshake_tls12_ktls_keys(struct tlshake_hs *hs)
{
	hs->tx.seq = hs->rl.wr.seq;
	hs->rx.seq = hs->rl.rd.seq;
	if (hs->rl.wr.explicit_nonce)
		put_unaligned_be64(hs->tx.seq, hs->tx.iv + 4);
}
