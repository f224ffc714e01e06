/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The handshake's byte transport: blocking reads and writes of exact
 * lengths on a connected TCP socket, under one deadline for the whole
 * handshake.
 */
#ifndef _NET_TLSHAKE_TRANSPORT_H
#define _NET_TLSHAKE_TRANSPORT_H

#include <linux/types.h>

struct socket;

/**
 * struct tlshake_transport - a socket and the deadline of a handshake
 * @sock: the connected TCP socket
 * @deadline: the jiffies value after which every wait fails
 * @saved_rcvtimeo: the socket's receive timeout, restored at the end
 * @saved_sndtimeo: the socket's send timeout, restored at the end
 */
struct tlshake_transport {
	struct socket *sock;
	unsigned long deadline;
	long saved_rcvtimeo;
	long saved_sndtimeo;
};

void tlshake_transport_init(struct tlshake_transport *tp, struct socket *sock,
			    unsigned int timeout_ms);
void tlshake_transport_restore(struct tlshake_transport *tp);
int tlshake_transport_recv(struct tlshake_transport *tp, void *buf,
			   size_t len);
int tlshake_transport_send(struct tlshake_transport *tp, const void *buf,
			   size_t len, bool more);
int tlshake_transport_send_nowait(struct tlshake_transport *tp,
				  const void *buf, size_t len);

#endif /* _NET_TLSHAKE_TRANSPORT_H */
