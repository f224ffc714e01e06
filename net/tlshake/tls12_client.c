// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.2 client (RFC 5246 7.3, ECDHE as RFC 8422 says, DHE over the
 * groups of RFC 7919, RSA key transport when configured), taking over
 * from the TLS 1.3 client at a TLS 1.2 ServerHello: the server's
 * Certificate, ServerKeyExchange, CertificateRequest if it asks and
 * ServerHelloDone; then our flight: Certificate if one was asked for,
 * ClientKeyExchange, CertificateVerify if our Certificate was not empty,
 * ChangeCipherSpec and Finished; then the server's NewSessionTicket if it
 * said it would send one, ChangeCipherSpec and Finished.
 *
 * A session resumed (RFC 5246 7.3, RFC 5077 3.1) skips from ServerHello to
 * the server's NewSessionTicket, ChangeCipherSpec and Finished, then ours.
 *
 * Each message is taken in a state that expects it; any other message is
 * an unexpected_message.
 */

#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "handshake.h"
#include "sig.h"

/**
 * enum tlshake_client12_state - what the TLS 1.2 client waits for
 * @TLSHAKE_C12_WAIT_CERT: the server's Certificate
 * @TLSHAKE_C12_WAIT_SKE: ServerKeyExchange
 * @TLSHAKE_C12_WAIT_CR_SHD: CertificateRequest or ServerHelloDone
 * @TLSHAKE_C12_WAIT_SHD: ServerHelloDone
 * @TLSHAKE_C12_WAIT_NST: NewSessionTicket
 * @TLSHAKE_C12_WAIT_FINISHED: the server's Finished, after its
 *	ChangeCipherSpec
 * @TLSHAKE_C12_DONE: nothing: the handshake is complete
 */
enum tlshake_client12_state {
	TLSHAKE_C12_WAIT_CERT,
	TLSHAKE_C12_WAIT_SKE,
	TLSHAKE_C12_WAIT_CR_SHD,
	TLSHAKE_C12_WAIT_SHD,
	TLSHAKE_C12_WAIT_NST,
	TLSHAKE_C12_WAIT_FINISHED,
	TLSHAKE_C12_DONE,
};

/* RFC 7627 5.2 and RFC 5746 3.4: a server must support the extended
 * master secret and secure renegotiation, and in an initial handshake
 * renegotiated_connection is empty; a client that goes on without them is
 * open to the triple handshake and renegotiation attacks.
 */
static int tlshake_client12_server_hello(struct tlshake_hs *hs,
					 const struct tlsw_hs_msg *msg,
					 const struct tlsw_server_hello *sh)
{
	const struct tlsw_exts *e = &sh->ext;
	const struct tlshake_suite *suite;
	int err;

	suite = tlshake_suite_find(sh->cipher_suite);
	if (!suite || suite->version != TLSW_VERSION_TLS12 ||
	    !tlshake_hs_offers(hs->suites, hs->num_suites, sh->cipher_suite))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (!tlsw_exts_has(e, TLSW_EXTB_EXTENDED_MASTER_SECRET) ||
	    !tlsw_exts_has(e, TLSW_EXTB_RENEGOTIATION_INFO) ||
	    e->renegotiation_info.len)
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	/* A ticket comes only if we asked (RFC 5077 3.2). */
	hs->ticket_expected = tlsw_exts_has(e, TLSW_EXTB_SESSION_TICKET);
	if (hs->ticket_expected && !hs->resume.ticket.len &&
	    !hs->params->new_session)
		return tlshake_fail(hs, TLSW_ALERT_UNSUPPORTED_EXTENSION);
	err = tlshake_client_server_exts(hs, e);
	if (err)
		return err;

	/* The server resumes our session by echoing its ID, and must keep
	 * its cipher suite (RFC 5246 7.4.1.3).  Every session tlshake
	 * keeps has the extended master secret, which the server confirmed
	 * above (RFC 7627 5.3).
	 */
	hs->resumed = hs->resume.cipher_suite && sh->session_id.len &&
		      sh->session_id.len == hs->session_id_len &&
		      !memcmp(sh->session_id.data, hs->session_id,
			      hs->session_id_len);
	if (hs->resumed && sh->cipher_suite != hs->resume.cipher_suite)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	hs->session_id_len = sh->session_id.len;
	memcpy(hs->session_id, sh->session_id.data, sh->session_id.len);

	/* No group is used: our TLS 1.3 key share goes unanswered. */
	if (suite->kx == TLSW_KX_RSA || hs->resumed) {
		tlshake_kex_free(&hs->kex);
		hs->group = 0;
	}
	memcpy(hs->peer_random, sh->random, TLSW_RANDOM_LEN);
	hs->version = TLSW_VERSION_TLS12;
	tlshake_rl_use_tls12(&hs->rl);
	err = tlshake_tls13_select_suite(hs, suite);
	if (!err)
		err = tlshake_hs_hash(hs, msg);
	if (err || !hs->resumed)
		return err;
	memcpy(hs->ks.secret, hs->resume.master_secret, TLSW_MASTER_SECRET_LEN);
	return tlshake_tls12_keys(hs);
}

/* RFC 5077 3.3: the ticket replaces the one we had; an empty one means
 * the server issues none after all.
 */
static int tlshake_client12_new_session_ticket(struct tlshake_hs *hs,
					       const struct tlsw_hs_msg *msg)
{
	struct tlsw_slice ticket;
	enum tlsw_alert alert;

	if (tlsw_parse_new_session_ticket12(msg->body.data, msg->body.len,
					    &ticket, &alert))
		return tlshake_fail(hs, alert);
	if (ticket.len) {
		hs->new_ticket = kmemdup(ticket.data, ticket.len, GFP_KERNEL);
		if (!hs->new_ticket)
			return -ENOMEM;
		hs->new_ticket_len = ticket.len;
	}
	return tlshake_hs_hash(hs, msg);
}

/* The server's signature (RFC 8422 5.4, RFC 5246 7.4.3) must use a scheme
 * we offered, of the kind its suite names, fitting its certificate.
 */
static bool tlshake_client12_scheme_ok(struct tlshake_hs *hs, u16 scheme)
{
	bool ecdsa = (scheme & 0xff) == 0x03;

	if ((!tlshake_hs_offers(hs->sig_schemes, hs->num_sig_schemes,
				scheme) &&
	     !tlshake_hs_offers(tlshake_pkcs1_schemes,
				TLSHAKE_NUM_PKCS1_SCHEMES, scheme)) ||
	    !tlshake_sig_key_fits_tls12(hs->peer_key, scheme))
		return false;
	return hs->suite->auth == (ecdsa ? TLSHAKE_AUTH_ECDSA :
				   TLSHAKE_AUTH_RSA);
}

static int tlshake_client12_verify_ske(struct tlshake_hs *hs,
				       const struct tlsw_server_key_exchange *ske)
{
	size_t len = 2 * TLSW_RANDOM_LEN + ske->params.len;
	u8 *content;
	int err;

	content = kmalloc(len, GFP_KERNEL);
	if (!content)
		return -ENOMEM;
	memcpy(content, hs->random, TLSW_RANDOM_LEN);
	memcpy(content + TLSW_RANDOM_LEN, hs->peer_random, TLSW_RANDOM_LEN);
	memcpy(content + 2 * TLSW_RANDOM_LEN, ske->params.data,
	       ske->params.len);
	err = tlshake_sig_verify_tls12(hs->peer_key, ske->scheme, content, len,
				       ske->signature.data,
				       ske->signature.len);
	kfree(content);
	if (err == -EBADMSG)
		return tlshake_fail(hs, TLSW_ALERT_DECRYPT_ERROR);
	return err;
}

/* The group must be one we offered; our key pair is made for it, and the
 * premaster secret derived at once, into @pms.  DHE parameters must be
 * those of an RFC 7919 group we offered: anything else is an
 * insufficient_security (RFC 7919 4).
 */
static int tlshake_client12_ske(struct tlshake_hs *hs,
				const struct tlsw_hs_msg *msg, u8 *pms,
				size_t *pms_len)
{
	struct tlsw_server_key_exchange ske;
	enum tlsw_alert alert;
	size_t public_len;
	int err;

	err = tlsw_parse_server_key_exchange(msg->body.data, msg->body.len,
					     hs->suite->kx, &ske, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (hs->suite->kx == TLSW_KX_DHE) {
		ske.group = tlshake_kex_ffdhe_named(ske.dh_p.data, ske.dh_p.len,
						    ske.dh_g.data,
						    ske.dh_g.len);
		if (!tlshake_hs_offers(hs->groups, hs->num_groups, ske.group))
			return tlshake_fail(hs,
					    TLSW_ALERT_INSUFFICIENT_SECURITY);
	}
	/* A finite-field Ys may come without its leading zeros. */
	public_len = tlshake_kex_public_len(ske.group);
	if (!tlshake_hs_offers(hs->groups, hs->num_groups, ske.group) ||
	    ske.public.len > public_len ||
	    (hs->suite->kx == TLSW_KX_ECDHE && ske.public.len != public_len) ||
	    !tlshake_client12_scheme_ok(hs, ske.scheme))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	err = tlshake_client12_verify_ske(hs, &ske);
	if (err)
		return err;
	hs->peer_sig_scheme = ske.scheme;

	/* A fresh key pair: the one of our TLS 1.3 key share was sent. */
	tlshake_kex_free(&hs->kex);
	hs->group = ske.group;
	err = tlshake_kex_init(&hs->kex, hs->group);
	if (!err)
		err = tlshake_kex_derive_tls12(&hs->kex, ske.public.data,
					       ske.public.len, pms, pms_len);
	if (err == -EINVAL)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}

/* RFC 5246 7.4.4 and RFC 8422 5.5: the certificate_types must include
 * the kind of our key.
 */
static bool
tlshake_client12_cert_type_ok(const struct tlshake_hs *hs,
			      const struct tlsw_certificate_request12 *cr)
{
	u8 type = tlshake_privkey_type(hs->key) == TLSHAKE_KEY_RSA ?
		  TLSW_CERT_TYPE_RSA_SIGN : TLSW_CERT_TYPE_ECDSA_SIGN;

	return memchr(cr->cert_types.data, type, cr->cert_types.len);
}

static int tlshake_client12_certificate_request(struct tlshake_hs *hs,
						const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate_request12 cr;
	enum tlsw_alert alert;
	unsigned int i;
	int err;

	err = tlsw_parse_certificate_request12(msg->body.data, msg->body.len,
					       &cr, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	hs->cert_requested = true;
	if (!hs->key || !tlshake_client12_cert_type_ok(hs, &cr))
		return tlshake_hs_hash(hs, msg);
	for (i = 0; !hs->sig_scheme && i < hs->num_sig_schemes; i++)
		if (tlsw_u16_list_has(&cr.sig_algs, hs->sig_schemes[i]) &&
		    tlshake_sig_key_fits_priv_tls12(hs->key,
						    hs->sig_schemes[i]) &&
		    tlshake_tls12_cv_scheme_ok(hs, hs->sig_schemes[i]))
			hs->sig_scheme = hs->sig_schemes[i];
	return tlshake_hs_hash(hs, msg);
}

/* RFC 5246 7.4.7.1: with RSA key transport the premaster secret is the
 * version we offered, ClientHello.client_version (TLS 1.2's, also when we
 * offered TLS 1.3), and 46 random bytes, encrypted to the server's key.
 */
static int tlshake_client12_rsa_pms(struct tlshake_hs *hs, u8 *pms,
				    size_t *pms_len, u8 **out, size_t *out_len)
{
	int err;

	if (tlshake_pubkey_type(hs->peer_key) != TLSHAKE_KEY_RSA)
		return tlshake_fail(hs, TLSW_ALERT_UNSUPPORTED_CERTIFICATE);
	*out = kmalloc(TLSHAKE_RSA_MAX_BYTES, GFP_KERNEL);
	if (!*out)
		return -ENOMEM;
	*out_len = TLSHAKE_RSA_MAX_BYTES;
	put_unaligned_be16(TLSW_VERSION_TLS12, pms);
	get_random_bytes(pms + 2, TLSW_MASTER_SECRET_LEN - 2);
	*pms_len = TLSW_MASTER_SECRET_LEN;
	err = tlshake_rsa_encrypt_pkcs1(hs->peer_key, pms, *pms_len, *out,
					out_len);
	if (err) {
		kfree(*out);
		*out = NULL;
	}
	return err;
}

/* Our flight (RFC 5246 7.3).  Asked for a certificate, we send ours if a
 * scheme fits both the request and our key, else an empty one (7.4.6):
 * the server decides whether that is enough.  The premaster secret is in
 * @pms already, from ServerKeyExchange, or made here for RSA.
 */
static int tlshake_client12_flight(struct tlshake_hs *hs, u8 *pms,
				   size_t *pms_len)
{
	struct tlsw_wr w;
	size_t pub_len;
	u8 *pub;
	int err;

	if (hs->cert_requested) {
		err = tlshake_tls12_send_certificate(hs, !hs->sig_scheme);
		if (err)
			return err;
	}

	if (hs->suite->kx == TLSW_KX_RSA)
		err = tlshake_client12_rsa_pms(hs, pms, pms_len, &pub,
					       &pub_len);
	else
		err = tlshake_kex_public_alloc(&hs->kex, &pub, &pub_len);
	if (!err) {
		tlshake_rl_msg_begin(&hs->rl, &w);
		tlsw_build_client_key_exchange(&w, hs->suite->kx, pub,
					       pub_len);
		err = tlshake_hs_send(hs, &w);
		kfree(pub);
	}
	tlshake_kex_free(&hs->kex);

	if (!err)
		err = tlshake_tls12_master_secret(hs, pms, *pms_len);
	if (!err && hs->sig_scheme)
		err = tlshake_tls12_send_cert_verify(hs);
	if (!err)
		err = tlshake_tls12_keys(hs);
	if (!err)
		err = tlshake_tls12_send_finished(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	return err;
}

static int tlshake_client12_step(struct tlshake_hs *hs,
				 const struct tlsw_hs_msg *msg,
				 enum tlshake_client12_state *state,
				 u8 *pms, size_t *pms_len)
{
	enum tlsw_alert alert;
	int err;

	switch (*state) {
	case TLSHAKE_C12_WAIT_CERT:
		if (msg->type != TLSW_HS_CERTIFICATE)
			break;
		/* RSA key transport has no ServerKeyExchange. */
		*state = hs->suite->kx == TLSW_KX_RSA ?
			 TLSHAKE_C12_WAIT_CR_SHD : TLSHAKE_C12_WAIT_SKE;
		return tlshake_tls12_recv_certificate(hs, msg);
	case TLSHAKE_C12_WAIT_SKE:
		if (msg->type != TLSW_HS_SERVER_KEY_EXCHANGE)
			break;
		*state = TLSHAKE_C12_WAIT_CR_SHD;
		return tlshake_client12_ske(hs, msg, pms, pms_len);
	case TLSHAKE_C12_WAIT_CR_SHD:
		if (msg->type == TLSW_HS_CERTIFICATE_REQUEST) {
			*state = TLSHAKE_C12_WAIT_SHD;
			return tlshake_client12_certificate_request(hs, msg);
		}
		fallthrough;
	case TLSHAKE_C12_WAIT_SHD:
		if (msg->type != TLSW_HS_SERVER_HELLO_DONE)
			break;
		*state = hs->ticket_expected ? TLSHAKE_C12_WAIT_NST :
			 TLSHAKE_C12_WAIT_FINISHED;
		if (tlsw_parse_server_hello_done(msg->body.len, &alert))
			return tlshake_fail(hs, alert);
		err = tlshake_hs_hash(hs, msg);
		if (!err)
			err = tlshake_client12_flight(hs, pms, pms_len);
		return err;
	case TLSHAKE_C12_WAIT_NST:
		if (msg->type != TLSW_HS_NEW_SESSION_TICKET)
			break;
		*state = TLSHAKE_C12_WAIT_FINISHED;
		return tlshake_client12_new_session_ticket(hs, msg);
	case TLSHAKE_C12_WAIT_FINISHED:
		if (msg->type != TLSW_HS_FINISHED)
			break;
		*state = TLSHAKE_C12_DONE;
		err = tlshake_tls12_recv_finished(hs, msg);
		if (!err)
			err = tlshake_rl_read_done(&hs->rl);
		/* Resumed, the server's Finished comes first. */
		if (!err && hs->resumed)
			err = tlshake_tls12_send_finished(hs);
		if (!err && hs->resumed)
			err = tlshake_rl_flush(&hs->rl, false);
		return err;
	case TLSHAKE_C12_DONE:
		break;
	}
	return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
}

/**
 * tlshake_tls12_client - run the rest of the handshake as a TLS 1.2 client
 * @hs: the handshake, our ClientHello sent
 * @msg: the server's ServerHello, for TLS 1.2
 * @sh: the message parsed
 *
 * Return: 0 once the server's Finished is verified and the keys for kTLS
 * are in @hs, or a negative errno.
 */
int tlshake_tls12_client(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg,
			 const struct tlsw_server_hello *sh)
{
	enum tlshake_client12_state state = TLSHAKE_C12_WAIT_CERT;
	u8 pms[TLSHAKE_KEX_MAX_SECRET];
	size_t pms_len = sizeof(pms);
	struct tlsw_hs_msg next;
	int err;

	err = tlshake_client12_server_hello(hs, msg, sh);
	if (hs->resumed)
		state = hs->ticket_expected ? TLSHAKE_C12_WAIT_NST :
			TLSHAKE_C12_WAIT_FINISHED;
	while (!err && state != TLSHAKE_C12_DONE) {
		err = tlshake_hs_read(hs, &next);
		if (!err)
			err = tlshake_client12_step(hs, &next, &state, pms,
						    &pms_len);
	}
	memzero_explicit(pms, sizeof(pms));
	if (!err)
		tlshake_tls12_ktls_keys(hs);
	return err;
}
