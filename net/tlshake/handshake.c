// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake_handshake(): the in-kernel API.  Checks the caller's parameters
 * and applies the defaults, runs the handshake in the requested role,
 * reports the outcome, and hands the session to kTLS.
 */

#include <linux/inet.h>
#include <linux/module.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/inet_connection_sock.h>
#include <net/sock.h>
#include <net/tcp.h>
#include <net/tlshake.h>

#include "handshake.h"
#include "keyring.h"
#include "keys.h"
#include "sig.h"
#include "sockopt_check.h"
#include "tlshake.h"

#define TLSHAKE_DEFAULT_TIMEOUT_MS	30000

static const u16 tlshake_default_suites[] = {
	TLSW_TLS_AES_128_GCM_SHA256,
	TLSW_TLS_AES_256_GCM_SHA384,
	TLSW_TLS_CHACHA20_POLY1305_SHA256,
	TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256,
	TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256,
	TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384,
	TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384,
	TLSW_TLS_ECDHE_ECDSA_CHACHA20_POLY1305,
	TLSW_TLS_ECDHE_RSA_CHACHA20_POLY1305,
	TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256,
	TLSW_TLS_DHE_RSA_AES_256_GCM_SHA384,
};

static const u16 tlshake_default_groups[] = {
	TLSW_GROUP_X25519,
	TLSW_GROUP_SECP256R1,
	TLSW_GROUP_SECP384R1,
};

/* The schemes TLS 1.3 allows in CertificateVerify that tlshake signs and
 * verifies; the default list is all of them.
 */
static const u16 tlshake_cv_schemes[] = {
	TLSW_SIG_ECDSA_SECP256R1_SHA256,
	TLSW_SIG_ECDSA_SECP384R1_SHA384,
	TLSW_SIG_RSA_PSS_RSAE_SHA256,
	TLSW_SIG_RSA_PSS_RSAE_SHA384,
	TLSW_SIG_RSA_PSS_RSAE_SHA512,
};

#define TLSHAKE_VERIFY_ALL	(TLSHAKE_VERIFY_INSECURE |		\
				 TLSHAKE_VERIFY_REQUEST_CLIENT |	\
				 TLSHAKE_VERIFY_REQUIRE_CLIENT)
#define TLSHAKE_VERIFY_SERVER	(TLSHAKE_VERIFY_REQUEST_CLIENT |	\
				 TLSHAKE_VERIFY_REQUIRE_CLIENT)
#define TLSHAKE_OPT_ALL		TLSHAKE_OPT_CLIENT_PREFERENCE

/* Copy a list of code points, or the defaults, checking each with @known. */
static int tlshake_config_list(u16 *out, unsigned int *n, const u16 *list,
			       unsigned int count, const u16 *defaults,
			       unsigned int num_defaults,
			       bool (*known)(u16 val))
{
	unsigned int i;

	if (!list) {
		list = defaults;
		count = num_defaults;
	} else if (tlshake_check_code_points(list, count)) {
		return -EINVAL;
	}
	for (i = 0; i < count; i++)
		if (!known(list[i]))
			return -EINVAL;
	memcpy(out, list, count * sizeof(*out));
	*n = count;
	return 0;
}

static bool tlshake_suite_known(u16 id)
{
	return tlshake_suite_find(id);
}

static bool tlshake_cv_scheme_known(u16 scheme)
{
	return tlshake_hs_offers(tlshake_cv_schemes,
				 ARRAY_SIZE(tlshake_cv_schemes), scheme);
}

static bool tlshake_version_known(u16 v)
{
	return !v || v == TLSHAKE_TLS_1_2 || v == TLSHAKE_TLS_1_3;
}

/* A server name is a DNS name sent as SNI, or an IP literal, which is not
 * sent (RFC 6066 3) but names the peer all the same.
 */
static bool tlshake_server_name_valid(const char *name)
{
	size_t len = strnlen(name, TLSHAKE_SERVER_NAME_MAX + 1);
	u8 addr[16];

	if (len > TLSHAKE_SERVER_NAME_MAX)
		return false;
	return !tlshake_check_server_name(name, len) ||
	       in4_pton(name, len, addr, -1, NULL) ||
	       in6_pton(name, len, addr, -1, NULL);
}

static bool tlshake_cert_list_valid(const u8 *list, unsigned int len,
				    unsigned int max)
{
	return len <= max && !tlshake_check_cert_list(list, len);
}

/* What does not depend on the lists: role, versions, names, credentials. */
static int tlshake_params_check(const struct tlshake_params *p)
{
	bool server = p->role == TLSHAKE_ROLE_SERVER;
	u16 max = p->max_version ?: TLSHAKE_TLS_1_3;

	if (!server && p->role != TLSHAKE_ROLE_CLIENT)
		return -EINVAL;
	if (!tlshake_version_known(p->min_version) ||
	    !tlshake_version_known(p->max_version) ||
	    (p->min_version && p->min_version > max))
		return -EINVAL;
	if (p->verify & ~TLSHAKE_VERIFY_ALL ||
	    (!server && p->verify & TLSHAKE_VERIFY_SERVER))
		return -EINVAL;
	if (p->options & ~TLSHAKE_OPT_ALL)
		return -EINVAL;
	if (p->server_name && !tlshake_server_name_valid(p->server_name))
		return -EINVAL;
	if (p->alpn && tlshake_check_alpn(p->alpn, p->alpn_len))
		return -EINVAL;
	if (p->private_key && p->private_key_key)
		return -EINVAL;
	if (!p->cert_chain != !(p->private_key || p->private_key_key) ||
	    (server && !p->cert_chain))
		return -EINVAL;
	if (p->cert_chain &&
	    !tlshake_cert_list_valid(p->cert_chain, p->cert_chain_len,
				     TLSHAKE_CERT_CHAIN_MAX))
		return -EINVAL;
	if (p->private_key && p->private_key_len > TLSHAKE_PRIVATE_KEY_MAX)
		return -EINVAL;
	if (p->trust_anchors &&
	    !tlshake_cert_list_valid(p->trust_anchors, p->trust_anchors_len,
				     TLSHAKE_TRUST_ANCHORS_MAX))
		return -EINVAL;
	/* A chain that validates proves nothing of whom it names but for
	 * the name checked against it.
	 */
	if (!server && (p->trust_anchors || p->trust_keyring) &&
	    !p->server_name)
		return -EINVAL;
	if (p->peer_chain && !p->peer_chain_len)
		return -EINVAL;
	/* Sessions are a TLS 1.2 client's. */
	if (p->session && (server || p->session_len > TLSHAKE_SESSION_MAX ||
			   tlshake_check_session(p->session, p->session_len)))
		return -EINVAL;
	if (p->new_session && (server || !p->new_session_len))
		return -EINVAL;
	return 0;
}

/* DHE only with a finite-field group to do it in: an RFC 7919 server
 * picks one of those, and tlshake takes no other (see tls12_client.c);
 * our server has its groups to choose from (see tls12_server.c).  RSA key
 * transport, which has no forward secrecy, is offered or accepted only
 * when configured (it is not a default).
 */
static void tlshake_hs_config_kx(struct tlshake_hs *hs)
{
	const struct tlshake_suite *suite;
	unsigned int i, n = 0;
	bool ffdhe = false;

	for (i = 0; i < hs->num_groups; i++)
		ffdhe |= tlshake_kex_is_ffdhe(hs->groups[i]);
	for (i = 0; i < hs->num_suites; i++) {
		suite = tlshake_suite_find(hs->suites[i]);
		if (suite->kx != TLSW_KX_DHE || ffdhe)
			hs->suites[n++] = suite->id;
	}
	hs->num_suites = n;
}

/* Keep the suites of the versions we may negotiate; narrow the range of
 * versions to those with a suite left.
 */
static int tlshake_hs_config_versions(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	u16 min = TLSHAKE_TLS_1_3, max = TLSHAKE_TLS_1_2;
	const struct tlshake_suite *suite;
	unsigned int i, n = 0;

	hs->min_version = p->min_version ?: TLSHAKE_TLS_1_2;
	hs->max_version = p->max_version ?: TLSHAKE_TLS_1_3;
	for (i = 0; i < hs->num_suites; i++) {
		suite = tlshake_suite_find(hs->suites[i]);
		if (suite->version < hs->min_version ||
		    suite->version > hs->max_version)
			continue;
		hs->suites[n++] = suite->id;
		min = min_t(u16, min, suite->version);
		max = max_t(u16, max, suite->version);
	}
	if (!n)
		return -EINVAL;
	hs->num_suites = n;
	hs->min_version = min;
	hs->max_version = max;
	return 0;
}

/* The session to resume is offered if its suite is. */
static void tlshake_hs_config_resume(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;

	if (!p->session ||
	    tlsw_parse_session(p->session, p->session_len, &hs->resume))
		return;
	if (!tlshake_hs_offers(hs->suites, hs->num_suites,
			       hs->resume.cipher_suite) ||
	    tlshake_suite_find(hs->resume.cipher_suite)->version !=
	    TLSW_VERSION_TLS12)
		memset(&hs->resume, 0, sizeof(hs->resume));
}

static int tlshake_hs_config(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	int err;

	err = tlshake_config_list(hs->suites, &hs->num_suites,
				  p->cipher_suites, p->num_cipher_suites,
				  tlshake_default_suites,
				  ARRAY_SIZE(tlshake_default_suites),
				  tlshake_suite_known);
	if (!err)
		err = tlshake_config_list(hs->groups, &hs->num_groups,
					  p->groups, p->num_groups,
					  tlshake_default_groups,
					  ARRAY_SIZE(tlshake_default_groups),
					  tlshake_kex_supported);
	if (!err) {
		tlshake_hs_config_kx(hs);
		err = tlshake_hs_config_versions(hs);
	}
	if (!err)
		err = tlshake_config_list(hs->sig_schemes, &hs->num_sig_schemes,
					  p->sig_schemes, p->num_sig_schemes,
					  tlshake_cv_schemes,
					  ARRAY_SIZE(tlshake_cv_schemes),
					  tlshake_cv_scheme_known);
	if (!err)
		tlshake_hs_config_resume(hs);
	return err;
}

/* Our private key and the trust anchors, as given or read from keys. */
static int tlshake_hs_credentials(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	int err = 0;

	if (p->private_key)
		err = tlshake_privkey_load(p->private_key, p->private_key_len,
					   &hs->key);
	else if (p->private_key_key)
		err = tlshake_keyring_privkey(p->private_key_key, &hs->key);
	if (err)
		return err;

	if (!p->trust_keyring) {
		hs->trust_anchors = p->trust_anchors;
		hs->trust_anchors_len = p->trust_anchors_len;
		return 0;
	}
	err = tlshake_keyring_anchors(p->trust_keyring, p->trust_anchors,
				      p->trust_anchors_len,
				      &hs->keyring_anchors,
				      &hs->trust_anchors_len);
	hs->trust_anchors = hs->keyring_anchors;
	return err;
}

/* A connected TCP socket that carries no ULP but tlshake's own. */
static int tlshake_sock_check(struct socket *sock)
{
	const struct tcp_ulp_ops *ulp;
	struct sock *sk;
	int err = 0;

	if (!sock || !sock->sk)
		return -EINVAL;
	sk = sock->sk;
	if (sk->sk_type != SOCK_STREAM || sk->sk_protocol != IPPROTO_TCP ||
	    (sk->sk_family != AF_INET && sk->sk_family != AF_INET6))
		return -EINVAL;

	lock_sock(sk);
	ulp = inet_csk(sk)->icsk_ulp_ops;
	if (sk->sk_state != TCP_ESTABLISHED)
		err = -ENOTCONN;
	else if (ulp && strcmp(ulp->name, TLSHAKE_ULP_NAME))
		err = -EEXIST;
	release_sock(sk);
	return err;
}

/* A failure that is not the peer's nor the transport's is ours. */
static void tlshake_hs_abort(struct tlshake_hs *hs)
{
	struct tlshake_rl *rl = &hs->rl;

	if (rl->alert_origin == TLSHAKE_ALERT_NONE && !rl->broken)
		tlshake_rl_fail(rl, TLSW_ALERT_INTERNAL_ERROR);
	tlshake_rl_send_alert(rl);
}

static void tlshake_hs_result(struct tlshake_hs *hs,
			      struct tlshake_result *result)
{
	result->version = hs->version;
	result->cipher_suite = hs->suite->id;
	result->group = hs->group;
	result->peer_sig_scheme = hs->peer_sig_scheme;
	result->alpn_len = hs->alpn_len;
	memcpy(result->alpn, hs->alpn, hs->alpn_len);
	if (hs->peer_verified)
		result->flags |= TLSHAKE_RESULT_PEER_VERIFIED;
	if (hs->resumed)
		result->flags |= TLSHAKE_RESULT_RESUMED;
}

/* A TLS 1.2 client's session, to resume later: the server's session ID,
 * the master secret and the newest ticket.  None if there is nothing to
 * resume it with.
 */
static int tlshake_hs_new_session(struct tlshake_hs *hs)
{
	const struct tlshake_params *p = hs->params;
	struct tlsw_session s = {
		.cipher_suite = hs->suite->id,
		.master_secret = hs->ks.secret,
	};
	struct tlsw_wr w;
	size_t len;
	u8 *buf;

	if (hs->version != TLSW_VERSION_TLS12)
		return 0;
	tlsw_slice_init(&s.session_id, hs->session_id, hs->session_id_len);
	if (hs->new_ticket)
		tlsw_slice_init(&s.ticket, hs->new_ticket, hs->new_ticket_len);
	else if (hs->resumed)
		s.ticket = hs->resume.ticket;
	if (!s.session_id.len && !s.ticket.len)
		return 0;

	len = tlsw_session_len(&s);
	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	tlsw_wr_init(&w, buf, len);
	tlsw_build_session(&w, &s);
	if (tlsw_wr_error(&w)) {
		kfree_sensitive(buf);
		return tlsw_wr_error(&w);
	}
	*p->new_session = buf;
	*p->new_session_len = len;
	return 0;
}

static void tlshake_hs_free(struct tlshake_hs *hs)
{
	tlshake_rl_free(&hs->rl);
	tlshake_transcript_free(&hs->transcript);
	tlshake_ks_free(&hs->ks);
	tlshake_kex_free(&hs->kex);
	tlshake_privkey_free(hs->key);
	tlshake_pubkey_free(hs->peer_key);
	kvfree(hs->keyring_anchors);
	kfree(hs->new_ticket);
	if (hs->peer_chain)
		kvfree(hs->peer_chain);
	kfree_sensitive(hs);
}

/* The errno a caller gets for a failure that ended with an alert. */
static int tlshake_errno(int err, const struct tlshake_result *result)
{
	if (result->alert_origin == TLSHAKE_ALERT_RECEIVED)
		return -ECONNABORTED;
	if (result->alert_origin != TLSHAKE_ALERT_SENT)
		return err;

	switch (result->alert) {
	case TLSW_ALERT_BAD_RECORD_MAC:
	case TLSW_ALERT_RECORD_OVERFLOW:
	case TLSW_ALERT_DECODE_ERROR:
	case TLSW_ALERT_DECRYPT_ERROR:
		return -EBADMSG;
	case TLSW_ALERT_BAD_CERTIFICATE:
	case TLSW_ALERT_UNSUPPORTED_CERTIFICATE:
	case TLSW_ALERT_CERTIFICATE_REVOKED:
	case TLSW_ALERT_CERTIFICATE_EXPIRED:
	case TLSW_ALERT_CERTIFICATE_UNKNOWN:
	case TLSW_ALERT_UNKNOWN_CA:
	case TLSW_ALERT_CERTIFICATE_REQUIRED:
		return -EKEYREJECTED;
	case TLSW_ALERT_INTERNAL_ERROR:
		return err;
	default:
		return -EPROTO;
	}
}

/**
 * tlshake_handshake - run a TLS handshake on a connected TCP socket
 * @sock: the socket
 * @params: what to negotiate and how to authenticate
 * @result: what was negotiated; on failure, the alert
 *
 * See include/net/tlshake.h.
 *
 * Return: 0 once the socket is handed to kTLS, or a negative errno.
 */
int tlshake_handshake(struct socket *sock, const struct tlshake_params *params,
		      struct tlshake_result *result)
{
	struct tlshake_hs *hs;
	int err;

	if (!params || !result)
		return -EINVAL;
	memset(result, 0, sizeof(*result));
	err = tlshake_params_check(params);
	if (err)
		return err;
	if (params->peer_chain) {
		*params->peer_chain = NULL;
		*params->peer_chain_len = 0;
	}
	if (params->new_session) {
		*params->new_session = NULL;
		*params->new_session_len = 0;
	}
	err = tlshake_sock_check(sock);
	if (err)
		return err;

	hs = kzalloc(sizeof(*hs), GFP_KERNEL);
	if (!hs)
		return -ENOMEM;
	hs->params = params;
	hs->server = params->role == TLSHAKE_ROLE_SERVER;
	/* Until a TLS 1.2 ServerHello says otherwise. */
	hs->version = TLSHAKE_TLS_1_3;

	err = tlshake_hs_config(hs);
	if (!err)
		err = tlshake_hs_credentials(hs);
	if (!err)
		err = tlshake_transcript_init(&hs->transcript);
	if (!err)
		err = tlshake_rl_init(&hs->rl, sock,
				      params->timeout_ms ?:
				      TLSHAKE_DEFAULT_TIMEOUT_MS,
				      hs->server);
	if (err)
		goto out;

	err = hs->server ? tlshake_tls13_server(hs) : tlshake_tls13_client(hs);
	if (!err && params->new_session)
		err = tlshake_hs_new_session(hs);
	if (err) {
		tlshake_hs_abort(hs);
		result->alert_origin = hs->rl.alert_origin;
		result->alert = hs->rl.alert;
		result->verify_error = hs->verify_error;
	} else {
		tlshake_hs_result(hs, result);
	}

	if (params->peer_chain && hs->peer_chain) {
		*params->peer_chain = hs->peer_chain;
		*params->peer_chain_len = hs->peer_chain_len;
		hs->peer_chain = NULL;
	}
	/* The socket gets its timeouts back before kTLS takes it over. */
	tlshake_rl_free(&hs->rl);
	if (!err)
		err = tlshake_ktls_handoff(sock, hs->version,
					   hs->suite->aead, &hs->tx, &hs->rx);
	/* A failed hand-off leaves the caller nothing to free. */
	if (err && params->new_session && *params->new_session) {
		kfree_sensitive(*params->new_session);
		*params->new_session = NULL;
		*params->new_session_len = 0;
	}
out:
	tlshake_hs_free(hs);
	return tlshake_errno(err, result);
}
EXPORT_SYMBOL_GPL(tlshake_handshake);
