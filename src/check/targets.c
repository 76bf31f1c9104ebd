/* targets.c - the checks of what the verdicts judge: weights, requires,
 * scenarios and profiles (their uses, shares and excludes). */
#include "check_int.h"

#include <math.h>
#include <string.h>

#include "arena.h"

/* Resolves one group's weights; returns their total, and sets *bad when
 * a weight is wrong (its total would only repeat that). */
static double S_weights(struct chk_all *all, struct weight *w, size_t n, const char *owner,
                        bool *bad)
{
	struct chk_ctx *c = &all->c;
	size_t group = ++all->group;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i].criterion == NULL) {
			*bad = true;
			continue;
		}
		w[i].criterion_ix = chk_index_find(&all->criteria, w[i].criterion);
		size_t k = w[i].criterion_ix;
		if (k == MODEL_NO_INDEX && !all->criteria.anonymous)
			ERR(c, w[i].pos, "%s: weight of unknown criterion '%s'%s", owner,
			    Q(c, w[i].criterion), chk_hint(all, &all->criteria, w[i].criterion));
		else if (k == MODEL_NO_INDEX)
			;
		else if (all->stamp_c[k] == group)
			ERR(c, w[i].pos, "%s weighs criterion '%s' twice (first at %s)",
			    owner, Q(c, w[i].criterion), chk_where(c, all->pos_c[k], w[i].pos));
		else {
			all->stamp_c[k] = group;
			all->pos_c[k] = w[i].pos;
		}
		if (!isfinite(w[i].value) || w[i].value < 0) {
			ERR(c, w[i].pos, "%s: weight of '%s' is %g; weights are numbers >= 0",
			    owner, Q(c, w[i].criterion), w[i].value);
			*bad = true;
		} else {
			total += w[i].value;
		}
	}
	return total;
}

static void S_require_ordinal(struct chk_all *all, struct require *r, const struct scale *s,
                              const char *owner)
{
	struct chk_ctx *c = &all->c;
	const char *crit = Q(c, r->criterion), *sid = Q(c, s->id);
	if (r->max_raw != NULL)
		ERR(c, r->pos, "%s: require on '%s': 'max' applies to numeric scales; "
		    "scale '%s' is ordinal (give min=\"<level>\")", owner, crit, sid);
	if (r->min_raw == NULL)
		return;
	r->min_level_ix = model_level_ix(s, r->min_raw);
	if (r->min_level_ix == MODEL_NO_INDEX)
		ERR(c, r->pos, "%s: require on '%s': level '%s' is not in scale '%s'%s",
		    owner, crit, Q(c, r->min_raw), sid, chk_level_hint(all, s, r->min_raw));
}

static void S_require_numeric(struct chk_ctx *c, struct require *r, const struct scale *s,
                              const char *owner)
{
	const char *crit = Q(c, r->criterion), *sid = Q(c, s->id);
	bool bad = false;
	if (r->min_raw != NULL && isnan(r->min)) {
		ERR(c, r->pos, "%s: require on '%s': min '%s' is not a number, and "
		    "scale '%s' is numeric", owner, crit, Q(c, r->min_raw), sid);
		bad = true;
	}
	if (r->max_raw != NULL && isnan(r->max)) {
		ERR(c, r->pos, "%s: require on '%s': max '%s' is not a number, and "
		    "scale '%s' is numeric", owner, crit, Q(c, r->max_raw), sid);
		bad = true;
	}
	if (!bad && r->min > r->max)
		ERR(c, r->pos, "%s: require on '%s': min %s is above max %s, so no "
		    "framework can meet it", owner, crit, Q(c, r->min_raw), Q(c, r->max_raw));
}

static void S_requires(struct chk_all *all, struct require *rq, size_t n, const char *owner)
{
	struct chk_ctx *c = &all->c;
	for (size_t i = 0; i < n; i++) {
		struct require *r = &rq[i];
		if (r->criterion == NULL)
			continue;
		r->criterion_ix = chk_index_find(&all->criteria, r->criterion);
		if (r->criterion_ix == MODEL_NO_INDEX) {
			if (!all->criteria.anonymous)
				ERR(c, r->pos, "%s: require on unknown criterion '%s'%s", owner,
				    Q(c, r->criterion), chk_hint(all, &all->criteria, r->criterion));
			continue;
		}
		size_t si = c->doc->criteria[r->criterion_ix].scale_ix;
		if (si == MODEL_NO_INDEX || all->bad_scale[si] ||
		    (r->min_raw == NULL && r->max_raw == NULL))
			continue;
		if (c->doc->scales[si].kind == SCALE_ORDINAL)
			S_require_ordinal(all, r, &c->doc->scales[si], owner);
		else
			S_require_numeric(c, r, &c->doc->scales[si], owner);
	}
}

void chk_scenarios(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->scenarios, doc->scenarios, doc->nscenarios, "scenario");
	for (size_t i = 0; i < doc->nscenarios; i++) {
		struct scenario *s = &doc->scenarios[i];
		const char *owner = arena_printf(doc->arena, "scenario '%s'", Q(c, s->id));
		bool bad = false;
		double total = S_weights(all, s->weights, s->nweights, owner, &bad);
		if (bad)
			;   /* a wrong weight was reported */
		else if (s->nweights == 0)
			ERR(c, s->pos, "%s weighs no criterion; give it at least one "
			    "<weight> above 0", owner);
		else if (total == 0)
			ERR(c, s->pos, "%s: its weights total 0", owner);
		else if (!isfinite(total))
			ERR(c, s->pos, "%s: its weights total more than a number holds", owner);
		S_requires(all, s->requires, s->nrequires, owner);
	}
}

/* The uses of a profile; returns the total of their shares and sets *bad
 * when a use is wrong. */
static double S_uses(struct chk_all *all, struct profile *p, size_t stamp, const char *owner,
                     bool *bad)
{
	struct chk_ctx *c = &all->c;
	double shares = 0;
	for (size_t u = 0; u < p->nuses; u++) {
		struct use *us = &p->uses[u];
		if (us->scenario == NULL) {
			*bad = true;
			continue;
		}
		us->scenario_ix = chk_index_find(&all->scenarios, us->scenario);
		size_t k = us->scenario_ix;
		if (k == MODEL_NO_INDEX && !all->scenarios.anonymous)
			ERR(c, us->pos, "%s uses unknown scenario '%s'%s", owner,
			    Q(c, us->scenario), chk_hint(all, &all->scenarios, us->scenario));
		else if (k == MODEL_NO_INDEX)
			;
		else if (all->stamp_s[k] == stamp)
			ERR(c, us->pos, "%s uses scenario '%s' twice (first at %s)", owner,
			    Q(c, us->scenario), chk_where(c, all->pos_s[k], us->pos));
		else {
			all->stamp_s[k] = stamp;
			all->pos_s[k] = us->pos;
		}
		if (!isfinite(us->share) || us->share < 0) {
			ERR(c, us->pos, "%s: share of '%s' is %g; shares are numbers >= 0",
			    owner, Q(c, us->scenario), us->share);
			*bad = true;
		} else {
			shares += us->share;
		}
	}
	return shares;
}

static void S_profile(struct chk_all *all, size_t i)
{
	struct chk_ctx *c = &all->c;
	struct doc *doc = c->doc;
	struct profile *p = &doc->profiles[i];
	const char *owner = arena_printf(doc->arena, "profile '%s'", Q(c, p->id));
	if (p->id != NULL && strcmp(p->id, "overview") == 0)
		ERR(c, p->pos, "profile id 'overview' is reserved: its report would "
		    "overwrite the overview (overview.pdf)");
	bool bad = false, bad_own = false;
	double shares = S_uses(all, p, i + 1, owner, &bad);
	double own = S_weights(all, p->weights, p->nweights, owner, &bad_own);
	bool own_zero = p->nweights > 0 && own == 0 && !bad_own;
	if (own_zero)
		ERR(c, p->pos, "%s: its own weights total 0", owner);
	if (!isfinite(p->own_share) || p->own_share < 0) {
		ERR(c, p->pos, "%s: own-share is %g; shares are numbers >= 0", owner,
		    p->own_share);
		bad = true;
	} else if (p->nweights > 0 && own > 0) {
		shares += p->own_share;
	}
	if (bad || bad_own || (shares == 0 && own_zero && p->nuses == 0))
		;   /* said above */
	else if (shares == 0 && (p->nuses > 0 || p->nweights > 0))
		ERR(c, p->pos, "%s: its mix totals 0 (no scenario or own weights "
		    "with a share above 0)", owner);
	else if (shares == 0)
		ERR(c, p->pos, "%s uses no scenario and has no weights of its own", owner);
	else if (!isfinite(shares) || !isfinite(own))
		ERR(c, p->pos, "%s: its shares or weights total more than a number holds",
		    owner);
	S_requires(all, p->requires, p->nrequires, owner);
	for (size_t e = 0; e < p->nexcludes; e++) {
		struct exclude *x = &p->excludes[e];
		if (x->framework == NULL)
			continue;
		x->framework_ix = chk_index_find(&all->frameworks, x->framework);
		if (x->framework_ix == MODEL_NO_INDEX && !all->frameworks.anonymous &&
		    doc->nframeworks > 0)
			ERR(c, x->pos, "%s excludes unknown framework '%s'%s", owner,
			    Q(c, x->framework), chk_hint(all, &all->frameworks, x->framework));
	}
}

void chk_profiles(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
	struct doc *doc = c->doc;
	struct chk_index profiles;
	CHECK_IDS(c, &profiles, doc->profiles, doc->nprofiles, "profile");
	for (size_t i = 0; i < doc->nprofiles; i++)
		S_profile(all, i);
}
