/* Tests of the compact layout of schema 4: the updates journal keyed by
 * (task id, update id), the dictionary of repeated strings (also across
 * aborted transactions), and the 2 -> 3 migration of a store made by the
 * previous release (tests/data/schema2-store). */
#include <lmdb.h>

#include "period.h"
#include "store-fixture.h"

TestSuite(compact, .init = fx_setup, .fini = fx_teardown);

/* ---- the journal ------------------------------------------------------------ */

struct journal_case {
	uint64_t task;
	uint64_t id;
};

static int w_updates(struct txn *t, void *ctx, struct err *e)
{
	const struct journal_case *c = ctx;
	for (; c->task; c++) {
		struct update u;
		update_init(&u);
		u.task_id = c->task;
		u.id = c->id;
		u.time = 1790000000 + (int64_t)c->id;
		u.day = date_of_unix(u.time);
		snprintf(u.login, sizeof u.login, "vp%02u", (unsigned)(c->id % 7));
		char note[32];
		snprintf(note, sizeof note, "ghi chú %llu", (unsigned long long)c->id);
		u.note = xstrdup(note);
		int rc = store_update_add(t, &u, e);
		update_free(&u);
		if (rc)
			return rc;
	}
	return 0;
}

static int collect(const struct update *u, void *ctx)
{
	struct sbuf *s = ctx;
	sbuf_printf(s, "%llu/%llu:%s:%s;", (unsigned long long)u->task_id,
	            (unsigned long long)u->id, u->login, u->note);
	return 0;
}

static int w_task_with_id(struct txn *t, void *ctx, struct err *e)
{
	struct task k;
	fx_task_init(&k, 0, 0, ST_NOT_STARTED, DATE_NONE);
	k.id = *(uint64_t *)ctx;
	int rc = store_task_put(t, &k, e);
	task_free(&k);
	return rc;
}

/* Task and update ids on either side of the byte boundaries of the
 * ordered compact keys (255/256, 65535/65536): each task sees its own
 * updates, newest first, and no neighbour's. */
Test(compact, the_journal_keeps_each_task_to_its_own_updates)
{
	uint64_t tasks[] = {255, 256, 65535, 65536};
	for (size_t i = 0; i < 4; i++)
		fx_write(w_task_with_id, &tasks[i]);
	struct journal_case cases[] = {
		{256, 255}, {255, 256}, {255, 1}, {65536, 65535}, {65535, 65536}, {256, 70000},
		{65535, 2}, {255, 300}, {0, 0},
	};
	fx_write(w_updates, cases);
	struct txn *t = fx_read();
	struct sbuf s = {0};
	const char *want[] = {
		"255/300:vp06:ghi chú 300;255/256:vp04:ghi chú 256;255/1:vp01:ghi chú 1;",
		"256/70000:vp00:ghi chú 70000;256/255:vp03:ghi chú 255;",
		"65535/65536:vp02:ghi chú 65536;65535/2:vp02:ghi chú 2;",
		"65536/65535:vp01:ghi chú 65535;",
	};
	for (size_t i = 0; i < 4; i++) {
		sbuf_reset(&s);
		cr_assert_eq(store_updates_of_task(t, tasks[i], collect, &s, NULL), 0);
		cr_assert_str_eq(s.s, want[i]);
	}
	struct update u;
	struct err e = {0};
	cr_assert_eq(store_update_get(t, 65535, 65536, &u, &e), 0, "%s", e.msg);
	cr_assert_str_eq(u.note, "ghi chú 65536");
	update_free(&u);
	cr_assert_eq(store_update_get(t, 65536, 65536, &u, &e), ERR_NOTFOUND,
	             "an update is found under its own task only");
	store_read_end(t);
	sbuf_free(&s);
	fx_check_clean();
	/* deleting a task takes its updates and no others */
	fx_write(fx_w_task_del, &tasks[1]);
	t = fx_read();
	sbuf_reset(&s);
	sbuf_puts(&s, "");
	cr_assert_eq(store_updates_of_task(t, 256, collect, &s, NULL), 0);
	cr_assert_str_eq(s.s, "");
	cr_assert_eq(store_updates_of_task(t, 255, collect, &s, NULL), 0);
	cr_assert_str_eq(s.s, want[0]);
	store_read_end(t);
	sbuf_free(&s);
	fx_check_clean();
}

/* ---- the dictionary ----------------------------------------------------------- */

struct phrase_write {
	const char *phrase;
	int fail; /* abort the transaction after the put */
	uint64_t id;
};

static int w_phrase_task(struct txn *t, void *ctx, struct err *e)
{
	struct phrase_write *p = ctx;
	struct task k;
	fx_task_init(&k, 0, 0, ST_NOT_STARTED, DATE_NONE);
	k.dl_phrase = xstrdup(p->phrase);
	k.lead_text = xstrdup("Ban Tổ chức Tỉnh ủy");
	int rc = store_task_put(t, &k, e);
	p->id = k.id;
	task_free(&k);
	if (!rc && p->fail)
		rc = err_set(e, ERR_CONFLICT, "thôi");
	return rc;
}

static char *phrase_of(uint64_t id)
{
	struct txn *t = fx_read();
	struct task k;
	struct err e = {0};
	cr_assert_eq(store_task_get(t, id, &k, &e), 0, "%s", e.msg);
	store_read_end(t);
	char *s = xstrdup(k.dl_phrase);
	cr_assert_str_eq(k.lead_text, "Ban Tổ chức Tỉnh ủy");
	task_free(&k);
	return s;
}

/* A transaction that interned new strings and then failed leaves no trace:
 * the next one hands out the same ids to other strings, and every record
 * reads back its own. */
Test(compact, the_dictionary_follows_aborted_transactions)
{
	struct phrase_write gone = {"trong quý I/2026", 1, 0};
	struct err e = {0};
	cr_assert_eq(store_write(fx_st, w_phrase_task, &gone, &e), ERR_CONFLICT);
	struct phrase_write a = {"hoàn thành trong năm 2026", 0, 0};
	struct phrase_write b = {"trước ngày 30/6/2026", 0, 0};
	struct phrase_write c = {"hoàn thành trong năm 2026", 0, 0};
	fx_write(w_phrase_task, &a);
	fx_write(w_phrase_task, &b);
	fx_write(w_phrase_task, &c);
	char *s = phrase_of(a.id);
	cr_assert_str_eq(s, a.phrase);
	free(s);
	s = phrase_of(b.id);
	cr_assert_str_eq(s, b.phrase);
	free(s);
	s = phrase_of(c.id);
	cr_assert_str_eq(s, a.phrase);
	free(s);
	/* three strings: the lead as written and two phrases, ids 1..3 */
	struct txn *t = fx_read();
	uint64_t seq = 0;
	cr_assert_eq(store_seq_peek(t, "dict", &seq, &e), 0, "%s", e.msg);
	cr_assert_eq(seq, 3, "the aborted transaction's strings took no ids");
	store_read_end(t);
	fx_check_clean();
}

/* A store whose map must grow in the middle of a write retries the whole
 * transaction: strings interned by the failed attempt are gone with it. */
Test(compact, the_dictionary_survives_a_retried_transaction)
{
	fx_teardown();
	setenv("THEODOI_MAPSIZE", "96K", 1);
	fx_setup();
	unsetenv("THEODOI_MAPSIZE");
	char phrase[64];
	for (int i = 0; i < 300; i++) {
		snprintf(phrase, sizeof phrase, "trước ngày %d/12/2026 (đợt %d)", i % 28 + 1, i);
		struct phrase_write p = {phrase, 0, 0};
		fx_write(w_phrase_task, &p);
		char *s = phrase_of(p.id);
		cr_assert_str_eq(s, phrase);
		free(s);
	}
	struct txn *t = fx_read();
	struct store_stat ss;
	struct err e = {0};
	cr_assert_eq(store_stat(t, &ss, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_gt(ss.map_size, 96 * 1024, "the map grew: transactions were retried");
	fx_check_clean();
}

/* ---- migration from schema 2 ---------------------------------------------------- */

/* The fixture's store replaced by a copy of tests/data/schema2-store, closed. */
static void copy_schema2(void)
{
	char cmd[512];
	store_close(fx_st);
	fx_st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && cp tests/data/schema2-store/data.mdb '%s/'",
	         fx_path, fx_path, fx_path);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

static void open_schema2(void)
{
	copy_schema2();
	struct err e = {0};
	cr_assert_eq(store_open(fx_path, 0, &fx_st, &e), 0, "%s", e.msg);
}

static int count_updates(const struct update *u, void *ctx)
{
	(void)u;
	++*(int *)ctx;
	return 0;
}

/* 1 if the store's file still has the named database. */
static int has_db(const char *name)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, fx_path, MDB_RDONLY, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	int rc = mdb_dbi_open(txn, name, 0, &dbi);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	struct err e = {0};
	cr_assert_eq(store_open(fx_path, 0, &fx_st, &e), 0, "%s", e.msg);
	cr_assert(rc == 0 || rc == MDB_NOTFOUND, "%s", mdb_strerror(rc));
	return rc == 0;
}

Test(compact, a_schema2_store_is_migrated_once)
{
	struct err e = {0};
	int migrated = -1;

	open_schema2();
	cr_assert(has_db("updates") && has_db("upd_task") && has_db("due"));
	cr_assert_eq(fx_schema(), 2);
	struct periods dec = {1u << 11};
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 3);
	cr_assert_eq(fx_schema(), STORE_SCHEMA);
	struct txn *t = fx_read();
	/* task #13 as the previous release showed it: three updates, newest
	 * first, by hoa.btc */
	struct sbuf s = {0};
	cr_assert_eq(store_updates_of_task(t, 13, collect, &s, &e), 0, "%s", e.msg);
	cr_assert(strstr(s.s, ":hoa.btc:Tiến độ 25%, đã làm việc với các đơn vị phối hợp;13/"),
	          "%s", s.s);
	cr_assert(strstr(s.s, ":hoa.btc:Đã tổ chức hội nghị triển khai, quán triệt;") &&
	          s.s[strlen(s.s) - 1] == ';', "%s", s.s);
	sbuf_free(&s);
	struct task k;
	cr_assert_eq(store_task_get(t, 13, &k, &e), 0, "%s", e.msg);
	cr_assert_str_eq(k.dl_phrase, "hoàn thành trong năm 2026");
	cr_assert_str_eq(k.section, "III.2.2#3");
	task_free(&k);
	/* every update moved: 402 kept, as many as the schema-2 export lists */
	struct store_stat ss;
	cr_assert_eq(store_stat(t, &ss, &e), 0, "%s", e.msg);
	cr_assert_eq(ss.updates, 402);
	cr_assert_eq(ss.tasks, 144);
	int n = 0;
	cr_assert_eq(store_updates_of_task(t, 12, count_updates, &n, &e), 0);
	cr_assert_eq(n, 0, "task 12 is in the trash with its updates");
	store_read_end(t);
	fx_check_clean();
	/* the old databases are gone, the new ones there */
	cr_assert(!has_db("updates") && !has_db("upd_task") && !has_db("due") &&
	          !has_db("unit_due") && !has_db("task_lead") && !has_db("task_doc"));
	cr_assert(has_db("journal") && has_db("dict") && has_db("due_tasks"));
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 0, "once only");
}

/* Opened read-only, a schema-2 store cannot get the databases of schema 4:
 * refused with a message that says what to do, not as a damaged store. */
Test(compact, a_schema2_store_opened_read_only_asks_for_an_upgrade)
{
	copy_schema2();
	struct err e = {0};
	struct store *st = NULL;
	cr_assert_eq(store_open(fx_path, STORE_RDONLY, &st, &e), ERR_STORE);
	cr_assert_null(st);
	cr_assert(strstr(e.msg, "lược đồ 2") && strstr(e.msg, "nâng cấp"), "%s", e.msg);
	cr_assert_eq(store_open(fx_path, 0, &fx_st, &e), 0, "%s", e.msg);
}

static int w_rebuild(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_indexes(t, e);
}

/* The dictionary's reverse map lost (a damaged database): check-store
 * names it, the repair rebuilds it from the dictionary, and new strings
 * then get new ids while the old ones are found again. */
Test(compact, a_lost_reverse_dictionary_is_repaired)
{
	struct phrase_write a = {"hoàn thành trong năm 2026", 0, 0};
	fx_write(w_phrase_task, &a);
	struct fx_raw r;
	fx_raw_begin(&r);
	fx_raw_drop(&r, "dict_str");
	fx_raw_end(&r);
	char *rep = fx_check_dirty();
	cr_assert(strstr(rep, "thiếu trong dict_str"), "%s", rep);
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
	struct phrase_write b = {"hoàn thành trong năm 2026", 0, 0};
	struct phrase_write c = {"trước ngày 30/6/2027", 0, 0};
	fx_write(w_phrase_task, &b);
	fx_write(w_phrase_task, &c);
	struct txn *t = fx_read();
	struct err e = {0};
	uint64_t seq = 0;
	cr_assert_eq(store_seq_peek(t, "dict", &seq, &e), 0, "%s", e.msg);
	cr_assert_eq(seq, 3, "the known strings found again, one new");
	store_read_end(t);
	char *s = phrase_of(c.id);
	cr_assert_str_eq(s, c.phrase);
	free(s);
	fx_check_clean();
}
