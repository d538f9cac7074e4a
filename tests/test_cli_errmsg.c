/* test_cli_errmsg.c — what the commands say when a file is wrong, end to
 * end: system errors in Vietnamese, naming the file the user typed (never
 * a temporary name), a restore given something else than a backup told
 * what it is, warnings pointing at what a clerk can find, and the small
 * confirmations of import and export. */
#include <sys/stat.h>

#include "cli-run.c.inc"

static const char *path_in(const char *name)
{
	static char p[8][512];
	static int k;

	k = (k + 1) % 8;
	snprintf(p[k], sizeof p[k], "%s/%s", fx_tmpdir(), name);
	return p[k];
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

/* r exited with status and its stderr has needle and no English reason
 * nor temporary name. */
static void expect(struct run r, int status, const char *needle, const char *what)
{
	cr_assert_eq(r.status, status, "%s: exit %d\nstdout: %s\nstderr: %s", what, r.status, r.out,
	             r.err);
	if (needle)
		cr_assert(strstr(r.err, needle), "%s: no '%s' in: %s", what, needle, r.err);
	cr_assert(!strstr(r.err, "No such") && !strstr(r.err, "Not a directory") &&
	          !strstr(r.err, ".tmp-") && !strstr(r.err, ".restore-"),
	          "%s: %s", what, r.err);
	fx_free(&r);
}

Test(cli_errmsg, a_missing_file_to_import_is_said_in_vietnamese)
{
	const char *st = fx_demo();
	const char *f = path_in("khong-co.txt");
	char want[700];

	snprintf(want, sizeof want, "%s: không mở được tệp: không có tệp hay thư mục này", f);
	expect(fx_run(NULL, st, "import", "--dry-run", f, NULL), 5, want, "import --dry-run");
}

Test(cli_errmsg, a_backup_into_a_missing_directory_names_the_directory)
{
	const char *st = fx_demo();
	char dir[600], file[700], want[1600];

	snprintf(dir, sizeof dir, "%s", path_in("khong-co"));
	snprintf(file, sizeof file, "%s/x.mdb", dir);
	snprintf(want, sizeof want, "không tạo được tệp %s: không có thư mục %s", file, dir);
	expect(fx_run(NULL, st, "backup", file, NULL), 10, want, "backup");
}

Test(cli_errmsg, an_export_under_a_file_names_the_file_in_the_way)
{
	const char *st = fx_demo();
	const char *plain = path_in("tep");
	char file[700], want[1600];

	put(plain, "x\n");
	snprintf(file, sizeof file, "%s/x.json", plain);
	snprintf(want, sizeof want, "không tạo được tệp %s: %s không phải thư mục", file, plain);
	expect(fx_run(NULL, st, "export", "--out", file, NULL), 10, want, "export under a file");
}

Test(cli_errmsg, an_export_where_no_file_can_be_made_names_the_directory)
{
	const char *st = fx_demo();

	expect(fx_run(NULL, st, "export", "--out", "/proc/x.json", NULL), 10,
	       "không tạo được tệp /proc/x.json: thư mục /proc không cho tạo tệp", "export to /proc");
}

Test(cli_errmsg, a_missing_backup_to_restore_is_said_in_vietnamese)
{
	const char *st = fx_demo();
	const char *f = path_in("khong-co.mdb");
	char want[700];

	snprintf(want, sizeof want, "%s: không có tệp hay thư mục này", f);
	expect(fx_run(NULL, st, "restore", f, "--force", NULL), 5, want, "restore");
}
