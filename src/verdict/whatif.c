/* whatif.c - the what-ifs of a verdict: the unknown ratings at their
 * extremes, the smallest one-level rating change that changes a winner
 * verdict, and the sensitivity analysis (the critical pair, stability).
 * Each re-ranks changed scores and qualifications through vd_classify(). */
#include "verdict_int.h"

#include <math.h>

#include "arena.h"

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

/* The unknown ratings at their extremes (struct unknowns in verdict.h). */
void vd_unknowns(const struct doc *doc, const struct vd_target *t, struct verdict *v,
                 struct arena *a)
{
	size_t nf = doc->nframeworks, first = v->ranking[0].framework;
	struct unknowns *uk = &v->unknowns;
	bool *counts = arena_array(a, doc->ncriteria, sizeof *counts);
	double *bonus = arena_array(a, nf, sizeof *bonus);   /* points at u = 1 */
	for (size_t c = 0; c < doc->ncriteria; c++) {
		counts[c] = vd_counts(doc, t, v, c);
		for (size_t f = 0; f < nf; f++) {
			if (!model_rating(doc, c, f)->unknown)
				continue;
			bonus[f] += 100 * v->weights[c];
			uk->count += counts[c] && !vd_excluded(t, f);
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
				.qualified = vd_qualifies(doc, t, f, MODEL_NO_INDEX, NULL, high),
			};
		}
		vd_classify(&w.v, v->close_call);
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
void vd_rating_flip(const struct doc *doc, const struct vd_target *t, struct verdict *v,
                    struct arena *a)
{
	size_t nf = doc->nframeworks, winner = verdict_winner(v);
	double best = INFINITY;
	struct whatif w;
	S_whatif_init(&w, v, a);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
		if (s->kind != SCALE_ORDINAL || !vd_counts(doc, t, v, c))
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
				bool q = vd_qualifies(doc, t, f, c, &alt, false);
				S_whatif_load(&w, f, w.score[f] + change, q);
				vd_classify(&w.v, v->close_call);
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
void vd_sensitivity(const struct doc *doc, const double *u, struct verdict *v,
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
			if (fabs(delta) < VD_SAME_RATING_EPS)
				continue;
			double R = (D[k] - Wc * delta) / (1 - Wc);
			if (delta == R)
				continue;
			double x = R / (R - delta);
			if (x < 0 || x > 1 || !(fabs(x - Wc) < best - VD_WEIGHT_EPS))
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
