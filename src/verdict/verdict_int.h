/* verdict_int.h - what the files of the verdict stage share; private to them.
 *
 * verdict_scenario() and verdict_profile() (verdict.c) judge in steps:
 *
 *   verdict.c       the entry points and the order of the steps: u, the
 *                   weights W, then qualify, score, rank, the what-ifs
 *                   and (profiles only) acceptability
 *   whatif.c        the sensitivity analysis, the smallest rating flip,
 *                   the unknown ratings at their extremes
 *   accept.c        acceptability (SPEC 6.7): the xoshiro256** generator
 *                   (verdict_rng_*) and the sampling
 *   reasons.c       what explain.c and the reports ask of a verdict:
 *                   reasons, strengths, separators, what a framework would
 *                   need, relaxations, the unknown ratings that matter
 *
 * on two helper files that call no step:
 *
 *   qualify.c       what is judged: the requires and excludes of a
 *                   scenario or profile, who meets them, why not
 *   rank.c          ranking and the verdict kind (vd_classify), which the
 *                   main verdict and every what-if go through; the winner
 *
 * Each file calls only those below it in this list and none above it;
 * nothing calls verdict.c back. */
#ifndef VERDICT_VERDICT_INT_H
#define VERDICT_VERDICT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "verdict.h"

/* Sensitivity gaps |x* - W(c)| this close count as equal (declaration
 * order decides), so that rounding cannot pick between exact ties. */
#define VD_WEIGHT_EPS 1e-12

/* SPEC 6.1: a criterion on which the leader and a challenger are rated
 * this close to the same never makes a sensitivity pair. */
#define VD_SAME_RATING_EPS 1e-12

/* A scenario alone (p NULL) or a profile. */
struct vd_target {
	const struct scenario *s;
	const struct profile *p;
};

/* ---- qualify.c: what is judged --------------------------------------------- */

bool vd_require_set(const struct doc *doc, const struct vd_target *t, size_t i,
                    const struct require **rq, size_t *n);
bool vd_excluded(const struct vd_target *t, size_t f);
bool vd_counts(const struct doc *doc, const struct vd_target *t, const struct verdict *v,
               size_t c);
bool vd_qualifies(const struct doc *doc, const struct vd_target *t, size_t f, size_t alt_c,
                  const struct rating *alt, bool unknown_meets);
bool vd_qualifies_without(const struct doc *doc, const struct vd_target *t, size_t f,
                          const struct require *skip_r, const struct exclude *skip_e);
void vd_failures(const struct doc *doc, const struct vd_target *t, size_t f,
                 struct ranked *out, struct arena *a);

/* ---- rank.c: ranking and verdict kind -------------------------------------- */

void vd_classify(struct verdict *v, double close_call);

/* ---- whatif.c -------------------------------------------------------------- */

void vd_unknowns(const struct doc *doc, const struct vd_target *t, struct verdict *v,
                 struct arena *a);
void vd_rating_flip(const struct doc *doc, const struct vd_target *t, struct verdict *v,
                    struct arena *a);
void vd_sensitivity(const struct doc *doc, const double *u, struct verdict *v,
                    struct arena *a);

/* ---- accept.c -------------------------------------------------------------- */

void vd_acceptability(const struct doc *doc, const double *u, struct verdict *v,
                      struct arena *a);

#endif
