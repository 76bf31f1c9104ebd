/* items.c - the checks of scales, frameworks, criteria and ratings:
 * levels and their scores, scale bounds, framework urls, each criterion's
 * scale, the ratings (one per framework, the kind its scale takes, a
 * level of the scale or a value in its range). */
#include "check_int.h"

#include <math.h>
#include <string.h>

#include "arena.h"

/* Returns false when the scale is unusable (and said so). */
static bool S_ordinal(struct chk_ctx *c, struct scale *s)
{
	const char *id = Q(c, s->id);
	size_t before = c->d->errors;
	if (s->nlevels < 2) {
		ERR(c, s->pos, "scale '%s' needs at least 2 levels, it has %zu", id, s->nlevels);
		return false;
	}
	struct chk_index levels;
	chk_index_init(&levels, c->doc->arena, s->nlevels);
	s->min = s->max = s->levels[0].score;
	for (size_t l = 0; l < s->nlevels; l++) {
		struct level *lv = &s->levels[l];
		chk_id(c, lv->id, "level", lv->pos);
		if (lv->id != NULL && strcmp(lv->id, "unknown") == 0)
			ERR(c, lv->pos, "'unknown' is reserved (an unknown rating) and "
			    "cannot be a level id");
		else if (lv->id != NULL && chk_index_add(&levels, lv->id, l) != MODEL_NO_INDEX)
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

void chk_scales(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
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

void chk_frameworks(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->frameworks, doc->frameworks, doc->nframeworks, "framework");
	for (size_t i = 0; i < doc->nframeworks; i++) {
		const struct framework *f = &doc->frameworks[i];
		if (f->url != NULL && !patterns_is_url(c->pat, f->url))
			ERR(c, f->pos, "framework '%s': url '%s' is not an http:// or "
			    "https:// URL", Q(c, f->id), Q(c, f->url));
	}
}

static void S_rating(struct chk_all *all, const struct criterion *cr,
                     const struct scale *s, struct rating *r)
{
	struct chk_ctx *c = &all->c;
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
			    f, crit, Q(c, r->raw), sid, chk_level_hint(all, s, r->raw));
	} else if (!isfinite(r->value) || r->value < s->min || r->value > s->max) {
		ERR(c, r->pos, "rating of '%s' in '%s': value %s is outside [%g, %g] "
		    "of scale '%s'", f, crit, Q(c, r->raw), s->min, s->max, sid);
	}
}

/* The ratings of one criterion; seen/at are per framework scratch arrays
 * stamped with the criterion (stamp). */
static void S_ratings(struct chk_all *all, struct criterion *cr, size_t stamp,
                      size_t *seen, size_t *at)
{
	struct chk_ctx *c = &all->c;
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
		rt->framework_ix = chk_index_find(&all->frameworks, rt->framework);
		size_t f = rt->framework_ix;
		if (f == MODEL_NO_INDEX) {
			if (!all->frameworks.anonymous)
				ERR(c, rt->pos, "criterion '%s': rating of unknown framework '%s'%s",
				    Q(c, cr->id), Q(c, rt->framework),
				    chk_hint(all, &all->frameworks, rt->framework));
			continue;
		}
		if (seen[f] == stamp) {
			ERR(c, rt->pos, "criterion '%s': framework '%s' is rated twice "
			    "(first at %s)", Q(c, cr->id), Q(c, rt->framework),
			    chk_where(c, cr->ratings[at[f]].pos, rt->pos));
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
			    chk_index_find(&all->frameworks, doc->frameworks[f].id) == f &&
			    patterns_is_id(c->pat, doc->frameworks[f].id))
				ERR(c, cr->pos, "criterion '%s' has no rating for framework '%s'",
				    Q(c, cr->id), Q(c, doc->frameworks[f].id));
}

void chk_criteria(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
	struct doc *doc = c->doc;
	CHECK_IDS(c, &all->criteria, doc->criteria, doc->ncriteria, "criterion");
	size_t *seen = arena_array(doc->arena, doc->nframeworks, sizeof *seen);
	size_t *at = arena_array(doc->arena, doc->nframeworks, sizeof *at);
	for (size_t i = 0; i < doc->ncriteria; i++) {
		struct criterion *cr = &doc->criteria[i];
		cr->scale_ix = chk_index_find(&all->scales, cr->scale);
		if (cr->scale != NULL && cr->scale_ix == MODEL_NO_INDEX && !all->scales.anonymous)
			ERR(c, cr->pos, "criterion '%s': unknown scale '%s'%s", Q(c, cr->id),
			    Q(c, cr->scale), chk_hint(all, &all->scales, cr->scale));
		S_ratings(all, cr, i + 1, seen, at);
	}
}
