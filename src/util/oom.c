/* oom.c - the one way library code fails on an allocation (see oom.h). */
#include "oom.h"

#include <stdio.h>
#include <stdlib.h>

noreturn void oom_abort(void)
{
	/* fputs to unbuffered stderr: nothing more to allocate on the way out. */
	fputs("verdict: out of memory\n", stderr);
	abort();
}
