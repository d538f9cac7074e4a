/* test_query.c — the due lists one task at a time (q_due_each): the same
 * tasks in the same order as q_due_ids, for the whole store and for a
 * subtree by either plan (the index scanned, or the subtree's units walked),
 * at most --limit of them, and a stop asked by the caller honoured. */
#include "store-fixture.h"

#include "hier.h"
#include "query.h"

TestSuite(query, .init = fx_setup, .fini = fx_teardown);

struct seen {
	uint64_t ids[256];
	size_t n;
	size_t stop_at; /* return 7 on this call (1-based); 0: never */
};

static int see(uint64_t id, date_t due, void *ctx)
{
	(void)due;
	struct seen *s = ctx;
	cr_assert_lt(s->n, 256);
	s->ids[s->n++] = id;
	return s->stop_at && s->n == s->stop_at ? 7 : 0;
}

/* q_due_each against q_due_ids for one root and limit. */
static void same_as_list(struct txn *t, const struct hier *h, uint32_t root, date_t from,
                         date_t to, size_t limit)
{
	struct err e = {0};
	uint64_t *ids = NULL;
	size_t n = 0;
	cr_assert_eq(q_due_ids(t, h, root, from, to, 0, limit ? limit : SIZE_MAX / 2, &ids, &n, &e),
	             0, "%s", e.msg);
	struct seen s = {.n = 0};
	cr_assert_eq(q_due_each(t, h, root, from, to, limit, see, &s, &e), 0, "%s", e.msg);
	cr_assert_eq(s.n, n, "root %u limit %zu: %zu tasks, the list has %zu", root, limit, s.n, n);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(s.ids[i], ids[i], "root %u limit %zu: #%zu is %llu, not %llu", root, limit,
		             i, (unsigned long long)s.ids[i], (unsigned long long)ids[i]);
	if (limit)
		cr_assert_leq(s.n, limit);
	free(ids);
}

Test(query, due_each_is_the_list_one_at_a_time)
{
	/* R { A { A1 }, B }, Z: Z leads most tasks, so A's subtree is walked
	 * unit by unit and R's read from the whole store's index. */
	uint32_t r = fx_unit("r", 0), a = fx_unit("a", r), a1 = fx_unit("a1", a);
	uint32_t b = fx_unit("b", r), z = fx_unit("z", 0);
	date_t d0 = date_make(2026, 1, 1);
	for (int i = 0; i < 120; i++)
		fx_task(z, 0, ST_IN_PROGRESS, d0 + (i * 37) % 300);
	for (int i = 0; i < 6; i++) {
		fx_task(a, 0, ST_NOT_STARTED, d0 + (i * 53) % 300);
		fx_task(a1, 0, ST_IN_PROGRESS, d0 + (i * 53) % 300); /* the same days: ties by id */
		fx_task(b, 0, ST_IN_PROGRESS, d0 + 100 + i);
		fx_task(r, 0, ST_IN_PROGRESS, d0 + 7 * i);
		fx_task(a, 0, ST_DONE, d0 + i);          /* closed: in no due list */
		fx_task(a1, 0, ST_IN_PROGRESS, DATE_NONE); /* no deadline */
	}
	fx_task(0, 0, ST_IN_PROGRESS, d0 + 3); /* no lead: the whole store only */
	struct txn *t = fx_read();
	struct hier *h = NULL;
	struct err e = {0};
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	const uint32_t roots[] = {0, r, a, a1, b, z};
	const size_t limits[] = {0, 1, 5, 40};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
		for (size_t k = 0; k < sizeof limits / sizeof limits[0]; k++) {
			same_as_list(t, h, roots[i], DATE_NONE, d0 + 150, limits[k]);
			same_as_list(t, h, roots[i], d0 + 20, d0 + 260, limits[k]);
		}
	/* the caller stops the walk: its code comes back, nothing is read after */
	const uint32_t stops[] = {0, r, a};
	for (size_t i = 0; i < 3; i++) {
		struct seen s = {.stop_at = 3};
		cr_assert_eq(q_due_each(t, h, stops[i], DATE_NONE, DATE_NONE, 0, see, &s, &e), 7);
		cr_assert_eq(s.n, 3);
	}
	/* a unit that does not exist */
	struct seen s = {.n = 0};
	cr_assert_neq(q_due_each(t, h, 9999, DATE_NONE, DATE_NONE, 0, see, &s, &e), 0);
	cr_assert_eq(s.n, 0);
	hier_free(h);
	store_read_end(t);
}
