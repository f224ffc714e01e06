// SPDX-License-Identifier: GPL-2.0
/*
 * AEAD record protection over the crypto API.  Implementations may be
 * asynchronous (the AES-NI GCM is): every operation waits for its result,
 * so callers must be able to sleep.
 */

#include <crypto/aead.h>
#include <crypto/algapi.h>
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/string.h>

#include "aead.h"

/* ccm(aes): the flags byte L' = L - 1 for a 15 - 12 = 3-byte counter */
#define TLSHAKE_CCM_IV_B0	2

static const struct {
	const char *name;
	unsigned int key_len;
} tlshake_aead_algs[] = {
	[TLSHAKE_AEAD_AES_128_GCM] = { "gcm(aes)", 16 },
	[TLSHAKE_AEAD_AES_256_GCM] = { "gcm(aes)", 32 },
	[TLSHAKE_AEAD_CHACHA20_POLY1305] = {
		"rfc7539(chacha20,poly1305)", 32
	},
	[TLSHAKE_AEAD_AES_128_CCM] = { "ccm(aes)", 16 },
};

/**
 * tlshake_aead_key_len - the key length of an algorithm
 * @alg: the algorithm
 *
 * Return: the length in bytes, or 0 for an unknown algorithm.
 */
unsigned int tlshake_aead_key_len(enum tlshake_aead_alg alg)
{
	if (alg >= ARRAY_SIZE(tlshake_aead_algs))
		return 0;
	return tlshake_aead_algs[alg].key_len;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_key_len);

/**
 * tlshake_aead_init - set up one direction's record protection
 * @aead: the state to set up; its previous contents are ignored
 * @alg: the algorithm
 * @key: the traffic key
 * @key_len: its length, which must be tlshake_aead_key_len(@alg)
 *
 * The tag is always 16 bytes, the nonce 12 (RFC 8446 section 5.3, RFC 5288,
 * RFC 7905, RFC 6655).  May sleep.  On failure @aead is left empty, and
 * tlshake_aead_free() on it is allowed and does nothing.
 *
 * Return: 0, -EINVAL for an unknown algorithm or a wrong key length,
 * -ENOENT if the kernel lacks the algorithm, or another negative errno.
 */
int tlshake_aead_init(struct tlshake_aead *aead, enum tlshake_aead_alg alg,
		      const u8 *key, unsigned int key_len)
{
	struct crypto_aead *tfm;
	int err;

	memset(aead, 0, sizeof(*aead));
	if (!tlshake_aead_key_len(alg) ||
	    key_len != tlshake_aead_algs[alg].key_len)
		return -EINVAL;

	tfm = crypto_alloc_aead(tlshake_aead_algs[alg].name, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	aead->tfm = tfm;
	aead->alg = alg;

	err = -EINVAL;
	if (crypto_aead_ivsize(tfm) > sizeof(aead->iv))
		goto err;
	err = crypto_aead_setkey(tfm, key, key_len);
	if (err)
		goto err;
	err = crypto_aead_setauthsize(tfm, TLSHAKE_AEAD_TAG_LEN);
	if (err)
		goto err;
	aead->req = aead_request_alloc(tfm, GFP_KERNEL);
	if (!aead->req) {
		err = -ENOMEM;
		goto err;
	}
	return 0;

err:
	tlshake_aead_free(aead);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_init);

/**
 * tlshake_aead_free - release the transform and wipe the state
 * @aead: the state; may be empty
 *
 * The crypto API wipes the key schedule as it frees the transform.
 */
void tlshake_aead_free(struct tlshake_aead *aead)
{
	if (aead->req)
		aead_request_free(aead->req);
	crypto_free_aead(aead->tfm);
	memzero_explicit(aead, sizeof(*aead));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_free);

/* One operation in place over AAD || @buf, @cryptlen being the length the
 * crypto API expects: the plaintext to encrypt, ciphertext and tag to
 * decrypt.  @buf_len covers the tag in both directions.
 */
static int tlshake_aead_crypt(struct tlshake_aead *aead, const u8 *nonce,
			      const u8 *aad, unsigned int aad_len, u8 *buf,
			      unsigned int buf_len, unsigned int cryptlen,
			      bool encrypt)
{
	struct aead_request *req = aead->req;
	struct scatterlist sg[2];
	DECLARE_CRYPTO_WAIT(wait);
	int err;

	if (aead->alg == TLSHAKE_AEAD_AES_128_CCM) {
		memset(aead->iv, 0, sizeof(aead->iv));
		aead->iv[0] = TLSHAKE_CCM_IV_B0;
		memcpy(aead->iv + 1, nonce, TLSHAKE_AEAD_NONCE_LEN);
	} else {
		memcpy(aead->iv, nonce, TLSHAKE_AEAD_NONCE_LEN);
	}

	if (aad_len) {
		sg_init_table(sg, 2);
		sg_set_buf(&sg[0], aad, aad_len);
		sg_set_buf(&sg[1], buf, buf_len);
	} else {
		sg_init_one(sg, buf, buf_len);
	}

	aead_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG |
				  CRYPTO_TFM_REQ_MAY_SLEEP,
				  crypto_req_done, &wait);
	aead_request_set_ad(req, aad_len);
	aead_request_set_crypt(req, sg, sg, cryptlen, aead->iv);
	err = encrypt ? crypto_aead_encrypt(req) : crypto_aead_decrypt(req);
	return crypto_wait_req(err, &wait);
}

/**
 * tlshake_aead_seal - encrypt and authenticate a record in place
 * @aead: the record protection
 * @nonce: the 12-byte per-record nonce (see tlshake_aead_nonce())
 * @aad: the additional data (the TLS 1.3 record header, the TLS 1.2
 *	seq_num || header)
 * @aad_len: its length
 * @buf: @len bytes of plaintext followed by room for the 16-byte tag
 * @len: the plaintext length
 *
 * @aad and @buf go into scatterlists: they must be in the kernel's linear
 * mapping (kmalloc, page allocator), not on the stack nor vmalloc'ed.
 * On success @buf holds ciphertext || tag.  On failure its @len + 16 bytes
 * are zeroed, so that no half-encrypted record can be sent.  May sleep.
 *
 * Return: 0 or a negative errno.
 */
int tlshake_aead_seal(struct tlshake_aead *aead, const u8 *nonce,
		      const u8 *aad, unsigned int aad_len,
		      u8 *buf, unsigned int len)
{
	unsigned int buf_len = len + TLSHAKE_AEAD_TAG_LEN;
	int err;

	if (buf_len < len)
		return -EINVAL;
	err = tlshake_aead_crypt(aead, nonce, aad, aad_len, buf, buf_len, len,
				 true);
	if (err)
		memzero_explicit(buf, buf_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_seal);

/**
 * tlshake_aead_open - authenticate and decrypt a record in place
 * @aead: the record protection
 * @nonce: the 12-byte per-record nonce
 * @aad: the additional data
 * @aad_len: its length
 * @buf: ciphertext || tag
 * @len: its length, the tag included
 *
 * The memory rules of tlshake_aead_seal() apply.  On success the first
 * @len - 16 bytes of @buf are the plaintext; the tag's bytes are left as
 * they were.  On any failure all @len bytes of @buf are zeroed: some
 * implementations decrypt before they check the tag, and no plaintext of a
 * forged record may reach anyone.  May sleep.
 *
 * Return: 0, -EBADMSG if the record is not authentic (too short for a tag,
 * or the tag does not verify), or another negative errno.
 */
int tlshake_aead_open(struct tlshake_aead *aead, const u8 *nonce,
		      const u8 *aad, unsigned int aad_len,
		      u8 *buf, unsigned int len)
{
	int err = -EBADMSG;

	if (len >= TLSHAKE_AEAD_TAG_LEN)
		err = tlshake_aead_crypt(aead, nonce, aad, aad_len, buf, len,
					 len, false);
	if (err)
		memzero_explicit(buf, len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_open);

/**
 * tlshake_aead_nonce - the per-record nonce of TLS 1.3
 * @nonce: 12 bytes to write
 * @iv: the 12-byte write IV of the traffic keys
 * @seq: the record sequence number
 *
 * The IV exclusive-ored with the sequence number as a 64-bit big-endian
 * number left-padded to 12 bytes (RFC 8446 section 5.3); TLS 1.2 forms
 * its ChaCha20-Poly1305 nonce the same way (RFC 7905 section 2).
 */
void tlshake_aead_nonce(u8 *nonce, const u8 *iv, u64 seq)
{
	__be64 be_seq = cpu_to_be64(seq);

	memcpy(nonce, iv, TLSHAKE_AEAD_NONCE_LEN);
	crypto_xor(nonce + TLSHAKE_AEAD_NONCE_LEN - sizeof(be_seq),
		   (const u8 *)&be_seq, sizeof(be_seq));
}
EXPORT_SYMBOL_IF_KUNIT(tlshake_aead_nonce);
