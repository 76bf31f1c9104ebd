/* fsutil.c - files for the CLI: read, hash (libmd), list, write atomically. */
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

#include "xstr.h"

void fs_sha256_hex(const void *buf, size_t len, char out[65])
{
	SHA2_CTX ctx;
	SHA256Init(&ctx);
	SHA256Update(&ctx, buf, len);
	SHA256End(&ctx, out);
}

bool fs_read(const char *path, size_t max, char **buf, size_t *len,
             bool *too_big, char **err)
{
	*buf = NULL;
	*len = 0;
	*too_big = false;
	FILE *fp = fopen(path, "rb");
	if (fp == NULL) {
		*err = xstr_printf("cannot read: %s", strerror(errno));
		return false;
	}
	size_t cap = 0, n = 0;
	char *b = NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64 * 1024;
			char *nb = realloc(b, cap + 1);
			if (nb == NULL)
				abort();
			b = nb;
		}
		size_t want = cap - n;
		if (n + want > max + 1)          /* read one byte past the cap at most */
			want = max + 1 - n;
		size_t got = fread(b + n, 1, want, fp);
		n += got;
		if (n > max) {
			*too_big = true;
			break;
		}
		if (got < want)
			break;
	}
	bool failed = ferror(fp);
	fclose(fp);
	if (failed || *too_big) {
		if (failed)
			*err = xstr_printf("cannot read: %s", strerror(errno));
		free(b);
		return false;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return true;
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
				abort();
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

bool fs_write_atomic(const char *path, const void *buf, size_t len, char **err)
{
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xstr_printf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
	                  : xstr_printf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xstr_printf("cannot create a file beside %s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	/* mkstemp makes the file 0600; give it what a plain create would. */
	mode_t mask = umask(0);
	umask(mask);
	const char *p = buf;
	size_t left = len;
	int saved = 0;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			saved = w < 0 ? errno : EIO;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
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
