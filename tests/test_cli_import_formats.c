/* test_cli_import_formats.c — import through the binary of files in the
 * shapes offices receive: recognised by their bytes whatever their name,
 * legacy encodings recognised or forced with --encoding, and clear
 * refusals (exit 3, the file named, the store unchanged) for what is no
 * plan: an image, a PDF without a text layer, a spreadsheet, a program,
 * garbled text, a file over the size limit.  The readers of Word and PDF
 * files live in theodoi-extract: theodoi itself links none of their
 * libraries. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-run.c.inc"

#include "admin-conf.h"
#include "file-fixture.h"

#define SAMPLES "../shared/samples/"

/* The login running the tests, as an administrator of the Văn phòng. */
static const char *admin_conf(void)
{
	return ac_conf("admin", "tu-vp", "admin", "");
}

static long docs_of(const char *st)
{
	json_t *j = fx_run_json(NULL, st, "docs", "--format", "json", NULL);
	long n = (long)json_array_size(j);
	json_decref(j);
	return n;
}

static void refused(const char *st, const char *file, const char *want)
{
	struct run r = fx_run(admin_conf(), st, "import", file, NULL);
	cr_assert_eq(r.status, 3, "%s: exit %d, stderr: %s", file, r.status, r.err);
	cr_assert(strstr(r.err, file), "%s: the message does not name the file: %s", file, r.err);
	cr_assert(strstr(r.err, want), "%s: '%s' lacks '%s'", file, r.err, want);
	fx_free(&r);
}

Test(import_formats_cli, a_word_file_is_read_by_its_bytes_whatever_its_name)
{
	const char *st = fx_demo();
	char path[512];
	if (access(SAMPLES "tinh-uy-chuong-trinh.autonum.docx", R_OK))
		cr_skip_test("samples absent");
	snprintf(path, sizeof path, "%s/ke-hoach.txt", fx_tmpdir());
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp " SAMPLES "tinh-uy-chuong-trinh.autonum.docx %s", path);
	cr_assert_eq(system(cmd), 0);
	long before = docs_of(st);
	struct run r = fx_run(admin_conf(), st, "import", "--dry-run", "--format", "json", path,
	                      NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "source"), "format")),
	                 "docx");
	cr_assert_eq(json_array_size(json_object_get(j, "tasks")), 51);
	json_decref(j);
	fx_free(&r);
	r = fx_run(admin_conf(), st, "import", "--dry-run", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Định dạng: Word (.docx)"), "%s", r.out);
	fx_free(&r);
	cr_assert_eq(docs_of(st), before, "a dry run stored something");
	r = fx_run(admin_conf(), st, "import", "--issuer", "tu", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "51 nhiệm vụ"), "%s", r.out);
	fx_free(&r);
	cr_assert_eq(docs_of(st), before + 1);
}

/* tests/data/ui's small plan, converted by iconv into `to` at dir/name. */
static void legacy(const char *to, const char *name, char *path, size_t len)
{
	char cmd[1024];
	snprintf(path, len, "%s/%s", fx_tmpdir(), name);
	snprintf(cmd, sizeof cmd, "iconv -f UTF-8 -t %s tests/data/ui/thanh-uy-ke-hoach-nhap.txt > %s",
	         to, path);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

static void read_as(const char *st, const char *path, const char *enc, const char *forced)
{
	struct run r = forced ? fx_run(admin_conf(), st, "import", "--dry-run", "--format", "json",
	                               "--encoding", forced, path, NULL)
	                      : fx_run(admin_conf(), st, "import", "--dry-run", "--format", "json",
	                               path, NULL);
	cr_assert_eq(r.status, 0, "%s: %s", path, r.err);
	json_t *j = fx_json(&r);
	json_t *src = json_object_get(j, "source");
	cr_assert_str_eq(json_string_value(json_object_get(src, "encoding")), enc);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "doc"), "number")),
	                 "71-KH/ThU");
	cr_assert_eq(json_array_size(json_object_get(j, "tasks")), 4);
	json_decref(j);
	fx_free(&r);
}

Test(import_formats_cli, legacy_encodings_are_recognised_and_can_be_forced)
{
	const char *st = fx_demo();
	char tcvn[512], cp[512], u16[512];
	legacy("TCVN5712-1", "tcvn.txt", tcvn, sizeof tcvn);
	legacy("CP1258", "cp1258.txt", cp, sizeof cp);
	legacy("UTF-16", "utf16.txt", u16, sizeof u16);
	read_as(st, tcvn, "tcvn3", NULL);
	read_as(st, cp, "windows-1258", NULL);
	read_as(st, u16, "utf-16le", NULL);
	read_as(st, tcvn, "tcvn3", "abc");
	struct run r = fx_run(admin_conf(), st, "import", "--dry-run", "--encoding", "klingon", tcvn,
	                      NULL);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "bảng mã không hợp lệ: klingon"), "%s", r.err);
	fx_free(&r);
	r = fx_run(admin_conf(), st, "import", "--dry-run", "--encoding", "utf-8", tcvn, NULL);
	cr_assert_eq(r.status, 3, "forcing UTF-8 on TCVN3 bytes must fail: %s", r.err);
	cr_assert(strstr(r.err, "utf-8"), "%s", r.err);
	fx_free(&r);
}

Test(import_formats_cli, what_is_no_plan_is_refused_naming_what_it_is)
{
	const char *st = fx_demo();
	const char *dir = fx_tmpdir();
	char png[512], pdf[512], xlsx[512], elf[512], garbled[512], big[512], dir2[512], cmd[2048];
	long before = docs_of(st);

	snprintf(png, sizeof png, "%s/scan.docx", dir);
	tf_write(png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
	refused(st, png, "ảnh PNG");

	/* a PDF with one empty page: no text layer, as a scan has none */
	snprintf(pdf, sizeof pdf, "%s/scan.pdf", dir);
	static const char blank[] =
		"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
		"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
		"trailer<</Root 1 0 R>>\n%%EOF\n";
	tf_write(pdf, blank, sizeof blank - 1);
	refused(st, pdf, "không có lớp chữ");

	snprintf(xlsx, sizeof xlsx, "%s/bang.xlsx", dir);
	snprintf(cmd, sizeof cmd,
	         "cd %s && mkdir -p x/xl && echo '<workbook/>' > x/xl/workbook.xml && "
	         "(cd x && python3 -c \"import zipfile; z=zipfile.ZipFile('../bang.xlsx','w'); "
	         "z.write('xl/workbook.xml'); z.close()\")", dir);
	cr_assert_eq(system(cmd), 0);
	refused(st, xlsx, "bảng tính");

	snprintf(elf, sizeof elf, "%s/chuongtrinh.txt", dir);
	snprintf(cmd, sizeof cmd, "cp /bin/true %s", elf);
	cr_assert_eq(system(cmd), 0);
	refused(st, elf, "ELF");

	/* UTF-8 garbled through a lossy reading: replacement characters */
	snprintf(garbled, sizeof garbled, "%s/loi.txt", dir);
	static const char moji[] = "K\xef\xbf\xbd ho\xef\xbf\xbd\xef\xbf\xbd th\xef\xbf\xbd\xef\xbf\xbd "
	                           "hi\xef\xbf\xbd\xef\xbf\xbdn \xc2\xb8\xc2\xb5\xc2\xb6 "
	                           "\xc2\xae\xc2\xb6ng \xc2\xb8\xc2\xb5\xc2\xb6\xc2\xb7\n";
	tf_write(garbled, moji, sizeof moji - 1);
	refused(st, garbled, "lỗi mã hóa");

	/* over the limit: a sparse file, refused before it is read */
	snprintf(big, sizeof big, "%s/lon.txt", dir);
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)65 << 20), 0);
	close(fd);
	refused(st, big, "quá lớn");

	snprintf(dir2, sizeof dir2, "%s", dir);
	refused(st, dir2, "không phải tệp thường");

	cr_assert_eq(docs_of(st), before, "a refused import stored something");
}

/* The hot path stays light: theodoi links none of the document libraries;
 * only the helper does. */
Test(import_formats_cli, theodoi_links_no_document_library)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "ldd %s | grep -E 'libxml2|poppler|libzip' >/dev/null", fx_bin());
	cr_assert_neq(system(cmd), 0, "%s links a document library", fx_bin());
	snprintf(cmd, sizeof cmd, "ldd %s-extract | grep -E 'poppler' >/dev/null", fx_bin());
	cr_assert_eq(system(cmd), 0, "the helper does not link poppler (is it built?)");
}
