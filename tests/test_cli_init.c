/* test_cli_init.c — an office's first day through the binary: `init`
 * makes the empty store with the shared modes and the units of units.ini,
 * refuses every place that holds something and every role but admin, and
 * a command on a store not yet made says how to make it and whom to ask. */
#include <sys/stat.h>

#include "cli-run.c.inc"

#include "admin-conf.h"
#include "util.h"

static int exists(const char *dir, const char *file)
{
	char p[1024];
	struct stat sb;
	snprintf(p, sizeof p, "%s/%s", dir, file);
	return stat(p, &sb) == 0;
}

Test(cli_init, makes_an_empty_store_with_the_units_and_shared_modes)
{
	const char *conf = ac_conf("admin", "tu-vp", "admin", NULL);
	const char *st = fx_path("office/store");
	struct run r = fx_run(conf, st, "init", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Đã tạo kho dữ liệu trống") && strstr(r.out, st) &&
	          strstr(r.out, "đơn vị từ") && strstr(r.out, "2770") &&
	          strstr(r.out, "theodoi import"), "%s", r.out);
	fx_free(&r);
	struct stat sb;
	cr_assert_eq(stat(st, &sb), 0);
	cr_assert_eq(sb.st_mode & 07777, 02770, "directory mode %o", sb.st_mode & 07777);
	char data[600];
	snprintf(data, sizeof data, "%s/data.mdb", st);
	cr_assert_eq(stat(data, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0660, "data.mdb mode %o", sb.st_mode & 0777);
	/* the store works: the units are there, no document, and init is audited */
	r = fx_run(conf, st, "units", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Tỉnh ủy"), "%s", r.out);
	fx_free(&r);
	json_t *j = fx_run_json(conf, st, "docs", "--format", "json", NULL);
	cr_assert_eq(json_array_size(j), 0);
	json_decref(j);
	r = fx_run(conf, st, "log", "--action", "init", "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1, "%s", r.out);
	json_t *a = json_array_get(j, 0);
	cr_assert_str_eq(json_string_value(json_object_get(a, "object")), "store");
	cr_assert_str_eq(json_string_value(json_object_get(a, "login")), ac_login());
	json_decref(j);
	fx_free(&r);
	fx_check_store(conf, st);
}

Test(cli_init, an_existing_empty_directory_is_accepted)
{
	const char *conf = ac_conf("admin", "tu-vp", "admin", NULL);
	const char *st = fx_path("empty");
	cr_assert_eq(mkdir(st, 0700), 0);
	struct run r = fx_run(conf, st, "init", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert(exists(st, "data.mdb"));
}

Test(cli_init, refuses_a_place_that_holds_anything)
{
	const char *conf = ac_conf("admin", "tu-vp", "admin", NULL);
	/* a store: left as it was, no second init entry */
	const char *st = fx_path("store");
	struct run r = fx_run(conf, st, "init", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(conf, st, "add-doc", "--title", "Kế hoạch thử", "--number", "1-KH/TU", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(conf, st, "init", NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "đã có kho dữ liệu") && strstr(r.err, st), "%s", r.err);
	cr_assert_eq(r.out[0], '\0');
	fx_free(&r);
	r = fx_run(conf, st, "docs", NULL);
	cr_assert(strstr(r.out, "1-KH/TU"), "the store lost its document: %s", r.out);
	fx_free(&r);
	r = fx_run(conf, st, "log", "--action", "init", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1);
	json_decref(j);
	fx_free(&r);
	/* a directory with some other file */
	const char *d = fx_path("papers");
	cr_assert_eq(mkdir(d, 0700), 0);
	char f[600];
	snprintf(f, sizeof f, "%s/ghi-chu.txt", d);
	FILE *fp = fopen(f, "w");
	cr_assert_not_null(fp);
	fputs("x\n", fp);
	fclose(fp);
	r = fx_run(conf, d, "init", NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	cr_assert(strstr(r.err, "không trống") && strstr(r.err, d), "%s", r.err);
	fx_free(&r);
	cr_assert(!exists(d, "data.mdb") && !exists(d, "lock.mdb"));
	/* a file */
	r = fx_run(conf, f, "init", NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	cr_assert(strstr(r.err, "không phải thư mục"), "%s", r.err);
	fx_free(&r);
	/* an operand */
	r = fx_run(conf, fx_path("x"), "init", "somewhere", NULL);
	cr_assert_eq(r.status, ERR_USAGE, "%s", r.err);
	fx_free(&r);
	cr_assert(!exists(fx_tmpdir(), "x"));
}

Test(cli_init, only_an_admin_makes_a_store)
{
	const char *roles[] = {"editor", "viewer"};
	for (size_t i = 0; i < 2; i++) {
		const char *conf = ac_conf(roles[i], "tu-btc", roles[i], NULL);
		const char *st = fx_path(roles[i]);
		struct run r = fx_run(conf, st, "init", NULL);
		cr_assert_eq(r.status, ERR_DENIED, "%s: %d %s", roles[i], r.status, r.err);
		cr_assert(strstr(r.err, "init"), "%s", r.err);
		fx_free(&r);
		cr_assert(!exists(fx_tmpdir(), roles[i]), "%s left a directory", roles[i]);
	}
	/* a login [users] does not list, when unmapped logins may not read
	 * (root unlisted is the one exception: it may make any directory) */
	if (getuid() == 0)
		return;
	const char *conf = ac_conf("nobody", NULL, NULL, "unmapped = none");
	struct run r = fx_run(conf, fx_path("nobody"), "init", NULL);
	cr_assert_eq(r.status, ERR_DENIED, "%s", r.err);
	fx_free(&r);
	cr_assert(!exists(fx_tmpdir(), "nobody"));
}

Test(cli_init, a_bad_units_ini_leaves_nothing_behind)
{
	char units[600], conf[600];
	snprintf(units, sizeof units, "%s/units.ini", fx_tmpdir());
	snprintf(conf, sizeof conf, "%s/bad.ini", fx_tmpdir());
	FILE *f = fopen(units, "w");
	cr_assert_not_null(f);
	fputs("[tu]\nname = Tỉnh ủy\nkind = tinh_uy\n[tu-btc]\nname = Ban Tổ chức\nkind = ban\n"
	      "parent = khong-co\n", f);
	fclose(f);
	f = fopen(conf, "w");
	cr_assert_not_null(f);
	fprintf(f, "[paths]\nunits = %s\n[users]\n%s = tu, admin\n", units, ac_login());
	fclose(f);
	const char *st = fx_path("store");
	struct run r = fx_run(conf, st, "init", NULL);
	cr_assert_eq(r.status, ERR_CONFIG, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "units.ini") && strstr(r.err, "khong-co"), "%s", r.err);
	fx_free(&r);
	cr_assert(!exists(fx_tmpdir(), "store"));
}

Test(cli_init, a_missing_store_says_how_to_make_it_and_whom_to_ask)
{
	const char *conf = ac_conf("editor", "tu-btc", "editor",
	                           NULL);
	/* ac_conf lists only this login: add an admin to ask */
	FILE *f = fopen(conf, "a");
	cr_assert_not_null(f);
	fputs("vanphong = tu-vp, admin\n", f);
	fclose(f);
	const char *st = fx_path("not-yet");
	struct run r = fx_run(conf, st, "overdue", NULL);
	cr_assert_eq(r.status, ERR_STORE, "%s", r.err);
	cr_assert(strstr(r.err, "chưa có kho dữ liệu") && strstr(r.err, st) &&
	          strstr(r.err, "theodoi init") && strstr(r.err, "vanphong"), "%s", r.err);
	fx_free(&r);
	/* without a terminal the program gives the overview: the same advice */
	r = fx_run(conf, st, NULL);
	cr_assert_eq(r.status, ERR_STORE, "%s", r.err);
	cr_assert(strstr(r.err, "theodoi init"), "%s", r.err);
	fx_free(&r);
	cr_assert(!exists(fx_tmpdir(), "not-yet"));
}
