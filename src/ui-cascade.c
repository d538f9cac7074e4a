/* ui-cascade.c — the cascade (`c`) of the selected document, as a tree:
 * for each subordinate committee that must issue its own implementing
 * plan, the plan it issued (number, date, on time or late against the
 * date the upper document set) or that it has not; then the same under
 * each plan.  Each state has its own symbol, so it reads in monochrome.
 * Enter shows the row's document in the panes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cascade.h"
#include "history.h"
#include "date.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_cascv {
	uint64_t doc;
	int built;
	struct cascade c;
	struct ui_list l;
};

static struct ui_cascv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_CASCADE, sizeof(struct ui_cascv));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_cascv *cst(const struct ui *u)
{
	static const struct ui_cascv none;

	return u->vstate[UI_VIEW_CASCADE] ? u->vstate[UI_VIEW_CASCADE] : &none;
}

static void casc_free(struct ui *u)
{
	cascade_free(&st(u)->c);
	memset(st(u), 0, sizeof(struct ui_cascv));
}

static int casc_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->doc = w->doc;
	return 0;
}

static int casc_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_cascv *v = st(u);
	struct cascade c;
	int rc;

	if (v->built)
		return 0;
	memset(&c, 0, sizeof(c));
	/* a past day: the documents the store held then */
	rc = hist_past_day(u->ops->today, date_today()) != DATE_NONE
	             ? cascade_build_past(t, u->units.h, v->doc, u->ops->today, 0, &c, e)
	             : cascade_build(t, u->units.h, v->doc, u->ops->today, 0, &c, e);
	if (rc)
		return rc;
	cascade_free(&v->c);
	v->c = c;
	v->built = 1;
	v->l.n = c.n;
	ui_list_clamp(&v->l, ui_view_page(u));
	return 0;
}

/* Symbol and colour of a state.  A plan issued shares "+", "*" and "!"
 * with the tasks' timeliness (on time, late, overdue); the others use
 * symbols the tasks' legend does not ("-" and "=" there mean no deadline
 * and on hold). */
const char *ui_cascade_symbol(enum cascade_state s, enum ui_color *c)
{
	switch (s) {
	case CS_ROOT: *c = UC_NORMAL; return "@";
	case CS_ON_TIME: *c = UC_DONE; return "+";
	case CS_ISSUED: *c = UC_DONE; return "+";
	case CS_UNDATED: *c = UC_DONE; return "+";
	case CS_LATE: *c = UC_OVERDUE; return "*";
	case CS_OVERDUE: *c = UC_OVERDUE; return "!";
	case CS_MISSING: *c = UC_WAIT; return "_";
	case CS_OTHER: *c = UC_MUTED; return ".";
	default: *c = UC_WAIT; return "?";
	}
}

/* "chậm 27 ngày", "chưa ban hành, quá hạn 327 ngày", ... */
static void state_text(const struct cascade_node *nd, char *buf, size_t len)
{
	const char *label = cascade_state_label(nd->state);

	if ((nd->state == CS_LATE || nd->state == CS_OVERDUE) && nd->days > 0)
		snprintf(buf, len, "%s %d ngày", label, nd->days);
	else
		snprintf(buf, len, "%s", label);
	if (nd->cut)
		str_copy(buf + strlen(buf), " (dừng: vòng lặp hoặc quá sâu)", len - strlen(buf));
}

/* 1 if node i has a sibling after its subtree. */
static int has_next(const struct cascade *c, size_t i)
{
	size_t j = i + 1;

	while (j < c->n && c->nodes[j].depth > c->nodes[i].depth)
		j++;
	return j < c->n && c->nodes[j].depth == c->nodes[i].depth;
}

/* The tree's branches in front of node i ("│   ├── "). */
static void branches(struct ui *u, const struct cascade *c, size_t i, struct sbuf *b)
{
	int d = c->nodes[i].depth, k;
	size_t anc[64];

	if (d <= 0)
		return;
	if (d > 63)
		d = 63;
	anc[d] = i;
	for (k = d; k > 1; k--) {
		size_t p = c->nodes[anc[k]].parent;

		anc[k - 1] = p < c->n ? p : anc[k];
	}
	for (k = 1; k < d; k++)
		sbuf_puts(b, has_next(c, anc[k]) ? (u->utf8 ? "│  " : "|  ") : "   ");
	sbuf_puts(b, has_next(c, i) ? (u->utf8 ? "├─ " : "|- ") : (u->utf8 ? "└─ " : "`- "));
}

/* Column widths for cols columns; returns the number of cells (4 when
 * narrow: the deadline, the same for siblings and in the detail area,
 * gives its room to the names). */
static int casc_widths(int cols, int *widths)
{
	int ncells = 5;

	widths[1] = 14;
	widths[2] = 10;
	widths[3] = 10;
	widths[4] = 34;
	if (cols < 100) {
		widths[1] = 11;
		widths[3] = 26;
		ncells = 4;
	}
	widths[0] = cols - widths[1] - widths[2] - widths[3] - (ncells == 5 ? widths[4] : 0) -
	            (ncells - 1);
	return ncells;
}

static void casc_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	const struct cascade *c = &st(u)->c;
	const char *head[5] = { "Cấp ủy, văn bản", "Số", "Ngày", "Hạn", "Tình trạng" };
	int widths[5], cols = u->lo.cols - 2, ncells = casc_widths(cols, widths);

	(void)t;
	if (ncells == 4)
		head[3] = head[4];
	if (c->n) {
		const struct cascade_node *root = &c->nodes[0];

		sbuf_printf(title, " Cây kế hoạch thực hiện %s — ",
		            root->number[0] ? root->number : "(không số)");
		cascade_headline(c, title);
		sbuf_putc(title, ' ');
	} else {
		sbuf_puts(title, " Cây kế hoạch thực hiện ");
	}
	ui_fmt_cells(hb, head, widths, ncells, cols);
}

static void casc_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	const struct cascade *c = &st(u)->c;
	int widths[5], cols = u->lo.cols - 2, ncells = casc_widths(cols, widths);
	const struct cascade_node *nd = &c->nodes[i];
	struct sbuf name = { 0 }, row = { 0 };
	const char *cells[5];
	char date[16] = "", due[16] = "", st[160];
	enum ui_color col;
	const char *sym;

	(void)t;
	sym = ui_cascade_symbol(nd->state, &col);
	branches(u, c, i, &name);
	sbuf_puts(&name, nd->unit ? ui_unit_name(u, nd->unit) : "(chưa rõ cơ quan)");
	if (nd->date != DATE_NONE)
		date_vn(nd->date, date);
	if (nd->due != DATE_NONE)
		date_vn(nd->due, due);
	state_text(nd, st, sizeof(st));
	cells[0] = name.s;
	cells[1] = nd->doc ? (nd->number[0] ? nd->number : "(không số)") : "";
	cells[2] = date;
	cells[3] = ncells == 5 ? due : st;
	cells[4] = st;
	ui_fmt_cells(&row, cells, widths, ncells, cols);
	ui_put(y, 0, 1, sym, sel ? ui_attr(u, UC_SEL) : ui_attr(u, col));
	ui_put(y, 1, 1, " ", sel ? ui_attr(u, UC_SEL) : A_NORMAL);
	ui_put(y, 2, cols, row.s, sel ? ui_attr(u, UC_SEL) : ui_attr(u, col));
	sbuf_free(&name);
	sbuf_free(&row);
}

static const char *casc_empty(const struct ui *u)
{
	if (cst(u)->c.n > 1 || !cst(u)->built)
		return NULL;
	return "Văn bản không có cấp ủy trực thuộc phải ban hành kế hoạch, cũng chưa có văn bản "
	       "nào thực hiện nó.";
}

static void casc_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	struct ui_cascv *v = st(u);
	const struct cascade_node *nd;
	struct sbuf b = { 0 };
	char st[160], d1[16], d2[16];

	(void)t;
	if (!v->built || v->l.sel >= v->c.n)
		return;
	nd = &v->c.nodes[v->l.sel];
	state_text(nd, st, sizeof(st));
	sbuf_printf(&b, "%s: %s", nd->unit ? ui_unit_name(u, nd->unit) : "(chưa rõ cơ quan)", st);
	ui_lines_add(l, b.s, A_BOLD);
	sbuf_reset(&b);
	if (v->l.sel == 0) { /* the root: the figures, whole, on narrow screens too */
		cascade_headline(&v->c, &b);
		ui_lines_wrap(l, b.s, cols, 2, A_NORMAL);
		sbuf_reset(&b);
	}
	if (nd->doc) {
		sbuf_printf(&b, "Văn bản số %s", nd->number[0] ? nd->number : "(không số)");
		if (nd->date != DATE_NONE)
			sbuf_printf(&b, " ngày %s", date_vn(nd->date, d1));
		if (nd->due != DATE_NONE)
			sbuf_printf(&b, "; hạn ban hành %s", date_vn(nd->due, d2));
		ui_lines_add(l, b.s, A_NORMAL);
		ui_lines_wrap(l, nd->title, cols, rows - 1 - (int)l->n, A_NORMAL);
		ui_lines_add(l, "Enter: xem văn bản này trong các khung", ui_attr(u, UC_MUTED));
	} else {
		if (nd->due != DATE_NONE)
			sbuf_printf(&b, "Chưa ban hành kế hoạch thực hiện; hạn %s.", date_vn(nd->due, d2));
		else
			sbuf_puts(&b, "Chưa ban hành kế hoạch thực hiện; văn bản cấp trên không đặt hạn.");
		ui_lines_add(l, b.s, A_NORMAL);
	}
	sbuf_free(&b);
}

static int casc_enter(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_cascv *v = st(u);
	uint64_t doc;

	if (!v->built || v->l.sel >= v->c.n)
		return 0;
	doc = v->c.nodes[v->l.sel].doc;
	if (!doc) {
		ui_msg(u, 0, "Cấp ủy này chưa ban hành văn bản.");
		return 0;
	}
	return ui_jump_doc(u, t, doc, e);
}

/* Search: the committee, the number and the title of the row's plan. */
static void casc_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	const struct cascade_node *nd;

	(void)t;
	if (i >= st(u)->c.n)
		return;
	nd = &st(u)->c.nodes[i];
	sbuf_printf(b, "%s %s %s", ui_unit_name(u, nd->unit), nd->number, nd->title ? nd->title : "");
}

static struct ui_list *casc_list(struct ui *u)
{
	return &st(u)->l;
}

static void casc_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *casc_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đến văn bản" },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_casc_view = {
	.name = "cascade",
	.label = "Cây kế hoạch thực hiện văn bản",
	.opens = { UA_CASCADE, UA_NONE },
	.scope = UVS_DOC,
	.no_scope = "Chưa chọn văn bản: chọn một văn bản trong khung Văn bản.",
	.detail_title = " Chi tiết ",
	.open = casc_open,
	.sync = casc_sync,
	.list = casc_list,
	.head = casc_head,
	.row = casc_row,
	.empty = casc_empty,
	.detail = casc_detail,
	.enter = casc_enter,
	.words = casc_words,
	.forget = casc_forget,
	.free = casc_free,
	.hints = casc_hints,
};
