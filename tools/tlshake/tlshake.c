// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: a TLS client and server whose handshake runs in the kernel
 * (tlshake.ko) and whose records are then carried by kTLS.  This file reads
 * the command line; client.c and server.c do the work.
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <linux/keyctl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tlshake.h"

const char *progname = "tlshake";
bool quiet;

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	flockfile(stderr);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	funlockfile(stderr);
	va_end(ap);
}

static void usage(FILE *out)
{
	fprintf(out,
"usage: tlshake client [OPTIONS] HOST PORT\n"
"       tlshake server [OPTIONS] [ADDR:]PORT\n"
"\n"
"A TLS client and server whose handshake runs in the kernel (tlshake.ko)\n"
"and whose records are then carried by kTLS.  The client relays standard\n"
"input and output over the connection, as netcat does; at the end of its\n"
"input it sends close_notify and reads on until the server closes.  The\n"
"server echoes (--echo) or answers with a page describing the session\n"
"(--www) on any number of connections, or else relays standard input and\n"
"output for one.  The negotiated parameters go to standard error.\n"
"\n"
"Keys and certificates:\n"
"  --cert FILE          certificate chain, PEM, end-entity first\n"
"  --key FILE           its private key, PEM (PKCS#8, SEC1 or PKCS#1,\n"
"                       not encrypted); default: the --cert file\n"
"  --key-id SERIAL      instead of --key, the kernel key (type logon or\n"
"                       user) whose payload is the private key, DER:\n"
"                       the kernel reads it (keyctl padd logon tls:NAME\n"
"                       @s < key.der)\n"
"Verifying the peer (one of them, or the handshake fails):\n"
"  --CAfile FILE        trust anchors, PEM\n"
"  --CApath DIR         trust anchors: the *.pem, *.crt and hashed files\n"
"                       of DIR (such as /etc/ssl/certs); with --CAfile,\n"
"                       both\n"
"  --CAkeyring SERIAL   trust anchors: the keys of type user of this\n"
"                       kernel keyring, each a DER certificate (keyctl\n"
"                       padd user NAME SERIAL < ca.der); with the above,\n"
"                       all of them\n"
"  --pin SHA256HEX      the SHA-256 of the peer's SubjectPublicKeyInfo\n"
"  --pin-cert FILE      the pin of the certificate in this PEM file\n"
"  --insecure           accept any peer\n"
"  --request-cert       server: ask the client for a certificate\n"
"  --require-cert       server: insist on one\n"
"Negotiation:\n"
"  --sni NAME           client: the server name to send and verify\n"
"                       (default: HOST; an address is verified, not sent;\n"
"                       \"\" for none, which trust anchors do not allow);\n"
"                       server: the one name to answer to\n"
"  --alpn LIST          ALPN protocols, comma-separated, preferred first\n"
"  --tls1.3, --tls1.2   only this version (both: either)\n"
"  --ciphers LIST       cipher suites: names (TLS_AES_128_GCM_SHA256) or\n"
"                       code points (0x1301), comma-separated\n"
"  --client-preference  server: choose the suite in the client's order\n"
"  --groups LIST        x25519, P-256 (secp256r1), P-384 (secp384r1),\n"
"                       ffdhe2048, ... in preference order\n"
"  --sigalgs LIST       signature schemes (ecdsa_secp256r1_sha256, ...)\n"
"  --timeout MS         how long the handshake may take\n"
"Server:\n"
"  --echo               send back what arrives\n"
"  --www                answer any request with an HTTP page\n"
"  --connections N      exit after serving N connections\n"
"  --max-clients N      serve at most N connections at once (default 16)\n"
"Output:\n"
"  --peer-chain FILE    save the peer's certificate chain, PEM\n"
"  --sess-out FILE      client: save the TLS 1.2 session to resume\n"
"  --sess-in FILE       client: resume the session saved in this file\n"
"  -q, --quiet          print errors only\n"
"  -h, --help           this text\n"
"\n"
"A SERIAL is a key's number as keyctl prints it, or @t, @p, @s, @u or @us\n"
"for the caller's thread, process, session, user or user-session keyring.\n"
"\n"
"Exit status: 0 after a clean end, 1 if the handshake failed, 2 for bad\n"
"arguments or files, 3 if the connection could not be made or broke.\n");
}

enum {
	OPT_CERT = 256, OPT_KEY, OPT_CAFILE, OPT_PIN, OPT_PIN_CERT,
	OPT_INSECURE, OPT_REQUEST_CERT, OPT_REQUIRE_CERT, OPT_SNI, OPT_ALPN,
	OPT_TLS13, OPT_TLS12, OPT_CIPHERS, OPT_GROUPS, OPT_SIGALGS,
	OPT_TIMEOUT, OPT_ECHO, OPT_WWW, OPT_CONNECTIONS, OPT_MAX_CLIENTS,
	OPT_PEER_CHAIN, OPT_KEY_ID, OPT_CAPATH, OPT_CAKEYRING, OPT_SESS_OUT,
	OPT_SESS_IN, OPT_CLIENT_PREFERENCE,
};

static const struct option options[] = {
	{ "cert", required_argument, NULL, OPT_CERT },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "key-id", required_argument, NULL, OPT_KEY_ID },
	{ "CAfile", required_argument, NULL, OPT_CAFILE },
	{ "CApath", required_argument, NULL, OPT_CAPATH },
	{ "CAkeyring", required_argument, NULL, OPT_CAKEYRING },
	{ "pin", required_argument, NULL, OPT_PIN },
	{ "pin-cert", required_argument, NULL, OPT_PIN_CERT },
	{ "insecure", no_argument, NULL, OPT_INSECURE },
	{ "request-cert", no_argument, NULL, OPT_REQUEST_CERT },
	{ "require-cert", no_argument, NULL, OPT_REQUIRE_CERT },
	{ "sni", required_argument, NULL, OPT_SNI },
	{ "alpn", required_argument, NULL, OPT_ALPN },
	{ "tls1.3", no_argument, NULL, OPT_TLS13 },
	{ "tls1.2", no_argument, NULL, OPT_TLS12 },
	{ "ciphers", required_argument, NULL, OPT_CIPHERS },
	{ "client-preference", no_argument, NULL, OPT_CLIENT_PREFERENCE },
	{ "groups", required_argument, NULL, OPT_GROUPS },
	{ "sigalgs", required_argument, NULL, OPT_SIGALGS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "echo", no_argument, NULL, OPT_ECHO },
	{ "www", no_argument, NULL, OPT_WWW },
	{ "connections", required_argument, NULL, OPT_CONNECTIONS },
	{ "max-clients", required_argument, NULL, OPT_MAX_CLIENTS },
	{ "peer-chain", required_argument, NULL, OPT_PEER_CHAIN },
	{ "sess-out", required_argument, NULL, OPT_SESS_OUT },
	{ "sess-in", required_argument, NULL, OPT_SESS_IN },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_uint(const char *arg, const char *what, unsigned int min,
		      unsigned int *out)
{
	unsigned long v;
	char *end;

	v = strtoul(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end || v < min || v > UINT_MAX) {
		warnx("%s takes a number, not '%s'", what, arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* A key serial as keyctl prints it, or a special keyring. */
static int parse_serial(const char *arg, const char *what, int32_t *out)
{
	static const struct {
		const char *name;
		int32_t serial;
	} special[] = {
		{ "@t", KEY_SPEC_THREAD_KEYRING },
		{ "@p", KEY_SPEC_PROCESS_KEYRING },
		{ "@s", KEY_SPEC_SESSION_KEYRING },
		{ "@u", KEY_SPEC_USER_KEYRING },
		{ "@us", KEY_SPEC_USER_SESSION_KEYRING },
	};
	unsigned int i;
	long v;
	char *end;

	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		if (!strcmp(arg, special[i].name)) {
			*out = special[i].serial;
			return 0;
		}
	}
	v = strtol(arg, &end, 10);
	if (*arg < '1' || *arg > '9' || *end || v > INT32_MAX) {
		warnx("%s takes a key serial, not '%s'", what, arg);
		return -1;
	}
	*out = v;
	return 0;
}

struct files {
	const char *cert;
	const char *key;
	const char *cafile;
	const char *capath;
	const char *pin_cert;
	const char *pin;
	const char *session;
};

static int check_size(size_t len, size_t max, const char *what,
		      const char *path)
{
	if (len <= max)
		return 0;
	warnx("%s: the %s take %zu bytes, more than the kernel's %zu",
	      path, what, len, max);
	return -1;
}

static int load_files(struct config *cfg, const struct files *files)
{
	unsigned int count;
	int ret;

	if (files->cert) {
		if (pem_read_certs(files->cert, &cfg->cert_chain, &count) ||
		    check_size(cfg->cert_chain.len, TLSHAKE_CERT_CHAIN_MAX,
			       "certificates", files->cert))
			return -1;
		ret = cfg->has_key_id ? 0 :
		      pem_read_key(files->key ?: files->cert, &cfg->private_key,
				   !files->key);
		if (ret < 0)
			return -1;
		if (ret > 0) {
			warnx("%s: no private key in it: give --key or --key-id",
			      files->cert);
			return -1;
		}
	} else if (files->key || cfg->has_key_id) {
		warnx("%s needs --cert", files->key ? "--key" : "--key-id");
		return -1;
	}
	if (files->key && cfg->has_key_id) {
		warnx("--key and --key-id exclude each other");
		return -1;
	}
	if (files->cafile &&
	    (pem_read_certs(files->cafile, &cfg->trust_anchors, &count) ||
	     check_size(cfg->trust_anchors.len, TLSHAKE_TRUST_ANCHORS_MAX,
			"trust anchors", files->cafile)))
		return -1;
	if (files->capath &&
	    (capath_read_certs(files->capath, &cfg->trust_anchors, &count) ||
	     check_size(cfg->trust_anchors.len, TLSHAKE_TRUST_ANCHORS_MAX,
			"trust anchors", files->capath)))
		return -1;
	if (files->session &&
	    (read_file(files->session, &cfg->session) ||
	     check_size(cfg->session.len, TLSHAKE_SESSION_MAX, "session",
			files->session)))
		return -1;
	if (files->pin && files->pin_cert) {
		warnx("--pin and --pin-cert exclude each other");
		return -1;
	}
	if (files->pin) {
		if (parse_pin(files->pin, cfg->pin))
			return -1;
		cfg->has_pin = true;
	}
	if (files->pin_cert) {
		if (pin_from_cert_file(files->pin_cert, cfg->pin))
			return -1;
		cfg->has_pin = true;
	}
	return 0;
}

static int parse_args(struct config *cfg, struct files *files, int argc,
		      char **argv)
{
	bool tls12 = false, tls13 = false;
	int opt;

	while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		switch (opt) {
		case OPT_CERT:
			files->cert = optarg;
			break;
		case OPT_KEY:
			files->key = optarg;
			break;
		case OPT_KEY_ID:
			if (parse_serial(optarg, "--key-id", &cfg->key_id))
				return -1;
			cfg->has_key_id = true;
			break;
		case OPT_CAFILE:
			files->cafile = optarg;
			break;
		case OPT_CAPATH:
			files->capath = optarg;
			break;
		case OPT_CAKEYRING:
			if (parse_serial(optarg, "--CAkeyring",
					 &cfg->trust_keyring))
				return -1;
			cfg->has_trust_keyring = true;
			break;
		case OPT_PIN:
			files->pin = optarg;
			break;
		case OPT_PIN_CERT:
			files->pin_cert = optarg;
			break;
		case OPT_INSECURE:
			cfg->verify |= TLSHAKE_VERIFY_INSECURE;
			break;
		case OPT_REQUEST_CERT:
			cfg->verify |= TLSHAKE_VERIFY_REQUEST_CLIENT;
			break;
		case OPT_REQUIRE_CERT:
			cfg->verify |= TLSHAKE_VERIFY_REQUEST_CLIENT |
				       TLSHAKE_VERIFY_REQUIRE_CLIENT;
			break;
		case OPT_SNI:
			cfg->sni = optarg;
			break;
		case OPT_ALPN:
			if (parse_alpn(optarg, &cfg->alpn))
				return -1;
			break;
		case OPT_TLS13:
			tls13 = true;
			break;
		case OPT_TLS12:
			tls12 = true;
			break;
		case OPT_CIPHERS:
			if (parse_suites(optarg, cfg->suites, &cfg->num_suites))
				return -1;
			break;
		case OPT_CLIENT_PREFERENCE:
			cfg->options |= TLSHAKE_OPT_CLIENT_PREFERENCE;
			break;
		case OPT_GROUPS:
			if (parse_groups(optarg, cfg->groups, &cfg->num_groups))
				return -1;
			break;
		case OPT_SIGALGS:
			if (parse_sigalgs(optarg, cfg->sigalgs,
					  &cfg->num_sigalgs))
				return -1;
			break;
		case OPT_TIMEOUT:
			if (parse_uint(optarg, "--timeout", 1, &cfg->timeout_ms))
				return -1;
			break;
		case OPT_ECHO:
			cfg->echo = true;
			break;
		case OPT_WWW:
			cfg->www = true;
			break;
		case OPT_CONNECTIONS:
			if (parse_uint(optarg, "--connections", 1,
				       &cfg->connections))
				return -1;
			break;
		case OPT_MAX_CLIENTS:
			if (parse_uint(optarg, "--max-clients", 1,
				       &cfg->max_clients))
				return -1;
			break;
		case OPT_SESS_OUT:
			cfg->session_out = optarg;
			break;
		case OPT_SESS_IN:
			files->session = optarg;
			break;
		case OPT_PEER_CHAIN:
			cfg->peer_chain_file = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		default:
			return -1;
		}
	}
	cfg->versions.min = tls12 ? TLSHAKE_TLS_1_2 :
			    tls13 ? TLSHAKE_TLS_1_3 : 0;
	cfg->versions.max = tls13 ? TLSHAKE_TLS_1_3 :
			    tls12 ? TLSHAKE_TLS_1_2 : 0;
	return 0;
}

/* What a client or a server cannot be asked to do. */
static int check_role(const struct config *cfg, const struct files *files)
{
	const char *opt;

	if (cfg->server) {
		if (!files->cert) {
			warnx("a server needs --cert");
			return -1;
		}
		if (cfg->echo && cfg->www) {
			warnx("--echo and --www exclude each other");
			return -1;
		}
		return 0;
	}
	opt = cfg->echo ? "--echo" : cfg->www ? "--www" :
	      cfg->connections ? "--connections" :
	      cfg->max_clients ? "--max-clients" :
	      cfg->verify & TLSHAKE_VERIFY_REQUIRE_CLIENT ? "--require-cert" :
	      cfg->verify & TLSHAKE_VERIFY_REQUEST_CLIENT ? "--request-cert" :
	      cfg->options & TLSHAKE_OPT_CLIENT_PREFERENCE ?
	      "--client-preference" : NULL;
	if (opt) {
		warnx("%s is a server option", opt);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct config cfg = { 0 };
	struct files files = { 0 };
	const char *cmd;
	int ret;

	if (argc >= 2 && (!strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[1];
	if (strcmp(cmd, "client") && strcmp(cmd, "server")) {
		warnx("unknown command '%s': client or server", cmd);
		return EXIT_USAGE;
	}
	cfg.server = !strcmp(cmd, "server");
	if (parse_args(&cfg, &files, argc - 1, argv + 1) ||
	    check_role(&cfg, &files)) {
		fprintf(stderr, "Try '%s --help'.\n", progname);
		return EXIT_USAGE;
	}
	argc -= optind + 1;
	argv += optind + 1;
	if (argc != (cfg.server ? 1 : 2)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (load_files(&cfg, &files))
		return EXIT_USAGE;

	/* The peer may go away while we write: see EPIPE, not SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);

	if (cfg.server) {
		if (!cfg.max_clients)
			cfg.max_clients = 16;
		ret = server_main(&cfg, argv[0]);
	} else {
		cfg.host = argv[0];
		cfg.port = argv[1];
		ret = client_main(&cfg);
	}
	if (cfg.private_key.data)
		memset(cfg.private_key.data, 0, cfg.private_key.size);
	return ret;
}
