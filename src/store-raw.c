/* store-raw.c — the store's thin layer over LMDB calls: turning LMDB
 * errors into messages, get/put/delete on a named database, and walking
 * keys by prefix. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store-impl.h"
#include "syserr.h"

/* ---- errors and raw access ------------------------------------------- */

/* LMDB turns a short write (a disk that filled during the write) into
 * EIO: when the store's file system has no room left, that is a full
 * disk, not a failing one. */
static int disk_full(const char *dir)
{
	struct statvfs vfs;
	unsigned long long room;

	if (!dir || statvfs(dir, &vfs) != 0)
		return 0;
	room = (unsigned long long)(geteuid() == 0 ? vfs.f_bfree : vfs.f_bavail) * vfs.f_frsize;
	return room < (1ull << 20);
}

int store_write_err(struct store *st, int rc, struct err *e, const char *what)
{
	if (rc == EIO && st && disk_full(st->path))
		rc = ENOSPC;
	return store_lmdb_err(NULL, rc, e, what);
}

int store_lmdb_err(struct txn *t, int rc, struct err *e, const char *what)
{
	if (t && rc == MDB_MAP_FULL)
		t->map_full = 1;
	if (t && rc == EIO && disk_full(t->st->path))
		rc = ENOSPC;
	if (rc == MDB_TXN_FULL)
		return err_set(e, ERR_STORE, "lỗi kho dữ liệu (%s): giao dịch quá lớn, hãy "
		               "ghi thành nhiều đợt nhỏ hơn", what);
	if (rc == ENOSPC || rc == EFBIG)
		return err_set(e, ERR_STORE, "không ghi được vào kho dữ liệu (%s): đĩa đầy%s; thay "
		               "đổi này chưa được ghi, dữ liệu đã có không mất; hãy giải phóng chỗ "
		               "trống rồi làm lại", what,
		               rc == EFBIG ? " (tệp đạt giới hạn kích thước)" : "");
	if (rc == EDQUOT)
		return err_set(e, ERR_STORE, "không ghi được vào kho dữ liệu (%s): hết hạn mức (quota) "
		               "dung lượng đĩa; thay đổi này chưa được ghi, dữ liệu đã có không mất; "
		               "hãy giải phóng chỗ hoặc xin nâng hạn mức rồi làm lại", what);
	if (rc == EACCES || rc == EPERM || rc == EROFS)
		return err_set(e, ERR_STORE, "không có quyền ghi vào kho dữ liệu (%s): %s", what,
		               syserr_str(rc));
	if (rc == EIO)
		return err_set(e, ERR_STORE, "lỗi đọc/ghi đĩa ở kho dữ liệu (%s); hãy kiểm tra đĩa "
		               "(theodoi check-store) và phục hồi từ bản sao lưu nếu cần", what);
	return err_set(e, ERR_STORE, "lỗi kho dữ liệu (%s): %s", what,
	               rc > 0 ? syserr_str(rc) : mdb_strerror(rc));
}

int store_need_write(struct txn *t, struct err *e)
{
	if (!t->write)
		return err_set(e, ERR_INTERNAL, "cần giao dịch ghi mà chỉ có giao dịch đọc");
	return 0;
}

int store_get(struct txn *t, enum store_db db, const void *key, size_t klen, MDB_val *val,
              struct err *e)
{
	MDB_val k = {klen, (void *)key};
	int rc = mdb_get(t->txn, t->st->dbi[db], &k, val);

	if (rc == 0 || rc == MDB_NOTFOUND)
		return rc;
	return store_lmdb_err(t, rc, e, store_db_table[db].name);
}

int store_put(struct txn *t, enum store_db db, const void *key, size_t klen, const void *val,
              size_t vlen, unsigned flags, struct err *e)
{
	MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
	int rc = mdb_put(t->txn, t->st->dbi[db], &k, &v, flags);

	if (rc)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

int store_del(struct txn *t, enum store_db db, const void *key, size_t klen, const void *val,
              size_t vlen, struct err *e)
{
	MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
	int rc = mdb_del(t->txn, t->st->dbi[db], &k, val ? &v : NULL);

	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

int store_cursor(struct txn *t, enum store_db db, MDB_cursor **out, struct err *e)
{
	int rc = mdb_cursor_open(t->txn, t->st->dbi[db], out);
	if (rc)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

int store_put_record(struct txn *t, enum store_db db, const void *key, size_t klen,
                     const struct sbuf *val, int fresh, struct err *e)
{
	MDB_val k = {klen, (void *)key}, v = {val->len, val->s};
	int rc = MDB_KEYEXIST;

	if (fresh)
		rc = mdb_put(t->txn, t->st->dbi[db], &k, &v, MDB_APPEND);
	if (rc == MDB_KEYEXIST) {
		/* not the last key (or not fresh): an ordinary put; a fresh id
		 * that already exists means the sequence was damaged */
		rc = mdb_put(t->txn, t->st->dbi[db], &k, &v, fresh ? MDB_NOOVERWRITE : 0);
		if (rc == MDB_KEYEXIST)
			return err_set(e, ERR_STORE, "kho dữ liệu bị hỏng: mã mới của %s đã có "
			               "(hãy chạy kiểm tra kho)", store_db_table[db].name);
	}
	if (rc)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

/* Position c at the first key >= prefix, or (reverse) at the last key that
 * starts with prefix.  Returns 0, MDB_NOTFOUND or an LMDB error. */
static int prefix_seek(MDB_cursor *c, const void *prefix, size_t plen, int reverse,
                       MDB_val *k, MDB_val *v)
{
	unsigned char up[64];
	size_t n = plen;
	int rc;

	k->mv_size = plen;
	k->mv_data = (void *)prefix;
	if (!reverse)
		return mdb_cursor_get(c, k, v, MDB_SET_RANGE);
	/* the smallest key after every key with this prefix: the prefix plus
	 * one, carried; none when the prefix is all 0xff */
	memcpy(up, prefix, plen);
	while (n > 0 && up[n - 1] == 0xff)
		n--;
	if (n == 0) {
		rc = mdb_cursor_get(c, k, v, MDB_LAST);
	} else {
		up[n - 1]++;
		k->mv_size = n;
		k->mv_data = up;
		rc = mdb_cursor_get(c, k, v, MDB_SET_RANGE);
		if (rc == 0)
			rc = mdb_cursor_get(c, k, v, MDB_PREV);
		else if (rc == MDB_NOTFOUND)
			rc = mdb_cursor_get(c, k, v, MDB_LAST);
	}
	return rc;
}

/* A database of sorted duplicates keyed by the whole prefix: its values
 * in order, the id at byte off - plen of each. */
static int dup_each(struct txn *t, enum store_db db, const void *key, size_t klen, size_t off,
                    int reverse, store_id_fn cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k = {klen, (void *)key}, v;
	size_t voff = off - klen;
	int rc, ret = 0;

	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
	if (rc == 0 && reverse)
		rc = mdb_cursor_get(c, &k, &v, MDB_LAST_DUP);
	while (rc == 0 && v.mv_size >= voff + 8) {
		if ((ret = cb(be64_get((const unsigned char *)v.mv_data + voff), ctx)))
			break;
		rc = mdb_cursor_get(c, &k, &v, reverse ? MDB_PREV_DUP : MDB_NEXT_DUP);
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return ret;
}

int store_prefix_each(struct txn *t, enum store_db db, const void *prefix, size_t plen,
                      size_t off, int reverse, store_id_fn cb, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc, ret = 0;

	if (plen > 64)
		return err_set(e, ERR_INTERNAL, "tiền tố khóa quá dài");
	if ((store_db_table[db].flags & MDB_DUPSORT) && off >= plen)
		return dup_each(t, db, prefix, plen, off, reverse, cb, ctx, e);
	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	rc = prefix_seek(c, prefix, plen, reverse, &k, &v);
	while (rc == 0) {
		if (k.mv_size < plen || memcmp(k.mv_data, prefix, plen) != 0 ||
		    k.mv_size < off + 8)
			break;
		ret = cb(be64_get((const unsigned char *)k.mv_data + off), ctx);
		if (ret)
			break;
		rc = mdb_cursor_get(c, &k, &v, reverse ? MDB_PREV : MDB_NEXT);
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return ret;
}

int store_each_raw(struct txn *t, enum store_db db, const void *start, size_t slen,
                   store_raw_fn fn, void *ctx, struct err *e)
{
	MDB_cursor *c;
	MDB_val k = {slen, (void *)start}, v;
	int rc, ret = 0;

	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, start ? MDB_SET_RANGE : MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if ((ret = fn(&k, &v, ctx, e)))
			break;
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

struct id_list {
	uint64_t *ids;
	size_t n, cap;
};

static int collect_id(uint64_t id, void *ctx)
{
	struct id_list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->ids = xrealloc(l->ids, l->cap * sizeof *l->ids);
	}
	l->ids[l->n++] = id;
	return 0;
}

int store_prefix_ids(struct txn *t, enum store_db db, const void *prefix, size_t plen,
                     size_t off, uint64_t **ids, size_t *n, struct err *e)
{
	struct id_list l = {0};
	int rc = store_prefix_each(t, db, prefix, plen, off, 0, collect_id, &l, e);

	if (rc) {
		free(l.ids);
		l.ids = NULL;
		l.n = 0;
	}
	*ids = l.ids;
	*n = l.n;
	return rc;
}

/* Delete the entries owner|id of an owner index and the records they name. */
int store_del_owned(struct txn *t, enum store_db index, enum store_db records,
                     const unsigned char *owner, struct err *e)
{
	uint64_t *ids;
	size_t n;
	int rc = store_prefix_ids(t, index, owner, 8, 8, &ids, &n, e);

	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char key[16];
		memcpy(key, owner, 8);
		be64_put(key + 8, ids[i]);
		if (!(rc = store_del(t, index, key, 16, NULL, 0, e)))
			rc = store_del(t, records, key + 8, 8, NULL, 0, e);
	}
	free(ids);
	return rc;
}
