/* test_cli_report.c — summary, cascade, lint, report, remind, measure and
 * indicators end to end: the real binary on a demo store at a fixed
 * --today, JSON and CSV parsed back, figures checked against the other
 * commands. */
#include <dirent.h>
#include <sys/stat.h>

#include "cli-run.c.inc"
#include "text.h"

#define RUN(...) fx_run(NULL, __VA_ARGS__, NULL)
#define RUN_JSON(...) fx_run_json(NULL, __VA_ARGS__, NULL)

static long count_of(const char *store, const char *cmd, const char *a1, const char *a2)
{
	struct run r = fx_run(NULL, store, cmd, "--count", a1, a2, a1 ? "--subtree" : NULL, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	long n = strtol(r.out, NULL, 10);
	fx_free(&r);
	return n;
}

static json_int_t jint(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	cr_assert(json_is_integer(v), "no integer %s", k);
	return json_integer_value(v);
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

Test(cli_report, every_command_has_help)
{
	static const char *cmds[] = {"summary", "cascade", "lint", "report", "remind", "measure", "indicators"};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run r = RUN(NULL, cmds[i], "--help");
		cr_assert_eq(r.status, 0, "%s: %s", cmds[i], r.err);
		cr_assert(strstr(r.out, "Cách dùng: theodoi"), "%s: %s", cmds[i], r.out);
		fx_free(&r);
	}
}

Test(cli_report, summary_agrees_with_overdue_and_units)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "summary", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *sum = json_object_get(j, "summary");
	cr_assert_eq(jint(sum, "total"), 145);
	cr_assert_eq(jint(sum, "due_overdue"), count_of(st, "overdue", NULL, NULL));
	cr_assert_eq(jint(sum, "due"), jint(sum, "due_done") + jint(sum, "due_open"));
	cr_assert_eq(jint(sum, "total"),
	             jint(sum, "due") + jint(sum, "not_due") + jint(sum, "no_date") + jint(sum, "on_hold"));
	cr_assert(txt_starts_with(jstr(sum, "sentence"), "Tổng số 145 nhiệm vụ; đã đến hạn "), "%s",
	          jstr(sum, "sentence"));
	json_int_t rows = 0;
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(j, "units"), i, u) {
		rows += jint(json_object_get(u, "summary"), "total");
		if (!strcmp(jstr(u, "unit_code"), "ttu"))
			cr_assert_eq(jint(json_object_get(u, "summary"), "due_overdue"),
			             count_of(st, "overdue", "--unit", "ttu"));
	}
	cr_assert_eq(rows, 145, "the rows add up to the whole");
	json_t *worst = json_object_get(j, "most_overdue");
	cr_assert_gt(json_array_size(worst), 0);
	cr_assert(json_object_get(json_array_get(worst, 0), "days_overdue"));
	json_decref(j);
	fx_free(&r);
}

Test(cli_report, summary_of_a_unit_a_document_and_quick)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "summary", "--unit", "ttu", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(txt_starts_with(r.out, "row,unit_code,unit_name,total,"), "%s", r.out);
	cr_assert(strstr(r.out, "\r\ntotal,,Tổng cộng,38,"), "%s", r.out);
	cr_assert(strstr(r.out, "\r\nsubtree,ttu-btc,"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "summary", "--doc", "15-CTr/TU", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_eq(jint(json_object_get(j, "summary"), "total"), 49);
	json_decref(j);
	fx_free(&r);
	j = RUN_JSON(st, "summary", "--quick", "--format", "json");
	json_t *sum = json_object_get(j, "summary");
	cr_assert_eq(jint(sum, "total"), 145);
	cr_assert_eq(jint(sum, "overdue"), count_of(st, "overdue", NULL, NULL));
	cr_assert_eq(jint(sum, "due_soon"), count_of(st, "due", NULL, NULL));
	json_decref(j);
	r = RUN(st, "summary");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "tỷ lệ hoàn thành đạt") && strstr(r.out, "Theo đơn vị:"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "summary", "--quick", "--doc", "1");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
	r = RUN(st, "summary", "--unit", "khong-co");
	cr_assert_eq(r.status, 5);
	fx_free(&r);
}

Test(cli_report, cascade_finds_the_district_without_a_plan)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "cascade", "15-CTr/TU", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *kids = json_object_get(j, "children"), *c;
	json_t *counts = json_object_get(j, "counts");
	cr_assert_eq(jint(counts, "required"), 4);
	cr_assert_eq(jint(counts, "missing"), 1);
	cr_assert_eq(jint(counts, "overdue"), 1);
	cr_assert_eq(jint(counts, "issued"), 3);
	size_t i;
	int seen = 0;
	json_array_foreach(kids, i, c) {
		if (!strcmp(jstr(c, "unit_code"), "hpd")) {
			seen = 1;
			cr_assert_str_eq(jstr(c, "state"), "overdue");
			cr_assert(json_is_null(json_object_get(c, "number")));
		} else {
			cr_assert(json_is_string(json_object_get(c, "number")), "%s", jstr(c, "unit_code"));
		}
	}
	cr_assert(seen);
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "cascade", "1");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Huyện ủy Phước Điền: chưa ban hành, quá hạn"), "%s", r.out);
	cr_assert(strstr(r.out, "└── ") && strstr(r.out, "├── "), "%s", r.out);
	for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		cr_assert_leq(txt_width(p), 80, "%s", p);
	}
	fx_free(&r);
	r = RUN(st, "cascade", "1", "--depth", "1", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(txt_starts_with(r.out, "depth,parent,state,"), "%s", r.out);
	cr_assert_null(strstr(r.out, "\r\n2,"), "depth 1 only:\n%s", r.out);
	fx_free(&r);
	r = RUN(st, "cascade");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
	r = RUN(st, "cascade", "99-KH/XX");
	cr_assert_eq(r.status, 5, "%s", r.err);
	fx_free(&r);
}

Test(cli_report, lint_lists_findings_with_document_and_section)
{
	const char *st = fx_demo();
	json_t *j = RUN_JSON(st, "lint", "--format", "json"), *row;
	size_t i, all = json_array_size(j), no_deadline = 0;
	cr_assert_gt(all, 0);
	json_array_foreach(j, i, row) {
		const char *rule = jstr(row, "rule");
		cr_assert(!strcmp(rule, "no_lead") || !strcmp(rule, "unresolved_lead") ||
		          !strcmp(rule, "no_deadline") || !strcmp(rule, "directive_overdue") ||
		          !strcmp(rule, "no_report"), "%s", rule);
		cr_assert_neq(jstr(row, "doc_number")[0], '\0');
		cr_assert_neq(jstr(row, "section")[0], '\0');
		no_deadline += !strcmp(rule, "no_deadline");
	}
	json_decref(j);
	j = RUN_JSON(st, "lint", "--rule", "no_deadline", "--format", "json");
	cr_assert_eq(json_array_size(j), no_deadline);
	json_decref(j);
	struct run r = RUN(st, "lint", "27-KH/HU", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(txt_starts_with(r.out, "doc_number,section,task_id,"), "%s", r.out);
	for (char *p = strstr(r.out, "\r\n") + 2; *p; p = strstr(p, "\r\n") + 2)
		cr_assert(txt_starts_with(p, "27-KH/HU,"), "%s", p);
	fx_free(&r);
	r = RUN(st, "lint", "--rule", "nonsense");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
}

Test(cli_report, measure_records_and_indicators_show_it)
{
	const char *st = fx_demo();
	json_t *j = RUN_JSON(st, "indicators", "--format", "json"), *row;
	cr_assert_eq(json_array_size(j), 11);
	size_t i;
	json_array_foreach(j, i, row) {
		const char *s = jstr(row, "state");
		cr_assert(!strcmp(s, "met_minimum") || !strcmp(s, "met_aspiration") ||
		          !strcmp(s, "on_track") || !strcmp(s, "at_risk") || !strcmp(s, "missed") ||
		          !strcmp(s, "no_data"), "%s", s);
	}
	json_decref(j);
	j = RUN_JSON(st, "indicators", "3", "--format", "json");
	size_t before = json_array_size(json_object_get(j, "measures"));
	json_decref(j);
	struct run r = RUN(st, "measure", "3", "96,5", "--date", "20/11/2026", "--note",
	                   "Báo cáo của Ban Tổ chức");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "96,5%") && strstr(r.out, "Đánh giá năm 2026: đạt mức phấn đấu."), "%s",
	          r.out);
	fx_free(&r);
	r = RUN(st, "indicators", "3", "--format", "json");
	j = fx_json(&r);
	json_t *ms = json_object_get(j, "measures"), *last = json_array_get(ms, json_array_size(ms) - 1);
	cr_assert_eq(json_array_size(ms), before + 1);
	cr_assert_str_eq(jstr(last, "date"), "2026-11-20");
	cr_assert_str_eq(jstr(last, "note"), "Báo cáo của Ban Tổ chức");
	cr_assert_str_eq(jstr(j, "state"), "met_aspiration");
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "measure", "3", "2.500");
	cr_assert_eq(r.status, 2, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "measure", "3", "50", "--date", "2026-12-01");
	cr_assert_eq(r.status, 3, "%s", r.err);
	fx_free(&r);
	r = RUN(st, "measure", "999", "50");
	cr_assert_eq(r.status, 5, "%s", r.err);
	fx_free(&r);
	fx_check_store(NULL, st);
}

Test(cli_report, a_viewer_may_not_measure)
{
	const char *st = fx_demo();
	char conf[256], units[PATH_MAX];
	snprintf(conf, sizeof conf, "%s/viewer.ini", fx_tmpdir());
	cr_assert_not_null(realpath("conf/units.ini", units));
	FILE *f = fopen(conf, "w");
	cr_assert_not_null(f);
	fprintf(f, "[paths]\nunits = %s\n[users]\nroot = tu, viewer\n", units);
	fclose(f);
	struct run r = fx_run(conf, st, "measure", "3", "50", NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "không có quyền"), "%s", r.err);
	fx_free(&r);
}

Test(cli_report, report_in_every_format)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "report");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "# BÁO CÁO") && strstr(r.out, "### V. Tổng hợp") &&
	          strstr(r.out, "năm 2026") && strstr(r.out, "Huyện ủy Phước Điền: chưa ban hành"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "report", "--unit", "hkl", "--format", "txt");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(txt_starts_with(r.out, "HUYỆN ỦY KIM LÂM\n"), "%s", r.out);
	for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		cr_assert_leq(txt_width(p), 80, "%s", p);
	}
	fx_free(&r);
	r = RUN(st, "report", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	size_t lines = 0;
	for (char *p = r.out; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	cr_assert_geq(lines, 146, "a header and a row per task (notes may span lines)");
	fx_free(&r);
	r = RUN(st, "report", "--doc", "42-KH/ThU", "--period", "2026-Q3", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_eq(jint(json_object_get(j, "summary"), "total"), 38);
	cr_assert_str_eq(jstr(json_object_get(j, "period"), "label"), "quý III năm 2026");
	cr_assert_eq(json_array_size(json_object_get(j, "documents")), 1);
	json_decref(j);
	fx_free(&r);
	r = RUN(st, "report", "--period", "2026-Q7");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
	r = RUN(st, "report", "--format", "pdf");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
}

/* The lead codes of the rows of `overdue` and `due --within 14`. */
static size_t expected_recipients(const char *st, char codes[][32], size_t max)
{
	size_t n = 0;
	struct run rs[2] = {RUN(st, "overdue", "--format", "json"),
	                    RUN(st, "due", "--within", "14", "--format", "json")};
	for (int k = 0; k < 2; k++) {
		json_t *j = fx_json(&rs[k]), *row;
		size_t i;
		json_array_foreach(j, i, row) {
			const char *c = jstr(row, "lead_code");
			size_t m = 0;
			while (m < n && strcmp(codes[m], c))
				m++;
			if (m == n && n < max && *c)
				snprintf(codes[n++], 32, "%s", c);
		}
		json_decref(j);
		fx_free(&rs[k]);
	}
	return n;
}

Test(cli_report, remind_writes_one_letter_per_late_unit)
{
	const char *st = fx_demo();
	char codes[64][32], dir[256], path[512];
	size_t n = expected_recipients(st, codes, 64);
	cr_assert_gt(n, 3);
	snprintf(dir, sizeof dir, "%s/don-doc/2026-11-23", fx_tmpdir());
	struct run r = RUN(st, "remind", "--days", "14", "--out", dir, "--quiet");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, "");
	fx_free(&r);
	size_t files = 0;
	DIR *d = opendir(dir);
	cr_assert_not_null(d);
	for (struct dirent *de; (de = readdir(d));)
		files += de->d_name[0] != '.';
	closedir(d);
	cr_assert_eq(files, n);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s.txt", dir, codes[i]);
		FILE *f = fopen(path, "r");
		cr_assert_not_null(f, "no letter for %s", codes[i]);
		char buf[8192];
		size_t len = fread(buf, 1, sizeof buf - 1, f);
		buf[len] = '\0';
		fclose(f);
		cr_assert(strstr(buf, "Kính gửi: ") && strstr(buf, "ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ"), "%s", buf);
		cr_assert(strstr(buf, "Thời hạn: "), "%s", buf);
	}
	json_t *j = RUN_JSON(st, "remind", "--unit", "hkl", "--format", "json"), *l;
	size_t i;
	cr_assert_gt(json_array_size(j), 0);
	json_array_foreach(j, i, l) {
		cr_assert(txt_starts_with(jstr(l, "unit_code"), "hkl"), "%s", jstr(l, "unit_code"));
		cr_assert_eq(jint(l, "overdue") + jint(l, "due_soon"), (json_int_t)json_array_size(json_object_get(l, "items")));
	}
	json_decref(j);
	r = RUN(st, "remind", "--unit", "hpd");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Không có đơn vị nào"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "remind", "--days", "-1");
	cr_assert_eq(r.status, 2);
	fx_free(&r);
}

/* The text of `cascade DOC --depth 1` up to the blank line, on one line. */
static char *cascade_headline(const char *st, const char *doc)
{
	struct run r = RUN(st, "cascade", doc, "--depth", "1");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *end = strstr(r.out, "\n\n");
	cr_assert_not_null(end, "%s", r.out);
	*end = '\0';
	for (char *p = r.out; *p; p++)
		if (*p == '\n')
			*p = ' ';
	char *s = xstrdup(r.out);
	fx_free(&r);
	return s;
}

Test(cli_report, cascade_keeps_the_dated_plan_and_its_headline_adds_up)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "add-doc", "--title", "Kế hoạch chưa ghi ngày", "--number", "104-KH/ThU",
	                   "--issuer", "ttu", "--implements", "15-CTr/TU");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	char *s = cascade_headline(st, "15-CTr/TU");
	cr_assert(strstr(s, "phải ban hành: 4; đã ban hành 3 (đúng hạn 2, chậm 1); chưa ban hành 1 "
	                    "(quá hạn 1)."), "%s", s);
	free(s);
	r = RUN(st, "cascade", "15-CTr/TU", "--depth", "1", "--format", "json");
	json_t *j = fx_json(&r), *c;
	size_t i;
	json_array_foreach(json_object_get(j, "children"), i, c) {
		if (!strcmp(jstr(c, "number"), "42-KH/ThU"))
			cr_assert_str_eq(jstr(c, "state"), "on_time");
		if (!strcmp(jstr(c, "number"), "104-KH/ThU"))
			cr_assert_str_eq(jstr(c, "state"), "other");
	}
	json_decref(j);
	fx_free(&r);
	/* the only plan of Phước Điền has no date: issued, date unknown */
	r = RUN(st, "add-doc", "--title", "Kế hoạch chưa ghi ngày", "--number", "105-KH/HU", "--issuer",
	        "hpd", "--implements", "15-CTr/TU");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	s = cascade_headline(st, "15-CTr/TU");
	cr_assert(strstr(s, "phải ban hành: 4; đã ban hành 4 (đúng hạn 2, chậm 1, chưa rõ ngày 1); "
	                    "chưa ban hành 0."), "%s", s);
	free(s);
	r = RUN(st, "cascade", "15-CTr/TU", "--format", "json");
	j = fx_json(&r);
	json_t *counts = json_object_get(j, "counts");
	cr_assert_eq(jint(counts, "issued"), jint(counts, "on_time") + jint(counts, "late") + jint(counts, "undated"));
	cr_assert_eq(jint(counts, "undated"), 1);
	json_decref(j);
	fx_free(&r);
}

/* `measure IND VALUE` exits with status, naming in_err (or NULL) on stderr. */
static void measure_is(const char *st, const char *ind, const char *value, int status,
                       const char *in_err)
{
	struct run r = RUN(st, "measure", ind, value);
	cr_assert_eq(r.status, status, "measure %s %s: %s", ind, value, r.err);
	if (in_err)
		cr_assert(strstr(r.err, in_err), "%s", r.err);
	fx_free(&r);
}

Test(cli_report, measure_refuses_a_percentage_outside_0_to_100)
{
	const char *st = fx_demo();
	measure_is(st, "3", "-5", 3, "-5%");
	measure_is(st, "3", "150", 3, "150% không hợp lệ cho chỉ tiêu #3: tỷ lệ phần trăm phải từ 0 đến 100");
	measure_is(st, "4", "-1", 3, "không nhận giá trị âm"); /* a count */
	measure_is(st, "3", "100", 0, NULL);
}

Test(cli_report, reminder_is_dated_at_the_committee_s_place)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "remind", "--unit", "tu-btg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\nSơn Hà, ngày 23 tháng 11 năm 2026\n"), "%s", r.out);
	fx_free(&r);
}

Test(cli_report, summary_csv_writes_the_rate_as_a_number)
{
	const char *st = fx_demo();
	struct run r = RUN(st, "summary", "--format", "json");
	json_t *j = fx_json(&r);
	double rate = json_real_value(json_object_get(json_object_get(j, "summary"), "completion_rate"));
	cr_assert_gt(rate, 0);
	json_decref(j);
	fx_free(&r);
	char want[64];
	snprintf(want, sizeof want, ",%.1f,", rate);
	if (strstr(want, ".0,"))
		snprintf(want, sizeof want, ",%.0f,", rate);
	r = RUN(st, "summary", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *total = strstr(r.out, "\r\ntotal,");
	cr_assert_not_null(total, "%s", r.out);
	*strstr(total + 2, "\r\n") = '\0';
	cr_assert(strstr(total, want), "want %s in %s", want, total + 2);
	cr_assert_null(strstr(r.out, "%"), "no percent sign in CSV: %s", r.out);
	fx_free(&r);
	r = RUN(st, "summary");
	cr_assert_eq(r.status, 0, "%s", r.err);
	snprintf(want, sizeof want, "tỷ lệ hoàn thành đạt %.1f%%", rate);
	*strchr(want, '.') = ',';
	cr_assert(strstr(r.out, want), "want %s in %s", want, r.out);
	fx_free(&r);
}
