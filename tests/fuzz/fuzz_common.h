/* fuzz_common.h - the pipeline the fuzz targets share: bytes to a checked
 * document and its verdicts, as the command line does it. */
#ifndef VERDICT_FUZZ_COMMON_H
#define VERDICT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "patterns.h"
#include "verdict.h"

struct fuzz_run {
	struct patterns *pat;
	struct diags diags;
	struct doc *doc;                 /* NULL when nothing loaded */
	int valid;                       /* loaded and checked without errors */
	struct arena *arena;             /* verdicts */
	double *u;
	struct verdict **scen, **prof;
};

/* Loads data as the file "fuzz.xml" in the current directory (includes
 * and the logo resolve from there), checks it and, when valid, judges
 * every scenario and profile. */
void fuzz_run_start(struct fuzz_run *r, const uint8_t *data, size_t size);
void fuzz_run_end(struct fuzz_run *r);

#endif
