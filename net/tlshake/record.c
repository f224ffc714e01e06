// SPDX-License-Identifier: GPL-2.0
/*
 * The handshake's record layer (RFC 8446 section 5; for TLS 1.2, RFC 5246
 * section 6.2 with AEAD protection only).
 *
 * Records are read one at a time, header first and then exactly the
 * length it announces, and only when the handshake needs another message:
 * whatever the peer sent after its last handshake record is left in the
 * socket for kTLS.
 *
 * Outgoing handshake messages are queued and sent as records when a
 * flight is complete or the keys change.  A failure records the alert to
 * send; the engine sends it once, at the end, with
 * tlshake_rl_send_alert().
 */

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "record.h"

/* The legacy_record_version of every record we send (RFC 8446 5.1). */
#define TLSHAKE_RECORD_VERSION	TLSW_VERSION_TLS12

/* A record buffer fits the largest protected record the peer may send,
 * and the largest we send: a full fragment, its content type, the tag.
 */
#define TLSHAKE_REC_SIZE	(TLSW_RECORD_HEADER_LEN + TLSW_MAX_CIPHERTEXT13)

/* TLS 1.2 AEAD records (RFC 5246 6.2.3.3): the explicit part of the nonce
 * of AES-GCM and AES-CCM, and the additional data, seq_num || type ||
 * version || length, kept after the record buffer: the AEAD takes it
 * through a scatterlist, so it cannot be on the stack.
 */
#define TLSHAKE_EXPLICIT_NONCE_LEN	8
#define TLSHAKE_AAD12_LEN		13

#if IS_ENABLED(CONFIG_KUNIT)
const struct tlshake_tamper *tlshake_tamper;
EXPORT_SYMBOL_IF_KUNIT(tlshake_tamper);

static void tlshake_tamper_msg(struct tlshake_rl *rl, u8 *msg, size_t len)
{
	const struct tlshake_tamper *t = READ_ONCE(tlshake_tamper);

	if (t && t->msg)
		t->msg(rl->server, msg, len);
}

static void tlshake_tamper_record(struct tlshake_rl *rl, u8 *rec, size_t len)
{
	const struct tlshake_tamper *t = READ_ONCE(tlshake_tamper);

	if (t && t->record)
		t->record(rl->server, rec, len);
}

static void tlshake_tamper_read(struct tlshake_rl *rl)
{
	const struct tlshake_tamper *t = READ_ONCE(tlshake_tamper);

	if (t && t->read)
		t->read(rl->server);
}
#else
static void tlshake_tamper_msg(struct tlshake_rl *rl, u8 *msg, size_t len)
{
}

static void tlshake_tamper_record(struct tlshake_rl *rl, u8 *rec, size_t len)
{
}

static void tlshake_tamper_read(struct tlshake_rl *rl)
{
}
#endif

/**
 * tlshake_rl_init - set up the record layer of a handshake
 * @rl: the record layer
 * @sock: the connected TCP socket
 * @timeout_ms: how long the whole handshake may take
 * @server: we are the server
 *
 * Return: 0 or -ENOMEM.  On failure tlshake_rl_free() must still be called.
 */
int tlshake_rl_init(struct tlshake_rl *rl, struct socket *sock,
		    unsigned int timeout_ms, bool server)
{
	size_t reasm_size = TLSW_REASM_SIZE(TLSHAKE_MAX_HS_MSG);
	u8 *reasm_buf;

	memset(rl, 0, sizeof(*rl));
	tlshake_transport_init(&rl->tp, sock, timeout_ms);
	rl->server = server;

	rl->rec = kmalloc(TLSHAKE_REC_SIZE + TLSHAKE_AAD12_LEN, GFP_KERNEL);
	rl->out = kvmalloc(TLSHAKE_MAX_FLIGHT, GFP_KERNEL);
	reasm_buf = kvmalloc(reasm_size, GFP_KERNEL);
	if (!reasm_buf)
		return -ENOMEM;
	/* Cannot fail: the size is the one the limit asks for. */
	tlsw_reasm_init(&rl->reasm, reasm_buf, reasm_size, TLSHAKE_MAX_HS_MSG);
	return rl->rec && rl->out ? 0 : -ENOMEM;
}

static void tlshake_rl_dir_free(struct tlshake_rl_dir *dir)
{
	tlshake_aead_free(&dir->aead);
	memzero_explicit(dir->iv, sizeof(dir->iv));
	dir->on = false;
}

/**
 * tlshake_rl_free - wipe and release the record layer
 * @rl: the record layer, initialised or not fully
 *
 * Gives the socket its own timeouts back.  Every buffer held handshake
 * plaintext or keys and is wiped.
 */
void tlshake_rl_free(struct tlshake_rl *rl)
{
	if (rl->tp.sock)
		tlshake_transport_restore(&rl->tp);
	tlshake_rl_dir_free(&rl->rd);
	tlshake_rl_dir_free(&rl->rd_next);
	tlshake_rl_dir_free(&rl->wr);
	kfree_sensitive(rl->rec);
	kvfree_sensitive(rl->out, TLSHAKE_MAX_FLIGHT);
	if (rl->reasm.buf)
		kvfree_sensitive(rl->reasm.buf, rl->reasm.size);
	memset(rl, 0, sizeof(*rl));
}

/**
 * tlshake_rl_fail - end the handshake with an alert of ours
 * @rl: the record layer
 * @desc: the alert description to send
 *
 * Only the first failure counts: later ones follow from it.
 *
 * Return: the negative errno wire.h associates with @desc.
 */
int tlshake_rl_fail(struct tlshake_rl *rl, enum tlsw_alert desc)
{
	enum tlsw_alert ignored;

	if (rl->alert_origin == TLSHAKE_ALERT_NONE) {
		rl->alert_origin = TLSHAKE_ALERT_SENT;
		rl->alert = desc;
	}
	return tlsw_fail(&ignored, desc);
}

/* A transport error ends the handshake without an alert. */
static int tlshake_rl_broken(struct tlshake_rl *rl, int err)
{
	rl->broken = true;
	return err;
}

static int tlshake_rl_set_key(struct tlshake_rl_dir *dir, bool tls12,
			      enum tlshake_aead_alg alg, const u8 *key,
			      const u8 *iv)
{
	int err;

	tlshake_rl_dir_free(dir);
	err = tlshake_aead_init(&dir->aead, alg, key, tlshake_aead_key_len(alg));
	if (err)
		return err;
	memcpy(dir->iv, iv, TLSHAKE_IV_LEN);
	dir->seq = 0;
	dir->on = true;
	/* RFC 5288 3, RFC 6655 3; ChaCha20-Poly1305 has none (RFC 7905 2). */
	dir->explicit_nonce = tls12 && alg != TLSHAKE_AEAD_CHACHA20_POLY1305;
	return 0;
}

/**
 * tlshake_rl_set_read_key - protect what we receive from now on
 * @rl: the record layer
 * @alg: the AEAD of the cipher suite
 * @key: the peer's traffic key
 * @iv: the peer's traffic IV
 *
 * A handshake message must not span a key change (RFC 8446 5.1): bytes
 * left over from the last record are an unexpected_message.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_rl_set_read_key(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			    const u8 *key, const u8 *iv)
{
	if (tlsw_reasm_pending(&rl->reasm))
		return tlshake_rl_fail(rl, TLSW_ALERT_UNEXPECTED_MESSAGE);
	return tlshake_rl_set_key(&rl->rd, rl->tls12, alg, key, iv);
}

/**
 * tlshake_rl_set_write_key - protect what we send from now on
 * @rl: the record layer
 * @alg: the AEAD of the cipher suite
 * @key: our traffic key
 * @iv: our traffic IV
 *
 * What was queued under the old keys is sent first, with more to follow.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_rl_set_write_key(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			     const u8 *key, const u8 *iv)
{
	int err;

	err = tlshake_rl_flush(rl, true);
	if (err)
		return err;
	return tlshake_rl_set_key(&rl->wr, rl->tls12, alg, key, iv);
}

/**
 * tlshake_rl_use_tls12 - protect records as TLS 1.2 does from now on
 * @rl: the record layer, no keys on yet
 *
 * ChangeCipherSpec stops being the compatibility message of TLS 1.3: the
 * peer may send one only once tlshake_rl_expect_ccs() allows it.
 */
void tlshake_rl_use_tls12(struct tlshake_rl *rl)
{
	rl->tls12 = true;
	rl->ccs_allowed = false;
}

/**
 * tlshake_rl_expect_ccs - let the peer's ChangeCipherSpec turn on keys
 * @rl: the record layer, in TLS 1.2
 * @alg: the AEAD of the cipher suite
 * @key: the peer's write key
 * @iv: the peer's write IV: the 4-byte salt for AES-GCM and AES-CCM
 *
 * TLS 1.2 (RFC 5246 7.1): the peer's records are protected from the one
 * after its ChangeCipherSpec.  Until that comes, its Finished cannot be
 * read: a Finished under no protection is the engine's
 * unexpected_message, as is a ChangeCipherSpec at any other time.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_rl_expect_ccs(struct tlshake_rl *rl, enum tlshake_aead_alg alg,
			  const u8 *key, const u8 *iv)
{
	int err;

	err = tlshake_rl_set_key(&rl->rd_next, true, alg, key, iv);
	if (!err)
		rl->ccs_allowed = true;
	return err;
}

static size_t tlshake_rl_explicit_len(const struct tlshake_rl_dir *dir)
{
	return dir->explicit_nonce ? TLSHAKE_EXPLICIT_NONCE_LEN : 0;
}

/* TLS 1.2: the nonce of the record numbered @dir->seq, or for a received
 * record with an explicit nonce, of the one at @explicit.
 */
static void tlshake_rl_nonce12(const struct tlshake_rl_dir *dir, u8 *nonce,
			       const u8 *explicit)
{
	__be64 seq = cpu_to_be64(dir->seq);
	size_t salt = TLSHAKE_AEAD_NONCE_LEN - TLSHAKE_EXPLICIT_NONCE_LEN;

	if (!dir->explicit_nonce) {
		tlshake_aead_nonce(nonce, dir->iv, dir->seq);
		return;
	}
	memcpy(nonce, dir->iv, salt);
	memcpy(nonce + salt, explicit ?: (const u8 *)&seq,
	       TLSHAKE_EXPLICIT_NONCE_LEN);
}

static void tlshake_rl_aad12(struct tlshake_rl *rl, u64 seq, u8 type,
			     size_t len)
{
	struct tlsw_wr w;

	tlsw_wr_init(&w, rl->rec + TLSHAKE_REC_SIZE, TLSHAKE_AAD12_LEN);
	tlsw_wr_u32(&w, seq >> 32);
	tlsw_wr_u32(&w, (u32)seq);
	tlsw_build_record_header(&w, type, TLSW_VERSION_TLS12, len);
}

/* Where a record's content goes before it is sealed in place. */
static u8 *tlshake_rl_content(struct tlshake_rl *rl)
{
	return rl->rec + TLSW_RECORD_HEADER_LEN +
	       (rl->wr.on ? tlshake_rl_explicit_len(&rl->wr) : 0);
}

/* Frame the @len bytes of @type at tlshake_rl_content() as a record,
 * protected if the write keys are on (TLS 1.3: RFC 8446 5.2; TLS 1.2:
 * RFC 5246 6.2.3.3); a ChangeCipherSpec is never protected.  @rec_len is
 * the record's length, its header included.
 */
static int tlshake_rl_seal(struct tlshake_rl *rl, u8 type, size_t len,
			   size_t *rec_len)
{
	bool protect = rl->wr.on && type != TLSW_CT_CHANGE_CIPHER_SPEC;
	u8 *body = rl->rec + TLSW_RECORD_HEADER_LEN;
	size_t explicit = tlshake_rl_explicit_len(&rl->wr);
	u8 nonce[TLSHAKE_AEAD_NONCE_LEN];
	u8 outer = type;
	size_t body_len = len;
	struct tlsw_wr w;
	int err;

	if (protect && rl->tls12) {
		body_len = explicit + len + TLSHAKE_AEAD_TAG_LEN;
	} else if (protect) {
		body[len] = type;
		body_len = len + 1 + TLSHAKE_AEAD_TAG_LEN;
		outer = TLSW_CT_APPLICATION_DATA;
	}
	tlsw_wr_init(&w, rl->rec, TLSW_RECORD_HEADER_LEN);
	tlsw_build_record_header(&w, outer, TLSHAKE_RECORD_VERSION, body_len);
	*rec_len = TLSW_RECORD_HEADER_LEN + body_len;
	if (!protect)
		return 0;

	if (rl->tls12) {
		tlshake_rl_nonce12(&rl->wr, nonce, NULL);
		memcpy(body, nonce + TLSHAKE_AEAD_NONCE_LEN - explicit,
		       explicit);
		tlshake_rl_aad12(rl, rl->wr.seq, type, len);
		err = tlshake_aead_seal(&rl->wr.aead, nonce,
					rl->rec + TLSHAKE_REC_SIZE,
					TLSHAKE_AAD12_LEN, body + explicit,
					len);
	} else {
		tlshake_aead_nonce(nonce, rl->wr.iv, rl->wr.seq);
		err = tlshake_aead_seal(&rl->wr.aead, nonce, rl->rec,
					TLSW_RECORD_HEADER_LEN, body, len + 1);
	}
	if (err)
		return err;
	rl->wr.seq++;
	return 0;
}

/* Send one record of @type carrying @len bytes at @data (at most 2^14),
 * protected if the write keys are on.  The compatibility ChangeCipherSpec
 * is never protected.
 */
static int tlshake_rl_write_record(struct tlshake_rl *rl, u8 type,
				   const u8 *data, size_t len, bool more)
{
	size_t rec_len;
	int err;

	if (type == TLSW_CT_CHANGE_CIPHER_SPEC)
		memcpy(rl->rec + TLSW_RECORD_HEADER_LEN, data, len);
	else
		memcpy(tlshake_rl_content(rl), data, len);
	err = tlshake_rl_seal(rl, type, len, &rec_len);
	if (err)
		return err;
	if (rl->wr.on && type != TLSW_CT_CHANGE_CIPHER_SPEC)
		tlshake_tamper_record(rl, rl->rec, rec_len);

	err = tlshake_transport_send(&rl->tp, rl->rec, rec_len, more);
	return err ? tlshake_rl_broken(rl, err) : 0;
}

/**
 * tlshake_rl_msg_begin - start building a handshake message
 * @rl: the record layer
 * @w: a cursor over the free room of the queue, for the wire.h builders
 */
void tlshake_rl_msg_begin(struct tlshake_rl *rl, struct tlsw_wr *w)
{
	tlsw_wr_init(w, rl->out + rl->out_len, TLSHAKE_MAX_FLIGHT - rl->out_len);
}

/**
 * tlshake_rl_msg_end - queue the handshake message built at @w
 * @rl: the record layer
 * @w: the cursor given by tlshake_rl_msg_begin()
 * @msg: the whole message, valid until the queue is sent, for the
 *	transcript
 *
 * Return: 0, or the builder's failure (-ENOSPC, -EMSGSIZE, -EINVAL).
 */
int tlshake_rl_msg_end(struct tlshake_rl *rl, struct tlsw_wr *w,
		       struct tlsw_slice *msg)
{
	int err = tlsw_wr_error(w);

	if (err)
		return err;
	tlshake_tamper_msg(rl, w->buf, w->len);
	tlsw_slice_init(msg, w->buf, w->len);
	rl->out_len += w->len;
	return 0;
}

/**
 * tlshake_rl_flush - send the queued handshake messages
 * @rl: the record layer
 * @more: more of the flight follows at once
 *
 * Messages are packed into as few records as they fit in.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_rl_flush(struct tlshake_rl *rl, bool more)
{
	size_t off = 0;
	int err = 0;

	while (off < rl->out_len) {
		size_t n = min_t(size_t, rl->out_len - off, TLSW_MAX_PLAINTEXT);

		err = tlshake_rl_write_record(rl, TLSW_CT_HANDSHAKE,
					      rl->out + off, n,
					      more || off + n < rl->out_len);
		if (err)
			break;
		off += n;
	}
	memzero_explicit(rl->out, rl->out_len);
	rl->out_len = 0;
	return err;
}

/**
 * tlshake_rl_send_ccs - send the compatibility ChangeCipherSpec
 * @rl: the record layer
 *
 * RFC 8446 appendix D.4.  What was queued is sent first.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_rl_send_ccs(struct tlshake_rl *rl)
{
	static const u8 ccs = 1;
	int err;

	err = tlshake_rl_flush(rl, true);
	if (err)
		return err;
	return tlshake_rl_write_record(rl, TLSW_CT_CHANGE_CIPHER_SPEC, &ccs, 1,
				       true);
}

/**
 * tlshake_rl_send_alert - tell the peer why the handshake failed
 * @rl: the record layer
 *
 * Sends the alert recorded by tlshake_rl_fail(), fatal, protected if our
 * keys are on, unless the transport has failed.  Never blocks: the
 * handshake is over, and an alert the socket cannot take is dropped.
 */
void tlshake_rl_send_alert(struct tlshake_rl *rl)
{
	size_t rec_len;
	struct tlsw_wr w;

	if (rl->alert_origin != TLSHAKE_ALERT_SENT || rl->broken || !rl->rec)
		return;
	rl->broken = true;

	tlsw_wr_init(&w, tlshake_rl_content(rl), 2);
	tlsw_build_alert(&w, TLSW_ALERT_LEVEL_FATAL, rl->alert);
	if (tlshake_rl_seal(rl, TLSW_CT_ALERT, 2, &rec_len))
		return;
	tlshake_transport_send_nowait(&rl->tp, rl->rec, rec_len);
}

/* RFC 8446 5: one ChangeCipherSpec consisting of the single byte 0x01 is
 * dropped between the first ClientHello and the peer's Finished; any other
 * is an unexpected_message.  Like any record, it must not come between
 * the fragments of a handshake message.
 */
static int tlshake_rl_ccs(struct tlshake_rl *rl, const u8 *body, size_t len)
{
	if (!rl->ccs_allowed || rl->ccs_seen || len != 1 || body[0] != 1 ||
	    tlsw_reasm_pending(&rl->reasm))
		return tlshake_rl_fail(rl, TLSW_ALERT_UNEXPECTED_MESSAGE);
	rl->ccs_seen = true;
	if (rl->tls12) {
		/* RFC 5246 7.1: the peer's next record is protected. */
		tlshake_rl_dir_free(&rl->rd);
		rl->rd = rl->rd_next;
		memzero_explicit(&rl->rd_next, sizeof(rl->rd_next));
		rl->ccs_allowed = false;
	}
	return 0;
}

/* TLS 1.2: remove the protection of the record of @type whose @len bytes
 * are at @body (RFC 5246 6.2.3.3).  @content is where the plaintext
 * starts, @content_len its length.
 */
static int tlshake_rl_open12(struct tlshake_rl *rl, u8 type, u8 *body,
			     size_t len, u8 **content, size_t *content_len)
{
	size_t explicit = tlshake_rl_explicit_len(&rl->rd);
	u8 nonce[TLSHAKE_AEAD_NONCE_LEN];
	size_t n;
	int err;

	if (len < explicit + TLSHAKE_AEAD_TAG_LEN)
		return tlshake_rl_fail(rl, TLSW_ALERT_BAD_RECORD_MAC);
	n = len - explicit - TLSHAKE_AEAD_TAG_LEN;
	if (n > TLSW_MAX_PLAINTEXT)
		return tlshake_rl_fail(rl, TLSW_ALERT_RECORD_OVERFLOW);

	tlshake_rl_nonce12(&rl->rd, nonce, explicit ? body : NULL);
	tlshake_rl_aad12(rl, rl->rd.seq, type, n);
	err = tlshake_aead_open(&rl->rd.aead, nonce, rl->rec + TLSHAKE_REC_SIZE,
				TLSHAKE_AAD12_LEN, body + explicit,
				len - explicit);
	if (err == -EBADMSG)
		return tlshake_rl_fail(rl, TLSW_ALERT_BAD_RECORD_MAC);
	if (err)
		return err;
	rl->rd.seq++;
	*content = body + explicit;
	*content_len = n;
	return 0;
}

/* Read the next record other than the compatibility ChangeCipherSpec and
 * remove its protection.  On success @type is the (inner) content type
 * and @data, @len its content, inside rl->rec.
 */
static int tlshake_rl_read_record(struct tlshake_rl *rl, u8 *type, u8 **data,
				  size_t *len)
{
	u8 *body = rl->rec + TLSW_RECORD_HEADER_LEN;
	struct tlsw_record_header hdr;
	enum tlsw_alert alert;
	u8 nonce[TLSHAKE_AEAD_NONCE_LEN];
	int err;

	for (;;) {
		tlshake_tamper_read(rl);
		err = tlshake_transport_recv(&rl->tp, rl->rec,
					     TLSW_RECORD_HEADER_LEN);
		if (err)
			return tlshake_rl_broken(rl, err);
		err = tlsw_parse_record_header(rl->rec, TLSW_RECORD_HEADER_LEN,
					       rl->rd.on ?
					       TLSW_MAX_CIPHERTEXT13 :
					       TLSW_MAX_PLAINTEXT,
					       &hdr, &alert);
		if (err)
			return tlshake_rl_fail(rl, alert);
		err = tlshake_transport_recv(&rl->tp, body, hdr.len);
		if (err)
			return tlshake_rl_broken(rl, err);

		if (hdr.type != TLSW_CT_CHANGE_CIPHER_SPEC)
			break;
		err = tlshake_rl_ccs(rl, body, hdr.len);
		if (err)
			return err;
	}

	if (rl->rd.on && rl->tls12) {
		*type = hdr.type;
		return tlshake_rl_open12(rl, hdr.type, body, hdr.len, data,
					 len);
	}

	/* Once our keys are on a peer that failed early (before it had
	 * derived its own, say on our ServerHello) still alerts in
	 * plaintext: take the alert for what it says.
	 */
	if (!rl->rd.on || hdr.type == TLSW_CT_ALERT) {
		if (hdr.type == TLSW_CT_APPLICATION_DATA)
			return tlshake_rl_fail(rl,
					       TLSW_ALERT_UNEXPECTED_MESSAGE);
		*type = hdr.type;
		*data = body;
		*len = hdr.len;
		return 0;
	}
	if (hdr.type != TLSW_CT_APPLICATION_DATA)
		return tlshake_rl_fail(rl, TLSW_ALERT_UNEXPECTED_MESSAGE);

	tlshake_aead_nonce(nonce, rl->rd.iv, rl->rd.seq);
	err = tlshake_aead_open(&rl->rd.aead, nonce, rl->rec,
				TLSW_RECORD_HEADER_LEN, body, hdr.len);
	if (err == -EBADMSG)
		return tlshake_rl_fail(rl, TLSW_ALERT_BAD_RECORD_MAC);
	if (err)
		return err;
	rl->rd.seq++;

	err = tlsw_parse_inner_plaintext(body, hdr.len - TLSHAKE_AEAD_TAG_LEN,
					 type, len, &alert);
	if (err)
		return tlshake_rl_fail(rl, alert);
	*data = body;
	return 0;
}

/* The peer ended the handshake with an alert: record it, send nothing. */
static int tlshake_rl_alert_in(struct tlshake_rl *rl, const u8 *data,
			       size_t len)
{
	enum tlsw_alert alert;
	u8 level, desc;
	int err;

	err = tlsw_parse_alert(data, len, &level, &desc, &alert);
	if (err)
		return tlshake_rl_fail(rl, alert);
	rl->alert_origin = TLSHAKE_ALERT_RECEIVED;
	rl->alert = desc;
	return -ECONNABORTED;
}

/**
 * tlshake_rl_read_msg - read the next handshake message
 * @rl: the record layer
 * @msg: the message; its slices are valid until the next call
 *
 * Reads records as long as no whole message is buffered.  An alert from
 * the peer, close_notify included, ends the handshake; so does
 * application data, which cannot come before the handshake is over.
 *
 * Return: 0; -ECONNABORTED if the peer sent an alert; another negative
 * errno otherwise.
 */
int tlshake_rl_read_msg(struct tlshake_rl *rl, struct tlsw_hs_msg *msg)
{
	enum tlsw_alert alert;
	size_t len;
	u8 type;
	u8 *data;
	int err;

	for (;;) {
		err = tlsw_reasm_next(&rl->reasm, msg, &alert);
		if (err > 0)
			return 0;
		if (err < 0)
			return tlshake_rl_fail(rl, alert);

		err = tlshake_rl_read_record(rl, &type, &data, &len);
		if (err)
			return err;
		switch (type) {
		case TLSW_CT_HANDSHAKE:
			err = tlsw_reasm_add(&rl->reasm, data, len, &alert);
			if (err)
				return tlshake_rl_fail(rl, alert);
			break;
		case TLSW_CT_ALERT:
			return tlshake_rl_alert_in(rl, data, len);
		default:
			return tlshake_rl_fail(rl,
					       TLSW_ALERT_UNEXPECTED_MESSAGE);
		}
	}
}

/**
 * tlshake_rl_read_done - check that the peer's last handshake record ended
 *	with its last handshake message
 * @rl: the record layer
 *
 * After the peer's Finished, its records are protected with application
 * keys: handshake bytes still buffered from a record under the handshake
 * keys cannot belong to a valid message.
 *
 * Return: 0, or -EPROTO (unexpected_message).
 */
int tlshake_rl_read_done(struct tlshake_rl *rl)
{
	rl->ccs_allowed = false;
	if (tlsw_reasm_pending(&rl->reasm))
		return tlshake_rl_fail(rl, TLSW_ALERT_UNEXPECTED_MESSAGE);
	return 0;
}
