// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials kept in the kernel's keyrings (Documentation/security/keys):
 * trust anchors gathered from a keyring whose "user" keys each hold a DER
 * certificate, and a private key read from a "logon" or "user" key whose
 * payload is its DER.  A "logon" key cannot be read back by userspace, so
 * such a private key need not pass through userspace memory again once it
 * is in the keyring.
 *
 * References and locks.  Whoever names a key holds a reference to it: the
 * socket's configuration for the SOL_TLSHAKE options (taken here, by
 * lookup_user_key()), the caller for kernel consumers.  What the keys hold
 * is copied when the handshake begins, each payload under its key's
 * semaphore taken for reading, which keeps the payload from being replaced
 * or revoked under us; no lock is held once the copy is made, and the
 * handshake then reads only its own copy.
 *
 * Permissions.  A serial from userspace is resolved with the caller's
 * credentials and possession, as keyctl(2) would resolve it.  The keys of
 * a trust keyring are read with the credentials of the task that runs the
 * handshake: each must grant it Read, as keyctl(2) checks, and Search
 * with the keyring's possessor rights, as keyring_search() checks in a
 * keyring it is handed.
 */

#include <keys/user-type.h>
#include <linux/err.h>
#include <linux/key.h>
#include <linux/key-type.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tlshake.h>
#include <asm/unaligned.h>

#include "keyring.h"
#include "keys.h"
#include "sockopt_check.h"

static bool tlshake_key_holds_secret(const struct key *key)
{
	return key->type == &key_type_logon || key->type == &key_type_user;
}

/**
 * tlshake_keyring_lookup - resolve a key serial given by userspace
 * @serial: the serial of a key, or a KEY_SPEC_* special keyring
 * @keyring: whether a trust keyring is wanted (Read permission, type
 *	"keyring") rather than a private key (Search permission, type
 *	"logon" or "user")
 *
 * Context: process context, with the credentials of the caller.
 *
 * Return: the key, with a reference the caller puts with key_put();
 * ERR_PTR(-ENOKEY) if there is no such key (or it is not instantiated),
 * -EKEYREVOKED or -EKEYEXPIRED if it was revoked or expired, -EACCES if
 * the caller lacks the permission, -EINVAL for a key of the wrong type or
 * a serial that names none.
 */
struct key *tlshake_keyring_lookup(s32 serial, bool keyring)
{
	struct key *key;
	key_ref_t ref;

	ref = lookup_user_key(serial, 0,
			      keyring ? KEY_NEED_READ : KEY_NEED_SEARCH);
	if (IS_ERR(ref))
		return ERR_CAST(ref);
	key = key_ref_to_ptr(ref);
	if (keyring ? key->type != &key_type_keyring :
		      !tlshake_key_holds_secret(key)) {
		key_put(key);
		return ERR_PTR(-EINVAL);
	}
	return key;
}

/**
 * tlshake_keyring_privkey - load the private key a key holds
 * @key: a key of type "logon" or "user" whose payload is a DER private
 *	key, as tlshake_privkey_load() takes it
 * @pk: the loaded key, to be released with tlshake_privkey_free()
 *
 * The payload is copied under the key's semaphore, loaded without it, and
 * the copy wiped.
 *
 * Return: 0; -EINVAL for a key of another type, a payload longer than
 * %TLSHAKE_PRIVATE_KEY_MAX or one that is not such a private key;
 * -ENOKEY if @key is invalidated or not instantiated; -EKEYREVOKED or
 * -EKEYEXPIRED if it was revoked or expired; -ENOMEM.
 */
int tlshake_keyring_privkey(struct key *key, struct tlshake_privkey **pk)
{
	const struct user_key_payload *payload;
	unsigned int len = 0;
	u8 *der = NULL;
	int err;

	if (!tlshake_key_holds_secret(key))
		return -EINVAL;

	down_read(&key->sem);
	err = key_validate(key);
	if (!err && key_read_state(key) != KEY_IS_POSITIVE)
		err = -ENOKEY;
	if (!err) {
		payload = user_key_payload_locked(key);
		if (!payload)
			err = -EKEYREVOKED;
		else if (payload->datalen > TLSHAKE_PRIVATE_KEY_MAX)
			err = -EINVAL;
	}
	if (!err) {
		len = payload->datalen;
		der = kmemdup(payload->data, len, GFP_KERNEL);
		if (!der)
			err = -ENOMEM;
	}
	up_read(&key->sem);

	if (!err)
		err = tlshake_privkey_load(der, len, pk);
	kfree_sensitive(der);
	return err;
}

/**
 * struct tlshake_anchor_list - trust anchors being gathered
 * @data: the certificates, each preceded by its 3-byte length
 *	(kvmalloc()ed)
 * @len: bytes used at @data
 * @size: bytes allocated at @data
 */
struct tlshake_anchor_list {
	u8 *data;
	unsigned int len;
	unsigned int size;
};

/* Make room for @more bytes, within TLSHAKE_TRUST_ANCHORS_MAX. */
static int tlshake_anchors_reserve(struct tlshake_anchor_list *l,
				   unsigned int more)
{
	unsigned int size;
	u8 *data;

	if (more > TLSHAKE_TRUST_ANCHORS_MAX - l->len)
		return -E2BIG;
	if (l->data && more <= l->size - l->len)
		return 0;
	size = max(l->size, 4096U);
	while (size - l->len < more)
		size *= 2;
	size = min_t(unsigned int, size, TLSHAKE_TRUST_ANCHORS_MAX);
	data = kvmalloc(size, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	if (l->len)
		memcpy(data, l->data, l->len);
	kvfree(l->data);
	l->data = data;
	l->size = size;
	return 0;
}

static int tlshake_anchors_add(struct tlshake_anchor_list *l, const u8 *der,
			       unsigned int len)
{
	int err = tlshake_anchors_reserve(l, 3 + len);

	if (err)
		return err;
	put_unaligned_be24(len, l->data + l->len);
	memcpy(l->data + l->len + 3, der, len);
	l->len += 3 + len;
	return 0;
}

/* What a failure to reach one key of the keyring means: a key that is
 * gone, negative, not readable or replaced is left out; anything else ends
 * the gathering.
 */
static int tlshake_anchor_skip(int err)
{
	switch (err) {
	case -ENOKEY:
	case -EKEYREVOKED:
	case -EKEYEXPIRED:
	case -EAGAIN:
		return 0;
	default:
		return err;
	}
}

/* The keyring's "user" key of serial @serial, if the task may read it;
 * ERR_PTR(-EAGAIN) if the keyring holds no such key.
 */
static struct key *tlshake_keyring_find(struct key *keyring,
					key_serial_t serial)
{
	key_ref_t ref, found;
	struct key *key;

	/* Read permission as keyctl(2) checks it, without waiting for a
	 * key under construction.
	 */
	ref = lookup_user_key(serial, KEY_LOOKUP_PARTIAL, KEY_NEED_READ);
	if (IS_ERR(ref))
		return ERR_PTR(PTR_ERR(ref) == -EACCES ? -EAGAIN :
			       PTR_ERR(ref));
	key = key_ref_to_ptr(ref);
	if (key->type != &key_type_user) {
		key_put(key);
		return ERR_PTR(-EAGAIN);
	}

	/* Find it again in the keyring, by its description: this checks
	 * Search permission, skips keys that are negative, revoked or
	 * expired, and makes sure that the serial, which may have been
	 * reused since the keyring was listed, names a key of the keyring.
	 * Only the keyring itself can deny the search (-EACCES).
	 */
	found = keyring_search(make_key_ref(keyring, true), &key_type_user,
			       key->description, false);
	if (IS_ERR(found)) {
		key_put(key);
		return ERR_CAST(found);
	}
	if (key_ref_to_ptr(found) != key) {
		key_ref_put(found);
		key_put(key);
		return ERR_PTR(-EAGAIN);
	}
	key_ref_put(found);
	return key;
}

/* Add the certificate the keyring's key @serial holds, if it is a "user"
 * key of the keyring that the task may find and read.
 */
static int tlshake_anchors_add_key(struct tlshake_anchor_list *l,
				   struct key *keyring, key_serial_t serial)
{
	const struct user_key_payload *payload;
	struct key *key;
	int err = 0;

	key = tlshake_keyring_find(keyring, serial);
	if (IS_ERR(key))
		return tlshake_anchor_skip(PTR_ERR(key));

	down_read(&key->sem);
	payload = user_key_payload_locked(key);
	/* A key that holds no certificate is not an anchor. */
	if (payload &&
	    !tlshake_check_der_sequence((const u8 *)payload->data,
					payload->datalen))
		err = tlshake_anchors_add(l, (const u8 *)payload->data,
					  payload->datalen);
	up_read(&key->sem);
	key_put(key);
	return err;
}

/**
 * tlshake_keyring_anchors - gather the trust anchors of a keyring
 * @keyring: a keyring whose "user" keys each hold a DER certificate
 * @anchors: anchors to put first, in the form of tlshake_params.cert_chain,
 *	or NULL
 * @anchors_len: bytes at @anchors
 * @out: the anchors, in that form: @anchors, then the keyring's
 *	certificates; kvmalloc()ed, and never NULL on success, even if
 *	there is no anchor
 * @out_len: bytes at *@out
 *
 * Context: process context; takes the keyring's and its keys' semaphores
 * in turn, and sleeps.
 *
 * Return: 0; -EINVAL if @keyring is not a keyring; -ENOKEY, -EKEYREVOKED
 * or -EKEYEXPIRED if it is invalidated, revoked or expired; -EACCES if it
 * denies its possessor Search; -E2BIG if it holds more than
 * %TLSHAKE_TRUST_KEYRING_MAX keys or the anchors would take more than
 * %TLSHAKE_TRUST_ANCHORS_MAX bytes; -ENOMEM.
 */
int tlshake_keyring_anchors(struct key *keyring, const u8 *anchors,
			    unsigned int anchors_len, u8 **out,
			    unsigned int *out_len)
{
	const size_t size = TLSHAKE_TRUST_KEYRING_MAX * sizeof(key_serial_t);
	struct tlshake_anchor_list l = {};
	key_serial_t *serials;
	unsigned int i, n;
	long ret;
	int err;

	if (keyring->type != &key_type_keyring)
		return -EINVAL;
	serials = kvmalloc(size, GFP_KERNEL);
	if (!serials)
		return -ENOMEM;

	/* The list of serials, under the keyring's semaphore as keyctl(2)
	 * reads it; it reports the size the whole list takes.
	 */
	down_read(&keyring->sem);
	ret = key_validate(keyring);
	if (!ret)
		ret = key_type_keyring.read(keyring, (char *)serials, size);
	up_read(&keyring->sem);
	if (ret > (long)size)
		ret = -E2BIG;
	err = ret < 0 ? ret : tlshake_anchors_reserve(&l, anchors_len);
	if (err)
		goto out;
	n = ret / sizeof(key_serial_t);

	if (anchors_len) {
		memcpy(l.data, anchors, anchors_len);
		l.len = anchors_len;
	}
	for (i = 0; i < n && !err; i++)
		err = tlshake_anchors_add_key(&l, keyring, serials[i]);
out:
	kvfree(serials);
	if (err) {
		kvfree(l.data);
		return err;
	}
	*out = l.data;
	*out_len = l.len;
	return 0;
}
