/* test_priv.c — priv.c: a raised group is given up for good, and only the
 * configuration compiled in counts as the system's.  The drop is tried in
 * a child made to look like a setgid program run by `nobody` (root sets
 * real, effective and saved ids, then gives up root), so it needs root;
 * so does the store that stays writable through LMDB's descriptors, map
 * growth included, once the group that opened it is gone. */
#define _GNU_SOURCE /* setresgid */
#include <criterion/criterion.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "ops.h"
#include "priv.h"
#include "store.h"
#include "util.h"

#define NOBODY 65534
#define STORE_GID 4321

/* In a child: real gid nobody, effective and saved STORE_GID, user nobody;
 * then run fn and exit with its status. */
static int as_setgid_nobody(int (*fn)(void))
{
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		if (setgroups(0, NULL) || setresgid(NOBODY, STORE_GID, STORE_GID) ||
		    setresuid(NOBODY, NOBODY, NOBODY))
			_exit(100);
		_exit(fn());
	}
	int st;
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static int drop_for_good(void)
{
	struct priv p;
	struct err e = {0};
	gid_t r, ef, s;
	priv_init(&p);
	if (!p.raised || p.egid != STORE_GID || p.rgid != NOBODY)
		return 1;
	if (setegid(NOBODY) || setegid(STORE_GID)) /* the saved id brings it back... */
		return 2;
	if (priv_drop(&p, &e) || p.raised)
		return 3;
	if (getresgid(&r, &ef, &s) || r != NOBODY || ef != NOBODY || s != NOBODY)
		return 4;
	if (setegid(STORE_GID) == 0 || setresgid(-1, STORE_GID, -1) == 0) /* ...not after */
		return 5;
	if (priv_drop(&p, &e)) /* a second drop is a no-op */
		return 6;
	return 0;
}

Test(priv, a_raised_group_is_dropped_for_good)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to set up a raised group");
	int rc = as_setgid_nobody(drop_for_good);
	cr_assert_eq(rc, 0, "step %d failed", rc);
}

Test(priv, nothing_to_drop_when_nothing_is_raised)
{
	struct priv p;
	struct err e = {0};
	priv_init(&p);
	if (p.raised)
		cr_skip_test("this test runs setgid");
	cr_assert_eq(priv_drop(&p, &e), 0);
	cr_assert_eq(getegid(), getgid());
}

Test(priv, the_system_configuration_is_the_compiled_in_one)
{
	const char *c = priv_system_config(), *s = priv_system_store();
	size_t n = strlen(c);
	cr_assert(c[0] == '/', "%s", c);
	cr_assert(n > 20 && !strcmp(c + n - 20, "/theodoi/theodoi.ini"), "%s", c);
	n = strlen(s);
	cr_assert(s[0] == '/' && n > 14 && !strcmp(s + n - 14, "/theodoi/store"), "%s", s);
}

Test(priv, same_dir_compares_directories_not_strings)
{
	struct err e = {0};
	char dir[] = "/tmp/theodoi-priv-XXXXXX", other[] = "/tmp/theodoi-priv-XXXXXX";
	char spelt[64], link[64];
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_not_null(mkdtemp(other));
	snprintf(spelt, sizeof spelt, "%s/../%s/", dir, strrchr(dir, '/') + 1);
	snprintf(link, sizeof link, "%s/link", other);
	cr_assert_eq(symlink(dir, link), 0);
	cr_assert_eq(priv_same_dir(dir, dir, &e), 0);
	cr_assert_eq(priv_same_dir(spelt, dir, &e), 0);
	cr_assert_eq(priv_same_dir(link, dir, &e), 0); /* the same directory */
	cr_assert_eq(priv_same_dir(other, dir, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "--store"), "%s", e.msg);
	cr_assert_eq(priv_same_dir("/nonexistent", dir, &e), ERR_DENIED);
	unlink(link);
	rmdir(other);
	rmdir(dir);
}

static char grow_dir[64];

static int put_big(struct txn *t, void *ctx, struct err *e)
{
	char key[32], val[16 * 1024];
	memset(val, 'x', sizeof val - 1);
	val[sizeof val - 1] = '\0';
	snprintf(key, sizeof key, "big-%d", *(int *)ctx);
	return store_meta_put(t, key, val, e);
}

/* Open the group's store as the raised program does, drop the group, then
 * write far beyond the map the store was opened with. */
static int write_after_drop(void)
{
	struct priv p;
	struct err e = {0};
	struct store *st = NULL;
	struct txn *t;
	char path[128], *v = NULL;
	priv_init(&p);
	snprintf(path, sizeof path, "%s/store", grow_dir);
	setenv("THEODOI_MAPSIZE", "64K", 1); /* a small map: every few writes grow it */
	if (store_open(path, STORE_CREATE | STORE_SHARED, &st, &e))
		return 10;
	if (priv_drop(&p, &e))
		return 11;
	if (access(path, W_OK) == 0) /* no way in by name any more */
		return 12;
	for (int i = 0; i < 300; i++)
		if (store_write(st, put_big, &i, &e))
			return 13;
	if (store_read_begin(st, &t, &e))
		return 14;
	int rc = store_meta_get(t, "big-299", &v, &e);
	store_read_end(t);
	free(v);
	store_close(st);
	return rc ? 15 : 0;
}

Test(priv, the_store_stays_writable_and_grows_after_the_drop)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to set up a raised group");
	char data[128];
	struct stat sb;
	strcpy(grow_dir, "/tmp/theodoi-priv-XXXXXX");
	cr_assert_not_null(mkdtemp(grow_dir));
	cr_assert_eq(chown(grow_dir, 0, STORE_GID), 0);
	cr_assert_eq(chmod(grow_dir, 02770), 0);
	int rc = as_setgid_nobody(write_after_drop);
	snprintf(data, sizeof data, "%s/store/data.mdb", grow_dir);
	int have = stat(data, &sb) == 0;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", grow_dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(rc, 0, "step %d failed", rc);
	cr_assert(have);
	cr_assert_gt(sb.st_size, 300 * 16 * 1024, "the store did not grow: %lld bytes",
	             (long long)sb.st_size);
	cr_assert_eq(sb.st_gid, (gid_t)STORE_GID);
}

static struct config loaded;

/* ops_identify, raised, with a configuration loaded without the checks. */
static int identify_untrusted(void)
{
	struct ops_ctx c;
	struct err e = {0};
	memset(&c, 0, sizeof c);
	c.cfg = &loaded;
	if (ops_identify(&c, &e) != ERR_DENIED || !strstr(e.msg, "setgid"))
		return 1;
	loaded.trusted = 1; /* as cfg_load_trusted leaves it */
	return ops_identify(&c, &e) ? 2 : 0;
}

Test(priv, a_raised_program_takes_no_role_from_an_unchecked_configuration)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to set up a raised group");
	struct err e = {0};
	cr_assert_eq(cfg_load("conf/theodoi.ini", &loaded, &e), 0, "%s", e.msg);
	cr_assert_not(loaded.trusted);
	int rc = as_setgid_nobody(identify_untrusted);
	cfg_free(&loaded);
	cr_assert_eq(rc, 0, "step %d failed", rc);
}
