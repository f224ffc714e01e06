/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TLS wire format: records, handshake messages and extensions of TLS 1.3
 * (RFC 8446), with the pieces of TLS 1.2 (RFC 5246) that share their
 * encoding.  Pure code (see pure.h): it parses untrusted bytes and builds
 * messages, and does nothing else.
 *
 * Parsing
 *   A parser takes (buffer, length) and fills a structure whose slices
 *   point into that buffer: the buffer must outlive the structure.  Lists
 *   (cipher suites, groups, key shares, ALPN names, certificates, ...) are
 *   kept as slices of their wire encoding, checked completely by the
 *   parser, and read with the tlsw_*_next()/tlsw_u16_list_*() helpers.
 *
 * Errors and alerts
 *   Every function that can reject its input returns 0 (or a count) on
 *   success and a negative errno on failure, and on failure only it stores
 *   in *@alert the alert description that RFC 8446 (or RFC 5246/6066/7301/
 *   8422 for what they define) requires the receiver to send.  The
 *   protocol engine sends that alert as it is, fatal.  The errno follows
 *   from the alert and only tells the kinds apart:
 *
 *     -EBADMSG    decode_error: a length or a vector is out of its
 *                 range, or the data does not end where it must
 *     -EMSGSIZE   record_overflow
 *     -EPROTO     unexpected_message
 *     -EINVAL     every other alert: illegal_parameter (a value the
 *                 protocol forbids, a duplicated extension, a recognised
 *                 extension in a message it does not belong to),
 *                 unsupported_extension (an unknown extension where only
 *                 answers to our own offers may appear), missing_extension
 *     -ENOSPC     internal_error: the caller's buffer is too small
 *
 *   What a parser filled in before failing means nothing.
 *
 *   tlsw_fail() applies this convention; the engine uses it for its own
 *   checks too.  Checks that need protocol state (what we offered, which
 *   message may come next, whether a certificate list may be empty) are
 *   the engine's; the kernel-doc of each parser says which remain.
 *
 * Building
 *   Builders write through a bounded cursor, struct tlsw_wr, and return
 *   nothing: the first failure sticks in the cursor (-ENOSPC when the
 *   buffer is full, -EMSGSIZE when a vector outgrows its length prefix,
 *   -EINVAL for an argument the encoding cannot carry), nothing is ever
 *   written past the buffer, and the caller checks tlsw_wr_error() once
 *   after the whole message.  A message with extensions is built in three
 *   steps: tlsw_build_*_begin() writes the handshake header and the fixed
 *   fields and opens the extension block, tlsw_build_ext_*() append
 *   extensions in the caller's order, tlsw_build_msg_end() patches the
 *   lengths.
 */
#ifndef _NET_TLSHAKE_WIRE_H
#define _NET_TLSHAKE_WIRE_H

#include "pure.h"

#define TLSW_RECORD_HEADER_LEN	5
#define TLSW_HS_HEADER_LEN	4
#define TLSW_RANDOM_LEN		32
#define TLSW_SESSION_ID_MAX	32
/* Largest TLSPlaintext.fragment, and largest TLSCiphertext fragments. */
#define TLSW_MAX_PLAINTEXT	16384
#define TLSW_MAX_CIPHERTEXT13	(TLSW_MAX_PLAINTEXT + 256)
#define TLSW_MAX_CIPHERTEXT12	(TLSW_MAX_PLAINTEXT + 2048)
/* Most extensions in one block.  RFC 8446 sets no limit; every defined
 * extension at once stays far below it, and the bound keeps the duplicate
 * check linear.
 */
#define TLSW_MAX_EXTENSIONS	128

enum tlsw_version {
	TLSW_VERSION_TLS10	= 0x0301,
	TLSW_VERSION_TLS11	= 0x0302,
	TLSW_VERSION_TLS12	= 0x0303,
	TLSW_VERSION_TLS13	= 0x0304,
};

enum tlsw_content_type {
	TLSW_CT_CHANGE_CIPHER_SPEC	= 20,
	TLSW_CT_ALERT			= 21,
	TLSW_CT_HANDSHAKE		= 22,
	TLSW_CT_APPLICATION_DATA	= 23,
};

enum tlsw_alert_level {
	TLSW_ALERT_LEVEL_WARNING	= 1,
	TLSW_ALERT_LEVEL_FATAL		= 2,
};

/* AlertDescription, RFC 8446 section 6, and no_renegotiation of TLS 1.2. */
enum tlsw_alert {
	TLSW_ALERT_CLOSE_NOTIFY			= 0,
	TLSW_ALERT_UNEXPECTED_MESSAGE		= 10,
	TLSW_ALERT_BAD_RECORD_MAC		= 20,
	TLSW_ALERT_RECORD_OVERFLOW		= 22,
	TLSW_ALERT_HANDSHAKE_FAILURE		= 40,
	TLSW_ALERT_BAD_CERTIFICATE		= 42,
	TLSW_ALERT_UNSUPPORTED_CERTIFICATE	= 43,
	TLSW_ALERT_CERTIFICATE_REVOKED		= 44,
	TLSW_ALERT_CERTIFICATE_EXPIRED		= 45,
	TLSW_ALERT_CERTIFICATE_UNKNOWN		= 46,
	TLSW_ALERT_ILLEGAL_PARAMETER		= 47,
	TLSW_ALERT_UNKNOWN_CA			= 48,
	TLSW_ALERT_ACCESS_DENIED		= 49,
	TLSW_ALERT_DECODE_ERROR			= 50,
	TLSW_ALERT_DECRYPT_ERROR		= 51,
	TLSW_ALERT_PROTOCOL_VERSION		= 70,
	TLSW_ALERT_INSUFFICIENT_SECURITY	= 71,
	TLSW_ALERT_INTERNAL_ERROR		= 80,
	TLSW_ALERT_INAPPROPRIATE_FALLBACK	= 86,
	TLSW_ALERT_USER_CANCELED		= 90,
	TLSW_ALERT_NO_RENEGOTIATION		= 100,
	TLSW_ALERT_MISSING_EXTENSION		= 109,
	TLSW_ALERT_UNSUPPORTED_EXTENSION	= 110,
	TLSW_ALERT_UNRECOGNIZED_NAME		= 112,
	TLSW_ALERT_BAD_CERTIFICATE_STATUS_RESPONSE = 113,
	TLSW_ALERT_UNKNOWN_PSK_IDENTITY		= 115,
	TLSW_ALERT_CERTIFICATE_REQUIRED		= 116,
	TLSW_ALERT_NO_APPLICATION_PROTOCOL	= 120,
};

/* HandshakeType; the TLS 1.2-only ones are marked. */
enum tlsw_hs_type {
	TLSW_HS_HELLO_REQUEST		= 0,	/* TLS 1.2 */
	TLSW_HS_CLIENT_HELLO		= 1,
	TLSW_HS_SERVER_HELLO		= 2,
	TLSW_HS_NEW_SESSION_TICKET	= 4,
	TLSW_HS_END_OF_EARLY_DATA	= 5,
	TLSW_HS_ENCRYPTED_EXTENSIONS	= 8,
	TLSW_HS_CERTIFICATE		= 11,
	TLSW_HS_SERVER_KEY_EXCHANGE	= 12,	/* TLS 1.2 */
	TLSW_HS_CERTIFICATE_REQUEST	= 13,
	TLSW_HS_SERVER_HELLO_DONE	= 14,	/* TLS 1.2 */
	TLSW_HS_CERTIFICATE_VERIFY	= 15,
	TLSW_HS_CLIENT_KEY_EXCHANGE	= 16,	/* TLS 1.2 */
	TLSW_HS_FINISHED		= 20,
	TLSW_HS_KEY_UPDATE		= 24,
	TLSW_HS_MESSAGE_HASH		= 254,
};

enum tlsw_ext_type {
	TLSW_EXT_SERVER_NAME			= 0,
	TLSW_EXT_SUPPORTED_GROUPS		= 10,
	TLSW_EXT_EC_POINT_FORMATS		= 11,
	TLSW_EXT_SIGNATURE_ALGORITHMS		= 13,
	TLSW_EXT_ALPN				= 16,
	TLSW_EXT_EXTENDED_MASTER_SECRET		= 23,
	TLSW_EXT_RECORD_SIZE_LIMIT		= 28,
	TLSW_EXT_SESSION_TICKET			= 35,
	TLSW_EXT_PRE_SHARED_KEY			= 41,
	TLSW_EXT_EARLY_DATA			= 42,
	TLSW_EXT_SUPPORTED_VERSIONS		= 43,
	TLSW_EXT_COOKIE				= 44,
	TLSW_EXT_PSK_KEY_EXCHANGE_MODES		= 45,
	TLSW_EXT_CERTIFICATE_AUTHORITIES	= 47,
	TLSW_EXT_POST_HANDSHAKE_AUTH		= 49,
	TLSW_EXT_SIGNATURE_ALGORITHMS_CERT	= 50,
	TLSW_EXT_KEY_SHARE			= 51,
	TLSW_EXT_RENEGOTIATION_INFO		= 0xff01,
};

enum tlsw_group {
	TLSW_GROUP_SECP256R1	= 0x0017,
	TLSW_GROUP_SECP384R1	= 0x0018,
	TLSW_GROUP_SECP521R1	= 0x0019,
	TLSW_GROUP_X25519	= 0x001d,
	TLSW_GROUP_X448		= 0x001e,
	TLSW_GROUP_FFDHE2048	= 0x0100,
	TLSW_GROUP_FFDHE3072	= 0x0101,
	TLSW_GROUP_FFDHE4096	= 0x0102,
	TLSW_GROUP_FFDHE6144	= 0x0103,
	TLSW_GROUP_FFDHE8192	= 0x0104,
};

enum tlsw_sig_scheme {
	TLSW_SIG_RSA_PKCS1_SHA256		= 0x0401,
	TLSW_SIG_RSA_PKCS1_SHA384		= 0x0501,
	TLSW_SIG_RSA_PKCS1_SHA512		= 0x0601,
	TLSW_SIG_ECDSA_SECP256R1_SHA256		= 0x0403,
	TLSW_SIG_ECDSA_SECP384R1_SHA384		= 0x0503,
	TLSW_SIG_ECDSA_SECP521R1_SHA512		= 0x0603,
	TLSW_SIG_RSA_PSS_RSAE_SHA256		= 0x0804,
	TLSW_SIG_RSA_PSS_RSAE_SHA384		= 0x0805,
	TLSW_SIG_RSA_PSS_RSAE_SHA512		= 0x0806,
	TLSW_SIG_ED25519			= 0x0807,
	TLSW_SIG_ED448				= 0x0808,
	TLSW_SIG_RSA_PSS_PSS_SHA256		= 0x0809,
	TLSW_SIG_RSA_PSS_PSS_SHA384		= 0x080a,
	TLSW_SIG_RSA_PSS_PSS_SHA512		= 0x080b,
};

enum tlsw_cipher_suite {
	TLSW_TLS_AES_128_GCM_SHA256		= 0x1301,
	TLSW_TLS_AES_256_GCM_SHA384		= 0x1302,
	TLSW_TLS_CHACHA20_POLY1305_SHA256	= 0x1303,
	TLSW_TLS_AES_128_CCM_SHA256		= 0x1304,
	TLSW_TLS_RSA_AES_128_GCM_SHA256		= 0x009c,
	TLSW_TLS_RSA_AES_256_GCM_SHA384		= 0x009d,
	TLSW_TLS_DHE_RSA_AES_128_GCM_SHA256	= 0x009e,
	TLSW_TLS_DHE_RSA_AES_256_GCM_SHA384	= 0x009f,
	TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256	= 0xc02b,
	TLSW_TLS_ECDHE_ECDSA_AES_256_GCM_SHA384	= 0xc02c,
	TLSW_TLS_ECDHE_RSA_AES_128_GCM_SHA256	= 0xc02f,
	TLSW_TLS_ECDHE_RSA_AES_256_GCM_SHA384	= 0xc030,
	TLSW_TLS_ECDHE_RSA_CHACHA20_POLY1305	= 0xcca8,
	TLSW_TLS_ECDHE_ECDSA_CHACHA20_POLY1305	= 0xcca9,
	TLSW_TLS_EMPTY_RENEGOTIATION_INFO_SCSV	= 0x00ff,
	TLSW_TLS_FALLBACK_SCSV			= 0x5600,
};

enum tlsw_psk_mode {
	TLSW_PSK_KE		= 0,
	TLSW_PSK_DHE_KE		= 1,
};

#define TLSW_EC_POINT_UNCOMPRESSED	0

/**
 * tlsw_fail() - record the alert for a rejected input
 * @alert: where the caller of the parser looks for the alert
 * @desc: the alert RFC 8446 requires for this failure
 *
 * Return: the negative errno that goes with @desc, as listed above.
 */
static inline int tlsw_fail(enum tlsw_alert *alert, enum tlsw_alert desc)
{
	*alert = desc;
	switch (desc) {
	case TLSW_ALERT_DECODE_ERROR:
		return -EBADMSG;
	case TLSW_ALERT_RECORD_OVERFLOW:
		return -EMSGSIZE;
	case TLSW_ALERT_UNEXPECTED_MESSAGE:
		return -EPROTO;
	case TLSW_ALERT_INTERNAL_ERROR:
		return -ENOSPC;
	default:
		return -EINVAL;
	}
}

/* Reading: bounds-checked cursor (wire_cursor.c) */

/**
 * struct tlsw_slice - bytes inside a caller's buffer; also a read cursor
 * @data: first byte
 * @len: number of bytes
 *
 * The tlsw_rd_*() functions consume a slice from its front.  They fail
 * with -EBADMSG, leaving the slice as it was, when the bytes are not there
 * or a length is out of range: a decode_error by RFC 8446 section 6.
 */
struct tlsw_slice {
	const u8 *data;
	size_t len;
};

/**
 * tlsw_slice_init() - point a slice at bytes
 * @s: the slice
 * @data: the first byte
 * @len: the number of bytes
 */
static inline void tlsw_slice_init(struct tlsw_slice *s, const void *data,
				   size_t len)
{
	s->data = data;
	s->len = len;
}

int tlsw_rd_u8(struct tlsw_slice *r, u8 *val);
int tlsw_rd_u16(struct tlsw_slice *r, u16 *val);
int tlsw_rd_u24(struct tlsw_slice *r, u32 *val);
int tlsw_rd_u32(struct tlsw_slice *r, u32 *val);
int tlsw_rd_bytes(struct tlsw_slice *r, size_t len, struct tlsw_slice *out);
int tlsw_rd_vec(struct tlsw_slice *r, unsigned int prefix, size_t min,
		size_t max, struct tlsw_slice *out);
int tlsw_rd_end(const struct tlsw_slice *r);

/* Writing: bounded cursor (wire_cursor.c) */

/**
 * struct tlsw_wr - bounded write cursor
 * @buf: the output buffer
 * @size: its size
 * @len: bytes written so far
 * @err: 0, or the first failure; once set, nothing more is written
 */
struct tlsw_wr {
	u8 *buf;
	size_t size;
	size_t len;
	int err;
};

/**
 * struct tlsw_wr_vec - a vector whose length prefix is not written yet
 * @start: offset of the vector's first byte, after its prefix
 * @prefix: size of the length prefix, 1 to 3 bytes
 */
struct tlsw_wr_vec {
	size_t start;
	unsigned int prefix;
};

/**
 * struct tlsw_msg_wr - the open vectors of a handshake message being built
 * @hs: the message body, after the 4-byte handshake header
 * @list: the extension block (or, in Certificate, the certificate list)
 */
struct tlsw_msg_wr {
	struct tlsw_wr_vec hs;
	struct tlsw_wr_vec list;
};

void tlsw_wr_init(struct tlsw_wr *w, void *buf, size_t size);
void tlsw_wr_u8(struct tlsw_wr *w, u8 val);
void tlsw_wr_u16(struct tlsw_wr *w, u16 val);
void tlsw_wr_u24(struct tlsw_wr *w, u32 val);
void tlsw_wr_u32(struct tlsw_wr *w, u32 val);
void tlsw_wr_bytes(struct tlsw_wr *w, const void *data, size_t len);
u8 *tlsw_wr_reserve(struct tlsw_wr *w, size_t len);
void tlsw_wr_vec_begin(struct tlsw_wr *w, unsigned int prefix,
		       struct tlsw_wr_vec *v);
void tlsw_wr_vec_end(struct tlsw_wr *w, const struct tlsw_wr_vec *v);
void tlsw_wr_fail(struct tlsw_wr *w, int err);

/**
 * tlsw_wr_error() - the outcome of everything written so far
 * @w: the cursor
 *
 * Return: 0, or the first failure (-ENOSPC, -EMSGSIZE or -EINVAL).
 */
static inline int tlsw_wr_error(const struct tlsw_wr *w)
{
	return w->err;
}

/* Records and alerts (wire_record.c) */

/**
 * struct tlsw_record_header - the 5-byte header of a TLS record
 * @type: ContentType, one of enum tlsw_content_type
 * @version: legacy_record_version, as received
 * @len: length of the fragment that follows
 */
struct tlsw_record_header {
	u8 type;
	u16 version;
	u16 len;
};

int tlsw_parse_record_header(const u8 *buf, size_t len, size_t max_len,
			     struct tlsw_record_header *hdr,
			     enum tlsw_alert *alert);
void tlsw_build_record_header(struct tlsw_wr *w, u8 type, u16 version,
			      u16 len);
int tlsw_parse_inner_plaintext(const u8 *buf, size_t len, u8 *type,
			       size_t *content_len, enum tlsw_alert *alert);
int tlsw_parse_alert(const u8 *buf, size_t len, u8 *level, u8 *desc,
		     enum tlsw_alert *alert);
void tlsw_build_alert(struct tlsw_wr *w, u8 level, u8 desc);

/* Handshake messages: reassembly and framing (wire_handshake.c) */

/**
 * TLSW_REASM_SIZE() - buffer a struct tlsw_reasm needs
 * @max_msg: the largest handshake message body it must accept
 *
 * One whole message, its header and one more record's payload: the most
 * a reassembly buffer holds when its messages are taken out as soon as
 * they are complete.
 */
#define TLSW_REASM_SIZE(max_msg) \
	((size_t)(max_msg) + TLSW_HS_HEADER_LEN + TLSW_MAX_PLAINTEXT)

/**
 * struct tlsw_reasm - handshake messages reassembled from record payloads
 * @buf: storage provided by the caller
 * @size: its size, at least TLSW_REASM_SIZE(@max_msg)
 * @max_msg: largest message body accepted
 * @start: first byte not yet returned as part of a message
 * @end: end of the buffered bytes
 */
struct tlsw_reasm {
	u8 *buf;
	size_t size;
	u32 max_msg;
	size_t start;
	size_t end;
};

/**
 * struct tlsw_hs_msg - one complete handshake message
 * @type: HandshakeType
 * @body: the message body
 * @raw: header and body, as the transcript hash takes them
 */
struct tlsw_hs_msg {
	u8 type;
	struct tlsw_slice body;
	struct tlsw_slice raw;
};

int tlsw_reasm_init(struct tlsw_reasm *ra, void *buf, size_t size,
		    u32 max_msg);
int tlsw_reasm_add(struct tlsw_reasm *ra, const u8 *data, size_t len,
		   enum tlsw_alert *alert);
int tlsw_reasm_next(struct tlsw_reasm *ra, struct tlsw_hs_msg *msg,
		    enum tlsw_alert *alert);
bool tlsw_reasm_pending(const struct tlsw_reasm *ra);
void tlsw_build_hs_begin(struct tlsw_wr *w, u8 type, struct tlsw_wr_vec *hs);
void tlsw_build_msg_end(struct tlsw_wr *w, const struct tlsw_msg_wr *m);

/* Extensions (wire_ext.c) */

/**
 * enum tlsw_ext_ctx - the message an extension block belongs to
 * @TLSW_CTX_CH: ClientHello (TLS 1.2 or 1.3)
 * @TLSW_CTX_SH: TLS 1.3 ServerHello
 * @TLSW_CTX_HRR: HelloRetryRequest
 * @TLSW_CTX_EE: EncryptedExtensions
 * @TLSW_CTX_CT: a CertificateEntry of a TLS 1.3 Certificate
 * @TLSW_CTX_CR: TLS 1.3 CertificateRequest
 * @TLSW_CTX_NST: TLS 1.3 NewSessionTicket
 * @TLSW_CTX_SH12: TLS 1.2 ServerHello
 *
 * The context decides which recognised extensions may appear (RFC 8446
 * section 4.2, illegal_parameter otherwise) and what happens to unknown
 * ones: skipped in ClientHello, CertificateRequest and NewSessionTicket,
 * rejected with unsupported_extension elsewhere, where every extension
 * must answer one we sent and we send only those we know.
 */
enum tlsw_ext_ctx {
	TLSW_CTX_CH,
	TLSW_CTX_SH,
	TLSW_CTX_HRR,
	TLSW_CTX_EE,
	TLSW_CTX_CT,
	TLSW_CTX_CR,
	TLSW_CTX_NST,
	TLSW_CTX_SH12,
};

/* Bits of struct tlsw_exts.present, one per recognised extension. */
enum tlsw_ext_bit {
	TLSW_EXTB_SERVER_NAME,
	TLSW_EXTB_SUPPORTED_GROUPS,
	TLSW_EXTB_EC_POINT_FORMATS,
	TLSW_EXTB_SIGNATURE_ALGORITHMS,
	TLSW_EXTB_ALPN,
	TLSW_EXTB_EXTENDED_MASTER_SECRET,
	TLSW_EXTB_RECORD_SIZE_LIMIT,
	TLSW_EXTB_SESSION_TICKET,
	TLSW_EXTB_PRE_SHARED_KEY,
	TLSW_EXTB_EARLY_DATA,
	TLSW_EXTB_SUPPORTED_VERSIONS,
	TLSW_EXTB_COOKIE,
	TLSW_EXTB_PSK_KEY_EXCHANGE_MODES,
	TLSW_EXTB_POST_HANDSHAKE_AUTH,
	TLSW_EXTB_SIGNATURE_ALGORITHMS_CERT,
	TLSW_EXTB_KEY_SHARE,
	TLSW_EXTB_RENEGOTIATION_INFO,
	TLSW_EXTB_CERTIFICATE_AUTHORITIES,
};

/**
 * struct tlsw_key_share - a KeyShareEntry
 * @group: NamedGroup
 * @key: key_exchange, 1 to 65535 bytes
 */
struct tlsw_key_share {
	u16 group;
	struct tlsw_slice key;
};

/**
 * struct tlsw_exts - the recognised extensions of one block
 * @present: BIT(TLSW_EXTB_*) for each recognised extension that appeared
 * @n_unknown: extensions skipped as unknown
 * @server_name: ClientHello: the host_name (1 to 65535 printable ASCII
 *	characters without a trailing dot), empty if the list has none;
 *	elsewhere the extension is empty
 * @groups: supported_groups, a list of u16
 * @ec_point_formats: ec_point_formats, a list of u8, holds uncompressed
 * @sig_algs: signature_algorithms, a list of u16
 * @sig_algs_cert: signature_algorithms_cert, a list of u16
 * @alpn: ClientHello: the ProtocolNameList contents, read with
 *	tlsw_alpn_next(); ServerHello, EncryptedExtensions: the one name
 * @record_size_limit: record_size_limit (RFC 8449), at least 64
 * @session_ticket: session_ticket (RFC 5077), the ticket or empty
 * @renegotiation_info: renegotiated_connection (RFC 5746)
 * @versions: ClientHello supported_versions, a list of u16
 * @selected_version: ServerHello/HelloRetryRequest supported_versions
 * @cookie: cookie, 1 to 65535 bytes
 * @psk_modes: psk_key_exchange_modes, a list of u8
 * @key_shares: ClientHello key_share, KeyShareEntry list (may be empty),
 *	read with tlsw_key_share_next() or tlsw_key_share_find()
 * @key_share: ServerHello key_share
 * @hrr_group: HelloRetryRequest key_share, the selected group
 * @psk_identities: ClientHello pre_shared_key identities, read with
 *	tlsw_psk_identity_next(); the binders follow them
 * @psk_binders: ClientHello pre_shared_key binders, one per identity, read
 *	with tlsw_psk_binder_next(); the partial ClientHello of RFC 8446
 *	section 4.2.11.2 ends 2 bytes before @psk_binders.data
 * @psk_selected: ServerHello pre_shared_key selected_identity
 * @max_early_data: NewSessionTicket early_data max_early_data_size
 * @ca_names: certificate_authorities, the DistinguishedName list contents
 *	(3 to 65535 bytes), read with tlsw_ca_name_next()
 *
 * A field is meaningful only when its bit is in @present; a list field
 * is never empty when present unless noted.
 */
struct tlsw_exts {
	u32 present;
	unsigned int n_unknown;
	struct tlsw_slice server_name;
	struct tlsw_slice groups;
	struct tlsw_slice ec_point_formats;
	struct tlsw_slice sig_algs;
	struct tlsw_slice sig_algs_cert;
	struct tlsw_slice alpn;
	u16 record_size_limit;
	struct tlsw_slice session_ticket;
	struct tlsw_slice renegotiation_info;
	struct tlsw_slice versions;
	u16 selected_version;
	struct tlsw_slice cookie;
	struct tlsw_slice psk_modes;
	struct tlsw_slice key_shares;
	struct tlsw_key_share key_share;
	u16 hrr_group;
	struct tlsw_slice psk_identities;
	struct tlsw_slice psk_binders;
	u16 psk_selected;
	u32 max_early_data;
	struct tlsw_slice ca_names;
};

/**
 * tlsw_exts_has() - whether a recognised extension was in the block
 * @e: the parsed block
 * @bit: the extension's TLSW_EXTB_* bit
 *
 * Return: true if the extension appeared.
 */
static inline bool tlsw_exts_has(const struct tlsw_exts *e,
				 enum tlsw_ext_bit bit)
{
	return e->present & BIT(bit);
}

int tlsw_parse_extensions(const u8 *buf, size_t len, enum tlsw_ext_ctx ctx,
			  struct tlsw_exts *exts, enum tlsw_alert *alert);
int tlsw_ext_find(const u8 *buf, size_t len, u16 type,
		  struct tlsw_slice *data);

/**
 * tlsw_u16_list_count() - number of values in a list of u16
 * @list: the list's wire encoding, checked by a parser
 *
 * Return: the number of values.
 */
static inline size_t tlsw_u16_list_count(const struct tlsw_slice *list)
{
	return list->len / 2;
}

/**
 * tlsw_u16_list_at() - one value of a list of u16
 * @list: the list's wire encoding, checked by a parser
 * @i: its index, below tlsw_u16_list_count()
 *
 * Return: the value.
 */
static inline u16 tlsw_u16_list_at(const struct tlsw_slice *list, size_t i)
{
	return get_unaligned_be16(list->data + 2 * i);
}

bool tlsw_u16_list_has(const struct tlsw_slice *list, u16 val);
bool tlsw_u8_list_has(const struct tlsw_slice *list, u8 val);
bool tlsw_key_share_next(struct tlsw_slice *it, struct tlsw_key_share *ks);
int tlsw_key_share_find(const struct tlsw_slice *list, u16 group,
			struct tlsw_key_share *ks, enum tlsw_alert *alert);
bool tlsw_alpn_next(struct tlsw_slice *it, struct tlsw_slice *name);
bool tlsw_psk_identity_next(struct tlsw_slice *it, struct tlsw_slice *identity,
			    u32 *obfuscated_age);
bool tlsw_psk_binder_next(struct tlsw_slice *it, struct tlsw_slice *binder);
bool tlsw_ca_name_next(struct tlsw_slice *it, struct tlsw_slice *name);

void tlsw_build_ext_begin(struct tlsw_wr *w, u16 type, struct tlsw_wr_vec *v);
void tlsw_build_ext_raw(struct tlsw_wr *w, u16 type, const void *data,
			size_t len);
void tlsw_build_ext_empty(struct tlsw_wr *w, u16 type);
void tlsw_build_ext_u8_list(struct tlsw_wr *w, u16 type, const u8 *vals,
			    size_t n);
void tlsw_build_ext_u16_list(struct tlsw_wr *w, u16 type, const u16 *vals,
			     size_t n);
void tlsw_build_ext_supported_versions(struct tlsw_wr *w, const u16 *versions,
				       size_t n);
void tlsw_build_ext_selected_version(struct tlsw_wr *w, u16 version);
void tlsw_build_ext_key_share_ch(struct tlsw_wr *w,
				 const struct tlsw_key_share *shares,
				 size_t n);
void tlsw_build_ext_key_share_sh(struct tlsw_wr *w,
				 const struct tlsw_key_share *share);
void tlsw_build_ext_key_share_hrr(struct tlsw_wr *w, u16 group);
void tlsw_build_ext_server_name(struct tlsw_wr *w, const char *host,
				size_t len);
void tlsw_build_ext_alpn(struct tlsw_wr *w, const struct tlsw_slice *names,
			 size_t n);
void tlsw_build_ext_cookie(struct tlsw_wr *w, const u8 *cookie, size_t len);
bool tlsw_build_ext_certificate_authorities(struct tlsw_wr *w,
					    const struct tlsw_msg_wr *m,
					    const struct tlsw_slice *names,
					    size_t n, size_t reserve);

/* ClientHello, ServerHello, HelloRetryRequest (wire_hello.c) */

/**
 * struct tlsw_client_hello - a parsed ClientHello
 * @legacy_version: legacy_version (client_version in TLS 1.2)
 * @random: the 32-byte random
 * @session_id: legacy_session_id, 0 to 32 bytes
 * @cipher_suites: a list of u16, not empty
 * @compression_methods: 1 to 255 bytes
 * @extensions: the extension block as received, empty if absent
 * @ext: its recognised extensions
 */
struct tlsw_client_hello {
	u16 legacy_version;
	const u8 *random;
	struct tlsw_slice session_id;
	struct tlsw_slice cipher_suites;
	struct tlsw_slice compression_methods;
	struct tlsw_slice extensions;
	struct tlsw_exts ext;
};

/**
 * struct tlsw_server_hello - a parsed ServerHello or HelloRetryRequest
 * @legacy_version: legacy_version (server_version in TLS 1.2)
 * @random: the 32-byte random
 * @session_id: legacy_session_id_echo, 0 to 32 bytes
 * @cipher_suite: the selected cipher suite
 * @version: the negotiated version: supported_versions if present, else
 *	@legacy_version
 * @hrr: this is a HelloRetryRequest
 * @extensions: the extension block as received, empty if absent
 * @ext: its recognised extensions
 */
struct tlsw_server_hello {
	u16 legacy_version;
	const u8 *random;
	struct tlsw_slice session_id;
	u16 cipher_suite;
	u16 version;
	bool hrr;
	struct tlsw_slice extensions;
	struct tlsw_exts ext;
};

int tlsw_parse_client_hello(const u8 *buf, size_t len,
			    struct tlsw_client_hello *ch,
			    enum tlsw_alert *alert);
int tlsw_parse_server_hello(const u8 *buf, size_t len,
			    struct tlsw_server_hello *sh,
			    enum tlsw_alert *alert);
bool tlsw_random_has_downgrade_marker(const u8 *random);
void tlsw_random_set_downgrade_marker(u8 *random);
void tlsw_build_client_hello_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				   const u8 *random, const u8 *session_id,
				   size_t session_id_len, const u16 *suites,
				   size_t n_suites);
void tlsw_build_server_hello_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				   const u8 *random, const u8 *session_id,
				   size_t session_id_len, u16 suite);
void tlsw_build_hello_retry_request_begin(struct tlsw_wr *w,
					  struct tlsw_msg_wr *m,
					  const u8 *session_id,
					  size_t session_id_len, u16 suite);

/* EncryptedExtensions, CertificateRequest (wire_params.c) */

/**
 * struct tlsw_certificate_request - a parsed TLS 1.3 CertificateRequest
 * @context: certificate_request_context, 0 to 255 bytes
 * @ext: its recognised extensions; signature_algorithms is present
 */
struct tlsw_certificate_request {
	struct tlsw_slice context;
	struct tlsw_exts ext;
};

int tlsw_parse_encrypted_extensions(const u8 *buf, size_t len,
				    struct tlsw_exts *ext,
				    enum tlsw_alert *alert);
int tlsw_parse_certificate_request(const u8 *buf, size_t len,
				   struct tlsw_certificate_request *cr,
				   enum tlsw_alert *alert);
void tlsw_build_encrypted_extensions_begin(struct tlsw_wr *w,
					   struct tlsw_msg_wr *m);
void tlsw_build_certificate_request_begin(struct tlsw_wr *w,
					  struct tlsw_msg_wr *m,
					  const u8 *context, size_t context_len);

/* Certificate, CertificateVerify, Finished (wire_auth.c) */

/**
 * struct tlsw_certificate - a parsed TLS 1.3 Certificate
 * @context: certificate_request_context, 0 to 255 bytes
 * @entries: the CertificateEntry list, read with tlsw_cert_entry_next()
 * @count: number of entries, 0 for an empty Certificate
 */
struct tlsw_certificate {
	struct tlsw_slice context;
	struct tlsw_slice entries;
	unsigned int count;
};

/**
 * struct tlsw_cert_entry - one CertificateEntry
 * @cert: cert_data, the DER certificate, 1 to 2^24-1 bytes
 * @extensions: its extension block, checked by the parser
 */
struct tlsw_cert_entry {
	struct tlsw_slice cert;
	struct tlsw_slice extensions;
};

/**
 * struct tlsw_certificate_verify - a parsed CertificateVerify
 * @scheme: SignatureScheme
 * @signature: the signature, 0 to 65535 bytes
 */
struct tlsw_certificate_verify {
	u16 scheme;
	struct tlsw_slice signature;
};

int tlsw_parse_certificate(const u8 *buf, size_t len,
			   struct tlsw_certificate *cert,
			   enum tlsw_alert *alert);
bool tlsw_cert_entry_next(struct tlsw_slice *it, struct tlsw_cert_entry *entry);
int tlsw_parse_certificate_verify(const u8 *buf, size_t len,
				  struct tlsw_certificate_verify *cv,
				  enum tlsw_alert *alert);
int tlsw_parse_finished(const u8 *buf, size_t len, size_t verify_len,
			struct tlsw_slice *verify_data,
			enum tlsw_alert *alert);
void tlsw_build_certificate_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m,
				  const u8 *context, size_t context_len);
void tlsw_build_cert_entry(struct tlsw_wr *w, const u8 *cert, size_t len);
void tlsw_build_certificate_verify(struct tlsw_wr *w, u16 scheme,
				   const u8 *sig, size_t len);
void tlsw_build_finished(struct tlsw_wr *w, const u8 *verify_data,
			 size_t len);

/* NewSessionTicket, KeyUpdate (wire_post.c) */

/**
 * struct tlsw_new_session_ticket - a parsed TLS 1.3 NewSessionTicket
 * @lifetime: ticket_lifetime, seconds
 * @age_add: ticket_age_add
 * @nonce: ticket_nonce, 0 to 255 bytes
 * @ticket: the ticket, 1 to 65535 bytes
 * @ext: its recognised extensions
 */
struct tlsw_new_session_ticket {
	u32 lifetime;
	u32 age_add;
	struct tlsw_slice nonce;
	struct tlsw_slice ticket;
	struct tlsw_exts ext;
};

int tlsw_parse_new_session_ticket(const u8 *buf, size_t len,
				  struct tlsw_new_session_ticket *nst,
				  enum tlsw_alert *alert);
int tlsw_parse_key_update(const u8 *buf, size_t len, bool *update_requested,
			  enum tlsw_alert *alert);
void tlsw_build_new_session_ticket_begin(struct tlsw_wr *w,
					 struct tlsw_msg_wr *m, u32 lifetime,
					 u32 age_add, const u8 *nonce,
					 size_t nonce_len, const u8 *ticket,
					 size_t ticket_len);
void tlsw_build_key_update(struct tlsw_wr *w, bool update_requested);

/* The TLS 1.2 messages (wire_tls12.c) */

/**
 * enum tlsw_kx - how a TLS 1.2 cipher suite establishes its premaster secret
 * @TLSW_KX_ECDHE: ephemeral elliptic-curve Diffie-Hellman (RFC 8422)
 * @TLSW_KX_DHE: ephemeral finite-field Diffie-Hellman (RFC 5246, RFC 7919)
 * @TLSW_KX_RSA: the secret encrypted to the server's RSA key (RFC 5246
 *	section 7.4.7.1)
 */
enum tlsw_kx {
	TLSW_KX_ECDHE,
	TLSW_KX_DHE,
	TLSW_KX_RSA,
};

/* ECCurveType named_curve (RFC 8422 section 5.4). */
#define TLSW_EC_NAMED_CURVE	3

/**
 * struct tlsw_server_key_exchange - a parsed ServerKeyExchange
 * @params: the ServerECDHParams or ServerDHParams, as signed
 * @group: ECDHE: the NamedCurve
 * @dh_p: DHE: the prime
 * @dh_g: DHE: the generator
 * @public: the server's public value: ECDHE point or DHE Ys
 * @scheme: the SignatureScheme of @signature
 * @signature: over client_random || server_random || @params
 */
struct tlsw_server_key_exchange {
	struct tlsw_slice params;
	u16 group;
	struct tlsw_slice dh_p;
	struct tlsw_slice dh_g;
	struct tlsw_slice public;
	u16 scheme;
	struct tlsw_slice signature;
};

/* ClientCertificateType (RFC 5246 7.4.4, RFC 8422 5.5) */
#define TLSW_CERT_TYPE_RSA_SIGN		1
#define TLSW_CERT_TYPE_ECDSA_SIGN	64

/**
 * struct tlsw_certificate_request12 - a parsed TLS 1.2 CertificateRequest
 * @cert_types: ClientCertificateType list, one byte each
 * @sig_algs: supported_signature_algorithms, a list of u16
 * @ca_names: certificate_authorities, read with tlsw_ca_name_next()
 */
struct tlsw_certificate_request12 {
	struct tlsw_slice cert_types;
	struct tlsw_slice sig_algs;
	struct tlsw_slice ca_names;
};

int tlsw_parse_certificate12(const u8 *buf, size_t len,
			     struct tlsw_certificate *cert,
			     enum tlsw_alert *alert);
bool tlsw_cert12_next(struct tlsw_slice *it, struct tlsw_slice *cert);
int tlsw_parse_server_key_exchange(const u8 *buf, size_t len,
				   enum tlsw_kx kx,
				   struct tlsw_server_key_exchange *ske,
				   enum tlsw_alert *alert);
int tlsw_parse_certificate_request12(const u8 *buf, size_t len,
				     struct tlsw_certificate_request12 *cr,
				     enum tlsw_alert *alert);
int tlsw_parse_server_hello_done(size_t len, enum tlsw_alert *alert);
int tlsw_parse_client_key_exchange(const u8 *buf, size_t len,
				   enum tlsw_kx kx, struct tlsw_slice *exchange,
				   enum tlsw_alert *alert);
void tlsw_build_certificate12_begin(struct tlsw_wr *w, struct tlsw_msg_wr *m);
void tlsw_build_cert12(struct tlsw_wr *w, const u8 *cert, size_t len);
void tlsw_build_client_key_exchange(struct tlsw_wr *w, enum tlsw_kx kx,
				    const u8 *exchange, size_t len);
void tlsw_build_ecdhe_params(struct tlsw_wr *w, u16 group, const u8 *point,
			     size_t len);
void tlsw_build_dhe_params(struct tlsw_wr *w, const u8 *p, size_t p_len,
			   const u8 *g, size_t g_len, const u8 *ys,
			   size_t ys_len);
void tlsw_build_server_key_exchange(struct tlsw_wr *w, const u8 *params,
				    size_t params_len, u16 scheme,
				    const u8 *sig, size_t sig_len);
void tlsw_build_server_hello_done(struct tlsw_wr *w);
bool tlsw_build_certificate_request12(struct tlsw_wr *w, const u8 *cert_types,
				      size_t n_types, const u16 *sig_algs,
				      size_t n_algs,
				      const struct tlsw_slice *names,
				      size_t n_names, size_t reserve);
int tlsw_parse_new_session_ticket12(const u8 *buf, size_t len,
				    struct tlsw_slice *ticket,
				    enum tlsw_alert *alert);
void tlsw_build_new_session_ticket12(struct tlsw_wr *w, u32 lifetime_hint,
				     const u8 *ticket, size_t len);

/* A TLS 1.2 session kept for resumption (wire_session.c) */

#define TLSW_MASTER_SECRET_LEN	48

/**
 * struct tlsw_session - what resuming a TLS 1.2 session takes
 * @cipher_suite: the session's cipher suite
 * @session_id: the server's session ID, 0 to 32 bytes
 * @master_secret: the (extended) master secret
 * @ticket: the server's session ticket (RFC 5077), 0 to 65535 bytes
 *
 * Its serialised form, which a caller keeps opaque, is a format byte (1),
 * the protocol version (0x0303), the cipher suite, session_id<0..32>,
 * the 48-byte master secret and ticket<0..2^16-1>, in TLS's notation.
 */
struct tlsw_session {
	u16 cipher_suite;
	struct tlsw_slice session_id;
	const u8 *master_secret;
	struct tlsw_slice ticket;
};

int tlsw_parse_session(const u8 *buf, size_t len, struct tlsw_session *s);
void tlsw_build_session(struct tlsw_wr *w, const struct tlsw_session *s);
size_t tlsw_session_len(const struct tlsw_session *s);

/* A TLS 1.2 server's session, kept in its cache or sealed in a ticket */

#define TLSW_SESSION_DIGEST_LEN		32
#define TLSW_TICKET_KEY_NAME_LEN	16
#define TLSW_TICKET_IV_LEN		12
#define TLSW_TICKET_TAG_LEN		16

/* struct tlsw_server_session.flags */
#define TLSW_SESSION_EMS		0x01
#define TLSW_SESSION_PEER		0x02
#define TLSW_SESSION_PEER_VERIFIED	0x04

/**
 * struct tlsw_server_session - what a TLS 1.2 server resumes a session with
 * @cipher_suite: the session's cipher suite
 * @flags: TLSW_SESSION_EMS if its master secret is the extended one (RFC
 *	7627), TLSW_SESSION_PEER if the client sent a certificate,
 *	TLSW_SESSION_PEER_VERIFIED if that certificate was verified
 * @created: when the full handshake made it, in seconds of the server's
 *	clock
 * @master_secret: the master secret
 * @context: a digest of the server's configuration that made it: it
 *	resumes under that configuration alone
 * @peer: the SHA-256 of the client's certificate chain, zero if none
 *
 * Its serialised form, the plaintext of a ticket, is a format byte (1),
 * the protocol version (0x0303), the cipher suite, the flags, the 64-bit
 * creation time, the master secret, the context and the peer digest.
 */
struct tlsw_server_session {
	u16 cipher_suite;
	u8 flags;
	u64 created;
	u8 master_secret[TLSW_MASTER_SECRET_LEN];
	u8 context[TLSW_SESSION_DIGEST_LEN];
	u8 peer[TLSW_SESSION_DIGEST_LEN];
};

#define TLSW_SERVER_SESSION_LEN	(1 + 2 + 2 + 1 + 8 + TLSW_MASTER_SECRET_LEN + \
				 2 * TLSW_SESSION_DIGEST_LEN)

/* RFC 5077 4, with an AEAD: key_name, nonce, the sealed state and tag. */
#define TLSW_TICKET_LEN	(TLSW_TICKET_KEY_NAME_LEN + TLSW_TICKET_IV_LEN + \
			 TLSW_SERVER_SESSION_LEN + TLSW_TICKET_TAG_LEN)

/**
 * struct tlsw_ticket - a session ticket of ours, its parts
 * @key_name: the name of the key that sealed it
 * @iv: the AEAD nonce
 * @sealed: the session state encrypted, then the tag
 */
struct tlsw_ticket {
	struct tlsw_slice key_name;
	struct tlsw_slice iv;
	struct tlsw_slice sealed;
};

int tlsw_parse_server_session(const u8 *buf, size_t len,
			      struct tlsw_server_session *s);
void tlsw_build_server_session(struct tlsw_wr *w,
			       const struct tlsw_server_session *s);
int tlsw_parse_ticket(const u8 *buf, size_t len, struct tlsw_ticket *t);

#endif /* _NET_TLSHAKE_WIRE_H */
