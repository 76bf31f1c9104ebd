/* check_int.h - what the files of the check stage share; private to them.
 *
 * check_doc() (check.c) runs the rules of SPEC section 1 in steps, one
 * file each, in this order:
 *
 *   check.c         check_doc: the shared context and the order of the steps
 *   items.c         scales (levels, scores, bounds), frameworks (urls),
 *                   criteria and their ratings
 *   evidence.c      sources, rating sources and dates, staleness (SPEC
 *                   6.3; check_is_stale)
 *   targets.c       weights, requires, scenarios, profiles (uses,
 *                   excludes)
 *   texts.c         the comparison's meta, when= and placeholders (SPEC
 *                   6.2), the three warnings
 *
 * on one helper file that calls no step:
 *
 *   index.c         the id indexes, the id pattern, "first at" positions
 *                   and "did you mean" hints, which every step uses; it
 *                   calls no other file of the stage
 *
 * and, apart from them, the checks beyond the document:
 *
 *   outside.c       check_glyphs, check_logo, check_id_unique: the report
 *                   fonts, the logo, the run's other inputs (through the
 *                   callbacks check.h describes); it uses nothing above
 *
 * Nothing calls check.c back. */
#ifndef VERDICT_CHECK_INT_H
#define VERDICT_CHECK_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"

struct chk_ctx {
	struct doc *doc;
	const struct patterns *pat;
	struct diags *d;
};

#define ERR(c, pos, ...) diags_add((c)->d, DIAG_ERROR, (pos).file, (pos).line, __VA_ARGS__)
#define WARN(c, pos, ...) diags_add((c)->d, DIAG_WARNING, (pos).file, (pos).line, __VA_ARGS__)
/* Input text as it may appear in a message. */
#define Q(c, s) model_shown((c)->doc, (s))

/* Open addressing from id to the index of its first declaration. */
struct chk_index {
	const char **keys;
	size_t *vals;
	size_t mask;
	bool anonymous;   /* some item has no id (the loader said so): a
	                     reference that finds nothing may mean it */
};

/* Everything the checks share: the doc and one index per kind. */
struct chk_all {
	struct chk_ctx c;
	struct chk_index scales, frameworks, criteria, scenarios, sources;
	size_t *stamp_c;   /* per criterion: the group that last weighed it + 1 */
	struct srcpos *pos_c;   /* ... and where */
	size_t *stamp_s;   /* per scenario: the profile that last used it + 1 */
	struct srcpos *pos_s;   /* ... and where */
	bool *bad_scale;   /* per scale: wrong and said so, so not used to judge */
	unsigned hints;    /* "did you mean" searches left (each costs a pass) */
	size_t group;      /* groups seen so far */
	size_t *stamp_src; /* per source: the rating that last named it + 1 */
	size_t nrating;    /* ratings seen so far by S_evidence (evidence.c) */
	struct srcpos warned_at;   /* the element whose placeholders were last */
	unsigned warned;           /* warned about: bit per enum patterns_ph */
};

/* ---- index.c: ids, indexes, hints -------------------------------------- */

void chk_index_init(struct chk_index *ix, struct arena *a, size_t n);
size_t chk_index_find(const struct chk_index *ix, const char *key);
size_t chk_index_add(struct chk_index *ix, const char *key, size_t val);
const char *chk_where(struct chk_ctx *c, struct srcpos first, struct srcpos at);
void chk_id(struct chk_ctx *c, const char *id, const char *kind, struct srcpos pos);
const char *chk_hint(struct chk_all *all, const struct chk_index *ix, const char *word);
const char *chk_level_hint(struct chk_all *all, const struct scale *s, const char *word);

/* Checks the ids of one kind (pattern, uniqueness) and indexes them. */
#define CHECK_IDS(c, ix, arr, n, kind)                                        \
	do {                                                                  \
		chk_index_init((ix), (c)->doc->arena, (n));                   \
		for (size_t i_ = 0; i_ < (n); i_++) {                         \
			if ((arr)[i_].id == NULL) {                           \
				(ix)->anonymous = true;                       \
				continue;                                     \
			}                                                     \
			chk_id((c), (arr)[i_].id, (kind), (arr)[i_].pos);     \
			size_t j_ = chk_index_add((ix), (arr)[i_].id, i_);    \
			if (j_ != MODEL_NO_INDEX)                             \
				ERR((c), (arr)[i_].pos, "duplicate %s id '%s' (first at %s)", \
				    (kind), Q((c), (arr)[i_].id),             \
				    chk_where((c), (arr)[j_].pos, (arr)[i_].pos)); \
		}                                                             \
	} while (0)

/* ---- the steps, in check_doc's order ----------------------------------- */

void chk_meta(struct chk_ctx *c);               /* texts.c */
void chk_scales(struct chk_all *all);           /* items.c */
void chk_frameworks(struct chk_all *all);       /* items.c */
void chk_sources(struct chk_all *all);          /* evidence.c */
void chk_criteria(struct chk_all *all);         /* items.c */
void chk_evidences(struct chk_all *all);        /* evidence.c */
void chk_scenarios(struct chk_all *all);        /* targets.c */
void chk_profiles(struct chk_all *all);         /* targets.c */
void chk_texts(struct chk_all *all);            /* texts.c */
void chk_warnings(struct chk_ctx *c);           /* texts.c */

#endif
