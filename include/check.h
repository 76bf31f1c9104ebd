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
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "patterns.h"

#define CHECK_MIN_FRAMEWORKS 2
#define CHECK_MAX_FRAMEWORKS 12

/* True when the doc has no errors (warnings allowed). */
bool check_doc(struct doc *doc, const struct patterns *pat, struct diags *d);

/* SPEC 6.3: whether a rating dated rating_date is more than months months
 * before comparison_date (both valid YYYY-MM-DD); false when either is
 * NULL or months <= 0.  2025-01-10 is stale after 12 months against
 * 2026-01-11, not against 2026-01-10. */
bool check_is_stale(const char *rating_date, const char *comparison_date, long months);

/* ---- beyond the document ------------------------------------------------
 * Checks of a checked doc against what lies outside it: the report fonts,
 * the logo the loader read, the other inputs of the run.  What they need
 * from the renderer comes as callbacks, so this stage knows no font or
 * image code. */

/* Whether the report fonts draw code point cp; ctx is the caller's. */
typedef bool (*check_has_char_fn)(const void *ctx, unsigned long cp);

/* Checks every text of doc a report may print against the fonts: each
 * character they lack is added to d once, as a warning at the element
 * where it first occurs, naming it (U+XXXX and the character itself), the
 * element and how many times it occurs.  Linear in the text: characters
 * are looked up by code point.  Returns the number of warnings. */
size_t check_glyphs(const struct doc *doc, check_has_char_fn has, const void *ctx,
                    struct diags *d);

/* Whether the image in the len bytes at data can be embedded, with its
 * size in pixels; false with *why (malloc'd, the caller frees) saying why
 * not. */
typedef bool (*check_image_fn)(const unsigned char *data, size_t len, double *width,
                               double *height, char **why);

/* Whether the logo the loader found and read (meta.logo_path, its bytes
 * meta.logo_data) decodes through probe: true with its size in pixels;
 * false when the doc has none, and false with a warning at the logo when
 * it is over MODEL_LOGO_MAX_BYTES or does not decode (the reports are
 * then drawn without it).  The file is not read again. */
bool check_logo(const struct doc *doc, check_image_fn probe, double *width, double *height,
                struct diags *d);

/* Whether doc's comparison id differs from those of the n docs before it
 * in the run: two with one id would write the same folder, out_dir/id.
 * false with an error at doc's root naming the first such doc's file. */
bool check_id_unique(const struct doc *doc, const struct doc *const *earlier, size_t n,
                     const char *out_dir, struct diags *d);

#endif
