/* report_int.h - what the files of the report module share; private to them.
 *
 *   report.c          the order of each report's parts, the title block,
 *                     placeholders, and the helpers every part uses
 *   verdict_parts.c   a profile's verdict box, why, and what would change it
 *   tables.c          the feature, scenario and profile tables, the bottom
 *                     line and the methodology
 *   glyphs.c          characters of the input the report fonts lack */
#ifndef VERDICT_REPORT_INT_H
#define VERDICT_REPORT_INT_H

#include <stddef.h>

#include "layout.h"
#include "report.h"

#define BODY 9.5
#define SMALL 8.0
#define TABLE 8.5
#define H1 13.0
#define DASH "\xE2\x80\x94"     /* an em dash for values that do not exist */

/* Column groups: a framework column is at least this wide (points), or
 * this when it holds only numbers. */
#define COL_MIN 74.0
#define COL_MIN_NUMBERS 50.0
#define COL_MAX 150.0

extern const struct lcolor report_black, report_grey;

struct rb {
	const struct report_set *rs;
	const struct doc *doc;
	struct flow *f;
	struct arena *a;       /* strings of this report */
	size_t profile;        /* MODEL_NO_INDEX in the overview */
	struct lcolor accent, accent_light;
};

/* ---- text ------------------------------------------------------------------ */

/* c mixed with white: t of white, 1 - t of c. */
struct lcolor report_mix(struct lcolor c, double t);
const char *report_fw(const struct rb *b, size_t f);
/* text with its placeholders filled for the report's profile. */
const char *report_x(struct rb *b, const char *text);
const char *report_say(struct rb *b, const char *sentence);
const char *report_scores(struct rb *b, const struct verdict *v);

/* ---- flowing ---------------------------------------------------------------- */

void report_para(struct rb *b, const char *text, enum lfont font, double size,
                 struct lcolor c);
void report_note(struct rb *b, const char *text);
void report_h1(struct rb *b, const char *text);
struct lcell report_cell(struct rb *b, const char *text, enum lfont font);
struct ltable report_table(struct rb *b, size_t ncols, struct lcell *head,
                           struct lrow *rows, size_t nrows);
void report_grouped(struct rb *b, const struct ltable *t, size_t key, double min_w);

/* ---- the parts -------------------------------------------------------------- */

void report_verdict_box(struct rb *b, const struct verdict *v);
void report_why(struct rb *b, const struct verdict *v);
void report_change(struct rb *b, const struct verdict *v);
void report_features(struct rb *b);
void report_scenarios(struct rb *b);
void report_profile_table(struct rb *b);
void report_bottom_line(struct rb *b);
void report_methodology(struct rb *b);

#endif
