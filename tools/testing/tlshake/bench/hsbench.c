// SPDX-License-Identifier: GPL-2.0
/*
 * hsbench: full TLS 1.3 handshakes over loopback, tlshake against tlshake
 * or OpenSSL against OpenSSL, with the same certificates, group and cipher
 * suite on both.
 *
 *   hsbench handshakes IMPL GROUP CERT KEY CA N CONCURRENCY
 *	IMPL is tlshake or openssl, GROUP x25519 or p256; CERT, KEY and CA
 *	are PEM files.  A server of CONCURRENCY threads and as many client
 *	threads run N handshakes in all; each is timed on the client from
 *	socket() until the client's side of the handshake is done.  The
 *	client verifies the server's chain against CA and the name
 *	"localhost"; the server asks for no client certificate and OpenSSL's
 *	sends no session tickets, as tlshake's does not.  Prints one JSON
 *	object: handshakes per second and the latency's median and 99th
 *	percentile.
 *
 *   hsbench memory GROUP CERT KEY CA N
 *	The kernel memory (Slab in /proc/meminfo) of N tlshake clients
 *	whose handshakes are parked (nothing accepts their connections, so
 *	no ServerHello comes), less as many threads blocked in recv(); then
 *	of N completed handshakes whose kTLS sockets are kept open at both
 *	ends.  Each less the same number of idle connections; prints one
 *	JSON object, in bytes per connection.
 *
 *   hsbench throughput IMPL GROUP CERT KEY CA MIB
 *	After one handshake, the client writes MIB MiB in 16 KiB writes
 *	(kTLS for tlshake, SSL_write() for OpenSSL) and the server reads
 *	them; timed from the first write until the server has read the last
 *	byte.  Prints one JSON object, in MiB per second.
 *
 *   hsbench sendfile GROUP CERT KEY CA MIB
 *	The same over tlshake, the client sending a file of MIB MiB (in
 *	memory, written before the timing starts) with sendfile(), which
 *	kTLS encrypts on its way.  Prints one JSON object like throughput's.
 *
 * Failed handshakes are counted and reported, not timed.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <linux/tlshake.h>

#define SUITE_AES_128_GCM_SHA256	0x1301
#define GROUP_SECP256R1			0x0017
#define GROUP_X25519			0x001d
#define SERVER_NAME			"localhost"

struct blob {
	unsigned char *data;
	size_t len;
};

static struct {
	int tlshake;
	uint16_t group;
	const char *group_name;
	const char *cert_file, *key_file, *ca_file;
	struct blob chain, key, anchors;	/* tlshake's DER forms */
	SSL_CTX *server_ctx, *client_ctx;
	struct sockaddr_in addr;
	int listen_fd;
	int keep_server_fds;	/* memory: the server's ends stay open */
	unsigned int total;
	atomic_uint next;
	atomic_uint failures;
	double *latency;
} b;

static void die(const char *what)
{
	fprintf(stderr, "hsbench: %s: %s\n", what, strerror(errno));
	ERR_print_errors_fp(stderr);
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The certificate of @file in the form of TLSHAKE_CERT_CHAIN. */
static void read_cert(const char *file, struct blob *out)
{
	FILE *f = fopen(file, "r");
	X509 *x;
	unsigned char *p;
	int len;

	if (!f)
		die(file);
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	len = x ? i2d_X509(x, NULL) : -1;
	if (len <= 0)
		die(file);
	out->data = malloc(3 + len);
	if (!out->data)
		die("malloc");
	out->data[0] = len >> 16;
	out->data[1] = len >> 8;
	out->data[2] = len;
	p = out->data + 3;
	i2d_X509(x, &p);
	out->len = 3 + len;
	X509_free(x);
}

/* The private key of @file as DER PKCS#8. */
static void read_key(const char *file, struct blob *out)
{
	FILE *f = fopen(file, "r");
	EVP_PKEY *pkey;
	unsigned char *p = NULL;
	int len;

	if (!f)
		die(file);
	pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	len = pkey ? i2d_PrivateKey(pkey, &p) : -1;
	if (len <= 0)
		die(file);
	out->data = p;
	out->len = len;
	EVP_PKEY_free(pkey);
}

static SSL_CTX *openssl_ctx(int server)
{
	SSL_CTX *ctx = SSL_CTX_new(server ? TLS_server_method() :
				   TLS_client_method());

	if (!ctx ||
	    !SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) ||
	    !SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256") ||
	    !SSL_CTX_set1_groups_list(ctx, b.group_name))
		die("OpenSSL context");
	if (server) {
		if (SSL_CTX_use_certificate_chain_file(ctx, b.cert_file) != 1 ||
		    SSL_CTX_use_PrivateKey_file(ctx, b.key_file,
						SSL_FILETYPE_PEM) != 1 ||
		    !SSL_CTX_set_num_tickets(ctx, 0))
			die("OpenSSL server credentials");
	} else {
		if (SSL_CTX_load_verify_locations(ctx, b.ca_file, NULL) != 1)
			die("OpenSSL trust anchors");
		SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	}
	return ctx;
}

static int set_opt(int fd, int name, const void *val, size_t len)
{
	return setsockopt(fd, SOL_TLSHAKE, name, val, len);
}

/* One tlshake handshake on the connected socket @fd. */
static int tlshake_handshake(int fd, int server)
{
	uint32_t role = server ? TLSHAKE_ROLE_SERVER : TLSHAKE_ROLE_CLIENT;
	uint16_t suite = SUITE_AES_128_GCM_SHA256;
	struct tlshake_handshake hs;
	socklen_t len = sizeof(hs);

	if (setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME,
		       sizeof(TLSHAKE_ULP_NAME)) ||
	    set_opt(fd, TLSHAKE_ROLE, &role, sizeof(role)) ||
	    set_opt(fd, TLSHAKE_CIPHER_SUITES, &suite, sizeof(suite)) ||
	    set_opt(fd, TLSHAKE_GROUPS, &b.group, sizeof(b.group)))
		return -1;
	if (server) {
		if (set_opt(fd, TLSHAKE_CERT_CHAIN, b.chain.data, b.chain.len) ||
		    set_opt(fd, TLSHAKE_PRIVATE_KEY, b.key.data, b.key.len))
			return -1;
	} else {
		if (set_opt(fd, TLSHAKE_SERVER_NAME, SERVER_NAME,
			    strlen(SERVER_NAME)) ||
		    set_opt(fd, TLSHAKE_TRUST_ANCHORS, b.anchors.data,
			    b.anchors.len))
			return -1;
	}
	memset(&hs, 0, sizeof(hs));
	return getsockopt(fd, SOL_TLSHAKE, TLSHAKE_HANDSHAKE, &hs, &len);
}

/* One OpenSSL handshake on the connected socket @fd. */
static int openssl_handshake(int fd, int server)
{
	SSL *ssl = SSL_new(server ? b.server_ctx : b.client_ctx);
	int ret = -1;

	if (!ssl || !SSL_set_fd(ssl, fd))
		goto out;
	if (server) {
		ret = SSL_accept(ssl) == 1 ? 0 : -1;
	} else {
		if (!SSL_set_tlsext_host_name(ssl, SERVER_NAME) ||
		    !SSL_set1_host(ssl, SERVER_NAME))
			goto out;
		ret = SSL_connect(ssl) == 1 ? 0 : -1;
	}
out:
	ERR_clear_error();
	SSL_free(ssl);
	return ret;
}

static int handshake(int fd, int server)
{
	return b.tlshake ? tlshake_handshake(fd, server) :
			   openssl_handshake(fd, server);
}

/*
 * No Nagle, as servers set it: otherwise a flight written in several
 * pieces waits for the peer's delayed ACK.
 */
static void nodelay(int fd)
{
	int one = 1;

	setsockopt(fd, SOL_TCP, TCP_NODELAY, &one, sizeof(one));
}

static void *server_thread(void *arg)
{
	(void)arg;
	for (;;) {
		int fd = accept(b.listen_fd, NULL, NULL);

		if (fd < 0)
			continue;
		nodelay(fd);
		handshake(fd, 1);
		if (!b.keep_server_fds)
			close(fd);
	}
	return NULL;
}

static int connect_loopback(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	nodelay(fd);
	if (connect(fd, (struct sockaddr *)&b.addr, sizeof(b.addr)))
		die("connect");
	return fd;
}

static void *client_thread(void *arg)
{
	unsigned int i;

	(void)arg;
	while ((i = atomic_fetch_add(&b.next, 1)) < b.total) {
		double start = now();
		int fd = connect_loopback();

		if (handshake(fd, 0)) {
			atomic_fetch_add(&b.failures, 1);
			b.latency[i] = -1;
		} else {
			b.latency[i] = now() - start;
		}
		close(fd);
	}
	return NULL;
}

static void listen_loopback(void)
{
	socklen_t len = sizeof(b.addr);

	b.addr.sin_family = AF_INET;
	b.addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	b.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	if (b.listen_fd < 0 ||
	    bind(b.listen_fd, (struct sockaddr *)&b.addr, sizeof(b.addr)) ||
	    listen(b.listen_fd, 1024) ||
	    getsockname(b.listen_fd, (struct sockaddr *)&b.addr, &len))
		die("listen");
}

static void start_threads(unsigned int n, void *(*fn)(void *),
			  pthread_t *threads)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (pthread_create(&threads[i], NULL, fn, NULL))
			die("pthread_create");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void setup(const char *impl, const char *group, const char *cert,
		  const char *key, const char *ca)
{
	b.tlshake = !strcmp(impl, "tlshake");
	if (!b.tlshake && strcmp(impl, "openssl"))
		die("IMPL must be tlshake or openssl");
	if (!strcmp(group, "x25519")) {
		b.group = GROUP_X25519;
		b.group_name = "X25519";
	} else if (!strcmp(group, "p256")) {
		b.group = GROUP_SECP256R1;
		b.group_name = "P-256";
	} else {
		die("GROUP must be x25519 or p256");
	}
	b.cert_file = cert;
	b.key_file = key;
	b.ca_file = ca;
	if (b.tlshake) {
		read_cert(cert, &b.chain);
		read_key(key, &b.key);
		read_cert(ca, &b.anchors);
	} else {
		b.server_ctx = openssl_ctx(1);
		b.client_ctx = openssl_ctx(0);
	}
}

static int run_handshakes(unsigned int total, unsigned int concurrency)
{
	pthread_t servers[concurrency], clients[concurrency];
	unsigned int i, ok = 0;
	double start, elapsed;

	b.total = total;
	b.latency = calloc(total, sizeof(*b.latency));
	if (!b.latency)
		die("calloc");
	listen_loopback();
	start_threads(concurrency, server_thread, servers);
	start = now();
	start_threads(concurrency, client_thread, clients);
	for (i = 0; i < concurrency; i++)
		pthread_join(clients[i], NULL);
	elapsed = now() - start;

	for (i = 0; i < total; i++)
		if (b.latency[i] >= 0)
			b.latency[ok++] = b.latency[i];
	qsort(b.latency, ok, sizeof(*b.latency), cmp_double);
	printf("{\"impl\": \"%s\", \"handshakes\": %u, \"concurrency\": %u, \"failures\": %u, \"seconds\": %.3f, \"per_second\": %.2f, \"median_ms\": %.2f, \"p99_ms\": %.2f}\n",
	       b.tlshake ? "tlshake" : "openssl", total, concurrency,
	       atomic_load(&b.failures), elapsed, ok / elapsed,
	       ok ? b.latency[ok / 2] * 1e3 : 0,
	       ok ? b.latency[(ok * 99 + 99) / 100 - 1] * 1e3 : 0);
	return 0;
}

/* Slab in /proc/meminfo, in bytes. */
static long slab_bytes(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long kb = -1;

	if (!f)
		die("/proc/meminfo");
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Slab: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb * 1024;
}

/* Slab after the kernel has had a moment to free what it defers (RCU). */
static long settled_slab_bytes(void)
{
	sleep(2);
	return slab_bytes();
}

static void *park_thread(void *arg)
{
	/* The server never answers: the handshake waits for its timeout. */
	tlshake_handshake(*(int *)arg, 0);
	return NULL;
}

static void *idle_thread(void *arg)
{
	char c;

	/* Blocked as a parked handshake's thread is, until shut down. */
	recv(*(int *)arg, &c, 1, 0);
	return NULL;
}

static int run_memory(unsigned int n)
{
	int fds[n], idle[n];
	pthread_t threads[n], idlers[n], servers[n];
	long base, threads_bytes, parked, done;
	unsigned int i;

	listen_loopback();
	base = settled_slab_bytes();
	for (i = 0; i < n; i++)
		idle[i] = connect_loopback();
	base = settled_slab_bytes() - base;	/* n idle connections */

	/* The parked handshakes' threads, without their handshakes. */
	threads_bytes = slab_bytes();
	for (i = 0; i < n; i++)
		if (pthread_create(&idlers[i], NULL, idle_thread, &idle[i]))
			die("pthread_create");
	threads_bytes = settled_slab_bytes() - threads_bytes;

	/* Parked: the ClientHello sent, waiting for the ServerHello. */
	parked = slab_bytes();
	for (i = 0; i < n; i++) {
		fds[i] = connect_loopback();
		if (pthread_create(&threads[i], NULL, park_thread, &fds[i]))
			die("pthread_create");
	}
	parked = settled_slab_bytes() - parked;
	for (i = 0; i < n; i++) {
		shutdown(fds[i], SHUT_RDWR);
		shutdown(idle[i], SHUT_RDWR);
		pthread_join(threads[i], NULL);
		pthread_join(idlers[i], NULL);
		close(fds[i]);
		close(idle[i]);
	}
	close(b.listen_fd);

	/* Handed off: n completed handshakes, both ends open under kTLS. */
	b.keep_server_fds = 1;
	listen_loopback();
	start_threads(n, server_thread, servers);
	done = settled_slab_bytes();
	for (i = 0; i < n; i++) {
		fds[i] = connect_loopback();
		if (tlshake_handshake(fds[i], 0))
			atomic_fetch_add(&b.failures, 1);
	}
	done = settled_slab_bytes() - done;

	printf("{\"connections\": %u, \"failures\": %u, \"idle_socket_bytes\": %ld, \"parked_handshake_bytes\": %ld, \"after_handoff_bytes\": %ld}\n",
	       n, atomic_load(&b.failures), base / n,
	       (parked - base - threads_bytes) / n, (done - base) / n);
	return 0;
}

#define CHUNK	16384

struct stream {
	int fd;
	SSL *ssl;
};

static struct stream stream_open(int fd, int server)
{
	struct stream st = { .fd = fd };

	if (b.tlshake) {
		if (tlshake_handshake(fd, server))
			die("tlshake handshake");
		return st;
	}
	st.ssl = SSL_new(server ? b.server_ctx : b.client_ctx);
	if (!st.ssl || !SSL_set_fd(st.ssl, fd))
		die("SSL_new");
	if (server ? SSL_accept(st.ssl) != 1 :
	    !SSL_set_tlsext_host_name(st.ssl, SERVER_NAME) ||
	    !SSL_set1_host(st.ssl, SERVER_NAME) || SSL_connect(st.ssl) != 1)
		die("OpenSSL handshake");
	return st;
}

static long stream_io(struct stream *st, char *buf, size_t len, int out)
{
	if (st->ssl)
		return out ? SSL_write(st->ssl, buf, len) :
			     SSL_read(st->ssl, buf, len);
	return out ? write(st->fd, buf, len) : read(st->fd, buf, len);
}

static void *sink_thread(void *arg)
{
	static char buf[CHUNK];
	int fd = accept(b.listen_fd, NULL, NULL);
	uint64_t left = *(uint64_t *)arg;
	struct stream st;
	long n;

	nodelay(fd);
	st = stream_open(fd, 1);

	while (left && (n = stream_io(&st, buf, sizeof(buf), 0)) > 0)
		left -= n;
	if (left)
		die("short read");
	return NULL;
}

static int run_throughput(unsigned int mib)
{
	static char buf[CHUNK];
	uint64_t total = (uint64_t)mib << 20, sent;
	struct stream st;
	pthread_t sink;
	double start, elapsed;

	listen_loopback();
	if (pthread_create(&sink, NULL, sink_thread, &total))
		die("pthread_create");
	st = stream_open(connect_loopback(), 0);
	memset(buf, 0x5a, sizeof(buf));
	start = now();
	for (sent = 0; sent < total; sent += sizeof(buf))
		if (stream_io(&st, buf, sizeof(buf), 1) != sizeof(buf))
			die("write");
	pthread_join(sink, NULL);
	elapsed = now() - start;
	printf("{\"impl\": \"%s\", \"mib\": %u, \"seconds\": %.3f, \"mib_per_second\": %.2f}\n",
	       b.tlshake ? "tlshake" : "openssl", mib, elapsed, mib / elapsed);
	return 0;
}

static int run_sendfile(unsigned int mib)
{
	static char buf[CHUNK];
	uint64_t total = (uint64_t)mib << 20, sent;
	double start, elapsed;
	struct stream st;
	pthread_t sink;
	off_t off = 0;
	ssize_t n;
	int file;

	file = memfd_create("hsbench", 0);
	if (file < 0)
		die("memfd_create");
	memset(buf, 0x5a, sizeof(buf));
	for (sent = 0; sent < total; sent += sizeof(buf))
		if (write(file, buf, sizeof(buf)) != sizeof(buf))
			die("write");

	listen_loopback();
	if (pthread_create(&sink, NULL, sink_thread, &total))
		die("pthread_create");
	st = stream_open(connect_loopback(), 0);
	start = now();
	while ((uint64_t)off < total) {
		n = sendfile(st.fd, file, &off, total - off);
		if (n <= 0)
			die("sendfile");
	}
	pthread_join(sink, NULL);
	elapsed = now() - start;
	close(file);
	printf("{\"impl\": \"tlshake-sendfile\", \"mib\": %u, \"seconds\": %.3f, \"mib_per_second\": %.2f}\n",
	       mib, elapsed, mib / elapsed);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 9 && !strcmp(argv[1], "handshakes")) {
		setup(argv[2], argv[3], argv[4], argv[5], argv[6]);
		return run_handshakes(atoi(argv[7]), atoi(argv[8]));
	}
	if (argc == 7 && !strcmp(argv[1], "memory")) {
		setup("tlshake", argv[2], argv[3], argv[4], argv[5]);
		return run_memory(atoi(argv[6]));
	}
	if (argc == 8 && !strcmp(argv[1], "throughput")) {
		setup(argv[2], argv[3], argv[4], argv[5], argv[6]);
		return run_throughput(atoi(argv[7]));
	}
	if (argc == 7 && !strcmp(argv[1], "sendfile")) {
		setup("tlshake", argv[2], argv[3], argv[4], argv[5]);
		return run_sendfile(atoi(argv[6]));
	}
	fprintf(stderr,
		"usage: hsbench handshakes tlshake|openssl x25519|p256 CERT KEY CA N CONCURRENCY\n"
		"       hsbench memory x25519|p256 CERT KEY CA N\n"
		"       hsbench throughput tlshake|openssl x25519|p256 CERT KEY CA MIB\n"
		"       hsbench sendfile x25519|p256 CERT KEY CA MIB\n");
	return 2;
}
