/* test_utf8.c - the one UTF-8 decoder, validator and encoder (utf8.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "utf8.h"

/* Decodes the bytes of s (a literal, n bytes) under rule; checks the
 * length and, when it is not 0, the code point. */
static void S_dec(const char *s, size_t n, enum utf8_rule rule, size_t want_len,
                  uint32_t want_cp)
{
	uint32_t cp = 0;
	size_t len = utf8_decode((const unsigned char *)s, n, rule, &cp);
	assert_int_equal(len, want_len);
	assert_int_equal(cp, want_len > 0 ? want_cp : UTF8_REPLACEMENT);
}

#define STRICT(lit, len, cp) S_dec((lit), sizeof(lit) - 1, UTF8_STRICT, (len), (cp))
#define LAX(lit, len, cp) S_dec((lit), sizeof(lit) - 1, UTF8_LAX, (len), (cp))

/* The first and last code point of each length, under both rules. */
static void test_boundaries(void **state)
{
	(void)state;
	S_dec("\0", 1, UTF8_STRICT, 1, 0);
	STRICT("\x7F", 1, 0x7F);
	STRICT("\xC2\x80", 2, 0x80);
	STRICT("\xDF\xBF", 2, 0x7FF);
	STRICT("\xE0\xA0\x80", 3, 0x800);
	STRICT("\xED\x9F\xBF", 3, 0xD7FF);
	STRICT("\xEE\x80\x80", 3, 0xE000);
	STRICT("\xEF\xBF\xBF", 3, 0xFFFF);
	STRICT("\xF0\x90\x80\x80", 4, 0x10000);
	STRICT("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
	STRICT("\xC3\xA9tc", 2, 0xE9);   /* only the first character */
	LAX("\xC2\x80", 2, 0x80);
	LAX("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
}

/* What only the strict rule refuses. */
static void test_overlong_surrogate_range(void **state)
{
	(void)state;
	STRICT("\xE0\x80\x80", 0, 0);          /* U+0000 in 3 bytes */
	STRICT("\xE0\x9F\xBF", 0, 0);          /* U+07FF in 3 bytes */
	STRICT("\xF0\x8F\xBF\xBF", 0, 0);      /* U+FFFF in 4 bytes */
	STRICT("\xED\xA0\x80", 0, 0);          /* U+D800 */
	STRICT("\xED\xBF\xBF", 0, 0);          /* U+DFFF */
	STRICT("\xF4\x90\x80\x80", 0, 0);      /* U+110000 */
	LAX("\xE0\x80\x80", 3, 0);
	LAX("\xF0\x8F\xBF\xBF", 4, 0xFFFF);
	LAX("\xED\xA0\x80", 3, 0xD800);
	LAX("\xF4\x90\x80\x80", 4, 0x110000);
	LAX("\xF4\xBF\xBF\xBF", 4, 0x13FFFF);
}

/* What both rules refuse: bytes no sequence starts with, bad or missing
 * continuation bytes. */
static void test_malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xF5\x80\x80\x80",
		"\xF8\x88\x80\x80\x80", "\xFF", "\xC3", "\xC3\x41", "\xE2\x82",
		"\xE2\x82\x41", "\xF0\x9F\x98", "\xC3\xC3\xA9", "\xE2\x00\xAC",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const unsigned char *s = (const unsigned char *)bad[i];
		size_t n = strlen(bad[i]);
		uint32_t cp = 0;
		assert_int_equal(utf8_decode(s, n, UTF8_STRICT, &cp), 0);
		assert_int_equal(cp, UTF8_REPLACEMENT);
		assert_int_equal(utf8_decode(s, n, UTF8_LAX, &cp), 0);
		assert_int_equal(utf8_step(s, n, UTF8_LAX), 1);
	}
	/* Truncated by n, though the bytes beyond would complete it. */
	S_dec("\xE2\x82\xAC", 2, UTF8_STRICT, 0, 0);
	S_dec("\xF0\x9F\x98\x80", 3, UTF8_LAX, 0, 0);
	S_dec("\xE2\x82\xAC", 0, UTF8_STRICT, 0, 0);
	/* A NUL-terminated string may pass SIZE_MAX: the NUL stops it. */
	S_dec("\xE2\x82", SIZE_MAX, UTF8_STRICT, 0, 0);
	S_dec("\xE2\x82\xAC", SIZE_MAX, UTF8_STRICT, 3, 0x20AC);
}

static void test_lead_len_and_step(void **state)
{
	(void)state;
	assert_int_equal(utf8_lead_len(0x41), 1);
	assert_int_equal(utf8_lead_len(0x80), 1);
	assert_int_equal(utf8_lead_len(0xBF), 1);
	assert_int_equal(utf8_lead_len(0xC0), 2);
	assert_int_equal(utf8_lead_len(0xDF), 2);
	assert_int_equal(utf8_lead_len(0xE0), 3);
	assert_int_equal(utf8_lead_len(0xEF), 3);
	assert_int_equal(utf8_lead_len(0xF0), 4);
	assert_int_equal(utf8_lead_len(0xFF), 4);
	const unsigned char *s = (const unsigned char *)"a\xCE\xB1\xE2\x82\xAC\xF0\x9F\x98\x80\xFF";
	size_t n = strlen((const char *)s), steps[8], k = 0;
	for (size_t i = 0; i < n; i += steps[k++])
		steps[k] = utf8_step(s + i, n - i, UTF8_STRICT);
	assert_int_equal(k, 5);
	assert_int_equal(steps[0], 1);
	assert_int_equal(steps[1], 2);
	assert_int_equal(steps[2], 3);
	assert_int_equal(steps[3], 4);
	assert_int_equal(steps[4], 1);
}

static void test_validate(void **state)
{
	(void)state;
	size_t bad = 99;
	const unsigned char *ok = (const unsigned char *)"plain, \xCE\xB1\xCE\xB2 and \xF0\x9F\x98\x80";
	assert_true(utf8_validate(ok, strlen((const char *)ok), &bad));
	assert_int_equal(bad, 99);    /* untouched when valid */
	assert_true(utf8_validate(ok, 0, NULL));
	/* NUL bytes are U+0000 here, not an end. */
	assert_true(utf8_validate((const unsigned char *)"a\0b", 3, &bad));
	const unsigned char *s = (const unsigned char *)"line 1\nline \xCE\xB1\n\xED\xA0\x80 x";
	assert_false(utf8_validate(s, strlen((const char *)s), &bad));
	assert_int_equal(bad, 15);
	assert_false(utf8_validate(s, strlen((const char *)s), NULL));
	/* A sequence cut by the end of the buffer. */
	assert_false(utf8_validate((const unsigned char *)"ab\xCE\xB1", 3, &bad));
	assert_int_equal(bad, 2);
}

/* Writes cp and checks the bytes, and that they decode back to it. */
static void S_enc(uint32_t cp, const char *want, enum utf8_rule rule)
{
	unsigned char out[UTF8_MAX] = { 0 };
	size_t n = utf8_encode(cp, out), wn = strlen(want);
	if (cp == 0)
		wn = 1;
	assert_int_equal(n, wn);
	assert_memory_equal(out, want, wn);
	uint32_t back;
	assert_int_equal(utf8_decode(out, n, rule, &back), n);
	assert_int_equal(back, cp);
}

static void test_encode(void **state)
{
	(void)state;
	S_enc(0, "", UTF8_STRICT);
	S_enc(0x41, "A", UTF8_STRICT);
	S_enc(0x7F, "\x7F", UTF8_STRICT);
	S_enc(0x80, "\xC2\x80", UTF8_STRICT);
	S_enc(0x7FF, "\xDF\xBF", UTF8_STRICT);
	S_enc(0x800, "\xE0\xA0\x80", UTF8_STRICT);
	S_enc(0xFFFD, "\xEF\xBF\xBD", UTF8_STRICT);
	S_enc(0xFFFF, "\xEF\xBF\xBF", UTF8_STRICT);
	S_enc(0x10000, "\xF0\x90\x80\x80", UTF8_STRICT);
	S_enc(0x1F600, "\xF0\x9F\x98\x80", UTF8_STRICT);
	S_enc(0x10FFFF, "\xF4\x8F\xBF\xBF", UTF8_STRICT);
	/* What UTF8_LAX decodes round-trips. */
	S_enc(0xD800, "\xED\xA0\x80", UTF8_LAX);
	S_enc(0x13FFFF, "\xF4\xBF\xBF\xBF", UTF8_LAX);
	unsigned char out[UTF8_MAX];
	assert_int_equal(utf8_encode(0x1FFFFF, out), 4);
	assert_memory_equal(out, "\xF7\xBF\xBF\xBF", 4);
	assert_int_equal(utf8_encode(0x200000, out), 0);
	assert_int_equal(utf8_encode(UINT32_MAX, out), 0);
}

/* Every code point the strict rule accepts round-trips, and exactly the
 * surrogates are refused among the 3-byte ones. */
static void test_round_trip_all(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		unsigned char out[UTF8_MAX];
		size_t n = utf8_encode(cp, out);
		uint32_t back = 0;
		size_t len = utf8_decode(out, n, UTF8_STRICT, &back);
		bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
		if (len != (surrogate ? 0 : n) || (!surrogate && back != cp))
			fail_msg("U+%04X: length %zu, decoded U+%04X", (unsigned)cp, len,
			         (unsigned)back);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_overlong_surrogate_range),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_lead_len_and_step),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
