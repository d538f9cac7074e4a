/* backup.c — binary backups (a compacted copy made while others work) and
 * their restore, with the directory handling both share with the JSON
 * import (backup-json.c). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "backup-internal.h"
#include "backup.h"
#include "filekind.h"
#include "ops.h"
#include "outfile.h"
#include "period.h"
#include "store.h"
#include "syserr.h"
#include "util.h"

/* ---- directories ------------------------------------------------------------ */

int bk_target_state(const char *dir, enum bk_target *out, struct err *e)
{
	struct stat sb;
	*out = BK_MISSING;
	if (stat(dir, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, ERR_IO, "không đọc được %s: %s", dir, syserr_str(errno));
	}
	if (!S_ISDIR(sb.st_mode)) {
		*out = BK_OTHER;
		return 0;
	}
	DIR *d = opendir(dir);
	if (!d)
		return err_set(e, ERR_IO, "không đọc được thư mục %s: %s", dir, syserr_str(errno));
	int data = 0, other = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    !strcmp(de->d_name, "lock.mdb"))
			continue;
		if (!strcmp(de->d_name, "data.mdb"))
			data = 1;
		else
			other = 1;
	}
	closedir(d);
	*out = data ? BK_STORE : other ? BK_OTHER : BK_EMPTY;
	return 0;
}

/* mkdir -p of the directories above path (0775 less the umask). */
static int make_parents(const char *path, struct err *e)
{
	char p[PATH_MAX];
	str_copy(p, path, sizeof p);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0775) != 0 && errno != EEXIST)
			return err_set(e, ERR_IO, "không tạo được thư mục %s: %s", p, syserr_str(errno));
		*s = '/';
	}
	return 0;
}

/* The files of a store directory made by bk_make_beside, then the
 * directory: the order they are removed in is the reverse. */
static const char *const beside_parts[] = {"", "/data.mdb", "/lock.mdb"};
#define NPARTS (sizeof beside_parts / sizeof beside_parts[0])

/* Remove directories "<dir>.<tag>-<pid>[-n]" left by processes of ours that
 * no longer run (killed outright in the middle of a restore or import). */
static void sweep_stale(const char *dir, const char *tag)
{
	char parent[PATH_MAX], prefix[PATH_MAX], p[PATH_MAX];
	str_copy(parent, dir, sizeof parent);
	char *slash = strrchr(parent, '/');
	const char *base = dir;
	if (slash) {
		*slash = '\0';
		base = dir + (slash - parent) + 1;
		if (slash == parent)
			strcpy(parent, "/");
	} else {
		strcpy(parent, ".");
	}
	if ((size_t)snprintf(prefix, sizeof prefix, "%s.%s-", base, tag) >= sizeof prefix)
		return;
	DIR *d = opendir(parent);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(prefix);
		char *end;
		if (strncmp(de->d_name, prefix, n))
			continue;
		long pid = strtol(de->d_name + n, &end, 10);
		if (end == de->d_name + n || pid <= 0 || (*end && *end != '-'))
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		struct stat sb;
		if ((size_t)snprintf(p, sizeof p, "%s/%s", parent, de->d_name) < sizeof p &&
		    lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid())
			bk_remove_dir(p);
	}
	closedir(d);
}

int bk_make_beside(const char *dir, const char *tag, char *out, size_t len, struct err *e)
{
	struct stat sb;
	int rc = make_parents(dir, e);
	if (rc)
		return rc;
	sweep_stale(dir, tag);
	/* SIGINT, SIGTERM and SIGHUP held from the directory's making until
	 * it is guarded: one that came between would leave it behind */
	sigset_t stop, was;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	for (int n = 0; n < 100; n++) {
		int k = n ? snprintf(out, len, "%s.%s-%ld-%d", dir, tag, (long)getpid(), n)
		          : snprintf(out, len, "%s.%s-%ld", dir, tag, (long)getpid());
		if (k < 0 || (size_t)k >= len)
			return err_set(e, ERR_IO, "đường dẫn quá dài: %s", dir);
		sigprocmask(SIG_BLOCK, &stop, &was);
		if (mkdir(out, 0775) == 0) {
			/* setgid as a new store's directory: files keep its group */
			if (stat(out, &sb) != 0 || chmod(out, (sb.st_mode & 07777) | S_ISGID) != 0) {
				int err = errno;
				rmdir(out);
				sigprocmask(SIG_SETMASK, &was, NULL);
				return err_set(e, ERR_IO, "không đặt được quyền cho thư mục mới cạnh %s: %s",
				               dir, syserr_str(err));
			}
			/* removed on SIGINT, SIGTERM, SIGHUP until placed */
			for (size_t i = 0; i < NPARTS; i++) {
				char p[PATH_MAX];
				if ((size_t)snprintf(p, sizeof p, "%s%s", out, beside_parts[i]) < sizeof p)
					outfile_guard(p);
			}
			sigprocmask(SIG_SETMASK, &was, NULL);
			return 0;
		}
		int err = errno;
		sigprocmask(SIG_SETMASK, &was, NULL);
		if (err != EEXIST)
			return err_set(e, ERR_IO, "không tạo được thư mục mới cạnh %s: %s", dir,
			               syserr_str(err));
	}
	return err_set(e, ERR_IO, "không tạo được thư mục tạm cạnh %s", dir);
}

/* Stop guarding what bk_make_beside made in tmp (remove: remove it too). */
static void unguard_beside(const char *tmp, int remove)
{
	char p[PATH_MAX];
	for (size_t i = NPARTS; i-- > 0;)
		if ((size_t)snprintf(p, sizeof p, "%s%s", tmp, beside_parts[i]) < sizeof p)
			outfile_unguard_path(p, remove);
}

void bk_remove_dir(const char *dir)
{
	static const char *const files[] = {"data.mdb", "lock.mdb"};
	char path[PATH_MAX];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[i]) < sizeof path)
			unlink(path);
	rmdir(dir);
	unguard_beside(dir, 0);
}

void bk_sync_parent(const char *path)
{
	char parent[PATH_MAX];
	str_copy(parent, path, sizeof parent);
	char *slash = strrchr(parent, '/');
	if (slash == parent)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(parent, ".");
	int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int bk_place(const char *tmp, const char *dir, enum bk_target state, const char *tag,
             char *kept, size_t kept_len, struct err *e)
{
	if (kept && kept_len)
		kept[0] = '\0';
	if (state == BK_EMPTY) {
		char lock[PATH_MAX];
		if ((size_t)snprintf(lock, sizeof lock, "%s/lock.mdb", dir) < sizeof lock)
			unlink(lock);
		if (rmdir(dir) != 0)
			return err_set(e, ERR_IO, "không thay được thư mục rỗng %s: %s", dir,
			               syserr_str(errno));
	} else if (state == BK_STORE) {
		char stamp[32], old[PATH_MAX];
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		int k = snprintf(old, sizeof old, "%s.before-%s-%s", dir, tag, stamp);
		if (k < 0 || (size_t)k >= sizeof old)
			return err_set(e, ERR_IO, "đường dẫn quá dài: %s", dir);
		if (access(old, F_OK) == 0)
			return err_set(e, ERR_CONFLICT, "đã có %s: thử lại sau một giây", old);
		if (rename(dir, old) != 0)
			return err_set(e, ERR_IO, "không đổi tên được kho cũ %s thành %s: %s", dir, old,
			               syserr_str(errno));
		if (kept)
			str_copy(kept, old, kept_len);
	} else if (state == BK_OTHER) {
		return err_set(e, ERR_CONFLICT, "%s không phải là kho dữ liệu theodoi", dir);
	}
	if (rename(tmp, dir) != 0)
		return err_set(e, ERR_IO, "không đặt được kho mới vào %s: %s", dir,
		               syserr_str(errno));
	unguard_beside(tmp, 0);
	bk_sync_parent(dir);
	return 0;
}

/* ---- backup ------------------------------------------------------------------ */

int backup_copy(struct ops_ctx *c, const char *dest, int force, uint64_t *bytes,
                struct err *e)
{
	char path[PATH_MAX];
	struct stat sb;
	int rc = ops_require(c, PA_EXPORT, e);
	if (rc)
		return rc;
	if (!dest || !*dest)
		return err_set(e, ERR_USAGE, "thiếu tệp sao lưu");
	if (stat(dest, &sb) == 0 && S_ISDIR(sb.st_mode))
		rc = snprintf(path, sizeof path, "%s/data.mdb", dest);
	else
		rc = snprintf(path, sizeof path, "%s", dest);
	if (rc < 0 || (size_t)rc >= sizeof path)
		return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", dest);
	/* a backup holds everything: readable by the owner and the group only */
	struct outfile o;
	if ((rc = outfile_open(&o, path, force ? OUTFILE_REPLACE : 0, 0660, e)))
		return rc;
	rc = store_copy_fd(c->st, o.fd, 1, e);
	if (!rc && fstat(o.fd, &sb) == 0 && bytes)
		*bytes = (uint64_t)sb.st_size;
	if (rc) {
		outfile_abort(&o);
		return rc;
	}
	return outfile_commit(&o, e);
}

/* ---- restore ------------------------------------------------------------------ */

/* Copy file src to dst (created 0664 less the umask, like a store's files). */
static int copy_file(const char *src, const char *dst, struct err *e)
{
	char buf[1 << 16];
	int in = open(src, O_RDONLY | O_CLOEXEC), out = -1, rc = 0;
	ssize_t n;
	if (in < 0)
		return err_set(e, ERR_IO, "không mở được tệp sao lưu %s: %s", src, syserr_str(errno));
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0664);
	if (out < 0) {
		rc = err_set(e, ERR_IO, "không chép được %s vào kho: %s", src, syserr_str(errno));
		goto done;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = err_set(e, ERR_IO, "không đọc được %s: %s", src, syserr_str(errno));
			goto done;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				rc = err_set(e, ERR_IO, "không chép được %s vào kho: %s", src,
				             syserr_str(errno));
				goto done;
			}
			off += w;
		}
	}
	if (fsync(out) != 0)
		rc = err_set(e, ERR_IO, "không chép được %s vào kho: %s", src, syserr_str(errno));
done:
	if (out >= 0 && close(out) != 0 && !rc)
		rc = err_set(e, ERR_IO, "không chép được %s vào kho: %s", src, syserr_str(errno));
	close(in);
	return rc;
}

/* Open the restored copy, check it and append the "restore" entry. */
struct restore_audit {
	struct ops_ctx *c;
	const char *src;
	struct store_stat ss;
};

static int restore_audit_fn(struct txn *t, void *ctx, struct err *e)
{
	struct restore_audit *r = ctx;
	json_t *after = json_pack("{s:s, s:I, s:I, s:I, s:I}", "file", r->src, "units",
	                          (json_int_t)r->ss.units, "docs", (json_int_t)r->ss.docs, "tasks",
	                          (json_int_t)r->ss.tasks, "updates", (json_int_t)r->ss.updates);
	if (!after)
		after = json_pack("{s:I}", "tasks", (json_int_t)r->ss.tasks); /* src not UTF-8 */
	return ops_audit(t, r->c, "restore", "store", NULL, after, e);
}

/* msg with the temporary directory tmp, a name the user never gave, said
 * as the backup src (in place; returns msg). */
static char *name_source(char *msg, const char *tmp, const char *src)
{
	struct sbuf b = {0};
	size_t tl = strlen(tmp);
	for (const char *p = msg, *hit; *p; p = hit + tl) {
		if (!(hit = strstr(p, tmp))) {
			sbuf_puts(&b, p);
			break;
		}
		sbuf_add(&b, p, (size_t)(hit - p));
		sbuf_printf(&b, "bản sao %s", src);
	}
	if (b.s)
		str_copy(msg, b.s, sizeof ((struct err *)0)->msg);
	sbuf_free(&b);
	return msg;
}

static int verify_and_stamp(struct ops_ctx *c, const char *tmp, const char *src,
                            struct err *e)
{
	struct store *st = NULL;
	struct txn *t;
	char *report = NULL;
	struct restore_audit ra = {0};
	struct err oe;
	err_clear(&oe);
	int rc = store_open(tmp, 0, &st, &oe);
	if (rc)
		return err_set(e, ERR_INPUT, "%s không phải bản sao lưu dùng được: %s", src,
		               name_source(oe.msg, tmp, src));
	/* a backup of an older schema is brought to this one first, as the
	 * store it replaces was: its check is then the current one */
	if (c->cfg && (rc = per_migrate(st, &c->cfg->periods, NULL, e))) {
		store_close(st);
		return rc;
	}
	if ((rc = store_read_begin(st, &t, e)) == 0) {
		rc = store_check(t, &report, e);
		if (rc == 0)
			rc = store_stat(t, &ra.ss, e);
		store_read_end(t);
	}
	if (rc == ERR_STORE && report && *report) {
		char first[300];
		str_copy(first, report, sizeof first);
		char *nl = strchr(first, '\n');
		if (nl)
			*nl = '\0';
		rc = err_set(e, ERR_INPUT, "bản sao lưu %s không toàn vẹn (%s); không phục hồi", src,
		             first);
	}
	free(report);
	if (!rc) {
		struct ops_ctx rc_ctx = *c;
		rc_ctx.st = st;
		ra.c = &rc_ctx;
		ra.src = src;
		rc = store_write(st, restore_audit_fn, &ra, e);
	}
	store_close(st);
	return rc;
}

/* Refuse early, saying what it is, a file that is no LMDB file: an export,
 * a plan to import, an empty file (file is src, or src/data.mdb when src
 * is a directory). */
static int check_backup_kind(const char *src, const char *file, int is_dir, struct err *e)
{
	enum filekind k;
	struct err fe;
	err_clear(&fe);
	if (filekind_of_path(file, &k, &fe))
		return is_dir ? err_set(e, ERR_INPUT, "thư mục %s không chứa bản sao lưu (không có "
		                        "data.mdb đọc được)", src)
		              : err_set(e, fe.code, "%s", fe.msg);
	if (k == FK_LMDB)
		return 0;
	char advice[256];
	if (filekind_advice(k, "theodoi restore", advice, sizeof advice))
		return err_set(e, ERR_INPUT, "%s không phải bản sao lưu: %s", src, advice);
	if (k == FK_EMPTY)
		return err_set(e, ERR_INPUT, "%s không phải bản sao lưu: tệp rỗng", src);
	return err_set(e, ERR_INPUT, "%s không phải bản sao lưu của theodoi (tệp do theodoi backup "
	               "tạo ra)", src);
}

int backup_restore(struct ops_ctx *c, const char *src, const char *dir, int force, char *kept,
                   size_t kept_len, struct err *e)
{
	char file[PATH_MAX], tmp[PATH_MAX], data[PATH_MAX];
	struct stat sb;
	enum bk_target state;
	long pid;
	int rc = ops_require(c, PA_MAINTAIN, e);
	if (kept && kept_len)
		kept[0] = '\0';
	if (rc)
		return rc;
	if (stat(src, &sb) != 0)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy tệp sao lưu %s: %s", src,
		               syserr_str(errno));
	rc = S_ISDIR(sb.st_mode) ? snprintf(file, sizeof file, "%s/data.mdb", src)
	                         : snprintf(file, sizeof file, "%s", src);
	if (rc < 0 || (size_t)rc >= sizeof file)
		return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", src);
	if ((rc = check_backup_kind(src, file, S_ISDIR(sb.st_mode), e)))
		return rc;
	if ((rc = bk_target_state(dir, &state, e)))
		return rc;
	if (state == BK_OTHER)
		return err_set(e, ERR_CONFLICT, "%s không phải là kho dữ liệu theodoi: không ghi đè",
		               dir);
	if (state == BK_STORE && !force)
		return err_set(e, ERR_CONFLICT, "đã có kho dữ liệu ở %s: dùng --force để thay bằng bản "
		               "sao lưu (kho hiện có được giữ lại dưới tên khác)", dir);
	if (state == BK_STORE) {
		if ((rc = store_in_use(dir, &pid, e)))
			return rc;
		if (pid)
			return err_set(e, ERR_CONFLICT, "kho dữ liệu %s đang được dùng (tiến trình %ld): "
			               "hãy đóng mọi phiên theodoi rồi phục hồi", dir, pid);
	}
	if ((rc = bk_make_beside(dir, "restore", tmp, sizeof tmp, e)))
		return rc;
	rc = snprintf(data, sizeof data, "%s/data.mdb", tmp) >= (int)sizeof data
	         ? err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", tmp)
	         : 0;
	if (!rc)
		rc = copy_file(file, data, e);
	if (!rc)
		rc = verify_and_stamp(c, tmp, src, e);
	if (!rc)
		rc = bk_place(tmp, dir, state, "restore", kept, kept_len, e);
	if (rc)
		bk_remove_dir(tmp);
	return rc;
}
