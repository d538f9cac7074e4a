/* test_cli.c — the command line end to end: the real binary on a demo
 * store at a fixed --today, every command, JSON and CSV parsed back. */
#include "cli-run.c.inc"

#define RUN(...) fx_run(NULL, __VA_ARGS__, NULL)
#define RUN_JSON(...) fx_run_json(NULL, __VA_ARGS__, NULL)

static long run_count(const char *store, const char *a1, const char *a2, const char *a3)
{
	struct run r = fx_run(NULL, store, "overdue", "--count", a1, a2, a3, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *end;
	long n = strtol(r.out, &end, 10);
	cr_assert(end != r.out && *end == '\n' && end[1] == '\0', "not one integer: '%s'", r.out);
	fx_free(&r);
	return n;
}

Test(cli, version_and_help)
{
	struct run r = RUN(NULL, "--version");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "theodoi "), "%s", r.out);
	fx_free(&r);
	r = RUN(NULL, "--help");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "overdue") && strstr(r.out, "Cách dùng"), "%s", r.out);
	/* run in the source tree: the manual from there */
	cr_assert(strstr(r.out, "man -l man/theodoi.1"), "%s", r.out);
	fx_free(&r);
	r = RUN(NULL, "overdue", "--help");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "--subtree"));
	fx_free(&r);
}

Test(cli, unknown_command_and_bad_today_are_usage_errors)
{
	struct run r = RUN(NULL, "frobnicate");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "frobnicate"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, NULL, "--today", "31/02/2024", "units", NULL);
	cr_assert_eq(r.status, 2, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "31/02/2024"), "%s", r.err);
	fx_free(&r);
}

Test(cli, missing_store_is_a_clear_error)
{
	char path[128];
	snprintf(path, sizeof path, "%s/none", fx_tmpdir());
	struct run r = RUN(path, "units");
	cr_assert_eq(r.status, 6, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, path), "%s", r.err);
	fx_free(&r);
}

Test(cli, units_tree_in_json_with_subtree_counts)
{
	const char *st = fx_demo();
	json_t *j = RUN_JSON(st, "units", "--format", "json");
	cr_assert(json_array_size(j) > 40);
	json_t *first = json_array_get(j, 0);
	cr_assert_str_eq(json_string_value(json_object_get(first, "code")), "tw");
	long total_overdue = (long)json_integer_value(json_object_get(first, "overdue"));
	cr_assert_eq(total_overdue, run_count(st, NULL, NULL, NULL));
	size_t i;
	json_t *u;
	int seen_ttu = 0;
	json_array_foreach(j, i, u) {
		if (!strcmp(json_string_value(json_object_get(u, "code")), "ttu")) {
			seen_ttu = 1;
			cr_assert_str_eq(json_string_value(json_object_get(u, "parent")), "tu");
			cr_assert_eq(json_integer_value(json_object_get(u, "overdue")),
			             run_count(st, "--unit", "ttu", "--subtree"));
		}
	}
	cr_assert(seen_ttu);
	json_decref(j);
	struct run r = RUN(st, "units");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "Thành ủy Bình Giang"), "%s", r.out);
	fx_free(&r);
}

Test(cli, overdue_rows_match_count_and_are_most_late_first)
{
	const char *st = fx_demo();
	json_t *j = RUN_JSON(st, "overdue", "--format", "json");
	long n = run_count(st, NULL, NULL, NULL);
	cr_assert(n > 0);
	cr_assert_eq((long)json_array_size(j), n);
	long prev = 1L << 30;
	size_t i;
	json_t *row;
	json_array_foreach(j, i, row) {
		static const char *keys[] = {"id", "doc_number", "section", "lead_code", "lead_name", "text",
		                             "deadline_phrase", "due", "status", "timeliness", "days_overdue"};
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
			cr_assert(json_object_get(row, keys[k]), "row lacks %s", keys[k]);
		long days = (long)json_integer_value(json_object_get(row, "days_overdue"));
		cr_assert(days >= 1);
		cr_assert(days <= prev, "not sorted by days overdue");
		prev = days;
		const char *tl = json_string_value(json_object_get(row, "timeliness"));
		cr_assert(!strcmp(tl, "overdue") || !strcmp(tl, "unreported"), "%s", tl);
		cr_assert_lt(strcmp(json_string_value(json_object_get(row, "due")), "2026-11-23"), 0);
	}
	json_decref(j);
}

Test(cli, overdue_for_a_subtree_and_for_one_unit)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "overdue", "--unit", "ttu", "--subtree", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_eq((long)json_array_size(j), run_count(st, "--unit", "ttu", "--subtree"));
	size_t i;
	json_t *row;
	json_array_foreach(j, i, row)
		cr_assert(!strncmp(json_string_value(json_object_get(row, "lead_code")), "ttu", 3));
	json_decref(j);
	fx_free(&r);
	/* By name without diacritics, own tasks only. */
	r = RUN(st, "overdue", "--unit", "ban to chuc tinh uy", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	cr_assert_eq((long)json_array_size(j), run_count(st, "--unit", "tu-btc", NULL));
	json_array_foreach(j, i, row)
		cr_assert_str_eq(json_string_value(json_object_get(row, "lead_code")), "tu-btc");
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "overdue", "--unit", "khong-co");
	cr_assert_eq(r.status, 5);
	cr_assert(strstr(r.err, "khong-co"));
	fx_free(&r);
}

Test(cli, due_within_window)
{
	const char *st = fx_demo();
	json_t *j = RUN_JSON(st, "due", "--within", "30", "--format", "json");
	cr_assert(json_array_size(j) > 0, "the demo should have tasks due within 30 days");
	size_t i;
	json_t *row;
	const char *prev = "";
	json_array_foreach(j, i, row) {
		const char *due = json_string_value(json_object_get(row, "due"));
		cr_assert(strcmp(due, "2026-11-23") >= 0 && strcmp(due, "2026-12-23") <= 0, "%s", due);
		cr_assert(strcmp(due, prev) >= 0);
		prev = due;
	}
	json_decref(j);
	struct run r = RUN(st, "due", "--within", "-3");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
}

Test(cli, docs_and_tasks_by_doc_agree)
{
	const char *st = fx_demo();
	json_t *docs = RUN_JSON(st, "docs", "--format", "json");
	cr_assert(json_array_size(docs) >= 3);
	json_t *d = json_array_get(docs, 0);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(d, "id")));
	struct run t = RUN(st, "tasks", "--doc", id, "--format", "json");
	cr_assert_eq(t.status, 0, "%s", t.err);
	json_t *tasks = fx_json(&t);
	cr_assert_eq(json_array_size(tasks), (size_t)json_integer_value(json_object_get(d, "tasks")));
	json_decref(tasks);
	fx_free(&t);
	/* By number too. */
	const char *num = json_string_value(json_object_get(d, "number"));
	t = RUN(st, "tasks", "--doc", num, "--format", "csv");
	cr_assert_eq(t.status, 0, "%s", t.err);
	cr_assert(!strncmp(t.out, "id,doc_number,section,", 22), "%s", t.out);
	fx_free(&t);
	json_decref(docs);
	struct run r = RUN(st, "docs", "--unit", "tu");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "CTr"), "%s", r.out);
	fx_free(&r);
}

Test(cli, tasks_of_a_subtree)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "tasks", "--unit", "ttu", "--subtree", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert(json_array_size(j) > 10);
	size_t i;
	json_t *row;
	json_array_foreach(j, i, row)
		cr_assert(!strncmp(json_string_value(json_object_get(row, "lead_code")), "ttu", 3));
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "tasks", "--subtree");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
}

/* The id of the most overdue task with a dated deadline (not a periodic
 * report), as a string. */
static void first_overdue(const char *st, char *id, size_t len)
{
	struct run r = RUN(st, "overdue", "--format", "json");
	json_t *j = fx_json(&r), *row;
	size_t i;
	id[0] = '\0';
	json_array_foreach(j, i, row) {
		if (!strcmp(json_string_value(json_object_get(row, "timeliness")), "overdue")) {
			snprintf(id, len, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
			break;
		}
	}
	cr_assert(id[0], "no dated overdue task in the demo");
	json_decref(j);
	fx_free(&r);
}

Test(cli, update_with_accented_note_reads_back)
{
	const char *st = fx_demo();
	char id[24];
	first_overdue(st, id, sizeof id);
	json_t *j;
	struct run r = RUN(st, "update", id, "--progress", "60", "--note", "Đã họp triển khai, \"đạt\" 60%");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_eq(json_integer_value(json_object_get(j, "progress")), 60);
	json_t *u = json_array_get(json_object_get(j, "updates"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(u, "note")), "Đã họp triển khai, \"đạt\" 60%");
	cr_assert_str_eq(json_string_value(json_object_get(u, "day")), "2026-11-23");
	json_decref(j);
	r = RUN(st, "update", id, "--status", "hoàn thành");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "done");
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "done_late");
	json_decref(j);
	r = RUN(st, "show", id);
	cr_assert(strstr(r.out, "Đã họp triển khai"), "%s", r.out);
	fx_free(&r);
	fx_check_store(NULL, st);
}

Test(cli, bad_updates_are_refused_and_change_nothing)
{
	const char *st = fx_demo();
	long before = run_count(st, NULL, NULL, NULL);
	struct run r = RUN(st, "update", "1", "--progress", "101");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", "1", "--progress", "-5");
	cr_assert_eq(r.status, 3);
	fx_free(&r);
	r = RUN(st, "update", "999999", "--progress", "10");
	cr_assert_eq(r.status, 5, "%s", r.err);
	cr_assert(strstr(r.err, "999999"));
	fx_free(&r);
	r = RUN(st, "update", "1");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", "1", "--note", "bad \xff\xfe utf8");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", "1", "--note", "esc \x1b[31m");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", "abc", "--note", "x");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(run_count(st, NULL, NULL, NULL), before);
	json_t *j = fx_show(st, "1");
	size_t n = json_array_size(json_object_get(j, "updates"));
	json_decref(j);
	r = RUN(st, "update", "1", "--status", "xong roi");
	cr_assert_eq(r.status, 3);
	fx_free(&r);
	j = fx_show(st, "1");
	cr_assert_eq(json_array_size(json_object_get(j, "updates")), n);
	json_decref(j);
}

Test(cli, extend_keeps_the_original_deadline)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "overdue", "--format", "json", "--limit", "1");
	json_t *j = fx_json(&r);
	json_t *row = json_array_get(j, 0);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
	const char *ph = json_string_value(json_object_get(row, "deadline_phrase"));
	char *phrase = strdup(ph ? ph : "");
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "extend", id, "--to", "01/01/2020", "--reason", "x");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "extend", id, "--to", "31/03/2027", "--reason", "");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "extend", id, "--to", "31/03/2027", "--reason", "Chờ hướng dẫn của Trung ương");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2027-03-31");
	cr_assert_str_eq(json_string_value(json_object_get(j, "extended_to")), "2027-03-31");
	ph = json_string_value(json_object_get(j, "deadline_phrase"));
	cr_assert_str_eq(ph ? ph : "", phrase);
	cr_assert_eq(json_array_size(json_object_get(j, "extensions")), 1);
	json_decref(j);
	free(phrase);
}

/* The vocabulary of deadlines end to end: a recurring rhythm typed with
 * add-task is stored (codec) and shown; import finds each form in a plan's
 * sentences with the same meaning. */
Test(cli, deadline_rhythms_are_stored_shown_and_imported)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "add-task", "--doc", "1", "--text", "Tổng hợp tình hình dư luận xã hội",
	                   "--deadline", "báo cáo hằng quý");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char task[24];
	snprintf(task, sizeof task, "%ld", strtol(r.out, NULL, 10));
	fx_free(&r);
	json_t *j = fx_show(st, task);
	json_t *dl = json_object_get(j, "deadline");
	cr_assert_str_eq(json_string_value(json_object_get(dl, "kind")), "ongoing");
	cr_assert_str_eq(json_string_value(json_object_get(dl, "every")), "quarter");
	cr_assert_str_eq(json_string_value(json_object_get(j, "deadline_meaning")), "báo cáo hằng quý");
	cr_assert_str_eq(json_string_value(json_object_get(j, "deadline_phrase")), "báo cáo hằng quý");
	json_decref(j);
	r = RUN(NULL, "add-task", "--help");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "báo cáo hằng quý") && strstr(r.out, "quý hai năm 2027"), "%s", r.out);
	fx_free(&r);

	char path[512];
	snprintf(path, sizeof path, "%s/88-KH-TU.txt", fx_tmpdir());
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("TỈNH ỦY SƠN HÀ\n\nSố: 88-KH/TU\n\nSơn Hà, ngày 12 tháng 6 năm 2024\n\n"
	      "**KẾ HOẠCH**\n\n**về thử nghiệm các thời hạn**\n\n## II. NHIỆM VỤ\n\n"
	      "- Ban Tổ chức Tỉnh ủy ban hành quy chế phối hợp; hoàn thành trong quý hai năm 2024.\n\n"
	      "- Văn phòng Tỉnh ủy tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (định kỳ 6 tháng "
	      "một lần).\n\n"
	      "- Ủy ban Kiểm tra Tỉnh ủy báo cáo Ban Thường vụ Tỉnh ủy định kỳ hằng năm hoặc đột xuất.\n\n"
	      "- Ban Tuyên giáo Tỉnh ủy tổng hợp tình hình dư luận xã hội (báo cáo hằng tháng).\n\n"
	      "**T/M BAN THƯỜNG VỤ**\n**BÍ THƯ**\n\n**Nguyễn Văn A**\n", f);
	fclose(f);
	r = RUN(st, "import", path, "--dry-run", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	json_t *doc = json_is_array(j) ? json_array_get(j, 0) : j, *tasks = json_object_get(doc, "tasks");
	static const char *const want[][3] = {
		{ "hoàn thành trong quý hai năm 2024", "by", NULL },
		{ "định kỳ 6 tháng một lần", "ongoing", "half" },
		{ "định kỳ hằng năm hoặc đột xuất", "annual", NULL },
		{ "báo cáo hằng tháng", "ongoing", "month" },
	};
	cr_assert_eq(json_array_size(tasks), 4, "%s", r.out);
	for (size_t i = 0; i < 4; i++) {
		json_t *t = json_array_get(tasks, i), *d = json_object_get(t, "deadline");

		cr_expect_str_eq(json_string_value(json_object_get(t, "deadline_phrase")), want[i][0]);
		cr_expect_str_eq(json_string_value(json_object_get(d, "kind")), want[i][1]);
		if (want[i][2])
			cr_expect_str_eq(json_string_value(json_object_get(d, "every")), want[i][2]);
	}
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(json_array_get(tasks, 0),
	                                                                   "deadline"), "due")),
	                 "2024-06-30");
	json_decref(j);
	fx_free(&r);
}

Test(cli, add_doc_and_task_then_list)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "add-doc", "--number", "99-KH/TU", "--date", "01/11/2026", "--title",
	                   "Kế hoạch thử nghiệm", "--issuer", "tu", "--implements", "15-CTr/TU");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char doc[24];
	snprintf(doc, sizeof doc, "%ld", strtol(r.out, NULL, 10));
	fx_free(&r);
	r = RUN(st, "add-task", "--doc", "99-KH/TU", "--text", "Tổ chức hội nghị quán triệt", "--lead",
	        "BTG Tỉnh ủy", "--partners", "tu-btc, tu-vp", "--deadline", "hoàn thành trong quý I/2027",
	        "--section", "1");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char task[24];
	snprintf(task, sizeof task, "%ld", strtol(r.out, NULL, 10));
	fx_free(&r);
	json_t *j = fx_show(st, task);
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2027-03-31");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "lead"), "code")), "tu-btg");
	cr_assert_eq(json_array_size(json_object_get(j, "partners")), 2);
	cr_assert_str_eq(json_string_value(json_object_get(j, "doc_number")), "99-KH/TU");
	json_decref(j);
	r = RUN(st, "tasks", "--doc", doc, "--format", "json");
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1);
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "add-task", "--doc", doc, "--text", "x", "--deadline", "khi nào rảnh");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "add-task", "--doc", "12345", "--text", "x");
	cr_assert_eq(r.status, 5, "%s", r.err);
	fx_free(&r);
}

Test(cli, viewer_may_not_write)
{
	const char *st = fx_demo();
	char conf[256], cwd[200];
	cr_assert(getcwd(cwd, sizeof cwd));
	snprintf(conf, sizeof conf, "%s/viewer.ini", fx_tmpdir());
	FILE *f = fopen(conf, "w");
	fprintf(f, "[paths]\nunits = %s/conf/units.ini\n[users]\nroot = tu, viewer\n", cwd);
	fclose(f);
	struct run r = fx_run(conf, st, "update", "1", "--note", "x", NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "chỉ xem"), "%s", r.err);
	fx_free(&r);
	r = fx_run(conf, st, "overdue", "--count", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
}

Test(cli, config_error_names_file_and_line)
{
	char conf[256];
	snprintf(conf, sizeof conf, "%s/bad.ini", fx_tmpdir());
	FILE *f = fopen(conf, "w");
	fprintf(f, "[tracking]\ndue_soon_days = 14\nbogus = 1\n");
	fclose(f);
	struct run r = fx_run(conf, NULL, "units", NULL);
	cr_assert_eq(r.status, 4, "%d %s", r.status, r.err);
	char want[300];
	snprintf(want, sizeof want, "%s:3:", conf);
	cr_assert(strstr(r.err, want), "%s", r.err);
	fx_free(&r);
}

/* overdue, due and update read theodoi.ini without iniparser's dictionary
 * (CFG_LEAN): the same faults with the same messages as a command that
 * builds it, and the same values (a quoted, commented, continued file). */
Test(cli, hot_commands_read_theodoi_ini_as_the_others)
{
	static const char *const cmds[][4] = {{"overdue", "--count", NULL}, {"due", "--count", NULL},
	                                      {"update", "1", "--note", "x"}};
	char conf[256], cwd[200];
	cr_assert(getcwd(cwd, sizeof cwd));
	snprintf(conf, sizeof conf, "%s/faulty.ini", fx_tmpdir());
	FILE *f = fopen(conf, "w");
	fprintf(f, "[users]\nroot = tu, admin\n[tracking]\ndue_soon_days = 14 ; hai tuần\n"
	           "[users]\nan = tu, sếp\n");
	fclose(f);
	struct run full = fx_run(conf, NULL, "units", NULL);
	cr_assert_eq(full.status, 4, "%d %s", full.status, full.err);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run r = fx_run(conf, NULL, cmds[i][0], cmds[i][1], cmds[i][2], cmds[i][3], NULL);
		cr_assert_eq(r.status, full.status, "%s: %d %s", cmds[i][0], r.status, r.err);
		cr_assert_str_eq(r.err, full.err, "%s", cmds[i][0]);
		fx_free(&r);
	}
	fx_free(&full);

	const char *st = fx_demo();
	snprintf(conf, sizeof conf, "%s/good.ini", fx_tmpdir());
	f = fopen(conf, "w");
	fprintf(f, "[paths]\nunits = \"%s/conf/units.ini\" ; quoted\n[tracking]\n"
	           "due_soon_days = 40 # some weeks\n[users]\nroot = tu, \\\n  admin\n", cwd);
	fclose(f);
	struct run lean = fx_run(conf, st, "due", "--count", NULL);
	struct run wide = fx_run(conf, st, "due", "--within", "40", "--count", NULL),
	           narrow = fx_run(conf, st, "due", "--within", "14", "--count", NULL);
	cr_assert_eq(lean.status, 0, "%s", lean.err);
	cr_assert_eq(wide.status, 0, "%s", wide.err);
	cr_assert_str_eq(lean.out, wide.out, "due_soon_days read as 40");
	cr_assert_str_neq(lean.out, narrow.out, "the demo has tasks due in 15 to 40 days");
	fx_free(&lean);
	fx_free(&wide);
	fx_free(&narrow);
	lean = fx_run(conf, st, "update", "1", "--note", "x", NULL);
	cr_assert_eq(lean.status, 0, "root is an admin (a continued line): %s", lean.err);
	fx_free(&lean);
}

Test(cli, overview_when_not_a_terminal)
{
	const char *st = fx_demo();
	struct run r = fx_run(NULL, st, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "quá hạn"), "%s", r.out);
	fx_free(&r);
}

Test(cli, demo_creates_missing_parent_directories)
{
	char store[256];
	snprintf(store, sizeof store, "%s/a/b/store", fx_tmpdir());
	struct run r = RUN(store, "demo");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = RUN(store, "demo");
	cr_assert_eq(r.status, 8, "a second demo into a filled store must be refused: %s", r.err);
	fx_free(&r);
}

/* Count the records of a CSV text (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks), checking every record has `cols` fields. */
static int csv_records(const char *s, int *cols)
{
	int records = 0, fields = 1, quoted = 0;
	*cols = -1;
	for (const char *p = s; *p; p++) {
		if (quoted) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				quoted = 0;
		} else if (*p == '"') {
			quoted = 1;
		} else if (*p == ',') {
			fields++;
		} else if (*p == '\n') {
			if (*cols < 0)
				*cols = fields;
			cr_assert_eq(fields, *cols, "record %d has %d fields, header %d", records, fields, *cols);
			records++;
			fields = 1;
		}
	}
	cr_assert(!quoted, "unterminated quoted field");
	return records;
}

Test(cli, every_listing_in_every_format)
{
	const char *st = fx_demo();
	static const char *cmds[][3] = {
		{"units", NULL, NULL}, {"docs", NULL, NULL}, {"tasks", "--unit", "tu"},
		{"overdue", NULL, NULL}, {"due", "--within", "60"},
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run j = fx_run(NULL, st, cmds[i][0], "--format", "json", cmds[i][1], cmds[i][2], NULL);
		cr_assert_eq(j.status, 0, "%s: %s", cmds[i][0], j.err);
		json_t *arr = fx_json(&j);
		cr_assert(json_is_array(arr) && json_array_size(arr) > 0, "%s: empty", cmds[i][0]);
		struct run c = fx_run(NULL, st, cmds[i][0], "--format", "csv", cmds[i][1], cmds[i][2], NULL);
		cr_assert_eq(c.status, 0, "%s: %s", cmds[i][0], c.err);
		int cols;
		cr_assert_eq((size_t)csv_records(c.out, &cols), json_array_size(arr) + 1,
		             "%s: CSV rows differ from JSON rows", cmds[i][0]);
		cr_assert_eq((size_t)cols, json_object_size(json_array_get(arr, 0)));
		struct run t = fx_run(NULL, st, cmds[i][0], cmds[i][1], cmds[i][2], NULL);
		cr_assert_eq(t.status, 0, "%s: %s", cmds[i][0], t.err);
		int lines = 0;
		for (const char *p = t.out; *p; p++)
			lines += *p == '\n';
		cr_assert_eq((size_t)lines, json_array_size(arr) + 1, "%s: text rows", cmds[i][0]);
		struct run bad = fx_run(NULL, st, cmds[i][0], "--format", "xml", NULL);
		cr_assert_eq(bad.status, 2, "%s --format xml", cmds[i][0]);
		json_decref(arr);
		fx_free(&j);
		fx_free(&c);
		fx_free(&t);
		fx_free(&bad);
	}
}

Test(cli, bad_theodoi_today_is_an_error_not_the_clock)
{
	setenv("THEODOI_TODAY", "2024-13-01", 1);
	struct run r = fx_run(NULL, NULL, "--version", NULL);
	cr_assert_eq(r.status, 0);
	fx_free(&r);
	/* fx_run passes --today, which wins; without it the variable is read. */
	char *argv[] = {(char *)fx_bin(), (char *)"--config", (char *)"conf/theodoi.ini", (char *)"units", NULL};
	r = run_argv(argv);
	cr_assert_eq(r.status, 2, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "THEODOI_TODAY") && strstr(r.err, "2024-13-01"), "%s", r.err);
	fx_free(&r);
}

Test(cli, double_dash_ends_global_options)
{
	const char *st = fx_demo();
	struct run a = RUN(st, "--", "overdue", "--count");
	struct run b = RUN(st, "overdue", "--count");
	cr_assert_eq(a.status, 0, "%s", a.err);
	cr_assert_str_eq(a.out, b.out);
	fx_free(&a);
	fx_free(&b);
}

Test(cli, add_task_names_units_as_the_document_does)
{
	const char *st = fx_demo();
	/* Document 1 is the Tỉnh ủy's program: "Ban Tổ chức" is its own. */
	struct run r = RUN(st, "add-task", "--doc", "1", "--text", "Rà soát quy chế", "--lead", "Ban Tổ chức",
	                   "--partners", "Ban Tuyên giáo, Văn phòng");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char id[24];
	snprintf(id, sizeof id, "%ld", strtol(r.out, NULL, 10));
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "lead"), "code")), "tu-btc");
	json_t *p = json_object_get(j, "partners");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 0), "code")), "tu-btg");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(p, 1), "code")), "tu-vp");
	json_decref(j);
	/* Two district boards carry this name: the message lists them. */
	r = RUN(st, "add-task", "--doc", "1", "--text", "x", "--lead", "Ban Tổ chức Huyện ủy");
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "hkl-btc") && strstr(r.err, "hpd-btc"), "%s", r.err);
	fx_free(&r);
}

Test(cli, units_rows_add_up_to_the_store_with_unassigned_tasks)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "add-task", "--doc", "1", "--text", "Việc chung của các cấp ủy",
	                   "--deadline", "trước ngày 01/01/2026");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "units", "--format", "json");
	json_t *j = fx_json(&r), *row;
	size_t i;
	long overdue = 0, total = 0;
	json_array_foreach(j, i, row) {
		if (json_integer_value(json_object_get(row, "depth")) == 0) {
			overdue += (long)json_integer_value(json_object_get(row, "overdue"));
			total += (long)json_integer_value(json_object_get(row, "total"));
		}
	}
	json_t *last = json_array_get(j, json_array_size(j) - 1);
	cr_assert(json_is_null(json_object_get(last, "code")));
	cr_assert_eq(json_integer_value(json_object_get(last, "overdue")), 1);
	cr_assert_eq(overdue, run_count(st, NULL, NULL, NULL));
	cr_assert_eq(total, 146);
	json_decref(j);
	fx_free(&r);
}

Test(cli, status_and_progress_must_agree)
{
	const char *st = fx_demo();
	char id[24];
	first_overdue(st, id, sizeof id);
	static const char *bad[][4] = {
		{"--status", "hoan-thanh", "--progress", "40"},
		{"--status", "chua-thuc-hien", "--progress", "70"},
		{"--status", "dang-thuc-hien", "--progress", "100"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct run r = RUN(st, "update", id, bad[i][0], bad[i][1], bad[i][2], bad[i][3]);
		cr_assert_eq(r.status, 3, "%s %s %s %s: %s", bad[i][0], bad[i][1], bad[i][2], bad[i][3], r.err);
		fx_free(&r);
	}
	/* Done means 100 %; reopening needs a new progress. */
	struct run r = RUN(st, "update", id, "--status", "hoan-thanh");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", id, "--status", "dang-thuc-hien");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "update", id, "--status", "dang-thuc-hien", "--progress", "80");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "in_progress");
	cr_assert_eq(json_integer_value(json_object_get(j, "progress")), 80);
	cr_assert(json_is_null(json_object_get(j, "done_date")));
	size_t n = json_array_size(json_object_get(j, "updates"));
	json_decref(j);
	/* Nothing changed and nothing said: refused, nothing written. */
	r = RUN(st, "update", id, "--status", "dang-thuc-hien");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_eq(json_array_size(json_object_get(j, "updates")), n);
	json_decref(j);
}

Test(cli, add_doc_refuses_the_same_number_issuer_and_date)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "add-doc", "--title", "X", "--number", "99-KH/TU", "--date", "20/11/2026",
	                   "--issuer", "tu");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "add-doc", "--title", "X", "--number", "99-KH/TU", "--date", "20/11/2026", "--issuer", "tu");
	cr_assert_eq(r.status, 8, "%s", r.err);
	fx_free(&r);
	/* A new term reuses the number on another date: allowed. */
	r = RUN(st, "add-doc", "--title", "X", "--number", "99-KH/TU", "--date", "20/11/2031", "--issuer", "tu");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
}

/* --implements is read as edit-doc reads it: a number too long to keep is
 * refused, not cut short (the document would implement another). */
Test(cli, add_doc_refuses_an_implemented_number_too_long)
{
	const char *st = fx_demo();
	char lng[80];
	memset(lng, '9', sizeof lng - 1);
	lng[sizeof lng - 1] = '\0';
	char list[96];
	snprintf(list, sizeof list, "15-CTr/TU; %s", lng);
	json_t *j = RUN_JSON(st, "docs", "--format", "json");
	size_t before = json_array_size(j);
	json_decref(j);
	struct run r = RUN(st, "add-doc", "--title", "X", "--number", "98-KH/TU", "--issuer", "tu",
	                   "--implements", list);
	cr_assert_eq(r.status, 2, "%s", r.out); /* ERR_USAGE */
	cr_assert(strstr(r.err, "số văn bản quá dài") && strstr(r.err, lng), "%s", r.err);
	fx_free(&r);
	r = RUN(st, "docs", "--format", "json");
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), before, "%s", r.out);
	json_decref(j);
	fx_free(&r);
}

Test(cli, bad_options_are_explained_in_vietnamese_with_a_suggestion)
{
	struct run r = RUN(NULL, "overdue", "--unti", "tu");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "không có tùy chọn --unti; có phải --unit?"), "%s", r.err);
	cr_assert_null(strstr(r.err, "unrecognized"), "getopt's English message: %s", r.err);
	fx_free(&r);
	r = RUN(NULL, "tasks", "--sbtree");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "có phải --subtree?"), "%s", r.err);
	fx_free(&r);
	r = RUN(NULL, "overdue", "--unit");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "--unit") && strstr(r.err, "cần một giá trị"), "%s", r.err);
	cr_assert_null(strstr(r.err, "requires"), "%s", r.err);
	fx_free(&r);
	r = RUN(NULL, "overdu");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "có phải 'overdue'?"), "%s", r.err);
	fx_free(&r);
	r = RUN(NULL, "overdue", "--zzzzzz");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "không có tùy chọn --zzzzzz") && !strstr(r.err, "có phải"), "%s",
	          r.err);
	fx_free(&r);
}
