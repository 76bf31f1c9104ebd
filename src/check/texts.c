/* texts.c - the checks of the comparison's meta (format, id, date,
 * accent, close-call), of when= and the placeholders in texts (SPEC 6.2),
 * and the three warnings: a criterion nobody weighs, a scenario nobody
 * uses, a framework every profile excludes. */
#include "check_int.h"

#include <math.h>
#include <string.h>

#include "arena.h"
#include "suggest.h"

/* Every placeholder name, "a, b and c", for the message about one that
 * is not. */
static const char *S_ph_names(struct chk_ctx *c)
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
static const char *S_kinds(struct chk_ctx *c, unsigned cases)
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
static const char *S_when_for(struct chk_ctx *c, unsigned cases)
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
static void S_no_value(struct chk_all *all, const struct text_ref *t,
                       enum patterns_ph kind, const char *shown)
{
	struct chk_ctx *c = &all->c;
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
static void S_text(struct chk_all *all, const struct text_ref *t)
{
	struct chk_ctx *c = &all->c;
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
			if (chk_index_find(&all->frameworks, id) == MODEL_NO_INDEX &&
			    !all->frameworks.anonymous && c->doc->nframeworks > 0)
				ERR(c, pos, "placeholder {{%s}} names unknown framework '%s'%s",
				    Q(c, shown), Q(c, id), chk_hint(all, &all->frameworks, id));
		} else {
			S_no_value(all, t, kind, shown);
		}
		at = ph.end;
	}
}

/* The tokens of one when attribute (SPEC 6.2). */
static void S_when(struct chk_ctx *c, const struct text_ref *w)
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

void chk_texts(struct chk_all *all)
{
	struct doc *doc = all->c.doc;
	struct chk_index sections;
	CHECK_IDS(&all->c, &sections, doc->sections, doc->nsections, "section");
	for (size_t i = 0; i < doc->nwhens; i++)
		S_when(&all->c, &doc->whens[i]);
	for (size_t i = 0; i < doc->ntexts; i++)
		S_text(all, &doc->texts[i]);
}

void chk_warnings(struct chk_ctx *c)
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

void chk_meta(struct chk_ctx *c)
{
	struct doc *doc = c->doc;
	if (doc->format != 1)
		ERR(c, doc->pos, "unsupported format '%d' (this tool reads format 1)", doc->format);
	chk_id(c, doc->id, "comparison", doc->pos);
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
