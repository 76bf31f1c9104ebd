/* Unit tests of the layout module with fake metrics (fake_metrics.h):
 * every character (UTF-8 sequence) is 0.5 * size wide, bold 0.6 * size. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fake_metrics.h"
#include "layout.h"
#include "testutil.h"

static const struct measurer M = { fake_width, NULL, FAKE_ASCENT };

/* Line i of a wrap as one string (fragments joined with the blanks the
 * positions imply). */
static char *line_text(const struct lline *l)
{
	static char buf[4096];
	buf[0] = '\0';
	double end = 0;
	for (size_t i = 0; i < l->nfrags; i++) {
		if (i > 0 && l->frags[i].x > end + 1e-9)
			strcat(buf, " ");
		strncat(buf, l->frags[i].text, l->frags[i].len);
		end = l->frags[i].x + l->frags[i].w;
	}
	return buf;
}

static void wraps_at_blanks(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r = { "aaa bbb ccc", LFONT_REGULAR };
	struct lline *lines;
	/* size 10: a character is 5 pt; 35 pt holds "aaa bbb" (7 chars). */
	size_t n = layout_wrap(&M, &r, 1, 10, 35, a, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(line_text(&lines[0]), "aaa bbb");
	assert_string_equal(line_text(&lines[1]), "ccc");
	assert_true(lines[0].width <= 35 + 1e-9);
	/* 34.9 pt holds 6 characters: each word on its own line. */
	n = layout_wrap(&M, &r, 1, 10, 34.9, a, &lines);
	assert_int_equal(n, 3);
	arena_free(a);
}

static void folds_blanks_and_honours_newlines(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r = { "  one \t two\nthree  ", LFONT_REGULAR };
	struct lline *lines;
	size_t n = layout_wrap(&M, &r, 1, 10, 1000, a, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(line_text(&lines[0]), "one two");
	assert_string_equal(line_text(&lines[1]), "three");
	assert_true(lines[0].frags[0].x == 0);   /* no leading blank */
	arena_free(a);
}

static void breaks_long_words_at_character_boundaries(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r = { "abcdefghij", LFONT_REGULAR };
	struct lline *lines;
	size_t n = layout_wrap(&M, &r, 1, 10, 20, a, &lines);   /* 4 chars a line */
	assert_int_equal(n, 3);
	assert_string_equal(line_text(&lines[0]), "abcd");
	assert_string_equal(line_text(&lines[1]), "efgh");
	assert_string_equal(line_text(&lines[2]), "ij");
	/* Greek: two bytes a character, never split inside one. */
	struct lrun g = { "αβγδε", LFONT_REGULAR };
	n = layout_wrap(&M, &g, 1, 10, 10, a, &lines);        /* 2 chars a line */
	assert_int_equal(n, 3);
	assert_string_equal(line_text(&lines[0]), "αβ");
	assert_string_equal(line_text(&lines[2]), "ε");
	/* A line narrower than one character still makes progress. */
	n = layout_wrap(&M, &r, 1, 10, 1, a, &lines);
	assert_int_equal(n, 10);
	arena_free(a);
}

static void long_word_after_short_one_starts_a_new_line(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r = { "ab cdefghijkl", LFONT_REGULAR };
	struct lline *lines;
	size_t n = layout_wrap(&M, &r, 1, 10, 25, a, &lines);   /* 5 chars a line */
	assert_int_equal(n, 3);
	assert_string_equal(line_text(&lines[0]), "ab");
	assert_string_equal(line_text(&lines[1]), "cdefg");
	assert_string_equal(line_text(&lines[2]), "hijkl");
	arena_free(a);
}

static void words_span_runs_of_different_fonts(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r[3] = { { "see ", LFONT_REGULAR }, { "bold", LFONT_BOLD },
	                     { "ly here", LFONT_REGULAR } };
	struct lline *lines;
	size_t n = layout_wrap(&M, r, 3, 10, 1000, a, &lines);
	assert_int_equal(n, 1);
	assert_int_equal(lines[0].nfrags, 3);
	assert_int_equal(lines[0].frags[1].font, LFONT_BOLD);
	/* "see " = 4 chars * 5; "bold" = 4 * 6; then "ly" joined, no blank. */
	assert_true(lines[0].frags[1].x == 20);
	assert_true(lines[0].frags[2].x == 44);
	assert_string_equal(line_text(&lines[0]), "see boldly here");
	/* "boldly" (34 pt) is one word: after "see" (15 + 5) it moves whole. */
	n = layout_wrap(&M, r, 3, 10, 45, a, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(line_text(&lines[0]), "see");
	assert_string_equal(line_text(&lines[1]), "boldly");
	arena_free(a);
}

static void empty_text_gives_one_empty_line(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct lrun r = { "", LFONT_REGULAR };
	struct lline *lines;
	assert_int_equal(layout_wrap(&M, &r, 1, 10, 100, a, &lines), 1);
	assert_int_equal(lines[0].nfrags, 0);
	arena_free(a);
}

static void text_extent_gives_widest_word_and_line(void **state)
{
	(void)state;
	struct lrun r = { "ab abcd\nabcdefg hi", LFONT_REGULAR };
	double mn, mx;
	layout_text_extent(&M, &r, 1, 10, &mn, &mx);
	assert_true(mn == 35);          /* "abcdefg" */
	assert_true(mx == 50);          /* "abcdefg hi" = 10 characters */
}

/* ---- tables ---------------------------------------------------------- */

static struct lcell cell(const char *text)
{
	struct lrun *r = malloc(sizeof *r);
	*r = (struct lrun){ text, LFONT_REGULAR };
	return (struct lcell){ .runs = r, .nruns = 1 };
}

static void free_cells(struct lcell *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((void *)c[i].runs);
}

static const struct page_geom G = { 300, 400, 50, 50, 40, 40 };   /* 220 x 300 content */

/* Counts text boxes on page p whose text equals s. */
static size_t count_text(const struct ldoc *d, size_t p, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; i < d->pages[p].n; i++) {
		const struct lbox *b = &d->pages[p].boxes[i];
		n += b->kind == LBOX_TEXT && strcmp(b->text, s) == 0;
	}
	return n;
}

/* Every box lies between the left and right margins; text and shapes
 * between the top and bottom margins too, except the running header and
 * footer, which sit in the margins but on the page. */
static void assert_inside_margins(const struct ldoc *d, const struct page_geom *g)
{
	double left = g->margin_left - 1e-6, right = g->width - g->margin_right + 1e-6;
	for (size_t p = 0; p < d->npages; p++)
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const struct lbox *b = &d->pages[p].boxes[i];
			double w = b->kind == LBOX_TEXT
			         ? fake_width(NULL, b->font, b->size, b->text, b->len) : b->w;
			assert_true(b->x >= left);
			assert_true(b->x + w <= right);
			if (b->kind == LBOX_TEXT) {
				bool running = b->size == 7.5;   /* header and footer */
				assert_true(b->y >= (running ? 0 : g->margin_top));
				assert_true(b->y <= (running ? g->height : g->height - g->margin_bottom));
			} else if (b->kind != LBOX_LINE) {
				assert_true(b->y >= g->margin_top - 1e-6);
				assert_true(b->y + b->h <= g->height - g->margin_bottom + 1e-6);
			}
		}
}

static struct ltable table(struct lcell *head, struct lrow *rows, size_t nrows, size_t ncols)
{
	return (struct ltable){ .ncols = ncols, .header = head, .rows = rows, .nrows = nrows,
	                        .size = 10, .padding = 2 };
}

static void table_header_repeats_on_every_page(void **state)
{
	(void)state;
	enum { N = 60 };
	struct lcell head[2] = { cell("Name"), cell("Value") };
	struct lcell cells[N][2];
	struct lrow rows[N];
	char label[N][16];
	for (size_t i = 0; i < N; i++) {
		snprintf(label[i], sizeof label[i], "row%zu", i);
		cells[i][0] = cell(label[i]);
		cells[i][1] = cell("x");
		rows[i] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells[i] };
	}
	struct ltable t = table(head, rows, N, 2);
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	/* A row is 10 * 1.3 + 4 = 17 pt; 300 pt hold 17 rows with the header. */
	assert_true(d->npages >= 4);
	size_t seen = 0;
	for (size_t p = 0; p < d->npages; p++) {
		assert_int_equal(count_text(d, p, "Name"), 1);
		char num[32];
		snprintf(num, sizeof num, "Page %zu of %zu", p + 1, d->npages);
		assert_int_equal(count_text(d, p, num), 1);
		for (size_t i = 0; i < N; i++)
			seen += count_text(d, p, label[i]);
	}
	assert_int_equal(seen, N);   /* every row once */
	assert_inside_margins(d, &G);
	layout_doc_free(d);
	for (size_t i = 0; i < N; i++)
		free_cells(cells[i], 2);
	free_cells(head, 2);
}

static void rows_taller_than_a_page_split(void **state)
{
	(void)state;
	/* 200 words of 4 characters in a 100 pt column: 5 words a line. */
	size_t len = 200 * 5;
	char *text = malloc(len + 1);
	for (size_t i = 0; i < 200; i++)
		memcpy(text + 5 * i, i % 2 ? "wxyz " : "abcd ", 5);
	text[len - 1] = '\0';
	struct lcell head[2] = { cell("H1"), cell("H2") };
	struct lcell cells[2] = { cell("short"), cell(text) };
	struct lrow row = { .kind = LROW_NORMAL, .cells = cells };
	struct ltable t = table(head, &row, 1, 2);
	double min_w[2] = { 110, 110 };
	t.min_widths = min_w;
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_true(d->npages >= 2);
	size_t words = 0;
	for (size_t p = 0; p < d->npages; p++) {
		assert_int_equal(count_text(d, p, "H2"), 1);
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const struct lbox *b = &d->pages[p].boxes[i];
			if (b->kind == LBOX_TEXT && (strstr(b->text, "abcd") || strstr(b->text, "wxyz")))
				for (const char *s = b->text; (s = strpbrk(s, "aw")) != NULL; s++)
					words++;
		}
	}
	assert_int_equal(words, 200);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
	free_cells(cells, 2);
	free_cells(head, 2);
	free(text);
}

static void group_rows_stay_with_the_next_row(void **state)
{
	(void)state;
	enum { N = 40 };
	struct lcell head[1] = { cell("H") };
	struct lcell cells[N];
	struct lrow rows[N];
	for (size_t i = 0; i < N; i++) {
		bool group = i % 4 == 0;
		cells[i] = cell(group ? "GROUP" : "item");
		rows[i] = (struct lrow){ .kind = group ? LROW_GROUP : LROW_NORMAL, .cells = &cells[i] };
	}
	struct ltable t = table(head, rows, N, 1);
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_true(d->npages >= 2);
	for (size_t p = 0; p < d->npages; p++) {
		/* The last table text on a page is never a group heading. */
		const char *last = NULL;
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const struct lbox *b = &d->pages[p].boxes[i];
			if (b->kind == LBOX_TEXT && (!strcmp(b->text, "GROUP") || !strcmp(b->text, "item")))
				last = b->text;
		}
		assert_non_null(last);
		assert_string_equal(last, "item");
	}
	layout_doc_free(d);
	free_cells(cells, N);
	free_cells(head, 1);
}

static void columns_fill_the_width(void **state)
{
	(void)state;
	struct lcell head[3] = { cell("A"), cell("B"), cell("C") };
	struct lcell c[3] = { cell("short"), cell("a much longer cell text here"), cell("x") };
	struct lrow row = { .kind = LROW_NORMAL, .cells = c };
	struct ltable t = table(head, &row, 1, 3);
	double w[3];
	assert_true(layout_columns(&M, &t, 400, w));
	assert_true(w[0] + w[1] + w[2] > 400 - 1e-6 && w[0] + w[1] + w[2] < 400 + 1e-6);
	assert_true(w[1] > w[0] && w[0] > w[2]);
	/* Narrow: every column still gets its widest word. */
	assert_true(layout_columns(&M, &t, 80, w));
	assert_true(w[1] >= 6 * 5 + 4 - 1e-9);   /* "longer" + padding */
	/* Too narrow for the widest words: reported, widths still sum. */
	assert_false(layout_columns(&M, &t, 30, w));
	assert_true(w[0] + w[1] + w[2] < 30 + 1e-6);
	free_cells(c, 3);
	free_cells(head, 3);
}

static void paragraphs_flow_onto_new_pages_with_outline(void **state)
{
	(void)state;
	struct flow *f = layout_new(&G, &M);
	layout_heading(f, "First", 0, 12, (struct lcolor){ 0, 0, 0 }, 20);
	struct lrun r = { "word word word word word word word word word word", LFONT_REGULAR };
	struct para_style st = { .size = 10 };
	for (int i = 0; i < 40; i++)
		layout_paragraph(f, &r, 1, &st);
	layout_heading(f, "Second", 0, 12, (struct lcolor){ 0, 0, 0 }, 20);
	struct ldoc *d = layout_finish(f, "A title", "footer");
	assert_true(d->npages >= 3);
	assert_int_equal(d->noutline, 2);
	assert_string_equal(d->outline[0].title, "First");
	assert_int_equal(d->outline[0].page, 0);
	assert_true(d->outline[1].page >= 2);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
}

/* A table of a key column and n framework columns, every cell "word". */
struct wide {
	struct lcell head[13];
	struct lcell cells[4][13];
	struct lrow rows[4];
	char names[13][16];
};

static struct ltable wide_table(struct wide *w, size_t n)
{
	for (size_t c = 0; c <= n; c++) {
		snprintf(w->names[c], sizeof w->names[c], c ? "fw%zu" : "Criterion", c);
		w->head[c] = cell(w->names[c]);
		for (size_t r = 0; r < 4; r++)
			w->cells[r][c] = cell("word");
	}
	for (size_t r = 0; r < 4; r++)
		w->rows[r] = (struct lrow){ .kind = LROW_NORMAL, .cells = w->cells[r] };
	return table(w->head, w->rows, 4, n + 1);
}

static void free_wide(struct wide *w, size_t n)
{
	free_cells(w->head, n + 1);
	for (size_t r = 0; r < 4; r++)
		free_cells(w->cells[r], n + 1);
}

static void column_groups_split_wide_tables_evenly(void **state)
{
	(void)state;
	struct wide w;
	struct ltable t = wide_table(&w, 12);
	size_t starts[14];
	/* Each column needs 70 pt (the minimum; its widest word is narrower):
	 * the key leaves 330 pt, room for 4, so 12 make 3 groups of 4. */
	size_t n = layout_column_groups(&M, &t, 1, 400, 70, 120, starts);
	assert_int_equal(n, 3);
	assert_int_equal(starts[0], 1);
	assert_int_equal(starts[1], 5);
	assert_int_equal(starts[2], 9);
	assert_int_equal(starts[3], 13);
	/* 490 pt hold 7 columns, so 2 groups: balanced as 6 + 6, not 7 + 5. */
	n = layout_column_groups(&M, &t, 1, 560, 70, 120, starts);
	assert_int_equal(n, 2);
	assert_int_equal(starts[1], 7);
	/* Wide enough: one group, everything in it. */
	n = layout_column_groups(&M, &t, 1, 13 * 70, 70, 120, starts);
	assert_int_equal(n, 1);
	assert_int_equal(starts[0], 1);
	assert_int_equal(starts[1], 13);
	/* A key wider than the page still makes progress: one column a group. */
	n = layout_column_groups(&M, &t, 1, 50, 70, 120, starts);
	assert_int_equal(n, 12);
	free_wide(&w, 12);
}

static void column_groups_clamp_needs_to_the_maximum(void **state)
{
	(void)state;
	struct wide w;
	struct ltable t = wide_table(&w, 3);
	/* An 80-character token in one cell needs 400 pt + padding, but counts
	 * as the maximum, 100: 4 columns of at most 100 fit 400. */
	static const char token[] =
		"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij";
	free((void *)w.cells[1][2].runs);
	w.cells[1][2] = cell(token);
	size_t starts[5];
	assert_int_equal(layout_column_groups(&M, &t, 1, 400, 60, 100, starts), 1);
	/* Its column gets what the others leave: they keep their widest word. */
	double cw[4];
	assert_false(layout_columns(&M, &t, 400, cw));
	assert_true(cw[0] >= 9 * 5 + 4 - 1e-9);      /* "Criterion" */
	assert_true(cw[1] >= 4 * 5 + 4 - 1e-9);
	assert_true(fabs(cw[0] + cw[1] + cw[2] + cw[3] - 400) < 1e-6);
	assert_true(cw[2] > cw[1] && cw[2] > cw[3]);
	free_wide(&w, 3);
}

static void subtable_repeats_key_columns(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct wide w;
	struct ltable t = wide_table(&w, 6);
	struct lcell group = cell("Group");
	struct lrow rows[5] = { { .kind = LROW_GROUP, .cells = &group, .outline = "g" },
	                        w.rows[0], w.rows[1], w.rows[2], w.rows[3] };
	t.rows = rows;
	t.nrows = 5;
	struct ltable s = layout_subtable(&t, 1, 4, 7, a);
	assert_int_equal(s.ncols, 4);
	assert_ptr_equal(s.header[0].runs, t.header[0].runs);
	assert_ptr_equal(s.header[1].runs, t.header[4].runs);
	assert_ptr_equal(s.header[3].runs, t.header[6].runs);
	assert_int_equal(s.nrows, 5);
	assert_ptr_equal(s.rows[0].cells, &group);      /* group rows stay whole */
	assert_null(s.rows[0].outline);                  /* outlines: first group only */
	assert_ptr_equal(s.rows[2].cells[2].runs, w.cells[1][5].runs);
	struct ltable first = layout_subtable(&t, 1, 1, 4, a);
	assert_string_equal(first.rows[0].outline, "g");
	free_cells(&group, 1);
	free_wide(&w, 6);
	arena_free(a);
}

/* Counts boxes of kind on page p. */
static size_t count_kind(const struct ldoc *d, size_t p, enum lbox_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < d->pages[p].n; i++)
		n += d->pages[p].boxes[i].kind == kind;
	return n;
}

static void header_links_repeat_and_rows_get_outline_entries(void **state)
{
	(void)state;
	enum { N = 50 };
	struct lcell head[2] = { cell("Name"), cell("Site") };
	head[1].link = "https://example.org";
	struct lcell cells[N][2];
	struct lrow rows[N];
	char label[N][16];
	for (size_t i = 0; i < N; i++) {
		snprintf(label[i], sizeof label[i], "row%zu", i);
		cells[i][0] = cell(label[i]);
		cells[i][1] = cell("x");
		rows[i] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells[i],
		                         .outline = i % 10 == 0 ? label[i] : NULL };
	}
	struct ltable t = table(head, rows, N, 2);
	t.outline_level = 1;
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_true(d->npages >= 3);
	for (size_t p = 0; p < d->npages; p++) {
		assert_int_equal(count_kind(d, p, LBOX_LINK), 1);
		for (size_t i = 0; i < d->pages[p].n; i++)
			if (d->pages[p].boxes[i].kind == LBOX_LINK)
				assert_string_equal(d->pages[p].boxes[i].text, "https://example.org");
	}
	assert_int_equal(d->noutline, 5);
	for (size_t k = 0; k < d->noutline; k++) {
		assert_string_equal(d->outline[k].title, label[10 * k]);
		assert_int_equal(d->outline[k].level, 1);
		assert_int_equal(count_text(d, d->outline[k].page, label[10 * k]), 1);
	}
	assert_inside_margins(d, &G);
	layout_doc_free(d);
	for (size_t i = 0; i < N; i++)
		free_cells(cells[i], 2);
	free_cells(head, 2);
}

static void a_header_taller_than_a_third_of_a_page_is_not_repeated(void **state)
{
	(void)state;
	enum { N = 40 };
	/* 60 words of 4 characters in a 110 pt column: 20 lines, 264 pt. */
	char *text = malloc(60 * 5 + 1);
	for (size_t i = 0; i < 60; i++)
		memcpy(text + 5 * i, "head ", 5);
	text[60 * 5 - 1] = '\0';
	struct lcell head[2] = { cell("H"), cell(text) };
	struct lcell cells[N][2];
	struct lrow rows[N];
	for (size_t i = 0; i < N; i++) {
		cells[i][0] = cell("row");
		cells[i][1] = cell("x");
		rows[i] = (struct lrow){ .kind = LROW_NORMAL, .cells = cells[i] };
	}
	struct ltable t = table(head, rows, N, 2);
	double min_w[2] = { 110, 110 };
	t.min_widths = min_w;
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_true(d->npages >= 3);
	assert_int_equal(count_text(d, 0, "H"), 1);
	size_t rows_seen = 0;
	for (size_t p = 1; p < d->npages; p++)
		assert_int_equal(count_text(d, p, "H"), 0);
	for (size_t p = 0; p < d->npages; p++)
		rows_seen += count_text(d, p, "row");
	assert_int_equal(rows_seen, N);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
	for (size_t i = 0; i < N; i++)
		free_cells(cells[i], 2);
	free_cells(head, 2);
	free(text);
}

static void diverging_bars_grow_from_the_centre(void **state)
{
	(void)state;
	struct dbar bars[3] = { { "up", 6, "+6.0" }, { "down", -3, "-3.0" }, { "zero", 0, "0.0" } };
	struct diverging_style st = { .size = 10, .pos = { 0, 0, 1 }, .neg = { 1, 0, 0 },
	                              .neg_caption = "left side", .pos_caption = "right side" };
	struct flow *f = layout_new(&G, &M);
	layout_diverging(f, bars, 3, 6, &st);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_int_equal(d->npages, 1);
	double centre = -1;
	const struct lbox *pos = NULL, *neg = NULL;
	for (size_t i = 0; i < d->pages[0].n; i++) {
		const struct lbox *b = &d->pages[0].boxes[i];
		if (b->kind == LBOX_LINE && b->w == 0)
			centre = b->x;
		if (b->kind == LBOX_RECT && b->color.b == 1)
			pos = b;
		if (b->kind == LBOX_RECT && b->color.r == 1)
			neg = b;
	}
	assert_true(centre > G.margin_left);
	assert_non_null(pos);
	assert_non_null(neg);
	assert_true(fabs(pos->x - centre) < 1e-9);             /* starts at the centre */
	assert_true(fabs(neg->x + neg->w - centre) < 1e-9);    /* ends at the centre */
	assert_true(fabs(pos->w - 2 * neg->w) < 1e-9);         /* 6 against 3 */
	assert_int_equal(count_text(d, 0, "+6.0"), 1);
	assert_int_equal(count_text(d, 0, "left side"), 1);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
}

static void running_header_and_footer_stay_inside_the_width(void **state)
{
	(void)state;
	struct flow *f = layout_new(&G, &M);
	struct lrun r = { "text", LFONT_REGULAR };
	struct para_style st = { .size = 10 };
	layout_paragraph(f, &r, 1, &st);
	/* 7.5 pt: 3.75 pt a character, 58 characters a 220 pt line. */
	char title[301], foot[301];
	memset(title, 't', 300);
	title[300] = '\0';
	for (size_t i = 0; i < 300; i++)
		foot[i] = i % 6 == 5 ? ' ' : 'f';
	foot[300] = '\0';
	struct ldoc *d = layout_finish(f, title, foot);
	size_t head = 0, footer_lines = 0;
	for (size_t i = 0; i < d->pages[0].n; i++) {
		const struct lbox *b = &d->pages[0].boxes[i];
		if (b->kind != LBOX_TEXT || b->size != 7.5)
			continue;
		head += b->text[0] == 't';
		footer_lines += b->text[0] == 'f';
	}
	assert_int_equal(head, 1);
	assert_true(footer_lines >= 1 && footer_lines <= 2);
	assert_int_equal(count_text(d, 0, "\xE2\x80\xA6"), 2);   /* both abbreviated */
	assert_inside_margins(d, &G);
	layout_doc_free(d);
}

static void images_keep_their_box(void **state)
{
	(void)state;
	struct flow *f = layout_new(&G, &M);
	layout_image(f, "logo", 120, 100, 50);
	assert_true(layout_y(f) == G.margin_top);      /* the cursor stays */
	layout_skip_to(f, G.margin_top + 50);
	assert_true(layout_y(f) == G.margin_top + 50);
	layout_skip_to(f, G.margin_top);                /* never up */
	assert_true(layout_y(f) == G.margin_top + 50);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_int_equal(count_kind(d, 0, LBOX_IMAGE), 1);
	const struct lbox *b = &d->pages[0].boxes[0];
	assert_int_equal(b->kind, LBOX_IMAGE);
	assert_string_equal(b->text, "logo");
	assert_true(b->x == G.margin_left + 120 && b->w == 100 && b->h == 50);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
}

/* The page on which the first text box equal to s lies, or npages. */
static size_t page_of(const struct ldoc *d, const char *s)
{
	for (size_t p = 0; p < d->npages; p++)
		if (count_text(d, p, s) > 0)
			return p;
	return d->npages;
}

static void headings_go_with_what_follows_them(void **state)
{
	(void)state;
	struct flow *f = layout_new(&G, &M);
	struct lrun r = { "line", LFONT_REGULAR };
	struct para_style st = { .size = 10 };
	/* 13 pt lines: 21 fill 273 of the 300 pt; a heading (15 + 4.2 pt)
	 * and a chart of 3 bars (57 pt) do not fit below them. */
	for (int i = 0; i < 21; i++)
		layout_paragraph(f, &r, 1, &st);
	layout_heading(f, "Chart", 0, 12, (struct lcolor){ 0, 0, 0 }, 0);
	layout_gap(f, 5);
	struct bar bars[3] = { { "a", 1, "1", { 0, 0, 0 } }, { "b", 2, "2", { 0, 0, 0 } },
	                       { "c", 3, "3", { 0, 0, 0 } } };
	layout_bars(f, bars, 3, 3, 10);
	/* A heading alone at the end of the flow is still drawn. */
	layout_heading(f, "Last", 0, 12, (struct lcolor){ 0, 0, 0 }, 0);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_int_equal(d->npages, 2);
	assert_int_equal(page_of(d, "Chart"), 1);
	assert_int_equal(page_of(d, "a"), 1);
	assert_int_equal(page_of(d, "c"), 1);
	assert_int_equal(page_of(d, "Last"), 1);
	assert_int_equal(d->noutline, 2);
	assert_int_equal(d->outline[0].page, 1);
	assert_true(d->outline[0].y == G.margin_top);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
}

/* layout_bars_height says what layout_bars takes: a row of 1.9 x size
 * per bar, or its label's lines at 1.2 x size when more.  Labels wrap in
 * a column of at most 35 % of 220 pt = 77 pt, 15 characters at 5 pt. */
static void bars_height_is_what_the_bars_take(void **state)
{
	(void)state;
	struct flow *f = layout_new(&G, &M);
	struct bar bars[2] = { { "a", 1, "1", { 0, 0, 0 } },
	                       { "a long label that wraps", 2, "2", { 0, 0, 0 } } };
	/* "a": 19 pt; the long label on two lines: 24 pt */
	double h = layout_bars_height(f, bars, 2, 10);
	assert_true(fabs(h - 43) < 1e-9);
	double y = layout_y(f);
	layout_bars(f, bars, 2, 2, 10);
	assert_true(fabs(layout_y(f) - y - h) < 1e-9);
	layout_doc_free(layout_finish(f, "Title", "footer"));
}

static void a_box_too_long_for_the_page_splits_with_a_frame_on_each(void **state)
{
	(void)state;
	enum { N = 30 };
	struct flow *f = layout_new(&G, &M);
	struct box_para paras[N];
	struct lrun runs[N];
	char text[N][16];
	for (size_t i = 0; i < N; i++) {
		snprintf(text[i], sizeof text[i], "para%zu", i);
		runs[i] = (struct lrun){ text[i], LFONT_REGULAR };
		paras[i] = (struct box_para){ &runs[i], 1, { .size = 10 }, 2 };
	}
	struct box_style st = { .padding = 5 };
	layout_box(f, paras, N, &st);    /* 30 x 15 pt: more than a 300 pt page */
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_int_equal(d->npages, 2);
	size_t seen = 0;
	for (size_t p = 0; p < d->npages; p++) {
		assert_int_equal(count_kind(d, p, LBOX_RECT), 2);   /* fill and border */
		for (size_t i = 0; i < N; i++)
			seen += count_text(d, p, text[i]);
	}
	assert_int_equal(seen, N);
	assert_inside_margins(d, &G);
	layout_doc_free(d);
	/* A short box that does not fit the rest of a page moves whole. */
	f = layout_new(&G, &M);
	struct lrun r = { "line", LFONT_REGULAR };
	struct para_style ps = { .size = 10 };
	for (int i = 0; i < 20; i++)
		layout_paragraph(f, &r, 1, &ps);
	layout_box(f, paras, 5, &st);
	d = layout_finish(f, "Title", "footer");
	assert_int_equal(d->npages, 2);
	assert_int_equal(count_kind(d, 0, LBOX_RECT), 0);
	assert_int_equal(page_of(d, "para0"), 1);
	assert_int_equal(page_of(d, "para4"), 1);
	layout_doc_free(d);
}

static void the_last_rows_of_a_table_are_not_left_alone(void **state)
{
	(void)state;
	enum { N = 17 };   /* header + 17 rows of 17 pt: 306 pt, a page holds 300 */
	struct lcell head[1] = { cell("H") };
	struct lcell cells[N];
	struct lrow rows[N];
	char label[N][16];
	for (size_t i = 0; i < N; i++) {
		snprintf(label[i], sizeof label[i], "row%zu", i);
		cells[i] = cell(label[i]);
		rows[i] = (struct lrow){ .kind = LROW_NORMAL, .cells = &cells[i] };
	}
	struct ltable t = table(head, rows, N, 1);
	struct flow *f = layout_new(&G, &M);
	layout_table(f, &t);
	struct ldoc *d = layout_finish(f, "Title", "footer");
	assert_int_equal(d->npages, 2);
	assert_int_equal(page_of(d, "row13"), 0);
	assert_int_equal(page_of(d, "row14"), 1);   /* the last three together */
	assert_int_equal(page_of(d, "row16"), 1);
	assert_int_equal(count_text(d, 1, "H"), 1);
	layout_doc_free(d);
	free_cells(cells, N);
	free_cells(head, 1);
}

/* The golden files' text: every kind of box, numbers to 0.01 pt, the
 * same under a decimal-comma locale. */
static const char S_DUMP[] =
	"document 595.28 841.89 pages 2\n"
	"outline 0 page 2 y 72.00 \"Why \\\"this\\\"\"\n"
	"page 1 boxes 4\n"
	"  text 72.00 90.50 bold 10.00 #ff8000 \"\\x09αβ\"\n"
	"  rect 72.00 100.00 451.28 0.01 fill #000000\n"
	"  rect 0.00 -0.50 1.00 2.00 stroke 0.50 #ffffff\n"
	"  line 72.00 100.00 -10.00 0.00 0.25 #000000\n"
	"page 2 boxes 2\n"
	"  link 1.00 2.00 3.00 4.00 \"https://example.org\"\n"
	"  image 1.00 2.00 3.00 4.00 \"logo\"\n";

static char *S_dump_sample(void)
{
	struct lbox p1[] = {
		{ .kind = LBOX_TEXT, .x = 72, .y = 90.499, .font = LFONT_BOLD, .size = 10,
		  .color = { 1, 0.5, 0 }, .text = "\tαβ!", .len = 5 },
		{ .kind = LBOX_RECT, .x = 72, .y = 100, .w = 451.275, .h = 0.005, .fill = true },
		{ .kind = LBOX_RECT, .y = -0.5, .w = 1, .h = 2, .size = 0.5, .color = { 1, 1, 1 } },
		{ .kind = LBOX_LINE, .x = 72, .y = 100, .w = -10, .h = -0.001, .size = 0.25 },
	};
	struct lbox p2[] = {
		{ .kind = LBOX_LINK, .x = 1, .y = 2, .w = 3, .h = 4, .text = "https://example.org",
		  .len = 19 },
		{ .kind = LBOX_IMAGE, .x = 1, .y = 2, .w = 3, .h = 4, .text = "logo", .len = 4 },
	};
	struct lpage pages[] = { { p1, 4, 4 }, { p2, 2, 2 } };
	struct loutline outline = { "Why \"this\"", 0, 1, 72 };
	struct ldoc d = { .width = 595.2756, .height = 841.8898, .pages = pages, .npages = 2,
	                  .outline = &outline, .noutline = 1 };
	return layout_dump(&d);
}

static void dump_prints_every_box(void **state)
{
	(void)state;
	char *s = S_dump_sample();
	assert_string_equal(s, S_DUMP);
	free(s);
}

static void dump_ignores_the_locale(void **state)
{
	(void)state;
	TU_COMMA_LOCALE_OR_SKIP();
	char *s = S_dump_sample();
	setlocale(LC_ALL, "C");
	assert_string_equal(s, S_DUMP);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wraps_at_blanks),
		cmocka_unit_test(folds_blanks_and_honours_newlines),
		cmocka_unit_test(breaks_long_words_at_character_boundaries),
		cmocka_unit_test(long_word_after_short_one_starts_a_new_line),
		cmocka_unit_test(words_span_runs_of_different_fonts),
		cmocka_unit_test(empty_text_gives_one_empty_line),
		cmocka_unit_test(text_extent_gives_widest_word_and_line),
		cmocka_unit_test(table_header_repeats_on_every_page),
		cmocka_unit_test(rows_taller_than_a_page_split),
		cmocka_unit_test(group_rows_stay_with_the_next_row),
		cmocka_unit_test(columns_fill_the_width),
		cmocka_unit_test(paragraphs_flow_onto_new_pages_with_outline),
		cmocka_unit_test(column_groups_split_wide_tables_evenly),
		cmocka_unit_test(column_groups_clamp_needs_to_the_maximum),
		cmocka_unit_test(subtable_repeats_key_columns),
		cmocka_unit_test(header_links_repeat_and_rows_get_outline_entries),
		cmocka_unit_test(a_header_taller_than_a_third_of_a_page_is_not_repeated),
		cmocka_unit_test(diverging_bars_grow_from_the_centre),
		cmocka_unit_test(running_header_and_footer_stay_inside_the_width),
		cmocka_unit_test(images_keep_their_box),
		cmocka_unit_test(headings_go_with_what_follows_them),
		cmocka_unit_test(bars_height_is_what_the_bars_take),
		cmocka_unit_test(a_box_too_long_for_the_page_splits_with_a_frame_on_each),
		cmocka_unit_test(the_last_rows_of_a_table_are_not_left_alone),
		cmocka_unit_test(dump_prints_every_box),
		cmocka_unit_test(dump_ignores_the_locale),
	};
	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
