/* test_cli_log.c — `theodoi log` tells each change for people, through the
 * binary: after edit-task, move-task, edit-doc, delete/restore, link,
 * init, import with groups, update and extend, the newest entry names
 * units and documents, writes days as dd/mm/yyyy and shows no stored key,
 * id form ("task:12") or JSON; csv and json keep the machine values;
 * `deleted` writes its times dd/mm/yyyy hh:mm:ss. */
#include <ctype.h>

#include "cli-run.c.inc"

#include "util.h"

#define SAMPLES "../shared/samples/"

/* Nothing a person should not have to read: no ISO day, no id form, no
 * JSON, no stored key. */
static void for_people(const char *s)
{
	static const char *const never[] = {
		"task:", "doc:", "unit:", "lead_text", "partners_text", "with_work", "units_ini",
		"abbrevs", "extension_state", "group_size", "login:", "role:", "time:", "{", "[",
		"chi_bo", "in_progress", "admin", "\"",
	};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		cr_assert_null(strstr(s, never[i]), "'%s' shows in: %s", never[i], s);
	for (const char *p = s; *p; p++)
		cr_assert(!(isdigit((unsigned char)p[0]) && strlen(p) >= 10 &&
		            isdigit((unsigned char)p[3]) && p[4] == '-' && p[7] == '-' &&
		            isdigit((unsigned char)p[9])),
		          "an ISO day in: %s", s);
}

/* The newest entry of `action` as `log` prints it (the row, no header),
 * checked for_people(); static buffer. */
static const char *newest(const char *conf, const char *st, const char *action)
{
	static char row[4096];
	struct run r = fx_run(conf, st, "log", "--action", action, "--limit", "1", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	const char *nl = strchr(r.out, '\n');
	cr_assert(nl && nl[1], "no %s entry: %s", action, r.out);
	snprintf(row, sizeof row, "%s", nl + 1);
	fx_free(&r);
	for_people(row);
	return row;
}

#define RUN_OK(...) fx_ok(fx_run(__VA_ARGS__, NULL), #__VA_ARGS__)

static void has(const char *row, const char *want)
{
	cr_assert(strstr(row, want), "'%s' not in: %s", want, row);
}

Test(cli_log, edits_moves_and_the_trash_told_for_people)
{
	const char *st = fx_demo();
	/* task 100 is led by Văn phòng Đảng ủy Khối, in 18-KH/ĐUK, due 31/12/2026 */
	RUN_OK(NULL, st, "edit-task", "100", "--lead", "Ban Tuyên giáo Tỉnh ủy");
	const char *row = newest(NULL, st, "edit-task");
	has(row, "nhiệm vụ #100");
	has(row, "chủ trì: Văn phòng Đảng ủy Khối → Ban Tuyên giáo Tỉnh ủy");
	RUN_OK(NULL, st, "edit-task", "100", "--partners", "Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy");
	has(newest(NULL, st, "edit-task"),
	    "phối hợp: (trống) → Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy");
	RUN_OK(NULL, st, "edit-task", "100", "--deadline", "hoàn thành trong quý II/2027");
	row = newest(NULL, st, "edit-task");
	has(row, "thời hạn: hoàn thành trong quý IV/2026 → hoàn thành trong quý II/2027");
	has(row, "; hạn: 31/12/2026 → "); /* the column is cut at 90 */

	RUN_OK(NULL, st, "move-task", "5", "--doc", "2");
	has(newest(NULL, st, "move-task"), "văn bản: 15-CTr/TU (#1) → 42-KH/ThU (#2)");

	RUN_OK(NULL, st, "edit-doc", "4", "--number", "71-KH/ThU", "--date", "12/05/2026");
	row = newest(NULL, st, "edit-doc");
	has(row, "văn bản 71-KH/ThU (#4)");
	has(row, "số: 27-KH/HU → 71-KH/ThU; ngày: 27/01/2026 → 12/05/2026");

	RUN_OK(NULL, st, "update", "100", "--progress", "60", "--note", "Đã trình dự thảo");
	has(newest(NULL, st, "update"), "tiến độ: 25% → 60%; ghi chú: Đã trình dự thảo");
	RUN_OK(NULL, st, "extend", "100", "--to", "2027-09-30", "--reason", "Chờ kinh phí");
	row = newest(NULL, st, "extend");
	has(row, "gia hạn");
	has(row, "hạn: 30/06/2027 → 30/09/2027");
	has(row, "tình trạng gia hạn: đã gia hạn");

	RUN_OK(NULL, st, "delete-task", "7", "--reason", "nhập nhầm", "--force");
	has(newest(NULL, st, "delete-task"), "lý do: nhập nhầm; số nhiệm vụ: 1");
	RUN_OK(NULL, st, "restore-task", "7");
	row = newest(NULL, st, "restore-task");
	has(row, "khôi phục từ thùng rác, đã xóa bởi ");
	has(row, " (quản trị) lúc ");
	cr_assert_null(strstr(row, "(bỏ)"), "%s", row);
	RUN_OK(NULL, st, "delete-doc", "3", "--reason", "thử", "--force");
	has(newest(NULL, st, "delete-doc"), "văn bản 18-KH/ĐUK (#3)");
	RUN_OK(NULL, st, "restore-doc", "3");
	has(newest(NULL, st, "restore-doc"), "; lý do xóa: thử");

	RUN_OK(NULL, st, "link", "BTG Tỉnh ủy (cũ)", "tu-btg");
	has(newest(NULL, st, "link"),
	    "tên như văn bản ghi: BTG Tỉnh ủy (cũ); gắn với đơn vị: Ban Tuyên giáo Tỉnh ủy");

	/* the machine forms keep the stored values */
	struct run r = fx_run(NULL, st, "log", "--action", "move-task", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	json_t *a = json_array_get(j, 0);
	cr_assert_str_eq(json_string_value(json_object_get(a, "object")), "task:5");
	cr_assert_str_eq(json_string_value(json_object_get(a, "role")), "admin");
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(a, "after"), "doc")), 2);
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--action", "edit-doc", "--format", "csv", NULL);
	cr_assert(strstr(r.out, ",admin,edit-doc,doc:4,") && strstr(r.out, "2026-05-12"), "%s", r.out);
	fx_free(&r);
}

Test(cli_log, init_units_and_an_import_with_groups)
{
	char st[512];
	snprintf(st, sizeof st, "%s/store", fx_tmpdir());
	RUN_OK(NULL, st, "init");
	const char *row = newest(NULL, st, "init");
	has(row, "tạo kho");
	has(row, "thư mục kho: ");
	has(row, "tệp đơn vị: ");
	row = newest(NULL, st, "unit.sync");
	has(row, "đồng bộ đơn vị");
	has(row, "mã: ");
	has(row, "tên viết tắt: ");
	struct run r = fx_run(NULL, st, "import", SAMPLES "tinh-uy-chuong-trinh.txt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	row = newest(NULL, st, "import");
	has(row, "nhập văn bản");
	has(row, "số nhiệm vụ: ");
	row = newest(NULL, st, "expand-task");
	has(row, "4 nghĩa vụ: Thành ủy Bình Giang (#");
	has(row, "Huyện ủy Kim Lâm (#");
	has(row, "số đơn vị của nhóm: 4");
}

/* Where s holds "YYYY-MM-DD?hh:mm:ss" (sep: 'T') or "dd/mm/yyyy hh:mm:ss"
 * (sep: '/'), or NULL. */
static const char *a_time(const char *s, char sep)
{
	for (; *s; s++) {
		int a, b, c, h, m, x, n = 0;
		if (sep == 'T' && sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &a, &b, &c, &h, &m, &x, &n) == 6 &&
		    n == 19)
			return s;
		if (sep == '/' && sscanf(s, "%2d/%2d/%4d %2d:%2d:%2d%n", &a, &b, &c, &h, &m, &x, &n) == 6 &&
		    n == 19 && isdigit((unsigned char)s[0]))
			return s;
	}
	return NULL;
}

Test(cli_log, deleted_times_for_people)
{
	const char *st = fx_demo();
	RUN_OK(NULL, st, "delete-task", "7", "--reason", "nhập nhầm", "--force");
	struct run r = fx_run(NULL, st, "deleted", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(a_time(r.out, '/'), "no dd/mm/yyyy hh:mm:ss: %s", r.out);
	cr_assert_null(a_time(r.out, 'T'), "an ISO time: %s", r.out);
	fx_free(&r);
	/* csv and json keep the ISO time */
	r = fx_run(NULL, st, "deleted", "--format", "csv", NULL);
	cr_assert(a_time(r.out, 'T'), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "deleted", "--format", "json", NULL);
	cr_assert(a_time(r.out, 'T'), "%s", r.out);
	fx_free(&r);
}

Test(cli_log, csv_change_column_is_the_text_in_full)
{
	const char *st = fx_demo();
	RUN_OK(NULL, st, "delete-task", "46", "--reason", "thử xóa", "--force");
	RUN_OK(NULL, st, "restore-task", "46");
	/* one formatter: the CSV's change column says what the text says, in
	 * Vietnamese, while its other columns keep the stored values */
	struct run r = fx_run(NULL, st, "log", "--limit", "2", "--format", "csv", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	has(r.out, ",admin,restore-task,task:46,\"khôi phục từ thùng rác, đã xóa bởi ");
	has(r.out, "; lý do xóa: thử xóa\",");
	has(r.out, ",admin,delete-task,task:46,lý do: thử xóa; số nhiệm vụ: 1; "
	           "số nhiệm vụ đã ghi nhận kết quả: 0,");
	static const char *const never[] = {"login: ", "role: ", "time: ", "(bỏ)", "with_work:"};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		cr_assert_null(strstr(r.out, never[i]), "'%s' shows in: %s", never[i], r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--limit", "2", NULL);
	has(r.out, "số nhiệm vụ đã ghi nhận kết quả: 0");
	fx_free(&r);
}

Test(cli_log, measured_values_with_the_decimal_comma)
{
	const char *st = fx_demo();
	/* the demo measures indicator #10 at 58.3 (indicators shows 58,3%) */
	struct run r = fx_run(NULL, st, "log", "--action", "measure", "--limit", "100", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	has(r.out, "giá trị: 58,3;");
	cr_assert_null(strstr(r.out, "58.3"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--action", "measure", "--limit", "100", "--format", "csv", NULL);
	has(r.out, "giá trị: 58,3;");
	fx_free(&r);
}
