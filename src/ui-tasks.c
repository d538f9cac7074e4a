/* ui-tasks.c — the "Nhiệm vụ" pane: the tasks of the selected document,
 * or (key `t`, and at start) every task led by the selected unit and its
 * subtree, the most urgent first.
 *
 * A document's list holds its task ids.  A subtree's (a million tasks at
 * the root) is never held: its rows are read a page at a time from the
 * indexes (ui-pager.c, tasklist.h) and counted from the counters, and the
 * filter "quá hạn" is the overdue part of the due index.  Another filter
 * needs each task's status or timeliness, so it runs in slices between
 * keystrokes (ui.c calls ui_tasks_filter_step while no key is waiting),
 * keeping the ids that match: the screen never waits on a pass over a
 * long list.
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
#include "ui-msg.h"
#include "util.h"

static int push_id(uint64_t id, void *ctx)
{
	ui_ids_push(ctx, id);
	return 0;
}

/* The list is cut at a day: the "quá hạn" filter is the overdue part of
 * the due index, what the counts and `o` count. */
static int filter_is_paged(const struct ui_tasks *p)
{
	return p->fkind == UI_FILTER_NONE || (p->fkind == UI_FILTER_TL && p->fvalue == TL_OVERDUE);
}

/* Row i of the list (0 when it cannot be read). */
static uint64_t row_at(struct ui *u, struct txn *t, size_t i)
{
	struct ui_tasks *p = &u->tasks;

	if (!p->paged)
		return i < p->l.n ? p->ids[i] : 0;
	return ui_pager_row(&p->pg, &p->l, ui_page(u), t, i);
}

static int collect(struct txn *t, uint64_t key, struct ui_ids *out, struct err *e)
{
	if (!key)
		return 0;
	return store_tasks_by_doc(t, key, push_id, out, e);
}

/* The led list's key for the units' row of the tasks without a lead unit. */
#define KEY_NOLEAD UINT64_MAX

/* 1 when the list's ids are held (a document's, or the tasks without a
 * lead unit), not read a page at a time from the indexes. */
static int held(const struct ui_tasks *p)
{
	return !p->led || p->key == KEY_NOLEAD;
}

struct nolead {
	struct txn *t;
	struct ui_ids *out;
};

/* A task of the lead index's "no unit" part, unless an opened group task
 * (counted through its obligations, as the unit row's counts are). */
static int push_nolead(uint64_t id, void *ctx)
{
	struct nolead *n = ctx;
	struct task k;

	memset(&k, 0, sizeof(k));
	if (store_task_get(n->t, id, &k, NULL) == 0 && !k.lead && !k.group_open)
		ui_ids_push(n->out, id);
	task_free(&k);
	return 0;
}

static void free_lists(struct ui_tasks *p)
{
	if (p->ids != p->all)
		free(p->ids);
	free(p->all);
	ui_pager_free(&p->pg);
	p->ids = p->all = NULL;
	p->nall = p->cap = 0;
	p->paged = 0;
	p->fkey_set = 0;
}

/* Point the shown list at the source again and start filtering afresh. */
static void restart_filter(struct ui *u)
{
	struct ui_tasks *p = &u->tasks;

	if (p->ids != p->all)
		free(p->ids);
	p->ids = NULL;
	p->cap = 0;
	p->fpos = 0;
	p->fkey_set = 0;
	if (p->fkind == UI_FILTER_NONE) {
		p->ids = p->all;
		p->l.n = p->nall;
		p->fpos = p->nall;
	} else {
		p->l.n = 0;
	}
}

/* Open the led list of unit `key` for the current filter. */
static int open_led(struct ui *u, struct txn *t, uint32_t key, struct err *e)
{
	struct ui_tasks *p = &u->tasks;
	int paged = filter_is_paged(p);
	date_t last = paged && p->fkind ? u->ops->today - 1 : DATE_NONE;
	int rc;

	ui_pager_free(&p->pg);
	if (!key || !u->units.h)
		return 0;
	rc = tkl_open(&p->pg.src, t, u->units.h, key, DATE_NONE, last, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (rc)
		return rc;
	p->nall = (size_t)p->pg.src.n;
	p->paged = paged;
	p->l.n = paged ? p->nall : 0;
	p->fpos = paged ? p->nall : 0;
	return 0;
}

static int select_id_in(struct ui *u, struct txn *t, uint64_t id);

int ui_tasks_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_tasks *p = &u->tasks;
	uint64_t key = !p->led ? ui_docs_selected(u) : ui_units_nolead(u) ? KEY_NOLEAD
	                                                                   : ui_units_selected(u);
	struct ui_ids ids = { 0 };
	int rc, same = p->key == key;

	if (p->built && same)
		return 0;
	if (!p->want && same)
		p->want = ui_tasks_selected(u);
	if (!same) {
		p->l.sel = p->l.top = 0;
		p->want = 0;
	}
	if (!p->led || key == KEY_NOLEAD) {
		struct nolead nl = { t, &ids };
		rc = p->led ? store_tasks_by_lead(t, 0, push_nolead, &nl, e)
		            : collect(t, key, &ids, e);
		if (rc) {
			free(ids.v);
			return rc;
		}
	}
	free_lists(p);
	p->key = key;
	p->built = 1;
	if (p->led && key != KEY_NOLEAD) {
		p->l.n = 0;
		rc = open_led(u, t, (uint32_t)key, e);
		if (rc)
			return rc;
	} else {
		p->all = ids.v;
		p->nall = ids.n;
		restart_filter(u);
	}
	ui_list_clamp(&p->l, ui_page(u));
	if (p->want && !ui_tasks_filtering(u)) {
		select_id_in(u, t, p->want);
		p->want = 0;
	}
	return 0;
}

uint64_t ui_tasks_selected(const struct ui *u)
{
	const struct ui_tasks *p = &u->tasks;

	if (!p->l.n)
		return 0;
	if (p->paged)
		return ui_pager_peek(&p->pg, &p->l, u->ops->st);
	return p->ids[p->l.sel];
}

/* Select task id, in the frame's transaction t. */
static int select_id_in(struct ui *u, struct txn *t, uint64_t id)
{
	struct ui_tasks *p = &u->tasks;

	if (!p->paged)
		return ui_list_select_id(&p->l, p->ids, id, ui_page(u));
	return ui_pager_select(&p->pg, &p->l, ui_page(u), t, id);
}

int ui_tasks_select_id(struct ui *u, uint64_t id)
{
	struct txn *t;
	int found;

	if (!u->tasks.paged)
		return select_id_in(u, NULL, id);
	if (store_read_begin(u->ops->st, &t, NULL) != 0)
		return 0;
	found = select_id_in(u, t, id);
	store_read_end(t);
	return found;
}

void ui_tasks_free(struct ui *u)
{
	free_lists(&u->tasks);
	u->tasks.l.n = 0;
	u->tasks.built = 0;
}

void ui_tasks_forget(struct ui *u)
{
	struct ui_tasks *p = &u->tasks;

	if (held(p))
		return; /* a document's ids: nothing points into the tree */
	if (!p->want && p->l.n)
		p->want = ui_tasks_selected(u);
	ui_pager_free(&p->pg);
	p->built = 0;
}

void ui_tasks_set_filter(struct ui *u, int kind, int value)
{
	struct ui_tasks *p = &u->tasks;

	p->want = ui_tasks_selected(u);
	p->fkind = kind;
	p->fvalue = value;
	p->l.sel = p->l.top = 0;
	if (!held(p)) {
		/* Opened again for the filter at the next frame. */
		p->built = 0;
		return;
	}
	restart_filter(u);
	if (kind == UI_FILTER_NONE && p->want) {
		ui_tasks_select_id(u, p->want);
		p->want = 0;
	}
}

int ui_tasks_filtering(const struct ui *u)
{
	const struct ui_tasks *p = &u->tasks;

	return p->fkind != UI_FILTER_NONE && !p->paged && p->built && p->fpos < p->nall;
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

/* Filtering a led list: read the next rows of the whole list after the
 * last one looked at, up to `budget` of them, into all[0..got). */
static size_t next_source_rows(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_tasks *p = &u->tasks;
	struct tkl_row *rows = xmalloc(budget * sizeof(*rows));
	size_t got = 0, i;

	if (tkl_next(&p->pg.src, t, p->fkey_set ? &p->fkey : NULL, budget, rows, &got, NULL) != 0)
		got = 0;
	if (got) {
		p->fkey = rows[got - 1].k;
		p->fkey_set = 1;
	}
	if (got < budget)
		p->nall = p->fpos + got; /* the end of the list */
	free(p->all);
	p->all = xmalloc((got ? got : 1) * sizeof(*p->all));
	for (i = 0; i < got; i++)
		p->all[i] = rows[i].id;
	free(rows);
	return got;
}

int ui_tasks_filter_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_tasks *p = &u->tasks;
	struct ui_ids shown = { p->ids, p->l.n, p->cap };
	size_t i, n = p->nall;

	if (!ui_tasks_filtering(u))
		return 0;
	if (!held(p)) {
		/* all[] holds the slice just read: rows fpos.. of the list */
		n = next_source_rows(u, t, budget);
		budget = n;
		if (n == 0)
			p->nall = p->fpos;
	}
	for (i = !held(p) ? 0 : p->fpos; i < n && budget-- > 0; i++) {
		struct task tk;
		uint64_t id = p->all[i];

		p->fpos++;
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
	if (p->want && ui_list_select_id(&p->l, p->ids, p->want, ui_page(u)))
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
		if (store_task_get(t, row_at(u, t, i), &tk, NULL) == 0) {
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

#define ROW_CELLS 6

/* The cells of a row of the tasks pane `w` columns wide into widths[]
 * (the last one, the text, 0: the rest); returns how many.  Below 60
 * columns id, section and text; from 60 id, due day, lead, progress and
 * the text, with the section before it from 100 columns. */
static int plain_widths(int w, int *widths)
{
	static const int wide[ROW_CELLS] = { 6, 5, 10, 4, 9, 0 };

	if (w < 60) {
		widths[0] = w < 50 ? 6 : 8;
		widths[1] = 9;
		widths[2] = 0;
		return 3;
	}
	memcpy(widths, wide, sizeof(wide));
	if (w >= 100)
		return ROW_CELLS;
	widths[4] = 0; /* no section: the text takes its place */
	return ROW_CELLS - 1;
}

int ui_task_row_text_cols(int w)
{
	int widths[ROW_CELLS], n = plain_widths(w, widths), used = 3, i;

	/* the symbol, the lint marker and a space; the cells, one space
	 * between each */
	for (i = 0; i < n - 1; i++)
		used += widths[i] + 1;
	return w - used > 0 ? w - used : 0;
}

/* The widths of the cells of a row with its unit (the overdue view)
 * `w` columns wide, before the text: days, id, lead, document. */
static void unit_widths(int w, int widths[4])
{
	widths[0] = 9;
	widths[1] = 7;
	widths[2] = w < 90 ? 14 : 22;
	widths[3] = w < 90 ? 10 : 13;
}

int ui_task_unit_row_text_cols(int w)
{
	int widths[4], used = 3, i;

	unit_widths(w, widths);
	for (i = 0; i < 4; i++)
		used += widths[i] + 1;
	return w - used > 0 ? w - used : 0;
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
	int lead_w = 0; /* columns of the first cell */

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) != 0) {
		snprintf(idbuf, sizeof(idbuf), "#%llu ?", (unsigned long long)id);
		ui_put(y, x, w, idbuf, a);
		return;
	}
	r = ui_task_tl(u, &tk);
	snprintf(idbuf, sizeof(idbuf), "#%llu", (unsigned long long)tk.id);
	text = txt_sanitize(tk.text ? tk.text : "");
	if (with_unit) {
		const char *cells[5];
		int widths[5] = { 0 };

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
		unit_widths(w, widths);
		lead_w = widths[0];
		ui_fmt_cells_from(&line, cells, widths, 5, w - 3, u->hskip, &u->hroom);
	} else if (w < 60) {
		const char *cells[3];
		int widths[ROW_CELLS];

		plain_widths(w, widths);
		cells[0] = idbuf;
		cells[1] = tk.section;
		cells[2] = text;
		lead_w = widths[0];
		ui_fmt_cells_from(&line, cells, widths, 3, w - 3, u->hskip, &u->hroom);
	} else {
		/* Wide enough to read: id, due day, lead, progress, (section,)
		 * then the text. */
		const char *cells[ROW_CELLS];
		int widths[ROW_CELLS];
		char due[16], lead[64], pct[8];
		int n = 0, wide = plain_widths(w, widths) == ROW_CELLS;

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
		cells[n++] = text;
		lead_w = widths[0];
		ui_fmt_cells_from(&line, cells, widths, n, w - 3, u->hskip, &u->hroom);
	}
	ui_task_row_put(u, &tk, r, y, x, w, line.s ? line.s : "", lead_w, sel, a);
	free(text);
	sbuf_free(&line);
	task_free(&tk);
}

void ui_task_row_put(struct ui *u, const struct task *tk, struct tl_result r, int y, int x,
                     int w, const char *line, int lead_w, int sel, attr_t a)
{
	/* The symbol and the lint marker keep their colours on the selected
	 * row: the selection is the lit first cell (below). */
	ui_put(y, x, 1, tl_symbol(r.tl), ui_attr(u, ui_tl_color(r.tl)));
	/* Beside the timeliness, the lint marker: the task is unclear. */
	{
		/* no marker: a plain blank, not a coloured one (a colour
		 * change that shows nothing still goes down the wire) */
		const char *mark = ui_lint_marker(u, tk);

		ui_put(y, x + 1, 1, mark, *mark ? ui_attr(u, UC_WAIT) : A_NORMAL);
	}
	ui_put(y, x + 2, 1, " ", A_NORMAL);
	if (sel && lead_w > 0 && lead_w < w - 3) {
		/* Light on the wire: the selection lights the row's first cell
		 * (the id, or the days in a list of overdue tasks) only, as the
		 * documents pane lights the number, so that a move rewrites a
		 * few cells of the two rows and not both rows whole. */
		int cut;
		size_t off = txt_fit(line, lead_w, &cut);
		char *head = xstrndup(line, off);

		ui_put_match(u, y, x + 3, lead_w, head, a);
		ui_put_match(u, y, x + 3 + lead_w, w - 3 - lead_w, line + off, A_NORMAL);
		free(head);
	} else {
		ui_put_match(u, y, x + 3, w - 3, line, a);
	}
}

void ui_tasks_draw(struct ui *u, struct txn *t)
{
	struct ui_tasks *p = &u->tasks;
	const struct ui_layout *lo = &u->lo;
	int x = lo->pane_x[UI_TASKS], w = lo->pane_w[UI_TASKS], page = ui_page(u), r;
	int focused = u->focus == UI_TASKS && u->view == UI_VIEW_PANES;

	if (w <= 0)
		return;
	if (p->paged && ui_pager_fill(&p->pg, &p->l, page, t, p->l.top, p->l.top + (size_t)page,
	                              NULL) != 0)
		ui_msg(u, 1, "Không đọc được danh sách nhiệm vụ.");
	for (r = 0; r < page; r++) {
		size_t row = p->l.top + (size_t)r;
		int y = lo->pane_y + 1 + r;

		if (row >= p->l.n)
			ui_blank(y, x, w, A_NORMAL);
		else
			ui_task_row(u, t, row_at(u, t, row), y, x, w, row == p->l.sel, focused, 0);
	}
	if (p->l.n == 0) {
		const char *why = ui_tasks_filtering(u) ? "(đang lọc…)"
		                  : p->fkind ? "(không có nhiệm vụ khớp bộ lọc)"
		                  : p->led  ? "(đơn vị không chủ trì nhiệm vụ nào)"
		                            : "(chưa chọn văn bản, hoặc văn bản không có nhiệm vụ)";

		/* whole, wrapped over the pane's rows, as the documents pane's */
		ui_put_wrap(lo->pane_y + 1, x + 1, w - 1, page, why, ui_attr(u, UC_MUTED));
	}
}
