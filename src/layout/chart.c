/* chart.c - charts (bars, the diverging chart) and images. */
#include "layout_int.h"

#include <string.h>

#include "arena.h"

#define LABEL_LINES 3       /* a chart label longer than this is abbreviated */

/* Width of a chart's label column: the widest label, at most a share of w. */
static double S_label_width(const struct flow *f, const char *const *labels,
                            size_t stride, size_t n, double size, double share)
{
	double lw = 0, w = layout_content_width(f);
	for (size_t i = 0; i < n; i++) {
		const char *l = *(const char *const *)((const char *)labels + i * stride);
		double x = layout_measure(f, LFONT_REGULAR, size, l);
		lw = x > lw ? x : lw;
	}
	return lw > w * share ? w * share : lw;
}

/* Wraps the bars' labels into their column (labels[i], nls[i] lines,
 * both n long, in the doc's arena); returns the chart's height. */
static double S_bar_labels(struct flow *f, const struct bar *bars, size_t n, double size,
                           struct lline ***labels, size_t **nls)
{
	double label_w = n ? S_label_width(f, &bars[0].label, sizeof *bars, n, size, 0.35) : 0;
	double row = size * 1.9, total = 0;
	*labels = arena_array(f->doc->arena, n ? n : 1, sizeof **labels);
	*nls = arena_array(f->doc->arena, n ? n : 1, sizeof **nls);
	for (size_t i = 0; i < n; i++) {
		struct lrun run = { bars[i].label, LFONT_REGULAR };
		(*nls)[i] = layout_wrap_max(f, &run, 1, size, label_w, LABEL_LINES, &(*labels)[i]);
		total += (*nls)[i] * size * 1.2 > row ? (*nls)[i] * size * 1.2 : row;
	}
	return total;
}

double layout_bars_height(struct flow *f, const struct bar *bars, size_t n, double size)
{
	struct lline **labels;
	size_t *nls;
	return S_bar_labels(f, bars, n, size, &labels, &nls);
}

void layout_bars(struct flow *f, const struct bar *bars, size_t n, double max,
                 double size)
{
	double w = layout_content_width(f), value_w = 0;
	double label_w = n ? S_label_width(f, &bars[0].label, sizeof *bars, n, size, 0.35) : 0;
	for (size_t i = 0; i < n; i++) {
		double vw = layout_measure(f, LFONT_BOLD, size, bars[i].value_text);
		value_w = vw > value_w ? vw : value_w;
	}
	double bar_x = f->g.margin_left + label_w + 8;
	double bar_w = w - label_w - 8 - value_w - 8;
	double row = size * 1.9;
	struct lline **labels;
	size_t *nls;
	double total = S_bar_labels(f, bars, n, size, &labels, &nls);
	layout_start(f, total);    /* a chart that fits a page is not split */
	for (size_t i = 0; i < n; i++) {
		struct lline *lines = labels[i];
		size_t nl = nls[i];
		double h = nl * size * 1.2 > row ? nl * size * 1.2 : row;
		layout_need(f, h);
		for (size_t k = 0; k < nl; k++)
			layout_draw_line(f, &lines[k], f->g.margin_left,
			                 f->y + (row - size) / 2 - 1 + k * size * 1.2, size, layout_black);
		double v = max > 0 ? bars[i].value / max : 0;
		v = v < 0 ? 0 : v > 1 ? 1 : v;
		layout_rect(f, bar_x, f->y + row * 0.18, bar_w, row * 0.64,
		            (struct lcolor){ 0.93, 0.93, 0.93 }, true, 0);
		if (v > 0)
			layout_rect(f, bar_x, f->y + row * 0.18, bar_w * v, row * 0.64,
			            bars[i].color, true, 0);
		double top = f->y + (row - size) / 2 - 1;
		layout_text(f, bar_x + bar_w + 8, layout_baseline(f, top, size),
		            LFONT_BOLD, size, layout_black, bars[i].value_text,
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
	size_t n = layout_wrap_max(f, &run, 1, size, width, 2, &lines);
	for (size_t k = 0; k < n; k++)
		layout_draw_line(f, &lines[k], right ? x - lines[k].width : x,
		                 f->y + k * size * 1.2, size, (struct lcolor){ 0.35, 0.35, 0.35 });
	return n * size * 1.2;
}

void layout_diverging(struct flow *f, const struct dbar *bars, size_t n,
                      double max_abs, const struct diverging_style *st)
{
	double size = st->size, w = layout_content_width(f), value_w = 0;
	double label_w = n ? S_label_width(f, &bars[0].label, sizeof *bars, n, size, 0.3) : 0;
	for (size_t i = 0; i < n; i++) {
		double vw = layout_measure(f, LFONT_REGULAR, size, bars[i].value_text);
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
		nls[i] = layout_wrap_max(f, &run, 1, size, label_w, LABEL_LINES, &labels[i]);
		total += nls[i] * lh > row ? nls[i] * lh : row;
	}
	layout_start(f, total);    /* a chart that fits a page is not split */
	for (size_t i = 0; i < ntitle; i++) {
		layout_need(f, title_lh);
		layout_draw_line(f, &title[i], f->g.margin_left, f->y, st->title_size,
		                 layout_black);
		f->y += title_lh;
	}
	f->y += ntitle ? 4 : 0;
	if (st->neg_caption || st->pos_caption) {
		layout_need(f, 2 * size * 1.2 + row);
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
		layout_need(f, h);
		double text_top = f->y + (row - size) / 2 - 1;
		for (size_t k = 0; k < nl; k++)
			layout_draw_line(f, &lines[k], f->g.margin_left, text_top + k * lh, size,
			                 layout_black);
		double v = max_abs > 0 ? bars[i].value / max_abs : 0;
		v = v < -1 ? -1 : v > 1 ? 1 : v;
		double len = half * (v < 0 ? -v : v);
		double vw = layout_measure(f, LFONT_REGULAR, size, bars[i].value_text);
		if (len > 0)
			layout_rect(f, v < 0 ? centre - len : centre, f->y + row * 0.2, len,
			            row * 0.6, v < 0 ? st->neg : st->pos, true, 0);
		double tx = v < 0 ? centre - len - 3 - vw : centre + len + 3;
		layout_text(f, tx, layout_baseline(f, text_top, size), LFONT_REGULAR, size,
		            layout_black, bars[i].value_text, strlen(bars[i].value_text));
		layout_line(f, centre, f->y, 0, h, axis, 0.6);
		f->y += h;
	}
}

void layout_image(struct flow *f, const char *key, double x, double w, double h)
{
	layout_start(f, h);
	layout_add(f->doc, f->page, (struct lbox){ .kind = LBOX_IMAGE, .x = f->g.margin_left + x,
	                                           .y = f->y, .w = w, .h = h,
	                                           .text = arena_strdup(f->doc->arena, key),
	                                           .len = strlen(key) });
	f->fresh = false;
}
