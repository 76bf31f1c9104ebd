/* dump.c - a laid-out document as text, one box a line, for golden files. */
#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_font[LFONT_COUNT] = { "regular", "bold", "italic" };

/* x to 0.01 pt with a point whatever LC_NUMERIC says: printf's %f would
 * take the locale's decimal comma, and a golden must not depend on it.
 * -0.00 prints as 0.00. */
static void S_num(FILE *out, double x)
{
	long long v = llround(x * 100);
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	fprintf(out, " %s%llu.%02llu", v < 0 ? "-" : "", a / 100, a % 100);
}

/* A colour as #rrggbb, each of r, g, b in 0..1 rounded to 1/255. */
static void S_color(FILE *out, struct lcolor c)
{
	const double v[3] = { c.r, c.g, c.b };
	fputs(" #", out);
	for (int i = 0; i < 3; i++) {
		double x = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
		fprintf(out, "%02x", (unsigned)lround(x * 255));
	}
}

/* Bytes in double quotes: '"' and '\' escaped, control bytes as \xHH,
 * UTF-8 left as it is so that a diff shows the words. */
static void S_text(FILE *out, const char *s, size_t len)
{
	fputs(" \"", out);
	for (size_t i = 0; s != NULL && i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void S_rect(FILE *out, const struct lbox *b)
{
	S_num(out, b->x);
	S_num(out, b->y);
	S_num(out, b->w);
	S_num(out, b->h);
}

static void S_box(FILE *out, const struct lbox *b)
{
	switch (b->kind) {
	case LBOX_TEXT:
		fputs("  text", out);
		S_num(out, b->x);
		S_num(out, b->y);
		fprintf(out, " %s", (unsigned)b->font < LFONT_COUNT ? S_font[b->font] : "?");
		S_num(out, b->size);
		S_color(out, b->color);
		S_text(out, b->text, b->len);
		break;
	case LBOX_RECT:
		fputs("  rect", out);
		S_rect(out, b);
		fputs(b->fill ? " fill" : " stroke", out);
		if (!b->fill)
			S_num(out, b->size);
		S_color(out, b->color);
		break;
	case LBOX_LINE:
		fputs("  line", out);
		S_rect(out, b);
		S_num(out, b->size);
		S_color(out, b->color);
		break;
	case LBOX_LINK:
		fputs("  link", out);
		S_rect(out, b);
		S_text(out, b->text, b->len);
		break;
	case LBOX_IMAGE:
		fputs("  image", out);
		S_rect(out, b);
		S_text(out, b->text, b->len);
		break;
	default:
		fprintf(out, "  box of kind %d", (int)b->kind);
	}
	fputc('\n', out);
}

/* The document: its size, the outline, then each page and its boxes in
 * drawing order.  Pages and outline pages count from 1, as a reader does. */
char *layout_dump(const struct ldoc *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (out == NULL)
		return NULL;
	fputs("document", out);
	S_num(out, d->width);
	S_num(out, d->height);
	fprintf(out, " pages %zu\n", d->npages);
	for (size_t i = 0; i < d->noutline; i++) {
		const struct loutline *o = &d->outline[i];
		fprintf(out, "outline %d page %zu y", o->level, o->page + 1);
		S_num(out, o->y);
		S_text(out, o->title, o->title != NULL ? strlen(o->title) : 0);
		fputc('\n', out);
	}
	for (size_t p = 0; p < d->npages; p++) {
		fprintf(out, "page %zu boxes %zu\n", p + 1, d->pages[p].n);
		for (size_t i = 0; i < d->pages[p].n; i++)
			S_box(out, &d->pages[p].boxes[i]);
	}
	if (fclose(out) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
