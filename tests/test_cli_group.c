/* test_cli_group.c — obligations on many units through the binary: every
 * group phrase of the two sample plans opens, at import, into one
 * obligation per unit of that group under the issuer, each its own task;
 * the group task shows the roll-up; opening again (expand-task) adds only
 * units added to the hierarchy since; bad input changes nothing. */
#include "cli-run.c.inc"

#include "admin-conf.h"
#include "util.h"

#define SAMPLES "../shared/samples/"

/* A new store (configuration conf, NULL: the sample) with both sample plans. */
static const char *store_with_samples(const char *conf)
{
	static char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	const char *files[] = {"init", SAMPLES "tinh-uy-chuong-trinh.txt",
	                       SAMPLES "thanh-uy-ke-hoach.txt"};
	for (int i = 0; i < 3; i++) {
		struct run r = i ? fx_run(conf, st, "import", files[i], NULL)
		                 : fx_run(conf, st, "init", NULL);
		cr_assert_eq(r.status, 0, "%s: %s", files[i], r.err);
		/* the import says which tasks are on a group, opened to their units */
		if (i == 1)
			cr_assert(strstr(r.out, "6 nhiệm vụ chung của nhiều cơ quan đã tách thành 24 "
			                        "nghĩa vụ của từng đơn vị"), "%s", r.out);
		if (i == 2)
			cr_assert(strstr(r.out, "5 nhiệm vụ chung của nhiều cơ quan đã tách thành 19 "
			                        "nghĩa vụ của từng đơn vị"), "%s", r.out);
		cr_assert(!strstr(r.out, "chưa tách được"), "%s", r.out);
		fx_free(&r);
	}
	return st;
}

/* The id of the task of document `doc` whose lead is written starting
 * with `lead`, as text. */
static const char *group_task(const char *st, const char *doc, const char *lead)
{
	static char id[24];
	struct run r = fx_run(NULL, st, "tasks", "--doc", doc, "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	id[0] = '\0';
	json_array_foreach(j, i, row) {
		const char *name = json_string_value(json_object_get(row, "lead_name"));
		if (!id[0] && name && !strncmp(name, lead, strlen(lead)))
			snprintf(id, sizeof id, "%lld",
			         (long long)json_integer_value(json_object_get(row, "id")));
	}
	json_decref(j);
	fx_free(&r);
	cr_assert(id[0], "no task led by '%s' in document %s", lead, doc);
	return id;
}

/* The lead codes of the obligations of group task `id` (sections
 * SECTION@code), in order, space-separated. */
static void obligations(const char *conf, const char *st, const char *id, char *out, size_t len)
{
	struct run r = fx_run(conf, st, "show", id, "--format", "json", NULL);
	json_t *g = fx_json(&r);
	char doc[24], prefix[64];
	snprintf(doc, sizeof doc, "%lld", (long long)json_integer_value(json_object_get(g, "doc_id")));
	snprintf(prefix, sizeof prefix, "%s@", json_string_value(json_object_get(g, "section")));
	json_decref(g);
	fx_free(&r);
	r = fx_run(conf, st, "tasks", "--doc", doc, "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	out[0] = '\0';
	json_array_foreach(j, i, row) {
		const char *sec = json_string_value(json_object_get(row, "section"));
		if (strncmp(sec, prefix, strlen(prefix)))
			continue;
		cr_assert_str_eq(sec + strlen(prefix),
		                 json_string_value(json_object_get(row, "lead_code")));
		size_t n = strlen(out);
		snprintf(out + n, len - n, "%s%s", n ? " " : "", sec + strlen(prefix));
	}
	json_decref(j);
	fx_free(&r);
}

static void expand(const char *conf, const char *st, const char *id, const char *want_out)
{
	struct run r = fx_run(conf, st, "expand-task", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, want_out), "%s", r.out);
	fx_free(&r);
}

Test(cli_group, every_group_phrase_of_the_samples_opens_to_its_units_at_import)
{
	const char *st = store_with_samples(NULL);
	struct {
		const char *doc, *lead, *units;
	} cases[] = {
		{"1", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", "ttu hkl hpd duk"},
		{"1", "Cấp ủy, tổ chức đảng", "ttu hkl hpd duk"},
		{"2", "Các cấp ủy, tổ chức đảng", "ttu-anphu ttu-donghoa ttu-tanlap ttu-cbbv"},
		{"2", "Thành ủy, Ban Thường vụ Thành ủy, các cấp ủy, tổ chức đảng",
		 "ttu-anphu ttu-donghoa ttu-tanlap ttu-cbbv"},
		{"2", "Các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy",
		 "ttu-anphu ttu-donghoa ttu-tanlap ttu-cbbv"},
		{"2", "Văn phòng, các ban xây dựng Đảng", "ttu-btc ttu-btg ttu-bdv"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *id = group_task(st, cases[i].doc, cases[i].lead);
		char got[256];
		obligations(NULL, st, id, got, sizeof got);
		cr_assert_str_eq(got, cases[i].units, "%s", cases[i].lead);
		/* opening again makes nothing new */
		struct run r = fx_run(NULL, st, "expand-task", id, NULL);
		cr_assert_eq(r.status, 0, "%s: %s", cases[i].lead, r.err);
		cr_assert(strstr(r.out, "đã tạo 0 nghĩa vụ"), "%s: %s", cases[i].lead, r.out);
		fx_free(&r);
	}
	/* each opening audited with the import */
	struct run r = fx_run(NULL, st, "log", "--action", "expand-task", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	fx_free(&r);
	cr_assert_eq(json_array_size(j), 11 + sizeof cases / sizeof cases[0]);
	json_decref(j);
	fx_check_store(NULL, st);
}

/* "Cấp ủy, tổ chức đảng" (no "các") names a group for every part of the
 * program alike: import's warning and dry run, the opening, show,
 * unresolved and link. */
Test(cli_group, a_group_lead_without_cac_is_a_group_everywhere)
{
	char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	struct run r = fx_run(NULL, st, "init", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--dry-run", "--format", "json",
	           SAMPLES "tinh-uy-chuong-trinh.txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *t;
	size_t i, seen = 0;
	json_array_foreach(json_object_get(j, "tasks"), i, t)
		if (!strcmp(json_string_value(json_object_get(t, "section")), "III.1.1")) {
			cr_assert(json_is_true(json_object_get(t, "lead_group")));
			cr_assert(json_is_null(json_object_get(t, "lead_unit")));
			seen++;
		}
	cr_assert_eq(seen, 1);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "import", SAMPLES "tinh-uy-chuong-trinh.txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.err, "“Cấp ủy, tổ chức đảng” (mục III.1.1) là nhiệm vụ chung của "
	                        "nhiều cơ quan"), "%s", r.err);
	cr_assert(!strstr(r.err, "không xác định được đơn vị chủ trì “Cấp ủy"), "%s", r.err);
	cr_assert(!strstr(r.err, "link \"Cấp ủy"), "%s", r.err);
	fx_free(&r);
	const char *id = group_task(st, "1", "Cấp ủy, tổ chức đảng");
	char got[256];
	obligations(NULL, st, id, got, sizeof got);
	cr_assert_str_eq(got, "ttu hkl hpd duk");
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert(strstr(r.out, "Cấp ủy, tổ chức đảng (nhiệm vụ chung của nhiều cơ quan)"), "%s",
	          r.out);
	cr_assert(!strstr(r.out, "chưa xác định đơn vị"), "%s", r.out);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert(json_is_true(json_object_get(json_object_get(j, "lead"), "group")));
	json_decref(j);
	r = fx_run(NULL, st, "unresolved", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(!strstr(r.out, "Cấp ủy, tổ chức đảng"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "link", "Cấp ủy, tổ chức đảng", "tu-vp", NULL);
	cr_assert_neq(r.status, 0);
	cr_assert(strstr(r.err, "là nhiệm vụ chung của nhiều cơ quan, không phải tên một đơn vị"),
	          "%s", r.err);
	fx_free(&r);
}

/* Every file of both samples (text, Word, OpenDocument, Word 97, PDF),
 * through the binary: the dry run's lead_group and its warnings agree on
 * the group leads, and no group lead is called unresolved. */
Test(cli_group, the_samples_group_leads_agree_in_every_file_format)
{
	static const char *const files[] = {"txt", "docx", "autonum.docx", "odt", "doc", "pdf"};
	static const struct {
		const char *name, *group, *section;
	} samples[] = {
		{"tinh-uy-chuong-trinh", "Cấp ủy, tổ chức đảng", "III.1.1"},
		{"thanh-uy-ke-hoach", "Các cấp ủy, tổ chức đảng", "III.1#2"},
	};
	char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	struct run r = fx_run(NULL, st, "init", NULL);
	fx_free(&r);
	for (size_t s = 0; s < 2; s++)
		for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
			char path[256], warn[256];
			snprintf(path, sizeof path, SAMPLES "%s.%s", samples[s].name, files[f]);
			r = fx_run(NULL, st, "import", "--dry-run", "--format", "json", path, NULL);
			cr_assert_eq(r.status, 0, "%s: %s", path, r.err);
			snprintf(warn, sizeof warn, "“%s” (mục %s) là nhiệm vụ chung của nhiều cơ quan",
			         samples[s].group, samples[s].section);
			json_t *j = fx_json(&r), *t;
			char *ws = json_dumps(json_object_get(j, "warnings"), JSON_COMPACT);
			cr_expect(ws && strstr(ws, warn), "%s: %s", path, ws);
			cr_expect(ws && !strstr(ws, "không xác định được đơn vị chủ trì “Cấp ủy") &&
			          !strstr(ws, "không xác định được đơn vị chủ trì “Các"), "%s: %s", path, ws);
			free(ws);
			size_t i, groups = 0;
			json_array_foreach(json_object_get(j, "tasks"), i, t) {
				const char *lead = json_string_value(json_object_get(t, "lead"));
				int group = json_is_true(json_object_get(t, "lead_group"));
				groups += group;
				if (lead && !strcmp(lead, samples[s].group))
					cr_expect(group && json_is_null(json_object_get(t, "lead_unit")),
					          "%s %s", path, lead);
				if (group)
					cr_expect(json_is_null(json_object_get(t, "lead_unit")), "%s", path);
			}
			cr_expect_geq(groups, 5, "%s: %zu group tasks", path, groups);
			json_decref(j);
			fx_free(&r);
		}
}

Test(cli_group, the_group_task_rolls_up_its_obligations)
{
	const char *st = store_with_samples(NULL);
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	/* the Thành ủy reports its obligation done */
	json_t *j = fx_show(st, id);
	char ob_section[64];
	snprintf(ob_section, sizeof ob_section, "%s@ttu",
	         json_string_value(json_object_get(j, "section")));
	json_decref(j);
	struct run r =
		fx_run(NULL, st, "tasks", "--unit", "ttu", "--doc", "1", "--format", "json", NULL);
	j = fx_json(&r);
	char ob[24] = "";
	json_t *row;
	size_t i;
	json_array_foreach(j, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "section")), ob_section))
			snprintf(ob, sizeof ob, "%lld",
			         (long long)json_integer_value(json_object_get(row, "id")));
	cr_assert(ob[0], "%s", r.out);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "update", ob, "--status", "done", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", id, "--format", "json", NULL);
	j = fx_json(&r);
	json_t *o = json_object_get(j, "obligations");
	cr_assert_eq(json_integer_value(json_object_get(o, "units")), 4, "%s", r.out);
	cr_assert_eq(json_integer_value(json_object_get(o, "done")), 1);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert(strstr(r.out, "1/4 đơn vị đã thực hiện"), "%s", r.out);
	fx_free(&r);
	/* opening again makes nothing new; audited once each time */
	expand(NULL, st, id, "nhóm gồm 4 đơn vị; đã tạo 0 nghĩa vụ");
	r = fx_run(NULL, st, "log", "--action", "expand-task", "--format", "json", NULL);
	j = fx_json(&r);
	char obj[40];
	snprintf(obj, sizeof obj, "task:%s", id);
	int n = 0;
	json_array_foreach(j, i, row)
		n += !strcmp(json_string_value(json_object_get(row, "object")), obj);
	cr_assert_eq(n, 2);
	json_decref(j);
	fx_free(&r);
}

Test(cli_group, a_unit_added_later_gets_its_obligation)
{
	char units[600], conf[600];
	snprintf(units, sizeof units, "%s/units.ini", fx_tmpdir());
	snprintf(conf, sizeof conf, "%s/theodoi.ini", fx_tmpdir());
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "cp conf/units.ini %s", units);
	cr_assert_eq(system(cmd), 0);
	FILE *f = fopen(conf, "w");
	cr_assert_not_null(f);
	fprintf(f, "[paths]\nunits = %s\n[users]\n%s = tu-vp, admin\n", units, ac_login());
	fclose(f);
	const char *st = store_with_samples(conf);
	char id[24], got[256];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	obligations(conf, st, id, got, sizeof got);
	cr_assert_str_eq(got, "ttu hkl hpd duk");
	f = fopen(units, "a");
	cr_assert_not_null(f);
	fputs("\n[hmoi]\nname = Huyện ủy Tân Mới\nkind = huyen_uy\nparent = tu\n", f);
	fclose(f);
	expand(conf, st, id, "nhóm gồm 5 đơn vị; đã tạo 1 nghĩa vụ");
	obligations(conf, st, id, got, sizeof got);
	cr_assert(strstr(got, "hmoi") && strstr(got, "ttu"), "%s", got);
}

Test(cli_group, bad_expansions_change_nothing)
{
	const char *st = store_with_samples(NULL);
	struct run r = fx_run(NULL, st, "export", NULL);
	char *before = r.out;
	free(r.err);
	const char *ed = ac_conf("editor", "tu-btc", "editor", NULL);
	const char *led = group_task(st, "1", "Ban Tổ chức");
	char led_id[24];
	snprintf(led_id, sizeof led_id, "%s", led);
	struct {
		const char *conf, *id;
		int status;
		const char *want;
	} cases[] = {
		{NULL, led_id, ERR_INPUT, "nhóm"},
		{NULL, "99999", ERR_NOTFOUND, "#99999"},
		{NULL, "abc", ERR_INPUT, "abc"},
		{ed, "1", ERR_DENIED, "expand-task"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r = fx_run(cases[i].conf, st, "expand-task", cases[i].id, NULL);
		cr_assert_eq(r.status, cases[i].status, "case %zu: %d %s", i, r.status, r.err);
		cr_assert(strstr(r.err, cases[i].want), "case %zu: %s", i, r.err);
		fx_free(&r);
	}
	r = fx_run(NULL, st, "export", NULL);
	cr_assert_str_eq(before, r.out);
	fx_free(&r);
	free(before);
}

/* cascade counts every body the document obliges, the units of an opened
 * group included, with what each owes; the opened group task owes nothing:
 * the Huyện ủy Kim Lâm owes the Tỉnh ủy program only through its groups. */
Test(cli_group, cascade_counts_every_obliged_body)
{
	const char *st = store_with_samples(NULL);
	struct run r = fx_run(NULL, st, "cascade", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	size_t bodies = json_array_size(json_object_get(j, "bodies"));
	cr_assert_gt(bodies, 5, "%s", r.out);
	json_t *b, *hkl = NULL;
	size_t i;
	json_array_foreach(json_object_get(j, "bodies"), i, b)
		if (!strcmp(json_string_value(json_object_get(b, "unit_code")), "hkl"))
			hkl = b;
	cr_assert_not_null(hkl, "%s", r.out);
	/* one obligation for each of the program's six group tasks */
	cr_assert_eq(json_integer_value(json_object_get(hkl, "tasks")), 6, "%s", r.out);
	json_decref(j);
	fx_free(&r);
	/* the groups are no tasks without a unit: deleting one's obligation of
	 * the Huyện ủy leaves one less task for it */
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	j = fx_show(st, id);
	char sec[64];
	snprintf(sec, sizeof sec, "%s@hkl", json_string_value(json_object_get(j, "section")));
	json_decref(j);
	r = fx_run(NULL, st, "tasks", "--unit", "hkl", "--doc", "1", "--format", "json", NULL);
	j = fx_json(&r);
	char ob[24] = "";
	json_t *row;
	json_array_foreach(j, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "section")), sec))
			snprintf(ob, sizeof ob, "%lld",
			         (long long)json_integer_value(json_object_get(row, "id")));
	json_decref(j);
	fx_free(&r);
	cr_assert(ob[0]);
	r = fx_run(NULL, st, "delete-task", ob, "--reason", "thử", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "cascade", "1", "--format", "json", NULL);
	j = fx_json(&r);
	hkl = NULL;
	json_array_foreach(json_object_get(j, "bodies"), i, b)
		if (!strcmp(json_string_value(json_object_get(b, "unit_code")), "hkl"))
			hkl = b;
	cr_assert_not_null(hkl, "%s", r.out);
	cr_assert_eq(json_integer_value(json_object_get(hkl, "tasks")), 5, "%s", r.out);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "cascade", "1", NULL);
	cr_assert(strstr(r.out, "Các đơn vị được giao nhiệm vụ theo văn bản") &&
	          strstr(r.out, "Huyện ủy Kim Lâm: "), "%s", r.out);
	fx_free(&r);
}

/* The rule ids of document `doc`'s lint rows for task `id`, as
 * "unresolved_lead no_deadline". */
static void lint_rules(const char *st, const char *id, char *out, size_t len)
{
	struct run r = fx_run(NULL, st, "lint", "1", "--rule", "unresolved_lead", "--format", "json",
	                      NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *row;
	size_t i;
	out[0] = '\0';
	json_array_foreach(j, i, row)
		if (json_integer_value(json_object_get(row, "task_id")) == atoll(id)) {
			size_t n = strlen(out);
			snprintf(out + n, len - n, "%s%s", n ? " " : "",
			         json_string_value(json_object_get(row, "rule")));
		}
	json_decref(j);
	fx_free(&r);
}

/* An opened group task is no unresolved lead for lint: each obligation has
 * its unit.  With its obligations gone, it is again. */
Test(cli_group, lint_leaves_an_opened_group_task_alone)
{
	const char *st = store_with_samples(NULL);
	char id[24], got[128];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	lint_rules(st, id, got, sizeof got);
	cr_assert_str_eq(got, "");
	json_t *g = fx_show(st, id);
	char prefix[64];
	snprintf(prefix, sizeof prefix, "%s@", json_string_value(json_object_get(g, "section")));
	json_decref(g);
	struct run r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	fx_free(&r);
	size_t i;
	json_array_foreach(j, i, row) {
		if (strncmp(json_string_value(json_object_get(row, "section")), prefix, strlen(prefix)))
			continue;
		char ob[24];
		snprintf(ob, sizeof ob, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
		r = fx_run(NULL, st, "delete-task", ob, "--reason", "thử", NULL);
		cr_assert_eq(r.status, 0, "%s", r.err);
		fx_free(&r);
	}
	json_decref(j);
	lint_rules(st, id, got, sizeof got);
	cr_assert_str_eq(got, "unresolved_lead");
}

/* ---- an opened group task is counted through its obligations ---------- */

struct figures {
	long long total, overdue_in_summary, overdue, report_rows, docs_ntasks;
	int group_in_report; /* the report's rows name group task `group` */
};

static struct figures figures_of(const char *st, long long group)
{
	struct figures f = {0};
	struct run r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *s = json_object_get(j, "summary");
	f.total = json_integer_value(json_object_get(s, "total"));
	f.overdue_in_summary = json_integer_value(json_object_get(s, "due_overdue"));
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "overdue", "--count", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	f.overdue = atoll(r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "report", "--format", "csv", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* a row after the header: doc_number,section,task_id,... */
	for (const char *p = r.out; (p = strchr(p, '\n')) && p[1]; p++) {
		f.report_rows++;
		const char *c = strchr(p + 1, ',');
		c = c ? strchr(c + 1, ',') : NULL;
		if (c && atoll(c + 1) == group)
			f.group_in_report = 1;
	}
	fx_free(&r);
	r = fx_run(NULL, st, "docs", "--format", "json", NULL);
	j = fx_json(&r);
	json_t *row;
	size_t i;
	json_array_foreach(j, i, row)
		f.docs_ntasks += json_integer_value(json_object_get(row, "tasks"));
	json_decref(j);
	fx_free(&r);
	return f;
}

/* A store made from `from`'s export without its obligations: its group
 * tasks as they stood before they were opened. */
static const char *store_before_opening(const char *from)
{
	static char st[512];
	char path[512];
	snprintf(st, sizeof st, "%s/before", fx_tmpdir());
	snprintf(path, sizeof path, "%s/before.json", fx_tmpdir());
	struct run r = fx_run(NULL, from, "export", NULL);
	json_t *j = fx_json(&r), *tasks = json_array(), *k;
	fx_free(&r);
	size_t i;
	json_array_foreach(json_object_get(j, "tasks"), i, k)
		if (!strchr(json_string_value(json_object_get(k, "section")), '@'))
			json_array_append(tasks, k);
	json_object_set_new(j, "tasks", tasks);
	cr_assert_eq(json_dump_file(j, path, 0), 0);
	json_decref(j);
	r = fx_run(NULL, st, "import-json", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	return st;
}

Test(cli_group, an_opened_group_task_is_counted_through_its_obligations)
{
	const char *opened = store_with_samples(NULL);
	const char *st = store_before_opening(opened);
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	long long g = atoll(id);
	struct figures before = figures_of(st, g);
	/* the group task is one more task, overdue with the plan's deadline */
	cr_assert(before.group_in_report);
	json_t *j = fx_show(st, id);
	int overdue = !strcmp(json_string_value(json_object_get(j, "timeliness")), "overdue");
	json_decref(j);
	/* open it: four obligations, the group task no longer a task of its own */
	expand(NULL, st, id, "nhóm gồm 4 đơn vị; đã tạo 4 nghĩa vụ");
	struct figures after = figures_of(st, g);
	cr_assert_eq(after.total, before.total - 1 + 4);
	cr_assert_eq(after.docs_ntasks, before.docs_ntasks - 1 + 4);
	cr_assert_eq(after.overdue, before.overdue + (overdue ? 3 : 0));
	cr_assert_eq(after.overdue_in_summary, before.overdue_in_summary + (overdue ? 3 : 0));
	cr_assert_eq(after.report_rows, before.report_rows - 1 + 4);
	cr_assert(!after.group_in_report);
	fx_check_store(NULL, st);
	/* a store whose groups were opened at import has no group task counted:
	 * the figures of every group opened are the import's */
	struct run r = fx_run(NULL, st, "tasks", "--format", "json", NULL);
	j = fx_json(&r);
	fx_free(&r);
	json_t *row;
	size_t i;
	json_array_foreach(j, i, row) {
		char k[24];
		if (json_is_string(json_object_get(row, "lead_code")) ||
		    strchr(json_string_value(json_object_get(row, "section")), '@'))
			continue;
		snprintf(k, sizeof k, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
		struct run x = fx_run(NULL, st, "expand-task", k, NULL);
		fx_free(&x);
	}
	json_decref(j);
	struct figures all = figures_of(st, g), imported = figures_of(opened, g);
	cr_assert_eq(all.total, imported.total);
	cr_assert_eq(all.overdue, imported.overdue);
	cr_assert_eq(all.report_rows, imported.report_rows);
	cr_assert_eq(all.docs_ntasks, imported.docs_ntasks);
}

Test(cli_group, the_group_task_shows_its_roll_up_and_refuses_an_update)
{
	const char *st = store_with_samples(NULL);
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	struct run r = fx_run(NULL, st, "update", id, "--status", "done", NULL);
	cr_assert_eq(r.status, ERR_INPUT, "%s", r.err);
	cr_assert(strstr(r.err, "theodoi update NGHĨA_VỤ") && strstr(r.err, "nghĩa vụ của từng đơn vị"),
	          "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert(json_is_true(json_object_get(j, "group_open")));
	cr_assert_str_eq(json_string_value(json_object_get(j, "status")), "group");
	cr_assert_str_eq(json_string_value(json_object_get(j, "status_label")),
	                 "0/4 đơn vị đã thực hiện");
	cr_assert_eq(json_array_size(json_object_get(j, "updates")), 0);
	json_decref(j);
	r = fx_run(NULL, st, "tasks", "--doc", "1", NULL);
	cr_assert(strstr(r.out, "0/4 đơn vị đã thực hiện"), "%s", r.out);
	fx_free(&r);
	/* its lead corrected to one unit: an ordinary task again, counted */
	r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	j = fx_json(&r);
	long long total = json_integer_value(json_object_get(json_object_get(j, "summary"), "total"));
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "edit-task", id, "--lead", "ttu", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	j = fx_json(&r);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(j, "summary"), "total")),
	             total + 1);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "update", id, "--status", "done", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* tests/data/schema2-group: a store of the previous schema (2) whose group
 * tasks #45, #46, #47 were opened by that release's expand-task (README
 * there).  Opened by this binary, the migration marks those three and only
 * those: 63 tasks become 60, #47 leaves the due list, the unopened groups
 * #48 and #50 stay ordinary tasks. */
Test(cli_group, migration_marks_the_group_tasks_opened_by_the_previous_release)
{
	char st[512], cmd[1200];
	snprintf(st, sizeof st, "%s/schema2-group", fx_tmpdir());
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp tests/data/schema2-group/data.mdb '%s/'", st, st);
	cr_assert_eq(system(cmd), 0);
	struct run r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *s = json_object_get(j, "summary");
	cr_assert_eq(json_integer_value(json_object_get(s, "total")), 60, "%s", r.out);
	cr_assert_eq(json_integer_value(json_object_get(s, "due_overdue")), 7);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "due", "--within", "60", "--format", "json", NULL);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 28, "%s", r.out);
	json_t *row;
	size_t i;
	json_array_foreach(j, i, row)
		cr_assert_neq(json_integer_value(json_object_get(row, "id")), 47);
	json_decref(j);
	fx_free(&r);
	static const struct {
		const char *id;
		int opened;
		const char *label;
	} want[] = {{"45", 1, "1/4 đơn vị đã thực hiện"}, {"46", 1, "0/4 đơn vị đã thực hiện"},
	            {"47", 1, "0/4 đơn vị đã thực hiện"}, {"48", 0, "chưa thực hiện"},
	            {"50", 0, "chưa thực hiện"}};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		j = fx_show(st, want[k].id);
		cr_assert_eq(json_is_true(json_object_get(j, "group_open")), want[k].opened, "#%s",
		             want[k].id);
		cr_assert_str_eq(json_string_value(json_object_get(j, "status_label")), want[k].label);
		json_decref(j);
	}
	fx_check_store(NULL, st);
}

/* The tasks of the store as `tasks` lists them: all, and those not shown
 * as an opened group (status "group"). */
static void task_rows(const char *st, long long *all, long long *counted)
{
	struct run r = fx_run(NULL, st, "tasks", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	fx_free(&r);
	size_t i;
	*all = (long long)json_array_size(j);
	*counted = 0;
	json_array_foreach(j, i, row)
		*counted += strcmp(json_string_value(json_object_get(row, "status")), "group") != 0;
	json_decref(j);
}

static long long summary_total(const char *st)
{
	struct run r = fx_run(NULL, st, "summary", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	fx_free(&r);
	long long n = json_integer_value(json_object_get(json_object_get(j, "summary"), "total"));
	json_decref(j);
	return n;
}

/* Re-importing keeps the mark of the group tasks whose lead is still a
 * group; those whose lead became one unit are ordinary tasks again. */
Test(cli_group, reimport_keeps_the_mark_and_a_lead_of_one_unit_clears_it)
{
	const char *st = store_with_samples(NULL);
	long long all, counted;
	task_rows(st, &all, &counted);
	cr_assert_eq(summary_total(st), counted);
	cr_assert_eq(all - counted, 6 + 5, "the groups opened at import");
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "2", "Các cấp ủy, tổ chức cơ sở đảng trực"));
	/* the same plan again: nothing changes */
	struct run r = fx_run(NULL, st, "import", "--replace", SAMPLES "thanh-uy-ke-hoach.txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	long long all2, counted2;
	task_rows(st, &all2, &counted2);
	cr_assert_eq(all2, all);
	cr_assert_eq(counted2, counted);
	cr_assert_eq(summary_total(st), counted);
	/* its heading "10. Các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy"
	 * made one unit: its two tasks are ordinary again */
	char *text = NULL;
	size_t n = 0;
	FILE *f = fopen(SAMPLES "thanh-uy-ke-hoach.txt", "r");
	cr_assert_not_null(f);
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		text = xrealloc(text, n + got + 1);
		memcpy(text + n, buf, got);
		n += got;
	}
	fclose(f);
	text[n] = '\0';
	char *p = strstr(text, "10. Các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy");
	cr_assert_not_null(p);
	char path[600];
	snprintf(path, sizeof path, "%s/thanh-uy-sua.txt", fx_tmpdir());
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fwrite(text, 1, (size_t)(p - text), f);
	fputs("10. Ban Tổ chức Thành ủy", f);
	fputs(p + strlen("10. Các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy"), f);
	fclose(f);
	free(text);
	r = fx_run(NULL, st, "import", "--replace", "--force", path, NULL);
	cr_assert_eq(r.status, 0, "%s\n%s", r.err, r.out);
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert(!json_is_true(json_object_get(j, "group_open")), "#%s still marked", id);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "lead"), "code")),
	                 "ttu-btc");
	json_decref(j);
	task_rows(st, &all2, &counted2);
	cr_assert_eq(all2 - counted2, 6 + 5 - 2);
	cr_assert_eq(summary_total(st), counted2);
	fx_check_store(NULL, st);
}

/* A group task deleted and restored (restore-task) is a container still:
 * the figures do not move, the mark is kept. */
Test(cli_group, a_restored_group_task_keeps_its_mark)
{
	const char *st = store_with_samples(NULL);
	char id[24];
	snprintf(id, sizeof id, "%s", group_task(st, "1", "Các huyện ủy, thị ủy, thành ủy"));
	long long total = summary_total(st);
	struct run r = fx_run(NULL, st, "delete-task", id, "--reason", "thử", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(summary_total(st), total);
	r = fx_run(NULL, st, "restore-task", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(summary_total(st), total);
	json_t *j = fx_show(st, id);
	cr_assert(json_is_true(json_object_get(j, "group_open")));
	json_decref(j);
	fx_check_store(NULL, st);
}
