/* ui-form.c — the modal forms: build them, edit their fields, save them
 * through ops.h in one write, draw them.
 */
#include "ui-form.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import.h"
#include "ops.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

#define NOTE_MAX 2000   /* bytes of a note or a reason */
#define PATH_FIELD_MAX 1024

/* Everything after the choices "Tất cả": statuses then timeliness. */
static int filter_choice_count(void)
{
	return 1 + ST_COUNT + TL_COUNT;
}

static void text_field(struct ui_field *f, const char *label, const char *text, size_t max)
{
	f->kind = UFF_TEXT;
	f->label = label;
	uil_init(&f->line, text, max);
	f->fresh = text && *text;
}

static void status_field(struct ui_field *f, int current)
{
	int s;

	f->kind = UFF_CHOICE;
	f->label = "Trạng thái";
	for (s = 0; s < ST_COUNT; s++)
		f->choices[s] = st_label((enum task_status)s);
	f->nchoices = ST_COUNT;
	f->choice = f->initial = current;
}

/* Read the selected task (for the forms that write to it) and check that
 * the actor may update it. */
static int load_task(struct ui *u, uint64_t id, struct task *tk)
{
	struct txn *t;
	struct err e;
	int rc;

	err_clear(&e);
	if (!id) {
		ui_msg(u, 1, "Chưa chọn nhiệm vụ.");
		return -1;
	}
	rc = store_read_begin(u->ops->st, &t, &e);
	if (rc == 0) {
		rc = store_task_get(t, id, tk, &e);
		store_read_end(t);
	}
	if (rc) {
		ui_msg_err(u, &e);
		return -1;
	}
	if (!ops_may_update(u->ops, tk, &e)) {
		ui_msg(u, 1, "Không được phép: %s", e.msg[0] ? e.msg : "vai trò không cho phép");
		task_free(tk);
		return -1;
	}
	return 0;
}

static uint64_t current_task(struct ui *u)
{
	if (u->view == UI_VIEW_DUE)
		return ui_due_selected(u);
	if (u->focus != UI_TASKS) {
		ui_msg(u, 1, "Hãy chọn một nhiệm vụ trong khung Nhiệm vụ (Tab để sang khung đó).");
		return UINT64_MAX;
	}
	return ui_tasks_selected(u);
}

int ui_form_open(struct ui *u, int kind)
{
	struct ui_form *f;
	struct task tk;
	char dbuf[16];
	int i;

	if (u->form)
		return 0;
	memset(&tk, 0, sizeof(tk));
	if (kind == UF_UPDATE || kind == UF_STATUS || kind == UF_EXTEND) {
		uint64_t id = current_task(u);

		if (id == UINT64_MAX || load_task(u, id, &tk) != 0)
			return 0;
	}
	f = xcalloc(1, sizeof(*f));
	f->kind = kind;
	f->task = tk.id;
	f->progress0 = tk.progress;
	switch (kind) {
	case UF_UPDATE:
		snprintf(f->title, sizeof(f->title), "Cập nhật nhiệm vụ #%llu",
		         (unsigned long long)tk.id);
		text_field(&f->f[0], "Ghi chú", NULL, NOTE_MAX);
		snprintf(dbuf, sizeof(dbuf), "%d", tk.progress);
		text_field(&f->f[1], "Tiến độ %", dbuf, 3);
		f->f[1].digits = 1;
		status_field(&f->f[2], tk.status);
		f->nf = 3;
		break;
	case UF_STATUS:
		snprintf(f->title, sizeof(f->title), "Trạng thái nhiệm vụ #%llu",
		         (unsigned long long)tk.id);
		status_field(&f->f[0], tk.status);
		f->nf = 1;
		break;
	case UF_EXTEND:
		snprintf(f->title, sizeof(f->title), "Gia hạn nhiệm vụ #%llu (hạn hiện tại: %s)",
		         (unsigned long long)tk.id,
		         tk.due != DATE_NONE ? date_vn(tk.due, dbuf) : "không có");
		text_field(&f->f[0], "Đến ngày", NULL, 10);
		text_field(&f->f[1], "Lý do", NULL, NOTE_MAX);
		f->nf = 2;
		break;
	case UF_FILTER:
		str_copy(f->title, "Lọc nhiệm vụ", sizeof(f->title));
		f->f[0].kind = UFF_CHOICE;
		f->f[0].label = "Hiện";
		f->f[0].choices[0] = "tất cả";
		for (i = 0; i < ST_COUNT; i++)
			f->f[0].choices[1 + i] = st_label((enum task_status)i);
		for (i = 0; i < TL_COUNT; i++)
			f->f[0].choices[1 + ST_COUNT + i] = tl_label((enum timeliness)i);
		f->f[0].nchoices = filter_choice_count();
		if (u->tasks.fkind == UI_FILTER_STATUS)
			f->f[0].choice = 1 + u->tasks.fvalue;
		else if (u->tasks.fkind == UI_FILTER_TL)
			f->f[0].choice = 1 + ST_COUNT + u->tasks.fvalue;
		f->f[0].initial = f->f[0].choice;
		f->nf = 1;
		break;
	case UF_IMPORT:
		if (u->ops->who.role != ROLE_ADMIN) {
			ui_msg(u, 1, "Không được phép: chỉ quản trị viên (vai trò admin) được nhập kế "
			             "hoạch; vai trò của bạn: %s.", role_label(u->ops->who.role));
			free(f);
			return 0;
		}
		str_copy(f->title, "Nhập kế hoạch từ tệp văn bản (UTF-8)", sizeof(f->title));
		text_field(&f->f[0], "Tệp", NULL, PATH_FIELD_MAX);
		f->f[1].kind = UFF_CHOICE;
		f->f[1].label = "Ban hành";
		f->f[1].choices[0] = "theo nội dung văn bản";
		f->f[1].choices[1] = ui_units_selected(u) ? ui_unit_name(u, ui_units_selected(u))
		                                          : "đơn vị đang chọn";
		f->f[1].nchoices = ui_units_selected(u) ? 2 : 1;
		f->nf = 2;
		break;
	case UF_SEARCH:
		str_copy(f->title, "/", sizeof(f->title));
		text_field(&f->f[0], "Tìm", NULL, 256);
		f->nf = 1;
		break;
	default:
		free(f);
		task_free(&tk);
		return 0;
	}
	task_free(&tk);
	u->form = f;
	return 1;
}

void ui_form_free(struct ui_form *f)
{
	int i;

	if (!f)
		return;
	for (i = 0; i < f->nf; i++)
		if (f->f[i].kind == UFF_TEXT)
			uil_free(&f->f[i].line);
	imp_free(f->imp);
	free(f);
}

int ui_form_dirty(const struct ui_form *f)
{
	int i;

	if (!f)
		return 0;
	for (i = 0; i < f->nf; i++)
		if (f->f[i].kind == UFF_TEXT && f->f[i].line.dirty && f->f[i].line.len > 0)
			return 1;
	return 0;
}

static void close_form(struct ui *u)
{
	ui_form_free(u->form);
	u->form = NULL;
}

/* ---- saving ---- */

static int save_update(struct ui *u, struct ui_form *f, struct err *e)
{
	char *note = NULL;
	long progress = -1;
	int status = f->f[2].choice != f->f[2].initial ? f->f[2].choice : -1, rc;
	uint64_t uid = 0;

	rc = txt_clean_input(f->f[0].line.s, NOTE_MAX, 0, &note, e);
	if (rc) {
		str_copy(e->field, "Ghi chú", sizeof(e->field));
		return rc;
	}
	if (f->f[1].line.dirty) {
		if (f->f[1].line.len == 0 ||
		    str_to_long(f->f[1].line.s, 0, 100, &progress) != 0) {
			free(note);
			return err_set(e, ERR_INPUT, "tiến độ phải là số từ 0 đến 100");
		}
		if (progress == f->progress0 && status < 0 && !*note)
			progress = -1;
	}
	if (!*note && progress < 0 && status < 0) {
		free(note);
		return err_set(e, ERR_INPUT, "chưa nhập gì để lưu");
	}
	rc = ops_update(u->ops, f->task, status, (int)progress, *note ? note : NULL, &uid, e);
	free(note);
	if (rc == 0)
		ui_msg(u, 0, "Đã lưu cập nhật cho nhiệm vụ #%llu.", (unsigned long long)f->task);
	return rc;
}

static int save_status(struct ui *u, struct ui_form *f, struct err *e)
{
	int rc;

	if (f->f[0].choice == f->f[0].initial)
		return err_set(e, ERR_INPUT, "trạng thái không đổi");
	rc = ops_update(u->ops, f->task, f->f[0].choice, -1, NULL, NULL, e);
	if (rc == 0)
		ui_msg(u, 0, "Nhiệm vụ #%llu: %s.", (unsigned long long)f->task,
		       st_label((enum task_status)f->f[0].choice));
	return rc;
}

static int save_extend(struct ui *u, struct ui_form *f, struct err *e)
{
	date_t to;
	char *reason = NULL, dbuf[16];
	int rc;

	if (f->f[0].line.len == 0)
		return err_set(e, ERR_INPUT, "cần ghi ngày gia hạn (dd/mm/yyyy)");
	rc = date_parse(f->f[0].line.s, &to, e);
	if (rc)
		return rc;
	rc = txt_clean_input(f->f[1].line.s, NOTE_MAX, 0, &reason, e);
	if (rc)
		return rc;
	if (!*reason) {
		free(reason);
		return err_set(e, ERR_INPUT, "cần ghi lý do gia hạn");
	}
	rc = ops_extend(u->ops, f->task, to, reason, e);
	free(reason);
	if (rc == 0)
		ui_msg(u, 0, "Đã gia hạn nhiệm vụ #%llu đến %s.", (unsigned long long)f->task,
		       date_vn(to, dbuf));
	return rc;
}

static int save_filter(struct ui *u, struct ui_form *f)
{
	int c = f->f[0].choice;

	if (c == 0)
		ui_tasks_set_filter(u, UI_FILTER_NONE, 0);
	else if (c <= ST_COUNT)
		ui_tasks_set_filter(u, UI_FILTER_STATUS, c - 1);
	else
		ui_tasks_set_filter(u, UI_FILTER_TL, c - 1 - ST_COUNT);
	u->focus = UI_TASKS;
	return 0;
}

static void save(struct ui *u)
{
	struct ui_form *f = u->form;
	struct err e;
	int rc = 0;

	err_clear(&e);
	switch (f->kind) {
	case UF_UPDATE:
		rc = save_update(u, f, &e);
		break;
	case UF_STATUS:
		rc = save_status(u, f, &e);
		break;
	case UF_EXTEND:
		rc = save_extend(u, f, &e);
		break;
	case UF_FILTER:
		rc = save_filter(u, f);
		break;
	case UF_SEARCH:
		ui_search_start(u, f->f[0].line.s);
		break;
	case UF_IMPORT:
		if (f->stage == 0) {
			rc = ui_import_parse(u, f, &e);
			if (rc == 0)
				return; /* stay open on the preview */
		} else {
			rc = ui_import_store(u, f, &e);
		}
		break;
	}
	if (rc) {
		char buf[600];

		str_copy(f->err, err_str(&e, buf, sizeof(buf)), sizeof(f->err));
		return;
	}
	if (f->kind == UF_UPDATE || f->kind == UF_STATUS || f->kind == UF_EXTEND)
		ui_reload(u);
	close_form(u);
}

/* ---- keys ---- */

static void field_key(struct ui_field *fd, struct ui_key k)
{
	struct ui_line *l = &fd->line;

	if (fd->kind == UFF_CHOICE) {
		if ((k.fn && k.ch == KEY_LEFT) || (!k.fn && k.ch == '-'))
			fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
		else if ((k.fn && k.ch == KEY_RIGHT) || (!k.fn && (k.ch == ' ' || k.ch == '+')))
			fd->choice = (fd->choice + 1) % fd->nchoices;
		else if (!k.fn && k.ch >= '1' && k.ch <= '9' && (int)(k.ch - '1') < fd->nchoices)
			fd->choice = (int)(k.ch - '1');
		else if (!k.fn && k.ch == '0' && fd->nchoices >= 10)
			fd->choice = 9;
		else
			beep();
		return;
	}
	if (k.fn) {
		switch (k.ch) {
		case KEY_LEFT: uil_left(l); break;
		case KEY_RIGHT: uil_right(l); break;
		case KEY_HOME: uil_home(l); break;
		case KEY_END: uil_end(l); break;
		case KEY_BACKSPACE: uil_backspace(l); break;
		case KEY_DC: uil_delete(l); break;
		default: beep(); return;
		}
		fd->fresh = 0;
		return;
	}
	switch (k.ch) {
	case 1: uil_home(l); break;          /* Ctrl-A */
	case 5: uil_end(l); break;           /* Ctrl-E */
	case 8: case 127: uil_backspace(l); break;
	case 4: uil_delete(l); break;        /* Ctrl-D */
	case 21: uil_kill_start(l); break;   /* Ctrl-U */
	default:
		if (k.ch < 0x20 || (fd->digits && (k.ch < '0' || k.ch > '9'))) {
			beep();
			return;
		}
		if (fd->fresh)
			uil_set(l, "");
		if (uil_insert_char(l, k.ch) != 0)
			beep();
	}
	fd->fresh = 0;
}

void ui_form_key(struct ui *u, struct ui_key k)
{
	struct ui_form *f = u->form;

	if (!f)
		return;
	if (f->asking) {
		f->asking = 0;
		if (!k.fn && (k.ch == 'c' || k.ch == 'C' || k.ch == 'y' || k.ch == 'Y'))
			close_form(u);
		return;
	}
	if (!k.fn && k.ch == 27) {
		if (ui_form_dirty(f))
			f->asking = 1;
		else
			close_form(u);
		return;
	}
	if ((!k.fn && (k.ch == '\n' || k.ch == '\r')) || (k.fn && k.ch == KEY_ENTER)) {
		save(u);
		return;
	}
	if ((!k.fn && k.ch == '\t') || (k.fn && k.ch == KEY_DOWN)) {
		f->cur = (f->cur + 1) % f->nf;
		return;
	}
	if ((k.fn && (k.ch == KEY_BTAB || k.ch == KEY_UP))) {
		f->cur = (f->cur + f->nf - 1) % f->nf;
		return;
	}
	f->err[0] = '\0';
	if (f->kind == UF_IMPORT && f->stage == 1) {
		/* Changing the file or the issuer discards the preview. */
		imp_free(f->imp);
		f->imp = NULL;
		f->stage = 0;
		f->info[0] = '\0';
	}
	field_key(&f->f[f->cur], k);
}

/* ---- drawing ---- */

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

void ui_form_draw(struct ui *u)
{
	struct ui_form *f = u->form;
	int w, h, x, y, i, lw = 12, cx = 0, cy = 0, ninfo;
	attr_t field_a = A_UNDERLINE;

	if (!f)
		return;
	if (f->kind == UF_SEARCH) {
		draw_search(u);
		return;
	}
	w = u->lo.cols - 8 < 76 ? u->lo.cols - 8 : 76;
	ninfo = f->info[0] ? txt_wrap(f->info, w - 4, NULL, NULL) : 0;
	if (ninfo > INFO_LINES)
		ninfo = INFO_LINES;
	h = f->nf * 2 + 5 + ninfo;
	x = (u->lo.cols - w) / 2;
	y = (u->lo.msg_y - h) / 2 > 0 ? (u->lo.msg_y - h) / 2 : 0;
	draw_box(y, x, h, w);
	ui_put_cut(y, x + 2, w - 4, f->title, A_BOLD);
	for (i = 0; i < f->nf; i++) {
		struct ui_field *fd = &f->f[i];
		int fy = y + 2 + i * 2, fx = x + 2 + lw, fw = w - 4 - lw;
		attr_t la = i == f->cur ? A_BOLD : A_NORMAL;

		ui_put(fy, x + 2, lw, fd->label, la);
		if (fd->kind == UFF_TEXT) {
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
	}
	if (ninfo) {
		struct info_ctx ic = { y + h - 2 - ninfo, x + 2, w - 4, ninfo };

		txt_wrap(f->info, w - 4, info_line, &ic);
	}
	if (f->asking)
		ui_put(y + h - 2, x + 2, w - 4, "Bỏ nội dung đã nhập? (c: có, phím khác: không)",
		       ui_attr(u, UC_ERROR));
	else if (f->err[0])
		ui_put(y + h - 2, x + 2, w - 4, f->err, ui_attr(u, UC_ERROR));
	else
		ui_put(y + h - 2, x + 2, w - 4,
		       f->kind == UF_FILTER || f->kind == UF_STATUS
		           ? "←/→ hoặc số: chọn · Enter: áp dụng · Esc: hủy"
		       : f->kind == UF_IMPORT && f->stage == 0
		           ? "Enter: đọc tệp và xem trước · Tab: trường sau · Esc: hủy"
		       : f->kind == UF_IMPORT ? "Enter: lưu vào kho · Esc: hủy"
		                              : "Enter: lưu · Tab/↓: trường sau · Esc: hủy",
		       ui_attr(u, UC_MUTED));
	move(cy, cx);
}
