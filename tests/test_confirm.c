/* test_confirm.c — confirmation of reported completions ([access]
 * confirm_done): a unit's "hoàn thành" is a claim until the monitoring
 * office confirms it or returns it with a reason; a returned task counts
 * as not done. */
#include "ops-fixture.h"

#include "audit.h"

TestSuite(confirm, .init = ox_setup, .fini = ox_teardown);

struct due_ids {
	uint64_t ids[64];
	int n;
};

static int collect(uint64_t tid, date_t due, uint32_t lead, void *ctx)
{
	struct due_ids *c = ctx;
	(void)due;
	(void)lead;
	if (c->n < 64)
		c->ids[c->n++] = tid;
	return 0;
}

/* 1 if task id is among the open tasks due up to `to` (DATE_NONE: any). */
static int in_due_index(uint64_t id, date_t to)
{
	struct due_ids c = {{0}, 0};
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(store_tasks_by_due(t, 0, DATE_NONE, to, collect, &c, &e), 0, "%s", e.msg);
	store_read_end(t);
	for (int i = 0; i < c.n; i++)
		if (c.ids[i] == id)
			return 1;
	return 0;
}

static struct task claim(int task)
{
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_update(&ox, ox_task[task], ST_DONE, -1, "Đã ban hành kế hoạch", NULL, &e),
	             0, "%s", e.msg);
	return ox_get(ox_task[task]);
}

Test(confirm, a_unit_reporting_done_makes_a_claim_that_is_closed)
{
	struct task k = claim(OX_OWN);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.confirm, CF_PENDING);
	cr_assert_eq(k.done_date, OX_TODAY);
	cr_assert_eq(k.progress, 100);
	cr_assert_not(in_due_index(k.id, DATE_NONE), "a claim is closed: not in the due index");
	cr_assert_eq(fx_count(ox_unit[OU_BTC], STORE_SLOT_CLOSED, STORE_SLOT_CLOSED), 1);
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, NULL};
	cr_assert_eq(tl_compute(&in, OX_TODAY, 14).tl, TL_DONE_ON_TIME,
	             "judged by the day reported");
	task_free(&k);
	fx_check_clean();
}

Test(confirm, the_monitoring_office_confirms_and_it_is_recorded)
{
	struct task k = claim(OX_SUBTREE);
	date_t last = k.last_update;
	uint32_t nupd = k.nupdates;
	task_free(&k);
	struct err e = {0};
	uint64_t uid = 0;
	ox_as(ROLE_EDITOR, OU_VP);
	ox.today = OX_TODAY + 2;
	cr_assert_eq(ops_confirm(&ox, ox_task[OX_SUBTREE], "Đúng kết quả", &uid, &e), 0, "%s", e.msg);
	k = ox_get(ox_task[OX_SUBTREE]);
	cr_assert_eq(k.confirm, CF_CONFIRMED);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.done_date, OX_TODAY, "the done date stays the day reported");
	cr_assert_eq(k.last_update, last, "confirming is not the unit's report");
	cr_assert_eq(k.nupdates, nupd + 1);
	task_free(&k);
	struct txn *t = fx_read();
	struct update u;
	cr_assert_eq(store_update_get(t, ox_task[OX_SUBTREE], uid, &u, &e), 0, "%s", e.msg);
	cr_assert(strstr(u.note, "xác nhận") && strstr(u.note, "Đúng kết quả"), "%s", u.note);
	update_free(&u);
	struct audit *v;
	size_t n;
	struct audit_filter f = {0};
	f.task = ox_task[OX_SUBTREE];
	cr_assert_eq(audit_latest(t, &f, 1, &v, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(v[0].action, "confirm");
	cr_assert(strstr(v[0].before, "\"pending\"") && strstr(v[0].after, "\"confirmed\""),
	          "%s -> %s", v[0].before, v[0].after);
	audit_list_free(v, n);
	/* nothing left to confirm */
	cr_assert_eq(ops_confirm(&ox, ox_task[OX_SUBTREE], NULL, NULL, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "không chờ xác nhận"), "%s", e.msg);
}

Test(confirm, a_returned_task_is_open_again_and_counts_as_not_done)
{
	struct task k = claim(OX_OWN);
	task_free(&k);
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], "   ", NULL, &e), ERR_INPUT,
	             "a return needs a reason");
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], NULL, NULL, &e), ERR_INPUT);
	/* time passes: after the due date, 31/12/2026 */
	ox.today = ox.clock = date_make(2027, 1, 10);
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], "Chưa có văn bản ban hành", NULL, &e), 0, "%s",
	             e.msg);
	k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.status, ST_IN_PROGRESS);
	cr_assert_eq(k.confirm, CF_RETURNED);
	cr_assert_eq(k.done_date, DATE_NONE);
	cr_assert(in_due_index(k.id, ox.today - 1), "returned and past due: overdue again");
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, NULL};
	struct tl_result r = tl_compute(&in, ox.today, 14);
	cr_assert_eq(r.tl, TL_OVERDUE);
	cr_assert_eq(r.days, 10);
	task_free(&k);
	fx_check_clean();
	/* the unit reports it done again: a new claim */
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], ST_DONE, -1, NULL, NULL, &e), 0, "%s", e.msg);
	k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.confirm, CF_PENDING);
	cr_assert_eq(k.done_date, ox.today);
	task_free(&k);
}

Test(confirm, the_unit_itself_cannot_confirm_or_return_its_claim)
{
	struct task k = claim(OX_OWN);
	task_free(&k);
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_confirm(&ox, ox_task[OX_OWN], NULL, NULL, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "monitor-only"), "%s", e.msg);
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], "x", NULL, &e), ERR_DENIED);
	k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.confirm, CF_PENDING);
	task_free(&k);
}

Test(confirm, done_set_by_someone_who_may_confirm_is_confirmed_at_once)
{
	struct err e = {0};
	ox_as(ROLE_ADMIN, OU_TU);
	cr_assert_eq(ops_update(&ox, ox_task[OX_ELSEWHERE], -1, 100, NULL, NULL, &e), 0, "%s", e.msg);
	struct task k = ox_get(ox_task[OX_ELSEWHERE]);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.confirm, CF_CONFIRMED);
	task_free(&k);
	/* moved back to in progress: the confirmation goes */
	cr_assert_eq(ops_update(&ox, ox_task[OX_ELSEWHERE], ST_IN_PROGRESS, 80, NULL, NULL, &e), 0);
	k = ox_get(ox_task[OX_ELSEWHERE]);
	cr_assert_eq(k.confirm, CF_NONE);
	cr_assert_eq(k.done_date, DATE_NONE);
	task_free(&k);
}

Test(confirm, without_confirm_done_done_is_done)
{
	ox_cfg.confirm_done = 0;
	struct task k = claim(OX_OWN);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.confirm, CF_NONE);
	task_free(&k);
}

struct seen {
	uint64_t ids[8];
	int n;
};

static int seen_task(const struct task *t, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 8)
		s->ids[s->n++] = t->id;
	return 0;
}

Test(confirm, the_queue_holds_the_claims_the_actor_may_confirm)
{
	struct task k = claim(OX_OWN);
	task_free(&k);
	k = claim(OX_SUBTREE);
	task_free(&k);
	struct seen s = {{0}, 0};
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_pending_each(&ox, 1, seen_task, &s, &e), 0, "%s", e.msg);
	cr_assert_eq(s.n, 2);
	cr_assert_eq(s.ids[0], ox_task[OX_OWN]);
	cr_assert_eq(s.ids[1], ox_task[OX_SUBTREE]);
	s.n = 0;
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_pending_each(&ox, 1, seen_task, &s, &e), 0);
	cr_assert_eq(s.n, 0, "the claiming unit has nothing to confirm");
	cr_assert_eq(ops_pending_each(&ox, 0, seen_task, &s, &e), 0);
	cr_assert_eq(s.n, 2, "every claim without `mine`");
	/* an office monitoring only tu-btc takes its claims from tu-vp */
	struct cfg_monitor two[2] = {{"tu-vp", "tu", 1}, {"tu-btc-p1", "tu-btc", 1}};
	ox_cfg.monitors = two;
	ox_cfg.nmonitors = 2;
	s.n = 0;
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_pending_each(&ox, 1, seen_task, &s, &e), 0);
	cr_assert_eq(s.n, 0);
	ox_as(ROLE_EDITOR, OU_BTC_P1);
	cr_assert_eq(ops_pending_each(&ox, 1, seen_task, &s, &e), 0);
	cr_assert_eq(s.n, 2);
	ox_cfg.monitors = &ox_monitor;
	ox_cfg.nmonitors = 1;
}

Test(confirm, labels_and_keys)
{
	cr_assert_str_eq(ops_confirm_label(CF_PENDING), "chờ xác nhận");
	cr_assert_str_eq(ops_confirm_key(CF_RETURNED), "returned");
	cr_assert_str_eq(ops_confirm_label(CF_NONE), "");
	cr_assert_str_eq(ops_confirm_key((enum confirm_state)9), "none");
}
