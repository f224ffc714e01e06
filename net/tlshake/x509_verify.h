/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Certificate chain verification in the kernel: x509.h's path validation
 * with the certificates' signatures checked by sig.h.
 */
#ifndef _NET_TLSHAKE_X509_VERIFY_H
#define _NET_TLSHAKE_X509_VERIFY_H

#include <linux/types.h>

#include "x509.h"

int tlshake_x509_check_sig(void *arg, const struct tlshake_x509_cert *issuer,
			   const struct tlshake_x509_cert *cert);
int tlshake_x509_verify_chain(const u8 *chain, size_t chain_len,
			      const u8 *anchors, size_t anchors_len,
			      time64_t now, enum tlshake_x509_purpose purpose,
			      const char *host, enum tlshake_x509_err *reason);

#endif /* _NET_TLSHAKE_X509_VERIFY_H */
