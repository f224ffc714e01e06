// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_certificate(): the input is a TLS 1.3 Certificate body.
 * Its entries must read back to the count the parser gave, and what it
 * accepts must rebuild to the same bytes.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_certificate cert;
	struct tlsw_cert_entry entry;
	struct tlsw_slice it;
	struct tlsw_msg_wr m;
	unsigned int n = 0;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_certificate(data, size, &cert, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_slice(&cert.context, data, size);
	fuzz_check_slice(&cert.entries, data, size);

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_certificate_begin(&w, &m, cert.context.data,
				     cert.context.len);
	it = cert.entries;
	while (tlsw_cert_entry_next(&it, &entry)) {
		fuzz_check_slice(&entry.cert, data, size);
		FUZZ_ASSERT(entry.cert.len > 0);
		/* We ask for no extension a CertificateEntry may carry. */
		FUZZ_ASSERT(entry.extensions.len == 0);
		tlsw_build_cert_entry(&w, entry.cert.data, entry.cert.len);
		n++;
	}
	FUZZ_ASSERT(n == cert.count);
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	return 0;
}
