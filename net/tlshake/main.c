// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: the TLS handshake performed in the kernel, handed to kTLS.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kmod.h>
#include <linux/module.h>
#include <linux/tlshake.h>
#include <net/tcp.h>
#ifdef CONFIG_X86_64
#include <asm/cpufeature.h>
#endif

#include "bignum.h"
#include "key_cache.h"
#include "p256.h"
#include "session_cache.h"
#include "session_ticket.h"
#include "tlshake.h"

/* Sockets leave tlshake for the "tls" ULP.  That ULP autoloads only for
 * callers with CAP_NET_ADMIN, so make sure it is present before any socket
 * can depend on it.
 */
static int tlshake_load_ktls(void)
{
	int ret;

	if (!IS_MODULE(CONFIG_TLS))
		return IS_BUILTIN(CONFIG_TLS) ? 0 : -EPROTONOSUPPORT;

	ret = request_module("tcp-ulp-tls");
	if (ret) {
		pr_err("cannot load the kTLS module (%d)\n", ret);
		return ret < 0 ? ret : -ENOENT;
	}
	return 0;
}

static int __init tlshake_init(void)
{
	int err;

	/* mulx, adcx and adox are scalar: no kernel_fpu_begin() needed. */
#ifdef CONFIG_X86_64
	p256_set_adx(boot_cpu_has(X86_FEATURE_BMI2) &&
		     boot_cpu_has(X86_FEATURE_ADX));
#endif
	bn_ifma_init();
	err = tlshake_load_ktls();
	if (err)
		return err;

	return tlshake_ulp_register();
}

static void __exit tlshake_exit(void)
{
	tlshake_ulp_unregister();
	tlshake_key_cache_flush();
	tlshake_session_cache_flush(&tlshake_sessions);
	tlshake_ticket_keys_flush(&tlshake_ticket_keys);
}

module_init(tlshake_init);
module_exit(tlshake_exit);

MODULE_DESCRIPTION("TLS handshake in the kernel, handed to kTLS");
MODULE_LICENSE("GPL");
MODULE_SOFTDEP("pre: tls");
MODULE_ALIAS_TCP_ULP(TLSHAKE_ULP_NAME);
