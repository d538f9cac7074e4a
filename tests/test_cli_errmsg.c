/* test_cli_errmsg.c — what the commands say when a file is wrong, end to
 * end: system errors in Vietnamese, naming the file the user typed (never
 * a temporary name), a restore given something else than a backup told
 * what it is, warnings pointing at what a clerk can find, and the small
 * confirmations of import and export. */
#include <sys/stat.h>
#include <unistd.h>

#include "cli-run.c.inc"
#include "file-fixture.h"

/* r exited with status and its stderr has needle and no English reason
 * nor temporary name. */
static void expect(struct run r, int status, const char *needle, const char *what)
{
	cr_assert(!strstr(r.err, "No such") && !strstr(r.err, "Not a directory") &&
	          !strstr(r.err, ".tmp-") && !strstr(r.err, ".restore-"),
	          "%s: %s", what, r.err);
	fx_expect(r, status, needle, what);
}

Test(cli_errmsg, a_missing_file_to_import_is_said_in_vietnamese)
{
	const char *st = fx_demo();
	const char *f = fx_path("khong-co.txt");
	char want[700];

	snprintf(want, sizeof want, "%s: không mở được tệp: không có tệp hay thư mục này", f);
	expect(fx_run(NULL, st, "import", "--dry-run", f, NULL), 5, want, "import --dry-run");
}

Test(cli_errmsg, a_backup_into_a_missing_directory_names_the_directory)
{
	const char *st = fx_demo();
	char dir[600], file[700], want[1600];

	snprintf(dir, sizeof dir, "%s", fx_path("khong-co"));
	snprintf(file, sizeof file, "%s/x.mdb", dir);
	snprintf(want, sizeof want, "%s: không tạo được tệp: không có thư mục %s", file, dir);
	expect(fx_run(NULL, st, "backup", file, NULL), 10, want, "backup");
}

Test(cli_errmsg, an_export_under_a_file_names_the_file_in_the_way)
{
	const char *st = fx_demo();
	const char *plain = fx_path("tep");
	char file[700], want[1600];

	tf_put(plain, "x\n");
	snprintf(file, sizeof file, "%s/x.json", plain);
	snprintf(want, sizeof want, "%s: không tạo được tệp: %s không phải thư mục", file, plain);
	expect(fx_run(NULL, st, "export", "--out", file, NULL), 10, want, "export under a file");
}

Test(cli_errmsg, an_export_where_no_file_can_be_made_names_the_directory)
{
	const char *st = fx_demo();

	expect(fx_run(NULL, st, "export", "--out", "/proc/x.json", NULL), 10,
	       "/proc/x.json: không tạo được tệp: thư mục /proc không cho tạo tệp", "export to /proc");
}

Test(cli_errmsg, a_missing_backup_to_restore_is_said_in_vietnamese)
{
	const char *st = fx_demo();
	const char *f = fx_path("khong-co.mdb");
	char want[700];

	snprintf(want, sizeof want, "%s: không có tệp hay thư mục này", f);
	expect(fx_run(NULL, st, "restore", f, "--force", NULL), 5, want, "restore");
}

/* ---- restore given something else than a backup ---- */

static void write_bytes(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

Test(cli_errmsg, restore_of_a_json_export_says_to_use_import_json)
{
	const char *st = fx_demo();
	const char *json = fx_path("xuat.json");
	char want[700];

	expect(fx_run(NULL, st, "export", "--out", json, NULL), 0, NULL, "export");
	snprintf(want, sizeof want, "%s không phải bản sao lưu: tệp này là bản xuất JSON, dùng "
	         "theodoi import-json", json);
	expect(fx_run(NULL, st, "restore", json, "--force", NULL), 3, want, "restore of an export");
	/* the store is the demo still */
	expect(fx_run(NULL, st, "show", "12", NULL), 0, NULL, "the store is untouched");
}

Test(cli_errmsg, restore_of_a_plan_says_to_use_import)
{
	const char *st = fx_demo();
	const char *docx = fx_path("ke-hoach.docx"), *pdf = fx_path("ke-hoach.pdf");
	const char *txt = fx_path("ke-hoach.txt");

	write_bytes(docx, "PK\3\4\24\0\6\0", 8);
	write_bytes(pdf, "%PDF-1.7\n", 9);
	tf_put(txt, "KẾ HOẠCH\ntriển khai thực hiện\n");
	expect(fx_run(NULL, st, "restore", docx, "--force", NULL), 3,
	       "tệp này là văn bản Word hay OpenDocument (.docx, .odt), dùng theodoi import", "docx");
	expect(fx_run(NULL, st, "restore", pdf, "--force", NULL), 3,
	       "tệp này là văn bản PDF, dùng theodoi import", "pdf");
	expect(fx_run(NULL, st, "restore", txt, "--force", NULL), 3,
	       "tệp này là văn bản thường, dùng theodoi import", "text");
}

/* restore and import-json tell the same kinds: a gzipped export or backup
 * is to be unpacked first, a plan is for import (import-json naming the
 * line of the text's first word) */
Test(cli_errmsg, restore_and_import_json_tell_gzip_and_text_alike)
{
	const char *st = fx_demo();
	const char *gz = fx_path("xuat.json.gz"), *txt = fx_path("ke-hoach.txt");
	const char *target = fx_path("moi/store");
	char want[700];

	write_bytes(gz, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
	tf_put(txt, "\n\nKẾ HOẠCH\ntriển khai thực hiện\n");
	snprintf(want, sizeof want, "%s không phải bản xuất JSON: tệp này là tệp nén gzip, giải "
	         "nén bằng gunzip rồi dùng theodoi import-json", gz);
	expect(fx_run(NULL, target, "import-json", gz, NULL), 3, want, "import-json of gzip");
	snprintf(want, sizeof want, "%s không phải bản sao lưu: tệp này là tệp nén gzip, giải "
	         "nén bằng gunzip rồi dùng theodoi restore", gz);
	expect(fx_run(NULL, st, "restore", gz, "--force", NULL), 3, want, "restore of gzip");
	snprintf(want, sizeof want, "%s:3: không phải bản xuất JSON: tệp này là văn bản thường, "
	         "dùng theodoi import", txt);
	expect(fx_run(NULL, target, "import-json", txt, NULL), 3, want, "import-json of text");
	expect(fx_run(NULL, st, "restore", txt, "--force", NULL), 3,
	       "tệp này là văn bản thường, dùng theodoi import", "restore of text");
	struct stat sb;
	cr_assert_neq(stat(target, &sb), 0, "a refused import-json left a store");
}

Test(cli_errmsg, restore_of_an_empty_or_unknown_file_says_so)
{
	const char *st = fx_demo();
	const char *empty = fx_path("rong.mdb"), *junk = fx_path("rac.mdb");
	unsigned char bytes[64] = {0x7f, 0, 1, 2};

	tf_put(empty, "");
	write_bytes(junk, bytes, sizeof bytes);
	expect(fx_run(NULL, st, "restore", empty, "--force", NULL), 3,
	       "không phải bản sao lưu: tệp rỗng", "empty");
	expect(fx_run(NULL, st, "restore", junk, "--force", NULL), 3,
	       "không phải bản sao lưu của theodoi", "junk");
}

Test(cli_errmsg, restore_of_a_damaged_backup_never_names_the_temporary_directory)
{
	const char *st = fx_demo();
	const char *b = fx_path("b.mdb"), *cut = fx_path("cut.mdb");
	char cmd[1200];

	expect(fx_run(NULL, st, "backup", b, NULL), 0, NULL, "backup");
	snprintf(cmd, sizeof cmd, "head -c 20000 '%s' > '%s'", b, cut);
	cr_assert_eq(system(cmd), 0);
	expect(fx_run(NULL, st, "restore", cut, "--force", NULL), 3, "bị cắt cụt", "damaged");
}

/* ---- where an import warning is ---- */

#define SAMPLES "../shared/samples/"

/* The warning about the group lead of III.1.1 in r->out (dry run) and
 * what import prints on stderr for the same file are the same line. */
static void same_warning_form(const char *file, const char *where)
{
	const char *st = fx_demo();
	char want[1200];
	struct run r;

	if (access(file, R_OK))
		cr_skip_test("%s absent", file);
	snprintf(want, sizeof want, "%s: cảnh báo: “Cấp ủy, tổ chức đảng” (mục III.1.1) là nhiệm vụ "
	         "chung của nhiều cơ quan", where);
	r = fx_run(NULL, st, "import", "--dry-run", file, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, want), "dry run: no '%s' in:\n%s", want, r.out);
	cr_assert(!strstr(r.out, "dòng "), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", file, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.err, want), "import: no '%s' in:\n%s", want, r.err);
	fx_free(&r);
}

Test(cli_errmsg, a_warning_in_a_word_file_names_the_section_and_the_task)
{
	same_warning_form(SAMPLES "tinh-uy-chuong-trinh.docx",
	                  SAMPLES "tinh-uy-chuong-trinh.docx, mục III.1.1 “Cấp ủy, tổ chức đảng ban "
	                  "hành chương…”");
}

Test(cli_errmsg, a_warning_in_a_pdf_names_the_section_and_the_task)
{
	same_warning_form(SAMPLES "tinh-uy-chuong-trinh.pdf",
	                  SAMPLES "tinh-uy-chuong-trinh.pdf, mục III.1.1 “Cấp ủy, tổ chức đảng ban "
	                  "hành chương…”");
}

Test(cli_errmsg, a_warning_in_a_text_file_keeps_file_and_line)
{
	same_warning_form(SAMPLES "tinh-uy-chuong-trinh.txt", SAMPLES "tinh-uy-chuong-trinh.txt:33");
}

/* ---- import's summary, show's document, export's confirmation ---- */

static const char plan_without_number[] =
	"TỈNH ỦY SƠN HÀ\n\nKẾ HOẠCH\nthực hiện công tác kiểm tra năm 2027\n\nI. NHIỆM VỤ\n"
	"1. Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch cán bộ, hoàn thành trong quý II "
	"năm 2027.\n2. Văn phòng Tỉnh ủy tổng hợp báo cáo.\n";

Test(cli_errmsg, a_document_without_number_is_said_so_by_import_and_show)
{
	const char *st = fx_demo();
	const char *plan = fx_path("kh.txt");
	struct run r;

	tf_put(plan, plan_without_number);
	r = fx_run(NULL, st, "import", plan, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, ": văn bản #5 (không số), 2 nhiệm vụ, "), "%s", r.out);
	cr_assert(!strstr(r.out, " ,"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--doc", "5", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	json_t *rows = json_is_array(j) ? j : json_object_get(j, "tasks");
	cr_assert(json_array_size(rows) > 0, "%s", r.out);
	char id[32];
	snprintf(id, sizeof id, "%lld",
	         (long long)json_integer_value(json_object_get(json_array_get(rows, 0), "id")));
	json_decref(j);
	fx_free(&r);
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "(không số) — Kế hoạch"), "%s", r.out);
	fx_free(&r);
}

Test(cli_errmsg, export_out_confirms_what_it_wrote_on_stderr)
{
	const char *st = fx_demo();
	const char *json = fx_path("xuat.json");
	char want[700];
	struct run r;

	r = fx_run(NULL, st, "export", "--out", json, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	snprintf(want, sizeof want, "Đã xuất kho %s vào %s (", st, json);
	cr_assert(strstr(r.err, want), "no '%s' in: %s", want, r.err);
	cr_assert_str_eq(r.out, "");
	fx_free(&r);
	/* without --out, standard error stays quiet: the export is on stdout */
	r = fx_run(NULL, st, "export", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	fx_free(&r);
}

Test(cli_errmsg, import_json_of_a_backup_or_a_plan_says_which_command_takes_it)
{
	const char *st = fx_demo();
	const char *b = fx_path("b.mdb"), *pdf = fx_path("kh.pdf");
	char fresh[600], want[800];

	expect(fx_run(NULL, st, "backup", b, NULL), 0, NULL, "backup");
	write_bytes(pdf, "%PDF-1.7\n", 9);
	snprintf(fresh, sizeof fresh, "%s", fx_path("kho-moi"));
	snprintf(want, sizeof want, "%s không phải bản xuất JSON: tệp này là bản sao lưu (kho LMDB), "
	         "dùng theodoi restore", b);
	expect(fx_run(NULL, fresh, "import-json", b, NULL), 3, want, "import-json of a backup");
	snprintf(want, sizeof want, "%s không phải bản xuất JSON: tệp này là văn bản PDF, dùng "
	         "theodoi import", pdf);
	expect(fx_run(NULL, fresh, "import-json", pdf, NULL), 3, want, "import-json of a plan");
	cr_assert_eq(access(fresh, F_OK), -1, "import-json left %s", fresh);
}

Test(cli_errmsg, a_damaged_pdf_is_said_in_vietnamese)
{
	const char *st = fx_demo();
	const char *pdf = fx_path("hong.pdf");
	struct run r;

	write_bytes(pdf, "%PDF-1.4\nxx", 11);
	r = fx_run(NULL, st, "import", "--dry-run", pdf, NULL);
	cr_assert_eq(r.status, 3, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "không đọc được tệp PDF: tệp bị hỏng"), "%s", r.err);
	cr_assert(!strstr(r.err, "damaged") && !strstr(r.err, "PDF document"), "%s", r.err);
	fx_free(&r);
}

Test(cli_errmsg, a_document_into_a_missing_directory_names_the_directory)
{
	const char *st = fx_demo();
	char dir[600], file[700], want[1600];

	snprintf(dir, sizeof dir, "%s", fx_path("khong-co"));
	snprintf(file, sizeof file, "%s/bc.docx", dir);
	snprintf(want, sizeof want, "%s: không tạo được tệp: không có thư mục %s", file, dir);
	expect(fx_run(NULL, st, "report", "--unit", "hkl", "--format", "docx", "--out", file, NULL), 10,
	       want, "report --format docx");
	snprintf(file, sizeof file, "%s/bc.html", dir);
	snprintf(want, sizeof want, "%s: không tạo được tệp: không có thư mục %s", file, dir);
	expect(fx_run(NULL, st, "report", "--unit", "hkl", "--format", "html", "--out", file, NULL), 10,
	       want, "report --format html");
}

Test(cli_errmsg, the_json_warnings_carry_where_as_the_text_says_it)
{
	const char *st = fx_demo();
	const char *pdf = SAMPLES "tinh-uy-chuong-trinh.pdf";
	struct run r;

	if (access(pdf, R_OK))
		cr_skip_test("%s absent", pdf);
	r = fx_run(NULL, st, "import", "--dry-run", "--format", "json", pdf, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *w = json_object_get(j, "warnings");
	cr_assert(json_is_null(json_object_get(json_array_get(w, 0), "where")));
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(w, 2), "where")),
	                 "mục III.1.1 “Cấp ủy, tổ chức đảng ban hành chương…”");
	/* a PDF has no lines to count: every line is null; a summary over the
	 * whole document has no where */
	size_t i, summaries = 0;
	json_t *x;
	json_array_foreach(w, i, x) {
		cr_assert(json_is_null(json_object_get(x, "line")), "warning %zu has a line", i);
		const char *msg = json_string_value(json_object_get(x, "message"));
		if (strstr(msg, "nhiệm vụ chưa có thời hạn:") || strstr(msg, "chưa rõ đơn vị chủ trì:")) {
			cr_assert(json_is_null(json_object_get(x, "where")), "%s", msg);
			summaries++;
		}
	}
	cr_assert_eq(summaries, 2);
	json_decref(j);
	fx_free(&r);
}

/* "10 nhiệm vụ chưa có thời hạn: ..." is about the whole document: tagged
 * with the file alone, not with the first task's section or line */
Test(cli_errmsg, import_summary_warnings_name_the_file_only)
{
	const char *st = fx_demo();
	static const char *const files[] = {SAMPLES "tinh-uy-chuong-trinh.docx",
	                                    SAMPLES "tinh-uy-chuong-trinh.txt"};
	char want[600];

	for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
		if (access(files[k], R_OK))
			cr_skip_test("%s absent", files[k]);
		struct run r = fx_run(NULL, st, "import", "--dry-run", files[k], NULL);
		cr_assert_eq(r.status, 0, "%s", r.err);
		snprintf(want, sizeof want, "  %s: cảnh báo: 10 nhiệm vụ chưa có thời hạn: III.1.1, ",
		         files[k]);
		cr_assert(strstr(r.out, want), "no '%s' in:\n%s", want, r.out);
		snprintf(want, sizeof want, "  %s: cảnh báo: 3 nhiệm vụ chưa rõ đơn vị chủ trì: ", files[k]);
		cr_assert(strstr(r.out, want), "no '%s' in:\n%s", want, r.out);
		fx_free(&r);
	}
}
