// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_new_session_ticket(): the input is a TLS 1.3
 * NewSessionTicket body.  What it accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_new_session_ticket nst;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	size_t skip;
	u8 *out;
	int ret;

	ret = tlsw_parse_new_session_ticket(data, size, &nst, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_slice(&nst.nonce, data, size);
	fuzz_check_slice(&nst.ticket, data, size);
	fuzz_check_exts(&nst.ext, TLSW_CTX_NST, data, size);

	/* The builder refuses the lifetimes RFC 8446 forbids servers. */
	if (nst.lifetime > 604800)
		return 0;
	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	skip = 8 + 1 + nst.nonce.len + 2 + nst.ticket.len + 2;
	FUZZ_ASSERT(size >= skip);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_new_session_ticket_begin(&w, &m, nst.lifetime, nst.age_add,
					    nst.nonce.data, nst.nonce.len,
					    nst.ticket.data, nst.ticket.len);
	tlsw_wr_bytes(&w, data + skip, size - skip);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
