/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The record layer of the handshake (RFC 8446 section 5): handshake
 * messages in and out of plaintext and protected records on the socket,
 * the compatibility ChangeCipherSpec, and alerts.
 */
#ifndef _NET_TLSHAKE_RECORD_H
#define _NET_TLSHAKE_RECORD_H

#include <linux/tlshake.h>
#include <linux/types.h>

#include "aead.h"
#include "key_schedule.h"
#include "transport.h"
#include "wire.h"

/* The largest handshake message accepted from the peer: a Certificate
 * message carrying a chain as large as the one we may send ourselves, with
 * room for the entries' framing and extensions.
 */
#define TLSHAKE_MAX_HS_MSG	(TLSHAKE_CERT_CHAIN_MAX + 4096)
/* The most handshake bytes of one flight we queue before sending them. */
#define TLSHAKE_MAX_FLIGHT	(TLSHAKE_CERT_CHAIN_MAX + 8192)

/**
 * struct tlshake_rl_dir - the protection of one direction
 * @aead: the AEAD keyed with the traffic key
 * @iv: the traffic IV, from which each record's nonce is formed
 * @seq: the sequence number of the next record
 * @on: whether records are protected yet
 * @explicit_nonce: TLS 1.2 AES-GCM and AES-CCM: each record carries the
 *	last 8 bytes of its nonce, @iv being the 4-byte salt (RFC 5288 3)
 */
struct tlshake_rl_dir {
	struct tlshake_aead aead;
	u8 iv[TLSHAKE_IV_LEN];
	u64 seq;
	bool on;
	bool explicit_nonce;
};

/**
 * struct tlshake_rl - the record layer of one handshake
 * @tp: the socket and the handshake's deadline
 * @rd: protection of what we receive
 * @rd_next: TLS 1.2: the protection the peer's ChangeCipherSpec turns on
 * @wr: protection of what we send
 * @reasm: handshake messages being reassembled from received records
 * @rec: one record, read or being written; kmalloc()ed because the AEAD
 *	works on it through scatterlists
 * @out: handshake messages queued for sending
 * @out_len: bytes queued at @out
 * @server: we are the server (only tells a test hook who is sending)
 * @tls12: TLS 1.2 was negotiated: records are protected as RFC 5246
 *	6.2.3.3 says, and ChangeCipherSpec is a protocol message
 * @ccs_allowed: the peer may send its ChangeCipherSpec now
 * @ccs_seen: it has sent it
 * @broken: the transport failed; nothing more can be sent
 * @alert_origin: TLSHAKE_ALERT_NONE, or whether @alert was received or is
 *	to be (or was) sent
 * @alert: the alert description that ended the handshake
 */
struct tlshake_rl {
	struct tlshake_transport tp;
	struct tlshake_rl_dir rd;
	struct tlshake_rl_dir rd_next;
	struct tlshake_rl_dir wr;
	struct tlsw_reasm reasm;
	u8 *rec;
	u8 *out;
	size_t out_len;
	bool server;
	bool tls12;
	bool ccs_allowed;
	bool ccs_seen;
	bool broken;
	u8 alert_origin;
	u8 alert;
};

int tlshake_rl_init(struct tlshake_rl *rl, struct socket *sock,
		    unsigned int timeout_ms, bool server);
void tlshake_rl_free(struct tlshake_rl *rl);
int tlshake_rl_fail(struct tlshake_rl *rl, enum tlsw_alert desc);
void tlshake_rl_send_alert(struct tlshake_rl *rl);

int tlshake_rl_set_read_key(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			    const u8 *key, const u8 *iv);
int tlshake_rl_set_write_key(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			     const u8 *key, const u8 *iv);
void tlshake_rl_use_tls12(struct tlshake_rl *rl);
int tlshake_rl_expect_ccs(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			  const u8 *key, const u8 *iv);

int tlshake_rl_read_msg(struct tlshake_rl *rl, struct tlsw_hs_msg *msg);
int tlshake_rl_read_done(struct tlshake_rl *rl);

void tlshake_rl_msg_begin(struct tlshake_rl *rl, struct tlsw_wr *w);
int tlshake_rl_msg_end(struct tlshake_rl *rl, struct tlsw_wr *w,
		       struct tlsw_slice *msg);
int tlshake_rl_flush(struct tlshake_rl *rl, bool more);
int tlshake_rl_send_ccs(struct tlshake_rl *rl);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * struct tlshake_tamper - a KUnit test's hook into what the engine sends
 * @msg: called with each handshake message we build, before it is added
 *	to the transcript and queued
 * @record: called with each protected record, sealed, before it is sent
 * @read: called before each record is read, to hold a reader back
 *
 * Any may be NULL.  Each gets whether the engine calling it is the
 * server's, so a test running both ends can act on one of them.
 */
struct tlshake_tamper {
	void (*msg)(bool server, u8 *msg, size_t len);
	void (*record)(bool server, u8 *rec, size_t len);
	void (*read)(bool server);
};

extern const struct tlshake_tamper *tlshake_tamper;
#endif

#endif /* _NET_TLSHAKE_RECORD_H */
