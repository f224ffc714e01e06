// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.2 server (RFC 5246 7.3, ECDHE as RFC 8422 says, DHE over the
 * groups of RFC 7919, RSA key transport when configured), taking over
 * from the TLS 1.3 server at a ClientHello that does not offer TLS 1.3
 * (or when we are capped at TLS 1.2): our flight, ServerHello,
 * Certificate, ServerKeyExchange but for RSA key transport,
 * CertificateRequest if the caller wants the client's certificate, and
 * ServerHelloDone; then the client's Certificate if asked,
 * ClientKeyExchange, CertificateVerify if it sent a certificate,
 * ChangeCipherSpec and Finished; then our ChangeCipherSpec and Finished.
 *
 * A session the client offers by its session ID or by a ticket (RFC 5246
 * 7.3, RFC 5077 3.4) is resumed if it may be: ServerHello, our
 * NewSessionTicket if the client takes tickets, ChangeCipherSpec and
 * Finished; then the client's ChangeCipherSpec and Finished.  A full
 * handshake gives its session a fresh session ID and, if the client takes
 * tickets, a NewSessionTicket before our ChangeCipherSpec; the session
 * goes into the cache once the handshake is complete.
 *
 * The server chooses by its own preference, as the TLS 1.3 server does:
 * the first of its cipher suites (or of the client's, if so configured)
 * that goes with its key and a group both support, and the first of its
 * groups and signature schemes that the client offers.  Each message is
 * taken in a state that expects it; any other message is an
 * unexpected_message.
 */

#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <crypto/sha2.h>

#include "handshake.h"
#include "session_cache.h"
#include "session_ticket.h"
#include "sig.h"

/**
 * enum tlshake_server12_state - what the TLS 1.2 server waits for
 * @TLSHAKE_S12_WAIT_CERT: the client's Certificate, which we asked for
 * @TLSHAKE_S12_WAIT_CKE: ClientKeyExchange
 * @TLSHAKE_S12_WAIT_CV: the client's CertificateVerify
 * @TLSHAKE_S12_WAIT_FINISHED: the client's Finished, after its
 *	ChangeCipherSpec
 * @TLSHAKE_S12_WAIT_RESUMED_FINISHED: the same in a resumed session, our
 *	Finished already sent
 * @TLSHAKE_S12_DONE: nothing: the handshake is complete
 */
enum tlshake_server12_state {
	TLSHAKE_S12_WAIT_CERT,
	TLSHAKE_S12_WAIT_CKE,
	TLSHAKE_S12_WAIT_CV,
	TLSHAKE_S12_WAIT_FINISHED,
	TLSHAKE_S12_WAIT_RESUMED_FINISHED,
	TLSHAKE_S12_DONE,
};

/* The kind of signature our key makes, which the suite must name. */
static enum tlshake_suite_auth tlshake_server12_auth(struct tlshake_hs *hs)
{
	return tlshake_privkey_type(hs->key) == TLSHAKE_KEY_RSA ?
	       TLSHAKE_AUTH_RSA : TLSHAKE_AUTH_ECDSA;
}

/* RFC 8422 5.1: a client's supported_groups names the curves it takes
 * in ECDSA certificates too: ours must be among them.
 */
static bool tlshake_server12_curve_ok(struct tlshake_hs *hs,
				      const struct tlsw_client_hello *ch)
{
	u16 curve = tlshake_privkey_type(hs->key) == TLSHAKE_KEY_EC_P256 ?
		    TLSW_GROUP_SECP256R1 : TLSW_GROUP_SECP384R1;

	return !tlsw_exts_has(&ch->ext, TLSW_EXTB_SUPPORTED_GROUPS) ||
	       tlsw_u16_list_has(&ch->ext.groups, curve);
}

/* RFC 7919 4: a client that names a finite-field group (256 to 511)
 * takes DHE only in one of those; one that names none leaves the group
 * to us.
 */
static bool tlshake_server12_names_ffdhe(const struct tlsw_client_hello *ch)
{
	size_t i, n = tlsw_u16_list_count(&ch->ext.groups);

	for (i = 0; i < n; i++)
		if ((tlsw_u16_list_at(&ch->ext.groups, i) & 0xff00) == 0x0100)
			return true;
	return false;
}

/* The first of our groups of the kind the key exchange needs (RFC 8422
 * 5.1.1, RFC 7919 4) that the client supports, or 0.  A client that does
 * not say leaves the choice to us.
 */
static u16 tlshake_server12_group(struct tlshake_hs *hs,
				  const struct tlsw_client_hello *ch,
				  bool ffdhe)
{
	bool listed = tlsw_exts_has(&ch->ext, TLSW_EXTB_SUPPORTED_GROUPS);
	unsigned int i;
	u16 group;

	if (ffdhe && listed)
		listed = tlshake_server12_names_ffdhe(ch);
	for (i = 0; i < hs->num_groups; i++) {
		group = hs->groups[i];
		if (tlshake_kex_is_ffdhe(group) == ffdhe &&
		    (!listed || tlsw_u16_list_has(&ch->ext.groups, group)))
			return group;
	}
	return 0;
}

/* Whether @suite goes with our key and a group we share with the client;
 * if so the group (none for RSA key transport) is in @hs->group.
 */
static bool tlshake_server12_suite_fits(struct tlshake_hs *hs,
					const struct tlsw_client_hello *ch,
					const struct tlshake_suite *suite)
{
	enum tlshake_suite_auth auth = tlshake_server12_auth(hs);

	if (suite->version != TLSW_VERSION_TLS12 || suite->auth != auth)
		return false;
	switch (suite->kx) {
	case TLSW_KX_ECDHE:
		hs->group = tlshake_server12_group(hs, ch, false);
		return hs->group && (auth != TLSHAKE_AUTH_ECDSA ||
				     tlshake_server12_curve_ok(hs, ch));
	case TLSW_KX_DHE:
		hs->group = tlshake_server12_group(hs, ch, true);
		return hs->group;
	case TLSW_KX_RSA:
		hs->group = 0;
		return true;
	}
	return false;
}

static const struct tlshake_suite *
tlshake_server12_choose_suite(struct tlshake_hs *hs,
			      const struct tlsw_client_hello *ch)
{
	const struct tlshake_suite *suite;
	unsigned int pos = 0;

	while ((suite = tlshake_server_suite_next(hs, &ch->cipher_suites,
						  &pos)))
		if (tlshake_server12_suite_fits(hs, ch, suite))
			return suite;
	return NULL;
}

/* The first of @n @schemes that the client lists and our key makes, as
 * TLS 1.3 pairs ECDSA hashes and curves if @strict, else as TLS 1.2 does.
 */
static bool tlshake_server12_scheme_from(struct tlshake_hs *hs,
					 const struct tlsw_client_hello *ch,
					 const u16 *schemes, unsigned int n,
					 bool strict)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (!tlsw_u16_list_has(&ch->ext.sig_algs, schemes[i]))
			continue;
		if (strict ? tlshake_sig_key_fits_priv(hs->key, schemes[i]) :
		    tlshake_sig_key_fits_priv_tls12(hs->key, schemes[i])) {
			hs->sig_scheme = schemes[i];
			return true;
		}
	}
	return false;
}

/* The scheme of our ServerKeyExchange signature, of those the client
 * lists: the first of ours whose hash goes with our curve, then the first
 * of ours with any hash (RFC 5246 7.4.1.4.1 lets ECDSA take any), then
 * RSA PKCS#1 v1.5.  A client without signature_algorithms accepts SHA-1
 * alone (RFC 5246 7.4.1.4.1), which we do not sign with.
 */
static int tlshake_server12_choose_sig_scheme(struct tlshake_hs *hs,
					      const struct tlsw_client_hello *ch)
{
	if (!tlsw_exts_has(&ch->ext, TLSW_EXTB_SIGNATURE_ALGORITHMS))
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	if (tlshake_server12_scheme_from(hs, ch, hs->sig_schemes,
					 hs->num_sig_schemes, true) ||
	    tlshake_server12_scheme_from(hs, ch, hs->sig_schemes,
					 hs->num_sig_schemes, false) ||
	    tlshake_server12_scheme_from(hs, ch, tlshake_pkcs1_schemes,
					 TLSHAKE_NUM_PKCS1_SCHEMES, false))
		return 0;
	return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
}

/* What a TLS 1.2 ClientHello must carry for us.
 *
 * Compression: RFC 5246 7.4.1.2 requires null among the methods offered
 * but names no alert for a ClientHello without it; we send
 * illegal_parameter, as RFC 8446 4.1.2 does for a TLS 1.3 ClientHello
 * that offers other compression (OpenSSL sends decode_error).
 *
 * RFC 7627 5.3: a server that requires the extended master secret aborts
 * with handshake_failure if the client does not offer it; without it the
 * session is open to the triple handshake attack.
 *
 * RFC 5746 3.6: the client signals secure renegotiation with an empty
 * renegotiation_info or the SCSV; a renegotiated_connection that is not
 * empty in an initial handshake is a handshake_failure.  We also refuse a
 * client that signals neither, as our client refuses such a server.
 */
static int tlshake_server12_check_hello(struct tlshake_hs *hs,
					const struct tlsw_client_hello *ch)
{
	const struct tlsw_exts *e = &ch->ext;
	bool reneg;

	if (!memchr(ch->compression_methods.data, 0,
		    ch->compression_methods.len))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (!tlsw_exts_has(e, TLSW_EXTB_EXTENDED_MASTER_SECRET))
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	reneg = tlsw_exts_has(e, TLSW_EXTB_RENEGOTIATION_INFO);
	if ((reneg && e->renegotiation_info.len) ||
	    (!reneg && !tlsw_u16_list_has(&ch->cipher_suites,
					  TLSW_TLS_EMPTY_RENEGOTIATION_INFO_SCSV)))
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	return 0;
}

/* RFC 5246 7.4.1.3, with the answers RFC 7627 5.1, RFC 5746 3.6, RFC
 * 8422 5.2 and RFC 5077 3.2 ask for.  The session ID is the session's:
 * fresh, or the client's echoed when resumed.  A resumed session
 * acknowledges no server_name (RFC 6066 3).  A server that could have
 * negotiated TLS 1.3 says it was not asked to.
 */
static int tlshake_server12_hello(struct tlshake_hs *hs,
				  const struct tlsw_client_hello *ch,
				  bool sni)
{
	static const u8 point_formats[] = { TLSW_EC_POINT_UNCOMPRESSED };
	struct tlsw_msg_wr m;
	struct tlsw_slice name;
	struct tlsw_wr w;

	get_random_bytes(hs->random, sizeof(hs->random));
	if (hs->max_version == TLSW_VERSION_TLS13)
		tlsw_random_set_downgrade_marker(hs->random);

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_server_hello_begin(&w, &m, hs->random, hs->session_id,
				      hs->session_id_len, hs->suite->id);
	tlsw_build_ext_u8_list(&w, TLSW_EXT_RENEGOTIATION_INFO, NULL, 0);
	tlsw_build_ext_empty(&w, TLSW_EXT_EXTENDED_MASTER_SECRET);
	if (tlsw_exts_has(&ch->ext, TLSW_EXTB_EC_POINT_FORMATS))
		tlsw_build_ext_u8_list(&w, TLSW_EXT_EC_POINT_FORMATS,
				       point_formats,
				       ARRAY_SIZE(point_formats));
	if (sni && !hs->resumed)
		tlsw_build_ext_empty(&w, TLSW_EXT_SERVER_NAME);
	if (hs->ticket_expected)
		tlsw_build_ext_empty(&w, TLSW_EXT_SESSION_TICKET);
	if (hs->alpn_len) {
		tlsw_slice_init(&name, hs->alpn, hs->alpn_len);
		tlsw_build_ext_alpn(&w, &name, 1);
	}
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

/* Our parameters as ServerKeyExchange carries them: the named curve and
 * our point (RFC 8422 5.4), or the RFC 7919 group's prime and generator
 * and our Ys (RFC 5246 7.4.3), Ys padded to the prime's length as TLS 1.3
 * sends it.
 */
static void tlshake_server12_params(struct tlshake_hs *hs, struct tlsw_wr *w,
				    const u8 *pub, size_t pub_len)
{
	const u8 *p;
	u8 g;

	if (hs->suite->kx == TLSW_KX_ECDHE) {
		tlsw_build_ecdhe_params(w, hs->group, pub, pub_len);
		return;
	}
	p = tlshake_kex_ffdhe_prime(hs->group, &g);
	tlsw_build_dhe_params(w, p, tlshake_kex_public_len(hs->group), &g, 1,
			      pub, pub_len);
}

/* Our ephemeral public value, signed over both randoms and the
 * parameters.  The key pair stays in @hs->kex for the ClientKeyExchange.
 */
static int tlshake_server12_key_exchange(struct tlshake_hs *hs)
{
	size_t pub_len, params_len, sig_len, len;
	u8 *pub, *content = NULL, *sig = NULL;
	struct tlsw_wr w;
	int err;

	err = tlshake_kex_init(&hs->kex, hs->group);
	if (!err)
		err = tlshake_kex_public_alloc(&hs->kex, &pub, &pub_len);
	if (err)
		return err;
	sig_len = tlshake_sig_max_len(hs->key);
	/* client_random || server_random || the parameters: at most p, g
	 * and Ys with their lengths
	 */
	len = 2 * TLSW_RANDOM_LEN + 4 + pub_len;
	if (hs->suite->kx == TLSW_KX_DHE)
		len += 2 + pub_len + 2 + 1 + 2;
	content = kmalloc(len, GFP_KERNEL);
	sig = kmalloc(sig_len, GFP_KERNEL);
	if (!content || !sig) {
		err = -ENOMEM;
		goto out;
	}

	memcpy(content, hs->peer_random, TLSW_RANDOM_LEN);
	memcpy(content + TLSW_RANDOM_LEN, hs->random, TLSW_RANDOM_LEN);
	tlsw_wr_init(&w, content + 2 * TLSW_RANDOM_LEN,
		     len - 2 * TLSW_RANDOM_LEN);
	tlshake_server12_params(hs, &w, pub, pub_len);
	err = tlsw_wr_error(&w);
	if (err)
		goto out;
	params_len = w.len;
	err = tlshake_sig_sign_tls12(hs->key, hs->sig_scheme, content,
				     2 * TLSW_RANDOM_LEN + params_len, sig,
				     &sig_len);
	if (err)
		goto out;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_server_key_exchange(&w, content + 2 * TLSW_RANDOM_LEN,
				       params_len, hs->sig_scheme, sig,
				       sig_len);
	err = tlshake_hs_send(hs, &w);
out:
	kfree(sig);
	kfree(content);
	kfree(pub);
	return err;
}

/* RFC 5246 7.4.4: the kinds of key we take, the schemes a
 * CertificateVerify may use (tlshake_tls12_cv_scheme_ok() keeps those of
 * the suite's hash) and the names of our trust anchors, as for TLS 1.3.
 * Only ServerHelloDone follows in the flight.
 */
static int tlshake_server12_certificate_request(struct tlshake_hs *hs)
{
	static const u8 types[] = {
		TLSW_CERT_TYPE_ECDSA_SIGN, TLSW_CERT_TYPE_RSA_SIGN,
	};
	u16 schemes[TLSHAKE_LIST_MAX];
	unsigned int i, n_schemes = 0;
	struct tlsw_slice *names;
	struct tlsw_wr w;
	int n;

	for (i = 0; i < hs->num_sig_schemes; i++)
		if (tlshake_tls12_cv_scheme_ok(hs, hs->sig_schemes[i]))
			schemes[n_schemes++] = hs->sig_schemes[i];
	if (!n_schemes)
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	n = tlshake_server_ca_names(hs, &names);
	if (n < 0)
		return n;
	hs->cert_requested = true;
	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_certificate_request12(&w, types, ARRAY_SIZE(types), schemes,
					 n_schemes, names, n,
					 TLSW_HS_HEADER_LEN);
	kfree(names);
	return tlshake_hs_send(hs, &w);
}

static int tlshake_server12_flight(struct tlshake_hs *hs,
				   const struct tlsw_client_hello *ch,
				   bool sni)
{
	struct tlsw_wr w;
	int err;

	err = tlshake_server12_hello(hs, ch, sni);
	if (!err)
		err = tlshake_tls12_send_certificate(hs, false);
	/* RFC 5246 7.4.3: RSA key transport has no ServerKeyExchange. */
	if (!err && hs->suite->kx != TLSW_KX_RSA)
		err = tlshake_server12_key_exchange(hs);
	if (!err && (hs->params->verify & (TLSHAKE_VERIFY_REQUEST_CLIENT |
					   TLSHAKE_VERIFY_REQUIRE_CLIENT)))
		err = tlshake_server12_certificate_request(hs);
	if (err)
		return err;
	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_server_hello_done(&w);
	err = tlshake_hs_send(hs, &w);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	return err;
}

/* What the client sends when asked for a certificate: a chain goes
 * through the same checks as a server's; an empty one passes only if the
 * caller does not insist on a certificate (RFC 5246 7.4.6:
 * handshake_failure).
 */
static int tlshake_server12_client_certificate(struct tlshake_hs *hs,
					       const struct tlsw_hs_msg *msg)
{
	int err;

	err = tlshake_tls12_recv_certificate(hs, msg);
	if (err)
		return err;
	if (!hs->peer_key &&
	    (hs->params->verify & TLSHAKE_VERIFY_REQUIRE_CLIENT))
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	return 0;
}

/* RFC 5246 7.4.7.1: the premaster secret the client encrypted to our
 * key, or a random one if it does not decrypt to one of the client's
 * version: the handshake goes on alike and fails at Finished.  Only a
 * ciphertext of the wrong length, which is public, is refused here.
 */
static int tlshake_server12_rsa_pms(struct tlshake_hs *hs,
				    const struct tlsw_slice *ct, u8 *pms,
				    size_t *pms_len)
{
	int err;

	err = tlshake_rsa_decrypt_pms(hs->key, ct->data, ct->len, pms,
				      hs->client_version);
	if (err == -EBADMSG)
		return tlshake_fail(hs, TLSW_ALERT_DECODE_ERROR);
	*pms_len = TLSHAKE_RSA_PMS_LEN;
	return err;
}

/* The client's public value, the premaster secret of its exchange with
 * ours (the kex layer checks the value: 1 < Yc < p - 1 for DHE, RFC 7919
 * 5.1, a point on the curve for ECDHE).
 */
static int tlshake_server12_dh_pms(struct tlshake_hs *hs,
				   const struct tlsw_slice *pub, u8 *pms,
				   size_t *pms_len)
{
	int err;

	/* A finite-field Yc may come without its leading zeros. */
	if (hs->suite->kx == TLSW_KX_ECDHE &&
	    pub->len != tlshake_kex_public_len(hs->group))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	err = tlshake_kex_derive_tls12(&hs->kex, pub->data, pub->len, pms,
				       pms_len);
	tlshake_kex_free(&hs->kex);
	if (err == -EINVAL)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	return err;
}

/* The premaster secret and the master secret over the transcript up to
 * this message (RFC 7627 4).  The keys the client's ChangeCipherSpec is
 * to turn on wait for its CertificateVerify, if a certificate came: a
 * ChangeCipherSpec before it is out of turn.
 */
static int tlshake_server12_client_key_exchange(struct tlshake_hs *hs,
						const struct tlsw_hs_msg *msg)
{
	u8 pms[TLSHAKE_KEX_MAX_SECRET];
	size_t pms_len = sizeof(pms);
	struct tlsw_slice exchange;
	enum tlsw_alert alert;
	int err;

	err = tlsw_parse_client_key_exchange(msg->body.data, msg->body.len,
					     hs->suite->kx, &exchange, &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (hs->suite->kx == TLSW_KX_RSA)
		err = tlshake_server12_rsa_pms(hs, &exchange, pms, &pms_len);
	else
		err = tlshake_server12_dh_pms(hs, &exchange, pms, &pms_len);
	if (!err)
		err = tlshake_hs_hash(hs, msg);
	if (!err)
		err = tlshake_tls12_master_secret(hs, pms, pms_len);
	memzero_explicit(pms, sizeof(pms));
	if (!err && !hs->peer_key)
		err = tlshake_tls12_keys(hs);
	return err;
}

/* The clock of sessions: seconds since boot, which never goes back. */
static u64 tlshake_server12_now(void)
{
	return ktime_get_boottime_seconds();
}

static void tlshake_server12_digest_part(struct sha256_state *st,
					 const void *data, u32 len)
{
	__be32 be_len = cpu_to_be32(len);

	sha256_update(st, (const u8 *)&be_len, sizeof(be_len));
	if (len)
		sha256_update(st, data, len);
}

/* What a session resumes under: our certificate chain, the name we
 * answer to, and whether and against which anchors or pin we verify
 * clients.
 * Under another configuration it would resume with a certificate the
 * client never saw, or a client identity checked by rules not ours.
 */
static void tlshake_server12_context(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	u8 verify = p->verify;
	struct sha256_state st;

	sha256_init(&st);
	tlshake_server12_digest_part(&st, p->cert_chain, p->cert_chain_len);
	tlshake_server12_digest_part(&st, p->server_name, p->server_name ?
				     strlen(p->server_name) : 0);
	tlshake_server12_digest_part(&st, &verify, sizeof(verify));
	tlshake_server12_digest_part(&st, hs->trust_anchors,
				     hs->trust_anchors_len);
	tlshake_server12_digest_part(&st, p->peer_pubkey_pin,
				     p->peer_pubkey_pin ?
				     SHA256_DIGEST_SIZE : 0);
	sha256_final(&st, hs->srv_session.context);
}

/* The session the client offers, by ticket, else by session ID, if it
 * may resume here: made under this configuration, within its lifetime,
 * of a suite we allow and the client offers, with the extended master
 * secret (RFC 7627 5.3; a ClientHello without it does not come this far,
 * tlshake_server12_check_hello() aborts), and with a client certificate
 * if we require one.  Anything else, a ticket that does not open
 * included, is a full handshake.
 *
 * Return: the session's suite, its session in @hs->srv_session; or NULL.
 */
static const struct tlshake_suite *
tlshake_server12_find_session(struct tlshake_hs *hs,
			      const struct tlsw_client_hello *ch)
{
	const struct tlsw_slice *ticket = &ch->ext.session_ticket;
	const u8 *context = hs->srv_session.context;
	const struct tlshake_suite *suite = NULL;
	u64 now = tlshake_server12_now();
	struct tlsw_server_session s;
	bool found = false;

	if (hs->ticket_expected && ticket->len)
		found = tlshake_ticket_open(&tlshake_ticket_keys, ticket->data,
					    ticket->len, context, now, &s);
	if (!found)
		found = tlshake_session_cache_lookup(&tlshake_sessions,
						     ch->session_id.data,
						     ch->session_id.len,
						     context, now, &s);
	if (found)
		suite = tlshake_suite_find(s.cipher_suite);
	if (suite &&
	    (suite->version != TLSW_VERSION_TLS12 ||
	     !tlshake_hs_offers(hs->suites, hs->num_suites, suite->id) ||
	     !tlsw_u16_list_has(&ch->cipher_suites, suite->id) ||
	     !(s.flags & TLSW_SESSION_EMS) ||
	     ((hs->params->verify & TLSHAKE_VERIFY_REQUIRE_CLIENT) &&
	      !(s.flags & TLSW_SESSION_PEER))))
		suite = NULL;
	if (suite)
		hs->srv_session = s;
	memzero_explicit(&s, sizeof(s));
	return suite;
}

/* The session of a full handshake, once the client's Finished proved
 * that the client holds its master secret.
 */
static void tlshake_server12_new_session(struct tlshake_hs *hs)
{
	struct tlsw_server_session *s = &hs->srv_session;

	s->cipher_suite = hs->suite->id;
	s->flags = TLSW_SESSION_EMS;
	if (hs->peer_chain) {
		s->flags |= TLSW_SESSION_PEER;
		sha256(hs->peer_chain, hs->peer_chain_len, s->peer);
	}
	if (hs->peer_verified)
		s->flags |= TLSW_SESSION_PEER_VERIFIED;
	s->created = tlshake_server12_now();
	memcpy(s->master_secret, hs->ks.secret, TLSW_MASTER_SECRET_LEN);
}

/* RFC 5077 3.3: the session sealed for the client to keep, with the time
 * it has left to resume as the lifetime hint.  Queued, to go out before
 * our ChangeCipherSpec.
 */
static int tlshake_server12_new_session_ticket(struct tlshake_hs *hs)
{
	const struct tlsw_server_session *s = &hs->srv_session;
	u64 now = tlshake_server12_now();
	struct tlsw_wr w;
	u8 *ticket;
	int err;

	ticket = kmalloc(TLSW_TICKET_LEN, GFP_KERNEL);
	if (!ticket)
		return -ENOMEM;
	err = tlshake_ticket_seal(&tlshake_ticket_keys, s, now, ticket);
	if (!err) {
		tlshake_rl_msg_begin(&hs->rl, &w);
		tlsw_build_new_session_ticket12(&w, tlshake_ticket_keys.lifetime -
						(now - s->created), ticket,
						TLSW_TICKET_LEN);
		err = tlshake_hs_send(hs, &w);
	}
	kfree(ticket);
	return err;
}

/* The client's Finished checked, ours goes out after our ChangeCipherSpec. */
static int tlshake_server12_finished(struct tlshake_hs *hs,
				     const struct tlsw_hs_msg *msg)
{
	int err;

	err = tlshake_tls12_recv_finished(hs, msg);
	if (!err)
		err = tlshake_rl_read_done(&hs->rl);
	if (!err)
		tlshake_server12_new_session(hs);
	if (!err && hs->ticket_expected)
		err = tlshake_server12_new_session_ticket(hs);
	if (!err)
		err = tlshake_tls12_send_finished(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	return err;
}

static int tlshake_server12_step(struct tlshake_hs *hs,
				 const struct tlsw_hs_msg *msg,
				 enum tlshake_server12_state *state)
{
	int err;

	switch (*state) {
	case TLSHAKE_S12_WAIT_CERT:
		if (msg->type != TLSW_HS_CERTIFICATE)
			break;
		*state = TLSHAKE_S12_WAIT_CKE;
		return tlshake_server12_client_certificate(hs, msg);
	case TLSHAKE_S12_WAIT_CKE:
		if (msg->type != TLSW_HS_CLIENT_KEY_EXCHANGE)
			break;
		*state = hs->peer_key ? TLSHAKE_S12_WAIT_CV :
			 TLSHAKE_S12_WAIT_FINISHED;
		return tlshake_server12_client_key_exchange(hs, msg);
	case TLSHAKE_S12_WAIT_CV:
		if (msg->type != TLSW_HS_CERTIFICATE_VERIFY)
			break;
		*state = TLSHAKE_S12_WAIT_FINISHED;
		err = tlshake_tls12_recv_cert_verify(hs, msg);
		if (!err)
			err = tlshake_tls12_keys(hs);
		return err;
	case TLSHAKE_S12_WAIT_FINISHED:
		if (msg->type != TLSW_HS_FINISHED)
			break;
		*state = TLSHAKE_S12_DONE;
		return tlshake_server12_finished(hs, msg);
	case TLSHAKE_S12_WAIT_RESUMED_FINISHED:
		if (msg->type != TLSW_HS_FINISHED)
			break;
		*state = TLSHAKE_S12_DONE;
		err = tlshake_tls12_recv_finished(hs, msg);
		if (!err)
			err = tlshake_rl_read_done(&hs->rl);
		return err;
	case TLSHAKE_S12_DONE:
		break;
	}
	return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
}

/* The abbreviated handshake (RFC 5246 7.3): the session's master secret
 * gives the keys; our Finished comes first, then the client's.  The
 * ServerHello echoes the client's session ID, which RFC 5077 3.4 asks
 * for a ticket as well.
 */
static int tlshake_server12_resume(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg,
				   const struct tlsw_client_hello *ch,
				   const struct tlshake_suite *suite, bool sni)
{
	enum tlshake_server12_state state = TLSHAKE_S12_WAIT_RESUMED_FINISHED;
	struct tlsw_hs_msg next;
	int err;

	hs->resumed = true;
	hs->peer_verified = hs->srv_session.flags & TLSW_SESSION_PEER_VERIFIED;
	err = tlshake_tls13_select_suite(hs, suite);
	if (!err)
		err = tlshake_hs_hash(hs, msg);
	if (err)
		return err;
	memcpy(hs->peer_random, ch->random, TLSW_RANDOM_LEN);
	memcpy(hs->ks.secret, hs->srv_session.master_secret,
	       TLSW_MASTER_SECRET_LEN);
	hs->session_id_len = ch->session_id.len;
	memcpy(hs->session_id, ch->session_id.data, ch->session_id.len);

	err = tlshake_server12_hello(hs, ch, sni);
	if (!err)
		err = tlshake_tls12_keys(hs);
	if (!err && hs->ticket_expected)
		err = tlshake_server12_new_session_ticket(hs);
	if (!err)
		err = tlshake_tls12_send_finished(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	while (!err && state != TLSHAKE_S12_DONE) {
		err = tlshake_hs_read(hs, &next);
		if (!err)
			err = tlshake_server12_step(hs, &next, &state);
	}
	return err;
}

/**
 * tlshake_tls12_server - run the rest of the handshake as a TLS 1.2 server
 * @hs: the handshake; the name the client asked for and the ALPN protocol
 *	are already checked and chosen
 * @msg: the client's ClientHello, not yet hashed
 * @ch: the message parsed
 * @sni: the client sent a server_name, which we acknowledge
 *
 * Return: 0 once our Finished is sent and the keys for kTLS are in @hs,
 * or a negative errno.
 */
int tlshake_tls12_server(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg,
			 const struct tlsw_client_hello *ch, bool sni)
{
	enum tlshake_server12_state state = TLSHAKE_S12_WAIT_CKE;
	const struct tlshake_suite *suite;
	struct tlsw_hs_msg next;
	int err;

	hs->version = TLSW_VERSION_TLS12;
	tlshake_rl_use_tls12(&hs->rl);
	err = tlshake_server12_check_hello(hs, ch);
	if (err)
		return err;
	hs->ticket_expected = tlsw_exts_has(&ch->ext, TLSW_EXTB_SESSION_TICKET);
	tlshake_server12_context(hs);
	suite = tlshake_server12_find_session(hs, ch);
	if (suite) {
		err = tlshake_server12_resume(hs, msg, ch, suite, sni);
		if (!err)
			tlshake_tls12_ktls_keys(hs);
		return err;
	}

	suite = tlshake_server12_choose_suite(hs, ch);
	if (!suite)
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	/* RSA key transport signs nothing. */
	if (suite->kx != TLSW_KX_RSA)
		err = tlshake_server12_choose_sig_scheme(hs, ch);
	if (!err)
		err = tlshake_tls13_select_suite(hs, suite);
	if (!err)
		err = tlshake_hs_hash(hs, msg);
	if (err)
		return err;
	memcpy(hs->peer_random, ch->random, TLSW_RANDOM_LEN);
	hs->client_version = ch->legacy_version;
	hs->session_id_len = TLSW_SESSION_ID_MAX;
	get_random_bytes(hs->session_id, hs->session_id_len);

	err = tlshake_server12_flight(hs, ch, sni);
	if (hs->cert_requested)
		state = TLSHAKE_S12_WAIT_CERT;
	while (!err && state != TLSHAKE_S12_DONE) {
		err = tlshake_hs_read(hs, &next);
		if (!err)
			err = tlshake_server12_step(hs, &next, &state);
	}
	if (err)
		return err;
	tlshake_tls12_ktls_keys(hs);
	tlshake_session_cache_store(&tlshake_sessions, hs->session_id,
				    &hs->srv_session);
	return 0;
}
