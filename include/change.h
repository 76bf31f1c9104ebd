/* change.h - what changed since a baseline (SPEC 6.5).
 *
 * Pure functions: the current verdict of a profile against the same
 * profile in a summary written earlier (baseline.h).  Causes and their
 * effects on the score gap between the current first A and second B,
 * with d(c) = u(A,c) - u(B,c):
 *
 *   rating (c, f):  100 W_now(c) (d_now(c) - d_then(c)), over f's rating
 *                   alone: +100 W_now(c) du(A,c) for A, -100 W_now(c)
 *                   du(B,c) for B, 0 for any other framework;
 *   weight c:       100 (W_now(c) - W_then(c)) d_then(c), listed when
 *                   |W_now(c) - W_then(c)| >= CHANGE_WEIGHT_MIN.
 *
 * Summed over every criterion these are exactly (score_now(A) -
 * score_now(B)) - (score_then(A) - score_then(B)); weight moves under
 * CHANGE_WEIGHT_MIN, which are not listed, are the only remainder. */
#ifndef VERDICT_CHANGE_H
#define VERDICT_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "baseline.h"
#include "model.h"
#include "verdict.h"

#define CHANGE_WEIGHT_MIN 0.005

enum change_kind { CHANGE_RATING, CHANGE_WEIGHT, CHANGE_FRAMEWORK_ADDED,
                   CHANGE_FRAMEWORK_REMOVED, CHANGE_CONSTRAINT };

struct change_cause {
	enum change_kind kind;
	const char *criterion;      /* id; NULL for framework and constraint causes */
	const char *framework;      /* id; NULL for a weight cause */
	size_t criterion_ix, framework_ix;   /* current indexes, or MODEL_NO_INDEX */
	/* rating: before/after as level ids (level_*) or values (num_*);
	 * weight: num_before/num_after are W_then and W_now;
	 * constraint: level_before/level_after are the disqualifications
	 * joined with '\n' */
	const char *level_before, *level_after;   /* NULL: a value (num_*) */
	double num_before, num_after;
	bool has_effect;
	double effect;              /* points, signed */
};

struct change {
	bool is_new;                /* the profile is not in the baseline */
	const char *since;          /* the baseline's date, YYYY-MM-DD */
	bool verdict_changed;       /* kind, winner or set of leaders differ */
	const struct baseline_profile *before;
	struct change_cause *causes;   /* by |effect|, largest first; no effect last */
	size_t ncauses;
};

/* The change of profile verdict v (of doc, with u from verdict_normalise)
 * since bp of input bi; bp NULL gives is_new.  Allocated from a. */
struct change *change_compute(const struct doc *doc, const double *u, const struct verdict *v,
                              const struct baseline_input *bi,
                              const struct baseline_profile *bp, struct arena *a);

const char *change_kind_name(enum change_kind k);

/* "1 Nov 2026" from "2026-11-01" (the text as it is when not a date). */
const char *change_date(const char *iso, struct arena *a);

/* The verdict box's line: "Unchanged since 1 Nov 2026; margin 35.0 →
 * 37.1." or "Changed since 1 Nov 2026: TensorFlow by 4.2 then, PyTorch by
 * 6.4 now, mainly because TensorFlow's Mobile Deployment fell from
 * First-class to Limited."; NULL for a new profile. */
const char *change_line(const struct doc *doc, const struct verdict *v,
                        const struct change *ch, struct arena *a);

/* One cause in words: "TensorFlow's Mobile Deployment fell from
 * First-class to Limited", "the weight of Debugging rose from 10 % to
 * 15 %", "JAX was added", ... */
const char *change_cause_text(const struct doc *doc, const struct change_cause *c,
                              struct arena *a);

#endif
