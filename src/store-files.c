/* store-files.c — a store's files seen from outside a transaction: a
 * consistent compacted copy while others work (backups), whether another
 * process has the store open (before a restore), and the raw meta entries
 * (for an export of the whole store). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store-impl.h"
#include "syserr.h"

int store_copy_fd(struct store *st, int fd, int compact, struct err *e)
{
	struct statvfs vfs;
	int rc = mdb_env_copyfd2(st->env, fd, compact ? MDB_CP_COMPACT : 0);
	if (rc == 0)
		return 0;
	/* a short write is EIO to LMDB: a full disk if there is no room left */
	if (rc == EIO && fstatvfs(fd, &vfs) == 0 &&
	    (unsigned long long)(geteuid() == 0 ? vfs.f_bfree : vfs.f_bavail) * vfs.f_frsize <
	        (1ull << 20))
		rc = ENOSPC;
	if (rc == ENOSPC || rc == EFBIG)
		return err_set(e, ERR_IO, "không ghi được bản sao kho dữ liệu %s: đĩa đầy", st->path);
	if (rc == EDQUOT)
		return err_set(e, ERR_IO, "không ghi được bản sao kho dữ liệu %s: hết hạn mức (quota) "
		               "dung lượng đĩa", st->path);
	return err_set(e, ERR_IO, "không ghi được bản sao kho dữ liệu %s: %s", st->path,
	               rc > 0 ? syserr_str(rc) : mdb_strerror(rc));
}

int store_in_use(const char *dir, long *pid, struct err *e)
{
	char path[PATH_MAX];
	struct flock fl;
	int fd;

	*pid = 0;
	if ((size_t)snprintf(path, sizeof path, "%s/lock.mdb", dir) >= sizeof path)
		return err_set(e, ERR_STORE, "đường dẫn kho dữ liệu quá dài: %s", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, ERR_STORE, "không đọc được tệp khóa %s: %s", path, syserr_str(errno));
	}
	/* LMDB holds a shared lock on the first byte of lock.mdb while the
	 * environment is open (an exclusive one while it sets the file up):
	 * ask whether an exclusive lock would conflict. */
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 1;
	if (fcntl(fd, F_GETLK, &fl) != 0) {
		int err = errno;
		close(fd);
		return err_set(e, ERR_STORE, "không kiểm tra được khóa %s: %s", path, syserr_str(err));
	}
	close(fd);
	if (fl.l_type != F_UNLCK)
		*pid = fl.l_pid > 0 ? (long)fl.l_pid : -1;
	return 0;
}

struct meta_walk {
	int (*cb)(const char *key, const void *val, size_t len, void *ctx);
	void *ctx;
};

static int meta_one(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct meta_walk *w = ctx;
	char key[512];
	(void)e;
	if (k->mv_size >= sizeof key)
		return 0; /* store_meta_put never writes such a key */
	memcpy(key, k->mv_data, k->mv_size);
	key[k->mv_size] = '\0';
	return w->cb(key, v->mv_data, v->mv_size, w->ctx);
}

int store_meta_each(struct txn *t, int (*cb)(const char *key, const void *val, size_t len,
                                              void *ctx),
                    void *ctx, struct err *e)
{
	struct meta_walk w = {cb, ctx};
	return store_each_raw(t, DB_META, NULL, 0, meta_one, &w, e);
}

/* ---- a data file cut short ------------------------------------------------ */

/* LMDB's meta page, as it lies in data.mdb on a 64-bit system: a 16-byte
 * page header, then magic, version, address, map size, two database
 * records of 48 bytes (the first one's first word is the page size), the
 * last page used and the transaction id. */
#define META_OFF 16
#define META_MAGIC 0xBEEFC0DEu
#define META_PSIZE (META_OFF + 24)
#define META_LAST_PG (META_OFF + 120)
#define META_TXNID (META_OFF + 128)
#define META_END (META_TXNID + 8)

static uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Read one meta page's last page and txnid; 0 if it is not a meta page. */
static int read_meta(int fd, off_t off, uint32_t *psize, uint64_t *last, uint64_t *txnid)
{
	unsigned char m[META_END];
	if (pread(fd, m, sizeof m, off) != (ssize_t)sizeof m)
		return 0;
	if (le32(m + META_OFF) != META_MAGIC || le32(m + META_OFF + 4) != 1)
		return 0;
	*psize = le32(m + META_PSIZE);
	*last = le64(m + META_LAST_PG);
	*txnid = le64(m + META_TXNID);
	return 1;
}

int store_check_data_file(const char *path, const char *dir, struct err *e)
{
	int fd, rc;

	if (sizeof(size_t) != 8)
		return 0; /* the layout below is the 64-bit one */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0; /* LMDB will say why it cannot open it */
	rc = store_check_data_fd(fd, dir, e);
	close(fd);
	return rc;
}

int store_check_data_fd(int fd, const char *dir, struct err *e)
{
	struct stat sb;
	uint32_t psize = 0, psize1;
	uint64_t last0, txn0, last1 = 0, txn1 = 0, need;
	int ok0, ok1;

	if (sizeof(size_t) != 8)
		return 0; /* the layout below is the 64-bit one */
	/* The meta pages first, the size after: a writer writes the pages of
	 * a transaction before the meta page that names them, and the file
	 * never shrinks, so a size read after a meta page is at least what
	 * that meta page needs, however many writers grow the file meanwhile.
	 * (The other order reported a growing file as cut short.) */
	ok0 = read_meta(fd, 0, &psize, &last0, &txn0);
	if (!ok0 || psize < 512 || psize > 65536 || (psize & (psize - 1)))
		return 0; /* not LMDB's (or empty): LMDB itself refuses it */
	ok1 = read_meta(fd, (off_t)psize, &psize1, &last1, &txn1);
	if (fstat(fd, &sb) != 0)
		return 0;
	need = (ok1 && txn1 > txn0 ? last1 : last0) + 1;
	if (need > (uint64_t)sb.st_size / psize || (uint64_t)sb.st_size < 2 * (uint64_t)psize)
		return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: tệp data.mdb bị cắt cụt "
		               "(%lld byte, cần ít nhất %llu byte); hãy phục hồi từ bản sao lưu", dir,
		               (long long)sb.st_size, (unsigned long long)(need * psize));
	return 0;
}

/* ---- a shared store opened by a raised program ------------------------------- */

/* 1 if sb belongs to the raised identity: the effective group of a setgid
 * program, the effective user of a setuid one. */
static int owned_by_raised(const struct stat *sb)
{
	if (getegid() != getgid() && sb->st_gid != getegid())
		return 0;
	if (geteuid() != getuid() && sb->st_uid != geteuid())
		return 0;
	return 1;
}

int store_check_shared(const char *dir, struct store_ident *data, struct err *e)
{
	static const char *const names[] = {"data.mdb", "lock.mdb"};
	struct stat sb;
	int dfd, fd;

	memset(data, 0, sizeof *data);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0 && errno == ENOENT)
		return 0; /* made by store_open, in the place the configuration names */
	if (dfd < 0)
		return err_set(e, ERR_STORE, "không mở được thư mục kho dữ liệu chung %s: %s%s", dir,
		               syserr_str(errno), errno == ELOOP || errno == ENOTDIR
		                                    ? " (không được là liên kết tượng trưng)" : "");
	if (fstat(dfd, &sb) != 0 || !owned_by_raised(&sb) || (sb.st_mode & S_IWOTH)) {
		close(dfd);
		return err_set(e, ERR_STORE, "thư mục kho dữ liệu chung %s phải thuộc nhóm kho và "
		               "người khác không ghi được (chgrp NHÓM_KHO; chmod 2770)", dir);
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		fd = openat(dfd, names[i], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT)
			continue; /* LMDB makes it, with the directory's group */
		if (fd < 0) {
			int err = errno;
			close(dfd);
			if (err == ELOOP)
				return err_set(e, ERR_STORE, "kho dữ liệu chung %s: %s là liên kết tượng "
				               "trưng; chỉ mở tệp thật của kho", dir, names[i]);
			return err_set(e, ERR_STORE, "kho dữ liệu chung %s: không mở được %s: %s", dir,
			               names[i], syserr_str(err));
		}
		if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || !owned_by_raised(&sb) ||
		    (sb.st_mode & S_IWOTH)) {
			close(fd);
			close(dfd);
			return err_set(e, ERR_STORE, "kho dữ liệu chung %s: %s phải là tệp thường thuộc "
			               "nhóm kho mà người khác không ghi được", dir, names[i]);
		}
		if (i == 0) {
			data->dev = sb.st_dev;
			data->ino = sb.st_ino;
			data->known = 1;
		}
		close(fd);
	}
	close(dfd);
	return 0;
}

int store_check_same_data(MDB_env *env, const char *dir, const struct store_ident *data,
                          struct err *e)
{
	struct stat sb;
	int fd;

	if (!data->known)
		return 0;
	if (mdb_env_get_fd(env, &fd) != 0 || fstat(fd, &sb) != 0 || sb.st_dev != data->dev ||
	    sb.st_ino != data->ino)
		return err_set(e, ERR_STORE, "kho dữ liệu chung %s: data.mdb đã bị thay trong lúc mở; "
		               "không dùng", dir);
	return 0;
}
