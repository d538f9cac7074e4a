/* test_config_files.c — how theodoi.ini and units.ini are read as files:
 * a byte order mark is accepted, a file that is not a regular file or is
 * over the limit is refused naming it, a national hierarchy loads, and the
 * values our scanner finds are the ones iniparser finds. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser.h>

#include "../src/config-internal.h"
#include "config.h"
#include "file-fixture.h"
#include "util.h"

static void setup(void)
{
	tf_mkdir("cfgfiles");
}

static void put(const char *name, const char *text, char *path, size_t len)
{
	snprintf(path, len, "%s/%s", tf_dir, name);
	tf_put(path, text);
}

TestSuite(config_files, .init = setup, .fini = tf_rmdir);

Test(config_files, a_byte_order_mark_is_accepted_in_both_files)
{
	char ini[PATH_MAX], units[PATH_MAX], buf[1024];
	struct config c;
	struct err e = {0};

	put("theodoi.ini", "\xEF\xBB\xBF[tracking]\ndue_soon_days = 9\n", ini, sizeof ini);
	put("units.ini", "\xEF\xBB\xBF[tw]\nname = Trung ương\nkind = trung_uong\n", units,
	    sizeof units);
	cr_assert_eq(cfg_load(ini, &c, &e), 0, "%s", err_str(&e, buf, sizeof buf));
	cr_assert_eq(c.soon_days, 9, "the first section is read despite the mark");
	cr_assert_eq(cfg_load_units(&c, &e), 0, "%s", err_str(&e, buf, sizeof buf));
	cr_assert_eq(c.nunits, 1);
	cr_assert_str_eq(c.units[0].code, "tw");
	cfg_free(&c);
}

Test(config_files, a_mark_elsewhere_is_still_an_invalid_line)
{
	char ini[PATH_MAX], buf[1024];
	struct config c;
	struct err e = {0};

	put("theodoi.ini", "[tracking]\n\xEF\xBB\xBFx\n", ini, sizeof ini);
	cr_assert_eq(cfg_load(ini, &c, &e), ERR_CONFIG);
	cr_assert_eq(e.line, 2, "%s", err_str(&e, buf, sizeof buf));
	cfg_free(&c);
}

Test(config_files, units_ini_linked_to_dev_zero_is_refused_naming_file_and_limit)
{
	char ini[PATH_MAX], units[PATH_MAX], buf[1024];
	struct config c;
	struct err e = {0};

	put("theodoi.ini", "[tracking]\n", ini, sizeof ini);
	snprintf(units, sizeof units, "%s/units.ini", tf_dir);
	cr_assert_eq(symlink("/dev/zero", units), 0);
	cr_assert_eq(cfg_load(ini, &c, &e), 0);
	cr_assert_eq(cfg_load_units(&c, &e), ERR_CONFIG);
	snprintf(buf, sizeof buf, "%s", err_str(&e, buf + 512, 512));
	cr_assert(strstr(buf, units) && strstr(buf, "không phải tệp thường") && strstr(buf, "64 MB"),
	          "%s", buf);
	cfg_free(&c);
}

Test(config_files, theodoi_ini_over_the_limit_is_refused)
{
	char ini[PATH_MAX], buf[1024];
	struct config c;
	struct err e = {0};
	int fd;

	put("theodoi.ini", "[tracking]\n", ini, sizeof ini);
	fd = open(ini, O_WRONLY);
	cr_assert_eq(ftruncate(fd, (64 << 20) + 1), 0);
	close(fd);
	cr_assert_eq(cfg_load(ini, &c, &e), ERR_CONFIG);
	err_str(&e, buf, sizeof buf);
	cr_assert(strstr(buf, ini) && strstr(buf, "quá lớn: vượt giới hạn 64 MB"), "%s", buf);
	cfg_free(&c);
}

/* A national hierarchy: 150,000 units under one root, ten levels of
 * nesting at most (no timing here: `make bench` measures the load). */
Test(config_files, a_hierarchy_of_150000_units_loads)
{
	char ini[PATH_MAX], units[PATH_MAX], buf[1024];
	struct config c;
	struct err e = {0};
	FILE *f;
	int i;

	put("theodoi.ini", "[tracking]\n", ini, sizeof ini);
	snprintf(units, sizeof units, "%s/units.ini", tf_dir);
	f = fopen(units, "w");
	cr_assert_not_null(f);
	fputs("[u0]\nname = Trung ương\nkind = trung_uong\n\n", f);
	for (i = 1; i < 150000; i++)
		fprintf(f, "[u%d]\nname = \"Đơn vị số %d\"\nabbrevs = ĐV%d ; viết tắt\n"
		           "kind = dang_uy_co_so\nparent = u%d\n\n", i, i, i, (i - 1) / 4);
	fclose(f);
	cr_assert_eq(cfg_load(ini, &c, &e), 0);
	cr_assert_eq(cfg_load_units(&c, &e), 0, "%s", err_str(&e, buf, sizeof buf));
	cr_assert_eq(c.nunits, 150000);
	cr_assert_str_eq(c.units[149999].code, "u149999");
	cr_assert_str_eq(c.units[149999].parent, "u37499");
	cr_assert_str_eq(c.units[149999].name, "Đơn vị số 149999");
	cr_assert_str_eq(c.units[149999].abbrevs, "ĐV149999");
	cfg_free(&c);
}

/* The scanner's values against iniparser's own, on the forms iniparser
 * 4.1 reads: quotes, comments after a value, empty values. */
Test(config_files, scanner_values_are_iniparser_values)
{
	static const char text[] =
		"[a]\n"
		"plain = value\n"
		"spaced   =    value with spaces   \n"
		"dq = \"in ; quotes # kept\"\n"
		"sq = 'single ; quoted'\n"
		"dq_open = \"no closing quote\n"
		"dq_trail = \"x\" trailing\n"
		"empty =\n"
		"empty_dq = \"\"\n"
		"empty_sq = ''\n"
		"comment_only = ; nothing\n"
		"hash_only = #\n"
		"cut = before ; after\n"
		"cut2 = before # after\n"
		"twoeq = a = b\n"
		"dq_after = \"\"x\n"
		"cont = one \\\n"
		"  two\n"
		"[B]\n"
		"Upper = Keeps Case\n"
		"tab\t=\tx\n";
	char path[PATH_MAX], key[256];
	struct cfg_scan scan;
	struct err e = {0};
	dictionary *d;
	int i, keys = 0;

	put("x.ini", text, path, sizeof path);
	cr_assert_eq(cfg_scan_file(path, 0, &scan, &e), 0, "%s", e.msg);
	d = iniparser_load(path);
	cr_assert_not_null(d);
	for (i = 0; i < scan.n; i++) {
		const struct cfg_entry *en = &scan.v[i];
		const char *v;

		if (!en->key)
			continue;
		keys++;
		snprintf(key, sizeof key, "%s:%s", en->sec, en->key);
		v = iniparser_getstring(d, key, NULL);
		cr_assert_not_null(v, "iniparser has no %s", key);
		cr_assert_str_eq(en->val, v, "value of %s", key);
	}
	cr_assert_eq(keys, 18);
	iniparser_freedict(d);
	cfg_scan_free(&scan);
}
