/* fsutil.c - files: read with a cap, hash (libmd), list, write atomically
 * and durably, one at a time or in batches that share their syncs. */
#define _GNU_SOURCE   /* realpath; sync_file_range */
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sha2.h>

#include "oom.h"
#include "xstr.h"

void fs_sha256_hex(const void *buf, size_t len, char out[65])
{
	SHA2_CTX ctx;
	SHA256Init(&ctx);
	SHA256Update(&ctx, buf, len);
	SHA256End(&ctx, out);
}

bool fs_read_fd(int fd, size_t max, char **buf, size_t *len, bool *too_big,
                int *errnum)
{
	*buf = NULL;
	*len = 0;
	*too_big = false;
	*errnum = 0;
	size_t cap = 0, n = 0;
	char *b = NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64 * 1024;
			char *nb = realloc(b, cap + 1);
			if (nb == NULL)
				oom_abort();
			b = nb;
		}
		/* One byte past the cap at most, to know it is past (written so
		 * that max = SIZE_MAX does not overflow). */
		size_t want = cap - n;
		if (want > max - n)
			want = max - n + 1;
		ssize_t got = read(fd, b + n, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*errnum = errno;
			break;
		}
		n += (size_t)got;
		if (n > max) {
			*too_big = true;
			break;
		}
		if (got == 0)
			break;
	}
	if (*errnum != 0 || *too_big) {
		free(b);
		return false;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return true;
}

bool fs_read(const char *path, size_t max, char **buf, size_t *len,
             bool *too_big, char **err)
{
	*buf = NULL;
	*len = 0;
	*too_big = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC), errnum = 0;
	if (fd < 0) {
		*err = xstr_printf("cannot read: %s", strerror(errno));
		return false;
	}
	bool ok = fs_read_fd(fd, max, buf, len, too_big, &errnum);
	close(fd);
	if (!ok && errnum != 0)
		*err = xstr_printf("cannot read: %s", strerror(errnum));
	return ok;
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool fs_list_xml(const char *dir, char ***names, size_t *n, char **err)
{
	*names = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (d == NULL) {
		*err = xstr_printf("cannot list: %s", strerror(errno));
		return false;
	}
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l < 5 || e->d_name[0] == '.' || strcmp(e->d_name + l - 4, ".xml") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			char **nn = realloc(*names, cap * sizeof **names);
			if (nn == NULL)
				oom_abort();
			*names = nn;
		}
		size_t dl = strlen(dir);
		bool slash = dl > 0 && dir[dl - 1] == '/';
		(*names)[(*n)++] = xstr_printf("%s%s%s", dir, slash ? "" : "/", e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, S_cmp);
	return true;
}

void fs_free_list(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The directory path is in: "a/b" for "a/b/c", "/" for "/c", "." for "c"
 * (malloc'd). */
static char *S_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstr_printf(".");
	return xstr_printf("%.*s", slash == path ? 1 : (int)(slash - path), path);
}

/* Syncs directory dir, so that the names it holds survive a crash; 0 or
 * an errno value.  A file system that cannot sync a directory says EINVAL:
 * there is nothing more to do there, so that counts as done. */
static int S_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int saved = fsync(fd) != 0 && errno != EINVAL ? errno : 0;
	close(fd);
	return saved;
}

bool fs_mkdirs(const char *dir, char **err)
{
	char *p = xstr_printf("%s", dir);
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		int saved = 0;
		if (mkdir(p, 0777) == 0) {   /* new: its name in the parent must last too */
			char *parent = S_dir_of(p);
			saved = S_sync_dir(parent);
			free(parent);
		} else if (errno != EEXIST) {
			saved = errno;
		}
		if (saved != 0) {
			*err = xstr_printf("cannot create directory %s: %s", p, strerror(saved));
			free(p);
			return false;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	if (!fs_is_dir(dir)) {
		*err = xstr_printf("%s exists and is not a directory", dir);
		return false;
	}
	return true;
}

/* The temporary file for path: ".NAME.XXXXXX" beside it. */
static char *S_temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstr_printf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
	             : xstr_printf(".%s.XXXXXX", path);
}

/* Writes all of buf to fd, retrying short writes; 0 or an errno value. */
static int S_write_all(int fd, const char *p, size_t left)
{
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		p += w;
		left -= (size_t)w;
	}
	return 0;
}

/* Writes buf to a new temporary file beside path, unsynced, with the mode
 * a plain create would give; *tmp its name and *fd open on it.  false
 * with *err, and the file removed, when it cannot. */
static bool S_temp_write(const char *path, const void *buf, size_t len, char **tmp, int *fd,
                         char **err)
{
	*tmp = S_temp_name(path);
	*fd = mkstemp(*tmp);
	if (*fd < 0) {
		*err = xstr_printf("cannot create a file beside %s: %s", path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return false;
	}
	/* mkstemp makes the file 0600; give it what a plain create would. */
	mode_t mask = umask(0);
	umask(mask);
	int saved = S_write_all(*fd, buf, len);
	if (saved == 0 && fchmod(*fd, 0666 & ~mask) != 0)
		saved = errno;
#ifdef SYNC_FILE_RANGE_WRITE
	/* Linux: start writing the data out now, while the caller draws the
	 * next file; only a hint (the commit's fsync is the promise), which
	 * halved the time the fsyncs wait on ext4. */
	if (saved == 0)
		sync_file_range(*fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
	if (saved == 0)
		return true;
	close(*fd);
	*fd = -1;
	unlink(*tmp);
	free(*tmp);
	*tmp = NULL;
	*err = xstr_printf("cannot write %s: %s", path, strerror(saved));
	return false;
}

bool fs_write_temp(const char *path, const void *buf, size_t len, char **tmp, char **err)
{
	int fd;
	if (!S_temp_write(path, buf, len, tmp, &fd, err))
		return false;
	if (close(fd) == 0)
		return true;
	*err = xstr_printf("cannot write %s: %s", path, strerror(errno));
	unlink(*tmp);
	free(*tmp);
	*tmp = NULL;
	return false;
}

/* ---- batches ------------------------------------------------------------------ */

struct fs_pending {
	char *path, *tmp, *dir;
	int fd;          /* open on tmp; -1: adopted, opened to be synced */
	int saved;       /* while committing: 0 or the errno that stopped it */
	bool dir_synced;
};

struct fs_batch {
	struct fs_pending *p;
	size_t n, cap;
};

struct fs_batch *fs_batch_new(void)
{
	struct fs_batch *b = calloc(1, sizeof *b);
	if (b == NULL)
		oom_abort();
	return b;
}

size_t fs_batch_count(const struct fs_batch *b)
{
	return b->n;
}

static void S_push(struct fs_batch *b, const char *path, char *tmp, int fd)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->p = realloc(b->p, b->cap * sizeof *b->p);
		if (b->p == NULL)
			oom_abort();
	}
	b->p[b->n++] = (struct fs_pending){ .path = xstr_printf("%s", path), .tmp = tmp,
	                                    .dir = S_dir_of(path), .fd = fd };
}

bool fs_batch_add(struct fs_batch *b, const char *path, const void *buf, size_t len,
                  char **err)
{
	char *tmp;
	int fd;
	if (!S_temp_write(path, buf, len, &tmp, &fd, err))
		return false;
	S_push(b, path, tmp, fd);
	return true;
}

void fs_batch_adopt(struct fs_batch *b, const char *path, const char *tmp)
{
	S_push(b, path, xstr_printf("%s", tmp), -1);
}

/* Syncs and closes the temporary file of q; 0 or an errno value. */
static int S_sync_temp(struct fs_pending *q)
{
	int fd = q->fd >= 0 ? q->fd : open(q->tmp, O_RDONLY | O_CLOEXEC);
	q->fd = -1;
	if (fd < 0)
		return errno;
	int saved = fsync(fd) != 0 ? errno : 0;
	if (close(fd) != 0 && saved == 0)
		saved = errno;
	return saved;
}

/* Syncs the directory of each renamed file once; a failure there is the
 * failure of every file renamed into it.  (Batches are small: the
 * quadratic search costs nothing next to a sync.) */
static void S_sync_dirs(struct fs_batch *b)
{
	for (size_t k = 0; k < b->n; k++) {
		const struct fs_pending *q = &b->p[k];
		if (q->saved != 0 || q->dir_synced)
			continue;
		int saved = S_sync_dir(q->dir);
		for (size_t j = k; j < b->n; j++) {
			struct fs_pending *o = &b->p[j];
			if (o->saved == 0 && !o->dir_synced && strcmp(o->dir, q->dir) == 0) {
				o->dir_synced = true;
				o->saved = saved;
			}
		}
	}
}

bool fs_batch_commit(struct fs_batch *b, fs_batch_done *done, void *ctx)
{
	/* Every sync before any rename: a rename never puts an unsynced file
	 * in place, and the syncs follow each other while the disk is busy. */
	for (size_t k = 0; k < b->n; k++)
		b->p[k].saved = S_sync_temp(&b->p[k]);
	for (size_t k = 0; k < b->n; k++) {
		struct fs_pending *q = &b->p[k];
		if (q->saved == 0 && rename(q->tmp, q->path) != 0)
			q->saved = errno;
		if (q->saved != 0)
			unlink(q->tmp);
	}
	S_sync_dirs(b);
	bool all = true;
	for (size_t k = 0; k < b->n; k++) {
		struct fs_pending *q = &b->p[k];
		char *err = q->saved == 0 ? NULL
		          : xstr_printf("cannot write %s: %s", q->path, strerror(q->saved));
		all = all && err == NULL;
		if (done != NULL)
			done(ctx, k, q->path, err);
		free(err);
		free(q->path);
		free(q->tmp);
		free(q->dir);
	}
	b->n = 0;
	return all;
}

void fs_batch_free(struct fs_batch *b)
{
	if (b == NULL)
		return;
	for (size_t k = 0; k < b->n; k++) {
		if (b->p[k].fd >= 0)
			close(b->p[k].fd);
		unlink(b->p[k].tmp);
		free(b->p[k].path);
		free(b->p[k].tmp);
		free(b->p[k].dir);
	}
	free(b->p);
	free(b);
}

/* fs_write_atomic's fs_batch_done: keeps the one file's message. */
static void S_keep_err(void *ctx, size_t k, const char *path, const char *err)
{
	(void)k;
	(void)path;
	if (err != NULL)
		*(char **)ctx = xstr_printf("%s", err);
}

bool fs_write_atomic(const char *path, const void *buf, size_t len, char **err)
{
	struct fs_batch *b = fs_batch_new();
	bool ok = fs_batch_add(b, path, buf, len, err) && fs_batch_commit(b, S_keep_err, err);
	fs_batch_free(b);
	return ok;
}

size_t fs_remove_temps(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstr_printf("%.*s", (int)(slash - path + 1), path) : xstr_printf("./");
	char *prefix = xstr_printf(".%s.", slash ? slash + 1 : path);
	size_t plen = strlen(prefix), removed = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d != NULL && (e = readdir(d)) != NULL;) {
		if (strlen(e->d_name) != plen + 6 || strncmp(e->d_name, prefix, plen) != 0)
			continue;
		char *p = xstr_printf("%s%s", dir, e->d_name);
		removed += unlink(p) == 0;
		free(p);
	}
	if (d != NULL)
		closedir(d);
	free(prefix);
	free(dir);
	return removed;
}

bool fs_write_to(const char *path, const void *buf, size_t len, char **err)
{
	struct stat ls, st;
	if (lstat(path, &ls) != 0) {
		if (errno == ENOENT)
			return fs_write_atomic(path, buf, len, err);
		*err = xstr_printf("cannot write %s: %s", path, strerror(errno));
		return false;
	}
	if (stat(path, &st) != 0) {
		*err = xstr_printf("cannot write %s: %s", path, S_ISLNK(ls.st_mode)
		                   ? "it is a symbolic link to nothing" : strerror(errno));
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xstr_printf("cannot write %s: it is a directory", path);
		return false;
	}
	if (S_ISREG(st.st_mode)) {
		if (!S_ISLNK(ls.st_mode))
			return fs_write_atomic(path, buf, len, err);
		char *real = realpath(path, NULL);
		if (real == NULL) {
			*err = xstr_printf("cannot write %s: %s", path, strerror(errno));
			return false;
		}
		bool ok = fs_write_atomic(real, buf, len, err);
		free(real);
		return ok;
	}
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	int saved = fd < 0 ? errno : S_write_all(fd, buf, len);
	if (fd >= 0 && close(fd) != 0 && saved == 0)
		saved = errno;
	if (saved != 0) {
		*err = xstr_printf("cannot write %s: %s", path, strerror(saved));
		return false;
	}
	return true;
}
