/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials for the KUnit tests: self-signed certificates for
 * CN=tlshake.test and their keys, made once with OpenSSL 3.0:
 *
 *   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
 *	-days 36500 -subj /CN=tlshake.test \
 *	-addext subjectAltName=DNS:tlshake.test ...
 *   (likewise P-384 and rsa:2048), then "openssl x509 -outform DER",
 *   "openssl pkcs8 -topk8 -nocrypt -outform DER" (PKCS#8),
 *   "openssl ec -outform DER" (SEC1), "openssl rsa -traditional
 *   -outform DER" (PKCS#1) and "openssl pkey -pubin -outform DER" (the
 *   SubjectPublicKeyInfo, whose SHA-256 is the pin).
 *
 * Defined in test_creds.c.  Chains are in the form of
 * tlshake_params.cert_chain: each certificate preceded by its three-byte
 * length.
 */
#ifndef _NET_TLSHAKE_TEST_CREDS_H
#define _NET_TLSHAKE_TEST_CREDS_H

#include <linux/types.h>

/**
 * struct tlshake_test_blob - DER bytes
 * @data: the bytes
 * @len: how many
 */
struct tlshake_test_blob {
	const u8 *data;
	unsigned int len;
};

extern const struct tlshake_test_blob tlshake_test_ec256_chain;
extern const struct tlshake_test_blob tlshake_test_ec256_pkcs8;
extern const struct tlshake_test_blob tlshake_test_ec256_sec1;
extern const struct tlshake_test_blob tlshake_test_ec256_spki;
extern const struct tlshake_test_blob tlshake_test_ec384_chain;
extern const struct tlshake_test_blob tlshake_test_ec384_sec1;
extern const struct tlshake_test_blob tlshake_test_ec384_spki;
extern const struct tlshake_test_blob tlshake_test_rsa2048_chain;
extern const struct tlshake_test_blob tlshake_test_rsa2048_pkcs8;
extern const struct tlshake_test_blob tlshake_test_rsa2048_pkcs1;
extern const struct tlshake_test_blob tlshake_test_rsa2048_spki;

#endif /* _NET_TLSHAKE_TEST_CREDS_H */
