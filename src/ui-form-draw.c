/* ui-form-draw.c — drawing the open form: a box over the panes with its
 * title, fields (one line, a word-wrapped note, a choice, a list in
 * groups), what it found (the import preview) and its hint, error or
 * question, read whole (wrapped: ui-msg.h); the search prompt on the
 * message line.
 */
#include "ui-form.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-msg.h"
#include "util.h"

/* Draw a text field in w columns at (y, x); returns the cursor column. */
static int draw_text(struct ui_field *fd, int y, int x, int w, attr_t a)
{
	size_t s, e;
	int col;
	char *vis;

	uil_view(&fd->line, w, &s, &e, &col);
	ui_blank(y, x, w, a);
	vis = xstrndup(fd->line.s + s, e - s);
	ui_put_cut(y, x, w, vis, a);
	free(vis);
	return x + col;
}

/* Draw a note field, word-wrapped on fd->rows lines from (y, x); sets
 * the cursor's place. */
static void draw_wrapped(struct ui_field *fd, int y, int x, int w, attr_t a, int *cy, int *cx)
{
	size_t st[8], ln[8];
	int rows = fd->rows < 8 ? fd->rows : 8, n, r, row, col;

	n = uil_wrap_view(&fd->line, w, rows, st, ln, &row, &col);
	for (r = 0; r < rows; r++) {
		ui_blank(y + r, x, w, a);
		if (r < n) {
			char *vis = xstrndup(fd->line.s + st[r], ln[r]);

			ui_put_cut(y + r, x, w, vis, a);
			free(vis);
		}
	}
	*cy = y + row;
	*cx = x + col;
}

/* Draw a list field in h rows at (y, x), scrolled to show the selection. */
static void draw_list(struct ui *u, struct ui_field *fd, int y, int x, int w, int h)
{
	int rowof[UI_CHOICES_MAX], n = ui_form_list_rows(fd, rowof), i, r;
	char buf[200];

	if (h < 1)
		return;
	if (rowof[fd->choice] < fd->top)
		fd->top = rowof[fd->choice];
	if (fd->choice == 0)
		fd->top = 0;
	if (rowof[fd->choice] >= fd->top + h)
		fd->top = rowof[fd->choice] - h + 1;
	if (fd->top > n - h)
		fd->top = n - h > 0 ? n - h : 0;
	for (i = 0; i < fd->nchoices; i++) {
		r = rowof[i] - fd->top;
		if (fd->heads[i] && r - 1 >= 0 && r - 1 < h)
			ui_put(y + r - 1, x, w, fd->heads[i], A_BOLD);
		if (r < 0 || r >= h)
			continue;
		snprintf(buf, sizeof(buf), "  %c. %s", ui_form_list_letter(i), fd->choices[i]);
		ui_put(y + r, x, w, buf, i == fd->choice ? ui_attr(u, UC_SEL) : A_NORMAL);
	}
	if (fd->top > 0)
		ui_put(y, x + w - 1, 1, "↑", A_BOLD);
	if (fd->top + h < n)
		ui_put(y + h - 1, x + w - 1, 1, "↓", A_BOLD);
}

static void draw_box(int y, int x, int h, int w)
{
	int r;

	for (r = 0; r < h; r++)
		ui_blank(y + r, x, w, A_NORMAL);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	ui_hline(y, x + 1, w - 2);
	ui_hline(y + h - 1, x + 1, w - 2);
	ui_vline(y + 1, x, h - 2);
	ui_vline(y + 1, x + w - 1, h - 2);
}

static void draw_search(struct ui *u)
{
	struct ui_form *f = u->form;
	int y = u->lo.msg_y, cx;

	ui_put(y, 0, 1, "/", A_BOLD);
	cx = draw_text(&f->f[0], y, 1, u->lo.cols - 2, A_NORMAL);
	move(y, cx);
}

#define INFO_LINES 4
#define FOOT_LINES 4 /* lines of the hint, error or question at most */
#define TITLE_LINES 3 /* lines of the title at most */

struct title_ctx {
	int y, x, w, n, max;
};

/* A line of the form's title: the first on the box's top edge, the
 * others under it, inside the box (TITLE_LINES in all at most). */
static int title_line(const char *line, size_t len, void *ctx)
{
	struct title_ctx *c = ctx;
	char *s = xstrndup(line, len);

	if (c->n == 0)
		ui_put_cut(c->y, c->x, c->w, s, A_BOLD);
	else
		ui_put(c->y + c->n, c->x, c->w, s, A_BOLD);
	free(s);
	return ++c->n >= c->max;
}
#define ASK_TEXT "Bỏ nội dung đã nhập? (c: có, phím khác: không)"

struct info_ctx {
	int y, x, w, left;
};

static int info_line(const char *line, size_t len, void *ctx)
{
	struct info_ctx *c = ctx;
	char *s = xstrndup(line, len);

	ui_put(c->y++, c->x, c->w, s, A_BOLD);
	free(s);
	return --c->left <= 0;
}

static const char *hint_of(const struct ui_form *f)
{
	switch (f->kind) {
	case UF_FILTER:
		return "j/k, ↑/↓: di chuyển · Enter hoặc chữ cái: áp dụng · Esc: hủy";
	case UF_STATUS:
		return "←/→ hoặc số: chọn · Enter: áp dụng · Esc: hủy";
	case UF_RESTORE:
		return "Enter: khôi phục · Esc: hủy";
	case UF_LINK:
		return "Enter: gắn · Esc: hủy";
	case UF_DELETE_TASK:
	case UF_DELETE_DOC:
		return "Enter: xóa · Tab/↓: trường sau · Esc: hủy";
	case UF_IMPORT:
		return ui_import_hint(f);
	default:
		if (f->nf > 0 && f->f[f->cur].units)
			return "Enter: lưu · Tab/↓: trường sau · Ctrl-T: chọn đơn vị trong cây · Esc: hủy";
		return f->nf > 1 ? "Enter: lưu · Tab/↓: trường sau · Esc: hủy"
		                 : "Enter: lưu · Esc: hủy";
	}
}

/* Rows a field takes in the box: its line and a blank one; a list its
 * rows, at most `room` (the blank line before the hint follows it). */
static int field_rows(const struct ui_field *fd, int room)
{
	int n;

	if (fd->kind == UFF_TEXT && fd->rows > 1)
		return fd->rows + 1;
	if (fd->kind != UFF_LIST)
		return 2;
	n = ui_form_list_rows(fd, NULL);
	return n < room ? n : room;
}

void ui_form_draw(struct ui *u)
{
	struct ui_form *f = u->form;
	int w, h, x, y, i, lw = 12, cx = 0, cy = 0, ninfo, body = 0, fy, preview, nfoot, ntitle;
	const char *foot;
	attr_t field_a = A_UNDERLINE;

	if (!f)
		return;
	if (f->kind == UF_SEARCH) {
		draw_search(u);
		return;
	}
	preview = f->kind == UF_IMPORT && f->stage >= 1;
	for (i = 0; i < f->nf; i++) /* the labels' column: the widest, and a space */
		if (f->f[i].kind != UFF_LIST && f->f[i].label && txt_width(f->f[i].label) + 1 > lw)
			lw = txt_width(f->f[i].label) + 1;
	w = preview ? u->lo.cols - 2 : u->lo.cols - 8 < 76 ? u->lo.cols - 8 : 76;
	ninfo = f->info[0] ? txt_wrap(f->info, w - 4, NULL, NULL) : 0;
	if (ninfo > INFO_LINES)
		ninfo = INFO_LINES;
	/* the foot (hint, error or question) is read whole: as many lines
	 * as it takes, FOOT_LINES at most */
	foot = f->asking ? ASK_TEXT : f->err[0] ? f->err : hint_of(f);
	nfoot = ui_wrap_rows(foot, w - 4);
	nfoot = nfoot < 1 ? 1 : nfoot > FOOT_LINES ? FOOT_LINES : nfoot;
	/* a title too long for the top edge goes on under it, between words */
	ntitle = ui_wrap_rows(f->title, w - 4);
	ntitle = ntitle < 1 ? 1 : ntitle > TITLE_LINES ? TITLE_LINES : ntitle;
	for (i = 0; i < f->nf; i++)
		body += field_rows(&f->f[i], u->lo.msg_y - 4 - nfoot - ninfo);
	h = preview ? u->lo.msg_y : body + 4 + nfoot + ninfo + ntitle - 1;
	if (h > u->lo.msg_y) /* a list field takes what the foot leaves */
		h = u->lo.msg_y;
	x = (u->lo.cols - w) / 2;
	y = (u->lo.msg_y - h) / 2 > 0 ? (u->lo.msg_y - h) / 2 : 0;
	draw_box(y, x, h, w);
	if (ntitle == 1) {
		ui_put_cut(y, x + 2, w - 4, f->title, A_BOLD);
	} else {
		struct title_ctx tc = { y, x + 2, w - 4, 0, ntitle };

		ui_fmt_wrap_parts(f->title, w - 4, title_line, &tc);
	}
	fy = y + 1 + ntitle;
	for (i = 0; i < f->nf; i++) {
		struct ui_field *fd = &f->f[i];
		int fx = x + 2 + lw, fw = w - 4 - lw,
		    rows = field_rows(fd, u->lo.msg_y - 4 - nfoot - ninfo);
		attr_t la = i == f->cur ? A_BOLD : A_NORMAL;

		if (fd->kind == UFF_LIST) {
			draw_list(u, fd, fy, x + 2, w - 4, rows);
			cx = x + 2;
			cy = fy;
			fy += rows;
			continue;
		}
		ui_put(fy, x + 2, lw, fd->label, la);
		if (fd->kind == UFF_TEXT && fd->rows > 1) {
			int wy, wx;

			draw_wrapped(fd, fy, fx, fw, field_a, &wy, &wx);
			if (i == f->cur) {
				cx = wx;
				cy = wy;
			}
		} else if (fd->kind == UFF_TEXT) {
			int c = draw_text(fd, fy, fx, fw, field_a);

			if (i == f->cur) {
				cx = c;
				cy = fy;
			}
		} else {
			char buf[160];

			snprintf(buf, sizeof(buf), "< %d. %s >", fd->choice + 1,
			         fd->choices[fd->choice]);
			ui_put(fy, fx, fw, buf, i == f->cur ? ui_attr(u, UC_SEL) : A_NORMAL);
			if (i == f->cur) {
				cx = fx;
				cy = fy;
			}
		}
		fy += rows;
	}
	if (ninfo) {
		struct info_ctx ic = { fy, x + 2, w - 4, ninfo };

		txt_wrap(f->info, w - 4, info_line, &ic);
		fy += ninfo;
	}
	if (preview)
		ui_import_draw(u, f, fy + 1, x + 2, y + h - 2 - nfoot - (fy + 1), w - 4);
	ui_put_wrap(y + h - 1 - nfoot, x + 2, w - 4, nfoot, foot,
	            f->asking || f->err[0] ? ui_attr(u, UC_ERROR) : ui_attr(u, UC_MUTED));
	if (f->nf == 0) { /* nothing to type: the cursor on the hint */
		cy = y + h - 1 - nfoot;
		cx = x + 2;
	}
	move(cy, cx);
}
