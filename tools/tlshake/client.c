// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake client HOST PORT: connect, run the handshake in the kernel, then
 * relay standard input and output over the kTLS socket.
 */

#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tlshake.h"

static int connect_to(const char *host, const char *port)
{
	struct addrinfo hints = {
		.ai_family = AF_UNSPEC,
		.ai_socktype = SOCK_STREAM,
	};
	struct addrinfo *res, *ai;
	int fd = -1, err, saved = 0;

	err = getaddrinfo(host, port, &hints, &res);
	if (err) {
		warnx("%s port %s: %s", host, port, gai_strerror(err));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0) {
			saved = errno;
			continue;
		}
		if (!connect(fd, ai->ai_addr, ai->ai_addrlen))
			break;
		saved = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		warnx("connecting to %s port %s: %s", host, port,
		      strerror(saved));
	return fd;
}

int client_main(struct config *cfg)
{
	struct session_info info;
	int fd, ret;

	fd = connect_to(cfg->host, cfg->port);
	if (fd < 0)
		return EXIT_IO;

	ret = run_handshake(fd, cfg, &info, "");
	if (ret == EXIT_OK) {
		if (!quiet)
			print_session(stderr, &info);
		ret = relay_stdio(fd, "");
	}
	close(fd);
	return ret;
}
