// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.3 client (RFC 8446 sections 2 and 4): ClientHello, at most one
 * HelloRetryRequest, then the server's flight, then ours.  A ServerHello
 * for TLS 1.2 hands the handshake to the TLS 1.2 client.
 *
 * Each message is taken in a state that expects it; any other message is
 * an unexpected_message.
 */

#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "handshake.h"
#include "sig.h"
#include "sockopt_check.h"

/**
 * enum tlshake_client_state - what the client waits for
 * @TLSHAKE_C_WAIT_SH: ServerHello, or HelloRetryRequest if none came yet
 * @TLSHAKE_C_WAIT_EE: EncryptedExtensions
 * @TLSHAKE_C_WAIT_CERT_CR: CertificateRequest or Certificate
 * @TLSHAKE_C_WAIT_CERT: Certificate
 * @TLSHAKE_C_WAIT_CV: CertificateVerify
 * @TLSHAKE_C_WAIT_FINISHED: the server's Finished
 * @TLSHAKE_C_DONE: nothing: our Finished is sent
 */
enum tlshake_client_state {
	TLSHAKE_C_WAIT_SH,
	TLSHAKE_C_WAIT_EE,
	TLSHAKE_C_WAIT_CERT_CR,
	TLSHAKE_C_WAIT_CERT,
	TLSHAKE_C_WAIT_CV,
	TLSHAKE_C_WAIT_FINISHED,
	TLSHAKE_C_DONE,
};

/* RFC 6066 3: SNI carries a DNS name, never an IP literal. */
static bool tlshake_client_sends_sni(const struct tlshake_hs *hs)
{
	const char *name = hs->params->server_name;

	return name && !tlshake_check_server_name(name, strlen(name));
}

/* Our schemes, then RSA PKCS#1 v1.5: in signature_algorithms_cert always,
 * for TLS 1.3 checks it in certificates; in signature_algorithms too when
 * offering TLS 1.2, which signs ServerKeyExchange with it (RFC 8446
 * 4.2.3).
 */
static void tlshake_client_sig_algs(struct tlshake_hs *hs, struct tlsw_wr *w,
				    u16 type)
{
	u16 list[TLSHAKE_LIST_MAX + TLSHAKE_NUM_PKCS1_SCHEMES];
	unsigned int i, n = hs->num_sig_schemes;

	memcpy(list, hs->sig_schemes, n * sizeof(*list));
	for (i = 0; i < TLSHAKE_NUM_PKCS1_SCHEMES; i++)
		if (!tlshake_hs_offers(list, n, tlshake_pkcs1_schemes[i]))
			list[n++] = tlshake_pkcs1_schemes[i];
	tlsw_build_ext_u16_list(w, type, list, n);
}

/* Queue a ClientHello with a share of @hs->kex, and @cookie if not NULL:
 * the second ClientHello differs from the first only in these.
 */
static int tlshake_client_hello(struct tlshake_hs *hs,
				const struct tlsw_slice *cookie)
{
	static const u16 versions[] = { TLSW_VERSION_TLS13, TLSW_VERSION_TLS12 };
	static const u8 point_formats[] = { TLSW_EC_POINT_UNCOMPRESSED };
	bool offer13 = hs->max_version == TLSW_VERSION_TLS13;
	bool offer12 = hs->min_version == TLSW_VERSION_TLS12;
	const struct tlshake_params *p = hs->params;
	struct tlsw_key_share share;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	size_t pub_len;
	u8 *pub;
	int err;

	err = tlshake_kex_public_alloc(&hs->kex, &pub, &pub_len);
	if (err)
		return err;
	share.group = hs->group;
	tlsw_slice_init(&share.key, pub, pub_len);

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_client_hello_begin(&w, &m, hs->random, hs->session_id,
				      hs->session_id_len, hs->suites,
				      hs->num_suites);
	/* A client of TLS 1.2 alone sends neither (RFC 8446 4.2.1). */
	if (offer13) {
		tlsw_build_ext_supported_versions(&w, versions,
						  offer12 ? 2 : 1);
		tlsw_build_ext_key_share_ch(&w, &share, 1);
	}
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SUPPORTED_GROUPS, hs->groups,
				hs->num_groups);
	/* TLS 1.2: RFC 7627 (required of the server, see tls12_client.c),
	 * RFC 8422 5.1.2, and RFC 5746 3.4 for an initial handshake.
	 */
	if (offer12) {
		tlsw_build_ext_empty(&w, TLSW_EXT_EXTENDED_MASTER_SECRET);
		tlsw_build_ext_u8_list(&w, TLSW_EXT_EC_POINT_FORMATS,
				       point_formats,
				       ARRAY_SIZE(point_formats));
		tlsw_build_ext_u8_list(&w, TLSW_EXT_RENEGOTIATION_INFO, NULL, 0);
	}
	/* RFC 5077 3.2: our ticket, or an empty one to ask for a ticket
	 * when the caller keeps sessions.
	 */
	if (offer12 && (hs->resume.ticket.len || p->new_session)) {
		struct tlsw_wr_vec ext;

		tlsw_build_ext_begin(&w, TLSW_EXT_SESSION_TICKET, &ext);
		tlsw_wr_bytes(&w, hs->resume.ticket.data, hs->resume.ticket.len);
		tlsw_wr_vec_end(&w, &ext);
	}
	if (offer12)
		tlshake_client_sig_algs(hs, &w, TLSW_EXT_SIGNATURE_ALGORITHMS);
	else
		tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS,
					hs->sig_schemes, hs->num_sig_schemes);
	tlshake_client_sig_algs(hs, &w, TLSW_EXT_SIGNATURE_ALGORITHMS_CERT);
	if (tlshake_client_sends_sni(hs))
		tlsw_build_ext_server_name(&w, p->server_name,
					   strlen(p->server_name));
	if (p->alpn) {
		struct tlsw_wr_vec ext, list;

		tlsw_build_ext_begin(&w, TLSW_EXT_ALPN, &ext);
		tlsw_wr_vec_begin(&w, 2, &list);
		tlsw_wr_bytes(&w, p->alpn, p->alpn_len);
		tlsw_wr_vec_end(&w, &list);
		tlsw_wr_vec_end(&w, &ext);
	}
	if (cookie)
		tlsw_build_ext_cookie(&w, cookie->data, cookie->len);
	tlsw_build_msg_end(&w, &m);
	err = tlshake_hs_send(hs, &w);
	kfree(pub);
	return err;
}

/* RFC 8446 4.1.4: at most one HelloRetryRequest, which must change
 * something: a share for another group we offered, or a cookie.
 */
static int tlshake_client_hello_retry(struct tlshake_hs *hs,
				      const struct tlsw_hs_msg *msg,
				      const struct tlsw_server_hello *hrr,
				      const struct tlshake_suite *suite)
{
	const struct tlsw_exts *e = &hrr->ext;
	bool cookie = tlsw_exts_has(e, TLSW_EXTB_COOKIE);
	int err;

	if (hs->hrr)
		return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
	hs->hrr = true;

	if (tlsw_exts_has(e, TLSW_EXTB_KEY_SHARE)) {
		if (!tlshake_hs_offers(hs->groups, hs->num_groups,
				       e->hrr_group) ||
		    e->hrr_group == hs->group)
			return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
		tlshake_kex_free(&hs->kex);
		hs->group = e->hrr_group;
		err = tlshake_kex_init(&hs->kex, hs->group);
		if (err)
			return err;
	} else if (!cookie) {
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	}

	err = tlshake_tls13_select_suite(hs, suite);
	if (!err)
		err = tlshake_transcript_hello_retry(&hs->transcript);
	if (!err)
		err = tlshake_hs_hash(hs, msg);
	if (!err)
		err = tlshake_hs_send_ccs(hs);
	if (!err)
		err = tlshake_client_hello(hs, cookie ? &e->cookie : NULL);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	return err;
}

static int tlshake_client_server_hello(struct tlshake_hs *hs,
				       const struct tlsw_hs_msg *msg,
				       enum tlshake_client_state *state)
{
	const struct tlshake_suite *suite;
	struct tlsw_server_hello sh;
	const struct tlsw_key_share *ks;
	u8 shared[TLSHAKE_KEX_MAX_SECRET];
	size_t shared_len = sizeof(shared);
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_server_hello(msg->body.data, msg->body.len, &sh,
				      &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (sh.version == TLSW_VERSION_TLS12 &&
	    hs->min_version == TLSW_VERSION_TLS12) {
		/* RFC 8446 4.1.3 and 4.1.4: no downgrade from TLS 1.3, and
		 * none after a HelloRetryRequest.
		 */
		if (hs->hrr || (hs->max_version == TLSW_VERSION_TLS13 &&
				tlsw_random_has_downgrade_marker(sh.random)))
			return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
		*state = TLSHAKE_C_DONE;
		return tlshake_tls12_client(hs, msg, &sh);
	}
	if (sh.version != TLSW_VERSION_TLS13 ||
	    hs->max_version != TLSW_VERSION_TLS13)
		return tlshake_fail(hs, TLSW_ALERT_PROTOCOL_VERSION);
	if (sh.session_id.len != hs->session_id_len ||
	    memcmp(sh.session_id.data, hs->session_id, hs->session_id_len))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	suite = tlshake_suite_find(sh.cipher_suite);
	if (!suite || suite->version != TLSW_VERSION_TLS13 ||
	    !tlshake_hs_offers(hs->suites, hs->num_suites, sh.cipher_suite) ||
	    (hs->suite && hs->suite != suite))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);

	if (sh.hrr)
		return tlshake_client_hello_retry(hs, msg, &sh, suite);

	/* We offered no PSK: the server cannot have selected one. */
	if (tlsw_exts_has(&sh.ext, TLSW_EXTB_PRE_SHARED_KEY))
		return tlshake_fail(hs, TLSW_ALERT_UNSUPPORTED_EXTENSION);
	if (!tlsw_exts_has(&sh.ext, TLSW_EXTB_KEY_SHARE))
		return tlshake_fail(hs, TLSW_ALERT_MISSING_EXTENSION);
	ks = &sh.ext.key_share;
	if (ks->group != hs->group ||
	    ks->key.len != tlshake_kex_public_len(hs->group))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);

	err = tlshake_tls13_select_suite(hs, suite);
	if (err)
		return err;
	err = tlshake_hs_hash(hs, msg);
	if (err)
		return err;

	err = tlshake_kex_derive(&hs->kex, ks->key.data, ks->key.len, shared,
				 &shared_len);
	if (err == -EINVAL)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (!err)
		err = tlshake_tls13_handshake_keys(hs, shared, shared_len);
	memzero_explicit(shared, sizeof(shared));
	tlshake_kex_free(&hs->kex);
	*state = TLSHAKE_C_WAIT_EE;
	return err;
}

/**
 * tlshake_client_server_exts - check the server's answers to our offers
 * @hs: the handshake
 * @e: the extensions of EncryptedExtensions, or of a TLS 1.2 ServerHello
 *
 * Every extension the server sends must answer one of ours (RFC 8446
 * 4.2, RFC 5246 7.4.1.4): ALPN one name we offered, server_name
 * acknowledging our SNI.  supported_groups only informs.  The agreed
 * protocol goes into @hs.
 *
 * Return: 0 or a negative errno, the alert set.
 */
int tlshake_client_server_exts(struct tlshake_hs *hs,
			       const struct tlsw_exts *e)
{
	const struct tlshake_params *p = hs->params;
	struct tlsw_slice it, name;
	bool offered = false;

	if ((tlsw_exts_has(e, TLSW_EXTB_SERVER_NAME) &&
	     !tlshake_client_sends_sni(hs)) ||
	    (tlsw_exts_has(e, TLSW_EXTB_ALPN) && !p->alpn))
		return tlshake_fail(hs, TLSW_ALERT_UNSUPPORTED_EXTENSION);

	if (tlsw_exts_has(e, TLSW_EXTB_ALPN)) {
		tlsw_slice_init(&it, p->alpn, p->alpn_len);
		while (!offered && tlsw_alpn_next(&it, &name))
			offered = name.len == e->alpn.len &&
				  !memcmp(name.data, e->alpn.data, name.len);
		if (!offered)
			return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
		memcpy(hs->alpn, e->alpn.data, e->alpn.len);
		hs->alpn_len = e->alpn.len;
	}
	return 0;
}

/* We offer no early data. */
static int tlshake_client_encrypted_extensions(struct tlshake_hs *hs,
					       const struct tlsw_hs_msg *msg)
{
	enum tlsw_alert alert;
	struct tlsw_exts e;
	int err;

	err = tlsw_parse_encrypted_extensions(msg->body.data, msg->body.len,
					      &e, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (tlsw_exts_has(&e, TLSW_EXTB_EARLY_DATA))
		return tlshake_fail(hs, TLSW_ALERT_UNSUPPORTED_EXTENSION);
	err = tlshake_client_server_exts(hs, &e);
	if (err)
		return err;
	return tlshake_hs_hash(hs, msg);
}

/* During the handshake the request's context is empty (RFC 8446 4.3.2).
 * We answer with our chain if we have one and our key can sign with a
 * scheme the server accepts, else with an empty Certificate (4.4.2.3):
 * the server decides whether that is enough.
 */
static int tlshake_client_certificate_request(struct tlshake_hs *hs,
					      const struct tlsw_hs_msg *msg)
{
	struct tlsw_certificate_request cr;
	enum tlsw_alert alert;
	unsigned int i;
	int err;

	err = tlsw_parse_certificate_request(msg->body.data, msg->body.len,
					     &cr, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (cr.context.len)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	hs->cert_requested = true;
	for (i = 0; hs->key && !hs->sig_scheme && i < hs->num_sig_schemes; i++)
		if (tlsw_u16_list_has(&cr.ext.sig_algs, hs->sig_schemes[i]) &&
		    tlshake_sig_key_fits_priv(hs->key, hs->sig_schemes[i]))
			hs->sig_scheme = hs->sig_schemes[i];
	return tlshake_hs_hash(hs, msg);
}

/* The server's Finished verified: derive the application keys, then send
 * our second flight: the compatibility ChangeCipherSpec, Certificate and
 * CertificateVerify if a certificate was requested, and Finished.
 */
static int tlshake_client_finished(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg)
{
	int err;

	err = tlshake_tls13_recv_finished(hs, msg);
	if (!err)
		err = tlshake_rl_read_done(&hs->rl);
	if (!err)
		err = tlshake_tls13_app_keys(hs);
	if (!err)
		err = tlshake_hs_send_ccs(hs);
	if (!err)
		err = tlshake_tls13_write_handshake_key(hs);
	if (!err && hs->cert_requested)
		err = tlshake_tls13_send_certificate(hs, !hs->sig_scheme);
	if (!err && hs->cert_requested && hs->sig_scheme)
		err = tlshake_tls13_send_cert_verify(hs);
	if (!err)
		err = tlshake_tls13_send_finished(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	return err;
}

static int tlshake_client_step(struct tlshake_hs *hs,
			       const struct tlsw_hs_msg *msg,
			       enum tlshake_client_state *state)
{
	int err;

	switch (*state) {
	case TLSHAKE_C_WAIT_SH:
		if (msg->type != TLSW_HS_SERVER_HELLO)
			break;
		return tlshake_client_server_hello(hs, msg, state);
	case TLSHAKE_C_WAIT_EE:
		if (msg->type != TLSW_HS_ENCRYPTED_EXTENSIONS)
			break;
		*state = TLSHAKE_C_WAIT_CERT_CR;
		return tlshake_client_encrypted_extensions(hs, msg);
	case TLSHAKE_C_WAIT_CERT_CR:
		if (msg->type == TLSW_HS_CERTIFICATE_REQUEST) {
			*state = TLSHAKE_C_WAIT_CERT;
			return tlshake_client_certificate_request(hs, msg);
		}
		fallthrough;
	case TLSHAKE_C_WAIT_CERT:
		if (msg->type != TLSW_HS_CERTIFICATE)
			break;
		*state = TLSHAKE_C_WAIT_CV;
		return tlshake_tls13_recv_certificate(hs, msg);
	case TLSHAKE_C_WAIT_CV:
		if (msg->type != TLSW_HS_CERTIFICATE_VERIFY)
			break;
		*state = TLSHAKE_C_WAIT_FINISHED;
		return tlshake_tls13_recv_cert_verify(hs, msg);
	case TLSHAKE_C_WAIT_FINISHED:
		if (msg->type != TLSW_HS_FINISHED)
			break;
		err = tlshake_client_finished(hs, msg);
		*state = TLSHAKE_C_DONE;
		return err;
	case TLSHAKE_C_DONE:
		break;
	}
	return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
}

/**
 * tlshake_tls13_client - run the handshake as a TLS 1.3 client
 * @hs: the handshake, its configuration set
 *
 * Return: 0 once our Finished is sent and the application keys are in
 * @hs, or a negative errno.
 */
int tlshake_tls13_client(struct tlshake_hs *hs)
{
	enum tlshake_client_state state = TLSHAKE_C_WAIT_SH;
	struct tlsw_hs_msg msg;
	int err;

	get_random_bytes(hs->random, sizeof(hs->random));
	/* RFC 8446 D.4: a session ID makes middleboxes see a resumption.
	 * A TLS 1.2 session is offered by its ID; one resumed by a ticket
	 * alone gets a fresh ID, which the server echoes if it accepts the
	 * ticket (RFC 5077 3.4).
	 */
	if (hs->resume.session_id.len) {
		hs->session_id_len = hs->resume.session_id.len;
		memcpy(hs->session_id, hs->resume.session_id.data,
		       hs->session_id_len);
	} else {
		hs->session_id_len = TLSW_SESSION_ID_MAX;
		get_random_bytes(hs->session_id, hs->session_id_len);
	}

	hs->group = hs->groups[0];
	err = tlshake_kex_init(&hs->kex, hs->group);
	if (err)
		return err;
	err = tlshake_client_hello(hs, NULL);
	if (err)
		return err;
	err = tlshake_rl_flush(&hs->rl, false);
	if (err)
		return err;
	hs->rl.ccs_allowed = true;

	while (state != TLSHAKE_C_DONE) {
		err = tlshake_hs_read(hs, &msg);
		if (err)
			return err;
		err = tlshake_client_step(hs, &msg, &state);
		if (err)
			return err;
	}
	return 0;
}
