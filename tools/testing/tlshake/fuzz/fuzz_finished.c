// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_finished(): the input is a Finished body, tried with the
 * verify_data lengths of TLS 1.2, SHA-256 and SHA-384 suites.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const size_t lens[] = { 12, 32, 48 };
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_slice vd;
	struct tlsw_wr w;
	size_t i;
	u8 *out;
	int ret;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		ret = tlsw_parse_finished(data, size, lens[i], &vd, &alert);
		fuzz_check_error(ret, alert);
		FUZZ_ASSERT(!ret == (size == lens[i]));
		if (ret)
			continue;
		fuzz_check_slice(&vd, data, size);
		out = malloc(size + TLSW_HS_HEADER_LEN);
		FUZZ_ASSERT(out);
		tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
		tlsw_build_finished(&w, vd.data, vd.len);
		FUZZ_ASSERT(!tlsw_wr_error(&w));
		FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
		free(out);
	}
	return 0;
}
