/* table.c - column widths, column groups and tables flowed across
 * pages. */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "oom.h"

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
		oom_abort();
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
		oom_abort();
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
			oom_abort();
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
		layout_rect(f, x, f->y, td->width, h, *band, true, 0);
	for (size_t c = 0; c < ncells; c++) {
		if (cells[c].has_bg)
			layout_rect(f, x, f->y, cw[c], h, cells[c].bg, true, 0);
		for (size_t k = from; k < to && k < r->n[c]; k++)
			layout_draw_line(f, &r->lines[c][k], x + t->padding,
			                 f->y + t->padding + (double)(k - from) * lh, t->size, fg);
		if (cells[c].link != NULL)
			layout_link(f, x, f->y, cw[c], h, cells[c].link);
		x += cw[c];
	}
	f->fresh = false;
	f->y += h;
	layout_line(f, f->g.margin_left, f->y, td->width, 0, t->rule, 0.4);
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
	layout_new_page(td->f);
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
		double room = layout_bottom(f) - f->y - pad;
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

void layout_table(struct flow *f, const struct ltable *t)
{
	struct arena *a = f->doc->arena;
	double width = layout_content_width(f);
	double *cw = arena_array(a, t->ncols ? t->ncols : 1, sizeof *cw);
	layout_columns(f->m, t, width, cw);
	struct tdraw td = { .f = f, .t = t, .cw = cw, .width = width };
	S_row_lines(f, t, t->header, t->ncols, cw, &td.hr);
	td.repeat = td.hr.h <= layout_page_room(f) / 3;
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
	layout_start(f, (double)ncap * cap_lh + (ncap ? 3 : 0) +
	                (td.repeat ? td.hr.h : first_lines) + lead);
	for (size_t i = 0; i < ncap; i++) {
		layout_need(f, cap_lh);
		layout_draw_line(f, &cap[i], f->g.margin_left, f->y, cap_size, t->caption_fg);
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
			if (rest <= layout_page_room(f) - td.hr.h)
				need = need > rest ? need : rest;
		}
		if (need > layout_bottom(f) - f->y && td.rows_on_page > 0)
			S_table_break(&td);
		if (row->outline != NULL)
			layout_outline(f, row->outline, t->outline_level);
		S_row(&td, row->cells, group ? 1 : t->ncols, group ? &width : cw, &rows[r],
		      layout_black, group && !row->cells[0].has_bg ? &t->group_bg : NULL);
	}
#undef START
	f->y += t->size * 0.6;
}
