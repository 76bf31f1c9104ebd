/* diag.c - collecting diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "oom.h"
#include "xstr.h"

static void *S_xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL)
		oom_abort();
	return p;
}

static char *S_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(S_xrealloc(NULL, n), s, n);
}

void diags_init(struct diags *d)
{
	memset(d, 0, sizeof *d);
	d->max_errors = 200;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	for (size_t i = 0; i < d->nincludes; i++) {
		free(d->includes[i].file);
		free(d->includes[i].from);
	}
	free(d->includes);
	memset(d, 0, sizeof *d);
}

void diags_include(struct diags *d, const char *file, const char *from, long line)
{
	if (file == NULL || from == NULL || diags_included_from(d, file) != NULL)
		return;
	if (d->nincludes == d->includes_cap) {
		d->includes_cap = d->includes_cap ? d->includes_cap * 2 : 4;
		d->includes = S_xrealloc(d->includes, d->includes_cap * sizeof *d->includes);
	}
	d->includes[d->nincludes++] = (struct diag_include){
		.file = S_xstrdup(file), .from = S_xstrdup(from), .line = line > 0 ? line : 1,
	};
}

/* A linear search: a document has at most a few hundred includes (and
 * fewer files), and only printed diagnostics look. */
const struct diag_include *diags_included_from(const struct diags *d, const char *file)
{
	for (size_t i = 0; file != NULL && i < d->nincludes; i++)
		if (strcmp(d->includes[i].file, file) == 0)
			return &d->includes[i];
	return NULL;
}

void diags_add(struct diags *d, enum diag_level level, const char *file,
               long line, const char *fmt, ...)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (level == DIAG_ERROR && d->max_errors != 0 &&
	    d->errors > d->max_errors) {
		d->truncated = true;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = xstr_vprintf(fmt, ap);
	va_end(ap);
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = S_xrealloc(d->items, d->cap * sizeof *d->items);
	}
	d->items[d->count++] = (struct diag){
		.level = level,
		.file = S_xstrdup(file != NULL ? file : ""),
		.line = line > 0 ? line : 1,
		.message = msg,
	};
}

/* Insertion sort keeps equal keys stable; the lists are short. */
void diags_sort(struct diags *d)
{
	for (size_t i = 1; i < d->count; i++) {
		struct diag x = d->items[i];
		size_t j = i;
		while (j > 0) {
			const struct diag *p = &d->items[j - 1];
			int fc = strcmp(p->file, x.file);
			if (fc < 0 || (fc == 0 && p->line <= x.line))
				break;
			d->items[j] = *p;
			j--;
		}
		d->items[j] = x;
	}
}

void diags_promote(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].level == DIAG_WARNING) {
			d->items[i].level = DIAG_ERROR;
			d->errors++;
			d->warnings--;
		}
}
