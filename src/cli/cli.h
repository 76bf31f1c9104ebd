/* cli.h - what the command line (main.c) hands the batch (batch.c), and
 * what the batch shares with the writing of reports (writes.c).
 *
 * main.c turns argv and the environment into a struct cli_setup and exits
 * on usage errors; batch.c reads, checks and judges the inputs, builds the
 * work list and returns the exit status; writes.c writes the work list's
 * reports, in this process or in --jobs workers. */
#ifndef VERDICT_CLI_H
#define VERDICT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
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
	long jobs;                /* --jobs; 0: not given, writes.c chooses */
	long shard_k, shard_n;
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

/* ---- batch.c and writes.c: one run -------------------------------------------- */

/* One input: what it read, its verdicts, the paths of its reports. */
struct cli_input {
	const char *path;
	char sha[65];
	bool has_sha, valid;
	struct doc *doc;
	struct diags diags;
	struct arena *arena;      /* verdicts and paths */
	double *u, close_call;
	struct verdict **scen, **prof;   /* prof[p] NULL when filtered out */
	char **pdf;               /* per profile, set when written */
	struct change **changes;  /* per profile, with --baseline (SPEC 6.5) */
	char *overview;
	char *logo;               /* the logo's path when it can be embedded */
	double logo_w, logo_h;    /* its size in pixels */
	bool utf8;                /* has text the single-byte fonts lack */
};

/* One report of the work list. */
struct cli_item {
	size_t input;
	size_t profile;           /* MODEL_NO_INDEX: the overview */
};

/* Everything a run holds (batch.c fills it in). */
struct cli_run {
	struct cli_options opt;
	struct patterns *pat;
	struct user_regex *filter;
	struct cli_input *inputs;
	size_t ninputs;
	struct cli_item *items;
	size_t nitems;
	char ***dirs;             /* per directory argument, its *.xml files */
	size_t *ndirs_files, ndirs;
	char generated[32];
	time_t now;
	struct arena *base_arena; /* --baseline: the summary read back */
	struct baseline *base;
	bool tty;                 /* stderr is a terminal: a progress line */
	size_t announced;         /* reports whose outcome writes.c has printed */
	struct pdf_charset *charset;   /* what the fonts draw; NULL: not readable */
	bool charset_tried;
	const struct doc **ids;   /* the valid inputs so far, in order */
	size_t nids;
	/* Diagnostics about included files printed so far, as "level file:line:
	 * message" in an open-addressing set: a shared file included by many
	 * inputs has its mistakes printed once per run. */
	char **printed;
	size_t printed_n, printed_mask;
};

/* Frees everything the run holds (not r itself); also called by --jobs
 * workers and forked children before they exit, so that memory checkers
 * see a clean exit there too. */
void cli_run_cleanup(struct cli_run *r);

/* Writes the reports of r's work list, in this process or in workers
 * (--jobs; when not given, one per processor for a long list), each
 * through a batch of atomic writes.  A report counts as written, and is
 * announced (-v "wrote PATH"; done[i] true), only once its file and its
 * directory are synced: it survives a crash from then on.  Every report's
 * outcome is printed in work-list order, whatever the number of
 * processes.  Stops between two reports when a stop signal is pending
 * (stop.c).  false when some report was not written. */
bool cli_write_reports(struct cli_run *r, bool *done);

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
