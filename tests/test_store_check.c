/* Tests of store_check and store_rebuild_indexes (damage is done with the
 * LMDB API directly, on a closed store), and of map growth, in this
 * process and by another one. */
#include <math.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-fixture.h"

TestSuite(store_check, .init = fx_setup, .fini = fx_teardown);

#define D(y, m, d) date_make(y, m, d)

static void be64(unsigned char *p, uint64_t v)
{
	fx_be32(p, (uint32_t)(v >> 32));
	fx_be32(p + 4, (uint32_t)v);
}

/* ---- a store with a bit of everything ---- */

struct world {
	uint32_t tu, btc;
	uint64_t doc, t1, t2, t3;
};

static int w_world_extras(struct txn *t, void *ctx, struct err *e)
{
	struct world *w = ctx;
	struct update u = {0};
	struct extension x = {0};
	struct indicator i = {0};
	struct measure m = {0};
	struct audit a = {0};
	int rc;

	u.task_id = w->t1;
	u.progress = 50;
	u.status_before = ST_NOT_STARTED;
	u.status_after = ST_IN_PROGRESS;
	x.task_id = w->t2;
	x.from = D(2024, 6, 30);
	x.to = D(2024, 9, 30);
	i.doc_id = w->doc;
	i.min = 80;
	i.target = NAN;
	strcpy(a.action, "import");
	if ((rc = store_update_add(t, &u, e)) || (rc = store_extension_add(t, &x, e)) ||
	    (rc = store_indicator_put(t, &i, e)))
		return rc;
	m.indicator_id = i.id;
	m.value = 82;
	if ((rc = store_measure_add(t, &m, e)))
		return rc;
	return store_audit_add(t, &a, e);
}

static void make_world(struct world *w)
{
	struct doc d = {0};

	w->tu = fx_unit("tinh-uy", 0);
	w->btc = fx_unit("ban-tc", w->tu);
	strcpy(d.number, "52-CTr/TU");
	d.issuer = w->tu;
	d.date = d.plan_due = DATE_NONE;
	fx_write(fx_w_doc, &d);
	w->doc = d.id;
	doc_free(&d);
	w->t1 = fx_task(w->btc, w->doc, ST_NOT_STARTED, D(2024, 6, 30));
	w->t2 = fx_task(w->tu, w->doc, ST_IN_PROGRESS, D(2024, 12, 31));
	w->t3 = fx_task(w->btc, 0, ST_DONE, DATE_NONE);
	fx_write(w_world_extras, w);
}

static int w_rebuild(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_indexes(t, e);
}

static void assert_has(char *rep, const char *what)
{
	cr_assert(strstr(rep, what), "report lacks \"%s\":\n%s", what, rep);
}

/* ---- check ------------------------------------------------------------------ */

Test(store_check, a_store_with_every_kind_of_record_is_clean)
{
	struct world w;

	make_world(&w);
	fx_check_clean();
}

Test(store_check, rebuild_restores_dropped_indexes)
{
	struct world w;
	struct fx_raw r;
	char *rep;
	struct txn *t;
	struct unit u;
	uint64_t *ids;
	int n;

	make_world(&w);
	fx_raw_begin(&r);
	fx_raw_drop(&r, "due_tasks");
	fx_raw_drop(&r, "lead_tasks");
	fx_raw_drop(&r, "unit_code");
	fx_raw_drop(&r, "doc_number");
	fx_raw_drop(&r, "counts");
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "thiếu mục trong chỉ mục due_tasks");
	assert_has(rep, "thiếu mục trong chỉ mục lead_tasks");
	assert_has(rep, "thiếu mục trong chỉ mục unit_code");
	assert_has(rep, "thiếu mục trong chỉ mục doc_number");
	assert_has(rep, "counts: thiếu bộ đếm");
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
	cr_assert_eq(fx_count(w.tu, DATE_NONE, DATE_NONE), 3);
	cr_assert_eq(fx_count(0, D(2024, 6, 30), D(2024, 6, 30)), 1);
	t = fx_read();
	cr_assert_eq(store_unit_by_code(t, "ban-tc", &u, NULL), 0);
	unit_free(&u);
	cr_assert_eq(store_docs_by_number(t, "52-ctr/tu", &ids, &n, NULL), 0);
	cr_assert_eq(n, 1);
	free(ids);
	store_read_end(t);
}

Test(store_check, rebuild_of_a_clean_store_changes_nothing)
{
	struct world w;

	make_world(&w);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 3);
}

Test(store_check, a_corrupted_counter_is_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[8], val[4];
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	fx_be32(key, w.tu);
	fx_be32(key + 4, (uint32_t)D(2024, 6, 30) ^ 0x80000000u);
	fx_be32(val, 5);
	fx_raw_put(&r, "counts", key, 8, val, 4);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "counts: đơn vị 1, 2024-06-30: bộ đếm 5, đếm lại được 1");
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
}

Test(store_check, a_zero_counter_left_behind_is_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[8], val[4] = {0};
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	fx_be32(key, w.btc);
	fx_be32(key + 4, (uint32_t)D(2030, 1, 1) ^ 0x80000000u);
	fx_raw_put(&r, "counts", key, 8, val, 4);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "counts: đơn vị 2, 2030-01-01: bộ đếm bằng 0 vẫn còn lưu");
	free(rep);
}

Test(store_check, a_missing_counter_is_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[8];
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	fx_be32(key, 0);
	fx_be32(key + 4, 0x7fffffffu ^ 0x80000000u); /* STORE_SLOT_CLOSED */
	fx_raw_del(&r, "counts", key, 8);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "counts: thiếu bộ đếm đơn vị 0, đã đóng");
	free(rep);
}

Test(store_check, an_index_entry_without_a_record_is_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[4], val[12] = {0};
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	fx_be32(key, (uint32_t)D(2024, 1, 1) ^ 0x80000000u);
	be64(val, 999);
	fx_raw_put(&r, "due_tasks", key, 4, val, 12);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "chỉ mục due_tasks: mục thừa, nhiệm vụ 999 không tồn tại");
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
}

static void raw_del_dup(struct fx_raw *r, const char *db, const void *k, size_t kn, const void *v,
                        size_t vn)
{
	MDB_val key = {kn, (void *)k}, val = {vn, (void *)v};
	cr_assert_eq(mdb_del(r->txn, fx_raw_dbi(r, db), &key, &val), 0);
}

Test(store_check, an_index_entry_that_disagrees_with_its_record_is_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[4], val[12];
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	/* task 1's due entry names the wrong lead (in place of the right one) */
	fx_be32(key, (uint32_t)D(2024, 6, 30) ^ 0x80000000u);
	be64(val, w.t1);
	fx_be32(val + 8, w.btc);
	raw_del_dup(&r, "due_tasks", key, 4, val, 12);
	fx_be32(val + 8, 42);
	fx_raw_put(&r, "due_tasks", key, 4, val, 12);
	/* and task 2 has an extra lead_tasks entry under another unit */
	fx_be32(key, 42);
	be64(val, w.t2);
	fx_raw_put(&r, "lead_tasks", key, 4, val, 8);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "nhiệm vụ 1: thiếu mục trong chỉ mục due_tasks");
	assert_has(rep, "chỉ mục due_tasks: mục thừa hoặc sai cho nhiệm vụ 1");
	assert_has(rep, "chỉ mục lead_tasks: mục thừa hoặc sai cho nhiệm vụ 2");
	free(rep);
}

Test(store_check, unreadable_and_newer_records_are_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[8], garbage[3] = {1, 0x80, 0x80}, newer[2] = {9, 0};
	char *rep;
	struct txn *t;
	struct task task;
	struct err e = {0};

	make_world(&w);
	fx_raw_begin(&r);
	be64(key, w.t3);
	fx_raw_put(&r, "tasks", key, 8, garbage, sizeof garbage);
	be64(key, w.doc);
	fx_raw_put(&r, "docs", key, 8, newer, sizeof newer);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "nhiệm vụ 3: bản ghi nhiệm vụ bị hỏng");
	assert_has(rep, "văn bản 1: bản ghi văn bản có phiên bản 9");
	free(rep);
	t = fx_read();
	cr_assert_eq(store_task_get(t, w.t3, &task, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "bị hỏng"), "%s", e.msg);
	store_read_end(t);
}

Test(store_check, an_orphan_update_and_a_lagging_sequence_are_reported)
{
	struct world w;
	struct fx_raw r;
	unsigned char key[8], seq[8];
	char *rep;

	make_world(&w);
	fx_raw_begin(&r);
	be64(key, w.t1);
	fx_raw_del(&r, "tasks", key, 8);
	be64(seq, 1);
	fx_raw_put(&r, "meta", "seq.task", 8, seq, 8);
	fx_raw_end(&r);
	rep = fx_check_dirty();
	assert_has(rep, "cập nhật 1: nhiệm vụ 1 không tồn tại");
	assert_has(rep, "dãy số task (1) nhỏ hơn mã lớn nhất (3)");
	free(rep);
}

/* Issue 14: a lead unit that does not exist passed check-store. */
Test(store_check, dangling_units_of_tasks_and_documents_are_reported)
{
	struct world w;
	struct doc d = {0};
	struct task k;
	char *rep;

	make_world(&w);
	strcpy(d.number, "9-KH/TU");
	d.issuer = 997;
	d.date = d.plan_due = DATE_NONE;
	fx_write(fx_w_doc, &d);
	doc_free(&d);
	uint64_t lost = fx_task(999, w.doc, ST_NOT_STARTED, D(2024, 6, 30));
	fx_task_init(&k, w.btc, w.doc, ST_NOT_STARTED, D(2024, 6, 30));
	k.npartners = 2;
	k.partners = malloc(2 * sizeof *k.partners);
	k.partners[0] = w.tu;
	k.partners[1] = 998;
	fx_write(fx_w_task, &k);
	char want[128];
	rep = fx_check_dirty();
	snprintf(want, sizeof want, "nhiệm vụ %llu: đơn vị chủ trì 999 không tồn tại",
	         (unsigned long long)lost);
	assert_has(rep, want);
	snprintf(want, sizeof want, "nhiệm vụ %llu: đơn vị phối hợp 998 không tồn tại",
	         (unsigned long long)k.id);
	assert_has(rep, want);
	assert_has(rep, "văn bản 2: đơn vị ban hành 997 không tồn tại");
	cr_assert_null(strstr(rep, "đơn vị phối hợp 1 "), "%s", rep);
	free(rep);
	task_free(&k);
}

/* ---- map growth ------------------------------------------------------------- */

struct bulk {
	int from, n, calls;
	size_t text_len;
};

static int w_bulk(struct txn *t, void *ctx, struct err *e)
{
	struct bulk *b = ctx;

	b->calls++;
	for (int i = b->from; i < b->from + b->n; i++) {
		struct task task;
		int rc;

		fx_task_init(&task, 0, 0, ST_NOT_STARTED, D(2024, 1, 1) + i % 400);
		free(task.text);
		task.text = xmalloc(b->text_len + 1);
		memset(task.text, 'a' + i % 26, b->text_len);
		task.text[b->text_len] = '\0';
		rc = store_task_put(t, &task, e);
		task_free(&task);
		if (rc)
			return rc;
	}
	return 0;
}

static void reopen_with_small_map(void)
{
	store_close(fx_st);
	fx_st = NULL;
	setenv("THEODOI_MAPSIZE", "64K", 1);
	fx_open(STORE_NOSYNC);
}

/* The store holds n tasks, and those with ids in [from, to] (every 97th
 * looked at, and the last) have texts of text_len bytes. */
static void assert_all_tasks(int n, uint64_t from, uint64_t to, size_t text_len)
{
	struct txn *t = fx_read();
	struct store_stat ss;

	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_eq(ss.tasks, (uint64_t)n);
	for (uint64_t i = from; i <= to; i = i + 97 > to && i != to ? to : i + 97) {
		struct task task;
		cr_assert_eq(store_task_get(t, (uint64_t)i, &task, NULL), 0);
		cr_assert_eq(strlen(task.text), text_len);
		task_free(&task);
	}
	store_read_end(t);
}

Test(store_check, a_full_map_grows_and_the_write_is_redone)
{
	struct bulk b = {0, 250, 0, 1500};
	struct txn *t;
	struct store_stat ss;
	int batches = 0;

	reopen_with_small_map();
	t = fx_read();
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_leq(ss.map_size, 256 * 1024, "map starts small: %llu",
	              (unsigned long long)ss.map_size);
	store_read_end(t);
	for (b.from = 0; b.from < 2000; b.from += b.n, batches++)
		fx_write(w_bulk, &b);
	cr_assert_gt(b.calls, batches, "no write was redone (%d calls)", b.calls);
	assert_all_tasks(2000, 1, 2000, 1500);
	t = fx_read();
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_geq(ss.map_size, 3u << 20);
	store_read_end(t);
	fx_check_clean();
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 2000);
	unsetenv("THEODOI_MAPSIZE");
}

Test(store_check, a_map_grown_by_another_process_is_adopted)
{
	struct bulk b = {0, 500, 0, 1000};
	pid_t pid;
	int status;

	reopen_with_small_map();
	fx_task(0, 0, ST_NOT_STARTED, DATE_NONE); /* this process has used the store */
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		/* the child opens its own environment; it never touches fx_st */
		struct store *st = NULL;
		int rc = store_open(fx_path, STORE_NOSYNC, &st, NULL);
		for (b.from = 0; !rc && b.from < 1500; b.from += b.n)
			rc = store_write(st, w_bulk, &b, NULL);
		if (!rc)
			store_close(st);
		_exit(rc ? 1 : 0);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child failed");
	/* reading and writing here must adopt the larger map */
	assert_all_tasks(1501, 2, 1501, b.text_len);
	fx_task(0, 0, ST_NOT_STARTED, DATE_NONE);
	fx_check_clean();
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1502);
	unsetenv("THEODOI_MAPSIZE");
}
