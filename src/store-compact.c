/* store-compact.c — the store's own step of the migration to schema 4: the
 * updates move from "updates" (id -> update) with its index "upd_task"
 * (task|id -> "") into the journal (task|id -> update), the databases
 * that schema 4 no longer has are dropped, and the indexes are rebuilt
 * in their schema 4 form. */
#include <string.h>

#include "store-impl.h"

/* Databases of schemas 2 and 3 that schema 4 no longer has. */
static const char *const retired[] = {"updates", "upd_task", "due", "unit_due", "task_lead",
                                      "task_doc"};

/* Open a database of the old layout by name; *found 0 if it is absent. */
static int open_old(struct txn *t, const char *name, MDB_dbi *dbi, int *found, struct err *e)
{
	int rc = mdb_dbi_open(t->txn, name, 0, dbi);

	*found = rc == 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	return rc ? store_lmdb_err(t, rc, e, name) : 0;
}

/* Re-encode an update of the old layout (version 1 or 2, with its ids) in
 * the current version under its journal key: flags MDB_APPEND when the
 * keys come in order.  One that cannot be decoded is kept as it is, under
 * its id as task when that is unknown, for check-store to report rather
 * than losing it silently. */
static int put_update(struct txn *t, const MDB_val *v, uint64_t task, uint64_t id,
                      unsigned flags, struct err *e)
{
	unsigned char key[JOURNAL_KEY_MAX];
	struct sbuf *b = &t->st->scratch;
	struct update u;
	const void *val = v->mv_data;
	size_t vlen = v->mv_size;
	int rc;

	if (codec_update_decode(v->mv_data, v->mv_size, &u, NULL) == 0) {
		if (!task)
			task = u.task_id;
		sbuf_reset(b);
		rc = codec_update_encode_d(&u, store_dict(t), b, e);
		update_free(&u);
		if (rc)
			return rc;
		val = b->s;
		vlen = b->len;
	} else if (!task) {
		task = id;
	}
	size_t klen = journal_key(key, task, id);
	return store_put(t, DB_JOURNAL, key, klen, val, vlen, flags, e);
}

/* Copy every update of the old "updates" into the journal.  Walking
 * upd_task (task|id order, the journal's order) lets the copy append, so
 * the journal's pages come out full; an update the old index missed is
 * put afterwards, found by the count. */
static int move_updates(struct txn *t, MDB_dbi updates, MDB_dbi upd_task, int has_index,
                        struct err *e)
{
	unsigned char key[JOURNAL_KEY_MAX];
	MDB_cursor *c = NULL;
	MDB_val k, v;
	MDB_stat src, dst;
	int rc, ret = 0;

	if (has_index) {
		if ((rc = mdb_cursor_open(t->txn, upd_task, &c)))
			return store_lmdb_err(t, rc, e, "upd_task");
		for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
		     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
			MDB_val rk, rv;
			if (k.mv_size != 16)
				continue; /* damaged: the pass below finds its update */
			rk = (MDB_val){8, (unsigned char *)k.mv_data + 8};
			if ((rc = mdb_get(t->txn, updates, &rk, &rv)) == MDB_NOTFOUND)
				continue; /* a dangling entry: nothing to move */
			if (rc)
				break;
			ret = put_update(t, &rv, be64_get(k.mv_data), be64_get(rk.mv_data), MDB_APPEND,
			                 e);
		}
		mdb_cursor_close(c);
		if (ret)
			return ret;
		if (rc && rc != MDB_NOTFOUND)
			return store_lmdb_err(t, rc, e, "upd_task");
	}
	if ((rc = mdb_stat(t->txn, updates, &src)) ||
	    (rc = mdb_stat(t->txn, t->st->dbi[DB_JOURNAL], &dst)))
		return store_lmdb_err(t, rc, e, "journal");
	if (src.ms_entries == dst.ms_entries)
		return 0;
	/* Updates the old index did not list: their task from the record. */
	if ((rc = mdb_cursor_open(t->txn, updates, &c)))
		return store_lmdb_err(t, rc, e, "updates");
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		struct update u;
		uint64_t id = k.mv_size == 8 ? be64_get(k.mv_data) : 0, task = 0;
		MDB_val jv;
		if (codec_update_decode(v.mv_data, v.mv_size, &u, NULL) == 0) {
			task = u.task_id;
			update_free(&u);
		}
		size_t klen = journal_key(key, task ? task : id, id);
		MDB_val jk = {klen, key};
		rc = mdb_get(t->txn, t->st->dbi[DB_JOURNAL], &jk, &jv);
		if (rc == 0)
			continue; /* moved by the walk above */
		if (rc != MDB_NOTFOUND)
			break;
		ret = put_update(t, &v, task, id, 0, e);
		rc = 0;
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "journal");
	return 0;
}

/* Every task in the current version (its repeated strings into the
 * dictionary), rewritten in place. */
static int reencode_tasks(struct txn *t, struct err *e)
{
	struct sbuf *b = &t->st->scratch;
	MDB_cursor *c;
	MDB_val k, v;
	int rc, ret = 0;

	if ((rc = store_cursor(t, DB_TASKS, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		struct task tk;
		if (v.mv_size < 1 || ((const unsigned char *)v.mv_data)[0] >= CODEC_VERSION_TASK ||
		    codec_task_decode(v.mv_data, v.mv_size, &tk, NULL))
			continue; /* current already, or unreadable: check-store reports it */
		sbuf_reset(b);
		ret = codec_task_encode_d(&tk, store_dict(t), b, e);
		task_free(&tk);
		if (ret)
			break;
		/* the key is copied out of the page, which the put rearranges */
		unsigned char kb[8];
		if (k.mv_size != sizeof kb)
			continue;
		memcpy(kb, k.mv_data, sizeof kb);
		MDB_val nk = {sizeof kb, kb}, nv = {b->len, b->s};
		if ((rc = mdb_cursor_put(c, &nk, &nv, MDB_CURRENT)))
			break;
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "tasks");
	return 0;
}

int store_compact_migrate_4(struct txn *t, struct err *e)
{
	MDB_dbi updates, upd_task, dbi;
	int has_updates, has_index, found, rc;

	if ((rc = store_need_write(t, e)) ||
	    (rc = open_old(t, "updates", &updates, &has_updates, e)) ||
	    (rc = open_old(t, "upd_task", &upd_task, &has_index, e)))
		return rc;
	if ((has_updates && (rc = move_updates(t, updates, upd_task, has_index, e))) ||
	    (rc = reencode_tasks(t, e)))
		return rc;
	for (size_t i = 0; i < sizeof retired / sizeof retired[0]; i++) {
		if ((rc = open_old(t, retired[i], &dbi, &found, e)))
			return rc;
		if (found && (rc = mdb_drop(t->txn, dbi, 1)))
			return store_lmdb_err(t, rc, e, retired[i]);
	}
	return store_rebuild_indexes(t, e);
}
