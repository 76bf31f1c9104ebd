/* explain.h - verdicts in plain words, ready for a report (SPEC sections
 * 2 and 5).
 *
 * Pure: no I/O, no globals, no locale (numbers are written with a decimal
 * point whatever LC_NUMERIC says).  Every function takes the checked doc
 * and a verdict made from it (verdict_scenario() or verdict_profile();
 * the verdict knows which scenario or profile it judged and its
 * threshold); every string returned is allocated from the arena a and
 * lives as long as it.  Names (frameworks, criteria, levels, teams) are
 * used as written, a level's label in prose in typographic quotes
 * (“Broad”) so that a comma in it cannot run into the sentence; a caller
 * that expands {{ placeholders }} in names can run its expansion over the
 * sentence.
 *
 * A function returns NULL when it has nothing to say for that verdict, as
 * its comment says, so that the caller can leave the line out.  Scores
 * print with one decimal, differences of points too (two under 0.095),
 * weights as percentages (whole from 10 %, one decimal below, two below
 * 0.1 %; more decimals when two shown side by side would otherwise look
 * the same).  Every number is written by numfmt.h, as the report's tables
 * write it: rounded half away from zero on the decimal value.
 *
 * Wiring into a report, e.g. the verdict box and the sections after it:
 *
 *     box:      explain_recommendation, explain_flip (stability line),
 *               explain_separators and explain_close_needs (a close
 *               call), explain_relaxations (none),
 *               explain_acceptability (how sure), explain_disqualified,
 *               explain_unknowns (caveat)
 *     why:      explain_why (or explain_reasons_for/_against),
 *               explain_share (the acceptability chart)
 *     change:   explain_flip, or explain_separators and
 *               explain_close_needs, or explain_relaxations;
 *               explain_rating_flip
 *     tables:   explain_short (one cell per scenario or profile)
 *     bottom:   explain_strengths per framework, explain_short or
 *               explain_recommendation per profile */
#ifndef VERDICT_EXPLAIN_H
#define VERDICT_EXPLAIN_H

#include <stddef.h>

#include "model.h"
#include "verdict.h"

struct arena;

/* How many reasons each way explain_why() names. */
#define EXPLAIN_REASONS 3

/* The recommendation in one sentence; never NULL.  A profile: "Choose
 * PyTorch: for ACME research lab it scores 91.9 out of 100, 37.1 points
 * ahead of TensorFlow."  A scenario: "Choose PyTorch for Research: it
 * scores ...".  Also the single qualified framework, the close call
 * ("Too close to call for ...: PyTorch (61.0) and TensorFlow (60.2) are
 * within 2.0 points of each other, so the choice rests on the criteria
 * that separate them.") and no qualified framework. */
const char *explain_recommendation(const struct doc *doc, const struct verdict *v,
                                   struct arena *a);

/* The verdict for a table cell; never NULL: "PyTorch, by 37.1 points",
 * "TensorFlow, the only one qualified", "Close call: PyTorch and
 * TensorFlow", "No framework qualifies". */
const char *explain_short(const struct doc *doc, const struct verdict *v, struct arena *a);

/* The first-ranked framework's reasons: the criteria that add most to its
 * margin over the second, at most max, largest first: "PyTorch's lead
 * over TensorFlow comes mainly from Debugging (+8.2 points), Computational
 * Graph (+6.0) and Custom Architectures (+4.5)."  NULL without a margin
 * (fewer than two qualified) or when no criterion favours the first. */
const char *explain_reasons_for(const struct doc *doc, const struct verdict *v, size_t max,
                                struct arena *a);

/* The second-ranked framework's strengths, the criteria that take most
 * from the margin: "TensorFlow does better on Production Tools (−3.1
 * points) and Serving (−2.0)."  When there are none: "TensorFlow is not
 * ahead of PyTorch on any criterion that counts here."  NULL without a
 * margin. */
const char *explain_reasons_against(const struct doc *doc, const struct verdict *v,
                                    size_t max, struct arena *a);

/* Both of the above, EXPLAIN_REASONS each way, as one paragraph; NULL
 * without a margin. */
const char *explain_why(const struct doc *doc, const struct verdict *v, struct arena *a);

/* The sensitivity finding (SPEC section 2) with its classification:
 * "TensorFlow would draw level if the weight of Mobile Deployment rose
 * from 8 % to 31 % (23.0 percentage points), so the verdict is robust."
 * Plain words for the edge cases: a tie weight of 0 ("if Debugging were
 * left out altogether"), no critical pair (SPEC 6.1: "No single weight
 * change makes TensorFlow draw level."), a single qualified framework, a
 * win by a margin that rounds to 0.0 (threshold 0).  NULL unless the
 * verdict is a winner. */
const char *explain_flip(const struct doc *doc, const struct verdict *v, struct arena *a);

/* The smallest one-level rating change that would change the verdict:
 * "The smallest rating change that alters the verdict: if PyTorch's
 * Computational Graph were “Static + eager” instead of “Dynamic” (−5.2
 * points), it would be too close to call."  Or that no such change
 * exists.  NULL unless the verdict is a winner. */
const char *explain_rating_flip(const struct doc *doc, const struct verdict *v,
                                struct arena *a);

/* The caveat on unknown ratings: how many count, which (framework and
 * criterion, verdict_unknown_ratings(), four named by framework, then
 * "N more": "JAX's Latency and GPU; PyTorch's Memory; 3 more"),
 * and whether the verdict holds at their extremes (struct unknowns) or
 * what it would become: "2 ratings that count here are unknown (JAX's
 * Latency and PyTorch's GPU) and scored as the worst possible, so the
 * verdict depends on them: if they turned out as badly as possible
 * for PyTorch, TensorFlow would win."  NULL when no unknown rating
 * counts. */
const char *explain_unknowns(const struct doc *doc, const struct verdict *v,
                             struct arena *a);

/* How sure the verdict is under varied weights (SPEC 6.7), from the
 * first-ranked framework's acceptability: "PyTorch comes first in 97 %
 * of weightings within ±50 % of this team's weights."  When unknown
 * ratings were drawn: "... of this team's weights and over every value
 * the unknown ratings could take."  When another framework comes first
 * more often, it is named too: "...; TensorFlow in 60 %."  Shares as
 * explain_share().  NULL without acceptability (fewer than two
 * qualified, or a scenario). */
const char *explain_acceptability(const struct doc *doc, const struct verdict *v,
                                  struct arena *a);

/* A share in [0, 1] as a percentage: whole ("97 %") from 1 % to 99 %,
 * one decimal below and above ("0.4 %", "99.6 %"); only 0 and 1 read
 * "0 %" and "100 %", a share that would round to them reads "under
 * 0.1 %" or "over 99.9 %".  Rounding half away from zero. */
const char *explain_share(double share, struct arena *a);

/* Every disqualification in words, one sentence per framework in ranking
 * order, a framework's reasons joined as a list: "TensorFlow is ruled
 * out: Mobile Deployment must be at least “Broad” but is “Limited”."  NULL
 * when nothing is disqualified. */
const char *explain_disqualified(const struct doc *doc, const struct verdict *v,
                                 struct arena *a);

/* Framework f's strengths for the bottom line (verdict_strengths(), top
 * three), as in the article: "Choose PyTorch if you prioritise Debugging,
 * Research Community and Computational Graph."  u is verdict_normalise().
 * NULL when f leads on no criterion. */
const char *explain_strengths(const struct doc *doc, const double *u, size_t f,
                              struct arena *a);

/* Only the list of the above: "Debugging, Research Community and
 * Computational Graph"; NULL when f leads on no criterion. */
const char *explain_strength_list(const struct doc *doc, const double *u, size_t f,
                                  struct arena *a);

/* How a reader sees framework f's rating on criterion c, in the sentences
 * and in the report's feature table: the level's label ("Broad"), the
 * value with the scale's unit ("120 ms", or "120" without one), or
 * "unknown".  Never NULL; the rating must exist (a checked doc). */
const char *explain_rating(const struct doc *doc, size_t c, size_t f, struct arena *a);

/* A close call's leaders, the first two of the ranking, by the criteria
 * that separate them most (largest |contribution|, at most
 * EXPLAIN_REASONS), each with the framework it favours: "PyTorch and
 * TensorFlow differ most on Computational Graph (PyTorch +25.0 points)
 * and Documentation (TensorFlow +12.5)."  NULL unless a close call. */
const char *explain_separators(const struct doc *doc, const struct verdict *v,
                               struct arena *a);

/* What each of a close call's first two would need (verdict_need()): the
 * second to take the lead, the first to lead by the threshold: "TensorFlow
 * would take the lead if the weight of Documentation rose from 50 % to
 * over 67 % (17 percentage points more); PyTorch would lead by the
 * close-call threshold of 20.0 points, and win, if the weight of
 * Computational Graph rose from 50 % to 80 % (30 percentage points
 * more)."  Either half can read "No single weight increase would put
 * TensorFlow ahead of PyTorch".  u is verdict_normalise().  NULL unless a
 * close call. */
const char *explain_close_needs(const struct doc *doc, const double *u,
                                const struct verdict *v, struct arena *a);

/* When nothing qualifies, which single constraint dropped would let which
 * frameworks qualify (verdict_relaxations(), at most three), with the
 * scores they have now: "Dropping a single constraint would let a
 * framework qualify. Lifting the exclusion of TensorFlow would let it
 * qualify and be recommended, scoring 92.5. Without the requirement that
 * Latency be at most 100 ms, JAX would qualify and be recommended,
 * scoring 18.8." ("would qualify, scoring 20.0 and 18.8" when several
 * would: the first of them may still be a close call).  Or "No
 * single requirement or exclusion dropped would let any framework
 * qualify; at least two would have to be relaxed."  NULL unless nothing
 * qualifies. */
const char *explain_relaxations(const struct doc *doc, const struct verdict *v,
                                struct arena *a);

/* A name's possessive as people write it: "PyTorch's", "GitHub Actions'"
 * (a name ending in a lower-case s takes the apostrophe only).  Every
 * possessive in explain and the report is made here. */
const char *explain_possessive(const char *name, struct arena *a);

/* Items joined as people write a list: "A", "A and B", "A, B and C";
 * "" for none.  Every list in explain and the report is joined here. */
const char *explain_join(const char *const *item, size_t n, struct arena *a);

#endif
