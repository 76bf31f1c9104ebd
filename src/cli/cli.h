/* cli.h - what the command line (main.c) hands the batch (batch.c).
 *
 * main.c turns argv and the environment into a struct cli_setup and exits
 * on usage errors; batch.c does the work and returns the exit status. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "patterns.h"

#ifndef VERDICT_VERSION
#define VERDICT_VERSION "0.0.0"
#endif

/* The exit statuses --help lists; 0 is success. */
enum { CLI_EXIT_INVALID = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_SYSTEM = 3 };

struct cli_options {
	const char *out_dir, *profile_re, *json, *font_dir;
	const char *init_dir;       /* --init DIR: write starter files, nothing else */
	const char *baseline;       /* --baseline FILE: a summary written earlier (SPEC 6.5) */
	bool check_only, has_close_call;
	bool strict;              /* --strict: a warning makes its input invalid */
	double close_call;
	long jobs, shard_k, shard_n;
	int verbosity;            /* -1 quiet, 0 normal, 1 verbose */
	size_t max_bytes;
};

/* The options and what main() made of them. */
struct cli_setup {
	struct cli_options opt;
	struct patterns *pat;           /* the built-in patterns */
	struct user_regex *filter;      /* --profile; NULL: every profile */
	time_t now;                     /* the generation time */
};

/* Reads, checks and judges each of files (an input, or a directory of
 * *.xml), prints their diagnostics, writes this shard's reports (in
 * --jobs worker processes) and the JSON summary.  Takes over s->pat and
 * s->filter and frees them.  Returns the exit status: 0, CLI_EXIT_INVALID,
 * CLI_EXIT_USAGE (--profile matches no report of any input) or
 * CLI_EXIT_SYSTEM. */
int cli_batch(struct cli_setup *s, char *const *files, size_t nfiles);

/* ---- fontdir.c: the fonts ------------------------------------------------------ */

/* Where make install puts the fonts: $(PREFIX)/share/verdict, compiled in. */
const char *cli_share_dir(void);
/* The folder of DejaVuSans.ttf and DejaVuSans-Bold.ttf: given (--font-dir)
 * when not NULL; else "fonts" when the working directory is the source
 * tree the binary was built in and has them (make report); else
 * cli_share_dir().  Never the system's full DejaVu faces. */
const char *cli_font_dir(const char *given);

/* ---- init.c: starter files ---------------------------------------------------- */

/* verdict --init DIR: writes DIR/comparison.xml and DIR/client.xml,
 * creating DIR when missing, refusing (before writing either) when one
 * exists.  Prints its errors; returns 0 or CLI_EXIT_SYSTEM. */
int cli_init(const char *dir, int verbosity);

/* ---- stop.c: signals --------------------------------------------------------- */

/* Makes SIGTERM, SIGINT and SIGHUP raise a flag that the batch reads
 * between reports, and ignores SIGXFSZ. */
void cli_stop_install(void);
/* The signal that asked the run to stop, or 0. */
int cli_stop_pending(void);
/* Dies of sig, with its default action. */
void cli_stop_die(int sig);

#endif
