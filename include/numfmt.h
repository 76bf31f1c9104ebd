/* numfmt.h - how the reports and explain.c write a number: one rule for
 * scores, points and percentages, the same in every sentence and table.
 *
 * Rounding: half away from zero on the decimal value.  A value within
 * NUMFMT_HALF_TOL (in units of the last digit shown) of a half counts as
 * the half, so that 0.285, stored as 0.28499999..., gives 0.29 as it
 * reads, and 12.25 gives 12.3, 2.5 gives 3, -0.5 gives -1.  Digits are
 * made from integers, never by printf's %f, so the locale's decimal point
 * (LC_NUMERIC) is never used: always '.', negatives with a true minus
 * sign (U+2212), and a number that rounds to zero carries no sign.
 *
 * The JSON (json.c) keeps full precision and does not use this.  Every
 * string returned is allocated from the arena a and lives as long as it. */
#ifndef VERDICT_NUMFMT_H
#define VERDICT_NUMFMT_H

#include <stdbool.h>

struct arena;

#define NUMFMT_HALF_TOL 1e-9

/* |x| rounded to dec (0-2) decimals, in units of the last digit: 12.25
 * with 1 gives 123.  For a caller that decides on the rounded value. */
long long numfmt_units(double x, int dec);

/* x with dec (0-2) decimals: "12.3", "−4.0"; with plus, "+4.0" (zero:
 * "0.0", unsigned). */
const char *numfmt_fixed(struct arena *a, double x, int dec, bool plus);

/* x with at most maxdec (0-2) decimals, trailing zeros dropped: "15",
 * "7.5". */
const char *numfmt_trimmed(struct arena *a, double x, int maxdec);

/* A score out of 100, one decimal: "91.9". */
const char *numfmt_score(struct arena *a, double x);

/* A number of points (a margin, a contribution): one decimal, two when it
 * would read under 0.10, so that a difference never reads 0.0: "37.1",
 * "0.08"; with plus "+8.2", "−3.1". */
const char *numfmt_points(struct arena *a, double x, bool plus);

/* A weight w (0-1) as a percentage: whole from 10 % (from 9.95 % up, as it
 * rounds), one decimal below, two below 0.1 % (below 0.095 %), so that a
 * weight that counts never reads 0.0 %: "38 %", "9.9 %", "0.09 %". */
const char *numfmt_pct(struct arena *a, double w);

/* Two weights side by side (a weight now and the weight of a tie) and the
 * change between them in percentage points.  Both as numfmt_pct, with more
 * decimals (up to two) only when the two would otherwise read the same;
 * the change is the difference of the two as printed (so the sentence
 * adds up), with as many decimals as the finer of them. */
struct numfmt_pair {
	const char *from, *to, *change;
};
struct numfmt_pair numfmt_pct_pair(struct arena *a, double from, double to);

#endif
