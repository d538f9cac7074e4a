/* ui-dash.c — the dashboard (`b`): the roll-up of the selected unit, one
 * row per child unit with its subtree (and a row for the tasks the unit
 * leads itself), with the counts and a bar drawn in the terminal:
 * finished, overdue, due soon and the rest, each its own glyph so that it
 * reads in monochrome.  The detail area gives the selected row's sentence
 * for a report.  Enter opens a child's own roll-up (or, for a unit with
 * no children, its tasks in the panes); h / ← goes up.
 *
 * A subtree of more than DASH_FULL_MAX tasks is rolled up from the
 * store's counters alone (rollup_children with counts_only): no task is
 * read, so the view opens at once on any store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "history.h"
#include "rollup.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_dash {
	uint32_t root;           /* unit whose children are the rows; 0: the whole store */
	int built;
	int counts_only;         /* rows from the store's counters, no task read */
	struct rollup_row *rows; /* rollup_children(): n rows, then the total as row n */
	size_t n;
	struct rollup total;
	struct ui_list l;        /* l.n == n + 1 */
	uint32_t want;           /* unit to select at the next build, or 0 */
	int want_nolead;         /* select the row of the tasks led by no unit */
};

static struct ui_dash *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_DASH, sizeof(struct ui_dash));
}

#define DASH_FULL_MAX 50000

enum { SEG_DONE = 0, SEG_OVERDUE, SEG_SOON, SEG_COUNT };

static void dash_free(struct ui *u)
{
	free(st(u)->rows);
	memset(st(u), 0, sizeof(struct ui_dash));
}

static int dash_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->root = w->unit;
	/* on the unit tree's row of the tasks no unit leads: the whole store,
	 * that row selected (its roll-up in the detail area) */
	st(u)->want_nolead = !w->unit && ui_units_nolead(u);
	return 0;
}

/* The row's unit (0 for the total and the unresolved leads). */
static uint32_t row_unit(const struct ui_dash *d, size_t i)
{
	return i < d->n ? d->rows[i].unit : 0;
}

static const struct rollup *row_rollup(const struct ui_dash *d, size_t i)
{
	return i < d->n ? &d->rows[i].r : &d->total;
}

static int dash_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_dash *d = st(u);
	/* a past day is answered from the tasks as they stood then */
	struct hist_day hd = { hist_past_day(u->ops->today, date_today()), &u->ops->cfg->periods };
	struct rollup_scope scope = { d->root, 0, hd.day != DATE_NONE ? &hd : NULL };
	struct rollup_when w = { u->ops->today, u->ops->cfg->soon_days, &u->ops->cfg->periods };
	struct store_counts sc;
	uint32_t keep = d->want ? d->want : row_unit(d, d->l.sel);
	size_t i;
	int rc;

	if (d->built)
		return 0;
	memset(&sc, 0, sizeof(sc));
	d->counts_only = 1;
	/* the scope's own size decides (unit 0: the whole store) */
	if (store_unit_counts(t, d->root, w.today, w.soon, &sc, NULL) == 0)
		d->counts_only = sc.total > DASH_FULL_MAX;
	free(d->rows);
	d->rows = NULL;
	d->n = 0;
	rc = rollup_children(t, u->units.h, &scope, &w, d->counts_only, &d->rows, &d->n,
	                     &d->total, e);
	if (rc)
		return rc;
	d->built = 1;
	d->want = 0;
	d->l.n = d->n + 1;
	for (i = 0; (keep || d->want_nolead) && i < d->n; i++)
		if (d->want_nolead ? !d->rows[i].unit
		                   : d->rows[i].unit == keep && !d->rows[i].own) {
			ui_list_select(&d->l, i, ui_view_page(u));
			break;
		}
	d->want_nolead = 0;
	ui_list_clamp(&d->l, ui_view_page(u));
	return 0;
}

/* Finished, overdue, due soon: the bar's segments and the columns. */
static void figures(const struct rollup *r, uint64_t v[SEG_COUNT])
{
	v[SEG_DONE] = r->done;
	v[SEG_OVERDUE] = r->by_tl[TL_OVERDUE] + (r->counts_only ? 0 : r->by_tl[TL_UNREPORTED]);
	v[SEG_SOON] = r->due_soon;
}

static const char *row_name(struct ui *u, const struct ui_dash *d, size_t i, char *buf,
                            size_t len)
{
	if (i >= d->n)
		snprintf(buf, len, "Cộng");
	else if (!d->rows[i].unit)
		snprintf(buf, len, "(chưa xác định đơn vị chủ trì)");
	else if (d->rows[i].own)
		snprintf(buf, len, "%s (trực tiếp)", ui_unit_name(u, d->rows[i].unit));
	else
		snprintf(buf, len, "%s", ui_unit_name(u, d->rows[i].unit));
	return buf;
}

/* Column widths: name, total, done, overdue, soon, rate; the bar takes
 * what is left (at least 10 columns). */
static void widths_for(int cols, int *wd)
{
	int name = cols * 28 / 100;

	wd[0] = name < 18 ? 18 : name > 40 ? 40 : name;
	wd[1] = 6;
	wd[2] = 6;
	wd[3] = 7;
	wd[4] = 7;
	wd[5] = 7;
}

static void draw_bar(struct ui *u, int y, int x, int w, const struct rollup *r)
{
	static const char *const utf[SEG_COUNT] = { "█", "▒", "░" };
	static const char *const ascii[SEG_COUNT] = { "#", "!", "~" };
	static const enum ui_color col[SEG_COUNT] = { UC_DONE, UC_OVERDUE, UC_SOON };
	uint64_t v[SEG_COUNT];
	int cells[SEG_COUNT], i, cx = x;
	const char *const *glyph = u->utf8 ? utf : ascii;

	figures(r, v);
	ui_bar_split(v, SEG_COUNT, r->total, w, cells);
	for (i = 0; i < SEG_COUNT; i++) {
		struct sbuf b = { 0 };

		if (!cells[i])
			continue;
		ui_fmt_bar(&b, &cells[i], &glyph[i], 1, " ", cells[i]);
		ui_put(y, cx, cells[i], b.s, ui_attr(u, col[i]));
		cx += cells[i];
		sbuf_free(&b);
	}
	if (cx < x + w) {
		struct sbuf b = { 0 };

		ui_fmt_bar(&b, NULL, NULL, 0, r->total ? (u->utf8 ? "·" : ".") : " ", x + w - cx);
		ui_put(y, cx, x + w - cx, b.s, ui_attr(u, UC_MUTED));
		sbuf_free(&b);
	}
}

static void num(uint64_t n, char *buf, size_t len)
{
	rollup_count_str(n, buf, len);
}

static void dash_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	struct ui_dash *d = st(u);
	int wd[6], bar, cols = u->lo.cols - 2, r;
	/* from the counters, the finished and the on-hold tasks are one count,
	 * the closed ones ("Đóng"), and no rate can be computed */
	const char *head[6] = { "Đơn vị", "Tổng", d->counts_only ? "Đóng" : "Xong", "Quá hạn",
		                "Sắp hạn", "Tỷ lệ" };
	char dbuf[16];

	(void)t;
	widths_for(cols, wd);
	bar = cols - (wd[0] + wd[1] + wd[2] + wd[3] + wd[4] + wd[5] + 6);
	sbuf_printf(title, " Tổng hợp — %s%s · đến %s%s ",
	            d->root ? ui_unit_name(u, d->root) : "toàn bộ",
	            d->root ? " và các đơn vị trực thuộc" : "", date_vn(u->ops->today, dbuf),
	            d->counts_only ? " · số liệu nhanh theo bộ đếm" : "");
	txt_pad(hb, head[0], wd[0], 0);
	for (r = 1; r < 6; r++) {
		sbuf_putc(hb, ' ');
		txt_pad(hb, head[r], wd[r], 1);
	}
	sbuf_putc(hb, ' ');
	txt_pad(hb, "Biểu đồ", bar, 0);
}

static void dash_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_dash *d = st(u);
	int wd[6], bar, cols = u->lo.cols - 2;
	const struct rollup *ru;
	char name[200], c[5][32];
	const char *cells[6];
	uint64_t v[SEG_COUNT];
	struct sbuf row = { 0 };
	attr_t a;

	(void)t;
	widths_for(cols, wd);
	bar = cols - (wd[0] + wd[1] + wd[2] + wd[3] + wd[4] + wd[5] + 6);
	ru = row_rollup(d, i);
	figures(ru, v);
	num(ru->total, c[0], sizeof(c[0]));
	num(v[SEG_DONE], c[1], sizeof(c[1]));
	num(v[SEG_OVERDUE], c[2], sizeof(c[2]));
	num(v[SEG_SOON], c[3], sizeof(c[3]));
	if (d->counts_only)
		snprintf(c[4], sizeof(c[4]), "%s", u->utf8 ? "—" : "-");
	else
		rollup_percent(ru->due_done, ru->due, c[4], sizeof(c[4]));
	cells[0] = row_name(u, d, i, name, sizeof(name));
	cells[1] = c[0];
	cells[2] = c[1];
	cells[3] = c[2];
	cells[4] = c[3];
	cells[5] = c[4];
	txt_pad(&row, cells[0], wd[0], 0);
	for (int k = 1; k < 6; k++) {
		sbuf_putc(&row, ' ');
		txt_pad(&row, cells[k], wd[k], 1);
	}
	sbuf_putc(&row, ' ');
	a = sel ? ui_attr(u, UC_SEL) : i >= d->n ? A_BOLD : A_NORMAL;
	ui_put(y, 0, 2, sel ? "»" : "", a);
	ui_put(y, 2, cols - bar, row.s, a);
	if (bar > 0)
		draw_bar(u, y, 2 + cols - bar, bar, ru);
	sbuf_free(&row);
}

static void dash_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	struct ui_dash *d = st(u);
	const struct rollup *r;
	char name[200], a[32], b[32], c[32], e[32];
	struct sbuf s = { 0 };

	(void)t;
	if (!d->built || d->l.n == 0)
		return;
	r = row_rollup(d, d->l.sel);
	ui_lines_add(l, row_name(u, d, d->l.sel, name, sizeof(name)), A_BOLD);
	if (d->counts_only) {
		char lim[32];

		sbuf_printf(&s, "Tổng số %s nhiệm vụ; đã đóng (hoàn thành hoặc tạm dừng) %s; quá hạn "
		                "%s; sắp đến hạn %s. Số liệu nhanh theo bộ đếm của kho (phạm vi có "
		                "trên %s nhiệm vụ): mở một đơn vị nhỏ hơn để có tỷ lệ hoàn thành và "
		                "câu tổng hợp đầy đủ.",
		            rollup_count_str(r->total, a, sizeof(a)),
		            rollup_count_str(r->done, b, sizeof(b)),
		            rollup_count_str(r->by_tl[TL_OVERDUE], c, sizeof(c)),
		            rollup_count_str(r->due_soon, e, sizeof(e)),
		            rollup_count_str(DASH_FULL_MAX, lim, sizeof(lim)));
		ui_lines_wrap(l, s.s, cols, rows - 3, A_NORMAL);
	} else {
		char *sentence = rollup_sentence(r);

		ui_lines_wrap(l, sentence, cols, rows - 4, A_NORMAL);
		free(sentence);
		if (r->pending_confirm) {
			sbuf_printf(&s, "Chờ xác nhận: %s nhiệm vụ báo cáo hoàn thành, chưa tính là "
			                "hoàn thành.", rollup_count_str(r->pending_confirm, a, sizeof(a)));
			ui_lines_wrap(l, s.s, cols, 1, A_NORMAL);
		}
	}
	if (d->counts_only)
		ui_lines_add(l, u->utf8 ? "Biểu đồ: █ đã đóng  ▒ quá hạn  ░ sắp đến hạn  · còn lại"
		                        : "Biểu đồ: # đã đóng  ! quá hạn  ~ sắp đến hạn  . còn lại",
		             ui_attr(u, UC_MUTED));
	else
		ui_lines_add(l, u->utf8 ? "Biểu đồ: █ hoàn thành  ▒ quá hạn  ░ sắp đến hạn  · còn lại"
		                        : "Biểu đồ: # hoàn thành  ! quá hạn  ~ sắp đến hạn  . còn lại",
		             ui_attr(u, UC_MUTED));
	if (d->l.sel < d->n && !d->rows[d->l.sel].unit)
		ui_lines_add(l, "Enter: các nhiệm vụ này · h/←: cấp trên", ui_attr(u, UC_MUTED));
	else
		ui_lines_add(l, "Enter: các đơn vị trực thuộc của dòng này (hoặc nhiệm vụ của đơn "
		                "vị) · h/←: cấp trên", ui_attr(u, UC_MUTED));
	sbuf_free(&s);
}

/* h / ←: the parent unit's roll-up. */
static void dash_up(struct ui *u)
{
	struct ui_dash *d = st(u);
	const struct unit *un = d->root ? hier_unit(u->units.h, d->root) : NULL;

	if (!un || !un->parent) {
		ui_msg(u, 0, "Đã ở cấp cao nhất.");
		return;
	}
	d->want = d->root;
	d->root = un->parent;
	d->built = 0;
	d->l.sel = d->l.top = 0;
	ui_units_reveal(u, d->root);
}

/* Close the roll-up on the tasks pane listing what the tree's selected
 * row leads (a unit, or the row of the tasks no unit leads). */
static int show_led_tasks(struct ui *u)
{
	u->tasks.led = 1;
	u->tasks.built = 0;
	u->tasks.l.sel = u->tasks.l.top = 0;
	ui_view_close(u);
	u->focus = UI_TASKS;
	return 0;
}

static int dash_enter(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_dash *d = st(u);
	uint32_t unit = row_unit(d, d->l.sel);
	size_t hi;

	(void)t;
	(void)e;
	if (!unit && d->l.sel < d->n) {
		/* the tasks no unit leads: the tree's row of them, its tasks */
		struct ui_units *p = &u->units;

		if (!p->l.n || p->rows[p->l.n - 1] != UI_UNITS_NOLEAD)
			return 0;
		ui_list_select(&p->l, p->l.n - 1, ui_page(u));
		return show_led_tasks(u);
	}
	if (!unit)
		return 0;
	hi = hier_find_id(u->units.h, unit);
	if (!d->rows[d->l.sel].own && hi != (size_t)-1 && hier_subtree_end(u->units.h, hi) > hi + 1) {
		d->root = unit;
		d->built = 0;
		d->l.sel = d->l.top = 0;
		ui_units_reveal(u, unit);
		return 0;
	}
	/* A unit with no children, or the unit's own tasks: show them. */
	ui_units_reveal(u, unit);
	return show_led_tasks(u);
}

static int dash_key(struct ui *u, enum ui_act a)
{
	if (a != UA_PREV_PANE)
		return 0;
	dash_up(u);
	return 1;
}

/* Search: the row's unit ("trực tiếp" for the unit's own tasks). */
static void dash_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	struct ui_dash *d = st(u);

	(void)t;
	if (i < d->n)
		sbuf_puts(b, d->rows[i].own ? "trực tiếp" : ui_unit_name(u, d->rows[i].unit));
	else
		sbuf_puts(b, "Cộng");
}

static struct ui_list *dash_list(struct ui *u)
{
	return &st(u)->l;
}

static void dash_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *dash_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đơn vị cấp dưới" },
		{ UA_PREV_PANE, UA_NONE, 2, "cấp trên" },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_dash_view = {
	.name = "dash",
	.label = "Bảng tổng hợp",
	.opens = { UA_DASH, UA_NONE },
	.scope = UVS_UNIT,
	.nolead = 1, /* the whole store's roll-up, that row selected */
	.detail_title = " Tổng hợp ",
	.open = dash_open,
	.sync = dash_sync,
	.list = dash_list,
	.head = dash_head,
	.row = dash_row,
	.detail = dash_detail,
	.enter = dash_enter,
	.key = dash_key,
	.words = dash_words,
	.forget = dash_forget,
	.free = dash_free,
	.hints = dash_hints,
};
