/* test_history.c — a task as it stood at the end of a past day, rebuilt
 * from its journal (history.h), and the roll-up of a past day. */
#include "ops-fixture.h"

#include <time.h>

#include "history.h"
#include "query-past.h"
#include "rollup.h"

TestSuite(history, .init = ox_setup, .fini = ox_teardown);

#define DAY(m, d) date_make(2026, m, d)

static const struct periods dec = {1u << 11};

/* The task as it stood at the end of `day` (asserting it existed). */
static struct task as_of(uint64_t id, date_t day)
{
	struct task cur = ox_get(id), then;
	struct hist_day hd = {day, &dec};
	struct err e = {0};
	int exists = -1;
	struct txn *t = fx_read();
	cr_assert_eq(hist_task_as_of(t, &cur, &hd, &then, &exists, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(exists, 1);
	task_free(&cur);
	return then;
}

/* An update of task i recorded on `day` by the unit (an editor of tu-btc). */
static void update_on(int i, date_t day, int status, int progress)
{
	struct err e = {0};
	ox.today = ox.clock = day;
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_update(&ox, ox_task[i], status, progress, "ghi nhận", NULL, &e), 0, "%s",
	             e.msg);
}

Test(history, a_task_with_nothing_later_is_as_it_is)
{
	update_on(OX_OWN, DAY(3, 1), -1, 60);
	struct task now = ox_get(ox_task[OX_OWN]), then = as_of(ox_task[OX_OWN], DAY(6, 30));
	cr_assert_eq(then.progress, 60);
	cr_assert_eq(then.status, now.status);
	cr_assert_eq(then.last_update, DAY(3, 1));
	cr_assert_eq(then.due, now.due);
	task_free(&now);
	task_free(&then);
}

Test(history, status_progress_and_done_date_as_recorded_by_the_day)
{
	update_on(OX_OWN, DAY(3, 1), -1, 60);
	update_on(OX_OWN, DAY(7, 10), ST_DONE, -1);
	struct task now = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(now.status, ST_DONE);
	cr_assert_eq(now.confirm, CF_PENDING);
	struct task before = as_of(ox_task[OX_OWN], DAY(6, 30));
	cr_assert_eq(before.status, ST_IN_PROGRESS);
	cr_assert_eq(before.progress, 60);
	cr_assert_eq(before.confirm, CF_NONE);
	cr_assert_eq(before.done_date, DATE_NONE);
	cr_assert_eq(before.last_update, DAY(3, 1));
	cr_assert_eq(before.nupdates, 1);
	struct task on = as_of(ox_task[OX_OWN], DAY(7, 10));
	cr_assert_eq(on.status, ST_DONE);
	cr_assert_eq(on.confirm, CF_PENDING);
	cr_assert_eq(on.done_date, DAY(7, 10));
	struct task first = as_of(ox_task[OX_OWN], DAY(2, 1));
	cr_assert_eq(first.status, ST_IN_PROGRESS, "the status the first entry found");
	cr_assert_eq(first.progress, 0);
	cr_assert_eq(first.last_update, DATE_NONE);
	task_free(&now);
	task_free(&before);
	task_free(&on);
	task_free(&first);
}

Test(history, a_confirmation_after_the_day_leaves_the_claim_pending)
{
	struct err e = {0};
	update_on(OX_OWN, DAY(7, 10), ST_DONE, -1);
	ox.today = ox.clock = DAY(8, 1);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_confirm(&ox, ox_task[OX_OWN], NULL, NULL, &e), 0, "%s", e.msg);
	struct task then = as_of(ox_task[OX_OWN], DAY(7, 31)), now = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(now.confirm, CF_CONFIRMED);
	cr_assert_eq(then.confirm, CF_PENDING);
	cr_assert_eq(then.last_update, DAY(7, 10), "the office's act is not the unit's update");
	struct task after = as_of(ox_task[OX_OWN], DAY(8, 1));
	cr_assert_eq(after.confirm, CF_CONFIRMED);
	task_free(&then);
	task_free(&now);
	task_free(&after);
}

Test(history, a_return_after_the_day_leaves_the_task_done_then)
{
	struct err e = {0};
	update_on(OX_OWN, DAY(7, 10), ST_DONE, -1);
	ox.today = ox.clock = DAY(8, 1);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], "thiếu hồ sơ", NULL, &e), 0, "%s", e.msg);
	struct task then = as_of(ox_task[OX_OWN], DAY(7, 31));
	cr_assert_eq(then.status, ST_DONE);
	cr_assert_eq(then.confirm, CF_PENDING);
	cr_assert_eq(then.done_date, DAY(7, 10));
	task_free(&then);
}

Test(history, an_extension_counts_from_the_day_it_was_granted)
{
	struct err e = {0};
	ox.today = ox.clock = DAY(9, 1);
	ox_as(ROLE_ADMIN, -1);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 3, 31), "thêm thời gian", &e), 0,
	             "%s", e.msg);
	struct task now = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(now.extended_to, date_make(2027, 3, 31));
	struct task then = as_of(ox_task[OX_OWN], DAY(8, 31));
	cr_assert_eq(then.extended_to, DATE_NONE);
	cr_assert_eq(then.due, DAY(12, 31), "the original deadline");
	struct task on = as_of(ox_task[OX_OWN], DAY(9, 1));
	cr_assert_eq(on.extended_to, date_make(2027, 3, 31));
	task_free(&now);
	task_free(&then);
	task_free(&on);
}

Test(history, a_task_created_after_the_day_did_not_exist)
{
	struct task cur = ox_get(ox_task[OX_OWN]), then;
	cur.created = hist_stamp(DAY(10, 5), (int64_t)time(NULL));
	struct hist_day hd = {DAY(10, 4), &dec};
	struct err e = {0};
	int exists = -1;
	struct txn *t = fx_read();
	cr_assert_eq(hist_task_as_of(t, &cur, &hd, &then, &exists, &e), 0, "%s", e.msg);
	cr_assert_eq(exists, 0);
	hd.day = DAY(10, 5);
	cr_assert_eq(hist_task_as_of(t, &cur, &hd, &then, &exists, &e), 0, "%s", e.msg);
	cr_assert_eq(exists, 1);
	store_read_end(t);
	task_free(&then);
	task_free(&cur);
}

Test(history, stamp_and_past_day)
{
	int64_t now = (int64_t)time(NULL);
	date_t clock = hist_day_of_time(now);
	cr_assert_eq(hist_stamp(clock, now), now);
	cr_assert_eq(hist_day_of_time(hist_stamp(clock - 400, now)), clock - 400);
	cr_assert_eq(hist_past_day(clock - 1, clock), clock - 1);
	cr_assert_eq(hist_past_day(clock, clock), DATE_NONE);
	cr_assert_eq(hist_past_day(clock + 3, clock), DATE_NONE);
}

/* ---- figures ---- */

static struct rollup roll(date_t day, int past)
{
	struct hist_day hd = {day, &dec};
	struct rollup_scope scope = {0, 0, past ? &hd : NULL};
	struct rollup_when w = {day, 14, &dec};
	struct rollup r;
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(rollup_compute(t, NULL, &scope, &w, &r, &e), 0, "%s", e.msg);
	store_read_end(t);
	return r;
}

Test(history, a_claim_waiting_for_confirmation_is_not_done)
{
	update_on(OX_OWN, DAY(11, 1), ST_DONE, -1);
	struct rollup r = roll(date_make(2027, 1, 5), 0);
	cr_assert_eq(r.pending_confirm, 1);
	cr_assert_eq(r.done, 0);
	cr_assert_eq(r.due_done, 0);
	cr_assert_eq(r.by_bucket[RB_DUE_PENDING], 1);
	cr_assert_eq(r.by_bucket[RB_DUE_ON_TIME], 0);
	cr_assert_eq(r.by_tl[TL_DONE_ON_TIME], 0, "a claim has no timeliness of its own");
	cr_assert_eq(r.by_bucket[RB_DUE_OVERDUE], 3, "the three open tasks are overdue, not the claim");
	cr_assert_eq(r.due, 4);
	cr_assert_eq(r.due_open, 4);
	char *s = rollup_sentence(&r);
	cr_assert(strstr(s, "Tổng số 4 nhiệm vụ, trong đó 1 nhiệm vụ báo cáo hoàn thành đang chờ xác nhận;"),
	          "%s", s);
	cr_assert(strstr(s, "(trong hạn gia hạn 0, quá hạn 3, chờ xác nhận 1)"), "%s", s);
	cr_assert(strstr(s, "tỷ lệ hoàn thành đạt 0%"), "%s", s);
	free(s);
	struct rollup early = roll(DAY(11, 23), 0);
	cr_assert_eq(early.by_bucket[RB_NOT_DUE_PENDING], 1);
	cr_assert_eq(early.done, 0);
	cr_assert_eq(early.by_bucket[RB_NOT_DUE_DONE], 0);
}

Test(history, a_confirmed_claim_is_done)
{
	struct err e = {0};
	update_on(OX_OWN, DAY(11, 1), ST_DONE, -1);
	ox.today = ox.clock = DAY(11, 2);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_confirm(&ox, ox_task[OX_OWN], NULL, NULL, &e), 0, "%s", e.msg);
	struct rollup r = roll(date_make(2027, 1, 5), 0);
	cr_assert_eq(r.pending_confirm, 0);
	cr_assert_eq(r.done, 1);
	cr_assert_eq(r.by_bucket[RB_DUE_ON_TIME], 1);
	/* the day before the confirmation it was still a claim */
	struct rollup then = roll(DAY(11, 1), 1);
	cr_assert_eq(then.pending_confirm, 1);
	cr_assert_eq(then.done, 0);
}

Test(history, figures_of_a_past_day_do_not_move_with_later_work)
{
	update_on(OX_OWN, DAY(3, 1), -1, 60);
	struct rollup before = roll(DAY(6, 30), 1);
	char *s1 = rollup_sentence(&before);
	update_on(OX_OWN, DAY(7, 2), ST_DONE, -1);
	update_on(OX_SUBTREE, DAY(7, 3), ST_ON_HOLD, -1);
	struct err e = {0};
	ox.today = ox.clock = DAY(7, 4);
	ox_as(ROLE_ADMIN, -1);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_PARTNER], date_make(2027, 6, 30), "lý do", &e), 0, "%s",
	             e.msg);
	struct rollup after = roll(DAY(6, 30), 1);
	char *s2 = rollup_sentence(&after);
	cr_assert_str_eq(s2, s1);
	cr_assert_eq(memcmp(after.by_bucket, before.by_bucket, sizeof after.by_bucket), 0);
	cr_assert_eq(memcmp(after.by_status, before.by_status, sizeof after.by_status), 0);
	/* the present has moved */
	struct rollup now = roll(DAY(7, 4), 0);
	cr_assert_eq(now.by_bucket[RB_ON_HOLD], 1);
	free(s1);
	free(s2);
}

/* ---- lists and counts of a past day (query-past.h) ---- */

Test(history, overdue_of_a_past_day_counts_the_tasks_as_they_stood)
{
	update_on(OX_OWN, date_make(2027, 1, 10), ST_DONE, -1);
	struct hist_day hd = {date_make(2027, 1, 5), &dec};
	struct store_counts c;
	uint64_t *ids;
	size_t n;
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(qpast_counts(t, NULL, &hd, 0, 14, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(c.total, 4);
	cr_assert_eq(c.overdue, 4, "all four were open and past 31/12/2026 on 05/01/2027");
	cr_assert_eq(c.closed, 0);
	cr_assert_eq(qpast_due_ids(t, NULL, &hd, 0, 0, DATE_NONE, hd.day - 1, 0, &ids, &n, &e), 0, "%s",
	             e.msg);
	cr_assert_eq(n, 4);
	cr_assert_eq(ids[0], ox_task[OX_OWN], "ties by id: the first task first");
	free(ids);
	cr_assert_eq(qpast_due_ids(t, NULL, &hd, 0, 0, DATE_NONE, hd.day - 1, 2, &ids, &n, &e), 0);
	cr_assert_eq(n, 2, "the limit");
	free(ids);
	/* the counters say the present: one of them is closed now */
	struct store_counts now;
	cr_assert_eq(store_unit_counts(t, 0, hd.day, 14, &now, &e), 0, "%s", e.msg);
	cr_assert_eq(now.overdue, 3);
	cr_assert_eq(now.closed, 1);
	hd.day = date_make(2027, 1, 10);
	cr_assert_eq(qpast_counts(t, NULL, &hd, 0, 14, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(c.overdue, 3, "rebuilt on the day of the update: as the counters");
	cr_assert_eq(c.closed, 1);
	store_read_end(t);
}

/* hist_task_same_on says "as it is" only when hist_task_as_of has nothing
 * to undo: not for a day before an update, an extension or the task's
 * creation. */
Test(history, the_same_task_only_when_nothing_came_after_the_day)
{
	struct err e = {0};
	update_on(OX_OWN, DAY(3, 1), -1, 60);
	struct task cur = ox_get(ox_task[OX_OWN]);
	struct hist_day hd = {DAY(6, 30), &dec};
	cr_assert_eq(hist_task_same_on(&cur, &hd), 1);
	hd.day = DAY(2, 28);
	cr_assert_eq(hist_task_same_on(&cur, &hd), 0, "an update after the day");
	struct task then = as_of(ox_task[OX_OWN], DAY(2, 28));
	cr_assert_neq(then.progress, 60, "and it did change the task");
	task_free(&then);
	hd.day = DAY(6, 30);
	cur.created = hist_stamp(DAY(7, 1), (int64_t)time(NULL));
	cr_assert_eq(hist_task_same_on(&cur, &hd), 0, "created after the day");
	task_free(&cur);
	ox.today = ox.clock = DAY(9, 1);
	ox_as(ROLE_ADMIN, -1);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 3, 31), "thêm thời gian", &e), 0,
	             "%s", e.msg);
	cur = ox_get(ox_task[OX_OWN]);
	hd.day = DAY(12, 31);
	cr_assert_eq(hist_task_same_on(&cur, &hd), 0, "an extension is read from its table");
	task_free(&cur);
}
