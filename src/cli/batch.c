/* batch.c - the batch: inputs, the work list, shards, the JSON summary.
 *
 * Each input is read (load_file), checked and judged, and its diagnostics
 * printed; then the (input, report) work list, cut to this run's shard, is
 * handed to writes.c (one process or --jobs workers, each PDF atomically
 * and durably), and the JSON summary is written last. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "baseline.h"
#include "change.h"
#include "check.h"
#include "cli.h"
#include "diag.h"
#include "fsutil.h"
#include "json.h"
#include "load.h"
#include "model.h"
#include "oom.h"
#include "patterns.h"
#include "pdf.h"
#include "verdict.h"
#include "xstr.h"

void cli_run_cleanup(struct cli_run *r)
{
	for (size_t i = 0; i < r->ninputs; i++) {
		model_free(r->inputs[i].doc);
		diags_free(&r->inputs[i].diags);
		arena_free(r->inputs[i].arena);
	}
	for (size_t i = 0; i < r->ndirs; i++)
		fs_free_list(r->dirs[i], r->ndirs_files[i]);
	free(r->dirs);
	free(r->ndirs_files);
	free(r->inputs);
	free(r->items);
	patterns_user_free(r->filter);
	patterns_free(r->pat);
	pdf_charset_free(r->charset);
	free(r->ids);
	for (size_t i = 0; r->printed != NULL && i <= r->printed_mask; i++)
		free(r->printed[i]);
	free(r->printed);
	arena_free(r->base_arena);
}

/* ---- reading and judging ------------------------------------------------ */

static void S_judge(struct cli_run *r, struct cli_input *in)
{
	const struct doc *doc = in->doc;
	in->arena = arena_new();
	in->close_call = r->opt.has_close_call ? r->opt.close_call
	               : doc->report.has_close_call ? doc->report.close_call
	               : VERDICT_DEFAULT_CLOSE_CALL;
	in->u = verdict_normalise(doc, in->arena);
	in->scen = arena_array(in->arena, doc->nscenarios, sizeof *in->scen);
	for (size_t s = 0; s < doc->nscenarios; s++)
		in->scen[s] = verdict_scenario(doc, in->u, s, in->close_call, in->arena);
	in->prof = arena_array(in->arena, doc->nprofiles, sizeof *in->prof);
	in->pdf = arena_array(in->arena, doc->nprofiles, sizeof *in->pdf);
	for (size_t p = 0; p < doc->nprofiles; p++)
		if (r->filter == NULL || patterns_user_match(r->filter, doc->profiles[p].id))
			in->prof[p] = verdict_profile(doc, in->u, p, in->close_call, in->arena);
}

/* The fonts' folder, which cli_batch chose once (fontdir.c). */
static const char *S_font_dir(const struct cli_options *o)
{
	return o->font_dir;
}

/* Before any report: says (with -v) which folder the fonts come from, or,
 * when a face cannot be read there, says which file is missing and where
 * it looked; false then (exit 3), and no report is tried.  given: the
 * folder came from --font-dir. */
static bool S_fonts_ready(const struct cli_run *r, bool given)
{
	static const char *const faces[] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
	for (size_t i = 0; i < sizeof faces / sizeof *faces; i++) {
		char *path = xstr_printf("%s/%s", r->opt.font_dir, faces[i]);
		bool ok = access(path, R_OK) == 0;
		if (!ok)
			fprintf(stderr, "verdict: error: missing font %s (%s)\n", path,
			        given ? "the folder given with --font-dir"
			              : "install verdict with 'make install', or pass --font-dir DIR");
		free(path);
		if (!ok)
			return false;
	}
	if (r->opt.verbosity > 0)
		fprintf(stderr, "verdict: fonts from %s\n", r->opt.font_dir);
	return true;
}

/* What check_glyphs asks: whether the fonts draw cp, counting in *chars
 * the distinct characters beyond ASCII the reports will draw (one
 * replacement mark for all those the fonts lack), and in *latin those of
 * them the latin fonts lack (pdf.h). */
struct glyph_query {
	const struct pdf_charset *cs;
	uint32_t *seen;           /* [65536 / 32] */
	size_t *chars, *beyond_latin;
};

static bool S_has_char(const void *ctx, unsigned long cp)
{
	const struct glyph_query *q = ctx;
	bool has = pdf_charset_has(q->cs, cp);
	unsigned long drawn = has ? cp : 0xFFFD;
	if (drawn >= 0x80 && !(q->seen[drawn / 32] >> (drawn % 32) & 1)) {
		q->seen[drawn / 32] |= UINT32_C(1) << (drawn % 32);
		++*q->chars;
		*q->beyond_latin += !pdf_charset_latin(q->cs, drawn);
	}
	return has;
}

/* The checks beyond the document, with what the PDF module knows: the
 * fonts' characters (read once, when the first valid input needs them;
 * unreadable fonts are not reported here, writing a report says so) and
 * whether the logo decodes (when not, the reports are drawn without it). */
static void S_outside(struct cli_run *r, struct cli_input *in)
{
	if (!r->charset_tried) {
		char *err = NULL;
		r->charset = pdf_charset_load(S_font_dir(&r->opt), &err);
		r->charset_tried = true;
		free(err);
	}
	size_t chars = 0, beyond_latin = 0;
	struct glyph_query q = { r->charset, calloc(65536 / 32, sizeof *q.seen), &chars,
	                         &beyond_latin };
	if (q.seen == NULL)
		oom_abort();
	if (r->charset != NULL)
		check_glyphs(in->doc, S_has_char, &q, &in->diags);
	free(q.seen);
	in->utf8 = beyond_latin > 0 && pdf_may_need_utf8(chars);
	if (check_logo(in->doc, pdf_image_probe, &in->logo_w, &in->logo_h, &in->diags))
		in->logo = arena_strdup(in->arena, in->doc->meta.logo_path);
}

static void S_read(struct cli_run *r, struct cli_input *in)
{
	diags_init(&in->diags);
	struct load_opts lo = { .max_bytes = r->opt.max_bytes, .sha256 = in->sha };
	in->doc = load_file(in->path, &lo, &in->diags);
	in->has_sha = in->sha[0] != '\0';
	if (in->doc == NULL)
		return;
	bool ok = in->diags.errors == 0;
	in->doc->today = r->generated;
	ok = check_doc(in->doc, r->pat, &in->diags) && ok;
	in->valid = ok;
	if (ok) {
		S_judge(r, in);
		S_outside(r, in);
	}
	/* --strict: the input's warnings are errors, so it is invalid. */
	if (r->opt.strict && in->diags.warnings > 0) {
		diags_promote(&in->diags);
		in->valid = false;
	}
}

/* Refuses a valid input whose comparison id an earlier one has: their
 * reports would share a folder.  r->ids collects the valid ones. */
static void S_claim_id(struct cli_run *r, struct cli_input *in)
{
	if (!in->valid)
		return;
	in->valid = check_id_unique(in->doc, r->ids, r->nids, r->opt.out_dir, &in->diags);
	if (in->valid)
		r->ids[r->nids++] = in->doc;
}

static size_t S_hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return (size_t)(h ^ (h >> 29));
}

/* Adds key (taking it over) to the run's set of printed diagnostics;
 * false (and key freed) when it was there already. */
static bool S_first_time(struct cli_run *r, char *key)
{
	if (2 * (r->printed_n + 1) > (r->printed ? r->printed_mask + 1 : 0)) {
		size_t cap = r->printed ? 2 * (r->printed_mask + 1) : 64;
		char **t = calloc(cap, sizeof *t);
		if (t == NULL)
			oom_abort();
		for (size_t i = 0; r->printed != NULL && i <= r->printed_mask; i++) {
			if (r->printed[i] == NULL)
				continue;
			size_t k = S_hash(r->printed[i]) & (cap - 1);
			while (t[k] != NULL)
				k = (k + 1) & (cap - 1);
			t[k] = r->printed[i];
		}
		free(r->printed);
		r->printed = t;
		r->printed_mask = cap - 1;
	}
	size_t k = S_hash(key) & r->printed_mask;
	for (; r->printed[k] != NULL; k = (k + 1) & r->printed_mask)
		if (strcmp(r->printed[k], key) == 0) {
			free(key);
			return false;
		}
	r->printed[k] = key;
	r->printed_n++;
	return true;
}

/* " (included from FILE:LINE, from FILE:LINE)" for a diagnostic about an
 * included file, innermost include first; NULL for the input's own. */
static char *S_included_from(const struct diags *ds, const char *file)
{
	const struct diag_include *inc = diags_included_from(ds, file);
	if (inc == NULL)
		return NULL;
	char *s = xstr_printf(" (included from %s:%ld", inc->from, inc->line);
	/* Cycles are refused by the loader; the bound is its nesting limit. */
	for (int depth = 0; depth < 32 && (inc = diags_included_from(ds, inc->from)) != NULL;
	     depth++) {
		char *t = xstr_printf("%s, from %s:%ld", s, inc->from, inc->line);
		free(s);
		s = t;
	}
	char *t = xstr_printf("%s)", s);
	free(s);
	return t;
}

/* Errors always; warnings only with -v (cron mails whatever a job prints,
 * and a valid input is a success).  The JSON has them all.  A message
 * about an included file says where it was included from, and is printed
 * once per run however many inputs include that file; an input whose
 * errors there were printed before, for another input, gets one line at
 * its own xi:include saying so, so that every invalid input is named. */
static void S_print_diags(struct cli_run *r, struct cli_input *in)
{
	diags_sort(&in->diags);
	bool warnings = r->opt.verbosity > 0;
	size_t *repeats = calloc(in->diags.nincludes + 1, sizeof *repeats);
	if (repeats == NULL)
		oom_abort();
	for (size_t i = 0; i < in->diags.count; i++) {
		const struct diag *d = &in->diags.items[i];
		if (d->level == DIAG_WARNING && !warnings)
			continue;
		const char *level = d->level == DIAG_ERROR ? "error" : "warning";
		char *from = S_included_from(&in->diags, d->file);
		if (from != NULL && !S_first_time(r, xstr_printf("%s %s:%ld: %s", level, d->file,
		                                                 d->line, d->message))) {
			const struct diag_include *inc = diags_included_from(&in->diags, d->file);
			if (d->level == DIAG_ERROR && inc != NULL)
				repeats[inc - in->diags.includes]++;
			free(from);
			continue;
		}
		fprintf(stderr, "%s:%ld: %s: %s%s\n", d->file, d->line, level, d->message,
		        from != NULL ? from : "");
		free(from);
	}
	for (size_t k = 0; k < in->diags.nincludes; k++) {
		const struct diag_include *inc = &in->diags.includes[k];
		if (repeats[k] > 0)
			fprintf(stderr, "%s:%ld: error: %s, included here, has %zu error%s printed above "
			        "for an input before this one\n", inc->from, inc->line, inc->file,
			        repeats[k], repeats[k] == 1 ? "" : "s");
	}
	free(repeats);
	if (in->diags.truncated)
		fprintf(stderr, "%s:1: error: too many errors (%zu); only the first %zu are shown\n",
		        in->path, in->diags.errors, in->diags.max_errors);
}

/* ---- writing reports ------------------------------------------------------ */

static char *S_path(struct arena *a, const char *dir, const char *id, const char *name)
{
	size_t l = strlen(dir);
	return arena_printf(a, "%s%s%s/%s.pdf", dir, l && dir[l - 1] == '/' ? "" : "/", id, name);
}

/* ---- the batch ---------------------------------------------------------------- */

static void S_add_input(struct cli_run *r, const char *path, size_t *cap)
{
	if (r->ninputs == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		r->inputs = realloc(r->inputs, *cap * sizeof *r->inputs);
		if (r->inputs == NULL)
			oom_abort();
	}
	r->inputs[r->ninputs++] = (struct cli_input){ .path = path };
}

/* Whether --profile selects the overview, whose id is "overview" (SPEC 6.6). */
static bool S_overview_selected(const struct cli_run *r)
{
	return r->filter == NULL || patterns_user_match(r->filter, "overview");
}

/* Whether --profile matches some report (a profile or the overview) of some
 * input that could be loaded; true without --profile or with no such input. */
static bool S_filter_matches(const struct cli_run *r)
{
	bool loaded = false;
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct cli_input *in = &r->inputs[i];
		if (in->doc == NULL)
			continue;
		loaded = true;
		for (size_t p = 0; p < in->doc->nprofiles; p++)
			if (in->doc->profiles[p].id != NULL &&
			    patterns_user_match(r->filter, in->doc->profiles[p].id))
				return true;
	}
	return !loaded || S_overview_selected(r);
}

/* The work list: per valid input its overview, then its selected profiles;
 * --shard keeps every N-th item, which spreads big inputs over shards. */
static void S_items(struct cli_run *r)
{
	size_t cap = 0, seq = 0;
	for (size_t i = 0; i < r->ninputs; i++) {
		struct cli_input *in = &r->inputs[i];
		if (!in->valid)
			continue;
		for (size_t p = 0; p <= in->doc->nprofiles; p++) {
			size_t prof = p == 0 ? MODEL_NO_INDEX : p - 1;
			if (prof != MODEL_NO_INDEX ? in->prof[prof] == NULL : !S_overview_selected(r))
				continue;
			if ((long)(seq++ % (size_t)r->opt.shard_n) != r->opt.shard_k - 1)
				continue;
			if (r->nitems == cap) {
				cap = cap ? cap * 2 : 16;
				r->items = realloc(r->items, cap * sizeof *r->items);
				if (r->items == NULL)
					oom_abort();
			}
			r->items[r->nitems++] = (struct cli_item){ i, prof };
			if (prof == MODEL_NO_INDEX)
				in->overview = S_path(in->arena, r->opt.out_dir, in->doc->id, "overview");
			else
				in->pdf[prof] = S_path(in->arena, r->opt.out_dir, in->doc->id,
				                       in->doc->profiles[prof].id);
		}
	}
}

/* -v: one line per changed verdict (SPEC 6.5). */
static void S_print_change(struct cli_input *in, size_t p, const struct change *ch)
{
	fprintf(stderr, "%s: %s: %s\n", in->path, in->doc->profiles[p].id,
	        change_line(in->doc, in->prof[p], ch, in->arena));
}

/* --baseline (SPEC 6.5): reads the summary and works out, per judged
 * profile, what changed since.  A file that is not a summary, or a summary
 * of other comparisons only, is an error (false) before anything is
 * written. */
static bool S_baseline(struct cli_run *r)
{
	const char *path = r->opt.baseline;
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	bool too_big = false;
	if (!fs_read(path, (size_t)1 << 30, &buf, &len, &too_big, &err)) {
		fprintf(stderr, "%s: error: cannot read the baseline: %s\n", path,
		        too_big ? "larger than 1 GiB" : err ? err : "");
		free(err);
		free(buf);
		return false;
	}
	r->base_arena = arena_new();
	const char *why = NULL;
	r->base = baseline_parse(buf, len, r->base_arena, &why);
	free(buf);
	if (r->base == NULL) {
		fprintf(stderr, "%s: error: the baseline is %s\n", path, why);
		return false;
	}
	const char *first = NULL;    /* the first valid input's id */
	bool match = false;
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct cli_input *in = &r->inputs[i];
		if (!in->valid)
			continue;
		first = first ? first : in->doc->id;
		match |= baseline_input(r->base, in->doc->id) != NULL;
	}
	if (first != NULL && !match) {
		fprintf(stderr, "%s: error: the baseline is a summary of another comparison "
		        "(%s%s), not of %s\n", path,
		        r->base->ninputs && r->base->inputs[0].id ? r->base->inputs[0].id : "no id",
		        r->base->ninputs > 1 ? ", ..." : "", first);
		return false;
	}
	for (size_t i = 0; i < r->ninputs; i++) {
		struct cli_input *in = &r->inputs[i];
		if (!in->valid)
			continue;
		const struct baseline_input *bi = baseline_input(r->base, in->doc->id);
		in->changes = arena_array(in->arena, in->doc->nprofiles, sizeof *in->changes);
		for (size_t p = 0; p < in->doc->nprofiles; p++) {
			if (in->prof[p] == NULL)
				continue;
			const struct change *ch = in->changes[p] = change_compute(
				in->doc, in->u, in->prof[p], bi,
				baseline_profile(bi, in->doc->profiles[p].id), in->arena);
			if (ch->verdict_changed && r->opt.verbosity > 0)
				S_print_change(in, p, ch);
		}
	}
	return true;
}

static bool S_json(const struct cli_run *r, const bool *done)
{
	struct json_input *ji = calloc(r->ninputs ? r->ninputs : 1, sizeof *ji);
	if (ji == NULL)
		oom_abort();
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct cli_input *in = &r->inputs[i];
		ji[i] = (struct json_input){ .file = in->path,
		                             .sha256 = in->has_sha ? in->sha : NULL,
		                             .doc = in->doc, .valid = in->valid,
		                             .diags = &in->diags, .scenarios = in->scen,
		                             .profiles = in->prof };
		if (in->doc != NULL) {   /* SPEC 6.4 */
			ji[i].files = in->doc->files;
			ji[i].nfiles = in->doc->nfiles;
			ji[i].fingerprint = in->doc->fingerprint;
		}
	}
	for (size_t i = 0; i < r->ninputs; i++) {
		ji[i].generated = r->generated;
		ji[i].u = r->inputs[i].valid ? r->inputs[i].u : NULL;
		ji[i].changes = r->inputs[i].changes;
	}
	/* A PDF path is reported only when this run wrote it. */
	for (size_t k = 0; done != NULL && k < r->nitems; k++) {
		const struct cli_item *it = &r->items[k];
		struct cli_input *in = &r->inputs[it->input];
		if (done[k])
			continue;
		if (it->profile != MODEL_NO_INDEX)
			in->pdf[it->profile] = NULL;
		else
			in->overview = NULL;
	}
	for (size_t i = 0; i < r->ninputs; i++)
		if (r->inputs[i].valid) {
			ji[i].pdf = (const char *const *)r->inputs[i].pdf;
			ji[i].overview_pdf = r->inputs[i].overview;
		}
	bool ok;
	char *err = NULL;
	if (strcmp(r->opt.json, "-") == 0) {
		ok = json_write(stdout, ji, r->ninputs, VERDICT_VERSION) && fflush(stdout) == 0;
		if (!ok)
			err = xstr_printf("%s", strerror(errno));
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		ok = mem != NULL && json_write(mem, ji, r->ninputs, VERDICT_VERSION);
		if (mem != NULL)
			fclose(mem);
		ok = ok && fs_write_to(r->opt.json, buf, len, &err);
		free(buf);
	}
	if (!ok && !cli_stop_pending())   /* a signal interrupted it: cli_batch says so */
		fprintf(stderr, "%s: error: cannot write the JSON summary%s%s\n", r->opt.json,
		        err ? ": " : "", err ? err : "");
	free(err);
	free(ji);
	return ok;
}

/* The inputs: each file named, and the *.xml of each directory named (in
 * name order); false when a directory cannot be listed. */
static bool S_inputs(struct cli_run *r, char *const *files, size_t nfiles)
{
	bool ok = true;
	size_t cap = 0;
	r->dirs = calloc(nfiles ? nfiles : 1, sizeof *r->dirs);
	r->ndirs_files = calloc(nfiles ? nfiles : 1, sizeof *r->ndirs_files);
	if (r->dirs == NULL || r->ndirs_files == NULL)
		oom_abort();
	for (size_t i = 0; i < nfiles; i++) {
		if (!fs_is_dir(files[i])) {
			S_add_input(r, files[i], &cap);
			continue;
		}
		char *err = NULL;
		size_t d = r->ndirs;
		if (!fs_list_xml(files[i], &r->dirs[d], &r->ndirs_files[d], &err)) {
			fprintf(stderr, "%s: error: %s\n", files[i], err);
			free(err);
			ok = false;
			continue;
		}
		r->ndirs++;
		if (r->ndirs_files[d] == 0 && r->opt.verbosity >= 0)
			fprintf(stderr, "%s: warning: no *.xml files in this directory\n", files[i]);
		for (size_t k = 0; k < r->ndirs_files[d]; k++)
			S_add_input(r, r->dirs[d][k], &cap);
	}
	r->ids = calloc(r->ninputs ? r->ninputs : 1, sizeof *r->ids);
	if (r->ids == NULL)
		oom_abort();
	return ok;
}

/* A run stopped by a signal says so, and how far it got; it writes no
 * JSON summary (it would describe a run that did not finish), or none
 * whole when the signal came while writing it. */
static void S_stopped(const struct cli_run *r, const bool *done, int sig)
{
	size_t written = 0;
	for (size_t i = 0; done != NULL && i < r->nitems; i++)
		written += done[i];
	if (r->opt.check_only)
		fprintf(stderr, "verdict: stopped by signal %d (%s), no JSON summary\n", sig,
		        strsignal(sig));
	else
		fprintf(stderr, "verdict: stopped by signal %d (%s): %zu of %zu reports written, "
		        "no JSON summary\n", sig, strsignal(sig), written, r->nitems);
}

int cli_batch(struct cli_setup *s, char *const *files, size_t nfiles)
{
	struct cli_run r = { .opt = s->opt, .pat = s->pat, .filter = s->filter, .now = s->now,
	                 .tty = isatty(STDERR_FILENO) };
	r.opt.font_dir = cli_font_dir(s->opt.font_dir);
	struct tm tm;
	gmtime_r(&r.now, &tm);
	strftime(r.generated, sizeof r.generated, "%Y-%m-%d", &tm);
	cli_stop_install();
	int status = S_inputs(&r, files, nfiles) ? 0 : CLI_EXIT_SYSTEM;
	for (size_t i = 0; i < r.ninputs; i++) {
		S_read(&r, &r.inputs[i]);
		S_claim_id(&r, &r.inputs[i]);
		S_print_diags(&r, &r.inputs[i]);
		if (!r.inputs[i].valid && status == 0)
			status = CLI_EXIT_INVALID;
	}
	/* -p that selects nothing is a mistake in the command, not a quiet success. */
	if (r.filter != NULL && !S_filter_matches(&r)) {
		fprintf(stderr, "verdict: --profile '%s' matches no report\n", r.opt.profile_re);
		cli_run_cleanup(&r);
		return CLI_EXIT_USAGE;
	}
	/* SPEC 6.5: a bad baseline is a usage error, and nothing is written */
	if (r.opt.baseline != NULL && !S_baseline(&r)) {
		cli_run_cleanup(&r);
		return CLI_EXIT_USAGE;
	}
	/* the checks are done: the writers read the fonts again for themselves */
	pdf_charset_free(r.charset);
	r.charset = NULL;
	bool *done = NULL;
	if (!r.opt.check_only) {
		S_items(&r);
		done = calloc(r.nitems ? r.nitems : 1, sizeof *done);
		if (done == NULL)
			oom_abort();
		if (r.nitems && (!S_fonts_ready(&r, s->opt.font_dir != NULL) || !cli_write_reports(&r, done)))
			status = CLI_EXIT_SYSTEM;
	}
	if (!cli_stop_pending() && r.opt.json != NULL && !S_json(&r, done))
		status = CLI_EXIT_SYSTEM;
	int sig = cli_stop_pending();
	if (sig != 0)
		S_stopped(&r, done, sig);
	free(done);
	cli_run_cleanup(&r);
	if (sig != 0)
		cli_stop_die(sig);
	return status;
}
