/* ui-lint.c — "rõ việc, rõ người, rõ tiến độ" (`r`): the tasks of the
 * selected document (or of the selected unit's subtree) that lint.h finds
 * unclear, one row per finding as `theodoi lint` lists them, and the
 * marker beside such a task in the task lists.  Enter shows the task in
 * its panes.
 *
 * The tasks of the scope are collected as ids; checking them needs each
 * record, so it runs in slices between keystrokes (ui.c calls
 * ui_lint_step while no key is waiting), like the task filter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "lint.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

void ui_lint_free(struct ui *u)
{
	free(u->lint.ids);
	free(u->lint.rows);
	memset(&u->lint, 0, sizeof(u->lint));
}

void ui_lint_open(struct ui *u, uint64_t doc, uint32_t unit)
{
	ui_lint_free(u);
	u->lint.doc = doc;
	u->lint.unit = doc ? 0 : unit;
}

static int push_id(uint64_t id, void *ctx)
{
	ui_ids_push(ctx, id);
	return 0;
}

int ui_lint_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_lintv *v = &u->lint;
	struct ui_ids ids = { 0 };
	const struct hier *h = u->units.h;
	int rc = 0;

	if (v->built)
		return 0;
	if (v->doc) {
		rc = store_tasks_by_doc(t, v->doc, push_id, &ids, e);
	} else {
		size_t i = hier_find_id(h, v->unit), end;

		if (i != (size_t)-1)
			for (end = hier_subtree_end(h, i); rc == 0 && i < end; i++)
				rc = store_tasks_by_lead(t, hier_at(h, i)->id, push_id, &ids, e);
	}
	if (rc) {
		free(ids.v);
		return rc;
	}
	ui_ids_uniq(&ids);
	free(v->ids);
	v->ids = ids.v;
	v->nids = ids.n;
	v->pos = 0;
	v->l.n = 0;
	v->ntasks = 0;
	v->built = 1;
	/* A small scope is checked at once; a large one in slices. */
	ui_lint_step(u, t, 2000);
	return 0;
}

int ui_lint_checking(const struct ui *u)
{
	return u->lint.built && u->lint.pos < u->lint.nids;
}

static void add_row(struct ui_lintv *v, uint64_t task, int rule)
{
	if (v->l.n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->rows = xrealloc(v->rows, v->cap * sizeof(*v->rows));
	}
	v->rows[v->l.n].task = task;
	v->rows[v->l.n].rule = rule;
	v->l.n++;
}

int ui_lint_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_lintv *v = &u->lint;
	const struct periods *p = &u->ops->cfg->periods;

	while (v->pos < v->nids && budget-- > 0) {
		struct task tk;
		unsigned m;
		int r;

		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, v->ids[v->pos++], &tk, NULL) != 0)
			continue;
		m = lint_task(&tk, u->ops->today, p);
		for (r = 0; r < LINT_COUNT; r++)
			if (m & (1u << r))
				add_row(v, tk.id, r);
		v->ntasks += m != 0;
		task_free(&tk);
	}
	ui_list_clamp(&v->l, ui_view_page(u));
	return ui_lint_checking(u);
}

uint64_t ui_lint_selected(const struct ui *u)
{
	return u->lint.l.n ? u->lint.rows[u->lint.l.sel].task : 0;
}

const char *ui_lint_marker(const struct ui *u, const struct task *tk)
{
	if (!lint_task(tk, u->ops->today, &u->ops->cfg->periods))
		return "";
	return u->utf8 ? "×" : "x";
}

static void doc_number(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d;

	buf[0] = '\0';
	memset(&d, 0, sizeof(d));
	if (doc && store_doc_get(t, doc, &d, NULL) == 0) {
		str_copy(buf, d.number[0] ? d.number : "(không số)", len);
		doc_free(&d);
	}
}

void ui_lint_draw(struct ui *u, struct txn *t)
{
	struct ui_lintv *v = &u->lint;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, cols = lo->cols - 2;
	const char *head[5] = { "Văn bản", "Mục", "NV", "Chủ trì", "Vấn đề" };
	int widths[5] = { 12, 11, 7, 24, 0 };
	struct sbuf title = { 0 }, hb = { 0 }, row = { 0 };
	char num[DOCNUM_LEN];

	if (cols < 100) {
		widths[0] = 10;
		widths[1] = 10;
		widths[2] = 6;
		widths[3] = 16;
	}
	if (v->doc)
		doc_number(t, v->doc, num, sizeof(num));
	sbuf_printf(&title, " Rà soát rõ việc, rõ người, rõ tiến độ — %s%s: %zu vấn đề ở %zu nhiệm "
	                    "vụ%s ",
	            v->doc ? "văn bản " : ui_unit_name(u, v->unit), v->doc ? num : " và cấp dưới",
	            v->l.n, v->ntasks, ui_lint_checking(u) ? " (đang rà soát…)" : "");
	ui_fmt_cells(&hb, head, widths, 5, cols);
	ui_view_head(u, title.s, hb.s);
	for (r = 0; r < page; r++) {
		size_t i = v->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r, sel = i == v->l.sel;
		struct task tk;
		const char *cells[5];
		char idbuf[24], detail[256], *lead;
		attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if (i >= v->l.n)
			continue;
		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, v->rows[i].task, &tk, NULL) != 0) {
			snprintf(idbuf, sizeof(idbuf), "#%llu ?", (unsigned long long)v->rows[i].task);
			ui_put(y, 2, cols, idbuf, a);
			continue;
		}
		doc_number(t, tk.doc_id, num, sizeof(num));
		snprintf(idbuf, sizeof(idbuf), "#%llu", (unsigned long long)tk.id);
		lint_detail(&tk, (enum lint_rule)v->rows[i].rule, u->ops->today,
		            &u->ops->cfg->periods, detail, sizeof(detail));
		cells[0] = num;
		cells[1] = tk.section;
		cells[2] = idbuf;
		lead = txt_sanitize(tk.lead ? ui_unit_name(u, tk.lead)
		                            : tk.lead_text ? tk.lead_text : "(không ghi)");
		cells[3] = lead;
		cells[4] = detail;
		sbuf_reset(&row);
		ui_fmt_cells_from(&row, cells, widths, 5, cols, u->hskip, &u->hroom);
		ui_put(y, 0, 2, ui_lint_marker(u, &tk), sel ? a : ui_attr(u, UC_WAIT));
		ui_put(y, 2, cols, row.s, a);
		free(lead);
		task_free(&tk);
	}
	if (v->l.n == 0 && !ui_lint_checking(u))
		ui_put(lo->pane_y + 2, 2, cols, "Không có nhiệm vụ nào chưa rõ: mọi nhiệm vụ đều rõ "
		                                "người, rõ thời hạn, có báo cáo trong kỳ.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&title);
	sbuf_free(&hb);
	sbuf_free(&row);
}
