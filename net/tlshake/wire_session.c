// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: a TLS 1.2 session in the form a caller keeps to resume it.
 * The caller holds it as opaque bytes and may hand back anything, so it
 * is parsed as strictly as a peer's message.
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
