// SPDX-License-Identifier: GPL-2.0
/*
 * Running the handshake: attach the "tlshake" ULP to a connected socket,
 * hand it the configuration with SOL_TLSHAKE options, run it with
 * getsockopt(TLSHAKE_HANDSHAKE) and report what it negotiated or why it
 * failed.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tlshake.h"

/* Room for the peer's chain: more than any chain a peer sends in practice. */
#define PEER_CHAIN_MAX	(256 * 1024)

static const char *errname(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "unknown error";
}

static int set_opt(int fd, int optname, const char *what, const void *val,
		   size_t len)
{
	if (!setsockopt(fd, SOL_TLSHAKE, optname, val, len))
		return 0;
	warnx("the kernel refused %s: %s", what, strerror(errno));
	return -1;
}

/* The name a client checks the certificate against and, unless it is an
 * address, sends as SNI: --sni, else the host it connects to.  A server
 * answers to --sni alone if given.
 */
static const char *server_name(const struct config *cfg)
{
	if (cfg->sni)
		return *cfg->sni ? cfg->sni : NULL;
	return cfg->server ? NULL : cfg->host;
}

static int configure(int fd, const struct config *cfg)
{
	uint32_t role = cfg->server ? TLSHAKE_ROLE_SERVER : TLSHAKE_ROLE_CLIENT;
	const char *name = server_name(cfg);

	if (set_opt(fd, TLSHAKE_ROLE, "the role", &role, sizeof(role)))
		return -1;
	if (cfg->versions.min &&
	    set_opt(fd, TLSHAKE_VERSIONS, "the versions", &cfg->versions,
		    sizeof(cfg->versions)))
		return -1;
	if (cfg->num_suites &&
	    set_opt(fd, TLSHAKE_CIPHER_SUITES, "the cipher suites",
		    cfg->suites, cfg->num_suites * sizeof(uint16_t)))
		return -1;
	if (cfg->num_groups &&
	    set_opt(fd, TLSHAKE_GROUPS, "the groups", cfg->groups,
		    cfg->num_groups * sizeof(uint16_t)))
		return -1;
	if (cfg->num_sigalgs &&
	    set_opt(fd, TLSHAKE_SIG_SCHEMES, "the signature schemes",
		    cfg->sigalgs, cfg->num_sigalgs * sizeof(uint16_t)))
		return -1;
	if (name && set_opt(fd, TLSHAKE_SERVER_NAME, "the server name", name,
			    strlen(name)))
		return -1;
	if (cfg->alpn.len &&
	    set_opt(fd, TLSHAKE_ALPN, "the ALPN list", cfg->alpn.data,
		    cfg->alpn.len))
		return -1;
	if (cfg->cert_chain.len &&
	    set_opt(fd, TLSHAKE_CERT_CHAIN, "the certificate chain",
		    cfg->cert_chain.data, cfg->cert_chain.len))
		return -1;
	if (cfg->private_key.len &&
	    set_opt(fd, TLSHAKE_PRIVATE_KEY, "the private key",
		    cfg->private_key.data, cfg->private_key.len))
		return -1;
	if (cfg->has_key_id &&
	    set_opt(fd, TLSHAKE_PRIVATE_KEY_ID, "the private key's key",
		    &cfg->key_id, sizeof(cfg->key_id)))
		return -1;
	if (cfg->trust_anchors.len &&
	    set_opt(fd, TLSHAKE_TRUST_ANCHORS, "the trust anchors",
		    cfg->trust_anchors.data, cfg->trust_anchors.len))
		return -1;
	if (cfg->has_trust_keyring &&
	    set_opt(fd, TLSHAKE_TRUST_KEYRING, "the trust keyring",
		    &cfg->trust_keyring, sizeof(cfg->trust_keyring)))
		return -1;
	if (cfg->has_pin &&
	    set_opt(fd, TLSHAKE_PEER_PUBKEY_PIN, "the pin", cfg->pin,
		    sizeof(cfg->pin)))
		return -1;
	if (cfg->verify &&
	    set_opt(fd, TLSHAKE_VERIFY, "the verification flags",
		    &cfg->verify, sizeof(cfg->verify)))
		return -1;
	if (cfg->options &&
	    set_opt(fd, TLSHAKE_OPTIONS, "the options", &cfg->options,
		    sizeof(cfg->options)))
		return -1;
	if (cfg->session.len &&
	    set_opt(fd, TLSHAKE_SESSION, "the session", cfg->session.data,
		    cfg->session.len))
		return -1;
	return 0;
}

static unsigned int count_certs(const uint8_t *list, size_t len)
{
	unsigned int count = 0;
	size_t off = 0;

	while (off + 3 <= len) {
		off += 3 + ((size_t)list[off] << 16 | list[off + 1] << 8 |
			    list[off + 2]);
		count++;
	}
	return count;
}

static void save_peer_chain(const struct config *cfg, const uint8_t *chain,
			    size_t len)
{
	FILE *f = fopen(cfg->peer_chain_file, "w");

	if (!f) {
		warnx("%s: %s", cfg->peer_chain_file, strerror(errno));
		return;
	}
	if (pem_write_certs(f, chain, len))
		warnx("the peer's chain is malformed");
	if (fclose(f))
		warnx("%s: %s", cfg->peer_chain_file, strerror(errno));
}

/* The session holds its master secret: for the user's eyes only. */
static void save_session(const struct config *cfg, const uint8_t *session,
			 size_t len)
{
	int fd = open(cfg->session_out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, session, len) != (ssize_t)len)
		warnx("%s: %s", cfg->session_out, strerror(errno));
	if (fd >= 0 && close(fd))
		warnx("%s: %s", cfg->session_out, strerror(errno));
}

static void report_failure(const struct tlshake_result *r, int err,
			   const char *who)
{
	if (r->alert_origin == TLSHAKE_ALERT_NONE) {
		warnx("%shandshake failed: %s (%s)", who, strerror(err),
		      errname(err));
		return;
	}
	warnx("%shandshake failed: %s %s (%s)", who, alert_name(r->alert),
	      r->alert_origin == TLSHAKE_ALERT_SENT ? "sent" : "received",
	      errname(err));
	if (r->verify_error)
		warnx("%sthe peer's certificate was refused: %s", who,
		      verify_error_name(r->verify_error));
}

/**
 * run_handshake - run the handshake on a connected socket
 * @fd: the socket
 * @cfg: what to ask for
 * @info: receives what was negotiated
 * @who: a prefix for messages ("" or the peer's address and ": ")
 *
 * Return: EXIT_OK once the socket carries TLS through kTLS, EXIT_USAGE if
 * the kernel refused the configuration, EXIT_HANDSHAKE if the handshake
 * failed (after a message naming the alert and the error).
 */
int run_handshake(int fd, const struct config *cfg, struct session_info *info,
		  const char *who)
{
	static uint8_t session[TLSHAKE_SESSION_MAX];
	struct tlshake_handshake hs;
	socklen_t len = sizeof(hs);
	uint8_t *chain;
	int err;

	if (setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME,
		       sizeof(TLSHAKE_ULP_NAME))) {
		err = errno;
		if (err == ENOENT)
			warnx("the kernel has no \"%s\" TCP ULP: module not loaded (modprobe tlshake)",
			      TLSHAKE_ULP_NAME);
		else
			warnx("%sattaching the \"%s\" TCP ULP: %s", who,
			      TLSHAKE_ULP_NAME, strerror(err));
		return err == ENOENT ? EXIT_USAGE : EXIT_IO;
	}
	if (configure(fd, cfg))
		return EXIT_USAGE;

	chain = malloc(PEER_CHAIN_MAX);
	if (!chain) {
		warnx("out of memory");
		return EXIT_IO;
	}
	memset(&hs, 0, sizeof(hs));
	hs.timeout_ms = cfg->timeout_ms;
	hs.peer_chain = (uintptr_t)chain;
	hs.peer_chain_len = PEER_CHAIN_MAX;
	if (cfg->session_out) {
		hs.session = (uintptr_t)session;
		hs.session_len = sizeof(session);
	}

	err = getsockopt(fd, SOL_TLSHAKE, TLSHAKE_HANDSHAKE, &hs, &len) ?
	      errno : 0;
	info->result = hs.result;
	info->peer_chain_len = hs.peer_chain_len;
	info->peer_certs = hs.peer_chain_len <= PEER_CHAIN_MAX ?
			   count_certs(chain, hs.peer_chain_len) : 0;
	if (info->peer_certs)
		cert_identity(chain + 3,
			      (size_t)chain[0] << 16 | chain[1] << 8 | chain[2],
			      info->peer_subject, sizeof(info->peer_subject),
			      info->peer_names, sizeof(info->peer_names));
	else
		info->peer_subject[0] = info->peer_names[0] = '\0';
	if (cfg->peer_chain_file && info->peer_certs)
		save_peer_chain(cfg, chain, hs.peer_chain_len);
	free(chain);

	if (err) {
		report_failure(&hs.result, err, who);
		return EXIT_HANDSHAKE;
	}
	if (cfg->session_out && hs.session_len)
		save_session(cfg, session, hs.session_len);
	else if (cfg->session_out)
		warnx("%sno session to save: TLS 1.3, or the server keeps none",
		      who);
	return EXIT_OK;
}

/**
 * print_session - describe a completed handshake
 * @f: where
 * @info: what was negotiated
 */
void print_session(FILE *f, const struct session_info *info)
{
	const struct tlshake_result *r = &info->result;

	fprintf(f, "---\n");
	fprintf(f, "Protocol    : %s\n", version_name(r->version));
	fprintf(f, "Cipher      : %s\n", suite_name(r->cipher_suite));
	fprintf(f, "Group       : %s\n",
		r->group ? group_name(r->group) : "none");
	fprintf(f, "Peer sig    : %s\n",
		r->peer_sig_scheme ? sigalg_name(r->peer_sig_scheme) : "none");
	fprintf(f, "ALPN        : %.*s\n", r->alpn_len ? r->alpn_len : 4,
		r->alpn_len ? (const char *)r->alpn : "none");
	fprintf(f, "Peer        : %s\n",
		r->flags & TLSHAKE_RESULT_PEER_VERIFIED ? "verified" :
		info->peer_certs ? "not verified" : "no certificate");
	if (info->peer_certs) {
		fprintf(f, "Peer chain  : %u certificate%s, %u bytes\n",
			info->peer_certs, info->peer_certs == 1 ? "" : "s",
			info->peer_chain_len);
		fprintf(f, "Peer subject: %s\n", info->peer_subject);
		fprintf(f, "Peer names  : %s\n",
			*info->peer_names ? info->peer_names : "none");
	}
	if (r->flags & TLSHAKE_RESULT_RESUMED)
		fprintf(f, "Resumed     : yes\n");
	fprintf(f, "---\n");
}
