// SPDX-License-Identifier: GPL-2.0
/*
 * The kTLS socket after the handshake.  Application data goes out with
 * send() and comes back with recvmsg(); records of other types reach the
 * reader only with a control buffer (TLS_GET_RECORD_TYPE: a plain read()
 * would fail with EIO), one record per call: alerts, and handshake
 * messages the peer sends after the handshake.  kTLS sends no alert of
 * its own: close_notify goes out as a record of type alert
 * (TLS_SET_RECORD_TYPE).
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/tls.h>

#include "tlshake.h"

#ifndef SOL_TLS
#define SOL_TLS		282
#endif

#define ALERT_WARNING		1
#define ALERT_CLOSE_NOTIFY	0

#define ALERT_NO_RENEGOTIATION	100

#define HS_HELLO_REQUEST	0
#define HS_CLIENT_HELLO		1
#define HS_NEW_SESSION_TICKET	4
#define HS_KEY_UPDATE		24

/**
 * tls_recv - receive from a kTLS socket, with the record type
 * @fd: the socket
 * @buf: where
 * @len: room at @buf
 * @type: receives the TLS record type of what was received
 *
 * Return: bytes received, 0 at the end of the stream, -1 with errno set.
 */
ssize_t tls_recv(int fd, void *buf, size_t len, int *type)
{
	char control[CMSG_SPACE(sizeof(unsigned char))];
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control,
		.msg_controllen = sizeof(control),
	};
	struct cmsghdr *cmsg;
	ssize_t n;

	n = recvmsg(fd, &msg, 0);
	*type = RECORD_DATA;
	if (n < 0)
		return n;
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg))
		if (cmsg->cmsg_level == SOL_TLS &&
		    cmsg->cmsg_type == TLS_GET_RECORD_TYPE)
			*type = *(unsigned char *)CMSG_DATA(cmsg);
	return n;
}

static ssize_t tls_send_record(int fd, int type, const void *buf, size_t len)
{
	char control[CMSG_SPACE(sizeof(unsigned char))] = { 0 };
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control,
		.msg_controllen = sizeof(control),
	};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);

	cmsg->cmsg_level = SOL_TLS;
	cmsg->cmsg_type = TLS_SET_RECORD_TYPE;
	cmsg->cmsg_len = CMSG_LEN(sizeof(unsigned char));
	*(unsigned char *)CMSG_DATA(cmsg) = type;
	return sendmsg(fd, &msg, MSG_NOSIGNAL);
}

/**
 * tls_send_close_notify - send the close_notify alert
 * @fd: the socket
 *
 * Return: 0, or -1 with errno set.
 */
int tls_send_close_notify(int fd)
{
	static const unsigned char alert[2] = {
		ALERT_WARNING, ALERT_CLOSE_NOTIFY
	};

	return tls_send_record(fd, RECORD_ALERT, alert, sizeof(alert)) ==
	       sizeof(alert) ? 0 : -1;
}

/**
 * tls_send_all - send application data, all of it
 * @fd: the socket, blocking
 * @buf: the data
 * @len: its length
 *
 * Return: 0, or -1 with errno set.
 */
int tls_send_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

/* Whether kTLS protects the socket's records as TLS 1.2 does. */
static int is_tls12(int fd)
{
	struct tls_crypto_info info;
	socklen_t len = sizeof(info);

	return !getsockopt(fd, SOL_TLS, TLS_TX, &info, &len) &&
	       info.version == TLS_1_2_VERSION;
}

/* RFC 5746 4.2 and 4.4: a TLS 1.2 peer asking to renegotiate, by
 * HelloRequest or ClientHello, is refused with a no_renegotiation warning
 * (RFC 5246 7.2.2); the keys stay as they are.  kTLS could not take new
 * ones.
 */
static int refuse_renegotiation(int fd, const char *who)
{
	static const unsigned char alert[2] = {
		ALERT_WARNING, ALERT_NO_RENEGOTIATION
	};

	if (!quiet)
		warnx("%srefused the peer's renegotiation", who);
	if (tls_send_record(fd, RECORD_ALERT, alert, sizeof(alert)) !=
	    sizeof(alert)) {
		warnx("%ssending no_renegotiation: %s", who, strerror(errno));
		return -1;
	}
	return 0;
}

/* What a record other than application data means for the stream:
 * 0 to go on reading, 1 for its clean end, -1 for a broken one.
 */
static int non_data_record(int fd, int type, const unsigned char *rec,
			   ssize_t n, const char *who)
{
	if (type == RECORD_ALERT && n == 2) {
		if (rec[1] == ALERT_CLOSE_NOTIFY)
			return 1;
		if (rec[0] == ALERT_WARNING) {
			if (!quiet)
				warnx("%sthe peer sent a warning alert: %s",
				      who, alert_name(rec[1]));
			return 0;
		}
		warnx("%sthe peer sent a fatal alert: %s", who,
		      alert_name(rec[1]));
		return -1;
	}
	if (type == RECORD_HANDSHAKE && n >= 1) {
		if ((rec[0] == HS_HELLO_REQUEST || rec[0] == HS_CLIENT_HELLO) &&
		    is_tls12(fd))
			return refuse_renegotiation(fd, who);
		if (rec[0] == HS_KEY_UPDATE) {
			warnx("%sthe peer sent KeyUpdate, which kTLS on this kernel cannot follow",
			      who);
			return -1;
		}
		if (!quiet)
			warnx("%sskipped a post-handshake %s message", who,
			      rec[0] == HS_NEW_SESSION_TICKET ?
			      "NewSessionTicket" : "handshake");
		return 0;
	}
	warnx("%sunexpected record of type %d (%zd bytes)", who, type, n);
	return -1;
}

/**
 * tls_read_chunk - read application data, handling other records
 * @fd: the socket
 * @buf: where
 * @len: room at @buf (at least a record's worth: 16 KiB)
 * @who: a prefix for messages
 *
 * Return: bytes of data; 0 at the clean end of the stream (close_notify,
 * or the end of the connection, after a note); -1 on a fatal alert or an
 * error, after a message; -2 if a non-blocking socket has nothing yet.
 */
int tls_read_chunk(int fd, void *buf, size_t len, const char *who)
{
	for (;;) {
		int type, ret;
		ssize_t n = tls_recv(fd, buf, len, &type);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return -2;
			warnx("%sreceiving: %s", who, strerror(errno));
			return -1;
		}
		if (!n) {
			if (!quiet)
				warnx("%sthe peer closed the connection without close_notify",
				      who);
			return 0;
		}
		if (type == RECORD_DATA)
			return n;
		ret = non_data_record(fd, type, buf, n, who);
		if (ret)
			return ret > 0 ? 0 : -1;
	}
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

/**
 * relay_stdio - relay standard input to the peer and the peer to
 *	standard output, as netcat does
 * @fd: the socket
 * @who: a prefix for messages
 *
 * At the end of standard input, close_notify goes to the peer and reading
 * goes on until the peer ends its side.  A close_notify from the peer is
 * answered with one.  The socket is made non-blocking so that a peer that
 * writes back while we write (an echo server) cannot deadlock us.
 *
 * Return: EXIT_OK after a clean end, EXIT_IO otherwise.
 */
int relay_stdio(int fd, const char *who)
{
	static char in[16384], out[16384 + 256];
	bool stdin_open = true, close_due = false, close_sent = false;
	size_t in_len = 0, in_off = 0;

	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)) {
		warnx("fcntl: %s", strerror(errno));
		return EXIT_IO;
	}
	for (;;) {
		struct pollfd p[2] = {
			{ .fd = stdin_open && !in_len ? 0 : -1,
			  .events = POLLIN },
			{ .fd = fd, .events = POLLIN },
		};

		if (in_len || close_due)
			p[1].events |= POLLOUT;
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			warnx("poll: %s", strerror(errno));
			return EXIT_IO;
		}

		if (p[0].revents) {
			ssize_t n = read(0, in, sizeof(in));

			if (n > 0) {
				in_len = n;
				in_off = 0;
			} else if (!n || errno != EINTR) {
				if (n)
					warnx("standard input: %s",
					      strerror(errno));
				stdin_open = false;
				close_due = true;
			}
		}

		if (p[1].revents & POLLOUT || in_len || close_due) {
			while (in_len) {
				ssize_t n = send(fd, in + in_off, in_len,
						 MSG_NOSIGNAL);

				if (n < 0) {
					if (errno == EAGAIN || errno == EINTR)
						break;
					warnx("%ssending: %s", who,
					      strerror(errno));
					return EXIT_IO;
				}
				in_off += n;
				in_len -= n;
			}
			if (!in_len && close_due) {
				if (!tls_send_close_notify(fd)) {
					close_due = false;
					close_sent = true;
				} else if (errno != EAGAIN && errno != EINTR) {
					warnx("%ssending close_notify: %s", who,
					      strerror(errno));
					return EXIT_IO;
				}
			}
		}

		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			int n;

			while ((n = tls_read_chunk(fd, out, sizeof(out),
						   who)) > 0) {
				if (write_all(1, out, n)) {
					warnx("standard output: %s",
					      strerror(errno));
					return EXIT_IO;
				}
			}
			if (n == -1)
				return EXIT_IO;
			if (!n) {
				/* Answer the peer's close_notify. */
				if (!close_sent)
					tls_send_close_notify(fd);
				return EXIT_OK;
			}
		}
	}
}
