/* test_extend.c — extensions governed (ops-extend.c): the unit asks, the
 * monitoring office grants or refuses; extensions asked for or granted
 * after the deadline are marked late; lateness against the original
 * deadline; and the day the work was done (update --done-on).  On the
 * hierarchy of ops-fixture.h: tasks due 31/12/2026, today 23/11/2026,
 * tu-vp the monitoring office of everything under tu. */
#include "ops-fixture.h"

#include "audit.h"

TestSuite(extend, .init = ox_setup, .fini = ox_teardown);
TestSuite(done_on, .init = ox_setup, .fini = ox_teardown);

#define DUE date_make(2026, 12, 31)

/* Every extension record of a task, oldest first (at most 8). */
struct exts {
	struct extension v[8];
	int n;
};

static int keep_ext(const struct extension *x, void *ctx)
{
	struct exts *s = ctx;
	cr_assert_lt(s->n, 8);
	struct extension *c = &s->v[s->n++];
	*c = *x;
	c->reason = x->reason ? xstrdup(x->reason) : NULL;
	c->decision = x->decision ? xstrdup(x->decision) : NULL;
	return 0;
}

static struct exts exts_of(uint64_t task)
{
	struct exts s;
	struct err e = {0};
	memset(&s, 0, sizeof s);
	struct txn *t = fx_read();
	cr_assert_eq(store_extensions_of_task(t, task, keep_ext, &s, &e), 0, "%s", e.msg);
	store_read_end(t);
	return s;
}

static void exts_free(struct exts *s)
{
	for (int i = 0; i < s->n; i++)
		extension_free(&s->v[i]);
}

/* The last audit entry's action and after JSON (caller frees *after). */
static void last_audit(char *action, size_t len, char **after)
{
	struct audit *v;
	size_t n;
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(audit_latest(t, NULL, 1, &v, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(n, 1);
	snprintf(action, len, "%s", v[0].action);
	*after = v[0].after ? xstrdup(v[0].after) : NULL;
	audit_list_free(v, n);
}

static uint64_t ask(int task, date_t to, const char *reason)
{
	struct err e = {0};
	uint64_t id = 0;
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_extend_request(&ox, ox_task[task], to, reason, &id, &e), 0, "%s", e.msg);
	cr_assert_neq(id, 0);
	return id;
}

Test(extend, a_request_is_recorded_and_changes_no_due_date)
{
	uint64_t n0 = ox_audit_count();
	uint64_t id = ask(OX_OWN, date_make(2027, 3, 31), "Chờ hướng dẫn của Trung ương");
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.due, DUE, "a request moves no deadline");
	cr_assert_eq(k.extended_to, DATE_NONE);
	struct exts s = exts_of(k.id);
	cr_assert_eq(s.n, 1);
	cr_assert_eq(s.v[0].id, id);
	cr_assert_eq(s.v[0].state, EXT_REQUESTED);
	cr_assert_eq(s.v[0].from, DUE);
	cr_assert_eq(s.v[0].to, date_make(2027, 3, 31));
	cr_assert_eq(s.v[0].day, OX_TODAY);
	cr_assert_eq(s.v[0].late, 0, "asked for before the deadline");
	cr_assert_str_eq(s.v[0].reason, "Chờ hướng dẫn của Trung ương");
	cr_assert_str_eq(s.v[0].decided_by, "");
	cr_assert_eq(ox_audit_count(), n0 + 1);
	char action[32], *after;
	last_audit(action, sizeof action, &after);
	cr_assert_str_eq(action, "extend-request");
	cr_assert(strstr(after, "\"extension_state\":\"requested\""), "%s", after);
	free(after);
	exts_free(&s);
	task_free(&k);
}

Test(extend, the_unit_that_owes_a_task_cannot_extend_it_by_default)
{
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	uint64_t n0 = ox_audit_count();
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 3, 31), "Tự gia hạn", &e),
	             ERR_DENIED);
	cr_assert(strstr(e.msg, "extend-monitors") && strstr(e.msg, "extend --request"), "%s",
	          e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.due, DUE);
	cr_assert_eq(ox_audit_count(), n0);
	task_free(&k);
	/* nor grant its own request */
	uint64_t id = ask(OX_OWN, date_make(2027, 3, 31), "Chờ hướng dẫn");
	cr_assert_eq(ops_extend_grant(&ox, id, DATE_NONE, NULL, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "extend-monitors"), "%s", e.msg);
	/* with extend = editors, as before */
	ox_cfg.extend = CFG_EXTEND_EDITORS;
	cr_assert_eq(ops_extend_grant(&ox, id, DATE_NONE, NULL, &e), 0, "%s", e.msg);
}

Test(extend, the_monitoring_office_grants_a_request_as_asked_or_to_another_day)
{
	uint64_t id = ask(OX_OWN, date_make(2027, 3, 31), "Chờ hướng dẫn");
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_VP);
	ox.today = ox.clock = date_make(2026, 11, 25);
	cr_assert_eq(ops_extend_grant(&ox, id, DATE_NONE, "Đồng ý", &e), 0, "%s", e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.extended_to, date_make(2027, 3, 31));
	cr_assert_eq(k.due, date_make(2027, 3, 31));
	task_free(&k);
	struct exts s = exts_of(ox_task[OX_OWN]);
	cr_assert_eq(s.n, 1, "the request itself is granted, no second record");
	cr_assert_eq(s.v[0].state, EXT_GRANTED);
	cr_assert_str_eq(s.v[0].login, "nv.test");
	cr_assert_str_eq(s.v[0].decided_by, "nv.test");
	cr_assert_eq(s.v[0].decided, date_make(2026, 11, 25));
	cr_assert_eq(s.v[0].day, OX_TODAY, "the day asked stays");
	cr_assert_str_eq(s.v[0].decision, "Đồng ý");
	exts_free(&s);
	char action[32], *after;
	last_audit(action, sizeof action, &after);
	cr_assert_str_eq(action, "extend-grant");
	free(after);
	/* another task: granted to a nearer day than asked */
	id = ask(OX_SUBTREE, date_make(2027, 6, 30), "Chờ kinh phí");
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_extend_grant(&ox, id, date_make(2027, 2, 28), NULL, &e), 0, "%s", e.msg);
	k = ox_get(ox_task[OX_SUBTREE]);
	cr_assert_eq(k.due, date_make(2027, 2, 28));
	task_free(&k);
}

Test(extend, a_refusal_needs_a_reason_and_leaves_the_deadline)
{
	uint64_t id = ask(OX_OWN, date_make(2027, 3, 31), "Chờ hướng dẫn");
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_VP);
	uint64_t n0 = ox_audit_count();
	cr_assert_eq(ops_extend_refuse(&ox, id, "   ", &e), ERR_INPUT);
	cr_assert_str_eq(e.field, "reason");
	cr_assert_eq(ox_audit_count(), n0);
	cr_assert_eq(ops_extend_refuse(&ox, id, "Đủ điều kiện hoàn thành đúng hạn", &e), 0, "%s",
	             e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.due, DUE);
	cr_assert_eq(k.extended_to, DATE_NONE);
	task_free(&k);
	struct exts s = exts_of(ox_task[OX_OWN]);
	cr_assert_eq(s.v[0].state, EXT_REFUSED);
	cr_assert_str_eq(s.v[0].decision, "Đủ điều kiện hoàn thành đúng hạn");
	exts_free(&s);
	/* decided: neither granted nor refused again; the unit may ask anew */
	cr_assert_eq(ops_extend_grant(&ox, id, DATE_NONE, NULL, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "không phải đề nghị đang chờ"), "%s", e.msg);
	cr_assert_eq(ops_extend_refuse(&ox, id, "Lần nữa", &e), ERR_INPUT);
	ask(OX_OWN, date_make(2027, 1, 31), "Xin gia hạn ngắn hơn");
}

Test(extend, requests_and_grants_after_the_deadline_are_marked_late)
{
	struct err e = {0};
	ox.today = ox.clock = date_make(2027, 1, 10); /* past 31/12/2026 */
	uint64_t late_req = ask(OX_OWN, date_make(2027, 3, 31), "Chậm kinh phí");
	struct exts s = exts_of(ox_task[OX_OWN]);
	cr_assert_eq(s.v[0].late, 1);
	exts_free(&s);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_extend_grant(&ox, late_req, DATE_NONE, NULL, &e), 0, "%s", e.msg);
	/* asked for in time, granted after the deadline: late too */
	ox.today = ox.clock = date_make(2026, 12, 20);
	uint64_t req = ask(OX_SUBTREE, date_make(2027, 3, 31), "Chờ hướng dẫn");
	ox.today = ox.clock = date_make(2027, 1, 5);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_extend_grant(&ox, req, DATE_NONE, NULL, &e), 0, "%s", e.msg);
	s = exts_of(ox_task[OX_SUBTREE]);
	cr_assert_eq(s.v[0].late, 1);
	exts_free(&s);
	/* granted directly after the deadline: late; in time: not */
	cr_assert_eq(ops_extend(&ox, ox_task[OX_ELSEWHERE], date_make(2027, 2, 1), "Gia hạn", &e), 0,
	             "%s", e.msg);
	s = exts_of(ox_task[OX_ELSEWHERE]);
	cr_assert_eq(s.v[0].late, 1);
	cr_assert_eq(s.v[0].state, EXT_GRANTED);
	exts_free(&s);
	ox.today = ox.clock = OX_TODAY;
	cr_assert_eq(ops_extend(&ox, ox_task[OX_PARTNER], date_make(2027, 2, 1), "Gia hạn", &e), 0,
	             "%s", e.msg);
	s = exts_of(ox_task[OX_PARTNER]);
	cr_assert_eq(s.v[0].late, 0);
	exts_free(&s);
	char action[32], *after;
	ox.today = ox.clock = date_make(2027, 3, 1);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_PARTNER], date_make(2027, 4, 1), "Lần hai", &e), 0,
	             "%s", e.msg);
	last_audit(action, sizeof action, &after);
	cr_assert_str_eq(action, "extend");
	cr_assert(strstr(after, "\"late\":true"), "the audit says it too: %s", after);
	free(after);
}

/* The task and the audit trail did not change. */
struct snap {
	struct task k;
	uint64_t audit;
	int nexts;
};

static struct snap snap(int task)
{
	struct snap s = {ox_get(ox_task[task]), ox_audit_count(), 0};
	struct exts x = exts_of(ox_task[task]);
	s.nexts = x.n;
	exts_free(&x);
	return s;
}

static void unchanged(struct snap *s, int task)
{
	struct snap now = snap(task);
	cr_assert_eq(now.k.due, s->k.due);
	cr_assert_eq(now.k.extended_to, s->k.extended_to);
	cr_assert_eq(now.audit, s->audit);
	cr_assert_eq(now.nexts, s->nexts);
	task_free(&now.k);
	task_free(&s->k);
}

Test(extend, bad_requests_are_refused_with_the_store_unchanged)
{
	struct err e = {0};
	uint64_t id;
	ox_as(ROLE_EDITOR, OU_BTC);
	/* --to not after the current due */
	struct snap s = snap(OX_OWN);
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_OWN], DUE, "x", &id, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "phải sau hạn hiện tại 31/12/2026"), "%s", e.msg);
	cr_assert_str_eq(e.field, "to");
	unchanged(&s, OX_OWN);
	/* no reason */
	s = snap(OX_OWN);
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_OWN], date_make(2027, 3, 1), "", &id, &e),
	             ERR_INPUT);
	cr_assert_str_eq(e.field, "reason");
	unchanged(&s, OX_OWN);
	/* a second pending request */
	ask(OX_OWN, date_make(2027, 3, 31), "Lần một");
	s = snap(OX_OWN);
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_OWN], date_make(2027, 4, 30), "Lần hai", &id,
	                                &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "đang có đề nghị gia hạn"), "%s", e.msg);
	unchanged(&s, OX_OWN);
	/* a direct grant while a request waits: answer the request */
	ox_as(ROLE_ADMIN, OU_VP);
	s = snap(OX_OWN);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 4, 30), "x", &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "extend --grant"), "%s", e.msg);
	unchanged(&s, OX_OWN);
	/* a task that is done */
	ox_set(ox_task[OX_SUBTREE], ST_DONE, CF_NONE);
	ox_as(ROLE_EDITOR, OU_BTC);
	s = snap(OX_SUBTREE);
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_SUBTREE], date_make(2027, 3, 1), "x", &id,
	                                &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "đã hoàn thành"), "%s", e.msg);
	unchanged(&s, OX_SUBTREE);
	/* not the lead's: a partner may not ask */
	s = snap(OX_PARTNER);
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_PARTNER], date_make(2027, 3, 1), "x", &id,
	                                &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "editor-partner"), "%s", e.msg);
	unchanged(&s, OX_PARTNER);
	/* an unknown request */
	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(ops_extend_grant(&ox, 999, DATE_NONE, NULL, &e), ERR_NOTFOUND);
	/* granting to a day not after the due in force */
	struct exts x = exts_of(ox_task[OX_OWN]);
	uint64_t pend = x.v[0].id;
	exts_free(&x);
	s = snap(OX_OWN);
	cr_assert_eq(ops_extend_grant(&ox, pend, date_make(2026, 12, 1), NULL, &e), ERR_INPUT);
	unchanged(&s, OX_OWN);
}

struct queue {
	uint64_t ext[8], task[8];
	int n;
};

static int queue_one(const struct extension *x, const struct task *t, void *ctx)
{
	struct queue *q = ctx;
	cr_assert_eq(x->task_id, t->id);
	q->ext[q->n] = x->id;
	q->task[q->n++] = t->id;
	return 0;
}

static struct queue queue_of(int role, int unit, int mine)
{
	struct queue q = {{0}, {0}, 0};
	struct err e = {0};
	ox_as((enum role)role, unit);
	cr_assert_eq(ops_extend_pending_each(&ox, mine, queue_one, &q, &e), 0, "%s", e.msg);
	return q;
}

Test(extend, the_queue_lists_the_requests_the_office_may_decide)
{
	uint64_t a = ask(OX_OWN, date_make(2027, 3, 31), "Một");
	uint64_t b = ask(OX_SUBTREE, date_make(2027, 3, 31), "Hai");
	struct queue q = queue_of(ROLE_EDITOR, OU_VP, 1);
	cr_assert_eq(q.n, 2);
	cr_assert_eq(q.ext[0], a);
	cr_assert_eq(q.ext[1], b);
	cr_assert_eq(q.task[1], ox_task[OX_SUBTREE]);
	q = queue_of(ROLE_EDITOR, OU_BTC, 1);
	cr_assert_eq(q.n, 0, "the unit that asked decides nothing");
	q = queue_of(ROLE_EDITOR, OU_BTC, 0);
	cr_assert_eq(q.n, 2, "but sees every request with --all");
	q = queue_of(ROLE_ADMIN, OU_BTC, 1);
	cr_assert_eq(q.n, 2);
	/* a decided request leaves the queue */
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_extend_refuse(&ox, a, "Không", &e), 0, "%s", e.msg);
	q = queue_of(ROLE_EDITOR, OU_VP, 1);
	cr_assert_eq(q.n, 1);
	cr_assert_eq(q.ext[0], b);
}

Test(extend, lateness_is_counted_against_the_original_deadline_too)
{
	struct err e = {0};
	ox.today = ox.clock = date_make(2027, 2, 11); /* 42 days past 31/12/2026 */
	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 6, 30), "Gia hạn", &e), 0,
	             "%s", e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	date_t orig;
	cr_assert_eq(ops_late_original(&k, &ox_cfg.periods, ox.today, &orig), 42);
	cr_assert_eq(orig, DUE);
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, NULL};
	cr_assert_eq(tl_compute(&in, ox.today, 14).tl, TL_ON_TRACK, "within the extended date");
	char w[96];
	cr_assert_str_eq(ops_late_original_text(42, 0, w, sizeof w),
	                 "quá hạn 42 ngày so với thời hạn ban đầu");
	cr_assert_str_eq(ops_late_original_text(3, 1, w, sizeof w),
	                 "hoàn thành quá hạn 3 ngày so với thời hạn ban đầu");
	cr_assert_str_eq(ops_late_original_text(0, 1, w, sizeof w), "");
	/* done on 03/01/2027: on time for the extension, 3 days late originally */
	k.status = ST_DONE;
	k.done_date = date_make(2027, 1, 3);
	cr_assert_eq(ops_late_original(&k, &ox_cfg.periods, ox.today, &orig), 3);
	task_free(&k);
	/* a task never extended has no original deadline apart */
	k = ox_get(ox_task[OX_SUBTREE]);
	cr_assert_eq(ops_late_original(&k, &ox_cfg.periods, ox.today, &orig), 0);
	cr_assert_eq(orig, DATE_NONE);
	task_free(&k);
}

/* ---- the day the work was done ---- */

static int done_req(int task, date_t done_on, int status, int progress, struct err *e)
{
	struct ops_update_req q = {ox_task[task], status, progress, NULL, done_on, DATE_NONE};
	return ops_update_req(&ox, &q, NULL, e);
}

static int first_update(const struct update *u, void *ctx)
{
	*(struct update *)ctx = *u;
	((struct update *)ctx)->note = NULL;
	return 1;
}

Test(done_on, a_completion_entered_late_is_judged_by_the_day_the_work_was_done)
{
	/* due 30/06/2026, finished 28/06, entered 05/07 */
	struct task t;
	fx_task_init(&t, ox_unit[OU_BTC], 0, ST_IN_PROGRESS, date_make(2026, 6, 30));
	t.start = date_make(2026, 1, 1);
	fx_write(fx_w_task, &t);
	uint64_t id = t.id;
	task_free(&t);
	ox.today = ox.clock = date_make(2026, 7, 5);
	ox_cfg.confirm_done = 0;
	ox_as(ROLE_EDITOR, OU_BTC);
	struct err e = {0};
	struct ops_update_req q = {id, ST_DONE, -1, "Đã ban hành", date_make(2026, 6, 28), DATE_NONE};
	cr_assert_eq(ops_update_req(&ox, &q, NULL, &e), 0, "%s", e.msg);
	struct task k = ox_get(id);
	cr_assert_eq(k.done_date, date_make(2026, 6, 28));
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, NULL};
	cr_assert_eq(tl_compute(&in, ox.today, 14).tl, TL_DONE_ON_TIME);
	task_free(&k);
	struct update u;
	struct txn *tx = fx_read();
	cr_assert_eq(store_updates_of_task(tx, id, first_update, &u, &e), 1);
	store_read_end(tx);
	cr_assert_eq(u.done_on, date_make(2026, 6, 28));
	cr_assert_eq(u.day, date_make(2026, 7, 5), "the day of typing is kept");
	char action[32], *after;
	last_audit(action, sizeof action, &after);
	cr_assert(strstr(after, "\"done_on\":\"2026-06-28\"") && strstr(after, "\"day\":\"2026-07-05\""),
	          "%s", after);
	free(after);
}

Test(done_on, progress_100_also_takes_the_day)
{
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(done_req(OX_OWN, date_make(2026, 11, 2), -1, 100, &e), 0, "%s", e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.done_date, date_make(2026, 11, 2));
	task_free(&k);
}

Test(done_on, bad_days_are_refused_naming_the_field_with_the_store_unchanged)
{
	struct err e;
	ox_as(ROLE_EDITOR, OU_BTC);
	static const struct {
		date_t day;
		int status, progress;
		const char *says;
	} cases[] = {
		{0, ST_DONE, -1, "tương lai"},             /* tomorrow, set below */
		{1, ST_DONE, -1, "trước ngày giao"},       /* before the start */
		{2, ST_IN_PROGRESS, 60, "chỉ ghi khi báo"}, /* not a completion */
		{2, -1, 80, "chỉ ghi khi báo"},
	};
	date_t days[] = {OX_TODAY + 1, date_make(2025, 12, 31), date_make(2026, 10, 1)};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct snap s = snap(OX_OWN);
		memset(&e, 0, sizeof e);
		cr_assert_eq(done_req(OX_OWN, days[cases[i].day], cases[i].status, cases[i].progress, &e),
		             ERR_INPUT, "case %zu", i);
		cr_assert_str_eq(e.field, "done_on", "case %zu", i);
		cr_assert(strstr(e.msg, cases[i].says), "case %zu: %s", i, e.msg);
		struct task k = ox_get(ox_task[OX_OWN]);
		cr_assert_eq(k.status, ST_IN_PROGRESS);
		cr_assert_eq(k.nupdates, s.k.nupdates);
		task_free(&k);
		unchanged(&s, OX_OWN);
	}
	/* on a task already done */
	ox_set(ox_task[OX_SUBTREE], ST_DONE, CF_NONE);
	memset(&e, 0, sizeof e);
	cr_assert_eq(done_req(OX_SUBTREE, date_make(2026, 11, 1), ST_DONE, -1, &e), ERR_INPUT);
	/* today itself and the start day are fine */
	cr_assert_eq(done_req(OX_OWN, OX_TODAY, ST_DONE, -1, &e), 0, "%s", e.msg);
	ox_set(ox_task[OX_OWN], ST_IN_PROGRESS, CF_NONE);
	cr_assert_eq(done_req(OX_OWN, date_make(2026, 1, 1), ST_DONE, -1, &e), 0, "%s", e.msg);
}
