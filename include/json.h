/* json.h - the JSON summary of SPEC section 4.
 *
 * Keys in a fixed order, numbers unrounded (shortest text that reads back
 * as the same double, always with a decimal point whatever the locale),
 * strings escaped so that any input text gives valid JSON.  Each profile
 * carries two keys beyond SPEC section 4, after "pdf": "unknowns" and
 * "rating_flip" (docs/json.md). */
#ifndef VERDICT_JSON_H
#define VERDICT_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "verdict.h"

struct change;

struct json_input {
	const char *file;                  /* as named on the command line */
	const char *sha256;                /* hex, NULL when unreadable */
	const struct doc *doc;             /* NULL when nothing could be loaded */
	bool valid;
	const struct diags *diags;
	struct verdict *const *scenarios;  /* per doc scenario; NULL when invalid */
	struct verdict *const *profiles;   /* per doc profile; NULL entries are left out */
	const char *const *pdf;            /* per doc profile: the path, or NULL */
	const char *overview_pdf;          /* the overview's path when written, or NULL */
	/* SPEC 6.4: every file read and their fingerprint (the doc's); with
	 * files NULL, "files" and "fingerprint" are null. */
	const struct doc_file *files;
	size_t nfiles;
	const char *fingerprint;
	/* SPEC 6.5 */
	const char *generated;             /* YYYY-MM-DD; NULL writes null */
	const double *u;                   /* verdict_normalise(); NULL when invalid */
	struct change *const *changes;     /* per doc profile; NULL without --baseline */
};

/* Writes the summary; false when out reports a write error. */
bool json_write(FILE *out, const struct json_input *in, size_t n, const char *version);

/* Writes s as a JSON string literal: quotes, backslashes, control
 * characters, DEL, U+2028 and U+2029 escaped, other UTF-8 kept as it is,
 * each byte that is not valid UTF-8 written as U+FFFD; NULL as "".
 * (Exposed for tests.) */
void json_string(FILE *out, const char *s);

/* Writes x as the shortest decimal that reads back as x (exposed for tests). */
void json_number(FILE *out, double x);

#endif
