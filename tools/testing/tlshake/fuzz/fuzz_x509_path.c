// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlshake_x509_path_validate(), the path search without the
 * cryptography.  The input is two bytes and a list of DER certificates,
 * each preceded by a 3-byte length: the first byte says how many of the
 * listed certificates are trust anchors (the rest are the peer's chain,
 * end-entity first) and the purpose; the second decides which signature
 * checks succeed, in the order they are made.  A validated path must hold
 * together: each certificate issued by the next, the last an anchor.
 */

#include "fuzz.h"
#include "x509.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/* 2026-01-01T00:00:00Z */
#define FUZZ_NOW	1767225600

struct fuzz_sigs {
	u8 pattern;
	unsigned int calls;
};

static int fuzz_sig_check(void *arg, const struct tlshake_x509_cert *issuer,
			  const struct tlshake_x509_cert *cert)
{
	struct fuzz_sigs *sigs = arg;

	FUZZ_ASSERT(tlshake_x509_name_eq(&issuer->subject, &cert->issuer));
	return sigs->pattern & (1U << (sigs->calls++ % 8)) ? 0 : -EKEYREJECTED;
}

/* Whether a certificate identical to @der is in @list. */
static bool fuzz_listed(const u8 *list, size_t len, const u8 *der, size_t n)
{
	const u8 *p;
	size_t plen;

	while (tlshake_x509_list_next(&list, &len, &p, &plen) > 0)
		if (plen == n && !memcmp(p, der, n))
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_sigs sigs = { 0 };
	struct tlshake_x509_path *path;
	const u8 *list, *der;
	size_t len, n;
	unsigned int i, anchors;
	int ret;

	if (size < 2)
		return 0;
	anchors = data[0] & 0x7f;
	sigs.pattern = data[1];
	list = data + 2;
	len = size - 2;

	path = calloc(1, sizeof(*path));
	FUZZ_ASSERT(path);
	path->anchors = list;
	for (i = 0; i < anchors; i++)
		if (tlshake_x509_list_next(&list, &len, &der, &n) <= 0)
			break;
	path->anchors_len = list - path->anchors;
	path->chain = list;
	path->chain_len = len;
	path->now = FUZZ_NOW;
	path->purpose = data[0] & 0x80 ? TLSHAKE_X509_PURPOSE_CLIENT :
					 TLSHAKE_X509_PURPOSE_SERVER;
	path->sig_check = fuzz_sig_check;
	path->sig_arg = &sigs;

	ret = tlshake_x509_path_validate(path);
	FUZZ_ASSERT(sigs.calls <= TLSHAKE_X509_MAX_SIG_CHECKS);
	FUZZ_ASSERT(sigs.calls == path->sig_checks ||
		    sigs.calls + 1 == path->sig_checks);
	if (ret) {
		FUZZ_ASSERT(ret == -EINVAL || path->err != TLSHAKE_X509_OK);
		if (ret != -EINVAL)
			FUZZ_ASSERT(ret == tlshake_x509_err_errno(path->err));
		free(path);
		return 0;
	}

	FUZZ_ASSERT(path->err == TLSHAKE_X509_OK);
	FUZZ_ASSERT(path->depth >= 1 && path->depth <= TLSHAKE_X509_MAX_DEPTH);
	/* The end-entity certificate comes first, an anchor last. */
	FUZZ_ASSERT(path->certs[0].der.data == path->chain + 3);
	der = path->certs[path->depth - 1].der.data;
	n = path->certs[path->depth - 1].der.len;
	FUZZ_ASSERT(fuzz_listed(path->anchors, path->anchors_len, der, n));
	for (i = 0; i < path->depth; i++) {
		const struct tlshake_x509_cert *c = &path->certs[i];

		FUZZ_ASSERT(c->not_before <= FUZZ_NOW &&
			    c->not_after >= FUZZ_NOW);
		if (i + 1 < path->depth)
			FUZZ_ASSERT(tlshake_x509_name_eq(&c[0].issuer,
							 &c[1].subject));
		if (i)
			FUZZ_ASSERT(c->ca || c->version == 1);
	}
	free(path);
	return 0;
}
