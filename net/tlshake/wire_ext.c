// SPDX-License-Identifier: GPL-2.0
/*
 * tlshake: extensions (RFC 8446 section 4.2; RFC 6066 server_name, RFC 7301
 * ALPN, RFC 8449 record_size_limit; for TLS 1.2, RFC 8422 ec_point_formats,
 * RFC 7627 extended_master_secret, RFC 5077 session_ticket and RFC 5746
 * renegotiation_info): the checks every extension block gets, the parsing
 * of the extensions tlshake recognises, and their building.
 */

#include "wire.h"

#define IN_CH	BIT(TLSW_CTX_CH)
#define IN_SH	BIT(TLSW_CTX_SH)
#define IN_HRR	BIT(TLSW_CTX_HRR)
#define IN_EE	BIT(TLSW_CTX_EE)
#define IN_CR	BIT(TLSW_CTX_CR)
#define IN_NST	BIT(TLSW_CTX_NST)
#define IN_SH12	BIT(TLSW_CTX_SH12)

/* The recognised extensions and the messages each may appear in: the
 * table of RFC 8446 section 4.2 for TLS 1.3, and for TLS 1.2 the
 * ClientHello and ServerHello of the RFCs that define them.
 */
static const struct {
	u16 type;
	u8 bit;
	u8 allowed;
} tlsw_known_exts[] = {
	{ TLSW_EXT_SERVER_NAME, TLSW_EXTB_SERVER_NAME,
	  IN_CH | IN_EE | IN_SH12 },
	{ TLSW_EXT_SUPPORTED_GROUPS, TLSW_EXTB_SUPPORTED_GROUPS,
	  IN_CH | IN_EE },
	{ TLSW_EXT_EC_POINT_FORMATS, TLSW_EXTB_EC_POINT_FORMATS,
	  IN_CH | IN_SH12 },
	{ TLSW_EXT_SIGNATURE_ALGORITHMS, TLSW_EXTB_SIGNATURE_ALGORITHMS,
	  IN_CH | IN_CR },
	{ TLSW_EXT_ALPN, TLSW_EXTB_ALPN, IN_CH | IN_EE | IN_SH12 },
	{ TLSW_EXT_EXTENDED_MASTER_SECRET, TLSW_EXTB_EXTENDED_MASTER_SECRET,
	  IN_CH | IN_SH12 },
	{ TLSW_EXT_RECORD_SIZE_LIMIT, TLSW_EXTB_RECORD_SIZE_LIMIT,
	  IN_CH | IN_EE | IN_SH12 },
	{ TLSW_EXT_SESSION_TICKET, TLSW_EXTB_SESSION_TICKET, IN_CH | IN_SH12 },
	{ TLSW_EXT_PRE_SHARED_KEY, TLSW_EXTB_PRE_SHARED_KEY, IN_CH | IN_SH },
	{ TLSW_EXT_EARLY_DATA, TLSW_EXTB_EARLY_DATA, IN_CH | IN_EE | IN_NST },
	{ TLSW_EXT_SUPPORTED_VERSIONS, TLSW_EXTB_SUPPORTED_VERSIONS,
	  IN_CH | IN_SH | IN_HRR },
	{ TLSW_EXT_COOKIE, TLSW_EXTB_COOKIE, IN_CH | IN_HRR },
	{ TLSW_EXT_PSK_KEY_EXCHANGE_MODES, TLSW_EXTB_PSK_KEY_EXCHANGE_MODES,
	  IN_CH },
	{ TLSW_EXT_POST_HANDSHAKE_AUTH, TLSW_EXTB_POST_HANDSHAKE_AUTH, IN_CH },
	{ TLSW_EXT_SIGNATURE_ALGORITHMS_CERT,
	  TLSW_EXTB_SIGNATURE_ALGORITHMS_CERT, IN_CH | IN_CR },
	{ TLSW_EXT_KEY_SHARE, TLSW_EXTB_KEY_SHARE, IN_CH | IN_SH | IN_HRR },
	{ TLSW_EXT_RENEGOTIATION_INFO, TLSW_EXTB_RENEGOTIATION_INFO,
	  IN_CH | IN_SH12 },
	{ TLSW_EXT_CERTIFICATE_AUTHORITIES, TLSW_EXTB_CERTIFICATE_AUTHORITIES,
	  IN_CH | IN_CR },
};

static int tlsw_decode_error(enum tlsw_alert *alert)
{
	return tlsw_fail(alert, TLSW_ALERT_DECODE_ERROR);
}

static int tlsw_illegal_parameter(enum tlsw_alert *alert)
{
	return tlsw_fail(alert, TLSW_ALERT_ILLEGAL_PARAMETER);
}

/* A vector of u16 values filling the extension data exactly. */
static int tlsw_rd_u16_list(struct tlsw_slice d, unsigned int prefix,
			    size_t max, struct tlsw_slice *list)
{
	if (tlsw_rd_vec(&d, prefix, 2, max, list) || list->len % 2)
		return -EBADMSG;
	return tlsw_rd_end(&d);
}

/* RFC 6066 section 3: a HostName is ASCII without a trailing dot.  Control
 * characters, spaces and bytes above 0x7e have no place in a DNS name, and
 * refusing them keeps a NUL out of anything that later treats the name as
 * a C string.
 */
static bool tlsw_host_name_valid(const u8 *name, size_t len)
{
	size_t i;

	if (!len || len > 0xffff || name[len - 1] == '.')
		return false;
	for (i = 0; i < len; i++)
		if (name[i] < 0x21 || name[i] > 0x7e)
			return false;
	return true;
}

static int tlsw_parse_server_name(struct tlsw_slice d, enum tlsw_ext_ctx ctx,
				  struct tlsw_exts *e, enum tlsw_alert *alert)
{
	struct tlsw_slice list, name;
	u8 type;

	/* A server acknowledges the name with an empty extension. */
	if (ctx != TLSW_CTX_CH)
		return tlsw_rd_end(&d) ? tlsw_decode_error(alert) : 0;

	if (tlsw_rd_vec(&d, 2, 1, 0xffff, &list) || tlsw_rd_end(&d))
		return tlsw_decode_error(alert);
	while (list.len) {
		/* Every NameType's data starts with a 16-bit length (RFC 6066
		 * section 3), so unknown ones can be skipped.
		 */
		if (tlsw_rd_u8(&list, &type) ||
		    tlsw_rd_vec(&list, 2, type ? 0 : 1, 0xffff, &name))
			return tlsw_decode_error(alert);
		if (type)
			continue;
		/* "MUST NOT contain more than one name of the same type" */
		if (e->server_name.data ||
		    !tlsw_host_name_valid(name.data, name.len))
			return tlsw_illegal_parameter(alert);
		e->server_name = name;
	}
	return 0;
}

static int tlsw_parse_alpn(struct tlsw_slice d, enum tlsw_ext_ctx ctx,
			   struct tlsw_exts *e, enum tlsw_alert *alert)
{
	struct tlsw_slice list, it, name;
	unsigned int n = 0;

	if (tlsw_rd_vec(&d, 2, 2, 0xffff, &list) || tlsw_rd_end(&d))
		return tlsw_decode_error(alert);
	/* ProtocolName is opaque<1..2^8-1>: an empty name is a decode_error. */
	it = list;
	while (it.len) {
		if (tlsw_rd_vec(&it, 1, 1, 255, &name))
			return tlsw_decode_error(alert);
		n++;
	}
	if (ctx == TLSW_CTX_CH) {
		e->alpn = list;
		return 0;
	}
	/* RFC 7301 section 3.1: the server's list holds exactly one name. */
	if (n != 1)
		return tlsw_decode_error(alert);
	e->alpn = name;
	return 0;
}

static int tlsw_parse_key_share(struct tlsw_slice d, enum tlsw_ext_ctx ctx,
				struct tlsw_exts *e, enum tlsw_alert *alert)
{
	struct tlsw_key_share ks;
	struct tlsw_slice it;

	switch (ctx) {
	case TLSW_CTX_HRR:
		if (tlsw_rd_u16(&d, &e->hrr_group) || tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_CTX_SH:
		if (tlsw_rd_u16(&d, &e->key_share.group) ||
		    tlsw_rd_vec(&d, 2, 1, 0xffff, &e->key_share.key) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	default:
		if (tlsw_rd_vec(&d, 2, 0, 0xffff, &e->key_shares) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		it = e->key_shares;
		while (it.len)
			if (tlsw_rd_u16(&it, &ks.group) ||
			    tlsw_rd_vec(&it, 2, 1, 0xffff, &ks.key))
				return tlsw_decode_error(alert);
		return 0;
	}
}

static int tlsw_parse_pre_shared_key(struct tlsw_slice d,
				     enum tlsw_ext_ctx ctx,
				     struct tlsw_exts *e,
				     enum tlsw_alert *alert)
{
	struct tlsw_slice it, item;
	unsigned int identities = 0, binders = 0;
	u32 age;

	if (ctx == TLSW_CTX_SH) {
		if (tlsw_rd_u16(&d, &e->psk_selected) || tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	}

	if (tlsw_rd_vec(&d, 2, 7, 0xffff, &e->psk_identities) ||
	    tlsw_rd_vec(&d, 2, 33, 0xffff, &e->psk_binders) ||
	    tlsw_rd_end(&d))
		return tlsw_decode_error(alert);
	it = e->psk_identities;
	while (it.len) {
		if (tlsw_rd_vec(&it, 2, 1, 0xffff, &item) ||
		    tlsw_rd_u32(&it, &age))
			return tlsw_decode_error(alert);
		identities++;
	}
	it = e->psk_binders;
	while (it.len) {
		if (tlsw_rd_vec(&it, 1, 32, 255, &item))
			return tlsw_decode_error(alert);
		binders++;
	}
	/* One binder for each identity, in the same order (section 4.2.11). */
	if (identities != binders)
		return tlsw_illegal_parameter(alert);
	return 0;
}

/* RFC 8446 section 4.2.4: DistinguishedName authorities<3..2^16-1>, each
 * an opaque<1..2^16-1>.  The names are not parsed as X.509 Names: nothing
 * here acts on them.
 */
static int tlsw_parse_ca_names(struct tlsw_slice d, struct tlsw_exts *e,
			       enum tlsw_alert *alert)
{
	struct tlsw_slice it, name;

	if (tlsw_rd_vec(&d, 2, 3, 0xffff, &e->ca_names) || tlsw_rd_end(&d))
		return tlsw_decode_error(alert);
	it = e->ca_names;
	while (it.len)
		if (tlsw_rd_vec(&it, 2, 1, 0xffff, &name))
			return tlsw_decode_error(alert);
	return 0;
}

/* The extension data of one recognised extension, in context @ctx. */
static int tlsw_parse_known(u8 bit, struct tlsw_slice d, enum tlsw_ext_ctx ctx,
			    struct tlsw_exts *e, enum tlsw_alert *alert)
{
	switch (bit) {
	case TLSW_EXTB_SERVER_NAME:
		return tlsw_parse_server_name(d, ctx, e, alert);
	case TLSW_EXTB_SUPPORTED_GROUPS:
		if (tlsw_rd_u16_list(d, 2, 0xffff, &e->groups))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_EC_POINT_FORMATS:
		if (tlsw_rd_vec(&d, 1, 1, 255, &e->ec_point_formats) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		/* RFC 8422 section 5.1.2: uncompressed is mandatory. */
		if (!tlsw_u8_list_has(&e->ec_point_formats,
				      TLSW_EC_POINT_UNCOMPRESSED))
			return tlsw_illegal_parameter(alert);
		return 0;
	case TLSW_EXTB_SIGNATURE_ALGORITHMS:
		if (tlsw_rd_u16_list(d, 2, 0xfffe, &e->sig_algs))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_SIGNATURE_ALGORITHMS_CERT:
		if (tlsw_rd_u16_list(d, 2, 0xfffe, &e->sig_algs_cert))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_ALPN:
		return tlsw_parse_alpn(d, ctx, e, alert);
	case TLSW_EXTB_RECORD_SIZE_LIMIT:
		if (tlsw_rd_u16(&d, &e->record_size_limit) || tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		/* RFC 8449 section 4: below 64 is illegal_parameter. */
		if (e->record_size_limit < 64)
			return tlsw_illegal_parameter(alert);
		return 0;
	case TLSW_EXTB_SESSION_TICKET:
		/* The client's is the ticket itself, the server's empty. */
		if (ctx != TLSW_CTX_CH && d.len)
			return tlsw_decode_error(alert);
		e->session_ticket = d;
		return 0;
	case TLSW_EXTB_EXTENDED_MASTER_SECRET:
	case TLSW_EXTB_POST_HANDSHAKE_AUTH:
		return d.len ? tlsw_decode_error(alert) : 0;
	case TLSW_EXTB_EARLY_DATA:
		if (ctx == TLSW_CTX_NST) {
			if (tlsw_rd_u32(&d, &e->max_early_data))
				return tlsw_decode_error(alert);
		}
		return tlsw_rd_end(&d) ? tlsw_decode_error(alert) : 0;
	case TLSW_EXTB_PRE_SHARED_KEY:
		return tlsw_parse_pre_shared_key(d, ctx, e, alert);
	case TLSW_EXTB_SUPPORTED_VERSIONS:
		if (ctx == TLSW_CTX_CH) {
			if (tlsw_rd_u16_list(d, 1, 254, &e->versions))
				return tlsw_decode_error(alert);
			return 0;
		}
		if (tlsw_rd_u16(&d, &e->selected_version) || tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_COOKIE:
		if (tlsw_rd_vec(&d, 2, 1, 0xffff, &e->cookie) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_PSK_KEY_EXCHANGE_MODES:
		if (tlsw_rd_vec(&d, 1, 1, 255, &e->psk_modes) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	case TLSW_EXTB_KEY_SHARE:
		return tlsw_parse_key_share(d, ctx, e, alert);
	case TLSW_EXTB_CERTIFICATE_AUTHORITIES:
		return tlsw_parse_ca_names(d, e, alert);
	case TLSW_EXTB_RENEGOTIATION_INFO:
		if (tlsw_rd_vec(&d, 1, 0, 255, &e->renegotiation_info) ||
		    tlsw_rd_end(&d))
			return tlsw_decode_error(alert);
		return 0;
	}
	return 0;
}

/**
 * tlsw_parse_extensions() - check and parse an extension block
 * @buf: the block's contents, after its 2-byte length
 * @len: their length
 * @ctx: the message the block belongs to
 * @exts: the recognised extensions found
 * @alert: the alert to send on failure
 *
 * Checked here: the framing of every extension; that no extension type
 * appears twice (RFC 8446 section 4.2); that a recognised extension is
 * one @ctx allows; the syntax and the values each recognised extension's
 * RFC forbids; that pre_shared_key comes last in a ClientHello (section
 * 4.2.11).  Unknown extensions are counted and skipped, or rejected
 * where @ctx allows only answers to our own offers (see enum
 * tlsw_ext_ctx).  Left to the engine: whether a server's extension
 * answers one we sent (unsupported_extension), and the extensions a
 * message must carry for the negotiated mode (missing_extension).
 *
 * Return: 0; -EBADMSG (decode_error) for a malformed extension or block,
 * or more than TLSW_MAX_EXTENSIONS extensions; -EINVAL (illegal_parameter
 * for a duplicate, a misplaced or a forbidden value; unsupported_extension
 * for an unknown extension where none may be).
 */
int tlsw_parse_extensions(const u8 *buf, size_t len, enum tlsw_ext_ctx ctx,
			  struct tlsw_exts *exts, enum tlsw_alert *alert)
{
	u16 seen[TLSW_MAX_EXTENSIONS];
	struct tlsw_slice r, data;
	unsigned int n = 0, i;
	u16 type;
	int err;

	memset(exts, 0, sizeof(*exts));
	tlsw_slice_init(&r, buf, len);
	while (r.len) {
		if (tlsw_rd_u16(&r, &type) ||
		    tlsw_rd_vec(&r, 2, 0, 0xffff, &data))
			return tlsw_decode_error(alert);

		for (i = 0; i < n; i++)
			if (seen[i] == type)
				return tlsw_illegal_parameter(alert);
		if (n == ARRAY_SIZE(seen))
			return tlsw_decode_error(alert);
		seen[n++] = type;

		if (ctx == TLSW_CTX_CH &&
		    tlsw_exts_has(exts, TLSW_EXTB_PRE_SHARED_KEY))
			return tlsw_illegal_parameter(alert);

		for (i = 0; i < ARRAY_SIZE(tlsw_known_exts); i++)
			if (tlsw_known_exts[i].type == type)
				break;
		if (i == ARRAY_SIZE(tlsw_known_exts)) {
			if (ctx != TLSW_CTX_CH && ctx != TLSW_CTX_CR &&
			    ctx != TLSW_CTX_NST)
				return tlsw_fail(alert,
						 TLSW_ALERT_UNSUPPORTED_EXTENSION);
			exts->n_unknown++;
			continue;
		}
		if (!(tlsw_known_exts[i].allowed & BIT(ctx)))
			return tlsw_illegal_parameter(alert);
		err = tlsw_parse_known(tlsw_known_exts[i].bit, data, ctx, exts,
				       alert);
		if (err)
			return err;
		exts->present |= BIT(tlsw_known_exts[i].bit);
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_parse_extensions);

/**
 * tlsw_ext_find() - look up one extension in a block not yet parsed
 * @buf: the block's contents, after its 2-byte length
 * @len: their length
 * @type: the extension type
 * @data: its extension data, if found
 *
 * Duplicates are not looked for; tlsw_parse_extensions() does that.
 *
 * Return: 1 if found, 0 if not, -EBADMSG if the block is malformed up to
 * the extension.
 */
int tlsw_ext_find(const u8 *buf, size_t len, u16 type,
		  struct tlsw_slice *data)
{
	struct tlsw_slice r;
	u16 t;

	tlsw_slice_init(&r, buf, len);
	while (r.len) {
		if (tlsw_rd_u16(&r, &t) || tlsw_rd_vec(&r, 2, 0, 0xffff, data))
			return -EBADMSG;
		if (t == type)
			return 1;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_ext_find);

/**
 * tlsw_u16_list_has() - whether a list of u16 holds a value
 * @list: the list's wire encoding
 * @val: the value
 *
 * Return: true if @val is in @list.
 */
bool tlsw_u16_list_has(const struct tlsw_slice *list, u16 val)
{
	size_t i;

	for (i = 0; i < tlsw_u16_list_count(list); i++)
		if (tlsw_u16_list_at(list, i) == val)
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_u16_list_has);

/**
 * tlsw_u8_list_has() - whether a list of u8 holds a value
 * @list: the list's wire encoding
 * @val: the value
 *
 * Return: true if @val is in @list.
 */
bool tlsw_u8_list_has(const struct tlsw_slice *list, u8 val)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		if (list->data[i] == val)
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_u8_list_has);

/**
 * tlsw_key_share_next() - read the next KeyShareEntry of a list
 * @it: the rest of the list; start with a copy of tlsw_exts.key_shares
 * @ks: the entry
 *
 * Return: true with @ks set, false at the end of the list.
 */
bool tlsw_key_share_next(struct tlsw_slice *it, struct tlsw_key_share *ks)
{
	if (tlsw_rd_u16(it, &ks->group) ||
	    tlsw_rd_vec(it, 2, 1, 0xffff, &ks->key)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_key_share_next);

/**
 * tlsw_key_share_find() - the client's share for a group
 * @list: tlsw_exts.key_shares of a ClientHello
 * @group: the group
 * @ks: the entry, if found
 * @alert: the alert to send on failure
 *
 * RFC 8446 section 4.2.8: a client must not offer two shares for one
 * group.  That is checked for @group here, where the server picks its
 * share, rather than for every pair of a list of unbounded length.
 *
 * Return: 1 if found, 0 if not, -EINVAL (illegal_parameter) if @group
 * has more than one share.
 */
int tlsw_key_share_find(const struct tlsw_slice *list, u16 group,
			struct tlsw_key_share *ks, enum tlsw_alert *alert)
{
	struct tlsw_slice it = *list;
	struct tlsw_key_share cur;
	int found = 0;

	while (tlsw_key_share_next(&it, &cur)) {
		if (cur.group != group)
			continue;
		if (found)
			return tlsw_illegal_parameter(alert);
		*ks = cur;
		found = 1;
	}
	return found;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_key_share_find);

/**
 * tlsw_alpn_next() - read the next name of a ProtocolNameList
 * @it: the rest of the list; start with a copy of tlsw_exts.alpn
 * @name: the protocol name, 1 to 255 bytes
 *
 * Return: true with @name set, false at the end of the list.
 */
bool tlsw_alpn_next(struct tlsw_slice *it, struct tlsw_slice *name)
{
	if (tlsw_rd_vec(it, 1, 1, 255, name)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_alpn_next);

/**
 * tlsw_psk_identity_next() - read the next PskIdentity
 * @it: the rest of the list; start with a copy of tlsw_exts.psk_identities
 * @identity: the identity
 * @obfuscated_age: obfuscated_ticket_age
 *
 * Return: true with @identity and @obfuscated_age set, false at the end.
 */
bool tlsw_psk_identity_next(struct tlsw_slice *it, struct tlsw_slice *identity,
			    u32 *obfuscated_age)
{
	if (tlsw_rd_vec(it, 2, 1, 0xffff, identity) ||
	    tlsw_rd_u32(it, obfuscated_age)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_psk_identity_next);

/**
 * tlsw_psk_binder_next() - read the next PskBinderEntry
 * @it: the rest of the list; start with a copy of tlsw_exts.psk_binders
 * @binder: the binder, 32 to 255 bytes
 *
 * Return: true with @binder set, false at the end of the list.
 */
bool tlsw_psk_binder_next(struct tlsw_slice *it, struct tlsw_slice *binder)
{
	if (tlsw_rd_vec(it, 1, 32, 255, binder)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_psk_binder_next);

/**
 * tlsw_ca_name_next() - read the next DistinguishedName of a list
 * @it: the rest of the list; start with a copy of tlsw_exts.ca_names
 * @name: the name, 1 to 65535 bytes (a DER Name as its sender encoded it)
 *
 * Return: true with @name set, false at the end of the list.
 */
bool tlsw_ca_name_next(struct tlsw_slice *it, struct tlsw_slice *name)
{
	if (tlsw_rd_vec(it, 2, 1, 0xffff, name)) {
		it->len = 0;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_ca_name_next);

/**
 * tlsw_build_ext_begin() - start an extension
 * @w: the cursor
 * @type: ExtensionType
 * @v: the open extension data, closed with tlsw_wr_vec_end()
 */
void tlsw_build_ext_begin(struct tlsw_wr *w, u16 type, struct tlsw_wr_vec *v)
{
	tlsw_wr_u16(w, type);
	tlsw_wr_vec_begin(w, 2, v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_begin);

/**
 * tlsw_build_ext_raw() - write an extension from its encoded data
 * @w: the cursor
 * @type: ExtensionType
 * @data: the extension data (may be NULL when @len is 0)
 * @len: its length
 */
void tlsw_build_ext_raw(struct tlsw_wr *w, u16 type, const void *data,
			size_t len)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, type, &v);
	tlsw_wr_bytes(w, data, len);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_raw);

/**
 * tlsw_build_ext_empty() - write an extension with empty data
 * @w: the cursor
 * @type: ExtensionType: extended_master_secret, post_handshake_auth, a
 *	server's server_name or session_ticket, early_data outside
 *	NewSessionTicket
 */
void tlsw_build_ext_empty(struct tlsw_wr *w, u16 type)
{
	tlsw_build_ext_raw(w, type, NULL, 0);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_empty);

/**
 * tlsw_build_ext_u8_list() - write an extension holding a vector of u8
 * @w: the cursor
 * @type: ExtensionType: psk_key_exchange_modes, ec_point_formats,
 *	renegotiation_info
 * @vals: the values
 * @n: how many, at most 255
 */
void tlsw_build_ext_u8_list(struct tlsw_wr *w, u16 type, const u8 *vals,
			    size_t n)
{
	struct tlsw_wr_vec v, list;

	tlsw_build_ext_begin(w, type, &v);
	tlsw_wr_vec_begin(w, 1, &list);
	tlsw_wr_bytes(w, vals, n);
	tlsw_wr_vec_end(w, &list);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_u8_list);

static void tlsw_wr_u16_list(struct tlsw_wr *w, unsigned int prefix,
			     const u16 *vals, size_t n)
{
	struct tlsw_wr_vec list;
	size_t i;

	if (!n)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_vec_begin(w, prefix, &list);
	for (i = 0; i < n; i++)
		tlsw_wr_u16(w, vals[i]);
	tlsw_wr_vec_end(w, &list);
}

/**
 * tlsw_build_ext_u16_list() - write an extension holding a vector of u16
 * @w: the cursor
 * @type: ExtensionType: supported_groups, signature_algorithms,
 *	signature_algorithms_cert
 * @vals: the values, in order of preference
 * @n: how many, at least one
 */
void tlsw_build_ext_u16_list(struct tlsw_wr *w, u16 type, const u16 *vals,
			     size_t n)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, type, &v);
	tlsw_wr_u16_list(w, 2, vals, n);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_u16_list);

/**
 * tlsw_build_ext_supported_versions() - write a client's supported_versions
 * @w: the cursor
 * @versions: the versions, in order of preference
 * @n: how many, 1 to 127
 */
void tlsw_build_ext_supported_versions(struct tlsw_wr *w, const u16 *versions,
				       size_t n)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, TLSW_EXT_SUPPORTED_VERSIONS, &v);
	tlsw_wr_u16_list(w, 1, versions, n);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_supported_versions);

/**
 * tlsw_build_ext_selected_version() - write a server's supported_versions
 * @w: the cursor
 * @version: the selected version
 */
void tlsw_build_ext_selected_version(struct tlsw_wr *w, u16 version)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, TLSW_EXT_SUPPORTED_VERSIONS, &v);
	tlsw_wr_u16(w, version);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_selected_version);

static void tlsw_wr_key_share(struct tlsw_wr *w,
			      const struct tlsw_key_share *ks)
{
	struct tlsw_wr_vec key;

	if (!ks->key.len)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_wr_u16(w, ks->group);
	tlsw_wr_vec_begin(w, 2, &key);
	tlsw_wr_bytes(w, ks->key.data, ks->key.len);
	tlsw_wr_vec_end(w, &key);
}

/**
 * tlsw_build_ext_key_share_ch() - write a client's key_share
 * @w: the cursor
 * @shares: the shares, in the order of the client's supported_groups
 * @n: how many; 0 asks the server for a HelloRetryRequest
 */
void tlsw_build_ext_key_share_ch(struct tlsw_wr *w,
				 const struct tlsw_key_share *shares,
				 size_t n)
{
	struct tlsw_wr_vec v, list;
	size_t i;

	tlsw_build_ext_begin(w, TLSW_EXT_KEY_SHARE, &v);
	tlsw_wr_vec_begin(w, 2, &list);
	for (i = 0; i < n; i++)
		tlsw_wr_key_share(w, &shares[i]);
	tlsw_wr_vec_end(w, &list);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_key_share_ch);

/**
 * tlsw_build_ext_key_share_sh() - write a ServerHello's key_share
 * @w: the cursor
 * @share: the server's share
 */
void tlsw_build_ext_key_share_sh(struct tlsw_wr *w,
				 const struct tlsw_key_share *share)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, TLSW_EXT_KEY_SHARE, &v);
	tlsw_wr_key_share(w, share);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_key_share_sh);

/**
 * tlsw_build_ext_key_share_hrr() - write a HelloRetryRequest's key_share
 * @w: the cursor
 * @group: the group the client is to use
 */
void tlsw_build_ext_key_share_hrr(struct tlsw_wr *w, u16 group)
{
	struct tlsw_wr_vec v;

	tlsw_build_ext_begin(w, TLSW_EXT_KEY_SHARE, &v);
	tlsw_wr_u16(w, group);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_key_share_hrr);

/**
 * tlsw_build_ext_server_name() - write a client's server_name
 * @w: the cursor
 * @host: the DNS name, ASCII without a trailing dot (RFC 6066 section 3)
 * @len: its length, without any terminating NUL
 *
 * A name the parser would refuse fails the cursor with -EINVAL.
 */
void tlsw_build_ext_server_name(struct tlsw_wr *w, const char *host,
				size_t len)
{
	struct tlsw_wr_vec v, list, name;

	if (!tlsw_host_name_valid((const u8 *)host, len)) {
		tlsw_wr_fail(w, -EINVAL);
		return;
	}
	tlsw_build_ext_begin(w, TLSW_EXT_SERVER_NAME, &v);
	tlsw_wr_vec_begin(w, 2, &list);
	tlsw_wr_u8(w, 0);	/* host_name */
	tlsw_wr_vec_begin(w, 2, &name);
	tlsw_wr_bytes(w, host, len);
	tlsw_wr_vec_end(w, &name);
	tlsw_wr_vec_end(w, &list);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_server_name);

/**
 * tlsw_build_ext_alpn() - write application_layer_protocol_negotiation
 * @w: the cursor
 * @names: the protocol names, each 1 to 255 bytes
 * @n: how many: the client's list, or the server's one selected name
 */
void tlsw_build_ext_alpn(struct tlsw_wr *w, const struct tlsw_slice *names,
			 size_t n)
{
	struct tlsw_wr_vec v, list, name;
	size_t i;

	if (!n)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_ext_begin(w, TLSW_EXT_ALPN, &v);
	tlsw_wr_vec_begin(w, 2, &list);
	for (i = 0; i < n; i++) {
		if (!names[i].len || names[i].len > 255)
			tlsw_wr_fail(w, -EINVAL);
		tlsw_wr_vec_begin(w, 1, &name);
		tlsw_wr_bytes(w, names[i].data, names[i].len);
		tlsw_wr_vec_end(w, &name);
	}
	tlsw_wr_vec_end(w, &list);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_alpn);

/**
 * tlsw_build_ext_cookie() - write a cookie extension
 * @w: the cursor
 * @cookie: the cookie
 * @len: its length, 1 to 65535
 */
void tlsw_build_ext_cookie(struct tlsw_wr *w, const u8 *cookie, size_t len)
{
	struct tlsw_wr_vec v, c;

	if (!len)
		tlsw_wr_fail(w, -EINVAL);
	tlsw_build_ext_begin(w, TLSW_EXT_COOKIE, &v);
	tlsw_wr_vec_begin(w, 2, &c);
	tlsw_wr_bytes(w, cookie, len);
	tlsw_wr_vec_end(w, &c);
	tlsw_wr_vec_end(w, &v);
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_cookie);

/**
 * tlsw_build_ext_certificate_authorities() - write certificate_authorities
 * @w: the cursor
 * @m: the message being built, whose extension block the extension joins
 * @names: the DistinguishedNames (DER Names), each 1 to 65535 bytes
 * @n: how many
 * @reserve: bytes of @w to leave free for what follows the extension
 *
 * RFC 8446 section 4.2.4.  The extension is optional, so rather than fail
 * the message it is left out when there are no names, when the list would
 * outgrow its 2-byte length or the extension block its own, or when it
 * would leave less than @reserve bytes of room.  A name the encoding cannot
 * carry fails the cursor with -EINVAL.
 *
 * Return: true if the extension was written.
 */
bool tlsw_build_ext_certificate_authorities(struct tlsw_wr *w,
					    const struct tlsw_msg_wr *m,
					    const struct tlsw_slice *names,
					    size_t n, size_t reserve)
{
	struct tlsw_wr_vec v, list, name;
	size_t total = 0, need, i;

	for (i = 0; i < n; i++) {
		if (!names[i].len || names[i].len > 0xffff) {
			tlsw_wr_fail(w, -EINVAL);
			return false;
		}
		total += 2 + names[i].len;
		if (total > 0xffff)
			return false;
	}
	/* ExtensionType, extension_data's length and the list's length. */
	need = 6 + total;
	if (!n || tlsw_wr_error(w) || w->len < m->list.start ||
	    w->len - m->list.start + need > 0xffff ||
	    w->size - w->len < need || w->size - w->len - need < reserve)
		return false;

	tlsw_build_ext_begin(w, TLSW_EXT_CERTIFICATE_AUTHORITIES, &v);
	tlsw_wr_vec_begin(w, 2, &list);
	for (i = 0; i < n; i++) {
		tlsw_wr_vec_begin(w, 2, &name);
		tlsw_wr_bytes(w, names[i].data, names[i].len);
		tlsw_wr_vec_end(w, &name);
	}
	tlsw_wr_vec_end(w, &list);
	tlsw_wr_vec_end(w, &v);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(tlsw_build_ext_certificate_authorities);
