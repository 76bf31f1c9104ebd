/* blocks.c - the helpers every part of a report uses: colours, names,
 * placeholders, paragraphs, headings, cells and tables.
 *
 * Its own file so that report.c, verdict_parts.c and tables.c all build
 * on it and it calls none of them back. */
#include "report_int.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "explain.h"
#include "numfmt.h"
#include "oom.h"

const struct lcolor report_black = { 0, 0, 0 };
const struct lcolor report_grey = { 0.38, 0.38, 0.38 };
static const struct lcolor S_rule = { 0.75, 0.75, 0.75 };

/* ---- text helpers ------------------------------------------------------ */

struct lcolor report_mix(struct lcolor c, double t)
{
	return (struct lcolor){ c.r + (1 - c.r) * t, c.g + (1 - c.g) * t, c.b + (1 - c.b) * t };
}

const char *report_fw(const struct rb *b, size_t f)
{
	return b->doc->frameworks[f].name;
}

/* The leaders' names as people list them: "PostgreSQL", "PostgreSQL and
 * MySQL", "A, B and C"; "no framework" when none qualifies. */
static const char *S_leaders(const struct doc *doc, const struct verdict *v,
                             struct arena *a)
{
	if (v->nleaders == 0)
		return "no framework";
	const char **name = arena_array(a, v->nleaders, sizeof *name);
	for (size_t k = 0; k < v->nleaders; k++)
		name[k] = doc->frameworks[v->leaders[k]].name;
	return explain_join(name, v->nleaders, a);
}

/* The value of placeholder name (len bytes) for profile, or NULL when it
 * has none here (no profile, no winner, an unknown name). */
static const char *S_value(const struct report_set *rs, size_t profile,
                           const char *name, size_t len, struct arena *a)
{
	const struct doc *doc = rs->doc;
	const struct verdict *v = profile != MODEL_NO_INDEX ? rs->profiles[profile] : NULL;
	size_t id_at, id_len, f;
	enum patterns_ph kind = patterns_ph_kind(name, len, &id_at, &id_len);
	switch (kind) {
	case PATTERNS_PH_TITLE:
		return doc->title;
	case PATTERNS_PH_DATE:
		return doc->meta.date ? doc->meta.date : rs->generated;
	case PATTERNS_PH_FW_NAME:
	case PATTERNS_PH_FW_VERSION:
		f = model_framework_ix(doc, arena_strndup(a, name + id_at, id_len));
		if (f == MODEL_NO_INDEX)
			return NULL;
		return kind == PATTERNS_PH_FW_NAME ? doc->frameworks[f].name
		                                   : doc->frameworks[f].version;
	default:
		break;
	}
	if (v == NULL)
		return NULL;
	switch (kind) {
	case PATTERNS_PH_PROFILE_NAME:
		return doc->profiles[profile].name;
	case PATTERNS_PH_PROFILE_ID:
		return doc->profiles[profile].id;
	case PATTERNS_PH_WINNER:
		return v->kind == VERDICT_WINNER ? doc->frameworks[v->ranking[0].framework].name : NULL;
	case PATTERNS_PH_RUNNER_UP:
		return v->nqualified >= 2 ? doc->frameworks[v->ranking[1].framework].name : NULL;
	case PATTERNS_PH_MARGIN:
		return v->has_margin ? numfmt_points(a, v->margin, false) : NULL;
	case PATTERNS_PH_LEADERS:
		return S_leaders(doc, v, a);
	case PATTERNS_PH_RECOMMENDATION:
		return explain_recommendation(doc, v, a);
	case PATTERNS_PH_STABILITY:
		return v->kind == VERDICT_WINNER ? verdict_stability_name(v->stability) : NULL;
	default:
		return NULL;
	}
}

char *report_expand(const struct report_set *rs, size_t profile, const char *text,
                    struct arena *a)
{
	if (text == NULL)
		return NULL;
	size_t at = 0, cap = strlen(text) + 1, n = 0;
	char *out = malloc(cap);
	struct placeholder ph;
	if (out == NULL)
		oom_abort();
	for (;;) {
		bool found = patterns_next_placeholder(rs->pat, text, at, &ph);
		size_t stop = found ? ph.start : strlen(text);
		const char *val = NULL;
		if (found) {
			val = S_value(rs, profile, text + ph.name_start,
			              ph.name_end - ph.name_start, a);
			if (val == NULL)
				val = DASH;
		}
		size_t need = n + (stop - at) + (val ? strlen(val) : 0) + 1;
		if (need > cap) {
			cap = need * 2;
			char *p = realloc(out, cap);
			if (p == NULL)
				oom_abort();
			out = p;
		}
		memcpy(out + n, text + at, stop - at);
		n += stop - at;
		if (!found)
			break;
		memcpy(out + n, val, strlen(val));
		n += strlen(val);
		at = ph.end;
	}
	out[n] = '\0';
	char *r = arena_strndup(a, out, n);
	free(out);
	return r;
}

const char *report_x(struct rb *b, const char *text)
{
	return report_expand(b->rs, b->profile, text, b->a);
}

bool report_shown(const struct rb *b, unsigned when)
{
	if (b->profile == MODEL_NO_INDEX)
		return (when & WHEN_OVERVIEW) != 0;
	switch (b->rs->profiles[b->profile]->kind) {
	case VERDICT_WINNER: return (when & WHEN_WINNER) != 0;
	case VERDICT_CLOSE: return (when & WHEN_CLOSE) != 0;
	default: return (when & WHEN_NONE) != 0;
	}
}

/* ---- flowing helpers ---------------------------------------------------- */

void report_para(struct rb *b, const char *text, enum lfont font, double size,
                 struct lcolor c)
{
	struct lrun run = { text, font };
	struct para_style st = { .size = size, .color = c };
	layout_paragraph(b->f, &run, 1, &st);
}

void report_note(struct rb *b, const char *text)
{
	layout_gap(b->f, 2);
	report_para(b, text, LFONT_ITALIC, SMALL, report_grey);
}

void report_h1(struct rb *b, const char *text)
{
	layout_gap(b->f, 14);
	layout_heading(b->f, text, 0, H1, b->accent, 3 * BODY * 1.3);
}

struct lcell report_cell(struct rb *b, const char *text, enum lfont font)
{
	struct lrun *r = arena_alloc(b->a, sizeof *r);
	*r = (struct lrun){ text, font };
	return (struct lcell){ .runs = r, .nruns = 1 };
}

struct ltable report_table(struct rb *b, size_t ncols, struct lcell *head,
                           struct lrow *rows, size_t nrows)
{
	return (struct ltable){ .ncols = ncols, .header = head, .rows = rows, .nrows = nrows,
	                        .size = TABLE, .padding = 4, .header_bg = b->accent,
	                        .header_fg = { 1, 1, 1 }, .group_bg = b->accent_light,
	                        .rule = S_rule };
}

/* Flows a table whose columns after the first key ones are frameworks; when
 * they do not fit the width readably, in column groups, each a table of its
 * own with the key columns repeated and a line saying which part it is. */
void report_grouped(struct rb *b, const struct ltable *t, size_t key, double min_w)
{
	size_t *starts = arena_array(b->a, t->ncols + 1, sizeof *starts);
	size_t n = layout_column_groups(layout_measurer(b->f), t, key, layout_content_width(b->f),
	                                min_w, COL_MAX, starts);
	if (n <= 1) {
		layout_table(b->f, t);
		return;
	}
	size_t total = t->ncols - key;
	for (size_t g = 0; g < n; g++) {
		struct ltable sub = layout_subtable(t, key, starts[g], starts[g + 1], b->a);
		size_t first = starts[g] - key + 1, last = starts[g + 1] - key;
		sub.caption = arena_printf(b->a, "Part %zu of %zu: frameworks %zu%s of %zu%s", g + 1,
		                           n, first, first == last ? "" : arena_printf(b->a,
		                           "\xE2\x80\x93%zu", last), total,
		                           g + 1 < n ? " (the others follow)." : ".");
		sub.caption_fg = report_grey;
		layout_gap(b->f, g ? 6 : 0);
		layout_table(b->f, &sub);
	}
}

/* ---- sentences -------------------------------------------------------------- */

/* "PyTorch 91.9 · TensorFlow 54.9" over the ranking. */
const char *report_scores(struct rb *b, const struct verdict *v)
{
	const char *s = "";
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		s = arena_printf(b->a, "%s%s%s %s%s", s, k ? DOT : "", report_fw(b, r->framework),
		                 numfmt_score(b->a, r->score), r->qualified ? "" : " (disqualified)");
	}
	return s;
}

/* The sentences of explain.c with placeholders in names filled. */
const char *report_say(struct rb *b, const char *sentence)
{
	return sentence ? report_x(b, sentence) : NULL;
}
