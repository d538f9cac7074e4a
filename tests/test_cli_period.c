/* test_cli_period.c — the period rules end to end through the binary:
 * update --period, show's periods and level, the cases of issue 10, and
 * `lint` and `overdue` agreeing about who owes a report. */
#include "cli-run.c.inc"

#define RUN(...) fx_run(NULL, __VA_ARGS__, NULL)
#define MULTI "cấp tỉnh hoàn thành trong tháng 12/2025; cấp huyện hoàn thành trong tháng " \
              "01/2026; cấp cơ sở hoàn thành trước ngày 28/02/2026"

/* Run and expect success; returns the output (caller frees with fx_free). */
static struct run ok(struct run r)
{
	cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
	return r;
}

/* A new document on the demo store with one task of phrase led by tu-btc,
 * set on 05/01/2025; returns the task id. */
static long task_of(const char *st, const char *phrase)
{
	struct run r = ok(RUN(st, "--today", "2025-01-05", "add-doc", "--number", "99-KH/TU", "--date",
	                      "02/01/2025", "--title", "Kế hoạch thử các kỳ báo cáo"));
	long doc = strtol(r.out, NULL, 10);
	fx_free(&r);
	char ds[24];
	snprintf(ds, sizeof ds, "%ld", doc);
	r = ok(RUN(st, "--today", "2025-01-05", "add-task", "--doc", ds, "--text", "Báo cáo kết quả",
	           "--lead", "tu-btc", "--deadline", phrase));
	long id = strtol(r.out, NULL, 10);
	fx_free(&r);
	return id;
}

static json_t *show(const char *st, const char *today, const char *id)
{
	return fx_run_json(NULL, st, "--today", today, "show", id, "--format", "json", NULL);
}

Test(cli_period, late_yearly_report_then_the_next_year_is_owed)
{
	const char *st = fx_demo();
	char id[24];
	snprintf(id, sizeof id, "%ld", task_of(st, "báo cáo vào tháng 12 hằng năm"));
	struct run r = ok(RUN(st, "--today", "2026-01-05", "update", id, "--note", "Báo cáo năm 2025"));
	fx_free(&r);
	json_t *j = show(st, "2027-01-02", id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2026-12-31");
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "unreported");
	json_t *p = json_object_get(j, "periods");
	cr_assert_eq(json_array_size(p), 3);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 0), "state")), "late");
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(p, 0), "late_days")), 5);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 1), "state")), "missed");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 2), "state")), "not_due");
	json_decref(j);
	r = ok(RUN(st, "--today", "2027-01-02", "show", id));
	cr_assert(strstr(r.out, "năm 2025 (hạn 31/12/2025): báo cáo muộn 5 ngày (05/01/2026)"), "%s", r.out);
	cr_assert(strstr(r.out, "năm 2026 (hạn 31/12/2026): chưa báo cáo"), "%s", r.out);
	cr_assert(strstr(r.out, "năm 2027 (hạn 31/12/2027): chưa đến hạn"), "%s", r.out);
	cr_assert(strstr(r.out, "chưa báo cáo, trễ 2 ngày"), "%s", r.out);
	fx_free(&r);
	/* the same task is in overdue's list on that day, and in lint's */
	r = ok(RUN(st, "--today", "2027-01-02", "overdue", "--limit", "1000", "--format", "json"));
	cr_assert(strstr(r.out, "\"id\": ") != NULL);
	json_t *o = fx_json(&r);
	int found = 0;
	for (size_t i = 0; i < json_array_size(o); i++)
		found |= json_integer_value(json_object_get(json_array_get(o, i), "id")) == atol(id);
	cr_assert(found, "task %s not in overdue", id);
	json_decref(o);
	fx_free(&r);
}

Test(cli_period, done_on_a_yearly_duty_settles_one_year)
{
	const char *st = fx_demo();
	char id[24];
	snprintf(id, sizeof id, "%ld", task_of(st, "báo cáo vào tháng 12 hằng năm"));
	struct run r = ok(RUN(st, "--today", "2025-12-10", "update", id, "--status", "hoan-thanh"));
	fx_free(&r);
	json_t *j = show(st, "2025-12-20", id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "done_on_time");
	json_decref(j);
	j = show(st, "2026-06-01", id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "done");
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "on_track",
	                 "the duty goes on in 2026");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2026-12-31");
	json_decref(j);
	j = show(st, "2027-01-01", id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "unreported");
	json_decref(j);
}

Test(cli_period, update_period_names_a_period_and_bad_ones_change_nothing)
{
	const char *st = fx_demo();
	char id[24];
	snprintf(id, sizeof id, "%ld", task_of(st, "định kỳ hằng quý"));
	static const char *const bad[] = {"Q4/2026", "2025", "Q4/2024", "abc", "31/05/2026"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct run r = RUN(st, "--today", "2026-07-01", "update", id, "--note", "x", "--period", bad[i]);
		cr_assert_eq(r.status, 3, "%s: exit %d", bad[i], r.status);
		cr_assert(strstr(r.err, "--period"), "%s: %s", bad[i], r.err);
		fx_free(&r);
	}
	json_t *j = show(st, "2026-07-01", id);
	cr_assert_eq(json_array_size(json_object_get(j, "updates")), 0, "the store is unchanged");
	json_decref(j);
	struct run r = ok(RUN(st, "--today", "2026-07-01", "update", id, "--note", "Báo cáo quý II",
	                      "--period", "quý II/2026"));
	fx_free(&r);
	j = show(st, "2026-07-01", id);
	json_t *u = json_array_get(json_object_get(j, "updates"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(u, "period")), "2026-06-30");
	cr_assert_str_eq(json_string_value(json_object_get(u, "period_name")), "quý II/2026");
	json_t *p = json_object_get(j, "periods");
	size_t n = json_array_size(p);
	cr_assert_eq(n, 7, "Q1/2025 .. Q3/2026");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, n - 2), "period")), "quý II/2026");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, n - 2), "state")), "late");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 0), "state")), "missed");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2025-03-31",
	                 "the earliest missed quarter is owed");
	json_decref(j);
	/* a one-off task has no periods */
	r = RUN(st, "update", "1", "--note", "x", "--period", "2026");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "không báo cáo theo kỳ"), "%s", r.err);
	fx_free(&r);
	r = ok(RUN(st, "update", "--help"));
	cr_assert(strstr(r.out, "--period"), "%s", r.out);
	fx_free(&r);
}

Test(cli_period, multi_level_deadline_of_a_provincial_agency)
{
	const char *st = fx_demo();
	char id[24];
	snprintf(id, sizeof id, "%ld", task_of(st, MULTI));
	json_t *j = show(st, "2026-01-15", id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2025-12-31");
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "overdue");
	cr_assert_eq(json_integer_value(json_object_get(j, "days_overdue")), 15);
	cr_assert_str_eq(json_string_value(json_object_get(j, "level")), "cấp tỉnh");
	cr_assert_str_eq(json_string_value(json_object_get(j, "deadline_phrase")), MULTI);
	json_decref(j);
	struct run r = ok(RUN(st, "--today", "2026-01-15", "show", id));
	cr_assert(strstr(r.out, "quá hạn 15 ngày"), "%s", r.out);
	cr_assert(strstr(r.out, "Áp dụng:         cấp tỉnh"), "%s", r.out);
	fx_free(&r);
}

/* The ids lint flags as unreported, and the ids overdue lists as such, on
 * a day: the same set. */
static void agree_on(const char *st, const char *today)
{
	struct run l = ok(RUN(st, "--today", today, "lint", "--format", "json"));
	struct run o = ok(RUN(st, "--today", today, "overdue", "--limit", "100000", "--format", "json"));
	json_t *lj = fx_json(&l), *oj = fx_json(&o);
	size_t nl = 0, no = 0;
	for (size_t i = 0; i < json_array_size(lj); i++) {
		json_t *x = json_array_get(lj, i);
		if (strcmp(json_string_value(json_object_get(x, "rule")), "no_report"))
			continue;
		nl++;
		json_int_t id = json_integer_value(json_object_get(x, "task_id"));
		int found = 0;
		for (size_t k = 0; k < json_array_size(oj) && !found; k++) {
			json_t *y = json_array_get(oj, k);
			found = json_integer_value(json_object_get(y, "id")) == id &&
			        !strcmp(json_string_value(json_object_get(y, "timeliness")), "unreported");
		}
		cr_assert(found, "%s: lint flags #%lld, overdue does not list it", today, (long long)id);
	}
	for (size_t k = 0; k < json_array_size(oj); k++)
		no += !strcmp(json_string_value(json_object_get(json_array_get(oj, k), "timeliness")),
		              "unreported");
	cr_assert_eq(nl, no, "%s: lint %zu, overdue %zu", today, nl, no);
	json_decref(lj);
	json_decref(oj);
	fx_free(&l);
	fx_free(&o);
}

Test(cli_period, lint_and_overdue_agree_about_who_owes_a_report)
{
	const char *st = fx_demo();
	agree_on(st, "2026-12-31");
	agree_on(st, "2027-01-01");
	agree_on(st, "2027-01-02");
}

Test(cli_period, check_store_recomputes_the_dues)
{
	const char *st = fx_demo();
	struct run r = ok(RUN(st, "check-store"));
	cr_assert(strstr(r.out, "không phát hiện vấn đề"), "%s", r.out);
	fx_free(&r);
	r = ok(RUN(st, "check-store", "--help"));
	cr_assert(strstr(r.out, "tính lại hạn"), "%s", r.out);
	fx_free(&r);
}

/* units.ini changes the kind of the lead's committee: the multi-level
 * task's due follows the new level at the next start, and check-store
 * finds every due as the rules give it. */
Test(cli_period, a_unit_changing_level_moves_the_due)
{
	const char *dir = fx_tmpdir();
	char conf[160], units[160], store[160], cmd[512];
	snprintf(conf, sizeof conf, "%s/theodoi.ini", dir);
	snprintf(units, sizeof units, "%s/units.ini", dir);
	snprintf(store, sizeof store, "%s/store", dir);
	snprintf(cmd, sizeof cmd, "cp conf/theodoi.ini conf/units.ini '%s/'", dir);
	cr_assert_eq(system(cmd), 0);
	struct run r = ok(fx_run(conf, store, "demo", NULL));
	fx_free(&r);
	r = ok(fx_run(conf, store, "--today", "2025-01-05", "add-task", "--doc", "1", "--text",
	              "Nhiều cấp", "--lead", "tu-btc", "--deadline", MULTI, NULL));
	char id[24];
	snprintf(id, sizeof id, "%ld", strtol(r.out, NULL, 10));
	fx_free(&r);
	json_t *j = fx_run_json(conf, store, "show", id, "--format", "json", NULL);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2025-12-31");
	json_decref(j);
	/* the Tỉnh ủy becomes a district-level committee (as a test only) */
	snprintf(cmd, sizeof cmd,
	         "sed -i '/^\\[tu\\]$/,/^kind/ s/^kind = tinh_uy$/kind = huyen_uy/' '%s'", units);
	cr_assert_eq(system(cmd), 0);
	j = fx_run_json(conf, store, "show", id, "--format", "json", NULL);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2026-01-31");
	cr_assert_str_eq(json_string_value(json_object_get(j, "level")), "cấp huyện");
	json_decref(j);
	fx_check_store(conf, store);
}

/* tests/data/schema1/export.json: `theodoi export` of the previous release
 * (1948c53, schema 1), cut to document #5 and its tasks #146 (yearly,
 * reported 05/01/2026), #147 (multi-level, led by tu-btc) and #148
 * (ongoing, set done on 06/01/2026).  Imported, its dues follow the
 * period rules and the store passes check-store. */
Test(cli_period, a_schema1_export_imports_with_dues_by_the_period_rules)
{
	char store[160];
	snprintf(store, sizeof store, "%s/imported", fx_tmpdir());
	struct run r = ok(RUN(store, "import-json", "tests/data/schema1/export.json"));
	fx_free(&r);
	json_t *j = show(store, "2026-11-23", "147");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2025-12-31",
	                 "the provincial date, not the grassroots 27/02/2026");
	json_decref(j);
	j = show(store, "2026-11-23", "148");
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "done");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2026-12-31",
	                 "done in January for 2025; 2026 owed");
	json_decref(j);
	j = show(store, "2026-11-23", "146");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2026-12-31");
	json_decref(j);
	fx_check_store(NULL, store);
}
