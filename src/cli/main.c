/* main.c - the command line: options, the batch, files and exit codes.
 *
 * The only module that prints or exits.  Each input is read, hashed,
 * loaded, checked and judged; then the (input, report) work list, cut to
 * this run's shard, is written by one process or by --jobs workers. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "fsutil.h"
#include "json.h"
#include "load.h"
#include "model.h"
#include "patterns.h"
#include "pdf.h"
#include "report.h"
#include "verdict.h"

#ifndef VERDICT_VERSION
#define VERDICT_VERSION "0.0.0"
#endif
#ifndef VERDICT_SYSTEM_FONTS
#define VERDICT_SYSTEM_FONTS "/usr/share/fonts/truetype/dejavu"
#endif

enum { EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

struct options {
	const char *out_dir, *profile_re, *json, *font_dir;
	bool check_only, has_close_call;
	double close_call;
	long jobs, shard_k, shard_n;
	int verbosity;            /* -1 quiet, 0 normal, 1 verbose */
	size_t max_bytes;
};

struct input {
	const char *path;
	char sha[65];
	bool has_sha, valid;
	struct doc *doc;
	struct diags diags;
	struct arena *arena;      /* verdicts and paths */
	double *u, close_call;
	struct verdict **scen, **prof;   /* prof[p] NULL when filtered out */
	char **pdf;               /* per profile, set when written */
	char *overview;
	char *logo;               /* the logo's path when it can be embedded */
	double logo_w, logo_h;    /* its size in pixels */
};

struct item {
	size_t input;
	size_t profile;           /* MODEL_NO_INDEX: the overview */
};

struct run {
	struct options opt;
	struct patterns *pat;
	struct user_regex *filter;
	struct input *inputs;
	size_t ninputs;
	struct item *items;
	size_t nitems;
	char ***dirs;             /* per directory argument, its *.xml files */
	size_t *ndirs_files, ndirs;
	char generated[32];
	time_t now;
	bool tty;
	struct pdf_charset *charset;   /* what the fonts draw; NULL: not readable */
	bool charset_tried;
};

/* Frees everything the run holds; also called by --jobs workers before
 * they exit, so that memory checkers see a clean exit there too. */
static void S_cleanup(struct run *r)
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
}

static void S_usage(FILE *out)
{
	fputs("usage: verdict [options] FILE...\n"
	      "  FILE                  an input, or a directory of *.xml\n"
	      "  -o, --output DIR      output root (default: output)\n"
	      "  -p, --profile REGEX   only profiles whose id matches (PCRE2)\n"
	      "      --check           validate only, write nothing\n"
	      "      --json FILE       the JSON summary to FILE ('-' = stdout)\n"
	      "      --close-call N    override the close-call threshold (points)\n"
	      "  -j, --jobs N          reports built in parallel (processes)\n"
	      "      --shard K/N       only the K-th of N slices of the work list\n"
	      "      --font-dir DIR    DejaVuSans.ttf and DejaVuSans-Bold.ttf (default: fonts,\n"
	      "                        else " VERDICT_SYSTEM_FONTS ")\n"
	      "      --max-bytes N     refuse inputs larger than N bytes (default: 32 MiB)\n"
	      "  -q, --quiet           errors only\n"
	      "  -v, --verbose         warnings and every file written\n"
	      "      --help, --version\n"
	      "Exit status: 0 all valid and written, 1 some input invalid, 2 usage,\n"
	      "3 output or system failure.\n", out);
}

static _Noreturn void S_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static _Noreturn void S_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("verdict: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'verdict --help'.\n", stderr);
	exit(EXIT_USAGE);
}

/* A whole decimal number in [lo, hi], or a usage error naming opt. */
static long S_long(const char *s, long lo, long hi, const char *opt)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		S_usage_error("%s: '%s' is not a whole number from %ld to %ld", opt, s, lo, hi);
	return v;
}

static void S_options(int argc, char **argv, struct options *o)
{
	enum { O_CHECK = 256, O_JSON, O_CLOSE, O_SHARD, O_HELP, O_VERSION, O_FONTS, O_MAX };
	static const struct option longs[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "profile", required_argument, NULL, 'p' },
		{ "check", no_argument, NULL, O_CHECK },
		{ "json", required_argument, NULL, O_JSON },
		{ "close-call", required_argument, NULL, O_CLOSE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shard", required_argument, NULL, O_SHARD },
		{ "font-dir", required_argument, NULL, O_FONTS },
		{ "max-bytes", required_argument, NULL, O_MAX },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, O_HELP },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	*o = (struct options){ .out_dir = "output", .jobs = 1, .shard_k = 1, .shard_n = 1,
	                       .max_bytes = LOAD_DEFAULT_MAX_BYTES };
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:p:j:qv", longs, NULL)) != -1) {
		switch (c) {
		case 'o': o->out_dir = optarg; break;
		case 'p': o->profile_re = optarg; break;
		case O_CHECK: o->check_only = true; break;
		case O_JSON: o->json = optarg; break;
		case O_FONTS: o->font_dir = optarg; break;
		case 'q': o->verbosity = -1; break;
		case 'v': o->verbosity = 1; break;
		case 'j': o->jobs = S_long(optarg, 1, 256, "--jobs"); break;
		case O_MAX: o->max_bytes = (size_t)S_long(optarg, 1, LONG_MAX, "--max-bytes"); break;
		case O_CLOSE: {
			char *end;
			o->close_call = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !isfinite(o->close_call) || o->close_call < 0)
				S_usage_error("--close-call: '%s' is not a number >= 0", optarg);
			o->has_close_call = true;
			break;
		}
		case O_SHARD: {
			char *end;
			long k = strtol(optarg, &end, 10), n = 0;
			if (end != optarg && *end == '/') {
				char *e2;
				n = strtol(end + 1, &e2, 10);
				if (*e2 != '\0' || e2 == end + 1)
					n = 0;
			}
			if (n < 1 || k < 1 || k > n || n > 100000)
				S_usage_error("--shard: '%s' is not K/N with 1 <= K <= N", optarg);
			o->shard_k = k;
			o->shard_n = n;
			break;
		}
		case O_HELP: S_usage(stdout); exit(0);
		case O_VERSION: printf("verdict %s\n", VERDICT_VERSION); exit(0);
		case ':': S_usage_error("option '%s' needs a value", argv[optind - 1]);
		default: S_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		S_usage_error("%s", "no input files");
}

/* ---- reading and judging ------------------------------------------------ */

static void S_judge(struct run *r, struct input *in)
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

static const char *S_font_dir(const struct options *o)
{
	if (o->font_dir != NULL)
		return o->font_dir;
	return access("fonts/DejaVuSans.ttf", R_OK) == 0 ? "fonts" : VERDICT_SYSTEM_FONTS;
}

static bool S_has_char(const void *ctx, unsigned long cp)
{
	return pdf_charset_has(ctx, cp);
}

/* Warns about every character of the input the fonts lack.  Unreadable
 * fonts are not reported here: writing a report says so. */
static void S_glyphs(struct run *r, struct input *in)
{
	if (!r->charset_tried) {
		char *err = NULL;
		r->charset = pdf_charset_load(S_font_dir(&r->opt), &err);
		r->charset_tried = true;
		free(err);
	}
	if (r->charset != NULL)
		report_check_glyphs(in->doc, S_has_char, r->charset, &in->diags);
}

/* Checks that the logo the loader found (a PNG or JPEG file inside the
 * input's tree) decodes and is not too large to embed; when it is not, a
 * warning, and the reports are drawn without it. */
static void S_logo(struct input *in)
{
	const struct meta *m = &in->doc->meta;
	char *why = NULL;
	if (m->logo_path == NULL)
		return;
	if (pdf_image_probe(m->logo_path, &in->logo_w, &in->logo_h, &why)) {
		in->logo = arena_strdup(in->arena, m->logo_path);
		return;
	}
	diags_add(&in->diags, DIAG_WARNING, m->logo_pos.file, m->logo_pos.line,
	          "logo not shown: %s: %s", m->logo, why);
	free(why);
}

static void S_read(struct run *r, struct input *in)
{
	char *buf = NULL, *err = NULL;
	size_t len;
	bool too_big;
	diags_init(&in->diags);
	if (!fs_read(in->path, r->opt.max_bytes, &buf, &len, &too_big, &err)) {
		if (too_big)
			diags_add(&in->diags, DIAG_ERROR, in->path, 1,
			          "file is larger than %zu bytes (raise the limit with --max-bytes)",
			          r->opt.max_bytes);
		else
			diags_add(&in->diags, DIAG_ERROR, in->path, 1, "%s", err);
		free(err);
		return;
	}
	fs_sha256_hex(buf, len, in->sha);
	in->has_sha = true;
	struct load_opts lo = { .max_bytes = r->opt.max_bytes };
	in->doc = load_memory(buf, len, in->path, &lo, &in->diags);
	free(buf);
	if (in->doc == NULL)
		return;
	bool ok = in->diags.errors == 0;
	ok = check_doc(in->doc, r->pat, &in->diags) && ok;
	in->valid = ok;
	if (ok) {
		S_judge(r, in);
		S_glyphs(r, in);
		S_logo(in);
	}
}

/* Two inputs with one comparison id would write the same output folder:
 * the later one is refused, at its root element. */
static void S_claim_id(struct run *r, size_t i)
{
	struct input *in = &r->inputs[i];
	for (size_t k = 0; in->valid && k < i; k++) {
		const struct input *o = &r->inputs[k];
		if (!o->valid || strcmp(o->doc->id, in->doc->id) != 0)
			continue;
		diags_add(&in->diags, DIAG_ERROR, in->doc->pos.file, in->doc->pos.line,
		          "comparison id '%s' is also the id of %s; their reports would "
		          "overwrite each other in %s/%s", in->doc->id, o->path,
		          r->opt.out_dir, in->doc->id);
		in->valid = false;
	}
}

/* Errors always; warnings only with -v (cron mails whatever a job prints,
 * and a valid input is a success).  The JSON has them all. */
static void S_print_diags(const struct run *r, struct input *in)
{
	diags_sort(&in->diags);
	bool warnings = r->opt.verbosity > 0;
	for (size_t i = 0; i < in->diags.count; i++) {
		const struct diag *d = &in->diags.items[i];
		if (d->level == DIAG_WARNING && !warnings)
			continue;
		fprintf(stderr, "%s:%ld: %s: %s\n", d->file, d->line,
		        d->level == DIAG_ERROR ? "error" : "warning", d->message);
	}
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

/* Builds and writes one report; false with *err on failure. */
static bool S_write(const struct run *r, const struct item *it, char **err)
{
	const struct input *in = &r->inputs[it->input];
	const struct doc *doc = in->doc;
	struct report_set rs = { .doc = doc, .pat = r->pat, .u = in->u, .scenarios = in->scen,
	                         .profiles = in->prof, .input_name = in->path, .sha256 = in->sha,
	                         .generated = r->generated, .version = VERDICT_VERSION,
	                         .logo = in->logo,
	                         .logo_w = in->logo_w, .logo_h = in->logo_h };
	struct pdf_writer *w = pdf_new(S_font_dir(&r->opt), err);
	if (w == NULL)
		return false;
	if (in->logo != NULL && !pdf_image_add(w, in->logo, in->logo, err)) {
		pdf_free(w);
		return false;
	}
	struct measurer m = pdf_measurer(w);
	bool overview = it->profile == MODEL_NO_INDEX;
	struct ldoc *ld = overview ? report_overview(&rs, &m) : report_profile(&rs, it->profile, &m);
	struct arena *a = arena_new();
	char *creator = arena_printf(a, "verdict %s", VERDICT_VERSION);
	struct pdf_info info = {
		.title = report_expand(&rs, it->profile, doc->title, a),
		.author = doc->meta.author ? doc->meta.author : doc->meta.organisation,
		.subject = overview ? "Overview of every team profile" : doc->profiles[it->profile].name,
		.creator = creator, .created = r->now,
	};
	unsigned char *bytes = NULL;
	size_t len = 0;
	bool ok = pdf_render(w, ld, &info, &bytes, &len, err);
	layout_doc_free(ld);
	pdf_free(w);
	const char *path = overview ? in->overview : in->pdf[it->profile];
	char *dir = arena_printf(a, "%.*s", (int)(strrchr(path, '/') - path), path);
	ok = ok && fs_mkdirs(dir, err) && fs_write_atomic(path, bytes, len, err);
	free(bytes);
	arena_free(a);
	return ok;
}

/* Writes items k, k+step, ...; reports each success on fd (when >= 0). */
static bool S_work(const struct run *r, size_t k, size_t step, int fd, bool *done)
{
	bool ok = true;
	for (size_t i = k; i < r->nitems; i += step) {
		char *err = NULL;
		const struct item *it = &r->items[i];
		const struct input *in = &r->inputs[it->input];
		const char *path = it->profile == MODEL_NO_INDEX ? in->overview : in->pdf[it->profile];
		if (r->tty && r->opt.verbosity >= 0 && step == 1)
			fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, r->nitems, path);
		if (!S_write(r, it, &err)) {
			if (r->tty && r->opt.verbosity >= 0 && step == 1)
				fputs("\r\033[K", stderr);
			fprintf(stderr, "%s: error: %s\n", path, err ? err : "cannot write the report");
			free(err);
			ok = false;
			continue;
		}
		if (r->opt.verbosity > 0)
			fprintf(stderr, "%swrote %s\n", r->tty && step == 1 ? "\r\033[K" : "", path);
		if (fd >= 0) {
			uint32_t n = (uint32_t)i;
			if (write(fd, &n, sizeof n) != sizeof n)
				ok = false;
		} else {
			done[i] = true;
		}
	}
	if (r->tty && r->opt.verbosity >= 0 && step == 1 && r->nitems)
		fputs("\r\033[K", stderr);
	return ok;
}

/* Runs the work list in --jobs processes; done[i] tells what was written. */
static bool S_parallel(struct run *r, bool *done)
{
	size_t n = (size_t)r->opt.jobs < r->nitems ? (size_t)r->opt.jobs : r->nitems;
	if (n <= 1)
		return S_work(r, 0, 1, -1, done);
	pid_t *pids = calloc(n, sizeof *pids);
	int *fds = calloc(n, sizeof *fds);
	if (pids == NULL || fds == NULL)
		abort();
	bool ok = true;
	fflush(NULL);
	for (size_t k = 0; k < n; k++) {
		int p[2];
		if (pipe(p) != 0) {
			fprintf(stderr, "verdict: error: pipe: %s\n", strerror(errno));
			fds[k] = -1;
			ok = false;
			continue;
		}
		pids[k] = fork();
		if (pids[k] == 0) {
			close(p[0]);
			bool wok = S_work(r, k, n, p[1], NULL);
			close(p[1]);
			fflush(NULL);
			free(pids);
			free(fds);
			free(done);
			S_cleanup(r);
			_exit(wok ? 0 : EXIT_SYSTEM);
		}
		close(p[1]);
		fds[k] = p[0];
		if (pids[k] < 0) {
			fprintf(stderr, "verdict: error: fork: %s\n", strerror(errno));
			close(p[0]);
			fds[k] = -1;
			ok = false;
		}
	}
	for (size_t k = 0; k < n; k++) {
		uint32_t i;
		while (fds[k] >= 0 && read(fds[k], &i, sizeof i) == sizeof i)
			if (i < r->nitems)
				done[i] = true;
		if (fds[k] >= 0)
			close(fds[k]);
		int status;
		if (pids[k] > 0 && (waitpid(pids[k], &status, 0) < 0 || !WIFEXITED(status) ||
		                    WEXITSTATUS(status) != 0))
			ok = false;
	}
	free(pids);
	free(fds);
	return ok;
}

/* ---- the batch ---------------------------------------------------------------- */

static void S_add_input(struct run *r, const char *path, size_t *cap)
{
	if (r->ninputs == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		r->inputs = realloc(r->inputs, *cap * sizeof *r->inputs);
		if (r->inputs == NULL)
			abort();
	}
	r->inputs[r->ninputs++] = (struct input){ .path = path };
}

/* The work list: per valid input its overview, then its selected profiles;
 * --shard keeps every N-th item, which spreads big inputs over shards. */
static void S_items(struct run *r)
{
	size_t cap = 0, seq = 0;
	for (size_t i = 0; i < r->ninputs; i++) {
		struct input *in = &r->inputs[i];
		if (!in->valid)
			continue;
		in->overview = S_path(in->arena, r->opt.out_dir, in->doc->id, "overview");
		for (size_t p = 0; p <= in->doc->nprofiles; p++) {
			size_t prof = p == 0 ? MODEL_NO_INDEX : p - 1;
			if (prof != MODEL_NO_INDEX && in->prof[prof] == NULL)
				continue;
			if ((long)(seq++ % (size_t)r->opt.shard_n) != r->opt.shard_k - 1)
				continue;
			if (r->nitems == cap) {
				cap = cap ? cap * 2 : 16;
				r->items = realloc(r->items, cap * sizeof *r->items);
				if (r->items == NULL)
					abort();
			}
			r->items[r->nitems++] = (struct item){ i, prof };
			if (prof != MODEL_NO_INDEX)
				in->pdf[prof] = S_path(in->arena, r->opt.out_dir, in->doc->id,
				                       in->doc->profiles[prof].id);
		}
	}
}

static bool S_json(const struct run *r, const bool *done)
{
	struct json_input *ji = calloc(r->ninputs ? r->ninputs : 1, sizeof *ji);
	if (ji == NULL)
		abort();
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct input *in = &r->inputs[i];
		ji[i] = (struct json_input){ in->path, in->has_sha ? in->sha : NULL, in->doc,
		                             in->valid, &in->diags, in->scen, in->prof, NULL };
	}
	/* A PDF path is reported only when this run wrote it. */
	for (size_t k = 0; done != NULL && k < r->nitems; k++) {
		const struct item *it = &r->items[k];
		struct input *in = &r->inputs[it->input];
		if (it->profile != MODEL_NO_INDEX && !done[k])
			in->pdf[it->profile] = NULL;
	}
	for (size_t i = 0; i < r->ninputs; i++)
		if (r->inputs[i].valid)
			ji[i].pdf = (const char *const *)r->inputs[i].pdf;
	bool ok;
	char *err = NULL;
	if (strcmp(r->opt.json, "-") == 0) {
		ok = json_write(stdout, ji, r->ninputs, VERDICT_VERSION);
		if (!ok)
			err = strdup(strerror(errno));
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		ok = mem != NULL && json_write(mem, ji, r->ninputs, VERDICT_VERSION);
		if (mem != NULL)
			fclose(mem);
		ok = ok && fs_write_atomic(r->opt.json, buf, len, &err);
		free(buf);
	}
	if (!ok)
		fprintf(stderr, "%s: error: cannot write the JSON summary%s%s\n", r->opt.json,
		        err ? ": " : "", err ? err : "");
	free(err);
	free(ji);
	return ok;
}

/* The generation date: SOURCE_DATE_EPOCH when set, for reproducible output. */
static bool S_clock(struct run *r)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	r->now = time(NULL);
	if (sde != NULL && *sde != '\0') {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
			fprintf(stderr, "verdict: error: SOURCE_DATE_EPOCH '%s' is not a time in seconds\n", sde);
			return false;
		}
		r->now = (time_t)v;
	}
	struct tm tm;
	gmtime_r(&r->now, &tm);
	strftime(r->generated, sizeof r->generated, "%Y-%m-%d", &tm);
	return true;
}

int main(int argc, char **argv)
{
	struct run r = { 0 };
	S_options(argc, argv, &r.opt);
	r.tty = isatty(STDERR_FILENO);
	if (!S_clock(&r))
		return EXIT_USAGE;
	r.pat = patterns_new();
	if (r.pat == NULL) {
		fputs("verdict: error: cannot compile the built-in patterns\n", stderr);
		return EXIT_SYSTEM;
	}
	if (r.opt.profile_re != NULL) {
		char *err = NULL;
		r.filter = patterns_user_new(r.opt.profile_re, &err);
		if (r.filter == NULL) {
			fprintf(stderr, "verdict: --profile: bad pattern '%s': %s\n", r.opt.profile_re,
			        err ? err : "");
			free(err);
			patterns_free(r.pat);
			return EXIT_USAGE;
		}
	}
	int status = 0;
	size_t cap = 0;
	r.dirs = calloc((size_t)argc, sizeof *r.dirs);
	r.ndirs_files = calloc((size_t)argc, sizeof *r.ndirs_files);
	if (r.dirs == NULL || r.ndirs_files == NULL)
		abort();
	for (int i = optind; i < argc; i++) {
		if (!fs_is_dir(argv[i])) {
			S_add_input(&r, argv[i], &cap);
			continue;
		}
		char *err = NULL;
		size_t d = r.ndirs;
		if (!fs_list_xml(argv[i], &r.dirs[d], &r.ndirs_files[d], &err)) {
			fprintf(stderr, "%s: error: %s\n", argv[i], err);
			free(err);
			status = EXIT_SYSTEM;
			continue;
		}
		r.ndirs++;
		if (r.ndirs_files[d] == 0 && r.opt.verbosity >= 0)
			fprintf(stderr, "%s: warning: no *.xml files in this directory\n", argv[i]);
		for (size_t k = 0; k < r.ndirs_files[d]; k++)
			S_add_input(&r, r.dirs[d][k], &cap);
	}
	for (size_t i = 0; i < r.ninputs; i++) {
		S_read(&r, &r.inputs[i]);
		S_claim_id(&r, i);
		S_print_diags(&r, &r.inputs[i]);
		if (!r.inputs[i].valid && status == 0)
			status = EXIT_INVALID;
	}
	bool *done = NULL;
	if (!r.opt.check_only) {
		S_items(&r);
		done = calloc(r.nitems ? r.nitems : 1, sizeof *done);
		if (done == NULL)
			abort();
		if (r.nitems && !S_parallel(&r, done))
			status = EXIT_SYSTEM;
	}
	if (r.opt.json != NULL && !S_json(&r, done))
		status = EXIT_SYSTEM;
	free(done);
	S_cleanup(&r);
	return status;
}
