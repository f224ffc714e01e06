// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-off to kTLS: once the handshake has ended, tlshake's own ULP (if
 * the socket carries it) steps aside, the "tls" ULP takes its place and the
 * application traffic keys go into kTLS for both directions.
 *
 * Nothing the peer sent after its last handshake record has been read:
 * kTLS finds those records in the receive queue when TLS_RX is set and
 * decrypts them as the first application records.
 */

#include <linux/net.h>
#include <linux/string.h>
#include <linux/tls.h>
#include <net/sock.h>
#include <net/tcp.h>

#include "ktls.h"
#include "tlshake.h"

union tlshake_ktls_info {
	struct tls_crypto_info info;
	struct tls12_crypto_info_aes_gcm_128 aes_gcm_128;
	struct tls12_crypto_info_aes_gcm_256 aes_gcm_256;
	struct tls12_crypto_info_chacha20_poly1305 chacha20_poly1305;
	struct tls12_crypto_info_aes_ccm_128 aes_ccm_128;
};

/* kTLS splits the 12-byte nonce base into a salt and an IV; the key and
 * the sequence number are copied as they are.
 */
#define TLSHAKE_KTLS_FILL(ci, keys, cipher) do {			\
	typeof(ci) __ci = (ci);						\
	const struct tlshake_ktls_keys *__k = (keys);			\
									\
	BUILD_BUG_ON(sizeof(__ci->salt) + sizeof(__ci->iv) !=		\
		     TLSHAKE_IV_LEN);					\
	BUILD_BUG_ON(sizeof(__ci->key) > TLSHAKE_MAX_KEY_LEN);		\
	__ci->info.cipher_type = (cipher);				\
	memcpy(__ci->salt, __k->iv, sizeof(__ci->salt));		\
	memcpy(__ci->iv, __k->iv + sizeof(__ci->salt),			\
	       sizeof(__ci->iv));					\
	memcpy(__ci->key, __k->key, sizeof(__ci->key));			\
	put_unaligned_be64(__k->seq, __ci->rec_seq);			\
} while (0)

static int tlshake_ktls_fill(union tlshake_ktls_info *ci, u16 version,
			     enum tlshake_aead_alg alg,
			     const struct tlshake_ktls_keys *keys)
{
	memset(ci, 0, sizeof(*ci));
	ci->info.version = version;

	switch (alg) {
	case TLSHAKE_AEAD_AES_128_GCM:
		TLSHAKE_KTLS_FILL(&ci->aes_gcm_128, keys,
				  TLS_CIPHER_AES_GCM_128);
		return sizeof(ci->aes_gcm_128);
	case TLSHAKE_AEAD_AES_256_GCM:
		TLSHAKE_KTLS_FILL(&ci->aes_gcm_256, keys,
				  TLS_CIPHER_AES_GCM_256);
		return sizeof(ci->aes_gcm_256);
	case TLSHAKE_AEAD_CHACHA20_POLY1305:
		TLSHAKE_KTLS_FILL(&ci->chacha20_poly1305, keys,
				  TLS_CIPHER_CHACHA20_POLY1305);
		return sizeof(ci->chacha20_poly1305);
	case TLSHAKE_AEAD_AES_128_CCM:
		TLSHAKE_KTLS_FILL(&ci->aes_ccm_128, keys,
				  TLS_CIPHER_AES_CCM_128);
		return sizeof(ci->aes_ccm_128);
	}
	return -EINVAL;
}

static int tlshake_ktls_set(struct sock *sk, int optname, u16 version,
			    enum tlshake_aead_alg alg,
			    const struct tlshake_ktls_keys *keys)
{
	union tlshake_ktls_info ci;
	int len, err;

	len = tlshake_ktls_fill(&ci, version, alg, keys);
	if (len < 0)
		return len;
	err = READ_ONCE(sk->sk_prot)->setsockopt(sk, SOL_TLS, optname,
						 KERNEL_SOCKPTR(&ci), len);
	memzero_explicit(&ci, sizeof(ci));
	return err;
}

/**
 * tlshake_ktls_handoff - hand an established session to kTLS
 * @sock: the connected TCP socket the handshake ran on
 * @version: the negotiated protocol version (TLS_1_2_VERSION or
 *	TLS_1_3_VERSION, the same numbers as on the wire)
 * @alg: the negotiated record protection
 * @tx: the keys of what we send
 * @rx: the keys of what we receive
 *
 * Must be called without the socket lock held.  @tx and @rx stay the
 * caller's to wipe.  On failure the socket may be left with the "tls" ULP
 * attached but without keys: it cannot carry TLS any more.
 *
 * Return: 0, or a negative errno from the "tls" ULP or kTLS.
 */
int tlshake_ktls_handoff(struct socket *sock, u16 version,
			 enum tlshake_aead_alg alg,
			 const struct tlshake_ktls_keys *tx,
			 const struct tlshake_ktls_keys *rx)
{
	struct sock *sk = sock->sk;
	int err;

	/* A socket carries one ULP: tlshake's must leave first, with the
	 * socket's base protocol restored, because "tls" builds on whatever
	 * protocol it finds.
	 */
	tlshake_ulp_detach(sk);

	err = tcp_setsockopt(sk, SOL_TCP, TCP_ULP, KERNEL_SOCKPTR("tls"), 3);
	if (err)
		return err;

	err = tlshake_ktls_set(sk, TLS_TX, version, alg, tx);
	if (err)
		return err;
	return tlshake_ktls_set(sk, TLS_RX, version, alg, rx);
}
