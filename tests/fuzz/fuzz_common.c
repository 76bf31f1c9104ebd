/* fuzz_common.c - bytes to verdicts for the fuzz targets. */
#include "fuzz_common.h"

#include <string.h>

#include "check.h"
#include "load.h"

void fuzz_run_start(struct fuzz_run *r, const uint8_t *data, size_t size)
{
	memset(r, 0, sizeof *r);
	diags_init(&r->diags);
	r->pat = patterns_new();
	struct load_opts lo = { .max_bytes = 0 };
	r->doc = load_memory((const char *)data, size, "fuzz.xml", &lo, &r->diags);
	if (r->doc == NULL)
		return;
	r->valid = r->diags.errors == 0 && check_doc(r->doc, r->pat, &r->diags);
	if (!r->valid)
		return;
	const struct doc *doc = r->doc;
	double close = doc->report.has_close_call ? doc->report.close_call
	             : VERDICT_DEFAULT_CLOSE_CALL;
	r->arena = arena_new();
	r->u = verdict_normalise(doc, r->arena);
	r->scen = arena_array(r->arena, doc->nscenarios, sizeof *r->scen);
	for (size_t s = 0; s < doc->nscenarios; s++)
		r->scen[s] = verdict_scenario(doc, r->u, s, close, r->arena);
	r->prof = arena_array(r->arena, doc->nprofiles, sizeof *r->prof);
	for (size_t p = 0; p < doc->nprofiles; p++)
		r->prof[p] = verdict_profile(doc, r->u, p, close, r->arena);
}

void fuzz_run_end(struct fuzz_run *r)
{
	arena_free(r->arena);
	model_free(r->doc);
	diags_free(&r->diags);
	patterns_free(r->pat);
}
