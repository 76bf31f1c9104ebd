/* test_fsutil.c - atomic and durable writes (src/util/fsutil.c), one at a
 * time and in batches: what lands where, in what order the syncs and
 * renames happen, and that no failure leaves a temporary file behind or
 * touches the file it would have replaced.
 *
 * The order is seen by defining fsync and rename here: the linker binds
 * fsutil.o's calls to these, which log each call (the path an fd names,
 * through /proc) and pass it on to the kernel, or fail it on purpose. */
#define _GNU_SOURCE   /* syscall */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fsutil.h"
#include "xstr.h"

/* ---- the calls, logged --------------------------------------------------------- */

enum { S_MAX_LOG = 256 };
static char *S_log[S_MAX_LOG];       /* "fsync PATH", "rename FROM TO", "done PATH" */
static size_t S_nlog;
static const char *S_fail_fsync;     /* a path whose fsync fails with EIO */

static void S_note(char *line)
{
	assert_true(S_nlog < S_MAX_LOG);
	S_log[S_nlog++] = line;
}

static void S_log_clear(void)
{
	for (size_t i = 0; i < S_nlog; i++)
		free(S_log[i]);
	S_nlog = 0;
	S_fail_fsync = NULL;
}

int fsync(int fd)
{
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	path[n > 0 ? n : 0] = '\0';
	S_note(xstr_printf("fsync %s", path));
	if (S_fail_fsync != NULL && strcmp(path, S_fail_fsync) == 0) {
		errno = EIO;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

int rename(const char *from, const char *to)
{
	S_note(xstr_printf("rename %s %s", from, to));
	return renameat(AT_FDCWD, from, AT_FDCWD, to);
}

/* Where in the log line is, or -1. */
static long S_at(const char *line)
{
	for (size_t i = 0; i < S_nlog; i++)
		if (strcmp(S_log[i], line) == 0)
			return (long)i;
	return -1;
}

/* ---- a scratch directory ------------------------------------------------------- */

struct scratch {
	char dir[64];
};

static int S_setup(void **state)
{
	struct scratch *s = calloc(1, sizeof *s);
	if (s == NULL)
		return -1;
	strcpy(s->dir, "/tmp/verdict-fsutil-XXXXXX");
	if (mkdtemp(s->dir) == NULL) {
		free(s);
		return -1;
	}
	*state = s;
	S_log_clear();
	return 0;
}

static int S_teardown(void **state)
{
	struct scratch *s = *state;
	char *cmd = xstr_printf("chmod -R u+w '%s' && rm -rf '%s'", s->dir, s->dir);
	int rc = system(cmd);
	free(cmd);
	free(s);
	S_log_clear();
	return rc == 0 ? 0 : -1;
}

static char *S_in(const struct scratch *s, const char *name)
{
	return xstr_printf("%s/%s", s->dir, name);
}

static void S_put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole of a small file, or "" when it cannot be read (static buffer:
 * compare before the next call). */
static const char *S_get(const char *path)
{
	static char buf[256];
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return buf;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* How many names in dir start with a dot: temporary files left. */
static size_t S_dot_files(const char *dir)
{
	size_t n = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		n += e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* An fs_batch_done that logs "done PATH" or "failed MESSAGE". */
static void S_done(void *ctx, size_t k, const char *path, const char *err)
{
	size_t *next = ctx;
	assert_int_equal(k, (*next)++);   /* in the order added */
	S_note(err == NULL ? xstr_printf("done %s", path) : xstr_printf("failed %s", err));
}

/* ---- the tests ------------------------------------------------------------------ */

/* Three files in two folders: each temporary file synced before any
 * rename, each rename before its folder's one sync, and each file
 * reported done only after that. */
static void test_batch_syncs_then_renames_then_syncs_dirs(void **state)
{
	struct scratch *s = *state;
	char *sub = S_in(s, "sub");
	assert_int_equal(mkdir(sub, 0777), 0);
	char *paths[3] = { S_in(s, "a.pdf"), S_in(s, "sub/b.pdf"), S_in(s, "c.pdf") };
	S_put(paths[2], "old c");
	struct fs_batch *b = fs_batch_new();
	for (size_t i = 0; i < 3; i++) {
		char *err = NULL;
		assert_true(fs_batch_add(b, paths[i], "new", 3, &err));
		assert_null(err);
	}
	assert_int_equal(fs_batch_count(b), 3);
	assert_string_equal(S_get(paths[2]), "old c");   /* nothing in place yet */
	assert_int_equal(S_nlog, 0);                      /* and nothing synced */
	size_t next = 0;
	assert_true(fs_batch_commit(b, S_done, &next));
	assert_int_equal(next, 3);
	assert_int_equal(fs_batch_count(b), 0);
	long last_sync = -1, first_rename = (long)S_nlog;
	for (size_t i = 0; i < S_nlog; i++) {
		if (strncmp(S_log[i], "rename ", 7) == 0 && (long)i < first_rename)
			first_rename = (long)i;
		if (strncmp(S_log[i], "fsync ", 6) == 0 && strstr(S_log[i], "/.") != NULL)
			last_sync = (long)i;   /* a temporary file's */
	}
	assert_true(last_sync >= 0 && last_sync < first_rename);
	char *top = xstr_printf("fsync %s", s->dir), *subl = xstr_printf("fsync %s", sub);
	long dtop = S_at(top), dsub = S_at(subl);
	assert_true(dtop > first_rename && dsub > first_rename);
	size_t dir_syncs = 0;
	for (size_t i = 0; i < S_nlog; i++)
		dir_syncs += strcmp(S_log[i], top) == 0 || strcmp(S_log[i], subl) == 0;
	assert_int_equal(dir_syncs, 2);   /* each folder once */
	for (size_t i = 0; i < 3; i++) {
		char *done = xstr_printf("done %s", paths[i]);
		long at = S_at(done);
		assert_true(at > dtop && at > dsub);
		assert_string_equal(S_get(paths[i]), "new");
		free(done);
		free(paths[i]);
	}
	assert_int_equal(S_dot_files(s->dir), 0);
	assert_int_equal(S_dot_files(sub), 0);
	free(top);
	free(subl);
	free(sub);
	fs_batch_free(b);
}

/* A temporary file whose sync fails is not renamed: the old file stays,
 * the temporary file goes, the message names the path; the rest of the
 * batch is put in place. */
static void test_batch_failed_sync_keeps_the_old_file(void **state)
{
	struct scratch *s = *state;
	char *bad = S_in(s, "bad.pdf"), *good = S_in(s, "good.pdf"), *err = NULL;
	S_put(bad, "old bad");
	struct fs_batch *b = fs_batch_new();
	assert_true(fs_batch_add(b, bad, "new", 3, &err));
	assert_true(fs_batch_add(b, good, "new", 3, &err));
	/* the one temporary file beside bad.pdf is the one to fail */
	DIR *d = opendir(s->dir);
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		if (strncmp(e->d_name, ".bad.pdf.", 9) == 0)
			S_fail_fsync = xstr_printf("%s/%s", s->dir, e->d_name);
	closedir(d);
	assert_non_null(S_fail_fsync);
	size_t next = 0;
	assert_false(fs_batch_commit(b, S_done, &next));
	char *failed = xstr_printf("failed cannot write %s: Input/output error", bad);
	char *done = xstr_printf("done %s", good);
	assert_true(S_at(failed) >= 0);
	assert_true(S_at(done) >= 0);
	assert_string_equal(S_get(bad), "old bad");
	assert_string_equal(S_get(good), "new");
	assert_int_equal(S_dot_files(s->dir), 0);
	free((char *)S_fail_fsync);
	S_fail_fsync = NULL;
	free(failed);
	free(done);
	free(bad);
	free(good);
	fs_batch_free(b);
}

/* A failed directory sync fails every file renamed into that folder: they
 * are in place but cannot be promised to survive a crash. */
static void test_batch_failed_dir_sync_fails_its_files(void **state)
{
	struct scratch *s = *state;
	char *a = S_in(s, "a.pdf"), *c = S_in(s, "c.pdf"), *err = NULL;
	struct fs_batch *b = fs_batch_new();
	assert_true(fs_batch_add(b, a, "A", 1, &err));
	assert_true(fs_batch_add(b, c, "C", 1, &err));
	S_fail_fsync = s->dir;
	size_t next = 0;
	assert_false(fs_batch_commit(b, S_done, &next));
	S_fail_fsync = NULL;
	char *fa = xstr_printf("failed cannot write %s: Input/output error", a);
	char *fc = xstr_printf("failed cannot write %s: Input/output error", c);
	assert_true(S_at(fa) >= 0 && S_at(fc) >= 0);
	assert_int_equal(S_dot_files(s->dir), 0);
	free(fa);
	free(fc);
	free(a);
	free(c);
	fs_batch_free(b);
}

/* A target that is a directory: the rename fails, the directory is
 * untouched, no temporary file stays. */
static void test_batch_target_is_a_directory(void **state)
{
	struct scratch *s = *state;
	char *d = S_in(s, "dir.pdf"), *err = NULL;
	assert_int_equal(mkdir(d, 0777), 0);
	struct fs_batch *b = fs_batch_new();
	assert_true(fs_batch_add(b, d, "x", 1, &err));
	size_t next = 0;
	assert_false(fs_batch_commit(b, S_done, &next));
	char *failed = xstr_printf("failed cannot write %s: Is a directory", d);
	assert_true(S_at(failed) >= 0);
	struct stat st;
	assert_int_equal(stat(d, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(S_dot_files(s->dir), 0);
	free(failed);
	free(d);
	fs_batch_free(b);
}

/* A folder that is missing, or that the user may not write: the add fails
 * at once with the message the CLI prints, and nothing is created. */
static void test_batch_add_refused(void **state)
{
	struct scratch *s = *state;
	char *missing = S_in(s, "nowhere/a.pdf"), *err = NULL;
	struct fs_batch *b = fs_batch_new();
	assert_false(fs_batch_add(b, missing, "x", 1, &err));
	char *want = xstr_printf("cannot create a file beside %s: No such file or directory",
	                         missing);
	assert_string_equal(err, want);
	free(err);
	free(want);
	err = NULL;
	if (geteuid() != 0) {   /* root ignores permission bits (the e2e tests run as nobody) */
		char *ro = S_in(s, "ro"), *p = S_in(s, "ro/a.pdf");
		assert_int_equal(mkdir(ro, 0555), 0);
		assert_false(fs_batch_add(b, p, "x", 1, &err));
		want = xstr_printf("cannot create a file beside %s: Permission denied", p);
		assert_string_equal(err, want);
		assert_int_equal(S_dot_files(ro), 0);
		free(want);
		free(err);
		free(ro);
		free(p);
	}
	assert_int_equal(fs_batch_count(b), 0);
	assert_int_equal(S_dot_files(s->dir), 0);
	free(missing);
	fs_batch_free(b);
}

/* Freeing a batch that was not committed (a stop) removes its temporary
 * files and leaves the old files as they were. */
static void test_batch_free_removes_temps(void **state)
{
	struct scratch *s = *state;
	char *a = S_in(s, "a.pdf"), *bb = S_in(s, "b.pdf"), *err = NULL;
	S_put(a, "old a");
	struct fs_batch *b = fs_batch_new();
	assert_true(fs_batch_add(b, a, "new", 3, &err));
	assert_true(fs_batch_add(b, bb, "new", 3, &err));
	assert_int_equal(S_dot_files(s->dir), 2);
	fs_batch_free(b);
	assert_int_equal(S_dot_files(s->dir), 0);
	assert_string_equal(S_get(a), "old a");
	assert_int_equal(access(bb, F_OK), -1);
	fs_batch_free(NULL);
	free(a);
	free(bb);
}

/* A temporary file written elsewhere (a forked child) joins a batch; one
 * that has gone by then fails with its reason and leaves the old file. */
static void test_batch_adopt(void **state)
{
	struct scratch *s = *state;
	char *a = S_in(s, "a.pdf"), *gone = S_in(s, "gone.pdf"), *tmp = NULL, *err = NULL;
	S_put(gone, "old gone");
	assert_true(fs_write_temp(a, "child", 5, &tmp, &err));
	struct stat st;
	assert_int_equal(stat(tmp, &st), 0);
	mode_t mask = umask(0);
	umask(mask);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
	struct fs_batch *b = fs_batch_new();
	fs_batch_adopt(b, a, tmp);
	char *ghost = S_in(s, ".gone.pdf.abcdef");
	fs_batch_adopt(b, gone, ghost);
	size_t next = 0;
	assert_false(fs_batch_commit(b, S_done, &next));
	assert_string_equal(S_get(a), "child");
	assert_string_equal(S_get(gone), "old gone");
	char *failed = xstr_printf("failed cannot write %s: No such file or directory", gone);
	assert_true(S_at(failed) >= 0);
	assert_int_equal(S_dot_files(s->dir), 0);
	free(failed);
	free(ghost);
	free(tmp);
	free(a);
	free(gone);
	fs_batch_free(b);
}

/* fs_write_atomic: a batch of one, the folder synced too; a failure names
 * the path and keeps the old file. */
static void test_write_atomic(void **state)
{
	struct scratch *s = *state;
	char *p = S_in(s, "r.json"), *err = NULL;
	S_put(p, "old");
	assert_true(fs_write_atomic(p, "new", 3, &err));
	assert_string_equal(S_get(p), "new");
	char *dsync = xstr_printf("fsync %s", s->dir);
	char *ren = NULL;
	for (size_t i = 0; i < S_nlog; i++)
		if (strncmp(S_log[i], "rename ", 7) == 0)
			ren = S_log[i];
	assert_non_null(ren);
	assert_true(S_at(ren) > 0 && S_at(dsync) > S_at(ren));
	S_fail_fsync = s->dir;
	assert_false(fs_write_atomic(p, "newer", 5, &err));
	S_fail_fsync = NULL;
	char *want = xstr_printf("cannot write %s: Input/output error", p);
	assert_string_equal(err, want);
	assert_int_equal(S_dot_files(s->dir), 0);
	free(want);
	free(err);
	free(dsync);
	free(p);
}

/* fs_mkdirs syncs each folder it creates into its parent. */
static void test_mkdirs_syncs_new_folders(void **state)
{
	struct scratch *s = *state;
	char *deep = S_in(s, "x/y"), *err = NULL;
	assert_true(fs_mkdirs(deep, &err));
	char *top = xstr_printf("fsync %s", s->dir), *mid = xstr_printf("fsync %s/x", s->dir);
	assert_true(S_at(top) >= 0 && S_at(mid) > S_at(top));
	S_log_clear();
	assert_true(fs_mkdirs(deep, &err));   /* there already: nothing to sync */
	assert_int_equal(S_nlog, 0);
	free(top);
	free(mid);
	free(deep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_batch_syncs_then_renames_then_syncs_dirs,
		                                S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_failed_sync_keeps_the_old_file,
		                                S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_failed_dir_sync_fails_its_files,
		                                S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_target_is_a_directory, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_add_refused, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_free_removes_temps, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_batch_adopt, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_write_atomic, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_mkdirs_syncs_new_folders, S_setup, S_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
