/* ui-act.c — what the keys do: the action the key table (ui-keys.c) binds
 * to a key, applied to the current view.  Forms get every key while one
 * is open; the other views share the moves, and Enter, u, q and Esc mean
 * what the view says on the status line.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui-ctx.h"
#include "ui-form.h"
#include "util.h"

int ui_busy(const struct ui *u)
{
	return u->search.running || ui_views_busy(u, NULL, 0) || ui_tasks_filtering(u);
}

static struct ui_list *focused_list(struct ui *u, int *page)
{
	struct ui_list *l;

	*page = u->view == UI_VIEW_PANES ? ui_page(u) : ui_view_page(u);
	l = ui_view_list(u);
	if (l)
		return l;
	switch (u->focus) {
	case UI_UNITS: return &u->units.l;
	case UI_DOCS: return &u->docs.l;
	default: return &u->tasks.l;
	}
}

void ui_pick_start(struct ui *u, const char *arg,
                   int (*done)(struct ui *u, const char *arg, uint32_t unit), enum ui_act back,
                   const char *prompt)
{
	char *copy = xstrdup(arg); /* arg may belong to the view closed below */

	ui_pick_end(u);
	if (u->view != UI_VIEW_PANES)
		ui_view_close(u);
	u->pick.active = 1;
	u->pick.arg = copy;
	u->pick.done = done;
	u->pick.back = back;
	str_copy(u->pick.prompt, prompt, sizeof(u->pick.prompt));
	u->focus = UI_UNITS;
	u->full = 0;
	ui_msg(u, 0, "%s", u->pick.prompt);
}

void ui_pick_end(struct ui *u)
{
	ui_form_free(u->pick.form); /* a form put aside and never taken back */
	free(u->pick.arg);
	memset(&u->pick, 0, sizeof(u->pick));
}

/* A key while a unit is picked: Enter picks the selected unit, Esc (or q)
 * gives up; 1 if the key was used. */
static int pick_key(struct ui *u, struct ui_key k, enum ui_act a)
{
	int enter = (!k.fn && (k.ch == '\n' || k.ch == '\r')) || (k.fn && k.ch == KEY_ENTER);
	enum ui_act back = u->pick.back;

	if (u->pick.form && (a == UA_BACK || a == UA_QUIT)) {
		ui_form_pick_back(u, 0);
		return 1;
	}
	if (a == UA_BACK || a == UA_QUIT) { /* q too: giving up, not quitting */
		ui_pick_end(u);
		ui_msg(u, 0, "Đã hủy chọn đơn vị.");
		ui_view_open_act(u, back);
		return 1;
	}
	if (enter && u->focus == UI_UNITS && ui_units_selected(u)) {
		u->pick.done(u, u->pick.arg, ui_units_selected(u));
		return 1;
	}
	return 0;
}

/* Moves: lists move their selection; the text views scroll. */
static void move_by(struct ui *u, enum ui_act a)
{
	int page;
	struct ui_list *l = focused_list(u, &page);
	long d;

	switch (a) {
	case UA_DOWN: d = 1; break;
	case UA_UP: d = -1; break;
	case UA_PAGE_DOWN: d = page; break;
	case UA_PAGE_UP: d = -page; break;
	case UA_TOP: d = -(long)l->n; break;
	default: d = (long)l->n; break;
	}
	if (u->view == UI_VIEW_SOURCE || u->view == UI_VIEW_HELP) {
		size_t max = l->n > (size_t)page ? l->n - (size_t)page : 0;
		long top = (long)l->top + d;

		l->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
		l->sel = l->top;
		return;
	}
	ui_list_move(l, d, page);
}

static int enter_in(struct ui *u, struct txn *t, struct err *e)
{
	return ui_view_enter(u, t, e);
}

static int taskview_in(struct ui *u, struct txn *t, struct err *e)
{
	return ui_taskview_open(u, t, ui_tasks_selected(u), e);
}

static int source_in(struct ui *u, struct txn *t, struct err *e)
{
	uint64_t doc = ui_pointed_doc(u, t);

	if (!doc) {
		ui_msg(u, 1, "Chưa chọn văn bản.");
		return 0;
	}
	return ui_source_open(u, t, doc, e);
}

static void act_open(struct ui *u)
{
	if (ui_view_is_list(u->view)) {
		ui_with_txn(u, enter_in);
		return;
	}
	if (u->view != UI_VIEW_PANES)
		return;
	if (u->focus == UI_UNITS)
		ui_units_toggle(u);
	else if (u->focus == UI_DOCS)
		u->focus = UI_TASKS;
	else if (ui_tasks_selected(u))
		ui_with_txn(u, taskview_in);
}

/* Esc while a search, a lint check or a filter runs stops it. */
static void stop_job(struct ui *u)
{
	if (u->search.running) {
		u->search.running = 0;
		ui_msg(u, 0, "Đã dừng tìm.");
	} else if (ui_views_busy(u, NULL, 0)) {
		ui_view_close(u);
		ui_msg(u, 0, "Đã dừng và đóng danh sách.");
	} else {
		ui_tasks_set_filter(u, UI_FILTER_NONE, 0);
		ui_msg(u, 0, "Đã bỏ lọc.");
	}
}

/* w: the long column of the rows (a task's text, what changed) on by
 * nearly its width, as long as a row drawn in the last frame went past it;
 * then back to the start. */
static void hscroll(struct ui *u)
{
	if (u->view != UI_VIEW_PANES && u->view != UI_VIEW_HELP && !ui_view_is_list(u->view))
		return;
	if (u->hroom > 0) {
		u->hskip += u->hroom > 4 ? u->hroom - 2 : 2;
		ui_msg(u, 0, "Cột nội dung từ ký tự thứ %d (w: cuộn tiếp).", u->hskip + 1);
	} else if (u->hskip > 0) {
		u->hskip = 0;
		ui_msg(u, 0, "Đã hết phần bị cắt; trở về đầu dòng.");
	} else {
		ui_msg(u, 0, "Không dòng nào bị cắt: không cần cuộn ngang.");
	}
}

/* V: on a short screen, the detail area under the tasks instead of the
 * preview, or the preview again, for the rest of the session. */
static void detail_toggle(struct ui *u)
{
	if (u->lo.rows >= UI_SHORT_ROWS) {
		ui_msg(u, 0, "Màn hình đủ cao (từ %d dòng): khung chi tiết luôn hiện đầy đủ.",
		       UI_SHORT_ROWS);
		return;
	}
	u->detail_full = !u->detail_full;
	ui_msg(u, 0, u->detail_full
	                 ? "Khung chi tiết dưới danh sách nhiệm vụ (V: trở lại xem nhanh)."
	                 : "Xem nhanh dưới danh sách nhiệm vụ: phần nội dung bị cắt, thời hạn, "
	                   "chủ trì (V: khung chi tiết).");
}

static void text_view_key(struct ui *u, enum ui_act a)
{
	if ((a == UA_BACK || a == UA_QUIT || a == UA_HELP) && u->view == UI_VIEW_HELP &&
	    ui_view_is_list(u->help_from))
		u->view = u->help_from; /* back to the list the help was asked on */
	else if (a == UA_BACK || a == UA_QUIT || (a == UA_HELP && u->view == UI_VIEW_HELP))
		ui_view_close(u);
	else if (a >= UA_DOWN && a <= UA_BOTTOM)
		move_by(u, a);
	else if (a == UA_HSCROLL)
		hscroll(u); /* the help's long lines */
}

static void pane_mode(struct ui *u, enum ui_act a)
{
	if (u->view != UI_VIEW_PANES)
		ui_view_close(u);
	if (a == UA_DOC_MODE) {
		u->docs.assigned = !u->docs.assigned;
		u->docs.built = 0;
		u->docs.l.sel = u->docs.l.top = 0;
	} else {
		u->tasks.led = !u->tasks.led;
		u->tasks.built = 0;
		u->tasks.l.sel = u->tasks.l.top = 0;
		u->focus = UI_TASKS;
	}
}

static void act(struct ui *u, enum ui_act a)
{
	/* the current list view's own meaning of a key first (ui-view.h) */
	if (ui_view_is_list(u->view) && ui_view_key(u, a))
		return;
	switch (a) {
	case UA_QUIT:
		if (u->view != UI_VIEW_PANES)
			ui_view_close(u);
		else
			u->quit = 1;
		break;
	case UA_BACK:
		ui_view_close(u);
		break;
	case UA_HELP:
		/* a list view stays open under the help, which starts with its keys */
		if (u->view != UI_VIEW_PANES && !ui_view_is_list(u->view))
			ui_view_close(u);
		u->help_from = u->view;
		u->help.sel = u->help.top = 0;
		u->view = UI_VIEW_HELP;
		break;
	case UA_NEXT_PANE:
	case UA_PREV_PANE:
		if (u->view == UI_VIEW_PANES)
			u->focus = (u->focus + (a == UA_NEXT_PANE ? 1 : UI_NPANES - 1)) % UI_NPANES;
		break;
	case UA_DOWN: case UA_UP: case UA_PAGE_DOWN: case UA_PAGE_UP: case UA_TOP: case UA_BOTTOM:
		move_by(u, a);
		break;
	case UA_OPEN:
		act_open(u);
		break;
	case UA_UPDATE:
		ui_form_open(u, UF_UPDATE);
		break;
	case UA_STATUS:
		ui_form_open(u, UF_STATUS);
		break;
	case UA_EXTEND:
		ui_form_open(u, UF_EXTEND);
		break;
	case UA_CONFIRM:
		ui_form_open(u, UF_CONFIRM);
		break;
	case UA_RETURN:
		ui_form_open(u, UF_RETURN);
		break;
	case UA_SEARCH:
		ui_form_open(u, UF_SEARCH);
		break;
	case UA_SEARCH_NEXT:
	case UA_SEARCH_PREV:
		if (u->view == UI_VIEW_PANES || ui_view_is_list(u->view))
			ui_search_again(u, a == UA_SEARCH_NEXT ? 1 : -1);
		break;
	case UA_FILTER:
		if (u->view != UI_VIEW_PANES)
			ui_view_close(u);
		ui_form_open(u, UF_FILTER);
		break;
	case UA_DOC_MODE:
	case UA_TASK_MODE:
		pane_mode(u, a);
		break;
	case UA_SOURCE:
		ui_with_txn(u, source_in);
		break;
	case UA_IMPORT:
		ui_form_open(u, UF_IMPORT);
		break;
	case UA_REPORT_TEXT:
		ui_rtext_open(u);
		break;
	case UA_EDIT:
		ui_form_open(u, UF_EDIT);
		break;
	case UA_MOVE:
		ui_form_open(u, UF_MOVE);
		break;
	case UA_DELETE:
		ui_form_open(u, UF_DELETE);
		break;
	case UA_FULL:
		if (u->view == UI_VIEW_PANES) {
			u->full = !u->full;
			ui_msg(u, 0, u->full ? "Khung chiếm cả chiều ngang (z: trở lại ba khung)."
			                     : "Trở lại ba khung.");
		} else {
			ui_msg(u, 0, "Danh sách này đã chiếm cả chiều ngang.");
		}
		break;
	case UA_HSCROLL:
		hscroll(u);
		break;
	case UA_DETAIL:
		detail_toggle(u);
		break;
	case UA_REDRAW:
		clearok(curscr, TRUE);
		ui_reload(u);
		break;
	default:
		/* the keys that open a list view: o, d, b, c, r, m, L, p, ... */
		ui_view_open_act(u, a);
		break;
	}
}

void ui_dispatch(struct ui *u, struct ui_key k)
{
	enum ui_act a;
	int view;

	if (u->form) {
		ui_form_key(u, k);
		return;
	}
	if (k.fn && k.ch == KEY_RESIZE)
		return; /* the next frame lays the screen out again */
	if (u->rtext) {
		ui_rtext_key(u, k);
		return;
	}
	if (u->small) {
		if (!k.fn && k.ch == 'q')
			u->quit = 1;
		return;
	}
	a = ui_key_action(k);
	if (ui_busy(u) && a == UA_BACK) {
		stop_job(u);
		return;
	}
	if (a != UA_NONE && a != UA_SEARCH_NEXT && a != UA_SEARCH_PREV)
		u->msg[0] = '\0';
	view = u->view;
	if (u->pick.active && u->view == UI_VIEW_PANES && pick_key(u, k, a))
		;
	else if (u->view == UI_VIEW_HELP || u->view == UI_VIEW_SOURCE)
		text_view_key(u, a);
	else
		act(u, a);
	if (u->view != view)
		u->hskip = 0; /* another list: from the start of its rows */
	if (u->pick.active && ui_view_is_list(u->view))
		ui_pick_end(u); /* a list view opened: the pick is over */
	if (u->pick.active && !u->form && !u->msg[0])
		ui_msg(u, 0, "%s", u->pick.prompt);
}
