/* test_perm.c — the permission matrix: every role × action × (own unit,
 * subtree, partner, elsewhere), first as the table of perm.h against the
 * rules written out below, then through the writing actions of ops.h on a
 * real store (so the library itself refuses, and a refusal writes nothing);
 * and identity from the real uid. */
#include <pwd.h>
#include <unistd.h>

#include "ops-fixture.h"

/* The rules as issue 5 states them, cell by cell: "" allowed, else the key
 * of the refusing rule.  Defaults: [access] unmapped = read, extend =
 * monitors, the actor's unit not the monitoring office. */
struct row {
	enum role role;
	enum perm_action a;
	const char *cell[PR_COUNT]; /* own, subtree, partner, elsewhere */
};

#define ALL(x) {x, x, x, x}
#define OK ""

static const struct row expected[] = {
	{ROLE_NONE, PA_READ, ALL(OK)},
	{ROLE_NONE, PA_NOTE, ALL("unmapped-read")},
	{ROLE_NONE, PA_PROGRESS, ALL("unmapped-read")},
	{ROLE_NONE, PA_STATUS, ALL("unmapped-read")},
	{ROLE_NONE, PA_EXTEND, ALL("unmapped-read")},
	{ROLE_NONE, PA_EXTEND_REQUEST, ALL("unmapped-read")},
	{ROLE_NONE, PA_CONFIRM, ALL("unmapped-read")},
	{ROLE_NONE, PA_MEASURE, ALL("unmapped-read")},
	{ROLE_NONE, PA_ADD_DOC, ALL("unmapped-read")},
	{ROLE_NONE, PA_ADD_TASK, ALL("unmapped-read")},
	{ROLE_NONE, PA_EDIT, ALL("unmapped-read")},
	{ROLE_NONE, PA_DELETE, ALL("unmapped-read")},
	{ROLE_NONE, PA_IMPORT, ALL("unmapped-read")},
	{ROLE_NONE, PA_HIERARCHY, ALL("unmapped-read")},
	{ROLE_NONE, PA_MAINTAIN, ALL("unmapped-read")},
	{ROLE_NONE, PA_EXPORT, ALL("unmapped-read")},

	{ROLE_VIEWER, PA_READ, ALL(OK)},
	{ROLE_VIEWER, PA_NOTE, ALL("viewer-read")},
	{ROLE_VIEWER, PA_PROGRESS, ALL("viewer-read")},
	{ROLE_VIEWER, PA_STATUS, ALL("viewer-read")},
	{ROLE_VIEWER, PA_EXTEND, ALL("viewer-read")},
	{ROLE_VIEWER, PA_EXTEND_REQUEST, ALL("viewer-read")},
	{ROLE_VIEWER, PA_CONFIRM, ALL("viewer-read")},
	{ROLE_VIEWER, PA_MEASURE, ALL("viewer-read")},
	{ROLE_VIEWER, PA_ADD_DOC, ALL("viewer-read")},
	{ROLE_VIEWER, PA_ADD_TASK, ALL("viewer-read")},
	{ROLE_VIEWER, PA_EDIT, ALL("viewer-read")},
	{ROLE_VIEWER, PA_DELETE, ALL("viewer-read")},
	{ROLE_VIEWER, PA_IMPORT, ALL("viewer-read")},
	{ROLE_VIEWER, PA_HIERARCHY, ALL("viewer-read")},
	{ROLE_VIEWER, PA_MAINTAIN, ALL("viewer-read")},
	{ROLE_VIEWER, PA_EXPORT, ALL("export-editors")},

	{ROLE_EDITOR, PA_READ, ALL(OK)},
	{ROLE_EDITOR, PA_NOTE, {OK, OK, OK, "editor-subtree"}},
	{ROLE_EDITOR, PA_PROGRESS, {OK, OK, "editor-partner", "editor-subtree"}},
	{ROLE_EDITOR, PA_STATUS, {OK, OK, "editor-partner", "editor-subtree"}},
	{ROLE_EDITOR, PA_EXTEND, ALL("extend-monitors")},
	{ROLE_EDITOR, PA_EXTEND_REQUEST, {OK, OK, "editor-partner", "editor-subtree"}},
	{ROLE_EDITOR, PA_CONFIRM, ALL("monitor-only")},
	{ROLE_EDITOR, PA_MEASURE, {OK, OK, "editor-subtree", "editor-subtree"}},
	{ROLE_EDITOR, PA_ADD_DOC, ALL("admin-only")},
	{ROLE_EDITOR, PA_ADD_TASK, ALL("admin-only")},
	{ROLE_EDITOR, PA_EDIT, ALL("admin-only")},
	{ROLE_EDITOR, PA_DELETE, ALL("admin-only")},
	{ROLE_EDITOR, PA_IMPORT, ALL("admin-only")},
	{ROLE_EDITOR, PA_HIERARCHY, ALL("admin-only")},
	{ROLE_EDITOR, PA_MAINTAIN, ALL("admin-only")},
	{ROLE_EDITOR, PA_EXPORT, ALL(OK)},

	{ROLE_ADMIN, PA_READ, ALL(OK)},
	{ROLE_ADMIN, PA_NOTE, ALL(OK)},
	{ROLE_ADMIN, PA_PROGRESS, ALL(OK)},
	{ROLE_ADMIN, PA_STATUS, ALL(OK)},
	{ROLE_ADMIN, PA_EXTEND, ALL(OK)},
	{ROLE_ADMIN, PA_EXTEND_REQUEST, ALL(OK)},
	{ROLE_ADMIN, PA_CONFIRM, ALL(OK)},
	{ROLE_ADMIN, PA_MEASURE, ALL(OK)},
	{ROLE_ADMIN, PA_ADD_DOC, ALL(OK)},
	{ROLE_ADMIN, PA_ADD_TASK, ALL(OK)},
	{ROLE_ADMIN, PA_EDIT, ALL(OK)},
	{ROLE_ADMIN, PA_DELETE, ALL(OK)},
	{ROLE_ADMIN, PA_IMPORT, ALL(OK)},
	{ROLE_ADMIN, PA_HIERARCHY, ALL(OK)},
	{ROLE_ADMIN, PA_MAINTAIN, ALL(OK)},
	{ROLE_ADMIN, PA_EXPORT, ALL(OK)},
};
#define NEXPECTED (sizeof expected / sizeof expected[0])

/* The cells that differ from `expected` under one variation of the
 * options; every other cell must stay as in `expected`. */
struct variant {
	const char *name;
	struct perm_opts opts;
	int monitor;
	struct row changed[PA_COUNT];
	int nchanged;
};

static const struct variant variants[] = {
	{"defaults", {1, CFG_EXTEND_MONITORS, 0}, 0, {{0}}, 0},
	{"actor in the monitoring office", {1, CFG_EXTEND_MONITORS, 0}, 1,
	 {{ROLE_EDITOR, PA_CONFIRM, ALL(OK)}, {ROLE_EDITOR, PA_EXTEND, ALL(OK)}}, 2},
	{"extend = editors", {1, CFG_EXTEND_EDITORS, 0}, 0,
	 {{ROLE_EDITOR, PA_EXTEND, {OK, OK, "editor-partner", "editor-subtree"}}}, 1},
	{"extend = editors, actor in the monitoring office", {1, CFG_EXTEND_EDITORS, 0}, 1,
	 {{ROLE_EDITOR, PA_CONFIRM, ALL(OK)}, {ROLE_EDITOR, PA_EXTEND, ALL(OK)}}, 2},
	{"editors_edit = yes", {1, CFG_EXTEND_MONITORS, 1}, 0,
	 {{ROLE_EDITOR, PA_EDIT, {OK, OK, "admin-only", "admin-only"}}}, 1},
	{"extend = admins", {1, CFG_EXTEND_ADMINS, 0}, 0,
	 {{ROLE_EDITOR, PA_EXTEND, ALL("extend-admins")}}, 1},
	{"extend = admins, actor in the monitoring office", {1, CFG_EXTEND_ADMINS, 0}, 1,
	 {{ROLE_EDITOR, PA_CONFIRM, ALL(OK)}, {ROLE_EDITOR, PA_EXTEND, ALL("extend-admins")}}, 2},
	{"unmapped = none", {0, CFG_EXTEND_MONITORS, 0}, 0,
	 {{ROLE_NONE, PA_READ, ALL("unmapped-none")},
	  {ROLE_NONE, PA_NOTE, ALL("unmapped-none")},
	  {ROLE_NONE, PA_PROGRESS, ALL("unmapped-none")},
	  {ROLE_NONE, PA_STATUS, ALL("unmapped-none")},
	  {ROLE_NONE, PA_EXTEND, ALL("unmapped-none")},
	  {ROLE_NONE, PA_EXTEND_REQUEST, ALL("unmapped-none")},
	  {ROLE_NONE, PA_CONFIRM, ALL("unmapped-none")},
	  {ROLE_NONE, PA_MEASURE, ALL("unmapped-none")},
	  {ROLE_NONE, PA_ADD_DOC, ALL("unmapped-none")},
	  {ROLE_NONE, PA_ADD_TASK, ALL("unmapped-none")},
	  {ROLE_NONE, PA_EDIT, ALL("unmapped-none")},
	  {ROLE_NONE, PA_DELETE, ALL("unmapped-none")},
	  {ROLE_NONE, PA_IMPORT, ALL("unmapped-none")},
	  {ROLE_NONE, PA_HIERARCHY, ALL("unmapped-none")},
	  {ROLE_NONE, PA_MAINTAIN, ALL("unmapped-none")},
	  {ROLE_NONE, PA_EXPORT, ALL("unmapped-none")}}, PA_COUNT},
};

static const char *expect_cell(const struct variant *v, enum role r, enum perm_action a,
                               enum perm_rel rel)
{
	for (int i = 0; i < v->nchanged; i++)
		if (v->changed[i].role == r && v->changed[i].a == a)
			return v->changed[i].cell[rel];
	for (size_t i = 0; i < NEXPECTED; i++)
		if (expected[i].role == r && expected[i].a == a)
			return expected[i].cell[rel];
	cr_assert_fail("no expectation for role %d action %d", r, a);
	return NULL;
}

Test(perm_table, the_expected_matrix_names_every_role_and_action)
{
	cr_assert_eq(NEXPECTED, (size_t)(ROLE_ADMIN + 1) * PA_COUNT);
	for (int r = ROLE_NONE; r <= ROLE_ADMIN; r++)
		for (int a = 0; a < PA_COUNT; a++) {
			int n = 0;
			for (size_t i = 0; i < NEXPECTED; i++)
				n += expected[i].role == (enum role)r && expected[i].a == (enum perm_action)a;
			cr_assert_eq(n, 1, "role %d action %d", r, a);
		}
}

Test(perm_table, every_role_action_and_relation_under_every_option)
{
	int cells = 0;
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++)
		for (int r = ROLE_NONE; r <= ROLE_ADMIN; r++)
			for (int a = 0; a < PA_COUNT; a++)
				for (int rel = 0; rel < PR_COUNT; rel++) {
					const struct variant *var = &variants[v];
					const char *want = expect_cell(var, (enum role)r, (enum perm_action)a,
					                               (enum perm_rel)rel);
					const struct perm_rule *got =
						perm_check((enum role)r, (enum perm_action)a, (enum perm_rel)rel,
						           var->monitor, &var->opts);
					cr_assert_str_eq(got ? got->key : "", want, "%s: %s %s %s", var->name,
					                 role_key((enum role)r), perm_action_key((enum perm_action)a),
					                 perm_rel_key((enum perm_rel)rel));
					cells++;
				}
	cr_assert_eq(cells, (int)(sizeof variants / sizeof variants[0]) * 4 * PA_COUNT * PR_COUNT);
}

Test(perm_table, out_of_range_values_are_refused)
{
	cr_assert_not_null(perm_check((enum role)9, PA_READ, PR_OWN, 1, NULL));
	cr_assert_not_null(perm_check(ROLE_ADMIN, (enum perm_action)PA_COUNT, PR_OWN, 1, NULL));
	cr_assert_not_null(perm_check(ROLE_ADMIN, PA_READ, (enum perm_rel)PR_COUNT, 1, NULL));
}

Test(perm_table, a_refusal_names_the_action_the_object_and_the_rule)
{
	struct err e = {0};
	const struct perm_rule *r = perm_check(ROLE_EDITOR, PA_EXTEND, PR_ELSEWHERE, 0, NULL);
	cr_assert_eq(perm_deny(r, PA_EXTEND, "nhiệm vụ #12", &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "gia hạn nhiệm vụ #12"), "%s", e.msg);
	cr_assert(strstr(e.msg, "(quy tắc extend-monitors)"), "%s", e.msg);
	cr_assert(strstr(e.msg, "extend --request"), "the refusal says how to ask: %s", e.msg);
	int n;
	const struct perm_rule *all = perm_rules(&n);
	for (int i = 0; i < n; i++)
		cr_assert(all[i].key[0] && all[i].text[0]);
}

/* ---- relations and monitoring offices in a store ---- */

TestSuite(perm_store, .init = ox_setup, .fini = ox_teardown);

Test(perm_store, relations_of_the_four_tasks_to_the_actor_unit)
{
	static const enum perm_rel want[OX_NTASKS] = {PR_OWN, PR_SUBTREE, PR_PARTNER, PR_ELSEWHERE};
	struct txn *t = fx_read();
	for (int i = 0; i < OX_NTASKS; i++) {
		struct task k = ox_get(ox_task[i]);
		enum perm_rel rel;
		cr_assert_eq(perm_task_rel(t, ox_unit[OU_BTC], &k, &rel, NULL), 0);
		cr_assert_eq(rel, want[i], "task %d: %s", i, perm_rel_key(rel));
		/* a unit below the lead is not the lead's subtree */
		cr_assert_eq(perm_task_rel(t, ox_unit[OU_BTC_P1], &k, &rel, NULL), 0);
		cr_assert_eq(rel, i == OX_SUBTREE ? PR_OWN : PR_ELSEWHERE);
		/* no unit: elsewhere */
		cr_assert_eq(perm_task_rel(t, 0, &k, &rel, NULL), 0);
		cr_assert_eq(rel, PR_ELSEWHERE);
		task_free(&k);
	}
	store_read_end(t);
}

Test(perm_store, the_nearest_monitored_unit_names_the_office)
{
	struct cfg_monitor two[2] = {{"tu-vp", "tu", 1}, {"tu-btc-p1", "tu-btc", 1}};
	uint32_t office;
	struct txn *t = fx_read();
	cr_assert_eq(perm_monitor_office(t, &ox_cfg, ox_unit[OU_BTC_P1], &office, NULL), 0);
	cr_assert_eq(office, ox_unit[OU_VP]);
	ox_cfg.monitors = two;
	ox_cfg.nmonitors = 2;
	cr_assert_eq(perm_monitor_office(t, &ox_cfg, ox_unit[OU_BTC_P1], &office, NULL), 0);
	cr_assert_eq(office, ox_unit[OU_BTC_P1]);
	cr_assert_eq(perm_monitor_office(t, &ox_cfg, ox_unit[OU_BTG], &office, NULL), 0);
	cr_assert_eq(office, ox_unit[OU_VP]);
	ox_cfg.nmonitors = 0;
	cr_assert_eq(perm_monitor_office(t, &ox_cfg, ox_unit[OU_BTG], &office, NULL), 0);
	cr_assert_eq(office, 0, "no monitors: admins only");
	store_read_end(t);
}

/* ---- the matrix through ops.h ---- */

static const enum perm_action written[] = {PA_NOTE, PA_PROGRESS, PA_STATUS, PA_EXTEND,
                                           PA_EXTEND_REQUEST, PA_CONFIRM, PA_ADD_DOC,
                                           PA_ADD_TASK};
#define NWRITTEN (sizeof written / sizeof written[0])

/* Do action a on task i as the current actor; returns the code. */
static int act(enum perm_action a, int i, struct err *e)
{
	static int bump;
	uint64_t id = ox_task[i];
	switch (a) {
	case PA_NOTE: return ops_update(&ox, id, -1, -1, "Đã họp triển khai", NULL, e);
	case PA_PROGRESS: return ops_update(&ox, id, -1, 60, NULL, NULL, e);
	case PA_STATUS: return ops_update(&ox, id, ST_ON_HOLD, -1, NULL, NULL, e);
	case PA_EXTEND:
		return ops_extend(&ox, id, date_make(2027, 6, 1) + bump++, "Chờ hướng dẫn", e);
	case PA_EXTEND_REQUEST: {
		uint64_t x;
		int rc = ops_extend_request(&ox, id, date_make(2027, 6, 1) + bump++, "Chờ hướng dẫn",
		                            &x, e);
		if (rc == 0) { /* decide it (as an admin) so that the next may ask again */
			struct actor was = ox.who;
			struct err le = {0};
			ox_as(ROLE_ADMIN, OU_VP);
			cr_assert_eq(ops_extend_refuse(&ox, x, "Chưa đủ căn cứ", &le), 0, "%s", le.msg);
			ox.who = was;
		}
		return rc;
	}
	case PA_CONFIRM:
		ox_set(id, ST_DONE, CF_PENDING);
		return ops_confirm(&ox, id, NULL, NULL, e);
	case PA_ADD_DOC: {
		struct doc d = {0};
		d.date = d.plan_due = DATE_NONE;
		d.title = xstrdup("Kế hoạch thử");
		int rc = ops_add_doc(&ox, &d, e);
		doc_free(&d);
		return rc;
	}
	default: {
		struct task k;
		fx_task_init(&k, ox_unit[OU_BTC], 0, ST_NOT_STARTED, DATE_NONE);
		int rc = ops_add_task(&ox, &k, e);
		task_free(&k);
		return rc;
	}
	}
}

/* Every role (actor of tu-btc) × written action × relation: the outcome of
 * the library matches the matrix; a refusal names its rule and leaves the
 * task and the audit trail as they were; a success appends one entry. */
static void matrix_through_ops(int monitor_unit)
{
	static const struct variant dflt = {"defaults", {1, CFG_EXTEND_MONITORS, 0}, 0, {{0}}, 0};
	static const struct variant mon = {"office", {1, CFG_EXTEND_MONITORS, 0}, 1,
	                                   {{ROLE_EDITOR, PA_CONFIRM, ALL(OK)},
	                                    {ROLE_EDITOR, PA_EXTEND, ALL(OK)}}, 2};
	const struct variant *v = monitor_unit ? &mon : &dflt;
	for (int r = ROLE_NONE; r <= ROLE_ADMIN; r++)
		for (size_t w = 0; w < NWRITTEN; w++)
			for (int i = 0; i < OX_NTASKS; i++) {
				enum perm_action a = written[w];
				/* the monitoring office's editor relates to the tasks as elsewhere,
				 * except for confirming */
				enum perm_rel rel = monitor_unit ? PR_ELSEWHERE : (enum perm_rel)i;
				const char *want = expect_cell(v, (enum role)r, a, rel);
				ox_as((enum role)r, monitor_unit ? OU_VP : OU_BTC);
				struct task before = ox_get(ox_task[i]);
				uint64_t n0 = ox_audit_count();
				struct err e = {0};
				int rc = act(a, i, &e);
				const char *what = perm_action_key(a);
				if (*want) {
					struct task after = ox_get(ox_task[i]);
					cr_assert_eq(rc, ERR_DENIED, "%s %s task %d: %d %s", role_key((enum role)r),
					             what, i, rc, e.msg);
					cr_assert(strstr(e.msg, want), "%s %s task %d: '%s' lacks %s",
					          role_key((enum role)r), what, i, e.msg, want);
					cr_assert_eq(ox_audit_count(), n0, "a refusal wrote an audit entry");
					if (a != PA_CONFIRM) {
						cr_assert_eq(after.status, before.status);
						cr_assert_eq(after.progress, before.progress);
						cr_assert_eq(after.due, before.due);
						cr_assert_eq(after.nupdates, before.nupdates);
					}
					task_free(&after);
				} else {
					cr_assert_eq(rc, 0, "%s %s task %d: %s", role_key((enum role)r), what, i,
					             e.msg);
					cr_assert_eq(ox_audit_count(), n0 + 1 + (a == PA_EXTEND_REQUEST),
					             "no audit entry for %s", what);
				}
				task_free(&before);
				/* back to an open task for the next action */
				ox_set(ox_task[i], ST_IN_PROGRESS, CF_NONE);
			}
}

Test(perm_store, every_role_action_and_relation_through_the_library)
{
	matrix_through_ops(0);
}

Test(perm_store, the_monitoring_office_confirms_what_it_monitors_and_nothing_else)
{
	matrix_through_ops(1);
}

Test(perm_store, a_partner_note_leaves_status_and_progress_alone)
{
	ox_as(ROLE_EDITOR, OU_BTC);
	ox_set(ox_task[OX_PARTNER], ST_NOT_STARTED, CF_NONE);
	struct err e = {0};
	cr_assert_eq(ops_update(&ox, ox_task[OX_PARTNER], -1, -1, "Đã phối hợp", NULL, &e), 0,
	             "%s", e.msg);
	struct task k = ox_get(ox_task[OX_PARTNER]);
	cr_assert_eq(k.status, ST_NOT_STARTED, "a partner's note must not start the task");
	cr_assert_eq(k.nupdates, 1);
	task_free(&k);
	/* progress 100 would set done: refused as status of the lead's */
	cr_assert_eq(ops_update(&ox, ox_task[OX_PARTNER], -1, 100, NULL, NULL, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "editor-partner"), "%s", e.msg);
}

Test(perm_store, may_functions_agree_with_the_writes)
{
	ox_as(ROLE_EDITOR, OU_BTC);
	for (int i = 0; i < OX_NTASKS; i++) {
		struct task k = ox_get(ox_task[i]);
		struct err e = {0};
		cr_assert_eq(ops_may_update(&ox, &k, &e), i != OX_ELSEWHERE, "task %d", i);
		cr_assert_eq(ops_may(&ox, PA_STATUS, &k, NULL), i == OX_OWN || i == OX_SUBTREE);
		task_free(&k);
	}
	cr_assert_eq(ops_require(&ox, PA_IMPORT, NULL), ERR_DENIED);
	ox_as(ROLE_ADMIN, OU_BTC);
	cr_assert_eq(ops_require(&ox, PA_IMPORT, NULL), 0);
}

/* ---- identity ---- */

static const char *my_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	cr_assert_not_null(pw);
	return pw->pw_name;
}

Test(perm_store, identity_comes_from_the_uid_not_the_environment)
{
	struct cfg_user u = {0};
	snprintf(u.login, sizeof u.login, "%s-fake", my_login());
	strcpy(u.unit, "tu-btc");
	u.role = ROLE_ADMIN;
	ox_cfg.users = &u;
	ox_cfg.nusers = 1;
	setenv("USER", u.login, 1);
	setenv("LOGNAME", u.login, 1);
	struct err e = {0};
	cr_assert_eq(ops_identify(&ox, &e), 0, "%s", e.msg);
	cr_assert_str_eq(ox.who.login, my_login());
	cr_assert_eq(ox.who.role, ROLE_NONE, "$USER must not give a role");
	/* the real login, mapped, gets its role and unit */
	snprintf(u.login, sizeof u.login, "%s", my_login());
	u.role = ROLE_EDITOR;
	cr_assert_eq(ops_identify(&ox, &e), 0, "%s", e.msg);
	cr_assert_eq(ox.who.role, ROLE_EDITOR);
	cr_assert_eq(ox.who.unit, ox_unit[OU_BTC]);
	ox_cfg.users = NULL;
	ox_cfg.nusers = 0;
}

Test(perm_store, an_unmapped_login_reads_or_is_refused_as_configured)
{
	struct err e = {0};
	ox_cfg.unmapped_can_read = 1;
	cr_assert_eq(ops_identify(&ox, &e), 0, "%s", e.msg);
	cr_assert_eq(ox.who.role, ROLE_NONE);
	cr_assert_eq(ops_require(&ox, PA_READ, NULL), 0);
	ox_cfg.unmapped_can_read = 0;
	cr_assert_eq(ops_identify(&ox, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "unmapped-none"), "%s", e.msg);
	cr_assert(strstr(e.msg, my_login()), "the message names the login: %s", e.msg);
}

Test(perm_store, objects_led_by_a_unit_follow_the_same_rules)
{
	struct txn *t = fx_read();
	struct err e = {0};
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, ox_unit[OU_BTC], "chỉ tiêu #1", &e), 0);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, ox_unit[OU_BTC_P1], "chỉ tiêu #1", &e), 0);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, ox_unit[OU_BTG], "chỉ tiêu #2", &e),
	             ERR_DENIED);
	cr_assert(strstr(e.msg, "chỉ tiêu #2") && strstr(e.msg, "editor-subtree"), "%s", e.msg);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, 0, NULL, &e), ERR_DENIED, "no lead unit");
	ox_as(ROLE_VIEWER, OU_BTC);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, ox_unit[OU_BTC], NULL, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "viewer-read"), "%s", e.msg);
	ox_as(ROLE_ADMIN, -1);
	cr_assert_eq(ops_check_led(t, &ox, PA_MEASURE, 0, NULL, &e), 0);
	store_read_end(t);
}
