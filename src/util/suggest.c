/* suggest.c - "did you mean": the closest of some candidate words. */
#include "suggest.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > SUGGEST_MAX_WORD || lb > SUGGEST_MAX_WORD)
		return SIZE_MAX;
	/* Three rows of the table: a transposition looks two rows back. */
	size_t rows[3][SUGGEST_MAX_WORD + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* The distance of candidate c (lc bytes) from word (lw bytes) when rule
 * lets it be suggested, else SIZE_MAX.  Short words are close to too much:
 * hence the lengths asked for at distance 2. */
static size_t S_close(enum suggest_rule rule, const char *word, size_t lw,
                      const char *c, size_t lc)
{
	size_t min_lc = rule == SUGGEST_NAMES ? 3 : 0;
	if (lw < 3 || lw > SUGGEST_MAX_WORD || lc < min_lc || lc > SUGGEST_MAX_WORD)
		return SIZE_MAX;
	/* The distance is at least the difference in length. */
	if (lc + 2 < lw || lw + 2 < lc)
		return SIZE_MAX;
	size_t d = suggest_distance(word, c);
	if (d > 2)
		return SIZE_MAX;
	bool long_enough = rule == SUGGEST_NAMES ? lw > 4 && lc > 4 : lw > 4;
	if (rule == SUGGEST_NAMES ? d != 1 && !long_enough : d == 2 && !long_enough)
		return SIZE_MAX;
	return d;
}

const char *suggest_best(const char *word, const char *const *cands, size_t n,
                         enum suggest_rule rule)
{
	if (word == NULL)
		return NULL;
	size_t lw = strlen(word), best_d = SIZE_MAX, ties = 0;
	const char *best = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *c = cands[i];
		if (c == NULL)
			continue;
		size_t lc = strlen(c);
		/* Ids are case-sensitive; people are not. */
		if (rule == SUGGEST_IDS && lc == lw && strcasecmp(c, word) == 0)
			return c;
		size_t d = S_close(rule, word, lw, c, lc);
		if (d == SIZE_MAX || d > best_d)
			continue;
		ties = d == best_d ? ties + 1 : 1;
		if (d < best_d) {
			best = c;
			best_d = d;
		}
	}
	/* Two ids as close as each other: no guess. */
	return rule == SUGGEST_IDS && ties > 1 ? NULL : best;
}
