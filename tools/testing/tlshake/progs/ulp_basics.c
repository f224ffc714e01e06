// SPDX-License-Identifier: GPL-2.0
/*
 * What the "tlshake" ULP promises before any handshake: it attaches only
 * to an established TCP socket, once, leaves ordinary TCP options and data
 * alone, and answers its own option level.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/tlshake.h>

static int failures;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static int attach(int fd)
{
	return setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME,
			  sizeof(TLSHAKE_ULP_NAME));
}

static void connected_pair(int family, int *client, int *server)
{
	struct sockaddr_storage ss = { .ss_family = family };
	socklen_t len = sizeof(ss);
	int lfd;

	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_addr = in6addr_loopback;
		len = sizeof(*sin6);
	}

	lfd = socket(family, SOCK_STREAM, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&ss, len) ||
	    listen(lfd, 1) || getsockname(lfd, (struct sockaddr *)&ss, &len)) {
		perror("listen");
		exit(1);
	}
	*client = socket(family, SOCK_STREAM, 0);
	if (*client < 0 || connect(*client, (struct sockaddr *)&ss, len)) {
		perror("connect");
		exit(1);
	}
	*server = accept(lfd, NULL, NULL);
	if (*server < 0) {
		perror("accept");
		exit(1);
	}
	close(lfd);
}

static void test_family(int family, const char *name)
{
	char ulp[16] = "", msg[64];
	socklen_t len = sizeof(ulp);
	int client, server, one = 1, val = 0, opt = 0;
	char buf[5];

	connected_pair(family, &client, &server);

	snprintf(msg, sizeof(msg), "%s: attaches to an established socket", name);
	check(attach(client) == 0, msg);

	snprintf(msg, sizeof(msg), "%s: TCP_ULP reads back the name", name);
	check(getsockopt(client, SOL_TCP, TCP_ULP, ulp, &len) == 0 &&
	      strcmp(ulp, TLSHAKE_ULP_NAME) == 0, msg);

	snprintf(msg, sizeof(msg), "%s: a second ULP is refused", name);
	check(attach(client) == -1 && errno == EEXIST, msg);

	snprintf(msg, sizeof(msg), "%s: TCP options pass through", name);
	len = sizeof(val);
	check(setsockopt(client, SOL_TCP, TCP_NODELAY, &one, sizeof(one)) == 0 &&
	      getsockopt(client, SOL_TCP, TCP_NODELAY, &val, &len) == 0 &&
	      val == 1, msg);

	snprintf(msg, sizeof(msg), "%s: an unknown SOL_TLSHAKE option is refused", name);
	check(setsockopt(client, SOL_TLSHAKE, 0x7fff, &opt, sizeof(opt)) == -1 &&
	      errno == ENOPROTOOPT, msg);

	snprintf(msg, sizeof(msg), "%s: plain data flows before a handshake", name);
	check(send(client, "hello", 5, 0) == 5 &&
	      recv(server, buf, 5, MSG_WAITALL) == 5 &&
	      memcmp(buf, "hello", 5) == 0, msg);

	close(client);
	close(server);
}

int main(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	check(fd >= 0 && attach(fd) == -1 && errno == ENOTCONN,
	      "an unconnected socket is refused");
	close(fd);

	test_family(AF_INET, "ipv4");
	test_family(AF_INET6, "ipv6");

	return failures ? 1 : 0;
}
