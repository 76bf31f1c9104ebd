/* paths.c - the files an input names: includes and the logo.
 *
 * Both are resolved against the file that names them and must stay inside
 * the directory tree of the file named on the command line (symbolic
 * links are followed before deciding, so a link cannot lead out).  Only
 * regular files are read, so a FIFO or a device cannot stall the tool;
 * URLs are refused, so the network is never touched.  Each file is read
 * once, from the descriptor that was checked (fstat, and on Linux where
 * it really lies), so a file swapped after the check is never read. */
/* realpath() is XSI, beyond the POSIX level the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include "load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "arena.h"
#include "fsutil.h"

/* Whether real (a realpath) lies below the main file's directory. */
static bool S_inside_root(const struct load_ctx *ctx, const char *real)
{
	size_t n = strlen(ctx->root_real);
	if (strcmp(ctx->root_real, "/") == 0)
		return true;
	return strncmp(real, ctx->root_real, n) == 0 && real[n] == '/';
}

/* Whether the file open as fd lies inside the tree.  Its path was checked
 * with realpath before the open; a directory on it swapped for a link in
 * between would lead the open elsewhere, and Linux's /proc names the file
 * really opened.  Without /proc there is no one to ask, and O_NOFOLLOW
 * with the realpath check is all there is: true. */
static bool S_fd_inside(const struct load_ctx *ctx, int fd)
{
	if (ctx->root_real == NULL)
		return true;
	char link[48], real[PATH_MAX];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, real, sizeof real);
	if (n < 0)
		return true;
	if ((size_t)n == sizeof real)
		return false;   /* cut short: cannot be confirmed */
	real[n] = '\0';
	return S_inside_root(ctx, real);
}

/* Opens path (a realpath, checked) to read the file that was checked:
 * never through a link in its last component (O_NOFOLLOW), never waiting
 * for a FIFO's writer (O_NONBLOCK), and only when the file opened lies
 * inside the tree; outside is said first, as in load_resolve.  *fd is -1
 * or open (the caller closes it); *st is the opened file's; *err an errno
 * value on LOAD_READ_FAILED. */
static enum load_read S_open(const struct load_ctx *ctx, const char *path,
                             int *fd, struct stat *st, int *err)
{
	*fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0) {
		*err = errno;
		return LOAD_READ_FAILED;
	}
	if (!S_fd_inside(ctx, *fd))
		return LOAD_READ_OUTSIDE;
	if (fstat(*fd, st) != 0) {
		*err = errno;
		return LOAD_READ_FAILED;
	}
	return LOAD_READ_OK;
}

enum load_read load_read_file(const struct load_ctx *ctx, const char *path,
                              size_t cap, char **buf, size_t *len, int *err)
{
	int fd;
	struct stat st;
	*err = 0;
	enum load_read rc = S_open(ctx, path, &fd, &st, err);
	if (rc != LOAD_READ_OK)
		goto done;
	if (!S_ISREG(st.st_mode)) {
		*err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		rc = LOAD_READ_FAILED;
	} else if ((uintmax_t)st.st_size > cap) {
		rc = LOAD_READ_TOO_BIG;
	} else {
		/* The size checked is a hint: the file may grow while it is
		 * read, so the read keeps its own cap. */
		bool too_big;
		if (!fs_read_fd(fd, cap, buf, len, &too_big, err))
			rc = too_big ? LOAD_READ_TOO_BIG : LOAD_READ_FAILED;
	}
done:
	if (rc == LOAD_READ_FAILED && *err == 0)
		*err = EIO;
	if (fd >= 0)
		close(fd);
	return rc;
}

/* Whether href starts with a URI scheme ("http:", "file:", "C:"...). */
static bool S_has_scheme(const char *href)
{
	const char *p = href;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* The directory part of path with its slash ("" when there is none). */
static size_t S_dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash != NULL ? (size_t)(slash - path) + 1 : 0;
}

/* The realpath of the main file's directory, and that directory as the
 * user wrote it, for messages; false when it cannot be resolved. */
static bool S_root(struct load_ctx *ctx)
{
	if (ctx->root_real != NULL)
		return true;
	const char *file = ctx->doc->file;
	size_t n = S_dir_len(file);
	char *dir = arena_strndup(ctx->doc->arena, file, n);
	ctx->root_shown = n > 0 ? load_show(ctx, dir) : "the current directory";
	ctx->root_real = realpath(n > 0 ? dir : ".", NULL);
	return ctx->root_real != NULL;
}

/* Whether the nearest existing ancestor of path (which does not exist)
 * lies outside the main file's directory tree. */
static bool S_ancestor_outside(const struct load_ctx *ctx, const char *path)
{
	char *p = strdup(path);
	bool outside = false;
	while (p != NULL) {
		char *slash = strrchr(p, '/');
		if (slash != NULL)
			*slash = '\0';
		char *real = realpath(slash != NULL && p[0] != '\0' ? p : slash != NULL ? "/" : ".", NULL);
		if (real != NULL) {
			outside = !S_inside_root(ctx, real) && strcmp(real, ctx->root_real) != 0;
			free(real);
			break;
		}
		if (slash == NULL)
			break;
	}
	free(p);
	return outside;
}

/* href as a relative path: %-escapes decoded for an include (an href is
 * a URI reference), as written for a logo.  NULL with an error when it
 * is a URL or absolute. */
static char *S_relative(struct load_ctx *ctx, const xmlNode *at,
                        const char *what, const char *href)
{
	const char *shown = load_show(ctx, href);
	if (S_has_scheme(href)) {
		load_err(ctx, at, "%s '%s' is a URL; only files inside the "
		         "input's directory are read, never the network", what,
		         shown);
		return NULL;
	}
	bool uri = strcmp(what, "include") == 0;
	char *rel = uri ? xmlURIUnescapeString(href, 0, NULL) : strdup(href);
	if (rel == NULL) {
		load_err(ctx, at, "out of memory");
		return NULL;
	}
	if (rel[0] == '/') {
		load_err(ctx, at, "%s '%s' is an absolute path; give it relative "
		         "to %s", what, shown, load_show(ctx, load_file_of(ctx, at)));
		free(rel);
		return NULL;
	}
	return rel;
}

void load_outside(struct load_ctx *ctx, const xmlNode *at, const char *what,
                  const char *href)
{
	load_err(ctx, at, "%s '%s' is outside %s, the directory of %s; "
	         "files an input names may not leave it", what,
	         load_show(ctx, href), ctx->root_shown,
	         load_show(ctx, ctx->doc->file));
}

char *load_resolve(struct load_ctx *ctx, const xmlNode *at, const char *what,
                   const char *href, char **real)
{
	*real = NULL;
	if (href == NULL || href[0] == '\0') {
		load_err(ctx, at, "%s names no file", what);
		return NULL;
	}
	char *rel = S_relative(ctx, at, what, href);
	if (rel == NULL)
		return NULL;
	/* Keep the including file's directory as written, so messages and
	 * the paths handed on read like it. */
	const char *from = load_file_of(ctx, at);
	size_t dir = S_dir_len(from), n = strlen(rel);
	char *path = malloc(dir + n + 1);
	if (path == NULL) {
		free(rel);
		return NULL;
	}
	memcpy(path, from, dir);
	memcpy(path + dir, rel, n + 1);
	free(rel);
	const char *shown = load_show(ctx, href);
	if (!S_root(ctx)) {
		load_err(ctx, at, "cannot resolve the directory of %s: %s",
		         load_show(ctx, ctx->doc->file), strerror(errno));
		goto fail;
	}
	*real = realpath(path, NULL);
	if (*real == NULL) {
		/* Outside is said before missing, so that a path out of the
		 * tree tells nothing about what exists there. */
		int err = errno;
		if (S_ancestor_outside(ctx, path))
			goto outside;
		load_err(ctx, at, "cannot read %s '%s': %s", what, shown,
		         strerror(err));
		goto fail;
	}
	if (!S_inside_root(ctx, *real)) {
outside:
		load_outside(ctx, at, what, href);
		goto fail;
	}
	return path;
fail:
	free(*real);
	*real = NULL;
	free(path);
	return NULL;
}

/* The kind of image by its first bytes. */
static enum logo_format S_image_kind(const unsigned char *b, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	if (n >= 8 && memcmp(b, png, 8) == 0)
		return LOGO_PNG;
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return LOGO_JPEG;
	return LOGO_NONE;
}

/* Reads the logo open as fd (a regular file) into the model with its
 * kind, or adds an error at n when it cannot be read or is no image.  A
 * file over MODEL_LOGO_MAX_BYTES keeps only its kind, from its first
 * bytes: check_logo says it is not shown, as for any logo that cannot be
 * embedded. */
static void S_logo_read(struct load_ctx *ctx, const xmlNode *n, const char *shown,
                        const char *path, int fd, const struct stat *st)
{
	char *buf = NULL;
	size_t len = 0;
	bool too_big = (uintmax_t)st->st_size > MODEL_LOGO_MAX_BYTES;
	int errnum = 0;
	if (!too_big && !fs_read_fd(fd, MODEL_LOGO_MAX_BYTES, &buf, &len, &too_big, &errnum) &&
	    !too_big) {
		load_err(ctx, n, "cannot read logo '%s': %s", shown, strerror(errnum));
		return;
	}
	unsigned char head[8];
	ssize_t got = too_big ? pread(fd, head, sizeof head, 0) : 0;
	if (got < 0) {
		load_err(ctx, n, "cannot read logo '%s': %s", shown, strerror(errno));
		return;
	}
	enum logo_format kind = too_big ? S_image_kind(head, (size_t)got)
	                                : S_image_kind((const unsigned char *)buf, len);
	struct meta *m = &ctx->doc->meta;
	if (kind == LOGO_NONE) {
		load_err(ctx, n, "logo '%s' is neither a PNG nor a JPEG "
		         "image (by its first bytes)", shown);
	} else {
		m->logo_path = arena_strdup(ctx->doc->arena, path);
		m->logo_format = kind;
		m->logo_too_big = too_big;
		if (!too_big) {
			unsigned char *copy = arena_alloc(ctx->doc->arena, len);
			memcpy(copy, buf, len);
			m->logo_data = copy;
			m->logo_len = len;
		}
	}
	free(buf);
}

void load_logo(struct load_ctx *ctx, const xmlNode *n, const char *src)
{
	char *real = NULL;
	char *path = load_resolve(ctx, n, "logo", src, &real);
	if (path == NULL)
		return;
	const char *shown = load_show(ctx, src);
	int fd, err = 0;
	struct stat st;
	switch (S_open(ctx, real, &fd, &st, &err)) {
	case LOAD_READ_OK:
		if (!S_ISREG(st.st_mode))
			load_err(ctx, n, "logo '%s' is not a regular file", shown);
		else
			S_logo_read(ctx, n, shown, path, fd, &st);
		break;
	case LOAD_READ_OUTSIDE:
		load_outside(ctx, n, "logo", src);
		break;
	case LOAD_READ_TOO_BIG:
	case LOAD_READ_FAILED:
		load_err(ctx, n, "cannot read logo '%s': %s", shown, strerror(err));
		break;
	}
	if (fd >= 0)
		close(fd);
	free(real);
	free(path);
}
