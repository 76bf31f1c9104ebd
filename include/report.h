/* report.h - what a report says and in which order (SPEC section 5).
 *
 * Turns a checked doc and its verdicts into a laid-out document (struct
 * ldoc) through the layout module; knows nothing of libharu or files. */
#ifndef VERDICT_REPORT_H
#define VERDICT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "model.h"
#include "patterns.h"
#include "verdict.h"

struct change;

struct report_set {
	const struct doc *doc;
	const struct patterns *pat;
	const double *u;                    /* verdict_normalise() */
	struct verdict *const *scenarios;   /* one per doc scenario */
	struct verdict *const *profiles;    /* one per doc profile; NULL: not reported */
	const char *input_name;             /* as named on the command line */
	const char *sha256;                 /* hex digest of the input's bytes */
	const char *fingerprint;            /* SPEC 6.4, over every file read (the
	                                       doc's); NULL: sha256 stands for it */
	const char *generated;              /* YYYY-MM-DD, the generation date */
	const char *version;                /* the tool's */
	const char *logo;                   /* the renderer's key of the logo, or NULL */
	double logo_w, logo_h;              /* its size in pixels */
	struct change *const *changes;      /* SPEC 6.5: per doc profile, what changed
	                                       since --baseline; NULL without one */
};

/* The page size and margins the doc's <report> asks for. */
struct page_geom report_geometry(const struct doc *doc);

/* The report for one profile; the caller frees it with layout_doc_free(). */
struct ldoc *report_profile(const struct report_set *rs, size_t profile,
                            const struct measurer *m);

/* The overview of every profile. */
struct ldoc *report_overview(const struct report_set *rs, const struct measurer *m);

/* text with its {{ placeholders }} filled for profile (MODEL_NO_INDEX: the
 * overview, where profile values print as an em dash); allocated in a. */
char *report_expand(const struct report_set *rs, size_t profile, const char *text,
                    struct arena *a);

/* The feature table's symbol for level pos (0 = lowest) of a scale of n
 * levels: n - 1 circles, the first pos of them filled, so that the lowest
 * level is all empty, the highest all filled and each step one circle
 * ("●●○○" is the third of five).  unknown: n - 1 dotted circles ("◌◌◌◌"),
 * a shape apart from the lowest level's.  A scale of fewer than 2 levels
 * draws as 2.  Allocated in a. */
const char *report_level_marks(size_t pos, size_t n, bool unknown, struct arena *a);

#endif
