/* test_verdict.c - unit tests of src/verdict/ against SPEC section 2.
 *
 * Documents are built by hand (no loader, no checker): S_doc() and friends
 * fill a struct doc and set every resolved index exactly as check_doc()
 * would.  Every expected number is worked out in the comment beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "model.h"
#include "verdict.h"

#define TOL 1e-9
#define CAP 16          /* room for scales, criteria, groups, weights, ... */

#define assert_near(got, want) S_assert_near((got), (want), #got, __FILE__, __LINE__)

static void S_assert_near(double got, double want, const char *what,
                          const char *file, int line)
{
	if (fabs(got - want) <= TOL)
		return;
	print_error("%s = %.17g, want %.17g (tolerance %g)\n", what, got, want, TOL);
	_fail(file, line);
}

/* ---------------------------------------------------------------------- */
/* The builder */

struct fixture {
	struct doc *doc;        /* the doc under test, freed by teardown */
	struct arena *a;        /* verdict results */
};

static int S_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (fx == NULL)
		return -1;
	fx->a = arena_new();
	*state = fx;
	return 0;
}

static int S_teardown(void **state)
{
	struct fixture *fx = *state;
	model_free(fx->doc);
	arena_free(fx->a);
	free(fx);
	return 0;
}

static struct srcpos S_pos(const struct doc *d)
{
	return (struct srcpos){ d->file, 1 };
}

/* A doc with nf frameworks (ids given, or f0, f1, ... when ids is NULL) and
 * room for CAP scales, criteria, scenarios and profiles.  Replaces (and
 * frees) the fixture's previous doc. */
static struct doc *S_doc(struct fixture *fx, size_t nf, const char *const ids[])
{
	model_free(fx->doc);
	struct doc *d = model_new("test.xml");
	fx->doc = d;
	d->id = "test";
	d->format = 1;
	d->title = "Test";
	d->frameworks = arena_array(d->arena, nf, sizeof *d->frameworks);
	d->nframeworks = nf;
	for (size_t f = 0; f < nf; f++) {
		struct framework *fw = &d->frameworks[f];
		fw->id = ids != NULL ? arena_strdup(d->arena, ids[f])
		                     : arena_printf(d->arena, "f%zu", f);
		fw->name = fw->id;
		fw->pos = S_pos(d);
	}
	d->scales = arena_array(d->arena, CAP, sizeof *d->scales);
	d->criteria = arena_array(d->arena, CAP, sizeof *d->criteria);
	d->scenarios = arena_array(d->arena, CAP, sizeof *d->scenarios);
	d->profiles = arena_array(d->arena, CAP, sizeof *d->profiles);
	return d;
}

/* An ordinal scale; min/max are the lowest/highest level scores, as the
 * checker sets them. */
static void S_ordinal(struct doc *d, const char *id, size_t n,
                      const char *const lv[], const double score[])
{
	assert_true(d->nscales < CAP);
	struct scale *s = &d->scales[d->nscales++];
	s->id = arena_strdup(d->arena, id);
	s->kind = SCALE_ORDINAL;
	s->levels = arena_array(d->arena, n, sizeof *s->levels);
	s->nlevels = n;
	s->min = s->max = score[0];
	for (size_t i = 0; i < n; i++) {
		s->levels[i] = (struct level){ arena_strdup(d->arena, lv[i]),
		                               arena_strdup(d->arena, lv[i]), score[i], S_pos(d) };
		s->min = fmin(s->min, score[i]);
		s->max = fmax(s->max, score[i]);
	}
	s->pos = S_pos(d);
}

static void S_numeric(struct doc *d, const char *id, double min, double max, bool lower)
{
	assert_true(d->nscales < CAP);
	struct scale *s = &d->scales[d->nscales++];
	s->id = arena_strdup(d->arena, id);
	s->kind = SCALE_NUMERIC;
	s->min = min;
	s->max = max;
	s->lower_better = lower;
	s->pos = S_pos(d);
}

/* Sets one rating from its raw text as written in the XML. */
static void S_rate(struct doc *d, struct criterion *cr, struct rating *r, const char *raw)
{
	const struct scale *s = &d->scales[cr->scale_ix];
	r->raw = arena_strdup(d->arena, raw);
	r->unknown = strcmp(raw, "unknown") == 0;
	r->level_ix = MODEL_NO_INDEX;
	r->value = 0;
	if (r->unknown)
		return;
	if (s->kind == SCALE_ORDINAL) {
		r->level_ix = model_level_ix(s, raw);
		assert_true(r->level_ix != MODEL_NO_INDEX);
	} else {
		r->value = strtod(raw, NULL);
	}
}

/* A criterion rated raw[f] by framework f.  Ratings are stored in reverse
 * declaration order so that rating_of[] really is an indirection. */
static struct criterion *S_criterion(struct doc *d, const char *id, const char *scale,
                                     const char *const raw[])
{
	size_t nf = d->nframeworks;
	assert_true(d->ncriteria < CAP);
	struct criterion *cr = &d->criteria[d->ncriteria++];
	cr->id = arena_strdup(d->arena, id);
	cr->name = cr->id;
	cr->scale = arena_strdup(d->arena, scale);
	cr->scale_ix = model_scale_ix(d, scale);
	assert_true(cr->scale_ix != MODEL_NO_INDEX);
	cr->ratings = arena_array(d->arena, nf, sizeof *cr->ratings);
	cr->nratings = nf;
	cr->rating_of = arena_array(d->arena, nf, sizeof *cr->rating_of);
	for (size_t f = 0; f < nf; f++) {
		struct rating *r = &cr->ratings[nf - 1 - f];
		cr->rating_of[f] = nf - 1 - f;
		r->framework = d->frameworks[f].id;
		r->framework_ix = f;
		r->text = "";
		r->pos = S_pos(d);
		S_rate(d, cr, r, raw[f]);
	}
	cr->pos = S_pos(d);
	return cr;
}

static void S_weight(struct doc *d, struct weight *w, size_t *n, const char *crit, double value)
{
	assert_true(*n < CAP);
	w[*n] = (struct weight){ arena_strdup(d->arena, crit), model_criterion_ix(d, crit),
	                         value, S_pos(d) };
	assert_true(w[*n].criterion_ix != MODEL_NO_INDEX);
	++*n;
}

/* A require with its bounds as written (NULL when absent), resolved as the
 * checker does: a level index on ordinal scales, numbers (+-inf when
 * absent) on numeric ones. */
static void S_require(struct doc *d, struct require *r, size_t *n, const char *crit,
                      const char *min_raw, const char *max_raw)
{
	assert_true(*n < CAP);
	struct require *q = &r[(*n)++];
	q->criterion = arena_strdup(d->arena, crit);
	q->criterion_ix = model_criterion_ix(d, crit);
	assert_true(q->criterion_ix != MODEL_NO_INDEX);
	q->min_raw = arena_strdup(d->arena, min_raw);
	q->max_raw = arena_strdup(d->arena, max_raw);
	q->min_level_ix = MODEL_NO_INDEX;
	q->min = -INFINITY;
	q->max = INFINITY;
	const struct scale *s = &d->scales[d->criteria[q->criterion_ix].scale_ix];
	if (s->kind == SCALE_ORDINAL) {
		q->min_level_ix = model_level_ix(s, min_raw);
		assert_true(q->min_level_ix != MODEL_NO_INDEX);
	} else {
		if (min_raw != NULL)
			q->min = strtod(min_raw, NULL);
		if (max_raw != NULL)
			q->max = strtod(max_raw, NULL);
	}
	q->pos = S_pos(d);
}

static struct scenario *S_scenario(struct doc *d, const char *id)
{
	assert_true(d->nscenarios < CAP);
	struct scenario *s = &d->scenarios[d->nscenarios++];
	s->id = arena_strdup(d->arena, id);
	s->name = s->id;
	s->weights = arena_array(d->arena, CAP, sizeof *s->weights);
	s->requires = arena_array(d->arena, CAP, sizeof *s->requires);
	s->pos = S_pos(d);
	return s;
}

static struct profile *S_profile(struct doc *d, const char *id, double own_share)
{
	assert_true(d->nprofiles < CAP);
	struct profile *p = &d->profiles[d->nprofiles++];
	p->id = arena_strdup(d->arena, id);
	p->name = p->id;
	p->own_share = own_share;
	p->uses = arena_array(d->arena, CAP, sizeof *p->uses);
	p->weights = arena_array(d->arena, CAP, sizeof *p->weights);
	p->requires = arena_array(d->arena, CAP, sizeof *p->requires);
	p->excludes = arena_array(d->arena, CAP, sizeof *p->excludes);
	p->pos = S_pos(d);
	return p;
}

static void S_use(struct doc *d, struct profile *p, const char *scenario, double share)
{
	assert_true(p->nuses < CAP);
	p->uses[p->nuses++] = (struct use){ arena_strdup(d->arena, scenario),
	                                    model_scenario_ix(d, scenario), share, S_pos(d) };
	assert_true(p->uses[p->nuses - 1].scenario_ix != MODEL_NO_INDEX);
}

static void S_exclude(struct doc *d, struct profile *p, const char *fw)
{
	assert_true(p->nexcludes < CAP);
	p->excludes[p->nexcludes++] = (struct exclude){ arena_strdup(d->arena, fw),
	                                                model_framework_ix(d, fw), "reason", S_pos(d) };
	assert_true(p->excludes[p->nexcludes - 1].framework_ix != MODEL_NO_INDEX);
}

/* ---------------------------------------------------------------------- */
/* Running and inspecting verdicts */

static size_t S_fw(const struct doc *d, const char *id)
{
	size_t f = model_framework_ix(d, id);
	assert_true(f != MODEL_NO_INDEX);
	return f;
}

static size_t S_crit(const struct doc *d, const char *id)
{
	size_t c = model_criterion_ix(d, id);
	assert_true(c != MODEL_NO_INDEX);
	return c;
}

static struct verdict *S_scen(struct fixture *fx, const char *id, double close_call)
{
	const double *u = verdict_normalise(fx->doc, fx->a);
	size_t s = model_scenario_ix(fx->doc, id);
	assert_true(s != MODEL_NO_INDEX);
	return verdict_scenario(fx->doc, u, s, close_call, fx->a);
}

static struct verdict *S_prof(struct fixture *fx, const char *id, double close_call)
{
	const double *u = verdict_normalise(fx->doc, fx->a);
	size_t p = 0;
	while (p < fx->doc->nprofiles && strcmp(fx->doc->profiles[p].id, id) != 0)
		p++;
	assert_true(p < fx->doc->nprofiles);
	return verdict_profile(fx->doc, u, p, close_call, fx->a);
}

/* The ranking entry of framework id. */
static const struct ranked *S_entry(const struct doc *d, const struct verdict *v,
                                    const char *id)
{
	size_t f = S_fw(d, id);
	for (size_t k = 0; k < v->nframeworks; k++)
		if (v->ranking[k].framework == f)
			return &v->ranking[k];
	fail_msg("%s is not ranked", id);
	return NULL;
}

static double S_score(const struct doc *d, const struct verdict *v, const char *id)
{
	return S_entry(d, v, id)->score;
}

/* The ranking is exactly ids[], with the first nq qualified. */
static void S_ranking(const struct doc *d, const struct verdict *v, size_t nq,
                      const char *const ids[])
{
	assert_int_equal(v->nframeworks, d->nframeworks);
	assert_int_equal(v->nqualified, nq);
	for (size_t k = 0; k < v->nframeworks; k++) {
		assert_string_equal(d->frameworks[v->ranking[k].framework].id, ids[k]);
		assert_int_equal(v->ranking[k].qualified, k < nq);
	}
}

static void S_leaders(const struct doc *d, const struct verdict *v, size_t n,
                      const char *const ids[])
{
	assert_int_equal(v->nleaders, n);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(d->frameworks[v->leaders[k]].id, ids[k]);
}

static void S_reasons(const struct ranked *r, size_t n, const char *const want[])
{
	assert_int_equal(r->ndisqualified, n);
	assert_int_equal(r->qualified, n == 0);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(r->disqualified_by[i], want[i]);
}

/* ---------------------------------------------------------------------- */
/* The shared example
 *
 * quality: ordinal, levels written good=3, limited=1, excellent=5, fair=2
 *          (out of score order on purpose): m = 1, M = 5, M - m = 4
 * ms:      numeric 20..220, better=lower:  u = (220 - v) / 200
 * ops:     numeric 200..1000, better=higher: u = (v - 200) / 800
 *
 *              pt          tf          jx
 * gpu  (quality) excellent good        limited
 * lat  (ms)      40        60          unknown
 * thr  (ops)     300       800         1000
 * docs (quality) good      excellent   fair
 *
 * u(f,c), worked out in test_normalise:
 * gpu  1     0.5   0
 * lat  0.9   0.8   0
 * thr  0.125 0.75  1
 * docs 0.5   1     0.25
 *
 * Scenarios: research (gpu 3, lat 1, thr 0), serving (lat 1, thr 1),
 * reading (docs 2).  Tests add profiles and more scenarios. */
static struct doc *S_base(struct fixture *fx)
{
	static const char *const fw[] = { "pt", "tf", "jx" };
	static const char *const lv[] = { "good", "limited", "excellent", "fair" };
	static const double score[] = { 3, 1, 5, 2 };
	struct doc *d = S_doc(fx, 3, fw);
	S_ordinal(d, "quality", 4, lv, score);
	S_numeric(d, "ms", 20, 220, true);
	S_numeric(d, "ops", 200, 1000, false);
	S_criterion(d, "gpu", "quality", (const char *const[]){ "excellent", "good", "limited" });
	S_criterion(d, "lat", "ms", (const char *const[]){ "40", "60", "unknown" });
	S_criterion(d, "thr", "ops", (const char *const[]){ "300", "800", "1000" });
	S_criterion(d, "docs", "quality", (const char *const[]){ "good", "excellent", "fair" });

	struct scenario *s = S_scenario(d, "research");
	S_weight(d, s->weights, &s->nweights, "gpu", 3);
	S_weight(d, s->weights, &s->nweights, "lat", 1);
	S_weight(d, s->weights, &s->nweights, "thr", 0);
	s = S_scenario(d, "serving");
	S_weight(d, s->weights, &s->nweights, "lat", 1);
	S_weight(d, s->weights, &s->nweights, "thr", 1);
	s = S_scenario(d, "reading");
	S_weight(d, s->weights, &s->nweights, "docs", 2);
	return d;
}

/* ---------------------------------------------------------------------- */
/* Normalisation */

static void test_normalise(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	const double *u = verdict_normalise(d, fx->a);
	size_t nf = d->nframeworks;
	size_t pt = S_fw(d, "pt"), tf = S_fw(d, "tf"), jx = S_fw(d, "jx");
	size_t gpu = S_crit(d, "gpu"), lat = S_crit(d, "lat");
	size_t thr = S_crit(d, "thr"), docs = S_crit(d, "docs");

	/* the checker's ordinal min/max: lowest/highest score, not first/last level */
	assert_near(d->scales[0].min, 1);
	assert_near(d->scales[0].max, 5);

	/* ordinal: (score - m)/(M - m) */
	assert_near(u[gpu * nf + pt], 1.0);     /* (5 - 1)/4 */
	assert_near(u[gpu * nf + tf], 0.5);     /* (3 - 1)/4 */
	assert_near(u[gpu * nf + jx], 0.0);     /* (1 - 1)/4 */
	assert_near(u[docs * nf + pt], 0.5);    /* (3 - 1)/4 */
	assert_near(u[docs * nf + tf], 1.0);    /* (5 - 1)/4 */
	assert_near(u[docs * nf + jx], 0.25);   /* (2 - 1)/4 */
	/* numeric, better=lower: (M - v)/(M - m) */
	assert_near(u[lat * nf + pt], 0.9);     /* (220 - 40)/200 = 180/200 */
	assert_near(u[lat * nf + tf], 0.8);     /* (220 - 60)/200 = 160/200 */
	/* unknown is 0, not (220 - 0)/200 = 1.1 */
	assert_near(u[lat * nf + jx], 0.0);
	/* numeric, better=higher: (v - m)/(M - m) */
	assert_near(u[thr * nf + pt], 0.125);   /* (300 - 200)/800 = 100/800 */
	assert_near(u[thr * nf + tf], 0.75);    /* (800 - 200)/800 = 600/800 */
	assert_near(u[thr * nf + jx], 1.0);     /* (1000 - 200)/800 */
}

static void test_normalise_unknown_everywhere(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	/* unknown is 0 on every kind of scale, whatever better says */
	S_criterion(d, "u1", "quality", (const char *const[]){ "unknown", "excellent", "unknown" });
	S_criterion(d, "u2", "ops", (const char *const[]){ "unknown", "200", "1000" });
	const double *u = verdict_normalise(d, fx->a);
	size_t nf = d->nframeworks, u1 = S_crit(d, "u1"), u2 = S_crit(d, "u2");
	assert_near(u[u1 * nf + 0], 0.0);
	assert_near(u[u1 * nf + 1], 1.0);       /* (5 - 1)/4 */
	assert_near(u[u1 * nf + 2], 0.0);
	assert_near(u[u2 * nf + 0], 0.0);
	assert_near(u[u2 * nf + 1], 0.0);       /* (200 - 200)/800: the minimum is 0 too */
	assert_near(u[u2 * nf + 2], 1.0);
}

/* ---------------------------------------------------------------------- */
/* Weights and scores */

static void test_scenario_alone(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct verdict *v = S_scen(fx, "research", VERDICT_DEFAULT_CLOSE_CALL);

	/* w = gpu 3, lat 1, thr 0; sum 4 */
	assert_near(v->weights[S_crit(d, "gpu")], 0.75);    /* 3/4 */
	assert_near(v->weights[S_crit(d, "lat")], 0.25);    /* 1/4 */
	assert_near(v->weights[S_crit(d, "thr")], 0.0);     /* written as 0 */
	assert_near(v->weights[S_crit(d, "docs")], 0.0);    /* absent */
	/* pt: 100 (0.75*1 + 0.25*0.9) = 100 (0.75 + 0.225) = 97.5 */
	assert_near(S_score(d, v, "pt"), 97.5);
	/* tf: 100 (0.75*0.5 + 0.25*0.8) = 100 (0.375 + 0.2) = 57.5 */
	assert_near(S_score(d, v, "tf"), 57.5);
	/* jx: 100 (0.75*0 + 0.25*0) = 0 */
	assert_near(S_score(d, v, "jx"), 0.0);

	S_ranking(d, v, 3, (const char *const[]){ "pt", "tf", "jx" });
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_int_equal(verdict_winner(v), S_fw(d, "pt"));
	S_leaders(d, v, 1, (const char *const[]){ "pt" });
	assert_true(v->has_margin);
	assert_near(v->margin, 40.0);                       /* 97.5 - 57.5 */
	for (size_t k = 0; k < 3; k++)
		assert_int_equal(v->ranking[k].ndisqualified, 0);
	/* contributions, pt vs tf: 100 W(c) (u(pt,c) - u(tf,c)) */
	assert_near(v->contrib[S_crit(d, "gpu")], 37.5);    /* 100*0.75*(1 - 0.5) */
	assert_near(v->contrib[S_crit(d, "lat")], 2.5);     /* 100*0.25*(0.9 - 0.8) */
	assert_near(v->contrib[S_crit(d, "thr")], 0.0);
	assert_near(v->contrib[S_crit(d, "docs")], 0.0);    /* sum 40 = margin */
}

static void test_profile_mix(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "mix", 2);
	S_use(d, p, "research", 2);
	S_use(d, p, "serving", 1);
	S_use(d, p, "reading", 3);
	S_weight(d, p->weights, &p->nweights, "gpu", 1);
	S_weight(d, p->weights, &p->nweights, "docs", 3);
	struct verdict *v = S_prof(fx, "mix", VERDICT_DEFAULT_CLOSE_CALL);
	size_t gpu = S_crit(d, "gpu"), lat = S_crit(d, "lat");
	size_t thr = S_crit(d, "thr"), docs = S_crit(d, "docs");

	/* S = 2 + 1 + 3 + own-share 2 = 8
	 * research: gpu 3/4, lat 1/4; serving: lat 1/2, thr 1/2; reading: docs 1;
	 * own: gpu 1/4, docs 3/4 */
	assert_near(v->weights[gpu], 0.25);     /* 2/8*3/4 + 2/8*1/4 = 0.1875 + 0.0625 */
	assert_near(v->weights[lat], 0.125);    /* 2/8*1/4 + 1/8*1/2 = 0.0625 + 0.0625 */
	assert_near(v->weights[thr], 0.0625);   /* 1/8*1/2 */
	assert_near(v->weights[docs], 0.5625);  /* 3/8*1 + 2/8*3/4 = 0.375 + 0.1875 */
	/* sum 0.25 + 0.125 + 0.0625 + 0.5625 = 1 */
	assert_near(v->weights[gpu] + v->weights[lat] + v->weights[thr] + v->weights[docs], 1.0);

	/* pt: 100 (0.25*1 + 0.125*0.9 + 0.0625*0.125 + 0.5625*0.5)
	 *   = 100 (0.25 + 0.1125 + 0.0078125 + 0.28125) = 65.15625 */
	assert_near(S_score(d, v, "pt"), 65.15625);
	/* tf: 100 (0.25*0.5 + 0.125*0.8 + 0.0625*0.75 + 0.5625*1)
	 *   = 100 (0.125 + 0.1 + 0.046875 + 0.5625) = 83.4375 */
	assert_near(S_score(d, v, "tf"), 83.4375);
	/* jx: 100 (0 + 0 + 0.0625*1 + 0.5625*0.25) = 100 (0.0625 + 0.140625) = 20.3125 */
	assert_near(S_score(d, v, "jx"), 20.3125);

	S_ranking(d, v, 3, (const char *const[]){ "tf", "pt", "jx" });
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_near(v->margin, 18.28125);                   /* 83.4375 - 65.15625 */
	/* tf vs pt */
	assert_near(v->contrib[gpu], -12.5);                /* 100*0.25*(0.5 - 1) */
	assert_near(v->contrib[lat], -1.25);                /* 100*0.125*(0.8 - 0.9) */
	assert_near(v->contrib[thr], 3.90625);              /* 100*0.0625*(0.75 - 0.125) */
	assert_near(v->contrib[docs], 28.125);              /* 100*0.5625*(1 - 0.5) */
	/* -12.5 - 1.25 + 3.90625 + 28.125 = 18.28125 = margin */
	assert_near(v->contrib[gpu] + v->contrib[lat] + v->contrib[thr] + v->contrib[docs],
	            v->margin);
	/* tf's reasons: docs (28.1), thr (3.9); pt's strengths: gpu (12.5), lat (1.25) */
	size_t why[4];
	assert_int_equal(verdict_reasons(v, true, why, 4), 2);
	assert_int_equal(why[0], docs);
	assert_int_equal(why[1], thr);
	assert_int_equal(verdict_reasons(v, false, why, 4), 2);
	assert_int_equal(why[0], gpu);
	assert_int_equal(why[1], lat);
	assert_int_equal(v->profile, 0);
	assert_int_equal(v->scenario, MODEL_NO_INDEX);

	/* Sensitivity, A = tf.
	 * B = pt: D = 0.1828125; Delta gpu -0.5, lat -0.1, thr 0.625, docs 0.5
	 *   gpu  W .25:   R = (D + 0.125)/0.75 = 0.3078125/0.75
	 *                 x = R/(R + 0.5) = 0.3078125/0.6828125 = 197/437 = 0.45080..
	 *                 |x - W| = 0.2008
	 *   lat  W .125:  R = (D + 0.0125)/0.875; x = 0.1953125/0.2828125 = 0.6906, |x-W| 0.566
	 *   thr  W .0625: R = (D - 0.0390625)/0.9375 = 0.15333 < Delta: x < 0, no
	 *   docs W .5625: R = (D - 0.28125)/0.4375 = -0.225; x = 0.225/0.725 = 0.3103, |x-W| 0.252
	 * B = jx: D = 0.63125; Delta gpu 0.5, lat 0.8, thr -0.25, docs 0.75
	 *   gpu: R = 0.50625/0.75 = 0.675, x = 0.675/0.175 > 1, no
	 *   lat: R = 0.53125/0.875 = 0.607 < 0.8: x < 0, no
	 *   thr: R = 0.646875/0.9375 = 0.69, x = 0.69/0.94 = 0.734, |x-W| 0.672
	 *   docs: R = 0.209375/0.4375 = 0.479 < 0.75: x < 0, no
	 * Smallest: (gpu, pt), 20.08 points: robust. */
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, gpu);
	assert_int_equal(v->critical.challenger, S_fw(d, "pt"));
	assert_near(v->critical.weight, 0.25);
	assert_near(v->critical.tie_weight, 197.0 / 437.0);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_profile_own_share_without_own_weights(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "plain", 5);
	S_use(d, p, "research", 1);
	struct verdict *v = S_prof(fx, "plain", VERDICT_DEFAULT_CLOSE_CALL);
	/* own-share matters only with own weights: S = 1, W = research's.
	 * (Counting own-share 5 would give 1/6 * 3/4 = 0.125.) */
	assert_near(v->weights[S_crit(d, "gpu")], 0.75);
	assert_near(v->weights[S_crit(d, "lat")], 0.25);
	assert_near(S_score(d, v, "pt"), 97.5);             /* as research alone */
}

static void test_profile_share_zero_requires_apply(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct scenario *s = S_scenario(d, "strict");
	S_weight(d, s->weights, &s->nweights, "thr", 1);
	S_require(d, s->requires, &s->nrequires, "gpu", "good", NULL);
	struct profile *p = S_profile(d, "p0", 1);
	S_use(d, p, "research", 1);
	S_use(d, p, "strict", 0);
	struct verdict *v = S_prof(fx, "p0", VERDICT_DEFAULT_CLOSE_CALL);

	/* S = 1 + 0 = 1: strict adds no weight.  (With share 1 thr would get
	 * 1/2 * 1 = 0.5.) */
	assert_near(v->weights[S_crit(d, "gpu")], 0.75);    /* 1/1 * 3/4 */
	assert_near(v->weights[S_crit(d, "lat")], 0.25);    /* 1/1 * 1/4 */
	assert_near(v->weights[S_crit(d, "thr")], 0.0);
	/* ... but its require applies: jx is limited (1) < good (3) */
	S_ranking(d, v, 2, (const char *const[]){ "pt", "tf", "jx" });
	S_reasons(S_entry(d, v, "pt"), 0, NULL);
	S_reasons(S_entry(d, v, "tf"), 0, NULL);
	S_reasons(S_entry(d, v, "jx"), 1, (const char *const[]){ "require:gpu>=good" });
	assert_near(S_score(d, v, "pt"), 97.5);             /* as research alone */
	assert_near(S_score(d, v, "tf"), 57.5);
	assert_near(S_score(d, v, "jx"), 0.0);              /* keeps its computed score */
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_near(v->margin, 40.0);                       /* 97.5 - 57.5 */
}

/* ---------------------------------------------------------------------- */
/* Constraints */

static void test_require_ordinal(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct scenario *s = S_scenario(d, "req-ord");
	S_weight(d, s->weights, &s->nweights, "gpu", 1);
	S_require(d, s->requires, &s->nrequires, "gpu", "good", NULL);
	S_require(d, s->requires, &s->nrequires, "docs", "excellent", NULL);
	struct verdict *v = S_scen(fx, "req-ord", VERDICT_DEFAULT_CLOSE_CALL);

	/* Level scores compare, not level positions (written good, limited,
	 * excellent, fair).
	 * pt: gpu excellent 5 >= 3 ok; docs good 3 < 5 fails
	 * tf: gpu good 3 >= 3 ok (inclusive); docs excellent 5 >= 5 ok
	 * jx: gpu limited 1 < 3 fails; docs fair 2 < 5 fails */
	S_reasons(S_entry(d, v, "pt"), 1, (const char *const[]){ "require:docs>=excellent" });
	S_reasons(S_entry(d, v, "tf"), 0, NULL);
	S_reasons(S_entry(d, v, "jx"), 2,
	          (const char *const[]){ "require:gpu>=good", "require:docs>=excellent" });
	/* W gpu = 1: pt 100*1, tf 100*0.5, jx 0; tf alone qualifies */
	S_ranking(d, v, 1, (const char *const[]){ "tf", "pt", "jx" });
	assert_near(S_score(d, v, "pt"), 100.0);
	assert_near(S_score(d, v, "tf"), 50.0);
}

static void test_require_numeric(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct scenario *s = S_scenario(d, "req-num");
	S_weight(d, s->weights, &s->nweights, "gpu", 1);
	S_require(d, s->requires, &s->nrequires, "lat", "30", "60");
	S_require(d, s->requires, &s->nrequires, "thr", "800", "999.50");
	struct verdict *v = S_scen(fx, "req-num", VERDICT_DEFAULT_CLOSE_CALL);

	/* Raw values, inclusive, whatever better says (lat is better=lower).
	 * pt: lat 40 in [30, 60] ok; thr 300 < 800 fails min
	 * tf: lat 60 <= 60 ok (inclusive); thr 800 >= 800 ok (inclusive), <= 999.5 ok
	 * jx: lat unknown fails both bounds; thr 1000 > 999.5 fails max
	 * Bounds print as written ("999.50"). */
	S_reasons(S_entry(d, v, "pt"), 1, (const char *const[]){ "require:thr>=800" });
	S_reasons(S_entry(d, v, "tf"), 0, NULL);
	S_reasons(S_entry(d, v, "jx"), 3,
	          (const char *const[]){ "require:lat>=30", "require:lat<=60",
	                                 "require:thr<=999.50" });
	/* ranking: qualified first, then the disqualified by score:
	 * tf 50 (qualified), pt 100, jx 0 */
	S_ranking(d, v, 1, (const char *const[]){ "tf", "pt", "jx" });
	assert_near(S_score(d, v, "tf"), 50.0);             /* 100*1*0.5 */
	assert_near(S_score(d, v, "pt"), 100.0);            /* 100*1*1 */
	assert_near(S_score(d, v, "jx"), 0.0);
}

static void test_exclude(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "no-pt", 1);
	S_use(d, p, "research", 1);
	S_exclude(d, p, "pt");
	struct verdict *v = S_prof(fx, "no-pt", VERDICT_DEFAULT_CLOSE_CALL);

	/* research scores: pt 97.5, tf 57.5, jx 0; pt excluded, last */
	S_ranking(d, v, 2, (const char *const[]){ "tf", "jx", "pt" });
	S_reasons(S_entry(d, v, "pt"), 1, (const char *const[]){ "exclude" });
	assert_near(S_score(d, v, "pt"), 97.5);             /* keeps its score */
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_int_equal(verdict_winner(v), S_fw(d, "tf"));
	assert_near(v->margin, 57.5);                       /* 57.5 - 0 */
}

static void test_disqualified_by_order_and_dedup(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct scenario *s = S_scenario(d, "need-a");
	S_weight(d, s->weights, &s->nweights, "gpu", 1);
	S_require(d, s->requires, &s->nrequires, "gpu", "good", NULL);
	S_require(d, s->requires, &s->nrequires, "lat", NULL, "50");
	s = S_scenario(d, "need-b");
	S_weight(d, s->weights, &s->nweights, "docs", 1);
	S_require(d, s->requires, &s->nrequires, "lat", NULL, "50");    /* same as need-a's */
	S_require(d, s->requires, &s->nrequires, "thr", "250", NULL);
	static const char *const order[2][2] = { { "need-a", "need-b" }, { "need-b", "need-a" } };
	static const char *const pid[2] = { "ab", "ba" };
	for (size_t i = 0; i < 2; i++) {
		struct profile *p = S_profile(d, pid[i], 1);
		S_use(d, p, order[i][0], 1);
		S_use(d, p, order[i][1], 1);
		S_require(d, p->requires, &p->nrequires, "docs", "excellent", NULL);
		S_require(d, p->requires, &p->nrequires, "gpu", "good", NULL);  /* again */
		S_exclude(d, p, "jx");
		S_exclude(d, p, "jx");                                           /* again */
	}

	/* pt: gpu ok, lat 40 <= 50 ok, thr 300 >= 250 ok; docs good < excellent
	 * tf: lat 60 > 50 fails (once, though two scenarios ask); the rest ok
	 * jx: gpu limited fails, lat unknown fails, thr ok, docs fair fails,
	 *     excluded (twice, reported once)
	 * Order: requires of the used scenarios in use order, the profile's
	 * own, then exclude. */
	struct verdict *v = S_prof(fx, "ab", VERDICT_DEFAULT_CLOSE_CALL);
	S_reasons(S_entry(d, v, "pt"), 1, (const char *const[]){ "require:docs>=excellent" });
	S_reasons(S_entry(d, v, "tf"), 1, (const char *const[]){ "require:lat<=50" });
	S_reasons(S_entry(d, v, "jx"), 4,
	          (const char *const[]){ "require:gpu>=good", "require:lat<=50",
	                                 "require:docs>=excellent", "exclude" });
	/* nothing qualifies.  W: gpu 1/2, docs 1/2;
	 * pt 100 (0.5*1 + 0.5*0.5) = 75, tf 100 (0.5*0.5 + 0.5*1) = 75 (tie:
	 * declaration order), jx 100 (0 + 0.5*0.25) = 12.5 */
	assert_int_equal(v->kind, VERDICT_NONE);
	S_ranking(d, v, 0, (const char *const[]){ "pt", "tf", "jx" });
	assert_near(S_score(d, v, "pt"), 75.0);
	assert_near(S_score(d, v, "tf"), 75.0);
	assert_near(S_score(d, v, "jx"), 12.5);

	/* need-b used first: its lat require comes first */
	v = S_prof(fx, "ba", VERDICT_DEFAULT_CLOSE_CALL);
	S_reasons(S_entry(d, v, "jx"), 4,
	          (const char *const[]){ "require:lat<=50", "require:gpu>=good",
	                                 "require:docs>=excellent", "exclude" });
}

/* ---------------------------------------------------------------------- */
/* Ranking, margin, verdict kinds */

static void test_single_qualified(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "only-jx", 1);
	S_use(d, p, "research", 1);
	S_require(d, p->requires, &p->nrequires, "thr", "900", NULL);
	struct verdict *v = S_prof(fx, "only-jx", VERDICT_DEFAULT_CLOSE_CALL);

	/* thr >= 900: pt 300 and tf 800 fail, jx 1000 passes.
	 * research scores pt 97.5, tf 57.5, jx 0: jx first though lowest,
	 * then the disqualified by score. */
	S_ranking(d, v, 1, (const char *const[]){ "jx", "pt", "tf" });
	S_reasons(S_entry(d, v, "pt"), 1, (const char *const[]){ "require:thr>=900" });
	S_reasons(S_entry(d, v, "tf"), 1, (const char *const[]){ "require:thr>=900" });
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_int_equal(verdict_winner(v), S_fw(d, "jx"));
	S_leaders(d, v, 1, (const char *const[]){ "jx" });
	assert_false(v->has_margin);
	assert_null(v->contrib);
	assert_false(v->has_critical);
	/* src/verdict/ reads "robust when ... no pair exists" for this case too */
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_all_disqualified(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "none", 1);
	S_use(d, p, "research", 1);
	S_exclude(d, p, "tf");
	S_exclude(d, p, "jx");
	S_exclude(d, p, "pt");
	struct verdict *v = S_prof(fx, "none", VERDICT_DEFAULT_CLOSE_CALL);

	assert_int_equal(v->kind, VERDICT_NONE);
	assert_int_equal(verdict_winner(v), MODEL_NO_INDEX);
	assert_int_equal(v->nleaders, 0);
	assert_false(v->has_margin);
	assert_null(v->contrib);
	assert_false(v->has_critical);
	assert_int_equal(v->stability, STABILITY_NONE);
	/* by score: pt 97.5, tf 57.5, jx 0, each with its score */
	S_ranking(d, v, 0, (const char *const[]){ "pt", "tf", "jx" });
	assert_near(S_score(d, v, "pt"), 97.5);
	assert_near(S_score(d, v, "tf"), 57.5);
	assert_near(S_score(d, v, "jx"), 0.0);
	for (size_t k = 0; k < 3; k++)
		S_reasons(&v->ranking[k], 1, (const char *const[]){ "exclude" });
	/* jx's unknown lat cannot matter: jx is excluded whatever it is */
	assert_int_equal(v->unknowns.count, 0);
	assert_true(v->unknowns.holds);
	assert_int_equal(v->unknowns.best_kind, VERDICT_NONE);
	assert_int_equal(v->unknowns.worst_kind, VERDICT_NONE);
	assert_false(v->has_rating_flip);
}

/* One criterion q on a 0..1 scale (u = v) weighted alone in scenario s1;
 * r likewise in s2. */
static void test_ties_keep_declaration_order(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "x", "y", "z" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "unit", 0, 1, false);
	S_criterion(d, "q", "unit", (const char *const[]){ "0.5", "0.8", "0.8" });
	struct criterion *r = S_criterion(d, "r", "unit", (const char *const[]){ "0.3", "0", "0" });
	/* y's r is 0.1 + 0.2 = 0.30000000000000004, one ulp above x's 0.3 */
	r->ratings[r->rating_of[1]].value = 0.1 + 0.2;
	struct scenario *s = S_scenario(d, "s1");
	S_weight(d, s->weights, &s->nweights, "q", 1);
	s = S_scenario(d, "s2");
	S_weight(d, s->weights, &s->nweights, "r", 1);

	/* exact tie: y 80 = z 80 > x 50: y, z in declaration order */
	struct verdict *v = S_scen(fx, "s1", VERDICT_DEFAULT_CLOSE_CALL);
	S_ranking(d, v, 3, (const char *const[]){ "y", "z", "x" });
	assert_near(v->margin, 0.0);                        /* 80 - 80 */
	assert_int_equal(v->kind, VERDICT_CLOSE);           /* 0 < 2 */
	S_leaders(d, v, 2, (const char *const[]){ "y", "z" });

	/* scores within 1e-9 are equal: y's 30.000000000000007 does not pass
	 * x's 30.000000000000004 */
	v = S_scen(fx, "s2", VERDICT_DEFAULT_CLOSE_CALL);
	assert_true(S_score(d, v, "y") > S_score(d, v, "x"));  /* really above */
	S_ranking(d, v, 3, (const char *const[]){ "x", "y", "z" });
	assert_near(v->margin, 0.0);
}

static void test_threshold_winner_vs_close(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	/* research: pt 97.5, tf 57.5, jx 0; margin 40 */
	struct verdict *v = S_scen(fx, "research", 40.0);
	assert_int_equal(v->kind, VERDICT_WINNER);          /* 40 >= 40 */
	S_leaders(d, v, 1, (const char *const[]){ "pt" });

	v = S_scen(fx, "research", 40.5);
	assert_int_equal(v->kind, VERDICT_CLOSE);           /* 40 < 40.5 */
	assert_int_equal(verdict_winner(v), MODEL_NO_INDEX);
	/* leaders: 97.5 - 97.5 = 0 < 40.5, 97.5 - 57.5 = 40 < 40.5,
	 * but 97.5 - 0 = 97.5 is not */
	S_leaders(d, v, 2, (const char *const[]){ "pt", "tf" });
	assert_true(v->has_margin);
	assert_near(v->margin, 40.0);
	assert_non_null(v->contrib);                        /* why still explains */
	assert_false(v->has_critical);                      /* sensitivity is for winners */
	assert_int_equal(v->stability, STABILITY_NONE);
	assert_false(v->has_rating_flip);                   /* and so are rating flips */
	assert_near(v->close_call, 40.5);                   /* the threshold is kept */
	assert_int_equal(v->scenario, model_scenario_ix(d, "research"));
	assert_int_equal(v->profile, MODEL_NO_INDEX);
}

/* Frameworks declared c, a, d, b on a 0..10 scale, one criterion. */
static void test_close_three_leaders(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "c", "a", "d", "b" };
	struct doc *d = S_doc(fx, 4, fw);
	S_numeric(d, "ten", 0, 10, false);
	S_criterion(d, "q", "ten", (const char *const[]){ "5.85", "6", "5", "5.9" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "q", 1);
	struct verdict *v = S_scen(fx, "s", 2.0);

	/* scores 100*v/10: a 60, b 59, c 58.5, d 50 */
	S_ranking(d, v, 4, (const char *const[]){ "a", "b", "c", "d" });
	assert_near(v->margin, 1.0);                        /* 60 - 59 < 2: close */
	assert_int_equal(v->kind, VERDICT_CLOSE);
	/* 60 - 60 = 0, 60 - 59 = 1, 60 - 58.5 = 1.5 are < 2; 60 - 50 = 10 is not.
	 * Leaders in ranking order. */
	S_leaders(d, v, 3, (const char *const[]){ "a", "b", "c" });
}

/* A framework exactly the threshold behind is no leader, even when the
 * subtraction lands one rounding error below the threshold (the same
 * tolerance that lets an exact 2.0 margin make a winner). */
static void test_close_leader_at_threshold(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b", "c" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "pct", 0, 100, false);
	S_criterion(d, "q", "pct", (const char *const[]){ "57", "56", "55" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "q", 1);
	struct profile *p = S_profile(d, "no-b", 1);
	S_use(d, p, "s", 1);
	S_exclude(d, p, "b");

	/* scores 100*(v/100): a 57, b 56, c 55 (in doubles 56.99999999999999
	 * and 55.00000000000001, so a - c computes to 1.9999999999999858) */
	struct verdict *v = S_scen(fx, "s", 2.0);
	assert_true(S_score(d, v, "a") - S_score(d, v, "c") < 2.0);
	assert_near(v->margin, 1.0);                        /* 57 - 56 */
	assert_int_equal(v->kind, VERDICT_CLOSE);
	/* 57 - 57 = 0 < 2, 57 - 56 = 1 < 2, 57 - 55 = 2 is not < 2 */
	S_leaders(d, v, 2, (const char *const[]){ "a", "b" });

	/* without b the margin is 57 - 55 = 2 >= 2: a winner, consistently */
	v = S_prof(fx, "no-b", 2.0);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_near(v->margin, 2.0);
	S_leaders(d, v, 1, (const char *const[]){ "a" });
}

/* ---------------------------------------------------------------------- */
/* Sensitivity */

static void test_sensitivity_moderate(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b" };
	struct doc *d = S_doc(fx, 2, fw);
	S_numeric(d, "eight", 0, 8, false);
	/* u = v/8: p: a 1, b 0.625; q: a 0, b 0.625 (q2, p2 the same, declared
	 * the other way round) */
	S_criterion(d, "p", "eight", (const char *const[]){ "8", "5" });
	S_criterion(d, "q", "eight", (const char *const[]){ "0", "5" });
	S_criterion(d, "q2", "eight", (const char *const[]){ "0", "5" });
	S_criterion(d, "p2", "eight", (const char *const[]){ "8", "5" });
	struct scenario *s = S_scenario(d, "s1");
	S_weight(d, s->weights, &s->nweights, "p", 3);
	S_weight(d, s->weights, &s->nweights, "q", 1);
	s = S_scenario(d, "s2");
	S_weight(d, s->weights, &s->nweights, "p2", 3);
	S_weight(d, s->weights, &s->nweights, "q2", 1);

	/* s1: W p 0.75, q 0.25.  a = 100 (0.75*1) = 75; b = 100 (0.625) = 62.5
	 * D = 0.125.
	 * p: Delta 0.375, R = (0.125 - 0.28125)/0.25 = -0.625,
	 *    x = -0.625/(-0.625 - 0.375) = 0.625, |x - W| = 0.125
	 * q: Delta -0.625, R = (0.125 + 0.15625)/0.75 = 0.375,
	 *    x = 0.375/(0.375 + 0.625) = 0.375, |x - W| = 0.125
	 * An exact tie (all dyadic): the first criterion declared, p.
	 * 12.5 points: moderate (5 <= 12.5 < 15). */
	struct verdict *v = S_scen(fx, "s1", VERDICT_DEFAULT_CLOSE_CALL);
	assert_near(S_score(d, v, "a"), 75.0);
	assert_near(S_score(d, v, "b"), 62.5);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, S_crit(d, "p"));
	assert_int_equal(v->critical.challenger, S_fw(d, "b"));
	assert_near(v->critical.weight, 0.75);
	assert_near(v->critical.tie_weight, 0.625);
	assert_int_equal(v->stability, STABILITY_MODERATE);

	/* s2: the same numbers, but q2 (W 0.25, x 0.375) is declared first */
	v = S_scen(fx, "s2", VERDICT_DEFAULT_CLOSE_CALL);
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, S_crit(d, "q2"));
	assert_near(v->critical.weight, 0.25);
	assert_near(v->critical.tie_weight, 0.375);
	assert_int_equal(v->stability, STABILITY_MODERATE);
}

static void test_sensitivity_challenger_ranking_order(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b1", "b2" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "eight", 0, 8, false);
	/* u: c0: a 1, b1 0, b2 0.5; c1: a 0, b1 1, b2 0.5 */
	S_criterion(d, "c0", "eight", (const char *const[]){ "8", "0", "4" });
	S_criterion(d, "c1", "eight", (const char *const[]){ "0", "8", "4" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "c0", 3);
	S_weight(d, s->weights, &s->nweights, "c1", 1);
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);

	/* W 0.75, 0.25.  a = 75; b1 = 25; b2 = 100 (0.375 + 0.125) = 50.
	 * Ranking a, b2, b1 (b2 declared after b1). */
	S_ranking(d, v, 3, (const char *const[]){ "a", "b2", "b1" });
	assert_near(v->margin, 25.0);
	/* b2's Deltas (0.5, -0.5) are half b1's (1, -1): the same tie weights.
	 * c0, b2: D = 0.25, R = (0.25 - 0.375)/0.25 = -0.5, x = -0.5/-1 = 0.5
	 * c0, b1: D = 0.5, R = (0.5 - 0.75)/0.25 = -1, x = -1/-2 = 0.5
	 * c1, b2: R = (0.25 + 0.125)/0.75 = 0.5, x = 0.5/1 = 0.5
	 * c1, b1: R = (0.5 + 0.25)/0.75 = 1, x = 1/2 = 0.5
	 * |x - W| = 0.25 for all four: criteria in declaration order (c0),
	 * then challengers in ranking order (b2, though b1 is declared
	 * first).  25 points: robust. */
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, S_crit(d, "c0"));
	assert_int_equal(v->critical.challenger, S_fw(d, "b2"));
	assert_near(v->critical.weight, 0.75);
	assert_near(v->critical.tie_weight, 0.5);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_sensitivity_same_rating_skipped(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b1", "b2" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "eight", 0, 8, false);
	/* u: c0: a 1, b1 0.5, b2 1; c1: a 0.5, b1 1, b2 0 */
	S_criterion(d, "c0", "eight", (const char *const[]){ "8", "4", "8" });
	S_criterion(d, "c1", "eight", (const char *const[]){ "4", "8", "0" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "c0", 3);
	S_weight(d, s->weights, &s->nweights, "c1", 1);
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);

	/* W 0.75, 0.25.  a = 87.5; b1 = 62.5; b2 = 75.  Ranking a, b2, b1.
	 * c0, b2: Delta 0: skipped (SPEC 6.1).  It would give R = 0.5, x = 1,
	 *         |x - W| = 0.25 and, first in both orders, be critical.
	 * c0, b1: Delta 0.5, D = 0.25, R = (0.25 - 0.375)/0.25 = -0.5,
	 *         x = -0.5/(-0.5 - 0.5) = 0.5, |x - W| = 0.25
	 * c1, b2: R = 0, x = 0; c1, b1: x = 0.5; |x - W| = 0.25 both.
	 * c0 comes first, and of its pairs only b1's is left. */
	S_ranking(d, v, 3, (const char *const[]){ "a", "b2", "b1" });
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, S_crit(d, "c0"));
	assert_int_equal(v->critical.challenger, S_fw(d, "b1"));
	assert_near(v->critical.weight, 0.75);
	assert_near(v->critical.tie_weight, 0.5);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_sensitivity_same_rating_only_pair(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b" };
	struct doc *d = S_doc(fx, 2, fw);
	S_numeric(d, "eight", 0, 8, false);
	/* u: c0 a 1, b 1; c1 and c2 a 1, b 0 */
	S_criterion(d, "c0", "eight", (const char *const[]){ "8", "8" });
	S_criterion(d, "c1", "eight", (const char *const[]){ "8", "0" });
	S_criterion(d, "c2", "eight", (const char *const[]){ "8", "0" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "c0", 14);
	S_weight(d, s->weights, &s->nweights, "c1", 1);
	S_weight(d, s->weights, &s->nweights, "c2", 1);
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);

	/* W 0.875, 0.0625, 0.0625.  a = 100, b = 87.5, margin 12.5.
	 * c0: Delta 0: skipped (SPEC 6.1; before, x = 1, 12.5 points: moderate).
	 * c1, c2: Delta 1, D = 0.125, R = (0.125 - 0.0625)/0.9375 = 1/15,
	 *         x = R/(R - 1) < 0, no.
	 * No pair is left: no critical pair, robust. */
	assert_near(v->margin, 12.5);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_false(v->has_critical);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_sensitivity_fragile(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b" };
	struct doc *d = S_doc(fx, 2, fw);
	S_numeric(d, "ten", 0, 10, false);
	/* u = v/10: c0 a 1, b 0; c1 a 0, b 1; c2 a 0.5, b 0.6 */
	S_criterion(d, "c0", "ten", (const char *const[]){ "10", "0" });
	S_criterion(d, "c1", "ten", (const char *const[]){ "0", "10" });
	S_criterion(d, "c2", "ten", (const char *const[]){ "5", "6" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "c0", 50);
	S_weight(d, s->weights, &s->nweights, "c1", 49);
	S_weight(d, s->weights, &s->nweights, "c2", 1);
	s = S_scenario(d, "s-1pt");
	S_weight(d, s->weights, &s->nweights, "c0", 49);
	S_weight(d, s->weights, &s->nweights, "c1", 49);
	S_weight(d, s->weights, &s->nweights, "c2", 1);
	struct verdict *v = S_scen(fx, "s", 0.5);

	/* W 0.5, 0.49, 0.01.  a = 100 (0.5 + 0.005) = 50.5;
	 * b = 100 (0.49 + 0.006) = 49.6; margin 0.9 >= 0.5: winner a.
	 * D = 0.5 - 0.49 - 0.001 = 0.009
	 * c0: Delta 1, R = (0.009 - 0.5)/0.5 = -0.982, x = 0.982/1.982 = 491/991
	 *     = 0.495459.., |x - W| = 0.5 - 491/991 = 4.5/991 = 0.0045409
	 * c1: Delta -1, R = (0.009 + 0.49)/0.51, x = 0.499/1.009 = 0.494549..,
	 *     |x - W| = 0.0045491
	 * c2: Delta -0.1, R = 0.01/0.99, x = 0.01/0.109 = 0.0917, |x - W| = 0.0817
	 * critical (c0, b), 0.45 points: fragile. */
	assert_near(S_score(d, v, "a"), 50.5);
	assert_near(S_score(d, v, "b"), 49.6);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_true(v->has_critical);
	assert_int_equal(v->critical.criterion, S_crit(d, "c0"));
	assert_int_equal(v->critical.challenger, S_fw(d, "b"));
	assert_near(v->critical.weight, 0.5);
	assert_near(v->critical.tie_weight, 491.0 / 991.0);
	assert_int_equal(v->stability, STABILITY_FRAGILE);

	/* One point off c0's 50 flips it: total 99,
	 * a = 100 (49 + 0.5)/99 = 50, b = 100 (49 + 0.6)/99 = 4960/99 = 50.1010.. */
	v = S_scen(fx, "s-1pt", 0.5);
	assert_near(S_score(d, v, "a"), 50.0);
	assert_near(S_score(d, v, "b"), 4960.0 / 99.0);
	assert_int_equal(v->ranking[0].framework, S_fw(d, "b"));
}

static void test_sensitivity_robust_no_critical(void **state)
{
	struct fixture *fx = *state;
	S_base(fx);
	struct verdict *v = S_scen(fx, "research", VERDICT_DEFAULT_CLOSE_CALL);
	/* W gpu 0.75, lat 0.25; pt leads everyone on both.
	 * B = tf: D = 0.375 + 0.025 = 0.4
	 *   gpu: Delta 0.5, R = (0.4 - 0.375)/0.25 = 0.1, x = 0.1/(0.1 - 0.5) = -0.25, no
	 *   lat: Delta 0.1, R = (0.4 - 0.025)/0.75 = 0.5, x = 0.5/0.4 = 1.25, no
	 * B = jx: D = 0.75 + 0.225 = 0.975
	 *   gpu: Delta 1, R = 0.225/0.25 = 0.9, x = 0.9/(-0.1) = -9, no
	 *   lat: Delta 0.9, R = 0.75/0.75 = 1, x = 1/0.1 = 10, no
	 * No weight can flip it: no critical pair, robust. */
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_false(v->has_critical);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

static void test_sensitivity_full_weight(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct scenario *s = S_scenario(d, "only-gpu");
	S_weight(d, s->weights, &s->nweights, "gpu", 1);
	struct verdict *v = S_scen(fx, "only-gpu", VERDICT_DEFAULT_CLOSE_CALL);
	/* W gpu 1, every other 0: pt 100, tf 50, jx 0, margin 50.
	 * gpu is out (W = 1, nothing to rescale), and so is every W = 0
	 * criterion; had thr counted: Delta(pt, tf) = 0.125 - 0.75 = -0.625,
	 * R = D = 0.5, x = 0.5/1.125 = 0.444 would have been critical. */
	assert_near(v->weights[S_crit(d, "gpu")], 1.0);
	assert_near(v->margin, 50.0);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_false(v->has_critical);
	assert_int_equal(v->stability, STABILITY_ROBUST);
}

/* ---------------------------------------------------------------------- */
/* Strengths and names */

static void test_strengths(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b", "c" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "four", 0, 4, false);
	/* u = v/4        a     b     c     a's lead over the best other */
	S_criterion(d, "c0", "four", (const char *const[]){ "2", "1", "0" });  /* .5-.25  = .25 */
	S_criterion(d, "c1", "four", (const char *const[]){ "3", "1", "0" });  /* .75-.25 = .5  */
	S_criterion(d, "c2", "four", (const char *const[]){ "1", "0", "1" });  /* .25-.25 = 0   */
	S_criterion(d, "c3", "four", (const char *const[]){ "4", "2", "0" });  /* 1-.5    = .5  */
	S_criterion(d, "c4", "four", (const char *const[]){ "2", "2", "0" });  /* .5-.5   = 0   */
	S_criterion(d, "c5", "four", (const char *const[]){ "0", "4", "0" });  /* 0-1     = -1  */
	S_criterion(d, "c6", "four", (const char *const[]){ "3", "2", "0" });  /* .75-.5  = .25 */
	const double *u = verdict_normalise(d, fx->a);
	size_t out[8];

	/* a: c1, c3 (0.5, declaration order), then c0, c6 (0.25) */
	assert_int_equal(verdict_strengths(d, u, 0, out, 8), 4);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	assert_int_equal(out[2], 0);
	assert_int_equal(out[3], 6);
	/* at most 3: c6 drops; at most 2: c0 too (c3 displaces it) */
	assert_int_equal(verdict_strengths(d, u, 0, out, 3), 3);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	assert_int_equal(out[2], 0);
	assert_int_equal(verdict_strengths(d, u, 0, out, 2), 2);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	assert_int_equal(verdict_strengths(d, u, 0, out, 0), 0);
	/* b leads only on c5, by 1 - 0 = 1; c ties a on c2, so leads nowhere */
	assert_int_equal(verdict_strengths(d, u, 1, out, 3), 1);
	assert_int_equal(out[0], 5);
	assert_int_equal(verdict_strengths(d, u, 2, out, 3), 0);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(verdict_kind_name(VERDICT_WINNER), "winner");
	assert_string_equal(verdict_kind_name(VERDICT_CLOSE), "close");
	assert_string_equal(verdict_kind_name(VERDICT_NONE), "none");
	assert_string_equal(verdict_stability_name(STABILITY_ROBUST), "robust");
	assert_string_equal(verdict_stability_name(STABILITY_MODERATE), "moderate");
	assert_string_equal(verdict_stability_name(STABILITY_FRAGILE), "fragile");
	assert_null(verdict_stability_name(STABILITY_NONE));
}

/* ---------------------------------------------------------------------- */
/* The why in order */

static void test_reasons(void **state)
{
	struct fixture *fx = *state;
	static const char *const fw[] = { "a", "b" };
	struct doc *d = S_doc(fx, 2, fw);
	S_numeric(d, "ten", 0, 10, false);
	/* u = v/10:           a     b */
	S_criterion(d, "c0", "ten", (const char *const[]){ "10", "0" });   /* 1    0   */
	S_criterion(d, "c1", "ten", (const char *const[]){ "5", "0" });    /* 0.5  0   */
	S_criterion(d, "c2", "ten", (const char *const[]){ "0", "5" });    /* 0    0.5 */
	S_criterion(d, "c3", "ten", (const char *const[]){ "10", "5" });   /* 1    0.5 */
	S_criterion(d, "c4", "ten", (const char *const[]){ "3", "3" });    /* 0.3  0.3 */
	struct scenario *s = S_scenario(d, "s");
	for (size_t c = 0; c < 5; c++)
		S_weight(d, s->weights, &s->nweights, d->criteria[c].id, 1);
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);

	/* W 0.2 each; contributions 100 * 0.2 * (u(a) - u(b)) = 20 (u(a) - u(b)):
	 * c0 20, c1 10, c2 -10, c3 10, c4 0; margin 30 = a 60 - b 30 */
	assert_near(v->margin, 30.0);
	size_t out[5];
	/* a's reasons: c0 (20), then c1 and c3 (10 each, declaration order);
	 * c4's 0 is nobody's reason */
	assert_int_equal(verdict_reasons(v, true, out, 5), 3);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 3);
	assert_int_equal(verdict_reasons(v, true, out, 2), 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	/* b's strengths: c2 (-10) only */
	assert_int_equal(verdict_reasons(v, false, out, 5), 1);
	assert_int_equal(out[0], 2);
	assert_int_equal(verdict_reasons(v, false, out, 0), 0);
}

static void test_reasons_without_margin(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "only-jx", 1);
	S_use(d, p, "research", 1);
	S_require(d, p->requires, &p->nrequires, "thr", "900", NULL);
	struct verdict *v = S_prof(fx, "only-jx", VERDICT_DEFAULT_CLOSE_CALL);
	/* one qualified framework: no second, no why */
	size_t out[4];
	assert_false(v->has_margin);
	assert_int_equal(verdict_reasons(v, true, out, 4), 0);
	assert_int_equal(verdict_reasons(v, false, out, 4), 0);
}

/* ---------------------------------------------------------------------- */
/* Unknown ratings at their extremes */

static void test_unknowns_hold(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct verdict *v = S_scen(fx, "research", VERDICT_DEFAULT_CLOSE_CALL);

	/* research: W gpu 0.75, lat 0.25; pt 97.5, tf 57.5, jx 0.  The one
	 * unknown that counts is jx's lat.  First: pt.
	 * Worst case for pt: jx's lat at u = 1: jx = 100 (0 + 0.25) = 25;
	 * pt still wins by 40.  Best case: pt has no unknowns, the others'
	 * stay at 0: as now.  Holds. */
	assert_int_equal(v->unknowns.count, 1);
	assert_true(v->unknowns.holds);
	assert_int_equal(v->unknowns.worst_kind, VERDICT_WINNER);
	assert_int_equal(v->unknowns.worst_winner, S_fw(d, "pt"));
	assert_int_equal(v->unknowns.best_kind, VERDICT_WINNER);
	assert_int_equal(v->unknowns.best_winner, S_fw(d, "pt"));

	/* reading weighs docs only and requires nothing: jx's unknown lat
	 * cannot matter */
	v = S_scen(fx, "reading", VERDICT_DEFAULT_CLOSE_CALL);
	assert_int_equal(v->unknowns.count, 0);
	assert_true(v->unknowns.holds);
	assert_int_equal(v->unknowns.worst_winner, S_fw(d, "tf"));
}

/* lvl: lo 0, mid 1, hi 2 (u = score/2); ten: 0..10 (u = v/10). */
static struct doc *S_unknown_doc(struct fixture *fx, const char *const p[],
                                 const char *const q[])
{
	static const char *const fw[] = { "a", "b" };
	static const char *const lv[] = { "lo", "mid", "hi" };
	static const double score[] = { 0, 1, 2 };
	struct doc *d = S_doc(fx, 2, fw);
	S_numeric(d, "ten", 0, 10, false);
	S_ordinal(d, "lvl", 3, lv, score);
	S_criterion(d, "p", "ten", p);
	S_criterion(d, "q", "lvl", q);
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "p", 1);
	S_weight(d, s->weights, &s->nweights, "q", 1);
	return d;
}

static void test_unknowns_change_the_winner(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_unknown_doc(fx, (const char *const[]){ "8", "6" },
	                              (const char *const[]){ "mid", "unknown" });
	struct scenario *s = S_scenario(d, "s-req");
	S_weight(d, s->weights, &s->nweights, "p", 1);
	S_weight(d, s->weights, &s->nweights, "q", 1);
	S_require(d, s->requires, &s->nrequires, "q", "mid", NULL);
	struct profile *pr = S_profile(d, "no-b", 1);
	S_use(d, pr, "s", 1);
	S_exclude(d, pr, "b");
	size_t a = S_fw(d, "a"), b = S_fw(d, "b");

	/* s: W 0.5, 0.5.  a = 100 (0.5*0.8 + 0.5*0.5) = 65,
	 * b = 100 (0.5*0.6 + 0.5*0) = 30: a wins by 35.
	 * Worst case for a: b's q at 1: b = 30 + 50 = 80 > 65, b wins by 15.
	 * Best case: a has no unknowns, b's stays 0: a. */
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);
	assert_int_equal(verdict_winner(v), a);
	assert_int_equal(v->unknowns.count, 1);
	assert_false(v->unknowns.holds);
	assert_int_equal(v->unknowns.worst_kind, VERDICT_WINNER);
	assert_int_equal(v->unknowns.worst_winner, b);
	assert_int_equal(v->unknowns.best_kind, VERDICT_WINNER);
	assert_int_equal(v->unknowns.best_winner, a);

	/* s-req: b's unknown q fails q >= mid, so a alone qualifies.  In the
	 * worst case b's q meets the require and scores 80: b wins. */
	v = S_scen(fx, "s-req", VERDICT_DEFAULT_CLOSE_CALL);
	S_reasons(S_entry(d, v, "b"), 1, (const char *const[]){ "require:q>=mid" });
	assert_int_equal(verdict_winner(v), a);
	assert_false(v->has_margin);
	assert_false(v->unknowns.holds);
	assert_int_equal(v->unknowns.worst_winner, b);
	assert_int_equal(v->unknowns.best_winner, a);

	/* no-b: b is excluded whatever its ratings: nothing unknown counts */
	v = S_prof(fx, "no-b", VERDICT_DEFAULT_CLOSE_CALL);
	assert_int_equal(v->unknowns.count, 0);
	assert_true(v->unknowns.holds);
	assert_int_equal(v->unknowns.worst_winner, a);
}

static void test_unknowns_close_call(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_unknown_doc(fx, (const char *const[]){ "5", "4.9" },
	                              (const char *const[]){ "unknown", "lo" });
	size_t a = S_fw(d, "a");
	struct verdict *v = S_scen(fx, "s", VERDICT_DEFAULT_CLOSE_CALL);

	/* a = 100 (0.5*0.5 + 0) = 25, b = 100 (0.5*0.49 + 0) = 24.5:
	 * margin 0.5 < 2, close.  First: a.
	 * Best case for a: its q at 1: a = 75, a wins by 50.5.
	 * Worst case: a's q stays 0, b has no unknowns: still close. */
	assert_int_equal(v->kind, VERDICT_CLOSE);
	assert_int_equal(v->unknowns.count, 1);
	assert_int_equal(v->unknowns.best_kind, VERDICT_WINNER);
	assert_int_equal(v->unknowns.best_winner, a);
	assert_int_equal(v->unknowns.worst_kind, VERDICT_CLOSE);
	assert_int_equal(v->unknowns.worst_winner, MODEL_NO_INDEX);
	assert_false(v->unknowns.holds);
	assert_false(v->has_rating_flip);       /* not a winner */
}

/* ---------------------------------------------------------------------- */
/* The smallest rating change that flips the verdict */

/* five: levels written l2, l0, l4, l1, l3 with scores 2, 0, 4, 1, 3, so
 * that one step means the next score, not the next level written; u =
 * score/4.
 *          a    b
 *   c1     l4   l3      s weighs c1 5, c2 3, c3 2 (W 0.5, 0.3, 0.2)
 *   c2     l2   l3
 *   c3     l2   l1
 *   c4     l2   l4      not weighed; s-req requires c4 >= l2 */
static struct doc *S_flip_doc(struct fixture *fx)
{
	static const char *const fw[] = { "a", "b" };
	static const char *const lv[] = { "l2", "l0", "l4", "l1", "l3" };
	static const double score[] = { 2, 0, 4, 1, 3 };
	struct doc *d = S_doc(fx, 2, fw);
	S_ordinal(d, "five", 5, lv, score);
	S_criterion(d, "c1", "five", (const char *const[]){ "l4", "l3" });
	S_criterion(d, "c2", "five", (const char *const[]){ "l2", "l3" });
	S_criterion(d, "c3", "five", (const char *const[]){ "l2", "l1" });
	S_criterion(d, "c4", "five", (const char *const[]){ "l2", "l4" });
	static const char *const sid[] = { "s", "s-req" };
	for (size_t i = 0; i < 2; i++) {
		struct scenario *s = S_scenario(d, sid[i]);
		S_weight(d, s->weights, &s->nweights, "c1", 5);
		S_weight(d, s->weights, &s->nweights, "c2", 3);
		S_weight(d, s->weights, &s->nweights, "c3", 2);
		if (i == 1)
			S_require(d, s->requires, &s->nrequires, "c4", "l2", NULL);
	}
	return d;
}

static size_t S_level(const struct doc *d, size_t c, const char *id)
{
	size_t l = model_level_ix(&d->scales[d->criteria[c].scale_ix], id);
	assert_true(l != MODEL_NO_INDEX);
	return l;
}

static void test_rating_flip_smallest(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_flip_doc(fx);
	size_t a = S_fw(d, "a"), c2 = S_crit(d, "c2");
	struct verdict *v = S_scen(fx, "s", 4.0);

	/* a = 100 (0.5*1 + 0.3*0.5 + 0.2*0.5) = 75
	 * b = 100 (0.5*0.75 + 0.3*0.75 + 0.2*0.25) = 65; margin 10 >= 4.
	 * One level is 0.25 of u: 12.5 points on c1, 7.5 on c2, 5 on c3.
	 *   c1: a down (62.5 vs 65) or b up (77.5 vs 75): 2.5 apart, close
	 *   c2: a down (67.5 vs 65) or b up (72.5 vs 75): 2.5 apart, close
	 *   c3: a down (70 vs 65) or b up (70 vs 75): 5 apart, a still wins
	 *   c4: weighs nothing and nothing requires it
	 * Smallest: 7.5 on c2 (not c1, though declared first); a before b in
	 * ranking order: a's c2 from l2 to l1 (score 2 to 1). */
	assert_near(S_score(d, v, "a"), 75.0);
	assert_near(S_score(d, v, "b"), 65.0);
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_true(v->has_rating_flip);
	const struct rating_flip *rf = &v->rating_flip;
	assert_int_equal(rf->framework, a);
	assert_int_equal(rf->criterion, c2);
	assert_int_equal(rf->from_level, S_level(d, c2, "l2"));
	assert_int_equal(rf->to_level, S_level(d, c2, "l1"));
	assert_near(rf->score_change, -7.5);
	assert_false(rf->qualification_changed);
	assert_int_equal(rf->kind, VERDICT_CLOSE);
	assert_int_equal(rf->winner, MODEL_NO_INDEX);

	/* Applied, it really makes a close call: 67.5 vs 65 */
	struct criterion *cr = &d->criteria[c2];
	S_rate(d, cr, &cr->ratings[cr->rating_of[a]], "l1");
	v = S_scen(fx, "s", 4.0);
	assert_near(S_score(d, v, "a"), 67.5);
	assert_int_equal(v->kind, VERDICT_CLOSE);
}

static void test_rating_flip_by_qualification(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_flip_doc(fx);
	size_t a = S_fw(d, "a"), c4 = S_crit(d, "c4");
	struct verdict *v = S_scen(fx, "s-req", 4.0);

	/* As s, and both meet c4 >= l2 (a exactly).  a's c4 one level down
	 * (l2 to l1) fails it: b alone qualifies and wins.  c4 weighs
	 * nothing, so the score change is 0, the smallest there can be. */
	assert_int_equal(verdict_winner(v), a);
	assert_true(v->has_rating_flip);
	const struct rating_flip *rf = &v->rating_flip;
	assert_int_equal(rf->framework, a);
	assert_int_equal(rf->criterion, c4);
	assert_int_equal(rf->from_level, S_level(d, c4, "l2"));
	assert_int_equal(rf->to_level, S_level(d, c4, "l1"));
	assert_near(rf->score_change, 0.0);
	assert_true(rf->qualification_changed);
	assert_int_equal(rf->kind, VERDICT_WINNER);
	assert_int_equal(rf->winner, S_fw(d, "b"));
}

static void test_rating_flip_none(void **state)
{
	struct fixture *fx = *state;
	S_base(fx);
	struct verdict *v = S_scen(fx, "research", VERDICT_DEFAULT_CLOSE_CALL);
	/* W gpu 0.75, lat 0.25 (numeric: no levels); pt 97.5, tf 57.5, jx 0.
	 * quality's scores: limited 1, fair 2, good 3, excellent 5 (m 1, M 5).
	 *   pt gpu down, excellent to good (u 0.5): pt = 100 (0.375 + 0.225)
	 *     = 60, still 2.5 ahead of tf
	 *   tf gpu up, good to excellent: tf = 100 (0.75 + 0.2) = 95, 2.5 behind
	 *   jx gpu up, limited to fair (u 0.25): 18.75
	 * None flips it. */
	assert_int_equal(v->kind, VERDICT_WINNER);
	assert_false(v->has_rating_flip);
	/* with threshold 3, the first two make it a close call; pt's comes
	 * first (ranking order) and both change 37.5 points */
	v = S_scen(fx, "research", 3.0);
	assert_true(v->has_rating_flip);
	assert_int_equal(v->rating_flip.framework, S_fw(fx->doc, "pt"));
	assert_near(v->rating_flip.score_change, -37.5);
	assert_int_equal(v->rating_flip.kind, VERDICT_CLOSE);
}

/* ---------------------------------------------------------------------- */
/* Properties over random documents */

struct rng {
	uint64_t s;
};

/* splitmix64: the same sequence on every platform */
static uint64_t S_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t S_below(struct rng *r, size_t n)
{
	return (size_t)(S_next(r) % n);
}

static double S_unit(struct rng *r)
{
	return (double)(S_next(r) >> 11) / 9007199254740992.0;   /* [0, 1) */
}

/* A random rating, as written, on scale s; unknown one time in eight. */
static const char *S_random_raw(struct doc *d, const struct scale *s, struct rng *r)
{
	if (S_below(r, 8) == 0)
		return "unknown";
	if (s->kind == SCALE_ORDINAL)
		return s->levels[S_below(r, s->nlevels)].id;
	return arena_printf(d->arena, "%.6f", s->min + (s->max - s->min) * S_unit(r));
}

static void S_random_weights(struct doc *d, struct weight *w, size_t *n, struct rng *r)
{
	for (size_t c = 0; c < d->ncriteria; c++)
		if (S_below(r, 3) != 0)
			S_weight(d, w, n, d->criteria[c].id, (double)S_below(r, 11));
	double total = 0;
	for (size_t i = 0; i < *n; i++)
		total += w[i].value;
	if (total == 0) {
		*n = 0;
		S_weight(d, w, n, d->criteria[S_below(r, d->ncriteria)].id, 1 + S_unit(r));
	}
}

/* A require on a random criterion: a random level as min on an ordinal
 * scale; on a numeric one a min, a max or both, inside the scale. */
static void S_random_require(struct doc *d, struct require *rq, size_t *n, struct rng *r)
{
	const struct criterion *cr = &d->criteria[S_below(r, d->ncriteria)];
	const struct scale *s = &d->scales[cr->scale_ix];
	if (s->kind == SCALE_ORDINAL) {
		S_require(d, rq, n, cr->id, s->levels[S_below(r, s->nlevels)].id, NULL);
		return;
	}
	double x = s->min + (s->max - s->min) * S_unit(r);
	double y = s->min + (s->max - s->min) * S_unit(r);
	size_t which = S_below(r, 3);          /* 0 min, 1 max, 2 both */
	const char *lo = which != 1 ? arena_printf(d->arena, "%.3f", fmin(x, y)) : NULL;
	const char *hi = which != 0 ? arena_printf(d->arena, "%.3f", fmax(x, y)) : NULL;
	S_require(d, rq, n, cr->id, lo, hi);
}

/* 2-6 frameworks, 1-8 criteria on scales of their own, 1-3 scenarios and
 * one profile mixing them, with own weights half the time, a require in
 * a scenario one time in three and in the profile one time in four, and
 * an exclude one time in five. */
static struct doc *S_random_doc(struct fixture *fx, struct rng *r)
{
	struct doc *d = S_doc(fx, 2 + S_below(r, 5), NULL);
	size_t nc = 1 + S_below(r, 8);
	for (size_t c = 0; c < nc; c++) {
		const char *sid = arena_printf(d->arena, "s%zu", c);
		if (S_below(r, 2) == 0) {
			const char *lv[5];
			double sc[5];
			size_t n = 2 + S_below(r, 4);
			for (size_t i = 0; i < n; i++) {
				lv[i] = arena_printf(d->arena, "l%zu", i);
				sc[i] = (double)S_below(r, 21) - 5;
			}
			if (sc[0] == sc[1])
				sc[1] = sc[0] + 1;       /* min < max */
			S_ordinal(d, sid, n, lv, sc);
		} else {
			double min = -50 + 100 * S_unit(r);
			S_numeric(d, sid, min, min + 1 + 99 * S_unit(r), S_below(r, 2) == 0);
		}
		const char *raw[6];
		for (size_t f = 0; f < d->nframeworks; f++)
			raw[f] = S_random_raw(d, &d->scales[c], r);
		S_criterion(d, arena_printf(d->arena, "c%zu", c), sid, raw);
	}
	size_t ns = 1 + S_below(r, 3);
	for (size_t i = 0; i < ns; i++) {
		struct scenario *s = S_scenario(d, arena_printf(d->arena, "sc%zu", i));
		S_random_weights(d, s->weights, &s->nweights, r);
		if (S_below(r, 3) == 0)
			S_random_require(d, s->requires, &s->nrequires, r);
	}
	struct profile *p = S_profile(d, "p", 3 * S_unit(r));
	double shares = 0;
	for (size_t i = 0; i < ns; i++) {
		if (i > 0 && S_below(r, 4) == 0)
			continue;
		double share = S_below(r, 5) == 0 ? 0 : 5 * S_unit(r);
		S_use(d, p, d->scenarios[i].id, share);
		shares += share;
	}
	if (S_below(r, 2) == 0) {
		S_random_weights(d, p->weights, &p->nweights, r);
		shares += p->own_share;
	}
	if (shares == 0)
		p->uses[0].share = 1;        /* the checker rejects a mix of 0 */
	if (S_below(r, 4) == 0)
		S_random_require(d, p->requires, &p->nrequires, r);
	if (S_below(r, 5) == 0)
		S_exclude(d, p, d->frameworks[S_below(r, d->nframeworks)].id);
	return d;
}

/* 100 * sum W u for framework f under weights W. */
static double S_score_with(const struct doc *d, const double *u, const double *W, size_t f)
{
	double s = 0;
	for (size_t c = 0; c < d->ncriteria; c++)
		s += W[c] * u[c * d->nframeworks + f];
	return 100 * s;
}

/* Improves framework f's rating on criterion c (returns false when it is
 * already the best it can be). */
static bool S_improve(struct doc *d, size_t c, size_t f, struct rng *r)
{
	struct criterion *cr = &d->criteria[c];
	const struct scale *s = &d->scales[cr->scale_ix];
	struct rating *rt = &cr->ratings[cr->rating_of[f]];
	if (s->kind == SCALE_ORDINAL) {
		size_t better[5], n = 0;
		for (size_t i = 0; i < s->nlevels; i++)
			if (rt->unknown || s->levels[i].score > s->levels[rt->level_ix].score)
				better[n++] = i;
		if (n == 0)
			return false;
		S_rate(d, cr, rt, s->levels[better[S_below(r, n)]].id);
		return true;
	}
	double best = s->lower_better ? s->min : s->max;
	double v = rt->unknown ? s->min + (s->max - s->min) * S_unit(r) : rt->value;
	rt->unknown = false;
	rt->value = v + (best - v) * S_unit(r);
	return true;
}

/* The level one score step up (or down) from level i: the next score,
 * the first declared among equal ones; MODEL_NO_INDEX at the end. */
static size_t S_next_level(const struct scale *s, size_t i, bool up)
{
	size_t best = MODEL_NO_INDEX;
	for (size_t k = 0; k < s->nlevels; k++) {
		double x = s->levels[k].score, at = s->levels[i].score;
		bool beyond = up ? x > at : x < at;
		bool nearer = best == MODEL_NO_INDEX ||
		              (up ? x < s->levels[best].score : x > s->levels[best].score);
		if (beyond && nearer)
			best = k;
	}
	return best;
}

/* The profile verdict of the doc as it is now, computed from scratch. */
static struct verdict *S_recompute(struct fixture *fx, double close_call)
{
	return verdict_profile(fx->doc, verdict_normalise(fx->doc, fx->a), 0, close_call, fx->a);
}

/* Brute force: every one-level change of every ordinal rating, each
 * applied to the doc and judged from scratch.  The verdict's rating flip
 * must change the winner, as it says; no change may flip the verdict with
 * a smaller score change, nor an earlier one (criteria, then ranking
 * order, then down before up) with a change as small.  Returns whether
 * there was a flip. */
static bool S_check_rating_flip(struct fixture *fx, const struct verdict *v, double close_call)
{
	struct doc *d = fx->doc;
	const struct rating_flip *rf = &v->rating_flip;
	size_t winner = verdict_winner(v);
	double smallest = INFINITY;
	bool chosen_seen = false;
	for (size_t c = 0; c < d->ncriteria; c++) {
		struct criterion *cr = &d->criteria[c];
		const struct scale *s = &d->scales[cr->scale_ix];
		if (s->kind != SCALE_ORDINAL)
			continue;
		for (size_t k = 0; k < v->nframeworks; k++) {
			size_t f = v->ranking[k].framework;
			struct rating *rt = &cr->ratings[cr->rating_of[f]];
			for (int up = 0; up < 2 && !rt->unknown; up++) {
				size_t from = rt->level_ix, to = S_next_level(s, from, up == 1);
				if (to == MODEL_NO_INDEX)
					continue;
				rt->level_ix = to;
				struct verdict *v2 = S_recompute(fx, close_call);
				rt->level_ix = from;
				const struct ranked *before = NULL, *after = NULL;
				for (size_t j = 0; j < v->nframeworks; j++) {
					if (v->ranking[j].framework == f)
						before = &v->ranking[j];
					if (v2->ranking[j].framework == f)
						after = &v2->ranking[j];
				}
				double change = after->score - before->score;
				bool flips = verdict_winner(v2) != winner;
				bool chosen = v->has_rating_flip && rf->framework == f &&
				              rf->criterion == c && rf->to_level == to;
				if (chosen) {
					assert_true(flips);
					assert_int_equal(rf->from_level, from);
					assert_near(rf->score_change, change);
					assert_int_equal(rf->kind, v2->kind);
					assert_int_equal(rf->winner, verdict_winner(v2));
					assert_int_equal(rf->qualification_changed,
					                 before->qualified != after->qualified);
					chosen_seen = true;
				}
				if (!flips)
					continue;
				smallest = fmin(smallest, fabs(change));
				assert_true(v->has_rating_flip);
				if (!chosen_seen)
					assert_false(fabs(change) < fabs(rf->score_change) - 1e-9);
			}
		}
	}
	assert_int_equal(chosen_seen, v->has_rating_flip);
	if (v->has_rating_flip)
		assert_true(fabs(rf->score_change) <= smallest + 1e-9);
	return v->has_rating_flip;
}

/* Unknowns: with none that can matter the verdict holds and both cases
 * are the verdict itself; a winner is its own best case; and when a
 * winner holds, random values for every unknown rating keep it.  Returns
 * whether the last was tried. */
static bool S_check_unknowns(struct fixture *fx, struct rng *r, const struct verdict *v,
                             double close_call)
{
	struct doc *d = fx->doc;
	const struct unknowns *uk = &v->unknowns;
	size_t winner = verdict_winner(v);
	if (uk->count == 0) {
		assert_true(uk->holds);
		assert_int_equal(uk->best_kind, v->kind);
		assert_int_equal(uk->worst_kind, v->kind);
		assert_int_equal(uk->best_winner, winner);
		assert_int_equal(uk->worst_winner, winner);
	}
	if (v->kind == VERDICT_WINNER)
		assert_int_equal(uk->best_winner, winner);
	assert_int_equal(uk->holds, uk->best_kind == v->kind && uk->worst_kind == v->kind &&
	                            uk->best_winner == winner && uk->worst_winner == winner);
	if (!(uk->holds && v->kind == VERDICT_WINNER && uk->count > 0))
		return false;
	for (int tries = 0; tries < 4; tries++) {
		struct rating saved[CAP * 6];
		size_t n = 0;
		for (size_t c = 0; c < d->ncriteria; c++) {
			struct criterion *cr = &d->criteria[c];
			const struct scale *s = &d->scales[cr->scale_ix];
			for (size_t i = 0; i < cr->nratings; i++) {
				struct rating *rt = &cr->ratings[i];
				saved[n++] = *rt;
				if (!rt->unknown)
					continue;
				if (s->kind == SCALE_ORDINAL) {
					S_rate(d, cr, rt, s->levels[S_below(r, s->nlevels)].id);
				} else {
					rt->unknown = false;
					rt->value = s->min + (s->max - s->min) * S_unit(r);
				}
			}
		}
		struct verdict *v2 = S_recompute(fx, close_call);
		assert_int_equal(v2->kind, VERDICT_WINNER);
		assert_int_equal(verdict_winner(v2), winner);
		n = 0;
		for (size_t c = 0; c < d->ncriteria; c++)
			for (size_t i = 0; i < d->criteria[c].nratings; i++)
				d->criteria[c].ratings[i] = saved[n++];
	}
	return true;
}

/* The why lists every contribution beyond VERDICT_SCORE_EPS, on its side,
 * largest first. */
static void S_check_reasons(const struct verdict *v)
{
	size_t out[CAP];
	for (int side = 0; side < 2; side++) {
		size_t n = verdict_reasons(v, side == 0, out, CAP), want = 0;
		double sign = side == 0 ? 1 : -1;
		for (size_t c = 0; v->has_margin && c < v->ncriteria; c++)
			want += sign * v->contrib[c] > VERDICT_SCORE_EPS;
		assert_int_equal(n, want);
		for (size_t i = 0; i < n; i++) {
			assert_true(sign * v->contrib[out[i]] > VERDICT_SCORE_EPS);
			if (i > 0)
				assert_true(sign * v->contrib[out[i]] <= sign * v->contrib[out[i - 1]]);
		}
	}
}

/* Acceptability (SPEC 6.7) exists exactly with two or more qualified;
 * shares lie in [0, 1], disqualified frameworks get none, and they add up
 * to 1 (each sample's first place is shared out whole). */
static void S_check_acceptability(const struct verdict *v)
{
	assert_int_equal(v->has_acceptability, v->nqualified >= 2);
	if (!v->has_acceptability) {
		assert_null(v->acceptability);
		return;
	}
	double sum = 0;
	for (size_t k = 0; k < v->nframeworks; k++) {
		double x = v->acceptability[v->ranking[k].framework];
		assert_true(x >= 0 && x <= 1);
		if (!v->ranking[k].qualified)
			assert_true(x == 0);
		sum += x;
	}
	assert_near(sum, 1.0);
}

struct tally {
	size_t critical, flips, holds;
};

/* The properties of one random doc's profile verdict. */
static void S_check_random(struct fixture *fx, struct rng *r, double close_call,
                           struct tally *t)
{
	struct doc *d = fx->doc;
	size_t nf = d->nframeworks;
	const double *u = verdict_normalise(d, fx->a);
	for (size_t i = 0; i < d->ncriteria * nf; i++)
		assert_true(u[i] >= 0 && u[i] <= 1);
	struct verdict *v = verdict_profile(d, u, 0, close_call, fx->a);

	double sum = 0;
	for (size_t c = 0; c < d->ncriteria; c++)
		sum += v->weights[c];
	assert_near(sum, 1.0);
	S_check_acceptability(v);

	/* scores as defined; a permutation; qualified first; descending */
	bool seen[6] = { false };
	for (size_t k = 0; k < nf; k++) {
		const struct ranked *e = &v->ranking[k];
		assert_false(seen[e->framework]);
		seen[e->framework] = true;
		assert_near(e->score, S_score_with(d, u, v->weights, e->framework));
		if (k > 0 && e->qualified == v->ranking[k - 1].qualified)
			assert_true(e->score <= v->ranking[k - 1].score + VERDICT_SCORE_EPS);
		if (k > 0)
			assert_true(e->qualified <= v->ranking[k - 1].qualified);
	}

	/* contributions add up to the margin */
	if (v->has_margin) {
		double total = 0;
		for (size_t c = 0; c < d->ncriteria; c++)
			total += v->contrib[c];
		assert_near(total, v->margin);
		assert_near(v->margin, v->ranking[0].score - v->ranking[1].score);
	}

	/* at the tie weight, the winner and the challenger draw */
	if (v->has_critical) {
		t->critical++;
		const struct critical *k = &v->critical;
		double Wc = v->weights[k->criterion], x = k->tie_weight;
		assert_true(Wc > 0 && Wc < 1);
		assert_near(k->weight, Wc);
		assert_true(x >= 0 && x <= 1);
		/* SPEC 6.1: never a criterion on which the two are rated the same */
		size_t A = v->ranking[0].framework;
		assert_true(fabs(u[k->criterion * nf + A] - u[k->criterion * nf + k->challenger])
		            >= 1e-12);
		double W2[CAP];
		for (size_t c = 0; c < d->ncriteria; c++)
			W2[c] = c == k->criterion ? x : v->weights[c] * (1 - x) / (1 - Wc);
		assert_near(S_score_with(d, u, W2, v->ranking[0].framework),
		            S_score_with(d, u, W2, k->challenger));
		double pp = 100 * fabs(x - Wc);
		enum stability want = pp >= VERDICT_ROBUST_PP ? STABILITY_ROBUST
		                    : pp < VERDICT_FRAGILE_PP ? STABILITY_FRAGILE
		                    : STABILITY_MODERATE;
		assert_int_equal(v->stability, want);
	}

	S_check_reasons(v);
	t->flips += v->kind == VERDICT_WINNER && S_check_rating_flip(fx, v, close_call);
	t->holds += S_check_unknowns(fx, r, v, close_call);

	/* raising one framework's rating never lowers its score, nor moves
	 * anyone else's */
	size_t f = S_below(r, nf), c = S_below(r, d->ncriteria);
	if (!S_improve(d, c, f, r))
		return;
	const double *u2 = verdict_normalise(d, fx->a);
	struct verdict *v2 = verdict_profile(d, u2, 0, close_call, fx->a);
	for (size_t k = 0; k < nf; k++) {
		size_t g = v->ranking[k].framework;
		double after = S_score_with(d, u2, v2->weights, g);
		for (size_t j = 0; j < nf; j++)
			if (v2->ranking[j].framework == g)
				assert_near(v2->ranking[j].score, after);
		if (g == f)
			assert_true(after >= v->ranking[k].score - TOL);
		else
			assert_near(after, v->ranking[k].score);
	}
}

static void test_properties(void **state)
{
	struct fixture *fx = *state;
	struct rng r = { 20261125 };
	struct tally t = { 0, 0, 0 };
	for (int i = 0; i < 200; i++) {
		/* a fresh result arena per doc keeps the run small */
		arena_free(fx->a);
		fx->a = arena_new();
		S_random_doc(fx, &r);
		/* threshold 0 makes every verdict with a qualified pair a winner,
		 * so the sensitivity runs often */
		S_check_random(fx, &r, i % 2 == 0 ? 0.0 : VERDICT_DEFAULT_CLOSE_CALL, &t);
	}
	/* every property was really exercised */
	print_message("critical %zu, rating flips %zu, unknowns held %zu\n",
	              t.critical, t.flips, t.holds);
	assert_true(t.critical >= 20);
	assert_true(t.flips >= 20);
	assert_true(t.holds >= 10);
}

/* ---------------------------------------------------------------------- */
/* Acceptability (SPEC 6.7) */

/* The generator, pinned: a platform that computed other numbers would
 * give other shares, and fail here first. */
static void test_rng_pinned(void **state)
{
	(void)state;
	/* xoshiro256** from state {1, 2, 3, 4}: the published algorithm's
	 * outputs (the test vector of Rust's rand_xoshiro, say) */
	struct verdict_rng r = { { 1, 2, 3, 4 } };
	static const uint64_t ref[] = { 11520, 0, 1509978240, UINT64_C(1215971899390074240) };
	for (size_t i = 0; i < 4; i++)
		assert_true(verdict_rng_next(&r) == ref[i]);
	/* splitmix64 from 0: its well-known first output is the first word */
	verdict_rng_seed(&r, 0);
	assert_true(r.s[0] == UINT64_C(0xe220a8397b1dcdaf));
	/* the tool's own seed (worked out by tests/e2e's Python replica) */
	verdict_rng_seed(&r, VERDICT_ACCEPT_SEED);
	static const uint64_t first[] = { UINT64_C(0x83f5fe469cdbabf5), UINT64_C(0x531989b297a1f6f8),
	                                  UINT64_C(0x77ad5b3b15dc1dff), UINT64_C(0x196c7f10bcfd1b8a) };
	for (size_t i = 0; i < 4; i++)
		assert_true(verdict_rng_next(&r) == first[i]);
	/* the fifth as a fraction, the sixth as one of seven */
	assert_true(verdict_rng_unit(&r) == 0.6851224061891088);
	assert_int_equal(verdict_rng_below(&r, 7), 5);
	/* fractions stay in [0, 1), indexes below n */
	for (int i = 0; i < 100000; i++) {
		double x = verdict_rng_unit(&r);
		assert_true(x >= 0 && x < 1);
		assert_true(verdict_rng_below(&r, 3) < 3);
	}
}

/* One qualified framework: nothing to share (JSON null). */
static void test_acceptability_single_qualified(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	struct profile *p = S_profile(d, "solo", 1);
	S_use(d, p, "research", 1);
	S_exclude(d, p, "tf");
	S_exclude(d, p, "jx");
	struct verdict *v = S_prof(fx, "solo", 2.0);
	assert_int_equal(v->nqualified, 1);
	assert_false(v->has_acceptability);
	assert_null(v->acceptability);
	/* scenarios never have it */
	assert_false(S_scen(fx, "research", 2.0)->has_acceptability);
}

/* Every rating equal: every sample is a three-way tie, so each share is
 * 1/3 exactly (one division, 10000 / 30000). */
static void test_acceptability_all_equal(void **state)
{
	struct fixture *fx = *state;
	static const char *const lv[] = { "lo", "hi" };
	static const double score[] = { 0, 1 };
	struct doc *d = S_doc(fx, 3, NULL);
	S_ordinal(d, "q", 2, lv, score);
	S_numeric(d, "ms", 0, 100, true);
	S_criterion(d, "a", "q", (const char *const[]){ "hi", "hi", "hi" });
	S_criterion(d, "b", "ms", (const char *const[]){ "30", "30", "30" });
	S_criterion(d, "c", "q", (const char *const[]){ "lo", "lo", "lo" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "a", 1);
	S_weight(d, s->weights, &s->nweights, "b", 2);
	S_weight(d, s->weights, &s->nweights, "c", 3);
	S_use(d, S_profile(d, "p", 1), "s", 1);
	struct verdict *v = S_prof(fx, "p", 0.0);
	assert_true(v->has_acceptability);
	assert_int_equal(v->accept_unknowns, 0);
	for (size_t f = 0; f < 3; f++)
		assert_true(v->acceptability[f] == 1.0 / 3);
}

/* A winner ahead on every weighed criterion wins every sample: 100 %,
 * exactly, and the others 0; a disqualified framework gets nothing even
 * when it scores highest. */
static void test_acceptability_dominant(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_base(fx);
	/* research weighs gpu 3, lat 1: pt (1, 0.9) beats tf (0.5, 0.8) on
	 * both; jx (0, unknown) is excluded */
	struct profile *p = S_profile(d, "p", 1);
	S_use(d, p, "research", 1);
	S_exclude(d, p, "jx");
	struct verdict *v = S_prof(fx, "p", 2.0);
	assert_true(v->has_acceptability);
	assert_true(v->acceptability[S_fw(d, "pt")] == 1.0);
	assert_true(v->acceptability[S_fw(d, "tf")] == 0.0);
	assert_true(v->acceptability[S_fw(d, "jx")] == 0.0);
	/* jx's unknown latency is not drawn: jx does not compete */
	assert_int_equal(v->accept_unknowns, 0);
}

/* Weights alone, worked out: W = (0.6, 0.4), x, y uniform on [0.5, 1.5);
 * pt is rated (1, 0), tf (0, 1), so pt comes first when 0.6 x > 0.4 y,
 * i.e. y < 1.5 x.  That fails only for x < 1, with probability
 * int_0.5^1 (1.5 - 1.5 x) dx = 0.1875: pt 0.8125, tf 0.1875.  The
 * standard error of 10,000 samples is 0.0039; allow 0.015 as SPEC 6.7. */
static void test_acceptability_weights_worked(void **state)
{
	struct fixture *fx = *state;
	static const char *const lv[] = { "no", "yes" };
	static const double score[] = { 0, 1 };
	struct doc *d = S_doc(fx, 2, (const char *const[]){ "pt", "tf" });
	S_ordinal(d, "q", 2, lv, score);
	S_criterion(d, "a", "q", (const char *const[]){ "yes", "no" });
	S_criterion(d, "b", "q", (const char *const[]){ "no", "yes" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "a", 3);
	S_weight(d, s->weights, &s->nweights, "b", 2);
	S_use(d, S_profile(d, "p", 1), "s", 1);
	struct verdict *v = S_prof(fx, "p", 2.0);
	assert_true(fabs(v->acceptability[0] - 0.8125) < 0.015);
	assert_true(fabs(v->acceptability[1] - 0.1875) < 0.015);
	assert_near(v->acceptability[0] + v->acceptability[1], 1.0);
	/* the same profile judged again gives the very same numbers */
	struct verdict *v2 = S_prof(fx, "p", 2.0);
	assert_memory_equal(v->acceptability, v2->acceptability, 2 * sizeof(double));
}

/* Unknowns drawn, worked out, on one weighed criterion (the factor then
 * cancels out).  Levels lo, mid, hi (u 0, 0.5, 1): pt is mid, tf unknown;
 * tf draws each level one time in three: pt wins, ties, loses, so
 * pt 1/3 + 1/6 = 0.5 and tf 0.5.  Numeric 0..100, better lower: pt 20
 * (u 0.8), tf unknown, u uniform: pt first when u < 0.8, 0.8. */
static void test_acceptability_unknowns_drawn(void **state)
{
	struct fixture *fx = *state;
	static const char *const lv[] = { "lo", "mid", "hi" };
	static const double score[] = { 0, 1, 2 };
	struct doc *d = S_doc(fx, 2, (const char *const[]){ "pt", "tf" });
	S_ordinal(d, "q", 3, lv, score);
	S_numeric(d, "ms", 0, 100, true);
	S_criterion(d, "level", "q", (const char *const[]){ "mid", "unknown" });
	S_criterion(d, "lat", "ms", (const char *const[]){ "20", "unknown" });
	struct scenario *s = S_scenario(d, "s1");
	S_weight(d, s->weights, &s->nweights, "level", 1);
	S_weight(d, s->weights, &s->nweights, "lat", 0);
	s = S_scenario(d, "s2");
	S_weight(d, s->weights, &s->nweights, "lat", 1);
	S_use(d, S_profile(d, "by-level", 1), "s1", 1);
	S_use(d, S_profile(d, "by-latency", 1), "s2", 1);
	struct verdict *v = S_prof(fx, "by-level", 0.0);
	assert_int_equal(v->accept_unknowns, 1);      /* lat weighs 0: not drawn */
	assert_true(fabs(v->acceptability[0] - 0.5) < 0.015);
	assert_true(fabs(v->acceptability[1] - 0.5) < 0.015);
	v = S_prof(fx, "by-latency", 0.0);
	assert_int_equal(v->accept_unknowns, 1);
	assert_true(fabs(v->acceptability[0] - 0.8) < 0.015);
	assert_true(fabs(v->acceptability[1] - 0.2) < 0.015);
}

/* ---------------------------------------------------------------------- */


/* ---------------------------------------------------------------------- */
/* Close calls and none, explained (issue 10, item 4) */

/* ten: numeric 0..10, u = v/10.
 *          a    b    c
 *   w      6   10    0      s weighs w 1, r 1 (W 0.5, 0.5)
 *   r     10  5.6   10
 * a = 100 (0.3 + 0.5) = 80, b = 100 (0.5 + 0.28) = 78, c = 50.
 * p uses s, requires w >= 3 and r >= 8 and excludes a: a is excluded
 * (and meets both), b fails r, c fails w: nothing qualifies. */
static struct doc *S_close_doc(struct fixture *fx)
{
	static const char *const fw[] = { "a", "b", "c" };
	struct doc *d = S_doc(fx, 3, fw);
	S_numeric(d, "ten", 0, 10, false);
	S_criterion(d, "w", "ten", (const char *const[]){ "6", "10", "0" });
	S_criterion(d, "r", "ten", (const char *const[]){ "10", "5.6", "10" });
	struct scenario *s = S_scenario(d, "s");
	S_weight(d, s->weights, &s->nweights, "w", 1);
	S_weight(d, s->weights, &s->nweights, "r", 1);
	struct profile *p = S_profile(d, "p", 1);
	S_use(d, p, "s", 1);
	S_require(d, p->requires, &p->nrequires, "w", "3", NULL);
	S_require(d, p->requires, &p->nrequires, "r", "8", NULL);
	S_exclude(d, p, "a");
	return d;
}

static void test_close_call_needs(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_close_doc(fx);
	const double *u = verdict_normalise(d, fx->a);
	struct verdict *v = verdict_scenario(d, u, 0, 5, fx->a);
	size_t a = S_fw(d, "a"), b = S_fw(d, "b");
	assert_int_equal(v->kind, VERDICT_CLOSE);   /* 2 < 5 */
	/* contrib a - b: w 100 * 0.5 * -0.4 = -20, r 100 * 0.5 * 0.44 = +22:
	 * r separates them most, then w */
	size_t sep[2];
	assert_int_equal(verdict_separators(v, sep, 2), 2);
	assert_int_equal(sep[0], S_crit(d, "r"));
	assert_int_equal(sep[1], S_crit(d, "w"));
	/* b, weight x on w (r gets 1 - x): vs a 0.4x - 0.44(1 - x) >= 0 at
	 * x >= 0.44/0.84 = 11/21; vs c x - 0.44(1 - x) >= 0 at x >= 11/36.
	 * On r b trails a: 0.4 - 0.84x >= 0 only at x <= 10/21 < 0.5. */
	struct verdict_need nd;
	assert_true(verdict_need(d, u, v, b, 0, &nd));
	assert_int_equal(nd.criterion, S_crit(d, "w"));
	assert_near(nd.weight, 0.5);
	assert_near(nd.new_weight, 11.0 / 21);
	/* a, a lead of 5 points, weight x on r: vs b 0.84x - 0.4 >= 0.05 at
	 * x >= 15/28; vs c 0.6(1 - x) >= 0.05 up to x <= 11/12.  On w a
	 * trails b: 0.44 - 0.84x >= 0.05 only below 0.5. */
	assert_true(verdict_need(d, u, v, a, 5, &nd));
	assert_int_equal(nd.criterion, S_crit(d, "r"));
	assert_near(nd.new_weight, 15.0 / 28);
	/* a lead of 50 for b: at most 0.4 (x -> 1 on w), never */
	assert_false(verdict_need(d, u, v, b, 50, &nd));
}

static void test_none_relaxations(void **state)
{
	struct fixture *fx = *state;
	struct doc *d = S_close_doc(fx);
	struct verdict *v = S_prof(fx, "p", VERDICT_DEFAULT_CLOSE_CALL);
	assert_int_equal(v->kind, VERDICT_NONE);
	/* dropping the exclude lets a (80) in, r >= 8 lets b (78), w >= 3
	 * lets c (50): ordered by the ranking of who gets in, not by
	 * declaration */
	struct relaxation rx[3];
	assert_int_equal(verdict_relaxations(d, v, rx, 3, fx->a), 3);
	assert_non_null(rx[0].exclude);
	assert_null(rx[0].require);
	assert_int_equal(rx[0].exclude->framework_ix, S_fw(d, "a"));
	assert_string_equal(rx[1].require->criterion, "r");
	assert_int_equal(rx[1].nqualify, 1);
	assert_int_equal(rx[1].qualify[0], S_fw(d, "b"));
	assert_string_equal(rx[2].require->criterion, "w");
	assert_int_equal(rx[2].qualify[0], S_fw(d, "c"));
	/* room for two: the best two */
	assert_int_equal(verdict_relaxations(d, v, rx, 2, fx->a), 2);
	assert_non_null(rx[0].exclude);
	assert_string_equal(rx[1].require->criterion, "r");
	/* c failing both requires needs two drops */
	d->criteria[S_crit(d, "r")].ratings[d->criteria[S_crit(d, "r")].rating_of[S_fw(d, "c")]]
		.value = 0;
	d->profiles[0].nexcludes = 0;
	d->criteria[S_crit(d, "w")].ratings[d->criteria[S_crit(d, "w")].rating_of[S_fw(d, "a")]]
		.value = 0;
	d->criteria[S_crit(d, "w")].ratings[d->criteria[S_crit(d, "w")].rating_of[S_fw(d, "b")]]
		.value = 0;
	/* now a: w 0 r 10 fails w; b: w 0 r 5.6 fails both; c: w 0 r 0 both */
	v = S_prof(fx, "p", VERDICT_DEFAULT_CLOSE_CALL);
	assert_int_equal(v->kind, VERDICT_NONE);
	assert_int_equal(verdict_relaxations(d, v, rx, 3, fx->a), 1);
	assert_string_equal(rx[0].require->criterion, "w");
	assert_int_equal(rx[0].nqualify, 1);
	assert_int_equal(rx[0].qualify[0], S_fw(d, "a"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_normalise),
		T(test_normalise_unknown_everywhere),
		T(test_scenario_alone),
		T(test_profile_mix),
		T(test_profile_own_share_without_own_weights),
		T(test_profile_share_zero_requires_apply),
		T(test_require_ordinal),
		T(test_require_numeric),
		T(test_exclude),
		T(test_disqualified_by_order_and_dedup),
		T(test_single_qualified),
		T(test_all_disqualified),
		T(test_ties_keep_declaration_order),
		T(test_threshold_winner_vs_close),
		T(test_close_three_leaders),
		T(test_close_leader_at_threshold),
		T(test_sensitivity_moderate),
		T(test_sensitivity_challenger_ranking_order),
		T(test_sensitivity_fragile),
		T(test_sensitivity_same_rating_skipped),
		T(test_sensitivity_same_rating_only_pair),
		T(test_sensitivity_robust_no_critical),
		T(test_sensitivity_full_weight),
		T(test_strengths),
		T(test_names),
		T(test_reasons),
		T(test_reasons_without_margin),
		T(test_unknowns_hold),
		T(test_unknowns_change_the_winner),
		T(test_unknowns_close_call),
		T(test_rating_flip_smallest),
		T(test_rating_flip_by_qualification),
		T(test_rating_flip_none),
		T(test_properties),
		T(test_rng_pinned),
		T(test_acceptability_single_qualified),
		T(test_acceptability_all_equal),
		T(test_acceptability_dominant),
		T(test_acceptability_weights_worked),
		T(test_acceptability_unknowns_drawn),
		T(test_close_call_needs),
		T(test_none_relaxations),
	};
	return cmocka_run_group_tests_name("verdict", tests, NULL, NULL);
}
