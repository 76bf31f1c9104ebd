/* report_int.h - what the files of the report module share; private to them.
 *
 *   blocks.c          the helpers every part uses: colours, names,
 *                     placeholders, paragraphs, headings, cells, tables;
 *                     calls nothing of the other files
 *   verdict_parts.c   a profile's verdict box, why, and what would change it
 *   tables.c          the feature, scenario and profile tables, the bottom
 *                     line and the methodology
 *   report.c          the order of each report's parts and the title block
 *
 * Each file builds on those above it and calls none below. */
#ifndef VERDICT_REPORT_INT_H
#define VERDICT_REPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "report.h"

#define BODY 9.5
#define SMALL 8.0
#define TABLE 8.5
#define H1 13.0
#define DASH "\xE2\x80\x94"     /* an em dash for values that do not exist */
#define DOT "  \xC2\xB7  "      /* a middle dot between items */

/* Column groups: a framework column is at least this wide (points), or
 * this when it holds only numbers. */
#define COL_MIN 74.0
#define COL_MIN_NUMBERS 50.0
#define COL_MAX 150.0

struct rb {
	const struct report_set *rs;
	const struct doc *doc;
	struct flow *f;
	struct arena *a;       /* strings of this report */
	size_t profile;        /* MODEL_NO_INDEX in the overview */
	struct lcolor accent, accent_light;
	size_t *cite;          /* SPEC 6.3: per source, its number [n] in this
	                          report, 0 when not cited (report_features) */
	size_t *cited;         /* the cited sources in the order of their numbers */
	size_t ncited;
};

/* ---- blocks.c: colours and text ----------------------------------------- */

extern const struct lcolor report_black, report_grey;

/* c mixed with white: t of white, 1 - t of c. */
struct lcolor report_mix(struct lcolor c, double t);
const char *report_fw(const struct rb *b, size_t f);
/* text with its placeholders filled for the report's profile. */
const char *report_x(struct rb *b, const char *text);
/* Whether an element with when (enum when_case bits) is shown in this
 * report: the overview, or a profile's by its verdict kind (SPEC 6.2). */
bool report_shown(const struct rb *b, unsigned when);
const char *report_say(struct rb *b, const char *sentence);
const char *report_scores(struct rb *b, const struct verdict *v);

/* ---- blocks.c: flowing -------------------------------------------------- */

void report_para(struct rb *b, const char *text, enum lfont font, double size,
                 struct lcolor c);
void report_note(struct rb *b, const char *text);
void report_h1(struct rb *b, const char *text);
struct lcell report_cell(struct rb *b, const char *text, enum lfont font);
struct ltable report_table(struct rb *b, size_t ncols, struct lcell *head,
                           struct lrow *rows, size_t nrows);
void report_grouped(struct rb *b, const struct ltable *t, size_t key, double min_w);

/* ---- verdict_parts.c: the parts about the verdict ----------------------- */

void report_verdict_box(struct rb *b, const struct verdict *v);
void report_why(struct rb *b, const struct verdict *v);
void report_change(struct rb *b, const struct verdict *v);
/* SPEC 6.5, with --baseline: every cause of the change since the baseline
 * (a profile's report), the teams whose verdict changed (the overview). */
void report_since(struct rb *b, const struct verdict *v);
void report_changed_teams(struct rb *b);

/* ---- tables.c: the tables and the closing parts ------------------------- */

void report_features(struct rb *b);
/* SPEC 6.3: the "Sources" appendix, the sources the feature table cited
 * in the order of their numbers; nothing when it cited none. */
void report_sources(struct rb *b);
void report_scenarios(struct rb *b);
void report_profile_table(struct rb *b);
void report_bottom_line(struct rb *b);
void report_methodology(struct rb *b);

#endif
