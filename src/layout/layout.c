/* layout.c - the display list and the flow: pages, the cursor, headings,
 * paragraphs and boxes, and the running header and footer at the finish.
 * Tables (table.c) and charts (chart.c) flow through the
 * helpers of layout_int.h. */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "oom.h"

/* ---- display list ------------------------------------------------------- */

void layout_doc_free(struct ldoc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->npages; i++)
		free(d->pages[i].boxes);
	free(d->pages);
	free(d->outline);
	arena_free(d->arena);
	free(d);
}

void layout_add(struct ldoc *d, size_t page, struct lbox b)
{
	struct lpage *p = &d->pages[page];
	p->boxes = layout_grow(p->boxes, &p->cap, p->n + 1, sizeof *p->boxes);
	p->boxes[p->n++] = b;
}

/* ---- flow ----------------------------------------------------------------- */

const struct lcolor layout_black = { 0, 0, 0 };

void layout_new_page(struct flow *f)
{
	struct ldoc *d = f->doc;
	d->pages = layout_grow(d->pages, &d->cap, d->npages + 1, sizeof *d->pages);
	d->pages[d->npages++] = (struct lpage){ 0 };
	f->page = d->npages - 1;
	f->y = f->g.margin_top;
	f->fresh = true;
}

struct flow *layout_new(const struct page_geom *g, const struct measurer *m)
{
	struct flow *f = calloc(1, sizeof *f);
	struct ldoc *d = calloc(1, sizeof *d);
	if (f == NULL || d == NULL)
		oom_abort();
	d->width = g->width;
	d->height = g->height;
	d->arena = arena_new();
	f->doc = d;
	f->g = *g;
	f->m = m;
	layout_new_page(f);
	return f;
}

void layout_free(struct flow *f)
{
	if (f != NULL) {
		layout_doc_free(f->doc);
		free(f);
	}
}

double layout_content_width(const struct flow *f)
{
	return f->g.width - f->g.margin_left - f->g.margin_right;
}

const struct measurer *layout_measurer(const struct flow *f)
{
	return f->m;
}

double layout_y(const struct flow *f)
{
	return f->y;
}

void layout_skip_to(struct flow *f, double y)
{
	if (y > f->y)
		f->y = y;
}

double layout_bottom(const struct flow *f)
{
	return f->g.height - f->g.margin_bottom;
}

double layout_page_room(const struct flow *f)
{
	return layout_bottom(f) - f->g.margin_top;
}

void layout_page_break(struct flow *f)
{
	if (!f->fresh)
		layout_new_page(f);
}

/* Makes room for h points, breaking the page when they do not fit. */
void layout_need(struct flow *f, double h)
{
	if (f->y + h > layout_bottom(f) + 1e-6 && !f->fresh)
		layout_new_page(f);
}

#define HEAD_LEAD 1.25       /* a heading's line height, in sizes */
#define HEAD_AFTER 0.35      /* the space under a heading, in sizes */

static double S_head_height(const struct pending *p)
{
	return p->text ? (double)p->n * p->size * HEAD_LEAD + p->size * HEAD_AFTER : 0;
}

/* Starts a block whose first first_h points must not be parted from the
 * waiting heading: breaks the page unless both fit (as far as they can
 * fit a page at all), then draws the heading. */
void layout_start(struct flow *f, double first_h)
{
	struct pending *p = &f->head;
	double hh = S_head_height(p), keep = first_h > p->need ? first_h : p->need;
	if (hh + keep > layout_page_room(f))
		keep = layout_page_room(f) - hh;
	layout_need(f, hh + (keep > 0 ? keep : 0));
	if (p->text == NULL)
		return;
	double lh = p->size * HEAD_LEAD;
	layout_outline(f, p->text, p->level);
	for (size_t i = 0; i < p->n; i++) {
		layout_need(f, lh);
		layout_draw_line(f, &p->lines[i], f->g.margin_left, f->y, p->size, p->color);
		f->y += lh;
	}
	f->y += p->size * HEAD_AFTER + p->gap;
	p->text = NULL;
}

void layout_keep(struct flow *f, double h)
{
	double hh = S_head_height(&f->head);
	if (hh + h <= layout_page_room(f))
		layout_need(f, hh + h);
}

void layout_gap(struct flow *f, double pts)
{
	if (f->head.text != NULL)
		f->head.gap += pts;
	else if (!f->fresh)
		f->y += pts;
}

void layout_text(struct flow *f, double x, double baseline, enum lfont font,
                 double size, struct lcolor c, const char *s, size_t len)
{
	layout_add(f->doc, f->page, (struct lbox){ .kind = LBOX_TEXT, .x = x, .y = baseline,
	                                           .font = font, .size = size, .color = c,
	                                           .text = arena_strndup(f->doc->arena, s, len),
	                                           .len = len });
	f->fresh = false;
}

void layout_rect(struct flow *f, double x, double y, double w, double h,
                 struct lcolor c, bool fill, double line_width)
{
	layout_add(f->doc, f->page, (struct lbox){ .kind = LBOX_RECT, .x = x, .y = y, .w = w,
	                                           .h = h, .color = c, .fill = fill,
	                                           .size = line_width });
	f->fresh = false;
}

void layout_line(struct flow *f, double x, double y, double w, double h,
                 struct lcolor c, double line_width)
{
	layout_add(f->doc, f->page, (struct lbox){ .kind = LBOX_LINE, .x = x, .y = y, .w = w,
	                                           .h = h, .color = c, .size = line_width });
}

void layout_link(struct flow *f, double x, double y, double w, double h, const char *uri)
{
	layout_add(f->doc, f->page, (struct lbox){ .kind = LBOX_LINK, .x = x, .y = y, .w = w,
	                                           .h = h, .text = arena_strdup(f->doc->arena, uri),
	                                           .len = strlen(uri) });
}

void layout_draw_line(struct flow *f, const struct lline *l, double x,
                      double top, double size, struct lcolor c)
{
	for (size_t i = 0; i < l->nfrags; i++)
		layout_text(f, x + l->frags[i].x, layout_baseline(f, top, size),
		            l->frags[i].font, size, c, l->frags[i].text, l->frags[i].len);
}

double layout_measure(const struct flow *f, enum lfont font, double size, const char *s)
{
	return f->m->width(f->m->ctx, font, size, s, strlen(s));
}

double layout_baseline(const struct flow *f, double top, double size)
{
	return top + f->m->ascent * size;
}

#define ELLIPSIS "\xE2\x80\xA6"

/* Wraps runs into at most max lines; when the text needs more, the last
 * line kept ends with an ellipsis (for labels and running heads, whose
 * full text is printed elsewhere). */
size_t layout_wrap_max(struct flow *f, const struct lrun *runs, size_t nruns,
                       double size, double width, size_t max, struct lline **lines)
{
	struct arena *a = f->doc->arena;
	size_t n = layout_wrap(f->m, runs, nruns, size, width, a, lines);
	if (n <= max)
		return n;
	double ew = layout_measure(f, runs[0].font, size, ELLIPSIS);
	layout_wrap(f->m, runs, nruns, size, width > ew ? width - ew : 0, a, lines);
	struct lline *l = &(*lines)[max - 1];
	struct lfrag *frags = arena_array(a, l->nfrags + 1, sizeof *frags);
	if (l->nfrags)
		memcpy(frags, l->frags, l->nfrags * sizeof *frags);
	frags[l->nfrags] = (struct lfrag){ runs[0].font, ELLIPSIS, strlen(ELLIPSIS), l->width, ew };
	l->frags = frags;
	l->nfrags++;
	l->width += ew;
	return max;
}

void layout_outline(struct flow *f, const char *title, int level)
{
	struct ldoc *d = f->doc;
	d->outline = layout_grow(d->outline, &d->outline_cap, d->noutline + 1, sizeof *d->outline);
	d->outline[d->noutline++] = (struct loutline){
		arena_strdup(d->arena, title), level, f->page, f->y };
}

void layout_heading(struct flow *f, const char *text, int level, double size,
                    struct lcolor color, double need)
{
	struct lrun run = { text, LFONT_BOLD };
	struct lline *lines;
	size_t n = layout_wrap(f->m, &run, 1, size, layout_content_width(f), f->doc->arena,
	                       &lines);
	struct pending next = { arena_strdup(f->doc->arena, text), level, size, need, color,
	                        lines, n, 0 };
	if (f->head.text != NULL)     /* a heading right after a heading */
		layout_start(f, S_head_height(&next));
	f->head = next;
}

double layout_paragraph_height(struct flow *f, const struct lrun *runs, size_t nruns,
                               const struct para_style *st)
{
	struct lline *lines;
	size_t n = layout_wrap(f->m, runs, nruns, st->size,
	                       layout_content_width(f) - st->indent - st->right_indent,
	                       f->doc->arena, &lines);
	return (double)n * st->size * (st->leading > 0 ? st->leading : LINE_GAP);
}

void layout_paragraph(struct flow *f, const struct lrun *runs, size_t nruns,
                      const struct para_style *st)
{
	double lead = st->leading > 0 ? st->leading : LINE_GAP;
	double lh = st->size * lead, x = f->g.margin_left + st->indent;
	struct lline *lines;
	size_t n = layout_wrap(f->m, runs, nruns, st->size,
	                       layout_content_width(f) - st->indent - st->right_indent,
	                       f->doc->arena, &lines);
	/* Keep at least two lines together at a page break. */
	layout_start(f, (n > 1 ? 2 : 1) * lh);
	for (size_t i = 0; i < n; i++) {
		layout_need(f, lh);
		if (i == 0 && st->bullet != NULL)
			layout_text(f, x - st->size, layout_baseline(f, f->y, st->size), LFONT_REGULAR,
			            st->size, st->color, st->bullet, strlen(st->bullet));
		layout_draw_line(f, &lines[i], x, f->y, st->size, st->color);
		f->y += lh;
	}
}

static double S_lead(const struct para_style *ps)
{
	return ps->size * (ps->leading > 0 ? ps->leading : LINE_GAP);
}

/* A box's lines in order: paragraph and line within it. */
struct bline {
	size_t para, line;
};

/* Draws box lines [from, to) inside one frame h high at the cursor. */
static void S_box_part(struct flow *f, const struct box_para *paras, struct lline **lines,
                       const struct bline *bl, size_t from, size_t to, double h,
                       const struct box_style *st)
{
	double x = f->g.margin_left, w = layout_content_width(f);
	layout_rect(f, x, f->y, w, h, st->fill, true, 0);
	layout_rect(f, x, f->y, w, h, st->border, false, 1.2);
	double y = f->y + st->padding;
	for (size_t k = from; k < to; k++) {
		const struct para_style *ps = &paras[bl[k].para].style;
		layout_draw_line(f, &lines[bl[k].para][bl[k].line], x + st->padding + ps->indent, y,
		                 ps->size, ps->color);
		y += S_lead(ps);
		if (k + 1 < to && bl[k + 1].para != bl[k].para)
			y += paras[bl[k].para].gap_after;
	}
	f->y += h;
}

/* Height of box lines [from, to) with their paragraph gaps, no padding. */
static double S_box_height(const struct box_para *paras, const struct bline *bl,
                           size_t from, size_t to)
{
	double h = 0;
	for (size_t k = from; k < to; k++) {
		h += S_lead(&paras[bl[k].para].style);
		if (k + 1 < to && bl[k + 1].para != bl[k].para)
			h += paras[bl[k].para].gap_after;
	}
	return h;
}

void layout_box(struct flow *f, const struct box_para *paras, size_t n,
                const struct box_style *st)
{
	struct arena *a = f->doc->arena;
	double inner = layout_content_width(f) - 2 * st->padding, pad = 2 * st->padding;
	struct lline **lines = arena_array(a, n ? n : 1, sizeof *lines);
	size_t *counts = arena_array(a, n ? n : 1, sizeof *counts), total = 0;
	for (size_t i = 0; i < n; i++) {
		const struct para_style *ps = &paras[i].style;
		counts[i] = layout_wrap(f->m, paras[i].runs, paras[i].nruns, ps->size,
		                        inner - ps->indent - ps->right_indent, a, &lines[i]);
		total += counts[i];
	}
	struct bline *bl = arena_array(a, total ? total : 1, sizeof *bl);
	for (size_t i = 0, k = 0; i < n; i++)
		for (size_t l = 0; l < counts[i]; l++)
			bl[k++] = (struct bline){ i, l };
	double h = pad + S_box_height(paras, bl, 0, total);
	double start = pad + S_box_height(paras, bl, 0, total < 3 ? total : 3);
	/* Whole where it fits; else on the next page when it fits there and
	 * little of this page is left; else split, a frame on every page. */
	layout_start(f, start);
	double room = layout_bottom(f) - f->y;
	if (h > room && h <= layout_page_room(f) && room < layout_page_room(f) / 3)
		layout_need(f, h);
	size_t from = 0;
	while (from < total) {
		size_t to = from + 1;
		double avail = layout_bottom(f) - f->y - pad;
		while (to < total && S_box_height(paras, bl, from, to + 1) <= avail + 1e-6)
			to++;
		if (S_box_height(paras, bl, from, to) > avail + 1e-6 && !f->fresh) {
			layout_new_page(f);
			continue;
		}
		S_box_part(f, paras, lines, bl, from, to, pad + S_box_height(paras, bl, from, to), st);
		from = to;
		if (from < total)
			layout_new_page(f);
	}
}

/* ---- finishing ------------------------------------------------------------ */

struct ldoc *layout_finish(struct flow *f, const char *header, const char *footer_left)
{
	layout_start(f, 0);        /* a heading with nothing after it */
	struct ldoc *d = f->doc;
	const struct lcolor grey = { 0.35, 0.35, 0.35 };
	double size = 7.5, w = layout_content_width(f), x = f->g.margin_left;
	double head_y = f->g.margin_top - 16, foot_y = f->g.height - f->g.margin_bottom + 16;
	for (size_t p = 0; p < d->npages; p++) {
		f->page = p;
		char *num = arena_printf(d->arena, "Page %zu of %zu", p + 1, d->npages);
		double num_w = layout_measure(f, LFONT_REGULAR, size, num);
		/* The header is one line: a longer title is abbreviated there and
		 * stays whole on the title page; the footer has two at most. */
		struct lrun hrun = { header, LFONT_REGULAR };
		struct lline *lines;
		layout_wrap_max(f, &hrun, 1, size, w, 1, &lines);
		layout_draw_line(f, &lines[0], x, head_y - size, size, grey);
		layout_line(f, x, head_y + 3, w, 0, grey, 0.4);
		layout_line(f, x, foot_y - 4, w, 0, grey, 0.4);
		struct lrun frun = { footer_left, LFONT_REGULAR };
		size_t n = layout_wrap_max(f, &frun, 1, size, w - num_w - 12, 2, &lines);
		for (size_t i = 0; i < n; i++)
			layout_draw_line(f, &lines[i], x, foot_y + i * size * 1.25, size, grey);
		layout_text(f, x + w - num_w, layout_baseline(f, foot_y, size), LFONT_REGULAR, size,
		            grey, num, strlen(num));
	}
	free(f);
	return d;
}
