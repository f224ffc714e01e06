/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TLS 1.3 key schedule (RFC 8446 sections 7.1 to 7.3 and 4.4.4).
 */
#ifndef _NET_TLSHAKE_KEY_SCHEDULE_H
#define _NET_TLSHAKE_KEY_SCHEDULE_H

#include <linux/types.h>

#include "kdf.h"

/* RFC 8446 section 5.3: the per-record nonce is as long as the AEAD's. */
#define TLSHAKE_IV_LEN		12
/* AES-256-GCM and ChaCha20-Poly1305 keys; AES-128-GCM/CCM use 16 bytes. */
#define TLSHAKE_MAX_KEY_LEN	32

/**
 * enum tlshake_ks_stage - how far a key schedule has advanced
 * @TLSHAKE_KS_NONE: no secret: not started, or a derivation failed and
 *	the secrets were wiped; every step fails
 * @TLSHAKE_KS_EARLY: the early secret is known
 * @TLSHAKE_KS_HANDSHAKE: the handshake secret and traffic secrets are known
 * @TLSHAKE_KS_MASTER: the master secret and application secrets are known
 * @TLSHAKE_KS_RESUMPTION: the resumption master secret is known as well
 */
enum tlshake_ks_stage {
	TLSHAKE_KS_NONE,
	TLSHAKE_KS_EARLY,
	TLSHAKE_KS_HANDSHAKE,
	TLSHAKE_KS_MASTER,
	TLSHAKE_KS_RESUMPTION,
};

/**
 * struct tlshake_key_schedule - the secrets of one TLS 1.3 handshake
 * @kdf: HKDF with the hash function of the cipher suite
 * @stage: how far the schedule has advanced
 * @psk: whether the early secret comes from a pre-shared key
 * @secret: the early, then handshake, then master secret; each replaces the
 *	one before, which is no longer needed, and the master secret is wiped
 *	once the resumption master secret is derived
 * @binder_key: the PSK binder key, once tlshake_ks_binder_key() ran
 * @client_hs: client_handshake_traffic_secret
 * @server_hs: server_handshake_traffic_secret
 * @client_app: client_application_traffic_secret_0
 * @server_app: server_application_traffic_secret_0
 * @exporter: exporter_master_secret
 * @resumption: resumption_master_secret
 *
 * Each secret is tlshake_hash_len() bytes long (@kdf.hash_len).  Every field
 * is wiped by tlshake_ks_free().
 */
struct tlshake_key_schedule {
	struct tlshake_kdf kdf;
	enum tlshake_ks_stage stage;
	bool psk;
	u8 secret[TLSHAKE_MAX_HASH_LEN];
	u8 binder_key[TLSHAKE_MAX_HASH_LEN];
	u8 client_hs[TLSHAKE_MAX_HASH_LEN];
	u8 server_hs[TLSHAKE_MAX_HASH_LEN];
	u8 client_app[TLSHAKE_MAX_HASH_LEN];
	u8 server_app[TLSHAKE_MAX_HASH_LEN];
	u8 exporter[TLSHAKE_MAX_HASH_LEN];
	u8 resumption[TLSHAKE_MAX_HASH_LEN];
};

int tlshake_ks_init(struct tlshake_key_schedule *ks, enum tlshake_hash hash,
		    const u8 *psk, unsigned int psk_len);
void tlshake_ks_free(struct tlshake_key_schedule *ks);
int tlshake_ks_binder_key(struct tlshake_key_schedule *ks, bool external);
int tlshake_ks_handshake(struct tlshake_key_schedule *ks,
			 const u8 *shared, unsigned int shared_len,
			 const u8 *transcript_hash);
int tlshake_ks_master(struct tlshake_key_schedule *ks,
		      const u8 *transcript_hash);
int tlshake_ks_resumption(struct tlshake_key_schedule *ks,
			  const u8 *transcript_hash);
int tlshake_ks_ticket_psk(struct tlshake_key_schedule *ks,
			  const u8 *nonce, unsigned int nonce_len, u8 *psk);
int tlshake_ks_traffic_keys(struct tlshake_key_schedule *ks,
			    const u8 *traffic_secret,
			    u8 *key, unsigned int key_len, u8 *iv);
int tlshake_ks_finished(struct tlshake_key_schedule *ks, const u8 *base_key,
			const u8 *transcript_hash, u8 *verify_data);
int tlshake_ks_verify_finished(struct tlshake_key_schedule *ks,
			       const u8 *base_key, const u8 *transcript_hash,
			       const u8 *verify_data, unsigned int len);

#endif /* _NET_TLSHAKE_KEY_SCHEDULE_H */
