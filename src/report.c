/* report.c - the contents of the per-profile reports and the overview. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define BODY 9.5
#define SMALL 8.0
#define H1 13.0
#define DASH "\xE2\x80\x94"     /* an em dash for values that do not exist */

static const struct lcolor S_black = { 0, 0, 0 };
static const struct lcolor S_grey = { 0.38, 0.38, 0.38 };
static const struct lcolor S_rule = { 0.75, 0.75, 0.75 };

struct rb {
	const struct report_set *rs;
	const struct doc *doc;
	struct flow *f;
	struct arena *a;       /* strings of this report */
	size_t profile;        /* MODEL_NO_INDEX in the overview */
	struct lcolor accent, accent_light;
};

/* ---- text helpers ------------------------------------------------------ */

static struct lcolor S_hex(const char *s)
{
	unsigned v = 0x1f4e79;
	if (s != NULL && s[0] == '#')
		v = (unsigned)strtoul(s + 1, NULL, 16);
	return (struct lcolor){ ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
	                        (v & 255) / 255.0 };
}

static struct lcolor S_mix(struct lcolor c, double t)
{
	return (struct lcolor){ c.r + (1 - c.r) * t, c.g + (1 - c.g) * t, c.b + (1 - c.b) * t };
}

static const char *S_fw(const struct rb *b, size_t f)
{
	return b->doc->frameworks[f].name;
}

static const char *S_pct(struct arena *a, double w)
{
	double p = 100 * w;
	return p > 0 && p < 9.95 ? arena_printf(a, "%.1f %%", p) : arena_printf(a, "%.0f %%", p);
}

/* The value of one placeholder name, or NULL when it has none. */
static const char *S_value(const struct report_set *rs, size_t profile,
                           const char *name, size_t len, struct arena *a)
{
	const struct doc *doc = rs->doc;
	const struct verdict *v = profile != MODEL_NO_INDEX ? rs->profiles[profile] : NULL;
#define IS(s) (len == strlen(s) && strncmp(name, s, len) == 0)
	if (IS("comparison.title"))
		return doc->title;
	if (IS("date"))
		return doc->meta.date ? doc->meta.date : rs->generated;
	if (v == NULL)
		return NULL;
	if (IS("profile.name"))
		return doc->profiles[profile].name;
	if (IS("profile.id"))
		return doc->profiles[profile].id;
	if (IS("winner.name"))
		return v->kind == VERDICT_WINNER ? doc->frameworks[v->ranking[0].framework].name : NULL;
	if (IS("runner-up.name"))
		return v->nqualified >= 2 ? doc->frameworks[v->ranking[1].framework].name : NULL;
	if (IS("margin"))
		return v->has_margin ? arena_printf(a, "%.1f", v->margin) : NULL;
#undef IS
	return NULL;
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
		abort();
	for (;;) {
		bool found = patterns_next_placeholder(rs->pat, text, at, &ph);
		size_t stop = found ? ph.start : strlen(text);
		const char *val = NULL;
		if (found) {
			const char *name = text + ph.name_start;
			size_t len = ph.name_end - ph.name_start;
			if (len > 10 && strncmp(name, "framework.", 10) == 0) {
				/* Ids may hold dots: the field is after the last one. */
				size_t dot = len;
				while (name[--dot] != '.')
					;
				char *id = arena_strndup(a, name + 10, dot - 10);
				size_t f = doc_framework_ix(rs->doc, id);
				bool want_name = len - dot - 1 == 4;   /* "name", else "version" */
				if (f != MODEL_NO_INDEX)
					val = want_name ? rs->doc->frameworks[f].name
					                : rs->doc->frameworks[f].version;
			} else {
				val = S_value(rs, profile, name, len, a);
			}
			if (val == NULL)
				val = DASH;
		}
		size_t need = n + (stop - at) + (val ? strlen(val) : 0) + 1;
		if (need > cap) {
			cap = need * 2;
			char *p = realloc(out, cap);
			if (p == NULL)
				abort();
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

static const char *S_x(struct rb *b, const char *text)
{
	return report_expand(b->rs, b->profile, text, b->a);
}

/* ---- flowing helpers ---------------------------------------------------- */

static void S_para(struct rb *b, const char *text, enum lfont font, double size,
                   struct lcolor c)
{
	struct lrun run = { text, font };
	struct para_style st = { .size = size, .color = c };
	flow_paragraph(b->f, &run, 1, &st);
}

static void S_h1(struct rb *b, const char *text)
{
	flow_gap(b->f, 14);
	flow_heading(b->f, text, 0, H1, b->accent, 3 * BODY * 1.3);
}

static void S_block(struct rb *b, const struct block *blk)
{
	for (size_t i = 0; i < blk->nparas; i++) {
		const struct para *p = &blk->paras[i];
		struct lrun *runs = arena_array(b->a, p->nspans ? p->nspans : 1, sizeof *runs);
		for (size_t s = 0; s < p->nspans; s++) {
			unsigned st = p->spans[s].style;
			runs[s].text = S_x(b, p->spans[s].text);
			runs[s].font = st & SPAN_BOLD ? LFONT_BOLD
			             : st & SPAN_ITALIC ? LFONT_ITALIC : LFONT_REGULAR;
		}
		bool item = p->kind == PARA_ITEM;
		struct para_style ps = { .size = BODY, .color = S_black,
		                         .indent = item ? 14 : 0,
		                         .bullet = item ? "\xE2\x80\xA2" : NULL };
		flow_paragraph(b->f, runs, p->nspans, &ps);
		bool next_item = i + 1 < blk->nparas && blk->paras[i + 1].kind == PARA_ITEM;
		flow_gap(b->f, item && next_item ? 2 : 6);
	}
}

static void S_sections(struct rb *b, enum section_place place)
{
	for (size_t i = 0; i < b->doc->nsections; i++) {
		const struct section *s = &b->doc->sections[i];
		if (s->place != place)
			continue;
		S_h1(b, S_x(b, s->title ? s->title : s->id));
		S_block(b, &s->body);
	}
}

/* ---- sentences -------------------------------------------------------------- */

/* "PyTorch 91.9 · TensorFlow 54.9" over the ranking. */
static const char *S_scores(struct rb *b, const struct verdict *v)
{
	const char *s = "";
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		s = arena_printf(b->a, "%s%s%s %.1f%s", s, k ? "  \xC2\xB7  " : "",
		                 S_fw(b, r->framework), r->score, r->qualified ? "" : " (disqualified)");
	}
	return s;
}

static const char *S_names(struct rb *b, const size_t *fw, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(b->a, "%s%s%s", s, i == 0 ? "" : i + 1 == n ? " and " : ", ",
		                 S_fw(b, fw[i]));
	return s;
}

/* The one-sentence recommendation for a profile (or a scenario). */
static const char *S_sentence(struct rb *b, const struct verdict *v, const char *who)
{
	switch (v->kind) {
	case VERDICT_WINNER:
		if (!v->has_margin)
			return arena_printf(b->a, "Choose %s: it is the only framework that meets "
			                    "every requirement of %s.", S_fw(b, v->ranking[0].framework), who);
		return arena_printf(b->a, "Choose %s: for %s it scores %.1f of 100, %.1f points "
		                    "ahead of %s.", S_fw(b, v->ranking[0].framework), who,
		                    v->ranking[0].score, v->margin, S_fw(b, v->ranking[1].framework));
	case VERDICT_CLOSE:
		return arena_printf(b->a, "Too close to call for %s: %s are within %.1f points "
		                    "of each other; decide on the criteria below.", who,
		                    S_names(b, v->leaders, v->nleaders), b->rs->close_call);
	default:
		return arena_printf(b->a, "No framework meets every requirement of %s.", who);
	}
}

static const char *S_criterion(struct rb *b, size_t c)
{
	return b->doc->criteria[c].name;
}

/* The sensitivity finding in words. */
static const char *S_flip(struct rb *b, const struct verdict *v)
{
	if (v->kind != VERDICT_WINNER)
		return "A sensitivity analysis applies only to a clear winner.";
	if (!v->has_margin)
		return "Only one framework qualifies, so no change of weights can alter the verdict; "
		       "only a change of requirements or ratings can.";
	if (!v->has_critical)
		return arena_printf(b->a, "No change to a single criterion's weight makes another "
		                    "framework draw level with %s: the verdict is robust.",
		                    S_fw(b, v->ranking[0].framework));
	const struct critical *c = &v->critical;
	return arena_printf(b->a, "%s would draw level if the weight of %s %s from %s to %s "
	                    "(a change of %.1f percentage points): the verdict is %s.",
	                    S_fw(b, c->challenger), S_criterion(b, c->criterion),
	                    c->tie_weight > c->weight ? "rose" : "fell",
	                    S_pct(b->a, c->weight), S_pct(b->a, c->tie_weight),
	                    100 * fabs(c->tie_weight - c->weight),
	                    verdict_stability_name(v->stability));
}

/* ---- parts of a report ------------------------------------------------------ */

static void S_title(struct rb *b, const char *prepared_for)
{
	const struct doc *doc = b->doc;
	S_para(b, S_x(b, doc->title), LFONT_BOLD, 20, b->accent);
	flow_gap(b->f, 3);
	if (doc->subtitle)
		S_para(b, S_x(b, doc->subtitle), LFONT_REGULAR, 12, S_grey);
	flow_gap(b->f, 6);
	S_para(b, prepared_for, LFONT_BOLD, 12, S_black);
	const char *who = "";
	if (doc->meta.author)
		who = arena_printf(b->a, "  \xC2\xB7  %s", doc->meta.author);
	if (doc->meta.organisation)
		who = arena_printf(b->a, "%s  \xC2\xB7  %s", who, doc->meta.organisation);
	S_para(b, arena_printf(b->a, "%s%s", doc->meta.date ? doc->meta.date : b->rs->generated, who),
	       LFONT_REGULAR, SMALL + 1, S_grey);
	flow_gap(b->f, 12);
}

static void S_verdict_box(struct rb *b, const struct verdict *v, const char *who)
{
	struct box_para p[8];
	struct lrun runs[8][2];
	size_t n = 0;
	const char *kind = v->kind == VERDICT_WINNER ? "VERDICT" : v->kind == VERDICT_CLOSE
	                   ? "VERDICT: CLOSE CALL" : "VERDICT: NO FRAMEWORK QUALIFIES";
#define PUSH(t1, f1, t2, f2, sz, col, gap)                                          \
	do {                                                                        \
		runs[n][0] = (struct lrun){ (t1), (f1) };                           \
		runs[n][1] = (struct lrun){ (t2), (f2) };                           \
		p[n] = (struct box_para){ runs[n], (t2) ? 2 : 1,                    \
		                          { .size = (sz), .color = (col) }, (gap) }; \
		n++;                                                                \
	} while (0)
	PUSH(kind, LFONT_BOLD, NULL, LFONT_REGULAR, SMALL, b->accent, 3);
	PUSH(S_sentence(b, v, who), LFONT_BOLD, NULL, LFONT_REGULAR, 12.5, S_black, 6);
	PUSH("Scores: ", LFONT_BOLD, S_scores(b, v), LFONT_REGULAR, BODY, S_black, 2);
	if (v->has_margin)
		PUSH("Margin: ", LFONT_BOLD, arena_printf(b->a, "%.1f points (close-call threshold "
		     "%.1f)", v->margin, b->rs->close_call), LFONT_REGULAR, BODY, S_black, 2);
	const char *stab = verdict_stability_name(v->stability);
	if (stab != NULL)
		PUSH("Stability: ", LFONT_BOLD, arena_printf(b->a, "%s. %s", stab, S_flip(b, v)),
		     LFONT_REGULAR, BODY, S_black, 2);
	const char *dq = "";
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		for (size_t i = 0; i < r->ndisqualified; i++)
			dq = arena_printf(b->a, "%s%s%s (%s)", dq, *dq ? "; " : "",
			                  S_fw(b, r->framework), r->disqualified_by[i]);
	}
	if (*dq)
		PUSH("Disqualified: ", LFONT_BOLD, dq, LFONT_REGULAR, BODY, S_black, 2);
	size_t unknown = 0;
	for (size_t c = 0; c < b->doc->ncriteria; c++)
		for (size_t f = 0; f < b->doc->nframeworks; f++)
			unknown += v->weights[c] > 0 && doc_rating(b->doc, c, f)->unknown;
	if (unknown)
		PUSH("Caveat: ", LFONT_BOLD, arena_printf(b->a, "%zu rating%s that count%s toward "
		     "this verdict %s unknown and scored as the worst level.", unknown,
		     unknown == 1 ? "" : "s", unknown == 1 ? "s" : "", unknown == 1 ? "is" : "are"),
		     LFONT_REGULAR, BODY, S_black, 2);
#undef PUSH
	struct box_style st = { .fill = b->accent_light, .border = b->accent, .padding = 10 };
	flow_box(b->f, p, n, &st);
}

static void S_why(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Why");
	struct bar *bars = arena_array(b->a, v->nframeworks, sizeof *bars);
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		bars[k] = (struct bar){ S_fw(b, r->framework), r->score,
		                        arena_printf(b->a, "%.1f%s", r->score, r->qualified ? "" : " (disq.)"),
		                        r->qualified ? (k == 0 ? b->accent : S_mix(b->accent, 0.45))
		                                     : (struct lcolor){ 0.7, 0.7, 0.7 } };
	}
	flow_bars(b->f, bars, v->nframeworks, 100, BODY);
	flow_gap(b->f, 8);
	if (v->has_margin) {
		size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
		S_para(b, arena_printf(b->a, "How each criterion moves the margin between %s and %s "
		       "(weight \xC3\x97 difference of normalised ratings \xC3\x97 100; positive favours %s):",
		       S_fw(b, A), S_fw(b, B), S_fw(b, A)), LFONT_REGULAR, BODY, S_black);
		flow_gap(b->f, 4);
	}
	size_t nrows = 0, ncols = v->has_margin ? 3 : 2;
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	struct lrun *hr = arena_array(b->a, ncols, sizeof *hr);
	hr[0] = (struct lrun){ "Criterion", LFONT_BOLD };
	hr[1] = (struct lrun){ "Weight for this team", LFONT_BOLD };
	if (v->has_margin)
		hr[2] = (struct lrun){ arena_printf(b->a, "Contribution to %s's lead",
		                                    S_fw(b, v->ranking[0].framework)), LFONT_BOLD };
	for (size_t c = 0; c < ncols; c++)
		head[c] = (struct lcell){ &hr[c], 1, false, { 0, 0, 0 } };
	struct lrow *rows = arena_array(b->a, doc->ncriteria, sizeof *rows);
	for (size_t c = 0; c < doc->ncriteria; c++) {
		if (v->weights[c] <= 0)
			continue;
		struct lrun *r = arena_array(b->a, ncols, sizeof *r);
		struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
		r[0] = (struct lrun){ S_criterion(b, c), LFONT_REGULAR };
		r[1] = (struct lrun){ S_pct(b->a, v->weights[c]), LFONT_REGULAR };
		if (v->has_margin)
			r[2] = (struct lrun){ arena_printf(b->a, "%+.1f", v->contrib[c]), LFONT_REGULAR };
		for (size_t k = 0; k < ncols; k++)
			cells[k] = (struct lcell){ &r[k], 1, false, { 0, 0, 0 } };
		rows[nrows++] = (struct lrow){ LROW_NORMAL, cells };
	}
	struct ltable t = { .ncols = ncols, .header = head, .rows = rows, .nrows = nrows,
	                    .size = SMALL + 0.5, .padding = 4, .header_bg = b->accent,
	                    .header_fg = { 1, 1, 1 }, .group_bg = b->accent_light, .rule = S_rule };
	flow_table(b->f, &t);
}

static void S_change(struct rb *b, const struct verdict *v)
{
	S_h1(b, "What would change the verdict");
	S_para(b, S_flip(b, v), LFONT_REGULAR, BODY, S_black);
	if (v->has_critical) {
		flow_gap(b->f, 4);
		S_para(b, "Each weight is changed alone, the others rescaled in proportion; the "
		       "criterion shown needs the smallest change to produce a tie. Robust means "
		       "at least 15 percentage points, fragile under 5.", LFONT_ITALIC, SMALL, S_grey);
	}
}

/* The label a reader sees for a rating: level label, value with unit, or
 * "unknown". */
static const char *S_level(struct rb *b, size_t c, size_t f)
{
	const struct criterion *cr = &b->doc->criteria[c];
	const struct scale *s = &b->doc->scales[cr->scale_ix];
	const struct rating *r = doc_rating(b->doc, c, f);
	if (r->unknown)
		return "unknown";
	if (s->kind == SCALE_ORDINAL)
		return s->levels[r->level_ix].label;
	return s->unit ? arena_printf(b->a, "%s %s", r->raw, s->unit) : r->raw;
}

static struct lcolor S_tint(double u, bool unknown)
{
	if (unknown)
		return (struct lcolor){ 0.90, 0.90, 0.90 };
	if (u >= 0.75)
		return (struct lcolor){ 0.85, 0.94, 0.85 };
	if (u >= 0.4)
		return (struct lcolor){ 0.99, 0.96, 0.82 };
	return (struct lcolor){ 0.98, 0.87, 0.84 };
}

static struct lcell S_cell(struct rb *b, const char *text, enum lfont font)
{
	struct lrun *r = arena_alloc(b->a, sizeof *r);
	*r = (struct lrun){ text, font };
	return (struct lcell){ r, 1, false, { 0, 0, 0 } };
}

static struct lcell S_rating_cell(struct rb *b, size_t c, size_t f)
{
	const struct rating *r = doc_rating(b->doc, c, f);
	const char *label = S_level(b, c, f);
	struct lcell cell = S_cell(b, label, LFONT_REGULAR);
	if (r->text != NULL && *r->text && strcmp(r->text, label) != 0) {
		struct lrun *runs = arena_array(b->a, 2, sizeof *runs);
		runs[0] = (struct lrun){ S_x(b, r->text), LFONT_REGULAR };
		runs[1] = (struct lrun){ arena_printf(b->a, "\n%s", label), LFONT_ITALIC };
		cell.runs = runs;
		cell.nruns = 2;
	}
	cell.has_bg = true;
	cell.bg = S_tint(b->rs->u[c * b->doc->nframeworks + f], r->unknown);
	return cell;
}

static struct ltable S_table(struct rb *b, size_t ncols, struct lcell *head,
                             struct lrow *rows, size_t nrows)
{
	return (struct ltable){ .ncols = ncols, .header = head, .rows = rows, .nrows = nrows,
	                        .size = SMALL + 0.5, .padding = 4, .header_bg = b->accent,
	                        .header_fg = { 1, 1, 1 }, .group_bg = b->accent_light,
	                        .rule = S_rule };
}

static void S_features(struct rb *b)
{
	const struct doc *doc = b->doc;
	size_t nf = doc->nframeworks, ncols = nf + 1, nrows = 0;
	S_h1(b, "Feature comparison");
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	head[0] = S_cell(b, "Criterion", LFONT_BOLD);
	for (size_t f = 0; f < nf; f++)
		head[f + 1] = S_cell(b, S_fw(b, f), LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, 2 * doc->ncriteria, sizeof *rows);
	bool *done = arena_array(b->a, doc->ncriteria, sizeof *done);
	/* Categories in order of first appearance, their criteria in order. */
	for (size_t c0 = 0; c0 < doc->ncriteria; c0++) {
		if (done[c0])
			continue;
		const char *cat = doc->criteria[c0].category;
		if (cat != NULL) {
			struct lcell *g = arena_alloc(b->a, sizeof *g);
			*g = S_cell(b, cat, LFONT_BOLD);
			rows[nrows++] = (struct lrow){ LROW_GROUP, g };
		}
		for (size_t c = c0; c < doc->ncriteria; c++) {
			const char *cc = doc->criteria[c].category;
			if (done[c] || (cat == NULL) != (cc == NULL) || (cat && strcmp(cat, cc) != 0))
				continue;
			done[c] = true;
			struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
			cells[0] = S_cell(b, S_criterion(b, c), LFONT_BOLD);
			for (size_t f = 0; f < nf; f++)
				cells[f + 1] = S_rating_cell(b, c, f);
			rows[nrows++] = (struct lrow){ LROW_NORMAL, cells };
		}
	}
	struct ltable t = S_table(b, ncols, head, rows, nrows);
	flow_table(b->f, &t);
	S_para(b, "Cell colour follows the normalised rating (green high, yellow middle, red low, "
	       "grey unknown); the level is always written in the cell.", LFONT_ITALIC, SMALL, S_grey);
}

static const char *S_short(struct rb *b, const struct verdict *v)
{
	switch (v->kind) {
	case VERDICT_WINNER:
		return v->has_margin ? arena_printf(b->a, "%s, by %.1f", S_fw(b, v->ranking[0].framework),
		                                    v->margin)
		                     : arena_printf(b->a, "%s (only one qualifies)",
		                                    S_fw(b, v->ranking[0].framework));
	case VERDICT_CLOSE:
		return arena_printf(b->a, "Close call: %s", S_names(b, v->leaders, v->nleaders));
	default:
		return "No framework qualifies";
	}
}

static void S_scenarios(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Scenario verdicts: choose \xE2\x80\xA6 when");
	struct lcell *head = arena_array(b->a, 3, sizeof *head);
	head[0] = S_cell(b, "Scenario", LFONT_BOLD);
	head[1] = S_cell(b, "Verdict", LFONT_BOLD);
	head[2] = S_cell(b, "Scores", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nscenarios, sizeof *rows);
	for (size_t s = 0; s < doc->nscenarios; s++) {
		const struct scenario *sc = &doc->scenarios[s];
		const struct verdict *v = b->rs->scenarios[s];
		struct lcell *cells = arena_array(b->a, 3, sizeof *cells);
		cells[0] = S_cell(b, sc->name, LFONT_BOLD);
		if (sc->rationale) {
			struct lrun *r = arena_array(b->a, 2, sizeof *r);
			r[0] = (struct lrun){ sc->name, LFONT_BOLD };
			r[1] = (struct lrun){ arena_printf(b->a, "\n%s", S_x(b, sc->rationale)), LFONT_ITALIC };
			cells[0].runs = r;
			cells[0].nruns = 2;
		}
		cells[1] = S_cell(b, S_short(b, v), LFONT_REGULAR);
		cells[2] = S_cell(b, S_scores(b, v), LFONT_REGULAR);
		rows[s] = (struct lrow){ LROW_NORMAL, cells };
	}
	struct ltable t = S_table(b, 3, head, rows, doc->nscenarios);
	flow_table(b->f, &t);
}

static void S_bottom_line(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Bottom line");
	for (size_t f = 0; f < doc->nframeworks; f++) {
		size_t best[3];
		size_t n = verdict_strengths(doc, b->rs->u, f, best, 3);
		if (n == 0)
			continue;
		const char *list = "";
		for (size_t i = 0; i < n; i++)
			list = arena_printf(b->a, "%s%s%s", list, i == 0 ? "" : i + 1 == n ? " and " : ", ",
			                    S_criterion(b, best[i]));
		struct lrun runs[2] = { { arena_printf(b->a, "Choose %s", S_fw(b, f)), LFONT_BOLD },
		                        { arena_printf(b->a, " if you prioritise %s.", list), LFONT_REGULAR } };
		struct para_style ps = { .size = BODY + 0.5, .color = S_black };
		flow_paragraph(b->f, runs, 2, &ps);
		flow_gap(b->f, 3);
	}
	flow_gap(b->f, 4);
	for (size_t p = 0; p < doc->nprofiles; p++) {
		if (b->rs->profiles[p] == NULL)
			continue;
		struct lrun runs[2] = { { arena_printf(b->a, "%s: ", doc->profiles[p].name), LFONT_BOLD },
		                        { S_short(b, b->rs->profiles[p]), LFONT_REGULAR } };
		struct para_style ps = { .size = BODY, .color = S_black, .indent = 14,
		                         .bullet = "\xE2\x80\xA2" };
		flow_paragraph(b->f, runs, 2, &ps);
		flow_gap(b->f, 2);
	}
	if (doc->bottom_line) {
		flow_gap(b->f, 6);
		S_para(b, S_x(b, doc->bottom_line), LFONT_REGULAR, BODY, S_black);
	}
}

static void S_methodology(struct rb *b)
{
	static const char *const text[] = {
		"Each rating is normalised to a value between 0 and 1: on a scale of levels, "
		"(score \xE2\x88\x92 lowest score) / (highest \xE2\x88\x92 lowest); on a numeric scale, "
		"the position of the value between the scale's minimum and maximum, reversed when "
		"lower is better. An unknown rating counts as 0.",
		"A scenario's weights are divided by their total. A team profile mixes the scenarios "
		"it uses, each in proportion to its share, together with the team's own weights "
		"(their share is own-share), so that all weights add up to 100 %.",
		"A framework's score is 100 \xC3\x97 the weighted sum of its normalised ratings. A "
		"framework that fails a requirement of a used scenario or of the profile, or that the "
		"profile excludes, is disqualified but keeps its score for reference.",
		"The margin is the difference between the two best qualified scores. Below the "
		"close-call threshold the verdict is a close call, not a winner.",
		"Sensitivity: each criterion's weight is changed alone, the others rescaled in "
		"proportion, to find the weight at which a challenger draws level. The smallest such "
		"change classifies the verdict: robust (15 points or more, or none exists), "
		"moderate, or fragile (under 5).",
	};
	S_h1(b, "Methodology");
	for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
		S_para(b, text[i], LFONT_REGULAR, SMALL + 0.5, S_black);
		flow_gap(b->f, 4);
	}
	S_para(b, arena_printf(b->a, "Generated by verdict %s from %s (SHA-256 %s).",
	       b->rs->version, b->rs->input_name, b->rs->sha256), LFONT_ITALIC, SMALL, S_grey);
}

/* ---- the two reports ---------------------------------------------------------- */

struct page_geom report_geometry(const struct doc *doc)
{
	double w = 595.276, h = 841.890;    /* A4 in points */
	if (doc->report.paper == PAPER_LETTER) {
		w = 612;
		h = 792;
	}
	if (doc->report.landscape) {
		double t = w;
		w = h;
		h = t;
	}
	return (struct page_geom){ w, h, 62, 62, 54, 54 };
}

static void S_begin(struct rb *b, const struct report_set *rs, size_t profile,
                    const struct measurer *m)
{
	struct page_geom g = report_geometry(rs->doc);
	*b = (struct rb){ .rs = rs, .doc = rs->doc, .f = flow_new(&g, m), .a = arena_new(),
	                  .profile = profile, .accent = S_hex(rs->doc->report.accent) };
	b->accent_light = S_mix(b->accent, 0.9);
}

static struct ldoc *S_end(struct rb *b)
{
	const char *foot = arena_printf(b->a, "Generated %s  \xC2\xB7  %s  \xC2\xB7  SHA-256 %.12s",
	                                b->rs->generated, b->rs->input_name, b->rs->sha256);
	struct ldoc *d = flow_finish(b->f, S_x(b, b->doc->title), foot);
	arena_free(b->a);
	return d;
}

struct ldoc *report_profile(const struct report_set *rs, size_t profile,
                            const struct measurer *m)
{
	struct rb b;
	S_begin(&b, rs, profile, m);
	const struct profile *p = &rs->doc->profiles[profile];
	const struct verdict *v = rs->profiles[profile];
	S_title(&b, arena_printf(b.a, "Prepared for %s", p->name));
	if (p->description) {
		S_para(&b, S_x(&b, p->description), LFONT_ITALIC, BODY, S_grey);
		flow_gap(b.f, 8);
	}
	S_verdict_box(&b, v, p->name);
	S_sections(&b, PLACE_AFTER_VERDICT);
	S_why(&b, v);
	S_change(&b, v);
	S_features(&b);
	S_sections(&b, PLACE_AFTER_FEATURES);
	S_scenarios(&b);
	S_sections(&b, PLACE_APPENDIX);
	S_bottom_line(&b);
	S_methodology(&b);
	return S_end(&b);
}

static void S_profile_table(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Verdict per team profile");
	struct lcell *head = arena_array(b->a, 4, sizeof *head);
	head[0] = S_cell(b, "Team profile", LFONT_BOLD);
	head[1] = S_cell(b, "Verdict", LFONT_BOLD);
	head[2] = S_cell(b, "Scores", LFONT_BOLD);
	head[3] = S_cell(b, "Stability", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nprofiles, sizeof *rows);
	size_t n = 0;
	for (size_t p = 0; p < doc->nprofiles; p++) {
		const struct verdict *v = b->rs->profiles[p];
		if (v == NULL)
			continue;
		const char *stab = verdict_stability_name(v->stability);
		struct lcell *cells = arena_array(b->a, 4, sizeof *cells);
		cells[0] = S_cell(b, doc->profiles[p].name, LFONT_BOLD);
		cells[1] = S_cell(b, S_short(b, v), LFONT_REGULAR);
		cells[2] = S_cell(b, S_scores(b, v), LFONT_REGULAR);
		cells[3] = S_cell(b, stab ? stab : DASH, LFONT_REGULAR);
		rows[n++] = (struct lrow){ LROW_NORMAL, cells };
	}
	struct ltable t = S_table(b, 4, head, rows, n);
	flow_table(b->f, &t);
}

struct ldoc *report_overview(const struct report_set *rs, const struct measurer *m)
{
	struct rb b;
	S_begin(&b, rs, MODEL_NO_INDEX, m);
	const struct doc *doc = rs->doc;
	S_title(&b, "Overview of every team profile");
	S_block(&b, &doc->intro);
	S_bottom_line(&b);
	S_profile_table(&b);
	S_scenarios(&b);
	S_features(&b);
	S_sections(&b, PLACE_AFTER_VERDICT);
	S_sections(&b, PLACE_AFTER_FEATURES);
	S_sections(&b, PLACE_APPENDIX);
	S_methodology(&b);
	return S_end(&b);
}
