/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlshake internals shared by the module's files.
 */
#ifndef _NET_TLSHAKE_TLSHAKE_H
#define _NET_TLSHAKE_TLSHAKE_H

#include <linux/rcupdate.h>
#include <linux/sockptr.h>
#include <linux/tlshake.h>
#include <linux/types.h>

struct key;
struct proto;
struct sock;

/**
 * struct tlshake_config - a socket's handshake configuration, as set with
 *	the SOL_TLSHAKE options; every value has passed its checks
 * @verify: TLSHAKE_VERIFY_* flags
 * @options: TLSHAKE_OPT_* flags
 * @min_version: lowest version, 0 for the default
 * @max_version: highest version, 0 for the default
 * @role: TLSHAKE_ROLE_CLIENT or TLSHAKE_ROLE_SERVER
 * @num_cipher_suites: entries in @cipher_suites, 0 for the default
 * @num_groups: entries in @groups, 0 for the default
 * @num_sig_schemes: entries in @sig_schemes, 0 for the default
 * @alpn_len: bytes in @alpn, 0 for no ALPN
 * @has_pin: whether @pin is set
 * @cipher_suites: TLSHAKE_CIPHER_SUITES
 * @groups: TLSHAKE_GROUPS
 * @sig_schemes: TLSHAKE_SIG_SCHEMES
 * @alpn: TLSHAKE_ALPN
 * @server_name: TLSHAKE_SERVER_NAME, NUL-terminated; empty if unset
 * @pin: TLSHAKE_PEER_PUBKEY_PIN
 * @cert_chain: TLSHAKE_CERT_CHAIN (kvmalloc()ed), or NULL
 * @cert_chain_len: bytes at @cert_chain
 * @private_key: TLSHAKE_PRIVATE_KEY (kvmalloc()ed), or NULL
 * @private_key_len: bytes at @private_key
 * @private_key_key: TLSHAKE_PRIVATE_KEY_ID, a reference held, or NULL;
 *	never set together with @private_key
 * @trust_anchors: TLSHAKE_TRUST_ANCHORS (kvmalloc()ed), or NULL
 * @trust_anchors_len: bytes at @trust_anchors
 * @trust_keyring: TLSHAKE_TRUST_KEYRING, a reference held, or NULL
 * @session: TLSHAKE_SESSION (kvmalloc()ed), or NULL
 * @session_len: bytes at @session
 */
struct tlshake_config {
	u32 verify;
	u32 options;
	u16 min_version;
	u16 max_version;
	u8 role;
	u8 num_cipher_suites;
	u8 num_groups;
	u8 num_sig_schemes;
	u8 alpn_len;
	bool has_pin;
	u16 cipher_suites[TLSHAKE_LIST_MAX];
	u16 groups[TLSHAKE_LIST_MAX];
	u16 sig_schemes[TLSHAKE_LIST_MAX];
	u8 alpn[TLSHAKE_ALPN_LIST_MAX];
	char server_name[TLSHAKE_SERVER_NAME_MAX + 1];
	u8 pin[32];
	u8 *cert_chain;
	unsigned int cert_chain_len;
	u8 *private_key;
	unsigned int private_key_len;
	struct key *private_key_key;
	u8 *trust_anchors;
	unsigned int trust_anchors_len;
	struct key *trust_keyring;
	u8 *session;
	unsigned int session_len;
};

/**
 * enum tlshake_sock_state - where a socket's handshake stands
 * @TLSHAKE_SK_CONFIGURING: options may be set, the handshake may run
 * @TLSHAKE_SK_RUNNING: getsockopt(TLSHAKE_HANDSHAKE) runs it: the
 *	configuration is being read without the socket lock and must not
 *	change
 * @TLSHAKE_SK_FAILED: it ran and failed; the socket is spent
 */
enum tlshake_sock_state {
	TLSHAKE_SK_CONFIGURING,
	TLSHAKE_SK_RUNNING,
	TLSHAKE_SK_FAILED,
};

/**
 * struct tlshake_sock - per-socket state while the "tlshake" ULP is attached
 * @base_prot: the socket's protocol before the ULP replaced it; restored
 *	when the ULP steps aside for kTLS or is released
 * @state: where the handshake stands; changed under the socket lock
 * @detached: the ULP stepped aside while a handshake was running: the
 *	context now belongs to that handshake's caller, which frees it
 * @rcu: frees the context after lockless readers of @base_prot are gone
 * @config: what the options set
 */
struct tlshake_sock {
	struct proto *base_prot;
	enum tlshake_sock_state state;
	bool detached;
	struct rcu_head rcu;
	struct tlshake_config config;
};

int tlshake_ulp_register(void);
void tlshake_ulp_unregister(void);
struct tlshake_sock *tlshake_sk_ctx(const struct sock *sk);
void tlshake_sock_free(struct tlshake_sock *ctx);
void tlshake_ulp_detach(struct sock *sk);

int tlshake_sock_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			    unsigned int optlen);
int tlshake_sock_getsockopt(struct sock *sk, int optname,
			    char __user *optval, int __user *optlen);
void tlshake_config_release(struct tlshake_config *config);

#endif /* _NET_TLSHAKE_TLSHAKE_H */
