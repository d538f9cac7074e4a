/* tasklist.c — the tasks led in a subtree, a page at a time (tasklist.h).
 *
 * The dated rows come from the due index: the store-wide one filtered by
 * subtree when the subtree leads a large share of the dated tasks (a few
 * entries read per row shown), else each unit's own index, merged.  The
 * other rows are each unit's tasks in tree order (task_lead) less those in
 * its due index (unit_due): two index ranges per unit, no task read.
 */
#include "tasklist.h"

#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "model.h"
#include "store.h"
#include "util.h"

/* A subtree leading at least this share (1/GLOBAL_SHARE) of the store's
 * dated tasks, or more than MERGE_UNITS units, walks the store-wide due
 * index; a smaller one merges its units' indexes. */
#define GLOBAL_SHARE 16
#define MERGE_UNITS 1024

int tkl_cmp(const struct tkl_key *a, const struct tkl_key *b)
{
	if (a->seg != b->seg)
		return a->seg < b->seg ? -1 : 1;
	if (a->seg == 0 && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->seg == 1 && a->unit != b->unit)
		return a->unit < b->unit ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int tkl_open(struct tkl *l, struct txn *t, const struct hier *h, uint32_t root, date_t first,
             date_t last, struct err *e)
{
	uint64_t all = 0;
	size_t ix = hier_find_id(h, root);
	date_t dated_to = last == DATE_NONE ? STORE_SLOT_NODUE - 1 : last;
	int rc;

	memset(l, 0, sizeof(*l));
	if (ix == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị %lu", (unsigned long)root);
	l->h = h;
	l->root = root;
	l->lo = ix;
	l->hi = hier_subtree_end(h, ix);
	l->first = first;
	l->last = last;
	l->rest = first == DATE_NONE && last == DATE_NONE;
	if ((rc = store_count(t, root, first, dated_to, &l->ndated, e)))
		return rc;
	l->n = l->ndated;
	if (l->rest && (rc = store_count(t, root, DATE_NONE, DATE_NONE, &l->n, e)))
		return rc;
	if ((rc = store_count(t, 0, first, dated_to, &all, e)))
		return rc;
	l->global = l->hi - l->lo > MERGE_UNITS || l->ndated * GLOBAL_SHARE >= all;
	return 0;
}

/* ---- rows being gathered ---- */

struct acc {
	const struct tkl *l;
	struct tkl_row *v;
	size_t n, cap, want;
	int bounded;             /* stop at `want` rows */
	int dir;                 /* merging: the direction read, and ... */
	int has_worst;           /* ... the farthest row kept so far, past which */
	struct tkl_key worst;    /* a unit's rows are of no use */
};

static void acc_push(struct acc *a, const struct tkl_key *k)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n].k = *k;
	a->v[a->n++].id = k->id;
}

static int on_due(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct acc *a = ctx;
	struct tkl_key k = { 0, due, 0, id };

	if (a->l->global && !hier_in_subtree(a->l->h, lead, a->l->root))
		return 0;
	if (a->has_worst && tkl_cmp(&k, &a->worst) * a->dir > 0)
		return 1; /* merging: farther than every row kept */
	acc_push(a, &k);
	return a->bounded && a->n >= a->want;
}

static int cmp_row(const void *x, const void *y)
{
	return tkl_cmp(&((const struct tkl_row *)x)->k, &((const struct tkl_row *)y)->k);
}

static void reverse(struct tkl_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		struct tkl_row r = v[i];

		v[i] = v[n - 1 - i];
		v[n - 1 - i] = r;
	}
}

/* Dated rows after (dir > 0) or before (dir < 0) `from` (NULL: the first
 * or last), nearest first, appended to a (up to a->want in all). */
static int dated(const struct tkl *l, struct txn *t, const struct tkl_key *from, int dir,
                 struct acc *a, struct err *e)
{
	date_t day = from ? from->due : DATE_NONE;
	uint64_t id = from ? from->id : 0;
	struct acc m;
	size_t i, keep;
	int rc = 0;

	if (a->n >= a->want)
		return 0;
	if (l->global) {
		a->bounded = 1;
		rc = store_tasks_by_due_from(t, 0, day, id, dir, l->first, l->last, on_due, a, e);
		return rc > 0 ? 0 : rc;
	}
	/* Each unit's nearest rows, then the nearest of them all. */
	memset(&m, 0, sizeof(m));
	m.l = l;
	m.bounded = 1;
	m.dir = dir;
	for (i = l->lo; i < l->hi && rc == 0;) {
		uint32_t uid = hier_at(l->h, i)->id;
		uint64_t cnt = 0;

		/* A subtree with nothing in range (per the counters) is
		 * skipped whole. */
		rc = store_count(t, uid, l->first, l->last == DATE_NONE ? STORE_SLOT_NODUE - 1 : l->last,
		                 &cnt, e);
		if (rc == 0 && cnt == 0) {
			i = hier_subtree_end(l->h, i);
			continue;
		}
		m.want = m.n + (a->want - a->n);
		if (rc == 0)
			rc = store_tasks_by_due_from(t, uid, day, id, dir, l->first, l->last, on_due, &m,
			                             e);
		rc = rc > 0 ? 0 : rc;
		i++;
		if (rc == 0 && m.n >= 4 * (a->want - a->n)) {
			/* Keep the nearest only: a later unit's rows past the
			 * farthest of them are not read. */
			xqsort(m.v, m.n, sizeof(*m.v), cmp_row);
			if (dir < 0)
				reverse(m.v, m.n);
			m.n = a->want - a->n;
			m.worst = m.v[m.n - 1].k;
			m.has_worst = 1;
		}
	}
	if (rc == 0) {
		xqsort(m.v, m.n, sizeof(*m.v), cmp_row);
		if (dir < 0)
			reverse(m.v, m.n);
		keep = a->want - a->n < m.n ? a->want - a->n : m.n;
		for (i = 0; i < keep; i++)
			acc_push(a, &m.v[i].k);
	}
	free(m.v);
	return rc;
}

/* ---- the other rows: each unit's tasks that are not in the due index ---- */

static int push_id(uint64_t id, void *ctx)
{
	struct acc *a = ctx;
	struct tkl_key k = { 1, DATE_NONE, 0, id };

	acc_push(a, &k);
	return 0;
}

static int push_dated(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	(void)due;
	(void)lead;
	return push_id(id, ctx);
}

static int cmp_id(const void *x, const void *y)
{
	uint64_t a = ((const struct tkl_row *)x)->id, b = ((const struct tkl_row *)y)->id;

	return a < b ? -1 : a > b;
}

/* The rest rows of hier index i, ascending by id, into out (caller
 * frees out->v): the unit's tasks (task_lead) less those in its due index
 * (unit_due), from the two indexes alone, no task read. */
static int unit_rest(const struct tkl *l, struct txn *t, size_t i, struct acc *out,
                     struct err *e)
{
	uint32_t uid = hier_at(l->h, i)->id;
	struct acc dated;
	size_t j, k = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&dated, 0, sizeof(dated));
	out->l = dated.l = l;
	rc = store_tasks_by_lead(t, uid, push_id, out, e);
	if (rc == 0)
		rc = store_tasks_by_due(t, uid, DATE_NONE, DATE_NONE, push_dated, &dated, e);
	if (rc == 0 && dated.n) {
		/* Both ascending by id once the dated ones are sorted. */
		xqsort(dated.v, dated.n, sizeof(*dated.v), cmp_id);
		for (j = 0; j < out->n; j++) {
			while (k < dated.n && dated.v[k].id < out->v[j].id)
				k++;
			if (k < dated.n && dated.v[k].id == out->v[j].id)
				out->v[j].id = 0; /* dated: not one of the rest */
		}
		for (j = k = 0; j < out->n; j++)
			if (out->v[j].id)
				out->v[k++] = out->v[j];
		out->n = k;
	}
	for (j = 0; j < out->n; j++) {
		out->v[j].k.unit = i;
		out->v[j].k.id = out->v[j].id;
	}
	free(dated.v);
	return rc;
}

static int rest(const struct tkl *l, struct txn *t, const struct tkl_key *from, int dir,
                struct acc *a, struct err *e)
{
	size_t i = from ? from->unit : dir > 0 ? l->lo : l->hi - 1;
	int rc = 0;

	if (l->hi <= l->lo)
		return 0;
	while (a->n < a->want && i >= l->lo && i < l->hi) {
		struct acc ids;
		size_t j;

		rc = unit_rest(l, t, i, &ids, e);
		if (rc) {
			free(ids.v);
			return rc;
		}
		for (j = 0; j < ids.n && a->n < a->want; j++) {
			struct tkl_row *r = &ids.v[dir > 0 ? j : ids.n - 1 - j];

			if (from && i == from->unit && (dir > 0 ? r->id <= from->id : r->id >= from->id))
				continue;
			acc_push(a, &r->k);
		}
		free(ids.v);
		if (dir < 0 && i == 0)
			break;
		i = dir > 0 ? i + 1 : i - 1;
	}
	return 0;
}

int tkl_next(const struct tkl *l, struct txn *t, const struct tkl_key *after, size_t want,
             struct tkl_row *out, size_t *got, struct err *e)
{
	struct acc a;
	int rc = 0;

	memset(&a, 0, sizeof(a));
	a.l = l;
	a.want = want;
	if (!after || after->seg == 0)
		rc = dated(l, t, after, 1, &a, e);
	if (rc == 0 && l->rest && a.n < want)
		rc = rest(l, t, after && after->seg == 1 ? after : NULL, 1, &a, e);
	if (rc == 0 && a.n)
		memcpy(out, a.v, a.n * sizeof(*out));
	*got = rc == 0 ? a.n : 0;
	free(a.v);
	return rc;
}

int tkl_prev(const struct tkl *l, struct txn *t, const struct tkl_key *before, size_t want,
             struct tkl_row *out, size_t *got, struct err *e)
{
	struct acc a;
	int rc = 0;

	memset(&a, 0, sizeof(a));
	a.l = l;
	a.want = want;
	if (l->rest && (!before || before->seg == 1))
		rc = rest(l, t, before, -1, &a, e);
	if (rc == 0 && a.n < want)
		rc = dated(l, t, before && before->seg == 0 ? before : NULL, -1, &a, e);
	if (rc == 0) {
		reverse(a.v, a.n);
		if (a.n)
			memcpy(out, a.v, a.n * sizeof(*out));
	}
	*got = rc == 0 ? a.n : 0;
	free(a.v);
	return rc;
}

/* The rest rows (undated open, closed) led in the subtree of hier index i. */
static int rest_count(const struct tkl *l, struct txn *t, size_t i, uint64_t *out,
                      struct err *e)
{
	return store_count(t, hier_at(l->h, i)->id, STORE_SLOT_NODUE, DATE_NONE, out, e);
}

int tkl_locate(const struct tkl *l, struct txn *t, uint64_t id, struct tkl_key *key,
               uint64_t *pos, struct err *e)
{
	struct task tk;
	struct tkl_row rows[128];
	date_t slot;
	size_t i, got, j;
	uint64_t before = 0, n;
	int rc;

	memset(&tk, 0, sizeof(tk));
	if ((rc = store_task_get(t, id, &tk, e)))
		return rc;
	slot = store_task_slot(&tk);
	i = hier_find_id(l->h, tk.lead);
	task_free(&tk);
	if (i == (size_t)-1 || i < l->lo || i >= l->hi || slot == STORE_SLOT_UNCOUNTED ||
	    (slot >= STORE_SLOT_NODUE && !l->rest) ||
	    (slot < STORE_SLOT_NODUE && l->last != DATE_NONE && slot > l->last) ||
	    (slot < STORE_SLOT_NODUE && l->first != DATE_NONE && slot < l->first))
		return err_set(e, ERR_NOTFOUND, "nhiệm vụ %llu không có trong danh sách",
		               (unsigned long long)id);
	memset(key, 0, sizeof(*key));
	key->id = id;
	if (slot < STORE_SLOT_NODUE) {
		/* The rows due earlier, then those of its day before it. */
		struct tkl_key k = { 0, slot, 0, 0 };

		key->due = slot;
		if (slot > DATE_NONE + 1 && (l->first == DATE_NONE || slot > l->first) &&
		    (rc = store_count(t, l->root, l->first, slot - 1, &before, e)))
			return rc;
		for (;;) {
			if ((rc = tkl_next(l, t, &k, 128, rows, &got, e)))
				return rc;
			for (j = 0; j < got && rows[j].k.seg == 0 && rows[j].k.due == slot &&
			            rows[j].id < id; j++)
				before++;
			if (j < got || got < 128)
				break;
			k = rows[got - 1].k;
		}
		*pos = before;
		return 0;
	}
	/* The dated rows, the rest of the units before it in tree order (all
	 * of the subtree's less those from unit i on), then its unit's. */
	key->seg = 1;
	key->unit = i;
	if ((rc = rest_count(l, t, l->lo, &before, e)))
		return rc;
	for (j = i; j < l->hi; j = hier_subtree_end(l->h, j)) {
		if ((rc = rest_count(l, t, j, &n, e)))
			return rc;
		before -= n < before ? n : before;
	}
	{
		struct acc ids;
		size_t k;

		rc = unit_rest(l, t, i, &ids, e);
		for (k = 0; rc == 0 && k < ids.n && ids.v[k].id < id; k++)
			before++;
		free(ids.v);
		if (rc)
			return rc;
	}
	*pos = l->ndated + before;
	return 0;
}
