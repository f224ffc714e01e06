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

static struct tlshake_sock *tlshake_get_ctx(const struct sock *sk)
{
	return (__force void *)inet_csk(sk)->icsk_ulp_data;
}

static int tlshake_setsockopt(struct sock *sk, int level, int optname,
			      sockptr_t optval, unsigned int optlen)
{
	struct tlshake_sock *ctx = tlshake_get_ctx(sk);

	if (level != SOL_TLSHAKE)
		return ctx->base_prot->setsockopt(sk, level, optname, optval,
						  optlen);
	return -ENOPROTOOPT;
}

static int tlshake_getsockopt(struct sock *sk, int level, int optname,
			      char __user *optval, int __user *optlen)
{
	struct tlshake_sock *ctx = tlshake_get_ctx(sk);

	if (level != SOL_TLSHAKE)
		return ctx->base_prot->getsockopt(sk, level, optname, optval,
						  optlen);
	return -ENOPROTOOPT;
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

/* Called when the socket is destroyed with the ULP still attached. */
static void tlshake_ulp_release(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tlshake_sock *ctx = tlshake_get_ctx(sk);

	WRITE_ONCE(sk->sk_prot, ctx->base_prot);
	rcu_assign_pointer(icsk->icsk_ulp_data, NULL);
	kfree(ctx);
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
