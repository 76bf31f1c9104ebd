/* explain.c - verdicts in plain words (see explain.h). */
#include "explain.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "numfmt.h"

/* ---- words and numbers ------------------------------------------------- */

/* Numbers as numfmt.h writes them, so that the reports' tables agree. */
static const char *S_score(struct arena *a, double x)
{
	return numfmt_score(a, x);
}

static const char *S_points(struct arena *a, double x, bool plus)
{
	return numfmt_points(a, x, plus);
}

static const char *S_fw(const struct doc *doc, size_t f)
{
	return doc->frameworks[f].name;
}

const char *explain_join(const char *const *item, size_t n, struct arena *a)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s", s, i == 0 ? "" : i + 1 == n ? " and " : ", ", item[i]);
	return s;
}

static const char *S_join(struct arena *a, const char *const *item, size_t n)
{
	return explain_join(item, n, a);
}

const char *explain_possessive(const char *name, struct arena *a)
{
	size_t n = strlen(name);
	return arena_printf(a, "%s%s", name, n > 0 && name[n - 1] == 's' ? "'" : "'s");
}

static const char *S_poss(struct arena *a, const char *name)
{
	return explain_possessive(name, a);
}

/* A level's label in prose, in typographic quotes, so that a comma in a
 * label cannot run into the sentence. */
static const char *S_level(struct arena *a, const char *label)
{
	return arena_printf(a, "\xE2\x80\x9C%s\xE2\x80\x9D", label);
}

static const char *S_names(const struct doc *doc, const size_t *fw, size_t n,
                           bool scores, const struct verdict *v, struct arena *a)
{
	const char **item = arena_array(a, n ? n : 1, sizeof *item);
	for (size_t i = 0; i < n; i++) {
		item[i] = S_fw(doc, fw[i]);
		for (size_t k = 0; scores && k < v->nframeworks; k++)
			if (v->ranking[k].framework == fw[i])
				item[i] = arena_printf(a, "%s (%s)", item[i], S_score(a, v->ranking[k].score));
	}
	return S_join(a, item, n);
}

/* The name of what was judged: the profile's or the scenario's. */
static const char *S_who(const struct doc *doc, const struct verdict *v)
{
	if (v->profile != MODEL_NO_INDEX)
		return doc->profiles[v->profile].name;
	if (v->scenario != MODEL_NO_INDEX)
		return doc->scenarios[v->scenario].name;
	return "this comparison";
}

/* ---- the recommendation ---------------------------------------------------- */

static const char *S_winner(const struct doc *doc, const struct verdict *v, struct arena *a)
{
	const struct ranked *A = &v->ranking[0];
	bool profile = v->profile != MODEL_NO_INDEX;
	const char *head = profile ? arena_printf(a, "Choose %s: for %s it", S_fw(doc, A->framework),
	                                          S_who(doc, v))
	                           : arena_printf(a, "Choose %s for %s: it", S_fw(doc, A->framework),
	                                          S_who(doc, v));
	if (!v->has_margin)
		return profile
		     ? arena_printf(a, "Choose %s: it is the only framework that meets every "
		                    "requirement of %s (scoring %s out of 100).", S_fw(doc, A->framework),
		                    S_who(doc, v), S_score(a, A->score))
		     : arena_printf(a, "Choose %s for %s: it is the only framework that meets every "
		                    "requirement (scoring %s out of 100).", S_fw(doc, A->framework),
		                    S_who(doc, v), S_score(a, A->score));
	const char *B = S_fw(doc, v->ranking[1].framework);
	/* A tie (a threshold of 0) is won by the order of listing alone. */
	if (v->margin <= VERDICT_SCORE_EPS)
		return arena_printf(a, "%s ties with %s at %s out of 100 and comes first in the "
		                    "order of listing.", head, B, S_score(a, A->score));
	return arena_printf(a, "%s scores %s out of 100, %s points ahead of %s.", head,
	                    S_score(a, A->score), S_points(a, v->margin, false), B);
}

const char *explain_recommendation(const struct doc *doc, const struct verdict *v,
                                   struct arena *a)
{
	switch (v->kind) {
	case VERDICT_WINNER:
		return S_winner(doc, v, a);
	case VERDICT_CLOSE:
		return arena_printf(a, "Too close to call for %s: %s are within %s points of each "
		                    "other, so the choice rests on the criteria that separate them.",
		                    S_who(doc, v), S_names(doc, v->leaders, v->nleaders, true, v, a),
		                    S_score(a, v->close_call));
	default:
		return arena_printf(a, "No framework meets every requirement of %s, so none can be "
		                    "recommended until a requirement is relaxed.", S_who(doc, v));
	}
}

const char *explain_short(const struct doc *doc, const struct verdict *v, struct arena *a)
{
	switch (v->kind) {
	case VERDICT_WINNER:
		if (!v->has_margin)
			return arena_printf(a, "%s, the only one qualified",
			                    S_fw(doc, v->ranking[0].framework));
		return arena_printf(a, "%s, by %s points", S_fw(doc, v->ranking[0].framework),
		                    S_points(a, v->margin, false));
	case VERDICT_CLOSE:
		return arena_printf(a, "Close call: %s",
		                    S_names(doc, v->leaders, v->nleaders, false, v, a));
	default:
		return "No framework qualifies";
	}
}

/* ---- the why ---------------------------------------------------------------- */

/* "Debugging (+8.2 points), Graph (+6.0) and Custom (+4.5)" */
static const char *S_contribs(const struct doc *doc, const struct verdict *v,
                              const size_t *c, size_t n, struct arena *a)
{
	const char **item = arena_array(a, n, sizeof *item);
	for (size_t i = 0; i < n; i++)
		item[i] = arena_printf(a, "%s (%s%s)", doc->criteria[c[i]].name,
		                       S_points(a, v->contrib[c[i]], true), i == 0 ? " points" : "");
	return S_join(a, item, n);
}

const char *explain_reasons_for(const struct doc *doc, const struct verdict *v, size_t max,
                                struct arena *a)
{
	if (!v->has_margin || max == 0)
		return NULL;
	size_t *c = arena_array(a, v->ncriteria, sizeof *c);
	size_t all = verdict_reasons(v, true, c, v->ncriteria);
	if (all == 0)
		return NULL;
	size_t n = all < max ? all : max;
	const char *A = S_fw(doc, v->ranking[0].framework), *B = S_fw(doc, v->ranking[1].framework);
	if (v->margin <= VERDICT_SCORE_EPS)
		return arena_printf(a, "%s is ahead of %s on %s.", A, B, S_contribs(doc, v, c, n, a));
	return arena_printf(a, "%s lead over %s comes %sfrom %s.", S_poss(a, A), B,
	                    n < all ? "mainly " : "",
	                    S_contribs(doc, v, c, n, a));
}

const char *explain_reasons_against(const struct doc *doc, const struct verdict *v,
                                    size_t max, struct arena *a)
{
	if (!v->has_margin)
		return NULL;
	size_t *c = arena_array(a, v->ncriteria, sizeof *c);
	size_t n = verdict_reasons(v, false, c, max < v->ncriteria ? max : v->ncriteria);
	const char *A = S_fw(doc, v->ranking[0].framework), *B = S_fw(doc, v->ranking[1].framework);
	if (n == 0)
		return arena_printf(a, "%s is not ahead of %s on any criterion that counts here.", B, A);
	return arena_printf(a, "%s does better on %s.", B, S_contribs(doc, v, c, n, a));
}

const char *explain_why(const struct doc *doc, const struct verdict *v, struct arena *a)
{
	const char *against = explain_reasons_against(doc, v, EXPLAIN_REASONS, a);
	if (against == NULL)
		return NULL;
	const char *for_ = explain_reasons_for(doc, v, EXPLAIN_REASONS, a);
	return for_ ? arena_printf(a, "%s %s", for_, against) : against;
}

/* ---- what would change it ------------------------------------------------------ */

const char *explain_flip(const struct doc *doc, const struct verdict *v, struct arena *a)
{
	if (v->kind != VERDICT_WINNER)
		return NULL;
	const char *A = S_fw(doc, v->ranking[0].framework);
	if (!v->has_margin)
		return arena_printf(a, "Only %s meets every requirement, so no change of weights can "
		                    "alter the verdict; only a change of requirements or ratings can.", A);
	const char *B0 = S_fw(doc, v->ranking[1].framework);
	if (v->margin <= VERDICT_SCORE_EPS)
		return arena_printf(a, "%s is level with %s on points, so the slightest change in "
		                    "%s favour would overturn the verdict.", A, B0, S_poss(a, B0));
	if (!v->has_critical)   /* SPEC 6.1: then the verdict is robust */
		return v->nqualified == 2
		       ? arena_printf(a, "No single weight change makes %s draw level.", B0)
		       : arena_printf(a, "No single weight change makes %s or any other framework "
		                      "draw level.", B0);
	const char *stab = verdict_stability_name(v->stability);
	const struct critical *k = &v->critical;
	const char *B = S_fw(doc, k->challenger), *C = doc->criteria[k->criterion].name;
	const char *how;
	/* x* = 0 when the rest alone makes a tie (R = 0).  (x* = 1, when the
	 * two are rated the same, is never critical: SPEC 6.1.) */
	bool none = k->tie_weight <= 1e-9;
	struct numfmt_pair pair = numfmt_pct_pair(a, k->weight, none ? 0 : k->tie_weight);
	const char *w = pair.from, *x = pair.to, *pts = pair.change;
	if (numfmt_units(100 * (k->tie_weight - k->weight), 2) == 0)
		return arena_printf(a, "%s would draw level with the slightest change in the weight "
		                    "of %s (now %s), so the verdict is %s.", B, C, w, stab);
	if (none)
		how = arena_printf(a, "if %s were left out altogether (its weight falling from %s "
		                   "to %s, %s percentage points)", C, w, x, pts);
	else
		how = arena_printf(a, "if the weight of %s %s from %s to %s (%s percentage points)", C,
		                   k->tie_weight > k->weight ? "rose" : "fell", w, x, pts);
	return arena_printf(a, "%s would draw level %s, so the verdict is %s.", B, how, stab);
}

/* What a what-if verdict would be, as the end of a sentence. */
static const char *S_outcome(const struct doc *doc, enum verdict_kind kind, size_t winner,
                             struct arena *a)
{
	if (kind == VERDICT_WINNER)
		return arena_printf(a, "%s would win", S_fw(doc, winner));
	return kind == VERDICT_CLOSE ? "it would be too close to call"
	                             : "no framework would qualify";
}

/* Exported so that the report's feature table shows a rating in the
 * same words as these sentences. */
const char *explain_rating(const struct doc *doc, size_t c, size_t f, struct arena *a)
{
	const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
	const struct rating *r = model_rating(doc, c, f);
	if (r->unknown)
		return "unknown";
	if (s->kind == SCALE_ORDINAL)
		return s->levels[r->level_ix].label;
	return s->unit ? arena_printf(a, "%s %s", r->raw, s->unit) : r->raw;
}

/* explain_rating() in prose: a level's label quoted (S_level()). */
static const char *S_rating_words(const struct doc *doc, size_t c, size_t f, struct arena *a)
{
	const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
	const struct rating *r = model_rating(doc, c, f);
	if (!r->unknown && s->kind == SCALE_ORDINAL)
		return S_level(a, s->levels[r->level_ix].label);
	return explain_rating(doc, c, f, a);
}

const char *explain_rating_flip(const struct doc *doc, const struct verdict *v,
                                struct arena *a)
{
	if (v->kind != VERDICT_WINNER)
		return NULL;
	if (!v->has_rating_flip)
		return "No change of a single rating by one level would change the verdict.";
	const struct rating_flip *rf = &v->rating_flip;
	const struct scale *s = &doc->scales[doc->criteria[rf->criterion].scale_ix];
	const char *F = S_fw(doc, rf->framework);
	const char *pts = numfmt_units(rf->score_change, 2) == 0 ? ""
	                : arena_printf(a, " (%s points)", S_points(a, rf->score_change, true));
	const char *then = S_outcome(doc, rf->kind, rf->winner, a);
	/* A step down can only make it fail, a step up only make it qualify. */
	if (rf->qualification_changed) {
		if (s->levels[rf->to_level].score < s->levels[rf->from_level].score)
			then = arena_printf(a, "%s would fail a requirement and %s", F, then);
		else if (rf->kind == VERDICT_WINNER && rf->winner == rf->framework)
			then = arena_printf(a, "%s would meet every requirement and win", F);
		else
			then = arena_printf(a, "%s would meet every requirement and %s", F, then);
	}
	return arena_printf(a, "The smallest rating change that alters the verdict: if %s %s "
	                    "were %s instead of %s%s, %s.", S_poss(a, F),
	                    doc->criteria[rf->criterion].name, S_level(a, s->levels[rf->to_level].label),
	                    S_level(a, s->levels[rf->from_level].label), pts, then);
}

/* How many unknown ratings explain_unknowns() names before "N more". */
#define S_UNKNOWNS_NAMED 4

/* Grouped by framework: "JAX's Latency and GPU; PyTorch's Memory; 3 more" */
static const char *S_unknown_list(const struct doc *doc, const struct verdict *v,
                                  struct arena *a)
{
	size_t count = v->unknowns.count;
	size_t *crit = arena_array(a, count, sizeof *crit), *fw = arena_array(a, count, sizeof *fw);
	size_t n = verdict_unknown_ratings(doc, v, crit, fw, count), named = 0;
	const char **group = arena_array(a, n + 1, sizeof *group), **item = arena_array(a, n, sizeof *item);
	size_t ngroups = 0;
	for (size_t f = 0; f < doc->nframeworks && named < S_UNKNOWNS_NAMED; f++) {
		size_t k = 0;
		for (size_t i = 0; i < n && named < S_UNKNOWNS_NAMED; i++)
			if (fw[i] == f) {
				item[k++] = doc->criteria[crit[i]].name;
				named++;
			}
		if (k > 0)
			group[ngroups++] = arena_printf(a, "%s %s", S_poss(a, S_fw(doc, f)),
			                                S_join(a, item, k));
	}
	if (named < count)
		group[ngroups++] = arena_printf(a, "%zu more", count - named);
	/* one rating a framework: a plain list; else groups apart */
	if (ngroups == named + (named < count))
		return S_join(a, group, ngroups);
	const char *s = ngroups ? group[0] : "";
	for (size_t i = 1; i < ngroups; i++)
		s = arena_printf(a, "%s; %s", s, group[i]);
	return s;
}

const char *explain_unknowns(const struct doc *doc, const struct verdict *v,
                             struct arena *a)
{
	const struct unknowns *uk = &v->unknowns;
	if (uk->count == 0)
		return NULL;
	const char *head = uk->count == 1
	                 ? arena_printf(a, "1 rating that counts here is unknown (%s) and scored "
	                                "as the worst possible", S_unknown_list(doc, v, a))
	                 : arena_printf(a, "%zu ratings that count here are unknown (%s) and "
	                                "scored as the worst possible", uk->count,
	                                S_unknown_list(doc, v, a));
	bool one = uk->count == 1;
	const char *they = one ? "it" : "they";
	if (uk->holds && v->kind == VERDICT_WINNER)
		return arena_printf(a, "%s; the verdict holds whatever %s turn%s out to be.", head,
		                    they, one ? "s" : "");
	if (uk->holds)
		return arena_printf(a, "%s; the verdict stays the same whether %s turn%s out at "
		                    "best or at worst.", head, they, one ? "s" : "");
	const char *F = S_fw(doc, v->ranking[0].framework);
	size_t now = verdict_winner(v);
	bool worst = uk->worst_kind != v->kind || uk->worst_winner != now;
	bool best = uk->best_kind != v->kind || uk->best_winner != now;
	const char *s = arena_printf(a, "%s, so the verdict depends on %s", head, one ? "it" : "them");
	if (worst)
		s = arena_printf(a, "%s: if %s turned out as badly as possible for %s, %s",
		                 s, they, F, S_outcome(doc, uk->worst_kind, uk->worst_winner, a));
	if (best)
		s = arena_printf(a, "%s%s if %s turned out as well as possible for %s, %s",
		                 s, worst ? ";" : ":", they, F,
		                 S_outcome(doc, uk->best_kind, uk->best_winner, a));
	return arena_printf(a, "%s.", s);
}

/* ---- how sure (SPEC 6.7) -------------------------------------------------------- */

const char *explain_share(double share, struct arena *a)
{
	double p = 100 * share;
	if (share <= 0 || share >= 1)
		return share <= 0 ? "0 %" : "100 %";
	if (p >= 1 && p < 99)
		return arena_printf(a, "%s %%", numfmt_fixed(a, p, 0, false));
	long long tenths = numfmt_units(p, 1);
	if (tenths == 0)
		return "under 0.1 %";
	if (tenths == 1000)
		return "over 99.9 %";
	return arena_printf(a, "%s %%", numfmt_fixed(a, p, 1, false));
}

const char *explain_acceptability(const struct doc *doc, const struct verdict *v,
                                  struct arena *a)
{
	if (!v->has_acceptability)
		return NULL;
	size_t first = v->ranking[0].framework, most = first;
	for (size_t k = 1; k < v->nqualified; k++)
		if (v->acceptability[v->ranking[k].framework] > v->acceptability[most])
			most = v->ranking[k].framework;
	const char *s = arena_printf(a, "%s comes first in %s of weightings within \xC2\xB1" "50 %% "
	                             "of this team's weights%s", S_fw(doc, first),
	                             explain_share(v->acceptability[first], a),
	                             v->accept_unknowns ? " and over every value the unknown "
	                                                  "ratings could take" : "");
	if (most != first)
		s = arena_printf(a, "%s; %s in %s", s, S_fw(doc, most),
		                 explain_share(v->acceptability[most], a));
	return arena_printf(a, "%s.", s);
}

/* ---- disqualifications ------------------------------------------------------------ */

/* One reason of SPEC section 4's forms in words, for framework f. */
static const char *S_failure(const struct doc *doc, const struct verdict *v, size_t f,
                             const char *reason, struct arena *a)
{
	if (strcmp(reason, "exclude") == 0) {
		const struct profile *p = v->profile != MODEL_NO_INDEX ? &doc->profiles[v->profile] : NULL;
		for (size_t e = 0; p != NULL && e < p->nexcludes; e++)
			if (p->excludes[e].framework_ix == f && p->excludes[e].reason != NULL &&
			    *p->excludes[e].reason)
				return arena_printf(a, "%s excludes it (%s)", p->name, p->excludes[e].reason);
		return p ? arena_printf(a, "%s excludes it", p->name) : "it is excluded";
	}
	/* require:<criterion>>=<bound> or require:<criterion><=<bound>; ids
	 * hold neither '<' nor '>' */
	const char *id = reason + strlen("require:");
	size_t len = strcspn(id, "<>");
	if (strncmp(reason, "require:", 8) != 0 || id[len] == '\0')
		return reason;
	bool min = id[len] == '>';
	const char *bound = id + len + 2;
	size_t c = model_criterion_ix(doc, arena_strndup(a, id, len));
	if (c == MODEL_NO_INDEX)
		return reason;
	const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
	if (s->kind == SCALE_ORDINAL) {
		size_t l = model_level_ix(s, bound);
		bound = l != MODEL_NO_INDEX ? S_level(a, s->levels[l].label) : bound;
	} else if (s->unit != NULL) {
		bound = arena_printf(a, "%s %s", bound, s->unit);
	}
	return arena_printf(a, "%s must be at %s %s but is %s", doc->criteria[c].name,
	                    min ? "least" : "most", bound, S_rating_words(doc, c, f, a));
}

const char *explain_disqualified(const struct doc *doc, const struct verdict *v,
                                 struct arena *a)
{
	const char *s = NULL;
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		if (r->ndisqualified == 0)
			continue;
		const char **item = arena_array(a, r->ndisqualified, sizeof *item);
		for (size_t i = 0; i < r->ndisqualified; i++)
			item[i] = S_failure(doc, v, r->framework, r->disqualified_by[i], a);
		const char *list = S_join(a, item, r->ndisqualified);
		const char *one = arena_printf(a, "%s is ruled out: %s.", S_fw(doc, r->framework), list);
		s = s ? arena_printf(a, "%s %s", s, one) : one;
	}
	return s;
}

/* ---- the bottom line ---------------------------------------------------------------- */

const char *explain_strength_list(const struct doc *doc, const double *u, size_t f,
                                  struct arena *a)
{
	size_t best[3];
	size_t n = verdict_strengths(doc, u, f, best, 3);
	if (n == 0)
		return NULL;
	const char *item[3];
	for (size_t i = 0; i < n; i++)
		item[i] = doc->criteria[best[i]].name;
	return S_join(a, item, n);
}

const char *explain_strengths(const struct doc *doc, const double *u, size_t f,
                              struct arena *a)
{
	const char *list = explain_strength_list(doc, u, f, a);
	return list ? arena_printf(a, "Choose %s if you prioritise %s.", S_fw(doc, f), list) : NULL;
}

/* ---- close calls and none (issue 10, item 4) ------------------------------------------ */

const char *explain_separators(const struct doc *doc, const struct verdict *v,
                               struct arena *a)
{
	if (v->kind != VERDICT_CLOSE || !v->has_margin)
		return NULL;
	size_t c[EXPLAIN_REASONS];
	size_t n = verdict_separators(v, c, EXPLAIN_REASONS);
	if (n == 0)
		return NULL;
	size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
	const char *item[EXPLAIN_REASONS];
	for (size_t i = 0; i < n; i++) {
		double x = v->contrib[c[i]];
		item[i] = arena_printf(a, "%s (%s +%s%s)", doc->criteria[c[i]].name,
		                       S_fw(doc, x > 0 ? A : B), S_points(a, fabs(x), false),
		                       i == 0 ? " points" : "");
	}
	return arena_printf(a, "%s and %s differ most on %s.", S_fw(doc, A), S_fw(doc, B),
	                    S_join(a, item, n));
}

/* "the weight of Documentation rose from 50 % to over 66.7 % (16.7
 * percentage points more)" */
static const char *S_need(const struct doc *doc, const struct verdict_need *nd, bool over,
                          struct arena *a)
{
	struct numfmt_pair p = numfmt_pct_pair(a, nd->weight, nd->new_weight);
	return arena_printf(a, "the weight of %s rose from %s to %s%s (%s percentage points "
	                    "more)", doc->criteria[nd->criterion].name, p.from, over ? "over " : "",
	                    p.to, p.change);
}

const char *explain_close_needs(const struct doc *doc, const double *u,
                                const struct verdict *v, struct arena *a)
{
	if (v->kind != VERDICT_CLOSE || !v->has_margin)
		return NULL;
	size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
	struct verdict_need nd;
	const char *b = verdict_need(doc, u, v, B, 0, &nd)
	              ? arena_printf(a, "%s would take the lead if %s", S_fw(doc, B),
	                             S_need(doc, &nd, true, a))
	              : arena_printf(a, "No single weight increase would put %s ahead of %s",
	                             S_fw(doc, B), S_fw(doc, A));
	const char *c = verdict_need(doc, u, v, A, v->close_call, &nd)
	              ? arena_printf(a, "%s would lead by the close-call threshold of %s points, "
	                             "and win, if %s", S_fw(doc, A), S_score(a, v->close_call),
	                             S_need(doc, &nd, false, a))
	              : arena_printf(a, "no single weight increase would give %s a lead of %s "
	                             "points", S_fw(doc, A), S_score(a, v->close_call));
	return arena_printf(a, "%s; %s.", b, c);
}

/* "the requirement that Latency be at most 100 ms" */
static const char *S_require_words(const struct doc *doc, const struct require *r,
                                   struct arena *a)
{
	const struct criterion *cr = &doc->criteria[r->criterion_ix];
	const struct scale *s = &doc->scales[cr->scale_ix];
	const char *lo = r->min_raw, *hi = r->max_raw;
	if (s->kind == SCALE_ORDINAL && lo != NULL)
		lo = S_level(a, s->levels[r->min_level_ix].label);
	else if (s->unit != NULL) {
		lo = lo ? arena_printf(a, "%s %s", lo, s->unit) : NULL;
		hi = hi ? arena_printf(a, "%s %s", hi, s->unit) : NULL;
	}
	if (lo && hi)
		return arena_printf(a, "the requirement that %s be between %s and %s", cr->name, lo, hi);
	return arena_printf(a, "the requirement that %s be at %s %s", cr->name,
	                    lo ? "least" : "most", lo ? lo : hi);
}

#define S_RELAXATIONS 3

const char *explain_relaxations(const struct doc *doc, const struct verdict *v,
                                struct arena *a)
{
	if (v->kind != VERDICT_NONE)
		return NULL;
	struct relaxation rx[S_RELAXATIONS];
	size_t n = verdict_relaxations(doc, v, rx, S_RELAXATIONS, a);
	if (n == 0)
		return "No single requirement or exclusion dropped would let any framework "
		       "qualify; at least two would have to be relaxed.";
	const char *s = "Dropping a single constraint would let a framework qualify.";
	for (size_t i = 0; i < n; i++) {
		const struct relaxation *r = &rx[i];
		const char **score = arena_array(a, r->nqualify, sizeof *score);
		for (size_t k = 0; k < r->nqualify; k++)
			for (size_t j = 0; j < v->nframeworks; j++)
				if (v->ranking[j].framework == r->qualify[k])
					score[k] = S_score(a, v->ranking[j].score);
		const char *scores = S_join(a, score, r->nqualify);
		/* dropping an exclude can only let the framework it names in */
		if (r->exclude != NULL)
			s = arena_printf(a, "%s Lifting the exclusion of %s would let it qualify and "
			                 "be recommended, scoring %s.", s,
			                 S_fw(doc, r->exclude->framework_ix), scores);
		else
			s = arena_printf(a, "%s Without %s, %s would qualify%s, scoring %s.", s,
			                 S_require_words(doc, r->require, a),
			                 S_names(doc, r->qualify, r->nqualify, false, v, a),
			                 r->nqualify == 1 ? " and be recommended" : "", scores);
	}
	return s;
}
