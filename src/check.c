/* check.c - the meaning of format 1 (SPEC section 1) and linking.
 *
 * The loader has reported everything about the shape of the file
 * (elements, attributes, the syntax of numbers, how many of each
 * element); this is everything about what it says: ids and their
 * uniqueness, references, ratings, ranges, totals, requires, dates,
 * colours, URLs, placeholders, and the three warnings.  A reference or
 * number the loader found missing is NULL or keeps its default here and
 * is not reported again.  At the end, the checks against what lies
 * outside the document: the report fonts, the logo file, the run's other
 * inputs (check.h says what each is given instead of the renderer).
 *
 * Every lookup goes through a hash index and every "at most once" test
 * through a stamp array, so the time stays linear in the size of the
 * document whatever it holds. */
#include "check.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "oom.h"
#include "suggest.h"
#include "utf8.h"

struct ctx {
	struct doc *doc;
	const struct patterns *pat;
	struct diags *d;
};

#define ERR(c, pos, ...) diags_add((c)->d, DIAG_ERROR, (pos).file, (pos).line, __VA_ARGS__)
#define WARN(c, pos, ...) diags_add((c)->d, DIAG_WARNING, (pos).file, (pos).line, __VA_ARGS__)
/* Input text as it may appear in a message. */
#define Q(c, s) model_shown((c)->doc, (s))

/* ------------------------------------------------------------------ */
/* Id indexes                                                           */

/* Open addressing from id to the index of its first declaration. */
struct S_index {
	const char **keys;
	size_t *vals;
	size_t mask;
	bool anonymous;   /* some item has no id (the loader said so): a
	                     reference that finds nothing may mean it */
};

static size_t S_hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (size_t)(h ^ (h >> 29));
}

static void S_index_init(struct S_index *ix, struct arena *a, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	ix->keys = arena_array(a, cap, sizeof *ix->keys);
	ix->vals = arena_array(a, cap, sizeof *ix->vals);
	ix->mask = cap - 1;
	ix->anonymous = false;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t S_index_slot(const struct S_index *ix, const char *key)
{
	size_t i = S_hash(key) & ix->mask;
	while (ix->keys[i] != NULL && strcmp(ix->keys[i], key) != 0)
		i = (i + 1) & ix->mask;
	return i;
}

static size_t S_index_find(const struct S_index *ix, const char *key)
{
	if (key == NULL)
		return MODEL_NO_INDEX;
	size_t i = S_index_slot(ix, key);
	return ix->keys[i] != NULL ? ix->vals[i] : MODEL_NO_INDEX;
}

/* Adds key with val; returns the earlier val when key was there already. */
static size_t S_index_add(struct S_index *ix, const char *key, size_t val)
{
	size_t i = S_index_slot(ix, key);
	if (ix->keys[i] != NULL)
		return ix->vals[i];
	ix->keys[i] = key;
	ix->vals[i] = val;
	return MODEL_NO_INDEX;
}

/* "line 12", or "shared/x.xml:12" when first is in another file than at. */
static const char *S_where(struct ctx *c, struct srcpos first, struct srcpos at)
{
	if (first.file == at.file || (first.file && at.file && strcmp(first.file, at.file) == 0))
		return arena_printf(c->doc->arena, "line %ld", first.line);
	return arena_printf(c->doc->arena, "%s:%ld", Q(c, first.file), first.line);
}

static void S_id(struct ctx *c, const char *id, const char *kind, struct srcpos pos)
{
	if (id != NULL && !patterns_is_id(c->pat, id))
		ERR(c, pos, "%s id '%s' is not an id: lower-case letters, digits, '.', "
		    "'_' and '-', starting with a letter or digit, at most 64 "
		    "(^[a-z0-9][a-z0-9._-]{0,63}$)", kind, Q(c, id));
}

/* Checks the ids of one kind (pattern, uniqueness) and indexes them. */
#define CHECK_IDS(c, ix, arr, n, kind)                                        \
	do {                                                                  \
		S_index_init((ix), (c)->doc->arena, (n));                     \
		for (size_t i_ = 0; i_ < (n); i_++) {                         \
			if ((arr)[i_].id == NULL) {                           \
				(ix)->anonymous = true;                       \
				continue;                                     \
			}                                                     \
			S_id((c), (arr)[i_].id, (kind), (arr)[i_].pos);       \
			size_t j_ = S_index_add((ix), (arr)[i_].id, i_);      \
			if (j_ != MODEL_NO_INDEX)                             \
				ERR((c), (arr)[i_].pos, "duplicate %s id '%s' (first at %s)", \
				    (kind), Q((c), (arr)[i_].id),              \
				    S_where((c), (arr)[j_].pos, (arr)[i_].pos)); \
		}                                                             \
	} while (0)

/* Everything the checks share: the doc and one index per kind. */
struct S_all {
	struct ctx c;
	struct S_index scales, frameworks, criteria, scenarios, sources;
	size_t *stamp_c;   /* per criterion: the group that last weighed it + 1 */
	struct srcpos *pos_c;   /* ... and where */
	size_t *stamp_s;   /* per scenario: the profile that last used it + 1 */
	struct srcpos *pos_s;   /* ... and where */
	bool *bad_scale;   /* per scale: wrong and said so, so not used to judge */
	unsigned hints;    /* "did you mean" searches left (each costs a pass) */
	size_t group;      /* groups seen so far */
	size_t *stamp_src; /* per source: the rating that last named it + 1 */
	size_t nrating;    /* ratings seen so far by S_evidence */
	struct srcpos warned_at;   /* the element whose placeholders were last */
	unsigned warned;           /* warned about: bit per enum patterns_ph */
};

/* "; did you mean 'x'?" for a dangling reference word, or "".  The ids
 * of a kind are searched for the first few dangling references only, and
 * only for kinds of a sane size, so hostile inputs stay linear. */
static const char *S_hint(struct S_all *all, const struct S_index *ix, const char *word)
{
	if (all->hints == 0 || ix->mask >= 4096 || word == NULL)
		return "";
	all->hints--;
	const char *best = suggest_best(word, ix->keys, ix->mask + 1, SUGGEST_IDS);
	return best != NULL ? arena_printf(all->c.doc->arena, "; did you mean '%s'?", best) : "";
}

/* "; did you mean 'x'?" for a level id not in scale s, or else
 * "; the levels of 's' are: a, b, c" (for a scale of at most
 * S_LEVELS_LISTED levels), or "".  Shares the budget of S_hint. */
#define S_LEVELS_LISTED 20
static const char *S_level_hint(struct S_all *all, const struct scale *s, const char *word)
{
	struct ctx *c = &all->c;
	if (all->hints == 0 || word == NULL || s->nlevels == 0 || s->nlevels > 4096)
		return "";
	all->hints--;
	const char **ids = arena_array(c->doc->arena, s->nlevels, sizeof *ids);
	for (size_t l = 0; l < s->nlevels; l++)
		ids[l] = s->levels[l].id;
	const char *best = suggest_best(word, ids, s->nlevels, SUGGEST_IDS);
	if (best != NULL)
		return arena_printf(c->doc->arena, "; did you mean '%s'?", Q(c, best));
	if (s->nlevels > S_LEVELS_LISTED)
		return "";
	const char *list = "";
	for (size_t l = 0; l < s->nlevels; l++)
		if (ids[l] != NULL)
			list = arena_printf(c->doc->arena, "%s%s%s", list, *list ? ", " : "",
			                    Q(c, ids[l]));
	return arena_printf(c->doc->arena, "; the levels of '%s' are: %s", Q(c, s->id), list);
}

/* ------------------------------------------------------------------ */
/* Scales, frameworks, ratings                                          */

/* Returns false when the scale is unusable (and said so). */
static bool S_ordinal(struct ctx *c, struct scale *s)
{
	const char *id = Q(c, s->id);
	size_t before = c->d->errors;
	if (s->nlevels < 2) {
		ERR(c, s->pos, "scale '%s' needs at least 2 levels, it has %zu", id, s->nlevels);
		return false;
	}
	struct S_index levels;
	S_index_init(&levels, c->doc->arena, s->nlevels);
	s->min = s->max = s->levels[0].score;
	for (size_t l = 0; l < s->nlevels; l++) {
		struct level *lv = &s->levels[l];
		S_id(c, lv->id, "level", lv->pos);
		if (lv->id != NULL && strcmp(lv->id, "unknown") == 0)
			ERR(c, lv->pos, "'unknown' is reserved (an unknown rating) and "
			    "cannot be a level id");
		else if (lv->id != NULL && S_index_add(&levels, lv->id, l) != MODEL_NO_INDEX)
			ERR(c, lv->pos, "duplicate level id '%s' in scale '%s'", Q(c, lv->id), id);
		if (!isfinite(lv->score))
			ERR(c, lv->pos, "level '%s': score is not a finite number", Q(c, lv->id));
		s->min = fmin(s->min, lv->score);
		s->max = fmax(s->max, lv->score);
	}
	if (s->min == s->max)
		ERR(c, s->pos, "scale '%s' cannot discriminate: every level scores %g",
		    id, s->min);
	else if (!isfinite(s->max - s->min))
		ERR(c, s->pos, "scale '%s': its scores span more than a number holds", id);
	return c->d->errors == before;
}

static void S_scales(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->scales, doc->scales, doc->nscales, "scale");
	all->bad_scale = arena_array(doc->arena, doc->nscales, sizeof *all->bad_scale);
	for (size_t i = 0; i < doc->nscales; i++) {
		struct scale *s = &doc->scales[i];
		bool ok = !s->reported;
		if (!ok)
			;   /* its kind or bounds are wrong, and the loader said so */
		else if (s->kind == SCALE_ORDINAL)
			ok = S_ordinal(c, s);
		else if (!(s->min < s->max) || !isfinite(s->max - s->min))
			ok = false;
		if (s->kind == SCALE_NUMERIC && !s->reported && !(s->min < s->max))
			ERR(c, s->pos, "scale '%s': min (%g) must be less than max (%g)",
			    Q(c, s->id), s->min, s->max);
		else if (s->kind == SCALE_NUMERIC && !s->reported && !ok)
			ERR(c, s->pos, "scale '%s': max - min is more than a number holds",
			    Q(c, s->id));
		all->bad_scale[i] = !ok;
	}
}

static void S_frameworks(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->frameworks, doc->frameworks, doc->nframeworks, "framework");
	for (size_t i = 0; i < doc->nframeworks; i++) {
		const struct framework *f = &doc->frameworks[i];
		if (f->url != NULL && !patterns_is_url(c->pat, f->url))
			ERR(c, f->pos, "framework '%s': url '%s' is not an http:// or "
			    "https:// URL", Q(c, f->id), Q(c, f->url));
	}
}

static void S_rating(struct S_all *all, const struct criterion *cr,
                     const struct scale *s, struct rating *r)
{
	struct ctx *c = &all->c;
	const char *f = Q(c, r->framework), *crit = Q(c, cr->id), *sid = Q(c, s->id);
	if (r->raw == NULL)
		return;   /* neither level nor value: the loader said so */
	if (s->kind == SCALE_ORDINAL && !r->by_level) {
		ERR(c, r->pos, "rating of '%s' in '%s': scale '%s' is ordinal, so the "
		    "rating takes level=, not value=", f, crit, sid);
		return;
	}
	if (s->kind == SCALE_NUMERIC && r->by_level) {
		ERR(c, r->pos, "rating of '%s' in '%s': scale '%s' is numeric, so the "
		    "rating takes value=, not level=", f, crit, sid);
		return;
	}
	if (r->unknown)
		return;
	if (s->kind == SCALE_ORDINAL) {
		r->level_ix = model_level_ix(s, r->raw);
		if (r->level_ix == MODEL_NO_INDEX)
			ERR(c, r->pos, "rating of '%s' in '%s': level '%s' is not in scale '%s'%s",
			    f, crit, Q(c, r->raw), sid, S_level_hint(all, s, r->raw));
	} else if (!isfinite(r->value) || r->value < s->min || r->value > s->max) {
		ERR(c, r->pos, "rating of '%s' in '%s': value %s is outside [%g, %g] "
		    "of scale '%s'", f, crit, Q(c, r->raw), s->min, s->max, sid);
	}
}

/* The ratings of one criterion; seen/at are per framework scratch arrays
 * stamped with the criterion (stamp). */
static void S_ratings(struct S_all *all, struct criterion *cr, size_t stamp,
                      size_t *seen, size_t *at)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	bool matrix = doc->nframeworks <= CHECK_MAX_FRAMEWORKS;
	if (matrix) {
		cr->rating_of = arena_array(doc->arena, doc->nframeworks, sizeof *cr->rating_of);
		for (size_t f = 0; f < doc->nframeworks; f++)
			cr->rating_of[f] = MODEL_NO_INDEX;
	}
	size_t rated = 0;
	for (size_t r = 0; r < cr->nratings; r++) {
		struct rating *rt = &cr->ratings[r];
		/* With no framework at all (the loader said so) every rating
		 * would dangle. */
		if (rt->framework == NULL || doc->nframeworks == 0)
			continue;
		rt->framework_ix = S_index_find(&all->frameworks, rt->framework);
		size_t f = rt->framework_ix;
		if (f == MODEL_NO_INDEX) {
			if (!all->frameworks.anonymous)
				ERR(c, rt->pos, "criterion '%s': rating of unknown framework '%s'%s",
				    Q(c, cr->id), Q(c, rt->framework),
				    S_hint(all, &all->frameworks, rt->framework));
			continue;
		}
		if (seen[f] == stamp) {
			ERR(c, rt->pos, "criterion '%s': framework '%s' is rated twice "
			    "(first at %s)", Q(c, cr->id), Q(c, rt->framework),
			    S_where(c, cr->ratings[at[f]].pos, rt->pos));
			continue;
		}
		seen[f] = stamp;
		at[f] = r;
		rated++;
		if (matrix)
			cr->rating_of[f] = r;
		if (cr->scale_ix != MODEL_NO_INDEX && !all->bad_scale[cr->scale_ix])
			S_rating(all, cr, &doc->scales[cr->scale_ix], rt);
	}
	/* With too many frameworks (reported by the loader) the list of
	 * missing ones would only be noise. */
	if (matrix && rated < doc->nframeworks)
		for (size_t f = 0; f < doc->nframeworks; f++)
			if (seen[f] != stamp && doc->frameworks[f].id != NULL &&
			    S_index_find(&all->frameworks, doc->frameworks[f].id) == f &&
			    patterns_is_id(c->pat, doc->frameworks[f].id))
				ERR(c, cr->pos, "criterion '%s' has no rating for framework '%s'",
				    Q(c, cr->id), Q(c, doc->frameworks[f].id));
}

static void S_criteria(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->criteria, doc->criteria, doc->ncriteria, "criterion");
	size_t *seen = arena_array(doc->arena, doc->nframeworks, sizeof *seen);
	size_t *at = arena_array(doc->arena, doc->nframeworks, sizeof *at);
	for (size_t i = 0; i < doc->ncriteria; i++) {
		struct criterion *cr = &doc->criteria[i];
		cr->scale_ix = S_index_find(&all->scales, cr->scale);
		if (cr->scale != NULL && cr->scale_ix == MODEL_NO_INDEX && !all->scales.anonymous)
			ERR(c, cr->pos, "criterion '%s': unknown scale '%s'%s", Q(c, cr->id),
			    Q(c, cr->scale), S_hint(all, &all->scales, cr->scale));
		S_ratings(all, cr, i + 1, seen, at);
	}
}

/* ------------------------------------------------------------------ */
/* Weights, requires, scenarios, profiles                               */

/* Resolves one group's weights; returns their total, and sets *bad when
 * a weight is wrong (its total would only repeat that). */
static double S_weights(struct S_all *all, struct weight *w, size_t n, const char *owner,
                        bool *bad)
{
	struct ctx *c = &all->c;
	size_t group = ++all->group;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i].criterion == NULL) {
			*bad = true;
			continue;
		}
		w[i].criterion_ix = S_index_find(&all->criteria, w[i].criterion);
		size_t k = w[i].criterion_ix;
		if (k == MODEL_NO_INDEX && !all->criteria.anonymous)
			ERR(c, w[i].pos, "%s: weight of unknown criterion '%s'%s", owner,
			    Q(c, w[i].criterion), S_hint(all, &all->criteria, w[i].criterion));
		else if (k == MODEL_NO_INDEX)
			;
		else if (all->stamp_c[k] == group)
			ERR(c, w[i].pos, "%s weighs criterion '%s' twice (first at %s)",
			    owner, Q(c, w[i].criterion), S_where(c, all->pos_c[k], w[i].pos));
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

static void S_require_ordinal(struct S_all *all, struct require *r, const struct scale *s,
                              const char *owner)
{
	struct ctx *c = &all->c;
	const char *crit = Q(c, r->criterion), *sid = Q(c, s->id);
	if (r->max_raw != NULL)
		ERR(c, r->pos, "%s: require on '%s': 'max' applies to numeric scales; "
		    "scale '%s' is ordinal (give min=\"<level>\")", owner, crit, sid);
	if (r->min_raw == NULL)
		return;
	r->min_level_ix = model_level_ix(s, r->min_raw);
	if (r->min_level_ix == MODEL_NO_INDEX)
		ERR(c, r->pos, "%s: require on '%s': level '%s' is not in scale '%s'%s",
		    owner, crit, Q(c, r->min_raw), sid, S_level_hint(all, s, r->min_raw));
}

static void S_require_numeric(struct ctx *c, struct require *r, const struct scale *s,
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

static void S_requires(struct S_all *all, struct require *rq, size_t n, const char *owner)
{
	struct ctx *c = &all->c;
	for (size_t i = 0; i < n; i++) {
		struct require *r = &rq[i];
		if (r->criterion == NULL)
			continue;
		r->criterion_ix = S_index_find(&all->criteria, r->criterion);
		if (r->criterion_ix == MODEL_NO_INDEX) {
			if (!all->criteria.anonymous)
				ERR(c, r->pos, "%s: require on unknown criterion '%s'%s", owner,
				    Q(c, r->criterion), S_hint(all, &all->criteria, r->criterion));
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

static void S_scenarios(struct S_all *all)
{
	struct ctx *c = &all->c;
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
static double S_uses(struct S_all *all, struct profile *p, size_t stamp, const char *owner,
                     bool *bad)
{
	struct ctx *c = &all->c;
	double shares = 0;
	for (size_t u = 0; u < p->nuses; u++) {
		struct use *us = &p->uses[u];
		if (us->scenario == NULL) {
			*bad = true;
			continue;
		}
		us->scenario_ix = S_index_find(&all->scenarios, us->scenario);
		size_t k = us->scenario_ix;
		if (k == MODEL_NO_INDEX && !all->scenarios.anonymous)
			ERR(c, us->pos, "%s uses unknown scenario '%s'%s", owner,
			    Q(c, us->scenario), S_hint(all, &all->scenarios, us->scenario));
		else if (k == MODEL_NO_INDEX)
			;
		else if (all->stamp_s[k] == stamp)
			ERR(c, us->pos, "%s uses scenario '%s' twice (first at %s)", owner,
			    Q(c, us->scenario), S_where(c, all->pos_s[k], us->pos));
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

static void S_profile(struct S_all *all, size_t i)
{
	struct ctx *c = &all->c;
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
		x->framework_ix = S_index_find(&all->frameworks, x->framework);
		if (x->framework_ix == MODEL_NO_INDEX && !all->frameworks.anonymous &&
		    doc->nframeworks > 0)
			ERR(c, x->pos, "%s excludes unknown framework '%s'%s", owner,
			    Q(c, x->framework), S_hint(all, &all->frameworks, x->framework));
	}
}

static void S_profiles(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	struct S_index profiles;
	CHECK_IDS(c, &profiles, doc->profiles, doc->nprofiles, "profile");
	for (size_t i = 0; i < doc->nprofiles; i++)
		S_profile(all, i);
}

/* ------------------------------------------------------------------ */
/* Texts, meta, warnings                                                */

/* Every placeholder name, "a, b and c", for the message about one that
 * is not. */
static const char *S_ph_names(struct ctx *c)
{
	const char *list = "";
	for (int k = 0; k < PATTERNS_PH_COUNT; k++)
		list = arena_printf(c->doc->arena, "%s%s%s", list,
		                    k == 0 ? "" : k + 1 < PATTERNS_PH_COUNT ? ", " : " and ",
		                    patterns_ph_name((enum patterns_ph)k));
	return list;
}

/* "winner", "close or none", "winner, close or none": the verdict kinds
 * among cases. */
static const char *S_kinds(struct ctx *c, unsigned cases)
{
	const char *list = "";
	unsigned left = cases & WHEN_PROFILE;
	for (unsigned k = 0; k < 3; k++) {
		if (!(left & 1u << k))
			continue;
		left &= ~(1u << k);
		list = arena_printf(c->doc->arena, "%s%s%s", list,
		                    *list == '\0' ? "" : left != 0 ? ", " : " or ",
		                    model_when_tokens[k]);
	}
	return list;
}

/* The when that shows an element only in cases: "winner profile",
 * "profile", "overview". */
static const char *S_when_for(struct ctx *c, unsigned cases)
{
	if (cases == WHEN_OVERVIEW)
		return "overview";
	if ((cases & WHEN_PROFILE) == WHEN_PROFILE)
		return "profile";
	const char *list = "";
	for (unsigned k = 0; k < 3; k++)
		if (cases & 1u << k)
			list = arena_printf(c->doc->arena, "%s%s ", list, model_when_tokens[k]);
	return arena_printf(c->doc->arena, "%sprofile", list);
}

/* SPEC 6.2: a placeholder of kind in t that prints as a dash somewhere t
 * may be shown, said once per element and placeholder. */
static void S_no_value(struct S_all *all, const struct text_ref *t,
                       enum patterns_ph kind, const char *shown)
{
	struct ctx *c = &all->c;
	unsigned has = patterns_ph_cases(kind), missing = t->when & ~has;
	if (missing == 0)
		return;
	if (all->warned_at.file != t->pos.file || all->warned_at.line != t->pos.line) {
		all->warned_at = t->pos;
		all->warned = 0;
	}
	if (all->warned & 1u << kind)
		return;
	all->warned |= 1u << kind;
	const char *where = (missing & WHEN_PROFILE) == 0 ? "in the overview"
		: arena_printf(c->doc->arena, "when the verdict is %s%s",
		               S_kinds(c, missing),
		               missing & WHEN_OVERVIEW ? ", nor in the overview" : "");
	const char *fix = !t->can_when ? ""
		: (t->when & has) != 0
		? arena_printf(c->doc->arena, "; add when=\"%s\"", S_when_for(c, t->when & has))
		: "; the element is never shown where it has one";
	WARN(c, t->pos, "{{%s}} has no value %s%s", Q(c, shown), where, fix);
}

/* Checks every placeholder of one text. */
static void S_text(struct S_all *all, const struct text_ref *t)
{
	struct ctx *c = &all->c;
	const char *text = t->text;
	struct srcpos pos = t->pos;
	struct placeholder ph;
	size_t at = 0;
	while (text != NULL && patterns_next_placeholder(c->pat, text, at, &ph)) {
		const char *name = text + ph.name_start;
		size_t len = ph.name_end - ph.name_start;
		char *shown = arena_strndup(c->doc->arena, name, len);
		size_t id_at, id_len;
		enum patterns_ph kind = patterns_ph_kind(name, len, &id_at, &id_len);
		if (!patterns_is_placeholder_name(c->pat, name, len)) {
			/* A near miss of a fixed name (not the framework.<id> forms). */
			const char *fixed[PATTERNS_PH_COUNT] = { 0 };
			for (int k = 0; k < PATTERNS_PH_COUNT; k++)
				if (k != PATTERNS_PH_FW_NAME && k != PATTERNS_PH_FW_VERSION)
					fixed[k] = patterns_ph_name((enum patterns_ph)k);
			const char *best = suggest_best(shown, fixed, PATTERNS_PH_COUNT,
			                                SUGGEST_NAMES);
			if (best != NULL)
				ERR(c, pos, "unknown placeholder {{%s}}; did you mean {{%s}}?",
				    Q(c, shown), best);
			else
				ERR(c, pos, "unknown placeholder {{%s}}; the names are %s",
				    Q(c, shown), S_ph_names(c));
		} else if (kind == PATTERNS_PH_FW_NAME || kind == PATTERNS_PH_FW_VERSION) {
			char *id = arena_strndup(c->doc->arena, name + id_at, id_len);
			if (S_index_find(&all->frameworks, id) == MODEL_NO_INDEX &&
			    !all->frameworks.anonymous && c->doc->nframeworks > 0)
				ERR(c, pos, "placeholder {{%s}} names unknown framework '%s'%s",
				    Q(c, shown), Q(c, id), S_hint(all, &all->frameworks, id));
		} else {
			S_no_value(all, t, kind, shown);
		}
		at = ph.end;
	}
}

/* The tokens of one when attribute (SPEC 6.2). */
static void S_when(struct ctx *c, const struct text_ref *w)
{
	bool all_known = true;
	for (const char *s = w->text; *s != '\0';) {
		size_t len = strcspn(s, MODEL_WHEN_BLANKS);
		if (len > 0 && model_when_token(s, len) == 0) {
			char *tok = arena_strndup(c->doc->arena, s, len);
			const char *hint = suggest_best(tok, model_when_tokens, 5, SUGGEST_NAMES);
			ERR(c, w->pos, "when: unknown token '%s'; %s", Q(c, tok),
			    hint != NULL ? arena_printf(c->doc->arena, "did you mean '%s'?", hint)
			                 : "the tokens are winner, close, none, profile and overview");
			all_known = false;
		}
		s += len;
		s += strspn(s, MODEL_WHEN_BLANKS);
	}
	if (all_known && model_when_cases(w->text) == 0)
		WARN(c, w->pos, "when=\"%s\" never shows this element (the overview has "
		     "no verdict)", Q(c, w->text));
}

static void S_texts(struct S_all *all)
{
	struct doc *doc = all->c.doc;
	struct S_index sections;
	CHECK_IDS(&all->c, &sections, doc->sections, doc->nsections, "section");
	for (size_t i = 0; i < doc->nwhens; i++)
		S_when(&all->c, &doc->whens[i]);
	for (size_t i = 0; i < doc->ntexts; i++)
		S_text(all, &doc->texts[i]);
}

static void S_warnings(struct ctx *c)
{
	struct doc *doc = c->doc;
	bool *weighed = arena_array(doc->arena, doc->ncriteria, sizeof *weighed);
	bool *used = arena_array(doc->arena, doc->nscenarios, sizeof *used);
	size_t *excluded = arena_array(doc->arena, doc->nframeworks, sizeof *excluded);
	size_t *stamp = arena_array(doc->arena, doc->nframeworks, sizeof *stamp);
	for (size_t i = 0; i < doc->nscenarios; i++)
		for (size_t w = 0; w < doc->scenarios[i].nweights; w++) {
			const struct weight *wt = &doc->scenarios[i].weights[w];
			if (wt->criterion_ix != MODEL_NO_INDEX && wt->value > 0)
				weighed[wt->criterion_ix] = true;
		}
	for (size_t i = 0; i < doc->nprofiles; i++) {
		const struct profile *p = &doc->profiles[i];
		for (size_t w = 0; w < p->nweights; w++)
			if (p->weights[w].criterion_ix != MODEL_NO_INDEX && p->weights[w].value > 0)
				weighed[p->weights[w].criterion_ix] = true;
		for (size_t u = 0; u < p->nuses; u++)
			if (p->uses[u].scenario_ix != MODEL_NO_INDEX)
				used[p->uses[u].scenario_ix] = true;
		for (size_t e = 0; e < p->nexcludes; e++) {
			size_t f = p->excludes[e].framework_ix;
			if (f != MODEL_NO_INDEX && stamp[f] != i + 1) {
				stamp[f] = i + 1;
				excluded[f]++;
			}
		}
	}
	for (size_t i = 0; i < doc->ncriteria; i++)
		if (!weighed[i])
			WARN(c, doc->criteria[i].pos, "criterion '%s' is weighed by no "
			     "scenario or profile", Q(c, doc->criteria[i].id));
	for (size_t i = 0; i < doc->nscenarios; i++)
		if (!used[i])
			WARN(c, doc->scenarios[i].pos, "scenario '%s' is used by no profile",
			     Q(c, doc->scenarios[i].id));
	for (size_t f = 0; f < doc->nframeworks; f++)
		if (doc->nprofiles > 0 && excluded[f] == doc->nprofiles)
			WARN(c, doc->frameworks[f].pos, "framework '%s' is excluded by "
			     "every profile", Q(c, doc->frameworks[f].id));
}

static void S_meta(struct ctx *c)
{
	struct doc *doc = c->doc;
	if (doc->format != 1)
		ERR(c, doc->pos, "unsupported format '%d' (this tool reads format 1)", doc->format);
	S_id(c, doc->id, "comparison", doc->pos);
	if (doc->meta.date != NULL && !patterns_is_date(c->pat, doc->meta.date))
		ERR(c, doc->meta.date_pos, "date '%s' is not a real date written "
		    "YYYY-MM-DD", Q(c, doc->meta.date));
	if (doc->report.accent != NULL && !patterns_is_colour(c->pat, doc->report.accent))
		ERR(c, doc->report.pos, "accent '%s' is not a colour written #rrggbb "
		    "(like #1f4e79)", Q(c, doc->report.accent));
	if (doc->report.has_close_call &&
	    (!isfinite(doc->report.close_call) || doc->report.close_call < 0))
		ERR(c, doc->report.pos, "close-call is %g; it must be a number >= 0",
		    doc->report.close_call);
}

/* ------------------------------------------------------------------ */
/* Sources, rating dates, staleness (SPEC 6.3)                          */

static void S_sources(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->sources, doc->sources, doc->nsources, "source");
	for (size_t i = 0; i < doc->nsources; i++) {
		const struct source *s = &doc->sources[i];
		if (s->url != NULL && !patterns_is_url(c->pat, s->url))
			ERR(c, s->pos, "source '%s': url '%s' is not an http:// or "
			    "https:// URL", Q(c, s->id), Q(c, s->url));
		if (s->date != NULL && !patterns_is_date(c->pat, s->date))
			ERR(c, s->pos, "source '%s': date '%s' is not a real date written "
			    "YYYY-MM-DD", Q(c, s->id), Q(c, s->date));
	}
}

/* Whole months from date a to date b (both valid YYYY-MM-DD), counting
 * a month only once its day is reached: 2025-01-10 to 2026-01-10 is 12,
 * to 2026-01-11 12 and a bit (returned as 12, *more set). */
static long S_months(const char *a, const char *b, bool *more)
{
	long ma = atol(a) * 12 + atol(a + 5), mb = atol(b) * 12 + atol(b + 5);
	int da = atoi(a + 8), db = atoi(b + 8);
	long m = mb - ma;
	if (db < da)
		m--;
	*more = db != da;
	return m;
}

bool check_is_stale(const char *rating_date, const char *comparison_date, long months)
{
	if (rating_date == NULL || comparison_date == NULL || months <= 0)
		return false;
	bool more;
	long m = S_months(rating_date, comparison_date, &more);
	return m > months || (m == months && more);
}

/* One rating's sources and date; stale against date when months > 0. */
static void S_evidence(struct S_all *all, const struct criterion *cr, struct rating *r,
                       const char *date, long months)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	const char *f = Q(c, r->framework), *crit = Q(c, cr->id);
	bool as_of_ok = r->as_of != NULL && patterns_is_date(c->pat, r->as_of);
	if (r->as_of != NULL && !as_of_ok)
		ERR(c, r->pos, "rating of '%s' in '%s': as-of '%s' is not a real date "
		    "written YYYY-MM-DD", f, crit, Q(c, r->as_of));
	const char *latest = NULL;
	all->nrating++;
	if (r->source != NULL) {
		size_t n = 0;
		for (const char *p = r->source; *p; ) {
			p += strspn(p, MODEL_WHEN_BLANKS);
			if (*p == '\0')
				break;
			n++;
			p += strcspn(p, MODEL_WHEN_BLANKS);
		}
		if (n == 0)
			ERR(c, r->pos, "rating of '%s' in '%s': source names no source", f, crit);
		r->source_ix = arena_array(doc->arena, n > 0 ? n : 1, sizeof *r->source_ix);
		for (const char *p = r->source; *p; ) {
			p += strspn(p, MODEL_WHEN_BLANKS);
			size_t len = strcspn(p, MODEL_WHEN_BLANKS);
			if (len == 0)
				break;
			char *id = arena_printf(doc->arena, "%.*s", (int)len, p);
			p += len;
			size_t ix = S_index_find(&all->sources, id);
			if (ix == MODEL_NO_INDEX) {
				if (!all->sources.anonymous)
					ERR(c, r->pos, "rating of '%s' in '%s': unknown source '%s'%s",
					    f, crit, Q(c, id), S_hint(all, &all->sources, id));
				continue;
			}
			if (all->stamp_src[ix] == all->nrating)
				continue;   /* named twice: cited once */
			all->stamp_src[ix] = all->nrating;
			r->source_ix[r->nsource_ix++] = ix;
			const char *sd = doc->sources[ix].date;
			if (sd != NULL && patterns_is_date(c->pat, sd) &&
			    (latest == NULL || strcmp(sd, latest) > 0))
				latest = sd;
		}
	}
	r->date = as_of_ok ? r->as_of : latest;
	r->stale = check_is_stale(r->date, date, months);
	if (r->stale)
		WARN(c, r->pos, "rating of '%s' in '%s' is stale: dated %s, more than "
		     "%ld months before the comparison's date %s (stale-after)",
		     f, crit, r->date, months, date);
}

static void S_evidences(struct S_all *all)
{
	struct ctx *c = &all->c;
	struct doc *doc = c->doc;
	struct report_opts *ro = &doc->report;
	ro->stale_months = 0;
	all->stamp_src = arena_array(doc->arena, doc->nsources, sizeof *all->stamp_src);
	/* xs:positiveInteger (the schema reports anything else): digits,
	 * perhaps after a '+' */
	const char *sa = ro->stale_after;
	if (sa != NULL && *sa == '+')
		sa++;
	if (sa != NULL && *sa != '\0' && strspn(sa, "0123456789") == strlen(sa)) {
		errno = 0;
		long m = strtol(sa, NULL, 10);
		ro->stale_months = errno == 0 ? m : LONG_MAX;
	}
	const char *date = doc->meta.date != NULL && patterns_is_date(c->pat, doc->meta.date)
	                   ? doc->meta.date
	                   : doc->meta.date == NULL && doc->today != NULL &&
	                     patterns_is_date(c->pat, doc->today) ? doc->today : NULL;
	for (size_t i = 0; i < doc->ncriteria; i++) {
		const struct criterion *cr = &doc->criteria[i];
		for (size_t r = 0; r < cr->nratings; r++)
			S_evidence(all, cr, &cr->ratings[r], date, ro->stale_months);
	}
}

bool check_doc(struct doc *doc, const struct patterns *pat, struct diags *d)
{
	struct S_all all = { .c = { .doc = doc, .pat = pat, .d = d }, .hints = 50 };
	size_t before = d->errors;
	all.stamp_c = arena_array(doc->arena, doc->ncriteria, sizeof *all.stamp_c);
	all.pos_c = arena_array(doc->arena, doc->ncriteria, sizeof *all.pos_c);
	all.stamp_s = arena_array(doc->arena, doc->nscenarios, sizeof *all.stamp_s);
	all.pos_s = arena_array(doc->arena, doc->nscenarios, sizeof *all.pos_s);
	S_meta(&all.c);
	S_scales(&all);
	S_frameworks(&all);
	S_sources(&all);
	S_criteria(&all);
	S_evidences(&all);
	S_scenarios(&all);
	S_profiles(&all);
	S_texts(&all);
	S_warnings(&all.c);
	return d->errors == before;
}

/* ------------------------------------------------------------------ */
/* Beyond the document: the report fonts, the logo, the other inputs    */

/* A character the fonts lack: where it first occurs and how often. */
struct S_missing {
	uint32_t cp;
	size_t count;
	struct srcpos pos;
	const char *where;       /* the element it is in, in the checker's arena */
};

/* Code points lead to their entry through pages of 256 slots, a page
 * allocated when it first holds one: a lookup costs the same whatever the
 * number of distinct characters (searching the list made 20,000 distinct
 * ones quadratic).  Every value a 4-byte sequence holds has a slot. */
#define S_GLYPH_PAGE 256u
#define S_GLYPH_PAGES (0x200000u / S_GLYPH_PAGE)

struct S_glyphs {
	check_has_char_fn has;
	const void *ctx;
	struct arena *a;
	struct S_missing *items;  /* in order of first occurrence */
	size_t n, cap;
	size_t **pages;           /* NULL until needed; a slot is index + 1, 0: none */
};

/* The entry for cp, added at pos (in where, id) when it is the first. */
static struct S_missing *S_glyph_entry(struct S_glyphs *g, uint32_t cp, struct srcpos pos,
                                       const char *where, const char *id)
{
	if (g->pages == NULL)
		g->pages = arena_array(g->a, S_GLYPH_PAGES, sizeof *g->pages);
	size_t **page = &g->pages[cp / S_GLYPH_PAGE];
	if (*page == NULL)
		*page = arena_array(g->a, S_GLYPH_PAGE, sizeof **page);
	size_t *slot = &(*page)[cp % S_GLYPH_PAGE];
	if (*slot == 0) {
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 8;
			g->items = realloc(g->items, g->cap * sizeof *g->items);
			if (g->items == NULL)
				oom_abort();
		}
		g->items[g->n] = (struct S_missing){
			cp, 0, pos, id ? arena_printf(g->a, "%s '%s'", where, id) : where };
		*slot = ++g->n;
	}
	return &g->items[*slot - 1];
}

/* Records every character of text the fonts lack; where and id (may be
 * NULL) describe the element: "the name of framework", "pytorch".  The
 * loader let only valid UTF-8 through, so the lax rule suffices. */
static void S_glyph_text(struct S_glyphs *g, const char *text, struct srcpos pos,
                         const char *where, const char *id)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		uint32_t cp;
		size_t l = utf8_decode(s, SIZE_MAX, UTF8_LAX, &cp);
		s += l ? l : 1;
		if (cp >= 0x20 && !g->has(g->ctx, cp))
			S_glyph_entry(g, cp, pos, where, id)->count++;
	}
}

static void S_glyph_block(struct S_glyphs *g, const struct block *blk, const char *where,
                          const char *id)
{
	for (size_t i = 0; i < blk->nparas; i++)
		for (size_t s = 0; s < blk->paras[i].nspans; s++)
			S_glyph_text(g, blk->paras[i].spans[s].text, blk->paras[i].pos, where, id);
}

/* The texts of the scales, frameworks and criteria. */
static void S_glyph_items(struct S_glyphs *g, const struct doc *d)
{
	for (size_t i = 0; i < d->nscales; i++) {
		const struct scale *s = &d->scales[i];
		S_glyph_text(g, s->unit, s->pos, "the unit of scale", s->id);
		for (size_t l = 0; l < s->nlevels; l++)
			S_glyph_text(g, s->levels[l].label, s->levels[l].pos,
			             "a level label of scale", s->id);
	}
	for (size_t i = 0; i < d->nframeworks; i++) {
		const struct framework *f = &d->frameworks[i];
		S_glyph_text(g, f->name, f->pos, "the name of framework", f->id);
		S_glyph_text(g, f->version, f->pos, "the version of framework", f->id);
	}
	for (size_t i = 0; i < d->ncriteria; i++) {
		const struct criterion *c = &d->criteria[i];
		S_glyph_text(g, c->name, c->pos, "the name of criterion", c->id);
		S_glyph_text(g, c->description, c->pos, "the description of criterion", c->id);
		S_glyph_text(g, c->category, c->pos, "the category of criterion", c->id);
		for (size_t r = 0; r < c->nratings; r++)
			S_glyph_text(g, c->ratings[r].text, c->ratings[r].pos,
			             "a rating of criterion", c->id);
	}
}

/* Every text of the doc a report prints, with the element it is in, in
 * the order a reader meets them. */
static void S_glyph_doc(struct S_glyphs *g, const struct doc *d)
{
	S_glyph_text(g, d->title, d->pos, "the title", NULL);
	S_glyph_text(g, d->subtitle, d->pos, "the subtitle", NULL);
	S_glyph_text(g, d->meta.author, d->pos, "the author", NULL);
	S_glyph_text(g, d->meta.organisation, d->pos, "the organisation", NULL);
	S_glyph_block(g, &d->intro, "the introduction", NULL);
	S_glyph_items(g, d);
	for (size_t i = 0; i < d->nscenarios; i++) {
		const struct scenario *s = &d->scenarios[i];
		S_glyph_text(g, s->name, s->pos, "the name of scenario", s->id);
		S_glyph_text(g, s->rationale, s->pos, "the rationale of scenario", s->id);
	}
	for (size_t i = 0; i < d->nprofiles; i++) {
		const struct profile *p = &d->profiles[i];
		S_glyph_text(g, p->name, p->pos, "the name of profile", p->id);
		S_glyph_text(g, p->description, p->pos, "the description of profile", p->id);
		for (size_t e = 0; e < p->nexcludes; e++)
			S_glyph_text(g, p->excludes[e].reason, p->excludes[e].pos,
			             "an exclusion reason of profile", p->id);
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		S_glyph_text(g, s->title, s->pos, "the title of section", s->id);
		S_glyph_block(g, &s->body, "section", s->id);
	}
	S_glyph_text(g, d->bottom_line, d->pos, "the bottom line", NULL);
}

size_t check_glyphs(const struct doc *doc, check_has_char_fn has, const void *ctx,
                    struct diags *d)
{
	struct S_glyphs g = { .has = has, .ctx = ctx, .a = arena_new() };
	S_glyph_doc(&g, doc);
	for (size_t i = 0; i < g.n; i++) {
		const struct S_missing *m = &g.items[i];
		unsigned char utf8[UTF8_MAX + 1] = { 0 };
		utf8_encode(m->cp, utf8);
		diags_add(d, DIAG_WARNING, m->pos.file, m->pos.line,
		          "character U+%04lX '%s' in %s is not in the report fonts%s; the PDFs "
		          "show \xEF\xBF\xBD in its place%s", (unsigned long)m->cp, (char *)utf8,
		          m->where, m->cp > 0xFFFF ? " (libharu draws nothing above U+FFFF)" : "",
		          m->count > 1 ? arena_printf(g.a, " (%zu occurrences in this input)",
		                                      m->count) : "");
	}
	size_t n = g.n;
	free(g.items);
	arena_free(g.a);
	return n;
}

bool check_logo(const struct doc *doc, check_image_fn probe, double *width, double *height,
                struct diags *d)
{
	const struct meta *m = &doc->meta;
	char *why = NULL;
	if (m->logo_path == NULL)
		return false;
	if (m->logo_too_big) {
		diags_add(d, DIAG_WARNING, m->logo_pos.file, m->logo_pos.line,
		          "logo not shown: %s: %s is larger than %zu bytes", m->logo,
		          m->logo_path, MODEL_LOGO_MAX_BYTES);
		return false;
	}
	if (probe(m->logo_data, m->logo_len, width, height, &why))
		return true;
	diags_add(d, DIAG_WARNING, m->logo_pos.file, m->logo_pos.line,
	          "logo not shown: %s: %s", m->logo, why);
	free(why);
	return false;
}

bool check_id_unique(const struct doc *doc, const struct doc *const *earlier, size_t n,
                     const char *out_dir, struct diags *d)
{
	for (size_t k = 0; k < n; k++) {
		if (strcmp(earlier[k]->id, doc->id) != 0)
			continue;
		diags_add(d, DIAG_ERROR, doc->pos.file, doc->pos.line,
		          "comparison id '%s' is also the id of %s; their reports would "
		          "overwrite each other in %s/%s", doc->id, earlier[k]->file, out_dir,
		          doc->id);
		return false;
	}
	return true;
}
