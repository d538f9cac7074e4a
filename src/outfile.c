/* outfile.c — the one way theodoi writes a file a user names: a temporary
 * file beside the destination, renamed over it when complete, never over
 * anything but a regular file; temporary files removed on failure, on
 * SIGINT/SIGTERM/SIGHUP, and when stale. */
#define _GNU_SOURCE /* O_PATH */
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syserr.h"
#include "util.h"

/* ---- removal on signals ------------------------------------------------------
 *
 * A signal handler gets no context pointer: the temporary files being
 * written live in this table, the one piece of process-wide state of the
 * module.  A slot's path is written before it is marked used and unmarked
 * before it is reused, so the handler never sees half a path. */

#define SLOTS 16
static char slot_path[SLOTS][PATH_MAX];
static volatile sig_atomic_t slot_used[SLOTS];
static int slots_in_use;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved[sizeof caught / sizeof caught[0]];

/* Remove a file, or an empty directory. */
static void remove_path(const char *p)
{
	if (unlink(p) != 0 && (errno == EISDIR || errno == EPERM))
		rmdir(p);
}

static void on_signal(int sig)
{
	/* newest first: files before the directories they are in */
	for (int i = SLOTS - 1; i >= 0; i--)
		if (slot_used[i])
			remove_path(slot_path[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int slot_take(const char *path)
{
	int i;
	for (i = 0; i < SLOTS && slot_used[i]; i++)
		;
	if (i == SLOTS)
		return -1; /* more files at once than any command writes: not watched */
	str_copy(slot_path[i], path, sizeof slot_path[i]);
	slot_used[i] = 1;
	if (slots_in_use++ == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < sizeof caught / sizeof caught[0]; k++) {
			sigaction(caught[k], NULL, &saved[k]);
			/* a signal ignored (nohup) stays ignored */
			if (saved[k].sa_handler != SIG_IGN)
				sigaction(caught[k], &sa, NULL);
		}
	}
	return i;
}

static void slot_release(int i)
{
	if (i < 0 || !slot_used[i])
		return;
	slot_used[i] = 0;
	if (--slots_in_use == 0)
		for (size_t k = 0; k < sizeof caught / sizeof caught[0]; k++)
			sigaction(caught[k], &saved[k], NULL);
}

int outfile_guard(const char *path)
{
	return slot_take(path);
}

void outfile_unguard(int handle, int remove)
{
	if (handle < 0 || handle >= SLOTS || !slot_used[handle])
		return;
	if (remove)
		remove_path(slot_path[handle]);
	slot_release(handle);
}

void outfile_unguard_path(const char *path, int remove)
{
	for (int i = SLOTS - 1; i >= 0; i--)
		if (slot_used[i] && !strcmp(slot_path[i], path)) {
			outfile_unguard(i, remove);
			return;
		}
}

/* ---- messages ---------------------------------------------------------------- */

const char *outfile_strerror(int err)
{
	const char *known = syserr_known(err);
	return known ? known : strerror(err);
}

static const char *kind_of(mode_t m)
{
	return S_ISLNK(m)                  ? "một liên kết tượng trưng"
	       : S_ISDIR(m)                ? "một thư mục"
	       : S_ISCHR(m) || S_ISBLK(m)  ? "một thiết bị"
	       : S_ISFIFO(m)               ? "một ống (FIFO)"
	       : S_ISSOCK(m)               ? "một socket"
	                                   : "không phải tệp thường";
}

/* ---- paths ------------------------------------------------------------------- */

/* Directory and last component of path ("." when it has no '/'). */
static void split(const char *path, char *dir, size_t dlen, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		str_copy(dir, ".", dlen);
		*base = path;
	} else if (slash == path) {
		str_copy(dir, "/", dlen);
		*base = slash + 1;
	} else {
		size_t n = (size_t)(slash - path);
		if (n >= dlen)
			n = dlen - 1;
		memcpy(dir, path, n);
		dir[n] = '\0';
		*base = slash + 1;
	}
}

/* pid of a temporary name "<base>.tmp-<pid>[-<n>]" of base, or 0. */
static long tmp_pid(const char *name, const char *base)
{
	size_t n = strlen(base);
	char *end;
	if (strncmp(name, base, n) || strncmp(name + n, ".tmp-", 5))
		return 0;
	long pid = strtol(name + n + 5, &end, 10);
	if (end == name + n + 5 || pid <= 0)
		return 0;
	if (*end == '-') {
		char *end2;
		strtol(end + 1, &end2, 10);
		if (end2 == end + 1)
			return 0;
		end = end2;
	}
	return *end ? 0 : pid;
}

int outfile_clean_stale(const char *dest)
{
	char dir[PATH_MAX], p[PATH_MAX];
	const char *base;
	struct dirent *de;
	struct stat sb;
	int removed = 0;
	split(dest, dir, sizeof dir, &base);
	if (!*base)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		long pid = tmp_pid(de->d_name, base);
		if (!pid || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, de->d_name) >= sizeof p)
			continue;
		/* only our own regular files */
		if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == getuid() &&
		    unlink(p) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}

/* ---- writing ----------------------------------------------------------------- */

int outfile_create_failed(const char *path, int err, struct err *e)
{
	char dir[PATH_MAX];
	const char *base;
	struct stat sb;
	split(path, dir, sizeof dir, &base);
	if (err == ENOENT || err == ENOTDIR) {
		if (stat(dir, &sb) != 0 && errno == ENOENT)
			return err_at(e, ERR_IO, path, 0, "không tạo được tệp: không có thư mục %s", dir);
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
			return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s không phải thư mục", dir);
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: thư mục %s không cho tạo tệp",
		              dir);
	}
	if (err == EACCES || err == EPERM)
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: không có quyền ghi vào thư mục %s",
		              dir);
	return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s", syserr_str(err));
}

/* 0 when path is absent, or a regular file that may be replaced. */
static int check_dest(const char *path, int flags, struct err *e)
{
	struct stat sb;
	int fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		if (errno == ENOTDIR)
			return outfile_create_failed(path, errno, e);
		return err_set(e, ERR_IO, "không kiểm tra được %s: %s", path, syserr_str(errno));
	}
	int bad = fstat(fd, &sb) != 0;
	int err = errno;
	close(fd);
	if (bad)
		return err_set(e, ERR_IO, "không kiểm tra được %s: %s", path, syserr_str(err));
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ERR_CONFLICT, "%s là %s, không phải tệp thường: không ghi đè (kể cả "
		               "với --force)", path, kind_of(sb.st_mode));
	if (!(flags & OUTFILE_REPLACE))
		return err_set(e, ERR_CONFLICT, "tệp %s đã có: dùng --force để ghi đè", path);
	return 0;
}

int outfile_open(struct outfile *o, const char *path, int flags, mode_t mode, struct err *e)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->slot = -1;
	o->flags = flags;
	if (!path || !*path)
		return err_set(e, ERR_USAGE, "thiếu tên tệp");
	if (str_copy(o->path, path, sizeof o->path) >= sizeof o->path)
		return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", path);
	outfile_clean_stale(path);
	int rc = check_dest(path, flags, e);
	if (rc)
		return rc;
	for (int n = 0; n < 100; n++) {
		if ((size_t)snprintf(o->tmp, sizeof o->tmp, "%s.tmp-%ld-%d", path, (long)getpid(), n) >=
		    sizeof o->tmp)
			return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", path);
		o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (o->fd >= 0) {
			o->slot = slot_take(o->tmp);
			return 0;
		}
		if (errno != EEXIST)
			return outfile_create_failed(path, errno, e);
	}
	return err_set(e, ERR_IO, "không tạo được tệp tạm cạnh %s", path);
}

FILE *outfile_stream(struct outfile *o)
{
	if (!o->f && o->fd >= 0)
		o->f = fdopen(o->fd, "w");
	return o->f;
}

static void sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split(path, dir, sizeof dir, &base);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int outfile_commit(struct outfile *o, struct err *e)
{
	int rc = 0, err = 0;
	if (o->f) {
		if (fflush(o->f) != 0 || ferror(o->f))
			err = errno ? errno : EIO;
	}
	if (!err && fsync(o->fd) != 0)
		err = errno;
	if (o->f) {
		if (fclose(o->f) != 0 && !err)
			err = errno;
	} else if (close(o->fd) != 0 && !err) {
		err = errno;
	}
	o->f = NULL;
	o->fd = -1;
	if (err)
		rc = err_set(e, ERR_IO, "không ghi được %s: %s", o->path, syserr_str(err));
	/* the destination may have changed while we wrote */
	if (!rc)
		rc = check_dest(o->path, o->flags, e);
	if (!rc && rename(o->tmp, o->path) != 0)
		rc = err_set(e, ERR_IO, "không ghi được %s: %s", o->path, syserr_str(errno));
	if (rc) {
		outfile_abort(o);
		return rc;
	}
	slot_release(o->slot);
	o->slot = -1;
	o->tmp[0] = '\0';
	sync_dir(o->path);
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (o->f)
		fclose(o->f);
	else if (o->fd >= 0)
		close(o->fd);
	o->f = NULL;
	o->fd = -1;
	if (o->tmp[0])
		unlink(o->tmp);
	slot_release(o->slot);
	o->slot = -1;
}
