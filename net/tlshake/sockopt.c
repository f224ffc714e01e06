// SPDX-License-Identifier: GPL-2.0
/*
 * The SOL_TLSHAKE socket options: setsockopt() stores a socket's handshake
 * configuration in its ULP context, getsockopt(TLSHAKE_HANDSHAKE) runs the
 * handshake with it.
 *
 * Locking.  The configuration changes under the socket lock.  The
 * handshake cannot run under it: it blocks in kernel_recvmsg() and
 * kernel_sendmsg(), which take the lock themselves, for as long as the
 * peer takes.  So getsockopt(TLSHAKE_HANDSHAKE) marks the context running
 * under the lock and drops the lock; from then on setsockopt() sees the
 * mark and fails with -EBUSY instead of changing what the handshake reads,
 * and the handshake reads its parameters, which point into the context,
 * without the lock.  getsockopt() itself arrives without the lock
 * (sock_common_getsockopt() calls the protocol directly).
 *
 * Lifetime.  At the hand-off the handshake detaches the ULP to make way
 * for kTLS (tlshake_ulp_detach()), which leaves the context of a running
 * handshake to getsockopt() to free once tlshake_handshake() returns.  A
 * handshake that fails before the hand-off leaves the ULP attached and the
 * socket spent: options and a second handshake fail with -EALREADY.
 */

#include <linux/err.h>
#include <linux/key.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tlshake.h>
#include <linux/uaccess.h>
#include <net/sock.h>
#include <net/tlshake.h>

#include "keyring.h"
#include "sockopt_check.h"
#include "tlshake.h"

#define TLSHAKE_VERIFY_ALL	(TLSHAKE_VERIFY_INSECURE | \
				 TLSHAKE_VERIFY_REQUEST_CLIENT | \
				 TLSHAKE_VERIFY_REQUIRE_CLIENT)
#define TLSHAKE_OPT_ALL		TLSHAKE_OPT_CLIENT_PREFERENCE

/**
 * struct tlshake_setting - one option's value, copied and checked before
 *	the socket is locked
 * @optname: the option
 * @len: the value's length; 0 restores the default
 * @val: TLSHAKE_ROLE, TLSHAKE_VERIFY and TLSHAKE_OPTIONS
 * @serial: TLSHAKE_PRIVATE_KEY_ID and TLSHAKE_TRUST_KEYRING
 * @versions: TLSHAKE_VERSIONS
 * @list: the code-point lists
 * @name: TLSHAKE_SERVER_NAME, NUL-terminated
 * @bytes: TLSHAKE_ALPN and TLSHAKE_PEER_PUBKEY_PIN
 * @blob: the certificate chain, key and trust anchors (kvmalloc()ed); after
 *	tlshake_apply(), the value it replaced
 * @key: the key a serial names, with a reference; after tlshake_apply(),
 *	the key it replaced
 */
struct tlshake_setting {
	int optname;
	unsigned int len;
	union {
		u32 val;
		s32 serial;
		struct tlshake_versions versions;
		u16 list[TLSHAKE_LIST_MAX];
		char name[TLSHAKE_SERVER_NAME_MAX + 1];
		u8 bytes[TLSHAKE_ALPN_LIST_MAX];
	};
	u8 *blob;
	struct key *key;
};

static bool tlshake_version_ok(u16 version)
{
	return version == TLSHAKE_TLS_1_2 || version == TLSHAKE_TLS_1_3;
}

static int tlshake_check_setting(struct tlshake_setting *s)
{
	struct key *key;

	switch (s->optname) {
	case TLSHAKE_ROLE:
		return s->val == TLSHAKE_ROLE_CLIENT ||
		       s->val == TLSHAKE_ROLE_SERVER ? 0 : -EINVAL;
	case TLSHAKE_VERSIONS:
		return tlshake_version_ok(s->versions.min) &&
		       tlshake_version_ok(s->versions.max) &&
		       s->versions.min <= s->versions.max ? 0 : -EINVAL;
	case TLSHAKE_CIPHER_SUITES:
	case TLSHAKE_GROUPS:
	case TLSHAKE_SIG_SCHEMES:
		return tlshake_check_code_points(s->list, s->len / sizeof(u16));
	case TLSHAKE_SERVER_NAME:
		return tlshake_check_server_name(s->name, s->len);
	case TLSHAKE_ALPN:
		return tlshake_check_alpn(s->bytes, s->len);
	case TLSHAKE_CERT_CHAIN:
	case TLSHAKE_TRUST_ANCHORS:
		return tlshake_check_cert_list(s->blob, s->len);
	case TLSHAKE_PRIVATE_KEY:
		return tlshake_check_der_sequence(s->blob, s->len);
	case TLSHAKE_SESSION:
		return tlshake_check_session(s->blob, s->len);
	case TLSHAKE_VERIFY:
		return s->val & ~TLSHAKE_VERIFY_ALL ? -EINVAL : 0;
	case TLSHAKE_OPTIONS:
		return s->val & ~TLSHAKE_OPT_ALL ? -EINVAL : 0;
	case TLSHAKE_PRIVATE_KEY_ID:
	case TLSHAKE_TRUST_KEYRING:
		/* A serial is checked by resolving it, with the caller's
		 * credentials, to the key kept from then on.
		 */
		key = tlshake_keyring_lookup(s->serial, s->optname ==
					     TLSHAKE_TRUST_KEYRING);
		if (IS_ERR(key))
			return PTR_ERR(key);
		s->key = key;
		return 0;
	default:
		return 0;
	}
}

/* What either private-key option gives back is a private key; a session
 * holds its master secret.
 */
static void tlshake_free_blob(int optname, u8 *blob, unsigned int len)
{
	if (optname == TLSHAKE_PRIVATE_KEY || optname == TLSHAKE_PRIVATE_KEY_ID ||
	    optname == TLSHAKE_SESSION)
		kvfree_sensitive(blob, len);
	else
		kvfree(blob);
}

/* Copy an option's value from the caller, with its length checked against
 * what the option takes, and check the value.
 */
static int tlshake_copy_setting(struct tlshake_setting *s, sockptr_t optval,
				unsigned int optlen)
{
	bool fixed = false;
	unsigned int max;
	void *dst = NULL;
	int err;

	switch (s->optname) {
	case TLSHAKE_ROLE:
	case TLSHAKE_VERIFY:
	case TLSHAKE_OPTIONS:
		fixed = true;
		max = sizeof(s->val);
		dst = &s->val;
		break;
	case TLSHAKE_PRIVATE_KEY_ID:
	case TLSHAKE_TRUST_KEYRING:
		fixed = true;
		max = sizeof(s->serial);
		dst = &s->serial;
		break;
	case TLSHAKE_VERSIONS:
		fixed = true;
		max = sizeof(s->versions);
		dst = &s->versions;
		break;
	case TLSHAKE_CIPHER_SUITES:
	case TLSHAKE_GROUPS:
	case TLSHAKE_SIG_SCHEMES:
		if (optlen % sizeof(u16))
			return -EINVAL;
		max = sizeof(s->list);
		dst = s->list;
		break;
	case TLSHAKE_SERVER_NAME:
		max = TLSHAKE_SERVER_NAME_MAX;
		dst = s->name;
		break;
	case TLSHAKE_ALPN:
		max = TLSHAKE_ALPN_LIST_MAX;
		dst = s->bytes;
		break;
	case TLSHAKE_PEER_PUBKEY_PIN:
		fixed = true;
		max = 32;
		dst = s->bytes;
		break;
	case TLSHAKE_CERT_CHAIN:
		max = TLSHAKE_CERT_CHAIN_MAX;
		break;
	case TLSHAKE_PRIVATE_KEY:
		max = TLSHAKE_PRIVATE_KEY_MAX;
		break;
	case TLSHAKE_TRUST_ANCHORS:
		max = TLSHAKE_TRUST_ANCHORS_MAX;
		break;
	case TLSHAKE_SESSION:
		max = TLSHAKE_SESSION_MAX;
		break;
	default:
		return -ENOPROTOOPT;
	}

	s->len = optlen;
	if (!optlen)
		return 0;
	if (optlen > max || (fixed && optlen != max))
		return -EINVAL;

	if (!dst) {
		s->blob = kvmalloc(optlen, GFP_KERNEL_ACCOUNT);
		if (!s->blob)
			return -ENOMEM;
		dst = s->blob;
	}
	if (copy_from_sockptr(dst, optval, optlen))
		err = -EFAULT;
	else
		err = tlshake_check_setting(s);
	if (err && s->blob) {
		tlshake_free_blob(s->optname, s->blob, optlen);
		s->blob = NULL;
	}
	if (s->optname == TLSHAKE_SERVER_NAME)
		s->name[optlen] = '\0';
	return err;
}

/* Store a checked value; a replaced blob or key goes back in @s to be
 * freed or put.  TLSHAKE_PRIVATE_KEY and TLSHAKE_PRIVATE_KEY_ID are one
 * setting, the private key, in two forms: each replaces the other.
 */
static void tlshake_apply(struct tlshake_config *cfg, struct tlshake_setting *s)
{
	unsigned int count = s->len / sizeof(u16);

	switch (s->optname) {
	case TLSHAKE_ROLE:
		cfg->role = s->len ? s->val : 0;
		break;
	case TLSHAKE_VERSIONS:
		cfg->min_version = s->len ? s->versions.min : 0;
		cfg->max_version = s->len ? s->versions.max : 0;
		break;
	case TLSHAKE_CIPHER_SUITES:
		memcpy(cfg->cipher_suites, s->list, s->len);
		cfg->num_cipher_suites = count;
		break;
	case TLSHAKE_GROUPS:
		memcpy(cfg->groups, s->list, s->len);
		cfg->num_groups = count;
		break;
	case TLSHAKE_SIG_SCHEMES:
		memcpy(cfg->sig_schemes, s->list, s->len);
		cfg->num_sig_schemes = count;
		break;
	case TLSHAKE_SERVER_NAME:
		memcpy(cfg->server_name, s->name, s->len + 1);
		break;
	case TLSHAKE_ALPN:
		memcpy(cfg->alpn, s->bytes, s->len);
		cfg->alpn_len = s->len;
		break;
	case TLSHAKE_PEER_PUBKEY_PIN:
		memcpy(cfg->pin, s->bytes, sizeof(cfg->pin));
		cfg->has_pin = s->len;
		break;
	case TLSHAKE_VERIFY:
		cfg->verify = s->len ? s->val : 0;
		break;
	case TLSHAKE_OPTIONS:
		cfg->options = s->len ? s->val : 0;
		break;
	case TLSHAKE_CERT_CHAIN:
		swap(cfg->cert_chain, s->blob);
		swap(cfg->cert_chain_len, s->len);
		break;
	case TLSHAKE_PRIVATE_KEY:
		swap(cfg->private_key, s->blob);
		swap(cfg->private_key_len, s->len);
		swap(cfg->private_key_key, s->key);
		break;
	case TLSHAKE_PRIVATE_KEY_ID:
		swap(cfg->private_key_key, s->key);
		s->blob = cfg->private_key;
		s->len = cfg->private_key_len;
		cfg->private_key = NULL;
		cfg->private_key_len = 0;
		break;
	case TLSHAKE_TRUST_ANCHORS:
		swap(cfg->trust_anchors, s->blob);
		swap(cfg->trust_anchors_len, s->len);
		break;
	case TLSHAKE_TRUST_KEYRING:
		swap(cfg->trust_keyring, s->key);
		break;
	case TLSHAKE_SESSION:
		swap(cfg->session, s->blob);
		swap(cfg->session_len, s->len);
		break;
	}
}

/* Whether the configuration may change or the handshake run. */
static int tlshake_check_state(const struct tlshake_sock *ctx)
{
	switch (ctx->state) {
	case TLSHAKE_SK_RUNNING:
		return -EBUSY;
	case TLSHAKE_SK_FAILED:
		return -EALREADY;
	default:
		return 0;
	}
}

/**
 * tlshake_sock_setsockopt - set a SOL_TLSHAKE option
 * @sk: the socket, not locked
 * @optname: the option
 * @optval: its value
 * @optlen: the value's length
 *
 * Return: 0, -ENOPROTOOPT for an option that cannot be set, -EINVAL for a
 * malformed value, -EBUSY while the handshake runs, -EALREADY after it
 * failed, -EFAULT or -ENOMEM; for a key serial, -ENOKEY, -EKEYREVOKED,
 * -EKEYEXPIRED, -EACCES or -EINVAL (see tlshake_keyring_lookup()).
 */
int tlshake_sock_setsockopt(struct sock *sk, int optname, sockptr_t optval,
			    unsigned int optlen)
{
	struct tlshake_setting *s;
	struct tlshake_sock *ctx;
	int err;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->optname = optname;
	err = tlshake_copy_setting(s, optval, optlen);
	if (err)
		goto out;

	lock_sock(sk);
	ctx = tlshake_sk_ctx(sk);
	/* Without a context, the ULP stepped aside for kTLS meanwhile. */
	err = ctx ? tlshake_check_state(ctx) : -ENOPROTOOPT;
	if (!err)
		tlshake_apply(&ctx->config, s);
	release_sock(sk);

	if (s->blob)
		tlshake_free_blob(optname, s->blob, s->len);
	key_put(s->key);
out:
	kfree(s);
	return err;
}

/**
 * tlshake_config_release - free what a configuration holds
 * @cfg: the configuration
 */
void tlshake_config_release(struct tlshake_config *cfg)
{
	kvfree(cfg->cert_chain);
	kvfree_sensitive(cfg->private_key, cfg->private_key_len);
	kvfree(cfg->trust_anchors);
	kvfree_sensitive(cfg->session, cfg->session_len);
	key_put(cfg->private_key_key);
	key_put(cfg->trust_keyring);
	cfg->cert_chain = NULL;
	cfg->private_key = NULL;
	cfg->trust_anchors = NULL;
	cfg->session = NULL;
	cfg->private_key_key = NULL;
	cfg->trust_keyring = NULL;
}

/* Turn the stored configuration into the handshake's parameters, which
 * point into it.  Called under the socket lock.
 */
static int tlshake_prepare(const struct tlshake_config *cfg,
			   struct tlshake_params *params)
{
	memset(params, 0, sizeof(*params));
	params->role = cfg->role ?: TLSHAKE_ROLE_CLIENT;

	/* A server needs a certificate and its key; a client either
	 * authenticates with both or not at all.
	 */
	if (!cfg->cert_chain != !(cfg->private_key || cfg->private_key_key) ||
	    (params->role == TLSHAKE_ROLE_SERVER && !cfg->cert_chain))
		return -ENOKEY;

	params->min_version = cfg->min_version;
	params->max_version = cfg->max_version;
	if (cfg->num_cipher_suites) {
		params->cipher_suites = cfg->cipher_suites;
		params->num_cipher_suites = cfg->num_cipher_suites;
	}
	if (cfg->num_groups) {
		params->groups = cfg->groups;
		params->num_groups = cfg->num_groups;
	}
	if (cfg->num_sig_schemes) {
		params->sig_schemes = cfg->sig_schemes;
		params->num_sig_schemes = cfg->num_sig_schemes;
	}
	if (cfg->server_name[0])
		params->server_name = cfg->server_name;
	if (cfg->alpn_len) {
		params->alpn = cfg->alpn;
		params->alpn_len = cfg->alpn_len;
	}
	params->cert_chain = cfg->cert_chain;
	params->cert_chain_len = cfg->cert_chain_len;
	params->private_key = cfg->private_key;
	params->private_key_len = cfg->private_key_len;
	params->private_key_key = cfg->private_key_key;
	params->trust_anchors = cfg->trust_anchors;
	params->trust_anchors_len = cfg->trust_anchors_len;
	params->trust_keyring = cfg->trust_keyring;
	if (cfg->has_pin)
		params->peer_pubkey_pin = cfg->pin;
	params->verify = cfg->verify;
	params->options = cfg->options;
	params->session = cfg->session;
	params->session_len = cfg->session_len;
	return 0;
}

/* Hand @data to the caller's buffer at @ubuf, of *@ulen bytes, if it
 * fits, and its length in *@ulen in any case.
 */
static int tlshake_copy_out(u64 ubuf, u32 *ulen, const u8 *data,
			    unsigned int len)
{
	bool fits = len <= *ulen;

	*ulen = len;
	if (data && fits && copy_to_user(u64_to_user_ptr(ubuf), data, len))
		return -EFAULT;
	return 0;
}

static int tlshake_run(struct sock *sk, char __user *optval,
		       int __user *optlen)
{
	unsigned int peer_chain_len = 0, session_len = 0;
	struct tlshake_params params;
	struct tlshake_handshake *hs;
	struct tlshake_sock *ctx;
	u8 *peer_chain = NULL, *session = NULL;
	int len, err, copy_err;
	bool detached;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < (int)sizeof(*hs))
		return -EINVAL;
	hs = kmalloc(sizeof(*hs), GFP_KERNEL);
	if (!hs)
		return -ENOMEM;
	if (copy_from_user(hs, optval, sizeof(*hs))) {
		err = -EFAULT;
		goto out_free;
	}
	memset(&hs->result, 0, sizeof(hs->result));
	if (hs->reserved) {
		err = -EINVAL;
		goto out_free;
	}

	lock_sock(sk);
	ctx = tlshake_sk_ctx(sk);
	err = ctx ? tlshake_check_state(ctx) : -ENOPROTOOPT;
	if (!err)
		err = tlshake_prepare(&ctx->config, &params);
	if (!err)
		ctx->state = TLSHAKE_SK_RUNNING;
	release_sock(sk);
	if (err)
		goto out_free;

	params.timeout_ms = hs->timeout_ms;
	if (hs->peer_chain) {
		params.peer_chain = &peer_chain;
		params.peer_chain_len = &peer_chain_len;
	} else {
		hs->peer_chain_len = 0;
	}
	if (hs->session) {
		params.new_session = &session;
		params.new_session_len = &session_len;
	} else {
		hs->session_len = 0;
	}

	/* The ULP's reference to this module goes when the handshake
	 * detaches it; this code runs on until the handshake has returned.
	 */
	__module_get(THIS_MODULE);
	err = tlshake_handshake(sk->sk_socket, &params, &hs->result);

	lock_sock(sk);
	detached = ctx->detached;
	if (!detached)
		ctx->state = TLSHAKE_SK_FAILED;
	release_sock(sk);
	/* Success means the socket went to kTLS, which needs the detach. */
	if (WARN_ON_ONCE(!err && !detached))
		err = -EPROTO;
	if (detached)
		tlshake_sock_free(ctx);

	copy_err = 0;
	if (hs->peer_chain)
		copy_err = tlshake_copy_out(hs->peer_chain,
					    &hs->peer_chain_len, peer_chain,
					    peer_chain_len);
	kvfree(peer_chain);
	if (hs->session && !copy_err)
		copy_err = tlshake_copy_out(hs->session, &hs->session_len,
					    session, session_len);
	kfree_sensitive(session);
	if (copy_to_user(optval, hs, sizeof(*hs)) ||
	    put_user((int)sizeof(*hs), optlen))
		copy_err = -EFAULT;
	if (!err)
		err = copy_err;
	kfree(hs);
	module_put(THIS_MODULE);
	return err;

out_free:
	kfree(hs);
	return err;
}

/**
 * tlshake_sock_getsockopt - get a SOL_TLSHAKE option
 * @sk: the socket, not locked
 * @optname: the option: TLSHAKE_HANDSHAKE runs the handshake
 * @optval: the caller's buffer
 * @optlen: its length
 *
 * Return: 0 once the socket has been handed to kTLS; -ENOPROTOOPT for
 * other options; -EINVAL for a short buffer; -ENOKEY if a certificate or
 * key is missing; -EBUSY while another handshake runs, -EALREADY after one
 * failed; else the handshake's error.
 */
int tlshake_sock_getsockopt(struct sock *sk, int optname,
			    char __user *optval, int __user *optlen)
{
	if (optname != TLSHAKE_HANDSHAKE)
		return -ENOPROTOOPT;
	return tlshake_run(sk, optval, optlen);
}
