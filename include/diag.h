/* diag.h - diagnostics as data.
 *
 * Every stage adds errors and warnings here with the file and line of the
 * offending element; only the CLI prints them.  A diags owns copies of
 * everything added to it. */
#ifndef VERDICT_DIAG_H
#define VERDICT_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_level level;
	char *file;          /* as named on the command line or by an include */
	long line;           /* 1-based; 1 when the problem has no line */
	char *message;
};

/* Where an included file was first included from, so that a message
 * about it can say "included from FILE:LINE". */
struct diag_include {
	char *file;          /* the included file, as its diagnostics name it */
	char *from;          /* the file of the xi:include element */
	long line;           /* and its line */
};

struct diags {
	struct diag *items;
	size_t count, cap;
	struct diag_include *includes;   /* one per included file */
	size_t nincludes, includes_cap;
	size_t errors, warnings;
	size_t max_errors;   /* 0: no cap; past it errors are counted, not kept */
	bool truncated;      /* some errors were dropped because of max_errors */
};

void diags_init(struct diags *d);
void diags_free(struct diags *d);

/* Adds a formatted diagnostic; file may be NULL for none. */
void diags_add(struct diags *d, enum diag_level level, const char *file,
               long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Records that file is included from (from, line); only the first record
 * for a file counts. */
void diags_include(struct diags *d, const char *file, const char *from, long line);

/* The first record of diags_include for file, or NULL when file was not
 * included (it is the input itself, or no include named it). */
const struct diag_include *diags_included_from(const struct diags *d, const char *file);

/* Sorts by file name, then line, keeping insertion order among equal
 * keys, so messages read top to bottom. */
void diags_sort(struct diags *d);

/* Makes every warning kept an error (--strict: a warning counts as one). */
void diags_promote(struct diags *d);

#endif
