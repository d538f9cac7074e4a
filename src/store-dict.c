/* store-dict.c — the store's dictionary of repeated strings (codec.h,
 * struct codec_dict): "dict" maps an id to its string, "dict_str" the
 * string back to its id.  A string is added in the write transaction of
 * the record that first uses it, so an aborted transaction takes its new
 * strings with it; ids come from the sequence "dict" and are never reused
 * nor removed (a deleted record in the trash may still name them). */
#include <string.h>

#include "store-impl.h"

static int dict_intern(void *ctx, const char *s, size_t n, uint32_t *id, struct err *e)
{
	struct txn *t = ctx;
	unsigned char key[4];
	uint64_t next;
	MDB_val v;
	int rc;

	*id = 0;
	if ((rc = store_need_write(t, e)))
		return rc;
	if (n == 0 || n > CODEC_DICT_MAX_LEN)
		return err_set(e, ERR_INTERNAL, "chuỗi dài %zu byte không vào từ điển được", n);
	rc = store_get(t, DB_DICT_STR, s, n, &v, e);
	if (rc == 0 && v.mv_size == 4) {
		*id = be32_get(v.mv_data);
		return 0;
	}
	if (rc == 0)
		return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: mục từ điển sai kích thước",
		               store_path(t->st));
	if (rc != MDB_NOTFOUND)
		return rc;
	if ((rc = store_seq_next(t, "dict", &next, e)))
		return rc;
	if (next > UINT32_MAX)
		return err_set(e, ERR_STORE, "từ điển của kho dữ liệu đã đầy");
	be32_put(key, (uint32_t)next);
	if ((rc = store_put(t, DB_DICT, key, 4, s, n, MDB_APPEND, e)) ||
	    (rc = store_put(t, DB_DICT_STR, s, n, key, 4, 0, e)))
		return rc;
	*id = (uint32_t)next;
	return 0;
}

static int dict_lookup(void *ctx, uint32_t id, const char **s, size_t *n, struct err *e)
{
	struct txn *t = ctx;
	struct dict_slot *slot = NULL;
	unsigned char key[4];
	MDB_val v;
	int rc;

	/* A read transaction sees a fixed map: what it found stays where it
	 * is, so a scan of a million tasks looks each phrase up once.  (A
	 * write transaction moves pages as it writes: no cache there.) */
	if (!t->write) {
		if (!t->dict_cache)
			t->dict_cache = xcalloc(DICT_CACHE, sizeof *t->dict_cache);
		slot = &t->dict_cache[id % DICT_CACHE];
		if (slot->id == id && id != 0) {
			*s = slot->s;
			*n = slot->len;
			return 0;
		}
	}
	be32_put(key, id);
	rc = store_get(t, DB_DICT, key, 4, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_STORE, "chuỗi số %u không có trong từ điển", id);
	if (rc)
		return rc;
	*s = v.mv_data;
	*n = v.mv_size;
	if (slot && v.mv_size <= UINT32_MAX) {
		slot->id = id;
		slot->len = (uint32_t)v.mv_size;
		slot->s = v.mv_data;
	}
	return 0;
}

const struct codec_dict *store_dict(struct txn *t)
{
	t->dict.intern = dict_intern;
	t->dict.lookup = dict_lookup;
	t->dict.ctx = t;
	return &t->dict;
}

/* Every id maps to a string that maps back to it, and the other way. */
static int check_forward(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct dict_check *c = ctx;
	MDB_val back;
	int rc;

	if (k->mv_size != 4 || v->mv_size == 0 || v->mv_size > CODEC_DICT_MAX_LEN) {
		store_report(c->rep, c->nproblems, "từ điển: mục có kích thước sai");
		return 0;
	}
	uint32_t id = be32_get(k->mv_data);
	if (id > c->maxid)
		c->maxid = id;
	/* the string must be found again; under another id is harmless (a
	 * string added twice after dict_str was lost and rebuilt), and that
	 * id's string is checked by the other direction */
	rc = store_get(c->t, DB_DICT_STR, v->mv_data, v->mv_size, &back, e);
	if (rc && rc != MDB_NOTFOUND)
		return rc;
	if (rc)
		store_report(c->rep, c->nproblems, "từ điển: chuỗi số %u thiếu trong dict_str", id);
	return 0;
}

static int check_backward(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct dict_check *c = ctx;
	MDB_val fwd;
	int rc;

	if (v->mv_size != 4) {
		store_report(c->rep, c->nproblems, "từ điển: mục dict_str có kích thước sai");
		return 0;
	}
	rc = store_get(c->t, DB_DICT, v->mv_data, 4, &fwd, e);
	if (rc && rc != MDB_NOTFOUND)
		return rc;
	if (rc || fwd.mv_size != k->mv_size || memcmp(fwd.mv_data, k->mv_data, k->mv_size))
		store_report(c->rep, c->nproblems, "từ điển: mục dict_str trỏ tới chuỗi số %u "
		             "không khớp", be32_get(v->mv_data));
	return 0;
}

int store_dict_check(struct dict_check *c, struct err *e)
{
	uint64_t seq;
	int rc;

	if ((rc = store_each_raw(c->t, DB_DICT, NULL, 0, check_forward, c, e)) ||
	    (rc = store_each_raw(c->t, DB_DICT_STR, NULL, 0, check_backward, c, e)) ||
	    (rc = store_seq_peek(c->t, "dict", &seq, e)))
		return rc;
	if (c->maxid > seq)
		store_report(c->rep, c->nproblems, "dãy số dict (%llu) nhỏ hơn mã lớn nhất (%u)",
		             (unsigned long long)seq, c->maxid);
	return 0;
}

int store_dict_rebuild(struct txn *t, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, v;
	uint32_t maxid = 0;
	int rc, ret = 0;

	if ((rc = store_need_write(t, e)))
		return rc;
	if ((rc = mdb_drop(t->txn, t->st->dbi[DB_DICT_STR], 0)))
		return store_lmdb_err(t, rc, e, store_db_table[DB_DICT_STR].name);
	if ((rc = store_cursor(t, DB_DICT, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 4 || v.mv_size == 0 || v.mv_size > CODEC_DICT_MAX_LEN)
			continue; /* check-store names it */
		MDB_val sk = v, id = k;
		int prc = mdb_put(t->txn, t->st->dbi[DB_DICT_STR], &sk, &id, MDB_NOOVERWRITE);
		if (prc && prc != MDB_KEYEXIST) {
			ret = store_lmdb_err(t, prc, e, store_db_table[DB_DICT_STR].name);
			break;
		}
		if (be32_get(k.mv_data) > maxid)
			maxid = be32_get(k.mv_data);
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[DB_DICT].name);
	return store_seq_bump(t, "dict", maxid, e);
}
