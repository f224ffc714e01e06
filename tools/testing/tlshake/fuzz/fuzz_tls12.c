// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the TLS 1.2 message parsers of wire_tls12.c, and the parsers of a
 * kept session, a server's session state and a server's session ticket
 * (wire_session.c).  The first byte picks the message (see
 * enum below), the rest is its body.  Whatever a parser
 * accepts points into the input, and what a builder can rebuild rebuilds
 * to the same bytes.
 */

#include "fuzz.h"

enum {
	FUZZ_CERTIFICATE,
	FUZZ_SKE_ECDHE,
	FUZZ_SKE_DHE,
	FUZZ_CERTIFICATE_REQUEST,
	FUZZ_SERVER_HELLO_DONE,
	FUZZ_CKE_ECDHE,
	FUZZ_CKE_DHE,
	FUZZ_CKE_RSA,
	FUZZ_NEW_SESSION_TICKET,
	FUZZ_SESSION,
	FUZZ_SERVER_SESSION,
	FUZZ_TICKET,
	FUZZ_NR_MESSAGES
};

static void fuzz_certificate(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_certificate cert;
	struct tlsw_slice it, der;
	struct tlsw_msg_wr m;
	unsigned int n = 0;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_certificate12(data, size, &cert, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return;
	fuzz_check_slice(&cert.entries, data, size);

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_certificate12_begin(&w, &m);
	it = cert.entries;
	while (tlsw_cert12_next(&it, &der)) {
		fuzz_check_slice(&der, data, size);
		FUZZ_ASSERT(der.len);
		tlsw_build_cert12(&w, der.data, der.len);
		n++;
	}
	tlsw_build_msg_end(&w, &m);
	FUZZ_ASSERT(n == cert.count);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
}

/* What the server builds from the parsed ECDHE message is the message. */
static void
fuzz_server_key_exchange_rebuild(const u8 *data, size_t size,
				 const struct tlsw_server_key_exchange *ske)
{
	struct tlsw_wr w;
	u8 *params, *out;

	params = malloc(ske->params.len);
	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(params && out);
	tlsw_wr_init(&w, params, ske->params.len);
	tlsw_build_ecdhe_params(&w, ske->group, ske->public.data,
				ske->public.len);
	FUZZ_ASSERT(!tlsw_wr_error(&w) && w.len == ske->params.len);
	FUZZ_ASSERT(!memcmp(params, ske->params.data, w.len));
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_server_key_exchange(&w, params, ske->params.len,
				       ske->scheme, ske->signature.data,
				       ske->signature.len);
	FUZZ_ASSERT(!tlsw_wr_error(&w) && w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out[0] == TLSW_HS_SERVER_KEY_EXCHANGE);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	free(params);
}

static void fuzz_server_key_exchange(const u8 *data, size_t size,
				     enum tlsw_kx kx)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_server_key_exchange ske;
	int ret;

	ret = tlsw_parse_server_key_exchange(data, size, kx, &ske, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return;
	fuzz_check_slice(&ske.params, data, size);
	fuzz_check_slice(&ske.public, data, size);
	fuzz_check_slice(&ske.signature, data, size);
	FUZZ_ASSERT(ske.params.data == data);
	FUZZ_ASSERT(ske.public.len);
	/* The signed parameters end where the signature's scheme begins. */
	FUZZ_ASSERT(ske.params.len + 2 + 2 + ske.signature.len == size);
	if (kx == TLSW_KX_DHE) {
		fuzz_check_slice(&ske.dh_p, data, size);
		fuzz_check_slice(&ske.dh_g, data, size);
		FUZZ_ASSERT(ske.dh_p.len && ske.dh_g.len);
		return;
	}
	fuzz_server_key_exchange_rebuild(data, size, &ske);
}

/* What the server builds from the parsed request is the request: with
 * room for nothing after it, the names fit exactly.
 */
static void
fuzz_certificate_request_rebuild(const u8 *data, size_t size,
				 const struct tlsw_certificate_request12 *cr)
{
	size_t n_algs = tlsw_u16_list_count(&cr->sig_algs), n_names = 0, i;
	struct tlsw_slice it, *names;
	struct tlsw_wr w;
	u16 *algs;
	u8 *out;

	algs = malloc(n_algs * sizeof(*algs));
	/* Each name takes at least 3 bytes. */
	names = malloc((cr->ca_names.len / 3 + 1) * sizeof(*names));
	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(algs && names && out);
	for (i = 0; i < n_algs; i++)
		algs[i] = tlsw_u16_list_at(&cr->sig_algs, i);
	it = cr->ca_names;
	while (tlsw_ca_name_next(&it, &names[n_names]))
		n_names++;

	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(tlsw_build_certificate_request12(&w, cr->cert_types.data,
						     cr->cert_types.len, algs,
						     n_algs, names, n_names,
						     0) == !!n_names);
	FUZZ_ASSERT(!tlsw_wr_error(&w) && w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out[0] == TLSW_HS_CERTIFICATE_REQUEST);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
	free(names);
	free(algs);
}

static void fuzz_certificate_request(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_certificate_request12 cr;
	struct tlsw_slice it, name;
	int ret;

	ret = tlsw_parse_certificate_request12(data, size, &cr, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return;
	fuzz_check_slice(&cr.cert_types, data, size);
	FUZZ_ASSERT(cr.cert_types.len);
	fuzz_check_u16_list(&cr.sig_algs, data, size);
	FUZZ_ASSERT(cr.sig_algs.len);
	fuzz_check_slice(&cr.ca_names, data, size);
	it = cr.ca_names;
	while (tlsw_ca_name_next(&it, &name)) {
		fuzz_check_slice(&name, data, size);
		FUZZ_ASSERT(name.len);
	}
	fuzz_certificate_request_rebuild(data, size, &cr);
}

static void fuzz_client_key_exchange(const u8 *data, size_t size,
				     enum tlsw_kx kx)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_slice exchange;
	struct tlsw_wr w;
	u8 *out;
	int ret;

	ret = tlsw_parse_client_key_exchange(data, size, kx, &exchange, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return;
	fuzz_check_slice(&exchange, data, size);

	out = malloc(size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size + TLSW_HS_HEADER_LEN);
	tlsw_build_client_key_exchange(&w, kx, exchange.data, exchange.len);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size + TLSW_HS_HEADER_LEN);
	FUZZ_ASSERT(!memcmp(out + TLSW_HS_HEADER_LEN, data, size));
	free(out);
}

static void fuzz_new_session_ticket(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	struct tlsw_slice ticket;
	int ret;

	ret = tlsw_parse_new_session_ticket12(data, size, &ticket, &alert);
	fuzz_check_error(ret, alert);
	if (ret)
		return;
	fuzz_check_slice(&ticket, data, size);
	FUZZ_ASSERT(4 + 2 + ticket.len == size);
}

static void fuzz_session(const u8 *data, size_t size)
{
	struct tlsw_session s;
	struct tlsw_wr w;
	u8 *out;

	if (tlsw_parse_session(data, size, &s))
		return;
	fuzz_check_slice(&s.session_id, data, size);
	fuzz_check_slice(&s.ticket, data, size);
	FUZZ_ASSERT(s.session_id.len <= TLSW_SESSION_ID_MAX);
	FUZZ_ASSERT(s.session_id.len || s.ticket.len);
	FUZZ_ASSERT(tlsw_session_len(&s) == size);

	out = malloc(size);
	FUZZ_ASSERT(out);
	tlsw_wr_init(&w, out, size);
	tlsw_build_session(&w, &s);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size);
	FUZZ_ASSERT(!memcmp(out, data, size));
	free(out);
}

static void fuzz_server_session(const u8 *data, size_t size)
{
	struct tlsw_server_session s;
	u8 out[TLSW_SERVER_SESSION_LEN];
	struct tlsw_wr w;

	if (tlsw_parse_server_session(data, size, &s))
		return;
	FUZZ_ASSERT(size == TLSW_SERVER_SESSION_LEN);
	tlsw_wr_init(&w, out, sizeof(out));
	tlsw_build_server_session(&w, &s);
	FUZZ_ASSERT(!tlsw_wr_error(&w));
	FUZZ_ASSERT(w.len == size);
	FUZZ_ASSERT(!memcmp(out, data, size));
}

static void fuzz_ticket(const u8 *data, size_t size)
{
	struct tlsw_ticket t;

	if (tlsw_parse_ticket(data, size, &t))
		return;
	fuzz_check_slice(&t.key_name, data, size);
	fuzz_check_slice(&t.iv, data, size);
	fuzz_check_slice(&t.sealed, data, size);
	FUZZ_ASSERT(t.key_name.data == data);
	FUZZ_ASSERT(t.key_name.len + t.iv.len + t.sealed.len == size);
	FUZZ_ASSERT(size == TLSW_TICKET_LEN);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	enum tlsw_alert alert = TLSW_ALERT_CLOSE_NOTIFY;
	int ret;

	if (!size)
		return 0;
	switch (data[0] % FUZZ_NR_MESSAGES) {
	case FUZZ_CERTIFICATE:
		fuzz_certificate(data + 1, size - 1);
		break;
	case FUZZ_SKE_ECDHE:
		fuzz_server_key_exchange(data + 1, size - 1, TLSW_KX_ECDHE);
		break;
	case FUZZ_SKE_DHE:
		fuzz_server_key_exchange(data + 1, size - 1, TLSW_KX_DHE);
		break;
	case FUZZ_CERTIFICATE_REQUEST:
		fuzz_certificate_request(data + 1, size - 1);
		break;
	case FUZZ_SERVER_HELLO_DONE:
		ret = tlsw_parse_server_hello_done(size - 1, &alert);
		fuzz_check_error(ret, alert);
		FUZZ_ASSERT(!ret == (size == 1));
		break;
	case FUZZ_CKE_ECDHE:
		fuzz_client_key_exchange(data + 1, size - 1, TLSW_KX_ECDHE);
		break;
	case FUZZ_CKE_DHE:
		fuzz_client_key_exchange(data + 1, size - 1, TLSW_KX_DHE);
		break;
	case FUZZ_CKE_RSA:
		fuzz_client_key_exchange(data + 1, size - 1, TLSW_KX_RSA);
		break;
	case FUZZ_NEW_SESSION_TICKET:
		fuzz_new_session_ticket(data + 1, size - 1);
		break;
	case FUZZ_SESSION:
		fuzz_session(data + 1, size - 1);
		break;
	case FUZZ_SERVER_SESSION:
		fuzz_server_session(data + 1, size - 1);
		break;
	case FUZZ_TICKET:
		fuzz_ticket(data + 1, size - 1);
		break;
	}
	return 0;
}
