// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_certificate_verify(): the input is a CertificateVerify
 * body.  What it accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_certificate_verify cv;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_certificate_verify(data, size, &cv, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_slice(&cv.signature, data, size);

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_certificate_verify(&w, cv.scheme, cv.signature.data,
				      cv.signature.len);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out[0] == TLSW_HS_CERTIFICATE_VERIFY);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
