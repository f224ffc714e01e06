// SPDX-License-Identifier: GPL-2.0
/*
 * The local end's private key: PKCS#8, SEC1 or PKCS#1 DER, found by the
 * pure parser of privkey_der.c and handed to the signature code.
 */

#include <linux/err.h>

#include "keys.h"
#include "privkey_der.h"
#include "sig.h"

/**
 * tlshake_privkey_load - make a signing key of a DER private key
 * @der: a PKCS#8 PrivateKeyInfo (unencrypted), a SEC1 ECPrivateKey or a
 *	PKCS#1 RSAPrivateKey
 * @len: its length
 * @key: the key, to be released with tlshake_privkey_free()
 *
 * Return: 0; -EINVAL if @der is not such a key of a kind tlshake signs
 * with (ECDSA P-256 or P-384, RSA of 2048, 3072 or 4096 bits); -ENOMEM.
 */
int tlshake_privkey_load(const u8 *der, size_t len,
			 struct tlshake_privkey **key)
{
	struct tlshake_privkey_der pk;
	struct tlshake_privkey *k;

	if (tlshake_privkey_der_parse(der, len, &pk))
		return -EINVAL;
	if (pk.alg == TLSHAKE_KEY_RSA)
		k = tlshake_privkey_new_rsa(pk.key, pk.key_len);
	else
		k = tlshake_privkey_new_ec(pk.alg, pk.key, pk.key_len);
	if (IS_ERR(k))
		return PTR_ERR(k) == -ENOMEM ? -ENOMEM : -EINVAL;
	*key = k;
	return 0;
}
