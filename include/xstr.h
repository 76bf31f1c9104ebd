/* xstr.h - formatted strings on the heap, for messages and paths.
 *
 * The caller frees the result.  Allocation failure aborts through
 * oom_abort() (oom.h): there is no partial result worth returning. */
#ifndef VERDICT_XSTR_H
#define VERDICT_XSTR_H

#include <stdarg.h>

char *xstr_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *xstr_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
