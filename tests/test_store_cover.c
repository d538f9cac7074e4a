/* test_store_cover.c — due_rows, the rows kept beside the due index:
 * written, moved and deleted with their task, what they keep and cut,
 * checked and rebuilt by store_check and store_rebuild_indexes, and made
 * for a store of schema 4 (tests/data/schema4-demo, made by the program
 * before them) by the migration to schema 5. */

#include "period.h"
#include "store-fixture.h"
#include "text.h"

TestSuite(store_cover, .init = fx_setup, .fini = fx_teardown);
TestSuite(cover_migration);

static const char long_text[] =
	"Tiếp tục quán triệt, tổ chức thực hiện nghiêm túc Nghị quyết của Ban Chấp hành "
	"Trung ương về công tác cán bộ, gắn với việc rà soát, bổ sung quy hoạch các chức danh.";

/* The row of task id under day due: 0 and *out filled, or ERR_NOTFOUND. */
static int row_of(uint64_t id, date_t due, struct task *out, unsigned *cut)
{
	struct err e = {0};
	struct txn *t = fx_read();
	int rc = store_due_row_get(t, due, id, out, cut, &e);
	store_read_end(t);
	cr_assert(rc == 0 || rc == ERR_NOTFOUND, "store_due_row_get: %d %s", rc, e.msg);
	return rc;
}

static struct task get(uint64_t id)
{
	struct err e = {0};
	struct task k;
	struct txn *t = fx_read();
	cr_assert_eq(store_task_get(t, id, &k, &e), 0, "%s", e.msg);
	store_read_end(t);
	return k;
}

Test(store_cover, the_row_follows_its_task)
{
	uint32_t tu = fx_unit("tu", 0), a = fx_unit("a", tu);
	date_t d1 = date_make(2026, 3, 31), d2 = date_make(2026, 6, 30);
	struct task k, row;
	unsigned cut;
	fx_task_init(&k, tu, 0, ST_IN_PROGRESS, d1);
	free(k.text);
	k.text = xstrdup(long_text);
	k.dl_phrase = xstrdup("trong quý I/2026");
	k.progress = 40;
	strcpy(k.section, "II.3#2");
	k.npartners = 1;
	k.partners = xmalloc(sizeof *k.partners);
	k.partners[0] = a;
	fx_write(fx_w_task, &k);

	cr_assert_eq(row_of(k.id, d1, &row, &cut), 0, "an open task with a due has its row");
	cr_assert_eq(cut, STORE_ROW_TEXT_CUT);
	size_t n = strlen(row.text);
	cr_assert_lt(n, strlen(long_text));
	cr_assert_eq(strncmp(row.text, long_text, n), 0, "the row's text is the text's beginning");
	cr_assert_eq(txt_width(row.text), STORE_ROW_TEXT_COLS);
	cr_assert_null(row.dl_phrase);
	cr_assert_eq(row.npartners, 0);
	cr_assert_eq(row.lead, tu);
	cr_assert_eq(row.progress, 40);
	cr_assert_eq(row.status, ST_IN_PROGRESS);
	cr_assert_eq(row.due, d1);
	cr_assert_str_eq(row.section, "II.3#2");
	task_free(&row);

	/* a new due moves the row; the old day has none */
	uint64_t id = k.id;
	task_free(&k);
	k = get(id);
	k.dl.d.due = d2;
	k.due = d2;
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d1, &row, &cut), ERR_NOTFOUND);
	cr_assert_eq(row_of(k.id, d2, &row, &cut), 0);
	task_free(&row);

	/* a short text is kept whole */
	free(k.text);
	k.text = xstrdup("Báo cáo sơ kết");
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d2, &row, &cut), 0);
	cr_assert_eq(cut, 0);
	cr_assert_str_eq(row.text, "Báo cáo sơ kết");
	task_free(&row);

	/* done (a one-off task): out of the due index, and its row with it */
	k.status = ST_DONE;
	k.progress = 100;
	k.done_date = d2;
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d2, &row, &cut), ERR_NOTFOUND);
	k.status = ST_IN_PROGRESS;
	k.done_date = DATE_NONE;
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d2, &row, &cut), 0);
	task_free(&row);
	fx_check_clean();

	fx_write(fx_w_task_del, &id);
	cr_assert_eq(row_of(id, d2, &row, &cut), ERR_NOTFOUND, "deleted with its task");
	fx_check_clean();
	task_free(&k);
}

Test(store_cover, a_lead_as_written_is_kept_only_without_a_lead_unit)
{
	uint32_t tu = fx_unit("tu", 0);
	date_t d = date_make(2026, 5, 15);
	struct task k, row;
	unsigned cut;
	fx_task_init(&k, 0, 0, ST_NOT_STARTED, d);
	k.lead_text = xstrdup("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan "
	                      "liên quan");
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d, &row, &cut), 0);
	cr_assert_eq(cut, STORE_ROW_LEAD_CUT, "the long lead text is cut, the short text not");
	cr_assert_eq(txt_width(row.lead_text), STORE_ROW_LEAD_COLS);
	cr_assert_eq(strncmp(row.lead_text, k.lead_text, strlen(row.lead_text)), 0);
	task_free(&row);
	k.lead = tu;
	fx_write(fx_w_task, &k);
	cr_assert_eq(row_of(k.id, d, &row, &cut), 0);
	cr_assert_null(row.lead_text, "a task with its lead unit shows the unit's name");
	cr_assert_eq(row.lead, tu);
	task_free(&row);
	task_free(&k);
	fx_check_clean();
}

static int w_rebuild(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_indexes(t, e);
}

static void key_of(unsigned char key[12], date_t due, uint64_t id)
{
	uint32_t b = (uint32_t)due ^ 0x80000000u; /* day_bias: the sign bit flipped */
	for (int i = 0; i < 4; i++)
		key[i] = (unsigned char)(b >> (24 - 8 * i));
	for (int i = 0; i < 8; i++)
		key[4 + i] = (unsigned char)(id >> (56 - 8 * i));
}

Test(store_cover, a_missing_wrong_or_stray_row_is_reported_and_rebuilt)
{
	uint32_t tu = fx_unit("tu", 0);
	date_t d = date_make(2026, 4, 1);
	struct task k1, k2, row;
	unsigned cut;
	fx_task_init(&k1, tu, 0, ST_NOT_STARTED, d);
	fx_write(fx_w_task, &k1);
	fx_task_init(&k2, tu, 0, ST_NOT_STARTED, d + 1);
	fx_write(fx_w_task, &k2);
	fx_check_clean();
	struct fx_raw r;
	fx_raw_begin(&r);
	unsigned char key[12];
	key_of(key, d, k1.id);
	fx_raw_del(&r, "due_rows", key, 12);
	key_of(key, d + 7, k1.id); /* a stray row: the task is not due then */
	fx_raw_put(&r, "due_rows", key, 12, "", 1);
	key_of(key, d + 1, k2.id); /* a row that says another progress */
	MDB_val k = {12, key}, v;
	cr_assert_eq(mdb_get(r.txn, fx_raw_dbi(&r, "due_rows"), &k, &v), 0);
	unsigned char *copy = xmalloc(v.mv_size);
	memcpy(copy, v.mv_data, v.mv_size);
	copy[v.mv_size - 1] ^= 1;
	fx_raw_put(&r, "due_rows", key, 12, copy, v.mv_size);
	free(copy);
	fx_raw_end(&r);
	char *rep = fx_check_dirty();
	cr_assert(strstr(rep, "thiếu mục trong chỉ mục due_rows"), "%s", rep);
	cr_assert(strstr(rep, "sai giá trị của mục trong chỉ mục due_rows"), "%s", rep);
	cr_assert(strstr(rep, "chỉ mục due_rows: mục thừa"), "%s", rep);
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
	cr_assert_eq(row_of(k1.id, d, &row, &cut), 0, "rebuilt");
	task_free(&row);
	cr_assert_eq(row_of(k1.id, d + 7, &row, &cut), ERR_NOTFOUND);
	task_free(&k1);
	task_free(&k2);
}

/* Each entry of the due index: its row is there. */
struct all_rows {
	struct txn *t;
	size_t n, with_row;
};

static int see_due(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	(void)lead;
	struct all_rows *a = ctx;
	struct task row;
	unsigned cut;
	struct err e = {0};
	a->n++;
	if (store_due_row_get(a->t, due, id, &row, &cut, &e) == 0) {
		a->with_row++;
		task_free(&row);
	}
	return 0;
}

static struct all_rows due_rows_now(void)
{
	struct err e = {0};
	struct all_rows a = {fx_read(), 0, 0};
	cr_assert_eq(store_tasks_by_due(a.t, 0, DATE_NONE, DATE_NONE, see_due, &a, &e), 0, "%s",
	             e.msg);
	store_read_end(a.t);
	return a;
}

Test(cover_migration, a_schema4_store_gets_its_rows)
{
	struct err e = {0};
	fx_setup_from("tests/data/schema4-demo/data.mdb");
	cr_assert_eq(fx_schema(), 4);
	struct all_rows a = due_rows_now();
	cr_assert_gt(a.n, 10, "the demo store has tasks in its due index");
	cr_assert_eq(a.with_row, 0, "no rows before the migration");
	struct periods dec = {1u << 11};
	int migrated = -1;
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 3);
	cr_assert_eq(fx_schema(), STORE_SCHEMA);
	a = due_rows_now();
	cr_assert_eq(a.with_row, a.n, "every entry of the due index has its row");
	fx_check_clean();
	fx_teardown();
}

/* Rows read one after another in one read transaction (a listing's walk:
 * the cursor kept steps to the next entry) come right in index order, out
 * of it, after a miss and after a row that is not there. */
Test(store_cover, rows_read_in_one_transaction_in_any_order)
{
	uint32_t tu = fx_unit("tu", 0);
	date_t due[3] = {date_make(2026, 1, 5), date_make(2026, 1, 5), date_make(2026, 2, 1)};
	uint64_t id[3];
	for (int i = 0; i < 3; i++) {
		struct task k;
		fx_task_init(&k, tu, 0, ST_IN_PROGRESS, due[i]);
		k.progress = (uint8_t)(10 * (i + 1));
		fx_write(fx_w_task, &k);
		id[i] = k.id;
		task_free(&k);
	}
	static const int order[] = {0, 1, 2, 2, 0, -1, 1, 0, 2, -2, 1};
	struct txn *t = fx_read();
	for (size_t n = 0; n < sizeof order / sizeof order[0]; n++) {
		struct err e = {0};
		struct task row;
		unsigned cut;
		int i = order[n];
		if (i < 0) { /* a task that is not there; a day that has none */
			int rc = store_due_row_get(t, i == -1 ? due[0] : due[2] + 1, id[2] + 7, &row,
			                           &cut, &e);
			cr_assert_eq(rc, ERR_NOTFOUND, "step %zu: %d %s", n, rc, e.msg);
			continue;
		}
		cr_assert_eq(store_due_row_get(t, due[i], id[i], &row, &cut, &e), 0, "step %zu: %s", n,
		             e.msg);
		cr_assert_eq(row.id, id[i], "step %zu", n);
		cr_assert_eq(row.progress, 10 * (i + 1), "step %zu", n);
		task_free(&row);
	}
	store_read_end(t);
}
