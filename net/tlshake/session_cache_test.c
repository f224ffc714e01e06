// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the TLS 1.2 server's sessions: the cache finds a session
 * by its ID under the configuration that made it and within its lifetime
 * only, and keeps its bound by giving up the oldest; a ticket opens to
 * the session sealed in it, but not with a byte changed, not under
 * another configuration, and not once its key is two rotations old.
 * Each test has a cache and keys of its own, on a clock of its own.
 */

#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "session_cache.h"
#include "session_ticket.h"
#include "wire.h"

#define SC_TEST_SIZE		4
#define SC_TEST_LIFETIME	100
#define SC_TEST_PERIOD		10

static void sc_test_session(struct tlsw_server_session *s, u8 seed, u64 now)
{
	memset(s, 0, sizeof(*s));
	s->cipher_suite = TLSW_TLS_ECDHE_ECDSA_AES_128_GCM_SHA256;
	s->flags = TLSW_SESSION_EMS;
	s->created = now;
	memset(s->master_secret, seed, sizeof(s->master_secret));
	memset(s->context, 0xc0, sizeof(s->context));
}

static void sc_test_id(u8 *id, u8 seed)
{
	memset(id, seed, TLSW_SESSION_ID_MAX);
}

static struct tlshake_session_cache *sc_test_cache(struct kunit *test)
{
	struct tlshake_session_entry *entries;
	struct tlshake_session_cache *c;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	entries = kunit_kcalloc(test, SC_TEST_SIZE, sizeof(*entries),
				GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, entries);
	tlshake_session_cache_init(c, entries, SC_TEST_SIZE, SC_TEST_LIFETIME);
	return c;
}

static bool sc_test_same(const struct tlsw_server_session *a,
			 const struct tlsw_server_session *b)
{
	return a->cipher_suite == b->cipher_suite && a->flags == b->flags &&
	       a->created == b->created &&
	       !memcmp(a->master_secret, b->master_secret,
		       sizeof(a->master_secret)) &&
	       !memcmp(a->context, b->context, sizeof(a->context)) &&
	       !memcmp(a->peer, b->peer, sizeof(a->peer));
}

/* Stored, found by its ID alone; not by another ID or a short one. */
static void sc_test_store_lookup(struct kunit *test)
{
	struct tlshake_session_cache *c = sc_test_cache(test);
	struct tlsw_server_session s, got;
	u8 id[TLSW_SESSION_ID_MAX];

	sc_test_session(&s, 1, 1000);
	sc_test_id(id, 1);
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      s.context, 1000,
							      &got));
	tlshake_session_cache_store(c, id, &s);
	KUNIT_ASSERT_TRUE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							     s.context, 1001,
							     &got));
	KUNIT_EXPECT_TRUE(test, sc_test_same(&s, &got));
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, 16,
							      s.context, 1001,
							      &got));
	id[31] ^= 1;
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      s.context, 1001,
							      &got));
}

/* Within its lifetime only, and an expired session is gone for good. */
static void sc_test_expiry(struct kunit *test)
{
	struct tlshake_session_cache *c = sc_test_cache(test);
	struct tlsw_server_session s, got;
	u8 id[TLSW_SESSION_ID_MAX];

	sc_test_session(&s, 2, 1000);
	sc_test_id(id, 2);
	tlshake_session_cache_store(c, id, &s);
	KUNIT_EXPECT_TRUE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							     s.context,
							     1000 +
							     SC_TEST_LIFETIME -
							     1, &got));
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      s.context,
							      1000 +
							      SC_TEST_LIFETIME,
							      &got));
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      s.context, 1000,
							      &got));
	KUNIT_EXPECT_TRUE(test, memchr_inv(c->entries, 0,
					   SC_TEST_SIZE *
					   sizeof(*c->entries)) == NULL);
}

/* A full cache gives up its oldest session; a flush wipes them all. */
static void sc_test_bound(struct kunit *test)
{
	struct tlshake_session_cache *c = sc_test_cache(test);
	struct tlsw_server_session s, got;
	u8 id[TLSW_SESSION_ID_MAX];
	unsigned int i;

	for (i = 0; i <= SC_TEST_SIZE; i++) {
		sc_test_session(&s, i, 1000);
		sc_test_id(id, i);
		tlshake_session_cache_store(c, id, &s);
	}
	sc_test_id(id, 0);
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      s.context, 1000,
							      &got));
	for (i = 1; i <= SC_TEST_SIZE; i++) {
		sc_test_id(id, i);
		KUNIT_EXPECT_TRUE_MSG(test,
				      tlshake_session_cache_lookup(c, id,
								   sizeof(id),
								   s.context,
								   1000, &got),
				      "session %u", i);
		KUNIT_EXPECT_EQ(test, got.master_secret[0], (u8)i);
	}
	tlshake_session_cache_flush(c);
	KUNIT_EXPECT_TRUE(test, memchr_inv(c->entries, 0,
					   SC_TEST_SIZE *
					   sizeof(*c->entries)) == NULL);
}

/* Not under another configuration. */
static void sc_test_context(struct kunit *test)
{
	struct tlshake_session_cache *c = sc_test_cache(test);
	struct tlsw_server_session s, got;
	u8 id[TLSW_SESSION_ID_MAX], other[TLSW_SESSION_DIGEST_LEN];

	sc_test_session(&s, 3, 1000);
	sc_test_id(id, 3);
	tlshake_session_cache_store(c, id, &s);
	memcpy(other, s.context, sizeof(other));
	other[0] ^= 1;
	KUNIT_EXPECT_FALSE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							      other, 1000,
							      &got));
	KUNIT_EXPECT_TRUE(test, tlshake_session_cache_lookup(c, id, sizeof(id),
							     s.context, 1000,
							     &got));
}

static struct tlshake_ticket_keys *sc_test_keys(struct kunit *test)
{
	struct tlshake_ticket_keys *k;

	k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	tlshake_ticket_keys_init(k, SC_TEST_PERIOD, SC_TEST_LIFETIME);
	return k;
}

/* A ticket opens to its session; with any byte changed it does not. */
static void sc_test_ticket_round_trip(struct kunit *test)
{
	struct tlshake_ticket_keys *k = sc_test_keys(test);
	struct tlsw_server_session s, got;
	u8 *ticket, *bad;
	unsigned int i;

	ticket = kunit_kmalloc(test, TLSW_TICKET_LEN, GFP_KERNEL);
	bad = kunit_kmalloc(test, TLSW_TICKET_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ticket);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bad);
	sc_test_session(&s, 4, 1000);
	s.flags |= TLSW_SESSION_PEER | TLSW_SESSION_PEER_VERIFIED;
	memset(s.peer, 0x77, sizeof(s.peer));
	KUNIT_ASSERT_EQ(test, tlshake_ticket_seal(k, &s, 1000, ticket), 0);
	KUNIT_ASSERT_TRUE(test, tlshake_ticket_open(k, ticket, TLSW_TICKET_LEN,
						    s.context, 1001, &got));
	KUNIT_EXPECT_TRUE(test, sc_test_same(&s, &got));

	for (i = 0; i < TLSW_TICKET_LEN; i++) {
		memcpy(bad, ticket, TLSW_TICKET_LEN);
		bad[i] ^= 0x01;
		KUNIT_EXPECT_FALSE_MSG(test,
				       tlshake_ticket_open(k, bad,
							   TLSW_TICKET_LEN,
							   s.context, 1001,
							   &got),
				       "byte %u flipped", i);
	}
	KUNIT_EXPECT_FALSE(test, tlshake_ticket_open(k, ticket,
						     TLSW_TICKET_LEN - 1,
						     s.context, 1001, &got));
	tlshake_ticket_keys_flush(k);
	KUNIT_EXPECT_FALSE(test, tlshake_ticket_open(k, ticket,
						     TLSW_TICKET_LEN,
						     s.context, 1001, &got));
}

/* Under the current key and the previous one, not one older; not past
 * the session's lifetime; not under another configuration.
 */
static void sc_test_ticket_rotation(struct kunit *test)
{
	struct tlshake_ticket_keys *k = sc_test_keys(test);
	u8 other[TLSW_SESSION_DIGEST_LEN];
	struct tlsw_server_session s, got;
	u64 t = 1000;
	u8 *ticket;

	ticket = kunit_kmalloc(test, TLSW_TICKET_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ticket);
	sc_test_session(&s, 5, t);
	KUNIT_ASSERT_EQ(test, tlshake_ticket_seal(k, &s, t, ticket), 0);
	memcpy(other, s.context, sizeof(other));
	other[31] ^= 1;
	KUNIT_EXPECT_FALSE(test, tlshake_ticket_open(k, ticket,
						     TLSW_TICKET_LEN, other,
						     t, &got));
	/* One rotation: the key is the previous one, still good. */
	KUNIT_EXPECT_TRUE(test, tlshake_ticket_open(k, ticket,
						    TLSW_TICKET_LEN,
						    s.context,
						    t + SC_TEST_PERIOD, &got));
	/* Two: gone, though the session is well within its lifetime. */
	KUNIT_EXPECT_FALSE(test, tlshake_ticket_open(k, ticket,
						     TLSW_TICKET_LEN,
						     s.context,
						     t + 2 * SC_TEST_PERIOD,
						     &got));
	/* A new key seals a session that is not new: it opens until the
	 * session's lifetime is over.
	 */
	t += 2 * SC_TEST_PERIOD;
	KUNIT_ASSERT_EQ(test, tlshake_ticket_seal(k, &s, t, ticket), 0);
	KUNIT_EXPECT_TRUE(test, tlshake_ticket_open(k, ticket,
						    TLSW_TICKET_LEN,
						    s.context, t, &got));
	tlshake_ticket_keys_init(k, 10 * SC_TEST_LIFETIME, SC_TEST_LIFETIME);
	KUNIT_ASSERT_EQ(test, tlshake_ticket_seal(k, &s, t, ticket), 0);
	KUNIT_EXPECT_FALSE(test, tlshake_ticket_open(k, ticket,
						     TLSW_TICKET_LEN,
						     s.context,
						     s.created +
						     SC_TEST_LIFETIME, &got));
}

/* The session state parser takes its own format alone. */
static void sc_test_parse(struct kunit *test)
{
	u8 buf[TLSW_SERVER_SESSION_LEN + 1];
	struct tlsw_server_session s, got;
	struct tlsw_wr w;

	sc_test_session(&s, 6, 0x123456789ULL);
	tlsw_wr_init(&w, buf, sizeof(buf));
	tlsw_build_server_session(&w, &s);
	KUNIT_ASSERT_EQ(test, tlsw_wr_error(&w), 0);
	KUNIT_ASSERT_EQ(test, w.len, (size_t)TLSW_SERVER_SESSION_LEN);
	KUNIT_ASSERT_EQ(test, tlsw_parse_server_session(buf, w.len, &got), 0);
	KUNIT_EXPECT_TRUE(test, sc_test_same(&s, &got));
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_session(buf, w.len - 1, &got),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_session(buf, w.len + 1, &got),
			-EINVAL);
	buf[0] = 2;
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_session(buf, w.len, &got),
			-EINVAL);
	buf[0] = 1;
	buf[5] = 0x08;
	KUNIT_EXPECT_EQ(test, tlsw_parse_server_session(buf, w.len, &got),
			-EINVAL);
}

static struct kunit_case sc_test_cases[] = {
	KUNIT_CASE(sc_test_store_lookup),
	KUNIT_CASE(sc_test_expiry),
	KUNIT_CASE(sc_test_bound),
	KUNIT_CASE(sc_test_context),
	KUNIT_CASE(sc_test_ticket_round_trip),
	KUNIT_CASE(sc_test_ticket_rotation),
	KUNIT_CASE(sc_test_parse),
	{}
};

static struct kunit_suite sc_test_suite = {
	.name = "tlshake_session_cache",
	.test_cases = sc_test_cases,
};

kunit_test_suite(sc_test_suite);
