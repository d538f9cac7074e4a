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
#include "period.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

#define NOTE_MAX 2000   /* bytes of a note or a reason (ui-form-save.c checks) */
#define NOTE_ROWS 3     /* lines a note or a reason shows, word-wrapped */
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
	f->rows = max == NOTE_MAX ? NOTE_ROWS : 0;
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
 * the actor may do `a` on it; a refusal is said with its rule. */
static int load_task(struct ui *u, uint64_t id, enum perm_action a, struct task *tk)
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
	if (!ops_may(u->ops, a, tk, &e)) {
		ui_msg(u, 1, "Không được phép: %s", e.msg[0] ? e.msg : "vai trò không cho phép");
		task_free(tk);
		return -1;
	}
	if (a == PA_CONFIRM && tk->confirm != CF_PENDING) {
		ui_msg(u, 1, "Nhiệm vụ #%llu không chờ xác nhận (trạng thái: %s%s%s).",
		       (unsigned long long)id, st_label((enum task_status)tk->status),
		       tk->confirm != CF_NONE ? ", " : "",
		       ops_confirm_label((enum confirm_state)tk->confirm));
		task_free(tk);
		return -1;
	}
	return 0;
}

/* The task the forms u, s, e, x and T write to: the selected row of a task
 * list view, or of the tasks pane; UINT64_MAX (said why) when none. */
static uint64_t current_task(struct ui *u)
{
	if (ui_view_is_list(u->view)) {
		uint64_t id = ui_view_task(u);

		if (!id) {
			ui_msg(u, 1, "Dòng đang chọn không phải một nhiệm vụ.");
			return UINT64_MAX;
		}
		return id;
	}
	if (u->view != UI_VIEW_PANES || u->focus != UI_TASKS) {
		ui_msg(u, 1, "Hãy chọn một nhiệm vụ trong khung Nhiệm vụ (Tab để sang khung đó).");
		return UINT64_MAX;
	}
	return ui_tasks_selected(u);
}

static enum perm_action action_of(int kind)
{
	switch (kind) {
	case UF_STATUS: return PA_STATUS;
	case UF_EXTEND: case UF_EXT_GRANT: case UF_EXT_REFUSE: return PA_EXTEND;
	case UF_EXT_REQUEST: return PA_EXTEND_REQUEST;
	case UF_CONFIRM: case UF_RETURN: return PA_CONFIRM;
	default: return PA_NOTE;
	}
}

/* The filter: "tất cả", then each status, then each timeliness, in two
 * groups with their headings. */
static void filter_field(struct ui *u, struct ui_field *fd)
{
	int i;

	fd->kind = UFF_LIST;
	fd->label = "Hiện";
	fd->choices[0] = "tất cả nhiệm vụ";
	for (i = 0; i < ST_COUNT; i++)
		fd->choices[1 + i] = st_label((enum task_status)i);
	for (i = 0; i < TL_COUNT; i++)
		fd->choices[1 + ST_COUNT + i] = i == TL_OVERDUE ? "quá hạn (cả chưa báo cáo)"
		                                                : tl_label((enum timeliness)i);
	fd->heads[1] = "Theo trạng thái (đơn vị báo cáo):";
	fd->heads[1 + ST_COUNT] = "Theo tình trạng (so với thời hạn):";
	fd->nchoices = filter_choice_count();
	if (u->tasks.fkind == UI_FILTER_STATUS)
		fd->choice = 1 + u->tasks.fvalue;
	else if (u->tasks.fkind == UI_FILTER_TL)
		fd->choice = 1 + ST_COUNT + u->tasks.fvalue;
	fd->initial = fd->choice;
}

/* The measure form on the selected indicator, if the actor may record. */
static int measure_form(struct ui *u, struct ui_form *f)
{
	const struct indicator *ind = ui_ind_selected(u);
	struct err e;
	char dbuf[16];

	err_clear(&e);
	if (!ind) {
		ui_msg(u, 1, "Chưa chọn chỉ tiêu.");
		return -1;
	}
	if (!ind_may_measure(u->ops, ind, &e)) {
		ui_msg(u, 1, "Không được phép: %s", e.msg[0] ? e.msg : "vai trò không cho phép");
		return -1;
	}
	f->indicator = ind->id;
	snprintf(f->title, sizeof(f->title), "Ghi số liệu chỉ tiêu #%llu%s%s%s",
	         (unsigned long long)ind->id, ind->unit_of[0] ? " (đơn vị: " : "", ind->unit_of,
	         ind->unit_of[0] ? ")" : "");
	text_field(&f->f[0], "Giá trị", NULL, 32);
	text_field(&f->f[1], "Ngày", date_vn(ops_write_day(u->ops), dbuf), 10);
	text_field(&f->f[2], "Nguồn", NULL, NOTE_MAX);
	f->nf = 3;
	return 0;
}

static int import_form(struct ui *u, struct ui_form *f)
{
	struct err e;

	err_clear(&e);
	if (ops_require(u->ops, PA_IMPORT, &e) != 0) {
		ui_msg(u, 1, "Không được phép: %s", e.msg[0] ? e.msg : "vai trò không cho phép");
		return -1;
	}
	str_copy(f->title, "Nhập kế hoạch từ tệp văn bản (UTF-8)", sizeof(f->title));
	text_field(&f->f[0], "Tệp", NULL, PATH_FIELD_MAX);
	f->f[1].kind = UFF_CHOICE;
	f->f[1].label = "Ban hành";
	f->f[1].choices[0] = "theo nội dung văn bản";
	f->f[1].choices[1] = ui_units_selected(u) ? ui_unit_name(u, ui_units_selected(u))
	                                          : "đơn vị đang chọn";
	f->f[1].nchoices = ui_units_selected(u) ? 2 : 1;
	ui_import_target_field(u, f, &f->f[2]);
	f->nf = 3;
	return 0;
}

static int is_task_form(int kind)
{
	return kind == UF_UPDATE || kind == UF_STATUS || kind == UF_EXTEND ||
	       kind == UF_CONFIRM || kind == UF_RETURN || kind == UF_EXT_REQUEST ||
	       kind == UF_EXT_GRANT || kind == UF_EXT_REFUSE;
}

/* e on a task: the extension itself for those who may grant it, else the
 * request for one when the actor may ask (the unit that owes it). */
static int extend_kind(struct ui *u, uint64_t id)
{
	struct txn *t;
	struct task tk;
	int kind = UF_EXTEND;

	memset(&tk, 0, sizeof(tk));
	if (store_read_begin(u->ops->st, &t, NULL) != 0)
		return kind;
	if (store_task_get(t, id, &tk, NULL) == 0 && !ops_may(u->ops, PA_EXTEND, &tk, NULL) &&
	    ops_may(u->ops, PA_EXTEND_REQUEST, &tk, NULL))
		kind = UF_EXT_REQUEST;
	store_read_end(t);
	task_free(&tk);
	return kind;
}

/* The request form on the queue's selected request (x: grant, T: refuse). */
static void request_form(struct ui *u, struct ui_form *f, const struct task *tk)
{
	struct extension x;
	struct txn *t;
	char asked[16] = "", due[16];

	extension_init(&x);
	if (store_read_begin(u->ops->st, &t, NULL) == 0) {
		if (store_extension_get(t, f->ext, &x, NULL) == 0 && x.to != DATE_NONE)
			date_vn(x.to, asked);
		store_read_end(t);
	}
	snprintf(f->title, sizeof(f->title), "%s đề nghị gia hạn #%llu của nhiệm vụ #%llu "
	         "(hạn hiện tại %s, đề nghị đến %s)",
	         f->kind == UF_EXT_GRANT ? "Chấp nhận" : "Không chấp nhận",
	         (unsigned long long)f->ext, (unsigned long long)tk->id,
	         tk->due != DATE_NONE ? date_vn(tk->due, due) : "không có", asked);
	if (f->kind == UF_EXT_GRANT) {
		text_field(&f->f[0], "Đến ngày", asked, 10);
		text_field(&f->f[1], "Ghi chú", NULL, NOTE_MAX);
		f->nf = 2;
	} else {
		text_field(&f->f[0], "Lý do", NULL, NOTE_MAX);
		f->nf = 1;
	}
	extension_free(&x);
}

int ui_form_open(struct ui *u, int kind)
{
	struct ui_form *f;
	struct task tk;
	char dbuf[16];
	int rc = 0;

	if (u->form)
		return 0;
	memset(&tk, 0, sizeof(tk));
	/* x and T on a request for an extension in the queue decide it */
	if ((kind == UF_CONFIRM || kind == UF_RETURN) && u->view == UI_VIEW_QUEUE &&
	    ui_queue_selected_ext(u))
		kind = kind == UF_CONFIRM ? UF_EXT_GRANT : UF_EXT_REFUSE;
	if (is_task_form(kind)) {
		uint64_t id = current_task(u);

		if (id == UINT64_MAX)
			return 0;
		if (kind == UF_EXTEND)
			kind = extend_kind(u, id);
		if (load_task(u, id, action_of(kind), &tk) != 0)
			return 0;
	}
	f = xcalloc(1, sizeof(*f));
	f->kind = kind;
	if (kind == UF_EXT_GRANT || kind == UF_EXT_REFUSE)
		f->ext = ui_queue_selected_ext(u);
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
		/* the day the work was done, when reported late: empty is today */
		text_field(&f->f[3], "Xong ngày", NULL, 10);
		f->nf = 4;
		/* a recurring task: the period reported for (empty: the default) */
		if (per_recurring_part(&tk.dl))
			text_field(&f->f[f->nf++], "Kỳ báo cáo", NULL, 40);
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
	case UF_EXT_REQUEST:
		snprintf(f->title, sizeof(f->title),
		         "Đề nghị gia hạn nhiệm vụ #%llu (hạn hiện tại: %s; văn phòng theo dõi quyết định)",
		         (unsigned long long)tk.id,
		         tk.due != DATE_NONE ? date_vn(tk.due, dbuf) : "không có");
		text_field(&f->f[0], "Đến ngày", NULL, 10);
		text_field(&f->f[1], "Lý do", NULL, NOTE_MAX);
		f->nf = 2;
		break;
	case UF_EXT_GRANT:
	case UF_EXT_REFUSE:
		request_form(u, f, &tk);
		break;
	case UF_CONFIRM:
		snprintf(f->title, sizeof(f->title), "Xác nhận hoàn thành nhiệm vụ #%llu (báo ngày %s)",
		         (unsigned long long)tk.id,
		         tk.done_date != DATE_NONE ? date_vn(tk.done_date, dbuf) : "?");
		text_field(&f->f[0], "Ghi chú", NULL, NOTE_MAX);
		f->nf = 1;
		break;
	case UF_RETURN:
		snprintf(f->title, sizeof(f->title), "Trả lại nhiệm vụ #%llu: yêu cầu thực hiện lại",
		         (unsigned long long)tk.id);
		text_field(&f->f[0], "Lý do", NULL, NOTE_MAX);
		f->nf = 1;
		break;
	case UF_MEASURE:
		rc = measure_form(u, f);
		break;
	case UF_FILTER:
		str_copy(f->title, "Lọc nhiệm vụ", sizeof(f->title));
		filter_field(u, &f->f[0]);
		f->nf = 1;
		break;
	case UF_IMPORT:
		rc = import_form(u, f);
		break;
	case UF_SEARCH:
		str_copy(f->title, "/", sizeof(f->title));
		text_field(&f->f[0], "Tìm", NULL, 256);
		f->nf = 1;
		ui_search_mark(u);
		break;
	default:
		rc = -1;
	}
	task_free(&tk);
	if (rc) {
		ui_form_free(f);
		return 0;
	}
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
	ui_import_reset(f);
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

static void save(struct ui *u)
{
	struct ui_form *f = u->form;
	struct err e;
	int rc;

	err_clear(&e);
	rc = ui_form_save(u, f, &e);
	if (rc == 1)
		return; /* stays open */
	if (rc) {
		char buf[600];

		str_copy(f->err, err_str(&e, buf, sizeof(buf)), sizeof(f->err));
		return;
	}
	close_form(u);
}

/* ---- keys ---- */

/* The rows of a list field: group headings and choices.  rowof[i] (may be
 * NULL) receives choice i's row; returns the number of rows. */
static int list_rows(const struct ui_field *fd, int *rowof)
{
	int i, r = 0;

	for (i = 0; i < fd->nchoices; i++) {
		if (fd->heads[i])
			r++;
		if (rowof)
			rowof[i] = r;
		r++;
	}
	return r;
}

/* The letter shown before choice i of a list: a, b, ... leaving out j
 * and k, which move as everywhere else. */
static char list_letter(int i)
{
	char c = (char)('a' + i);

	return c >= 'j' ? (char)(c + 2) : c;
}

/* The choice a letter (either case) picks, or -1. */
static int letter_choice(uint32_t ch, int n)
{
	int i;

	if (ch >= 'A' && ch <= 'Z')
		ch = ch - 'A' + 'a';
	for (i = 0; i < n; i++)
		if ((uint32_t)list_letter(i) == ch)
			return i;
	return -1;
}

/* ↑ ↓ j k PgUp PgDn Home End move in a list; a row's letter (or, as in
 * the other choices, its number) selects it.  Returns 1 if the key was
 * used. */
static int list_key(struct ui_field *fd, struct ui_key k)
{
	int n = fd->nchoices, c;

	if (!k.fn && (k.ch == 'j' || k.ch == 'k')) {
		k.fn = 1;
		k.ch = k.ch == 'j' ? KEY_DOWN : KEY_UP;
	}
	if (k.fn) {
		switch (k.ch) {
		case KEY_UP: fd->choice = fd->choice > 0 ? fd->choice - 1 : 0; return 1;
		case KEY_DOWN: fd->choice = fd->choice + 1 < n ? fd->choice + 1 : n - 1; return 1;
		case KEY_PPAGE: case KEY_HOME: fd->choice = 0; return 1;
		case KEY_NPAGE: case KEY_END: fd->choice = n - 1; return 1;
		default: return 0;
		}
	}
	if ((c = letter_choice(k.ch, n)) >= 0) {
		fd->choice = c;
		return 1;
	}
	if (k.ch >= '1' && k.ch <= '9' && (int)(k.ch - '1') < n) {
		fd->choice = (int)(k.ch - '1');
		return 1;
	}
	return 0;
}

static void field_key(struct ui_field *fd, struct ui_key k)
{
	struct ui_line *l = &fd->line;

	if (fd->kind == UFF_LIST) {
		if (!list_key(fd, k))
			beep();
		return;
	}
	if (fd->kind == UFF_CHOICE) {
		if ((k.fn && k.ch == KEY_LEFT) || (!k.fn && k.ch == '-'))
			fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
		else if ((k.fn && k.ch == KEY_RIGHT) || (!k.fn && (k.ch == ' ' || k.ch == '+')))
			fd->choice = (fd->choice + 1) % fd->nchoices;
		else if (!k.fn && k.ch >= '1' && k.ch <= '9' && (int)(k.ch - '1') < fd->nchoices)
			fd->choice = (int)(k.ch - '1');
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
	struct ui_field *cur;

	if (!f)
		return;
	if (f->asking) {
		f->asking = 0;
		if (!k.fn && (k.ch == 'c' || k.ch == 'C' || k.ch == 'y' || k.ch == 'Y'))
			close_form(u);
		return;
	}
	if (f->kind == UF_IMPORT && f->stage == 2) {
		if (ui_import_confirm(f, k))
			save(u);
		return;
	}
	if (!k.fn && k.ch == 27 && f->kind == UF_SEARCH) {
		ui_search_cancel(u);
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
	cur = &f->f[f->cur];
	if (cur->kind == UFF_LIST && list_key(cur, k))
		return;
	if (f->kind == UF_IMPORT && f->stage >= 1 && ui_import_scroll(f, k))
		return;
	if ((!k.fn && k.ch == '\t') || (k.fn && k.ch == KEY_DOWN)) {
		f->cur = (f->cur + 1) % f->nf;
		return;
	}
	if ((k.fn && (k.ch == KEY_BTAB || k.ch == KEY_UP))) {
		f->cur = (f->cur + f->nf - 1) % f->nf;
		return;
	}
	f->err[0] = '\0';
	if (f->kind == UF_IMPORT)
		ui_import_reset(f); /* changing the file or a choice discards the preview */
	if (f->kind == UF_SEARCH) {
		/* Incremental: each change of the text searches again. */
		char *before = xstrdup(cur->line.s);

		field_key(cur, k);
		if (strcmp(before, cur->line.s) != 0)
			ui_search_live(u, cur->line.s);
		free(before);
		return;
	}
	field_key(cur, k);
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
	int rowof[UI_CHOICES_MAX], n = list_rows(fd, rowof), i, r;
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
		snprintf(buf, sizeof(buf), "  %c. %s", list_letter(i), fd->choices[i]);
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
		return "j/k, ↑/↓ hoặc chữ cái: chọn · Enter: áp dụng · Esc: hủy";
	case UF_STATUS:
		return "←/→ hoặc số: chọn · Enter: áp dụng · Esc: hủy";
	case UF_IMPORT:
		return ui_import_hint(f);
	default:
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
	n = list_rows(fd, NULL);
	return n < room ? n : room;
}

void ui_form_draw(struct ui *u)
{
	struct ui_form *f = u->form;
	int w, h, x, y, i, lw = 12, cx = 0, cy = 0, ninfo, body = 0, fy, preview;
	attr_t field_a = A_UNDERLINE;

	if (!f)
		return;
	if (f->kind == UF_SEARCH) {
		draw_search(u);
		return;
	}
	preview = f->kind == UF_IMPORT && f->stage >= 1;
	w = preview ? u->lo.cols - 2 : u->lo.cols - 8 < 76 ? u->lo.cols - 8 : 76;
	ninfo = f->info[0] ? txt_wrap(f->info, w - 4, NULL, NULL) : 0;
	if (ninfo > INFO_LINES)
		ninfo = INFO_LINES;
	for (i = 0; i < f->nf; i++)
		body += field_rows(&f->f[i], u->lo.msg_y - 5 - ninfo);
	h = preview ? u->lo.msg_y : body + 5 + ninfo;
	x = (u->lo.cols - w) / 2;
	y = (u->lo.msg_y - h) / 2 > 0 ? (u->lo.msg_y - h) / 2 : 0;
	draw_box(y, x, h, w);
	ui_put_cut(y, x + 2, w - 4, f->title, A_BOLD);
	fy = y + 2;
	for (i = 0; i < f->nf; i++) {
		struct ui_field *fd = &f->f[i];
		int fx = x + 2 + lw, fw = w - 4 - lw, rows = field_rows(fd, u->lo.msg_y - 5 - ninfo);
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
		ui_import_draw(u, f, fy + 1, x + 2, y + h - 3 - (fy + 1), w - 4);
	if (f->asking)
		ui_put(y + h - 2, x + 2, w - 4, "Bỏ nội dung đã nhập? (c: có, phím khác: không)",
		       ui_attr(u, UC_ERROR));
	else if (f->err[0])
		ui_put(y + h - 2, x + 2, w - 4, f->err, ui_attr(u, UC_ERROR));
	else
		ui_put(y + h - 2, x + 2, w - 4, hint_of(f), ui_attr(u, UC_MUTED));
	move(cy, cx);
}
