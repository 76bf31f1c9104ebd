/* main.c - the command line: options, --help and --version, exit codes.
 *
 * With cli/batch.c the only module that prints or exits.  Turns argv and
 * SOURCE_DATE_EPOCH into a struct cli_setup, exiting on usage errors, and
 * hands the inputs to cli_batch(), whose status is the exit status. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "load.h"
#include "patterns.h"

static void S_usage(FILE *out)
{
	fputs("usage: verdict [options] FILE...\n"
	      "  FILE                  an input, or a directory of *.xml\n"
	      "  -o, --output DIR      output root (default: output)\n"
	      "  -p, --profile REGEX   only the reports whose id matches (PCRE2): profile ids,\n"
	      "                        and 'overview' for the overview\n"
	      "      --check           validate only, write nothing\n"
	      "      --init DIR        write a commented starter comparison.xml and a client\n"
	      "                        overlay client.xml into DIR (never overwriting)\n"
	      "      --json FILE       the JSON summary to FILE ('-' = stdout)\n"
	      "      --baseline FILE   say what changed since the summary in FILE\n"
	      "      --close-call N    override the close-call threshold (points)\n"
	      "      --strict          every warning counts as an error (exit 1)\n"
	      "  -j, --jobs N          reports built by N processes in parallel (default: one\n"
	      "                        per processor for 8 reports or more; -j 1: one process)\n"
	      "      --shard K/N       only the K-th of N slices of the work list\n", out);
	fprintf(out, "      --font-dir DIR    DejaVuSans.ttf and DejaVuSans-Bold.ttf (default:\n"
	             "                        %s; fonts in the source tree)\n", cli_share_dir());
	fputs("      --max-bytes N     refuse inputs larger than N bytes (default: 32 MiB)\n"
	      "  -q, --quiet           errors only\n"
	      "  -v, --verbose         warnings and every file written\n"
	      "      --help, --version\n"
	      "Exit status: 0 all valid and written, 1 some input invalid, 2 usage or a bad\n"
	      "--baseline, 3 output or system failure.\n", out);
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
	exit(CLI_EXIT_USAGE);
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

static void S_options(int argc, char **argv, struct cli_options *o)
{
	enum { O_CHECK = 256, O_JSON, O_CLOSE, O_SHARD, O_HELP, O_VERSION, O_FONTS, O_MAX,
	       O_STRICT, O_INIT, O_BASELINE };
	static const struct option longs[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "profile", required_argument, NULL, 'p' },
		{ "check", no_argument, NULL, O_CHECK },
		{ "init", required_argument, NULL, O_INIT },
		{ "json", required_argument, NULL, O_JSON },
		{ "baseline", required_argument, NULL, O_BASELINE },
		{ "close-call", required_argument, NULL, O_CLOSE },
		{ "strict", no_argument, NULL, O_STRICT },
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
	*o = (struct cli_options){ .out_dir = "output", .jobs = 0, .shard_k = 1, .shard_n = 1,
	                       .max_bytes = LOAD_DEFAULT_MAX_BYTES };
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:p:j:qv", longs, NULL)) != -1) {
		switch (c) {
		case 'o': o->out_dir = optarg; break;
		case 'p': o->profile_re = optarg; break;
		case O_CHECK: o->check_only = true; break;
		case O_INIT: o->init_dir = optarg; break;
		case O_STRICT: o->strict = true; break;
		case O_JSON: o->json = optarg; break;
		case O_BASELINE: o->baseline = optarg; break;
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
	if (o->init_dir != NULL && optind < argc)
		S_usage_error("--init takes no input files ('%s')", argv[optind]);
	if (optind >= argc && o->init_dir == NULL)
		S_usage_error("%s", "no input files");
}

/* The generation date: SOURCE_DATE_EPOCH when set, for reproducible output. */
static bool S_clock(time_t *now)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	*now = time(NULL);
	if (sde != NULL && *sde != '\0') {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
			fprintf(stderr, "verdict: error: SOURCE_DATE_EPOCH '%s' is not a time in seconds\n", sde);
			return false;
		}
		*now = (time_t)v;
	}
	return true;
}

int main(int argc, char **argv)
{
	struct cli_setup s = { 0 };
	S_options(argc, argv, &s.opt);
	if (s.opt.init_dir != NULL)
		return cli_init(s.opt.init_dir, s.opt.verbosity);
	if (!S_clock(&s.now))
		return CLI_EXIT_USAGE;
	s.pat = patterns_new();
	if (s.pat == NULL) {
		fputs("verdict: error: cannot compile the built-in patterns\n", stderr);
		return CLI_EXIT_SYSTEM;
	}
	if (s.opt.profile_re != NULL) {
		char *err = NULL;
		s.filter = patterns_user_new(s.opt.profile_re, &err);
		if (s.filter == NULL) {
			fprintf(stderr, "verdict: --profile: bad pattern '%s': %s\n", s.opt.profile_re,
			        err ? err : "");
			free(err);
			patterns_free(s.pat);
			return CLI_EXIT_USAGE;
		}
	}
	return cli_batch(&s, argv + optind, (size_t)(argc - optind));
}
