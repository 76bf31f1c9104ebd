/* paths.c - the files an input names: includes and the logo.
 *
 * Both are resolved against the file that names them and must stay inside
 * the directory tree of the file named on the command line (symbolic
 * links are followed before deciding, so a link cannot lead out).  Only
 * regular files are read, so a FIFO or a device cannot stall the tool;
 * URLs are refused, so the network is never touched. */
/* realpath() is XSI, beyond the POSIX level the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include "load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "arena.h"

enum load_read load_read_file(const char *path, size_t cap, char **buf,
                              size_t *len, int *err)
{
	enum load_read rc = LOAD_READ_FAILED;
	char *b = NULL;
	size_t size = 0, alloc = 0;
	errno = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto fail;
	}
	if ((uintmax_t)st.st_size > cap) {
		rc = LOAD_READ_TOO_BIG;
		goto fail;
	}
	/* The size is a hint: the file may grow while it is read. */
	alloc = (size_t)st.st_size + 1;
	for (;;) {
		if (b == NULL || size == alloc) {
			if (b != NULL)
				alloc = alloc > SIZE_MAX / 2 ? SIZE_MAX : alloc * 2;
			char *nb = realloc(b, alloc);
			if (nb == NULL)
				goto fail;
			b = nb;
		}
		ssize_t n = read(fd, b + size, alloc - size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		size += (size_t)n;
		if (size > cap) {
			rc = LOAD_READ_TOO_BIG;
			goto fail;
		}
		if (n == 0)
			break;
	}
	close(fd);
	*buf = b;
	*len = size;
	return LOAD_READ_OK;
fail:
	*err = errno != 0 ? errno : EIO;
	if (fd >= 0)
		close(fd);
	free(b);
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

static bool S_inside_root(const struct load_ctx *ctx, const char *real)
{
	size_t n = strlen(ctx->root_real);
	if (strcmp(ctx->root_real, "/") == 0)
		return true;
	return strncmp(real, ctx->root_real, n) == 0 && real[n] == '/';
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
		load_err(ctx, at, "%s '%s' is outside %s, the directory of %s; "
		         "files an input names may not leave it", what, shown,
		         ctx->root_shown, load_show(ctx, ctx->doc->file));
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

void load_logo(struct load_ctx *ctx, const xmlNode *n, const char *src)
{
	char *real = NULL;
	char *path = load_resolve(ctx, n, "logo", src, &real);
	if (path == NULL)
		return;
	const char *shown = load_show(ctx, src);
	unsigned char head[8];
	ssize_t got = -1;
	struct stat st;
	int fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		load_err(ctx, n, "cannot read logo '%s': %s", shown, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		load_err(ctx, n, "logo '%s' is not a regular file", shown);
	} else {
		got = read(fd, head, sizeof head);
		enum logo_format kind = S_image_kind(head, got > 0 ? (size_t)got : 0);
		if (got < 0)
			load_err(ctx, n, "cannot read logo '%s': %s", shown,
			         strerror(errno));
		else if (kind == LOGO_NONE)
			load_err(ctx, n, "logo '%s' is neither a PNG nor a JPEG "
			         "image (by its first bytes)", shown);
		else {
			ctx->doc->meta.logo_path = arena_strdup(ctx->doc->arena, path);
			ctx->doc->meta.logo_format = kind;
		}
	}
	if (fd >= 0)
		close(fd);
	free(real);
	free(path);
}
