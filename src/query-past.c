/* query-past.c — overdue, due-soon lists and counts of a past day, from
 * the tasks as they stood (see query-past.h). */
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "history.h"
#include "query-past.h"
#include "rollup.h"
#include "store.h"
#include "util.h"

/* A task's place in the counters on `today` (as count_slot and
 * store_unit_counts put it). */
static void count_task(struct store_counts *n, const struct task *k, date_t today, int window)
{
	n->total++;
	if (!st_is_open((enum task_status)k->status)) {
		n->closed++;
		return;
	}
	n->open++;
	if (k->due == DATE_NONE || k->due >= STORE_SLOT_NODUE)
		return;
	if (k->due < today)
		n->overdue++;
	else if (k->due <= today + (window > 0 ? window : 0))
		n->soon++;
}

/* ---- lists ------------------------------------------------------------ */

struct due_walk {
	uint32_t own;       /* only the tasks this unit leads itself, or 0 */
	date_t from, to;
	size_t n, cap;
	struct due_item {
		date_t due;
		uint64_t id;
	} *v;
};

static int due_fn(const struct task *k, void *ctx)
{
	struct due_walk *p = ctx;
	if (!st_is_open((enum task_status)k->status) || k->due == DATE_NONE ||
	    k->due >= STORE_SLOT_NODUE || (p->own && k->lead != p->own) ||
	    (p->from != DATE_NONE && k->due < p->from) || k->due > p->to)
		return 0;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n].due = k->due;
	p->v[p->n++].id = k->id;
	return 0;
}

static int due_item_cmp(const void *a, const void *b)
{
	const struct due_item *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

int qpast_due_ids(struct txn *t, const struct hier *h, const struct hist_day *past,
                  uint32_t root, int own_only, date_t from, date_t to, size_t limit,
                  uint64_t **ids, size_t *n, struct err *e)
{
	struct rollup_scope scope = {root, 0, past};
	struct due_walk p = {own_only ? root : 0, from, to, 0, 0, NULL};
	int rc = rollup_each_task(t, h, &scope, due_fn, &p, e);
	*ids = NULL;
	*n = 0;
	if (!rc) {
		if (p.n)
			xqsort(p.v, p.n, sizeof *p.v, due_item_cmp);
		*n = limit && limit < p.n ? limit : p.n;
		*ids = xcalloc(*n ? *n : 1, sizeof **ids);
		for (size_t i = 0; i < *n; i++)
			(*ids)[i] = p.v[i].id;
	}
	free(p.v);
	return rc;
}

/* ---- counts ----------------------------------------------------------- */

struct count_walk {
	const struct hier *h;  /* NULL: everything in *rest */
	date_t today;
	int window;
	struct store_counts *own, *rest;
};

static int count_fn(const struct task *k, void *ctx)
{
	struct count_walk *p = ctx;
	size_t i = p->h && k->lead ? hier_find_id(p->h, k->lead) : (size_t)-1;
	count_task(i == (size_t)-1 ? p->rest : &p->own[i], k, p->today, p->window);
	return 0;
}

int qpast_counts(struct txn *t, const struct hier *h, const struct hist_day *past,
                 uint32_t root, int window, struct store_counts *out, struct err *e)
{
	struct rollup_scope scope = {root, 0, past};
	struct count_walk p = {NULL, past->day, window, NULL, out};
	memset(out, 0, sizeof *out);
	return rollup_each_task(t, h, &scope, count_fn, &p, e);
}

static void counts_add(struct store_counts *a, const struct store_counts *b)
{
	a->total += b->total, a->open += b->open, a->closed += b->closed;
	a->overdue += b->overdue, a->soon += b->soon;
}

int qpast_unit_counts(struct txn *t, const struct hier *h, const struct hist_day *past,
                      int window, struct store_counts **sub, struct store_counts *rest,
                      struct err *e)
{
	size_t n = hier_count(h);
	struct rollup_scope scope = {0, 0, past};
	struct count_walk p = {h, past->day, window, NULL, rest};
	memset(rest, 0, sizeof *rest);
	p.own = xcalloc(n ? n : 1, sizeof *p.own);
	int rc = rollup_each_task(t, h, &scope, count_fn, &p, e);
	/* children follow their parent in tree order: add up from the last */
	*sub = xcalloc(n ? n : 1, sizeof **sub);
	for (size_t i = n; i-- > 0;) {
		(*sub)[i] = p.own[i];
		for (size_t k = i + 1; k < hier_subtree_end(h, i); k = hier_subtree_end(h, k))
			counts_add(&(*sub)[i], &(*sub)[k]);
	}
	free(p.own);
	return rc;
}
