/* evidence.c - sources, the sources and dates of ratings, and staleness
 * (SPEC 6.3). */
#include "check_int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

void chk_sources(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
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
static void S_evidence(struct chk_all *all, const struct criterion *cr, struct rating *r,
                       const char *date, long months)
{
	struct chk_ctx *c = &all->c;
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
			size_t ix = chk_index_find(&all->sources, id);
			if (ix == MODEL_NO_INDEX) {
				if (!all->sources.anonymous)
					ERR(c, r->pos, "rating of '%s' in '%s': unknown source '%s'%s",
					    f, crit, Q(c, id), chk_hint(all, &all->sources, id));
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

void chk_evidences(struct chk_all *all)
{
	struct chk_ctx *c = &all->c;
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
