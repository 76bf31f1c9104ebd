/* reasons.c - what explain.c and the reports ask of a verdict: the
 * criteria behind the margin (reasons, separators), a framework's
 * strengths, what it would need to lead, the constraints whose dropping
 * lets someone qualify, and the unknown ratings that can matter. */
#include "verdict_int.h"

#include <math.h>
#include <stdlib.h>

#include "arena.h"
#include "oom.h"

/* The indexes of the largest keys above floor, largest first, equal keys
 * in index order, at most max of them; returns how many. */
static size_t S_top(const double *key, size_t count, double floor, size_t *out,
                    size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < count && max > 0; c++) {
		if (!(key[c] > floor))
			continue;
		size_t j = n < max ? n++ : max;
		while (j > 0 && key[c] > key[out[j - 1]]) {
			if (j < max)
				out[j] = out[j - 1];
			j--;
		}
		if (j < max)
			out[j] = c;
	}
	return n;
}

/* The criteria with the largest contributions to the margin, signed as
 * sign says (+1 for the leader, -1 for the runner-up, 0 for either way). */
static size_t S_top_contrib(const struct verdict *v, int sign, size_t *out, size_t max)
{
	if (!v->has_margin)
		return 0;
	double *key = malloc((v->ncriteria ? v->ncriteria : 1) * sizeof *key);
	if (key == NULL)
		oom_abort();
	for (size_t c = 0; c < v->ncriteria; c++)
		key[c] = sign == 0 ? fabs(v->contrib[c]) : sign * v->contrib[c];
	size_t n = S_top(key, v->ncriteria, VERDICT_SCORE_EPS, out, max);
	free(key);
	return n;
}

size_t verdict_reasons(const struct verdict *v, bool favour_first, size_t *out,
                       size_t max)
{
	return S_top_contrib(v, favour_first ? 1 : -1, out, max);
}

size_t verdict_strengths(const struct doc *doc, const double *u, size_t f,
                         size_t *out, size_t max)
{
	size_t nf = doc->nframeworks;
	double *lead = malloc((doc->ncriteria ? doc->ncriteria : 1) * sizeof *lead);
	if (lead == NULL)
		oom_abort();
	/* How far f's u exceeds every other framework's on each criterion. */
	for (size_t c = 0; c < doc->ncriteria; c++) {
		double other = -INFINITY;
		for (size_t g = 0; g < nf; g++)
			if (g != f)
				other = fmax(other, u[c * nf + g]);
		lead[c] = u[c * nf + f] - other;
	}
	size_t n = S_top(lead, doc->ncriteria, 0, out, max);
	free(lead);
	return n;
}

/* ---- close calls and none, explained (issue 10, item 4) ---------------------- */

size_t verdict_separators(const struct verdict *v, size_t *out, size_t max)
{
	return S_top_contrib(v, 0, out, max);
}

/* What v judged, as vd_qualifies() reads it. */
static struct vd_target S_target_of(const struct doc *doc, const struct verdict *v)
{
	if (v->profile != MODEL_NO_INDEX)
		return (struct vd_target){ NULL, &doc->profiles[v->profile] };
	return (struct vd_target){ &doc->scenarios[v->scenario], NULL };
}

/* The weights x of criterion c (others rescaled) at which f scores at
 * least t (score / 100) more than g: score(f) - score(g) = x d + (1 - x) R
 * with d = u(f,c) - u(g,c) and R the difference over the rest, as in
 * vd_sensitivity().  Narrows [*lo, *hi]. */
static void S_need_pair(const double *u, const struct verdict *v, size_t nf, size_t c,
                        size_t f, size_t g, double t, double *lo, double *hi)
{
	double D = 0, Wc = v->weights[c];
	for (size_t i = 0; i < v->ncriteria; i++)
		D += v->weights[i] * (u[i * nf + f] - u[i * nf + g]);
	double d = u[c * nf + f] - u[c * nf + g];
	double R = (D - Wc * d) / (1 - Wc), slope = d - R;
	if (fabs(slope) < VD_SAME_RATING_EPS) {
		if (R < t - VERDICT_SCORE_EPS / 100)
			*hi = -1;                   /* never */
		return;
	}
	double x = (t - R) / slope;
	if (slope > 0)
		*lo = fmax(*lo, x);
	else
		*hi = fmin(*hi, x);
}

bool verdict_need(const struct doc *doc, const double *u, const struct verdict *v,
                  size_t f, double target, struct verdict_need *out)
{
	size_t nf = doc->nframeworks;
	double best = INFINITY;
	bool found = false;
	for (size_t c = 0; c < v->ncriteria; c++) {
		double Wc = v->weights[c];
		if (!(Wc > 0 && Wc < 1))
			continue;
		double lo = Wc, hi = 1;
		for (size_t k = 0; k < v->nqualified; k++) {
			size_t g = v->ranking[k].framework;
			if (g != f)
				S_need_pair(u, v, nf, c, f, g, target / 100, &lo, &hi);
		}
		/* x = 1 (c all that matters) is no change anyone would make
		 * (SPEC 6.1); lo = Wc: f is there already */
		if (lo > hi || lo >= 1 - VD_WEIGHT_EPS || lo - Wc <= VD_WEIGHT_EPS)
			continue;
		if (!(lo - Wc < best - VD_WEIGHT_EPS))
			continue;
		best = lo - Wc;
		found = true;
		*out = (struct verdict_need){ c, Wc, lo };
	}
	return found;
}

/* Adds the relaxation dropping r or e when it lets someone qualify,
 * keeping out[] ordered by the ranking of its first framework. */
static void S_relax_one(const struct doc *doc, const struct vd_target *t, const struct verdict *v,
                        const struct require *r, const struct exclude *e,
                        struct relaxation *out, size_t *n, size_t *first, size_t max,
                        struct arena *a)
{
	struct relaxation x = { r, e, arena_array(a, v->nframeworks, sizeof *x.qualify), 0 };
	size_t pos = MODEL_NO_INDEX;
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *rk = &v->ranking[k];
		if (rk->qualified || !vd_qualifies_without(doc, t, rk->framework, r, e))
			continue;
		pos = x.nqualify ? pos : k;
		x.qualify[x.nqualify++] = rk->framework;
	}
	if (x.nqualify == 0 || max == 0)
		return;
	size_t j = *n < max ? (*n)++ : max;
	while (j > 0 && pos < first[j - 1]) {
		if (j < max) {
			out[j] = out[j - 1];
			first[j] = first[j - 1];
		}
		j--;
	}
	if (j < max) {
		out[j] = x;
		first[j] = pos;
	}
}

size_t verdict_relaxations(const struct doc *doc, const struct verdict *v,
                           struct relaxation *out, size_t max, struct arena *a)
{
	struct vd_target t = S_target_of(doc, v);
	size_t n = 0, *first = arena_array(a, max ? max : 1, sizeof *first);
	const struct require *rq;
	size_t nr;
	for (size_t i = 0; vd_require_set(doc, &t, i, &rq, &nr); i++)
		for (size_t k = 0; k < nr; k++)
			S_relax_one(doc, &t, v, &rq[k], NULL, out, &n, first, max, a);
	for (size_t e = 0; t.p != NULL && e < t.p->nexcludes; e++)
		S_relax_one(doc, &t, v, NULL, &t.p->excludes[e], out, &n, first, max, a);
	return n;
}

size_t verdict_unknown_ratings(const struct doc *doc, const struct verdict *v, size_t *crit,
                               size_t *fw, size_t max)
{
	struct vd_target t = S_target_of(doc, v);
	size_t n = 0;
	/* the same test as vd_unknowns() counts with */
	for (size_t c = 0; c < doc->ncriteria; c++) {
		if (!vd_counts(doc, &t, v, c))
			continue;
		for (size_t f = 0; f < doc->nframeworks && n < max; f++) {
			if (!model_rating(doc, c, f)->unknown || vd_excluded(&t, f))
				continue;
			crit[n] = c;
			fw[n++] = f;
		}
	}
	return n;
}
