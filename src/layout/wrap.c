/* wrap.c - wrapping rich text into lines, and measuring its extent. */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "utf8.h"

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
	w->lines = layout_grow(w->lines, &w->lines_cap, w->nlines + 1, sizeof *w->lines);
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
		w->frags = layout_grow(w->frags, &w->frags_cap, w->nfrags + 1, sizeof *w->frags);
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
				size_t cl = utf8_lead_len((unsigned char)*t);
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
			word = layout_grow(word, &word_cap, nword + 1, sizeof *word);
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
