/* Unit tests of the layout module with fake metrics: every character
 * (UTF-8 sequence) is 0.5 * size wide, bold 0.6 * size. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "layout.h"

static size_t chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static double fake_width(void *ctx, enum lfont font, double size, const char *s, size_t len)
{
	(void)ctx;
	return (double)chars(s, len) * size * (font == LFONT_BOLD ? 0.6 : 0.5);
}

static const struct measurer M = { fake_width, NULL };

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
	return (struct lcell){ r, 1, false, { 0, 0, 0 } };
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

static void assert_inside_margins(const struct ldoc *d, const struct page_geom *g)
{
	for (size_t p = 0; p < d->npages; p++)
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const struct lbox *b = &d->pages[p].boxes[i];
			if (b->kind != LBOX_TEXT)
				continue;
			double w = fake_width(NULL, b->font, b->size, b->text, b->len);
			assert_true(b->x >= g->margin_left - 1e-6);
			assert_true(b->x + w <= g->width - g->margin_right + 1e-6);
			assert_true(b->y >= 0 && b->y <= g->height);
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
		rows[i] = (struct lrow){ LROW_NORMAL, cells[i] };
	}
	struct ltable t = table(head, rows, N, 2);
	struct flow *f = flow_new(&G, &M);
	flow_table(f, &t);
	struct ldoc *d = flow_finish(f, "Title", "footer");
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
	ldoc_free(d);
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
	struct lrow row = { LROW_NORMAL, cells };
	struct ltable t = table(head, &row, 1, 2);
	double min_w[2] = { 110, 110 };
	t.min_widths = min_w;
	struct flow *f = flow_new(&G, &M);
	flow_table(f, &t);
	struct ldoc *d = flow_finish(f, "Title", "footer");
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
	ldoc_free(d);
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
		rows[i] = (struct lrow){ group ? LROW_GROUP : LROW_NORMAL, &cells[i] };
	}
	struct ltable t = table(head, rows, N, 1);
	struct flow *f = flow_new(&G, &M);
	flow_table(f, &t);
	struct ldoc *d = flow_finish(f, "Title", "footer");
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
	ldoc_free(d);
	free_cells(cells, N);
	free_cells(head, 1);
}

static void columns_fill_the_width(void **state)
{
	(void)state;
	struct lcell head[3] = { cell("A"), cell("B"), cell("C") };
	struct lcell c[3] = { cell("short"), cell("a much longer cell text here"), cell("x") };
	struct lrow row = { LROW_NORMAL, c };
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
	struct flow *f = flow_new(&G, &M);
	flow_heading(f, "First", 0, 12, (struct lcolor){ 0, 0, 0 }, 20);
	struct lrun r = { "word word word word word word word word word word", LFONT_REGULAR };
	struct para_style st = { .size = 10 };
	for (int i = 0; i < 40; i++)
		flow_paragraph(f, &r, 1, &st);
	flow_heading(f, "Second", 0, 12, (struct lcolor){ 0, 0, 0 }, 20);
	struct ldoc *d = flow_finish(f, "A title", "footer");
	assert_true(d->npages >= 3);
	assert_int_equal(d->noutline, 2);
	assert_string_equal(d->outline[0].title, "First");
	assert_int_equal(d->outline[0].page, 0);
	assert_true(d->outline[1].page >= 2);
	assert_inside_margins(d, &G);
	ldoc_free(d);
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
	};
	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
