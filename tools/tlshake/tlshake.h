/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlshake: a TLS client and server whose handshake runs in the kernel.
 * Declarations shared by the tool's files.
 */
#ifndef TLSHAKE_TOOL_H
#define TLSHAKE_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/tlshake.h>

/* Exit statuses. */
#define EXIT_OK		0	/* the session ended cleanly */
#define EXIT_HANDSHAKE	1	/* the handshake failed */
#define EXIT_USAGE	2	/* bad arguments or input files */
#define EXIT_IO		3	/* no connection, or the session broke */

/* A byte buffer that grows. */
struct buf {
	uint8_t *data;
	size_t len;
	size_t size;
};

void buf_add(struct buf *b, const void *data, size_t len);
void buf_free(struct buf *b);

/* What the command line asks for. */
struct config {
	const char *host;		/* client: whom to connect to */
	const char *port;
	const char *bind_addr;		/* server: where to listen, or NULL */
	bool server;

	struct buf cert_chain;		/* TLSHAKE_CERT_CHAIN form */
	struct buf private_key;		/* DER */
	int32_t key_id;			/* a key holding it, if has_key_id */
	bool has_key_id;
	struct buf trust_anchors;	/* TLSHAKE_CERT_CHAIN form */
	int32_t trust_keyring;		/* if has_trust_keyring */
	bool has_trust_keyring;
	uint8_t pin[32];
	bool has_pin;
	uint32_t verify;
	uint32_t options;		/* TLSHAKE_OPT_* */
	const char *sni;
	struct buf alpn;		/* protocol_name_list */
	struct tlshake_versions versions;
	uint16_t suites[TLSHAKE_LIST_MAX];
	unsigned int num_suites;
	uint16_t groups[TLSHAKE_LIST_MAX];
	unsigned int num_groups;
	uint16_t sigalgs[TLSHAKE_LIST_MAX];
	unsigned int num_sigalgs;
	uint32_t timeout_ms;
	const char *peer_chain_file;	/* where to save the peer's chain */
	struct buf session;		/* client: a TLS 1.2 session to resume */
	const char *session_out;	/* client: where to save the new one */

	bool quiet;
	bool echo;			/* server: echo what arrives */
	bool www;			/* server: answer with an HTTP page */
	unsigned int connections;	/* server: exit after this many, or 0 */
	unsigned int max_clients;	/* server: concurrent connections */
};

/* The outcome of a handshake, for printing. */
struct session_info {
	struct tlshake_result result;
	unsigned int peer_chain_len;	/* bytes of the peer's chain */
	unsigned int peer_certs;	/* certificates in it */
	char peer_subject[256];		/* its end-entity certificate's */
	char peer_names[512];		/* subjectAltNames, likewise */
};

/* names.c: TLS code points and their names. */
const char *version_name(uint16_t version);
const char *suite_name(uint16_t suite);
const char *group_name(uint16_t group);
const char *sigalg_name(uint16_t scheme);
const char *alert_name(uint8_t alert);
const char *verify_error_name(uint8_t why);
int parse_suites(const char *list, uint16_t *out, unsigned int *count);
int parse_groups(const char *list, uint16_t *out, unsigned int *count);
int parse_sigalgs(const char *list, uint16_t *out, unsigned int *count);
int parse_alpn(const char *list, struct buf *out);

/* pem.c: files, and PEM ones. */
int read_file(const char *path, struct buf *out);
int pem_read_certs(const char *path, struct buf *list, unsigned int *count);
int pem_read_certs_opt(const char *path, struct buf *list, unsigned int *count,
		       bool quiet_missing);
int pem_read_key(const char *path, struct buf *der, bool quiet_missing);
int pem_write_certs(FILE *f, const uint8_t *list, size_t len);

/* capath.c: a directory of PEM files. */
int capath_read_certs(const char *dir, struct buf *list, unsigned int *count);

/* pin.c: SHA-256 of a certificate's SubjectPublicKeyInfo. */
size_t der_tlv(const uint8_t *p, const uint8_t *end, uint8_t *tag,
	       const uint8_t **body, size_t *body_len);
void sha256(const uint8_t *data, size_t len, uint8_t out[32]);
int cert_spki(const uint8_t *cert, size_t len, const uint8_t **spki,
	      size_t *spki_len);
int parse_pin(const char *hex, uint8_t pin[32]);
int pin_from_cert_file(const char *path, uint8_t pin[32]);

/* certinfo.c: what a certificate names. */
void cert_identity(const uint8_t *cert, size_t len, char *subj,
		   size_t subj_size, char *names, size_t names_size);

/* handshake.c: running the handshake on a connected socket. */
int run_handshake(int fd, const struct config *cfg, struct session_info *info,
		  const char *who);
void print_session(FILE *f, const struct session_info *info);

/* session.c: the kTLS socket after the handshake. */
#define RECORD_DATA		23
#define RECORD_ALERT		21
#define RECORD_HANDSHAKE	22

ssize_t tls_recv(int fd, void *buf, size_t len, int *type);
int tls_send_all(int fd, const void *buf, size_t len);
int tls_send_close_notify(int fd);
int tls_read_chunk(int fd, void *buf, size_t len, const char *who);
int relay_stdio(int fd, const char *who);

/* client.c and server.c */
int client_main(struct config *cfg);
int server_main(struct config *cfg, char *addr);

/* Messages. */
extern const char *progname;
extern bool quiet;
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* TLSHAKE_TOOL_H */
