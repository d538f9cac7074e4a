/* test_rollup.c — the roll-up on a store with one task in every group, at
 * a fixed today (23/11/2026): exact counts, the sentence, the most overdue,
 * scopes, rows by unit, counters-only rows, and the group boundaries. */
#include "report-fixture.h"
#include "period.h"
#include "rollup.h"

TestSuite(rollup, .init = rfx_open, .fini = rfx_close);

/* The tasks of the scenario, by the number used in the comments. */
static uint64_t T[18];
static uint64_t D1, D2;

/* Seventeen tasks, each landing in a known group on 23/11/2026. */
static void scenario(void)
{
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), "09-NQ/TW", NULL);
	D2 = rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 1), DATE_NONE, "15-CTr/TU", NULL);
	/* fallen due, done on time / late; extended; overdue; unreported */
	T[1] = rfx_task(D1, "III.1#1", "tu-btc", NULL, "hoàn thành trong quý II/2026");
	rfx_update(T[1], D(2026, 6, 20), ST_DONE, -1, "Đã hoàn thành");
	T[2] = rfx_task(D1, "III.1#2", "tu-btc", NULL, "hoàn thành trong quý II/2026");
	rfx_update(T[2], D(2026, 7, 10), ST_DONE, -1, NULL);
	T[3] = rfx_task(D1, "III.1#3", "tu-btc", NULL, "hoàn thành trong quý III/2026");
	rfx_extend(T[3], D(2026, 9, 25), D(2026, 12, 31));
	T[4] = rfx_task(D1, "III.2#1", "tu-vp", NULL, "hoàn thành trong tháng 10/2026");
	T[5] = rfx_task(D1, "III.2#2", "tu-vp", NULL, "thực hiện thường xuyên");
	/* not yet due: open, soon, done ahead */
	T[6] = rfx_task(D2, "III#1", "thu-btc", NULL, "hoàn thành trong năm 2027");
	T[7] = rfx_task(D2, "III#2", "thu-btc", NULL, "hoàn thành trước ngày 01/12/2026");
	T[8] = rfx_task(D2, "III#3", "thu-btc", NULL, "hoàn thành trong tháng 12/2026");
	rfx_update(T[8], D(2026, 11, 10), ST_DONE, -1, NULL);
	/* no date: awaiting, review, other, done */
	T[9] = rfx_task(D1, "III.3#1", "hu", NULL, "sau khi có hướng dẫn của Trung ương (năm 2027)");
	T[10] = rfx_task(D1, "III.3#2", "hu", NULL, "sau khi có hướng dẫn của Trung ương (năm 2025)");
	T[11] = rfx_task(D1, "III.3#3", "hu", NULL, "theo yêu cầu của Trung ương");
	T[12] = rfx_task(D1, "III.3#4", "hu", NULL, "theo nhiệm kỳ");
	rfx_update(T[12], D(2026, 5, 5), ST_DONE, -1, NULL);
	/* on hold; due today */
	T[13] = rfx_task(D1, "III.4#1", "duk", NULL, "hoàn thành trong quý I/2026");
	rfx_update(T[13], D(2026, 2, 1), ST_ON_HOLD, -1, "Tạm dừng chờ sắp xếp");
	T[14] = rfx_task(D1, "III.4#2", "duk", NULL, "hoàn thành trước ngày 24/11/2026");
	/* an unresolved lead, overdue */
	T[15] = rfx_task(D1, "IV#1", NULL, "Ban Kinh tế", "hoàn thành trong quý I/2026");
	/* periodic: reported this year (late, for 2025); done for 2026 after
	 * reporting 2025 in time */
	T[16] = rfx_task(D1, "IV#2", "tu-vp", NULL, "thực hiện thường xuyên");
	rfx_update(T[16], D(2026, 5, 1), -1, -1, "Báo cáo 6 tháng");
	T[17] = rfx_task(D1, "IV#3", "tu-vp", NULL, "thực hiện hằng năm");
	rfx_update(T[17], D(2025, 12, 20), -1, -1, "Báo cáo năm 2025");
	rfx_update(T[17], D(2026, 6, 1), ST_DONE, -1, NULL);
}

/* 23/11/2026 (date_make is not a constant expression). */
#define WHEN (*when())
static const struct rollup_when *when(void)
{
	static struct rollup_when w;
	w.today = TODAY;
	w.soon = 14;
	w.periods = NULL;
	return &w;
}

static void compute(uint32_t unit, uint64_t doc, struct rollup *r)
{
	struct err e = {0};
	struct rollup_scope s = {unit, doc, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(rollup_compute(t, h, &s, &WHEN, r, &e), 0, "%s", e.msg);
	store_read_end(t);
}

Test(rollup, whole_store_counts_every_group_exactly)
{
	struct rollup r;
	scenario();
	compute(0, 0, &r);
	cr_assert_eq(r.total, 17);
	cr_assert_eq(r.by_bucket[RB_DUE_ON_TIME], 2);
	cr_assert_eq(r.by_bucket[RB_DUE_LATE], 1);
	cr_assert_eq(r.by_bucket[RB_DUE_EXTENDED], 1);
	cr_assert_eq(r.by_bucket[RB_DUE_OVERDUE], 3);
	cr_assert_eq(r.unreported, 1);
	cr_assert_eq(r.due, 7);
	cr_assert_eq(r.due_done, 3);
	cr_assert_eq(r.due_open, 4);
	cr_assert_eq(r.by_bucket[RB_NOT_DUE_DONE], 1);
	cr_assert_eq(r.by_bucket[RB_NOT_DUE_OPEN], 4);
	cr_assert_eq(r.not_due, 5);
	cr_assert_eq(r.due_soon, 2);
	cr_assert_eq(r.by_bucket[RB_NO_DATE_DONE], 1);
	cr_assert_eq(r.by_bucket[RB_NO_DATE_AWAITING], 1);
	cr_assert_eq(r.by_bucket[RB_NO_DATE_REVIEW], 1);
	cr_assert_eq(r.by_bucket[RB_NO_DATE_OTHER], 1);
	cr_assert_eq(r.no_date, 4);
	cr_assert_eq(r.by_bucket[RB_ON_HOLD], 1);
	cr_assert_eq(r.done, 4, "T[17], done for 2026, still owes 2027");
	cr_assert_eq(r.by_status[ST_DONE], 5);
	cr_assert_eq(r.by_status[ST_ON_HOLD], 1);
	cr_assert_eq(r.by_status[ST_NOT_STARTED] + r.by_status[ST_IN_PROGRESS], 11);
	cr_assert_eq(r.by_tl[TL_UNREPORTED], 1);
	cr_assert_eq(r.by_tl[TL_OVERDUE], 2);
	cr_assert_eq(r.by_tl[TL_DUE_SOON], 2);
	cr_assert_eq(r.by_tl[TL_DONE_LATE], 1);
}

Test(rollup, sentence_states_the_groups_as_reports_do)
{
	struct rollup r;
	scenario();
	compute(0, 0, &r);
	char *s = rollup_sentence(&r);
	cr_assert_str_eq(s,
	                 "Tổng số 17 nhiệm vụ; đã đến hạn 7 nhiệm vụ, trong đó đã hoàn thành 3 nhiệm vụ "
	                 "(đúng hạn 2, quá hạn 1), chưa hoàn thành 4 nhiệm vụ (trong hạn gia hạn 1, quá "
	                 "hạn 3); tỷ lệ hoàn thành đạt 42,9%; chưa đến hạn 5 nhiệm vụ (đã hoàn thành "
	                 "trước hạn 1); 4 nhiệm vụ chưa có mốc thời hạn cụ thể (đã hoàn thành 1, chờ văn "
	                 "bản cấp trên 1, cần rà soát 1, chưa xác định thời hạn 1); tạm dừng 1 nhiệm vụ.");
	free(s);
}

Test(rollup, most_overdue_are_most_days_late_first)
{
	struct rollup r;
	scenario();
	compute(0, 0, &r);
	cr_assert_eq(r.nworst, 3);
	cr_assert_eq(r.worst[0].task, T[5]);
	cr_assert_eq(r.worst[0].days, 327); /* report due 31/12/2025 */
	cr_assert_eq(r.worst[1].task, T[15]);
	cr_assert_eq(r.worst[1].days, 237); /* due 31/03/2026 */
	cr_assert_eq(r.worst[2].task, T[4]);
	cr_assert_eq(r.worst[2].days, 23);  /* due 31/10/2026 */
}

Test(rollup, unit_scope_is_its_subtree_and_leaves_out_unresolved_leads)
{
	struct rollup r;
	scenario();
	compute(rfx_unit("thu"), 0, &r);
	cr_assert_eq(r.total, 3);
	cr_assert_eq(r.not_due, 3);
	cr_assert_eq(r.due, 0);
	compute(rfx_unit("tu"), 0, &r);
	cr_assert_eq(r.total, 16);
	cr_assert_eq(r.by_bucket[RB_DUE_OVERDUE], 2);
	compute(rfx_unit("tu-vp"), 0, &r);
	cr_assert_eq(r.total, 4);
}

Test(rollup, document_scope_and_both)
{
	struct rollup r;
	scenario();
	compute(0, D2, &r);
	cr_assert_eq(r.total, 3);
	cr_assert_eq(r.by_bucket[RB_NOT_DUE_DONE], 1);
	compute(rfx_unit("tu-btc"), D1, &r);
	cr_assert_eq(r.total, 3);
	cr_assert_eq(r.due, 3);
	compute(rfx_unit("thu"), D1, &r);
	cr_assert_eq(r.total, 0);
}

static void children(uint32_t unit, int counts_only, struct rollup_row **rows, size_t *n,
                     struct rollup *total)
{
	struct err e = {0};
	struct rollup_scope s = {unit, 0, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(rollup_children(t, h, &s, &WHEN, counts_only, rows, n, total, &e), 0, "%s", e.msg);
	store_read_end(t);
}

Test(rollup, rows_by_child_unit_in_tree_order)
{
	struct rollup_row *rows;
	struct rollup total;
	size_t n;
	scenario();
	children(rfx_unit("tu"), 0, &rows, &n, &total);
	/* no own tasks: only the six children, the historical one too */
	static const char *codes[] = {"tu-btc", "tu-vp", "thu", "hu", "duk", "old"};
	static const uint64_t totals[] = {3, 4, 3, 4, 2, 0};
	cr_assert_eq(n, 6);
	uint64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(rows[i].unit, rfx_unit(codes[i]), "row %zu", i);
		cr_assert_eq(rows[i].own, 0);
		cr_assert_eq(rows[i].r.total, totals[i], "row %zu: %llu", i, (unsigned long long)rows[i].r.total);
		sum += rows[i].r.total;
	}
	cr_assert_eq(sum, total.total);
	cr_assert_eq(rows[1].r.by_bucket[RB_DUE_OVERDUE], 2);
	free(rows);
}

Test(rollup, whole_store_opens_the_single_root_and_adds_unresolved)
{
	struct rollup_row *rows;
	struct rollup total;
	size_t n;
	scenario();
	children(0, 0, &rows, &n, &total);
	cr_assert_eq(total.total, 17);
	cr_assert_eq(n, 7); /* tu's six children, then the unresolved leads */
	cr_assert_eq(rows[0].unit, rfx_unit("tu-btc"));
	cr_assert_eq(rows[6].unit, 0);
	cr_assert_eq(rows[6].r.total, 1);
	cr_assert_eq(rows[6].r.worst[0].task, T[15]);
	free(rows);
}

Test(rollup, own_tasks_of_the_scope_unit_get_a_row)
{
	struct rollup_row *rows;
	struct rollup total;
	size_t n;
	scenario();
	rfx_task(D1, "V#1", "tu", NULL, "hoàn thành trong năm 2026");
	children(rfx_unit("tu"), 0, &rows, &n, &total);
	cr_assert_eq(n, 7);
	cr_assert_eq(rows[0].unit, rfx_unit("tu"));
	cr_assert_eq(rows[0].own, 1);
	cr_assert_eq(rows[0].r.total, 1);
	free(rows);
	children(rfx_unit("tu"), 1, &rows, &n, &total);
	cr_assert_eq(rows[0].own, 1);
	cr_assert_eq(rows[0].r.total, 1);
	cr_assert(rows[0].r.counts_only);
	free(rows);
}

Test(rollup, counters_only_agree_with_reading_the_tasks)
{
	struct rollup_row *full, *quick;
	struct rollup tf, tq;
	size_t nf, nq;
	scenario();
	children(0, 0, &full, &nf, &tf);
	children(0, 1, &quick, &nq, &tq);
	cr_assert_eq(nf, nq);
	cr_assert(tq.counts_only);
	cr_assert_eq(tq.total, tf.total);
	cr_assert_eq(tq.by_tl[TL_OVERDUE], tf.by_bucket[RB_DUE_OVERDUE]);
	cr_assert_eq(tq.due_soon, tf.due_soon);
	cr_assert_eq(tq.done, tf.done + tf.by_bucket[RB_ON_HOLD]);
	for (size_t i = 0; i < nf; i++) {
		cr_assert_eq(quick[i].unit, full[i].unit);
		cr_assert_eq(quick[i].r.total, full[i].r.total, "row %zu", i);
		cr_assert_eq(quick[i].r.by_tl[TL_OVERDUE], full[i].r.by_bucket[RB_DUE_OVERDUE], "row %zu", i);
		/* the counters' closed tasks are the finished and the on-hold ones
		 * (the dashboard heads that column "Đóng", not "Xong") */
		cr_assert_eq(quick[i].r.done, full[i].r.done + full[i].r.by_bucket[RB_ON_HOLD], "row %zu", i);
		cr_assert_eq(quick[i].r.due_soon, full[i].r.due_soon, "row %zu", i);
	}
	free(full);
	free(quick);
}

/* ---- one task at a time, no store ---- */

static struct task mk(int status, const char *phrase, date_t done)
{
	struct task t;
	memset(&t, 0, sizeof t);
	t.status = (uint8_t)status;
	dl_init(&t.dl);
	if (phrase)
		cr_assert_eq(dl_parse(phrase, &t.dl), 1);
	t.extended_to = DATE_NONE;
	t.start = D(2026, 1, 1);
	t.last_update = done;
	t.done_date = done;
	struct per_task pt;
	struct per_log l = {0};
	per_task_of(&t, PER_LEVEL_NONE, NULL, &pt);
	if (t.last_update != DATE_NONE)
		per_log_add(&l, 1, t.last_update, DATE_NONE);
	t.due = per_due(&pt, &l, DATE_NONE);
	per_log_free(&l);
	return t;
}

Test(rollup, due_day_is_inclusive_at_every_boundary)
{
	struct tl_result tl;
	/* due today (24/11 "trước ngày" means 23/11): not yet due, due soon */
	struct task t = mk(ST_IN_PROGRESS, "hoàn thành trước ngày 24/11/2026", DATE_NONE);
	cr_assert_eq(rollup_classify(&t, &WHEN, &tl), RB_NOT_DUE_OPEN);
	cr_assert_eq(tl.tl, TL_DUE_SOON);
	/* due yesterday: overdue by one day */
	t = mk(ST_IN_PROGRESS, "hoàn thành trước ngày 23/11/2026", DATE_NONE);
	cr_assert_eq(rollup_classify(&t, &WHEN, &tl), RB_DUE_OVERDUE);
	cr_assert_eq(tl.days, 1);
	/* done on the due day: on time; the day after: late */
	t = mk(ST_DONE, "hoàn thành trong tháng 10/2026", D(2026, 10, 31));
	cr_assert_eq(rollup_classify(&t, &WHEN, NULL), RB_DUE_ON_TIME);
	t = mk(ST_DONE, "hoàn thành trong tháng 10/2026", D(2026, 11, 1));
	cr_assert_eq(rollup_classify(&t, &WHEN, &tl), RB_DUE_LATE);
	cr_assert_eq(tl.days, 1);
	/* done before a date still ahead: done ahead of time */
	t = mk(ST_DONE, "hoàn thành trong tháng 12/2026", D(2026, 11, 20));
	cr_assert_eq(rollup_classify(&t, &WHEN, NULL), RB_NOT_DUE_DONE);
	/* no deadline at all */
	t = mk(ST_NOT_STARTED, NULL, DATE_NONE);
	cr_assert_eq(rollup_classify(&t, &WHEN, NULL), RB_NO_DATE_OTHER);
	/* on hold whatever the date */
	t = mk(ST_ON_HOLD, "hoàn thành trong tháng 01/2026", DATE_NONE);
	cr_assert_eq(rollup_classify(&t, &WHEN, NULL), RB_ON_HOLD);
}

Test(rollup, sentences_of_empty_and_not_yet_due)
{
	struct rollup r;
	memset(&r, 0, sizeof r);
	char *s = rollup_sentence(&r);
	cr_assert_str_eq(s, "Chưa có nhiệm vụ nào.");
	free(s);
	struct task a = mk(ST_IN_PROGRESS, "hoàn thành trong năm 2027", DATE_NONE);
	rollup_add(&r, &a, &WHEN);
	rollup_add(&r, &a, &WHEN);
	s = rollup_sentence(&r);
	cr_assert_str_eq(s, "Tổng số 2 nhiệm vụ; chưa có nhiệm vụ nào đến hạn; chưa đến hạn 2 nhiệm vụ.");
	free(s);
}

Test(rollup, percent_and_counts_in_vietnamese_notation)
{
	char b[32];
	cr_assert_str_eq(rollup_percent(1, 3, b, sizeof b), "33,3%");
	cr_assert_str_eq(rollup_percent(2, 3, b, sizeof b), "66,7%");
	cr_assert_str_eq(rollup_percent(1, 2, b, sizeof b), "50%");
	cr_assert_str_eq(rollup_percent(0, 5, b, sizeof b), "0%");
	cr_assert_str_eq(rollup_percent(7, 7, b, sizeof b), "100%");
	cr_assert_str_eq(rollup_percent(3, 0, b, sizeof b), "");
	cr_assert_str_eq(rollup_count_str(1234567, b, sizeof b), "1.234.567");
	cr_assert_str_eq(rollup_count_str(1000, b, sizeof b), "1.000");
	cr_assert_str_eq(rollup_count_str(999, b, sizeof b), "999");
	cr_assert_str_eq(rollup_count_str(0, b, sizeof b), "0");
}

Test(rollup, rate_as_a_plain_number_for_csv_and_json)
{
	char b[32];
	cr_assert_str_eq(rollup_rate_number(8, 15, b, sizeof b), "53.3");
	cr_assert_str_eq(rollup_rate_number(2, 3, b, sizeof b), "66.7");
	cr_assert_str_eq(rollup_rate_number(7, 7, b, sizeof b), "100");
	cr_assert_str_eq(rollup_rate_number(0, 5, b, sizeof b), "0");
	cr_assert_str_eq(rollup_rate_number(3, 0, b, sizeof b), "");
}

Test(rollup, json_has_every_figure_and_the_rate)
{
	struct rollup r;
	scenario();
	compute(0, 0, &r);
	json_t *j = rollup_to_json(&r);
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(&r, lines, ROLLUP_LINES);
	cr_assert_eq(n, ROLLUP_LINES - 3, "no claim: the three lines of claims are left out");
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(json_integer_value(json_object_get(j, lines[i].key)), (json_int_t)lines[i].n,
		             "%s", lines[i].key);
	cr_assert_eq(json_integer_value(json_object_get(j, "due_pending")), 0);
	cr_assert_eq(json_integer_value(json_object_get(j, "pending_confirm")), 0);
	cr_assert_float_eq(json_real_value(json_object_get(j, "completion_rate")), 42.9, 1e-9);
	cr_assert_eq(json_array_size(json_object_get(j, "most_overdue")), 3);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(j, "by_status"), "done")), 5);
	json_decref(j);
}

static int collect_task(const struct task *t, void *ctx)
{
	struct idvec *l = ctx;
	idvec_push(l, t->id);
	return 0;
}

/* The ids rollup_each_task passes on for the scope, sorted. */
static struct idvec each_of(uint32_t unit, uint64_t doc)
{
	struct err e = {0};
	struct idvec l = {0};
	struct rollup_scope s = {unit, doc, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(rollup_each_task(t, h, &s, collect_task, &l, &e), 0, "%s", e.msg);
	store_read_end(t);
	idvec_sort(&l);
	return l;
}

static int stop_at_first(const struct task *t, void *ctx)
{
	(void)t;
	(void)ctx;
	return 42;
}

Test(rollup, each_task_of_a_scope_once_and_only_those)
{
	scenario();
	struct idvec l = each_of(0, 0);
	cr_assert_eq(l.n, 17);
	idvec_free(&l);
	l = each_of(rfx_unit("thu"), 0);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(l.v[0], T[6]);
	idvec_free(&l);
	l = each_of(0, D2);
	cr_assert_eq(l.n, 3);
	idvec_free(&l);
	l = each_of(rfx_unit("tu-vp"), D1); /* both: the document's tasks in the subtree */
	cr_assert_eq(l.n, 4);
	cr_assert_eq(l.v[0], T[4]);
	cr_assert_eq(l.v[3], T[17]);
	idvec_free(&l);
	l = each_of(rfx_unit("hu"), D2);
	cr_assert_eq(l.n, 0);
	idvec_free(&l);
	struct err e = {0};
	struct rollup_scope s = {rfx_unit("tu"), 0, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(rollup_each_task(t, h, &s, stop_at_first, NULL, &e), 42, "fn stops the walk");
	s.unit = 9999;
	cr_assert_eq(rollup_each_task(t, h, &s, collect_task, &l, &e), ERR_NOTFOUND);
	s.unit = rfx_unit("tu");
	cr_assert_eq(rollup_each_task(t, NULL, &s, collect_task, &l, &e), ERR_INTERNAL);
	store_read_end(t);
	idvec_free(&l);
}
