/* ui-tasks.c — the "Nhiệm vụ" pane: the tasks of the selected document,
 * or (key `t`, and at start) every task led by the selected unit and its
 * subtree, the most urgent first.
 *
 * The list holds ids only.  A filter (key `f`) needs each task's status or
 * timeliness, so it runs in slices between keystrokes (ui.c calls
 * ui_tasks_filter_step while no key is waiting): the screen never waits
 * on a pass over a long list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hier.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

static int push_id(uint64_t id, void *ctx)
{
	ui_ids_push(ctx, id);
	return 0;
}

struct due_pair {
	date_t due;
	uint64_t id;
};

struct due_acc {
	struct due_pair *v;
	size_t n, cap;
};

static int push_due(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	struct due_acc *a = ctx;

	(void)lead;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n].due = due;
	a->v[a->n++].id = id;
	return 0;
}

static int cmp_due(const void *x, const void *y)
{
	const struct due_pair *a = x, *b = y;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* The tasks led in the subtree of unit `key`, the most urgent first: the
 * open tasks with a due date, earliest first (from the due index, no
 * task read), then every other task in index order. */
static int collect_led(struct ui *u, struct txn *t, uint32_t key, struct ui_ids *out,
                       struct err *e)
{
	const struct hier *h = u->units.h;
	struct due_acc acc = { 0 };
	struct ui_ids rest = { 0 };
	uint64_t *dated;
	size_t i, end, start = hier_find_id(h, key);
	int rc = 0;

	if (start == (size_t)-1)
		return 0;
	end = hier_subtree_end(h, start);
	for (i = start; i < end && rc == 0; i++)
		rc = store_tasks_by_due(t, hier_at(h, i)->id, DATE_NONE, DATE_NONE, push_due, &acc,
		                        e);
	for (i = start; i < end && rc == 0; i++)
		rc = store_tasks_by_lead(t, hier_at(h, i)->id, push_id, &rest, e);
	if (rc) {
		free(acc.v);
		free(rest.v);
		return rc;
	}
	xqsort(acc.v, acc.n, sizeof(*acc.v), cmp_due);
	dated = xmalloc((acc.n ? acc.n : 1) * sizeof(*dated));
	for (i = 0; i < acc.n; i++) {
		dated[i] = acc.v[i].id;
		ui_ids_push(out, acc.v[i].id);
	}
	xqsort(dated, acc.n, sizeof(*dated), cmp_u64);
	for (i = 0; i < rest.n; i++)
		if (!bsearch(&rest.v[i], dated, acc.n, sizeof(*dated), cmp_u64))
			ui_ids_push(out, rest.v[i]);
	free(dated);
	free(acc.v);
	free(rest.v);
	return 0;
}

static int collect(struct ui *u, struct txn *t, uint64_t key, struct ui_ids *out,
                   struct err *e)
{
	if (!key)
		return 0;
	if (!u->tasks.led)
		return store_tasks_by_doc(t, key, push_id, out, e);
	return collect_led(u, t, (uint32_t)key, out, e);
}

static void free_lists(struct ui_tasks *p)
{
	if (p->ids != p->all)
		free(p->ids);
	free(p->all);
	p->ids = p->all = NULL;
	p->nall = p->cap = 0;
}

/* Point the shown list at the source again and start filtering afresh. */
static void restart_filter(struct ui *u)
{
	struct ui_tasks *p = &u->tasks;

	if (p->ids != p->all)
		free(p->ids);
	p->cap = 0;
	p->fpos = 0;
	if (p->fkind == UI_FILTER_NONE) {
		p->ids = p->all;
		p->l.n = p->nall;
		p->fpos = p->nall;
	} else {
		p->ids = NULL;
		p->l.n = 0;
	}
}

int ui_tasks_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_tasks *p = &u->tasks;
	uint64_t key = p->led ? ui_units_selected(u) : ui_docs_selected(u);
	struct ui_ids ids = { 0 };
	int rc, same = p->key == key;

	if (p->built && same)
		return 0;
	rc = collect(u, t, key, &ids, e);
	if (rc) {
		free(ids.v);
		return rc;
	}
	p->want = same ? ui_tasks_selected(u) : 0;
	if (!same)
		p->l.sel = p->l.top = 0;
	free_lists(p);
	p->all = ids.v;
	p->nall = ids.n;
	p->key = key;
	p->built = 1;
	restart_filter(u);
	ui_list_clamp(&p->l, ui_page(u));
	if (p->want && p->fkind == UI_FILTER_NONE) {
		ui_tasks_select_id(u, p->want);
		p->want = 0;
	}
	return 0;
}

uint64_t ui_tasks_selected(const struct ui *u)
{
	const struct ui_tasks *p = &u->tasks;

	return p->l.n ? p->ids[p->l.sel] : 0;
}

int ui_tasks_select_id(struct ui *u, uint64_t id)
{
	return ui_list_select_id(&u->tasks.l, u->tasks.ids, id, ui_page(u));
}

void ui_tasks_free(struct ui *u)
{
	free_lists(&u->tasks);
	u->tasks.l.n = 0;
	u->tasks.built = 0;
}

void ui_tasks_set_filter(struct ui *u, int kind, int value)
{
	struct ui_tasks *p = &u->tasks;

	p->want = ui_tasks_selected(u);
	p->fkind = kind;
	p->fvalue = value;
	p->l.sel = p->l.top = 0;
	restart_filter(u);
	if (kind == UI_FILTER_NONE && p->want) {
		ui_tasks_select_id(u, p->want);
		p->want = 0;
	}
}

int ui_tasks_filtering(const struct ui *u)
{
	return u->tasks.fkind != UI_FILTER_NONE && u->tasks.fpos < u->tasks.nall;
}

const char *ui_tasks_filter_label(const struct ui *u, char *buf, size_t len)
{
	const struct ui_tasks *p = &u->tasks;

	if (p->fkind == UI_FILTER_STATUS)
		snprintf(buf, len, "%s", st_label((enum task_status)p->fvalue));
	else if (p->fkind == UI_FILTER_TL)
		snprintf(buf, len, "tình trạng %s", tl_label((enum timeliness)p->fvalue));
	else
		snprintf(buf, len, "%s", "");
	return buf;
}

static int matches(struct ui *u, const struct task *tk)
{
	const struct ui_tasks *p = &u->tasks;

	enum timeliness tl;

	if (p->fkind == UI_FILTER_STATUS)
		return tk->status == p->fvalue;
	tl = ui_task_tl(u, tk).tl;
	/* "quá hạn" means what the counts and `o` mean: the domain's one
	 * predicate, which takes in the missing reports (chưa báo cáo). */
	if (p->fvalue == TL_OVERDUE)
		return tl_is_overdue(tl);
	return (int)tl == p->fvalue;
}

int ui_tasks_filter_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_tasks *p = &u->tasks;
	struct ui_ids shown = { p->ids, p->l.n, p->cap };

	if (!ui_tasks_filtering(u))
		return 0;
	while (p->fpos < p->nall && budget-- > 0) {
		struct task tk;
		uint64_t id = p->all[p->fpos++];

		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, id, &tk, NULL) != 0)
			continue;
		if (matches(u, &tk))
			ui_ids_push(&shown, id);
		task_free(&tk);
	}
	p->ids = shown.v;
	p->l.n = shown.n;
	p->cap = shown.cap;
	if (p->want && ui_tasks_select_id(u, p->want))
		p->want = 0;
	ui_list_clamp(&p->l, ui_page(u));
	return ui_tasks_filtering(u);
}

int ui_tasks_search_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_tasks *p = &u->tasks;
	struct ui_search *s = &u->search;

	while (s->left > 0 && budget-- > 0 && p->l.n) {
		size_t i = s->pos % p->l.n;
		struct task tk;
		int hit = 0;

		s->pos = s->dir > 0 ? i + 1 : i + p->l.n - 1;
		s->left--;
		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, p->ids[i], &tk, NULL) == 0) {
			struct sbuf b = { 0 };
			char *f;

			sbuf_printf(&b, "#%llu %s %s", (unsigned long long)tk.id, tk.section,
			            tk.text ? tk.text : "");
			f = txt_fold(b.s, b.len, NULL);
			hit = txt_contains(f, s->needle);
			free(f);
			sbuf_free(&b);
			task_free(&tk);
		}
		if (hit) {
			ui_list_select(&p->l, i, ui_page(u));
			s->left = 0;
			return 1;
		}
	}
	return 0;
}

/* The document number of a task, for rows that show it. */
static void doc_number(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d;

	buf[0] = '\0';
	if (!doc)
		return;
	memset(&d, 0, sizeof(d));
	if (store_doc_get(t, doc, &d, NULL) == 0) {
		str_copy(buf, d.number[0] ? d.number : "(không số)", len);
		doc_free(&d);
	}
}

void ui_task_row(struct ui *u, struct txn *t, uint64_t id, int y, int x, int w, int sel,
                 int focused, int with_unit)
{
	struct task tk;
	struct tl_result r;
	struct sbuf line = { 0 };
	char idbuf[24], days[32], num[DOCNUM_LEN];
	attr_t a = sel ? ui_attr(u, focused ? UC_SEL : UC_SEL_DIM) : A_NORMAL;
	char *text;

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) != 0) {
		snprintf(idbuf, sizeof(idbuf), "#%llu ?", (unsigned long long)id);
		ui_put(y, x, w, idbuf, a);
		return;
	}
	r = ui_task_tl(u, &tk);
	ui_put(y, x, 1, tl_symbol(r.tl), sel ? a : ui_attr(u, ui_tl_color(r.tl)));
	snprintf(idbuf, sizeof(idbuf), "#%llu", (unsigned long long)tk.id);
	text = txt_sanitize(tk.text ? tk.text : "");
	if (with_unit) {
		const char *cells[5];
		int widths[5] = { 9, 7, 22, 13, 0 };

		if (r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED || r.tl == TL_ON_TRACK ||
		    r.tl == TL_DUE_SOON)
			snprintf(days, sizeof(days), "%d ngày", r.days);
		else
			str_copy(days, tl_label(r.tl), sizeof(days));
		doc_number(t, tk.doc_id, num, sizeof(num));
		cells[0] = days;
		cells[1] = idbuf;
		cells[2] = tk.lead ? ui_unit_name(u, tk.lead) : (tk.lead_text ? tk.lead_text : "");
		cells[3] = num;
		cells[4] = text;
		if (w < 90) {
			widths[2] = 14;
			widths[3] = 10;
		}
		ui_fmt_cells_from(&line, cells, widths, 5, w - 3, u->hskip, &u->hroom);
	} else if (w < 60) {
		const char *cells[3];
		int widths[3] = { w < 50 ? 6 : 8, 9, 0 };

		cells[0] = idbuf;
		cells[1] = tk.section;
		cells[2] = text;
		ui_fmt_cells_from(&line, cells, widths, 3, w - 3, u->hskip, &u->hroom);
	} else {
		/* Wide enough to read: id, due day, lead, progress, (section,)
		 * then the text. */
		const char *cells[6];
		int widths[6] = { 6, 5, 10, 4, 9, 0 };
		char due[16], lead[64], pct[8];
		int n = 0, wide = w >= 100;

		/* dd/mm this year; another year shows as the year alone. */
		if (tk.due != DATE_NONE && strcmp(date_vn(tk.due, due) + 6,
		                                  date_vn(u->ops->today, days) + 6) == 0)
			due[5] = '\0';
		else if (tk.due != DATE_NONE)
			memmove(due, due + 6, 5);
		else
			str_copy(due, "--/--", sizeof(due));
		if (tk.lead)
			ui_unit_short(u, tk.lead, widths[2], lead, sizeof(lead));
		else
			str_copy(lead, tk.lead_text ? tk.lead_text : "", sizeof(lead));
		snprintf(pct, sizeof(pct), "%3d%%", tk.progress);
		cells[n++] = idbuf;
		cells[n++] = due;
		cells[n++] = lead;
		cells[n++] = pct;
		if (wide)
			cells[n++] = tk.section;
		else
			widths[4] = 0;
		cells[n++] = text;
		ui_fmt_cells_from(&line, cells, widths, n, w - 3, u->hskip, &u->hroom);
	}
	/* Beside the timeliness, the lint marker: the task is unclear. */
	ui_put(y, x + 1, 1, ui_lint_marker(u, &tk), sel ? a : ui_attr(u, UC_WAIT));
	ui_put(y, x + 2, 1, " ", a);
	ui_put_match(u, y, x + 3, w - 3, line.s, a);
	free(text);
	sbuf_free(&line);
	task_free(&tk);
}

void ui_tasks_draw(struct ui *u, struct txn *t)
{
	struct ui_tasks *p = &u->tasks;
	const struct ui_layout *lo = &u->lo;
	int x = lo->pane_x[UI_TASKS], w = lo->pane_w[UI_TASKS], page = ui_page(u), r;
	int focused = u->focus == UI_TASKS && u->view == UI_VIEW_PANES;

	if (w <= 0)
		return;

	for (r = 0; r < page; r++) {
		size_t row = p->l.top + (size_t)r;
		int y = lo->pane_y + 1 + r;

		if (row >= p->l.n)
			ui_blank(y, x, w, A_NORMAL);
		else
			ui_task_row(u, t, p->ids[row], y, x, w, row == p->l.sel, focused, 0);
	}
	if (p->l.n == 0) {
		const char *why = ui_tasks_filtering(u) ? " (đang lọc…)"
		                  : p->fkind ? " (không có nhiệm vụ khớp bộ lọc)"
		                  : p->led  ? " (đơn vị không chủ trì nhiệm vụ nào)"
		                            : " (chưa chọn văn bản, hoặc văn bản không có nhiệm vụ)";

		ui_put(lo->pane_y + 1, x, w, why, ui_attr(u, UC_MUTED));
	}
}
