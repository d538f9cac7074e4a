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
	return codec_task_decode_d(v.mv_data, v.mv_size, store_dict(t), out, e);
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
	if ((rc = codec_task_decode_d(v.mv_data, v.mv_size, store_dict(t), &prev, e)))
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
	if ((rc = codec_task_encode_d(task, store_dict(t), &t->st->scratch, e)) ||
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
	if ((rc = store_journal_del(t, id, e)) ||
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
	return store_tasks_by_due_from(t, lead, DATE_NONE, 0, 1, from, to, cb, ctx, e);
}

struct tasks_each {
	int (*cb)(const struct task *task, void *ctx);
	void *ctx;
	const struct codec_dict *dict;
};

static int task_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct tasks_each *c = ctx;
	struct task task;
	int rc;

	(void)k;
	if ((rc = codec_task_decode_d(v->mv_data, v->mv_size, c->dict, &task, e)))
		return rc;
	rc = c->cb(&task, c->ctx);
	task_free(&task);
	return rc;
}

int store_tasks_each(struct txn *t, int (*cb)(const struct task *task, void *ctx), void *ctx,
                     struct err *e)
{
	struct tasks_each c = {cb, ctx, store_dict(t)};
	return store_each_raw(t, DB_TASKS, NULL, 0, task_raw, &c, e);
}

int store_tasks_each_from(struct txn *t, uint64_t from,
                          int (*cb)(const struct task *task, void *ctx), void *ctx,
                          struct err *e)
{
	struct tasks_each c = {cb, ctx, store_dict(t)};
	unsigned char key[8];

	be64_put(key, from);
	return store_each_raw(t, DB_TASKS, key, sizeof key, task_raw, &c, e);
}

/* An entry of due_tasks (day -> id|lead) or lead_due (lead -> day|id) where
 * the cursor stands: its day (biased), task and lead.  0, or 1 when the
 * entry is not of the expected shape (the end of the list). */
static int due_entry(const MDB_val *k, const MDB_val *v, uint32_t lead, uint32_t *day,
                     uint64_t *id, uint32_t *who)
{
	const unsigned char *p = v->mv_data;

	if (k->mv_size != 4 || v->mv_size != 12 || (lead && be32_get(k->mv_data) != lead))
		return 1;
	*day = lead ? be32_get(p) : be32_get(k->mv_data);
	*id = lead ? be64_get(p + 4) : be64_get(p);
	*who = lead ? lead : be32_get(p + 8);
	return 0;
}

/* Put cursor c on the first entry at or after (day, id) in the order of
 * the list (day, then task): 0, MDB_NOTFOUND when every entry is before
 * it, or an LMDB error. */
static int due_seek(MDB_cursor *c, uint32_t lead, uint32_t day, uint64_t id)
{
	unsigned char kb[4], vb[12];
	MDB_val k = {4, kb}, v = {12, vb};
	int rc;

	if (lead) {
		be32_put(kb, lead);
		if ((rc = mdb_cursor_get(c, &k, &v, MDB_SET)))
			return rc;
		/* MDB_SET pointed v at the first duplicate: point it back */
		be32_put(vb, day);
		be64_put(vb + 4, id);
		v.mv_size = sizeof vb;
		v.mv_data = vb;
		return mdb_cursor_get(c, &k, &v, MDB_GET_BOTH_RANGE);
	}
	be32_put(kb, day);
	be64_put(vb, id);
	be32_put(vb + 8, 0);
	rc = mdb_cursor_get(c, &k, &v, MDB_GET_BOTH_RANGE);
	if (rc != MDB_NOTFOUND)
		return rc;
	/* no entry of that day at or after the task: the next day's first */
	k.mv_size = 4;
	k.mv_data = kb;
	if ((rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE)))
		return rc;
	if (k.mv_size == 4 && be32_get(k.mv_data) == day)
		rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP);
	return rc;
}

int store_tasks_by_due_from(struct txn *t, uint32_t lead, date_t day, uint64_t id, int dir,
                            date_t from, date_t to, store_due_fn cb, void *ctx,
                            struct err *e)
{
	enum store_db db = lead ? DB_UNIT_DUE : DB_DUE;
	uint32_t lo = from == DATE_NONE ? 0 : day_bias(from);
	uint32_t hi = to == DATE_NONE ? UINT32_MAX : day_bias(to);
	uint32_t pday, d, who;
	uint64_t pid, i;
	MDB_cursor *c;
	MDB_val k, v;
	MDB_cursor_op next = lead ? MDB_NEXT_DUP : MDB_NEXT, prev = lead ? MDB_PREV_DUP : MDB_PREV;
	int rc, ret = 0, past_end = 0;

	if (lo > hi)
		return 0;
	/* The position: the given entry, or the range's first entry (forward)
	 * or the place just past its last one (backward). */
	if (day != DATE_NONE) {
		pday = day_bias(day);
		pid = id;
	} else if (dir > 0) {
		pday = lo;
		pid = 0;
	} else {
		past_end = hi == UINT32_MAX;
		pday = past_end ? hi : hi + 1;
		pid = 0;
	}
	if ((rc = store_cursor(t, db, &c, e)))
		return rc;
	rc = past_end ? MDB_NOTFOUND : due_seek(c, lead, pday, pid);
	if (dir > 0) {
		/* at the first entry >= the position: step over the position itself */
		if (rc == 0 && day != DATE_NONE && mdb_cursor_get(c, &k, &v, MDB_GET_CURRENT) == 0 &&
		    due_entry(&k, &v, lead, &d, &i, &who) == 0 && d == pday && i == pid)
			rc = mdb_cursor_get(c, &k, &v, next);
	} else if (rc == MDB_NOTFOUND) {
		/* every entry is before the position: from the last one */
		if (lead) {
			unsigned char kb[4];
			be32_put(kb, lead);
			k.mv_size = 4;
			k.mv_data = kb;
			rc = mdb_cursor_get(c, &k, &v, MDB_SET);
			if (rc == 0)
				rc = mdb_cursor_get(c, &k, &v, MDB_LAST_DUP);
		} else {
			rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
		}
	} else if (rc == 0) {
		rc = mdb_cursor_get(c, &k, &v, prev);
	}
	if (rc == 0) /* the entry the cursor was put on */
		rc = mdb_cursor_get(c, &k, &v, MDB_GET_CURRENT);
	for (; rc == 0; rc = mdb_cursor_get(c, &k, &v, dir > 0 ? next : prev)) {
		if (due_entry(&k, &v, lead, &d, &i, &who))
			break;
		if (dir > 0 ? d > hi : d < lo)
			break;
		if (dir > 0 ? d < lo : d > hi)
			continue;
		if ((ret = cb(i, day_unbias(d), who, ctx)))
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
