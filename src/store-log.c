/* store-log.c — the records that hang from others: updates and extensions
 * of a task, indicators of a document and their measures, and the audit
 * trail (append only). */
#include <string.h>

#include "store-impl.h"

/* ---- shared ------------------------------------------------------------- */

/* 0 if a record exists under the 8-byte id, else ERR_NOTFOUND. */
static int must_exist(struct txn *t, enum store_db db, uint64_t id, const char *what,
                      struct err *e)
{
	unsigned char key[8];
	MDB_val v;
	int rc;

	be64_put(key, id);
	rc = store_get(t, db, key, 8, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy %s %llu", what,
		               (unsigned long long)id);
	return rc;
}

static int fetch(struct txn *t, enum store_db db, uint64_t id, MDB_val *v, const char *what,
                 struct err *e)
{
	unsigned char key[8];
	int rc;

	be64_put(key, id);
	rc = store_get(t, db, key, 8, v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy %s %llu", what,
		               (unsigned long long)id);
	return rc;
}

/* Take a fresh id from seq into *id when it is 0 (*fresh set), else make
 * sure seq is past the given id. */
static int assign_id(struct txn *t, const char *seq, uint64_t *id, int *fresh, struct err *e)
{
	*fresh = *id == 0;
	if (*fresh)
		return store_seq_next(t, seq, id, e);
	return store_seq_bump(t, seq, *id, e);
}

/* Store the encoding in scratch under id, with the index entries: old
 * (NULL: none) to new. */
static int put_encoded(struct txn *t, enum store_db db, uint64_t id, int fresh,
                       const struct ixset *old, const struct ixset *new, struct err *e)
{
	unsigned char key[8];
	int rc;

	be64_put(key, id);
	if ((rc = store_put_record(t, db, key, 8, &t->st->scratch, fresh, e)))
		return rc;
	return ix_apply(t, old, new, e);
}

/* Iterating the records named by an owner index (owner|id -> ""). */
struct owned {
	struct txn *t;
	enum store_db records;
	int (*visit)(const MDB_val *v, void *ctx, struct err *e);
	void *ctx;
	struct err *e;
	int rc; /* an error of ours, as opposed to the callback's stop value */
};

static int owned_id(uint64_t id, void *ctx)
{
	struct owned *o = ctx;
	unsigned char key[8];
	MDB_val v;
	int rc;

	be64_put(key, id);
	rc = store_get(o->t, o->records, key, 8, &v, o->e);
	if (rc == MDB_NOTFOUND)
		return 0; /* a dangling index entry: store_check reports it */
	if (rc)
		return o->rc = rc;
	rc = o->visit(&v, o->ctx, o->e);
	return rc;
}

static int each_owned(struct txn *t, enum store_db index, enum store_db records,
                      uint64_t owner, int newest_first,
                      int (*visit)(const MDB_val *v, void *ctx, struct err *e), void *ctx,
                      struct err *e)
{
	struct owned o = {t, records, visit, ctx, e, 0};
	unsigned char prefix[8];
	int rc;

	be64_put(prefix, owner);
	rc = store_prefix_each(t, index, prefix, 8, 8, newest_first, owned_id, &o, e);
	return o.rc ? o.rc : rc;
}

/* ---- updates: the journal, keyed (task id, update id) ---------------------- */

int store_update_add(struct txn *t, struct update *u, struct err *e)
{
	unsigned char key[JOURNAL_KEY_MAX];
	size_t klen;
	int rc, fresh;

	if ((rc = store_need_write(t, e)) ||
	    (rc = must_exist(t, DB_TASKS, u->task_id, "nhiệm vụ", e)))
		return rc;
	if ((rc = assign_id(t, "update", &u->id, &fresh, e)))
		return rc;
	sbuf_reset(&t->st->scratch);
	klen = journal_key(key, u->task_id, u->id);
	if (!(rc = codec_update_encode_d(u, store_dict(t), &t->st->scratch, e)))
		rc = store_put(t, DB_JOURNAL, key, klen, t->st->scratch.s, t->st->scratch.len, 0, e);
	if (rc && fresh)
		u->id = 0;
	return rc;
}

int store_update_get(struct txn *t, uint64_t task, uint64_t id, struct update *out,
                     struct err *e)
{
	unsigned char key[JOURNAL_KEY_MAX];
	size_t klen = journal_key(key, task, id);
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_get(t, DB_JOURNAL, key, klen, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy cập nhật %llu của nhiệm vụ %llu",
		               (unsigned long long)id, (unsigned long long)task);
	if (rc)
		return rc;
	return codec_update_decode_d(v.mv_data, v.mv_size, task, id, store_dict(t), out, e);
}

int store_journal_each(struct txn *t, uint64_t task, int reverse, store_raw_fn fn, void *ctx,
                       struct err *e)
{
	unsigned char start[JOURNAL_KEY_MAX];
	size_t plen = oint_put(start, task);
	MDB_cursor *c;
	MDB_val k, v;
	int rc, ret = 0;

	if ((rc = store_cursor(t, DB_JOURNAL, &c, e)))
		return rc;
	if (reverse) {
		/* the first key past the task's range: the next task id */
		size_t n = oint_put(start, task + 1);
		k = (MDB_val){n, start};
		rc = task == UINT64_MAX ? mdb_cursor_get(c, &k, &v, MDB_LAST)
		                        : mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
		if (rc == 0 && task != UINT64_MAX)
			rc = mdb_cursor_get(c, &k, &v, MDB_PREV);
		else if (rc == MDB_NOTFOUND && task != UINT64_MAX)
			rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
		oint_put(start, task);
	} else {
		k = (MDB_val){plen, start};
		rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
	}
	while (rc == 0) {
		if (k.mv_size <= plen || memcmp(k.mv_data, start, plen) != 0)
			break;
		if ((ret = fn(&k, &v, ctx, e)))
			break;
		rc = mdb_cursor_get(c, &k, &v, reverse ? MDB_PREV : MDB_NEXT);
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[DB_JOURNAL].name);
	return 0;
}

int store_journal_del(struct txn *t, uint64_t task, struct err *e)
{
	unsigned char key[JOURNAL_KEY_MAX];
	size_t plen = oint_put(key, task);
	MDB_cursor *c;
	MDB_val k = {plen, key}, v;
	int rc;

	if ((rc = store_cursor(t, DB_JOURNAL, &c, e)))
		return rc;
	/* seek afresh after each deletion: no reliance on where LMDB leaves
	 * a cursor whose item went */
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE)) {
		if (k.mv_size <= plen || memcmp(k.mv_data, key, plen) != 0)
			break;
		if ((rc = mdb_cursor_del(c, 0)))
			break;
		k = (MDB_val){plen, key};
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[DB_JOURNAL].name);
	return 0;
}

struct update_cb {
	int (*cb)(const struct update *u, void *ctx);
	void *ctx;
	const struct codec_dict *dict;
};

static int visit_update(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct update_cb *c = ctx;
	struct update u;
	uint64_t task, id;
	int rc;

	if (journal_key_parse(k->mv_data, k->mv_size, &task, &id))
		return err_set(e, ERR_STORE, "khóa sai dạng trong nhật ký cập nhật (%zu byte)",
		               k->mv_size);
	if ((rc = codec_update_decode_d(v->mv_data, v->mv_size, task, id, c->dict, &u, e)))
		return rc;
	rc = c->cb(&u, c->ctx);
	update_free(&u);
	return rc;
}

int store_updates_of_task(struct txn *t, uint64_t task,
                          int (*cb)(const struct update *u, void *ctx), void *ctx,
                          struct err *e)
{
	struct update_cb c = {cb, ctx, store_dict(t)};
	return store_journal_each(t, task, 1, visit_update, &c, e);
}

/* ---- extensions ------------------------------------------------------------ */

int store_extension_add(struct txn *t, struct extension *x, struct err *e)
{
	struct ixset ix;
	int rc, fresh;

	if ((rc = store_need_write(t, e)) ||
	    (rc = must_exist(t, DB_TASKS, x->task_id, "nhiệm vụ", e)))
		return rc;
	if ((rc = assign_id(t, "extension", &x->id, &fresh, e)))
		return rc;
	sbuf_reset(&t->st->scratch);
	ix_of_extension(x, &ix);
	if (!(rc = codec_extension_encode(x, &t->st->scratch, e)))
		rc = put_encoded(t, DB_EXTENSIONS, x->id, fresh, NULL, &ix, e);
	if (rc && fresh)
		x->id = 0;
	return rc;
}

struct extension_cb {
	int (*cb)(const struct extension *x, void *ctx);
	void *ctx;
};

static int visit_extension(const MDB_val *v, void *ctx, struct err *e)
{
	struct extension_cb *c = ctx;
	struct extension x;
	int rc;

	if ((rc = codec_extension_decode(v->mv_data, v->mv_size, &x, e)))
		return rc;
	rc = c->cb(&x, c->ctx);
	extension_free(&x);
	return rc;
}

int store_extensions_of_task(struct txn *t, uint64_t task,
                             int (*cb)(const struct extension *x, void *ctx), void *ctx,
                             struct err *e)
{
	struct extension_cb c = {cb, ctx};
	return each_owned(t, DB_EXT_TASK, DB_EXTENSIONS, task, 0, visit_extension, &c, e);
}

int store_extension_get(struct txn *t, uint64_t id, struct extension *out, struct err *e)
{
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = fetch(t, DB_EXTENSIONS, id, &v, "gia hạn", e)))
		return rc;
	return codec_extension_decode(v.mv_data, v.mv_size, out, e);
}

int store_extension_put(struct txn *t, const struct extension *x, struct err *e)
{
	struct extension prev;
	struct ixset ix;
	int rc;

	if ((rc = store_need_write(t, e)) || (rc = store_extension_get(t, x->id, &prev, e)))
		return rc;
	rc = prev.task_id != x->task_id
	         ? err_set(e, ERR_INPUT, "gia hạn %llu thuộc nhiệm vụ khác",
	                   (unsigned long long)x->id)
	         : 0;
	extension_free(&prev);
	if (rc)
		return rc;
	sbuf_reset(&t->st->scratch);
	ix_of_extension(x, &ix);
	if (!(rc = codec_extension_encode(x, &t->st->scratch, e)))
		rc = put_encoded(t, DB_EXTENSIONS, x->id, 0, &ix, &ix, e);
	return rc;
}

static int extension_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	(void)k;
	return visit_extension(v, ctx, e);
}

int store_extensions_each(struct txn *t, int (*cb)(const struct extension *x, void *ctx),
                          void *ctx, struct err *e)
{
	struct extension_cb c = {cb, ctx};
	return store_each_raw(t, DB_EXTENSIONS, NULL, 0, extension_raw, &c, e);
}

/* ---- indicators and measures --------------------------------------------- */

int store_indicator_get(struct txn *t, uint64_t id, struct indicator *out, struct err *e)
{
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = fetch(t, DB_INDICATORS, id, &v, "chỉ tiêu", e)))
		return rc;
	return codec_indicator_decode(v.mv_data, v.mv_size, out, e);
}

int store_indicator_put(struct txn *t, struct indicator *i, struct err *e)
{
	struct ixset old = {0}, new;
	int rc, fresh;

	if ((rc = store_need_write(t, e)))
		return rc;
	if ((rc = assign_id(t, "indicator", &i->id, &fresh, e)))
		return rc;
	if (!fresh) {
		struct indicator prev;
		rc = store_indicator_get(t, i->id, &prev, e);
		if (rc == 0) {
			ix_of_indicator(&prev, &old);
			indicator_free(&prev);
		} else if (rc != ERR_NOTFOUND) {
			return rc;
		}
		err_clear(e);
	}
	sbuf_reset(&t->st->scratch);
	ix_of_indicator(i, &new);
	if (!(rc = codec_indicator_encode(i, &t->st->scratch, e)))
		rc = put_encoded(t, DB_INDICATORS, i->id, fresh, &old, &new, e);
	if (rc && fresh)
		i->id = 0;
	return rc;
}

int store_indicator_del(struct txn *t, uint64_t id, struct err *e)
{
	struct indicator prev;
	struct ixset old;
	unsigned char key[8];
	int rc;

	if ((rc = store_need_write(t, e)) || (rc = store_indicator_get(t, id, &prev, e)))
		return rc;
	ix_of_indicator(&prev, &old);
	indicator_free(&prev);
	be64_put(key, id);
	if ((rc = store_del_owned(t, DB_MEAS_IND, DB_MEASURES, key, e)) ||
	    (rc = ix_apply(t, &old, NULL, e)))
		return rc;
	return store_del(t, DB_INDICATORS, key, 8, NULL, 0, e);
}

struct indicator_cb {
	int (*cb)(const struct indicator *i, void *ctx);
	void *ctx;
};

static int indicator_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct indicator_cb *c = ctx;
	struct indicator i;
	int rc;

	(void)k;
	if ((rc = codec_indicator_decode(v->mv_data, v->mv_size, &i, e)))
		return rc;
	rc = c->cb(&i, c->ctx);
	indicator_free(&i);
	return rc;
}

int store_indicators_each(struct txn *t, int (*cb)(const struct indicator *i, void *ctx),
                          void *ctx, struct err *e)
{
	struct indicator_cb c = {cb, ctx};
	return store_each_raw(t, DB_INDICATORS, NULL, 0, indicator_raw, &c, e);
}

int store_measure_add(struct txn *t, struct measure *m, struct err *e)
{
	struct ixset ix;
	int rc, fresh;

	if ((rc = store_need_write(t, e)) ||
	    (rc = must_exist(t, DB_INDICATORS, m->indicator_id, "chỉ tiêu", e)))
		return rc;
	if ((rc = assign_id(t, "measure", &m->id, &fresh, e)))
		return rc;
	sbuf_reset(&t->st->scratch);
	ix_of_measure(m, &ix);
	if (!(rc = codec_measure_encode(m, &t->st->scratch, e)))
		rc = put_encoded(t, DB_MEASURES, m->id, fresh, NULL, &ix, e);
	if (rc && fresh)
		m->id = 0;
	return rc;
}

struct measure_cb {
	int (*cb)(const struct measure *m, void *ctx);
	void *ctx;
};

static int visit_measure(const MDB_val *v, void *ctx, struct err *e)
{
	struct measure_cb *c = ctx;
	struct measure m;
	int rc;

	if ((rc = codec_measure_decode(v->mv_data, v->mv_size, &m, e)))
		return rc;
	rc = c->cb(&m, c->ctx);
	measure_free(&m);
	return rc;
}

int store_measures_of(struct txn *t, uint64_t indicator,
                      int (*cb)(const struct measure *m, void *ctx), void *ctx, struct err *e)
{
	struct measure_cb c = {cb, ctx};
	return each_owned(t, DB_MEAS_IND, DB_MEASURES, indicator, 0, visit_measure, &c, e);
}

/* ---- audit ------------------------------------------------------------------ */

int store_audit_add(struct txn *t, struct audit *a, struct err *e)
{
	unsigned char key[8];
	uint64_t seq;
	int rc;

	if ((rc = store_need_write(t, e)) || (rc = store_seq_next(t, "audit", &seq, e)))
		return rc;
	a->seq = seq;
	sbuf_reset(&t->st->scratch);
	be64_put(key, seq);
	if ((rc = codec_audit_encode(a, &t->st->scratch, e)) ||
	    (rc = store_put_record(t, DB_AUDIT, key, 8, &t->st->scratch, 1, e)))
		a->seq = 0;
	return rc;
}

struct audit_cb {
	int (*cb)(const struct audit *a, void *ctx);
	void *ctx;
};

static int audit_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct audit_cb *c = ctx;
	struct audit a;
	int rc;

	(void)k;
	if ((rc = codec_audit_decode(v->mv_data, v->mv_size, &a, e)))
		return rc;
	rc = c->cb(&a, c->ctx);
	audit_free(&a);
	return rc;
}

int store_audit_each(struct txn *t, uint64_t from, int (*cb)(const struct audit *a, void *ctx),
                     void *ctx, struct err *e)
{
	struct audit_cb c = {cb, ctx};
	unsigned char key[8];

	be64_put(key, from);
	return store_each_raw(t, DB_AUDIT, key, 8, audit_raw, &c, e);
}
