// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_key_update(): the input is a KeyUpdate body.  Exactly
 * one byte, 0 or 1, is accepted, and rebuilds to itself.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_wr w;
	bool requested;
	u8 out[5];
	int ret;

	ret = tlsw_parse_key_update(data, size, &requested, &alert);
	fuzz_check_error(ret, alert);
	FUZZ_ASSERT(!ret == (size == 1 && data[0] <= 1));
	if (ret)
		return 0;
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_key_update(&w, requested);
	FUZZ_ASSERT(!tlsw_wr_error(&w) && w.len == sizeof(out));
	FUZZ_ASSERT(out[TLSW_HS_HEADER_LEN] == data[0]);
	return 0;
}
