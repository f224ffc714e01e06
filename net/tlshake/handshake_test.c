// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the handshake engine through tlshake_handshake(), over
 * loopback TCP between kernel sockets.
 *
 * Full handshakes run both roles in the kernel: the server in a work item,
 * the client in the test; data then goes both ways through kTLS.  Faults
 * are injected through the test-only hook of record.h, which corrupts one
 * message or record one end sends.  For the alerts a well-behaved peer
 * never provokes, the test itself plays the peer with bytes built by the
 * wire.h builders, and reads back the alert the engine sends.
 */

#include <kunit/test.h>
#include <crypto/sha2.h>
#include <keys/user-type.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/in.h>
#include <linux/key.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/sock.h>
#include <net/tlshake.h>
#include <asm/unaligned.h>

#include "kex.h"
#include "record.h"
#include "wire.h"
#include "test_creds.h"

#define HS_TEST_TIMEOUT_MS	20000

/**
 * struct hs_test_end - one end of a connection and its handshake
 * @sock: the socket
 * @params: the handshake's parameters
 * @result: its result
 * @err: its return value
 * @work: runs the handshake in the background
 */
struct hs_test_end {
	struct socket *sock;
	struct tlshake_params params;
	struct tlshake_result result;
	int err;
	struct work_struct work;
};

/**
 * struct hs_test - a loopback TCP connection between kernel sockets
 * @client: the connecting end
 * @server: the accepted end
 */
struct hs_test {
	struct hs_test_end client;
	struct hs_test_end server;
};

static const u8 hs_test_alpn_client[] = "\x02h2\x08http/1.1";
static const u8 hs_test_alpn_server[] = "\x08http/1.1\x02h2";

static void hs_test_set_timeouts(struct socket *sock)
{
	sock->sk->sk_rcvtimeo = msecs_to_jiffies(HS_TEST_TIMEOUT_MS);
	sock->sk->sk_sndtimeo = msecs_to_jiffies(HS_TEST_TIMEOUT_MS);
}

static void hs_test_close(struct hs_test *t)
{
	if (t->client.sock)
		sock_release(t->client.sock);
	if (t->server.sock)
		sock_release(t->server.sock);
}

/* A connected pair, with both ends' parameters preset: an ECDSA P-256
 * server, a client that accepts its certificate unverified.
 */
static struct hs_test *hs_test_open(struct kunit *test)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct socket *listener;
	struct hs_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);

	KUNIT_ASSERT_EQ(test, sock_create_kern(&init_net, AF_INET, SOCK_STREAM,
					       IPPROTO_TCP, &listener), 0);
	KUNIT_ASSERT_EQ(test, kernel_bind(listener, (struct sockaddr *)&addr,
					  sizeof(addr)), 0);
	KUNIT_ASSERT_EQ(test, kernel_listen(listener, 1), 0);
	KUNIT_ASSERT_GT(test, kernel_getsockname(listener,
						 (struct sockaddr *)&addr), 0);
	KUNIT_ASSERT_EQ(test, sock_create_kern(&init_net, AF_INET, SOCK_STREAM,
					       IPPROTO_TCP, &t->client.sock),
			0);
	KUNIT_ASSERT_EQ(test, kernel_connect(t->client.sock,
					     (struct sockaddr *)&addr,
					     sizeof(addr), 0), 0);
	KUNIT_ASSERT_EQ(test, kernel_accept(listener, &t->server.sock, 0), 0);
	sock_release(listener);
	hs_test_set_timeouts(t->client.sock);
	hs_test_set_timeouts(t->server.sock);

	t->client.params.role = TLSHAKE_ROLE_CLIENT;
	t->client.params.server_name = "tlshake.test";
	t->client.params.verify = TLSHAKE_VERIFY_INSECURE;
	t->client.params.timeout_ms = HS_TEST_TIMEOUT_MS;

	t->server.params.role = TLSHAKE_ROLE_SERVER;
	/* The client's name, in other case: DNS names are not case sensitive. */
	t->server.params.server_name = "TLSHAKE.Test";
	t->server.params.cert_chain = tlshake_test_ec256_chain.data;
	t->server.params.cert_chain_len = tlshake_test_ec256_chain.len;
	t->server.params.private_key = tlshake_test_ec256_pkcs8.data;
	t->server.params.private_key_len = tlshake_test_ec256_pkcs8.len;
	t->server.params.timeout_ms = HS_TEST_TIMEOUT_MS;
	return t;
}

static void hs_test_end_work(struct work_struct *work)
{
	struct hs_test_end *end = container_of(work, struct hs_test_end, work);

	end->err = tlshake_handshake(end->sock, &end->params, &end->result);
}

static void hs_test_start(struct hs_test_end *end)
{
	INIT_WORK(&end->work, hs_test_end_work);
	queue_work(system_unbound_wq, &end->work);
}

static void hs_test_finish(struct hs_test_end *end)
{
	flush_work(&end->work);
}

/* Both roles: the server in the background, the client here. */
static void hs_test_run(struct hs_test *t)
{
	hs_test_start(&t->server);
	t->client.err = tlshake_handshake(t->client.sock, &t->client.params,
					  &t->client.result);
	hs_test_finish(&t->server);
}

static void hs_test_expect_alert(struct kunit *test, struct hs_test_end *end,
				 int err, u8 origin, u8 alert,
				 const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, end->err, err, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, end->result.alert_origin, origin, "%s",
			    what);
	KUNIT_EXPECT_EQ_MSG(test, end->result.alert, alert, "%s", what);
}

static int hs_test_send(struct socket *sock, const void *buf, size_t len)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_flags = MSG_NOSIGNAL };

	return kernel_sendmsg(sock, &msg, &kv, 1, len);
}

static int hs_test_recv(struct socket *sock, void *buf, size_t len)
{
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = {};

	return kernel_recvmsg(sock, &msg, &kv, 1, len, MSG_WAITALL);
}

/* Application data through kTLS, one way. */
static void hs_test_data(struct kunit *test, struct socket *from,
			 struct socket *to, const char *text)
{
	size_t len = strlen(text);
	char buf[64];

	KUNIT_ASSERT_LT(test, len, sizeof(buf));
	KUNIT_EXPECT_EQ(test, hs_test_send(from, text, len), (int)len);
	KUNIT_ASSERT_EQ(test, hs_test_recv(to, buf, len), (int)len);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, text, len), 0,
			    "data corrupted through kTLS");
}

static void hs_test_data_both_ways(struct kunit *test, struct hs_test *t)
{
	hs_test_data(test, t->client.sock, t->server.sock, "client to server");
	hs_test_data(test, t->server.sock, t->client.sock, "server to client");
}

/* A full handshake for every cipher suite with every group. */
struct hs_test_combo {
	u16 suite;
	u16 group;
	const char *name;
};

static const struct hs_test_combo hs_test_combos[] = {
	{ TLSW_TLS_AES_128_GCM_SHA256, TLSW_GROUP_X25519, "AES-128-GCM X25519" },
	{ TLSW_TLS_AES_128_GCM_SHA256, TLSW_GROUP_SECP256R1,
	  "AES-128-GCM P-256" },
	{ TLSW_TLS_AES_128_GCM_SHA256, TLSW_GROUP_SECP384R1,
	  "AES-128-GCM P-384" },
	{ TLSW_TLS_AES_256_GCM_SHA384, TLSW_GROUP_X25519, "AES-256-GCM X25519" },
	{ TLSW_TLS_AES_256_GCM_SHA384, TLSW_GROUP_SECP256R1,
	  "AES-256-GCM P-256" },
	{ TLSW_TLS_AES_256_GCM_SHA384, TLSW_GROUP_SECP384R1,
	  "AES-256-GCM P-384" },
	{ TLSW_TLS_CHACHA20_POLY1305_SHA256, TLSW_GROUP_X25519,
	  "ChaCha20-Poly1305 X25519" },
	{ TLSW_TLS_CHACHA20_POLY1305_SHA256, TLSW_GROUP_SECP256R1,
	  "ChaCha20-Poly1305 P-256" },
	{ TLSW_TLS_CHACHA20_POLY1305_SHA256, TLSW_GROUP_SECP384R1,
	  "ChaCha20-Poly1305 P-384" },
	{ TLSW_TLS_AES_128_CCM_SHA256, TLSW_GROUP_X25519, "AES-128-CCM X25519" },
};

static void hs_test_combo_desc(const struct hs_test_combo *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hs_test_combo, hs_test_combos, hs_test_combo_desc);

static void hs_test_suites_groups(struct kunit *test)
{
	const struct hs_test_combo *c = test->param_value;
	struct hs_test *t = hs_test_open(test);
	u8 *chain = NULL;
	unsigned int chain_len = 0;

	t->client.params.cipher_suites = &c->suite;
	t->client.params.num_cipher_suites = 1;
	t->client.params.groups = &c->group;
	t->client.params.num_groups = 1;
	t->client.params.peer_chain = &chain;
	t->client.params.peer_chain_len = &chain_len;
	t->server.params.cipher_suites = &c->suite;
	t->server.params.num_cipher_suites = 1;
	t->server.params.groups = &c->group;
	t->server.params.num_groups = 1;

	hs_test_run(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.version, TLSHAKE_TLS_1_3);
	KUNIT_EXPECT_EQ(test, t->client.result.cipher_suite, c->suite);
	KUNIT_EXPECT_EQ(test, t->server.result.cipher_suite, c->suite);
	KUNIT_EXPECT_EQ(test, t->client.result.group, c->group);
	KUNIT_EXPECT_EQ(test, t->server.result.group, c->group);
	KUNIT_EXPECT_EQ(test, t->client.result.peer_sig_scheme,
			TLSW_SIG_ECDSA_SECP256R1_SHA256);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.alert_origin,
			TLSHAKE_ALERT_NONE);
	/* Accepted with TLSHAKE_VERIFY_INSECURE: not verified. */
	KUNIT_EXPECT_FALSE(test, t->client.result.flags &
			   TLSHAKE_RESULT_PEER_VERIFIED);

	KUNIT_EXPECT_EQ(test, chain_len, tlshake_test_ec256_chain.len);
	if (chain && chain_len == tlshake_test_ec256_chain.len)
		KUNIT_EXPECT_EQ_MSG(test,
				    memcmp(chain, tlshake_test_ec256_chain.data,
					   chain_len), 0,
				    "peer chain differs");
	kvfree(chain);

	hs_test_data_both_ways(test, t);
	hs_test_close(t);
}

/* The server's certificate and key: RSA (PKCS#1 key, RSA-PSS signature)
 * and ECDSA P-384 (SEC1 key).
 */
static void hs_test_server_credentials(struct kunit *test)
{
	static const struct {
		const struct tlshake_test_blob *chain, *key;
		u16 scheme;
	} creds[] = {
		{ &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs1,
		  TLSW_SIG_RSA_PSS_RSAE_SHA256 },
		{ &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8,
		  TLSW_SIG_RSA_PSS_RSAE_SHA256 },
		{ &tlshake_test_ec384_chain, &tlshake_test_ec384_sec1,
		  TLSW_SIG_ECDSA_SECP384R1_SHA384 },
		{ &tlshake_test_ec256_chain, &tlshake_test_ec256_sec1,
		  TLSW_SIG_ECDSA_SECP256R1_SHA256 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(creds); i++) {
		struct hs_test *t = hs_test_open(test);

		t->server.params.cert_chain = creds[i].chain->data;
		t->server.params.cert_chain_len = creds[i].chain->len;
		t->server.params.private_key = creds[i].key->data;
		t->server.params.private_key_len = creds[i].key->len;
		hs_test_run(t);
		KUNIT_EXPECT_EQ_MSG(test, t->client.err, 0, "credentials %u", i);
		KUNIT_EXPECT_EQ_MSG(test, t->server.err, 0, "credentials %u", i);
		KUNIT_EXPECT_EQ_MSG(test, t->client.result.peer_sig_scheme,
				    creds[i].scheme, "credentials %u", i);
		if (!t->client.err && !t->server.err)
			hs_test_data_both_ways(test, t);
		hs_test_close(t);
	}
}

/* The client's share is for a group the server does not take: one
 * HelloRetryRequest, with cookie, then the handshake completes.
 */
static void hs_test_hello_retry(struct kunit *test)
{
	static const u16 client_groups[] = {
		TLSW_GROUP_X25519, TLSW_GROUP_SECP256R1,
	};
	static const u16 server_groups[] = { TLSW_GROUP_SECP256R1 };
	struct hs_test *t = hs_test_open(test);

	t->client.params.groups = client_groups;
	t->client.params.num_groups = ARRAY_SIZE(client_groups);
	t->server.params.groups = server_groups;
	t->server.params.num_groups = ARRAY_SIZE(server_groups);
	hs_test_run(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.group, TLSW_GROUP_SECP256R1);
	KUNIT_EXPECT_EQ(test, t->server.result.group, TLSW_GROUP_SECP256R1);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);
}

/* ALPN: the server's preference among the client's protocols; no common
 * protocol is a no_application_protocol alert.
 */
static void hs_test_alpn(struct kunit *test)
{
	static const u8 other[] = "\x03xyz";
	struct hs_test *t = hs_test_open(test);

	t->client.params.alpn = hs_test_alpn_client;
	t->client.params.alpn_len = sizeof(hs_test_alpn_client) - 1;
	t->server.params.alpn = hs_test_alpn_server;
	t->server.params.alpn_len = sizeof(hs_test_alpn_server) - 1;
	hs_test_run(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.alpn_len, 8);
	KUNIT_EXPECT_EQ(test, memcmp(t->client.result.alpn, "http/1.1", 8), 0);
	KUNIT_EXPECT_EQ(test, t->server.result.alpn_len, 8);
	KUNIT_EXPECT_EQ(test, memcmp(t->server.result.alpn, "http/1.1", 8), 0);
	hs_test_close(t);

	t = hs_test_open(test);
	t->client.params.alpn = hs_test_alpn_client;
	t->client.params.alpn_len = sizeof(hs_test_alpn_client) - 1;
	t->server.params.alpn = other;
	t->server.params.alpn_len = sizeof(other) - 1;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->server, -EPROTO, TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_NO_APPLICATION_PROTOCOL, "server");
	hs_test_expect_alert(test, &t->client, -ECONNABORTED,
			     TLSHAKE_ALERT_RECEIVED,
			     TLSW_ALERT_NO_APPLICATION_PROTOCOL, "client");
	hs_test_close(t);
}

/* By default a peer that is not verified is refused: with neither
 * TLSHAKE_VERIFY_INSECURE nor a pin, the client sends bad_certificate.
 * A pin of the server's key lets the handshake pass, verified; a pin of
 * another key does not.
 */
static void hs_test_verification(struct kunit *test)
{
	u8 pin[SHA256_DIGEST_SIZE];
	struct hs_test *t;

	t = hs_test_open(test);
	t->client.params.verify = 0;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_BAD_CERTIFICATE,
			     "unverified: client");
	KUNIT_EXPECT_EQ(test, t->client.result.verify_error,
			TLSHAKE_VERIFY_ERR_NO_TRUST);
	hs_test_expect_alert(test, &t->server, -ECONNABORTED,
			     TLSHAKE_ALERT_RECEIVED, TLSW_ALERT_BAD_CERTIFICATE,
			     "unverified: server");
	hs_test_close(t);

	sha256(tlshake_test_ec256_spki.data, tlshake_test_ec256_spki.len, pin);
	t = hs_test_open(test);
	t->client.params.verify = 0;
	t->client.params.peer_pubkey_pin = pin;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_close(t);

	/* A pin binds even where any key would be accepted. */
	sha256(tlshake_test_ec384_spki.data, tlshake_test_ec384_spki.len, pin);
	t = hs_test_open(test);
	t->client.params.peer_pubkey_pin = pin;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_BAD_CERTIFICATE,
			     "wrong pin: client");
	KUNIT_EXPECT_EQ(test, t->client.result.verify_error,
			TLSHAKE_VERIFY_ERR_PIN_MISMATCH);
	hs_test_close(t);

	/* Path validation, the server's self-signed certificate for
	 * tlshake.test as the anchor.
	 */
	t = hs_test_open(test);
	t->client.params.verify = 0;
	t->client.params.trust_anchors = tlshake_test_ec256_chain.data;
	t->client.params.trust_anchors_len = tlshake_test_ec256_chain.len;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_close(t);

	t = hs_test_open(test);
	t->client.params.verify = 0;
	t->client.params.trust_anchors = tlshake_test_rsa2048_chain.data;
	t->client.params.trust_anchors_len = tlshake_test_rsa2048_chain.len;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_UNKNOWN_CA,
			     "other anchor: client");
	KUNIT_EXPECT_EQ(test, t->client.result.verify_error,
			TLSHAKE_VERIFY_ERR_UNKNOWN_ISSUER);
	hs_test_close(t);

	t = hs_test_open(test);
	t->client.params.verify = 0;
	t->client.params.server_name = "other.test";
	t->client.params.trust_anchors = tlshake_test_ec256_chain.data;
	t->client.params.trust_anchors_len = tlshake_test_ec256_chain.len;
	t->server.params.server_name = NULL;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_BAD_CERTIFICATE,
			     "other name: client");
	KUNIT_EXPECT_EQ(test, t->client.result.verify_error,
			TLSHAKE_VERIFY_ERR_NAME_MISMATCH);
	hs_test_close(t);

	/* A pin and anchors: both must hold. */
	sha256(tlshake_test_ec384_spki.data, tlshake_test_ec384_spki.len, pin);
	t = hs_test_open(test);
	t->client.params.verify = 0;
	t->client.params.peer_pubkey_pin = pin;
	t->client.params.trust_anchors = tlshake_test_ec256_chain.data;
	t->client.params.trust_anchors_len = tlshake_test_ec256_chain.len;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_BAD_CERTIFICATE,
			     "anchor but wrong pin: client");
	KUNIT_EXPECT_EQ(test, t->client.result.verify_error,
			TLSHAKE_VERIFY_ERR_PIN_MISMATCH);
	hs_test_close(t);
}

/* A client certificate: sent when asked for, verified through the same
 * entry point; missing where the server requires one.
 */
static void hs_test_client_certificate(struct kunit *test)
{
	u8 pin[SHA256_DIGEST_SIZE];
	struct hs_test *t;

	sha256(tlshake_test_ec384_spki.data, tlshake_test_ec384_spki.len, pin);
	t = hs_test_open(test);
	t->client.params.cert_chain = tlshake_test_ec384_chain.data;
	t->client.params.cert_chain_len = tlshake_test_ec384_chain.len;
	t->client.params.private_key = tlshake_test_ec384_sec1.data;
	t->client.params.private_key_len = tlshake_test_ec384_sec1.len;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT;
	t->server.params.peer_pubkey_pin = pin;
	hs_test_run(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme,
			TLSW_SIG_ECDSA_SECP384R1_SHA384);
	KUNIT_EXPECT_TRUE(test, t->server.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);

	/* Asked for but optional: an empty Certificate will do. */
	t = hs_test_open(test);
	t->server.params.verify = TLSHAKE_VERIFY_REQUEST_CLIENT;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme, 0);
	hs_test_close(t);

	/* Required: certificate_required, sent after the client's Finished,
	 * so the client's side has completed.
	 */
	t = hs_test_open(test);
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	hs_test_expect_alert(test, &t->server, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_CERTIFICATE_REQUIRED, "server");
	hs_test_close(t);
}

/* The server's CertificateRequest, captured by the message hook. */
static struct {
	u8 msg[512];
	size_t len;
} hs_test_cr;

static void hs_test_cr_msg(bool server, u8 *msg, size_t len)
{
	if (server && msg[0] == TLSW_HS_CERTIFICATE_REQUEST &&
	    len <= sizeof(hs_test_cr.msg)) {
		memcpy(hs_test_cr.msg, msg, len);
		hs_test_cr.len = len;
	}
}

static const struct tlshake_tamper hs_test_cr_hooks = {
	.msg = hs_test_cr_msg,
};

/* A server with trust anchors names them in certificate_authorities, each
 * subject once, and the client, which has a certificate from one of them,
 * goes on.
 */
static void hs_test_certificate_authorities(struct kunit *test)
{
	struct tlsw_certificate_request *cr;
	struct tlsw_slice it, name;
	enum tlsw_alert alert;
	struct hs_test *t;
	unsigned int n = 0;
	size_t len;
	u8 *anchors;

	len = tlshake_test_ec256_chain.len + tlshake_test_ec384_chain.len;
	anchors = kunit_kmalloc(test, len, GFP_KERNEL);
	cr = kunit_kzalloc(test, sizeof(*cr), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, anchors);
	KUNIT_ASSERT_NOT_NULL(test, cr);
	memcpy(anchors, tlshake_test_ec256_chain.data,
	       tlshake_test_ec256_chain.len);
	memcpy(anchors + tlshake_test_ec256_chain.len,
	       tlshake_test_ec384_chain.data, tlshake_test_ec384_chain.len);

	t = hs_test_open(test);
	t->client.params.cert_chain = tlshake_test_ec384_chain.data;
	t->client.params.cert_chain_len = tlshake_test_ec384_chain.len;
	t->client.params.private_key = tlshake_test_ec384_sec1.data;
	t->client.params.private_key_len = tlshake_test_ec384_sec1.len;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT;
	t->server.params.trust_anchors = anchors;
	t->server.params.trust_anchors_len = len;
	hs_test_cr.len = 0;
	WRITE_ONCE(tlshake_tamper, &hs_test_cr_hooks);
	hs_test_run(t);
	WRITE_ONCE(tlshake_tamper, NULL);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_TRUE(test, t->server.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);

	KUNIT_ASSERT_GT(test, hs_test_cr.len, (size_t)4);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_certificate_request(hs_test_cr.msg + 4,
						       hs_test_cr.len - 4,
						       cr, &alert), 0);
	KUNIT_ASSERT_TRUE(test, tlsw_exts_has(&cr->ext,
					      TLSW_EXTB_CERTIFICATE_AUTHORITIES));
	it = cr->ext.ca_names;
	while (tlsw_ca_name_next(&it, &name)) {
		KUNIT_EXPECT_EQ(test, name.data[0], 0x30);
		KUNIT_EXPECT_NOT_NULL(test, strnstr((const char *)name.data,
						    "tlshake.test", name.len));
		n++;
	}
	/* Both anchors are named CN=tlshake.test: one name. */
	KUNIT_EXPECT_EQ(test, n, 1);

	/* Asked for but optional, with anchors: an empty Certificate. */
	t = hs_test_open(test);
	t->server.params.verify = TLSHAKE_VERIFY_REQUEST_CLIENT;
	t->server.params.trust_anchors = anchors;
	t->server.params.trust_anchors_len = len;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme, 0);
	hs_test_close(t);
}

/* Fault injection through the hook of record.h: one message or record
 * that one end sends gets a bit flipped.
 */
static struct {
	bool server;
	u8 msg_type;
	bool record;
	bool done;
} hs_test_fault;

static void hs_test_fault_msg(bool server, u8 *msg, size_t len)
{
	if (server != hs_test_fault.server || hs_test_fault.done ||
	    hs_test_fault.record || msg[0] != hs_test_fault.msg_type)
		return;
	/* The last byte: the end of verify_data or of the signature. */
	msg[len - 1] ^= 0x01;
	hs_test_fault.done = true;
}

static void hs_test_fault_record(bool server, u8 *rec, size_t len)
{
	if (server != hs_test_fault.server || hs_test_fault.done ||
	    !hs_test_fault.record)
		return;
	rec[TLSW_RECORD_HEADER_LEN] ^= 0x80;
	hs_test_fault.done = true;
}

static const struct tlshake_tamper hs_test_fault_hooks = {
	.msg = hs_test_fault_msg,
	.record = hs_test_fault_record,
};

struct hs_test_fault_case {
	const char *name;
	bool server;
	u8 msg_type;
	bool record;
	u8 alert;
};

static const struct hs_test_fault_case hs_test_fault_cases[] = {
	{ "server Finished", true, TLSW_HS_FINISHED, false,
	  TLSW_ALERT_DECRYPT_ERROR },
	{ "server CertificateVerify", true, TLSW_HS_CERTIFICATE_VERIFY, false,
	  TLSW_ALERT_DECRYPT_ERROR },
	{ "server protected record", true, 0, true,
	  TLSW_ALERT_BAD_RECORD_MAC },
	{ "client Finished", false, TLSW_HS_FINISHED, false,
	  TLSW_ALERT_DECRYPT_ERROR },
	{ "client CertificateVerify", false, TLSW_HS_CERTIFICATE_VERIFY, false,
	  TLSW_ALERT_DECRYPT_ERROR },
	{ "client protected record", false, 0, true,
	  TLSW_ALERT_BAD_RECORD_MAC },
};

static void hs_test_fault_desc(const struct hs_test_fault_case *c,
			       char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hs_test_fault, hs_test_fault_cases, hs_test_fault_desc);

/* The receiving end detects the fault and sends the alert; a client whose
 * own Finished was spoiled has completed before the server answers, and
 * the server's alert reaches it through kTLS, under the server's
 * application keys: a control record (-EIO without room for its type),
 * not a forgery (-EBADMSG).
 */
static void hs_test_faults(struct kunit *test)
{
	const struct hs_test_fault_case *c = test->param_value;
	struct hs_test *t = hs_test_open(test);
	struct hs_test_end *sender = c->server ? &t->server : &t->client;
	struct hs_test_end *receiver = c->server ? &t->client : &t->server;

	/* Client certificates, so that the client sends a CertificateVerify. */
	t->client.params.cert_chain = tlshake_test_ec256_chain.data;
	t->client.params.cert_chain_len = tlshake_test_ec256_chain.len;
	t->client.params.private_key = tlshake_test_ec256_pkcs8.data;
	t->client.params.private_key_len = tlshake_test_ec256_pkcs8.len;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT |
				  TLSHAKE_VERIFY_INSECURE;

	hs_test_fault.server = c->server;
	hs_test_fault.msg_type = c->msg_type;
	hs_test_fault.record = c->record;
	hs_test_fault.done = false;
	WRITE_ONCE(tlshake_tamper, &hs_test_fault_hooks);
	hs_test_run(t);
	WRITE_ONCE(tlshake_tamper, NULL);

	KUNIT_EXPECT_TRUE(test, hs_test_fault.done);
	hs_test_expect_alert(test, receiver, -EBADMSG, TLSHAKE_ALERT_SENT,
			     c->alert, "receiver");
	if (c->server) {
		hs_test_expect_alert(test, sender, -ECONNABORTED,
				     TLSHAKE_ALERT_RECEIVED, c->alert,
				     "sender");
	} else if (!sender->err) {
		char byte;

		KUNIT_EXPECT_EQ(test, hs_test_recv(sender->sock, &byte, 1),
				-EIO);
	} else {
		KUNIT_FAIL(test, "sender: %d", sender->err);
	}
	hs_test_close(t);
}

/* The server's handshake must not read what the client sends through
 * kTLS right after its Finished: the server is held back before it reads
 * the client's second flight until the client has sent data.
 */
static struct {
	unsigned int reads;
	struct completion sent;
} hs_test_hold;

static void hs_test_hold_read(bool server)
{
	/* The server's first read takes ClientHello; the second starts the
	 * client's second flight.
	 */
	if (server && ++hs_test_hold.reads == 2)
		wait_for_completion_timeout(&hs_test_hold.sent,
					    msecs_to_jiffies(HS_TEST_TIMEOUT_MS));
}

static const struct tlshake_tamper hs_test_hold_hooks = {
	.read = hs_test_hold_read,
};

static void hs_test_data_after_finished(struct kunit *test)
{
	static const char text[] = "sent right after Finished";
	struct hs_test *t = hs_test_open(test);
	char buf[sizeof(text)];

	hs_test_hold.reads = 0;
	init_completion(&hs_test_hold.sent);
	WRITE_ONCE(tlshake_tamper, &hs_test_hold_hooks);
	hs_test_start(&t->server);
	t->client.err = tlshake_handshake(t->client.sock, &t->client.params,
					  &t->client.result);
	if (!t->client.err)
		KUNIT_EXPECT_EQ(test, hs_test_send(t->client.sock, text,
						   sizeof(text)),
				(int)sizeof(text));
	complete(&hs_test_hold.sent);
	hs_test_finish(&t->server);
	WRITE_ONCE(tlshake_tamper, NULL);

	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_ASSERT_EQ(test, hs_test_recv(t->server.sock, buf, sizeof(buf)),
			(int)sizeof(buf));
	KUNIT_EXPECT_EQ(test, memcmp(buf, text, sizeof(text)), 0);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);
}

/* The test as the peer.  Messages are built with wire.h into a buffer,
 * one handshake record each; the engine's alert is read back.
 */
#define HS_TEST_BUF	2048

static int hs_test_send_record(struct socket *sock, u8 type, const u8 *data,
			       size_t len)
{
	u8 hdr[TLSW_RECORD_HEADER_LEN];
	struct tlsw_wr w;
	int err;

	tlsw_wr_init(&w, hdr, sizeof(hdr));
	tlsw_build_record_header(&w, type, TLSW_VERSION_TLS12, len);
	err = hs_test_send(sock, hdr, sizeof(hdr));
	if (err == sizeof(hdr))
		err = hs_test_send(sock, data, len);
	return err == len ? 0 : -EIO;
}

/* Read one record into @buf; return its length or a negative errno. */
static int hs_test_read_record(struct socket *sock, u8 *buf, size_t size,
			       u8 *type)
{
	u8 hdr[TLSW_RECORD_HEADER_LEN];
	size_t len;

	if (hs_test_recv(sock, hdr, sizeof(hdr)) != sizeof(hdr))
		return -EIO;
	len = get_unaligned_be16(hdr + 3);
	if (len > size || hs_test_recv(sock, buf, len) != len)
		return -EIO;
	*type = hdr[0];
	return len;
}

static void hs_test_read_alert(struct kunit *test, struct socket *sock,
			       u8 alert, const char *what)
{
	u8 buf[16], type = 0;
	int len;

	len = hs_test_read_record(sock, buf, sizeof(buf), &type);
	KUNIT_EXPECT_EQ_MSG(test, len, 2, "%s: alert record", what);
	KUNIT_EXPECT_EQ_MSG(test, type, TLSW_CT_ALERT, "%s: alert record",
			    what);
	if (len == 2) {
		KUNIT_EXPECT_EQ_MSG(test, buf[0], TLSW_ALERT_LEVEL_FATAL,
				    "%s", what);
		KUNIT_EXPECT_EQ_MSG(test, buf[1], alert, "%s", what);
	}
}

/**
 * struct hs_test_hello - what a hand-built ClientHello or ServerHello has
 * @suite: the cipher suite (offered or selected)
 * @group: the group of the key share
 * @share_len: the length of the key share, 0 for the group's
 * @share_byte: the value of every byte of the key share; a P-256 share
 *	starts with 0x04 nevertheless
 * @no_versions: leave out supported_versions
 * @no_sig_algs: leave out signature_algorithms (ClientHello)
 * @no_key_share: leave out key_share
 * @dup_ext: repeat supported_groups (ClientHello)
 * @truncate: cut the message this many bytes short, lengths adjusted
 * @hrr: a HelloRetryRequest for @group (ServerHello)
 * @no_session_id: do not echo the session ID (ServerHello)
 * @sni: the server_name to send, or NULL (ClientHello)
 * @tls12: a TLS 1.2 ClientHello or ServerHello: no supported_versions nor
 *	key_share, an ECDHE_ECDSA suite, extended_master_secret,
 *	ec_point_formats and an empty renegotiation_info; the ServerHello
 *	has an empty session ID (a new session the server will not resume)
 * @compression: offer this compression method instead of null
 * @no_ems: leave out extended_master_secret (@tls12)
 * @no_reneg: leave out renegotiation_info (@tls12)
 * @scsv: offer TLS_EMPTY_RENEGOTIATION_INFO_SCSV too (@tls12)
 * @reneg_len: bytes of renegotiated_connection (@tls12)
 * @no_cert_curve: leave secp256r1, the curve of the server's certificate,
 *	out of supported_groups (@tls12, which otherwise adds it)
 * @rsa_pss: offer rsa_pss_rsae_sha256 too in signature_algorithms
 */
struct hs_test_hello {
	u16 suite;
	u16 group;
	u16 share_len;
	u8 share_byte;
	bool no_versions;
	bool no_sig_algs;
	bool no_key_share;
	bool dup_ext;
	u8 truncate;
	bool hrr;
	bool no_session_id;
	const char *sni;
	bool tls12;
	u8 compression;
	bool no_ems;
	bool no_reneg;
	bool scsv;
	u8 reneg_len;
	bool no_cert_curve;
	bool rsa_pss;
};

/* The longest key share a test sends: ffdhe2048's. */
#define HS_TEST_SHARE_MAX	256

static size_t hs_test_share(const struct hs_test_hello *h, u8 *share)
{
	u16 group = h->group ?: TLSW_GROUP_X25519;
	size_t len = h->share_len;

	if (!len)
		len = group == TLSW_GROUP_X25519 ? 32 :
		      group == TLSW_GROUP_SECP256R1 ? 65 : 97;
	memset(share, h->share_byte, len);
	if (group != TLSW_GROUP_X25519)
		share[0] = 0x04;
	return len;
}

static void hs_test_truncate(struct tlsw_wr *w, u8 n)
{
	if (!n)
		return;
	w->len -= n;
	put_unaligned_be24(w->len - TLSW_HS_HEADER_LEN, w->buf + 1);
}

/* Where a ClientHello of hs_test_build_ch() has its compression method:
 * after the header, version, random, 32-byte session ID and suites.
 */
#define HS_TEST_CH_COMPRESSION(n_suites) \
	(TLSW_HS_HEADER_LEN + 2 + TLSW_RANDOM_LEN + 1 + 32 + 2 + \
	 2 * (n_suites) + 1)

static void hs_test_build_ch12_exts(struct tlsw_wr *w,
				    const struct hs_test_hello *h)
{
	static const u8 point_formats[] = { TLSW_EC_POINT_UNCOMPRESSED };
	static const u8 reneg[255];

	if (!h->no_ems)
		tlsw_build_ext_empty(w, TLSW_EXT_EXTENDED_MASTER_SECRET);
	tlsw_build_ext_u8_list(w, TLSW_EXT_EC_POINT_FORMATS, point_formats,
			       ARRAY_SIZE(point_formats));
	if (!h->no_reneg)
		tlsw_build_ext_u8_list(w, TLSW_EXT_RENEGOTIATION_INFO, reneg,
				       h->reneg_len);
}

static void hs_test_build_ch(struct tlsw_wr *w, const struct hs_test_hello *h)
{
	static const u16 versions[] = { TLSW_VERSION_TLS13 };
	static const u16 sig_algs[] = {
		TLSW_SIG_ECDSA_SECP256R1_SHA256, TLSW_SIG_RSA_PSS_RSAE_SHA256,
	};
	u8 random[TLSW_RANDOM_LEN] = {}, session_id[32] = {};
	u8 share[HS_TEST_SHARE_MAX];
	u16 suites[2] = {
		h->suite ?: h->tls12 ? TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256 :
		TLSW_TLS_AES_128_GCM_SHA256,
		TLSW_TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
	};
	size_t n_suites = h->scsv ? 2 : 1;
	u16 group = h->group ?: TLSW_GROUP_X25519;
	u16 groups[2] = { group, TLSW_GROUP_SECP256R1 };
	struct tlsw_key_share ks = { .group = group };
	struct tlsw_msg_wr m;

	tlsw_slice_init(&ks.key, share, hs_test_share(h, share));
	tlsw_build_client_hello_begin(w, &m, random, session_id,
				      sizeof(session_id), suites, n_suites);
	if (h->compression && !tlsw_wr_error(w))
		w->buf[HS_TEST_CH_COMPRESSION(n_suites)] = h->compression;
	if (!h->no_versions && !h->tls12)
		tlsw_build_ext_supported_versions(w, versions, 1);
	if (h->tls12)
		hs_test_build_ch12_exts(w, h);
	if (h->sni)
		tlsw_build_ext_server_name(w, h->sni, strlen(h->sni));
	/* TLS 1.2: the curve of the server's certificate too. */
	tlsw_build_ext_u16_list(w, TLSW_EXT_SUPPORTED_GROUPS, groups,
				h->tls12 && !h->no_cert_curve &&
				group != TLSW_GROUP_SECP256R1 ? 2 : 1);
	if (h->dup_ext)
		tlsw_build_ext_u16_list(w, TLSW_EXT_SUPPORTED_GROUPS, &group,
					1);
	if (!h->no_key_share && !h->tls12)
		tlsw_build_ext_key_share_ch(w, &ks, 1);
	if (!h->no_sig_algs)
		tlsw_build_ext_u16_list(w, TLSW_EXT_SIGNATURE_ALGORITHMS,
					sig_algs, h->rsa_pss ? 2 : 1);
	tlsw_build_msg_end(w, &m);
	hs_test_truncate(w, h->truncate);
}

static void hs_test_build_sh(struct tlsw_wr *w, const struct hs_test_hello *h,
			     const struct tlsw_client_hello *ch)
{
	u8 random[TLSW_RANDOM_LEN], share[HS_TEST_SHARE_MAX];
	struct tlsw_key_share ks = {
		.group = h->group ?: TLSW_GROUP_X25519,
	};
	u16 suite = h->suite ?: TLSW_TLS_AES_128_GCM_SHA256;
	size_t sid_len = h->no_session_id ? 0 : ch->session_id.len;
	struct tlsw_msg_wr m;

	memset(random, 0x5a, sizeof(random));
	if (h->tls12) {
		tlsw_build_server_hello_begin(w, &m, random, NULL, 0,
					      h->suite ?:
					      TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256);
		hs_test_build_ch12_exts(w, h);
		tlsw_build_msg_end(w, &m);
		return;
	}
	tlsw_slice_init(&ks.key, share, hs_test_share(h, share));
	if (h->hrr)
		tlsw_build_hello_retry_request_begin(w, &m, ch->session_id.data,
						     sid_len, suite);
	else
		tlsw_build_server_hello_begin(w, &m, random,
					      ch->session_id.data, sid_len,
					      suite);
	if (!h->no_versions)
		tlsw_build_ext_selected_version(w, TLSW_VERSION_TLS13);
	if (h->hrr)
		tlsw_build_ext_key_share_hrr(w, ks.group);
	else if (!h->no_key_share)
		tlsw_build_ext_key_share_sh(w, &ks);
	tlsw_build_msg_end(w, &m);
	hs_test_truncate(w, h->truncate);
}

/* What a server engine answers a hand-built first flight with; a server
 * of TLS 1.3 alone if @tls13_only.
 */
struct hs_test_bad_client {
	const char *name;
	struct hs_test_hello ch;
	u8 record_type;
	u8 msg_type;
	u8 alert;
	int err;
	bool tls13_only;
};

static const struct hs_test_bad_client hs_test_bad_clients[] = {
	{ "no supported_versions", { .no_versions = true }, 0, 0,
	  TLSW_ALERT_PROTOCOL_VERSION, -EPROTO, true },
	{ "TLS 1.2 ClientHello", { .tls12 = true }, 0, 0,
	  TLSW_ALERT_PROTOCOL_VERSION, -EPROTO, true },
	{ "TLS 1.2, null compression not offered",
	  { .tls12 = true, .compression = 1 }, 0, 0,
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "TLS 1.2, no extended master secret",
	  { .tls12 = true, .no_ems = true }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, renegotiated_connection not empty",
	  { .tls12 = true, .reneg_len = 12 }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, no secure renegotiation",
	  { .tls12 = true, .no_reneg = true }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, TLS 1.3 suite", { .tls12 = true,
				      .suite = TLSW_TLS_AES_128_GCM_SHA256 },
	  0, 0, TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, RSA suite for an ECDSA key",
	  { .tls12 = true, .suite = TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256 },
	  0, 0, TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, certificate's curve not supported",
	  { .tls12 = true, .no_cert_curve = true }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "TLS 1.2, no signature_algorithms",
	  { .tls12 = true, .no_sig_algs = true }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "no signature_algorithms", { .no_sig_algs = true }, 0, 0,
	  TLSW_ALERT_MISSING_EXTENSION, -EPROTO },
	{ "no key_share", { .no_key_share = true }, 0, 0,
	  TLSW_ALERT_MISSING_EXTENSION, -EPROTO },
	{ "no common cipher suite", { .suite = TLSW_TLS_AES_128_CCM_SHA256 },
	  0, 0, TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "no common group", { .group = TLSW_GROUP_FFDHE2048,
			       .share_len = 256, .share_byte = 2 }, 0, 0,
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "X25519 share of 31 bytes", { .share_len = 31, .share_byte = 9 },
	  0, 0, TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "P-256 share of 64 bytes", { .group = TLSW_GROUP_SECP256R1,
				       .share_len = 64, .share_byte = 1 },
	  0, 0, TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "all-zero X25519 result", { .share_byte = 0 }, 0, 0,
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "P-256 point not on the curve", { .group = TLSW_GROUP_SECP256R1,
					    .share_byte = 1 }, 0, 0,
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "duplicate extension", { .dup_ext = true, .share_byte = 9 }, 0, 0,
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "truncated ClientHello", { .truncate = 1, .share_byte = 9 }, 0, 0,
	  TLSW_ALERT_DECODE_ERROR, -EBADMSG },
	{ "Finished first", {}, 0, TLSW_HS_FINISHED,
	  TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
	{ "application data first", {}, TLSW_CT_APPLICATION_DATA, 0,
	  TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
	{ "unknown record type", {}, 0x42, 0,
	  TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
	{ "ChangeCipherSpec first", {}, TLSW_CT_CHANGE_CIPHER_SPEC, 0,
	  TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
	{ "record of 2^14 + 1 bytes", {}, TLSW_CT_HANDSHAKE, 0,
	  TLSW_ALERT_RECORD_OVERFLOW, -EBADMSG },
	{ "server_name of another host", { .sni = "other.example",
					   .share_byte = 9 }, 0, 0,
	  TLSW_ALERT_UNRECOGNIZED_NAME, -EPROTO },
};

static void hs_test_server_alerts(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	unsigned int i;
	int err;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(hs_test_bad_clients); i++) {
		const struct hs_test_bad_client *c = &hs_test_bad_clients[i];
		struct hs_test *t = hs_test_open(test);
		struct tlsw_wr w;

		if (c->tls13_only)
			t->server.params.min_version = TLSHAKE_TLS_1_3;
		tlsw_wr_init(&w, buf, HS_TEST_BUF);
		if (c->msg_type) {
			static const u8 vd[32];
			struct tlsw_wr_vec v;

			tlsw_build_hs_begin(&w, c->msg_type, &v);
			tlsw_wr_bytes(&w, vd, sizeof(vd));
			tlsw_wr_vec_end(&w, &v);
		} else if (c->record_type == TLSW_CT_HANDSHAKE) {
			/* Only the header goes out: the length is refused. */
			tlsw_build_record_header(&w, TLSW_CT_HANDSHAKE,
						 TLSW_VERSION_TLS12,
						 TLSW_MAX_PLAINTEXT + 1);
		} else if (c->record_type) {
			tlsw_wr_u8(&w, 1);
		} else {
			hs_test_build_ch(&w, &c->ch);
		}
		KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(&w), 0, "%s", c->name);

		hs_test_start(&t->server);
		if (c->record_type == TLSW_CT_HANDSHAKE)
			err = hs_test_send(t->client.sock, buf, w.len) != w.len;
		else
			err = hs_test_send_record(t->client.sock,
						  c->record_type ?:
						  TLSW_CT_HANDSHAKE,
						  buf, w.len);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "%s", c->name);
		hs_test_read_alert(test, t->client.sock, c->alert, c->name);
		hs_test_finish(&t->server);
		hs_test_expect_alert(test, &t->server, c->err,
				     TLSHAKE_ALERT_SENT, c->alert, c->name);
		hs_test_close(t);
	}
}

/* What a client engine answers a hand-built ServerHello with. */
struct hs_test_bad_server {
	const char *name;
	struct hs_test_hello sh;
	u8 alert;
	int err;
	bool tls13_only;
};

static const struct hs_test_bad_server hs_test_bad_servers[] = {
	{ "TLS 1.2 ServerHello", { .no_versions = true, .no_key_share = true },
	  TLSW_ALERT_PROTOCOL_VERSION, -EPROTO, true },
	{ "TLS 1.2 ServerHello, TLS 1.3 suite",
	  { .no_versions = true, .no_key_share = true },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "TLS 1.2 ServerHello, no extended master secret",
	  { .no_versions = true, .no_key_share = true,
	    .suite = TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256 },
	  TLSW_ALERT_HANDSHAKE_FAILURE, -EPROTO },
	{ "session ID not echoed", { .no_session_id = true, .share_byte = 9 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "cipher suite not offered", { .suite = TLSW_TLS_AES_128_CCM_SHA256,
					.share_byte = 9 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "share for another group", { .group = TLSW_GROUP_SECP256R1 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "X25519 share of 31 bytes", { .share_len = 31, .share_byte = 9 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "all-zero X25519 result", { .share_byte = 0 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
	{ "no key_share", { .no_key_share = true },
	  TLSW_ALERT_MISSING_EXTENSION, -EPROTO },
	{ "truncated ServerHello", { .truncate = 1, .share_byte = 9 },
	  TLSW_ALERT_DECODE_ERROR, -EBADMSG },
	{ "HelloRetryRequest for the group offered",
	  { .hrr = true, .group = TLSW_GROUP_X25519 },
	  TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO },
};

/* Take the engine's ClientHello off the wire; return its length. */
static int hs_test_take_ch(struct kunit *test, struct socket *sock, u8 *buf,
			   struct tlsw_client_hello *ch)
{
	enum tlsw_alert alert;
	u8 type = 0;
	int len;

	len = hs_test_read_record(sock, buf, HS_TEST_BUF, &type);
	KUNIT_ASSERT_GT(test, len, TLSW_HS_HEADER_LEN);
	KUNIT_ASSERT_EQ(test, type, TLSW_CT_HANDSHAKE);
	KUNIT_ASSERT_EQ(test, buf[0], TLSW_HS_CLIENT_HELLO);
	KUNIT_ASSERT_EQ(test, tlsw_parse_client_hello(buf + TLSW_HS_HEADER_LEN,
						      len - TLSW_HS_HEADER_LEN,
						      ch, &alert), 0);
	return len;
}

static void hs_test_client_alerts(struct kunit *test)
{
	u8 *ch_buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	struct tlsw_client_hello ch;
	unsigned int i;
	int err;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ch_buf);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(hs_test_bad_servers); i++) {
		const struct hs_test_bad_server *c = &hs_test_bad_servers[i];
		struct hs_test *t = hs_test_open(test);
		struct tlsw_wr w;

		if (c->tls13_only)
			t->client.params.min_version = TLSHAKE_TLS_1_3;
		hs_test_start(&t->client);
		hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
		tlsw_wr_init(&w, buf, HS_TEST_BUF);
		hs_test_build_sh(&w, &c->sh, &ch);
		KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(&w), 0, "%s", c->name);
		err = hs_test_send_record(t->server.sock, TLSW_CT_HANDSHAKE,
					  buf, w.len);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "%s", c->name);
		hs_test_read_alert(test, t->server.sock, c->alert, c->name);
		hs_test_finish(&t->client);
		hs_test_expect_alert(test, &t->client, c->err,
				     TLSHAKE_ALERT_SENT, c->alert, c->name);
		hs_test_close(t);
	}
}

/* A TLS 1.2 client answers a valid ServerHello and then a message or
 * record out of turn with an unexpected_message: a ChangeCipherSpec
 * before there are keys to change to (the early CCS of CVE-2014-0224),
 * a Finished, or a ServerHelloDone with no Certificate before it.  That
 * the ServerHello was taken shows in the last case: a Certificate of no
 * bytes is a decode_error.
 */
static void hs_test_client12_sequence(struct kunit *test)
{
	static const struct hs_test_hello sh = { .tls12 = true };
	static const struct {
		const char *name;
		u8 record_type;
		u8 msg_type;
		u8 alert;
		int err;
	} cases[] = {
		{ "ChangeCipherSpec after ServerHello",
		  TLSW_CT_CHANGE_CIPHER_SPEC, 0,
		  TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
		{ "Finished after ServerHello", TLSW_CT_HANDSHAKE,
		  TLSW_HS_FINISHED, TLSW_ALERT_UNEXPECTED_MESSAGE, -EPROTO },
		{ "ServerHelloDone after ServerHello", TLSW_CT_HANDSHAKE,
		  TLSW_HS_SERVER_HELLO_DONE, TLSW_ALERT_UNEXPECTED_MESSAGE,
		  -EPROTO },
		{ "empty Certificate after ServerHello", TLSW_CT_HANDSHAKE,
		  TLSW_HS_CERTIFICATE, TLSW_ALERT_DECODE_ERROR, -EBADMSG },
	};
	u8 *ch_buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	struct tlsw_client_hello ch;
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ch_buf);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct hs_test *t = hs_test_open(test);
		const char *what = cases[i].name;
		struct tlsw_wr_vec v;
		struct tlsw_wr w;
		size_t sh_len;

		hs_test_start(&t->client);
		hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
		tlsw_wr_init(&w, buf, HS_TEST_BUF);
		hs_test_build_sh(&w, &sh, &ch);
		sh_len = w.len;
		if (cases[i].msg_type) {
			tlsw_build_hs_begin(&w, cases[i].msg_type, &v);
			if (cases[i].msg_type == TLSW_HS_FINISHED)
				tlsw_wr_bytes(&w, buf, 12);
			tlsw_wr_vec_end(&w, &v);
		} else {
			tlsw_wr_u8(&w, 1);
		}
		KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(&w), 0, "%s", what);

		KUNIT_EXPECT_EQ_MSG(test,
				    hs_test_send_record(t->server.sock,
							TLSW_CT_HANDSHAKE, buf,
							sh_len), 0, "%s", what);
		KUNIT_EXPECT_EQ_MSG(test,
				    hs_test_send_record(t->server.sock,
							cases[i].record_type,
							buf + sh_len,
							w.len - sh_len), 0,
				    "%s", what);
		hs_test_read_alert(test, t->server.sock, cases[i].alert, what);
		hs_test_finish(&t->client);
		hs_test_expect_alert(test, &t->client, cases[i].err,
				     TLSHAKE_ALERT_SENT, cases[i].alert, what);
		hs_test_close(t);
	}
}

/* Exactly one ChangeCipherSpec of the single byte 1 is dropped; a second
 * one, or another value, is an unexpected_message.  So is a second
 * HelloRetryRequest.
 */
static void hs_test_client_sequence(struct kunit *test)
{
	static const struct hs_test_hello hrr = {
		.hrr = true, .group = TLSW_GROUP_SECP256R1,
	};
	u8 *ch_buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	static const u8 one = 1, two = 2;
	struct tlsw_client_hello ch;
	struct tlsw_key_share ks;
	enum tlsw_alert alert;
	struct hs_test *t;
	struct tlsw_wr w;
	u8 type;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ch_buf);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	t = hs_test_open(test);
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_CHANGE_CIPHER_SPEC,
						  &one, 1), 0);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_CHANGE_CIPHER_SPEC,
						  &one, 1), 0);
	hs_test_read_alert(test, t->server.sock,
			   TLSW_ALERT_UNEXPECTED_MESSAGE, "two CCS");
	hs_test_finish(&t->client);
	hs_test_expect_alert(test, &t->client, -EPROTO, TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_UNEXPECTED_MESSAGE, "two CCS");
	hs_test_close(t);

	t = hs_test_open(test);
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_CHANGE_CIPHER_SPEC,
						  &two, 1), 0);
	hs_test_read_alert(test, t->server.sock,
			   TLSW_ALERT_UNEXPECTED_MESSAGE, "CCS of 2");
	hs_test_finish(&t->client);
	hs_test_close(t);

	/* The client answers HelloRetryRequest with its ChangeCipherSpec
	 * and a second ClientHello sharing the group asked for; a second
	 * HelloRetryRequest is unexpected.
	 */
	t = hs_test_open(test);
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
	tlsw_wr_init(&w, buf, HS_TEST_BUF);
	hs_test_build_sh(&w, &hrr, &ch);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_HANDSHAKE, buf,
						  w.len), 0);
	KUNIT_EXPECT_EQ(test, hs_test_read_record(t->server.sock, ch_buf,
						  HS_TEST_BUF, &type), 1);
	KUNIT_EXPECT_EQ(test, type, TLSW_CT_CHANGE_CIPHER_SPEC);
	hs_test_take_ch(test, t->server.sock, ch_buf, &ch);
	KUNIT_EXPECT_EQ(test, tlsw_key_share_find(&ch.ext.key_shares,
						  TLSW_GROUP_SECP256R1, &ks,
						  &alert), 1);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_HANDSHAKE, buf,
						  w.len), 0);
	hs_test_read_alert(test, t->server.sock,
			   TLSW_ALERT_UNEXPECTED_MESSAGE, "second HRR");
	hs_test_finish(&t->client);
	hs_test_expect_alert(test, &t->client, -EPROTO, TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_UNEXPECTED_MESSAGE, "second HRR");
	hs_test_close(t);
}

/* A ClientHello split over three records is reassembled: the server
 * answers with its ServerHello.
 */
static void hs_test_fragmented(struct kunit *test)
{
	static const struct hs_test_hello ch = { .share_byte = 9 };
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	struct hs_test *t = hs_test_open(test);
	struct tlsw_wr w;
	size_t a, b;
	u8 type = 0;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	tlsw_wr_init(&w, buf, HS_TEST_BUF);
	hs_test_build_ch(&w, &ch);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	/* The header alone, then the body in two. */
	a = TLSW_HS_HEADER_LEN;
	b = a + (w.len - a) / 2;

	hs_test_start(&t->server);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->client.sock,
						  TLSW_CT_HANDSHAKE, buf, a), 0);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->client.sock,
						  TLSW_CT_HANDSHAKE, buf + a,
						  b - a), 0);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->client.sock,
						  TLSW_CT_HANDSHAKE, buf + b,
						  w.len - b), 0);
	KUNIT_EXPECT_GT(test, hs_test_read_record(t->client.sock, buf,
						  HS_TEST_BUF, &type), 0);
	KUNIT_EXPECT_EQ(test, type, TLSW_CT_HANDSHAKE);
	KUNIT_EXPECT_EQ(test, buf[0], TLSW_HS_SERVER_HELLO);

	/* The client goes away: the server's handshake ends with no alert. */
	sock_release(t->client.sock);
	t->client.sock = NULL;
	hs_test_finish(&t->server);
	KUNIT_EXPECT_EQ(test, t->server.err, -ECONNRESET);
	KUNIT_EXPECT_EQ(test, t->server.result.alert_origin,
			TLSHAKE_ALERT_NONE);
	hs_test_close(t);
}

/* How a handshake ends when the peer stops: close_notify, the connection
 * closed, or silence until the handshake's time is up.  The socket's own
 * timeouts are back afterwards.
 */
static void hs_test_peer_gone(struct kunit *test)
{
	static const u8 close_notify[] = {
		TLSW_ALERT_LEVEL_WARNING, TLSW_ALERT_CLOSE_NOTIFY,
	};
	u8 *buf = kunit_kzalloc(test, HS_TEST_BUF, GFP_KERNEL);
	struct tlsw_client_hello ch;
	struct hs_test *t;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	t = hs_test_open(test);
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, buf, &ch);
	KUNIT_EXPECT_EQ(test, hs_test_send_record(t->server.sock,
						  TLSW_CT_ALERT, close_notify,
						  sizeof(close_notify)), 0);
	hs_test_finish(&t->client);
	hs_test_expect_alert(test, &t->client, -ECONNABORTED,
			     TLSHAKE_ALERT_RECEIVED, TLSW_ALERT_CLOSE_NOTIFY,
			     "close_notify");
	hs_test_close(t);

	t = hs_test_open(test);
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, buf, &ch);
	sock_release(t->server.sock);
	t->server.sock = NULL;
	hs_test_finish(&t->client);
	hs_test_expect_alert(test, &t->client, -ECONNRESET,
			     TLSHAKE_ALERT_NONE, 0, "closed");
	hs_test_close(t);

	t = hs_test_open(test);
	t->client.params.timeout_ms = 300;
	hs_test_start(&t->client);
	hs_test_take_ch(test, t->server.sock, buf, &ch);
	hs_test_finish(&t->client);
	hs_test_expect_alert(test, &t->client, -ETIMEDOUT,
			     TLSHAKE_ALERT_NONE, 0, "silence");
	KUNIT_EXPECT_EQ(test, t->client.sock->sk->sk_rcvtimeo,
			msecs_to_jiffies(HS_TEST_TIMEOUT_MS));
	KUNIT_EXPECT_EQ(test, t->client.sock->sk->sk_sndtimeo,
			msecs_to_jiffies(HS_TEST_TIMEOUT_MS));
	hs_test_close(t);
}

/* Parameters are checked before anything is sent. */
static void hs_test_params(struct kunit *test)
{
	/* TLS_RSA_WITH_AES_128_CBC_SHA: CBC, which kTLS does not carry */
	static const u16 bad_suite = 0x002f;
	static const u16 dhe_suite = TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256;
	static const u16 tls12_suite = TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256;
	static const u8 bad_alpn[] = "\x05h2";
	struct tlshake_result result;
	struct hs_test *t = hs_test_open(test);
	struct tlshake_params p;
	char byte;
	struct kvec kv = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = { .msg_flags = MSG_DONTWAIT };

	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, NULL, &result),
			-EINVAL);

	p = t->server.params;
	p.private_key = NULL;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->server.params;
	p.private_key_len = 7;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.role = 3;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	/* No suite left of the versions allowed. */
	p = t->server.params;
	p.min_version = TLSHAKE_TLS_1_3;
	p.cipher_suites = &tls12_suite;
	p.num_cipher_suites = 1;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.cipher_suites = &bad_suite;
	p.num_cipher_suites = 1;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	/* Nor does a server take DHE without a finite-field group. */
	p = t->server.params;
	p.cipher_suites = &dhe_suite;
	p.num_cipher_suites = 1;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->server.params;
	p.options = TLSHAKE_OPT_CLIENT_PREFERENCE << 1;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.alpn = bad_alpn;
	p.alpn_len = sizeof(bad_alpn) - 1;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.verify |= TLSHAKE_VERIFY_REQUIRE_CLIENT;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.server_name = "not a host name";
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	/* Trust anchors without a name to check the server against. */
	p = t->client.params;
	p.server_name = NULL;
	p.trust_anchors = tlshake_test_ec256_chain.data;
	p.trust_anchors_len = tlshake_test_ec256_chain.len;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);

	/* Nothing reached either end. */
	KUNIT_EXPECT_EQ(test, kernel_recvmsg(t->client.sock, &msg, &kv, 1, 1,
					     MSG_DONTWAIT), -EAGAIN);
	KUNIT_EXPECT_EQ(test, kernel_recvmsg(t->server.sock, &msg, &kv, 1, 1,
					     MSG_DONTWAIT), -EAGAIN);
	hs_test_close(t);
}

/* TLS 1.2 between the engines: each ECDHE suite with the certificate
 * kinds it takes.  The server takes TLS 1.2 alone (its suites say so), the
 * client both versions: a server capped at TLS 1.2 writes no downgrade
 * sentinel, which this client would refuse.  The client supports the
 * group of the key exchange and the curve of an ECDSA certificate, and
 * offers @scheme alone if @only.
 */
struct hs_test_combo12 {
	u16 suite;
	u16 group;
	u16 curve;
	const struct tlshake_test_blob *chain, *key;
	u16 scheme;
	const char *name;
	bool only;
};

static const struct hs_test_combo12 hs_test_combos12[] = {
	{ TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256, TLSW_GROUP_X25519,
	  TLSW_GROUP_SECP256R1,
	  &tlshake_test_ec256_chain, &tlshake_test_ec256_pkcs8,
	  TLSW_SIG_ECDSA_SECP256R1_SHA256, "ECDHE-ECDSA AES-128-GCM P-256" },
	{ TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384, TLSW_GROUP_SECP384R1,
	  TLSW_GROUP_SECP384R1,
	  &tlshake_test_ec384_chain, &tlshake_test_ec384_sec1,
	  TLSW_SIG_ECDSA_SECP384R1_SHA384, "ECDHE-ECDSA AES-256-GCM P-384" },
	{ TLSW_TLS_ECDHE_ECDSA_CHACHA20_POLY1305, TLSW_GROUP_SECP256R1,
	  TLSW_GROUP_SECP256R1,
	  &tlshake_test_ec256_chain, &tlshake_test_ec256_pkcs8,
	  TLSW_SIG_ECDSA_SECP256R1_SHA256, "ECDHE-ECDSA ChaCha20 P-256" },
	{ TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256, TLSW_GROUP_X25519, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8,
	  TLSW_SIG_RSA_PSS_RSAE_SHA256, "ECDHE-RSA AES-128-GCM" },
	{ TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384, TLSW_GROUP_SECP256R1, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs1,
	  TLSW_SIG_RSA_PSS_RSAE_SHA256, "ECDHE-RSA AES-256-GCM" },
	{ TLSW_TLS_ECDHE_RSA_CHACHA20_POLY1305, TLSW_GROUP_SECP384R1, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8,
	  TLSW_SIG_RSA_PSS_RSAE_SHA256, "ECDHE-RSA ChaCha20" },
	/* TLS 1.2 pairs an ECDSA hash with a key of any curve. */
	{ TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256, TLSW_GROUP_X25519,
	  TLSW_GROUP_SECP256R1, &tlshake_test_ec256_chain,
	  &tlshake_test_ec256_pkcs8, TLSW_SIG_ECDSA_SECP384R1_SHA384,
	  "ECDSA-SHA384 with P-256", true },
	{ TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384, TLSW_GROUP_SECP384R1,
	  TLSW_GROUP_SECP384R1, &tlshake_test_ec384_chain,
	  &tlshake_test_ec384_sec1, TLSW_SIG_ECDSA_SECP256R1_SHA256,
	  "ECDSA-SHA256 with P-384", true },
	{ TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256, TLSW_GROUP_FFDHE2048, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8,
	  TLSW_SIG_RSA_PSS_RSAE_SHA256, "DHE-RSA AES-128-GCM ffdhe2048" },
	{ TLSW_TLS_DHE_RSA_AES_256_GCM_SHA384, TLSW_GROUP_FFDHE3072, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8,
	  TLSW_SIG_RSA_PSS_RSAE_SHA256, "DHE-RSA AES-256-GCM ffdhe3072" },
	/* RSA key transport: no group, no ServerKeyExchange to sign. */
	{ TLSW_TLS_RSA_AES_128_GCM_SHA256, 0, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs8, 0,
	  "RSA AES-128-GCM" },
	{ TLSW_TLS_RSA_AES_256_GCM_SHA384, 0, 0,
	  &tlshake_test_rsa2048_chain, &tlshake_test_rsa2048_pkcs1, 0,
	  "RSA AES-256-GCM" },
};

static void hs_test_combo12_desc(const struct hs_test_combo12 *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hs_test_combo12, hs_test_combos12, hs_test_combo12_desc);

/* The server's ServerHello, captured by the message hook. */
static struct {
	u8 random[TLSW_RANDOM_LEN];
	bool seen;
} hs_test_sh;

static void hs_test_sh_msg(bool server, u8 *msg, size_t len)
{
	if (server && msg[0] == TLSW_HS_SERVER_HELLO &&
	    len >= TLSW_HS_HEADER_LEN + 2 + TLSW_RANDOM_LEN) {
		memcpy(hs_test_sh.random, msg + TLSW_HS_HEADER_LEN + 2,
		       TLSW_RANDOM_LEN);
		hs_test_sh.seen = true;
	}
}

static const struct tlshake_tamper hs_test_sh_hooks = {
	.msg = hs_test_sh_msg,
};

static void hs_test_run_sh(struct hs_test *t)
{
	hs_test_sh.seen = false;
	WRITE_ONCE(tlshake_tamper, &hs_test_sh_hooks);
	hs_test_run(t);
	WRITE_ONCE(tlshake_tamper, NULL);
}

static void hs_test_tls12(struct kunit *test)
{
	const struct hs_test_combo12 *c = test->param_value;
	const u16 client_suites[] = { TLSW_TLS_AES_128_GCM_SHA256, c->suite };
	const u16 client_groups[] = { c->group, c->curve };
	struct hs_test *t = hs_test_open(test);

	t->client.params.cipher_suites = client_suites;
	t->client.params.num_cipher_suites = ARRAY_SIZE(client_suites);
	if (c->group) {
		t->client.params.groups = client_groups;
		t->client.params.num_groups = c->curve && c->curve != c->group ?
					      2 : 1;
		t->server.params.groups = &c->group;
		t->server.params.num_groups = 1;
	}
	if (c->only) {
		t->client.params.sig_schemes = &c->scheme;
		t->client.params.num_sig_schemes = 1;
	}
	t->server.params.cipher_suites = &c->suite;
	t->server.params.num_cipher_suites = 1;
	t->server.params.cert_chain = c->chain->data;
	t->server.params.cert_chain_len = c->chain->len;
	t->server.params.private_key = c->key->data;
	t->server.params.private_key_len = c->key->len;

	hs_test_run_sh(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.version, TLSHAKE_TLS_1_2);
	KUNIT_EXPECT_EQ(test, t->server.result.version, TLSHAKE_TLS_1_2);
	KUNIT_EXPECT_EQ(test, t->client.result.cipher_suite, c->suite);
	KUNIT_EXPECT_EQ(test, t->server.result.cipher_suite, c->suite);
	KUNIT_EXPECT_EQ(test, t->client.result.group, c->group);
	KUNIT_EXPECT_EQ(test, t->server.result.group, c->group);
	KUNIT_EXPECT_EQ(test, t->client.result.peer_sig_scheme, c->scheme);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme, 0);
	KUNIT_EXPECT_TRUE(test, hs_test_sh.seen);
	KUNIT_EXPECT_FALSE(test,
			   tlsw_random_has_downgrade_marker(hs_test_sh.random));
	hs_test_data_both_ways(test, t);
	hs_test_close(t);
}

/* A server of both versions that negotiates TLS 1.2 with a client of TLS
 * 1.2 alone ends its random in "DOWNGRD" 01 (RFC 8446 4.1.3).
 */
static void hs_test_tls12_downgrade(struct kunit *test)
{
	static const u16 suite = TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256;
	struct hs_test *t = hs_test_open(test);

	t->client.params.max_version = TLSHAKE_TLS_1_2;
	hs_test_run_sh(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.version, TLSHAKE_TLS_1_2);
	KUNIT_EXPECT_EQ(test, t->server.result.cipher_suite, suite);
	KUNIT_ASSERT_TRUE(test, hs_test_sh.seen);
	KUNIT_EXPECT_EQ(test, memcmp(hs_test_sh.random + TLSW_RANDOM_LEN - 8,
				     "DOWNGRD\x01", 8), 0);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);
}

/* TLS 1.2 faults: a client Finished that does not verify, and a
 * ServerKeyExchange whose signature does not.
 */
static void hs_test_tls12_faults(struct kunit *test)
{
	static const struct {
		bool server;
		u8 msg_type;
	} cases[] = {
		{ false, TLSW_HS_FINISHED },
		{ true, TLSW_HS_SERVER_KEY_EXCHANGE },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct hs_test *t = hs_test_open(test);
		struct hs_test_end *sender = &t->client, *receiver = &t->server;

		if (cases[i].server)
			swap(sender, receiver);
		t->client.params.max_version = TLSHAKE_TLS_1_2;
		hs_test_fault.server = cases[i].server;
		hs_test_fault.msg_type = cases[i].msg_type;
		hs_test_fault.record = false;
		hs_test_fault.done = false;
		WRITE_ONCE(tlshake_tamper, &hs_test_fault_hooks);
		hs_test_run(t);
		WRITE_ONCE(tlshake_tamper, NULL);

		KUNIT_EXPECT_TRUE(test, hs_test_fault.done);
		hs_test_expect_alert(test, receiver, -EBADMSG,
				     TLSHAKE_ALERT_SENT,
				     TLSW_ALERT_DECRYPT_ERROR, "receiver");
		hs_test_expect_alert(test, sender, -ECONNABORTED,
				     TLSHAKE_ALERT_RECEIVED,
				     TLSW_ALERT_DECRYPT_ERROR, "sender");
		hs_test_close(t);
	}
}

/* TLS 1.2 client certificates: the server's CertificateRequest asks for
 * CertificateVerify schemes of the suite's hash alone and names its trust
 * anchors; a certificate is verified as at TLS 1.3; an empty Certificate
 * passes where one is only requested, and is a handshake_failure where
 * one is required (RFC 5246 7.4.6).
 */
static void hs_test_tls12_client_certificate(struct kunit *test)
{
	struct tlsw_certificate_request12 *cr;
	struct tlsw_slice it, name;
	enum tlsw_alert alert;
	struct hs_test *t;
	unsigned int i;

	cr = kunit_kzalloc(test, sizeof(*cr), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cr);
	t = hs_test_open(test);
	t->client.params.max_version = TLSHAKE_TLS_1_2;
	t->client.params.cert_chain = tlshake_test_ec384_chain.data;
	t->client.params.cert_chain_len = tlshake_test_ec384_chain.len;
	t->client.params.private_key = tlshake_test_ec384_sec1.data;
	t->client.params.private_key_len = tlshake_test_ec384_sec1.len;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT;
	t->server.params.trust_anchors = tlshake_test_ec384_chain.data;
	t->server.params.trust_anchors_len = tlshake_test_ec384_chain.len;
	hs_test_cr.len = 0;
	WRITE_ONCE(tlshake_tamper, &hs_test_cr_hooks);
	hs_test_run(t);
	WRITE_ONCE(tlshake_tamper, NULL);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.version, TLSHAKE_TLS_1_2);
	/* The suite's hash is SHA-256, whatever the client's curve. */
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme,
			TLSW_SIG_ECDSA_SECP256R1_SHA256);
	KUNIT_EXPECT_TRUE(test, t->server.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_data_both_ways(test, t);
	hs_test_close(t);

	KUNIT_ASSERT_GT(test, hs_test_cr.len, (size_t)TLSW_HS_HEADER_LEN);
	KUNIT_ASSERT_EQ(test,
			tlsw_parse_certificate_request12(hs_test_cr.msg +
							 TLSW_HS_HEADER_LEN,
							 hs_test_cr.len -
							 TLSW_HS_HEADER_LEN,
							 cr, &alert), 0);
	KUNIT_EXPECT_TRUE(test, memchr(cr->cert_types.data,
				       TLSW_CERT_TYPE_ECDSA_SIGN,
				       cr->cert_types.len));
	for (i = 0; i < tlsw_u16_list_count(&cr->sig_algs); i++)
		KUNIT_EXPECT_TRUE(test,
				  tlsw_u16_list_at(&cr->sig_algs, i) ==
				  TLSW_SIG_ECDSA_SECP256R1_SHA256 ||
				  tlsw_u16_list_at(&cr->sig_algs, i) ==
				  TLSW_SIG_RSA_PSS_RSAE_SHA256);
	it = cr->ca_names;
	KUNIT_ASSERT_TRUE(test, tlsw_ca_name_next(&it, &name));
	KUNIT_EXPECT_NOT_NULL(test, strnstr((const char *)name.data,
					    "tlshake.test", name.len));
	KUNIT_EXPECT_FALSE(test, tlsw_ca_name_next(&it, &name));

	/* Asked for but optional: an empty Certificate will do. */
	t = hs_test_open(test);
	t->client.params.max_version = TLSHAKE_TLS_1_2;
	t->server.params.verify = TLSHAKE_VERIFY_REQUEST_CLIENT;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme, 0);
	if (!t->client.err && !t->server.err)
		hs_test_data_both_ways(test, t);
	hs_test_close(t);

	/* Required: refused before the server's Finished. */
	t = hs_test_open(test);
	t->client.params.max_version = TLSHAKE_TLS_1_2;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->server, -EPROTO, TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_HANDSHAKE_FAILURE, "server");
	hs_test_expect_alert(test, &t->client, -ECONNABORTED,
			     TLSHAKE_ALERT_RECEIVED,
			     TLSW_ALERT_HANDSHAKE_FAILURE, "client");
	hs_test_close(t);
}

/* What a TLS 1.2 server answers a valid ClientHello and then a message or
 * record out of turn with: its flight, then the alert.
 */
static void hs_test_server12_sequence(struct kunit *test)
{
	static const struct {
		const char *name;
		struct hs_test_hello ch;
		u8 record_type;
		u8 msg_type;
	} cases[] = {
		{ "ChangeCipherSpec before ClientKeyExchange",
		  { .tls12 = true }, TLSW_CT_CHANGE_CIPHER_SPEC, 0 },
		{ "the same, the SCSV for renegotiation_info",
		  { .tls12 = true, .no_reneg = true, .scsv = true },
		  TLSW_CT_CHANGE_CIPHER_SPEC, 0 },
		{ "Finished before ClientKeyExchange", { .tls12 = true },
		  TLSW_CT_HANDSHAKE, TLSW_HS_FINISHED },
		{ "second ClientHello", { .tls12 = true },
		  TLSW_CT_HANDSHAKE, TLSW_HS_CLIENT_HELLO },
	};
	u8 *buf = kunit_kzalloc(test, TLSW_MAX_CIPHERTEXT12, GFP_KERNEL);
	unsigned int i, records;
	u8 type;
	int len;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct hs_test *t = hs_test_open(test);
		const char *what = cases[i].name;
		struct tlsw_wr_vec v;
		struct tlsw_wr w;
		size_t ch_len;

		tlsw_wr_init(&w, buf, HS_TEST_BUF);
		hs_test_build_ch(&w, &cases[i].ch);
		ch_len = w.len;
		if (cases[i].msg_type) {
			tlsw_build_hs_begin(&w, cases[i].msg_type, &v);
			tlsw_wr_bytes(&w, buf + TLSW_HS_HEADER_LEN, 12);
			tlsw_wr_vec_end(&w, &v);
		} else {
			tlsw_wr_u8(&w, 1);
		}
		KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(&w), 0, "%s", what);

		hs_test_start(&t->server);
		KUNIT_EXPECT_EQ_MSG(test,
				    hs_test_send_record(t->client.sock,
							TLSW_CT_HANDSHAKE, buf,
							ch_len), 0, "%s", what);
		KUNIT_EXPECT_EQ_MSG(test,
				    hs_test_send_record(t->client.sock,
							cases[i].record_type,
							buf + ch_len,
							w.len - ch_len), 0,
				    "%s", what);
		/* Our flight first: ServerHello to ServerHelloDone. */
		records = 0;
		do {
			len = hs_test_read_record(t->client.sock, buf,
						  TLSW_MAX_CIPHERTEXT12, &type);
		} while (len > 0 && type == TLSW_CT_HANDSHAKE && ++records < 8);
		KUNIT_EXPECT_GT_MSG(test, records, 0, "%s: flight", what);
		KUNIT_EXPECT_EQ_MSG(test, type, TLSW_CT_ALERT, "%s", what);
		KUNIT_EXPECT_EQ_MSG(test, len, 2, "%s", what);
		if (len == 2)
			KUNIT_EXPECT_EQ_MSG(test, buf[1],
					    TLSW_ALERT_UNEXPECTED_MESSAGE,
					    "%s", what);
		hs_test_finish(&t->server);
		hs_test_expect_alert(test, &t->server, -EPROTO,
				     TLSHAKE_ALERT_SENT,
				     TLSW_ALERT_UNEXPECTED_MESSAGE, what);
		hs_test_close(t);
	}
}

/* Which of its session ID and ticket a client offers a session by. */
enum hs_test_resume_by {
	HS_TEST_BY_ID,
	HS_TEST_BY_TICKET,
};

/* A full TLS 1.2 handshake that leaves the client's session in a
 * kunit-managed buffer, rebuilt to offer it by ID or by ticket alone.
 */
static void hs_test_new_session(struct kunit *test,
				enum hs_test_resume_by by, u8 **out,
				unsigned int *out_len)
{
	struct hs_test *t = hs_test_open(test);
	struct tlsw_session sess;
	unsigned int len = 0;
	struct tlsw_wr w;
	u8 *buf = NULL;

	t->client.params.max_version = TLSHAKE_TLS_1_2;
	t->client.params.new_session = &buf;
	t->client.params.new_session_len = &len;
	hs_test_run(t);
	KUNIT_ASSERT_EQ(test, t->client.err, 0);
	KUNIT_ASSERT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_FALSE(test, t->server.result.flags &
			   TLSHAKE_RESULT_RESUMED);
	hs_test_close(t);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, tlsw_parse_session(buf, len, &sess), 0);
	KUNIT_EXPECT_EQ(test, sess.session_id.len, TLSW_SESSION_ID_MAX);
	KUNIT_EXPECT_EQ(test, sess.ticket.len, TLSW_TICKET_LEN);
	if (by == HS_TEST_BY_ID)
		sess.ticket.len = 0;
	else
		sess.session_id.len = 0;
	*out_len = tlsw_session_len(&sess);
	*out = kunit_kmalloc(test, *out_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, *out);
	tlsw_wr_init(&w, *out, *out_len);
	tlsw_build_session(&w, &sess);
	kfree_sensitive(buf);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
}

static struct hs_test *hs_test_open_resume(struct kunit *test, const u8 *sess,
					   unsigned int len)
{
	struct hs_test *t = hs_test_open(test);

	t->client.params.max_version = TLSHAKE_TLS_1_2;
	t->client.params.session = sess;
	t->client.params.session_len = len;
	return t;
}

/* The server's part of the abbreviated handshake (RFC 5246 7.3), by
 * session ID from its cache and by ticket (RFC 5077): both ends say the
 * session resumed, and kTLS carries data both ways.  Under another
 * client-verification policy the session does not resume.
 */
static void hs_test_server12_resume(struct kunit *test)
{
	static const enum hs_test_resume_by bys[] = {
		HS_TEST_BY_ID, HS_TEST_BY_TICKET,
	};
	unsigned int i, len;
	struct hs_test *t;
	u8 *sess;

	for (i = 0; i < ARRAY_SIZE(bys); i++) {
		hs_test_new_session(test, bys[i], &sess, &len);
		t = hs_test_open_resume(test, sess, len);
		hs_test_run(t);
		KUNIT_ASSERT_EQ(test, t->client.err, 0);
		KUNIT_ASSERT_EQ(test, t->server.err, 0);
		KUNIT_EXPECT_TRUE_MSG(test, t->server.result.flags &
				      TLSHAKE_RESULT_RESUMED, "by %u", i);
		KUNIT_EXPECT_TRUE_MSG(test, t->client.result.flags &
				      TLSHAKE_RESULT_RESUMED, "by %u", i);
		KUNIT_EXPECT_EQ(test, t->server.result.version,
				TLSHAKE_TLS_1_2);
		KUNIT_EXPECT_EQ(test, t->server.result.cipher_suite,
				TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256);
		KUNIT_EXPECT_EQ(test, t->server.result.group, 0);
		hs_test_data_both_ways(test, t);
		hs_test_close(t);

		/* A server that now asks for client certificates. */
		t = hs_test_open_resume(test, sess, len);
		t->server.params.verify = TLSHAKE_VERIFY_REQUEST_CLIENT;
		hs_test_run(t);
		KUNIT_EXPECT_EQ(test, t->client.err, 0);
		KUNIT_EXPECT_EQ(test, t->server.err, 0);
		KUNIT_EXPECT_FALSE_MSG(test, t->server.result.flags &
				       TLSHAKE_RESULT_RESUMED, "by %u", i);
		KUNIT_EXPECT_NE(test, t->server.result.group, 0);
		hs_test_close(t);
	}
}

/* The client's Finished of a resumed handshake, changed to another type. */
static void hs_test_retype_msg(bool server, u8 *msg, size_t len)
{
	if (!server && !hs_test_fault.done && msg[0] == TLSW_HS_FINISHED) {
		msg[0] = TLSW_HS_CERTIFICATE;
		hs_test_fault.done = true;
	}
}

static const struct tlshake_tamper hs_test_retype_hooks = {
	.msg = hs_test_retype_msg,
};

/* The client's Finished in a resumed handshake: one that does not
 * verify is a decrypt_error, another message in its place an
 * unexpected_message.  The client, whose Finished ends the handshake, is
 * done by the time the alert comes: only the server's end is checked.
 */
static void hs_test_server12_resume_faults(struct kunit *test)
{
	static const struct {
		const struct tlshake_tamper *hooks;
		int err;
		u8 alert;
	} cases[] = {
		{ &hs_test_fault_hooks, -EBADMSG, TLSW_ALERT_DECRYPT_ERROR },
		{ &hs_test_retype_hooks, -EPROTO,
		  TLSW_ALERT_UNEXPECTED_MESSAGE },
	};
	unsigned int i, len;
	struct hs_test *t;
	u8 *sess;

	hs_test_new_session(test, HS_TEST_BY_ID, &sess, &len);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		t = hs_test_open_resume(test, sess, len);
		hs_test_fault.server = false;
		hs_test_fault.msg_type = TLSW_HS_FINISHED;
		hs_test_fault.record = false;
		hs_test_fault.done = false;
		WRITE_ONCE(tlshake_tamper, cases[i].hooks);
		hs_test_run(t);
		WRITE_ONCE(tlshake_tamper, NULL);
		KUNIT_EXPECT_TRUE(test, hs_test_fault.done);
		hs_test_expect_alert(test, &t->server, cases[i].err,
				     TLSHAKE_ALERT_SENT, cases[i].alert,
				     "server");
		hs_test_close(t);
	}
}

/* A TLS 1.2 ClientHello and then a ClientKeyExchange of @len bytes at
 * @exchange for @kx, sent at once to an RSA server configured with @suite
 * (and ffdhe2048 for DHE): its flight comes back, then @alert, and the
 * server fails with @err.
 */
static void hs_test_server12_cke(struct kunit *test, u16 suite,
				 enum tlsw_kx kx, const u8 *exchange,
				 size_t len, u8 alert, int err,
				 const char *what)
{
	static const u16 group = TLSW_GROUP_FFDHE2048;
	const struct hs_test_hello h = {
		.tls12 = true, .suite = suite, .group = group, .rsa_pss = true,
	};
	u8 *buf = kunit_kzalloc(test, TLSW_MAX_CIPHERTEXT12, GFP_KERNEL);
	struct hs_test *t = hs_test_open(test);
	unsigned int records = 0;
	struct tlsw_wr w;
	size_t ch_len;
	u8 type;
	int n;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	t->server.params.cert_chain = tlshake_test_rsa2048_chain.data;
	t->server.params.cert_chain_len = tlshake_test_rsa2048_chain.len;
	t->server.params.private_key = tlshake_test_rsa2048_pkcs8.data;
	t->server.params.private_key_len = tlshake_test_rsa2048_pkcs8.len;
	t->server.params.cipher_suites = &suite;
	t->server.params.num_cipher_suites = 1;
	t->server.params.groups = &group;
	t->server.params.num_groups = 1;

	tlsw_wr_init(&w, buf, TLSW_MAX_CIPHERTEXT12);
	hs_test_build_ch(&w, &h);
	ch_len = w.len;
	tlsw_build_client_key_exchange(&w, kx, exchange, len);
	KUNIT_ASSERT_EQ_MSG(test, tlsw_wr_error(&w), 0, "%s", what);

	hs_test_start(&t->server);
	KUNIT_EXPECT_EQ_MSG(test, hs_test_send_record(t->client.sock,
						      TLSW_CT_HANDSHAKE, buf,
						      ch_len), 0, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, hs_test_send_record(t->client.sock,
						      TLSW_CT_HANDSHAKE,
						      buf + ch_len,
						      w.len - ch_len), 0,
			    "%s", what);
	do {
		n = hs_test_read_record(t->client.sock, buf,
					TLSW_MAX_CIPHERTEXT12, &type);
	} while (n > 0 && type == TLSW_CT_HANDSHAKE && ++records < 8);
	KUNIT_EXPECT_GT_MSG(test, records, 0, "%s: flight", what);
	KUNIT_EXPECT_EQ_MSG(test, type, TLSW_CT_ALERT, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, n, 2, "%s", what);
	if (n == 2)
		KUNIT_EXPECT_EQ_MSG(test, buf[1], alert, "%s", what);
	hs_test_finish(&t->server);
	hs_test_expect_alert(test, &t->server, err, TLSHAKE_ALERT_SENT, alert,
			     what);
	hs_test_close(t);
}

/* RFC 7919 5.1: a DHE server refuses Yc of 0, 1 and p - 1 (which has
 * order 2) with illegal_parameter; an RSA server refuses an
 * EncryptedPreMasterSecret not as long as its modulus, which is public,
 * with decode_error.
 */
static void hs_test_server12_bad_exchange(struct kunit *test)
{
	u8 *pm1 = kunit_kzalloc(test, 256, GFP_KERNEL);
	static const u8 zero = 0, one = 1;
	const u8 *p;
	u8 g;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, pm1);
	p = tlshake_kex_ffdhe_prime(TLSW_GROUP_FFDHE2048, &g);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, tlshake_kex_public_len(TLSW_GROUP_FFDHE2048),
			(size_t)256);
	/* Every RFC 7919 prime ends in 0xff. */
	memcpy(pm1, p, 256);
	pm1[255]--;

	hs_test_server12_cke(test, TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256,
			     TLSW_KX_DHE, &zero, 1,
			     TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO, "Yc = 0");
	hs_test_server12_cke(test, TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256,
			     TLSW_KX_DHE, &one, 1,
			     TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO, "Yc = 1");
	hs_test_server12_cke(test, TLSW_TLS_DHE_RSA_AES_256_GCM_SHA384,
			     TLSW_KX_DHE, pm1, 256,
			     TLSW_ALERT_ILLEGAL_PARAMETER, -EPROTO, "Yc = p - 1");
	hs_test_server12_cke(test, TLSW_TLS_RSA_AES_128_GCM_SHA256,
			     TLSW_KX_RSA, pm1, 255,
			     TLSW_ALERT_DECODE_ERROR, -EBADMSG, "RSA, 255 bytes");
	hs_test_server12_cke(test, TLSW_TLS_RSA_AES_128_GCM_SHA256,
			     TLSW_KX_RSA, pm1, 0,
			     TLSW_ALERT_DECODE_ERROR, -EBADMSG, "RSA, empty");
}

/* A spoiled EncryptedPreMasterSecret is not refused where it comes: the
 * server carries on with a random premaster secret and the client's
 * Finished fails under keys the client does not have, with the
 * bad_record_mac of any Finished under the wrong keys.
 */
static void hs_test_server12_rsa_bad_pms(struct kunit *test)
{
	static const u16 suite = TLSW_TLS_RSA_AES_128_GCM_SHA256;
	struct hs_test *t = hs_test_open(test);

	t->client.params.cipher_suites = &suite;
	t->client.params.num_cipher_suites = 1;
	t->server.params.cipher_suites = &suite;
	t->server.params.num_cipher_suites = 1;
	t->server.params.cert_chain = tlshake_test_rsa2048_chain.data;
	t->server.params.cert_chain_len = tlshake_test_rsa2048_chain.len;
	t->server.params.private_key = tlshake_test_rsa2048_pkcs8.data;
	t->server.params.private_key_len = tlshake_test_rsa2048_pkcs8.len;
	hs_test_fault.server = false;
	hs_test_fault.msg_type = TLSW_HS_CLIENT_KEY_EXCHANGE;
	hs_test_fault.record = false;
	hs_test_fault.done = false;
	WRITE_ONCE(tlshake_tamper, &hs_test_fault_hooks);
	hs_test_run(t);
	WRITE_ONCE(tlshake_tamper, NULL);

	KUNIT_EXPECT_TRUE(test, hs_test_fault.done);
	hs_test_expect_alert(test, &t->server, -EBADMSG, TLSHAKE_ALERT_SENT,
			     TLSW_ALERT_BAD_RECORD_MAC, "server");
	hs_test_close(t);
}

/* TLSHAKE_OPT_CLIENT_PREFERENCE: the server takes the first suite of the
 * client's list that it is configured with and that fits its key, at
 * either version; without it, the first of its own.
 */
static void hs_test_client_preference(struct kunit *test)
{
	static const u16 server13[] = {
		TLSW_TLS_AES_128_GCM_SHA256, TLSW_TLS_AES_256_GCM_SHA384,
	};
	static const u16 client13[] = {
		TLSW_TLS_CHACHA20_POLY1305_SHA256, TLSW_TLS_AES_256_GCM_SHA384,
		TLSW_TLS_AES_128_GCM_SHA256,
	};
	static const u16 server12[] = {
		TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256,
		TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384,
		TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384,
	};
	static const u16 client12[] = {
		TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384,
		TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384,
		TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256,
	};
	static const struct {
		const char *name;
		const u16 *server, *client;
		unsigned int n_server, n_client;
		u32 options;
		u16 expect;
	} cases[] = {
		{ "TLS 1.3, server's order", server13, client13,
		  ARRAY_SIZE(server13), ARRAY_SIZE(client13), 0,
		  TLSW_TLS_AES_128_GCM_SHA256 },
		{ "TLS 1.3, client's order", server13, client13,
		  ARRAY_SIZE(server13), ARRAY_SIZE(client13),
		  TLSHAKE_OPT_CLIENT_PREFERENCE, TLSW_TLS_AES_256_GCM_SHA384 },
		{ "TLS 1.2, server's order", server12, client12,
		  ARRAY_SIZE(server12), ARRAY_SIZE(client12), 0,
		  TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256 },
		/* The client's first needs an RSA key, which we lack. */
		{ "TLS 1.2, client's order", server12, client12,
		  ARRAY_SIZE(server12), ARRAY_SIZE(client12),
		  TLSHAKE_OPT_CLIENT_PREFERENCE,
		  TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct hs_test *t = hs_test_open(test);

		t->server.params.cipher_suites = cases[i].server;
		t->server.params.num_cipher_suites = cases[i].n_server;
		t->server.params.options = cases[i].options;
		t->client.params.cipher_suites = cases[i].client;
		t->client.params.num_cipher_suites = cases[i].n_client;
		hs_test_run(t);
		KUNIT_EXPECT_EQ_MSG(test, t->client.err, 0, "%s",
				    cases[i].name);
		KUNIT_EXPECT_EQ_MSG(test, t->server.err, 0, "%s",
				    cases[i].name);
		KUNIT_EXPECT_EQ_MSG(test, t->server.result.cipher_suite,
				    cases[i].expect, "%s", cases[i].name);
		KUNIT_EXPECT_EQ_MSG(test, t->client.result.cipher_suite,
				    cases[i].expect, "%s", cases[i].name);
		hs_test_close(t);
	}
}

static struct kunit_case hs_test_cases[] = {
	KUNIT_CASE(hs_test_params),
	KUNIT_CASE_PARAM(hs_test_suites_groups, hs_test_combo_gen_params),
	KUNIT_CASE(hs_test_server_credentials),
	KUNIT_CASE(hs_test_hello_retry),
	KUNIT_CASE(hs_test_alpn),
	KUNIT_CASE(hs_test_verification),
	KUNIT_CASE(hs_test_client_certificate),
	KUNIT_CASE(hs_test_certificate_authorities),
	KUNIT_CASE(hs_test_data_after_finished),
	KUNIT_CASE_PARAM(hs_test_faults, hs_test_fault_gen_params),
	KUNIT_CASE(hs_test_server_alerts),
	KUNIT_CASE(hs_test_client_alerts),
	KUNIT_CASE(hs_test_client_sequence),
	KUNIT_CASE(hs_test_client12_sequence),
	KUNIT_CASE_PARAM(hs_test_tls12, hs_test_combo12_gen_params),
	KUNIT_CASE(hs_test_tls12_downgrade),
	KUNIT_CASE(hs_test_tls12_faults),
	KUNIT_CASE(hs_test_tls12_client_certificate),
	KUNIT_CASE(hs_test_server12_sequence),
	KUNIT_CASE(hs_test_server12_resume),
	KUNIT_CASE(hs_test_server12_resume_faults),
	KUNIT_CASE(hs_test_server12_bad_exchange),
	KUNIT_CASE(hs_test_server12_rsa_bad_pms),
	KUNIT_CASE(hs_test_client_preference),
	KUNIT_CASE(hs_test_fragmented),
	KUNIT_CASE(hs_test_peer_gone),
	{}
};

static struct kunit_suite hs_test_suite = {
	.name = "tlshake_handshake",
	.test_cases = hs_test_cases,
};

kunit_test_suite(hs_test_suite);

#if IS_ENABLED(CONFIG_KEYS)
/* Credentials in keys: the test's task, root, may view, read and search
 * them without possessing them.
 */
#define HS_TEST_KEY_PERM	(KEY_POS_ALL | KEY_USR_VIEW | KEY_USR_READ | \
				 KEY_USR_SEARCH)

static struct key *hs_test_keyring(struct kunit *test)
{
	struct key *keyring;

	keyring = keyring_alloc(".tlshake_test", GLOBAL_ROOT_UID,
				GLOBAL_ROOT_GID, current_cred(),
				HS_TEST_KEY_PERM, KEY_ALLOC_NOT_IN_QUOTA, NULL,
				NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, keyring);
	return keyring;
}

/* A key of @keyring, with a reference for the caller. */
static struct key *hs_test_add_key(struct kunit *test, struct key *keyring,
				   const char *type, const char *desc,
				   const void *data, size_t len)
{
	key_ref_t ref;

	ref = key_create_or_update(make_key_ref(keyring, true), type, desc,
				   data, len, HS_TEST_KEY_PERM,
				   KEY_ALLOC_NOT_IN_QUOTA);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(ref), "adding %s key %s: %ld",
			       type, desc, PTR_ERR(ref));
	return key_ref_to_ptr(ref);
}

/* The first certificate of @chain, as a "user" key of @keyring. */
static void hs_test_add_cert(struct kunit *test, struct key *keyring,
			     const char *desc,
			     const struct tlshake_test_blob *chain)
{
	key_put(hs_test_add_key(test, keyring, "user", desc, chain->data + 3,
				get_unaligned_be24(chain->data)));
}

/* A client whose anchors are the certificates of @keyring, and maybe
 * @anchors as well.
 */
static struct hs_test *hs_test_open_keyring(struct kunit *test,
					    struct key *keyring,
					    const struct tlshake_test_blob *anchors)
{
	struct hs_test *t = hs_test_open(test);

	t->client.params.verify = 0;
	t->client.params.trust_keyring = keyring;
	if (anchors) {
		t->client.params.trust_anchors = anchors->data;
		t->client.params.trust_anchors_len = anchors->len;
	}
	return t;
}

/* Nothing was sent either way: the handshake failed before it began. */
static void hs_test_expect_silence(struct kunit *test, struct hs_test *t)
{
	struct msghdr msg = { .msg_flags = MSG_DONTWAIT };
	char byte;
	struct kvec kv = { .iov_base = &byte, .iov_len = 1 };

	KUNIT_EXPECT_EQ(test, kernel_recvmsg(t->client.sock, &msg, &kv, 1, 1,
					     MSG_DONTWAIT), -EAGAIN);
	KUNIT_EXPECT_EQ(test, kernel_recvmsg(t->server.sock, &msg, &kv, 1, 1,
					     MSG_DONTWAIT), -EAGAIN);
}

/* Trust anchors from a keyring: its "user" keys holding certificates,
 * alone or with anchors given as bytes; other keys are left out.
 */
static void hs_test_keyring_anchors(struct kunit *test)
{
	static const u8 junk[] = "not a certificate";
	struct key *trusted = hs_test_keyring(test);
	struct key *other = hs_test_keyring(test);
	struct key *inner = hs_test_keyring(test);
	struct key *empty = hs_test_keyring(test);
	struct hs_test *t;

	key_put(hs_test_add_key(test, trusted, "user", "junk", junk,
				sizeof(junk)));
	hs_test_add_cert(test, trusted, "tlshake.test ec256",
			 &tlshake_test_ec256_chain);
	/* The server's certificate is in @other only as a "logon" key and
	 * in a nested keyring, neither of which counts.
	 */
	hs_test_add_cert(test, other, "tlshake.test rsa2048",
			 &tlshake_test_rsa2048_chain);
	key_put(hs_test_add_key(test, other, "logon", "tlshake:ec256",
				tlshake_test_ec256_chain.data + 3,
				get_unaligned_be24(tlshake_test_ec256_chain.data)));
	hs_test_add_cert(test, inner, "tlshake.test ec256",
			 &tlshake_test_ec256_chain);
	KUNIT_ASSERT_EQ(test, key_link(other, inner), 0);

	t = hs_test_open_keyring(test, trusted, NULL);
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	if (!t->client.err && !t->server.err)
		hs_test_data_both_ways(test, t);
	hs_test_close(t);

	/* Another certificate: the server's chain leads nowhere. */
	t = hs_test_open_keyring(test, other, NULL);
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_UNKNOWN_CA,
			     "other keyring: client");
	hs_test_close(t);

	/* An empty keyring trusts nothing, even when any peer would do. */
	t = hs_test_open_keyring(test, empty, NULL);
	t->client.params.verify = TLSHAKE_VERIFY_INSECURE;
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_UNKNOWN_CA,
			     "empty keyring: client");
	hs_test_close(t);

	/* The keyring's anchors add to those given as bytes. */
	t = hs_test_open_keyring(test, trusted, &tlshake_test_rsa2048_chain);
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_close(t);
	t = hs_test_open_keyring(test, other, &tlshake_test_ec256_chain);
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	hs_test_close(t);

	/* A key taken out of the keyring is no longer trusted. */
	keyring_clear(trusted);
	t = hs_test_open_keyring(test, trusted, NULL);
	hs_test_run(t);
	hs_test_expect_alert(test, &t->client, -EKEYREJECTED,
			     TLSHAKE_ALERT_SENT, TLSW_ALERT_UNKNOWN_CA,
			     "cleared keyring: client");
	hs_test_close(t);

	key_put(empty);
	key_put(inner);
	key_put(other);
	key_put(trusted);
}

/* The server's private key in a "logon" key, and in a "user" key. */
static void hs_test_keyring_private_key(struct kunit *test)
{
	struct key *keyring = hs_test_keyring(test);
	struct key *ec, *rsa;
	struct hs_test *t;

	ec = hs_test_add_key(test, keyring, "logon", "tlshake:ec256",
			     tlshake_test_ec256_pkcs8.data,
			     tlshake_test_ec256_pkcs8.len);
	rsa = hs_test_add_key(test, keyring, "user", "tlshake rsa2048",
			      tlshake_test_rsa2048_pkcs1.data,
			      tlshake_test_rsa2048_pkcs1.len);

	t = hs_test_open(test);
	t->server.params.private_key = NULL;
	t->server.params.private_key_len = 0;
	t->server.params.private_key_key = ec;
	t->client.params.verify = 0;
	t->client.params.trust_anchors = tlshake_test_ec256_chain.data;
	t->client.params.trust_anchors_len = tlshake_test_ec256_chain.len;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.peer_sig_scheme,
			TLSW_SIG_ECDSA_SECP256R1_SHA256);
	KUNIT_EXPECT_TRUE(test, t->client.result.flags &
			  TLSHAKE_RESULT_PEER_VERIFIED);
	if (!t->client.err && !t->server.err)
		hs_test_data_both_ways(test, t);
	hs_test_close(t);

	t = hs_test_open(test);
	t->server.params.cert_chain = tlshake_test_rsa2048_chain.data;
	t->server.params.cert_chain_len = tlshake_test_rsa2048_chain.len;
	t->server.params.private_key = NULL;
	t->server.params.private_key_len = 0;
	t->server.params.private_key_key = rsa;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->client.result.peer_sig_scheme,
			TLSW_SIG_RSA_PSS_RSAE_SHA256);
	hs_test_close(t);

	/* The key the client holds for its certificate. */
	t = hs_test_open(test);
	t->client.params.cert_chain = tlshake_test_ec256_chain.data;
	t->client.params.cert_chain_len = tlshake_test_ec256_chain.len;
	t->client.params.private_key_key = ec;
	t->server.params.verify = TLSHAKE_VERIFY_REQUIRE_CLIENT |
				  TLSHAKE_VERIFY_INSECURE;
	hs_test_run(t);
	KUNIT_EXPECT_EQ(test, t->client.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.err, 0);
	KUNIT_EXPECT_EQ(test, t->server.result.peer_sig_scheme,
			TLSW_SIG_ECDSA_SECP256R1_SHA256);
	hs_test_close(t);

	key_put(rsa);
	key_put(ec);
	key_put(keyring);
}

/* Keys of the wrong type, both forms of a private key, a payload that is
 * no key, keys revoked: refused before anything is sent.
 */
static void hs_test_keyring_params(struct kunit *test)
{
	static const u8 junk[] = "\x30\x03\x02\x01\x00";
	struct key *keyring = hs_test_keyring(test);
	struct tlshake_result result;
	struct tlshake_params p;
	struct key *ec, *bad;
	struct hs_test *t;

	ec = hs_test_add_key(test, keyring, "logon", "tlshake:ec256",
			     tlshake_test_ec256_pkcs8.data,
			     tlshake_test_ec256_pkcs8.len);
	bad = hs_test_add_key(test, keyring, "logon", "tlshake:junk", junk,
			      sizeof(junk) - 1);
	t = hs_test_open(test);

	p = t->server.params;
	p.private_key_key = ec;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p.private_key = NULL;
	p.private_key_key = keyring;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p.private_key_key = bad;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EINVAL);
	p = t->client.params;
	p.trust_keyring = ec;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);
	/* A keyring of anchors needs a name to check the server against. */
	p.trust_keyring = keyring;
	p.server_name = NULL;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EINVAL);

	key_revoke(ec);
	p = t->server.params;
	p.private_key = NULL;
	p.private_key_key = ec;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->server.sock, &p, &result),
			-EKEYREVOKED);
	key_revoke(keyring);
	p = t->client.params;
	p.trust_keyring = keyring;
	KUNIT_EXPECT_EQ(test, tlshake_handshake(t->client.sock, &p, &result),
			-EKEYREVOKED);

	hs_test_expect_silence(test, t);
	hs_test_close(t);
	key_put(bad);
	key_put(ec);
	key_put(keyring);
}

static struct kunit_case hs_test_keyring_cases[] = {
	KUNIT_CASE(hs_test_keyring_anchors),
	KUNIT_CASE(hs_test_keyring_private_key),
	KUNIT_CASE(hs_test_keyring_params),
	{}
};

static struct kunit_suite hs_test_keyring_suite = {
	.name = "tlshake_keyring",
	.test_cases = hs_test_keyring_cases,
};

kunit_test_suite(hs_test_keyring_suite);
#endif /* CONFIG_KEYS */
