/* fsutil.h - files: reading with a cap, hashing, listing, atomic writes.
 *
 * No printing: failures come back as messages (malloc'd, the caller frees). */
#ifndef VERDICT_FSUTIL_H
#define VERDICT_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes to path through a temporary file beside it, synced and
 * renamed over path, so a reader sees the old file or the new one whole. */
bool fs_write_atomic(const char *path, const void *buf, size_t len, char **err);

/* mkdir -p. */
bool fs_mkdirs(const char *dir, char **err);

/* The SHA-256 of buf as 64 lower-case hex digits plus NUL into out. */
void fs_sha256_hex(const void *buf, size_t len, char out[65]);

/* Reads a whole file.  *too_big is set (and false returned, no message)
 * when it has more than max bytes. */
bool fs_read(const char *path, size_t max, char **buf, size_t *len,
             bool *too_big, char **err);

/* True when path is a directory. */
bool fs_is_dir(const char *path);

/* The *.xml files directly in dir, sorted, as "dir/name" (malloc'd array
 * of malloc'd strings; free with fs_free_list). */
bool fs_list_xml(const char *dir, char ***names, size_t *n, char **err);
void fs_free_list(char **names, size_t n);

#endif
