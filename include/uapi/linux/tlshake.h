/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * tlshake: the TLS handshake performed in the kernel, handed to kTLS.
 *
 * A connected TCP socket is upgraded with
 *
 *	setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME, ...);
 *
 * after which the options at level SOL_TLSHAKE configure and run the
 * handshake.  When it completes, the socket is an ordinary kTLS socket.
 */
#ifndef _UAPI_LINUX_TLSHAKE_H
#define _UAPI_LINUX_TLSHAKE_H

/* The name of the TCP upper-layer protocol, for TCP_ULP. */
#define TLSHAKE_ULP_NAME	"tlshake"

/*
 * The socket option level of tlshake's options.  Chosen far above the
 * levels in linux/socket.h so that it cannot collide with one while the
 * module lives out of tree.
 */
#define SOL_TLSHAKE		0x544c53

#endif /* _UAPI_LINUX_TLSHAKE_H */
