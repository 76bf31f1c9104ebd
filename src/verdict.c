/* verdict.c - SPEC section 2: normalise, weigh, constrain, rank, explain.
 *
 * The main verdict is computed once; the what-ifs (unknown ratings at
 * their extremes, one rating one level up or down) re-rank changed scores
 * and qualifications with the same S_classify(), so that every answer
 * follows exactly the same rules of ties and thresholds.  A profile's
 * acceptability (SPEC 6.7) samples weights and unknown ratings with a
 * generator of its own, seeded with a constant (verdict.h says why it
 * draws the same numbers everywhere). */
#include "verdict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "oom.h"

/* Sensitivity gaps |x* - W(c)| this close count as equal (declaration
 * order decides), so that rounding cannot pick between exact ties. */
#define S_WEIGHT_EPS 1e-12

/* SPEC 6.1: a criterion on which the leader and a challenger are rated
 * this close to the same never makes a sensitivity pair. */
#define S_SAME_RATING_EPS 1e-12

double *verdict_normalise(const struct doc *doc, struct arena *a)
{
	size_t nf = doc->nframeworks;
	double *u = arena_array(a, doc->ncriteria * nf, sizeof *u);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		const struct criterion *cr = &doc->criteria[c];
		const struct scale *s = &doc->scales[cr->scale_ix];
		double span = s->max - s->min;
		for (size_t f = 0; f < nf; f++) {
			const struct rating *r = model_rating(doc, c, f);
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

/* ---- what is judged ------------------------------------------------------ */

/* A scenario alone (p NULL) or a profile. */
struct target {
	const struct scenario *s;
	const struct profile *p;
};

/* The i-th set of requires of t: a scenario's own; for a profile, those of
 * its used scenarios in use order, then its own.  False past the end. */
static bool S_require_set(const struct doc *doc, const struct target *t, size_t i,
                          const struct require **rq, size_t *n)
{
	if (t->p == NULL) {
		*rq = t->s->requires;
		*n = t->s->nrequires;
		return i == 0;
	}
	if (i < t->p->nuses) {
		const struct scenario *s = &doc->scenarios[t->p->uses[i].scenario_ix];
		*rq = s->requires;
		*n = s->nrequires;
		return true;
	}
	*rq = t->p->requires;
	*n = t->p->nrequires;
	return i == t->p->nuses;
}

static bool S_excluded(const struct target *t, size_t f)
{
	for (size_t e = 0; t->p != NULL && e < t->p->nexcludes; e++)
		if (t->p->excludes[e].framework_ix == f)
			return true;
	return false;
}

/* Does some require of t name criterion c? */
static bool S_required(const struct doc *doc, const struct target *t, size_t c)
{
	const struct require *rq;
	size_t n;
	for (size_t i = 0; S_require_set(doc, t, i, &rq, &n); i++)
		for (size_t k = 0; k < n; k++)
			if (rq[k].criterion_ix == c)
				return true;
	return false;
}

/* Does rating rt meet r's min (max)?  Bounds are raw and inclusive; an
 * unknown rating fails every require on its criterion (SPEC section 1)
 * unless the what-if takes it as meeting them. */
static bool S_meets_min(const struct doc *doc, const struct require *r,
                        const struct rating *rt, bool unknown_meets)
{
	const struct scale *s = &doc->scales[doc->criteria[r->criterion_ix].scale_ix];
	if (rt->unknown)
		return unknown_meets;
	if (s->kind == SCALE_ORDINAL)
		return s->levels[rt->level_ix].score >= s->levels[r->min_level_ix].score;
	return rt->value >= r->min;
}

static bool S_meets_max(const struct require *r, const struct rating *rt, bool unknown_meets)
{
	return rt->unknown ? unknown_meets : rt->value <= r->max;
}

/* Framework f's rating on c, or alt when c is the criterion alt replaces. */
static const struct rating *S_rating(const struct doc *doc, size_t c, size_t f,
                                     size_t alt_c, const struct rating *alt)
{
	return alt != NULL && c == alt_c ? alt : model_rating(doc, c, f);
}

/* Whether f meets every constraint of t, reading its rating on alt_c as
 * alt (when not NULL) and its unknown ratings as meeting every require
 * when unknown_meets. */
static bool S_qualifies(const struct doc *doc, const struct target *t, size_t f,
                        size_t alt_c, const struct rating *alt, bool unknown_meets)
{
	if (S_excluded(t, f))
		return false;
	const struct require *rq;
	size_t n;
	for (size_t i = 0; S_require_set(doc, t, i, &rq, &n); i++) {
		for (size_t k = 0; k < n; k++) {
			const struct require *r = &rq[k];
			const struct rating *rt = S_rating(doc, r->criterion_ix, f, alt_c, alt);
			if (r->min_raw != NULL && !S_meets_min(doc, r, rt, unknown_meets))
				return false;
			if (r->max_raw != NULL && !S_meets_max(r, rt, unknown_meets))
				return false;
		}
	}
	return true;
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

/* Every constraint of t that f fails, in SPEC section 4's order and form,
 * deduplicated. */
static void S_failures(const struct doc *doc, const struct target *t, size_t f,
                       struct ranked *out, struct arena *a)
{
	const struct require *rq;
	size_t n, cap = 1;
	for (size_t i = 0; S_require_set(doc, t, i, &rq, &n); i++)
		cap += 2 * n;
	struct reasons rs = { arena_array(a, cap, sizeof *rs.items), 0, cap };
	for (size_t i = 0; S_require_set(doc, t, i, &rq, &n); i++) {
		for (size_t k = 0; k < n; k++) {
			const struct require *r = &rq[k];
			const struct rating *rt = model_rating(doc, r->criterion_ix, f);
			if (r->min_raw != NULL && !S_meets_min(doc, r, rt, false))
				S_reason(&rs, arena_printf(a, "require:%s>=%s", r->criterion, r->min_raw));
			if (r->max_raw != NULL && !S_meets_max(r, rt, false))
				S_reason(&rs, arena_printf(a, "require:%s<=%s", r->criterion, r->max_raw));
		}
	}
	if (S_excluded(t, f))
		S_reason(&rs, "exclude");
	*out = (struct ranked){ .framework = f, .disqualified_by = rs.items,
	                        .ndisqualified = rs.n, .qualified = rs.n == 0 };
}

/* ---- ranking and verdict kind --------------------------------------------- */

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

/* Ranks v->ranking (scores and qualified set, in declaration order) and
 * sets nqualified, the margin, the kind and the leaders (room for every
 * framework).  The main verdict and every what-if go through here. */
static void S_classify(struct verdict *v, double close_call)
{
	size_t nf = v->nframeworks;
	v->nqualified = 0;
	for (size_t f = 0; f < nf; f++)
		v->nqualified += v->ranking[f].qualified;
	S_rank(v->ranking, nf);
	v->has_margin = v->nqualified >= 2;
	/* Scores within VERDICT_SCORE_EPS keep declaration order, so the
	 * difference can be a hair below 0: that is a tie. */
	v->margin = v->has_margin ? fmax(0, v->ranking[0].score - v->ranking[1].score) : 0;
	v->nleaders = 0;
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
}

/* ---- what-ifs ---------------------------------------------------------------- */

/* Room to re-rank changed scores without touching the verdict. */
struct whatif {
	struct verdict v;           /* ranking and leaders only */
	double *score;              /* the verdict's scores by framework index */
	bool *qualified;            /* likewise */
};

static void S_whatif_init(struct whatif *w, const struct verdict *v, struct arena *a)
{
	size_t nf = v->nframeworks;
	w->v = (struct verdict){ .nframeworks = nf,
	                         .ranking = arena_array(a, nf, sizeof *w->v.ranking),
	                         .leaders = arena_array(a, nf, sizeof *w->v.leaders) };
	w->score = arena_array(a, nf, sizeof *w->score);
	w->qualified = arena_array(a, nf, sizeof *w->qualified);
	for (size_t k = 0; k < nf; k++) {
		w->score[v->ranking[k].framework] = v->ranking[k].score;
		w->qualified[v->ranking[k].framework] = v->ranking[k].qualified;
	}
}

/* Loads the what-if's ranking in declaration order: the verdict's scores
 * and qualifications, except framework f's (when f is a framework). */
static void S_whatif_load(struct whatif *w, size_t f, double score, bool qualified)
{
	for (size_t g = 0; g < w->v.nframeworks; g++)
		w->v.ranking[g] = (struct ranked){ .framework = g, .score = w->score[g],
		                                   .qualified = w->qualified[g] };
	if (f < w->v.nframeworks) {
		w->v.ranking[f].score = score;
		w->v.ranking[f].qualified = qualified;
	}
}

/* Is criterion c part of this verdict at all (weighed or required)? */
static bool S_counts(const struct doc *doc, const struct target *t,
                     const struct verdict *v, size_t c)
{
	return v->weights[c] > 0 || S_required(doc, t, c);
}

/* The unknown ratings at their extremes (struct unknowns in verdict.h). */
static void S_unknowns(const struct doc *doc, const struct target *t, struct verdict *v,
                       struct arena *a)
{
	size_t nf = doc->nframeworks, first = v->ranking[0].framework;
	struct unknowns *uk = &v->unknowns;
	bool *counts = arena_array(a, doc->ncriteria, sizeof *counts);
	double *bonus = arena_array(a, nf, sizeof *bonus);   /* points at u = 1 */
	for (size_t c = 0; c < doc->ncriteria; c++) {
		counts[c] = S_counts(doc, t, v, c);
		for (size_t f = 0; f < nf; f++) {
			if (!model_rating(doc, c, f)->unknown)
				continue;
			bonus[f] += 100 * v->weights[c];
			uk->count += counts[c] && !S_excluded(t, f);
		}
	}
	struct whatif w;
	S_whatif_init(&w, v, a);
	for (int best = 0; best < 2; best++) {
		for (size_t f = 0; f < nf; f++) {
			bool high = (f == first) == (best == 1);
			w.v.ranking[f] = (struct ranked){
				.framework = f,
				.score = w.score[f] + (high ? bonus[f] : 0),
				.qualified = S_qualifies(doc, t, f, MODEL_NO_INDEX, NULL, high),
			};
		}
		S_classify(&w.v, v->close_call);
		if (best) {
			uk->best_kind = w.v.kind;
			uk->best_winner = verdict_winner(&w.v);
		} else {
			uk->worst_kind = w.v.kind;
			uk->worst_winner = verdict_winner(&w.v);
		}
	}
	size_t now = verdict_winner(v);
	uk->holds = uk->best_kind == v->kind && uk->worst_kind == v->kind &&
	            uk->best_winner == now && uk->worst_winner == now;
}

/* The level one step up (up) or down the scale from level i, by score;
 * among levels of equal score the first declared.  MODEL_NO_INDEX at the
 * end of the scale. */
static size_t S_step(const struct scale *s, size_t i, bool up)
{
	size_t best = MODEL_NO_INDEX;
	double at = s->levels[i].score;
	for (size_t k = 0; k < s->nlevels; k++) {
		double x = s->levels[k].score;
		if (up ? !(x > at) : !(x < at))
			continue;
		if (best == MODEL_NO_INDEX || (up ? x < s->levels[best].score : x > s->levels[best].score))
			best = k;
	}
	return best;
}

/* The smallest one-level rating change that changes a winner verdict
 * (struct rating_flip in verdict.h). */
static void S_rating_flip(const struct doc *doc, const struct target *t, struct verdict *v,
                          struct arena *a)
{
	size_t nf = doc->nframeworks, winner = verdict_winner(v);
	double best = INFINITY;
	struct whatif w;
	S_whatif_init(&w, v, a);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
		if (s->kind != SCALE_ORDINAL || !S_counts(doc, t, v, c))
			continue;
		for (size_t k = 0; k < nf; k++) {
			size_t f = v->ranking[k].framework;
			const struct rating *rt = model_rating(doc, c, f);
			if (rt->unknown)
				continue;
			for (int up = 0; up < 2; up++) {
				size_t to = S_step(s, rt->level_ix, up == 1);
				if (to == MODEL_NO_INDEX)
					continue;
				double du = (s->levels[to].score - s->levels[rt->level_ix].score) /
				            (s->max - s->min);
				double change = 100 * v->weights[c] * du;
				if (!(fabs(change) < best - VERDICT_SCORE_EPS))
					continue;
				struct rating alt = *rt;
				alt.level_ix = to;
				bool q = S_qualifies(doc, t, f, c, &alt, false);
				S_whatif_load(&w, f, w.score[f] + change, q);
				S_classify(&w.v, v->close_call);
				size_t now = verdict_winner(&w.v);
				if (now == winner)
					continue;
				best = fabs(change);
				v->has_rating_flip = true;
				v->rating_flip = (struct rating_flip){
					.framework = f, .criterion = c, .from_level = rt->level_ix,
					.to_level = to, .score_change = change,
					.qualification_changed = q != w.qualified[f],
					.kind = w.v.kind, .winner = now,
				};
			}
		}
	}
}

/* The (criterion, challenger) pair whose tie weight is nearest its weight. */
static void S_sensitivity(const struct doc *doc, const double *u, struct verdict *v,
                          struct arena *a)
{
	size_t nf = doc->nframeworks, A = v->ranking[0].framework;
	double best = INFINITY;
	/* D(B) = sum_c W(c) (u(A,c) - u(B,c)) per challenger, ranking order */
	double *D = arena_array(a, v->nqualified, sizeof *D);
	for (size_t k = 1; k < v->nqualified; k++)
		for (size_t i = 0; i < doc->ncriteria; i++)
			D[k] += v->weights[i] * (u[i * nf + A] - u[i * nf + v->ranking[k].framework]);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		double Wc = v->weights[c];
		if (!(Wc > 0 && Wc < 1))
			continue;
		for (size_t k = 1; k < v->nqualified; k++) {
			size_t B = v->ranking[k].framework;
			double delta = u[c * nf + A] - u[c * nf + B];
			/* Such a pair draws level only when c is all that matters
			 * (x* = 1): true, but no change anyone would make. */
			if (fabs(delta) < S_SAME_RATING_EPS)
				continue;
			double R = (D[k] - Wc * delta) / (1 - Wc);
			if (delta == R)
				continue;
			double x = R / (R - delta);
			if (x < 0 || x > 1 || !(fabs(x - Wc) < best - S_WEIGHT_EPS))
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

/* ---- acceptability (SPEC 6.7) ------------------------------------------------ */

static uint64_t S_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void verdict_rng_seed(struct verdict_rng *r, uint64_t seed)
{
	/* splitmix64 spreads any seed, 0 included, over the four words, as
	 * xoshiro's authors advise (a state of all zeros would stay zero) */
	for (int i = 0; i < 4; i++) {
		uint64_t z = (seed += UINT64_C(0x9e3779b97f4a7c15));
		z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
		z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
		r->s[i] = z ^ (z >> 31);
	}
}

/* xoshiro256** 1.0, as published at https://prng.di.unimi.it/ */
uint64_t verdict_rng_next(struct verdict_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = S_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = S_rotl(s[3], 45);
	return out;
}

double verdict_rng_unit(struct verdict_rng *r)
{
	/* a 53-bit integer converts exactly and 2^-53 scales it exactly */
	return (double)(verdict_rng_next(r) >> 11) * 0x1.0p-53;
}

size_t verdict_rng_below(struct verdict_rng *r, size_t n)
{
	return (size_t)(((verdict_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* An unknown rating to draw in every sample: the k-th qualified
 * framework's on the i-th weighted criterion, whose scale is s. */
struct accept_cell {
	size_t k, i;
	const struct scale *s;
};

/* One profile's sampling, reduced to its weighted criteria c_i and its
 * qualified frameworks f_k (ranking order).  With factors x_i, SPEC 6.7's
 * renormalised weights are x_i W_i / sum_j x_j W_j, so a sample scores
 *     score(f_k) = 100 sum_i x_i p[k][i] / sum_i x_i W_i,  p[k][i] = W_i u(f_k, c_i):
 * p is worked out once, and a sample costs one pass over it plus a draw
 * for each factor and each unknown cell. */
struct accept {
	size_t m, nq;
	double *w;                  /* [m] W_i */
	double *p;                  /* [nq * m], p[k m + i]; 0 where unknown */
	struct accept_cell *cells;
	size_t ncells;
	double *x;                  /* [m] this sample's factors */
	double *score;              /* [nq] this sample's scores */
	uint64_t *wins;             /* [nq * nq]: wins[k nq + t - 1] counts the
	                               samples in which f_k shared first place
	                               with t - 1 others */
};

static void S_accept_init(const struct doc *doc, const double *u, const struct verdict *v,
                          struct accept *ac, struct arena *tmp)
{
	size_t nf = doc->nframeworks, nc = doc->ncriteria, nq = v->nqualified, m = 0;
	size_t *crit = arena_array(tmp, nc ? nc : 1, sizeof *crit);
	for (size_t c = 0; c < nc; c++)
		if (v->weights[c] > 0)
			crit[m++] = c;
	*ac = (struct accept){ .m = m, .nq = nq };
	ac->w = arena_array(tmp, m ? m : 1, sizeof *ac->w);
	ac->p = arena_array(tmp, nq * (m ? m : 1), sizeof *ac->p);
	ac->cells = arena_array(tmp, nq * (m ? m : 1), sizeof *ac->cells);
	ac->x = arena_array(tmp, m ? m : 1, sizeof *ac->x);
	ac->score = arena_array(tmp, nq, sizeof *ac->score);
	ac->wins = arena_array(tmp, nq * nq, sizeof *ac->wins);
	for (size_t i = 0; i < m; i++) {
		size_t c = crit[i];
		ac->w[i] = v->weights[c];
		for (size_t k = 0; k < nq; k++) {
			size_t f = v->ranking[k].framework;
			if (model_rating(doc, c, f)->unknown)
				ac->cells[ac->ncells++] = (struct accept_cell){
					k, i, &doc->scales[doc->criteria[c].scale_ix] };
			else
				ac->p[k * m + i] = ac->w[i] * u[c * nf + f];
		}
	}
}

/* u of a rating drawn uniformly over scale s: a level with equal
 * probability (normalised as verdict_normalise() does), or a value
 * uniform in [min, max), whose u is uniform in [0, 1) whichever way
 * the scale is better. */
static double S_draw_u(const struct scale *s, struct verdict_rng *rng)
{
	if (s->kind != SCALE_ORDINAL)
		return verdict_rng_unit(rng);
	size_t l = verdict_rng_below(rng, s->nlevels);
	return (s->levels[l].score - s->min) / (s->max - s->min);
}

/* Draws one sample and counts who comes first.  Draw order, fixed: the
 * factors in criterion order, then the unknown cells (criterion, then
 * ranking order). */
static void S_accept_sample(struct accept *ac, struct verdict_rng *rng)
{
	/* restrict: the sums below stay out of memory (every access to these
	 * arrays in here goes through these names) */
	double *restrict x = ac->x, *restrict score = ac->score;
	const double *restrict w = ac->w;
	size_t m = ac->m, nq = ac->nq, tied = 0;
	double total = 0, best = -INFINITY;
	for (size_t i = 0; i < m; i++) {
		x[i] = VERDICT_ACCEPT_LOW + verdict_rng_unit(rng);
		total += x[i] * w[i];
	}
	/* each score a sum in criterion order, kept in a register: summed
	 * through memory, a chain of stores and loads took most of the time */
	for (size_t k = 0; k < nq; k++) {
		const double *restrict p = &ac->p[k * m];
		double sum = 0;
		for (size_t i = 0; i < m; i++)
			sum += x[i] * p[i];
		score[k] = sum;
	}
	for (size_t j = 0; j < ac->ncells; j++) {
		const struct accept_cell *cl = &ac->cells[j];
		score[cl->k] += x[cl->i] * w[cl->i] * S_draw_u(cl->s, rng);
	}
	for (size_t k = 0; k < nq; k++) {
		score[k] = total > 0 ? 100 * score[k] / total : 0;
		best = score[k] > best ? score[k] : best;
	}
	/* scores within VERDICT_SCORE_EPS count as equal, as in the ranking */
	for (size_t k = 0; k < nq; k++)
		tied += score[k] >= best - VERDICT_SCORE_EPS;
	for (size_t k = 0; k < nq; k++)
		if (score[k] >= best - VERDICT_SCORE_EPS)
			ac->wins[k * nq + tied - 1]++;
}

/* SPEC 6.7: the share of VERDICT_ACCEPT_SAMPLES samples in which each
 * qualified framework comes first, a t-way tie counting 1/t to each. */
static void S_acceptability(const struct doc *doc, const double *u, struct verdict *v,
                            struct arena *a)
{
	if (v->nqualified < 2)
		return;
	struct arena *tmp = arena_new();
	struct accept ac;
	S_accept_init(doc, u, v, &ac, tmp);
	struct verdict_rng rng;
	verdict_rng_seed(&rng, VERDICT_ACCEPT_SEED);
	for (size_t n = 0; n < VERDICT_ACCEPT_SAMPLES; n++)
		S_accept_sample(&ac, &rng);
	v->has_acceptability = true;
	v->accept_unknowns = ac.ncells;
	v->acceptability = arena_array(a, doc->nframeworks, sizeof *v->acceptability);
	for (size_t k = 0; k < ac.nq; k++) {
		/* one division per tie size: a share every sample ties in is
		 * exactly 1/t */
		double share = 0;
		for (size_t t = 1; t <= ac.nq; t++)
			share += (double)ac.wins[k * ac.nq + t - 1] / ((double)t * VERDICT_ACCEPT_SAMPLES);
		v->acceptability[v->ranking[k].framework] = share;
	}
	arena_free(tmp);
}

/* ---- the verdicts ------------------------------------------------------------- */

/* Scores, ranks, classifies and explains, given W. */
static struct verdict *S_judge(const struct doc *doc, const double *u, const struct target *t,
                               struct verdict *v, struct arena *a)
{
	size_t nf = doc->nframeworks;
	for (size_t f = 0; f < nf; f++) {
		S_failures(doc, t, f, &v->ranking[f], a);
		double s = 0;
		for (size_t c = 0; c < doc->ncriteria; c++)
			s += v->weights[c] * u[c * nf + f];
		v->ranking[f].score = 100 * s;       /* SPEC: 100 sum_c W(c) u(f,c) */
	}
	S_classify(v, v->close_call);
	if (v->has_margin) {
		v->contrib = arena_array(a, doc->ncriteria, sizeof *v->contrib);
		size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
		for (size_t c = 0; c < doc->ncriteria; c++)
			v->contrib[c] = 100 * v->weights[c] * (u[c * nf + A] - u[c * nf + B]);
	}
	if (v->kind == VERDICT_WINNER) {
		S_sensitivity(doc, u, v, a);
		S_rating_flip(doc, t, v, a);
	}
	S_unknowns(doc, t, v, a);
	return v;
}

static struct verdict *S_new(const struct doc *doc, double close_call, struct arena *a)
{
	struct verdict *v = arena_alloc(a, sizeof *v);
	v->nframeworks = doc->nframeworks;
	v->ncriteria = doc->ncriteria;
	v->ranking = arena_array(a, doc->nframeworks, sizeof *v->ranking);
	v->leaders = arena_array(a, doc->nframeworks, sizeof *v->leaders);
	v->weights = arena_array(a, doc->ncriteria, sizeof *v->weights);
	v->stability = STABILITY_NONE;
	v->scenario = v->profile = MODEL_NO_INDEX;
	v->close_call = close_call;
	return v;
}

/* Adds share * w(g,c)/sum(w(g,.)) of one group to W (SPEC: W(c) =
 * sum_g share(g)/S * w^(g,c), share already divided by S). */
static void S_add_group(double *W, const struct weight *w, size_t n, double share)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i].value;
	if (!(total > 0) || !(share > 0))
		return;
	for (size_t i = 0; i < n; i++)
		W[w[i].criterion_ix] += share * w[i].value / total;
}

struct verdict *verdict_scenario(const struct doc *doc, const double *u,
                                 size_t scenario, double close_call,
                                 struct arena *a)
{
	const struct scenario *s = &doc->scenarios[scenario];
	struct verdict *v = S_new(doc, close_call, a);
	v->scenario = scenario;
	S_add_group(v->weights, s->weights, s->nweights, 1);
	struct target t = { s, NULL };
	return S_judge(doc, u, &t, v, a);
}

struct verdict *verdict_profile(const struct doc *doc, const double *u,
                                size_t profile, double close_call,
                                struct arena *a)
{
	const struct profile *p = &doc->profiles[profile];
	struct verdict *v = S_new(doc, close_call, a);
	v->profile = profile;
	/* own-share counts only when the profile has own weights */
	double S = 0;
	for (size_t i = 0; i < p->nuses; i++)
		S += p->uses[i].share;
	if (p->nweights > 0)
		S += p->own_share;
	for (size_t i = 0; S > 0 && i < p->nuses; i++) {
		const struct scenario *s = &doc->scenarios[p->uses[i].scenario_ix];
		S_add_group(v->weights, s->weights, s->nweights, p->uses[i].share / S);
	}
	if (S > 0 && p->nweights > 0)
		S_add_group(v->weights, p->weights, p->nweights, p->own_share / S);
	struct target t = { NULL, p };
	S_judge(doc, u, &t, v, a);
	S_acceptability(doc, u, v, a);
	return v;
}

size_t verdict_winner(const struct verdict *v)
{
	return v->kind == VERDICT_WINNER ? v->ranking[0].framework : MODEL_NO_INDEX;
}

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

/* ---- close calls and none, explained (issue 10, item 4) ---------------------- */

size_t verdict_separators(const struct verdict *v, size_t *out, size_t max)
{
	return S_top_contrib(v, 0, out, max);
}

/* What v judged, as S_qualifies() reads it. */
static struct target S_target_of(const struct doc *doc, const struct verdict *v)
{
	if (v->profile != MODEL_NO_INDEX)
		return (struct target){ NULL, &doc->profiles[v->profile] };
	return (struct target){ &doc->scenarios[v->scenario], NULL };
}

/* The weights x of criterion c (others rescaled) at which f scores at
 * least t (score / 100) more than g: score(f) - score(g) = x d + (1 - x) R
 * with d = u(f,c) - u(g,c) and R the difference over the rest, as in
 * S_sensitivity().  Narrows [*lo, *hi]. */
static void S_need_pair(const double *u, const struct verdict *v, size_t nf, size_t c,
                        size_t f, size_t g, double t, double *lo, double *hi)
{
	double D = 0, Wc = v->weights[c];
	for (size_t i = 0; i < v->ncriteria; i++)
		D += v->weights[i] * (u[i * nf + f] - u[i * nf + g]);
	double d = u[c * nf + f] - u[c * nf + g];
	double R = (D - Wc * d) / (1 - Wc), slope = d - R;
	if (fabs(slope) < S_SAME_RATING_EPS) {
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
		if (lo > hi || lo >= 1 - S_WEIGHT_EPS || lo - Wc <= S_WEIGHT_EPS)
			continue;
		if (!(lo - Wc < best - S_WEIGHT_EPS))
			continue;
		best = lo - Wc;
		found = true;
		*out = (struct verdict_need){ c, Wc, lo };
	}
	return found;
}

/* S_qualifies() with one require (skip_r) or exclude (skip_e) dropped. */
static bool S_qualifies_without(const struct doc *doc, const struct target *t, size_t f,
                                const struct require *skip_r, const struct exclude *skip_e)
{
	for (size_t e = 0; t->p != NULL && e < t->p->nexcludes; e++)
		if (&t->p->excludes[e] != skip_e && t->p->excludes[e].framework_ix == f)
			return false;
	const struct require *rq;
	size_t n;
	for (size_t i = 0; S_require_set(doc, t, i, &rq, &n); i++) {
		for (size_t k = 0; k < n; k++) {
			const struct require *r = &rq[k];
			if (r == skip_r)
				continue;
			const struct rating *rt = model_rating(doc, r->criterion_ix, f);
			if (r->min_raw != NULL && !S_meets_min(doc, r, rt, false))
				return false;
			if (r->max_raw != NULL && !S_meets_max(r, rt, false))
				return false;
		}
	}
	return true;
}

/* Adds the relaxation dropping r or e when it lets someone qualify,
 * keeping out[] ordered by the ranking of its first framework. */
static void S_relax_one(const struct doc *doc, const struct target *t, const struct verdict *v,
                        const struct require *r, const struct exclude *e,
                        struct relaxation *out, size_t *n, size_t *first, size_t max,
                        struct arena *a)
{
	struct relaxation x = { r, e, arena_array(a, v->nframeworks, sizeof *x.qualify), 0 };
	size_t pos = MODEL_NO_INDEX;
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *rk = &v->ranking[k];
		if (rk->qualified || !S_qualifies_without(doc, t, rk->framework, r, e))
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
	struct target t = S_target_of(doc, v);
	size_t n = 0, *first = arena_array(a, max ? max : 1, sizeof *first);
	const struct require *rq;
	size_t nr;
	for (size_t i = 0; S_require_set(doc, &t, i, &rq, &nr); i++)
		for (size_t k = 0; k < nr; k++)
			S_relax_one(doc, &t, v, &rq[k], NULL, out, &n, first, max, a);
	for (size_t e = 0; t.p != NULL && e < t.p->nexcludes; e++)
		S_relax_one(doc, &t, v, NULL, &t.p->excludes[e], out, &n, first, max, a);
	return n;
}

size_t verdict_unknown_ratings(const struct doc *doc, const struct verdict *v, size_t *crit,
                               size_t *fw, size_t max)
{
	struct target t = S_target_of(doc, v);
	size_t n = 0;
	/* the same test as S_unknowns() counts with */
	for (size_t c = 0; c < doc->ncriteria; c++) {
		if (!S_counts(doc, &t, v, c))
			continue;
		for (size_t f = 0; f < doc->nframeworks && n < max; f++) {
			if (!model_rating(doc, c, f)->unknown || S_excluded(&t, f))
				continue;
			crit[n] = c;
			fw[n++] = f;
		}
	}
	return n;
}
