/* ui-overdue.c — the overdue (`o`) and due-soon (`d`) views: the open
 * tasks of the selected unit's subtree, most days overdue (or soonest due)
 * first, with unit and document.  Enter shows the task in its panes.
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

void ui_due_open(struct ui *u, int soon)
{
	struct ui_due *d = &u->due;

	free(d->ids);
	memset(d, 0, sizeof(*d));
	d->soon = soon;
	d->root = ui_units_selected(u);
	u->view = UI_VIEW_DUE;
}

int ui_due_fetch(struct ui *u, struct txn *t, size_t upto, struct err *e)
{
	struct ui_due *d = &u->due;
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

int ui_due_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_due *d = &u->due;
	uint64_t keep = ui_due_selected(u), count = 0;
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
	rc = ui_due_fetch(u, t, upto > d->l.sel + 1 ? upto : d->l.sel + 1, e);
	for (i = 0; rc == 0 && keep && i < d->nids; i++)
		if (d->ids[i] == keep) {
			ui_list_select(&d->l, i, ui_view_page(u));
			break;
		}
	return rc;
}

uint64_t ui_due_selected(const struct ui *u)
{
	return u->due.l.sel < u->due.nids ? u->due.ids[u->due.l.sel] : 0;
}

void ui_due_free(struct ui *u)
{
	free(u->due.ids);
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
	ui_due_fetch(u, t, d->l.top + (size_t)page, NULL);
	for (r = 0; r < page; r++) {
		size_t row = d->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r;

		if (row >= d->l.n || row >= d->nids)
			ui_blank(y, 0, w, A_NORMAL);
		else
			ui_task_row(u, t, d->ids[row], y, 0, w, row == d->l.sel, 1, 1);
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
		if (ui_due_fetch(u, t, i + 1, NULL) == 0 && i < d->nids &&
		    store_task_get(t, d->ids[i], &tk, NULL) == 0) {
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
