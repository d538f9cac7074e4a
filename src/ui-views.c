/* ui-views.c — the list views (ui-view.h) behind one interface.
 *
 * Every list view is one file with its table of operations, registered by
 * one line of UI_LIST_VIEWS; this file dispatches through that table:
 * opening a view on the screen's selection, the frame's sync and drawing
 * (title, header, the rows of the page, a line for an empty list, the
 * detail area), Enter, the view's own keys and hints, search, the idle
 * slices, forgetting and freeing.  Enter shows what a row is about in the
 * panes (ui_jump_task, ui_jump_doc) unless the view says otherwise.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-msg.h"
#include "util.h"

#define UI_VIEW_TABLE(id, ops) [UI_VIEW_##id] = &ops,
static const struct ui_view_ops *const view_table[UI_VIEW_COUNT] = {
	UI_LIST_VIEWS(UI_VIEW_TABLE)
};
#undef UI_VIEW_TABLE

int ui_view_is_list(int view)
{
	return view >= UI_VIEW_FIRST_LIST && view < UI_VIEW_COUNT;
}

const struct ui_view_ops *ui_view_ops_of(int view)
{
	return ui_view_is_list(view) ? view_table[view] : NULL;
}

static const struct ui_view_ops *cur(const struct ui *u)
{
	return ui_view_ops_of(u->view);
}

void *ui_view_state(struct ui *u, int view, size_t size)
{
	if (!u->vstate[view])
		u->vstate[view] = xcalloc(1, size);
	return u->vstate[view];
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

/* A view for a unit asked on the tree's row of the tasks without a lead
 * unit, which it does not cover (ops->nolead 0): said, not opened. */
static int needs_unit(struct ui *u, const struct ui_view_ops *ops)
{
	ui_msg(u, 1, "%s: dòng “(chưa xác định đơn vị chủ trì)” không phải một đơn vị; "
	       "chọn một đơn vị trong cây (Enter trên dòng này: các nhiệm vụ đó).",
	       ops->label);
	return 1;
}

int ui_view_open_act(struct ui *u, enum ui_act a)
{
	struct ui_view_where w;
	const struct ui_view_ops *ops = NULL;
	int v, found = -1;

	for (v = UI_VIEW_FIRST_LIST; v < UI_VIEW_COUNT && found < 0; v++)
		if (view_table[v]->opens[0] == a || view_table[v]->opens[1] == a)
			found = v;
	if (found < 0)
		return 0;
	ops = view_table[found];
	memset(&w, 0, sizeof(w));
	w.act = a;
	switch (ops->scope) {
	case UVS_UNIT:
		w.unit = ui_units_selected(u);
		if (!w.unit && ui_units_nolead(u) && !ops->nolead)
			return needs_unit(u, ops);
		break;
	case UVS_DOC_OR_UNIT:
		if (unit_scope(u) && ui_units_nolead(u) && !ops->nolead)
			return needs_unit(u, ops);
		if (unit_scope(u))
			w.unit = ui_units_selected(u);
		/* fall through */
	case UVS_DOC:
		if (!w.unit)
			w.doc = pointed_doc(u);
		if (!w.doc && !w.unit) {
			ui_msg(u, 1, "%s", ops->no_scope ? ops->no_scope : "Chưa chọn văn bản.");
			return 1;
		}
		break;
	case UVS_TASK:
		if (ui_view_is_list(u->view))
			w.task = ui_view_task(u);
		else if (u->view == UI_VIEW_PANES && u->focus == UI_TASKS)
			w.task = ui_tasks_selected(u);
		break;
	default:
		break;
	}
	if (u->view != UI_VIEW_PANES)
		ui_view_close(u);
	if (ops->free)
		ops->free(u);
	if (ops->open(u, &w) == 0)
		u->view = found;
	return 1;
}

int ui_view_sync(struct ui *u, struct txn *t, struct err *e)
{
	const struct ui_view_ops *ops = cur(u);

	return ops ? ops->sync(u, t, e) : 0;
}

void ui_view_draw(struct ui *u, struct txn *t)
{
	const struct ui_view_ops *ops = cur(u);
	const struct ui_layout *lo = &u->lo;
	struct sbuf title = { 0 }, head = { 0 };
	struct ui_list *l;
	const char *empty;
	int page = ui_view_page(u), r;

	if (!ops)
		return;
	l = ops->list(u);
	ops->head(u, t, &title, &head);
	ui_view_head(u, title.s ? title.s : "", head.s ? head.s : "");
	for (r = 0; r < page; r++) {
		size_t i = l->top + (size_t)r;
		int y = lo->pane_y + 2 + r;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if (i < l->n)
			ops->row(u, t, i, y, i == l->sel);
	}
	if (ops->empty && (empty = ops->empty(u)) != NULL && l->n < (size_t)page)
		ui_put_wrap(lo->pane_y + 2 + (int)l->n, 2, lo->cols - 2, page - (int)l->n, empty,
		            ui_attr(u, UC_MUTED)); /* whole, on the rows left */
	sbuf_free(&title);
	sbuf_free(&head);
	ui_detail_draw(u, t);
}

struct ui_list *ui_view_list(struct ui *u)
{
	const struct ui_view_ops *ops = cur(u);

	switch (u->view) {
	case UI_VIEW_SOURCE: return &u->src.l;
	case UI_VIEW_HELP: return &u->help;
	default: return ops ? ops->list(u) : NULL;
	}
}

uint64_t ui_view_task(const struct ui *u)
{
	const struct ui_view_ops *ops = cur(u);

	return ops && ops->task ? ops->task(u) : 0;
}

int ui_view_enter(struct ui *u, struct txn *t, struct err *e)
{
	const struct ui_view_ops *ops = cur(u);
	uint64_t id;

	if (!ops)
		return 0;
	if (ops->enter)
		return ops->enter(u, t, e);
	id = ui_view_task(u);
	if (!id) {
		ui_msg(u, 0, "Dòng này không nói về một nhiệm vụ.");
		return 0;
	}
	return ui_jump_task(u, t, id, e);
}

int ui_view_key(struct ui *u, enum ui_act a)
{
	const struct ui_view_ops *ops = cur(u);

	return ops && ops->key ? ops->key(u, a) : 0;
}

void ui_view_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows,
                    const char **title)
{
	const struct ui_view_ops *ops = cur(u);

	if (!ops)
		return;
	if (ops->detail_title)
		*title = ops->detail_title;
	if (ops->detail)
		ops->detail(u, t, l, cols, rows);
	else
		ui_detail_task(u, t, ui_view_task(u), l, cols, rows);
}

const struct ui_hint *ui_view_hints_on(const struct ui *u, int view, const char **label)
{
	static const struct ui_hint plain[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};
	const struct ui_view_ops *ops = ui_view_ops_of(view);
	const struct ui_hint *h = ops && ops->hints ? ops->hints(u) : NULL;

	if (label)
		*label = ops && ops->label ? ops->label : "";
	return h ? h : plain;
}

const struct ui_hint *ui_view_hints(const struct ui *u)
{
	return ui_view_hints_on(u, u->view, NULL);
}

void ui_view_close(struct ui *u)
{
	const struct ui_view_ops *ops = cur(u);

	if (u->view == UI_VIEW_SOURCE)
		ui_source_free(u);
	else if (ops && ops->free)
		ops->free(u);
	if (u->search.running && u->search.pane < 0)
		u->search.running = 0;
	u->view = UI_VIEW_PANES;
}

void ui_views_forget(struct ui *u)
{
	int v;

	for (v = UI_VIEW_FIRST_LIST; v < UI_VIEW_COUNT; v++)
		if (u->vstate[v] && view_table[v]->forget) /* a view never opened has nothing */
			view_table[v]->forget(u);
}

void ui_views_free(struct ui *u)
{
	int v;

	for (v = UI_VIEW_FIRST_LIST; v < UI_VIEW_COUNT; v++) {
		if (u->vstate[v] && view_table[v]->free)
			view_table[v]->free(u);
		free(u->vstate[v]);
		u->vstate[v] = NULL;
	}
}

int ui_views_busy(const struct ui *u, char *msg, size_t len)
{
	const struct ui_view_ops *ops = cur(u);
	char dummy[8];

	if (!ops || !ops->busy)
		return 0;
	return msg ? ops->busy(u, msg, len) : ops->busy(u, dummy, sizeof(dummy));
}

void ui_views_step(struct ui *u, struct txn *t, size_t budget)
{
	const struct ui_view_ops *ops = cur(u);

	if (ops && ops->step)
		ops->step(u, t, budget);
}

void ui_view_task_words(struct txn *t, uint64_t id, struct sbuf *b)
{
	struct task tk;

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) != 0)
		return;
	sbuf_printf(b, "#%llu %s %s", (unsigned long long)tk.id, tk.section,
	            tk.text ? tk.text : "");
	task_free(&tk);
}

void ui_view_doc_number(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d;

	buf[0] = '\0';
	memset(&d, 0, sizeof(d));
	if (doc && store_doc_get(t, doc, &d, NULL) == 0) {
		str_copy(buf, d.number[0] ? d.number : "(không số)", len);
		doc_free(&d);
	}
}

void ui_view_task_row(struct ui *u, struct txn *t, uint64_t id, int y, int sel)
{
	ui_task_row(u, t, id, y, 0, u->lo.cols, sel, 1, 1);
}

int ui_view_search_step(struct ui *u, struct txn *t, size_t budget)
{
	const struct ui_view_ops *ops = cur(u);
	struct ui_list *l = ui_view_list(u);
	struct ui_search *s = &u->search;

	while (ops && ops->words && l && s->left > 0 && budget-- > 0 && l->n) {
		size_t i = s->pos % l->n;
		struct sbuf b = { 0 };
		int hit = 0;

		s->pos = s->dir > 0 ? i + 1 : i + l->n - 1;
		s->left--;
		ops->words(u, t, i, &b);
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
	if (!ops || !ops->words || !l)
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
