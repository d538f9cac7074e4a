/* test_cli_extend.c — extensions and the day the work was done, end to
 * end: extend --request/--grant/--refuse/--pending, the refusals, the
 * original deadline in show, the listings, report and remind, and update
 * --done-on in show and log.  The login running the tests is an editor of
 * tu-btc (the unit) or of tu-vp (the monitoring office), or the admin of
 * conf/theodoi.ini. */
#include "cli-run.c.inc"

#include "admin-conf.h"

#define MONITORS "monitors = tu-vp:tu, ttu-vp:ttu"

/* A task led by tu-btc "hoàn thành trước ngày 01/10/2026": due 30/09/2026,
 * 54 days overdue on 23/11/2026.  Returns its id as text (static). */
static const char *late_task(const char *st)
{
	static char id[2][24];
	static int n;
	struct run r = fx_run(NULL, st, "add-doc", "--title", "Kế hoạch thử gia hạn", "--date",
	                      "2026-01-15", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	char doc[24];
	snprintf(doc, sizeof doc, "%.*s", (int)strcspn(r.out, "\n"), r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "add-task", "--doc", doc, "--lead", "tu-btc", "--text",
	           "Xây dựng đề án sắp xếp bộ máy", "--deadline", "hoàn thành trước ngày 01/10/2026",
	           NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *p = id[n++ % 2];
	snprintf(p, 24, "%.*s", (int)strcspn(r.out, "\n"), r.out);
	fx_free(&r);
	return p;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

Test(cli_extend, the_unit_asks_and_the_monitoring_office_grants)
{
	const char *st = fx_demo();
	const char *btc = ac_conf("btc", "tu-btc", "editor", MONITORS);
	const char *vp = ac_conf("vp", "tu-vp", "editor", MONITORS);
	const char *task = late_task(st);
	/* the unit may not extend its own task */
	struct run r = fx_run(btc, st, "extend", task, "--to", "2027-03-31", "--reason", "x", NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "extend-monitors") && strstr(r.err, "extend --request"), "%s", r.err);
	fx_free(&r);
	/* it asks */
	r = fx_run(btc, st, "extend", "--request", task, "--to", "2027-03-31", "--reason",
	           "Chờ hướng dẫn của Trung ương", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Đã gửi đề nghị gia hạn #"), "%s", r.out);
	long req = strtol(strchr(r.out, '#') + 1, NULL, 10);
	fx_free(&r);
	json_t *j = fx_show(st, task);
	cr_assert_str_eq(jstr(j, "due"), "2026-09-30", "a request changes no due date");
	json_t *x = json_array_get(json_object_get(j, "extensions"), 0);
	cr_assert_str_eq(jstr(x, "state"), "requested");
	cr_assert(json_is_true(json_object_get(x, "late")), "asked for after the deadline");
	json_decref(j);
	/* a second request is refused, the store unchanged */
	r = fx_run(btc, st, "extend", "--request", task, "--to", "2027-04-30", "--reason", "Lần hai",
	           NULL);
	cr_assert_eq(r.status, 3, "%d %s", r.status, r.err);
	fx_free(&r);
	j = fx_show(st, task);
	cr_assert_eq(json_array_size(json_object_get(j, "extensions")), 1);
	json_decref(j);
	/* the queue: the office's, not the unit's */
	r = fx_run(btc, st, "extend", "--pending", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "0 đề nghị gia hạn chờ bạn quyết định"), "%s", r.out);
	fx_free(&r);
	j = fx_run_json(vp, st, "extend", "--pending", "--format", "json", NULL);
	cr_assert_eq(json_array_size(j), 1);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(j, 0), "id")), req);
	cr_assert_str_eq(jstr(json_array_get(j, 0), "late"), "sau khi đã quá hạn");
	json_decref(j);
	/* the office grants */
	char id[24];
	snprintf(id, sizeof id, "%ld", req);
	r = fx_run(vp, st, "extend", "--grant", id, "--note", "Đồng ý", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(vp, st, "extend", "--grant", id, NULL);
	cr_assert_eq(r.status, 3, "not pending any more: %d %s", r.status, r.err);
	fx_free(&r);
	j = fx_show(st, task);
	cr_assert_str_eq(jstr(j, "due"), "2027-03-31");
	cr_assert_str_eq(jstr(j, "original_due"), "2026-09-30");
	cr_assert_eq(json_integer_value(json_object_get(j, "days_late_original")), 54);
	x = json_array_get(json_object_get(j, "extensions"), 0);
	cr_assert_str_eq(jstr(x, "state"), "granted");
	cr_assert_str_eq(jstr(x, "decided_by"), ac_login());
	cr_assert_str_eq(jstr(x, "decision"), "Đồng ý");
	json_decref(j);
	r = fx_run(NULL, st, "show", task, NULL);
	cr_assert(strstr(r.out, "quá hạn 54 ngày so với thời hạn ban đầu") &&
	          strstr(r.out, "sau khi đã quá hạn") && strstr(r.out, "Hạn ban đầu:"),
	          "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--task", task, NULL);
	cr_assert(strstr(r.out, "đề nghị gia hạn") && strstr(r.out, "chấp nhận gia hạn"), "%s", r.out);
	fx_free(&r);
}

Test(cli_extend, a_refusal_needs_a_reason)
{
	const char *st = fx_demo();
	const char *btc = ac_conf("btc", "tu-btc", "editor", MONITORS);
	const char *vp = ac_conf("vp", "tu-vp", "editor", MONITORS);
	const char *task = late_task(st);
	struct run r = fx_run(btc, st, "extend", "--request", task, "--to", "31/03/2027", "--reason",
	                      "Thiếu kinh phí", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	long req = strtol(strchr(r.out, '#') + 1, NULL, 10);
	fx_free(&r);
	char id[24];
	snprintf(id, sizeof id, "%ld", req);
	r = fx_run(vp, st, "extend", "--refuse", id, NULL);
	cr_assert_eq(r.status, 2, "%d %s", r.status, r.err);
	fx_free(&r);
	r = fx_run(btc, st, "extend", "--refuse", id, "--reason", "Tự từ chối", NULL);
	cr_assert_eq(r.status, 7, "only the office decides: %d %s", r.status, r.err);
	fx_free(&r);
	r = fx_run(vp, st, "extend", "--refuse", id, "--reason", "Đã đủ thời gian", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, task);
	cr_assert_str_eq(jstr(j, "due"), "2026-09-30");
	cr_assert(json_is_null(json_object_get(j, "original_due")), "never extended");
	json_t *x = json_array_get(json_object_get(j, "extensions"), 0);
	cr_assert_str_eq(jstr(x, "state"), "refused");
	cr_assert_str_eq(jstr(x, "decision"), "Đã đủ thời gian");
	json_decref(j);
}

Test(cli_extend, extend_editors_restores_the_old_rule)
{
	const char *st = fx_demo();
	const char *btc = ac_conf("btc-ed", "tu-btc", "editor", "extend = editors");
	const char *task = late_task(st);
	struct run r = fx_run(btc, st, "extend", task, "--to", "2027-03-31", "--reason", "Gia hạn",
	                      NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* --to not after the current due: refused, naming --to */
	r = fx_run(btc, st, "extend", task, "--to", "2027-03-31", "--reason", "Lại", NULL);
	cr_assert_eq(r.status, 3, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "--to") && strstr(r.err, "31/03/2027"), "%s", r.err);
	fx_free(&r);
}

Test(cli_extend, reports_state_lateness_against_the_original_deadline)
{
	const char *st = fx_demo();
	const char *task = late_task(st);
	struct run r = fx_run(NULL, st, "extend", task, "--to", "2027-03-31", "--reason", "Gia hạn",
	                      NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "report", "--unit", "tu-btc", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"original_due\": \"2026-09-30\"") &&
	          strstr(r.out, "\"days_late_original\": 54"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "report", "--unit", "tu-btc", "--format", "txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "quá hạn 54 ngày so với thời hạn"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--unit", "tu-btc", "--format", "json", NULL);
	cr_assert(strstr(r.out, "\"days_late_original\": 54"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "remind", "--unit", "tu-btc", "--days", "200", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "so với thời hạn ban đầu"), "%s", r.out);
	fx_free(&r);
}

Test(cli_extend, done_on_records_when_the_work_was_finished)
{
	const char *st = fx_demo();
	const char *task = late_task(st); /* due 30/09/2026 */
	/* bad days: a clear message naming --done-on, the store unchanged */
	static const char *const bad[][4] = {
		{"--status", "hoan-thanh", "--done-on", "2026-11-24"}, /* the future */
		{"--status", "hoan-thanh", "--done-on", "2020-01-01"}, /* before the task */
		{"--progress", "50", "--done-on", "2026-09-20"},       /* not a completion */
		{"--status", "hoan-thanh", "--done-on", "31/02/2026"}, /* no such day */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct run r = fx_run(NULL, st, "update", task, bad[i][0], bad[i][1], bad[i][2], bad[i][3],
		                      NULL);
		cr_assert_eq(r.status, 3, "case %zu: %d %s", i, r.status, r.err);
		cr_assert(strstr(r.err, "--done-on"), "case %zu: %s", i, r.err);
		fx_free(&r);
		json_t *j = fx_show(st, task);
		cr_assert_str_eq(jstr(j, "status"), "not_started", "case %zu", i);
		cr_assert_eq(json_array_size(json_object_get(j, "updates")), 0);
		json_decref(j);
	}
	struct run r = fx_run(NULL, st, "update", task, "--status", "hoan-thanh", "--done-on",
	                      "20/09/2026", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, task);
	cr_assert_str_eq(jstr(j, "done_date"), "2026-09-20");
	cr_assert_str_eq(jstr(j, "timeliness"), "done_on_time");
	json_t *u = json_array_get(json_object_get(j, "updates"), 0);
	cr_assert_str_eq(jstr(u, "done_on"), "2026-09-20");
	cr_assert_str_eq(jstr(u, "day"), "2026-11-23");
	json_decref(j);
	r = fx_run(NULL, st, "show", task, NULL);
	cr_assert(strstr(r.out, "(xong ngày 20/09/2026)") && strstr(r.out, "hoàn thành đúng hạn"),
	          "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--task", task, "--format", "json", NULL);
	cr_assert(strstr(r.out, "\\\"done_on\\\":\\\"2026-09-20\\\"") ||
	          strstr(r.out, "\"done_on\": \"2026-09-20\""), "%s", r.out);
	cr_assert(strstr(r.out, "2026-11-23"), "the day of typing: %s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--task", task, "--format", "csv", NULL);
	/* the change column in words, the after column as stored */
	cr_assert(strstr(r.out, "ngày hoàn thành thực tế: 20/09/2026; ngày nhập: 23/11/2026") &&
	          strstr(r.out, "\"\"done_on\"\":\"\"2026-09-20\"\""), "%s", r.out);
	fx_free(&r);
}

Test(cli_extend, help_names_the_new_options)
{
	struct run r = fx_run(NULL, NULL, "extend", "--help", NULL);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "--request") && strstr(r.out, "--grant") && strstr(r.out, "--refuse") &&
	          strstr(r.out, "--pending"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, NULL, "update", "--help", NULL);
	cr_assert(strstr(r.out, "--done-on"), "%s", r.out);
	fx_free(&r);
}
