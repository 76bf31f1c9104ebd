/* suggest.h - "did you mean": the closest of some candidate words.
 *
 * Closeness is the optimal string alignment distance (Levenshtein with
 * adjacent transpositions, each edit costing 1), byte by byte.  A
 * suggestion is at most 2 edits away; what else counts depends on what is
 * being misspelt, so the rule is a parameter.  Nothing here allocates:
 * the result is one of the candidates. */
#ifndef VERDICT_SUGGEST_H
#define VERDICT_SUGGEST_H

#include <stddef.h>

/* Longer words are never compared (every id and name is shorter). */
#define SUGGEST_MAX_WORD 64

enum suggest_rule {
	/* Ids in a document (src/check/): a candidate equal to the word but for
	 * case wins outright, whatever the lengths; otherwise the word needs 3
	 * to 64 bytes, distance 2 counts only for words of 5 bytes or more,
	 * and two candidates equally close give no suggestion. */
	SUGGEST_IDS,
	/* Element and attribute names of the format (load/): word and
	 * candidate need 3 to 64 bytes, distance 1 always counts, distance 0
	 * or 2 only when both have 5 bytes or more; of candidates equally
	 * close the first wins. */
	SUGGEST_NAMES,
};

/* The distance between a and b, or SIZE_MAX when either is longer than
 * SUGGEST_MAX_WORD bytes.  Example: "scnario" and "scenario" give 1,
 * "sceanrio" and "scenario" 1 (a transposition), "abc" and "" 3. */
size_t suggest_distance(const char *a, const char *b);

/* The candidate to suggest for word under rule, or NULL (also when word
 * is NULL).  cands has n entries; NULL entries are skipped, so a hash
 * table's slots may be passed as they are.  Example: "framwork" among
 * { "framework", "criterion" } gives "framework" under either rule. */
const char *suggest_best(const char *word, const char *const *cands, size_t n,
                         enum suggest_rule rule);

#endif
