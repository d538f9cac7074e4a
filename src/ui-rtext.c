/* ui-rtext.c — the screen's editor of a report's prose (w): the four
 * sections a clerk writes for a unit and a period (kết quả, hạn chế,
 * phương hướng, kiến nghị), each in a multi-line word-wrapped editor, with
 * what the units directly below wrote for the same section shown under
 * it.  It asks the period first; F2 (or Ctrl-O) saves every changed
 * section in one write through rtext_save(), as `report-text` does; Esc
 * asks before throwing away typed text.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hier.h"
#include "report-text.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-line.h"
#include "util.h"

#define CTRL_O 15

/* Short names of the sections, for the tabs at 80 columns. */
static const char *const tab_names[RT_COUNT] = {"Kết quả", "Hạn chế", "Phương hướng",
                                                "Kiến nghị"};

struct ui_rtext {
	uint32_t unit;
	int stage;                     /* 0: the period is asked; 1: editing */
	struct ui_line period;         /* stage 0 */
	int fresh;                     /* the period is the prefilled one */
	struct report_period p;
	char pkey[24], plabel[64];
	struct ui_line text[RT_COUNT]; /* stage 1: the sections */
	char *below[RT_COUNT];         /* what the units below wrote, or NULL */
	int sec;                       /* the section edited */
	int btop;                      /* first line of `below` shown */
	int asking;                    /* "bỏ nội dung đã nhập?" */
	int width;                     /* columns of the text at the last draw */
	int cy, cx;                    /* where the cursor goes */
};

void ui_rtext_free(struct ui *u)
{
	struct ui_rtext *r = u->rtext;
	int i;

	if (!r)
		return;
	uil_free(&r->period);
	for (i = 0; i < RT_COUNT; i++) {
		uil_free(&r->text[i]);
		free(r->below[i]);
	}
	free(r);
	u->rtext = NULL;
}

void ui_rtext_open(struct ui *u)
{
	uint32_t unit = ui_units_selected(u);
	struct ui_rtext *r;
	struct err e;
	char year[8];
	int y, m, d;

	err_clear(&e);
	if (!unit)
		unit = u->ops->who.unit;
	if (!unit) {
		ui_msg(u, 1, "Chưa chọn đơn vị.");
		return;
	}
	if (rtext_may_write(u->ops, u->units.h, unit, &e)) {
		ui_msg_err(u, &e);
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->unit = unit;
	date_split(u->ops->today, &y, &m, &d);
	snprintf(year, sizeof(year), "%d", y);
	uil_init(&r->period, year, 20);
	r->fresh = 1;
	u->rtext = r;
}

static int dirty(const struct ui_rtext *r)
{
	int i;

	for (i = 0; r->stage == 1 && i < RT_COUNT; i++)
		if (r->text[i].dirty)
			return 1;
	return 0;
}

/* ---- stage 0 -> 1: read the sections of the period ---- */

static int load_in(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_rtext *r = u->rtext;
	int i, rc = 0;

	for (i = 0; i < RT_COUNT && !rc; i++) {
		struct sbuf b = { 0 };
		char *text = NULL;

		rc = rtext_get(t, r->unit, r->pkey, (enum rtext_section)i, &text, e);
		if (!rc)
			rc = rtext_below(&b, t, u->units.h, r->unit, r->pkey, (enum rtext_section)i, e);
		uil_init_multi(&r->text[i], text, RTEXT_MAX);
		free(text);
		r->below[i] = b.s; /* NULL when none wrote */
	}
	return rc;
}

static void open_period(struct ui *u)
{
	struct ui_rtext *r = u->rtext;
	struct err e;
	int i;

	err_clear(&e);
	if (report_period_parse(r->period.s, &r->p, &e)) {
		ui_msg_err(u, &e);
		return;
	}
	report_period_key(&r->p, r->pkey, sizeof(r->pkey));
	report_period_label(&r->p, r->plabel, sizeof(r->plabel));
	if (ui_with_txn(u, load_in)) {
		for (i = 0; i < RT_COUNT; i++) {
			uil_free(&r->text[i]);
			free(r->below[i]);
			r->below[i] = NULL;
		}
		return;
	}
	r->stage = 1;
	r->sec = 0;
	u->msg[0] = '\0';
}

/* ---- saving: every changed section, one write ---- */

struct save_ctx {
	struct ui *u;
	char *clean[RT_COUNT];
	int saved;
};

static int save_fn(struct txn *t, void *ctx, struct err *e)
{
	struct save_ctx *s = ctx;
	struct ui_rtext *r = s->u->rtext;
	int i, rc = 0, changed;

	s->saved = 0;
	for (i = 0; i < RT_COUNT && !rc; i++) {
		if (!s->clean[i])
			continue;
		rc = rtext_save(t, s->u->ops, s->u->units.h, r->unit, r->pkey, (enum rtext_section)i,
		                s->clean[i], &changed, e);
		s->saved += changed;
	}
	return rc;
}

static void save(struct ui *u)
{
	struct ui_rtext *r = u->rtext;
	struct save_ctx s;
	struct err e;
	int i, rc = 0;

	memset(&s, 0, sizeof(s));
	s.u = u;
	err_clear(&e);
	for (i = 0; i < RT_COUNT && !rc; i++)
		if (r->text[i].dirty) {
			rc = txt_clean_input(r->text[i].s, RTEXT_MAX, 1, &s.clean[i], &e);
			if (rc)
				snprintf(e.field, sizeof(e.field), "%s", rtext_title((enum rtext_section)i));
		}
	if (!rc)
		rc = store_write(u->ops->st, save_fn, &s, &e);
	for (i = 0; i < RT_COUNT; i++)
		free(s.clean[i]);
	if (rc) {
		ui_msg_err(u, &e); /* the text stays, to be corrected or saved again */
		return;
	}
	for (i = 0; i < RT_COUNT; i++)
		r->text[i].dirty = 0;
	if (s.saved)
		ui_msg(u, 0, "Đã lưu %d phần báo cáo của %s, %s (ghi vào nhật ký).", s.saved,
		       ui_unit_name(u, r->unit), r->plabel);
	else
		ui_msg(u, 0, "Không có thay đổi để lưu.");
}

/* ---- keys ---- */

static void close_editor(struct ui *u)
{
	ui_rtext_free(u);
	u->msg[0] = '\0';
}

static void edit_key(struct ui_rtext *r, struct ui_line *l, struct ui_key k, int multi)
{
	int w = r->width > 0 ? r->width : 60;

	if (k.fn) {
		switch (k.ch) {
		case KEY_LEFT: uil_left(l); break;
		case KEY_RIGHT: uil_right(l); break;
		case KEY_UP: if (multi) uil_wrap_move(l, w, -1); break;
		case KEY_DOWN: if (multi) uil_wrap_move(l, w, 1); break;
		case KEY_HOME: if (multi) uil_wrap_edge(l, w, 0); else uil_home(l); break;
		case KEY_END: if (multi) uil_wrap_edge(l, w, 1); else uil_end(l); break;
		case KEY_BACKSPACE: uil_backspace(l); break;
		case KEY_DC: uil_delete(l); break;
		case KEY_ENTER: if (multi && uil_newline(l)) beep(); break;
		default: break;
		}
		return;
	}
	switch (k.ch) {
	case 8: case 127: uil_backspace(l); break;
	case '\n': case '\r': if (multi && uil_newline(l)) beep(); break;
	default:
		if (k.ch >= 0x20 && k.ch != 0x7f && uil_insert_char(l, k.ch) != 0)
			beep();
	}
}

static int is_enter(struct ui_key k)
{
	return (!k.fn && (k.ch == '\n' || k.ch == '\r')) || (k.fn && k.ch == KEY_ENTER);
}

void ui_rtext_key(struct ui *u, struct ui_key k)
{
	struct ui_rtext *r = u->rtext;

	if (!r || (k.fn && k.ch == KEY_RESIZE))
		return;
	if (r->asking) {
		r->asking = 0;
		u->msg[0] = '\0';
		if (!k.fn && (k.ch == 'c' || k.ch == 'C' || k.ch == 'y' || k.ch == 'Y'))
			close_editor(u);
		return;
	}
	if (!k.fn && k.ch == 27) {
		if (dirty(r)) {
			r->asking = 1;
			ui_msg(u, 1, "Bỏ nội dung đã nhập, chưa lưu? (c: có, phím khác: không)");
		} else {
			close_editor(u);
		}
		return;
	}
	if (r->stage == 0) {
		if (is_enter(k)) {
			open_period(u);
			return;
		}
		if (r->fresh && !k.fn && k.ch >= 0x20 && k.ch != 0x7f)
			uil_set(&r->period, "");
		r->fresh = 0;
		edit_key(r, &r->period, k, 0);
		return;
	}
	if ((k.fn && k.ch == KEY_F(2)) || (!k.fn && k.ch == CTRL_O)) {
		save(u);
		return;
	}
	if ((!k.fn && k.ch == '\t') || (k.fn && k.ch == KEY_BTAB)) {
		r->sec = (r->sec + (k.fn ? RT_COUNT - 1 : 1)) % RT_COUNT;
		r->btop = 0;
		return;
	}
	if (k.fn && (k.ch == KEY_NPAGE || k.ch == KEY_PPAGE)) {
		r->btop += k.ch == KEY_NPAGE ? 5 : -5;
		if (r->btop < 0)
			r->btop = 0;
		return;
	}
	u->msg[0] = '\0';
	edit_key(r, &r->text[r->sec], k, 1);
}

/* ---- drawing ---- */

static void draw_period(struct ui *u, struct ui_rtext *r)
{
	int cols = u->lo.cols, y = 2;
	size_t s, e;
	int col;
	char *vis;

	ui_put(y++, 2, cols - 4, "Kỳ báo cáo (Enter: mở, Esc: đóng):", A_BOLD);
	uil_view(&r->period, 20, &s, &e, &col);
	ui_blank(y, 2, 22, ui_attr(u, UC_SEL));
	vis = xstrndup(r->period.s + s, e - s);
	ui_put_cut(y, 3, 20, vis, ui_attr(u, UC_SEL));
	free(vis);
	r->cy = y;
	r->cx = 3 + col;
	y += 2;
	ui_put(y++, 2, cols - 4, "Năm: 2026   Quý: 2026-Q3   Sáu tháng: 2026-H1 (đầu năm), 2026-H2",
	       ui_attr(u, UC_MUTED));
	ui_put(y, 2, cols - 4, "Sơ kết, tổng kết nhiều năm: 2023-2025", ui_attr(u, UC_MUTED));
}

static void draw_tabs(struct ui *u, struct ui_rtext *r, int y)
{
	int i, x = 1;

	ui_blank(y, 0, u->lo.cols, A_NORMAL);
	for (i = 0; i < RT_COUNT && x < u->lo.cols - 2; i++) {
		char tab[64];

		snprintf(tab, sizeof(tab), " %d %s%s ", i + 1, tab_names[i], r->text[i].dirty ? "*" : "");
		x += ui_put_cut(y, x, u->lo.cols - 1 - x, tab,
		                i == r->sec ? ui_attr(u, UC_SEL) : ui_attr(u, UC_TITLE)) + 1;
	}
}

/* The text of the units below, wrapped, from line r->btop, in h rows. */
static void draw_below(struct ui *u, struct ui_rtext *r, int y, int h)
{
	struct ui_lines l = { 0 };
	int i, w = u->lo.cols - 2;

	if (h <= 0)
		return;
	if (!r->below[r->sec]) {
		ui_put(y, 1, w, "(Các đơn vị trực thuộc chưa viết phần này cho kỳ này.)",
		       ui_attr(u, UC_MUTED));
		return;
	}
	ui_lines_wrap(&l, r->below[r->sec] + (r->below[r->sec][0] == '\n'), w, 100000, A_NORMAL);
	if (r->btop > (int)l.n - h)
		r->btop = (int)l.n > h ? (int)l.n - h : 0;
	for (i = 0; i < h && (size_t)(r->btop + i) < l.n; i++)
		ui_put(y + i, 1, w, l.s[r->btop + i], l.a[r->btop + i]);
	ui_lines_free(&l);
}

void ui_rtext_draw(struct ui *u)
{
	struct ui_rtext *r = u->rtext;
	int cols = u->lo.cols, avail, eh, bh, y, i, n, row, col;
	char title[320];
	size_t st[64], ln[64];

	snprintf(title, sizeof(title), " Báo cáo của %s%s%s", ui_unit_name(u, r->unit),
	         r->stage ? ", " : "", r->stage ? r->plabel : "");
	ui_put(0, 0, cols, title, ui_attr(u, UC_TITLE_FOCUS));
	if (r->stage == 0) {
		draw_period(u, r);
		return;
	}
	draw_tabs(u, r, 1);
	snprintf(title, sizeof(title), "%d. %s", r->sec + 1, rtext_title((enum rtext_section)r->sec));
	ui_put(2, 1, cols - 2, title, A_BOLD);
	/* The editor gets three fifths of the rows, the units below the rest. */
	avail = u->lo.msg_y - 3;
	eh = avail * 3 / 5;
	if (eh > 64)
		eh = 64;
	bh = avail - eh - 1;
	r->width = cols - 2;
	n = uil_wrap_view(&r->text[r->sec], r->width, eh, st, ln, &row, &col);
	for (i = 0; i < eh; i++) {
		ui_blank(3 + i, 0, cols, A_NORMAL);
		if (i < n) {
			char *vis = xstrndup(r->text[r->sec].s + st[i], ln[i]);

			ui_put_cut(3 + i, 1, r->width, vis, A_NORMAL);
			free(vis);
		}
	}
	r->cy = 3 + row;
	r->cx = 1 + col;
	y = 3 + eh;
	ui_hline(y, 0, cols);
	ui_put_cut(y, 2, cols - 4, " Các đơn vị trực thuộc đã viết (để tham khảo, không lưu) ",
	           ui_attr(u, UC_TITLE));
	draw_below(u, r, y + 1, bh);
}

int ui_rtext_asks_period(const struct ui *u)
{
	return u->rtext && u->rtext->stage == 0;
}

void ui_rtext_cursor(const struct ui *u)
{
	if (u->rtext)
		move(u->rtext->cy, u->rtext->cx);
}
