// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz tlsw_parse_extensions(): the first input byte picks the message the
 * block belongs to (enum tlsw_ext_ctx), the rest is the block's contents.
 */

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_key_share ks;
	enum tlsw_ext_ctx ctx;
	struct tlsw_slice ext;
	struct tlsw_exts e;
	int ret;

	if (!size)
		return 0;
	ctx = data[0] % (TLSW_CTX_SH12 + 1);
	data++;
	size--;

	ret = tlsw_parse_extensions(data, size, ctx, &e, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return 0;
	fuzz_check_exts(&e, ctx, data, size);
	if (ctx != TLSW_CTX_CH && ctx != TLSW_CTX_CR && ctx != TLSW_CTX_NST)
		FUZZ_ASSERT(e.n_unknown == 0);
	/* A block that parsed can be searched. */
	ret = tlsw_ext_find(data, size, TLSW_EXT_KEY_SHARE, &ext);
	FUZZ_ASSERT(ret == !!tlsw_exts_has(&e, TLSW_EXTB_KEY_SHARE));
	if (ret)
		fuzz_check_slice(&ext, data, size);
	ret = tlsw_key_share_find(&e.key_shares, TLSW_GROUP_X25519, &ks,
				  &alert);
	fuzz_check_error(ret, alert);
	if (ret == 1)
		fuzz_check_slice(&ks.key, data, size);
	return 0;
}
