/* oom.h - the one way library code fails on an allocation.
 *
 * The rule: library code (everything outside src/cli/) never prints and
 * never exits, with one exception.  When malloc, realloc or calloc fails,
 * or a size to allocate overflows, it calls oom_abort(), which writes
 * "verdict: out of memory" to stderr and aborts: a batch tool has no
 * partial result worth returning, and one place prints the one message.
 * An invariant that "cannot fail" is an assert(), never a silent abort(). */
#ifndef VERDICT_OOM_H
#define VERDICT_OOM_H

#include <stdnoreturn.h>

/* Writes "verdict: out of memory" to stderr and aborts. */
noreturn void oom_abort(void);

#endif
