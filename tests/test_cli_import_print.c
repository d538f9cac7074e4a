/* test_cli_import_print.c — `import --dry-run`'s task rows through the
 * binary: a lead cut short keeps its marker ("(chung)", "(?)") whole and
 * cuts the name; the rows fill the width of the terminal ($COLUMNS). */
#include <stdlib.h>
#include <unistd.h>

#include "cli-run.c.inc"

#include "text.h"

#define PLAN "../shared/samples/tinh-uy-chuong-trinh.txt"

/* The dry run's row of section sec ("III.1.1 "), as a new string. */
static char *row_of(const char *out, const char *sec)
{
	const char *p = strstr(out, sec);
	cr_assert_not_null(p, "no row %s in:\n%s", sec, out);
	return strndup(p, strcspn(p, "\n"));
}

static char *dry_run(const char *st, const char *columns)
{
	if (columns)
		setenv("COLUMNS", columns, 1);
	else
		unsetenv("COLUMNS");
	struct run r = fx_run(NULL, st, "import", "--dry-run", PLAN, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *out = strdup(r.out);
	fx_free(&r);
	return out;
}

Test(cli_import_print, a_cut_lead_keeps_its_marker)
{
	char *out = dry_run(fx_demo(), NULL); /* a pipe: the fixed columns */
	char *row = row_of(out, "III.1.1 ");
	cr_assert(strstr(row, " Cấp ủy, tổ chức đ… (chung) "), "%s", row);
	free(row);
	row = row_of(out, "III.2.9#1 ");
	cr_assert(strstr(row, " Các huyện ủy, thị… (chung) "), "%s", row);
	free(row);
	cr_assert_null(strstr(out, "(chu…"), "%s", out);
	free(out);
}

Test(cli_import_print, the_rows_fill_the_terminal_width)
{
	const char *st = fx_demo();
	char *out = dry_run(st, "200");
	char *row = row_of(out, "III.1.1 ");
	cr_assert(strstr(row, " Cấp ủy, tổ chức đảng (chung) "), "%s", row);
	cr_assert_eq(txt_width(row), 200, "%d: %s", txt_width(row), row);
	free(row);
	row = row_of(out, "III.2.9#1 ");
	cr_assert(strstr(row, "… (chung) theo văn bản 151-KH/TU"), "%s", row);
	free(row);
	free(out);
	out = dry_run(st, "80");
	row = row_of(out, "III.1.1 ");
	cr_assert(strstr(row, " (chung) "), "%s", row);
	cr_assert_leq(txt_width(row), 80, "%d: %s", txt_width(row), row);
	free(row);
	free(out);
}
