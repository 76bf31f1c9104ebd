/* grow.c - the growable arrays of the layout stage.
 *
 * Its own file so that wrap.c and layout.c both build on it and neither
 * calls back into the other. */
#include "layout_int.h"

#include <stdlib.h>

#include "oom.h"

void *layout_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	void *q = realloc(p, n * size);
	if (q == NULL)
		oom_abort();
	*cap = n;
	return q;
}
