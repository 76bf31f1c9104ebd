/* layout.c - wrapping rich text and building the display list. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

static void *S_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	void *q = realloc(p, n * size);
	if (q == NULL)
		abort();
	*cap = n;
	return q;
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t S_u8len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool S_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* ---- wrapping --------------------------------------------------------- */

struct piece {
	size_t run;
	const char *text;
	size_t len;
	double w;
};

struct wrapper {
	const struct measurer *m;
	const struct lrun *runs;
	double size, width;
	struct arena *a;
	struct lline *lines;    /* malloc'd while building */
	size_t nlines, lines_cap;
	struct lfrag *frags;    /* the current line's, malloc'd */
	size_t nfrags, frags_cap;
	double x;
};

static double S_width(const struct wrapper *w, size_t run, const char *s, size_t n)
{
	return n == 0 ? 0 : w->m->width(w->m->ctx, w->runs[run].font, w->size, s, n);
}

static void S_end_line(struct wrapper *w)
{
	w->lines = S_grow(w->lines, &w->lines_cap, w->nlines + 1, sizeof *w->lines);
	struct lline *l = &w->lines[w->nlines++];
	l->nfrags = w->nfrags;
	l->frags = arena_array(w->a, w->nfrags, sizeof *l->frags);
	if (w->nfrags > 0)
		memcpy(l->frags, w->frags, w->nfrags * sizeof *l->frags);
	l->width = w->x;
	w->nfrags = 0;
	w->x = 0;
}

/* Appends a piece at the current x, merging with the previous fragment
 * when it continues the same run's text. */
static void S_place(struct wrapper *w, size_t run, const char *s, size_t n,
                    double width, bool space_before, double space_w)
{
	enum lfont font = w->runs[run].font;
	if (space_before)
		w->x += space_w;
	struct lfrag *prev = w->nfrags ? &w->frags[w->nfrags - 1] : NULL;
	if (prev != NULL && prev->font == font &&
	    prev->text + prev->len + (space_before ? 1 : 0) == s &&
	    (!space_before || prev->text[prev->len] == ' ')) {
		prev->len = (size_t)(s + n - prev->text);
		prev->w = w->x + width - prev->x;
	} else {
		w->frags = S_grow(w->frags, &w->frags_cap, w->nfrags + 1, sizeof *w->frags);
		w->frags[w->nfrags++] = (struct lfrag){ font, s, n, w->x, width };
	}
	w->x += width;
}

/* Places a word too wide for any line, character by character. */
static void S_break_word(struct wrapper *w, const struct piece *p, size_t np)
{
	for (size_t i = 0; i < np; i++) {
		const char *s = p[i].text, *end = p[i].text + p[i].len;
		while (s < end) {
			const char *t = s;
			double tw = 0;
			while (t < end) {
				size_t cl = S_u8len((unsigned char)*t);
				if (cl > (size_t)(end - t))
					cl = (size_t)(end - t);
				double cw = S_width(w, p[i].run, t, cl);
				if (w->x + tw + cw > w->width && (w->x > 0 || t > s))
					break;
				tw += cw;
				t += cl;
			}
			if (t > s)
				S_place(w, p[i].run, s, (size_t)(t - s), tw, false, 0);
			s = t;
			if (s < end)
				S_end_line(w);
		}
	}
}

static void S_word(struct wrapper *w, const struct piece *p, size_t np, bool space,
                   size_t space_run)
{
	double ww = 0;
	for (size_t i = 0; i < np; i++)
		ww += p[i].w;
	double sw = space && w->nfrags ? S_width(w, space_run, " ", 1) : 0;
	if (w->nfrags && w->x + sw + ww > w->width) {
		S_end_line(w);
		sw = 0;
	}
	if (ww > w->width) {
		S_break_word(w, p, np);
		return;
	}
	for (size_t i = 0; i < np; i++)
		S_place(w, p[i].run, p[i].text, p[i].len, p[i].w,
		        i == 0 && sw > 0, sw);
}

size_t layout_wrap(const struct measurer *m, const struct lrun *runs,
                   size_t nruns, double size, double width, struct arena *a,
                   struct lline **lines)
{
	struct wrapper w = { .m = m, .runs = runs, .size = size,
	                     .width = width, .a = a };
	struct piece *word = NULL;
	size_t nword = 0, word_cap = 0;
	bool space = false;
	size_t space_run = 0;   /* the blank takes the font of its own run */
	for (size_t r = 0; r <= nruns; r++) {
		const char *s = r < nruns && runs[r].text ? runs[r].text : "";
		for (;;) {
			/* A word ends at a blank, a newline or the end of all runs;
			 * a run boundary alone does not end it ("a<b>b</b>"). */
			char c = *s;
			bool last = r == nruns;
			if ((c == '\0' && last) || S_blank(c) || c == '\n') {
				if (nword)
					S_word(&w, word, nword, space, space_run);
				if (nword || c == '\n')
					space = false;
				nword = 0;
				if (c == '\n')
					S_end_line(&w);
				else if (S_blank(c) && !space && w.nfrags > 0) {
					space = true;
					space_run = r;
				}
				if (c == '\0')
					break;
				s++;
				continue;
			}
			if (c == '\0')
				break;
			const char *t = s;
			while (*t && !S_blank(*t) && *t != '\n')
				t++;
			word = S_grow(word, &word_cap, nword + 1, sizeof *word);
			word[nword++] = (struct piece){ r, s, (size_t)(t - s),
			                                S_width(&w, r, s, (size_t)(t - s)) };
			s = t;
		}
	}
	if (w.nfrags || w.nlines == 0)
		S_end_line(&w);
	free(word);
	free(w.frags);
	*lines = arena_array(a, w.nlines, sizeof **lines);
	memcpy(*lines, w.lines, w.nlines * sizeof **lines);
	free(w.lines);
	return w.nlines;
}

void layout_text_extent(const struct measurer *m, const struct lrun *runs,
                        size_t nruns, double size, double *min, double *max)
{
	*min = *max = 0;
	double word = 0, line = 0;
	for (size_t r = 0; r < nruns; r++) {
		const char *s = runs[r].text ? runs[r].text : "";
		while (*s) {
			const char *t = s;
			while (*t && !S_blank(*t) && *t != '\n')
				t++;
			double tw = t > s ? m->width(m->ctx, runs[r].font, size, s, (size_t)(t - s)) : 0;
			word += tw;
			line += tw;
			if (word > *min)
				*min = word;
			if (*t == '\0')
				break;
			word = 0;
			if (*t == '\n') {
				line = 0;
			} else {
				line += m->width(m->ctx, runs[r].font, size, " ", 1);
			}
			if (line > *max)
				*max = line;
			s = t + 1;
		}
		if (line > *max)
			*max = line;
	}
}

/* ---- display list ------------------------------------------------------- */

void ldoc_free(struct ldoc *d)
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

static void S_add(struct ldoc *d, size_t page, struct lbox b)
{
	struct lpage *p = &d->pages[page];
	p->boxes = S_grow(p->boxes, &p->cap, p->n + 1, sizeof *p->boxes);
	p->boxes[p->n++] = b;
}

/* ---- flow ----------------------------------------------------------------- */

#define LINE_GAP 1.3        /* default leading */
#define ASCENT 0.93         /* DejaVu Sans ascent as a fraction of the size */

/* A heading waits until the content after it starts, so that the two go
 * onto a page together. */
struct pending {
	const char *text;     /* NULL: none */
	int level;
	double size, need;
	struct lcolor color;
	struct lline *lines;
	size_t n;
	double gap;           /* asked for between the heading and its content */
};

struct flow {
	struct ldoc *doc;
	struct page_geom g;
	const struct measurer *m;
	size_t page;
	double y;             /* top of the next content */
	bool fresh;           /* nothing placed on this page yet */
	struct pending head;
};

static const struct lcolor S_black = { 0, 0, 0 };

static void S_new_page(struct flow *f)
{
	struct ldoc *d = f->doc;
	d->pages = S_grow(d->pages, &d->cap, d->npages + 1, sizeof *d->pages);
	d->pages[d->npages++] = (struct lpage){ 0 };
	f->page = d->npages - 1;
	f->y = f->g.margin_top;
	f->fresh = true;
}

struct flow *flow_new(const struct page_geom *g, const struct measurer *m)
{
	struct flow *f = calloc(1, sizeof *f);
	struct ldoc *d = calloc(1, sizeof *d);
	if (f == NULL || d == NULL)
		abort();
	d->width = g->width;
	d->height = g->height;
	d->arena = arena_new();
	f->doc = d;
	f->g = *g;
	f->m = m;
	S_new_page(f);
	return f;
}

void flow_free(struct flow *f)
{
	if (f != NULL) {
		ldoc_free(f->doc);
		free(f);
	}
}

double flow_content_width(const struct flow *f)
{
	return f->g.width - f->g.margin_left - f->g.margin_right;
}

const struct measurer *flow_measurer(const struct flow *f)
{
	return f->m;
}

double flow_y(const struct flow *f)
{
	return f->y;
}

void flow_skip_to(struct flow *f, double y)
{
	if (y > f->y)
		f->y = y;
}

static double S_bottom(const struct flow *f)
{
	return f->g.height - f->g.margin_bottom;
}

static double S_page_room(const struct flow *f)
{
	return S_bottom(f) - f->g.margin_top;
}

void flow_page_break(struct flow *f)
{
	if (!f->fresh)
		S_new_page(f);
}

/* Makes room for h points, breaking the page when they do not fit. */
static void S_need(struct flow *f, double h)
{
	if (f->y + h > S_bottom(f) + 1e-6 && !f->fresh)
		S_new_page(f);
}

#define HEAD_LEAD 1.25       /* a heading's line height, in sizes */
#define HEAD_AFTER 0.35      /* the space under a heading, in sizes */

static double S_head_height(const struct pending *p)
{
	return p->text ? (double)p->n * p->size * HEAD_LEAD + p->size * HEAD_AFTER : 0;
}

static void S_outline(struct flow *f, const char *title, int level);
static void S_draw_line(struct flow *f, const struct lline *l, double x,
                        double top, double size, struct lcolor c);

/* Starts a block whose first first_h points must not be parted from the
 * waiting heading: breaks the page unless both fit (as far as they can
 * fit a page at all), then draws the heading. */
static void S_start(struct flow *f, double first_h)
{
	struct pending *p = &f->head;
	double hh = S_head_height(p), keep = first_h > p->need ? first_h : p->need;
	if (hh + keep > S_page_room(f))
		keep = S_page_room(f) - hh;
	S_need(f, hh + (keep > 0 ? keep : 0));
	if (p->text == NULL)
		return;
	double lh = p->size * HEAD_LEAD;
	S_outline(f, p->text, p->level);
	for (size_t i = 0; i < p->n; i++) {
		S_need(f, lh);
		S_draw_line(f, &p->lines[i], f->g.margin_left, f->y, p->size, p->color);
		f->y += lh;
	}
	f->y += p->size * HEAD_AFTER + p->gap;
	p->text = NULL;
}

void flow_keep(struct flow *f, double h)
{
	double hh = S_head_height(&f->head);
	if (hh + h <= S_page_room(f))
		S_need(f, hh + h);
}

void flow_gap(struct flow *f, double pts)
{
	if (f->head.text != NULL)
		f->head.gap += pts;
	else if (!f->fresh)
		f->y += pts;
}

static void S_text(struct flow *f, double x, double baseline, enum lfont font,
                   double size, struct lcolor c, const char *s, size_t len)
{
	S_add(f->doc, f->page, (struct lbox){ .kind = LBOX_TEXT, .x = x, .y = baseline,
	                                      .font = font, .size = size, .color = c,
	                                      .text = arena_strndup(f->doc->arena, s, len),
	                                      .len = len });
	f->fresh = false;
}

static void S_rect(struct flow *f, double x, double y, double w, double h,
                   struct lcolor c, bool fill, double line_width)
{
	S_add(f->doc, f->page, (struct lbox){ .kind = LBOX_RECT, .x = x, .y = y, .w = w,
	                                      .h = h, .color = c, .fill = fill,
	                                      .size = line_width });
	f->fresh = false;
}

static void S_line(struct flow *f, double x, double y, double w, double h,
                   struct lcolor c, double line_width)
{
	S_add(f->doc, f->page, (struct lbox){ .kind = LBOX_LINE, .x = x, .y = y, .w = w,
	                                      .h = h, .color = c, .size = line_width });
}

static void S_link(struct flow *f, double x, double y, double w, double h, const char *uri)
{
	S_add(f->doc, f->page, (struct lbox){ .kind = LBOX_LINK, .x = x, .y = y, .w = w,
	                                      .h = h, .text = arena_strdup(f->doc->arena, uri),
	                                      .len = strlen(uri) });
}

static void S_draw_line(struct flow *f, const struct lline *l, double x,
                        double top, double size, struct lcolor c)
{
	for (size_t i = 0; i < l->nfrags; i++)
		S_text(f, x + l->frags[i].x, top + ASCENT * size, l->frags[i].font,
		       size, c, l->frags[i].text, l->frags[i].len);
}

static double S_measure(const struct flow *f, enum lfont font, double size, const char *s)
{
	return f->m->width(f->m->ctx, font, size, s, strlen(s));
}

#define ELLIPSIS "\xE2\x80\xA6"

/* Wraps runs into at most max lines; when the text needs more, the last
 * line kept ends with an ellipsis (for labels and running heads, whose
 * full text is printed elsewhere). */
static size_t S_wrap_max(struct flow *f, const struct lrun *runs, size_t nruns,
                         double size, double width, size_t max, struct lline **lines)
{
	struct arena *a = f->doc->arena;
	size_t n = layout_wrap(f->m, runs, nruns, size, width, a, lines);
	if (n <= max)
		return n;
	double ew = S_measure(f, runs[0].font, size, ELLIPSIS);
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

static void S_outline(struct flow *f, const char *title, int level)
{
	struct ldoc *d = f->doc;
	d->outline = S_grow(d->outline, &d->outline_cap, d->noutline + 1, sizeof *d->outline);
	d->outline[d->noutline++] = (struct loutline){
		arena_strdup(d->arena, title), level, f->page, f->y };
}

void flow_heading(struct flow *f, const char *text, int level, double size,
                  struct lcolor color, double need)
{
	struct lrun run = { text, LFONT_BOLD };
	struct lline *lines;
	size_t n = layout_wrap(f->m, &run, 1, size, flow_content_width(f), f->doc->arena,
	                       &lines);
	struct pending next = { arena_strdup(f->doc->arena, text), level, size, need, color,
	                        lines, n, 0 };
	if (f->head.text != NULL)     /* a heading right after a heading */
		S_start(f, S_head_height(&next));
	f->head = next;
}

double flow_paragraph_height(struct flow *f, const struct lrun *runs, size_t nruns,
                             const struct para_style *st)
{
	struct lline *lines;
	size_t n = layout_wrap(f->m, runs, nruns, st->size,
	                       flow_content_width(f) - st->indent - st->right_indent,
	                       f->doc->arena, &lines);
	return (double)n * st->size * (st->leading > 0 ? st->leading : LINE_GAP);
}

void flow_paragraph(struct flow *f, const struct lrun *runs, size_t nruns,
                    const struct para_style *st)
{
	double lead = st->leading > 0 ? st->leading : LINE_GAP;
	double lh = st->size * lead, x = f->g.margin_left + st->indent;
	struct lline *lines;
	size_t n = layout_wrap(f->m, runs, nruns, st->size,
	                       flow_content_width(f) - st->indent - st->right_indent,
	                       f->doc->arena, &lines);
	/* Keep at least two lines together at a page break. */
	S_start(f, (n > 1 ? 2 : 1) * lh);
	for (size_t i = 0; i < n; i++) {
		S_need(f, lh);
		if (i == 0 && st->bullet != NULL)
			S_text(f, x - st->size, f->y + ASCENT * st->size, LFONT_REGULAR,
			       st->size, st->color, st->bullet, strlen(st->bullet));
		S_draw_line(f, &lines[i], x, f->y, st->size, st->color);
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
	double x = f->g.margin_left, w = flow_content_width(f);
	S_rect(f, x, f->y, w, h, st->fill, true, 0);
	S_rect(f, x, f->y, w, h, st->border, false, 1.2);
	double y = f->y + st->padding;
	for (size_t k = from; k < to; k++) {
		const struct para_style *ps = &paras[bl[k].para].style;
		S_draw_line(f, &lines[bl[k].para][bl[k].line], x + st->padding + ps->indent, y,
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

void flow_box(struct flow *f, const struct box_para *paras, size_t n,
              const struct box_style *st)
{
	struct arena *a = f->doc->arena;
	double inner = flow_content_width(f) - 2 * st->padding, pad = 2 * st->padding;
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
	S_start(f, start);
	double room = S_bottom(f) - f->y;
	if (h > room && h <= S_page_room(f) && room < S_page_room(f) / 3)
		S_need(f, h);
	size_t from = 0;
	while (from < total) {
		size_t to = from + 1;
		double avail = S_bottom(f) - f->y - pad;
		while (to < total && S_box_height(paras, bl, from, to + 1) <= avail + 1e-6)
			to++;
		if (S_box_height(paras, bl, from, to) > avail + 1e-6 && !f->fresh) {
			S_new_page(f);
			continue;
		}
		S_box_part(f, paras, lines, bl, from, to, pad + S_box_height(paras, bl, from, to), st);
		from = to;
		if (from < total)
			S_new_page(f);
	}
}

/* ---- charts --------------------------------------------------------------- */

#define LABEL_LINES 3       /* a chart label longer than this is abbreviated */

/* Width of a chart's label column: the widest label, at most a share of w. */
static double S_label_width(const struct flow *f, const char *const *labels,
                            size_t stride, size_t n, double size, double share)
{
	double lw = 0, w = flow_content_width(f);
	for (size_t i = 0; i < n; i++) {
		const char *l = *(const char *const *)((const char *)labels + i * stride);
		double x = S_measure(f, LFONT_REGULAR, size, l);
		lw = x > lw ? x : lw;
	}
	return lw > w * share ? w * share : lw;
}

void flow_bars(struct flow *f, const struct bar *bars, size_t n, double max,
               double size)
{
	double w = flow_content_width(f), value_w = 0;
	double label_w = n ? S_label_width(f, &bars[0].label, sizeof *bars, n, size, 0.35) : 0;
	for (size_t i = 0; i < n; i++) {
		double vw = S_measure(f, LFONT_BOLD, size, bars[i].value_text);
		value_w = vw > value_w ? vw : value_w;
	}
	double bar_x = f->g.margin_left + label_w + 8;
	double bar_w = w - label_w - 8 - value_w - 8;
	double row = size * 1.9;
	struct lline **labels = arena_array(f->doc->arena, n ? n : 1, sizeof *labels);
	size_t *nls = arena_array(f->doc->arena, n ? n : 1, sizeof *nls);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		struct lrun run = { bars[i].label, LFONT_REGULAR };
		nls[i] = S_wrap_max(f, &run, 1, size, label_w, LABEL_LINES, &labels[i]);
		total += nls[i] * size * 1.2 > row ? nls[i] * size * 1.2 : row;
	}
	S_start(f, total);    /* a chart that fits a page is not split */
	for (size_t i = 0; i < n; i++) {
		struct lline *lines = labels[i];
		size_t nl = nls[i];
		double h = nl * size * 1.2 > row ? nl * size * 1.2 : row;
		S_need(f, h);
		for (size_t k = 0; k < nl; k++)
			S_draw_line(f, &lines[k], f->g.margin_left, f->y + (row - size) / 2 - 1 +
			            k * size * 1.2, size, S_black);
		double v = max > 0 ? bars[i].value / max : 0;
		v = v < 0 ? 0 : v > 1 ? 1 : v;
		S_rect(f, bar_x, f->y + row * 0.18, bar_w, row * 0.64,
		       (struct lcolor){ 0.93, 0.93, 0.93 }, true, 0);
		if (v > 0)
			S_rect(f, bar_x, f->y + row * 0.18, bar_w * v, row * 0.64,
			       bars[i].color, true, 0);
		S_text(f, bar_x + bar_w + 8, f->y + (row - size) / 2 - 1 + ASCENT * size,
		       LFONT_BOLD, size, S_black, bars[i].value_text,
		       strlen(bars[i].value_text));
		f->y += h;
	}
}

/* Draws a wrapped caption of at most two lines, right-aligned to x when
 * right, else starting at x. */
static double S_caption(struct flow *f, const char *text, double x, double width,
                        double size, bool right)
{
	struct lrun run = { text, LFONT_ITALIC };
	struct lline *lines;
	size_t n = S_wrap_max(f, &run, 1, size, width, 2, &lines);
	for (size_t k = 0; k < n; k++)
		S_draw_line(f, &lines[k], right ? x - lines[k].width : x,
		            f->y + k * size * 1.2, size, (struct lcolor){ 0.35, 0.35, 0.35 });
	return n * size * 1.2;
}

void flow_diverging(struct flow *f, const struct dbar *bars, size_t n,
                    double max_abs, const struct diverging_style *st)
{
	double size = st->size, w = flow_content_width(f), value_w = 0;
	double label_w = n ? S_label_width(f, &bars[0].label, sizeof *bars, n, size, 0.3) : 0;
	for (size_t i = 0; i < n; i++) {
		double vw = S_measure(f, LFONT_REGULAR, size, bars[i].value_text);
		value_w = vw > value_w ? vw : value_w;
	}
	double chart_x = f->g.margin_left + label_w + 8, chart_w = w - label_w - 8;
	double centre = chart_x + chart_w / 2;
	double half = chart_w / 2 - value_w - 4;
	half = half > 0 ? half : 0;
	double row = size * 1.8, lh = size * 1.2;
	const struct lcolor axis = { 0.45, 0.45, 0.45 };
	struct lline **labels = arena_array(f->doc->arena, n ? n : 1, sizeof *labels);
	size_t *nls = arena_array(f->doc->arena, n ? n : 1, sizeof *nls);
	double total = st->neg_caption || st->pos_caption ? 2 * size * 1.2 + 2 : 0;
	struct lline *title = NULL;
	size_t ntitle = 0;
	double title_lh = st->title_size * LINE_GAP;
	if (st->title != NULL) {
		struct lrun run = { st->title, LFONT_REGULAR };
		ntitle = layout_wrap(f->m, &run, 1, st->title_size, w, f->doc->arena, &title);
		total += (double)ntitle * title_lh + 4;
	}
	for (size_t i = 0; i < n; i++) {
		struct lrun run = { bars[i].label, LFONT_REGULAR };
		nls[i] = S_wrap_max(f, &run, 1, size, label_w, LABEL_LINES, &labels[i]);
		total += nls[i] * lh > row ? nls[i] * lh : row;
	}
	S_start(f, total);    /* a chart that fits a page is not split */
	for (size_t i = 0; i < ntitle; i++) {
		S_need(f, title_lh);
		S_draw_line(f, &title[i], f->g.margin_left, f->y, st->title_size, S_black);
		f->y += title_lh;
	}
	f->y += ntitle ? 4 : 0;
	if (st->neg_caption || st->pos_caption) {
		S_need(f, 2 * size * 1.2 + row);
		double h0 = st->neg_caption ? S_caption(f, st->neg_caption, centre - 4,
		                                        chart_w / 2 - 4, size * 0.9, true) : 0;
		double h1 = st->pos_caption ? S_caption(f, st->pos_caption, centre + 4,
		                                        chart_w / 2 - 4, size * 0.9, false) : 0;
		f->y += (h0 > h1 ? h0 : h1) + 2;
	}
	for (size_t i = 0; i < n; i++) {
		struct lline *lines = labels[i];
		size_t nl = nls[i];
		double h = nl * lh > row ? nl * lh : row;
		S_need(f, h);
		double text_top = f->y + (row - size) / 2 - 1;
		for (size_t k = 0; k < nl; k++)
			S_draw_line(f, &lines[k], f->g.margin_left, text_top + k * lh, size, S_black);
		double v = max_abs > 0 ? bars[i].value / max_abs : 0;
		v = v < -1 ? -1 : v > 1 ? 1 : v;
		double len = half * (v < 0 ? -v : v);
		double vw = S_measure(f, LFONT_REGULAR, size, bars[i].value_text);
		if (len > 0)
			S_rect(f, v < 0 ? centre - len : centre, f->y + row * 0.2, len, row * 0.6,
			       v < 0 ? st->neg : st->pos, true, 0);
		double tx = v < 0 ? centre - len - 3 - vw : centre + len + 3;
		S_text(f, tx, text_top + ASCENT * size, LFONT_REGULAR, size, S_black,
		       bars[i].value_text, strlen(bars[i].value_text));
		S_line(f, centre, f->y, 0, h, axis, 0.6);
		f->y += h;
	}
}

void flow_image(struct flow *f, const char *key, double x, double w, double h)
{
	S_start(f, h);
	S_add(f->doc, f->page, (struct lbox){ .kind = LBOX_IMAGE, .x = f->g.margin_left + x,
	                                      .y = f->y, .w = w, .h = h,
	                                      .text = arena_strdup(f->doc->arena, key),
	                                      .len = strlen(key) });
	f->fresh = false;
}

/* ---- tables --------------------------------------------------------------- */

/* The widest word (lo) and the natural width (hi) of every column, padding
 * included, over the header and the normal rows. */
static void S_extents(const struct measurer *m, const struct ltable *t, double *lo,
                      double *hi)
{
	double pad = 2 * t->padding;
	for (size_t c = 0; c < t->ncols; c++) {
		double mn, mx;
		layout_text_extent(m, t->header[c].runs, t->header[c].nruns, t->size, &mn, &mx);
		lo[c] = mn + pad;
		hi[c] = mx + pad;
		if (t->min_widths != NULL && t->min_widths[c] > lo[c])
			lo[c] = t->min_widths[c];
	}
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->rows[r].kind != LROW_NORMAL)
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			double mn, mx;
			const struct lcell *cell = &t->rows[r].cells[c];
			layout_text_extent(m, cell->runs, cell->nruns, t->size, &mn, &mx);
			lo[c] = mn + pad > lo[c] ? mn + pad : lo[c];
			hi[c] = mx + pad > hi[c] ? mx + pad : hi[c];
		}
	}
	for (size_t c = 0; c < t->ncols; c++)
		hi[c] = hi[c] > lo[c] ? hi[c] : lo[c];
}

bool layout_columns(const struct measurer *m, const struct ltable *t,
                    double width, double *out)
{
	size_t nc = t->ncols;
	double *lo = calloc(nc ? nc : 1, sizeof *lo), *hi = calloc(nc ? nc : 1, sizeof *hi);
	if (lo == NULL || hi == NULL)
		abort();
	S_extents(m, t, lo, hi);
	/* A word wider than a quarter of the table (or than a fair share of
	 * it) is broken rather than allowed to starve the other columns. */
	double cap = nc ? width / (double)nc : width;
	cap = cap > width / 4 ? cap : width / 4;
	double sum_lo = 0, sum_hi = 0, sum_raw = 0;
	for (size_t c = 0; c < nc; c++) {
		sum_raw += lo[c];
		lo[c] = lo[c] < cap ? lo[c] : cap;
		sum_lo += lo[c];
		sum_hi += hi[c];
	}
	if (sum_lo > width) {
		/* Still too narrow: a level L such that the columns narrower than
		 * L keep their width and the others get L each. */
		double level = width / (double)nc;
		for (size_t iter = 0; iter < nc; iter++) {
			double fixed = 0;
			size_t wide = 0;
			for (size_t c = 0; c < nc; c++) {
				if (lo[c] < level)
					fixed += lo[c];
				else
					wide++;
			}
			double next = wide ? (width - fixed) / (double)wide : level;
			if (next <= level + 1e-9)
				break;
			level = next;
		}
		for (size_t c = 0; c < nc; c++)
			out[c] = lo[c] < level ? lo[c] : level;
	}
	for (size_t c = 0; sum_lo <= width && c < nc; c++) {
		if (sum_hi <= width)          /* all natural: spread the slack */
			out[c] = hi[c] + (width - sum_hi) * hi[c] / sum_hi;
		else                          /* minimums, the rest by need */
			out[c] = lo[c] + (width - sum_lo) * (hi[c] - lo[c]) / (sum_hi - sum_lo);
	}
	free(lo);
	free(hi);
	return sum_raw <= width;
}

/* Deals columns [key, ncols) into groups no wider than avail, closing a
 * group early once it has per columns (0: no limit); returns the count. */
static size_t S_deal(const double *need, size_t key, size_t nc, double avail, size_t per,
                     size_t *starts)
{
	size_t g = 0, count = 0;
	double used = 0;
	starts[0] = key;
	for (size_t c = key; c < nc; c++) {
		if (count > 0 && (used + need[c] > avail + 1e-9 || (per && count == per))) {
			starts[++g] = c;
			used = 0;
			count = 0;
		}
		used += need[c];
		count++;
	}
	starts[++g] = nc;
	return g;
}

size_t layout_column_groups(const struct measurer *m, const struct ltable *t,
                            size_t key, double width, double min_w, double max_w,
                            size_t *starts)
{
	size_t nc = t->ncols;
	if (key >= nc) {
		starts[0] = nc;
		starts[1] = nc;
		return 1;
	}
	double *lo = calloc(nc, sizeof *lo), *hi = calloc(nc, sizeof *hi);
	if (lo == NULL || hi == NULL)
		abort();
	S_extents(m, t, lo, hi);
	double key_w = 0;
	for (size_t c = 0; c < nc; c++) {
		lo[c] = lo[c] < min_w ? min_w : lo[c] > max_w ? max_w : lo[c];
		if (c < key)
			key_w += lo[c];
	}
	size_t g = S_deal(lo, key, nc, width - key_w, 0, starts);
	if (g > 1) {
		/* As many groups, their sizes as even as the widths allow. */
		size_t *even = calloc(nc + 1, sizeof *even);
		if (even == NULL)
			abort();
		size_t per = (nc - key + g - 1) / g;
		if (S_deal(lo, key, nc, width - key_w, per, even) == g)
			memcpy(starts, even, (g + 1) * sizeof *starts);
		free(even);
	}
	free(lo);
	free(hi);
	return g;
}

struct ltable layout_subtable(const struct ltable *t, size_t key, size_t from,
                              size_t to, struct arena *a)
{
	struct ltable s = *t;
	s.ncols = key + (to - from);
	struct lcell *head = arena_array(a, s.ncols, sizeof *head);
	double *minw = t->min_widths ? arena_array(a, s.ncols, sizeof *minw) : NULL;
	for (size_t c = 0; c < s.ncols; c++) {
		size_t src = c < key ? c : from + (c - key);
		head[c] = t->header[src];
		if (minw)
			minw[c] = t->min_widths[src];
	}
	struct lrow *rows = arena_array(a, t->nrows ? t->nrows : 1, sizeof *rows);
	for (size_t r = 0; r < t->nrows; r++) {
		rows[r] = t->rows[r];
		if (from != key)
			rows[r].outline = NULL;   /* one entry per row, in the first group */
		if (t->rows[r].kind != LROW_NORMAL)
			continue;
		rows[r].cells = arena_array(a, s.ncols, sizeof *rows[r].cells);
		for (size_t c = 0; c < s.ncols; c++)
			rows[r].cells[c] = t->rows[r].cells[c < key ? c : from + (c - key)];
	}
	s.header = head;
	s.rows = rows;
	s.min_widths = minw;
	return s;
}

#define WHOLE_ROW 6          /* rows of at most this many lines are not split */
#define KEEP_LINES 2         /* a split row keeps at least this many lines together */
#define KEEP_LAST 3          /* a table's last rows are not parted */

struct trow {
	struct lline **lines;   /* per cell */
	size_t *n;
	size_t most;            /* lines of the tallest cell, at least 1 */
	double h;
};

/* What drawing one table needs. */
struct tdraw {
	struct flow *f;
	const struct ltable *t;
	const double *cw;
	double width;           /* of the whole table */
	struct trow hr;         /* the header's lines */
	bool repeat;            /* the header is repeated after page breaks */
	size_t rows_on_page;    /* row parts drawn on this page */
};

static void S_row_lines(struct flow *f, const struct ltable *t, const struct lcell *cells,
                        size_t ncells, const double *cw, struct trow *out)
{
	struct arena *a = f->doc->arena;
	out->lines = arena_array(a, ncells, sizeof *out->lines);
	out->n = arena_array(a, ncells, sizeof *out->n);
	out->most = 1;
	for (size_t c = 0; c < ncells; c++) {
		out->n[c] = layout_wrap(f->m, cells[c].runs, cells[c].nruns, t->size,
		                        cw[c] - 2 * t->padding, a, &out->lines[c]);
		out->most = out->n[c] > out->most ? out->n[c] : out->most;
	}
	out->h = out->most * t->size * LINE_GAP + 2 * t->padding;
}

/* Draws lines [from, to) of every cell of a row at the cursor, on a band
 * of colour band when not NULL.  Texts keep the fonts they were measured
 * in: a bold header is the caller's bold runs. */
static void S_draw_part(struct tdraw *td, const struct lcell *cells, size_t ncells,
                        const double *cw, const struct trow *r, size_t from, size_t to,
                        struct lcolor fg, const struct lcolor *band)
{
	struct flow *f = td->f;
	const struct ltable *t = td->t;
	double lh = t->size * LINE_GAP;
	double h = (double)(to - from) * lh + 2 * t->padding;
	double x = f->g.margin_left;
	if (band != NULL)
		S_rect(f, x, f->y, td->width, h, *band, true, 0);
	for (size_t c = 0; c < ncells; c++) {
		if (cells[c].has_bg)
			S_rect(f, x, f->y, cw[c], h, cells[c].bg, true, 0);
		for (size_t k = from; k < to && k < r->n[c]; k++)
			S_draw_line(f, &r->lines[c][k], x + t->padding,
			            f->y + t->padding + (double)(k - from) * lh, t->size, fg);
		if (cells[c].link != NULL)
			S_link(f, x, f->y, cw[c], h, cells[c].link);
		x += cw[c];
	}
	f->fresh = false;
	f->y += h;
	S_line(f, f->g.margin_left, f->y, td->width, 0, t->rule, 0.4);
	td->rows_on_page++;
}

static void S_header(struct tdraw *td)
{
	const struct ltable *t = td->t;
	S_draw_part(td, t->header, t->ncols, td->cw, &td->hr, 0, td->hr.most, t->header_fg,
	            &t->header_bg);
	td->rows_on_page = 0;
}

static void S_table_break(struct tdraw *td)
{
	S_new_page(td->f);
	td->rows_on_page = 0;
	if (td->repeat)
		S_header(td);
}

/* Draws a row, split line by line across pages when it does not fit. */
static void S_row(struct tdraw *td, const struct lcell *cells, size_t ncells,
                  const double *cw, const struct trow *r, struct lcolor fg,
                  const struct lcolor *band)
{
	struct flow *f = td->f;
	double lh = td->t->size * LINE_GAP, pad = 2 * td->t->padding;
	size_t from = 0;
	while (from < r->most) {
		double room = S_bottom(f) - f->y - pad;
		size_t fit = room > 0 ? (size_t)(room / lh + 1e-9) : 0;
		if (fit == 0 && td->rows_on_page > 0) {
			S_table_break(td);
			continue;
		}
		if (fit == 0)
			fit = 1;    /* nothing else fits on a page: progress over margins */
		/* Leave no single line of a split row alone on the next page. */
		if (from + fit + 1 == r->most && fit > KEEP_LINES)
			fit--;
		size_t to = from + fit < r->most ? from + fit : r->most;
		S_draw_part(td, cells, ncells, cw, r, from, to, fg, band);
		from = to;
		if (from < r->most)
			S_table_break(td);
	}
}

void flow_table(struct flow *f, const struct ltable *t)
{
	struct arena *a = f->doc->arena;
	double width = flow_content_width(f);
	double *cw = arena_array(a, t->ncols ? t->ncols : 1, sizeof *cw);
	layout_columns(f->m, t, width, cw);
	struct tdraw td = { .f = f, .t = t, .cw = cw, .width = width };
	S_row_lines(f, t, t->header, t->ncols, cw, &td.hr);
	td.repeat = td.hr.h <= S_page_room(f) / 3;
	struct trow *rows = arena_array(a, t->nrows ? t->nrows : 1, sizeof *rows);
	for (size_t r = 0; r < t->nrows; r++) {
		bool group = t->rows[r].kind == LROW_GROUP;
		S_row_lines(f, t, t->rows[r].cells, group ? 1 : t->ncols,
		            group ? &width : cw, &rows[r]);
	}
	double lh = t->size * LINE_GAP, first_lines = KEEP_LINES * lh + 2 * t->padding;
	/* The start of a row: the whole of a short one, else its first lines. */
#define START(r) (rows[r].most <= WHOLE_ROW ? rows[r].h : first_lines)
	/* The caption and the header go with the first row, or a group row
	 * and the start of the row after it. */
	double lead = t->nrows ? START(0) : 0;
	if (t->nrows > 1 && t->rows[0].kind == LROW_GROUP)
		lead += START(1);
	struct lline *cap = NULL;
	size_t ncap = 0;
	double cap_size = t->size * 0.95, cap_lh = cap_size * LINE_GAP;
	if (t->caption != NULL) {
		struct lrun run = { t->caption, LFONT_ITALIC };
		ncap = layout_wrap(f->m, &run, 1, cap_size, width, a, &cap);
	}
	S_start(f, (double)ncap * cap_lh + (ncap ? 3 : 0) +
	           (td.repeat ? td.hr.h : first_lines) + lead);
	for (size_t i = 0; i < ncap; i++) {
		S_need(f, cap_lh);
		S_draw_line(f, &cap[i], f->g.margin_left, f->y, cap_size, t->caption_fg);
		f->y += cap_lh;
	}
	f->y += ncap ? 3 : 0;
	if (td.repeat)
		S_header(&td);
	else
		S_row(&td, t->header, t->ncols, cw, &td.hr, t->header_fg, &t->header_bg);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct lrow *row = &t->rows[r];
		bool group = row->kind == LROW_GROUP;
		/* A group row is kept with the start of the row after it; a short
		 * row is not split. */
		double need = group ? rows[r].h : START(r);
		if (group && r + 1 < t->nrows)
			need += START(r + 1);
		/* The last rows go over together rather than one alone. */
		if (t->nrows - r <= KEEP_LAST && t->nrows > KEEP_LAST) {
			double rest = 0;
			for (size_t k = r; k < t->nrows; k++)
				rest += rows[k].h;
			if (rest <= S_page_room(f) - td.hr.h)
				need = need > rest ? need : rest;
		}
		if (need > S_bottom(f) - f->y && td.rows_on_page > 0)
			S_table_break(&td);
		if (row->outline != NULL)
			S_outline(f, row->outline, t->outline_level);
		S_row(&td, row->cells, group ? 1 : t->ncols, group ? &width : cw, &rows[r],
		      S_black, group && !row->cells[0].has_bg ? &t->group_bg : NULL);
	}
#undef START
	f->y += t->size * 0.6;
}

/* ---- finishing ------------------------------------------------------------ */

struct ldoc *flow_finish(struct flow *f, const char *header, const char *footer_left)
{
	S_start(f, 0);        /* a heading with nothing after it */
	struct ldoc *d = f->doc;
	const struct lcolor grey = { 0.35, 0.35, 0.35 };
	double size = 7.5, w = flow_content_width(f), x = f->g.margin_left;
	double head_y = f->g.margin_top - 16, foot_y = f->g.height - f->g.margin_bottom + 16;
	for (size_t p = 0; p < d->npages; p++) {
		f->page = p;
		char *num = arena_printf(d->arena, "Page %zu of %zu", p + 1, d->npages);
		double num_w = S_measure(f, LFONT_REGULAR, size, num);
		/* The header is one line: a longer title is abbreviated there and
		 * stays whole on the title page; the footer has two at most. */
		struct lrun hrun = { header, LFONT_REGULAR };
		struct lline *lines;
		S_wrap_max(f, &hrun, 1, size, w, 1, &lines);
		S_draw_line(f, &lines[0], x, head_y - size, size, grey);
		S_line(f, x, head_y + 3, w, 0, grey, 0.4);
		S_line(f, x, foot_y - 4, w, 0, grey, 0.4);
		struct lrun frun = { footer_left, LFONT_REGULAR };
		size_t n = S_wrap_max(f, &frun, 1, size, w - num_w - 12, 2, &lines);
		for (size_t i = 0; i < n; i++)
			S_draw_line(f, &lines[i], x, foot_y + i * size * 1.25, size, grey);
		S_text(f, x + w - num_w, foot_y + ASCENT * size, LFONT_REGULAR, size, grey,
		       num, strlen(num));
	}
	free(f);
	return d;
}
