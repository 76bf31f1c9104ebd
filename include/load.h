/* load.h - reading a format 1 XML file into a struct doc.
 *
 * The only module that sees libxml2.  Parsing is safe: no network, no DTD
 * loading, no entity substitution, a size cap.  Everything found wrong is
 * added to the diags with its file and line; the structure of the document
 * (elements, attributes, numbers) is checked here, the meaning of it
 * (references, ranges, patterns) by the check stage (src/check/). */
#ifndef VERDICT_LOAD_H
#define VERDICT_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

#define LOAD_DEFAULT_MAX_BYTES ((size_t)32 * 1024 * 1024)

struct load_opts {
	size_t max_bytes;    /* 0: LOAD_DEFAULT_MAX_BYTES */
	char *sha256;        /* NULL, or 65 chars where load_file puts the SHA-256
	                      * of the bytes it read (64 hex digits), or "" when
	                      * it could not read them */
};

/* Loads path: the file the user named, so a pipe will do (the files it
 * names, includes and the logo, must be regular files).  Returns a doc
 * owned by the caller (free with model_free) even when errors were found,
 * as far as it could be read; NULL when nothing usable could be read (the
 * reason is in d).  opts may be NULL. */
struct doc *load_file(const char *path, const struct load_opts *opts,
                      struct diags *d);

/* The same from memory; name is used in messages (tests use this). */
struct doc *load_memory(const char *buf, size_t len, const char *name,
                        const struct load_opts *opts, struct diags *d);

#endif
