/* verdict.c - SPEC section 2: normalise, weigh, constrain, rank, explain. */
#include "verdict.h"

#include <math.h>
#include <string.h>

#include "arena.h"

double *verdict_normalise(const struct doc *doc, struct arena *a)
{
	size_t nf = doc->nframeworks;
	double *u = arena_array(a, doc->ncriteria * nf, sizeof *u);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		const struct criterion *cr = &doc->criteria[c];
		const struct scale *s = &doc->scales[cr->scale_ix];
		double span = s->max - s->min;
		for (size_t f = 0; f < nf; f++) {
			const struct rating *r = doc_rating(doc, c, f);
			double x = 0;   /* unknown counts as the worst */
			if (!r->unknown && s->kind == SCALE_ORDINAL)
				x = (s->levels[r->level_ix].score - s->min) / span;
			else if (!r->unknown && s->lower_better)
				x = (s->max - r->value) / span;
			else if (!r->unknown)
				x = (r->value - s->min) / span;
			u[c * nf + f] = x;
		}
	}
	return u;
}

/* Adds share/S * w(g,c)/sum(w(g,.)) of one group to W. */
static void S_add_group(double *W, const struct weight *w, size_t n, double share)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i].value;
	if (total <= 0 || share <= 0)
		return;
	for (size_t i = 0; i < n; i++)
		W[w[i].criterion_ix] += share * w[i].value / total;
}

/* Does framework f's rating satisfy r?  Bounds are raw and inclusive;
 * unknown fails every require on its criterion (SPEC section 1). */
static bool S_meets_min(const struct doc *doc, const struct require *r, size_t f)
{
	const struct criterion *cr = &doc->criteria[r->criterion_ix];
	const struct scale *s = &doc->scales[cr->scale_ix];
	const struct rating *rt = doc_rating(doc, r->criterion_ix, f);
	if (rt->unknown)
		return false;
	if (s->kind == SCALE_ORDINAL)
		return s->levels[rt->level_ix].score >= s->levels[r->min_level_ix].score;
	return rt->value >= r->min;
}

static bool S_meets_max(const struct doc *doc, const struct require *r, size_t f)
{
	const struct rating *rt = doc_rating(doc, r->criterion_ix, f);
	return !rt->unknown && rt->value <= r->max;
}

struct reasons {
	const char **items;
	size_t n, cap;
};

static void S_reason(struct reasons *rs, const char *text)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->items[i], text) == 0)
			return;
	if (rs->n < rs->cap)
		rs->items[rs->n++] = text;
}

static void S_requires(const struct doc *doc, const struct require *rq, size_t n,
                       size_t f, struct reasons *rs, struct arena *a)
{
	for (size_t i = 0; i < n; i++) {
		const struct require *r = &rq[i];
		if (r->min_raw != NULL && !S_meets_min(doc, r, f))
			S_reason(rs, arena_printf(a, "require:%s>=%s", r->criterion, r->min_raw));
		if (r->max_raw != NULL && !S_meets_max(doc, r, f))
			S_reason(rs, arena_printf(a, "require:%s<=%s", r->criterion, r->max_raw));
	}
}

/* Stable insertion: a goes before b when its group is better, or its score
 * is higher by more than VERDICT_SCORE_EPS; otherwise declaration order. */
static bool S_before(const struct ranked *a, const struct ranked *b)
{
	if (a->qualified != b->qualified)
		return a->qualified;
	return a->score > b->score + VERDICT_SCORE_EPS;
}

static void S_rank(struct ranked *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct ranked x = r[i];
		size_t j = i;
		while (j > 0 && S_before(&x, &r[j - 1])) {
			r[j] = r[j - 1];
			j--;
		}
		r[j] = x;
	}
}

/* The (criterion, challenger) pair whose tie weight is nearest its weight. */
static void S_sensitivity(const struct doc *doc, const double *u, struct verdict *v)
{
	size_t nf = doc->nframeworks, A = v->ranking[0].framework;
	double best = INFINITY;
	for (size_t c = 0; c < doc->ncriteria; c++) {
		double Wc = v->weights[c];
		if (!(Wc > 0 && Wc < 1))
			continue;
		for (size_t k = 1; k < v->nqualified; k++) {
			size_t B = v->ranking[k].framework;
			double D = 0;
			for (size_t i = 0; i < doc->ncriteria; i++)
				D += v->weights[i] * (u[i * nf + A] - u[i * nf + B]);
			double delta = u[c * nf + A] - u[c * nf + B];
			double R = (D - Wc * delta) / (1 - Wc);
			if (delta == R)
				continue;
			double x = R / (R - delta);
			if (x < 0 || x > 1 || !(fabs(x - Wc) < best))
				continue;
			best = fabs(x - Wc);
			v->has_critical = true;
			v->critical = (struct critical){ c, B, Wc, x };
		}
	}
	double pp = 100 * best;
	v->stability = !v->has_critical || pp >= VERDICT_ROBUST_PP ? STABILITY_ROBUST
	             : pp < VERDICT_FRAGILE_PP ? STABILITY_FRAGILE : STABILITY_MODERATE;
}

/* Ranks, classifies and explains, given W and each framework's reasons. */
static void S_finish(const struct doc *doc, const double *u, struct verdict *v,
                     double close_call, struct arena *a)
{
	size_t nf = doc->nframeworks;
	for (size_t f = 0; f < nf; f++) {
		double s = 0;
		for (size_t c = 0; c < doc->ncriteria; c++)
			s += v->weights[c] * u[c * nf + f];
		v->ranking[f].score = 100 * s;
		v->ranking[f].qualified = v->ranking[f].ndisqualified == 0;
		v->nqualified += v->ranking[f].qualified;
	}
	S_rank(v->ranking, nf);
	v->leaders = arena_array(a, nf, sizeof *v->leaders);
	if (v->nqualified >= 2) {
		v->has_margin = true;
		/* Scores within VERDICT_SCORE_EPS keep declaration order, so the
		 * difference can be a hair below 0: that is a tie. */
		v->margin = fmax(0, v->ranking[0].score - v->ranking[1].score);
		v->contrib = arena_array(a, doc->ncriteria, sizeof *v->contrib);
		size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
		for (size_t c = 0; c < doc->ncriteria; c++)
			v->contrib[c] = 100 * v->weights[c] * (u[c * nf + A] - u[c * nf + B]);
	}
	/* Margins within VERDICT_SCORE_EPS of the threshold count as reaching
	 * it, as scores that close count as equal; so do the leaders' gaps. */
	if (v->nqualified == 0) {
		v->kind = VERDICT_NONE;
	} else if (v->nqualified == 1 || v->margin >= close_call - VERDICT_SCORE_EPS) {
		v->kind = VERDICT_WINNER;
		v->leaders[v->nleaders++] = v->ranking[0].framework;
	} else {
		v->kind = VERDICT_CLOSE;
		for (size_t k = 0; k < v->nqualified; k++)
			if (v->ranking[0].score - v->ranking[k].score < close_call - VERDICT_SCORE_EPS)
				v->leaders[v->nleaders++] = v->ranking[k].framework;
	}
	if (v->kind == VERDICT_WINNER)
		S_sensitivity(doc, u, v);
}

static struct verdict *S_new(const struct doc *doc, struct arena *a)
{
	struct verdict *v = arena_alloc(a, sizeof *v);
	v->nframeworks = doc->nframeworks;
	v->ncriteria = doc->ncriteria;
	v->ranking = arena_array(a, doc->nframeworks, sizeof *v->ranking);
	v->weights = arena_array(a, doc->ncriteria, sizeof *v->weights);
	v->stability = STABILITY_NONE;
	return v;
}

/* Room for every reason a profile can give one framework. */
static size_t S_max_reasons(const struct doc *doc, const struct profile *p)
{
	size_t n = 1 + 2 * p->nrequires;
	for (size_t i = 0; i < p->nuses; i++)
		n += 2 * doc->scenarios[p->uses[i].scenario_ix].nrequires;
	return n;
}

struct verdict *verdict_scenario(const struct doc *doc, const double *u,
                                 size_t scenario, double close_call,
                                 struct arena *a)
{
	const struct scenario *s = &doc->scenarios[scenario];
	struct verdict *v = S_new(doc, a);
	S_add_group(v->weights, s->weights, s->nweights, 1);
	for (size_t f = 0; f < doc->nframeworks; f++) {
		struct reasons rs = { arena_array(a, 2 * s->nrequires + 1, sizeof *rs.items),
		                      0, 2 * s->nrequires + 1 };
		S_requires(doc, s->requires, s->nrequires, f, &rs, a);
		v->ranking[f] = (struct ranked){ .framework = f,
		                                 .disqualified_by = rs.items,
		                                 .ndisqualified = rs.n };
	}
	S_finish(doc, u, v, close_call, a);
	return v;
}

struct verdict *verdict_profile(const struct doc *doc, const double *u,
                                size_t profile, double close_call,
                                struct arena *a)
{
	const struct profile *p = &doc->profiles[profile];
	struct verdict *v = S_new(doc, a);
	double S = 0;
	for (size_t i = 0; i < p->nuses; i++)
		S += p->uses[i].share;
	if (p->nweights > 0)
		S += p->own_share;
	for (size_t i = 0; i < p->nuses; i++) {
		const struct scenario *s = &doc->scenarios[p->uses[i].scenario_ix];
		S_add_group(v->weights, s->weights, s->nweights, p->uses[i].share / S);
	}
	if (p->nweights > 0)
		S_add_group(v->weights, p->weights, p->nweights, p->own_share / S);

	size_t cap = S_max_reasons(doc, p);
	for (size_t f = 0; f < doc->nframeworks; f++) {
		struct reasons rs = { arena_array(a, cap, sizeof *rs.items), 0, cap };
		for (size_t i = 0; i < p->nuses; i++) {
			const struct scenario *s = &doc->scenarios[p->uses[i].scenario_ix];
			S_requires(doc, s->requires, s->nrequires, f, &rs, a);
		}
		S_requires(doc, p->requires, p->nrequires, f, &rs, a);
		for (size_t e = 0; e < p->nexcludes; e++)
			if (p->excludes[e].framework_ix == f)
				S_reason(&rs, "exclude");
		v->ranking[f] = (struct ranked){ .framework = f,
		                                 .disqualified_by = rs.items,
		                                 .ndisqualified = rs.n };
	}
	S_finish(doc, u, v, close_call, a);
	return v;
}

size_t verdict_winner(const struct verdict *v)
{
	return v->kind == VERDICT_WINNER ? v->ranking[0].framework : MODEL_NO_INDEX;
}

/* How far f's u exceeds every other framework's on criterion c. */
static double S_lead(const struct doc *doc, const double *u, size_t f, size_t c)
{
	size_t nf = doc->nframeworks;
	double other = -INFINITY;
	for (size_t g = 0; g < nf; g++)
		if (g != f)
			other = fmax(other, u[c * nf + g]);
	return u[c * nf + f] - other;
}

size_t verdict_strengths(const struct doc *doc, const double *u, size_t f,
                         size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < doc->ncriteria && max > 0; c++) {
		double d = S_lead(doc, u, f, c);
		if (!(d > 0))
			continue;
		/* Insert by lead, descending; equal leads keep criterion order. */
		size_t j = n < max ? n++ : max;
		while (j > 0 && d > S_lead(doc, u, f, out[j - 1])) {
			if (j < max)
				out[j] = out[j - 1];
			j--;
		}
		if (j < max)
			out[j] = c;
	}
	return n;
}

const char *verdict_kind_name(enum verdict_kind k)
{
	return k == VERDICT_WINNER ? "winner" : k == VERDICT_CLOSE ? "close" : "none";
}

const char *verdict_stability_name(enum stability s)
{
	switch (s) {
	case STABILITY_ROBUST: return "robust";
	case STABILITY_MODERATE: return "moderate";
	case STABILITY_FRAGILE: return "fragile";
	default: return NULL;
	}
}
