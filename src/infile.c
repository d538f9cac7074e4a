/* infile.c — the bounded reader of the files a user names: open without
 * blocking, fstat the descriptor (a regular file, unless standard input),
 * read at most the limit plus one byte, refuse beyond. */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "syserr.h"
#include "util.h"

const char *infile_limit_str(uint64_t limit, char *buf, size_t len)
{
	if (limit >= ((uint64_t)1 << 30) && limit % ((uint64_t)1 << 30) == 0)
		snprintf(buf, len, "%llu GB", (unsigned long long)(limit >> 30));
	else if (limit >= ((uint64_t)1 << 20) && limit % ((uint64_t)1 << 20) == 0)
		snprintf(buf, len, "%llu MB", (unsigned long long)(limit >> 20));
	else
		snprintf(buf, len, "%llu byte", (unsigned long long)limit);
	return buf;
}

static int too_big(const char *name, uint64_t limit, const char *what, struct err *e)
{
	char lim[32];

	return err_at(e, ERR_INPUT, name, 0, "%s quá lớn: vượt giới hạn %s", what,
	              infile_limit_str(limit, lim, sizeof lim));
}

static int not_regular(const char *name, const struct stat *sb, uint64_t limit,
                       const char *what, struct err *e)
{
	char lim[32];
	const char *kind = S_ISDIR(sb->st_mode)    ? "một thư mục"
	                   : S_ISCHR(sb->st_mode)  ? "một thiết bị"
	                   : S_ISBLK(sb->st_mode)  ? "một thiết bị"
	                   : S_ISFIFO(sb->st_mode) ? "một ống (FIFO)"
	                   : S_ISSOCK(sb->st_mode) ? "một socket"
	                                           : "không phải tệp thường";

	return err_at(e, ERR_INPUT, name, 0, "%s là %s, không phải tệp thường: không đọc (chỉ đọc "
	              "tệp thường, tối đa %s)", what, kind, infile_limit_str(limit, lim, sizeof lim));
}

int infile_read_fd(int fd, const char *name, int allow_other, uint64_t limit, const char *what,
                   struct sbuf *out, struct err *e)
{
	struct stat sb;
	uint64_t total = 0;
	char chunk[65536];

	if (fstat(fd, &sb) != 0)
		return err_at(e, ERR_IO, name, 0, "không đọc được %s: %s", what, syserr_str(errno));
	if (!S_ISREG(sb.st_mode) && !allow_other)
		return not_regular(name, &sb, limit, what, e);
	if (S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > limit)
		return too_big(name, limit, what, e);
	/* a regular file that is not a pipe may still grow while we read:
	 * the count below is the real bound */
	for (;;) {
		size_t want = sizeof chunk;
		ssize_t n;

		if (limit + 1 - total < want)
			want = (size_t)(limit + 1 - total);
		n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			/* standard input opened non-blocking by someone else */
			struct timespec ts = { 0, 10 * 1000 * 1000 };

			nanosleep(&ts, NULL);
			continue;
		}
		if (n < 0)
			return err_at(e, ERR_IO, name, 0, "không đọc được %s: %s", what, syserr_str(errno));
		if (n == 0)
			break;
		total += (uint64_t)n;
		if (total > limit)
			return too_big(name, limit, what, e);
		sbuf_add(out, chunk, (size_t)n);
	}
	if (!out->s)
		sbuf_add(out, "", 0);
	return 0;
}

/* Open path for reading without following it into a blocking open (a
 * FIFO) and without keeping it non-blocking afterwards. */
static int open_input(const char *path, const char *what, struct err *e)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	int fl;

	if (fd < 0)
		return -err_at(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, path, 0,
		               "không mở được %s: %s", what, syserr_str(errno));
	fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

int infile_read(const char *path, int allow_stdin, uint64_t limit, const char *what,
                struct sbuf *out, struct err *e)
{
	int fd, rc;

	if (allow_stdin && !strcmp(path, "-"))
		return infile_read_fd(0, "(đầu vào chuẩn)", 1, limit, what, out, e);
	fd = open_input(path, what, e);
	if (fd < 0)
		return -fd;
	rc = infile_read_fd(fd, path, 0, limit, what, out, e);
	close(fd);
	return rc;
}

int infile_map(const char *path, uint64_t limit, const char *what, const char **buf,
               size_t *len, struct err *e)
{
	struct stat sb;
	void *p;
	int fd;

	*buf = NULL;
	*len = 0;
	fd = open_input(path, what, e);
	if (fd < 0)
		return -fd;
	if (fstat(fd, &sb) != 0) {
		int rc = err_at(e, ERR_IO, path, 0, "không đọc được %s: %s", what, syserr_str(errno));

		close(fd);
		return rc;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return not_regular(path, &sb, limit, what, e);
	}
	if ((uint64_t)sb.st_size > limit) {
		close(fd);
		return too_big(path, limit, what, e);
	}
	if (sb.st_size == 0) {
		close(fd);
		return 0;
	}
	p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return err_at(e, ERR_IO, path, 0, "không đọc được %s: %s", what, syserr_str(errno));
	*buf = p;
	*len = (size_t)sb.st_size;
	return 0;
}

void infile_unmap(const char *buf, size_t len)
{
	if (buf && len)
		munmap((void *)buf, len);
}
