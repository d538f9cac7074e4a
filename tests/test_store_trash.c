/* test_store_trash.c — the trash database: a store of the previous
 * release (no `trash` database) opens and gets one; a deleted task leaves
 * the counters and indexes and comes back with its updates, once. */
#include <lmdb.h>

#include "store-fixture.h"
#include "store-trash.h"

TestSuite(store_trash, .init = fx_setup, .fini = fx_teardown);

static int put_trash(struct txn *t, void *ctx, struct err *e)
{
	return trash_put(t, TRASH_TASK, *(uint64_t *)ctx, "{\"reason\":\"thử\"}", e);
}

static int get_back(struct txn *t, void *ctx, struct err *e)
{
	return trash_restore(t, TRASH_TASK, *(uint64_t *)ctx, e);
}

static int add_update(struct txn *t, void *ctx, struct err *e)
{
	struct update u;
	update_init(&u);
	u.task_id = *(uint64_t *)ctx;
	u.day = date_make(2026, 3, 1);
	u.note = xstrdup("đã họp");
	int rc = store_update_add(t, &u, e);
	update_free(&u);
	return rc;
}

Test(store_trash, a_store_without_the_trash_database_opens_and_gets_one)
{
	store_close(fx_st);
	fx_st = NULL;
	/* the previous release: every database but trash */
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 64);
	cr_assert_eq(mdb_env_open(env, fx_path, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "trash", 0, &dbi), 0);
	cr_assert_eq(mdb_drop(txn, dbi, 1), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "trash", 0, &dbi), MDB_NOTFOUND);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	fx_open(0);
	uint32_t u = fx_unit("tu", 0);
	uint64_t id = fx_task(u, 0, ST_IN_PROGRESS, date_make(2026, 6, 30));
	fx_write(put_trash, &id);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 0);
}

Test(store_trash, a_task_leaves_the_counts_and_comes_back_with_its_updates)
{
	uint32_t u = fx_unit("tu", 0);
	uint64_t id = fx_task(u, 0, ST_IN_PROGRESS, date_make(2026, 6, 30));
	fx_write(add_update, &id);
	cr_assert_eq(fx_count(u, DATE_NONE, DATE_NONE), 1);
	fx_write(put_trash, &id);
	cr_assert_eq(fx_count(u, DATE_NONE, DATE_NONE), 0);
	struct txn *t = fx_read();
	struct task k = {0};
	struct err e = {0};
	cr_assert_eq(store_task_get(t, id, &k, &e), ERR_NOTFOUND);
	char *note = NULL;
	store_read_end(t);
	/* twice is a conflict, not a second copy */
	struct err we = {0};
	cr_assert_eq(store_write(fx_st, put_trash, &id, &we), ERR_CONFLICT);
	fx_write(get_back, &id);
	cr_assert_eq(fx_count(u, DATE_NONE, DATE_NONE), 1);
	t = fx_read();
	cr_assert_eq(store_task_get(t, id, &k, &e), 0);
	cr_assert_eq(k.lead, u);
	task_free(&k);
	struct update up;
	update_init(&up);
	cr_assert_eq(store_update_get(t, id, 1, &up, &e), 0, "%s", e.msg);
	cr_assert_str_eq(up.note, "đã họp");
	update_free(&up);
	cr_assert_eq(trash_note(t, TRASH_TASK, id, &note, &e), ERR_NOTFOUND);
	store_read_end(t);
	char *report = NULL;
	t = fx_read();
	cr_assert_eq(store_check(t, &report, &e), 0, "%s", report);
	free(report);
	store_read_end(t);
	/* restoring again: nothing left to restore */
	cr_assert_eq(store_write(fx_st, get_back, &id, &we), ERR_NOTFOUND);
}
