/* test_prescan.c - the byte limits checked before libxml2 parses
 * (src/load/prescan.c): attributes per start tag, one text or value. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../src/load/load_int.h"

/* A start tag <e a0="v" a1="v" ...> with n attributes, on line 2. */
static char *S_tag(size_t n, size_t *len)
{
	char *s = malloc(32 + n * 16);
	assert_non_null(s);
	size_t at = (size_t)sprintf(s, "<?xml version=\"1.0\"?>\n<e");
	for (size_t i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, "\n a%zu='v>'", i);
	at += (size_t)sprintf(s + at, "/>\n");
	*len = at;
	return s;
}

static void test_attribute_cap(void **state)
{
	(void)state;
	struct load_excess e;
	size_t len;
	char *s = S_tag(LOAD_MAX_ATTRIBUTES, &len);
	assert_true(load_prescan(s, len, &e));
	assert_int_equal(e.kind, LOAD_EXCESS_NONE);
	free(s);
	s = S_tag(LOAD_MAX_ATTRIBUTES + 1, &len);
	assert_false(load_prescan(s, len, &e));
	assert_int_equal(e.kind, LOAD_EXCESS_ATTRIBUTES);
	assert_int_equal(e.line, 2);          /* where the tag starts */
	assert_int_equal(e.name_len, 1);
	assert_memory_equal(e.name, "e", 1);
	free(s);
}

/* '=' inside quoted values, comments, CDATA, processing instructions and
 * end tags is not an attribute. */
static void test_markup_that_is_not_attributes(void **state)
{
	(void)state;
	struct load_excess e;
	size_t n = 3 * LOAD_MAX_ATTRIBUTES, at = 0;
	char *s = malloc(n * 40 + 64);
	assert_non_null(s);
	at += (size_t)sprintf(s, "<r a=\"");
	for (size_t i = 0; i < n; i++)
		s[at++] = '=';
	at += (size_t)sprintf(s + at, "\"><!-- ");
	for (size_t i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, "x=1 ");
	at += (size_t)sprintf(s + at, "--><![CDATA[");
	for (size_t i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, "y=2 ");
	at += (size_t)sprintf(s + at, "]]><?pi");
	for (size_t i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, " z=3");
	at += (size_t)sprintf(s + at, "?></r>");
	assert_true(load_prescan(s, at, &e));
	free(s);
}

static void test_text_and_value_length(void **state)
{
	(void)state;
	struct load_excess e;
	size_t big = LOAD_MAX_TEXT + 1;
	char *s = malloc(big + 64);
	assert_non_null(s);
	/* A text of exactly the limit passes; one byte more does not. */
	size_t at = (size_t)sprintf(s, "<r>\n");
	memset(s + at, 'x', LOAD_MAX_TEXT - 1);
	at += LOAD_MAX_TEXT - 1;
	at += (size_t)sprintf(s + at, "</r>");
	assert_true(load_prescan(s, at, &e));
	at = (size_t)sprintf(s, "<r>\n");
	memset(s + at, 'x', LOAD_MAX_TEXT);
	at += LOAD_MAX_TEXT;
	at += (size_t)sprintf(s + at, "</r>");
	assert_false(load_prescan(s, at, &e));
	assert_int_equal(e.kind, LOAD_EXCESS_TEXT);
	assert_int_equal(e.line, 1);
	assert_null(e.name);
	/* A value over the limit, at the line where it starts. */
	at = (size_t)sprintf(s, "<r\nid=\"");
	memset(s + at, 'x', big);
	at += big;
	at += (size_t)sprintf(s + at, "\"/>");
	assert_false(load_prescan(s, at, &e));
	assert_int_equal(e.kind, LOAD_EXCESS_VALUE);
	assert_int_equal(e.line, 2);
	free(s);
}

/* Unclosed constructs run to the end without reading past it. */
static void test_unterminated(void **state)
{
	(void)state;
	static const char *const cases[] = {
		"<", "<!--", "<![CDATA[", "<?", "</", "<!DOCTYPE", "<e a='", "<e a=\"x", "<e", "x<",
	};
	struct load_excess e;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i]);
		char *s = malloc(n);   /* exactly n bytes: ASan and valgrind see an overrun */
		assert_non_null(s);
		memcpy(s, cases[i], n);
		assert_true(load_prescan(s, n, &e));
		free(s);
	}
}

/* Bare '&'s: in text and values, not in references, comments, CDATA,
 * processing instructions or between attributes; each at its line and
 * column (in characters); an unterminated document read exactly. */
static void test_bare_amps(void **state)
{
	(void)state;
	static const char doc[] =
		"<?pi a & b?><!-- & -->\n"
		"<r a=\"x & y\" b='&amp;&#38;&#x26;&n-1.x;'>\xC3\xA9&\n"
		"<![CDATA[ & ]]>&#;&#x;&1;&a b\n"
		"</r>&";
	struct load_pos at[8];
	size_t n = load_bare_amps(doc, sizeof doc - 1, at, 8);
	static const struct load_pos want[] = {
		{ 2, 9 }, { 2, 43 }, { 3, 16 }, { 3, 19 }, { 3, 23 }, { 3, 26 }, { 4, 5 },
	};
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(at[i].line, want[i].line);
		assert_int_equal(at[i].col, want[i].col);
	}
	assert_int_equal(load_bare_amps(doc, sizeof doc - 1, at, 2), n);   /* counts past max */
	static const char *const cut[] = { "<r>&#", "<r>&#x", "<r>&a", "<r a='&", "<!-- &" };
	for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
		size_t len = strlen(cut[i]);
		char *s = malloc(len);   /* exactly: ASan and valgrind see an overrun */
		assert_non_null(s);
		memcpy(s, cut[i], len);
		assert_int_equal(load_bare_amps(s, len, at, 8), i < 4 ? 1 : 0);
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attribute_cap),
		cmocka_unit_test(test_markup_that_is_not_attributes),
		cmocka_unit_test(test_text_and_value_length),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_bare_amps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
