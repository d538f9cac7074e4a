/* ui.c — the TUI's entry point, main loop and frame.
 *
 * The loop waits for a key with a half-second timeout.  On a key it
 * dispatches through the key table (ui-act.c), first draining any keys
 * already typed so that held-down keys never queue up behind frames.  On
 * a timeout it either runs a slice of a pending search, lint or filter, or
 * compares the store's commit marker with the one it last read and, when
 * another process has committed, reloads what is on screen keeping the
 * selections and scroll positions.
 */
#include "ui.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "hier.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-msg.h"
#include "util.h"

#define IDLE_MS 500        /* poll for other processes' commits this often */
#define JOB_BUDGET 2000    /* rows a search or filter looks at per slice */
#define DRAIN_MAX 256      /* keys handled before a frame is forced */

/* ---- crash signals: restore the terminal, then die as the signal says ---- */

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
	                             SIGTERM, SIGINT, SIGHUP, SIGQUIT };
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static void on_fatal(int sig)
{
	/* endwin() is what every curses program does here; the handler is
	 * reset to the default (SA_RESETHAND), so raising again ends the
	 * process with the original signal and its usual exit status. */
	endwin();
	raise(sig);
}

static void signals_install(struct sigaction *old)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &old[i]);
}

static void signals_restore(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &old[i], NULL);
}

/* ---- small services for the other ui files ---- */

void ui_msg(struct ui *u, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof(u->msg), fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

void ui_msg_err(struct ui *u, struct err *e)
{
	char buf[600];

	ui_msg(u, 1, "%s", err_str(e, buf, sizeof(buf)));
	err_clear(e);
}

int ui_page(const struct ui *u)
{
	return u->lo.pane_h > 1 ? u->lo.pane_h : 1;
}

int ui_view_page(const struct ui *u)
{
	if (ui_view_is_list(u->view))
		return u->lo.pane_h > 2 ? u->lo.pane_h - 1 : 1;
	return u->lo.msg_y > 2 ? u->lo.msg_y - 1 : 1;
}

int ui_with_txn(struct ui *u, int (*fn)(struct ui *u, struct txn *t, struct err *e))
{
	struct txn *t;
	struct err e;
	int rc;

	err_clear(&e);
	rc = store_read_begin(u->ops->st, &t, &e);
	if (rc == 0) {
		rc = fn(u, t, &e);
		store_read_end(t);
	}
	if (rc)
		ui_msg_err(u, &e);
	return rc;
}

struct tl_result ui_task_tl(const struct ui *u, const struct task *t)
{
	struct tl_input in;

	in.status = (enum task_status)t->status;
	in.dl = &t->dl;
	in.due = t->due;
	in.done_date = t->done_date;
	in.periods = &u->ops->cfg->periods;
	return tl_compute(&in, u->ops->today, u->ops->cfg->soon_days);
}

static int reload_in(struct ui *u, struct txn *t, struct err *e)
{
	int rc;

	/* The lists read a page at a time point into the unit tree that is
	 * about to be replaced: let go of it, remembering their selection. */
	ui_tasks_forget(u);
	ui_views_forget(u);
	rc = ui_units_load(u, t, e);

	ui_units_forget_counts(u);
	u->docs.built = 0;
	u->tasks.built = 0;
	return rc;
}

void ui_reload(struct ui *u)
{
	uint64_t m;

	if (store_last_txn(u->ops->st, &m, NULL) == 0)
		u->marker = m;
	ui_with_txn(u, reload_in);
}

/* 1 if another process committed since the last load. */
static int store_changed(struct ui *u)
{
	uint64_t m;

	return store_last_txn(u->ops->st, &m, NULL) == 0 && m != u->marker;
}

/* ---- drawing ---- */

static void draw_small(struct ui *u, int cols, int rows)
{
	char buf[160];
	int y = rows / 2 - 1;

	erase();
	snprintf(buf, sizeof(buf), "Cửa sổ quá nhỏ: cần ít nhất %d×%d, hiện %d×%d.", UI_MIN_COLS,
	         UI_MIN_ROWS, cols, rows);
	ui_put_cut(y > 0 ? y : 0, 1, cols - 2, buf, A_BOLD);
	ui_put_cut(y + 1 > 0 ? y + 1 : 0, 1, cols - 2, "Hãy phóng to cửa sổ, hoặc nhấn q để thoát.",
	           A_NORMAL);
	(void)u;
}

/* Where the focused pane's rows come from, when the panes left of it are
 * folded away: "Tỉnh ủy › Văn phòng Tỉnh ủy › 05-KH/TU". */
static void crumb(struct ui *u, struct txn *t, int with_doc, struct sbuf *b)
{
	uint32_t id = ui_units_selected(u);
	const struct unit *un = id ? hier_unit(u->units.h, id) : NULL;
	uint64_t docid = with_doc ? ui_docs_selected(u) : 0;
	struct doc d;

	if (un && un->parent)
		sbuf_printf(b, "%s › ", ui_unit_name(u, un->parent));
	if (un)
		sbuf_puts(b, ui_unit_name(u, id));
	else if (ui_units_nolead(u))
		sbuf_puts(b, "(chưa xác định đơn vị chủ trì)");
	memset(&d, 0, sizeof(d));
	if (docid && store_doc_get(t, docid, &d, NULL) == 0) {
		sbuf_printf(b, " › %s", d.number[0] ? d.number : "(không số)");
		doc_free(&d);
	}
}

static void draw_titles(struct ui *u, struct txn *t)
{
	const struct ui_layout *lo = &u->lo;
	char count[80], flt[120];
	struct sbuf name = { 0 }, line = { 0 };
	int p, base;

	for (p = 0; p < UI_NPANES; p++) {
		int focused = u->focus == p;
		attr_t a = ui_attr(u, focused ? UC_TITLE_FOCUS : UC_TITLE);
		const char *mark = focused ? "» " : "  ";

		if (lo->pane_w[p] <= 0)
			continue;
		sbuf_reset(&name);
		switch (p) {
		case UI_UNITS:
			sbuf_printf(&name, "%sĐơn vị", mark);
			base = txt_width(name.s);
			snprintf(count, sizeof(count), "quá hạn/tổng");
			break;
		case UI_DOCS:
			/* Short on a narrow pane: the two modes of `a` must show. */
			sbuf_printf(&name, "%s%s %s", mark, lo->pane_w[p] < 22 ? "VB" : "Văn bản",
			            u->docs.assigned ? "giao việc" : "ban hành");
			base = txt_width(name.s);
			if (lo->pane_w[UI_UNITS] <= 0) {
				sbuf_puts(&name, ": ");
				crumb(u, t, 0, &name);
			}
			snprintf(count, sizeof(count), "%zu", u->docs.l.n);
			break;
		default:
			sbuf_printf(&name, "%sNhiệm vụ %s", mark,
			            u->tasks.led ? "đơn vị chủ trì" : "của văn bản");
			base = txt_width(name.s);
			if (lo->pane_w[UI_UNITS] <= 0) {
				sbuf_puts(&name, ": ");
				crumb(u, t, !u->tasks.led && lo->pane_w[UI_DOCS] <= 0, &name);
			}
			if (u->tasks.fkind)
				snprintf(count, sizeof(count), "lọc %s: %zu",
				         ui_tasks_filter_label(u, flt, sizeof(flt)), u->tasks.l.n);
			else
				snprintf(count, sizeof(count), "%zu", u->tasks.l.n);
		}
		sbuf_reset(&line);
		if (base + 1 + txt_width(count) > lo->pane_w[p] - 1)
			count[0] = '\0'; /* the pane's name matters more than its count */
		ui_fmt_lr(&line, name.s, count[0] ? count : NULL, lo->pane_w[p] - 1);
		sbuf_putc(&line, ' ');
		ui_put(lo->pane_y, lo->pane_x[p], lo->pane_w[p], line.s, a);
	}
	sbuf_free(&name);
	sbuf_free(&line);
	for (p = 1; p < UI_NPANES; p++)
		if (lo->pane_w[p] > 0 && lo->pane_x[p] > 0)
			ui_vline(lo->pane_y, lo->pane_x[p] - 1, lo->pane_h + 1);
}

static void draw_status(struct ui *u)
{
	const struct ui_layout *lo = &u->lo;
	const struct actor *who = &u->ops->who;
	struct sbuf left = { 0 }, line = { 0 }, hint = { 0 };
	char d[16], sh[64];
	int room, full;

	/* One rule on every screen: the unit's full name when the login, the
	 * unit, the role and the day take at most half the width, else its
	 * short name (at 80 columns); the keys get the rest. */
	sbuf_printf(&left, " %s · %s · %s · %s", who->login,
	            !who->unit ? "(chưa gắn đơn vị)" : ui_unit_name(u, who->unit),
	            role_label(who->role), date_vn(u->ops->today, d));
	full = !who->unit || txt_width(left.s) * 2 <= lo->cols;
	if (!full) {
		sbuf_reset(&left);
		sbuf_printf(&left, " %s · %s · %s · %s", who->login,
		            ui_unit_short(u, who->unit, 12, sh, sizeof(sh)),
		            role_label(who->role), date_vn(u->ops->today, d));
	}
	if (u->tasks.fkind != UI_FILTER_NONE && u->view == UI_VIEW_PANES) {
		char flt[120];

		sbuf_printf(&left, " · lọc: %s", ui_tasks_filter_label(u, flt, sizeof(flt)));
	}
	room = lo->cols - txt_width(left.s) - 1;
	/* the hints of the key table (ui-hints.c), the widest that fits */
	ui_hints_line(u, room, &hint);
	ui_fmt_lr(&line, left.s, hint.len ? hint.s : NULL, lo->cols);
	ui_put(lo->status_y, 0, lo->cols, line.s, ui_attr(u, UC_STATUS));
	sbuf_free(&left);
	sbuf_free(&line);
	sbuf_free(&hint);
}

static void draw_msg(struct ui *u)
{
	const struct ui_layout *lo = &u->lo;
	char buf[160];

	if (u->search.running) {
		snprintf(buf, sizeof(buf), "Đang tìm “%s”… (Esc: dừng)", u->search.needle);
		ui_put(lo->msg_y, 0, lo->cols, buf, ui_attr(u, UC_MUTED));
	} else if (ui_views_busy(u, buf, sizeof(buf))) {
		ui_put(lo->msg_y, 0, lo->cols, buf, ui_attr(u, UC_MUTED));
	} else if (ui_tasks_filtering(u)) {
		snprintf(buf, sizeof(buf), "Đang lọc nhiệm vụ… %zu/%zu (Esc: bỏ lọc)", u->tasks.fpos,
		         u->tasks.nall);
		ui_put(lo->msg_y, 0, lo->cols, buf, ui_attr(u, UC_MUTED));
	} else {
		ui_msg_draw(u); /* whole, over the lines above when it is long */
	}
}

static int frame_in(struct ui *u, struct txn *t, struct err *e)
{
	int rc = 0;

	if (u->view == UI_VIEW_PANES || ui_view_is_list(u->view)) {
		rc = ui_docs_sync(u, t, e);
		if (rc == 0)
			rc = ui_tasks_sync(u, t, e);
	}
	if (rc == 0 && ui_view_is_list(u->view))
		rc = ui_view_sync(u, t, e);
	/* the tasks' preview on a short screen fits the list's length */
	if (ui_preview_layout(u)) {
		if (u->view == UI_VIEW_PANES)
			ui_list_clamp(&u->tasks.l, ui_page(u));
		else
			ui_list_clamp(ui_view_list(u), ui_view_page(u));
	}
	u->hroom = 0; /* the rows drawn below say whether w has more to show */
	switch (u->view) {
	case UI_VIEW_PANES:
		draw_titles(u, t);
		ui_units_draw(u, t);
		ui_docs_draw(u, t);
		ui_tasks_draw(u, t);
		ui_detail_draw(u, t);
		break;
	case UI_VIEW_SOURCE:
		ui_source_draw(u);
		break;
	case UI_VIEW_HELP:
		ui_help_draw(u);
		break;
	default:
		ui_view_draw(u, t);
	}
	return rc;
}

/* The pages' height changes with the screen's size and, on a short
 * screen, with the focus (the tasks' preview): scroll every list drawn
 * so that its selected row stays on screen.  A folded pane's list is
 * left alone until it shows again, so that its scroll position (the
 * tree's parent in view) is not lost to a height it is not drawn at. */
static void clamp_lists(struct ui *u)
{
	if (u->lo.pane_w[UI_UNITS] > 0)
		ui_list_clamp(&u->units.l, ui_page(u));
	if (u->lo.pane_w[UI_DOCS] > 0)
		ui_list_clamp(&u->docs.l, ui_page(u));
	if (u->lo.pane_w[UI_TASKS] > 0)
		ui_list_clamp(&u->tasks.l, ui_page(u));
	if (ui_view_is_list(u->view))
		ui_list_clamp(ui_view_list(u), ui_view_page(u));
}

static int64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* With $THEODOI_FRAME_LOG naming a file, each frame that answers a key
 * (and the first one, from the start) appends "frame_us N" to it: the
 * time from the key to the frame sent, what a user waits for. */
static void frame_logged(struct ui *u)
{
	if (!u->frame_log || u->key_us < 0)
		return;
	fprintf(u->frame_log, "frame_us %lld\n", (long long)(now_us() - u->key_us));
	fflush(u->frame_log);
	u->key_us = -1;
}

static void frame_draw(struct ui *u)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	u->small = ui_layout_focus(cols, rows, u->view == UI_VIEW_PANES ? u->focus : UI_UNITS,
	                           u->view == UI_VIEW_PANES && u->full, &u->lo) != 0;
	ui_preview_layout(u);
	if (!u->small)
		clamp_lists(u);
	if (u->small) {
		curs_set(0);
		draw_small(u, cols, rows);
		refresh();
		return;
	}
	erase();
	if (u->rtext) {
		/* The editor holds what it shows: no read transaction. */
		ui_rtext_draw(u);
		draw_msg(u);
		draw_status(u);
		ui_rtext_cursor(u);
		curs_set(1);
		leaveok(stdscr, FALSE);
		refresh();
		return;
	}
	ui_with_txn(u, frame_in);
	draw_msg(u);
	draw_status(u);
	if (u->form) {
		ui_form_draw(u);
		curs_set(1);
	} else {
		curs_set(0);
	}
	/* With the cursor hidden, curses need not bring it back to where
	 * the frame last drew after each update (light on the wire). */
	leaveok(stdscr, u->form ? FALSE : TRUE);
	refresh();
}

static void frame(struct ui *u)
{
	frame_draw(u);
	frame_logged(u);
}

/* ---- jobs: search, filter and lint slices between keys ---- */

static int job_in(struct ui *u, struct txn *t, struct err *e)
{
	(void)e;
	if (u->search.running)
		ui_search_step(u, t, JOB_BUDGET);
	else if (ui_views_busy(u, NULL, 0))
		ui_views_step(u, t, JOB_BUDGET);
	else if (ui_tasks_filtering(u))
		ui_tasks_filter_step(u, t, JOB_BUDGET);
	return 0;
}

static int read_key(struct ui_key *k)
{
	wint_t wc;
	int r = get_wch(&wc);

	if (r == ERR)
		return 0;
	k->fn = r == KEY_CODE_YES;
	k->ch = (uint32_t)wc;
	return 1;
}

static void loop(struct ui *u)
{
	struct ui_key k;
	int dirty = 1, n;

	while (!u->quit) {
		if (dirty)
			frame(u);
		dirty = 0;
		timeout(ui_busy(u) ? 0 : IDLE_MS);
		if (!read_key(&k)) {
			if (ui_busy(u)) {
				ui_with_txn(u, job_in);
				dirty = 1;
			} else if (store_changed(u)) {
				ui_reload(u);
				dirty = 1;
			}
			continue;
		}
		if (u->key_us < 0)
			u->key_us = now_us();
		ui_dispatch(u, k);
		dirty = 1;
		/* Keys already typed are handled before the next frame. */
		timeout(0);
		for (n = 0; n < DRAIN_MAX && !u->quit && read_key(&k); n++)
			ui_dispatch(u, k);
	}
}

/* ---- start and end ---- */

static int load_in(struct ui *u, struct txn *t, struct err *e)
{
	return ui_units_load(u, t, e);
}

/* The first load could not know the page height: scroll the tree so that
 * the user's unit shows with its parent above it (or, when the parent is
 * a page or more away, in the middle of the page). */
static void scroll_to_parent(struct ui *u)
{
	struct ui_list *l = &u->units.l;
	size_t page = (size_t)ui_page(u), half = page / 2, r;
	int depth;

	if (!l->n)
		return;
	l->top = l->sel > half ? l->sel - half : 0;
	depth = hier_depth(u->units.h, u->units.rows[l->sel]);
	for (r = l->sel; r-- > 0;)
		if (hier_depth(u->units.h, u->units.rows[r]) < depth) {
			if (l->sel - r < page)
				l->top = r;
			break;
		}
	ui_list_clamp(l, (int)page);
}

static void free_all(struct ui *u)
{
	ui_form_free(u->form);
	u->form = NULL;
	ui_pick_end(u);
	ui_rtext_free(u);
	ui_source_free(u);
	ui_views_free(u);
	ui_tasks_free(u);
	ui_docs_free(u);
	ui_units_free(u);
	free(u->search.needle);
}

int ui_main(struct ops_ctx *c, struct err *e)
{
	struct ui u;
	struct sigaction old[NFATAL];
	struct txn *t;
	SCREEN *scr;
	int rc;

	setlocale(LC_ALL, "");
	memset(&u, 0, sizeof(u));
	u.ops = c;
	u.key_us = now_us();
	u.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!u.utf8)
		return err_set(e, ERR_USAGE,
		               "locale hiện tại (bảng mã %s) không phải UTF-8: màn hình tiếng Việt sẽ "
		               "hiện sai. Hãy chạy với LANG=C.UTF-8 (hoặc vi_VN.UTF-8), ví dụ: "
		               "LANG=C.UTF-8 LC_ALL=C.UTF-8 theodoi",
		               nl_langinfo(CODESET));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(e, ERR_IO, "màn hình cần một terminal (stdin và stdout)");
	store_last_txn(c->st, &u.marker, NULL);
	rc = store_read_begin(c->st, &t, e);
	if (rc)
		return rc;
	rc = load_in(&u, t, e);
	store_read_end(t);
	if (c->who.unit && ui_units_selected(&u) == c->who.unit) {
		/* The user's own work first: the tasks its subtree leads, the
		 * most urgent first, from every document. */
		u.docs.assigned = 1;
		u.tasks.led = 1;
		u.focus = UI_TASKS;
	}
	if (rc) {
		free_all(&u);
		return rc;
	}
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *term = getenv("TERM");

		free_all(&u);
		return err_set(e, ERR_IO, "không dùng được terminal '%s' (kiểm tra biến TERM)",
		               term ? term : "");
	}
	signals_install(old);
	if (getenv("THEODOI_FRAME_LOG") && *getenv("THEODOI_FRAME_LOG"))
		u.frame_log = fopen(getenv("THEODOI_FRAME_LOG"), "a");
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Light on the wire: let curses scroll lines with the terminal's
	 * insert/delete line and scroll region instead of rewriting them. */
	idlok(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ui_colors_init(&u);
	/* The first load could not know the page height: scroll now so that
	 * the user's unit shows with its context above it. */
	if (ui_layout(COLS, LINES, &u.lo) == 0)
		scroll_to_parent(&u);
	if (c->who.role == ROLE_NONE)
		ui_msg(&u, 1, "Người dùng “%s” chưa được đăng ký trong cấu hình: chỉ xem.",
		       c->who.login);
	else if (!u.color && !has_colors())
		ui_msg(&u, 0, "Terminal “%s” không có màu: tình trạng nhiệm vụ chỉ hiện bằng ký hiệu "
		              "(! quá hạn, ~ sắp đến hạn, ...).", termname());
	else if (c->who.role == ROLE_VIEWER)
		ui_msg(&u, 0, "Vai trò chỉ xem: không cập nhật được nhiệm vụ.");
	loop(&u);
	endwin();
	delscreen(scr);
	if (u.frame_log)
		fclose(u.frame_log);
	signals_restore(old);
	free_all(&u);
	return 0;
}
