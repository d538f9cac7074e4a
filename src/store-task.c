/* store-task.c — task records, kept in step with their indexes (due,
 * unit_due, task_lead, task_doc, task_partner) and the counters; and the
 * task iterators. */
#include <stdlib.h>
#include <string.h>

#include "store-impl.h"

int store_task_get(struct txn *t, uint64_t id, struct task *out, struct err *e)
{
	unsigned char key[8];
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	be64_put(key, id);
	rc = store_get(t, DB_TASKS, key, 8, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ %llu",
		               (unsigned long long)id);
	if (rc)
		return rc;
	return codec_task_decode(v.mv_data, v.mv_size, out, e);
}

/* What the stored version of a task contributes to indexes and counters. */
struct task_trace {
	int present;
	uint32_t lead;
	date_t slot;
	struct ixset ix;
};

static int task_trace(struct txn *t, const unsigned char *key, struct task_trace *tr,
                      struct err *e)
{
	struct task prev;
	MDB_val v;
	int rc = store_get(t, DB_TASKS, key, 8, &v, e);

	memset(tr, 0, sizeof *tr);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	if ((rc = codec_task_decode(v.mv_data, v.mv_size, &prev, e)))
		return rc;
	tr->present = 1;
	tr->lead = prev.lead;
	tr->slot = count_slot(&prev);
	ix_of_task(&prev, &tr->ix);
	task_free(&prev);
	return 0;
}

static int task_put(struct txn *t, struct task *task, int fresh, struct err *e)
{
	struct task_trace old = {0};
	struct ixset new;
	unsigned char key[8];
	date_t slot = count_slot(task);
	int rc;

	be64_put(key, task->id);
	if (!fresh && ((rc = task_trace(t, key, &old, e)) ||
	               (rc = store_seq_bump(t, "task", task->id, e))))
		return rc;
	sbuf_reset(&t->st->scratch);
	if ((rc = codec_task_encode(task, &t->st->scratch, e)) ||
	    (rc = store_put_record(t, DB_TASKS, key, 8, &t->st->scratch, fresh, e)))
		return rc;
	ix_of_task(task, &new);
	if ((rc = ix_apply(t, old.present ? &old.ix : NULL, &new, e)))
		return rc;
	if (old.present && old.lead == task->lead && old.slot == slot)
		return 0;
	if (old.present && (rc = count_add(t, old.lead, old.slot, -1, e)))
		return rc;
	return count_add(t, task->lead, slot, 1, e);
}

int store_task_put(struct txn *t, struct task *task, struct err *e)
{
	int rc, fresh = 0;

	if ((rc = store_need_write(t, e)))
		return rc;
	if (task->due != DATE_NONE && task->due >= STORE_SLOT_NODUE)
		return err_set(e, ERR_INPUT, "hạn của nhiệm vụ nằm ngoài phạm vi ngày");
	int distinct = 0;
	for (int i = 0; i < task->npartners; i++) {
		int seen = !task->partners[i];
		for (int j = 0; j < i && !seen; j++)
			seen = task->partners[j] == task->partners[i];
		distinct += !seen;
	}
	if (distinct > STORE_PARTNERS_MAX)
		return err_set(e, ERR_INPUT, "nhiệm vụ có %d đơn vị phối hợp, nhiều hơn mức tối đa %d",
		               distinct, STORE_PARTNERS_MAX);
	if (task->id == 0) {
		if ((rc = store_seq_next(t, "task", &task->id, e)))
			return rc;
		fresh = 1;
	}
	rc = task_put(t, task, fresh, e);
	if (rc && fresh)
		task->id = 0;
	return rc;
}

int store_task_del(struct txn *t, uint64_t id, struct err *e)
{
	struct task_trace old;
	unsigned char key[8];
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	be64_put(key, id);
	if ((rc = task_trace(t, key, &old, e)))
		return rc;
	if (!old.present)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ %llu",
		               (unsigned long long)id);
	if ((rc = store_del_owned(t, DB_UPD_TASK, DB_UPDATES, key, e)) ||
	    (rc = store_del_owned(t, DB_EXT_TASK, DB_EXTENSIONS, key, e)) ||
	    (rc = ix_apply(t, &old.ix, NULL, e)) ||
	    (rc = count_add(t, old.lead, old.slot, -1, e)))
		return rc;
	return store_del(t, DB_TASKS, key, 8, NULL, 0, e);
}

/* ---- iterators ------------------------------------------------------------ */

int store_tasks_by_doc(struct txn *t, uint64_t doc, store_id_fn cb, void *ctx, struct err *e)
{
	unsigned char prefix[8];

	be64_put(prefix, doc);
	return store_prefix_each(t, DB_TASK_DOC, prefix, 8, 8, 0, cb, ctx, e);
}

int store_tasks_by_lead(struct txn *t, uint32_t lead, store_id_fn cb, void *ctx, struct err *e)
{
	unsigned char prefix[4];

	be32_put(prefix, lead);
	return store_prefix_each(t, DB_TASK_LEAD, prefix, 4, 4, 0, cb, ctx, e);
}

int store_tasks_by_partner(struct txn *t, uint32_t unit, store_id_fn cb, void *ctx,
                           struct err *e)
{
	unsigned char prefix[4];

	be32_put(prefix, unit);
	return store_prefix_each(t, DB_TASK_PARTNER, prefix, 4, 4, 0, cb, ctx, e);
}

struct from_walk {
	unsigned char prefix[4];
	store_id_fn cb;
	void *ctx;
	int past;        /* the walk went past the unit's entries */
};

static int from_entry(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct from_walk *w = ctx;

	(void)v;
	(void)e;
	if (k->mv_size < 12 || memcmp(k->mv_data, w->prefix, 4) != 0) {
		w->past = 1;
		return 1;
	}
	return w->cb(be64_get((const unsigned char *)k->mv_data + 4), w->ctx);
}

int store_tasks_by_partner_from(struct txn *t, uint32_t unit, uint64_t from, store_id_fn cb,
                                void *ctx, struct err *e)
{
	struct from_walk w = { {0}, cb, ctx, 0 };
	unsigned char start[12];
	int rc;

	be32_put(w.prefix, unit);
	memcpy(start, w.prefix, 4);
	be64_put(start + 4, from);
	rc = store_each_raw(t, DB_TASK_PARTNER, start, sizeof(start), from_entry, &w, e);
	return w.past ? 0 : rc;
}

struct partner_build {
	struct txn *t;
	struct err *e;
	int rc;
};

static int partner_entries(const struct task *task, void *ctx)
{
	struct partner_build *b = ctx;
	struct ixset all, mine = {0};
	ix_of_task(task, &all);
	for (int i = 0; i < all.n; i++)
		if (all.e[i].db == DB_TASK_PARTNER)
			mine.e[mine.n++] = all.e[i];
	if ((b->rc = ix_apply(b->t, NULL, &mine, b->e)))
		return 1;
	return 0;
}

int partner_migrate_3(struct txn *t, struct err *e)
{
	struct partner_build b = {t, e, 0};
	int rc;
	if ((rc = store_need_write(t, e)))
		return rc;
	rc = store_tasks_each(t, partner_entries, &b, e);
	return b.rc ? b.rc : rc;
}

int store_tasks_by_due(struct txn *t, uint32_t lead, date_t from, date_t to,
                       store_due_fn cb, void *ctx, struct err *e)
{
	/* due:      day|id -> lead          (lead 0: the whole store)
	 * unit_due: lead|day|id -> ""                                     */
	enum store_db db = lead ? DB_UNIT_DUE : DB_DUE;
	size_t off = lead ? 4 : 0, klen = off + 12;
	uint32_t lo = from == DATE_NONE ? 0 : day_bias(from);
	uint32_t hi = to == DATE_NONE ? UINT32_MAX : day_bias(to);
	unsigned char start[16];
	MDB_cursor *c;
	MDB_val k = {klen, start}, v;
	int rc, ret = 0;

	if (lo > hi)
		return 0;
	be32_put(start, lead);
	be32_put(start + off, lo);
	be64_put(start + off + 4, 0);
	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		const unsigned char *p = k.mv_data;
		if (k.mv_size != klen || (lead && be32_get(p) != lead))
			break;
		uint32_t day = be32_get(p + off);
		if (day > hi)
			break;
		uint32_t who = lead ? lead : (v.mv_size == 4 ? be32_get(v.mv_data) : 0);
		if ((ret = cb(be64_get(p + off + 4), day_unbias(day), who, ctx)))
			break;
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

struct tasks_each {
	int (*cb)(const struct task *task, void *ctx);
	void *ctx;
};

static int task_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct tasks_each *c = ctx;
	struct task task;
	int rc;

	(void)k;
	if ((rc = codec_task_decode(v->mv_data, v->mv_size, &task, e)))
		return rc;
	rc = c->cb(&task, c->ctx);
	task_free(&task);
	return rc;
}

int store_tasks_each(struct txn *t, int (*cb)(const struct task *task, void *ctx), void *ctx,
                     struct err *e)
{
	struct tasks_each c = {cb, ctx};
	return store_each_raw(t, DB_TASKS, NULL, 0, task_raw, &c, e);
}

int store_tasks_each_from(struct txn *t, uint64_t from,
                          int (*cb)(const struct task *task, void *ctx), void *ctx,
                          struct err *e)
{
	struct tasks_each c = {cb, ctx};
	unsigned char key[8];

	be64_put(key, from);
	return store_each_raw(t, DB_TASKS, key, sizeof key, task_raw, &c, e);
}

int store_tasks_by_due_from(struct txn *t, uint32_t lead, date_t day, uint64_t id, int dir,
                            date_t from, date_t to, store_due_fn cb, void *ctx,
                            struct err *e)
{
	enum store_db db = lead ? DB_UNIT_DUE : DB_DUE;
	size_t off = lead ? 4 : 0, klen = off + 12;
	uint32_t lo = from == DATE_NONE ? 0 : day_bias(from);
	uint32_t hi = to == DATE_NONE ? UINT32_MAX : day_bias(to);
	unsigned char start[16];
	MDB_cursor *c;
	MDB_val k = {klen, start}, v;
	MDB_cursor_op step = dir > 0 ? MDB_NEXT : MDB_PREV;
	int rc, ret = 0, skip = 0;

	if (lo > hi)
		return 0;
	be32_put(start, lead);
	if (day == DATE_NONE) {
		/* From the first entry of the range, or just past its last. */
		be32_put(start + off, dir > 0 ? lo : hi);
		be64_put(start + off + 4, dir > 0 ? 0 : UINT64_MAX);
	} else {
		be32_put(start + off, day_bias(day));
		be64_put(start + off + 4, id);
	}
	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
	if (dir > 0) {
		/* At the first entry >= the position: skip the position itself. */
		skip = day != DATE_NONE && rc == 0 && k.mv_size == klen &&
		       memcmp(k.mv_data, start, klen) == 0;
	} else {
		/* Every entry before the first one >= the position. */
		rc = rc == MDB_NOTFOUND ? mdb_cursor_get(c, &k, &v, MDB_LAST)
		                        : rc == 0 ? mdb_cursor_get(c, &k, &v, MDB_PREV) : rc;
		if (rc == 0 && k.mv_size == klen && memcmp(k.mv_data, start, klen) >= 0)
			rc = mdb_cursor_get(c, &k, &v, MDB_PREV);
	}
	if (skip)
		rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
	for (; rc == 0; rc = mdb_cursor_get(c, &k, &v, step)) {
		const unsigned char *p = k.mv_data;
		uint32_t d, who;

		if (k.mv_size != klen || (lead && be32_get(p) != lead))
			break;
		d = be32_get(p + off);
		if (dir > 0 ? d > hi : d < lo)
			break;
		if (dir > 0 ? d < lo : d > hi)
			continue;
		who = lead ? lead : (v.mv_size == 4 ? be32_get(v.mv_data) : 0);
		if ((ret = cb(be64_get(p + off + 4), day_unbias(d), who, ctx)))
			break;
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, store_db_table[db].name);
	return 0;
}

date_t store_task_slot(const struct task *t)
{
	return count_slot(t);
}
