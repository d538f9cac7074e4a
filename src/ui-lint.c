/* ui-lint.c — "rõ việc, rõ người, rõ tiến độ" (`r`): the tasks of the
 * selected document (or of the selected unit's subtree) that lint.h finds
 * unclear, one row per finding as `theodoi lint` lists them, and the
 * marker beside such a task in the task lists.  Enter shows the task in
 * its panes.
 *
 * The tasks of the scope are collected as ids; checking them needs each
 * record, so it runs in slices between keystrokes (ui.c calls
 * the view's step while no key is waiting), like the task filter.
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

/* One finding of the lint view: a task and one rule it breaks. */
struct ui_lint_row {
	uint64_t task;
	int rule;                /* enum lint_rule */
};

struct ui_lintv {
	uint64_t doc;            /* scope: the tasks of a document, or ... */
	uint32_t unit;           /* ... those led in a unit's subtree */
	int built;
	uint64_t *ids;           /* the tasks of the scope, ascending ... */
	size_t nids, pos;        /* ... and how many have been checked */
	struct ui_lint_row *rows; /* findings so far: l.n of them */
	size_t cap;
	size_t ntasks;           /* tasks with at least one finding */
	struct ui_list l;
};

static struct ui_lintv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_LINT, sizeof(struct ui_lintv));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_lintv *cst(const struct ui *u)
{
	static const struct ui_lintv none;

	return u->vstate[UI_VIEW_LINT] ? u->vstate[UI_VIEW_LINT] : &none;
}

static void lint_free(struct ui *u)
{
	free(st(u)->ids);
	free(st(u)->rows);
	memset(st(u), 0, sizeof(struct ui_lintv));
}

static int lint_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->doc = w->doc;
	st(u)->unit = w->doc ? 0 : w->unit;
	return 0;
}

static int push_id(uint64_t id, void *ctx)
{
	ui_ids_push(ctx, id);
	return 0;
}

static int lint_step(struct ui *u, struct txn *t, size_t budget);

static int lint_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_lintv *v = st(u);
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
	lint_step(u, t, 2000);
	return 0;
}

static int lint_checking(const struct ui *u)
{
	return cst(u)->built && cst(u)->pos < cst(u)->nids;
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

static int lint_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_lintv *v = st(u);
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
	return lint_checking(u);
}

static uint64_t lint_selected(const struct ui *u)
{
	return cst(u)->l.n ? cst(u)->rows[cst(u)->l.sel].task : 0;
}

const char *ui_lint_marker(const struct ui *u, const struct task *tk)
{
	if (!lint_task(tk, u->ops->today, &u->ops->cfg->periods))
		return "";
	return u->utf8 ? "×" : "x";
}

static void lint_widths(int cols, int *widths)
{
	static const int wide[5] = { 12, 11, 7, 24, 0 }, narrow[5] = { 10, 10, 6, 16, 0 };

	memcpy(widths, cols < 100 ? narrow : wide, sizeof(wide));
}

static void lint_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	struct ui_lintv *v = st(u);
	const char *head[5] = { "Văn bản", "Mục", "NV", "Chủ trì", "Vấn đề" };
	int widths[5], cols = u->lo.cols - 2;
	char num[DOCNUM_LEN] = "";

	lint_widths(cols, widths);
	if (v->doc)
		ui_view_doc_number(t, v->doc, num, sizeof(num));
	sbuf_printf(title, " Rà soát rõ việc, rõ người, rõ tiến độ — %s%s: %zu vấn đề ở %zu nhiệm "
	                   "vụ%s ",
	            v->doc ? "văn bản " : ui_unit_name(u, v->unit), v->doc ? num : " và cấp dưới",
	            v->l.n, v->ntasks, lint_checking(u) ? " (đang rà soát…)" : "");
	ui_fmt_cells(hb, head, widths, 5, cols);
}

static void lint_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_lintv *v = st(u);
	int widths[5], cols = u->lo.cols - 2;
	struct task tk;
	struct sbuf row = { 0 };
	const char *cells[5];
	char idbuf[24], detail[256], num[DOCNUM_LEN], *lead;
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

	lint_widths(cols, widths);
	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, v->rows[i].task, &tk, NULL) != 0) {
		snprintf(idbuf, sizeof(idbuf), "#%llu ?", (unsigned long long)v->rows[i].task);
		ui_put(y, 2, cols, idbuf, a);
		return;
	}
	ui_view_doc_number(t, tk.doc_id, num, sizeof(num));
	snprintf(idbuf, sizeof(idbuf), "#%llu", (unsigned long long)tk.id);
	lint_detail(&tk, (enum lint_rule)v->rows[i].rule, u->ops->today, &u->ops->cfg->periods,
	            detail, sizeof(detail));
	cells[0] = num;
	cells[1] = tk.section;
	cells[2] = idbuf;
	lead = txt_sanitize(tk.lead ? ui_unit_name(u, tk.lead)
	                            : tk.lead_text ? tk.lead_text : "(không ghi)");
	cells[3] = lead;
	cells[4] = detail;
	ui_fmt_cells_from(&row, cells, widths, 5, cols, u->hskip, &u->hroom);
	ui_put(y, 0, 2, ui_lint_marker(u, &tk), sel ? a : ui_attr(u, UC_WAIT));
	ui_put(y, 2, cols, row.s, a);
	free(lead);
	task_free(&tk);
	sbuf_free(&row);
}

static const char *lint_empty(const struct ui *u)
{
	if (cst(u)->l.n || lint_checking(u))
		return NULL;
	return "Không có nhiệm vụ nào chưa rõ: mọi nhiệm vụ đều rõ người, rõ thời hạn, có báo cáo "
	       "trong kỳ.";
}

static void lint_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	if (i < st(u)->l.n)
		ui_view_task_words(t, st(u)->rows[i].task, b);
}

static int lint_busy(const struct ui *u, char *msg, size_t len)
{
	if (!lint_checking(u))
		return 0;
	snprintf(msg, len, "Đang rà soát nhiệm vụ… %zu/%zu (Esc: đóng)", cst(u)->pos, cst(u)->nids);
	return 1;
}

static void lint_slice(struct ui *u, struct txn *t, size_t budget)
{
	lint_step(u, t, budget);
}

static struct ui_list *lint_list(struct ui *u)
{
	return &st(u)->l;
}

static void lint_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *lint_hints(const struct ui *u)
{
	static const struct ui_hint writer[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_UPDATE, UA_NONE, 2, NULL },
		{ UA_AUDIT, UA_NONE, 3, NULL },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};
	int w = u->ops->who.role == ROLE_EDITOR || u->ops->who.role == ROLE_ADMIN;

	return w ? writer : NULL;
}

const struct ui_view_ops ui_lint_view = {
	.name = "lint",
	.label = "Rà soát nhiệm vụ",
	.opens = { UA_LINT, UA_NONE },
	.scope = UVS_DOC_OR_UNIT,
	.no_scope = "Chưa chọn văn bản hay đơn vị.",
	.open = lint_open,
	.sync = lint_sync,
	.list = lint_list,
	.head = lint_head,
	.row = lint_row,
	.empty = lint_empty,
	.task = lint_selected,
	.words = lint_words,
	.busy = lint_busy,
	.step = lint_slice,
	.forget = lint_forget,
	.free = lint_free,
	.hints = lint_hints,
};
