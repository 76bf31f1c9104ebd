/* verdict.c - SPEC section 2: normalise, weigh, constrain, rank, explain;
 * the order of the steps (verdict_int.h lists the files).
 *
 * The main verdict is computed once; the what-ifs (unknown ratings at
 * their extremes, one rating one level up or down) re-rank changed scores
 * and qualifications with the same vd_classify(), so that every answer
 * follows exactly the same rules of ties and thresholds.  A profile's
 * acceptability (SPEC 6.7) samples weights and unknown ratings with a
 * generator of its own, seeded with a constant (verdict.h says why it
 * draws the same numbers everywhere). */
#include "verdict_int.h"

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

/* ---- the verdicts ------------------------------------------------------------- */

/* Scores, ranks, classifies and explains, given W. */
static struct verdict *S_judge(const struct doc *doc, const double *u, const struct vd_target *t,
                               struct verdict *v, struct arena *a)
{
	size_t nf = doc->nframeworks;
	for (size_t f = 0; f < nf; f++) {
		vd_failures(doc, t, f, &v->ranking[f], a);
		double s = 0;
		for (size_t c = 0; c < doc->ncriteria; c++)
			s += v->weights[c] * u[c * nf + f];
		v->ranking[f].score = 100 * s;       /* SPEC: 100 sum_c W(c) u(f,c) */
	}
	vd_classify(v, v->close_call);
	if (v->has_margin) {
		v->contrib = arena_array(a, doc->ncriteria, sizeof *v->contrib);
		size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
		for (size_t c = 0; c < doc->ncriteria; c++)
			v->contrib[c] = 100 * v->weights[c] * (u[c * nf + A] - u[c * nf + B]);
	}
	if (v->kind == VERDICT_WINNER) {
		vd_sensitivity(doc, u, v, a);
		vd_rating_flip(doc, t, v, a);
	}
	vd_unknowns(doc, t, v, a);
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
	struct vd_target t = { s, NULL };
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
	struct vd_target t = { NULL, p };
	S_judge(doc, u, &t, v, a);
	vd_acceptability(doc, u, v, a);
	return v;
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
