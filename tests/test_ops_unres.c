/* test_ops_unres.c — the unresolved names read in slices (ops_unres_*,
 * ops-link.h), as the screen reads them: the leads and issuers at once,
 * the partners' names a slice of tasks at a time in later transactions,
 * ending with the list ops_unresolved gives in one go. */
#include <criterion/criterion.h>

#include "hier.h"
#include "ops-fixture.h"
#include "ops-link.h"

TestSuite(ops_unres, .init = ox_setup, .fini = ox_teardown);

static const char *const partner_names[] = {
	"Hội Nông dân tỉnh", "tu-btg", "Liên đoàn Lao động tỉnh; tu-vp", "Hội Nông dân tỉnh",
	"các cơ quan liên quan", "Tỉnh đoàn; Hội Nông dân tỉnh",
};
#define NPARTNER_TASKS 30

/* Tasks whose partners are written (some names no unit has), and one
 * whose lead is written but has no unit. */
static void fill(void)
{
	for (int i = 0; i < NPARTNER_TASKS; i++) {
		struct task t;

		fx_task_init(&t, ox_unit[OU_BTC], 0, ST_IN_PROGRESS, DATE_NONE);
		t.partners_text = xstrdup(partner_names[i % 6]);
		if (i == 17) {
			t.lead = 0;
			t.lead_text = xstrdup("Ban Chỉ đạo 35 tỉnh");
		}
		fx_write(fx_w_task, &t);
		task_free(&t);
	}
}

static int same_names(const struct unresolved_name *a, size_t na,
                      const struct unresolved_name *b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++) {
		if (strcmp(a[i].name, b[i].name) || a[i].role != b[i].role ||
		    a[i].ntasks != b[i].ntasks || a[i].ndocs != b[i].ndocs)
			return 0;
		for (size_t j = 0; j < a[i].ndocs; j++)
			if (a[i].docs[j] != b[i].docs[j])
				return 0;
	}
	return 1;
}

static int has(const struct unresolved_name *v, size_t n, const char *name,
               enum unresolved_role role)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name) && v[i].role == role)
			return (int)v[i].ntasks;
	return -1;
}

Test(ops_unres, slices_in_later_transactions_end_with_the_whole_list)
{
	struct unresolved_name *all = NULL, *v = NULL;
	size_t nall = 0, n = 0;
	struct hier *h = NULL;
	struct err e = {0};
	struct txn *t;

	fill();
	ox_as(ROLE_ADMIN, OU_VP);
	t = fx_read();
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(ops_unresolved(&ox, h, &all, &nall, &e), 0, "%s", e.msg);
	cr_assert_eq(has(all, nall, "Hội Nông dân tỉnh", UR_PARTNER), 15);
	cr_assert_eq(has(all, nall, "Liên đoàn Lao động tỉnh", UR_PARTNER), 5);
	cr_assert_eq(has(all, nall, "Tỉnh đoàn", UR_PARTNER), 5);
	cr_assert_eq(has(all, nall, "tu-vp", UR_PARTNER), -1, "a unit's code is resolved");
	cr_assert_eq(has(all, nall, "các cơ quan liên quan", UR_PARTNER), -1, "a group is no name");
	cr_assert_eq(has(all, nall, "Ban Chỉ đạo 35 tỉnh", UR_LEAD), 1);

	static const size_t budgets[] = { 1, 4, 7, 1000 };
	for (size_t b = 0; b < sizeof(budgets) / sizeof(budgets[0]); b++) {
		struct ops_unres *s = NULL;
		size_t steps = 0;

		t = fx_read();
		cr_assert_eq(ops_unres_open(&ox, t, h, &s, &e), 0, "%s", e.msg);
		store_read_end(t);
		/* the lead is there before any task is read for partners */
		ops_unres_names(s, &v, &n);
		cr_assert_eq(has(v, n, "Ban Chỉ đạo 35 tỉnh", UR_LEAD), 1);
		cr_assert_eq(has(v, n, "Hội Nông dân tỉnh", UR_PARTNER), -1);
		ops_unresolved_free(v, n);
		while (!ops_unres_done(s)) {
			size_t before = ops_unres_read(s);

			t = fx_read(); /* each slice in a transaction of its own */
			cr_assert_eq(ops_unres_step(s, t, budgets[b], &e), 0, "%s", e.msg);
			store_read_end(t);
			cr_assert_leq(ops_unres_read(s) - before, budgets[b]);
			steps++;
		}
		cr_assert_geq(steps, (NPARTNER_TASKS + 4) / budgets[b], "budget %zu: %zu slices",
		              budgets[b], steps);
		ops_unres_names(s, &v, &n);
		cr_assert(same_names(v, n, all, nall), "budget %zu: the list differs", budgets[b]);
		ops_unresolved_free(v, n);
		ops_unres_free(s);
	}
	ops_unresolved_free(all, nall);
	hier_free(h);
}

Test(ops_unres, refused_to_who_may_not_read)
{
	struct ops_unres *s = (struct ops_unres *)1;
	struct err e = {0};
	struct txn *t;

	ox_cfg.unmapped_can_read = 0;
	ox_as(ROLE_NONE, -1);
	t = fx_read();
	cr_assert_neq(ops_unres_open(&ox, t, NULL, &s, &e), 0);
	store_read_end(t);
	cr_assert_null(s);
}
