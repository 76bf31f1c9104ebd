/* report.c - the contents of the per-profile reports and the overview. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "explain.h"

#define BODY 9.5
#define SMALL 8.0
#define TABLE 8.5
#define H1 13.0
#define DASH "\xE2\x80\x94"     /* an em dash for values that do not exist */
#define DOT "  \xC2\xB7  "      /* a middle dot between items */
#define MINUS "\xE2\x88\x92"
#define FULL "\xE2\x97\x8F"     /* the level symbols: filled and empty circles */
#define EMPTY "\xE2\x97\x8B"

/* Column groups: a framework column is at least this wide (points), or
 * this when it holds only numbers. */
#define COL_MIN 74.0
#define COL_MIN_NUMBERS 50.0
#define COL_MAX 150.0
#define CHART_MAX 12            /* criteria drawn in the contributions chart */

static const struct lcolor S_black = { 0, 0, 0 };
static const struct lcolor S_grey = { 0.38, 0.38, 0.38 };
static const struct lcolor S_rule = { 0.75, 0.75, 0.75 };
static const struct lcolor S_against = { 0.80, 0.38, 0.30 };

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

static const char *S_criterion(const struct rb *b, size_t c)
{
	return b->doc->criteria[c].name;
}

/* A weight as a percentage: whole from 10 %, one decimal below, two below
 * 0.1 % so that a weight that counts never reads 0.0 %. */
static const char *S_pct(struct arena *a, double w)
{
	double p = 100 * w;
	if (p > 0 && p < 0.095)
		return arena_printf(a, "%.2f %%", p);
	return p > 0 && p < 9.95 ? arena_printf(a, "%.1f %%", p) : arena_printf(a, "%.0f %%", p);
}

/* A signed number of points with a true minus sign. */
static const char *S_signed(struct arena *a, double v)
{
	if (fabs(v) < 0.05)
		return "0.0";
	return arena_printf(a, "%s%.1f", v < 0 ? MINUS : "+", fabs(v));
}

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

/* A paragraph of a bold lead-in and regular text. */
static void S_para2(struct rb *b, const char *lead, const char *text, double size)
{
	struct lrun runs[2] = { { lead, LFONT_BOLD }, { text, LFONT_REGULAR } };
	struct para_style st = { .size = size, .color = S_black };
	flow_paragraph(b->f, runs, 2, &st);
}

static void S_note(struct rb *b, const char *text)
{
	flow_gap(b->f, 2);
	S_para(b, text, LFONT_ITALIC, SMALL, S_grey);
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

static struct lcell S_cell(struct rb *b, const char *text, enum lfont font)
{
	struct lrun *r = arena_alloc(b->a, sizeof *r);
	*r = (struct lrun){ text, font };
	return (struct lcell){ .runs = r, .nruns = 1 };
}

/* A cell of a bold first line and italic further lines (NULL: none). */
static struct lcell S_cell2(struct rb *b, const char *head, const char *more)
{
	struct lcell c = S_cell(b, head, LFONT_BOLD);
	if (more != NULL && *more) {
		struct lrun *r = arena_array(b->a, 2, sizeof *r);
		r[0] = (struct lrun){ head, LFONT_BOLD };
		r[1] = (struct lrun){ arena_printf(b->a, "\n%s", more), LFONT_ITALIC };
		c.runs = r;
		c.nruns = 2;
	}
	return c;
}

static struct ltable S_table(struct rb *b, size_t ncols, struct lcell *head,
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
static void S_grouped(struct rb *b, const struct ltable *t, size_t key, double min_w)
{
	size_t *starts = arena_array(b->a, t->ncols + 1, sizeof *starts);
	size_t n = layout_column_groups(flow_measurer(b->f), t, key, flow_content_width(b->f),
	                                min_w, COL_MAX, starts);
	if (n <= 1) {
		flow_table(b->f, t);
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
		sub.caption_fg = S_grey;
		flow_gap(b->f, g ? 6 : 0);
		flow_table(b->f, &sub);
	}
}

/* ---- sentences -------------------------------------------------------------- */

/* "PyTorch 91.9 · TensorFlow 54.9" over the ranking. */
static const char *S_scores(struct rb *b, const struct verdict *v)
{
	const char *s = "";
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		s = arena_printf(b->a, "%s%s%s %.1f%s", s, k ? DOT : "", S_fw(b, r->framework),
		                 r->score, r->qualified ? "" : " (disqualified)");
	}
	return s;
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

/* ---- title and verdict ------------------------------------------------------ */

/* Title, subtitle, who it is for, date and author; the logo, if any, at
 * the top right with the title block beside it. */
static void S_title(struct rb *b, const char *prepared_for)
{
	const struct doc *doc = b->doc;
	const struct report_set *rs = b->rs;
	double right = 0, bottom = flow_y(b->f);
	if (rs->logo != NULL && rs->logo_w > 0 && rs->logo_h > 0) {
		double cw = flow_content_width(b->f), maxw = cw / 4 < 130 ? cw / 4 : 130, maxh = 56;
		double s = maxw / rs->logo_w < maxh / rs->logo_h ? maxw / rs->logo_w
		                                                 : maxh / rs->logo_h;
		double w = rs->logo_w * s, h = rs->logo_h * s;
		flow_image(b->f, rs->logo, cw - w, w, h);
		right = w + 16;
		bottom = flow_y(b->f) + h;
	}
	struct para_style st = { .size = 20, .color = b->accent, .right_indent = right,
	                         .leading = 1.2 };
	struct lrun run = { S_x(b, doc->title), LFONT_BOLD };
	flow_paragraph(b->f, &run, 1, &st);
	flow_gap(b->f, 3);
	if (doc->subtitle) {
		st = (struct para_style){ .size = 12, .color = S_grey, .right_indent = right };
		run = (struct lrun){ S_x(b, doc->subtitle), LFONT_REGULAR };
		flow_paragraph(b->f, &run, 1, &st);
	}
	flow_gap(b->f, 6);
	st = (struct para_style){ .size = 12, .color = S_black, .right_indent = right };
	run = (struct lrun){ prepared_for, LFONT_BOLD };
	flow_paragraph(b->f, &run, 1, &st);
	const char *who = doc->meta.date ? doc->meta.date : rs->generated;
	if (doc->meta.author)
		who = arena_printf(b->a, "%s%s%s", who, DOT, doc->meta.author);
	if (doc->meta.organisation)
		who = arena_printf(b->a, "%s%s%s", who, DOT, doc->meta.organisation);
	st = (struct para_style){ .size = SMALL + 1, .color = S_grey, .right_indent = right };
	run = (struct lrun){ who, LFONT_REGULAR };
	flow_paragraph(b->f, &run, 1, &st);
	flow_skip_to(b->f, bottom);
	flow_gap(b->f, 12);
}

/* The sentences of explain.c with placeholders in names filled. */
static const char *S_say(struct rb *b, const char *sentence)
{
	return sentence ? S_x(b, sentence) : NULL;
}

static void S_verdict_box(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
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
	PUSH(S_say(b, explain_recommendation(doc, v, b->a)), LFONT_BOLD, NULL, LFONT_REGULAR,
	     12.5, S_black, 6);
	PUSH("Scores: ", LFONT_BOLD, S_scores(b, v), LFONT_REGULAR, BODY, S_black, 2);
	if (v->has_margin)
		PUSH("Margin: ", LFONT_BOLD, arena_printf(b->a, "%.1f points (close-call threshold "
		     "%.1f)", v->margin, v->close_call), LFONT_REGULAR, BODY, S_black, 2);
	const char *stab = verdict_stability_name(v->stability);
	const char *flip = S_say(b, explain_flip(doc, v, b->a));
	if (stab != NULL)
		PUSH("Stability: ", LFONT_BOLD, flip ? arena_printf(b->a, "%s. %s", stab, flip) : stab,
		     LFONT_REGULAR, BODY, S_black, 2);
	const char *dq = S_say(b, explain_disqualified(doc, v, b->a));
	if (dq)
		PUSH("Disqualified: ", LFONT_BOLD, dq, LFONT_REGULAR, BODY, S_black, 2);
	const char *unknown = S_say(b, explain_unknowns(doc, v, b->a));
	if (unknown)
		PUSH("Caveat: ", LFONT_BOLD, unknown, LFONT_REGULAR, BODY, S_black, 2);
#undef PUSH
	struct box_style st = { .fill = b->accent_light, .border = b->accent, .padding = 10 };
	flow_box(b->f, p, n, &st);
}

/* ---- why -------------------------------------------------------------------- */

static void S_score_bars(struct rb *b, const struct verdict *v)
{
	struct bar *bars = arena_array(b->a, v->nframeworks, sizeof *bars);
	for (size_t k = 0; k < v->nframeworks; k++) {
		const struct ranked *r = &v->ranking[k];
		bars[k] = (struct bar){ S_fw(b, r->framework), r->score,
		                        arena_printf(b->a, "%.1f%s", r->score, r->qualified ? "" : " (disq.)"),
		                        r->qualified ? (k == 0 ? b->accent : S_mix(b->accent, 0.45))
		                                     : (struct lcolor){ 0.7, 0.7, 0.7 } };
	}
	flow_bars(b->f, bars, v->nframeworks, 100, BODY);
}

/* The diverging chart of what each criterion adds to the margin between
 * the first two: the largest contributions each way, largest first. */
static void S_contrib_chart(struct rb *b, const struct verdict *v)
{
	size_t A = v->ranking[0].framework, B = v->ranking[1].framework;
	size_t nc = b->doc->ncriteria;
	size_t *pos = arena_array(b->a, nc, sizeof *pos), *neg = arena_array(b->a, nc, sizeof *neg);
	size_t np = verdict_reasons(v, true, pos, nc), nn = verdict_reasons(v, false, neg, nc);
	if (np + nn == 0) {
		S_para(b, arena_printf(b->a, "No criterion separates %s and %s: their scores differ "
		       "by less than 0.1 points.", S_fw(b, A), S_fw(b, B)), LFONT_REGULAR, BODY, S_black);
		return;
	}
	/* Share the chart's rows between the two sides, the rest summed up. */
	size_t kp = np, kn = nn;
	while (kp + kn > CHART_MAX)
		*(kp > kn ? &kp : &kn) -= 1;
	struct dbar *bars = arena_array(b->a, kp + kn, sizeof *bars);
	double max_abs = 0, rest = 0;
	for (size_t i = 0; i < kp + kn; i++) {
		size_t c = i < kp ? pos[i] : neg[kn - 1 - (i - kp)];
		bars[i] = (struct dbar){ S_criterion(b, c), v->contrib[c], S_signed(b->a, v->contrib[c]) };
		max_abs = fabs(v->contrib[c]) > max_abs ? fabs(v->contrib[c]) : max_abs;
	}
	for (size_t i = kp; i < np; i++)
		rest += v->contrib[pos[i]];
	for (size_t i = kn; i < nn; i++)
		rest += v->contrib[neg[i]];
	struct diverging_style st = {
		.title = arena_printf(b->a, "What each criterion adds to the margin of %.1f points "
		                      "between %s and %s:", v->margin, S_fw(b, A), S_fw(b, B)),
		.title_size = BODY,
		.size = SMALL + 0.5, .pos = b->accent, .neg = S_against,
		.neg_caption = arena_printf(b->a, "\xE2\x86\x90 favours %s", S_fw(b, B)),
		.pos_caption = arena_printf(b->a, "favours %s \xE2\x86\x92", S_fw(b, A)),
	};
	flow_diverging(b->f, bars, kp + kn, max_abs, &st);
	if (kp + kn < np + nn)
		S_note(b, arena_printf(b->a, "%zu more criteria with smaller contributions add %s "
		       "points in all; the table below lists every one.", np + nn - kp - kn,
		       S_signed(b->a, rest)));
}

/* The table of weights and of the points each criterion gives each
 * framework (100 x weight x normalised rating), with the lead of the first
 * over the second; criteria without weight are left out. */
static void S_weights_table(struct rb *b, const struct verdict *v)
{
	const struct doc *doc = b->doc;
	size_t nf = v->nframeworks, key = v->has_margin ? 3 : 2, ncols = key + nf;
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	head[0] = S_cell(b, "Criterion", LFONT_BOLD);
	head[1] = S_cell(b, "Weight", LFONT_BOLD);
	if (v->has_margin)
		head[2] = S_cell(b, arena_printf(b->a, "%s's lead", S_fw(b, v->ranking[0].framework)),
		                 LFONT_BOLD);
	for (size_t k = 0; k < nf; k++)
		head[key + k] = S_cell(b, S_fw(b, v->ranking[k].framework), LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->ncriteria + 1, sizeof *rows);
	size_t nrows = 0, unweighted = 0;
	for (size_t c = 0; c < doc->ncriteria; c++) {
		if (v->weights[c] <= 0) {
			unweighted++;
			continue;
		}
		struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
		cells[0] = S_cell(b, S_criterion(b, c), LFONT_REGULAR);
		cells[1] = S_cell(b, S_pct(b->a, v->weights[c]), LFONT_REGULAR);
		if (v->has_margin)
			cells[2] = S_cell(b, S_signed(b->a, v->contrib[c]), LFONT_BOLD);
		for (size_t k = 0; k < nf; k++) {
			size_t f = v->ranking[k].framework;
			double pts = 100 * v->weights[c] * b->rs->u[c * doc->nframeworks + f];
			cells[key + k] = S_cell(b, arena_printf(b->a, "%.1f", pts), LFONT_REGULAR);
		}
		rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
	}
	struct lcell *total = arena_array(b->a, ncols, sizeof *total);
	total[0] = S_cell(b, "Score", LFONT_BOLD);
	total[1] = S_cell(b, "100 %", LFONT_BOLD);
	if (v->has_margin)
		total[2] = S_cell(b, S_signed(b->a, v->margin), LFONT_BOLD);
	for (size_t k = 0; k < nf; k++)
		total[key + k] = S_cell(b, arena_printf(b->a, "%.1f", v->ranking[k].score), LFONT_BOLD);
	for (size_t k = 0; k < ncols; k++)
		total[k].has_bg = true, total[k].bg = b->accent_light;
	rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = total };
	S_para(b, "The weight of each criterion for this team and the points it gives each "
	       "framework (weight \xC3\x97 normalised rating \xC3\x97 100); a framework's score is "
	       "the sum of its column.", LFONT_REGULAR, BODY, S_black);
	flow_gap(b->f, 4);
	struct ltable t = S_table(b, ncols, head, rows, nrows);
	S_grouped(b, &t, key, COL_MIN_NUMBERS);
	if (unweighted)
		S_note(b, arena_printf(b->a, "%zu criteri%s no weight for this team and %s left out.",
		       unweighted, unweighted == 1 ? "on has" : "a have", unweighted == 1 ? "is" : "are"));
}

static void S_why(struct rb *b, const struct verdict *v)
{
	S_h1(b, "Why");
	S_score_bars(b, v);
	flow_gap(b->f, 8);
	const char *why = S_say(b, explain_why(b->doc, v, b->a));
	if (why != NULL) {
		S_para(b, why, LFONT_REGULAR, BODY, S_black);
		flow_gap(b->f, 8);
	}
	if (v->has_margin) {
		S_contrib_chart(b, v);
		flow_gap(b->f, 8);
	}
	S_weights_table(b, v);
}

/* How many points framework f is behind the first of the ranking. */
static double S_gap(const struct verdict *v, size_t f)
{
	for (size_t k = 0; k < v->nframeworks; k++)
		if (v->ranking[k].framework == f)
			return v->ranking[0].score - v->ranking[k].score;
	return 0;
}

static void S_change(struct rb *b, const struct verdict *v)
{
	S_h1(b, "What would change the verdict");
	const char *flip = S_say(b, explain_flip(b->doc, v, b->a));
	S_para2(b, "Weights: ", flip ? flip : v->kind == VERDICT_CLOSE
	        ? "A close call has no winner whose lead a change of weights could undo; the "
	          "criteria above show where the leaders differ."
	        : "No framework qualifies, so no change of weights can produce a winner; only "
	          "a change of requirements or ratings can.", BODY);
	if (v->has_critical) {
		const struct critical *c = &v->critical;
		flow_gap(b->f, 3);
		S_para2(b, "In figures: ", arena_printf(b->a, "%s weighs %s now and would need %s "
		        "for a tie, a change of %.1f percentage points; %s is %.1f points behind.",
		        S_criterion(b, c->criterion), S_pct(b->a, c->weight),
		        S_pct(b->a, c->tie_weight), 100 * fabs(c->tie_weight - c->weight),
		        S_fw(b, c->challenger), S_gap(v, c->challenger)), BODY);
	}
	const char *rating = S_say(b, explain_rating_flip(b->doc, v, b->a));
	if (rating != NULL) {
		flow_gap(b->f, 3);
		S_para2(b, "Ratings: ", rating, BODY);
	}
	const char *unknown = S_say(b, explain_unknowns(b->doc, v, b->a));
	if (unknown != NULL) {
		flow_gap(b->f, 3);
		S_para2(b, "Unknown ratings: ", unknown, BODY);
	}
	if (v->kind == VERDICT_WINNER)
		S_note(b, "Each weight is changed alone, the others rescaled in proportion; the "
		       "criterion named needs the smallest change to produce a tie. Robust means "
		       "at least 15 percentage points, fragile under 5. A rating change moves one "
		       "rating one level up or down its scale.");
}

/* ---- tables ------------------------------------------------------------------ */

/* The level as a row of four circles, filled in proportion to the
 * normalised rating, so that it reads without colour. */
static const char *S_dots(struct rb *b, double u)
{
	int k = (int)lround(u * 4);
	k = k < 0 ? 0 : k > 4 ? 4 : k;
	const char *s = "";
	for (int i = 0; i < 4; i++)
		s = arena_printf(b->a, "%s%s", s, i < k ? FULL : EMPTY);
	return s;
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

/* A rating: its text, then its level in words and circles. */
static struct lcell S_rating_cell(struct rb *b, size_t c, size_t f)
{
	const struct rating *r = doc_rating(b->doc, c, f);
	double u = b->rs->u[c * b->doc->nframeworks + f];
	const char *label = S_level(b, c, f);
	const char *level = r->unknown ? "unknown ?" : arena_printf(b->a, "%s %s", label,
	                                                            S_dots(b, u));
	struct lrun *runs = arena_array(b->a, 2, sizeof *runs);
	size_t n = 0;
	if (r->text != NULL && *r->text && strcmp(r->text, label) != 0)
		runs[n++] = (struct lrun){ arena_printf(b->a, "%s\n", S_x(b, r->text)), LFONT_REGULAR };
	runs[n++] = (struct lrun){ level, LFONT_ITALIC };
	return (struct lcell){ .runs = runs, .nruns = n, .has_bg = true,
	                       .bg = S_tint(u, r->unknown) };
}

static void S_features(struct rb *b)
{
	const struct doc *doc = b->doc;
	size_t nf = doc->nframeworks, ncols = nf + 1, nrows = 0;
	S_h1(b, "Feature comparison");
	struct lcell *head = arena_array(b->a, ncols, sizeof *head);
	head[0] = S_cell(b, "Criterion", LFONT_BOLD);
	for (size_t f = 0; f < nf; f++) {
		const struct framework *fw = &doc->frameworks[f];
		head[f + 1] = S_cell(b, fw->version ? arena_printf(b->a, "%s %s", fw->name, fw->version)
		                                    : fw->name, LFONT_BOLD);
		head[f + 1].link = fw->url;
	}
	struct lrow *rows = arena_array(b->a, 2 * doc->ncriteria, sizeof *rows);
	bool *done = arena_array(b->a, doc->ncriteria, sizeof *done);
	/* Categories in order of first appearance, their criteria in order. */
	for (size_t c0 = 0; c0 < doc->ncriteria; c0++) {
		if (done[c0])
			continue;
		const char *cat = doc->criteria[c0].category;
		if (cat != NULL) {
			struct lcell *g = arena_alloc(b->a, sizeof *g);
			*g = S_cell(b, S_x(b, cat), LFONT_BOLD);
			rows[nrows++] = (struct lrow){ .kind = LROW_GROUP, .cells = g };
		}
		for (size_t c = c0; c < doc->ncriteria; c++) {
			const char *cc = doc->criteria[c].category;
			if (done[c] || (cat == NULL) != (cc == NULL) || (cat && strcmp(cat, cc) != 0))
				continue;
			done[c] = true;
			struct lcell *cells = arena_array(b->a, ncols, sizeof *cells);
			const struct criterion *cr = &doc->criteria[c];
			cells[0] = S_cell2(b, cr->name, cr->description ? S_x(b, cr->description) : NULL);
			for (size_t f = 0; f < nf; f++)
				cells[f + 1] = S_rating_cell(b, c, f);
			rows[nrows++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
		}
	}
	struct ltable t = S_table(b, ncols, head, rows, nrows);
	S_grouped(b, &t, 1, COL_MIN);
	S_note(b, "Each cell gives the rating's text, then its level in words and as four "
	       "circles (" FULL FULL FULL FULL " best, " EMPTY EMPTY EMPTY EMPTY " worst); the "
	       "colour repeats it (green high, yellow middle, red low, grey unknown). Framework "
	       "names link to their web sites.");
}

static const char *S_short(struct rb *b, const struct verdict *v)
{
	return S_say(b, explain_short(b->doc, v, b->a));
}

static void S_scenarios(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Scenario verdicts: choose \xE2\x80\xA6 when");
	struct lcell *head = arena_array(b->a, 3, sizeof *head);
	head[0] = S_cell(b, "Scenario", LFONT_BOLD);
	head[1] = S_cell(b, "Verdict", LFONT_BOLD);
	head[2] = S_cell(b, "Scores", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nscenarios ? doc->nscenarios : 1, sizeof *rows);
	for (size_t s = 0; s < doc->nscenarios; s++) {
		const struct scenario *sc = &doc->scenarios[s];
		const struct verdict *v = b->rs->scenarios[s];
		struct lcell *cells = arena_array(b->a, 3, sizeof *cells);
		cells[0] = S_cell2(b, sc->name, sc->rationale ? S_x(b, sc->rationale) : NULL);
		cells[1] = S_cell(b, S_short(b, v), LFONT_REGULAR);
		cells[2] = S_cell(b, S_scores(b, v), LFONT_REGULAR);
		rows[s] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells };
	}
	struct ltable t = S_table(b, 3, head, rows, doc->nscenarios);
	flow_table(b->f, &t);
}

static void S_bottom_line(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Bottom line");
	for (size_t f = 0; f < doc->nframeworks; f++) {
		const char *list = S_say(b, explain_strength_list(doc, b->rs->u, f, b->a));
		if (list == NULL)
			continue;
		struct lrun runs[2] = { { arena_printf(b->a, "Choose %s", S_fw(b, f)), LFONT_BOLD },
		                        { arena_printf(b->a, " if you prioritise %s.", list),
		                          LFONT_REGULAR } };
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
	size_t n = sizeof text / sizeof *text;
	struct para_style body = { .size = SMALL + 0.5, .color = S_black };
	struct para_style trailer = { .size = SMALL, .color = S_grey };
	struct lrun run = { arena_printf(b->a, "Generated by verdict %s from %s (SHA-256 %s).",
	                                 b->rs->version, b->rs->input_name, b->rs->sha256),
	                    LFONT_ITALIC };
	flow_page_break(b->f);      /* an appendix, on a page of its own */
	S_h1(b, "Methodology");
	for (size_t i = 0; i < n; i++) {
		struct lrun r = { text[i], LFONT_REGULAR };
		/* The last paragraph keeps the trailer with it on its page. */
		if (i + 1 == n)
			flow_keep(b->f, flow_paragraph_height(b->f, &r, 1, &body) + 4 +
			          flow_paragraph_height(b->f, &run, 1, &trailer));
		flow_paragraph(b->f, &r, 1, &body);
		flow_gap(b->f, 4);
	}
	flow_paragraph(b->f, &run, 1, &trailer);
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
	/* The input's name last: a long path is what gets abbreviated. */
	const char *foot = arena_printf(b->a, "Generated %s" DOT "SHA-256 %.12s" DOT "%s",
	                                b->rs->generated, b->rs->sha256, b->rs->input_name);
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
	S_verdict_box(&b, v);
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

/* Every profile's verdict, each row an outline entry under the heading. */
static void S_profile_table(struct rb *b)
{
	const struct doc *doc = b->doc;
	S_h1(b, "Verdict per team profile");
	struct lcell *head = arena_array(b->a, 4, sizeof *head);
	head[0] = S_cell(b, "Team profile", LFONT_BOLD);
	head[1] = S_cell(b, "Verdict", LFONT_BOLD);
	head[2] = S_cell(b, "Scores", LFONT_BOLD);
	head[3] = S_cell(b, "Stability", LFONT_BOLD);
	struct lrow *rows = arena_array(b->a, doc->nprofiles ? doc->nprofiles : 1, sizeof *rows);
	size_t n = 0;
	for (size_t p = 0; p < doc->nprofiles; p++) {
		const struct verdict *v = b->rs->profiles[p];
		if (v == NULL)
			continue;
		const char *stab = verdict_stability_name(v->stability);
		const char *dq = S_say(b, explain_disqualified(doc, v, b->a));
		struct lcell *cells = arena_array(b->a, 4, sizeof *cells);
		cells[0] = S_cell2(b, doc->profiles[p].name, doc->profiles[p].description
		                   ? S_x(b, doc->profiles[p].description) : NULL);
		cells[1] = S_cell(b, dq ? arena_printf(b->a, "%s. %s", S_short(b, v), dq)
		                        : S_short(b, v), LFONT_REGULAR);
		cells[2] = S_cell(b, S_scores(b, v), LFONT_REGULAR);
		cells[3] = S_cell(b, stab ? stab : DASH, LFONT_REGULAR);
		rows[n++] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells,
		                           .outline = doc->profiles[p].name };
	}
	struct ltable t = S_table(b, 4, head, rows, n);
	t.outline_level = 1;
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

/* ---- characters the fonts lack -------------------------------------------------- */

struct missing {
	unsigned long cp;
	size_t count;
	struct srcpos pos;       /* of the first occurrence */
	const char *where;       /* what it is in, owned by the checker's arena */
};

struct glyphs {
	report_has_char_fn has;
	const void *ctx;
	struct arena *a;
	struct missing *items;
	size_t n, cap;
};

/* Records every character of text the fonts lack; where and id (may be
 * NULL) describe the element: "the name of framework", "pytorch". */
static void S_glyphs(struct glyphs *g, const char *text, struct srcpos pos,
                     const char *where, const char *id)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		unsigned long cp = *s;
		size_t l = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		if (l > 1)
			cp &= 0x7F >> l;
		for (size_t i = 1; i < l; i++)
			cp = s[i] ? cp << 6 | (s[i] & 0x3F) : cp;
		for (size_t i = 1; i < l && s[1]; i++)
			s++;
		s++;
		if (cp < 0x20 || g->has(g->ctx, cp))
			continue;
		size_t k = 0;
		while (k < g->n && g->items[k].cp != cp)
			k++;
		if (k == g->n) {
			if (g->n == g->cap) {
				g->cap = g->cap ? 2 * g->cap : 8;
				g->items = realloc(g->items, g->cap * sizeof *g->items);
				if (g->items == NULL)
					abort();
			}
			g->items[g->n++] = (struct missing){
				cp, 0, pos, id ? arena_printf(g->a, "%s '%s'", where, id) : where };
		}
		g->items[k].count++;
	}
}

static void S_glyphs_block(struct glyphs *g, const struct block *blk, const char *where,
                           const char *id)
{
	for (size_t i = 0; i < blk->nparas; i++)
		for (size_t s = 0; s < blk->paras[i].nspans; s++)
			S_glyphs(g, blk->paras[i].spans[s].text, blk->paras[i].pos, where, id);
}

/* Every text of the doc a report prints, with the element it is in. */
static void S_glyphs_doc(struct glyphs *g, const struct doc *d)
{
	S_glyphs(g, d->title, d->pos, "the title", NULL);
	S_glyphs(g, d->subtitle, d->pos, "the subtitle", NULL);
	S_glyphs(g, d->meta.author, d->pos, "the author", NULL);
	S_glyphs(g, d->meta.organisation, d->pos, "the organisation", NULL);
	S_glyphs_block(g, &d->intro, "the introduction", NULL);
	for (size_t i = 0; i < d->nscales; i++) {
		const struct scale *s = &d->scales[i];
		S_glyphs(g, s->unit, s->pos, "the unit of scale", s->id);
		for (size_t l = 0; l < s->nlevels; l++)
			S_glyphs(g, s->levels[l].label, s->levels[l].pos, "a level label of scale",
			         s->id);
	}
	for (size_t i = 0; i < d->nframeworks; i++) {
		const struct framework *f = &d->frameworks[i];
		S_glyphs(g, f->name, f->pos, "the name of framework", f->id);
		S_glyphs(g, f->version, f->pos, "the version of framework", f->id);
	}
	for (size_t i = 0; i < d->ncriteria; i++) {
		const struct criterion *c = &d->criteria[i];
		S_glyphs(g, c->name, c->pos, "the name of criterion", c->id);
		S_glyphs(g, c->description, c->pos, "the description of criterion", c->id);
		S_glyphs(g, c->category, c->pos, "the category of criterion", c->id);
		for (size_t r = 0; r < c->nratings; r++)
			S_glyphs(g, c->ratings[r].text, c->ratings[r].pos,
			         "a rating of criterion", c->id);
	}
	for (size_t i = 0; i < d->nscenarios; i++) {
		const struct scenario *s = &d->scenarios[i];
		S_glyphs(g, s->name, s->pos, "the name of scenario", s->id);
		S_glyphs(g, s->rationale, s->pos, "the rationale of scenario", s->id);
	}
	for (size_t i = 0; i < d->nprofiles; i++) {
		const struct profile *p = &d->profiles[i];
		S_glyphs(g, p->name, p->pos, "the name of profile", p->id);
		S_glyphs(g, p->description, p->pos, "the description of profile", p->id);
		for (size_t e = 0; e < p->nexcludes; e++)
			S_glyphs(g, p->excludes[e].reason, p->excludes[e].pos,
			         "an exclusion reason of profile", p->id);
	}
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		S_glyphs(g, s->title, s->pos, "the title of section", s->id);
		S_glyphs_block(g, &s->body, "section", s->id);
	}
	S_glyphs(g, d->bottom_line, d->pos, "the bottom line", NULL);
}

size_t report_check_glyphs(const struct doc *doc, report_has_char_fn has, const void *ctx,
                           struct diags *out)
{
	struct glyphs g = { .has = has, .ctx = ctx, .a = arena_new() };
	S_glyphs_doc(&g, doc);
	for (size_t i = 0; i < g.n; i++) {
		const struct missing *m = &g.items[i];
		char utf8[5] = { 0 };
		unsigned long cp = m->cp;
		if (cp < 0x800) {
			utf8[0] = (char)(0xC0 | cp >> 6);
			utf8[1] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			utf8[0] = (char)(0xE0 | cp >> 12);
			utf8[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			utf8[2] = (char)(0x80 | (cp & 0x3F));
		} else {
			utf8[0] = (char)(0xF0 | cp >> 18);
			utf8[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			utf8[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			utf8[3] = (char)(0x80 | (cp & 0x3F));
		}
		diags_add(out, DIAG_WARNING, m->pos.file, m->pos.line,
		          "character U+%04lX '%s' in %s is not in the report fonts%s; the PDFs "
		          "show \xEF\xBF\xBD in its place%s", cp, utf8, m->where,
		          cp > 0xFFFF ? " (libharu draws nothing above U+FFFF)" : "",
		          m->count > 1 ? arena_printf(g.a, " (%zu occurrences in this input)",
		                                      m->count) : "");
	}
	size_t n = g.n;
	free(g.items);
	arena_free(g.a);
	return n;
}
