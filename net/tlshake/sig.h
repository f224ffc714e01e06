/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signatures: the handshake's interface to ECDSA and RSA.
 *
 * Schemes are named by their TLS SignatureScheme code points (RFC 8446,
 * 4.2.3).  An ECDSA scheme names its curve as well as its hash, as TLS 1.3
 * requires, so a key only fits the scheme of its own curve.
 */
#ifndef _NET_TLSHAKE_SIG_H
#define _NET_TLSHAKE_SIG_H

#include "pure.h"

#define TLSHAKE_SIG_RSA_PKCS1_SHA256		0x0401
#define TLSHAKE_SIG_RSA_PKCS1_SHA384		0x0501
#define TLSHAKE_SIG_RSA_PKCS1_SHA512		0x0601
#define TLSHAKE_SIG_ECDSA_SECP256R1_SHA256	0x0403
#define TLSHAKE_SIG_ECDSA_SECP384R1_SHA384	0x0503
#define TLSHAKE_SIG_RSA_PSS_RSAE_SHA256		0x0804
#define TLSHAKE_SIG_RSA_PSS_RSAE_SHA384		0x0805
#define TLSHAKE_SIG_RSA_PSS_RSAE_SHA512		0x0806

/* The longest RSA modulus, signature and ciphertext: 4096 bits. */
#define TLSHAKE_RSA_MAX_BYTES			512

/* The longest digest a scheme uses (SHA-512). */
#define TLSHAKE_SIG_MAX_DIGEST			64

/**
 * enum tlshake_key_type - the kinds of key signatures are made with
 * @TLSHAKE_KEY_EC_P256: NIST P-256 (secp256r1)
 * @TLSHAKE_KEY_EC_P384: NIST P-384 (secp384r1)
 * @TLSHAKE_KEY_RSA: RSA with a 2048, 3072 or 4096-bit modulus
 */
enum tlshake_key_type {
	TLSHAKE_KEY_EC_P256 = 1,
	TLSHAKE_KEY_EC_P384,
	TLSHAKE_KEY_RSA,
};

struct tlshake_pubkey;
struct tlshake_privkey;

struct tlshake_pubkey *tlshake_pubkey_new_ec(enum tlshake_key_type type,
					     const u8 *point, size_t len);
struct tlshake_pubkey *tlshake_pubkey_new_rsa(const u8 *der, size_t len);
struct tlshake_pubkey *tlshake_pubkey_get(struct tlshake_pubkey *key);
void tlshake_pubkey_free(struct tlshake_pubkey *key);

struct tlshake_privkey *tlshake_privkey_new_ec(enum tlshake_key_type type,
					       const u8 *scalar, size_t len);
struct tlshake_privkey *tlshake_privkey_new_rsa(const u8 *der, size_t len);
struct tlshake_privkey *tlshake_privkey_get(struct tlshake_privkey *key);
void tlshake_privkey_free(struct tlshake_privkey *key);
enum tlshake_key_type tlshake_privkey_type(const struct tlshake_privkey *key);
enum tlshake_key_type tlshake_pubkey_type(const struct tlshake_pubkey *key);

/* RSA encryption and decryption, for TLS 1.2's RSA key transport
 * (sig_rsa.c); the premaster secret is 48 bytes (RFC 5246 7.4.7.1).
 */
#define TLSHAKE_RSA_PMS_LEN	48

int tlshake_rsa_encrypt_pkcs1(const struct tlshake_pubkey *key,
			      const u8 *msg, size_t len, u8 *out,
			      size_t *out_len);
int tlshake_rsa_decrypt_pms(const struct tlshake_privkey *key, const u8 *ct,
			    size_t ct_len, u8 *pms, u16 version);

unsigned int tlshake_sig_digest_len(u16 scheme);
bool tlshake_sig_key_fits(const struct tlshake_pubkey *key, u16 scheme);
bool tlshake_sig_key_fits_priv(const struct tlshake_privkey *key, u16 scheme);
bool tlshake_sig_key_fits_tls12(const struct tlshake_pubkey *key, u16 scheme);
int tlshake_sig_verify(const struct tlshake_pubkey *key, u16 scheme,
		       const u8 *msg, size_t msg_len,
		       const u8 *sig, size_t sig_len);
int tlshake_sig_verify_tls12(const struct tlshake_pubkey *key, u16 scheme,
			     const u8 *msg, size_t msg_len,
			     const u8 *sig, size_t sig_len);
int tlshake_sig_verify_digest(const struct tlshake_pubkey *key, u16 scheme,
			      const u8 *digest, size_t digest_len,
			      const u8 *sig, size_t sig_len);
int tlshake_sig_verify_digest_tls12(const struct tlshake_pubkey *key,
				    u16 scheme, const u8 *digest,
				    size_t digest_len, const u8 *sig,
				    size_t sig_len);
size_t tlshake_sig_max_len(const struct tlshake_privkey *key);
int tlshake_sig_sign(const struct tlshake_privkey *key, u16 scheme,
		     const u8 *msg, size_t msg_len, u8 *sig, size_t *sig_len);
bool tlshake_sig_key_fits_priv_tls12(const struct tlshake_privkey *key,
				     u16 scheme);
int tlshake_sig_sign_tls12(const struct tlshake_privkey *key, u16 scheme,
			   const u8 *msg, size_t msg_len, u8 *sig,
			   size_t *sig_len);
int tlshake_sig_sign_digest_tls12(const struct tlshake_privkey *key,
				  u16 scheme, const u8 *digest,
				  size_t digest_len, u8 *sig, size_t *sig_len);

#endif /* _NET_TLSHAKE_SIG_H */
