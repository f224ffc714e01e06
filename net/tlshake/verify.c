// SPDX-License-Identifier: GPL-2.0
/*
 * Verification of the peer: whether the certificate chain it presented is
 * accepted, and the public key its CertificateVerify is then checked with.
 *
 * Every decision about the peer's certificates is taken here, and the
 * default is to refuse.  A chain is verified when it validates up to one
 * of the caller's trust anchors (for a client, with the server's name
 * checked against the end-entity certificate) or when the caller pinned
 * the end-entity key; given both, both must hold.  Without either, a
 * chain is accepted only if the caller explicitly accepts any peer, and
 * it is then not verified.  A pin binds in every case.
 */

#include <crypto/algapi.h>
#include <crypto/sha2.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <net/tlshake.h>

#include "keys.h"
#include "sig.h"
#include "verify.h"
#include "x509_spki.h"
#include "x509_verify.h"

/* The key of the end-entity certificate, as the signature code takes it. */
static int tlshake_verify_key(const struct tlshake_spki *spki,
			      struct tlshake_pubkey **key,
			      enum tlsw_alert *alert)
{
	struct tlshake_pubkey *k = tlshake_pubkey_load(spki);

	if (PTR_ERR_OR_ZERO(k) == -ENOMEM)
		return -ENOMEM;
	if (IS_ERR(k)) {
		*alert = PTR_ERR(k) == -EOPNOTSUPP ?
			 TLSW_ALERT_UNSUPPORTED_CERTIFICATE :
			 TLSW_ALERT_BAD_CERTIFICATE;
		return -EKEYREJECTED;
	}
	*key = k;
	return 0;
}

/* What the caller is told of a path validation's refusal. */
static const u8 tlshake_verify_errs[TLSHAKE_X509_NR_ERRS] = {
	[TLSHAKE_X509_OK] = TLSHAKE_VERIFY_ERR_NONE,
	[TLSHAKE_X509_MALFORMED] = TLSHAKE_VERIFY_ERR_MALFORMED,
	[TLSHAKE_X509_UNSUPPORTED] = TLSHAKE_VERIFY_ERR_UNSUPPORTED,
	[TLSHAKE_X509_CRITICAL_EXT] = TLSHAKE_VERIFY_ERR_CRITICAL_EXT,
	[TLSHAKE_X509_EXPIRED] = TLSHAKE_VERIFY_ERR_EXPIRED,
	[TLSHAKE_X509_NOT_YET_VALID] = TLSHAKE_VERIFY_ERR_NOT_YET_VALID,
	[TLSHAKE_X509_UNKNOWN_ISSUER] = TLSHAKE_VERIFY_ERR_UNKNOWN_ISSUER,
	[TLSHAKE_X509_BAD_SIGNATURE] = TLSHAKE_VERIFY_ERR_BAD_SIGNATURE,
	[TLSHAKE_X509_NOT_CA] = TLSHAKE_VERIFY_ERR_NOT_CA,
	[TLSHAKE_X509_PATH_TOO_LONG] = TLSHAKE_VERIFY_ERR_PATH_TOO_LONG,
	[TLSHAKE_X509_KEY_USAGE] = TLSHAKE_VERIFY_ERR_KEY_USAGE,
	[TLSHAKE_X509_NAME_MISMATCH] = TLSHAKE_VERIFY_ERR_NAME_MISMATCH,
};

/* Path validation to the trust anchors.  A client checks the server's
 * name; a server has no name of its client's to check.
 */
static int tlshake_verify_path(const struct tlshake_params *params,
			       const u8 *anchors, size_t anchors_len,
			       const u8 *chain, size_t chain_len,
			       enum tlsw_alert *alert, u8 *why)
{
	bool client = params->role == TLSHAKE_ROLE_CLIENT;
	enum tlshake_x509_err reason;
	int err;

	err = tlshake_x509_verify_chain(chain, chain_len,
					anchors, anchors_len,
					ktime_get_real_seconds(),
					client ? TLSHAKE_X509_PURPOSE_SERVER :
						 TLSHAKE_X509_PURPOSE_CLIENT,
					client ? params->server_name : NULL,
					&reason);
	if (err == -ENOMEM)
		return err;
	if (reason != TLSHAKE_X509_OK) {
		*alert = tlshake_x509_err_alert(reason);
		*why = reason < TLSHAKE_X509_NR_ERRS ?
		       tlshake_verify_errs[reason] :
		       TLSHAKE_VERIFY_ERR_UNKNOWN_ISSUER;
		return -EKEYREJECTED;
	}
	/* Anchors and names were checked when the handshake began. */
	if (WARN_ON_ONCE(err)) {
		*alert = TLSW_ALERT_INTERNAL_ERROR;
		return err;
	}
	return 0;
}

/**
 * tlshake_verify_peer - decide on the peer's certificate chain
 * @params: the caller's parameters: the verification flags and the pin
 * @anchors: the trust anchors in the form of tlshake_params.cert_chain
 *	(the caller's, and those of its keyring), possibly empty; NULL for
 *	none
 * @anchors_len: bytes at @anchors
 * @chain: the peer's chain in the form of tlshake_params.cert_chain, not
 *	empty, end-entity certificate first
 * @chain_len: its length
 * @key: the end-entity certificate's public key, if the chain is accepted
 * @verified: whether the chain was verified, not merely accepted
 * @alert: the alert to send if the chain is refused
 * @why: set to why it was refused, a TLSHAKE_VERIFY_ERR_* value, if it is
 *
 * Return: 0 if the chain is accepted; -EKEYREJECTED with @alert set if it
 * is not (bad_certificate; unsupported_certificate for a key tlshake
 * cannot use; unknown_ca, certificate_expired and the like from path
 * validation, see tlshake_x509_err_alert()); -ENOMEM.
 */
int tlshake_verify_peer(const struct tlshake_params *params,
			const u8 *anchors, size_t anchors_len, const u8 *chain,
			size_t chain_len, struct tlshake_pubkey **key,
			bool *verified, enum tlsw_alert *alert, u8 *why)
{
	u8 digest[SHA256_DIGEST_SIZE];
	struct tlshake_spki spki;
	u32 len = get_unaligned_be24(chain);
	int err;

	*verified = false;
	err = tlshake_x509_spki(chain + 3, len, &spki);
	if (err) {
		bool unsupported = err == -EOPNOTSUPP;

		*alert = unsupported ? TLSW_ALERT_UNSUPPORTED_CERTIFICATE :
			 TLSW_ALERT_BAD_CERTIFICATE;
		*why = unsupported ? TLSHAKE_VERIFY_ERR_UNSUPPORTED :
		       TLSHAKE_VERIFY_ERR_MALFORMED;
		return -EKEYREJECTED;
	}

	if (params->peer_pubkey_pin) {
		sha256(spki.der, spki.der_len, digest);
		if (crypto_memneq(digest, params->peer_pubkey_pin,
				  sizeof(digest))) {
			*alert = TLSW_ALERT_BAD_CERTIFICATE;
			*why = TLSHAKE_VERIFY_ERR_PIN_MISMATCH;
			return -EKEYREJECTED;
		}
		*verified = true;
	}
	if (anchors) {
		err = tlshake_verify_path(params, anchors, anchors_len, chain,
					  chain_len, alert, why);
		if (err)
			return err;
		*verified = true;
	}
	if (!*verified && !(params->verify & TLSHAKE_VERIFY_INSECURE)) {
		*alert = TLSW_ALERT_BAD_CERTIFICATE;
		*why = TLSHAKE_VERIFY_ERR_NO_TRUST;
		return -EKEYREJECTED;
	}
	err = tlshake_verify_key(&spki, key, alert);
	if (err == -EKEYREJECTED)
		*why = *alert == TLSW_ALERT_UNSUPPORTED_CERTIFICATE ?
		       TLSHAKE_VERIFY_ERR_UNSUPPORTED :
		       TLSHAKE_VERIFY_ERR_MALFORMED;
	return err;
}
