// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the post-handshake messages of TLS 1.3 (RFC 8446 section 4.6):
 * NewSessionTicket and KeyUpdate.
 */

#include "wire.h"

/**
 * tlsw_parse_new_session_ticket() - parse a TLS 1.3 NewSessionTicket body
 * @buf: the body, after the handshake header
 * @len: its length
 * @nst: the parsed message, pointing into @buf
 * @alert: the alert to send on failure
 *
 * Unknown extensions are skipped (RFC 8446 section 4.6.1).  A lifetime
 * above seven days is the server's error but harms nobody: the engine
 * caps how long it keeps the ticket.
 *
 * Return: 0, or a negative errno with @alert set (see wire.h).
 */
int tlsw_parse_new_session_ticket(const u8 *buf, size_t len,
				  struct tlsw_new_session_ticket *nst,
				  enum tlsw_alert *alert)
{
	struct tlsw_slice r, block;

	memset(nst, 0, sizeof(*nst));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u32(&r, &nst->lifetime) ||
	    tlsw_rd_u32(&r, &nst->age_add) ||
	    tlsw_rd_vec(&r, 1, 0, 255, &nst->nonce) ||
	    tlsw_rd_vec(&r, 2, 1, 0xffff, &nst->ticket) ||
	    tlsw_rd_vec(&r, 2, 0, 0xfffe, &block) || tlsw_rd_end(&r))
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	return tlsw_parse_extensions(block.data, block.len, TLSW_CTX_NST,
				     &nst->ext, alert);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_new_session_ticket);

/**
 * tlsw_parse_key_update() - parse a KeyUpdate body
 * @buf: the body, after the handshake header
 * @len: its length
 * @update_requested: whether the peer asks us to update our keys too
 * @alert: the alert to send on failure
 *
 * Return: 0; -EBADMSG (decode_error) if @len is not 1; -EINVAL
 * (illegal_parameter) for a value other than update_not_requested(0) or
 * update_requested(1) (RFC 8446 section 4.6.3).
 */
int tlsw_parse_key_update(const u8 *buf, size_t len, bool *update_requested,
			  enum tlsw_alert *alert)
{
	if (len != 1)
		return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
	if (buf[0] > 1)
		return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
	*update_requested = buf[0];
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_key_update);

/**
 * tlsw_build_new_session_ticket_begin() - start a NewSessionTicket
 * @w: the cursor
 * @m: the open vectors, for tlsw_build_msg_end()
 * @lifetime: ticket_lifetime, at most 604800 seconds
 * @age_add: ticket_age_add, random
 * @nonce: ticket_nonce (may be NULL when @nonce_len is 0)
 * @nonce_len: 0 to 255
 * @ticket: the ticket
 * @ticket_len: 1 to 65535
 *
 * The extension block is left open, for early_data if any.
 */
void tlsw_build_new_session_ticket_begin(struct tlsw_wr *w,
					 struct tlsw_msg_wr *m, u32 lifetime,
					 u32 age_add, const u8 *nonce,
					 size_t nonce_len, const u8 *ticket,
					 size_t ticket_len)
{
	struct tlsw_wr_vec v;

	if (lifetime > 604800 || !ticket_len)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_hs_begin(w, TLSW_HS_NEW_SESSION_TICKET, &m->hs);
	tlsw_wr_u32(w, lifetime);
	tlsw_wr_u32(w, age_add);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, nonce, nonce_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 2, &v);
	tlsw_wr_bytes(w, ticket, ticket_len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_vec_begin(w, 2, &m->list);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_new_session_ticket_begin);

/**
 * tlsw_build_key_update() - write a KeyUpdate
 * @w: the cursor
 * @update_requested: ask the peer to update its keys too
 */
void tlsw_build_key_update(struct tlsw_wr *w, bool update_requested)
{
	struct tlsw_wr_vec hs;

	tlsw_build_hs_begin(w, TLSW_HS_KEY_UPDATE, &hs);
	tlsw_wr_u8(w, update_requested);
	tlsw_wr_vec_end(w, &hs);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_key_update);
