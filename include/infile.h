/* infile.h — reading the files a user names (configuration, imports)
 * through one bounded reader: a regular file only (or standard input when
 * asked), never more than a stated limit, so that a link to /dev/zero or a
 * runaway file is refused at once instead of filling memory.
 */
#ifndef THEODOI_INFILE_H
#define THEODOI_INFILE_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct sbuf;

/* Limits, in bytes, stated in theodoi(1).  An INI file (theodoi.ini,
 * units.ini): a national hierarchy of 150,000 units takes about 25 MB. */
#define INFILE_INI_MAX ((uint64_t)64 << 20)
/* (A plan to import, `import FILE`, is read by intake.h through
 * infile_read_fd(), at most INTAKE_MAX_BYTES.) */
/* A JSON export to import (`import-json FILE`): a store of a million tasks
 * with their updates exports to a few gigabytes. */
#define INFILE_JSON_MAX ((uint64_t)16 << 30)

/* Read the whole file at path into *out (appended; zero it first), at
 * most `limit` bytes.  path "-" with allow_stdin reads standard input
 * (then not only regular files: a pipe is fine, the limit still holds).
 * What is opened must be a regular file (fstat on the descriptor, so a
 * link to a device or a FIFO is refused before a byte is read).  `what`
 * names the kind of file in messages ("tệp cấu hình", "tệp nhập").
 * Errors name the file: ERR_NOTFOUND when it does not exist, ERR_INPUT
 * when it is not a regular file or is over the limit, ERR_IO when it
 * cannot be read.  The caller frees *out with sbuf_free(), also after a
 * failure.  out->s is NUL-terminated, "" for an empty file. */
int infile_read(const char *path, int allow_stdin, uint64_t limit, const char *what,
                struct sbuf *out, struct err *e);

/* infile_read() from an open descriptor (not closed here); `name` is the
 * file's name in messages.  The descriptor must be a regular file unless
 * allow_other. */
int infile_read_fd(int fd, const char *name, int allow_other, uint64_t limit, const char *what,
                   struct sbuf *out, struct err *e);

/* Map the regular file at path read-only: *buf and *len (*buf NULL and
 * *len 0 for an empty file).  Same checks and errors as infile_read().
 * Unmap with infile_unmap(). */
int infile_map(const char *path, uint64_t limit, const char *what, const char **buf,
               size_t *len, struct err *e);
void infile_unmap(const char *buf, size_t len);

/* "64 MB", "16 GB": a limit as the messages and the manual state it. */
const char *infile_limit_str(uint64_t limit, char *buf, size_t len);

#endif
