/* test_cli_history.c — figures for a past day are history: every command
 * that prints figures or listings answers for --today D from what the
 * records held on D, byte for byte the same before and after later work;
 * and claims waiting for confirmation are their own figure, not "done". */
#include <time.h>

#include "cli-run.c.inc"

#include "admin-conf.h"
#include "util.h"

#define PAST "2026-06-30"

/* The clock reads 2026-11-23, the day fx_run passes as --today: that day
 * is the present, PAST a past day, whatever the machine's clock says. */
static void clock_setup(void)
{
	setenv("THEODOI_TODAY", "2026-11-23", 1);
}

TestSuite(cli_history, .init = clock_setup);

/* Everything that prints figures or a listing, for the past day. */
static const char *const *const as_of_commands[] = {
	(const char *const[]){"summary", NULL},
	(const char *const[]){"summary", "--format", "csv", NULL},
	(const char *const[]){"summary", "--format", "json", NULL},
	(const char *const[]){"summary", "--quick", NULL},
	(const char *const[]){"summary", "--quick", "--format", "json", NULL},
	(const char *const[]){"summary", "--unit", "tu-btc", NULL},
	(const char *const[]){"report", "--period", "2026-H1", NULL},
	(const char *const[]){"report", "--period", "2026-H1", "--format", "txt", NULL},
	(const char *const[]){"report", "--period", "2026-H1", "--format", "csv", NULL},
	(const char *const[]){"report", "--period", "2026-H1", "--format", "json", NULL},
	(const char *const[]){"report", "--period", "2026-Q2", "--format", "json", NULL},
	(const char *const[]){"report", "--format", "json", NULL},
	(const char *const[]){"overdue", NULL},
	(const char *const[]){"overdue", "--count", NULL},
	(const char *const[]){"overdue", "--unit", "tu", "--subtree", "--format", "csv", NULL},
	(const char *const[]){"due", "--within", "90", "--format", "csv", NULL},
	(const char *const[]){"due", "--within", "90", "--count", NULL},
	(const char *const[]){"overview", NULL},
	(const char *const[]){"units", "--format", "csv", NULL},
	(const char *const[]){"cascade", "15-CTr/TU", NULL},
	(const char *const[]){"cascade", "15-CTr/TU", "--format", "json", NULL},
	(const char *const[]){"lint", NULL},
	(const char *const[]){"lint", "--format", "csv", NULL},
	(const char *const[]){"remind", NULL},
	NULL,
};

/* Run `theodoi --today day ARGS` (args NULL-terminated, at most 10). */
static struct run run_on(const char *conf, const char *st, const char *day,
                         const char *const *args)
{
	const char *a[12] = {0};
	for (int i = 0; i < 10 && args[i]; i++)
		a[i] = args[i];
	return fx_run(conf, st, "--today", day, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
	              a[9], NULL);
}

static char *out_of(const char *conf, const char *st, const char *day, const char *const *args)
{
	struct run r = run_on(conf, st, day, args);
	cr_assert_eq(r.status, 0, "%s: %s", args[0], r.err);
	char *s = xstrdup(r.out);
	fx_free(&r);
	return s;
}

/* The id of the first task of a listing (CSV, first column). */
static char *first_id(const char *conf, const char *st, const char *day, const char *cmd,
                      const char *opt, const char *val)
{
	struct run r = fx_run(conf, st, "--today", day, cmd, "--format", "csv", opt, val, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	const char *nl = strchr(r.out, '\n');
	cr_assert(nl && nl[1], "%s lists nothing on %s", cmd, day);
	char *id = xstrndup(nl + 1, strcspn(nl + 1, ","));
	fx_free(&r);
	return id;
}

Test(cli_history, figures_for_a_past_day_do_not_change_with_later_work)
{
	const char *st = fx_demo();
	const char *admin = ac_conf("admin", "tu-vp", "admin", "confirm_done = yes");
	const char *btc = ac_conf("btc", "tu-btc", "editor", "confirm_done = yes");
	size_t n = 0;
	while (as_of_commands[n])
		n++;
	char **before = calloc(n, sizeof *before);
	for (size_t i = 0; i < n; i++)
		before[i] = out_of(admin, st, PAST, as_of_commands[i]);
	char *present = out_of(admin, st, "2026-11-23", as_of_commands[0]);

	/* Work recorded after the day: tasks overdue then are done, one due
	 * then is extended, a unit of the office claims a task done and the
	 * office confirms another claim, a new task and a new document. */
	char *late = first_id(admin, st, PAST, "overdue", NULL, NULL);
	char *soon = first_id(admin, st, PAST, "due", "--within", "90");
	fx_ok(fx_run(admin, st, "--today", "2026-07-15", "update", late, "--status", "hoan-thanh",
	             "--note", "Đã xong", NULL), "update");
	fx_ok(fx_run(admin, st, "--today", "2026-07-20", "extend", soon, "--to", "2027-03-31",
	             "--reason", "Chờ ý kiến", NULL), "extend");
	const char *own = ac_open_task(admin, st, "tu-btc");
	char *claim = xstrdup(own);
	fx_ok(fx_run(btc, st, "--today", "2026-08-01", "update", claim, "--status", "hoan-thanh",
	             NULL),
	      "claim");
	fx_ok(fx_run(admin, st, "--today", "2026-08-02", "confirm", claim, NULL), "confirm");
	const char *other = ac_open_task(admin, st, "tu-btc");
	fx_ok(fx_run(btc, st, "--today", "2026-08-03", "update", other, "--status", "hoan-thanh",
	             NULL),
	      "second claim");
	fx_ok(fx_run(admin, st, "--today", "2026-09-01", "add-task", "--doc", "15-CTr/TU", "--lead",
	             "tu-btc", "--text", "Nhiệm vụ giao thêm sau ngày 30/6", "--deadline",
	             "trước ngày 30/9/2026", NULL),
	      "add-task");

	/* a plan dated before the day but entered after it, and a document
	 * asking for plans by a date */
	fx_ok(fx_run(admin, st, "--today", "2026-09-02", "add-doc", "--title", "Kế hoạch thực hiện",
	             "--number", "31-KH/HU", "--issuer", "hpd", "--date", "2026-05-04",
	             "--implements", "15-CTr/TU", NULL),
	      "add-doc");
	fx_ok(fx_run(admin, st, "--today", "2026-09-03", "add-doc", "--title", "Chương trình mới",
	             "--number", "20-CTr/TU", "--issuer", "tu", "--date", "2026-03-01",
	             "--plan-due", "2026-04-30", NULL),
	      "add-doc with a plan due");
	char *moved = out_of(admin, st, "2026-11-23", as_of_commands[0]);
	cr_assert_str_neq(moved, present, "the later work changed the present");
	for (size_t i = 0; i < n; i++) {
		char *after = out_of(admin, st, PAST, as_of_commands[i]);
		cr_assert_str_eq(after, before[i], "`%s %s %s` changed for %s", as_of_commands[i][0],
		                 as_of_commands[i][1] ? as_of_commands[i][1] : "",
		                 as_of_commands[i][1] && as_of_commands[i][2] ? as_of_commands[i][2] : "",
		                 PAST);
		free(after);
		free(before[i]);
	}
	free(before);
	free(present);
	free(moved);
	free(late);
	free(soon);
	free(claim);
}

Test(cli_history, report_for_last_year_is_the_figures_of_its_last_day)
{
	const char *st = fx_demo();
	const char *args[] = {"summary", "--format", "json", NULL};
	char *sum = out_of(NULL, st, "2025-12-31", args);
	struct run r = fx_run(NULL, st, "report", "--period", "2025", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *rep = fx_json(&r), *s = json_loads(sum, 0, NULL);
	cr_assert_str_eq(json_string_value(json_object_get(rep, "today")), "2025-12-31");
	json_t *a = json_object_get(s, "summary"), *b = json_object_get(rep, "summary");
	cr_assert_not_null(b, "%s", r.out);
	cr_assert(json_equal(json_object_get(a, "sentence"), json_object_get(b, "sentence")),
	          "%s\n%s", json_string_value(json_object_get(a, "sentence")),
	          json_string_value(json_object_get(b, "sentence")));
	json_decref(rep);
	json_decref(s);
	fx_free(&r);
	free(sum);
}

Test(cli_history, periods_name_half_years)
{
	const char *st = fx_demo();
	struct run r = fx_run(NULL, st, "report", "--period", "2026-H1", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *p = json_object_get(j, "period");
	cr_assert_str_eq(json_string_value(json_object_get(p, "label")), "sáu tháng đầu năm 2026");
	cr_assert_str_eq(json_string_value(json_object_get(p, "from")), "2026-01-01");
	cr_assert_str_eq(json_string_value(json_object_get(p, "to")), "2026-06-30");
	cr_assert_str_eq(json_string_value(json_object_get(j, "today")), "2026-06-30");
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "report", "--period", "2026-H3", NULL);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "kỳ báo cáo không hợp lệ: '2026-H3'"), "%s", r.err);
	fx_free(&r);
}

Test(cli_history, a_task_entered_after_the_day_is_absent_on_it)
{
	const char *st = fx_demo();
	const char *admin = ac_conf("admin", "tu-vp", "admin", "");
	const char *args[] = {"summary", "--format", "json", NULL};
	fx_ok(fx_run(admin, st, "--today", "2026-09-01", "add-task", "--doc", "15-CTr/TU", "--lead",
	             "tu-btc", "--text", "Nhiệm vụ giao thêm", "--deadline", "trong năm 2026",
	             NULL),
	      "add-task");
	char *before = out_of(admin, st, "2026-08-31", args), *on = out_of(admin, st, "2026-09-01", args);
	json_t *a = json_loads(before, 0, NULL), *b = json_loads(on, 0, NULL);
	json_int_t na = json_integer_value(json_object_get(json_object_get(a, "summary"), "total"));
	json_int_t nb = json_integer_value(json_object_get(json_object_get(b, "summary"), "total"));
	cr_assert_eq(nb, na + 1, "%lld then %lld", (long long)na, (long long)nb);
	json_decref(a);
	json_decref(b);
	free(before);
	free(on);
}

Test(cli_history, the_day_rebuilt_agrees_with_the_counters_of_the_present)
{
	const char *st = fx_demo();
	static const char *const cmds[][7] = {
		{"summary", "--quick", "--format", "json", NULL},
		{"summary", "--format", "json", NULL},
		{"overdue", "--count", NULL},
		{"overdue", "--unit", "ttu", "--subtree", "--format", "csv"},
		{"due", "--within", "30", "--format", "csv", NULL},
		{"overview", NULL},
		{"units", "--format", "csv", NULL},
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		setenv("THEODOI_TODAY", "2026-11-23", 1); /* the present: counters, indexes */
		char *now = out_of(NULL, st, "2026-11-23", cmds[i]);
		setenv("THEODOI_TODAY", "2026-11-24", 1); /* a past day: rebuilt */
		char *past = out_of(NULL, st, "2026-11-23", cmds[i]);
		cr_assert_str_eq(past, now, "%s %s", cmds[i][0], cmds[i][1] ? cmds[i][1] : "");
		free(now);
		free(past);
	}
}

/* ---- claims waiting for confirmation ---- */

static json_t *summary_json(const char *conf, const char *st)
{
	return fx_run_json(conf, st, "summary", "--format", "json", NULL);
}

static json_int_t sum_int(json_t *j, const char *k)
{
	return json_integer_value(json_object_get(json_object_get(j, "summary"), k));
}

Test(cli_history, a_claim_is_not_done_and_is_shown_apart)
{
	const char *st = fx_demo();
	const char *admin = ac_conf("admin", "tu-vp", "admin", "confirm_done = yes");
	const char *btg = ac_conf("btg", "tu-btg", "editor", "confirm_done = yes");
	/* a one-off task of tu-btg that has fallen due and is not done (a
	 * recurring one claimed done for this period would still owe the
	 * periods it missed: test_period_store.c) */
	char *id = first_id(admin, st, "2026-11-23", "overdue", "--unit", "tu-btg");
	json_t *a = summary_json(admin, st);
	fx_ok(fx_run(btg, st, "update", id, "--status", "hoan-thanh", NULL), "claim");
	json_t *b = summary_json(admin, st);
	cr_assert_eq(sum_int(b, "pending_confirm"), sum_int(a, "pending_confirm") + 1);
	cr_assert_eq(sum_int(b, "due_pending"), sum_int(a, "due_pending") + 1);
	cr_assert_eq(sum_int(b, "due_done"), sum_int(a, "due_done"), "a claim is not done");
	cr_assert_eq(sum_int(b, "due_on_time"), sum_int(a, "due_on_time"));
	cr_assert_eq(sum_int(b, "done"), sum_int(a, "done"));
	cr_assert_eq(sum_int(b, "due_overdue"), sum_int(a, "due_overdue") - 1);
	cr_assert_eq(sum_int(b, "due_open"), sum_int(a, "due_open"));
	const char *s = json_string_value(json_object_get(json_object_get(b, "summary"), "sentence"));
	cr_assert(strstr(s, "nhiệm vụ báo cáo hoàn thành đang chờ xác nhận"), "%s", s);
	cr_assert(strstr(s, ", chờ xác nhận 1)"), "%s", s);

	/* the text summary and the report show the figure */
	struct run r = fx_run(admin, st, "summary", NULL);
	cr_assert(strstr(r.out, "Báo cáo hoàn thành, chờ xác nhận"), "%s", r.out);
	fx_free(&r);
	r = fx_run(admin, st, "report", "--format", "txt", NULL);
	cr_assert(strstr(r.out, "Báo cáo hoàn thành, chờ xác nhận"), "%s", r.out);
	cr_assert(strstr(r.out, "đang chờ xác nhận"), "%s", r.out);
	fx_free(&r);
	r = fx_run(admin, st, "report", "--unit", "tu-btg", NULL);
	cr_assert(strstr(r.out, "báo cáo hoàn thành, chờ xác nhận"), "the task's state: %s", r.out);
	fx_free(&r);
	r = fx_run(admin, st, "report", "--format", "json", NULL);
	cr_assert(strstr(r.out, "\"pending_confirm\": 1"), "%s", r.out);
	fx_free(&r);

	/* the quick figures (counters) agree: the claim is closed, not overdue */
	r = fx_run(admin, st, "summary", "--quick", "--format", "json", NULL);
	json_t *q = fx_json(&r);
	fx_free(&r);
	cr_assert_eq(sum_int(q, "overdue"), sum_int(b, "due_overdue"));
	json_decref(q);

	/* confirmed, it is done */
	fx_ok(fx_run(admin, st, "confirm", id, NULL), "confirm");
	json_t *c = summary_json(admin, st);
	cr_assert_eq(sum_int(c, "pending_confirm"), sum_int(a, "pending_confirm"));
	cr_assert_eq(sum_int(c, "due_done"), sum_int(a, "due_done") + 1);
	json_decref(a);
	json_decref(b);
	json_decref(c);
	free(id);
}
