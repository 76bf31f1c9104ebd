/* layout_int.h - what the files of the layout module share; private to them.
 *
 *   grow.c          the growable arrays the others keep their lines,
 *                   boxes and pages in; calls nothing of the stage
 *   wrap.c          rich text into lines, and its extent
 *   layout.c        the display list and the flow: pages, the cursor,
 *                   headings, paragraphs, boxes, header and footer
 *   table.c         column widths, column groups, tables across pages
 *   chart.c         bar charts, the diverging chart, images
 *   dump.c          a laid-out document as text, for golden files
 *
 * Each file builds on those above it and calls none below: tables and
 * charts place their boxes through the flow helpers below, which
 * layout.c defines. */
#ifndef VERDICT_LAYOUT_INT_H
#define VERDICT_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

#define LINE_GAP 1.3        /* default leading */

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

/* ---- grow.c ------------------------------------------------------------- */

/* p (a malloc'd array of *cap elements) with room for need; aborts when
 * memory runs out. */
void *layout_grow(void *p, size_t *cap, size_t need, size_t size);

/* ---- layout.c: the display list ----------------------------------------- */

extern const struct lcolor layout_black;

void layout_add(struct ldoc *d, size_t page, struct lbox b);

/* ---- layout.c: pages ---------------------------------------------------- */

void layout_new_page(struct flow *f);
double layout_bottom(const struct flow *f);       /* where content ends */
double layout_page_room(const struct flow *f);    /* content height of a page */
void layout_need(struct flow *f, double h);
void layout_start(struct flow *f, double first_h);
void layout_outline(struct flow *f, const char *title, int level);

/* ---- layout.c: boxes on the current page -------------------------------- */

void layout_text(struct flow *f, double x, double baseline, enum lfont font,
                 double size, struct lcolor c, const char *s, size_t len);
void layout_rect(struct flow *f, double x, double y, double w, double h,
                 struct lcolor c, bool fill, double line_width);
void layout_line(struct flow *f, double x, double y, double w, double h,
                 struct lcolor c, double line_width);
void layout_link(struct flow *f, double x, double y, double w, double h, const char *uri);
/* A wrapped line with its top at top. */
void layout_draw_line(struct flow *f, const struct lline *l, double x,
                      double top, double size, struct lcolor c);

/* ---- layout.c: text ----------------------------------------------------- */

double layout_measure(const struct flow *f, enum lfont font, double size, const char *s);
/* The baseline of text of size whose line starts at top: the measurer
 * says where, from the fonts. */
double layout_baseline(const struct flow *f, double top, double size);
size_t layout_wrap_max(struct flow *f, const struct lrun *runs, size_t nruns,
                       double size, double width, size_t max, struct lline **lines);

#endif
