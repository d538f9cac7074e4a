/* ui-views.c — the list views behind one interface: the overdue and
 * due-soon lists (ui-overdue.c), the dashboard (ui-dash.c), the cascade
 * (ui-cascade.c), the lint list (ui-lint.c), the indicators (ui-ind.c),
 * the audit trail (ui-audit.c) and the confirmation queue (ui-queue.c).
 *
 * Each shows a list where the panes are, with a title and a column header,
 * and the detail of its selected row in the detail area; ui.c reaches
 * them only through the functions here.  Enter shows what a row is about
 * in the panes (ui_jump_task, ui_jump_doc).
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

int ui_view_is_list(int view)
{
	return view == UI_VIEW_DUE || (view >= UI_VIEW_DASH && view < UI_VIEW_COUNT);
}

/* The unit pane has the focus: the views take the selected unit's subtree
 * as their scope rather than a document. */
static int unit_scope(const struct ui *u)
{
	return u->view == UI_VIEW_PANES && u->focus == UI_UNITS;
}

uint64_t ui_pointed_doc(struct ui *u, struct txn *t)
{
	uint64_t doc, id = 0;
	struct task tk;

	/* Keys typed ahead of the frame: bring the panes up to date first. */
	if (ui_docs_sync(u, t, NULL) == 0)
		ui_tasks_sync(u, t, NULL);
	doc = ui_docs_selected(u);
	if (ui_view_is_list(u->view))
		id = ui_view_task(u);
	else if (u->view == UI_VIEW_PANES && u->focus == UI_TASKS)
		id = ui_tasks_selected(u);
	if (!id)
		return u->view == UI_VIEW_PANES ? doc : 0;
	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) == 0) {
		doc = tk.doc_id;
		task_free(&tk);
	}
	return doc;
}

/* The document the user points at, read in a transaction of its own. */
static uint64_t pointed_doc(struct ui *u)
{
	struct txn *t;
	struct err e;
	uint64_t doc;

	err_clear(&e);
	if (store_read_begin(u->ops->st, &t, &e) != 0) {
		ui_msg_err(u, &e);
		return 0;
	}
	doc = ui_pointed_doc(u, t);
	store_read_end(t);
	return doc;
}

void ui_view_open(struct ui *u, int view)
{
	uint64_t doc = 0, task = 0;
	uint32_t unit = 0;

	if (view == UI_VIEW_CASCADE || view == UI_VIEW_LINT || view == UI_VIEW_IND) {
		if (unit_scope(u) && view != UI_VIEW_CASCADE)
			unit = ui_units_selected(u);
		else
			doc = pointed_doc(u);
		if (!doc && !unit) {
			ui_msg(u, 1, view == UI_VIEW_CASCADE
			                 ? "Chưa chọn văn bản: chọn một văn bản trong khung Văn bản."
			                 : "Chưa chọn văn bản hay đơn vị.");
			return;
		}
	}
	if (view == UI_VIEW_AUDIT) {
		if (ui_view_is_list(u->view))
			task = ui_view_task(u);
		else if (u->view == UI_VIEW_PANES && u->focus == UI_TASKS)
			task = ui_tasks_selected(u);
	}
	if (u->view != view && u->view != UI_VIEW_PANES)
		ui_view_close(u);
	switch (view) {
	case UI_VIEW_DASH: ui_dash_open(u); break;
	case UI_VIEW_CASCADE: ui_casc_open(u, doc); break;
	case UI_VIEW_LINT: ui_lint_open(u, doc, unit); break;
	case UI_VIEW_IND: ui_ind_open(u, doc, unit); break;
	case UI_VIEW_AUDIT: ui_audit_open(u, task); break;
	case UI_VIEW_QUEUE: ui_queue_open(u); break;
	default: return;
	}
	u->view = view;
}

int ui_view_sync(struct ui *u, struct txn *t, struct err *e)
{
	switch (u->view) {
	case UI_VIEW_DUE: return ui_due_sync(u, t, e);
	case UI_VIEW_DASH: return ui_dash_sync(u, t, e);
	case UI_VIEW_CASCADE: return ui_casc_sync(u, t, e);
	case UI_VIEW_LINT: return ui_lint_sync(u, t, e);
	case UI_VIEW_IND: return ui_ind_sync(u, t, e);
	case UI_VIEW_AUDIT: return ui_audit_sync(u, t, e);
	case UI_VIEW_QUEUE: return ui_queue_sync(u, t, e);
	default: return 0;
	}
}

void ui_view_draw(struct ui *u, struct txn *t)
{
	switch (u->view) {
	case UI_VIEW_DUE: ui_due_draw(u, t); break;
	case UI_VIEW_DASH: ui_dash_draw(u, t); break;
	case UI_VIEW_CASCADE: ui_casc_draw(u, t); break;
	case UI_VIEW_LINT: ui_lint_draw(u, t); break;
	case UI_VIEW_IND: ui_ind_draw(u, t); break;
	case UI_VIEW_AUDIT: ui_audit_draw(u, t); break;
	case UI_VIEW_QUEUE: ui_queue_draw(u, t); break;
	default: return;
	}
	ui_detail_draw(u, t);
}

struct ui_list *ui_view_list(struct ui *u)
{
	switch (u->view) {
	case UI_VIEW_DUE: return &u->due.l;
	case UI_VIEW_SOURCE: return &u->src.l;
	case UI_VIEW_HELP: return &u->help;
	case UI_VIEW_DASH: return &u->dash.l;
	case UI_VIEW_CASCADE: return &u->casc.l;
	case UI_VIEW_LINT: return &u->lint.l;
	case UI_VIEW_IND: return &u->ind.l;
	case UI_VIEW_AUDIT: return &u->audit.l;
	case UI_VIEW_QUEUE: return &u->queue.l;
	default: return NULL;
	}
}

uint64_t ui_view_task(const struct ui *u)
{
	switch (u->view) {
	case UI_VIEW_DUE: return ui_due_selected(u);
	case UI_VIEW_LINT: return ui_lint_selected(u);
	case UI_VIEW_AUDIT: return ui_audit_task(u);
	case UI_VIEW_QUEUE: return ui_queue_selected(u);
	default: return 0;
	}
}

int ui_view_enter(struct ui *u, struct txn *t, struct err *e)
{
	uint64_t id;

	switch (u->view) {
	case UI_VIEW_DASH: return ui_dash_enter(u, t, e);
	case UI_VIEW_CASCADE: return ui_casc_enter(u, t, e);
	case UI_VIEW_IND: return 0; /* Enter opens the measure form: ui.c */
	default: break;
	}
	id = ui_view_task(u);
	if (!id) {
		if (u->view == UI_VIEW_AUDIT)
			ui_msg(u, 0, "Mục nhật ký này không nói về một nhiệm vụ.");
		return 0;
	}
	return ui_jump_task(u, t, id, e);
}

void ui_view_close(struct ui *u)
{
	switch (u->view) {
	case UI_VIEW_SOURCE: ui_source_free(u); break;
	case UI_VIEW_DASH: ui_dash_free(u); break;
	case UI_VIEW_CASCADE: ui_casc_free(u); break;
	case UI_VIEW_LINT: ui_lint_free(u); break;
	case UI_VIEW_IND: ui_ind_free(u); break;
	case UI_VIEW_AUDIT: ui_audit_free(u); break;
	case UI_VIEW_QUEUE: ui_queue_free(u); break;
	default: break;
	}
	if (u->search.running && u->search.pane < 0)
		u->search.running = 0;
	u->view = UI_VIEW_PANES;
}

void ui_views_forget(struct ui *u)
{
	u->due.built = 0;
	u->dash.built = 0;
	u->casc.built = 0;
	u->lint.built = 0;
	u->ind.built = 0;
	u->audit.built = 0;
	u->queue.built = 0;
}

void ui_views_free(struct ui *u)
{
	ui_due_free(u);
	ui_dash_free(u);
	ui_casc_free(u);
	ui_lint_free(u);
	ui_ind_free(u);
	ui_audit_free(u);
	ui_queue_free(u);
}

int ui_views_busy(const struct ui *u)
{
	return u->view == UI_VIEW_LINT && ui_lint_checking(u);
}

void ui_views_step(struct ui *u, struct txn *t, size_t budget)
{
	if (u->view == UI_VIEW_LINT)
		ui_lint_step(u, t, budget);
}

/* "#id section text" of a task, for a search. */
static void task_words(struct txn *t, uint64_t id, struct sbuf *b)
{
	struct task tk;

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) != 0)
		return;
	sbuf_printf(b, "#%llu %s %s", (unsigned long long)tk.id, tk.section,
	            tk.text ? tk.text : "");
	task_free(&tk);
}

/* The words a search looks at in row i of the current list view. */
static void row_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	switch (u->view) {
	case UI_VIEW_DASH:
		if (i < u->dash.n)
			sbuf_puts(b, u->dash.rows[i].own ? "trực tiếp"
			                                 : ui_unit_name(u, u->dash.rows[i].unit));
		else
			sbuf_puts(b, "Cộng");
		break;
	case UI_VIEW_CASCADE:
		if (i < u->casc.c.n) {
			const struct cascade_node *nd = &u->casc.c.nodes[i];

			sbuf_printf(b, "%s %s %s", ui_unit_name(u, nd->unit), nd->number,
			            nd->title ? nd->title : "");
		}
		break;
	case UI_VIEW_LINT:
		if (i < u->lint.l.n)
			task_words(t, u->lint.rows[i].task, b);
		break;
	case UI_VIEW_IND:
		if (i < u->ind.l.n)
			sbuf_printf(b, "%s %s", u->ind.v[i].section, u->ind.v[i].text ? u->ind.v[i].text : "");
		break;
	case UI_VIEW_AUDIT:
		if (i < u->audit.nv) {
			char *d = audit_describe(&u->audit.v[i], 0);

			sbuf_printf(b, "%s %s %s", u->audit.v[i].login, u->audit.v[i].object, d);
			free(d);
		}
		break;
	case UI_VIEW_QUEUE:
		if (i < u->queue.l.n)
			task_words(t, u->queue.ids[i], b);
		break;
	default:
		break;
	}
}

int ui_view_search_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_list *l = ui_view_list(u);
	struct ui_search *s = &u->search;

	while (l && s->left > 0 && budget-- > 0 && l->n) {
		size_t i = s->pos % l->n;
		struct sbuf b = { 0 };
		int hit = 0;

		s->pos = s->dir > 0 ? i + 1 : i + l->n - 1;
		s->left--;
		row_words(u, t, i, &b);
		if (b.len) {
			char *f = txt_fold(b.s, b.len, NULL);

			hit = txt_contains(f, s->needle);
			free(f);
		}
		sbuf_free(&b);
		if (hit) {
			ui_list_select(l, i, ui_view_page(u));
			s->left = 0;
			return 1;
		}
	}
	if (!l)
		s->left = 0;
	return 0;
}

void ui_view_head(struct ui *u, const char *title, const char *header)
{
	const struct ui_layout *lo = &u->lo;

	ui_put(lo->pane_y, 0, lo->cols, title, ui_attr(u, UC_TITLE_FOCUS));
	ui_put(lo->pane_y + 1, 0, 2, "", A_NORMAL);
	ui_put(lo->pane_y + 1, 2, lo->cols - 2, header, ui_attr(u, UC_TITLE));
}

int ui_jump_task(struct ui *u, struct txn *t, uint64_t id, struct err *e)
{
	struct task tk;
	struct doc dc;
	uint32_t unit;
	int rc;

	memset(&tk, 0, sizeof(tk));
	rc = store_task_get(t, id, &tk, e);
	if (rc)
		return rc;
	unit = tk.lead;
	u->docs.assigned = 1;
	if (!unit && tk.doc_id) {
		/* No resolved lead: show it under the document's issuer. */
		memset(&dc, 0, sizeof(dc));
		if (store_doc_get(t, tk.doc_id, &dc, NULL) == 0) {
			unit = dc.issuer;
			doc_free(&dc);
		}
		u->docs.assigned = 0;
	}
	if (unit)
		ui_units_reveal(u, unit);
	u->docs.built = 0;
	u->tasks.built = 0;
	u->tasks.led = tk.doc_id == 0;
	if (u->tasks.fkind != UI_FILTER_NONE)
		ui_tasks_set_filter(u, UI_FILTER_NONE, 0);
	rc = ui_docs_sync(u, t, e);
	if (rc == 0 && tk.doc_id)
		ui_docs_select_id(u, tk.doc_id);
	if (rc == 0)
		rc = ui_tasks_sync(u, t, e);
	if (rc == 0 && !ui_tasks_select_id(u, id))
		ui_msg(u, 0, "Nhiệm vụ #%llu không nằm trong danh sách của đơn vị.",
		       (unsigned long long)id);
	task_free(&tk);
	ui_view_close(u);
	u->focus = UI_TASKS;
	return rc;
}

int ui_jump_doc(struct ui *u, struct txn *t, uint64_t doc, struct err *e)
{
	struct doc d;
	int rc;

	memset(&d, 0, sizeof(d));
	rc = store_doc_get(t, doc, &d, e);
	if (rc)
		return rc;
	if (d.issuer)
		ui_units_reveal(u, d.issuer);
	doc_free(&d);
	u->docs.assigned = 0;
	u->docs.built = 0;
	u->tasks.built = 0;
	u->tasks.led = 0;
	rc = ui_docs_sync(u, t, e);
	if (rc == 0 && !ui_docs_select_id(u, doc))
		ui_msg(u, 0, "Văn bản #%llu không có cơ quan ban hành trong cây đơn vị.",
		       (unsigned long long)doc);
	ui_view_close(u);
	u->focus = UI_DOCS;
	return rc;
}
