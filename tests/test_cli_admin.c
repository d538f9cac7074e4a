/* test_cli_admin.c — the commands log, confirm and return end to end, and
 * permissions as the command line shows them: roles from theodoi.ini for
 * the login running the tests, refusals naming their rule. */
#include "cli-run.c.inc"

#include "admin-conf.h"

#define MONITORS "confirm_done = yes\nmonitors = tu-vp:tu, ttu-vp:ttu"

Test(cli_admin, log_shows_who_changed_what_with_filters_and_formats)
{
	const char *st = fx_demo();
	const char *task = ac_open_task(NULL, st, "tu-btc");
	/* What the task's detail shows the demo did: each has its entry. */
	json_t *j = fx_show(st, task);
	size_t shown = json_array_size(json_object_get(j, "updates")) +
	               json_array_size(json_object_get(j, "extensions"));
	json_decref(j);
	struct run r = fx_run(NULL, st, "update", task, "--progress", "85", "--note", "Đã trình dự thảo", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_run_json(NULL, st, "log", "--task", task, "--format", "json", NULL);
	cr_assert_eq(json_array_size(j), shown + 1, "%zu entries for %zu changes shown and one made",
	             json_array_size(j), shown);
	/* newest first: the update just made, then the demo's by time */
	for (size_t i = 1; i < json_array_size(j); i++)
		cr_assert_geq(json_integer_value(json_object_get(json_array_get(j, i - 1), "unix_time")),
		              json_integer_value(json_object_get(json_array_get(j, i), "unix_time")),
		              "entry %zu is newer than the one before it", i);
	json_t *a = json_array_get(j, 0);
	cr_assert_str_eq(json_string_value(json_object_get(a, "action")), "update");
	cr_assert_str_eq(json_string_value(json_object_get(a, "login")), ac_login());
	cr_assert_str_eq(json_string_value(json_object_get(a, "role")), "admin");
	json_t *after = json_object_get(a, "after");
	cr_assert_eq(json_integer_value(json_object_get(after, "progress")), 85);
	cr_assert_str_eq(json_string_value(json_object_get(after, "note")), "Đã trình dự thảo");
	cr_assert(json_is_integer(json_object_get(json_object_get(a, "before"), "progress")));
	json_decref(j);
	/* text: newest entries with --limit, the change in words */
	r = fx_run(NULL, st, "log", "--limit", "1", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Thời gian") && strstr(r.out, "tiến độ:") && strstr(r.out, "→ 85"),
	          "%s", r.out);
	cr_assert_eq(strchr(strchr(r.out, '\n') + 1, '\n')[1], '\0', "one entry: %s", r.out);
	/* for people: the role in Vietnamese, the time as dd/mm/yyyy */
	cr_assert(strstr(r.out, "quản trị") && !strstr(r.out, " admin "), "%s", r.out);
	{
		const char *row = strchr(r.out, '\n') + 1;
		int d, m, y;

		cr_assert_eq(sscanf(row, "%*d %2d/%2d/%4d", &d, &m, &y), 3, "%s", row);
	}
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--user", ac_login(), "--action", "demo", "--format", "csv", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(!strncmp(r.out, "seq,time,login,role,action,object,change,before,after\r\n", 55), "%s",
	          r.out);
	int lines = 0;
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 1 + 4, "a header and one entry per demo document: %s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--user", "nobody-here", NULL);
	cr_assert_eq(r.status, 0);
	cr_assert_null(strstr(r.out, "update"), "%s", r.out);
	fx_free(&r);
	/* everything was written today (the real day, not --today) */
	r = fx_run(NULL, st, "log", "--since", "01/01/2000", "--format", "json", NULL);
	j = fx_json(&r);
	size_t all = json_array_size(j);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--until", "01/01/2000", "--format", "json", NULL);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 0);
	cr_assert(all > 50, "%zu", all);
	json_decref(j);
	fx_free(&r);
}

Test(cli_admin, log_options_are_checked)
{
	const char *st = fx_demo();
	struct run r = fx_run(NULL, st, "log", "--since", "31/02/2024", NULL);
	cr_assert_eq(r.status, 2, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "--since"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--task", "abc", NULL);
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--limit", "0", NULL);
	cr_assert_eq(r.status, 2);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--format", "xml", NULL);
	cr_assert_eq(r.status, 2);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--help", NULL);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "--since"), "%s", r.out);
	fx_free(&r);
}

Test(cli_admin, a_reported_completion_waits_for_the_office_which_confirms_or_returns_it)
{
	const char *st = fx_demo();
	const char *btc = ac_conf("btc", "tu-btc", "editor", MONITORS);
	const char *vp = ac_conf("vp", "tu-vp", "editor", MONITORS);
	char task[24];
	snprintf(task, sizeof task, "%s", ac_open_task(btc, st, "tu-btc"));
	struct run r = fx_run(btc, st, "update", task, "--status", "hoan-thanh", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* the unit cannot confirm its own claim */
	r = fx_run(btc, st, "confirm", task, NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "monitor-only"), "%s", r.err);
	fx_free(&r);
	r = fx_run(btc, st, "confirm", "--list", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "0 nhiệm vụ chờ xác nhận"), "%s", r.out);
	fx_free(&r);
	/* the office sees it in its queue */
	json_t *q = fx_run_json(vp, st, "confirm", "--list", "--format", "json", NULL);
	cr_assert_eq(json_array_size(q), 1);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(q, 0), "id")), atoll(task));
	json_decref(q);
	/* returned: open again, with the reason in the history */
	r = fx_run(vp, st, "return", task, NULL);
	cr_assert_eq(r.status, 2, "a reason is required: %s", r.err);
	fx_free(&r);
	r = fx_run(vp, st, "return", task, "--reason", "Chưa gửi báo cáo kết quả", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, task);
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "in_progress");
	cr_assert(json_is_null(json_object_get(j, "done_date")));
	json_t *u0 = json_array_get(json_object_get(j, "updates"), 0);
	cr_assert(strstr(json_string_value(json_object_get(u0, "note")), "Chưa gửi báo cáo kết quả"));
	json_decref(j);
	/* claimed again and confirmed */
	r = fx_run(btc, st, "update", task, "--progress", "100", "--note", "Đã gửi báo cáo", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(vp, st, "confirm", task, "--note", "Đạt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(vp, st, "confirm", task, NULL);
	cr_assert_eq(r.status, 3, "already confirmed: %s", r.err);
	fx_free(&r);
	j = fx_show(st, task);
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "done");
	json_decref(j);
	r = fx_run(vp, st, "log", "--task", task, NULL);
	cr_assert(strstr(r.out, "trả lại") && strstr(r.out, "xác nhận hoàn thành"), "%s", r.out);
	fx_free(&r);
	fx_check_store(vp, st);
}

Test(cli_admin, an_unmapped_login_is_refused_even_reading_when_configured)
{
	const char *st = fx_demo();
	const char *none = ac_conf("none", NULL, NULL, "unmapped = none");
	static const char *const cmds[][2] = {{"tasks", NULL}, {"overdue", NULL}, {"log", NULL},
	                                      {"export", NULL}, {"show", "1"}};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run r = fx_run(none, st, cmds[i][0], cmds[i][1], NULL);
		cr_assert_eq(r.status, 7, "%s: %d %s", cmds[i][0], r.status, r.err);
		cr_assert(strstr(r.err, "unmapped-none") && strstr(r.err, ac_login()), "%s", r.err);
		cr_assert_eq(r.out[0], '\0', "%s printed: %s", cmds[i][0], r.out);
		fx_free(&r);
	}
	/* read, the default: it reads and may not write */
	const char *rd = ac_conf("read", NULL, NULL, "unmapped = read");
	struct run r = fx_run(rd, st, "tasks", "--unit", "tu-btc", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(rd, st, "update", "12", "--note", "x", NULL);
	cr_assert_eq(r.status, 7, "%s", r.err);
	cr_assert(strstr(r.err, "unmapped-read"), "%s", r.err);
	fx_free(&r);
}

Test(cli_admin, refusals_name_the_rule)
{
	const char *st = fx_demo();
	const char *btg = ac_conf("btg", "tu-btg", "editor", "");
	const char *btc_noext = ac_conf("noext", "tu-btc", "editor", "editors_extend = no");
	const char *btc = ac_conf("btc-dflt", "tu-btc", "editor", "");
	const char *viewer = ac_conf("viewer", "tu", "viewer", "");
	char task[24];
	snprintf(task, sizeof task, "%s", ac_open_task(NULL, st, "tu-btc"));
	struct {
		const char *conf, *rule;
		const char *argv[6];
	} cases[] = {
		{btg, "editor-subtree", {"update", task, "--note", "x", NULL}},
		{btg, "extend-monitors", {"extend", task, "--to", "2027-12-31", "--reason", "x"}},
		{btc, "extend-monitors", {"extend", task, "--to", "2027-12-31", "--reason", "x"}},
		{btc_noext, "extend-admins", {"extend", task, "--to", "2027-12-31", "--reason", "x"}},
		{viewer, "viewer-read", {"update", task, "--progress", "10", NULL}},
		{btg, "admin-only", {"add-doc", "--title", "Kế hoạch", NULL}},
		{viewer, "admin-only", {"check-store", "--repair", NULL}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const *a = cases[i].argv;
		struct run r = fx_run(cases[i].conf, st, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
		cr_assert_eq(r.status, 7, "case %zu: %d %s", i, r.status, r.err);
		if (i != 6) /* check-store --repair has its own message */
			cr_assert(strstr(r.err, cases[i].rule), "case %zu: %s", i, r.err);
		fx_free(&r);
	}
	/* the viewer reads the log */
	struct run r = fx_run(viewer, st, "log", "--limit", "2", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
}

Test(cli_admin, monitors_naming_an_unknown_unit_is_a_config_error_with_its_line)
{
	const char *st = fx_demo();
	const char *bad = ac_conf("badmon", "tu-vp", "admin", "monitors = tu-vp:tu, vp-x:ttu");
	struct run r = fx_run(bad, st, "tasks", NULL);
	cr_assert_eq(r.status, 4, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "badmon.ini:4") && strstr(r.err, "vp-x"), "%s", r.err);
	fx_free(&r);
	bad = ac_conf("badmon2", "tu-vp", "admin", "monitors = tu-vp");
	r = fx_run(bad, st, "tasks", NULL);
	cr_assert_eq(r.status, 4, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "badmon2.ini:4") && strstr(r.err, "tu-vp:tu"), "%s", r.err);
	fx_free(&r);
	bad = ac_conf("badmon3", "tu-vp", "admin", "monitors = tu-vp:tu, ttu-vp:tu");
	r = fx_run(bad, st, "tasks", NULL);
	cr_assert_eq(r.status, 4, "two offices for one unit: %d %s", r.status, r.err);
	fx_free(&r);
}

Test(cli_admin, every_new_command_has_help)
{
	static const char *const cmds[] = {"log", "backup", "restore", "export", "import-json",
	                                   "confirm", "return"};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run r = fx_run(NULL, NULL, cmds[i], "--help", NULL);
		cr_assert_eq(r.status, 0, "%s: %s", cmds[i], r.err);
		cr_assert(strstr(r.out, "Cách dùng: theodoi") && strstr(r.out, cmds[i]), "%s", r.out);
		fx_free(&r);
	}
	struct run r = fx_run(NULL, NULL, "--help", NULL);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		cr_assert(strstr(r.out, cmds[i]), "%s missing from --help", cmds[i]);
	fx_free(&r);
}
