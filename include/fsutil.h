/* fsutil.h - files: reading with a cap, hashing, listing, atomic writes.
 *
 * No printing: failures come back as messages (malloc'd, the caller frees). */
#ifndef VERDICT_FSUTIL_H
#define VERDICT_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes to path through a temporary file beside it, synced,
 * renamed over path and the directory synced, so that a reader sees the
 * old file or the new one whole, and the new one survives a crash once
 * this returns true.  A batch of one (fs_batch_*). */
bool fs_write_atomic(const char *path, const void *buf, size_t len, char **err);

/* ---- a batch of atomic writes: one round of syncs for many files ----------
 *
 * fs_batch_add writes each file to a temporary file beside it, unsynced
 * (on Linux its data starts on its way to the disk at once);
 * fs_batch_commit syncs every temporary file back to back (a journalling
 * file system can commit their metadata in one transaction), renames each
 * over its path, syncs each distinct directory once, and only then says
 * which files are in place.  A file is in place and
 * survives a crash when fs_batch_commit reports it without error; until
 * then its path holds the old file (or nothing).  Failures leave no
 * temporary file behind, and neither does fs_batch_free. */
struct fs_batch;

/* An empty batch (the caller frees it with fs_batch_free). */
struct fs_batch *fs_batch_new(void);

/* Writes len bytes to a new temporary file beside path, to be put in
 * place by fs_batch_commit.  false with *err (caller frees; "cannot
 * create a file beside PATH: ..." or "cannot write PATH: ...") and no
 * temporary file when it cannot. */
bool fs_batch_add(struct fs_batch *b, const char *path, const void *buf, size_t len,
                  char **err);

/* Takes over tmp, a temporary file beside path that fs_write_temp wrote
 * (in another process), as if fs_batch_add had written it. */
void fs_batch_adopt(struct fs_batch *b, const char *path, const char *tmp);

/* How many files wait for fs_batch_commit. */
size_t fs_batch_count(const struct fs_batch *b);

/* Called by fs_batch_commit once per file, k in the order they were added:
 * err NULL when the file is in place and synced, else why not ("cannot
 * write PATH: REASON"; fs_batch_commit frees it after the call). */
typedef void fs_batch_done(void *ctx, size_t k, const char *path, const char *err);

/* Syncs, renames and syncs the directories as above, then calls done for
 * every file; the batch is empty afterwards.  true when every file is in
 * place. */
bool fs_batch_commit(struct fs_batch *b, fs_batch_done *done, void *ctx);

/* Removes the temporary files of the writes not committed and frees b;
 * NULL does nothing. */
void fs_batch_free(struct fs_batch *b);

/* Writes len bytes to a new temporary file beside path, unsynced, for a
 * batch in another process (fs_batch_adopt); *tmp its name (caller frees).
 * false with *err as fs_batch_add, and no file left, when it cannot. */
bool fs_write_temp(const char *path, const void *buf, size_t len, char **tmp, char **err);

/* Writes len bytes to path as a user who names it means: atomically
 * (fs_write_atomic) when path does not exist or is a regular file, the
 * file a symbolic link names included (the link stays); straight into a
 * device, FIFO or socket (/dev/stdout, /dev/null, a pipe), never replacing
 * it.  Refuses a directory and a link that names nothing.  false with
 * *err (caller frees) on failure. */
bool fs_write_to(const char *path, const void *buf, size_t len, char **err);

/* Removes what fs_write_atomic(path) or a batch leaves when the process
 * writing it is killed: the temporary files beside path.  Returns how
 * many. */
size_t fs_remove_temps(const char *path);

/* mkdir -p; each directory it creates is synced into its parent, so that
 * what is written into it can survive a crash. */
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
