/* store-compact.c — the schema 2 -> 3 step of the store's own layout: the
 * updates move from "updates" (id -> update) with its index "upd_task"
 * (task|id -> "") into the journal (task|id -> update), the databases
 * that schema 3 no longer has are dropped, and the indexes are rebuilt
 * in their schema 3 form. */
#include <string.h>

#include "store-impl.h"

/* Databases of schema 2 that schema 3 no longer has. */
static const char *const retired[] = {"updates", "upd_task"};

/* Open a database of the old layout by name; *found 0 if it is absent. */
static int open_old(struct txn *t, const char *name, MDB_dbi *dbi, int *found, struct err *e)
{
	int rc = mdb_dbi_open(t->txn, name, 0, dbi);

	*found = rc == 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	return rc ? store_lmdb_err(t, rc, e, name) : 0;
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
	int rc;

	if (has_index) {
		if ((rc = mdb_cursor_open(t->txn, upd_task, &c)))
			return store_lmdb_err(t, rc, e, "upd_task");
		for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
		     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
			MDB_val rk, rv;
			if (k.mv_size != 16)
				continue; /* damaged: the pass below finds its update */
			rk = (MDB_val){8, (unsigned char *)k.mv_data + 8};
			if ((rc = mdb_get(t->txn, updates, &rk, &rv)) == MDB_NOTFOUND)
				continue; /* a dangling entry: nothing to move */
			if (rc)
				break;
			size_t klen = journal_key(key, be64_get(k.mv_data), be64_get(rk.mv_data));
			if ((rc = store_put(t, DB_JOURNAL, key, klen, rv.mv_data, rv.mv_size,
			                    MDB_APPEND, e)))
				break;
		}
		mdb_cursor_close(c);
		if (rc && rc != MDB_NOTFOUND)
			return store_lmdb_err(t, rc, e, "upd_task");
	}
	if ((rc = mdb_stat(t->txn, updates, &src)) ||
	    (rc = mdb_stat(t->txn, t->st->dbi[DB_JOURNAL], &dst)))
		return store_lmdb_err(t, rc, e, "journal");
	if (src.ms_entries == dst.ms_entries)
		return 0;
	/* Updates the old index did not list: read their task from the record.
	 * One that cannot be read keeps its id as its task, for check-store to
	 * report rather than losing it silently. */
	if ((rc = mdb_cursor_open(t->txn, updates, &c)))
		return store_lmdb_err(t, rc, e, "updates");
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		struct update u;
		uint64_t id = k.mv_size == 8 ? be64_get(k.mv_data) : 0;
		uint64_t task = id;
		if (codec_update_decode(v.mv_data, v.mv_size, &u, NULL) == 0) {
			task = u.task_id;
			update_free(&u);
		}
		size_t klen = journal_key(key, task, id);
		MDB_val jk = {klen, key};
		rc = mdb_put(t->txn, t->st->dbi[DB_JOURNAL], &jk, &v, MDB_NOOVERWRITE);
		if (rc && rc != MDB_KEYEXIST)
			break;
		rc = 0;
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "journal");
	return 0;
}

int store_compact_migrate_3(struct txn *t, struct err *e)
{
	MDB_dbi updates, upd_task, dbi;
	int has_updates, has_index, found, rc;

	if ((rc = store_need_write(t, e)) ||
	    (rc = open_old(t, "updates", &updates, &has_updates, e)) ||
	    (rc = open_old(t, "upd_task", &upd_task, &has_index, e)))
		return rc;
	if (has_updates && (rc = move_updates(t, updates, upd_task, has_index, e)))
		return rc;
	for (size_t i = 0; i < sizeof retired / sizeof retired[0]; i++) {
		if ((rc = open_old(t, retired[i], &dbi, &found, e)))
			return rc;
		if (found && (rc = mdb_drop(t->txn, dbi, 1)))
			return store_lmdb_err(t, rc, e, retired[i]);
	}
	return store_rebuild_indexes(t, e);
}
