/* ui-form.c — the modal forms: build them on the selected task (or
 * indicator, request, list), checking the actor's permission first.
 * Their keys are in ui-form-keys.c, their drawing in ui-form-draw.c, their
 * saving in ui-form-save.c; the forms that correct records in
 * ui-form-edit.c.
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

/* The timeliness the filter offers: all but TL_ON_HOLD, which a task has
 * exactly when its status is ST_ON_HOLD (the status group's "tạm dừng"),
 * so that no two items of the list pick the same tasks under one label. */
static const enum timeliness filter_tls[] = {
	TL_DONE_ON_TIME, TL_DONE_LATE, TL_ON_TRACK, TL_DUE_SOON, TL_OVERDUE,
	TL_UNREPORTED, TL_AWAITING, TL_REVIEW, TL_UNDATED,
};
#define FILTER_NTL ((int)(sizeof(filter_tls) / sizeof(filter_tls[0])))

/* "Tất cả", the statuses, then the timeliness of filter_tls. */
static int filter_choice_count(void)
{
	return 1 + ST_COUNT + FILTER_NTL;
}

void ui_form_filter_of(int choice, int *kind, int *value)
{
	*kind = UI_FILTER_NONE;
	*value = 0;
	if (choice >= 1 && choice <= ST_COUNT) {
		*kind = UI_FILTER_STATUS;
		*value = choice - 1;
	} else if (choice > ST_COUNT && choice < filter_choice_count()) {
		*kind = UI_FILTER_TL;
		*value = (int)filter_tls[choice - 1 - ST_COUNT];
	}
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
	for (i = 0; i < FILTER_NTL; i++)
		fd->choices[1 + ST_COUNT + i] = filter_tls[i] == TL_OVERDUE ? "quá hạn (cả chưa báo cáo)"
		                                                            : tl_label(filter_tls[i]);
	fd->heads[1] = "Theo trạng thái (đơn vị báo cáo):";
	fd->heads[1 + ST_COUNT] = "Theo tình trạng (so với thời hạn):";
	fd->nchoices = filter_choice_count();
	if (u->tasks.fkind == UI_FILTER_STATUS)
		fd->choice = 1 + u->tasks.fvalue;
	else if (u->tasks.fkind == UI_FILTER_TL)
		for (i = 0; i < FILTER_NTL; i++)
			if ((int)filter_tls[i] == u->tasks.fvalue)
				fd->choice = 1 + ST_COUNT + i;
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
	str_copy(f->title, "Nhập kế hoạch từ tệp Word, OpenDocument, PDF hoặc văn bản thuần", sizeof(f->title));
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
	case UF_EDIT:
	case UF_MOVE:
	case UF_DELETE:
		rc = ui_form_edit_build(u, f);
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
	for (i = 0; i < UI_FORM_FIELDS; i++)
		free(f->orig[i]);
	free(f->name);
	ui_import_reset(f);
	free(f);
}

int ui_form_dirty(const struct ui_form *f)
{
	int i;

	if (!f)
		return 0;
	for (i = 0; i < f->nf; i++) {
		const struct ui_field *fd = &f->f[i];

		if (fd->kind != UFF_TEXT || !fd->line.dirty)
			continue;
		/* a field that held a value (the edit forms): any change, even
		 * to empty; else text typed */
		if (f->orig[i] ? strcmp(fd->line.s, f->orig[i]) != 0 : fd->line.len > 0)
			return 1;
	}
	return 0;
}
