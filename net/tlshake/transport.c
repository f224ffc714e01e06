// SPDX-License-Identifier: GPL-2.0
/*
 * The handshake's byte transport over a connected TCP socket.
 *
 * Every wait is bounded by one deadline for the whole handshake: before
 * each blocking call the socket's send or receive timeout is set to the
 * time left, and the caller's own timeouts are put back at the end.  A
 * wait that ends on a signal gives -EINTR: a handshake cannot be restarted
 * half-way, so -ERESTARTSYS must not reach the system call layer.
 */

#include <linux/jiffies.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/uio.h>
#include <net/sock.h>

#include "transport.h"

/**
 * tlshake_transport_init - start a handshake's transport
 * @tp: the transport
 * @sock: the connected TCP socket
 * @timeout_ms: how long the whole handshake may take, at least 1
 *
 * Saves the socket's own timeouts for tlshake_transport_restore().
 */
void tlshake_transport_init(struct tlshake_transport *tp, struct socket *sock,
			    unsigned int timeout_ms)
{
	struct sock *sk = sock->sk;

	tp->sock = sock;
	tp->deadline = jiffies + max(msecs_to_jiffies(timeout_ms), 1UL);
	lock_sock(sk);
	tp->saved_rcvtimeo = sk->sk_rcvtimeo;
	tp->saved_sndtimeo = sk->sk_sndtimeo;
	release_sock(sk);
}

/**
 * tlshake_transport_restore - give the socket its own timeouts back
 * @tp: the transport
 */
void tlshake_transport_restore(struct tlshake_transport *tp)
{
	struct sock *sk = tp->sock->sk;

	lock_sock(sk);
	WRITE_ONCE(sk->sk_rcvtimeo, tp->saved_rcvtimeo);
	WRITE_ONCE(sk->sk_sndtimeo, tp->saved_sndtimeo);
	release_sock(sk);
}

/* Let the next blocking call wait no longer than the time left. */
static int tlshake_transport_arm(struct tlshake_transport *tp, bool rcv)
{
	long left = (long)(tp->deadline - jiffies);
	struct sock *sk = tp->sock->sk;

	if (left <= 0)
		return -ETIMEDOUT;

	/* sock_setsockopt() writes the timeouts under the socket lock. */
	lock_sock(sk);
	if (rcv)
		WRITE_ONCE(sk->sk_rcvtimeo, left);
	else
		WRITE_ONCE(sk->sk_sndtimeo, left);
	release_sock(sk);
	return 0;
}

/* With a finite timeout, -EAGAIN from a blocking call means it expired. */
static int tlshake_transport_errno(int err)
{
	switch (err) {
	case -EAGAIN:
		return -ETIMEDOUT;
	case -ERESTARTSYS:
	case -EINTR:
		return -EINTR;
	default:
		return err;
	}
}

/**
 * tlshake_transport_recv - read exactly @len bytes
 * @tp: the transport
 * @buf: where to put them
 * @len: how many
 *
 * Never reads more than @len bytes: what follows stays in the socket.
 *
 * Return: 0; -ETIMEDOUT once the deadline passed; -EINTR on a signal;
 * -ECONNRESET if the peer closed the connection first; or the socket's
 * negative errno.
 */
int tlshake_transport_recv(struct tlshake_transport *tp, void *buf,
			   size_t len)
{
	while (len) {
		struct kvec kv = { .iov_base = buf, .iov_len = len };
		struct msghdr msg = {};
		int n;

		n = tlshake_transport_arm(tp, true);
		if (n)
			return n;

		/* MSG_WAITALL still returns early on a timeout or a signal
		 * once some bytes were copied: go on with the rest.
		 */
		n = kernel_recvmsg(tp->sock, &msg, &kv, 1, len, MSG_WAITALL);
		if (n < 0)
			return tlshake_transport_errno(n);
		if (n == 0)
			return -ECONNRESET;
		buf += n;
		len -= n;
	}
	return 0;
}

/**
 * tlshake_transport_send - write all of @len bytes
 * @tp: the transport
 * @buf: the bytes
 * @len: how many
 * @more: more of the same flight follows at once (MSG_MORE)
 *
 * Return: 0; -ETIMEDOUT once the deadline passed; -EINTR on a signal; or
 * the socket's negative errno (-EPIPE once the peer has gone).
 */
int tlshake_transport_send(struct tlshake_transport *tp, const void *buf,
			   size_t len, bool more)
{
	int flags = MSG_NOSIGNAL | (more ? MSG_MORE : 0);

	while (len) {
		struct kvec kv = { .iov_base = (void *)buf, .iov_len = len };
		struct msghdr msg = { .msg_flags = flags };
		int n;

		n = tlshake_transport_arm(tp, false);
		if (n)
			return n;

		n = kernel_sendmsg(tp->sock, &msg, &kv, 1, len);
		if (n < 0)
			return tlshake_transport_errno(n);
		buf += n;
		len -= n;
	}
	return 0;
}

/**
 * tlshake_transport_send_nowait - write @len bytes if the socket takes them
 * @tp: the transport
 * @buf: the bytes
 * @len: how many
 *
 * For the alert that ends a failed handshake: it must not block, and
 * there is nothing left to do if the socket cannot take it.
 *
 * Return: 0 if all bytes were queued, else a negative errno.
 */
int tlshake_transport_send_nowait(struct tlshake_transport *tp,
				  const void *buf, size_t len)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_flags = MSG_NOSIGNAL | MSG_DONTWAIT };
	int n;

	n = kernel_sendmsg(tp->sock, &msg, &kv, 1, len);
	if (n < 0)
		return n;
	return n == len ? 0 : -EAGAIN;
}
