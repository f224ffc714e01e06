// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_encrypted_extensions(): the input is an
 * EncryptedExtensions body.  What it accepts must rebuild to the same
 * bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_exts ext;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_encrypted_extensions(data, size, &ext, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_exts(&ext, TLSW_CTX_EE, data, size);
	FUZZ_ASSERT(size >= 2);

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_encrypted_extensions_begin(&w, &m);
	tlsw_wr_bytes(&w, data + 2, size - 2);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
