/* ui-docs.c — the "Văn bản" pane: documents issued by the selected unit,
 * or (key `a`) the documents that assign tasks to it.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-msg.h"
#include "util.h"

static int push_id(uint64_t id, void *ctx)
{
	ui_ids_push(ctx, id);
	return 0;
}

struct assigned {
	struct txn *t;
	struct ui_ids docs;
};

static int add_doc_of_task(uint64_t id, void *ctx)
{
	struct assigned *a = ctx;
	struct task tk;

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(a->t, id, &tk, NULL) == 0) {
		if (tk.doc_id)
			ui_ids_push(&a->docs, tk.doc_id);
		task_free(&tk);
	}
	return 0;
}

/* Document ids for the pane's mode and unit, into *out. */
static int collect(struct ui *u, struct txn *t, uint32_t unit, struct ui_ids *out,
                   struct err *e)
{
	int rc;

	if (!unit)
		return 0;
	if (!u->docs.assigned)
		return store_docs_by_issuer(t, unit, push_id, out, e);
	{
		struct assigned a = { t, { 0 } };

		rc = store_tasks_by_lead(t, unit, add_doc_of_task, &a, e);
		ui_ids_uniq(&a.docs);
		*out = a.docs;
	}
	return rc;
}

int ui_docs_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_docs *p = &u->docs;
	uint32_t unit = ui_units_selected(u);
	uint64_t keep = 0;
	struct ui_ids ids = { 0 };
	int rc;

	if (p->built && p->unit == unit)
		return 0;
	if (p->unit == unit)
		keep = ui_docs_selected(u); /* a reload: keep the selection */
	rc = collect(u, t, unit, &ids, e);
	if (rc) {
		free(ids.v);
		return rc;
	}
	free(p->ids);
	p->ids = ids.v;
	if (p->unit != unit)
		p->l.sel = p->l.top = 0;
	p->l.n = ids.n;
	p->unit = unit;
	p->built = 1;
	ui_list_clamp(&p->l, ui_page(u));
	if (p->want)
		keep = p->want;
	p->want = 0;
	if (keep)
		ui_docs_select_id(u, keep);
	return 0;
}

uint64_t ui_docs_selected(const struct ui *u)
{
	const struct ui_docs *p = &u->docs;

	return p->l.n ? p->ids[p->l.sel] : 0;
}

int ui_docs_select_id(struct ui *u, uint64_t id)
{
	return ui_list_select_id(&u->docs.l, u->docs.ids, id, ui_page(u));
}

void ui_docs_free(struct ui *u)
{
	free(u->docs.ids);
	u->docs.ids = NULL;
	u->docs.l.n = 0;
	u->docs.built = 0;
}

void ui_docs_draw(struct ui *u, struct txn *t)
{
	struct ui_docs *p = &u->docs;
	const struct ui_layout *lo = &u->lo;
	int x = lo->pane_x[UI_DOCS], w = lo->pane_w[UI_DOCS], page = ui_page(u), r;
	int focused = u->focus == UI_DOCS && u->view == UI_VIEW_PANES;
	struct sbuf b = { 0 };

	if (w <= 0)
		return;

	if (p->l.n == 0) {
		for (r = 0; r < page; r++)
			ui_blank(lo->pane_y + 1 + r, x, w, A_NORMAL);
		ui_put_wrap(lo->pane_y + 1, x + 1, w - 1, page,
		            p->assigned ? "(không có văn bản giao nhiệm vụ)" : "(không có văn bản)",
		            ui_attr(u, UC_MUTED));
		return;
	}
	for (r = 0; r < page; r++) {
		size_t row = p->l.top + (size_t)r;
		int y = lo->pane_y + 1 + r;
		struct doc d;
		const char *cells[2];
		int widths[2] = { 14, 0 };
		struct sbuf line = { 0 };
		attr_t a;

		if (row >= p->l.n) {
			ui_blank(y, x, w, A_NORMAL);
			continue;
		}
		memset(&d, 0, sizeof(d));
		sbuf_reset(&b);
		if (store_doc_get(t, p->ids[row], &d, NULL) == 0) {
			char *title = txt_sanitize(d.title ? d.title : "");

			sbuf_puts(&b, d.number[0] ? d.number : "(không số)");
			cells[0] = b.s;
			cells[1] = title;
			/* A narrow pane shows the numbers: the detail area has the title. */
			if (w < 28)
				widths[0] = w < 20 ? w : 11;
			ui_fmt_cells(&line, cells, widths, w < 20 ? 1 : 2, w);
			free(title);
			doc_free(&d);
		} else {
			sbuf_printf(&line, "#%llu ?", (unsigned long long)p->ids[row]);
		}
		a = row == p->l.sel ? ui_attr(u, focused ? UC_SEL : UC_SEL_DIM) : A_NORMAL;
		if (row == p->l.sel && w >= 20) {
			/* The selection lights the number only: a move rewrites
			 * two numbers, not two rows (light on the wire). */
			int cut;
			size_t off = txt_fit(line.s, widths[0], &cut);
			char *head = xstrndup(line.s, off);

			ui_put_match(u, y, x, widths[0], head, a);
			ui_put_match(u, y, x + widths[0], w - widths[0], line.s + off, A_NORMAL);
			free(head);
		} else {
			ui_put_match(u, y, x, w, line.s, a);
		}
		sbuf_free(&line);
	}
	sbuf_free(&b);
}

int ui_docs_search_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_docs *p = &u->docs;
	struct ui_search *s = &u->search;

	while (s->left > 0 && budget-- > 0 && p->l.n) {
		size_t i = s->pos % p->l.n;
		struct doc d;
		int hit = 0;

		s->pos = s->dir > 0 ? i + 1 : (i + p->l.n - 1);
		s->left--;
		memset(&d, 0, sizeof(d));
		if (store_doc_get(t, p->ids[i], &d, NULL) == 0) {
			struct sbuf b = { 0 };
			char *f;

			sbuf_printf(&b, "%s %s", d.number, d.title ? d.title : "");
			f = txt_fold(b.s, b.len, NULL);
			hit = txt_contains(f, s->needle);
			free(f);
			sbuf_free(&b);
			doc_free(&d);
		}
		if (hit) {
			ui_list_select(&p->l, i, ui_page(u));
			s->left = 0;
			return 1;
		}
	}
	return 0;
}
