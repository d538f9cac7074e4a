/* test_intake.c — the helper that reads Word and PDF files, as intake.h
 * runs it: a time limit that kills a helper that hangs, a helper that
 * fails with its message passed on, a helper that is missing, and output
 * that is not UTF-8 refused.  The helpers here are small shell scripts. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "intake.h"
#include "util.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/theodoi-intake-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

/* dir/name with the given content (mode 0755 for a script). */
static const char *put(const char *name, const char *content, int exec)
{
	static char path[4][128];
	static int n;
	char *p = path[n++ % 4];
	snprintf(p, 128, "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	cr_assert_not_null(f);
	fputs(content, f);
	fclose(f);
	if (exec)
		chmod(p, 0755);
	return p;
}

TestSuite(intake, .init = setup, .fini = teardown);

Test(intake, a_helper_that_hangs_is_stopped_at_the_time_limit)
{
	const char *pdf = put("ke-hoach.pdf", "%PDF-1.4\n", 0);
	const char *helper = put("slow", "#!/bin/sh\nexec sleep 30\n", 1);
	struct intake_opts o = {-1, helper, 1};
	struct intake in;
	struct err e = {0};
	time_t t0 = time(NULL);
	cr_assert_eq(intake_read(pdf, &o, &in, &e), ERR_INPUT);
	cr_assert_lt(time(NULL) - t0, 10, "the helper was not stopped");
	cr_assert(strstr(e.msg, "không xong trong 1 giây"), "%s", e.msg);
	cr_assert_str_eq(e.file, pdf);
}

Test(intake, a_helper_that_fails_passes_on_its_message)
{
	const char *pdf = put("ke-hoach.pdf", "%PDF-1.4\n", 0);
	const char *helper =
		put("fails", "#!/bin/sh\necho \"$2: PDF có mật khẩu: hãy mở khóa rồi nhập lại\" >&2\nexit 3\n", 1);
	struct intake_opts o = {-1, helper, 0};
	struct intake in;
	struct err e = {0};
	cr_assert_eq(intake_read(pdf, &o, &in, &e), ERR_INPUT);
	cr_assert_str_eq(e.msg, "PDF có mật khẩu: hãy mở khóa rồi nhập lại");
	cr_assert_str_eq(e.file, pdf);
}

Test(intake, a_missing_helper_says_to_reinstall)
{
	const char *docx = put("ke-hoach.docx", "PK\x03\x04rest", 0);
	char missing[128];
	snprintf(missing, sizeof missing, "%s/none", dir);
	struct intake_opts o = {-1, missing, 0};
	struct intake in;
	struct err e = {0};
	cr_assert_eq(intake_read(docx, &o, &in, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "make install"), "%s", e.msg);
}

Test(intake, what_a_helper_prints_must_be_utf8)
{
	const char *pdf = put("ke-hoach.pdf", "%PDF-1.4\n", 0);
	const char *helper = put("latin1", "#!/bin/sh\nprintf 'K\\351 ho\\341ch\\n'\n", 1);
	struct intake_opts o = {-1, helper, 0};
	struct intake in;
	struct err e = {0};
	cr_assert_eq(intake_read(pdf, &o, &in, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "utf-8"), "%s", e.msg);
}

Test(intake, a_helper_that_works_gives_its_text)
{
	const char *pdf = put("ke-hoach.pdf", "%PDF-1.4\n", 0);
	const char *helper = put("ok", "#!/bin/sh\nprintf 'KẾ HOẠCH\\n\\nThực hiện\\n'\n", 1);
	struct intake_opts o = {-1, helper, 0};
	struct intake in;
	struct err e = {0};
	cr_assert_eq(intake_read(pdf, &o, &in, &e), 0, "%s", e.msg);
	cr_assert_eq(in.format, IN_PDF);
	cr_assert_str_eq(in.text, "KẾ HOẠCH\n\nThực hiện\n");
	intake_free(&in);
}
