/* ui-overdue.c — the overdue (`o`) and due-soon (`d`) views: the open
 * tasks of the selected unit's subtree, most days overdue (or soonest due)
 * first, with unit and document.  Enter shows the task in its panes.
 * One view (ui-view.h) that both keys open.
 *
 * The ids come from the due index (query.h), never from a scan of tasks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_due {
	int soon;                /* 0: overdue; 1: due within the window */
	uint32_t root;           /* subtree */
	int built;
	uint64_t *ids;           /* the first nids of the list, fetched as needed */
	size_t nids;
	int complete;            /* ids holds the whole list */
	struct ui_list l;        /* l.n: the count from the store's counters */
};

static struct ui_due *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_DUE, sizeof(struct ui_due));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_due *cst(const struct ui *u)
{
	static const struct ui_due none;

	return u->vstate[UI_VIEW_DUE] ? u->vstate[UI_VIEW_DUE] : &none;
}

static void due_free(struct ui *u)
{
	free(st(u)->ids);
	memset(st(u), 0, sizeof(struct ui_due));
}

static int due_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->soon = w->act == UA_SOON;
	st(u)->root = w->unit;
	return 0;
}

/* Make sure ids holds at least the first `upto` rows (or all there are). */
static int due_fetch(struct ui *u, struct txn *t, size_t upto, struct err *e)
{
	struct ui_due *d = st(u);
	uint64_t *ids = NULL;
	size_t n = 0, want;
	int rc;

	if (d->complete || upto <= d->nids)
		return 0;
	/* Grow geometrically so that scrolling down a long list costs a few
	 * fetches; the query takes at most `want` of each unit's earliest. */
	want = d->nids * 2 > upto ? d->nids * 2 : upto;
	want += (size_t)ui_view_page(u);
	if (d->soon)
		rc = q_soon_ids(t, u->units.h, d->root, u->ops->today, u->ops->cfg->soon_days, 0,
		                want, &ids, &n, e);
	else
		rc = q_overdue_ids(t, u->units.h, d->root, u->ops->today, 0, want, &ids, &n, e);
	if (rc) {
		free(ids);
		return rc;
	}
	free(d->ids);
	d->ids = ids;
	d->nids = n;
	d->complete = n < want;
	if (d->complete && d->l.n != n) {
		/* The counters and the index disagree: trust the index. */
		d->l.n = n;
		ui_list_clamp(&d->l, ui_view_page(u));
	}
	return 0;
}

static uint64_t due_selected(const struct ui *u)
{
	return cst(u)->l.sel < cst(u)->nids ? cst(u)->ids[cst(u)->l.sel] : 0;
}

static int due_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_due *d = st(u);
	uint64_t keep = due_selected(u), count = 0;
	size_t i, upto;
	int rc;

	if (d->built)
		return 0;
	if (d->soon)
		rc = q_soon_count(t, d->root, u->ops->today, u->ops->cfg->soon_days, &count, e);
	else
		rc = q_overdue_count(t, d->root, u->ops->today, &count, e);
	if (rc)
		return rc;
	free(d->ids);
	d->ids = NULL;
	d->nids = 0;
	d->complete = 0;
	d->l.n = (size_t)count;
	d->built = 1;
	ui_list_clamp(&d->l, ui_view_page(u));
	upto = d->l.top + (size_t)ui_view_page(u);
	rc = due_fetch(u, t, upto > d->l.sel + 1 ? upto : d->l.sel + 1, e);
	for (i = 0; rc == 0 && keep && i < d->nids; i++)
		if (d->ids[i] == keep) {
			ui_list_select(&d->l, i, ui_view_page(u));
			break;
		}
	return rc;
}

static void due_head(struct ui *u, struct txn *t, struct sbuf *b, struct sbuf *h)
{
	struct ui_due *d = st(u);
	int w = u->lo.cols;
	const char *cells[5] = { "Số ngày", "Mã", "Chủ trì", "Văn bản", "Nội dung" };
	int widths[5] = { 9, 7, 22, 13, 0 };

	(void)t;
	sbuf_printf(b, " %s — %s%s: %zu nhiệm vụ ",
	            d->soon ? "Sắp đến hạn" : "Quá hạn",
	            d->root ? ui_unit_name(u, d->root) : "toàn bộ",
	            d->root ? " và cấp dưới" : "", d->l.n);
	if (d->soon)
		sbuf_printf(b, "(trong %d ngày) ", u->ops->cfg->soon_days);
	if (w < 92) {
		widths[2] = 14;
		widths[3] = 10;
	}
	sbuf_putc(h, ' '); /* the rows have the lint marker's column too */
	ui_fmt_cells(h, cells, widths, 5, w - 3);
}

static void due_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_due *d = st(u);

	/* rows are fetched a page or more at a time, as they come into view */
	due_fetch(u, t, i + (size_t)ui_view_page(u), NULL);
	if (i < d->nids)
		ui_view_task_row(u, t, d->ids[i], y, sel);
}

static const char *due_empty(const struct ui *u)
{
	if (cst(u)->l.n)
		return NULL;
	return cst(u)->soon ? "Không có nhiệm vụ sắp đến hạn." : "Không có nhiệm vụ quá hạn.";
}

/* "#id lead section text" of row i, fetched as the search reaches it. */
static void due_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	struct ui_due *d = st(u);
	struct task tk;

	memset(&tk, 0, sizeof(tk));
	if (due_fetch(u, t, i + 1, NULL) != 0 || i >= d->nids ||
	    store_task_get(t, d->ids[i], &tk, NULL) != 0)
		return;
	sbuf_printf(b, "#%llu %s %s %s", (unsigned long long)tk.id, ui_unit_name(u, tk.lead),
	            tk.section, tk.text ? tk.text : "");
	task_free(&tk);
}

static struct ui_list *due_list(struct ui *u)
{
	return &st(u)->l;
}

static void due_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *due_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_UPDATE, UA_NONE, 2, NULL },
		{ UA_SEARCH, UA_NONE, 2, NULL },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_due_view = {
	.name = "due",
	.opens = { UA_OVERDUE, UA_SOON },
	.scope = UVS_UNIT,
	.open = due_open,
	.sync = due_sync,
	.list = due_list,
	.head = due_head,
	.row = due_row,
	.empty = due_empty,
	.task = due_selected,
	.words = due_words,
	.forget = due_forget,
	.free = due_free,
	.hints = due_hints,
};
