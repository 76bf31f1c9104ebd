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

/* What the layout knows of the fonts: widths, and the ascent (top of a
 * line to its baseline) as a fraction of the size, one for every face. */
struct measurer {
	layout_measure_fn width;
	void *ctx;
	double ascent;
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

enum lbox_kind { LBOX_TEXT, LBOX_RECT, LBOX_LINE, LBOX_LINK, LBOX_IMAGE };

/* RECT, LINK and IMAGE: (x, y) is the top-left corner of a w x h box. */
struct lbox {
	enum lbox_kind kind;
	double x, y, w, h;   /* TEXT: (x, y) is the baseline start; LINE: to (x+w, y+h) */
	enum lfont font;
	double size;         /* TEXT: font size; LINE, stroked RECT: line width */
	struct lcolor color;
	bool fill;           /* RECT: filled, else stroked */
	const char *text;    /* TEXT: bytes (len); LINK: the URI; IMAGE: its key */
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

void layout_doc_free(struct ldoc *d);

/* d as text for golden files (tests/golden/): its size, outline, then
 * every page and its boxes in drawing order, one a line, with kind,
 * position and size to 0.01 pt (a decimal point in any locale), font,
 * colour (#rrggbb) and text.  The caller frees the string; NULL when
 * memory runs out. */
char *layout_dump(const struct ldoc *d);

/* ---- flowing content onto pages ---------------------------------------- */

struct page_geom {
	double width, height;
	double margin_top, margin_bottom, margin_left, margin_right;
};

struct flow;

/* A flow that fills a new ldoc, owned by the flow until layout_finish(). */
struct flow *layout_new(const struct page_geom *g, const struct measurer *m);

/* Adds the running header and "Page N of M" footers, then hands over the
 * ldoc (the caller frees it with layout_doc_free) and frees the flow. */
struct ldoc *layout_finish(struct flow *f, const char *header,
                           const char *footer_left);

/* Frees a flow that will not be finished (NULL is fine). */
void layout_free(struct flow *f);

double layout_content_width(const struct flow *f);

/* The measurer the flow was made with. */
const struct measurer *layout_measurer(const struct flow *f);

/* The cursor: where the next content goes, in points from the page top. */
double layout_y(const struct flow *f);

/* Moves the cursor down to y on the current page (never up). */
void layout_skip_to(struct flow *f, double y);

/* Starts a new page unless the current one is empty. */
void layout_page_break(struct flow *f);

/* Breaks the page unless h points fit below the cursor (and h fits on
 * a page at all): keeps the next h points of content together. */
void layout_keep(struct flow *f, double h);

/* Vertical space; dropped at the top of a page. */
void layout_gap(struct flow *f, double pts);

/* A heading with an outline entry at level.  It is placed when the next
 * content starts, on the same page as that content's first lines (or a
 * whole chart, table start or box), and at least need points of it. */
void layout_heading(struct flow *f, const char *text, int level, double size,
                    struct lcolor color, double need);

struct para_style {
	double size;
	double leading;       /* line height as a multiple of size; 0: 1.3 */
	double indent;        /* left indent of every line */
	double right_indent;  /* room kept free on the right of every line */
	const char *bullet;   /* drawn in the indent of the first line, or NULL */
	struct lcolor color;
};

/* A wrapped paragraph of rich text; splits across pages line by line. */
void layout_paragraph(struct flow *f, const struct lrun *runs, size_t nruns,
                      const struct para_style *st);

/* The height layout_paragraph will take for this text. */
double layout_paragraph_height(struct flow *f, const struct lrun *runs, size_t nruns,
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
void layout_box(struct flow *f, const struct box_para *paras, size_t n,
                const struct box_style *st);

/* Horizontal bars: label, value in [0, max], text shown after the bar. */
struct bar {
	const char *label;
	double value;
	const char *value_text;
	struct lcolor color;
};
void layout_bars(struct flow *f, const struct bar *bars, size_t n, double max,
                 double size);

/* The height layout_bars will take for these bars, so that a caption can
 * be kept with them (layout_keep). */
double layout_bars_height(struct flow *f, const struct bar *bars, size_t n, double size);

/* A diverging bar chart: bars grow right of a centre line for positive
 * values and left of it for negative ones, scaled to max_abs; each value's
 * text sits at the end of its bar.  The captions head the two halves.
 * Charts that fit a page are kept on one. */
struct dbar {
	const char *label;
	double value;
	const char *value_text;
};
struct diverging_style {
	double size;
	struct lcolor pos, neg;
	const char *neg_caption, *pos_caption;   /* may be NULL */
	const char *title;                       /* a lead-in kept with it, or NULL */
	double title_size;
};
void layout_diverging(struct flow *f, const struct dbar *bars, size_t n,
                      double max_abs, const struct diverging_style *st);

/* An image known to the renderer by key, w x h points, its top-left corner
 * x points right of the left margin at the cursor; the cursor stays (use
 * layout_skip_to to move below it).  Kept on one page. */
void layout_image(struct flow *f, const char *key, double x, double w, double h);

/* ---- tables --------------------------------------------------------------- */

struct lcell {
	const struct lrun *runs;
	size_t nruns;
	bool has_bg;
	struct lcolor bg;
	const char *link;      /* a URI the whole cell links to, or NULL */
};

enum lrow_kind { LROW_NORMAL, LROW_GROUP };   /* GROUP: one cell over all columns */

struct lrow {
	enum lrow_kind kind;
	struct lcell *cells;   /* ncols cells, or 1 for LROW_GROUP */
	const char *outline;   /* an outline entry at the row, or NULL */
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
	int outline_level;            /* of the rows' outline entries */
	const char *caption;          /* a line above the table, kept with it, or NULL */
	struct lcolor caption_fg;
};

/* Column widths from content that fill width: every column gets its widest
 * word when possible, the rest shared by natural width.  A word wider than
 * a quarter of the width (or than width / ncols, when that is more) counts
 * as that wide and is broken.  When even so the words do not fit, the
 * narrow columns keep their widest word and the wide ones share what is
 * left equally.  Returns false when the widest words do not all fit. */
bool layout_columns(const struct measurer *m, const struct ltable *t,
                    double width, double *out);

/* Column groups for a table too wide for width.  The first key columns are
 * repeated in every group; each column needs its widest word plus padding,
 * clamped to [min_w, max_w], and the other columns are dealt out in order,
 * as evenly as the widths allow, so that every group fits.  starts (room
 * for ncols + 1) receives the first column of each group and, last, ncols;
 * returns the number of groups (1 when the table fits as it is). */
size_t layout_column_groups(const struct measurer *m, const struct ltable *t,
                            size_t key, double width, double min_w, double max_w,
                            size_t *starts);

/* The table of t's first key columns and its columns [from, to); group
 * rows stay whole.  Its arrays live in a, the cells' texts stay t's. */
struct ltable layout_subtable(const struct ltable *t, size_t key, size_t from,
                              size_t to, struct arena *a);

/* Lays out a table: the header repeated after every page break (unless it
 * is itself taller than a third of a page); group rows kept with the row
 * after them; rows of up to six lines kept whole, longer ones split across
 * pages line by line, never leaving one line alone.  Cells with a link
 * become links; rows with an outline title get an outline entry. */
void layout_table(struct flow *f, const struct ltable *t);

#endif
