// SPDX-License-Identifier: GPL-2.0
/*
 * The SOL_TLSHAKE options refuse malformed values with EINVAL (bad lengths,
 * oversize blobs, broken lists and names), unknown options with
 * ENOPROTOOPT and bad pointers with EFAULT, and accept well-formed values,
 * including the largest allowed and the empty value that restores a
 * default.  getsockopt(TLSHAKE_HANDSHAKE) refuses what it cannot run and
 * leaves the socket spent after a failure.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/tlshake.h>

static int failures;
static int fd;

/* Compare an outcome with what is expected: 0 for success, else the
 * errno.
 */
static void report(int want, int got, const char *what)
{
	if (got == want) {
		printf("ok - %s\n", what);
		return;
	}
	printf("not ok - %s (expected %s, got %s)\n", what,
	       want ? strerror(want) : "success",
	       got ? strerror(got) : "success");
	failures++;
}

/* Set an option, expecting @want. */
static void expect(int want, int optname, const void *val, socklen_t len,
		   const char *what)
{
	int ret = setsockopt(fd, SOL_TLSHAKE, optname, val, len);

	report(want, ret ? errno : 0, what);
}

static void connected_socket(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t len = sizeof(sin);
	int lfd, peer;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0 || fd < 0 || bind(lfd, (struct sockaddr *)&sin, len) ||
	    listen(lfd, 1) || getsockname(lfd, (struct sockaddr *)&sin, &len) ||
	    connect(fd, (struct sockaddr *)&sin, len)) {
		perror("loopback connection");
		exit(1);
	}
	peer = accept(lfd, NULL, NULL);
	if (peer < 0) {
		perror("accept");
		exit(1);
	}
	if (setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME,
		       sizeof(TLSHAKE_ULP_NAME))) {
		perror("TCP_ULP");
		exit(1);
	}
}

static void scalars(void)
{
	struct tlshake_versions v = { TLSHAKE_TLS_1_2, TLSHAKE_TLS_1_3 };
	struct tlshake_versions bad_range = { TLSHAKE_TLS_1_3, TLSHAKE_TLS_1_2 };
	struct tlshake_versions tls11 = { 0x0302, TLSHAKE_TLS_1_3 };
	uint32_t server = TLSHAKE_ROLE_SERVER, three = 3;
	uint32_t insecure = TLSHAKE_VERIFY_INSECURE, unknown_flag = 1U << 7;
	uint32_t client_pref = TLSHAKE_OPT_CLIENT_PREFERENCE;
	uint64_t wide = TLSHAKE_ROLE_CLIENT;

	expect(0, TLSHAKE_ROLE, &server, 4, "role: server");
	expect(EINVAL, TLSHAKE_ROLE, &three, 4, "role: unknown value");
	expect(EINVAL, TLSHAKE_ROLE, &server, 2, "role: short");
	expect(EINVAL, TLSHAKE_ROLE, &wide, 8, "role: long");
	expect(0, TLSHAKE_ROLE, NULL, 0, "role: empty restores the default");

	expect(0, TLSHAKE_VERSIONS, &v, sizeof(v), "versions: 1.2 to 1.3");
	expect(EINVAL, TLSHAKE_VERSIONS, &bad_range, sizeof(v),
	       "versions: min above max");
	expect(EINVAL, TLSHAKE_VERSIONS, &tls11, sizeof(v),
	       "versions: TLS 1.1");
	expect(EINVAL, TLSHAKE_VERSIONS, &v, 2, "versions: short");

	expect(0, TLSHAKE_VERIFY, &insecure, 4, "verify: insecure");
	expect(EINVAL, TLSHAKE_VERIFY, &unknown_flag, 4,
	       "verify: unknown flag");
	expect(EINVAL, TLSHAKE_VERIFY, &insecure, 3, "verify: short");

	expect(0, TLSHAKE_OPTIONS, &client_pref, 4,
	       "options: client preference");
	expect(EINVAL, TLSHAKE_OPTIONS, &unknown_flag, 4,
	       "options: unknown flag");
	expect(EINVAL, TLSHAKE_OPTIONS, &client_pref, 2, "options: short");
	expect(0, TLSHAKE_OPTIONS, NULL, 0,
	       "options: empty restores the default");
}

static void lists(void)
{
	uint16_t suites[TLSHAKE_LIST_MAX + 1];
	uint16_t dup[] = { 0x1301, 0x1302, 0x1301 };
	uint16_t zero[] = { 0x1301, 0 };
	int i;

	for (i = 0; i <= TLSHAKE_LIST_MAX; i++)
		suites[i] = 0x1300 + i + 1;

	expect(0, TLSHAKE_CIPHER_SUITES, suites, 3 * 2, "suites: three");
	expect(0, TLSHAKE_CIPHER_SUITES, suites, TLSHAKE_LIST_MAX * 2,
	       "suites: the most allowed");
	expect(EINVAL, TLSHAKE_CIPHER_SUITES, suites,
	       (TLSHAKE_LIST_MAX + 1) * 2, "suites: one too many");
	expect(EINVAL, TLSHAKE_CIPHER_SUITES, suites, 3,
	       "suites: odd length");
	expect(EINVAL, TLSHAKE_CIPHER_SUITES, dup, sizeof(dup),
	       "suites: a duplicate");
	expect(EINVAL, TLSHAKE_CIPHER_SUITES, zero, sizeof(zero),
	       "suites: a zero entry");
	expect(0, TLSHAKE_CIPHER_SUITES, NULL, 0,
	       "suites: empty restores the default");

	expect(EINVAL, TLSHAKE_GROUPS, suites, 5, "groups: odd length");
	expect(EINVAL, TLSHAKE_GROUPS, dup, sizeof(dup), "groups: a duplicate");
	expect(0, TLSHAKE_GROUPS, suites, 4, "groups: two");
	expect(EINVAL, TLSHAKE_SIG_SCHEMES, suites, 1,
	       "sig schemes: odd length");
	expect(0, TLSHAKE_SIG_SCHEMES, suites, 2, "sig schemes: one");
}

static void name(const char *host, int want, const char *what)
{
	expect(want, TLSHAKE_SERVER_NAME, host, strlen(host), what);
}

/* A host name of labels of the given lengths, dot-separated, in @buf. */
static const char *labels(char *buf, const int *lens, int count)
{
	char *p = buf;
	int i;

	for (i = 0; i < count; i++) {
		if (i)
			*p++ = '.';
		memset(p, 'a' + i, lens[i]);
		p += lens[i];
	}
	*p = '\0';
	return buf;
}

static void server_names(void)
{
	static const int max[] = { 63, 63, 63, 63 };
	static const int over[] = { 63, 63, 63, 62, 1 };
	static const int label64[] = { 64, 7 };
	char buf[300];

	name("example.com", 0, "sni: a host name");
	name("a-b_c.example9.org", 0, "sni: hyphen, underscore, digits");
	name(labels(buf, max, 4), 0, "sni: 255 bytes");
	name(labels(buf, over, 5), EINVAL, "sni: 256 bytes");
	name(labels(buf, label64, 2), EINVAL, "sni: a 64-byte label");
	expect(EINVAL, TLSHAKE_SERVER_NAME, "exa\0mple.com", 12,
	       "sni: a NUL inside");
	name("example.com.", EINVAL, "sni: a trailing dot");
	name(".example.com", EINVAL, "sni: an empty first label");
	name("example..com", EINVAL, "sni: an empty label");
	name("-example.com", EINVAL, "sni: a label starting with a hyphen");
	name("example-.com", EINVAL, "sni: a label ending with a hyphen");
	name("exa mple.com", EINVAL, "sni: a space");
	name("192.0.2.1", EINVAL, "sni: an IPv4 literal");
	name("2001:db8::1", EINVAL, "sni: an IPv6 literal");
	name("\xc3\xa9t\xc3\xa9.fr", EINVAL, "sni: not ASCII");
	expect(0, TLSHAKE_SERVER_NAME, NULL, 0, "sni: empty clears it");
}

static void alpn(void)
{
	unsigned char list[TLSHAKE_ALPN_LIST_MAX + 1];

	expect(0, TLSHAKE_ALPN, "\x02h2\x08http/1.1", 12, "alpn: h2, http/1.1");
	expect(EINVAL, TLSHAKE_ALPN, "\x03h2", 3, "alpn: a name overruns");
	expect(EINVAL, TLSHAKE_ALPN, "\x02h2\x00", 4, "alpn: an empty name");
	expect(EINVAL, TLSHAKE_ALPN, "\x02h2x", 4, "alpn: a trailing byte");
	expect(EINVAL, TLSHAKE_ALPN, "h2", 2, "alpn: a bare name");

	/* One name of 254 bytes fills the largest list. */
	memset(list, 'p', sizeof(list));
	list[0] = TLSHAKE_ALPN_LIST_MAX - 1;
	expect(0, TLSHAKE_ALPN, list, TLSHAKE_ALPN_LIST_MAX,
	       "alpn: 255 bytes");
	list[0] = TLSHAKE_ALPN_LIST_MAX;
	expect(EINVAL, TLSHAKE_ALPN, list, TLSHAKE_ALPN_LIST_MAX + 1,
	       "alpn: 256 bytes");
	expect(0, TLSHAKE_ALPN, NULL, 0, "alpn: empty clears it");
}

/* A fake DER SEQUENCE of @len bytes at @p: the tag, a minimal length and
 * zeros.
 */
static void der(unsigned char *p, unsigned int len)
{
	unsigned int body;

	memset(p, 0, len);
	p[0] = 0x30;
	if (len < 2 + 0x80) {
		p[1] = len - 2;
	} else if (len < 3 + 0x100) {
		p[1] = 0x81;
		p[2] = len - 3;
	} else if (len < 4 + 0x10000) {
		body = len - 4;
		p[1] = 0x82;
		p[2] = body >> 8;
		p[3] = body;
	} else {
		body = len - 5;
		p[1] = 0x83;
		p[2] = body >> 16;
		p[3] = body >> 8;
		p[4] = body;
	}
}

/* A certificate list of one fake certificate, @len bytes in all. */
static unsigned char *cert_list(unsigned int len)
{
	unsigned char *p = malloc(len);

	if (!p) {
		perror("malloc");
		exit(1);
	}
	p[0] = (len - 3) >> 16;
	p[1] = (len - 3) >> 8;
	p[2] = len - 3;
	der(p + 3, len - 3);
	return p;
}

static void blobs(void)
{
	unsigned char *chain, two[20], key[TLSHAKE_PRIVATE_KEY_MAX + 1];
	static const char pem[] = "-----BEGIN CERTIFICATE-----\nMIIB\n";

	chain = cert_list(TLSHAKE_CERT_CHAIN_MAX);
	expect(0, TLSHAKE_CERT_CHAIN, chain, TLSHAKE_CERT_CHAIN_MAX,
	       "chain: the largest");
	free(chain);
	chain = cert_list(TLSHAKE_CERT_CHAIN_MAX + 1);
	expect(EINVAL, TLSHAKE_CERT_CHAIN, chain, TLSHAKE_CERT_CHAIN_MAX + 1,
	       "chain: oversize");
	free(chain);

	/* Two certificates of 7 bytes, each with its 3-byte length. */
	memset(two, 0, sizeof(two));
	two[2] = 7;
	der(two + 3, 7);
	two[12] = 7;
	der(two + 13, 7);
	expect(0, TLSHAKE_CERT_CHAIN, two, 20, "chain: two certificates");
	expect(EINVAL, TLSHAKE_CERT_CHAIN, two, 19, "chain: truncated");
	expect(EINVAL, TLSHAKE_CERT_CHAIN, two, 12,
	       "chain: a partial length");
	two[12] = 6;
	expect(EINVAL, TLSHAKE_CERT_CHAIN, two, 20,
	       "chain: lengths that do not add up");
	two[12] = 7;
	two[14] = 4;
	expect(EINVAL, TLSHAKE_CERT_CHAIN, two, 20,
	       "chain: a DER length that does not fill its entry");
	expect(EINVAL, TLSHAKE_CERT_CHAIN, pem, sizeof(pem) - 1,
	       "chain: PEM");
	expect(0, TLSHAKE_CERT_CHAIN, NULL, 0, "chain: empty clears it");

	chain = cert_list(TLSHAKE_TRUST_ANCHORS_MAX);
	expect(0, TLSHAKE_TRUST_ANCHORS, chain, TLSHAKE_TRUST_ANCHORS_MAX,
	       "anchors: the largest");
	free(chain);
	chain = cert_list(TLSHAKE_TRUST_ANCHORS_MAX + 1);
	expect(EINVAL, TLSHAKE_TRUST_ANCHORS, chain,
	       TLSHAKE_TRUST_ANCHORS_MAX + 1, "anchors: oversize");
	free(chain);

	der(key, 121);
	expect(0, TLSHAKE_PRIVATE_KEY, key, 121, "key: one DER SEQUENCE");
	der(key, 200);
	expect(0, TLSHAKE_PRIVATE_KEY, key, 200, "key: a long-form length");
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, key, 201, "key: trailing bytes");
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, key, 199, "key: truncated");
	key[0] = 0x31;
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, key, 200, "key: not a SEQUENCE");
	/* A long form where the short one would do is not DER. */
	key[0] = 0x30;
	key[1] = 0x81;
	key[2] = 0x7f;
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, key, 130,
	       "key: a non-minimal length");
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, pem, sizeof(pem) - 1, "key: PEM");
	der(key, sizeof(key));
	expect(EINVAL, TLSHAKE_PRIVATE_KEY, key, sizeof(key), "key: oversize");
	expect(0, TLSHAKE_PRIVATE_KEY, NULL, 0, "key: empty clears it");

	memset(key, 0xab, 33);
	expect(0, TLSHAKE_PEER_PUBKEY_PIN, key, 32, "pin: 32 bytes");
	expect(EINVAL, TLSHAKE_PEER_PUBKEY_PIN, key, 31, "pin: 31 bytes");
	expect(EINVAL, TLSHAKE_PEER_PUBKEY_PIN, key, 33, "pin: 33 bytes");
}

static void unknown(void)
{
	int val = 0;
	socklen_t len = sizeof(val);
	struct tlshake_handshake hs;

	memset(&hs, 0, sizeof(hs));
	expect(ENOPROTOOPT, 0, &val, sizeof(val), "option 0");
	expect(ENOPROTOOPT, 0x7fff, &val, sizeof(val), "an unknown option");
	expect(ENOPROTOOPT, TLSHAKE_HANDSHAKE, &hs, sizeof(hs),
	       "the handshake cannot be set");
	expect(EFAULT, TLSHAKE_SERVER_NAME, (void *)8, 11, "a bad pointer");

	if (getsockopt(fd, SOL_TLSHAKE, TLSHAKE_ROLE, &val, &len) == 0 ||
	    errno != ENOPROTOOPT) {
		printf("not ok - a configuration option cannot be read\n");
		failures++;
	} else {
		printf("ok - a configuration option cannot be read\n");
	}
}

/* Run the handshake with getsockopt(TLSHAKE_HANDSHAKE), expecting @want. */
static void expect_handshake(int want, struct tlshake_handshake *hs,
			     socklen_t len, const char *what)
{
	int ret = getsockopt(fd, SOL_TLSHAKE, TLSHAKE_HANDSHAKE, hs, &len);

	report(want, ret ? errno : 0, what);
}

/* Running the handshake, on a socket of its own with the defaults: a
 * short buffer and a server without a certificate are refused before
 * anything is sent; a peer that never answers runs the handshake out of
 * time, after which the socket is spent for options and handshakes alike.
 */
static void handshake(void)
{
	uint32_t server = TLSHAKE_ROLE_SERVER, client = TLSHAKE_ROLE_CLIENT;
	struct tlshake_handshake hs;

	close(fd);
	connected_socket();
	memset(&hs, 0, sizeof(hs));
	expect_handshake(EINVAL, &hs, sizeof(hs) - 1,
			 "handshake: a short buffer");
	expect(0, TLSHAKE_ROLE, &server, sizeof(server), "handshake: server");
	expect_handshake(ENOKEY, &hs, sizeof(hs),
			 "handshake: a server without a certificate");
	expect(0, TLSHAKE_ROLE, &client, sizeof(client), "handshake: client");
	hs.timeout_ms = 300;
	expect_handshake(ETIMEDOUT, &hs, sizeof(hs),
			 "handshake: a silent peer times it out");
	expect_handshake(EALREADY, &hs, sizeof(hs),
			 "handshake: none after a failed one");
	expect(EALREADY, TLSHAKE_ROLE, &client, sizeof(client),
	       "handshake: no options after a failed one");
}

int main(void)
{
	connected_socket();
	scalars();
	lists();
	server_names();
	alpn();
	blobs();
	unknown();
	handshake();
	return failures ? 1 : 0;
}
