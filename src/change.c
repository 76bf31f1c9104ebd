/* change.c - what changed since a baseline (SPEC 6.5); see change.h. */
#include "change.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "numfmt.h"

#define CHANGE_U_EPS 1e-12

const char *change_kind_name(enum change_kind k)
{
	switch (k) {
	case CHANGE_RATING: return "rating";
	case CHANGE_WEIGHT: return "weight";
	case CHANGE_FRAMEWORK_ADDED: return "framework-added";
	case CHANGE_FRAMEWORK_REMOVED: return "framework-removed";
	case CHANGE_CONSTRAINT: return "constraint";
	}
	return "?";
}

static bool S_streq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Whether the verdict differs in kind, winner or set of leaders. */
static bool S_verdict_changed(const struct doc *doc, const struct verdict *v,
                              const struct baseline_profile *bp)
{
	size_t w = verdict_winner(v);
	if (strcmp(verdict_kind_name(v->kind), bp->verdict) != 0 ||
	    !S_streq(w == MODEL_NO_INDEX ? NULL : doc->frameworks[w].id, bp->winner) ||
	    v->nleaders != bp->nleaders)
		return true;
	for (size_t i = 0; i < v->nleaders; i++) {
		bool found = false;
		for (size_t k = 0; k < bp->nleaders && !found; k++)
			found = strcmp(doc->frameworks[v->leaders[i]].id, bp->leaders[k]) == 0;
		if (!found)
			return true;
	}
	return false;
}

static const struct baseline_ranked *S_ranked(const struct baseline_profile *bp, const char *fw)
{
	for (size_t i = 0; i < bp->nranking; i++)
		if (strcmp(bp->ranking[i].framework, fw) == 0)
			return &bp->ranking[i];
	return NULL;
}

/* The current disqualifications of framework f joined with '\n'. */
static const char *S_dq(const struct verdict *v, size_t f, struct arena *a)
{
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		if (r->framework != f)
			continue;
		size_t len = 1;
		for (size_t i = 0; i < r->ndisqualified; i++)
			len += strlen(r->disqualified_by[i]) + 1;
		char *t = arena_alloc(a, len);
		t[0] = '\0';
		for (size_t i = 0; i < r->ndisqualified; i++) {
			if (i)
				strcat(t, "\n");
			strcat(t, r->disqualified_by[i]);
		}
		return t;
	}
	return "";
}

struct cause_list {
	struct change_cause *items;
	size_t n, cap;
	struct arena *a;
};

static struct change_cause *S_add(struct cause_list *l, enum change_kind kind)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct change_cause *items = arena_array(l->a, cap, sizeof *items);
		if (l->n)
			memcpy(items, l->items, l->n * sizeof *items);
		l->items = items;
		l->cap = cap;
	}
	struct change_cause *c = &l->items[l->n++];
	*c = (struct change_cause){ .kind = kind, .criterion_ix = MODEL_NO_INDEX,
	                            .framework_ix = MODEL_NO_INDEX };
	return c;
}

static bool S_data(const struct change_cause *x)
{
	return x->kind == CHANGE_RATING || x->kind == CHANGE_WEIGHT;
}

/* Whether x goes before y: larger |effect| first, causes with no effect
 * last (among them ratings and weights, the data, before the frameworks
 * and constraints they bring about), otherwise as found (a stable
 * insertion sort keeps that). */
static bool S_before(const struct change_cause *x, const struct change_cause *y)
{
	if (x->has_effect != y->has_effect)
		return x->has_effect;
	if (!x->has_effect)
		return S_data(x) && !S_data(y);
	return fabs(x->effect) > fabs(y->effect) + 1e-12;
}

struct change *change_compute(const struct doc *doc, const double *u, const struct verdict *v,
                              const struct baseline_input *bi,
                              const struct baseline_profile *bp, struct arena *a)
{
	struct change *ch = arena_alloc(a, sizeof *ch);
	*ch = (struct change){ .since = bi ? bi->generated : NULL, .before = bp };
	if (bi == NULL || bp == NULL) {
		ch->is_new = true;
		return ch;
	}
	ch->verdict_changed = S_verdict_changed(doc, v, bp);
	size_t nf = doc->nframeworks;
	size_t A = v->has_margin ? v->ranking[0].framework : MODEL_NO_INDEX;
	size_t B = v->has_margin ? v->ranking[1].framework : MODEL_NO_INDEX;
	const char *Aid = A != MODEL_NO_INDEX ? doc->frameworks[A].id : NULL;
	const char *Bid = B != MODEL_NO_INDEX ? doc->frameworks[B].id : NULL;
	/* A and B were both in the baseline: the effects can be computed */
	bool both = A != MODEL_NO_INDEX && S_ranked(bp, Aid) != NULL && S_ranked(bp, Bid) != NULL;
	struct cause_list l = { .a = a };

	for (size_t f = 0; f < nf; f++) {
		const char *id = doc->frameworks[f].id;
		const struct baseline_ranked *br = S_ranked(bp, id);
		if (br == NULL) {
			struct change_cause *c = S_add(&l, CHANGE_FRAMEWORK_ADDED);
			c->framework = id;
			c->framework_ix = f;
			continue;
		}
		const char *now = S_dq(v, f, a);
		if (strcmp(now, br->disqualified_by) != 0) {
			struct change_cause *c = S_add(&l, CHANGE_CONSTRAINT);
			c->framework = id;
			c->framework_ix = f;
			c->level_before = br->disqualified_by;
			c->level_after = now;
		}
	}
	for (size_t i = 0; i < bp->nranking; i++) {
		bool found = false;
		for (size_t f = 0; f < nf && !found; f++)
			found = strcmp(doc->frameworks[f].id, bp->ranking[i].framework) == 0;
		if (!found)
			S_add(&l, CHANGE_FRAMEWORK_REMOVED)->framework = bp->ranking[i].framework;
	}

	for (size_t c = 0; c < doc->ncriteria; c++) {
		const struct criterion *cr = &doc->criteria[c];
		double wn = v->weights[c];
		const struct baseline_rating *ta = both ? baseline_rating(bi, cr->id, Aid) : NULL;
		const struct baseline_rating *tb = both ? baseline_rating(bi, cr->id, Bid) : NULL;
		for (size_t f = 0; f < nf; f++) {
			const struct rating *r = model_rating(doc, c, f);
			const struct baseline_rating *t = baseline_rating(bi, cr->id, doc->frameworks[f].id);
			if (r == NULL || t == NULL || S_ranked(bp, doc->frameworks[f].id) == NULL)
				continue;
			double un = u[c * nf + f];
			const char *lv_now = r->unknown ? "unknown"
			                   : doc->scales[cr->scale_ix].kind == SCALE_ORDINAL
			                   ? doc->scales[cr->scale_ix].levels[r->level_ix].id : NULL;
			bool same = S_streq(lv_now, t->level) && (lv_now != NULL || r->value == t->value)
			            && fabs(un - t->u) < CHANGE_U_EPS;
			if (same)
				continue;
			struct change_cause *k = S_add(&l, CHANGE_RATING);
			k->criterion = cr->id;
			k->criterion_ix = c;
			k->framework = doc->frameworks[f].id;
			k->framework_ix = f;
			k->level_before = t->level;
			k->level_after = lv_now;
			k->num_before = t->value;
			k->num_after = lv_now ? 0 : r->value;
			if (both) {
				k->has_effect = true;
				k->effect = f == A ? 100 * wn * (un - t->u)
				          : f == B ? -100 * wn * (un - t->u) : 0;
			}
		}
		double wt = baseline_weight(bp, cr->id);
		if (isnan(wt) || fabs(wn - wt) >= CHANGE_WEIGHT_MIN) {
			struct change_cause *k = S_add(&l, CHANGE_WEIGHT);
			k->criterion = cr->id;
			k->criterion_ix = c;
			k->num_before = isnan(wt) ? 0 : wt;
			k->num_after = wn;
			if (both && ta != NULL && tb != NULL && !isnan(wt)) {
				k->has_effect = true;
				k->effect = 100 * (wn - wt) * (ta->u - tb->u);
			}
		}
	}
	/* a criterion gone since: its weight fell to 0 */
	for (size_t i = 0; i < bp->nweights; i++) {
		bool found = false;
		for (size_t c = 0; c < doc->ncriteria && !found; c++)
			found = strcmp(doc->criteria[c].id, bp->criteria[i]) == 0;
		if (found || bp->weights[i] < CHANGE_WEIGHT_MIN)
			continue;
		struct change_cause *k = S_add(&l, CHANGE_WEIGHT);
		k->criterion = bp->criteria[i];
		k->num_before = bp->weights[i];
		const struct baseline_rating *ta = both ? baseline_rating(bi, k->criterion, Aid) : NULL;
		const struct baseline_rating *tb = both ? baseline_rating(bi, k->criterion, Bid) : NULL;
		if (ta != NULL && tb != NULL) {
			k->has_effect = true;
			k->effect = -100 * bp->weights[i] * (ta->u - tb->u);
		}
	}
	for (size_t i = 1; i < l.n; i++) {
		struct change_cause x = l.items[i];
		size_t j = i;
		for (; j > 0 && S_before(&x, &l.items[j - 1]); j--)
			l.items[j] = l.items[j - 1];
		l.items[j] = x;
	}
	ch->causes = l.items;
	ch->ncauses = l.n;
	return ch;
}

const char *change_date(const char *iso, struct arena *a)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d;
	char tail;
	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12)
		return iso ? iso : "";
	return arena_printf(a, "%d %s %d", d, months[m - 1], y);
}

/* A framework's name from its id (the id when it is gone). */
static const char *S_fw_name(const struct doc *doc, const char *id)
{
	for (size_t f = 0; id != NULL && f < doc->nframeworks; f++)
		if (strcmp(doc->frameworks[f].id, id) == 0)
			return doc->frameworks[f].name ? doc->frameworks[f].name : id;
	return id ? id : "";
}

static const char *S_crit_name(const struct doc *doc, const char *id)
{
	for (size_t c = 0; id != NULL && c < doc->ncriteria; c++)
		if (strcmp(doc->criteria[c].id, id) == 0)
			return doc->criteria[c].name ? doc->criteria[c].name : id;
	return id ? id : "";
}

/* A level's label on criterion c's scale (the id when not found). */
static const char *S_level(const struct doc *doc, size_t c, const char *id)
{
	if (c == MODEL_NO_INDEX || id == NULL)
		return id ? id : "";
	const struct scale *s = &doc->scales[doc->criteria[c].scale_ix];
	for (size_t i = 0; s->kind == SCALE_ORDINAL && i < s->nlevels; i++)
		if (strcmp(s->levels[i].id, id) == 0)
			return s->levels[i].label ? s->levels[i].label : id;
	return id;
}

/* A verdict in words: "PyTorch by 6.4", "a close call between A and B",
 * "none qualifying". */
static const char *S_verdict_words(const struct doc *doc, const char *kind, const char *winner,
                                   const char *const *leaders, size_t nleaders,
                                   bool has_margin, double margin, struct arena *a)
{
	if (strcmp(kind, "winner") == 0)
		return has_margin ? arena_printf(a, "%s by %s", S_fw_name(doc, winner),
		                                 numfmt_points(a, margin, false))
		                  : arena_printf(a, "%s alone", S_fw_name(doc, winner));
	if (strcmp(kind, "close") == 0) {
		const char *t = "a close call between ";
		for (size_t i = 0; i < nleaders; i++)
			t = arena_printf(a, "%s%s%s", t, i == 0 ? "" : i + 1 == nleaders ? " and " : ", ",
			                 S_fw_name(doc, leaders[i]));
		return t;
	}
	return "none qualifying";
}

const char *change_cause_text(const struct doc *doc, const struct change_cause *c,
                              struct arena *a)
{
	const char *fw = S_fw_name(doc, c->framework), *cr = S_crit_name(doc, c->criterion);
	switch (c->kind) {
	case CHANGE_RATING: {
		const char *b = c->level_before ? S_level(doc, c->criterion_ix, c->level_before)
		                                : numfmt_trimmed(a, c->num_before, 2);
		const char *n = c->level_after ? S_level(doc, c->criterion_ix, c->level_after)
		                               : numfmt_trimmed(a, c->num_after, 2);
		const char *verb = "changed";
		if (c->level_before && c->level_after && c->criterion_ix != MODEL_NO_INDEX) {
			const struct scale *s = &doc->scales[doc->criteria[c->criterion_ix].scale_ix];
			double sb = NAN, sa = NAN;
			for (size_t i = 0; i < s->nlevels; i++) {
				if (strcmp(s->levels[i].id, c->level_before) == 0)
					sb = s->levels[i].score;
				if (strcmp(s->levels[i].id, c->level_after) == 0)
					sa = s->levels[i].score;
			}
			if (!isnan(sb) && !isnan(sa) && sa != sb)
				verb = sa < sb ? "fell" : "rose";
		}
		return arena_printf(a, "%s's %s %s from %s to %s", fw, cr, verb, b, n);
	}
	case CHANGE_WEIGHT:
		return arena_printf(a, "the weight of %s %s from %s to %s", cr,
		                    c->num_after < c->num_before ? "fell" : "rose",
		                    numfmt_pct(a, c->num_before), numfmt_pct(a, c->num_after));
	case CHANGE_FRAMEWORK_ADDED:
		return arena_printf(a, "%s was added", fw);
	case CHANGE_FRAMEWORK_REMOVED:
		return arena_printf(a, "%s was removed", fw);
	case CHANGE_CONSTRAINT: {
		/* the requirements it fails now, one line each: "a, b" */
		const char *s = c->level_after ? c->level_after : "", *now = "";
		if (!*s)
			return arena_printf(a, "%s now qualifies", fw);
		while (*s) {
			size_t n = strcspn(s, "\n");
			now = arena_printf(a, "%s%s%.*s", now, *now ? ", " : "", (int)n, s);
			s += n + (s[n] == '\n');
		}
		return arena_printf(a, "%s %s (%s)", fw, c->level_before && *c->level_before
		                    ? "fails other requirements now" : "no longer qualifies", now);
	}
	}
	return "";
}

const char *change_line(const struct doc *doc, const struct verdict *v,
                        const struct change *ch, struct arena *a)
{
	if (ch == NULL || ch->is_new)
		return NULL;
	const char *since = change_date(ch->since, a);
	const struct baseline_profile *b = ch->before;
	if (!ch->verdict_changed) {
		if (v->has_margin && b->has_margin)
			return arena_printf(a, "Unchanged since %s; margin %s \u2192 %s.", since,
			                    numfmt_points(a, b->margin, false),
			                    numfmt_points(a, v->margin, false));
		return arena_printf(a, "Unchanged since %s.", since);
	}
	const char **now = arena_array(a, v->nleaders ? v->nleaders : 1, sizeof *now);
	for (size_t i = 0; i < v->nleaders; i++)
		now[i] = doc->frameworks[v->leaders[i]].id;
	size_t w = verdict_winner(v);
	const char *then_w = S_verdict_words(doc, b->verdict, b->winner, b->leaders, b->nleaders,
	                                     b->has_margin, b->margin, a);
	const char *now_w = S_verdict_words(doc, verdict_kind_name(v->kind),
	                                    w == MODEL_NO_INDEX ? NULL : doc->frameworks[w].id,
	                                    now, v->nleaders, v->has_margin, v->margin, a);
	const char *t = arena_printf(a, "Changed since %s: %s then, %s now", since, then_w, now_w);
	if (ch->ncauses > 0)
		t = arena_printf(a, "%s, mainly because %s", t, change_cause_text(doc, &ch->causes[0], a));
	return arena_printf(a, "%s.", t);
}
