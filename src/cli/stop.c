/* stop.c - SIGTERM, SIGINT and SIGHUP stop a run between two reports.
 *
 * A report is built in memory and written through a temporary file that is
 * renamed over the old one; killing the process in between would leave
 * the temporary file behind.  So the first signal only raises a flag: the
 * batch finishes the report in hand, removes nothing half-written, passes
 * the signal on to its workers, waits for them and then dies of the same
 * signal (the status a shell or cron expects).  The workers may get the
 * signal twice (from the terminal and from the batch): it changes
 * nothing.  SIGKILL still kills at once.  SIGXFSZ is ignored, so that a write over
 * `ulimit -f` fails with EFBIG and is reported like any failed write. */
#include "cli.h"

#include <signal.h>
#include <stddef.h>

/* The CLI's one piece of mutable global state: a signal handler has no
 * other way to speak. */
static volatile sig_atomic_t S_pending;

static void S_on_signal(int sig)
{
	if (S_pending == 0)
		S_pending = sig;
}

static const int S_signals[] = { SIGTERM, SIGINT, SIGHUP };

void cli_stop_install(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = S_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;   /* no SA_RESTART: a blocked read or wait returns EINTR */
	for (size_t i = 0; i < sizeof S_signals / sizeof S_signals[0]; i++)
		sigaction(S_signals[i], &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
}

int cli_stop_pending(void)
{
	return (int)S_pending;
}

void cli_stop_die(int sig)
{
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
