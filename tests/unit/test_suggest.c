/* test_suggest.c - "did you mean": the distance and both rules (suggest.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "suggest.h"

#define N(a) (sizeof(a) / sizeof *(a))

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("", ""), 0);
	assert_int_equal(suggest_distance("abc", ""), 3);
	assert_int_equal(suggest_distance("", "abcd"), 4);
	assert_int_equal(suggest_distance("scenario", "scenario"), 0);
	assert_int_equal(suggest_distance("scnario", "scenario"), 1);     /* insertion */
	assert_int_equal(suggest_distance("scenarios", "scenario"), 1);   /* deletion */
	assert_int_equal(suggest_distance("scenaria", "scenario"), 1);    /* substitution */
	assert_int_equal(suggest_distance("sceanrio", "scenario"), 1);    /* transposition */
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	/* Optimal string alignment, not full Damerau: no edit of a
	 * transposed pair, so "ca" -> "abc" is 3, not 2. */
	assert_int_equal(suggest_distance("ca", "abc"), 3);
	assert_int_equal(suggest_distance("Weight", "weight"), 1);   /* bytes, case counts */
	char w64[65], w65[66];
	memset(w64, 'a', 64);
	w64[64] = '\0';
	memset(w65, 'a', 65);
	w65[65] = '\0';
	assert_int_equal(suggest_distance(w64, w64), 0);
	assert_int_equal(suggest_distance(w64, "a"), 63);
	assert_int_equal(suggest_distance(w65, w65), SIZE_MAX);
	assert_int_equal(suggest_distance("a", w65), SIZE_MAX);
}

static void test_ids(void **state)
{
	(void)state;
	/* A hash table's slots, NULLs and all. */
	static const char *const ids[] = {
		NULL, "pytorch", "tensorflow", NULL, "jax", "mxnet", "keras", NULL,
	};
	assert_string_equal(suggest_best("pytorh", ids, N(ids), SUGGEST_IDS), "pytorch");
	assert_string_equal(suggest_best("tensorflwo", ids, N(ids), SUGGEST_IDS), "tensorflow");
	assert_string_equal(suggest_best("tensrflwo", ids, N(ids), SUGGEST_IDS), "tensorflow");
	assert_null(suggest_best("pyt", ids, N(ids), SUGGEST_IDS));
	/* Distance 2 counts only for words of 5 bytes or more. */
	assert_null(suggest_best("jxz", ids, N(ids), SUGGEST_IDS));
	assert_string_equal(suggest_best("jaz", ids, N(ids), SUGGEST_IDS), "jax");
	/* Equal but for case wins, even under 3 bytes or over 64. */
	assert_string_equal(suggest_best("JAX", ids, N(ids), SUGGEST_IDS), "jax");
	static const char *const short_ids[] = { "ab", "cd" };
	assert_string_equal(suggest_best("AB", short_ids, N(short_ids), SUGGEST_IDS), "ab");
	assert_null(suggest_best("ac", short_ids, N(short_ids), SUGGEST_IDS));
	/* A 3-byte word may match a 2-byte id (no minimum for candidates). */
	assert_string_equal(suggest_best("abx", short_ids, N(short_ids), SUGGEST_IDS), "ab");
	/* Two as close: no guess, whatever comes later. */
	static const char *const twins[] = { "model-a", "model-b", "other" };
	assert_null(suggest_best("model-c", twins, N(twins), SUGGEST_IDS));
	/* A closer candidate after a tie ends the tie. */
	static const char *const closer[] = { "mode1-x", "modle-x", "model-cc" };
	assert_string_equal(suggest_best("model-c", closer, N(closer), SUGGEST_IDS), "model-cc");
	/* A case match after a tie still wins. */
	static const char *const tie_then_case[] = { "model-a", "model-b", "Model-C" };
	assert_string_equal(suggest_best("model-c", tie_then_case, N(tie_then_case), SUGGEST_IDS),
	                    "Model-C");
	assert_null(suggest_best(NULL, ids, N(ids), SUGGEST_IDS));
	assert_null(suggest_best("pytorh", ids, 0, SUGGEST_IDS));
}

static void test_names(void **state)
{
	(void)state;
	static const char *const names[] = {
		"framework", "criterion", "scenario", "weight", "rating", "id", "name", NULL,
	};
	size_t n = N(names) - 1;
	assert_string_equal(suggest_best("framwork", names, n, SUGGEST_NAMES), "framework");
	assert_string_equal(suggest_best("scenaroi", names, n, SUGGEST_NAMES), "scenario");
	assert_string_equal(suggest_best("wieght", names, n, SUGGEST_NAMES), "weight");
	/* Distance 2 needs both word and candidate of 5 bytes or more. */
	assert_string_equal(suggest_best("retinx", names, n, SUGGEST_NAMES), "rating");
	assert_string_equal(suggest_best("nmae", names, n, SUGGEST_NAMES), "name");
	assert_null(suggest_best("nxmx", names, n, SUGGEST_NAMES));
	assert_string_equal(suggest_best("weigxx", names, n, SUGGEST_NAMES), "weight");
	assert_null(suggest_best("namexx", names, n, SUGGEST_NAMES));   /* "name" has 4 */
	assert_string_equal(suggest_best("nam", names, n, SUGGEST_NAMES), "name");
	/* No candidate under 3 bytes, no word under 3 bytes, no case rule. */
	assert_null(suggest_best("idd", names, n, SUGGEST_NAMES));
	assert_null(suggest_best("nm", names, n, SUGGEST_NAMES));
	assert_null(suggest_best("NAME", names, n, SUGGEST_NAMES));
	/* The same under SUGGEST_IDS: the differences of the two rules. */
	assert_string_equal(suggest_best("idd", names, n, SUGGEST_IDS), "id");
	assert_string_equal(suggest_best("NAME", names, n, SUGGEST_IDS), "name");
	assert_string_equal(suggest_best("namexx", names, n, SUGGEST_IDS), "name");
	/* Equally close: the first wins. */
	static const char *const twins[] = { "model-a", "model-b" };
	assert_string_equal(suggest_best("model-c", twins, N(twins), SUGGEST_NAMES), "model-a");
	/* A closer later candidate beats an earlier one. */
	static const char *const later[] = { "schema", "scheme" };
	assert_string_equal(suggest_best("schemes", later, N(later), SUGGEST_NAMES), "scheme");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
