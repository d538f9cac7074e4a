/* Tests for login.c: the login of a user id, from /etc/passwd when the
 * files source comes first in nsswitch.conf, else from getpwuid. */
#include <criterion/criterion.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "login.h"

/* A uid no real system gives anyone, so that only the test's own passwd
 * file can name it. */
#define FAKE_UID 4242427

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/theodoi-login-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void drop_dir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(login, .init = make_dir, .fini = drop_dir);

/* dir/name with text; returns the path (static buffer per name). */
static const char *put(const char *name, const char *text)
{
	static char paths[4][128];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, 128, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

#define PASSWD "root:x:0:0:root:/root:/bin/sh\n" \
               "vp01:x:4242427:4242427:Van phong:/home/vp01:/bin/sh\n" \
               "alias:x:4242427:4242427:the same id again:/home/alias:/bin/sh\n"

Test(login, files_first_reads_the_passwd_file)
{
	const char *ns = put("nsswitch.conf", "# comment\ngroup: files\npasswd:  files systemd\n");
	const char *pw = put("passwd", PASSWD);
	char name[32];
	cr_assert_eq(login_of_uid_in(FAKE_UID, ns, pw, name, sizeof name), 0);
	/* the first entry of the id, as the files source returns it */
	cr_assert_str_eq(name, "vp01");
}

Test(login, another_source_first_is_not_bypassed)
{
	/* SSSD first: the file is not read, getpwuid decides, and no real
	 * source knows the fake id */
	const char *ns = put("nsswitch.conf", "passwd: sss files\n");
	const char *pw = put("passwd", PASSWD);
	char name[32] = "x";
	cr_assert_eq(login_of_uid_in(FAKE_UID, ns, pw, name, sizeof name), -1);
	cr_assert_str_eq(name, "");
}

Test(login, no_passwd_line_or_no_file_asks_getpwuid)
{
	const char *pw = put("passwd", PASSWD);
	char name[32];
	cr_assert_eq(login_of_uid_in(FAKE_UID, put("nsswitch.conf", "group: files\n"), pw, name,
	                             sizeof name), -1);
	char missing[128];
	snprintf(missing, sizeof missing, "%s/none", dir);
	cr_assert_eq(login_of_uid_in(FAKE_UID, missing, pw, name, sizeof name), -1);
}

Test(login, an_id_not_in_the_file_asks_getpwuid)
{
	/* the test's own id is not in the file: the system's answer */
	const char *ns = put("nsswitch.conf", "passwd: files\n");
	const char *pw = put("passwd", "vp01:x:4242427:4242427::/:/bin/sh\n");
	struct passwd *real = getpwuid(getuid());
	char name[64];
	if (!real)
		cr_skip_test("this process's uid has no passwd entry");
	cr_assert_eq(login_of_uid_in(getuid(), ns, pw, name, sizeof name), 0);
	cr_assert_str_eq(name, real->pw_name);
}

Test(login, the_system_files_agree_with_getpwuid)
{
	struct passwd *real = getpwuid(getuid());
	char name[64];
	if (!real)
		cr_skip_test("this process's uid has no passwd entry");
	char want[64];
	snprintf(want, sizeof want, "%s", real->pw_name);
	cr_assert_eq(login_of_uid(getuid(), name, sizeof name), 0);
	cr_assert_str_eq(name, want);
}

Test(login, a_long_name_is_truncated)
{
	const char *ns = put("nsswitch.conf", "passwd: files\n");
	const char *pw = put("passwd", "averyveryverylongloginname:x:4242427:1::/:/bin/sh\n");
	char name[8];
	cr_assert_eq(login_of_uid_in(FAKE_UID, ns, pw, name, sizeof name), 0);
	cr_assert_str_eq(name, "averyve");
}
