// SPDX-License-Identifier: GPL-2.0
/*
 * The TLS 1.3 key schedule (RFC 8446 section 7.1):
 *
 *   PSK or 0 -> HKDF-Extract = Early Secret -> binder keys
 *   Derive-Secret(., "derived", "") as salt, (EC)DHE as IKM
 *     -> HKDF-Extract = Handshake Secret -> handshake traffic secrets
 *   Derive-Secret(., "derived", "") as salt, 0 as IKM
 *     -> HKDF-Extract = Master Secret -> application traffic secrets,
 *        exporter and resumption master secrets
 *
 * The caller passes the transcript hashes; the steps must come in order.
 */

#include <crypto/algapi.h>
#include <kunit/visibility.h>
#include <linux/string.h>

#include "key_schedule.h"

static const u8 zeros[TLSHAKE_MAX_HASH_LEN];

/* Wipe every secret but keep the HMAC transform until tlshake_ks_free(). */
static void ks_wipe(struct tlshake_key_schedule *ks)
{
	memzero_explicit(ks->secret, sizeof(ks->secret));
	memzero_explicit(ks->binder_key, sizeof(ks->binder_key));
	memzero_explicit(ks->client_hs, sizeof(ks->client_hs));
	memzero_explicit(ks->server_hs, sizeof(ks->server_hs));
	memzero_explicit(ks->client_app, sizeof(ks->client_app));
	memzero_explicit(ks->server_app, sizeof(ks->server_app));
	memzero_explicit(ks->exporter, sizeof(ks->exporter));
	memzero_explicit(ks->resumption, sizeof(ks->resumption));
}

/* After a failed derivation nothing half-derived may be used. */
static int ks_step_done(struct tlshake_key_schedule *ks, int err,
			enum tlshake_ks_stage next)
{
	if (err) {
		ks_wipe(ks);
		ks->stage = TLSHAKE_KS_NONE;
		return err;
	}
	ks->stage = next;
	return 0;
}

/**
 * tlshake_ks_init() - start a key schedule with the early secret
 * @ks: the key schedule
 * @hash: the hash function of the cipher suite
 * @psk: the pre-shared key, or NULL for a handshake without one
 * @psk_len: its length in bytes; 0 without a PSK
 *
 * Early Secret = HKDF-Extract(0, PSK), where a missing PSK is HashLen zero
 * bytes.  Whatever the result, @ks is released with tlshake_ks_free().
 *
 * Return: 0, -EINVAL for an unknown @hash or a @psk/@psk_len mismatch, or
 * a negative errno from the crypto API.
 */
int tlshake_ks_init(struct tlshake_key_schedule *ks, enum tlshake_hash hash,
		    const u8 *psk, unsigned int psk_len)
{
	int err;

	memset(ks, 0, sizeof(*ks));
	if (!psk != !psk_len)
		return -EINVAL;

	err = tlshake_kdf_init(&ks->kdf, hash);
	if (err)
		return err;

	ks->psk = !!psk;
	if (!psk) {
		psk = zeros;
		psk_len = ks->kdf.hash_len;
	}
	err = tlshake_hkdf_extract(&ks->kdf, NULL, 0, psk, psk_len,
				   ks->secret);
	return ks_step_done(ks, err, TLSHAKE_KS_EARLY);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_init);

/**
 * tlshake_ks_free() - wipe every secret and release the key schedule
 * @ks: the key schedule; may be zeroed or partly initialised
 */
void tlshake_ks_free(struct tlshake_key_schedule *ks)
{
	tlshake_kdf_free(&ks->kdf);
	memzero_explicit(ks, sizeof(*ks));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_free);

/**
 * tlshake_ks_binder_key() - derive the PSK binder key into @ks->binder_key
 * @ks: a key schedule started with a PSK, at the early stage
 * @external: true for an external PSK ("ext binder"), false for a
 *	resumption PSK ("res binder")
 *
 * The binder itself is tlshake_ks_finished() with @ks->binder_key as the
 * base key and the hash of the truncated ClientHello (RFC 8446 section
 * 4.2.11.2); a received binder is checked with tlshake_ks_verify_finished().
 *
 * Return: 0, -EINVAL without a PSK or past the early stage, or a negative
 * errno from the crypto API.
 */
int tlshake_ks_binder_key(struct tlshake_key_schedule *ks, bool external)
{
	int err;

	if (ks->stage != TLSHAKE_KS_EARLY || !ks->psk)
		return -EINVAL;

	err = tlshake_derive_secret(&ks->kdf, ks->secret,
				    external ? "ext binder" : "res binder",
				    NULL, ks->binder_key);
	return ks_step_done(ks, err, TLSHAKE_KS_EARLY);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_binder_key);

/**
 * tlshake_ks_handshake() - derive the handshake secret and traffic secrets
 * @ks: the key schedule, at the early stage
 * @shared: the (EC)DHE shared secret, or HashLen zero bytes for a PSK-only
 *	handshake (psk_ke)
 * @shared_len: its length in bytes
 * @transcript_hash: Transcript-Hash(ClientHello...ServerHello)
 *
 * Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived",
 * ""), (EC)DHE), then @ks->client_hs and @ks->server_hs ("c hs traffic",
 * "s hs traffic").  The early secret and binder key are wiped.
 *
 * Return: 0, -EINVAL out of order or without a shared secret, or a
 * negative errno from the crypto API (the schedule has then failed).
 */
int tlshake_ks_handshake(struct tlshake_key_schedule *ks,
			 const u8 *shared, unsigned int shared_len,
			 const u8 *transcript_hash)
{
	struct tlshake_kdf *kdf = &ks->kdf;
	u8 derived[TLSHAKE_MAX_HASH_LEN];
	int err;

	if (ks->stage != TLSHAKE_KS_EARLY || !shared_len)
		return -EINVAL;

	err = tlshake_derive_secret(kdf, ks->secret, "derived", NULL,
				    derived) ?:
	      tlshake_hkdf_extract(kdf, derived, kdf->hash_len,
				   shared, shared_len, ks->secret) ?:
	      tlshake_derive_secret(kdf, ks->secret, "c hs traffic",
				    transcript_hash, ks->client_hs) ?:
	      tlshake_derive_secret(kdf, ks->secret, "s hs traffic",
				    transcript_hash, ks->server_hs);
	memzero_explicit(derived, sizeof(derived));
	memzero_explicit(ks->binder_key, sizeof(ks->binder_key));
	return ks_step_done(ks, err, TLSHAKE_KS_HANDSHAKE);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_handshake);

/**
 * tlshake_ks_master() - derive the master secret and application secrets
 * @ks: the key schedule, at the handshake stage
 * @transcript_hash: Transcript-Hash(ClientHello...server Finished)
 *
 * Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived",
 * ""), 0), then @ks->client_app, @ks->server_app and @ks->exporter ("c ap
 * traffic", "s ap traffic", "exp master").  The handshake secret is wiped;
 * the handshake traffic secrets stay for the client Finished.
 *
 * Return: 0, -EINVAL out of order, or a negative errno from the crypto API
 * (the schedule has then failed).
 */
int tlshake_ks_master(struct tlshake_key_schedule *ks,
		      const u8 *transcript_hash)
{
	struct tlshake_kdf *kdf = &ks->kdf;
	u8 derived[TLSHAKE_MAX_HASH_LEN];
	int err;

	if (ks->stage != TLSHAKE_KS_HANDSHAKE)
		return -EINVAL;

	err = tlshake_derive_secret(kdf, ks->secret, "derived", NULL,
				    derived) ?:
	      tlshake_hkdf_extract(kdf, derived, kdf->hash_len,
				   zeros, kdf->hash_len, ks->secret) ?:
	      tlshake_derive_secret(kdf, ks->secret, "c ap traffic",
				    transcript_hash, ks->client_app) ?:
	      tlshake_derive_secret(kdf, ks->secret, "s ap traffic",
				    transcript_hash, ks->server_app) ?:
	      tlshake_derive_secret(kdf, ks->secret, "exp master",
				    transcript_hash, ks->exporter);
	memzero_explicit(derived, sizeof(derived));
	return ks_step_done(ks, err, TLSHAKE_KS_MASTER);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_master);

/**
 * tlshake_ks_resumption() - derive the resumption master secret
 * @ks: the key schedule, at the master stage
 * @transcript_hash: Transcript-Hash(ClientHello...client Finished)
 *
 * @ks->resumption = Derive-Secret(Master Secret, "res master", ...).  The
 * master secret is wiped: nothing else derives from it.
 *
 * Return: 0, -EINVAL out of order, or a negative errno from the crypto API
 * (the schedule has then failed).
 */
int tlshake_ks_resumption(struct tlshake_key_schedule *ks,
			  const u8 *transcript_hash)
{
	int err;

	if (ks->stage != TLSHAKE_KS_MASTER)
		return -EINVAL;

	err = tlshake_derive_secret(&ks->kdf, ks->secret, "res master",
				    transcript_hash, ks->resumption);
	memzero_explicit(ks->secret, sizeof(ks->secret));
	return ks_step_done(ks, err, TLSHAKE_KS_RESUMPTION);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_resumption);

/**
 * tlshake_ks_ticket_psk() - the PSK a NewSessionTicket stands for
 * @ks: the key schedule, with the resumption master secret derived
 * @nonce: the ticket_nonce of the NewSessionTicket
 * @nonce_len: its length in bytes, at most 255
 * @psk: receives the PSK, tlshake_hash_len() bytes
 *
 * RFC 8446 section 4.6.1: HKDF-Expand-Label(resumption_master_secret,
 * "resumption", ticket_nonce, Hash.length).
 *
 * Return: 0, -EINVAL out of order or for a too long nonce, or a negative
 * errno from the crypto API.
 */
int tlshake_ks_ticket_psk(struct tlshake_key_schedule *ks,
			  const u8 *nonce, unsigned int nonce_len, u8 *psk)
{
	if (ks->stage != TLSHAKE_KS_RESUMPTION)
		return -EINVAL;

	return tlshake_hkdf_expand_label(&ks->kdf, ks->resumption,
					 "resumption", nonce, nonce_len,
					 psk, ks->kdf.hash_len);
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_ticket_psk);

/**
 * tlshake_ks_traffic_keys() - the record protection key and IV of a secret
 * @ks: the key schedule
 * @traffic_secret: a traffic secret of @ks (@ks->client_hs, ...)
 * @key: receives the key
 * @key_len: the AEAD's key length: 16 for AES-128-GCM/CCM, 32 for
 *	AES-256-GCM and ChaCha20-Poly1305
 * @iv: receives the IV, TLSHAKE_IV_LEN bytes
 *
 * RFC 8446 section 7.3: key = HKDF-Expand-Label(Secret, "key", "",
 * key_length), iv = HKDF-Expand-Label(Secret, "iv", "", iv_length).
 *
 * Return: 0, -EINVAL for a key length of 0 or above TLSHAKE_MAX_KEY_LEN or
 * a schedule without secrets, or a negative errno from the crypto API (@key
 * and @iv are then zeroed).
 */
int tlshake_ks_traffic_keys(struct tlshake_key_schedule *ks,
			    const u8 *traffic_secret,
			    u8 *key, unsigned int key_len, u8 *iv)
{
	int err;

	if (ks->stage == TLSHAKE_KS_NONE ||
	    !key_len || key_len > TLSHAKE_MAX_KEY_LEN)
		return -EINVAL;

	err = tlshake_hkdf_expand_label(&ks->kdf, traffic_secret, "key",
					NULL, 0, key, key_len) ?:
	      tlshake_hkdf_expand_label(&ks->kdf, traffic_secret, "iv",
					NULL, 0, iv, TLSHAKE_IV_LEN);
	if (err)
		memzero_explicit(key, key_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_traffic_keys);

/**
 * tlshake_ks_finished() - compute Finished verify_data (or a PSK binder)
 * @ks: the key schedule
 * @base_key: the sender's handshake traffic secret (@ks->client_hs or
 *	@ks->server_hs), or @ks->binder_key for a PSK binder
 * @transcript_hash: the transcript hash the Finished covers
 * @verify_data: receives verify_data, tlshake_hash_len() bytes
 *
 * RFC 8446 section 4.4.4: finished_key = HKDF-Expand-Label(BaseKey,
 * "finished", "", Hash.length); verify_data = HMAC(finished_key,
 * Transcript-Hash).
 *
 * Return: 0, -EINVAL for a schedule without secrets, or a negative errno
 * from the crypto API (@verify_data is then zeroed).
 */
int tlshake_ks_finished(struct tlshake_key_schedule *ks, const u8 *base_key,
			const u8 *transcript_hash, u8 *verify_data)
{
	struct tlshake_kdf *kdf = &ks->kdf;
	u8 finished_key[TLSHAKE_MAX_HASH_LEN];
	int err;

	if (ks->stage == TLSHAKE_KS_NONE)
		return -EINVAL;

	err = tlshake_hkdf_expand_label(kdf, base_key, "finished", NULL, 0,
					finished_key, kdf->hash_len) ?:
	      tlshake_hmac(kdf, finished_key, kdf->hash_len,
			   transcript_hash, kdf->hash_len, verify_data);
	memzero_explicit(finished_key, sizeof(finished_key));
	if (err)
		memzero_explicit(verify_data, kdf->hash_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_finished);

/**
 * tlshake_ks_verify_finished() - check a received Finished (or PSK binder)
 * @ks: the key schedule
 * @base_key: the peer's handshake traffic secret, or @ks->binder_key
 * @transcript_hash: the transcript hash the Finished covers
 * @verify_data: the received verify_data
 * @len: its length in bytes
 *
 * The comparison takes the same time wherever the bytes differ.
 *
 * Return: 0 if @verify_data is right, -EBADMSG if it is not (the peer gets
 * a decrypt_error alert), or a negative errno from the crypto API.
 */
int tlshake_ks_verify_finished(struct tlshake_key_schedule *ks,
			       const u8 *base_key, const u8 *transcript_hash,
			       const u8 *verify_data, unsigned int len)
{
	u8 expected[TLSHAKE_MAX_HASH_LEN];
	int err;

	if (len != ks->kdf.hash_len)
		return -EBADMSG;

	err = tlshake_ks_finished(ks, base_key, transcript_hash, expected);
	if (!err && crypto_memneq(expected, verify_data, len))
		err = -EBADMSG;
	memzero_explicit(expected, sizeof(expected));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_ks_verify_finished);
