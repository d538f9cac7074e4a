/* outfile.h — writing the files a user names (backup DEST, export --out,
 * remind --out): into a temporary file beside the destination, renamed
 * over it only when complete, and never over anything but a regular file.
 *
 * A symbolic link, a device, a FIFO or a directory at the destination is
 * refused (also with --force): the destination is opened with O_NOFOLLOW
 * and checked with fstat, and the rename replaces the directory entry, so
 * no write ever goes through a link.  The temporary file is removed when
 * the write fails, when the process gets SIGINT, SIGTERM or SIGHUP, and —
 * left by a process that was killed outright — by the next outfile_open()
 * of the same destination.
 */
#ifndef THEODOI_OUTFILE_H
#define THEODOI_OUTFILE_H

#include <limits.h>
#include <stdio.h>
#include <sys/types.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct err;

/* Flags of outfile_open(). */
enum {
	OUTFILE_REPLACE = 1, /* an existing regular file may be replaced; else
	                        its presence is ERR_CONFLICT */
};

struct outfile {
	char path[PATH_MAX]; /* the destination */
	char tmp[PATH_MAX];  /* the temporary file beside it */
	int fd;              /* open on tmp, -1 when closed */
	FILE *f;             /* from outfile_stream(), or NULL */
	int slot;            /* in the list the signal handler removes */
	int flags;           /* as given to outfile_open() */
};

/* Check the destination and create its temporary file (mode less the
 * umask, created exclusively, O_NOFOLLOW).  Stale temporary files of the
 * same destination whose process is gone are removed first.  Returns 0;
 * ERR_CONFLICT when path exists and is not a regular file (naming what it
 * is), or exists and flags lack OUTFILE_REPLACE; ERR_IO when the directory
 * cannot be written, with the reason ("đĩa đầy", "hết hạn mức" for ENOSPC
 * and EDQUOT).  On success the caller ends with outfile_commit() or
 * outfile_abort(). */
int outfile_open(struct outfile *o, const char *path, int flags, mode_t mode, struct err *e);

/* A stdio stream on the temporary file (owned by o: do not fclose), or
 * NULL when out of memory. */
FILE *outfile_stream(struct outfile *o);

/* Flush, fsync and close the temporary file, check the destination again
 * and rename over it; sync the directory.  On failure the temporary file
 * is removed and the destination left as it was: ERR_IO (ENOSPC named
 * "đĩa đầy", EDQUOT "hết hạn mức") or ERR_CONFLICT as for outfile_open. */
int outfile_commit(struct outfile *o, struct err *e);

/* Close and remove the temporary file; the destination is untouched.
 * Safe after a failed commit. */
void outfile_abort(struct outfile *o);

/* Have path (a file, or a directory once empty) removed if the process
 * gets SIGINT, SIGTERM or SIGHUP before outfile_unguard(): for what a
 * command builds in several steps (gen).  Paths guarded later are removed
 * first.  Returns a handle, or -1 when too many paths are guarded (then
 * nothing is removed on a signal). */
int outfile_guard(const char *path);

/* Stop guarding; with remove, remove the path now (unlink, or rmdir for a
 * directory).  A handle of -1 is ignored. */
void outfile_unguard(int handle, int remove);

/* outfile_unguard() of the newest guard of exactly this path; nothing if
 * the path is not guarded. */
void outfile_unguard_path(const char *path, int remove);

/* A file path could not be created (errno err, from creating it or a
 * temporary file beside it): ERR_IO with a message that names path, the
 * name the user gave, and its directory when that is what is missing, is
 * no directory or is closed to the user (e->file X, message "không tạo
 * được tệp: không có thư mục D"); other reasons in syserr_str()'s words. */
int outfile_create_failed(const char *path, int err, struct err *e);

/* Why a write failed, in words: syserr_known(err) ("đĩa đầy" for ENOSPC,
 * "hết hạn mức (quota) đĩa" for EDQUOT, ...), else strerror(err).  Messages
 * use syserr_str(), which also numbers an unknown error. */
const char *outfile_strerror(int err);

/* Remove stale temporary files ("<dest>.tmp-<pid>-<n>") of dest whose
 * process no longer runs; what outfile_open() does first.  Returns the
 * number removed. */
int outfile_clean_stale(const char *dest);

#endif
