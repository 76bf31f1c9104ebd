/* report.c - the contents of the per-profile reports and the overview: the
 * order of their parts and the title block.  The parts are in
 * verdict_parts.c and tables.c, the helpers they all use in blocks.c. */
#include "report_int.h"

#include <stdlib.h>

#include "arena.h"

/* ---- the input's own blocks and sections -------------------------------- */

/* The index of the first paragraph of blk from i on that this report
 * shows, or blk->nparas. */
static size_t S_next_shown(const struct rb *b, const struct block *blk, size_t i)
{
	while (i < blk->nparas && !report_shown(b, blk->paras[i].when))
		i++;
	return i;
}

static void S_block(struct rb *b, const struct block *blk)
{
	for (size_t i = S_next_shown(b, blk, 0); i < blk->nparas;
	     i = S_next_shown(b, blk, i + 1)) {
		const struct para *p = &blk->paras[i];
		struct lrun *runs = arena_array(b->a, p->nspans ? p->nspans : 1, sizeof *runs);
		for (size_t s = 0; s < p->nspans; s++) {
			unsigned st = p->spans[s].style;
			runs[s].text = report_x(b, p->spans[s].text);
			runs[s].font = st & SPAN_BOLD ? LFONT_BOLD
			             : st & SPAN_ITALIC ? LFONT_ITALIC : LFONT_REGULAR;
		}
		bool item = p->kind == PARA_ITEM;
		struct para_style ps = { .size = BODY, .color = report_black,
		                         .indent = item ? 14 : 0,
		                         .bullet = item ? "\xE2\x80\xA2" : NULL };
		layout_paragraph(b->f, runs, p->nspans, &ps);
		size_t next = S_next_shown(b, blk, i + 1);
		bool next_item = next < blk->nparas && blk->paras[next].kind == PARA_ITEM;
		layout_gap(b->f, item && next_item ? 2 : 6);
	}
}

static void S_sections(struct rb *b, enum section_place place)
{
	for (size_t i = 0; i < b->doc->nsections; i++) {
		const struct section *s = &b->doc->sections[i];
		if (s->place != place || !report_shown(b, s->when))
			continue;
		/* A heading over nothing: every paragraph is for other reports. */
		if (s->body.nparas > 0 && S_next_shown(b, &s->body, 0) == s->body.nparas)
			continue;
		report_h1(b, report_x(b, s->title ? s->title : s->id));
		S_block(b, &s->body);
	}
}

/* ---- the title block -------------------------------------------------------- */

/* Title, subtitle, who it is for, date and author; the logo, if any, at
 * the top right with the title block beside it. */
static void S_title(struct rb *b, const char *prepared_for)
{
	const struct doc *doc = b->doc;
	const struct report_set *rs = b->rs;
	double right = 0, bottom = layout_y(b->f);
	if (rs->logo != NULL && rs->logo_w > 0 && rs->logo_h > 0) {
		double cw = layout_content_width(b->f), maxw = cw / 4 < 130 ? cw / 4 : 130, maxh = 56;
		double s = maxw / rs->logo_w < maxh / rs->logo_h ? maxw / rs->logo_w
		                                                 : maxh / rs->logo_h;
		double w = rs->logo_w * s, h = rs->logo_h * s;
		layout_image(b->f, rs->logo, cw - w, w, h);
		right = w + 16;
		bottom = layout_y(b->f) + h;
	}
	struct para_style st = { .size = 20, .color = b->accent, .right_indent = right,
	                         .leading = 1.2 };
	struct lrun run = { report_x(b, doc->title), LFONT_BOLD };
	layout_paragraph(b->f, &run, 1, &st);
	layout_gap(b->f, 3);
	if (doc->subtitle) {
		st = (struct para_style){ .size = 12, .color = report_grey, .right_indent = right };
		run = (struct lrun){ report_x(b, doc->subtitle), LFONT_REGULAR };
		layout_paragraph(b->f, &run, 1, &st);
	}
	layout_gap(b->f, 6);
	st = (struct para_style){ .size = 12, .color = report_black, .right_indent = right };
	run = (struct lrun){ prepared_for, LFONT_BOLD };
	layout_paragraph(b->f, &run, 1, &st);
	const char *who = doc->meta.date ? doc->meta.date : rs->generated;
	if (doc->meta.author)
		who = arena_printf(b->a, "%s%s%s", who, DOT, doc->meta.author);
	if (doc->meta.organisation)
		who = arena_printf(b->a, "%s%s%s", who, DOT, doc->meta.organisation);
	st = (struct para_style){ .size = SMALL + 1, .color = report_grey, .right_indent = right };
	run = (struct lrun){ who, LFONT_REGULAR };
	layout_paragraph(b->f, &run, 1, &st);
	layout_skip_to(b->f, bottom);
	layout_gap(b->f, 12);
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

static struct lcolor S_hex(const char *s)
{
	unsigned v = 0x1f4e79;
	if (s != NULL && s[0] == '#')
		v = (unsigned)strtoul(s + 1, NULL, 16);
	return (struct lcolor){ ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
	                        (v & 255) / 255.0 };
}

static void S_begin(struct rb *b, const struct report_set *rs, size_t profile,
                    const struct measurer *m)
{
	struct page_geom g = report_geometry(rs->doc);
	*b = (struct rb){ .rs = rs, .doc = rs->doc, .f = layout_new(&g, m), .a = arena_new(),
	                  .profile = profile, .accent = S_hex(rs->doc->report.accent) };
	b->accent_light = report_mix(b->accent, 0.9);
}

static struct ldoc *S_end(struct rb *b)
{
	/* The input's name last: a long path is what gets abbreviated. */
	/* SPEC 6.4: the fingerprint over every file read, which is the
	 * input's own SHA-256 when it includes nothing. */
	const char *fp = b->rs->fingerprint != NULL ? b->rs->fingerprint : b->rs->sha256;
	bool own = fp == b->rs->sha256 || b->doc->nfiles <= 1;
	const char *foot = arena_printf(b->a, "Generated %s" DOT "%s %.12s" DOT "%s",
	                                b->rs->generated, own ? "SHA-256" : "Fingerprint",
	                                fp, b->rs->input_name);
	struct ldoc *d = layout_finish(b->f, report_x(b, b->doc->title), foot);
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
		report_para(&b, report_x(&b, p->description), LFONT_ITALIC, BODY, report_grey);
		layout_gap(b.f, 8);
	}
	report_verdict_box(&b, v);
	S_sections(&b, PLACE_AFTER_VERDICT);
	report_why(&b, v);
	report_change(&b, v);
	report_since(&b, v);
	report_features(&b);
	S_sections(&b, PLACE_AFTER_FEATURES);
	report_scenarios(&b);
	S_sections(&b, PLACE_APPENDIX);
	report_bottom_line(&b);
	report_sources(&b);
	report_methodology(&b);
	return S_end(&b);
}

struct ldoc *report_overview(const struct report_set *rs, const struct measurer *m)
{
	struct rb b;
	S_begin(&b, rs, MODEL_NO_INDEX, m);
	const struct doc *doc = rs->doc;
	S_title(&b, "Overview of every team profile");
	S_block(&b, &doc->intro);
	report_changed_teams(&b);
	report_bottom_line(&b);
	report_profile_table(&b);
	report_scenarios(&b);
	report_features(&b);
	S_sections(&b, PLACE_AFTER_VERDICT);
	S_sections(&b, PLACE_AFTER_FEATURES);
	S_sections(&b, PLACE_APPENDIX);
	report_sources(&b);
	report_methodology(&b);
	return S_end(&b);
}
