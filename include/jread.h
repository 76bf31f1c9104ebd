/* jread.h - a strict JSON reader into a tree (RFC 8259: the grammar,
 * escapes, surrogate pairs, valid UTF-8, depth at most 64), for reading
 * back what json.c writes: --baseline (src/baseline.c) and the tests.
 * Pure: no I/O, no globals, numbers whatever the locale; the tree lives
 * in the arena passed. */
#ifndef VERDICT_JREAD_H
#define VERDICT_JREAD_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum jread_type { JREAD_NULL, JREAD_BOOL, JREAD_NUM, JREAD_STR, JREAD_ARR, JREAD_OBJ };

struct jread_val {
	enum jread_type type;
	bool b;
	double num;
	const char *text;        /* JREAD_NUM: as written; JREAD_STR: decoded UTF-8 */
	size_t len;              /* JREAD_STR: bytes (may hold NUL) */
	struct jread_val **items;     /* JREAD_ARR, JREAD_OBJ */
	const char **keys;       /* JREAD_OBJ, in document order */
	size_t n;
};

/* The whole of text as one JSON value, or NULL with *error (a static
 * string) and *at (the byte offset where reading stopped). */
struct jread_val *jread_parse(const char *text, size_t len, struct arena *a,
                              size_t *at, const char **error);

/* The member key of object o, or NULL when o is not an object or has no
 * such key (the first, if there are several). */
const struct jread_val *jread_get(const struct jread_val *o, const char *key);

#endif
