/* fsutil.c - files: read with a cap, hash (libmd), list, write atomically. */
#define _XOPEN_SOURCE 700   /* realpath */
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

bool fs_mkdirs(const char *dir, char **err)
{
	char *p = xstr_printf("%s", dir);
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			*err = xstr_printf("cannot create directory %s: %s", p, strerror(errno));
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

/* fs_write_atomic's temporary file for path: ".NAME.XXXXXX" beside it. */
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

bool fs_write_atomic(const char *path, const void *buf, size_t len, char **err)
{
	char *tmp = S_temp_name(path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xstr_printf("cannot create a file beside %s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	/* mkstemp makes the file 0600; give it what a plain create would. */
	mode_t mask = umask(0);
	umask(mask);
	int saved = S_write_all(fd, buf, len);
	if (saved == 0 && fchmod(fd, 0666 & ~mask) != 0)
		saved = errno;
	if (saved == 0 && fsync(fd) != 0)
		saved = errno;
	if (close(fd) != 0 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(tmp, path) != 0)
		saved = errno;
	if (saved != 0) {
		unlink(tmp);
		*err = xstr_printf("cannot write %s: %s", path, strerror(saved));
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
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
