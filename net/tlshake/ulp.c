// SPDX-License-Identifier: GPL-2.0
/*
 * The "tlshake" TCP upper-layer protocol: userspace attaches it to a
 * connected TCP socket, configures and runs the handshake through socket
 * options at level SOL_TLSHAKE, and the ULP then steps aside for kTLS.
 *
 * As in net/tls, the socket's struct proto is swapped for a copy whose
 * setsockopt and getsockopt see SOL_TLSHAKE first.  One copy is built per
 * address family from the first socket's protocol.
 */

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/tlshake.h>
#include <net/inet_connection_sock.h>
#include <net/sock.h>
#include <net/tcp.h>

#include "tlshake.h"

enum {
	TLSHAKE_IPV4,
	TLSHAKE_IPV6,
	TLSHAKE_NUM_FAMILIES,
};

static struct proto tlshake_prots[TLSHAKE_NUM_FAMILIES];
static const struct proto *tlshake_saved_prots[TLSHAKE_NUM_FAMILIES];
static DEFINE_MUTEX(tlshake_prot_mutex);

static struct tcp_ulp_ops tlshake_ulp_ops;

/* The protocol the copy a socket's calls arrive through was made from
 * (see tlshake_build_proto()).  It is not read from the context: a call
 * that entered through the copy just before the ULP stepped aside for
 * kTLS finds icsk_ulp_data gone or belonging to kTLS.
 */
static const struct proto *tlshake_base_prot(const struct sock *sk)
{
	int family = sk->sk_family == AF_INET6 ? TLSHAKE_IPV6 : TLSHAKE_IPV4;

	/* Pairs with smp_store_release() in tlshake_build_proto(). */
	return smp_load_acquire(&tlshake_saved_prots[family]);
}

/**
 * tlshake_sk_ctx - the context of a socket the ULP is attached to
 * @sk: the socket, locked by the caller
 *
 * Return: the context, or NULL if the "tlshake" ULP is not (or no longer)
 * attached to @sk.
 */
struct tlshake_sock *tlshake_sk_ctx(const struct sock *sk)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ulp_ops != &tlshake_ulp_ops)
		return NULL;
	return rcu_dereference_protected(icsk->icsk_ulp_data,
					 lockdep_sock_is_held(sk));
}

static int tlshake_setsockopt(struct sock *sk, int level, int optname,
			      sockptr_t optval, unsigned int optlen)
{
	if (level != SOL_TLSHAKE)
		return tlshake_base_prot(sk)->setsockopt(sk, level, optname,
							 optval, optlen);
	return tlshake_sock_setsockopt(sk, optname, optval, optlen);
}

static int tlshake_getsockopt(struct sock *sk, int level, int optname,
			      char __user *optval, int __user *optlen)
{
	if (level != SOL_TLSHAKE)
		return tlshake_base_prot(sk)->getsockopt(sk, level, optname,
							 optval, optlen);
	return tlshake_sock_getsockopt(sk, optname, optval, optlen);
}

/* Build (or rebuild, if the base protocol changed, as tcpv6_prot does when
 * ipv6.ko is reloaded) the family's protocol copy.  The saved base pointer
 * is published with release semantics after the copy is complete, so a
 * lockless reader that sees it also sees the finished copy.
 */
static struct proto *tlshake_build_proto(struct sock *sk)
{
	int family = sk->sk_family == AF_INET6 ? TLSHAKE_IPV6 : TLSHAKE_IPV4;
	struct proto *base = READ_ONCE(sk->sk_prot);

	/* Pairs with smp_store_release() below. */
	if (likely(base == smp_load_acquire(&tlshake_saved_prots[family])))
		return &tlshake_prots[family];

	mutex_lock(&tlshake_prot_mutex);
	if (base != tlshake_saved_prots[family]) {
		tlshake_prots[family] = *base;
		tlshake_prots[family].setsockopt = tlshake_setsockopt;
		tlshake_prots[family].getsockopt = tlshake_getsockopt;
		/* Pairs with smp_load_acquire() above. */
		smp_store_release(&tlshake_saved_prots[family], base);
	}
	mutex_unlock(&tlshake_prot_mutex);
	return &tlshake_prots[family];
}

/* Called under lock_sock() from do_tcp_setsockopt(TCP_ULP). */
static int tlshake_ulp_init(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tlshake_sock *ctx;
	struct proto *prot;

	/* As for kTLS: a listening socket would need its context cloned. */
	if (sk->sk_state != TCP_ESTABLISHED)
		return -ENOTCONN;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;

	prot = tlshake_build_proto(sk);
	ctx->base_prot = READ_ONCE(sk->sk_prot);
	rcu_assign_pointer(icsk->icsk_ulp_data, ctx);
	WRITE_ONCE(sk->sk_prot, prot);
	return 0;
}

/**
 * tlshake_sock_free - free a socket's context and its configuration
 * @ctx: the context, no longer reachable from its socket
 */
void tlshake_sock_free(struct tlshake_sock *ctx)
{
	tlshake_config_release(&ctx->config);
	kfree_rcu(ctx, rcu);
}

/* Put the socket back as it was before tlshake_ulp_init(). */
static void tlshake_ulp_unhook(struct sock *sk, struct tlshake_sock *ctx)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	WRITE_ONCE(sk->sk_prot, ctx->base_prot);
	rcu_assign_pointer(icsk->icsk_ulp_data, NULL);
}

/* Called when the socket is destroyed with the ULP still attached.  No
 * handshake runs then: getsockopt() holds a reference to the socket's file.
 */
static void tlshake_ulp_release(struct sock *sk)
{
	struct tlshake_sock *ctx = tlshake_sk_ctx(sk);

	tlshake_ulp_unhook(sk, ctx);
	tlshake_sock_free(ctx);
}

/**
 * tlshake_ulp_detach - make way for kTLS on a socket
 * @sk: the socket, not locked by the caller
 *
 * A socket has one ULP at a time, so the handshake calls this before it
 * attaches the "tls" ULP, on every socket: it does nothing if the
 * "tlshake" ULP is not attached (a kernel consumer's socket).  Otherwise
 * it puts the socket's protocol back, detaches the ULP as tcp_cleanup_ulp()
 * would, and drops the module reference that attaching it took.
 *
 * The context holds the configuration a running handshake reads through
 * its struct tlshake_params.  If getsockopt(TLSHAKE_HANDSHAKE) is running
 * that handshake, the context is handed over to it and freed once
 * tlshake_handshake() has returned; the handshake may read its parameters
 * until then.  Otherwise the context is freed here.
 */
void tlshake_ulp_detach(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tlshake_sock *ctx;

	lock_sock(sk);
	ctx = tlshake_sk_ctx(sk);
	if (!ctx) {
		release_sock(sk);
		return;
	}
	tlshake_ulp_unhook(sk, ctx);
	icsk->icsk_ulp_ops = NULL;
	if (ctx->state == TLSHAKE_SK_RUNNING)
		ctx->detached = true;
	else
		tlshake_sock_free(ctx);
	release_sock(sk);
	module_put(tlshake_ulp_ops.owner);
}

static struct tcp_ulp_ops tlshake_ulp_ops __read_mostly = {
	.name		= TLSHAKE_ULP_NAME,
	.owner		= THIS_MODULE,
	.init		= tlshake_ulp_init,
	.release	= tlshake_ulp_release,
};

int tlshake_ulp_register(void)
{
	return tcp_register_ulp(&tlshake_ulp_ops);
}

void tlshake_ulp_unregister(void)
{
	tcp_unregister_ulp(&tlshake_ulp_ops);
}
