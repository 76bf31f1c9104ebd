/* dump.c - prints the layout of every report of an input (layout_dump),
 * laid out with the unit tests' fake metrics, for tests/golden/NAME.layout.
 *
 * usage: dump FILE      (exit 1 when FILE is not valid, with its messages)
 *
 * The steps are the program's (src/cli): load, check, judge, lay out the
 * overview and then each profile's report; only the fonts are fake. */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "fake_metrics.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "pdf.h"
#include "report.h"
#include "verdict.h"

/* Fixed stand-ins for what the footer and methodology print: a golden
 * must not change with the clock, the version or an edit that leaves the
 * layout alone, and with the fake metrics only their lengths matter. */
#define S_GENERATED "2025-11-24"
#define S_VERSION "0.0.0"
#define S_SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void S_print_diags(const struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "%s:%ld: %s: %s\n", d->items[i].file, d->items[i].line,
		        d->items[i].level == DIAG_ERROR ? "error" : "warning",
		        d->items[i].message);
}

/* Lays out one report (profile MODEL_NO_INDEX: the overview) and prints
 * it under a title line; false when memory runs out. */
static bool S_dump(const struct report_set *rs, size_t profile, const struct measurer *m)
{
	struct ldoc *ld = profile == MODEL_NO_INDEX ? report_overview(rs, m)
	                                            : report_profile(rs, profile, m);
	char *text = ld != NULL ? layout_dump(ld) : NULL;
	if (text != NULL) {
		if (profile == MODEL_NO_INDEX)
			printf("== overview\n%s", text);
		else
			printf("== profile %s\n%s", rs->doc->profiles[profile].id, text);
	}
	free(text);
	layout_doc_free(ld);
	return text != NULL;
}

/* The verdicts, as the program judges them, then every report. */
static bool S_reports(const struct doc *doc, const struct patterns *pat, const char *name,
                      struct arena *a)
{
	double close_call = doc->report.has_close_call ? doc->report.close_call
	                                               : VERDICT_DEFAULT_CLOSE_CALL;
	double *u = verdict_normalise(doc, a);
	struct verdict **scen = arena_array(a, doc->nscenarios, sizeof *scen);
	struct verdict **prof = arena_array(a, doc->nprofiles, sizeof *prof);
	for (size_t s = 0; s < doc->nscenarios; s++)
		scen[s] = verdict_scenario(doc, u, s, close_call, a);
	for (size_t p = 0; p < doc->nprofiles; p++)
		prof[p] = verdict_profile(doc, u, p, close_call, a);
	struct report_set rs = { .doc = doc, .pat = pat, .u = u, .scenarios = scen,
	                         .profiles = prof, .input_name = name,
	                         .sha256 = S_SHA256, .generated = S_GENERATED,
	                         .version = S_VERSION };
	/* The logo as the program embeds it (a warning when it does not
	 * decode is the JSON's business); its key is the renderer's, fixed
	 * here rather than a path. */
	struct diags ignored;
	diags_init(&ignored);
	if (check_logo(doc, pdf_image_probe, &rs.logo_w, &rs.logo_h, &ignored))
		rs.logo = "logo";
	diags_free(&ignored);
	struct measurer m = fake_measurer();
	bool ok = S_dump(&rs, MODEL_NO_INDEX, &m);
	for (size_t p = 0; ok && p < doc->nprofiles; p++)
		ok = S_dump(&rs, p, &m);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: dump FILE\n", stderr);
		return 2;
	}
	struct patterns *pat = patterns_new();
	struct diags d;
	diags_init(&d);
	struct doc *doc = pat != NULL ? load_file(argv[1], NULL, &d) : NULL;
	bool valid = doc != NULL && d.errors == 0;
	valid = doc != NULL && check_doc(doc, pat, &d) && valid;
	int status = 1;
	if (valid) {
		struct arena *a = arena_new();
		status = S_reports(doc, pat, argv[1], a) ? 0 : 3;
		arena_free(a);
	} else {
		S_print_diags(&d);
	}
	if (fflush(stdout) != 0)
		status = 3;
	model_free(doc);
	diags_free(&d);
	patterns_free(pat);
	return status;
}
