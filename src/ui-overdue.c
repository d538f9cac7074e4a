/* ui-overdue.c — the overdue (`o`) and due-soon (`d`) views: the open
 * tasks of the selected unit's subtree, most days overdue (or soonest due)
 * first, with unit and document.  Enter shows the task in its panes.
 * One view (ui-view.h) that both keys open.
 *
 * The rows come from the due index a page at a time (ui-pager.c), the
 * count from the counters: never a scan of tasks, and G on a long list
 * reads the last page only.  Opened on the tree's row of the tasks without
 * a lead unit, the view lists those of them that are overdue (or due
 * soon): their ids are held, read from the lead index's "no unit" part as
 * the tasks pane reads them, and sorted by the slot the counters count
 * (store_task_slot), so that the row's figure and the list agree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_due {
	int soon;                /* 0: overdue; 1: due within the window */
	uint32_t root;           /* subtree */
	int built;
	struct ui_pager pg;      /* the list, read a page at a time */
	struct ui_list l;        /* l.n: the count from the store's counters */
	uint64_t want;           /* task to select at the next build, or 0 */
	int nolead;              /* the tasks without a lead unit, held in ids */
	struct ui_ids ids;
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
	ui_pager_free(&st(u)->pg);
	free(st(u)->ids.v);
	memset(st(u), 0, sizeof(struct ui_due));
}

static int due_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->soon = w->act == UA_SOON;
	st(u)->root = w->unit;
	st(u)->nolead = !w->unit && ui_units_nolead(u);
	return 0;
}

static uint64_t due_selected(const struct ui *u)
{
	const struct ui_due *d = cst(u);

	if (d->nolead)
		return d->l.sel < d->ids.n ? d->ids.v[d->l.sel] : 0;
	return ui_pager_peek(&d->pg, &d->l, u->ops->st);
}

/* The id of row i. */
static uint64_t row_id(struct ui *u, struct txn *t, size_t i)
{
	struct ui_due *d = st(u);

	if (d->nolead)
		return i < d->ids.n ? d->ids.v[i] : 0;
	return ui_pager_row(&d->pg, &d->l, ui_view_page(u), t, i);
}

struct slot_id {
	date_t slot;
	uint64_t id;
};

struct nolead_pick {
	struct txn *t;
	date_t first, last;       /* the slots wanted, as the counters count */
	struct slot_id *v;
	size_t n, cap;
};

/* A task without a lead unit (not an opened group task, which no counter
 * counts) whose slot is in [first, last]. */
static int pick_nolead(uint64_t id, void *ctx)
{
	struct nolead_pick *p = ctx;
	struct task k;
	date_t slot;

	memset(&k, 0, sizeof(k));
	if (store_task_get(p->t, id, &k, NULL) == 0 && !k.lead && !k.group_open) {
		slot = store_task_slot(&k);
		if (slot != STORE_SLOT_UNCOUNTED && (p->first == DATE_NONE || slot >= p->first) &&
		    slot <= p->last) {
			if (p->n == p->cap) {
				p->cap = p->cap ? 2 * p->cap : 64;
				p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
			}
			p->v[p->n].slot = slot;
			p->v[p->n++].id = id;
		}
	}
	task_free(&k);
	return 0;
}

static int slot_cmp(const void *a, const void *b)
{
	const struct slot_id *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The overdue (or due soon) tasks without a lead unit, most urgent first;
 * the row of `keep` selected if it is among them. */
static int nolead_sync(struct ui *u, struct txn *t, uint64_t keep, struct err *e)
{
	struct ui_due *d = st(u);
	date_t today = u->ops->today;
	struct nolead_pick p = { t, d->soon ? today : DATE_NONE,
		                 d->soon ? today + u->ops->cfg->soon_days : today - 1, NULL, 0, 0 };
	size_t i;
	int rc = store_tasks_by_lead(t, 0, pick_nolead, &p, e);

	d->ids.n = 0;
	if (rc) {
		free(p.v);
		return rc;
	}
	qsort(p.v, p.n, sizeof(*p.v), slot_cmp);
	for (i = 0; i < p.n; i++) {
		ui_ids_push(&d->ids, p.v[i].id);
		if (p.v[i].id == keep)
			d->l.sel = i;
	}
	free(p.v);
	d->l.n = d->ids.n;
	ui_list_clamp(&d->l, ui_view_page(u));
	return 0;
}

static int due_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_due *d = st(u);
	uint64_t keep = d->want ? d->want : !d->built && d->l.n ? due_selected(u) : 0;
	date_t today = u->ops->today;
	int rc;

	if (d->built)
		return 0;
	ui_pager_free(&d->pg);
	d->l.n = 0;
	d->built = 1;
	d->want = 0;
	if (d->nolead)
		return nolead_sync(u, t, keep, e);
	if (!d->root || !u->units.h)
		return 0;
	/* The open tasks due before today, or from today to the window's
	 * end: a part of the due index, counted from the counters. */
	rc = tkl_open(&d->pg.src, t, u->units.h, d->root, d->soon ? today : DATE_NONE,
	              d->soon ? today + u->ops->cfg->soon_days : today - 1, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (rc)
		return rc;
	d->l.n = (size_t)d->pg.src.n;
	ui_list_clamp(&d->l, ui_view_page(u));
	if (keep)
		ui_pager_select(&d->pg, &d->l, ui_view_page(u), t, keep);
	return 0;
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
	            d->nolead ? "chưa xác định đơn vị chủ trì"
	            : d->root ? ui_unit_name(u, d->root) : "toàn bộ",
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

	/* rows are read a page at a time, as they come into view */
	if (i < d->l.n)
		ui_view_task_row(u, t, row_id(u, t, i), y, sel);
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
	if (i >= d->l.n ||
	    store_task_get(t, row_id(u, t, i), &tk, NULL) != 0)
		return;
	sbuf_printf(b, "#%llu %s %s %s", (unsigned long long)tk.id, ui_unit_name(u, tk.lead),
	            tk.section, tk.text ? tk.text : "");
	task_free(&tk);
}

static struct ui_list *due_list(struct ui *u)
{
	return &st(u)->l;
}

/* The pager points into the unit tree about to be replaced: let go of it,
 * remembering the selection for the next build. */
static void due_forget(struct ui *u)
{
	struct ui_due *d = st(u);

	if (!d->want && d->l.n)
		d->want = due_selected(u);
	ui_pager_free(&d->pg);
	d->built = 0;
}

static const struct ui_hint *due_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_UPDATE, UA_NONE, 2, NULL },
		{ UA_SEARCH, UA_NONE, 2, NULL },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_DETAIL, UA_NONE, 3, "chi tiết đầy đủ thay cho xem nhanh (màn hình dưới 30 dòng)" },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_due_view = {
	.name = "due",
	.label = "Quá hạn, sắp đến hạn",
	.opens = { UA_OVERDUE, UA_SOON },
	.scope = UVS_UNIT,
	.nolead = 1,
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
