// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.3 server (RFC 8446 sections 2 and 4): ClientHello, perhaps a
 * HelloRetryRequest and a second ClientHello, our flight, then the
 * client's.  A ClientHello that does not offer TLS 1.3, or one we answer
 * capped at TLS 1.2, hands the handshake to the TLS 1.2 server.
 *
 * The server chooses by its own preference: the first of its cipher
 * suites, groups, signature schemes and ALPN protocols that the client
 * offers.  A group the client sent a share for is taken before one that
 * needs a HelloRetryRequest.
 *
 * The connection goes on after a HelloRetryRequest, so its state stays
 * here rather than in the cookie: the cookie is a random value the second
 * ClientHello must echo, and the second ClientHello must repeat the first
 * except where RFC 8446 4.1.2 allows it to differ.
 */

#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "handshake.h"
#include "sig.h"
#include "x509.h"

#define TLSHAKE_COOKIE_LEN	32

/**
 * enum tlshake_server_state - what the server waits for
 * @TLSHAKE_S_WAIT_CH: the first ClientHello
 * @TLSHAKE_S_WAIT_CH2: the ClientHello answering our HelloRetryRequest
 * @TLSHAKE_S_WAIT_CERT: the client's Certificate, which we asked for
 * @TLSHAKE_S_WAIT_CV: the client's CertificateVerify
 * @TLSHAKE_S_WAIT_FINISHED: the client's Finished
 * @TLSHAKE_S_DONE: nothing: the handshake is complete
 */
enum tlshake_server_state {
	TLSHAKE_S_WAIT_CH,
	TLSHAKE_S_WAIT_CH2,
	TLSHAKE_S_WAIT_CERT,
	TLSHAKE_S_WAIT_CV,
	TLSHAKE_S_WAIT_FINISHED,
	TLSHAKE_S_DONE,
};

/**
 * struct tlshake_server - the server's own state
 * @hs: the handshake
 * @state: what we wait for
 * @cookie: the cookie of our HelloRetryRequest
 * @ch1_random: the first ClientHello's random, which the second repeats
 * @sni: the client sent a server_name, which we acknowledge
 */
struct tlshake_server {
	struct tlshake_hs *hs;
	enum tlshake_server_state state;
	u8 cookie[TLSHAKE_COOKIE_LEN];
	u8 ch1_random[TLSW_RANDOM_LEN];
	bool sni;
};

static const struct tlshake_suite *
tlshake_server_choose_suite(struct tlshake_hs *hs,
			    const struct tlsw_client_hello *ch)
{
	const struct tlshake_suite *suite;
	unsigned int pos = 0;

	while ((suite = tlshake_server_suite_next(hs, &ch->cipher_suites,
						  &pos)))
		if (suite->version == TLSW_VERSION_TLS13)
			return suite;
	return NULL;
}

/* The first of our groups the client supports and sent a share for, else
 * the first it supports, for a HelloRetryRequest.  Sets @hs->group and
 * @share->key.len (0 when a HelloRetryRequest is needed).
 */
static int tlshake_server_choose_group(struct tlshake_hs *hs,
				       const struct tlsw_client_hello *ch,
				       struct tlsw_key_share *share)
{
	const struct tlsw_exts *e = &ch->ext;
	enum tlsw_alert alert;
	unsigned int i;
	int found;

	hs->group = 0;
	for (i = 0; i < hs->num_groups; i++) {
		if (!tlsw_u16_list_has(&e->groups, hs->groups[i]))
			continue;
		found = tlsw_key_share_find(&e->key_shares, hs->groups[i],
					    share, &alert);
		if (found < 0)
			return tlshake_fail(hs, alert);
		if (found) {
			hs->group = hs->groups[i];
			return 0;
		}
		if (!hs->group)
			hs->group = hs->groups[i];
	}
	if (!hs->group)
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	share->key.len = 0;
	return 0;
}

static int tlshake_server_choose_sig_scheme(struct tlshake_hs *hs,
					    const struct tlsw_client_hello *ch)
{
	unsigned int i;

	for (i = 0; i < hs->num_sig_schemes; i++) {
		if (tlsw_u16_list_has(&ch->ext.sig_algs, hs->sig_schemes[i]) &&
		    tlshake_sig_key_fits_priv(hs->key, hs->sig_schemes[i])) {
			hs->sig_scheme = hs->sig_schemes[i];
			return 0;
		}
	}
	return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
}

/* RFC 7301 3.2: our first protocol the client offers; none of them is a
 * no_application_protocol.  A client that offers none gets none.
 */
static int tlshake_server_choose_alpn(struct tlshake_hs *hs,
				      const struct tlsw_client_hello *ch)
{
	const struct tlshake_params *p = hs->params;
	struct tlsw_slice ours, theirs, a, b;

	if (!p->alpn || !tlsw_exts_has(&ch->ext, TLSW_EXTB_ALPN))
		return 0;
	tlsw_slice_init(&ours, p->alpn, p->alpn_len);
	while (tlsw_alpn_next(&ours, &a)) {
		theirs = ch->ext.alpn;
		while (tlsw_alpn_next(&theirs, &b)) {
			if (a.len == b.len && !memcmp(a.data, b.data, a.len)) {
				memcpy(hs->alpn, a.data, a.len);
				hs->alpn_len = a.len;
				return 0;
			}
		}
	}
	return tlshake_fail(hs, TLSW_ALERT_NO_APPLICATION_PROTOCOL);
}

/* A server given a name answers to that name alone: a client asking for
 * another gets unrecognized_name (RFC 6066 3); one naming none is served.
 * DNS names compare without regard to case.
 */
static int tlshake_server_check_name(struct tlshake_hs *hs,
				     const struct tlsw_client_hello *ch)
{
	const char *name = hs->params->server_name;
	const struct tlsw_slice *sni = &ch->ext.server_name;

	if (!name || !tlsw_exts_has(&ch->ext, TLSW_EXTB_SERVER_NAME) ||
	    !sni->len)
		return 0;
	if (sni->len == strlen(name) &&
	    !strncasecmp(name, (const char *)sni->data, sni->len))
		return 0;
	return tlshake_fail(hs, TLSW_ALERT_UNRECOGNIZED_NAME);
}

/* RFC 8446 4.1.2: after a HelloRetryRequest the client sends the same
 * ClientHello but for its key share, the cookie, early data and PSKs.
 * We check what we rely on: the same random and session ID, the cookie
 * echoed, no early data, and (by the caller) the same suite chosen and a
 * share for the group we asked for.
 */
static int tlshake_server_check_ch2(struct tlshake_server *s,
				    const struct tlsw_client_hello *ch)
{
	struct tlshake_hs *hs = s->hs;
	const struct tlsw_exts *e = &ch->ext;

	if (memcmp(ch->random, s->ch1_random, TLSW_RANDOM_LEN) ||
	    ch->session_id.len != hs->session_id_len ||
	    memcmp(ch->session_id.data, hs->session_id, hs->session_id_len) ||
	    !tlsw_exts_has(e, TLSW_EXTB_COOKIE) ||
	    e->cookie.len != TLSHAKE_COOKIE_LEN ||
	    memcmp(e->cookie.data, s->cookie, TLSHAKE_COOKIE_LEN) ||
	    tlsw_exts_has(e, TLSW_EXTB_EARLY_DATA))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	return 0;
}

static int tlshake_server_hello_retry(struct tlshake_server *s,
				      const struct tlshake_suite *suite)
{
	struct tlshake_hs *hs = s->hs;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	int err;

	hs->hrr = true;
	get_random_bytes(s->cookie, sizeof(s->cookie));

	err = tlshake_tls13_select_suite(hs, suite);
	if (!err)
		err = tlshake_transcript_hello_retry(&hs->transcript);
	if (err)
		return err;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_hello_retry_request_begin(&w, &m, hs->session_id,
					     hs->session_id_len, suite->id);
	tlsw_build_ext_selected_version(&w, TLSW_VERSION_TLS13);
	tlsw_build_ext_key_share_hrr(&w, hs->group);
	tlsw_build_ext_cookie(&w, s->cookie, sizeof(s->cookie));
	tlsw_build_msg_end(&w, &m);
	err = tlshake_hs_send(hs, &w);
	if (!err && hs->session_id_len)
		err = tlshake_hs_send_ccs(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	s->state = TLSHAKE_S_WAIT_CH2;
	return err;
}

static int tlshake_server_encrypted_extensions(struct tlshake_server *s)
{
	struct tlshake_hs *hs = s->hs;
	struct tlsw_msg_wr m;
	struct tlsw_slice name;
	struct tlsw_wr w;

	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_encrypted_extensions_begin(&w, &m);
	if (s->sni)
		tlsw_build_ext_empty(&w, TLSW_EXT_SERVER_NAME);
	if (hs->alpn_len) {
		tlsw_slice_init(&name, hs->alpn, hs->alpn_len);
		tlsw_build_ext_alpn(&w, &name, 1);
	}
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

/* The room the rest of our flight takes after the CertificateRequest: the
 * Certificate (its header, context and list length, and per entry the
 * chain's 3-byte length, the certificate and an empty extension block),
 * CertificateVerify and Finished.
 */
static size_t tlshake_server_flight_rest(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	const u8 *list = p->cert_chain, *der;
	size_t left = p->cert_chain_len, len;
	size_t n = 4 + 1 + 3;

	while (tlshake_x509_list_next(&list, &left, &der, &len) > 0)
		n += 3 + len + 2;
	n += 4 + 2 + 2 + tlshake_sig_max_len(hs->key);
	return n + 4 + TLSHAKE_MAX_HASH_LEN;
}

/* Whether @subject is among the first @n of @names. */
static bool tlshake_server_ca_named(const struct tlsw_slice *names, size_t n,
				    const struct tlsw_slice *subject)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i].len == subject->len &&
		    !memcmp(names[i].data, subject->data, subject->len))
			return true;
	return false;
}

/**
 * tlshake_server_ca_names - the subjects of our trust anchors
 * @hs: the handshake
 * @names: set to an array of the names (kfree() it), pointing into the
 *	anchors, or NULL if there are none
 *
 * What a CertificateRequest names (RFC 8446 4.2.4, RFC 5246 7.4.4) for
 * the client to pick its certificate.  The names are optional: anchors
 * that do not parse are passed over.  A subject is named once, however
 * many anchors carry it (the same anchor given as bytes and in a keyring,
 * or a CA's renewed key).
 *
 * Return: the number of names, or -ENOMEM.
 */
int tlshake_server_ca_names(struct tlshake_hs *hs, struct tlsw_slice **names)
{
	const u8 *list = hs->trust_anchors, *der;
	size_t left = hs->trust_anchors_len, len;
	struct tlshake_x509_cert *cert;
	size_t count = 0, n = 0;

	*names = NULL;
	while (tlshake_x509_list_next(&list, &left, &der, &len) > 0)
		count++;
	if (!count)
		return 0;
	*names = kmalloc_array(count, sizeof(**names), GFP_KERNEL);
	cert = kmalloc(sizeof(*cert), GFP_KERNEL);
	if (!*names || !cert) {
		kfree(*names);
		*names = NULL;
		kfree(cert);
		return -ENOMEM;
	}

	list = hs->trust_anchors;
	left = hs->trust_anchors_len;
	while (n < count &&
	       tlshake_x509_list_next(&list, &left, &der, &len) > 0) {
		if (tlshake_x509_parse(der, len, cert) ||
		    !cert->subject.len || cert->subject.len > 0xffff)
			continue;
		tlsw_slice_init(&(*names)[n], cert->subject.data,
				cert->subject.len);
		if (!tlshake_server_ca_named(*names, n, &(*names)[n]))
			n++;
	}
	kfree(cert);
	return n;
}

static int tlshake_server_certificate_request(struct tlshake_server *s)
{
	struct tlshake_hs *hs = s->hs;
	struct tlsw_slice *names;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	int n;

	hs->cert_requested = true;
	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_certificate_request_begin(&w, &m, NULL, 0);
	tlsw_build_ext_u16_list(&w, TLSW_EXT_SIGNATURE_ALGORITHMS,
				hs->sig_schemes, hs->num_sig_schemes);
	n = tlshake_server_ca_names(hs, &names);
	if (n < 0)
		return n;
	/* Optional: the builder leaves it out if the names do not fit. */
	tlsw_build_ext_certificate_authorities(&w, &m, names, n,
					       tlshake_server_flight_rest(hs));
	kfree(names);
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

static int tlshake_server_hello(struct tlshake_server *s, const u8 *pub,
				size_t pub_len)
{
	struct tlshake_hs *hs = s->hs;
	struct tlsw_key_share share = { .group = hs->group };
	struct tlsw_msg_wr m;
	struct tlsw_wr w;

	get_random_bytes(hs->random, sizeof(hs->random));
	tlsw_slice_init(&share.key, pub, pub_len);
	tlshake_rl_msg_begin(&hs->rl, &w);
	tlsw_build_server_hello_begin(&w, &m, hs->random, hs->session_id,
				      hs->session_id_len, hs->suite->id);
	tlsw_build_ext_selected_version(&w, TLSW_VERSION_TLS13);
	tlsw_build_ext_key_share_sh(&w, &share);
	tlsw_build_msg_end(&w, &m);
	return tlshake_hs_send(hs, &w);
}

/* Our flight: ServerHello, the compatibility ChangeCipherSpec, then under
 * the handshake keys EncryptedExtensions, perhaps CertificateRequest,
 * Certificate, CertificateVerify and Finished.
 */
static int tlshake_server_flight(struct tlshake_server *s,
				 const struct tlshake_suite *suite,
				 const struct tlsw_key_share *peer)
{
	struct tlshake_hs *hs = s->hs;
	u8 shared[TLSHAKE_KEX_MAX_SECRET];
	size_t shared_len = sizeof(shared);
	size_t pub_len;
	u8 *pub = NULL;
	int err;

	if (peer->key.len != tlshake_kex_public_len(hs->group))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	err = tlshake_tls13_select_suite(hs, suite);
	if (err)
		return err;

	err = tlshake_kex_init(&hs->kex, hs->group);
	if (!err)
		err = tlshake_kex_public_alloc(&hs->kex, &pub, &pub_len);
	if (!err) {
		err = tlshake_kex_derive(&hs->kex, peer->key.data,
					 peer->key.len, shared, &shared_len);
		if (err == -EINVAL)
			err = tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	}
	tlshake_kex_free(&hs->kex);
	if (!err)
		err = tlshake_server_hello(s, pub, pub_len);
	kfree(pub);
	if (!err)
		err = tlshake_tls13_handshake_keys(hs, shared, shared_len);
	memzero_explicit(shared, sizeof(shared));
	if (err)
		return err;

	if (hs->session_id_len) {
		err = tlshake_hs_send_ccs(hs);
		if (err)
			return err;
	}
	err = tlshake_tls13_write_handshake_key(hs);
	if (!err)
		err = tlshake_server_encrypted_extensions(s);
	if (!err && (hs->params->verify & (TLSHAKE_VERIFY_REQUEST_CLIENT |
					   TLSHAKE_VERIFY_REQUIRE_CLIENT)))
		err = tlshake_server_certificate_request(s);
	if (!err)
		err = tlshake_tls13_send_certificate(hs, false);
	if (!err)
		err = tlshake_tls13_send_cert_verify(hs);
	if (!err)
		err = tlshake_tls13_send_finished(hs);
	if (!err)
		err = tlshake_rl_flush(&hs->rl, false);
	if (!err)
		err = tlshake_tls13_app_keys(hs);
	/* Whatever follows our Finished is under our application keys
	 * (RFC 8446 7.1): an alert about the client's second flight too.
	 * Nothing else is sent, so kTLS takes them on at sequence 0.
	 */
	if (!err)
		err = tlshake_rl_set_write_key(&hs->rl, hs->suite->aead,
					       hs->tx.key, hs->tx.iv);
	s->state = hs->cert_requested ? TLSHAKE_S_WAIT_CERT :
		   TLSHAKE_S_WAIT_FINISHED;
	return err;
}

/* Whether the client offers @version: in supported_versions if it sends
 * one (RFC 8446 4.2.1), else up to its legacy_version (RFC 5246 E.1).
 */
static bool tlshake_server_offers(const struct tlsw_client_hello *ch,
				  u16 version)
{
	if (tlsw_exts_has(&ch->ext, TLSW_EXTB_SUPPORTED_VERSIONS))
		return tlsw_u16_list_has(&ch->ext.versions, version);
	return version <= TLSW_VERSION_TLS12 && ch->legacy_version >= version;
}

/* TLS 1.2, if both of us take it; the rest is tls12_server.c's. */
static int tlshake_server_tls12(struct tlshake_server *s,
				const struct tlsw_hs_msg *msg,
				const struct tlsw_client_hello *ch)
{
	struct tlshake_hs *hs = s->hs;
	int err;

	if (hs->min_version != TLSW_VERSION_TLS12 ||
	    !tlshake_server_offers(ch, TLSW_VERSION_TLS12))
		return tlshake_fail(hs, TLSW_ALERT_PROTOCOL_VERSION);
	err = tlshake_server_check_name(hs, ch);
	if (!err)
		err = tlshake_server_choose_alpn(hs, ch);
	if (err)
		return err;
	s->state = TLSHAKE_S_DONE;
	return tlshake_tls12_server(hs, msg, ch,
				    tlsw_exts_has(&ch->ext,
						  TLSW_EXTB_SERVER_NAME) &&
				    ch->ext.server_name.len);
}

static int tlshake_server_client_hello(struct tlshake_server *s,
				       const struct tlsw_hs_msg *msg)
{
	struct tlshake_hs *hs = s->hs;
	const struct tlshake_suite *suite;
	struct tlsw_client_hello ch;
	struct tlsw_key_share share;
	enum tlsw_alert alert;
	u16 hrr_group = hs->group;
	int err;

	err = tlsw_parse_client_hello(msg->body.data, msg->body.len, &ch,
				      &alert);
	if (err)
		return tlshake_fail(hs, alert);
	if (!tlshake_server_offers(&ch, TLSW_VERSION_TLS13) ||
	    hs->max_version != TLSW_VERSION_TLS13) {
		/* RFC 8446 4.1.4: after a HelloRetryRequest, TLS 1.3 it is. */
		if (s->state == TLSHAKE_S_WAIT_CH2)
			return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
		return tlshake_server_tls12(s, msg, &ch);
	}
	/* RFC 8446 9.2: what a certificate-based TLS 1.3 handshake needs. */
	if (!tlsw_exts_has(&ch.ext, TLSW_EXTB_SIGNATURE_ALGORITHMS) ||
	    !tlsw_exts_has(&ch.ext, TLSW_EXTB_SUPPORTED_GROUPS) ||
	    !tlsw_exts_has(&ch.ext, TLSW_EXTB_KEY_SHARE))
		return tlshake_fail(hs, TLSW_ALERT_MISSING_EXTENSION);

	if (s->state == TLSHAKE_S_WAIT_CH2) {
		err = tlshake_server_check_ch2(s, &ch);
		if (err)
			return err;
	} else {
		/* Our cookies go only into a HelloRetryRequest. */
		if (tlsw_exts_has(&ch.ext, TLSW_EXTB_COOKIE))
			return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
		memcpy(s->ch1_random, ch.random, TLSW_RANDOM_LEN);
		hs->session_id_len = ch.session_id.len;
		memcpy(hs->session_id, ch.session_id.data, ch.session_id.len);
	}

	suite = tlshake_server_choose_suite(hs, &ch);
	if (!suite)
		return tlshake_fail(hs, TLSW_ALERT_HANDSHAKE_FAILURE);
	if (hs->suite && hs->suite != suite)
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	err = tlshake_server_choose_group(hs, &ch, &share);
	if (err)
		return err;
	/* The second ClientHello must carry a share for the group asked. */
	if (s->state == TLSHAKE_S_WAIT_CH2 &&
	    (hs->group != hrr_group || !share.key.len))
		return tlshake_fail(hs, TLSW_ALERT_ILLEGAL_PARAMETER);
	err = tlshake_server_check_name(hs, &ch);
	if (!err)
		err = tlshake_server_choose_sig_scheme(hs, &ch);
	if (!err)
		err = tlshake_server_choose_alpn(hs, &ch);
	if (err)
		return err;
	s->sni = tlsw_exts_has(&ch.ext, TLSW_EXTB_SERVER_NAME) &&
		 ch.ext.server_name.len;

	err = tlshake_hs_hash(hs, msg);
	if (err)
		return err;
	hs->rl.ccs_allowed = true;
	if (!share.key.len)
		return tlshake_server_hello_retry(s, suite);
	return tlshake_server_flight(s, suite, &share);
}

/* What the client sends when asked for a certificate: a chain goes
 * through tlshake_verify_peer() as a server's does; an empty one passes
 * only if the caller does not insist on a certificate.
 */
static int tlshake_server_client_certificate(struct tlshake_server *s,
					     const struct tlsw_hs_msg *msg)
{
	struct tlshake_hs *hs = s->hs;
	int err;

	err = tlshake_tls13_recv_certificate(hs, msg);
	if (err)
		return err;
	if (hs->peer_key) {
		s->state = TLSHAKE_S_WAIT_CV;
		return 0;
	}
	if (hs->params->verify & TLSHAKE_VERIFY_REQUIRE_CLIENT)
		return tlshake_fail(hs, TLSW_ALERT_CERTIFICATE_REQUIRED);
	s->state = TLSHAKE_S_WAIT_FINISHED;
	return 0;
}

static int tlshake_server_step(struct tlshake_server *s,
			       const struct tlsw_hs_msg *msg)
{
	struct tlshake_hs *hs = s->hs;
	int err;

	switch (s->state) {
	case TLSHAKE_S_WAIT_CH:
	case TLSHAKE_S_WAIT_CH2:
		if (msg->type != TLSW_HS_CLIENT_HELLO)
			break;
		return tlshake_server_client_hello(s, msg);
	case TLSHAKE_S_WAIT_CERT:
		if (msg->type != TLSW_HS_CERTIFICATE)
			break;
		return tlshake_server_client_certificate(s, msg);
	case TLSHAKE_S_WAIT_CV:
		if (msg->type != TLSW_HS_CERTIFICATE_VERIFY)
			break;
		s->state = TLSHAKE_S_WAIT_FINISHED;
		return tlshake_tls13_recv_cert_verify(hs, msg);
	case TLSHAKE_S_WAIT_FINISHED:
		if (msg->type != TLSW_HS_FINISHED)
			break;
		err = tlshake_tls13_recv_finished(hs, msg);
		if (!err)
			err = tlshake_rl_read_done(&hs->rl);
		s->state = TLSHAKE_S_DONE;
		return err;
	case TLSHAKE_S_DONE:
		break;
	}
	return tlshake_fail(hs, TLSW_ALERT_UNEXPECTED_MESSAGE);
}

/**
 * tlshake_tls13_server - run the handshake as a server
 * @hs: the handshake, its configuration and private key set
 *
 * TLS 1.3, or TLS 1.2 through tlshake_tls12_server() when the ClientHello
 * calls for it.
 *
 * Return: 0 once the handshake is complete and the keys for kTLS are in
 * @hs, or a negative errno.
 */
int tlshake_tls13_server(struct tlshake_hs *hs)
{
	struct tlshake_server s = { .hs = hs, .state = TLSHAKE_S_WAIT_CH };
	struct tlsw_hs_msg msg;
	int err;

	while (s.state != TLSHAKE_S_DONE) {
		err = tlshake_hs_read(hs, &msg);
		if (!err)
			err = tlshake_server_step(&s, &msg);
		if (err)
			break;
	}
	memzero_explicit(s.cookie, sizeof(s.cookie));
	return err;
}
