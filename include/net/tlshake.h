/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlshake: the TLS handshake performed in the kernel, for kernel consumers.
 *
 * A kernel socket user (a storage or file-system client, say) that holds a
 * connected TCP struct socket upgrades it to TLS with tlshake_handshake().
 * On success the socket carries TLS records through kTLS: the caller goes on
 * with kernel_sendmsg()/kernel_recvmsg() as on any kTLS socket.
 */
#ifndef _NET_TLSHAKE_H
#define _NET_TLSHAKE_H

#include <linux/types.h>
#include <uapi/linux/tlshake.h>

struct socket;

/**
 * struct tlshake_params - what the caller asks of a handshake
 * @role: TLSHAKE_ROLE_CLIENT or TLSHAKE_ROLE_SERVER
 * @min_version: lowest protocol version accepted (TLSHAKE_TLS_1_2 or
 *	TLSHAKE_TLS_1_3); 0 for the default
 * @max_version: highest protocol version offered; 0 for the default
 * @cipher_suites: TLS cipher-suite code points in preference order, or
 *	NULL for the defaults
 * @num_cipher_suites: entries in @cipher_suites
 * @groups: TLS NamedGroup code points in preference order, or NULL
 * @num_groups: entries in @groups
 * @sig_schemes: TLS SignatureScheme code points accepted from the peer and
 *	used locally, in preference order, or NULL for the defaults
 * @num_sig_schemes: entries in @sig_schemes
 * @server_name: the host name the client sends as SNI and verifies the
 *	server's certificate against; NUL-terminated, or NULL
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
 * @trust_anchors: trusted CA certificates, in the form of @cert_chain
 * @trust_anchors_len: bytes in @trust_anchors
 * @peer_pubkey_pin: SHA-256 of the DER SubjectPublicKeyInfo the peer's
 *	end-entity certificate must carry, or NULL
 * @verify: TLSHAKE_VERIFY_* flags
 * @timeout_ms: how long the whole handshake may take; 0 for the default
 * @peer_chain: if not NULL, where to leave the peer's certificate chain,
 *	in the form of @cert_chain: a kvmalloc()ed copy that the caller
 *	frees with kvfree(), even when the handshake fails after the peer's
 *	Certificate message was parsed; left NULL if the peer sent none
 * @peer_chain_len: where to leave the bytes at *@peer_chain; must be set
 *	if @peer_chain is
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
	const u8 *trust_anchors;
	unsigned int trust_anchors_len;
	const u8 *peer_pubkey_pin;
	u32 verify;
	u32 timeout_ms;
	u8 **peer_chain;
	unsigned int *peer_chain_len;
};

int tlshake_handshake(struct socket *sock, const struct tlshake_params *params,
		      struct tlshake_result *result);

#endif /* _NET_TLSHAKE_H */
