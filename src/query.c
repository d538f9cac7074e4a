/* query.c — overdue and due-soon lists and counts over the indexes. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "hier.h"
#include "query.h"
#include "store.h"
#include "util.h"

struct due_hit {
	date_t due;
	uint64_t id;
};

struct collect {
	struct due_hit *hits;
	size_t n, cap, want;
};

static int collect_fn(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	(void)lead;
	struct collect *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->hits = xrealloc(c->hits, c->cap * sizeof *c->hits);
	}
	c->hits[c->n].due = due;
	c->hits[c->n].id = id;
	c->n++;
	return c->n >= c->want ? 1 : 0; /* per unit: enough once `want` are seen */
}

static int hit_cmp(const void *a, const void *b)
{
	const struct due_hit *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Saturating a + b, so that "no limit" (SIZE_MAX) never wraps. */
static size_t add_sat(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

struct filter {
	struct collect *c;
	const struct hier *h;
	uint32_t root;
};

static int filter_fn(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct filter *f = ctx;
	if (!lead || !hier_in_subtree(f->h, lead, f->root))
		return 0;
	return collect_fn(id, due, lead, f->c);
}

/* Walk the subtree unit by unit: each contributes at most `want` of its
 * own earliest tasks; a subtree with nothing in range (per the counters)
 * is skipped whole. */
static int walk_units(struct txn *t, const struct hier *h, size_t i, date_t from, date_t to,
                      size_t want, struct collect *c, struct err *e)
{
	size_t end = hier_subtree_end(h, i);
	int rc = 0;
	while (i < end && !rc) {
		uint64_t cnt = 0;
		uint32_t uid = hier_at(h, i)->id;
		if ((rc = store_count(t, uid, from, to, &cnt, e)))
			break;
		if (cnt == 0) {
			i = hier_subtree_end(h, i);
			continue;
		}
		c->want = add_sat(c->n, want);
		rc = store_tasks_by_due(t, uid, from, to, collect_fn, c, e);
		if (rc == 1)
			rc = 0;
		i++;
	}
	if (!rc)
		xqsort(c->hits, c->n, sizeof *c->hits, hit_cmp);
	return rc;
}

/* The plan for root's subtree (root not 0): PLAN_NONE (nothing in range),
 * PLAN_SCAN (the store's due index, keeping the subtree's tasks: its cost
 * grows with the share of other units' tasks) or PLAN_WALK (the subtree's
 * units one by one: its cost grows with their number), as the counters
 * say is cheaper for `want` tasks.  *at: root's place in h; *n_sub and
 * *n_all: the tasks in range in the subtree and in the store. */
enum { PLAN_NONE, PLAN_SCAN, PLAN_WALK };

static int pick_plan(struct txn *t, const struct hier *h, uint32_t root, date_t from, date_t to,
                     size_t want, size_t *at, uint64_t *n_sub, uint64_t *n_all, int *plan,
                     struct err *e)
{
	int rc;
	if (!h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị cho truy vấn theo đơn vị");
	size_t i = hier_find_id(h, root);
	if (i == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", root);
	*at = i;
	*n_sub = *n_all = 0;
	if ((rc = store_count(t, root, from, to, n_sub, e)) ||
	    (rc = store_count(t, 0, from, to, n_all, e)))
		return rc;
	if (*n_sub == 0) {
		*plan = PLAN_NONE;
		return 0;
	}
	double units = (double)(hier_subtree_end(h, i) - i);
	double take = (double)want < (double)*n_sub ? (double)want : (double)*n_sub;
	double walk_cost = units * 20.0 + take;
	double scan_cost = take * (double)*n_all / (double)*n_sub;
	*plan = scan_cost < walk_cost ? PLAN_SCAN : PLAN_WALK;
	return 0;
}

int q_due_ids(struct txn *t, const struct hier *h, uint32_t root, date_t from, date_t to,
              size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e)
{
	struct collect c = {0};
	size_t want = add_sat(offset, limit);
	int rc = 0;
	*ids = NULL;
	*n = 0;
	if (want == 0)
		return 0;
	if (root == 0) {
		c.want = want;
		rc = store_tasks_by_due(t, 0, from, to, collect_fn, &c, e);
	} else {
		size_t i;
		uint64_t n_sub, n_all;
		int plan;
		if ((rc = pick_plan(t, h, root, from, to, want, &i, &n_sub, &n_all, &plan, e)) ||
		    plan == PLAN_NONE)
			return rc;
		if (plan == PLAN_SCAN) {
			struct filter f = {&c, h, root};
			c.want = want;
			rc = store_tasks_by_due(t, 0, from, to, filter_fn, &f, e);
		} else {
			rc = walk_units(t, h, i, from, to, want, &c, e);
		}
	}
	if (rc == 1)
		rc = 0;
	if (rc) {
		free(c.hits);
		return rc;
	}
	size_t have = c.n > want ? want : c.n;
	if (have > offset) {
		*n = have - offset;
		*ids = xmalloc(*n * sizeof **ids);
		for (size_t k = 0; k < *n; k++)
			(*ids)[k] = c.hits[offset + k].id;
	}
	free(c.hits);
	return 0;
}

/* q_due_each's walk of the due index: the tasks in range, or only those
 * of f->root's subtree (f->h set), passed to f->fn while f->left lasts. */
struct each {
	const struct hier *h;
	uint32_t root;
	size_t left; /* SIZE_MAX: no limit */
	q_id_fn fn;
	void *ctx;
	int rc; /* fn's non-zero return */
};

static int each_fn(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct each *x = ctx;
	if (x->h && (!lead || !hier_in_subtree(x->h, lead, x->root)))
		return 0;
	if (x->left == 0)
		return 1;
	x->left--;
	if ((x->rc = x->fn(id, due, x->ctx)))
		return 1;
	return x->left == 0;
}

int q_due_each(struct txn *t, const struct hier *h, uint32_t root, date_t from, date_t to,
               size_t limit, q_id_fn fn, void *ctx, struct err *e)
{
	struct each x = {NULL, root, limit ? limit : SIZE_MAX, fn, ctx, 0};
	int rc;
	if (root != 0) {
		size_t i;
		uint64_t n_sub, n_all;
		int plan;
		if ((rc = pick_plan(t, h, root, from, to, x.left, &i, &n_sub, &n_all, &plan, e)) ||
		    plan == PLAN_NONE)
			return rc;
		/* The walk of the units collects and sorts: a subtree holding a
		 * quarter of the tasks in range or more is read from the store's
		 * index, which streams. */
		if (plan == PLAN_WALK && n_sub * 4 < n_all) {
			struct collect c = {0};
			rc = walk_units(t, h, i, from, to, x.left, &c, e);
			size_t have = c.n < x.left ? c.n : x.left;
			for (size_t k = 0; k < have && !rc; k++)
				rc = fn(c.hits[k].id, c.hits[k].due, ctx);
			free(c.hits);
			return rc;
		}
		x.h = h;
	}
	rc = store_tasks_by_due(t, 0, from, to, each_fn, &x, e);
	if (x.rc)
		return x.rc;
	return rc == 1 ? 0 : rc;
}

int q_overdue_ids(struct txn *t, const struct hier *h, uint32_t root, date_t today,
                  size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e)
{
	return q_due_ids(t, h, root, DATE_NONE, today - 1, offset, limit, ids, n, e);
}

int q_soon_ids(struct txn *t, const struct hier *h, uint32_t root, date_t today, int days,
               size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e)
{
	return q_due_ids(t, h, root, today, today + days, offset, limit, ids, n, e);
}

int q_overdue_count(struct txn *t, uint32_t root, date_t today, uint64_t *out, struct err *e)
{
	return store_count(t, root, DATE_NONE, today - 1, out, e);
}

int q_soon_count(struct txn *t, uint32_t root, date_t today, int days, uint64_t *out,
                 struct err *e)
{
	return store_count(t, root, today, today + days, out, e);
}
