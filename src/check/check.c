/* check.c - the meaning of format 1 (SPEC section 1) and linking: the
 * order of the steps (check_int.h lists the files).
 *
 * The loader has reported everything about the shape of the file
 * (elements, attributes, the syntax of numbers, how many of each
 * element); this is everything about what it says: ids and their
 * uniqueness, references, ratings, ranges, totals, requires, dates,
 * colours, URLs, placeholders, and the three warnings.  A reference or
 * number the loader found missing is NULL or keeps its default here and
 * is not reported again.  Apart from check_doc (outside.c), the checks
 * against what lies outside the document: the report fonts, the logo
 * file, the run's other inputs (check.h says what each is given instead
 * of the renderer).
 *
 * Every lookup goes through a hash index and every "at most once" test
 * through a stamp array, so the time stays linear in the size of the
 * document whatever it holds. */
#include "check_int.h"

#include "arena.h"

bool check_doc(struct doc *doc, const struct patterns *pat, struct diags *d)
{
	struct chk_all all = { .c = { .doc = doc, .pat = pat, .d = d }, .hints = 50 };
	size_t before = d->errors;
	all.stamp_c = arena_array(doc->arena, doc->ncriteria, sizeof *all.stamp_c);
	all.pos_c = arena_array(doc->arena, doc->ncriteria, sizeof *all.pos_c);
	all.stamp_s = arena_array(doc->arena, doc->nscenarios, sizeof *all.stamp_s);
	all.pos_s = arena_array(doc->arena, doc->nscenarios, sizeof *all.pos_s);
	chk_meta(&all.c);
	chk_scales(&all);
	chk_frameworks(&all);
	chk_sources(&all);
	chk_criteria(&all);
	chk_evidences(&all);
	chk_scenarios(&all);
	chk_profiles(&all);
	chk_texts(&all);
	chk_warnings(&all.c);
	return d->errors == before;
}
