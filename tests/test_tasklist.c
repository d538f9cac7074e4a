/* test_tasklist.c — the tasks led in a subtree read a page at a time:
 * on a generated store, every subtree's list read forward and backward
 * in pages, and tkl_locate's row numbers, agree with the whole list built
 * the plain way (every dated task of every unit sorted by due, then every
 * other task by unit in tree order); both ways of reading the due index
 * (store-wide, and unit by unit) are exercised. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen-fixture.h"
#include "hier.h"
#include "model.h"
#include "store.h"
#include "tasklist.h"
#include "util.h"

static void setup(void)
{
	gx_setup("tkl", 6000, 7);
}

/* ---- the whole list, the plain way ---- */

struct ref {
	struct tkl_row *v;
	size_t n, cap;
};

static void ref_push(struct ref *r, int seg, date_t due, size_t unit, uint64_t id)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	r->v[r->n].k.seg = seg;
	r->v[r->n].k.due = due;
	r->v[r->n].k.unit = unit;
	r->v[r->n].k.id = id;
	r->v[r->n++].id = id;
}

struct ref_ctx {
	struct ref *r;
	size_t unit;
	date_t first, last;
};

static int ref_due(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct ref_ctx *c = ctx;

	(void)lead;
	if ((c->last == DATE_NONE || due <= c->last) && (c->first == DATE_NONE || due >= c->first))
		ref_push(c->r, 0, due, 0, id);
	return 0;
}

static int ref_lead(uint64_t id, void *ctx)
{
	struct ref_ctx *c = ctx;
	struct task tk;

	memset(&tk, 0, sizeof tk);
	cr_assert_eq(store_task_get(gx_t, id, &tk, NULL), 0);
	if (store_task_slot(&tk) >= STORE_SLOT_NODUE)
		ref_push(c->r, 1, DATE_NONE, c->unit, id);
	task_free(&tk);
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	return tkl_cmp(&((const struct tkl_row *)a)->k, &((const struct tkl_row *)b)->k);
}

static void reference(size_t ix, date_t first, date_t last, struct ref *r)
{
	size_t i, end = hier_subtree_end(gx_h, ix), ndated;
	struct ref_ctx c = { r, 0, first, last };

	memset(r, 0, sizeof *r);
	for (i = ix; i < end; i++)
		cr_assert_eq(store_tasks_by_due(gx_t, hier_at(gx_h, i)->id, DATE_NONE, DATE_NONE, ref_due,
		                                &c, NULL), 0);
	xqsort(r->v, r->n, sizeof(*r->v), cmp_row);
	ndated = r->n;
	for (i = ix; first == DATE_NONE && last == DATE_NONE && i < end; i++) {
		c.unit = i;
		cr_assert_eq(store_tasks_by_lead(gx_t, hier_at(gx_h, i)->id, ref_lead, &c, NULL), 0);
	}
	(void)ndated;
}

/* ---- the list a page at a time against it ---- */

static void check_list(size_t ix, date_t first, date_t last, int *modes)
{
	struct tkl l;
	struct ref r;
	struct tkl_row page[37];
	struct tkl_key k;
	size_t got, pos, i, ps;
	int pass;
	uint64_t at;
	struct err e;

	err_clear(&e);
	reference(ix, first, last, &r);
	cr_assert_eq(tkl_open(&l, gx_t, gx_h, hier_at(gx_h, ix)->id, first, last, &e), 0, "%s", e.msg);
	cr_assert_eq(l.n, r.n, "unit %s: %llu rows counted, %zu listed", hier_at(gx_h, ix)->code,
	             (unsigned long long)l.n, r.n);
	modes[l.global ? 1 : 0]++;

	/* Forward, a page at a time from the first row, and backward from
	 * the last; in pages of 37 and of 5 rows (a short page makes the
	 * unit-by-unit merge keep only the nearest rows as it goes); each way
	 * of reading the due index, whichever tkl_open chose. */
	for (pass = 0; pass < 4; pass++) {
		ps = pass & 1 ? 5 : 37;
		if (pass == 2)
			l.global = !l.global;
		for (pos = 0;;) {
			cr_assert_eq(tkl_next(&l, gx_t, pos ? &k : NULL, ps, page, &got, &e), 0, "%s",
			             e.msg);
			for (i = 0; i < got; i++)
				cr_assert_eq(page[i].id, r.v[pos + i].id, "unit %s row %zu forward",
				             hier_at(gx_h, ix)->code, pos + i);
			pos += got;
			if (got < ps)
				break;
			k = page[got - 1].k;
		}
		cr_assert_eq(pos, r.n);
		for (pos = r.n;;) {
			cr_assert_eq(tkl_prev(&l, gx_t, pos < r.n ? &k : NULL, ps, page, &got, &e), 0,
			             "%s", e.msg);
			cr_assert_leq(got, pos);
			for (i = 0; i < got; i++)
				cr_assert_eq(page[i].id, r.v[pos - got + i].id,
				             "unit %s row %zu backward", hier_at(gx_h, ix)->code,
				             pos - got + i);
			pos -= got;
			if (got < ps)
				break;
			k = page[0].k;
		}
		cr_assert_eq(pos, 0);
	}

	l.global = !l.global;
	/* Every 7th row found where it is. */
	for (i = 0; i < r.n; i += 7) {
		cr_assert_eq(tkl_locate(&l, gx_t, r.v[i].id, &k, &at, &e), 0, "%s", e.msg);
		cr_assert_eq(at, i, "unit %s: task %llu at row %llu, not %zu", hier_at(gx_h, ix)->code,
		             (unsigned long long)r.v[i].id, (unsigned long long)at, i);
		cr_assert_eq(tkl_cmp(&k, &r.v[i].k), 0);
	}
	free(r.v);
}

Test(tasklist, pages_agree_with_the_whole_list, .init = setup, .fini = gx_teardown,
     .timeout = 120)
{
	size_t i, n = hier_count(gx_h), checked = 0;
	int modes[2] = { 0, 0 };

	/* Each root, and units of every size: the subtrees of the first
	 * units of each depth, and some leaves. */
	for (i = 0; i < n; i += (i < 40 ? 1 : 23)) {
		check_list(i, DATE_NONE, DATE_NONE, modes);
		checked++;
	}
	cr_assert_gt(checked, 40);
	cr_assert_gt(modes[0], 0, "no list read unit by unit");
	cr_assert_gt(modes[1], 0, "no list read from the store-wide index");
}

Test(tasklist, overdue_and_due_soon_parts, .init = setup, .fini = gx_teardown, .timeout = 120)
{
	int modes[2] = { 0, 0 };
	size_t i;

	for (i = 0; i < hier_count(gx_h); i += (i < 20 ? 1 : 31)) {
		check_list(i, DATE_NONE, GX_TODAY - 1, modes);
		check_list(i, GX_TODAY, GX_TODAY + 14, modes);
	}
	cr_assert_gt(modes[0], 0, "no list read unit by unit");
	cr_assert_gt(modes[1], 0, "no list read from the store-wide index");
}

Test(tasklist, a_task_outside_is_not_found, .init = setup, .fini = gx_teardown)
{
	struct tkl l;
	struct tkl_row row;
	struct tkl_key k;
	struct err e;
	size_t got, ix;
	uint64_t pos;

	err_clear(&e);
	/* The last unit in tree order is a leaf; a task led elsewhere is not
	 * in its list. */
	ix = hier_count(gx_h) - 1;
	cr_assert_eq(tkl_open(&l, gx_t, gx_h, hier_at(gx_h, 0)->id, DATE_NONE, DATE_NONE, &e), 0, "%s", e.msg);
	cr_assert_eq(tkl_next(&l, gx_t, NULL, 1, &row, &got, &e), 0);
	cr_assert_eq(got, 1);
	cr_assert_eq(tkl_open(&l, gx_t, gx_h, hier_at(gx_h, ix)->id, DATE_NONE, DATE_NONE, &e), 0, "%s", e.msg);
	if (!hier_in_subtree(gx_h, hier_at(gx_h, ix)->id, hier_at(gx_h, 0)->id))
		return;
	{
		struct task tk;

		memset(&tk, 0, sizeof tk);
		cr_assert_eq(store_task_get(gx_t, row.id, &tk, NULL), 0);
		if (tk.lead != hier_at(gx_h, ix)->id)
			cr_assert_eq(tkl_locate(&l, gx_t, row.id, &k, &pos, &e), ERR_NOTFOUND);
		task_free(&tk);
	}
	cr_assert_eq(tkl_open(&l, gx_t, gx_h, 0xfffffff0u, DATE_NONE, DATE_NONE, &e), ERR_NOTFOUND);
}
