/* verdict.h - the verdict arithmetic of SPEC section 2.
 *
 * Pure functions over a checked doc: no I/O, no globals.  Results are
 * allocated from the arena the caller passes and live as long as it; they
 * point into the doc (strings, indexes), so the doc must outlive them. */
#ifndef VERDICT_VERDICT_H
#define VERDICT_VERDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	/* Acceptability (SPEC 6.7), profiles only: the share of
	 * VERDICT_ACCEPT_SAMPLES sampled weightings (and values of the unknown
	 * ratings) in which each framework scores highest among the
	 * qualified; a t-way tie (scores within VERDICT_SCORE_EPS of the
	 * highest) gives each of the t a 1/t share of the sample.  By
	 * framework index, 0 for a disqualified one; the shares add up to 1.
	 * NULL (has_acceptability false) with fewer than two qualified and
	 * for scenarios. */
	bool has_acceptability;
	double *acceptability;
	size_t accept_unknowns;     /* unknown ratings drawn in each sample */
};

/* ---- acceptability (SPEC 6.7) ----------------------------------------------
 *
 * Each sample multiplies every weight W(c) > 0 by its own factor drawn
 * uniformly from [0.5, 1.5) and renormalises, and replaces each unknown
 * rating of a qualified framework on such a criterion by a uniform draw
 * over its scale: a level, each with equal probability, or a value
 * uniform in [min, max) (so u is uniform in [0, 1)).  Qualification is
 * the verdict's.  Every profile starts the generator afresh from
 * VERDICT_ACCEPT_SEED, so its shares depend on nothing but the profile
 * (not on --profile, --shard or --jobs).
 *
 * The generator is xoshiro256** (Blackman and Vigna, 2018), its state set
 * from the seed by four steps of splitmix64; both use only 64-bit unsigned
 * integer arithmetic, which C defines exactly, and a double in [0, 1) is
 * the top 53 bits times 2^-53, exact in IEEE 754 double: the same numbers
 * on every machine and compiler, whatever its libc (no rand(), no
 * drand48()).  The scores made from the draws are plain IEEE 754 double
 * sums, in a fixed order, like every other score (built with
 * -ffp-contract=off: no fused multiply-adds).  The state is a value the caller owns: no globals. */

#define VERDICT_ACCEPT_SAMPLES 10000
#define VERDICT_ACCEPT_SEED UINT64_C(20260607)
#define VERDICT_ACCEPT_LOW 0.5      /* weight factors are uniform in [LOW, LOW + 1) */

struct verdict_rng {
	uint64_t s[4];
};

/* Sets r's state from seed (splitmix64 outputs 1 to 4). */
void verdict_rng_seed(struct verdict_rng *r, uint64_t seed);

/* The next 64 bits of xoshiro256**. */
uint64_t verdict_rng_next(struct verdict_rng *r);

/* A double uniform in [0, 1): (next >> 11) * 2^-53. */
double verdict_rng_unit(struct verdict_rng *r);

/* An integer uniform in [0, n), 1 <= n < 2^32: the top 32 bits of next
 * times n, shifted right by 32 (a bias below n / 2^32, integers only). */
size_t verdict_rng_below(struct verdict_rng *r, size_t n);

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

/* The criteria that separate the first two of the ranking most: largest
 * |contrib| first (ties in declaration order), contributions within
 * VERDICT_SCORE_EPS of 0 left out; at most max; returns the count (0
 * without margin). */
size_t verdict_separators(const struct verdict *v, size_t *out, size_t max);

/* What framework f would need (item 4 of issue 10): the smallest increase
 * of a single weight W(c) > 0, the others rescaled in proportion (as in
 * the sensitivity analysis), after which f scores at least target points
 * more than every other qualified framework; with target 0 it draws level
 * and leads above new_weight.  Ties go to criteria in declaration order.
 * False when no single increase does it (f must be qualified). */
struct verdict_need {
	size_t criterion;
	double weight;              /* W(c) now */
	double new_weight;          /* the weight at which f gets there */
};

bool verdict_need(const struct doc *doc, const double *u, const struct verdict *v,
                  size_t f, double target, struct verdict_need *out);

/* One constraint of the verdict's scenario or profile dropped alone, and
 * the frameworks that would then qualify (a require with a min and a max
 * is one constraint; an exclude is one too). */
struct relaxation {
	const struct require *require;  /* the require dropped, or NULL */
	const struct exclude *exclude;  /* or the exclude dropped */
	size_t *qualify;            /* frameworks that would qualify, ranking order */
	size_t nqualify;
};

/* Every constraint whose dropping alone lets at least one framework that
 * fails now qualify, those that let the best-ranked framework qualify
 * first (ties: requires in SPEC section 4's order, then excludes); at
 * most max written to out; returns the count.  Meant for a verdict where
 * nothing qualifies, but answers for any. */
size_t verdict_relaxations(const struct doc *doc, const struct verdict *v,
                           struct relaxation *out, size_t max, struct arena *a);

/* The unknown ratings that can matter here (struct unknowns' count), by
 * criterion in declaration order, then framework index: at most max
 * pairs written to crit and fw; returns the count. */
size_t verdict_unknown_ratings(const struct doc *doc, const struct verdict *v, size_t *crit,
                               size_t *fw, size_t max);

const char *verdict_kind_name(enum verdict_kind k);
/* "robust", "moderate", "fragile"; NULL for STABILITY_NONE. */
const char *verdict_stability_name(enum stability s);

#endif
