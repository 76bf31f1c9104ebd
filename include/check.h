/* check.h - the meaning of a loaded document: references, ranges, rules.
 *
 * check_doc() resolves every reference of a loaded doc into indexes (the
 * *_ix fields and criterion.rating_of) and adds an error or warning for
 * each rule of SPEC section 1 about what the file says (ids, references,
 * ratings, ranges, totals, requires, dates, colours, URLs, placeholders);
 * the loader has reported everything about its shape.  All problems are
 * reported in one run, each at its element's file and line, and the time
 * is linear in the size of the doc.  A doc may be handed to the verdict
 * stage only when check_doc() returned true and the loader reported no
 * error. */
#ifndef VERDICT_CHECK_H
#define VERDICT_CHECK_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "patterns.h"

#define CHECK_MIN_FRAMEWORKS 2
#define CHECK_MAX_FRAMEWORKS 12

/* True when the doc has no errors (warnings allowed). */
bool check_doc(struct doc *doc, const struct patterns *pat, struct diags *d);

#endif
