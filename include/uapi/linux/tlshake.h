/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * tlshake: the TLS handshake performed in the kernel, handed to kTLS.
 *
 * A connected TCP socket is upgraded with
 *
 *	setsockopt(fd, SOL_TCP, TCP_ULP, TLSHAKE_ULP_NAME, ...);
 *
 * after which the options at level SOL_TLSHAKE configure the handshake and
 * getsockopt(TLSHAKE_HANDSHAKE) runs it.  When it completes, the socket is
 * an ordinary kTLS socket: tlshake has stepped aside for the "tls" ULP.
 */
#ifndef _UAPI_LINUX_TLSHAKE_H
#define _UAPI_LINUX_TLSHAKE_H

#include <linux/types.h>

/* The name of the TCP upper-layer protocol, for TCP_ULP. */
#define TLSHAKE_ULP_NAME	"tlshake"

/*
 * The socket option level of tlshake's options.  Chosen far above the
 * levels in linux/socket.h so that it cannot collide with one while the
 * module lives out of tree.
 */
#define SOL_TLSHAKE		0x544c53

/* Protocol versions, as on the wire. */
#define TLSHAKE_TLS_1_2		0x0303
#define TLSHAKE_TLS_1_3		0x0304

/* Roles. */
#define TLSHAKE_ROLE_CLIENT	1
#define TLSHAKE_ROLE_SERVER	2

/*
 * Verification flags (TLSHAKE_VERIFY).  By default the peer's certificate
 * chain must be verified (against the trust anchors or a pinned key), and a
 * server does not ask for a client certificate.
 */
#define TLSHAKE_VERIFY_INSECURE		(1U << 0) /* accept any peer */
#define TLSHAKE_VERIFY_REQUEST_CLIENT	(1U << 1) /* server: ask for one */
#define TLSHAKE_VERIFY_REQUIRE_CLIENT	(1U << 2) /* server: insist on one */

/*
 * Option flags (TLSHAKE_OPTIONS), none set by default; other bits are
 * refused with EINVAL.  TLSHAKE_OPT_CLIENT_PREFERENCE: a server, of either
 * version, chooses its cipher suite in the order of the client's list
 * rather than its own, among the suites it is configured with; groups and
 * signature schemes stay in the server's order.  A client ignores it.
 */
#define TLSHAKE_OPT_CLIENT_PREFERENCE	(1U << 0)

/*
 * Socket options at level SOL_TLSHAKE, while the ULP is attached.
 *
 * Configuration, with setsockopt(); each may be set again until the
 * handshake runs, the last value counts, and a zero-length value restores
 * the default.  Malformed values fail with EINVAL, options set while a
 * handshake runs with EBUSY, and options set after it failed with EALREADY:
 *
 * TLSHAKE_ROLE			__u32: TLSHAKE_ROLE_CLIENT (the default)
 *				or TLSHAKE_ROLE_SERVER
 * TLSHAKE_VERSIONS		struct tlshake_versions
 * TLSHAKE_CIPHER_SUITES	__u16[]: cipher suites in preference order
 * TLSHAKE_GROUPS		__u16[]: NamedGroups in preference order;
 *				a client offers TLS 1.2 DHE suites only
 *				with a finite-field group among them
 * TLSHAKE_SIG_SCHEMES		__u16[]: SignatureSchemes in preference order
 * TLSHAKE_SERVER_NAME		char[]: the client's SNI and the name its
 *				peer's certificate must match (no NUL needed);
 *				a server's only name: other SNI is refused
 *				with unrecognized_name
 * TLSHAKE_ALPN			ALPN protocol_name_list in wire form
 * TLSHAKE_CERT_CHAIN		DER certificates, end-entity first, each
 *				preceded by a 3-byte big-endian length
 * TLSHAKE_PRIVATE_KEY		DER private key (PKCS#8, SEC1 or PKCS#1)
 * TLSHAKE_PRIVATE_KEY_ID	__s32: the serial of a kernel key of type
 *				"logon" or "user" whose payload is that DER
 *				private key, read by the kernel when the
 *				handshake begins; the caller needs Search
 *				permission on the key.  It and
 *				TLSHAKE_PRIVATE_KEY replace each other
 * TLSHAKE_TRUST_ANCHORS	DER CA certificates, in the form of
 *				TLSHAKE_CERT_CHAIN
 * TLSHAKE_TRUST_KEYRING	__s32: the serial of a keyring whose keys of
 *				type "user" hold DER CA certificates, one
 *				each, trusted along with any
 *				TLSHAKE_TRUST_ANCHORS; the caller needs Read
 *				permission on the keyring.  It is read when
 *				the handshake begins: keys of other types,
 *				keys that are not certificates and keys the
 *				caller may not read are left out
 * TLSHAKE_PEER_PUBKEY_PIN	32 bytes: SHA-256 of the DER
 *				SubjectPublicKeyInfo the peer must present
 * TLSHAKE_VERIFY		__u32: TLSHAKE_VERIFY_* flags
 * TLSHAKE_OPTIONS		__u32: TLSHAKE_OPT_* flags
 * TLSHAKE_SESSION		a client's TLS 1.2 session to resume, as a
 *				handshake's struct tlshake_handshake.session
 *				gave it: opaque bytes, holding the master
 *				secret; a full handshake follows if the
 *				server does not take it up
 *
 * Running it, with getsockopt(), whose buffer carries a struct
 * tlshake_handshake in both directions:
 *
 * TLSHAKE_HANDSHAKE		runs the handshake to its end and reports it
 *
 * A second TLSHAKE_HANDSHAKE fails with EBUSY while one runs and with
 * EALREADY once one has failed.  Unknown options fail with ENOPROTOOPT.
 *
 * Key serials (KEY_SPEC_* special keyrings included) are resolved when
 * the option is set, with the caller's credentials, and the key is held
 * from then on.  They fail with ENOKEY for a key that does not exist,
 * EKEYREVOKED or EKEYEXPIRED for one revoked or expired, EACCES without
 * the permission named above, and EINVAL for a key of the wrong type.
 * The keys are read when the handshake begins, which fails before
 * anything is sent: with EKEYREVOKED or EKEYEXPIRED for a key revoked or
 * expired meanwhile, EINVAL for a private key's payload that is not a key
 * tlshake can sign with, and E2BIG for a trust keyring of more than
 * TLSHAKE_TRUST_KEYRING_MAX keys or whose certificates take more than
 * TLSHAKE_TRUST_ANCHORS_MAX bytes in the form of TLSHAKE_CERT_CHAIN
 * (together with TLSHAKE_TRUST_ANCHORS).
 */
#define TLSHAKE_ROLE			1
#define TLSHAKE_VERSIONS		2
#define TLSHAKE_CIPHER_SUITES		3
#define TLSHAKE_GROUPS			4
#define TLSHAKE_SIG_SCHEMES		5
#define TLSHAKE_SERVER_NAME		6
#define TLSHAKE_ALPN			7
#define TLSHAKE_CERT_CHAIN		8
#define TLSHAKE_PRIVATE_KEY		9
#define TLSHAKE_TRUST_ANCHORS		10
#define TLSHAKE_PEER_PUBKEY_PIN		11
#define TLSHAKE_VERIFY			12
#define TLSHAKE_HANDSHAKE		13
#define TLSHAKE_PRIVATE_KEY_ID		14
#define TLSHAKE_TRUST_KEYRING		15
#define TLSHAKE_SESSION			16
#define TLSHAKE_OPTIONS			17

/* Limits of the configuration options' values. */
#define TLSHAKE_LIST_MAX		64	/* entries of a __u16[] */
#define TLSHAKE_SERVER_NAME_MAX		255	/* bytes (RFC 6066 3) */
#define TLSHAKE_ALPN_LIST_MAX		255	/* bytes */
#define TLSHAKE_CERT_CHAIN_MAX		65536	/* bytes */
#define TLSHAKE_PRIVATE_KEY_MAX		16384	/* bytes */
#define TLSHAKE_TRUST_ANCHORS_MAX	524288	/* bytes: a system CA bundle */
#define TLSHAKE_TRUST_KEYRING_MAX	4096	/* keys in a trust keyring */
#define TLSHAKE_SESSION_MAX		65623	/* bytes: a 64 KiB ticket's */

/**
 * struct tlshake_versions - the range of protocol versions to negotiate
 * @min: lowest acceptable version (TLSHAKE_TLS_1_2 or TLSHAKE_TLS_1_3);
 *	0 for TLS 1.2
 * @max: highest version offered or accepted; 0 for TLS 1.3
 */
struct tlshake_versions {
	__u16 min;
	__u16 max;
};

/* Where a failed handshake's alert came from (tlshake_result.alert_origin). */
#define TLSHAKE_ALERT_NONE	0
#define TLSHAKE_ALERT_SENT	1	/* we sent it to the peer */
#define TLSHAKE_ALERT_RECEIVED	2	/* the peer sent it */

#define TLSHAKE_ALPN_MAX	255

/**
 * struct tlshake_result - what a handshake negotiated, or why it failed
 * @version: the negotiated protocol version
 * @cipher_suite: the negotiated cipher suite
 * @group: the key-exchange group (NamedGroup), 0 if none
 * @peer_sig_scheme: the scheme of the peer's CertificateVerify (or TLS 1.2
 *	ServerKeyExchange), 0 if it sent none
 * @alert_origin: TLSHAKE_ALERT_NONE, _SENT or _RECEIVED
 * @alert: the alert description (RFC 8446 6) sent or received
 * @alpn_len: bytes in @alpn; 0 if no protocol was agreed
 * @flags: TLSHAKE_RESULT_* flags
 * @alpn: the agreed ALPN protocol, not NUL-terminated
 * @verify_error: why the peer's certificate chain was refused, a
 *	TLSHAKE_VERIFY_ERR_* value; TLSHAKE_VERIFY_ERR_NONE if it was not
 * @reserved: zero; room to grow without changing the size
 */
struct tlshake_result {
	__u16 version;
	__u16 cipher_suite;
	__u16 group;
	__u16 peer_sig_scheme;
	__u8 alert_origin;
	__u8 alert;
	__u8 alpn_len;
	__u8 flags;
	__u8 alpn[TLSHAKE_ALPN_MAX];
	__u8 verify_error;
	__u8 reserved[36];
};

/*
 * Why the peer's certificate chain was refused (tlshake_result.verify_error);
 * the alert sent says less: several of these are a bad_certificate.
 */
#define TLSHAKE_VERIFY_ERR_NONE			0
#define TLSHAKE_VERIFY_ERR_MALFORMED		1  /* not a DER certificate */
#define TLSHAKE_VERIFY_ERR_UNSUPPORTED		2  /* algorithm, key type, size */
#define TLSHAKE_VERIFY_ERR_CRITICAL_EXT		3  /* unknown critical extension */
#define TLSHAKE_VERIFY_ERR_EXPIRED		4  /* past notAfter */
#define TLSHAKE_VERIFY_ERR_NOT_YET_VALID	5  /* before notBefore */
#define TLSHAKE_VERIFY_ERR_UNKNOWN_ISSUER	6  /* no path to a trust anchor */
#define TLSHAKE_VERIFY_ERR_BAD_SIGNATURE	7  /* a signature does not verify */
#define TLSHAKE_VERIFY_ERR_NOT_CA		8  /* an issuer is not a CA */
#define TLSHAKE_VERIFY_ERR_PATH_TOO_LONG	9  /* pathLenConstraint, depth */
#define TLSHAKE_VERIFY_ERR_KEY_USAGE		10 /* keyUsage, extendedKeyUsage */
#define TLSHAKE_VERIFY_ERR_NAME_MISMATCH	11 /* not for the server name */
#define TLSHAKE_VERIFY_ERR_PIN_MISMATCH		12 /* not the pinned key */
#define TLSHAKE_VERIFY_ERR_NO_TRUST		13 /* no anchor or pin to check */

/* The peer's certificate chain was verified (not merely accepted). */
#define TLSHAKE_RESULT_PEER_VERIFIED	(1U << 0)
/* The session was resumed. */
#define TLSHAKE_RESULT_RESUMED		(1U << 1)

/**
 * struct tlshake_handshake - the argument of getsockopt(TLSHAKE_HANDSHAKE)
 * @timeout_ms: in: how long the handshake may take; 0 for the default
 *	(the socket's receive timeout if set, else 30 seconds)
 * @peer_chain_len: in: the size of the buffer at @peer_chain;
 *	out: the bytes the peer's certificate chain takes, in the form of
 *	TLSHAKE_CERT_CHAIN (if larger than the buffer, the chain was not
 *	copied and only this length is reported)
 * @peer_chain: in: a user buffer (a pointer cast to __u64) for the peer's
 *	certificate chain, or 0
 * @result: out: what was negotiated; on failure, the alert
 * @session_len: in: the size of the buffer at @session; out: the bytes
 *	the session to resume takes (0 if there is none: TLS 1.3, or a
 *	server that gave neither a session ID nor a ticket; if larger than
 *	the buffer, only this length is reported)
 * @reserved: zero
 * @session: in: a client's user buffer (a pointer cast to __u64) for the
 *	TLS 1.2 session, to resume later with TLSHAKE_SESSION, or 0; with
 *	a buffer, the client asks the server for a ticket (RFC 5077)
 *
 * optlen must be at least sizeof(struct tlshake_handshake); it is set to
 * that size.  The call blocks until the handshake ends, fails, times out
 * (-ETIMEDOUT) or a signal arrives (-EINTR).  It returns 0 once the socket
 * has been handed to kTLS; on failure, the socket is left unusable for TLS,
 * an alert has been sent where the protocol calls for one, and @result
 * (still copied out) says which.
 */
struct tlshake_handshake {
	__u32 timeout_ms;
	__u32 peer_chain_len;
	__aligned_u64 peer_chain;
	struct tlshake_result result;
	__u32 session_len;
	__u32 reserved;
	__aligned_u64 session;
};

#endif /* _UAPI_LINUX_TLSHAKE_H */
