/* arena.h - bump allocation for objects that live and die together.
 *
 * A document, a verdict set or a laid-out report is allocated from one
 * arena and freed whole with arena_free().  Allocation failure aborts
 * through oom_abort() (oom.h): there is no sensible partial result to
 * return to a batch tool. */
#ifndef VERDICT_ARENA_H
#define VERDICT_ARENA_H

#include <stddef.h>

struct arena;

/* A new, empty arena; free it with arena_free(). */
struct arena *arena_new(void);

/* Frees every block ever allocated from a (NULL is fine). */
void arena_free(struct arena *a);

/* n zeroed bytes aligned for any object, owned by a. */
void *arena_alloc(struct arena *a, size_t n);

/* count zeroed elements of size bytes each, owned by a (checks overflow). */
void *arena_array(struct arena *a, size_t count, size_t size);

/* A copy of s (NULL gives NULL), owned by a. */
char *arena_strdup(struct arena *a, const char *s);

/* A NUL-terminated copy of the first n bytes of s, owned by a. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* printf into a string owned by a. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (for benchmarks and tests). */
size_t arena_used(const struct arena *a);

#endif
