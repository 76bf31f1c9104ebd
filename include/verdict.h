/* verdict.h - the verdict arithmetic of SPEC section 2.
 *
 * Pure functions over a checked doc: no I/O, no globals.  Results are
 * allocated from the arena the caller passes and live as long as it; they
 * point into the doc (strings, indexes), so the doc must outlive them. */
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

/* The verdict with every unknown rating taken at its extremes, seen from
 * F, the framework ranked first (docs/json.md).  In the worst case F's
 * unknown ratings count 0 and fail every require on their criterion (as
 * they are scored), and every other framework's count 1 and meet every
 * require; the best case is the other way round.  Scores and
 * qualification are monotone in each rating, so when a winner verdict
 * holds, no combination of values for the unknown ratings can change it. */
struct unknowns {
	size_t count;               /* unknown ratings that can matter here */
	enum verdict_kind best_kind, worst_kind;
	size_t best_winner;         /* MODEL_NO_INDEX unless best_kind is winner */
	size_t worst_winner;        /* likewise */
	bool holds;                 /* both cases keep this verdict's kind and winner */
};

/* The smallest change of one ordinal rating by one level (the next score
 * up or down the scale) that changes a winner verdict: another winner, or
 * a close call, or nothing qualifies.  Smallest: the least change in that
 * framework's score, |100 W(c) (u' - u)|; ties (within VERDICT_SCORE_EPS)
 * go to criteria in declaration order, then frameworks in ranking order,
 * then the step down before the step up. */
struct rating_flip {
	size_t framework;           /* whose rating changes */
	size_t criterion;
	size_t from_level;          /* index into the criterion's scale levels */
	size_t to_level;
	double score_change;        /* the framework's score change, signed points */
	bool qualification_changed; /* the framework would newly fail or meet a require */
	enum verdict_kind kind;     /* the verdict after the change */
	size_t winner;              /* after the change; MODEL_NO_INDEX unless kind is winner */
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

	size_t scenario;            /* the scenario judged, or MODEL_NO_INDEX */
	size_t profile;             /* the profile judged, or MODEL_NO_INDEX */
	double close_call;          /* the threshold this verdict used */
	struct unknowns unknowns;   /* computed for every kind of verdict */
	bool has_rating_flip;       /* only a winner verdict can have one */
	struct rating_flip rating_flip;
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

/* The why: criteria whose contribution to the margin favours the first
 * (favour_first) or the second of the ranking, largest amount first (ties
 * in declaration order), contributions within VERDICT_SCORE_EPS of 0 left
 * out; at most max written to out; returns the count (0 without margin). */
size_t verdict_reasons(const struct verdict *v, bool favour_first, size_t *out,
                       size_t max);

/* Framework f's strengths for the bottom line: criteria where its u exceeds
 * every other framework's, largest lead first, at most max; returns count. */
size_t verdict_strengths(const struct doc *doc, const double *u, size_t f,
                         size_t *out, size_t max);

const char *verdict_kind_name(enum verdict_kind k);
/* "robust", "moderate", "fragile"; NULL for STABILITY_NONE. */
const char *verdict_stability_name(enum stability s);

#endif
