/* xstr.c - formatted strings on the heap. */
#include "xstr.h"

#include <stdio.h>
#include <stdlib.h>

#include "oom.h"

char *xstr_vprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	char *s = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (s == NULL)
		oom_abort();
	s[0] = '\0';
	if (n >= 0)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xstr_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xstr_vprintf(fmt, ap);
	va_end(ap);
	return s;
}
