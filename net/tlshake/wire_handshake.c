// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: handshake message framing (RFC 8446 section 4): the 4-byte
 * header, and reassembly of messages from handshake records, which may
 * carry several messages, or one message split over several records
 * (section 5.1).
 */

#include "wire.h"

/**
 * tlsw_reasm_init() - set up an empty reassembly buffer
 * @ra: the reassembly state
 * @buf: storage, owned by the caller, in use until @ra is dropped
 * @size: its size, at least TLSW_REASM_SIZE(@max_msg)
 * @max_msg: the largest message body to accept, at most 2^24 - 1
 *
 * Return: 0, or -EINVAL if @size is too small for @max_msg.
 */
int tlsw_reasm_init(struct tlsw_reasm *ra, void *buf, size_t size,
		    u32 max_msg)
{
	if (max_msg > 0xffffff || size < TLSW_REASM_SIZE(max_msg))
		return -EINVAL;
	ra->buf = buf;
	ra->size = size;
	ra->max_msg = max_msg;
	ra->start = 0;
	ra->end = 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_reasm_init);

/**
 * tlsw_reasm_add() - append the content of a handshake record
 * @ra: the reassembly state
 * @data: the record's (decrypted) content
 * @len: its length
 * @alert: the alert to send on failure
 *
 * The caller takes out every complete message with tlsw_reasm_next()
 * before adding the next record; the messages it took out point into the
 * buffer and are invalid from this call on.
 *
 * Return: 0; -EPROTO (unexpected_message) for an empty record, which
 * RFC 8446 section 5.1 forbids for handshake content; -EMSGSIZE
 * (record_overflow) for more than a record can carry; -ENOSPC
 * (internal_error) if complete messages were left in the buffer and the
 * record does not fit behind them.
 */
int tlsw_reasm_add(struct tlsw_reasm *ra, const u8 *data, size_t len,
		   enum tlsw_alert *alert)
{
	size_t held = ra->end - ra->start;

	if (!len)
		return tlsw_fail(alert, TLSW_ALERT_UNEXPECTED_MESSAGE);
	if (len > TLSW_MAX_PLAINTEXT)
		return tlsw_fail(alert, TLSW_ALERT_RECORD_OVERFLOW);

	if (ra->start) {
		memmove(ra->buf, ra->buf + ra->start, held);
		ra->start = 0;
		ra->end = held;
	}
	if (ra->size - held < len)
		return tlsw_fail(alert, TLSW_ALERT_INTERNAL_ERROR);
	memcpy(ra->buf + ra->end, data, len);
	ra->end += len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_reasm_add);

/**
 * tlsw_reasm_next() - take out the next complete message
 * @ra: the reassembly state
 * @msg: the message, valid until the next tlsw_reasm_add()
 * @alert: the alert to send on failure
 *
 * A message that announces a body above the limit is refused as soon as
 * its header is in, without waiting for the body.
 *
 * Return: 1 with @msg set; 0 if no complete message is buffered;
 * -EINVAL (illegal_parameter) if the next message is longer than the
 * limit given to tlsw_reasm_init().
 */
int tlsw_reasm_next(struct tlsw_reasm *ra, struct tlsw_hs_msg *msg,
		    enum tlsw_alert *alert)
{
	size_t held = ra->end - ra->start;
	const u8 *p = ra->buf + ra->start;
	u32 len;

	if (held < TLSW_HS_HEADER_LEN)
		return 0;
	len = get_unaligned_be24(p + 1);
	if (len > ra->max_msg)
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	if (held - TLSW_HS_HEADER_LEN < len)
		return 0;

	msg->type = p[0];
	tlsw_slice_init(&msg->body, p + TLSW_HS_HEADER_LEN, len);
	tlsw_slice_init(&msg->raw, p, TLSW_HS_HEADER_LEN + len);
	ra->start += TLSW_HS_HEADER_LEN + len;
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_reasm_next);

/**
 * tlsw_reasm_pending() - whether handshake bytes wait in the buffer
 * @ra: the reassembly state
 *
 * RFC 8446 section 5.1: handshake messages must not span a key change,
 * and must not be interleaved with records of other types.  The engine
 * therefore checks, at each key change (after ServerHello, after the
 * server's Finished, at KeyUpdate) and on receiving any record that is
 * not a handshake record, that nothing is pending, and otherwise sends
 * unexpected_message.
 *
 * Return: true if bytes not yet returned as a message are buffered.
 */
bool tlsw_reasm_pending(const struct tlsw_reasm *ra)
{
	return ra->end != ra->start;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_reasm_pending);

/**
 * tlsw_build_hs_begin() - start a handshake message
 * @w: the cursor
 * @type: HandshakeType
 * @hs: the open body, closed with tlsw_wr_vec_end()
 */
void tlsw_build_hs_begin(struct tlsw_wr *w, u8 type, struct tlsw_wr_vec *hs)
{
	tlsw_wr_u8(w, type);
	tlsw_wr_vec_begin(w, 3, hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_hs_begin);

/**
 * tlsw_build_msg_end() - finish a message started by a tlsw_build_*_begin()
 * @w: the cursor
 * @m: the open vectors: the list (extensions or certificates), the body
 */
void tlsw_build_msg_end(struct tlsw_wr *w, const struct tlsw_msg_wr *m)
{
	tlsw_wr_vec_end(w, &m->list);
	tlsw_wr_vec_end(w, &m->hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_msg_end);
