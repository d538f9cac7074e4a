/* ui-pager.c — a list of the screen read a page at a time (tasklist.h):
 * a window of rows around those shown, filled from its own edges or from
 * the list's ends, so that a move, a page down or G reads a page of rows
 * whatever the list's length.  Shared by the tasks pane and the overdue
 * and due-soon views.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui-ctx.h"
#include "util.h"

/* Rows kept on each side of those asked for. */
#define WIN_SLACK 32
/* Rows read at a time when walking to a far row. */
#define WALK_CHUNK 1024

void ui_pager_free(struct ui_pager *pg)
{
	free(pg->win);
	memset(pg, 0, sizeof(*pg));
}

void ui_pager_forget(struct ui_pager *pg)
{
	free(pg->win);
	pg->win = NULL;
	pg->win0 = pg->nwin = 0;
}

/* Rows lo .. lo + cnt - 1 of a list of n rows into out (ascending); *got
 * says how many there were.  Read from the nearest known place: the
 * window's rows, the first row or the last, walking over the rows in
 * between a chunk at a time without keeping them. */
static int fetch_range(const struct ui_pager *pg, size_t n, struct txn *t, size_t lo,
                       size_t cnt, struct tkl_row *out, size_t *got, struct err *e)
{
	size_t end = pg->win0 + pg->nwin, have, skip, step;
	struct tkl_key k;
	const struct tkl_key *from = NULL;
	struct tkl_row *tmp;
	int rc = 0, back;

	*got = 0;
	if (lo >= n || cnt == 0 || !pg->src.h)
		return 0; /* nothing, or no list (let go: ui_tasks_forget) */
	if (cnt > n - lo)
		cnt = n - lo;
	if (pg->nwin && lo >= pg->win0 && lo < end) {
		/* Starts in the window: copy, then read on after it. */
		have = end - lo < cnt ? end - lo : cnt;
		memcpy(out, pg->win + (lo - pg->win0), have * sizeof(*out));
		if (have == cnt) {
			*got = have;
			return 0;
		}
		rc = tkl_next(&pg->src, t, &pg->win[pg->nwin - 1].k, cnt - have, out + have, got, e);
		*got += have;
		return rc;
	}
	/* The shortest walk: forward from the first row or the window's
	 * last, or back from the last row or the window's first. */
	skip = lo;
	back = 0;
	if (pg->nwin && lo >= end && lo - end < skip) {
		skip = lo - end;
		k = pg->win[pg->nwin - 1].k;
		from = &k;
	}
	if (n - (lo + cnt) < skip) {
		skip = n - (lo + cnt);
		back = 1;
		from = NULL;
	}
	if (pg->nwin && lo + cnt <= pg->win0 && pg->win0 - (lo + cnt) < skip) {
		skip = pg->win0 - (lo + cnt);
		back = 1;
		k = pg->win[0].k;
		from = &k;
	}
	tmp = xmalloc(WALK_CHUNK * sizeof(*tmp));
	while (rc == 0 && skip > 0) {
		size_t g;

		step = skip < WALK_CHUNK ? skip : WALK_CHUNK;
		rc = back ? tkl_prev(&pg->src, t, from, step, tmp, &g, e)
		          : tkl_next(&pg->src, t, from, step, tmp, &g, e);
		if (rc || g == 0)
			break;
		k = back ? tmp[0].k : tmp[g - 1].k;
		from = &k;
		skip -= g;
		if (g < step)
			break; /* the list is shorter than its counters say */
	}
	free(tmp);
	if (rc == 0)
		rc = back ? tkl_prev(&pg->src, t, from, cnt, out, got, e)
		          : tkl_next(&pg->src, t, from, cnt, out, got, e);
	return rc;
}

int ui_pager_fill(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t, size_t lo,
                  size_t hi, struct err *e)
{
	struct tkl_row *rows;
	size_t got, a, b;
	int rc;

	if (hi > l->n)
		hi = l->n;
	if (lo >= hi || (pg->nwin && lo >= pg->win0 && hi <= pg->win0 + pg->nwin))
		return 0;
	a = lo > WIN_SLACK ? lo - WIN_SLACK : 0;
	b = hi + WIN_SLACK;
	rows = xmalloc((b - a) * sizeof(*rows));
	rc = fetch_range(pg, l->n, t, a, b - a, rows, &got, e);
	if (rc) {
		free(rows);
		return rc;
	}
	if (a + got < b && a + got < l->n) {
		/* Fewer rows than the counters say: trust the index. */
		l->n = a + got;
		ui_list_clamp(l, page);
	}
	free(pg->win);
	pg->win = rows;
	pg->win0 = a;
	pg->nwin = got;
	return 0;
}

uint64_t ui_pager_row(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t, size_t i)
{
	if (ui_pager_fill(pg, l, page, t, i, i + 1, NULL) != 0 || i < pg->win0 ||
	    i >= pg->win0 + pg->nwin)
		return 0;
	return pg->win[i - pg->win0].id;
}

uint64_t ui_pager_peek(const struct ui_pager *pg, const struct ui_list *l, struct store *st)
{
	struct tkl_row r;
	struct txn *t;
	size_t got = 0;

	if (!l->n)
		return 0;
	if (l->sel >= pg->win0 && l->sel < pg->win0 + pg->nwin)
		return pg->win[l->sel - pg->win0].id;
	/* Moved past the rows drawn (keys typed ahead of the frame). */
	if (store_read_begin(st, &t, NULL) != 0)
		return 0;
	if (fetch_range(pg, l->n, t, l->sel, 1, &r, &got, NULL) != 0)
		got = 0;
	store_read_end(t);
	return got ? r.id : 0;
}

int ui_pager_select(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t,
                    uint64_t id)
{
	struct tkl_key k;
	struct tkl_row *rows;
	uint64_t pos;
	size_t i, nb = 0, na = 0, half = page > 0 ? (size_t)page : 1;

	for (i = 0; i < pg->nwin; i++)
		if (pg->win[i].id == id) {
			ui_list_select(l, pg->win0 + i, page);
			return 1;
		}
	if (tkl_locate(&pg->src, t, id, &k, &pos, NULL) != 0 || pos >= l->n)
		return 0;
	/* A window around it, read from its key. */
	rows = xmalloc((2 * half + 1) * sizeof(*rows));
	if (tkl_prev(&pg->src, t, &k, half, rows, &nb, NULL) != 0 ||
	    tkl_next(&pg->src, t, &k, half, rows + nb + 1, &na, NULL) != 0 || nb > pos) {
		free(rows);
		return 0;
	}
	rows[nb].k = k;
	rows[nb].id = id;
	free(pg->win);
	pg->win = rows;
	pg->win0 = (size_t)pos - nb;
	pg->nwin = nb + 1 + na;
	ui_list_select(l, (size_t)pos, page);
	return 1;
}
