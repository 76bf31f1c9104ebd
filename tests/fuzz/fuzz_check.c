/* fuzz_check.c - libFuzzer target: bytes through load, check, every
 * verdict and the JSON summary (what --check --json does). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;
	fuzz_run_start(&r, data, size);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem != NULL) {
		struct json_input ji = {
			.file = "fuzz.xml", .sha256 = "0", .doc = r.doc, .valid = r.valid,
			.diags = &r.diags, .scenarios = r.valid ? r.scen : NULL,
			.profiles = r.valid ? r.prof : NULL, .pdf = NULL,
		};
		json_write(mem, &ji, 1, "fuzz");
		fclose(mem);
	}
	free(buf);
	fuzz_run_end(&r);
	return 0;
}
