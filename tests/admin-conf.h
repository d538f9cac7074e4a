/* admin-conf.h — a theodoi.ini for end-to-end tests that maps the login
 * running the tests to a unit and role of conf/units.ini, with [access]
 * lines of the test's choosing.  Included after cli-run.c.inc. */
#ifndef THEODOI_TESTS_ADMIN_CONF_H
#define THEODOI_TESTS_ADMIN_CONF_H

#include <limits.h>
#include <pwd.h>

/* The login of this process, as theodoi sees it. */
static inline const char *ac_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	cr_assert_not_null(pw);
	return pw->pw_name;
}

/* Write <tmpdir>/<name>.ini: [paths] units = the repository's
 * conf/units.ini, the `access` lines under [access], and under [users]
 * this login as `unit, role` (unit NULL: not mapped).  Returns the path
 * (static storage, one per name up to 8 names). */
static inline const char *ac_conf(const char *name, const char *unit, const char *role,
                                  const char *access)
{
	static char paths[8][256];
	static int n;
	char units[PATH_MAX];
	cr_assert_not_null(realpath("conf/units.ini", units));
	char *p = paths[n++ % 8];
	snprintf(p, 256, "%s/%s.ini", fx_tmpdir(), name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fprintf(f, "[paths]\nunits = %s\n[access]\n%s\n[users]\n", units, access ? access : "");
	if (unit)
		fprintf(f, "%s = %s, %s\n", ac_login(), unit, role);
	cr_assert_eq(fclose(f), 0);
	return p;
}

/* The id of the first open task led by unit `code` in the store, as text. */
static inline const char *ac_open_task(const char *conf, const char *store, const char *code)
{
	static char id[24];
	struct run r = fx_run(conf, store, "tasks", "--unit", code, "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	size_t i;
	json_t *row;
	id[0] = '\0';
	json_array_foreach(j, i, row) {
		const char *st = json_string_value(json_object_get(row, "status"));
		if (st && (!strcmp(st, "in_progress") || !strcmp(st, "not_started"))) {
			snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
			break;
		}
	}
	json_decref(j);
	fx_free(&r);
	cr_assert(id[0], "no open task led by %s", code);
	return id;
}

#endif
