// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlshake_x509_parse(): the input is a DER certificate.  What it
 * accepts must point inside the input, keep the invariants the path
 * validation relies on, and survive the readers of its parts: the Names
 * printed, the subjectAltName walked, host names checked against it.
 */

#include "fuzz.h"
#include "x509.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static void fuzz_check_span(const struct tlshake_x509_span *s, const u8 *data,
			    size_t size)
{
	struct tlsw_slice slice = { .data = s->data, .len = s->len };

	fuzz_check_slice(&slice, data, size);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const char *const hosts[] = {
		"www.example.com", "example.com", "a.b.example.com",
		"192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1",
	};
	struct tlshake_x509_cert cert;
	struct tlshake_x509_span spki;
	struct tlshake_x509_gn gn;
	struct tlshake_der it;
	unsigned int i;
	char name[64];
	int ret;

	ret = tlshake_x509_parse(data, size, &cert);
	FUZZ_ASSERT(ret == 0 || ret == -EBADMSG || ret == -ENOPKG ||
		    ret == -EOPNOTSUPP);
	if (ret)
		return 0;

	/* The whole input is the certificate, the TBSCertificate in it. */
	FUZZ_ASSERT(cert.der.data == data && cert.der.len == size);
	fuzz_check_span(&cert.tbs, data, size);
	fuzz_check_span(&cert.serial, data, size);
	fuzz_check_span(&cert.issuer, data, size);
	fuzz_check_span(&cert.subject, data, size);
	fuzz_check_span(&cert.sig, data, size);
	fuzz_check_span(&cert.san, data, size);
	fuzz_check_span(&cert.aki, data, size);
	fuzz_check_span(&cert.ski, data, size);
	spki.data = cert.spki.der;
	spki.len = cert.spki.der_len;
	fuzz_check_span(&spki, data, size);
	spki.data = cert.spki.key;
	spki.len = cert.spki.key_len;
	fuzz_check_span(&spki, data, size);

	FUZZ_ASSERT(cert.version >= 1 && cert.version <= 3);
	FUZZ_ASSERT(cert.sig_alg >= TLSHAKE_X509_SIG_RSA_PKCS1_SHA256 &&
		    cert.sig_alg <= TLSHAKE_X509_SIG_ECDSA_SHA384);
	FUZZ_ASSERT(cert.issuer.len > 2 && cert.subject.len >= 2);
	FUZZ_ASSERT(cert.serial.len >= 1 && cert.serial.len <= 21);
	FUZZ_ASSERT(cert.sig.len >= 1);
	FUZZ_ASSERT(cert.version == 3 || !cert.has);
	FUZZ_ASSERT(!(cert.key_usage & ~0x1ff));
	if (cert.spki.alg == TLSHAKE_KEY_EC_P256)
		FUZZ_ASSERT(cert.spki.key_len == 65);
	else if (cert.spki.alg == TLSHAKE_KEY_EC_P384)
		FUZZ_ASSERT(cert.spki.key_len == 97);
	else
		FUZZ_ASSERT(cert.spki.alg == TLSHAKE_KEY_RSA);

	/* The names print, whatever they hold, within the buffer. */
	FUZZ_ASSERT(tlshake_x509_name_print(&cert.subject, name,
					    sizeof(name)) < sizeof(name));
	FUZZ_ASSERT(strlen(name) < sizeof(name));
	tlshake_x509_name_print(&cert.issuer, name, sizeof(name));
	FUZZ_ASSERT(tlshake_x509_name_print(&cert.issuer, name, 0) == 0);
	FUZZ_ASSERT(tlshake_x509_name_print(&cert.issuer, name, 1) == 0);

	/* The subjectAltName was checked whole: reading it uses every byte. */
	FUZZ_ASSERT(!cert.san.len == !(cert.has & TLSHAKE_X509_HAS_SAN));
	tlshake_x509_san_init(&it, &cert);
	while (tlshake_x509_san_next(&it, &gn)) {
		FUZZ_ASSERT(gn.type <= 8);
		if (gn.type == TLSHAKE_X509_GN_IP)
			FUZZ_ASSERT(gn.len == 4 || gn.len == 16);
		fuzz_touch(gn.data, gn.len);
	}
	FUZZ_ASSERT(it.len == 0);

	for (i = 0; i < ARRAY_SIZE(hosts); i++) {
		ret = tlshake_x509_check_host(&cert, hosts[i],
					      strlen(hosts[i]));
		FUZZ_ASSERT(ret == 0 || ret == -EACCES);
		if (!ret)
			FUZZ_ASSERT(cert.has & TLSHAKE_X509_HAS_SAN);
	}
	return 0;
}
