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

/* Writes len bytes to path as a user who names it means: atomically
 * (fs_write_atomic) when path does not exist or is a regular file, the
 * file a symbolic link names included (the link stays); straight into a
 * device, FIFO or socket (/dev/stdout, /dev/null, a pipe), never replacing
 * it.  Refuses a directory and a link that names nothing.  false with
 * *err (caller frees) on failure. */
bool fs_write_to(const char *path, const void *buf, size_t len, char **err);

/* Removes what fs_write_atomic(path) leaves when the process writing it is
 * killed: the temporary files beside path.  Returns how many. */
size_t fs_remove_temps(const char *path);

/* mkdir -p. */
bool fs_mkdirs(const char *dir, char **err);

/* The SHA-256 of buf as 64 lower-case hex digits plus NUL into out. */
void fs_sha256_hex(const void *buf, size_t len, char out[65]);

/* Reads fd to its end, at most max bytes, into *buf: malloc'd, the caller
 * frees it, with a NUL after the *len bytes read.  False when there are
 * more than max bytes (*too_big, *errnum 0; at most max + 1 are read) or
 * a read fails (*errnum is its errno).  fd stays open and is read from
 * where it stands: a caller that opened it and checked it with fstat
 * reads exactly the file it checked. */
bool fs_read_fd(int fd, size_t max, char **buf, size_t *len, bool *too_big,
                int *errnum);

/* Reads a whole file, anything open(2) can open (a pipe too), through
 * fs_read_fd.  *too_big is set (and false returned, no message) when it
 * has more than max bytes; otherwise a failure sets *err. */
bool fs_read(const char *path, size_t max, char **buf, size_t *len,
             bool *too_big, char **err);

/* True when path is a directory. */
bool fs_is_dir(const char *path);

/* The *.xml files directly in dir, sorted, as "dir/name" (malloc'd array
 * of malloc'd strings; free with fs_free_list). */
bool fs_list_xml(const char *dir, char ***names, size_t *n, char **err);
void fs_free_list(char **names, size_t n);

#endif
