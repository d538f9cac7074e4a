/* test_cli_perm.c — roles on every command: the command table of cli.c
 * against the rules written out below (a command added without a rule, or
 * with another rule, fails here), the central check itself, and the
 * refusals as a viewer and an unmapped login see them from the binary. */
#include "cli-run.c.inc"

#include "admin-conf.h"
#include "cli.h"

/* What each command needs, as the man page's PERMISSIONS table says. */
static const struct {
	const char *name;
	int perm;
} expected[] = {
	{"units", CLI_NEEDS(PA_READ)},
	{"docs", CLI_NEEDS(PA_READ)},
	{"tasks", CLI_NEEDS(PA_READ)},
	{"show", CLI_NEEDS(PA_READ)},
	{"overdue", CLI_NEEDS(PA_READ)},
	{"due", CLI_NEEDS(PA_READ)},
	{"overview", CLI_NEEDS(PA_READ)},
	{"update", CLI_NEEDS(PA_NOTE)},
	{"extend", CLI_NEEDS(PA_EXTEND_REQUEST)},
	{"add-doc", CLI_NEEDS(PA_ADD_DOC)},
	{"add-task", CLI_NEEDS(PA_ADD_TASK)},
	{"edit-doc", CLI_NEEDS(PA_EDIT)},
	{"edit-task", CLI_NEEDS(PA_EDIT)},
	{"move-task", CLI_NEEDS(PA_EDIT)},
	{"expand-task", CLI_NEEDS(PA_ADD_TASK)},
	{"delete-doc", CLI_NEEDS(PA_DELETE)},
	{"delete-task", CLI_NEEDS(PA_DELETE)},
	{"deleted", CLI_NEEDS(PA_READ)},
	{"restore-doc", CLI_NEEDS(PA_DELETE)},
	{"restore-task", CLI_NEEDS(PA_DELETE)},
	{"unresolved", CLI_NEEDS(PA_READ)},
	{"link", CLI_NEEDS(PA_HIERARCHY)},
	{"import", CLI_NEEDS(PA_IMPORT)},
	{"summary", CLI_NEEDS(PA_READ)},
	{"cascade", CLI_NEEDS(PA_READ)},
	{"lint", CLI_NEEDS(PA_READ)},
	{"report", CLI_NEEDS(PA_READ)},
	{"remind", CLI_NEEDS(PA_READ)},
	{"report-text", CLI_NEEDS(PA_NOTE)},
	{"register", CLI_NEEDS(PA_READ)},
	{"measure", CLI_NEEDS(PA_MEASURE)},
	{"indicators", CLI_NEEDS(PA_READ)},
	{"check-store", CLI_NEEDS(PA_READ)},
	{"confirm", CLI_NEEDS(PA_CONFIRM)},
	{"return", CLI_NEEDS(PA_CONFIRM)},
	{"log", CLI_NEEDS(PA_READ)},
	{"backup", CLI_NEEDS(PA_EXPORT)},
	{"restore", CLI_NEEDS(PA_MAINTAIN)},
	{"export", CLI_NEEDS(PA_EXPORT)},
	{"import-json", CLI_NEEDS(PA_MAINTAIN)},
	{"init", CLI_NEEDS(PA_MAINTAIN)},
	{"demo", CLI_NEEDS(PA_MAINTAIN)},
	{"gen", CLI_NEEDS_NOTHING},
};
#define NEXPECTED (sizeof expected / sizeof expected[0])

Test(cli_perm, every_command_has_the_expected_rule)
{
	size_t n = 0;
	for (const struct cli_cmd *c = cli_commands; c->name; c++, n++) {
		size_t i = 0;
		while (i < NEXPECTED && strcmp(expected[i].name, c->name))
			i++;
		cr_assert(i < NEXPECTED, "command '%s' has no rule in this test (and the man page)",
		          c->name);
		cr_assert_neq(c->perm, 0, "command '%s' has no rule (struct cli_cmd perm)", c->name);
		cr_assert_eq(c->perm, expected[i].perm, "command '%s': rule %d, expected %d", c->name,
		             c->perm, expected[i].perm);
		if (c->perm == CLI_NEEDS_NOTHING)
			cr_assert(c->flags & CLI_NO_CONFIG,
			          "'%s' needs nothing but reads theodoi.ini: it must have a rule", c->name);
		else
			cr_assert(c->perm >= CLI_NEEDS(0) && c->perm <= CLI_NEEDS(PA_COUNT - 1));
	}
	cr_assert_eq(n, NEXPECTED, "the table has %zu commands, this test %zu", n, NEXPECTED);
}

Test(cli_perm, a_command_without_a_rule_is_refused)
{
	struct cli c;
	memset(&c, 0, sizeof c);
	c.ops.who.role = ROLE_ADMIN;
	struct cli_cmd bare = {"bare", NULL, "bare", "", 0, 0};
	c.cmd = &bare;
	struct err e;
	err_clear(&e);
	cr_assert_eq(cli_check_role(&c, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "bare") && strstr(e.msg, "quy tắc"), "%s", e.msg);
	/* needing nothing is only for commands without theodoi.ini */
	bare.perm = CLI_NEEDS_NOTHING;
	err_clear(&e);
	cr_assert_eq(cli_check_role(&c, &e), ERR_DENIED);
	bare.flags = CLI_NO_CONFIG;
	cr_assert_eq(cli_check_role(&c, &e), 0);
	/* the screen reads */
	c.cmd = NULL;
	c.ops.who.role = ROLE_VIEWER;
	cr_assert_eq(cli_check_role(&c, &e), 0);
}

Test(cli_perm, the_rule_follows_the_role)
{
	struct cli c;
	memset(&c, 0, sizeof c);
	struct cli_cmd cmd = {"x", NULL, "x", "", 0, CLI_NEEDS(PA_EXPORT)};
	c.cmd = &cmd;
	struct err e;
	c.ops.who.role = ROLE_VIEWER;
	err_clear(&e);
	cr_assert_eq(cli_check_role(&c, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "export-editors"), "%s", e.msg);
	c.ops.who.role = ROLE_NONE;
	cr_assert_eq(cli_check_role(&c, &e), ERR_DENIED);
	c.ops.who.role = ROLE_EDITOR;
	cr_assert_eq(cli_check_role(&c, &e), 0);
	/* an editor may update some task (its own unit's): the command runs,
	 * the task's own check follows in ops */
	cmd.perm = CLI_NEEDS(PA_NOTE);
	cr_assert_eq(cli_check_role(&c, &e), 0);
	cmd.perm = CLI_NEEDS(PA_CONFIRM);
	cr_assert_eq(cli_check_role(&c, &e), 0);
	cmd.perm = CLI_NEEDS(PA_MAINTAIN);
	cr_assert_eq(cli_check_role(&c, &e), ERR_DENIED);
}

static void refused(struct run r, const char *rule, const char *cmd)
{
	cr_assert_eq(r.status, ERR_DENIED, "%s: status %d, stderr %s", cmd, r.status, r.err);
	cr_assert(strstr(r.err, rule) && strstr(r.err, cmd), "%s: %s", cmd, r.err);
	cr_assert_eq(r.out[0], '\0', "%s printed: %s", cmd, r.out);
	fx_free(&r);
}

static void file_absent(const char *path)
{
	cr_assert_neq(access(path, F_OK), 0, "%s was written", path);
}

/* Viewers and unmapped logins may read, but not copy the store out, nor
 * replace it, nor write. */
Test(cli_perm, viewer_and_unmapped_may_not_copy_or_replace_the_store)
{
	const char *st = fx_demo();
	const char *roles[][2] = {{"viewer", "export-editors"}, {NULL, "unmapped-read"}};
	for (int k = 0; k < 2; k++) {
		const char *conf = ac_conf(roles[k][0] ? "viewer" : "unmapped",
		                           roles[k][0] ? "tu-btc" : NULL,
		                           roles[k][0] ? roles[k][0] : "", "unmapped = read");
		const char *rule = roles[k][1];
		char dest[256], src[256];
		snprintf(dest, sizeof dest, "%s/copy-%d.mdb", fx_tmpdir(), k);
		snprintf(src, sizeof src, "%s/export-%d.json", fx_tmpdir(), k);
		refused(fx_run(conf, st, "backup", dest, NULL), rule, "backup");
		file_absent(dest);
		refused(fx_run(conf, st, "export", "--out", src, NULL), rule, "export");
		file_absent(src);
		refused(fx_run(conf, st, "export", NULL), rule, "export");
		const char *w = roles[k][0] ? "viewer-read" : "unmapped-read";
		refused(fx_run(conf, st, "restore", "--force", dest, NULL), w, "restore");
		refused(fx_run(conf, st, "import-json", src, NULL), w, "import-json");
		refused(fx_run(conf, st, "update", "1", "--note", "x", NULL), w, "update");
		/* reading is allowed */
		struct run r = fx_run(conf, st, "units", NULL);
		cr_assert_eq(r.status, 0, "%s", r.err);
		fx_free(&r);
		r = fx_run(conf, st, "log", "--limit", "1", NULL);
		cr_assert_eq(r.status, 0, "%s", r.err);
		fx_free(&r);
	}
	/* an editor backs up and exports */
	const char *ed = ac_conf("editor", "tu-btc", "editor", NULL);
	char dest[256];
	snprintf(dest, sizeof dest, "%s/editor-copy.mdb", fx_tmpdir());
	struct run r = fx_run(ed, st, "backup", dest, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(access(dest, F_OK), 0);
	r = fx_run(ed, st, "export", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* but restores nothing */
	refused(fx_run(ed, st, "restore", "--force", dest, NULL), "admin-only", "restore");
}

/* unmapped = none: nothing at all, whatever the command. */
Test(cli_perm, unmapped_none_reads_nothing)
{
	const char *st = fx_demo();
	const char *conf = ac_conf("none", NULL, "", "unmapped = none");
	const char *cmds[] = {"units", "tasks", "report", "log", "remind", "summary", "check-store"};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run r = fx_run(conf, st, cmds[i], NULL);
		cr_assert_eq(r.status, ERR_DENIED, "%s: %d %s", cmds[i], r.status, r.err);
		cr_assert(strstr(r.err, "unmapped-none"), "%s: %s", cmds[i], r.err);
		fx_free(&r);
	}
}

/* The first task of the demo store overdue on a fixed deadline (not an
 * ongoing duty): its id and lead code. */
static void first_overdue(const char *st, int skip, char *id, size_t idlen, char *lead,
                          size_t leadlen)
{
	json_t *j = fx_run_json(NULL, st, "overdue", "--format", "json", NULL), *row = NULL;
	for (size_t i = 0; i < json_array_size(j); i++) {
		row = json_array_get(j, i);
		const char *tl = json_string_value(json_object_get(row, "timeliness"));
		if (tl && !strcmp(tl, "overdue") && skip-- == 0)
			break;
		row = NULL;
	}
	cr_assert_not_null(row);
	snprintf(id, idlen, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
	snprintf(lead, leadlen, "%s", json_string_value(json_object_get(row, "lead_code")));
	json_decref(j);
}

/* Issue 14: an editor's --today 2020-01-01 recorded a completion "on time"
 * on an overdue task.  Writes record the clock; an admin back-dates. */
Test(cli_perm, today_does_not_back_date_an_editors_write)
{
	const char *st = fx_demo();
	/* overdue lists the tasks as they stood on the fixed day of the tests,
	 * before the writes below: each write takes the next overdue task */
	char id[24], lead[64], real[11];
	date_iso(date_clock(), real);
	first_overdue(st, 0, id, sizeof id, lead, sizeof lead);
	const char *ed = ac_conf("editor", lead, "editor", "confirm_done = no");
	struct run r = fx_run(ed, st, "--today", "2020-01-01", "update", id, "--status", "done", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "done_date")), real);
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "done_late");
	/* the update just made: the highest id */
	json_t *ups = json_object_get(j, "updates"), *u = NULL;
	for (size_t i = 0; i < json_array_size(ups); i++)
		if (!u || json_integer_value(json_object_get(json_array_get(ups, i), "id")) >
		                  json_integer_value(json_object_get(u, "id")))
			u = json_array_get(ups, i);
	cr_assert_not_null(u);
	cr_assert_str_eq(json_string_value(json_object_get(u, "day")), real);
	json_decref(j);
	/* $THEODOI_TODAY neither */
	first_overdue(st, 1, id, sizeof id, lead, sizeof lead);
	ed = ac_conf("editor2", lead, "editor", "confirm_done = no");
	setenv("THEODOI_TODAY", "2020-01-01", 1);
	char *argv[] = {(char *)fx_bin(), (char *)"--config", (char *)ed, (char *)"--store",
	                (char *)st, (char *)"update", id, (char *)"--status", (char *)"done", NULL};
	r = run_argv(argv);
	unsetenv("THEODOI_TODAY");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "done_date")), real);
	json_decref(j);
	/* an admin (conf/theodoi.ini maps this login so) enters an old record */
	first_overdue(st, 2, id, sizeof id, lead, sizeof lead);
	r = fx_run(NULL, st, "--today", "2020-01-01", "update", id, "--status", "done", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "done_date")), "2020-01-01");
	cr_assert_str_eq(json_string_value(json_object_get(j, "timeliness")), "done_on_time");
	json_decref(j);
}
