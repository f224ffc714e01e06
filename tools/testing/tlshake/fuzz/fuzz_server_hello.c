// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_server_hello(): the input is a ServerHello or
 * HelloRetryRequest body.  What it accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct tlsw_server_hello sh;
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	enum tlsw_ext_ctx ctx;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_server_hello(data, size, &sh, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;

	fuzz_touch(sh.random, TLSW_RANDOM_LEN);
	FUZZ_ASSERT(sh.random == data + 2);
	FUZZ_ASSERT(sh.session_id.len <= TLSW_SESSION_ID_MAX);
	fuzz_check_slice(&sh.session_id, data, size);
	fuzz_check_slice(&sh.extensions, data, size);
	if (sh.hrr)
		ctx = TLSW_CTX_HRR;
	else if (tlsw_exts_has(&sh.ext, TLSW_EXTB_SUPPORTED_VERSIONS))
		ctx = TLSW_CTX_SH;
	else
		ctx = TLSW_CTX_SH12;
	fuzz_check_exts(&sh.ext, ctx, data, size);
	if (ctx == TLSW_CTX_SH12) {
		FUZZ_ASSERT(sh.version == sh.legacy_version);
	} else {
		FUZZ_ASSERT(sh.version == TLSW_VERSION_TLS13);
		FUZZ_ASSERT(sh.legacy_version == TLSW_VERSION_TLS12);
	}

	if (sh.legacy_version != TLSW_VERSION_TLS12 || !sh.extensions.data)
		return 0;
	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	if (sh.hrr)
		tlsw_build_hello_retry_request_begin(&w, &m, sh.session_id.data,
						     sh.session_id.len,
						     sh.cipher_suite);
	else
		tlsw_build_server_hello_begin(&w, &m, sh.random,
					      sh.session_id.data,
					      sh.session_id.len,
					      sh.cipher_suite);
	tlsw_wr_bytes(&w, sh.extensions.data, sh.extensions.len);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
