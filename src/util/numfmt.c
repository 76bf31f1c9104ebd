/* numfmt.c - numbers for the reports and explain.c (see numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define MINUS "\xE2\x88\x92"     /* U+2212 */

static const long long S_scale[3] = { 1, 10, 100 };

static int S_dec(int dec)
{
	return dec < 0 ? 0 : dec > 2 ? 2 : dec;
}

long long numfmt_units(double x, int dec)
{
	double r = fabs(x) * (double)S_scale[S_dec(dec)];
	if (!(r < 9e15))          /* NaN or beyond what a long long holds exactly */
		return r > 0 ? 9000000000000000LL : 0;
	double n = floor(r);
	return (long long)n + (r - n >= 0.5 - NUMFMT_HALF_TOL ? 1 : 0);
}

const char *numfmt_fixed(struct arena *a, double x, int dec, bool plus)
{
	dec = S_dec(dec);
	long long scale = S_scale[dec], n = numfmt_units(x, dec);
	const char *sign = n == 0 ? "" : x < 0 ? MINUS : plus ? "+" : "";
	if (dec == 0)
		return arena_printf(a, "%s%lld", sign, n);
	return arena_printf(a, "%s%lld.%0*lld", sign, n / scale, dec, n % scale);
}

const char *numfmt_trimmed(struct arena *a, double x, int maxdec)
{
	int dec = S_dec(maxdec);
	while (dec > 0 && numfmt_units(x, dec) % 10 == 0)
		dec--;
	return numfmt_fixed(a, x, dec, false);
}

const char *numfmt_score(struct arena *a, double x)
{
	return numfmt_fixed(a, x, 1, false);
}

const char *numfmt_points(struct arena *a, double x, bool plus)
{
	long long n = numfmt_units(x, 2);
	return numfmt_fixed(a, x, n != 0 && n < 10 ? 2 : 1, plus);
}

/* Decimals of percentage p under numfmt_pct's rule, on the rounded value;
 * within NUMFMT_HALF_TOL of 0 a weight counts as none. */
static int S_pct_dec(double p)
{
	if (numfmt_units(p, 1) >= 100)
		return 0;
	if (fabs(p) > 100 * NUMFMT_HALF_TOL && numfmt_units(p, 2) < 10)
		return 2;
	return fabs(p) > 100 * NUMFMT_HALF_TOL ? 1 : 0;
}

static const char *S_pct(struct arena *a, double w, int dec)
{
	return arena_printf(a, "%s %%", numfmt_fixed(a, 100 * w, dec, false));
}

const char *numfmt_pct(struct arena *a, double w)
{
	return S_pct(a, w, S_pct_dec(100 * w));
}

struct numfmt_pair numfmt_pct_pair(struct arena *a, double from, double to)
{
	int d1 = S_pct_dec(100 * from), d2 = S_pct_dec(100 * to);
	struct numfmt_pair p = { S_pct(a, from, d1), S_pct(a, to, d2), NULL };
	while (strcmp(p.from, p.to) == 0 && (d1 < 2 || d2 < 2)) {
		int d = (d1 > d2 ? d1 : d2) + 1;
		d1 = d2 = d > 2 ? 2 : d;
		p.from = S_pct(a, from, d1);
		p.to = S_pct(a, to, d2);
	}
	/* The change is the difference of the two numbers as printed, so that
	 * "from 15 % to 6.5 % (8.5 percentage points)" adds up on the page. */
	int dec = d1 > d2 ? d1 : d2;
	long long scale = S_scale[dec];
	long long f = numfmt_units(100 * from, d1) * (scale / S_scale[d1]);
	long long t = numfmt_units(100 * to, d2) * (scale / S_scale[d2]);
	p.change = numfmt_fixed(a, (double)llabs(t - f) / (double)scale, dec, false);
	return p;
}
