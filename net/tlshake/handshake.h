/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The handshake engine: the state of one handshake, and what the state
 * machines of TLS 1.3 (RFC 8446) and TLS 1.2 (RFC 5246) share.
 */
#ifndef _NET_TLSHAKE_HANDSHAKE_H
#define _NET_TLSHAKE_HANDSHAKE_H

#include <linux/tlshake.h>
#include <linux/types.h>
#include <net/tlshake.h>

#include "aead.h"
#include "kdf.h"
#include "kex.h"
#include "key_schedule.h"
#include "ktls.h"
#include "record.h"
#include "transcript.h"
#include "wire.h"

struct tlshake_privkey;
struct tlshake_pubkey;

/**
 * enum tlshake_suite_auth - how a TLS 1.2 cipher suite's server proves
 *	itself
 * @TLSHAKE_AUTH_ANY: TLS 1.3: the suite does not say
 * @TLSHAKE_AUTH_ECDSA: an ECDSA signature over the key exchange
 * @TLSHAKE_AUTH_RSA: an RSA signature over the key exchange
 */
enum tlshake_suite_auth {
	TLSHAKE_AUTH_ANY,
	TLSHAKE_AUTH_ECDSA,
	TLSHAKE_AUTH_RSA,
};

/**
 * struct tlshake_suite - a cipher suite
 * @id: its code point
 * @version: the protocol version it belongs to
 * @aead: its record protection
 * @hash: its hash function (TLS 1.2: the PRF's)
 * @kx: TLS 1.2: its key exchange
 * @auth: TLS 1.2: the server's signature
 */
struct tlshake_suite {
	u16 id;
	u16 version;
	enum tlshake_aead_alg aead;
	enum tlshake_hash hash;
	enum tlsw_kx kx;
	enum tlshake_suite_auth auth;
};

const struct tlshake_suite *tlshake_suite_find(u16 id);

/**
 * struct tlshake_hs - one handshake in progress
 * @params: what the caller asked for
 * @server: we are the server
 * @min_version: the lowest protocol version we accept
 * @max_version: the highest we offer or accept
 * @version: the negotiated version
 * @client_version: a TLS 1.2 server's ClientHello.legacy_version, which
 *	an RSA premaster secret starts with
 * @suites: the cipher suites we offer or accept, in preference order
 * @num_suites: entries in @suites
 * @groups: the groups we offer or accept, in preference order
 * @num_groups: entries in @groups
 * @sig_schemes: the signature schemes we accept and sign with, in
 *	preference order
 * @num_sig_schemes: entries in @sig_schemes
 * @rl: the record layer
 * @transcript: the transcript hash
 * @ks: the key schedule, once the cipher suite is known
 * @kex: our key share
 * @key: our private key, or NULL
 * @trust_anchors: the anchors the peer's chain is validated against:
 *	tlshake_params.trust_anchors, or @keyring_anchors; NULL for none
 * @trust_anchors_len: bytes at @trust_anchors
 * @keyring_anchors: tlshake_params.trust_anchors followed by the
 *	certificates of tlshake_params.trust_keyring (kvmalloc()ed), or NULL
 * @peer_key: the public key of the peer's end-entity certificate
 * @suite: the negotiated cipher suite
 * @group: the group of the key exchange
 * @sig_scheme: the scheme of our CertificateVerify
 * @peer_sig_scheme: the scheme of the peer's CertificateVerify
 * @peer_chain: the peer's certificate chain, in the form of
 *	tlshake_params.cert_chain (kvmalloc()ed), or NULL
 * @peer_chain_len: bytes at @peer_chain
 * @peer_verified: the peer's certificate was verified, not merely accepted
 * @verify_error: why the peer's certificate was refused
 *	(TLSHAKE_VERIFY_ERR_*), for the caller's result
 * @random: our random
 * @peer_random: the peer's random (TLS 1.2: the PRF's seeds take both)
 * @session_id: the ClientHello's legacy_session_id; a TLS 1.2 client's,
 *	from the ServerHello on, the server's session ID
 * @session_id_len: its length
 * @resume: the TLS 1.2 session a client offers to resume, pointing into
 *	tlshake_params.session; its cipher_suite is 0 if there is none
 * @new_ticket: the session ticket of a TLS 1.2 server's NewSessionTicket
 *	(kmalloc()ed), or NULL
 * @new_ticket_len: its length
 * @srv_session: a TLS 1.2 server's session: its context digest from the
 *	ClientHello on, the rest once resumed or once the client's Finished
 *	of a full handshake is verified
 * @alpn: the agreed ALPN protocol
 * @alpn_len: its length, 0 for none
 * @cert_requested: a certificate was asked of the client
 * @resumed: the session was resumed: an abbreviated TLS 1.2 handshake
 * @ticket_expected: the TLS 1.2 server will send a NewSessionTicket (a
 *	client's: it said so; a server's: the client asked)
 * @hrr: a HelloRetryRequest was sent or received
 * @ccs_sent: our compatibility ChangeCipherSpec was sent
 * @tx: the application keys of what we send, for kTLS
 * @rx: the application keys of what we receive, for kTLS
 */
struct tlshake_hs {
	const struct tlshake_params *params;
	bool server;
	u16 min_version;
	u16 max_version;
	u16 version;
	u16 client_version;

	u16 suites[TLSHAKE_LIST_MAX];
	unsigned int num_suites;
	u16 groups[TLSHAKE_LIST_MAX];
	unsigned int num_groups;
	u16 sig_schemes[TLSHAKE_LIST_MAX];
	unsigned int num_sig_schemes;

	struct tlshake_rl rl;
	struct tlshake_transcript transcript;
	struct tlshake_key_schedule ks;
	struct tlshake_kex kex;
	struct tlshake_privkey *key;
	const u8 *trust_anchors;
	unsigned int trust_anchors_len;
	u8 *keyring_anchors;
	struct tlshake_pubkey *peer_key;

	const struct tlshake_suite *suite;
	u16 group;
	u16 sig_scheme;
	u16 peer_sig_scheme;
	u8 *peer_chain;
	unsigned int peer_chain_len;
	bool peer_verified;
	u8 verify_error;

	u8 random[TLSW_RANDOM_LEN];
	u8 peer_random[TLSW_RANDOM_LEN];
	u8 session_id[TLSW_SESSION_ID_MAX];
	u8 session_id_len;
	struct tlsw_session resume;
	u8 *new_ticket;
	u16 new_ticket_len;
	struct tlsw_server_session srv_session;
	u8 alpn[TLSHAKE_ALPN_MAX];
	u8 alpn_len;

	bool cert_requested;
	bool resumed;
	bool ticket_expected;
	bool hrr;
	bool ccs_sent;

	struct tlshake_ktls_keys tx;
	struct tlshake_ktls_keys rx;
};

int tlshake_tls13_client(struct tlshake_hs *hs);
int tlshake_tls13_server(struct tlshake_hs *hs);
int tlshake_tls12_client(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg,
			 const struct tlsw_server_hello *sh);
int tlshake_tls12_server(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg,
			 const struct tlsw_client_hello *ch, bool sni);
int tlshake_client_server_exts(struct tlshake_hs *hs,
			       const struct tlsw_exts *e);
int tlshake_server_ca_names(struct tlshake_hs *hs, struct tlsw_slice **names);

/* tls12.c: the TLS 1.2 key derivation, authentication, ChangeCipherSpec
 * and Finished
 */
int tlshake_tls12_master_secret(struct tlshake_hs *hs, const u8 *pms,
				size_t pms_len);
int tlshake_tls12_keys(struct tlshake_hs *hs);
int tlshake_tls12_send_finished(struct tlshake_hs *hs);
int tlshake_tls12_recv_finished(struct tlshake_hs *hs,
				const struct tlsw_hs_msg *msg);
int tlshake_tls12_recv_certificate(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg);
int tlshake_tls12_send_certificate(struct tlshake_hs *hs, bool empty);
bool tlshake_tls12_cv_scheme_ok(const struct tlshake_hs *hs, u16 scheme);
int tlshake_tls12_send_cert_verify(struct tlshake_hs *hs);
int tlshake_tls12_recv_cert_verify(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg);
void tlshake_tls12_ktls_keys(struct tlshake_hs *hs);
int tlshake_hs_verify_chain(struct tlshake_hs *hs);

/* tls13.c: what both roles share */
int tlshake_fail(struct tlshake_hs *hs, enum tlsw_alert desc);
int tlshake_hs_send(struct tlshake_hs *hs, struct tlsw_wr *w);
int tlshake_hs_hash(struct tlshake_hs *hs, const struct tlsw_hs_msg *msg);
int tlshake_hs_read(struct tlshake_hs *hs, struct tlsw_hs_msg *msg);
int tlshake_hs_send_ccs(struct tlshake_hs *hs);
int tlshake_tls13_select_suite(struct tlshake_hs *hs,
			       const struct tlshake_suite *suite);
int tlshake_tls13_handshake_keys(struct tlshake_hs *hs, const u8 *shared,
				 size_t shared_len);
int tlshake_tls13_write_handshake_key(struct tlshake_hs *hs);
int tlshake_tls13_app_keys(struct tlshake_hs *hs);
int tlshake_tls13_send_certificate(struct tlshake_hs *hs, bool empty);
int tlshake_tls13_send_cert_verify(struct tlshake_hs *hs);
int tlshake_tls13_send_finished(struct tlshake_hs *hs);
int tlshake_tls13_recv_certificate(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg);
int tlshake_tls13_recv_cert_verify(struct tlshake_hs *hs,
				   const struct tlsw_hs_msg *msg);
int tlshake_tls13_recv_finished(struct tlshake_hs *hs,
				const struct tlsw_hs_msg *msg);
bool tlshake_hs_offers(const u16 *list, unsigned int n, u16 val);
const struct tlshake_suite *
tlshake_server_suite_next(const struct tlshake_hs *hs,
			  const struct tlsw_slice *offered, unsigned int *pos);

#define TLSHAKE_NUM_PKCS1_SCHEMES	3
extern const u16 tlshake_pkcs1_schemes[TLSHAKE_NUM_PKCS1_SCHEMES];

#endif /* _NET_TLSHAKE_HANDSHAKE_H */
