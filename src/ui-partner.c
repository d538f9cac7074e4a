/* ui-partner.c — the tasks the selected unit takes part in as a partner
 * (`P`, "phối hợp"), apart from the tasks it leads: every task with the
 * unit, or a unit below it, among its partners, as `theodoi tasks
 * --partner U --subtree` lists them.  Enter shows the task in its panes;
 * u records a note on it (a partner may note, perm.h).
 *
 * The tasks come from the partner index through the walk the command
 * uses (partner-walk.h): the first page at once, the rest in id order in
 * slices between keystrokes (the view's step), the list growing at its
 * end as they are read, so the screen never waits on a store of a
 * million tasks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "partner-walk.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "timeliness.h"
#include "ui-draw.h"
#include "util.h"

struct partnerv {
	uint32_t unit;           /* the unit whose subtree partners */
	int built;
	int done;                /* every task has been read */
	struct partner_walk w;   /* where the walk through the index is */
	struct ui_ids ids;       /* the tasks found, in id order */
	struct ui_list l;
	uint64_t keep;           /* task to select again after a refresh */
};

static struct partnerv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_PARTNER, sizeof(struct partnerv));
}

static const struct partnerv *cst(const struct ui *u)
{
	static const struct partnerv none;

	return u->vstate[UI_VIEW_PARTNER] ? u->vstate[UI_VIEW_PARTNER] : &none;
}

static void partner_free(struct ui *u)
{
	struct partnerv *s = u->vstate[UI_VIEW_PARTNER];

	if (!s)
		return;
	free(s->ids.v);
	pw_free(&s->w);
	memset(s, 0, sizeof(*s));
}

static int partner_open(struct ui *u, const struct ui_view_where *w)
{
	if (!w->unit) {
		ui_msg(u, 1, "Chưa chọn đơn vị.");
		return -1;
	}
	st(u)->unit = w->unit;
	return 0;
}

/* Read up to `budget` more tasks. */
static void partner_step(struct ui *u, struct txn *t, size_t budget)
{
	struct partnerv *s = st(u);
	uint64_t buf[512];
	size_t i, got, before = s->ids.n;
	struct err e;

	if (s->done || !s->built)
		return;
	err_clear(&e);
	if (budget > sizeof(buf) / sizeof(buf[0]))
		budget = sizeof(buf) / sizeof(buf[0]);
	if (pw_next(&s->w, t, budget, buf, &got, &e) != 0) {
		ui_msg_err(u, &e);
		got = 0;
		s->done = 1; /* a damaged store: stop with what was read */
	}
	for (i = 0; i < got; i++)
		ui_ids_push(&s->ids, buf[i]);
	if (pw_done(&s->w))
		s->done = 1;
	s->l.n = s->ids.n;
	for (i = before; s->keep && i < s->ids.n; i++)
		if (s->ids.v[i] == s->keep) {
			ui_list_select(&s->l, i, ui_view_page(u));
			s->keep = 0;
		}
	ui_list_clamp(&s->l, ui_view_page(u));
}

static int partner_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct partnerv *s = st(u);
	int rc;

	if (s->built)
		return 0;
	if (s->l.sel < s->ids.n)
		s->keep = s->ids.v[s->l.sel];
	s->ids.n = 0;
	s->l.n = 0;
	s->done = 0;
	pw_free(&s->w);
	if ((rc = pw_open(&s->w, t, u->units.h, s->unit, 1, e)) != 0)
		return rc;
	s->built = 1;
	/* the first pages now; the rest in the idle slices */
	partner_step(u, t, 2 * (size_t)ui_view_page(u) + 64);
	return 0;
}

static int partner_busy(const struct ui *u, char *msg, size_t len)
{
	const struct partnerv *s = cst(u);

	if (!s->built || s->done)
		return 0;
	snprintf(msg, len, "Đang đọc nhiệm vụ phối hợp… đã có %zu nhiệm vụ (Esc: đóng)", s->ids.n);
	return 1;
}

static uint64_t partner_task(const struct ui *u)
{
	const struct partnerv *s = cst(u);

	return s->l.sel < s->l.n ? s->ids.v[s->l.sel] : 0;
}

/* The columns: where the task stands, id, lead, document, text.  The
 * first is wide enough for "trễ 146 ngày" and the status words at 80
 * columns; lead and document give way to it there. */
static void partner_widths(const struct ui *u, int *widths)
{
	static const int wide[5] = { 16, 7, 22, 13, 0 }, narrow[5] = { 12, 7, 14, 10, 0 };

	memcpy(widths, u->lo.cols < 92 ? narrow : wide, sizeof(wide));
}

/* Where a task stands, in the first column's `w` columns: the days late
 * or left as the detail says them ("trễ 146 ngày", "còn 44 ngày"), else
 * the timeliness in words short enough not to be cut. */
static void partner_when(struct tl_result r, int w, char *buf, size_t len)
{
	switch (r.tl) {
	case TL_OVERDUE:
	case TL_UNREPORTED: /* its own symbol says the report is missing */
		snprintf(buf, len, "trễ %d ngày", r.days);
		break;
	case TL_ON_TRACK:
	case TL_DUE_SOON:
		if (r.days == 0)
			snprintf(buf, len, "hạn hôm nay");
		else
			snprintf(buf, len, "còn %d ngày", r.days);
		break;
	case TL_DONE_ON_TIME: snprintf(buf, len, "hoàn thành"); break;
	case TL_DONE_LATE:
		snprintf(buf, len, "xong trễ %d ngày", r.days);
		if (r.days <= 0)
			snprintf(buf, len, "xong trễ hạn");
		else if (txt_width(buf) > w)
			snprintf(buf, len, "xong quá hạn");
		break;
	case TL_AWAITING: snprintf(buf, len, "chờ văn bản"); break;
	case TL_REVIEW: snprintf(buf, len, "cần rà soát"); break;
	case TL_UNDATED: snprintf(buf, len, "chưa có hạn"); break;
	default: snprintf(buf, len, "%s", tl_label(r.tl)); break;
	}
}

static void partner_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	const struct partnerv *s = cst(u);
	const char *cells[5] = { "Tình trạng", "Mã", "Chủ trì", "Văn bản", "Nội dung" };
	int widths[5];

	(void)t;
	partner_widths(u, widths);
	/* "120+ nhiệm vụ" while the tasks are still being read */
	sbuf_printf(title, " Nhiệm vụ phối hợp — %s và cấp dưới: %zu%s nhiệm vụ ",
	            ui_unit_name(u, s->unit), s->l.n, s->done ? "" : "+");
	sbuf_putc(hb, ' ');
	ui_fmt_cells(hb, cells, widths, 5, u->lo.cols - 3);
}

/* A row as the task lists draw theirs (symbol, lint marker, cells; the
 * selection lights the first cell only), with the first cell saying where
 * the task stands in words. */
static void partner_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	uint64_t id = cst(u)->ids.v[i];
	int w = u->lo.cols, widths[5];
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;
	struct sbuf line = { 0 };
	char idbuf[24], when[48], num[64], lead[64], *text;
	const char *cells[5];
	struct tl_result r;
	struct task tk;

	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, id, &tk, NULL) != 0) {
		snprintf(idbuf, sizeof(idbuf), "#%llu ?", (unsigned long long)id);
		ui_put(y, 0, w, idbuf, a);
		return;
	}
	partner_widths(u, widths);
	r = ui_task_tl(u, &tk);
	partner_when(r, widths[0], when, sizeof(when));
	snprintf(idbuf, sizeof(idbuf), "#%llu", (unsigned long long)tk.id);
	ui_view_doc_number(t, tk.doc_id, num, sizeof(num));
	text = txt_sanitize(tk.text ? tk.text : "");
	cells[0] = when;
	cells[1] = idbuf;
	cells[2] = tk.lead ? ui_unit_name(u, tk.lead) : tk.lead_text ? tk.lead_text : "";
	if (tk.lead && txt_width(cells[2]) > widths[2]) /* its short name, not a cut one */
		cells[2] = ui_unit_short(u, tk.lead, widths[2], lead, sizeof(lead));
	cells[3] = num;
	cells[4] = text;
	ui_fmt_cells_from(&line, cells, widths, 5, w - 3, u->hskip, &u->hroom);
	ui_task_row_put(u, &tk, r, y, 0, w, line.s ? line.s : "", widths[0], sel, a);
	free(text);
	sbuf_free(&line);
	task_free(&tk);
}

static const char *partner_empty(const struct ui *u)
{
	const struct partnerv *s = cst(u);

	if (s->l.n || !s->done)
		return NULL;
	return "Đơn vị và cấp dưới không tham gia phối hợp nhiệm vụ nào.";
}

static void partner_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	const struct partnerv *s = cst(u);

	if (i < s->l.n)
		ui_view_task_words(t, s->ids.v[i], b);
}

static struct ui_list *partner_list(struct ui *u)
{
	return &st(u)->l;
}

static void partner_forget(struct ui *u)
{
	if (u->vstate[UI_VIEW_PARTNER])
		st(u)->built = 0;
}

static const struct ui_hint *partner_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_UPDATE, UA_NONE, 2, NULL },
		{ UA_SEARCH, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_partner_view = {
	.name = "partner",
	.label = "Nhiệm vụ phối hợp",
	.opens = { UA_PARTNER, UA_NONE },
	.scope = UVS_UNIT,
	.open = partner_open,
	.sync = partner_sync,
	.list = partner_list,
	.head = partner_head,
	.row = partner_row,
	.empty = partner_empty,
	.task = partner_task,
	.words = partner_words,
	.busy = partner_busy,
	.step = partner_step,
	.forget = partner_forget,
	.free = partner_free,
	.hints = partner_hints,
};
