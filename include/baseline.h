/* baseline.h - reading back a JSON summary written earlier (SPEC 6.5).
 *
 * A strict reader (RFC 8259) for exactly what json.c writes: the caller
 * hands it the bytes (the CLI reads the file), it keeps what --baseline
 * needs: per input its comparison id, generation date and ratings, and
 * per profile the verdict, ranking and weights.  Pure: no I/O, no
 * globals; everything is allocated from the arena passed. */
#ifndef VERDICT_BASELINE_H
#define VERDICT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct baseline_rating {
	const char *criterion, *framework;
	const char *level;          /* level id, "unknown", or NULL for a value */
	double value;               /* when level is NULL */
	double u;
};

struct baseline_ranked {
	const char *framework;
	double score;
	bool qualified;
	const char *disqualified_by;   /* the list joined with '\n' ("" when none) */
};

struct baseline_profile {
	const char *id;
	const char *verdict;        /* "winner", "close", "none" */
	const char *winner;         /* NULL for null */
	const char **leaders;
	size_t nleaders;
	bool has_margin;
	double margin;
	struct baseline_ranked *ranking;
	size_t nranking;
	const char **criteria;      /* weights, in the order written */
	double *weights;
	size_t nweights;
};

struct baseline_input {
	const char *id;             /* NULL for an input that could not be loaded */
	const char *generated;      /* YYYY-MM-DD as written */
	struct baseline_rating *ratings;
	size_t nratings;
	struct baseline_profile *profiles;
	size_t nprofiles;
};

struct baseline {
	struct baseline_input *inputs;
	size_t ninputs;
};

/* Reads a summary from len bytes; NULL when it is not valid JSON or not a
 * verdict summary with `generated` and `ratings` (*err, from the arena,
 * says why). */
struct baseline *baseline_parse(const char *bytes, size_t len, struct arena *a,
                                const char **err);

/* The input with comparison id id, or NULL. */
const struct baseline_input *baseline_input(const struct baseline *b, const char *id);
/* The profile with id id, or NULL. */
const struct baseline_profile *baseline_profile(const struct baseline_input *in,
                                                const char *id);
/* The rating of (criterion, framework), or NULL. */
const struct baseline_rating *baseline_rating(const struct baseline_input *in,
                                              const char *criterion, const char *framework);
/* The weight of criterion, or NaN when the profile does not list it. */
double baseline_weight(const struct baseline_profile *p, const char *criterion);

#endif
