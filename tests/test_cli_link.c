/* test_cli_link.c — names linked to units once, through the binary: a
 * board named after a committee that lacks it stays unresolved (never the
 * Tỉnh ủy's board of the same name), `unresolved` lists it with its count
 * and documents, `link` applies to every task written so and is
 * remembered for the next import; bad input changes nothing. */
#include "cli-run.c.inc"

#include "admin-conf.h"
#include "util.h"

static const char plan[] =
	"TỈNH ỦY SƠN HÀ\n\nSố: %s\n\nSơn Hà, ngày 12 tháng 6 năm 2026\n\nKẾ HOẠCH\n\n"
	"về công tác tuyên truyền năm 2026\n\n"
	"Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n\n"
	"I. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức.\n\nII. NHIỆM VỤ\n\n"
	"1. Ban Tuyên giáo Đảng ủy Khối chủ trì tuyên truyền trong các cơ quan khối (hoàn "
	"thành trong quý III/2026).\n\n"
	"2. Ban Tuyên giáo Đảng ủy Khối chủ trì biên soạn tài liệu (hoàn thành trong quý "
	"IV/2026).\n\n"
	"3. Ban Tổ chức Đảng ủy Khối chủ trì rà soát đội ngũ (hoàn thành trước ngày 30/9/2026).\n\n"
	"4. Ban Tuyên giáo chủ trì, phối hợp với Hội Nông dân tỉnh tổng kết công tác tuyên "
	"truyền (hoàn thành trong quý IV/2026).\n\n"
	"III. TỔ CHỨC THỰC HIỆN\n\nVăn phòng Tỉnh ủy theo dõi, đôn đốc.\n";

/* The plan numbered `number`, written into the test's directory. */
static const char *plan_file(const char *number)
{
	static char path[4][512];
	static int n;
	char *p = path[n++ % 4];
	snprintf(p, 512, "%s/%s.txt", fx_tmpdir(), number[0] == '8' && number[1] == '8' ? "a" : "b");
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fprintf(f, plan, number);
	fclose(f);
	return p;
}

/* A new store with the plan imported. */
static const char *store_with_plan(void)
{
	static char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	struct run r = fx_run(NULL, st, "init", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", plan_file("88-KH/TU"), NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.err, "theodoi link \"Ban Tuyên giáo Đảng ủy Khối\""),
	          "the warning does not say how to link: %s", r.err);
	fx_free(&r);
	return st;
}

/* The lead codes of the tasks of document `doc`, in order, "-" for none. */
static void leads(const char *st, const char *doc, char *out, size_t len)
{
	json_t *j = fx_run_json(NULL, st, "tasks", "--doc", doc, "--format", "json", NULL), *row;
	size_t i;
	out[0] = '\0';
	json_array_foreach(j, i, row) {
		const char *code = json_string_value(json_object_get(row, "lead_code"));
		size_t n = strlen(out);
		snprintf(out + n, len - n, "%s%s", i ? " " : "", code && *code ? code : "-");
	}
	json_decref(j);
}

Test(cli_link, a_board_of_a_committee_that_lacks_it_is_not_another_committees)
{
	const char *st = store_with_plan();
	char got[256];
	leads(st, "88-KH/TU", got, sizeof got);
	cr_assert_str_eq(got, "- - duk-btc tu-btg tu-vp");
}

Test(cli_link, unresolved_lists_names_with_counts_and_documents)
{
	const char *st = store_with_plan();
	struct run r = fx_run(NULL, st, "unresolved", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 2, "%s", r.out);
	json_t *u = json_array_get(j, 0);
	cr_assert_str_eq(json_string_value(json_object_get(u, "name")), "Ban Tuyên giáo Đảng ủy Khối");
	cr_assert_str_eq(json_string_value(json_object_get(u, "role")), "chủ trì");
	cr_assert_eq(json_integer_value(json_object_get(u, "tasks")), 2);
	cr_assert(strstr(json_string_value(json_object_get(u, "docs")), "#1 88-KH/TU"), "%s", r.out);
	u = json_array_get(j, 1);
	cr_assert_str_eq(json_string_value(json_object_get(u, "name")), "Hội Nông dân tỉnh");
	cr_assert_str_eq(json_string_value(json_object_get(u, "role")), "phối hợp");
	cr_assert_eq(json_integer_value(json_object_get(u, "tasks")), 1);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "unresolved", NULL);
	cr_assert(strstr(r.out, "theodoi link"), "%s", r.out);
	fx_free(&r);
}

/* The roots' rows of `units` and its last row, of the tasks without a lead
 * unit (in no unit's subtree), add up to the store's figures: overdue
 * --count and summary's total.  *rest_total gets the last row's total (0
 * when there is no such row). */
static void figures_add_up(const char *st, long long *rest_total)
{
	json_t *j = fx_run_json(NULL, st, "units", "--format", "json", NULL), *row;
	size_t i;
	long long overdue = 0, total = 0;
	*rest_total = 0;
	json_array_foreach(j, i, row) {
		int rest = json_is_null(json_object_get(row, "code"));
		if (!rest && json_integer_value(json_object_get(row, "depth")) != 0)
			continue;
		overdue += json_integer_value(json_object_get(row, "overdue"));
		total += json_integer_value(json_object_get(row, "total"));
		if (rest) {
			cr_assert_str_eq(json_string_value(json_object_get(row, "name")),
			                 "(chưa xác định đơn vị chủ trì)");
			*rest_total = json_integer_value(json_object_get(row, "total"));
		}
	}
	json_decref(j);
	struct run r = fx_run(NULL, st, "overdue", "--count", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(atoll(r.out), overdue, "overdue --count %s, units %lld", r.out, overdue);
	fx_free(&r);
	r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(j, "summary"), "total")),
	             total, "%s", r.out);
	json_decref(j);
	fx_free(&r);
}

Test(cli_link, the_units_figures_add_up_before_and_after_link)
{
	const char *st = store_with_plan();
	long long rest;
	figures_add_up(st, &rest);
	cr_assert_eq(rest, 2, "the two tasks of the unresolved lead");
	/* the text and csv forms have the row too */
	struct run r = fx_run(NULL, st, "units", NULL);
	cr_assert(strstr(r.out, "(chưa xác định đơn vị chủ trì)"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "units", "--format", "csv", NULL);
	cr_assert(strstr(r.out, "(chưa xác định đơn vị chủ trì)"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "link", "Ban Tuyên giáo Đảng ủy Khối", "duk-vp", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	figures_add_up(st, &rest);
	cr_assert_eq(rest, 0);
	r = fx_run(NULL, st, "units", NULL);
	cr_assert(!strstr(r.out, "(chưa xác định đơn vị chủ trì)"), "%s", r.out);
	fx_free(&r);
}

/* A lead that lists several units none of which resolves (the Thành ủy's
 * plan, IV.8): link takes one name, so every message about it says to set
 * the lead task by task (edit-task --lead), and that works. */
Test(cli_link, a_lead_listing_several_units_is_set_task_by_task)
{
	char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	struct run r = fx_run(NULL, st, "init", NULL);
	fx_free(&r);
	const char *name = "Chi bộ Tòa án nhân dân thành phố, Viện kiểm sát nhân dân thành phố";
	r = fx_run(NULL, st, "import", "../shared/samples/thanh-uy-ke-hoach.txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.err, "nêu nhiều đơn vị: chọn đơn vị chủ trì bằng theodoi edit-task MÃ "
	                        "--lead MÃ_ĐƠN_VỊ"), "%s", r.err);
	cr_assert(!strstr(r.err, "theodoi link \"Chi bộ Tòa án"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "unresolved", NULL);
	cr_assert(strstr(r.out, "1 tên chủ trì nêu nhiều đơn vị: chọn đơn vị chủ trì cho từng nhiệm "
	                        "vụ (theodoi edit-task MÃ --lead MÃ_ĐƠN_VỊ)"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "link", name, "ttu", NULL);
	cr_assert_neq(r.status, 0);
	cr_assert(strstr(r.err, "chọn đơn vị chủ trì cho từng nhiệm vụ (theodoi edit-task"), "%s",
	          r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--format", "json", "--limit", "1000", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	char id[24] = "";
	json_array_foreach(j, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "section")), "IV.8"))
			snprintf(id, sizeof id, "%lld",
			         (long long)json_integer_value(json_object_get(row, "id")));
	json_decref(j);
	fx_free(&r);
	cr_assert(id[0]);
	r = fx_run(NULL, st, "edit-task", id, "--lead", "ttu", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "unresolved", "--format", "json", NULL);
	cr_assert(!strstr(r.out, "Chi bộ Tòa án"), "%s", r.out);
	fx_free(&r);
}

Test(cli_link, link_applies_to_every_task_and_to_later_imports)
{
	const char *st = store_with_plan();
	struct run r = fx_run(NULL, st, "link", "BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI", "duk-vp", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "2 nhiệm vụ") && strstr(r.out, "duk-vp"), "%s", r.out);
	fx_free(&r);
	char got[256];
	leads(st, "88-KH/TU", got, sizeof got);
	cr_assert_str_eq(got, "duk-vp duk-vp duk-btc tu-btg tu-vp");
	/* a partner name: the task gets the unit among its partners */
	r = fx_run(NULL, st, "link", "Hội Nông dân tỉnh", "tu-mttq", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 nhiệm vụ"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--partner", "tu-mttq", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1, "%s", r.out);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "unresolved", "--format", "json", NULL);
	cr_assert_str_eq(r.out, "[]\n");
	fx_free(&r);
	/* the counters follow: the unit's subtree counts its two tasks */
	r = fx_run(NULL, st, "tasks", "--unit", "duk", "--subtree", "--format", "json", NULL);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 3, "%s", r.out);
	json_decref(j);
	fx_free(&r);
	fx_check_store(NULL, st);
	r = fx_run(NULL, st, "log", "--action", "link", "--format", "json", NULL);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 2);
	/* newest first: the first link is the last entry */
	json_t *after = json_object_get(json_array_get(j, 1), "after");
	cr_assert_eq(json_integer_value(json_object_get(after, "tasks")), 2);
	json_decref(j);
	fx_free(&r);
	/* remembered: the next plan resolves the name */
	r = fx_run(NULL, st, "import", plan_file("89-KH/TU"), NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_null(strstr(r.err, "Ban Tuyên giáo Đảng ủy Khối"), "%s", r.err);
	fx_free(&r);
	leads(st, "89-KH/TU", got, sizeof got);
	cr_assert_str_eq(got, "duk-vp duk-vp duk-btc tu-btg tu-vp");
	/* linked again: the tasks it gave the name move to the new unit */
	r = fx_run(NULL, st, "link", "Ban Tuyên giáo Đảng ủy Khối", "duk-ubkt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "4 nhiệm vụ"), "%s", r.out);
	fx_free(&r);
	leads(st, "88-KH/TU", got, sizeof got);
	cr_assert_str_eq(got, "duk-ubkt duk-ubkt duk-btc tu-btg tu-vp");
	r = fx_run(NULL, st, "link", "Ban Tuyên giáo Đảng ủy Khối", "duk-vp", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* kept in the store: an export read into a new store still knows it */
	char json[600], st2[600];
	snprintf(json, sizeof json, "%s/x.json", fx_tmpdir());
	snprintf(st2, sizeof st2, "%s/store2", fx_tmpdir());
	r = fx_run(NULL, st, "export", "--out", json, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st2, "import-json", json, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st2, "tasks", "--unit", "Ban Tuyên giáo Đảng ủy Khối", "--format", "json",
	           NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 4, "%s", r.out);
	json_decref(j);
	fx_free(&r);
}

Test(cli_link, bad_links_change_nothing)
{
	const char *st = store_with_plan();
	struct run r = fx_run(NULL, st, "export", NULL);
	char *before = r.out;
	free(r.err);
	const char *ed = ac_conf("editor", "tu-btg", "editor", NULL);
	struct {
		const char *conf;
		int status;
		const char *a, *b, *c;
		const char *want;
	} cases[] = {
		{NULL, ERR_NOTFOUND, "link", "Ban Tuyên giáo Đảng ủy Khối", "khong-co", "khong-co"},
		{NULL, ERR_INPUT, "link", "Ban Tuyên giáo, Ban Dân vận", "tu-btg", "danh sách"},
		{NULL, ERR_INPUT, "link", "   ", "tu-btg", "cần tên"},
		/* the name names the Đảng ủy Khối: not the Tỉnh ủy's board */
		{NULL, ERR_INPUT, "link", "Ban Tuyên giáo Đảng ủy Khối", "tu-btg", "không thuộc Đảng ủy Khối"},
		{NULL, ERR_USAGE, "link", "Ban Tuyên giáo Đảng ủy Khối", NULL, "TÊN và ĐƠN_VỊ"},
		{ed, ERR_DENIED, "link", "Ban Tuyên giáo Đảng ủy Khối", "tu-btg", "link"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r = fx_run(cases[i].conf, st, cases[i].a, cases[i].b, cases[i].c, NULL);
		cr_assert_eq(r.status, cases[i].status, "case %zu: %d %s", i, r.status, r.err);
		cr_assert(strstr(r.err, cases[i].want), "case %zu: %s", i, r.err);
		fx_free(&r);
	}
	r = fx_run(NULL, st, "export", NULL);
	cr_assert_str_eq(before, r.out, "a refused link changed the store");
	fx_free(&r);
	free(before);
}

/* import --replace: a task gone from the new text leaves like a deleted
 * task, and restore-task brings it back with its history. */
Test(cli_link, a_task_gone_from_a_reimported_text_can_be_restored)
{
	const char *st = store_with_plan();
	char got[256];
	leads(st, "88-KH/TU", got, sizeof got);
	cr_assert_str_eq(got, "- - duk-btc tu-btg tu-vp");
	/* the Ban Tổ chức task (the third) gets an update, then leaves the text */
	struct run r = fx_run(NULL, st, "tasks", "--doc", "88-KH/TU", "--unit", "duk-btc", "--format",
	                      "json", NULL);
	json_t *j = fx_json(&r);
	char id[24];
	snprintf(id, sizeof id, "%lld",
	         (long long)json_integer_value(json_object_get(json_array_get(j, 0), "id")));
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "update", id, "--note", "Đã rà soát", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	char path[600];
	snprintf(path, sizeof path, "%s/short.txt", fx_tmpdir());
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	char *text = xmalloc(sizeof plan + 64);
	snprintf(text, sizeof plan + 64, plan, "88-KH/TU");
	char *cut = strstr(text, "3. Ban Tổ chức Đảng ủy Khối");
	char *end = cut ? strstr(cut, "\n\n") : NULL;
	cr_assert(cut && end);
	memmove(cut, end + 2, strlen(end + 2) + 1);
	fputs(text, f);
	fclose(f);
	free(text);
	/* it carries an update: refused without --force */
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", "--force", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-task", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert(strstr(r.out, "Đã rà soát"), "%s", r.out);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* "Ban Thường vụ Tỉnh đoàn" (the Youth Union) is never the Tỉnh ủy: in the
 * sample program it stays an unresolved partner, and the Tỉnh ủy is no
 * partner of any task. */
Test(cli_link, the_youth_union_is_not_the_committee)
{
	const char *st = fx_store_with("../shared/samples/tinh-uy-chuong-trinh.txt");
	struct run r = fx_run(NULL, st, "tasks", "--partner", "tu", "--format", "json", NULL);
	cr_assert_str_eq(r.out, "[]\n");
	fx_free(&r);
	r = fx_run(NULL, st, "unresolved", NULL);
	cr_assert(strstr(r.out, "Ban Thường vụ Tỉnh đoàn"), "%s", r.out);
	fx_free(&r);
}
