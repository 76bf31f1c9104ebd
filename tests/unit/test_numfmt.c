/* test_numfmt.c - the one way the reports and explain.c write a number
 * (src/util/numfmt.c): rounding half away from zero on the decimal value,
 * the percentage and points rules at their boundaries, never a decimal
 * comma; and report_level_marks(), the feature table's level symbol. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>

#include "arena.h"
#include "numfmt.h"
#include "report.h"
#include "testutil.h"

#define MINUS "\xE2\x88\x92"
#define FULL "\xE2\x97\x8F"
#define EMPTY "\xE2\x97\x8B"
#define DOTTED "\xE2\x97\x8C"

static int S_setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int S_teardown(void **state)
{
	arena_free(*state);
	setlocale(LC_ALL, "C");
	return 0;
}

/* Halves go away from zero, whatever their binary form: 0.285 is stored
 * as 0.28499999999999998 and still reads 0.29. */
static void test_halves_away_from_zero(void **state)
{
	struct arena *a = *state;
	assert_string_equal(numfmt_fixed(a, 0.5, 0, false), "1");
	assert_string_equal(numfmt_fixed(a, 1.5, 0, false), "2");
	assert_string_equal(numfmt_fixed(a, 2.5, 0, false), "3");
	assert_string_equal(numfmt_fixed(a, 12.25, 1, false), "12.3");
	assert_string_equal(numfmt_fixed(a, 0.125, 2, false), "0.13");
	assert_string_equal(numfmt_fixed(a, 0.285, 2, false), "0.29");
	assert_string_equal(numfmt_fixed(a, 1.005, 2, false), "1.01");
	assert_string_equal(numfmt_fixed(a, 12.2499, 1, false), "12.2");
	assert_string_equal(numfmt_fixed(a, 99.95, 1, false), "100.0");
	assert_int_equal(numfmt_units(12.25, 1), 123);
	assert_int_equal(numfmt_units(-2.5, 0), 3);
}

static void test_negatives_and_zero(void **state)
{
	struct arena *a = *state;
	assert_string_equal(numfmt_fixed(a, -0.5, 0, false), MINUS "1");
	assert_string_equal(numfmt_fixed(a, -2.5, 0, false), MINUS "3");
	assert_string_equal(numfmt_fixed(a, -12.25, 1, true), MINUS "12.3");
	assert_string_equal(numfmt_fixed(a, 3.1, 1, true), "+3.1");
	/* a number that rounds to zero has no sign */
	assert_string_equal(numfmt_fixed(a, -0.04, 1, true), "0.0");
	assert_string_equal(numfmt_fixed(a, 0.04, 1, true), "0.0");
	assert_string_equal(numfmt_points(a, 0, true), "0.0");
	assert_string_equal(numfmt_points(a, -3.05, true), MINUS "3.1");
	assert_string_equal(numfmt_points(a, -0.08, true), MINUS "0.08");
}

/* Percentages: whole from 9.95 % (which rounds to 10), one decimal below,
 * two below 0.095 % (which rounds to 0.10). */
static void test_percentage_boundaries(void **state)
{
	struct arena *a = *state;
	assert_string_equal(numfmt_pct(a, 0.0995), "10 %");
	assert_string_equal(numfmt_pct(a, 0.09949), "9.9 %");
	assert_string_equal(numfmt_pct(a, 0.099), "9.9 %");
	assert_string_equal(numfmt_pct(a, 0.00095), "0.1 %");
	assert_string_equal(numfmt_pct(a, 0.000949), "0.09 %");
	assert_string_equal(numfmt_pct(a, 0.00001), "0.00 %");
	assert_string_equal(numfmt_pct(a, 0), "0 %");
	assert_string_equal(numfmt_pct(a, 1), "100 %");
	assert_string_equal(numfmt_pct(a, 0.125), "13 %");
	assert_string_equal(numfmt_pct(a, 0.375), "38 %");
	assert_string_equal(numfmt_pct(a, 0.045), "4.5 %");
	assert_string_equal(numfmt_pct(a, 0.0125), "1.3 %");
}

/* Points: one decimal, two below 0.095 (which rounds to 0.10). */
static void test_points_boundaries(void **state)
{
	struct arena *a = *state;
	assert_string_equal(numfmt_points(a, 0.095, false), "0.1");
	assert_string_equal(numfmt_points(a, 0.0949, false), "0.09");
	assert_string_equal(numfmt_points(a, 0.005, false), "0.01");
	assert_string_equal(numfmt_points(a, 9.95, false), "10.0");
	assert_string_equal(numfmt_points(a, 37.15, false), "37.2");
	assert_string_equal(numfmt_score(a, 91.85), "91.9");
	assert_string_equal(numfmt_trimmed(a, 15.0, 2), "15");
	assert_string_equal(numfmt_trimmed(a, 7.5, 2), "7.5");
	assert_string_equal(numfmt_trimmed(a, 0.25, 2), "0.25");
}

/* Two weights that would read the same get more decimals; the change is
 * their difference as printed. */
static void test_pairs(void **state)
{
	struct arena *a = *state;
	struct numfmt_pair p = numfmt_pct_pair(a, 0.125, 0.30);
	assert_string_equal(p.from, "13 %");
	assert_string_equal(p.to, "30 %");
	assert_string_equal(p.change, "17");          /* 30 - 13 as printed, not 17.5 */
	p = numfmt_pct_pair(a, 0.145, 0.065);
	assert_string_equal(p.from, "15 %");          /* 14.5 rounds half up */
	assert_string_equal(p.to, "6.5 %");
	assert_string_equal(p.change, "8.5");
	p = numfmt_pct_pair(a, 0.125, 0.1251);
	assert_string_equal(p.from, "12.50 %");
	assert_string_equal(p.to, "12.51 %");
	assert_string_equal(p.change, "0.01");
	p = numfmt_pct_pair(a, 0.08, 1e-12);
	assert_string_equal(p.from, "8.0 %");
	assert_string_equal(p.to, "0 %");
	assert_string_equal(p.change, "8.0");
}

/* Under a decimal-comma locale nothing changes. */
static void test_decimal_comma_locale(void **state)
{
	struct arena *a = *state;
	TU_COMMA_LOCALE_OR_SKIP();
	assert_string_equal(numfmt_fixed(a, 12.25, 1, false), "12.3");
	assert_string_equal(numfmt_pct(a, 0.045), "4.5 %");
	assert_string_equal(numfmt_points(a, -0.08, true), MINUS "0.08");
	assert_string_equal(numfmt_pct_pair(a, 0.125, 0.1251).change, "0.01");
	assert_string_equal(numfmt_trimmed(a, 7.5, 2), "7.5");
	setlocale(LC_ALL, "C");
}

/* The level symbol: n - 1 circles, pos filled; unknown dotted. */
static void test_level_marks(void **state)
{
	struct arena *a = *state;
	assert_string_equal(report_level_marks(0, 2, false, a), EMPTY);
	assert_string_equal(report_level_marks(1, 2, false, a), FULL);
	assert_string_equal(report_level_marks(0, 3, false, a), EMPTY EMPTY);
	assert_string_equal(report_level_marks(1, 3, false, a), FULL EMPTY);
	assert_string_equal(report_level_marks(2, 3, false, a), FULL FULL);
	assert_string_equal(report_level_marks(0, 5, false, a), EMPTY EMPTY EMPTY EMPTY);
	assert_string_equal(report_level_marks(2, 5, false, a), FULL FULL EMPTY EMPTY);
	assert_string_equal(report_level_marks(4, 5, false, a), FULL FULL FULL FULL);
	assert_string_equal(report_level_marks(0, 10, false, a),
	                    EMPTY EMPTY EMPTY EMPTY EMPTY EMPTY EMPTY EMPTY EMPTY);
	assert_string_equal(report_level_marks(9, 10, false, a),
	                    FULL FULL FULL FULL FULL FULL FULL FULL FULL);
	assert_string_equal(report_level_marks(3, 10, false, a),
	                    FULL FULL FULL EMPTY EMPTY EMPTY EMPTY EMPTY EMPTY);
	/* unknown: a shape of its own, as long as the scale's symbol */
	assert_string_equal(report_level_marks(0, 2, true, a), DOTTED);
	assert_string_equal(report_level_marks(0, 5, true, a), DOTTED DOTTED DOTTED DOTTED);
	assert_string_equal(report_level_marks(0, 10, true, a),
	                    DOTTED DOTTED DOTTED DOTTED DOTTED DOTTED DOTTED DOTTED DOTTED);
	/* out of range: clamped */
	assert_string_equal(report_level_marks(7, 3, false, a), FULL FULL);
	assert_string_equal(report_level_marks(0, 1, false, a), EMPTY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_halves_away_from_zero, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_negatives_and_zero, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_percentage_boundaries, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_points_boundaries, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_pairs, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_decimal_comma_locale, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_level_marks, S_setup, S_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
