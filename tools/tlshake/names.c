// SPDX-License-Identifier: GPL-2.0
/*
 * TLS code points and their names: versions, cipher suites, groups,
 * signature schemes and alerts, and the command-line lists of them.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tlshake.h"

struct name {
	uint16_t value;
	const char *name;
	const char *alias;
};

static const struct name suites[] = {
	{ 0x1301, "TLS_AES_128_GCM_SHA256", NULL },
	{ 0x1302, "TLS_AES_256_GCM_SHA384", NULL },
	{ 0x1303, "TLS_CHACHA20_POLY1305_SHA256", NULL },
	{ 0x1304, "TLS_AES_128_CCM_SHA256", NULL },
	{ 0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
	  "ECDHE-ECDSA-AES128-GCM-SHA256" },
	{ 0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
	  "ECDHE-ECDSA-AES256-GCM-SHA384" },
	{ 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
	  "ECDHE-RSA-AES128-GCM-SHA256" },
	{ 0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
	  "ECDHE-RSA-AES256-GCM-SHA384" },
	{ 0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	  "ECDHE-RSA-CHACHA20-POLY1305" },
	{ 0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
	  "ECDHE-ECDSA-CHACHA20-POLY1305" },
	{ 0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256" },
	{ 0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384" },
	{ 0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
	  "DHE-RSA-AES128-GCM-SHA256" },
	{ 0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
	  "DHE-RSA-AES256-GCM-SHA384" },
	{ 0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	  "DHE-RSA-CHACHA20-POLY1305" },
	{ 0 }
};

static const struct name groups[] = {
	{ 0x001d, "x25519", "X25519" },
	{ 0x0017, "secp256r1", "P-256" },
	{ 0x0018, "secp384r1", "P-384" },
	{ 0x0019, "secp521r1", "P-521" },
	{ 0x001e, "x448", "X448" },
	{ 0x0100, "ffdhe2048", NULL },
	{ 0x0101, "ffdhe3072", NULL },
	{ 0x0102, "ffdhe4096", NULL },
	{ 0x0103, "ffdhe6144", NULL },
	{ 0x0104, "ffdhe8192", NULL },
	{ 0 }
};

static const struct name sigalgs[] = {
	{ 0x0403, "ecdsa_secp256r1_sha256", "ECDSA+SHA256" },
	{ 0x0503, "ecdsa_secp384r1_sha384", "ECDSA+SHA384" },
	{ 0x0603, "ecdsa_secp521r1_sha512", "ECDSA+SHA512" },
	{ 0x0804, "rsa_pss_rsae_sha256", "RSA-PSS+SHA256" },
	{ 0x0805, "rsa_pss_rsae_sha384", "RSA-PSS+SHA384" },
	{ 0x0806, "rsa_pss_rsae_sha512", "RSA-PSS+SHA512" },
	{ 0x0809, "rsa_pss_pss_sha256", NULL },
	{ 0x080a, "rsa_pss_pss_sha384", NULL },
	{ 0x080b, "rsa_pss_pss_sha512", NULL },
	{ 0x0401, "rsa_pkcs1_sha256", "RSA+SHA256" },
	{ 0x0501, "rsa_pkcs1_sha384", "RSA+SHA384" },
	{ 0x0601, "rsa_pkcs1_sha512", "RSA+SHA512" },
	{ 0x0807, "ed25519", NULL },
	{ 0x0808, "ed448", NULL },
	{ 0x0201, "rsa_pkcs1_sha1", NULL },
	{ 0x0203, "ecdsa_sha1", NULL },
	{ 0 }
};

static const struct name alerts[] = {
	{ 0, "close_notify", NULL },
	{ 10, "unexpected_message", NULL },
	{ 20, "bad_record_mac", NULL },
	{ 22, "record_overflow", NULL },
	{ 40, "handshake_failure", NULL },
	{ 42, "bad_certificate", NULL },
	{ 43, "unsupported_certificate", NULL },
	{ 44, "certificate_revoked", NULL },
	{ 45, "certificate_expired", NULL },
	{ 46, "certificate_unknown", NULL },
	{ 47, "illegal_parameter", NULL },
	{ 48, "unknown_ca", NULL },
	{ 49, "access_denied", NULL },
	{ 50, "decode_error", NULL },
	{ 51, "decrypt_error", NULL },
	{ 70, "protocol_version", NULL },
	{ 71, "insufficient_security", NULL },
	{ 80, "internal_error", NULL },
	{ 86, "inappropriate_fallback", NULL },
	{ 90, "user_canceled", NULL },
	{ 100, "no_renegotiation", NULL },
	{ 109, "missing_extension", NULL },
	{ 110, "unsupported_extension", NULL },
	{ 112, "unrecognized_name", NULL },
	{ 113, "bad_certificate_status_response", NULL },
	{ 115, "unknown_psk_identity", NULL },
	{ 116, "certificate_required", NULL },
	{ 120, "no_application_protocol", NULL },
	{ 0 }
};

/* A name for any value: the table's, or the number in a static buffer
 * per table (the tool prints one value per call).
 */
static const char *lookup(const struct name *table, uint16_t value,
			  char *unknown, size_t size)
{
	for (; table->name; table++)
		if (table->value == value)
			return table->name;
	snprintf(unknown, size, "0x%04x", value);
	return unknown;
}

const char *version_name(uint16_t version)
{
	static char unknown[8];

	switch (version) {
	case TLSHAKE_TLS_1_2:
		return "TLSv1.2";
	case TLSHAKE_TLS_1_3:
		return "TLSv1.3";
	}
	snprintf(unknown, sizeof(unknown), "0x%04x", version);
	return unknown;
}

const char *suite_name(uint16_t suite)
{
	static char unknown[8];

	return lookup(suites, suite, unknown, sizeof(unknown));
}

const char *group_name(uint16_t group)
{
	static char unknown[8];

	return lookup(groups, group, unknown, sizeof(unknown));
}

const char *sigalg_name(uint16_t scheme)
{
	static char unknown[8];

	return lookup(sigalgs, scheme, unknown, sizeof(unknown));
}

const char *alert_name(uint8_t alert)
{
	static char unknown[8];

	return lookup(alerts, alert, unknown, sizeof(unknown));
}

static const struct name verify_errors[] = {
	{ TLSHAKE_VERIFY_ERR_MALFORMED, "malformed certificate", NULL },
	{ TLSHAKE_VERIFY_ERR_UNSUPPORTED, "unsupported algorithm or key", NULL },
	{ TLSHAKE_VERIFY_ERR_CRITICAL_EXT, "unknown critical extension", NULL },
	{ TLSHAKE_VERIFY_ERR_EXPIRED, "certificate expired", NULL },
	{ TLSHAKE_VERIFY_ERR_NOT_YET_VALID, "certificate not yet valid", NULL },
	{ TLSHAKE_VERIFY_ERR_UNKNOWN_ISSUER, "unknown issuer", NULL },
	{ TLSHAKE_VERIFY_ERR_BAD_SIGNATURE, "bad certificate signature", NULL },
	{ TLSHAKE_VERIFY_ERR_NOT_CA, "issuer is not a CA", NULL },
	{ TLSHAKE_VERIFY_ERR_PATH_TOO_LONG, "path too long", NULL },
	{ TLSHAKE_VERIFY_ERR_KEY_USAGE, "key usage does not allow it", NULL },
	{ TLSHAKE_VERIFY_ERR_NAME_MISMATCH, "name mismatch", NULL },
	{ TLSHAKE_VERIFY_ERR_PIN_MISMATCH, "not the pinned key", NULL },
	{ TLSHAKE_VERIFY_ERR_NO_TRUST, "no trust anchor or pin to verify it with",
	  NULL },
	{ 0 }
};

const char *verify_error_name(uint8_t why)
{
	static char unknown[8];

	return lookup(verify_errors, why, unknown, sizeof(unknown));
}

/* One list element: a name or alias from the table (case-insensitive), or
 * a code point in hex (0x1301) or decimal.
 */
static int parse_one(const struct name *table, const char *word,
		     uint16_t *value)
{
	const struct name *n;
	unsigned long v;
	char *end;

	for (n = table; n->name; n++) {
		if (!strcasecmp(word, n->name) ||
		    (n->alias && !strcasecmp(word, n->alias))) {
			*value = n->value;
			return 0;
		}
	}
	errno = 0;
	v = strtoul(word, &end, 0);
	if (*word < '0' || *word > '9' || *end || errno || !v || v > 0xffff)
		return -1;
	*value = v;
	return 0;
}

/* A comma- or colon-separated list, as openssl takes them. */
static int parse_list(const struct name *table, const char *what,
		      const char *list, uint16_t *out, unsigned int *count)
{
	char *copy = strdup(list), *word, *save = NULL;
	unsigned int i;
	int ret = 0;

	if (!copy) {
		warnx("out of memory");
		return -1;
	}
	*count = 0;
	for (word = strtok_r(copy, ",:", &save); word;
	     word = strtok_r(NULL, ",:", &save)) {
		if (*count == TLSHAKE_LIST_MAX) {
			warnx("more than %d %s", TLSHAKE_LIST_MAX, what);
			ret = -1;
			break;
		}
		if (parse_one(table, word, &out[*count])) {
			warnx("unknown %s '%s'", what, word);
			ret = -1;
			break;
		}
		for (i = 0; i < *count; i++)
			if (out[i] == out[*count])
				break;
		if (i == *count)
			(*count)++;
	}
	if (!ret && !*count) {
		warnx("an empty list of %s", what);
		ret = -1;
	}
	free(copy);
	return ret;
}

int parse_suites(const char *list, uint16_t *out, unsigned int *count)
{
	return parse_list(suites, "cipher suites", list, out, count);
}

int parse_groups(const char *list, uint16_t *out, unsigned int *count)
{
	return parse_list(groups, "groups", list, out, count);
}

int parse_sigalgs(const char *list, uint16_t *out, unsigned int *count)
{
	return parse_list(sigalgs, "signature schemes", list, out, count);
}

/* "h2,http/1.1" becomes the wire form "\x02h2\x08http/1.1". */
int parse_alpn(const char *list, struct buf *out)
{
	const char *p = list;

	out->len = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		uint8_t len = n;

		if (!n || n > 255) {
			warnx("ALPN names must have 1 to 255 bytes: '%s'", list);
			return -1;
		}
		buf_add(out, &len, 1);
		buf_add(out, p, n);
		p += n;
		if (*p)
			p++;
	}
	if (!out->len || out->len > TLSHAKE_ALPN_LIST_MAX) {
		warnx("the ALPN list must take 1 to %d bytes",
		      TLSHAKE_ALPN_LIST_MAX);
		return -1;
	}
	return 0;
}
