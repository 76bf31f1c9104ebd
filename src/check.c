/* check.c - semantic rules of format 1 (SPEC section 1) and linking. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct ctx {
	struct doc *doc;
	const struct patterns *pat;
	struct diags *d;
};

#define ERR(c, pos, ...) diags_add((c)->d, DIAG_ERROR, (pos).file, (pos).line, __VA_ARGS__)
#define WARN(c, pos, ...) diags_add((c)->d, DIAG_WARNING, (pos).file, (pos).line, __VA_ARGS__)

static void S_id(struct ctx *c, const char *id, const char *kind, struct srcpos pos)
{
	if (id != NULL && !patterns_is_id(c->pat, id))
		ERR(c, pos, "%s id '%s' does not match ^[a-z0-9][a-z0-9._-]{0,63}$", kind, id);
}

/* Reports the second and later uses of an id within one kind.  Quadratic,
 * but kinds are small next to the cost of laying out their reports. */
#define CHECK_UNIQUE(c, arr, n, kind)                                           \
	do {                                                                    \
		for (size_t i_ = 0; i_ < (n); i_++) {                           \
			if ((arr)[i_].id == NULL)                               \
				continue;                                       \
			S_id((c), (arr)[i_].id, (kind), (arr)[i_].pos);         \
			for (size_t j_ = 0; j_ < i_; j_++)                      \
				if ((arr)[j_].id != NULL &&                     \
				    strcmp((arr)[i_].id, (arr)[j_].id) == 0) {  \
					ERR((c), (arr)[i_].pos,                 \
					    "duplicate %s id '%s' (first at line %ld)", \
					    (kind), (arr)[i_].id, (arr)[j_].pos.line); \
					break;                                  \
				}                                               \
		}                                                               \
	} while (0)

static void S_scales(struct ctx *c)
{
	struct doc *doc = c->doc;
	CHECK_UNIQUE(c, doc->scales, doc->nscales, "scale");
	for (size_t i = 0; i < doc->nscales; i++) {
		struct scale *s = &doc->scales[i];
		if (s->kind == SCALE_NUMERIC) {
			if (!(s->min < s->max))
				ERR(c, s->pos, "scale '%s': min (%g) must be less than max (%g)",
				    s->id, s->min, s->max);
			continue;
		}
		if (s->nlevels < 2) {
			ERR(c, s->pos, "scale '%s' needs at least 2 levels", s->id);
			continue;
		}
		s->min = s->max = s->levels[0].score;
		for (size_t l = 0; l < s->nlevels; l++) {
			struct level *lv = &s->levels[l];
			S_id(c, lv->id, "level", lv->pos);
			if (lv->id != NULL && strcmp(lv->id, "unknown") == 0)
				ERR(c, lv->pos, "'unknown' is reserved and cannot be a level id");
			if (!isfinite(lv->score))
				ERR(c, lv->pos, "level '%s': score is not a finite number", lv->id);
			for (size_t k = 0; k < l; k++)
				if (lv->id != NULL && s->levels[k].id != NULL &&
				    strcmp(lv->id, s->levels[k].id) == 0)
					ERR(c, lv->pos, "duplicate level id '%s' in scale '%s'",
					    lv->id, s->id);
			s->min = fmin(s->min, lv->score);
			s->max = fmax(s->max, lv->score);
		}
		if (s->min == s->max)
			ERR(c, s->pos, "scale '%s' cannot discriminate: every level scores %g",
			    s->id, s->min);
	}
}

static void S_frameworks(struct ctx *c)
{
	struct doc *doc = c->doc;
	if (doc->nframeworks < CHECK_MIN_FRAMEWORKS || doc->nframeworks > CHECK_MAX_FRAMEWORKS)
		ERR(c, doc->pos, "a comparison needs %d to %d frameworks, this one has %zu",
		    CHECK_MIN_FRAMEWORKS, CHECK_MAX_FRAMEWORKS, doc->nframeworks);
	CHECK_UNIQUE(c, doc->frameworks, doc->nframeworks, "framework");
	for (size_t i = 0; i < doc->nframeworks; i++) {
		const struct framework *f = &doc->frameworks[i];
		if (f->url != NULL && !patterns_is_url(c->pat, f->url))
			ERR(c, f->pos, "framework '%s': url '%s' is not an http(s) URL", f->id, f->url);
	}
}

static void S_rating(struct ctx *c, const struct criterion *cr,
                     const struct scale *s, struct rating *r)
{
	const struct framework *f = &c->doc->frameworks[r->framework_ix];
	if (r->unknown)
		return;
	if (s->kind == SCALE_ORDINAL) {
		if (r->raw == NULL) {
			ERR(c, r->pos, "rating of '%s' in '%s' needs a 'level' (scale '%s' is ordinal)",
			    f->id, cr->id, s->id);
			return;
		}
		r->level_ix = scale_level_ix(s, r->raw);
		if (r->level_ix == MODEL_NO_INDEX)
			ERR(c, r->pos, "rating of '%s' in '%s': level '%s' is not in scale '%s'",
			    f->id, cr->id, r->raw, s->id);
		return;
	}
	if (r->raw == NULL) {
		ERR(c, r->pos, "rating of '%s' in '%s' needs a 'value' (scale '%s' is numeric)",
		    f->id, cr->id, s->id);
	} else if (!isfinite(r->value) || r->value < s->min || r->value > s->max) {
		ERR(c, r->pos, "rating of '%s' in '%s': value %s is outside [%g, %g]",
		    f->id, cr->id, r->raw, s->min, s->max);
	}
}

static void S_criteria(struct ctx *c)
{
	struct doc *doc = c->doc;
	if (doc->ncriteria == 0)
		ERR(c, doc->pos, "a comparison needs at least one criterion");
	CHECK_UNIQUE(c, doc->criteria, doc->ncriteria, "criterion");
	for (size_t i = 0; i < doc->ncriteria; i++) {
		struct criterion *cr = &doc->criteria[i];
		cr->scale_ix = cr->scale ? doc_scale_ix(doc, cr->scale) : MODEL_NO_INDEX;
		if (cr->scale_ix == MODEL_NO_INDEX)
			ERR(c, cr->pos, "criterion '%s': unknown scale '%s'", cr->id,
			    cr->scale ? cr->scale : "");
		cr->rating_of = arena_array(doc->arena, doc->nframeworks, sizeof *cr->rating_of);
		for (size_t f = 0; f < doc->nframeworks; f++)
			cr->rating_of[f] = MODEL_NO_INDEX;
		for (size_t r = 0; r < cr->nratings; r++) {
			struct rating *rt = &cr->ratings[r];
			rt->framework_ix = doc_framework_ix(doc, rt->framework);
			if (rt->framework_ix == MODEL_NO_INDEX) {
				ERR(c, rt->pos, "criterion '%s': rating of unknown framework '%s'",
				    cr->id, rt->framework);
				continue;
			}
			if (cr->rating_of[rt->framework_ix] != MODEL_NO_INDEX) {
				ERR(c, rt->pos, "criterion '%s': framework '%s' is rated twice (first at line %ld)",
				    cr->id, rt->framework, cr->ratings[cr->rating_of[rt->framework_ix]].pos.line);
				continue;
			}
			cr->rating_of[rt->framework_ix] = r;
			if (cr->scale_ix != MODEL_NO_INDEX)
				S_rating(c, cr, &doc->scales[cr->scale_ix], rt);
		}
		for (size_t f = 0; f < doc->nframeworks; f++)
			if (cr->rating_of[f] == MODEL_NO_INDEX)
				ERR(c, cr->pos, "criterion '%s' has no rating for framework '%s'",
				    cr->id, doc->frameworks[f].id);
	}
}

/* Resolves a group's weights; returns their total (NAN when unusable). */
static double S_weights(struct ctx *c, struct weight *w, size_t n, const char *owner)
{
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		w[i].criterion_ix = doc_criterion_ix(c->doc, w[i].criterion);
		if (w[i].criterion_ix == MODEL_NO_INDEX)
			ERR(c, w[i].pos, "%s: weight of unknown criterion '%s'", owner, w[i].criterion);
		for (size_t j = 0; j < i; j++)
			if (w[i].criterion != NULL && w[j].criterion != NULL &&
			    strcmp(w[i].criterion, w[j].criterion) == 0)
				ERR(c, w[i].pos, "%s weighs criterion '%s' twice (first at line %ld)",
				    owner, w[i].criterion, w[j].pos.line);
		if (!isfinite(w[i].value) || w[i].value < 0)
			ERR(c, w[i].pos, "%s: weight of '%s' must be a number >= 0",
			    owner, w[i].criterion);
		else
			total += w[i].value;
	}
	return total;
}

static void S_requires(struct ctx *c, struct require *rq, size_t n, const char *owner)
{
	for (size_t i = 0; i < n; i++) {
		struct require *r = &rq[i];
		r->criterion_ix = doc_criterion_ix(c->doc, r->criterion);
		if (r->criterion_ix == MODEL_NO_INDEX) {
			ERR(c, r->pos, "%s: require on unknown criterion '%s'", owner, r->criterion);
			continue;
		}
		size_t si = c->doc->criteria[r->criterion_ix].scale_ix;
		if (si == MODEL_NO_INDEX)
			continue;
		const struct scale *s = &c->doc->scales[si];
		if (s->kind == SCALE_ORDINAL) {
			if (r->max_raw != NULL || r->min_raw == NULL) {
				ERR(c, r->pos, "%s: require on '%s' (ordinal scale '%s') takes 'min' with a level id",
				    owner, r->criterion, s->id);
				continue;
			}
			r->min_level_ix = scale_level_ix(s, r->min_raw);
			if (r->min_level_ix == MODEL_NO_INDEX)
				ERR(c, r->pos, "%s: require on '%s': level '%s' is not in scale '%s'",
				    owner, r->criterion, r->min_raw, s->id);
		} else {
			if (r->min_raw == NULL && r->max_raw == NULL)
				ERR(c, r->pos, "%s: require on '%s' needs 'min' or 'max'", owner, r->criterion);
			else if ((r->min_raw && isnan(r->min)) || (r->max_raw && isnan(r->max)))
				ERR(c, r->pos, "%s: require on '%s' (numeric scale '%s') takes decimal bounds",
				    owner, r->criterion, s->id);
		}
	}
}

static void S_scenarios(struct ctx *c)
{
	struct doc *doc = c->doc;
	CHECK_UNIQUE(c, doc->scenarios, doc->nscenarios, "scenario");
	for (size_t i = 0; i < doc->nscenarios; i++) {
		struct scenario *s = &doc->scenarios[i];
		char *owner = arena_printf(doc->arena, "scenario '%s'", s->id);
		double total = S_weights(c, s->weights, s->nweights, owner);
		if (total == 0)
			ERR(c, s->pos, "scenario '%s': its weights total 0", s->id);
		S_requires(c, s->requires, s->nrequires, owner);
	}
}

static void S_profile(struct ctx *c, struct profile *p)
{
	struct doc *doc = c->doc;
	char *owner = arena_printf(doc->arena, "profile '%s'", p->id);
	double shares = 0;
	for (size_t u = 0; u < p->nuses; u++) {
		struct use *us = &p->uses[u];
		us->scenario_ix = doc_scenario_ix(doc, us->scenario);
		if (us->scenario_ix == MODEL_NO_INDEX)
			ERR(c, us->pos, "%s uses unknown scenario '%s'", owner, us->scenario);
		for (size_t k = 0; k < u; k++)
			if (us->scenario != NULL && p->uses[k].scenario != NULL &&
			    strcmp(us->scenario, p->uses[k].scenario) == 0)
				ERR(c, us->pos, "%s uses scenario '%s' twice", owner, us->scenario);
		if (!isfinite(us->share) || us->share < 0)
			ERR(c, us->pos, "%s: share of '%s' must be a number >= 0", owner, us->scenario);
		else
			shares += us->share;
	}
	double own = S_weights(c, p->weights, p->nweights, owner);
	if (p->nweights > 0 && own == 0)
		ERR(c, p->pos, "%s: its own weights total 0", owner);
	if (!isfinite(p->own_share) || p->own_share < 0)
		ERR(c, p->pos, "%s: own-share must be a number >= 0", owner);
	else if (p->nweights > 0)
		shares += p->own_share;
	if (shares == 0)
		ERR(c, p->pos, "%s: its mix totals 0 (no scenario or own weight with a share > 0)", owner);
	S_requires(c, p->requires, p->nrequires, owner);
	for (size_t e = 0; e < p->nexcludes; e++) {
		struct exclude *x = &p->excludes[e];
		x->framework_ix = doc_framework_ix(doc, x->framework);
		if (x->framework_ix == MODEL_NO_INDEX)
			ERR(c, x->pos, "%s excludes unknown framework '%s'", owner, x->framework);
	}
}

/* Checks every placeholder of one text. */
static void S_text(struct ctx *c, const char *text, struct srcpos pos)
{
	struct placeholder ph;
	size_t at = 0;
	while (text != NULL && patterns_next_placeholder(c->pat, text, at, &ph)) {
		const char *name = text + ph.name_start;
		size_t len = ph.name_end - ph.name_start;
		bool ok = patterns_is_placeholder_name(c->pat, name, len);
		if (ok && strncmp(name, "framework.", 10) == 0) {
			/* Ids may hold dots: the field is after the last one. */
			size_t dot = len;
			while (name[--dot] != '.')
				;
			char *id = arena_strndup(c->doc->arena, name + 10, dot - 10);
			ok = doc_framework_ix(c->doc, id) != MODEL_NO_INDEX;
		}
		if (!ok)
			ERR(c, pos, "unknown placeholder '{{%.*s}}'", (int)len, name);
		at = ph.end;
	}
}

static void S_block(struct ctx *c, const struct block *b)
{
	for (size_t i = 0; i < b->nparas; i++)
		for (size_t s = 0; s < b->paras[i].nspans; s++)
			S_text(c, b->paras[i].spans[s].text, b->paras[i].pos);
}

static void S_texts(struct ctx *c)
{
	struct doc *doc = c->doc;
	S_text(c, doc->title, doc->pos);
	S_text(c, doc->subtitle, doc->pos);
	S_text(c, doc->bottom_line, doc->pos);
	S_block(c, &doc->intro);
	CHECK_UNIQUE(c, doc->sections, doc->nsections, "section");
	for (size_t i = 0; i < doc->nsections; i++) {
		S_text(c, doc->sections[i].title, doc->sections[i].pos);
		S_block(c, &doc->sections[i].body);
	}
	for (size_t i = 0; i < doc->nscenarios; i++)
		S_text(c, doc->scenarios[i].rationale, doc->scenarios[i].pos);
	for (size_t i = 0; i < doc->nprofiles; i++)
		S_text(c, doc->profiles[i].description, doc->profiles[i].pos);
}

static void S_warnings(struct ctx *c)
{
	struct doc *doc = c->doc;
	bool *weighed = arena_array(doc->arena, doc->ncriteria, sizeof *weighed);
	bool *used = arena_array(doc->arena, doc->nscenarios, sizeof *used);
	size_t *excluded = arena_array(doc->arena, doc->nframeworks, sizeof *excluded);
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
		bool *seen = arena_array(doc->arena, doc->nframeworks, sizeof *seen);
		for (size_t e = 0; e < p->nexcludes; e++) {
			size_t f = p->excludes[e].framework_ix;
			if (f != MODEL_NO_INDEX && !seen[f]) {
				seen[f] = true;
				excluded[f]++;
			}
		}
	}
	for (size_t i = 0; i < doc->ncriteria; i++)
		if (!weighed[i])
			WARN(c, doc->criteria[i].pos, "criterion '%s' is weighed by no scenario or profile",
			     doc->criteria[i].id);
	for (size_t i = 0; i < doc->nscenarios; i++)
		if (!used[i])
			WARN(c, doc->scenarios[i].pos, "scenario '%s' is used by no profile",
			     doc->scenarios[i].id);
	for (size_t f = 0; f < doc->nframeworks; f++)
		if (doc->nprofiles > 0 && excluded[f] == doc->nprofiles)
			WARN(c, doc->frameworks[f].pos, "framework '%s' is excluded by every profile",
			     doc->frameworks[f].id);
}

static void S_meta(struct ctx *c)
{
	struct doc *doc = c->doc;
	if (doc->format != 1)
		ERR(c, doc->pos, "unsupported format '%d' (this tool reads format 1)", doc->format);
	S_id(c, doc->id, "comparison", doc->pos);
	if (doc->meta.date != NULL && !patterns_is_date(c->pat, doc->meta.date))
		ERR(c, doc->meta.date_pos, "date '%s' is not a real YYYY-MM-DD date", doc->meta.date);
	if (doc->report.accent != NULL && !patterns_is_colour(c->pat, doc->report.accent))
		ERR(c, doc->report.pos, "accent '%s' is not a colour like #1f4e79", doc->report.accent);
	if (doc->report.has_close_call &&
	    (!isfinite(doc->report.close_call) || doc->report.close_call < 0))
		ERR(c, doc->report.pos, "close-call must be a number >= 0");
	if (doc->nscenarios == 0)
		ERR(c, doc->pos, "a comparison needs at least one scenario");
	if (doc->nprofiles == 0)
		ERR(c, doc->pos, "a comparison needs at least one profile");
}

bool check_doc(struct doc *doc, const struct patterns *pat, struct diags *d)
{
	struct ctx c = { .doc = doc, .pat = pat, .d = d };
	size_t before = d->errors;
	S_meta(&c);
	S_scales(&c);
	S_frameworks(&c);
	S_criteria(&c);
	S_scenarios(&c);
	CHECK_UNIQUE(&c, doc->profiles, doc->nprofiles, "profile");
	for (size_t i = 0; i < doc->nprofiles; i++)
		S_profile(&c, &doc->profiles[i]);
	S_texts(&c);
	S_warnings(&c);
	return d->errors == before;
}
