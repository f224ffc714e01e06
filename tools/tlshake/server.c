// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake server [ADDR:]PORT: accept connections and run the handshake on
 * each in the kernel, then echo what arrives (--echo), answer with a page
 * describing the session (--www), both with a thread per connection, or
 * relay standard input and output for a single connection.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tlshake.h"

/* How long a --www connection may take to send its request. */
#define REQUEST_TIMEOUT_MS	10000
/* How long to drain a peer after our close_notify before closing. */
#define LINGER_MS		2000

struct conn {
	int fd;
	const struct config *cfg;
	char who[INET6_ADDRSTRLEN + 16];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done = PTHREAD_COND_INITIALIZER;
static unsigned int active;
static int worst = EXIT_OK;

/* The session's end: close_notify, then whatever the peer still sends is
 * drained for a while, so that closing with unread data does not reset the
 * connection before the peer has read our last records.
 */
static void finish(int fd, bool peer_closed)
{
	char buf[16384 + 256];
	struct pollfd p = { .fd = fd, .events = POLLIN };

	tls_send_close_notify(fd);
	if (peer_closed)
		return;
	shutdown(fd, SHUT_WR);
	while (poll(&p, 1, LINGER_MS) > 0) {
		int type;

		if (tls_recv(fd, buf, sizeof(buf), &type) <= 0)
			break;
	}
}

static int serve_echo(struct conn *c)
{
	char buf[16384 + 256];
	int n;

	while ((n = tls_read_chunk(c->fd, buf, sizeof(buf), c->who)) > 0) {
		if (tls_send_all(c->fd, buf, n)) {
			warnx("%ssending: %s", c->who, strerror(errno));
			return EXIT_IO;
		}
	}
	if (n < 0)
		return EXIT_IO;
	finish(c->fd, true);
	return EXIT_OK;
}

/* Read the request: up to its empty line, whatever it asks for. */
static int read_request(struct conn *c)
{
	char req[8192 + 16384];
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	size_t len = 0;

	while (len < 8192) {
		int n;

		if (poll(&p, 1, REQUEST_TIMEOUT_MS) <= 0) {
			warnx("%sno request", c->who);
			return -1;
		}
		n = tls_read_chunk(c->fd, req + len, sizeof(req) - len - 1,
				   c->who);
		if (n <= 0)
			return n ? -1 : 1;
		len += n;
		req[len] = '\0';
		if (strstr(req, "\r\n\r\n") || strstr(req, "\n\n"))
			return 0;
	}
	return 0;
}

static int serve_www(struct conn *c, const struct session_info *info)
{
	char *body = NULL, head[128];
	size_t body_len = 0;
	FILE *f;
	int ret;

	ret = read_request(c);
	if (ret)
		return ret > 0 ? EXIT_OK : EXIT_IO;

	f = open_memstream(&body, &body_len);
	if (!f) {
		warnx("out of memory");
		return EXIT_IO;
	}
	fprintf(f, "tlshake: the handshake ran in the kernel, the records are carried by kTLS\n");
	print_session(f, info);
	fclose(f);
	snprintf(head, sizeof(head),
		 "HTTP/1.0 200 ok\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n",
		 body_len);
	ret = tls_send_all(c->fd, head, strlen(head)) ||
	      tls_send_all(c->fd, body, body_len) ? EXIT_IO : EXIT_OK;
	if (ret)
		warnx("%ssending: %s", c->who, strerror(errno));
	free(body);
	finish(c->fd, false);
	return ret;
}

static int serve(struct conn *c)
{
	struct session_info info;
	int ret;

	ret = run_handshake(c->fd, c->cfg, &info, c->who);
	if (ret)
		return ret;
	if (!quiet) {
		flockfile(stderr);
		fprintf(stderr, "%s: %shandshake done\n", progname, c->who);
		print_session(stderr, &info);
		funlockfile(stderr);
	}
	if (c->cfg->echo)
		return serve_echo(c);
	if (c->cfg->www)
		return serve_www(c, &info);
	return relay_stdio(c->fd, c->who);
}

static void *serve_thread(void *arg)
{
	struct conn *c = arg;
	int ret = serve(c);

	close(c->fd);
	free(c);
	pthread_mutex_lock(&lock);
	if (ret > worst)
		worst = ret;
	active--;
	pthread_cond_signal(&done);
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* "[ADDR:]PORT", ADDR possibly in brackets. */
static int split_addr(struct config *cfg, char *arg)
{
	char *colon = strrchr(arg, ':');

	if (!colon) {
		cfg->bind_addr = NULL;
		cfg->port = arg;
		return 0;
	}
	*colon = '\0';
	cfg->port = colon + 1;
	if (*arg == '[') {
		size_t n = strlen(arg);

		if (n < 2 || arg[n - 1] != ']')
			return -1;
		arg[n - 1] = '\0';
		arg++;
	}
	cfg->bind_addr = *arg ? arg : NULL;
	return *cfg->port ? 0 : -1;
}

static int listen_on(const struct config *cfg)
{
	struct addrinfo hints = {
		.ai_family = cfg->bind_addr ? AF_UNSPEC : AF_INET6,
		.ai_socktype = SOCK_STREAM,
		.ai_flags = AI_PASSIVE,
	};
	struct addrinfo *res, *ai;
	int fd = -1, one = 1, zero = 0, err, saved = 0;

	err = getaddrinfo(cfg->bind_addr, cfg->port, &hints, &res);
	if (err && !cfg->bind_addr) {
		/* No IPv6: listen on IPv4 only. */
		hints.ai_family = AF_INET;
		err = getaddrinfo(NULL, cfg->port, &hints, &res);
	}
	if (err) {
		warnx("%s port %s: %s", cfg->bind_addr ?: "*", cfg->port,
		      gai_strerror(err));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0) {
			saved = errno;
			continue;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		/* Without an address, take IPv4 connections too. */
		if (ai->ai_family == AF_INET6 && !cfg->bind_addr)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero,
				   sizeof(zero));
		if (!bind(fd, ai->ai_addr, ai->ai_addrlen) && !listen(fd, 64))
			break;
		saved = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		warnx("listening on %s port %s: %s", cfg->bind_addr ?: "*",
		      cfg->port, strerror(saved));
	return fd;
}

static void describe_peer(struct conn *c, const struct sockaddr_storage *ss)
{
	char addr[INET6_ADDRSTRLEN] = "?";
	unsigned int port = 0;

	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *sin = (const void *)ss;

		inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof(addr));
		port = ntohs(sin->sin_port);
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *sin6 = (const void *)ss;

		inet_ntop(AF_INET6, &sin6->sin6_addr, addr, sizeof(addr));
		port = ntohs(sin6->sin6_port);
	}
	snprintf(c->who, sizeof(c->who), "%s port %u: ", addr, port);
}

int server_main(struct config *cfg, char *addr)
{
	bool threaded = cfg->echo || cfg->www;
	unsigned int accepted = 0;
	pthread_attr_t attr;
	int lfd;

	if (split_addr(cfg, addr)) {
		warnx("bad address '%s': [ADDR:]PORT expected", addr);
		return EXIT_USAGE;
	}
	lfd = listen_on(cfg);
	if (lfd < 0)
		return EXIT_IO;
	if (!quiet)
		warnx("listening on %s port %s", cfg->bind_addr ?: "*",
		      cfg->port);

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	while (!cfg->connections || accepted < cfg->connections) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof(ss);
		struct conn *c;
		pthread_t tid;
		int fd;

		pthread_mutex_lock(&lock);
		while (active >= cfg->max_clients)
			pthread_cond_wait(&done, &lock);
		pthread_mutex_unlock(&lock);

		fd = accept(lfd, (struct sockaddr *)&ss, &len);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			warnx("accept: %s", strerror(errno));
			break;
		}
		accepted++;
		c = calloc(1, sizeof(*c));
		if (!c) {
			warnx("out of memory");
			close(fd);
			break;
		}
		c->fd = fd;
		c->cfg = cfg;
		describe_peer(c, &ss);

		if (!threaded) {
			/* Standard input and output serve one peer. */
			close(lfd);
			lfd = -1;
			pthread_mutex_lock(&lock);
			active++;
			pthread_mutex_unlock(&lock);
			serve_thread(c);
			break;
		}
		pthread_mutex_lock(&lock);
		active++;
		pthread_mutex_unlock(&lock);
		if (pthread_create(&tid, &attr, serve_thread, c)) {
			warnx("cannot start a thread");
			pthread_mutex_lock(&lock);
			active--;
			pthread_mutex_unlock(&lock);
			close(fd);
			free(c);
		}
	}
	if (lfd >= 0)
		close(lfd);

	pthread_mutex_lock(&lock);
	while (active)
		pthread_cond_wait(&done, &lock);
	pthread_mutex_unlock(&lock);
	pthread_attr_destroy(&attr);
	return worst;
}
