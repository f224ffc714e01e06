// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_certificate_request(): the input is a TLS 1.3
 * CertificateRequest body.  What it accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_certificate_request cr;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	size_t skip;
	u8 *out;
	int ret;

	ret = tlsw_parse_certificate_request(data, size, &cr, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_slice(&cr.context, data, size);
	fuzz_check_exts(&cr.ext, TLSW_CTX_CR, data, size);
	FUZZ_ASSERT(tlsw_exts_has(&cr.ext, TLSW_EXTB_SIGNATURE_ALGORITHMS));

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	skip = 1 + cr.context.len + 2;
	FUZZ_ASSERT(size >= skip);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_certificate_request_begin(&w, &m, cr.context.data,
					     cr.context.len);
	tlsw_wr_bytes(&w, data + skip, size - skip);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
