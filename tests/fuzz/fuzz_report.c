/* fuzz_report.c - libFuzzer target: bytes through the whole pipeline, the
 * layout and a PDF rendered in memory, for the overview and the first
 * profiles.  Fonts come from $VERDICT_FONT_DIR, else fonts/ (run it from
 * the repository, after make). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "layout.h"
#include "pdf.h"
#include "report.h"

#define MAX_REPORTS 3   /* the overview and two profiles: enough paths, fast */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_render(const struct report_set *rs, size_t profile, const char *fonts)
{
	char *err = NULL;
	struct pdf_writer *w = pdf_new(fonts, &err);
	if (w == NULL) {
		/* No fonts: a set-up mistake, not a finding. */
		fprintf(stderr, "fuzz_report: %s\n", err);
		abort();
	}
	struct measurer m = pdf_measurer(w);
	struct ldoc *ld = profile == MODEL_NO_INDEX ? report_overview(rs, &m)
	                : report_profile(rs, profile, &m);
	struct pdf_info info = { .title = rs->doc->title, .creator = "fuzz" };
	unsigned char *bytes = NULL;
	size_t len = 0;
	if (!pdf_render(w, ld, &info, &bytes, &len, &err))
		free(err);
	free(bytes);
	layout_doc_free(ld);
	pdf_free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;
	fuzz_run_start(&r, data, size);
	if (r.valid) {
		const char *fonts = getenv("VERDICT_FONT_DIR");
		struct report_set rs = {
			.doc = r.doc, .pat = r.pat, .u = r.u, .scenarios = r.scen,
			.profiles = r.prof, .input_name = "fuzz.xml", .sha256 = "0",
			.generated = "2026-01-01", .version = "fuzz",
		};
		S_render(&rs, MODEL_NO_INDEX, fonts ? fonts : "fonts");
		for (size_t p = 0; p + 1 < MAX_REPORTS && p < r.doc->nprofiles; p++)
			S_render(&rs, p, fonts ? fonts : "fonts");
	}
	fuzz_run_end(&r);
	return 0;
}
