/* test_audit.c — the audit trail: every write appends an entry with time,
 * login, role, action, object and before -> after; filters; the newest
 * entries across read windows; rendering that is safe for a terminal; and
 * entries never change once written. */
#include "ops-fixture.h"

#include "audit.h"
#include "codec.h"

TestSuite(audit, .init = ox_setup, .fini = ox_teardown);

struct add_req {
	int n;
	int64_t t0;
};

/* n entries: login "u<i%3>", action "update" or "extend", object task:<i%5+1>,
 * time t0 + i hours. */
static int add_many(struct txn *t, void *ctx, struct err *e)
{
	struct add_req *r = ctx;
	for (int i = 0; i < r->n; i++) {
		struct audit a = {0};
		a.time = r->t0 + (int64_t)i * 3600;
		snprintf(a.login, sizeof a.login, "u%d", i % 3);
		strcpy(a.role, "editor");
		strcpy(a.action, i % 2 ? "extend" : "update");
		snprintf(a.object, sizeof a.object, "task:%d", i % 5 + 1);
		a.after = xstrdup("{\"progress\":1}");
		int rc = store_audit_add(t, &a, e);
		audit_free(&a);
		if (rc)
			return rc;
	}
	return 0;
}

struct tally {
	int n;
	uint64_t last;
	int ordered;
};

static int count_entry(const struct audit *a, void *ctx)
{
	struct tally *c = ctx;
	c->ordered &= a->seq > c->last;
	c->last = a->seq;
	c->n++;
	return 0;
}

static int walk(const struct audit_filter *f)
{
	struct tally c = {0, 0, 1};
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(audit_each(t, f, count_entry, &c, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert(c.ordered, "oldest first");
	return c.n;
}

Test(audit, filters_by_task_user_action_time_and_sequence)
{
	struct add_req r = {60, 1700000000};
	fx_write(add_many, &r);
	struct audit_filter f = {0};
	cr_assert_eq(walk(NULL), 60);
	f.task = 3;
	cr_assert_eq(walk(&f), 12);
	f.task = 0;
	f.login = "u1";
	cr_assert_eq(walk(&f), 20);
	f.action = "extend";
	cr_assert_eq(walk(&f), 10, "u1 and odd: i = 1, 7, 13, ...");
	memset(&f, 0, sizeof f);
	f.since = r.t0 + 10 * 3600;
	f.until = r.t0 + 20 * 3600;
	cr_assert_eq(walk(&f), 10, "[since, until)");
	memset(&f, 0, sizeof f);
	f.after_seq = 55;
	cr_assert_eq(walk(&f), 5);
	f.object = "task:1";
	cr_assert_eq(walk(&f), 1, "seq 56..60 are i = 55..59; task:1 is i = 55");
}

Test(audit, newest_entries_come_from_the_end_across_windows)
{
	struct add_req r = {9000, 1700000000};
	fx_write(add_many, &r);
	struct txn *t = fx_read();
	struct audit *v;
	size_t n;
	struct err e = {0};
	cr_assert_eq(audit_latest(t, NULL, 10, &v, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 10);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(v[i].seq, 9000 - i, "newest first");
	audit_list_free(v, n);
	/* a filter whose matches lie in every window */
	struct audit_filter f = {0};
	f.object = "task:2";
	f.login = "u0";
	cr_assert_eq(audit_latest(t, &f, 0, &v, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 600, "i = 1 mod 5 and 0 mod 3: one in fifteen");
	for (size_t i = 1; i < n; i++)
		cr_assert(v[i].seq < v[i - 1].seq);
	cr_assert_eq(v[n - 1].seq, 7, "i = 6 is the first");
	audit_list_free(v, n);
	f.after_seq = 8900;
	cr_assert_eq(audit_latest(t, &f, 0, &v, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		cr_assert(v[i].seq > 8900);
	cr_assert_eq(n, 7);
	audit_list_free(v, n);
	store_read_end(t);
}

Test(audit, json_form_parses_before_and_after)
{
	struct audit a = {0};
	a.seq = 7;
	a.time = 1700000000;
	strcpy(a.login, "hoa.btc");
	strcpy(a.role, "editor");
	strcpy(a.action, "update");
	strcpy(a.object, "task:3");
	a.after = (char *)"{\"progress\":50}";
	json_t *j = audit_to_json(&a);
	cr_assert_eq(json_integer_value(json_object_get(j, "seq")), 7);
	cr_assert(json_is_null(json_object_get(j, "before")));
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(j, "after"), "progress")), 50);
	cr_assert(strchr(json_string_value(json_object_get(j, "time")), 'T'));
	json_decref(j);
	cr_assert_str_eq(audit_action_label("confirm"), "xác nhận hoàn thành");
	cr_assert_str_eq(audit_action_label("khác"), "khác");
}

Test(audit, day_start_is_local_midnight)
{
	int64_t t = audit_day_start(date_make(2026, 11, 23));
	char buf[32];
	cr_assert_str_eq(audit_time_str(t, buf, sizeof buf), "2026-11-23 00:00:00");
}

/* The raw bytes of every entry. */
struct raw {
	struct sbuf all;
	int n;
};

static int raw_entry(const struct audit *a, void *ctx)
{
	struct raw *r = ctx;
	cr_assert_eq(codec_audit_encode(a, &r->all, NULL), 0);
	r->n++;
	return 0;
}

static struct raw snapshot(void)
{
	struct raw r = {{0}, 0};
	struct txn *t = fx_read();
	cr_assert_eq(store_audit_each(t, 0, raw_entry, &r, NULL), 0);
	store_read_end(t);
	return r;
}

Test(audit, every_action_appends_and_no_action_changes_earlier_entries)
{
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], -1, 50, "Bắt đầu", NULL, &e), 0, "%s", e.msg);
	uint64_t req;
	cr_assert_eq(ops_extend_request(&ox, ox_task[OX_OWN], date_make(2027, 3, 31), "Chờ số liệu",
	                                &req, &e), 0, "%s", e.msg);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_extend_grant(&ox, req, DATE_NONE, NULL, &e), 0, "%s", e.msg);
	struct raw before = snapshot();
	cr_assert_eq(before.n, 3);
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], ST_DONE, -1, NULL, NULL, &e), 0, "%s", e.msg);
	ox_as(ROLE_EDITOR, OU_VP);
	cr_assert_eq(ops_return(&ox, ox_task[OX_OWN], "Thiếu báo cáo", NULL, &e), 0, "%s", e.msg);
	ox_as(ROLE_ADMIN, OU_TU);
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], ST_DONE, -1, NULL, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(ops_repair(&ox, &e), 0, "%s", e.msg);
	struct raw after = snapshot();
	cr_assert_eq(after.n, 7);
	cr_assert(after.all.len > before.all.len);
	cr_assert_eq(memcmp(before.all.s, after.all.s, before.all.len), 0,
	             "earlier entries are unchanged");
	static const char *const actions[] = {"update", "extend-request", "extend-grant", "update",
	                                      "return", "update", "repair"};
	struct txn *t = fx_read();
	struct audit *v;
	size_t n;
	cr_assert_eq(audit_latest(t, NULL, 0, &v, &n, &e), 0);
	store_read_end(t);
	cr_assert_eq(n, 7);
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_eq(v[n - 1 - i].action, actions[i]);
		cr_assert(v[i].time > 0 && v[i].login[0] && v[i].role[0] && v[i].object[0]);
	}
	cr_assert_str_eq(v[0].role, "admin");
	cr_assert_str_eq(v[2].login, "nv.test");
	audit_list_free(v, n);
	sbuf_free(&before.all);
	sbuf_free(&after.all);
	fx_check_clean();
}

Test(audit, repair_is_for_admins)
{
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_repair(&ox, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "admin-only"), "%s", e.msg);
	cr_assert_eq(ox_audit_count(), 0);
}

Test(audit, days_and_roles_for_people)
{
	char buf[32];

	cr_assert_str_eq(audit_role_label("admin"), "quản trị");
	cr_assert_str_eq(audit_role_label("viewer"), "chỉ xem");
	cr_assert_str_eq(audit_role_label("robot"), "robot");
	audit_time_vn(audit_day_start(date_make(2026, 11, 23)), buf, sizeof(buf));
	cr_assert_str_eq(buf, "23/11/2026 00:00:00");
}
