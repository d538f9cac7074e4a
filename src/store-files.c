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
#include <unistd.h>

#include "store-impl.h"

int store_copy_fd(struct store *st, int fd, int compact, struct err *e)
{
	int rc = mdb_env_copyfd2(st->env, fd, compact ? MDB_CP_COMPACT : 0);
	if (rc == 0)
		return 0;
	if (rc == ENOSPC || rc == EDQUOT || rc == EFBIG)
		return err_set(e, ERR_IO, "không ghi được bản sao kho dữ liệu %s: đĩa đầy hoặc vượt "
		               "hạn mức (%s)", st->path, strerror(rc));
	return err_set(e, ERR_IO, "không ghi được bản sao kho dữ liệu %s: %s", st->path,
	               mdb_strerror(rc));
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
		return err_set(e, ERR_STORE, "không đọc được tệp khóa %s: %s", path, strerror(errno));
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
		return err_set(e, ERR_STORE, "không kiểm tra được khóa %s: %s", path, strerror(err));
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
