/* Tests of tasks in the store: records, the due_tasks / lead_due /
 * lead_tasks / doc_tasks indexes and the counters, kept in step through
 * every change. */
#include "store-fixture.h"

TestSuite(store_task, .init = fx_setup, .fini = fx_teardown);

#define D(y, m, d) date_make(y, m, d)

static void get_task(uint64_t id, struct task *out)
{
	struct txn *t = fx_read();
	struct err e = {0};
	cr_assert_eq(store_task_get(t, id, out, &e), 0, "%s", e.msg);
	store_read_end(t);
}

/* Change a stored task with fn and write it back. */
static void change_task(uint64_t id, void (*fn)(struct task *t, long arg), long arg)
{
	struct task t;
	get_task(id, &t);
	fn(&t, arg);
	fx_write(fx_w_task, &t);
	task_free(&t);
}

static void set_status(struct task *t, long s)
{
	t->status = (uint8_t)s;
}

static void set_due(struct task *t, long due)
{
	t->due = (date_t)due;
}

static void set_lead(struct task *t, long lead)
{
	t->lead = (uint32_t)lead;
}

static void set_doc(struct task *t, long doc)
{
	t->doc_id = (uint64_t)doc;
}

static int add_id(uint64_t id, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%llu;", (unsigned long long)id);
	return 0;
}

/* "id;id;" of the tasks led by lead / of doc. */
static char *by_lead(uint32_t lead)
{
	struct txn *t = fx_read();
	struct sbuf b = {0};
	cr_assert_eq(store_tasks_by_lead(t, lead, add_id, &b, NULL), 0);
	store_read_end(t);
	sbuf_puts(&b, "");
	return sbuf_detach(&b);
}

static char *by_doc(uint64_t doc)
{
	struct txn *t = fx_read();
	struct sbuf b = {0};
	cr_assert_eq(store_tasks_by_doc(t, doc, add_id, &b, NULL), 0);
	store_read_end(t);
	sbuf_puts(&b, "");
	return sbuf_detach(&b);
}

static int add_due(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct sbuf *b = ctx;
	char iso[16];
	sbuf_printf(b, "%llu@%s/%u;", (unsigned long long)id, date_iso(due, iso), lead);
	return 0;
}

/* "id@due/lead;" of open tasks due in [from, to] for lead (0: all). */
static char *by_due(uint32_t lead, date_t from, date_t to)
{
	struct txn *t = fx_read();
	struct sbuf b = {0};
	struct err e = {0};
	cr_assert_eq(store_tasks_by_due(t, lead, from, to, add_due, &b, &e), 0, "lead %u: %s",
	             lead, e.msg);
	store_read_end(t);
	sbuf_puts(&b, "");
	return sbuf_detach(&b);
}

static void assert_list(char *got, const char *want)
{
	cr_assert_str_eq(got, want);
	free(got);
}

/* ---- records ------------------------------------------------------------------ */

Test(store_task, put_assigns_ids_and_get_returns_the_task)
{
	struct task t, got;

	fx_task_init(&t, 3, 0, ST_IN_PROGRESS, D(2024, 6, 30));
	t.dl_phrase = xstrdup("hoàn thành trong quý II/2024");
	t.progress = 40;
	fx_write(fx_w_task, &t);
	cr_assert_eq(t.id, 1);
	get_task(1, &got);
	cr_assert_eq(got.id, 1);
	cr_assert_eq(got.lead, 3);
	cr_assert_eq(got.due, D(2024, 6, 30));
	cr_assert_eq(got.progress, 40);
	cr_assert_str_eq(got.dl_phrase, "hoàn thành trong quý II/2024");
	cr_assert_str_eq(got.text, t.text);
	task_free(&got);
	task_free(&t);
	cr_assert_eq(fx_task(0, 0, ST_NOT_STARTED, DATE_NONE), 2);
}

Test(store_task, explicit_id_moves_the_sequence_past_it)
{
	struct task t;

	fx_task_init(&t, 0, 0, ST_NOT_STARTED, DATE_NONE);
	t.id = 100;
	fx_write(fx_w_task, &t);
	task_free(&t);
	cr_assert_eq(fx_task(0, 0, ST_NOT_STARTED, DATE_NONE), 101);
	fx_check_clean();
}

Test(store_task, missing_task_is_not_found)
{
	struct txn *t = fx_read();
	struct task task;
	struct err e = {0};
	uint64_t id = 7;

	cr_assert_eq(store_task_get(t, 7, &task, &e), ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "không tìm thấy nhiệm vụ 7"), "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(store_write(fx_st, fx_w_task_del, &id, &e), ERR_NOTFOUND);
}

Test(store_task, due_in_the_counter_slots_is_refused)
{
	struct task t;
	struct err e = {0};

	fx_task_init(&t, 0, 0, ST_NOT_STARTED, STORE_SLOT_NODUE);
	cr_assert_eq(store_write(fx_st, fx_w_task, &t, &e), ERR_INPUT);
	cr_assert_eq(t.id, 0);
	task_free(&t);
}

static int count_each(const struct task *task, void *ctx)
{
	(void)task;
	++*(int *)ctx;
	return 0;
}

Test(store_task, tasks_each_visits_every_task)
{
	int n = 0;
	struct txn *t;

	for (int i = 0; i < 5; i++)
		fx_task((uint32_t)i, 0, ST_NOT_STARTED, DATE_NONE);
	t = fx_read();
	cr_assert_eq(store_tasks_each(t, count_each, &n, NULL), 0);
	store_read_end(t);
	cr_assert_eq(n, 5);
}

/* ---- indexes and counters through changes -------------------------------------- */

Test(store_task, status_changes_move_the_task_between_slots)
{
	uint32_t u = fx_unit("ban-tc", 0);
	date_t due = D(2024, 6, 30);
	uint64_t id = fx_task(u, 0, ST_NOT_STARTED, due);

	cr_assert_eq(fx_count(u, due, due), 1);
	cr_assert_eq(fx_count(0, due, due), 1);
	assert_list(by_due(u, DATE_NONE, DATE_NONE), "1@2024-06-30/1;");
	fx_check_clean();

	change_task(id, set_status, ST_IN_PROGRESS);
	cr_assert_eq(fx_count(u, due, due), 1);
	fx_check_clean();

	change_task(id, set_status, ST_DONE);
	cr_assert_eq(fx_count(u, due, due), 0);
	cr_assert_eq(fx_count(u, STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 1);
	cr_assert_eq(fx_count(0, STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 1);
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "");
	assert_list(by_due(u, DATE_NONE, DATE_NONE), "");
	assert_list(by_lead(u), "1;");
	fx_check_clean();

	change_task(id, set_status, ST_ON_HOLD);
	cr_assert_eq(fx_count(u, STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 1);
	fx_check_clean();

	change_task(id, set_status, ST_IN_PROGRESS);
	cr_assert_eq(fx_count(u, STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 0);
	cr_assert_eq(fx_count(u, due, due), 1);
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "1@2024-06-30/1;");
	fx_check_clean();
}

Test(store_task, due_changes_move_index_entries_and_counters)
{
	uint32_t u = fx_unit("ban-tc", 0);
	uint64_t id = fx_task(u, 0, ST_IN_PROGRESS, D(2024, 6, 30));

	change_task(id, set_due, D(2024, 12, 31));
	cr_assert_eq(fx_count(u, D(2024, 6, 30), D(2024, 6, 30)), 0);
	cr_assert_eq(fx_count(u, D(2024, 12, 31), D(2024, 12, 31)), 1);
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "1@2024-12-31/1;");
	assert_list(by_due(u, DATE_NONE, DATE_NONE), "1@2024-12-31/1;");
	fx_check_clean();

	change_task(id, set_due, DATE_NONE);
	cr_assert_eq(fx_count(u, DATE_NONE, D(2100, 1, 1)), 0);
	cr_assert_eq(fx_count(u, STORE_SLOT_NODUE, STORE_SLOT_NODUE), 1);
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "");
	fx_check_clean();

	change_task(id, set_due, D(2023, 3, 31));
	cr_assert_eq(fx_count(u, STORE_SLOT_NODUE, STORE_SLOT_NODUE), 0);
	cr_assert_eq(fx_count(u, D(2023, 3, 31), D(2023, 3, 31)), 1);
	fx_check_clean();
}

Test(store_task, lead_changes_move_the_task_between_units)
{
	uint32_t a = fx_unit("ban-tc", 0);
	uint32_t b = fx_unit("ban-tg", 0);
	date_t due = D(2024, 6, 30);
	uint64_t id = fx_task(a, 0, ST_NOT_STARTED, due);

	change_task(id, set_lead, b);
	cr_assert_eq(fx_count(a, DATE_NONE, DATE_NONE), 0);
	cr_assert_eq(fx_count(b, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	assert_list(by_lead(a), "");
	assert_list(by_lead(b), "1;");
	assert_list(by_due(a, DATE_NONE, DATE_NONE), "");
	assert_list(by_due(b, DATE_NONE, DATE_NONE), "1@2024-06-30/2;");
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "1@2024-06-30/2;");
	fx_check_clean();

	change_task(id, set_lead, 0);
	cr_assert_eq(fx_count(b, DATE_NONE, DATE_NONE), 0);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	assert_list(by_lead(0), "1;");
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "1@2024-06-30/0;");
	fx_check_clean();
}

Test(store_task, doc_changes_move_the_task_between_documents)
{
	uint64_t id = fx_task(0, 0, ST_NOT_STARTED, DATE_NONE);
	fx_task(0, 0, ST_NOT_STARTED, DATE_NONE);

	assert_list(by_doc(0), "1;2;");
	/* the document need not exist for the index; store_check notes it */
	change_task(id, set_doc, 9);
	assert_list(by_doc(0), "2;");
	assert_list(by_doc(9), "1;");
}

Test(store_task, deletion_removes_every_trace)
{
	uint32_t tu = fx_unit("tinh-uy", 0);
	uint32_t btc = fx_unit("ban-tc", tu);
	uint64_t a = fx_task(btc, 0, ST_NOT_STARTED, D(2024, 6, 30));
	uint64_t b = fx_task(btc, 0, ST_DONE, D(2024, 6, 30));
	struct store_stat ss;
	struct txn *t;

	fx_write(fx_w_task_del, &a);
	cr_assert_eq(fx_count(btc, DATE_NONE, D(2100, 1, 1)), 0);
	cr_assert_eq(fx_count(tu, DATE_NONE, D(2100, 1, 1)), 0);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	assert_list(by_lead(btc), "2;");
	assert_list(by_due(0, DATE_NONE, DATE_NONE), "");
	fx_check_clean();
	fx_write(fx_w_task_del, &b);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 0);
	assert_list(by_lead(btc), "");
	assert_list(by_doc(0), "");
	t = fx_read();
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_eq(ss.tasks, 0);
	store_read_end(t);
	fx_check_clean();
}

/* ---- counts over the hierarchy -------------------------------------------------- */

struct tree {
	uint32_t tu, btc, phong, vp;
};

/* Tỉnh ủy -> Ban Tổ chức -> phòng; Tỉnh ủy -> Văn phòng. */
static void make_tree(struct tree *tr)
{
	tr->tu = fx_unit("tinh-uy", 0);
	tr->btc = fx_unit("ban-tc", tr->tu);
	tr->phong = fx_unit("phong-tccs", tr->btc);
	tr->vp = fx_unit("van-phong", tr->tu);
}

Test(store_task, counts_add_up_over_a_subtree)
{
	struct tree tr;

	make_tree(&tr);
	fx_task(tr.phong, 0, ST_NOT_STARTED, D(2024, 3, 31));
	fx_task(tr.phong, 0, ST_DONE, D(2024, 3, 31));
	fx_task(tr.btc, 0, ST_IN_PROGRESS, D(2024, 6, 30));
	fx_task(tr.vp, 0, ST_NOT_STARTED, DATE_NONE);
	fx_task(0, 0, ST_NOT_STARTED, D(2024, 3, 31));

	cr_assert_eq(fx_count(tr.phong, DATE_NONE, DATE_NONE), 2);
	cr_assert_eq(fx_count(tr.btc, DATE_NONE, DATE_NONE), 3);
	cr_assert_eq(fx_count(tr.vp, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(fx_count(tr.tu, DATE_NONE, DATE_NONE), 4);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 5);
	/* open and dated, by range */
	cr_assert_eq(fx_count(tr.tu, DATE_NONE, D(2024, 3, 31)), 1);
	cr_assert_eq(fx_count(0, DATE_NONE, D(2024, 3, 31)), 2);
	cr_assert_eq(fx_count(tr.tu, D(2024, 4, 1), D(2024, 12, 31)), 1);
	cr_assert_eq(fx_count(tr.btc, D(2024, 6, 30), D(2024, 6, 30)), 1);
	cr_assert_eq(fx_count(tr.btc, D(2024, 7, 1), D(2024, 6, 30)), 0);
	/* the special slots */
	cr_assert_eq(fx_count(tr.tu, STORE_SLOT_NODUE, STORE_SLOT_NODUE), 1);
	cr_assert_eq(fx_count(tr.tu, STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 1);
	cr_assert_eq(fx_count(tr.tu, DATE_NONE, STORE_SLOT_NODUE), 3);
	/* a unit with no tasks, and one that does not exist */
	cr_assert_eq(fx_count(999, DATE_NONE, DATE_NONE), 0);
	fx_check_clean();
}

Test(store_task, unit_counts_split_overdue_soon_open_closed)
{
	struct tree tr;
	struct store_counts c;
	struct txn *t;
	date_t today = D(2024, 6, 10);

	make_tree(&tr);
	fx_task(tr.phong, 0, ST_NOT_STARTED, D(2024, 6, 9));   /* overdue by one day */
	fx_task(tr.phong, 0, ST_NOT_STARTED, D(2024, 6, 10));  /* due today: soon */
	fx_task(tr.btc, 0, ST_IN_PROGRESS, D(2024, 6, 24));    /* today + 14: soon */
	fx_task(tr.btc, 0, ST_IN_PROGRESS, D(2024, 6, 25));    /* beyond the window */
	fx_task(tr.vp, 0, ST_NOT_STARTED, DATE_NONE);          /* open, undated */
	fx_task(tr.vp, 0, ST_DONE, D(2024, 1, 1));             /* closed */
	fx_task(tr.vp, 0, ST_ON_HOLD, D(2024, 1, 1));          /* closed */

	t = fx_read();
	cr_assert_eq(store_unit_counts(t, tr.tu, today, 14, &c, NULL), 0);
	cr_assert_eq(c.total, 7);
	cr_assert_eq(c.open, 5);
	cr_assert_eq(c.overdue, 1);
	cr_assert_eq(c.soon, 2);
	cr_assert_eq(c.closed, 2);
	cr_assert_eq(store_unit_counts(t, tr.btc, today, 14, &c, NULL), 0);
	cr_assert_eq(c.total, 4);
	cr_assert_eq(c.overdue, 1);
	cr_assert_eq(c.soon, 2);
	cr_assert_eq(store_unit_counts(t, tr.vp, today, 0, &c, NULL), 0);
	cr_assert_eq(c.total, 3);
	cr_assert_eq(c.open, 1);
	cr_assert_eq(c.closed, 2);
	cr_assert_eq(c.overdue + c.soon, 0);
	cr_assert_eq(store_unit_counts(t, 0, today, 0, &c, NULL), 0);
	cr_assert_eq(c.total, 7);
	cr_assert_eq(c.soon, 1, "window 0: only today");
	store_read_end(t);
}

Test(store_task, task_without_lead_counts_only_for_the_whole_store)
{
	struct tree tr;

	make_tree(&tr);
	fx_task(0, 0, ST_NOT_STARTED, D(2024, 6, 30));
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(fx_count(tr.tu, DATE_NONE, DATE_NONE), 0);
	assert_list(by_lead(0), "1;");
	fx_check_clean();
}

Test(store_task, task_led_by_an_unknown_unit_counts_there_and_in_the_whole)
{
	uint64_t id = fx_task(77, 0, ST_NOT_STARTED, D(2024, 6, 30));
	cr_assert_eq(fx_count(77, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	/* counters and indexes agree; check-store names the missing unit */
	char *rep = fx_check_dirty(), want[96];
	snprintf(want, sizeof want, "nhiệm vụ %llu: đơn vị chủ trì 77 không tồn tại\n",
	         (unsigned long long)id);
	cr_assert_str_eq(rep, want);
	free(rep);
}

static void set_parent(uint32_t id, uint32_t parent)
{
	struct txn *t = fx_read();
	struct unit u;
	cr_assert_eq(store_unit_get(t, id, &u, NULL), 0);
	store_read_end(t);
	u.parent = parent;
	fx_write(fx_w_unit, &u);
	unit_free(&u);
}

static int w_rebuild_counts(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_counts(t, e);
}

Test(store_task, moving_a_unit_then_rebuilding_counts_moves_its_tasks)
{
	struct tree tr;
	char *rep;

	make_tree(&tr);
	fx_task(tr.phong, 0, ST_NOT_STARTED, D(2024, 6, 30));
	set_parent(tr.phong, tr.vp);
	rep = fx_check_dirty();
	cr_assert(strstr(rep, "counts"), "%s", rep);
	free(rep);
	fx_write(w_rebuild_counts, NULL);
	cr_assert_eq(fx_count(tr.btc, DATE_NONE, DATE_NONE), 0);
	cr_assert_eq(fx_count(tr.vp, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(fx_count(tr.tu, DATE_NONE, DATE_NONE), 1);
	fx_check_clean();
}

Test(store_task, a_cycle_in_the_hierarchy_is_an_error_not_a_hang)
{
	uint32_t a = fx_unit("a", 0);
	uint32_t b = fx_unit("b", a);
	struct task t;
	struct err e = {0};

	set_parent(a, b);
	fx_task_init(&t, b, 0, ST_NOT_STARTED, DATE_NONE);
	cr_assert_eq(store_write(fx_st, fx_w_task, &t, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "vòng lặp"), "%s", e.msg);
	task_free(&t);
}

/* ---- by due ---------------------------------------------------------------------- */

static int stop_after_two(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	(void)id;
	(void)due;
	(void)lead;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

Test(store_task, by_due_is_earliest_first_within_inclusive_ranges)
{
	uint32_t a = fx_unit("a", 0), b = fx_unit("b", 0);
	struct txn *t;
	int n = 0;

	fx_task(a, 0, ST_NOT_STARTED, D(2024, 12, 31)); /* 1 */
	fx_task(b, 0, ST_IN_PROGRESS, D(2024, 6, 30));  /* 2 */
	fx_task(a, 0, ST_NOT_STARTED, D(2024, 6, 30));  /* 3 */
	fx_task(a, 0, ST_DONE, D(2024, 1, 31));         /* 4: closed */
	fx_task(b, 0, ST_NOT_STARTED, DATE_NONE);       /* 5: undated */
	fx_task(b, 0, ST_NOT_STARTED, D(1969, 12, 1));  /* 6: before day 0 */
	fx_task(0, 0, ST_NOT_STARTED, D(2025, 1, 1));   /* 7: no lead */

	assert_list(by_due(0, DATE_NONE, DATE_NONE),
	            "6@1969-12-01/2;2@2024-06-30/2;3@2024-06-30/1;1@2024-12-31/1;7@2025-01-01/0;");
	assert_list(by_due(0, D(2024, 6, 30), D(2024, 12, 31)),
	            "2@2024-06-30/2;3@2024-06-30/1;1@2024-12-31/1;");
	assert_list(by_due(0, D(2024, 7, 1), D(2024, 12, 30)), "");
	assert_list(by_due(0, DATE_NONE, D(2024, 6, 29)), "6@1969-12-01/2;");
	assert_list(by_due(0, D(2024, 12, 31), DATE_NONE), "1@2024-12-31/1;7@2025-01-01/0;");
	assert_list(by_due(a, DATE_NONE, DATE_NONE), "3@2024-06-30/1;1@2024-12-31/1;");
	assert_list(by_due(b, DATE_NONE, D(2024, 6, 30)), "6@1969-12-01/2;2@2024-06-30/2;");
	assert_list(by_due(a, D(2025, 1, 1), D(2024, 1, 1)), "");
	t = fx_read();
	cr_assert_eq(store_tasks_by_due(t, 0, DATE_NONE, DATE_NONE, stop_after_two, &n, NULL), 7);
	cr_assert_eq(n, 2);
	store_read_end(t);
	fx_check_clean();
}

Test(store_task, by_lead_and_by_doc_are_in_id_order)
{
	uint32_t a = fx_unit("a", 0), b = fx_unit("b", 0);
	uint64_t d1 = fx_doc("", 0), d2 = fx_doc("", 0);

	fx_task(a, d2, ST_NOT_STARTED, DATE_NONE);
	fx_task(b, d1, ST_NOT_STARTED, DATE_NONE);
	fx_task(a, d1, ST_DONE, DATE_NONE);
	fx_task(a, d2, ST_NOT_STARTED, DATE_NONE);
	assert_list(by_lead(a), "1;3;4;");
	assert_list(by_lead(b), "2;");
	assert_list(by_doc(d1), "2;3;");
	assert_list(by_doc(d2), "1;4;");
	fx_check_clean();
}

/* ---- volume --------------------------------------------------------------------- */

struct batch {
	uint32_t units[4];
	int from, n;
};

static int w_batch(struct txn *t, void *ctx, struct err *e)
{
	struct batch *b = ctx;

	for (int i = b->from; i < b->from + b->n; i++) {
		struct task task;
		int rc;
		fx_task_init(&task, b->units[i % 4], 0, i % 7 == 0 ? ST_DONE : ST_NOT_STARTED,
		             i % 11 == 0 ? DATE_NONE : D(2024, 1, 1) + i % 730);
		rc = store_task_put(t, &task, e);
		task_free(&task);
		if (rc)
			return rc;
	}
	return 0;
}

Test(store_task, twenty_thousand_tasks_in_batches_count_right)
{
	struct batch b;
	uint64_t open_dated = 0, in_2024 = 0;

	store_close(fx_st);
	fx_open(STORE_NOSYNC);
	b.units[0] = fx_unit("tinh-uy", 0);
	b.units[1] = fx_unit("ban-tc", b.units[0]);
	b.units[2] = fx_unit("phong", b.units[1]);
	b.units[3] = fx_unit("van-phong", b.units[0]);
	for (b.from = 0, b.n = 5000; b.from < 20000; b.from += b.n)
		fx_write(w_batch, &b);
	for (int i = 0; i < 20000; i++) {
		if (i % 7 == 0 || i % 11 == 0)
			continue;
		open_dated++;
		if (D(2024, 1, 1) + i % 730 <= D(2024, 12, 31))
			in_2024++;
	}
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 20000);
	cr_assert_eq(fx_count(b.units[0], DATE_NONE, DATE_NONE), 20000);
	cr_assert_eq(fx_count(b.units[1], DATE_NONE, DATE_NONE), 10000);
	cr_assert_eq(fx_count(0, DATE_NONE, D(2100, 1, 1)), open_dated);
	cr_assert_eq(fx_count(0, D(2024, 1, 1), D(2024, 12, 31)), in_2024);
	fx_check_clean();
}
