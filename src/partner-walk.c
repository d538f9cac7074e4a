/* partner-walk.c — a unit's partner tasks in id order: a merge of the
 * task_partner index's runs of the units of a subtree (partner-walk.h). */
#include "partner-walk.h"

#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "store.h"
#include "util.h"

static void swap(struct pw_head *a, struct pw_head *b)
{
	struct pw_head x = *a;

	*a = *b;
	*b = x;
}

static void sift_down(struct partner_walk *w, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < w->n && w->heap[l].next < w->heap[m].next)
			m = l;
		if (r < w->n && w->heap[r].next < w->heap[m].next)
			m = r;
		if (m == i)
			return;
		swap(&w->heap[i], &w->heap[m]);
		i = m;
	}
}

static void sift_up(struct partner_walk *w, size_t i)
{
	while (i > 0 && w->heap[(i - 1) / 2].next > w->heap[i].next) {
		swap(&w->heap[i], &w->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
}

/* The first id of a unit's run from some id on: stops at once. */
static int first_id(uint64_t id, void *ctx)
{
	*(uint64_t *)ctx = id;
	return 1;
}

/* Head of unit's run at or after `from`, pushed when there is one. */
static int push_unit(struct partner_walk *w, struct txn *t, uint32_t unit, uint64_t from,
                     struct err *e)
{
	uint64_t id = 0;
	int rc = store_tasks_by_partner_from(t, unit, from, first_id, &id, e);

	if (rc < 0 || rc > 1)
		return rc;
	if (rc == 1) {
		w->heap[w->n].next = id;
		w->heap[w->n].unit = unit;
		sift_up(w, w->n++);
	}
	return 0;
}

int pw_open(struct partner_walk *w, struct txn *t, const struct hier *h, uint32_t unit,
            int subtree, struct err *e)
{
	size_t ix = h ? hier_find_id(h, unit) : (size_t)-1, end, i;
	int rc = 0;

	memset(w, 0, sizeof(*w));
	if (ix == (size_t)-1) {
		w->heap = xcalloc(1, sizeof(*w->heap));
		rc = push_unit(w, t, unit, 0, e);
	} else {
		end = subtree ? hier_subtree_end(h, ix) : ix + 1;
		w->heap = xcalloc(end - ix, sizeof(*w->heap));
		for (i = ix; i < end && !rc; i++)
			rc = push_unit(w, t, hier_at(h, i)->id, 0, e);
	}
	if (rc)
		pw_free(w);
	return rc;
}

/* The ids of one unit's run that come before every other unit's next:
 * given at once, without going through the heap. */
struct run {
	struct partner_walk *w;
	uint64_t bound;     /* the next id of the other units (UINT64_MAX: none) */
	uint64_t *out;
	size_t want, *got;
	uint64_t stopped;   /* the id the run stopped at, or 0 at its end */
};

static void give(struct partner_walk *w, uint64_t id, uint64_t *out, size_t *got)
{
	if (w->given && id == w->last)
		return; /* a task with two partners in the subtree: once */
	out[(*got)++] = id;
	w->last = id;
	w->given++;
}

static int run_id(uint64_t id, void *ctx)
{
	struct run *r = ctx;

	if (id > r->bound || *r->got >= r->want) {
		r->stopped = id;
		return 1;
	}
	give(r->w, id, r->out, r->got);
	return 0;
}

int pw_next(struct partner_walk *w, struct txn *t, size_t want, uint64_t *out, size_t *got,
            struct err *e)
{
	int rc = 0;

	*got = 0;
	while (w->n && *got < want && !rc) {
		struct pw_head top = w->heap[0];
		struct run r = { w, UINT64_MAX, out, want, got, 0 };

		w->heap[0] = w->heap[--w->n];
		sift_down(w, 0);
		give(w, top.next, out, got);
		if (w->n)
			r.bound = w->heap[0].next;
		/* read on in this unit's run while it stays ahead of the others */
		rc = store_tasks_by_partner_from(t, top.unit, top.next + 1, run_id, &r, e);
		if (rc == 1)
			rc = 0;
		if (!rc && r.stopped) {
			w->heap[w->n].next = r.stopped;
			w->heap[w->n].unit = top.unit;
			sift_up(w, w->n++);
		}
	}
	return rc;
}

int pw_done(const struct partner_walk *w)
{
	return w->n == 0;
}

void pw_free(struct partner_walk *w)
{
	free(w->heap);
	memset(w, 0, sizeof(*w));
}
