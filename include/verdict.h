/* verdict.h - the verdict arithmetic of SPEC section 2.
 *
 * Pure functions over a checked doc: no I/O, no globals.  Results are
 * allocated from the arena the caller passes and live as long as it. */
#ifndef VERDICT_VERDICT_H
#define VERDICT_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define VERDICT_DEFAULT_CLOSE_CALL 2.0
#define VERDICT_SCORE_EPS 1e-9
#define VERDICT_ROBUST_PP 15.0     /* percentage points */
#define VERDICT_FRAGILE_PP 5.0

enum verdict_kind { VERDICT_WINNER, VERDICT_CLOSE, VERDICT_NONE };
/* NONE: not a winner verdict, so there is nothing to be stable (JSON null). */
enum stability { STABILITY_NONE, STABILITY_ROBUST, STABILITY_MODERATE, STABILITY_FRAGILE };

struct ranked {
	size_t framework;           /* index into doc->frameworks */
	double score;               /* 0..100 */
	bool qualified;
	const char **disqualified_by;  /* "require:gpu>=good", "exclude", ... */
	size_t ndisqualified;
};

/* The critical (criterion, challenger) pair of the sensitivity analysis. */
struct critical {
	size_t criterion;
	size_t challenger;          /* framework index */
	double weight;              /* W(c) now */
	double tie_weight;          /* x*: the weight at which challenger draws */
};

struct verdict {
	enum verdict_kind kind;
	size_t nframeworks;
	struct ranked *ranking;     /* every framework, qualified first */
	size_t nqualified;
	size_t *leaders;            /* framework indexes; empty for none */
	size_t nleaders;
	bool has_margin;            /* at least two qualified */
	double margin;
	size_t ncriteria;
	double *weights;            /* W(c), sums to 1 */
	double *contrib;            /* first vs second, per criterion; NULL without margin */
	bool has_critical;
	struct critical critical;
	enum stability stability;   /* winner: robust when no critical pair exists */
};

/* u(f,c) in [0,1] for every framework f and criterion c, row-major by
 * criterion: u[c * nframeworks + f]. */
double *verdict_normalise(const struct doc *doc, struct arena *a);

/* The verdict of one scenario alone. */
struct verdict *verdict_scenario(const struct doc *doc, const double *u,
                                 size_t scenario, double close_call,
                                 struct arena *a);

/* The verdict of one profile (mixing its scenarios and own weights). */
struct verdict *verdict_profile(const struct doc *doc, const double *u,
                                size_t profile, double close_call,
                                struct arena *a);

/* The winner of a winner verdict, else MODEL_NO_INDEX. */
size_t verdict_winner(const struct verdict *v);

/* Framework f's strengths for the bottom line: criteria where its u exceeds
 * every other framework's, largest lead first, at most max; returns count. */
size_t verdict_strengths(const struct doc *doc, const double *u, size_t f,
                         size_t *out, size_t max);

const char *verdict_kind_name(enum verdict_kind k);
/* "robust", "moderate", "fragile"; NULL for STABILITY_NONE. */
const char *verdict_stability_name(enum stability s);

#endif
