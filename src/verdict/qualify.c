/* qualify.c - what a verdict judges: the requires and excludes of a
 * scenario or profile, whether a framework meets them (as it stands, with
 * one rating changed, with its unknown ratings meeting them or with one
 * constraint dropped), and the reasons it does not.
 *
 * A helper of verdict.c, whatif.c and reasons.c; it calls none of them
 * back. */
#include "verdict_int.h"

#include <string.h>

#include "arena.h"

/* The i-th set of requires of t: a scenario's own; for a profile, those of
 * its used scenarios in use order, then its own.  False past the end. */
bool vd_require_set(const struct doc *doc, const struct vd_target *t, size_t i,
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

bool vd_excluded(const struct vd_target *t, size_t f)
{
	for (size_t e = 0; t->p != NULL && e < t->p->nexcludes; e++)
		if (t->p->excludes[e].framework_ix == f)
			return true;
	return false;
}

/* Does some require of t name criterion c? */
static bool S_required(const struct doc *doc, const struct vd_target *t, size_t c)
{
	const struct require *rq;
	size_t n;
	for (size_t i = 0; vd_require_set(doc, t, i, &rq, &n); i++)
		for (size_t k = 0; k < n; k++)
			if (rq[k].criterion_ix == c)
				return true;
	return false;
}

/* Is criterion c part of this verdict at all (weighed or required)? */
bool vd_counts(const struct doc *doc, const struct vd_target *t,
               const struct verdict *v, size_t c)
{
	return v->weights[c] > 0 || S_required(doc, t, c);
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
bool vd_qualifies(const struct doc *doc, const struct vd_target *t, size_t f,
                  size_t alt_c, const struct rating *alt, bool unknown_meets)
{
	if (vd_excluded(t, f))
		return false;
	const struct require *rq;
	size_t n;
	for (size_t i = 0; vd_require_set(doc, t, i, &rq, &n); i++) {
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

/* vd_qualifies() with one require (skip_r) or exclude (skip_e) dropped. */
bool vd_qualifies_without(const struct doc *doc, const struct vd_target *t, size_t f,
                          const struct require *skip_r, const struct exclude *skip_e)
{
	for (size_t e = 0; t->p != NULL && e < t->p->nexcludes; e++)
		if (&t->p->excludes[e] != skip_e && t->p->excludes[e].framework_ix == f)
			return false;
	const struct require *rq;
	size_t n;
	for (size_t i = 0; vd_require_set(doc, t, i, &rq, &n); i++) {
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
void vd_failures(const struct doc *doc, const struct vd_target *t, size_t f,
                 struct ranked *out, struct arena *a)
{
	const struct require *rq;
	size_t n, cap = 1;
	for (size_t i = 0; vd_require_set(doc, t, i, &rq, &n); i++)
		cap += 2 * n;
	struct reasons rs = { arena_array(a, cap, sizeof *rs.items), 0, cap };
	for (size_t i = 0; vd_require_set(doc, t, i, &rq, &n); i++) {
		for (size_t k = 0; k < n; k++) {
			const struct require *r = &rq[k];
			const struct rating *rt = model_rating(doc, r->criterion_ix, f);
			if (r->min_raw != NULL && !S_meets_min(doc, r, rt, false))
				S_reason(&rs, arena_printf(a, "require:%s>=%s", r->criterion, r->min_raw));
			if (r->max_raw != NULL && !S_meets_max(r, rt, false))
				S_reason(&rs, arena_printf(a, "require:%s<=%s", r->criterion, r->max_raw));
		}
	}
	if (vd_excluded(t, f))
		S_reason(&rs, "exclude");
	*out = (struct ranked){ .framework = f, .disqualified_by = rs.items,
	                        .ndisqualified = rs.n, .qualified = rs.n == 0 };
}
