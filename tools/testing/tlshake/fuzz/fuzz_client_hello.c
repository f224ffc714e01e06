// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_client_hello(): the input is a ClientHello body.  What it
 * accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct tlsw_client_hello ch;
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_msg_wr m;
	struct tlsw_wr w;
	u16 *suites;
	size_t i, n;
	u8 *out;
	int ret;

	ret = tlsw_parse_client_hello(data, size, &ch, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;

	fuzz_touch(ch.random, TLSW_RANDOM_LEN);
	FUZZ_ASSERT(ch.random == data + 2);
	FUZZ_ASSERT(ch.session_id.len <= TLSW_SESSION_ID_MAX);
	fuzz_check_slice(&ch.session_id, data, size);
	FUZZ_ASSERT(ch.cipher_suites.len >= 2);
	fuzz_check_u16_list(&ch.cipher_suites, data, size);
	FUZZ_ASSERT(ch.compression_methods.len >= 1);
	fuzz_check_slice(&ch.compression_methods, data, size);
	fuzz_check_slice(&ch.extensions, data, size);
	fuzz_check_exts(&ch.ext, TLSW_CTX_CH, data, size);

	/* What the builder can write: version 0x0303, null compression. */
	if (ch.legacy_version != TLSW_VERSION_TLS12 || !ch.extensions.data ||
	    ch.compression_methods.len != 1 || ch.compression_methods.data[0])
		return 0;
	n = tlsw_u16_list_count(&ch.cipher_suites);
	suites = malloc(n * sizeof(*suites));
	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(suites && out);
	for (i = 0; i < n; i++)
		suites[i] = tlsw_u16_list_at(&ch.cipher_suites, i);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_client_hello_begin(&w, &m, ch.random, ch.session_id.data,
				      ch.session_id.len, suites, n);
	tlsw_wr_bytes(&w, ch.extensions.data, ch.extensions.len);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out[0] == TLSW_HS_CLIENT_HELLO);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(suites);
	free(out);
	return 0;
}
