/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlshake: the TLS handshake performed in the kernel, for kernel consumers.
 *
 * A kernel socket user (a storage or file-system client, say) that holds a
 * connected TCP struct socket upgrades it to TLS with tlshake_handshake().
 * On success the socket carries TLS records through kTLS: the caller goes on
 * with kernel_sendmsg()/kernel_recvmsg() as on any kTLS socket.  Records
 * other than application data (alerts, and at TLS 1.2 a peer's request to
 * renegotiate, which tlshake never does) come to the caller with their type
 * in a TLS_GET_RECORD_TYPE control message; a renegotiation is answered
 * with a no_renegotiation warning alert or by closing the connection.
 */
#ifndef _NET_TLSHAKE_H
#define _NET_TLSHAKE_H

#include <linux/types.h>
#include <uapi/linux/tlshake.h>

struct key;
struct socket;

/**
 * struct tlshake_params - what the caller asks of a handshake
 * @role: TLSHAKE_ROLE_CLIENT or TLSHAKE_ROLE_SERVER
 * @min_version: lowest protocol version accepted (TLSHAKE_TLS_1_2 or
 *	TLSHAKE_TLS_1_3); 0 for the default, TLS 1.2
 * @max_version: highest protocol version offered; 0 for TLS 1.3
 * @cipher_suites: TLS cipher-suite code points in preference order, or
 *	NULL for the defaults
 * @num_cipher_suites: entries in @cipher_suites
 * @groups: TLS NamedGroup code points in preference order, or NULL
 * @num_groups: entries in @groups
 * @sig_schemes: TLS SignatureScheme code points accepted from the peer and
 *	used locally, in preference order, or NULL for the defaults
 * @num_sig_schemes: entries in @sig_schemes
 * @server_name: the host name the client sends as SNI and verifies the
 *	server's certificate against; for a server, the one name it answers
 *	to (a client sending another gets unrecognized_name, one sending
 *	none is served); NUL-terminated, or NULL
 * @alpn: the ALPN protocol_name_list in wire form (each name preceded by
 *	its one-byte length): offered by a client, in preference order, or
 *	accepted by a server; NULL for no ALPN
 * @alpn_len: bytes in @alpn
 * @cert_chain: the local certificate chain, end-entity first, as a
 *	sequence of DER certificates each preceded by a 3-byte big-endian
 *	length (the form of TLS 1.2's certificate_list); NULL for none
 * @cert_chain_len: bytes in @cert_chain
 * @private_key: the private key of the end-entity certificate, DER
 *	(PKCS#8, SEC1 or PKCS#1); NULL for none
 * @private_key_len: bytes in @private_key
 * @private_key_key: instead of @private_key, a key of type "logon" or
 *	"user" whose payload is that DER private key, or NULL; the caller
 *	holds a reference to it for the duration of the call.  Its payload
 *	is read when the handshake begins, and the copy is wiped once the
 *	key has been loaded
 * @trust_anchors: trusted CA certificates, in the form of @cert_chain
 * @trust_anchors_len: bytes in @trust_anchors
 * @trust_keyring: a keyring whose keys of type "user" each hold a DER
 *	CA certificate, trusted along with @trust_anchors, or NULL; the
 *	caller holds a reference to it for the duration of the call.  It
 *	is read when the handshake begins (at most
 *	%TLSHAKE_TRUST_KEYRING_MAX keys, and with @trust_anchors at most
 *	%TLSHAKE_TRUST_ANCHORS_MAX bytes in the form of @cert_chain), with
 *	the credentials of the calling task: keys of other types, keys whose
 *	payload is not one DER SEQUENCE, keys that deny the task Read and
 *	keys that deny Search to the keyring's possessor are left out.  An
 *	empty keyring trusts nothing
 * @peer_pubkey_pin: SHA-256 of the DER SubjectPublicKeyInfo the peer's
 *	end-entity certificate must carry, or NULL
 * @verify: TLSHAKE_VERIFY_* flags
 * @options: TLSHAKE_OPT_* flags
 * @timeout_ms: how long the whole handshake may take; 0 for the default
 * @peer_chain: if not NULL, where to leave the peer's certificate chain,
 *	in the form of @cert_chain: a kvmalloc()ed copy that the caller
 *	frees with kvfree(), even when the handshake fails after the peer's
 *	Certificate message was parsed; left NULL if the peer sent none
 * @peer_chain_len: where to leave the bytes at *@peer_chain; must be set
 *	if @peer_chain is
 * @session: a client's TLS 1.2 session to resume, as @new_session left
 *	it, or NULL: offered if its cipher suite is; a full handshake
 *	follows if the server does not take it up
 * @session_len: bytes at @session, at most %TLSHAKE_SESSION_MAX
 * @new_session: if not NULL, where a client leaves, after a TLS 1.2
 *	handshake, the session to resume later: a kmalloc()ed buffer the
 *	caller frees with kfree_sensitive(), for it holds the master
 *	secret; left NULL if the handshake or the hand-off to kTLS
 *	failed, or if the server gave neither a session ID nor a ticket
 *	(asked for when @new_session is set, RFC 5077)
 * @new_session_len: where to leave the bytes at *@new_session; must be
 *	set if @new_session is
 */
struct tlshake_params {
	u8 role;
	u16 min_version;
	u16 max_version;
	const u16 *cipher_suites;
	unsigned int num_cipher_suites;
	const u16 *groups;
	unsigned int num_groups;
	const u16 *sig_schemes;
	unsigned int num_sig_schemes;
	const char *server_name;
	const u8 *alpn;
	unsigned int alpn_len;
	const u8 *cert_chain;
	unsigned int cert_chain_len;
	const u8 *private_key;
	unsigned int private_key_len;
	struct key *private_key_key;
	const u8 *trust_anchors;
	unsigned int trust_anchors_len;
	struct key *trust_keyring;
	const u8 *peer_pubkey_pin;
	u32 verify;
	u32 options;
	u32 timeout_ms;
	u8 **peer_chain;
	unsigned int *peer_chain_len;
	const u8 *session;
	unsigned int session_len;
	u8 **new_session;
	unsigned int *new_session_len;
};

/**
 * tlshake_handshake - run a TLS handshake on a connected TCP socket
 * @sock: a connected TCP socket (IPv4 or IPv6) with no upper-layer
 *	protocol attached but tlshake's own; not used by anyone else while
 *	the handshake runs
 * @params: what to negotiate and how to authenticate
 * @result: filled with what was negotiated, or on failure with the alert
 *	that ended the handshake (@result->alert_origin says whether it was
 *	sent or received)
 *
 * Runs TLS 1.3 (RFC 8446), or TLS 1.2 (RFC 5246) with a peer that does
 * not offer TLS 1.3, in the role @params->role asks for, then hands
 * the socket to kTLS: on success the caller sends and receives
 * application data on @sock as on any kTLS socket, and records the peer
 * sent right after its Finished are the first kTLS delivers.  Nothing of
 * the handshake stays allocated and its secrets are wiped, but for the
 * keys the module caches: the private key and the public keys of the
 * certificates checked stay prepared for the next handshake that uses
 * them (see Documentation/networking/tlshake.rst).
 *
 * Defaults: the cipher suites TLS_AES_128_GCM_SHA256,
 * TLS_AES_256_GCM_SHA384 and TLS_CHACHA20_POLY1305_SHA256
 * (TLS_AES_128_CCM_SHA256 on request); the groups X25519, secp256r1 and
 * secp384r1 (ffdhe2048/3072/4096 on request), a client sending a key
 * share for the first; the signature schemes ecdsa_secp256r1_sha256,
 * ecdsa_secp384r1_sha384 and rsa_pss_rsae_sha256/384/512.  A server
 * chooses its cipher suite by its own order of preference, or by the
 * client's with %TLSHAKE_OPT_CLIENT_PREFERENCE.  The whole handshake is bounded
 * by @params->timeout_ms (30 seconds by default); the socket's own
 * timeouts are restored afterwards.
 *
 * The peer is verified when its chain validates up to one of
 * @params->trust_anchors or of the certificates in @params->trust_keyring
 * (RFC 5280 path validation; a client also checks
 * the certificate against @params->server_name, RFC 6125) or its key
 * matches @params->peer_pubkey_pin; given both, both must hold.  A peer
 * that is not verified is refused unless %TLSHAKE_VERIFY_INSECURE
 * accepts any.
 *
 * Context: process context; sleeps.  Must not be called with the socket
 * locked.
 *
 * Return: 0 once the socket is handed to kTLS, or
 *
 * * -EINVAL: bad @params (a value out of range, an unknown code point,
 *   a malformed ALPN list, chain or key, a server without a certificate
 *   and key, both @params->private_key and @params->private_key_key, a
 *   client with trust anchors but no server name, client-only and
 *   server-only flags mixed up, a @params->trust_keyring that is not a
 *   keyring or a @params->private_key_key that is neither "logon" nor
 *   "user"), or @sock is not a TCP socket; nothing was sent
 * * -ENOKEY, -EKEYREVOKED, -EKEYEXPIRED: @params->private_key_key or
 *   @params->trust_keyring is invalidated or not instantiated, revoked,
 *   or expired; -EACCES: the keyring denies Search to its possessor;
 *   -E2BIG: the keyring holds too many keys or certificates; nothing
 *   was sent
 * * -ENOTCONN, -EEXIST: @sock is not connected, or carries another ULP
 * * -ETIMEDOUT: the handshake took longer than allowed
 * * -EINTR: a signal interrupted it
 * * -ECONNRESET, -EPIPE or another socket error: the connection failed
 *   or the peer closed it without an alert
 * * -ECONNABORTED: the peer sent an alert (close_notify included), which
 *   @result reports as received
 * * -EBADMSG: a record or message failed its integrity or decoding
 *   check: bad_record_mac, decode_error, decrypt_error (a bad
 *   CertificateVerify or Finished) or record_overflow was sent
 * * -EKEYREJECTED: the peer's certificate was refused: bad_certificate,
 *   unsupported_certificate, unknown_ca, certificate_expired or
 *   certificate_required was sent
 * * -EPROTO: any other protocol failure, with the alert sent
 *   (unexpected_message, illegal_parameter, handshake_failure,
 *   protocol_version, missing_extension, no_application_protocol, ...)
 * * -ENOMEM or another local error: internal_error was sent if the
 *   handshake had begun
 *
 * After a failure the socket is not usable for TLS.
 */
int tlshake_handshake(struct socket *sock, const struct tlshake_params *params,
		      struct tlshake_result *result);

#endif /* _NET_TLSHAKE_H */
