/* index.c - the helpers every step of the check stage uses: the id
 * indexes, the id pattern, where an earlier element is, "did you mean".
 *
 * Its own file so that every step builds on it and it calls none of them
 * back. */
#include "check_int.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "suggest.h"

static size_t S_hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (size_t)(h ^ (h >> 29));
}

void chk_index_init(struct chk_index *ix, struct arena *a, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	ix->keys = arena_array(a, cap, sizeof *ix->keys);
	ix->vals = arena_array(a, cap, sizeof *ix->vals);
	ix->mask = cap - 1;
	ix->anonymous = false;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t S_index_slot(const struct chk_index *ix, const char *key)
{
	size_t i = S_hash(key) & ix->mask;
	while (ix->keys[i] != NULL && strcmp(ix->keys[i], key) != 0)
		i = (i + 1) & ix->mask;
	return i;
}

size_t chk_index_find(const struct chk_index *ix, const char *key)
{
	if (key == NULL)
		return MODEL_NO_INDEX;
	size_t i = S_index_slot(ix, key);
	return ix->keys[i] != NULL ? ix->vals[i] : MODEL_NO_INDEX;
}

/* Adds key with val; returns the earlier val when key was there already. */
size_t chk_index_add(struct chk_index *ix, const char *key, size_t val)
{
	size_t i = S_index_slot(ix, key);
	if (ix->keys[i] != NULL)
		return ix->vals[i];
	ix->keys[i] = key;
	ix->vals[i] = val;
	return MODEL_NO_INDEX;
}

/* "line 12", or "shared/x.xml:12" when first is in another file than at. */
const char *chk_where(struct chk_ctx *c, struct srcpos first, struct srcpos at)
{
	if (first.file == at.file || (first.file && at.file && strcmp(first.file, at.file) == 0))
		return arena_printf(c->doc->arena, "line %ld", first.line);
	return arena_printf(c->doc->arena, "%s:%ld", Q(c, first.file), first.line);
}

void chk_id(struct chk_ctx *c, const char *id, const char *kind, struct srcpos pos)
{
	if (id != NULL && !patterns_is_id(c->pat, id))
		ERR(c, pos, "%s id '%s' is not an id: lower-case letters, digits, '.', "
		    "'_' and '-', starting with a letter or digit, at most 64 "
		    "(^[a-z0-9][a-z0-9._-]{0,63}$)", kind, Q(c, id));
}

/* "; did you mean 'x'?" for a dangling reference word, or "".  The ids
 * of a kind are searched for the first few dangling references only, and
 * only for kinds of a sane size, so hostile inputs stay linear. */
const char *chk_hint(struct chk_all *all, const struct chk_index *ix, const char *word)
{
	if (all->hints == 0 || ix->mask >= 4096 || word == NULL)
		return "";
	all->hints--;
	const char *best = suggest_best(word, ix->keys, ix->mask + 1, SUGGEST_IDS);
	return best != NULL ? arena_printf(all->c.doc->arena, "; did you mean '%s'?", best) : "";
}

/* "; did you mean 'x'?" for a level id not in scale s, or else
 * "; the levels of 's' are: a, b, c" (for a scale of at most
 * S_LEVELS_LISTED levels), or "".  Shares the budget of chk_hint. */
#define S_LEVELS_LISTED 20
const char *chk_level_hint(struct chk_all *all, const struct scale *s, const char *word)
{
	struct chk_ctx *c = &all->c;
	if (all->hints == 0 || word == NULL || s->nlevels == 0 || s->nlevels > 4096)
		return "";
	all->hints--;
	const char **ids = arena_array(c->doc->arena, s->nlevels, sizeof *ids);
	for (size_t l = 0; l < s->nlevels; l++)
		ids[l] = s->levels[l].id;
	const char *best = suggest_best(word, ids, s->nlevels, SUGGEST_IDS);
	if (best != NULL)
		return arena_printf(c->doc->arena, "; did you mean '%s'?", Q(c, best));
	if (s->nlevels > S_LEVELS_LISTED)
		return "";
	const char *list = "";
	for (size_t l = 0; l < s->nlevels; l++)
		if (ids[l] != NULL)
			list = arena_printf(c->doc->arena, "%s%s%s", list, *list ? ", " : "",
			                    Q(c, ids[l]));
	return arena_printf(c->doc->arena, "; the levels of '%s' are: %s", Q(c, s->id), list);
}
