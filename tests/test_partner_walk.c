/* test_partner_walk.c — a unit's partner tasks through the index
 * (partner-walk.h): on a generated store, for units with and without a
 * subtree, the walk read in pages of every size gives the tasks the plain
 * way finds (every task whose partners include the unit or a unit below
 * it), in id order, each once; and a later transaction still finds a task
 * added after the walk began. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen-fixture.h"
#include "hier.h"
#include "model.h"
#include "partner-walk.h"
#include "store.h"
#include "util.h"

static void setup(void)
{
	gx_setup("pw", 6000, 11);
}

TestSuite(partner_walk, .init = setup, .fini = gx_teardown);

/* The plain way: every task, its partners looked at one by one. */
struct plain {
	uint32_t unit;
	int subtree;
	struct idvec ids;
};

static int plain_task(const struct task *k, void *ctx)
{
	struct plain *p = ctx;

	for (int i = 0; i < k->npartners; i++)
		if (k->partners[i] == p->unit ||
		    (p->subtree && hier_in_subtree(gx_h, k->partners[i], p->unit))) {
			idvec_push(&p->ids, k->id);
			break;
		}
	return 0;
}

static void walked(uint32_t unit, int subtree, size_t page, struct idvec *out)
{
	struct partner_walk w;
	struct err e;
	uint64_t buf[64];
	size_t got;

	err_clear(&e);
	cr_assert_eq(pw_open(&w, gx_t, gx_h, unit, subtree, &e), 0, "%s", e.msg);
	while (!pw_done(&w)) {
		cr_assert_eq(pw_next(&w, gx_t, page, buf, &got, &e), 0, "%s", e.msg);
		cr_assert(got <= page);
		cr_assert(got == page || pw_done(&w), "a short page before the end");
		for (size_t i = 0; i < got; i++)
			idvec_push(out, buf[i]);
	}
	pw_free(&w);
}

static void check_unit(uint32_t unit, int subtree, size_t *total)
{
	struct plain p = { unit, subtree, {0} };
	struct err e;
	static const size_t pages[] = { 1, 3, 64 };

	err_clear(&e);
	cr_assert_eq(store_tasks_each(gx_t, plain_task, &p, &e), 0, "%s", e.msg);
	for (size_t k = 0; k < sizeof(pages) / sizeof(pages[0]); k++) {
		struct idvec got = {0};

		walked(unit, subtree, pages[k], &got);
		cr_assert_eq(got.n, p.ids.n, "unit %u subtree %d page %zu: %zu tasks, want %zu",
		             unit, subtree, pages[k], got.n, p.ids.n);
		for (size_t i = 0; i < got.n; i++)
			cr_assert_eq(got.v[i], p.ids.v[i], "unit %u row %zu", unit, i);
		idvec_free(&got);
	}
	*total += p.ids.n;
	idvec_free(&p.ids);
}

Test(partner_walk, every_subtree_in_id_order_each_task_once)
{
	size_t total_sub = 0, total_own = 0, n = hier_count(gx_h);

	/* the root, a unit of each level down the first branch, and a spread
	 * of others, with and without their subtree */
	for (size_t i = 0; i < n; i += (i < 8 ? 1 : 37)) {
		check_unit(hier_at(gx_h, i)->id, 1, &total_sub);
		check_unit(hier_at(gx_h, i)->id, 0, &total_own);
	}
	cr_assert_gt(total_sub, total_own, "no subtree gathered more than its own unit");
	cr_assert_gt(total_own, 0, "the generated store has no partner task");
}

Test(partner_walk, a_unit_not_in_the_tree_is_walked_alone)
{
	struct idvec got = {0};

	walked(0x7ffffff0u, 1, 8, &got);
	cr_assert_eq(got.n, 0);
	idvec_free(&got);
}

static int add_task(struct txn *w, void *ctx, struct err *e)
{
	return store_task_put(w, ctx, e);
}

Test(partner_walk, goes_on_in_a_later_transaction)
{
	uint32_t root = hier_at(gx_h, 0)->id, leaf = hier_at(gx_h, hier_count(gx_h) - 1)->id;
	struct partner_walk w;
	struct task k = {0};
	struct err e;
	uint64_t buf[4], last = 0;
	size_t got, n = 0;

	err_clear(&e);
	cr_assert_eq(pw_open(&w, gx_t, gx_h, root, 1, &e), 0, "%s", e.msg);
	cr_assert_eq(pw_next(&w, gx_t, 4, buf, &got, &e), 0, "%s", e.msg);
	cr_assert_eq(got, 4);
	store_read_end(gx_t);
	gx_t = NULL;
	/* a new task with a partner deep in the tree */
	k.lead = root;
	k.text = xstrdup("Nhiệm vụ mới thêm");
	k.dl.d.kind = DL_NONE;
	k.dl.d.due = k.dl.d.start = DATE_NONE;
	k.due = k.extended_to = k.start = k.last_update = k.done_date = DATE_NONE;
	k.npartners = 1;
	k.partners = xmalloc(sizeof(*k.partners));
	k.partners[0] = leaf;
	cr_assert_eq(store_write(gx_st, add_task, &k, &e), 0, "%s", e.msg);
	cr_assert_eq(store_read_begin(gx_st, &gx_t, &e), 0, "%s", e.msg);
	while (!pw_done(&w)) {
		cr_assert_eq(pw_next(&w, gx_t, 4, buf, &got, &e), 0, "%s", e.msg);
		for (size_t i = 0; i < got; i++, n++) {
			cr_assert_gt(buf[i], last, "ids ascending");
			last = buf[i];
		}
	}
	cr_assert_eq(last, k.id, "the task added meanwhile comes last");
	pw_free(&w);
	task_free(&k);
}

/* A task with two partners in the subtree (and one named twice) is given
 * once. */
Test(partner_walk, two_partners_in_the_subtree_give_the_task_once)
{
	uint32_t root = hier_at(gx_h, 0)->id, a = hier_at(gx_h, 1)->id, b = hier_at(gx_h, 2)->id;
	struct task k[3];
	struct err e;
	size_t total = 0;

	err_clear(&e);
	store_read_end(gx_t);
	gx_t = NULL;
	for (int i = 0; i < 3; i++) {
		memset(&k[i], 0, sizeof(k[i]));
		k[i].lead = root;
		k[i].text = xstrdup("Phối hợp nhiều đơn vị");
		k[i].dl.d.kind = DL_NONE;
		k[i].dl.d.due = k[i].dl.d.start = DATE_NONE;
		k[i].due = k[i].extended_to = k[i].start = k[i].last_update = DATE_NONE;
		k[i].done_date = DATE_NONE;
		k[i].npartners = 2;
		k[i].partners = xmalloc(2 * sizeof(*k[i].partners));
		k[i].partners[0] = i == 2 ? b : a;
		k[i].partners[1] = i == 1 ? a : b;
		cr_assert_eq(store_write(gx_st, add_task, &k[i], &e), 0, "%s", e.msg);
	}
	cr_assert_eq(store_read_begin(gx_st, &gx_t, &e), 0, "%s", e.msg);
	check_unit(root, 1, &total);
	check_unit(a, 0, &total);
	for (int i = 0; i < 3; i++)
		task_free(&k[i]);
}
