/* writes.c - writing the work list's reports, durably and in order.
 *
 * One process, or --jobs workers each taking every n-th item, draws the
 * reports and writes each to a temporary file beside its final name, in a
 * batch (fsutil.h); every S_FLUSH_EVERY reports, at the end of the list and
 * before stopping for a signal, the batch is committed: the temporary files
 * synced back to back, renamed, their directories synced once.  Only then
 * is a report announced as written: "wrote PATH" with -v, done[i], the
 * JSON summary naming it.  So a report announced survives a crash, and a
 * sync round trip is paid per batch rather than per report.
 *
 * Outcomes are printed in work-list order: a worker sends each (its index
 * and its error message, if any) to the parent, which prints them once
 * every earlier item's is known.  So stderr is the same text whatever the
 * number of processes.  A report of an input whose text needs the UTF-8
 * fonts is drawn in a child forked from a process that set them up once;
 * the child leaves its temporary file unsynced and hands its name back to
 * the batch. */
#define _GNU_SOURCE   /* sched_getaffinity, CPU_COUNT, ppoll */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>   /* PR_SET_PDEATHSIG, see S_child */
#endif

#include "arena.h"
#include "cli.h"
#include "fsutil.h"
#include "model.h"
#include "oom.h"
#include "pdf.h"
#include "report.h"
#include "xstr.h"

/* Reports per batch: enough that the first sync pays for the rest; few
 * enough that a report is announced soon after it is drawn. */
enum { S_FLUSH_EVERY = 16 };

/* With --jobs not given, this many reports or more get one process per
 * processor; fewer are not worth the forks. */
enum { S_PARALLEL_FROM = 8 };

static const char *S_path(const struct cli_run *r, size_t i)
{
	const struct cli_item *it = &r->items[i];
	const struct cli_input *in = &r->inputs[it->input];
	return it->profile == MODEL_NO_INDEX ? in->overview : in->pdf[it->profile];
}

/* ---- printing, in work-list order ---------------------------------------------- */

static bool S_bar(const struct cli_run *r)
{
	return r->tty && r->opt.verbosity >= 0;
}

/* The progress line (a terminal only): the report in hand, item i. */
static void S_progress(const struct cli_run *r, size_t i)
{
	if (S_bar(r) && i < r->nitems)
		fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, r->nitems, S_path(r, i));
}

/* Prints item i's outcome: its error, or with -v that it was written. */
static void S_announce(struct cli_run *r, size_t i, const char *err)
{
	if (S_bar(r))
		fputs("\r\033[K", stderr);
	if (err != NULL)
		fprintf(stderr, "%s: error: %s\n", S_path(r, i), err);
	else if (r->opt.verbosity > 0)
		fprintf(stderr, "wrote %s\n", S_path(r, i));
	r->announced++;
}

/* ---- drawing a report --------------------------------------------------------- */

/* Lays out one report and draws it with w; *bytes (malloc'd) and *len
 * its PDF.  false with *err on failure. */
static bool S_render(const struct cli_run *r, struct pdf_writer *w, const struct cli_item *it,
                     unsigned char **bytes, size_t *len, char **err)
{
	const struct cli_input *in = &r->inputs[it->input];
	const struct doc *doc = in->doc;
	struct report_set rs = { .doc = doc, .pat = r->pat, .u = in->u, .scenarios = in->scen,
	                         .profiles = in->prof, .input_name = in->path, .sha256 = in->sha,
	                         .fingerprint = doc->fingerprint,
	                         .generated = r->generated, .version = VERDICT_VERSION,
	                         .logo = in->logo,
	                         .logo_w = in->logo_w, .logo_h = in->logo_h,
	                         .changes = in->changes };
	if (in->logo != NULL && !pdf_image_add(w, in->logo, doc->meta.logo_data,
	                                       doc->meta.logo_len, err))
		return false;
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
	bool ok = pdf_render(w, ld, &info, bytes, len, err);
	layout_doc_free(ld);
	arena_free(a);
	return ok;
}

/* Draws item i into w and writes it to a temporary file beside its path:
 * in batch b, or (b NULL) unsynced and named in *tmp for another process's
 * batch.  false with *err on failure, and no temporary file left. */
static bool S_stage(const struct cli_run *r, struct pdf_writer *w, size_t i,
                    struct fs_batch *b, char **tmp, char **err)
{
	unsigned char *bytes = NULL;
	size_t len = 0;
	const char *path = S_path(r, i);
	char *dir = xstr_printf("%.*s", (int)(strrchr(path, '/') - path), path);
	bool ok = S_render(r, w, &r->items[i], &bytes, &len, err) && fs_mkdirs(dir, err) &&
	          (b != NULL ? fs_batch_add(b, path, bytes, len, err)
	                     : fs_write_temp(path, bytes, len, tmp, err));
	free(bytes);
	free(dir);
	return ok;
}

/* S_stage with a writer of its own: when no child can be forked. */
static bool S_stage_fresh(const struct cli_run *r, size_t i, struct fs_batch *b, char **err)
{
	struct pdf_writer *w = pdf_new(r->opt.font_dir, err);
	if (w == NULL)
		return false;
	bool ok = S_stage(r, w, i, b, NULL, err);
	pdf_free(w);
	return ok;
}

/* Writes all of s to fd; false when it cannot. */
static bool S_put(int fd, const void *s, size_t n)
{
	const char *p = s;
	while (n > 0) {
		ssize_t put = write(fd, p, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0)
			return false;
		p += put;
		n -= (size_t)put;
	}
	return true;
}

/* The child of S_stage_forked: draws item i from its copy of ready into
 * an unsynced temporary file, sends its name (or the error message) on fd
 * and exits, 0 when written. */
static _Noreturn void S_child(struct cli_run *r, struct pdf_writer *ready, size_t i, int fd,
                              pid_t parent)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(CLI_EXIT_SYSTEM);
#else
	(void)parent;
#endif
	char *e = NULL, *tmp = NULL;
	bool ok = S_stage(r, ready, i, NULL, &tmp, &e);
	const char *say = ok ? tmp : e;
	if (say != NULL && !S_put(fd, say, strlen(say)) && ok) {
		unlink(tmp);
		ok = false;
	}
	close(fd);
	free(e);
	free(tmp);
	pdf_free(ready);
	cli_run_cleanup(r);   /* so that memory checkers see a clean exit */
	_exit(ok ? 0 : CLI_EXIT_SYSTEM);
}

/* Everything that can be read from fd until it closes, NUL-terminated;
 * *len bytes. */
static char *S_read_all(int fd, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len + 256 > cap) {
			cap = cap ? 2 * cap : 512;
			buf = realloc(buf, cap);
			if (buf == NULL)
				oom_abort();
		}
		ssize_t got = read(fd, buf + *len, cap - *len - 1);
		if (got > 0)
			*len += (size_t)got;
		else if (got == 0 || errno != EINTR)
			break;
	}
	buf[*len] = '\0';
	return buf;
}

/* Stages item i in a forked child, which draws into its copy-on-write
 * copy of ready (the fonts set up once per process, see S_work) and so
 * leaves ready as it was for the next report; its temporary file joins
 * batch b.  A stop signal lets the child finish (stop.c).  The child dies
 * with this process (Linux), so a worker that is killed leaves no child
 * writing one of its reports. */
static bool S_stage_forked(struct cli_run *r, struct pdf_writer *ready, size_t i,
                           struct fs_batch *b, char **err)
{
	int p[2];
	if (pipe(p) != 0)
		return S_stage_fresh(r, i, b, err);
	fflush(NULL);
	pid_t parent = getpid(), pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return S_stage_fresh(r, i, b, err);
	}
	if (pid == 0) {
		close(p[0]);
		S_child(r, ready, i, p[1], parent);
	}
	close(p[1]);
	size_t len;
	char *msg = S_read_all(p[0], &len);
	close(p[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	bool exited = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (exited && len > 0)
		fs_batch_adopt(b, S_path(r, i), msg);
	if (len > 0) {
		if (exited)
			free(msg);
		else
			*err = msg;
		return exited;
	}
	free(msg);
	fs_remove_temps(S_path(r, i));
	if (WIFSIGNALED(status))
		*err = xstr_printf("the process writing it died of signal %d (%s)",
		                   WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		*err = xstr_printf("the process writing it ended with status %d", status);
	return false;
}

/* ---- one process's share of the work list ----------------------------------- */

/* The outcomes since the last commit, in work-list order. */
struct pending {
	struct fs_batch *batch;
	size_t n;
	struct {
		size_t item;
		char *err;        /* why it failed; NULL: in the batch, or written */
	} e[S_FLUSH_EVERY];
	size_t entry_of[S_FLUSH_EVERY];   /* per file of the batch, its entry */
	struct cli_run *r;
	int fd;                  /* a worker's pipe to the parent; -1: print here */
	bool *done;              /* printing here: what was written */
	bool ok;                 /* every outcome so far a success */
};

/* fs_batch_done: keeps the message of a file that was not put in place. */
static void S_committed(void *ctx, size_t k, const char *path, const char *err)
{
	struct pending *q = ctx;
	(void)path;
	if (err != NULL)
		q->e[q->entry_of[k]].err = xstr_printf("%s", err);
}

/* Sends item i's outcome to the parent: its index, the length of its
 * error message (0: written), the message. */
static bool S_send(int fd, size_t i, const char *err)
{
	uint32_t head[2] = { (uint32_t)i, err != NULL ? (uint32_t)strlen(err) : 0 };
	return S_put(fd, head, sizeof head) && S_put(fd, err, head[1]);
}

/* Commits the batch, then announces every outcome since the last commit,
 * in order: here, or to the parent. */
static void S_flush(struct pending *q)
{
	fs_batch_commit(q->batch, S_committed, q);
	for (size_t k = 0; k < q->n; k++) {
		size_t i = q->e[k].item;
		char *err = q->e[k].err;
		q->ok = q->ok && err == NULL;
		if (q->fd >= 0) {
			q->ok = S_send(q->fd, i, err) && q->ok;
		} else {
			S_announce(q->r, i, err);
			q->done[i] = err == NULL;
		}
		free(err);
	}
	q->n = 0;
}

/* Adds item i's outcome: staged (in the batch) or failed with err. */
static void S_note(struct pending *q, size_t i, bool staged, char *err)
{
	if (staged) {
		q->entry_of[fs_batch_count(q->batch) - 1] = q->n;
	} else if (err == NULL || *err == '\0') {   /* an empty message would read as success */
		free(err);
		err = xstr_printf("cannot write the report");
	}
	q->e[q->n].item = i;
	q->e[q->n].err = staged ? NULL : err;
	q->n++;
	if (q->n == S_FLUSH_EVERY)
		S_flush(q);
}

/* Whether any of items k, k+step, ... is of an input that needs the
 * UTF-8 fonts. */
static bool S_any_utf8(const struct cli_run *r, size_t k, size_t step)
{
	for (size_t i = k; i < r->nitems; i += step)
		if (r->inputs[r->items[i].input].utf8)
			return true;
	return false;
}

/* Writes items k, k+step, ...; announces each outcome on fd (when >= 0)
 * or prints it and sets done[i].  The fonts are set up once, here.  A
 * report that needs the UTF-8 fonts is drawn from them in a forked child
 * (S_stage_forked; the last one in place): setting them up costs as much
 * as writing a report.  Any other is drawn in place: the single-byte
 * fonts cost less to set up again than a fork. */
static bool S_work(struct cli_run *r, size_t k, size_t step, int fd, bool *done)
{
	struct pending q = { .batch = fs_batch_new(), .r = r, .fd = fd, .done = done, .ok = true };
	char *fonts_err = NULL;
	struct pdf_writer *ready = k < r->nitems ? pdf_new(r->opt.font_dir, &fonts_err) : NULL;
	if (ready != NULL && S_any_utf8(r, k, step) && !pdf_want_utf8(ready, &fonts_err)) {
		pdf_free(ready);
		ready = NULL;
	}
	for (size_t i = k; i < r->nitems; i += step) {
		if (cli_stop_pending()) {   /* stop.c: between two reports */
			q.ok = false;
			break;
		}
		if (fd < 0)
			S_progress(r, i);
		char *err = NULL;
		bool staged = false;
		if (ready != NULL && (!r->inputs[r->items[i].input].utf8 || i + step >= r->nitems))
			staged = S_stage(r, ready, i, q.batch, NULL, &err);
		else if (ready != NULL)
			staged = S_stage_forked(r, ready, i, q.batch, &err);
		else
			err = xstr_printf("%s", fonts_err ? fonts_err : "cannot load the fonts");
		S_note(&q, i, staged, err);
	}
	S_flush(&q);
	fs_batch_free(q.batch);
	pdf_free(ready);
	free(fonts_err);
	return q.ok;
}

/* ---- workers ------------------------------------------------------------------ */

/* Worker k of a parallel run, seen from the parent. */
struct worker {
	pid_t pid;               /* <= 0: never started */
	int fd;                  /* its pipe; -1 once it closed */
	unsigned char *buf;      /* bytes read, not yet a whole record */
	size_t len, cap;
};

/* What the workers reported, printed in work-list order. */
struct board {
	struct cli_run *r;
	bool *done;
	struct worker *w;
	size_t n;
	char **msg;              /* per item: its error once known */
	unsigned char *state;    /* per item: S_PENDING, S_WRITTEN, S_FAILED, S_NONE */
	size_t next;             /* the first item not printed */
	bool passed;             /* a stop signal was passed on to the workers */
	bool ok;
};

enum { S_PENDING, S_WRITTEN, S_FAILED, S_NONE };

/* The signals that stop a run (stop.c). */
static void S_stop_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGHUP);
}

/* Delivers a stop signal that is pending while S_gather blocks it.  A
 * signal sent to the whole process group (Ctrl-C) can stop a worker, whose
 * pipe then closes, while this process's copy waits: ppoll reports the
 * closed pipe without letting the signal in, and the worker would pass for
 * killed from outside.  Unblocking delivers it before sigprocmask returns. */
static void S_let_signals_in(void)
{
	sigset_t stop, pending, old;
	S_stop_set(&stop);
	if (sigpending(&pending) != 0 || (!sigismember(&pending, SIGTERM) &&
	    !sigismember(&pending, SIGINT) && !sigismember(&pending, SIGHUP)))
		return;
	sigprocmask(SIG_UNBLOCK, &stop, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Passes a pending stop signal on to every worker, once. */
static void S_pass_stop(struct board *bd)
{
	S_let_signals_in();
	int sig = cli_stop_pending();
	for (size_t k = 0; sig && !bd->passed && k < bd->n; k++)
		if (bd->w[k].pid > 0)
			kill(bd->w[k].pid, sig);
	bd->passed = bd->passed || sig;
}

/* Prints the outcomes that are next in the work list and known. */
static void S_print_ready(struct board *bd)
{
	size_t from = bd->next;
	for (; bd->next < bd->r->nitems && bd->state[bd->next] != S_PENDING; bd->next++) {
		size_t i = bd->next;
		if (bd->state[i] == S_NONE)
			continue;
		S_announce(bd->r, i, bd->msg[i]);
		bd->done[i] = bd->state[i] == S_WRITTEN;
	}
	if (bd->next != from)
		S_progress(bd->r, bd->next);
}

/* Takes the whole records out of worker w's buffer. */
static void S_records(struct board *bd, struct worker *w)
{
	size_t at = 0;
	uint32_t head[2];
	while (w->len - at >= sizeof head) {
		memcpy(head, w->buf + at, sizeof head);
		if (w->len - at - sizeof head < head[1])
			break;
		size_t i = head[0];
		const unsigned char *text = w->buf + at + sizeof head;
		if (i < bd->r->nitems && bd->state[i] == S_PENDING) {
			bd->state[i] = head[1] ? S_FAILED : S_WRITTEN;
			if (head[1]) {
				bd->msg[i] = malloc((size_t)head[1] + 1);
				if (bd->msg[i] == NULL)
					oom_abort();
				memcpy(bd->msg[i], text, head[1]);
				bd->msg[i][head[1]] = '\0';
			}
		}
		at += sizeof head + head[1];
	}
	memmove(w->buf, w->buf + at, w->len - at);
	w->len -= at;
}

/* Worker k has closed its pipe: waits for it, and settles its items that
 * it did not report.  When it died of a signal this run did not pass on
 * (an operator's kill, the OOM killer), each is named with the reason and
 * its temporary file removed; a worker that failed otherwise has said why
 * itself, and one that was stopped leaves the rest unwritten. */
static void S_reap(struct board *bd, size_t k)
{
	int status = 0;
	while (waitpid(bd->w[k].pid, &status, 0) < 0 && errno == EINTR)
		continue;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	bd->ok = false;
	S_pass_stop(bd);
	bool died = !bd->passed && WIFSIGNALED(status);
	if (!bd->passed && !WIFSIGNALED(status) && !WIFEXITED(status))
		fprintf(stderr, "verdict: error: worker %zu ended with status %d\n", k + 1, status);
	int sig = died ? WTERMSIG(status) : 0;
	for (size_t i = k; i < bd->r->nitems; i += bd->n) {
		if (bd->state[i] != S_PENDING)
			continue;
		bd->state[i] = died ? S_FAILED : S_NONE;
		if (!died)
			continue;
		const struct cli_input *in = &bd->r->inputs[bd->r->items[i].input];
		fs_remove_temps(S_path(bd->r, i));   /* what it was writing when it died */
		bd->msg[i] = xstr_printf("not written: the worker process writing it died of "
		                         "signal %d (%s); input %s", sig, strsignal(sig), in->path);
	}
}

/* Reads what worker k has sent; at the end of its pipe, reaps it. */
static void S_drain(struct board *bd, size_t k)
{
	struct worker *w = &bd->w[k];
	if (w->cap - w->len < 4096) {
		w->cap = w->cap ? 2 * w->cap : 8192;
		w->buf = realloc(w->buf, w->cap);
		if (w->buf == NULL)
			oom_abort();
	}
	ssize_t got = read(w->fd, w->buf + w->len, w->cap - w->len);
	if (got > 0) {
		w->len += (size_t)got;
		S_records(bd, w);
		return;
	}
	if (got < 0 && errno == EINTR)
		return;
	close(w->fd);
	w->fd = -1;
	S_reap(bd, k);
}

/* Reads every worker's outcomes until all have closed their pipes,
 * printing them in order.  The stop signals are blocked but while
 * waiting in ppoll, so that one that comes is passed on at once. */
static void S_gather(struct board *bd)
{
	sigset_t stop, old;
	S_stop_set(&stop);
	sigprocmask(SIG_BLOCK, &stop, &old);
	struct pollfd *pf = calloc(bd->n, sizeof *pf);
	if (pf == NULL)
		oom_abort();
	S_progress(bd->r, 0);
	for (;;) {
		S_pass_stop(bd);
		S_print_ready(bd);
		size_t open = 0;
		for (size_t k = 0; k < bd->n; k++) {
			pf[k] = (struct pollfd){ .fd = bd->w[k].fd, .events = POLLIN };
			open += bd->w[k].fd >= 0;
		}
		if (open == 0)
			break;
		int got = ppoll(pf, bd->n, NULL, &old);
		if (got < 0 && errno == EINTR)
			continue;
		for (size_t k = 0; k < bd->n; k++)   /* ppoll failing: read each in turn */
			if (bd->w[k].fd >= 0 && (got < 0 || pf[k].revents != 0))
				S_drain(bd, k);
	}
	free(pf);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Starts worker k of bd->n on its pipe; false (said why) when it cannot. */
static bool S_start(struct board *bd, size_t k)
{
	int p[2];
	if (pipe(p) != 0) {
		fprintf(stderr, "verdict: error: pipe: %s\n", strerror(errno));
		return false;
	}
	bd->w[k].pid = fork();
	if (bd->w[k].pid == 0) {
		close(p[0]);
		for (size_t j = 0; j < k; j++)   /* the other workers' pipes */
			if (bd->w[j].fd >= 0)
				close(bd->w[j].fd);
		bool wok = S_work(bd->r, k, bd->n, p[1], NULL);
		close(p[1]);
		fflush(NULL);
		free(bd->w);
		free(bd->msg);
		free(bd->state);
		free(bd->done);
		cli_run_cleanup(bd->r);
		if (cli_stop_pending())
			cli_stop_die(cli_stop_pending());
		_exit(wok ? 0 : CLI_EXIT_SYSTEM);
	}
	close(p[1]);
	if (bd->w[k].pid < 0) {
		fprintf(stderr, "verdict: error: fork: %s\n", strerror(errno));
		close(p[0]);
		return false;
	}
	bd->w[k].fd = p[0];
	return true;
}

/* The processors this process may run on. */
static size_t S_cpus(void)
{
#ifdef __linux__
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return (size_t)CPU_COUNT(&set);
#endif
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (size_t)n : 1;
}

/* How many processes write the reports: --jobs when given; else one per
 * processor when there are S_PARALLEL_FROM reports or more, one for fewer;
 * never more than there are reports. */
static size_t S_jobs(const struct cli_run *r)
{
	size_t n = r->opt.jobs > 0 ? (size_t)r->opt.jobs
	         : r->nitems >= S_PARALLEL_FROM ? S_cpus() : 1;
	return n < r->nitems ? n : r->nitems;
}

/* Creates the reports' folders before any report is drawn (and so before
 * the workers start, whatever their number).  fs_mkdirs syncs a folder it
 * creates into its parent; a worker that found the folder made by another
 * could otherwise announce a report before that sync.  Quiet: a folder
 * that cannot be made is reported per report, when it is written. */
static void S_make_folders(const struct cli_run *r)
{
	const char *last = NULL;   /* the items of an input follow each other */
	for (size_t i = 0; i < r->nitems; i++) {
		const char *path = S_path(r, i);
		size_t len = (size_t)(strrchr(path, '/') - path);
		if (last != NULL && strncmp(last, path, len) == 0 && last[len] == '/' &&
		    strchr(last + len + 1, '/') == NULL)
			continue;
		char *dir = xstr_printf("%.*s", (int)len, path), *err = NULL;
		fs_mkdirs(dir, &err);
		free(err);
		free(dir);
		last = path;
	}
}

bool cli_write_reports(struct cli_run *r, bool *done)
{
	size_t n = S_jobs(r);
	bool ok;
	S_make_folders(r);
	if (n <= 1) {
		ok = S_work(r, 0, 1, -1, done);
	} else {
		struct board bd = { .r = r, .done = done, .n = n, .ok = true };
		bd.w = calloc(n, sizeof *bd.w);
		bd.msg = calloc(r->nitems, sizeof *bd.msg);
		bd.state = calloc(r->nitems, sizeof *bd.state);
		if (bd.w == NULL || bd.msg == NULL || bd.state == NULL)
			oom_abort();
		fflush(NULL);
		for (size_t k = 0; k < n; k++) {
			bd.w[k].fd = -1;
			if (!S_start(&bd, k)) {
				bd.ok = false;
				for (size_t i = k; i < r->nitems; i += n)
					bd.state[i] = S_NONE;
			}
		}
		S_gather(&bd);
		for (size_t i = 0; i < r->nitems; i++)
			free(bd.msg[i]);
		for (size_t k = 0; k < n; k++)
			free(bd.w[k].buf);
		free(bd.msg);
		free(bd.state);
		free(bd.w);
		ok = bd.ok;
	}
	if (S_bar(r) && r->nitems > 0)
		fputs("\r\033[K", stderr);
	return ok;
}
