/* arena.c - bump allocation in chained blocks. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oom.h"
#include "xstr.h"

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN (sizeof(max_align_t))

struct block {
	struct block *prev;
	size_t size, used;
	max_align_t data[];
};

struct arena {
	struct block *head;
	size_t total;
};

static void *S_xmalloc(size_t n)
{
	void *p = malloc(n);
	if (p == NULL)
		oom_abort();
	return p;
}

struct arena *arena_new(void)
{
	struct arena *a = S_xmalloc(sizeof *a);
	a->head = NULL;
	a->total = 0;
	return a;
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	struct block *b = a->head;
	while (b != NULL) {
		struct block *prev = b->prev;
		free(b);
		b = prev;
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		oom_abort();   /* more than any block could hold */
	n = (n + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		/* Large requests get a block of their own, so the current
		 * block keeps serving small ones. */
		size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		struct block *nb = S_xmalloc(sizeof *nb + size);
		nb->size = size;
		nb->used = 0;
		if (b != NULL && size != ARENA_BLOCK) {
			nb->prev = b->prev;
			b->prev = nb;
		} else {
			nb->prev = b;
			a->head = nb;
		}
		b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

void *arena_array(struct arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		oom_abort();   /* the size overflows: more than memory holds */
	return arena_alloc(a, count * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *tmp = xstr_vprintf(fmt, ap);
	va_end(ap);
	char *p = arena_strdup(a, tmp);
	free(tmp);
	return p;
}

size_t arena_used(const struct arena *a)
{
	return a->total;
}
