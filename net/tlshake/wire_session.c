// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: a TLS 1.2 session in the form a caller keeps to resume it.
 * The caller holds it as opaque bytes and may hand back anything, so it
 * is parsed as strictly as a peer's message.  And a server's session, in
 * the form sealed in its tickets (RFC 5077): what a ticket opens to was
 * sealed by us, but the ticket around it is the client's bytes.
 */

#include "wire.h"

#define TLSW_SESSION_FORMAT	1

/**
 * tlsw_parse_session() - parse a kept session
 * @buf: its serialised form (see struct tlsw_session)
 * @len: its length
 * @s: the parsed session, pointing into @buf
 *
 * Return: 0, or -EINVAL if @buf is not a session of this format: another
 * format or version, a field out of bounds, trailing bytes, or neither a
 * session ID nor a ticket to resume with.
 */
int tlsw_parse_session(const u8 *buf, size_t len, struct tlsw_session *s)
{
	struct tlsw_slice r, master;
	u16 version;
	u8 format;

	memset(s, 0, sizeof(*s));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u8(&r, &format) || format != TLSW_SESSION_FORMAT ||
	    tlsw_rd_u16(&r, &version) || version != TLSW_VERSION_TLS12 ||
	    tlsw_rd_u16(&r, &s->cipher_suite) ||
	    tlsw_rd_vec(&r, 1, 0, TLSW_SESSION_ID_MAX, &s->session_id) ||
	    tlsw_rd_bytes(&r, TLSW_MASTER_SECRET_LEN, &master) ||
	    tlsw_rd_vec(&r, 2, 0, 0xffff, &s->ticket) || tlsw_rd_end(&r) ||
	    (!s->session_id.len && !s->ticket.len))
		return -EINVAL;
	s->master_secret = master.data;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_session);

/**
 * tlsw_session_len() - the length of a session's serialised form
 * @s: the session
 *
 * Return: the bytes tlsw_build_session() writes.
 */
size_t tlsw_session_len(const struct tlsw_session *s)
{
	return 1 + 2 + 2 + 1 + s->session_id.len + TLSW_MASTER_SECRET_LEN +
	       2 + s->ticket.len;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_session_len);

/**
 * tlsw_build_session() - serialise a session
 * @w: the cursor, with room for tlsw_session_len() bytes
 * @s: the session: a session ID of at most 32 bytes, a ticket of at most
 *	65535
 */
void tlsw_build_session(struct tlsw_wr *w, const struct tlsw_session *s)
{
	struct tlsw_wr_vec v;

	if (s->session_id.len > TLSW_SESSION_ID_MAX ||
	    s->ticket.len > 0xffff) {
		tlsw_wr_fail(w, -EINVAL);
		return;
	}
	tlsw_wr_u8(w, TLSW_SESSION_FORMAT);
	tlsw_wr_u16(w, TLSW_VERSION_TLS12);
	tlsw_wr_u16(w, s->cipher_suite);
	tlsw_wr_vec_begin(w, 1, &v);
	tlsw_wr_bytes(w, s->session_id.data, s->session_id.len);
	tlsw_wr_vec_end(w, &v);
	tlsw_wr_bytes(w, s->master_secret, TLSW_MASTER_SECRET_LEN);
	tlsw_wr_vec_begin(w, 2, &v);
	tlsw_wr_bytes(w, s->ticket.data, s->ticket.len);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_session);

#define TLSW_SERVER_SESSION_FORMAT	1

/**
 * tlsw_parse_server_session() - parse a server's session state
 * @buf: its serialised form (see struct tlsw_server_session)
 * @len: its length
 * @s: the session, copied out of @buf
 *
 * Return: 0, or -EINVAL if @buf is not a session of this format: another
 * format or version, another length, or flags this format does not
 * define.
 */
int tlsw_parse_server_session(const u8 *buf, size_t len,
			      struct tlsw_server_session *s)
{
	struct tlsw_slice r, master, context, peer;
	u32 created_hi, created_lo;
	u8 format;
	u16 version;

	memset(s, 0, sizeof(*s));
	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_u8(&r, &format) || format != TLSW_SERVER_SESSION_FORMAT ||
	    tlsw_rd_u16(&r, &version) || version != TLSW_VERSION_TLS12 ||
	    tlsw_rd_u16(&r, &s->cipher_suite) || tlsw_rd_u8(&r, &s->flags) ||
	    tlsw_rd_u32(&r, &created_hi) || tlsw_rd_u32(&r, &created_lo) ||
	    tlsw_rd_bytes(&r, TLSW_MASTER_SECRET_LEN, &master) ||
	    tlsw_rd_bytes(&r, TLSW_SESSION_DIGEST_LEN, &context) ||
	    tlsw_rd_bytes(&r, TLSW_SESSION_DIGEST_LEN, &peer) ||
	    tlsw_rd_end(&r) ||
	    s->flags & ~(TLSW_SESSION_EMS | TLSW_SESSION_PEER |
			 TLSW_SESSION_PEER_VERIFIED)) {
		memset(s, 0, sizeof(*s));
		return -EINVAL;
	}
	s->created = (u64)created_hi << 32 | created_lo;
	memcpy(s->master_secret, master.data, master.len);
	memcpy(s->context, context.data, context.len);
	memcpy(s->peer, peer.data, peer.len);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_server_session);

/**
 * tlsw_build_server_session() - serialise a server's session state
 * @w: the cursor, with room for TLSW_SERVER_SESSION_LEN bytes
 * @s: the session
 */
void tlsw_build_server_session(struct tlsw_wr *w,
			       const struct tlsw_server_session *s)
{
	tlsw_wr_u8(w, TLSW_SERVER_SESSION_FORMAT);
	tlsw_wr_u16(w, TLSW_VERSION_TLS12);
	tlsw_wr_u16(w, s->cipher_suite);
	tlsw_wr_u8(w, s->flags);
	tlsw_wr_u32(w, s->created >> 32);
	tlsw_wr_u32(w, (u32)s->created);
	tlsw_wr_bytes(w, s->master_secret, TLSW_MASTER_SECRET_LEN);
	tlsw_wr_bytes(w, s->context, TLSW_SESSION_DIGEST_LEN);
	tlsw_wr_bytes(w, s->peer, TLSW_SESSION_DIGEST_LEN);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_server_session);

/**
 * tlsw_parse_ticket() - split a session ticket into its parts
 * @buf: the ticket, as the client's ClientHello carries it
 * @len: its length
 * @t: its parts, pointing into @buf
 *
 * Only a ticket of the length ours have is one of ours.
 *
 * Return: 0, or -EINVAL if @buf is not of that length.
 */
int tlsw_parse_ticket(const u8 *buf, size_t len, struct tlsw_ticket *t)
{
	struct tlsw_slice r;

	tlsw_slice_init(&r, buf, len);
	if (tlsw_rd_bytes(&r, TLSW_TICKET_KEY_NAME_LEN, &t->key_name) ||
	    tlsw_rd_bytes(&r, TLSW_TICKET_IV_LEN, &t->iv) ||
	    tlsw_rd_bytes(&r, TLSW_SERVER_SESSION_LEN + TLSW_TICKET_TAG_LEN,
			  &t->sealed) ||
	    tlsw_rd_end(&r))
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_ticket);
