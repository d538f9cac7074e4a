/* ui-overdue.c — the overdue (`o`) and due-soon (`d`) views: the open
 * tasks of the selected unit's subtree, most days overdue (or soonest due)
 * first, with unit and document.  Enter shows the task in its panes.
 *
 * The rows come from the due index a page at a time (ui-pager.c), the
 * count from the counters: never a scan of tasks, and G on a long list
 * reads the last page only.
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

void ui_due_open(struct ui *u, int soon)
{
	struct ui_due *d = &u->due;

	ui_pager_free(&d->pg);
	memset(d, 0, sizeof(*d));
	d->soon = soon;
	d->root = ui_units_selected(u);
	u->view = UI_VIEW_DUE;
}

int ui_due_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_due *d = &u->due;
	uint64_t keep = d->want ? d->want : !d->built && d->l.n ? ui_due_selected(u) : 0;
	date_t today = u->ops->today;
	int rc;

	if (d->built)
		return 0;
	ui_pager_free(&d->pg);
	d->l.n = 0;
	d->built = 1;
	d->want = 0;
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

uint64_t ui_due_selected(const struct ui *u)
{
	return ui_pager_peek(&u->due.pg, &u->due.l, u->ops->st);
}

void ui_due_forget(struct ui *u)
{
	struct ui_due *d = &u->due;

	if (!d->want && d->l.n)
		d->want = ui_due_selected(u);
	ui_pager_free(&d->pg);
	d->built = 0;
}

void ui_due_free(struct ui *u)
{
	ui_pager_free(&u->due.pg);
	memset(&u->due, 0, sizeof(u->due));
}

void ui_due_draw(struct ui *u, struct txn *t)
{
	struct ui_due *d = &u->due;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, w = lo->cols;
	struct sbuf b = { 0 };
	const char *cells[5] = { "Số ngày", "Mã", "Chủ trì", "Văn bản", "Nội dung" };
	int widths[5] = { 9, 7, 22, 13, 0 };

	sbuf_printf(&b, " %s — %s%s: %zu nhiệm vụ ",
	            d->soon ? "Sắp đến hạn" : "Quá hạn",
	            d->root ? ui_unit_name(u, d->root) : "toàn bộ",
	            d->root ? " và cấp dưới" : "", d->l.n);
	if (d->soon)
		sbuf_printf(&b, "(trong %d ngày) ", u->ops->cfg->soon_days);
	if (w < 92) {
		widths[2] = 14;
		widths[3] = 10;
	}
	{
		struct sbuf h = { 0 };

		sbuf_putc(&h, ' '); /* the rows have the lint marker's column too */
		ui_fmt_cells(&h, cells, widths, 5, w - 3);
		ui_view_head(u, b.s, h.s);
		sbuf_free(&h);
	}
	ui_pager_fill(&d->pg, &d->l, page, t, d->l.top, d->l.top + (size_t)page, NULL);
	for (r = 0; r < page; r++) {
		size_t row = d->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r;

		if (row >= d->l.n)
			ui_blank(y, 0, w, A_NORMAL);
		else
			ui_task_row(u, t, ui_pager_row(&d->pg, &d->l, page, t, row), y, 0, w,
			            row == d->l.sel, 1, 1);
	}
	if (d->l.n == 0)
		ui_put(lo->pane_y + 2, 0, w,
		       d->soon ? " Không có nhiệm vụ sắp đến hạn." : " Không có nhiệm vụ quá hạn.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

int ui_due_jump(struct ui *u, struct txn *t, struct err *e)
{
	uint64_t id = ui_due_selected(u);

	return id ? ui_jump_task(u, t, id, e) : 0;
}

int ui_due_search_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_due *d = &u->due;
	struct ui_search *s = &u->search;

	while (s->left > 0 && budget-- > 0 && d->l.n) {
		size_t i = s->pos % d->l.n;
		struct task tk;
		int hit = 0;

		s->pos = s->dir > 0 ? i + 1 : i + d->l.n - 1;
		s->left--;
		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, ui_pager_row(&d->pg, &d->l, ui_view_page(u), t, i), &tk,
		                   NULL) == 0) {
			struct sbuf b = { 0 };
			char *f;

			sbuf_printf(&b, "#%llu %s %s %s", (unsigned long long)tk.id,
			            ui_unit_name(u, tk.lead), tk.section, tk.text ? tk.text : "");
			f = txt_fold(b.s, b.len, NULL);
			hit = txt_contains(f, s->needle);
			free(f);
			sbuf_free(&b);
			task_free(&tk);
		}
		if (hit) {
			ui_list_select(&d->l, i, ui_view_page(u));
			s->left = 0;
			return 1;
		}
	}
	return 0;
}
