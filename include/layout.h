/* layout.h - text measuring, wrapping, tables and pagination.
 *
 * Knows nothing of libharu: text is measured through a callback and the
 * result is a display list (struct ldoc) of positioned boxes per page that
 * pdf.c draws.  Coordinates are points from the top-left of the page, y
 * growing downwards.  Everything is unit-testable with fake metrics. */
#ifndef VERDICT_LAYOUT_H
#define VERDICT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum lfont { LFONT_REGULAR, LFONT_BOLD, LFONT_ITALIC, LFONT_COUNT };

struct lcolor {
	double r, g, b;   /* 0..1 */
};

/* Width in points of len bytes of UTF-8 text in font at size. */
typedef double (*layout_measure_fn)(void *ctx, enum lfont font, double size,
                                    const char *text, size_t len);

struct measurer {
	layout_measure_fn width;
	void *ctx;
};

/* A run of text in one font: the unit of rich text. */
struct lrun {
	const char *text;
	enum lfont font;
};

/* ---- wrapping ---------------------------------------------------------- */

struct lfrag {
	enum lfont font;
	const char *text;   /* points into the run's text */
	size_t len;
	double x;           /* offset from the line start */
	double w;
};

struct lline {
	struct lfrag *frags;
	size_t nfrags;
	double width;
};

/* Breaks runs into lines no wider than width: at blanks, and inside a word
 * (at a UTF-8 character boundary) when the word alone is too wide.  Blanks
 * are folded; explicit newlines break lines.  Lines live in a.  Returns the
 * number of lines (at least 1, possibly empty). */
size_t layout_wrap(const struct measurer *m, const struct lrun *runs,
                   size_t nruns, double size, double width, struct arena *a,
                   struct lline **lines);

/* The widest single word (min) and the whole text on one line (max). */
void layout_text_extent(const struct measurer *m, const struct lrun *runs,
                        size_t nruns, double size, double *min, double *max);

/* ---- display list ------------------------------------------------------- */

enum lbox_kind { LBOX_TEXT, LBOX_RECT, LBOX_LINE, LBOX_LINK };

struct lbox {
	enum lbox_kind kind;
	double x, y, w, h;   /* TEXT: (x, y) is the baseline start; LINE: to (x+w, y+h) */
	enum lfont font;
	double size;         /* TEXT: font size; LINE, stroked RECT: line width */
	struct lcolor color;
	bool fill;           /* RECT: filled, else stroked */
	const char *text;    /* TEXT: bytes (len); LINK: the URI */
	size_t len;
};

struct lpage {
	struct lbox *boxes;
	size_t n, cap;
};

struct loutline {
	const char *title;
	int level;           /* 0: top */
	size_t page;
	double y;
};

struct ldoc {
	double width, height;
	struct lpage *pages;
	size_t npages, cap;
	struct loutline *outline;
	size_t noutline, outline_cap;
	struct arena *arena;     /* owns copies of texts */
};

void ldoc_free(struct ldoc *d);

/* ---- flowing content onto pages ---------------------------------------- */

struct page_geom {
	double width, height;
	double margin_top, margin_bottom, margin_left, margin_right;
};

struct flow;

/* A flow that fills a new ldoc, owned by the flow until flow_finish(). */
struct flow *flow_new(const struct page_geom *g, const struct measurer *m);

/* Adds the running header and "Page N of M" footers, then hands over the
 * ldoc (the caller frees it with ldoc_free) and frees the flow. */
struct ldoc *flow_finish(struct flow *f, const char *header,
                         const char *footer_left);

/* Frees a flow that will not be finished (NULL is fine). */
void flow_free(struct flow *f);

double flow_content_width(const struct flow *f);

/* Starts a new page unless the current one is empty. */
void flow_page_break(struct flow *f);

/* Vertical space; dropped at the top of a page. */
void flow_gap(struct flow *f, double pts);

/* A heading with an outline entry at level; kept with the next need pts. */
void flow_heading(struct flow *f, const char *text, int level, double size,
                  struct lcolor color, double need);

struct para_style {
	double size;
	double leading;       /* line height as a multiple of size; 0: 1.3 */
	double indent;        /* left indent of every line */
	const char *bullet;   /* drawn in the indent of the first line, or NULL */
	struct lcolor color;
};

/* A wrapped paragraph of rich text; splits across pages line by line. */
void flow_paragraph(struct flow *f, const struct lrun *runs, size_t nruns,
                    const struct para_style *st);

/* A paragraph inside a filled, bordered box (the verdict box).  The box is
 * kept on one page when it fits on one. */
struct box_style {
	struct lcolor fill, border;
	double padding;
};
struct box_para {
	const struct lrun *runs;
	size_t nruns;
	struct para_style style;
	double gap_after;
};
void flow_box(struct flow *f, const struct box_para *paras, size_t n,
              const struct box_style *st);

/* Horizontal bars: label, value in [0, max], text shown after the bar. */
struct bar {
	const char *label;
	double value;
	const char *value_text;
	struct lcolor color;
};
void flow_bars(struct flow *f, const struct bar *bars, size_t n, double max,
               double size);

/* ---- tables --------------------------------------------------------------- */

struct lcell {
	const struct lrun *runs;
	size_t nruns;
	bool has_bg;
	struct lcolor bg;
};

enum lrow_kind { LROW_NORMAL, LROW_GROUP };   /* GROUP: one cell over all columns */

struct lrow {
	enum lrow_kind kind;
	struct lcell *cells;   /* ncols cells, or 1 for LROW_GROUP */
};

struct ltable {
	size_t ncols;
	const struct lcell *header;   /* ncols cells, repeated on every page */
	const struct lrow *rows;
	size_t nrows;
	double size;                  /* font size */
	double padding;
	struct lcolor header_bg, header_fg, group_bg, rule;
	const double *min_widths;     /* per column, or NULL */
};

/* Column widths from content that fill width: every column gets its widest
 * word when possible, the rest shared by natural width.  Returns false when
 * even the widest words do not fit (the caller splits the columns). */
bool layout_columns(const struct measurer *m, const struct ltable *t,
                    double width, double *out);

/* Lays out a table: rows split across pages when taller than a page, the
 * header repeated after every page break, group rows kept with the row
 * after them. */
void flow_table(struct flow *f, const struct ltable *t);

#endif
