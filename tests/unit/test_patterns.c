/* test_patterns.c - the PCRE2 patterns of format 1 and model_shown(). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include "model.h"
#include "patterns.h"

static int S_setup(void **state)
{
	*state = patterns_new();
	return *state == NULL;
}

static int S_teardown(void **state)
{
	patterns_free(*state);
	return 0;
}

static void test_ids(void **state)
{
	const struct patterns *p = *state;
	static const char *const good[] = {
		"a", "0", "pytorch", "ml-frameworks-2026", "a.b_c-d", "x9",
		"a234567890123456789012345678901234567890123456789012345678901234",
	};
	static const char *const bad[] = {
		"", "A", "Py", "-a", ".a", "_a", "a b", "a/b", "é", "a\n", "a\t",
		"a2345678901234567890123456789012345678901234567890123456789012345",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(patterns_is_id(p, good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(patterns_is_id(p, bad[i]));
	assert_false(patterns_is_id(p, NULL));
}

static void test_colours(void **state)
{
	const struct patterns *p = *state;
	assert_true(patterns_is_colour(p, "#1f4e79"));
	assert_true(patterns_is_colour(p, "#ABCDEF"));
	assert_false(patterns_is_colour(p, "#1f4e7"));
	assert_false(patterns_is_colour(p, "#1f4e790"));
	assert_false(patterns_is_colour(p, "1f4e79"));
	assert_false(patterns_is_colour(p, "#1g4e79"));
	assert_false(patterns_is_colour(p, "#1f4e79\n"));
	assert_false(patterns_is_colour(p, "red"));
}

static void test_urls(void **state)
{
	const struct patterns *p = *state;
	static const char *const good[] = {
		"https://pytorch.org", "http://example.com/a/b?c=d#e",
		"https://www.tensorflow.org/", "HTTPS://EXAMPLE.COM",
		"https://example.com:8443/x", "https://b\xC3\xBC" "cher.de/",
		"http://[2001:db8::1]/",
	};
	static const char *const bad[] = {
		"", "pytorch.org", "ftp://example.com", "javascript:alert(1)",
		"file:///etc/passwd", "https://", "https://exa mple.com",
		"https://example.com/a b", "https://-x.org", "https://x.org\n",
		"https://x.org/<script>",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(patterns_is_url(p, good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(patterns_is_url(p, bad[i]));
}

static void test_dates(void **state)
{
	const struct patterns *p = *state;
	static const char *const good[] = {
		"2026-11-23", "2024-02-29", "2000-02-29", "1999-12-31", "2026-01-01",
	};
	static const char *const bad[] = {
		"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01\n",
		"2026-01-01T00:00", " 2026-01-01", "tomorrow", "",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(patterns_is_date(p, good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(patterns_is_date(p, bad[i]));
}

static void test_placeholders(void **state)
{
	const struct patterns *p = *state;
	const char *t = "For {{ profile.name }}: {{date}}, {{  }} and {{x";
	struct placeholder ph;
	assert_true(patterns_next_placeholder(p, t, 0, &ph));
	assert_int_equal(ph.start, 4);
	assert_memory_equal(t + ph.name_start, "profile.name", 12);
	assert_int_equal(ph.name_end - ph.name_start, 12);
	assert_true(patterns_next_placeholder(p, t, ph.end, &ph));
	assert_memory_equal(t + ph.name_start, "date", 4);
	assert_int_equal(ph.name_end - ph.name_start, 4);
	assert_true(patterns_next_placeholder(p, t, ph.end, &ph));
	assert_int_equal(ph.name_end, ph.name_start);   /* {{  }}: empty name */
	assert_false(patterns_next_placeholder(p, t, ph.end, &ph));

	static const char *const names[] = {
		"comparison.title", "date", "profile.name", "profile.id", "winner.name",
		"runner-up.name", "margin", "framework.pytorch.name",
		"framework.a.b.version",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		assert_true(patterns_is_placeholder_name(p, names[i], strlen(names[i])));
	static const char *const unknown[] = {
		"", "title", "profile", "profile.names", "framework.pytorch",
		"framework.pytorch.url", "framework..name", "Date", "date\n",
	};
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
		assert_false(patterns_is_placeholder_name(p, unknown[i], strlen(unknown[i])));
}

/* A long run of blanks inside braces must not take quadratic time. */
static void test_placeholder_blanks_are_linear(void **state)
{
	const struct patterns *p = *state;
	size_t n = 2000000;
	char *t = test_malloc(n + 8);
	memcpy(t, "{{", 2);
	memset(t + 2, ' ', n);
	strcpy(t + 2 + n, "x");   /* never closed */
	/* A hang guard, not a speed test: quadratic matching of 2,000,000
	 * blanks would run for hours, linear takes milliseconds. */
	alarm(60);
	struct placeholder ph;
	assert_false(patterns_next_placeholder(p, t, 0, &ph));
	memcpy(t + 2 + n, "}}", 3);   /* closed: one empty name */
	assert_true(patterns_next_placeholder(p, t, 0, &ph));
	assert_int_equal(ph.name_start, ph.name_end);
	alarm(0);
	test_free(t);
}

static void test_shown(void **state)
{
	(void)state;
	struct doc *doc = model_new("x.xml");
	assert_string_equal(model_shown(doc, NULL), "");
	assert_string_equal(model_shown(doc, "plain"), "plain");
	assert_string_equal(model_shown(doc, "a\nb\tc\x1b[31m"), "a\\x0Ab\\x09c\\x1B[31m");
	assert_string_equal(model_shown(doc, "caf\xC3\xA9 \xC2\x92"), "caf\xC3\xA9 U+0092");
	assert_string_equal(model_shown(doc, "bad \xFF byte"), "bad \\xFF byte");
	char longer[200];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	const char *s = model_shown(doc, longer);
	assert_int_equal(strlen(s), 63);
	assert_string_equal(s + 60, "...");
	/* Exactly 60 characters are not cut; multi-byte ones count once. */
	longer[60] = '\0';
	assert_string_equal(model_shown(doc, longer), longer);
	char greek[200] = "";
	for (int i = 0; i < 61; i++)
		strcat(greek, "\xCE\xB1");
	s = model_shown(doc, greek);
	assert_int_equal(strlen(s), 120 + 3);
	model_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_colours),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_placeholder_blanks_are_linear),
		cmocka_unit_test(test_shown),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
